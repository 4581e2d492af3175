"""More fixed-cycle rules pinned at their edges, values worked out by hand from spec/programs.md."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fixed_helpers import COMPTIA, ISACA, ISC2, act, activity, cert, policy_data, run

import recert

NET, SEC = "CompTIA Network+", "CompTIA Security+"


def test_a_certification_earned_on_the_first_day_of_a_validity_takes_that_validity() -> None:
    # A+ validity: lifetime, then 3 years for cycles starting on or after 2011-01-01 (R-CT-1).
    # Earned 2011-01-01: a 3-year cycle to 2014-01-01; earned 2010-12-31: Good for Life.
    on = cert(
        run(COMPTIA, {"holdings": [{"certification": "A+", "earned_on": "2011-01-01"}]}, date(2012, 1, 1)),
        "CompTIA A+",
    )
    assert (on["expires_on"], on["cycle"]["ends_on"]) == ("2014-01-01", "2014-01-01")
    before = cert(
        run(COMPTIA, {"holdings": [{"certification": "A+", "earned_on": "2010-12-31"}]}, date(2012, 1, 1)),
        "CompTIA A+",
    )
    assert (before["expires_on"], before["cycle"]) == (None, None)


def test_a_two_year_cycle_has_a_one_day_first_year() -> None:
    # Given end 2023-03-01 for a cycle from 2021-03-01 (R-FC-1): years counted back from E (R-FC-7):
    # year 3 (2022-03-01, 2023-03-01], year 2 (2021-03-01, 2022-03-01], year 1 = [2021-03-01, E - 2 y]
    # = [2021-03-01, 2021-03-01].
    data = {"holdings": [{"certification": "CISSP", "earned_on": "2021-03-01", "expires_on": "2023-03-01"}]}
    years = cert(run(ISC2, data, date(2022, 1, 1)), "CISSP")["cycle"]["years"]
    assert [(y["starts_on"], y["ends_on"]) for y in years] == [
        ("2021-03-01", "2021-03-01"),
        ("2021-03-02", "2022-03-01"),
        ("2022-03-02", "2023-03-01"),
    ]


def test_a_last_isaca_year_ending_on_15_january_is_reported_by_the_next_15_january() -> None:
    # Given E = 2025-01-15 (D-ISACA-2): years 2022-01-01..2023-12-31 (with the stub), 2024, and
    # 2025-01-01..2025-01-15. The first 15 January after that last year is 2026-01-15 (R-ISACA-3):
    # h3 (2025-01-10) claimed on 2025-06-01 is in time and counts.
    data = {
        "holdings": [{"certification": "CISA", "earned_on": "2022-01-01", "expires_on": "2025-01-15"}],
        "activities": [
            act("h1", 40, "2022-03-01", "2022-03-05"),
            act("h2", 20, "2024-03-01", "2024-03-05"),
            act("h3", 5, "2025-01-10", "2025-06-01"),
        ],
    }
    result = run(ISACA, data, date(2025, 7, 1))
    assert activity(result, "h3")["outcome"] == "counted"
    assert [y["counted"] for y in cert(result, "CISA")["cycle"]["years"]] == [40, 20, 5]


def _cisa(activities: list[dict[str, Any]]) -> dict[str, Any]:
    return {"holdings": [{"certification": "CISA", "earned_on": "2022-01-01"}], "activities": activities}


def test_an_isaca_year_is_revoked_only_the_day_after_its_deadline() -> None:
    # 2022 has 15 hours. h2 completed and claimed on the deadline 2023-01-15 counts (in 2023); the
    # holding is revoked from 2023-01-16 (R-ISACA-4).
    data = _cisa([act("h1", 15, "2022-03-01", "2022-03-05"), act("h2", 10, "2023-01-15", "2023-01-15")])
    result = run(ISACA, data, date(2023, 2, 1))
    assert activity(result, "h2")["outcome"] == "counted"
    assert (cert(result, "CISA")["status"], cert(result, "CISA")["expires_on"]) == ("revoked", "2023-01-15")


def test_a_short_last_year_revokes_with_the_period_end_as_the_last_active_day() -> None:
    # 2022: 50, 2023: 60, 2024: 10 (< 20). 120 in total, but the last year is short: not renewed;
    # after its deadline 2025-01-15, revoked from 2025-01-16, last active day E = 2024-12-31 (R-ISACA-4).
    data = _cisa(
        [
            act("h1", 50, "2022-03-01", "2022-03-05"),
            act("h2", 60, "2023-03-01", "2023-03-05"),
            act("h3", 10, "2024-03-01", "2024-03-05"),
        ]
    )
    cisa = cert(run(ISACA, data, date(2025, 2, 1)), "CISA")
    assert (cisa["status"], cisa["expires_on"], cisa["recertified_on"]) == ("revoked", "2024-12-31", None)
    assert cisa["shortfalls"] == [
        {"rule": "R-ISACA-2", "kind": "year_min", "name": "year 3", "needed": 20, "counted": 10}
    ]


def test_an_activity_the_intent_level_rejected_is_not_passed_on_to_a_lower_certification() -> None:
    # Security+ 2020-02-01 (E 2023-02-01) renewed by CertMaster CE on 2022-06-01 (next end 2026-02-01);
    # Network+ 2021-06-01 (E 2024-06-01). x1 (2022-12-01, in both cycles) is claimed 2023-04-01, after
    # Security+'s deadline E + 30 d = 2023-03-03: Security+, the intent level, rejects it (R-FC-5) and
    # keeps it (its cycle did not lapse): Network+ never counts it (R-CT-4). x2 repeats an item
    # Security+ already counted in that cycle: a duplicate for Security+, not passed on either.
    data = {
        "holdings": [
            {"certification": "Security+", "earned_on": "2020-02-01"},
            {"certification": "Network+", "earned_on": "2021-06-01"},
        ],
        "exams": [{"exam": "CMCE-S+", "passed_on": "2022-06-01"}],
        "activities": [
            act("x1", 10, "2022-12-01", "2023-04-01"),
            act("d1", 4, "2022-07-01", "2022-07-02", item="course-9"),
            act("x2", 4, "2022-08-01", "2022-08-02", item="course-9"),
        ],
    }
    result = run(COMPTIA, data, date(2023, 6, 1))
    x1, x2 = activity(result, "x1"), activity(result, "x2")
    assert (x1["outcome"], x1["reason"], x1["counted_toward"]) == (
        "rejected",
        "reported_after_deadline",
        None,
    )
    assert (x2["outcome"], x2["reason"], x2["counted_toward"]) == ("rejected", "duplicate_item", None)
    assert cert(result, NET)["cycle"]["counted"] == 0


def test_a_same_day_activity_counts_toward_the_cycle_a_passed_exam_opens() -> None:
    # Security+ 2022-02-01 (E 2025-02-01); SY0-701 passed again on 2023-05-01 renews it from that day:
    # a new cycle 2023-05-01 to 2026-05-01 (D-CT-4), opened before the day's activities (D-DAY-1):
    # t1 completed the same day counts toward the new cycle.
    data = {
        "holdings": [{"certification": "Security+", "earned_on": "2022-02-01"}],
        "exams": [{"exam": "SY0-701", "passed_on": "2023-05-01"}],
        "activities": [act("t1", 5, "2023-05-01", "2023-05-02")],
    }
    t1 = activity(run(COMPTIA, data, date(2023, 6, 1)), "t1")
    assert (t1["cycle_ends_on"], t1["explanation"]) == (
        "2026-05-01",
        "t1: counts 5 toward the cycle 2023-05-01 to 2026-05-01",
    )


def test_a_renewal_on_the_last_day_of_a_lower_cycle_still_aligns_it() -> None:
    # Network+ 2021-03-01 (E 2024-03-01); Security+ earned before it (2021-02-01, given end 2024-06-01),
    # renewed by CertMaster CE on 2024-03-01: next end 2027-06-01. Network+ is active on that day (its
    # last): aligned to 2027-06-01 (R-CT-6), active on 2024-03-15.
    data = {
        "holdings": [
            {"certification": "Security+", "earned_on": "2021-02-01", "expires_on": "2024-06-01"},
            {"certification": "Network+", "earned_on": "2021-03-01"},
        ],
        "exams": [{"exam": "CMCE-S+", "passed_on": "2024-03-01"}],
    }
    net = cert(run(COMPTIA, data, date(2024, 3, 15)), NET)
    assert (net["status"], net["expires_on"], net["recertified_by"]) == (
        "active",
        "2027-06-01",
        f"aligned with {SEC}",
    )


def test_a_higher_renewal_the_same_day_never_shortens_a_lower_renewal() -> None:
    # Network+ 2022-01-10 (E 2025-01-10) and Security+ 2021-06-01 (E 2024-06-01, earned before
    # Network+) both renew by CertMaster CE on 2023-05-01: Network+ to 2028-01-10, Security+ to
    # 2027-06-01. Aligning Network+ to 2027-06-01 would shorten it: it keeps 2028-01-10 (D-CT-5).
    data = {
        "holdings": [
            {"certification": "Security+", "earned_on": "2021-06-01"},
            {"certification": "Network+", "earned_on": "2022-01-10"},
        ],
        "exams": [
            {"exam": "CMCE-S+", "passed_on": "2023-05-01"},
            {"exam": "CMCE-N+", "passed_on": "2023-05-01"},
        ],
    }
    net = cert(run(COMPTIA, data, date(2023, 6, 1)), NET)
    assert (net["expires_on"], net["recertified_by"]) == ("2028-01-10", "CertMaster CE for Network+")


def test_rollover_stops_at_its_maximum_of_40() -> None:
    # CISSP 2021-03-01 (E 2024-03-01): a1 120 renews it on 2021-06-01. r1 30 (2023-10-01) and r2 30
    # (2024-01-10), Group A, in the last 6 months (2023-09-01, 2024-03-01]. Excess: total 180 - 120 = 60,
    # Group A 180 - 90 = 90. Newest first: r2 min(40, 30, 60, 90) = 30, then r1 min(40 - 30 = 10, 30,
    # 30, 60) = 10. 40 roll in (R-ISC2-5).
    data = {
        "holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}],
        "activities": [
            act("a1", 120, "2021-06-01", "2021-06-02"),
            act("r1", 30, "2023-10-01", "2023-10-02"),
            act("r2", 30, "2024-01-10", "2024-01-11"),
        ],
    }
    result = run(ISC2, data, date(2024, 6, 1))
    assert {a["id"]: a["rolled_over"] for a in result["activities"]} == {"a1": 0, "r1": 10, "r2": 30}
    assert cert(result, "CISSP")["cycle"]["rolled_in"] == 40


def test_an_activity_naming_every_concentration_counts_toward_the_cissp_too() -> None:
    # D-ISC2-5: credits naming concentrations also count inside the CISSP's 120.
    data = {
        "holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}],
        "activities": [act("c1", 30, "2022-01-10", "2022-01-11", applies_to=["ISSAP", "ISSEP", "ISSMP"])],
    }
    c1 = activity(run(ISC2, data, date(2022, 6, 1)), "c1")
    assert (c1["outcome"], c1["counted_toward"], c1["counted_credits"]) == ("counted", "CISSP", 30)


def test_credits_lower_certifications_took_over_name_only_the_keeper() -> None:
    # Spec case CT-10 shape: Security+ 2021-04-01 lapsed (E 2024-04-01, expired after 2024-05-01) with t1
    # (2023-05-01) counted; Network+ 2022-06-01 (E 2025-06-01) takes t1 over once Security+ lapsed
    # (D-CT-2): t1 counts toward Network+ only (the intent level names its keeper, D-DESIGN-4).
    data = {
        "holdings": [
            {"certification": "Security+", "earned_on": "2021-04-01"},
            {"certification": "Network+", "earned_on": "2022-06-01"},
        ],
        "activities": [act("t1", 20, "2023-05-01", "2023-05-02")],
    }
    t1 = activity(run(COMPTIA, data, date(2024, 11, 1)), "t1")
    assert (t1["counted_toward"], t1["counted_toward_all"], t1["cycle_ends_on"]) == (NET, [NET], "2025-06-01")


def test_numbers_are_rounded_to_six_decimals_and_whole_numbers_are_integers() -> None:
    # A claim without a status is pending once claimed (record format); 0.1234567 counts as 0.123457.
    data = {
        "holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}],
        "activities": [
            act("p1", 5, "2021-05-01", "2021-05-02", status=None),
            act("q1", 0.1234567, "2021-05-01", "2021-05-02"),
            act("w1", 60, "2021-05-03", "2021-05-04"),
        ],
    }
    result = run(ISC2, data, date(2021, 6, 1))
    assert activity(result, "p1")["explanation"] == (
        "p1: claimed on 2021-05-02 (pending), not approved by 2021-06-01; once approved it counts from "
        "2021-05-01 toward the cycle ending 2024-03-01"
    )
    assert activity(result, "q1")["counted_credits"] == 0.123457
    text = json.dumps(result)
    assert '"counted_credits": 60,' in text  # an integer, not 60.0
    assert '"required": 120,' in text


def test_a_certification_own_caps_and_options_and_a_level_lifecycle_win_over_the_defaults() -> None:
    # A variant of the ISC2 policy (DESIGN.md 1.1, 1.10): the CISSP gets its own cap (Group B 10 a
    # cycle) and its own option (80 Group A, then 100 in total); its level a 10-day window; and the
    # policy does not define D-FC-5, so the loader adds recert's own wording of it (source
    # "recert") and a rejection by the program still cites a rule id of the policy.
    data = policy_data("isc2-cissp")
    cissp = next(c for c in data["certifications"] if c["name"] == "CISSP")
    cissp["caps"] = [{"categories": ["group_b"], "max": 10, "rule": "R-ISC2-2"}]
    cissp["options"] = [
        {
            "label": "100 CPE, 80 Group A",
            "rule": "R-ISC2-2",
            "requirements": [
                {"ce_credits": 80, "categories": ["group_a"], "rule": "R-ISC2-2"},
                {"ce_credits": 100, "rule": "R-ISC2-2"},
            ],
        }
    ]
    data["levels"]["cissp"]["lifecycle"] = {"window": {"days": 10, "rule": "R-ISC2-4"}}
    del data["rules"]["D-FC-5"]
    policy = recert.policy_from_mapping(data)
    assert policy.rule("D-FC-5").source == ("recert",)
    record = {
        "holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}],
        "activities": [
            act("b1", 15, "2021-06-01", "2021-06-02", category="group_b"),
            act("a1", 50, "2021-07-01", "2021-07-02"),
            act("r1", 5, "2021-08-01", "2021-08-02", status="rejected"),
        ],
    }
    # E 2024-03-01; window E + 10 d = 2024-03-11: suspended on 2024-03-05. b1: 10 of 15 under the
    # CISSP's own cap. Required: the total of its own option, 100; short 80 - 50 = 30 of Group A
    # and 100 - 60 = 40 in total, in the option's order.
    result = run(policy, record, date(2024, 3, 5))
    status = cert(result, "CISSP")
    assert (status["status"], status["grace_ends_on"]) == ("suspended", "2024-03-11")
    assert (status["cycle"]["required"], status["cycle"]["counted"]) == (100, 60)
    assert status["cycle"]["categories"]["group_b"] == {"counted": 10, "min": None, "max": 10}
    assert status["cycle"]["categories"]["group_a"] == {"counted": 50, "min": 80, "max": None}
    assert status["shortfalls"] == [
        {"rule": "R-ISC2-2", "kind": "category_min", "name": "group_a", "needed": 80, "counted": 50},
        {"rule": "R-ISC2-2", "kind": "total", "name": None, "needed": 100, "counted": 60},
    ]
    assert result["next"][0]["options"][0]["missing"] == "30 CPE (group_a), 40 CPE"
    assert activity(result, "b1")["counted_credits"] == 10
    assert (activity(result, "r1")["reason"], activity(result, "r1")["rule"]) == (
        "rejected_by_program",
        "D-FC-5",
    )


def test_a_period_revoked_at_its_end_then_earned_again_keeps_its_suspension_and_revocation() -> None:
    # Period 2022-01-01 to 2024-12-31 with 40 + 40 + 30 = 110 < 120: suspended from 2025-01-01,
    # revoked from the day after 2025-01-15 (R-ISACA-4). The CISA exam passed on 2025-03-01 earns it
    # again: a new period 2025-03-01 to 2028-12-31 (R-ISACA-1).
    data = {
        "holdings": [{"certification": "CISA", "earned_on": "2022-01-01", "expires_on": "2024-12-31"}],
        "exams": [{"exam": "CISA", "passed_on": "2025-03-01"}],
        "activities": [
            act("h1", 40, "2022-05-01", "2022-05-02"),
            act("h2", 40, "2023-05-01", "2023-05-02"),
            act("h3", 30, "2024-11-01", "2024-11-05"),
        ],
    }
    result = run(ISACA, data, date(2025, 4, 1))
    assert [(e["on"], e["kind"], e["rule"], e["detail"]) for e in result["events"]] == [
        ("2022-01-01", "held", "R-ISACA-1", "CISA held: cycle 2022-01-01 to 2024-12-31"),
        (
            "2025-01-01",
            "suspended",
            "R-ISACA-4",
            "CISA not renewed by 2024-12-31: suspended until 2025-01-15",
        ),
        ("2025-01-16", "revoked", "R-ISACA-4", "CISA revoked from 2025-01-16; last active day 2024-12-31"),
        (
            "2025-03-01",
            "earned",
            "R-ISACA-1",
            "CISA earned again on 2025-03-01 by its exams: cycle 2025-03-01 to 2028-12-31",
        ),
    ]


def test_on_the_last_day_of_its_window_the_intent_level_still_keeps_its_credits() -> None:
    # Security+ 2021-04-01 (E 2024-04-01, window to 2024-05-01) not renewed; Network+ 2022-06-01.
    # t1 (2023-05-01) stays with Security+ while it is recoverable, through 2024-05-01 (R-CT-4,
    # D-DESIGN-4); from 2024-05-02 it passes to Network+ (D-CT-2).
    data = {
        "holdings": [
            {"certification": "Security+", "earned_on": "2021-04-01"},
            {"certification": "Network+", "earned_on": "2022-06-01"},
        ],
        "activities": [act("t1", 20, "2023-05-01", "2023-05-02")],
    }
    assert activity(run(COMPTIA, data, date(2024, 5, 1)), "t1")["counted_toward"] == SEC
    assert activity(run(COMPTIA, data, date(2024, 5, 2)), "t1")["counted_toward"] == NET


def test_a_pending_claim_at_the_intent_level_names_the_certification_it_waits_for() -> None:
    # p1 pending toward the highest active certification, Security+ (R-CT-4, R-FC-5).
    data = {
        "holdings": [
            {"certification": "Security+", "earned_on": "2022-02-01"},
            {"certification": "Network+", "earned_on": "2022-02-01"},
        ],
        "activities": [act("p1", 5, "2022-06-01", "2022-06-02", status="pending")],
    }
    p1 = activity(run(COMPTIA, data, date(2022, 7, 1)), "p1")
    assert (p1["outcome"], p1["counted_toward"], p1["counted_toward_all"]) == ("pending", SEC, [SEC])


def test_a_claim_deadline_at_the_cycle_end_ignores_the_window() -> None:
    # A PMI variant whose claims are due by the cycle end (DESIGN.md 1.5 deadline = "cycle_end"):
    # PMP 2021-01-10, E 2024-01-10; c1 completed 2023-12-01, claimed 2024-01-20 (inside the one-year
    # window, after E): reported after the deadline 2024-01-10 (R-FC-5).
    data = policy_data("pmi-pmp")
    data["lifecycle"]["reporting"]["deadline"] = "cycle_end"
    policy = recert.policy_from_mapping(data)
    record = {
        "holdings": [{"certification": "PMP", "earned_on": "2021-01-10"}],
        "activities": [act("c1", 5, "2023-12-01", "2024-01-20", category="education_power_skills")],
    }
    c1 = activity(run(policy, record, date(2024, 2, 1)), "c1")
    assert (c1["reason"], c1["explanation"]) == (
        "reported_after_deadline",
        "c1: claimed on 2024-01-20, after the reporting deadline 2024-01-10 of the cycle ending 2024-01-10",
    )


def test_of_two_holdings_of_one_certification_the_later_one_is_evaluated() -> None:
    # The record's latest holding of a certification is its current one (spec section 7).
    data = {
        "holdings": [
            {"certification": "CISSP", "earned_on": "2021-03-01"},
            {"certification": "CISSP", "earned_on": "2018-03-01"},
        ]
    }
    result = run(ISC2, data, date(2022, 1, 1))
    assert [(c["term_started_on"], c["expires_on"]) for c in result["certifications"]] == [
        ("2021-03-01", "2024-03-01")
    ]


def test_whole_sums_of_fractions_are_written_as_integers() -> None:
    # 12.5 + 7.5 = 20: the cycle counts 20, written 20, not 20.0.
    data = {
        "holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}],
        "activities": [
            act("f1", 12.5, "2021-05-01", "2021-05-02"),
            act("f2", 7.5, "2021-05-03", "2021-05-04"),
        ],
    }
    text = json.dumps(cert(run(ISC2, data, date(2021, 6, 1)), "CISSP")["cycle"])
    assert '"counted": 20,' in text


def _cited(value: Any) -> set[str]:
    """Every ``rule`` value anywhere in a JSON result."""
    if isinstance(value, dict):
        found = {value["rule"]} if isinstance(value.get("rule"), str) else set()
        for item in value.values():
            found |= _cited(item)
        return found
    if isinstance(value, list):
        return set().union(*map(_cited, value)) if value else set()
    return set()


def test_a_fixed_cycle_policy_without_the_generic_rules_cites_only_rule_ids_it_defines() -> None:
    # The CompTIA policy with every R-FC-* and D-FC-* rule taken out of [rules]: the loader adds
    # recert's wording of those the evaluator cites (source "recert"), so no result cites a rule
    # id the policy lacks. Security+ earned 2022-04-10: cycle to 2022-04-10 + 3 years = 2025-04-10.
    # a1 (2023-03-01) is in the cycle and counts (R-FC-4); r1 is rejected by the program (reason
    # order D-FC-5); o1 (2021-01-01) is before the holding's start: outside_term (R-FC-4).
    data = policy_data("comptia")
    generic = sorted(rid for rid in data["rules"] if rid.startswith(("R-FC-", "D-FC-")))
    assert generic == [f"D-FC-{n}" for n in (2, 3, 4, 5)] + [f"R-FC-{n}" for n in range(1, 10)]
    for rid in generic:
        del data["rules"][rid]
    policy = recert.policy_from_mapping(data)
    record = {
        "holdings": [{"certification": "CompTIA Security+", "earned_on": "2022-04-10"}],
        "activities": [
            act("a1", 30, "2023-03-01", "2023-03-05", category="training"),
            act("r1", 5, "2023-05-01", "2023-05-02", status="rejected", category="training"),
            act("o1", 5, "2021-01-01", "2021-01-02", category="training"),
        ],
    }
    result = run(policy, record, date(2023, 6, 1))
    assert [(a["id"], a["outcome"], a["reason"], a["rule"]) for a in result["activities"]] == [
        ("a1", "counted", None, "R-FC-4"),
        ("r1", "rejected", "rejected_by_program", "D-FC-5"),
        ("o1", "rejected", "outside_term", "R-FC-4"),
    ]
    assert _cited(result) <= set(policy.rules)
    assert policy.rule("R-FC-4").source == policy.rule("D-FC-5").source == ("recert",)
