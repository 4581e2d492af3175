"""Names of a record against the policy's catalog: one check, one wording, one "did you mean" list.

The record loader (:mod:`recert.io.records`) and the engine
(:func:`recert.core.engine.evaluate`, for records built in Python) report an
unknown certification, level, exam, exam kind or category with these messages,
so the same typo reads the same wherever it is caught.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

from recert.core._limits import describe
from recert.core.policy import Policy

__all__ = [
    "unknown_category",
    "unknown_certification",
    "unknown_exam",
    "unknown_exam_kind",
    "unknown_level",
]


def suggest(name: str, names: Iterable[str], canonical: Callable[[str], str]) -> str:
    """`` (did you mean 'A' or 'B'?)`` with up to three close names, or ``""``."""
    folded: dict[str, str] = {}
    for candidate in names:
        folded.setdefault(candidate.casefold(), candidate)
    close = difflib.get_close_matches(name.casefold(), list(folded), n=6, cutoff=0.6)
    picks = list(dict.fromkeys(canonical(folded[c]) for c in close))[:3]
    if not picks:
        return ""
    return " (did you mean " + " or ".join(repr(p) for p in picks) + "?)"


def _cert_name(policy: Policy) -> Callable[[str], str]:
    def canonical(name: str) -> str:
        found = policy.certification(name)
        return found.name if found else name

    return canonical


def _exam_name(policy: Policy) -> Callable[[str], str]:
    def canonical(name: str) -> str:
        found = policy.exam(name)
        if found is None:
            return name
        return f"{found.code} {found.acronym}" if found.acronym else found.code

    return canonical


def _exam_names(policy: Policy) -> list[str]:
    names: list[str] = []
    for exam in policy.exams:
        names.append(exam.code)
        if exam.acronym:
            names += [exam.acronym, f"{exam.code} {exam.acronym}"]
    return names


def levels_text(policy: Policy) -> str:
    """The policy's level names, comma-separated."""
    return ", ".join(level.name for level in policy.levels)


def unknown_level(level: object, policy: Policy) -> str:
    """A holding's ``level`` that is not a level of *policy*."""
    return f"{describe(level)} is not a level of {policy.id} (one of {levels_text(policy)})"


def unknown_certification(name: str, policy: Policy) -> str:
    """A holding's ``certification`` the catalog lacks, given without ``level`` (did you mean ...)."""
    return (f"{describe(name)} is not in the catalog of {policy.id}"
            f"{suggest(name, policy.certification_names(), _cert_name(policy))}; "
            f"give its level ({levels_text(policy)}) if it is not a catalog certification")


def unknown_applies_to(name: str, policy: Policy) -> str:
    """An activity's ``applies_to`` name the catalog lacks, under a policy that reads it (did you mean ...)."""
    return (f"{describe(name)} is not a certification of {policy.id}"
            f"{suggest(name, policy.certification_names(), _cert_name(policy))}")


def unknown_exam(name: str, policy: Policy) -> str:
    """An exam pass's ``exam`` the catalog lacks, given without ``kind`` (did you mean ...)."""
    return (f"{describe(name)} is not in the exam catalog of {policy.id}"
            f"{suggest(name, _exam_names(policy), _exam_name(policy))}; "
            f"give its kind ({', '.join(policy.exam_kinds)}) if it is not a catalog exam")


def unknown_exam_kind(kind: object, policy: Policy) -> str:
    """An exam pass's ``kind`` that is not an exam kind of *policy*."""
    return f"{describe(kind)} is not an exam kind of {policy.id} (one of {', '.join(policy.exam_kinds)})"


def unknown_category(category: object, policy: Policy) -> str:
    """An activity's ``category`` that is not a category of *policy*."""
    names = ", ".join(c.name for c in policy.categories)
    return f"{describe(category)} is not a category of {policy.id} (one of {names})"
