"""The ``[offerings]`` table of a policy file, read into :class:`~recert.core.offering.OfferingRules`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from recert.core.offering import (
    CATEGORY_OF_FORMAT,
    CHECKS,
    EDITIONS,
    FORMATS,
    SEVERITIES,
    CreditRange,
    OfferingRules,
)
from recert.exceptions import PolicyError, Problem

__all__ = ["offering_rules_from_mapping"]

_RULE_KEYS = {"credit_range", "max_credits_per_hour", "per_hour_categories",
              "labs_required_formats", "ineligible_editions", "severity"}
_CATEGORIES = tuple(dict.fromkeys(CATEGORY_OF_FORMAT.values()))


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _names(
    value: Any, allowed: tuple[str, ...], path: str, problems: list[Problem]
) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(Problem(path, f"{value!r} is not an array of strings"))
        return ()
    for i, name in enumerate(value):
        if name not in allowed:
            problems.append(Problem(f"{path}[{i}]", f"{name!r} is not one of {', '.join(allowed)}"))
    return tuple(value)


def offering_rules_from_mapping(table: Mapping[str, Any], path: str = "offerings") -> OfferingRules:
    """Read the ``[offerings]`` table of a policy file into :class:`OfferingRules`.

    Shape (every key optional; omitted keys keep the Cisco defaults)::

        [offerings]
        max_credits_per_hour = 1.6        # or false: no limit (D-OFFER-1)
        per_hour_categories = ["training"]
        labs_required_formats = ["e_learning"]
        ineligible_editions = ["lite", "no_labs"]
        [offerings.credit_range.training]  # a format or a category
        min = 4
        max = 64
        [offerings.severity]
        credits_per_hour = "error"         # error, warning, info or off

    A ``credit_range`` table replaces the default ranges as a whole.

    Args:
        table: The parsed ``[offerings]`` table.
        path: Its path in the file, for messages.

    Returns:
        The rules.

    Raises:
        PolicyError: Listing every problem with its path and value (an
            unknown key, a check or format that does not exist, a minimum
            above its maximum, a severity that is not one of error, warning,
            info, off).
    """
    problems: list[Problem] = []
    if not isinstance(table, Mapping):
        raise PolicyError([Problem(path, f"{table!r} is not a table")])
    for key in table:
        if key not in _RULE_KEYS:
            problems.append(Problem(f"{path}.{key}", "unknown field (expected one of "
                                                     f"{', '.join(sorted(_RULE_KEYS))})"))
    defaults = OfferingRules()
    kwargs: dict[str, Any] = {}

    if "credit_range" in table:
        ranges: list[CreditRange] = []
        raw = table["credit_range"]
        if not isinstance(raw, Mapping):
            problems.append(Problem(f"{path}.credit_range", f"{raw!r} is not a table"))
            raw = {}
        for name, entry in raw.items():
            p = f"{path}.credit_range.{name}"
            if name not in FORMATS and name not in _CATEGORIES:
                problems.append(Problem(p, f"{name!r} is not a format or a category "
                                           f"({', '.join(dict.fromkeys(FORMATS + _CATEGORIES))})"))
            if not isinstance(entry, Mapping) or set(entry) != {"min", "max"}:
                problems.append(Problem(p, f"{entry!r} is not a table {{min = N, max = N}}"))
                continue
            low, high = _number(entry["min"]), _number(entry["max"])
            for key, value in (("min", low), ("max", high)):
                if value is None:
                    problems.append(Problem(f"{p}.{key}", f"{entry[key]!r} is not a number >= 0"))
            if low is not None and high is not None:
                if low > high:
                    problems.append(
                        Problem(p, f"min {entry['min']!r} is above max {entry['max']!r}")
                    )
                ranges.append(CreditRange(name, low, high))
        kwargs["credit_ranges"] = tuple(ranges)

    if "max_credits_per_hour" in table:
        value = table["max_credits_per_hour"]
        if value is False:
            kwargs["max_credits_per_hour"] = None
        elif (rate := _number(value)) is not None and rate > 0:
            kwargs["max_credits_per_hour"] = rate
        else:
            problems.append(Problem(f"{path}.max_credits_per_hour",
                                    f"{value!r} is not a positive number or false"))

    for key, allowed in (("per_hour_categories", _CATEGORIES),
                         ("labs_required_formats", FORMATS),
                         ("ineligible_editions", EDITIONS)):
        if key in table:
            kwargs[key] = _names(table[key], allowed, f"{path}.{key}", problems)

    if "severity" in table:
        settings = dict(defaults.severities)
        raw = table["severity"]
        if not isinstance(raw, Mapping):
            problems.append(Problem(f"{path}.severity", f"{raw!r} is not a table"))
            raw = {}
        for check, setting in raw.items():
            p = f"{path}.severity.{check}"
            if check not in CHECKS:
                problems.append(Problem(p, f"{check!r} is not a check ({', '.join(CHECKS)})"))
            elif setting not in (*SEVERITIES, "off"):
                problems.append(Problem(p, f"{setting!r} is not error, warning, info or off"))
            else:
                settings[check] = setting
        kwargs["severities"] = tuple(settings.items())

    if problems:
        raise PolicyError(problems)
    return OfferingRules(**kwargs)
