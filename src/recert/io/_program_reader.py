"""Reading the fixed-cycle keys of a policy (``tests/programs/DESIGN.md`` sections 1 and 4).

:func:`read_program` turns ``[policy] unit``, ``[lifecycle]`` (and its level
overrides), caps, category groups, ``default_category``, ``credit_step``,
``claim_window_days = false``, ``cascade``, ``renews``, ``follows`` and the new
requirement kinds into a :class:`~recert.core.cycles.model.Program`. Every
bad value is a problem with its path; a policy without any of these keys gives
``None`` and loads exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from recert.core._limits import MAX_CREDITS, MAX_YEARS, describe
from recert.core.cycles.model import (
    ALLOWS,
    Cap,
    CreditMinimum,
    ExamCount,
    FeesPaid,
    FixedOption,
    Follow,
    Lifecycle,
    Program,
    Reporting,
    Requirement,
    Rollover,
    Span,
    Window,
)
from recert.io._policy_reader import _join, _Reader

__all__ = ["CERT_KEYS", "LEVEL_KEYS", "OPTION_KEYS", "REQUIREMENT_KEYS", "read_program", "uses_program"]

#: Keys the new primitives add to each table.
LEVEL_KEYS = {"caps", "lifecycle"}
CERT_KEYS = {"renews", "renews_rule", "follows", "share_credits", "caps", "lifecycle"}
OPTION_KEYS = {"restarts"}
REQUIREMENT_KEYS = {"rule", "parameter", "categories", "groups", "per", "advisory", "on_miss", "named"}
_LIFECYCLE_KEYS = {
    "cycle",
    "calendar",
    "window",
    "reporting",
    "rollover",
    "cycle_rule",
    "calendar_rule",
    "audit_rule",
}
_MONTH_DAY = re.compile(r"(\d\d)-(\d\d)")


def uses_program(data: Mapping[str, Any]) -> bool:
    """Whether the document uses any fixed-cycle key (else it loads exactly as before)."""
    head = data.get("policy", {})
    params = data.get("parameters", {})
    if not isinstance(head, Mapping) or not isinstance(params, Mapping):
        return False
    return (
        "lifecycle" in data
        or "groups" in data
        or "unit" in head
        or any(k in params for k in ("default_category", "credit_step", "cascade"))
        or params.get("claim_window_days") is False
    )


def read_program(
    r: _Reader,
    data: Mapping[str, Any],
    rules: set[str],
    categories: set[str],
    levels: set[str],
    certs: set[str],
) -> Program:
    """The :class:`Program` of a policy document; problems go to *r* with their paths."""
    head = r.table(data.get("policy", {}), "policy")
    params = r.table(data.get("parameters", {}), "parameters")
    unit = r.text(head, "unit", "policy", default="CE credits")
    ctx = _Ctx(r, rules, categories)

    groups: dict[str, str] = {}
    group_table = r.table(data.get("groups", {}), "groups")
    for name, entry in group_table.items():
        p = _join("groups", name)
        r.keys(r.table(entry, p), p, {"description"})
        r.plain(r.table(entry, p), "description", p)
    for name, entry in r.table(data.get("categories", {}), "categories").items():
        if isinstance(entry, Mapping) and "group" in entry:
            p = _join(_join("categories", name), "group")
            group = entry["group"]
            if not isinstance(group, str) or group not in group_table:
                r.fail(p, f"{describe(group)} is not a group of [groups]")
            else:
                groups[name] = group
    ctx.groups = set(group_table)

    default = params.get("default_category")
    if default is not None and (not isinstance(default, str) or default not in categories):
        r.fail("parameters.default_category", f"{describe(default)} is not a category of [categories]")
        default = None
    step = params.get("credit_step")
    if step is not None and not _positive(step):
        r.fail("parameters.credit_step", f"{describe(step)} is not a positive number")
        step = None
    cascade = params.get("cascade", "ladder")
    if cascade not in ("ladder", "map"):
        r.fail("parameters.cascade", f"{describe(cascade)} is not 'ladder' or 'map'")
        cascade = "ladder"

    document = r.table(data.get("lifecycle", {}), "lifecycle")
    lifecycle = ctx.lifecycle(document, "lifecycle")
    level_lifecycles: dict[str, Lifecycle] = {}
    caps: dict[str, tuple[Cap, ...]] = {}
    options: dict[str, tuple[FixedOption, ...]] = {}
    for name, entry in r.table(data.get("levels", {}), "levels").items():
        if not isinstance(entry, Mapping):
            continue
        p = _join("levels", name)
        own = lifecycle
        if "lifecycle" in entry:
            own = ctx.lifecycle(
                _merge(document, r.table(entry["lifecycle"], _join(p, "lifecycle"))), _join(p, "lifecycle")
            )
            level_lifecycles[name] = own
        if own.cycle == "fixed" and entry.get("renewal_from") == "expiration":
            r.fail(_join(p, "renewal_from"), "'expiration' stacks terms: a fixed cycle renews from its end")
        caps[name] = ctx.caps(entry.get("caps", []), _join(p, "caps"))
        options[name] = ctx.options(entry.get("options", []), _join(p, "options"), own.cycle == "fixed")

    cert_caps: dict[str, tuple[Cap, ...]] = {}
    cert_options: dict[str, tuple[FixedOption, ...]] = {}
    renews: dict[str, tuple[str, ...]] = {}
    renews_rules: dict[str, str] = {}
    follows: dict[str, Follow] = {}
    for i, entry in enumerate(r.array(data.get("certifications", []), "certifications")):
        if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str):
            continue
        p, name = _join("certifications", i), entry["name"]
        if "caps" in entry:
            cert_caps[name] = ctx.caps(entry["caps"], _join(p, "caps"))
        if "options" in entry:
            cert_options[name] = ctx.options(
                entry["options"], _join(p, "options"), lifecycle.cycle == "fixed"
            )
        if "lifecycle" in entry:
            r.fail(_join(p, "lifecycle"), "is not read yet: give the lifecycle on the certification's level")
        if "renews" in entry:
            listed = r.strings(entry, "renews", p)
            for k, other in enumerate(listed):
                if other not in certs or other == name:
                    r.fail(
                        _join(_join(p, "renews"), k), f"{describe(other)} is not another certification's name"
                    )
            renews[name] = listed
            renews_rules[name] = ctx.rule(entry, "renews_rule", p, "R-FC-3")
        elif "renews_rule" in entry:
            r.fail(_join(p, "renews_rule"), "is given without renews")
        if "follows" in entry:
            leader = entry["follows"]
            if not isinstance(leader, str) or leader not in certs or leader == name:
                r.fail(_join(p, "follows"), f"{describe(leader)} is not another certification's name")
            else:
                follows[name] = Follow(leader, bool(r.flag(entry, "share_credits", p, False)))
        elif "share_credits" in entry:
            r.fail(_join(p, "share_credits"), "is given without follows")
    for name, follow in follows.items():
        if follow.leader in follows:
            r.fail(
                "certifications", f"{name!r} follows {follow.leader!r}, which follows another: one step only"
            )

    return Program(
        unit=unit,
        lifecycle=lifecycle,
        level_lifecycles=level_lifecycles,
        caps={k: v for k, v in caps.items() if v},
        certification_caps=cert_caps,
        options=options,
        certification_options=cert_options,
        groups=groups,
        default_category=default,
        credit_step=step,
        claim_window=params.get("claim_window_days") is not False,
        cascade=cascade,
        renews=renews,
        renews_rules=renews_rules,
        follows=follows,
    )


def _texts(value: Any) -> tuple[str, ...]:
    """The strings of an array (the rolling-cycle reader reports anything else)."""
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _positive(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= MAX_CREDITS


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """*over* on *base* key by key: tables merge, everything else replaces (DESIGN.md 1)."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


class _Ctx:
    """The reader with what the new keys are checked against."""

    def __init__(self, r: _Reader, rules: set[str], categories: set[str]) -> None:
        self.r = r
        self.rules = rules
        self.categories = categories
        self.groups: set[str] = set()

    def rule(self, data: Mapping[str, Any], key: str, path: str, default: str) -> str:
        rule = self.r.text(data, key, path, default=default)
        if rule and rule not in self.rules and data:  # an absent table uses no primitive
            self.r.fail(_join(path, key), f"{describe(rule)} is not a rule id of [rules]")
        return rule

    def choice(self, data: Mapping[str, Any], key: str, path: str, allowed: tuple[str, ...]) -> Any:
        value = data.get(key, allowed[0])
        if value not in allowed:
            self.r.fail(_join(path, key), f"{describe(value)} is not one of {', '.join(map(repr, allowed))}")
            return allowed[0]
        return value

    def month_day(self, data: Mapping[str, Any], key: str, path: str) -> tuple[int, int] | None:
        value = data.get(key)
        match = _MONTH_DAY.fullmatch(value) if isinstance(value, str) else None
        if match and 1 <= int(match[1]) <= 12 and 1 <= int(match[2]) <= 28 + (int(match[1]) != 2) * 2:
            return int(match[1]), int(match[2])
        self.r.fail(
            _join(path, key), f'{describe(value)} is not a day of the year as "MM-DD" (not 29 February)'
        )
        return None

    def span(self, data: Any, path: str) -> Span:
        table = self.r.table(data, path)
        self.r.keys(table, path, {"years", "months", "days"})
        if not table:
            self.r.fail(path, "is empty: give years, months or days")
        # Each part at most MAX_YEARS years long (issue 17): a span is added to and counted back
        # from dates of a record, which must stay inside the calendar.
        most = {"years": MAX_YEARS, "months": MAX_YEARS * 12, "days": MAX_YEARS * 366}
        return Span(*(self.r.whole(table, k, path, default=0, maximum=most[k]) for k in most))

    def lifecycle(self, data: Mapping[str, Any], path: str) -> Lifecycle:
        r = self.r
        r.keys(data, path, _LIFECYCLE_KEYS)
        cycle = self.choice(data, "cycle", path, ("rolling", "fixed"))
        calendar = self.choice(data, "calendar", path, ("anniversary", "calendar_year"))
        window = self.window(data["window"], _join(path, "window")) if "window" in data else None
        reporting_table = r.table(data.get("reporting", {}), _join(path, "reporting"))
        rp = _join(path, "reporting")
        r.keys(reporting_table, rp, {"deadline", "yearly_by", "rule", "parameter"})
        deadline = reporting_table.get("deadline")
        if deadline is not None:
            deadline = self.choice(reporting_table, "deadline", rp, ("cycle_end", "window", "yearly"))
        if deadline == "window" and window is None:
            r.fail(_join(rp, "deadline"), "'window' needs [lifecycle.window]")
        yearly = self.month_day(reporting_table, "yearly_by", rp) if "yearly_by" in reporting_table else None
        if deadline == "yearly" and yearly is None and "yearly_by" not in reporting_table:
            r.fail(_join(rp, "yearly_by"), "is missing: deadline 'yearly' needs the day, as \"MM-DD\"")
        reporting = Reporting(deadline, yearly, self.rule(reporting_table, "rule", rp, "R-FC-5"))
        rollover = self.rollover(data["rollover"], _join(path, "rollover")) if "rollover" in data else None
        if cycle == "rolling" and (window or rollover or deadline or calendar != "anniversary"):
            r.fail(
                _join(path, "cycle"),
                "'rolling' takes no window, reporting, rollover or calendar: use 'fixed'",
            )
        return Lifecycle(
            cycle,
            calendar,
            window,
            reporting,
            rollover,
            cycle_rule=self.rule(data, "cycle_rule", path, "R-FC-2") if cycle == "fixed" else "R-FC-2",
            calendar_rule=self.rule(data, "calendar_rule", path, "R-FC-7")
            if "calendar_rule" in data
            else "R-FC-7",
            audit_rule=self.rule(data, "audit_rule", path, "R-FC-5") if "audit_rule" in data else "R-FC-5",
        )

    def window(self, data: Any, path: str) -> Window:
        r = self.r
        table = r.table(data, path)
        r.keys(table, path, {"days", "years", "until", "allows", "status", "then", "rule", "parameter"})
        given = [k for k in ("days", "years", "until") if k in table]
        if len(given) != 1:
            r.fail(path, f"gives {' and '.join(given) or 'none'} of days, years, until: give exactly one")
        length, until = None, None
        if "days" in table:
            length = Span(days=r.whole(table, "days", path, minimum=1, maximum=MAX_YEARS * 366))
        elif "years" in table:
            length = Span(years=r.whole(table, "years", path, minimum=1, maximum=MAX_YEARS))
        elif "until" in table:
            until = self.month_day(table, "until", path)
        if length is None and until is None:
            length = Span(days=1)
        allows = r.strings(table, "allows", path) if "allows" in table else ALLOWS
        for k, item in enumerate(allows):
            if item not in ALLOWS:
                r.fail(_join(_join(path, "allows"), k), f"{describe(item)} is not one of {', '.join(ALLOWS)}")
        status = self.choice(table, "status", path, ("suspended", "expired"))
        then = self.choice(table, "then", path, ("expired", "revoked"))
        rule = self.rule(table, "rule", path, "R-FC-8")
        if "parameter" in table:
            r.text(table, "parameter", path)
        return Window(length, until, frozenset(allows), status, then, rule)

    def rollover(self, data: Any, path: str) -> Rollover:
        r = self.r
        table = r.table(data, path)
        r.keys(table, path, {"max", "within", "categories", "rule", "parameter"})
        most = table.get("max")
        if most is not None and not _positive(most):
            r.fail(_join(path, "max"), f"{describe(most)} is not a positive number")
            most = None
        if "within" not in table:
            r.fail(_join(path, "within"), "is missing: give e.g. { months = 6 }")
        within = self.span(table.get("within", {"years": 1}), _join(path, "within"))
        return Rollover(
            most,
            within,
            self.names(table, "categories", path, self.categories, "[categories]"),
            self.rule(table, "rule", path, "R-FC-10"),
        )

    def names(
        self, data: Mapping[str, Any], key: str, path: str, known: set[str], where: str
    ) -> tuple[str, ...]:
        listed = self.r.strings(data, key, path)
        for k, name in enumerate(listed):
            if name not in known:
                self.r.fail(_join(_join(path, key), k), f"{describe(name)} is not in {where}")
        return listed

    def caps(self, data: Any, path: str) -> tuple[Cap, ...]:
        out: list[Cap] = []
        for i, entry in enumerate(self.r.array(data, path)):
            p = _join(path, i)
            table = self.r.table(entry, p)
            self.r.keys(table, p, {"categories", "groups", "max", "per", "rule", "parameter"})
            cats = self.names(table, "categories", p, self.categories, "[categories]")
            groups = self.names(table, "groups", p, self.groups, "[groups]")
            if bool(cats) == bool(groups):
                self.r.fail(p, "names categories or groups: give exactly one of them")
            most = table.get("max")
            if not _positive(most):
                self.r.fail(_join(p, "max"), f"{describe(most)} is not a positive number")
                most = 1
            per = self.choice(table, "per", p, ("cycle", "year"))
            out.append(Cap(cats, groups, most, per, self.rule(table, "rule", p, "R-FC-6")))  # type: ignore[arg-type]
        return tuple(out)

    def options(self, data: Any, path: str, fixed: bool) -> tuple[FixedOption, ...]:
        out: list[FixedOption] = []
        for i, entry in enumerate(data if isinstance(data, list) else []):
            if not isinstance(entry, Mapping):
                continue
            p = _join(path, i)
            restarts = bool(self.r.flag(entry, "restarts", p, False))
            if restarts and not fixed:
                self.r.fail(_join(p, "restarts"), "is for fixed cycles: a rolling cycle always restarts")
            reqs: list[Requirement] = []
            for j, req in enumerate(
                entry.get("requirements", []) if isinstance(entry.get("requirements"), list) else []
            ):
                found = (
                    self.requirement(req, _join(_join(p, "requirements"), j), fixed)
                    if isinstance(req, Mapping)
                    else None
                )
                if found is not None:
                    reqs.append(found)
            label = str(entry["label"]) if isinstance(entry.get("label"), str) else f"option {i + 1}"
            rule = str(entry["rule"]) if isinstance(entry.get("rule"), str) else "R-OPT-1"
            out.append(FixedOption(label, rule, tuple(reqs), restarts))
        return tuple(out)

    def requirement(self, req: Mapping[str, Any], path: str, fixed: bool) -> Requirement | None:
        r = self.r
        new = set(req) & (REQUIREMENT_KEYS - {"rule", "parameter"}) | ({"fees"} & set(req))
        if new and not fixed:
            r.fail(path, f"{', '.join(sorted(new))} need [lifecycle] cycle = 'fixed'")
            return None
        rule = (
            self.rule(req, "rule", path, "R-FC-9" if "fees" in req else "R-FC-3")
            if "rule" in req
            else ("R-FC-9" if "fees" in req else "R-FC-3")
        )
        if "parameter" in req:
            r.text(req, "parameter", path)
        if "fees" in req:
            r.keys(req, path, {"fees", "rule", "parameter"})
            if req["fees"] is not True:
                r.fail(_join(path, "fees"), f"{describe(req['fees'])} is not true")
            return FeesPaid(rule)
        if "exams" in req:
            count = req.get("exams")
            return ExamCount(
                count if isinstance(count, int) else 1,
                _texts(req.get("kinds")),
                _texts(req.get("codes")),
            )
        if "ce_credits" not in req:
            return None
        r.keys(req, path, {"ce_credits"} | REQUIREMENT_KEYS)
        credits = req["ce_credits"] if _positive(req["ce_credits"]) else 1
        per = req.get("per")
        if per is not None and per != "year":
            r.fail(_join(path, "per"), f"{describe(per)} is not 'year'")
        on_miss = req.get("on_miss")
        if on_miss is not None and on_miss != "revoke":
            r.fail(_join(path, "on_miss"), f"{describe(on_miss)} is not 'revoke'")
            on_miss = None
        advisory = bool(r.flag(req, "advisory", path, False))
        if (advisory or on_miss) and per != "year":
            r.fail(path, 'advisory and on_miss are for a per-year minimum: add per = "year"')
        cats = self.names(req, "categories", path, self.categories, "[categories]")
        groups = self.names(req, "groups", path, self.groups, "[groups]")
        if cats and groups:
            r.fail(path, "names categories and groups: give one of them")
        named = bool(r.flag(req, "named", path, False))
        return CreditMinimum(credits, cats, groups, per == "year", advisory, on_miss, named, rule)
