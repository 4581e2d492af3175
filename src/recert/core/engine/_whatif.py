"""What-ifs: which pending claims would change a status or an expiration date if approved (R-CE-3)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from recert.core.engine._state import (
    Claim,
)
from recert.core.engine._timeline import Replay


def awaiting(base: Replay, forks: dict[date, Replay]) -> dict[str, list[str]]:
    """Pending claims whose approval would change a status or expiration date (R-CE-3).

    Each what-if runs from *forks*, the base replay's copies at the start of
    the day the claim's credits arrive: one claim approved at a time, then, if
    none alone changes anything, all of them together. A what-if that
    :func:`_cannot_matter` rules out is not run.
    """
    pending = [e for e in base.entries if not e.approved and e.reason is None]
    if not pending:
        return {}
    before = base.state_key()
    out: dict[str, list[str]] = defaultdict(list)

    def changes(claims: list[Claim]) -> list[str]:
        if _cannot_matter(base, claims):
            return []
        ids = {e.activity.id for e in claims}
        other = forks[min(e.arrival for e in claims)].fork()
        for entry in other.entries:
            if entry.activity.id in ids:
                entry.approved = True
        other.run(outcomes=False)  # only statuses and expiration dates are compared
        after = other.state_key()
        return [name for name in before if after.get(name) != before[name]]

    for entry in sorted(pending, key=lambda e: e.activity.id):
        for name in changes([entry]):
            out[name].append(entry.activity.id)
    if not out and len(pending) > 1:
        for name in changes(pending):
            out[name].extend(sorted(e.activity.id for e in pending))
    return dict(out)


def _cannot_matter(base: Replay, claims: list[Claim]) -> bool:
    """Whether approving *claims* provably changes no recertification of the base replay.

    Approved, the claims add their credits to pools from their arrival on, and
    nothing else: no pool ever holds more than the base replay's credits plus
    theirs. If at every option check from the first arrival on, that sum stays
    below the fewest credits any CE option of the certification needs, no CE
    option is met that was not met before, and the replay is unchanged. An
    item that another claim in the pools' reach also names (D-DUP-1) can
    displace that claim instead of adding to it: then the what-if is run.
    """
    items = {e.item for e in claims}
    if any(e.item in items and e not in claims for e in base.entries):
        return False
    start = min(e.arrival for e in claims)
    extra = sum(e.activity.credits for e in claims)
    room = max((h for day, h in base.headroom if day >= start), default=None)
    return room is None or room + extra < -1e-6
