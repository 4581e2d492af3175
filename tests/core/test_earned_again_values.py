"""Earning a certification again when no option is met, and the cascade it starts (D-EXAM-2, R-CASC-1).

A one-ladder policy whose options are CE only, so that an exam pass renews a certification only by
earning it again. Values worked out by hand from spec/cisco-ce-policy.md sections 3 to 5 and the
policy's own data. Through the public API (``policy_from_mapping``, ``evaluate``).
"""

from __future__ import annotations

from typing import Any

from builders import act, d, held, passed, record, run
from recert import policy_from_mapping


def _level(rank: int, credits: int) -> dict[str, Any]:
    return {
        "rank": rank,
        "ladder": True,
        "validity": [{"years": 3}],
        "options": [
            {"label": f"{credits} CE credits", "rule": "G-CE", "requirements": [{"ce_credits": credits}]}
        ],
    }


GUILD = policy_from_mapping(
    {
        "exam_kinds": ["x"],
        "policy": {"id": "guild", "version": "1"},
        "rules": {"G-CE": {"title": "CE"}},
        "levels": {"member": _level(1, 10), "fellow": _level(2, 20)},
        "exams": [{"code": "F", "kind": "x"}, {"code": "S", "kind": "x"}],
        "certifications": [
            {"name": "Member", "level": "member"},
            {"name": "Fellow", "level": "fellow", "earned_by": [{"exams": [["F"]]}]},
            {"name": "Scholar", "level": "fellow", "earned_by": [{"exams": [["S"]]}]},
        ],
    }
)


def test_earning_again_recertifies_resets_the_pool_and_cascades_to_its_level_and_below() -> None:
    # Member, Fellow and Scholar held from 2021-01-01 (-> 2024-01-01). c1 5 credits (2021-03-01) in the
    # pool of the highest level, fellow (D-POOL-1): 20 are needed, no option is met. F passed on
    # 2022-06-15 earns the Fellow again (D-EXAM-2): new term 2022-06-15 to 2025-06-15. A recertification
    # at the pool's level resets the pool (R-CE-5): c1 forfeited, 0 used. It cascades (R-CASC-1) to every
    # active certification at its level and below, any track: Scholar (same level) and Member, from
    # 2024-01-01 to 2025-06-15.
    rec = record(
        [held("Member", "2021-01-01"), held("Fellow", "2021-01-01"), held("Scholar", "2021-01-01")],
        [passed("F", "2022-06-15")],
        [act("c1", 5, "2021-03-01", item="I1")],
    )
    result = run(rec, "2022-08-01", GUILD)
    assert [
        (c.certification, c.expires_on, c.recertified_on, c.recertified_by) for c in result.certifications
    ] == [
        ("Fellow", d("2025-06-15"), d("2022-06-15"), "earned again: F"),
        ("Scholar", d("2025-06-15"), d("2022-06-15"), "cascade from Fellow"),
        ("Member", d("2025-06-15"), d("2022-06-15"), "cascade from Fellow"),
    ]
    assert [
        (e.kind, e.certification, e.rule, e.detail) for e in result.events if e.on == d("2022-06-15")
    ] == [
        (
            "recertified",
            "Fellow",
            "D-EXAM-2",
            "Fellow earned again on 2022-06-15 with F on 2022-06-15: new term 2022-06-15 to 2025-06-15; "
            "previous expiration date 2024-01-01",
        ),
        (
            "pool_reset",
            "Fellow",
            "R-CE-5",
            "the fellow pool is used up by the recertification of Fellow on 2022-06-15: 0 CE credits used, "
            "5 forfeited",
        ),
        (
            "cascaded",
            "Scholar",
            "R-CASC-1",
            "Scholar renewed by cascade from Fellow on 2022-06-15: expiration date moves from 2024-01-01 to "
            "2025-06-15 (2022-06-15 + 3 years)",
        ),
        (
            "cascaded",
            "Member",
            "R-CASC-1",
            "Member renewed by cascade from Fellow on 2022-06-15: expiration date moves from 2024-01-01 to "
            "2025-06-15 (2022-06-15 + 3 years)",
        ),
    ]
    (c1,) = result.activities
    assert (c1.outcome, c1.counted_toward) == ("forfeited", "Fellow")


def test_an_earning_cascade_waits_for_the_same_check_s_direct_recertifications() -> None:
    # Novice (rank 0, CE only) and Member (rank 1, its first option one X exam) held from 2021-01-01
    # (-> 2024-01-01). F (kind x) passed on 2022-06-15 earns the Fellow (rank 2, -> 2025-06-15, R-OPT-2)
    # and meets the Member's exam option in the same check: the Member is recertified by its own option
    # (new term to 2025-06-15), and the Fellow's earning cascades below it (R-CASC-2) once that is done:
    # the Novice, from 2024-01-01 to 2025-06-15, by cascade from the Fellow (the highest source first).
    def level(rank: int, options: list[dict[str, Any]]) -> dict[str, Any]:
        return {"rank": rank, "ladder": True, "validity": [{"years": 3}], "options": options}

    ce = {"label": "5 CE credits", "rule": "G-CE", "requirements": [{"ce_credits": 5}]}
    policy = policy_from_mapping(
        {
            "exam_kinds": ["x"],
            "policy": {"id": "guild", "version": "1"},
            "rules": {"G-CE": {"title": "CE"}, "G-X": {"title": "Exam"}},
            "levels": {
                "novice": level(0, [ce]),
                "member": level(
                    1,
                    [
                        {"label": "1 X exam", "rule": "G-X", "requirements": [{"exams": 1, "kinds": ["x"]}]},
                        ce,
                    ],
                ),
                "fellow": level(2, [ce]),
            },
            "exams": [{"code": "F", "kind": "x"}],
            "certifications": [
                {"name": "Novice", "level": "novice"},
                {"name": "Member", "level": "member"},
                {"name": "Fellow", "level": "fellow", "earned_by": [{"exams": [["F"]]}]},
            ],
        }
    )
    rec = record([held("Member", "2021-01-01"), held("Novice", "2021-01-01")], [passed("F", "2022-06-15")])
    result = run(rec, "2022-08-01", policy)
    assert [(c.certification, c.expires_on, c.recertified_by) for c in result.certifications] == [
        ("Fellow", d("2025-06-15"), None),
        ("Member", d("2025-06-15"), "1 X exam"),
        ("Novice", d("2025-06-15"), "cascade from Fellow"),
    ]
    assert [(e.kind, e.certification, e.rule) for e in result.events if e.on == d("2022-06-15")] == [
        ("earned", "Fellow", "R-OPT-2"),
        ("recertified", "Member", "G-X"),
        ("cascaded", "Novice", "R-CASC-2"),
    ]
