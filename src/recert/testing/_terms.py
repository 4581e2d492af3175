"""Term arithmetic shared by the strategies and the invariants, written apart from the engine."""

from __future__ import annotations

from datetime import date

from recert.core.policy import Policy, Validity


def validity(policy: Policy, name: str, level: str, start: date) -> Validity:
    """The validity of a term of *name* starting on *start* (R-VAL-1).

    The certification's own validity if the catalog gives one, else its
    level's (*level* is used for a certification the catalog lacks); of
    those entries, the last whose ``starting_on`` is on or before *start*.
    """
    cert = policy.certification(name)
    entries = cert.validity if cert is not None and cert.validity is not None else None
    if entries is None:
        entries = policy.level(cert.level if cert is not None else level).validity
    chosen = entries[0]
    for entry in entries:
        if entry.starting_on is None or entry.starting_on <= start:
            chosen = entry
    return chosen


def expiration(policy: Policy, name: str, level: str, start: date) -> date | None:
    """Expiration of a term of *name* starting on *start*; ``None`` for lifetime (D-DATE-1)."""
    return validity(policy, name, level, start).expiration(start)
