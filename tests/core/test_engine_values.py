"""Engine results with their texts and every item of a loop that matters (issue 17).

The mutation run kept alive ``continue`` -> ``break`` in loops over certifications, claims and
options (the item after the skipped one was never looked at by a test) and explanation texts no
test read in full. Each record here has a second item where a ``break`` would change the
result. Every value is worked out by hand from spec/cisco-ce-policy.md; the date arithmetic is
in the comments.
"""

from __future__ import annotations

import attrs
import pytest

from builders import CCNP_ENT, SPEC_ENCOR, act, d, events, held, passed, record, run, with_params
from recert import Holding, RecordError

CCIE_EI = "CCIE Enterprise Infrastructure"
CCIE_SEC = "CCIE Security"


def _first(holding: Holding, first: str) -> Holding:
    return attrs.evolve(holding, first_earned_on=d(first))


def test_emeritus_granted_to_each_eligible_expert_after_one_that_is_not() -> None:
    # Ordered highest level first, then by name: "Acme Network Expert" (a record-defined expert,
    # not a CCIE/CCDE: never Emeritus) comes first and is skipped; both CCIEs after it are granted.
    # Holdings cascade at their level (D-CASC-2): CCIE Security held 2021-06-01 and CCIE EI held
    # 2021-07-01 align every expert active then to 2021-07-01 + 3 years = 2024-07-01; all expired
    # from 2024-07-02. Grant 2024-08-01: a year from the expiration date is 2025-07-01.
    # CCIE EI first earned 2004-03-01: + 20 years = 2024-03-01 <= 2025-07-01, lifetime.
    # CCIE Security first earned 2010-05-01: + 10 = 2020-05-01 <= 2024-07-01 (granted),
    # + 20 = 2030-05-01 > 2025-07-01: to 2025-07-01 only.
    rec = attrs.evolve(
        record(
            [
                Holding("Acme Network Expert", d("2021-03-01"), level="expert"),
                _first(held(CCIE_SEC, "2021-06-01"), "2010-05-01"),
                _first(held(CCIE_EI, "2021-07-01"), "2004-03-01"),
            ]
        ),
        emeritus_on=d("2024-08-01"),
    )
    ev = run(rec, "2024-08-01")
    assert [(c.certification, c.status, c.expires_on) for c in ev.certifications] == [
        ("Acme Network Expert", "expired", d("2024-07-01")),
        (CCIE_EI, "emeritus", d("2024-07-01")),
        (CCIE_SEC, "emeritus", d("2024-07-01")),
    ]
    assert [(e.on, e.certification, e.detail) for e in events(ev, "emeritus")] == [
        (
            d("2024-08-01"),
            CCIE_EI,
            "CCIE Enterprise Infrastructure is Emeritus from 2024-08-01 for life: 20 years active or "
            "emeritus since 2004-03-01; Emeritus is not active and renews nothing",
        ),
        (
            d("2024-08-01"),
            CCIE_SEC,
            "CCIE Security is Emeritus from 2024-08-01 to 2025-07-01, one year from its expiration date "
            "2024-07-01; Emeritus is not active and renews nothing",
        ),
    ]
    assert ev.certification(CCIE_EI).explanation.startswith(
        "CCIE Enterprise Infrastructure is Emeritus for life"
    )
    assert ev.certification(CCIE_SEC).explanation.startswith("CCIE Security is Emeritus to 2025-07-01")


def test_emeritus_skips_an_expert_expired_more_than_a_year_before() -> None:
    # CCDE held 2020-03-01 expires 2023-03-01 (a year later: 2024-03-01, before the grant).
    # CCIE Security held 2023-06-01 (the CCDE is expired then: no cascade) expires 2026-06-01.
    # Grant 2026-08-01: only the CCIE, to 2027-06-01 (first earned 2012-01-01: 2032 > 2027).
    rec = attrs.evolve(
        record(
            [
                _first(held("CCDE", "2020-03-01"), "2008-01-01"),
                _first(held(CCIE_SEC, "2023-06-01"), "2012-01-01"),
            ]
        ),
        emeritus_on=d("2026-08-01"),
    )
    ev = run(rec, "2026-08-01")
    assert [(c.certification, c.status) for c in ev.certifications] == [
        ("CCDE", "expired"),
        (CCIE_SEC, "emeritus"),
    ]
    (grant,) = events(ev, "emeritus")
    assert grant.certification == CCIE_SEC
    assert "to 2027-06-01, one year from its expiration date 2026-06-01" in grant.detail


def test_emeritus_names_every_expert_held_under_ten_years() -> None:
    # Both expire 2024-07-01 (aligned as above). CCIE EI first earned 2018-01-01 and CCIE
    # Security 2019-01-01: + 10 years = 2028 and 2029, after 2024-07-01: two problems.
    rec = attrs.evolve(
        record(
            [
                _first(held(CCIE_SEC, "2021-06-01"), "2019-01-01"),
                _first(held(CCIE_EI, "2021-07-01"), "2018-01-01"),
            ]
        ),
        emeritus_on=d("2024-08-01"),
    )
    with pytest.raises(RecordError) as caught:
        run(rec, "2024-08-01")
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "emeritus_on",
            "2024-08-01: CCIE Enterprise Infrastructure was held from 2018-01-01 to 2024-07-01, less than "
            "the 10 continuous years Emeritus needs (R-EMER-1)",
        ),
        (
            "emeritus_on",
            "2024-08-01: CCIE Security was held from 2019-01-01 to 2024-07-01, less than the 10 "
            "continuous years Emeritus needs (R-EMER-1)",
        ),
    ]


def _guild() -> object:
    from recert import policy_from_mapping

    # One level renewed by 10 CE credits only; Member earned by A + B (no label: the codes name it).
    return policy_from_mapping(
        {
            "exam_kinds": ["x"],
            "policy": {"id": "guild", "version": "1"},
            "rules": {"G-CE": {"title": "CE"}},
            "levels": {
                "member": {
                    "rank": 1,
                    "ladder": True,
                    "validity": [{"years": 3}],
                    "options": [
                        {"label": "10 CE credits", "rule": "G-CE", "requirements": [{"ce_credits": 10}]}
                    ],
                },
            },
            "exams": [{"code": "A", "kind": "x"}, {"code": "B", "kind": "x"}],
            "certifications": [
                {"name": "Member", "level": "member", "earned_by": [{"exams": [["A"], ["B"]]}]}
            ],
        }
    )


def test_earned_again_recertifies_and_resets_the_pool_in_full() -> None:
    # A 2020-01-10 + B 2020-02-01 earn the Member on 2020-02-01 (+ 3 years: 2023-02-01). B again
    # 2021-05-01 alone: the old A counted already (D-EXAM-2). A again 2021-08-01 + B 2021-05-01:
    # earned again, a recertification: 2021-08-01 + 3 years = 2024-08-01. The pool held 4 + 3 = 7
    # credits (< 10): reset, 0 used and 7 forfeited (R-CE-5). 2021-09-01 -> 2024-08-01: 1096 days
    # to 2024-09-01 (29 February 2024 between) minus 31 = 1065.
    rec = record(
        exams=[
            passed("A", "2020-01-10"),
            passed("B", "2020-02-01"),
            passed("B", "2021-05-01"),
            passed("A", "2021-08-01"),
        ],
        activities=[act("c1", 4, "2021-06-01", item="I1"), act("c2", 3, "2021-07-01", item="I2")],
    )
    ev = run(rec, "2021-09-01", _guild())  # type: ignore[arg-type]
    assert [(e.on, e.kind, e.rule) for e in ev.events] == [
        (d("2020-02-01"), "earned", "R-OPT-2"),
        (d("2021-08-01"), "recertified", "D-EXAM-2"),
        (d("2021-08-01"), "pool_reset", "R-CE-5"),
    ]
    again, reset = ev.events[1], ev.events[2]
    assert (again.certification, again.uses.exams if again.uses else None) == (
        "Member",
        ("A on 2021-08-01", "B on 2021-05-01"),
    )
    assert again.detail == (
        "Member earned again on 2021-08-01 with A on 2021-08-01, B on 2021-05-01: new term 2021-08-01 "
        "to 2024-08-01; previous expiration date 2023-02-01"
    )
    assert reset.detail == (
        "the member pool is used up by the recertification of Member on 2021-08-01: 0 CE credits used, "
        "7 forfeited"
    )
    member = ev.certification("Member")
    assert (member.term_started_on, member.expires_on, member.days_left) == (
        d("2021-08-01"),
        d("2024-08-01"),
        1065,
    )
    assert (member.recertified_on, member.recertified_by, member.rule) == (
        d("2021-08-01"),
        "earned again: A + B",
        "D-EXAM-2",
    )
    assert member.explanation == (
        "Member is active: recertified on 2021-08-01 by earning it again (A + B); expires on 2024-08-01, "
        "1065 days after 2021-09-01"
    )
    assert [(a.id, a.outcome, a.rule) for a in ev.activities] == [
        ("c1", "forfeited", "R-CE-5"),
        ("c2", "forfeited", "R-CE-5"),
    ]
    assert ev.activity("c2").explanation == (
        "c2: forfeited: in the pool when Member recertified on 2021-08-01; credits beyond what that "
        "recertification used are forfeited (D-POOL-2, D-POOL-5)"
    )
    assert ev.pool is not None
    assert (ev.pool.credits, ev.pool.term_started_on) == (0, d("2021-08-01"))


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


def test_earned_again_after_expiring_and_a_lifetime_entry_certification_in_full() -> None:
    # CCNP Enterprise held 2020-03-01 -> 2023-03-01, expired from 2023-03-02. ENCOR 2023-06-01
    # earns the Enterprise Core specialist; ENARSI 2023-09-01 completes the CCNP's set (core +
    # concentration within 3 years): earned again after it expired, to 2026-09-01. CCST
    # Networking by 100-150 on 2024-01-10 (before 2025-07-15): lifetime. 2024-02-01 -> 2026-09-01:
    # 731 days to 2026-02-01 (29 February 2024 between) + 28 + 31 + 30 + 31 + 30 + 31 + 31 = 943.
    rec = record(
        [held(CCNP_ENT, "2020-03-01")],
        exams=[
            passed("350-401", "2023-06-01"),
            passed("300-410", "2023-09-01"),
            passed("100-150", "2024-01-10"),
        ],
    )
    ev = run(rec, "2024-02-01")
    (ccnp,) = events(ev, "earned", CCNP_ENT)
    assert ccnp.detail == (
        "CCNP Enterprise (professional) earned again after it expired on 2023-09-01 with 350-401 on "
        "2023-06-01, 300-410 on 2023-09-01; expires on 2026-09-01 (2023-09-01 + 3 years)"
    )
    (ccst,) = events(ev, "earned", "CCST Networking")
    assert ccst.detail == (
        "CCST Networking (entry) earned on 2024-01-10 with 100-150 on 2024-01-10; no expiration date (lifetime)"
    )
    (spec,) = events(ev, "earned", SPEC_ENCOR)
    assert spec.detail.endswith(
        " earned on 2023-06-01 with 350-401 on 2023-06-01; expires on 2026-06-01 (2023-06-01 + 3 years)"
    )
    assert ev.certification(CCNP_ENT).explanation == (
        "CCNP Enterprise is active: earned on 2023-09-01 (350-401 ENCOR + one of 300-410, 300-415, 300-420, "
        "300-425, 300-430, 300-435); expires on 2026-09-01, 943 days after 2024-02-01"
    )
    assert ev.certification("CCST Networking").explanation == (
        "CCST Networking is active: earned on 2024-01-10 (100-150 CCST Networking); no expiration date (lifetime)"
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


def test_which_exams_earn_a_certification() -> None:
    from recert import cisco_policy

    policy = cisco_policy()
    ccna, ccnp = policy.certification("CCNA"), policy.certification(CCNP_ENT)
    assert ccna is not None
    assert ccnp is not None
    assert (ccna.earned_with("200-301"), ccna.earned_with("350-401")) == (True, False)
    assert (ccnp.earned_with("350-401"), ccnp.earned_with("300-410"), ccnp.earned_with("350-701")) == (
        True,
        True,
        False,
    )


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


def test_the_certifications_a_pass_can_earn_highest_level_first() -> None:
    from recert import cisco_policy

    # ENCOR counts toward both CCIE Enterprise tracks (expert), the CCNP Enterprise
    # (professional) and earns the Enterprise Core specialist (spec section 7).
    policy = cisco_policy()
    assert [c.name for c in policy.earned_with({"350-401"})] == [
        "CCIE Enterprise Infrastructure",
        "CCIE Enterprise Wireless",
        CCNP_ENT,
        SPEC_ENCOR,
    ]
    assert policy.earned_with({"999-999"}) == []


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


def _guild_with(*certifications: dict[str, object]) -> object:
    from recert import policy_from_mapping

    return policy_from_mapping(
        {
            "exam_kinds": ["x"],
            "policy": {"id": "guild", "version": "1"},
            "rules": {"G-CE": {"title": "CE"}},
            "levels": {
                "member": {
                    "rank": 1,
                    "ladder": True,
                    "validity": [{"years": 3}],
                    "options": [
                        {"label": "10 CE credits", "rule": "G-CE", "requirements": [{"ce_credits": 10}]}
                    ],
                },
            },
            "exams": [{"code": "A", "kind": "x"}, {"code": "B", "kind": "x"}],
            "certifications": [
                *certifications,
                {"name": "Member", "level": "member", "earned_by": [{"exams": [["A"], ["B"]]}]},
            ],
        }
    )


@pytest.mark.parametrize(("a_on", "charter"), [("2020-05-31", True), ("2020-06-01", False)])
def test_a_retired_certification_is_not_issued_from_its_retirement_day(a_on: str, charter: bool) -> None:
    # "Charter Member" (earned by A alone) is retired on 2020-06-01 (R-RET-1: no new ones from
    # that day); "Member" (A + B) is not. B 2020-05-01, then A on *a_on*: the Member is earned that
    # day either way (to a_on + 3 years); the Charter Member only the day before its retirement.
    from datetime import date

    policy = _guild_with(
        {
            "name": "Charter Member",
            "level": "member",
            "retired_on": date(2020, 6, 1),
            "earned_by": [{"exams": [["A"]]}],
        }
    )
    ev = run(record(exams=[passed("B", "2020-05-01"), passed("A", a_on)]), "2020-07-01", policy)  # type: ignore[arg-type]
    earned = [(e.on, e.certification) for e in events(ev, "earned")]
    assert earned == ([(d(a_on), "Charter Member")] if charter else []) + [(d(a_on), "Member")]
    (member,) = events(ev, "earned", "Member")
    assert member.detail == (
        f"Member (member) earned on {a_on} with A on {a_on}, B on 2020-05-01; expires on "
        f"{int(a_on[:4]) + 3}{a_on[4:]} ({a_on} + 3 years)"
    )


@pytest.mark.parametrize(("b_on", "again"), [("2021-01-05", False), ("2021-01-06", True)])
def test_a_pass_on_the_day_a_term_starts_does_not_earn_it_again(b_on: str, again: bool) -> None:
    # Member earned 2020-02-01 (A 2020-01-10 + B 2020-02-01). c1 (10 credits, 2021-01-05)
    # recertifies it on 2021-01-05: new term to 2024-01-05. A again on 2021-08-01 with a B on
    # *b_on*: a pass counts only after the term started (R-OPT-1, D-TERM-1: start < pass), so a
    # B passed on 2021-01-05 itself does not earn it again; one on 2021-01-06 does (to 2024-08-01).
    rec = record(
        exams=[
            passed("A", "2020-01-10"),
            passed("B", "2020-02-01"),
            passed("B", b_on),
            passed("A", "2021-08-01"),
        ],
        activities=[act("c1", 10, "2021-01-05", item="I1")],
    )
    ev = run(rec, "2021-09-01", _guild_with())  # type: ignore[arg-type]
    renewals = [(e.on, e.rule) for e in events(ev, "recertified", "Member")]
    assert renewals == [(d("2021-01-05"), "G-CE")] + ([(d("2021-08-01"), "D-EXAM-2")] if again else [])
    assert events(ev, "recertified")[0].detail == (
        "Member met '10 CE credits' on 2021-01-05 (10 CE credits from 1 activity); new term 2021-01-05 to "
        "2024-01-05 (2021-01-05 + 3 years); previous expiration date 2023-02-01"
    )
    assert ev.certification("Member").expires_on == d("2024-08-01" if again else "2024-01-05")


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


def test_held_terms_given_lifetime_and_retired_before_or_on_their_start() -> None:
    # CCNA held 2022-06-01 with a given expiration 2025-09-01; CCST Networking held 2024-01-10
    # (earned before 2025-07-15: lifetime); CCNP Enterprise held 2023-01-10 but retired 2022-12-01,
    # before its term (D-RET-2: the term runs as given, 2023-01-10 + 3 years, no cascade); CCNP
    # Security held 2023-02-01 and retired that same day (R-RET-1 from that day, not "before").
    # Retired ones never cascade, so the CCNA keeps 2025-09-01. Days from 2024-06-01: to
    # 2026-01-10 365 + 214 + 9 = 588; to 2026-02-01 588 + 22 = 610; to 2025-09-01 365 + 92 = 457.
    rec = record(
        [
            held("CCNA", "2022-06-01", "2025-09-01"),
            held("CCST Networking", "2024-01-10"),
            held(CCNP_ENT, "2023-01-10", retired_on="2022-12-01"),
            held("CCNP Security", "2023-02-01", retired_on="2023-02-01"),
        ]
    )
    ev = run(rec, "2024-06-01")
    assert [(e.on, e.kind, e.certification, e.rule, e.detail) for e in ev.events] == [
        (
            d("2022-06-01"),
            "held",
            "CCNA",
            "R-VAL-1",
            "CCNA (associate) term given by the record starts on 2022-06-01; expires on 2025-09-01 (given)",
        ),
        (
            d("2023-01-10"),
            "held",
            CCNP_ENT,
            "R-VAL-1",
            "CCNP Enterprise (professional) term given by the record starts on 2023-01-10; expires on 2026-01-10 "
            "(2023-01-10 + 3 years)",
        ),
        (
            d("2023-01-10"),
            "retired",
            CCNP_ENT,
            "D-RET-2",
            "CCNP Enterprise was retired on 2022-12-01, before this term started on 2023-01-10: the term runs as "
            "the record gives it, with no recertification and no cascade (R-RET-1)",
        ),
        (
            d("2023-02-01"),
            "held",
            "CCNP Security",
            "R-VAL-1",
            "CCNP Security (professional) term given by the record starts on 2023-02-01; expires on 2026-02-01 "
            "(2023-02-01 + 3 years)",
        ),
        (
            d("2024-01-10"),
            "held",
            "CCST Networking",
            "R-VAL-1",
            "CCST Networking (entry) term given by the record starts on 2024-01-10; lifetime",
        ),
    ]
    assert [(c.certification, c.expires_on, c.days_left, c.retired) for c in ev.certifications] == [
        (CCNP_ENT, d("2026-01-10"), 588, True),
        ("CCNP Security", d("2026-02-01"), 610, True),
        ("CCNA", d("2025-09-01"), 457, False),
        ("CCST Networking", None, None, False),
    ]
    assert ev.certification("CCNA").explanation == (
        "CCNA is active: held from 2022-06-01 with a given expiration date 2025-09-01; expires on 2025-09-01, "
        "457 days after 2024-06-01"
    )
    assert ev.certification("CCST Networking").explanation == (
        "CCST Networking is active: held from 2024-01-10; no expiration date (lifetime)"
    )
    assert ev.certification("CCNP Security").explanation == (
        "CCNP Security is active: held from 2023-02-01; expires on 2026-02-01, 610 days after 2024-06-01; "
        "retired since 2023-02-01: it can no longer be recertified (R-RET-1)"
    )
    # A retired certification has a deadline and no option (R-RET-1); the CCST needs nothing.
    steps = ev.to_dict()["next"]
    assert steps[:2] == [
        {"certification": CCNP_ENT, "deadline": "2026-01-10", "days_left": 588, "options": []},
        {"certification": "CCNP Security", "deadline": "2026-02-01", "days_left": 610, "options": []},
    ]
    assert [s["certification"] for s in steps] == [CCNP_ENT, "CCNP Security", "CCNA"]


def test_a_held_higher_term_cascades_with_its_text() -> None:
    # D-CASC-2: CCNA held 2022-06-01 (-> 2025-06-01); CCNP Enterprise held 2023-01-10 (-> 2026-01-10)
    # cascades down on 2023-01-10: the CCNA's expiration date moves to 2026-01-10 (later: a
    # recertification, R-CASC-1). 2023-02-01 -> 2026-01-10: 1096 (29 February 2024) - 22 = 1074 days.
    ev = run(record([held("CCNA", "2022-06-01"), held(CCNP_ENT, "2023-01-10")]), "2023-02-01")
    (cascade,) = events(ev, "cascaded")
    assert (cascade.on, cascade.certification, cascade.rule, cascade.detail) == (
        d("2023-01-10"),
        "CCNA",
        "R-CASC-2",
        "CCNA renewed by cascade from CCNP Enterprise on 2023-01-10: expiration date moves from 2025-06-01 to "
        "2026-01-10 (2023-01-10 + 3 years)",
    )
    ccna = ev.certification("CCNA")
    assert (ccna.recertified_on, ccna.recertified_by, ccna.rule) == (
        d("2023-01-10"),
        "cascade from CCNP Enterprise",
        "R-CASC-2",
    )
    assert ccna.explanation == (
        "CCNA is active: recertified on 2023-01-10 by cascade from CCNP Enterprise; expires on 2026-01-10, "
        "1074 days after 2023-02-01"
    )


def test_a_ccie_before_2020_is_suspended_a_year_after_its_two_year_term() -> None:
    # Version before 2020-02-24: CCIE valid 2 years (2017-06-01 -> 2019-06-01), then suspended for
    # one year from 2019-06-02, to 2020-06-01 (R-PRE2020-1).
    ev = run(record([held(CCIE_SEC, "2017-06-01")]), "2019-07-01")
    (suspended,) = events(ev, "suspended")
    assert (suspended.on, suspended.rule, suspended.detail) == (
        d("2019-06-02"),
        "R-PRE2020-1",
        "CCIE Security is suspended from 2019-06-02 to 2020-06-01: its term ended on 2019-06-01; it can still "
        "recertify until then, and is not active",
    )
    ccie = ev.certification(CCIE_SEC)
    assert (ccie.status, ccie.explanation) == (
        "suspended",
        "CCIE Security is suspended: its term ended on 2019-06-01; it can recertify until 2020-06-01, after "
        "which it expires (R-PRE2020-1)",
    )


@pytest.mark.parametrize(
    ("as_of", "status", "rule"),
    [
        # Active through its expiration date 2019-06-01 (R-VAL-1), 0 days left.
        ("2019-06-01", "active", "R-VAL-1"),
        # Suspended from 2019-06-02 through the end of the suspension, 2020-06-01.
        ("2020-06-01", "suspended", "R-PRE2020-1"),
        # Expired from 2020-06-02.
        ("2020-06-02", "expired", "R-DATE-2"),
    ],
)
def test_the_days_a_pre_2020_ccie_changes_status(as_of: str, status: str, rule: str) -> None:
    ev = run(record([held(CCIE_SEC, "2017-06-01")]), as_of)
    ccie = ev.certification(CCIE_SEC)
    assert (ccie.status, ccie.rule) == (status, rule)
    if status == "expired":
        assert [(e.on, e.kind, e.rule, e.detail) for e in events(ev, "expired")] == [
            (
                d("2020-06-02"),
                "expired",
                "R-DATE-2",
                "CCIE Security expired: its suspension ended on 2020-06-01 and no option was met by then",
            )
        ]


@pytest.mark.parametrize(("as_of", "status"), [("2025-06-01", "emeritus"), ("2025-06-02", "expired")])
def test_the_emeritus_year_ends_after_its_last_day(as_of: str, status: str) -> None:
    # CCIE Security held 2021-06-01 (-> 2024-06-01), first earned 2010-05-01, Emeritus granted
    # 2024-08-01 to 2025-06-01 (a year from the expiration date): expired from 2025-06-02.
    holding = attrs.evolve(held(CCIE_SEC, "2021-06-01"), first_earned_on=d("2010-05-01"))
    ev = run(attrs.evolve(record([holding]), emeritus_on=d("2024-08-01")), as_of)
    ccie = ev.certification(CCIE_SEC)
    assert (ccie.status, ccie.rule) == (status, "R-EMER-1")
    ended = [(e.on, e.rule, e.detail) for e in events(ev, "expired") if e.on > d("2024-06-02")]
    assert ended == (
        [(d("2025-06-02"), "R-EMER-1", "the Emeritus year of CCIE Security ended on 2025-06-01")]
        if status == "expired"
        else []
    )


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


@pytest.mark.parametrize(
    ("exams", "activities", "expires", "recertified_by"),
    [
        # An exam passed on the expiration date counts (D-TERM-1: start < pass <= expiration).
        ([("200-301", "2025-06-01")], [], "2028-06-01", "1 associate exam"),
        # Credits completed and claimed on the expiration date count (start <= completion <= expiration).
        ([], [("a1", "2025-06-01")], "2028-06-01", "30 CE credits"),
        # A day later the CCNA has expired: the pass earns it anew (R-DATE-2), no recertification.
        ([("200-301", "2025-06-02")], [], "2028-06-02", None),
    ],
)
def test_requirements_met_on_the_expiration_date_still_count(
    exams: list[tuple[str, str]], activities: list[tuple[str, str]], expires: str, recertified_by: str | None
) -> None:
    # CCNA held 2022-06-01 -> 2025-06-01.
    rec = record(
        [held("CCNA", "2022-06-01")],
        exams=[passed(code, on) for code, on in exams],
        activities=[act(i, 30, on, item="X") for i, on in activities],
    )
    ccna = run(rec, "2025-07-01").certification("CCNA")
    assert (ccna.status, ccna.expires_on, ccna.recertified_by) == ("active", d(expires), recertified_by)


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
