"""``--policy ID|PATH``: embedded policies chosen by id, ``recert catalog --list``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recert import cisco_policy
from recert.cli import main
from recert.exceptions import PolicyError
from recert.io.embedded import embedded_policy_ids, load_embedded_policy, resolve_policy

EXAMPLES = Path(__file__).parents[2] / "examples"
POLICY_DIR = Path(__file__).parents[2] / "src" / "recert" / "io" / "policies"


def test_every_toml_file_of_the_policies_folder_is_an_embedded_id() -> None:
    files = sorted(p.stem for p in POLICY_DIR.glob("*.toml"))
    assert embedded_policy_ids() == tuple(files)
    assert "cisco-ce" in files


def test_each_embedded_policy_loads_and_its_id_is_its_file_name() -> None:
    for policy_id in embedded_policy_ids():
        assert load_embedded_policy(policy_id).id == policy_id


def test_the_cisco_id_is_the_shared_cisco_policy() -> None:
    assert load_embedded_policy("cisco-ce") is cisco_policy()
    assert resolve_policy(None) is cisco_policy()
    assert resolve_policy("cisco-ce") is cisco_policy()


def test_an_unknown_id_is_a_policy_error_listing_the_ids() -> None:
    with pytest.raises(PolicyError, match=r"'cisco-cee' is not an embedded policy; the embedded ones are cisco-ce"):
        resolve_policy("cisco-cee")


def test_an_id_in_any_case_selects_the_embedded_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no file called PMI-PMP here
    assert resolve_policy("PMI-PMP").id == "pmi-pmp"
    assert resolve_policy("Isc2-Cissp").id == "isc2-cissp"
    assert resolve_policy("CISCO-CE") is cisco_policy()


def test_an_empty_policy_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(PolicyError) as caught:
        resolve_policy("")
    assert str(caught.value) == "--policy: empty"
    record = str(EXAMPLES / "ccnp-renewed.json")
    assert main(["evaluate", record, "--policy", ""]) == 2
    assert capsys.readouterr().err.strip().splitlines() == ["recert: error: --policy: empty"]


def test_a_path_is_read_as_a_file(tmp_path: Path) -> None:
    source = EXAMPLES / "policies" / "acme-ce.toml"
    assert resolve_policy(source).id == "acme-ce"
    assert resolve_policy(str(source)).id == "acme-ce"
    with pytest.raises(PolicyError, match="cannot read"):
        resolve_policy(tmp_path / "missing.toml")


def test_a_file_named_like_an_id_in_the_working_directory_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cisco-ce").write_bytes((EXAMPLES / "policies" / "acme-ce.toml").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert resolve_policy("cisco-ce").id == "acme-ce"


def test_catalog_list_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "version", "certifications", "title"]
    cisco = next(line for line in lines if line.startswith("cisco-ce "))
    # 62 certifications in the embedded Cisco catalog (recert catalog --format json counts them too).
    assert cisco.split()[:3] == ["cisco-ce", "2020-02-24", "62"]
    assert cisco.endswith("Cisco Certification Continuing Education program")
    assert main(["catalog", "--list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == list(embedded_policy_ids())
    assert rows[[r["id"] for r in rows].index("cisco-ce")] == {
        "id": "cisco-ce",
        "version": "2020-02-24",
        "title": "Cisco Certification Continuing Education program",
        "certifications": 62,
    }


def test_evaluate_and_catalog_take_an_id(capsys: pytest.CaptureFixture[str]) -> None:
    record = str(EXAMPLES / "ccnp-renewed.json")
    assert main(["evaluate", record, "--as-of", "2026-01-01", "--format", "json"]) == 0
    default = capsys.readouterr().out
    assert main(["evaluate", record, "--as-of", "2026-01-01", "--format", "json", "--policy", "cisco-ce"]) == 0
    assert capsys.readouterr().out == default
    assert json.loads(default)["policy"]["id"] == "cisco-ce"
    assert main(["catalog", "--policy", "cisco-ce", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["policy"]["id"] == "cisco-ce"


def test_an_unknown_id_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    record = str(EXAMPLES / "ccnp-renewed.json")
    assert main(["evaluate", record, "--policy", "nope"]) == 2
    err = capsys.readouterr().err
    assert err == "recert: error: --policy: 'nope' is not an embedded policy; the embedded ones are " + ", ".join(
        embedded_policy_ids()
    ) + "\n"
