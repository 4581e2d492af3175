"""CompTIA under the fixed-cycle evaluator: intent level, the renewal map, exam options, lifetimes.

Values worked out by hand from spec/programs.md section 3 and the embedded ``comptia`` policy.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fixed_helpers import COMPTIA, act, cert, event, outcome, policy_data, run

import recert

SEC, NET, A = "CompTIA Security+", "CompTIA Network+", "CompTIA A+"

# Security+ from 2023-04-01 (E 2026-04-01, fees paid through E), Network+ from 2021-09-01 (E 2024-09-01,
# fees through 2022-09-01), A+ from 2017-02-03 (E 2020-02-03, window of 30 days to 2020-03-04: expired
# from 2020-03-05). t1 50 CEUs on 2024-03-01 count toward the highest active, Security+ (R-CT-4):
# renewed that day, next end 2029-04-01. Security+ earned on 2023-04-01 aligned Network+ to 2026-04-01,
# its renewal on 2024-03-01 aligns it to 2029-04-01 (R-CT-6); the expired A+ is not revived (D-CT-5).
MAP: dict[str, Any] = {
    "holdings": [
        {"certification": "Security+", "earned_on": "2023-04-01", "fees_paid_through": "2026-04-01"},
        {"certification": "Network+", "earned_on": "2021-09-01", "fees_paid_through": "2022-09-01"},
        {"certification": "A+", "earned_on": "2017-02-03"},
    ],
    "activities": [act("t1", 50, "2024-03-01", "2024-03-02")],
}


def _gap(option: str, missing: str, credits: float, deadline: str) -> dict[str, Any]:
    return {
        "option": option,
        "missing": missing,
        "credits_missing": credits,
        "exams_missing": [],
        "deadline": deadline,
    }


def test_the_intent_level_renews_and_aligns_what_its_map_names_but_never_revives() -> None:
    result = run(COMPTIA, MAP, date(2024, 6, 1))
    sec, net, a_plus = cert(result, SEC), cert(result, NET), cert(result, A)
    assert [c["certification"] for c in result["certifications"]] == [SEC, NET, A]  # by rank
    # days_left 2024-06-01 -> 2029-04-01: 1826 to 2029-06-01 (five years, one 29 February) - 61 = 1765.
    assert (sec["status"], sec["term_started_on"], sec["expires_on"], sec["days_left"]) == (
        "active",
        "2023-04-01",
        "2029-04-01",
        1765,
    )
    assert (sec["recertified_on"], sec["recertified_by"], sec["rule"]) == (
        "2024-03-01",
        "50 CEUs + CE fee",
        "R-CT-1",
    )
    assert sec["explanation"] == (
        f"{SEC}: active on 2024-06-01; cycle 2023-04-01 to 2026-04-01, renewed on 2024-03-01 (50 CEUs + CE fee): "
        "expires 2029-04-01"
    )
    assert (sec["shortfalls"], sec["cycle"]["served_by"], sec["grace_ends_on"]) == ([], None, "2026-05-01")
    # Network+: one cycle stretched to 2029-04-01 by the alignment; the alignment is its last change.
    assert (net["status"], net["term_started_on"], net["expires_on"], net["days_left"]) == (
        "active",
        "2021-09-01",
        "2029-04-01",
        1765,
    )
    assert (net["recertified_on"], net["recertified_by"]) == ("2024-03-01", f"aligned with {SEC}")
    assert net["explanation"] == f"{NET}: active on 2024-06-01; cycle 2021-09-01 to 2029-04-01"
    assert (net["shortfalls"], net["cycle"]["served_by"], net["cycle"]["counted"]) == ([], SEC, 0)
    # A+: expired; days_left 2020-02-03 -> 2024-06-01 = 1461 (to 2024-02-03) + 119 = 1580 back. Its
    # option by CEUs still shows the 20 it lacked (t1 belongs to Security+ and its cycle is over).
    assert (a_plus["status"], a_plus["expires_on"], a_plus["days_left"], a_plus["rule"]) == (
        "expired",
        "2020-02-03",
        -1580,
        "R-CT-7",
    )
    assert a_plus["explanation"] == (
        f"{A}: expired on 2024-06-01; cycle 2017-02-03 to 2020-02-03 not renewed: expired, last active day "
        "2020-02-03 (R-CT-7)"
    )
    assert a_plus["shortfalls"] == [
        {"rule": "R-CT-2", "kind": "total", "name": None, "needed": 20, "counted": 0}
    ]
    assert result["activities"] == [
        outcome(
            "t1", "counted", 50, "R-FC-4", "t1: counts 50 toward the cycle 2023-04-01 to 2026-04-01",
            toward=SEC, counted=50, cycle_end="2026-04-01", toward_all=(SEC,),
        )
    ]  # fmt: skip
    # Next steps: the window admits no activities (R-CT-7), so each deadline is a cycle end.
    # Security+: its next cycle 2026-04-02 to 2029-04-01 in full (D-FIXED-9); fees must cover 2029-04-01.
    # Network+: its aligned cycle, nothing counted, fees paid through 2022-09-01 only.
    assert result["next"] == [
        {
            "certification": SEC,
            "deadline": "2029-04-01",
            "days_left": 1765,
            "options": [
                _gap("CertMaster CE for Security+", "1 exam(s) of CMCE-S+", 0, "2029-04-01"),
                _gap("Security+ exam passed again", "1 exam(s) of SY0-601, SY0-701", 0, "2029-04-01"),
                _gap("50 CEUs + CE fee", "50 CEU, fees paid through 2029-04-01", 50, "2029-04-01"),
            ],
        },
        {
            "certification": NET,
            "deadline": "2029-04-01",
            "days_left": 1765,
            "options": [
                _gap("CertMaster CE for Network+", "1 exam(s) of CMCE-N+", 0, "2029-04-01"),
                _gap("Network+ exam passed again", "1 exam(s) of N10-008, N10-009", 0, "2029-04-01"),
                _gap("30 CEUs + CE fee", "30 CEU, fees paid through 2029-04-01", 30, "2029-04-01"),
            ],
        },
    ]
    assert result["events"] == [
        event("2017-02-03", "held", A, "R-CT-1", f"{A} held: cycle 2017-02-03 to 2020-02-03"),
        event("2020-02-04", "suspended", A, "R-CT-7", f"{A} not renewed by 2020-02-03: suspended"),
        event("2020-03-05", "expired", A, "R-CT-7", f"{A} expired from 2020-03-05; last active day 2020-02-03"),
        event("2021-09-01", "held", NET, "R-CT-1", f"{NET} held: cycle 2021-09-01 to 2029-04-01"),
        # One event for each alignment (R-CT-6): Security+ earned on 2023-04-01, then renewed.
        event("2023-04-01", "aligned", NET, "R-CT-6", f"{NET} aligned with {SEC} on 2023-04-01: expires 2026-04-01"),
        event("2023-04-01", "held", SEC, "R-CT-1", f"{SEC} held: cycle 2023-04-01 to 2026-04-01"),
        event("2024-03-01", "aligned", NET, "R-CT-6", f"{NET} aligned with {SEC} on 2024-03-01: expires 2029-04-01"),
        event(
            "2024-03-01", "recertified", SEC, "R-CT-2",
            f"{SEC} renewed on 2024-03-01 by 50 CEUs + CE fee: cycle ending 2026-04-01 is followed by one ending 2029-04-01",
            {"activities": ["t1"], "exams": []},
        ),
    ]  # fmt: skip


# A+ from 2009-05-01: before 2011-01-01, Good for Life (R-CT-1). Network+ from 2022-10-01 (E 2025-10-01,
# fees through 2023-10-01); Security+ from 2023-02-01 (E 2026-02-01) aligns it to 2026-02-01 on its
# earning day (R-CT-6). CertMaster CE for Network+ on 2024-05-01 renews it: 2026-02-01 + 3 y =
# 2029-02-01 (R-CT-5, fee included, D-CT-3). SY0-701 passed again on 2024-08-01 renews Security+ from
# that day: 2027-08-01 > 2026-02-01 (D-CT-4); its alignment of Network+ (2027-08-01) would shorten
# 2029-02-01: nothing changes.
EXAMS: dict[str, Any] = {
    "holdings": [
        {"certification": "A+", "earned_on": "2009-05-01"},
        {"certification": "Network+", "earned_on": "2022-10-01", "fees_paid_through": "2023-10-01"},
        {"certification": "Security+", "earned_on": "2023-02-01"},
    ],
    "exams": [{"exam": "CMCE-N+", "passed_on": "2024-05-01"}, {"exam": "SY0-701", "passed_on": "2024-08-01"}],
}


def test_single_activity_renewals_name_the_exam_passes_they_used() -> None:
    result = run(COMPTIA, EXAMS, date(2024, 9, 1))
    sec, net, a_plus = cert(result, SEC), cert(result, NET), cert(result, A)
    # Security+ restarted: its current cycle is 2024-08-01 to 2027-08-01 (opened by the renewal, so
    # nothing is short now). days_left 2024-09-01 -> 2027-08-01 = 1095 - 31 = 1064.
    assert (sec["term_started_on"], sec["expires_on"], sec["days_left"], sec["recertified_on"]) == (
        "2024-08-01",
        "2027-08-01",
        1064,
        "2024-08-01",
    )
    assert sec["explanation"] == f"{SEC}: active on 2024-09-01; cycle 2024-08-01 to 2027-08-01"
    assert sec["shortfalls"] == []
    # Network+: days_left 2024-09-01 -> 2029-02-01 = 1461 (to 2028-09-01) + 153 = 1614. Its last change
    # is the CertMaster renewal (2024-05-01), later than the alignment (2023-02-01).
    assert (net["term_started_on"], net["expires_on"], net["days_left"]) == ("2022-10-01", "2029-02-01", 1614)
    assert (net["recertified_on"], net["recertified_by"]) == ("2024-05-01", "CertMaster CE for Network+")
    assert net["explanation"] == (
        f"{NET}: active on 2024-09-01; cycle 2022-10-01 to 2026-02-01, renewed on 2024-05-01 "
        "(CertMaster CE for Network+): expires 2029-02-01"
    )
    assert net["cycle"]["served_by"] == SEC
    # Good for Life: active, no end, no cycle, nothing due.
    assert {
        k: a_plus[k]
        for k in (
            "level",
            "status",
            "term_started_on",
            "expires_on",
            "days_left",
            "retired",
            "rule",
            "explanation",
        )
    } == {
        "level": "a_plus",
        "retired": False,
        "status": "active",
        "term_started_on": "2009-05-01",
        "expires_on": None,
        "days_left": None,
        "rule": "R-CT-1",
        "explanation": f"{A}: a lifetime certification: no cycle and no credits",
    }
    assert (a_plus["cycle"], a_plus["grace_ends_on"], a_plus["shortfalls"], a_plus["recertified_on"]) == (
        None,
        None,
        [],
        None,
    )
    assert (a_plus["recertified_by"], a_plus["awaiting"]) == (None, [])
    assert result["events"] == [
        event("2022-10-01", "held", NET, "R-CT-1", f"{NET} held: cycle 2022-10-01 to 2026-02-01"),
        event("2023-02-01", "aligned", NET, "R-CT-6", f"{NET} aligned with {SEC} on 2023-02-01: expires 2026-02-01"),
        event("2023-02-01", "held", SEC, "R-CT-1", f"{SEC} held: cycle 2023-02-01 to 2026-02-01"),
        event(
            "2024-05-01", "recertified", NET, "R-CT-5",
            f"{NET} renewed on 2024-05-01 by CertMaster CE for Network+: cycle ending 2026-02-01 is followed by one "
            "ending 2029-02-01",
            {"activities": [], "exams": ["CMCE-N+ on 2024-05-01"]},
        ),
        event(
            "2024-08-01", "recertified", SEC, "R-CT-5",
            f"{SEC} renewed on 2024-08-01 by Security+ exam passed again: cycle ending 2026-02-01 is followed by one "
            "ending 2027-08-01",
            {"activities": [], "exams": ["SY0-701 on 2024-08-01"]},
        ),
    ]  # fmt: skip
    # Next: Security+'s current cycle (the pass on its first day does not count again: an earning exam
    # counts only after the cycle's first day, D-CT-4); no fees date, so fees are not asked.
    # Network+: its following cycle 2026-02-02 to 2029-02-01 in full, fees through 2029-02-01.
    assert result["next"] == [
        {
            "certification": SEC,
            "deadline": "2027-08-01",
            "days_left": 1064,
            "options": [
                _gap("CertMaster CE for Security+", "1 exam(s) of CMCE-S+", 0, "2027-08-01"),
                _gap("Security+ exam passed again", "1 exam(s) of SY0-601, SY0-701", 0, "2027-08-01"),
                _gap("50 CEUs + CE fee", "50 CEU", 50, "2027-08-01"),
            ],
        },
        {
            "certification": NET,
            "deadline": "2029-02-01",
            "days_left": 1614,
            "options": [
                _gap("CertMaster CE for Network+", "1 exam(s) of CMCE-N+", 0, "2029-02-01"),
                _gap("Network+ exam passed again", "1 exam(s) of N10-008, N10-009", 0, "2029-02-01"),
                _gap("30 CEUs + CE fee", "30 CEU, fees paid through 2029-02-01", 30, "2029-02-01"),
            ],
        },
    ]


def test_a_lifetime_certification_ranked_higher_does_not_stop_the_others() -> None:
    # Security+ from 2010-03-01: Good for Life (R-CT-1), no cycle, takes no CEUs (R-CT-4 names the
    # highest *non-lifetime* certification). Network+ from 2022-01-10 (E 2025-01-10) is run after it
    # and takes t1: 30 >= 30 on 2023-05-01, no fees date: renewed, next end 2028-01-10.
    # A+ from 2021-09-01 (E 2024-09-01): Network+ earned inside its cycle aligns it to 2025-01-10, and
    # its renewal to 2028-01-10 (R-CT-6), although the lifetime Security+ aligns nothing.
    data = {
        "holdings": [
            {"certification": "Security+", "earned_on": "2010-03-01"},
            {"certification": "Network+", "earned_on": "2022-01-10"},
            {"certification": "A+", "earned_on": "2021-09-01"},
        ],
        "activities": [act("t1", 30, "2023-05-01", "2023-05-02")],
    }
    result = run(COMPTIA, data, date(2023, 6, 1))
    sec, net = cert(result, SEC), cert(result, NET)
    assert (sec["status"], sec["expires_on"], sec["cycle"]) == ("active", None, None)
    assert (net["status"], net["recertified_on"], net["expires_on"]) == ("active", "2023-05-01", "2028-01-10")
    assert net["explanation"] == (
        f"{NET}: active on 2023-06-01; cycle 2022-01-10 to 2025-01-10, renewed on 2023-05-01 (30 CEUs + CE fee): "
        "expires 2028-01-10"
    )
    t1 = next(a for a in result["activities"] if a["id"] == "t1")
    assert (t1["counted_toward"], t1["counted_toward_all"]) == (NET, [NET])
    # The lifetime certification has no events; the others' come after it is skipped. Each
    # alignment of A+'s one cycle is an event (2022-01-10 by the earning, 2023-05-01 by the renewal);
    # A+'s status shows the last one.
    assert [(e["on"], e["kind"], e["certification"]) for e in result["events"]] == [
        ("2021-09-01", "held", A),
        ("2022-01-10", "aligned", A),
        ("2022-01-10", "held", NET),
        ("2023-05-01", "aligned", A),
        ("2023-05-01", "recertified", NET),
    ]
    a_plus = cert(result, A)
    assert (a_plus["expires_on"], a_plus["recertified_on"], a_plus["recertified_by"]) == (
        "2028-01-10",
        "2023-05-01",
        f"aligned with {NET}",
    )


def _two(net: dict[str, str], sec_earned: str) -> dict[str, Any]:
    return {
        "holdings": [
            {"certification": "Network+", **net},
            {"certification": "Security+", "earned_on": sec_earned},
        ]
    }


def test_earning_a_higher_certification_aligns_only_inside_the_lower_cycle_and_only_to_a_later_end() -> None:
    # Both from 2022-01-10: the same end 2025-01-10, nothing to align (end < higher end is false).
    same = cert(run(COMPTIA, _two({"earned_on": "2022-01-10"}, "2022-01-10"), date(2023, 1, 1)), NET)
    assert (same["expires_on"], same["recertified_by"]) == ("2025-01-10", None)
    # Network+ with the given end 2024-06-01 and Security+ earned on Network+'s first day: aligned
    # to 2025-01-10 (the first day is inside the cycle, R-CT-6 "earned", D-FIXED-4).
    first_day = _two({"earned_on": "2022-01-10", "expires_on": "2024-06-01"}, "2022-01-10")
    net = cert(run(COMPTIA, first_day, date(2023, 1, 1)), NET)
    assert (net["expires_on"], net["recertified_on"], net["recertified_by"]) == (
        "2025-01-10",
        "2022-01-10",
        f"aligned with {SEC}",
    )
    # Security+ earned on Network+'s last day 2024-03-01 (Network+ from 2021-03-01): aligned to
    # 2027-03-01, so on 2024-04-01 Network+ is active, not suspended.
    last_day = cert(run(COMPTIA, _two({"earned_on": "2021-03-01"}, "2024-03-01"), date(2024, 4, 1)), NET)
    assert (last_day["status"], last_day["expires_on"]) == ("active", "2027-03-01")
    # Earned the day after: Network+ had ended on 2024-03-01; suspended (30-day window), not aligned.
    after = cert(run(COMPTIA, _two({"earned_on": "2021-03-01"}, "2024-03-02"), date(2024, 3, 15)), NET)
    assert (after["status"], after["expires_on"], after["recertified_by"]) == (
        "suspended",
        "2024-03-01",
        None,
    )


CYSA = "CompTIA CySA+"

# A+ from 2011-01-15 (E 2014-01-15), Security+ from 2011-02-20 (E 2014-02-20), CySA+ from 2017-06-01
# (E 2020-06-01), no fees dates. All CEUs go to the highest active certification (R-CT-4): s1 and s2
# (50 each) to Security+, c1 (60) to CySA+, once it is held.
STAIRS: dict[str, Any] = {
    "holdings": [
        {"certification": "A+", "earned_on": "2011-01-15"},
        {"certification": "Security+", "earned_on": "2011-02-20"},
        {"certification": "CySA+", "earned_on": "2017-06-01"},
    ],
    "activities": [
        act("s1", 50, "2013-01-21", "2013-01-25"),
        act("s2", 50, "2016-01-21", "2016-01-25"),
        act("c1", 60, "2018-05-11", "2018-05-15"),
    ],
}


def _ends(result: dict[str, Any]) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [
        (c["certification"], c["status"], c["expires_on"], c["recertified_on"], c["recertified_by"])
        for c in result["certifications"]
    ]


def test_every_earning_and_renewal_of_a_higher_certification_aligns_its_whole_map() -> None:
    # Security+ renewed on 2013-01-21 (50 >= 50): 2014-02-20 + 3 y = 2017-02-20; A+ (active,
    # E 2014-01-15) aligned to 2017-02-20. Renewed on 2016-01-21: 2017-02-20 + 3 y = 2020-02-20; A+
    # aligned to 2020-02-20 (R-CT-6). CySA+ earned on 2017-06-01 (E 2020-06-01): both active that
    # day, max(2020-02-20, 2020-06-01) = 2020-06-01.
    early = run(COMPTIA, STAIRS, date(2017, 7, 1))
    assert _ends(early) == [
        (CYSA, "active", "2020-06-01", None, None),
        (SEC, "active", "2020-06-01", "2017-06-01", f"aligned with {CYSA}"),
        (A, "active", "2020-06-01", "2017-06-01", f"aligned with {CYSA}"),
    ]
    # CySA+ renewed on 2018-05-11 (60 >= 60): 2020-06-01 + 3 y = 2023-06-01; Security+ and A+, both
    # active that day, take max(2020-06-01, 2023-06-01) = 2023-06-01: A+ is active on 2021-01-01.
    late = run(COMPTIA, STAIRS, date(2021, 1, 1))
    # Every alignment is an event, the day it happened, with the end it gave (A+ is aligned on
    # Security+'s earning too: 2011-02-20, max(2014-01-15, 2014-02-20) = 2014-02-20).
    assert [(e["on"], e["certification"], e["detail"]) for e in late["events"] if e["kind"] == "aligned"] == [
        ("2011-02-20", A, f"{A} aligned with {SEC} on 2011-02-20: expires 2014-02-20"),
        ("2013-01-21", A, f"{A} aligned with {SEC} on 2013-01-21: expires 2017-02-20"),
        ("2016-01-21", A, f"{A} aligned with {SEC} on 2016-01-21: expires 2020-02-20"),
        ("2017-06-01", A, f"{A} aligned with {CYSA} on 2017-06-01: expires 2020-06-01"),
        ("2017-06-01", SEC, f"{SEC} aligned with {CYSA} on 2017-06-01: expires 2020-06-01"),
        ("2018-05-11", A, f"{A} aligned with {CYSA} on 2018-05-11: expires 2023-06-01"),
        ("2018-05-11", SEC, f"{SEC} aligned with {CYSA} on 2018-05-11: expires 2023-06-01"),
    ]
    assert _ends(late) == [
        (CYSA, "active", "2023-06-01", "2018-05-11", "60 CEUs + CE fee"),
        (SEC, "active", "2023-06-01", "2018-05-11", f"aligned with {CYSA}"),
        (A, "active", "2023-06-01", "2018-05-11", f"aligned with {CYSA}"),
    ]


def test_an_alignment_compares_with_the_renewed_next_end_and_never_shortens() -> None:
    # A+ from 2014-01-15 (E 2017-01-15), Security+ from 2014-02-20 (E 2017-02-20), s1 50 CEUs on
    # 2015-03-01 renew Security+: next end 2017-02-20 + 3 y = 2020-02-20, and align A+ to 2020-02-20.
    # CySA+ earned on 2016-06-01 (E 2019-06-01): max(2020-02-20, 2019-06-01) = 2020-02-20 for both,
    # nothing moves, so the Security+ renewal is not added to 2019-06-01 (2022-06-01).
    data = {
        "holdings": [
            {"certification": "A+", "earned_on": "2014-01-15"},
            {"certification": "Security+", "earned_on": "2014-02-20"},
            {"certification": "CySA+", "earned_on": "2016-06-01"},
        ],
        "activities": [act("s1", 50, "2015-03-01", "2015-03-05")],
    }
    assert _ends(run(COMPTIA, data, date(2016, 7, 1))) == [
        (CYSA, "active", "2019-06-01", None, None),
        (SEC, "active", "2020-02-20", "2015-03-01", "50 CEUs + CE fee"),
        (A, "active", "2020-02-20", "2015-03-01", f"aligned with {SEC}"),
    ]


def test_an_earning_aligns_to_the_earned_cycle_not_to_the_end_a_later_alignment_gave_it() -> None:
    # Network+ from 2022-07-17 (E 2025-07-17), Security+ from 2022-10-27 (E 2025-10-27), CySA+ from
    # 2024-02-13 (E 2027-02-13). On 2022-10-27 Network+ takes Security+'s new cycle, 2025-10-27; only
    # on 2024-02-13 does CySA+ give both 2027-02-13 (R-CT-6), although Security+'s one cycle now
    # runs to 2027-02-13.
    data = {
        "holdings": [
            {"certification": "Network+", "earned_on": "2022-07-17"},
            {"certification": "Security+", "earned_on": "2022-10-27"},
            {"certification": "CySA+", "earned_on": "2024-02-13"},
        ]
    }
    result = run(COMPTIA, data, date(2024, 6, 1))
    assert [
        (e["on"], e["certification"], e["detail"]) for e in result["events"] if e["kind"] == "aligned"
    ] == [
        ("2022-10-27", NET, f"{NET} aligned with {SEC} on 2022-10-27: expires 2025-10-27"),
        ("2024-02-13", NET, f"{NET} aligned with {CYSA} on 2024-02-13: expires 2027-02-13"),
        ("2024-02-13", SEC, f"{SEC} aligned with {CYSA} on 2024-02-13: expires 2027-02-13"),
    ]
    assert [(c["expires_on"], c["recertified_by"]) for c in result["certifications"]] == [
        ("2027-02-13", None),
        ("2027-02-13", f"aligned with {CYSA}"),
        ("2027-02-13", f"aligned with {CYSA}"),
    ]


def test_a_renewal_after_the_alignment_renews_the_aligned_cycle() -> None:
    # Network+ from 2019-05-01 (E 2022-05-01), CertMaster CE for Network+ on 2021-03-01 (R-CT-5):
    # 2022-05-01 + 3 y = 2025-05-01. A+ from 2021-01-10 (E 2024-01-10) is active that day: aligned to
    # 2025-05-01 (R-CT-6). CertMaster CE for A+ on 2023-06-01 then renews that aligned cycle:
    # 2025-05-01 + 3 y = 2028-05-01 (the renewal is not undone by the earlier alignment).
    data = {
        "holdings": [
            {"certification": "Network+", "earned_on": "2019-05-01"},
            {"certification": "A+", "earned_on": "2021-01-10"},
        ],
        "exams": [
            {"exam": "CMCE-N+", "passed_on": "2021-03-01"},
            {"exam": "CMCE-A+", "passed_on": "2023-06-01"},
        ],
    }
    result = run(COMPTIA, data, date(2024, 6, 1))
    assert _ends(result) == [
        (NET, "active", "2025-05-01", "2021-03-01", "CertMaster CE for Network+"),
        (A, "active", "2028-05-01", "2023-06-01", "CertMaster CE for A+"),
    ]
    assert [(e["on"], e["kind"], e["certification"]) for e in result["events"]] == [
        ("2019-05-01", "held", NET),
        ("2021-01-10", "held", A),
        ("2021-03-01", "aligned", A),
        ("2021-03-01", "recertified", NET),
        ("2023-06-01", "recertified", A),
    ]


def test_a_renewal_of_an_aligned_cycle_passes_on_the_end_it_gives() -> None:
    # Security+ from 2016-05-01 (E 2019-05-01) takes s1, 50 CEUs on 2018-04-04 (R-CT-4): renewed,
    # 2019-05-01 + 3 y = 2022-05-01. Network+ (from 2017-04-11, E 2020-04-11) and A+ (from 2017-07-04,
    # E 2020-07-04) are aligned to 2022-05-01. CertMaster CE for Network+ on 2018-09-02 renews its
    # aligned cycle: 2022-05-01 + 3 y = 2025-05-01, and A+, active that day, takes 2025-05-01 too.
    data = {
        "holdings": [
            {"certification": "Security+", "earned_on": "2016-05-01"},
            {"certification": "Network+", "earned_on": "2017-04-11"},
            {"certification": "A+", "earned_on": "2017-07-04"},
        ],
        "exams": [{"exam": "CMCE-N+", "passed_on": "2018-09-02"}],
        "activities": [act("s1", 50, "2018-04-04", "2018-04-05")],
    }
    assert _ends(run(COMPTIA, data, date(2024, 6, 1))) == [
        (SEC, "expired", "2022-05-01", "2018-04-04", "50 CEUs + CE fee"),
        (NET, "active", "2025-05-01", "2018-09-02", "CertMaster CE for Network+"),
        (A, "active", "2025-05-01", "2018-09-02", f"aligned with {NET}"),
    ]


def test_a_certmaster_renewal_uses_its_pass_not_the_ceus_counted_in_the_cycle() -> None:
    # Security+ from 2023-06-01 (E 2026-06-01); s1 10 CEUs counted (2023-07-01). CMCE-S+ passed on
    # 2024-03-01 meets "CertMaster CE for Security+" (R-CT-5): renewed that day; the next cycle ends
    # 2029-06-01 (fixed cycles do not stack, R-FC-2). The renewal used the pass only: s1's 10 CEUs were
    # not needed by it, so its event lists no activity.
    data = {
        "holdings": [{"certification": "Security+", "earned_on": "2023-06-01"}],
        "exams": [{"exam": "CMCE-S+", "passed_on": "2024-03-01"}],
        "activities": [act("s1", 10, "2023-07-01", "2023-07-01")],
    }
    result = run(COMPTIA, data, date(2024, 6, 1))
    renewal = next(e for e in result["events"] if e["kind"] == "recertified")
    assert renewal == event(
        "2024-03-01",
        "recertified",
        SEC,
        "R-CT-5",
        "CompTIA Security+ renewed on 2024-03-01 by CertMaster CE for Security+: cycle ending 2026-06-01 "
        "is followed by one ending 2029-06-01",
        {"activities": [], "exams": ["CMCE-S+ on 2024-03-01"]},
    )


def test_an_exam_renewal_comes_before_the_day_s_activities_whatever_the_order_of_the_options() -> None:
    # Security+ with its CEU option listed first (a variant of the option order). SY0-701 passed on
    # 2024-03-01 meets "Security+ exam passed again", which restarts the cycle: 2024-03-01 to 2027-03-01
    # (D-CT-4). Exam options are tried before the day's activities (as D-DAY-1), so s1 5 CEUs completed
    # that day count toward the new cycle, even though the CEU option, first in the list, is not one.
    data = policy_data("comptia")
    options = data["levels"]["security_plus"]["options"]
    options.insert(0, options.pop())
    policy = recert.policy_from_mapping(data)
    record = {
        "holdings": [{"certification": "Security+", "earned_on": "2023-06-01"}],
        "exams": [{"exam": "SY0-701", "passed_on": "2024-03-01"}],
        "activities": [act("s1", 5, "2024-03-01", "2024-03-01")],
    }
    result = run(policy, record, date(2024, 6, 1))
    s1 = next(a for a in result["activities"] if a["id"] == "s1")
    assert (s1["cycle_ends_on"], s1["explanation"]) == (
        "2027-03-01",
        "s1: counts 5 toward the cycle 2024-03-01 to 2027-03-01",
    )
    sec = cert(result, SEC)
    assert (sec["term_started_on"], sec["expires_on"], sec["recertified_by"]) == (
        "2024-03-01",
        "2027-03-01",
        "Security+ exam passed again",
    )
