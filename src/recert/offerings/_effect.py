"""What one completion of an offering does for a learner (R-CE-2, R-CE-4, D-CLAIM-3)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs

from recert.api import evaluate
from recert.core.offering import (
    Offering,
    OfferingRules,
)
from recert.core.policy import Level, Policy
from recert.core.record import Activity, ClaimStatus, Record
from recert.core.requirements import CECredits
from recert.core.result import Evaluation
from recert.io.policy_toml import cisco_policy
from recert.offerings._validate import _rules_of, earns_credits

__all__ = ["CompletionEffect", "LevelShare", "WhatIf", "completion_effect", "completion_what_if"]
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
