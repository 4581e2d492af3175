"""The fixed-cycle evaluator at its edges: bad input, the evaluation day itself, policy variants.

Values worked out by hand from spec/programs.md; policies are the embedded ones, some changed
through ``recert.policy_from_mapping`` to reach rules the four programs do not use.
"""

from __future__ import annotations

from datetime import date

import pytest
from fixed_helpers import COMPTIA, ISC2, act, activity, cert, outcome, policy_data, run

import recert
from recert import Activity, Holding, Record, RecordError


def test_every_bad_field_is_named_with_its_path_and_value() -> None:
    # Dates past the year 9000 are refused first, alone (adding a cycle would leave the calendar;
    # core/bounds.py checks them for every policy before the evaluator reads names); then unknown
    # certifications and unknown categories together.
    def record(cissp_earned: date) -> Record:
        return Record(
            holdings=(Holding("Bogus", date(2021, 1, 1)), Holding("CISSP", cissp_earned)),
            activities=(Activity("a", 5, date(2021, 2, 1), category="nope"),),
        )

    with pytest.raises(RecordError) as caught:
        recert.evaluate(record(date(9001, 1, 1)), as_of=date(2022, 1, 1), policy=ISC2)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("holdings[1].earned_on", "9001-01-01 is after the year 9000"),
    ]
    with pytest.raises(RecordError) as caught:
        recert.evaluate(record(date(2021, 1, 1)), as_of=date(2022, 1, 1), policy=ISC2)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("holdings[0].certification", "'Bogus' is not a certification of the policy isc2-cissp"),
        ("activities[0].category", "'nope' is not a category of the policy isc2-cissp"),
    ]


def test_late_dates_of_every_kind_are_refused_with_their_paths() -> None:
    # Every date after the year 9000 is refused, as_of included (checked before the span of 100
    # years): adding a cycle would leave the calendar.
    record = Record(
        holdings=(
            Holding(
                "CISSP", date(9001, 1, 1), expires_on=date(9100, 1, 1), fees_paid_through=date(9200, 1, 1)
            ),
        ),
        exams=(recert.ExamPass("CISSP", date(9030, 1, 1)),),
        activities=(Activity("a", 5, date(9040, 1, 1), claimed_on=date(9045, 1, 1), status="approved"),),
    )
    with pytest.raises(RecordError) as caught:
        recert.evaluate(record, as_of=date(9050, 1, 1), policy=ISC2)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("as_of", "9050-01-01 is after the year 9000"),
        ("holdings[0].earned_on", "9001-01-01 is after the year 9000"),
        ("holdings[0].expires_on", "9100-01-01 is after the year 9000"),
        ("holdings[0].fees_paid_through", "9200-01-01 is after the year 9000"),
        ("exams[0].passed_on", "9030-01-01 is after the year 9000"),
        ("activities[0].completed_on", "9040-01-01 is after the year 9000"),
        ("activities[0].claimed_on", "9045-01-01 is after the year 9000"),
    ]
    # The year 9000 itself is accepted.
    fine = Record(holdings=(Holding("CISSP", date(9000, 1, 1)),))
    assert recert.evaluate(fine, as_of=date(9000, 1, 1), policy=ISC2).certifications[0].status == "active"


def test_the_default_category_stands_in_for_training_only_where_the_policy_has_no_training() -> None:
    # An Activity built without a category says "training"; ISC2 has none: its default group_a
    # (D-DESIGN default_category). CompTIA has "training": it stays.
    a = Activity("a", 5, date(2021, 2, 1), claimed_on=date(2021, 2, 1), status="approved")
    isc2 = recert.evaluate(
        Record(holdings=(Holding("CISSP", date(2021, 1, 1)),), activities=(a,)),
        as_of=date(2021, 2, 1),
        policy=ISC2,
    )
    assert isc2.to_dict()["certifications"][0]["cycle"]["categories"]["group_a"]["counted"] == 5
    comptia = recert.evaluate(
        Record(holdings=(Holding("A+", date(2021, 1, 1)),), activities=(a,)),
        as_of=date(2021, 2, 1),
        policy=COMPTIA,
    )
    assert comptia.to_dict()["certifications"][0]["cycle"]["categories"]["training"]["counted"] == 5


def test_facts_dated_on_the_evaluation_day_exist() -> None:
    # D-ASOF-1: a holding earned on as_of, an activity completed and claimed on as_of and an exam
    # passed on as_of all count. Network+ from 2021-06-15 (E 2024-06-15); CertMaster CE passed on
    # as_of 2024-05-01 renews it that day: 2024-06-15 + 3 y = 2027-06-15 (R-CT-5).
    data = {
        "holdings": [
            {"certification": "Network+", "earned_on": "2021-06-15"},
            {"certification": "A+", "earned_on": "2024-05-01"},
        ],
        "exams": [{"exam": "CMCE-N+", "passed_on": "2024-05-01"}],
        "activities": [act("t1", 4, "2024-05-01", "2024-05-01")],
    }
    result = run(COMPTIA, data, date(2024, 5, 1))
    net, a_plus = cert(result, "CompTIA Network+"), cert(result, "CompTIA A+")
    assert (net["recertified_on"], net["expires_on"]) == ("2024-05-01", "2027-06-15")
    # A+ earned on as_of: held and active (E 2027-05-01); the Network+ renewal that same day aligns it
    # to max(2027-05-01, 2027-06-15) = 2027-06-15 (R-CT-6).
    assert (a_plus["status"], a_plus["term_started_on"], a_plus["expires_on"], a_plus["recertified_by"]) == (
        "active",
        "2024-05-01",
        "2027-06-15",
        "aligned with CompTIA Network+",
    )
    # t1 goes to the highest active certification, Network+ (R-CT-4).
    assert activity(result, "t1") == outcome(
        "t1", "counted", 4, "R-FC-4", "t1: counts 4 toward the cycle 2021-06-15 to 2024-06-15",
        toward="CompTIA Network+", counted=4, cycle_end="2024-06-15", toward_all=("CompTIA Network+",),
    )  # fmt: skip


def test_a_pending_claim_completed_on_the_evaluation_day_is_awaited() -> None:
    # 100 Group A approved; p1 20 completed and claimed on as_of 2023-06-01, pending: approved, it
    # makes 120 and renews the cycle ending 2024-03-01 (R-FC-5).
    data = {
        "holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}],
        "activities": [
            act("a1", 100, "2021-06-01", "2021-06-02"),
            act("p1", 20, "2023-06-01", "2023-06-01", status="pending"),
        ],
    }
    assert cert(run(ISC2, data, date(2023, 6, 1)), "CISSP")["awaiting"] == ["p1"]


def test_a_rejection_decided_after_the_evaluation_date_is_still_a_pending_claim() -> None:
    # r1 was rejected on 2023-07-01, after as_of 2023-06-01: on as_of it is pending (D-ASOF-1), so
    # it is awaited; its approval (with a1 after it in the record) makes 100 + 20 = 120.
    # The what-if replaces r1 only: a1, listed after it, still counts.
    data = {
        "holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}],
        "activities": [
            act("r1", 20, "2023-01-10", "2023-01-11", status="rejected", decided_on="2023-07-01"),
            act("a1", 100, "2021-06-01", "2021-06-02"),
        ],
    }
    result = run(ISC2, data, date(2023, 6, 1))
    assert cert(result, "CISSP")["awaiting"] == ["r1"]
    assert activity(result, "r1")["outcome"] == "pending"
    # Decided by as_of: rejected, dated by the decision; without a decision date, by the claim.
    later = run(ISC2, data, date(2023, 7, 1))
    assert activity(later, "r1")["explanation"] == "r1: rejected by the program on 2023-07-01"
    undated = {**data, "activities": [act("r2", 20, "2023-01-10", "2023-01-11", status="rejected")]}
    assert (
        activity(run(ISC2, undated, date(2023, 7, 1)), "r2")["explanation"]
        == "r2: rejected by the program on 2023-01-11"
    )


def test_an_ineligible_category_is_rejected_with_its_name() -> None:
    # A variant of the ISC2 policy where Group B earns nothing (R-CE-6 semantics, D-FC-5 reason order).
    data = policy_data("isc2-cissp")
    data["categories"]["group_b"]["eligible"] = False
    policy = recert.policy_from_mapping(data)
    record = {
        "holdings": [{"certification": "CISSP", "earned_on": "2021-03-01"}],
        "activities": [
            act("b1", 10, "2021-06-01", "2021-06-02", category="group_b"),
            act("a1", 5, "2021-07-01", "2021-07-02"),
        ],
    }
    result = run(policy, record, date(2022, 1, 1))
    assert result["activities"] == [
        outcome("b1", "rejected", 10, "D-FC-5", "b1: category 'group_b' earns no credits in this policy", reason="ineligible_category"),
        outcome(
            "a1", "counted", 5, "R-FC-4", "a1: counts 5 toward the cycle 2021-03-01 to 2024-03-01",
            toward="CISSP", counted=5, cycle_end="2024-03-01", toward_all=("CISSP",),
        ),
    ]  # fmt: skip
    assert cert(result, "CISSP")["cycle"]["counted"] == 5


def test_dates_before_the_year_1000_are_refused_and_the_year_1000_is_accepted() -> None:
    # Cycle years, windows and rollovers are counted back from dates: the year 1000 is the first one
    # with room for them (issue 17).
    # (as_of 1050-01-01 keeps the record inside its span of 100 years, checked first.)
    early = Record(holdings=(Holding("CISSP", date(999, 12, 31)),))
    with pytest.raises(RecordError) as caught:
        recert.evaluate(early, as_of=date(1050, 1, 1), policy=ISC2)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("holdings[0].earned_on", "0999-12-31 is before the year 1000")
    ]
    fine = Record(holdings=(Holding("CISSP", date(1000, 1, 1)),))
    assert recert.evaluate(fine, as_of=date(1000, 1, 2), policy=ISC2).certifications[0].status == "active"
