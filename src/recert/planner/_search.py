"""The search for the cheapest plan: targets, candidates, choice, and the what-ifs of pending claims."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import attrs

from recert.api import evaluate
from recert.core._limits import WORK_PER_RESULT
from recert.core.bounds import Work, check_plan, plan_work
from recert.core.engine import evaluate_alone
from recert.core.policy import Certification, Level, Policy
from recert.core.record import Record
from recert.core.requirements import CECredits, Exams, Option, format_credits
from recert.core.result import CertificationStatus, Evaluation, ExamGap
from recert.io.policy_toml import cisco_policy
from recert.planner._model import (
    EXAMPLES,
    Change,
    EarningPath,
    ExamNeed,
    PendingClaim,
    Plan,
    Regain,
    Remark,
    Step,
)

__all__ = ["plan"]


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
        RecordError: As :func:`recert.evaluate`; also when the decisions with one
            pending claim approved need more than ``PLAN_WORK`` (120,000) units of work
            (``bounds.plan_work``, counted as they run), or, under a fixed-cycle policy,
            when pending claims squared x (activities + exam passes) x holdings is over
            ``PLAN_BUDGET`` (25,000).
        ValueError: ``credits_per_exam`` is negative.
    """
    if credits_per_exam is not None and credits_per_exam < 0:
        raise ValueError(f"credits_per_exam: {credits_per_exam!r} is negative")
    policy = policy if policy is not None else cisco_policy()
    result = evaluation if evaluation is not None else evaluate(record, as_of=as_of, policy=policy)
    # One decision per pending claim: its work is counted as it runs, and refused once over
    # PLAN_WORK (issue 17); under a fixed-cycle policy it is not counted: a formula bounds it.
    if policy.program is not None and policy.program.fixed:
        check_plan(record, result.as_of)
    work = plan_work(record, result.as_of)
    steps, remarks = _steps(result, policy, credits_per_exam)
    pending = tuple(
        _what_if(record, result, policy, steps, activity_id, credits_per_exam, work)
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
    # The version in force may itself start after as_of (a record evaluated before the policy's
    # first version: that version applies, D-VERSION-1): only a later one caps the steps.
    starts = [v.effective_from for v in (*policy.earlier, policy)
              if v is not version and v.effective_from is not None and v.effective_from > result.as_of]
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
    work: Work,
) -> PendingClaim:
    """The plan if one pending claim is approved (R-CE-3); the decision's work is charged to *work*.

    The decision leaves ``awaiting`` out (:func:`~recert.core.engine.evaluate_alone`):
    the changes and steps read only statuses, expiration dates and what is missing.
    """
    approved = tuple(
        attrs.evolve(a, status="approved", decided_on=None) if a.id == activity_id else a
        for a in record.activities
    )
    other = evaluate_alone(attrs.evolve(record, activities=approved), result.as_of, policy, work)
    work.add(WORK_PER_RESULT * (len(other.activities) + len(other.events)))
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
