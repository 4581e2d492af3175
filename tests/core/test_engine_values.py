"""Pools, claims and renewals with their texts and every item of a loop that matters (issue 17).

The mutation run kept alive ``continue`` -> ``break`` in loops over certifications, claims and
options (the item after the skipped one was never looked at by a test) and explanation texts no
test read in full. Each record here has a second item where a ``break`` would change the
result. Every value is worked out by hand from spec/cisco-ce-policy.md; the date arithmetic is
in the comments.
"""

from __future__ import annotations

import pytest

from builders import CCNP_ENT, SPEC_ENCOR, act, d, events, held, passed, record, run, with_params


def test_an_earlier_completion_claimed_later_takes_the_item_back() -> None:
    # Anchor = claim date (D-ANCHOR-1 parameter): credits arrive on the claim date. CCNA held
    # 2022-06-01 (-> 2025-06-01). b1 (item Y, 15) arrives 2023-01-05; a2 (item X, 10, completed
    # 2023-03-01) arrives 2023-03-02; a1 (item X, 10, completed 2023-02-01, earlier) arrives
    # 2023-04-01 and takes X back from a2 (D-DUP-1: the earliest completion wins): 15 + 10 = 25
    # in the pool, b1 still in it. c1 (item Z, 5) claimed 2023-04-20: 30, CCNA recertifies on
    # 2023-04-20 with b1, a1, c1 (oldest completion first); new term to 2026-04-20.
    # 2023-05-01 -> 2026-05-01 is 1096 days (29 February 2024), minus 11: 1085 days left.
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[
            act("b1", 15, "2023-01-01", "2023-01-05", item="Y"),
            act("a2", 10, "2023-03-01", "2023-03-02", item="X"),
            act("a1", 10, "2023-02-01", "2023-04-01", item="X"),
            act("c1", 5, "2023-04-20", item="Z"),
        ],
    )
    ev = run(rec, "2023-05-01", with_params(recertification_anchor="claim"))
    (renewal,) = events(ev, "recertified", "CCNA")
    assert (renewal.on, renewal.uses.activities if renewal.uses else None) == (
        d("2023-04-20"),
        ("b1", "a1", "c1"),
    )
    ccna = ev.certification("CCNA")
    assert (ccna.expires_on, ccna.days_left) == (d("2026-04-20"), 1085)
    assert [(a.id, a.outcome, a.reason) for a in ev.activities] == [
        ("b1", "counted", None),
        ("a2", "rejected", "duplicate_item"),
        ("a1", "counted", None),
        ("c1", "counted", None),
    ]
    assert ev.activity("a2").explanation == (
        "a2: rejected: item 'X' already counts in this term through activity 'a1' completed on 2023-02-01"
    )
    (reset,) = events(ev, "pool_reset")
    assert reset.detail.endswith(": 30 CE credits used, 0 forfeited")


@pytest.mark.parametrize(
    ("retired_on", "reason", "text"),
    [
        # Retired the day its term starts: never held as a CE-eligible certification.
        (
            "2022-06-01",
            "no_ce_eligible_certification",
            "the record holds no CE-eligible (ladder, not retired) certification",
        ),
        # Retired a day later: it was held (one day) as one; the claim is outside every term.
        (
            "2022-06-02",
            "outside_term",
            "completed on 2023-01-10, inside no current term of a CE-eligible certification the record holds",
        ),
    ],
)
def test_which_reason_a_claim_toward_a_retired_certification_gets(
    retired_on: str, reason: str, text: str
) -> None:
    # D-REASON-1 and R-RET-1: CCNA held 2022-06-01 (-> 2025-06-01), retired on *retired_on*;
    # 2023-05-01 -> 2025-06-01 = 366 (29 February 2024) + 365 + 31 = 762 days, still active.
    rec = record(
        [held("CCNA", "2022-06-01", retired_on=retired_on)],
        activities=[act("a1", 10, "2023-01-10", item="X")],
    )
    ev = run(rec, "2023-05-01")
    a1 = ev.activity("a1")
    assert (a1.outcome, a1.reason, a1.rule, a1.explanation) == (
        "rejected",
        reason,
        "R-CE-1",
        f"a1: rejected: {text}",
    )
    ccna = ev.certification("CCNA")
    assert (ccna.status, ccna.retired, ccna.days_left) == ("active", True, 762)
    assert ccna.explanation.endswith(
        f"; retired since {retired_on}: it can no longer be recertified (R-RET-1)"
    )


def test_each_level_pools_reset_only_their_own_level() -> None:
    # Pooling each_level (D-POOL-1 parameter): CCNP Enterprise and CCNA held 2023-01-10 (both to
    # 2026-01-10). a1 30 credits 2023-06-01: CCNA's own pool reaches 30 and recertifies it that day
    # (to 2026-06-01); the reset uses up the associate pool only: the professional pool still holds
    # the 30 credits, 80 - 30 = 50 missing.
    rec = record(
        [held(CCNP_ENT, "2023-01-10"), held("CCNA", "2023-01-10")],
        activities=[act("a1", 30, "2023-06-01", item="X")],
    )
    ev = run(rec, "2023-07-01", with_params(pooling="each_level"))
    assert ev.certification("CCNA").expires_on == d("2026-06-01")
    (reset,) = events(ev, "pool_reset")
    assert reset.detail == (
        "the associate pool is used up by the recertification of CCNA on 2023-06-01: 30 CE credits used, 0 forfeited"
    )
    assert ev.pool is not None
    assert (ev.pool.level, ev.pool.credits, ev.pool.certification) == ("professional", 30, CCNP_ENT)
    ccnp_ce = ev.to_dict()["next"][0]["options"][-1]
    assert (ccnp_ce["option"], ccnp_ce["missing"], ccnp_ce["credits_missing"]) == (
        "80 CE credits",
        "50 CE credits",
        50,
    )


def test_a_lower_level_s_ce_option_is_served_by_the_higher_pool() -> None:
    # Default pooling: the 30 credits count toward CCNP Enterprise (the highest, R-CE-4), 50 short
    # of 80; CCNA's own CE option is served by that pool and says so (D-POOL-1).
    rec = record(
        [held(CCNP_ENT, "2023-01-10"), held("CCNA", "2023-01-10")],
        activities=[act("a1", 30, "2023-06-01", item="X")],
    )
    out = run(rec, "2023-07-01").to_dict()
    assert [(s["certification"], s["options"][-1]) for s in out["next"]] == [
        (
            CCNP_ENT,
            {
                "option": "80 CE credits",
                "missing": "50 CE credits",
                "credits_missing": 50,
                "exams_missing": [],
                "deadline": "2026-01-10",
            },
        ),
        (
            "CCNA",
            {
                "option": "30 CE credits",
                "missing": "30 CE credits (CE credits count in the professional pool toward CCNP Enterprise, D-POOL-1)",
                "served_by": CCNP_ENT,
                "credits_missing": 30,
                "exams_missing": [],
                "deadline": "2026-01-10",
            },
        ),
    ]
    assert out["events"][0] == {
        "on": "2023-01-10",
        "kind": "held",
        "certification": CCNP_ENT,
        "rule": "R-VAL-1",
        "uses": None,
        "detail": "CCNP Enterprise (professional) term given by the record starts on 2023-01-10; expires on "
        "2026-01-10 (2023-01-10 + 3 years)",
        "version": "2020-02-24",
    }
    assert out["activities"][0]["explanation"] == (
        "a1: counted: 30 CE credits completed on 2023-06-01 count in the pool toward CCNP Enterprise"
    )


def test_an_unknown_activity_id_is_a_key_error_naming_it() -> None:
    ev = run(record([held("CCNA", "2023-01-10")]), "2023-07-01")
    with pytest.raises(KeyError, match="'zz'"):
        ev.activity("zz")


def test_a_claim_arriving_after_every_expiration_names_them_all() -> None:
    # Anchor = claim: the credits arrive on the claim date. CCNP Enterprise held 2022-09-01 ->
    # 2025-09-01; CCNA held 2022-06-01 is aligned to it (-> 2025-09-01, D-CASC-2). a1 completed
    # 2025-05-01 (inside both terms), claimed 2025-10-01: both expired by then (R-CE-2).
    rec = record(
        [held(CCNP_ENT, "2022-09-01"), held("CCNA", "2022-06-01")],
        activities=[act("a1", 30, "2025-05-01", "2025-10-01", item="X")],
    )
    a1 = run(rec, "2025-11-01", with_params(recertification_anchor="claim")).activity("a1")
    assert (a1.outcome, a1.reason, a1.rule, a1.counted_toward) == (
        "rejected",
        "claimed_after_expiration",
        "R-CE-2",
        None,
    )
    assert a1.explanation == (
        "a1: rejected: claimed on 2025-10-01, after 2025-09-01, the expiration date of every certification it "
        "could count toward (CCNP Enterprise, CCNA)"
    )


def test_an_item_held_in_the_pool_s_term_is_a_duplicate_even_if_a_lower_term_is_free() -> None:
    # CCNP Enterprise held 2022-01-10 (-> 2025-01-10): a1 (item X) 2022-03-01 counts toward it.
    # CCNA held 2022-06-01 (-> 2025-06-01; its term starts after a1). a2 (item X) 2023-01-10 is
    # inside both terms: the pool's (CCNP's) term holds X already, so a2 is a duplicate
    # (D-DUP-1), though CCNA's term has no X.
    rec = record(
        [held(CCNP_ENT, "2022-01-10"), held("CCNA", "2022-06-01")],
        activities=[act("a1", 10, "2022-03-01", item="X"), act("a2", 10, "2023-01-10", item="X")],
    )
    ev = run(rec, "2023-02-01")
    assert [(a.id, a.outcome, a.counted_toward, a.reason) for a in ev.activities] == [
        ("a1", "counted", CCNP_ENT, None),
        ("a2", "rejected", None, "duplicate_item"),
    ]
    assert ev.activity("a2").explanation == (
        "a2: rejected: item 'X' already counts in this term through activity 'a1' completed on 2022-03-01"
    )
    assert ev.pool is not None
    assert ev.pool.credits == 10


def test_carried_over_excess_counts_toward_the_next_recertification() -> None:
    # carry_over_excess = true (D-POOL-2 parameter). CCNA held 2022-06-01. a1 20 (2024-01-10) + a2
    # 20 (2024-02-10) = 40: recertified 2024-02-10 (to 2027-02-10); 30 used, a2's other 10 carried.
    # a3 20 (2024-06-01): 10 + 20 = 30, recertified again on 2024-06-01 with a2 and a3 (to
    # 2027-06-01); the pool is then empty.
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[
            act("a1", 20, "2024-01-10", item="X1"),
            act("a2", 20, "2024-02-10", item="X2"),
            act("a3", 20, "2024-06-01", item="X3"),
        ],
    )
    policy = with_params(carry_over_excess=True)
    before = run(rec, "2024-03-01", policy)
    assert before.pool is not None
    assert (before.pool.credits, before.pool.term_started_on) == (10, d("2024-02-10"))
    ev = run(rec, "2024-07-01", policy)
    renewals = events(ev, "recertified", "CCNA")
    assert [(e.on, e.uses.activities if e.uses else None) for e in renewals] == [
        (d("2024-02-10"), ("a1", "a2")),
        (d("2024-06-01"), ("a2", "a3")),
    ]
    assert [e.detail for e in events(ev, "pool_reset")] == [
        "the associate pool is used up by the recertification of CCNA on 2024-02-10: 30 CE credits used, "
        "the rest carried over (D-POOL-2)",
        "the associate pool is used up by the recertification of CCNA on 2024-06-01: 30 CE credits used, "
        "the rest carried over (D-POOL-2)",
    ]
    assert ev.certification("CCNA").expires_on == d("2027-06-01")
    assert ev.activity("a2").explanation == (
        "a2: counted: 20 CE credits completed on 2024-02-10 counted toward the recertification of CCNA on 2024-06-01"
    )
    assert ev.pool is not None
    assert ev.pool.credits == 0


def test_two_certifications_of_the_pool_s_level_renewed_together_reset_it_once() -> None:
    # D-POOL-6: CCNP Enterprise and CCNP Security held 2022-01-10 (-> 2025-01-10); 80 credits on
    # 2023-05-01 meet both CE options: each recertified directly (to 2026-05-01), one reset.
    rec = record(
        [held(CCNP_ENT, "2022-01-10"), held("CCNP Security", "2022-01-10")],
        activities=[act("a1", 80, "2023-05-01", item="X1")],
    )
    ev = run(rec, "2023-06-01")
    assert [(e.kind, e.certification) for e in ev.events if e.on == d("2023-05-01")] == [
        ("recertified", CCNP_ENT),
        ("recertified", "CCNP Security"),
        ("pool_reset", CCNP_ENT),
    ]
    (reset,) = events(ev, "pool_reset")
    assert reset.detail == (
        "the professional pool is used up by the recertification of CCNP Enterprise and CCNP Security on "
        "2023-05-01: 80 CE credits used, 0 forfeited"
    )


def test_credits_count_toward_the_highest_level_not_the_first_name() -> None:
    # CCNP Enterprise (professional) and the Enterprise Core specialist held 2023-01-10: a1 counts
    # in the pool toward the CCNP, the higher level (R-CE-4), though "Cisco Certified Specialist
    # – Enterprise Core" sorts after "CCNP Enterprise" by name.
    rec = record(
        [held(CCNP_ENT, "2023-01-10"), held(SPEC_ENCOR, "2023-01-10")],
        activities=[act("a1", 10, "2023-06-01", item="X")],
    )
    a1 = run(rec, "2023-07-01").activity("a1")
    assert (a1.counted_toward, a1.explanation) == (
        CCNP_ENT,
        "a1: counted: 10 CE credits completed on 2023-06-01 count in the pool toward CCNP Enterprise",
    )


def test_credits_stay_toward_the_term_that_still_holds_them() -> None:
    # CCNA and the Enterprise Core specialist held 2023-01-10 (-> 2026-01-10); a1 (2023-03-01)
    # is in both pools' lists, toward the specialist (higher). 200-301 on 2023-06-01 recertifies
    # the CCNA alone (an associate exam; the specialist's options take none): its new term
    # 2023-06-01 no longer contains a1, which stays toward the specialist (10 of 40).
    rec = record(
        [held("CCNA", "2023-01-10"), held(SPEC_ENCOR, "2023-01-10")],
        exams=[passed("200-301", "2023-06-01")],
        activities=[act("a1", 10, "2023-03-01", item="X")],
    )
    ev = run(rec, "2023-07-01")
    assert ev.certification("CCNA").expires_on == d("2026-06-01")
    a1 = ev.activity("a1")
    assert (a1.outcome, a1.counted_toward) == ("counted", SPEC_ENCOR)
    assert ev.pool is not None
    assert (ev.pool.level, ev.pool.credits) == ("specialist", 10)


def test_the_last_fraction_needed_is_taken_from_the_next_activity() -> None:
    # Anchor = claim: a1 0.5 (completed 2024-01-05), a2 29.2 (2024-01-10), a3 0.5 (2024-01-15), all
    # claimed 2024-01-20: 30.2 arrive on 2024-01-20 and recertify CCNA (held 2022-06-01). Taken
    # oldest completion first: 0.5 + 29.2 = 29.7, still 0.3 short, so a3 is used too (R-CE-5);
    # 30.2 - 30 = 0.2 forfeited.
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[
            act("a1", 0.5, "2024-01-05", "2024-01-20", item="X1"),
            act("a2", 29.2, "2024-01-10", "2024-01-20", item="X2"),
            act("a3", 0.5, "2024-01-15", "2024-01-20", item="X3"),
        ],
    )
    ev = run(rec, "2024-02-01", with_params(recertification_anchor="claim"))
    (renewal,) = events(ev, "recertified", "CCNA")
    assert renewal.uses is not None
    assert renewal.uses.activities == ("a1", "a2", "a3")
    assert renewal.detail.startswith(
        "CCNA met '30 CE credits' on 2024-01-20 (30 CE credits from 3 activities); "
    )
    (reset,) = events(ev, "pool_reset")
    assert reset.detail.endswith(": 30 CE credits used, 0.2 forfeited")
    assert [a.outcome for a in ev.activities] == ["counted", "counted", "counted"]


def test_an_option_of_two_exams_and_one_of_credits_and_an_exam_name_every_fact() -> None:
    # CCNP Enterprise held 2022-06-01 (-> 2025-06-01). Two concentrations on 2023-03-01: the
    # option "2 concentration exams" (each also earns its specialist). Or 40 credits (2023-02-01)
    # and one concentration: "40 CE credits + 1 professional exam". Both: new term to 2026-03-01.
    two = run(
        record(
            [held(CCNP_ENT, "2022-06-01")],
            exams=[passed("300-410", "2023-03-01"), passed("300-415", "2023-03-01")],
        ),
        "2024-02-01",
    )
    assert events(two, "recertified", CCNP_ENT)[0].detail == (
        "CCNP Enterprise met '2 concentration exams' on 2023-03-01 (exam 300-410 on 2023-03-01, 300-415 on "
        "2023-03-01); new term 2023-03-01 to 2026-03-01 (2023-03-01 + 3 years); previous expiration date 2025-06-01"
    )
    mixed = run(
        record(
            [held(CCNP_ENT, "2022-06-01")],
            exams=[passed("300-410", "2023-03-01")],
            activities=[act("a1", 40, "2023-02-01", item="X")],
        ),
        "2024-02-01",
    )
    assert events(mixed, "recertified", CCNP_ENT)[0].detail == (
        "CCNP Enterprise met '40 CE credits + 1 professional exam' on 2023-03-01 (40 CE credits from 1 "
        "activity; exam 300-410 on 2023-03-01); new term 2023-03-01 to 2026-03-01 (2023-03-01 + 3 years); "
        "previous expiration date 2025-06-01"
    )


def test_credits_a_renewal_strands_are_forfeited_and_named() -> None:
    # D-POOL-7. CCNA held 2023-01-10 (-> 2026-01-10); a1 10 (2023-03-01) and a2 5.5 (2023-03-15)
    # count toward it. ENCOR on 2023-04-01 earns the Enterprise Core specialist (term from
    # 2023-04-01) and recertifies CCNA (1 core exam): new term 2023-04-01 to 2026-04-01. a1 and a2
    # now lie in no current term: 10 + 5.5 = 15.5 forfeited. a3 4 (2023-05-01) counts in the new
    # specialist pool (the highest level now, R-CE-4).
    rec = record(
        [held("CCNA", "2023-01-10")],
        exams=[passed("350-401", "2023-04-01")],
        activities=[
            act("a1", 10, "2023-03-01", item="X1"),
            act("a2", 5.5, "2023-03-15", item="X2"),
            act("a3", 4, "2023-05-01", item="X3"),
        ],
    )
    ev = run(rec, "2023-07-01")
    (stranded,) = events(ev, "pool_reset")
    assert (stranded.on, stranded.certification, stranded.rule) == (d("2023-04-01"), "CCNA", "R-CE-5")
    assert stranded.detail == (
        "CCNA renewed on 2023-04-01: 15.5 CE credits of its previous term (a1, a2) lie in no current term and "
        "can count toward no other level: forfeited"
    )
    assert [(a.id, a.outcome, a.counted_toward) for a in ev.activities] == [
        ("a1", "forfeited", "CCNA"),
        ("a2", "forfeited", "CCNA"),
        ("a3", "counted", SPEC_ENCOR),
    ]
    assert ev.pool is not None
    assert (ev.pool.level, ev.pool.credits, ev.pool.term_started_on) == ("specialist", 4, d("2023-04-01"))


def test_a_cascade_that_renews_the_pool_s_level_resets_it() -> None:
    from recert import policy_from_mapping

    # Two levels renewed by CE only (no exam option renews anything directly). Member held
    # 2021-01-01 (-> 2024-01-01), c1 5 credits in its pool (2021-03-01). F on 2022-06-15 earns the
    # Fellow (a higher level, to 2025-06-15), which cascades to the Member (R-CASC-2): its
    # expiration moves to 2025-06-15, a renewal of the pool's level, so the member pool is reset,
    # c1 forfeited (R-CASC-1, R-CE-5). c2 (2022-07-01) then counts toward the Fellow (the highest).
    def level(rank: int, credits: int) -> dict[str, object]:
        label = f"{credits} CE credits"
        return {
            "rank": rank,
            "ladder": True,
            "validity": [{"years": 3}],
            "options": [{"label": label, "rule": "G-CE", "requirements": [{"ce_credits": credits}]}],
        }

    policy = policy_from_mapping(
        {
            "exam_kinds": ["x"],
            "policy": {"id": "guild", "version": "1"},
            "rules": {"G-CE": {"title": "CE"}},
            "levels": {"member": level(1, 10), "fellow": level(2, 20)},
            "exams": [{"code": "F", "kind": "x"}],
            "certifications": [
                {"name": "Member", "level": "member"},
                {"name": "Fellow", "level": "fellow", "earned_by": [{"exams": [["F"]]}]},
            ],
        }
    )
    rec = record(
        [held("Member", "2021-01-01")],
        [passed("F", "2022-06-15")],
        activities=[act("c1", 5, "2021-03-01", item="I1"), act("c2", 4, "2022-07-01", item="I2")],
    )
    ev = run(rec, "2022-08-01", policy)
    assert [(e.kind, e.certification) for e in ev.events if e.on == d("2022-06-15")] == [
        ("earned", "Fellow"),
        ("cascaded", "Member"),
        ("pool_reset", "Member"),
    ]
    (reset,) = events(ev, "pool_reset")
    assert reset.detail == (
        "the member pool is used up by the recertification of Member on 2022-06-15: 0 CE credits used, 5 forfeited"
    )
    assert [(a.id, a.outcome, a.counted_toward) for a in ev.activities] == [
        ("c1", "forfeited", "Member"),
        ("c2", "counted", "Fellow"),
    ]
    assert ev.pool is not None
    assert (ev.pool.level, ev.pool.credits) == ("fellow", 4)


def test_each_level_pools_renewed_the_same_day_reset_separately_and_stay_used() -> None:
    # Pooling each_level: CCNP Enterprise and CCNA held 2023-01-10. a1 80 credits (2023-06-01)
    # meets both CE options in their own pools: both recertified directly that day (to
    # 2026-06-01), each pool reset on its own: professional 80 used, 0 forfeited; associate 30
    # used, 80 - 30 = 50 forfeited. a1 stays used: a2 5 (2023-08-01) makes 5 in the professional
    # pool, not 85, and nothing recertifies again.
    rec = record(
        [held(CCNP_ENT, "2023-01-10"), held("CCNA", "2023-01-10")],
        activities=[act("a1", 80, "2023-06-01", item="X"), act("a2", 5, "2023-08-01", item="Y")],
    )
    ev = run(rec, "2023-09-01", with_params(pooling="each_level"))
    assert [(e.on, e.kind, e.certification) for e in ev.events[2:]] == [
        (d("2023-06-01"), "recertified", CCNP_ENT),
        (d("2023-06-01"), "recertified", "CCNA"),
        (d("2023-06-01"), "pool_reset", CCNP_ENT),
        (d("2023-06-01"), "pool_reset", "CCNA"),
    ]
    assert [e.detail.split(": ", 1)[1] for e in events(ev, "pool_reset")] == [
        "80 CE credits used, 0 forfeited",
        "30 CE credits used, 50 forfeited",
    ]
    assert ev.pool is not None
    assert (ev.pool.level, ev.pool.credits, ev.pool.term_started_on) == ("professional", 5, d("2023-06-01"))


def test_every_way_a_claim_is_not_counted_is_named_with_its_dates() -> None:
    # CCNA held 2022-06-01 (-> 2025-06-01), seen on 2024-06-01 (D-ASOF-1: later facts do not exist).
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[
            act("u1", 5, "2024-07-01", None, item="I1"),  # completed after as_of, never claimed
            act("u2", 5, "2024-01-10", None, item="I2"),  # never claimed (D-CLAIM-3)
            act("u3", 5, "2024-05-01", "2024-07-01", item="I3"),  # claimed after as_of (D-ASOF-1)
            act("r1", 5, "2024-01-20", "2024-02-01", status="rejected", item="I4"),
            act("d1", 5, "2024-03-01", "2024-03-05", decided_on="2024-07-01", item="I5"),  # decided later
            # 2023-01-01 -> 2024-01-01 is 365 days, + 35 = 400 > 365 (a pending claim: a prediction).
            act("w1", 5, "2023-01-01", "2024-02-05", status="pending", item="I6"),
            # 2023-02-01 -> 2024-02-01 is 365 days, + 1 = 366: one day late (D-CLAIM-3).
            act("w2", 5, "2023-02-01", "2024-02-02", item="I7"),
        ],
    )
    ev = run(rec, "2024-06-01")
    window = "the claim window is 365 days (day 0 = completion, D-CLAIM-3)"
    assert [(a.outcome, a.reason, a.rule, a.explanation) for a in ev.activities] == [
        ("unclaimed", None, "D-CLAIM-3", "u1: unclaimed: completed after 2024-06-01: no claim to decide"),
        ("unclaimed", None, "D-CLAIM-3", "u2: unclaimed: not claimed by 2024-06-01: no claim to decide"),
        ("unclaimed", None, "D-ASOF-1", "u3: unclaimed: not claimed by 2024-06-01: no claim to decide"),
        (
            "rejected",
            "rejected_by_program",
            "R-CE-1",
            "r1: rejected: the program rejected the claim made on 2024-02-01",
        ),
        (
            "pending",
            None,
            "R-CE-3",
            "d1: pending: claimed on 2024-03-05, not decided by 2024-06-01; if approved it counts from its "
            "completion on 2024-03-01 toward CCNA",
        ),
        (
            "rejected",
            "claim_window_exceeded",
            "R-CE-2",
            f"w1: rejected: claimed on 2024-02-05, 400 days after completion on 2023-01-01; {window} "
            "(a prediction: the claim is still pending, D-OUTCOME-1)",
        ),
        (
            "rejected",
            "claim_window_exceeded",
            "R-CE-2",
            f"w2: rejected: claimed on 2024-02-02, 366 days after completion on 2023-02-01; {window}",
        ),
    ]
