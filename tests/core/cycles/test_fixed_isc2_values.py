"""ISC2 CISSP under the fixed-cycle evaluator: whole results worked out by hand from spec/programs.md.

Every activity's outcome, rule and explanation, every certification's status text, shortfalls,
cycle counts, events and next steps are compared in full, so that a changed number, date, rule
id or sentence fails a test (issue 17, mutation score).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fixed_helpers import ISC2, act, activity, cert, event, outcome, run

# CISSP earned 2021-03-01: E = 2024-03-01 (R-ISC2-1); grace (E, E + 90 d] = to 2024-05-30
# (March 30 days + April 30 + May 30 = 90, R-ISC2-4). Cycle years counted back from E (R-FC-7):
# year 3 = (2023-03-01, 2024-03-01], year 2 = (2022-03-01, 2023-03-01], year 1 = [2021-03-01, 2022-03-01].
SHORT = {
    "holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}],
    "activities": [
        act("a1", 60, "2021-06-01", "2021-06-02"),
        act("b1", 25, "2022-01-10", "2022-01-11", category="group_b"),
        act("b2", 10, "2022-02-01", "2022-02-02", category="group_b"),
        act("b3", 4, "2022-03-01", "2022-03-02", category="group_b"),
        act("p1", 20, "2023-05-01", "2023-05-02", status="pending"),
        act("r1", 8, "2023-06-01", "2023-06-02", status="rejected", decided_on="2023-07-01"),
        act("u1", 5, "2023-08-01"),
        act("f1", 5, "2024-05-01", "2024-05-01"),
        act("o1", 5, "2020-12-01", "2021-03-05"),
        act("d1", 7, "2022-05-01", "2022-05-02", item="course-x"),
        act("d2", 7, "2023-05-01", "2023-05-02", item="course-x"),
        act("l1", 3, "2024-01-10", "2024-06-01"),
    ],
}
CYCLE = "the cycle 2021-03-01 to 2024-03-01"


def _years(counted: tuple[float, float, float]) -> list[dict[str, Any]]:
    bounds = [("2021-03-01", "2022-03-01"), ("2022-03-02", "2023-03-01"), ("2023-03-02", "2024-03-01")]
    return [
        {"starts_on": s, "ends_on": e, "counted": c, "min": None, "max": None, "suggested": 40}
        for (s, e), c in zip(bounds, counted, strict=True)
    ]


def _common_outcomes() -> list[dict[str, Any]]:
    # Group B capped at 30 a cycle (R-ISC2-2): b1 25, b2 10 -> 5 counted (crosses the cap), b3 -> nothing left.
    return [
        outcome(
            "a1", "counted", 60, "R-FC-4", f"a1: counts 60 toward {CYCLE}",
            toward="CISSP", counted=60, cycle_end="2024-03-01", toward_all=("CISSP",),
        ),
        outcome(
            "b1", "counted", 25, "R-FC-4", f"b1: counts 25 toward {CYCLE}",
            toward="CISSP", counted=25, cycle_end="2024-03-01", toward_all=("CISSP",),
        ),
        outcome(
            "b2", "counted", 10, "R-FC-4", f"b2: counts 5 toward {CYCLE} (10 capped at the cycle cap of 30)",
            toward="CISSP", counted=5, capped="category_cap", cycle_end="2024-03-01", toward_all=("CISSP",),
        ),
        outcome(
            "b3", "rejected", 4, "R-ISC2-2",
            "b3: nothing left under the cap of 30 (cycle) when completed on 2022-03-01",
            reason="category_cap", capped="category_cap",
        ),
    ]  # fmt: skip


def test_a_short_cycle_inside_the_grace_window_is_suspended_with_every_outcome_explained() -> None:
    # as_of 2024-04-15 is inside (2024-03-01, 2024-05-30]: suspended (R-FC-8), expires_on stays E.
    # Counted: a1 60 + b1 25 + b2 5 + d1 7 = 97; Group A = a1 60 + d1 7 = 67; Group B = 30.
    # Years: year 1 = a1 + b1 + b2 = 90 (b3 on 2022-03-01 is rejected), year 2 = d1 7, year 3 = 0
    # (p1 is pending). Shortfalls: total 120 - 97 = 23, Group A 90 - 67 = 23.
    # p1 approved would give 117 and Group A 87: still short, so it is not awaited.
    # days_left: 2024-03-01 -> 2024-04-15 = 30 (March) + 15 = 45 days back: -45; deadline 45 ahead.
    result = run(ISC2, SHORT, date(2024, 4, 15))
    assert result["policy"] == {"id": "isc2-cissp", "version": "2015-01-01", "unit": "CPE"}
    assert result["pool"] is None
    assert result["certifications"] == [
        {
            "certification": "CISSP",
            "level": "cissp",
            "status": "suspended",
            "term_started_on": "2021-03-01",
            "expires_on": "2024-03-01",
            "days_left": -45,
            "recertified_on": None,
            "recertified_by": None,
            "retired": False,
            "awaiting": [],
            "rule": "R-ISC2-4",
            "explanation": "CISSP: suspended on 2024-04-15; cycle 2021-03-01 to 2024-03-01 not renewed: "
            "suspended until 2024-05-30, the end of the window (R-ISC2-4)",
            "cycle": {
                "starts_on": "2021-03-01",
                "ends_on": "2024-03-01",
                "required": 120,
                "counted": 97,
                "rolled_in": 0,
                "categories": {
                    "group_a": {"counted": 67, "min": 90, "max": None},
                    "group_b": {"counted": 30, "min": None, "max": 30},
                },
                "groups": {},
                "years": _years((90, 7, 0)),
                "served_by": None,
            },
            "grace_ends_on": "2024-05-30",
            "shortfalls": [
                {"rule": "R-ISC2-2", "kind": "total", "name": None, "needed": 120, "counted": 97},
                {"rule": "R-ISC2-2", "kind": "category_min", "name": "group_a", "needed": 90, "counted": 67},
            ],
        }
    ]
    assert result["activities"] == [
        *_common_outcomes(),
        outcome(
            "p1", "pending", 20, "R-FC-5",
            "p1: claimed on 2023-05-02 (pending), not approved by 2024-04-15; once approved it counts "
            "from 2023-05-01 toward the cycle ending 2024-03-01",
            toward="CISSP", cycle_end="2024-03-01", toward_all=("CISSP",),
        ),
        outcome("r1", "rejected", 8, "D-FC-5", "r1: rejected by the program on 2023-07-01", reason="rejected_by_program"),
        outcome("u1", "unclaimed", 5, "D-ASOF-1", "u1: not claimed by 2024-04-15 (claimed later or never)"),
        outcome("f1", "unclaimed", 5, "D-ASOF-1", "f1: not claimed by 2024-04-15 (completed later or never)"),
        outcome(
            "o1", "rejected", 5, "R-FC-4",
            "o1: completed on 2020-12-01, inside no cycle of CISSP that can still take credits",
            reason="outside_term",
        ),
        outcome(
            "d1", "counted", 7, "R-FC-4", f"d1: counts 7 toward {CYCLE}",
            toward="CISSP", counted=7, cycle_end="2024-03-01", toward_all=("CISSP",),
        ),
        outcome(
            "d2", "rejected", 7, "D-DUP-1", f"d2: item 'course-x' already counts in {CYCLE}",
            reason="duplicate_item",
        ),
        outcome("l1", "unclaimed", 3, "D-ASOF-1", "l1: not claimed by 2024-04-15 (claimed later or never)"),
    ]  # fmt: skip
    # Still recoverable: the deadline is the window's last day, 2024-05-30, 45 days ahead;
    # missing 23 in total and 23 of Group A (both listed, R-FC-3).
    assert result["next"] == [
        {
            "certification": "CISSP",
            "deadline": "2024-05-30",
            "days_left": 45,
            "options": [
                {
                    "option": "120 CPE (90 Group A) + AMF",
                    "missing": "23 CPE, 23 CPE (group_a)",
                    "credits_missing": 23,
                    "exams_missing": [],
                    "deadline": "2024-05-30",
                }
            ],
        }
    ]
    assert result["events"] == [
        event("2021-03-01", "held", "CISSP", "R-ISC2-1", "CISSP held: cycle 2021-03-01 to 2024-03-01"),
        event("2024-03-02", "suspended", "CISSP", "R-ISC2-4", "CISSP not renewed by 2024-03-01: suspended"),
    ]


def test_after_the_window_the_cycle_expired_and_a_pending_claim_that_would_renew_it_is_awaited() -> None:
    # as_of 2024-06-01 is after 2024-05-30: expired from 2024-05-31, last active day E = 2024-03-01.
    # f1 (2024-05-01, in the window, claimed the same day) now counts toward the ended cycle
    # (R-FC-4): 97 + 5 = 102, Group A 72, year 3 still 0 (f1 is after E: counted in the last year).
    # l1 was claimed on 2024-06-01, after the deadline E + 90 d = 2024-05-30: rejected (R-FC-5).
    # p1 approved: 2023-05-01 gives 117 / A 87, then f1 on 2024-05-01 gives 122 / A 92: renewed
    # 2024-05-01, expires 2027-03-01 instead of expired: p1 is awaited (R-FC-5).
    # days_left: 2024-03-01 -> 2024-06-01 = 30 + 30 + 31 = 92 days: -92.
    result = run(ISC2, SHORT, date(2024, 6, 1))
    cissp = cert(result, "CISSP")
    assert (cissp["status"], cissp["expires_on"], cissp["days_left"], cissp["awaiting"]) == (
        "expired",
        "2024-03-01",
        -92,
        ["p1"],
    )
    assert cissp["explanation"] == (
        "CISSP: expired on 2024-06-01; cycle 2021-03-01 to 2024-03-01 not renewed: expired, last active "
        "day 2024-03-01 (R-ISC2-4); unless pending claim p1 is approved (R-FC-5)"
    )
    assert cissp["cycle"]["counted"] == 102
    assert cissp["cycle"]["categories"]["group_a"]["counted"] == 72
    assert [y["counted"] for y in cissp["cycle"]["years"]] == [90, 7, 5]
    assert cissp["shortfalls"] == [
        {"rule": "R-ISC2-2", "kind": "total", "name": None, "needed": 120, "counted": 102},
        {"rule": "R-ISC2-2", "kind": "category_min", "name": "group_a", "needed": 90, "counted": 72},
    ]
    assert activity(result, "f1") == outcome(
        "f1", "counted", 5, "R-FC-4", f"f1: counts 5 toward {CYCLE}",
        toward="CISSP", counted=5, cycle_end="2024-03-01", toward_all=("CISSP",),
    )  # fmt: skip
    assert activity(result, "l1") == outcome(
        "l1", "rejected", 3, "R-FC-5",
        "l1: claimed on 2024-06-01, after the reporting deadline 2024-05-30 of the cycle ending 2024-03-01",
        reason="reported_after_deadline",
    )  # fmt: skip
    assert result["activities"][:4] == _common_outcomes()
    assert result["next"] == []  # expired: nothing can be done any more (R-FC-8)
    assert result["events"] == [
        event("2021-03-01", "held", "CISSP", "R-ISC2-1", "CISSP held: cycle 2021-03-01 to 2024-03-01"),
        event("2024-03-02", "suspended", "CISSP", "R-ISC2-4", "CISSP not renewed by 2024-03-01: suspended"),
        event(
            "2024-05-31",
            "expired",
            "CISSP",
            "R-ISC2-4",
            "CISSP expired from 2024-05-31; last active day 2024-03-01",
        ),
    ]


def test_two_pending_claims_each_enough_are_both_awaited_in_one_sentence() -> None:
    # 100 A approved by 2022; q1 and q2 (20 A each, pending) each bring the total to 120 and A to
    # 120: either one renews the cycle ending 2024-03-01, so both are awaited (R-FC-5).
    # as_of 2023-06-01 is inside the cycle: active, expires 2024-03-01, 274 days left
    # (2023-06-01 -> 2024-03-01: 30+31+31+30+31+30+31+31+29 = 274).
    data = {
        "holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}],
        "activities": [
            act("a1", 100, "2021-06-01", "2021-06-02"),
            act("q1", 20, "2023-01-10", "2023-01-11", status="pending"),
            act("q2", 20, "2023-02-10", "2023-02-11", status="audit"),
        ],
    }
    result = run(ISC2, data, date(2023, 6, 1))
    cissp = cert(result, "CISSP")
    assert (cissp["status"], cissp["expires_on"], cissp["days_left"], cissp["awaiting"]) == (
        "active",
        "2024-03-01",
        274,
        ["q1", "q2"],
    )
    assert cissp["explanation"] == (
        "CISSP: active on 2023-06-01; cycle 2021-03-01 to 2024-03-01; unless pending claims q1, q2 are approved (R-FC-5)"
    )
    # An audited claim cites the audit rule (R-ISC2-6), a pending one the reporting rule.
    assert activity(result, "q2") == outcome(
        "q2", "pending", 20, "R-ISC2-6",
        "q2: claimed on 2023-02-11 (audit), not approved by 2023-06-01; once approved it counts from "
        "2023-02-10 toward the cycle ending 2024-03-01",
        toward="CISSP", cycle_end="2024-03-01", toward_all=("CISSP",),
    )  # fmt: skip
    # Year minimums are advisory (D-ISC2-1): no year_min shortfall although year 2 has 0 counted.
    assert cissp["shortfalls"] == [
        {"rule": "R-ISC2-2", "kind": "total", "name": None, "needed": 120, "counted": 100},
        # Group A 100 >= 90: met.
    ]
    # next: 20 missing, deadline the window's last day 2024-05-30 (the window admits completing),
    # 364 days ahead (274 + 90).
    assert result["next"][0]["deadline"] == "2024-05-30"
    assert result["next"][0]["days_left"] == 364
    assert result["next"][0]["options"][0]["missing"] == "20 CPE"
    assert result["next"][0]["options"][0]["credits_missing"] == 20


# CISSP and ISSAP from 2021-03-01 (E = 2024-03-01), AMF paid through E. a1 100 Group A; c1 30 Group A
# naming ISSAP on 2023-12-01: 130 >= 120, A 130 >= 90, fees 2024-03-01 >= E: renewed 2023-12-01
# (R-FC-3); ISSAP has 30 >= 20 named credits and renews with the CISSP that day (R-ISC2-8).
RENEWED = {
    "holdings": [
        {"certification": "CISSP", "earned_on": "2021-03-01", "fees_paid_through": "2024-03-01"},
        {"certification": "ISSAP", "earned_on": "2021-03-01"},
    ],
    "activities": [
        act("a1", 100, "2021-06-01", "2021-06-02"),
        act("c1", 30, "2023-12-01", "2023-12-02", applies_to=["ISSAP"]),
    ],
}
CISSP_OPTION = "120 CPE (90 Group A) + AMF"
ISSAP_OPTION = "20 Group A CPE naming the concentration"


def test_an_early_renewal_shows_the_next_end_and_the_next_cycle_in_full() -> None:
    # as_of 2024-01-15, still inside the cycle: expires_on is already E + 3 y = 2027-03-01 (R-FC-3),
    # term_started_on stays 2021-03-01 until E + 1. days_left 2024-01-15 -> 2027-03-01:
    # 366 + 365 + 365 (to 2027-01-15) + 16 + 28 + 1 = 1141.
    result = run(ISC2, RENEWED, date(2024, 1, 15))
    cissp, issap = cert(result, "CISSP"), cert(result, "CISSP-ISSAP")
    assert [c["certification"] for c in result["certifications"]] == ["CISSP", "CISSP-ISSAP"]  # rank 2 first
    for status, option in ((cissp, CISSP_OPTION), (issap, ISSAP_OPTION)):
        assert (status["status"], status["term_started_on"], status["expires_on"], status["days_left"]) == (
            "active",
            "2021-03-01",
            "2027-03-01",
            1141,
        )
        assert (status["recertified_on"], status["recertified_by"], status["rule"]) == (
            "2023-12-01",
            option,
            "R-ISC2-1",
        )
        assert status["shortfalls"] == []
        assert status["grace_ends_on"] == "2024-05-30"
    assert cissp["explanation"] == (
        f"CISSP: active on 2024-01-15; cycle 2021-03-01 to 2024-03-01, renewed on 2023-12-01 ({CISSP_OPTION}): "
        "expires 2027-03-01"
    )
    assert issap["explanation"] == (
        f"CISSP-ISSAP: active on 2024-01-15; cycle 2021-03-01 to 2024-03-01, renewed on 2023-12-01 "
        f"({ISSAP_OPTION}): expires 2027-03-01"
    )
    # The concentration's cycle: only c1 names it (30 counted), no minimum or cap of its own by
    # category; served by its leader (R-ISC2-8); the 20 named credits are its requirement.
    assert issap["cycle"] == {
        "starts_on": "2021-03-01",
        "ends_on": "2024-03-01",
        "required": 20,
        "counted": 30,
        "rolled_in": 0,
        "categories": {
            "group_a": {"counted": 30, "min": None, "max": None},
            "group_b": {"counted": 0, "min": None, "max": None},
        },
        "groups": {},
        "years": [
            {"starts_on": "2021-03-01", "ends_on": "2022-03-01", "counted": 0, "min": None, "max": None, "suggested": None},
            {"starts_on": "2022-03-02", "ends_on": "2023-03-01", "counted": 0, "min": None, "max": None, "suggested": None},
            {"starts_on": "2023-03-02", "ends_on": "2024-03-01", "counted": 30, "min": None, "max": None, "suggested": None},
        ],
        "served_by": "CISSP",
    }  # fmt: skip
    assert cissp["cycle"]["served_by"] is None
    assert activity(result, "c1") == outcome(
        "c1", "counted", 30, "R-FC-4", "c1: counts 30 toward the cycle 2021-03-01 to 2024-03-01",
        toward="CISSP", counted=30, cycle_end="2024-03-01", toward_all=("CISSP", "CISSP-ISSAP"),
    )  # fmt: skip
    # Nothing is due in the renewed cycle: each next step is the following cycle 2024-03-02 to
    # 2027-03-01 in full (D-FIXED-9), due by its window's end 2027-03-01 + 90 d = 2027-05-30,
    # 1096 (to 2027-01-15) + 16 + 28 + 31 + 30 + 30 = 1231 days ahead. The AMF is paid through
    # 2024-03-01 only: the CISSP also needs fees paid through 2027-03-01 (R-ISC2-7).
    assert result["next"] == [
        {
            "certification": "CISSP",
            "deadline": "2027-05-30",
            "days_left": 1231,
            "options": [
                {
                    "option": CISSP_OPTION,
                    "missing": "120 CPE, 90 CPE (group_a), fees paid through 2027-03-01",
                    "credits_missing": 120,
                    "exams_missing": [],
                    "deadline": "2027-05-30",
                }
            ],
        },
        {
            "certification": "CISSP-ISSAP",
            "deadline": "2027-05-30",
            "days_left": 1231,
            "options": [
                {
                    "option": ISSAP_OPTION,
                    "missing": "20 CPE (CISSP-ISSAP)",
                    "credits_missing": 0,
                    "exams_missing": [],
                    "deadline": "2027-05-30",
                }
            ],
        },
    ]
    renewal = "renewed on 2023-12-01 by {}: cycle ending 2024-03-01 is followed by one ending 2027-03-01"
    assert result["events"] == [
        event("2021-03-01", "held", "CISSP", "R-ISC2-1", "CISSP held: cycle 2021-03-01 to 2024-03-01"),
        event("2021-03-01", "held", "CISSP-ISSAP", "R-ISC2-1", "CISSP-ISSAP held: cycle 2021-03-01 to 2024-03-01"),
        event(
            "2023-12-01", "recertified", "CISSP", "R-ISC2-2", "CISSP " + renewal.format(CISSP_OPTION),
            {"activities": ["a1", "c1"], "exams": []},
        ),
        event(
            "2023-12-01", "recertified", "CISSP-ISSAP", "R-ISC2-8", "CISSP-ISSAP " + renewal.format(ISSAP_OPTION),
            {"activities": ["c1"], "exams": []},
        ),
    ]  # fmt: skip


def test_in_the_next_cycle_the_excess_of_the_last_six_months_rolls_in() -> None:
    # as_of 2024-06-01: the cycle 2024-03-02 to 2027-03-01 is current (term_started_on E + 1).
    # Rollover R = min(40, 130 - 120 = 10, A 130 - 90 = 40, Group A completed in
    # (2023-09-01, 2024-03-01] = c1 30) = 10, taken from c1 (R-ISC2-5); ISSAP rolls nothing.
    # The new cycle: counted 10 = rolled_in 10, all in year 1 (2024-03-02 to 2025-03-01).
    # Its requirements are due at its end: no shortfalls now (D-FIXED-1); next lists
    # 120 - 10 = 110, Group A 90 - 10 = 80 and the fees. days_left 2024-06-01 -> 2027-03-01:
    # 2024-06-01 -> 2027-06-01 = 365 + 365 + 365 = 1095, minus 92 (March 31 + April 30 + May 31) = 1003.
    result = run(ISC2, RENEWED, date(2024, 6, 1))
    cissp, issap = cert(result, "CISSP"), cert(result, "CISSP-ISSAP")
    assert (cissp["term_started_on"], cissp["expires_on"], cissp["recertified_on"], cissp["days_left"]) == (
        "2024-03-02",
        "2027-03-01",
        "2023-12-01",
        1003,
    )
    assert cissp["explanation"] == "CISSP: active on 2024-06-01; cycle 2024-03-02 to 2027-03-01"
    assert cissp["shortfalls"] == []
    assert (cissp["cycle"]["counted"], cissp["cycle"]["rolled_in"]) == (10, 10)
    assert [y["counted"] for y in cissp["cycle"]["years"]] == [10, 0, 0]
    assert cissp["cycle"]["categories"]["group_a"] == {"counted": 10, "min": 90, "max": None}
    assert (issap["cycle"]["counted"], issap["cycle"]["rolled_in"]) == (0, 0)
    assert activity(result, "c1")["rolled_over"] == 10
    assert activity(result, "a1")["rolled_over"] == 0  # completed before 2023-09-01
    assert (
        result["next"][0]["options"][0]["missing"]
        == "110 CPE, 80 CPE (group_a), fees paid through 2027-03-01"
    )
    assert result["next"][0]["options"][0]["credits_missing"] == 110
    assert result["events"][-1] == event(
        "2024-03-02", "rolled_over", "CISSP", "R-ISC2-5", "10 CPE roll into the cycle from 2024-03-02"
    )


def test_a_concentration_without_the_cissp_reads_never_active_and_has_no_events() -> None:
    # D-FIXED-2: ISSMP held from 2023-03-01 without a CISSP: expired, its term the day before
    # (2023-02-28); days_left 2023-02-28 -> 2023-06-01 = 93 days back. No cycle: no events, no next step.
    result = run(
        ISC2, {"holdings": [{"certification": "ISSMP", "earned_on": "2023-03-01"}]}, date(2023, 6, 1)
    )
    issmp = cert(result, "CISSP-ISSMP")
    assert {
        k: issmp[k] for k in ("level", "status", "days_left", "retired", "rule", "explanation", "cycle")
    } == {
        "retired": False,
        "level": "concentration",
        "status": "expired",
        "days_left": -93,
        "rule": "R-ISC2-1",
        "explanation": "CISSP-ISSMP: held only with CISSP, which the record does not hold: never active",
        "cycle": None,
    }
    assert (issmp["grace_ends_on"], issmp["shortfalls"], issmp["recertified_on"], issmp["awaiting"]) == (
        None,
        [],
        None,
        [],
    )
    assert (result["events"], result["next"]) == ([], [])
