"""Training offerings: what a learning partner publishes, and whether it can earn CE credits.

A training vendor (a Cisco learning partner) publishes courses with a stated
number of Continuing Education (CE) credits. This module answers, without I/O:

* :func:`validate_offering`: can this offering earn CE credits at all, and are
  its stated credits plausible? (R-CE-6, R-CE-7, decisions D-OFFER-1 and
  D-OFFER-2 below). Every threshold is data in :class:`OfferingRules`, read
  from a policy file's ``[offerings]`` table by
  :func:`offering_rules_from_mapping`, so a vendor can tighten the checks.
* :func:`completion_effect`: what does one completion do for a learner: which
  levels its credits alone renew, which share of each level's CE-only
  requirement it covers, and by when the learner must claim it (R-CE-2,
  D-CLAIM-3).
* :func:`completion_what_if`: a learner's evaluation before and after adding
  the completion to their record.

Decisions of this module (not part of Cisco's published rules):

* **D-OFFER-1** Credits per hour. Cisco publishes no credit rate; the largest
  published value for training is 64 credits (R-CE-6), which learning
  partners give to five-day classroom courses: 5 days x 8 hours = 40 hours,
  so 64 / 40 = 1.6 credits per classroom hour. A training offering stating
  more than ``max_credits_per_hour`` (default 1.6) is flagged as implausible.
* **D-OFFER-2** Dates offered. An offering whose last day is before its first
  day cannot be attended as stated.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, Literal

import attrs

from recert.core.policy import Level, Policy
from recert.core.record import Activity, ClaimStatus, Record
from recert.core.requirements import CECredits, format_credits
from recert.core.result import Evaluation
from recert.exceptions import OfferingError, PolicyError, Problem

__all__ = [
    "CATEGORY_OF_FORMAT",
    "CHECKS",
    "EDITIONS",
    "FORMATS",
    "SEVERITIES",
    "CompletionEffect",
    "CreditRange",
    "Finding",
    "LevelShare",
    "Offering",
    "OfferingRules",
    "Report",
    "WhatIf",
    "completion_effect",
    "completion_what_if",
    "offering_rules_from_mapping",
    "validate_offering",
]

Format = Literal[
    "instructor_led",
    "virtual_instructor_led",
    "e_learning",
    "learning_path",
    "cisco_live",
    "exam_authoring",
    "other",
]
Edition = Literal["full", "lite", "no_labs"]
Severity = Literal["error", "warning", "info"]
Setting = Literal["error", "warning", "info", "off"]

#: Delivery formats of an offering, and the record category each maps to (R-CE-6).
CATEGORY_OF_FORMAT: Mapping[str, str] = {
    "instructor_led": "training",
    "virtual_instructor_led": "training",
    "e_learning": "training",
    "learning_path": "training",
    "cisco_live": "cisco_live",
    "exam_authoring": "authoring",
    "other": "other",
}
FORMATS: tuple[str, ...] = tuple(CATEGORY_OF_FORMAT)
_LABEL = {"instructor_led": "instructor-led training", "virtual_instructor_led":
          "virtual instructor-led training", "e_learning": "e-learning",
          "learning_path": "a learning path", "cisco_live": "a Cisco Live session",
          "exam_authoring": "exam item authoring", "other": "other"}
EDITIONS: tuple[str, ...] = ("full", "lite", "no_labs")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

#: Every check: its name, the rule it implements and its default severity.
CHECKS: Mapping[str, tuple[str, Severity]] = {
    "catalog_id": ("R-CE-6", "error"),
    "authorized_provider": ("R-CE-6", "error"),
    "category": ("R-CE-6", "error"),
    "labs": ("R-CE-6", "error"),
    "credit_range": ("R-CE-6", "error"),
    "credits_per_hour": ("D-OFFER-1", "warning"),
    "learning_credits": ("R-CE-7", "warning"),
    "dates": ("D-OFFER-2", "error"),
}


def _a_date(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not date:
        raise TypeError(f"{attribute.name}: {value!r} is not a datetime.date")


def _non_negative(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{attribute.name}: {value!r} is not a number")
    if not value >= 0:
        raise ValueError(f"{attribute.name}: {value!r} is negative")


def _positive(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _non_negative(_, attribute, value)
    if value is not None and value == 0:
        raise ValueError(f"{attribute.name}: {value!r} is not positive")


def _one_of(choices: tuple[str, ...]) -> Any:
    def check(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            raise ValueError(f"{attribute.name}: {value!r} is not one of {', '.join(choices)}")

    return check


@attrs.frozen
class Offering:
    """One course (or session, or authoring item) a vendor offers for CE credits.

    Attributes:
        item_id: The vendor's own id for the offering (``"NW-ENCOR-ILT"``).
        title: The course title (``"Implementing and Operating Cisco Enterprise
            Network Core Technologies"``).
        provider: Who delivers it.
        authorized_partner: Whether the provider is Cisco or a Cisco-authorized
            learning partner (R-CE-6).
        format: One of :data:`FORMATS`: ``instructor_led``,
            ``virtual_instructor_led``, ``e_learning``, ``learning_path``,
            ``cisco_live``, ``exam_authoring``, ``other``.
        ce_credits: The CE credits the vendor states (>= 0; fractions allowed).
        labs: Whether hands-on labs are included.
        edition: ``full``, ``lite`` or ``no_labs`` ("lite"/"NO LABS" digital
            editions earn nothing, R-CE-6).
        duration_hours: Length in hours (a classroom day counts 8 hours), if known.
        learning_credits: Price in Cisco Learning Credits (prepaid training
            money, not CE credits, R-CE-7), if known.
        track: Technology track (``"Enterprise"``), if any.
        starts_on: First day offered, if dated.
        ends_on: Last day offered, if dated.
        ce_catalog_id: The item's id in Cisco's CE item catalog, if it has one.
    """

    item_id: str
    title: str
    provider: str
    authorized_partner: bool
    format: Format = attrs.field(validator=_one_of(FORMATS))
    ce_credits: float = attrs.field(validator=_non_negative)
    labs: bool = False
    edition: Edition = attrs.field(default="full", validator=_one_of(EDITIONS))
    duration_hours: float | None = attrs.field(default=None, validator=_positive)
    learning_credits: float | None = attrs.field(default=None, validator=_non_negative)
    track: str | None = None
    starts_on: date | None = attrs.field(default=None, validator=_a_date)
    ends_on: date | None = attrs.field(default=None, validator=_a_date)
    ce_catalog_id: str | None = None

    @property
    def category(self) -> str:
        """The record category a completion goes into (``training``, ``cisco_live``,
        ``authoring`` or ``other``, R-CE-6)."""
        return CATEGORY_OF_FORMAT[self.format]

    def to_activity(
        self,
        activity_id: str,
        completed_on: date,
        *,
        claimed_on: date | None = None,
        status: ClaimStatus | None = None,
        decided_on: date | None = None,
    ) -> Activity:
        """A learner's completion of this offering, as a record activity.

        The activity's ``item`` is the CE catalog id (the once-per-term rule,
        R-CE-1, compares catalog items), else the vendor's item id.

        Args:
            activity_id: The id of the activity in the learner's record.
            completed_on: The completion date.
            claimed_on: When the claim was submitted; ``None`` = not claimed.
            status: The program's decision (``pending``, ``approved``, ``rejected``).
            decided_on: When the decision was made.

        Returns:
            The activity, worth the stated CE credits.

        Raises:
            OfferingError: The offering states 0 credits (an activity needs
                positive credits).
        """
        if self.ce_credits <= 0:
            raise OfferingError(
                [Problem("ce_credits", f"{self.ce_credits!r}: an offering stating no credits "
                                       "cannot become an activity")],
                source=self.item_id,
            )
        return Activity(
            id=activity_id,
            credits=self.ce_credits,
            completed_on=completed_on,
            item=self.ce_catalog_id or self.item_id,
            title=self.title,
            category=self.category,
            claimed_on=claimed_on,
            status=status,
            decided_on=decided_on,
        )


@attrs.frozen
class CreditRange:
    """The CE credits a format or a category may carry (R-CE-6: training 4 to 64).

    Attributes:
        applies_to: A format (``"e_learning"``) or a record category
            (``"training"``); a format's range wins over its category's.
        minimum: Lowest plausible value, in CE credits (inclusive).
        maximum: Highest plausible value, in CE credits (inclusive).
    """

    applies_to: str
    minimum: float
    maximum: float


def _default_severities() -> tuple[tuple[str, Setting], ...]:
    return tuple((name, severity) for name, (_, severity) in CHECKS.items())


@attrs.frozen
class OfferingRules:
    """The thresholds of :func:`validate_offering`, as policy data (``[offerings]``).

    The defaults are the Cisco program's; a vendor can tighten them (a lower
    credit rate, a warning promoted to an error) in a policy file.

    Attributes:
        credit_ranges: Plausible CE credits per format or category. Cisco
            publishes only training's: 4 to 64 (R-CE-6); other formats have no
            range unless one is given.
        max_credits_per_hour: Highest plausible CE credits per hour of a
            training offering, or ``None`` for no limit. Default 1.6: 64
            credits (the published maximum) for a five-day, 40-hour classroom
            course (D-OFFER-1).
        per_hour_categories: Categories the credit rate applies to
            (default: ``training``, the classroom-like ones).
        labs_required_formats: Formats that earn nothing without labs
            (default: ``e_learning``, R-CE-6).
        ineligible_editions: Editions that earn nothing (``lite``,
            ``no_labs``, R-CE-6).
        severities: Each check's severity, or ``"off"`` to skip it; checks
            not listed take the default of :data:`CHECKS`.
    """

    credit_ranges: tuple[CreditRange, ...] = (CreditRange("training", 4, 64),)
    max_credits_per_hour: float | None = 1.6
    per_hour_categories: tuple[str, ...] = ("training",)
    labs_required_formats: tuple[str, ...] = ("e_learning",)
    ineligible_editions: tuple[str, ...] = ("lite", "no_labs")
    severities: tuple[tuple[str, Setting], ...] = attrs.field(factory=_default_severities)

    def severity(self, check: str) -> Setting:
        """The severity of *check* (``"off"`` when skipped)."""
        for name, setting in self.severities:
            if name == check:
                return setting
        return CHECKS[check][1]

    def credit_range(self, offering: Offering) -> CreditRange | None:
        """The range that applies to *offering*: its format's, else its category's, else none."""
        by_name = {r.applies_to: r for r in self.credit_ranges}
        return by_name.get(offering.format) or by_name.get(offering.category)


@attrs.frozen
class Finding:
    """One thing a check found about an offering.

    Attributes:
        severity: ``error`` (the offering cannot earn what it states),
            ``warning`` (probably wrong) or ``info``.
        check: The check's name (a key of :data:`CHECKS`).
        rule: The rule it implements (``"R-CE-6"``).
        field: The offering's field concerned (``"ce_credits"``).
        message: One sentence with the values.
    """

    severity: Severity
    check: str
    rule: str
    field: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """The JSON shape: ``severity``, ``check``, ``rule``, ``field``, ``message``."""
        return {"severity": self.severity, "check": self.check, "rule": self.rule,
                "field": self.field, "message": self.message}


@attrs.frozen
class Report:
    """Every finding about one offering, in the order of :data:`CHECKS`.

    Attributes:
        item_id: The offering's item id.
        findings: The findings; empty when the offering passes every check.
    """

    item_id: str
    findings: tuple[Finding, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity ``error``."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity ``warning``."""
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``item_id``, ``ok`` and ``findings``."""
        return {"item_id": self.item_id, "ok": self.ok,
                "findings": [f.to_dict() for f in self.findings]}


# --- the checks ------------------------------------------------------------------------------
# Each returns (field, message) when it finds something, else None.

_Hit = tuple[str, str] | None


def _check_catalog_id(o: Offering, rules: OfferingRules) -> _Hit:
    if o.ce_catalog_id:
        return None
    return ("ce_catalog_id", "has no CE catalog id: an item outside Cisco's CE item catalog "
                             "earns no CE credits")


def _check_authorized_provider(o: Offering, rules: OfferingRules) -> _Hit:
    if o.authorized_partner:
        return None
    return ("authorized_partner", f"provider {o.provider!r} is not Cisco or an authorized "
                                  "partner: its deliveries earn no CE credits")


def _check_labs(o: Offering, rules: OfferingRules) -> _Hit:
    if o.edition in rules.ineligible_editions:
        field, why = "edition", f"a {o.edition.replace('_', ' ')!r} edition"
    elif o.format in rules.labs_required_formats and not o.labs:
        field, why = "labs", f"{_LABEL[o.format]} without labs"
    else:
        return None
    if o.ce_credits == 0:
        return (field, f"{why} earns no CE credits, and 0 are stated")
    return (field, f"{why} earns no CE credits, but {format_credits(o.ce_credits)} are stated")


def _check_credit_range(o: Offering, rules: OfferingRules) -> _Hit:
    bounds = rules.credit_range(o)
    if bounds is None or bounds.minimum <= o.ce_credits <= bounds.maximum:
        return None
    return ("ce_credits", f"{format_credits(o.ce_credits)} CE credits is outside "
                          f"{format_credits(bounds.minimum)} to {format_credits(bounds.maximum)}, "
                          f"the range for {bounds.applies_to}")


def _check_credits_per_hour(o: Offering, rules: OfferingRules) -> _Hit:
    limit = rules.max_credits_per_hour
    if limit is None or o.duration_hours is None or o.category not in rules.per_hour_categories:
        return None
    rate = o.ce_credits / o.duration_hours
    if rate <= limit + 1e-9:
        return None
    return ("ce_credits", f"{format_credits(o.ce_credits)} CE credits for "
                          f"{format_credits(o.duration_hours)} hours is "
                          f"{format_credits(round(rate, 2))} per hour, above "
                          f"{format_credits(limit)} per hour")


def _check_learning_credits(o: Offering, rules: OfferingRules) -> _Hit:
    if o.learning_credits is None or o.ce_credits == 0 or o.learning_credits != o.ce_credits:
        return None
    return ("ce_credits", f"{format_credits(o.ce_credits)} CE credits equals the price of "
                          f"{format_credits(o.learning_credits)} Cisco Learning Credits: "
                          "Learning Credits are money, not CE credits")


def _check_dates(o: Offering, rules: OfferingRules) -> _Hit:
    if o.starts_on is None or o.ends_on is None or o.ends_on >= o.starts_on:
        return None
    return ("ends_on", f"{o.ends_on.isoformat()} is before starts_on {o.starts_on.isoformat()}")


_CHECKS = {
    "catalog_id": _check_catalog_id,
    "authorized_provider": _check_authorized_provider,
    "labs": _check_labs,
    "credit_range": _check_credit_range,
    "credits_per_hour": _check_credits_per_hour,
    "learning_credits": _check_learning_credits,
    "dates": _check_dates,
}


def _rules_of(policy: Policy | None, rules: OfferingRules | None) -> OfferingRules:
    if rules is not None:
        return rules
    from_policy = getattr(policy, "offering_rules", None)
    return from_policy if isinstance(from_policy, OfferingRules) else OfferingRules()


def validate_offering(
    offering: Offering, policy: Policy | None = None, rules: OfferingRules | None = None
) -> Report:
    """Check whether an offering can earn CE credits and whether its stated credits are plausible.

    Checks, in this order (names as in :data:`CHECKS`):

    * ``catalog_id``: no CE catalog id (R-CE-6: only catalog items earn credits).
    * ``authorized_provider``: not delivered by Cisco or an authorized partner (R-CE-6).
    * ``category``: the policy marks the format's category ineligible (R-CE-6).
    * ``labs``: a ``lite``/``no_labs`` edition, or e-learning without labs,
      earns nothing (R-CE-6).
    * ``credit_range``: credits outside the range for the format or its
      category (training: 4 to 64, R-CE-6); not asked of an offering that
      states 0 credits and earns nothing by its edition or labs.
    * ``credits_per_hour``: more credits per hour than ``max_credits_per_hour``
      (D-OFFER-1: 64 credits / 40 classroom hours = 1.6).
    * ``learning_credits``: stated CE credits equal the Learning Credits
      price, a likely mix-up (R-CE-7).
    * ``dates``: ``ends_on`` before ``starts_on`` (D-OFFER-2).

    An offering that states 0 credits does not claim any: the first four
    checks, which say why an offering would earn nothing, then give ``info``
    findings whatever their configured severity.

    Args:
        offering: The offering.
        policy: A :class:`~recert.core.policy.Policy` for its categories (a
            category it marks ineligible makes the ``category`` check fire)
            and, once policies carry them, its ``offering_rules``; ``None``
            skips the category check.
        rules: The thresholds; ``None`` takes the policy's, else the Cisco
            defaults of :class:`OfferingRules`.

    Returns:
        The report; ``report.ok`` is False when any finding is an error.
    """
    rules = _rules_of(policy, rules)
    findings: list[Finding] = []

    def add(check: str, hit: _Hit, *, info: bool = False) -> None:
        setting = rules.severity(check)
        if hit is None or setting == "off":
            return
        severity: Severity = "info" if info else setting
        findings.append(Finding(severity, check, CHECKS[check][0], hit[0], hit[1]))

    # An offering stating 0 credits does not claim to earn any: what would
    # make it earn nothing is consistent with it, so only informative.
    states_none = offering.ce_credits == 0
    add("catalog_id", _check_catalog_id(offering, rules), info=states_none)
    add("authorized_provider", _check_authorized_provider(offering, rules), info=states_none)
    if policy is not None:
        category = policy.category(offering.category)
        if category is None or not category.eligible:
            state = "is not a category" if category is None else "is not eligible"
            add("category", ("format", f"category {offering.category!r} of "
                                       f"{_LABEL[offering.format]} "
                                       f"{state} in policy {policy.id!r}"), info=states_none)
    labs = _check_labs(offering, rules)
    add("labs", labs, info=states_none)
    if not (states_none and labs is not None):
        add("credit_range", _check_credit_range(offering, rules))
    for name in ("credits_per_hour", "learning_credits", "dates"):
        add(name, _CHECKS[name](offering, rules))
    return Report(offering.item_id, tuple(findings))


def earns_credits(offering: Offering, rules: OfferingRules | None = None) -> bool:
    """Whether a completion can earn credits at all: positive credits and no
    ineligible edition or missing labs (R-CE-6). Catalog and provider are not
    asked here; :func:`validate_offering` reports them."""
    return offering.ce_credits > 0 and _check_labs(offering, rules or OfferingRules()) is None


# --- rules from policy data ------------------------------------------------------------------

_RULE_KEYS = {"credit_range", "max_credits_per_hour", "per_hour_categories",
              "labs_required_formats", "ineligible_editions", "severity"}
_CATEGORIES = tuple(dict.fromkeys(CATEGORY_OF_FORMAT.values()))


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _names(
    value: Any, allowed: tuple[str, ...], path: str, problems: list[Problem]
) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(Problem(path, f"{value!r} is not an array of strings"))
        return ()
    for i, name in enumerate(value):
        if name not in allowed:
            problems.append(Problem(f"{path}[{i}]", f"{name!r} is not one of {', '.join(allowed)}"))
    return tuple(value)


def offering_rules_from_mapping(table: Mapping[str, Any], path: str = "offerings") -> OfferingRules:
    """Read the ``[offerings]`` table of a policy file into :class:`OfferingRules`.

    Shape (every key optional; omitted keys keep the Cisco defaults)::

        [offerings]
        max_credits_per_hour = 1.6        # or false: no limit (D-OFFER-1)
        per_hour_categories = ["training"]
        labs_required_formats = ["e_learning"]
        ineligible_editions = ["lite", "no_labs"]
        [offerings.credit_range.training]  # a format or a category
        min = 4
        max = 64
        [offerings.severity]
        credits_per_hour = "error"         # error, warning, info or off

    A ``credit_range`` table replaces the default ranges as a whole.

    Args:
        table: The parsed ``[offerings]`` table.
        path: Its path in the file, for messages.

    Returns:
        The rules.

    Raises:
        PolicyError: Listing every problem with its path and value (an
            unknown key, a check or format that does not exist, a minimum
            above its maximum, a severity that is not one of error, warning,
            info, off).
    """
    problems: list[Problem] = []
    if not isinstance(table, Mapping):
        raise PolicyError([Problem(path, f"{table!r} is not a table")])
    for key in table:
        if key not in _RULE_KEYS:
            problems.append(Problem(f"{path}.{key}", "unknown field (expected one of "
                                                     f"{', '.join(sorted(_RULE_KEYS))})"))
    defaults = OfferingRules()
    kwargs: dict[str, Any] = {}

    if "credit_range" in table:
        ranges: list[CreditRange] = []
        raw = table["credit_range"]
        if not isinstance(raw, Mapping):
            problems.append(Problem(f"{path}.credit_range", f"{raw!r} is not a table"))
            raw = {}
        for name, entry in raw.items():
            p = f"{path}.credit_range.{name}"
            if name not in FORMATS and name not in _CATEGORIES:
                problems.append(Problem(p, f"{name!r} is not a format or a category "
                                           f"({', '.join(dict.fromkeys(FORMATS + _CATEGORIES))})"))
            if not isinstance(entry, Mapping) or set(entry) != {"min", "max"}:
                problems.append(Problem(p, f"{entry!r} is not a table {{min = N, max = N}}"))
                continue
            low, high = _number(entry["min"]), _number(entry["max"])
            for key, value in (("min", low), ("max", high)):
                if value is None:
                    problems.append(Problem(f"{p}.{key}", f"{entry[key]!r} is not a number >= 0"))
            if low is not None and high is not None:
                if low > high:
                    problems.append(
                        Problem(p, f"min {entry['min']!r} is above max {entry['max']!r}")
                    )
                ranges.append(CreditRange(name, low, high))
        kwargs["credit_ranges"] = tuple(ranges)

    if "max_credits_per_hour" in table:
        value = table["max_credits_per_hour"]
        if value is False:
            kwargs["max_credits_per_hour"] = None
        elif (rate := _number(value)) is not None and rate > 0:
            kwargs["max_credits_per_hour"] = rate
        else:
            problems.append(Problem(f"{path}.max_credits_per_hour",
                                    f"{value!r} is not a positive number or false"))

    for key, allowed in (("per_hour_categories", _CATEGORIES),
                         ("labs_required_formats", FORMATS),
                         ("ineligible_editions", EDITIONS)):
        if key in table:
            kwargs[key] = _names(table[key], allowed, f"{path}.{key}", problems)

    if "severity" in table:
        settings = dict(defaults.severities)
        raw = table["severity"]
        if not isinstance(raw, Mapping):
            problems.append(Problem(f"{path}.severity", f"{raw!r} is not a table"))
            raw = {}
        for check, setting in raw.items():
            p = f"{path}.severity.{check}"
            if check not in CHECKS:
                problems.append(Problem(p, f"{check!r} is not a check ({', '.join(CHECKS)})"))
            elif setting not in (*SEVERITIES, "off"):
                problems.append(Problem(p, f"{setting!r} is not error, warning, info or off"))
            else:
                settings[check] = setting
        kwargs["severities"] = tuple(settings.items())

    if problems:
        raise PolicyError(problems)
    return OfferingRules(**kwargs)


# --- what a completion does ------------------------------------------------------------------


@attrs.frozen
class LevelShare:
    """What one offering's credits do toward one ladder level's CE-only option (R-CE-4).

    Attributes:
        level: The level (``"professional"``).
        required: CE credits its CE-only option needs (80).
        share: The fraction of ``required`` the offering's credits cover,
            at most 1 (40 of 80 is 0.5).
        renews: Whether the credits alone meet the CE-only option.
    """

    level: str
    required: float
    share: float
    renews: bool

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``level``, ``required``, ``share``, ``renews``."""
        return {"level": self.level, "required": self.required,
                "share": round(self.share, 4), "renews": self.renews}


@attrs.frozen
class CompletionEffect:
    """What one completion of an offering does for a learner.

    Attributes:
        item_id: The offering's item id.
        credits: The CE credits a completion earns (0 for an offering that
            earns nothing under R-CE-6).
        completed_on: The completion date.
        claim_deadline: The last day to claim it: completion + the policy's
            claim window in days, day 0 being the completion date (R-CE-2,
            D-CLAIM-3). The claim must also be made on or before the
            expiration date of a certification it can count toward (D-CLAIM-2),
            which depends on the learner's record.
        levels: Every ladder level with a CE-only option, lowest first.
    """

    item_id: str
    credits: float
    completed_on: date
    claim_deadline: date
    levels: tuple[LevelShare, ...]

    @property
    def renews(self) -> tuple[str, ...]:
        """The levels the credits alone would renew."""
        return tuple(s.level for s in self.levels if s.renews)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape."""
        return {"item_id": self.item_id, "credits": self.credits,
                "completed_on": self.completed_on.isoformat(),
                "claim_deadline": self.claim_deadline.isoformat(),
                "renews": list(self.renews), "levels": [s.to_dict() for s in self.levels]}


def _policy(policy: Policy | None) -> Policy:
    if policy is None:
        from recert.io.policy_toml import cisco_policy

        return cisco_policy()
    return policy


def _ce_only(level: Level) -> float | None:
    for option in level.options:
        if len(option.requirements) == 1 and isinstance(option.requirements[0], CECredits):
            return option.requirements[0].credits
    return None


def completion_effect(
    offering: Offering,
    completed_on: date,
    policy: Policy | None = None,
    rules: OfferingRules | None = None,
) -> CompletionEffect:
    """Which ladder levels one completion would renew on its credits alone, and by when to claim.

    A level's CE-only option is the option whose only requirement is
    :class:`~recert.core.requirements.CECredits` (Cisco: associate 30,
    specialist 40, professional 80, expert 120). A 40-credit course renews a
    Specialist alone (share 1) and covers half of a Professional's 80 (share
    0.5). An offering that earns nothing (R-CE-6: ``lite``/``no_labs``
    edition, e-learning without labs, or 0 stated credits) or whose category
    the policy marks ineligible has share 0 everywhere. Catalog id and
    provider are not judged here; see :func:`validate_offering`.

    Args:
        offering: The offering.
        completed_on: The learner's completion date.
        policy: The policy (default: the embedded Cisco policy).
        rules: The offering rules (default: the policy's, else Cisco's).

    Returns:
        The effect; ``claim_deadline`` = ``completed_on`` +
        ``policy.parameters.claim_window_days`` days (R-CE-2, D-CLAIM-3:
        2025-03-01 + 365 days = 2026-03-01).
    """
    policy = _policy(policy)
    rules = _rules_of(policy, rules)
    category = policy.category(offering.category)
    eligible = category is not None and category.eligible
    credits = offering.ce_credits if eligible and earns_credits(offering, rules) else 0
    shares: list[LevelShare] = []
    for level in policy.levels:
        required = _ce_only(level) if level.ladder else None
        if required is None:
            continue
        shares.append(LevelShare(level.name, required, min(1.0, credits / required),
                                 credits >= required - 1e-9 and credits > 0))
    deadline = completed_on + timedelta(days=policy.parameters.claim_window_days)
    return CompletionEffect(offering.item_id, credits, completed_on, deadline, tuple(shares))


@attrs.frozen
class WhatIf:
    """A learner's evaluation without and with one completion.

    Attributes:
        activity: The activity added for the completion.
        before: ``evaluate`` of the record as given.
        after: ``evaluate`` of the record with ``activity`` appended.
    """

    activity: Activity
    before: Evaluation
    after: Evaluation


def completion_what_if(
    record: Record,
    offering: Offering,
    completed_on: date,
    *,
    as_of: date,
    claimed_on: date | None = None,
    status: ClaimStatus | None = "approved",
    policy: Policy | None = None,
    activity_id: str | None = None,
) -> WhatIf:
    """Evaluate a learner's record before and after completing an offering.

    The completion becomes an activity (:meth:`Offering.to_activity`)
    appended to the record's activities, claimed on ``claimed_on`` (default:
    the completion date) with ``status`` (default ``approved``: "if the claim
    is approved"); both records go through :func:`recert.evaluate` on the same
    ``as_of``.

    Args:
        record: The learner's record.
        offering: The offering completed.
        completed_on: The completion date.
        as_of: The evaluation date of both evaluations.
        claimed_on: The claim date; default ``completed_on``.
        status: The claim's decision; ``None`` leaves it pending.
        policy: The policy (default: the embedded Cisco policy).
        activity_id: The new activity's id; default ``offering:<item_id>``
            (with a number added if the record already uses it).

    Returns:
        The activity, the evaluation before and the evaluation after.

    Raises:
        OfferingError: The offering states 0 credits.
        RecordError: The record cannot be evaluated.
    """
    from recert.api import evaluate

    taken = {a.id for a in record.activities}
    base = activity_id or f"offering:{offering.item_id}"
    new_id, n = base, 1
    while new_id in taken:
        n += 1
        new_id = f"{base}#{n}"
    claimed = claimed_on or completed_on
    activity = offering.to_activity(new_id, completed_on, claimed_on=claimed, status=status)
    after_record = attrs.evolve(record, activities=(*record.activities, activity))
    return WhatIf(
        activity,
        evaluate(record, as_of=as_of, policy=policy),
        evaluate(after_record, as_of=as_of, policy=policy),
    )
