"""Explanations and the result: each activity's outcome, each certification's status, what is missing.

Every sentence of a result is written here or at the event it explains. Rules:
D-REASON-1 and D-OUTCOME-1 (outcomes), R-CE-3 (pending claims), R-CE-4 and
D-POOL-1 (the pool), R-DATE-2, R-EMER-1 and R-RET-1 (status sentences).
"""

from __future__ import annotations

from datetime import date

from recert.core.engine._base import ReplayState
from recert.core.engine._state import (
    ActivityVerdict,
    CertState,
    Claim,
    Status,
)
from recert.core.record import Record
from recert.core.requirements import Exams, Facts, Option, OptionAssessment, format_credits
from recert.core.result import (
    ActivityOutcome,
    CertificationStatus,
    Evaluation,
    ExamGap,
    NextStep,
    OptionGap,
    PoolState,
)
from recert.core.result import (
    Status as StatusName,
)

#: The result's status for each status of the replay.
_RESULT_STATUS: dict[Status, StatusName] = {
    Status.ACTIVE: "active",
    Status.SUSPENDED: "suspended",
    Status.EXPIRED: "expired",
    Status.EMERITUS: "emeritus",
}


def finish_outcomes(self: ReplayState) -> None:
    """Decide each claimed activity's outcome and its sentence, once the replay is done (D-REASON-1, D-OUTCOME-1)."""
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
            self.outcomes[entry.index] = ActivityVerdict(
                "rejected",
                entry.reason,
                entry.rule or "R-CE-1",
                entry.note + suffix,
                None,
            )
        elif pending:
            target = entry.targets[0] if entry.targets else None
            self.outcomes[entry.index] = ActivityVerdict(
                "pending",
                None,
                "R-CE-3",
                f"claimed on {entry.claimed_on}, not decided by {self.as_of}; if approved it counts "
                f"from its completion on {entry.completed_on}" + (f" toward {target}" if target else ""),
                target,
            )
        elif entry.used_by is not None:
            self.outcomes[entry.index] = ActivityVerdict(
                "counted",
                None,
                "R-CE-1",
                f"{format_credits(entry.activity.credits)} CE credits completed on {entry.completed_on} counted "
                f"toward the recertification of {entry.used_by} on {entry.used_on}",
                entry.used_by,
            )
        elif entry.forfeited_by is not None:
            self.outcomes[entry.index] = ActivityVerdict(
                "forfeited",
                None,
                "R-CE-5",
                f"in the pool when {entry.forfeited_by} recertified on {entry.forfeited_on}; "
                f"credits beyond what that recertification used are forfeited (D-POOL-2, D-POOL-5)",
                entry.forfeited_by,
            )
        elif entry.listed_in:
            toward = _toward(self, entry)
            self.outcomes[entry.index] = ActivityVerdict(
                "counted",
                None,
                "R-CE-4",
                f"{format_credits(entry.activity.credits)} CE credits completed on {entry.completed_on} "
                f"count in the pool toward {toward}",
                toward,
            )
        else:
            self.outcomes[entry.index] = ActivityVerdict(
                "rejected",
                "claimed_after_expiration",
                "R-CE-2",
                f"claimed on {entry.claimed_on}, after the expiration date of every certification "
                f"it could count toward",
                None,
            )

def _toward(self: ReplayState, entry: Claim) -> str | None:
    names = [n for n in entry.listed_in if entry in self.certs[n].entries] or entry.listed_in
    if not names and entry.targets:
        names = list(entry.targets)
    if not names:
        return None
    return max(names, key=lambda n: (self.certs[n].rank, self.certs[n].active, n))

def result(self: ReplayState, record: Record, awaiting: dict[str, list[str]]) -> Evaluation:
    """The frozen result of a finished replay; *awaiting* from :func:`~recert.core.engine._whatif.awaiting`."""
    as_of = self.as_of
    pool_rank = self._pool_rank()
    certifications = tuple(_status(self, c, awaiting.get(c.name, [])) for c in self._ordered())
    activities = []
    for index, activity in enumerate(record.activities):
        outcome, reason, rule, text, toward = self.outcomes[index]
        activities.append(
            ActivityOutcome(
                activity.id,
                outcome,
                activity.credits,
                toward,
                reason,
                rule,
                f"{activity.id}: {outcome}: {text}",
            )
        )
    pool = None
    if pool_rank is not None:
        at_level = [c for c in self._pool_holders() if c.rank == pool_rank]
        best = max(at_level, key=lambda c: (c.credits(), c.term_started_on))
        pool = PoolState(best.level.name, best.credits(), best.term_started_on, best.name)
    gaps: _GapMemo = {}
    steps = tuple(_next(self, c, pool_rank, gaps) for c in self._ordered() if c.renewable and c.level.ladder)
    events = tuple(sorted(self.events, key=lambda e: e.on))
    return Evaluation(
        as_of=as_of,
        policy=(
            ("id", self.policy.id),
            ("version", self.policy.version_on(as_of).version),
            ("unit", self.policy.unit),
        ),
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

def _status(self: ReplayState, cert: CertState, awaiting: list[str]) -> CertificationStatus:
    days_left = (cert.expires - self.as_of).days if cert.expires is not None else None
    rule = cert.rule
    if cert.active:
        tail = (
            f"expires on {cert.expires}, {days_left} days after {self.as_of}"
            if cert.expires
            else "no expiration date (lifetime)"
        )
        text = f"{cert.name} is active: {cert.how}; {tail}"
    elif cert.status is Status.SUSPENDED:
        text = (
            f"{cert.name} is suspended: its term ended on {cert.expires}; it can recertify until "
            f"{cert.suspended_until}, after which it expires ({cert.rule})"
        )
    elif cert.status is Status.EMERITUS:
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
        status=_RESULT_STATUS[cert.status],
        term_started_on=cert.term_started_on,
        expires_on=cert.expires,
        recertified_on=cert.recertified_on,
        recertified_by=cert.recertified_by,
        retired=cert.retired,
        awaiting=tuple(awaiting),
        rule=rule,
        explanation=text,
        days_left=days_left,
    )

#: The gaps already worked out in one :func:`result`: (``id`` of an options tuple, the facts,
#: whether the CE credits count in another pool, the deadline) -> (the options tuple, its gaps).
#: Certifications of one level often share all four (three specialists with no credits and no
#: exam): their gaps are the same objects. The tuple is kept so that its ``id`` stays its own.
_GapMemo = dict[tuple[int, Facts, bool, date | None], tuple[tuple[Option, ...], tuple[OptionGap, ...]]]


def _next(self: ReplayState, cert: CertState, pool_rank: int | None, memo: _GapMemo) -> NextStep:
    deadline = cert.deadline
    days_left = None if deadline is None else (deadline - self.as_of).days
    if cert.retired or cert.expires is None:
        return NextStep(cert.name, deadline, (), days_left=days_left)
    options = cert.options
    facts = self._facts_for(cert, self.as_of, pool_rank)
    elsewhere = cert.ce_eligible and not facts.ce_available
    key = (id(options), facts, elsewhere, deadline)
    known = memo.get(key)
    if known is not None and known[0] is options:
        return NextStep(cert.name, deadline, known[1], days_left=days_left)
    served: CertState | None = None
    if elsewhere:
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
    made = memo[key] = (options, tuple(gaps))
    return NextStep(cert.name, deadline, made[1], days_left=days_left)


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
