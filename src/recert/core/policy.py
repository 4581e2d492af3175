"""Policy value objects: levels, certifications, exams, options, parameters.

A :class:`Policy` is data. The embedded Cisco policy is a TOML file read by
:func:`recert.load_policy`, the same loader a user's own policy goes through.
Nothing here decides anything about a record; :mod:`recert.core.engine` does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Literal

import attrs
from dateutil.relativedelta import relativedelta

from recert.core.cycles.model import Program
from recert.core.requirements import Option

if TYPE_CHECKING:
    from recert.core.offering import OfferingRules

__all__ = [
    "Category",
    "Certification",
    "EarningRule",
    "Exam",
    "Level",
    "Parameters",
    "Policy",
    "Rule",
    "Validity",
    "normalize_name",
]

Anchor = Literal["completion", "claim"]
Pooling = Literal["highest_level", "each_level"]

_PREFIX = re.compile(r"^(cisco)?(certified)?")
_NOISE = re.compile(r"[\s\-\u2010-\u2015_/.,()]+")


def normalize_name(name: str) -> str:
    """The key a certification or exam name is matched by.

    Case, spaces, dashes (any style), underscores and the "Cisco Certified"
    prefix do not matter: ``"Cisco Certified Specialist – Enterprise Core"``,
    ``"specialist-enterprise core"`` and ``"Specialist - Enterprise Core"``
    share one key.

    Args:
        name: A certification or exam name or alias.

    Returns:
        The lower-case key without separators or prefix.
    """
    squeezed = _NOISE.sub("", name.casefold())
    return _PREFIX.sub("", squeezed, count=1) or squeezed


@attrs.frozen
class Rule:
    """A rule (R-*) or decision (D-*) of the policy, cited by every explanation.

    Attributes:
        id: ``"R-CE-2"``.
        title: A short name (``"Claim window"``).
        source: Source tags (``"CE"``, ``"RP"``, ...); empty for decisions.
        text: What the rule says, in one or two sentences.
        parameter: For a configurable decision, the parameter's name.
        values: For a configurable decision, the values the parameter takes.
        reconstructed: True when rebuilt from secondary sources.
    """

    id: str
    title: str
    source: tuple[str, ...] = ()
    text: str = ""
    parameter: str | None = None
    values: tuple[str, ...] = ()
    reconstructed: bool = False


@attrs.frozen
class Validity:
    """How long a term lasts, for terms starting on or after ``starting_on``.

    Attributes:
        years: Calendar years (``relativedelta``, D-DATE-1); ``None`` for a
            lifetime term.
        starting_on: The first term start this applies to; ``None`` for all.
    """

    years: int | None
    starting_on: date | None = None

    def expiration(self, start: date) -> date | None:
        """The expiration date of a term starting on *start* (R-VAL-1, D-DATE-1).

        ``2024-02-29`` + 3 years is ``2027-02-28``.
        """
        if self.years is None:
            return None
        if start.month == 2 and start.day == 29:
            return start + relativedelta(years=self.years)  # lands on 28 February (D-DATE-1)
        # Same result as relativedelta for whole years on any other day, at a fraction of the cost.
        return start.replace(year=start.year + self.years)


@attrs.frozen
class Level:
    """A level of the program.

    Attributes:
        name: ``"associate"``.
        rank: Higher ranks are higher levels (``expert`` > ``professional``).
        ladder: Whether certifications of this level take CE credits, recertify
            by CE and take part in cascades (spec section 1).
        validity: Term lengths, latest ``starting_on`` last.
        options: The ways to recertify, in the order they are tried (D-POOL-5).
        ce_eligible: Whether certifications of this level take CE credits
            (default: ``ladder``; the pre-2020 Cisco version gives CE to the
            expert level only).
        suspension_years: Years a certification of this level is
            ``suspended`` after its expiration date before it expires, during
            which it can still recertify (0: none; the pre-2020 Cisco
            version's CCIE/CCDE: 1).
        suspension_rule: The rule id explanations cite for the suspension.
        renewal_from: Where a direct recertification of this level counts its
            new term from, overriding the version's
            :attr:`Parameters.renewal_from`: ``"recertification"`` (the day D,
            R-DATE-1) or ``"expiration"`` (the old expiration date: the
            pre-2020 Cisco version's CCIE/CCDE, R-PRE2020-1); ``None`` follows
            the version's parameter (D-PRE2020-1).
    """

    name: str
    rank: int
    ladder: bool
    validity: tuple[Validity, ...]
    options: tuple[Option, ...] = ()
    ce_eligible: bool | None = None
    suspension_years: int = 0
    suspension_rule: str = "R-DATE-2"
    renewal_from: Literal["recertification", "expiration"] | None = None

    @property
    def takes_ce(self) -> bool:
        """Whether certifications of this level take CE credits."""
        return self.ladder if self.ce_eligible is None else self.ce_eligible


@attrs.frozen
class EarningRule:
    """One way to earn a certification from exam passes (spec section 7).

    Attributes:
        slots: Each slot is a tuple of exam ids of which one pass is needed;
            all slots must be filled by passes inside ``window_years``.
        label: How the rule reads (``"core + 1 concentration"``).
    """

    slots: tuple[tuple[str, ...], ...]
    label: str = ""


@attrs.frozen
class Certification:
    """A certification of the catalog.

    Attributes:
        name: The canonical name (``"CCNP Enterprise"``).
        level: The name of its level.
        track: Technology track, if any.
        aliases: Other names it is found by.
        retired_on: Date from which it is retired (R-RET-1), if ever.
        ce_eligible: Whether it takes CE credits (default: its level is on the ladder).
        cascade: Whether cascades reach it (default: its level is on the ladder).
        validity: Overrides the level's validity (CCST, CCT).
        options: Overrides the level's options (CSM, CCST, CCT).
        earned_by: The ways it is earned from exam passes.
        emeritus: Whether an Emeritus grant applies to it (R-EMER-1).
    """

    name: str
    level: str
    track: str | None = None
    aliases: tuple[str, ...] = ()
    retired_on: date | None = None
    ce_eligible: bool | None = None
    cascade: bool | None = None
    validity: tuple[Validity, ...] | None = None
    options: tuple[Option, ...] | None = None
    earned_by: tuple[EarningRule, ...] = ()
    emeritus: bool = False

    def earned_with(self, code: str) -> bool:
        """Whether a pass of exam *code* fills a slot of one of its earning rules."""
        return any(code in slot for rule in self.earned_by for slot in rule.slots)


@attrs.frozen
class Exam:
    """An exam of the catalog.

    Attributes:
        code: Its id (``"350-401"``, or a name for labs: ``"CCIE Security lab"``).
        kind: ``associate``, ``core``, ``concentration``, ``expert_written``,
            ``expert_lab``, ``entry`` or ``csm`` in the Cisco policy.
        acronym: ``"ENCOR"``.
        title: The exam's full title.
        tracks: The technology tracks it belongs to.
        aliases: Other names it is found by (``"CCDE written"``).
    """

    code: str
    kind: str
    acronym: str = ""
    title: str = ""
    tracks: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@attrs.frozen
class Category:
    """A category of CE activity (R-CE-6).

    Attributes:
        name: ``"training"``, ``"cisco_live"``, ``"authoring"``, ``"other"``.
        eligible: False makes every activity of this category rejected
            with reason ``ineligible_category``.
        description: What belongs in it.
    """

    name: str
    eligible: bool = True
    description: str = ""


@attrs.frozen
class Parameters:
    """The configurable decisions of a policy.

    Attributes:
        claim_window_days: Days after completion a claim may be made, day 0
            being the completion date (R-CE-2, D-CLAIM-1, D-CLAIM-3).
        recertification_anchor: ``"completion"`` (D is the completion date of
            the activity that meets the requirement) or ``"claim"`` (its claim
            date) (D-ANCHOR-1).
        pooling: ``"highest_level"`` (one pool toward the highest level) or
            ``"each_level"`` (every level renews from its own view of the
            credits) (D-POOL-1).
        carry_over_excess: Whether credits beyond what a recertification
            used stay in its level's pool for the new term, the rest of the
            last activity used included (D-POOL-2); they never move to
            another level.
        earning_window_years: Years within which the passes of an earning
            rule must all fall (spec section 7).
        renewal_from: ``"recertification"``: a new term runs from the day D
            the requirements are met (R-DATE-1); ``"expiration"``: from the old
            expiration date (the pre-2020 Cisco version).
    """

    claim_window_days: int = attrs.field(default=365, validator=attrs.validators.ge(0))
    recertification_anchor: Anchor = "completion"
    pooling: Pooling = "highest_level"
    carry_over_excess: bool = False
    earning_window_years: int = attrs.field(default=3, validator=attrs.validators.ge(0))
    renewal_from: Literal["recertification", "expiration"] = "recertification"


def _index(policy: Policy) -> dict[str, Certification]:
    out: dict[str, Certification] = {}
    for cert in policy.certifications:
        for name in (cert.name, *cert.aliases):
            out.setdefault(normalize_name(name), cert)
    return out


def _exam_index(policy: Policy) -> dict[str, Exam]:
    out: dict[str, Exam] = {}
    for exam in policy.exams:
        names = [exam.code, *exam.aliases]
        if exam.acronym:
            names += [exam.acronym, f"{exam.code} {exam.acronym}"]
        for name in names:
            out.setdefault(normalize_name(name), exam)
    return out


@attrs.frozen
class Policy:
    """A recertification policy: one version of one program's rules, as data.

    Build one with :func:`recert.load_policy`; :func:`recert.cisco_policy`
    returns the embedded Cisco CE policy.

    Attributes:
        id: ``"cisco-ce"``.
        version: ``"2020-02-24"``.
        title: Human name of the program.
        effective_from: First date the version is in force.
        levels: Every level, lowest rank first.
        certifications: The certification catalog.
        exams: The exam catalog.
        exam_kinds: Every exam kind options may name.
        categories: CE activity categories.
        parameters: The configurable decisions.
        rules: Every rule and decision id, by id.
        earlier: Earlier versions of the same program, each a whole policy
            with its own ``effective_from`` (levels, options, parameters);
            decisions dated before this version's ``effective_from`` use
            the version in force on their date (:meth:`version_on`).
        offering_rules: The checks :func:`recert.validate_offering` applies to
            training offerings (the policy file's ``[offerings]`` table);
            ``None``: the built-in Cisco defaults.
        program: The fixed-cycle primitives (unit, lifecycle, caps, groups,
            renewal map, ...) of ``tests/programs/DESIGN.md``; ``None`` for a
            policy that uses none of them (it is evaluated as before).
    """

    id: str
    version: str
    title: str
    levels: tuple[Level, ...]
    certifications: tuple[Certification, ...]
    exams: tuple[Exam, ...]
    exam_kinds: tuple[str, ...]
    categories: tuple[Category, ...]
    parameters: Parameters
    rules: Mapping[str, Rule] = attrs.field(eq=False, hash=False)
    effective_from: date | None = None
    earlier: tuple[Policy, ...] = ()
    offering_rules: OfferingRules | None = attrs.field(default=None, eq=False, hash=False)
    program: Program | None = attrs.field(default=None, eq=False, hash=False)
    _by_name: dict[str, Certification] = attrs.field(
        init=False, eq=False, hash=False, repr=False, factory=dict
    )
    _exam_by_name: dict[str, Exam] = attrs.field(init=False, eq=False, hash=False, repr=False, factory=dict)
    _levels: dict[str, Level] = attrs.field(init=False, eq=False, hash=False, repr=False, factory=dict)
    _categories: dict[str, Category] = attrs.field(init=False, eq=False, hash=False, repr=False, factory=dict)
    _earners: dict[str, list[Certification]] = attrs.field(
        init=False, eq=False, hash=False, repr=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        self._by_name.update(_index(self))
        self._exam_by_name.update(_exam_index(self))
        self._levels.update({level.name: level for level in self.levels})
        for category in self.categories:
            self._categories.setdefault(category.name, category)
        for cert in self.certifications:
            codes = {code for rule in cert.earned_by for slot in rule.slots for code in slot}
            for code in codes:
                self._earners.setdefault(code, []).append(cert)

    def earned_with(self, codes: set[str]) -> list[Certification]:
        """Certifications with an earning rule that a pass of one of *codes* helps fill, highest level first."""
        found = {c.name: c for code in codes for c in self._earners.get(code, ())}
        return sorted(found.values(), key=lambda c: (-self._levels[c.level].rank, c.name))

    def version_on(self, day: date) -> Policy:
        """The version in force on *day*: the latest whose ``effective_from`` is on or before it.

        A day before every version's start gets the earliest version.
        """
        if not self.earlier or self.effective_from is None or day >= self.effective_from:
            return self
        chosen = min(self.earlier, key=lambda v: v.effective_from or date.min)
        for version in self.earlier:
            start = version.effective_from or date.min
            if start <= day and start >= (chosen.effective_from or date.min):
                chosen = version
        return chosen

    @property
    def unit(self) -> str:
        """The unit of credits (``"CE credits"`` unless ``[policy] unit`` says otherwise)."""
        return "CE credits" if self.program is None else self.program.unit

    def level(self, name: str) -> Level:
        """The level called *name*.

        Raises:
            KeyError: No such level.
        """
        return self._levels[name]

    def has_level(self, name: str) -> bool:
        """Whether the policy has a level called *name*."""
        return name in self._levels

    def certification(self, name: str) -> Certification | None:
        """The catalog certification called *name* or one of its aliases, or ``None``.

        Matching ignores case, spaces, dashes and the "Cisco Certified" prefix.
        """
        return self._by_name.get(normalize_name(name))

    def exam(self, name: str) -> Exam | None:
        """The catalog exam with this id, acronym or "id acronym", or ``None``."""
        return self._exam_by_name.get(normalize_name(name))

    def certification_names(self) -> tuple[str, ...]:
        """Every catalog name and alias, for suggestions."""
        return tuple(n for c in self.certifications for n in (c.name, *c.aliases))

    def category(self, name: str) -> Category | None:
        """The CE category called *name*, or ``None``."""
        return self._categories.get(name)

    def rule(self, rule_id: str) -> Rule:
        """The rule or decision with this id.

        Raises:
            KeyError: The policy has no such rule.
        """
        return self.rules[rule_id]
