"""The public Hypothesis strategies build records and policies recert accepts."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from recert import Activity, Policy, Record, cisco_policy
from recert.testing import strategies as rst

CISCO = cisco_policy()


def _consistent(policy: Policy, record: Record) -> None:
    """Every name resolves in the policy's catalog; dates are in order; ids unique."""
    names = [policy.certification(h.certification) for h in record.holdings]
    assert None not in names
    assert len({c.name for c in names if c is not None}) == len(names)
    for holding in record.holdings:
        assert holding.expires_on is None or holding.expires_on >= holding.earned_on
    for exam in record.exams:
        found = policy.exam(exam.exam)
        assert found is not None
        assert found.kind in policy.exam_kinds
    categories = {c.name for c in policy.categories}
    for activity in record.activities:
        assert activity.category in categories
        assert activity.credits > 0
        if activity.claimed_on is not None:
            assert activity.claimed_on >= activity.completed_on
    assert len({a.id for a in record.activities}) == len(record.activities)


@given(rst.records(CISCO))
def test_records_use_the_cisco_catalog(record: Record) -> None:
    _consistent(CISCO, record)


@given(st.from_type(Record))
def test_from_type_record_is_registered_for_the_embedded_policy(record: Record) -> None:
    assert isinstance(record, Record)
    _consistent(CISCO, record)


@given(rst.policy_cases())
def test_random_policies_load_and_records_fit_them(pair: tuple[Policy, rst.Case]) -> None:
    policy, case = pair
    assert policy.id == "random"
    assert any(level.ladder for level in policy.levels)
    # Every option names only exam kinds of the policy.
    for level in policy.levels:
        assert level.options
    _consistent(policy, case.record)


@given(rst.records(CISCO, given_expirations=False))
def test_given_expirations_false_gives_none(record: Record) -> None:
    assert all(h.expires_on is None for h in record.holdings)


@given(rst.terms(CISCO, "CCNA"))
def test_terms_last_the_level_validity(term: rst.Term) -> None:
    # Associate validity: 3 years (R-VAL-1).
    assert term.expires_on is not None
    assert term.expires_on.year - term.started_on.year == 3


def test_expiration_adds_calendar_years() -> None:
    # D-DATE-1: 2024-02-29 + 3 years = 2027-02-28.
    assert rst.expiration(CISCO, "CCNA", date(2024, 2, 29)) == date(2027, 2, 28)
    # CCST earned before 2025-07-15: lifetime; on or after: 5 years (2025-07-15 + 5 = 2030-07-15).
    assert rst.expiration(CISCO, "CCST Networking", date(2025, 7, 14)) is None
    assert rst.expiration(CISCO, "CCST Networking", date(2025, 7, 15)) == date(2030, 7, 15)


@given(rst.activities(CISCO, "x", states=("approved",)))
def test_approved_activities_are_claimed(activity: Activity) -> None:
    assert activity.claim_status == "approved"
    assert activity.claimed_on is not None
    # Claims are made at most the window (365 days) + 60 days after completion.
    assert activity.claimed_on - activity.completed_on <= timedelta(days=365 + 60)


@given(rst.cases(CISCO))
def test_cases_evaluate_in_the_generated_span(case: rst.Case) -> None:
    assert rst.MIN_DATE - timedelta(days=1) <= case.as_of <= rst.MAX_DATE + timedelta(days=365)
