"""mkdocs hook: render each embedded fixed-cycle policy into its page at build time.

A page ``docs/programs/<id>.md`` holds hand-written prose and the marker
``<!-- recert:program <id> -->``; the marker expands to the policy as recert
reads it (the same ``Policy`` and ``Program`` objects :func:`recert.evaluate`
uses): unit, lifecycle, levels with caps and options, categories, the
certification catalog with renewal map and followers, exams, and every rule.

``render_program()`` is a plain function so that
``tests/docs/test_docs_program_pages.py`` can check the generated text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import recert
from recert.core.cycles.model import Cap, CreditMinimum, ExamCount, FeesPaid, FixedOption, Lifecycle, Span
from recert.core.policy import Policy

MARKER = re.compile(r"<!-- recert:program ([a-z0-9-]+) -->")
POLICIES = Path(recert.__file__).parent / "io" / "policies"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """mkdocs event: expand every ``<!-- recert:program ID -->`` marker."""
    return MARKER.sub(lambda m: render_program(load(m[1])), markdown)


def load(policy_id: str) -> Policy:
    """The embedded policy file ``recert/io/policies/<policy_id>.toml``."""
    return recert.load_policy(POLICIES / f"{policy_id}.toml")


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _rule(rule_id: str, policy: Policy) -> str:
    return f"[{rule_id}](#{rule_id.lower()})" if rule_id in policy.rules else rule_id


def _number(value: float) -> str:
    return f"{value:g}"


def _span(span: Span) -> str:
    parts = [(span.years, "year"), (span.months, "month"), (span.days, "day")]
    return ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in parts if n) or "0 days"


def _lifecycle(life: Lifecycle, policy: Policy, unit: str) -> list[str]:
    rows = [
        (
            "cycle",
            f"{life.cycle}: a renewal keeps the cycle's dates; the next cycle runs from the day after its end",
            life.cycle_rule,
        ),
        (
            "calendar",
            "cycles end on 31 December; cycle years are calendar years"
            if life.calendar == "calendar_year"
            else "cycles end on the anniversary; years counted back from the end",
            life.calendar_rule,
        ),
    ]
    window = life.window
    if window is None:
        rows.append(("window after the cycle end", "none", ""))
    else:
        length = (
            f"until {window.until[0]:02d}-{window.until[1]:02d}"
            if window.until
            else _span(window.length or Span())
        )
        rows.append(
            (
                "window after the cycle end",
                f"{length}; allows {', '.join(sorted(window.allows)) or 'nothing'}; status {window.status}, "
                f"then {window.then}",
                window.rule,
            )
        )
    deadline = life.deadline_kind
    if deadline == "yearly" and life.reporting.yearly_by:
        month, day = life.reporting.yearly_by
        deadline = f"yearly: a cycle year's credits by {month:02d}-{day:02d} of the next year"
    rows.append(("reporting deadline", deadline, life.reporting.rule))
    rollover = life.rollover
    if rollover is not None:
        most = (
            f"up to {_number(rollover.max)} {unit}"
            if rollover.max is not None
            else f"the excess {unit}, no cap"
        )
        cats = f" of {', '.join(rollover.categories)}" if rollover.categories else ""
        rows.append(
            (
                "rollover",
                f"{most}{cats}, completed in the cycle's last {_span(rollover.within)}",
                rollover.rule,
            )
        )
    rows.append(("claims in audit", "count once approved", life.audit_rule))
    lines = ["| what | value | rule |", "|---|---|---|"]
    lines += [
        f"| {what} | {_cell(value)} | {_rule(rule, policy) if rule else ''} |" for what, value, rule in rows
    ]
    return lines


def _requirement(req: CreditMinimum | FeesPaid | ExamCount, unit: str) -> str:
    if isinstance(req, FeesPaid):
        return "fees paid through the cycle end"
    if isinstance(req, ExamCount):
        return f"{req.count} of the exams {', '.join(req.codes or req.kinds)} passed in the cycle"
    what = f"{_number(req.credits)} {unit}"
    if req.named:
        what += " naming the certification"
    if req.categories:
        what += f" of {' + '.join(req.categories)}"
    if req.groups:
        what += f" of group {' + '.join(req.groups)}"
    if req.per_year:
        what += " in every cycle year" + (" (suggested only)" if req.advisory else "")
        if req.on_miss == "revoke":
            what += ", else revoked"
    return what


def _options(options: tuple[FixedOption, ...], policy: Policy, unit: str) -> list[str]:
    lines = ["| option | requirements (all of) | rule |", "|---|---|---|"]
    for option in options:
        reqs = "; ".join(_requirement(r, unit) for r in option.requirements)
        if option.restarts:
            reqs += " (a new cycle from the day it is met)"
        lines.append(f"| {_cell(option.label)} | {_cell(reqs)} | {_rule(option.rule, policy)} |")
    return lines


def _caps(caps: tuple[Cap, ...], policy: Policy, unit: str) -> list[str]:
    if not caps:
        return ["No caps."]
    lines = ["| counts at most | of | per | rule |", "|---|---|---|---|"]
    for cap in caps:
        of = ", ".join(cap.categories) or "group " + ", ".join(cap.groups)
        lines.append(f"| {_number(cap.max)} {unit} | {of} | {cap.per} | {_rule(cap.rule, policy)} |")
    return lines


def render_program(policy: Policy) -> str:
    """The generated part of a program's page, as Markdown.

    Args:
        policy: An embedded policy with fixed-cycle data (``policy.program``).

    Returns:
        Markdown: the unit and parameters, the lifecycle, each level's caps and
        options, the categories, certifications, exams and rules.
    """
    program = policy.program
    assert program is not None
    unit = program.unit
    out = [
        f"## {policy.title}",
        "",
        f"Policy id `{policy.id}`, version `{policy.version}`; credits are counted in **{unit}**"
        + (f", in steps of {_number(program.credit_step)}" if program.credit_step else "")
        + ".",
        "",
    ]
    if program.default_category:
        out += [f"An activity without a category is in `{program.default_category}`.", ""]
    else:
        out += ["Every activity must name its category (there is no default).", ""]
    out += ["## Lifecycle", "", *_lifecycle(program.lifecycle, policy, unit), ""]
    for level in sorted(policy.levels, key=lambda lvl: -lvl.rank):
        out += [f"## Level `{level.name}`", ""]
        certs = [c.name for c in policy.certifications if c.level == level.name]
        validity = "; ".join(
            "lifetime"
            if v.years is None
            else f"{v.years} years" + (f" from {v.starting_on}" if v.starting_on else "")
            for v in level.validity
        )
        out += [
            f"Rank {level.rank}; cycle length {validity}; certifications: {', '.join(certs) or 'none'}.",
            "",
        ]
        life = program.lifecycle_of(level.name)
        if life != program.lifecycle:
            out += ["Its own lifecycle:", "", *_lifecycle(life, policy, unit), ""]
        out += ["Caps:", "", *_caps(program.caps.get(level.name, ()), policy, unit), ""]
        out += [
            "Options, tried in order:",
            "",
            *_options(program.options.get(level.name, ()), policy, unit),
            "",
        ]
    out += ["## Categories", "", "| category | group | description |", "|---|---|---|"]
    out += [
        f"| `{c.name}` | {program.groups.get(c.name, '')} | {_cell(c.description)} |"
        for c in policy.categories
    ]
    out += [
        "",
        "## Certifications",
        "",
        "| certification | level | aliases | earned by | renews | follows |",
        "|---|---|---|---|---|---|",
    ]
    for cert in policy.certifications:
        earned = " or ".join(" + ".join("/".join(slot) for slot in rule.slots) for rule in cert.earned_by)
        follow = program.follows.get(cert.name)
        follows = (follow.leader + (" (credits shared)" if follow.share_credits else "")) if follow else ""
        out.append(
            f"| {_cell(cert.name)} | {cert.level} | {_cell(', '.join(cert.aliases))} | {_cell(earned)} | "
            f"{_cell(', '.join(program.renews.get(cert.name, ())))} | {_cell(follows)} |"
        )
    out += ["", "## Exams", "", "| exam | kind | title |", "|---|---|---|"]
    out += [f"| {_cell(e.code)} | {e.kind} | {_cell(e.title)} |" for e in policy.exams]
    out += ["", "## Rules and decisions", ""]

    def order(rid: str) -> tuple[bool, list[str | int]]:  # R- before D-, R-FC-9 before R-FC-10
        return not rid.startswith("R-"), [int(p) if p.isdigit() else p for p in rid.split("-")]

    for rid in sorted(policy.rules, key=order):
        rule = policy.rules[rid]
        if rule.source == ("recert",):
            continue  # recert's built-in rules are described with the Cisco policy
        out += [
            f"### {rid}",
            "",
            f"**{rule.title}**" + (f" ({', '.join(rule.source)})" if rule.source else ""),
            "",
            rule.text,
            "",
        ]
        if rule.parameter:
            out += [f"Parameter `{rule.parameter}`: {', '.join(rule.values)}.", ""]
    return "\n".join(out)
