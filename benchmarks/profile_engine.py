"""Profile evaluate() on the typical record and on generated records with pyinstrument.

    pip install -e ".[bench]"
    python benchmarks/profile_engine.py > /tmp/profile.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import AS_OF, generate_records, typical_record
from pyinstrument import Profiler

from recert import cisco_policy, evaluate


def main() -> None:
    policy = cisco_policy()
    typical = typical_record()
    records = list(generate_records(500))
    profiler = Profiler(interval=0.0002)
    with profiler:
        for _ in range(300):
            evaluate(typical, as_of=AS_OF, policy=policy)
        for record in records:
            evaluate(record, as_of=AS_OF, policy=policy)
    print(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    main()
