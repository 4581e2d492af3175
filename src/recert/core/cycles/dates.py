"""Cycle dates of fixed-cycle programs (programs.md R-FC-1, R-FC-2, R-FC-7, R-ISACA-1).

Years and months move with ``relativedelta`` (D-DATE-1: 2024-02-29 + 3 years is
2027-02-28); day counts with ``timedelta``.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from recert.core._limits import FIRST_YEAR_FIXED
from recert.core.bounds import dated_fields
from recert.core.cycles.model import Lifecycle
from recert.core.policy import Validity
from recert.core.record import Record
from recert.exceptions import Problem

__all__ = ["cycle_years", "dates_in_range", "first_end", "next_end", "validity_on", "yearly_deadline"]

ONE_DAY = timedelta(days=1)


def validity_on(validities: tuple[Validity, ...], start: date) -> Validity | None:
    """The validity in force for a cycle starting on *start* (the latest ``starting_on`` on or before it)."""
    chosen = None
    for validity in validities:
        if validity.starting_on is None or validity.starting_on <= start:
            chosen = validity
    return chosen


def first_end(start: date, given: date | None, years: int, lifecycle: Lifecycle) -> date:
    """The end E of a holding's current cycle (R-FC-1; calendar cycles R-ISACA-1).

    A given ``expires_on`` wins (D-ISACA-2). Anniversary cycles: *start* +
    *years* (2022-04-10 + 3 y = 2025-04-10). Calendar cycles: a 1 January
    start ends on 31 December of its year + years - 1 (2022-01-01 -> 2024-12-31),
    any other start on 31 December of its year + years (2021-06-15 -> 2024-12-31).
    """
    if given is not None:
        return given
    if lifecycle.calendar == "calendar_year":
        extra = years - 1 if (start.month, start.day) == (1, 1) else years
        return date(start.year + extra, 12, 31)
    return start + relativedelta(years=years)


def next_end(end: date, years: int) -> date:
    """The end of the cycle after one ending *end*: *end* + *years* (R-FC-2; 2027-02-28 -> 2030-02-28)."""
    return end + relativedelta(years=years)


def cycle_years(start: date, end: date, years: int, lifecycle: Lifecycle) -> list[tuple[date, date]]:
    """The cycle years, first to last, as inclusive (first day, last day) pairs (R-FC-7).

    Counted back from the end: year N = (E - 1 y, E], year N-1 = (E - 2 y,
    E - 1 y], ..., year 1 = [start, E - (N-1) y]. Calendar cycles end years on
    31 December, and year 1 also holds the stub before the first 1 January
    (D-ISACA-3). A short cycle has fewer years.
    """
    if lifecycle.calendar == "calendar_year":
        bounds = [date(end.year - k, 12, 31) for k in range(1, years)]
    else:
        bounds = [end - relativedelta(years=k) for k in range(1, years)]
    bounds = [b for b in bounds if b >= start]
    edges = [*reversed(bounds), end]
    out: list[tuple[date, date]] = []
    first = start
    for last in edges:
        out.append((first, last))
        first = last + ONE_DAY
    return out


def yearly_deadline(year_end: date, month_day: tuple[int, int]) -> date:
    """The first (month, day) after *year_end* (R-ISACA-3: 2022-12-31 with 01-15 -> 2023-01-15)."""
    month, day = month_day
    candidate = date(year_end.year, month, day)
    return candidate if candidate > year_end else date(year_end.year + 1, month, day)


def dates_in_range(record: Record, as_of: date) -> list[Problem]:
    """Dates so early that counting cycle years or windows back would leave the calendar.

    Dates after the year 9000 are refused before, by :func:`recert.core.bounds.check_record`.
    """
    return [
        Problem(path, f"{value.isoformat()} is before the year {FIRST_YEAR_FIXED}")
        for path, value in dated_fields(record, as_of)
        if value.year < FIRST_YEAR_FIXED
    ]
