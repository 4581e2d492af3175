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

from recert.core.policy import Certification, Level, Validity
from recert.core.record import Activity
from recert.core.requirements import Option, PassFact
from recert.core.result import Outcome, Reason
from recert.core.result_event import Sentence

ONE_DAY = timedelta(days=1)

#: What :meth:`Forkable.fork` has already forked: ``id`` of the original -> its copy.
Memo = dict[int, Any]
#: Expiration dates of one evaluation: (``id`` of a validity tuple, start) -> (that tuple, date).
#: The value keeps the tuple alive, so no other tuple can take its ``id`` during the evaluation.
ExpirationMemo = dict[tuple[int, date], tuple[tuple[Any, ...], date | None]]

_new = object.__new__


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
    """A mutable object of a replay; a what-if works on forks of them (see :func:`fork_all`)."""

    __slots__ = ()

    def fork(self, memo: Memo) -> Any:
        """A copy that refers to the forks (in *memo*) of the mutable objects it refers to."""
        raise NotImplementedError


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


class Claim(Forkable):
    """One claimed activity on its way through the replay (R-CE-1, R-CE-2, R-CE-3).

    A plain class with ``__slots__``: the replay reads and writes these
    attributes in its innermost loops, and :meth:`fork` copies them one by one.
    """

    __slots__ = (
        "activity",
        "approved",
        "arrival",
        "carried",
        "consumed",
        "forfeited_by",
        "forfeited_on",
        "index",
        "item",
        "listed_in",
        "note",
        "reason",
        "rule",
        "spent",
        "targets",
        "used_by",
        "used_on",
    )

    activity: Activity
    index: int
    arrival: date
    approved: bool
    #: Pool keys ("*" or a level name) where the entry was used up by a reset.
    consumed: set[str]
    #: Certification names whose pool list holds (or held) this entry.
    listed_in: list[str]
    used_by: str | None
    used_on: date | None
    forfeited_by: str | None
    forfeited_on: date | None
    #: The level whose pool carried the entry over into a new term (D-POOL-2), if any.
    carried: str | None
    #: Decided at arrival when a rule rejects the activity.
    reason: Reason | None
    rule: str | None
    note: str
    targets: tuple[str, ...]
    #: Credits already used by a recertification while the rest was carried over (D-POOL-2).
    spent: float
    #: The catalog item the once-per-term rule compares (D-DUP-1): ``activity.item_key``.
    item: str

    def __init__(self, activity: Activity, index: int, arrival: date, approved: bool) -> None:
        self.activity = activity
        self.index = index
        self.arrival = arrival
        self.approved = approved
        self.consumed = set()
        self.listed_in = []
        self.used_by = self.used_on = self.forfeited_by = self.forfeited_on = None
        self.carried = self.reason = self.rule = None
        self.note = ""
        self.targets = ()
        self.spent = 0
        self.item = activity.item_key

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
        """An independent copy (for a what-if replay): the two containers copied, the rest shared."""
        twin = _new(Claim)
        twin.activity, twin.index, twin.arrival, twin.approved = (
            self.activity,
            self.index,
            self.arrival,
            self.approved,
        )
        twin.consumed = set(self.consumed)
        twin.listed_in = list(self.listed_in)
        twin.used_by, twin.used_on, twin.forfeited_by, twin.forfeited_on = (
            self.used_by,
            self.used_on,
            self.forfeited_by,
            self.forfeited_on,
        )
        twin.carried, twin.reason, twin.rule, twin.note = self.carried, self.reason, self.rule, self.note
        twin.targets, twin.spent, twin.item = self.targets, self.spent, self.item
        return twin

    def sort_key(self) -> tuple[date, date, date, str]:
        """Arrival, then D-DUP-1's order: earliest completion, earlier claim, lower id."""
        return (self.arrival, self.completed_on, self.claimed_on, self.activity.id)


class CertState(Forkable):
    """One certification's current term and history inside the replay.

    A plain class with ``__slots__`` (see :class:`Claim`).
    """

    __slots__ = (
        "cascades",
        "ce_eligible",
        "ce_threshold",
        "cert",
        "compiled",
        "dates",
        "emeritus_until",
        "entries",
        "expires",
        "first_on",
        "how",
        "level",
        "name",
        "options",
        "past_terms",
        "rank",
        "recertified_by",
        "recertified_on",
        "retired",
        "retired_on",
        "rule",
        "status",
        "suspended_until",
        "term_started_on",
        "unmet",
        "used_passes",
        "validity",
        "version_level",
    )

    cert: Certification
    level: Level
    term_started_on: date
    expires: date | None
    validity: tuple[Validity, ...]
    ce_eligible: bool
    cascades: bool
    retired_on: date | None
    first_on: date
    status: Status
    retired: bool
    recertified_on: date | None
    recertified_by: str | None
    rule: str
    how: str | Sentence  # the status sentence's middle part, written when read
    used_passes: set[PassFact]
    #: Approved claims counting toward the current term, unconsumed.
    entries: list[Claim]
    #: The terms before the current one, oldest first: (start, expiration date as it stood when
    #: the next term began). Read by the claim anchor's reasons (D-ANCHOR-1, D-REASON-1).
    past_terms: tuple[tuple[date, date | None], ...]
    emeritus_until: date | None
    suspended_until: date | None
    #: Inputs of the last option check that found nothing met (see ``Renewal._check``).
    unmet: object
    name: str
    rank: int
    #: The level as the policy version in force defines it, and its (or the
    #: certification's own) options; set by the replay (D-VERSION-1).
    version_level: Level
    options: tuple[Option, ...]
    #: The fewest CE credits any of those options needs (infinite when none takes CE credits).
    ce_threshold: float
    #: Those options compiled, with the passes they accept (``ReplayState._qualifying``).
    compiled: Any
    #: Expiration dates already worked out in this evaluation: (id of the validity tuple, start)
    #: -> date. Owned by the replay (``ReplayState.dates``) and shared by all its certifications
    #: and forks: the values follow from immutable inputs only.
    dates: ExpirationMemo

    def __init__(
        self,
        *,
        cert: Certification,
        level: Level,
        term_started_on: date,
        expires: date | None,
        validity: tuple[Validity, ...],
        ce_eligible: bool,
        cascades: bool,
        retired_on: date | None,
        first_on: date,
        dates: ExpirationMemo,
    ) -> None:
        self.cert, self.level, self.term_started_on, self.expires = cert, level, term_started_on, expires
        self.validity, self.ce_eligible, self.cascades = validity, ce_eligible, cascades
        self.retired_on, self.first_on = retired_on, first_on
        self.status, self.retired = ACTIVE, False
        self.recertified_on = self.recertified_by = None
        self.rule, self.how = "R-VAL-1", ""
        self.used_passes = set()
        self.entries = []
        self.past_terms = ()
        self.emeritus_until = self.suspended_until = None
        self.unmet = None
        self.name, self.rank, self.version_level = cert.name, level.rank, level
        self.options, self.ce_threshold, self.compiled = (), float("inf"), None
        self.dates = dates

    def fork(self, memo: Memo) -> CertState:
        """An independent copy whose pool list refers to the forks of its claims."""
        twin = _new(CertState)
        twin.cert, twin.level, twin.term_started_on, twin.expires = (
            self.cert,
            self.level,
            self.term_started_on,
            self.expires,
        )
        twin.validity, twin.ce_eligible, twin.cascades = self.validity, self.ce_eligible, self.cascades
        twin.retired_on, twin.first_on, twin.status, twin.retired = (
            self.retired_on,
            self.first_on,
            self.status,
            self.retired,
        )
        twin.recertified_on, twin.recertified_by, twin.rule, twin.how = (
            self.recertified_on,
            self.recertified_by,
            self.rule,
            self.how,
        )
        twin.used_passes = set(self.used_passes)
        twin.entries = [memo[id(e)] for e in self.entries]  # claims are forked first
        twin.emeritus_until, twin.suspended_until, twin.unmet = (
            self.emeritus_until,
            self.suspended_until,
            self.unmet,
        )
        twin.name, twin.rank, twin.version_level, twin.options = (
            self.name,
            self.rank,
            self.version_level,
            self.options,
        )
        twin.ce_threshold, twin.compiled, twin.dates = self.ce_threshold, self.compiled, self.dates
        twin.past_terms = self.past_terms  # a tuple: shared
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

    def start_term(self, start: date, expires: date | None) -> None:
        """End the current term and start one from *start* to *expires* (kept in ``past_terms``)."""
        self.past_terms += ((self.term_started_on, self.expires),)
        self.term_started_on, self.expires = start, expires

    def expiration_from(self, start: date) -> date | None:
        """Expiration of a term of this certification starting on *start* (R-VAL-1), memoised in ``dates``."""
        validity = self.validity
        known = self.dates.get((id(validity), start))
        if known is not None and known[0] is validity:
            return known[1]
        made = validity_for(validity, start).expiration(start)
        self.dates[(id(validity), start)] = (validity, made)  # the tuple kept: its id stays its own
        return made

    def credits(self) -> float:
        total: float = 0  # a loop, not ``sum`` over a generator: asked at every check
        for e in self.entries:
            total += e.credits
        return total


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
