"""Agreement of ``recert.evaluate`` with the independent oracle of ``tests/oracle.py`` on generated records.

Prints, for the records of ``generate.generate_records`` that fall in the oracle's scope (every
holding and exam on or after 2020-02-24), the share on which the engine and the oracle agree on
every certification (status, expiration, term start, ``recertified_on``, retired), every
activity (outcome, reason) and the pool::

    python benchmarks/agreement.py 3000
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests")]

from generate import generate_records  # noqa: E402

from oracle import oracle_evaluate  # noqa: E402
from recert import cisco_policy  # noqa: E402
from test_differential import engine_view  # noqa: E402


def main(n: int) -> int:
    policy = cisco_policy()
    kinds: Counter[str] = Counter()
    agree = total = 0
    first: list[str] = []
    for as_of in (date(2024, 3, 1), date(2026, 6, 1)):
        for record in generate_records(n, seed=int(as_of.strftime("%Y"))):
            total += 1
            want = oracle_evaluate(record, as_of, policy)
            got = engine_view(record, as_of, policy)
            parts = [name for name in ("certifications", "activities", "pool")
                     if getattr(got, name) != getattr(want, name)]
            if not parts:
                agree += 1
            else:
                kinds.update(parts)
                if len(first) < 5:
                    first.append(f"{record.candidate} on {as_of}: {', '.join(parts)}")
    print(f"{agree} of {total} generated records agree: {100 * agree / total:.2f} %")
    for line in first:
        print("  differs:", line)
    for name, count in kinds.most_common():
        print(f"  {name}: {count} records differ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
