"""Spec section 8: order within a day, term boundaries, facts after as_of (D-DAY-1, D-TERM-1, D-ASOF-1).

Every expected value is worked out by hand from spec/cisco-ce-policy.md.
"""

from __future__ import annotations

import pytest

from builders import CCNP_ENT, act, d, events, held, passed, record, run
from recert import Uses

# --------------------------------------------------------------------------- D-DAY-1


def test_terms_that_ended_yesterday_end_before_the_days_activities() -> None:
    # D-DAY-1: CCNP held 2020-06-01 (-> 2023-06-01), CCNA held 2021-01-01 (-> 2024-01-01).
    # On 2023-06-02 the CCNP term ends first, so a1 (30 credits completed 2023-06-02) pools at the
    # associate level: CCNA recertified 2023-06-02 -> 2026-06-02.
    rec = record(
        [held(CCNP_ENT, "2020-06-01"), held("CCNA", "2021-01-01")],
        activities=[act("a1", 30, "2023-06-02")],
    )
    ev = run(rec, "2023-07-01")
    assert ev.certification(CCNP_ENT).status == "expired"
    ccna = ev.certification("CCNA")
    assert ccna.recertified_on == d("2023-06-02")
    assert ccna.expires_on == d("2026-06-02")
    assert ev.activity("a1").counted_toward == "CCNA"


def test_holdings_starting_today_come_before_todays_activities() -> None:
    # D-DAY-1: CCNA held 2021-01-01; a CCNP term starts 2023-05-01, the day a1 (30 credits) is completed.
    # The holding starts first, so a1 pools at the professional level: the CCNA is not renewed by CE,
    # only by the CCNP term's cascade (D-CASC-2): 2023-05-01 + 3 years = 2026-05-01.
    rec = record(
        [held("CCNA", "2021-01-01"), held(CCNP_ENT, "2023-05-01")],
        activities=[act("a1", 30, "2023-05-01")],
    )
    ev = run(rec, "2023-06-01")
    assert ev.activity("a1").counted_toward == CCNP_ENT
    assert ev.activity("a1").outcome == "counted"
    assert ev.certification("CCNA").recertified_by == f"cascade from {CCNP_ENT}"
    assert ev.certification("CCNA").expires_on == d("2026-05-01")


def test_exams_come_before_activities_and_an_activity_of_that_day_goes_into_the_new_pool() -> None:
    # D-DAY-1: CCNA held 2022-01-10. 200-301 on 2023-05-01 recertifies first (exam step) -> 2026-05-01;
    # the pool of the old term is used up: a0 (20 credits, completed the day before) is forfeited
    # (D-POOL-5). a1 (30 credits, completed the same day) arrives after, into the new term's pool;
    # options are checked after that step too, and "30 CE credits" is met on 2023-05-01 (R-DATE-1,
    # D-ANCHOR-1: D is a1's completion date): the CCNA recertifies again that day, its dates unchanged
    # (2023-05-01 + 3 years = 2026-05-01), and a1 is used by it; the pool is empty.
    rec = record(
        [held("CCNA", "2022-01-10")],
        [passed("200-301", "2023-05-01")],
        [act("a0", 20, "2023-04-30"), act("a1", 30, "2023-05-01")],
    )
    ev = run(rec, "2023-06-01")
    ccna = ev.certification("CCNA")
    assert ccna.recertified_by == "30 CE credits"
    assert ccna.recertified_on == d("2023-05-01")
    assert ccna.expires_on == d("2026-05-01")
    assert [e.uses for e in events(ev, "recertified", "CCNA")] == [
        Uses((), ("200-301 on 2023-05-01",)),
        Uses(("a1",), ()),
    ]
    assert ev.activity("a0").outcome == "forfeited"
    assert ev.activity("a1").outcome == "counted"
    assert ev.pool is not None
    assert ev.pool.credits == 0
    assert ev.pool.term_started_on == d("2023-05-01")


def test_every_activity_of_the_day_of_a_ce_recertification_is_used_by_it() -> None:
    # D-DAY-1: CCNA held 2022-01-10. a1 25 credits on 2022-05-01; a2 and a3, 10 credits each, both on
    # 2022-08-01: the day's batch brings 45 >= 30 -> recertified 2022-08-01 -> 2025-08-01. Both
    # activities of that day belong to that recertification (the excess is forfeited): the new pool
    # is empty.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[act("a1", 25, "2022-05-01"), act("a2", 10, "2022-08-01"), act("a3", 10, "2022-08-01")],
    )
    ev = run(rec, "2022-09-01")
    assert ev.certification("CCNA").recertified_on == d("2022-08-01")
    assert ev.certification("CCNA").expires_on == d("2025-08-01")
    assert ev.pool is not None
    assert ev.pool.credits == 0
    for activity_id in ("a2", "a3"):
        outcome = ev.activity(activity_id)
        assert outcome.outcome in ("counted", "forfeited"), activity_id
        assert outcome.counted_toward == "CCNA", activity_id


def test_a_retirement_dated_today_takes_effect_before_todays_exams() -> None:
    # D-DAY-1: CCNA held 2022-01-10 (-> 2025-01-10) retiring 2023-06-01; 200-301 passed 2023-06-01.
    # The retirement takes effect first: the CCNA cannot be recertified that day.
    rec = record(
        [held("CCNA", "2022-01-10", retired_on="2023-06-01")],
        [passed("200-301", "2023-06-01")],
    )
    ccna = run(rec, "2023-07-01").certification("CCNA")
    assert ccna.retired is True
    assert ccna.recertified_on is None
    assert ccna.expires_on == d("2025-01-10")


# --------------------------------------------------------------------------- D-TERM-1


def test_activity_completed_on_the_term_start_counts() -> None:
    # D-TERM-1: term start <= completion. CCNA held 2023-05-01; a1 10 credits completed 2023-05-01.
    rec = record([held("CCNA", "2023-05-01")], activities=[act("a1", 10, "2023-05-01")])
    ev = run(rec, "2023-06-01")
    assert ev.activity("a1").outcome == "counted"
    assert ev.pool is not None
    assert ev.pool.credits == 10


def test_activity_completed_on_the_expiration_date_counts() -> None:
    # D-TERM-1: completion <= expiration. CCNA held 2020-03-01 (-> 2023-03-01); 30 credits completed
    # and claimed 2023-03-01 -> recertified 2023-03-01 -> 2026-03-01.
    rec = record([held("CCNA", "2020-03-01")], activities=[act("a1", 30, "2023-03-01")])
    ccna = run(rec, "2023-04-01").certification("CCNA")
    assert ccna.status == "active"
    assert ccna.recertified_on == d("2023-03-01")
    assert ccna.expires_on == d("2026-03-01")


@pytest.mark.parametrize(
    ("on", "expires"),
    [
        ("2020-03-01", "2023-03-01"),  # on the term start: start < pass fails, no renewal
        ("2023-03-01", "2026-03-01"),  # on the expiration date: pass <= expiration, renewed
        ("2023-03-02", "2023-03-01"),  # the day after: expired, no renewal
    ],
)
def test_exam_boundaries(on: str, expires: str) -> None:
    # D-TERM-1: an exam counts if term start < pass <= expiration. CCNA held 2020-03-01 (-> 2023-03-01).
    # 300-410 (a concentration, "1 concentration exam" for the CCNA) is not the CCNA's earning exam, so
    # after the expiration it cannot earn the CCNA again (R-DATE-2).
    rec = record([held("CCNA", "2020-03-01")], [passed("300-410", on)])
    assert run(rec, "2023-04-01").certification("CCNA").expires_on == d(expires)


# --------------------------------------------------------------------------- D-ASOF-1


def test_a_holding_starting_after_as_of_is_left_out() -> None:
    # D-ASOF-1: CCNP term starts 2024-01-01; as of 2023-06-01 it does not exist yet.
    rec = record([held("CCNA", "2022-01-10"), held(CCNP_ENT, "2024-01-01")])
    ev = run(rec, "2023-06-01")
    with pytest.raises(KeyError):
        ev.certification(CCNP_ENT)
    assert [c.certification for c in ev.certifications] == ["CCNA"]


def test_a_claim_made_after_as_of_is_unclaimed() -> None:
    # D-ASOF-1: a1 completed 2023-01-10, claimed 2023-03-01; as of 2023-02-01: unclaimed.
    rec = record([held("CCNA", "2022-01-10")], activities=[act("a1", 30, "2023-01-10", "2023-03-01")])
    ev = run(rec, "2023-02-01")
    assert ev.activity("a1").outcome == "unclaimed"
    assert ev.certification("CCNA").recertified_on is None


@pytest.mark.parametrize("status", ["approved", "rejected"])
def test_a_claim_decided_after_as_of_is_pending(status: str) -> None:
    # D-ASOF-1: claimed 2023-03-01, decided 2023-03-15; as of 2023-03-10 still pending.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[act("a1", 30, "2023-01-10", "2023-03-01", status, "2023-03-15")],
    )
    ev = run(rec, "2023-03-10")
    assert ev.activity("a1").outcome == "pending"
    assert ev.certification("CCNA").recertified_on is None


def test_an_exam_after_as_of_is_ignored() -> None:
    # D-ASOF-1: CCNA held 2022-01-10 (-> 2025-01-10); 200-301 on 2023-06-01. As of 2023-05-31 not yet.
    rec = record([held("CCNA", "2022-01-10")], [passed("200-301", "2023-06-01")])
    assert run(rec, "2023-05-31").certification("CCNA").expires_on == d("2025-01-10")
    assert run(rec, "2023-06-01").certification("CCNA").expires_on == d("2026-06-01")
