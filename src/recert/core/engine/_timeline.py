"""The timeline: the record's facts by day, replayed in date order (D-DAY-1, D-ASOF-1).

A day is replayed when it has facts or when something happens on it: a term
ends (the day after its expiration date, R-VAL-1), a suspension or Emeritus
year ends, a retirement takes effect (R-RET-1), an Emeritus grant starts
(R-EMER-1) or a policy version comes into force (D-VERSION-1).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date

from dateutil.relativedelta import relativedelta

from recert.core.bounds import Work
from recert.core.engine._earning import Earning
from recert.core.engine._explain import finish_outcomes
from recert.core.engine._renewal import Cascade
from recert.core.engine._resolve import ResolvedRecord
from recert.core.engine._state import (
    ACTIVE,
    EMERITUS,
    ONE_DAY,
    SUSPENDED,
    Claim,
    Day,
    OwnLog,
    Timeline,
)
from recert.core.policy import Policy

_NO_FACTS = Day()  # a day on which only terms end (never changed)


class Replay(Earning):
    """One replay of a record up to ``as_of``: the days in date order, each in the order of D-DAY-1."""

    def __init__(self, policy: Policy, facts: ResolvedRecord, as_of: date) -> None:
        self.policy = policy
        self.current = policy.version_on(as_of)
        self.params = self.current.parameters
        self.earning_window = relativedelta(years=self.params.earning_window_years)
        self.versions_used = set()
        self.facts = facts
        self.as_of = as_of
        self.certs = {}
        self.events = []
        self.passes = [p for p in facts.passes if p.passed_on <= as_of]
        self.seen = []
        self.explain = True
        self.work = None
        self.qualifying = {}
        self.dates = {}
        self.window_start = 0
        self.window_edge = None
        self.entries = []
        self.outcomes = {}
        self.open = []
        self.recert_day = {}
        self.direct_on = {}
        self.headroom = OwnLog()
        self.emeritus_done = False
        self.day = None
        self._order = None
        self.problems = []
        by_day: defaultdict[date, Day] = defaultdict(Day)
        for term in facts.holdings:
            if term.term_started_on <= as_of:
                by_day[term.term_started_on].starts.append(term)
        for exam_pass in self.passes:
            by_day[exam_pass.passed_on].passes.append(exam_pass)
        for claim in self._claimed_entries():
            by_day[claim.arrival].arrivals.append(claim)
        self.timeline = Timeline(dict(by_day))
        self.has_pending_claims = any(not e.approved for e in self.entries)  # what-ifs need the headroom

    def run(
        self,
        fork_on: set[date] | frozenset[date] = frozenset(),
        *,
        outcomes: bool = True,
        watch: Callable[[Replay, date], bool] | None = None,
        copies: Work | None = None,
    ) -> dict[date, Replay]:
        """Replay from where it stands up to ``as_of``; then decide each activity's outcome if *outcomes*.

        *watch*, if given, is called at the start of each day (after the day's
        copy is taken, before its steps); when it returns True the replay stops
        there, without outcomes (a what-if that stops early, R-CE-3).
        Each day replayed is charged to ``self.work`` when set, each copy taken
        for *fork_on* to *copies* when given (issue 17: a bounded cost).

        Returns:
            For each day in *fork_on* the replay reaches: a copy taken at the
            start of that day (before its steps), to run what-ifs from (R-CE-3).
        """
        forks: dict[date, Replay] = {}
        waiting = sorted(fork_on, reverse=True)
        work = self.work
        while True:
            boundary = self._next_boundary()
            timeline = self.timeline
            fact_day = timeline.days[timeline.position] if timeline.position < len(timeline.days) else None
            # The earlier of the two that exist (an if, not ``min`` over a generator: every step).
            if fact_day is not None and (boundary is None or fact_day < boundary):
                today = fact_day
            elif boundary is not None:
                today = boundary
            else:
                break
            if today > self.as_of:
                break
            while waiting and waiting[-1] <= today:
                if copies is not None:
                    copies.copy(self.size())
                forks[waiting.pop()] = self.fork()
            if watch is not None and watch(self, today):
                return forks
            facts = timeline.take() if fact_day == today else _NO_FACTS
            if work is not None:
                work.day(len(self.certs), len(facts.passes))
            self._day(today, facts)
        if outcomes:
            finish_outcomes(self)
        return forks

    def _next_boundary(self) -> date | None:
        """The next day a term ends (expiration + 1 day) or a retirement takes effect."""
        # A running minimum (no list, no generator): this runs before every step of the replay.
        best: date | None = None
        for c in self.certs.values():
            status = c.status
            if status is ACTIVE:
                end = c.expires
            elif status is SUSPENDED:
                end = c.suspended_until
            elif status is EMERITUS:
                end = c.emeritus_until
            else:
                end = None
            if end is not None:
                end += ONE_DAY
                if best is None or end < best:
                    best = end
            if not c.retired and c.retired_on is not None and (best is None or c.retired_on < best):
                best = c.retired_on
        grant = self.facts.emeritus_on
        if grant is not None and not self.emeritus_done and (best is None or grant < best):
            best = grant
        policy = self.policy
        if self.certs and policy.earlier:
            # A new policy version starts: its options may be met that day (D-VERSION-1).
            for v in (*policy.earlier, policy):
                start = v.effective_from
                if (
                    start is not None
                    and (self.day is None or start > self.day)
                    and (best is None or start < best)
                ):
                    best = start
        return best

    def _day(self, today: date, facts: Day) -> None:
        """One day in the order of D-DAY-1: terms end, then terms start, exams pass, credits arrive."""
        self.day = today
        changed = self._enter_version(today)
        changed = self._end_terms(today) or changed
        if self.facts.emeritus_on == today and not self.emeritus_done:
            self._grant_emeritus(today)
        if changed:
            self._check(today)
        if facts.starts:
            # Same-day terms start in a defined order, highest level first, then by name, so
            # that the result never depends on the order of the record's lists.
            starts = facts.starts
            if len(starts) > 1:  # (one term, the usual case: nothing to sort)
                starts = sorted(starts, key=lambda t: (-self.policy.level(t.cert.level).rank, t.cert.name))
            started = [self._start_holding(today, term) for term in starts]
            if len(started) > 1:
                started.sort(key=lambda c: (-c.rank, c.name))
            # A term given by the record is an earning or recertification on its first day and
            # cascades like any other (D-CASC-2); a cascade never shortens a term (R-CASC-1).
            pool_rank = self._pool_rank()
            for state in started:
                if not state.retired:
                    self._cascade(state, today, pool_rank, strictly_below=False, held=True)
            self._check(today)
        passes = facts.passes
        if passes:
            self.seen.extend(passes)
            before = self._pool_rank()
            earned = self._earn(today, passes, again=False)
            self._check(today, [Cascade(cert, before, True) for cert in earned])
            again = self._earn(today, passes, again=True)
            if again:
                self._check(today, [Cascade(cert, before, False) for cert in again])
        if facts.arrivals:
            arrivals = facts.arrivals
            for entry in sorted(arrivals, key=Claim.sort_key) if len(arrivals) > 1 else arrivals:
                self._arrive(today, entry)
            self._check(today)
