"""Throughput on generated records: evaluate_many (1 and 2 processes), Dask, the JSON Lines path.

Prints records per second, peak memory (max resident set of this process and of
its worker processes) and the extrapolated time for 1,000,000 records, side by
side in one run. The default is the issue's 100,000 records; on a busy or small
machine pass fewer (figures are then extrapolated, and say so).

The command line rows run ``recert evaluate --format json --jobs N FILE.jsonl``
(output to /dev/null) in a child process, with wall and CPU time (the CPU time
of the command and its workers, per record). ``--baseline SRC`` runs the same
rows with the sources of another checkout first on the path, in the same run
(e.g. ``git worktree add /tmp/base HEAD`` before a change, then
``--baseline /tmp/base/src``), and prints the ratios. ``--only-cli`` skips the
other rows.

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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import AS_OF, generate_records, to_mapping

from recert import frames
from recert.batch import evaluate_many
from recert.loaders import iter_records


def peak_mb() -> tuple[float, float]:
    """(this process, largest finished child) max resident set, MB (Linux reports KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def report(name: str, count: int, seconds: float) -> None:
    rate = count / seconds
    own, child = peak_mb()
    print(f"   {name:34s} {rate:9,.0f} records/s  {seconds:7.2f} s  "
          f"1,000,000 in {1_000_000 / rate:7,.0f} s (extrapolated)  "
          f"peak RSS {own:5.0f} MB main, {child:5.0f} MB largest worker")


def run_cli(path: Path, jobs: int, src: str | None) -> tuple[float, float]:
    """(wall, CPU) seconds of ``recert evaluate --format json --jobs N`` on *path*, with *src* first."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "recert", "evaluate", "--format", "json", "--as-of",
               AS_OF.isoformat(), "--jobs", str(jobs), str(path)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        subprocess.run(command, stdout=sink, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


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
                wall, cpu = run_cli(path, jobs, src)
                rates[label, jobs] = count / wall
                report(f"recert evaluate --jobs {jobs}, {label}", count, wall)
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
    args = parser.parse_args()
    count: int = args.count
    print(f"== throughput on {count:,} generated records (seed 2026), as of {AS_OF}")

    if not args.only_cli:
        library_rows(count)
    cli_rows(count, args.baseline)
    if not args.only_cli:
        dask_rows(count)


def library_rows(count: int) -> None:
    start = time.perf_counter()
    done = sum(1 for _ in evaluate_many(generate_records(count), as_of=AS_OF))
    report("evaluate_many, 1 process", done, time.perf_counter() - start)

    start = time.perf_counter()
    done = sum(1 for _ in evaluate_many(generate_records(count), as_of=AS_OF, processes=2))
    report("evaluate_many, 2 processes", done, time.perf_counter() - start)

    lines = [json.dumps(to_mapping(r)) + "\n" for r in generate_records(count)]
    start = time.perf_counter()
    out = io.StringIO()
    for item in evaluate_many(iter_records(lines), as_of=AS_OF, errors="return"):
        out.write(json.dumps(item.to_dict() if not isinstance(item, Exception) else {}) + "\n")
    report("JSON Lines in, JSON out, 1 process", len(lines), time.perf_counter() - start)
    del lines, out


def dask_rows(count: int) -> None:
    try:
        import dask
        import dask.dataframe as dd

        import recert.dask as rdask
    except ImportError:
        print("   Dask                               not installed (pip install recert[dask]): skipped")
        return
    tables = frames.tables_from_records(generate_records(count))
    inputs = [dd.from_pandas(t, npartitions=8) for t in tables]
    certifications, activities = rdask.evaluate(*inputs, as_of=AS_OF)
    start = time.perf_counter()
    with dask.config.set(scheduler="processes", num_workers=2):
        got, _ = dask.compute(certifications, activities)
    report("Dask, 2 processes (from pandas)", got["candidate"].nunique(),
           time.perf_counter() - start)


if __name__ == "__main__":
    main()
