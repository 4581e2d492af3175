"""The generated pages of the four fixed-cycle policies name every part of each policy.

The pages are rendered by the mkdocs hook ``docs/hooks/program_pages.py``; these
tests call the same function on each embedded policy.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = ("isc2-cissp", "comptia", "pmi-pmp", "isaca-cisa")


def _load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "_recert_program_pages", ROOT / "docs" / "hooks" / "program_pages.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOOK = _load_hook()


@pytest.mark.parametrize("program", PROGRAMS)
def test_the_page_names_every_rule_option_cap_and_certification(program: str) -> None:
    policy = HOOK.load(program)
    page = HOOK.render_program(policy)
    assert policy.program is not None
    assert f"**{policy.program.unit}**" in page
    for rid, rule in policy.rules.items():
        if rule.source != ("recert",):
            assert f"### {rid}\n" in page, rid
    for options in policy.program.options.values():
        for option in options:
            assert option.label in page
    for cert in policy.certifications:
        assert f"| {cert.name} |" in page
    for caps in policy.program.caps.values():
        for cap in caps:
            assert f"{cap.max:g} {policy.program.unit}" in page


@pytest.mark.parametrize("program", PROGRAMS)
def test_the_page_has_its_marker(program: str) -> None:
    text = (ROOT / "docs" / "programs" / f"{program}.md").read_text(encoding="utf-8")
    assert f"<!-- recert:program {program} -->" in text
    assert HOOK.on_page_markdown(text, None, None, None).count("## Lifecycle") == 1


def test_the_pmi_page_reads_as_the_rule_book() -> None:
    page = HOOK.render_program(HOOK.load("pmi-pmp"))
    # R-PMI-4: the practitioner cap of 8 before the Giving Back cap of 25; R-PMI-5: one year, suspended.
    assert "| 8 PDU | giving_back_practitioner | cycle | [R-PMI-4](#r-pmi-4) |" in page
    assert "| 25 PDU | group giving_back | cycle | [R-PMI-4](#r-pmi-4) |" in page
    assert "1 year; allows completing, paying, reporting; status suspended, then expired" in page
    assert page.index("### R-FC-9\n") < page.index("### R-FC-10\n")


def test_one_marker_per_kind_of_page() -> None:
    # The Cisco page and the API page have their markers (docs/hooks/cisco_policy.py); every
    # fixed-cycle program has exactly one page with ``recert:program ID`` (this hook); there is
    # no second, generic way to render a program.
    markers: dict[str, list[str]] = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for marker in re.findall(r"<!-- (recert:[^>]*?) -->", page.read_text(encoding="utf-8")):
            markers.setdefault(marker, []).append(page.relative_to(ROOT / "docs").as_posix())
    expected = {
        "recert:cisco-policy": ["cisco-policy.md"],
        "recert:api-modules": ["api.md"],
        **{f"recert:program {p}": [f"programs/{p}.md"] for p in PROGRAMS},
    }
    assert markers == expected
    assert "recert:policy " not in (ROOT / "docs" / "hooks" / "cisco_policy.py").read_text(encoding="utf-8")
