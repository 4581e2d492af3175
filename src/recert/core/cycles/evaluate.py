"""The evaluator of fixed-cycle policies (``[lifecycle] cycle = "fixed"``, programs.md section 1).

:func:`evaluate_fixed` gives the same :class:`~recert.core.result.Evaluation` as
the rolling-cycle replay, with the additions of programs.md section 7: the
unit, each holding's cycle, window end and shortfalls, and each activity's
counted credits, cap, rollover and cycle. Every activity gets exactly one
outcome, every decision its rule id and a sentence with the dates.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from functools import partial

import attrs
from dateutil.relativedelta import relativedelta

from recert.core.cycle_result import ActivityCycle
from recert.core.cycles.dates import dates_in_range, first_end, validity_on
from recert.core.cycles.explain import certification_status, events_of, next_steps
from recert.core.cycles.holding import Decision, HoldingRun, Seen
from recert.core.cycles.model import Program
from recert.core.cycles.renewal_map import align_map, earned_alignment
from recert.core.cycles.requirements import Passes
from recert.core.cycles.whatif import check_budget, share_key, unaffected
from recert.core.policy import Certification, Policy, normalize_name
from recert.core.record import Activity, Holding, Record
from recert.core.result import ActivityOutcome, CertificationStatus, Evaluation
from recert.exceptions import Problem, RecordError

__all__ = ["evaluate_fixed"]


def _claim(a: Activity, as_of: date) -> tuple[str, bool]:
    """The claim state as of *as_of*: ``unclaimed``, ``rejected`` or ``claimed``, and whether approved (D-ASOF-1)."""
    if a.claimed_on is None or a.claimed_on > as_of:
        return "unclaimed", False
    decided = a.decided_on is None or a.decided_on <= as_of
    if a.status == "rejected" and decided:
        return "rejected", False
    return "claimed", a.status == "approved" and decided


def _names(policy: Policy, names: tuple[str, ...] | None) -> set[str] | None:
    if names is None:
        return None
    out = set()
    for name in names:
        cert = policy.certification(name)
        out.add(cert.name if cert is not None else normalize_name(name))
    return out


def _sees(
    program: Program, cert: Certification, named_req: bool, applies: set[str] | None
) -> tuple[bool, bool]:
    """Whether an activity counts toward *cert* (DESIGN.md 1.12), and whether it names it."""
    if applies is None:
        return not named_req, False
    if cert.name in applies:
        return True, True
    shared = any(
        f.leader == cert.name and f.share_credits and n in applies for n, f in program.follows.items()
    )
    return shared, False


def evaluate_fixed(record: Record, as_of: date, policy: Policy) -> Evaluation:
    """Decide a record under a fixed-cycle policy, with ``awaiting`` filled (R-FC-5, Cisco R-CE-3).

    A pending claim (``pending`` or ``audit``) is awaited by every certification
    whose status or expiration date its approval would change: the record is
    decided again with that one claim approved, unless the base replay already
    proves that its approval changes nothing (:func:`~recert.core.cycles.whatif.unaffected`);
    claims whose what-ifs are proved alike share one (:func:`~recert.core.cycles.whatif.share_key`).

    Raises:
        RecordError: As :func:`_decide`; and on ``activities`` when the what-ifs
            left are over :data:`~recert.core.cycles.whatif.WHATIF_BUDGET`.
    """
    base, runs = _decide(record, as_of, policy)
    claims = [_claim(a, as_of) for a in record.activities]
    plan: list[tuple[int, Hashable | None]] = []  # (claim index, share key) of the claims to decide again
    for i, a in enumerate(record.activities):
        if claims[i] != ("claimed", False) or a.completed_on > as_of:
            continue
        if not unaffected(runs.values(), i):  # else proved: approving it changes nothing (whatif.py)
            plan.append((i, share_key(runs.values(), i, as_of)))
    check_budget(record, plan, len(runs))
    waiting: dict[str, list[str]] = {}
    shared: dict[Hashable, list[str]] = {}
    for i, key in plan:
        changed = shared.get(key) if key is not None else None
        if changed is None:
            changed = _changed_by(record, i, as_of, policy, base)
            if key is not None:
                shared[key] = changed
        for name in changed:
            waiting.setdefault(name, []).append(record.activities[i].id)
    if not waiting:
        return base
    statuses = tuple(_awaiting(c, waiting.get(c.certification, [])) for c in base.certifications)
    return attrs.evolve(base, certifications=statuses)


def _changed_by(record: Record, index: int, as_of: date, policy: Policy, base: Evaluation) -> list[str]:
    """The certifications whose status or expiration date change when claim *index* is approved (a what-if)."""
    approved = attrs.evolve(record.activities[index], status="approved", decided_on=None)
    activities = (*record.activities[:index], approved, *record.activities[index + 1 :])
    other = _evaluate(attrs.evolve(record, activities=activities), as_of, policy)
    return [
        before.certification
        for before, after in zip(base.certifications, other.certifications, strict=True)
        if (before.status, before.expires_on) != (after.status, after.expires_on)
    ]


def _awaiting(status: CertificationStatus, ids: list[str]) -> CertificationStatus:
    """*status* with the pending claims it awaits and a sentence naming them, by activity id.

    Sorted by id as the Cisco engine lists its own (``engine._whatif.awaiting``), so that the
    order of the record's activities never shows in the result.
    """
    if not ids:
        return status
    ids = sorted(ids)
    many = len(ids) > 1
    text = (
        f"{status.explanation}; unless pending claim{'s' if many else ''} {', '.join(ids)} "
        f"{'are' if many else 'is'} approved (R-FC-5)"
    )
    return attrs.evolve(status, awaiting=tuple(ids), explanation=text)


def _evaluate(record: Record, as_of: date, policy: Policy) -> Evaluation:
    """The evaluation without ``awaiting`` (what a what-if compares; tests' naive reference)."""
    return _decide(record, as_of, policy)[0]


def _decide(record: Record, as_of: date, policy: Policy) -> tuple[Evaluation, dict[str, HoldingRun]]:
    """Decide a record under a fixed-cycle policy (programs.md R-FC-1 to R-FC-10, D-FC-1 to D-FC-5).

    Args:
        record: The person's holdings, exam passes and activities.
        as_of: The evaluation date; facts after it do not exist (D-ASOF-1).
        policy: A policy whose ``program.lifecycle.cycle`` is ``"fixed"``.

    Returns:
        The evaluation, with ``policy.unit`` and the fixed-cycle fields, and each
        certification's replay.

    Raises:
        RecordError: A holding names a certification the catalog lacks, or an
            activity a category the policy lacks (each with its path).
    """
    program = policy.program
    assert program is not None
    problems: list[Problem] = dates_in_range(record, as_of)
    certs: list[tuple[Holding, Certification]] = []
    for i, h in enumerate(record.holdings):
        cert = policy.certification(h.certification)
        if cert is None:
            problems.append(
                Problem(
                    f"holdings[{i}].certification",
                    f"{h.certification!r} is not a certification of the policy {policy.id}",
                )
            )
        elif h.earned_on <= as_of:  # a holding that starts later does not exist yet (D-ASOF-1)
            certs.append((h, cert))
    certs = _with_earned(certs, record, as_of, policy)
    categories: list[str] = []
    for i, a in enumerate(record.activities):
        category = a.category
        if policy.category(category) is None and category == "training" and program.default_category:
            category = program.default_category
        if policy.category(category) is None:
            problems.append(
                Problem(
                    f"activities[{i}].category", f"{a.category!r} is not a category of the policy {policy.id}"
                )
            )
        categories.append(category)
    if problems:
        raise RecordError(problems)
    rank = {lvl.name: lvl.rank for lvl in policy.levels}
    certs.sort(key=lambda hc: (-rank[hc[1].level], hc[1].name))
    passes = Passes.of(
        (exam.code if (exam := policy.exam(e.exam)) is not None else e.exam, e.passed_on)
        for e in record.exams
        if e.passed_on <= as_of
    )
    fees = {c.name: h.fees_paid_through for h, c in certs}
    claims = [_claim(a, as_of) for a in record.activities]
    runs: dict[str, HoldingRun] = {}
    order = sorted(certs, key=lambda hc: hc[1].name in program.follows)  # leaders first
    # Intent level (R-CT-4): with pooling = "highest_level" an activity a higher certification keeps
    # is not seen by lower ones; it is released when that certification's cycle lapsed (D-DESIGN-4).
    intent = policy.parameters.pooling == "highest_level"
    taken: set[int] = set()
    owners: dict[int, str] = {}
    earned_ends: dict[str, date] = {}
    for holding, cert in order:
        level = policy.level(cert.level)
        lifecycle = program.lifecycle_of(cert.level)
        options = program.options_of(cert.name, cert.level)
        follow = program.follows.get(cert.name)
        leader = runs.get(follow.leader) if follow is not None else None
        validity = validity_on(cert.validity or level.validity, holding.earned_on)
        years = validity.years if validity is not None else None
        make = partial(
            HoldingRun,
            cert.name,
            program,
            lifecycle,
            years or 0,
            options,
            program.caps_of(cert.name, cert.level),
            fees[follow.leader] if follow is not None and follow.leader in fees else fees[cert.name],
            passes,
            as_of,
            frozenset(policy.rules),
            leader=leader,
            earning_codes=frozenset(code for rule in cert.earned_by for slot in rule.slots for code in slot),
            earn_days=_earn_days(cert, passes, policy.parameters.earning_window_years),
        )
        run = runs[cert.name] = make()
        if years is None or (follow is not None and leader is None):
            continue  # lifetime (or a follower without its leader): no cycle, no credits
        named_req = any(getattr(r, "named", False) for o in options for r in o.requirements)
        seen: list[Seen] = []
        for i, a in enumerate(record.activities):
            state, approved = claims[i]
            kind = policy.category(categories[i])
            if (
                state != "claimed"
                or a.completed_on > as_of
                or i in taken
                or kind is None
                or not kind.eligible
            ):
                continue
            counts, named = _sees(program, cert, named_req, _names(policy, a.applies_to))
            if counts:
                seen.append(Seen(i, a, categories[i], approved, named))
        if leader is not None and leader.cycles:
            start, end = leader.cycles[0].start, leader.cycles[0].end
        else:
            start = holding.earned_on
            end = first_end(start, holding.expires_on, years, lifecycle)
        # R-CT-6 "earned on D" stretches the first cycle before its activities count, but only for
        # the days D up to its renewal: a later D is compared with the renewed next end (align_map).
        limit: date | None = None
        earned_ends[cert.name] = end  # its own new cycle when earned, before any alignment
        while True:
            stretched, aligned = earned_alignment(runs, earned_ends, cert.name, program, start, end, limit)
            run.run(start, stretched, seen)
            renewed = run.cycles[0].renewed_on
            if not aligned or renewed is None or aligned[-1][0] <= renewed:
                break
            limit, run = renewed, make()  # fewer earnings each time (the limit decreases)
            runs[cert.name] = run
        if intent:
            kept = run.kept()
            for i in kept - taken:
                owners[i] = cert.name  # decided now, before any alignment changes a cycle (D-FIXED-5)
            taken |= kept
        if aligned:  # marked after kept(): as for a renewal's alignment (align_map)
            run.cycles[0].aligned_on, run.cycles[0].aligned_by, _ = aligned[-1]
            run.cycles[0].alignments = aligned
    align_map(runs, earned_ends, certs, program)
    statuses = [certification_status(runs[c.name], h, c, policy, as_of) for h, c in certs]
    outcomes = [
        _outcome(
            i, a, claims[i][0], categories[i], [runs[c.name] for _, c in certs], policy, as_of, owners.get(i)
        )
        for i, a in enumerate(record.activities)
    ]
    evaluation = Evaluation(
        as_of=as_of,
        policy=(("id", policy.id), ("version", policy.version), ("unit", program.unit)),
        certifications=tuple(statuses),
        activities=tuple(outcomes),
        pool=None,
        next=next_steps(statuses, runs, policy, as_of),
        events=events_of(runs, [c for _, c in certs], as_of),
        candidate=record.candidate,
    )
    return evaluation, runs


def _earn_days(cert: Certification, passes: Passes, window_years: int) -> frozenset[date]:
    """The days on which a pass completes one of *cert*'s earning rules (every slot passed within the window)."""
    out = set()
    for code, day in passes:
        if day in out:
            continue
        earliest = day - relativedelta(years=window_years)
        for rule in cert.earned_by:
            if any(code in slot for slot in rule.slots) and all(
                any(passes.any_between(c, earliest, day, after_low=False) for c in slot)
                for slot in rule.slots
            ):
                out.add(day)
                break
    return frozenset(out)


def _with_earned(
    certs: list[tuple[Holding, Certification]], record: Record, as_of: date, policy: Policy
) -> list[tuple[Holding, Certification]]:
    """One holding per certification: the record's latest, or one earned by exam passes (spec section 7).

    A certification the record does not hold is earned on the day the passes
    fill every slot of one of its earning rules (the latest of the earliest
    pass of each slot), if that day is on or before *as_of*.
    """
    latest: dict[str, tuple[Holding, Certification]] = {}
    for h, c in certs:
        if c.name not in latest or h.earned_on > latest[c.name][0].earned_on:
            latest[c.name] = (h, c)
    passes: dict[str, date] = {}
    for e in record.exams:
        exam = policy.exam(e.exam)
        if exam is not None and e.passed_on <= as_of:
            passes[exam.code] = min(passes.get(exam.code, e.passed_on), e.passed_on)
    for cert in policy.certifications:
        if cert.name in latest:
            continue
        days = []
        for rule in cert.earned_by:
            firsts = [min((passes[c] for c in slot if c in passes), default=None) for slot in rule.slots]
            if rule.slots and all(f is not None for f in firsts):
                days.append(max(f for f in firsts if f is not None))
        if days:
            latest[cert.name] = (Holding(cert.name, min(days)), cert)
    return [latest[c.name] for c in policy.certifications if c.name in latest]


def _outcome(
    index: int,
    a: Activity,
    state: str,
    category: str,
    runs: list[HoldingRun],
    policy: Policy,
    as_of: date,
    owner: str | None = None,
) -> ActivityOutcome:
    """The one outcome of an activity: from the first certification (result order) that decided it."""
    if a.completed_on > as_of or state == "unclaimed":
        when = "completed" if a.completed_on > as_of else "claimed"
        return ActivityOutcome(
            a.id,
            "unclaimed",
            a.credits,
            None,
            None,
            "D-ASOF-1",
            f"{a.id}: not claimed by {as_of} ({when} later or never)",
            ActivityCycle(),
        )
    if state == "rejected":
        return ActivityOutcome(
            a.id,
            "rejected",
            a.credits,
            None,
            "rejected_by_program",
            _rule(policy, "D-FC-5"),
            f"{a.id}: rejected by the program on {a.decided_on or a.claimed_on}",
            ActivityCycle(),
        )
    cat = policy.category(category)
    if cat is not None and not cat.eligible:
        return ActivityOutcome(
            a.id,
            "rejected",
            a.credits,
            None,
            "ineligible_category",
            _rule(policy, "D-FC-5"),
            f"{a.id}: category {category!r} earns no credits in this policy",
            ActivityCycle(),
        )
    found = [(r.name, r.decisions[index]) for r in runs if index in r.decisions]
    # The certification that keeps it (its cycle did not lapse, D-DESIGN-4) decides, highest first;
    # else one that counted it; else a rejection inside a cycle; else outside_term.
    kept = [(r.name, r.decisions[index]) for r in runs if index in r.decisions and index in r.kept()]
    if owner is not None:  # intent level: the certification that kept it when the holdings were run
        kept = [(r.name, r.decisions[index]) for r in runs if r.name == owner]
    counted = [(n, d) for n, d in (kept or found) if d.outcome in ("counted", "pending")]
    inside = [(n, d) for n, d in found if d.reason != "outside_term"]
    chosen: tuple[str, Decision] | None = next(iter(kept or counted or inside or found), None)
    if chosen is None:
        return ActivityOutcome(
            a.id,
            "rejected",
            a.credits,
            None,
            "outside_term",
            _rule(policy, "R-FC-4"),
            f"{a.id}: completed on {a.completed_on}, in no cycle of a certification the "
            f"record holds that it can count toward",
            ActivityCycle(),
        )
    name, d = chosen
    toward = name if d.outcome != "rejected" else None
    extra = ActivityCycle(
        d.counted,
        d.capped,
        d.rolled_over,
        d.cycle_end if toward else None,
        _toward_all(d, counted, found, policy.parameters.pooling == "highest_level"),
    )
    return ActivityOutcome(
        a.id,
        d.outcome,
        a.credits,
        toward,
        d.reason,
        d.rule,
        f"{a.id}: {d.note}",
        extra,
    )


def _toward_all(
    d: Decision, counted: list[tuple[str, Decision]], found: list[tuple[str, Decision]], intent: bool
) -> tuple[str, ...]:
    """``counted_toward_all``: every certification that decided the activity as *d* did (programs.md 7).

    At the intent level only those that keep it (D-DESIGN-4); otherwise every one whose cycle
    counted it, a lapsed one included (the ISSEP of a CISSP that renewed still counted it).
    """
    pool = counted if intent else [(n, x) for n, x in found if x.outcome in ("counted", "pending")]
    return tuple(n for n, x in pool if x.outcome == d.outcome)


def _rule(policy: Policy, rule: str) -> str:
    return rule if rule in policy.rules else "R-FC-4"
