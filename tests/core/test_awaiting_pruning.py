"""``awaiting`` (R-CE-3) is the same whether or not what-if replays are pruned.

The engine skips the what-if replay of a pending claim when
``engine._cannot_matter`` proves that its credits can meet no CE option that
was not met without them. These tests compare every result field with the
pruning switched off, on random records of the Cisco policy and of random
policies (every pooling, anchor and carry-over setting), with items made
unique in half of the draws so that the pruning is not bypassed by D-DUP-1.
"""

from __future__ import annotations

from datetime import date
from unittest import mock

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from recert import Activity, Evaluation, Holding, Policy, Record, cisco_policy, evaluate
from recert.core.engine import _whatif as engine
from recert.testing.strategies import Case, cases, policy_cases

CISCO = cisco_policy()


def _unique_items(record: Record) -> Record:
    activities = [attrs.evolve(a, item=f"unique-{i}") for i, a in enumerate(record.activities)]
    return attrs.evolve(record, activities=activities)


def _same_with_and_without_pruning(policy: Policy, record: Record, as_of: date) -> None:
    pruned = evaluate(record, as_of=as_of, policy=policy)
    with mock.patch.object(engine, "_cannot_matter", return_value=False):
        full = evaluate(record, as_of=as_of, policy=policy)
    assert pruned == full


@settings(max_examples=150)
@given(case=cases(CISCO, max_activities=10), unique=st.booleans())
def test_cisco_records_same_awaiting_with_pruning(case: Case, unique: bool) -> None:
    record = _unique_items(case.record) if unique else case.record
    _same_with_and_without_pruning(CISCO, record, case.as_of)


@settings(max_examples=150)
@given(drawn=policy_cases(max_activities=10), unique=st.booleans())
def test_random_policies_same_awaiting_with_pruning(drawn: tuple[Policy, Case], unique: bool) -> None:
    policy, case = drawn
    record = _unique_items(case.record) if unique else case.record
    _same_with_and_without_pruning(policy, record, case.as_of)


def _ccna(*activities: Activity) -> Record:
    # CCNA earned 2024-01-10: term to 2027-01-10 (+3 years, R-VAL-1); 30 CE credits renew it.
    return Record(holdings=[Holding("CCNA", date(2024, 1, 10))], activities=list(activities))


def _with_pruning_calls(record: Record, as_of: date) -> tuple[list[bool], Evaluation]:
    """The evaluation, and what each call of ``_cannot_matter`` answered."""
    calls: list[bool] = []
    real = engine._cannot_matter

    def spy(base: engine.Replay, claims: list[engine.Claim], reach: engine.Reach | None = None) -> bool:
        calls.append(real(base, claims, reach))
        return calls[-1]

    with mock.patch.object(engine, "_cannot_matter", spy):
        return calls, evaluate(record, as_of=as_of)


def test_small_pending_claim_is_ruled_out_without_a_what_if() -> None:
    # 20 approved credits + 4 pending = 24 < 30 CE credits: approving it meets nothing.
    record = _ccna(
        Activity("a1", 20, date(2024, 3, 1), item="x", claimed_on=date(2024, 3, 2), status="approved"),
        Activity("p1", 4, date(2024, 6, 1), item="y", claimed_on=date(2024, 6, 2)),
    )
    calls, result = _with_pruning_calls(record, date(2024, 12, 1))
    assert calls == [True]
    assert result.certification("CCNA").awaiting == ()
    assert result.certification("CCNA").expires_on == date(2027, 1, 10)
    assert result.pool is not None
    assert result.pool.credits == 20


def test_pending_claim_that_completes_the_credits_is_run_and_named() -> None:
    # 28 approved + 4 pending = 32 >= 30: if approved, CCNA recertifies on the pending activity's
    # completion 2024-06-01 (anchor = completion): new expiration 2024-06-01 + 3 years = 2027-06-01.
    record = _ccna(
        Activity("a1", 28, date(2024, 3, 1), item="x", claimed_on=date(2024, 3, 2), status="approved"),
        Activity("p1", 4, date(2024, 6, 1), item="y", claimed_on=date(2024, 6, 2)),
    )
    result = evaluate(record, as_of=date(2024, 12, 1))
    assert result.certification("CCNA").awaiting == ("p1",)
    assert result.certification("CCNA").expires_on == date(2027, 1, 10)
    approved = attrs.evolve(
        record, activities=[record.activities[0], attrs.evolve(record.activities[1], status="approved")]
    )
    assert evaluate(approved, as_of=date(2024, 12, 1)).certification("CCNA").expires_on == date(2027, 6, 1)


def test_a_repeated_item_always_gets_its_what_if() -> None:
    # The pending p1 repeats item "x" of a1 (D-DUP-1): approved, it could displace a1, so the
    # bound on added credits does not hold and the what-if runs even though 20 + 4 < 30.
    record = _ccna(
        Activity("a1", 20, date(2024, 3, 1), item="x", claimed_on=date(2024, 3, 2), status="approved"),
        Activity("p1", 4, date(2024, 2, 1), item="x", claimed_on=date(2024, 6, 2)),
    )
    calls, result = _with_pruning_calls(record, date(2024, 12, 1))
    assert calls == [False]
    assert result.certification("CCNA").awaiting == ()
