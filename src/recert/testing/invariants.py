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

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from typing import Any

import attrs

from recert.api import evaluate
from recert.core.policy import Policy
from recert.core.record import Activity, ExamPass, Record
from recert.core.requirements import CECredits
from recert.core.result import Evaluation, Event
from recert.testing._terms import expiration

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


class InvariantViolation(AssertionError):  # noqa: N818 - an assertion, named for what it reports
    """An invariant does not hold for one record on one date.

    The message names the invariant and the rule ids it stands for, says
    what differed, and prints the record as JSON with the evaluation date, so
    the counter-example can be pasted into a test or a bug report.

    Attributes:
        invariant: The invariant's name (``"order_independence"``).
        record: The record that breaks it.
        as_of: The evaluation date.
    """

    def __init__(self, invariant: str, message: str, record: Record, as_of: date) -> None:
        self.invariant = invariant
        self.record = record
        self.as_of = as_of
        text = json.dumps(record_to_dict(record), indent=None)
        super().__init__(
            f"invariant {invariant} broken on as_of={as_of.isoformat()}: {message}\n"
            f"record: {text}"
        )


# --------------------------------------------------------------------------- helpers


def record_to_dict(record: Record) -> dict[str, Any]:
    """A record in the JSON shape of the record format, empty fields left out.

    Args:
        record: Any record.

    Returns:
        A mapping ready for :func:`json.dumps` (dates as ISO strings).
    """

    def clean(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if v is not None and v != []}
        return value

    out: dict[str, Any] = clean(attrs.asdict(record, recurse=True))
    return out


def canonical(evaluation: Evaluation) -> dict[str, Any]:
    """The part of an evaluation that must not depend on how the record is written.

    Free-text sentences are dropped, activities are keyed by id, each day's
    events are sorted, the ``uses`` lists are sorted, and the rule of an
    ``unclaimed`` activity is dropped (see the module docstring).

    Args:
        evaluation: An evaluation.

    Returns:
        A JSON-like mapping; equal mappings mean equal decisions.
    """
    data = evaluation.to_dict()
    for cert in data["certifications"]:
        cert.pop("explanation", None)
        cert["awaiting"] = sorted(cert["awaiting"])
    activities: dict[str, Any] = {}
    for activity in data["activities"]:
        activity.pop("explanation", None)
        if activity["outcome"] == "unclaimed":
            activity.pop("rule", None)
        activities[activity["id"]] = activity
    data["activities"] = activities
    events = []
    for event in data["events"]:
        event.pop("detail", None)
        if event.get("uses"):
            event["uses"] = {k: sorted(v) for k, v in event["uses"].items()}
        events.append(event)
    data["events"] = sorted(events, key=lambda e: (e["on"], json.dumps(e, sort_keys=True)))
    return data


def _first_difference(left: Any, right: Any, path: str = "") -> str | None:
    """The path of the first difference between two JSON-like values, with both values."""
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        for key in sorted(set(left) | set(right), key=str):
            if key not in left or key not in right:
                return f"{path}.{key}: only in {'first' if key in left else 'second'}"
            found = _first_difference(left[key], right[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(left, list) and isinstance(right, list):
        for i, (a, b) in enumerate(zip(left, right, strict=False)):
            found = _first_difference(a, b, f"{path}[{i}]")
            if found:
                return found
        if len(left) != len(right):
            return f"{path}: {len(left)} entries vs {len(right)}"
        return None
    if left != right:
        return f"{path}: {left!r} vs {right!r}"
    return None


def _same(invariant: str, first: Evaluation, second: Evaluation, what: str,
          record: Record, as_of: date) -> None:
    diff = _first_difference(canonical(first), canonical(second))
    if diff is not None:
        raise InvariantViolation(invariant, f"{what}; first difference at {diff}", record, as_of)


def _cascades(policy: Policy, name: str, level: str) -> bool:
    """Whether cascades reach *name* and start from it (R-CASC-1, D-CASC-1)."""
    cert = policy.certification(name)
    if cert is not None and cert.cascade is not None:
        return cert.cascade
    return policy.level(level).ladder


def _ce_eligible(policy: Policy, name: str, level: str) -> bool:
    cert = policy.certification(name)
    if cert is not None and cert.ce_eligible is not None:
        return cert.ce_eligible
    return policy.level(level).ladder


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


def _order_independence(policy: Policy, record: Record, as_of: date, base: Evaluation) -> None:
    def rotate(items: tuple[Any, ...]) -> tuple[Any, ...]:
        return items[1:] + items[:1]

    for name, change in (("reversed", lambda t: t[::-1]), ("rotated by one", rotate)):
        for field in ("holdings", "exams", "activities"):
            items = getattr(record, field)
            if len(items) < 2:
                continue
            changes: dict[str, Any] = {field: change(items)}
            other = attrs.evolve(record, **changes)
            _same("order_independence", base, evaluate(other, as_of=as_of, policy=policy),
                  f"{field} {name} changes the evaluation", record, as_of)


def cut(record: Record, as_of: date) -> Record:
    """The record as it was known on *as_of* (D-ASOF-1), written independently of the engine.

    Holdings starting after *as_of*, exam passes after it and activities
    completed after it are dropped; a claim made after it is removed (the
    activity is unclaimed); a decision made after it is removed (the claim is
    pending). A decision without ``decided_on`` is known on the claim date.

    Args:
        record: Any record.
        as_of: The date.

    Returns:
        A record with no fact dated after *as_of*.
    """
    holdings = tuple(h for h in record.holdings if h.earned_on <= as_of)
    exams = tuple(e for e in record.exams if e.passed_on <= as_of)
    activities: list[Activity] = []
    for activity in record.activities:
        if activity.completed_on > as_of:
            continue
        if activity.claimed_on is not None and activity.claimed_on > as_of:
            activity = attrs.evolve(activity, claimed_on=None, status=None, decided_on=None)
        elif activity.decided_on is not None and activity.decided_on > as_of:
            activity = attrs.evolve(activity, status="pending", decided_on=None)
        activities.append(activity)
    return attrs.evolve(record, holdings=holdings, exams=exams, activities=tuple(activities))


def causality(policy: Policy, record: Record, as_of: date) -> None:
    """A fact dated after *as_of* changes nothing in the evaluation on *as_of* (D-ASOF-1).

    The evaluation equals that of the record cut to what was known on
    *as_of* (:func:`cut`); an activity completed after *as_of* is
    ``unclaimed``; and no event is dated after *as_of*.

    Raises:
        InvariantViolation: A later fact leaks into the evaluation.
    """
    _causality(policy, record, as_of, evaluate(record, as_of=as_of, policy=policy))


def _causality(policy: Policy, record: Record, as_of: date, base: Evaluation) -> None:
    for event in base.events:
        if event.on > as_of:
            raise InvariantViolation("causality", f"event {event.kind} of {event.certification} "
                                     f"is dated {event.on}, after as_of", record, as_of)
    known = cut(record, as_of)
    kept = {a.id for a in known.activities}
    for outcome in base.activities:
        if outcome.id not in kept and outcome.outcome != "unclaimed":
            raise InvariantViolation("causality", f"activity {outcome.id} completed after as_of "
                                     f"is {outcome.outcome}, not unclaimed", record, as_of)
    trimmed = attrs.evolve(base, activities=tuple(a for a in base.activities if a.id in kept))
    _same("causality", trimmed, evaluate(known, as_of=as_of, policy=policy),
          "the record cut to what was known on as_of evaluates differently", record, as_of)


def _ce_amounts(policy: Policy) -> list[float]:
    amounts = [
        r.credits
        for level in policy.levels
        for option in level.options
        for r in option.requirements
        if isinstance(r, CECredits)
    ]
    return sorted({1.0, max(amounts, default=1.0)})


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


def _local_monotonicity(policy: Policy, record: Record, as_of: date, base: Evaluation) -> None:
    if any(h.expires_on is not None for h in record.holdings):
        return
    before = {c.certification: c for c in base.certifications if c.status == "active"}
    if not before:
        return
    category = next((c.name for c in policy.categories if c.eligible), policy.categories[0].name)
    additions: list[tuple[str, Record]] = []
    for credits in _ce_amounts(policy):
        extra = Activity("invariant-extra", credits, as_of, item="invariant-extra-item",
                         category=category, claimed_on=as_of, status="approved")
        additions.append((f"an approved claim of {credits:g} CE credits completed on as_of",
                          attrs.evolve(record, activities=(*record.activities, extra))))
    kinds: dict[str, str] = {}
    for exam in policy.exams:
        kinds.setdefault(exam.kind, exam.code)
    for code in kinds.values():
        exam_pass = ExamPass(code, as_of)
        additions.append((f"a pass of {code} on as_of",
                          attrs.evolve(record, exams=(*record.exams, exam_pass))))
    for what, bigger in additions:
        after = evaluate(bigger, as_of=as_of, policy=policy)
        for status in after.certifications:
            old = before.get(status.certification)
            if old is None:
                continue
            if status.status != "active":
                raise InvariantViolation("local_monotonicity", f"adding {what} leaves "
                                         f"{status.certification} {status.status}", record, as_of)
            renewed_today = status.recertified_on == as_of and status.term_started_on == as_of
            if old.expires_on is not None and (
                status.expires_on is not None and status.expires_on < old.expires_on
            ) and not renewed_today:
                raise InvariantViolation(
                    "local_monotonicity",
                    f"adding {what} moves the expiration date of {status.certification} "
                    f"from {old.expires_on} to {status.expires_on}", record, as_of)
            if old.expires_on is None and status.expires_on is not None:
                raise InvariantViolation(
                    "local_monotonicity",
                    f"adding {what} gives lifetime {status.certification} an expiration date "
                    f"{status.expires_on}", record, as_of)


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


def _no_double_counting(policy: Policy, record: Record, as_of: date, base: Evaluation) -> None:
    by_id = {a.id: a for a in record.activities}
    outcomes = {a.id: a for a in base.activities}
    seen: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    carried = policy.parameters.carry_over_excess
    for event in base.events:
        if event.kind not in ("earned", "recertified") or event.uses is None:
            continue
        items: dict[str, str] = {}
        # With carry_over_excess the unused part of an activity stays in the pool
        # (D-POOL-2), so one activity may serve two recertifications in parts.
        once = event.uses.exams if carried else (*event.uses.activities, *event.uses.exams)
        for key in once:
            mark = (event.certification, key)
            if mark in seen:
                raise InvariantViolation(
                    "no_double_counting",
                    f"{key} is used by {event.certification} on {seen[mark]} and again on {event.on}",
                    record, as_of)
            seen[mark] = event.on.isoformat()
        for activity_id in event.uses.activities:
            used.add(activity_id)
            outcome = outcomes[activity_id].outcome
            if outcome not in ("counted", "forfeited"):
                raise InvariantViolation(
                    "no_double_counting",
                    f"activity {activity_id} is used by {event.certification} on {event.on} "
                    f"but its outcome is {outcome}", record, as_of)
            item = by_id[activity_id].item_key
            if not carried and item in items:
                raise InvariantViolation(
                    "no_double_counting",
                    f"activities {items[item]} and {activity_id} of item {item!r} are both used "
                    f"by {event.certification} on {event.on}", record, as_of)
            items[item] = activity_id
    if not policy.parameters.carry_over_excess:
        _once_per_term_in_pool(record, as_of, base, used)
    # With pooling = "each_level" every level renews from its own view of the same credits
    # (D-POOL-1's alternative), so credits a lower level used may still sit in a higher pool.
    single_pool = policy.parameters.pooling == "highest_level"
    if base.pool is not None and not policy.parameters.carry_over_excess and single_pool:
        available = sum(
            by_id[a.id].credits for a in base.activities
            if a.outcome == "counted" and a.id not in used
        )
        if base.pool.credits > available + 1e-9:
            raise InvariantViolation(
                "no_double_counting",
                f"the pool holds {base.pool.credits:g} CE credits but the counted activities "
                f"no recertification used hold {available:g}", record, as_of)


def _once_per_term_in_pool(record: Record, as_of: date, base: Evaluation, used: set[str]) -> None:
    """Counted, unused activities of one active certification's current term have distinct items."""
    by_id = {a.id: a for a in record.activities}
    terms = {c.certification: c.term_started_on for c in base.certifications if c.status == "active"}
    holder: dict[tuple[str, str], str] = {}
    for outcome in base.activities:
        toward = outcome.counted_toward
        if outcome.outcome != "counted" or outcome.id in used or toward not in terms:
            continue
        activity = by_id[outcome.id]
        if activity.completed_on < terms[toward]:
            continue
        key = (toward, activity.item_key)
        if key in holder:
            raise InvariantViolation(
                "no_double_counting",
                f"activities {holder[key]} and {outcome.id} of item {activity.item_key!r} both "
                f"count in the current term of {toward} (once per term, R-CE-1, D-DUP-1)",
                record, as_of)
        holder[key] = outcome.id


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


def _active_on(events: list[Event], day: date) -> bool:
    """Whether a certification with these events (date order) is active, not retired, on *day*."""
    active = False
    for event in events:
        if event.on > day:
            break
        if event.kind in ("held", "earned"):
            active = event.on < day or event.kind == "earned"
        elif event.kind in ("expired", "retired"):
            active = False
    return active


def _retirements(policy: Policy, record: Record) -> dict[str, date]:
    """Retirement dates by canonical name: the holding's, else the catalog's (R-RET-1)."""
    out: dict[str, date] = {}
    for holding in record.holdings:
        cert = policy.certification(holding.certification)
        name = cert.name if cert is not None else holding.certification
        when = holding.retired_on or (cert.retired_on if cert is not None else None)
        if when is not None:
            out[name] = when
    return out


def _cascade(policy: Policy, record: Record, as_of: date, base: Evaluation) -> None:
    levels = {c.certification: c.level for c in base.certifications}
    retired_on = _retirements(policy, record)
    history: dict[str, list[Event]] = defaultdict(list)
    for event in base.events:
        history[event.certification].append(event)
    for event in base.events:
        if event.kind not in ("recertified", "earned"):
            continue
        source, day, strictly = event.certification, event.on, event.kind == "earned"
        level = levels.get(source)
        if level is None or not _cascades(policy, source, level):
            continue
        rank = policy.level(level).rank
        for status in base.certifications:
            lower = policy.level(status.level).rank
            if (
                status.certification == source
                or status.expires_on is None
                or not _cascades(policy, status.certification, status.level)
                or lower > rank
                or (strictly and lower == rank)
                or not _active_on(history[status.certification], day)
                or retired_on.get(status.certification, date.max) <= day
            ):
                continue
            least = expiration(policy, status.certification, status.level, day)
            if least is not None and status.expires_on < least:
                raise InvariantViolation(
                    "cascade",
                    f"{source} ({level}) {event.kind} on {day} but {status.certification} "
                    f"({status.level}), active that day, expires on {status.expires_on}, "
                    f"before {day} + its validity = {least}",
                    record, as_of)


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


def _claim_window(policy: Policy, record: Record, as_of: date, base: Evaluation) -> None:
    window = timedelta(days=policy.parameters.claim_window_days)
    by_id = {a.id: a for a in record.activities}
    by_claim_day: dict[date, list[tuple[str, str | None]]] = defaultdict(list)
    for outcome in base.activities:
        if outcome.outcome not in ("counted", "forfeited", "pending"):
            continue
        activity = by_id[outcome.id]
        claimed = activity.claimed_on
        if claimed is None:
            raise InvariantViolation("claim_window", f"activity {outcome.id} is {outcome.outcome} "
                                     "but was never claimed", record, as_of)
        if claimed - activity.completed_on > window:
            raise InvariantViolation(
                "claim_window",
                f"activity {outcome.id} claimed on {claimed}, {(claimed - activity.completed_on).days} "
                f"days after completion on {activity.completed_on}, is {outcome.outcome}; the window "
                f"is {window.days} days", record, as_of)
        # A forfeited activity's counted_toward names the reset that forfeited
        # it, and a carried-over one (carry_over_excess) follows the pool: of
        # those, only some CE-eligible certification active on the claim date
        # is required.
        carried = policy.parameters.carry_over_excess
        toward = outcome.counted_toward
        if outcome.outcome == "forfeited" or carried:
            toward = None
        by_claim_day[claimed].append((outcome.id, toward))
    for day, claims in sorted(by_claim_day.items()):
        without = attrs.evolve(
            record, activities=tuple(a for a in record.activities if a.claimed_on != day))
        then = evaluate(without, as_of=day, policy=policy)
        active = {c.certification for c in then.certifications if c.status == "active"}
        eligible = {c for c in active if _ce_eligible(policy, c, then.certification(c).level)}
        for activity_id, toward in claims:
            ok = toward in active if toward is not None else bool(eligible)
            if not ok:
                raise InvariantViolation(
                    "claim_window",
                    f"activity {activity_id} claimed on {day} counts toward "
                    f"{toward or 'a CE-eligible certification'}, which was not active that day",
                    record, as_of)


def completeness(policy: Policy, record: Record, as_of: date) -> None:
    """Every activity appears once with an outcome; every rule id exists in the policy.

    Also: activities are listed in input order; ``reason`` is given exactly
    for ``rejected`` outcomes; events are in date order; every certification
    of the record's holdings that started by *as_of* is reported.

    Raises:
        InvariantViolation: Something is missing, repeated or cites an unknown rule.
    """
    _completeness(policy, record, as_of, evaluate(record, as_of=as_of, policy=policy))


def _completeness(policy: Policy, record: Record, as_of: date, base: Evaluation) -> None:
    def fail(message: str) -> None:
        raise InvariantViolation("completeness", message, record, as_of)

    ids = [a.id for a in base.activities]
    if ids != [a.id for a in record.activities]:
        fail(f"activities in the result {ids} are not the record's, in input order")
    for outcome in base.activities:
        if (outcome.reason is not None) != (outcome.outcome == "rejected"):
            fail(f"activity {outcome.id} is {outcome.outcome} with reason {outcome.reason}")
    rules: list[tuple[str, str]] = []
    rules += [(f"certification {c.certification}", c.rule) for c in base.certifications]
    rules += [(f"activity {a.id}", a.rule) for a in base.activities]
    rules += [(f"event {e.kind} of {e.certification} on {e.on}", e.rule) for e in base.events]
    rules += [(f"next of {n.certification}", n.rule) for n in base.next]
    for where, rule in rules:
        if rule not in policy.rules:
            fail(f"{where} cites rule {rule!r}, which the policy does not list")
    days = [e.on for e in base.events]
    if days != sorted(days):
        fail("events are not in date order")
    reported = {c.certification for c in base.certifications}
    for holding in record.holdings:
        cert = policy.certification(holding.certification)
        name = cert.name if cert is not None else holding.certification
        if holding.earned_on <= as_of and name not in reported:
            fail(f"holding {holding.certification} (started {holding.earned_on}) is not reported")


def status_matches_dates(policy: Policy, record: Record, as_of: date) -> None:
    """A status agrees with the dates: active exactly through the expiration date (R-VAL-1).

    ``active`` if and only if there is no expiration date or *as_of* is on
    or before it; ``days_left`` is the day count from *as_of* to it; a term
    starts on or before *as_of* and before its expiration date.

    Raises:
        InvariantViolation: A status, term or day count contradicts the dates.
    """
    _status_matches_dates(policy, record, as_of, evaluate(record, as_of=as_of, policy=policy))


def _status_matches_dates(policy: Policy, record: Record, as_of: date, base: Evaluation) -> None:
    for c in base.certifications:
        active = c.expires_on is None or as_of <= c.expires_on
        if (c.status == "active") != active:
            raise InvariantViolation(
                "status_matches_dates",
                f"{c.certification} is {c.status} on {as_of} with expiration date {c.expires_on} "
                "(a term ends on its expiration date, inclusive)", record, as_of)
        if c.expires_on is not None and c.days_left != (c.expires_on - as_of).days:
            raise InvariantViolation(
                "status_matches_dates",
                f"{c.certification} has days_left {c.days_left}, expected "
                f"{(c.expires_on - as_of).days}", record, as_of)
        if c.term_started_on > as_of or (c.expires_on is not None and c.term_started_on > c.expires_on):
            raise InvariantViolation(
                "status_matches_dates",
                f"{c.certification} has a term from {c.term_started_on} to {c.expires_on}",
                record, as_of)


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
