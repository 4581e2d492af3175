"""PMI rollover (R-PMI-6) where a Talent-area minimum, not the total, limits what rolls over.

Values worked out by hand from spec/programs.md section 4 and the embedded ``pmi-pmp`` policy:
a rollover takes, newest first, from each activity of the last year of the renewed cycle, at most
the excess of every minimum that covers the activity (the total 60, Education 35 and its own Talent
area 8), and no maximum (D-PMI-1). Through the public API (``record_from_mapping``, ``evaluate``).
"""

from __future__ import annotations

from datetime import date

from fixed_helpers import PMI, act, cert, policy_data, run

import recert


def _pmp(*activities: dict[str, object]) -> dict[str, object]:
    # PMP from 2021-01-10: E = 2024-01-10; the rollover year is (2023-01-10, 2024-01-10] (R-PMI-6).
    return {"holdings": [{"certification": "PMP", "earned_on": "2021-01-10"}], "activities": list(activities)}


def test_a_talent_area_excess_limits_what_rolls_over() -> None:
    # w1 6 ways, p1 15 power, b1 15 business (2021), g1 25 giving back (2022-06-01): ways 6 < 8, not
    # renewed. y1 4 ways on 2023-06-01: ways 10, Education 40 >= 35, total 65 >= 60: renewed that day.
    # Excess: total 5, Education 5, ways 2. y1 (the only activity of the rollover year) rolls
    # min(4, 5, 5, 2) = 2: the ways minimum binds, not the total.
    result = run(
        PMI,
        _pmp(
            act("w1", 6, "2021-06-01", "2021-06-02", category="education_ways_of_working"),
            act("p1", 15, "2021-07-01", "2021-07-02", category="education_power_skills"),
            act("b1", 15, "2021-08-01", "2021-08-02", category="education_business_acumen"),
            act("g1", 25, "2022-06-01", "2022-06-02", category="giving_back_other"),
            act("y1", 4, "2023-06-01", "2023-06-02", category="education_ways_of_working"),
        ),
        date(2024, 3, 1),
    )
    assert {a["id"]: a["rolled_over"] for a in result["activities"]} == {
        "w1": 0,
        "p1": 0,
        "b1": 0,
        "g1": 0,
        "y1": 2,
    }
    pmp = cert(result, "PMP")
    assert (pmp["recertified_on"], pmp["term_started_on"], pmp["cycle"]["rolled_in"]) == (
        "2023-06-01",
        "2024-01-11",
        2,
    )
    assert pmp["cycle"]["categories"]["education_ways_of_working"]["counted"] == 2


def test_a_newest_activity_with_nothing_to_roll_does_not_stop_the_older_ones() -> None:
    # w1 5 ways, p1 8 power, b1 12 business (2021), g1 25 giving back, x1 10 power (2023-06-01); y1 3
    # ways on 2023-12-01 makes ways 8: renewed that day (total 63, Education 38). Excess: total 3,
    # Education 3, ways 0, power 10. Newest first: y1 min(3, 3, 3, ways 0) = 0 rolls nothing, then x1
    # (older, in the rollover year too) min(10, 3, 3, power 10) = 3.
    result = run(
        PMI,
        _pmp(
            act("w1", 5, "2021-06-01", "2021-06-02", category="education_ways_of_working"),
            act("p1", 8, "2021-07-01", "2021-07-02", category="education_power_skills"),
            act("b1", 12, "2021-08-01", "2021-08-02", category="education_business_acumen"),
            act("g1", 25, "2022-06-01", "2022-06-02", category="giving_back_other"),
            act("x1", 10, "2023-06-01", "2023-06-02", category="education_power_skills"),
            act("y1", 3, "2023-12-01", "2023-12-02", category="education_ways_of_working"),
        ),
        date(2024, 3, 1),
    )
    assert {a["id"]: a["rolled_over"] for a in result["activities"]} == {
        "w1": 0, "p1": 0, "b1": 0, "g1": 0, "x1": 3, "y1": 0
    }  # fmt: skip
    pmp = cert(result, "PMP")
    assert (pmp["recertified_on"], pmp["cycle"]["rolled_in"]) == ("2023-12-01", 3)
    assert pmp["cycle"]["categories"]["education_power_skills"]["counted"] == 3


def test_a_rollover_window_given_in_days() -> None:
    # ISC2 with the rollover window given as 30 days instead of 6 months (a policy variant): CISSP from
    # 2022-06-01 (E 2025-06-01), renewed on 2022-09-01 by a1 130 Group A. The window is (E - 30 days,
    # E] = (2025-05-02, 2025-06-01]: r1 10 Group A on 2025-05-02 is outside, r2 5 Group A on 2025-05-03
    # inside. Excess: total 145 - 120 = 25, Group A 145 - 90 = 55; r2 rolls min(40, 5, 25, 55) = 5.
    data = policy_data("isc2-cissp")
    data["lifecycle"]["rollover"]["within"] = {"days": 30}
    policy = recert.policy_from_mapping(data)
    record = {
        "holdings": [{"certification": "CISSP", "earned_on": "2022-06-01"}],
        "activities": [
            act("a1", 130, "2022-09-01", "2022-09-01"),
            act("r1", 10, "2025-05-02", "2025-05-02"),
            act("r2", 5, "2025-05-03", "2025-05-03"),
        ],
    }
    result = run(policy, record, date(2025, 7, 1))
    assert {a["id"]: a["rolled_over"] for a in result["activities"]} == {"a1": 0, "r1": 0, "r2": 5}
    cissp = cert(result, "CISSP")
    assert (cissp["term_started_on"], cissp["cycle"]["rolled_in"]) == ("2025-06-02", 5)
