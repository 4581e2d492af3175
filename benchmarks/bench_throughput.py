"""Throughput on generated records: evaluate_many (1 and 2 processes), Dask, the JSON Lines path.

Prints records per second, peak memory (max resident set of this process and of
its worker processes) and the extrapolated time for 1,000,000 records, side by
side in one run. The default is the issue's 100,000 records; on a busy or small
machine pass fewer (figures are then extrapolated, and say so).

    pip install -e ".[bench,dask]"
    python benchmarks/bench_throughput.py [N]
"""

from __future__ import annotations

import io
import json
import resource
import sys
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


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(f"== throughput on {count:,} generated records (seed 2026), as of {AS_OF}")

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
