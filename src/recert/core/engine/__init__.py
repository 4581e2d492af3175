"""The replay: :func:`evaluate` decides a record by replaying its facts day by day.

Each day is handled in the order of D-DAY-1: terms whose expiration date was
the day before end (and retirements dated that day take effect), then terms
given by the record start, then the day's exam passes as one batch, then the
day's CE activities as one batch. After each step every active certification
is asked whether one of its options is met; a met option recertifies it on
that day (R-DATE-1), cascades down the ladder (R-CASC-1) and, at the pool's
level, resets the pool (R-CE-5).

The replay is pure: it reads the record and the policy and returns frozen
result objects. One module per idea (``docs/architecture.md``):

* ``_resolve``: names against the catalog (every unknown name a problem with its path).
* ``_state``: the mutable bookkeeping (terms, claims, days), which forks itself for what-ifs.
* ``_base``: the replay's state and the helpers every step uses.
* ``_timeline``: the days in date order (D-DAY-1).
* ``_terms``: terms start and end; versions; suspension, Emeritus, retirement.
* ``_renewal``: options met, recertification, cascades.
* ``_earning``: exam passes that earn a certification.
* ``_pool``: claims and the CE pool.
* ``_explain``: outcomes, status sentences, what is missing: the result.
* ``_whatif``: pending claims that would change the result (R-CE-3).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from recert.core._limits import describe
from recert.core.bounds import Work, check_record, whatif_work
from recert.core.cycles.evaluate import _evaluate as _evaluate_fixed_alone
from recert.core.cycles.evaluate import evaluate_fixed
from recert.core.engine._explain import result
from recert.core.engine._resolve import resolve
from recert.core.engine._timeline import Replay
from recert.core.engine._whatif import Trail, awaiting
from recert.core.policy import Policy
from recert.core.record import Record
from recert.core.result import Evaluation
from recert.exceptions import Problem, RecordError, RecordTypeError

__all__ = ["evaluate", "evaluate_alone"]

#: Fewest days with facts after the first pending claim's arrival for which the base replay
#: records its states so that what-ifs can stop early (measured: below this, recording costs
#: more than the what-ifs it shortens).
_TRAIL_AFTER_DAYS = 8


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
        RecordTypeError: *record* is not a :class:`~recert.core.record.Record`, or
            *as_of* is not a :class:`datetime.date` (a ``datetime`` or text is refused).
        RecordError: No evaluation date; more holdings, exam passes or activities than
            the loaders read (1,000 / 10,000 / 10,000); or names the policy does not know
            (a certification without ``level``, an exam without ``kind``, an
            unknown category or level), every problem with its path; or, under a
            ladder policy, when the what-ifs of ``awaiting`` need more than
            ``CE_WHATIF_WORK`` units of work (``bounds.whatif_work``, R-CE-3).
    """
    if type(record) is not Record and not isinstance(record, Record):
        raise RecordTypeError([Problem("record", f"{describe(record)} is not a recert.Record "
                                                 "(recert.record_from_mapping reads a dict)")])
    day = as_of if as_of is not None else record.as_of
    if day is None:
        raise RecordError([Problem("as_of", "is missing: give as_of to evaluate() or in the record")])
    if type(day) is not date:  # a datetime too: recert works in whole days (D-DATE-1)
        shown = repr(day) if isinstance(day, date) else describe(day)
        hint = " (date.fromisoformat reads text)" if isinstance(day, str) else ""
        raise RecordTypeError([Problem("as_of", f"{shown} is not a datetime.date{hint}")])
    check_record(record, day)  # counts and years spanned (issue 17: a bounded cost)
    if policy.program is not None and policy.program.fixed:  # the cycle kind, never a policy id
        return evaluate_fixed(record, day, policy)
    facts = resolve(record, policy)
    replay = Replay(policy, facts, day)
    # Copies of the replay at the start of each day a pending claim's credits would arrive:
    # up to that day, approving it changes nothing, so a what-if starts there (R-CE-3).
    fork_on = {e.arrival for e in replay.entries if not e.approved}
    # The base replay's states after the first such day: a what-if that reaches one of them
    # ends as the base replay does, and stops there (R-CE-3, see ``_whatif.Trail``). Recording
    # costs more than it saves when few days with facts follow: then every what-if runs to the
    # end (the same answer either way).
    trail = None
    work = None
    if fork_on:
        # The copies and the what-ifs' days are counted as they are made, and refused once over
        # CE_WHATIF_WORK (issue 17): the record's own replay is bounded by its counts.
        work = whatif_work(record, day)
        days = replay.timeline.days
        first = min(fork_on)
        if len(days) - bisect_right(days, first) >= _TRAIL_AFTER_DAYS:
            trail = Trail()
    forks = replay.run(
        fork_on=fork_on, watch=trail.recorder(first) if trail is not None else None, copies=work
    )
    if replay.problems:
        raise RecordError(replay.problems)
    return result(replay, record, awaiting(replay, forks, trail, work))


def evaluate_alone(record: Record, as_of: date, policy: Policy, work: Work | None = None) -> Evaluation:
    """Statuses, expiration dates, outcomes, the pool and what is missing, without what-ifs: a plan's what-if.

    Under a ladder policy the replay is a what-if's (R-CE-3): ``awaiting`` is left
    empty and the frequent events (recertifications, cascades, pool resets) are not
    written, so the events, the versions used and the sentences that cite them are
    incomplete; every status, expiration date, outcome and gap (``next``) is
    :func:`evaluate`'s, none of them reads an event or ``awaiting``. Each replayed day
    is charged to *work* when given. Under a fixed-cycle policy: :func:`evaluate`'s
    result without ``awaiting``.

    Raises:
        RecordError: As :func:`evaluate` (the what-if limit aside); and the problem
            of *work* once its limit is passed.
    """
    check_record(record, as_of)
    if policy.program is not None and policy.program.fixed:
        return _evaluate_fixed_alone(record, as_of, policy)
    replay = Replay(policy, resolve(record, policy), as_of)
    replay.explain = False
    replay.work = work
    replay.run()
    if replay.problems:
        raise RecordError(replay.problems)
    return result(replay, record, {})
