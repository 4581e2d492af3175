"""Explanations with their numbers, worked out by hand (kills mutants of the engine, issue 17).

The mutation run (``scripts/mutation.py``) found explanation texts and numbers that no test read
in full: the pool reset's "used / forfeited" sums and the note of a claim made after every
expiration date. Rules R-CE-2, R-CE-4, R-CE-5 of spec/cisco-ce-policy.md.
"""

from __future__ import annotations

from builders import CCNP_ENT, act, held, record, run


def test_pool_reset_names_credits_used_and_forfeited() -> None:
    # CCNA held 2022-06-01 (-> 2025-06-01); 20 credits on 2024-01-10, 20 more on 2024-02-10:
    # 40 in the pool on 2024-02-10 >= 30 needed, so CCNA recertifies that day; the pool is used up:
    # 30 used, 40 - 30 = 10 forfeited. New term 2024-02-10 + 3 years = 2027-02-10.
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[
            act("a1", 20, "2024-01-10", "2024-01-10", item="X1"),
            act("a2", 20, "2024-02-10", "2024-02-10", item="X2"),
        ],
    )
    ev = run(rec, "2024-03-01")
    events = ev.to_dict()["events"]
    assert [(e["on"], e["kind"]) for e in events] == [
        ("2022-06-01", "held"),
        ("2024-02-10", "recertified"),
        ("2024-02-10", "pool_reset"),
    ]
    recertified, reset = events[1], events[2]
    assert recertified["uses"] == {"activities": ["a1", "a2"], "exams": []}
    assert recertified["detail"] == (
        "CCNA met '30 CE credits' on 2024-02-10 (30 CE credits from 2 activities); new term "
        "2024-02-10 to 2027-02-10 (2024-02-10 + 3 years); previous expiration date 2025-06-01"
    )
    assert reset["rule"] == "R-CE-5"
    assert reset["detail"] == (
        "the associate pool is used up by the recertification of CCNA on 2024-02-10: "
        "30 CE credits used, 10 forfeited"
    )
    assert ev.to_dict()["pool"] == {
        "level": "associate",
        "credits": 0,
        "term_started_on": "2024-02-10",
        "certification": "CCNA",
    }
    ccna = ev.certification("CCNA")
    # 2024-03-01 -> 2027-02-10: 1076 days (2024-03-01 -> 2027-03-01 is 365 * 3 = 1095, minus the
    # 19 days from 2027-02-10 to 2027-03-01).
    assert (ccna.days_left, ccna.recertified_by) == (1076, "30 CE credits")


def test_claim_after_the_last_expiration_is_rejected_with_the_dates() -> None:
    # CCNA held 2022-06-01 expires 2025-06-01. 30 credits completed 2025-05-01, claimed
    # 2025-07-01: 61 days, inside the 365-day window, but after the only expiration date.
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[act("a1", 30, "2025-05-01", "2025-07-01", item="X1")],
    )
    ev = run(rec, "2025-08-01")
    a1 = ev.activity("a1")
    assert (a1.outcome, a1.reason, a1.rule, a1.counted_toward) == (
        "rejected",
        "claimed_after_expiration",
        "R-CE-2",
        None,
    )
    assert a1.explanation == (
        "a1: rejected: claimed on 2025-07-01, after 2025-06-01, the expiration date of every "
        "certification it could count toward (CCNA)"
    )
    ccna = ev.certification("CCNA")
    # 2025-06-01 - 2025-08-01 = -61 days.
    assert (ccna.status, ccna.days_left) == ("expired", -61)


def test_claim_after_expiration_names_every_level_highest_first() -> None:
    # CCNP Enterprise held 2022-09-01 expires 2025-09-01; CCNA is aligned to it (2025-09-01).
    # Claimed 2025-10-01, after both: rejected, naming both, the highest level first.
    rec = record(
        [held("CCNA", "2022-06-01"), held(CCNP_ENT, "2022-09-01")],
        activities=[act("a1", 30, "2025-05-01", "2025-10-01", item="X1")],
    )
    ev = run(rec, "2025-11-01")
    assert ev.activity("a1").explanation == (
        "a1: rejected: claimed on 2025-10-01, after 2025-09-01, the expiration date of every "
        "certification it could count toward (CCNP Enterprise, CCNA)"
    )
