"""The fixed-cycle primitives as policy data (``tests/programs/DESIGN.md`` section 1).

A :class:`Program` gathers what a policy adds to the Cisco format: its unit,
its lifecycle (cycle kind, calendar, the window after the cycle end,
reporting, rollover), caps, category groups, the default category, the credit
step, the renewal map and the certifications that follow another. The loader
(:mod:`recert.io._program_reader`) builds it; :mod:`recert.core.cycles`
evaluates a ``cycle = "fixed"`` policy with it. Everything is optional and
defaults to the Cisco behaviour.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Literal

import attrs
from dateutil.relativedelta import relativedelta

__all__ = [
    "Cap",
    "CreditMinimum",
    "ExamCount",
    "FeesPaid",
    "FixedOption",
    "Follow",
    "Lifecycle",
    "Program",
    "Reporting",
    "Rollover",
    "Span",
    "Window",
]

Allow = Literal["completing", "reporting", "paying"]
ALLOWS: tuple[Allow, ...] = ("completing", "reporting", "paying")


@attrs.frozen
class Span:
    """A length of time: years and months (``relativedelta``, D-DATE-1) and days (``timedelta``)."""

    years: int = 0
    months: int = 0
    days: int = 0

    def after(self, day: date) -> date:
        """*day* moved forward by this span (2024-02-29 + 1 year = 2025-02-28)."""
        return day + relativedelta(years=self.years, months=self.months, days=self.days)

    def before(self, day: date) -> date:
        """*day* moved back by this span."""
        return day - relativedelta(years=self.years, months=self.months, days=self.days)


@attrs.frozen
class Window:
    """The window after a cycle's end E (DESIGN.md 1.4).

    Attributes:
        length: Its length from E (day 0 is E), or ``None`` with ``until``.
        until: ``(month, day)``: the window ends on the first such day after E.
        allows: What it admits: ``completing``, ``reporting``, ``paying``.
        status: The status inside it while not renewed (``suspended``).
        then: The status after it, not renewed: ``expired`` or ``revoked``.
        rule: The rule id results cite for it.
    """

    length: Span | None
    until: tuple[int, int] | None = None
    allows: frozenset[str] = frozenset(ALLOWS)
    status: Literal["suspended", "expired"] = "suspended"
    then: Literal["expired", "revoked"] = "expired"
    rule: str = "R-FC-8"

    def end(self, cycle_end: date) -> date:
        """The window's last day for a cycle ending *cycle_end*."""
        if self.until is not None:
            month, day = self.until
            candidate = date(cycle_end.year, month, day)
            return candidate if candidate > cycle_end else date(cycle_end.year + 1, month, day)
        assert self.length is not None
        return self.length.after(cycle_end)


@attrs.frozen
class Reporting:
    """When claims must be made (DESIGN.md 1.5).

    Attributes:
        deadline: ``cycle_end``, ``window`` or ``yearly``; ``None``: ``window``
            when the window allows reporting, else ``cycle_end``.
        yearly_by: With ``yearly``: ``(month, day)`` of the year after a cycle year.
        rule: The rule id a late claim cites.
    """

    deadline: Literal["cycle_end", "window", "yearly"] | None = None
    yearly_by: tuple[int, int] | None = None
    rule: str = "R-FC-5"


@attrs.frozen
class Rollover:
    """Credits of a renewed cycle counted again in the next one (DESIGN.md 1.8, R-FC-10).

    Attributes:
        max: The most that rolls over; ``None``: no cap.
        within: Only activities completed in (E - within, E].
        categories: Only these categories; empty: every category.
        rule: The rule id.
    """

    max: float | None
    within: Span
    categories: tuple[str, ...] = ()
    rule: str = "R-FC-10"


@attrs.frozen
class Lifecycle:
    """A level's lifecycle (DESIGN.md 1.2-1.8, 1.13).

    Attributes:
        cycle: ``rolling`` (Cisco) or ``fixed``.
        calendar: ``anniversary`` or ``calendar_year`` (cycles end on 31 December).
        window: The window after the cycle end, or ``None``.
        reporting: The reporting deadline.
        rollover: The rollover, or ``None``.
        cycle_rule: Rule id of the cycle dates.
        calendar_rule: Rule id of calendar cycles.
        audit_rule: Rule id cited for claims in audit.
    """

    cycle: Literal["rolling", "fixed"] = "rolling"
    calendar: Literal["anniversary", "calendar_year"] = "anniversary"
    window: Window | None = None
    reporting: Reporting = Reporting()
    rollover: Rollover | None = None
    cycle_rule: str = "R-FC-2"
    calendar_rule: str = "R-FC-7"
    audit_rule: str = "R-FC-5"

    @property
    def deadline_kind(self) -> str:
        """The reporting deadline's kind with its default filled in."""
        if self.reporting.deadline is not None:
            return self.reporting.deadline
        if self.window is not None and "reporting" in self.window.allows:
            return "window"
        return "cycle_end"


@attrs.frozen
class Cap:
    """The most credits of some categories or groups that count, per cycle or per cycle year (R-FC-6).

    Attributes:
        categories: Categories it limits (or empty with ``groups``).
        groups: Category groups it limits.
        max: Credits in the unit.
        per: ``cycle`` or ``year``.
        rule: The rule id.
    """

    categories: tuple[str, ...]
    groups: tuple[str, ...]
    max: float
    per: Literal["cycle", "year"] = "cycle"
    rule: str = "R-FC-6"


@attrs.frozen
class CreditMinimum:
    """A minimum of credits: total, of categories, of groups, per cycle year, or naming the certification.

    Attributes:
        credits: The minimum in the unit.
        categories: Only credits of these categories (empty: all).
        groups: Only credits of these groups (empty: all).
        per_year: The minimum applies to every cycle year (R-FC-7).
        advisory: Only shown as ``years[].suggested`` (D-ISC2-1).
        on_miss: ``revoke``: a year short at its deadline revokes the holding.
        named: Only activities whose ``applies_to`` names the certification.
        rule: The rule id.
    """

    credits: float
    categories: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    per_year: bool = False
    advisory: bool = False
    on_miss: Literal["revoke"] | None = None
    named: bool = False
    rule: str = "R-FC-3"

    @property
    def kind(self) -> str:
        """Its ``shortfalls[].kind``."""
        if self.named:
            return "concentration"
        if self.per_year:
            return "year_min"
        if self.groups:
            return "group_min"
        return "category_min" if self.categories else "total"


@attrs.frozen
class FeesPaid:
    """The fee precondition: ``fees_paid_through`` >= the cycle end (R-FC-9)."""

    rule: str = "R-FC-9"


@attrs.frozen
class ExamCount:
    """Passes of distinct exams among ``codes`` (or of ``kinds``) inside the cycle."""

    count: int
    kinds: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()


Requirement = CreditMinimum | FeesPaid | ExamCount


@attrs.frozen
class FixedOption:
    """One way to renew a fixed cycle: *all of* its requirements (DESIGN.md 1.6).

    Attributes:
        label: How it reads.
        rule: The rule id a renewal by it cites.
        requirements: What it needs.
        restarts: A renewal by it on D runs from D (D-CT-4), never shortening.
    """

    label: str
    rule: str
    requirements: tuple[Requirement, ...]
    restarts: bool = False


@attrs.frozen
class Follow:
    """A certification that cycles with another (DESIGN.md 1.12).

    Attributes:
        leader: The canonical name it follows.
        share_credits: Credits naming it also count toward the leader.
    """

    leader: str
    share_credits: bool = False


@attrs.frozen
class Program:
    """What a policy adds to the Cisco format; every part optional.

    Attributes:
        unit: The credits' unit (``"CE credits"``, ``"CPE"``, ``"PDU"``).
        lifecycle: The document's lifecycle.
        level_lifecycles: A level's lifecycle, where it overrides keys.
        caps: Caps by level name, most specific first.
        certification_caps: Caps by certification name (replace the level's).
        options: Fixed-cycle options by level name.
        certification_options: Fixed-cycle options by certification name.
        groups: The group of each category that has one.
        default_category: The category of an activity that names none.
        credit_step: Counted credits are rounded down to this step; ``None``: none.
        claim_window: ``False`` when ``claim_window_days = false``.
        cascade: ``ladder`` (Cisco) or ``map`` (only ``renews`` lists cascade).
        renews: The renewal map: certification name to the names it renews.
        renews_rules: The rule id of each certification's map.
        follows: Certifications that follow another, by name.
    """

    unit: str = "CE credits"
    lifecycle: Lifecycle = Lifecycle()
    level_lifecycles: Mapping[str, Lifecycle] = attrs.field(factory=dict, eq=False)
    caps: Mapping[str, tuple[Cap, ...]] = attrs.field(factory=dict, eq=False)
    certification_caps: Mapping[str, tuple[Cap, ...]] = attrs.field(factory=dict, eq=False)
    options: Mapping[str, tuple[FixedOption, ...]] = attrs.field(factory=dict, eq=False)
    certification_options: Mapping[str, tuple[FixedOption, ...]] = attrs.field(factory=dict, eq=False)
    groups: Mapping[str, str] = attrs.field(factory=dict, eq=False)
    default_category: str | None = None
    credit_step: float | None = None
    claim_window: bool = True
    cascade: Literal["ladder", "map"] = "ladder"
    renews: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, eq=False)
    renews_rules: Mapping[str, str] = attrs.field(factory=dict, eq=False)
    follows: Mapping[str, Follow] = attrs.field(factory=dict, eq=False)

    @property
    def fixed(self) -> bool:
        """Whether the document's cycles are fixed (the engine's dispatch, never a policy id)."""
        return self.lifecycle.cycle == "fixed"

    def lifecycle_of(self, level: str) -> Lifecycle:
        """The lifecycle of certifications of *level*."""
        return self.level_lifecycles.get(level, self.lifecycle)

    def caps_of(self, certification: str, level: str) -> tuple[Cap, ...]:
        """The caps of a certification: its own, else its level's."""
        if certification in self.certification_caps:
            return self.certification_caps[certification]
        return self.caps.get(level, ())

    def options_of(self, certification: str, level: str) -> tuple[FixedOption, ...]:
        """The fixed-cycle options of a certification: its own, else its level's."""
        if certification in self.certification_options:
            return self.certification_options[certification]
        return self.options.get(level, ())
