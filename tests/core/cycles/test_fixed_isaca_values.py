"""ISACA CISA under the fixed-cycle evaluator: calendar periods, a short year, revocation, earning again.

Values worked out by hand from spec/programs.md section 5 and the embedded ``isaca-cisa`` policy.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fixed_helpers import ISACA, act, cert, event, outcome, policy_data, run

import recert

# CISA from 2022-01-01 with the given period end 2024-12-31 (D-ISACA-2). Calendar years (R-ISACA-1).
# Year 1 = 2022: h1 10 + h2 5 (claimed 2023-01-10, by the deadline 2023-01-15) = 15 < 20: revoked from
# 2023-01-16, last active day the deadline 2023-01-15 (R-ISACA-4). h3 (2023-01-05) was completed while
# active: counted in year 2. h4 (2023-01-20) comes after the revocation.
SHORT_YEAR: dict[str, Any] = {
    "holdings": [{"certification": "CISA", "earned_on": "2022-01-01", "expires_on": "2024-12-31"}],
    "activities": [
        act("h1", 10, "2022-03-01", "2022-03-05"),
        act("h2", 5, "2022-12-20", "2023-01-10"),
        act("h3", 30, "2023-01-05", "2023-01-06"),
        act("h4", 8, "2023-01-20", "2023-01-21"),
    ],
}
FIRST = "the cycle 2022-01-01 to 2024-12-31"


def _first_outcomes() -> list[dict[str, Any]]:
    return [
        outcome(
            f"h{i}", "counted", c, "R-FC-4", f"h{i}: counts {c} toward {FIRST}",
            toward="CISA", counted=c, cycle_end="2024-12-31", toward_all=("CISA",),
        )
        for i, c in ((1, 10), (2, 5), (3, 30))
    ]  # fmt: skip


def test_a_short_first_year_revokes_the_holding_the_day_after_its_deadline() -> None:
    # as_of 2023-02-01: revoked; days_left 2023-01-15 -> 2023-02-01 = 17 days back.
    result = run(ISACA, SHORT_YEAR, date(2023, 2, 1))
    cisa = cert(result, "CISA")
    assert (cisa["status"], cisa["expires_on"], cisa["days_left"], cisa["rule"]) == (
        "revoked",
        "2023-01-15",
        -17,
        "R-ISACA-4",
    )
    assert cisa["explanation"] == (
        "CISA: revoked on 2023-02-01; cycle 2022-01-01 to 2024-12-31 not renewed: revoked, last active day "
        "2023-01-15 (R-ISACA-4)"
    )
    assert cisa["shortfalls"] == [
        {"rule": "R-ISACA-2", "kind": "year_min", "name": "year 1", "needed": 20, "counted": 15}
    ]
    # Years of the period: 2022, 2023, 2024, each with the minimum 20 (R-ISACA-2); no suggestion.
    assert cisa["cycle"]["years"] == [
        {
            "starts_on": f"{y}-01-01",
            "ends_on": f"{y}-12-31",
            "counted": c,
            "min": 20,
            "max": None,
            "suggested": None,
        }
        for y, c in ((2022, 15), (2023, 30), (2024, 0))
    ]
    assert cisa["cycle"]["categories"] == {"cpe": {"counted": 45, "min": None, "max": None}}
    assert cisa["grace_ends_on"] == "2025-01-15"  # the period's window: to the first 15 January after E
    assert result["activities"] == [
        *_first_outcomes(),
        outcome(
            "h4", "rejected", 8, "R-FC-4", "h4: completed on 2023-01-20, after CISA was revoked from 2023-01-16",
            reason="outside_term",
        ),
    ]  # fmt: skip
    assert result["next"] == []
    # Revoked by a year: no suspension, revoked from the day after the deadline.
    assert result["events"] == [
        event("2022-01-01", "held", "CISA", "R-ISACA-1", "CISA held: cycle 2022-01-01 to 2024-12-31"),
        event(
            "2023-01-16",
            "revoked",
            "CISA",
            "R-ISACA-4",
            "CISA revoked from 2023-01-16; last active day 2023-01-15",
        ),
    ]


def test_earned_again_after_a_revocation_the_old_cycle_keeps_its_revocation_event() -> None:
    # The CISA exam passed again on 2023-06-10 earns it again (R-FC-1): a new period from
    # 2023-06-10 to 31 December 2023 + 3 = 2026-12-31 (not a 1 January start, R-ISACA-1), its year 1
    # the stub to 2024-12-31 (D-ISACA-3). h6 (2023-09-01, 12) counts toward it.
    data = {**SHORT_YEAR, "exams": [{"exam": "CISA", "passed_on": "2023-06-10"}]}
    data["activities"] = [*SHORT_YEAR["activities"], act("h6", 12, "2023-09-01", "2023-09-02")]
    result = run(ISACA, data, date(2024, 3, 1))
    cisa = cert(result, "CISA")
    # days_left 2024-03-01 -> 2026-12-31: 365 + 365 to 2026-03-01, then 305 to 2026-12-31 = 1035.
    assert (cisa["status"], cisa["term_started_on"], cisa["expires_on"], cisa["days_left"]) == (
        "active",
        "2023-06-10",
        "2026-12-31",
        1035,
    )
    assert cisa["explanation"] == "CISA: active on 2024-03-01; cycle 2023-06-10 to 2026-12-31"
    # No year of the new period is over on 2024-03-01: only the total is short (no fees date given).
    assert cisa["shortfalls"] == [
        {"rule": "R-ISACA-2", "kind": "total", "name": None, "needed": 120, "counted": 12}
    ]
    assert [(y["starts_on"], y["ends_on"], y["counted"]) for y in cisa["cycle"]["years"]] == [
        ("2023-06-10", "2024-12-31", 12),
        ("2025-01-01", "2025-12-31", 0),
        ("2026-01-01", "2026-12-31", 0),
    ]
    assert result["activities"][:3] == _first_outcomes()
    assert result["activities"][4] == outcome(
        "h6", "counted", 12, "R-FC-4", "h6: counts 12 toward the cycle 2023-06-10 to 2026-12-31",
        toward="CISA", counted=12, cycle_end="2026-12-31", toward_all=("CISA",),
    )  # fmt: skip
    # The window admits no activities: the deadline is the period end itself, 1035 days ahead; every
    # year minimum is listed (108 in total, year 1 8 more, years 2 and 3 20 each).
    assert result["next"] == [
        {
            "certification": "CISA",
            "deadline": "2026-12-31",
            "days_left": 1035,
            "options": [
                {
                    "option": "120 CPE hours, 20 every year + maintenance fee",
                    "missing": "108 CPE hours, 8 CPE hours (year 1), 20 CPE hours (year 2), 20 CPE hours (year 3)",
                    "credits_missing": 108,
                    "exams_missing": [],
                    "deadline": "2026-12-31",
                }
            ],
        }
    ]
    assert result["events"] == [
        event("2022-01-01", "held", "CISA", "R-ISACA-1", "CISA held: cycle 2022-01-01 to 2024-12-31"),
        event(
            "2023-01-16",
            "revoked",
            "CISA",
            "R-ISACA-4",
            "CISA revoked from 2023-01-16; last active day 2023-01-15",
        ),
        event(
            "2023-06-10",
            "earned",
            "CISA",
            "R-ISACA-1",
            "CISA earned again on 2023-06-10 by its exams: cycle 2023-06-10 to 2026-12-31",
        ),
    ]


# Every year has 20 or more, but the period totals 40 + 40 + 30 = 110 < 120: not renewed at its end
# 2024-12-31; suspended from 2025-01-01 to the deadline 2025-01-15 (R-ISACA-3), revoked from 2025-01-16
# with the period end as the last active day (R-ISACA-4). The maintenance fee is paid through E.
PERIOD_SHORT: dict[str, Any] = {
    "holdings": [
        {
            "certification": "CISA",
            "earned_on": "2022-01-01",
            "expires_on": "2024-12-31",
            "fees_paid_through": "2024-12-31",
        }
    ],
    "activities": [
        act("h1", 40, "2022-05-01", "2022-05-02"),
        act("h2", 40, "2023-05-01", "2023-05-02"),
        act("h3", 30, "2024-11-01", "2024-11-05"),
    ],
}


def test_a_period_short_in_total_is_suspended_to_15_january_then_revoked_from_the_16th() -> None:
    result = run(ISACA, PERIOD_SHORT, date(2025, 1, 10))
    cisa = cert(result, "CISA")
    # days_left 2024-12-31 -> 2025-01-10 = 10 days back.
    assert (cisa["status"], cisa["expires_on"], cisa["days_left"]) == ("suspended", "2024-12-31", -10)
    assert cisa["explanation"] == (
        "CISA: suspended on 2025-01-10; cycle 2022-01-01 to 2024-12-31 not renewed: suspended until 2025-01-15, "
        "the end of the window (R-ISACA-4)"
    )
    assert cisa["shortfalls"] == [
        {"rule": "R-ISACA-2", "kind": "total", "name": None, "needed": 120, "counted": 110}
    ]
    # Suspended: hours may still be reported by 2025-01-15 (5 days ahead), not completed.
    assert (result["next"][0]["deadline"], result["next"][0]["days_left"]) == ("2025-01-15", 5)
    assert result["next"][0]["options"][0]["missing"] == "10 CPE hours"
    held = event("2022-01-01", "held", "CISA", "R-ISACA-1", "CISA held: cycle 2022-01-01 to 2024-12-31")
    suspended = event(
        "2025-01-01", "suspended", "CISA", "R-ISACA-4", "CISA not renewed by 2024-12-31: suspended"
    )
    assert result["events"] == [held, suspended]

    later = run(ISACA, PERIOD_SHORT, date(2025, 1, 20))
    cisa = cert(later, "CISA")
    assert (cisa["status"], cisa["expires_on"], cisa["days_left"]) == ("revoked", "2024-12-31", -20)
    assert cisa["explanation"] == (
        "CISA: revoked on 2025-01-20; cycle 2022-01-01 to 2024-12-31 not renewed: revoked, last active day "
        "2024-12-31 (R-ISACA-4)"
    )
    assert later["next"] == []
    assert later["events"] == [
        held,
        suspended,
        event(
            "2025-01-16",
            "revoked",
            "CISA",
            "R-ISACA-4",
            "CISA revoked from 2025-01-16; last active day 2024-12-31",
        ),
    ]


def test_a_revocation_without_a_window_names_the_cycle_rule() -> None:
    # ISACA without its 1-15 January window (a variant): CISA from 2022-01-01 (period to 2024-12-31);
    # 2022 has a1 10 hours, short of 20 by the yearly deadline 2023-01-15 (R-ISACA-3): revoked from
    # 2023-01-16. With no window to name, the revocation names the cycle rule, R-ISACA-1, on 2023-03-01
    # and still once the CISA exam passed on 2023-06-01 earns it again (period 2023-06-01 to
    # 2026-12-31: another date than 1 January ends 31 December of its year + 3, R-ISACA-1).
    data = policy_data("isaca-cisa")
    del data["lifecycle"]["window"]
    policy = recert.policy_from_mapping(data)
    record: dict[str, Any] = {
        "holdings": [{"certification": "CISA", "earned_on": "2022-01-01"}],
        "activities": [act("a1", 10, "2022-05-01", "2022-05-01", category="cpe")],
    }
    revoked = event(
        "2023-01-16",
        "revoked",
        "CISA",
        "R-ISACA-1",
        "CISA revoked from 2023-01-16; last active day 2023-01-15",
    )
    result = run(policy, record, date(2023, 3, 1))
    assert result["events"][-1] == revoked
    assert (cert(result, "CISA")["status"], cert(result, "CISA")["expires_on"]) == ("revoked", "2023-01-15")
    record["exams"] = [{"exam": "CISA", "passed_on": "2023-06-01"}]
    result = run(policy, record, date(2023, 7, 1))
    assert result["events"][1:] == [
        revoked,
        event(
            "2023-06-01",
            "earned",
            "CISA",
            "R-ISACA-1",
            "CISA earned again on 2023-06-01 by its exams: cycle 2023-06-01 to 2026-12-31",
        ),
    ]


def test_the_exam_passed_on_the_day_of_the_revocation_earns_it_again_that_day() -> None:
    # CISA from 2022-01-01; 2022 has a1 10 hours: revoked from 2023-01-16 (R-ISACA-4). The CISA exam
    # passed on 2023-01-16 itself earns it again that day: period 2023-01-16 to 2026-12-31 (R-ISACA-1).
    data = {
        "holdings": [{"certification": "CISA", "earned_on": "2022-01-01"}],
        "exams": [{"exam": "CISA", "passed_on": "2023-01-16"}],
        "activities": [act("a1", 10, "2022-05-01", "2022-05-01", category="cpe")],
    }
    result = run(ISACA, data, date(2023, 3, 1))
    assert result["events"][1:] == [
        event(
            "2023-01-16",
            "revoked",
            "CISA",
            "R-ISACA-4",
            "CISA revoked from 2023-01-16; last active day 2023-01-15",
        ),
        event(
            "2023-01-16",
            "earned",
            "CISA",
            "R-ISACA-1",
            "CISA earned again on 2023-01-16 by its exams: cycle 2023-01-16 to 2026-12-31",
        ),
    ]
    cisa = cert(result, "CISA")
    assert (cisa["status"], cisa["term_started_on"], cisa["expires_on"]) == (
        "active",
        "2023-01-16",
        "2026-12-31",
    )
