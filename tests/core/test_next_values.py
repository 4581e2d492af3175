"""Next steps of several certifications of one level, and the order of a level's options (R-OPT-1).

Every value worked out by hand from spec/cisco-ce-policy.md (sections 2 and 6) and, for a policy
whose CE option comes first, from its own data. Through the public API only.
"""

from __future__ import annotations

from typing import Any

from builders import SPEC_ENARSI, SPEC_ENCOR, act, d, held, passed, record, run
from recert import policy_from_mapping


def _next(result: Any) -> dict[str, tuple[str, int, list[str]]]:
    return {
        n["certification"]: (n["deadline"], n["days_left"], [o["deadline"] for o in n["options"]])
        for n in result.to_dict()["next"]
    }


def test_two_associates_with_different_deadlines_each_get_their_own_next_steps() -> None:
    # CCNA held from 2022-01-10 with a given expiration date 2025-06-01; DevNet Associate held from
    # 2022-03-01 (-> 2025-03-01, not later than 2025-06-01: no cascade moves the CCNA). Both have the
    # associate options (six, no credits, no passes): same facts, different deadlines. On 2023-07-01:
    # 2023-07-01 -> 2025-06-01 = 366 (2024 leap) + 335 = 701 days; -> 2025-03-01 = 366 + 243 = 609 days.
    rec = record([held("CCNA", "2022-01-10", "2025-06-01"), held("DevNet Associate", "2022-03-01")])
    steps = _next(run(rec, "2023-07-01"))
    assert steps == {
        "CCNA": ("2025-06-01", 701, ["2025-06-01"] * 6),
        "DevNet Associate": ("2025-03-01", 609, ["2025-03-01"] * 6),
    }


def test_two_specialists_with_one_deadline_both_show_the_days_left() -> None:
    # Enterprise Core held from 2022-01-10; Enterprise Advanced Infrastructure from 2022-03-01 renews it
    # by cascade (R-CASC-1): both expire on 2022-03-01 + 3 years = 2025-03-01, with the same facts (no
    # credits, no passes): 609 days after 2023-07-01 for each; five specialist options each.
    rec = record([held(SPEC_ENCOR, "2022-01-10"), held(SPEC_ENARSI, "2022-03-01")])
    steps = _next(run(rec, "2023-07-01"))
    assert steps == {
        SPEC_ENCOR: ("2025-03-01", 609, ["2025-03-01"] * 5),
        SPEC_ENARSI: ("2025-03-01", 609, ["2025-03-01"] * 5),
    }


def test_an_exam_option_after_an_unmet_ce_option_still_recertifies() -> None:
    # A one-level policy whose first option is 20 CE credits and second one pass of exam X (R-OPT-1: the
    # first option met names the recertification). Member held 2021-01-01 (-> 2024-01-01); c1 5 credits
    # (2021-03-01) leaves the CE option short; X passed on 2022-06-15 meets the second option:
    # recertified that day by "1 X exam", expires 2022-06-15 + 3 years = 2025-06-15.

    policy = policy_from_mapping(
        {
            "exam_kinds": ["x"],
            "policy": {"id": "guild", "version": "1"},
            "rules": {"G-CE": {"title": "CE"}, "G-X": {"title": "Exam"}},
            "levels": {
                "member": {
                    "rank": 1,
                    "ladder": True,
                    "validity": [{"years": 3}],
                    "options": [
                        {"label": "20 CE credits", "rule": "G-CE", "requirements": [{"ce_credits": 20}]},
                        {"label": "1 X exam", "rule": "G-X", "requirements": [{"exams": 1, "kinds": ["x"]}]},
                    ],
                }
            },
            "exams": [{"code": "X", "kind": "x"}],
            "certifications": [{"name": "Member", "level": "member"}],
        }
    )
    rec = record([held("Member", "2021-01-01")], [passed("X", "2022-06-15")], [act("c1", 5, "2021-03-01")])
    member = run(rec, "2022-08-01", policy).certification("Member")
    assert (member.recertified_on, member.recertified_by, member.expires_on) == (
        d("2022-06-15"),
        "1 X exam",
        d("2025-06-15"),
    )
