"""Which pending claims cannot change anything when approved: the what-ifs ``awaiting`` may skip (D-FIXED-7).

A pending or audited claim is awaited by each certification whose status or
expiration date would change if it were approved (D-FIXED-7). Deciding the record
again once per pending claim costs the square of the record, so
:func:`unaffected` first proves, from the base replay alone, that approving a
claim changes neither; only the claims it cannot clear are decided again. The
proof is exact, never a guess; where it is not sure it answers ``False``.

Why it holds. The approval of claim *i* is read at one place of a holding's replay:
when *i* is counted, after its reporting deadline and duplicate checks, into a
cycle C (``HoldingRun.pending`` keeps C, the room under the caps at that moment
and the activity). Up to that moment the what-if's replay is the base's, and
*i* adds x = its credits cut to that room and rounded down to the credit step.
After it, C's counters are read only to (1) renew C, (2) revoke the holding for a
short cycle year (R-ISACA-4) while C is open, and (3) roll credits over into the
next cycle (R-FC-10). Statuses and expiration dates follow from C's renewal day,
the revocations and the next cycles only, so the claim is skipped when:

- **A** it is pending in no holding (rejected there before its approval is read);
- or x is zero (the caps were full: nothing more counts);
- in every holding where it is pending:
  - **B** C was renewed before the claim's day: the renewal stays, and the
    rollover out of C, if one was made, takes the same credits (the claim does
    not roll over itself, and no minimum it adds to was ever the binding limit of
    a take, ``HoldingRun.rollover_takes``); with a cap the claim's credits could
    crowd out later ones, a rollover is not proved the same;
  - **C** C was never renewed and cannot be with x more credits (some credit
    requirement of every credit option stays short even with C's final counts
    plus x: the caps can only take credits away from others), and no cycle year's
    minimum that revokes changes side;
  - **D** C was renewed on or after the claim's day and by its end, by the one
    credit option, which does not restart the cycle, of a certification that
    leads no follower, under a policy without a renewal map (R-CT-6 aligns by renewal day): an earlier renewal
    leaves the expiration date (fixed cycles do not stack, R-FC-2) and the status
    as they are, and the rollover is checked as in B.

Every comparison keeps a margin far above the rounding of sums of credits
(``_MARGIN``), so the proof never rests on the last bit of a float.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import date

from recert.core.cycles.counting import CycleRun, step_down
from recert.core.cycles.holding import HoldingRun, Seen
from recert.core.cycles.model import CreditMinimum, FixedOption
from recert.core.cycles.requirements import _credits, shortfalls
from recert.core.record import Record
from recert.exceptions import Problem, RecordError

__all__ = ["WHATIF_BUDGET", "check_budget", "share_key", "unaffected"]

_EPS = 1e-9
_MARGIN = 1e-6


def unaffected(runs: Iterable[HoldingRun], index: int) -> bool:
    """Whether approving the pending claim of activity *index* leaves every status and expiration date as is.

    Args:
        runs: The holdings' replays of the base decision (after ``run``).
        index: The activity's index in the record.

    Returns:
        ``True`` only when it is proved (module docstring); ``False`` when the
        record must be decided again with the claim approved.
    """
    runs = list(runs)
    for run in runs:
        spot = run.pending.get(index)
        if spot is not None and not _unaffected_in(run, *spot, runs):
            return False
    return True


def _exact(run: HoldingRun, cycle: CycleRun, seen: Seen, x: float) -> bool:
    """Whether the claim's x credits leave every later activity of *cycle* counting as before (no cap binds)."""
    group = run.program.groups.get(seen.category)
    year = cycle.year_of(seen.activity.completed_on)
    slack = (run.program.credit_step or 0.0) + _MARGIN
    for k, cap in enumerate(run.caps):
        if seen.category in cap.categories or (group is not None and group in cap.groups):
            used = cycle.used.get((k, year if cap.per == "year" else -1), 0.0)
            if used + x + slack > cap.max:
                return False
    return True


def _unaffected_in(run: HoldingRun, cycle: CycleRun, room: float, seen: Seen, runs: list[HoldingRun]) -> bool:
    a = seen.activity
    day = a.completed_on
    x = step_down(min(a.credits, room), run.program.credit_step)
    if x <= _EPS:
        return True  # nothing more counts: the caps were full when it would have counted
    if cycle.aligned_on is not None or any(
        c.aligned_on is not None for c in run.cycles if c.start < cycle.start
    ):
        return (
            False  # its dates were moved after the replay (R-CT-6): the dates read below are not the replay's
        )
    exact = _exact(run, cycle, seen, x)
    renewed = cycle.first_renewed_on
    if renewed is None:
        return _stays_unrenewed(run, cycle, seen, x, exact)
    if renewed >= day and not _same_renewal(run, cycle, runs, exact):
        return False
    if not cycle.rolled_out:
        return True  # B/D: after its renewal nothing reads C's counters but a rollover, and none was made
    return exact and _same_rollover(run, cycle, seen)


def _same_renewal(run: HoldingRun, cycle: CycleRun, runs: list[HoldingRun], exact: bool) -> bool:
    """Case D: renewing C earlier (on or after the claim's day) changes no status or expiration date."""
    credit_options = [o for o in run.options if any(isinstance(r, CreditMinimum) for r in o.requirements)]
    if not exact or len(credit_options) != 1 or credit_options[0].restarts:
        return False
    renewed = cycle.first_renewed_on
    assert renewed is not None
    return (
        renewed <= cycle.end
        and cycle.renewed_by == credit_options[0].label
        and run.program.cascade != "map"
        and not any(other.leader is run for other in runs)
    )


def _same_rollover(run: HoldingRun, cycle: CycleRun, seen: Seen) -> bool:
    """B/D: the rollover out of C is the same with the claim's credits added (module docstring)."""
    rollover = run.lifecycle.rollover
    assert rollover is not None
    day = seen.activity.completed_on
    if rollover.within.before(cycle.end) < day <= cycle.end and (
        not rollover.categories or seen.category in rollover.categories
    ):
        return False  # it would roll over itself
    _, close = run.rollover_takes(cycle, watched=seen.category)
    return not close


def _stays_unrenewed(run: HoldingRun, cycle: CycleRun, seen: Seen, x: float, exact: bool) -> bool:
    """Case C: C, never renewed, is not renewed with x more credits, and no revoking year changes side."""
    bound = _plus(run, cycle, seen, x)
    for option in run.options:
        credit = [r for r in option.requirements if isinstance(r, CreditMinimum) and not r.advisory]
        if credit and not any(_short(r, bound, run) for r in credit):
            return False  # this option might be met once the claim counts
    revoking = [
        r
        for o in run.options
        for r in o.requirements
        if isinstance(r, CreditMinimum) and r.per_year and r.on_miss == "revoke"
    ]
    if not revoking:
        return True
    if not exact or seen.activity.completed_on > cycle.end:
        return False
    have = cycle.by_year[cycle.year_of(seen.activity.completed_on)]
    for r in revoking:
        need = r.credits - _EPS
        if not (have >= need + _MARGIN or have + x < need - _MARGIN):
            return False  # the claim's year might change side (short / met)
    return True


def _plus(run: HoldingRun, cycle: CycleRun, seen: Seen, x: float) -> CycleRun:
    """*cycle*'s counts with x more credits of the claim's category, year and naming."""
    bound = cycle.counts()
    bound.put(seen.category, x, cycle.year_of(seen.activity.completed_on))
    if seen.named:
        bound.named[seen.category] = bound.named.get(seen.category, 0.0) + x
    return bound


def _short(req: CreditMinimum, bound: CycleRun, run: HoldingRun) -> bool:
    """Whether *req* is short in *bound* by more than the margin (so also in the what-if)."""
    need = req.credits - _EPS - _MARGIN
    if req.per_year:
        return any(have < need for have in bound.by_year)
    return _credits(req, bound, run.program) < need


# ------------------------------------------------------------------ the budget of what-ifs


WHATIF_BUDGET = 15_000
"""At most this many (what-ifs x facts x holdings): a what-if decides the whole record again (D-FIXED-7)."""


def check_budget(record: Record, plan: list[tuple[int, Hashable | None]], holdings: int) -> None:
    """Refuse a record whose ``awaiting`` needs more what-ifs than the budget allows (issue 17: < 1 s a record).

    The what-ifs needed are the pending claims neither proved without effect nor
    sharing another's what-if; each costs about one decision of the record, so
    their number times the record's facts (activities and exam passes) times its
    holdings is bounded by :data:`WHATIF_BUDGET` (e.g. 25 what-ifs in a record of
    600 facts and one holding, 10 with 4 holdings and 375 facts).

    Raises:
        RecordError: Over the budget, on the path ``activities``.
    """
    runs = len({key for _, key in plan if key is not None}) + sum(1 for _, key in plan if key is None)
    facts = max(1, len(record.activities) + len(record.exams))
    if runs * facts * max(1, holdings) > WHATIF_BUDGET:
        raise RecordError(
            [
                Problem(
                    "activities",
                    f"{runs} pending or audited claims each need the record decided again to find what "
                    f"awaits them (R-FC-5), with {facts} activities and exam passes: over the limit of "
                    f"{WHATIF_BUDGET:,} (claims x activities and passes x {max(1, holdings)} holdings); "
                    f"decide fewer pending claims at once",
                )
            ]
        )


# ------------------------------------------------------------------ claims with one what-if in common


def share_key(runs: Iterable[HoldingRun], index: int, as_of: date) -> Hashable | None:
    """A key shared by pending claims whose what-ifs give the same statuses and expiration dates, or ``None``.

    Claims get the same key when each is pending in the one holding H only, in the
    same cycle C that the base replay never renewed, and approving it renews C on
    the claim's own day (C's totals after that day plus the claim's credits meet an
    option, clearly, and no earlier option), by the same option, which does not
    restart the cycle, on or before C's end (when every amount counted in C is a
    multiple of 1/1024, its sums are exact in any order and "meets" is decided
    exactly; otherwise with the margin). Claims whose approval renews C later, but
    by its end, share another key (``_renewed_by_end``). Each what-if then differs from the
    others only in the day C is renewed and in C's totals, and neither is read
    when H leads no follower, follows no leader and no renewal map joins it to
    another holding of the record, except by a rollover out of C (when ``as_of``
    is after C's end). With a rollover the key also holds the claim's category,
    credits, cycle year and naming, and the claim must not roll over itself, and
    C must hold no rolled-in credits and
    every amount counted in it must be a multiple of 1/1024: sums of such amounts
    are exact in any order, so C's totals are then the same to the last bit.
    """
    runs = list(runs)
    spots = [(run, run.pending[index]) for run in runs if index in run.pending]
    if len(spots) != 1:
        return None
    run, (cycle, room, seen) = spots[0]
    day = seen.activity.completed_on
    x = step_down(min(seen.activity.credits, room), run.program.credit_step)
    if (
        x <= _EPS
        or cycle.first_renewed_on is not None
        or cycle.aligned_on is not None
        or day > cycle.end
        or not _alone(run, runs)
        or not _exact(run, cycle, seen, x)
    ):
        return None
    after = run.after_day.get((id(cycle), day))
    if after is None:
        return None
    exact_sums = not cycle.rolled_in and all(_dyadic(v) for v in (x, *(m[1] for m in cycle.members)))
    option = _renewing(run, _plus(run, after, seen, x), day, exact_sums)
    if option is None:
        return _renewed_by_end(run, cycle, seen, x, as_of, exact_sums)
    if option.restarts:
        return None
    rollover = run.lifecycle.rollover
    if rollover is None or as_of <= cycle.end:
        return (run.name, id(cycle), option.label)
    eligible = rollover.within.before(cycle.end) < day and (
        not rollover.categories or seen.category in rollover.categories
    )
    if eligible or not exact_sums:
        return None
    return (run.name, id(cycle), option.label, seen.category, x, cycle.year_of(day), seen.named)


def _alone(run: HoldingRun, runs: list[HoldingRun]) -> bool:
    """No leader, no follower, and no renewal map between *run* and another holding of the record."""
    if run.leader is not None or any(other.leader is run for other in runs):
        return False
    renews = run.program.renews
    names = {other.name for other in runs if other is not run}
    return not (names & set(renews.get(run.name, ()))) and not any(
        run.name in renews.get(n, ()) for n in names
    )


def _dyadic(value: float) -> bool:
    return float(value * 1024).is_integer() and abs(value) < 2.0**40


def _renewing(run: HoldingRun, bound: CycleRun, day: date, exact_sums: bool) -> FixedOption | None:
    """The option that renews with the totals *bound* on *day*, when every option's answer is clear.

    With *exact_sums* (every amount a multiple of 1/1024) *bound* is what the what-if
    sums to, bit for bit, and the answer is the replay's; otherwise a requirement met
    or short by less than the margin makes it ``None``.
    """
    for option in run.options:
        short = shortfalls(
            option,
            bound,
            run.program,
            fees_through=run.fees_through,
            passes=run.passes,
            day=day,
            name=run.name,
            earning_codes=run.earning_codes,
        )
        credit = [r for r in option.requirements if isinstance(r, CreditMinimum) and not r.advisory]
        if short:
            if exact_sums or any(s.kind in ("exams", "fees") for s in short):
                continue
            if any(_short(r, bound, run) for r in credit):
                continue  # clearly not met
            return None  # too close to call
        if not exact_sums and any(_near(r, bound, run) for r in credit):
            return None
        return option
    return None


def _near(req: CreditMinimum, bound: CycleRun, run: HoldingRun) -> bool:
    """Whether a met *req* is met by less than the margin (float rounding could undo it)."""
    limit = req.credits - _EPS + _MARGIN
    if req.per_year:
        return any(have < limit for have in bound.by_year)
    return _credits(req, bound, run.program) < limit


def _renewed_by_end(
    run: HoldingRun, cycle: CycleRun, seen: Seen, x: float, as_of: date, exact_sums: bool
) -> Hashable | None:
    """The key of claims whose approval renews C later than their own day but by its end (or ``None``).

    Such a what-if renews C on some day between the claim's and C's end, by the one
    credit option (which does not restart the cycle): fixed cycles do not stack, so
    that day moves no status or date. It holds when no activity counts into C after
    its end (the window does not allow completing: C's final totals are its totals
    at its end), C's final totals plus x meet the option on C's end (or ``as_of``),
    the holding was never revoked in the base replay (with more credits the what-if
    is not either), and no rollover is made out of C.
    """
    credit_options = [o for o in run.options if any(isinstance(r, CreditMinimum) for r in o.requirements)]
    if (
        run.allows("completing")
        or len(credit_options) != 1
        or credit_options[0].restarts
        or run.revoked_on is not None
        or any(c.revoked is not None for c in run.cycles)
        or (run.lifecycle.rollover is not None and as_of > cycle.end)
    ):
        return None
    option = _renewing(run, _plus(run, cycle, seen, x), min(cycle.end, as_of), exact_sums)
    if option is not credit_options[0]:
        return None
    return (run.name, id(cycle), option.label, "by its end")
