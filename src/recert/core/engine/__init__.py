"""The replay: :func:`evaluate` decides a record by replaying its facts day by day.

Each day is handled in the order of D-DAY-1: terms whose expiration date was
the day before end (and retirements dated that day take effect), then terms
given by the record start, then the day's exam passes as one batch, then the
day's CE activities as one batch. After each step every active certification
is asked whether one of its options is met; a met option recertifies it on
that day (R-DATE-1), cascades down the ladder (R-CASC-1) and, at the pool's
level, resets the pool (R-CE-5).

The replay is pure: it reads the record and the policy and returns frozen
result objects. Mutable bookkeeping lives in :mod:`recert.core.engine._state` and never
leaves the call.
"""

from __future__ import annotations

import copy
import difflib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from dateutil.relativedelta import relativedelta

from recert.core.engine._state import ONE_DAY, CertState, Entry, validity_for
from recert.core.policy import Certification, Policy
from recert.core.record import Activity, Record
from recert.core.requirements import Exams, Facts, OptionAssessment, PassFact, format_credits
from recert.core.result import (
    ActivityOutcome,
    CertificationStatus,
    Evaluation,
    Event,
    EventKind,
    ExamGap,
    NextStep,
    OptionGap,
    PoolState,
    Uses,
)
from recert.exceptions import Problem, RecordError

__all__ = ["evaluate"]


def evaluate(record: Record, *, as_of: date | None = None, policy: Policy) -> Evaluation:
    """Decide what is active, what expires when, what renewed what, and what is missing.

    A pure function: the same record, date and policy give the same result,
    whatever the order of the record's lists; facts dated after *as_of* are
    ignored (D-ASOF-1).

    Args:
        record: The person's holdings, exam passes and CE activities.
        as_of: The evaluation date; defaults to ``record.as_of``.
        policy: The policy (the core has no default: :func:`recert.evaluate`
            fills in the embedded Cisco CE policy).

    Returns:
        An :class:`~recert.core.result.Evaluation`: each certification's status,
        term and expiration date (inclusive, R-VAL-1); each activity's
        outcome; the CE pool; what is missing for each active ladder
        certification; and the dated events, each with its rule id.

    Raises:
        RecordError: No evaluation date, or names the policy does not know
            (a certification without ``level``, an exam without ``kind``, an
            unknown category or level), every problem with its path.
    """
    day = as_of if as_of is not None else record.as_of
    if day is None:
        raise RecordError([Problem("as_of", "is missing: give as_of to evaluate() or in the record")])
    if type(day) is not date:
        raise TypeError(f"as_of: {day!r} is not a datetime.date (use date.fromisoformat for text)")
    facts = _resolve(record, policy)
    replay = _Replay(policy, facts, day)
    # Copies of the replay at the start of each day a pending claim's credits would arrive:
    # up to that day, approving it changes nothing, so a what-if starts there (R-CE-3).
    forks = replay.run(fork_on={e.arrival for e in replay.entries if not e.approved})
    if replay.problems:
        raise RecordError(replay.problems)
    awaiting = _awaiting(replay, forks)
    return replay.result(record, awaiting)


# --------------------------------------------------------------------------- input


class _Facts:
    """The record resolved against the policy's catalog."""

    def __init__(self) -> None:
        self.holdings: list[tuple[int, Certification, date, date | None, date | None]] = []
        self.passes: list[PassFact] = []
        self.activities: tuple[Activity, ...] = ()
        self.emeritus_on: date | None = None
        self.first_earned: dict[str, date] = {}


def _resolve(record: Record, policy: Policy) -> _Facts:
    """Match names to the catalog; every unknown name is a problem with its path."""
    problems: list[Problem] = []
    facts = _Facts()
    seen: dict[str, int] = {}
    for i, holding in enumerate(record.holdings):
        path = f"holdings[{i}]"
        cert = policy.certification(holding.certification)
        if holding.level is not None and not policy.has_level(holding.level):
            levels = ", ".join(level.name for level in policy.levels)
            problems.append(Problem(f"{path}.level", f"{holding.level!r} is not a level ({levels})"))
            continue
        if cert is None:
            if holding.level is None:
                names = list(dict.fromkeys(policy.certification_names()))
                close = difflib.get_close_matches(holding.certification, names, n=3)
                hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
                problems.append(
                    Problem(
                        f"{path}.certification",
                        f"{holding.certification!r} is not in the catalog and has no level{hint}",
                    )
                )
                continue
            cert = Certification(name=holding.certification, level=holding.level)
        if cert.name in seen:
            problems.append(
                Problem(
                    f"{path}.certification",
                    f"{holding.certification!r} repeats holdings[{seen[cert.name]}] ({cert.name})",
                )
            )
            continue
        seen[cert.name] = i
        retired_on = holding.retired_on or cert.retired_on
        facts.holdings.append((i, cert, holding.earned_on, holding.expires_on, retired_on))
    passes: set[PassFact] = set()
    for i, exam_pass in enumerate(record.exams):
        exam = policy.exam(exam_pass.exam)
        if exam is not None and exam_pass.kind is not None and exam_pass.kind != exam.kind:
            problems.append(
                Problem(
                    f"exams[{i}].kind",
                    f"{exam_pass.kind!r} contradicts the catalog: {exam.code} is {exam.kind}",
                )
            )
        elif exam is not None:
            passes.add(PassFact(exam.code, exam.kind, exam_pass.passed_on))
        elif exam_pass.kind is None:
            problems.append(
                Problem(f"exams[{i}].exam", f"{exam_pass.exam!r} is not in the catalog and has no kind")
            )
        elif exam_pass.kind not in policy.exam_kinds:
            kinds = ", ".join(policy.exam_kinds)
            problems.append(Problem(f"exams[{i}].kind", f"{exam_pass.kind!r} is not an exam kind ({kinds})"))
        else:
            passes.add(PassFact(exam_pass.exam, exam_pass.kind, exam_pass.passed_on))
    facts.passes = sorted(passes, key=lambda p: (p.passed_on, p.code))
    for i, activity in enumerate(record.activities):
        if policy.category(activity.category) is None:
            known = ", ".join(c.name for c in policy.categories)
            problems.append(
                Problem(f"activities[{i}].category", f"{activity.category!r} is not a category ({known})")
            )
    facts.activities = record.activities
    problems += _dates_in_range(record)
    facts.emeritus_on = record.emeritus_on
    for _, cert, start, _, _ in facts.holdings:
        first = record.holdings[seen[cert.name]].first_earned_on
        facts.first_earned[cert.name] = first or start
    if problems:
        raise RecordError(problems)
    return facts


_LAST_YEAR = 9000  # room for terms and windows to be added without leaving datetime's range


def _dates_in_range(record: Record) -> list[Problem]:
    """Dates late enough that adding a term would leave the calendar are refused, not crashed on."""
    out = []
    dated: list[tuple[str, date | None]] = [("as_of", record.as_of), ("emeritus_on", record.emeritus_on)]
    for i, h in enumerate(record.holdings):
        dated += [(f"holdings[{i}].earned_on", h.earned_on), (f"holdings[{i}].expires_on", h.expires_on)]
    dated += [(f"exams[{i}].passed_on", e.passed_on) for i, e in enumerate(record.exams)]
    for i, a in enumerate(record.activities):
        dated += [
            (f"activities[{i}].completed_on", a.completed_on),
            (f"activities[{i}].claimed_on", a.claimed_on),
        ]
    for path, value in dated:
        if value is not None and value.year > _LAST_YEAR:
            out.append(Problem(path, f"{value.isoformat()} is after the year {_LAST_YEAR}"))
    return out


# --------------------------------------------------------------------------- replay


class _Replay:
    """One replay of a record up to ``as_of``; see the module docstring."""

    def __init__(self, policy: Policy, facts: _Facts, as_of: date) -> None:
        self.policy = policy
        self.current = policy.version_on(as_of)
        self.params = self.current.parameters
        self.earning_window = relativedelta(years=self.params.earning_window_years)
        self.versions_used: set[str] = set()
        self.facts = facts
        self.as_of = as_of
        self.certs: dict[str, CertState] = {}
        self.events: list[Event] = []
        self.passes: list[PassFact] = [p for p in facts.passes if p.passed_on <= as_of]
        self.seen: list[PassFact] = []  # passes whose day's exam step has run (D-DAY-1)
        self.entries: list[Entry] = []
        self.outcomes: dict[int, tuple[str, str | None, str, str, str | None]] = {}
        self.open: list[Entry] = []  # approved entries not yet used up everywhere
        self.recert_day: dict[str, date] = {}
        #: The day each certification was last recertified directly (by its own option or earning).
        self.direct_on: dict[str, date] = {}
        #: (day, CE credits minus the fewest any option needs) at each option check with CE credits:
        #: what a pending claim's credits would have to make up for (see ``_cannot_matter``).
        self.headroom: list[tuple[date, float]] = []
        self.emeritus_done = False
        self.day: date | None = None
        self._order: list[CertState] | None = None
        self.problems: list[Problem] = []
        # The timeline: the record's facts by day (step 0 term starts, 1 exam passes, 2 arrivals).
        self.by_day: dict[date, list[tuple[int, object]]] = defaultdict(list)
        for fact in facts.holdings:
            if fact[2] <= as_of:
                self.by_day[fact[2]].append((0, fact))
        for exam_pass in self.passes:
            self.by_day[exam_pass.passed_on].append((1, exam_pass))
        for entry in self._claimed_entries():
            self.by_day[entry.arrival].append((2, entry))
        self.days = sorted(self.by_day)
        self.has_pending_claims = any(not e.approved for e in self.entries)  # what-ifs need the headroom
        self.position = 0  # days[:position] are done

    # ----------------------------------------------------------------- timeline

    def run(
        self, fork_on: set[date] | frozenset[date] = frozenset(), *, outcomes: bool = True
    ) -> dict[date, _Replay]:
        """Replay from where it stands up to ``as_of``; then decide each activity's outcome if *outcomes*.

        Returns:
            For each day in *fork_on* the replay reaches: a copy taken at the
            start of that day (before its steps), to run what-ifs from (R-CE-3).
        """
        forks: dict[date, _Replay] = {}
        waiting = sorted(fork_on, reverse=True)
        while True:
            boundary = self._next_boundary()
            fact_day = self.days[self.position] if self.position < len(self.days) else None
            if boundary is None and fact_day is None:
                break
            today = min(d for d in (boundary, fact_day) if d is not None)
            if today > self.as_of:
                break
            while waiting and waiting[-1] <= today:
                forks[waiting.pop()] = self.copy()
            facts: list[tuple[int, object]] = []
            if fact_day == today:
                facts = self.by_day[today]
                self.position += 1
            self._day(today, facts)
        if outcomes:
            self._finish_outcomes()
        return forks

    def copy(self) -> _Replay:
        """An independent copy of the replay as it stands, sharing only immutable parts."""
        twin = copy.copy(self)
        entries = {id(e): e.copy() for e in self.entries}
        twin.entries = list(entries.values())
        twin.open = [entries[id(e)] for e in self.open]
        twin.certs = {name: c.copy(entries) for name, c in self.certs.items()}
        twin.by_day = {
            day: [(step, entries[id(f)] if step == 2 else f) for step, f in self.by_day[day]]
            for day in self.days[self.position :]
        }
        twin.events = list(self.events)
        twin.seen = list(self.seen)
        twin.outcomes = dict(self.outcomes)
        twin.recert_day = dict(self.recert_day)
        twin.direct_on = dict(self.direct_on)
        twin.versions_used = set(self.versions_used)
        twin.problems = list(self.problems)
        twin.headroom = []
        twin._order = None
        return twin

    def _next_boundary(self) -> date | None:
        """The next day a term ends (expiration + 1 day) or a retirement takes effect."""
        days: list[date] = []
        for c in self.certs.values():
            if c.status == "active":
                if c.expires is not None:
                    days.append(c.expires + ONE_DAY)
            elif c.status == "suspended":
                if c.suspended_until is not None:
                    days.append(c.suspended_until + ONE_DAY)
            elif c.status == "emeritus" and c.emeritus_until is not None:
                days.append(c.emeritus_until + ONE_DAY)
            if not c.retired and c.retired_on is not None:
                days.append(c.retired_on)
        grant = self.facts.emeritus_on
        if grant is not None and not self.emeritus_done:
            days.append(grant)
        if self.certs and self.policy.earlier:
            # A new policy version starts: its options may be met that day (D-VERSION-1).
            days += [
                v.effective_from
                for v in (*self.policy.earlier, self.policy)
                if v.effective_from is not None and (self.day is None or v.effective_from > self.day)
            ]
        return min(days, default=None)

    def _day(self, today: date, facts: list[tuple[int, object]]) -> None:
        self.day = today
        changed = self._enter_version(today)
        changed = self._end_terms(today) or changed
        if self.facts.emeritus_on == today and not self.emeritus_done:
            self._grant_emeritus(today)
        if changed:
            self._check(today)
        starts = [f for step, f in facts if step == 0]
        if starts:
            # Same-day terms start in a defined order, highest level first, then by name, so
            # that the result never depends on the order of the record's lists.
            starts.sort(key=lambda f: (-self.policy.level(f[1].level).rank, f[1].name))  # type: ignore[index]
            started = [self._start_holding(today, fact) for fact in starts]  # type: ignore[arg-type]
            # A term given by the record is an earning or recertification on its first day and
            # cascades like any other (D-CASC-2); a cascade never shortens a term (R-CASC-1).
            pool_rank = self._pool_rank()
            for state in sorted(started, key=lambda c: (-c.rank, c.name)):
                if not state.retired:
                    self._cascade(state, today, pool_rank, strictly_below=False, held=True)
            self._check(today)
        passes: list[PassFact] = [f for step, f in facts if step == 1]  # type: ignore[misc]
        if passes:
            self.seen.extend(passes)
            before = self._pool_rank()
            earned = self._earn(today, passes, again=False)
            self._check(today, [(cert, before, True) for cert in earned])
            again = self._earn(today, passes, again=True)
            if again:
                self._check(today, [(cert, before, False) for cert in again])
        arrivals = sorted((f for step, f in facts if step == 2), key=lambda e: e.sort_key())  # type: ignore[attr-defined]
        if arrivals:
            for entry in arrivals:
                self._arrive(today, entry)  # type: ignore[arg-type]
            self._check(today)

    # ----------------------------------------------------------------- step 1

    def _end_terms(self, today: date) -> bool:
        """End terms whose expiration date was before *today* (R-VAL-1, R-DATE-2); apply retirements (R-RET-1).

        Returns:
            Whether any status changed (only then can an option newly be met).
        """
        events = len(self.events)
        for cert in self._ordered():
            if cert.status == "emeritus" and cert.emeritus_until is not None and cert.emeritus_until < today:
                cert.status, cert.rule = "expired", "R-EMER-1"
                self._event(
                    today,
                    "expired",
                    cert.name,
                    "R-EMER-1",
                    f"the Emeritus year of {cert.name} ended on {cert.emeritus_until}",
                )
            if (
                cert.status == "suspended"
                and cert.suspended_until is not None
                and cert.suspended_until < today
            ):
                cert.status, cert.rule = "expired", "R-DATE-2"
                self._event(
                    today,
                    "expired",
                    cert.name,
                    "R-DATE-2",
                    f"{cert.name} expired: its suspension ended on {cert.suspended_until} "
                    f"and no option was met by then",
                )
            suspension = cert.version_level.suspension_years if cert.cert.options is None else 0
            if cert.active and cert.expires is not None and cert.expires < today and suspension:
                cert.status = "suspended"
                cert.suspended_until = cert.expires + relativedelta(years=suspension)
                rule = cert.version_level.suspension_rule
                cert.rule = rule
                self._event(
                    today,
                    "suspended",
                    cert.name,
                    rule,
                    f"{cert.name} is suspended from {today} to {cert.suspended_until}: its term ended on "
                    f"{cert.expires}; it can still recertify until then, and is not active",
                )
            if cert.active and cert.expires is not None and cert.expires < today:
                cert.status = "expired"
                cert.rule = "R-DATE-2"
                self._event(
                    today,
                    "expired",
                    cert.name,
                    "R-DATE-2",
                    f"{cert.name} expired: its term ended on {cert.expires} "
                    f"(active through that day) and no option was met by then",
                )
            if not cert.retired and cert.retired_on is not None and cert.retired_on <= today:
                cert.retired = True
                self._event(
                    today,
                    "retired",
                    cert.name,
                    "R-RET-1",
                    f"{cert.name} is retired from {cert.retired_on}: it stays "
                    + ("active to its expiration date " + str(cert.expires) if cert.expires else "as it is")
                    + " and can no longer be recertified or cascaded",
                )
        return len(self.events) > events

    def _grant_emeritus(self, today: date) -> None:
        """An Emeritus grant starting *today* (R-EMER-1): a yearly, non-active status.

        It applies to each CCIE/CCDE (``emeritus`` in the catalog) that expired
        less than a year before the grant and was held for at least 10 years
        (from ``first_earned_on``, else the earliest term start the record
        shows). After 20 years active or emeritus it is lifetime.
        """
        self.emeritus_done = True
        granted = []
        for cert in self._ordered():
            if not cert.cert.emeritus or cert.status != "expired" or cert.expires is None:
                continue
            year_end = cert.expires + relativedelta(years=1)
            if not cert.expires < today <= year_end:
                continue
            first = cert.first_on
            if first + relativedelta(years=10) > cert.expires:
                self.problems.append(
                    Problem(
                        "emeritus_on",
                        f"{today}: {cert.name} was held from {first} to {cert.expires}, less than the 10 "
                        f"continuous years Emeritus needs (R-EMER-1)",
                    )
                )
                continue
            lifetime = first + relativedelta(years=20) <= year_end
            cert.status, cert.rule = "emeritus", "R-EMER-1"
            cert.emeritus_until = None if lifetime else year_end
            granted.append(cert)
            self._event(
                today,
                "emeritus",
                cert.name,
                "R-EMER-1",
                f"{cert.name} is Emeritus from {today} "
                + (
                    "for life: 20 years active or emeritus since " + str(first)
                    if lifetime
                    else f"to {year_end}, one year from its expiration date {cert.expires}"
                )
                + "; Emeritus is not active and renews nothing",
            )
        if not granted and not self.problems:
            self.problems.append(
                Problem(
                    "emeritus_on",
                    f"{today}: no CCIE or CCDE of the record expired in the year before this date (R-EMER-1)",
                )
            )

    # ----------------------------------------------------------------- step 2

    def _new_state(
        self, cert: Certification, start: date, retired_on: date | None, first_on: date
    ) -> CertState:
        level = self.policy.level(cert.level)
        state = CertState(
            cert=cert,
            level=level,
            start=start,
            expires=None,
            validity=level.validity,
            ce_eligible=False,
            cascades=level.ladder if cert.cascade is None else cert.cascade,
            retired_on=retired_on,
            first_on=first_on,
        )
        self._apply_version(state)
        return state

    def _apply_version(self, cert: CertState) -> None:
        """Level, options, validity and CE eligibility of the version in force today (D-VERSION-1)."""
        version = self.current
        level = version.level(cert.level.name) if version.has_level(cert.level.name) else cert.level
        cert.version_level = level
        cert.options = cert.cert.options if cert.cert.options is not None else level.options
        cert.ce_threshold = min((o.credits_needed for o in cert.options if o.uses_ce), default=float("inf"))
        cert.validity = cert.cert.validity or level.validity
        cert.ce_eligible = level.takes_ce if cert.cert.ce_eligible is None else cert.cert.ce_eligible

    def _enter_version(self, today: date) -> bool:
        """Switch to the version in force on *today*; whether it changed (D-VERSION-1)."""
        version = self.policy.version_on(today)
        if version is self.current:
            return False
        self.current = version
        self.params = version.parameters
        self.earning_window = relativedelta(years=self.params.earning_window_years)
        for cert in self.certs.values():
            self._apply_version(cert)
        return True

    def _start_holding(
        self, today: date, fact: tuple[int, Certification, date, date | None, date | None]
    ) -> CertState:
        _, cert, start, given, retired_on = fact
        level = self.policy.level(cert.level)
        state = self._new_state(cert, start, retired_on, self.facts.first_earned.get(cert.name, start))
        state.expires = given if given is not None else state.expiration_from(start)
        earlier = self.certs.get(cert.name)
        if earlier is not None:
            # The record's term wins over a term derived from exam passes: one certification.
            state.used_passes = earlier.used_passes
            if earlier.renewable:  # continuous with the earlier term only if it had not expired
                state.first_on = min(state.first_on, earlier.first_on)
            # The record's term is the current one: no renewal inside the record made it.
        state.how = f"held from {start}" + (f" with a given expiration date {given}" if given else "")
        self.certs[cert.name] = state
        self._order = None
        self._event(
            today,
            "held",
            cert.name,
            "R-VAL-1",
            f"{cert.name} ({level.name}) term given by the record starts on {start}; "
            + (
                f"expires on {state.expires}"
                + (" (given)" if given else f" ({start} + {_years(state, start)})")
                if state.expires
                else "lifetime"
            ),
        )
        if earlier is not None:
            # The earlier term's credits that the record's term does not contain are stranded (D-POOL-7).
            state.entries = earlier.entries
            self._refresh(state, today)
        if retired_on is not None and retired_on <= today:
            state.retired = True
            if retired_on < today:
                self._event(
                    today,
                    "retired",
                    cert.name,
                    "D-RET-2",
                    f"{cert.name} was retired on {retired_on}, before this term started on {start}: the term "
                    f"runs as the record gives it, with no recertification and no cascade (R-RET-1)",
                )
        return state

    # ----------------------------------------------------------------- step 3

    def _earn(self, today: date, todays: list[PassFact], *, again: bool) -> list[CertState]:
        """Certifications whose earning rule today's passes complete (spec section 7, R-OPT-2, D-EXAM-2).

        With ``again=False``: certifications not held, or expired (only the full
        earning rule brings them back, R-DATE-2). With ``again=True``: active
        ones not recertified today by an option; earning again recertifies them,
        with passes inside the current term only (R-OPT-1, D-EXAM-2).
        """
        window = self.earning_window
        out: list[CertState] = []
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
                if state.start == today:
                    # The same day's term start: these passes earned that term (D-EXAM-1).
                    state.used_passes.update(p for p in todays if cert.earned_with(p.code))
                    continue
            usable = [
                p
                for p in self.seen
                if p.passed_on + window >= today
                and (state is None or p not in state.used_passes)
                and (not again or state is None or state.start < p.passed_on)
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
            state.start, state.expires = today, state.expiration_from(today)
            state.recertified_on, state.recertified_by = today, f"earned again: {how}"
            state.rule, state.how = "D-EXAM-2", f"recertified on {today} by earning it again ({how})"
            state.used_passes.update(chosen)
            self.recert_day[cert.name] = self.direct_on[cert.name] = today
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
                f"; expires on {fresh.expires} ({today} + {_years(fresh, today)})"
                if fresh.expires
                else "; no expiration date (lifetime)"
            ),
            uses,
        )
        return fresh

    # ----------------------------------------------------------------- step 4

    def _claimed_entries(self) -> Iterable[Entry]:
        """Activities whose claim is known on ``as_of`` and not already decided against (R-CE-1, R-CE-2)."""
        window = self.params.claim_window_days
        for index, activity in enumerate(self.facts.activities):
            claimed = activity.claimed_on
            if activity.completed_on > self.as_of or claimed is None or claimed > self.as_of:
                when = "completed after" if activity.completed_on > self.as_of else "not claimed by"
                self.outcomes[index] = (
                    "unclaimed",
                    None,
                    "D-ASOF-1" if claimed else "D-CLAIM-3",
                    f"{when} {self.as_of}: no claim to decide",
                    None,
                )
                continue
            status = activity.claim_status
            decided = activity.decided_on or claimed
            if status != "pending" and decided > self.as_of:
                status = "pending"
            if status == "rejected":
                self.outcomes[index] = (
                    "rejected",
                    "rejected_by_program",
                    "R-CE-1",
                    f"the program rejected the claim made on {claimed}",
                    None,
                )
                continue
            category = self.policy.category(activity.category)
            if category is not None and not category.eligible:
                self.outcomes[index] = (
                    "rejected",
                    "ineligible_category",
                    "R-CE-6",
                    f"category {activity.category!r} earns no CE credits in this policy",
                    None,
                )
                continue
            late = (claimed - activity.completed_on).days
            if late > window:
                self.outcomes[index] = (
                    "rejected",
                    "claim_window_exceeded",
                    "R-CE-2",
                    f"claimed on {claimed}, {late} days after completion on {activity.completed_on}; "
                    f"the claim window is {window} days (day 0 = completion, D-CLAIM-3)"
                    + (
                        " (a prediction: the claim is still pending, D-OUTCOME-1)"
                        if status == "pending"
                        else ""
                    ),
                    None,
                )
                continue
            arrival = claimed if self.params.recertification_anchor == "claim" else activity.completed_on
            entry = Entry(activity, index, arrival, approved=status == "approved")
            self.entries.append(entry)
            yield entry

    def _arrive(self, today: date, entry: Entry) -> None:
        """An activity's credits arrive: find what it counts toward (R-CE-1, R-CE-2, D-CLAIM-2, D-DUP-1)."""
        completed = entry.completed_on
        claimed = entry.claimed_on
        holders = [
            c
            for c in self._ordered()
            if c.active and c.ce_eligible and not c.retired and c.contains(completed)
        ]
        entry.targets = tuple(c.name for c in holders)
        if not holders:
            ended = [c for c in self._ordered() if c.ce_eligible and not c.retired and c.contains(completed)]
            if ended:  # under the claim anchor: its certification expired before the claim (R-CE-2)
                last = max(c.expires for c in ended if c.expires is not None)
                entry.reason, entry.rule = "claimed_after_expiration", "R-CE-2"
                entry.note = (
                    f"claimed on {claimed}, after {last}, the expiration date of every certification "
                    f"it could count toward ({', '.join(c.name for c in ended)})"
                )
                return
            # Which of the two reasons is decided at the end, on the whole record (D-REASON-1).
            entry.reason, entry.rule = "outside_term", "R-CE-1"
            return
        in_time = [c for c in holders if c.expires is None or claimed <= c.expires]
        if in_time:
            entry.targets = tuple(c.name for c in in_time)  # what it can still count toward (D-CLAIM-2)
        if not in_time:
            last = max(c.expires for c in holders if c.expires is not None)
            entry.reason, entry.rule = "claimed_after_expiration", "R-CE-2"
            entry.note = (
                f"claimed on {claimed}, after {last}, the expiration date of every certification "
                f"it could count toward ({', '.join(c.name for c in holders)})"
            )
            return
        # Once per term (D-DUP-1): the term is that of the certification the claim counts toward, the
        # highest level it can reach; lower terms that hold the item already do not list it again.
        free: list[CertState] = []
        holder: Entry | None = None
        top = in_time[0].rank  # highest level first (see _ordered)
        for cert in in_time:
            twin = next((e for e in cert.entries if e.item == entry.item), None)
            if twin is not None and entry.approved and _dup_order(entry) < _dup_order(twin):
                # Claims can arrive out of completion order (anchor = claim): the earliest
                # completion keeps the item (D-DUP-1).
                self._displace(twin, entry)
                twin = None
            if twin is None:
                free.append(cert)
            elif holder is None and cert.rank == top:
                holder = twin
        if not free or all(c.rank != top for c in free):
            assert holder is not None
            _mark_duplicate(entry, holder)
            return
        entry.targets = tuple(c.name for c in free)
        if not entry.approved:
            return
        for cert in free:
            cert.entries.append(entry)
            entry.listed_in.append(cert.name)
        self.open.append(entry)

    def _displace(self, loser: Entry, winner: Entry) -> None:
        """Take an item back from a later completion that arrived first (D-DUP-1)."""
        _mark_duplicate(loser, winner)
        for cert in self.certs.values():
            cert.entries = [e for e in cert.entries if e is not loser]
        self.open = [e for e in self.open if e is not loser]
        loser.listed_in.clear()

    def _ever_held_ce(self) -> bool:
        """Whether the record held, at any time up to ``as_of``, a ladder certification not yet retired.

        A certification retired before the activity still counts here: the
        record held it while it was not retired (D-REASON-1).
        """
        return any(
            c.level.ladder and (c.retired_on is None or c.retired_on > c.first_on)
            for c in self.certs.values()
        )

    # ----------------------------------------------------------------- options

    def _pool_holders(self) -> Iterator[CertState]:
        """Certifications that can take credits from the pool: renewable, CE-eligible, not retired (R-CE-4).

        Highest level first (see :meth:`_ordered`).
        """
        return (c for c in self._ordered() if c.renewable and c.ce_eligible and not c.retired)

    def _pool_rank(self) -> int | None:
        """Rank of the highest level among the pool's possible holders (R-CE-4, D-POOL-1)."""
        return next((c.rank for c in self._pool_holders()), None)

    def _facts_for(self, cert: CertState, today: date, pool_rank: int | None) -> Facts:
        passes = tuple(
            p
            for p in self.seen
            if cert.start < p.passed_on <= today
            and (cert.deadline is None or p.passed_on <= cert.deadline)
            and p not in cert.used_passes
        )
        ce = (
            cert.ce_eligible
            and not cert.retired
            and (self.params.pooling == "each_level" or cert.rank == pool_rank)
        )
        return Facts(credits=cert.credits() if ce else 0, passes=passes, ce_available=ce)

    def _check(self, today: date, sources: list[tuple[CertState, int | None, bool]] | None = None) -> None:
        """Ask every active certification whether an option is met today (R-DATE-1, D-DAY-1).

        *sources* are certifications earned today whose cascades (R-CASC-2) wait
        until the direct recertifications of the same batch are done, so that
        a direct recertification names its own option.
        """
        pending = list(sources or [])
        # Each step of a day may recertify a certification once (D-DAY-1): a CE option met by the
        # day's activities right after an exam renewed it that day still recertifies it.
        done: set[str] = set()
        while True:
            pool_rank = self._pool_rank()
            cascades: list[tuple[CertState, int | None, bool]] = pending
            pending = []
            met: list[tuple[CertState, OptionAssessment]] = []
            for cert in self._ordered():
                if not cert.renewable or cert.retired or cert.expires is None or cert.name in done:
                    continue
                options = cert.options
                if not options:
                    continue
                # The verdict is a pure function of these inputs: unchanged since the last
                # check that found nothing met, nothing can be met now.
                ce = cert.ce_eligible and (self.params.pooling == "each_level" or cert.rank == pool_rank)
                credits = cert.credits() if ce else -1.0
                if ce and self.has_pending_claims and cert.ce_threshold != float("inf"):
                    self.headroom.append((today, credits - cert.ce_threshold))
                key = (len(self.seen), cert.start, cert.deadline, len(cert.used_passes), credits, options)
                if cert.unmet == key:
                    continue
                cert.unmet = key
                facts = self._facts_for(cert, today, pool_rank)
                for option in options:
                    if not option.may_be_met(facts):
                        continue
                    verdict = option.assess(facts)
                    if verdict.met:
                        cert.unmet = None  # the memo holds only checks that found nothing met
                        done.add(cert.name)
                        met.append((cert, verdict))
                        break
            if met:
                # Every certification that meets an option in this check is recertified directly
                # by its own option, and each pool is reset once (D-POOL-6).
                self._recertify_all(met, today, pool_rank)
                cascades += [(cert, pool_rank, False) for cert, _ in met]
            if not cascades:
                return
            for source, rank, below in sorted(cascades, key=lambda c: -c[0].rank):
                self._cascade(source, today, rank, strictly_below=below)

    def _recertify_all(
        self, met: list[tuple[CertState, OptionAssessment]], today: date, pool_rank: int | None
    ) -> None:
        """Recertify each certification of *met* directly, then reset each pool once (D-POOL-6, R-CE-5)."""
        resets: dict[str, tuple[list[CertState], dict[int, Entry], dict[int, float]]] = {}
        for cert, verdict in met:
            used, taken = self._recertify(cert, today, verdict)
            if self._resets(cert, pool_rank):
                key = cert.level.name if self.params.pooling == "each_level" else "*"
                certs, group_used, group_taken = resets.setdefault(key, ([], {}, {}))
                certs.append(cert)
                for entry in used:
                    group_used[id(entry)] = entry
                    group_taken[id(entry)] = max(group_taken.get(id(entry), 0.0), taken[id(entry)])
        for certs, group_used, group_taken in resets.values():
            self._reset_pool(certs[0], today, list(group_used.values()), sum(group_taken.values()), certs)
        for cert, _ in met:
            self._refresh(cert, today)

    def _recertify(
        self, cert: CertState, today: date, verdict: OptionAssessment
    ) -> tuple[list[Entry], dict[int, float]]:
        """Direct recertification on *today*: new term from today (R-DATE-1, D-DATE-2).

        The new term counts from the old expiration date instead where the
        level says so (R-PRE2020-1, D-PRE2020-1). A CE option uses the
        activities oldest completion first until its credits are reached,
        and every activity completed on *today* besides (R-CE-5, D-DAY-1).

        Returns:
            The activities used, and the credits taken from each (by ``id``).
        """
        old = cert.expires
        used: list[Entry] = []
        taken: dict[int, float] = {}
        if verdict.credits:
            need = verdict.credits
            for entry in sorted(cert.entries, key=_dup_order):  # oldest completions first
                if need <= 1e-9:
                    if entry.completed_on == today and not self.params.carry_over_excess:
                        used.append(entry)  # completed on the recertification day: used by it
                        taken[id(entry)] = 0.0
                    continue
                used.append(entry)
                take = min(entry.credits, need)
                taken[id(entry)] = take
                need -= entry.credits
                if self.params.carry_over_excess:
                    entry.spent += take  # the rest of the last one carries over (D-POOL-2)
        from_expiration = (cert.version_level.renewal_from or self.params.renewal_from) == "expiration"
        cert.start = today
        if from_expiration and old is not None:
            cert.expires = cert.expiration_from(old)  # counted from the old expiration date (R-PRE2020-1)
        else:
            cert.expires = cert.expiration_from(today)
        cert.status, cert.suspended_until = "active", None
        cert.recertified_on = today
        cert.recertified_by = verdict.option.label
        cert.rule = verdict.option.rule
        cert.how = f"recertified on {today} by {verdict.option.label}"
        cert.used_passes.update(verdict.passes)
        self.recert_day[cert.name] = self.direct_on[cert.name] = today
        for entry in used:
            if entry.used_on != today:  # several renewed by the same credits: the first keeps them
                entry.used_by, entry.used_on = cert.name, today
        uses = Uses(tuple(e.activity.id for e in used), tuple(p.key for p in verdict.passes))
        facts = []
        if used:
            facts.append(
                f"{format_credits(verdict.credits)} CE credits from "
                f"{len(used)} activit{'y' if len(used) == 1 else 'ies'}"
            )
        if verdict.passes:
            facts.append("exam " + ", ".join(p.key for p in verdict.passes))
        self._event(
            today,
            "recertified",
            cert.name,
            verdict.option.rule,
            f"{cert.name} met '{verdict.option.label}' on {today} ({'; '.join(facts)}); "
            f"new term {today} to {cert.expires} "
            f"({old if from_expiration else today} + {_years(cert, today)}); "
            f"previous expiration date {old}",
            uses,
        )
        return used, taken

    def _resets(self, cert: CertState, pool_rank: int | None) -> bool:
        if not cert.ce_eligible:
            return False
        return self.params.pooling == "each_level" or cert.rank == pool_rank

    def _cascade(
        self,
        source: CertState,
        today: date,
        pool_rank: int | None,
        *,
        strictly_below: bool,
        held: bool = False,
    ) -> None:
        """Renew every active ladder certification at the source's level and below (R-CASC-1, R-CASC-2, D-CASC-1).

        With *held*, the source is a term given by the record that starts
        *today* (D-CASC-2): certifications at its level are renewed under
        R-CASC-1, those below under R-CASC-2. A certification recertified
        directly today is not touched (D-POOL-6, D-PRE2020-2).
        """
        if not source.cascades:
            return
        for cert in self._ordered():
            if (
                cert is source
                or self.direct_on.get(cert.name) == today
                or not cert.active
                or cert.retired
                or not cert.cascades
                or cert.expires is None
                or cert.rank > source.rank
                or (strictly_below and cert.rank == source.rank)
            ):
                continue
            renewed = cert.expiration_from(today)
            if renewed is None or renewed <= cert.expires:
                continue
            rule = "R-CASC-2" if strictly_below or (held and cert.rank < source.rank) else "R-CASC-1"
            old = cert.expires
            cert.start, cert.expires = today, renewed
            cert.recertified_on = today
            cert.recertified_by = f"cascade from {source.name}"
            cert.rule = rule
            cert.how = f"recertified on {today} by cascade from {source.name}"
            self._event(
                today,
                "cascaded",
                cert.name,
                rule,
                f"{cert.name} renewed by cascade from {source.name} on {today}: expiration date "
                f"moves from {old} to {renewed} ({today} + {_years(cert, today)})",
            )
            if self._resets(cert, pool_rank) and self.recert_day.get(cert.name) != today:
                self._reset_pool(cert, today, [])
            self.recert_day.setdefault(cert.name, today)
            self._refresh(cert, today)

    def _reset_pool(
        self,
        cert: CertState,
        today: date,
        used: list[Entry],
        spent: float = 0,
        renewed: list[CertState] | None = None,
    ) -> None:
        """Use up the pool at a recertification of its level (R-CE-5, D-POOL-2, D-POOL-5).

        *renewed* lists every certification recertified directly in the same
        check (D-POOL-6); the pool is reset once for all of them.
        """
        key = cert.level.name if self.params.pooling == "each_level" else "*"
        carry = self.params.carry_over_excess
        forfeited: list[Entry] = []
        used_ids = {id(e) for e in used}
        # The pool: what counts toward a certification at this level (D-POOL-4), not credits
        # left toward a certification that expired unused, which stay counted toward it (D-POOL-5).
        pool: dict[int, Entry] = {id(e): e for e in used}
        for other in self.certs.values():
            if other.renewable and other.ce_eligible and other.rank == cert.rank:
                pool.update((id(e), e) for e in other.entries)
        for entry in sorted(pool.values(), key=Entry.sort_key):
            if key in entry.consumed:
                continue
            if id(entry) in used_ids and carry and entry.credits > 1e-9:
                entry.carried = cert.level.name  # the excess of the last activity used stays (D-POOL-2)
            elif id(entry) in used_ids:
                entry.consumed.add(key)
            elif carry:
                entry.carried = cert.level.name
            else:
                entry.consumed.add(key)
                if entry.used_by is None and entry.forfeited_by is None:
                    entry.forfeited_by, entry.forfeited_on = cert.name, today
                forfeited.append(entry)
        self.open = [e for e in self.open if "*" not in e.consumed]
        for other in self.certs.values():
            if key == "*" or other.level.name == key:
                other.entries = [e for e in other.entries if key not in e.consumed]
        # Without carry-over, the excess of the last activity used is forfeited too (D-POOL-2).
        in_pool = sum(e.activity.credits for e in pool.values())
        total = sum(e.credits for e in forfeited) if carry else in_pool - spent
        if not used and not forfeited:
            return  # an empty pool: nothing to say
        self._event(
            today,
            "pool_reset",
            cert.name,
            "R-CE-5",
            f"the {cert.level.name} pool is used up by the recertification of "
            f"{' and '.join(c.name for c in renewed or [cert])} on {today}: "
            f"{format_credits(spent)} CE credits used, "
            + (f"{format_credits(total)} forfeited" if not carry else "the rest carried over (D-POOL-2)"),
        )

    def _refresh(self, cert: CertState, today: date | None = None) -> None:
        """Rebuild a certification's pool list after its term moved (D-POOL-4, D-CLAIM-2).

        Credits of its previous term that now lie in no current term of any
        certification can never count again (R-CE-1, R-CE-5: they do not move
        to another level): they are forfeited by this renewal on *today*.
        """
        key = cert.level.name if self.params.pooling == "each_level" else "*"
        before = cert.entries
        items: set[str] = set()
        entries: list[Entry] = []
        for entry in self.open:  # in Entry.sort_key order: arrivals are taken in that order
            if key in entry.consumed or entry.item in items:
                continue
            # Carried credits stay in their level's pool; they never move up (R-CE-5).
            in_term = entry.carried == cert.level.name or cert.contains(entry.completed_on)
            if in_term and (cert.expires is None or entry.claimed_on <= cert.expires):
                entries.append(entry)
                items.add(entry.item)
                if cert.name not in entry.listed_in:
                    entry.listed_in.append(cert.name)
        cert.entries = entries
        if today is not None:
            self._strand(cert, today, [e for e in before if e not in entries], key)

    def _strand(self, cert: CertState, today: date, dropped: list[Entry], key: str) -> None:
        """Forfeit credits a renewal left outside every current term that can still use them (R-CE-5, D-POOL-2)."""
        if not dropped:
            return
        # A retired certification keeps its term but can never use credits again (R-RET-1).
        elsewhere = {
            id(e)
            for other in self.certs.values()
            if other.renewable and not other.retired
            for e in other.entries
        }
        lost = [e for e in dropped if id(e) not in elsewhere and key not in e.consumed and e.used_by is None]
        if not lost:
            return
        for entry in lost:
            entry.consumed.add(key)
            if entry.forfeited_by is None:
                entry.forfeited_by, entry.forfeited_on = cert.name, today
        self.open = [e for e in self.open if "*" not in e.consumed]
        self._event(
            today,
            "pool_reset",
            cert.name,
            "R-CE-5",
            f"{cert.name} renewed on {today}: {format_credits(sum(e.credits for e in lost))} CE credits "
            f"of its previous term ({', '.join(e.activity.id for e in lost)}) lie in no current term "
            f"and can count toward no other level: forfeited",
        )

    # ----------------------------------------------------------------- helpers

    def _ordered(self) -> list[CertState]:
        """Certifications highest level first, then by name (the order decisions are taken in)."""
        if self._order is None:
            self._order = sorted(self.certs.values(), key=lambda c: (-c.rank, c.name))
        return self._order

    def _event(
        self, on: date, kind: EventKind, cert: str, rule: str, detail: str, uses: Uses | None = None
    ) -> None:
        self.versions_used.add(self.current.version)
        self.events.append(Event(on, kind, cert, rule, detail, uses, self.current.version))

    # ----------------------------------------------------------------- outcomes

    def _finish_outcomes(self) -> None:
        for entry in self.entries:
            pending = not entry.approved
            suffix = " (a prediction: the claim is still pending, D-OUTCOME-1)" if pending else ""
            if entry.reason == "outside_term" and not entry.targets:
                if self._ever_held_ce():
                    entry.note = (
                        f"completed on {entry.completed_on}, inside no current term of a CE-eligible "
                        f"certification the record holds"
                    )
                else:
                    entry.reason = "no_ce_eligible_certification"
                    entry.note = "the record holds no CE-eligible (ladder, not retired) certification"
            if entry.reason is not None:
                self.outcomes[entry.index] = (
                    "rejected",
                    entry.reason,
                    entry.rule or "R-CE-1",
                    entry.note + suffix,
                    None,
                )
            elif pending:
                target = entry.targets[0] if entry.targets else None
                self.outcomes[entry.index] = (
                    "pending",
                    None,
                    "R-CE-3",
                    f"claimed on {entry.claimed_on}, not decided by {self.as_of}; if approved it counts "
                    f"from its completion on {entry.completed_on}" + (f" toward {target}" if target else ""),
                    target,
                )
            elif entry.used_by is not None:
                self.outcomes[entry.index] = (
                    "counted",
                    None,
                    "R-CE-1",
                    f"{format_credits(entry.activity.credits)} CE credits completed on {entry.completed_on} counted "
                    f"toward the recertification of {entry.used_by} on {entry.used_on}",
                    entry.used_by,
                )
            elif entry.forfeited_by is not None:
                self.outcomes[entry.index] = (
                    "forfeited",
                    None,
                    "R-CE-5",
                    f"in the pool when {entry.forfeited_by} recertified on {entry.forfeited_on}; "
                    f"credits beyond what that recertification used are forfeited (D-POOL-2, D-POOL-5)",
                    entry.forfeited_by,
                )
            elif entry.listed_in:
                toward = self._toward(entry)
                self.outcomes[entry.index] = (
                    "counted",
                    None,
                    "R-CE-4",
                    f"{format_credits(entry.activity.credits)} CE credits completed on {entry.completed_on} "
                    f"count in the pool toward {toward}",
                    toward,
                )
            else:
                self.outcomes[entry.index] = (
                    "rejected",
                    "claimed_after_expiration",
                    "R-CE-2",
                    f"claimed on {entry.claimed_on}, after the expiration date of every certification "
                    f"it could count toward",
                    None,
                )

    def _toward(self, entry: Entry) -> str | None:
        names = [n for n in entry.listed_in if entry in self.certs[n].entries] or entry.listed_in
        if not names and entry.targets:
            names = list(entry.targets)
        if not names:
            return None
        return max(names, key=lambda n: (self.certs[n].rank, self.certs[n].active, n))

    # ----------------------------------------------------------------- result

    def state_key(self) -> dict[str, tuple[str, date | None]]:
        return {name: (c.status, c.expires) for name, c in self.certs.items()}

    def result(self, record: Record, awaiting: dict[str, list[str]]) -> Evaluation:
        as_of = self.as_of
        pool_rank = self._pool_rank()
        certifications = tuple(self._status(c, awaiting.get(c.name, [])) for c in self._ordered())
        activities = []
        for index, activity in enumerate(record.activities):
            outcome, reason, rule, text, toward = self.outcomes[index]
            activities.append(
                ActivityOutcome(
                    activity.id,
                    outcome,  # type: ignore[arg-type]
                    activity.credits,
                    toward,
                    reason,  # type: ignore[arg-type]
                    rule,
                    f"{activity.id}: {outcome}: {text}",
                )
            )
        pool = None
        if pool_rank is not None:
            at_level = [c for c in self._pool_holders() if c.rank == pool_rank]
            best = max(at_level, key=lambda c: (c.credits(), c.start))
            pool = PoolState(best.level.name, best.credits(), best.start, best.name)
        steps = tuple(self._next(c, pool_rank) for c in self._ordered() if c.renewable and c.level.ladder)
        events = tuple(sorted(self.events, key=lambda e: e.on))
        return Evaluation(
            as_of=as_of,
            policy=(("id", self.policy.id), ("version", self.policy.version_on(as_of).version)),
            versions=tuple(
                v.version
                for v in (*self.policy.earlier, self.policy)
                if v.version in self.versions_used or v is self.policy.version_on(as_of)
            ),
            certifications=certifications,
            activities=tuple(activities),
            pool=pool,
            next=steps,
            events=events,
            candidate=record.candidate,
        )

    def _status(self, cert: CertState, awaiting: list[str]) -> CertificationStatus:
        days_left = (cert.expires - self.as_of).days if cert.expires is not None else None
        rule = cert.rule
        if cert.active:
            tail = (
                f"expires on {cert.expires}, {days_left} days after {self.as_of}"
                if cert.expires
                else "no expiration date (lifetime)"
            )
            text = f"{cert.name} is active: {cert.how}; {tail}"
        elif cert.status == "suspended":
            text = (
                f"{cert.name} is suspended: its term ended on {cert.expires}; it can recertify until "
                f"{cert.suspended_until}, after which it expires ({cert.rule})"
            )
        elif cert.status == "emeritus":
            until = f"to {cert.emeritus_until}" if cert.emeritus_until else "for life"
            text = (
                f"{cert.name} is Emeritus {until}: not active, it renews nothing; "
                f"its term ended on {cert.expires} (R-EMER-1)"
            )
        else:
            text = (
                f"{cert.name} expired: its term ended on {cert.expires} and no option was met by then; "
                f"only its full earning path earns it again (R-DATE-2)"
            )
        if awaiting:
            names = ", ".join(awaiting)
            rule = "R-CE-3"
            text += (
                f"; unless pending claim{'s' if len(awaiting) > 1 else ''} {names} "
                f"{'are' if len(awaiting) > 1 else 'is'} approved, which would change this (R-CE-3)"
            )
        if cert.retired:
            text += f"; retired since {cert.retired_on}: it can no longer be recertified (R-RET-1)"
        return CertificationStatus(
            certification=cert.name,
            level=cert.level.name,
            status=cert.status,  # type: ignore[arg-type]
            term_started_on=cert.start,
            expires_on=cert.expires,
            recertified_on=cert.recertified_on,
            recertified_by=cert.recertified_by,
            retired=cert.retired,
            awaiting=tuple(awaiting),
            rule=rule,
            explanation=text,
            days_left=days_left,
        )

    def _next(self, cert: CertState, pool_rank: int | None) -> NextStep:
        deadline = cert.deadline
        days_left = None if deadline is None else (deadline - self.as_of).days
        if cert.retired or cert.expires is None:
            return NextStep(cert.name, deadline, (), days_left=days_left)
        options = cert.options
        facts = self._facts_for(cert, self.as_of, pool_rank)
        served: CertState | None = None
        if cert.ce_eligible and not facts.ce_available:
            served = next((c for c in self._pool_holders() if c.rank == pool_rank), None)
        gaps = []
        for option in options:
            verdict = option.assess(facts)
            missing = ", ".join(verdict.missing) if verdict.missing else "nothing"
            via = served.name if option.uses_ce and served is not None else None
            if served is not None and via:
                missing += f" (CE credits count in the {served.level.name} pool toward {via}, D-POOL-1)"
            credits, exams = _shortfall(verdict)
            gaps.append(OptionGap(option.label, missing, via, credits, exams, deadline))
        return NextStep(cert.name, deadline, tuple(gaps), days_left=days_left)


def _shortfall(verdict: OptionAssessment) -> tuple[float, tuple[ExamGap, ...]]:
    """What an unmet option lacks as numbers: CE credits, and exams by kind or id."""
    credits = 0.0
    exams: list[ExamGap] = []
    for requirement, short in verdict.short:
        if isinstance(requirement, Exams):
            count = int(short)
            exams.append(ExamGap(count, requirement.kinds, requirement.codes, requirement.label_for(count)))
        else:
            credits += short
    return credits, tuple(exams)


def _dup_order(entry: Entry) -> tuple[date, date, str]:
    """D-DUP-1's order: earliest completion, then earlier claim, then lower id."""
    return (entry.completed_on, entry.claimed_on, entry.activity.id)


def _mark_duplicate(entry: Entry, holder: Entry) -> None:
    entry.reason, entry.rule = "duplicate_item", "D-DUP-1"
    entry.note = (
        f"item {entry.activity.item_key!r} already counts in this term through "
        f"activity {holder.activity.id!r} completed on {holder.completed_on}"
    )


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


def _years(cert: CertState, start: date) -> str:
    years = validity_for(cert.validity, start).years
    return "lifetime" if years is None else f"{years} year{'s' if years != 1 else ''}"


def _awaiting(base: _Replay, forks: dict[date, _Replay]) -> dict[str, list[str]]:
    """Pending claims whose approval would change a status or expiration date (R-CE-3).

    Each what-if runs from *forks*, the base replay's copies at the start of
    the day the claim's credits arrive: one claim approved at a time, then, if
    none alone changes anything, all of them together. A what-if that
    :func:`_cannot_matter` rules out is not run.
    """
    pending = [e for e in base.entries if not e.approved and e.reason is None]
    if not pending:
        return {}
    before = base.state_key()
    out: dict[str, list[str]] = defaultdict(list)

    def changes(claims: list[Entry]) -> list[str]:
        if _cannot_matter(base, claims):
            return []
        ids = {e.activity.id for e in claims}
        other = forks[min(e.arrival for e in claims)].copy()
        for entry in other.entries:
            if entry.activity.id in ids:
                entry.approved = True
        other.run(outcomes=False)  # only statuses and expiration dates are compared
        after = other.state_key()
        return [name for name in before if after.get(name) != before[name]]

    for entry in sorted(pending, key=lambda e: e.activity.id):
        for name in changes([entry]):
            out[name].append(entry.activity.id)
    if not out and len(pending) > 1:
        for name in changes(pending):
            out[name].extend(sorted(e.activity.id for e in pending))
    return dict(out)


def _cannot_matter(base: _Replay, claims: list[Entry]) -> bool:
    """Whether approving *claims* provably changes no recertification of the base replay.

    Approved, the claims add their credits to pools from their arrival on, and
    nothing else: no pool ever holds more than the base replay's credits plus
    theirs. If at every option check from the first arrival on, that sum stays
    below the fewest credits any CE option of the certification needs, no CE
    option is met that was not met before, and the replay is unchanged. An
    item that another claim in the pools' reach also names (D-DUP-1) can
    displace that claim instead of adding to it: then the what-if is run.
    """
    items = {e.item for e in claims}
    if any(e.item in items and e not in claims for e in base.entries):
        return False
    start = min(e.arrival for e in claims)
    extra = sum(e.activity.credits for e in claims)
    room = max((h for day, h in base.headroom if day >= start), default=None)
    return room is None or room + extra < -1e-6
