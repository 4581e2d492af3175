"""What ``recert catalog`` says about a fixed-cycle policy (programs.md section 1, DESIGN.md 1.1-1.12).

A fixed-cycle level is described by its own terms: the cycle kind and calendar,
the window after the cycle end and what it allows, the reporting deadline, the
rollover, the unit, the caps of each certification, and the renewal map and
the certifications that follow another. Rolling-cycle (Cisco) policies never
reach this module.
"""

from __future__ import annotations

from typing import Any

from recert.core.cycles.model import Cap, Lifecycle, Program, Span
from recert.core.policy import Certification, Level, Policy

__all__ = ["fixed_cert_dict", "fixed_level_heading", "fixed_notes", "map_lines", "program_dict"]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def span_text(span: Span) -> str:
    """``"90 days"``, ``"1 year"``, ``"6 months"``; parts joined by a space."""
    parts = [
        _plural(n, word)
        for n, word in ((span.years, "year"), (span.months, "month"), (span.days, "day"))
        if n
    ]
    return " ".join(parts) or "0 days"


def _md(pair: tuple[int, int] | None) -> str | None:
    return None if pair is None else f"{pair[0]:02d}-{pair[1]:02d}"


def lifecycle_dict(lc: Lifecycle) -> dict[str, Any]:
    """A lifecycle as JSON: ``{"cycle", "calendar", "rule", "window", "reporting", "rollover"}``."""
    window = lc.window
    rollover = lc.rollover
    return {
        "cycle": lc.cycle,
        "calendar": lc.calendar,
        "rule": lc.cycle_rule,
        "window": None
        if window is None
        else {
            "length": None if window.length is None else span_text(window.length),
            "until": _md(window.until),
            "allows": sorted(window.allows),
            "status": window.status,
            "then": window.then,
            "rule": window.rule,
        },
        "reporting": {
            "deadline": lc.deadline_kind,
            "yearly_by": _md(lc.reporting.yearly_by),
            "rule": lc.reporting.rule,
        },
        "rollover": None
        if rollover is None
        else {
            "max": rollover.max,
            "within": span_text(rollover.within),
            "categories": list(rollover.categories),
            "rule": rollover.rule,
        },
    }


def _number(value: float) -> str:
    return f"{value:g}"


def fixed_level_heading(level: Level, program: Program) -> str:
    """One line: the level's cycle kind, unit, window, reporting deadline and rollover."""
    lc = program.lifecycle_of(level.name)
    facts = [
        "fixed calendar-year cycles"
        if lc.calendar == "calendar_year"
        else "fixed cycles from the certification date"
    ]
    facts.append(f"unit {program.unit}")
    window = lc.window
    if window is not None:
        length = span_text(window.length) if window.length is not None else f"until {_md(window.until)}"
        facts.append(
            f"window {length} after the cycle end ({', '.join(sorted(window.allows))}; "
            f"{window.status} in it, then {window.then})"
        )
    deadline = {"window": "by the window's end", "cycle_end": "by the cycle end"}.get(
        lc.deadline_kind, f"each cycle year by {_md(lc.reporting.yearly_by)} of the next"
    )
    facts.append(f"claims {deadline}")
    if lc.rollover is not None:
        most = "no maximum" if lc.rollover.max is None else f"at most {_number(lc.rollover.max)}"
        which = f" {', '.join(lc.rollover.categories)}" if lc.rollover.categories else ""
        facts.append(f"rollover of{which} credits from the last {span_text(lc.rollover.within)}, {most}")
    else:
        facts.append("no rollover")
    return f"{level.name} ({'; '.join(facts)})"


def _cap_text(cap: Cap, unit: str) -> str:
    what = ", ".join(cap.categories or cap.groups)
    return f"cap {what}: {_number(cap.max)} {unit} per {cap.per} ({cap.rule})"


def _cap_dict(cap: Cap) -> dict[str, Any]:
    return {
        "categories": list(cap.categories),
        "groups": list(cap.groups),
        "max": cap.max,
        "per": cap.per,
        "rule": cap.rule,
    }


def fixed_notes(cert: Certification, program: Program) -> list[str]:
    """The notes cell of a certification: its caps, whom it follows, what it renews."""
    notes = [_cap_text(cap, program.unit) for cap in program.caps_of(cert.name, cert.level)]
    follow = program.follows.get(cert.name)
    if follow is not None:
        shared = "; its credits count for both" if follow.share_credits else ""
        notes.append(f"cycles with {follow.leader}{shared}")
    if program.renews.get(cert.name):
        notes.append(f"renews {', '.join(program.renews[cert.name])}")
    return notes


def fixed_cert_dict(cert: Certification, program: Program) -> dict[str, Any]:
    """The keys a fixed-cycle certification adds: ``caps``, ``renews``, ``follows``, ``share_credits``."""
    follow = program.follows.get(cert.name)
    return {
        "caps": [_cap_dict(cap) for cap in program.caps_of(cert.name, cert.level)],
        "renews": list(program.renews.get(cert.name, ())),
        "follows": None if follow is None else follow.leader,
        "share_credits": follow is not None and follow.share_credits,
    }


def program_dict(policy: Policy) -> dict[str, Any] | None:
    """``{"unit", "lifecycle", "levels": {level: lifecycle}, "cascade", "renewal_map"}``; ``None`` if rolling."""
    program = policy.program
    if program is None or not program.fixed:
        return None
    return {
        "unit": program.unit,
        "lifecycle": lifecycle_dict(program.lifecycle),
        "levels": {level.name: lifecycle_dict(program.lifecycle_of(level.name)) for level in policy.levels},
        "cascade": program.cascade,
        "renewal_map": {name: list(names) for name, names in program.renews.items()},
    }


def map_lines(program: Program) -> list[str]:
    """The renewal map as text: one line per certification that renews others (R-CT-6)."""
    if not program.renews:
        return []
    lines = ["", "renewal map (a renewal or earning aligns these when they are active that day)"]
    for name, names in program.renews.items():
        rule = program.renews_rules.get(name)
        lines.append(f"  {name} -> {', '.join(names)}" + (f" ({rule})" if rule else ""))
    return lines
