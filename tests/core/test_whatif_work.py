"""The work of the Cisco what-ifs and of a plan's decisions, counted as they run (issue 17).

``awaiting`` (R-CE-3) replays the record once per pending claim that might change a status or
an expiration date, and ``recert.plan`` decides the record again once per pending claim. Both
are bounded by a counter of units (``recert.core.bounds.Work``, constants of
``recert.core._limits``): a replayed day counts 6 units, plus 1 per certification, plus 16 per
exam pass and certification; a copy of a replay 2 units per claim, certification and day left;
a plan's decision 3 more per activity and event of its result; a state a what-if builds to
compare with the record's own replay's 1 per claim and certification (the states kept for that
hold at most 50,000 claims and certifications). The counts below are worked out by hand from
the records' days; the limits are 150,000 (awaiting) and 120,000 (plan).

The counter changes no answer, only where a record is refused: ``awaiting`` is compared with
the naive definition (one whole decision per pending claim, then all of them together) and the
plans with plans whose what-ifs are whole decisions, on generated records.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import recert
from builders import naive_awaiting
from recert import Activity, Holding, Policy, Record, cisco_policy, evaluate
from recert.core import engine
from recert.core._limits import CE_WHATIF_WORK, PLAN_WORK
from recert.core.bounds import Work, whatif_work
from recert.core.engine._resolve import resolve
from recert.core.engine._state import Claim
from recert.core.engine._timeline import Replay
from recert.core.engine._whatif import Reach, Trail, _cannot_matter, awaiting
from recert.exceptions import Problem, RecordError
from recert.planner import _search
from recert.testing.strategies import records

CISCO = cisco_policy()
AS_OF = date(2025, 6, 1)


@contextmanager
def _counters(module: object, name: str) -> Iterator[list[Work]]:
    """The counters *module*.*name* makes while the block runs (to read the units they counted)."""
    made: list[Work] = []
    real = getattr(module, name)

    def spy(*args: object, **kwargs: object) -> Work:
        made.append(real(*args, **kwargs))
        return made[-1]

    with mock.patch.object(module, name, spy):
        yield made


# --------------------------------------------------------------------------- the counter


def test_a_day_counts_6_units_1_per_certification_and_16_per_pass_and_certification() -> None:
    work = Work(10**9, Problem("activities", "over"))
    work.day(0, 0)  # a day before any term starts: 6
    work.day(62, 2)  # 6 + 62 x (1 + 16 x 2) = 6 + 62 x 33 = 2,052
    work.copy(401)  # 2 x 401 = 802
    assert work.used == 6 + 2_052 + 802


def test_the_counter_refuses_only_beyond_its_limit() -> None:
    problem = Problem("activities", "over the limit")
    work = Work(20, problem)
    work.day(1, 0)  # 7
    work.copy(6)  # 12: 19
    work.add(1)  # 20: at the limit, still allowed
    with pytest.raises(RecordError) as error:
        work.add(1)  # 21 > 20
    assert error.value.problems == (problem,)


def test_the_message_names_the_pending_claims_and_the_limit() -> None:
    record = _would_each_renew(3)
    work = whatif_work(record, AS_OF)
    assert work.problem.path == "activities"
    assert work.problem.message == (
        "3 pending or audited claims need the record replayed again to find what awaits them (R-CE-3), "
        "with 3 activities and exam passes and 1 holdings: the replays need more than the limit of "
        "150,000 units of work (a replayed day counts 6 units, 1 per certification and 16 per exam pass "
        "and certification); decide it with fewer pending claims, holdings or exam passes at once"
    )


# --------------------------------------------------------------------------- awaiting (R-CE-3)


def _would_each_renew(count: int) -> Record:
    # CCNA earned 2024-01-10 (term to 2024-01-10 + 3 years = 2027-01-10); claims p000, p001, ...
    # of 30 CE credits, completed and claimed on 2024-02-01 + i days, all pending. "30 CE credits"
    # renews CCNA: each claim alone, approved, renews it on its own day.
    day = date(2024, 2, 1)
    activities = [
        Activity(
            f"p{i:03}", 30, day + timedelta(days=i), claimed_on=day + timedelta(days=i), status="pending"
        )
        for i in range(count)
    ]
    return Record(holdings=[Holding("CCNA", date(2024, 1, 10))], activities=activities)


def test_what_ifs_of_claims_that_each_renew_count_their_copies_and_days() -> None:
    # n = 10 claims. The base replay's days with facts: 2024-01-10 (the term starts) and the 10
    # arrival days. It is copied at the start of arrival day i (i = 0..9): 10 claims + 1
    # certification + the 10 - i days not yet replayed = 21 - i items, 2 units each; each
    # what-if copies that copy again (2 x (21 - i)) and replays the 10 - i days from day i, with
    # 1 certification: 7 units each (its CCNA is renewed on day i, so it never meets the base
    # replay's state again: no early stop). Sum over i of 4 x (21 - i) + 7 x (10 - i)
    # = 4 x (210 - 45) + 7 x 55 = 660 + 385 = 1,045 (= 9.5 x n x (n + 1)).
    with _counters(engine, "whatif_work") as made:
        result = evaluate(_would_each_renew(10), as_of=AS_OF, policy=CISCO)
    assert made[0].used == 1_045
    assert result.certification("CCNA").awaiting == tuple(f"p{i:03}" for i in range(10))


def test_awaiting_is_decided_up_to_the_limit_and_refused_beyond() -> None:
    # 9.5 x n x (n + 1): n = 125 gives 9.5 x 125 x 126 = 149,625 <= 150,000 (decided in about
    # 0.15 s); n = 126 gives 9.5 x 126 x 127 = 152,019 > 150,000 (refused, once over). The count
    # formula used before let both through (126 x 126 x 1 = 15,876 <= 40,000) but refused real
    # records with fewer claims and more holdings.
    with _counters(engine, "whatif_work") as made:
        result = evaluate(_would_each_renew(125), as_of=AS_OF, policy=CISCO)
    assert made[0].used == 149_625
    assert len(result.certification("CCNA").awaiting) == 125
    with pytest.raises(RecordError) as error:
        evaluate(_would_each_renew(126), as_of=AS_OF, policy=CISCO)
    assert [p.path for p in error.value.problems] == ["activities"]
    assert str(error.value).startswith("activities: 126 pending or audited claims need the record replayed")
    assert "the limit of 150,000 units of work" in str(error.value)


def test_a_record_without_pending_claims_counts_nothing() -> None:
    # No pending claim: no copy, no what-if, no counter (however long the record's own replay).
    record = attrs.evolve(
        _would_each_renew(50),
        activities=[attrs.evolve(a, status="approved") for a in _would_each_renew(50).activities],
    )
    with _counters(engine, "whatif_work") as made:
        evaluate(record, as_of=AS_OF, policy=CISCO)
    assert made == []


def test_a_real_sized_record_is_decided_and_planned_far_below_the_limits() -> None:
    # Formerly refused by the plan's formula: 9 holdings, 63 approved and 20 pending claims
    # (20 x 20 x 83 x 9 = 298,800 > 25,000). Its what-ifs need under a tenth of the 150,000
    # units (about 11,000: copies of 83 claims and 9 certifications, what-ifs that stop early)
    # and its plan under a third of the 120,000 (about 29,000: 20 decisions of about 100 days).
    record = _real_sized()
    with _counters(engine, "whatif_work") as made:
        evaluate(record, as_of=date(2026, 6, 1), policy=CISCO)
    assert 0 < made[0].used < CE_WHATIF_WORK // 10
    with _counters(_search, "plan_work") as planned:
        result = recert.plan(record, as_of=date(2026, 6, 1), policy=CISCO)
    assert len(result.pending) == sum(1 for a in record.activities if a.status is None)
    assert 0 < planned[0].used < PLAN_WORK // 3


def _real_sized() -> Record:
    names = [
        "CCNA",
        "CCNP Enterprise",
        "CCNP Security",
        "CCIE Enterprise Infrastructure",
        "CCNP Data Center",
        "CCNP Collaboration",
        "CCNP Service Provider",
        "CyberOps Associate",
        "DevNet Associate",
    ]
    holdings = [Holding(n, date(2019 + i % 4, 1 + i % 9, 15)) for i, n in enumerate(names)]
    activities = []
    for i in range(83):
        day = date(2019, 2, 1) + timedelta(days=29 * i)
        activities.append(
            Activity(
                f"a{i}",
                (8, 16, 24, 40)[i % 4],
                day,
                claimed_on=day + timedelta(days=3),
                status="approved" if i < 63 else None,
            )
        )
    return Record(holdings=holdings, activities=activities)


def test_the_work_does_not_depend_on_the_order_of_the_lists() -> None:
    # The same record with its lists shuffled is copied and replayed the same: the same count.
    record = _real_sized()
    shuffled = random.Random(17)
    activities = list(record.activities)
    holdings = list(record.holdings)
    shuffled.shuffle(activities)
    shuffled.shuffle(holdings)
    other = attrs.evolve(record, activities=activities, holdings=holdings)
    with _counters(engine, "whatif_work") as made:
        evaluate(record, as_of=date(2026, 6, 1), policy=CISCO)
        evaluate(other, as_of=date(2026, 6, 1), policy=CISCO)
    assert made[0].used == made[1].used


# --------------------------------------------------------------------------- recert plan


def _one_credit_each(count: int) -> Record:
    # CCNA earned 2024-01-10; claims p000, p001, ... of 1 CE credit completed and claimed on
    # 2024-02-01 + i days, all pending: no claim alone renews CCNA (1 < 30 CE credits).
    day = date(2024, 2, 1)
    activities = [
        Activity(f"p{i:03}", 1, day + timedelta(days=i), claimed_on=day + timedelta(days=i), status="pending")
        for i in range(count)
    ]
    return Record(holdings=[Holding("CCNA", date(2024, 1, 10))], activities=activities)


def test_a_plan_counts_each_decision_with_one_claim_approved() -> None:
    # Each of the n decisions replays 2024-01-10 (no certification yet at its start: 6 units)
    # and the n arrival days (1 certification: 7 each), then its result of n activities and
    # 1 event (CCNA held): 3 x (n + 1). n = 5: 5 x (6 + 35 + 18) = 5 x 59 = 295 (= n x (10n + 9)).
    with _counters(_search, "plan_work") as made:
        result = recert.plan(_one_credit_each(5), as_of=AS_OF, policy=CISCO)
    assert made[0].used == 295
    assert [p.activity for p in result.pending] == ["p000", "p001", "p002", "p003", "p004"]


def test_a_plan_is_made_up_to_the_limit_and_refused_beyond() -> None:
    # n x (10n + 9): 109 x 1,099 = 119,791 <= 120,000 (planned); 110 x 1,109 = 121,990 > 120,000
    # (refused). The count formula used before refused both (109^3 = 1,295,029 > 25,000).
    with _counters(_search, "plan_work") as made:
        result = recert.plan(_one_credit_each(109), as_of=AS_OF, policy=CISCO)
    assert made[0].used == 119_791
    assert len(result.pending) == 109
    with pytest.raises(RecordError) as error:
        recert.plan(_one_credit_each(110), as_of=AS_OF, policy=CISCO)
    assert str(error.value) == (
        "activities: a plan decides the record again for each of its 110 pending or audited claims, with 110 "
        "activities and exam passes and 1 holdings: the decisions need more than the limit of 120,000 units "
        "of work (a replayed day counts 6 units, 1 per certification and 16 per exam pass and "
        "certification); plan with fewer pending claims, holdings or exam passes"
    )


# --------------------------------------------------------------------------- the same answers


@st.composite
def _pending_cases(draw: st.DrawFn) -> tuple[Record, date]:
    """A record with several claims still pending on its evaluation date, which is after most facts."""
    record = draw(records(CISCO, max_holdings=3, max_activities=14).filter(lambda r: r.holdings))
    activities = list(record.activities)
    for i, a in enumerate(activities):
        if a.claimed_on is not None and draw(st.booleans()):
            activities[i] = attrs.evolve(a, status=None, decided_on=None)  # pending
    for k in range(draw(st.integers(0, 3))):  # claims large enough to renew, inside a held term
        held = draw(st.sampled_from(record.holdings))
        day = held.earned_on + timedelta(days=draw(st.integers(0, 3 * 365)))
        credits = draw(st.sampled_from((30, 40, 80, 120)))
        activities.append(Activity(f"x{k}", credits, day, claimed_on=day))
    claimed = [a.claimed_on for a in activities if a.claimed_on is not None]
    ends = claimed or [h.earned_on for h in record.holdings] or [date(2024, 1, 1)]
    last = max(ends) if draw(st.integers(0, 3)) else draw(st.sampled_from(sorted(ends)))
    as_of = last + timedelta(days=draw(st.sampled_from((0, 1, 30, 400))))
    return attrs.evolve(record, activities=activities), as_of


@settings(max_examples=80, deadline=None)
@given(drawn=_pending_cases())
def test_awaiting_is_the_naive_what_if_of_every_pending_claim(drawn: tuple[Record, date]) -> None:
    record, as_of = drawn
    result = evaluate(record, as_of=as_of, policy=CISCO)
    assert {c.certification: c.awaiting for c in result.certifications if c.awaiting} == naive_awaiting(
        CISCO, record, as_of
    )


def _naive_decision(
    record: Record, as_of: date, policy: Policy, work: Work | None = None
) -> recert.Evaluation:
    return evaluate(record, as_of=as_of, policy=policy)  # the whole decision, awaiting and events included


@settings(max_examples=50, deadline=None)
@given(drawn=_pending_cases())
def test_a_plan_is_the_same_as_with_whole_decisions(drawn: tuple[Record, date]) -> None:
    record, as_of = drawn
    planned = recert.plan(record, as_of=as_of, policy=CISCO)
    with mock.patch.object(_search, "evaluate_alone", _naive_decision):
        naive = recert.plan(record, as_of=as_of, policy=CISCO)
    assert planned == naive


# --------------------------------------------------------------------------- the states kept


def test_the_states_kept_for_early_stops_are_bounded_and_change_no_answer() -> None:
    # CCNA from 2023-01-01; 900 approved claims of 0.01 CE credits, one a day from 2023-01-03
    # (a0, a1, ...: 9 credits in all, never a renewal), and p of 1 credit pending, arriving
    # 2023-01-02. The base replay keeps its state on each day after 2023-01-02: on day k
    # (2023-01-03 + k days) 1 certification and the k claims already in the pool, 1 + k items.
    # It stops keeping once over TRAIL_ITEMS = 10,000: 1 + 2 + ... + 140 = 9,870 <= 10,000,
    # so day 141 is kept too (9,870 + 141 = 10,011) and no later one: 141 days. (Every state
    # kept, 900 days, would hold 1 + ... + 900 = 405,450 items, quadratic in the pool.)
    day = date(2023, 1, 3)
    activities = [
        Activity(
            f"a{i}", 0.01, day + timedelta(days=i), claimed_on=day + timedelta(days=i), status="approved"
        )
        for i in range(900)
    ]
    activities.append(Activity("p", 1, date(2023, 1, 2), claimed_on=date(2023, 1, 2)))
    record = Record(holdings=[Holding("CCNA", date(2023, 1, 1))], activities=activities)
    replay = Replay(CISCO, resolve(record, CISCO), date(2025, 12, 15))
    trail = Trail()
    forks = replay.run(fork_on={date(2023, 1, 2)}, watch=trail.recorder(date(2023, 1, 2)))
    assert (len(trail.known), trail.items) == (141, 10_011)
    assert max(trail.known) == date(2023, 1, 3) + timedelta(days=140)
    # p approved: 9 + 1 = 10 < 30 CE credits, nothing changes, with or without the states kept.
    assert awaiting(replay, forks, trail) == awaiting(replay, forks) == {}


# --------------------------------------------------------------------------- the pruning, indexed


def _naive_cannot_matter(base: Replay, claims: list[Claim]) -> bool:
    """``_cannot_matter`` as written before the index: a pass over every claim and check."""
    items = {e.item for e in claims}
    if any(e.item in items and e not in claims for e in base.entries):
        return False
    start = min(e.arrival for e in claims)
    extra = sum(e.activity.credits for e in claims)
    room = max((h for day, h in base.headroom if day >= start), default=None)
    return room is None or room + extra < -1e-6


@settings(max_examples=80, deadline=None)
@given(drawn=_pending_cases())
def test_the_indexed_pruning_answers_as_the_pass_over_the_record(drawn: tuple[Record, date]) -> None:
    record, as_of = drawn
    base = Replay(CISCO, resolve(record, CISCO), as_of)
    base.run()
    reach = Reach(base)
    for day in {d for d, _ in base.headroom} | {as_of}:
        for start in (day - timedelta(days=1), day, day + timedelta(days=1)):
            assert reach.room(start) == max((h for d, h in base.headroom if d >= start), default=None)
    pending = [e for e in base.entries if not e.approved and e.reason is None]
    for claims in [[e] for e in pending] + ([pending] if pending else []):
        assert _cannot_matter(base, claims, reach) == _naive_cannot_matter(base, claims)


def test_many_pending_claims_that_cannot_matter_are_asked_about_in_linear_time() -> None:
    # 3,000 pending claims of 0.001 CE credits on 2024-02-01, CCNA from 2024-01-10: together 3
    # credits, short of 30 by far, so every what-if is ruled out (no copy, no replayed day: no
    # work counted). Asked claim by claim over the whole record that was 9 million steps.
    day = date(2024, 2, 1)
    activities = [Activity(f"p{i}", 0.001, day, claimed_on=day, status="pending") for i in range(3000)]
    record = Record(holdings=[Holding("CCNA", date(2024, 1, 10))], activities=activities)
    with _counters(engine, "whatif_work") as made:
        result = evaluate(record, as_of=AS_OF, policy=CISCO)
    # one copy at the start of 2024-02-01: 3,000 claims + 1 certification + 1 day left = 3,002 items
    assert made[0].used == 2 * 3_002
    assert result.certification("CCNA").awaiting == ()


def test_the_states_a_what_if_builds_to_compare_are_counted() -> None:
    # CCNA from 2023-01-01; a0 .. a9 approved, 0.01 CE credits each, one a day from 2023-01-03;
    # p pending, 0.01 credits, completed and claimed 2023-01-02, naming a0's item: approved, p
    # (completed first) keeps the item and a0 is a duplicate (D-DUP-1), so p's what-if is run.
    # Its statuses stay the base replay's (0.1 credits never renew), so on each day after p's it
    # builds its state to compare, and never meets the base replay's (p holds a0's place).
    #   copies: at the start of 2023-01-02, 11 claims + 1 certification + 11 days left = 23 items,
    #     once for the base replay and once for the what-if: 2 x 2 x 23 = 92
    #   days: 2023-01-02 .. 2023-01-12, 11 days with 1 certification: 11 x 7 = 77
    #   states: 2023-01-03 holds CCNA and p (2); day k = 1..9 after it CCNA, p and a1 .. a(k-1)
    #     (1 + k): 2 + (2 + 3 + ... + 10) = 2 + 54 = 56
    # 92 + 77 + 56 = 225 units.
    day = date(2023, 1, 3)
    activities = [
        Activity(
            f"a{i}", 0.01, day + timedelta(days=i), claimed_on=day + timedelta(days=i), status="approved"
        )
        for i in range(10)
    ]
    activities.append(Activity("p", 0.01, date(2023, 1, 2), item="a0", claimed_on=date(2023, 1, 2)))
    record = Record(holdings=[Holding("CCNA", date(2023, 1, 1))], activities=activities)
    with _counters(engine, "whatif_work") as made:
        result = evaluate(record, as_of=date(2025, 12, 15), policy=CISCO)
    assert made[0].used == 225
    assert result.certification("CCNA").awaiting == ()
