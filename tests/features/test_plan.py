"""recert.plan: the cheapest steps to keep every certification, worked out by hand.

Each test states the record's dates, the rule that moves them and the
arithmetic (``2024-09-10 + 3 years = 2027-09-10``), then checks the plan.
"""

from __future__ import annotations

import pytest

from builders import act, d, held, passed, record
from recert import cisco_policy, evaluate, load_policy
from recert.planner import Change, EarningPath, Plan, Step, plan

CCNP = "CCNP Enterprise"
CYBEROPS = "CyberOps Associate"


def only_step(p: Plan) -> Step:
    (step,) = p.steps
    return step


def test_the_issue_example_one_ce_step_renews_all_three() -> None:
    # CCNP Enterprise, CCNA and CyberOps Associate all held from 2024-09-10:
    # 2024-09-10 + 3 years = 2027-09-10 for each. 40 approved credits completed 2025-01-15
    # count in the professional pool (R-CE-4, D-POOL-1). "80 CE credits" lacks 80 - 40 = 40;
    # "40 CE credits + 1 professional exam" lacks one exam: fewest exams first, so 40 credits.
    rec = record(
        [held(CCNP, "2024-09-10"), held("CCNA", "2024-09-10"), held(CYBEROPS, "2024-09-10")],
        activities=[act("c1", 40, "2025-01-15")],
    )
    p = plan(rec, as_of=d("2025-06-01"))
    step = only_step(p)
    assert (step.by, step.certification, step.option) == (d("2027-09-10"), CCNP, "80 CE credits")
    assert (step.credits, step.exams) == (40, ())
    # The CCNP first, then by cascade (R-CASC-1) the associates, by name.
    assert step.renews == (CCNP, "CCNA", CYBEROPS)
    assert step.rules == ("R-DATE-2", "R-CE-4", "D-CLAIM-2", "R-CASC-1")
    assert (p.credits, p.exams) == (40, 0)
    assert step.explanation.startswith("Complete and claim 40 more CE credits by 2027-09-10")
    assert p.to_dict()["steps"][0]["renews"] == [CCNP, "CCNA", CYBEROPS]


def test_a_lower_certification_with_an_earlier_deadline_brings_the_step_forward() -> None:
    # CyberOps held from 2024-10-01 with a given expiration 2026-01-05 (it starts after the CCNP's
    # term, so that term's cascade, D-CASC-2, does not reach it), before the CCNP's
    # 2027-09-10. Its own CE option is served by the CCNP's pool (D-POOL-1), so it can only be
    # kept by an exam or by the CCNP's renewal cascading on or before 2026-01-05. The one step
    # with no exam: the same 40 credits, by 2026-01-05.
    rec = record(
        [held(CCNP, "2024-09-10"), held("CCNA", "2024-09-10"), held(CYBEROPS, "2024-10-01", "2026-01-05")],
        activities=[act("c1", 40, "2025-01-15")],
    )
    ev = evaluate(rec, as_of=d("2025-06-01"))
    assert ev.certification(CYBEROPS).expires_on == d("2026-01-05")  # the premise
    step = only_step(plan(rec, as_of=d("2025-06-01")))
    assert (step.by, step.credits, step.renews) == (d("2026-01-05"), 40, (CCNP, "CCNA", CYBEROPS))


def test_credits_per_exam_makes_one_exam_cheaper_than_credits() -> None:
    # As in the issue example, 40 credits missing. One exam counted as 30 credits: "1 core exam"
    # (30) beats 40 credits; "40 CE credits + 1 professional exam" costs the same 30 (its 40 are
    # counted) and comes later in the policy's order, so the first option wins the tie.
    rec = record(
        [held(CCNP, "2024-09-10"), held("CCNA", "2024-09-10"), held(CYBEROPS, "2024-09-10")],
        activities=[act("c1", 40, "2025-01-15")],
    )
    p = plan(rec, as_of=d("2025-06-01"), credits_per_exam=30)
    step = only_step(p)
    assert (step.option, step.credits, step.exam_count, step.by) == ("1 core exam", 0, 1, d("2027-09-10"))
    (need,) = step.exams
    assert (need.kinds, need.label) == (("core",), "1 core exam")
    # Examples: the CCNP Enterprise track's core exam first, then the others by id.
    assert need.examples == ("350-401", "350-201", "350-501", "350-601")
    assert step.renews == (CCNP, "CCNA", CYBEROPS)
    assert p.to_dict()["credits_per_exam"] == 30


def test_without_credits_an_exam_by_the_earlier_deadline_can_beat_two_steps() -> None:
    # CCNP from 2024-09-10 (to 2027-09-10); CCNA from 2024-10-01 with a given short term to
    # 2025-03-01. No credits. Fewest exams: 80 credits by 2025-03-01, which renews the CCNP and
    # cascades to the CCNA (0 exams) beats 80 credits by 2027-09-10 plus an exam for the CCNA.
    rec = record([held(CCNP, "2024-09-10"), held("CCNA", "2024-10-01", expires_on="2025-03-01")])
    p = plan(rec, as_of=d("2025-01-10"))
    step = only_step(p)
    assert (step.by, step.option, step.credits, step.renews) == (
        d("2025-03-01"), "80 CE credits", 80, (CCNP, "CCNA"))
    # With an exam worth 30 credits: 1 core exam by 2025-03-01 renews both (30 < 80).
    step = only_step(plan(rec, as_of=d("2025-01-10"), credits_per_exam=30))
    assert (step.by, step.option, step.credits, step.renews) == (
        d("2025-03-01"), "1 core exam", 0, (CCNP, "CCNA"))


def test_one_exam_renews_a_ccnp_and_keeps_a_ccst_by_the_same_pass() -> None:
    # CCNA from 2024-05-01: 2024-05-01 + 3 years = 2027-05-01. CCST Networking earned
    # 2025-08-01 (on or after 2025-07-15: 5 years, R-ENTRY-1) to 2030-08-01; renewed by one
    # CCST, associate, professional or expert exam. CE alone would need 30 credits and an exam
    # for the CCST; one associate exam by 2027-05-01 keeps both (R-OPT-2): 1 exam, 0 credits.
    rec = record([held("CCNA", "2024-05-01"), held("CCST Networking", "2025-08-01")])
    p = plan(rec, as_of=d("2025-09-01"))
    step = only_step(p)
    assert (step.by, step.certification, step.option) == (d("2027-05-01"), "CCNA", "1 associate exam")
    assert step.renews == ("CCNA", "CCST Networking")
    assert "R-OPT-2" in step.rules
    assert step.exams[0].examples[0] == "200-301"  # the CCNA's own track first
    assert (p.exams, p.credits) == (1, 0)


def test_a_pending_claim_gives_the_plan_if_approved_and_the_day_to_act_without_it() -> None:
    # CCNP Security from 2023-04-03: 2023-04-03 + 3 years = 2026-04-03. 64 approved credits; p1
    # (16 credits, completed 2025-02-10, claimed 2025-02-12) pending. Without it: 80 - 64 = 16 more
    # by 2026-04-03. Approved: 80 credits reached on p1's completion, 2025-02-10 (D-ANCHOR-1),
    # new term 2025-02-10 + 3 years = 2028-02-10; the next step is 80 credits by then.
    rec = record(
        [held("CCNP Security", "2023-04-03")],
        activities=[act("a1", 64, "2024-06-01"),
                    act("p1", 16, "2025-02-10", claimed_on="2025-02-12", status="pending")],
    )
    p = plan(rec, as_of=d("2025-03-01"))
    step = only_step(p)
    assert (step.by, step.credits) == (d("2026-04-03"), 16)
    (pending,) = p.pending
    assert (pending.activity, pending.credits, pending.toward) == ("p1", 16, "CCNP Security")
    assert pending.changes == (
        Change("CCNP Security", "active", d("2026-04-03"), "active", d("2028-02-10")),)
    (then,) = pending.steps_if_approved
    assert (then.by, then.credits, then.option) == (d("2028-02-10"), 80, "80 CE credits")
    assert pending.decide_by == d("2026-04-03")
    assert pending.rule == "R-CE-3"
    assert "expires on 2028-02-10 instead of 2026-04-03" in pending.explanation


def test_an_expired_certification_says_which_exams_earn_it_again() -> None:
    # CCNA from 2020-01-10: 2020-01-10 + 3 years = 2023-01-10, nothing met: expired (R-DATE-2).
    p = plan(record([held("CCNA", "2020-01-10")]), as_of=d("2025-01-01"))
    assert p.steps == ()
    (regain,) = p.regain
    assert (regain.certification, regain.expired_on, regain.rule) == ("CCNA", d("2023-01-10"), "R-DATE-2")
    assert regain.paths == (EarningPath("200-301 CCNA", (("200-301",),)),)
    assert "no option was met" in regain.why
    assert regain.explanation.endswith("only its full exam path earns it again (R-DATE-2): 200-301 CCNA")


def test_a_ccie_in_its_pre_2020_suspended_year_plans_to_the_suspension_end() -> None:
    # Pre-2020: CCIE Security held 2017-04-01, + 2 years = 2019-04-01, suspended to 2020-04-01.
    # On 2019-10-01 the deadline is 2020-04-01: 30 (Oct) + 30 + 31 + 31 + 29 + 31 + 1 = 183 days
    # ahead, while the expiration date lies 183 days behind.
    rec = record([held("CCIE Security", "2017-04-01")])
    ev = evaluate(rec, as_of=d("2019-10-01"))
    assert (ev.next[0].deadline, ev.next[0].days_left) == (d("2020-04-01"), 183)
    assert ev.certification("CCIE Security").days_left == -183
    step = only_step(plan(rec, as_of=d("2019-10-01")))
    # Pre-2020 CE: 100 credits for the expert level (R-PRE2020-1). Those options hold until the
    # 2020-02-24 version starts, so the step is planned by the day before (D-VERSION-1).
    assert (step.by, step.option, step.credits) == (d("2020-02-23"), "100 CE credits", 100)
    assert "R-PRE2020-1" in step.rules
    # Planned inside the 2020-02-24 version: its expert options (120 CE credits), by the
    # suspension's end.
    step = only_step(plan(rec, as_of=d("2020-03-01")))
    assert (step.by, step.option, step.credits) == (d("2020-04-01"), "120 CE credits", 120)


def test_retired_and_lifetime_certifications_are_remarks_not_steps() -> None:
    # A CCNA retired for this person on 2025-01-01 stays active to 2026-06-01 (2023-06-01 + 3
    # years) and cannot be renewed (R-RET-1). A CCST earned 2024-01-10, before 2025-07-15, is
    # lifetime (R-ENTRY-1).
    rec = record([held("CCNA", "2023-06-01", retired_on="2025-01-01"),
                  held("CCST Networking", "2024-01-10")])
    p = plan(rec, as_of=d("2025-03-01"))
    assert p.steps == ()
    assert {(r.certification, r.rule, r.expires_on) for r in p.remarks} == {
        ("CCNA", "R-RET-1", d("2026-06-01")),
        ("CCST Networking", "R-VAL-1", None),
    }


def test_an_exam_already_passed_halves_what_options_lack() -> None:
    # CCNP Enterprise from 2024-09-10 (to 2027-09-10); 300-415 passed 2025-02-01 inside the term
    # (R-OPT-1). It earns the SD-WAN Specialist (2025-02-01 + 3 years = 2028-02-01) and is the
    # "1 professional exam" of "40 CE credits + 1 professional exam", which now lacks only 40
    # credits; "2 concentration exams" lacks 1 exam. Fewest exams first: 40 credits by
    # 2027-09-10, cascading to the Specialist (its deadline 2028-02-01 is later).
    rec = record([held(CCNP, "2024-09-10")], exams=[passed("300-415", "2025-02-01")])
    ev = evaluate(rec, as_of=d("2025-03-01"))
    gaps = {g.option: g for g in ev.next[0].options}
    two = gaps["2 concentration exams"]
    assert (two.credits_missing, two.exams_count, two.missing) == (0, 1, "1 concentration exam")
    assert two.exams_missing[0].kinds == ("concentration",)
    mixed = gaps["40 CE credits + 1 professional exam"]
    assert (mixed.credits_missing, mixed.exams_missing, mixed.missing) == (40, (), "40 CE credits")
    step = only_step(plan(rec, as_of=d("2025-03-01")))
    assert (step.by, step.option, step.credits, step.exam_count) == (
        d("2027-09-10"), "40 CE credits + 1 professional exam", 40, 0)
    assert step.renews == (CCNP, "Cisco Certified Specialist – Enterprise SD-WAN Implementation")


def test_plan_rejects_a_negative_exam_cost() -> None:
    with pytest.raises(ValueError, match="negative"):
        plan(record([held("CCNA", "2024-01-10")]), as_of=d("2025-01-01"), credits_per_exam=-1)


def test_plan_uses_the_given_policy() -> None:
    # The same record under the embedded policy passed explicitly gives the same plan.
    rec = record([held("CCNA", "2024-01-10")])
    assert plan(rec, as_of=d("2025-01-01"), policy=cisco_policy()) == plan(rec, as_of=d("2025-01-01"))


def test_a_record_evaluated_before_the_policy_s_only_version_is_planned_to_its_deadline() -> None:
    # Found by a trial. The guild policy (examples/policies/dataguild.toml) has one version, in
    # force from 2024-01-01; a record evaluated on 2023-09-01 is decided by it (D-VERSION-1: no
    # earlier version). Data Guild Associate earned 2022-01-10 is renewed by r1's 20 CE credits
    # completed 2023-06-01 but claimed 2023-06-10 (claim anchor): new term 2023-06-10 + 2 years =
    # 2025-06-10. The next 20 CE credits are due by 2025-06-10, not by 2023-12-31 (the day
    # before the version in force starts, which no later version follows).
    guild = load_policy("examples/policies/dataguild.toml")
    rec = record([held("Data Guild Associate", "2022-01-10")],
                 activities=[act("r1", 20, "2023-06-01", "2023-06-10", category="course")])
    step = only_step(plan(rec, as_of=d("2023-09-01"), policy=guild))
    assert (step.by, step.option, step.credits) == (d("2025-06-10"), "20 CE credits", 20)
