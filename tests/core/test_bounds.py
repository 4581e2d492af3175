"""The bounds on a record's size, span and what-ifs, checked where every decision starts (issue 17).

Each bound: the boundary accepted, one over refused, and the message, worked out by hand.
"""

from __future__ import annotations

from datetime import date
from unittest import mock

import attrs
import pytest

import recert
from recert.core.bounds import (
    _DATES,
    Work,
    check_plan,
    check_record,
    earliest_allowed,
    pending_claims,
    plan_work,
)
from recert.core.record import Activity, ExamPass, Holding, Record
from recert.exceptions import RecordError
from recert.io.embedded import resolve_policy
from recert.planner import _search

AS_OF = date(2026, 6, 1)


def _pending(count: int, holdings: int = 1) -> Record:
    activities = [
        Activity(f"p{i}", 1, date(2025, 1, 1), claimed_on=date(2025, 1, 2), status="pending")
        for i in range(count)
    ]
    held = [Holding("CCNA", date(2024, 1, 1))] * holdings
    return Record(holdings=held, activities=activities, as_of=AS_OF)


def _message(error: pytest.ExceptionInfo[RecordError]) -> str:
    return str(error.value)


def test_the_earliest_date_read_is_100_years_before_as_of() -> None:
    # 2026-06-01 - 100 years = 1926-06-01; 2024-02-29 - 100 years = 1924-02-29 (a leap year too)
    assert earliest_allowed(AS_OF) == date(1926, 6, 1)
    assert earliest_allowed(date(2024, 2, 29)) == date(1924, 2, 29)
    assert earliest_allowed(date(2025, 2, 28)) == date(1925, 2, 28)
    # 2000-02-29 - 100 years: 1900 is not a leap year (divisible by 100, not by 400): 1900-02-28
    assert earliest_allowed(date(2000, 2, 29)) == date(1900, 2, 28)


def test_every_date_field_of_a_record_is_part_of_the_span() -> None:
    # a date field added to Holding, ExamPass or Activity must be checked too
    for key, cls in (("holdings", Holding), ("exams", ExamPass), ("activities", Activity)):
        names = tuple(f.name for f in attrs.fields(cls) if "date" in str(f.type))
        assert _DATES[key] == names


def test_a_record_spanning_100_years_is_decided_and_one_day_more_is_refused() -> None:
    policy = resolve_policy("cisco-ce")
    # earned on 1926-06-01, evaluated on 2026-06-01: exactly 100 years, decided (long expired:
    # CCNA's 3-year term ended 1929-05-31)
    record = Record(holdings=[Holding("CCNA", date(1926, 6, 1))], as_of=AS_OF)
    result = recert.evaluate(record, policy=policy)
    assert result.certification("CCNA").status == "expired"
    older = Record(holdings=[Holding("CCNA", date(1926, 5, 31))], as_of=AS_OF)
    with pytest.raises(RecordError) as error:
        recert.evaluate(older, policy=policy)
    assert (
        "holdings[0].earned_on: 1926-05-31 is more than 100 years before the evaluation date 2026-06-01 "
        "(the earliest date recert reads is 1926-06-01)" in _message(error)
    )


def test_the_span_is_checked_under_a_fixed_cycle_policy_too() -> None:
    record = Record(exams=[ExamPass("SY0-701", date(1900, 1, 1))], as_of=AS_OF)
    with pytest.raises(RecordError) as error:
        recert.evaluate(record, policy=resolve_policy("comptia"))
    assert "exams[0].passed_on: 1900-01-01 is more than 100 years" in _message(error)


def test_dates_after_as_of_are_not_part_of_the_span() -> None:
    # a pass in 2200 is after as_of: ignored by the decision (D-ASOF-1), so not refused either
    check_record(Record(exams=[ExamPass("200-301", date(2200, 1, 1))]), AS_OF)


def test_exam_passes_built_in_python_are_counted_at_the_entry() -> None:
    check_record(Record(exams=[ExamPass("200-301", date(2020, 1, 1))] * 300), AS_OF)
    with pytest.raises(RecordError) as error:
        check_record(Record(exams=[ExamPass("200-301", date(2020, 1, 1))] * 301), AS_OF)
    assert _message(error).endswith("exams: 301 entries are more than 300")


def test_pending_claims_counts_those_completed_by_as_of_pending_or_audited() -> None:
    # 250 claims, all pending: 250; with 90 approved and one of the others completed after as_of,
    # 159; completed on as_of: counted (160); an approved claim turned audited counts too (161).
    record = _pending(250)
    assert pending_claims(record, AS_OF) == 250
    acts = list(record.activities)
    acts[:90] = [
        Activity(a.id, 1, a.completed_on, claimed_on=a.claimed_on, status="approved") for a in acts[:90]
    ]
    acts[90] = Activity("late", 1, date(2027, 1, 1), claimed_on=date(2027, 1, 2), status="pending")
    assert pending_claims(Record(holdings=record.holdings, activities=acts), AS_OF) == 159
    acts[90] = Activity("late", 1, date(2026, 6, 1), claimed_on=date(2026, 6, 1), status="pending")
    assert pending_claims(Record(holdings=record.holdings, activities=acts), AS_OF) == 160
    acts[0] = Activity("audited", 1, date(2025, 1, 1), claimed_on=date(2025, 1, 2), status="audit")
    assert pending_claims(Record(holdings=record.holdings, activities=acts), AS_OF) == 161


def test_the_fixed_cycle_plan_budget_counts_claims_squared() -> None:
    # one holding, every activity pending: P x P x P x 1 <= 25,000: 29^3 = 24,389 passes, 30^3 = 27,000 does not
    check_plan(_pending(29), AS_OF)
    with pytest.raises(RecordError) as error:
        check_plan(_pending(30), AS_OF)
    assert _message(error) == (
        "activities: a plan decides the record again for each of its 30 pending or audited claims, with 30 "
        "activities and exam passes and 1 holdings: 27,000 is over the limit of 25,000 (claims squared x "
        "activities and passes x holdings); plan with fewer pending claims, holdings or exam passes"
    )


def test_a_plan_under_a_fixed_cycle_policy_is_bounded_by_the_formula() -> None:
    # CompTIA Security+ from 2024-01-01; 30 pending claims of 1 CEU: 30^3 = 27,000 > 25,000.
    record = Record(
        holdings=[Holding("CompTIA Security+", date(2024, 1, 1))],
        activities=[
            Activity(
                f"p{i}",
                1,
                date(2025, 1, 1),
                claimed_on=date(2025, 1, 2),
                status="pending",
                category="training",
            )
            for i in range(30)
        ],
        as_of=AS_OF,
    )
    with pytest.raises(RecordError) as error:
        recert.plan(record, policy=resolve_policy("comptia"))
    assert "each of its 30 pending or audited claims" in _message(error)
    assert "27,000 is over the limit of 25,000" in _message(error)


def test_a_cisco_plan_is_no_longer_refused_by_the_formula() -> None:
    # 30 pending claims of 1 CE credit on one day (2025-01-01, claimed 2025-01-02), CCNA from
    # 2024-01-01: the formula refused it (30^3 = 27,000 > 25,000); its decisions count
    # 30 x (6 + 7 + 3 x (30 + 1)) = 30 x 106 = 3,180 units of 120,000 (each replays 2024-01-01
    # before CCNA starts, then the arrival day 2025-01-01, and its result holds 30 activities and
    # 1 event). Each claim alone changes nothing (1 < 30 CE credits).
    made: list[Work] = []

    def spy(record: Record, as_of: date) -> Work:
        made.append(plan_work(record, as_of))
        return made[-1]

    with mock.patch.object(_search, "plan_work", spy):
        result = recert.plan(_pending(30), policy=resolve_policy("cisco-ce"))
    assert made[0].used == 3_180
    assert len(result.pending) == 30
    assert all(p.changes == () for p in result.pending)
