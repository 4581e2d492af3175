"""Profile evaluate() on the typical record and on generated records (pyinstrument, or cProfile).

    pip install -e ".[bench]"
    python benchmarks/profile_engine.py > /tmp/profile.txt              # pyinstrument
    python benchmarks/profile_engine.py --cprofile                      # cProfile, by cumulative time
    python benchmarks/profile_engine.py --cprofile --adversarial        # 100 pending claims, 400 exam days
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import AS_OF, generate_records, typical_record

from recert import cisco_policy, evaluate, record_from_mapping


def workload(adversarial: bool) -> Callable[[], None]:
    policy = cisco_policy()
    if adversarial:
        import json

        from bench_adversarial import pending_claims

        record = record_from_mapping(json.loads(pending_claims()), policy=policy)

        def run_adversarial() -> None:
            evaluate(record, as_of=record.as_of or AS_OF, policy=policy)

        return run_adversarial
    typical = typical_record()
    records = list(generate_records(500))

    def run() -> None:
        for _ in range(300):
            evaluate(typical, as_of=AS_OF, policy=policy)
        for record in records:
            evaluate(record, as_of=AS_OF, policy=policy)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cprofile", action="store_true", help="cProfile instead of pyinstrument")
    parser.add_argument("--adversarial", action="store_true", help="the 100 pending claims record")
    parser.add_argument("--lines", type=int, default=40)
    args = parser.parse_args()
    run = workload(args.adversarial)
    if args.cprofile:
        profile = cProfile.Profile()
        profile.runcall(run)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.lines)
        return
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0002)
    with profiler:
        run()
    print(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    main()
