"""This checkout against a baseline checkout, side by side in one run: interleaved rounds, medians of CPU time.

Each side runs in its own worker process that imports ``recert`` from the
side's ``src`` folder (this checkout, and ``--baseline``, e.g. the main
branch's worktree). The parent asks the workers for one figure at a time,
round after round, alternating which side goes first, so that a busy shared
machine slows both sides alike; each figure is the worker's process CPU time
(``time.process_time``) divided by the calls made; the table gives the median
over the rounds, and the ratios are between medians of the same run.

Figures (µs of CPU per call):

- ``typical``: ``evaluate()`` on the typical record (3 holdings, 2 exams, 10
  activities, explanations on, one pending claim);
- ``generated``: ``evaluate()`` per record over 300 generated records
  (``generate.generate_records``, fixed seed);
- ``typical-json``, ``generated-json``: the same, explanations read: each result
  written as JSON text as ``recert evaluate --format json`` does (``to_dict``, then
  the standard library's encoder);
- ``options``: the like-for-like decision: the typical record's three
  certifications' options decided on the facts of their current terms by the
  replay's own decision (``engine._renewal.first_option_met``: each option's
  necessary condition on the plain data compiled once per options tuple, then
  ``Option.assess``; a baseline without it uses ``Option.may_be_met`` and
  ``Option.assess``), against ``zen``: zen-engine's decision table of the same
  options on the same facts (``bench_evaluate.zen_call``). On these facts no
  option is met, so both sides test every option;
- ``grow-N``: ``evaluate()`` on one record with N activities (10 ... 10,000).

    python benchmarks/bench_speed.py --baseline /work/main [--baseline OTHER ...] [--rounds 7] [--quick]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = (10, 100, 1000, 10000)


def _workloads(quick: bool) -> dict[str, tuple[Callable[[], object], int]]:
    """name -> (one call, calls per figure), built in a worker from the recert it imported."""
    from generate import AS_OF, generate_records, record_with_activities, typical_record

    from recert import cisco_policy, evaluate
    from recert.core.engine._resolve import resolve
    from recert.core.engine._timeline import Replay

    policy = cisco_policy()
    typical = typical_record()
    records = list(generate_records(100 if quick else 300))

    def generated() -> None:
        for record in records:
            evaluate(record, as_of=AS_OF, policy=policy)

    # Explanations read: the result turned into JSON text as ``recert evaluate --format json`` does.
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode

    def typical_json() -> str:
        return encode(evaluate(typical, as_of=AS_OF, policy=policy).to_dict())

    def generated_json() -> None:
        for record in records:
            encode(evaluate(record, as_of=AS_OF, policy=policy).to_dict())

    # The facts each certification of the typical record has on AS_OF, as the replay sees them.
    replay = Replay(policy, resolve(typical, policy), AS_OF)
    replay.run()
    rank = replay._pool_rank()
    held = {"CCNA", "CCNP Enterprise", "Cisco Certified Specialist – Enterprise Core"}  # the zen table's three
    decided = [
        (replay._facts_for(cert, AS_OF, rank), cert.options) for cert in replay._ordered() if cert.name in held
    ]
    try:  # the replay's own options decision, on the options compiled once (this checkout)
        from recert.core.engine._renewal import first_option_met
    except ImportError:  # a baseline checkout from before it: the options' methods
        first_option_met = None
    compiled = [
        (opts, replay._qualifying(opts).ce_only, facts.ce_available, facts.credits, facts.passes)
        for facts, opts in (decided if first_option_met is not None else [])
    ]

    def options() -> list[list[str]]:
        if first_option_met is not None:
            met = [first_option_met(*args) for args in compiled]
            return [[] if verdict is None else [verdict.option.label] for verdict in met]
        return [[o.label for o in opts if o.may_be_met(facts) and o.assess(facts).met] for facts, opts in decided]

    assert options() == [[], [], []], options()  # 8 credits short of 40 + 1 exam: nothing met
    out: dict[str, tuple[Callable[[], object], int]] = {
        "typical": (lambda: evaluate(typical, as_of=AS_OF, policy=policy), 40 if quick else 200),
        "generated": (generated, 1),
        "typical-json": (typical_json, 40 if quick else 200),
        "generated-json": (generated_json, 1),
        "options": (options, 2000 if quick else 20000),
    }
    for size in SIZES[:3] if quick else SIZES:
        grown = record_with_activities(size)
        out[f"grow-{size}"] = (
            lambda grown=grown: evaluate(grown, as_of=AS_OF, policy=policy),  # type: ignore[misc]
            max(1, 2000 // size),
        )
    return out


def _per_record(name: str, quick: bool) -> int:
    return (100 if quick else 300) if name.startswith("generated") else 1


def worker(src: str, quick: bool, zen: bool) -> None:
    """Answer ``name`` lines on stdin with the CPU µs per call of that workload."""
    sys.path[:0] = [src, str(HERE)]
    import recert

    assert Path(recert.__file__).resolve().is_relative_to(Path(src).resolve()), recert.__file__
    work = _workloads(quick)
    if zen:
        from bench_evaluate import zen_call

        call = zen_call()
        if call is not None:
            got = call()
            assert [[r["option"] for r in rows] for rows in got] == [[], [], []], got  # type: ignore[attr-defined]
            work["zen"] = (call, 2000 if quick else 5000)
    print(json.dumps(sorted(work)), flush=True)
    for line in sys.stdin:
        name = line.strip()
        function, calls = work[name]
        function()  # warm
        start = time.process_time()
        for _ in range(calls):
            function()
        used = time.process_time() - start
        print(used / calls / _per_record(name, quick) * 1e6, flush=True)


class Side:
    def __init__(self, label: str, src: Path, quick: bool, zen: bool) -> None:
        args = [sys.executable, __file__, "--worker", str(src)]
        args += ["--quick"] * quick + ["--zen"] * zen
        self.label = label
        self.process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        self.names: list[str] = json.loads(self.process.stdout.readline())
        self.samples: dict[str, list[float]] = {name: [] for name in self.names}

    def measure(self, name: str) -> None:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(name + "\n")
        self.process.stdin.flush()
        self.samples[name].append(float(self.process.stdout.readline()))

    def median(self, name: str) -> float:
        return statistics.median(self.samples[name])

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--baseline",
        type=Path,
        action="append",
        default=[],
        help="a checkout of recert to compare with (its src/ is imported); repeat for several",
    )
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--zen", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.quick, args.zen)
        return
    sides = [Side("this checkout", HERE.parent / "src", args.quick, zen=True)]
    for baseline in args.baseline:
        sides.append(Side(f"baseline {baseline}", baseline / "src", args.quick, zen=False))
    names = sides[0].names
    with open("/proc/loadavg") as load:
        before = load.read().split()[:3]
    for round_ in range(args.rounds):
        for name in names:
            order = sides if round_ % 2 == 0 else sides[::-1]
            for side in order:
                if name in side.samples:
                    side.measure(name)
    with open("/proc/loadavg") as load:
        after = load.read().split()[:3]
    for side in sides:
        side.close()
    print(f"{args.rounds} interleaved rounds; medians of CPU µs per call; load average before "
          f"{' '.join(before)}, after {' '.join(after)}")
    header = f"{'figure':15}" + "".join(f"{s.label[:28]:>30}" for s in sides)
    print(header + "".join(f"  baseline {i}/this" for i in range(1, len(sides))))
    for name in names:
        row = f"{name:15}"
        for side in sides:
            row += f"{side.median(name):30.2f}" if name in side.samples else f"{'-':>30}"
        for side in sides[1:]:
            if name in side.samples:
                row += f"   {side.median(name) / sides[0].median(name):13.2f}x"
        print(row)
    this = sides[0]
    if "zen" in this.samples:
        zen = this.median("zen")
        print(f"zen / typical evaluate() (this checkout): {zen / this.median('typical'):.2f} (>= 2 is the target)")
        print(f"zen / recert options decision: {zen / this.median('options'):.1f} (>= 100 is the target)")
        for side in sides[1:]:
            print(f"zen / typical evaluate() ({side.label}): {zen / side.median('typical'):.2f}")
    if "grow-10000" in this.samples:
        for side in sides:
            print(f"t(10,000)/t(1,000), {side.label}: "
                  f"{side.median('grow-10000') / side.median('grow-1000'):.2f} (<= 11 is the target)")


if __name__ == "__main__":
    main()
