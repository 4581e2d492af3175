"""recert plan: text and JSON, on the examples, worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recert.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["plan", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_plan_text_multi_track(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, str(EXAMPLES / "multi-track-late-claim.json"))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    # The CCNP renewed on 2024-09-10 (+ 3 years = 2027-09-10) used the pool: 80 credits by then,
    # 2025-03-01 -> 2027-09-10 = 923 days; the associates follow by cascade.
    assert "  1. by 2027-09-10 (923 days left): 80 CE credits" in lines
    assert "     renews CCNP Enterprise, CCNA, CyberOps Associate" in lines
    assert all(len(line) <= 100 for line in lines)


def test_plan_json_and_exam_cost(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, str(EXAMPLES / "devnet-associate.toml"), "--format", "json",
                         "--credits-per-exam", "10")
    assert status == 0
    data = json.loads(out)
    # 30 - 16 = 14 credits missing; one associate exam costs 10 < 14: the exam wins.
    (step,) = data["steps"]
    assert (step["by"], step["option"], step["credits"]) == ("2025-05-18", "1 associate exam", 0)
    assert step["exams"][0]["examples"][0] == "200-901"  # the DevNet track's own exam first
    assert (data["credits_per_exam"], data["exams"], data["credits"]) == (10, 1, 0)


def test_plan_of_a_bad_record_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"holdings": [{"certification": "CCNX", "earned_on": "2024-01-01"}]}', encoding="utf-8")
    status, out, _ = run(capsys, str(bad), "--as-of", "2025-01-01")
    assert status == 2
    assert "error" in out


def test_plan_rejects_a_negative_exam_cost(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["plan", str(EXAMPLES / "ccnp-renewed.json"), "--credits-per-exam", "-3"])
    assert caught.value.code == 2
    assert "not a number of credits >= 0" in capsys.readouterr().err


def test_the_option_overrides_a_records_own_as_of_as_evaluate_does(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # Record format: --as-of overrides a record's own as_of (the same precedence as evaluate).
    # CCNA held 2022-09-15 -> 2025-09-15: on the record's own 2025-03-01 it is active and needs a
    # step; on --as-of 2026-12-07 it has expired (2025-09-15 < 2026-12-07): no step, a way back.
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"as_of": "2025-03-01",
                                "holdings": [{"certification": "CCNA", "earned_on": "2022-09-15"}]}))
    assert main(["plan", str(path), "--format", "json", "--as-of", "2026-12-07"]) == 0
    overridden = json.loads(capsys.readouterr().out)
    assert (overridden["as_of"], overridden["steps"]) == ("2026-12-07", [])
    assert [r["certification"] for r in overridden["regain"]] == ["CCNA"]
    assert main(["plan", str(path), "--format", "json"]) == 0
    own = json.loads(capsys.readouterr().out)
    assert own["as_of"] == "2025-03-01"
    assert [s["by"] for s in own["steps"]] == ["2025-09-15"]


@pytest.mark.parametrize("policy_id", ["isc2-cissp", "comptia", "pmi-pmp", "isaca-cisa"])
def test_plan_refuses_a_fixed_cycle_policy_on_one_line(capsys: pytest.CaptureFixture[str], policy_id: str) -> None:
    record = str(Path(__file__).parents[2] / "examples" / "programs" / f"{policy_id}.json")
    code, out, err = run(capsys, "--policy", policy_id, record)
    assert code == 2
    assert out == ""
    assert err == (
        f"recert: error: recert plan supports only rolling-cycle policies; {policy_id} has fixed cycles: "
        f"see the shortfalls and next steps of recert evaluate --policy {policy_id} RECORD\n"
    )
