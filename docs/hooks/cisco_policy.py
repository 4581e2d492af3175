"""mkdocs hook: render the embedded Cisco policy into ``cisco-policy.md`` at build time.

The page's prose is written by hand; everything below the marker
``<!-- recert:cisco-policy -->`` is generated from ``recert.cisco_policy()``
(the same data :func:`recert.evaluate` uses), so the page cannot drift from
the policy file. A second marker, ``<!-- recert:api-modules -->`` in
``api.md``, expands to one ``::: recert.<module>`` block per public module, so
a new module appears in the API reference without editing the page.

``render_policy()`` and ``api_modules()`` are plain functions so that
``tests/docs/test_docs_policy_page.py`` can check the generated text.
"""

from __future__ import annotations

import ast
import importlib.resources
import re
import tomllib
import typing
from pathlib import Path
from typing import Any

import attrs

# The docs are built with recert installed (`pip install -e ".[docs]"`).
import recert
from recert.core.policy import Certification, Level, Parameters, Policy, Rule, Validity
from recert.core.requirements import CECredits, Exams, Option

POLICY_MARKER = "<!-- recert:cisco-policy -->"
# The fixed-cycle programs have their own, richer pages (lifecycle, caps, renewal map):
# ``<!-- recert:program ID -->``, rendered by docs/hooks/program_pages.py.
API_MARKER = "<!-- recert:api-modules -->"

# Modules documented first, in reading order; any other public module follows
# alphabetically.
_API_ORDER = (
    "api",
    "core.engine",
    "core.record",
    "core.result",
    "core.policy",
    "core.requirements",
    "io.policy_toml",
    "exceptions",
)


# The spec writes source tags side by side ("[CE][RP]"), which Markdown reads
# as a reference link (and autorefs as a cross-reference to "RP"). Escape a
# tag that is directly followed by another bracket so it prints as written.
_SOURCE_TAG_PAIR = re.compile(r"(?<!\\)\[(CE|RP|KB|QO|EM|LP|3P)\](?=\[)")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """mkdocs event: expand the markers of the generated pages; keep source tags literal."""
    markdown = _SOURCE_TAG_PAIR.sub(r"\\[\1\\]", markdown)
    if POLICY_MARKER in markdown:
        markdown = markdown.replace(POLICY_MARKER, render_policy(recert.cisco_policy()))
    if API_MARKER in markdown:
        markdown = markdown.replace(API_MARKER, render_api_modules())
    return markdown


# --------------------------------------------------------------------------- API page

# Some docstrings use Sphinx roles (:func:`recert.evaluate`), which mkdocstrings
# renders literally. Turn them into optional cross-references that autorefs
# resolves to the API page (or leaves as code when it cannot).
_SPHINX_ROLE = re.compile(
    r":(?:func|class|meth|mod|data|attr|exc|obj|const):<code>(?P<tilde>~?)(?P<name>[\w.]+)</code>"
)


def _role_to_autoref(match: re.Match[str]) -> str:
    name = match["name"]
    shown = name.rsplit(".", 1)[-1] if match["tilde"] else name
    identifier = name
    if not name.startswith("recert") and name.split(".")[0] in recert.__all__:
        identifier = f"recert.{name}"
    return f'<autoref identifier="{identifier}" optional><code>{shown}</code></autoref>'


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """mkdocs event: Sphinx roles in rendered docstrings become cross-references."""
    return _SPHINX_ROLE.sub(_role_to_autoref, html)



def api_modules(package_dir: Path | None = None) -> list[str]:
    """Public modules of ``recert``, dotted below it (``core.engine``), at any depth.

    A name starting with ``_`` is private (and so is everything below it); a
    package whose ``__init__`` holds only its docstring is listed through its
    modules; the embedded policy files are data.
    """
    package_dir = package_dir or Path(recert.__file__).parent
    found = set()
    for path in package_dir.rglob("*.py"):
        parts = path.relative_to(package_dir).with_suffix("").parts
        if any(part.startswith(("_", ".")) for part in parts[:-1]) or "policies" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
            if not parts or _docstring_only(path):
                continue
        elif parts[-1].startswith("_"):
            continue
        found.add(".".join(parts))
    first = [name for name in _API_ORDER if name in found]
    return first + sorted(found - set(first))


def _docstring_only(path: Path) -> bool:
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return all(isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) for node in body)


def render_api_modules() -> str:
    """One mkdocstrings block per public module."""
    return "\n\n".join(f"::: recert.{name}" for name in api_modules())


# --------------------------------------------------------------------------- policy page


def _raw_policy(policy_id: str = "cisco-ce") -> dict[str, Any]:
    """The embedded TOML as parsed data, for flags the value objects do not carry."""
    resource = importlib.resources.files("recert.io.policies").joinpath(f"{policy_id}.toml")
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _rule_link(rule_id: str, policy: Policy) -> str:
    if rule_id in policy.rules:
        return f"[{rule_id}](#{rule_id.lower()})"
    return rule_id


def _validity(validity: tuple[Validity, ...]) -> str:
    parts = []
    for index, entry in enumerate(validity):
        length = "lifetime" if entry.years is None else f"{entry.years} years"
        later = validity[index + 1].starting_on if index + 1 < len(validity) else None
        if entry.starting_on is None and later is None:
            parts.append(length)
        elif entry.starting_on is None:
            parts.append(f"{length} for terms starting before {later}")
        else:
            parts.append(f"{length} for terms starting on or after {entry.starting_on}")
    return "; ".join(parts)


def _requirement(requirement: CECredits | Exams) -> str:
    if isinstance(requirement, CECredits):
        return requirement.label
    what = []
    if requirement.kinds:
        what.append("kind " + " or ".join(f"`{k}`" for k in requirement.kinds))
    if requirement.codes:
        what.append("exam " + " or ".join(f"`{c}`" for c in requirement.codes))
    distinct = "distinct exams" if requirement.count > 1 else "exam"
    return f"{requirement.count} {distinct} of {' or '.join(what)}"


def _reconstructed(option: Option, raw: dict[str, Any]) -> bool:
    flag = getattr(option, "reconstructed", None)
    if flag is not None:
        return bool(flag)
    return bool(raw.get("reconstructed", False))


def _options_table(options: tuple[Option, ...], raw: list[dict[str, Any]], policy: Policy) -> str:
    if not options:
        return "No recertification option is published: it expires at the end of its term.\n"
    lines = [
        "| tried | option (`recertified_by`) | requirements (all on the same day) | rule | source |",
        "|---|---|---|---|---|",
    ]
    for index, option in enumerate(options):
        raw_option = raw[index] if index < len(raw) else {}
        requirements = "; ".join(_requirement(r) for r in option.requirements)
        source = "**reconstructed**" if _reconstructed(option, raw_option) else "published"
        lines.append(
            f"| {index + 1} | {_cell(option.label)} | {_cell(requirements)} "
            f"| {_rule_link(option.rule, policy)} | {source} |"
        )
    return "\n".join(lines) + "\n"


def _parameter_rules(policy: Policy) -> dict[str, Rule]:
    return {rule.parameter: rule for rule in policy.rules.values() if rule.parameter}


def _format_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _parameter_values(name: str) -> str:
    """The values a parameter takes, read from its type (a ``Literal``, ``bool`` or ``int``)."""
    hints = typing.get_type_hints(Parameters)
    kind = hints.get(name)
    if typing.get_origin(kind) is typing.Literal:
        return ", ".join(f"`{v}`" for v in typing.get_args(kind))
    if kind is bool:
        return "`true`, `false`"
    return "a whole number"


def _parameters(policy: Policy) -> str:
    by_parameter = _parameter_rules(policy)
    lines = [
        "| parameter | value | decision | values |",
        "|---|---|---|---|",
    ]
    for field in attrs.fields(type(policy.parameters)):
        rule = by_parameter.get(field.name)
        value = _format_value(getattr(policy.parameters, field.name))
        decision = _rule_link(rule.id, policy) if rule else _unruled(field.name, policy)
        values = (", ".join(f"`{v}`" for v in rule.values) if rule and rule.values
                  else _parameter_values(field.name))
        lines.append(f"| `{field.name}` | `{value}` | {decision} | {values} |")
    return "\n".join(lines) + "\n"


def _unruled(parameter: str, policy: Policy) -> str:
    """Where a parameter that no D-* decision names is described."""
    if parameter == "earning_window_years":
        return "spec section 7 (earning)"
    if parameter == "renewal_from":
        return f"{_rule_link('R-DATE-1', policy)}; {_rule_link('R-PRE2020-1', policy)}"
    return "—"


def _takes_ce(level: Level) -> bool:
    takes = getattr(level, "takes_ce", None)
    return level.ladder if takes is None else bool(takes)


def _years(count: int) -> str:
    return f"{count} year" if count == 1 else f"{count} years"


def _level_summary(level: Level, policy: Policy) -> str:
    parts = [f"Validity: {_validity(level.validity)}."]
    parts.append("On the ladder (cascades)." if level.ladder else "Not on the ladder (no cascade).")
    parts.append("Takes CE credits." if _takes_ce(level) else "Takes no CE credits.")
    suspension = getattr(level, "suspension_years", 0)
    if suspension:
        rule = getattr(level, "suspension_rule", "")
        parts.append(f"After the expiration date: {_years(suspension)} `suspended`, still able to "
                     f"recertify ({_rule_link(rule, policy)}).")
    return " ".join(parts) + "\n"


def _levels(policy: Policy, raw: dict[str, Any], prefix: str = "", heading: str = "###") -> str:
    lines = [
        "| level | rank | on the ladder | CE credits | validity | suspension | certifications |",
        "|---|---|---|---|---|---|---|",
    ]
    for level in sorted(policy.levels, key=lambda lvl: -lvl.rank):
        count = sum(1 for c in policy.certifications if c.level == level.name)
        suspension = getattr(level, "suspension_years", 0)
        lines.append(
            f"| [{level.name}](#{prefix}level-{level.name}) | {level.rank} "
            f"| {'yes' if level.ladder else 'no'} | {'yes' if _takes_ce(level) else 'no'} "
            f"| {_validity(level.validity)} | {_years(suspension) if suspension else '—'} "
            f"| {count} |"
        )
    out = ["\n".join(lines), ""]
    for level in sorted(policy.levels, key=lambda lvl: -lvl.rank):
        raw_level = raw.get("levels", {}).get(level.name, {})
        out.append(f"{heading} Level `{level.name}` {{#{prefix}level-{level.name}}}\n")
        description = raw_level.get("description")
        if description:
            out.append(f"{description}.\n")
        out.append(_level_summary(level, policy))
        out.append(_level_options(level, raw_level, policy))
    return "\n".join(out)


def _level_options(level: Level, raw_level: dict[str, Any], policy: Policy) -> str:
    if not level.options:
        return "The level has no options of its own; see the certifications below.\n"
    return "Ways to recertify, in the order they are tried ([D-POOL-5](#d-pool-5)):\n\n" + _options_table(
        level.options, raw_level.get("options", []), policy
    )


def _earlier_versions(policy: Policy, raw: dict[str, Any]) -> str:
    earlier = tuple(getattr(policy, "earlier", ()))
    if not earlier:
        return ""
    raw_versions = {
        str(entry.get("policy", {}).get("version")): entry for entry in raw.get("versions", [])
    }
    out = [
        "## Earlier versions\n",
        "Each decision uses the version in force on its date. An earlier version has its own "
        "parameters and levels; the catalogs, categories and rules are shared.\n",
    ]
    starts = [v.effective_from for v in earlier[1:]] + [policy.effective_from]
    for version, until in zip(earlier, starts, strict=True):
        slug = "v-" + "".join(ch if ch.isalnum() else "-" for ch in version.version.lower()) + "-"
        span = f"from {version.effective_from} " if version.effective_from else ""
        span += f"until {until}" if until else ""
        out.append(f"### Version `{version.version}` {{#{slug[:-1]}}}\n")
        title = f"*{version.title}*, " if version.title else ""
        out.append(f"{title}{span.strip()}.\n")
        out.append("#### Parameters\n")
        out.append(_parameters(version))
        out.append("#### Levels\n")
        out.append(_levels(version, raw_versions.get(version.version, {}), prefix=slug,
                           heading="####"))
    return "\n".join(out)


def _own_rules(policy: Policy, raw: dict[str, Any]) -> str:
    raw_certs = {entry.get("name"): entry for entry in raw.get("certifications", [])}
    out = []
    for cert in policy.certifications:
        if cert.options is None and cert.validity is None:
            continue
        raw_cert = raw_certs.get(cert.name, {})
        out.append(f"#### {cert.name}\n")
        level = policy.level(cert.level)
        validity = cert.validity if cert.validity is not None else level.validity
        out.append(f"Level `{cert.level}`; validity: {_validity(validity)}.\n")
        if cert.options is not None:
            out.append(_options_table(cert.options, raw_cert.get("options", []), policy))
        else:
            out.append("Options: those of its level.\n")
    return "\n".join(out)


def _rules(policy: Policy, prefix: str) -> str:
    out = []
    for rule in policy.rules.values():
        if not rule.id.startswith(prefix):
            continue
        out.append(f"### {rule.id} {rule.title} {{#{rule.id.lower()}}}\n")
        facts = []
        if rule.source:
            facts.append("Sources: " + ", ".join(f"[{tag}]" for tag in rule.source) + ".")
        if rule.reconstructed:
            facts.append("**Reconstructed** from secondary sources.")
        if facts:
            out.append(" ".join(facts) + "\n")
        if rule.text:
            out.append(f"{rule.text}\n")
        if rule.parameter:
            default = _format_value(getattr(policy.parameters, rule.parameter, "?"))
            values = ", ".join(f"`{v}`" for v in rule.values)
            out.append(
                f"Parameter `{rule.parameter}`: default `{default}`; values: {values}.\n"
            )
    return "\n".join(out)


def _categories(policy: Policy) -> str:
    lines = ["| category | eligible | what belongs in it |", "|---|---|---|"]
    for category in policy.categories:
        lines.append(
            f"| `{category.name}` | {'yes' if category.eligible else 'no'} "
            f"| {_cell(category.description)} |"
        )
    return "\n".join(lines) + "\n"


def _earned_by(cert: Certification, policy: Policy) -> str:
    ways = []
    for rule in cert.earned_by:
        slots = []
        for slot in rule.slots:
            names = []
            for code in slot:
                exam = policy.exam(code)
                names.append(f"{code} {exam.acronym}".strip() if exam else code)
            slots.append(names[0] if len(names) == 1 else "one of " + ", ".join(names))
        ways.append((rule.label + ": " if rule.label else "") + " + ".join(slots))
    return "; ".join(ways) or "—"


def _certifications(policy: Policy) -> str:
    lines = [
        "| certification | level | track | earned by | aliases | notes |",
        "|---|---|---|---|---|---|",
    ]
    rank = {level.name: level.rank for level in policy.levels}
    for cert in sorted(policy.certifications, key=lambda c: (-rank[c.level], c.name)):
        notes = []
        if cert.retired_on:
            notes.append(f"retired on {cert.retired_on} (R-RET-1)")
        if cert.ce_eligible is not None:
            notes.append("takes CE" if cert.ce_eligible else "no CE")
        if cert.cascade is not None:
            notes.append("cascades" if cert.cascade else "no cascade")
        if cert.validity is not None:
            notes.append("validity: " + _validity(cert.validity))
        if getattr(cert, "emeritus", False):
            notes.append("Emeritus status possible (R-EMER-1)")
        if cert.options is not None:
            notes.append(f"own options ({len(cert.options)})")
        lines.append(
            f"| {_cell(cert.name)} | {cert.level} | {_cell(cert.track or '—')} "
            f"| {_cell(_earned_by(cert, policy))} | {_cell(', '.join(cert.aliases) or '—')} "
            f"| {_cell('; '.join(notes) or '—')} |"
        )
    return "\n".join(lines) + "\n"


def _exams(policy: Policy) -> str:
    lines = ["| exam | acronym | kind | tracks | title |", "|---|---|---|---|---|"]
    for exam in policy.exams:
        lines.append(
            f"| {_cell(exam.code)} | {_cell(exam.acronym or '—')} | `{exam.kind}` "
            f"| {_cell(', '.join(exam.tracks) or '—')} | {_cell(exam.title or '—')} |"
        )
    return "\n".join(lines) + "\n"


def render_policy(policy: Policy, raw: dict[str, Any] | None = None) -> str:
    """The generated part of the Cisco policy page, as Markdown.

    Args:
        policy: The policy to render (the embedded Cisco policy).
        raw: The policy file as parsed TOML, for the per-option
            ``reconstructed`` flag and level descriptions; default: the
            embedded file.

    Returns:
        Markdown with the parameters, levels and options, certification-specific
        options, CE categories, rules, decisions and both catalogs.
    """
    raw = _raw_policy() if raw is None else raw
    effective = f", in force from {policy.effective_from}" if policy.effective_from else ""
    parts = [
        f"Policy `{policy.id}`, version `{policy.version}`{effective}: *{policy.title}*. "
        f"{len(policy.levels)} levels, {len(policy.certifications)} certifications, "
        f"{len(policy.exams)} exams, {len(policy.rules)} rules and decisions.\n",
        "## Parameters\n",
        "The configurable decisions, with their values in this version (recert's defaults). Change them in your own policy "
        "file's `[parameters]` table (see [Writing your own policy](own-policy.md)).\n",
        _parameters(policy),
        "## Levels, validity and options\n",
        _levels(policy, raw),
        "### Certifications with their own options\n",
        "These certifications override their level's validity or options.\n",
        _own_rules(policy, raw),
        "## CE activity categories\n",
        _categories(policy),
        "## Rules\n",
        _rules(policy, "R-"),
        "## Decisions\n",
        "Where the program's public text is silent or conflicting, a decision says what "
        "recert does. Decisions with a parameter can be changed in a policy file.\n",
        _rules(policy, "D-"),
        _earlier_versions(policy, raw),
        "## Certification catalog\n",
        "Names are matched without regard to case, spaces, dashes or the \"Cisco Certified\" "
        "prefix. Passes of an earning set count toward earning for "
        f"{policy.parameters.earning_window_years} years.\n",
        _certifications(policy),
        "## Exam catalog\n",
        "An exam is found by its id, its acronym, or both (`350-401`, `ENCOR`, `350-401 ENCOR`).\n",
        _exams(policy),
    ]
    return "\n".join(parts)
