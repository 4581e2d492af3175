"""A UTF-8 byte order mark (as Windows Notepad writes) is read and dropped (found by a trial)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import recert
from recert.cli import main

BOM = b"\xef\xbb\xbf"
# CCNA earned 2024-01-10: term to 2024-01-10 + 3 years = 2027-01-10.
RECORD = {"holdings": [{"certification": "CCNA", "earned_on": "2024-01-10"}]}


def test_a_json_record_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(BOM + json.dumps(RECORD).encode())
    ccna = recert.evaluate(recert.load_record(path), as_of=date(2025, 1, 1)).certification("CCNA")
    assert (ccna.status, ccna.expires_on) == ("active", date(2027, 1, 10))


def test_a_toml_record_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_bytes(BOM + b'[[holdings]]\ncertification = "CCNA"\nearned_on = 2024-01-10\n')
    ccna = recert.evaluate(recert.load_record(path), as_of=date(2025, 1, 1)).certification("CCNA")
    assert ccna.expires_on == date(2027, 1, 10)


def test_a_policy_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    guild = Path(__file__).parents[2] / "examples" / "policies" / "dataguild.toml"
    path = tmp_path / "guild.toml"
    path.write_bytes(BOM + guild.read_bytes())
    assert recert.load_policy(path).id == "dataguild-cpd"


def test_a_json_lines_batch_starting_with_a_byte_order_mark_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(BOM + json.dumps(RECORD).encode() + b"\n" + json.dumps(RECORD).encode() + b"\n")
    assert main(["evaluate", str(path), "--as-of", "2025-01-01", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert err == ""
    assert [r["certifications"][0]["expires_on"] for r in lines] == ["2027-01-10", "2027-01-10"]
