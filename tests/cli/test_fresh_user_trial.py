"""A fresh user's trial of this session's changes (speed work, loader fast path, ``--jobs N``).

Two kinds of tests:

* Regular tests: checks of the trial that pass. ``awaiting`` (R-CE-3) on thirteen records
  written for the trial, each worked out by hand from the policy spec (the date arithmetic is in
  the comments), through ``recert evaluate --format json``; ``--jobs 2`` against ``--jobs 1``
  byte for byte on a JSON Lines file of good and bad lines; the loader's fast path against its
  detailed path on inputs the fast path might have accepted wrongly.
* ``xfail(strict=True)`` tests: one minimised test per defect found, each saying what is
  expected and what happens instead.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import tomllib
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import recert
from recert import cisco_policy, cli
from recert.exceptions import RecordError
from recert.io import records as loaders

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples"
POLICY = cisco_policy()


def _run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def _activity(ident: str, credits: float, completed: str, claimed: str | None = None,
              status: str | None = None, decided: str | None = None,
              item: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": ident, "credits": credits, "completed_on": completed}
    for key, value in (("item", item), ("claimed_on", claimed), ("status", status),
                       ("decided_on", decided)):
        if value is not None:
            out[key] = value
    return out


def _ccna(earned: str) -> dict[str, str]:
    return {"certification": "CCNA", "earned_on": earned}


# --------------------------------------------------------------------------------------------
# Part 4: awaiting (R-CE-3), worked out by hand
#
# awaiting = ids of pending claims whose approval would change a certification's status or
# expiration date (record-format spec); when no single claim changes anything and several are
# pending, all of them together are tried. Associate validity 3 years, CE-only options:
# associate 30, professional 80 (spec table). D is the approved activity's completion date
# (D-ANCHOR-1); the new term runs D + 3 years (R-DATE-1).
#
# Each case: (record, {certification: (status, expires_on, awaiting)}, {claim: (outcome, reason)})

AWAITING_CASES: dict[str, tuple[dict[str, Any], dict[str, tuple[str, str, list[str]]],
                                 dict[str, tuple[str, str | None]]]] = {
    # CCNA 2022-09-15 + 3 y = 2025-09-15; as_of 2025-07-01 <= 2025-09-15: active.
    # p1: 30 credits completed 2025-06-01 inside the term, claimed 2 days later: pending.
    # Approved: 30 >= 30 on 2025-06-01 -> expires 2025-06-01 + 3 y = 2028-06-01 != 2025-09-15.
    "T01 enough credits before the deadline": (
        {"as_of": "2025-07-01", "holdings": [_ccna("2022-09-15")],
         "activities": [_activity("p1", 30, "2025-06-01", "2025-06-03")]},
        {"CCNA": ("active", "2025-09-15", ["p1"])}, {"p1": ("pending", None)}),
    # Same with 20 credits: 20 < 30 and no exam: approval changes nothing.
    "T02 too few credits": (
        {"as_of": "2025-07-01", "holdings": [_ccna("2022-09-15")],
         "activities": [_activity("p1", 20, "2025-06-01", "2025-06-03")]},
        {"CCNA": ("active", "2025-09-15", [])}, {"p1": ("pending", None)}),
    # as_of 2025-10-01 > 2025-09-15: expired. a1 (10, approved) counted. p1 (20) completed
    # 2025-09-10, claimed 2025-09-14 <= 2025-09-15: pending at expiration (R-CE-3).
    # Approved: 10 + 20 = 30 on 2025-09-10 -> active, expires 2028-09-10.
    "T03 pending at expiration": (
        {"as_of": "2025-10-01", "holdings": [_ccna("2022-09-15")],
         "activities": [_activity("a1", 10, "2024-01-10", "2024-01-12", "approved", "2024-01-15"),
                        _activity("p1", 20, "2025-09-10", "2025-09-14")]},
        {"CCNA": ("expired", "2025-09-15", ["p1"])},
        {"a1": ("counted", None), "p1": ("pending", None)}),
    # p1 claimed 2025-09-20 > expiration 2025-09-15, no lower certification: a pending claim
    # that already breaks a rule is predicted rejected (D-OUTCOME-1), so it is not awaited.
    "T04 claimed after expiration": (
        {"as_of": "2025-10-01", "holdings": [_ccna("2022-09-15")],
         "activities": [_activity("p1", 30, "2025-09-01", "2025-09-20")]},
        {"CCNA": ("expired", "2025-09-15", [])},
        {"p1": ("rejected", "claimed_after_expiration")}),
    # CCNA 2023-03-01 -> 2026-03-01. p1 completed 2024-01-10, claimed 2025-01-20:
    # 2024-01-10 -> 2025-01-10 is 366 days (2024 is a leap year) + 10 = 376 > 365: rejected.
    "T05 claim window exceeded": (
        {"as_of": "2025-02-01", "holdings": [_ccna("2023-03-01")],
         "activities": [_activity("p1", 30, "2024-01-10", "2025-01-20")]},
        {"CCNA": ("active", "2026-03-01", [])},
        {"p1": ("rejected", "claim_window_exceeded")}),
    # CCNP Enterprise and CCNA from 2022-05-10 -> 2025-05-10; one pool toward professional.
    # a1 50 counted; p1 30 pending. Approved: 50 + 30 = 80 on 2025-03-01 -> CCNP expires
    # 2028-03-01, and the cascade (R-CASC-1) moves CCNA to max(2025-05-10, 2028-03-01).
    "T06 CE renewal and its cascade": (
        {"as_of": "2025-04-01",
         "holdings": [{"certification": "CCNP Enterprise", "earned_on": "2022-05-10"},
                      _ccna("2022-05-10")],
         "activities": [_activity("a1", 50, "2024-06-01", "2024-06-05", "approved", "2024-06-10"),
                        _activity("p1", 30, "2025-03-01", "2025-03-03")]},
        {"CCNP Enterprise": ("active", "2025-05-10", ["p1"]), "CCNA": ("active", "2025-05-10", ["p1"])},
        {"a1": ("counted", None), "p1": ("pending", None)}),
    # Two pending claims of 15: each alone 15 < 30, together 30 on 2025-06-01 -> 2028-06-01.
    "T07 only both claims together": (
        {"as_of": "2025-07-01", "holdings": [_ccna("2022-09-15")],
         "activities": [_activity("p1", 15, "2025-05-01", "2025-05-02", item="CE-A"),
                        _activity("p2", 15, "2025-06-01", "2025-06-02", item="CE-B")]},
        {"CCNA": ("active", "2025-09-15", ["p1", "p2"])},
        {"p1": ("pending", None), "p2": ("pending", None)}),
    # 200-301 passed 2024-01-20 inside the term (2022-09-15 < pass <= 2025-09-15): renewed,
    # expires 2024-01-20 + 3 y = 2027-01-20. p1 30 completed 2024-06-01 in the new term:
    # approved -> 2027-06-01 != 2027-01-20.
    "T08 after an exam renewal": (
        {"as_of": "2024-07-01", "holdings": [_ccna("2022-09-15")],
         "exams": [{"exam": "200-301", "passed_on": "2024-01-20"}],
         "activities": [_activity("p1", 30, "2024-06-01", "2024-06-05")]},
        {"CCNA": ("active", "2027-01-20", ["p1"])}, {"p1": ("pending", None)}),
    # CCNP Security 2023-04-01 -> 2026-04-01, CyberOps Associate 2023-02-01 -> 2026-02-01, moved by
    # the CCNP term's cascade on 2023-04-01 to 2026-04-01 (D-CASC-2).
    # The pool is toward professional (80); 40 < 80, and the associate does not renew on its
    # own while the professional is active (D-POOL-1).
    "T09 enough for the associate, not for the pool's level": (
        {"as_of": "2024-06-01",
         "holdings": [{"certification": "CCNP Security", "earned_on": "2023-04-01"},
                      {"certification": "CyberOps Associate", "earned_on": "2023-02-01"}],
         "activities": [_activity("p1", 40, "2024-05-01", "2024-05-03")]},
        {"CCNP Security": ("active", "2026-04-01", []), "CyberOps Associate": ("active", "2026-04-01", [])},
        {"p1": ("pending", None)}),
    # a1 approved, but decided 2025-10-10 > as_of 2025-10-01: pending as of as_of (D-ASOF-1).
    # CCNA expired after 2025-09-15; approved: 30 on 2025-08-01 -> active until 2028-08-01.
    "T10 decided after as_of": (
        {"as_of": "2025-10-01", "holdings": [_ccna("2022-09-15")],
         "activities": [_activity("a1", 30, "2025-08-01", "2025-08-05", "approved", "2025-10-10")]},
        {"CCNA": ("expired", "2025-09-15", ["a1"])}, {"a1": ("pending", None)}),
    # a1 (CE-1, 20, approved) occupies the item for the term; p1 claims CE-1 again in the same
    # term: duplicate_item (D-DUP-1), predicted rejected. 20 + 20 would have reached 30.
    "T11 duplicate item": (
        {"as_of": "2024-04-01", "holdings": [_ccna("2022-09-15")],
         "activities": [_activity("a1", 20, "2024-01-10", "2024-01-11", "approved", "2024-01-12",
                                  item="CE-1"),
                        _activity("p1", 20, "2024-03-01", "2024-03-02", item="CE-1")]},
        {"CCNA": ("active", "2025-09-15", [])},
        {"a1": ("counted", None), "p1": ("rejected", "duplicate_item")}),
    # CCNA 2024-01-20 -> 2027-01-20; p1 completed 2024-01-10, before the term: outside_term.
    "T12 completed before the term": (
        {"as_of": "2024-06-01", "holdings": [_ccna("2024-01-20")],
         "activities": [_activity("p1", 30, "2024-01-10", "2024-01-25")]},
        {"CCNA": ("active", "2027-01-20", [])}, {"p1": ("rejected", "outside_term")}),
    # Base: a2 (CE-9, 30, approved) renews on 2025-04-01 -> 2028-04-01. If p1 (CE-9, only 10
    # credits, completed earlier, 2025-03-01) were approved, it would occupy CE-9 first
    # (D-DUP-1), a2 would be duplicate_item, 10 < 30: the CCNA would keep 2025-09-15. The
    # approval changes the expiration although p1's credits alone meet no option.
    "T13 approval displaces the renewing claim": (
        {"as_of": "2025-07-01", "holdings": [_ccna("2022-09-15")],
         "activities": [_activity("p1", 10, "2025-03-01", "2025-03-02", item="CE-9"),
                        _activity("a2", 30, "2025-04-01", "2025-04-02", "approved", "2025-04-05",
                                  item="CE-9")]},
        {"CCNA": ("active", "2028-04-01", ["p1"])},
        {"p1": ("pending", None), "a2": ("counted", None)}),
}


@pytest.fixture(scope="module")
def awaiting_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """``recert evaluate --format json`` on all the cases at once (one JSON Lines file)."""
    path = tmp_path_factory.mktemp("awaiting") / "records.jsonl"
    names = list(AWAITING_CASES)
    path.write_text("".join(json.dumps({"candidate": name, **AWAITING_CASES[name][0]}) + "\n"
                            for name in names), encoding="utf-8")
    capture = subprocess.run([sys.executable, "-m", "recert", "evaluate", "--format", "json", str(path)],
                             capture_output=True, text=True, timeout=60, check=False)
    assert (capture.returncode, capture.stderr) == (0, "")
    results = [json.loads(line) for line in capture.stdout.splitlines()]
    return {r["candidate"]: r for r in results}


@pytest.mark.parametrize("name", list(AWAITING_CASES))
def test_awaiting_worked_out_by_hand(name: str, awaiting_results: dict[str, dict[str, Any]]) -> None:
    _, certifications, activities = AWAITING_CASES[name]
    result = awaiting_results[name]
    assert {c["certification"]: (c["status"], c["expires_on"], c["awaiting"])
            for c in result["certifications"]} == certifications
    assert {a["id"]: (a["outcome"], a["reason"]) for a in result["activities"]} == activities


# --------------------------------------------------------------------------------------------
# Part 1: --jobs 2 gives --jobs 1's output byte for byte (passes)

CCNA_OK = _ccna("2023-01-10")
MIXED_LINES = [
    json.dumps({"candidate": "G1", "holdings": [CCNA_OK]}),
    "",                                                                            # 2 blank
    "   ",                                                                         # 3 blank
    '{"candidate": "bad json", ',                                                  # 4
    json.dumps({"candidate": "U", "holdings": [dict(CCNA_OK, colour="red")], "foo": 1}),
    json.dumps({"candidate": "D", "holdings": [_ccna("2023-02-30")]}),
    json.dumps({"candidate": "N", "holdings": [CCNA_OK],
                "activities": [_activity("x", -5, "2024-01-01")]}),
    json.dumps({"candidate": "R", "holdings": [CCNA_OK],
                "activities": [_activity("x", 5, "2024-01-01"), _activity("x", 6, "2024-01-02")]}),
    json.dumps({"candidate": "OWN", "as_of": "2024-02-01", "holdings": [CCNA_OK]}),
    "[1, 2, 3]",
    '{"a": 1, "a": 2}',
    json.dumps({"candidate": "Ünïcödé ✓", "holdings": [CCNA_OK]}, ensure_ascii=False),
    json.dumps({"candidate": "G2", "holdings": [CCNA_OK]}),
]


@pytest.mark.parametrize("form", ["text", "json"])
def test_jobs_two_writes_what_jobs_one_writes(form: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(MIXED_LINES) + "\n", encoding="utf-8")
    args = ["evaluate", path, tmp_path / "missing.jsonl", EXAMPLES / "devnet-associate.toml", path,
            "--as-of", "2025-03-01", "--format", form]
    one = _run(capsys, *args, "--jobs", "1")
    two = _run(capsys, *args, "--jobs", "2")
    assert one == two
    assert one[0] == 2
    assert one[2] == ""


# --------------------------------------------------------------------------------------------
# Part 2: the loader's fast path against its detailed path (passes)

BASE: dict[str, Any] = {
    "candidate": "X", "as_of": "2025-03-01", "holdings": [dict(CCNA_OK)],
    "exams": [{"exam": "200-301", "passed_on": "2023-01-10"}],
    "activities": [_activity("a", 10, "2024-01-01", "2024-01-05")],
}


def _changed(where: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(BASE))
    target: Any = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    return data


LOADER_CASES = {
    "tuple of holdings": _changed(("holdings",), (dict(CCNA_OK),)),
    "dict for holdings": _changed(("holdings",), {"0": dict(CCNA_OK)}),
    "holding as a list": _changed(("holdings", 0), ["CCNA", "2023-01-10"]),
    "credits true": _changed(("activities", 0, "credits"), True),
    "credits as a string": _changed(("activities", 0, "credits"), "10"),
    "credits 2.5": _changed(("activities", 0, "credits"), 2.5),
    "id as an int": _changed(("activities", 0, "id"), 7),
    "exam as an int": _changed(("exams", 0, "exam"), 200301),
    "candidate as a float": _changed(("candidate",), 1.5),
    "datetime": _changed(("holdings", 0, "earned_on"), datetime(2023, 1, 10)),
    "date object": _changed(("holdings", 0, "earned_on"), date(2023, 1, 10)),
    "2025-02-30": _changed(("holdings", 0, "earned_on"), "2025-02-30"),
    "extra nested key": _changed(("activities", 0, "meta"), {"a": [1]}),
    "None earned_on": _changed(("holdings", 0, "earned_on"), None),
    "None id": _changed(("activities", 0, "id"), None),
    "status without claim": {**BASE, "activities": [_activity("a", 10, "2024-01-01", status="approved")]},
    "level on a catalog certification": _changed(("holdings", 0, "level"), "associate"),
    "other level on a catalog certification": _changed(("holdings", 0, "level"), "expert"),
    "exam acronym": _changed(("exams", 0, "exam"), "CCNA"),
    "exam code and acronym": _changed(("exams", 0, "exam"), "350-401 ENCOR"),
    "repeated ids": _changed(("activities",), [BASE["activities"][0]] * 2),
}


def _outcome(read: Any) -> tuple[str, Any]:
    try:
        return "ok", read()
    except RecordError as error:
        return "error", str(error)


@pytest.mark.parametrize("name", list(LOADER_CASES))
def test_fast_path_answers_as_the_detailed_path(name: str) -> None:
    data = LOADER_CASES[name]
    assert _outcome(lambda: recert.record_from_mapping(data)) == _outcome(
        lambda: loaders._detailed_record(data, POLICY, None))


# --------------------------------------------------------------------------------------------
# Defects (xfail strict)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_output_gives_no_traceback(jobs: str) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the command writes, as `| head -0` would be
    try:
        done = subprocess.run([sys.executable, "-m", "recert", "evaluate", EXAMPLES / "ccnp-renewed.json",
                               "--jobs", jobs], stdout=write_end, stderr=subprocess.PIPE, text=True,
                              timeout=60, check=False)
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr
    assert "BrokenPipeError" not in done.stderr


def test_good_line_before_a_non_utf8_line_is_evaluated(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_bytes(json.dumps({"candidate": "first", "holdings": [CCNA_OK]}).encode() + b"\n"
                     + b'{"candidate": "caf\xe9"}\n')
    status, out, _ = _run(capsys, "evaluate", "--format", "json", "--as-of", "2025-03-01", path)
    results = [json.loads(line) for line in out.splitlines()]
    assert status == 2
    # Line 1: CCNA 2023-01-10 + 3 y = 2026-01-10 >= 2025-03-01: active.
    assert results[0].get("candidate") == "first"
    assert results[0]["certifications"][0]["status"] == "active"


@pytest.mark.parametrize("text", [
    '[holdings]\ncertification = "CCNA"\nearned_on = 2023-01-10\n',
    '[[holdings]]\ncertification = "CCNA"\nearned_on = 10:00:00\n',
])
def test_toml_values_in_messages_are_not_python_reprs(text: str) -> None:
    with pytest.raises(RecordError) as caught:
        recert.record_from_mapping(tomllib.loads(text))
    assert "datetime." not in str(caught.value)


def test_huge_integer_credits_are_named() -> None:
    text = '{"activities": [{"id": "a", "credits": 1' + "0" * 400 + ', "completed_on": "2024-01-01"}]}'
    with pytest.raises(RecordError) as caught:
        recert.record_from_mapping(json.loads(text))
    assert str(caught.value).startswith("activities[0].credits: 1000000000")


def test_unknown_profile_in_the_environment_is_refused(tmp_path: Path) -> None:
    (tmp_path / "test_probe.py").write_text("def test_nothing():\n    pass\n")
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    if not any(ep.value == "recert.testing.plugin" for ep in _pytest11()):
        args += ["-p", "recert.testing.plugin"]
    done = subprocess.run([*args, "test_probe.py"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60, check=False, env={**os.environ, "HYPOTHESIS_PROFILE": "thorugh"})
    assert done.returncode != 0
    assert "thorugh" in done.stdout + done.stderr


def _pytest11() -> list[Any]:
    from importlib.metadata import entry_points

    return list(entry_points(group="pytest11"))


def _bench_throughput() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_throughput_trial",
                                                  ROOT / "benchmarks" / "bench_throughput.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    path = list(sys.path)
    try:
        spec.loader.exec_module(module)  # it puts benchmarks/ first on sys.path
    finally:
        sys.path[:] = path
    return module


def test_bench_cli_row_of_a_failing_command_is_an_error(tmp_path: Path) -> None:
    bench = _bench_throughput()
    with pytest.raises((subprocess.CalledProcessError, RuntimeError, SystemExit)):
        bench.run_cli(tmp_path / "absent.jsonl", 1, None)  # recert evaluate exits 2: no such file


def test_bench_baseline_without_recert_is_an_error(tmp_path: Path) -> None:
    bench = _bench_throughput()
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"holdings": [CCNA_OK]}) + "\n", encoding="utf-8")
    with pytest.raises((subprocess.CalledProcessError, RuntimeError, SystemExit, FileNotFoundError)):
        bench.run_cli(path, 1, str(tmp_path / "no-such-checkout" / "src"))


def test_bench_row_without_workers_reports_no_worker_memory(capsys: pytest.CaptureFixture[str]) -> None:
    bench = _bench_throughput()
    # An earlier row's child: about 120 MB resident.
    subprocess.run([sys.executable, "-c", "x = b'x' * 120_000_000"], check=True, timeout=60)
    capsys.readouterr()
    bench.run_row("many-1", 10)  # evaluate_many, 1 process: a row that starts no worker process
    shown = re.search(r"(\S+) MB largest worker", capsys.readouterr().out)
    assert shown is not None
    assert shown.group(1) == "-"
