"""Rolling-cycle replay edges that the other value tests leave open (issue 17 mutation survivors).

Next steps of several certifications of one level (own and shared deadlines, each level's own pool,
passes inside the term up to the evaluation day), the order of a level's options (R-OPT-1), an exam
outside the catalog with its kind, and dates after the year 9000. Every value worked out by hand
from spec/cisco-ce-policy.md (sections 2 to 6) or, for a policy variant, from its own data. Through
the public API only.
"""

from __future__ import annotations

from typing import Any

import pytest

from builders import CCNP_ENT, SPEC_ENARSI, SPEC_ENCOR, act, d, held, passed, record, run, with_params
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


def _options(result: Any, certification: str) -> list[tuple[str, str, float, list[int]]]:
    (step,) = (n for n in result.to_dict()["next"] if n["certification"] == certification)
    return [
        (o["option"], o["missing"], o["credits_missing"], [e["count"] for e in o["exams_missing"]])
        for o in step["options"]
    ]


def test_next_steps_count_the_passes_inside_the_term_up_to_the_evaluation_day() -> None:
    # CCNP Enterprise held from 2022-01-10 (-> 2025-01-10). 300-410 (ENARSI, concentration) passed on
    # 2021-06-01, before the term: it earns the ENARSI Specialist (-> 2024-06-01) but does not count
    # for the CCNP's options. 300-415 (SD-WAN, concentration) passed on 2023-03-01, the evaluation day:
    # it counts (passed on or before that day, inside the term, not used), so "2 concentration exams"
    # lacks one; it earns the SD-WAN Specialist, which renews the ENARSI one by cascade (-> 2026-03-01).
    # The Specialists' CE option counts in the professional pool (D-POOL-1): its own counts 0 of 40.
    rec = record(
        [held(CCNP_ENT, "2022-01-10")], [passed("300-410", "2021-06-01"), passed("300-415", "2023-03-01")]
    )
    result = run(rec, "2023-03-01")
    assert _options(result, CCNP_ENT) == [
        ("1 core exam", "1 core exam", 0, [1]),
        ("2 concentration exams", "1 concentration exam", 0, [1]),
        ("1 expert written exam", "1 expert written exam", 0, [1]),
        ("1 expert lab exam", "1 expert lab exam", 0, [1]),
        ("40 CE credits + 1 professional exam", "40 CE credits", 40, []),
        ("80 CE credits", "80 CE credits", 80, []),
    ]
    assert _options(result, SPEC_ENARSI)[-1] == (
        "40 CE credits",
        "40 CE credits (CE credits count in the professional pool toward CCNP Enterprise, D-POOL-1)",
        40,
        [],
    )


def test_next_steps_under_each_level_pooling_count_each_level_s_own_pool() -> None:
    # D-POOL-2 with pooling = each_level: CCNP Enterprise and the Enterprise Core Specialist held from
    # 2022-01-10 (-> 2025-01-10); c1 10 credits (2022-06-01) count in each level's pool. The Specialist's
    # "40 CE credits" lacks 40 - 10 = 30 in its own pool (no D-POOL-1 note: its pool is its own); the
    # CCNP's "80 CE credits" lacks 70.
    rec = record(
        [held(CCNP_ENT, "2022-01-10"), held(SPEC_ENCOR, "2022-01-10")], [], [act("c1", 10, "2022-06-01")]
    )
    result = run(rec, "2023-03-01", with_params(pooling="each_level"))
    assert _options(result, SPEC_ENCOR)[-1] == ("40 CE credits", "30 CE credits", 30, [])
    assert _options(result, CCNP_ENT)[-1] == ("80 CE credits", "70 CE credits", 70, [])


def test_an_exam_outside_the_catalog_counts_by_the_kind_the_record_gives() -> None:
    # 999-999 is not in the Cisco catalog; the record gives its kind, associate (a kind the policy
    # knows), and lists the same pass twice (one exam taken on one date counts once, D-EXAM-2). CCNA
    # held from 2022-01-10: "1 associate exam" met on 2023-06-01, new term to 2026-06-01 (R-OPT-1).
    from recert import ExamPass

    twice = [ExamPass("999-999", d("2023-06-01"), kind="associate")] * 2
    result = run(record([held("CCNA", "2022-01-10")], twice), "2023-07-01")
    ccna = result.certification("CCNA")
    assert (ccna.expires_on, ccna.recertified_by) == (d("2026-06-01"), "1 associate exam")
    (renewal,) = [e for e in result.events if e.kind == "recertified"]
    assert (renewal.on, renewal.uses.exams) == (d("2023-06-01"), ("999-999 on 2023-06-01",))


def test_every_date_after_the_year_9000_is_named_by_its_path() -> None:
    # Dates after the year 9000 are refused (no room to add terms and windows), each with its path,
    # whether or not the evaluation reads it; 9000-12-31 itself is allowed (holdings[1].expires_on).
    from datetime import date

    import recert
    from recert import Activity, ExamPass, Holding, Record

    rec = Record(
        holdings=(
            Holding("CCNA", date(2022, 1, 10), expires_on=date(9001, 1, 1)),
            Holding(CCNP_ENT, date(2022, 1, 10), expires_on=date(9000, 12, 31)),
        ),
        exams=(ExamPass("200-301", date(9001, 2, 1)),),
        activities=(Activity("a", 1, date(2023, 1, 1), claimed_on=date(9001, 3, 1), status="approved"),),
        emeritus_on=date(9002, 1, 1),
    )
    with pytest.raises(recert.RecordError) as caught:
        recert.evaluate(rec, as_of=date(2024, 1, 1))
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("emeritus_on", "9002-01-01 is after the year 9000"),
        ("holdings[0].expires_on", "9001-01-01 is after the year 9000"),
        ("exams[0].passed_on", "9001-02-01 is after the year 9000"),
        ("activities[0].claimed_on", "9001-03-01 is after the year 9000"),
    ]


def test_under_the_claim_anchor_a_claim_after_an_earlier_term_expired_is_late() -> None:
    # recertification_anchor = claim (D-ANCHOR-1): credits arrive on the claim date. CCNA held from
    # 2020-01-10 (-> 2023-01-10), not renewed: expired from 2023-01-11; 200-301 passed on 2023-03-01
    # earns it again (-> 2026-03-01). a (completed 2022-12-01, in the first term) claimed on 2023-06-01:
    # the later term does not contain its completion and the term that did expired before the claim:
    # claimed_after_expiration (R-CE-2, D-REASON-1). b, the same day's work claimed on 2023-01-05 while
    # that term was current, counts in its pool. c (2019-12-01, before any term): outside_term.
    policy = with_params(recertification_anchor="claim")
    rec = record(
        [held("CCNA", "2020-01-10")],
        [passed("200-301", "2023-03-01")],
        [
            act("a", 5, "2022-12-01", "2023-06-01"),
            act("b", 5, "2022-12-01", "2023-01-05"),
            act("c", 5, "2019-12-01", "2020-06-01"),
        ],
    )
    result = run(rec, "2023-07-01", policy)
    assert [(a.id, a.outcome, a.reason, a.rule, a.explanation) for a in result.activities] == [
        (
            "a",
            "rejected",
            "claimed_after_expiration",
            "R-CE-2",
            "a: rejected: claimed on 2023-06-01, after 2023-01-10, the expiration date of every term it could "
            "count toward (CCNA); a later term does not contain its completion on 2022-12-01",
        ),
        (
            "b",
            "counted",
            None,
            "R-CE-4",
            "b: counted: 5 CE credits completed on 2022-12-01 count in the pool toward CCNA",
        ),
        (
            "c",
            "rejected",
            "outside_term",
            "R-CE-1",
            "c: rejected: completed on 2019-12-01, inside no current term of a CE-eligible certification the "
            "record holds",
        ),
    ]
    assert result.certification("CCNA").expires_on == d("2026-03-01")


def test_under_the_claim_anchor_a_claim_before_a_replaced_term_expired_is_outside_every_term() -> None:
    # CCNA held from 2020-01-10 (-> 2023-01-10) is renewed by 200-301 on 2022-06-01 (-> 2025-06-01). d,
    # completed 2022-03-01 in the replaced term, claimed on 2022-09-01, before that term's expiration
    # date: not late, but the current term does not contain its completion: outside_term (R-CE-1).
    policy = with_params(recertification_anchor="claim")
    rec = record(
        [held("CCNA", "2020-01-10")],
        [passed("200-301", "2022-06-01")],
        [act("d", 5, "2022-03-01", "2022-09-01")],
    )
    (d_,) = run(rec, "2023-07-01", policy).activities
    assert (d_.outcome, d_.reason, d_.rule) == ("rejected", "outside_term", "R-CE-1")
