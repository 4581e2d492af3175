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

from recert.core.offering import (
    CATEGORY_OF_FORMAT,
    CHECKS,
    EDITIONS,
    FORMATS,
    SEVERITIES,
    CreditRange,
    Offering,
    OfferingRules,
)
from recert.io.offering_rules import offering_rules_from_mapping
from recert.offerings._effect import (
    CompletionEffect,
    LevelShare,
    WhatIf,
    completion_effect,
    completion_what_if,
)
from recert.offerings._validate import Finding, Report, earns_credits, validate_offering

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
    "earns_credits",
    "offering_rules_from_mapping",
    "validate_offering",
]
