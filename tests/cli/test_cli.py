"""The ``recert evaluate`` command: every example in both formats, bad input, exit codes.

Expected values are worked out by hand from the policy spec; the date
arithmetic is in the comments (3 years with relativedelta, D-DATE-1; day
counts with timedelta).
"""

from __future__ import annotations

import doctest
import importlib.resources
import io
import json
import re
import runpy
import shlex
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from recert.cli import main

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).parents[1] / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, list[Any]]:
    status, out, err = run(capsys, "evaluate", "--format", "json", *argv)
    assert err == ""
    if out.startswith("{\n"):  # one record: pretty-printed
        return status, [json.loads(out)]
    return status, [json.loads(line) for line in out.splitlines()]


def certs(result: dict[str, Any]) -> dict[str, tuple[str, str | None, str | None]]:
    return {c["certification"]: (c["status"], c["expires_on"], c["recertified_by"])
            for c in result["certifications"]}


def outcomes(result: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    return {a["id"]: (a["outcome"], a["reason"]) for a in result["activities"]}


def squeeze(text: str) -> list[str]:
    """Lines with runs of spaces made single, so table padding does not matter."""
    return [" ".join(line.split()) for line in text.splitlines()]


def items(text: str, heading: str) -> list[str]:
    """The entries of one section of the text report, wrapped lines joined back.

    A line continues the entry above when it is indented deeper and does not start a new
    ``- `` item.
    """
    lines = text.splitlines()
    out: list[str] = []
    depth: list[int] = []
    for line in lines[lines.index(heading) + 1:]:
        if not line.strip():
            break
        indent = len(line) - len(line.lstrip())
        if out and indent > depth[-1] and not line.lstrip().startswith("- "):
            out[-1] += " " + line.strip()
        else:
            out.append(line.strip())
            depth.append(indent)
    return out


# --- the examples, JSON format ----------------------------------------------------------------


def test_ccnp_renewed_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, (result,) = run_json(capsys, EXAMPLES / "ccnp-renewed.json", "--as-of", "2025-03-01")
    assert status == 0
    assert result["as_of"] == "2025-03-01"
    assert result["candidate"] == "C-1001"
    # Pool: c1 40 credits (completed 2024-11-01, approved 2024-11-25). On 2025-02-14 the
    # 300-420 pass completes "40 CE credits + 1 professional exam": D = 2025-02-14,
    # 2025-02-14 + 3 years = 2028-02-14 (R-DATE-1). The same concentration exam renews
    # the CCNA directly (associate: 1 concentration exam) and earns the ENSLD Specialist.
    assert certs(result) == {
        "CCNP Enterprise": ("active", "2028-02-14", "40 CE credits + 1 professional exam"),
        "Cisco Certified Specialist – Enterprise Design": ("active", "2028-02-14", None),
        "CCNA": ("active", "2028-02-14", "1 concentration exam"),
    }
    # 2025-03-01 -> 2028-03-01 is 365 + 365 + 366 (2028-02-29) = 1096 days; minus the 16 days
    # from 2028-02-14 to 2028-03-01 = 1080.
    assert {c["days_left"] for c in result["certifications"]} == {1080}
    # c2: completed 2023-06-06, claimed 2024-07-01: 2023-06-06 + 365 days = 2024-06-05
    # (2024-02-29 lies between), so 391 days > 365 is late (R-CE-2, D-CLAIM-3).
    # c3: claimed 2025-02-24, not decided: pending.
    assert outcomes(result) == {
        "c1": ("counted", None),
        "c2": ("rejected", "claim_window_exceeded"),
        "c3": ("pending", None),
    }
    # The pool was used up at the recertification (R-CE-5); c3 is pending, so 0.
    assert result["pool"] == {"level": "professional", "credits": 0,
                              "term_started_on": "2025-02-14", "certification": "CCNP Enterprise"}
    ccnp = next(n for n in result["next"] if n["certification"] == "CCNP Enterprise")
    assert ccnp["deadline"] == "2028-02-14"
    # Nothing counted (the pool was reset on 2025-02-14): all 80 credits are missing, no exams.
    assert {"option": "80 CE credits", "missing": "80 CE credits", "credits_missing": 80,
            "exams_missing": [], "deadline": "2028-02-14"} in ccnp["options"]
    # 40 + 1 professional exam: 40 credits and one core or concentration exam are missing.
    assert {"option": "40 CE credits + 1 professional exam",
            "missing": "40 CE credits, 1 professional exam", "credits_missing": 40,
            "exams_missing": [{"count": 1, "kinds": ["core", "concentration"], "codes": [],
                               "label": "1 professional exam"}],
            "deadline": "2028-02-14"} in ccnp["options"]
    assert ccnp["days_left"] == 1080


def test_ccna_renewed_by_ce_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, (result,) = run_json(capsys, EXAMPLES / "ccna-renewed-by-ce.json")
    assert status == 0
    # The record carries as_of 2025-03-01 (no --as-of given).
    assert result["as_of"] == "2025-03-01"
    # CCNA earned 2021-06-10 expires 2024-06-10. CBROPS 30 credits completed 2024-03-08
    # meets "30 CE credits": D = 2024-03-08 (D-ANCHOR-1), + 3 years = 2027-03-08.
    assert certs(result) == {"CCNA": ("active", "2027-03-08", "30 CE credits")}
    ccna = result["certifications"][0]
    assert ccna["term_started_on"] == "2024-03-08"
    # 2025-03-01 -> 2027-03-01 = 365 + 365 = 730 days, + 7 = 737.
    assert ccna["days_left"] == 737
    assert outcomes(result) == {"cbrops": ("counted", None), "live25": ("unclaimed", None)}


def test_ccie_pending_at_expiration_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, (result,) = run_json(capsys, EXAMPLES / "ccie-pending-at-expiration.json")
    assert status == 0
    # CCIE Security earned 2021-05-20 expires 2024-05-20. Approved: 64 + 40 = 104 < 120.
    # svpn (24, completed 2024-05-02, claimed 2024-05-10 <= 2024-05-20) is still pending on
    # 2024-06-15: expired unless it is approved (R-CE-3).
    assert certs(result) == {"CCIE Security": ("expired", "2024-05-20", None)}
    ccie = result["certifications"][0]
    assert ccie["awaiting"] == ["svpn"]
    # 2024-05-20 -> 2024-06-15 = 11 + 15 = 26 days after expiration.
    assert ccie["days_left"] == -26
    assert outcomes(result)["svpn"] == ("pending", None)
    assert result["pool"] is None
    assert result["next"] == []


def test_the_ccie_claim_approved_after_expiration_counts_retroactively(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, results = run_json(capsys, EXAMPLES / "records.jsonl")
    assert status == 0
    approved = next(r for r in results if r["candidate"] == "C-3003b")
    assert approved["as_of"] == "2024-07-01"
    # 64 + 40 + 24 = 128 >= 120 on svpn's completion date 2024-05-02 (R-CE-3, D-ANCHOR-1):
    # 2024-05-02 + 3 years = 2027-05-02.
    assert certs(approved) == {"CCIE Security": ("active", "2027-05-02", "120 CE credits")}


def test_multi_track_late_claim_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, (result,) = run_json(capsys, EXAMPLES / "multi-track-late-claim.json")
    assert status == 0
    # a1 40 (2023-03-14) + a4 40 (2024-09-10) = 80 in the CCNP Enterprise term
    # 2022-10-05..2025-10-05: "80 CE credits" met on 2024-09-10, + 3 years = 2027-09-10.
    # Cascade (R-CASC-1): CCNA (2025-10-05) and CyberOps Associate (2023-02-20 + 3 years =
    # 2026-02-20) both move to 2027-09-10.
    assert certs(result) == {
        "CCNP Enterprise": ("active", "2027-09-10", "80 CE credits"),
        "CCNA": ("active", "2027-09-10", "cascade from CCNP Enterprise"),
        "CyberOps Associate": ("active", "2027-09-10", "cascade from CCNP Enterprise"),
    }
    # a2 is the same item as a1 in the same term (D-DUP-1). a3: completed 2023-05-22,
    # claimed 2024-06-03; 2023-05-22 + 365 days = 2024-05-21, so 378 days is late.
    assert outcomes(result) == {
        "a1": ("counted", None),
        "a2": ("rejected", "duplicate_item"),
        "a3": ("rejected", "claim_window_exceeded"),
        "a4": ("counted", None),
    }
    # 2025-03-01 -> 2027-03-01 = 730 days; -> 2027-09-10 adds 31+30+31+30+31+31+9 = 193: 923.
    assert {c["days_left"] for c in result["certifications"]} == {923}


def test_devnet_associate_toml_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, (result,) = run_json(capsys, EXAMPLES / "devnet-associate.toml")
    assert status == 0
    # Earned 2022-05-18 (a TOML date) + 3 years = 2025-05-18; 16 of 30 credits.
    assert certs(result) == {"DevNet Associate": ("active", "2025-05-18", None)}
    # 2025-03-01 -> 2025-05-18 = 31 (March) + 30 (April) + 17 = 78 days.
    assert result["certifications"][0]["days_left"] == 78
    assert result["pool"]["credits"] == 16
    (step,) = result["next"]
    assert step["deadline"] == "2025-05-18"
    # 30 - 16 = 14 credits missing, by the expiration date.
    assert {"option": "30 CE credits", "missing": "14 CE credits", "credits_missing": 14,
            "exams_missing": [], "deadline": "2025-05-18"} in step["options"]


def test_several_records_print_one_json_result_per_line_in_input_order(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", "--format", "json",
                         EXAMPLES / "ccna-renewed-by-ce.json", EXAMPLES / "devnet-associate.toml")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["candidate"] for line in lines] == ["C-2002", "C-5005"]


def test_one_record_prints_pretty_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "evaluate", "--format", "json", EXAMPLES / "ccna-renewed-by-ce.json")
    assert out.startswith('{\n  "candidate": "C-2002",\n')


def test_every_line_of_the_examples_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    status, results = run_json(capsys, EXAMPLES / "records.jsonl", "--as-of", "2025-03-01")
    assert status == 0
    assert [r["candidate"] for r in results] == [
        "C-2002", "C-1001", "C-3003", "C-3003b", "C-4004", "C-5005", "C-6006"]
    last = results[-1]
    # No as_of in the record: --as-of applies.
    assert last["as_of"] == "2025-03-01"
    # The CBRCOR core pass on 2024-11-19 earns the CyberOps Core Specialist and renews the
    # CyberOps Associate (1 core exam): 2024-11-19 + 3 years = 2027-11-19.
    assert certs(last) == {
        "Cisco Certified Specialist – CyberOps Core": ("active", "2027-11-19", None),
        "CyberOps Associate": ("active", "2027-11-19", "1 core exam"),
    }


# --- the examples, text format ----------------------------------------------------------------


def test_ccnp_renewed_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "evaluate", EXAMPLES / "ccnp-renewed.json", "--as-of", "2025-03-01")
    assert (status, err) == (0, "")
    lines = squeeze(out)
    assert lines[0] == "C-1001 (" + str(EXAMPLES / "ccnp-renewed.json") + \
        "): as of 2025-03-01, policy cisco-ce 2020-02-24"
    # The last column wraps to keep lines within 100 columns.
    assert "CCNP Enterprise professional active 2028-02-14 1080 2025-02-14 by 40 CE" in lines
    assert "credits + 1 professional" in lines
    assert "CCNA associate active 2028-02-14 1080 2025-02-14 by 1" in lines
    assert max(len(line) for line in out.splitlines()[1:]) <= 100
    assert "c2 8 rejected - claim_window_exceeded" in lines
    assert "c3 40 pending CCNP Enterprise" in lines
    assert any(line.startswith("c2: rejected: claimed on 2024-07-01, 391 days after completion")
               for line in lines)
    assert "CE pool: 0 credits toward professional (CCNP Enterprise), term started 2025-02-14" in lines
    # 2025-03-01 -> 2028-02-14: 1080 days (see the JSON test). Nothing counts in the pool: the
    # cheapest step is 80 CE credits (no exam), which cascades to the Specialist and the CCNA.
    todo = items(out, "What to do next")
    assert todo[0] == ("CCNP Enterprise: by 2028-02-14 (1080 days left): 80 CE credits; this also "
                       "keeps Cisco Certified Specialist – Enterprise Design, CCNA")
    assert todo[2] == ("CCNA: by 2028-02-14 (1080 days left): nothing of its own; the CCNP "
                       "Enterprise step keeps it (cascade, R-CASC-1)")
    # c3 (40 credits, pending) would halve the step: 80 - 40 = 40 credits.
    (pending,) = items(out, "Pending claims (R-CE-3)")
    assert pending.startswith("c3 (40 CE credits toward CCNP Enterprise, claimed on 2025-02-24): if "
                              "approved alone, no expiration date changes; the next step is then 40 CE "
                              "credits by 2028-02-14 (1080 days left). If it is still pending on "
                              "2028-02-14, act without it")
    options = items(out, "Options, by deadline (R-DATE-2)")
    assert options[:3] == [
        "CCNP Enterprise (deadline 2028-02-14, 1080 days left)",
        "- 40 CE credits + 1 professional exam: missing 40 CE credits, 1 professional exam",
        "- nothing counted yet: 1 core exam; 2 concentration exams; 1 expert written exam; 1 expert "
        "lab exam; 80 CE credits",
    ]


def test_ccna_renewed_by_ce_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", EXAMPLES / "ccna-renewed-by-ce.json")
    assert status == 0
    lines = squeeze(out)
    assert "CCNA associate active 2027-03-08 737 2024-03-08 by 30 CE credits" in lines
    assert "live25 8 unclaimed -" in lines
    # Renewed 2024-03-08 + 3 years = 2027-03-08; the new pool is empty: 30 credits by then.
    assert items(out, "What to do next") == ["CCNA: by 2027-03-08 (737 days left): 30 CE credits"]


def test_ccie_pending_text_says_what_it_waits_for(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", EXAMPLES / "ccie-pending-at-expiration.json")
    assert status == 0
    lines = squeeze(out)
    assert "CCIE Security expert expired 2024-05-20 -26 -" in lines
    assert "CE pool: none (no CE-eligible certification is active)" in lines
    # svpn (24 credits, completed 2024-05-02) approved: 64 + 40 + 24 = 128 >= 120 on 2024-05-02,
    # new term 2024-05-02 + 3 years = 2027-05-02 (R-CE-3, D-ANCHOR-1).
    (todo,) = items(out, "What to do next")
    assert todo == ("CCIE Security: expired after 2024-05-20 unless svpn is approved (then active to "
                    "2027-05-02, R-CE-3): no option was met by then (R-DATE-2); to earn it again, pass "
                    "350-701 SCOR + CCIE Security lab")
    (pending,) = items(out, "Pending claims (R-CE-3)")
    # 2024-06-15 -> 2027-05-02: 16 + 31 + 31 + 30 + 31 + 30 + 31 = 200 days to 2025-01-01,
    # then 365 + 365 (2025, 2026) and 121 days to 2027-05-02: 1051.
    assert "if approved, CCIE Security is active to 2027-05-02; the next step is then 120 CE credits " \
           "by 2027-05-02 (1051 days left)" in pending


def test_multi_track_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", EXAMPLES / "multi-track-late-claim.json")
    assert status == 0
    lines = squeeze(out)
    assert "CyberOps Associate associate active 2027-09-10 923 2024-09-10 by cascade from CCNP" in lines
    # The pool was used at the 2024-09-10 renewal: 80 credits by 2027-09-10 keep all three.
    assert items(out, "What to do next")[0] == (
        "CCNP Enterprise: by 2027-09-10 (923 days left): 80 CE credits; this also keeps CCNA, "
        "CyberOps Associate")
    assert "a2 40 rejected - duplicate_item" in lines
    assert "a3 16 rejected - claim_window_exceeded" in lines


def test_devnet_associate_toml_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", EXAMPLES / "devnet-associate.toml")
    assert status == 0
    lines = squeeze(out)
    assert "DevNet Associate associate active 2025-05-18 78 -" in lines
    assert "CE pool: 16 credits toward associate (DevNet Associate), term started 2022-05-18" in lines
    assert items(out, "What to do next") == ["DevNet Associate: by 2025-05-18 (78 days left): 14 CE credits"]
    assert "- 30 CE credits: missing 14 CE credits" in lines


def test_several_records_in_text_are_separated_by_a_blank_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", EXAMPLES / "records.jsonl", "--as-of", "2025-03-01")
    assert status == 0
    headings = [line for line in out.splitlines() if "): as of " in line]
    assert [h.split(" ")[0] for h in headings] == [
        "C-2002", "C-1001", "C-3003", "C-3003b", "C-4004", "C-5005", "C-6006"]
    assert out.count("\n\nC-") == 6


# --- JSON Lines with bad lines, standard input, as_of -----------------------------------------


def test_a_bad_line_prints_an_error_line_in_place_and_exits_2(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, results = run_json(capsys, DATA / "bad-line.jsonl", "--as-of", "2025-03-01")
    assert status == 2
    assert len(results) == 4
    first, bad_json, bad_record, last = results
    # J-1: CCNA earned 2022-09-15 + 3 years = 2025-09-15, active on 2025-03-01.
    assert certs(first) == {"CCNA": ("active", "2025-09-15", None)}
    assert bad_json["source"] == f"{DATA / 'bad-line.jsonl'} line 2"
    assert bad_json["error"].startswith("not valid JSON: ")
    assert bad_record == {
        "error": "activities[0].credits: -5 is not positive",
        "source": f"{DATA / 'bad-line.jsonl'} line 4",
        "problems": [{"path": "activities[0].credits", "message": "-5 is not positive"}],
    }
    # J-4 has no as_of: --as-of 2025-03-01; CCNA 2023-01-10 + 3 years = 2026-01-10.
    assert last["as_of"] == "2025-03-01"
    assert certs(last) == {"CCNA": ("active", "2026-01-10", None)}


def test_a_bad_line_in_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", DATA / "bad-line.jsonl", "--as-of", "2025-03-01")
    assert status == 2
    assert f"{DATA / 'bad-line.jsonl'} line 4: error\n  activities[0].credits: -5 is not positive\n" in out
    assert out.count(": as of 2025-03-01") == 2


def test_dash_reads_json_lines_from_standard_input(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    lines = (EXAMPLES / "records.jsonl").read_text(encoding="utf-8").splitlines()[:2]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join([lines[0], "{", lines[1]]) + "\n"))
    status, results = run_json(capsys, "-", "--as-of", "2025-03-01")
    assert status == 2
    assert [r.get("candidate", r.get("source")) for r in results] == [
        "C-2002", "<stdin> line 2", "C-1001"]


def test_the_option_overrides_a_records_own_as_of(capsys: pytest.CaptureFixture[str]) -> None:
    status, results = run_json(capsys, DATA / "as-of.jsonl", "--as-of", "2026-01-01")
    assert status == 0
    own, without = results
    # --as-of 2026-01-01 overrides the record's own 2025-03-01 (record format: as_of precedence).
    # CCNA 2022-09-15 + 3 years = 2025-09-15 < 2026-01-01: expired for both records.
    assert own["as_of"] == "2026-01-01"
    assert certs(own) == {"CCNA": ("expired", "2025-09-15", None)}
    assert without["as_of"] == "2026-01-01"
    assert certs(without) == {"CCNA": ("expired", "2025-09-15", None)}


def test_without_the_option_a_records_own_as_of_is_used(capsys: pytest.CaptureFixture[str]) -> None:
    status, results = run_json(capsys, DATA / "as-of.jsonl")
    assert status == 0
    own = results[0]
    # The record's own as_of 2025-03-01: CCNA 2022-09-15 + 3 years = 2025-09-15, active.
    assert own["as_of"] == "2025-03-01"
    assert certs(own) == {"CCNA": ("active", "2025-09-15", None)}


def test_the_option_overrides_an_example_records_as_of(capsys: pytest.CaptureFixture[str]) -> None:
    # The issue's own command: the example says as_of 2025-03-01; --as-of 2026-12-07 wins, in the
    # result and in the text header.
    status, (result,) = run_json(capsys, EXAMPLES / "multi-track-late-claim.json", "--as-of", "2026-12-07")
    assert status == 0
    assert result["as_of"] == "2026-12-07"
    status, out, _ = run(capsys, "evaluate", EXAMPLES / "multi-track-late-claim.json", "--as-of", "2026-12-07")
    assert "as of 2026-12-07" in out.splitlines()[0]


def test_without_as_of_anywhere_today_is_used(capsys: pytest.CaptureFixture[str]) -> None:
    before = date.today()
    status, results = run_json(capsys, DATA / "as-of.jsonl")
    after = date.today()
    assert status == 0
    assert results[0]["as_of"] == "2025-03-01"
    assert results[1]["as_of"] in {before.isoformat(), after.isoformat()}


# --- bad input through the command line -----------------------------------------------------

_BASE: dict[str, Any] = {
    "as_of": "2025-03-01",
    "holdings": [{"certification": "CCNA", "earned_on": "2022-09-15"}],
    "exams": [{"exam": "200-301", "passed_on": "2024-01-10"}],
    "activities": [{"id": "a", "credits": 10, "completed_on": "2024-01-02",
                    "claimed_on": "2024-01-05", "status": "approved", "decided_on": "2024-01-09"}],
}


def _with(section: str, **changes: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(_BASE))
    element = data[section][0]
    for key, value in changes.items():
        if value is _DROP:
            del element[key]
        else:
            element[key] = value
    return data


_DROP = object()


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (_with("activities", credits=-5), "activities[0].credits: -5 is not positive"),
        (_with("activities", credits="ten"), "activities[0].credits: 'ten' is not a number"),
        (_with("holdings", earned_on="2025-02-30"),
         "holdings[0].earned_on: '2025-02-30' is not a date: day is out of range for month"),
        (_with("holdings", earned_on="Sept 2022"),
         "holdings[0].earned_on: 'Sept 2022' is not a date (YYYY-MM-DD)"),
        (_with("activities", credit=10),
         "activities[0].credit: unknown field (value 10); expected one of id, credits,"),
        (_with("activities", claimed_on="2024-01-01"),
         "activities[0].claimed_on: 2024-01-01 is before completed_on 2024-01-02"),
        (_with("activities", decided_on="2024-01-04"),
         "activities[0].decided_on: 2024-01-04 is before claimed_on 2024-01-05"),
        (_with("activities", claimed_on=_DROP, decided_on=_DROP),
         "activities[0].status: 'approved' is given but claimed_on is missing"),
        (_with("activities", status="ok"),
         "activities[0].status: 'ok' is not a status (one of pending, approved, rejected, audit)"),
        (_with("activities", id=_DROP), "activities[0].id: is missing (required)"),
        (_with("holdings", certification="CCNA Wireles"),
         "holdings[0].certification: 'CCNA Wireles' is not in the catalog of cisco-ce"),
        (_with("exams", exam="200-399"),
         "exams[0].exam: '200-399' is not in the exam catalog of cisco-ce"),
        (_with("holdings", certification="Acme Router Pro", level="pro"),
         "holdings[0].level: 'pro' is not a level of cisco-ce"),
        ({**_BASE, "activities": _BASE["activities"] * 2},
         "activities[1].id: 'a' repeats activities[0].id"),
        ([_BASE], "[{"),
    ],
)
def test_every_bad_input_exits_2_with_its_path_and_value(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, record: Any, expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    status, (result,) = run_json(capsys, path)
    assert status == 2
    assert result["source"] == str(path)
    assert result["error"].startswith(expected)


def test_a_record_that_is_not_an_object_names_itself(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    status, (result,) = run_json(capsys, path)
    assert (status, result["error"]) == (2, "[1, 2] is not an object")


def test_a_bad_file_among_good_ones_does_not_stop_the_others(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    status, results = run_json(capsys, EXAMPLES / "ccna-renewed-by-ce.json", missing,
                               tmp_path / "notes.txt", EXAMPLES / "devnet-associate.toml")
    assert status == 2
    assert results[0]["candidate"] == "C-2002"
    assert results[1] == {"error": "cannot read the file: No such file or directory",
                          "source": str(missing),
                          "problems": [{"path": "",
                                        "message": "cannot read the file: No such file or directory"}]}
    assert results[2]["error"].startswith("'.txt': expected a .json, .toml or .jsonl file")
    assert results[3]["candidate"] == "C-5005"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--as-of", "2025-13-01"], "recert: error: --as-of: '2025-13-01' is not a date: "
                                    "month must be in 1..12\n"),
        (["--as-of", "tomorrow"], "recert: error: --as-of: 'tomorrow' is not a date (YYYY-MM-DD)\n"),
        (["--policy", "/nonexistent/policy.toml"],
         "recert: error: /nonexistent/policy.toml: cannot read /nonexistent/policy.toml: "
         "No such file or directory\n"),
    ],
)
def test_a_bad_option_exits_2_with_one_line_on_stderr(
        capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    status, out, err = run(capsys, "evaluate", EXAMPLES / "ccnp-renewed.json", *argv)
    assert (status, out, err) == (2, "", message)


def test_an_inconsistent_policy_is_reported_on_one_line(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('exam_kinds = ["core"]\n[levels.associate]\nrank = "one"\n', encoding="utf-8")
    status, out, err = run(capsys, "evaluate", EXAMPLES / "ccnp-renewed.json", "--policy", policy)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(f"recert: error: {policy}: ")
    assert "levels.associate.rank: 'one' is not a whole number" in err


def test_a_policy_file_changes_the_answer(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    embedded = importlib.resources.files("recert.io.policies").joinpath("cisco-ce.toml").read_text("utf-8")
    assert "claim_window_days = 365" in embedded
    policy = tmp_path / "window-400.toml"
    policy.write_text(embedded.replace("claim_window_days = 365", "claim_window_days = 400"),
                      encoding="utf-8")
    status, (result,) = run_json(capsys, EXAMPLES / "ccnp-renewed.json", "--policy", policy)
    assert status == 0
    # c2 was claimed 391 days after completion: late with 365 days, in time with 400.
    outcome, reason = outcomes(result)["c2"]
    assert reason is None
    assert outcome in {"counted", "forfeited"}


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["evaluate"])
    assert caught.value.code == 2
    assert "the following arguments are required: RECORD" in capsys.readouterr().err


def test_help_lists_every_registered_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert "evaluate" in out
    assert "offerings" in out


# --- the samples of docs/cli.md ---------------------------------------------------------------


def _console_samples() -> list[Any]:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    samples = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.DOTALL):
        command, _, output = block.partition("\n")
        if command.startswith("$ recert evaluate"):
            samples.append(pytest.param(command.removeprefix("$ recert "), output,
                                        id=command.removeprefix("$ recert ")))
    return samples


@pytest.mark.parametrize(("command", "expected"), _console_samples())
def test_docs_cli_samples_show_what_the_command_prints(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        command: str, expected: str) -> None:
    monkeypatch.chdir(ROOT)
    main(shlex.split(command))
    out, err = capsys.readouterr()
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    assert checker.check_output(expected, out + err, flags), (
        checker.output_difference(doctest.Example(command, expected), out + err, flags))


def test_docs_cli_has_samples() -> None:
    assert len(_console_samples()) >= 5


def test_embed_example_prints_who_needs_what_by_when(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["embed.py", str(EXAMPLES / "records.jsonl")])
    with pytest.raises(SystemExit) as caught:
        runpy.run_path(str(EXAMPLES / "embed.py"), run_name="__main__")
    assert caught.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    # DevNet Associate: 2022-05-18 + 3 years = 2025-05-18, 78 days after 2025-03-01; 30 - 16 = 14.
    assert "  DevNet Associate: by 2025-05-18 (78 days): 14 CE credits, or 1 associate exam" in lines
    assert "  CCIE Security: expired after 2024-05-20 unless claim(s) svpn are approved" in lines
    assert ("  CCNA: by 2027-09-10 (923 days): renews with CCNP Enterprise, or 1 associate exam"
            in lines)


def test_jobs_gives_the_same_output_in_the_same_order(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["evaluate", "--format", "json", "--as-of", "2025-03-01",
            str(DATA / "bad-line.jsonl"), str(EXAMPLES / "records.jsonl")]
    one = run(capsys, *argv)
    two = run(capsys, *argv, "--jobs", "2")
    assert one == two
    assert one[0] == 2
    # 4 lines of bad-line.jsonl (2 of them errors) and 7 records of the examples.
    assert len(one[1].splitlines()) == 11


def test_a_suspended_ccie_counts_its_days_to_the_end_of_the_suspended_year(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # R-PRE2020-1: CCIE Security held 2017-04-01, 2 years -> 2019-04-01; suspended to 2019-04-01 +
    # 1 year = 2020-04-01. On 2019-10-01: 2019-10-01 -> 2020-04-01 = 30 + 31 + 31 + 29 + 31 + 31 = 183
    # days left (2020 is a leap year), counted to the deadline, not -183 to the term's end.
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"as_of": "2019-10-01", "holdings": [
        {"certification": "CCIE Security", "earned_on": "2017-04-01"}]}), encoding="utf-8")
    status, out, _ = run(capsys, "evaluate", path)
    assert status == 0
    (row,) = [line for line in out.splitlines() if line.startswith("  CCIE Security  expert")]
    assert row.split()[3:8] == ["suspended", "2019-04-01", "183", "(to", "2020-04-01)"]


def _ccnp_with_pending(*pending: tuple[str, int, str]) -> dict[str, Any]:
    """CCNA and CCNP Enterprise (2022-04-20 + 3 years = 2025-04-20), 24 + 16 = 40 CE credits
    approved, and the *pending* claims (id, credits, completion = claim date)."""
    def act(id: str, credits: int, done: str, status: str) -> dict[str, Any]:
        return {"id": id, "item": id.upper(), "category": "training", "credits": credits,
                "completed_on": done, "claimed_on": done, "status": status}

    return {
        "holdings": [{"certification": "CCNA", "earned_on": "2021-09-01"},
                     {"certification": "CCNP Enterprise", "earned_on": "2022-04-20"}],
        "activities": [act("a1", 24, "2023-05-10", "approved"), act("a2", 16, "2024-02-01", "approved"),
                       *(act(i, c, done, "pending") for i, c, done in pending)],
    }


def test_text_report_names_pending_claims_that_renew_only_together(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Found by a trial. CCNP Enterprise earned 2022-04-20 expires 2022-04-20 + 3 years =
    # 2025-04-20 and its cascade keeps CCNA to the same day. Approved: a1 24 + a2 16 = 40 of the
    # 80 CE credits. Pending: a3 (24, completed 2024-11-05) and a4 (16, completed 2025-01-20):
    # 40 + 24 = 64 and 40 + 16 = 56 are short of 80; 40 + 24 + 16 = 80 renews on 2025-01-20. So
    # neither claim alone changes a date, both together do: the report says so (R-CE-3).
    record = _ccnp_with_pending(("a3", 24, "2024-11-05"), ("a4", 16, "2025-01-20"))
    path = tmp_path / "together.json"
    path.write_text(json.dumps(record))
    status, out, _ = run(capsys, "evaluate", path, "--as-of", "2025-05-01")
    assert status == 0
    todo = items(out, "What to do next")
    assert todo[1] == ("CCNA: expired after 2025-04-20: no option was met by then (R-DATE-2); to earn "
                       "it again, pass 200-301 CCNA; unless a3, a4 are approved together, which would "
                       "change this (R-CE-3)")
    assert items(out, "Pending claims (R-CE-3)") == [
        "a3 (24 CE credits toward CCNP Enterprise, claimed on 2024-11-05): if approved alone, no "
        "expiration date changes; approved together with a4, it would change CCNP Enterprise, CCNA "
        "(R-CE-3)",
        "a4 (16 CE credits toward CCNP Enterprise, claimed on 2025-01-20): if approved alone, no "
        "expiration date changes; approved together with a3, it would change CCNP Enterprise, CCNA "
        "(R-CE-3)",
    ]


def test_text_report_says_enough_of_three_pending_claims(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # As above, with three pending claims of 20 CE credits (a3, a4, a6): 40 approved + 20 = 60 is
    # short of 80, any two make 40 + 40 = 80. None alone changes a date; the report does not say
    # all three are needed ("enough of"), and each claim "could" change it with one of the others.
    record = _ccnp_with_pending(("a3", 20, "2024-11-05"), ("a4", 20, "2025-01-20"), ("a6", 20, "2025-02-10"))
    path = tmp_path / "three.json"
    path.write_text(json.dumps(record))
    status, out, _ = run(capsys, "evaluate", path, "--as-of", "2025-05-01")
    assert status == 0
    assert items(out, "What to do next")[1].endswith(
        "; unless enough of a3, a4, a6 are approved together, which would change this (R-CE-3)")
    assert items(out, "Pending claims (R-CE-3)")[0] == (
        "a3 (20 CE credits toward CCNP Enterprise, claimed on 2024-11-05): if approved alone, no "
        "expiration date changes; approved together with one or more of a4, a6, it could change "
        "CCNP Enterprise, CCNA (R-CE-3)")
