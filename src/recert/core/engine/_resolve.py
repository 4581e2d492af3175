"""Names against the catalog: a record's certifications, exams and categories resolved, or every problem with its path."""

from __future__ import annotations

from datetime import date

from recert.core.catalog_names import (
    unknown_category,
    unknown_certification,
    unknown_exam,
    unknown_exam_kind,
    unknown_level,
)
from recert.core.engine._state import (
    HeldTerm,
)
from recert.core.policy import Certification, Policy
from recert.core.record import Activity, Record
from recert.core.requirements import PassFact
from recert.exceptions import Problem, RecordError


class ResolvedRecord:
    """The record resolved against the policy's catalog."""

    def __init__(self) -> None:
        self.holdings: list[HeldTerm] = []
        self.passes: list[PassFact] = []
        self.activities: tuple[Activity, ...] = ()
        self.emeritus_on: date | None = None
        self.first_earned: dict[str, date] = {}


def resolve(record: Record, policy: Policy) -> ResolvedRecord:
    """Match names to the catalog; every unknown name is a problem with its path."""
    problems: list[Problem] = []
    facts = ResolvedRecord()
    seen: dict[str, int] = {}
    for i, holding in enumerate(record.holdings):
        path = f"holdings[{i}]"
        cert = policy.certification(holding.certification)
        if holding.level is not None and not policy.has_level(holding.level):
            problems.append(Problem(f"{path}.level", unknown_level(holding.level, policy)))
            continue
        if cert is None:
            if holding.level is None:
                problems.append(
                    Problem(f"{path}.certification", unknown_certification(holding.certification, policy))
                )
                continue
            cert = Certification(name=holding.certification, level=holding.level)
        if cert.name in seen:
            problems.append(
                Problem(
                    f"{path}.certification",
                    f"{holding.certification!r} repeats holdings[{seen[cert.name]}] ({cert.name})",
                )
            )
            continue
        seen[cert.name] = i
        retired_on = holding.retired_on or cert.retired_on
        facts.holdings.append(HeldTerm(i, cert, holding.earned_on, holding.expires_on, retired_on))
    passes: set[PassFact] = set()
    for i, exam_pass in enumerate(record.exams):
        exam = policy.exam(exam_pass.exam)
        if exam is not None and exam_pass.kind is not None and exam_pass.kind != exam.kind:
            problems.append(
                Problem(
                    f"exams[{i}].kind",
                    f"{exam_pass.kind!r} contradicts the catalog: {exam.code} is {exam.kind}",
                )
            )
        elif exam is not None:
            passes.add(PassFact(exam.code, exam.kind, exam_pass.passed_on))
        elif exam_pass.kind is None:
            problems.append(Problem(f"exams[{i}].exam", unknown_exam(exam_pass.exam, policy)))
        elif exam_pass.kind not in policy.exam_kinds:
            problems.append(Problem(f"exams[{i}].kind", unknown_exam_kind(exam_pass.kind, policy)))
        else:
            passes.add(PassFact(exam_pass.exam, exam_pass.kind, exam_pass.passed_on))
    facts.passes = sorted(passes, key=lambda p: (p.passed_on, p.code))
    for i, activity in enumerate(record.activities):
        if policy.category(activity.category) is None:
            problems.append(Problem(f"activities[{i}].category", unknown_category(activity.category, policy)))
    facts.activities = record.activities
    facts.emeritus_on = record.emeritus_on
    for _, cert, start, _, _ in facts.holdings:
        first = record.holdings[seen[cert.name]].first_earned_on
        facts.first_earned[cert.name] = first or start
    if problems:
        raise RecordError(problems)
    return facts
