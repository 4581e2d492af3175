"""Inputs the fuzzing campaign of the fixed-cycle programs found, minimized (issue 17).

Each raised an exception other than :class:`recert.RecertError` (a traceback for the
user) before its fix; each is now a typed error naming the field and the value, or a
result. The campaign and its replay ids are in ``docs/testing.md`` (Fuzzing).
"""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import recert
from recert.core.cycles.model import Span
from recert.io.embedded import load_embedded_policy

POLICIES = Path(recert.__file__).parent / "io" / "policies"
PMI = load_embedded_policy("pmi-pmp")
ISC2 = load_embedded_policy("isc2-cissp")


def _tree(policy_id: str) -> dict[str, Any]:
    with (POLICIES / f"{policy_id}.toml").open("rb") as handle:
        return tomllib.load(handle)


def _error(policy: recert.Policy, data: dict[str, Any], as_of: date) -> list[str]:
    record = recert.record_from_mapping(data, policy=policy)
    with pytest.raises(recert.RecordError) as caught:
        recert.evaluate(record, as_of=as_of, policy=policy)
    return [str(p) for p in caught.value.problems]


def test_an_exam_passed_in_the_year_1_is_a_record_error() -> None:
    # Was ValueError "year -2 is out of range": the earning window counts 3 years back from
    # 0001-06-01 (core/cycles/evaluate.py _earn_days). Replay 1:record:727 of the first run.
    # Now the span of 100 years refuses it first (issue 17): 2025-03-01 - 100 years = 1925-03-01.
    assert _error(PMI, {"exams": [{"exam": "PMP", "passed_on": "0001-06-01"}]}, date(2025, 3, 1)) == [
        "exams[0].passed_on: 0001-06-01 is more than 100 years before the evaluation date 2025-03-01 "
        "(the earliest date recert reads is 1925-03-01)"
    ]
    # within the span of an evaluation date in the year 1001, the year-1000 bound still speaks
    assert _error(PMI, {"exams": [{"exam": "PMP", "passed_on": "0999-06-01"}]}, date(1001, 3, 1)) == [
        "exams[0].passed_on: 0999-06-01 is before the year 1000"
    ]


def test_a_follower_held_from_the_first_day_of_the_calendar_is_a_record_error() -> None:
    # Was OverflowError "date value out of range": a concentration without its CISSP is shown
    # as ended the day before it was earned (D-FIXED-2), 0001-01-01 - 1 day. Replay 2:record:1280.
    data = {"holdings": [{"certification": "CISSP-ISSAP", "earned_on": "0001-01-01"}]}
    # Now the span of 100 years refuses it first (issue 17): 2024-08-01 - 100 years = 1924-08-01.
    assert _error(ISC2, data, date(2024, 8, 1)) == [
        "holdings[0].earned_on: 0001-01-01 is more than 100 years before the evaluation date 2024-08-01 "
        "(the earliest date recert reads is 1924-08-01)"
    ]


def test_the_year_1000_is_the_first_a_fixed_cycle_record_may_give() -> None:
    # PMP earned by the exam on 1000-01-01; cycle 1000-01-01 + 3 years = 1003-01-01 (R-FC-1).
    record = recert.record_from_mapping({"exams": [{"exam": "PMP", "passed_on": "1000-01-01"}]}, policy=PMI)
    result = recert.evaluate(record, as_of=date(1000, 6, 1), policy=PMI).to_dict()
    pmp = result["certifications"][0]
    assert (pmp["certification"], pmp["status"], pmp["term_started_on"], pmp["expires_on"]) == (
        "PMP",
        "active",
        "1000-01-01",
        "1003-01-01",
    )
    assert _error(PMI, {"exams": [{"exam": "PMP", "passed_on": "0999-12-31"}]}, date(1000, 6, 1)) == [
        "exams[0].passed_on: 0999-12-31 is before the year 1000"
    ]


@pytest.mark.parametrize(
    ("within", "message"),
    [
        # Was ValueError "year -975 is out of range": the rollover's months counted back from
        # the cycle end (R-FC-10) left the calendar. Found with isc2-cissp and pmi-pmp.
        (
            {"years": 3000},
            "lifecycle.rollover.within.years: 3000 is more than 100, the most recert reads here",
        ),
        (
            {"months": 36_600},
            "lifecycle.rollover.within.months: 36600 is more than 1200, the most recert reads",
        ),
        ({"days": 36_601}, "lifecycle.rollover.within.days: 36601 is more than 36600, the most recert reads"),
    ],
)
def test_a_rollover_span_of_more_than_100_years_is_a_policy_error(
    within: dict[str, int], message: str
) -> None:
    data = copy.deepcopy(_tree("isc2-cissp"))
    data["lifecycle"]["rollover"]["within"] = within
    with pytest.raises(recert.PolicyError) as caught:
        recert.policy_from_mapping(data)
    assert message in str(caught.value)


def test_a_rollover_span_of_100_years_in_each_part_is_read() -> None:
    # The largest span recert reads: 100 years + 1,200 months + 36,600 days, about 300 years,
    # counted back from a cycle end after the year 1000 stays in the calendar.
    data = copy.deepcopy(_tree("pmi-pmp"))
    data["lifecycle"]["rollover"]["within"] = {"years": 100, "months": 1200, "days": 36_600}
    policy = recert.policy_from_mapping(data)
    assert policy.program is not None
    assert policy.program.lifecycle.rollover is not None
    assert policy.program.lifecycle.rollover.within == Span(years=100, months=1200, days=36_600)
    # PMP 1000-03-01 .. 1003-03-01; 30 + 20 + 20 = 70 PDU on 1001-05-01 (each talent area >= 8,
    # education 70 >= 35): renewed, the next cycle 1003-03-02 .. 1006-03-01. Surplus 70 - 60 = 10
    # PDU, all inside the span counted back from 1003-03-01 (to about the year 700): 10 roll over
    # (R-PMI-6, no max), taken from e2 (newest first; one day, the last in record order).
    talent = ["education_ways_of_working", "education_power_skills", "education_business_acumen"]
    record = recert.record_from_mapping(
        {
            "holdings": [{"certification": "PMP", "earned_on": "1000-03-01"}],
            "activities": [
                {
                    "id": f"e{i}",
                    "category": c,
                    "credits": credits,
                    "completed_on": "1001-05-01",
                    "claimed_on": "1001-05-01",
                    "status": "approved",
                }
                for i, (c, credits) in enumerate(zip(talent, [30, 20, 20], strict=True))
            ],
        },
        policy=policy,
    )
    result = recert.evaluate(record, as_of=date(1003, 6, 1), policy=policy).to_dict()
    pmp = result["certifications"][0]
    assert (pmp["status"], pmp["expires_on"], pmp["cycle"]["starts_on"], pmp["cycle"]["rolled_in"]) == (
        "active",
        "1006-03-01",
        "1003-03-02",
        10,
    )
    assert [a["rolled_over"] for a in result["activities"]] == [0, 0, 10]
