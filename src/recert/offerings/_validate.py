"""Whether an offering can earn CE credits, and whether its stated credits are plausible (R-CE-6, R-CE-7, D-OFFER-1, D-OFFER-2)."""

from __future__ import annotations

from typing import Any

import attrs

from recert.core.offering import (
    CHECKS,
    Offering,
    OfferingRules,
    Severity,
)
from recert.core.policy import Policy
from recert.core.requirements import format_credits

__all__ = ["Finding", "Report", "earns_credits", "validate_offering"]



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


_LABEL = {"instructor_led": "instructor-led training", "virtual_instructor_led":
          "virtual instructor-led training", "e_learning": "e-learning",
          "learning_path": "a learning path", "cisco_live": "a Cisco Live session",
          "exam_authoring": "exam item authoring", "other": "other"}


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
