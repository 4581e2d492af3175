"""The JSON shapes of the fixed-cycle result objects (programs.md section 7), built directly.

``recert.core.result`` exports the value objects; a caller may build a next step that carries its
cycle (``fixed_cycle=True``) and must get the section 7 keys, with numbers written as the results
write them (whole numbers as integers, six decimals at most) and dates as ISO strings.
"""

from __future__ import annotations

from datetime import date

from recert.core.result import CycleCount, CycleState, CycleYear, NextStep, OptionGap, Shortfall


def test_a_fixed_cycle_next_step_carries_its_cycle_window_and_shortfalls() -> None:
    cycle = CycleState(
        date(2024, 3, 2),
        date(2027, 3, 1),
        120,
        10.5,
        10,
        (("group_a", CycleCount(10.5, 90, None)),),
        (),
        (CycleYear(date(2024, 3, 2), date(2025, 3, 1), 10.5, None, None, 40),),
        None,
    )
    short = (Shortfall("R-ISC2-7", "fees", "fees", date(2027, 3, 1), date(2024, 3, 1)),)
    gap = OptionGap("120 CPE", "109.5 CPE", None, 109.5, (), date(2027, 5, 30))
    step = NextStep(
        "CISSP",
        date(2027, 5, 30),
        (gap,),
        days_left=10,
        fixed_cycle=True,
        cycle=cycle,
        grace_ends_on=date(2027, 5, 30),
        shortfalls=short,
    )
    assert step.to_dict() == {
        "certification": "CISSP",
        "deadline": "2027-05-30",
        "days_left": 10,
        "options": [
            {
                "option": "120 CPE",
                "missing": "109.5 CPE",
                "credits_missing": 109.5,
                "exams_missing": [],
                "deadline": "2027-05-30",
            }
        ],
        "cycle": {
            "starts_on": "2024-03-02",
            "ends_on": "2027-03-01",
            "required": 120,
            "counted": 10.5,
            "rolled_in": 10,
            "categories": {"group_a": {"counted": 10.5, "min": 90, "max": None}},
            "groups": {},
            "years": [
                {
                    "starts_on": "2024-03-02",
                    "ends_on": "2025-03-01",
                    "counted": 10.5,
                    "min": None,
                    "max": None,
                    "suggested": 40,
                }
            ],
            "served_by": None,
        },
        "grace_ends_on": "2027-05-30",
        "shortfalls": [
            {
                "rule": "R-ISC2-7",
                "kind": "fees",
                "name": "fees",
                "needed": "2027-03-01",
                "counted": "2024-03-01",
            }
        ],
    }
    # Without a cycle (a rolling-cycle policy's step) none of the keys appear.
    plain = NextStep("CCNA", date(2027, 5, 30), (gap,), days_left=10)
    assert set(plain.to_dict()) == {"certification", "deadline", "days_left", "options"}


def test_cycle_years_write_their_cap_and_shortfalls_their_missing_values() -> None:
    year = CycleYear(date(2024, 1, 1), date(2024, 12, 31), 3.0000001, 20, 25.25, None)
    assert year.to_dict() == {
        "starts_on": "2024-01-01",
        "ends_on": "2024-12-31",
        "counted": 3,
        "min": 20,
        "max": 25.25,
        "suggested": None,
    }
    assert Shortfall("R-X", "exams", "A, B", 2, None).to_dict() == {
        "rule": "R-X",
        "kind": "exams",
        "name": "A, B",
        "needed": 2,
        "counted": None,
    }
