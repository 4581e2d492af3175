"""Requirements: the small algebra recertification options are made of.

An :class:`Option` is *all of* its requirements; a level's options are *any
of* them. Each requirement answers two questions about the facts available to
one certification on one day (:class:`Facts`): is it met, and what is still
missing? A new kind of requirement (a per-category minimum, a per-year
minimum) is a new class with an ``assess`` method; the replay in
:mod:`recert.core.engine` does not change.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol, runtime_checkable

import attrs

__all__ = [
    "Assessment",
    "CECredits",
    "Exams",
    "Facts",
    "Option",
    "OptionAssessment",
    "PassFact",
    "Requirement",
    "format_credits",
]


def format_credits(credits: float) -> str:
    """Print a credit amount as a person writes it: ``40``, ``12.5``.

    Args:
        credits: An amount of CE credits.

    Returns:
        The amount without a trailing ``.0`` and without float noise.
    """
    rounded = round(credits, 6)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:g}"


@attrs.frozen(cache_hash=True)  # a set and dict key in every replay
class PassFact:
    """An exam pass as a requirement sees it.

    Attributes:
        code: The exam's id in the policy catalog (``"350-401"``).
        kind: The exam's kind (``"core"``).
        passed_on: The date of the pass.
    """

    code: str
    kind: str
    passed_on: date

    @property
    def key(self) -> str:
        """The pass's name in explanations and ``uses``: ``"350-401 on 2025-02-14"``."""
        return f"{self.code} on {self.passed_on.isoformat()}"


@attrs.frozen
class Facts:
    """What one certification can use toward its next recertification on one day.

    Attributes:
        credits: Approved, unused CE credits in its pool (0 when its CE options
            are served through a higher level's pool).
        passes: Exam passes inside its current term not used for it before,
            oldest first.
        ce_available: False when CE options cannot be used by this
            certification (not CE-eligible, or below the pool's level).
    """

    credits: float = 0
    passes: tuple[PassFact, ...] = ()
    ce_available: bool = True


@attrs.frozen
class Assessment:
    """The verdict of one requirement.

    Attributes:
        met: Whether the requirement is satisfied.
        missing: What is still missing, e.g. ``"40 CE credits"``; ``""`` when met.
        credits: CE credits the requirement uses when met.
        passes: Exam passes the requirement uses when met.
        short: How much is missing as a number: CE credits for
            :class:`CECredits`, exams for :class:`Exams`; 0 when met.
    """

    met: bool
    missing: str = ""
    credits: float = 0
    passes: tuple[PassFact, ...] = ()
    short: float = 0


@runtime_checkable
class Requirement(Protocol):
    """The interface every requirement implements."""

    @property
    def label(self) -> str:
        """How the requirement reads in an option's label, e.g. ``"40 CE credits"``."""
        ...

    def assess(self, facts: Facts, taken: frozenset[PassFact]) -> Assessment:
        """Decide the requirement on *facts*, not using the passes in *taken*."""
        ...


@attrs.frozen
class CECredits:
    """At least ``credits`` approved CE credits in the pool (R-CE-4).

    Attributes:
        credits: The minimum, in CE credits (> 0).
    """

    credits: float = attrs.field(validator=attrs.validators.gt(0))
    _label: str = attrs.field(init=False, eq=False, repr=False)

    @_label.default
    def _make_label(self) -> str:
        return f"{format_credits(self.credits)} CE credits"

    @property
    def label(self) -> str:
        return self._label

    def assess(self, facts: Facts, taken: frozenset[PassFact]) -> Assessment:
        if not facts.ce_available:
            return Assessment(False, self.label, short=self.credits)
        if facts.credits >= self.credits - 1e-9:
            return Assessment(True, credits=self.credits)
        short = self.credits - facts.credits
        return Assessment(False, f"{format_credits(short)} CE credits", short=short)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun} exam" + ("" if count == 1 else "s")


@attrs.frozen
class Exams:
    """At least ``count`` passes of distinct exams of the given kinds or codes (R-OPT-1).

    Two passes of the same exam code count once (D-EXAM-2).

    Attributes:
        count: How many distinct exams (>= 1).
        kinds: Exam kinds that qualify (``("core", "concentration")``); empty
            when ``codes`` is given.
        codes: Exam ids that qualify; empty when ``kinds`` is given.
        noun: How one such exam is called in labels (``"professional"``).
    """

    count: int = attrs.field(validator=attrs.validators.ge(1))
    kinds: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    noun: str = ""
    _name: str = attrs.field(init=False, eq=False, repr=False)

    @_name.default
    def _make_name(self) -> str:
        """What one qualifying exam is called: the noun, else its kinds or codes."""
        return self.noun or (
            "/".join(k.replace("_", " ") for k in self.kinds) if self.kinds else "/".join(self.codes)
        )

    @property
    def label(self) -> str:
        return _plural(self.count, self._name)

    def label_for(self, count: int) -> str:
        """How *count* qualifying exams read, e.g. ``"2 concentration exams"``."""
        return _plural(count, self._name)

    def qualifies(self, fact: PassFact) -> bool:
        """Whether one pass is of a kind or code this requirement accepts."""
        return fact.kind in self.kinds or fact.code in self.codes

    def assess(self, facts: Facts, taken: frozenset[PassFact]) -> Assessment:
        chosen: list[PassFact] = []
        codes: set[str] = set()
        kinds, accepted = self.kinds, self.codes  # ``qualifies`` written out (once per pass)
        for fact in facts.passes:
            if fact in taken or fact.code in codes or (fact.kind not in kinds and fact.code not in accepted):
                continue
            chosen.append(fact)
            codes.add(fact.code)
            if len(chosen) == self.count:
                return Assessment(True, passes=tuple(chosen))
        short = self.count - len(chosen)
        return Assessment(False, _plural(short, self._name), short=short)


@attrs.frozen
class OptionAssessment:
    """The verdict of one option: met, what is missing, and what it would use.

    Attributes:
        option: The option assessed.
        met: Whether every requirement is met.
        missing: What is missing, requirement by requirement (empty when met).
        credits: CE credits the option uses.
        passes: Exam passes the option uses.
        short: For each requirement not met, in the option's order: the
            requirement and how much of it is missing (CE credits, or a
            number of exams).
    """

    option: Option
    met: bool
    missing: tuple[str, ...]
    credits: float
    passes: tuple[PassFact, ...]
    short: tuple[tuple[CECredits | Exams, float], ...] = ()


@attrs.frozen
class Option:
    """One way to recertify: all of its requirements (spec section 2).

    Attributes:
        label: How the option reads (``"40 CE credits + 1 professional exam"``);
            it becomes ``recertified_by`` in results.
        requirements: All must be met on the same day.
        rule: The rule id the option implements (``"R-OPT-1"``).
        reconstructed: True when the option was rebuilt from secondary
            sources because the official list could not be read.
    """

    label: str
    requirements: tuple[CECredits | Exams, ...]
    rule: str = "R-OPT-1"
    reconstructed: bool = attrs.field(default=False, kw_only=True)
    _credits_needed: float = attrs.field(init=False, eq=False, repr=False)
    _exams_needed: int = attrs.field(init=False, eq=False, repr=False)
    _order: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    _uses_ce: bool = attrs.field(init=False, eq=False, repr=False)
    #: What :meth:`may_be_met` tests, as plain data made once per option (the replay reads it at
    #: every check): the CE credits needed, the number of exams needed, and for each exam
    #: requirement the kinds and the codes it accepts.
    necessary: tuple[float, int, tuple[tuple[frozenset[str], frozenset[str]], ...]] = attrs.field(
        init=False, eq=False, repr=False
    )

    @necessary.default
    def _plain_conditions(self) -> tuple[float, int, tuple[tuple[frozenset[str], frozenset[str]], ...]]:
        exams = tuple(
            (frozenset(r.kinds), frozenset(r.codes)) for r in self.requirements if isinstance(r, Exams)
        )
        return self._credits_needed, self._exams_needed, exams

    @_uses_ce.default
    def _any_credits(self) -> bool:
        return any(isinstance(r, CECredits) for r in self.requirements)

    @_credits_needed.default
    def _sum_credits(self) -> float:
        return sum(r.credits for r in self.requirements if isinstance(r, CECredits))

    @_exams_needed.default
    def _count_exams(self) -> int:
        return sum(r.count for r in self.requirements if isinstance(r, Exams))

    @_order.default
    def _most_specific_first(self) -> tuple[int, ...]:
        return tuple(sorted(range(len(self.requirements)), key=lambda i: _specificity(self.requirements[i])))

    def may_be_met(self, facts: Facts) -> bool:
        """A cheap necessary condition for :meth:`assess` to find the option met.

        Used to skip the full assessment on days where the facts cannot meet
        the option (too few credits or too few exam passes).
        """
        if self._credits_needed and (not facts.ce_available or facts.credits < self._credits_needed - 1e-9):
            return False
        if len(facts.passes) < self._exams_needed:
            return False
        return all(
            any(r.qualifies(p) for p in facts.passes) for r in self.requirements if isinstance(r, Exams)
        )

    @property
    def credits_needed(self) -> float:
        """The CE credits the option needs in all (0 when it needs none)."""
        return self._credits_needed

    @property
    def uses_ce(self) -> bool:
        """Whether the option needs CE credits."""
        return self._uses_ce

    def assess(self, facts: Facts) -> OptionAssessment:
        """Decide the option on *facts*.

        Exam requirements take passes greedily, the most specific requirement
        (fewest qualifying kinds and codes) first, so a pass serves at most one
        requirement of the option.
        """
        taken: frozenset[PassFact] = _NONE_TAKEN
        if len(self.requirements) == 1:  # most options: nothing to share out
            verdict = self.requirements[0].assess(facts, taken)
            if verdict.met:
                return OptionAssessment(self, True, (), verdict.credits, verdict.passes)
            return OptionAssessment(
                self, False, (verdict.missing,), 0, verdict.passes, ((self.requirements[0], verdict.short),)
            )
        credits = 0.0
        verdicts: dict[int, Assessment] = {}
        for index in self._order:
            verdict = self.requirements[index].assess(facts, taken)
            verdicts[index] = verdict
            if verdict.met:
                taken = taken | frozenset(verdict.passes)
                credits += verdict.credits
        # What is missing reads in the order the option is written.
        unmet = [i for i in sorted(verdicts) if not verdicts[i].met]
        missing = tuple(verdicts[i].missing for i in unmet)
        short = tuple((self.requirements[i], verdicts[i].short) for i in unmet)
        passes = tuple(p for p in facts.passes if p in taken)
        return OptionAssessment(self, not missing, missing, credits, passes, short)


_NONE_TAKEN: frozenset[PassFact] = frozenset()  # an immutable constant (no pass taken yet)


def _specificity(requirement: CECredits | Exams) -> int:
    if isinstance(requirement, Exams):
        return len(requirement.kinds) + len(requirement.codes)
    return 0
