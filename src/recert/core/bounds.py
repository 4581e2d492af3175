"""Bounds on the size and span of a record, checked where every decision starts (issue 17).

The loaders check counts too, with the path of each list; these checks hold for
records built in Python as well, so that :func:`recert.evaluate` is bounded in time
and memory whatever its caller. Each bound is a constant of
:mod:`recert.core._limits` and documented in ``docs/record-format.md`` ("Input limits").
"""

from __future__ import annotations

from datetime import date

from recert.core._limits import (
    CE_WHATIF_WORK,
    LAST_YEAR,
    MAX_ACTIVITIES,
    MAX_EXAMS,
    MAX_HOLDINGS,
    MAX_SPAN_YEARS,
    PLAN_BUDGET,
    PLAN_WORK,
    WORK_PER_COPY,
    WORK_PER_DAY,
    WORK_PER_PASS,
)
from recert.core.record import Record
from recert.exceptions import Problem, RecordError

__all__ = [
    "Work",
    "check_plan",
    "check_record",
    "dated_fields",
    "earliest_allowed",
    "pending_claims",
    "plan_work",
    "whatif_work",
]

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


def dated_fields(record: Record, as_of: date) -> list[tuple[str, date]]:
    """Every date given, with its path: ``as_of``, ``emeritus_on``, then each list's items in order."""
    out = [("as_of", as_of)]
    if record.emeritus_on is not None:
        out.append(("emeritus_on", record.emeritus_on))
    for key, fields in _DATES.items():
        for i, item in enumerate(getattr(record, key)):
            for name in fields:
                value = getattr(item, name)
                if value is not None:
                    out.append((f"{key}[{i}].{name}", value))
    return out


def check_record(record: Record, as_of: date) -> None:
    """Refuse a record with more holdings, exam passes or activities than allowed, dates too late,
    or spanning too long.

    The counts: ``MAX_HOLDINGS``, ``MAX_EXAMS``, ``MAX_ACTIVITIES``. The calendar: no date
    (*as_of* included) after the year ``LAST_YEAR`` (9000), so that terms and windows can be
    added. The span: every date of the record on or before *as_of* is at most
    ``MAX_SPAN_YEARS`` years before it (dates after *as_of* are ignored by the decision,
    D-ASOF-1, and are not checked).

    Raises:
        RecordError: One problem per list over its count (path: the list); else one per
            date after the year 9000 (path: the field); else the first date of each list
            before :func:`earliest_allowed` (path: the field).
    """
    problems: list[Problem] = []
    for key, most in (("holdings", MAX_HOLDINGS), ("exams", MAX_EXAMS), ("activities", MAX_ACTIVITIES)):
        count = len(getattr(record, key))
        if count > most:
            problems.append(Problem(key, f"{count} entries are more than {most}"))
    if problems:
        raise RecordError(problems)
    dated = dated_fields(record, as_of)
    problems = [
        Problem(path, f"{value.isoformat()} is after the year {LAST_YEAR}")
        for path, value in dated
        if value.year > LAST_YEAR
    ]
    if problems:
        raise RecordError(problems)
    earliest = earliest_allowed(as_of)
    reported: set[str] = set()
    for path, value in dated:
        key = path.partition("[")[0]
        if value < earliest and key not in reported:  # the first of each list
            reported.add(key)
            problems.append(
                Problem(
                    path,
                    f"{value.isoformat()} is more than {MAX_SPAN_YEARS} years before the evaluation "
                    f"date {as_of.isoformat()} (the earliest date recert reads is {earliest.isoformat()})",
                )
            )
    if problems:
        raise RecordError(problems)


def pending_claims(record: Record, as_of: date) -> int:
    """The activities completed by *as_of* whose claim is pending or audited (each may need a what-if)."""
    return sum(1 for a in record.activities if a.completed_on <= as_of and a.claim_status in _CLAIMS_AWAITED)


def _facts(record: Record) -> int:
    return max(1, len(record.activities) + len(record.exams))


class Work:
    """The work what-ifs have done so far, in units, refused once over a limit (issue 17).

    Counts only, never a clock: the same record, date and policy are refused at the
    same point on any machine. One counter serves one decision (or one plan) and is
    dropped with it. The units are those of ``recert.core._limits`` (``CE_WHATIF_WORK``).

    Raises (from :meth:`add`, :meth:`day` and :meth:`copy`):
        RecordError: Once the units counted are over the limit; the problem is
            the one given (path ``activities``, naming the pending claims).
    """

    __slots__ = ("limit", "problem", "used")

    def __init__(self, limit: int, problem: Problem) -> None:
        self.limit = limit
        self.problem = problem
        self.used = 0

    def add(self, units: int) -> None:
        """Count *units* more; refuse once the total is over the limit."""
        self.used += units
        if self.used > self.limit:
            raise RecordError([self.problem])

    def day(self, certifications: int, passes: int) -> None:
        """One replayed day: ``WORK_PER_DAY`` + per certification 1 + ``WORK_PER_PASS`` per exam pass."""
        self.add(WORK_PER_DAY + certifications * (1 + WORK_PER_PASS * passes))

    def copy(self, items: int) -> None:
        """A copy of a replay holding *items* claims, certifications and days left to replay."""
        self.add(WORK_PER_COPY * items)


def whatif_work(record: Record, as_of: date, limit: int = CE_WHATIF_WORK) -> Work:
    """The counter of the what-ifs that fill ``awaiting`` under a ladder policy (R-CE-3).

    E.g. a record with 9 holdings, 83 activities and 20 pending claims needs about
    11,000 units of the 150,000 allowed; 800 pending claims of 80 credits in three
    holdings would need about 4 million and are refused once over.
    """
    pending = pending_claims(record, as_of)
    return Work(
        limit,
        Problem(
            "activities",
            f"{pending} pending or audited claims need the record replayed again to find what awaits them "
            f"(R-CE-3), with {_facts(record)} activities and exam passes and {_holdings(record)}: the "
            f"replays need more than the limit of {limit:,} units of work (a replayed day counts "
            f"{WORK_PER_DAY} units, 1 per certification and {WORK_PER_PASS} per exam pass and "
            f"certification); decide it with fewer pending claims, holdings or exam passes at once",
        ),
    )


def plan_work(record: Record, as_of: date, limit: int = PLAN_WORK) -> Work:
    """The counter of a plan's decisions with one pending claim approved (R-CE-3, ``PLAN_WORK``)."""
    pending = pending_claims(record, as_of)
    return Work(
        limit,
        Problem(
            "activities",
            f"a plan decides the record again for each of its {pending} pending or audited claims, with "
            f"{_facts(record)} activities and exam passes and {_holdings(record)}: the decisions need more "
            f"than the limit of {limit:,} units of work (a replayed day counts {WORK_PER_DAY} units, 1 per "
            f"certification and {WORK_PER_PASS} per exam pass and certification); plan with fewer "
            f"pending claims, holdings or exam passes",
        ),
    )


def _holdings(record: Record) -> str:
    """The holdings as a message counts them (none counts as 1 in the budgets)."""
    count = len(record.holdings)
    return f"{count} holdings" if count else "no holdings (counted as 1)"


def check_plan(record: Record, as_of: date) -> None:
    """Refuse to plan, under a fixed-cycle policy, a record whose what-ifs would cost more than ``PLAN_BUDGET``.

    A plan decides the record again once per pending claim; under a fixed-cycle
    policy the work is not counted as it runs (:func:`plan_work` counts it under a
    ladder policy), so pending claims squared x facts x holdings is bounded. E.g.
    5 pending claims among 500 facts with 2 holdings (25,000) are planned, 6 are
    refused.

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
                    f"with {facts} activities and exam passes and {_holdings(record)}: {cost:,} is over "
                    f"the limit of {PLAN_BUDGET:,} (claims squared x activities and passes x holdings); "
                    f"plan with fewer pending claims, holdings or exam passes",
                )
            ]
        )
