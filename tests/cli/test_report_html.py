"""recert evaluate --format html: one self-contained page, a timeline per certification.

The page is checked as text (no network, no script, one SVG per certification, hover titles with
rule ids) and, where headless Chromium is installed, rendered to a screenshot.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from recert.cli import main

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples"


def html_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status = main(["evaluate", *argv, "--format", "html"])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    return out


def test_the_page_is_self_contained(capsys: pytest.CaptureFixture[str]) -> None:
    page = html_of(capsys, str(EXAMPLES / "multi-track-late-claim.json"))
    assert page.startswith("<!DOCTYPE html>")
    assert page.rstrip().endswith("</html>")
    assert "<script" not in page
    # No resource is fetched: no link, no src, no url() other than the SVG namespace.
    assert "<link" not in page
    assert " src=" not in page
    assert set(re.findall(r"https?://[^\"' ]+", page)) == {"http://www.w3.org/2000/svg"}


def test_one_timeline_per_certification_with_rule_ids_in_titles(capsys: pytest.CaptureFixture[str]) -> None:
    page = html_of(capsys, str(EXAMPLES / "multi-track-late-claim.json"))
    # Three certifications, plus the legend and the activities toward no certification.
    assert page.count('aria-label="CCNP Enterprise timeline"') == 1
    assert page.count('aria-label="CCNA timeline"') == 1
    assert page.count('aria-label="CyberOps Associate timeline"') == 1
    # The CCNA's renewal by cascade on 2024-09-10 (R-CASC-1), with its sentence.
    assert re.search(r"<title>cascaded on 2024-09-10 \(R-CASC-1\): [^<]+</title>", page)
    # Deadline 2027-09-10 (2024-09-10 + 3 years) and the plan's step: 80 CE credits (the pool was
    # used by the 2024-09-10 renewal).
    assert "deadline 2027-09-10: every option must be met on or before it (R-DATE-2)" in page
    assert "step 1: 80 CE credits" in page
    # a3: claimed 378 days after completion, drawn from completion to claim, with its rule.
    assert re.search(r"<title>completed 2023-05-22, claimed 2024-06-03; a3: rejected: [^<]+\(R-CE-2\)</title>",
                     page)
    # Text is never smaller than 13 SVG units (13 px on a 1280-px-wide window).
    sizes = {int(s) for s in re.findall(r'font-size="(\d+)"', page)}
    assert min(sizes) >= 13


def test_a_pending_claim_draws_its_what_if(capsys: pytest.CaptureFixture[str]) -> None:
    page = html_of(capsys, str(EXAMPLES / "ccie-pending-at-expiration.json"))
    # svpn approved: 2024-05-02 + 3 years = 2027-05-02 (R-CE-3).
    assert "if svpn is approved: active to 2027-05-02" in page


def test_a_bad_record_is_an_error_in_its_place(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"holdings": [{"certification": "CCNX", "earned_on": "2024-01-01"}]}', encoding="utf-8")
    status = main(["evaluate", str(bad), "--as-of", "2025-01-01", "--format", "html"])
    out = capsys.readouterr().out
    assert status == 2
    assert '<h1 class="error">' in out
    assert out.rstrip().endswith("</html>")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
def test_chromium_renders_the_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_of(capsys, str(EXAMPLES / "ccnp-renewed.json")), encoding="utf-8")
    shot = tmp_path / "report.png"
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--screenshot={shot}", "--window-size=1280,1400", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    # The PNG's size: 1280 x 1400, as asked (bytes 16-24 of the IHDR chunk).
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1280, 1400)
    # A blank page compresses to a few kilobytes; three timelines with text do not.
    assert len(data) > 50_000


def test_the_docs_picture_is_up_to_date() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_docs_timelines", ROOT / "scripts" / "make_docs_timelines.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "docs" / "img" / "timelines.svg").read_text(encoding="utf-8")
    assert committed == module.picture(), "run: python scripts/make_docs_timelines.py"


# Fixed-cycle policies (issue 15): no rolling-cycle plan, the program's unit, fixed cycles as terms.

PROGRAMS = Path(__file__).parents[2] / "examples" / "programs"
CASES = Path(__file__).parents[1] / "programs" / "cases"


def test_a_fixed_cycle_page_draws_its_cycles_in_its_unit_without_a_plan(capsys: pytest.CaptureFixture[str]) -> None:
    page = html_of(capsys, "--policy", "pmi-pmp", str(PROGRAMS / "pmi-pmp.json"))
    # PMP S = 2022-02-01, E = 2025-02-01, renewed 2024-05-01 (early, R-FC-2): the cycle stays to E,
    # the next one runs E + 1 day = 2025-02-02 to 2028-02-01; no term restarts on 2024-05-01.
    assert "2022-02-01 to 2025-02-01" in page
    assert "2025-02-02 to 2028-02-01" in page
    assert "2024-05-01 to" not in page
    # g1 10 practitioner PDUs, 8 after the R-PMI-4 cap; the unit is PDU, never CE credits.
    assert "g1 10 PDU counted (8 after the cap)" in page
    assert " cr counted" not in page
    # The result's own next step (deadline = 2028-02-01 + the 1-year suspension window), no plan step.
    assert "PMP: by 2029-02-01 (1433 days left): meet one of the options below" in page
    assert "step 1:" not in page


def test_a_revoked_holding_ends_its_bar_on_the_last_active_day(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = json.loads((CASES / "isaca-cisa" / "02-year-short-revoked.json").read_text(encoding="utf-8"))
    record = tmp_path / "record.json"
    record.write_text(json.dumps(case["record"]), encoding="utf-8")
    page = html_of(capsys, "--policy", "isaca-cisa", str(record), "--as-of", case["as_of"])
    # Period 2022-01-01 .. 2024-12-31; year 2022 short at its deadline 2023-01-15 -> revoked from
    # 2023-01-16, last active day 2023-01-15 (R-ISACA-4, D-DESIGN-8): the bar ends there, grey.
    assert "2022-01-01 to 2023-01-15" in page
    assert 'fill="#bdbdbd"' in page
    assert "nothing: no active certification to renew" in page
