"""``recert catalog`` of the fixed-cycle policies: their own cycle, window, unit, caps and renewal map.

Every figure comes from spec/programs.md sections 2 to 5 and the policy files; the rows are
the printed ones, so a rolling-cycle word ("ladder", "CE credits", "cascade renewal") fails.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from recert.cli import main


def _text(policy_id: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["catalog", "--policy", policy_id]) == 0
    return capsys.readouterr().out.splitlines()


def _json(policy_id: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["catalog", "--policy", policy_id, "--format", "json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def _cert(data: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in data["certifications"] if c["name"] == name)
    return found


@pytest.mark.parametrize("policy_id", ["isc2-cissp", "comptia", "pmi-pmp", "isaca-cisa"])
def test_no_rolling_cycle_words(policy_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = "\n".join(_text(policy_id, capsys))
    assert "ladder" not in text
    assert "CE credits" not in text
    assert "cascade renewal" not in text
    assert "fixed" in text


def test_isc2_cissp_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    lines = _text("isc2-cissp", capsys)
    # R-ISC2-4: 90 days after E to complete, report and pay, suspended meanwhile; R-ISC2-5: up to
    # 40 Group A CPE of the last 6 months roll over; R-ISC2-2: Group B counts for at most 30.
    assert (
        "cissp (fixed cycles from the certification date; unit CPE; window 90 days after the cycle end "
        "(completing, paying, reporting; suspended in it, then expired); claims by the window's end; "
        "rollover of group_a credits from the last 6 months, at most 40)"
    ) in lines
    assert (
        "  CISSP          3 years   CISSP      120 CPE (90 Group A) + AMF  cap group_b: 30 CPE per cycle (R-ISC2-2)"
        in lines
    )
    assert any(
        line.startswith("  CISSP-ISSAP ") and line.endswith("cycles with CISSP; its credits count for both")
        for line in lines
    )
    data = _json("isc2-cissp", capsys)
    assert data["program"]["unit"] == "CPE"
    assert data["program"]["lifecycle"]["window"]["length"] == "90 days"
    assert data["program"]["lifecycle"]["rollover"] == {
        "max": 40,
        "within": "6 months",
        "categories": ["group_a"],
        "rule": "R-ISC2-5",
    }
    assert _cert(data, "CISSP")["caps"] == [
        {"categories": ["group_b"], "groups": [], "max": 30, "per": "cycle", "rule": "R-ISC2-2"}
    ]
    issap = _cert(data, "CISSP-ISSAP")
    assert (issap["follows"], issap["share_credits"], issap["cascade"]) == ("CISSP", True, False)


def test_comptia_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    lines = _text("comptia", capsys)
    # R-CT-7: 30 days after E to upload and pay, not to complete; R-CT-6: the renewal map.
    assert (
        "security_plus (fixed cycles from the certification date; unit CEU; window 30 days after the cycle "
        "end (paying, reporting; suspended in it, then expired); claims by the window's end; no rollover)"
    ) in lines
    assert "  CompTIA Security+ -> CompTIA Network+, CompTIA A+ (R-CT-6)" in lines
    assert any(line.rstrip().endswith("cap webinar_conference: 10 CEU per cycle (R-CT-2)") for line in lines)
    data = _json("comptia", capsys)
    assert data["program"]["cascade"] == "map"
    assert data["program"]["renewal_map"]["CompTIA Network+"] == ["CompTIA A+"]
    sec = _cert(data, "CompTIA Security+")
    # R-CT-3: work experience 3 CEUs per cycle year and 9 per cycle.
    work = [(c["max"], c["per"]) for c in sec["caps"] if c["categories"] == ["work_experience"]]
    assert sorted(work) == [(3, "year"), (9, "cycle")]
    assert (sec["cascade"], _cert(data, "CompTIA A+")["cascade"]) == (True, False)


def test_pmi_pmp_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    lines = _text("pmi-pmp", capsys)
    # R-PMI-5: suspended one year after E, PDUs may still be earned and reported; R-PMI-6: PDUs of
    # year 3 carry over (no maximum, D-PMI-1); R-PMI-4: practitioner 8, Giving Back 25.
    assert (
        "pmp (fixed cycles from the certification date; unit PDU; window 1 year after the cycle end "
        "(completing, paying, reporting; suspended in it, then expired); claims by the window's end; "
        "rollover of credits from the last 1 year, no maximum)"
    ) in lines
    assert any(
        line.rstrip().endswith("cap giving_back_practitioner: 8 PDU per cycle (R-PMI-4)") for line in lines
    )
    assert any(line.rstrip().endswith("cap giving_back: 25 PDU per cycle (R-PMI-4)") for line in lines)
    caps = _cert(_json("pmi-pmp", capsys), "PMP")["caps"]
    assert [(c["categories"], c["groups"], c["max"]) for c in caps] == [
        (["giving_back_practitioner"], [], 8),
        ([], ["giving_back"], 25),
    ]


def test_isaca_cisa_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    lines = _text("isaca-cisa", capsys)
    # R-ISACA-1: calendar periods; R-ISACA-3: hours of year Y by 15 January of Y + 1, suspended
    # from 1 to 15 January after the period; R-ISACA-4: then revoked.
    assert (
        "cisa (fixed calendar-year cycles; unit CPE hours; window until 01-15 after the cycle end "
        "(paying, reporting; suspended in it, then revoked); claims each cycle year by 01-15 of the next; "
        "no rollover)"
    ) in lines
    data = _json("isaca-cisa", capsys)
    life = data["program"]["lifecycle"]
    assert (life["calendar"], life["window"]["until"], life["window"]["then"]) == (
        "calendar_year",
        "01-15",
        "revoked",
    )
    assert life["reporting"] == {"deadline": "yearly", "yearly_by": "01-15", "rule": "R-ISACA-3"}
    assert _cert(data, "CISA")["caps"] == []


def test_the_cisco_catalog_json_keeps_its_shape(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json("cisco-ce", capsys)
    assert "program" not in data
    assert "caps" not in data["certifications"][0]
