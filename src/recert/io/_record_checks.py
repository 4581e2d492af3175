"""The loader's checks of a record's rows against the policy: names, dates in order, did-you-mean hints."""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

from recert.core._limits import (
    SHOWN,
    describe,
    field_path,
)
from recert.core.catalog_names import (
    unknown_applies_to,
    unknown_category,
    unknown_certification,
    unknown_exam,
    unknown_exam_kind,
    unknown_level,
)
from recert.core.policy import Policy
from recert.core.record import Activity, ExamPass, Holding
from recert.exceptions import Problem

#: A value that could not be read (its problem is reported where it was read).
_UNREADABLE = object()


def _describe(value: object, *, limit: int = SHOWN) -> str:
    """A value as a message shows it: strings quoted; dates, times and what holds them as in TOML.

    Shown values longer than *limit* characters are cut, saying how long they are; any
    nesting or size is safe (:func:`recert.core._limits.describe`).
    """
    return describe(_as_written(value, 3), limit=limit)


class _Literal:
    """A JSON or TOML literal as the document writes it (``null``, ``true``, ``false``)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


_LITERALS = {None: _Literal("null"), True: _Literal("true"), False: _Literal("false")}


def _as_written(value: object, depth: int) -> object:
    """*value* with ``None``, ``True`` and ``False`` as the document wrote them, as deep as a message shows."""
    if value is None or isinstance(value, bool):
        return _LITERALS[value]
    if depth and isinstance(value, list):
        return [_as_written(item, depth - 1) for item in value[:9]] + value[9:10]  # 8 shown, then "..."
    if depth and isinstance(value, dict):
        shown = dict(itertools.islice(value.items(), 10))
        return {key: _as_written(item, depth - 1) for key, item in shown.items()}
    return value


def too_many_digits(error: ValueError) -> ValueError:
    """Python's refusal of a very long integer, worded for a person writing a record or a policy."""
    found = _DIGITS.match(str(error))
    if found is None:
        return error
    return ValueError(f"a number of {found[2]} digits is too long (at most {found[1]} digits)")


_DIGITS = re.compile(r"Exceeds the limit \((\d+) digits\) for integer string conversion.*?(\d+) digits")


def _join(path: str, key: str | int) -> str:
    """*path* and then *key*, a key that is not plain text quoted and escaped (:func:`field_path`)."""
    return field_path(path, key)


def _before(later: object, earlier: object) -> bool:
    """Whether two dates that could both be read are in the wrong order."""
    return isinstance(later, date) and isinstance(earlier, date) and later < earlier


def _check_holding(h: Any, path: str, policy: Policy) -> list[Problem]:
    out: list[Problem] = []
    # A retired_on before earned_on is accepted: a retired track still renewed under an earlier
    # version, as the tracking system shows it (D-RET-2).
    if _before(h.expires_on, h.earned_on):
        out.append(Problem(_join(path, "expires_on"), f"{h.expires_on.isoformat()} is before "
                                                      f"earned_on {h.earned_on.isoformat()}"))
    first = h.first_earned_on
    if _before(h.earned_on, first):
        out.append(Problem(_join(path, "first_earned_on"),
                           f"{first.isoformat()} is after earned_on {h.earned_on.isoformat()}"))
    level = h.level if isinstance(h.level, str) else None
    if level is not None and not policy.has_level(level):
        out.append(Problem(_join(path, "level"), unknown_level(level, policy)))
    if not isinstance(h.certification, str):
        return out
    known = policy.certification(h.certification)
    if known is None and h.level is None:
        out.append(Problem(_join(path, "certification"), unknown_certification(h.certification, policy)))
    elif known is not None and level is not None and policy.has_level(level) and level != known.level:
        out.append(Problem(_join(path, "level"),
                           f"{_describe(level)} differs from the catalog's level {known.level!r} "
                           f"of {known.name}"))
    return out


def _check_exam(e: Any, path: str, policy: Policy) -> list[Problem]:
    if isinstance(e.kind, str) and e.kind not in policy.exam_kinds:
        return [Problem(_join(path, "kind"), unknown_exam_kind(e.kind, policy))]
    if e.kind is None and isinstance(e.exam, str) and policy.exam(e.exam) is None:
        return [Problem(_join(path, "exam"), unknown_exam(e.exam, policy))]
    return []


def _check_activity(a: Any, path: str, policy: Policy) -> list[Problem]:
    out: list[Problem] = []
    if isinstance(a.category, str) and policy.category(a.category) is None:
        out.append(Problem(_join(path, "category"), unknown_category(a.category, policy)))
    out.extend(_check_applies_to(a.applies_to, path, policy))
    if a.claimed_on is None:  # absent, not merely unreadable
        if a.status not in (None, _UNREADABLE):
            out.append(Problem(_join(path, "status"),
                               f"{_describe(a.status)} is given but claimed_on is missing"))
        if isinstance(a.decided_on, date):
            out.append(Problem(_join(path, "decided_on"),
                               f"{_describe(a.decided_on)} is given but claimed_on is missing"))
        return out
    if _before(a.claimed_on, a.completed_on):
        out.append(Problem(_join(path, "claimed_on"),
                           f"{a.claimed_on.isoformat()} is before completed_on "
                           f"{a.completed_on.isoformat()}"))
    if _before(a.decided_on, a.claimed_on):
        out.append(Problem(_join(path, "decided_on"),
                           f"{a.decided_on.isoformat()} is before claimed_on "
                           f"{a.claimed_on.isoformat()}"))
    if isinstance(a.decided_on, date) and a.status in (None, "pending", "audit"):
        out.append(Problem(_join(path, "decided_on"),
                           f"{_describe(a.decided_on)} is given but status is "
                           f"{a.status or 'pending'!r}, not approved or rejected"))
    return out


def _check_applies_to(names: Any, path: str, policy: Policy) -> list[Problem]:
    """``applies_to``: a non-empty list of names (programs.md section 6).

    Under a policy that reads ``applies_to`` (a ``named`` requirement or a
    certification that ``follows`` another), every name must be a certification
    of its catalog (did you mean ...). Under any other policy the names are
    accepted and ignored, so one record can be evaluated under every policy.
    """
    if isinstance(names, tuple) and not names:
        return [Problem(_join(path, "applies_to"), "is empty: leave it out to mean every certification")]
    if not isinstance(names, tuple) or not _reads_applies_to(policy):
        return []
    return [
        Problem(f"{_join(path, 'applies_to')}[{j}]", unknown_applies_to(name, policy))
        for j, name in enumerate(names)
        if isinstance(name, str) and policy.certification(name) is None
    ]


def _reads_applies_to(policy: Policy) -> bool:
    """Whether *policy* reads ``applies_to``: a ``named`` requirement or a ``follows`` certification."""
    program = policy.program
    if program is None:
        return False
    if program.follows:
        return True
    options = [*program.options.values(), *program.certification_options.values()]
    return any(getattr(r, "named", False) for group in options for o in group for r in o.requirements)


def _missing_categories(data: object, policy: Policy) -> list[Problem]:
    """``activities[i].category`` of each activity naming none under a fixed-cycle policy without a default.

    Such a policy (``pmi-pmp``) has no ``default_category`` and no ``training``
    category, so the record format's default cannot stand in (programs.md section 4).
    """
    program = policy.program
    if program is None or program.default_category is not None or policy.category("training") is not None:
        return []
    activities = data.get("activities") if type(data) is dict else None
    if type(activities) is not list:
        return []
    names = ", ".join(c.name for c in policy.categories)
    return [
        Problem(f"activities[{i}].category", f"missing; {policy.id} has no default category (one of {names})")
        for i, a in enumerate(activities)
        if type(a) is dict and "category" not in a
    ]


def _default_category(data: object, policy: Policy) -> object:
    """*data* with the policy's ``default_category`` given to activities that name none (DESIGN.md 1).

    Only a policy whose default is not ``training`` (the record format's own
    default) changes anything, so Cisco records are read as before.
    """
    default = policy.program.default_category if policy.program is not None else None
    if default is None or default == "training" or type(data) is not dict:
        return data
    activities = data.get("activities")
    if type(activities) is not list or not any(type(a) is dict and "category" not in a for a in activities):
        return data
    filled = [{**a, "category": default} if type(a) is dict and "category" not in a else a for a in activities]
    return {**data, "activities": filled}



def _fill_category(data: object, policy: Policy) -> tuple[object, list[Problem]]:
    """*data* with the policy's default category filled in, and the activities missing one it needs."""
    return _default_category(data, policy), _missing_categories(data, policy)


_CHECKS = {Holding: _check_holding, ExamPass: _check_exam, Activity: _check_activity}
