"""One holding through its fixed cycles: which cycle each activity counts toward, renewals, statuses.

Rules: R-FC-2 (fixed, non-stacking cycles), R-FC-3 (renewal on the first day
everything is met), R-FC-4 and D-FC-1 (window activities in completion order,
one day one batch), R-FC-5 (reporting deadlines), R-FC-6 (caps), R-FC-8
(statuses), R-FC-10 (rollover), R-ISACA-4 (revocation by a short year).
"""

from __future__ import annotations

from datetime import date
from itertools import groupby

import attrs

from recert.core.cycles.counting import CycleRun
from recert.core.cycles.dates import ONE_DAY, cycle_years, first_end, next_end, yearly_deadline
from recert.core.cycles.model import Cap, CreditMinimum, ExamCount, FixedOption, Lifecycle, Program
from recert.core.cycles.requirements import Passes, shortfalls
from recert.core.record import Activity
from recert.core.result import Outcome, Reason

__all__ = ["Decision", "HoldingRun", "Seen"]

_EPS = 1e-9
_MARGIN = 1e-6  # far above float rounding of sums of credits, far below any credit amount


@attrs.define
class Decision:
    """What one holding decided about one activity."""

    outcome: Outcome
    reason: Reason | None
    rule: str
    note: str
    counted: float = 0
    capped: str | None = None
    cycle_end: date | None = None
    rolled_over: float = 0


@attrs.frozen
class Seen:
    """An activity a holding can count, with its claim state as of the evaluation date.

    Attributes:
        index: Its index in the record.
        activity: The activity.
        category: Its category (the policy's default filled in).
        approved: Whether its claim is approved by the evaluation date (else pending).
        named: Whether its ``applies_to`` names this certification.
    """

    index: int
    activity: Activity
    category: str
    approved: bool
    named: bool


@attrs.define
class HoldingRun:
    """The cycles of one holding and what was decided.

    Attributes:
        name: The certification.
        program: The policy's fixed-cycle data.
        lifecycle: The holding's lifecycle.
        years: Cycle length in years.
        options: The fixed-cycle options of the certification.
        caps: Its caps.
        fees_through: Its ``fees_paid_through`` (a follower: the leader's).
        passes: (exam code, date) passes up to the evaluation date.
        as_of: The evaluation date.
        rule_ids: The policy's rule ids (a missing one falls back to R-FC-4).
    """

    name: str
    program: Program
    lifecycle: Lifecycle
    years: int
    options: tuple[FixedOption, ...]
    caps: tuple[Cap, ...]
    fees_through: date | None
    passes: Passes
    as_of: date
    rule_ids: frozenset[str]
    cycles: list[CycleRun] = attrs.field(factory=list)
    decisions: dict[int, Decision] = attrs.field(factory=dict)
    revoked_on: date | None = None
    revoked_last_day: date | None = None
    revoked_by: list[tuple[CreditMinimum, int]] = attrs.field(factory=list)
    leader: HoldingRun | None = None
    earning_codes: frozenset[str] = frozenset()
    earn_days: frozenset[date] = frozenset()
    ids: dict[int, str] = attrs.field(factory=dict)
    pending: dict[int, tuple[CycleRun, float, Seen]] = attrs.field(factory=dict)
    after_day: dict[tuple[int, date], CycleRun] = attrs.field(factory=dict)

    def kept(self) -> set[int]:
        """Activities this holding keeps from lower ones (R-CT-4): those of its cycles that did not lapse."""
        lapsed = {
            c.end
            for c in self.cycles
            if c.renewed_on is None
            and c.aligned_on is None
            and (self.as_of > self.window_end(c.end) or self.revoked_on is not None)
        }
        return {i for i, d in self.decisions.items() if d.cycle_end is not None and d.cycle_end not in lapsed}

    def rid(self, rule: str) -> str:
        return rule if rule in self.rule_ids else "R-FC-4"

    def new_cycle(self, start: date, end: date) -> CycleRun:
        run = CycleRun(start, end, cycle_years(start, end, self.years, self.lifecycle))
        self.cycles.append(run)
        return run

    def window_end(self, end: date) -> date:
        return self.lifecycle.window.end(end) if self.lifecycle.window is not None else end

    def allows(self, what: str) -> bool:
        return self.lifecycle.window is not None and what in self.lifecycle.window.allows

    def deadline(self, run: CycleRun, completed: date) -> date:
        """The last day a claim of an activity completed on *completed* may be made (R-FC-5)."""
        kind = self.lifecycle.deadline_kind
        if kind == "yearly" and self.lifecycle.reporting.yearly_by is not None:
            last = run.years[run.year_of(completed)][1]
            return yearly_deadline(last, self.lifecycle.reporting.yearly_by)
        return self.window_end(run.end) if kind == "window" else run.end

    # ------------------------------------------------------------------ the replay

    def run(self, start: date, end: date, seen: list[Seen]) -> None:
        """Count *seen* (completed by the evaluation date) into the cycles from [start, end]."""
        self.new_cycle(start, end)
        # Same day: earlier claim, then lower id (D-DUP-1's order), never the record's order.
        ordered = sorted(seen, key=lambda s: (s.activity.completed_on, s.activity.claimed_on, s.activity.id))
        by_day = {day: list(batch) for day, batch in groupby(ordered, key=lambda s: s.activity.completed_on)}
        pass_days = {d for _, d in self.passes if d >= start}  # exam options are met on pass days (R-CT-5)
        # A follower whose own credits were met first renews on its leader's renewal day (R-ISC2-8,
        # D-DESIGN-7): that day is looked at even when none of the follower's activities is on it.
        lead_days = {c.renewed_on for c in self.leader.cycles if c.renewed_on} if self.leader else set()
        for day in sorted(by_day.keys() | pass_days | lead_days):
            self._check_revocation(day)
            self._earn_again(day)
            run = self._advance(day)
            items = by_day.get(day, [])
            if self.revoked_on is not None or day < self.cycles[0].start or run is None:
                for s in items:
                    self._outside(s, day)
                continue
            # Exam passes before the day's activities (as D-DAY-1): a restarting renewal on the day
            # opens the new cycle first, so the day's activities count toward it (D-CT-4).
            self._renew(run, day, exams_only=True)
            run = self.cycles[-1] if run.restart is not None else run
            for s in items:
                self._count(s, run)
            if any(s.index in self.pending for s in items):  # the totals a what-if adds to (whatif.py)
                self.after_day[(id(run), day)] = run.counts()
            self._renew(run, day)
        self._check_revocation(self.as_of + ONE_DAY)
        if self.revoked_on is None:
            self._advance(self.as_of)

    def _advance(self, day: date) -> CycleRun | None:
        """The cycle activities completed on *day* count toward, opening renewed cycles' successors."""
        run = self.cycles[-1]
        while day > run.end and run.renewed_on is not None:
            run = self._successor(run)
        if day <= run.end:
            return run
        if self.allows("completing") and day <= self.window_end(run.end):
            return run  # R-FC-4: the ended cycle while it is not renewed
        return None

    def _successor(self, run: CycleRun) -> CycleRun:
        new = self.new_cycle(run.end + ONE_DAY, next_end(run.end, self.years))
        self._roll_over(run, new)
        return new

    def _earn_again(self, day: date) -> None:
        """A certification expired or revoked is earned again on a day its exams are all passed (R-PMI-5, R-CT-7).

        The new cycle runs from that day like a first one (R-FC-1); the lapsed cycles keep
        what they counted (D-FC-4).
        """
        if day not in self.earn_days:
            return
        cur = self.cycles[-1]
        revoked = self.revoked_on is not None and day >= self.revoked_on
        lapsed = cur.renewed_on is None and cur.aligned_on is None and day > self.window_end(cur.end)
        if not (revoked or lapsed):
            return
        if revoked and self.revoked_on is not None and self.revoked_last_day is not None:
            cur.revoked = (self.revoked_on, self.revoked_last_day)
        self.revoked_on, self.revoked_last_day, self.revoked_by = None, None, []
        self.new_cycle(day, first_end(day, None, self.years, self.lifecycle)).earned_again = True

    def _outside(self, s: Seen, day: date) -> None:
        note = f"completed on {day}, inside no cycle of {self.name} that can still take credits"
        if self.revoked_on is not None:
            note = f"completed on {day}, after {self.name} was revoked from {self.revoked_on}"
        self.decisions[s.index] = Decision("rejected", "outside_term", self.rid("R-FC-4"), note)

    def _count(self, s: Seen, run: CycleRun) -> None:
        a = s.activity
        deadline = self.deadline(run, a.completed_on)
        assert a.claimed_on is not None
        if a.claimed_on > deadline:
            self.decisions[s.index] = Decision(
                "rejected",
                "reported_after_deadline",
                self.rid(self.lifecycle.reporting.rule),
                f"claimed on {a.claimed_on}, after the reporting deadline {deadline} of the cycle ending {run.end}",
                cycle_end=run.end,
            )
            return
        if a.item_key in run.items:
            self.decisions[s.index] = Decision(
                "rejected",
                "duplicate_item",
                self.rid("D-DUP-1"),
                f"item {a.item_key!r} already counts in the cycle {run.start} to {run.end}",
                cycle_end=run.end,
            )
            return
        run.items.add(a.item_key)
        if not s.approved:
            # What approving it would change is worked out from here (whatif.py): the cycle, and
            # the room under the caps at this moment (the what-if's state is the same up to here).
            group = self.program.groups.get(s.category)
            self.pending[s.index] = (run, run.room(self.caps, s.category, group, a.completed_on)[0], s)
            rule = self.lifecycle.audit_rule if a.status == "audit" else self.lifecycle.reporting.rule
            self.decisions[s.index] = Decision(
                "pending",
                None,
                self.rid(rule),
                f"claimed on {a.claimed_on} ({a.status or 'pending'}), not approved by {self.as_of}; "
                f"once approved it counts from {a.completed_on} toward the cycle ending {run.end}",
                cycle_end=run.end,
            )
            return
        counted, cap = run.add(self.caps, self.program, s.category, a.credits, a.completed_on, s.named)
        reason: Reason | None = (
            None if cap is None else ("annual_cap" if cap.per == "year" else "category_cap")
        )
        if counted <= _EPS and cap is not None:
            self.decisions[s.index] = Decision(
                "rejected",
                reason,
                self.rid(cap.rule),
                f"nothing left under the cap of {cap.max:g} ({cap.per}) when completed on {a.completed_on}",
                capped=reason,
                cycle_end=run.end,
            )
            return
        note = f"counts {counted:g} toward the cycle {run.start} to {run.end}"
        if cap is not None:
            note += f" ({a.credits:g} capped at the {cap.per} cap of {cap.max:g})"
        self.decisions[s.index] = Decision(
            "counted", None, self.rid("R-FC-4"), note, counted, reason, run.end
        )
        run.members.append((s.index, counted, s.category, a.completed_on))
        self.ids[s.index] = a.id

    def _renew(self, run: CycleRun, day: date, *, exams_only: bool = False) -> None:
        """Renew *run* on *day* when an option is met (R-FC-3); a follower needs its leader renewed."""
        if run.renewed_on is not None:
            return
        if self.leader is not None:
            twin = next((c for c in self.leader.cycles if c.end == run.end), None)
            if twin is None or twin.renewed_on is None or twin.renewed_on > day:
                return
        for option in self.options:
            if exams_only and not all(isinstance(r, ExamCount) for r in option.requirements):
                continue
            if not shortfalls(
                option,
                run,
                self.program,
                fees_through=self.fees_through,
                passes=self.passes,
                day=day,
                name=self.name,
                earning_codes=self.earning_codes,
            ):
                run.renewed_on, run.renewed_by, run.renewed_rule = day, option.label, option.rule
                run.first_renewed_on = day
                if option.restarts:  # D-CT-4: a new cycle from the day itself, never shorter
                    run.restart = day
                    self.new_cycle(day, max(next_end(day, self.years), run.end))
                return

    def align(self, day: date, end: date, by: str) -> bool:
        """R-CT-6 / D-CT-5: the cycle active on *day* runs to *end* if that is later than its latest
        end (the renewed next end when it was renewed by *day*); never a revival.

        A renewal of that cycle after *day* stays: it renews the aligned cycle, and the cycles
        after it follow the new end (:meth:`_follow`). Returns whether anything changed
        (D-DESIGN-2: the start stays, ``served_by`` is *by*).
        """
        run = next((c for c in reversed(self.cycles) if c.start <= day <= c.end), None)
        if run is None or self.revoked_on is not None:
            return False
        before = run.renewed_on is not None and run.renewed_on <= day
        if end <= (self.next_end_of(run) if before else run.end):
            return False
        at = self.cycles.index(run)
        if before:
            self.cycles = self.cycles[: at + 1]
            run.renewed_on, run.renewed_by, run.restart = None, None, None
        run.end = end
        run.aligned_on, run.aligned_by = day, by
        run.alignments.append((day, by, end))
        self._follow(at)
        return True

    def _follow(self, at: int) -> None:
        """The cycles renewed one from the other after ``cycles[at]`` run from its end (R-FC-2, D-CT-4).

        One that now starts after the evaluation date is not open yet (as ``_advance``); one
        earned again after a cycle that no longer lapsed before it is dropped, as before the
        alignment (its exam passes renewed nothing in the replay, R-PMI-5).
        """
        for i in range(at + 1, len(self.cycles)):
            prev, nxt = self.cycles[i - 1], self.cycles[i]
            if prev.renewed_on is None:  # the next one was earned again, not renewed
                if nxt.start <= self.window_end(prev.end):
                    del self.cycles[i:]
                return
            if prev.restart is not None:
                nxt.end = max(nxt.end, prev.end)
            else:
                nxt.start, nxt.end = prev.end + ONE_DAY, next_end(prev.end, self.years)
            if nxt.start > self.as_of:
                del self.cycles[i:]
                return

    def next_end_of(self, run: CycleRun) -> date:
        """The end of the cycle after a renewed *run* (R-FC-2; a restarting option: its own cycle, D-CT-4)."""
        later = [c for c in self.cycles if c.start > run.start]
        if run.restart is not None and later:
            return later[0].end
        return next_end(run.end, self.years)

    def _check_revocation(self, before: date) -> None:
        """R-ISACA-4: a year short at its deadline revokes the holding the day after the deadline."""
        if self.revoked_on is not None or self.lifecycle.reporting.yearly_by is None:
            return
        mins = [
            r
            for o in self.options
            for r in o.requirements
            if isinstance(r, CreditMinimum) and r.per_year and r.on_miss == "revoke"
        ]
        run = self.cycles[-1]
        if not mins or run.renewed_on is not None:
            return
        for i, (_, last) in enumerate(run.years):
            deadline = yearly_deadline(last, self.lifecycle.reporting.yearly_by)
            if deadline >= before or deadline >= self.as_of:  # revoked from the day after, never before as_of
                continue
            short = [r for r in mins if run.by_year[i] < r.credits - _EPS]
            if short:
                self.revoked_on = deadline + ONE_DAY
                self.revoked_last_day = run.end if last == run.end else deadline
                self.revoked_by = [(short[0], i)]
                return

    def _roll_over(self, old: CycleRun, new: CycleRun) -> None:
        """R-FC-10: up to R credits of the renewed cycle count again in year 1 of *new*, newest first."""
        if self.lifecycle.rollover is None or old.renewed_on is None or self.leader is not None:
            return  # a follower's credits are its leader's: no rollover of its own (R-ISC2-8)
        old.rolled_out = True
        takes, _ = self.rollover_takes(old)
        for index, category, take in takes:
            self.decisions[index].rolled_over += take
            new.put(category, take, 0)
            new.rolled_in += take

    def rollover_takes(
        self, old: CycleRun, watched: str | None = None
    ) -> tuple[list[tuple[int, str, float]], bool]:
        """The (activity index, category, credits) rolled over from the renewed *old*, in order (R-FC-10).

        With *watched* (a category), also whether the excess of a minimum covering that
        category was ever the binding limit of a take, or within ``_MARGIN`` of it: when it
        never was, more credits of *watched* in *old* roll over exactly the same (whatif.py).
        """
        rollover = self.lifecycle.rollover
        assert rollover is not None
        option = next((o for o in self.options if o.label == old.renewed_by), None)
        mins = [
            r
            for r in (option.requirements if option else ())
            if isinstance(r, CreditMinimum) and not r.per_year and not r.named
        ]
        from_day = rollover.within.before(old.end)
        eligible = [
            m
            for m in old.members
            if from_day < m[3] <= old.end and (not rollover.categories or m[2] in rollover.categories)
        ]
        left = rollover.max if rollover.max is not None else float("inf")
        excess = {id(r): self._have(r, old) - r.credits for r in mins}
        close = False
        takes: list[tuple[int, str, float]] = []
        for index, counted, category, _ in sorted(eligible, key=lambda m: (m[3], m[0]), reverse=True):
            covering = [r for r in mins if self._covers(r, category)]
            take = min(left, counted, *(excess[id(r)] for r in covering))
            if watched is not None:
                near = [excess[id(r)] for r in covering if self._covers(r, watched)]
                rest = min(left, counted, *(excess[id(r)] for r in covering if not self._covers(r, watched)))
                close = close or (rest > _EPS and bool(near) and min(near) < rest + _MARGIN)
            if take <= _EPS:
                continue
            left -= take
            for r in covering:
                excess[id(r)] -= take
            takes.append((index, category, take))
        return takes, close

    def _covers(self, req: CreditMinimum, category: str) -> bool:
        if req.groups:
            return self.program.groups.get(category) in req.groups
        return not req.categories or category in req.categories

    def _have(self, req: CreditMinimum, run: CycleRun) -> float:
        if req.groups:
            return sum(run.group_total(self.program, g) for g in req.groups)
        if req.categories:
            return sum(run.categories.get(c, 0.0) for c in req.categories)
        return run.counted
