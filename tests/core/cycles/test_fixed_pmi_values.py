"""PMI PMP under the fixed-cycle evaluator: caps, the quarter-PDU step, a lapse and earning again.

Values worked out by hand from spec/programs.md section 4 and the embedded ``pmi-pmp`` policy.
"""

from __future__ import annotations

from datetime import date

from fixed_helpers import PMI, act, activity, cert, event, outcome, run

# PMP held from 2020-01-10: E = 2023-01-10 (R-PMI-1); suspension window one year, to 2024-01-10
# (R-PMI-5); expired from 2024-01-11. The exam passed again on 2024-06-01 earns it again: a new
# cycle 2024-06-01 to 2027-06-01 (R-FC-1).
LAPSED = {
    "holdings": [{"certification": "PMP", "earned_on": "2020-01-10"}],
    "exams": [{"exam": "PMP", "passed_on": "2024-06-01"}],
    "activities": [
        act("e1", 12.4, "2020-05-01", "2020-05-02", category="education_ways_of_working"),
        act("g1", 10, "2021-01-05", "2021-01-06", category="giving_back_practitioner"),
        act("g2", 20, "2021-02-05", "2021-02-06", category="giving_back_other"),
        act("g3", 1, "2021-03-05", "2021-03-06", category="giving_back_other"),
        act("x1", 4, "2024-03-01", "2024-03-02", category="education_power_skills"),
        act("e2", 5.5, "2024-07-01", "2024-07-02", category="education_power_skills"),
    ],
}
OLD = "the cycle 2020-01-10 to 2023-01-10"


def test_caps_and_the_quarter_step_then_a_lapse_and_the_exam_passed_again() -> None:
    result = run(PMI, LAPSED, date(2024, 9, 1))
    # e1: 12.4 PDU rounded down to the 0.25 step: 12.25 (R-PMI-7). g1: practitioner capped at 8
    # (R-PMI-4). g2: Giving Back capped at 25 a cycle, 8 used: 17 of 20 count. g3: nothing left
    # under 25. x1 (2024-03-01): after the window's end 2024-01-10 and before the new cycle: in no
    # cycle. e2 counts toward the new cycle. Lapsed cycles keep what they counted (D-FC-4).
    assert result["activities"] == [
        outcome(
            "e1", "counted", 12.4, "R-FC-4", f"e1: counts 12.25 toward {OLD}",
            toward="PMP", counted=12.25, cycle_end="2023-01-10", toward_all=("PMP",),
        ),
        outcome(
            "g1", "counted", 10, "R-FC-4", f"g1: counts 8 toward {OLD} (10 capped at the cycle cap of 8)",
            toward="PMP", counted=8, capped="category_cap", cycle_end="2023-01-10", toward_all=("PMP",),
        ),
        outcome(
            "g2", "counted", 20, "R-FC-4", f"g2: counts 17 toward {OLD} (20 capped at the cycle cap of 25)",
            toward="PMP", counted=17, capped="category_cap", cycle_end="2023-01-10", toward_all=("PMP",),
        ),
        outcome(
            "g3", "rejected", 1, "R-PMI-4", "g3: nothing left under the cap of 25 (cycle) when completed on 2021-03-05",
            reason="category_cap", capped="category_cap",
        ),
        outcome(
            "x1", "rejected", 4, "R-FC-4",
            "x1: completed on 2024-03-01, inside no cycle of PMP that can still take credits",
            reason="outside_term",
        ),
        outcome(
            "e2", "counted", 5.5, "R-FC-4", "e2: counts 5.5 toward the cycle 2024-06-01 to 2027-06-01",
            toward="PMP", counted=5.5, cycle_end="2027-06-01", toward_all=("PMP",),
        ),
    ]  # fmt: skip
    pmp = cert(result, "PMP")
    # days_left 2024-09-01 -> 2027-06-01: 365 * 3 = 1095 to 2027-09-01, minus 92 (June 30 + July 31
    # + August 31) = 1003.
    assert (pmp["status"], pmp["term_started_on"], pmp["expires_on"], pmp["days_left"]) == (
        "active",
        "2024-06-01",
        "2027-06-01",
        1003,
    )
    assert (pmp["recertified_on"], pmp["recertified_by"], pmp["rule"]) == (None, None, "R-PMI-1")
    assert pmp["explanation"] == "PMP: active on 2024-09-01; cycle 2024-06-01 to 2027-06-01"
    assert pmp["grace_ends_on"] == "2028-06-01"  # E + 1 year
    # A cycle begun by earning again is due now (not one opened by a renewal): every minimum of
    # R-PMI-2/3 is short; no fees_paid_through, so fees are not checked (R-FC-9).
    assert pmp["shortfalls"] == [
        {"rule": "R-PMI-2", "kind": "total", "name": None, "needed": 60, "counted": 5.5},
        {"rule": "R-PMI-3", "kind": "group_min", "name": "education", "needed": 35, "counted": 5.5},
        {"rule": "R-PMI-3", "kind": "category_min", "name": "education_ways_of_working", "needed": 8, "counted": 0},
        {"rule": "R-PMI-3", "kind": "category_min", "name": "education_power_skills", "needed": 8, "counted": 5.5},
        {"rule": "R-PMI-3", "kind": "category_min", "name": "education_business_acumen", "needed": 8, "counted": 0},
    ]  # fmt: skip
    cycle = pmp["cycle"]
    assert (cycle["required"], cycle["counted"], cycle["rolled_in"]) == (60, 5.5, 0)
    assert cycle["groups"] == {
        "education": {"counted": 5.5, "min": 35, "max": None},
        "giving_back": {"counted": 0, "min": None, "max": 25},
    }
    assert cycle["categories"]["giving_back_practitioner"] == {"counted": 0, "min": None, "max": 8}
    assert cycle["categories"]["education_power_skills"] == {"counted": 5.5, "min": 8, "max": None}
    # next: due by the window's end 2028-06-01; 2024-09-01 -> 2027-09-01 = 1095, then to 2028-06-01
    # 30 + 31 + 30 + 31 + 31 + 29 + 31 + 30 + 31 = 274 (2028 is a leap year): 1369 days.
    assert result["next"] == [
        {
            "certification": "PMP",
            "deadline": "2028-06-01",
            "days_left": 1369,
            "options": [
                {
                    "option": "60 PDUs (35 Education, 8 per Talent area) + renewal fee",
                    "missing": "54.5 PDU, 29.5 PDU (education), 8 PDU (education_ways_of_working), "
                    "2.5 PDU (education_power_skills), 8 PDU (education_business_acumen)",
                    "credits_missing": 54.5,
                    "exams_missing": [],
                    "deadline": "2028-06-01",
                }
            ],
        }
    ]
    # The lapsed cycle: suspended from E + 1, expired after the window (R-PMI-5); then earned again.
    assert result["events"] == [
        event("2020-01-10", "held", "PMP", "R-PMI-1", "PMP held: cycle 2020-01-10 to 2023-01-10"),
        event(
            "2023-01-11",
            "suspended",
            "PMP",
            "R-PMI-5",
            "PMP not renewed by 2023-01-10: suspended until 2024-01-10",
        ),
        event(
            "2024-01-11",
            "expired",
            "PMP",
            "R-PMI-5",
            "PMP expired from 2024-01-11; last active day 2023-01-10",
        ),
        event(
            "2024-06-01",
            "earned",
            "PMP",
            "R-PMI-1",
            "PMP earned again on 2024-06-01 by its exams: cycle 2024-06-01 to 2027-06-01",
        ),
    ]


def test_while_suspended_a_window_activity_counts_toward_the_ended_cycle() -> None:
    # as_of 2023-06-01, inside the suspension window (2023-01-10, 2024-01-10]: suspended,
    # expires_on stays 2023-01-10. An activity completed in the window (w1, 2023-03-01) counts
    # toward the ended cycle (R-FC-4). Counted: 12.25 + 8 + 17 + w1 6 = 43.25.
    data = {
        "holdings": LAPSED["holdings"],
        "activities": [
            *LAPSED["activities"][:4],
            act("w1", 6, "2023-03-01", "2023-03-02", category="education_business_acumen"),
        ],
    }
    result = run(PMI, data, date(2023, 6, 1))
    pmp = cert(result, "PMP")
    # days_left 2023-01-10 -> 2023-06-01 = 21 + 28 + 31 + 30 + 31 + 1 = 142: -142.
    assert (pmp["status"], pmp["expires_on"], pmp["days_left"], pmp["rule"]) == (
        "suspended",
        "2023-01-10",
        -142,
        "R-PMI-5",
    )
    assert pmp["explanation"] == (
        "PMP: suspended on 2023-06-01; cycle 2020-01-10 to 2023-01-10 not renewed: suspended until 2024-01-10, "
        "the end of the window (R-PMI-5)"
    )
    assert pmp["cycle"]["counted"] == 43.25
    # Years: 1 = [2020-01-10, 2021-01-10]: e1 12.25 + g1 8 = 20.25; 2 = (2021-01-10, 2022-01-10]:
    # g2 17; 3 = (2022-01-10, 2023-01-10]: w1, after E, counts in the last year: 6.
    assert [y["counted"] for y in pmp["cycle"]["years"]] == [20.25, 17, 6]
    assert activity(result, "w1")["explanation"] == "w1: counts 6 toward the cycle 2020-01-10 to 2023-01-10"
    # Still suspended: the next step is due by the window's end, 2024-01-10, 2023-06-01 ->
    # 2024-01-10 = 29 + 31 + 31 + 30 + 31 + 30 + 31 + 10 = 223 days ahead.
    assert (result["next"][0]["deadline"], result["next"][0]["days_left"]) == ("2024-01-10", 223)
    assert result["events"] == [
        event("2020-01-10", "held", "PMP", "R-PMI-1", "PMP held: cycle 2020-01-10 to 2023-01-10"),
        event("2023-01-11", "suspended", "PMP", "R-PMI-5", "PMP not renewed by 2023-01-10: suspended"),
    ]


def _rollover_record(extra_business: bool) -> dict[str, object]:
    # PMP from 2021-01-10: E = 2024-01-10; rollover window (E - 1 y, E] = (2023-01-10, 2024-01-10]
    # (R-PMI-6, no maximum). y1 is listed first on purpose: credits roll newest first, not in record order.
    acts = [
        act("y1", 3, "2024-01-10", "2024-01-11", category="education_ways_of_working"),
        act("w1", 10, "2021-06-01", "2021-06-02", category="education_ways_of_working"),
        act("p1", 10, "2021-07-01", "2021-07-02", category="education_power_skills"),
        act("b1", 10, "2021-08-01", "2021-08-02", category="education_business_acumen"),
        act("g1", 20, "2022-06-01", "2022-06-02", category="giving_back_other"),
        act("e0", 5, "2023-01-10", "2023-01-11", category="education_ways_of_working"),
        act("x1", 12, "2023-06-01", "2023-06-02", category="education_power_skills"),
        act("g2", 6, "2023-12-01", "2023-12-02", category="giving_back_other"),
        act("n1", 2, "2024-02-01", "2024-02-02", category="education_ways_of_working"),
    ]
    if extra_business:
        acts.append(act("k1", 20, "2022-01-01", "2022-01-02", category="education_business_acumen"))
    return {"holdings": [{"certification": "PMP", "earned_on": "2021-01-10"}], "activities": acts}


def test_rollover_takes_the_newest_excess_first_and_stops_at_the_total_excess() -> None:
    # Counting in date order: w1 10, p1 10, b1 10, g1 20 (50), e0 5 (55), x1 12 (67 >= 60; Education
    # 47 >= 35; ways 15, power 22, business 10 >= 8): renewed 2023-06-01, next end 2027-01-10.
    # g2 6: Giving Back 20 + 6 > 25: 5 count (capped). y1 3 on E. Old cycle: 75 in total, Education
    # 50, ways 18, power 22, business 10. Excess over each minimum: total 15, Education 15, ways 10,
    # power 14, business 2. Eligible (after 2023-01-10, e0 is on the boundary: not): y1, g2, x1, newest
    # first: y1 min(3, 15, 15, 10) = 3 (total 12, Education 12, ways 7); g2 min(5, total 12) = 5
    # (total 7); x1 min(12, 7, 12, 14) = 7. Rolled in: 15.
    result = run(PMI, _rollover_record(False), date(2024, 3, 1))
    rolled = {a["id"]: a["rolled_over"] for a in result["activities"]}
    assert rolled == {"y1": 3, "w1": 0, "p1": 0, "b1": 0, "g1": 0, "e0": 0, "x1": 7, "g2": 5, "n1": 0}
    pmp = cert(result, "PMP")
    assert (pmp["term_started_on"], pmp["expires_on"], pmp["recertified_on"]) == (
        "2024-01-11",
        "2027-01-10",
        "2023-06-01",
    )
    # The new cycle 2024-01-11 to 2027-01-10: 15 rolled in, plus n1 2 completed in the window after the
    # renewal (it counts toward the new cycle, R-FC-4): 17, all in year 1.
    cycle = pmp["cycle"]
    assert (cycle["starts_on"], cycle["counted"], cycle["rolled_in"]) == ("2024-01-11", 17, 15)
    assert [y["counted"] for y in cycle["years"]] == [17, 0, 0]
    assert cycle["categories"]["education_ways_of_working"]["counted"] == 5  # y1 3 + n1 2
    assert cycle["categories"]["education_power_skills"]["counted"] == 7
    assert cycle["categories"]["giving_back_other"]["counted"] == 5
    assert cycle["groups"]["education"]["counted"] == 12
    n1 = next(a for a in result["activities"] if a["id"] == "n1")
    assert (n1["cycle_ends_on"], n1["explanation"]) == (
        "2027-01-10",
        "n1: counts 2 toward the cycle 2024-01-11 to 2027-01-10",
    )
    renewal, roll = (e for e in result["events"] if e["kind"] in ("recertified", "rolled_over"))
    assert renewal == event(
        "2023-06-01", "recertified", "PMP", "R-PMI-2",
        "PMP renewed on 2023-06-01 by 60 PDUs (35 Education, 8 per Talent area) + renewal fee: cycle ending "
        "2024-01-10 is followed by one ending 2027-01-10",
        {"activities": ["w1", "p1", "b1", "g1", "e0", "x1"], "exams": []},
    )  # fmt: skip
    assert roll == event(
        "2024-01-11", "rolled_over", "PMP", "R-PMI-6", "15 PDU roll into the cycle from 2024-01-11"
    )


def test_an_activity_exactly_one_year_before_the_end_does_not_roll_over() -> None:
    # k1 20 business (2022-01-01) more: renewed on 2022-06-01 (w1, p1, b1, k1, g1 = 70; Education 50).
    # Old cycle: 95, Education 70, ways 18, power 22, business 30: excess total 35, Education 35,
    # ways 10, power 14. y1 3 (32, 32, ways 7), g2 5 (total 27), x1 min(12, 27, 32, 14) = 12 (total 15,
    # Education 20, power 2). e0 (2023-01-10 = E - 1 year) is outside (E - 1 y, E]: it would add 5.
    result = run(PMI, _rollover_record(True), date(2024, 3, 1))
    rolled = {a["id"]: a["rolled_over"] for a in result["activities"]}
    assert (rolled["y1"], rolled["g2"], rolled["x1"], rolled["e0"]) == (3, 5, 12, 0)
    pmp = cert(result, "PMP")
    assert (pmp["recertified_on"], pmp["cycle"]["rolled_in"], pmp["cycle"]["counted"]) == (
        "2022-06-01",
        20,
        22,
    )


def test_exam_passes_earn_the_certification_on_the_first_pass_and_never_from_a_later_one() -> None:
    # D-FIXED-4 / spec section 7: no holding, PMP passed on 2020-03-01 and again on 2021-05-01: earned
    # on the first pass, E = 2023-03-01 (R-PMI-1). The candidate id is echoed.
    data = {
        "candidate": "PMI-7",
        "holdings": [],
        "exams": [{"exam": "PMP", "passed_on": "2020-03-01"}, {"exam": "PMP", "passed_on": "2021-05-01"}],
    }
    result = run(PMI, data, date(2021, 6, 1))
    assert result["candidate"] == "PMI-7"
    assert (cert(result, "PMP")["term_started_on"], cert(result, "PMP")["expires_on"]) == (
        "2020-03-01",
        "2023-03-01",
    )
    # On the day of the first pass it is already held; before it, there is nothing.
    assert cert(run(PMI, data, date(2020, 3, 1)), "PMP")["status"] == "active"
    assert run(PMI, data, date(2020, 2, 29))["certifications"] == []


def test_the_exam_passed_on_the_last_day_of_the_window_does_not_earn_it_again() -> None:
    # PMP from 2020-01-10, never renewed: suspended from 2023-01-11, its window ends 2024-01-10 (one
    # year, R-PMI-5). The PMP exam passed on 2024-01-10, inside the window, is no option of PMP and the
    # certification has not lapsed yet: nothing is earned; expired from 2024-01-11 (last active day
    # 2023-01-10).
    data = {
        "holdings": [{"certification": "PMP", "earned_on": "2020-01-10"}],
        "exams": [{"exam": "PMP", "passed_on": "2024-01-10"}],
    }
    result = run(PMI, data, date(2024, 2, 1))
    assert [(e["on"], e["kind"]) for e in result["events"]] == [
        ("2020-01-10", "held"),
        ("2023-01-11", "suspended"),
        ("2024-01-11", "expired"),
    ]
    pmp = cert(result, "PMP")
    assert (pmp["status"], pmp["expires_on"], pmp["term_started_on"]) == (
        "expired",
        "2023-01-10",
        "2020-01-10",
    )
