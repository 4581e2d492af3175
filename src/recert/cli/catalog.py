"""``recert catalog``: the certifications and exams of a policy.

Registered into ``recert``'s command line by :func:`register`. For each
certification it shows its level, its validity (term length, R-VAL-1; the
CCST's lifetime-then-5-years split, R-ENTRY-1), how it is earned from exam
passes (spec section 7) and how it is renewed (the labels of its options,
spec section 2); for each exam its kind and what it earns.

* ``--format text`` (default): one table per level, lowest level first.
* ``--format json``: one object ``{"policy", "versions", "certifications",
  "exams"}`` (shapes in :func:`catalog_dict`).
* ``--list``: the embedded policies instead (id, version, title; JSON: a list of objects
  ``{"id", "version", "title", "certifications"}``); each id is a valid ``--policy`` value.

A policy with earlier versions (the Cisco policy's ``pre-2020``) lists its
current version unless ``--policy-version`` (deprecated alias ``--version``) names another.

Exit status: 0; 2 when the policy file cannot be read or ``--policy-version`` names
no version (``recert``'s :func:`~recert.cli.main` prints the error).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from recert.cli._catalog_fixed import (
    fixed_cert_dict,
    fixed_level_heading,
    fixed_notes,
    map_lines,
    program_dict,
)
from recert.cli._contract import cells, policy_or_default, print_error
from recert.core.policy import Certification, EarningRule, Exam, Level, Policy, Validity
from recert.core.requirements import Option
from recert.exceptions import RecertError
from recert.io.embedded import embedded_policy_ids, load_embedded_policy

__all__ = ["catalog_dict", "embedded_list", "register", "render_catalog", "renewal_options", "select_version", "validity_text"]


def register(subparsers: Any) -> None:
    """Add the ``catalog`` command to ``recert``.

    Args:
        subparsers: The object ``ArgumentParser.add_subparsers()`` returned.
            The parser sets ``handler`` to a function taking the parsed
            arguments and returning the exit status.
    """
    parser = subparsers.add_parser(
        "catalog",
        help="list a policy's certifications and exams: level, validity, how earned, how renewed",
        description="List the certifications of a policy (level, validity, how each is earned from "
                    "exam passes, how it is renewed) and its exams.",
        epilog="examples:\n"
               "  recert catalog\n"
               "  recert catalog --policy-version pre-2020 --format json\n"
               "  recert catalog --list",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--policy", metavar="ID|PATH",
        help="an embedded policy id (see recert catalog --list; default: cisco-ce) "
             "or a policy TOML/JSON file")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text",
        help="text: one table per level (default); json: one object with certifications and exams")
    parser.add_argument(
        "--policy-version", metavar="VERSION",
        help="list this version of the policy (e.g. pre-2020) instead of the current one")
    parser.add_argument(
        "--version", metavar="VERSION", dest="old_version",
        help="deprecated alias of --policy-version (prints a warning)")
    parser.add_argument(
        "--list", action="store_true",
        help="list the embedded policies (their ids are valid --policy values) and exit")
    parser.set_defaults(handler=_catalog_command)


def embedded_list() -> list[dict[str, Any]]:
    """The embedded policies, by id: ``[{"id", "version", "title", "certifications"}]``.

    ``certifications`` is the number of certifications in the policy's catalog.

    Raises:
        PolicyError: An embedded policy file is not valid (a packaging defect).
    """
    out = []
    for policy_id in embedded_policy_ids():
        policy = load_embedded_policy(policy_id)
        out.append({"id": policy_id, "version": policy.version, "title": policy.title,
                    "certifications": len(policy.certifications)})
    return out


def _list_command(args: argparse.Namespace) -> int:
    rows = embedded_list()
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    header = ["id", "version", "certifications", "title"]
    table = [[r["id"], r["version"], str(r["certifications"]), r["title"]] for r in rows]
    widths = [max(len(row[i]) for row in [header, *table]) for i in range(3)]
    for row in [header, *table]:
        sys.stdout.write(cells(row, widths) + "\n")
    return 0


def _catalog_command(args: argparse.Namespace) -> int:
    if args.list:
        return _list_command(args)
    policy = policy_or_default(args.policy)
    option, version = "--policy-version", args.policy_version
    if args.old_version is not None:
        print_error("--version is deprecated (it names a policy version); use --policy-version",
                    prefix="recert catalog: warning: ")
        if version is None:
            option, version = "--version", args.old_version
    if version is not None:
        policy = select_version(policy, version, option=option)
    if args.format == "json":
        sys.stdout.write(json.dumps(catalog_dict(policy), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(render_catalog(policy)) + "\n")
    return 0


def select_version(policy: Policy, version: str, *, option: str = "--policy-version") -> Policy:
    """The version of *policy* called *version*: the policy itself or one of ``policy.earlier``.

    Args:
        policy: A policy, possibly with earlier versions.
        version: A version name (``"2020-02-24"``, ``"pre-2020"``).
        option: The command-line option that named it, for the message.

    Returns:
        That version, a whole policy.

    Raises:
        RecertError: No version has that name; the message lists the names.
    """
    versions = (policy, *policy.earlier)
    for candidate in versions:
        if candidate.version == version:
            return candidate
    names = ", ".join(v.version for v in versions)
    raise RecertError(f"{option}: {version!r} is not a version of {policy.id} ({names})")


# --- what the catalog says -----------------------------------------------------------------------


def _period(years: int | None) -> str:
    if years is None:
        return "lifetime"
    return f"{years} year{'' if years == 1 else 's'}"


def validity_text(validity: Sequence[Validity]) -> str:
    """How long a term lasts, by the date the term starts (R-VAL-1, R-ENTRY-1).

    Args:
        validity: A level's or certification's validity entries, latest
            ``starting_on`` last.

    Returns:
        ``"3 years"``, or for entries split by date
        ``"lifetime before 2025-07-15; 5 years on or after 2025-07-15"``.
    """
    parts = []
    for index, entry in enumerate(validity):
        later: date | None = validity[index + 1].starting_on if index + 1 < len(validity) else None
        when = []
        if entry.starting_on is not None:
            when.append(f"on or after {entry.starting_on.isoformat()}")
        if later is not None:
            when.append(f"before {later.isoformat()}")
        parts.append(" ".join([_period(entry.years), *when]) if when else _period(entry.years))
    return "; ".join(parts)


def _validity(cert: Certification, level: Level) -> tuple[Validity, ...]:
    return cert.validity if cert.validity is not None else level.validity


def renewal_options(cert: Certification, policy: Policy) -> tuple[Option, ...]:
    """The options that renew *cert*: its own, else its level's (spec section 2).

    Args:
        cert: A catalog certification.
        policy: The policy it belongs to.

    Returns:
        The options in the order they are tried (D-POOL-5); empty for a
        certification retired when the policy version comes into force
        (R-RET-1) and for one with no options (CCT).
    """
    if cert.retired_on is not None and (
        policy.effective_from is None or cert.retired_on <= policy.effective_from
    ):
        return ()
    return cert.options if cert.options is not None else policy.level(cert.level).options


def _earning(rule: EarningRule) -> str:
    return rule.label or " + ".join("one of " + ", ".join(slot) if len(slot) > 1 else slot[0]
                                    for slot in rule.slots)


def _ce_eligible(cert: Certification, level: Level) -> bool:
    return level.takes_ce if cert.ce_eligible is None else cert.ce_eligible


def _cascades(cert: Certification, level: Level) -> bool:
    return level.ladder if cert.cascade is None else cert.cascade


def _notes(cert: Certification, level: Level) -> list[str]:
    notes = []
    if cert.retired_on is not None:
        notes.append(f"retired on {cert.retired_on.isoformat()} (R-RET-1)")
    if cert.emeritus:
        notes.append("Emeritus (R-EMER-1)")
    if not _ce_eligible(cert, level):
        notes.append("no CE")
    if not _cascades(cert, level):
        notes.append("no cascade")
    return notes


def _cert_dict(cert: Certification, policy: Policy) -> dict[str, Any]:
    level = policy.level(cert.level)
    validity = _validity(cert, level)
    out = {
        "name": cert.name,
        "level": cert.level,
        "track": cert.track,
        "aliases": list(cert.aliases),
        "validity": [
            {"years": v.years, "starting_on": v.starting_on.isoformat() if v.starting_on else None}
            for v in validity
        ],
        "validity_text": validity_text(validity),
        "earned_by": [
            {"label": _earning(rule), "exams": [list(slot) for slot in rule.slots]}
            for rule in cert.earned_by
        ],
        "renewed_by": [
            {"label": option.label, "rule": option.rule} for option in renewal_options(cert, policy)
        ],
        "ce_eligible": _ce_eligible(cert, level),
        "cascade": _cascades(cert, level),
        "retired_on": cert.retired_on.isoformat() if cert.retired_on else None,
        "emeritus": cert.emeritus,
    }
    program = policy.program
    if program is not None and program.fixed:  # caps, renewal map, follows (DESIGN.md 1.7, 1.10, 1.12)
        out.update(fixed_cert_dict(cert, program))
        out["cascade"] = bool(program.renews.get(cert.name))  # only the renewal map cascades (R-CT-6)
    return out


def _earns(exam: Exam, policy: Policy) -> tuple[list[str], list[str]]:
    """Certifications the exam earns alone, and those whose multi-exam rule it is part of."""
    alone: list[str] = []
    part: list[str] = []
    for cert in policy.certifications:
        for rule in cert.earned_by:
            if any(exam.code in slot for slot in rule.slots):
                (alone if len(rule.slots) == 1 else part).append(cert.name)
                break
    return alone, part


def _exam_dict(exam: Exam, policy: Policy) -> dict[str, Any]:
    alone, part = _earns(exam, policy)
    return {
        "code": exam.code,
        "acronym": exam.acronym,
        "kind": exam.kind,
        "title": exam.title,
        "tracks": list(exam.tracks),
        "earns": alone,
        "part_of": part,
    }


def catalog_dict(policy: Policy) -> dict[str, Any]:
    """The catalog as one JSON-ready object.

    Args:
        policy: The policy to list.

    Returns:
        ``{"policy": {"id", "version", "title", "effective_from"},
        "versions": [{"version", "effective_from"}], "certifications": [...],
        "exams": [...]}``; ``versions`` lists every version of the policy,
        the one shown first. A certification is ``{"name", "level", "track",
        "aliases", "validity": [{"years", "starting_on"}], "validity_text",
        "earned_by": [{"label", "exams": [[exam id, ...], ...]}],
        "renewed_by": [{"label", "rule"}], "ce_eligible", "cascade",
        "retired_on", "emeritus"}`` (``years`` is ``None`` for lifetime; each
        inner ``exams`` list is a slot filled by one pass of any of its
        exams). An exam is ``{"code", "acronym", "kind", "title", "tracks",
        "earns", "part_of"}``: ``earns`` the certifications it earns alone,
        ``part_of`` those it earns together with other exams.

        A fixed-cycle policy adds ``"program": {"unit", "lifecycle", "levels":
        {level: lifecycle}, "cascade", "renewal_map"}`` (a lifecycle is
        ``{"cycle", "calendar", "rule", "window", "reporting", "rollover"}``)
        and, per certification, ``"caps": [{"categories", "groups", "max",
        "per", "rule"}]``, ``"renews"``, ``"follows"`` and ``"share_credits"``;
        its ``cascade`` is whether it renews others by the renewal map.
    """
    out: dict[str, Any] = {
        "policy": {
            "id": policy.id,
            "version": policy.version,
            "title": policy.title,
            "effective_from": _iso(policy.effective_from),
        },
        "versions": [
            {"version": v.version, "effective_from": _iso(v.effective_from)}
            for v in (policy, *policy.earlier)
        ],
        "certifications": [_cert_dict(cert, policy) for cert in _in_level_order(policy)],
        "exams": [_exam_dict(exam, policy) for exam in policy.exams],
    }
    program = program_dict(policy)
    if program is not None:
        out["program"] = program
    return out


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _in_level_order(policy: Policy) -> list[Certification]:
    rank = {level.name: level.rank for level in policy.levels}
    return sorted(policy.certifications, key=lambda c: rank[c.level])


# --- text ------------------------------------------------------------------------------------------


def _table(headers: Sequence[str], rows: Sequence[Sequence[Sequence[str]]]) -> list[str]:
    """A table whose cells may span several lines (one per earning rule or option)."""
    lines_of = [[list(cell) or ["-"] for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in lines_of:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], *(len(line) for line in cell))

    def line(cells: Sequence[str]) -> str:
        return ("  " + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    for row in lines_of:
        height = max(len(cell) for cell in row)
        for k in range(height):
            out.append(line([cell[k] if k < len(cell) else "" for cell in row]))
    return out


def _notes_cell(cert: Certification, level: Level, policy: Policy) -> list[str]:
    """Rolling cycles: one line of notes; fixed cycles: a line per cap, the leader, the map."""
    if policy.program is not None and policy.program.fixed:
        return fixed_notes(cert, policy.program)
    return ["; ".join(_notes(cert, level))] if _notes(cert, level) else []


def _level_heading(level: Level) -> str:
    facts = [
        "ladder" if level.ladder else "off the ladder",
        "CE credits" if level.takes_ce else "no CE credits",
        "cascade renewal" if level.ladder else "no cascade renewal",
    ]
    if level.suspension_years:
        years = level.suspension_years
        facts.append(f"suspended {years} year{'' if years == 1 else 's'} after the expiration date")
    return f"{level.name} ({'; '.join(facts)})"


def render_catalog(policy: Policy) -> list[str]:
    """The catalog as text lines: one table per level, then the exams.

    Args:
        policy: The policy to list.

    Returns:
        Lines without newlines. Each level's table has the columns
        certification, validity, earned by (one line per earning rule),
        renewed by (one line per option label, in the order options are
        tried) and notes (retired, Emeritus, no CE, no cascade); a ``-``
        marks an empty cell.
    """
    lines = [f"{policy.title or policy.id} ({policy.id} {policy.version}"
             + (f", in force from {policy.effective_from.isoformat()})" if policy.effective_from else ")")]
    if policy.earlier:
        lines.append("other versions (--policy-version): "
                     + ", ".join(f"{v.version} from {_iso(v.effective_from)}" for v in policy.earlier))
    for level in policy.levels:
        certs = [c for c in policy.certifications if c.level == level.name]
        if not certs:
            continue
        rows = [
            [
                [cert.name],
                [validity_text(_validity(cert, level))],
                [_earning(rule) for rule in cert.earned_by],
                [option.label for option in renewal_options(cert, policy)]
                or (["none: retired"] if cert.retired_on is not None else ["none"]),
                _notes_cell(cert, level, policy),
            ]
            for cert in certs
        ]
        fixed = policy.program if policy.program is not None and policy.program.fixed else None
        lines += ["", fixed_level_heading(level, fixed) if fixed is not None else _level_heading(level)]
        lines += _table(["certification", "validity", "earned by", "renewed by", "notes"], rows)
    if policy.program is not None and policy.program.fixed:
        lines += map_lines(policy.program)
    if policy.exams:
        lines += ["", "exams"]
        rows = []
        for exam in policy.exams:
            alone, part = _earns(exam, policy)
            earns = [*alone, *(f"{name} (with other exams)" for name in part)]
            rows.append([[exam.code], [exam.acronym] if exam.acronym else [], [exam.kind], earns])
        lines += _table(["exam", "acronym", "kind", "earns"], rows)
    return lines
