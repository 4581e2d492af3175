"""Record additions of programs.md section 6: accepted under every policy, typed errors for bad values."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import recert
from recert.exceptions import RecordError

POLICIES = Path(recert.__file__).parent / "io" / "policies"
PMI = recert.load_policy(POLICIES / "pmi-pmp.toml")
ISC2 = recert.load_policy(POLICIES / "isc2-cissp.toml")


def cisco_record(**activity: Any) -> dict[str, Any]:
    return {
        "holdings": [{"certification": "CCNA", "earned_on": "2024-01-10", "fees_paid_through": "2025-01-10"}],
        "activities": [{"id": "a1", "credits": 30, "completed_on": "2024-03-01", **activity}],
    }


def messages(data: Any, policy: recert.Policy | None = None) -> list[str]:
    with pytest.raises(RecordError) as caught:
        recert.record_from_mapping(data, policy=policy)
    return [str(p) for p in caught.value.problems]


def test_the_new_fields_are_read() -> None:
    record = recert.record_from_mapping(
        cisco_record(claimed_on="2024-03-02", status="audit", applies_to=["CCNA", "Unknown Cert"])
    )
    assert record.holdings[0].fees_paid_through == date(2025, 1, 10)
    assert record.activities[0].status == "audit"
    assert record.activities[0].applies_to == ("CCNA", "Unknown Cert")


def test_audit_is_pending_under_cisco() -> None:
    # 30 credits completed 2024-03-01, claimed 2024-03-02, in audit on 2024-06-01: pending (R-CE-3),
    # counted toward CCNA once approved; fees_paid_through and applies_to change nothing.
    data = cisco_record(claimed_on="2024-03-02", status="audit", applies_to=["CCNA"])
    result = recert.evaluate(recert.record_from_mapping(data), as_of=date(2024, 6, 1))
    assert result.activity("a1").outcome == "pending"
    assert result.activity("a1").counted_toward == "CCNA"
    plain = recert.evaluate(
        recert.record_from_mapping(cisco_record(claimed_on="2024-03-02", status="pending")),
        as_of=date(2024, 6, 1),
    )
    assert result.to_dict()["certifications"] == plain.to_dict()["certifications"]
    assert result.to_dict()["policy"]["unit"] == "CE credits"  # every policy names its unit


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {
                "holdings": [
                    {"certification": "CCNA", "earned_on": "2024-01-10", "fees_paid_through": "2025-02-30"}
                ]
            },
            "holdings[0].fees_paid_through: '2025-02-30' is not a date",
        ),
        (
            {"holdings": [{"certification": "CCNA", "earned_on": "2024-01-10", "fees_paid_through": 5}]},
            "holdings[0].fees_paid_through: 5 is not a date (YYYY-MM-DD)",
        ),
    ],
)
def test_a_bad_fee_date_is_a_record_error(change: dict[str, Any], message: str) -> None:
    data = {**cisco_record(), **change}
    found = messages(data)
    assert any(m.startswith(message) for m in found), found


def test_bad_applies_to_and_status_are_record_errors() -> None:
    assert messages(cisco_record(applies_to=[])) == [
        "activities[0].applies_to: is empty: leave it out to mean every certification"
    ]
    assert any("activities[0].applies_to" in m for m in messages(cisco_record(applies_to="CCNA")))
    assert messages(cisco_record(claimed_on="2024-03-02", status="audited")) == [
        "activities[0].status: 'audited' is not a status (one of pending, approved, rejected, audit)"
    ]
    assert messages(cisco_record(claimed_on="2024-03-02", status="audit", decided_on="2024-03-05")) == [
        "activities[0].decided_on: 2024-03-05 is given but status is 'audit', not approved or rejected"
    ]


def test_the_default_category_fills_a_missing_one() -> None:
    # ISC2: default_category = "group_a".
    data = {
        "holdings": [{"certification": "CISSP", "earned_on": "2023-01-01"}],
        "activities": [{"id": "a1", "credits": 5, "completed_on": "2023-02-01"}],
    }
    assert recert.record_from_mapping(data, policy=ISC2).activities[0].category == "group_a"


def test_pmi_has_no_default_category() -> None:
    data = {
        "holdings": [{"certification": "PMP", "earned_on": "2023-01-01"}],
        "activities": [{"id": "a1", "credits": 5, "completed_on": "2023-02-01"}],
    }
    # programs.md section 4: a PMI activity without a category is a record error saying it is missing
    # (the record format's own default, training, is not a PMI category and must not leak in).
    assert messages(data, PMI) == [
        "activities[0].category: missing; pmi-pmp has no default category (one of "
        "education_ways_of_working, education_power_skills, education_business_acumen, "
        "giving_back_practitioner, giving_back_other)"
    ]


def test_a_missing_pmi_category_is_listed_with_the_other_problems() -> None:
    data = {
        "holdings": [{"certification": "PMP", "earned_on": "2023-01-01"}],
        "activities": [
            {"id": "a1", "credits": 5, "completed_on": "2023-02-01", "category": "education_power_skills"},
            {"id": "a2", "credits": -1, "completed_on": "2023-02-01"},
        ],
    }
    found = messages(data, PMI)
    assert found[0].startswith("activities[1].category: missing; pmi-pmp has no default category")
    assert found[1:] == ["activities[1].credits: -1 is not positive"]


def isc2_record(applies_to: Any) -> dict[str, Any]:
    return {
        "holdings": [{"certification": "CISSP", "earned_on": "2021-04-01"}],
        "activities": [
            {"id": "a1", "category": "group_a", "credits": 20, "completed_on": "2023-03-01"},
            {"id": "a2", "category": "group_a", "credits": 20, "completed_on": "2023-03-01", "applies_to": applies_to},
        ],
    }


def test_an_unknown_applies_to_name_is_an_error_where_the_policy_reads_it() -> None:
    # isc2-cissp reads applies_to (concentrations follow the CISSP, R-ISC2-8): a typo must not silently
    # turn the activity into an outside_term one.
    assert messages(isc2_record(["ISSAP", "ISSAPP"]), ISC2) == [
        "activities[1].applies_to[1]: 'ISSAPP' is not a certification of isc2-cissp "
        "(did you mean 'CISSP-ISSAP' or 'CISSP-ISSMP' or 'CISSP-ISSEP'?)"
    ]
    assert messages(isc2_record([1]), ISC2) == ["activities[1].applies_to[0]: 1 is not a string"]


def test_an_unknown_applies_to_name_is_ignored_where_the_policy_does_not_read_it() -> None:
    # pmi-pmp has no named requirement and no follows: programs.md section 6, accepted, no effect.
    data = {
        "holdings": [{"certification": "PMP", "earned_on": "2021-04-01"}],
        "activities": [
            {
                "id": "a1",
                "category": "education_power_skills",
                "credits": 8,
                "completed_on": "2023-03-01",
                "applies_to": ["ISSAPP"],
            }
        ],
    }
    record = recert.record_from_mapping(data, policy=PMI)
    assert record.activities[0].applies_to == ("ISSAPP",)
    assert messages(cisco_record(applies_to=[1])) == ["activities[0].applies_to[0]: 1 is not a string"]
