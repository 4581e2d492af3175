"""The fixed-cycle evaluator on records the 36 cases do not cover, worked out by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import recert
from recert.report.text import render_text

POLICIES = Path(recert.__file__).parent / "io" / "policies"
ISC2 = recert.load_policy(POLICIES / "isc2-cissp.toml")
PMI = recert.load_policy(POLICIES / "pmi-pmp.toml")
COMPTIA = recert.load_policy(POLICIES / "comptia.toml")


def run(policy: recert.Policy, data: dict[str, Any], as_of: date) -> dict[str, Any]:
    record = recert.record_from_mapping(data, policy=policy)
    result: dict[str, Any] = recert.evaluate(record, as_of=as_of, policy=policy).to_dict()
    return result


def by_name(result: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in result["certifications"] if c["certification"] == name)


def test_a_concentration_renews_with_the_cissp_and_rolls_nothing_over() -> None:
    # CISSP E = 2021-03-01 + 3 y = 2024-03-01. a1 100 A, b1 10 B: 110 < 120. c1 30 A naming ISSAP on
    # 2023-12-01: A 130, total 140 >= 120: renewed 2023-12-01, next cycle 2024-03-02 .. 2027-03-01.
    # ISSAP: named A 30 >= 20 on the same day: renewed 2023-12-01 too (D-DESIGN-7).
    # Rollover (R-ISC2-5): min(40, 140 - 120 = 20, 130 - 90 = 40, A in (2023-09-01, 2024-03-01] = 30) = 20,
    # from c1; the concentration rolls nothing (R-ISC2-8).
    data = {
        "holdings": [
            {"certification": "CISSP", "earned_on": "2021-03-01"},
            {"certification": "ISSAP", "earned_on": "2021-03-01"},
        ],
        "activities": [
            {
                "id": "a1",
                "credits": 100,
                "completed_on": "2021-06-01",
                "claimed_on": "2021-06-02",
                "status": "approved",
            },
            {
                "id": "b1",
                "category": "group_b",
                "credits": 10,
                "completed_on": "2022-01-01",
                "claimed_on": "2022-01-02",
                "status": "approved",
            },
            {
                "id": "c1",
                "credits": 30,
                "completed_on": "2023-12-01",
                "claimed_on": "2023-12-02",
                "status": "approved",
                "applies_to": ["ISSAP"],
            },
        ],
    }
    result = run(ISC2, data, date(2024, 6, 1))
    cissp, issap = by_name(result, "CISSP"), by_name(result, "CISSP-ISSAP")
    assert (cissp["recertified_on"], cissp["term_started_on"], cissp["expires_on"]) == (
        "2023-12-01",
        "2024-03-02",
        "2027-03-01",
    )
    assert (issap["recertified_on"], issap["term_started_on"], issap["expires_on"]) == (
        "2023-12-01",
        "2024-03-02",
        "2027-03-01",
    )
    assert cissp["cycle"]["rolled_in"] == 20
    assert cissp["cycle"]["counted"] == 20
    assert issap["cycle"]["rolled_in"] == 0
    c1 = next(a for a in result["activities"] if a["id"] == "c1")
    assert (c1["counted_toward"], c1["counted_toward_all"], c1["rolled_over"]) == (
        "CISSP",
        ["CISSP", "CISSP-ISSAP"],
        20,
    )
    kinds = [(e["on"], e["kind"], e["certification"]) for e in result["events"]]
    assert ("2024-03-02", "rolled_over", "CISSP") in kinds
    assert ("2023-12-01", "recertified", "CISSP-ISSAP") in kinds


def test_a_concentration_without_its_cissp_was_never_active() -> None:
    # D-FIXED-2: ISSAP earned 2023-03-01 without a CISSP: expired, its "term" the day before, 2023-02-28.
    result = run(
        ISC2, {"holdings": [{"certification": "ISSAP", "earned_on": "2023-03-01"}]}, date(2024, 1, 1)
    )
    issap = by_name(result, "CISSP-ISSAP")
    assert (issap["status"], issap["term_started_on"], issap["expires_on"]) == (
        "expired",
        "2023-02-28",
        "2023-02-28",
    )
    assert issap["days_left"] == -307  # 2023-02-28 to 2024-01-01: 307 days


def test_a_pass_of_the_exam_earns_the_certification() -> None:
    # D-FIXED-4: PMP passed 2022-04-10 without a holding: earned that day, E = 2025-04-10 (R-PMI-1).
    result = run(
        PMI, {"holdings": [], "exams": [{"exam": "PMP", "passed_on": "2022-04-10"}]}, date(2023, 1, 1)
    )
    pmp = by_name(result, "PMP")
    assert (pmp["status"], pmp["term_started_on"], pmp["expires_on"], pmp["grace_ends_on"]) == (
        "active",
        "2022-04-10",
        "2025-04-10",
        "2026-04-10",
    )
    assert pmp["shortfalls"][0] == {
        "rule": "R-PMI-2",
        "kind": "total",
        "name": None,
        "needed": 60,
        "counted": 0,
    }


@pytest.mark.parametrize("with_holding", [True, False])
def test_a_higher_holding_starting_on_d_aligns_like_the_exam_that_earns_it(with_holding: bool) -> None:
    # Issue 15 trial: A+ earned 2020-03-01, E = 2023-03-01. SY0-601 passed 2022-06-01 earns Security+
    # that day, E = 2022-06-01 + 3 y = 2025-06-01; a Security+ holding starting 2022-06-01 is the
    # same earning (D-FIXED-4). A+ is active on 2022-06-01, so R-CT-6 aligns it:
    # max(2023-03-01, 2025-06-01) = 2025-06-01, whether or not the record holds Security+.
    holdings = [{"certification": "A+", "earned_on": "2020-03-01"}]
    if with_holding:
        holdings.append({"certification": "Security+", "earned_on": "2022-06-01"})
    data = {"holdings": holdings, "exams": [{"exam": "SY0-601", "passed_on": "2022-06-01"}]}
    result = run(COMPTIA, data, date(2022, 7, 1))
    a_plus = by_name(result, "CompTIA A+")
    assert (a_plus["status"], a_plus["expires_on"], a_plus["recertified_on"], a_plus["recertified_by"]) == (
        "active",
        "2025-06-01",
        "2022-06-01",
        "aligned with CompTIA Security+",
    )


def test_a_holding_that_starts_after_as_of_does_not_exist_yet() -> None:
    result = run(PMI, {"holdings": [{"certification": "PMP", "earned_on": "2024-05-01"}]}, date(2024, 4, 30))
    assert result["certifications"] == []


def test_the_text_report_speaks_in_the_unit() -> None:
    # PMI-02 on the cycle's last day: Business acumen 5 < 8 (R-PMI-3).
    data = {
        "candidate": "T",
        "holdings": [{"certification": "PMP", "earned_on": "2022-04-10"}],
        "activities": [
            {
                "id": "e1",
                "category": "education_ways_of_working",
                "credits": 30,
                "completed_on": "2022-09-01",
                "claimed_on": "2022-09-02",
                "status": "approved",
            },
            {
                "id": "e2",
                "category": "education_power_skills",
                "credits": 30,
                "completed_on": "2023-01-05",
                "claimed_on": "2023-01-06",
                "status": "approved",
            },
            {
                "id": "e3",
                "category": "education_business_acumen",
                "credits": 5,
                "completed_on": "2023-11-01",
                "claimed_on": "2023-11-02",
                "status": "approved",
            },
        ],
    }
    record = recert.record_from_mapping(data, policy=PMI)
    text = "\n".join(render_text(recert.evaluate(record, as_of=date(2025, 4, 10), policy=PMI)))
    assert "Activities (PDU)" in text
    assert "PMP: missing 3 PDU in education_business_acumen (5 of 8) (R-PMI-3)" in text
    assert "CE credits" not in text


def test_dates_beyond_the_year_9000_are_record_errors() -> None:
    # As the rolling engine: adding a cycle and a window to 9998-06-01 would leave datetime's range.
    # The loader refuses it first (so that the error names the file, issue 17); a record built in
    # Python is refused by the engine with the same words.
    with pytest.raises(recert.RecordError) as loaded:
        recert.record_from_mapping({"holdings": [{"certification": "PMP", "earned_on": "9998-06-01"}]},
                                   policy=PMI)
    record = recert.Record(holdings=[recert.Holding("PMP", earned_on=date(9998, 6, 1))])
    with pytest.raises(recert.RecordError) as caught:
        recert.evaluate(record, as_of=date(9000, 1, 1), policy=PMI)
    for error in (loaded.value, caught.value):
        assert [str(p) for p in error.problems] == ["holdings[0].earned_on: 9998-06-01 is after the year 9000"]


def test_an_expired_pmp_is_earned_again_by_the_exam() -> None:
    # PMP 2018-03-01, E = 2021-03-01, suspended to 2022-03-01, then expired (R-PMI-5); e1 counted in
    # that cycle stays counted (D-FC-4). The exam passed again on 2023-05-10 earns it anew:
    # cycle 2023-05-10 .. 2026-05-10, window to 2027-05-10, nothing counted yet.
    data = {
        "holdings": [{"certification": "PMP", "earned_on": "2018-03-01"}],
        "exams": [{"exam": "PMP", "passed_on": "2023-05-10"}],
        "activities": [
            {
                "id": "e1",
                "category": "education_power_skills",
                "credits": 10,
                "completed_on": "2019-01-01",
                "claimed_on": "2019-01-02",
                "status": "approved",
            }
        ],
    }
    result = run(PMI, data, date(2024, 1, 1))
    pmp = by_name(result, "PMP")
    assert (pmp["status"], pmp["term_started_on"], pmp["expires_on"], pmp["grace_ends_on"]) == (
        "active",
        "2023-05-10",
        "2026-05-10",
        "2027-05-10",
    )
    assert [s["kind"] for s in pmp["shortfalls"]] == [
        "total",
        "group_min",
        "category_min",
        "category_min",
        "category_min",
    ]
    assert [(e["on"], e["kind"]) for e in result["events"]] == [
        ("2018-03-01", "held"),
        ("2021-03-02", "suspended"),
        ("2022-03-02", "expired"),
        ("2023-05-10", "earned"),
    ]
    e1 = result["activities"][0]
    assert (e1["outcome"], e1["cycle_ends_on"]) == ("counted", "2021-03-01")


@pytest.mark.parametrize(
    ("as_of", "status", "expires_on"),
    [(date(2023, 1, 15), "active", "2024-12-31"), (date(2023, 1, 16), "revoked", "2023-01-15")],
)
def test_a_short_isaca_year_revokes_only_from_the_day_after_its_deadline(
    as_of: date, status: str, expires_on: str
) -> None:
    # CISA earned 2022-01-01: period 2022-01-01 .. 2024-12-31 (R-ISACA-1). Year 2022 has 10 < 20
    # hours; its deadline is 2023-01-15 (R-ISACA-3), so on that day the holder may still report and
    # is active; revoked from 2023-01-16, last active day 2023-01-15 (R-ISACA-4). Found by the
    # thorough profile: the revocation was shown on the deadline day, dated after as_of.
    cisa = recert.load_policy(POLICIES / "isaca-cisa.toml")
    data = {
        "holdings": [{"certification": "CISA", "earned_on": "2022-01-01"}],
        "activities": [
            {
                "id": "h1",
                "category": "cpe",
                "credits": 10,
                "completed_on": "2022-05-01",
                "claimed_on": "2022-05-02",
                "status": "approved",
            }
        ],
    }
    result = run(cisa, data, as_of)
    assert (by_name(result, "CISA")["status"], by_name(result, "CISA")["expires_on"]) == (status, expires_on)
    assert all(date.fromisoformat(e["on"]) <= as_of for e in result["events"])


def test_an_early_renewal_leaves_nothing_due_now_and_next_is_the_next_cycle() -> None:
    # Issue 15 trial. CISSP E = 2021-04-01 + 3 y = 2024-04-01. a1 100 A (2022-06-01) + a3 20 A naming ISSAP
    # (2023-03-01): 120 >= 120, A 120 >= 90: renewed 2023-03-01, expires 2024-04-01 + 3 y = 2027-04-01.
    # As of 2024-01-01 (still in the old cycle) next is the next cycle 2024-04-02 .. 2027-04-01, in full
    # (nothing counted yet), due by its grace end 2027-04-01 + 90 d = 2027-06-30 (R-ISC2-4, D-FIXED-9);
    # 2024-01-01 to 2027-06-30: 1276 days.
    data = {
        "holdings": [
            {"certification": "CISSP", "earned_on": "2021-04-01"},
            {"certification": "ISSAP", "earned_on": "2021-04-01"},
        ],
        "activities": [
            {"id": "a1", "category": "group_a", "credits": 100, "completed_on": "2022-06-01",
             "claimed_on": "2022-06-10", "status": "approved"},
            {"id": "a3", "category": "group_a", "credits": 20, "completed_on": "2023-03-01",
             "claimed_on": "2023-03-02", "status": "approved", "applies_to": ["ISSAP"]},
        ],
    }
    record = recert.record_from_mapping(data, policy=ISC2)
    evaluation = recert.evaluate(record, as_of=date(2024, 1, 1), policy=ISC2)
    result = evaluation.to_dict()
    cissp = result["next"][0]
    assert (cissp["certification"], cissp["deadline"], cissp["days_left"]) == ("CISSP", "2027-06-30", 1276)
    assert cissp["options"][0]["credits_missing"] == 120
    assert [s["certification"] for s in result["next"]] == ["CISSP", "CISSP-ISSAP"]
    text = "\n".join(render_text(evaluation))
    assert "no active certification to renew" not in text
    assert (
        "CISSP: renewed on 2023-03-01 through 2027-04-01; nothing due now; for the next cycle (2024-04-02"
        in text
    )


def test_the_text_activity_table_shows_what_a_cap_left_counted() -> None:
    # Security+ earned 2022-06-01, E = 2025-06-01; CEUs count toward it (R-CT-4). w1 15 webinar CEU:
    # Security+ webinar_conference cap 10 -> 10 counted. x1 5 work-experience CEU on 2023-09-01: 3 per
    # cycle year (R-CT-3; year 2 = (2023-06-01, 2024-06-01]) -> 3 counted. t1 30 training: no cap.
    data = {
        "holdings": [{"certification": "Security+", "earned_on": "2022-06-01"}],
        "activities": [
            {"id": "t1", "credits": 30, "completed_on": "2023-01-10", "claimed_on": "2023-01-11", "status": "approved"},
            {"id": "w1", "category": "webinar_conference", "credits": 15, "completed_on": "2023-04-01",
             "claimed_on": "2023-04-02", "status": "approved"},
            {"id": "x1", "category": "work_experience", "credits": 5, "completed_on": "2023-09-01",
             "claimed_on": "2023-09-02", "status": "approved"},
        ],
    }
    record = recert.record_from_mapping(data, policy=COMPTIA)
    lines = render_text(recert.evaluate(record, as_of=date(2024, 6, 1), policy=COMPTIA))
    rows = {line.split()[0]: line.split("  ") for line in lines if line.startswith(("  t1 ", "  w1 ", "  x1 "))}
    cells = {k: [c.strip() for c in v if c.strip()] for k, v in rows.items()}
    assert cells["t1"][:3] == ["t1", "30", "counted"]
    assert cells["w1"][:3] == ["w1", "15", "counted (10 after the cap)"]
    assert cells["x1"][:3] == ["x1", "5", "counted (3 after the yearly cap)"]
