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

from collections.abc import Iterable

import attrs

from recert.core.cycles.counting import CycleRun, step_down
from recert.core.cycles.holding import HoldingRun, Seen
from recert.core.cycles.model import CreditMinimum
from recert.core.cycles.requirements import _credits

__all__ = ["unaffected"]

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
    if cycle.aligned_on is not None:
        return False  # its end was moved after the replay (R-CT-6): the dates read below are not the replay's
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
    """C's final counts with x more credits of the claim's category, year and naming (an upper bound)."""
    bound = attrs.evolve(
        cycle,
        categories=dict(cycle.categories),
        by_year=list(cycle.by_year),
        named=dict(cycle.named),
        members=[],
        items=set(),
        used={},
    )
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
