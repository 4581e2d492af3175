"""The renewal planner: the least a person must do, and by when, to keep every certification.

:func:`plan` evaluates a record (:func:`recert.evaluate`) and reads the
result's structured gaps (``next[].options[]``) against the policy. A
*step* is one option of one certification met by a date (``by``); meeting
it renews that certification directly and, by cascade (R-CASC-1), every
active certification at its level and below whose deadline is not earlier
than ``by``. An exam-only step also renews a certification whose own
exam-only option the same exam meets (R-OPT-2). The planner picks the
cheapest set of steps that keeps every active certification it can renew:

1. fewest exams (or, with ``credits_per_exam``, the fewest credits with
   each exam counted as that many credits, then fewest exams);
2. then fewest CE credits;
3. then fewest steps;
4. then the latest dates: the earliest ``by`` as late as possible.

At most one step may use CE credits: meeting it resets the pool (R-CE-5),
so a second CE step could not count the same credits again. The options
are those of the policy version in force on the planning date; when a later
version starts before a deadline, steps are planned before that version
starts (D-VERSION-1).

Pending claims get a what-if (the record re-evaluated with the claim
approved, R-CE-3), and expired certifications the exams that earn them
again (R-DATE-2, spec section 7). The module is pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import attrs

from recert.api import evaluate
from recert.core.policy import Certification, Level, Policy
from recert.core.record import Record
from recert.core.requirements import CECredits, Exams, Option, format_credits
from recert.core.result import CertificationStatus, Evaluation, ExamGap
from recert.io.policy_toml import cisco_policy

__all__ = [
    "Change",
    "EarningPath",
    "ExamNeed",
    "PendingClaim",
    "Plan",
    "Regain",
    "Remark",
    "Step",
    "plan",
]

#: How many catalog exam ids a step names as examples of each exam it needs.
EXAMPLES = 4


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _number(value: float) -> float | int:
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


@attrs.frozen
class ExamNeed:
    """Exams a step needs: how many, of which kinds or ids, with catalog examples.

    Attributes:
        count: How many distinct exams (>= 1).
        kinds: Exam kinds that qualify (``("core",)``); empty when ``codes`` is given.
        codes: Exam ids that qualify; empty when ``kinds`` is given.
        label: How they read, e.g. ``"1 core exam"``.
        examples: Up to four catalog exam ids that qualify, those of the
            certification's own track first (``("350-401", ...)``).
    """

    count: int
    kinds: tuple[str, ...]
    codes: tuple[str, ...]
    label: str
    examples: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"count", "kinds", "codes", "label", "examples"}``."""
        return {"count": self.count, "kinds": list(self.kinds), "codes": list(self.codes),
                "label": self.label, "examples": list(self.examples)}


@attrs.frozen
class Step:
    """One thing to do by a date, and the certifications it keeps.

    Attributes:
        by: The last day to do it (inclusive): the earliest deadline among
            the certifications it renews (R-DATE-2).
        certification: The certification whose option the step meets directly.
        option: That option's label.
        credits: CE credits to complete and claim by ``by`` (0 for an
            exam-only step); approved claims count (R-CE-1, R-CE-4).
        exams: Exams to pass by ``by``.
        renews: Every certification the step keeps: ``certification``
            first, then those renewed by cascade or by the same exam.
        rules: The rule ids the step rests on.
        explanation: One sentence with the dates and numbers.
        cascade: The certifications of ``renews`` kept by cascade
            (R-CASC-1); the others after the first are kept by the same
            exam (R-OPT-2).
    """

    by: date
    certification: str
    option: str
    credits: float
    exams: tuple[ExamNeed, ...]
    renews: tuple[str, ...]
    rules: tuple[str, ...]
    explanation: str
    cascade: tuple[str, ...] = ()

    @property
    def exam_count(self) -> int:
        """How many exams the step needs in all."""
        return sum(e.count for e in self.exams)

    @property
    def todo(self) -> str:
        """What to do, in a few words: ``"40 CE credits"``, ``"1 core exam (e.g. 350-401)"``."""
        parts = [f"{format_credits(self.credits)} CE credits"] if self.credits else []
        for need in self.exams:
            example = f" (e.g. {', '.join(need.examples[:2])})" if need.examples else ""
            parts.append(need.label + example)
        return " + ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a step (``docs/record-format.md``)."""
        return {
            "by": _iso(self.by),
            "certification": self.certification,
            "option": self.option,
            "credits": _number(self.credits),
            "exams": [e.to_dict() for e in self.exams],
            "renews": list(self.renews),
            "cascade": list(self.cascade),
            "rules": list(self.rules),
            "explanation": self.explanation,
        }


@attrs.frozen
class Change:
    """How one certification's state differs if a pending claim is approved.

    Attributes:
        certification: The certification.
        status: Its status now (claim pending).
        expires_on: Its expiration date now.
        status_if_approved: Its status with the claim approved.
        expires_if_approved: Its expiration date with the claim approved.
    """

    certification: str
    status: str
    expires_on: date | None
    status_if_approved: str
    expires_if_approved: date | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: the five attributes, dates as ISO strings."""
        return {
            "certification": self.certification,
            "status": self.status,
            "expires_on": _iso(self.expires_on),
            "status_if_approved": self.status_if_approved,
            "expires_if_approved": _iso(self.expires_if_approved),
        }


@attrs.frozen
class PendingClaim:
    """A claim not yet decided: the plan if it is approved, and the date to act without it.

    Attributes:
        activity: The activity's id.
        credits: Its CE credits.
        toward: The certification it would count toward.
        claimed_on: When it was claimed (on or before the expiration date
            of the certification it counts toward, else it would be rejected).
        changes: Certifications whose status or expiration date the
            approval changes (R-CE-3); empty when it only lowers what a step needs.
        steps_if_approved: The plan's steps if the claim is approved (if it
            is not, :attr:`Plan.steps` stand).
        decide_by: The ``by`` of the first step the approval would change:
            the last day to act without the claim. An approval that comes
            later still counts, dated by the activity's completion (R-CE-3),
            but a rejection after this day leaves no time to make up for it.
            ``None`` when no step depends on it.
        rule: ``R-CE-3``.
        explanation: One sentence with the dates and numbers.
    """

    activity: str
    credits: float
    toward: str | None
    claimed_on: date | None
    changes: tuple[Change, ...]
    steps_if_approved: tuple[Step, ...]
    decide_by: date | None
    explanation: str
    rule: str = "R-CE-3"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a pending claim (``docs/record-format.md``)."""
        return {
            "activity": self.activity,
            "credits": _number(self.credits),
            "toward": self.toward,
            "claimed_on": _iso(self.claimed_on),
            "changes": [c.to_dict() for c in self.changes],
            "steps_if_approved": [s.to_dict() for s in self.steps_if_approved],
            "decide_by": _iso(self.decide_by),
            "rule": self.rule,
            "explanation": self.explanation,
        }


@attrs.frozen
class EarningPath:
    """One way to earn a certification from exam passes (spec section 7).

    Attributes:
        label: How it reads (``"350-401 ENCOR + one of 300-410, ..."``).
        exams: One entry per exam to pass: the exam ids of which one pass is needed.
    """

    label: str
    exams: tuple[tuple[str, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"label", "exams": [[exam id, ...], ...]}``."""
        return {"label": self.label, "exams": [list(slot) for slot in self.exams]}


@attrs.frozen
class Regain:
    """An expired certification and how to earn it again (R-DATE-2).

    Attributes:
        certification: The certification.
        expired_on: The last day of its last term.
        paths: The exam sets that earn it (any one); empty when the catalog
            has none or it is retired (no new ones are issued, R-RET-1).
        why: Why it expired (the evaluation's explanation).
        rule: ``R-DATE-2``, or ``R-RET-1`` for a retired certification.
        explanation: One sentence: how to earn it again, or why it cannot be.
    """

    certification: str
    expired_on: date | None
    paths: tuple[EarningPath, ...]
    why: str
    rule: str
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of an expired certification (``docs/record-format.md``)."""
        return {
            "certification": self.certification,
            "expired_on": _iso(self.expired_on),
            "paths": [p.to_dict() for p in self.paths],
            "why": self.why,
            "rule": self.rule,
            "explanation": self.explanation,
        }


@attrs.frozen
class Remark:
    """A certification no step renews, and why (lifetime, retired, Emeritus, no option).

    Attributes:
        certification: The certification.
        status: Its status.
        expires_on: Its expiration date, or ``None`` for lifetime.
        rule: The rule that says why.
        explanation: One sentence.
    """

    certification: str
    status: str
    expires_on: date | None
    rule: str
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: the five attributes, the date as an ISO string."""
        return {
            "certification": self.certification,
            "status": self.status,
            "expires_on": _iso(self.expires_on),
            "rule": self.rule,
            "explanation": self.explanation,
        }


@attrs.frozen
class Plan:
    """What :func:`plan` decided: the cheapest steps, the pending claims, the expired certifications.

    Attributes:
        as_of: The evaluation date.
        candidate: The record's candidate id.
        steps: The steps, earliest ``by`` first.
        pending: Every pending claim, with its what-if.
        regain: Every expired certification, with the exams that earn it again.
        remarks: Active certifications no step renews, and why.
        credits_per_exam: The cost of one exam in CE credits the choice used,
            or ``None`` (fewest exams first).
    """

    as_of: date
    candidate: str | None
    steps: tuple[Step, ...]
    pending: tuple[PendingClaim, ...] = ()
    regain: tuple[Regain, ...] = ()
    remarks: tuple[Remark, ...] = ()
    credits_per_exam: float | None = None

    @property
    def credits(self) -> float:
        """CE credits the steps need in all."""
        return sum(s.credits for s in self.steps)

    @property
    def exams(self) -> int:
        """Exams the steps need in all."""
        return sum(s.exam_count for s in self.steps)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``recert plan --format json`` (``docs/record-format.md``)."""
        return {
            "candidate": self.candidate,
            "as_of": _iso(self.as_of),
            "credits_per_exam": None if self.credits_per_exam is None else _number(self.credits_per_exam),
            "credits": _number(self.credits),
            "exams": self.exams,
            "steps": [s.to_dict() for s in self.steps],
            "pending": [p.to_dict() for p in self.pending],
            "regain": [r.to_dict() for r in self.regain],
            "remarks": [r.to_dict() for r in self.remarks],
        }


def plan(
    record: Record,
    *,
    as_of: date | None = None,
    policy: Policy | None = None,
    credits_per_exam: float | None = None,
    evaluation: Evaluation | None = None,
) -> Plan:
    """The least to do, and by when, to keep every active certification of a record.

    Args:
        record: The person's record.
        as_of: The planning date; defaults to ``record.as_of``.
        policy: The policy; defaults to the embedded Cisco CE policy.
        credits_per_exam: What one exam costs, in CE credits, when comparing
            plans: ``None`` (default) puts fewest exams first. With ``60``,
            one exam (60) beats 80 CE credits, and 40 CE credits beat one
            exam; on equal cost, fewer exams win.
        evaluation: The record's evaluation on the same date and policy,
            if the caller has it already (it is not computed again).

    Returns:
        A :class:`Plan`. Its steps keep every active certification the
        policy lets the person renew (R-OPT-1, R-CE-4, R-CASC-1, R-OPT-2),
        chosen as the module docstring says.

    Raises:
        RecordError: As :func:`recert.evaluate`.
        ValueError: ``credits_per_exam`` is negative.
    """
    if credits_per_exam is not None and credits_per_exam < 0:
        raise ValueError(f"credits_per_exam: {credits_per_exam!r} is negative")
    policy = policy if policy is not None else cisco_policy()
    result = evaluation if evaluation is not None else evaluate(record, as_of=as_of, policy=policy)
    steps, remarks = _steps(result, policy, credits_per_exam)
    pending = tuple(
        _what_if(record, result, policy, steps, activity_id, credits_per_exam)
        for activity_id in (a.id for a in result.activities if a.outcome == "pending")
    )
    regain = tuple(_regain(c, policy) for c in result.certifications if c.status == "expired")
    return Plan(result.as_of, result.candidate, steps, pending, regain, remarks, credits_per_exam)


# --------------------------------------------------------------------------- targets


@attrs.frozen
class _Gap:
    """One option a target could meet directly: its cost and its exams."""

    option: str
    rule: str
    credits: float
    exams: tuple[ExamGap, ...]


@attrs.frozen
class _Target:
    """An active certification a step can renew."""

    name: str
    rank: int
    deadline: date
    cascades: bool  # cascades reach it (R-CASC-1, D-CASC-1)
    ladder: bool  # its renewal cascades down
    track: str | None
    gaps: tuple[_Gap, ...]


def _level(policy: Policy, name: str) -> Level:
    return policy.level(name)


def _catalog(policy: Policy, status: CertificationStatus) -> Certification:
    return policy.certification(status.certification) or Certification(status.certification, status.level)


def _options(cert: Certification, level: Level) -> tuple[Option, ...]:
    return cert.options if cert.options is not None else level.options


def _targets(result: Evaluation, policy: Policy) -> tuple[list[_Target], list[Remark]]:
    """The certifications to keep, and remarks on the active ones no step can renew."""
    version = policy.version_on(result.as_of)
    # The options assessed are those in force on as_of; a later version may change them
    # (D-VERSION-1): a step is planned before the next version starts.
    starts = [v.effective_from for v in (*policy.earlier, policy)
              if v.effective_from is not None and v.effective_from > result.as_of]
    cap = min(starts) - timedelta(days=1) if starts else None
    nexts = {n.certification: n for n in result.next}
    targets: list[_Target] = []
    remarks: list[Remark] = []
    for status in result.certifications:
        if status.status not in ("active", "suspended"):
            if status.status == "emeritus":
                remarks.append(Remark(status.certification, status.status, status.expires_on, "R-EMER-1",
                                      status.explanation))
            continue
        cert = _catalog(version, status)
        level = _level(version, status.level)
        options = {o.label: o for o in _options(cert, level)}
        if status.retired:
            remarks.append(Remark(
                status.certification, status.status, status.expires_on, "R-RET-1",
                f"{status.certification} is retired: it stays active to {status.expires_on} and can no "
                f"longer be renewed (R-RET-1)"))
            continue
        if status.expires_on is None:
            remarks.append(Remark(status.certification, status.status, None, "R-VAL-1",
                                  f"{status.certification} has no expiration date (lifetime): nothing to do"))
            continue
        step = nexts.get(status.certification)
        gaps: list[_Gap] = []
        if step is not None:
            deadline = step.deadline or status.expires_on
            for gap in step.options:
                if gap.served_by is not None:  # met only through the pool's certification (D-POOL-1)
                    continue
                option = options.get(gap.option)
                gaps.append(_Gap(gap.option, option.rule if option else "R-OPT-1", gap.credits_missing,
                                 gap.exams_missing))
        else:  # off the ladder (CCST, CSM): exam-only options, nothing in its term met them yet
            deadline = status.expires_on
            for option in options.values():
                credits = sum(r.credits for r in option.requirements if isinstance(r, CECredits))
                exams = tuple(ExamGap(r.count, r.kinds, r.codes, r.label)
                              for r in option.requirements if isinstance(r, Exams))
                gaps.append(_Gap(option.label, option.rule, credits, exams))
        if cap is not None and deadline > cap:
            deadline = cap
        if not gaps:
            remarks.append(Remark(
                status.certification, status.status, status.expires_on, status.rule,
                f"{status.certification} has no renewal option the policy publishes: it expires after "
                f"{status.expires_on}"))
            continue
        targets.append(_Target(
            status.certification, level.rank, deadline,
            cascades=status.status == "active" and (level.ladder if cert.cascade is None else cert.cascade),
            ladder=level.ladder, track=cert.track, gaps=tuple(gaps)))
    return targets, remarks


# --------------------------------------------------------------------------- candidate steps


@attrs.frozen
class _Candidate:
    target: _Target
    gap: _Gap
    by: date
    cascaded: tuple[_Target, ...]
    by_exam: tuple[_Target, ...]

    @property
    def covers(self) -> frozenset[str]:
        return frozenset({self.target.name, *(t.name for t in self.cascaded), *(t.name for t in self.by_exam)})

    @property
    def exams(self) -> int:
        return sum(e.count for e in self.gap.exams)


def _cascade_reaches(source: _Target, other: _Target) -> bool:
    """R-CASC-1: a ladder renewal at level L renews every active certification at L and below."""
    return source.ladder and other.cascades and other.rank <= source.rank and other is not source


def _same_exam_renews(gap: _Gap, other: _Target) -> bool:
    """R-OPT-2: the step's one exam also meets an exam-only option of *other*."""
    if gap.credits or len(gap.exams) != 1 or gap.exams[0].count != 1 or not gap.exams[0].kinds:
        return False
    kinds = set(gap.exams[0].kinds)
    return any(
        not g.credits and len(g.exams) == 1 and g.exams[0].count == 1 and kinds <= set(g.exams[0].kinds)
        for g in other.gaps
    )


def _candidates(targets: Sequence[_Target]) -> list[_Candidate]:
    out = []
    for target in targets:
        for gap in target.gaps:
            reach = [t for t in targets if _cascade_reaches(target, t)]
            also = [t for t in targets if t is not target and t not in reach and _same_exam_renews(gap, t)]
            # Doing it earlier may keep a certification whose deadline comes first.
            dates = {target.deadline} | {t.deadline for t in (*reach, *also) if t.deadline < target.deadline}
            for by in sorted(dates, reverse=True):
                out.append(_Candidate(
                    target, gap, by,
                    tuple(t for t in reach if t.deadline >= by),
                    tuple(t for t in also if t.deadline >= by)))
    return out


# --------------------------------------------------------------------------- choice


def _cost(chosen: Sequence[_Candidate], credits_per_exam: float | None) -> tuple[float, ...]:
    """The order of the module docstring; smaller is cheaper (dates last, latest first)."""
    exams = sum(c.exams for c in chosen)
    credits = sum(c.gap.credits for c in chosen)
    first = exams if credits_per_exam is None else exams * credits_per_exam + credits
    return (first, exams, round(credits, 6), len(chosen))


def _dates_key(chosen: Sequence[_Candidate]) -> tuple[int, ...]:
    return tuple(-c.by.toordinal() for c in sorted(chosen, key=lambda c: c.by))


def _choose(targets: Sequence[_Target], credits_per_exam: float | None) -> list[_Candidate]:
    """The cheapest set of candidate steps covering every target (a small exact search)."""
    candidates = _candidates(targets)
    by_target: dict[str, list[_Candidate]] = {t.name: [] for t in targets}
    for candidate in candidates:
        for name in candidate.covers:
            by_target[name].append(candidate)
    order = {t.name: (-t.rank, t.deadline, t.name) for t in targets}
    best: list[_Candidate] | None = None
    best_key: tuple[Any, ...] = ()

    def search(uncovered: frozenset[str], chosen: list[_Candidate], credits_used: bool) -> None:
        nonlocal best, best_key
        cost = _cost(chosen, credits_per_exam)
        if not uncovered:
            key = (cost, _dates_key(chosen))
            if best is None or key < best_key:
                best, best_key = list(chosen), key
            return
        if best is not None and cost >= best_key[0]:  # every further step costs more
            return
        name = min(uncovered, key=order.__getitem__)
        for candidate in by_target[name]:
            if candidate.gap.credits and credits_used:  # the first CE step resets the pool (R-CE-5)
                continue
            chosen.append(candidate)
            search(uncovered - candidate.covers, chosen, credits_used or bool(candidate.gap.credits))
            chosen.pop()

    search(frozenset(by_target), [], False)
    return best or []


def _steps(
    result: Evaluation, policy: Policy, credits_per_exam: float | None
) -> tuple[tuple[Step, ...], tuple[Remark, ...]]:
    targets, remarks = _targets(result, policy)
    # A target that no candidate covers (every option served by a pool no one can fill) stays out.
    chosen = _choose(targets, credits_per_exam)
    kept = {name for c in chosen for name in c.covers}
    for target in targets:
        if target.name not in kept:
            status = result.certification(target.name)
            remarks.append(Remark(target.name, status.status, status.expires_on, "R-DATE-2",
                                  f"{target.name}: no option can be planned before {target.deadline}"))
    version = policy.version_on(result.as_of)
    steps = sorted((_step(c, version) for c in chosen), key=lambda s: (s.by, s.certification))
    return tuple(steps), tuple(remarks)


def _examples(need: ExamGap, track: str | None, policy: Policy) -> tuple[str, ...]:
    exams = [e for e in policy.exams if e.kind in need.kinds or e.code in need.codes]
    exams.sort(key=lambda e: (track is None or track not in e.tracks, e.code))
    return tuple(e.code for e in exams[:EXAMPLES])


def _step(candidate: _Candidate, policy: Policy) -> Step:
    target, gap, by = candidate.target, candidate.gap, candidate.by
    exams = tuple(
        ExamNeed(e.count, e.kinds, e.codes, e.label, _examples(e, target.track, policy)) for e in gap.exams
    )
    rules = ["R-DATE-2", gap.rule]
    what = []
    if gap.credits:
        rules += ["R-CE-4", "D-CLAIM-2"]
        what.append(f"complete and claim {format_credits(gap.credits)} more CE credits")
    if exams:
        what.append("pass " + " and ".join(e.label for e in exams))
    cascaded = sorted(candidate.cascaded, key=lambda t: (-t.rank, t.name))
    by_exam = sorted(candidate.by_exam, key=lambda t: (-t.rank, t.name))
    text = (f"{' and '.join(what)} by {by}: meets {target.name}'s option '{gap.option}' "
            f"({gap.rule}, on or before its deadline {target.deadline}, R-DATE-2)")
    if cascaded:
        rules.append("R-CASC-1")
        text += f"; renews by cascade {', '.join(t.name for t in cascaded)} (R-CASC-1)"
    if by_exam:
        rules.append("R-OPT-2")
        text += f"; the same exam renews {', '.join(t.name for t in by_exam)} (R-OPT-2)"
    renews = (target.name, *(t.name for t in cascaded), *(t.name for t in by_exam))
    return Step(by, target.name, gap.option, gap.credits, exams, renews, tuple(dict.fromkeys(rules)),
                text[0].upper() + text[1:], tuple(t.name for t in cascaded))


# --------------------------------------------------------------------------- pending claims


def _what_if(
    record: Record,
    result: Evaluation,
    policy: Policy,
    steps: tuple[Step, ...],
    activity_id: str,
    credits_per_exam: float | None,
) -> PendingClaim:
    """The plan if one pending claim is approved (R-CE-3)."""
    approved = tuple(
        attrs.evolve(a, status="approved", decided_on=None) if a.id == activity_id else a
        for a in record.activities
    )
    other = evaluate(attrs.evolve(record, activities=approved), as_of=result.as_of, policy=policy)
    outcome = result.activity(activity_id)
    changes = tuple(
        Change(c.certification, c.status, c.expires_on, after.status, after.expires_on)
        for c in result.certifications
        for after in [other.certification(c.certification)]
        if (after.status, after.expires_on) != (c.status, c.expires_on)
    )
    new_steps, _ = _steps(other, policy, credits_per_exam)
    touched = {c.certification for c in changes} | ({outcome.counted_toward} if outcome.counted_toward else set())
    differs = [s for s in steps if s not in new_steps and touched.intersection(s.renews)]
    decide_by = min((s.by for s in differs), default=None)
    text = f"{activity_id} ({format_credits(outcome.credits)} CE credits) is pending"
    if changes:
        text += "; if approved: " + "; ".join(_change_text(c) for c in changes)
    else:
        text += "; if approved, no status or expiration date changes"
    if decide_by is not None:
        text += (f"; if it is still pending on {decide_by}, do the step due that day without it: a later "
                 f"approval still counts from the activity's completion (R-CE-3), but a rejection would "
                 f"leave no time")
    claimed_on = next(a.claimed_on for a in record.activities if a.id == activity_id)
    return PendingClaim(activity_id, outcome.credits, outcome.counted_toward, claimed_on, changes, new_steps,
                        decide_by, text)


def _change_text(change: Change) -> str:
    if change.status != change.status_if_approved:
        return (f"{change.certification} is {change.status_if_approved} to {change.expires_if_approved} "
                f"instead of {change.status}")
    return f"{change.certification} expires on {change.expires_if_approved} instead of {change.expires_on}"


# --------------------------------------------------------------------------- expired


def _regain(status: CertificationStatus, policy: Policy) -> Regain:
    cert = policy.certification(status.certification)
    name = status.certification
    paths = tuple(EarningPath(r.label or _slots_label(r.slots), r.slots) for r in (cert.earned_by if cert else ()))
    if status.retired:
        return Regain(name, status.expires_on, (), status.explanation, "R-RET-1",
                      f"{name} expired after {status.expires_on} and is retired: no new ones are issued (R-RET-1)")
    if not paths:
        return Regain(name, status.expires_on, (), status.explanation, "R-DATE-2",
                      f"{name} expired after {status.expires_on}; the catalog names no exams that earn it")
    ways = " or ".join(p.label for p in paths)
    return Regain(name, status.expires_on, paths, status.explanation, "R-DATE-2",
                  f"{name} expired after {status.expires_on}: only its full exam path earns it again "
                  f"(R-DATE-2): {ways}")


def _slots_label(slots: Iterable[tuple[str, ...]]) -> str:
    return " + ".join(slot[0] if len(slot) == 1 else "one of " + ", ".join(slot) for slot in slots)
