"""Generated records for benchmarks and batch tests: plain Python, fixed seed, embedded catalog.

``generate_records(n, seed)`` gives the same *n* records for the same seed on
every machine: 1 to 3 holdings of ladder certifications, 0 to 3 exam passes
and 0 to 12 CE activities each, drawn from the embedded Cisco catalog, with
claims in and out of the claim window, pending, approved and rejected.
``typical_record()`` is the benchmarks' typical record (3 holdings, 2 exams,
10 activities). Run as a script it writes JSON Lines::

    python benchmarks/generate.py 100000 > /tmp/records.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import attrs

from recert import Activity, ExamPass, Holding, Record, cisco_policy

#: The evaluation date the benchmarks and tests use.
AS_OF = date(2026, 6, 1)

_LADDER = ("associate", "specialist", "professional", "expert")
_CREDITS = (4, 8, 8, 16, 16, 24, 32, 40, 12.5)
_CATEGORIES = ("training", "training", "training", "cisco_live", "authoring", "other")


def _catalog() -> tuple[list[str], list[str]]:
    policy = cisco_policy()
    certifications = [c.name for c in policy.certifications
                      if c.level in _LADDER and c.retired_on is None]
    exams = [e.code for e in policy.exams if e.kind not in ("entry", "csm")]
    return certifications, exams


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def generate_record(rng: random.Random, index: int, certifications: list[str],
                    exams: list[str], *, activities: int | None = None) -> Record:
    """One random record drawn with *rng* (see the module docstring)."""
    names = rng.sample(certifications, rng.randint(1, 3))
    holdings = [Holding(name, _day(rng, date(2020, 3, 1), date(2025, 12, 31))) for name in names]
    passes = [ExamPass(rng.choice(exams), _day(rng, date(2021, 1, 1), date(2026, 5, 31)))
              for _ in range(rng.randint(0, 3))]
    count = rng.randint(0, 12) if activities is None else activities
    done = []
    for number in range(count):
        completed = _day(rng, date(2021, 1, 1), date(2026, 5, 31))
        fields: dict[str, Any] = {}
        roll = rng.random()
        if roll < 0.85:  # claimed, mostly within the 365-day window
            claimed = completed + timedelta(days=rng.choice((0, 3, 20, 90, 200, 364, 365, 366, 400)))
            status = rng.choice(("approved", "approved", "approved", "pending", "rejected", None))
            fields = {"claimed_on": claimed, "status": status}
            if status in ("approved", "rejected") and rng.random() < 0.7:
                fields["decided_on"] = claimed + timedelta(days=rng.randint(0, 40))
        done.append(Activity(
            id=f"a{number}", credits=rng.choice(_CREDITS), completed_on=completed,
            item=f"CE-{rng.randint(1, 40)}", category=rng.choice(_CATEGORIES), **fields,
        ))
    return Record(holdings=holdings, exams=passes, activities=done, candidate=f"C{index:07d}")


def generate_records(n: int, seed: int = 2026) -> Iterator[Record]:
    """*n* records, the same for the same *seed*; candidates ``C0000000``, ``C0000001``, ..."""
    rng = random.Random(seed)
    certifications, exams = _catalog()
    for index in range(n):
        yield generate_record(rng, index, certifications, exams)


def record_with_activities(count: int, seed: int = 7) -> Record:
    """A CCNP Enterprise holder with *count* activities spread over two terms (growth benchmark)."""
    rng = random.Random(seed)
    holdings = [Holding("CCNA", date(2019, 9, 15)), Holding("CCNP Enterprise", date(2019, 9, 15))]
    activities = []
    for number in range(count):
        completed = _day(rng, date(2019, 9, 16), date(2026, 5, 31))
        activities.append(Activity(
            id=f"a{number}", credits=rng.choice((1, 2, 4)), completed_on=completed,
            item=f"CE-{number}", claimed_on=completed + timedelta(days=rng.randint(0, 60)),
            status="approved",
        ))
    return Record(holdings=holdings, activities=activities, candidate=f"growth-{count}")


def typical_record() -> Record:
    """The typical record: 3 holdings, 2 exams, 10 activities (some approved, pending, late)."""
    d = date.fromisoformat
    activities = [
        Activity(id=f"c{i}", credits=credits, completed_on=d(completed), item=f"CE-{100 + i}",
                 claimed_on=d(claimed) if claimed else None,
                 status=status if claimed else None)  # type: ignore[arg-type]
        for i, (credits, completed, claimed, status) in enumerate([
            (16, "2023-10-02", "2023-10-20", "approved"),
            (8, "2023-12-11", "2024-01-05", "approved"),
            (24, "2024-03-04", "2024-03-30", "approved"),
            (4, "2024-05-20", "2025-06-01", "approved"),    # claimed 377 days later: late
            (16, "2024-09-09", "2024-09-12", "rejected"),
            (8, "2024-11-18", "2024-12-01", "approved"),
            (16, "2025-02-03", "2025-02-10", "approved"),
            (8, "2025-06-16", "2025-06-20", "pending"),
            (12.5, "2025-09-01", None, None),                # not claimed
            (8, "2025-10-06", "2025-10-07", "approved"),
        ])
    ]
    return Record(
        holdings=[Holding("CCNA", d("2023-09-15")), Holding("CCNP Enterprise", d("2023-09-15")),
                  Holding("Specialist - Enterprise Core", d("2023-09-15"))],
        exams=[ExamPass("300-410", d("2024-06-10")), ExamPass("300-420", d("2025-04-22"))],
        activities=activities,
        candidate="typical",
    )


def to_mapping(record: Record) -> dict[str, Any]:
    """The record in the JSON record format (for JSON Lines files)."""
    out: dict[str, Any] = {"candidate": record.candidate}
    if record.as_of is not None:
        out["as_of"] = record.as_of.isoformat()
    out["holdings"] = [_fields(h) for h in record.holdings]
    out["exams"] = [_fields(e) for e in record.exams]
    out["activities"] = [_fields(a) for a in record.activities]
    return out


def _fields(value: Any) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v)
            for k, v in attrs.asdict(value, recurse=False).items() if v is not None}


if __name__ == "__main__":
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = sys.stdout
    for generated in generate_records(total):
        out.write(json.dumps(to_mapping(generated)) + "\n")
