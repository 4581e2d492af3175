"""Invariants every evaluation must satisfy, whatever the record: named, documented checks.

Each invariant is a function ``(policy, record, as_of) -> None`` that
evaluates the record (often several variants of it) with
:func:`recert.evaluate` and raises :class:`InvariantViolation` with a readable
counter-example (the invariant, the rule ids, the record as JSON, the date and
what differed) when the engine breaks it. Run them from a Hypothesis test::

    @given(rst.cases(policy))
    def test_policy(case):
        check_all(policy, case.record, case.as_of)

What "the same evaluation" means: two evaluations are compared on their JSON
shape (:meth:`~recert.core.result.Evaluation.to_dict`) without the free-text
``explanation`` and ``detail`` sentences, with activities keyed by id, the
events of one day compared as a set, and the rule of an ``unclaimed``
activity left out (``D-CLAIM-3`` "never claimed" and ``D-ASOF-1`` "claimed
later" both mean nothing is known yet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from recert.api import evaluate
from recert.core.policy import Policy
from recert.core.record import Record
from recert.core.result import Evaluation
from recert.testing._checks import (
    _cascade,
    _causality,
    _claim_window,
    _completeness,
    _local_monotonicity,
    _no_double_counting,
    _order_independence,
    _status_matches_dates,
)
from recert.testing._compare import InvariantViolation, canonical, cut, record_to_dict

__all__ = [
    "ALL",
    "InvariantViolation",
    "canonical",
    "cascade",
    "causality",
    "check_all",
    "claim_window",
    "completeness",
    "cut",
    "invariant_test",
    "local_monotonicity",
    "no_double_counting",
    "order_independence",
    "record_to_dict",
    "status_matches_dates",
]

Invariant = Callable[[Policy, Record, date], None]


# --------------------------------------------------------------------------- helpers


# --------------------------------------------------------------------------- invariants


def order_independence(policy: Policy, record: Record, as_of: date) -> None:
    """Shuffling any list of the record changes nothing (the record is a set of facts).

    The holdings, exam passes and activities are each reversed, then rotated
    by one, and the evaluations compared (see :func:`canonical`: activities
    are keyed by id and the events of one day compared as a set, since both
    are listed in input order).

    Raises:
        InvariantViolation: The evaluation depends on the order of a list.
    """
    _order_independence(policy, record, as_of, evaluate(record, as_of=as_of, policy=policy))


def causality(policy: Policy, record: Record, as_of: date) -> None:
    """A fact dated after *as_of* changes nothing in the evaluation on *as_of* (D-ASOF-1).

    The evaluation equals that of the record cut to what was known on
    *as_of* (:func:`cut`); an activity completed after *as_of* is
    ``unclaimed``; and no event is dated after *as_of*.

    Raises:
        InvariantViolation: A later fact leaks into the evaluation.
    """
    _causality(policy, record, as_of, evaluate(record, as_of=as_of, policy=policy))


def local_monotonicity(policy: Policy, record: Record, as_of: date) -> None:
    """Adding an approved claim or an exam pass dated *as_of* never hurts on *as_of*.

    With one more approved, valid claim of an activity completed and claimed
    on *as_of* (1 credit, and the largest CE requirement of the policy), or
    one more pass on *as_of* of one exam of each kind, every certification
    that was active on *as_of* stays active, with an expiration date no
    earlier than before (R-DATE-1, R-CASC-1: a recertification or a cascade
    only moves it later).

    Stated locally on purpose: an added fact can make a *later* date worse,
    because early recertification pulls the expiration forward (R-DATE-1,
    D-DATE-2): the new term runs from the day of the recertification, not
    from the old expiration date. That is the policy, not a bug. For the
    same reason the check skips records whose holdings give ``expires_on``
    (a direct recertification may then set an earlier date, D-DATE-2), and
    a certification the added fact recertifies on *as_of* itself: its new
    term is as long as any term the version in force allows, so an earlier
    date than before means the old term was longer (a given date, or an
    older version's renewal counted from the old expiration date,
    R-PRE2020-1), which D-DATE-2 rightly cuts back.

    Raises:
        InvariantViolation: The added fact made a certification expired, or
            its expiration date earlier, on *as_of*.
    """
    _local_monotonicity(policy, record, as_of, evaluate(record, as_of=as_of, policy=policy))


def no_double_counting(policy: Policy, record: Record, as_of: date) -> None:
    """No activity or exam pass is used twice for one certification; used CE was counted.

    - Every activity and exam pass appears in the ``uses`` of at most one
      earning or recertification of each certification (R-CE-5, D-EXAM-1,
      D-EXAM-2). Under ``carry_over_excess`` the part of an activity a
      recertification did not need stays in the pool (D-POOL-2), so there
      only exam passes are held to this.
    - An activity named in ``uses`` was approved and counted: its outcome
      is ``counted`` or ``forfeited``, never ``pending``, ``rejected`` or
      ``unclaimed`` (R-CE-1).
    - Without ``carry_over_excess``, the credits in the pool never exceed
      the credits of the counted activities no recertification used (the
      pool is reset, R-CE-5); with it the remainder of an activity a
      recertification used only in part may stay (D-POOL-2). Checked with
      ``pooling = "highest_level"`` only: with ``each_level`` every level
      renews from its own view of the same credits (D-POOL-1).
    - Without ``carry_over_excess``, the activities one recertification
      uses are of distinct catalog items, and so are the counted, unused
      activities completed in an active certification's current term
      (once per term, R-CE-1, D-DUP-1); with it an item carried from an
      earlier term may meet its twin.

    Raises:
        InvariantViolation: Something counted twice, or credits appeared from nowhere.
    """
    _no_double_counting(policy, record, as_of, evaluate(record, as_of=as_of, policy=policy))


def cascade(policy: Policy, record: Record, as_of: date) -> None:
    """A recertification renews the ladder at its level and below (R-CASC-1, R-CASC-2, D-CASC-1).

    When a ladder certification recertifies on D at level L (or is earned on
    D, R-CASC-2: strictly below L), every certification that was active on D,
    not retired by D, reached by cascades, at level L and below, with an
    expiration date, ends up expiring no earlier than D + its validity
    (later recertifications only move that date further). "Active on D" is
    read from the evaluation's events with everything known on *as_of* (a
    claim approved later recertifies retroactively, R-CE-3): a term given by
    the record or earned by D, with no ``expired`` event dated from its start
    through D. A certification whose term given by the record starts on D
    is left out (it starts after the day's recertification, D-DAY-1).

    Raises:
        InvariantViolation: A certification the cascade should have renewed expires earlier.
    """
    _cascade(policy, record, as_of, evaluate(record, as_of=as_of, policy=policy))


def claim_window(policy: Policy, record: Record, as_of: date) -> None:
    """No late claim is counted (R-CE-2, D-CLAIM-1, D-CLAIM-2, D-CLAIM-3, D-OUTCOME-1).

    An activity whose outcome is ``counted``, ``forfeited`` or ``pending``
    was claimed at most ``claim_window_days`` after completion (day 0 is the
    completion date); and on its claim date, in the record without the
    claims made that day, the certification it counts (or, pending, would
    count) toward was still active; for a ``forfeited`` one, or under
    ``carry_over_excess`` where carried credits follow the pool, some
    CE-eligible certification was. The
    claims of the day are left out so that a late claim cannot vouch for
    itself by recertifying retroactively.

    Raises:
        InvariantViolation: A claim outside its window, or after every
            certification it could count toward expired, counts.
    """
    _claim_window(policy, record, as_of, evaluate(record, as_of=as_of, policy=policy))


def completeness(policy: Policy, record: Record, as_of: date) -> None:
    """Every activity appears once with an outcome; every rule id exists in the policy.

    Also: activities are listed in input order; ``reason`` is given exactly
    for ``rejected`` outcomes; events are in date order; every certification
    of the record's holdings that started by *as_of* is reported.

    Raises:
        InvariantViolation: Something is missing, repeated or cites an unknown rule.
    """
    _completeness(policy, record, as_of, evaluate(record, as_of=as_of, policy=policy))


def status_matches_dates(policy: Policy, record: Record, as_of: date) -> None:
    """A status agrees with the dates: active exactly through the expiration date (R-VAL-1).

    ``active`` if and only if there is no expiration date or *as_of* is on
    or before it; ``days_left`` is the day count from *as_of* to it; a term
    starts on or before *as_of* and before its expiration date.

    Raises:
        InvariantViolation: A status, term or day count contradicts the dates.
    """
    _status_matches_dates(policy, record, as_of, evaluate(record, as_of=as_of, policy=policy))


_CHECKS: dict[str, Callable[[Policy, Record, date, Evaluation], None]] = {
    "order_independence": _order_independence,
    "causality": _causality,
    "local_monotonicity": _local_monotonicity,
    "no_double_counting": _no_double_counting,
    "cascade": _cascade,
    "claim_window": _claim_window,
    "completeness": _completeness,
    "status_matches_dates": _status_matches_dates,
}

#: Every invariant, by name, in the order :func:`check_all` runs them.
ALL: dict[str, Invariant] = {
    "order_independence": order_independence,
    "causality": causality,
    "local_monotonicity": local_monotonicity,
    "no_double_counting": no_double_counting,
    "cascade": cascade,
    "claim_window": claim_window,
    "completeness": completeness,
    "status_matches_dates": status_matches_dates,
}


def check_all(policy: Policy, record: Record, as_of: date, *,
              only: Iterable[str] | None = None) -> None:
    """Run every invariant (or those named in *only*) on one record and date.

    The record is evaluated once and the evaluation shared by the checks.

    Args:
        policy: The policy.
        record: The record.
        as_of: The evaluation date.
        only: Names from :data:`ALL` to run; all when ``None``.

    Raises:
        InvariantViolation: The first invariant that does not hold.
        KeyError: A name in *only* is not an invariant.
    """
    base = evaluate(record, as_of=as_of, policy=policy)
    for name in only if only is not None else _CHECKS:
        _CHECKS[name](policy, record, as_of, base)


def invariant_test(policy: Policy, *, only: Iterable[str] | None = None,
                   **record_options: Any) -> Callable[..., None]:
    """A ready Hypothesis test running :func:`check_all` on records of *policy*.

    Assign it to a ``test_*`` name in a test module and pytest collects it::

        test_my_policy = invariant_test(load_policy("my-policy.toml"))

    Args:
        policy: The policy under test.
        only: Names from :data:`ALL` to run; all when ``None``.
        **record_options: Passed to :func:`recert.testing.strategies.records`
            (e.g. ``max_activities=12``).

    Returns:
        A test function taking no arguments (Hypothesis supplies the case);
        its settings come from the active Hypothesis profile.
    """
    from hypothesis import given

    from recert.testing.strategies import Case, cases

    chosen = tuple(only) if only is not None else None

    @given(case=cases(policy, **record_options))
    def test(case: Case) -> None:
        check_all(policy, case.record, case.as_of, only=chosen)

    test.__name__ = test.__qualname__ = f"test_invariants_{policy.id}"
    return test
