"""Benchmark: ``recert offerings check`` on generated catalogs of 10,000 and 100,000 rows.

Generates CSV catalogs in a temporary directory (rows cycle through the
example catalog's shapes: clean, flawed, and one malformed row in twenty),
then checks each through the streaming path the command uses
(:func:`recert.cli.offerings.run_check`, output to ``os.devnull``). Prints,
per size: wall time and rows per second (without tracing), then the peak of
Python memory allocated during the check (``tracemalloc``, a second run).
Flat memory shows as a peak ratio near 1 between 100,000 and 10,000 rows.

Run: ``PYTHONPATH=src python benchmarks/bench_offerings.py``.
"""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
import time
import tracemalloc
from pathlib import Path

from recert.cli.offerings import run_check
from recert.io.offering_catalog import COLUMNS

# (format, labs, edition, hours, credits, learning credits, catalog id?, authorized?)
_SHAPES = [
    ("instructor-led", "yes", "full", "40", "64", "40", True, "yes"),
    ("virtual instructor-led", "yes", "full", "40", "40", "38", True, "yes"),
    ("e-learning", "yes", "full", "", "30", "", True, "yes"),
    ("e-learning", "no", "lite", "", "30", "", True, "yes"),       # labs: error
    ("instructor-led", "yes", "full", "24", "48", "30", True, "yes"),  # 2/hour: warning
    ("instructor-led", "yes", "full", "40", "36", "36", True, "yes"),  # R-CE-7: warning
    ("instructor-led", "yes", "full", "40", "80", "45", True, "yes"),  # range: error
    ("learning path", "yes", "full", "", "64", "", True, "yes"),
    ("cisco live", "no", "full", "1.5", "1.5", "", True, "yes"),
    ("instructor-led", "yes", "full", "40", "64", "", False, "no"),    # catalog, provider
]


def generate(path: Path, rows: int) -> None:
    """Write a catalog of *rows* offerings; every 20th row has an unreadable credit value."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for n in range(rows):
            fmt, labs, edition, hours, credits, lc, catalog, authorized = _SHAPES[n % len(_SHAPES)]
            if n % 20 == 19:
                credits = "sixty-four"
            writer.writerow([
                f"GEN-{n:07d}", f"Generated course {n}", "Northwind Network Academy",
                authorized, fmt, labs, edition, hours, credits, lc, "Enterprise",
                "2025-03-10", "2025-03-14", f"CE-GEN-{n:07d}" if catalog else "",
            ])


def check(path: Path) -> int:
    """Run the command's check on *path*, output discarded; return the exit status."""
    args = argparse.Namespace(catalog=str(path), format="text", input=None, policy=None)
    with open(os.devnull, "w", encoding="utf-8") as sink:
        return run_check(args, out=sink, err=sink)


def main() -> None:
    sizes = (10_000, 100_000)
    peaks: dict[int, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            path = Path(tmp) / f"catalog-{rows}.csv"
            generate(path, rows)
            size_mb = path.stat().st_size / 1e6
            start = time.perf_counter()
            status = check(path)
            seconds = time.perf_counter() - start
            tracemalloc.start()
            check(path)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            peaks[rows] = peak
            print(f"{rows:>7,} rows ({size_mb:5.1f} MB): {seconds:6.2f} s, "
                  f"{rows / seconds:>8,.0f} rows/s, peak traced memory {peak / 1024:7.1f} KiB, "
                  f"exit status {status}")
    ratio = peaks[sizes[1]] / peaks[sizes[0]]
    print(f"peak memory ratio {sizes[1]:,} / {sizes[0]:,} rows: {ratio:.2f} (flat is about 1)")


if __name__ == "__main__":
    main()
