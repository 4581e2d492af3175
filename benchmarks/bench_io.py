"""Where the time of the JSON Lines path goes: µs per record for each stage, in one process.

The stages of ``recert evaluate --format json|text`` on the records of
``generate.py``: parsing a line (``json.loads``, plain and with the loaders'
repeated-key check), structuring the mapping into a Record
(``record_from_mapping``), ``evaluate()``, and writing the result as the
command does: a JSON line (``Evaluation.to_dict()`` and the encoding, also
shown apart) or a text report. Each stage is timed on its own over the same
records, wall clock and CPU time of this process, and printed with its share
of the ``--format json`` path; the lowest of ``--repeat`` rounds counts.

    python benchmarks/bench_io.py [N] [--repeat R]

To compare with another checkout, run the same script with that checkout's
sources first on the path: ``PYTHONPATH=/tmp/base/src python benchmarks/bench_io.py``.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import AS_OF, generate_records, to_mapping

import recert
from recert import evaluate
from recert.cli.evaluate import _write_json, _write_text
from recert.io.policy_toml import cisco_policy
from recert.io.records import _json, record_from_mapping


def timed(stage: Callable[[Any], Any], inputs: Sequence[Any], repeat: int) -> tuple[float, float]:
    """(wall, cpu) seconds of the fastest of *repeat* rounds of ``stage`` over *inputs*."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        for item in inputs:
            stage(item)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    policy = cisco_policy()
    lines = [json.dumps(to_mapping(r)) for r in generate_records(args.count)]
    mappings = [json.loads(line) for line in lines]
    records = [record_from_mapping(m, policy=policy) for m in mappings]
    results = [evaluate(r, as_of=AS_OF, policy=policy) for r in records]
    dicts = [r.to_dict() for r in results]

    sink = io.StringIO()

    def json_line(result: Any) -> None:
        sink.seek(0)
        _write_json(sink, result, "records.jsonl", pretty=False, first=False)

    def text_report(result: Any) -> None:
        sink.seek(0)
        _write_text(sink, result, "records.jsonl", pretty=False, first=False)

    # Counted: the stages of --format json. The others show parts of them, or --format text.
    stages: list[tuple[str, Callable[[Any], Any], Sequence[Any], bool]] = [
        ("json.loads (plain)", json.loads, lines, False),
        ("json.loads + repeated-key check", _json, lines, True),
        ("structuring (record_from_mapping)",
         lambda m: record_from_mapping(m, policy=policy), mappings, True),
        ("evaluate()", lambda r: evaluate(r, as_of=AS_OF, policy=policy), records, True),
        ("  Evaluation.to_dict()", lambda e: e.to_dict(), results, False),
        ("  json.dumps(ensure_ascii=False)", lambda d: json.dumps(d, ensure_ascii=False), dicts,
         False),
        ("JSON line as the CLI writes it", json_line, results, True),
        ("text report as the CLI writes it", text_report, results, False),
    ]
    timings = [(name, *timed(fn, inputs, args.repeat), counted)
               for name, fn, inputs, counted in stages]
    total = sum(cpu for _, _, cpu, counted in timings if counted)
    print(f"== JSON Lines stages on {args.count:,} generated records, best of {args.repeat} "
          f"(recert from {Path(recert.__file__).parent})")
    print(f"   {'stage':36s} {'wall µs/rec':>12s} {'cpu µs/rec':>11s} {'share (json path)':>18s}")
    for name, wall, cpu, counted in timings:
        share = f"{100 * cpu / total:5.1f} %" if counted else "    -  "
        print(f"   {name:36s} {1e6 * wall / args.count:12.1f} {1e6 * cpu / args.count:11.1f} "
              f"{share:>18s}")
    print(f"   {'= --format json, per record':36s} {'':12s} {1e6 * total / args.count:11.1f}"
          f"   -> {args.count / total:,.0f} records/s per process (CPU)")


if __name__ == "__main__":
    main()
