"""The invariants' checks, each on an evaluation already made (:func:`recert.testing.invariants.check_all` shares one)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import attrs

from recert.api import evaluate
from recert.core.policy import Policy
from recert.core.record import Activity, ExamPass, Record
from recert.core.result import Evaluation, Event
from recert.testing._compare import (
    InvariantViolation,
    _cascades,
    _ce_amounts,
    _ce_eligible,
    _same,
    cut,
)
from recert.testing._terms import expiration


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
    if policy.program is not None and policy.program.fixed:
        return  # R-CASC-* do not apply to fixed cycles (programs.md preamble); the renewal map has its cases
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


def _claim_window(policy: Policy, record: Record, as_of: date, base: Evaluation) -> None:
    window = timedelta(days=policy.parameters.claim_window_days)
    if policy.program is not None and not policy.program.claim_window:
        window = timedelta.max  # reporting deadlines only (programs.md D-FC-2)
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
        if policy.program is None or not policy.program.fixed:  # fixed cycles: claims in the window count
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
