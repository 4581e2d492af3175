"""Helpers of the HTML report for fixed-cycle policies (programs.md section 1) and a missing plan.

The planner knows rolling cycles only, so a fixed-cycle report has no plan:
its steps and pending what-ifs are empty, and its terms are the holding's
fixed cycles (R-FC-2) rather than terms restarted by each renewal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from recert.core.result import CertificationStatus, Event
from recert.planner import PendingClaim, Plan, Step

__all__ = ["fixed_terms", "pending_of", "steps_of"]


def steps_of(plan: Plan | None) -> tuple[Step, ...]:
    """The plan's steps; none without a plan."""
    return plan.steps if plan is not None else ()


def pending_of(plan: Plan | None) -> tuple[PendingClaim, ...]:
    """The plan's pending claims with their what-ifs; none without a plan."""
    return plan.pending if plan is not None else ()


def fixed_terms(
    events: Sequence[Event], status: CertificationStatus
) -> list[tuple[date, date, Event | None]]:
    """A fixed-cycle holding (R-FC-2): the cycles before the current one, the current one, the renewed next."""
    assert status.cycle is not None
    cycle, day = status.cycle, timedelta(days=1)
    first = next((e for e in events if e.kind in ("held", "earned")), None)
    start = first.on if first is not None else status.term_started_on
    end = status.expires_on if status.status == "revoked" and status.expires_on else cycle.ends_on
    terms: list[tuple[date, date, Event | None]] = []
    if start < cycle.starts_on:
        terms.append((start, cycle.starts_on - day, first))
    terms.append((cycle.starts_on, end, None if terms else first))
    if status.expires_on is not None and status.expires_on > cycle.ends_on:
        terms.append((cycle.ends_on + day, status.expires_on, None))  # renewed early: the next cycle
    return terms
