"""Boundaries of the fixed-cycle rules, each pinned from both sides with values worked out by hand.

spec/programs.md R-FC-1 to R-FC-10 and the program sections; the embedded policies, and variants
built with ``recert.policy_from_mapping`` where a rule is not used by the four programs.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fixed_helpers import COMPTIA, ISACA, ISC2, act, activity, cert, event, outcome, policy_data, run

import recert

NET, SEC, CYSA = "CompTIA Network+", "CompTIA Security+", "CompTIA CySA+"


def test_certmaster_ce_on_the_first_day_of_the_cycle_renews_and_exam_codes_are_read_in_any_case() -> None:
    # Network+ from 2022-01-10 (E 2025-01-10). CertMaster CE counts from the cycle's first day,
    # [S, E] (R-CT-5): passed on S (written in lower case), it renews that day: 2028-01-10. An exam
    # outside the catalog, given with its kind, changes nothing.
    data = {
        "holdings": [{"certification": "Network+", "earned_on": "2022-01-10"}],
        "exams": [
            {"exam": "cmce-n+", "passed_on": "2022-01-10"},
            {"exam": "ZZZ-1", "kind": "core", "passed_on": "2022-02-01"},
        ],
    }
    result = run(COMPTIA, data, date(2022, 3, 1))
    net = cert(result, NET)
    assert (net["recertified_on"], net["recertified_by"], net["expires_on"]) == (
        "2022-01-10",
        "CertMaster CE for Network+",
        "2028-01-10",
    )
    assert result["events"][-1]["uses"] == {"activities": [], "exams": ["CMCE-N+ on 2022-01-10"]}
    # The exam that earns Network+ passed on S is the earning itself, not a renewal (D-CT-4).
    again = {"holdings": data["holdings"], "exams": [{"exam": "N10-009", "passed_on": "2022-01-10"}]}
    assert cert(run(COMPTIA, again, date(2022, 3, 1)), NET)["recertified_on"] is None


def test_a_work_experience_year_that_meets_both_caps_at_once_cites_the_yearly_cap() -> None:
    # A+ from 2021-01-10 (E 2024-01-10): years (2021-01-10 .. 2022-01-10], ... Work experience is
    # capped at 3 a cycle year and 9 a cycle (R-CT-3). w1 3 (year 1), w2 3 (year 2), w3 5 in year 3:
    # 3 left under both caps; the yearly cap comes first in the policy: annual_cap. w4 1 more: nothing left.
    data = {
        "holdings": [{"certification": "A+", "earned_on": "2021-01-10"}],
        "activities": [
            act("w1", 3, "2021-05-01", "2021-05-02", category="work_experience"),
            act("w2", 3, "2022-05-01", "2022-05-02", category="work_experience"),
            act("w3", 5, "2023-05-01", "2023-05-02", category="work_experience"),
            act("w4", 1, "2023-06-01", "2023-06-02", category="work_experience"),
        ],
    }
    result = run(COMPTIA, data, date(2023, 7, 1))
    assert activity(result, "w3") == outcome(
        "w3", "counted", 5, "R-FC-4",
        "w3: counts 3 toward the cycle 2021-01-10 to 2024-01-10 (5 capped at the year cap of 3)",
        toward="CompTIA A+", counted=3, capped="annual_cap", cycle_end="2024-01-10", toward_all=("CompTIA A+",),
    )  # fmt: skip
    assert activity(result, "w4") == outcome(
        "w4", "rejected", 1, "R-CT-3", "w4: nothing left under the cap of 3 (year) when completed on 2023-06-01",
        reason="annual_cap", capped="annual_cap",
    )  # fmt: skip


def test_activities_on_the_last_day_of_a_cycle_year_count_in_that_year() -> None:
    # CISSP from 2021-03-01: year 1 ends 2022-03-01, year 2 ends 2023-03-01 (R-FC-7).
    data = {
        "holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}],
        "activities": [
            act("s1", 4, "2021-03-01", "2021-03-02"),
            act("y1", 5, "2022-03-01", "2022-03-02"),
            act("y2", 6, "2023-03-01", "2023-03-02"),
        ],
    }
    # s1 on the cycle's first day counts (R-FC-4).
    years = cert(run(ISC2, data, date(2023, 4, 1)), "CISSP")["cycle"]["years"]
    assert [y["counted"] for y in years] == [9, 6, 0]


def test_the_last_day_of_the_window_is_still_suspended() -> None:
    # CISSP E 2024-03-01, window to 2024-05-30 (R-ISC2-4): suspended on 2024-05-30, expired on 2024-05-31.
    data = {"holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}]}
    assert cert(run(ISC2, data, date(2024, 5, 30)), "CISSP")["status"] == "suspended"
    assert cert(run(ISC2, data, date(2024, 5, 31)), "CISSP")["status"] == "expired"


def test_next_on_the_cycle_end_is_due_that_day_and_in_the_window_by_the_window_end() -> None:
    # Network+ 2021-09-01, E 2024-09-01; CompTIA's window admits no activities (R-CT-7): on E the
    # deadline is E (0 days left); after E, suspended, the window's end 2024-10-01 (30 days).
    data = {"holdings": [{"certification": "Network+", "earned_on": "2021-09-01"}]}
    on_end = run(COMPTIA, data, date(2024, 9, 1))["next"][0]
    assert (on_end["deadline"], on_end["days_left"]) == ("2024-09-01", 0)
    late = run(COMPTIA, data, date(2024, 9, 10))["next"][0]
    assert (late["deadline"], late["days_left"]) == ("2024-10-01", 21)
    # The next step's rule is the cycle's (the result objects carry it).
    evaluation = recert.evaluate(
        recert.record_from_mapping(data, policy=COMPTIA), as_of=date(2024, 9, 1), policy=COMPTIA
    )
    assert evaluation.next[0].rule == "R-CT-1"
    assert evaluation.certifications[0].fixed_cycle is True


def test_a_concentration_whose_cissp_is_short_has_nothing_missing_of_its_own() -> None:
    # CISSP 2021-03-01, 100 Group A: short of 120. ISSAP: c1 25 Group A naming it (>= 20) but it
    # renews only with its CISSP (R-ISC2-8): not renewed, and its own option lacks nothing.
    # Named Group B credits (n1, 15) do not count toward the 20 Group A (R-ISC2-8).
    data = {
        "holdings": [
            {"certification": "CISSP", "earned_on": "2021-03-01"},
            {"certification": "ISSAP", "earned_on": "2021-03-01"},
        ],
        "activities": [
            act("a1", 75, "2021-06-01", "2021-06-02"),
            act("c1", 25, "2022-06-01", "2022-06-02", applies_to=["ISSAP"]),
            act("n1", 15, "2022-07-01", "2022-07-02", category="group_b", applies_to=["CISSP-ISSAP"]),
        ],
    }
    result = run(ISC2, data, date(2023, 1, 1))
    issap = cert(result, "CISSP-ISSAP")
    assert (issap["recertified_on"], issap["shortfalls"]) == (None, [])
    step = next(s for s in result["next"] if s["certification"] == "CISSP-ISSAP")
    assert step["options"][0]["missing"] == "nothing"
    # Only c1's 25 are named Group A; n1 counts for the ISSAP cycle as Group B.
    assert issap["cycle"]["categories"]["group_a"]["counted"] == 25
    # CISSP: 75 + 25 + 15 = 115 < 120 (Group B 15 under its cap of 30), Group A 100 >= 90.
    assert cert(result, "CISSP")["shortfalls"] == [
        {"rule": "R-ISC2-2", "kind": "total", "name": None, "needed": 120, "counted": 115}
    ]


def test_a_named_group_b_credit_does_not_complete_the_concentration_minimum() -> None:
    # ISSAP needs 20 Group A credits naming it: 10 Group A + 15 Group B named = 10 of Group A: short,
    # although the CISSP renews (a1 110 + c1 10 = 120, A 120).
    data = {
        "holdings": [
            {"certification": "CISSP", "earned_on": "2021-03-01"},
            {"certification": "ISSAP", "earned_on": "2021-03-01"},
        ],
        "activities": [
            act("a1", 110, "2021-06-01", "2021-06-02"),
            act("c1", 10, "2022-06-01", "2022-06-02", applies_to=["ISSAP"]),
            act("n1", 15, "2022-07-01", "2022-07-02", category="group_b", applies_to=["ISSAP"]),
        ],
    }
    result = run(ISC2, data, date(2023, 1, 1))
    assert cert(result, "CISSP")["recertified_on"] == "2022-06-01"
    issap = cert(result, "CISSP-ISSAP")
    assert (issap["recertified_on"], issap["shortfalls"]) == (
        None,
        [{"rule": "R-ISC2-8", "kind": "concentration", "name": "CISSP-ISSAP", "needed": 20, "counted": 10}],
    )


def test_on_the_last_day_of_a_cycle_opened_by_a_renewal_nothing_is_short_yet() -> None:
    # CISSP renewed early (a1 120 on 2021-06-01): the cycle 2024-03-02 to 2027-03-01 is opened by the
    # renewal; on its last day it is still inside it: no shortfalls (D-FIXED-1).
    data = {
        "holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}],
        "activities": [act("a1", 120, "2021-06-01", "2021-06-02")],
    }
    cissp = cert(run(ISC2, data, date(2027, 3, 1)), "CISSP")
    assert (cissp["term_started_on"], cissp["status"], cissp["shortfalls"]) == ("2024-03-02", "active", [])


def _isaca(expires: str | None, activities: list[dict[str, Any]]) -> dict[str, Any]:
    holding: dict[str, Any] = {"certification": "CISA", "earned_on": "2022-01-01"}
    if expires:
        holding["expires_on"] = expires
    return {"holdings": [holding], "activities": activities}


def test_a_year_that_ended_short_shows_before_its_deadline_and_exactly_twenty_is_enough() -> None:
    # CISA from 2022-01-01 (period to 2024-12-31). 2022: 15 hours. On 2023-01-10 the year is over,
    # its deadline (2023-01-15) not yet passed: active, with a year_min shortfall (R-ISACA-2).
    short = _isaca(None, [act("h1", 15, "2022-03-01", "2022-03-05")])
    cisa = cert(run(ISACA, short, date(2023, 1, 10)), "CISA")
    assert cisa["status"] == "active"
    assert cisa["shortfalls"] == [
        {"rule": "R-ISACA-2", "kind": "total", "name": None, "needed": 120, "counted": 15},
        {"rule": "R-ISACA-2", "kind": "year_min", "name": "year 1", "needed": 20, "counted": 15},
    ]
    # On 2022-12-31 the year is not over: only the total.
    cisa = cert(run(ISACA, short, date(2022, 12, 31)), "CISA")
    assert [s["kind"] for s in cisa["shortfalls"]] == ["total"]
    # Exactly 20 in 2022: not short, not revoked after the deadline.
    enough = _isaca(None, [act("h1", 20, "2022-03-01", "2022-03-05")])
    cisa = cert(run(ISACA, enough, date(2023, 2, 1)), "CISA")
    assert (cisa["status"], [s["kind"] for s in cisa["shortfalls"]]) == ("active", ["total"])


def test_a_given_period_end_before_15_january_has_its_window_to_that_15_january() -> None:
    # A given expires_on wins (D-ISACA-2): E = 2024-01-10; the window ends on the first 15 January
    # after E: 2024-01-15 (R-ISACA-3). 20 hours in each of 2022 and 2023 keep every ended year at
    # its minimum; the period is short (40 < 120): suspended on 2024-01-12.
    hours = [act("h1", 20, "2022-03-01", "2022-03-05"), act("h2", 20, "2023-03-01", "2023-03-05")]
    cisa = cert(run(ISACA, _isaca("2024-01-10", hours), date(2024, 1, 12)), "CISA")
    assert (cisa["expires_on"], cisa["grace_ends_on"], cisa["status"]) == (
        "2024-01-10",
        "2024-01-15",
        "suspended",
    )
    # E = 2025-01-15 itself: not after E, so the next one, 2026-01-15.
    cisa = cert(run(ISACA, _isaca("2025-01-15", hours), date(2024, 6, 1)), "CISA")
    assert (cisa["expires_on"], cisa["grace_ends_on"], cisa["status"]) == (
        "2025-01-15",
        "2026-01-15",
        "active",
    )


def test_the_intent_level_keeps_an_activity_from_every_lower_certification() -> None:
    # CySA+, Security+ and Network+ all active (R-CT-4): t1 counts toward CySA+ only; neither lower
    # cycle counts it.
    data = {
        "holdings": [
            {"certification": "CySA+", "earned_on": "2022-02-01"},
            {"certification": "Security+", "earned_on": "2022-02-01"},
            {"certification": "Network+", "earned_on": "2022-02-01"},
        ],
        "activities": [act("t1", 10, "2022-06-01", "2022-06-02")],
    }
    result = run(COMPTIA, data, date(2022, 7, 1))
    assert [cert(result, n)["cycle"]["counted"] for n in (CYSA, SEC, NET)] == [10, 0, 0]
    assert activity(result, "t1")["counted_toward_all"] == [CYSA]


def test_a_late_claim_inside_a_cycle_beats_outside_every_other_cycle() -> None:
    # Network+ 2019-01-10 (E 2022-01-10, window to 2022-02-09), Security+ from 2023-01-01. x1 completed
    # 2021-06-01 (in Network+'s cycle, before Security+'s) claimed 2022-03-01, after Network+'s
    # deadline 2022-02-09: the late claim is the reason given (R-FC-5), not outside_term (D-FC-5).
    data = {
        "holdings": [
            {"certification": "Security+", "earned_on": "2023-01-01"},
            {"certification": "Network+", "earned_on": "2019-01-10"},
        ],
        "activities": [act("x1", 10, "2021-06-01", "2022-03-01")],
    }
    result = run(COMPTIA, data, date(2023, 6, 1))
    assert activity(result, "x1") == outcome(
        "x1", "rejected", 10, "R-FC-5",
        "x1: claimed on 2022-03-01, after the reporting deadline 2022-02-09 of the cycle ending 2022-01-10",
        reason="reported_after_deadline",
    )  # fmt: skip


def test_an_activity_with_no_certification_to_count_toward_is_outside_every_cycle() -> None:
    # No holding at all; then only a concentration without its CISSP (no cycle, D-FIXED-2).
    a1 = act("a1", 10, "2021-06-01", "2021-06-02")
    text = "a1: completed on 2021-06-01, in no cycle of a certification the record holds that it can count toward"
    expected = outcome("a1", "rejected", 10, "R-FC-4", text, reason="outside_term")
    assert run(ISC2, {"holdings": [], "activities": [a1]}, date(2022, 1, 1))["activities"] == [expected]
    alone = {"holdings": [{"certification": "ISSEP", "earned_on": "2021-01-01"}], "activities": [a1]}
    assert run(ISC2, alone, date(2022, 1, 1))["activities"] == [expected]
    # Completed on as_of and never claimed: "claimed later or never".
    today = {"holdings": [], "activities": [act("u1", 1, "2022-01-01")]}
    assert activity(run(ISC2, today, date(2022, 1, 1)), "u1")["explanation"] == (
        "u1: not claimed by 2022-01-01 (claimed later or never)"
    )


def test_an_expired_higher_certification_leaves_the_next_step_of_a_lower_one() -> None:
    # Security+ 2021-04-01 (E 2024-04-01, expired after 2024-05-01); Network+ 2022-06-01 (E 2025-06-01).
    data = {
        "holdings": [
            {"certification": "Security+", "earned_on": "2021-04-01"},
            {"certification": "Network+", "earned_on": "2022-06-01"},
        ]
    }
    result = run(COMPTIA, data, date(2024, 11, 1))
    assert [s["certification"] for s in result["next"]] == [NET]
    # Events of both, the lower one's after the expired higher one's (sorted by date, then name).
    assert [(e["on"], e["kind"], e["certification"]) for e in result["events"]] == [
        ("2021-04-01", "held", SEC),
        ("2022-06-01", "held", NET),
        ("2024-04-02", "suspended", SEC),
        ("2024-05-02", "expired", SEC),
    ]


def _no_window_pmi() -> recert.Policy:
    data = policy_data("pmi-pmp")
    del data["lifecycle"]["window"]
    data["lifecycle"]["reporting"]["deadline"] = "cycle_end"
    return recert.policy_from_mapping(data)


def test_without_a_window_a_cycle_not_renewed_expires_the_next_day() -> None:
    # A PMI variant without the suspension window (R-FC-8: after E, not renewed, no window: expired).
    # PMP 2019-01-10, E 2022-01-10: expired from 2022-01-11, rule of the cycle (R-PMI-1).
    policy = _no_window_pmi()
    data: dict[str, Any] = {"holdings": [{"certification": "PMP", "earned_on": "2019-01-10"}]}
    result = run(policy, data, date(2022, 6, 1))
    pmp = cert(result, "PMP")
    assert (pmp["status"], pmp["expires_on"], pmp["rule"], pmp["grace_ends_on"]) == (
        "expired",
        "2022-01-10",
        "R-PMI-1",
        None,
    )
    assert pmp["explanation"] == (
        "PMP: expired on 2022-06-01; cycle 2019-01-10 to 2022-01-10 not renewed: expired, last active day 2022-01-10 (R-PMI-1)"
    )
    expired = event(
        "2022-01-11", "expired", "PMP", "R-PMI-1", "PMP expired from 2022-01-11; last active day 2022-01-10"
    )
    assert result["events"][1:] == [expired]
    # Earned again by the exam on 2023-03-01: the lapsed cycle's end is one "expired" event.
    data["exams"] = [{"exam": "PMP", "passed_on": "2023-03-01"}]
    again = run(policy, data, date(2023, 6, 1))
    assert again["events"][1:] == [
        event("2022-01-11", "expired", "PMP", "R-PMI-1", "PMP not renewed by 2022-01-10: expired"),
        event(
            "2023-03-01",
            "earned",
            "PMP",
            "R-PMI-1",
            "PMP earned again on 2023-03-01 by its exams: cycle 2023-03-01 to 2026-03-01",
        ),
    ]
