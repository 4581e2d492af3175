"""Where the time of one record goes, stage by stage, and the floor of this design (issue 14, round 3).

For the typical record and for generated records (per record), each stage is
timed alone on inputs made beforehand (process CPU time, median of
``--rounds`` rounds), so that the stages add up to the whole:

- ``parse``: JSON text -> ``Record`` (``json.loads`` + ``record_from_mapping``, the loaders' checks);
- ``resolve``: names against the policy's catalog;
- ``replay``: the base replay up to ``as_of`` with its outcomes (explanations on), no what-ifs;
- ``replay, no explanations``: the same with the events' sentences not made;
- ``stripped replay``: no explanations, no outcomes, no what-ifs: the replay's decisions
  alone, the lower bound of this design (everything a status needs);
- ``what-ifs``: ``evaluate()``'s copies and what-if replays for pending claims (R-CE-3), i.e.
  the base replay with its forks and trail, then ``awaiting``, minus ``replay``;
- ``result``: the frozen result objects from a finished replay;
- ``to_dict``: the JSON shape (sentences formatted here when kept as data);
- ``JSON text``: the standard library's encoder as the command line uses it;
- ``evaluate()``: the call as a caller makes it (statuses read, nothing else).

    python benchmarks/bench_floor.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from generate import AS_OF, generate_records, to_mapping, typical_record

from recert import cisco_policy, evaluate, record_from_mapping
from recert.core.engine import _TRAIL_AFTER_DAYS
from recert.core.engine._explain import result
from recert.core.engine._resolve import resolve
from recert.core.engine._timeline import Replay
from recert.core.engine._whatif import Trail, awaiting
from recert.core.record import Record

POLICY = cisco_policy()
ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def _replay(record: Record, *, explain: bool = True, outcomes: bool = True) -> Replay:
    replay = Replay(POLICY, resolve(record, POLICY), AS_OF)
    replay.explain = explain
    replay.run(outcomes=outcomes)
    return replay


def _with_whatifs(record: Record) -> tuple[Replay, dict[str, list[str]]]:
    """What ``evaluate()`` does before building the result (see ``recert.core.engine.evaluate``)."""
    replay = Replay(POLICY, resolve(record, POLICY), AS_OF)
    fork_on = {e.arrival for e in replay.entries if not e.approved}
    trail = None
    if fork_on:
        first = min(fork_on)
        days = replay.timeline.days
        if sum(1 for d in days if d > first) >= _TRAIL_AFTER_DAYS:
            trail = Trail()
    forks = replay.run(fork_on=fork_on, watch=trail.recorder(first) if trail is not None else None)
    return replay, awaiting(replay, forks, trail)


def stages(records: list[Record]) -> dict[str, Callable[[], object]]:
    """Stage name -> one run of that stage over *records* (inputs made beforehand)."""
    texts = [json.dumps(to_mapping(r)) for r in records]
    finished = [_with_whatifs(r) for r in records]
    evaluations = [evaluate(r, as_of=AS_OF, policy=POLICY) for r in records]

    def to_dicts() -> list[object]:
        # Fresh results each time: a sentence kept as data is formatted at its first reading.
        fresh = [evaluate(r, as_of=AS_OF, policy=POLICY) for r in records]
        start = time.process_time()
        out = [e.to_dict() for e in fresh]
        to_dicts.used = time.process_time() - start  # type: ignore[attr-defined]
        return out

    dicts = [e.to_dict() for e in evaluations]
    return {
        "parse": lambda: [record_from_mapping(json.loads(t), policy=POLICY) for t in texts],
        "resolve": lambda: [resolve(r, POLICY) for r in records],
        "replay": lambda: [_replay(r) for r in records],
        "replay, no explanations": lambda: [_replay(r, explain=False) for r in records],
        "stripped replay": lambda: [_replay(r, explain=False, outcomes=False) for r in records],
        "replay + what-ifs": lambda: [_with_whatifs(r) for r in records],
        "result": lambda: [
            result(replay, r, waiting) for (replay, waiting), r in zip(finished, records, strict=True)
        ],
        "to_dict": to_dicts,
        "JSON text": lambda: [ENCODE(d) for d in dicts],
        "evaluate()": lambda: [evaluate(r, as_of=AS_OF, policy=POLICY) for r in records],
    }


def measure(run: Callable[[], object], per: int, rounds: int, repeat: int) -> float:
    """Median CPU µs per record over *rounds*, each of *repeat* runs over *per* records."""
    run()
    samples = []
    for _ in range(rounds):
        used = 0.0
        for _ in range(repeat):
            start = time.process_time()
            run()
            own = getattr(run, "used", None)  # a stage that times itself (fresh inputs made first)
            used += own if own is not None else time.process_time() - start
        samples.append(used / repeat / per * 1e6)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with open("/proc/loadavg") as load:
        before = load.read().split()[:3]
    sets = {"typical": [typical_record()] * 20, "generated": list(generate_records(200))}
    figures = {}
    for name, records in sets.items():
        repeat = 10 if name == "typical" else 1
        figures[name] = {
            stage: measure(run, len(records), args.rounds, repeat) for stage, run in stages(records).items()
        }
    with open("/proc/loadavg") as load:
        after = load.read().split()[:3]
    print(
        f"µs CPU per record, medians of {args.rounds} rounds; load average before {' '.join(before)}, "
        f"after {' '.join(after)}"
    )
    print(f"{'stage':26}{'typical':>12}{'generated':>12}")
    for stage in figures["typical"]:
        print(f"{stage:26}{figures['typical'][stage]:12.1f}{figures['generated'][stage]:12.1f}")
    for name, got in figures.items():
        whatifs = got["replay + what-ifs"] - got["replay"]
        print(
            f"{name}: what-ifs {whatifs:.1f}; explanations in the replay "
            f"{got['replay'] - got['replay, no explanations']:.1f}; outcomes "
            f"{got['replay, no explanations'] - got['stripped replay']:.1f}; floor of this design "
            f"(resolve + stripped replay) {got['resolve'] + got['stripped replay']:.1f}; "
            f"command line per record (parse + evaluate + to_dict + JSON) "
            f"{got['parse'] + got['evaluate()'] + got['to_dict'] + got['JSON text']:.1f}"
        )


if __name__ == "__main__":
    main()
