"""Result value objects: what :func:`recert.evaluate` returns.

Field names follow the result format of the spec (``docs/record-format.md``);
:meth:`Evaluation.to_dict` gives the JSON shape ``recert evaluate --format
json`` prints. Every decision carries a rule id of the policy and a sentence
with the dates and numbers that decided it.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

import attrs

from recert.core.cycle_result import ActivityCycle, CycleCount, CycleState, CycleYear, Shortfall
from recert.core.result_event import Event, Uses
from recert.core.result_event import EventKind as EventKind

__all__ = [
    "ActivityCycle",
    "ActivityOutcome",
    "CertificationStatus",
    "CycleCount",
    "CycleState",
    "CycleYear",
    "Evaluation",
    "Event",
    "ExamGap",
    "NextStep",
    "OptionGap",
    "PoolState",
    "Shortfall",
    "Uses",
]

Status = Literal["active", "expired", "emeritus", "suspended", "revoked"]
Outcome = Literal["counted", "pending", "rejected", "forfeited", "unclaimed"]
Reason = Literal[
    "claim_window_exceeded",
    "claimed_after_expiration",
    "outside_term",
    "duplicate_item",
    "rejected_by_program",
    "no_ce_eligible_certification",
    "ineligible_category",
    "reported_after_deadline",
    "category_cap",
    "annual_cap",
]


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _number(value: float) -> float | int:
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


def _fixed_cycle_fields(
    cycle: CycleState | None, grace_ends_on: date | None, shortfalls: tuple[Shortfall, ...]
) -> dict[str, Any]:
    """The keys a fixed-cycle policy adds to a certification and a next step (programs.md section 7)."""
    return {
        "cycle": None if cycle is None else cycle.to_dict(),
        "grace_ends_on": _iso(grace_ends_on),
        "shortfalls": [s.to_dict() for s in shortfalls],
    }


@attrs.frozen
class CertificationStatus:
    """A certification in its latest state as of the evaluation date.

    Attributes:
        certification: Canonical name.
        level: Its level.
        status: ``active`` or ``expired`` (``emeritus``, ``suspended`` in
            some policies or versions).
        term_started_on: Start of the current term.
        expires_on: Expiration date (inclusive, R-VAL-1); ``None`` for lifetime.
        recertified_on: Date of the last recertification inside the record.
        recertified_by: The option's label, or ``cascade from <name>``.
        retired: Whether the certification is retired (R-RET-1).
        awaiting: Ids of pending claims whose approval would change this
            certification's status or expiration (R-CE-3).
        rule: The rule that decided the status.
        explanation: One sentence with the dates.
        days_left: Days from the evaluation date to the expiration date
            (0 on the expiration date, negative once expired).
        fixed_cycle: Whether a fixed-cycle policy decided it; only then do
            ``cycle``, ``grace_ends_on`` and ``shortfalls`` appear in the JSON.
        cycle: The cycle containing the evaluation date (the last one while
            suspended, expired or revoked); ``None`` for a lifetime holding.
        grace_ends_on: The last day of the window after ``cycle.ends_on``.
        shortfalls: The unmet requirements, empty when met.
    """

    certification: str
    level: str
    status: Status
    term_started_on: date
    expires_on: date | None
    recertified_on: date | None
    recertified_by: str | None
    retired: bool
    awaiting: tuple[str, ...]
    rule: str
    explanation: str
    days_left: int | None = None
    fixed_cycle: bool = False
    cycle: CycleState | None = None
    grace_ends_on: date | None = None
    shortfalls: tuple[Shortfall, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the spec."""
        out = self._base_dict()
        if self.fixed_cycle:
            out |= _fixed_cycle_fields(self.cycle, self.grace_ends_on, self.shortfalls)
        else:
            out["cycle"] = None  # a rolling-cycle policy (cisco-ce) has terms, not cycles (spec section 7)
        return out

    def _base_dict(self) -> dict[str, Any]:
        return {
            "certification": self.certification,
            "level": self.level,
            "status": self.status,
            "term_started_on": _iso(self.term_started_on),
            "expires_on": _iso(self.expires_on),
            "days_left": self.days_left,
            "recertified_on": _iso(self.recertified_on),
            "recertified_by": self.recertified_by,
            "retired": self.retired,
            "awaiting": list(self.awaiting),
            "rule": self.rule,
            "explanation": self.explanation,
        }


@attrs.frozen
class ActivityOutcome:
    """What became of one activity.

    Attributes:
        id: The activity's id.
        outcome: ``counted``, ``pending``, ``rejected``, ``forfeited`` or ``unclaimed``.
        credits: The activity's credits.
        counted_toward: The certification it counted (or would count) toward.
        reason: Why it was rejected (``None`` unless rejected).
        rule: The rule that decided the outcome.
        explanation: One sentence with the dates and numbers.
        cycle: What a fixed-cycle policy adds (counted credits, caps,
            rollover, the cycle); ``None`` under a rolling-cycle policy.
    """

    id: str
    outcome: Outcome
    credits: float
    counted_toward: str | None
    reason: Reason | None
    rule: str
    explanation: str
    cycle: ActivityCycle | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the spec."""
        out = self._base_dict()
        if self.cycle is not None:
            out.update(self.cycle.to_dict())
        return out

    def _base_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outcome": self.outcome,
            "credits": self.credits,
            "counted_toward": self.counted_toward,
            "reason": self.reason,
            "rule": self.rule,
            "explanation": self.explanation,
        }


@attrs.frozen
class PoolState:
    """The CE pool as of the evaluation date (R-CE-4).

    Attributes:
        level: The level the pool counts toward.
        credits: Approved, unused credits (the largest among certifications
            at that level, D-POOL-4).
        term_started_on: Start of the term those credits count in.
        certification: The certification whose term that is.
    """

    level: str
    credits: float
    term_started_on: date
    certification: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the spec."""
        return {
            "level": self.level,
            "credits": _number(self.credits),
            "term_started_on": _iso(self.term_started_on),
            "certification": self.certification,
        }


@attrs.frozen
class ExamGap:
    """Exams an option still needs: how many, and of which kinds or ids (R-OPT-1).

    Attributes:
        count: How many more distinct exams (>= 1).
        kinds: Exam kinds that qualify (``("core", "concentration")``);
            empty when ``codes`` names the exams.
        codes: Exam ids that qualify; empty when ``kinds`` is given.
        label: How they read, e.g. ``"1 professional exam"``.
    """

    count: int
    kinds: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"count", "kinds", "codes", "label"}``."""
        return {"count": self.count, "kinds": list(self.kinds), "codes": list(self.codes), "label": self.label}


@attrs.frozen
class OptionGap:
    """One option of a certification and what it still lacks, as text and as numbers.

    Attributes:
        option: The option's label.
        missing: What is missing, e.g. ``"40 CE credits, 1 professional exam"``.
        served_by: For CE options of a certification below the pool's level,
            the certification whose pool serves them (D-POOL-1).
        credits_missing: CE credits still missing (0 when the option needs
            none or has enough). With ``served_by`` set, the option's whole
            amount: the credits count only through that certification's pool.
        exams_missing: The exams still missing, one entry per exam
            requirement of the option that is not met.
        deadline: The last day the option can be met (R-DATE-2): the
            certification's expiration date, or the end of its suspension
            under an older policy version; ``None`` for no deadline.
    """

    option: str
    missing: str
    served_by: str | None = None
    credits_missing: float = 0
    exams_missing: tuple[ExamGap, ...] = ()
    deadline: date | None = None

    @property
    def exams_count(self) -> int:
        """How many exams are missing in all."""
        return sum(e.count for e in self.exams_missing)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the spec."""
        out: dict[str, Any] = {"option": self.option, "missing": self.missing}
        if self.served_by is not None:
            out["served_by"] = self.served_by
        out["credits_missing"] = _number(self.credits_missing)
        out["exams_missing"] = [e.to_dict() for e in self.exams_missing]
        out["deadline"] = _iso(self.deadline)
        return out


@attrs.frozen
class NextStep:
    """For one active ladder certification: its deadline and every option's gap.

    Attributes:
        certification: Canonical name.
        deadline: Its expiration date (a suspended certification's: the end
            of the suspension).
        options: Every option of its level with what is missing.
        rule: ``R-DATE-2``: requirements must be met on or before the deadline.
        days_left: Days from the evaluation date to ``deadline`` (0 on the
            deadline); ``None`` without a deadline.
    """

    certification: str
    deadline: date | None
    options: tuple[OptionGap, ...]
    rule: str = "R-DATE-2"
    days_left: int | None = None
    fixed_cycle: bool = False
    cycle: CycleState | None = None
    grace_ends_on: date | None = None
    shortfalls: tuple[Shortfall, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the spec."""
        out = self._base_dict()
        if self.fixed_cycle:
            out |= _fixed_cycle_fields(self.cycle, self.grace_ends_on, self.shortfalls)
        return out

    def _base_dict(self) -> dict[str, Any]:
        return {
            "certification": self.certification,
            "deadline": _iso(self.deadline),
            "days_left": self.days_left,
            "options": [o.to_dict() for o in self.options],
        }


@attrs.frozen
class Evaluation:
    """Everything :func:`recert.evaluate` decided about one record on one date.

    Attributes:
        as_of: The evaluation date.
        policy: ``{"id": ..., "version": ...}`` of the policy used.
        certifications: Latest state of each certification, highest level first, then name.
        activities: Every activity of the record, in input order, with its outcome.
        pool: The CE pool, or ``None`` when no CE-eligible certification is active.
        next: For each active ladder certification, its deadline and options.
        events: The replay's decisions in date order.
        candidate: The record's candidate id, echoed.
        versions: Every policy version a decision used, and the one in force on
            ``as_of`` (D-VERSION-1), oldest first; printed as ``policy.versions``.
    """

    as_of: date
    policy: tuple[tuple[str, str], ...]
    certifications: tuple[CertificationStatus, ...]
    activities: tuple[ActivityOutcome, ...]
    pool: PoolState | None
    next: tuple[NextStep, ...]
    events: tuple[Event, ...]
    candidate: str | None = None
    versions: tuple[str, ...] = ()

    def certification(self, name: str) -> CertificationStatus:
        """The status of the certification with this canonical name.

        Raises:
            KeyError: The evaluation has no such certification.
        """
        for status in self.certifications:
            if status.certification == name:
                return status
        raise KeyError(name)

    def activity(self, activity_id: str) -> ActivityOutcome:
        """The outcome of the activity with this id.

        Raises:
            KeyError: The record has no such activity.
        """
        for outcome in self.activities:
            if outcome.id == activity_id:
                return outcome
        raise KeyError(activity_id)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle as nested plain tuples, rebuilt through the constructors.

        Results cross process boundaries by the thousand (``evaluate_many``,
        ``recert evaluate --jobs``); one reduce for the whole tree is about
        a third cheaper to load than one per object.
        """
        return _rebuild, (
            self.as_of,
            self.policy,
            tuple(attrs.astuple(c, recurse=False) for c in self.certifications),
            tuple(attrs.astuple(a, recurse=False) for a in self.activities),
            None if self.pool is None else attrs.astuple(self.pool, recurse=False),
            tuple((n.certification, n.deadline, tuple(attrs.astuple(g, recurse=False) for g in n.options),
                   n.days_left)
                  for n in self.next),
            tuple((e.on, e.kind, e.certification, e.rule, e.detail,
                   None if e.uses is None else attrs.astuple(e.uses, recurse=False), e.version)
                  for e in self.events),
            self.candidate,
            self.versions,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON result shape of the spec (``recert evaluate --format json``)."""
        policy: dict[str, Any] = dict(self.policy)
        if self.versions:
            policy["versions"] = list(self.versions)
        return {
            "candidate": self.candidate,
            "as_of": _iso(self.as_of),
            "policy": policy,
            "certifications": [c.to_dict() for c in self.certifications],
            "activities": [a.to_dict() for a in self.activities],
            "pool": None if self.pool is None else self.pool.to_dict(),
            "next": [n.to_dict() for n in self.next],
            "events": [e.to_dict() for e in self.events],
        }


def _rebuild(
    as_of: date,
    policy: tuple[tuple[str, str], ...],
    certifications: tuple[tuple[Any, ...], ...],
    activities: tuple[tuple[Any, ...], ...],
    pool: tuple[Any, ...] | None,
    steps: tuple[tuple[Any, ...], ...],
    events: tuple[tuple[Any, ...], ...],
    candidate: str | None,
    versions: tuple[str, ...],
) -> Evaluation:
    """The :class:`Evaluation` that :meth:`Evaluation.__reduce__` took apart."""
    return Evaluation(
        as_of,
        policy,
        tuple(CertificationStatus(*c) for c in certifications),
        tuple(ActivityOutcome(*a) for a in activities),
        None if pool is None else PoolState(*pool),
        tuple(
            NextStep(name, deadline, tuple(OptionGap(*g) for g in gaps), days_left=days_left)
            for name, deadline, gaps, days_left in steps
        ),
        tuple(
            Event(on, kind, name, rule, detail, None if uses is None else Uses(*uses), version)
            for on, kind, name, rule, detail, uses, version in events
        ),
        candidate,
        versions,
    )
