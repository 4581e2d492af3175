"""Counting credits into one fixed cycle: categories, groups, cycle years, caps and the credit step.

R-FC-6 (caps filled in completion order; the activity crossing a cap counts in
part; nothing left: rejected), R-FC-7 (cycle years), R-PMI-7 / D-DESIGN-9 (cap
first, then round down to the step: 12.4 PDU -> 12.25).
"""

from __future__ import annotations

import math
from datetime import date

import attrs

from recert.core.cycles.model import Cap, Program

__all__ = ["CycleRun", "step_down"]

_EPS = 1e-9


def step_down(credits: float, step: float | None) -> float:
    """*credits* rounded down to a multiple of *step* (12.4 with 0.25 -> 12.25); unchanged without a step."""
    if step is None:
        return credits
    return math.floor(credits / step + _EPS) * step


@attrs.define
class CycleRun:
    """The bookkeeping of one cycle of one holding while activities are counted.

    Attributes:
        start: First day of the cycle.
        end: Its end E.
        years: The cycle years (R-FC-7), first to last.
        counted: Credits counted, rolled-in credits included.
        rolled_in: Credits rolled over from the previous cycle.
        categories: Counted credits by category.
        by_year: Counted credits by cycle year (index into ``years``).
        named: Counted credits of activities whose ``applies_to`` names the certification, by category.
        items: Catalog items already counted or pending in this cycle (D-DUP-1).
        used: Credits under each cap: (cap index, year index or -1) -> credits.
        renewed_on: The day the cycle was renewed, or ``None``.
        renewed_by: The label of the option that renewed it.
        restart: For an option with ``restarts``: the day the next cycle runs from.
        aligned_on: The day a higher certification's renewal aligned this cycle's end (R-CT-6).
        aligned_by: That certification.
        alignments: (day, certification, new end) of every alignment of the cycle's end, in date
            order (R-CT-6); the last one is ``aligned_on`` and ``aligned_by``.
        earned_again: Whether the cycle began with the certification earned again after it lapsed.
        revoked: (revoked from, last active day) of a cycle revoked before it was earned again.
        members: (activity index, counted credits, category, completed_on) of what counted.
        first_renewed_on: The day the replay renewed the cycle (an alignment afterwards
            does not clear it; read by the what-if pruning, ``whatif.py``).
        rolled_out: Whether the replay rolled credits over from this cycle into its successor
            (R-FC-10; ``False`` when no successor was opened or no rollover applies).
    """

    start: date
    end: date
    years: list[tuple[date, date]]
    counted: float = 0
    rolled_in: float = 0
    categories: dict[str, float] = attrs.field(factory=dict)
    by_year: list[float] = attrs.field(factory=list)
    named: dict[str, float] = attrs.field(factory=dict)
    items: set[str] = attrs.field(factory=set)
    used: dict[tuple[int, int], float] = attrs.field(factory=dict)
    renewed_on: date | None = None
    renewed_by: str | None = None
    renewed_rule: str | None = None
    restart: date | None = None
    aligned_on: date | None = None
    aligned_by: str | None = None
    alignments: list[tuple[date, str, date]] = attrs.field(factory=list)
    earned_again: bool = False
    revoked: tuple[date, date] | None = None
    members: list[tuple[int, float, str, date]] = attrs.field(factory=list)
    first_renewed_on: date | None = None
    rolled_out: bool = False

    def __attrs_post_init__(self) -> None:
        if not self.by_year:
            self.by_year = [0.0] * len(self.years)

    def counts(self) -> CycleRun:
        """A copy of the totals (counted, categories, years, named) with no members, items or cap use."""
        return attrs.evolve(
            self,
            categories=dict(self.categories),
            by_year=list(self.by_year),
            named=dict(self.named),
            members=[],
            items=set(),
            used={},
        )

    def year_of(self, day: date) -> int:
        """Index of the cycle year containing *day* (the last year for a day after the end)."""
        for i, (first, last) in enumerate(self.years):
            if first <= day <= last:
                return i
        return len(self.years) - 1 if day > self.end else 0

    def room(
        self, caps: tuple[Cap, ...], category: str, group: str | None, day: date
    ) -> tuple[float, Cap | None]:
        """Credits still under every cap that applies to *category*, and the cap with the least room."""
        room, binding = math.inf, None
        year = self.year_of(day)
        for i, cap in enumerate(caps):
            if category not in cap.categories and (group is None or group not in cap.groups):
                continue
            left = cap.max - self.used.get((i, year if cap.per == "year" else -1), 0.0)
            if left < room - _EPS:
                room, binding = left, cap
        return max(room, 0.0), binding

    def add(
        self, caps: tuple[Cap, ...], program: Program, category: str, credits: float, day: date, named: bool
    ) -> tuple[float, Cap | None]:
        """Count up to *credits* of *category* completed on *day*; returns what counted and the binding cap."""
        group = program.groups.get(category)
        room, binding = self.room(caps, category, group, day)
        counted = step_down(min(credits, room), program.credit_step)
        capped = binding if room < credits - _EPS else None
        if counted <= _EPS:
            return 0.0, capped
        year = self.year_of(day)
        for i, cap in enumerate(caps):
            if category in cap.categories or (group is not None and group in cap.groups):
                key = (i, year if cap.per == "year" else -1)
                self.used[key] = self.used.get(key, 0.0) + counted
        self.put(category, counted, year)
        if named:
            self.named[category] = self.named.get(category, 0.0) + counted
        return counted, capped

    def put(self, category: str, credits: float, year: int) -> None:
        """Add counted credits to the totals (also used for rolled-in credits)."""
        self.counted += credits
        self.categories[category] = self.categories.get(category, 0.0) + credits
        self.by_year[year] += credits

    def group_total(self, program: Program, group: str) -> float:
        """Counted credits of the categories of *group*."""
        return sum(v for c, v in self.categories.items() if program.groups.get(c) == group)
