"""Vendors' offerings as value objects, and the policy's rules for them (what :func:`recert.validate_offering` checks).

Part of the policy (:attr:`recert.core.policy.Policy.offering_rules`, read
from a policy file's ``[offerings]`` table by
:func:`recert.io.offering_rules.offering_rules_from_mapping`), so the core can
name them without importing the offerings feature (:mod:`recert.offerings`).
Rules: R-CE-6 (formats, labs, editions, credit ranges), R-CE-7 (learning
credits), D-OFFER-1 (credits per hour), D-OFFER-2 (dates offered).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

import attrs

from recert.core.record import Activity, ClaimStatus
from recert.exceptions import OfferingError, Problem

__all__ = [
    "CATEGORY_OF_FORMAT",
    "CHECKS",
    "EDITIONS",
    "FORMATS",
    "SEVERITIES",
    "CreditRange",
    "Edition",
    "Format",
    "Offering",
    "OfferingRules",
    "Setting",
    "Severity",
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
    """The thresholds of :func:`recert.validate_offering`, as policy data (``[offerings]``).

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

