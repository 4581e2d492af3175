"""Mutation score of the core (issue 17): mutmut over every mutant of ``src/recert/core``.

Not run in CI (hours on one worker of a loaded two-core machine: the whole core has about 6,500
mutants). Configuration: ``[tool.mutmut]`` in ``pyproject.toml``: the mutated paths and the test
selection (``tests/core`` without its Hypothesis searches, ``tests/programs`` without its Hypothesis
invariants, the loaders' value tests ``tests/io/test_limits.py``, ``test_loaders.py``,
``test_loaders_fast.py``, and ``tests/docs``; docs/testing.md says why). mutmut keeps its state in
``mutants/``, resumes where an interrupted run stopped and checks again the mutants of functions
whose source changed; delete ``mutants/`` for a fresh run.

    pip install mutmut==3.8.1
    python scripts/mutation.py              # run what is left, then print the table
    python scripts/mutation.py --report     # only print the table of the last run
    python scripts/mutation.py --survivors recert.core.requirements   # list survivors of a module

The table counts, per module, killed mutants (a test failed, or the mutant timed out) over all
mutants; "no tests" are mutants no test of the selection executes (counted as not killed).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED = {"killed", "timeout"}
_LINE = re.compile(r"^\s*(?P<name>\S+): (?P<status>.+)$")


def _module(mutant: str) -> str:
    name = mutant.split("__mutmut_")[0]
    # recert.core.engine._pool.xǁ_Replayǁreset__mutmut_3 -> recert.core.engine._pool
    return name.rsplit(".", 1)[0]


def results() -> dict[str, Counter[str]]:
    out = subprocess.run(
        ["mutmut", "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for line in out.splitlines():
        match = _LINE.match(line)
        if match and "__mutmut_" in match["name"]:
            table[_module(match["name"])][match["status"].strip()] += 1
    return table


def report() -> int:
    table = results()
    width = max(map(len, table), default=10)
    print(f"{'module':<{width}}  killed / total   score  survived  no tests  not checked")
    all_killed = all_total = 0
    for module in sorted(table):
        counts = table[module]
        total = sum(counts.values())
        killed = sum(counts[s] for s in KILLED)
        all_killed += killed
        all_total += total
        print(
            f"{module:<{width}}  {killed:>6} / {total:<6} {100 * killed / total:5.1f} %"
            f"  {counts['survived']:>8}  {counts['no tests']:>8}  {counts['not checked']:>11}"
        )
    if all_total:
        print(f"{'all':<{width}}  {all_killed:>6} / {all_total:<6} {100 * all_killed / all_total:5.1f} %")
    return 0


def survivors(module: str) -> int:
    table = subprocess.run(["mutmut", "results"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for line in table.splitlines():
        match = _LINE.match(line)
        if match and _module(match["name"]) == module:
            print(match["name"], match["status"])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="only print the last run's table")
    parser.add_argument("--survivors", metavar="MODULE", help="list a module's mutants not killed")
    parser.add_argument(
        "--jobs", type=int, default=1, help="mutmut workers (default 1: the machine is shared)"
    )
    args = parser.parse_args(argv)
    if args.survivors:
        return survivors(args.survivors)
    if not args.report:
        code = subprocess.run(["mutmut", "run", "--max-children", str(args.jobs)], cwd=ROOT).returncode
        if code:
            print(f"mutmut run exited with {code}", file=sys.stderr)
    return report()


if __name__ == "__main__":
    sys.exit(main())
