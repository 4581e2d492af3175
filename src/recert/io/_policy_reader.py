"""Reading a policy table: one reader that collects every problem with its path (used by :mod:`recert.io.policy_toml`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from recert.core._limits import (
    MAX_CREDITS,
    MAX_WHOLE,
    MAX_YEARS,
    describe,
    field_path,
)
from recert.core.policy import (
    Validity,
)
from recert.core.requirements import CECredits, Exams, Option
from recert.exceptions import Problem

_TOP = {
    "policy",
    "parameters",
    "exam_kinds",
    "categories",
    "rules",
    "levels",
    "exams",
    "certifications",
    "offerings",
    "versions",
    "lifecycle",
    "groups",
}


class _Reader:
    """Collects problems while walking a policy mapping."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def table(self, data: Any, path: str) -> Mapping[str, Any]:
        if isinstance(data, Mapping):
            return data
        self.fail(path, f"{describe(data)} is not a table")
        return {}

    def array(self, data: Any, path: str) -> list[Any]:
        if isinstance(data, list):
            return data
        self.fail(path, f"{describe(data)} is not an array")
        return []

    def keys(self, data: Mapping[str, Any], path: str, allowed: set[str]) -> None:
        for key in data:
            if key not in allowed:
                self.fail(_join(path, key), f"unknown field (expected one of {', '.join(sorted(allowed))})")

    def text(self, data: Mapping[str, Any], key: str, path: str, default: str | None = None) -> str:
        value = data.get(key, default)
        if isinstance(value, str) and value:
            return value
        if value is None:
            self.fail(_join(path, key), "is missing")
        else:
            self.fail(_join(path, key), f"{describe(value)} is not a non-empty string")
        return ""

    def plain(self, data: Mapping[str, Any], key: str, path: str) -> str:
        """An optional free text (a title, a description): a string, ``""`` when absent."""
        value = data.get(key, "")
        if isinstance(value, str):
            return value
        self.fail(_join(path, key), f"{describe(value)} is not a string")
        return ""

    def optional_text(self, data: Mapping[str, Any], key: str, path: str) -> str | None:
        if key not in data:
            return None
        return self.text(data, key, path)

    def strings(self, data: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        self.fail(_join(path, key), f"{describe(value)} is not an array of strings")
        return ()

    def whole(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        default: int | None = None,
        minimum: int = 0,
        maximum: int = MAX_WHOLE,
    ) -> int:
        value = data.get(key, default)
        if isinstance(value, int) and not isinstance(value, bool) and minimum <= value <= maximum:
            return value
        if value is None:
            self.fail(_join(path, key), "is missing")
        elif isinstance(value, int) and not isinstance(value, bool) and value > maximum:
            self.fail(_join(path, key), f"{describe(value)} is more than {maximum}, the most recert reads here")
        else:
            self.fail(_join(path, key), f"{describe(value)} is not a whole number >= {minimum}")
        return minimum

    def number(self, value: Any, path: str) -> float:
        """A positive, finite amount of CE credits, at most ``MAX_CREDITS``."""
        if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= MAX_CREDITS:
            return value
        if isinstance(value, int | float) and not isinstance(value, bool) and value > MAX_CREDITS:
            self.fail(path, f"{describe(value)} is more than {MAX_CREDITS}, the most recert reads here")
        else:
            self.fail(path, f"{describe(value)} is not a positive number")
        return 1

    def flag(self, data: Mapping[str, Any], key: str, path: str, default: bool | None) -> bool | None:
        value = data.get(key, default)
        if value is None or isinstance(value, bool):
            return value
        self.fail(_join(path, key), f"{describe(value)} is not true or false")
        return default

    def day(self, data: Mapping[str, Any], key: str, path: str) -> date | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, date) and not hasattr(value, "hour"):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(_join(path, key), f"{describe(value)} is not a date (YYYY-MM-DD)")
        return None


def _join(path: str, key: str | int) -> str:
    """*path* and then *key*, a key that is not plain text quoted and escaped (:func:`field_path`)."""
    return field_path(path, key)


def _validity(r: _Reader, data: Any, path: str) -> tuple[Validity, ...]:
    out: list[Validity] = []
    for i, entry in enumerate(r.array(data, path)):
        p = _join(path, i)
        entry = r.table(entry, p)
        r.keys(entry, p, {"years", "lifetime", "starting_on"})
        years = (
            None
            if entry.get("lifetime") is True
            else r.whole(entry, "years", p, minimum=1, maximum=MAX_YEARS)
        )
        out.append(Validity(years, r.day(entry, "starting_on", p)))
    starts = [v.starting_on or date.min for v in out]
    if starts != sorted(starts):
        r.fail(path, "entries are not in order of starting_on")
    if not out:
        r.fail(path, "is empty: give at least one validity")
    return tuple(out)


def _options(r: _Reader, data: Any, path: str, kinds: set[str], rules: set[str]) -> tuple[Option, ...]:
    """A level's or certification's options as the rolling-cycle engine reads them.

    The fixed-cycle requirement kinds (category, group and per-year minimums,
    ``fees``) are read by :mod:`recert.io._program_reader`; here a minimum
    that is not a plain total only stands in for an option that has nothing
    else, and ``fees`` is left out.
    """
    out: list[Option] = []
    for i, entry in enumerate(r.array(data, path)):
        p = _join(path, i)
        entry = r.table(entry, p)
        r.keys(entry, p, {"label", "rule", "requirements", "reconstructed", "restarts"})
        requirements: list[CECredits | Exams] = []
        stand_in: CECredits | None = None
        fees = False
        for j, req in enumerate(r.array(entry.get("requirements", []), _join(p, "requirements"))):
            rp = _join(_join(p, "requirements"), j)
            req = r.table(req, rp)
            if "ce_credits" in req:
                r.keys(req, rp, {"ce_credits", *_NEW_REQUIREMENT_KEYS})
                credits = CECredits(r.number(req["ce_credits"], _join(rp, "ce_credits")))
                if any(k in req for k in ("categories", "groups", "per", "named")):
                    stand_in = stand_in or credits
                else:
                    requirements.append(credits)
            elif "exams" in req:
                r.keys(req, rp, {"exams", "kinds", "codes", "noun"})
                count = r.whole(req, "exams", rp, minimum=1)
                req_kinds = r.strings(req, "kinds", rp)
                codes = r.strings(req, "codes", rp)
                for k, kind in enumerate(req_kinds):
                    if kind not in kinds:
                        r.fail(
                            _join(_join(rp, "kinds"), k), f"{describe(kind)} is not an exam kind of exam_kinds"
                        )
                if not req_kinds and not codes:
                    r.fail(rp, "names neither kinds nor codes")
                requirements.append(Exams(count, req_kinds, codes, r.plain(req, "noun", rp)))
            elif "fees" in req:
                fees = True  # read by the program reader
            else:
                r.fail(rp, f"{describe(req)} is neither {{ce_credits = N}} nor {{exams = N, kinds = [...]}}")
        if not requirements and stand_in is not None:
            requirements.append(stand_in)
        if not requirements and not fees:
            r.fail(_join(p, "requirements"), "is empty")
        rule = r.text(entry, "rule", p, default="R-OPT-1")
        if rule and rule not in rules:
            r.fail(_join(p, "rule"), f"{describe(rule)} is not a rule id of [rules]")
        label = r.text(entry, "label", p, default=" + ".join(x.label for x in requirements) or None)
        reconstructed = bool(r.flag(entry, "reconstructed", p, False))
        if requirements:
            out.append(Option(label, tuple(requirements), rule, reconstructed=reconstructed))
    return tuple(out)


_NEW_REQUIREMENT_KEYS = ("rule", "parameter", "categories", "groups", "per", "advisory", "on_miss", "named")
