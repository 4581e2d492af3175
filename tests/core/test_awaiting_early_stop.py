"""What-ifs that stop early (R-CE-3): ``awaiting`` is the same as with every what-if run to the end.

A what-if stops at the start of a day where its state equals the base
replay's state on that day (``_whatif.Trail``). These tests compute
``awaiting`` both ways on the same replay, on generated records of the Cisco
policy and of random policies (every pooling, anchor and carry-over setting),
with items made unique in half of the draws so that ``_cannot_matter`` does
not rule every what-if out; and check by hand one record whose what-if stops
early and one whose what-if never meets the base replay again.
"""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from recert import Activity, ExamPass, Holding, Policy, Record, cisco_policy, evaluate
from recert.core.engine._resolve import resolve
from recert.core.engine._timeline import Replay
from recert.core.engine._whatif import Trail, awaiting
from recert.testing.strategies import Case, cases, policy_cases

CISCO = cisco_policy()


def _unique_items(record: Record) -> Record:
    activities = [attrs.evolve(a, item=f"unique-{i}") for i, a in enumerate(record.activities)]
    return attrs.evolve(record, activities=activities)


class _CountingTrail(Trail):
    """A trail that notes whether each what-if it watched stopped in the base replay's state."""

    __slots__ = ("stops",)

    def __init__(self) -> None:
        super().__init__()
        self.stops: list[bool] = []

    def converges(self, other: Replay, after: date) -> bool:
        self.stops.append(super().converges(other, after))
        return self.stops[-1]


def _both_ways(
    policy: Policy, record: Record, as_of: date
) -> tuple[dict[str, list[str]], dict[str, list[str]], list[bool]]:
    """``awaiting`` with early stops, without, and whether each what-if run stopped in the base's state."""
    replay = Replay(policy, resolve(record, policy), as_of)
    fork_on = {e.arrival for e in replay.entries if not e.approved}
    trail = _CountingTrail()
    forks = replay.run(fork_on=fork_on, watch=trail.recorder(min(fork_on)) if fork_on else None)
    early = awaiting(replay, forks, trail)
    full = awaiting(replay, forks)  # the forks are forked again by each what-if, never changed
    return early, full, trail.stops


def _same(policy: Policy, record: Record, as_of: date) -> None:
    early, full, _ = _both_ways(policy, record, as_of)
    assert early == full


@settings(max_examples=150)
@given(case=cases(CISCO, max_activities=10), unique=st.booleans())
def test_cisco_records_same_awaiting_with_early_stops(case: Case, unique: bool) -> None:
    record = _unique_items(case.record) if unique else case.record
    _same(CISCO, record, case.as_of)


@settings(max_examples=150)
@given(drawn=policy_cases(max_activities=10), unique=st.booleans())
def test_random_policies_same_awaiting_with_early_stops(drawn: tuple[Policy, Case], unique: bool) -> None:
    policy, case = drawn
    record = _unique_items(case.record) if unique else case.record
    _same(policy, record, case.as_of)


def _ccna_with_exam(exam_on: date) -> Record:
    # CCNA held from 2024-01-10 (term to 2027-01-10, + 3 years, R-VAL-1). p1: 30 credits pending,
    # completed 2024-03-01 (anchor = completion); a2: 5 approved credits completed 2024-08-01.
    return Record(
        holdings=[Holding("CCNA", date(2024, 1, 10))],
        exams=[ExamPass("200-301", exam_on)],
        activities=[
            Activity("p1", 30, date(2024, 3, 1), item="x", claimed_on=date(2024, 3, 2)),
            Activity("a2", 5, date(2024, 8, 1), item="y", claimed_on=date(2024, 8, 2), status="approved"),
        ],
    )


def test_what_if_stops_once_an_exam_renews_both_the_same_way() -> None:
    # Approved, p1's 30 credits recertify CCNA on 2024-03-01 (to 2027-03-01) and are used up. The
    # 200-301 pass on 2024-05-01 then recertifies CCNA in both replays: 2024-05-01 + 3 years =
    # 2027-05-01, with empty pools. From a2's day 2024-08-01 on, the states are equal: the what-if
    # stops there, and p1 changes nothing.
    record = _ccna_with_exam(date(2024, 5, 1))
    early, full, stops = _both_ways(CISCO, record, date(2024, 12, 1))
    assert stops == [True]
    assert early == full == {}
    ccna = evaluate(record, as_of=date(2024, 12, 1)).certification("CCNA")
    assert ccna.expires_on == date(2027, 5, 1)
    assert ccna.awaiting == ()


def test_what_if_that_never_meets_the_base_again_runs_to_the_end() -> None:
    # With the exam after a2 (2024-09-01), on 2024-08-01 the what-if's CCNA expires 2027-03-01
    # (renewed by p1 on 2024-03-01) and the base's 2027-01-10: not equal. The exam then renews
    # both to 2024-09-01 + 3 years = 2027-09-01, but no day is replayed after it: the what-if
    # ends, not stopped, with the same expiration date as the base, so p1 is awaited by nothing.
    record = _ccna_with_exam(date(2024, 9, 1))
    early, full, stops = _both_ways(CISCO, record, date(2024, 12, 1))
    assert stops == [False]
    assert early == full == {}
    assert evaluate(record, as_of=date(2024, 12, 1)).certification("CCNA").expires_on == date(2027, 9, 1)


def test_what_if_that_changes_the_expiration_date_names_the_claim() -> None:
    # Without the exam: approved, p1 recertifies CCNA on 2024-03-01 to 2024-03-01 + 3 years =
    # 2027-03-01 instead of 2027-01-10. The states never meet again: CCNA awaits p1.
    record = attrs.evolve(_ccna_with_exam(date(2024, 5, 1)), exams=[])
    early, full, stops = _both_ways(CISCO, record, date(2024, 12, 1))
    assert stops == [False]
    assert early == full == {"CCNA": ["p1"]}
    assert evaluate(record, as_of=date(2024, 12, 1)).certification("CCNA").awaiting == ("p1",)
