"""Small builders for the engine's spec tests: short dates, records, activities, policies.

The expected values in the tests are worked out by hand from
``spec/cisco-ce-policy.md``; these helpers only shorten the records.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from recert import Activity, Evaluation, ExamPass, Holding, Policy, Record, cisco_policy, evaluate

#: Catalog names used by several tests (spec section 7).
SPEC_ENCOR = "Cisco Certified Specialist – Enterprise Core"
SPEC_ENARSI = "Cisco Certified Specialist – Enterprise Advanced Infrastructure Implementation"
CCNP_ENT = "CCNP Enterprise"
CCNP_SEC = "CCNP Security"
CCIE_EI = "CCIE Enterprise Infrastructure"
CCIE_SEC = "CCIE Security"


def d(text: str) -> date:
    """``d("2025-09-15")`` is ``date(2025, 9, 15)``."""
    return date.fromisoformat(text)


def held(certification: str, earned_on: str, expires_on: str | None = None, **kw: Any) -> Holding:
    """A holding whose current term starts on *earned_on*."""
    return Holding(
        certification,
        d(earned_on),
        expires_on=None if expires_on is None else d(expires_on),
        **{k: d(v) if k == "retired_on" else v for k, v in kw.items()},
    )


def passed(exam: str, on: str) -> ExamPass:
    """One exam passed on one date."""
    return ExamPass(exam, d(on))


def act(
    id: str,
    credits: float,
    completed_on: str,
    claimed_on: str | None = "same",
    status: str | None = "approved",
    decided_on: str | None = None,
    **kw: Any,
) -> Activity:
    """An activity; by default claimed on its completion date and approved then.

    ``claimed_on=None`` gives an unclaimed activity (and no status).
    """
    if claimed_on == "same":
        claimed_on = completed_on
    if claimed_on is None:
        status = None
    return Activity(
        id,
        credits,
        d(completed_on),
        claimed_on=None if claimed_on is None else d(claimed_on),
        status=status,  # type: ignore[arg-type]
        decided_on=None if decided_on is None else d(decided_on),
        **kw,
    )


def record(
    holdings: list[Holding] | tuple[Holding, ...] = (),
    exams: list[ExamPass] | tuple[ExamPass, ...] = (),
    activities: list[Activity] | tuple[Activity, ...] = (),
) -> Record:
    """A record from lists of holdings, exam passes and activities."""
    return Record(holdings=holdings, exams=exams, activities=activities)


def run(rec: Record, as_of: str, policy: Policy | None = None) -> Evaluation:
    """``evaluate(rec, as_of=d(as_of), policy=policy)``."""
    return evaluate(rec, as_of=d(as_of), policy=policy)


def with_params(**changes: Any) -> Policy:
    """The Cisco policy with some parameters changed (D-CLAIM-1, D-ANCHOR-1, D-POOL-1, D-POOL-2)."""
    policy = cisco_policy()
    return attrs.evolve(policy, parameters=attrs.evolve(policy.parameters, **changes))


def events(ev: Evaluation, kind: str, certification: str | None = None) -> list[Any]:
    """The evaluation's events of one kind (and certification)."""
    return [
        e for e in ev.events if e.kind == kind and (certification is None or e.certification == certification)
    ]


def gap(ev: Evaluation, certification: str, option: str) -> Any:
    """The ``next`` entry of one option of one certification."""
    for step in ev.next:
        if step.certification == certification:
            for g in step.options:
                if g.option == option:
                    return g
            raise KeyError(option)
    raise KeyError(certification)


def step(ev: Evaluation, certification: str) -> Any:
    """The ``next`` entry of one certification."""
    for s in ev.next:
        if s.certification == certification:
            return s
    raise KeyError(certification)


def approved(rec: Record, ids: set[str]) -> Record:
    """*rec* with the activities *ids* approved (their decision date dropped)."""
    activities = [attrs.evolve(a, status="approved", decided_on=None) if a.id in ids else a for a in rec.activities]
    return attrs.evolve(rec, activities=activities)


def naive_awaiting(policy: Policy, rec: Record, as_of: date) -> dict[str, tuple[str, ...]]:
    """R-CE-3 read literally, with the public API: one whole decision per pending claim approved
    alone, then, when no claim alone changes anything, all of them together."""

    def pairs(result: Evaluation) -> dict[str, tuple[str, date | None]]:
        return {c.certification: (c.status, c.expires_on) for c in result.certifications}

    base = evaluate(rec, as_of=as_of, policy=policy)
    pending = sorted(a.id for a in base.activities if a.outcome == "pending")
    before = pairs(base)
    out: dict[str, list[str]] = {}

    def changes(ids: list[str]) -> list[str]:
        after = pairs(evaluate(approved(rec, set(ids)), as_of=as_of, policy=policy))
        return [name for name in before if after.get(name) != before[name]]

    for claim in pending:
        for name in changes([claim]):
            out.setdefault(name, []).append(claim)
    if not out and len(pending) > 1:  # no single claim changes anything: all of them together
        for name in changes(pending):
            out.setdefault(name, []).extend(pending)
    return {name: tuple(ids) for name, ids in out.items()}
