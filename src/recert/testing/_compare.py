"""What the invariants share: the violation, comparing two evaluations, cutting a record at a date."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs

from recert.core.policy import Policy
from recert.core.record import Activity, Record
from recert.core.requirements import CECredits
from recert.core.result import Evaluation


class InvariantViolation(AssertionError):  # noqa: N818 - an assertion, named for what it reports
    """An invariant does not hold for one record on one date.

    The message names the invariant and the rule ids it stands for, says
    what differed, and prints the record as JSON with the evaluation date, so
    the counter-example can be pasted into a test or a bug report.

    Attributes:
        invariant: The invariant's name (``"order_independence"``).
        record: The record that breaks it.
        as_of: The evaluation date.
    """

    def __init__(self, invariant: str, message: str, record: Record, as_of: date) -> None:
        self.invariant = invariant
        self.record = record
        self.as_of = as_of
        text = json.dumps(record_to_dict(record), indent=None)
        super().__init__(
            f"invariant {invariant} broken on as_of={as_of.isoformat()}: {message}\n"
            f"record: {text}"
        )


def record_to_dict(record: Record) -> dict[str, Any]:
    """A record in the JSON shape of the record format, empty fields left out.

    Args:
        record: Any record.

    Returns:
        A mapping ready for :func:`json.dumps` (dates as ISO strings).
    """

    def clean(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if v is not None and v != []}
        return value

    out: dict[str, Any] = clean(attrs.asdict(record, recurse=True))
    return out


def canonical(evaluation: Evaluation) -> dict[str, Any]:
    """The part of an evaluation that must not depend on how the record is written.

    Free-text sentences are dropped, activities are keyed by id, each day's
    events are sorted, the ``uses`` lists are sorted, and the rule of an
    ``unclaimed`` activity is dropped (see the module docstring).

    Args:
        evaluation: An evaluation.

    Returns:
        A JSON-like mapping; equal mappings mean equal decisions.
    """
    data = evaluation.to_dict()
    for cert in data["certifications"]:
        cert.pop("explanation", None)
        cert["awaiting"] = sorted(cert["awaiting"])
    activities: dict[str, Any] = {}
    for activity in data["activities"]:
        activity.pop("explanation", None)
        if activity["outcome"] == "unclaimed":
            activity.pop("rule", None)
        activities[activity["id"]] = activity
    data["activities"] = activities
    events = []
    for event in data["events"]:
        event.pop("detail", None)
        if event.get("uses"):
            event["uses"] = {k: sorted(v) for k, v in event["uses"].items()}
        events.append(event)
    data["events"] = sorted(events, key=lambda e: (e["on"], json.dumps(e, sort_keys=True)))
    return data


def _first_difference(left: Any, right: Any, path: str = "") -> str | None:
    """The path of the first difference between two JSON-like values, with both values."""
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        for key in sorted(set(left) | set(right), key=str):
            if key not in left or key not in right:
                return f"{path}.{key}: only in {'first' if key in left else 'second'}"
            found = _first_difference(left[key], right[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(left, list) and isinstance(right, list):
        for i, (a, b) in enumerate(zip(left, right, strict=False)):
            found = _first_difference(a, b, f"{path}[{i}]")
            if found:
                return found
        if len(left) != len(right):
            return f"{path}: {len(left)} entries vs {len(right)}"
        return None
    if left != right:
        return f"{path}: {left!r} vs {right!r}"
    return None


def _same(invariant: str, first: Evaluation, second: Evaluation, what: str,
          record: Record, as_of: date) -> None:
    diff = _first_difference(canonical(first), canonical(second))
    if diff is not None:
        raise InvariantViolation(invariant, f"{what}; first difference at {diff}", record, as_of)


def _cascades(policy: Policy, name: str, level: str) -> bool:
    """Whether cascades reach *name* and start from it (R-CASC-1, D-CASC-1)."""
    cert = policy.certification(name)
    if cert is not None and cert.cascade is not None:
        return cert.cascade
    return policy.level(level).ladder


def _ce_eligible(policy: Policy, name: str, level: str) -> bool:
    cert = policy.certification(name)
    if cert is not None and cert.ce_eligible is not None:
        return cert.ce_eligible
    return policy.level(level).ladder


def cut(record: Record, as_of: date) -> Record:
    """The record as it was known on *as_of* (D-ASOF-1), written independently of the engine.

    Holdings starting after *as_of*, exam passes after it and activities
    completed after it are dropped; a claim made after it is removed (the
    activity is unclaimed); a decision made after it is removed (the claim is
    pending). A decision without ``decided_on`` is known on the claim date.

    Args:
        record: Any record.
        as_of: The date.

    Returns:
        A record with no fact dated after *as_of*.
    """
    holdings = tuple(h for h in record.holdings if h.earned_on <= as_of)
    exams = tuple(e for e in record.exams if e.passed_on <= as_of)
    activities: list[Activity] = []
    for activity in record.activities:
        if activity.completed_on > as_of:
            continue
        if activity.claimed_on is not None and activity.claimed_on > as_of:
            activity = attrs.evolve(activity, claimed_on=None, status=None, decided_on=None)
        elif activity.decided_on is not None and activity.decided_on > as_of:
            activity = attrs.evolve(activity, status="pending", decided_on=None)
        activities.append(activity)
    return attrs.evolve(record, holdings=holdings, exams=exams, activities=tuple(activities))


def _ce_amounts(policy: Policy) -> list[float]:
    amounts = [
        r.credits
        for level in policy.levels
        for option in level.options
        for r in option.requirements
        if isinstance(r, CECredits)
    ]
    return sorted({1.0, max(amounts, default=1.0)})
