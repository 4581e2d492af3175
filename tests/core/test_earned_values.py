"""Earning with its texts: earned again, before and after expiring, retired ones, pass dates (issue 17).

Killed mutants of the engine's earning (R-OPT-2, D-EXAM-1, D-EXAM-2, R-RET-1, R-OPT-1): the
texts of earned and earned-again events, the day a retired certification stops being issued,
the day a pass starts to count, and which certifications a pass can earn. Every value is
worked out by hand from spec/cisco-ce-policy.md; the date arithmetic is in the comments.
"""

from __future__ import annotations

import pytest

from builders import CCNP_ENT, SPEC_ENCOR, act, d, events, held, passed, record, run


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
