"""Earning: exam passes that complete a certification's earning rule (spec section 7).

Rules: R-OPT-2 (earned on the last pass), D-EXAM-1 (the earning passes never renew it),
D-EXAM-2 (earning again recertifies), R-RET-1 (no new retired certifications), the
earning window.
"""

from __future__ import annotations

from datetime import date

from recert.core.engine._renewal import Renewal
from recert.core.engine._state import (
    CertState,
)
from recert.core.engine._terms import years_text
from recert.core.policy import Certification
from recert.core.requirements import PassFact
from recert.core.result import (
    Uses,
)


class Earning(Renewal):
    """Exam passes that complete an earning rule earn (or earn again) a certification."""

    def _earn(self, today: date, todays: list[PassFact], *, again: bool) -> list[CertState]:
        """Certifications whose earning rule today's passes complete (spec section 7, R-OPT-2, D-EXAM-2).

        With ``again=False``: certifications not held, or expired (only the full
        earning rule brings them back, R-DATE-2). With ``again=True``: active
        ones not recertified today by an option; earning again recertifies them,
        with passes inside the current term only (R-OPT-1, D-EXAM-2).
        """
        window = self.earning_window
        out: list[CertState] = []
        # Passes are seen in date order and "passed_on + window >= today" holds from some pass on
        # (adding calendar years never goes back), and days only move forward: the first such
        # pass is where it was last time or later, so each pass's date arithmetic is done about
        # once per replay, not once per pass and day (bounded cost).
        # The last day of the window of the pass at the pointer is kept with it (``window_edge``),
        # so a day whose passes earn nothing does no date arithmetic at all.
        seen = self.seen
        first = self.window_start
        edge = self.window_edge
        while first < len(seen):
            if edge is None:
                edge = seen[first].passed_on + window
            if edge >= today:
                break
            first += 1
            edge = None
        self.window_start, self.window_edge = first, edge
        recent = seen[first:]
        for cert in self.policy.earned_with({p.code for p in todays}):
            if cert.retired_on is not None and cert.retired_on <= today:
                continue  # no new ones are issued (R-RET-1)
            state = self.certs.get(cert.name)
            held = state is not None and state.active
            if held != again:
                continue
            if state is not None and held:
                if state.expires is None or state.retired or self.recert_day.get(cert.name) == today:
                    continue
                if state.term_started_on == today:
                    # The same day's term start: these passes earned that term (D-EXAM-1).
                    state.used_passes.update(p for p in todays if cert.earned_with(p.code))
                    continue
            usable = [
                p
                for p in recent
                if (state is None or p not in state.used_passes)
                and (not again or state is None or state.term_started_on < p.passed_on)
            ]
            for rule in cert.earned_by:
                chosen = _fill(rule.slots, usable, set(todays))
                if chosen is not None:
                    out.append(self._earned(cert, today, chosen, state, rule.label))
                    break
        return out

    def _earned(
        self,
        cert: Certification,
        today: date,
        chosen: tuple[PassFact, ...],
        state: CertState | None,
        label: str,
    ) -> CertState:
        level = self.policy.level(cert.level)
        uses = Uses((), tuple(p.key for p in chosen))
        how = label or " + ".join(p.code for p in chosen)
        if state is not None and state.active:
            old = state.expires
            state.start_term(today, state.expiration_from(today))
            state.recertified_on, state.recertified_by = today, f"earned again: {how}"
            state.rule, state.how = "D-EXAM-2", f"recertified on {today} by earning it again ({how})"
            state.used_passes.update(chosen)
            self.recert_day[cert.name] = self.direct_on[cert.name] = today
            if self.explain:  # a what-if's events are never read (R-CE-3)
                self._event(
                    today,
                    "recertified",
                    cert.name,
                    "D-EXAM-2",
                    f"{cert.name} earned again on {today} with {', '.join(p.key for p in chosen)}: new term "
                    f"{today} to {state.expires}; previous expiration date {old}",
                    uses,
                )
            if self._resets(state, self._pool_rank()):
                self._reset_pool(state, today, [])
            self._refresh(state, today)
            return state
        # Earned anew: continuity (R-EMER-1's 10 and 20 years) starts again today.
        fresh = self._new_state(cert, today, cert.retired_on, today)
        fresh.expires = fresh.expiration_from(today)
        if state is not None:  # its earlier terms, for the claim anchor's reasons (D-REASON-1)
            fresh.past_terms = (*state.past_terms, (state.term_started_on, state.expires))
        fresh.used_passes.update(chosen)  # D-EXAM-1: the earning passes never renew it
        fresh.how = f"earned on {today} ({how})"
        self.certs[cert.name] = fresh
        self._order = None
        back = " again after it expired" if state is not None else ""
        self._event(
            today,
            "earned",
            cert.name,
            "R-OPT-2",
            f"{cert.name} ({level.name}) earned{back} on {today} with {', '.join(p.key for p in chosen)}"
            + (
                f"; expires on {fresh.expires} ({today} + {years_text(fresh, today)})"
                if fresh.expires
                else "; no expiration date (lifetime)"
            ),
            uses,
        )
        return fresh


def _fill(
    slots: tuple[tuple[str, ...], ...], usable: list[PassFact], todays: set[PassFact]
) -> tuple[PassFact, ...] | None:
    """Fill every slot with a distinct pass, at least one of them from today; latest passes first.

    The answer is the first filling in the order of a depth-first search that
    tries the slots in order and, in each, the passes latest first (ties in
    *usable*'s order). It is found slot by slot, without backtracking: each slot
    takes the first pass after which the remaining slots can still be filled
    (:func:`_completes`, a small matching problem). The cost grows linearly with
    the passes, not with their combinations.
    """
    if not slots:
        return None
    # Only today's passes can satisfy "at least one from today": without one that fits a slot,
    # nothing does (and the common case ends here, before any sorting).
    if not any(p.code in slot for slot in slots for p in todays):
        return None
    # Each slot needs a pass of one of its codes: without one, nothing fills it (exact, and cheap
    # next to the sort below when a pass is repeated every day).
    present = {p.code for p in usable}
    if not all(any(code in present for code in slot) for slot in slots):
        return None
    codes = {code for slot in slots for code in slot}
    newest = sorted((p for p in usable if p.code in codes), key=lambda p: p.passed_on, reverse=True)
    # A pass equal to one already taken can never be taken again: keep the first of equals.
    newest = list(dict.fromkeys(newest))
    candidates = [[p for p in newest if p.code in slot] for slot in slots]
    today_candidates = [[p for p in these if p in todays] for these in candidates]
    if not _completes(range(len(slots)), [], False, candidates, today_candidates):
        return None  # checked once, so that no slot below tries every pass in vain
    chosen: list[PassFact] = []
    for index, these in enumerate(candidates):
        rest = range(index + 1, len(slots))
        for candidate in these:
            if candidate in chosen:
                continue
            taken = [*chosen, candidate]
            if _completes(rest, taken, any(p in todays for p in taken), candidates, today_candidates):
                chosen = taken
                break
        else:
            return None
    return tuple(chosen)


def _completes(
    rest: range,
    taken: list[PassFact],
    has_today: bool,
    candidates: list[list[PassFact]],
    today_candidates: list[list[PassFact]],
) -> bool:
    """Whether the slots *rest* can take distinct passes not in *taken*, one from today if none is yet."""
    if has_today:
        return _matching(list(rest), taken, candidates)
    for slot in rest:
        for today in today_candidates[slot]:
            if today not in taken and _matching([s for s in rest if s != slot], [*taken, today], candidates):
                return True
    return False


def _matching(slots: list[int], taken: list[PassFact], candidates: list[list[PassFact]]) -> bool:
    """Whether every slot of *slots* can take a distinct pass of its candidates, none in *taken*.

    A slot needs only its first ``len(slots)`` candidates not taken: whichever
    passes the other slots hold, one of those is free. So the matching (Kuhn's
    augmenting paths) stays as small as the number of slots.
    """
    options: list[list[PassFact]] = []
    for slot in slots:
        free = []
        for p in candidates[slot]:
            if p not in taken:
                free.append(p)
                if len(free) == len(slots):
                    break
        if not free:
            return False
        options.append(free)
    holder: dict[PassFact, int] = {}

    def place(i: int, seen: set[PassFact]) -> bool:
        for p in options[i]:
            if p in seen:
                continue
            seen.add(p)
            if p not in holder or place(holder[p], seen):
                holder[p] = i
                return True
        return False

    return all(place(i, set()) for i in range(len(options)))
