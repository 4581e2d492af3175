"""Catalogs: reading CSV / JSON Lines / JSON arrays, and ``recert offerings check``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recert.cli import main as recert_main
from recert.cli.offerings import main
from recert.exceptions import OfferingError
from recert.io.offering_catalog import offering_from_mapping, read_catalog

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "offerings-catalog.csv"
HEADER = ("item_id,title,provider,authorized_partner,format,labs,edition,duration_hours,"
          "ce_credits,learning_credits,track,starts_on,ends_on,ce_catalog_id")
CLEAN = ("NW-ENCOR-ILT,Implementing and Operating Cisco Enterprise Network Core Technologies,"
         "Northwind Network Academy,yes,instructor-led,yes,full,40,64,40,Enterprise,2025-03-10,"
         "2025-03-14,CE-EX-1001")

# The example catalog's report, worked out row by row (docs/vendors.md explains each).
EXPECTED_TEXT = """\
LINE   ITEM                     SEVERITY  CHECK                FIELD               MESSAGE
2      NW-ENCOR-ILT             ok
3      NW-ENCOR-VILT            ok
4      NW-ENARSI-ILT            ok
5      NW-CCNA-ILT              warning   learning_credits     ce_credits          36 CE credits equals the price of 36 Cisco Learning Credits: Learning Credits are money, not CE credits
6      NW-CBROPS-EL             ok
7      NW-CBROPS-LITE           error     labs                 edition             a 'lite' edition earns no CE credits, but 30 are stated
8      NW-CCNA-NOLABS           info      catalog_id           ce_catalog_id       has no CE catalog id: an item outside Cisco's CE item catalog earns no CE credits
8      NW-CCNA-NOLABS           info      labs                 edition             a 'no labs' edition earns no CE credits, and 0 are stated
9      NW-SCOR-EL               error     labs                 labs                e-learning without labs earns no CE credits, but 64 are stated
10     NW-DEVCOR-ILT            error     credit_range         ce_credits          80 CE credits is outside 4 to 64, the range for training
10     NW-DEVCOR-ILT            warning   credits_per_hour     ce_credits          80 CE credits for 40 hours is 2 per hour, above 1.6 per hour
11     NW-SISE-ILT              error     catalog_id           ce_catalog_id       has no CE catalog id: an item outside Cisco's CE item catalog earns no CE credits
12     NW-ENAUTO-ILT            warning   credits_per_hour     ce_credits          48 CE credits for 24 hours is 2 per hour, above 1.6 per hour
13     NW-ENCOR-LP              ok
14     QC-DCCOR-BOOT            error     authorized_provider  authorized_partner  provider 'QuickCert Bootcamps' is not Cisco or an authorized partner: its deliveries earn no CE credits
15     NW-CLCOR-VILT            error     dates                ends_on             2025-09-15 is before starts_on 2025-09-19
16     NW-SDWAN-WS              error     credit_range         ce_credits          2 CE credits is outside 4 to 64, the range for training
17     CL-BRKENS-2090           ok
18     CX-ITEM-AUTH             ok
19     NW-ENSDWI-VILT           error     malformed            ce_credits          'sixty-four' is not a number
20     NW-DEVASC-EL             ok
21     NW-SPCOR-ILT             ok
20 rows: 19 offerings checked (9 without findings, 7 with errors, 2 with warnings only, 1 with info only), 1 malformed; 7 errors, 3 warnings, 2 info
"""


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_catalog_text_report_line_by_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["offerings", "check", str(EXAMPLE)], capsys)
    assert out.splitlines() == EXPECTED_TEXT.splitlines()
    assert status == 1


def test_the_example_catalog_json_report_line_by_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["offerings", "check", str(EXAMPLE), "--format", "json"], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    rows = [(d["line"], d["item_id"], d["ok"],
             [(f["severity"], f["check"], f["rule"], f["field"]) for f in d["findings"]])
            for d in lines[:-1] if "findings" in d]
    assert rows == [
        (2, "NW-ENCOR-ILT", True, []),
        (3, "NW-ENCOR-VILT", True, []),
        (4, "NW-ENARSI-ILT", True, []),
        (5, "NW-CCNA-ILT", True, [("warning", "learning_credits", "R-CE-7", "ce_credits")]),
        (6, "NW-CBROPS-EL", True, []),
        (7, "NW-CBROPS-LITE", False, [("error", "labs", "R-CE-6", "edition")]),
        (8, "NW-CCNA-NOLABS", True, [("info", "catalog_id", "R-CE-6", "ce_catalog_id"),
                                     ("info", "labs", "R-CE-6", "edition")]),
        (9, "NW-SCOR-EL", False, [("error", "labs", "R-CE-6", "labs")]),
        (10, "NW-DEVCOR-ILT", False, [("error", "credit_range", "R-CE-6", "ce_credits"),
                                      ("warning", "credits_per_hour", "D-OFFER-1", "ce_credits")]),
        (11, "NW-SISE-ILT", False, [("error", "catalog_id", "R-CE-6", "ce_catalog_id")]),
        (12, "NW-ENAUTO-ILT", True, [("warning", "credits_per_hour", "D-OFFER-1", "ce_credits")]),
        (13, "NW-ENCOR-LP", True, []),
        (14, "QC-DCCOR-BOOT", False, [("error", "authorized_provider", "R-CE-6",
                                       "authorized_partner")]),
        (15, "NW-CLCOR-VILT", False, [("error", "dates", "D-OFFER-2", "ends_on")]),
        (16, "NW-SDWAN-WS", False, [("error", "credit_range", "R-CE-6", "ce_credits")]),
        (17, "CL-BRKENS-2090", True, []),
        (18, "CX-ITEM-AUTH", True, []),
        (20, "NW-DEVASC-EL", True, []),
        (21, "NW-SPCOR-ILT", True, []),
    ]
    assert lines[17] == {"line": 19, "item_id": "NW-ENSDWI-VILT", "ok": False, "problems": [
        {"field": "ce_credits", "message": "'sixty-four' is not a number"}]}
    assert lines[-1] == {"summary": {
        "rows": 20, "clean": 9, "with_errors": 7, "warnings_only": 2, "info_only": 1,
        "malformed": 1, "errors": 7, "warnings": 3, "infos": 2}}
    # The messages are the text report's.
    assert lines[3]["findings"][0]["message"] == (
        "36 CE credits equals the price of 36 Cisco Learning Credits: Learning Credits are money, "
        "not CE credits")
    assert status == 1


def test_recert_command_line_runs_offerings_check(capsys: pytest.CaptureFixture[str]) -> None:
    status = recert_main(["offerings", "check", str(EXAMPLE)])
    assert capsys.readouterr().out.splitlines() == EXPECTED_TEXT.splitlines()
    assert status == 1


def test_a_clean_catalog_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "clean.csv", f"{HEADER}\n{CLEAN}\n")
    status, out, _ = run(["offerings", "check", str(path)], capsys)
    assert out.splitlines()[1:] == [
        "2      NW-ENCOR-ILT             ok",
        "1 rows: 1 offerings checked (1 without findings, 0 with errors, 0 with warnings only, "
        "0 with info only), 0 malformed; 0 errors, 0 warnings, 0 info"]
    assert status == 0


def test_warnings_alone_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 64 credits for 32 hours = 2 per hour > 1.6: a warning, not an error.
    row = CLEAN.replace(",40,64,40,", ",32,64,40,")
    status, out, _ = run(["offerings", "check", str(write(tmp_path, "w.csv",
                                                           f"{HEADER}\n{row}\n"))], capsys)
    assert "warning   credits_per_hour" in out
    assert status == 0


def test_unknown_columns_reject_the_catalog(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    header = HEADER.replace("labs,", "lab,").replace("title,", "title,notes,")
    path = write(tmp_path, "typo.csv", f"{header}\n{CLEAN},x\n")
    status, out, _ = run(["offerings", "check", str(path)], capsys)
    assert out.splitlines()[0] == f"error: {path}: 2 problems"
    assert out.splitlines()[1].strip().startswith("header.notes: unknown column (expected item_id,")
    assert out.splitlines()[2].strip().startswith("header.lab: unknown column")
    assert status == 1


def test_missing_required_columns_reject_the_catalog(tmp_path: Path) -> None:
    path = write(tmp_path, "short.csv", "item_id,title\nA,B\n")
    with pytest.raises(OfferingError) as caught:
        list(read_catalog(path))
    assert [str(p) for p in caught.value.problems] == [
        "header.provider: required column is missing",
        "header.authorized_partner: required column is missing",
        "header.format: required column is missing",
        "header.ce_credits: required column is missing",
    ]


def test_malformed_rows_carry_their_line_and_do_not_stop_the_others(tmp_path: Path) -> None:
    # Line 2 holds a title quoted over two lines (lines 2-3), so the next row starts on line 4.
    two_line = CLEAN.replace("Implementing and Operating", '"Implementing and\nOperating', 1)
    two_line = two_line.replace("Technologies,", 'Technologies",', 1)
    bad_values = (CLEAN.replace("NW-ENCOR-ILT", "NW-BAD").replace(",yes,instructor-led,yes,",
                                                                  ",perhaps,webinar,yes,")
                  .replace("2025-03-14", "2025-02-30"))
    text = "\n".join([HEADER, two_line, bad_values, "", "NW-SHORT,only three,fields",
                      CLEAN.replace("NW-ENCOR-ILT", "NW-LAST")]) + "\n"
    entries = list(read_catalog(write(tmp_path, "rows.csv", text)))
    assert [(e.line, e.item_id, e.offering is not None) for e in entries] == [
        (2, "NW-ENCOR-ILT", True), (4, "NW-BAD", False), (6, "NW-SHORT", False),
        (7, "NW-LAST", True)]
    assert entries[0].offering is not None
    assert entries[0].offering.title == (
        "Implementing and\nOperating Cisco Enterprise Network Core Technologies")
    assert entries[1].error is not None
    assert [str(p) for p in entries[1].error.problems] == [
        "authorized_partner: 'perhaps' is not true or false",
        "format: 'webinar' is not a format (instructor_led, virtual_instructor_led, e_learning, "
        "learning_path, cisco_live, exam_authoring, other)",
        "ends_on: '2025-02-30' is not a date (YYYY-MM-DD)",
    ]
    assert str(entries[2].error) == "line 6: 3 fields, but the header has 14"


def test_values_read_kindly() -> None:
    offering = offering_from_mapping({
        "item_id": " X ", "title": "T", "provider": "P", "authorized_partner": "Yes",
        "format": "Virtual Instructor-Led", "labs": "0", "edition": "NO LABS",
        "duration_hours": "7.5", "ce_credits": "12.5", "learning_credits": "",
    })
    assert (offering.item_id, offering.format, offering.labs, offering.edition) == (
        "X", "virtual_instructor_led", False, "no_labs")
    assert (offering.duration_hours, offering.ce_credits, offering.learning_credits) == (
        7.5, 12.5, None)


def test_jsonl_rows_with_line_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = {"item_id": "A", "title": "T", "provider": "P", "authorized_partner": True,
            "format": "e-learning", "labs": True, "ce_credits": 30, "ce_catalog_id": "CE-1"}
    lines = [json.dumps(good), "", "{not json", json.dumps({**good, "item_id": "B", "colour": 1}),
             json.dumps([1, 2]), json.dumps({**good, "item_id": "C", "labs": False})]
    path = write(tmp_path, "c.jsonl", "\n".join(lines) + "\n")
    status, out, _ = run(["offerings", "check", str(path), "--format", "json"], capsys)
    got = [json.loads(line) for line in out.splitlines()]
    assert [(d.get("line"), d.get("item_id"), d.get("ok")) for d in got[:-1]] == [
        (1, "A", True), (3, None, False), (4, "B", False), (5, None, False), (6, "C", False)]
    assert got[2]["problems"] == [{"field": "colour", "message": "unknown column"}]
    assert got[3]["problems"] == [{"field": "", "message": "list is not a JSON object"}]
    assert got[4]["findings"][0]["check"] == "labs"
    assert got[-1]["summary"]["malformed"] == 3
    assert status == 1


def test_json_array_rows_by_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = {"item_id": "A", "title": "T", "provider": "P", "authorized_partner": True,
            "format": "cisco live", "ce_credits": 1.5, "ce_catalog_id": "CE-1"}
    path = write(tmp_path, "c.json", json.dumps([good, {**good, "ce_credits": -2}]))
    status, out, _ = run(["offerings", "check", str(path)], capsys)
    assert out.splitlines()[1:3] == [
        "[0]    A                        ok",
        "[1]    A                        error     malformed            ce_credits          "
        "-2 is not a number >= 0"]
    assert status == 1


def test_unreadable_catalogs_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["offerings", "check", str(tmp_path / "missing.csv")], capsys)
    assert (status, out) == (2, "")
    assert "cannot read" in err
    status, _, err = run(["offerings", "check", str(write(tmp_path, "c.xlsx", ""))], capsys)
    assert status == 2
    assert "expected .csv, .jsonl or .json" in err


def test_a_policy_file_tightens_the_checks(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    cisco = (ROOT / "src" / "recert" / "io" / "policies" / "cisco-ce.toml").read_text(encoding="utf-8")
    # The embedded policy has an [offerings] table: the vendor's copy tightens two of its lines.
    strict = cisco.replace("max_credits_per_hour = 1.6", "max_credits_per_hour = 1.2").replace(
        'credits_per_hour = "warning"', 'credits_per_hour = "error"')
    assert strict != cisco
    policy = write(tmp_path, "strict.toml", strict)
    # ENCOR: 64 credits / 40 hours = 1.6 per hour > 1.2: an error under the vendor's policy.
    path = write(tmp_path, "c.csv", f"{HEADER}\n{CLEAN}\n")
    status, out, _ = run(["offerings", "check", str(path), "--policy", str(policy)], capsys)
    assert out.splitlines()[1] == (
        "2      NW-ENCOR-ILT             error     credits_per_hour     ce_credits          "
        "64 CE credits for 40 hours is 1.6 per hour, above 1.2 per hour")
    assert status == 1
    bad = write(tmp_path, "bad.toml", cisco.replace('labs = "error"', 'labs = "fatal"'))
    status, _, err = run(["offerings", "check", str(path), "--policy", str(bad)], capsys)
    assert status == 2
    assert "offerings.severity.labs: 'fatal' is not error, warning, info or off" in err
