"""Golden results of the fixed-cycle policies: full JSON results to compare before and after a change.

The sibling of ``golden.py`` for ``isc2-cissp``, ``comptia``, ``pmi-pmp`` and
``isaca-cisa``: records generated with a fixed seed (many ``pending`` and
``audit`` claims, caps, rollover windows, concentrations, CompTIA stacks), each
decided on three evaluation dates, plus ``examples/programs/`` and every record
of ``tests/programs/cases/``::

    python benchmarks/golden_fixed.py write /tmp/golden-fixed.jsonl   # before
    python benchmarks/golden_fixed.py check /tmp/golden-fixed.jsonl   # after each step

``check`` prints how many results differ and the first differences; it exits 1
when any differs.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from golden import run

import recert
from recert import evaluate, load_record, record_from_mapping
from recert.core.policy import Policy
from recert.exceptions import RecertError

ROOT = Path(__file__).resolve().parent.parent
POLICIES = Path(recert.__file__).parent / "io" / "policies"
PROGRAMS = ("isc2-cissp", "comptia", "pmi-pmp", "isaca-cisa")
AS_OF = (date(2021, 9, 1), date(2024, 6, 1), date(2026, 2, 1))
CREDITS = (0.3, 1, 2, 4.6, 5, 8, 10, 12.4, 15, 20, 25, 30, 40, 60)
STATUSES = ("approved", "approved", "pending", "pending", "audit", "rejected")


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def generated(policy: Policy, seed: int, count: int) -> Iterator[dict[str, Any]]:
    """*count* record mappings for *policy*: holdings, passes and claims in every state."""
    rng = random.Random(seed)
    certs = [c.name for c in policy.certifications]
    exams = [e.code for e in policy.exams]
    categories = [c.name for c in policy.categories]
    followers = [
        c.name for c in policy.certifications if c.name in (policy.program.follows if policy.program else {})
    ]
    for n in range(count):
        start = _day(rng, date(2012, 1, 1), date(2023, 6, 1))
        holdings = []
        for name in rng.sample(certs, rng.randint(1, min(3, len(certs)))):
            h: dict[str, Any] = {
                "certification": name,
                "earned_on": _day(rng, start, start + timedelta(days=900)),
            }
            if rng.random() < 0.7:
                h["fees_paid_through"] = _day(rng, start, date(2030, 1, 1))
            holdings.append(h)
        passes = [
            {"exam": rng.choice(exams), "passed_on": _day(rng, start - timedelta(days=400), date(2026, 1, 1))}
            for _ in range(rng.choice((0, 0, 1, 2, 4)))
        ]
        items = [f"item-{k}" for k in range(rng.randint(3, 30))]
        activities = []
        for k in range(rng.randint(0, 45)):
            done = _day(rng, start - timedelta(days=200), date(2026, 3, 1))
            a: dict[str, Any] = {
                "id": f"a{k:02d}",
                "credits": rng.choice(CREDITS),
                "completed_on": done,
                "category": rng.choice(categories),
            }
            if rng.random() < 0.92:
                a["claimed_on"] = done + timedelta(days=rng.choice((0, 1, 5, 30, 90, 200, 400)))
                a["status"] = rng.choice(STATUSES)
                if a["status"] in ("approved", "rejected") and rng.random() < 0.5:
                    a["decided_on"] = a["claimed_on"] + timedelta(days=rng.randint(0, 120))
            if rng.random() < 0.2:
                a["item"] = rng.choice(items)
            if followers and rng.random() < 0.3:
                a["applies_to"] = rng.sample(followers, rng.randint(1, len(followers)))
            activities.append(a)
        yield {
            "candidate": f"{policy.id}-{seed}-{n}",
            "holdings": holdings,
            "exams": passes,
            "activities": activities,
        }


def _json_dates(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _json_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_dates(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def cases() -> Iterator[tuple[str, Any, date, Policy]]:
    """(label, record, as_of, policy) of every case, always in the same order."""
    policies = {p: recert.load_policy(POLICIES / f"{p}.toml") for p in PROGRAMS}
    for program, policy in policies.items():
        for index, mapping in enumerate(generated(policy, 2026, 180)):
            try:
                record: Any = record_from_mapping(_json_dates(mapping), policy=policy)
            except RecertError as error:
                record = error
            for as_of in AS_OF:
                yield f"{program}-gen-{index}-{as_of}", record, as_of, policy
    for program in PROGRAMS:
        path = ROOT / "examples" / "programs" / f"{program}.json"
        record = load_record(path, policy=policies[program])
        yield f"examples/programs/{program}.json", record, record.as_of or date(2025, 6, 1), policies[program]
    for path in sorted((ROOT / "tests" / "programs" / "cases").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        try:
            record = record_from_mapping(data["record"], policy=policies[path.parent.name])
        except RecertError as error:
            record = error
        label = f"{path.parent.name}/{path.name}"
        yield label, record, date.fromisoformat(data["as_of"]), policies[path.parent.name]


def results() -> Iterator[dict[str, Any]]:
    for label, record, as_of, policy in cases():
        if isinstance(record, RecertError):
            yield {"case": label, "result": {"error": str(record)}}
            continue
        try:
            data: dict[str, Any] = evaluate(record, as_of=as_of, policy=policy).to_dict()
        except RecertError as error:
            data = {"error": str(error)}
        yield {"case": label, "result": data}


def main(argv: list[str]) -> int:
    return run(argv, results, __doc__)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
