"""Golden results: full JSON results (explanations included) of thousands of records, to compare.

A refactoring or a speed-up must change no result. Take the golden file before the first move,
compare after every step::

    python benchmarks/golden.py write /tmp/golden.jsonl      # before
    python benchmarks/golden.py check /tmp/golden.jsonl      # after each step

The records: ``generate_records`` (three seeds, two evaluation dates), the same records moved
nine years back (the pre-2020 policy version), each under the three non-default parameter
settings, and every example record. ``check`` prints how many results differ and the first
differences, field by field; it exits 1 when any differs.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta
from generate import generate_records

from recert import Record, cisco_policy, evaluate, load_record
from recert.core.policy import Policy
from recert.exceptions import RecertError

ROOT = Path(__file__).resolve().parent.parent


def _shift(record: Record, years: int) -> Record:
    """The same record with every date moved *years* back (keeps day-of-month arithmetic honest)."""
    back = relativedelta(years=years)

    def move(value: Any) -> Any:
        fields = {
            f.name: getattr(value, f.name) - back
            for f in attrs.fields(type(value))
            if isinstance(getattr(value, f.name), date)
        }
        return attrs.evolve(value, **fields)

    return attrs.evolve(
        record,
        holdings=tuple(move(h) for h in record.holdings),
        exams=tuple(move(e) for e in record.exams),
        activities=tuple(move(a) for a in record.activities),
    )


def _variants() -> list[tuple[str, Policy]]:
    base = cisco_policy()
    out = [("cisco", base)]
    for name, change in (
        ("each_level", {"pooling": "each_level"}),
        ("carry", {"carry_over_excess": True}),
        ("claim_anchor", {"recertification_anchor": "claim"}),
    ):
        params = attrs.evolve(base.parameters, **change)
        out.append((name, attrs.evolve(base, parameters=params)))
    return out


def cases() -> Iterator[tuple[str, Record, date, Policy]]:
    """(label, record, as_of, policy) for every golden case, always in the same order."""
    variants = _variants()
    for seed in (2026, 7, 11):
        for index, record in enumerate(generate_records(700, seed)):
            for as_of in (date(2024, 3, 1), date(2026, 6, 1)):
                yield f"gen{seed}-{index}-{as_of}", record, as_of, variants[0][1]
            old = _shift(record, 9)
            yield f"old{seed}-{index}", old, date(2017, 6, 1), variants[0][1]
            name, policy = variants[1 + index % 3]
            yield f"gen{seed}-{index}-{name}", record, date(2026, 6, 1), policy
    for path in sorted((ROOT / "examples").glob("*.json")) + sorted((ROOT / "examples").glob("*.toml")):
        record = load_record(path)
        as_of = record.as_of or date(2025, 3, 1)
        for name, policy in variants:
            yield f"{path.name}-{name}", record, as_of, policy
    for number, line in enumerate((ROOT / "examples" / "records.jsonl").read_text().splitlines()):
        from recert import record_from_mapping

        record = record_from_mapping(json.loads(line))
        yield f"records.jsonl:{number}", record, record.as_of or date(2025, 3, 1), variants[0][1]


def results() -> Iterator[dict[str, Any]]:
    for label, record, as_of, policy in cases():
        try:
            data: dict[str, Any] = evaluate(record, as_of=as_of, policy=policy).to_dict()
        except RecertError as error:
            data = {"error": str(error)}
        yield {"case": label, "result": data}


def _diff(a: Any, b: Any, path: str = "") -> Iterator[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            yield from _diff(a.get(key), b.get(key), f"{path}.{key}")
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from _diff(x, y, f"{path}[{i}]")
    elif a != b:
        yield f"{path}: {json.dumps(a)[:200]} -> {json.dumps(b)[:200]}"


def run(argv: list[str], produce: Callable[[], Iterable[dict[str, Any]]], usage: str | None) -> int:
    """``write FILE`` or ``check FILE`` for the results *produce* yields (shared with golden_fixed.py)."""
    if len(argv) != 2 or argv[0] not in ("write", "check"):
        print(usage)
        return 2
    mode, target = argv
    if mode == "write":
        count = 0
        with open(target, "w", encoding="utf-8") as out:
            for item in produce():
                out.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
        print(f"wrote {count} results to {target}")
        return 0
    golden = [json.loads(line) for line in Path(target).read_text(encoding="utf-8").splitlines()]
    now = [json.loads(json.dumps(item, ensure_ascii=False, sort_keys=True)) for item in produce()]
    if len(now) != len(golden):
        print(f"{len(golden)} golden results, {len(now)} now")
    differ = shown = 0
    for old, new in zip(golden, now, strict=False):
        if old != new:
            differ += 1
            if shown < 10:
                shown += 1
                print(f"== {old['case']}")
                for line in list(_diff(old["result"], new["result"]))[:8]:
                    print("  " + line)
    print(f"{differ} of {len(golden)} results differ")
    return 1 if differ or len(now) != len(golden) else 0


def main(argv: list[str]) -> int:
    return run(argv, results, __doc__)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    raise SystemExit(main(sys.argv[1:]))
