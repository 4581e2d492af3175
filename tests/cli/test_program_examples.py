"""The example records of ``examples/programs/``, one per fixed-cycle program, through ``recert evaluate``.

Each test runs the record with ``--policy ID --format json`` (the record's own ``as_of``) and
checks the values worked out by hand from spec/programs.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from recert.cli import main

PROGRAMS = Path(__file__).parents[2] / "examples" / "programs"


def _run(policy_id: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert (
        main(["evaluate", "--policy", policy_id, str(PROGRAMS / f"{policy_id}.json"), "--format", "json"])
        == 0
    )
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert result["policy"]["id"] == policy_id
    return result


def _cert(result: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in result["certifications"] if c["certification"] == name)
    return found


def _activity(result: dict[str, Any], activity_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(a for a in result["activities"] if a["id"] == activity_id)
    return found


def test_every_program_has_one_example() -> None:
    assert sorted(p.stem for p in PROGRAMS.glob("*.json")) == [
        "comptia",
        "isaca-cisa",
        "isc2-cissp",
        "pmi-pmp",
    ]


def test_isc2_cissp_example(capsys: pytest.CaptureFixture[str]) -> None:
    result = _run("isc2-cissp", capsys)
    assert result["policy"]["unit"] == "CPE"
    cissp = _cert(result, "CISSP")
    # S = 2023-05-15, E = S + 3 y = 2026-05-15. Running: a1 A60 (T60); b1 B40 capped at the Group B
    # maximum 30 (T90); a2 A30 on 2025-09-20: A90, T120 -> renewed 2025-09-20 (R-ISC2-2).
    # Next cycle 2026-05-16 .. 2029-05-15 (R-FC-2); as_of 2026-01-15 is still in the first cycle.
    assert cissp["status"] == "active"
    assert cissp["term_started_on"] == "2023-05-15"
    assert cissp["expires_on"] == "2029-05-15"
    assert cissp["recertified_on"] == "2025-09-20"
    assert cissp["shortfalls"] == []
    b1 = _activity(result, "b1")
    assert (b1["counted_credits"], b1["capped"]) == (30, "category_cap")
    assert _activity(result, "a2")["cycle_ends_on"] == "2026-05-15"


def test_comptia_example(capsys: pytest.CaptureFixture[str]) -> None:
    result = _run("comptia", capsys)
    assert result["policy"]["unit"] == "CEU"
    sec = _cert(result, "CompTIA Security+")
    # Security+ S = 2022-04-10, E = 2025-04-10, 50 CEUs. t1 30; w1 15 capped at the webinar cap 10
    # (T40); t2 10 on 2024-11-20: T50, fee paid through E -> renewed 2024-11-20; next cycle
    # 2025-04-11 .. 2028-04-10 (R-CT-1, R-CT-2).
    assert (sec["status"], sec["expires_on"], sec["recertified_on"]) == ("active", "2028-04-10", "2024-11-20")
    assert sec["term_started_on"] == "2025-04-11"
    w1 = _activity(result, "w1")
    assert (w1["counted_credits"], w1["capped"], w1["counted_toward"]) == (
        10,
        "category_cap",
        "CompTIA Security+",
    )
    # A+ S = 2022-01-20, E = 2025-01-20, active on 2024-11-20 -> aligned to Security+'s 2028-04-10
    # (R-CT-6); every CEU went to Security+, the intent level (R-CT-4).
    aplus = _cert(result, "CompTIA A+")
    assert (aplus["status"], aplus["expires_on"]) == ("active", "2028-04-10")
    assert aplus["recertified_by"] == "aligned with CompTIA Security+"
    assert aplus["cycle"]["served_by"] == "CompTIA Security+"


def test_pmi_pmp_example(capsys: pytest.CaptureFixture[str]) -> None:
    result = _run("pmi-pmp", capsys)
    assert result["policy"]["unit"] == "PDU"
    pmp = _cert(result, "PMP")
    # S = 2022-02-01, E = 2025-02-01. Education 15 + 10 + 12.25 (12.3 rounded down to 0.25,
    # R-PMI-7) = 37.25 >= 35, each area >= 8; g1 10 -> 8 (practitioner cap); g2 20 -> 17 (Giving
    # Back cap 25 - 8). T = 37.25 + 25 = 62.25 >= 60 on 2024-05-01 -> renewed (R-PMI-2 to 4).
    # Carry-over: 62.25 - 60 = 2.25 of g2 (year 3 = 2024-02-02 .. 2025-02-01) into 2025-02-02 ..
    # 2028-02-01 (R-PMI-6).
    assert (pmp["status"], pmp["expires_on"], pmp["recertified_on"]) == ("active", "2028-02-01", "2024-05-01")
    assert pmp["cycle"]["starts_on"] == "2025-02-02"
    assert pmp["cycle"]["rolled_in"] == 2.25
    assert _activity(result, "e3")["counted_credits"] == 12.25
    g2 = _activity(result, "g2")
    assert (g2["counted_credits"], g2["rolled_over"]) == (17, 2.25)


def test_isaca_cisa_example(capsys: pytest.CaptureFixture[str]) -> None:
    result = _run("isaca-cisa", capsys)
    assert result["policy"]["unit"] == "CPE hours"
    cisa = _cert(result, "CISA")
    # Earned 2021-06-15 (not 1 January): E = 31 Dec 2021 + 3 y = 2024-12-31, the stub counts as
    # year 1 (R-ISACA-1, D-ISACA-3). Years: 2021-22 10 + 15 = 25; 2023 45; 2024 50 (claimed
    # 2025-01-10, before the 15 January deadline, R-ISACA-3). T = 120 on 2024-09-01 -> renewed;
    # next period 2025-01-01 .. 2027-12-31.
    assert (cisa["status"], cisa["expires_on"], cisa["recertified_on"]) == (
        "active",
        "2027-12-31",
        "2024-09-01",
    )
    assert cisa["term_started_on"] == "2025-01-01"
    h4 = _activity(result, "h4")
    assert (h4["outcome"], h4["cycle_ends_on"]) == ("counted", "2024-12-31")
