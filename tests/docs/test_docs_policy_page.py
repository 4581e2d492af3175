"""The generated Cisco policy page lists every part of the embedded policy.

The page is rendered by the mkdocs hook ``docs/hooks/cisco_policy.py``; these
tests call the same function and look for each option, parameter, rule,
certification and exam of ``recert.cisco_policy()`` in its output.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import recert

ROOT = Path(__file__).resolve().parents[2]


def _load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "_recert_docs_hook", ROOT / "docs" / "hooks" / "cisco_policy.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOOK = _load_hook()
POLICY = recert.cisco_policy()
PAGE = HOOK.render_policy(POLICY)


def _section(level_name: str) -> str:
    """The page's text for one level, up to the next level heading."""
    start = PAGE.index(f"{{#level-{level_name}}}")
    end = PAGE.find("### ", start)
    return PAGE[start:end]


def _option_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"\| \d+ \|", line)]


@pytest.mark.parametrize("level", [lvl.name for lvl in POLICY.levels])
def test_every_option_of_every_level_in_order(level: str) -> None:
    options = POLICY.level(level).options
    rows = _option_rows(_section(level))
    assert len(rows) == len(options)
    for index, (row, option) in enumerate(zip(rows, options, strict=True)):
        assert row.startswith(f"| {index + 1} | {option.label} |")
        assert f"[{option.rule}](#{option.rule.lower()})" in row


def test_reconstructed_options_are_marked() -> None:
    # spec section 2: the professional exam-only options are reconstructed, the CE ones are not.
    rows = _option_rows(_section("professional"))
    assert rows[0].startswith("| 1 | 1 core exam |")
    assert rows[0].endswith("| **reconstructed** |")
    assert rows[5].startswith("| 6 | 80 CE credits |")
    assert rows[5].endswith("| published |")
    # associate options are all published [RP][CE]
    assert all(row.endswith("| published |") for row in _option_rows(_section("associate")))


def test_certification_specific_options() -> None:
    for cert in POLICY.certifications:
        if cert.options:
            heading = PAGE.index(f"#### {cert.name}\n")
            for option in cert.options:
                assert f"| {option.label} |" in PAGE[heading:]
    assert "#### CCT Data Center\n" in PAGE
    assert "No recertification option is published" in PAGE


@pytest.mark.parametrize("field", [f.name for f in attrs.fields(recert.Parameters)])
def test_every_parameter_with_its_default(field: str) -> None:
    value = getattr(POLICY.parameters, field)
    shown = ("true" if value else "false") if isinstance(value, bool) else str(value)
    assert f"| `{field}` | `{shown}` |" in PAGE


def test_parameter_decisions_show_default_and_alternatives() -> None:
    assert "Parameter `claim_window_days`: default `365`; values: `365`, `90`" in PAGE
    assert ("Parameter `recertification_anchor`: default `completion`; "
            "values: `completion`, `claim`.") in PAGE
    assert "Parameter `pooling`: default `highest_level`; values: `highest_level`, `each_level`." in PAGE
    assert "Parameter `carry_over_excess`: default `false`; values: `false`, `true`." in PAGE


@pytest.mark.parametrize("rule_id", list(POLICY.rules))
def test_every_rule_and_decision_with_title_and_text(rule_id: str) -> None:
    rule = POLICY.rules[rule_id]
    assert f"### {rule.id} {rule.title} {{#{rule.id.lower()}}}" in PAGE
    assert rule.text in PAGE
    if rule.source:
        assert "Sources: " + ", ".join(f"[{tag}]" for tag in rule.source) + "." in PAGE


def test_levels_and_validity() -> None:
    assert "| [professional](#level-professional) | 4 | yes | yes | 3 years | — | 8 |" in PAGE
    # CCST earned before 2025-07-15: lifetime; on or after: 5 years (spec section 1)
    assert ("| [entry](#level-entry) | 1 | no | no | lifetime for terms starting before 2025-07-15; "
            "5 years for terms starting on or after 2025-07-15 | — |") in PAGE


EARLIER = tuple(getattr(POLICY, "earlier", ()))


@pytest.mark.parametrize("version", EARLIER, ids=[v.version for v in EARLIER])
def test_every_option_of_every_earlier_version(version: recert.Policy) -> None:
    slug = "v-" + "".join(ch if ch.isalnum() else "-" for ch in version.version.lower())
    section = PAGE[PAGE.index(f"{{#{slug}}}"):PAGE.index("## Certification catalog")]
    for field in attrs.fields(type(version.parameters)):
        value = getattr(version.parameters, field.name)
        shown = ("true" if value else "false") if isinstance(value, bool) else str(value)
        assert f"| `{field.name}` | `{shown}` |" in section
    for level in version.levels:
        start = section.index(f"{{#{slug}-level-{level.name}}}")
        end = section.find("#### Level", start)
        rows = _option_rows(section[start:end if end > 0 else None])
        assert [row.split(" | ")[1] for row in rows] == [o.label for o in level.options]


def test_catalogs() -> None:
    for cert in POLICY.certifications:
        assert f"| {cert.name} | {cert.level} |" in PAGE
    for exam in POLICY.exams:
        assert f"| {exam.code} | {exam.acronym or '—'} | `{exam.kind}` |" in PAGE
    assert "| CCDA | associate |" in PAGE
    assert "retired on 2020-02-24 (R-RET-1)" in PAGE


def test_categories() -> None:
    for category in POLICY.categories:
        assert f"| `{category.name}` | yes |" in PAGE


def test_api_page_lists_the_public_modules() -> None:
    modules = HOOK.api_modules()
    assert modules[:3] == ["api", "core.engine", "core.record"]
    assert "cli.evaluate" in modules
    assert not any("policies" in name for name in modules)
    assert not any(name.startswith("_") for name in modules)


def test_sphinx_roles_in_docstrings_become_cross_references() -> None:
    html = (":func:<code>recert.evaluate</code>, :class:<code>~recert.core.record.Record</code>, "
            ":func:<code>evaluate</code>, :data:<code>CHECKS</code>")
    assert HOOK.on_page_content(html, None, None, None) == (
        '<autoref identifier="recert.evaluate" optional><code>recert.evaluate</code></autoref>, '
        '<autoref identifier="recert.core.record.Record" optional><code>Record</code></autoref>, '
        '<autoref identifier="recert.evaluate" optional><code>evaluate</code></autoref>, '
        '<autoref identifier="CHECKS" optional><code>CHECKS</code></autoref>'
    )


def test_source_tags_side_by_side_stay_literal() -> None:
    # "[CE][RP]" would otherwise be a reference link to an undefined "RP".
    markdown = "- **R-CASC-2** [RP][LP]: cascades; [CE] alone; [text][ref] untouched"
    assert HOOK.on_page_markdown(markdown, None, None, None) == (
        "- **R-CASC-2** \\[RP\\][LP]: cascades; [CE] alone; [text][ref] untouched"
    )
