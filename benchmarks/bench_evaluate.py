"""Per-call cost of recert.evaluate(), side by side with two baselines, and its growth.

Prints, in one run:

1. microseconds per call for a typical record (3 holdings, 2 exams, 10 activities,
   explanations on) with ``evaluate()``; a minimal hand-written function that
   decides only the same record's met options; and GoRules zen-engine
   evaluating a decision table of the Cisco options for the record's three
   certifications (skipped, saying so, when ``zen-engine`` is not installed);
   with ratios;
2. microseconds per call for records with 10, 100, 1,000 and 10,000
   activities, and the ratio t(10,000)/t(1,000) (near 10 for linear growth).

Each figure is the best of several repeats (wall clock, ``time.perf_counter``)
and also the process CPU time, since a shared machine inflates wall time.

    pip install -e ".[bench]"
    python benchmarks/bench_evaluate.py [--quick]
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import AS_OF, record_with_activities, typical_record

from recert import cisco_policy, evaluate
from recert.core.result import Evaluation


def per_call(function: Callable[[], object], *, seconds: float = 1.0, repeats: int = 5) -> tuple[float, float]:
    """(best wall µs per call, CPU µs per call over all repeats)."""
    function()
    start = time.perf_counter()
    calls = 0
    while time.perf_counter() - start < seconds / 10:
        function()
        calls += 1
    number = max(1, int(calls * 10 / repeats))
    best = float("inf")
    cpu_start = time.process_time()
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(number):
            function()
        best = min(best, (time.perf_counter() - t0) / number)
    cpu = (time.process_time() - cpu_start) / (number * repeats)
    return best * 1e6, cpu * 1e6


# --- baseline 1: a minimal hand-written function for the record's options -----------------------

_OPTIONS = {  # level -> [(label, CE credits needed, {exam kind: count})]; spec section 2
    "associate": [("30 CE credits", 30, {}), ("1 associate exam", 0, {"associate": 1}),
                  ("1 concentration exam", 0, {"concentration": 1}), ("1 core exam", 0, {"core": 1})],
    "specialist": [("40 CE credits", 40, {}), ("1 concentration exam", 0, {"concentration": 1}),
                   ("1 core exam", 0, {"core": 1})],
    "professional": [("80 CE credits", 80, {}), ("1 core exam", 0, {"core": 1}),
                     ("2 concentration exams", 0, {"concentration": 2}),
                     ("40 CE credits + 1 professional exam", 40, {"professional": 1})],
}


def minimal(facts: list[tuple[str, float, dict[str, int]]]) -> list[list[str]]:
    """For each (level, CE credits, exam counts): the labels of the options met."""
    out = []
    for level, credits, exams in facts:
        met = []
        for label, needed, kinds in _OPTIONS[level]:
            if credits >= needed and all(exams.get(k, 0) >= n for k, n in kinds.items()):
                met.append(label)
        out.append(met)
    return out


# The typical record's facts per certification in its current term as of AS_OF, counted by
# hand from generate.typical_record(): CCNA and the Enterprise Core specialist started new
# terms on 2025-04-22 (the day of their last exam, which therefore does not count, D-TERM-1)
# and their credits pool toward the professional level (D-POOL-1); CCNP Enterprise's term
# started 2024-06-10: 32 credits in the pool (c5 8 + c6 16 + c9 8) and 300-420 on 2025-04-22.
FACTS = [
    ("associate", 0.0, {}),
    ("specialist", 0.0, {}),
    ("professional", 32.0, {"concentration": 1, "professional": 1}),
]


# --- baseline 2: zen-engine with a decision table of the Cisco options ---------------------------

def zen_table() -> dict[str, Any]:
    """A JDM decision graph: one 'collect' table, a row per Cisco option (spec section 2)."""
    inputs = [("lv", "level"), ("ce", "ce"), ("assoc", "associate"), ("core", "core"),
              ("conc", "concentration"), ("prof", "professional")]
    rules = []
    for level, options in _OPTIONS.items():
        for label, needed, kinds in options:
            row = {"_id": f"r{len(rules)}", "lv": json.dumps(level),
                   "ce": f">= {needed}" if needed else "", "opt": json.dumps(label)}
            for column, field in inputs[2:]:
                row[column] = f">= {kinds[field]}" if field in kinds else ""
            rules.append(row)
    return {
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "Request", "position": {"x": 0, "y": 0}},
            {"id": "table", "type": "decisionTableNode", "name": "Options",
             "position": {"x": 200, "y": 0},
             "content": {"hitPolicy": "collect",
                         "inputs": [{"id": i, "name": f, "field": f} for i, f in inputs],
                         "outputs": [{"id": "opt", "name": "option", "field": "option"}],
                         "rules": rules}},
            {"id": "out", "type": "outputNode", "name": "Response", "position": {"x": 400, "y": 0}},
        ],
        "edges": [{"id": "e1", "sourceId": "in", "targetId": "table", "type": "edge"},
                  {"id": "e2", "sourceId": "table", "targetId": "out", "type": "edge"}],
    }


def zen_call() -> Callable[[], object] | None:
    try:
        import zen
    except ImportError:
        return None
    decision = zen.ZenEngine().create_decision(json.dumps(zen_table()))
    contexts = [{"level": level, "ce": credits, **{k: exams.get(k, 0) for k in
                 ("associate", "core", "concentration", "professional")}}
                for level, credits, exams in FACTS]

    def call() -> object:
        return [decision.evaluate(context)["result"] for context in contexts]

    return call


# --- floor: the result objects alone -------------------------------------------------------------

def result_objects_only(evaluation: Evaluation) -> Callable[[], Evaluation]:
    """A function that builds an equal Evaluation from ready field values: no decisions, no text.

    The result shape is fixed by the record format (spec/record-format.md): a
    typical record's result is about 60 frozen attrs objects. What building
    them costs is a floor for evaluate() in CPython, whatever the engine does.
    The values are those the result pickles as (``Evaluation.__reduce__``).
    """
    rebuild, values = evaluation.__reduce__()
    return lambda: rebuild(*values)


def main() -> None:
    quick = "--quick" in sys.argv
    seconds = 0.3 if quick else 1.5
    policy = cisco_policy()
    record = typical_record()
    evaluation = evaluate(record, as_of=AS_OF, policy=policy)
    expected: list[list[str]] = [[], [], []]  # nothing met yet: 8 credits short of 40 + 1 exam
    assert minimal(FACTS) == expected, minimal(FACTS)

    print("== per call, typical record (3 holdings, 2 exams, 10 activities, explanations on)")
    print(f"   evaluate(): {len(evaluation.events)} events, {len(evaluation.activities)} activities")
    ours = per_call(lambda: evaluate(record, as_of=AS_OF, policy=policy), seconds=seconds)
    hand = per_call(lambda: minimal(FACTS), seconds=seconds)
    build = result_objects_only(evaluation)
    assert build() == evaluation
    floor = per_call(build, seconds=seconds)
    objects = (len(evaluation.certifications) + len(evaluation.activities) + len(evaluation.events)
               + sum(1 + len(n.options) for n in evaluation.next) + 2)
    print(f"   recert.evaluate()          {ours[0]:10.1f} µs wall  {ours[1]:10.1f} µs CPU")
    print(f"   its {objects} result objects    {floor[0]:10.1f} µs wall  {floor[1]:10.1f} µs CPU"
          f"   (built from ready values: a floor; evaluate/floor = {ours[0] / floor[0]:.0f}x)")
    print(f"   hand-written options only  {hand[0]:10.2f} µs wall  {hand[1]:10.2f} µs CPU"
          f"   evaluate/hand = {ours[0] / hand[0]:,.0f}x")
    zen = zen_call()
    if zen is None:
        print("   zen-engine                 not installed (pip install zen-engine): skipped")
    else:
        got = zen()
        assert [[r["option"] for r in rows] for rows in got] == expected, got  # type: ignore[attr-defined]
        z = per_call(zen, seconds=seconds)
        print(f"   zen-engine table (3 certs) {z[0]:10.1f} µs wall  {z[1]:10.1f} µs CPU"
              f"   zen/evaluate = {z[0] / ours[0]:.2f}x")
    print("   targets: evaluate() <= 20 µs; >= 10x faster than zen-engine")

    print("== growth: one record with N activities (CCNA + CCNP Enterprise since 2019-09-15)")
    sizes = (10, 100, 1000) if quick else (10, 100, 1000, 10000)
    times = {}
    for size in sizes:
        grown = record_with_activities(size)
        wall, cpu = per_call(lambda grown=grown: evaluate(grown, as_of=AS_OF, policy=policy),
                             seconds=seconds, repeats=3)
        times[size] = wall
        print(f"   {size:6d} activities  {wall:12.1f} µs wall  {cpu:12.1f} µs CPU"
              f"  {wall / size:8.1f} µs per activity")
    if 10000 in times:
        print(f"   t(10,000)/t(1,000) = {times[10000] / times[1000]:.1f} (10 = linear)")


if __name__ == "__main__":
    main()
