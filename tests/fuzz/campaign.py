"""A long offline fuzzing campaign of records and policies (not run in CI).

Mutates the example records and the embedded Cisco policy (``mutations.py``) and
checks each mutant: a result or a typed error, every activity one outcome. Prints
the counts, and every distinct untyped failure (by step, exception type and first
words) with a reproducer: the seed and index (``--replay SEED:KIND:INDEX``).

    python tests/fuzz/campaign.py --records 100000 --policies 20000 --jobs 2 [--seed N]
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mutations import (
    UntypedError,
    check_policy_text,
    check_policy_tree,
    check_record,
    check_record_text,
    example_records,
    mutant,
    policy_tree,
    to_json,
)

_BASES: list[Any] = []
_POLICY: dict[str, Any] = {}


def _init() -> None:
    _BASES[:] = example_records()
    _POLICY.clear()
    _POLICY.update(policy_tree())


def _widen(tree: Any, rng: random.Random) -> Any:
    """Campaign-only shapes the suite's fuzzer does not make: one list entry repeated up to 3,000 times."""
    lists = [v for v in (tree.values() if isinstance(tree, dict) else []) if isinstance(v, list) and v]
    if lists:
        target = rng.choice(lists)
        target.extend([rng.choice(target)] * rng.choice([10, 200, 3000]))
    return tree


def _one(seed: int, kind: str, index: int) -> tuple[str, str | None]:
    """``(outcome, failure)`` of mutant *index* of *kind* for *seed*; failure is ``None`` when typed."""
    rng = random.Random(f"{seed}:{kind}:{index}")
    try:
        if kind == "record":
            base = rng.choice(_BASES)
            tree = mutant(base, rng, most=rng.choice([4, 8]), dates_as_objects=rng.random() < 0.3)
            if rng.random() < 0.05:
                tree = _widen(tree, rng)
            if rng.random() < 0.6:
                return check_record_text(to_json(tree, rng)), None
            return check_record(tree), None
        tree = mutant(_POLICY, rng, most=rng.choice([3, 6]), dates_as_objects=True)
        records = rng.sample(_BASES, 3)
        if rng.random() < 0.2:  # the policy as a JSON file, sometimes damaged as text
            return check_policy_text(to_json(tree, rng).encode("utf-8", "surrogatepass"), records), None
        return check_policy_tree(tree, records), None
    except UntypedError as error:
        return "untyped", str(error)
    except RecursionError as error:  # e.g. in the harness itself
        return "untyped", f"harness: RecursionError: {error}"


def _batch(args: tuple[int, str, int, int]) -> list[tuple[int, str, str | None]]:
    seed, kind, start, stop = args
    return [(i, *_one(seed, kind, i)) for i in range(start, stop)]


def run(seed: int, kind: str, count: int, jobs: int) -> None:
    started = time.process_time()
    wall = time.perf_counter()
    outcomes: collections.Counter[str] = collections.Counter()
    failures: dict[str, list[int]] = collections.defaultdict(list)
    step = 200
    batches = [(seed, kind, s, min(s + step, count)) for s in range(0, count, step)]
    with multiprocessing.Pool(jobs, initializer=_init) as pool:
        for results in pool.imap_unordered(_batch, batches):
            for index, outcome, failure in results:
                outcomes[outcome] += 1
                if failure is not None:
                    failures[failure.split(":")[0] + ":" + failure.split(":")[1][:60]].append(index)
    print(f"{kind}s: {count} mutants in {time.perf_counter() - wall:.0f} s wall "
          f"({time.process_time() - started:.0f} s CPU here): "
          + ", ".join(f"{n} {o}" for o, n in sorted(outcomes.items())))
    for signature, indexes in sorted(failures.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(indexes):6} untyped  {signature}  (replay {seed}:{kind}:{indexes[0]})")


def replay(spec: str) -> None:
    seed, kind, index = spec.split(":")
    _init()
    rng = random.Random(f"{seed}:{kind}:{index}")
    if kind == "record":
        base = rng.choice(_BASES)
        tree = mutant(base, rng, dates_as_objects=rng.random() < 0.3)
        if rng.random() < 0.6:
            text = to_json(tree, rng)
            print(text[:2000])
            print(check_record_text(text))
        else:
            print(repr(tree)[:2000])
            print(check_record(tree))
    else:
        tree = mutant(_POLICY, rng, most=3, dates_as_objects=True)
        print(check_policy_tree(tree, rng.sample(_BASES, 3)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--policies", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--replay", metavar="SEED:KIND:INDEX", help="run one mutant, raising what it raises")
    args = parser.parse_args()
    if args.replay:
        replay(args.replay)
        return
    if args.records:
        run(args.seed, "record", args.records, args.jobs)
    if args.policies:
        run(args.seed, "policy", args.policies, args.jobs)


if __name__ == "__main__":
    main()
