"""The bounds on a record's size, span and what-ifs, checked where every decision starts (issue 17).

Each bound: the boundary accepted, one over refused, and the message, worked out by hand.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import recert
from recert.core.bounds import _DATES, check_ce_whatifs, check_plan, check_record, earliest_allowed
from recert.core.record import Activity, ExamPass, Holding, Record
from recert.exceptions import RecordError
from recert.io.embedded import resolve_policy

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
    check_record(Record(exams=[ExamPass("200-301", date(2020, 1, 1))] * 500), AS_OF)
    with pytest.raises(RecordError) as error:
        check_record(Record(exams=[ExamPass("200-301", date(2020, 1, 1))] * 501), AS_OF)
    assert _message(error).endswith("exams: 501 entries are more than 500")


def test_the_cisco_what_if_budget_counts_claims_facts_and_holdings() -> None:
    # one holding, every activity pending: P x P x 1 <= 15,000: 122 x 122 = 14,884 passes,
    # 123 x 123 = 15,129 does not
    check_ce_whatifs(_pending(122), AS_OF)
    with pytest.raises(RecordError) as error:
        check_ce_whatifs(_pending(123), AS_OF)
    assert _message(error) == (
        "activities: 123 pending or audited claims may each need the record decided again to find what awaits "
        "them (R-CE-3), with 123 activities and exam passes and 1 holdings: 15,129 is over the limit of "
        "15,000 (claims x activities and passes x holdings); decide fewer pending claims at once"
    )
    # two holdings: 86 x 86 x 2 = 14,792 passes, 87 x 87 x 2 = 15,138 does not
    check_ce_whatifs(_pending(86, holdings=2), AS_OF)
    with pytest.raises(RecordError):
        check_ce_whatifs(_pending(87, holdings=2), AS_OF)


def test_evaluate_refuses_a_record_over_the_cisco_what_if_budget() -> None:
    with pytest.raises(RecordError) as error:
        recert.evaluate(_pending(123), policy=resolve_policy("cisco-ce"))
    assert "123 pending or audited claims" in _message(error)


def test_claims_completed_after_as_of_and_approved_ones_are_not_counted() -> None:
    # 150 claims, 1 holding: all pending, 150 x 150 = 22,500 is over; with 50 approved and one of
    # the others completed after as_of, 99 are counted: 99 x 150 = 14,850 is within 15,000
    record = _pending(150)
    acts = list(record.activities)
    acts[:50] = [
        Activity(a.id, 1, a.completed_on, claimed_on=a.claimed_on, status="approved") for a in acts[:50]
    ]
    acts[50] = Activity("late", 1, date(2027, 1, 1), claimed_on=date(2027, 1, 2), status="pending")
    check_ce_whatifs(Record(holdings=record.holdings, activities=acts, as_of=AS_OF), AS_OF)
    # completed on as_of: counted, 100 x 150 = 15,000, at the limit; an audited claim counts too: 101 x 150
    acts[50] = Activity("late", 1, date(2026, 6, 1), claimed_on=date(2026, 6, 1), status="pending")
    check_ce_whatifs(Record(holdings=record.holdings, activities=acts, as_of=AS_OF), AS_OF)
    acts[0] = Activity("audited", 1, date(2025, 1, 1), claimed_on=date(2025, 1, 2), status="audit")
    with pytest.raises(RecordError) as error:
        check_ce_whatifs(Record(holdings=record.holdings, activities=acts, as_of=AS_OF), AS_OF)
    assert "101 pending or audited claims" in _message(error)
    assert "15,150 is over the limit of 15,000" in _message(error)


def test_the_plan_budget_counts_claims_squared() -> None:
    # one holding, every activity pending: P x P x P x 1 <= 10,000: 21^3 = 9,261 passes, 22^3 = 10,648 does not
    check_plan(_pending(21), AS_OF)
    with pytest.raises(RecordError) as error:
        check_plan(_pending(22), AS_OF)
    assert _message(error) == (
        "activities: a plan decides the record again for each of its 22 pending or audited claims, with 22 "
        "activities and exam passes and 1 holdings: 10,648 is over the limit of 10,000 (claims squared x "
        "activities and passes x holdings); plan with fewer pending claims"
    )


def test_plan_refuses_beyond_its_budget() -> None:
    with pytest.raises(RecordError) as error:
        recert.plan(_pending(22), policy=resolve_policy("cisco-ce"))
    assert "each of its 22 pending or audited claims" in _message(error)
