"""The fixed-cycle primitives one by one, with dates worked out by hand (programs.md section 1)."""

from __future__ import annotations

from datetime import date

import pytest

from recert.core.cycles.counting import CycleRun, step_down
from recert.core.cycles.dates import cycle_years, first_end, next_end, yearly_deadline
from recert.core.cycles.model import Cap, Lifecycle, Program, Span, Window

D = date
ANNIVERSARY = Lifecycle(cycle="fixed")
CALENDAR = Lifecycle(cycle="fixed", calendar="calendar_year")


def test_first_end_of_an_anniversary_cycle() -> None:
    # R-FC-1: 2022-04-10 + 3 y = 2025-04-10; 2024-02-29 + 3 y = 2027-02-28 (D-DATE-1, relativedelta).
    assert first_end(D(2022, 4, 10), None, 3, ANNIVERSARY) == D(2025, 4, 10)
    assert first_end(D(2024, 2, 29), None, 3, ANNIVERSARY) == D(2027, 2, 28)
    # A given expires_on wins.
    assert first_end(D(2022, 4, 10), D(2025, 1, 1), 3, ANNIVERSARY) == D(2025, 1, 1)


def test_first_end_of_a_calendar_cycle() -> None:
    # R-ISACA-1: 1 January starts a period: 2022-01-01 -> 31 Dec of 2022 + 2 = 2024-12-31;
    # any other day: 2021-06-15 -> 31 Dec of 2021 + 3 = 2024-12-31; 2021-12-31 -> 2024-12-31.
    assert first_end(D(2022, 1, 1), None, 3, CALENDAR) == D(2024, 12, 31)
    assert first_end(D(2021, 6, 15), None, 3, CALENDAR) == D(2024, 12, 31)
    assert first_end(D(2021, 12, 31), None, 3, CALENDAR) == D(2024, 12, 31)


def test_next_end_does_not_drift_back_to_29_february() -> None:
    # R-FC-2: 2024-02-29 -> 2027-02-28 -> 2030-02-28 (relativedelta of E, not of S), never 2030-03-01.
    first = first_end(D(2024, 2, 29), None, 3, ANNIVERSARY)
    assert first == D(2027, 2, 28)
    assert next_end(first, 3) == D(2030, 2, 28)
    # A leap-day end stays as relativedelta gives it: 2028-02-29 + 3 y = 2031-02-28.
    assert next_end(D(2028, 2, 29), 3) == D(2031, 2, 28)


def test_cycle_years_are_counted_back_from_the_end() -> None:
    # R-FC-7, E = 2025-04-10: year 3 = (2024-04-10, 2025-04-10], year 2 = (2023-04-10, 2024-04-10],
    # year 1 = [2022-04-10, 2023-04-10].
    assert cycle_years(D(2022, 4, 10), D(2025, 4, 10), 3, ANNIVERSARY) == [
        (D(2022, 4, 10), D(2023, 4, 10)),
        (D(2023, 4, 11), D(2024, 4, 10)),
        (D(2024, 4, 11), D(2025, 4, 10)),
    ]


def test_calendar_cycle_years_put_the_stub_in_year_1() -> None:
    # D-ISACA-3: certified 2021-06-15, E = 2024-12-31: year 1 = 2021-06-15 .. 2022-12-31 (stub + 2022).
    assert cycle_years(D(2021, 6, 15), D(2024, 12, 31), 3, CALENDAR) == [
        (D(2021, 6, 15), D(2022, 12, 31)),
        (D(2023, 1, 1), D(2023, 12, 31)),
        (D(2024, 1, 1), D(2024, 12, 31)),
    ]


def test_a_short_cycle_has_fewer_years() -> None:
    # A given end one year and a half after the start: bounds E - 1 y = 2024-06-30 >= start, E - 2 y not.
    assert cycle_years(D(2024, 1, 1), D(2025, 6, 30), 3, ANNIVERSARY) == [
        (D(2024, 1, 1), D(2024, 6, 30)),
        (D(2024, 7, 1), D(2025, 6, 30)),
    ]


def test_yearly_deadline_is_the_next_such_day() -> None:
    # R-ISACA-3: hours of 2022 by 2023-01-15 (inclusive, D-ISACA-4).
    assert yearly_deadline(D(2022, 12, 31), (1, 15)) == D(2023, 1, 15)
    # A year ending 2023-04-10 with 06-30: the same year's 30 June is after it.
    assert yearly_deadline(D(2023, 4, 10), (6, 30)) == D(2023, 6, 30)


@pytest.mark.parametrize(
    ("window", "end", "last"),
    [
        # ISC2: E + 90 days (timedelta): 2025-06-01 + 90 d = 2025-08-30.
        (Window(Span(days=90)), D(2025, 6, 1), D(2025, 8, 30)),
        # PMI: E + 1 year (relativedelta): 2023-02-28 + 1 y = 2024-02-28, not 2024-02-29.
        (Window(Span(years=1)), D(2023, 2, 28), D(2024, 2, 28)),
        # CompTIA: E + 30 days: 2026-02-01 + 30 d = 2026-03-03.
        (Window(Span(days=30)), D(2026, 2, 1), D(2026, 3, 3)),
        # ISACA: until 01-15 after E = 2024-12-31: 2025-01-15.
        (Window(None, until=(1, 15)), D(2024, 12, 31), D(2025, 1, 15)),
    ],
)
def test_window_end(window: Window, end: date, last: date) -> None:
    assert window.end(end) == last


def test_span_moves_by_months_with_relativedelta() -> None:
    # R-ISC2-5's last 6 months of E = 2025-08-31: (2025-02-28, 2025-08-31].
    assert Span(months=6).before(D(2025, 8, 31)) == D(2025, 2, 28)
    assert Span(years=1).after(D(2024, 2, 29)) == D(2025, 2, 28)


def test_step_down_rounds_to_the_step() -> None:
    # R-PMI-7 / D-PMI-2: 12.4 -> 12.25; 22.6 -> 22.5; 0.2 -> 0; whole numbers stay.
    assert step_down(12.4, 0.25) == 12.25
    assert step_down(22.6, 0.25) == 22.5
    assert step_down(0.2, 0.25) == 0
    assert step_down(8, 0.25) == 8
    assert step_down(8.3, None) == 8.3


def _run() -> CycleRun:
    start, end = D(2023, 3, 1), D(2026, 3, 1)
    return CycleRun(start, end, cycle_years(start, end, 3, ANNIVERSARY))


def test_a_per_cycle_cap_counts_the_crossing_activity_in_part() -> None:
    # PMI (R-PMI-4): practitioner cap 8 first, then the Giving Back group cap 25.
    program = Program(groups={"p": "gb", "o": "gb"})
    caps = (Cap(("p",), (), 8), Cap((), ("gb",), 25))
    run = _run()
    assert run.add(caps, program, "p", 10, D(2023, 5, 1), False) == (8, caps[0])  # 10 -> 8: practitioner cap
    assert run.add(caps, program, "o", 15, D(2023, 8, 1), False) == (15, None)  # group 8 + 15 = 23
    assert run.add(caps, program, "o", 5, D(2024, 2, 1), False) == (2, caps[1])  # 25 - 23 = 2 left
    assert run.add(caps, program, "o", 3, D(2024, 3, 1), False) == (0, caps[1])  # nothing left
    assert run.counted == 25
    assert run.group_total(program, "gb") == 25


def test_a_per_year_cap_starts_again_each_cycle_year() -> None:
    # CompTIA R-CT-3: 3 work-experience CEUs per cycle year, 9 per cycle. Cycle 2023-03-01 .. 2026-03-01:
    # year 1 ends 2024-03-01, year 2 2025-03-01, year 3 2026-03-01.
    program = Program()
    caps = (Cap(("w",), (), 3, per="year"), Cap(("w",), (), 9))
    run = _run()
    assert run.add(caps, program, "w", 2, D(2023, 6, 1), False) == (2, None)
    assert run.add(caps, program, "w", 2, D(2024, 2, 1), False) == (1, caps[0])  # year 1: 3 - 2 = 1
    assert run.add(caps, program, "w", 4, D(2024, 3, 2), False) == (3, caps[0])  # year 2 from 2024-03-02
    assert run.add(caps, program, "w", 4, D(2025, 6, 1), False) == (3, caps[0])  # year 3: 3
    assert run.add(caps, program, "w", 1, D(2025, 7, 1), False) == (0, caps[0])  # year 3 full (and 9 in all)
    assert run.by_year == [3, 3, 3]


def test_cap_first_then_the_step() -> None:
    # D-DESIGN-9: 9.9 under a cap with 9.6 left -> 9.6 -> 9.5 with step 0.25.
    program = Program(credit_step=0.25)
    caps = (Cap(("a",), (), 10),)
    run = _run()
    assert run.add(caps, program, "a", 0.4, D(2023, 4, 1), False) == (0.25, None)  # 0.4 -> 0.25
    counted, cap = run.add(caps, program, "a", 9.9, D(2023, 5, 1), False)
    assert (counted, cap) == (9.75, caps[0])  # room 10 - 0.25 = 9.75 < 9.9: 9.75, already on the step
