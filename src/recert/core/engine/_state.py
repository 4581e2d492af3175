"""Mutable bookkeeping of one replay; private to :mod:`recert.core.engine`.

Nothing here outlives a call to :func:`recert.evaluate`: the replay builds
these objects, mutates them day by day, and turns them into frozen result
objects at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, NamedTuple

import attrs

from recert.core.policy import Certification, Level, Validity
from recert.core.record import Activity
from recert.core.requirements import Option, PassFact
from recert.core.result import Outcome, Reason

ONE_DAY = timedelta(days=1)

#: What :meth:`Forkable.fork` has already forked: ``id`` of the original -> its copy.
Memo = dict[int, Any]


class Status(StrEnum):
    """A certification's status in the replay (the result's ``status``, R-VAL-1, R-DATE-2, R-EMER-1)."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    EXPIRED = "expired"
    EMERITUS = "emeritus"


# The members as plain module constants: on Python 3.11 reading ``Status.ACTIVE`` goes through a
# descriptor (about 70 ns), and the replay asks for a status in its innermost loops.
ACTIVE, SUSPENDED, EXPIRED, EMERITUS = Status.ACTIVE, Status.SUSPENDED, Status.EXPIRED, Status.EMERITUS


class HeldTerm(NamedTuple):
    """A term the record gives (a holding), resolved against the catalog (R-VAL-1)."""

    holding: int  # its index in ``record.holdings``
    cert: Certification
    term_started_on: date  # the holding's ``earned_on``
    expires_on: date | None
    retired_on: date | None


class ActivityVerdict(NamedTuple):
    """An activity's outcome as the replay decides it (the result's :class:`~recert.ActivityOutcome`)."""

    outcome: Outcome
    reason: Reason | None
    rule: str
    text: str
    toward: str | None


class Forkable:
    """A mutable object of a replay; a what-if works on forks of them (see :func:`fork`)."""

    __slots__ = ()

    def fork(self, memo: Memo) -> Any:
        """A copy that refers to the forks (in *memo*) of the mutable objects it refers to."""
        raise NotImplementedError


def fork(value: Any, memo: Memo) -> Any:
    """*value* for a forked replay: forkable objects forked once, containers copied, the rest shared.

    The containers of a replay hold one kind of value each, so the first
    element says whether the elements are forked or shared.
    """
    kind = type(value)
    if kind is list:
        if value and isinstance(value[0], Forkable):
            return fork_all(value, memo)
        return list(value)
    if kind is dict:
        if value and isinstance(next(iter(value.values())), Forkable):
            return dict(zip(value, fork_all(value.values(), memo), strict=True))
        return dict(value)
    if kind is set:
        return set(value)
    if isinstance(value, Forkable):
        return fork_all((value,), memo)[0]
    return value  # immutable: dates, numbers, strings, tuples, the policy, the resolved record


def fork_all(values: Iterable[Any], memo: Memo) -> list[Any]:
    """The forks of *values* (forkable objects), each forked once whatever refers to it."""
    try:
        return [memo[id(value)] for value in values]  # forked already (claims are forked first)
    except KeyError:
        pass
    out = []
    known = memo.get
    for value in values:
        twin = known(id(value))
        if twin is None:
            twin = memo[id(value)] = value.fork(memo)
        out.append(twin)
    return out


class OwnLog(list[tuple[date, float]], Forkable):
    """A log only the replay that writes it reads: a fork starts its own, empty."""

    __slots__ = ()

    def fork(self, memo: Memo) -> OwnLog:
        return OwnLog()


def validity_for(validity: tuple[Validity, ...], start: date) -> Validity:
    """The validity that applies to a term starting on *start* (the latest ``starting_on`` <= start)."""
    chosen = validity[0]
    for candidate in validity:
        if candidate.starting_on is None or candidate.starting_on <= start:
            chosen = candidate
    return chosen


@attrs.define(eq=False, slots=False)  # dict-based: fork() copies __dict__
class Claim(Forkable):
    """One claimed activity on its way through the replay (R-CE-1, R-CE-2, R-CE-3)."""

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
    reason: Reason | None = None
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

    def fork(self, memo: Memo) -> Claim:
        """An independent copy (for a what-if replay)."""
        twin = object.__new__(Claim)
        twin.__dict__.update(self.__dict__)
        twin.consumed = set(self.consumed)
        twin.listed_in = list(self.listed_in)
        return twin

    def sort_key(self) -> tuple[date, date, date, str]:
        """Arrival, then D-DUP-1's order: earliest completion, earlier claim, lower id."""
        return (self.arrival, self.completed_on, self.claimed_on, self.activity.id)


@attrs.define(eq=False, slots=False)  # dict-based: fork() copies __dict__
class CertState(Forkable):
    """One certification's current term and history inside the replay."""

    cert: Certification
    level: Level
    term_started_on: date
    expires: date | None
    validity: tuple[Validity, ...]
    ce_eligible: bool
    cascades: bool
    retired_on: date | None
    first_on: date
    status: Status = ACTIVE
    retired: bool = False
    recertified_on: date | None = None
    recertified_by: str | None = None
    rule: str = "R-VAL-1"
    how: str = ""
    used_passes: set[PassFact] = attrs.Factory(set)
    #: Approved claims counting toward the current term, unconsumed.
    entries: list[Claim] = attrs.Factory(list)
    emeritus_until: date | None = None
    suspended_until: date | None = None
    #: Inputs of the last option check that found nothing met (see ``Renewal._check``).
    unmet: object = None
    name: str = attrs.field(init=False)
    rank: int = attrs.field(init=False)
    #: The level as the policy version in force defines it, and its (or the
    #: certification's own) options; set by the replay (D-VERSION-1).
    version_level: Level = attrs.field(init=False)
    options: tuple[Option, ...] = attrs.field(init=False, default=())
    #: The fewest CE credits any of those options needs (infinite when none takes CE credits).
    ce_threshold: float = attrs.field(init=False, default=float("inf"))
    #: Those options compiled, with the passes they accept (``ReplayState._qualifying``).
    compiled: Any = attrs.field(init=False, default=None)

    def __attrs_post_init__(self) -> None:
        self.name = self.cert.name
        self.rank = self.level.rank
        self.version_level = self.level

    def fork(self, memo: Memo) -> CertState:
        """An independent copy whose pool list refers to the forks of its claims."""
        twin = object.__new__(CertState)
        twin.__dict__.update(self.__dict__)
        twin.used_passes = set(self.used_passes)
        twin.entries = [memo[id(e)] for e in self.entries]  # claims are forked first
        return twin

    @property
    def active(self) -> bool:
        return self.status is ACTIVE

    @property
    def renewable(self) -> bool:
        """Active, or suspended (an older version's grace year): options may still be met."""
        return self.status is ACTIVE or self.status is SUSPENDED

    @property
    def deadline(self) -> date | None:
        """The last day requirements can be met: the expiration date, or the suspension's end."""
        return self.suspended_until if self.status is SUSPENDED else self.expires

    def contains(self, day: date) -> bool:
        """Whether *day* lies in the current term (start <= day <= expiration; D-TERM-1)."""
        return self.term_started_on <= day and (self.expires is None or day <= self.expires)

    def expiration_from(self, start: date) -> date | None:
        """Expiration of a term of this certification starting on *start* (R-VAL-1)."""
        return validity_for(self.validity, start).expiration(start)

    def credits(self) -> float:
        return sum(e.credits for e in self.entries)


class Day(Forkable):
    """The record's facts of one day, in the order of D-DAY-1's steps after the terms end."""

    __slots__ = ("arrivals", "passes", "starts")

    def __init__(self) -> None:
        self.starts: list[HeldTerm] = []  # terms the record gives, starting this day
        self.passes: list[PassFact] = []  # exam passes
        self.arrivals: list[Claim] = []  # claimed activities whose credits arrive (R-CE-1)

    def fork(self, memo: Memo) -> Day:
        twin = object.__new__(Day)
        twin.starts, twin.passes = self.starts, self.passes  # never changed once built
        twin.arrivals = [memo[id(c)] for c in self.arrivals]  # claims are forked first
        return twin


class Timeline(Forkable):
    """The days that have facts, in date order, and how far the replay has gone through them."""

    __slots__ = ("by_day", "days", "position")

    def __init__(self, by_day: dict[date, Day]) -> None:
        self.by_day = by_day
        self.days = sorted(by_day)
        self.position = 0  # days[:position] are done

    def take(self) -> Day:
        """The facts of the next day not yet replayed, which is then done."""
        day = self.by_day[self.days[self.position]]
        self.position += 1
        return day

    def fork(self, memo: Memo) -> Timeline:
        """A copy holding the days still to replay (the days done are never read again)."""
        twin = object.__new__(Timeline)
        twin.days = self.days
        twin.position = self.position
        days = self.days[self.position :]
        by_day = self.by_day
        twin.by_day = {day: by_day[day].fork(memo) for day in days}
        return twin
