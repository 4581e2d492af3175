"""Claims: window, late claims, pending claims and outcomes.

Rules R-CE-2, D-CLAIM-1 (365 days; 90 in test_engine_parameters.py),
D-CLAIM-2, D-CLAIM-3, R-CE-3, D-OUTCOME-1, D-REASON-1. Every expected value is
worked out by hand from spec/cisco-ce-policy.md.
"""

from __future__ import annotations

from builders import CCNP_ENT, act, d, gap, held, record, run, step
from recert import Record

# --------------------------------------------------------------------------- R-CE-2, D-CLAIM-1, D-CLAIM-3


def test_claim_365_days_after_completion_is_in_time_366_is_late() -> None:
    # D-CLAIM-3: day 0 = completion 2023-01-10. 2023 has 365 days: 2023-01-10 + 365 days = 2024-01-10
    # (in time); 2024-01-11 is day 366 (late). CCNA held 2022-06-01 (-> 2025-06-01).
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[
            act("a1", 10, "2023-01-10", "2024-01-10", item="X1"),
            act("a2", 10, "2023-01-10", "2024-01-11", item="X2"),
        ],
    )
    ev = run(rec, "2024-02-01")
    assert ev.activity("a1").outcome == "counted"
    a2 = ev.activity("a2")
    assert a2.outcome == "rejected"
    assert a2.reason == "claim_window_exceeded"
    assert a2.rule == "R-CE-2"
    # The reason comes with the dates.
    assert "2024-01-11" in a2.explanation
    assert "2023-01-10" in a2.explanation


def test_the_window_counts_days_not_years_across_a_leap_day() -> None:
    # D-CLAIM-3: completion 2023-06-01; 2024 has a 29 February, so 2023-06-01 + 365 days = 2024-05-31.
    # Claimed 2024-05-31: in time; claimed 2024-06-01 (one calendar year later) is day 366: late.
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[
            act("a1", 10, "2023-06-01", "2024-05-31", item="X1"),
            act("a2", 10, "2023-06-01", "2024-06-01", item="X2"),
        ],
    )
    ev = run(rec, "2024-07-01")
    assert ev.activity("a1").outcome == "counted"
    assert ev.activity("a2").reason == "claim_window_exceeded"


def test_an_activity_never_claimed_is_unclaimed() -> None:
    # D-CLAIM-3: only claims made are checked; 30 credits never claimed recertify nothing.
    rec = record([held("CCNA", "2022-06-01")], activities=[act("a1", 30, "2023-01-10", None)])
    ev = run(rec, "2025-01-01")
    a1 = ev.activity("a1")
    assert a1.outcome == "unclaimed"
    assert a1.reason is None
    assert ev.certification("CCNA").recertified_on is None


# --------------------------------------------------------------------------- D-CLAIM-2


def test_claim_on_the_expiration_date_counts() -> None:
    # D-CLAIM-2: CCNA held 2020-03-01 (-> 2023-03-01). a1 30 credits completed 2023-02-01, claimed on
    # the expiration date 2023-03-01: counts; recertified on the completion date 2023-02-01 (D-ANCHOR-1)
    # -> 2023-02-01 + 3 = 2026-02-01.
    rec = record([held("CCNA", "2020-03-01")], activities=[act("a1", 30, "2023-02-01", "2023-03-01")])
    ev = run(rec, "2023-04-01")
    ccna = ev.certification("CCNA")
    assert ccna.status == "active"
    assert ccna.recertified_on == d("2023-02-01")
    assert ccna.expires_on == d("2026-02-01")
    assert ev.activity("a1").outcome == "counted"


def test_claim_after_the_expiration_date_is_rejected() -> None:
    # D-CLAIM-2: same, claimed 2023-03-02, the day after 2023-03-01: claimed_after_expiration, and
    # the CCNA is expired from 2023-03-02.
    rec = record([held("CCNA", "2020-03-01")], activities=[act("a1", 30, "2023-02-01", "2023-03-02")])
    ev = run(rec, "2023-04-01")
    assert ev.certification("CCNA").status == "expired"
    a1 = ev.activity("a1")
    assert a1.outcome == "rejected"
    assert a1.reason == "claimed_after_expiration"
    assert a1.rule == "R-CE-2"


def test_late_claim_still_counts_toward_an_active_lower_certification() -> None:
    # D-CLAIM-2 / D-POOL-3: CCNP held 2020-03-01 (-> 2023-03-01), CCNA held 2021-05-01 (-> 2024-05-01).
    # a1 30 credits completed 2023-01-15 (inside both terms), claimed 2023-04-01, after the CCNP expired
    # but while the CCNA is active: it counts toward the CCNA. The CCNA cannot renew by CE while the
    # CCNP is active (D-POOL-1); the first day it can is 2023-03-02 -> 2023-03-02 + 3 = 2026-03-02.
    rec = record(
        [held(CCNP_ENT, "2020-03-01"), held("CCNA", "2021-05-01")],
        activities=[act("a1", 30, "2023-01-15", "2023-04-01")],
    )
    ev = run(rec, "2023-05-01")
    assert ev.certification(CCNP_ENT).status == "expired"
    a1 = ev.activity("a1")
    assert a1.outcome == "counted"
    assert a1.counted_toward == "CCNA"
    ccna = ev.certification("CCNA")
    assert ccna.recertified_by == "30 CE credits"
    assert ccna.recertified_on == d("2023-03-02")
    assert ccna.expires_on == d("2026-03-02")


def test_late_claim_needs_the_lower_certification_active_on_the_claim_date() -> None:
    # D-CLAIM-2: CCNP held 2020-03-01 (-> 2023-03-01), CCNA held 2020-05-01 (-> 2023-05-01).
    # a1 completed 2023-01-15 but claimed 2023-06-01, after both expired: claimed_after_expiration.
    rec = record(
        [held(CCNP_ENT, "2020-03-01"), held("CCNA", "2020-05-01")],
        activities=[act("a1", 30, "2023-01-15", "2023-06-01")],
    )
    ev = run(rec, "2023-07-01")
    assert ev.activity("a1").reason == "claimed_after_expiration"
    assert ev.certification("CCNA").status == "expired"


# --------------------------------------------------------------------------- R-CE-3, awaiting, next


def _pending_at_expiration(status: str | None = None, decided_on: str | None = None) -> Record:
    # CCNA held 2020-03-01 (-> 2023-03-01); a1 30 credits completed 2023-01-20, claimed 2023-02-20
    # (on or before the expiration date).
    return record(
        [held("CCNA", "2020-03-01")],
        activities=[act("a1", 30, "2023-01-20", "2023-02-20", status=status, decided_on=decided_on)],
    )


def test_pending_claim_at_expiration_names_the_claim() -> None:
    # R-CE-3: as of 2023-04-01 the claim is undecided: the CCNA is expired unless a1 is approved.
    ev = run(_pending_at_expiration(), "2023-04-01")
    ccna = ev.certification("CCNA")
    assert ccna.status == "expired"
    assert ccna.expires_on == d("2023-03-01")
    assert ccna.awaiting == ("a1",)
    assert "a1" in ccna.explanation
    a1 = ev.activity("a1")
    assert a1.outcome == "pending"
    assert a1.counted_toward == "CCNA"
    # `next` lists active ladder certifications only: the expired CCNA has none.
    assert [s.certification for s in ev.next] == []


def test_pending_claim_before_expiration_is_not_counted_as_done() -> None:
    # R-CE-3 / record format `next`: as of 2023-02-25 the CCNA is active with deadline 2023-03-01;
    # the pending 30 credits are not counted (30 CE credits still missing) but awaiting names a1,
    # whose approval would move the expiration to 2023-01-20 + 3 = 2026-01-20.
    ev = run(_pending_at_expiration(), "2023-02-25")
    ccna = ev.certification("CCNA")
    assert ccna.status == "active"
    assert ccna.awaiting == ("a1",)
    assert step(ev, "CCNA").deadline == d("2023-03-01")
    assert gap(ev, "CCNA", "30 CE credits").missing == "30 CE credits"
    assert gap(ev, "CCNA", "1 associate exam").missing == "1 associate exam"


def test_pending_claim_approved_later_counts_retroactively() -> None:
    # R-CE-3: approved on 2023-05-10, after the expiration: counts dated by its completion 2023-01-20
    # -> recertified 2023-01-20 -> 2026-01-20; nothing is awaited any more.
    rec = _pending_at_expiration("approved", "2023-05-10")
    ev = run(rec, "2023-06-01")
    ccna = ev.certification("CCNA")
    assert ccna.status == "active"
    assert ccna.recertified_on == d("2023-01-20")
    assert ccna.expires_on == d("2026-01-20")
    assert ccna.awaiting == ()
    assert ev.activity("a1").outcome == "counted"
    # D-ASOF-1: before the decision (as of 2023-05-01) the claim is still pending.
    before = run(rec, "2023-05-01")
    assert before.activity("a1").outcome == "pending"
    assert before.certification("CCNA").status == "expired"
    assert before.certification("CCNA").awaiting == ("a1",)


def test_pending_claim_approval_that_changes_nothing_is_not_awaited() -> None:
    # R-CE-3 awaiting: ids whose approval would change a status or expiration. CCNA held 2022-01-10;
    # a1 10 pending credits: 10 < 30, approval changes nothing, so awaiting is empty; a1 is pending.
    rec = record([held("CCNA", "2022-01-10")], activities=[act("a1", 10, "2023-01-20", status=None)])
    ev = run(rec, "2023-02-01")
    assert ev.certification("CCNA").awaiting == ()
    assert ev.activity("a1").outcome == "pending"


# --------------------------------------------------------------------------- D-OUTCOME-1


def test_pending_claim_that_breaks_a_rule_is_rejected_as_a_prediction() -> None:
    # D-OUTCOME-1: completed 2023-01-10, claimed 2024-02-14: 365 days to 2024-01-10, + 21 to
    # 2024-01-31, + 14 = 400 days > 365: rejected claim_window_exceeded although still pending.
    rec = record([held("CCNA", "2022-06-01")], activities=[act("a1", 30, "2023-01-10", "2024-02-14", None)])
    a1 = run(rec, "2024-03-01").activity("a1")
    assert a1.outcome == "rejected"
    assert a1.reason == "claim_window_exceeded"
    assert "prediction" in a1.explanation


def test_approved_claim_that_breaks_a_rule_is_rejected_with_the_rule() -> None:
    # D-OUTCOME-1: the same claim approved by the program is still rejected by R-CE-2, and the CCNA
    # (2022-06-01 -> 2025-06-01) is not renewed.
    rec = record([held("CCNA", "2022-06-01")], activities=[act("a1", 30, "2023-01-10", "2024-02-14")])
    ev = run(rec, "2024-03-01")
    a1 = ev.activity("a1")
    assert a1.outcome == "rejected"
    assert a1.reason == "claim_window_exceeded"
    assert a1.rule == "R-CE-2"
    assert ev.certification("CCNA").expires_on == d("2025-06-01")


def test_pending_claim_that_breaks_no_rule_is_pending() -> None:
    rec = record([held("CCNA", "2022-06-01")], activities=[act("a1", 10, "2023-01-10", "2023-01-20", None)])
    a1 = run(rec, "2023-02-01").activity("a1")
    assert a1.outcome == "pending"
    assert a1.reason is None


def test_decision_without_decided_on_is_known_on_the_claim_date() -> None:
    # D-OUTCOME-1: approved, no decided_on, claimed 2023-02-01: known on 2023-02-01. CCNA held
    # 2022-06-01; 30 credits completed 2023-01-20 -> recertified 2023-01-20 -> 2026-01-20.
    rec = record([held("CCNA", "2022-06-01")], activities=[act("a1", 30, "2023-01-20", "2023-02-01")])
    ev = run(rec, "2023-02-01")
    assert ev.activity("a1").outcome == "counted"
    assert ev.certification("CCNA").expires_on == d("2026-01-20")
    # The day before the claim it does not exist yet (D-ASOF-1): unclaimed, nothing renewed.
    earlier = run(rec, "2023-01-31")
    assert earlier.activity("a1").outcome == "unclaimed"
    assert earlier.certification("CCNA").expires_on == d("2025-06-01")


# --------------------------------------------------------------------------- D-REASON-1


def test_rejected_by_program_beats_claim_window_exceeded() -> None:
    # D-REASON-1: rejected by the program and claimed 400 days late: rejected_by_program.
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[act("a1", 30, "2023-01-10", "2024-02-14", status="rejected")],
    )
    assert run(rec, "2024-03-01").activity("a1").reason == "rejected_by_program"


def test_claim_window_exceeded_beats_no_ce_target() -> None:
    # D-REASON-1: a CCST-only holder (no CE target) claiming 400 days late: claim_window_exceeded.
    rec = record(
        [held("CCST Networking", "2022-06-01")],
        activities=[act("a1", 30, "2023-01-10", "2024-02-14")],
    )
    assert run(rec, "2024-03-01").activity("a1").reason == "claim_window_exceeded"
    # CCNA held 2022-06-01 (-> 2025-06-01); completed 2025-07-01 (outside its term), claimed
    # 2026-07-02: 2025-07-01 + 365 days = 2026-07-01, so day 366: the window wins over outside_term.
    rec = record([held("CCNA", "2022-06-01")], activities=[act("a1", 30, "2025-07-01", "2026-07-02")])
    assert run(rec, "2026-08-01").activity("a1").reason == "claim_window_exceeded"


def test_no_ce_target_when_the_record_never_held_a_ladder_certification() -> None:
    # D-REASON-1: CCST and CSM only: no_ce_eligible_certification.
    rec = record(
        [held("CCST Networking", "2022-06-01"), held("Customer Success Manager", "2022-06-01")],
        activities=[act("a1", 30, "2023-01-10")],
    )
    a1 = run(rec, "2023-02-01").activity("a1")
    assert a1.outcome == "rejected"
    assert a1.reason == "no_ce_eligible_certification"


def test_outside_term_beats_claimed_after_expiration() -> None:
    # D-REASON-1: CCNA held 2020-03-01 (-> 2023-03-01); a1 completed 2023-03-05 (outside the term)
    # and claimed 2023-03-10 (after the expiration): outside_term.
    rec = record([held("CCNA", "2020-03-01")], activities=[act("a1", 30, "2023-03-05", "2023-03-10")])
    assert run(rec, "2023-04-01").activity("a1").reason == "outside_term"


def test_claimed_after_expiration_beats_duplicate_item() -> None:
    # D-REASON-1: CCNA held 2020-03-01 (-> 2023-03-01). a1 item X completed 2021-01-01 counts; a2 item X
    # completed 2022-12-01 (a duplicate in the term) claimed 2023-03-05, after the expiration.
    rec = record(
        [held("CCNA", "2020-03-01")],
        activities=[
            act("a1", 10, "2021-01-01", item="X"),
            act("a2", 10, "2022-12-01", "2023-03-05", item="X"),
        ],
    )
    ev = run(rec, "2023-04-01")
    assert ev.activity("a1").outcome == "counted"
    assert ev.activity("a2").reason == "claimed_after_expiration"


def test_pending_claims_needed_together_are_all_awaited() -> None:
    # R-CE-3: CCNA held 2020-03-01 (-> 2023-03-01). p1 15 credits completed 2023-01-10 and p2 15 credits
    # completed 2023-02-01 are both pending: neither alone reaches 30, both together do (recertified
    # 2023-02-01 -> 2026-02-01). As of 2023-04-01 the CCNA is expired unless they are approved.
    rec = record(
        [held("CCNA", "2020-03-01")],
        activities=[
            act("p1", 15, "2023-01-10", "2023-01-15", None),
            act("p2", 15, "2023-02-01", "2023-02-05", None),
        ],
    )
    ccna = run(rec, "2023-04-01").certification("CCNA")
    assert ccna.status == "expired"
    assert sorted(ccna.awaiting) == ["p1", "p2"]


def test_pending_claim_made_after_expiration_is_a_predicted_rejection() -> None:
    # D-OUTCOME-1 / D-CLAIM-2: CCNA held 2020-03-01 (-> 2023-03-01); a1 completed 2023-02-01, claimed
    # (pending) 2023-03-05, after the expiration: rejected claimed_after_expiration, as a prediction;
    # nothing is awaited.
    rec = record([held("CCNA", "2020-03-01")], activities=[act("a1", 30, "2023-02-01", "2023-03-05", None)])
    ev = run(rec, "2023-04-01")
    a1 = ev.activity("a1")
    assert a1.outcome == "rejected"
    assert a1.reason == "claimed_after_expiration"
    assert "prediction" in a1.explanation
    assert ev.certification("CCNA").awaiting == ()


def test_next_lists_every_option_with_what_is_missing() -> None:
    # Record format `next`: CCNP held 2022-01-10 (deadline 2025-01-10); a1 30 approved credits.
    # 80 - 30 = 50 CE credits missing; 40 - 30 = 10 CE credits and 1 professional exam missing.
    rec = record([held(CCNP_ENT, "2022-01-10")], activities=[act("a1", 30, "2022-06-01")])
    ev = run(rec, "2022-07-01")
    s = step(ev, CCNP_ENT)
    assert s.deadline == d("2025-01-10")
    assert s.rule == "R-DATE-2"
    assert {g.option for g in s.options} == {
        "1 core exam",
        "2 concentration exams",
        "1 expert written exam",
        "1 expert lab exam",
        "40 CE credits + 1 professional exam",
        "80 CE credits",
    }
    assert gap(ev, CCNP_ENT, "80 CE credits").missing == "50 CE credits"
    assert gap(ev, CCNP_ENT, "40 CE credits + 1 professional exam").missing == "10 CE credits, 1 professional exam"
    assert gap(ev, CCNP_ENT, "1 core exam").missing == "1 core exam"
