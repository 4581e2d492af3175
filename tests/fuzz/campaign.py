"""A long offline fuzzing campaign of records and policies (not run in CI).

Mutates the records of every program (``examples/``, ``examples/programs/``, the cases
of ``tests/programs/cases/``), each under its own embedded policy and some under
another one, and all five embedded policies (as parsed trees, as JSON and as damaged
TOML text), with the blind mutations of ``mutations.py`` and the fixed-cycle ones of
``shapes.py``. Checks each mutant: a result or a typed error, every activity one
outcome; and the CPU time of each record (read, decided and written): one under
100 KB that takes more than 1 s is listed as slow. Prints the counts, every distinct
untyped failure (by step, exception type and first words) and every slow record, each
with a reproducer: ``--replay SEED:KIND:INDEX``.

    python tests/fuzz/campaign.py --records 100000 --policies 20000 --jobs 1 [--seed N] [--start I]
"""

from __future__ import annotations

import argparse
import collections
import copy
import multiprocessing
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shapes import (
    FIXED_IDS,
    POLICY_IDS,
    bases,
    mutate_fields,
    mutate_policy_keys,
    mutate_valid,
    policy_text,
    policy_trees,
    toml_mutant,
)

from mutations import (
    UntypedError,
    check_policy_text,
    check_policy_tree,
    check_record,
    check_record_text,
    mutant,
    mutate,
    to_json,
)
from recert.io.embedded import load_embedded_policy

_BASES: list[tuple[str, Any]] = []
_TREES: dict[str, dict[str, Any]] = {}
_LIMIT = 100_000  # characters: inputs at least this large may be slow (issue 17's bound)


def _init() -> None:
    _BASES[:] = bases()
    _TREES.clear()
    _TREES.update(policy_trees())


def _widen(tree: Any, rng: random.Random) -> Any:
    """Campaign-only shapes the suite's fuzzer does not make: one list entry repeated up to 3,000 times."""
    lists = [v for v in (tree.values() if isinstance(tree, dict) else []) if isinstance(v, list) and v]
    if lists:
        target = rng.choice(lists)
        target.extend([rng.choice(target)] * rng.choice([10, 200, 3000]))
    return tree


def build(seed: int, kind: str, index: int) -> tuple[str, Any, str, list[Any]]:
    """Mutant *index* of *kind* for *seed*: ``(form, input, policy id, records)``.

    *form* is ``"text"`` or ``"tree"`` for a record (JSON Lines text, or a parsed tree) and
    ``"tree"``, ``"json"`` or ``"toml"`` for a policy (then *records* are decided under it).
    """
    rng = random.Random(f"{seed}:{kind}:{index}")
    if kind == "record":
        policy_id, base = rng.choice(_BASES)
        if rng.random() < 0.15:  # a record under another program's policy
            policy_id = rng.choice(POLICY_IDS)
        objects = rng.random() < 0.3
        fields = policy_id in FIXED_IDS or rng.random() < 0.2
        mode = rng.choices(["blind", "fields", "valid"], [0.35, 0.3, 0.35] if fields else [1, 0, 0])[0]
        if mode == "blind":
            tree = mutant(base, rng, most=rng.choice([4, 8]), dates_as_objects=objects)
        else:
            tree = copy.deepcopy(base)
        for _ in range(rng.choice([1, 1, 2, 3, 5]) if fields else 0):
            if mode == "valid":  # still valid: the engine decides it, not the loader
                tree = mutate_valid(tree, rng, _TREES[policy_id])
            else:
                tree = mutate_fields(tree, rng, _TREES[policy_id], objects=objects)
        if rng.random() < 0.05:
            tree = _widen(tree, rng)
        if rng.random() < 0.6:
            return "text", to_json(tree, rng), policy_id, []
        return "tree", tree, policy_id, []
    policy_id = rng.choice(POLICY_IDS)
    own = [b for p, b in _BASES if p == policy_id]
    records = [*rng.sample(own, min(2, len(own))), rng.choice(_BASES)[1]]
    form = rng.choices(["tree", "json", "toml"], [0.6, 0.15, 0.25])[0]
    if form == "toml":
        return "toml", toml_mutant(policy_text(policy_id), rng), policy_id, records
    tree: Any = _TREES[policy_id]
    if rng.random() < 0.6:
        tree = mutant(tree, rng, most=rng.choice([3, 6]), dates_as_objects=True)
    else:
        tree = copy.deepcopy(tree)
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        tree = mutate_policy_keys(tree, rng)
    if rng.random() < 0.1:
        tree = mutate(tree, rng, dates_as_objects=True)
    if form == "json":
        return "json", to_json(tree, rng).encode("utf-8", "surrogatepass"), policy_id, records
    return "tree", tree, policy_id, records


def check(built: tuple[str, Any, str, list[Any]], slow: list[dict[str, Any]]) -> str:
    form, data, policy_id, records = built
    if not records:
        policy = load_embedded_policy(policy_id)
        return check_record_text(data, policy, slow) if form == "text" else check_record(data, policy, slow)
    if form == "tree":
        return check_policy_tree(data, records, slow)
    return check_policy_text(data, records, slow, suffix="." + form)


def _one(seed: int, kind: str, index: int) -> tuple[str, str | None, list[dict[str, Any]]]:
    """``(outcome, failure, slow records)`` of mutant *index*; failure is ``None`` when typed."""
    slow: list[dict[str, Any]] = []
    try:
        built = build(seed, kind, index)
    except Exception as error:  # a bug of the harness: reported, and the run goes on
        return "harness", f"harness: {type(error).__name__}: {error}", slow
    try:
        return check(built, slow), None, slow
    except UntypedError as error:
        return "untyped", str(error), slow
    except RecursionError as error:  # e.g. in the harness itself
        return "untyped", f"harness: RecursionError: {error}", slow


def _batch(args: tuple[int, str, int, int]) -> list[tuple[int, str, str | None, list[dict[str, Any]]]]:
    seed, kind, start, stop = args
    return [(i, *_one(seed, kind, i)) for i in range(start, stop)]


def run(seed: int, kind: str, start: int, count: int, jobs: int) -> None:
    started = time.process_time()
    wall = time.perf_counter()
    outcomes: collections.Counter[str] = collections.Counter()
    failures: dict[str, list[int]] = collections.defaultdict(list)
    slow: list[tuple[int, dict[str, Any]]] = []
    step = 100
    batches = [(seed, kind, s, min(s + step, start + count)) for s in range(start, start + count, step)]
    with multiprocessing.Pool(jobs, initializer=_init) as pool:
        for results in pool.imap_unordered(_batch, batches):
            for index, outcome, failure, slow_ones in results:
                outcomes[outcome] += 1
                slow += [(index, s) for s in slow_ones]
                if failure is not None:
                    head, _, rest = failure.partition(":")
                    failures[head + ":" + rest[:70]].append(index)
    print(
        f"{kind}s {start}..{start + count - 1} (seed {seed}): {count} mutants in "
        f"{time.perf_counter() - wall:.0f} s wall ({time.process_time() - started:.0f} s CPU here): "
        + ", ".join(f"{n} {o}" for o, n in sorted(outcomes.items())),
        flush=True,
    )
    for signature, indexes in sorted(failures.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(indexes):6} untyped  {signature}  (replay {seed}:{kind}:{min(indexes)})", flush=True)
    for index, s in sorted(slow, key=lambda item: -item[1]["seconds"]):
        known = "known: fixed-cycle pending claims" if s["fixed"] and s["pending"] >= 50 else "OTHER"
        under = "under" if s["size"] < _LIMIT else "over"
        print(
            f"  slow {s['seconds']:6.2f} s  {s['size']:7} chars ({under} 100 KB)  {s['pending']:4} pending  "
            f"{s['policy']}  {s['outcome']}  [{known}]  (replay {seed}:{kind}:{index})",
            flush=True,
        )


def replay(spec: str) -> None:
    seed, kind, index = spec.split(":")
    _init()
    built = build(int(seed), kind, int(index))
    print(f"form {built[0]}, policy {built[2]}, {len(built[3])} records")
    print(repr(built[1])[:3000])
    slow: list[dict[str, Any]] = []
    print(check(built, slow), slow)  # raises UntypedError with the cause chained


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--policies", type=int, default=20_000)
    parser.add_argument("--start", type=int, default=0, help="first index (to run a campaign in chunks)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--replay", metavar="SEED:KIND:INDEX", help="run one mutant, raising what it raises")
    args = parser.parse_args()
    if args.replay:
        replay(args.replay)
        return
    if args.records:
        run(args.seed, "record", args.start, args.records, args.jobs)
    if args.policies:
        run(args.seed, "policy", args.start, args.policies, args.jobs)


if __name__ == "__main__":
    main()
