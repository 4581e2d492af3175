"""Requirements of a fixed cycle and what falls short (programs.md R-FC-3, R-FC-9; DESIGN.md 1.6).

An option is *all of* its requirements. :func:`shortfalls` lists each unmet
requirement as a :class:`~recert.core.result.Shortfall`; an option is met when
the list is empty.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from recert.core.cycle_result import Shortfall
from recert.core.cycles.counting import CycleRun
from recert.core.cycles.model import CreditMinimum, ExamCount, FeesPaid, FixedOption, Program

__all__ = ["Passes", "credit_option", "shortfalls"]

_EPS = 1e-9


@attrs.frozen
class Passes:
    """A record's exam passes, as (exam code, date) in sorted order, with the dates of each code.

    Iterating gives the (code, date) pairs. :meth:`any_between` answers "a pass of this
    code in this span?" in logarithmic time, so that checking an exam requirement on
    every day of a replay does not cost the number of passes each time (issue 17).
    """

    items: tuple[tuple[str, date], ...]
    by_code: dict[str, list[date]] = attrs.field(eq=False, repr=False)

    @classmethod
    def of(cls, passes: Iterable[tuple[str, date]]) -> Passes:
        """The passes *passes* (any order), sorted and indexed."""
        items = tuple(sorted(passes))
        by_code: dict[str, list[date]] = {}
        for code, on in items:
            by_code.setdefault(code, []).append(on)  # sorted: items are
        return cls(items, by_code)

    def __iter__(self) -> Iterator[tuple[str, date]]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def any_between(self, code: str, low: date, high: date, *, after_low: bool) -> bool:
        """Whether *code* was passed on a day up to *high*, after *low* (*after_low*) or on or after it."""
        days = self.by_code.get(code)
        if not days:
            return False
        i = bisect_right(days, low) if after_low else bisect_left(days, low)
        return i < len(days) and days[i] <= high


def credit_option(options: tuple[FixedOption, ...]) -> FixedOption | None:
    """The option renewed by credits (the first with a credit minimum), whose shortfalls a result shows."""
    for option in options:
        if any(isinstance(r, CreditMinimum) for r in option.requirements):
            return option
    return options[0] if options else None


def _credits(req: CreditMinimum, run: CycleRun, program: Program) -> float:
    if req.named:
        cats = req.categories or tuple(run.named)
        return sum(run.named.get(c, 0.0) for c in cats)
    if req.groups:
        return sum(run.group_total(program, g) for g in req.groups)
    if req.categories:
        return sum(run.categories.get(c, 0.0) for c in req.categories)
    return run.counted


def shortfalls(
    option: FixedOption,
    run: CycleRun,
    program: Program,
    *,
    fees_through: date | None,
    passes: Passes,
    day: date,
    name: str,
    years_ended_by: date | None = None,
    earning_codes: frozenset[str] = frozenset(),
) -> list[Shortfall]:
    """What *option* still lacks for the cycle *run* on *day*.

    Args:
        option: The option.
        run: The cycle's counts so far.
        program: The policy's fixed-cycle data (groups).
        fees_through: The holding's ``fees_paid_through`` (``None``: not checked, R-FC-9).
        passes: (exam code, date) of every pass of the record up to the evaluation date.
        day: The day the option is assessed (passes after it do not count).
        name: The certification (the ``name`` of a ``concentration`` shortfall).
        years_ended_by: Check per-year minimums only for years ended before this
            day (``None``: every year; a year not yet over can already meet it).

    Returns:
        One :class:`Shortfall` per unmet requirement (a per-year minimum: one
        per short year), in the option's order; empty when met.
    """
    out: list[Shortfall] = []
    for req in option.requirements:
        if isinstance(req, FeesPaid):
            if fees_through is not None and fees_through < run.end:
                out.append(Shortfall(req.rule, "fees", "fees", run.end, fees_through))
        elif isinstance(req, ExamCount):
            # A pass of an exam that earns the certification counts only after the cycle's first day
            # (passing it "again", D-CT-4); CertMaster CE counts from the first day (R-CT-5).
            last = min(day, run.end)
            codes = {
                c
                for c in set(req.codes)
                if passes.any_between(c, run.start, last, after_low=c in earning_codes)
            }
            if len(codes) < req.count:
                out.append(Shortfall(option.rule, "exams", ", ".join(req.codes), req.count, len(codes)))
        elif req.per_year:
            if req.advisory:
                continue
            for i, (_, last) in enumerate(run.years):
                if years_ended_by is not None and last >= years_ended_by:
                    continue
                if run.by_year[i] < req.credits - _EPS:
                    out.append(Shortfall(req.rule, "year_min", f"year {i + 1}", req.credits, run.by_year[i]))
        else:
            have = _credits(req, run, program)
            if have < req.credits - _EPS:
                label = name if req.named else "+".join(req.groups or req.categories) or None
                out.append(Shortfall(req.rule, req.kind, label, req.credits, have))
    return out
