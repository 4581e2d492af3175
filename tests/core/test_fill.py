"""The earning search (``engine._fill``) gives the depth-first search's answer, in bounded time.

The reference below is the search recert used before issue 17: slots in
order, passes latest first, backtracking. It is exponential on adversarial
input; ``_fill`` must give the very same filling (or none) without it.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from recert.core.engine._earning import _fill
from recert.core.requirements import PassFact

TODAY = date(2025, 6, 1)


def reference(slots: tuple[tuple[str, ...], ...], usable: list[PassFact],
              todays: set[PassFact]) -> tuple[PassFact, ...] | None:
    newest = sorted(usable, key=lambda p: p.passed_on, reverse=True)

    def fill(index: int, taken: tuple[PassFact, ...]) -> tuple[PassFact, ...] | None:
        if index == len(slots):
            return taken if todays.intersection(taken) else None
        for candidate in newest:
            if candidate.code in slots[index] and candidate not in taken:
                found = fill(index + 1, (*taken, candidate))
                if found is not None:
                    return found
        return None

    return fill(0, ())


CODES = ("A", "B", "C", "D")
passes = st.builds(PassFact, st.sampled_from(CODES), st.just("core"),
                   st.integers(-4, 1).map(lambda d: TODAY + timedelta(days=d)))
slots = st.lists(st.lists(st.sampled_from(CODES), min_size=1, max_size=3, unique=True).map(tuple),
                 min_size=0, max_size=4).map(tuple)


@given(slots, st.lists(passes, max_size=9))
def test_fill_gives_the_depth_first_search_s_answer(
        shape: tuple[tuple[str, ...], ...], usable: list[PassFact]) -> None:
    todays = {p for p in usable if p.passed_on == TODAY}
    assert _fill(shape, usable, todays) == reference(shape, usable, todays)


def test_fill_takes_the_latest_passes_and_one_from_today() -> None:
    a_old, a_new = PassFact("A", "core", date(2025, 1, 1)), PassFact("A", "core", date(2025, 5, 1))
    b_today = PassFact("B", "core", TODAY)
    # Slot 1 must take B today; slot 0 takes the latest A.
    assert _fill((("A",), ("A", "B")), [a_old, b_today, a_new], {b_today}) == (a_new, b_today)
    # Without a pass from today there is no filling.
    assert _fill((("A",), ("A",)), [a_old, a_new], {b_today}) is None


def test_fill_of_a_slot_no_pass_fits_is_quick() -> None:
    # ENCOR every day for six years and no concentration: the old search took O(n^2) per call.
    usable = [PassFact("350-401", "core", TODAY - timedelta(days=i)) for i in range(2200)]
    start = time.process_time()
    found = _fill((("350-401",), ("300-410", "300-415")), usable, {usable[0]})
    assert found is None
    assert time.process_time() - start < 0.5
