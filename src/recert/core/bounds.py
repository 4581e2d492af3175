"""Bounds on the size and span of a record, checked where every decision starts (issue 17).

The loaders check counts too, with the path of each list; these checks hold for
records built in Python as well, so that :func:`recert.evaluate` is bounded in time
and memory whatever its caller. Each bound is a constant of
:mod:`recert.core._limits` and documented in ``docs/record-format.md`` ("Input limits").
"""

from __future__ import annotations

from datetime import date

from recert.core._limits import (
    CE_WHATIF_BUDGET,
    MAX_ACTIVITIES,
    MAX_EXAMS,
    MAX_HOLDINGS,
    MAX_SPAN_YEARS,
    PLAN_BUDGET,
)
from recert.core.record import Record
from recert.exceptions import Problem, RecordError

__all__ = ["check_ce_whatifs", "check_plan", "check_record", "earliest_allowed", "pending_claims"]

_CLAIMS_AWAITED = ("pending", "audit")


def earliest_allowed(as_of: date) -> date:
    """The earliest date a record evaluated on *as_of* may give: ``MAX_SPAN_YEARS`` years before it.

    E.g. 1926-06-01 for ``as_of`` 2026-06-01; 29 February falls back to 28 February when the
    year 100 years before is not a leap year (2024-02-29 gives 1924-02-29, a leap year).
    """
    year = as_of.year - MAX_SPAN_YEARS
    if year < 1:
        return date.min
    try:
        return as_of.replace(year=year)
    except ValueError:  # 29 February in a year that has none
        return as_of.replace(year=year, day=28)


# The date fields of each list's items, in the order of their class (a problem names the first).
_DATES = {
    "holdings": ("earned_on", "expires_on", "retired_on", "first_earned_on", "fees_paid_through"),
    "exams": ("passed_on",),
    "activities": ("completed_on", "claimed_on", "decided_on"),
}


def check_record(record: Record, as_of: date) -> None:
    """Refuse a record with more holdings, exam passes or activities than allowed, or spanning too long.

    The counts: ``MAX_HOLDINGS``, ``MAX_EXAMS``, ``MAX_ACTIVITIES``. The span: every date
    of the record on or before *as_of* is at most ``MAX_SPAN_YEARS`` years before it
    (dates after *as_of* are ignored by the decision, D-ASOF-1, and are not checked).

    Raises:
        RecordError: One problem per list over its count (path: the list), then the
            first date of each list before :func:`earliest_allowed` (path: the field).
    """
    problems: list[Problem] = []
    for key, most in (("holdings", MAX_HOLDINGS), ("exams", MAX_EXAMS), ("activities", MAX_ACTIVITIES)):
        count = len(getattr(record, key))
        if count > most:
            problems.append(Problem(key, f"{count} entries are more than {most}"))
    if problems:
        raise RecordError(problems)
    earliest = earliest_allowed(as_of)
    for key, fields in _DATES.items():
        for i, item in enumerate(getattr(record, key)):
            for name in fields:
                value = getattr(item, name)
                if value is not None and value < earliest:
                    problems.append(
                        Problem(
                            f"{key}[{i}].{name}",
                            f"{value.isoformat()} is more than {MAX_SPAN_YEARS} years before the evaluation "
                            f"date {as_of.isoformat()} (the earliest date recert reads is {earliest.isoformat()})",
                        )
                    )
                    break
            else:
                continue
            break  # the first of each list
    if problems:
        raise RecordError(problems)


def pending_claims(record: Record, as_of: date) -> int:
    """The activities completed by *as_of* whose claim is pending or audited (each may need a what-if)."""
    return sum(1 for a in record.activities if a.completed_on <= as_of and a.claim_status in _CLAIMS_AWAITED)


def _facts(record: Record) -> int:
    return max(1, len(record.activities) + len(record.exams))


def check_ce_whatifs(record: Record, as_of: date) -> None:
    """Refuse a record whose ``awaiting`` could need more what-ifs than ``CE_WHATIF_BUDGET`` allows (R-CE-3).

    A what-if replays the record from a pending claim's arrival; its cost grows with
    the facts (activities and exam passes) and the holdings. The budget bounds
    pending claims x facts x holdings: e.g. 15 pending claims among 500 facts with
    2 holdings (15,000) are decided, 16 are refused. Counted before the replay, so
    the copies kept for what-ifs are bounded too.

    Raises:
        RecordError: Over the budget, on the path ``activities``.
    """
    pending = pending_claims(record, as_of)
    if not pending:
        return
    facts = _facts(record)
    holdings = max(1, len(record.holdings))
    if pending * facts * holdings > CE_WHATIF_BUDGET:
        raise RecordError(
            [
                Problem(
                    "activities",
                    f"{pending} pending or audited claims may each need the record decided again to find "
                    f"what awaits them (R-CE-3), with {facts} activities and exam passes and {holdings} "
                    f"holdings: {pending * facts * holdings:,} is over the limit of {CE_WHATIF_BUDGET:,} "
                    f"(claims x activities and passes x holdings); decide fewer pending claims at once",
                )
            ]
        )


def check_plan(record: Record, as_of: date) -> None:
    """Refuse to plan a record whose what-ifs of pending claims would cost more than ``PLAN_BUDGET``.

    A plan decides the record again once per pending claim, each decision with the
    what-ifs of the other pending claims: pending claims squared x facts x holdings is
    bounded. E.g. 5 pending claims among 200 facts with 2 holdings (10,000) are
    planned, 6 are refused.

    Raises:
        RecordError: Over the budget, on the path ``activities``.
    """
    pending = pending_claims(record, as_of)
    facts = _facts(record)
    holdings = max(1, len(record.holdings))
    cost = pending * pending * facts * holdings
    if cost > PLAN_BUDGET:
        raise RecordError(
            [
                Problem(
                    "activities",
                    f"a plan decides the record again for each of its {pending} pending or audited claims, "
                    f"with {facts} activities and exam passes and {holdings} holdings: {cost:,} is over "
                    f"the limit of {PLAN_BUDGET:,} (claims squared x activities and passes x holdings); "
                    f"plan with fewer pending claims",
                )
            ]
        )
