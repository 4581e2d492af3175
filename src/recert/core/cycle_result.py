"""Result value objects a fixed-cycle policy adds (programs.md section 7).

Re-exported by :mod:`recert.core.result`. Only fixed-cycle policies fill them,
so a rolling-cycle (Cisco) result keeps its JSON shape.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

__all__ = ["ActivityCycle", "CycleCount", "CycleState", "CycleYear", "Shortfall"]


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _number(value: float) -> float | int:
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


@attrs.frozen
class CycleCount:
    """Credits counted in a category, group or cycle year, with its minimum and cap (programs.md section 7).

    Attributes:
        counted: Credits after caps and rounding, in the policy's unit.
        min: The minimum, or ``None``.
        max: The cap, or ``None``.
    """

    counted: float
    min: float | None = None
    max: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"counted", "min", "max"}``."""
        return {"counted": _number(self.counted), "min": _opt_number(self.min), "max": _opt_number(self.max)}


@attrs.frozen
class CycleYear:
    """One cycle year (R-FC-7): its dates, what counted, its minimum, cap and suggested amount."""

    starts_on: date
    ends_on: date
    counted: float
    min: float | None = None
    max: float | None = None
    suggested: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"starts_on", "ends_on", "counted", "min", "max", "suggested"}``."""
        return {
            "starts_on": _iso(self.starts_on),
            "ends_on": _iso(self.ends_on),
            "counted": _number(self.counted),
            "min": _opt_number(self.min),
            "max": _opt_number(self.max),
            "suggested": _opt_number(self.suggested),
        }


@attrs.frozen
class CycleState:
    """A fixed cycle of a holding (programs.md section 7, ``certifications[].cycle``).

    Attributes:
        starts_on: First day of the cycle.
        ends_on: Its end E (inclusive).
        required: The total the renewing option needs, in the unit.
        counted: Credits counted toward it after caps, rolled-in credits included.
        rolled_in: Credits rolled over from the previous cycle (R-FC-10).
        categories: By category: counted, minimum, cap.
        groups: By category group.
        years: The cycle years in order.
        served_by: The certification whose credits renew this one (CompTIA), else ``None``.
    """

    starts_on: date
    ends_on: date
    required: float
    counted: float
    rolled_in: float = 0
    categories: tuple[tuple[str, CycleCount], ...] = ()
    groups: tuple[tuple[str, CycleCount], ...] = ()
    years: tuple[CycleYear, ...] = ()
    served_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of programs.md section 7."""
        return {
            "starts_on": _iso(self.starts_on),
            "ends_on": _iso(self.ends_on),
            "required": _number(self.required),
            "counted": _number(self.counted),
            "rolled_in": _number(self.rolled_in),
            "categories": {name: c.to_dict() for name, c in self.categories},
            "groups": {name: c.to_dict() for name, c in self.groups},
            "years": [y.to_dict() for y in self.years],
            "served_by": self.served_by,
        }


@attrs.frozen
class Shortfall:
    """One unmet requirement of a fixed cycle (programs.md section 7, D-DESIGN-3).

    Attributes:
        rule: The requirement's rule id.
        kind: ``total``, ``category_min``, ``group_min``, ``year_min``, ``fees`` or ``concentration``.
        name: The category, group, ``"year N"``, ``"fees"`` or certification; ``None`` for the total.
        needed: Credits needed (for ``fees``: the cycle end as a date).
        counted: Credits counted (for ``fees``: ``fees_paid_through`` or ``None``).
    """

    rule: str
    kind: str
    name: str | None
    needed: float | date
    counted: float | date | None

    def to_dict(self) -> dict[str, Any]:
        """``{"rule", "kind", "name", "needed", "counted"}`` (dates as ISO strings)."""
        return {
            "rule": self.rule,
            "kind": self.kind,
            "name": self.name,
            "needed": _value(self.needed),
            "counted": _value(self.counted),
        }


@attrs.frozen
class ActivityCycle:
    """What a fixed-cycle policy adds to an activity's outcome (programs.md section 7).

    Attributes:
        counted_credits: Credits counted after caps and rounding (0 unless counted).
        capped: ``category_cap`` or ``annual_cap`` when a cap cut it, else ``None``.
        rolled_over: Credits counted again in the next cycle (R-FC-10).
        cycle_ends_on: End of the cycle it counts toward, else ``None``.
        counted_toward_all: Every certification it counts toward.
    """

    counted_credits: float = 0
    capped: str | None = None
    rolled_over: float = 0
    cycle_ends_on: date | None = None
    counted_toward_all: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The added keys."""
        return {
            "counted_credits": _number(self.counted_credits),
            "capped": self.capped,
            "rolled_over": _number(self.rolled_over),
            "cycle_ends_on": _iso(self.cycle_ends_on),
            "counted_toward_all": list(self.counted_toward_all),
        }


def _opt_number(value: float | None) -> float | int | None:
    return None if value is None else _number(value)


def _value(value: float | date | None) -> float | int | str | None:
    if isinstance(value, date):
        return value.isoformat()
    return None if value is None else _number(value)
