"""The plan as value objects: steps, changes, pending claims, paths to regain (``Plan.to_dict()`` shapes)."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from recert.core.requirements import format_credits
from recert.core.result import _iso, _number  # the result's JSON forms of dates and numbers

__all__ = ["Change", "EarningPath", "ExamNeed", "PendingClaim", "Plan", "Regain", "Remark", "Step"]

#: How many catalog exam ids a step names as examples of each exam it needs.
EXAMPLES = 4


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
