"""Mutable bookkeeping of one replay; private to :mod:`recert.core.engine`.

Nothing here outlives a call to :func:`recert.evaluate`: the replay builds
these objects, mutates them day by day, and turns them into frozen result
objects at the end.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs

from recert.core.policy import Certification, Level, Validity
from recert.core.record import Activity
from recert.core.requirements import Option, PassFact

ONE_DAY = timedelta(days=1)


def validity_for(validity: tuple[Validity, ...], start: date) -> Validity:
    """The validity that applies to a term starting on *start* (the latest ``starting_on`` <= start)."""
    chosen = validity[0]
    for candidate in validity:
        if candidate.starting_on is None or candidate.starting_on <= start:
            chosen = candidate
    return chosen


@attrs.define(eq=False, slots=False)  # dict-based: copy() copies __dict__
class Entry:
    """One claimed activity on its way through the replay."""

    activity: Activity
    index: int
    arrival: date
    approved: bool
    #: Pool keys ("*" or a level name) where the entry was used up by a reset.
    consumed: set[str] = attrs.Factory(set)
    #: Certification names whose pool list holds (or held) this entry.
    listed_in: list[str] = attrs.Factory(list)
    used_by: str | None = None
    used_on: date | None = None
    forfeited_by: str | None = None
    forfeited_on: date | None = None
    #: The level whose pool carried the entry over into a new term (D-POOL-2), if any.
    carried: str | None = None
    #: Decided at arrival when a rule rejects the activity.
    reason: str | None = None
    rule: str | None = None
    note: str = ""
    targets: tuple[str, ...] = ()

    #: Credits already used by a recertification while the rest was carried over (D-POOL-2).
    spent: float = 0
    #: The catalog item the once-per-term rule compares (D-DUP-1): ``activity.item_key``.
    item: str = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.item = self.activity.item_key

    @property
    def credits(self) -> float:
        """Credits still available in the pool."""
        return self.activity.credits - self.spent

    @property
    def completed_on(self) -> date:
        return self.activity.completed_on

    @property
    def claimed_on(self) -> date:
        assert self.activity.claimed_on is not None
        return self.activity.claimed_on

    def copy(self) -> Entry:
        """An independent copy (for a what-if replay)."""
        twin = object.__new__(Entry)
        twin.__dict__.update(self.__dict__)
        twin.consumed = set(self.consumed)
        twin.listed_in = list(self.listed_in)
        return twin

    def sort_key(self) -> tuple[date, date, date, str]:
        """Arrival, then D-DUP-1's order: earliest completion, earlier claim, lower id."""
        return (self.arrival, self.completed_on, self.claimed_on, self.activity.id)


@attrs.define(eq=False, slots=False)  # dict-based: copy() copies __dict__
class CertState:
    """One certification's current term and history inside the replay."""

    cert: Certification
    level: Level
    start: date
    expires: date | None
    validity: tuple[Validity, ...]
    ce_eligible: bool
    cascades: bool
    retired_on: date | None
    first_on: date
    status: str = "active"
    retired: bool = False
    recertified_on: date | None = None
    recertified_by: str | None = None
    rule: str = "R-VAL-1"
    how: str = ""
    used_passes: set[PassFact] = attrs.Factory(set)
    #: Approved entries counting toward the current term, unconsumed.
    entries: list[Entry] = attrs.Factory(list)
    emeritus_until: date | None = None
    suspended_until: date | None = None
    #: Inputs of the last option check that found nothing met (see ``_Replay._check``).
    unmet: object = None
    name: str = attrs.field(init=False)
    rank: int = attrs.field(init=False)
    #: The level as the policy version in force defines it, and its (or the
    #: certification's own) options; set by the replay (D-VERSION-1).
    version_level: Level = attrs.field(init=False)
    options: tuple[Option, ...] = attrs.field(init=False, default=())
    #: The fewest CE credits any of those options needs (infinite when none takes CE credits).
    ce_threshold: float = attrs.field(init=False, default=float("inf"))

    def __attrs_post_init__(self) -> None:
        self.name = self.cert.name
        self.rank = self.level.rank
        self.version_level = self.level

    def copy(self, entries: dict[int, Entry]) -> CertState:
        """An independent copy whose pool list refers to *entries* (``id`` of the original -> copy)."""
        twin = object.__new__(CertState)
        twin.__dict__.update(self.__dict__)
        twin.used_passes = set(self.used_passes)
        twin.entries = [entries[id(e)] for e in self.entries]
        return twin

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def renewable(self) -> bool:
        """Active, or suspended (an older version's grace year): options may still be met."""
        return self.status in ("active", "suspended")

    @property
    def deadline(self) -> date | None:
        """The last day requirements can be met: the expiration date, or the suspension's end."""
        return self.suspended_until if self.status == "suspended" else self.expires

    def contains(self, day: date) -> bool:
        """Whether *day* lies in the current term (start <= day <= expiration; D-TERM-1)."""
        return self.start <= day and (self.expires is None or day <= self.expires)

    def expiration_from(self, start: date) -> date | None:
        """Expiration of a term of this certification starting on *start* (R-VAL-1)."""
        return validity_for(self.validity, start).expiration(start)

    def credits(self) -> float:
        return sum(e.credits for e in self.entries)
