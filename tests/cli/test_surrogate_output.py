"""Lone surrogates (valid JSON, not UTF-8) in a record never make the output fail (issue 17).

``"\\ud800"`` is a valid JSON string but no UTF-8 text: written as it is, the output stream
raises ``UnicodeEncodeError``. Every format writes it as its ``\\uXXXX`` escape instead, and a
JSON Lines batch goes on past such a line, with one worker process or several.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recert.cli import main

CCNA = {"certification": "CCNA", "earned_on": "2023-01-10"}


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    out.encode("utf-8")  # what the command wrote is UTF-8 text
    return status, out, err


def test_html_escapes_a_surrogate_in_the_candidate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "s.json"
    path.write_text(
        json.dumps({"candidate": "\ud800x", "as_of": "2025-03-01", "holdings": [CCNA]}), encoding="utf-8"
    )
    status, out, err = run(capsys, "evaluate", "--format", "html", path)
    assert (status, err) == (0, "")
    assert f"<h1>\\ud800x ({path})</h1>" in out
    assert out.endswith("</body>\n</html>\n")


def test_html_escapes_a_surrogate_in_an_activity_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "s.json"
    # CCNA earned 2023-01-10, valid 3 years: expires 2026-01-10; the claim of 2024-03-10 is
    # pending, so the status sentence names it.
    record = {
        "as_of": "2025-03-01",
        "holdings": [CCNA],
        "activities": [
            {"id": "\udfff\ud800", "credits": 30, "completed_on": "2024-03-04", "claimed_on": "2024-03-10"}
        ],
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    status, out, err = run(capsys, "evaluate", "--format", "html", path)
    assert (status, err) == (0, "")
    assert "\\udfff\\ud800" in out
    assert "\ud800" not in out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_html_batch_goes_on_past_a_surrogate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, jobs: str
) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        {"candidate": "first", "holdings": [CCNA]},
        {"candidate": "\ud800", "holdings": [CCNA]},
        {"candidate": "last", "holdings": [CCNA]},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    status, out, err = run(
        capsys, "evaluate", "--format", "html", "--as-of", "2025-03-01", "--jobs", jobs, path
    )
    assert (status, err) == (0, "")
    assert [line for line in out.splitlines() if line.startswith("<h1>")] == [
        f"<h1>first ({path})</h1>",
        f"<h1>\\ud800 ({path})</h1>",
        f"<h1>last ({path})</h1>",
    ]


def test_an_html_error_escapes_a_surrogate_key(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"as_of": "2025-03-01", "\ud800": 1}), encoding="utf-8")
    status, out, err = run(capsys, "evaluate", "--format", "html", path)
    assert (status, err) == (2, "")
    assert ("<li>&#x27;\\ud800&#x27;: unknown field (value 1); expected one of holdings, exams, activities, "
            "candidate, as_of, emeritus_on</li>") in out


@pytest.mark.parametrize("form", ["text", "json"])
def test_plan_escapes_a_surrogate(capsys: pytest.CaptureFixture[str], tmp_path: Path, form: str) -> None:
    path = tmp_path / "s.json"
    record = {
        "as_of": "2025-03-01",
        "holdings": [CCNA],
        "activities": [
            {"id": "\ud800", "credits": 30, "completed_on": "2024-03-04", "claimed_on": "2024-03-10"}
        ],
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    status, out, err = run(capsys, "plan", "--format", form, path)
    assert (status, err) == (0, "")
    assert "\\ud800" in out
    if form == "json":
        assert json.loads(out)["pending"][0]["activity"] == "\ud800"
