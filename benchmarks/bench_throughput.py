"""Throughput on generated records: evaluate_many (1 and 2 processes), Dask, the JSON Lines path.

Prints records per second, peak memory and the extrapolated time for 1,000,000
records, side by side in one run. The default is the issue's 100,000 records; on
a busy or small machine pass fewer (figures are then extrapolated, and say so).

Each row runs in a process of its own, so its peak memory is its own: the max
resident set of that process ("main") and of the largest worker process it
started ("-" when it started none).

The command line rows run ``recert evaluate --format json --jobs N FILE.jsonl``
(output to /dev/null) in a child process, with wall and CPU time (the CPU time
of the command and its workers, per record); a command that exits non-zero or
writes to stderr stops the benchmark with its message. ``--baseline SRC`` runs
the same rows with the sources of another checkout first on the path, in the
same run (e.g. ``git worktree add /tmp/base HEAD`` before a change, then
``--baseline /tmp/base/src``), and prints the ratios; a SRC without
``recert/__init__.py`` is refused before anything is measured. ``--only-cli``
skips the other rows.

    pip install -e ".[bench,dask]"
    python benchmarks/bench_throughput.py [N] [--baseline SRC] [--only-cli]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import AS_OF, generate_records, to_mapping

from recert import frames
from recert.batch import evaluate_many
from recert.io.records import iter_records

#: Run by the command line rows instead of ``python -m recert``: the same command, which
#: then writes [its own max resident set, its largest worker's, the recert it imported]
#: (KB, KB, path) as JSON to the file named by its first argument.
CLI_WRAPPER = """\
import atexit, json, resource, runpy, sys

def _peaks(path=sys.argv.pop(1)):
    with open(path, "w") as out:
        json.dump([resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                   getattr(sys.modules.get("recert"), "__file__", None)], out)

atexit.register(_peaks)
runpy.run_module("recert", run_name="__main__", alter_sys=True)
"""


def report(name: str, count: int, seconds: float, main_kb: float, worker_kb: float) -> None:
    """Print one row; *main_kb*, *worker_kb*: max resident sets (KB, as Linux reports), 0 = no worker."""
    rate = count / seconds
    worker = f"{worker_kb / 1024:5.0f}" if worker_kb else f"{'-':>5s}"
    print(f"   {name:34s} {rate:9,.0f} records/s  {seconds:7.2f} s  "
          f"1,000,000 in {1_000_000 / rate:7,.0f} s (extrapolated)  "
          f"peak RSS {main_kb / 1024:5.0f} MB main, {worker} MB largest worker")


def check_source(src: str) -> Path:
    """The recert package in *src*, or SystemExit when *src* holds none (e.g. a typo)."""
    package = Path(src).resolve() / "recert"
    if not (package / "__init__.py").is_file():
        raise SystemExit(f"--baseline {src}: no recert package there ({package / '__init__.py'} "
                         "not found); pass the src folder of a checkout")
    return package


def run_cli(path: Path, jobs: int, src: str | None) -> tuple[float, float, float, float]:
    """(wall s, CPU s, main KB, largest worker KB) of ``recert evaluate --format json --jobs N``.

    Runs on *path* with *src* first on the path. Raises SystemExit when *src* holds no
    recert, when the command exits non-zero or writes to stderr, or when it imported
    another recert than *src*'s.
    """
    env = dict(os.environ)
    package = None
    if src is not None:
        package = check_source(src)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    with tempfile.TemporaryDirectory() as folder:
        peaks = Path(folder) / "peaks.json"
        command = [sys.executable, "-c", CLI_WRAPPER, str(peaks), "evaluate", "--format", "json",
                   "--as-of", AS_OF.isoformat(), "--jobs", str(jobs), str(path)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        with open(os.devnull, "w") as sink:
            done = subprocess.run(command, stdout=sink, stderr=subprocess.PIPE, env=env,
                                  text=True, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0 or done.stderr:
            raise SystemExit(f"recert {' '.join(command[4:])} (src {src or 'this checkout'}): "
                             f"exit status {done.returncode}, not measured; stderr:\n"
                             f"{done.stderr.rstrip()}")
        main_kb, worker_kb, imported = json.loads(peaks.read_text(encoding="utf-8"))
    if package is not None and Path(imported).resolve().parent != package:
        raise SystemExit(f"--baseline {src}: the command imported {imported}, not {package}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, main_kb, worker_kb


def cli_rows(count: int, baseline: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for record in generate_records(count):
                out.write(json.dumps(to_mapping(record)) + "\n")
        sources: list[tuple[str, str | None]] = [("this checkout", None)]
        if baseline is not None:
            sources.insert(0, (f"baseline {baseline}", baseline))
        rates: dict[tuple[str, int], float] = {}
        for jobs in (1, 2):
            for label, src in sources:
                wall, cpu, main_kb, worker_kb = run_cli(path, jobs, src)
                rates[label, jobs] = count / wall
                report(f"recert evaluate --jobs {jobs}, {label}", count, wall, main_kb, worker_kb)
                print(f"   {'':34s} {1e6 * cpu / count:9,.0f} µs CPU per record (command and workers)")
        for jobs in (1, 2):
            if baseline is not None:
                ratio = rates["this checkout", jobs] / rates[f"baseline {baseline}", jobs]
                print(f"   --jobs {jobs}: this checkout / baseline = {ratio:.2f}x records/s")
        for label, _ in sources:
            print(f"   {label}: --jobs 2 / --jobs 1 = {rates[label, 2] / rates[label, 1]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument("--baseline", metavar="SRC",
                        help="the src folder of another checkout, for the command line rows")
    parser.add_argument("--only-cli", action="store_true", help="only the command line rows")
    parser.add_argument("--row", choices=ROWS, help=argparse.SUPPRESS)  # in a row's own process
    args = parser.parse_args()
    count: int = args.count
    if args.row is not None:
        measure_row(args.row, count)
        return
    if args.baseline is not None:
        check_source(args.baseline)
    print(f"== throughput on {count:,} generated records (seed 2026), as of {AS_OF}")

    if not args.only_cli:
        for key in ("many-1", "many-2", "jsonl"):
            run_row(key, count)
    cli_rows(count, args.baseline)
    if not args.only_cli:
        run_row("dask", count)


def run_row(key: str, count: int) -> None:
    """Run row *key* in a process of its own (``--row KEY``) and print it."""
    done = subprocess.run([sys.executable, __file__, "--row", key, str(count)],
                          stdout=subprocess.PIPE, text=True, check=True)
    row = json.loads(done.stdout.splitlines()[-1])
    if row is None:
        print("   Dask                               not installed (pip install recert[dask]): skipped")
        return
    report(*row)


def measure_row(key: str, count: int) -> None:
    """In a row's own process: run it, then print [name, count, seconds, main KB, worker KB]."""
    measured = ROWS[key](count)
    if measured is None:
        print(json.dumps(None))
        return
    peaks = [resource.getrusage(who).ru_maxrss
             for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    print(json.dumps([*measured, *peaks]))


def evaluate_many_1(count: int) -> tuple[str, int, float]:
    start = time.perf_counter()
    done = sum(1 for _ in evaluate_many(generate_records(count), as_of=AS_OF))
    return "evaluate_many, 1 process", done, time.perf_counter() - start


def evaluate_many_2(count: int) -> tuple[str, int, float]:
    start = time.perf_counter()
    done = sum(1 for _ in evaluate_many(generate_records(count), as_of=AS_OF, processes=2))
    return "evaluate_many, 2 processes", done, time.perf_counter() - start


def json_lines(count: int) -> tuple[str, int, float]:
    lines = [json.dumps(to_mapping(r)) + "\n" for r in generate_records(count)]
    start = time.perf_counter()
    out = io.StringIO()
    for item in evaluate_many(iter_records(lines), as_of=AS_OF, errors="return"):
        out.write(json.dumps(item.to_dict() if not isinstance(item, Exception) else {}) + "\n")
    return "JSON Lines in, JSON out, 1 process", len(lines), time.perf_counter() - start


def dask_row(count: int) -> tuple[str, int, float] | None:
    try:
        import dask
        import dask.dataframe as dd

        import recert.dask as rdask
    except ImportError:
        return None
    tables = frames.tables_from_records(generate_records(count))
    inputs = [dd.from_pandas(t, npartitions=8) for t in tables]
    certifications, activities = rdask.evaluate(*inputs, as_of=AS_OF)
    start = time.perf_counter()
    with dask.config.set(scheduler="processes", num_workers=2):
        got, _ = dask.compute(certifications, activities)
    return ("Dask, 2 processes (from pandas)", int(got["candidate"].nunique()),
            time.perf_counter() - start)


#: The rows other than the command line ones, each run in a process of its own.
ROWS: dict[str, Callable[[int], tuple[str, int, float] | None]] = {
    "many-1": evaluate_many_1, "many-2": evaluate_many_2, "jsonl": json_lines, "dask": dask_row,
}


if __name__ == "__main__":
    main()
