"""``recert catalog``: rows of the embedded Cisco policy (spec sections 1, 2, 7) and a user's policy."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from recert.cli import main
from recert.cli.catalog import validity_text
from recert.core.policy import Validity

CCNP_ENT_EARNED = "350-401 ENCOR + one of 300-410, 300-415, 300-420, 300-425, 300-430, 300-435"
PROFESSIONAL_OPTIONS = [
    "1 core exam",
    "2 concentration exams",
    "1 expert written exam",
    "1 expert lab exam",
    "40 CE credits + 1 professional exam",
    "80 CE credits",
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["catalog", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def catalog(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    status, out, _ = run(capsys, "--format", "json")
    assert status == 0
    data: dict[str, Any] = json.loads(out)
    return data


def cert(catalog: dict[str, Any], name: str) -> dict[str, Any]:
    (found,) = [c for c in catalog["certifications"] if c["name"] == name]
    return found


def exam(catalog: dict[str, Any], code: str) -> dict[str, Any]:
    (found,) = [e for e in catalog["exams"] if e["code"] == code]
    return found


# --- JSON --------------------------------------------------------------------------------------------


def test_json_has_the_policy_and_both_lists(catalog: dict[str, Any]) -> None:
    assert catalog["policy"] == {
        "id": "cisco-ce",
        "version": "2020-02-24",
        "title": "Cisco Certification Continuing Education program",
        "effective_from": "2020-02-24",
    }
    # The version shown first, then the earlier one (spec section 6, "Before 2020-02-24").
    assert [v["version"] for v in catalog["versions"]] == ["2020-02-24", "pre-2020"]
    assert catalog["versions"][0]["effective_from"] == "2020-02-24"
    names = [c["name"] for c in catalog["certifications"]]
    assert len(names) == len(set(names))
    assert {"CCNA", "CCNP Enterprise", "CCIE Security", "CCDE", "CCT Data Center", "CCT Collaboration",
            "CCT Routing and Switching", "Customer Success Manager"} <= set(names)
    # Spec section 7: 3 associate + 7 core + 28 concentration (Enterprise 6, Security 6, Data Center 5,
    # Service Provider 3, Collaboration 4, CyberOps 1, DevNet 3) + 1 written + 8 labs + 3 CCST + 1 CSM = 51.
    assert len(catalog["exams"]) == 51


def test_ccnp_enterprise_is_professional_for_3_years_earned_by_encor_and_a_concentration(
    catalog: dict[str, Any],
) -> None:
    ccnp = cert(catalog, "CCNP Enterprise")
    assert ccnp["level"] == "professional"
    assert ccnp["track"] == "Enterprise"
    assert ccnp["validity"] == [{"years": 3, "starting_on": None}]
    assert ccnp["validity_text"] == "3 years"
    assert ccnp["earned_by"] == [
        {
            "label": CCNP_ENT_EARNED,
            "exams": [["350-401"], ["300-410", "300-415", "300-420", "300-425", "300-430", "300-435"]],
        }
    ]
    # The professional row of the options table (spec section 2), exam-only options first (D-POOL-5).
    assert [o["label"] for o in ccnp["renewed_by"]] == PROFESSIONAL_OPTIONS
    assert ccnp["renewed_by"][4] == {"label": "40 CE credits + 1 professional exam", "rule": "R-DATE-1"}
    assert ccnp["ce_eligible"] is True
    assert ccnp["cascade"] is True
    assert ccnp["emeritus"] is False


def test_ccst_networking_is_lifetime_before_2025_07_15_and_5_years_after(catalog: dict[str, Any]) -> None:
    ccst = cert(catalog, "CCST Networking")
    assert ccst["level"] == "entry"
    assert ccst["validity"] == [
        {"years": None, "starting_on": None},
        {"years": 5, "starting_on": "2025-07-15"},
    ]
    assert ccst["validity_text"] == "lifetime before 2025-07-15; 5 years on or after 2025-07-15"
    assert ccst["earned_by"] == [{"label": "100-150 CCST Networking", "exams": [["100-150"]]}]
    # R-ENTRY-1: one option, any CCST, associate, professional or expert exam; never CE or cascade.
    assert ccst["renewed_by"] == [
        {"label": "1 CCST, associate, professional or expert exam", "rule": "R-ENTRY-1"}
    ]
    assert (ccst["ce_eligible"], ccst["cascade"]) == (False, False)


def test_cct_is_3_years_not_earned_by_exams_and_renewed_by_nothing_published(catalog: dict[str, Any]) -> None:
    cct = cert(catalog, "CCT Data Center")
    assert (cct["level"], cct["validity_text"]) == ("entry", "3 years")
    assert cct["earned_by"] == []
    assert cct["renewed_by"] == []
    assert (cct["ce_eligible"], cct["cascade"]) == (False, False)


def test_csm_is_renewed_only_by_its_own_exam(catalog: dict[str, Any]) -> None:
    csm = cert(catalog, "Customer Success Manager")
    assert (csm["level"], csm["validity_text"]) == ("csm", "3 years")
    assert csm["earned_by"] == [{"label": "820-605 CSM", "exams": [["820-605"]]}]
    assert csm["renewed_by"] == [{"label": "820-605 CSM exam passed again", "rule": "R-OPT-1"}]
    assert (csm["ce_eligible"], csm["cascade"]) == (False, False)


def test_ccie_tracks_take_their_core_and_lab_and_are_emeritus(catalog: dict[str, Any]) -> None:
    wireless = cert(catalog, "CCIE Enterprise Wireless")
    assert wireless["level"] == "expert"
    assert wireless["earned_by"] == [
        {
            "label": "350-401 ENCOR + CCIE Enterprise Wireless lab",
            "exams": [["350-401"], ["CCIE Enterprise Wireless lab"]],
        }
    ]
    assert wireless["emeritus"] is True
    assert [o["label"] for o in wireless["renewed_by"]][-1] == "120 CE credits"
    assert len(wireless["renewed_by"]) == 8
    assert cert(catalog, "CCDE")["earned_by"][0]["exams"] == [["400-007"], ["CCDE practical"]]
    assert cert(catalog, "CCDE")["emeritus"] is True
    assert cert(catalog, "DevNet Expert")["emeritus"] is False


def test_retired_certifications_are_renewed_by_nothing(catalog: dict[str, Any]) -> None:
    ccda = cert(catalog, "CCDA")
    assert ccda["retired_on"] == "2020-02-24"
    assert ccda["renewed_by"] == []
    assert ccda["earned_by"] == []


def test_certifications_come_lowest_level_first(catalog: dict[str, Any]) -> None:
    levels = [c["level"] for c in catalog["certifications"]]
    order = ["csm", "entry", "associate", "specialist", "professional", "expert"]
    assert levels == sorted(levels, key=order.index)


def test_encor_earns_the_core_specialist_alone_and_is_part_of_ccnp_and_both_enterprise_ccies(
    catalog: dict[str, Any],
) -> None:
    encor = exam(catalog, "350-401")
    assert (encor["acronym"], encor["kind"], encor["tracks"]) == ("ENCOR", "core", ["Enterprise"])
    assert encor["earns"] == ["Cisco Certified Specialist – Enterprise Core"]
    assert encor["part_of"] == ["CCNP Enterprise", "CCIE Enterprise Infrastructure", "CCIE Enterprise Wireless"]
    enauto = exam(catalog, "300-435")
    assert enauto["part_of"] == ["CCNP Enterprise", "DevNet Professional"]
    practical = exam(catalog, "CCDE practical")
    assert (practical["acronym"], practical["kind"]) == ("", "expert_lab")
    assert (practical["earns"], practical["part_of"]) == ([], ["CCDE"])


# --- text --------------------------------------------------------------------------------------------


def section(text: str, heading: str) -> list[str]:
    """The lines of the table under the heading that starts with *heading*."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i]), len(lines))
    return lines[start + 1 : end]


def cells(line: str) -> list[str]:
    return re.split(r"\s{2,}", line.strip())


def test_text_has_a_table_per_level_with_real_rows(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys)
    assert status == 0
    head = out.splitlines()
    assert head[0] == (
        "Cisco Certification Continuing Education program (cisco-ce 2020-02-24, in force from 2020-02-24)"
    )
    assert head[1].startswith("other versions (--policy-version): pre-2020 from ")
    professional = section(out, "professional (ladder")
    assert cells(professional[0]) == ["certification", "validity", "earned by", "renewed by", "notes"]
    row = next(i for i, line in enumerate(professional) if line.lstrip().startswith("CCNP Enterprise "))
    assert cells(professional[row]) == [
        "CCNP Enterprise", "3 years", CCNP_ENT_EARNED, "1 core exam", "-",
    ]
    # Each further option label on its own line, in the renewed-by column.
    assert [line.strip() for line in professional[row + 1 : row + 6]] == PROFESSIONAL_OPTIONS[1:]

    entry = section(out, "entry (off the ladder")
    ccst = next(line for line in entry if line.lstrip().startswith("CCST Networking "))
    assert cells(ccst) == [
        "CCST Networking",
        "lifetime before 2025-07-15; 5 years on or after 2025-07-15",
        "100-150 CCST Networking",
        "1 CCST, associate, professional or expert exam",
        "no CE; no cascade",
    ]
    cct = next(line for line in entry if line.lstrip().startswith("CCT "))
    assert cells(cct) == ["CCT Data Center", "3 years", "-", "none", "no CE; no cascade"]

    csm = section(out, "csm (off the ladder")
    assert cells(csm[2]) == [
        "Customer Success Manager", "3 years", "820-605 CSM", "820-605 CSM exam passed again",
        "no CE; no cascade",
    ]
    associate = section(out, "associate (ladder")
    ccda = next(line for line in associate if line.lstrip().startswith("CCDA "))
    assert cells(ccda) == ["CCDA", "3 years", "-", "none: retired", "retired on 2020-02-24 (R-RET-1)"]
    expert = section(out, "expert (ladder")
    ccie = next(line for line in expert if line.lstrip().startswith("CCIE Security "))
    assert cells(ccie) == [
        "CCIE Security", "3 years", "350-701 SCOR + CCIE Security lab",
        "1 core exam + 1 concentration exam", "Emeritus (R-EMER-1)",
    ]
    exams = section(out, "exams")
    encor = next(line for line in exams if line.lstrip().startswith("350-401 "))
    assert cells(encor) == ["350-401", "ENCOR", "core", "Cisco Certified Specialist – Enterprise Core"]


# --- another policy, errors ---------------------------------------------------------------------------

SMALL_POLICY = """
exam_kinds = ["basic", "advanced"]

[policy]
id = "guild"
version = "1"
title = "Data Guild"

[rules."G-1"]
title = "Renewal"

[levels.member]
rank = 1
ladder = true
validity = [{ years = 2 }, { years = 4, starting_on = 2026-01-01 }]
[[levels.member.options]]
label = "1 advanced exam"
rule = "G-1"
requirements = [{ exams = 1, kinds = ["advanced"] }]

[[exams]]
code = "B-1"
kind = "basic"

[[exams]]
code = "A-1"
kind = "advanced"

[[certifications]]
name = "Guild Member"
level = "member"
earned_by = [{ exams = [["B-1"], ["A-1"]] }]
"""


def test_a_policy_file_is_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "guild.toml"
    path.write_text(SMALL_POLICY, encoding="utf-8")
    status, out, _ = run(capsys, "--policy", str(path), "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["policy"] == {"id": "guild", "version": "1", "title": "Data Guild", "effective_from": None}
    assert data["versions"] == [{"version": "1", "effective_from": None}]
    assert data["certifications"] == [
        {
            "name": "Guild Member",
            "level": "member",
            "track": None,
            "aliases": [],
            "validity": [{"years": 2, "starting_on": None}, {"years": 4, "starting_on": "2026-01-01"}],
            "validity_text": "2 years before 2026-01-01; 4 years on or after 2026-01-01",
            # No label in the file: the slots are joined.
            "earned_by": [{"label": "B-1 + A-1", "exams": [["B-1"], ["A-1"]]}],
            "renewed_by": [{"label": "1 advanced exam", "rule": "G-1"}],
            "ce_eligible": True,
            "cascade": True,
            "retired_on": None,
            "emeritus": False,
        }
    ]
    assert [(e["code"], e["earns"], e["part_of"]) for e in data["exams"]] == [
        ("B-1", [], ["Guild Member"]),
        ("A-1", [], ["Guild Member"]),
    ]
    status, out, _ = run(capsys, "--policy", str(path))
    assert status == 0
    member = section(out, "member (ladder")
    assert cells(member[2]) == [
        "Guild Member", "2 years before 2026-01-01; 4 years on or after 2026-01-01", "B-1 + A-1",
        "1 advanced exam", "-",
    ]


def test_an_unreadable_policy_exits_2_with_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.toml"
    status, out, err = run(capsys, "--policy", str(missing))
    assert status == 2
    assert out == ""
    assert err.startswith("recert: error: ")
    assert str(missing) in err
    assert len(err.splitlines()) == 1


def test_an_earlier_version_is_listed_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    # Spec section 6, before 2020-02-24: CCIE/CCDE valid 2 years, then one suspended year; CE only
    # for the expert level (100 credits).
    status, out, _ = run(capsys, "--policy-version", "pre-2020", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["policy"]["version"] == "pre-2020"
    ccie = cert(data, "CCIE Security")
    assert ccie["validity_text"] == "2 years"
    assert "100 CE credits" in [o["label"] for o in ccie["renewed_by"]]
    assert cert(data, "CCNA")["ce_eligible"] is False
    status, out, _ = run(capsys, "--policy-version", "pre-2020")
    assert status == 0
    expert = out[out.index("\nexpert ("):].splitlines()[1]
    assert expert == "expert (ladder; CE credits; cascade renewal; suspended 1 year after the expiration date)"


def test_an_unknown_version_exits_2_naming_the_versions(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--policy-version", "2019")
    assert (status, out) == (2, "")
    assert err == (
        "recert: error: --policy-version: '2019' is not a version of cisco-ce (2020-02-24, pre-2020)\n"
    )


def test_the_deprecated_version_option_still_works_and_warns(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--version", "pre-2020", "--format", "json")
    assert status == 0
    assert json.loads(out)["policy"]["version"] == "pre-2020"
    assert err == (
        "recert catalog: warning: --version is deprecated (it names a policy version); "
        "use --policy-version\n"
    )
    status, out, err = run(capsys, "--version", "2019")
    assert (status, out) == (2, "")
    assert err.splitlines()[1] == (
        "recert: error: --version: '2019' is not a version of cisco-ce (2020-02-24, pre-2020)"
    )


def test_validity_text_of_three_periods() -> None:
    periods = (Validity(1), Validity(None, date(2024, 1, 1)), Validity(5, date(2025, 7, 15)))
    assert validity_text(periods) == (
        "1 year before 2024-01-01; lifetime on or after 2024-01-01 before 2025-07-15; "
        "5 years on or after 2025-07-15"
    )
