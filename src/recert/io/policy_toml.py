"""Read a policy from TOML (or an equivalent mapping) into :class:`~recert.core.policy.Policy`.

The embedded Cisco policy goes through the same code as a user's file. Every
problem found is reported at once, each with its path in the file
(``levels.associate.options[0].requirements[1].kinds``) and the value.
"""

from __future__ import annotations

import functools
import importlib.resources
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from recert.core._builtin_rules import BUILTIN_RULES, FIXED_CYCLE_RULES
from recert.core._limits import (
    MAX_CLAIM_WINDOW_DAYS,
    MAX_DEPTH,
    MAX_POLICY_TEXT,
    MAX_YEARS,
    describe,
    long_texts,
    too_deep,
)
from recert.core.policy import (
    Category,
    Certification,
    EarningRule,
    Exam,
    Level,
    Parameters,
    Policy,
    Rule,
)
from recert.exceptions import PolicyError, Problem
from recert.io._policy_reader import _TOP, _join, _options, _Reader, _validity
from recert.io._program_reader import CERT_KEYS, LEVEL_KEYS, read_program, uses_program
from recert.io._record_checks import too_many_digits
from recert.io.offering_rules import offering_rules_from_mapping

__all__ = ["cisco_policy", "load_policy", "policy_from_bytes", "policy_from_mapping"]


def policy_from_mapping(data: Mapping[str, Any], *, source: str | None = None) -> Policy:
    """Build a :class:`Policy` from a mapping shaped like the policy TOML file.

    Args:
        data: The parsed TOML (or JSON) document.
        source: Where it came from, for messages.

    Returns:
        The policy.

    Raises:
        PolicyError: Listing every problem with its path and value (a
            certification naming a missing level, an option naming an
            unknown exam kind, a negative number, an unknown field, ...).
    """
    r = _Reader()
    beyond = _beyond_limits(data)
    if beyond:  # nothing else is read: the checks below assume input of a sane size
        raise PolicyError(beyond, source=source)
    data = r.table(data, "")
    r.keys(data, "", _TOP)
    head = r.table(data.get("policy", {}), "policy")
    r.keys(head, "policy", {"id", "version", "title", "effective_from", "unit"})

    params = r.table(data.get("parameters", {}), "parameters")
    r.keys(
        params,
        "parameters",
        {
            "claim_window_days",
            "recertification_anchor",
            "pooling",
            "carry_over_excess",
            "earning_window_years",
            "renewal_from",
            "default_category",
            "credit_step",
            "cascade",
        },
    )
    window_off = params.get("claim_window_days") is False  # fixed cycles: reporting deadlines only (D-FC-2)
    anchor = params.get("recertification_anchor", "completion")
    if anchor not in ("completion", "claim"):
        r.fail("parameters.recertification_anchor", f"{describe(anchor)} is not 'completion' or 'claim'")
        anchor = "completion"
    pooling = params.get("pooling", "highest_level")
    if pooling not in ("highest_level", "each_level"):
        r.fail("parameters.pooling", f"{describe(pooling)} is not 'highest_level' or 'each_level'")
        pooling = "highest_level"
    renewal = params.get("renewal_from", "recertification")
    if renewal not in ("recertification", "expiration"):
        r.fail("parameters.renewal_from", f"{describe(renewal)} is not 'recertification' or 'expiration'")
        renewal = "recertification"
    parameters = Parameters(
        claim_window_days=r.whole(
            {} if window_off else params,
            "claim_window_days",
            "parameters",
            default=365,
            maximum=MAX_CLAIM_WINDOW_DAYS,
        ),
        recertification_anchor=anchor,
        pooling=pooling,
        carry_over_excess=bool(r.flag(params, "carry_over_excess", "parameters", False)),
        earning_window_years=r.whole(
            params, "earning_window_years", "parameters", default=3, maximum=MAX_YEARS
        ),
        renewal_from=renewal,
    )

    kinds = r.strings(data, "exam_kinds", "")
    kind_set = set(kinds)

    rules: dict[str, Rule] = {}
    for rid, entry in r.table(data.get("rules", {}), "rules").items():
        p = _join("rules", rid)
        entry = r.table(entry, p)
        r.keys(entry, p, {"title", "source", "text", "parameter", "values", "reconstructed"})
        rules[rid] = Rule(
            id=rid,
            title=r.text(entry, "title", p),
            source=r.strings(entry, "source", p),
            text=r.plain(entry, "text", p),
            parameter=r.optional_text(entry, "parameter", p),
            values=r.strings(entry, "values", p),
            reconstructed=bool(r.flag(entry, "reconstructed", p, False)),
        )
    builtin = BUILTIN_RULES | FIXED_CYCLE_RULES if _has_fixed_cycle(data) else BUILTIN_RULES
    for rid, (title, text) in builtin.items():
        rules.setdefault(rid, Rule(id=rid, title=title, source=("recert",), text=text))
    rule_ids = set(rules)

    categories: list[Category] = []
    for name, entry in r.table(data.get("categories", {"training": {}}), "categories").items():
        p = _join("categories", name)
        entry = r.table(entry, p)
        r.keys(entry, p, {"eligible", "description", "group"})
        categories.append(
            Category(name, bool(r.flag(entry, "eligible", p, True)), r.plain(entry, "description", p))
        )

    levels: list[Level] = []
    for name, entry in r.table(data.get("levels", {}), "levels").items():
        p = _join("levels", name)
        entry = r.table(entry, p)
        r.keys(
            entry,
            p,
            {
                "rank",
                "ladder",
                "validity",
                "options",
                "description",
                "ce_eligible",
                "suspension_years",
                "suspension_rule",
                "renewal_from",
                *LEVEL_KEYS,
            },
        )
        level_renewal = entry.get("renewal_from")
        if level_renewal is not None and level_renewal not in ("recertification", "expiration"):
            r.fail(_join(p, "renewal_from"), f"{level_renewal!r} is not 'recertification' or 'expiration'")
            level_renewal = None
        levels.append(
            Level(
                name=name,
                rank=r.whole(entry, "rank", p),
                ladder=bool(r.flag(entry, "ladder", p, False)),
                validity=_validity(r, entry.get("validity"), _join(p, "validity")),
                options=_options(r, entry.get("options", []), _join(p, "options"), kind_set, rule_ids),
                ce_eligible=r.flag(entry, "ce_eligible", p, None),
                suspension_years=r.whole(entry, "suspension_years", p, default=0, maximum=MAX_YEARS),
                suspension_rule=r.text(entry, "suspension_rule", p, default="R-DATE-2"),
                renewal_from=level_renewal,
            )
        )
    if not levels:
        r.fail("levels", "is missing: a policy needs at least one level")
    levels.sort(key=lambda lvl: lvl.rank)
    ranks = [lvl.rank for lvl in levels]
    if len(set(ranks)) != len(ranks):
        r.fail("levels", f"ranks {describe(ranks)} are not distinct")
    level_names = {lvl.name for lvl in levels}

    exams: list[Exam] = []
    for i, entry in enumerate(r.array(data.get("exams", []), "exams")):
        p = _join("exams", i)
        entry = r.table(entry, p)
        r.keys(entry, p, {"code", "kind", "acronym", "title", "tracks", "aliases"})
        kind = r.text(entry, "kind", p)
        if kind and kind not in kind_set:
            r.fail(_join(p, "kind"), f"{describe(kind)} is not an exam kind of exam_kinds")
        exams.append(
            Exam(
                r.text(entry, "code", p),
                kind,
                r.plain(entry, "acronym", p),
                r.plain(entry, "title", p),
                r.strings(entry, "tracks", p),
                r.strings(entry, "aliases", p),
            )
        )
    exam_codes = {e.code for e in exams}

    certs: list[Certification] = []
    for i, entry in enumerate(r.array(data.get("certifications", []), "certifications")):
        p = _join("certifications", i)
        entry = r.table(entry, p)
        r.keys(
            entry,
            p,
            {
                "name",
                "level",
                "track",
                "aliases",
                "retired_on",
                "ce_eligible",
                "cascade",
                "validity",
                "options",
                "earned_by",
                "emeritus",
                *CERT_KEYS,
            },
        )
        level = r.text(entry, "level", p)
        if level and level not in level_names:
            r.fail(_join(p, "level"), f"{describe(level)} is not a level of [levels]")
        earned: list[EarningRule] = []
        for j, rule in enumerate(r.array(entry.get("earned_by", []), _join(p, "earned_by"))):
            rp = _join(_join(p, "earned_by"), j)
            rule = r.table(rule, rp)
            r.keys(rule, rp, {"exams", "label"})
            slots: list[tuple[str, ...]] = []
            for k, slot in enumerate(r.array(rule.get("exams", []), _join(rp, "exams"))):
                sp = _join(_join(rp, "exams"), k)
                codes = tuple(slot) if isinstance(slot, list) else (slot,)
                if not codes or not all(isinstance(code, str) for code in codes):
                    r.fail(sp, f"{describe(slot)} is not an exam code or a non-empty array of exam codes")
                    continue
                for code in codes:
                    if code not in exam_codes:
                        r.fail(sp, f"{describe(code)} is not an exam code of [[exams]]")
                slots.append(codes)
            earned.append(EarningRule(tuple(slots), r.plain(rule, "label", rp)))
        certs.append(
            Certification(
                name=r.text(entry, "name", p),
                level=level,
                track=r.optional_text(entry, "track", p),
                aliases=r.strings(entry, "aliases", p),
                retired_on=r.day(entry, "retired_on", p),
                ce_eligible=r.flag(entry, "ce_eligible", p, None),
                cascade=r.flag(entry, "cascade", p, None),
                validity=_validity(r, entry["validity"], _join(p, "validity"))
                if "validity" in entry
                else None,
                options=(
                    _options(r, entry["options"], _join(p, "options"), kind_set, rule_ids)
                    if "options" in entry
                    else None
                ),
                earned_by=tuple(earned),
                emeritus=bool(r.flag(entry, "emeritus", p, False)),
            )
        )
    seen: dict[str, int] = {}
    for i, cert in enumerate(certs):
        if cert.name in seen:
            r.fail(
                _join(_join("certifications", i), "name"),
                f"{describe(cert.name)} repeats certifications[{seen[cert.name]}]",
            )
        seen[cert.name] = i

    earlier = _versions(r, data, {lvl.name: lvl.rank for lvl in levels}, head)
    offering_rules = None
    if "offerings" in data:
        try:
            offering_rules = offering_rules_from_mapping(data["offerings"], path="offerings")
        except PolicyError as error:
            r.problems.extend(error.problems)
    program = read_program(r, data, rule_ids, {c.name for c in categories}, level_names, set(seen))
    policy_id = r.text(head, "id", "policy", default="custom")
    version = _version_text(r, head)
    title = r.plain(head, "title", "policy")
    effective_from = r.day(head, "effective_from", "policy")
    if r.problems:
        raise PolicyError(r.problems, source=source)
    return Policy(
        id=policy_id,
        version=version,
        title=title,
        effective_from=effective_from,
        levels=tuple(levels),
        certifications=tuple(certs),
        exams=tuple(exams),
        exam_kinds=kinds,
        categories=tuple(categories),
        parameters=parameters,
        rules=rules,
        earlier=earlier,
        offering_rules=offering_rules,
        program=program if uses_program(data) else None,
    )


def _version_text(r: _Reader, head: Mapping[str, Any]) -> str:
    """``[policy] version``: a string, a whole number or a TOML date, as text; default ``"1"``."""
    value = head.get("version", "1")
    if isinstance(value, str | date) or (isinstance(value, int) and not isinstance(value, bool)):
        return value.isoformat() if isinstance(value, date) else str(value)
    r.fail("policy.version", f"{describe(value)} is not a string")
    return "1"


def _beyond_limits(data: object) -> list[Problem]:
    """What in *data* is beyond recert's input limits: nesting and long strings."""
    out: list[Problem] = []
    deep = too_deep(data)
    if deep is not None:
        out.append(Problem(deep, f"arrays and tables are nested deeper than {MAX_DEPTH} levels"))
    for path, text, is_key in long_texts(data, MAX_POLICY_TEXT):
        what = "the key " if is_key else ""
        out.append(Problem(path, f"{what}{describe(text)} is longer than {MAX_POLICY_TEXT} characters"))
        if len(out) >= 100:
            break
    return out


def _versions(
    r: _Reader, data: Mapping[str, Any], ranks: dict[str, int], head: Mapping[str, Any]
) -> tuple[Policy, ...]:
    """Earlier versions (``[[versions]]``): each inherits what it does not give from the document.

    A version gives its own ``[versions.policy]`` (``version``,
    ``effective_from``), and usually its own ``levels`` and ``parameters``;
    the catalog, categories and rules come from the document. Its levels must
    have the same names and ranks as the document's.
    """
    out: list[Policy] = []
    current = r.day(head, "effective_from", "policy")
    for i, entry in enumerate(r.array(data.get("versions", []), "versions")):
        path = f"versions[{i}]"
        entry = r.table(entry, path)
        if "versions" in entry:
            r.fail(f"{path}.versions", "a version cannot have versions of its own")
            continue
        merged = {k: v for k, v in data.items() if k not in ("versions", "policy")}
        merged.update(entry)
        merged["policy"] = {**head, **r.table(entry.get("policy", {}), f"{path}.policy")}
        try:
            version = policy_from_mapping(merged)
        except PolicyError as error:
            for problem in error.problems:
                r.fail(_join(path, problem.path) if problem.path else path, problem.message)
            continue
        if version.effective_from is None or (current is not None and version.effective_from >= current):
            r.fail(
                f"{path}.policy.effective_from",
                f"{version.effective_from} must be given and before the document's effective_from {current}",
            )
        theirs = {lvl.name: lvl.rank for lvl in version.levels}
        if theirs != ranks:
            r.fail(f"{path}.levels", f"names and ranks {theirs} differ from the document's {ranks}")
        out.append(version)
    return tuple(sorted(out, key=lambda v: v.effective_from or date.min))


def load_policy(path: str | Path) -> Policy:
    """Read a policy TOML file (``.toml``) or JSON file (``.json``).

    Args:
        path: The file.

    Returns:
        The policy.

    Raises:
        PolicyError: The file cannot be read or parsed, or the policy is
            inconsistent; every problem is listed with its path.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PolicyError(f"cannot read {path}: {error.strerror}", source=str(path)) from None
    return policy_from_bytes(raw, path.suffix, str(path))


def policy_from_bytes(raw: bytes, suffix: str, source: str) -> Policy:
    """Read a policy from the bytes of a ``.toml`` or ``.json`` file.

    Args:
        raw: The file's contents (UTF-8).
        suffix: ``".json"`` for JSON, anything else for TOML.
        source: Where the bytes came from, for error messages.

    Raises:
        PolicyError: The bytes are not valid TOML/JSON or not a valid policy.
    """
    try:
        if suffix == ".json":
            import json

            data = json.loads(raw)
        else:
            data = tomllib.loads(raw.decode("utf-8-sig"))  # a byte order mark is dropped
    except RecursionError:
        raise PolicyError(
            f"not valid {'JSON' if suffix == '.json' else 'TOML'}: arrays and tables are nested deeper "
            f"than the parser follows (recert reads {MAX_DEPTH} levels)",
            source=source,
        ) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise PolicyError(
            f"not valid {'JSON' if suffix == '.json' else 'TOML'}: {too_many_digits(error)}", source=source
        ) from None
    return policy_from_mapping(data, source=source)


@functools.cache
def cisco_policy() -> Policy:
    """The embedded Cisco CE policy (``recert/io/policies/cisco-ce.toml``), read once.

    Returns:
        The policy (immutable, so one shared copy is safe).
    """
    resource = importlib.resources.files("recert.io.policies").joinpath("cisco-ce.toml")
    return policy_from_bytes(resource.read_bytes(), ".toml", "cisco-ce.toml (embedded)")


def _has_fixed_cycle(data: Mapping[str, Any]) -> bool:
    """Whether the document gives a fixed cycle, to the policy or to a level (before it is checked)."""
    tables = [data.get("lifecycle")]
    levels = data.get("levels")
    if isinstance(levels, Mapping):
        tables += [entry.get("lifecycle") for entry in levels.values() if isinstance(entry, Mapping)]
    return any(isinstance(table, Mapping) and table.get("cycle") == "fixed" for table in tables)
