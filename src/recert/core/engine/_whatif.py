"""What-ifs: which pending claims would change a status or an expiration date if approved (R-CE-3).

A what-if replays the record from the day a pending claim's credits arrive,
with the claim approved, and compares the statuses and expiration dates it
ends with against the base replay's. It stops early, with the same answer as
the full replay, as soon as its state at the start of a day equals the base
replay's state at the start of that same day (:class:`Trail`): the replay is
deterministic, so from equal states it goes on identically and ends with the
same statuses and expiration dates as the base replay.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable
from datetime import date
from typing import Any

from recert.core._limits import TRAIL_ITEMS, WORK_PER_STATE
from recert.core.bounds import Work
from recert.core.engine._state import Claim
from recert.core.engine._timeline import Replay


class Trail:
    """The base replay's states at the start of each day, to stop what-ifs that reach one (R-CE-3).

    A state is reduced to its :func:`signature`: everything the rest of a
    replay reads. Two replays of one record with equal signatures at the start
    of the same day end with the same statuses and expiration dates, so a
    what-if that reaches the base replay's signature stops there: approving its
    claims changes nothing. The base replay records its states on the days after
    the first day a pending claim arrives, until they hold ``TRAIL_ITEMS`` claims and
    certifications in all (a signature grows with the pool: a long pool of many small
    claims would cost the square of the record); a what-if that reaches a later day runs
    to its end, with the same answer. A what-if first compares the statuses and
    expiration dates alone (cheap) and builds its signature only when they are
    the base replay's; each signature it builds is charged to its work counter
    (``WORK_PER_STATE`` units per claim and certification).
    """

    __slots__ = ("_frozen", "items", "known")

    def __init__(self) -> None:
        self.known: dict[date, tuple[Hashable, Hashable]] = {}  # day -> (statuses, signature)
        self.items = 0  # claims and certifications the recorded signatures hold
        # ``used_passes`` sets already frozen, by id: (the set, its size, its frozen copy). The set is
        # held so that its id is never reused; it only ever grows, so an equal size means no change.
        self._frozen: dict[int, tuple[set[Any], int, frozenset[Any]]] = {}

    def recorder(self, start: date) -> Callable[[Replay, date], bool]:
        """The base replay's hook (see :meth:`Replay.run`): note its state at the start of each day after *start*."""
        known = self.known
        frozen = self._frozen

        def record(replay: Replay, today: date) -> bool:
            # A what-if is compared only after its claims arrive, from start on.
            if today > start and self.items <= TRAIL_ITEMS:
                state = signature(replay, frozen)
                self.items += _size(state)
                known[today] = (statuses(replay), state)
            return False

        return record

    def converges(self, other: Replay, after: date) -> bool:
        """Run the what-if *other* until its end, or until a day after *after* starts in the base replay's state.

        Returns:
            Whether it stopped in the base replay's state (then it ends as the base replay does).
        """
        known = self.known
        frozen = self._frozen
        same: list[bool] = []

        def watch(replay: Replay, today: date) -> bool:
            if today <= after:
                return False  # the approved claims have not all arrived: the states cannot be equal
            base = known.get(today)
            if base is None or base[0] != statuses(replay):
                return False
            state = signature(replay, frozen)
            if replay.work is not None:
                replay.work.add(WORK_PER_STATE * _size(state))
            if base[1] != state:
                return False
            same.append(True)
            return True

        other.run(outcomes=False, watch=watch)  # only statuses and expiration dates are compared
        return bool(same)


def _size(state: tuple[Any, ...]) -> int:
    """The certifications and claims a :func:`signature` holds (what building it costs)."""
    return len(state[6]) + len(state[8])


def statuses(replay: Replay) -> Hashable:
    """Each certification's name, status and expiration date, in the replay's order: a cheap first comparison."""
    return tuple([(name, c.status, c.expires) for name, c in replay.certs.items()])


def signature(replay: Replay, frozen: dict[int, tuple[set[Any], int, frozenset[Any]]]) -> tuple[Any, ...]:
    """Everything the rest of *replay* reads, at the start of a day (before its steps), as one value.

    Left out, because nothing decides on them: the events, outcomes and texts
    (``how``, ``rule``, ``recertified_by``), the memo of the last unmet check
    and other caches derived from what is kept, and dates that are only ever
    compared with the day being replayed (``direct_on``, ``used_on``, the values
    of ``recert_day``: all before today here). Claims are named by their index
    in the record; those outside every pool (``open`` and the certifications'
    lists) are never read again before they arrive, and a what-if is compared
    only once its approved claims have arrived. The policy's objects are
    shared by every replay of a record, so they are named by identity.
    """
    pooled: dict[int, Claim] = {}
    certs = []
    for name, cert in replay.certs.items():
        used = cert.used_passes
        known = frozen.get(id(used))
        if known is None or known[1] != len(used):
            known = frozen[id(used)] = (used, len(used), frozenset(used))
        entries = cert.entries
        for entry in entries:
            pooled[entry.index] = entry
        certs.append(
            (
                name,
                id(cert.cert),
                id(cert.level),
                id(cert.version_level),
                id(cert.options),
                id(cert.validity),
                cert.term_started_on,
                cert.expires,
                cert.status,
                cert.retired,
                cert.ce_eligible,
                cert.cascades,
                cert.retired_on,
                cert.first_on,
                cert.emeritus_until,
                cert.suspended_until,
                known[2],
                tuple([e.index for e in entries]),
            )
        )
    for entry in replay.open:
        pooled[entry.index] = entry
    claims = tuple(
        [
            (index, frozenset(e.consumed), e.carried, e.spent, e.used_by is None)
            for index, e in sorted(pooled.items())
        ]
    )
    return (
        replay.timeline.position,
        replay.day,
        id(replay.current),
        replay.window_start,
        replay.emeritus_done,
        tuple(replay.recert_day),
        tuple(certs),
        tuple([e.index for e in replay.open]),
        claims,
    )


def awaiting(
    base: Replay, forks: dict[date, Replay], trail: Trail | None = None, work: Work | None = None
) -> dict[str, list[str]]:
    """Pending claims whose approval would change a status or expiration date (R-CE-3).

    Each what-if runs from *forks*, the base replay's copies at the start of
    the day the claim's credits arrive: one claim approved at a time, then, if
    none alone changes anything, all of them together. A what-if that
    :func:`_cannot_matter` rules out is not run; one that reaches a state
    *trail* knows stops there (without *trail*, every what-if runs to the end).
    Each what-if's copy and replayed days are charged to *work* when given.

    Raises:
        RecordError: The problem of *work*, once its limit is passed (issue 17).
    """
    pending = [e for e in base.entries if not e.approved and e.reason is None]
    if not pending:
        return {}
    before = base.state_key()
    out: dict[str, list[str]] = defaultdict(list)
    reach = Reach(base)  # read once: each question below is then a lookup, not a pass over the record

    def changes(claims: list[Claim]) -> list[str]:
        if _cannot_matter(base, claims, reach):
            return []
        ids = {e.activity.id for e in claims}
        start = forks[min(e.arrival for e in claims)]
        if work is not None:
            work.copy(start.size())
        other = start.fork()
        other.explain = False
        other.work = work
        for entry in other.entries:
            if entry.activity.id in ids:
                entry.approved = True
        if trail is not None and trail.converges(other, max(e.arrival for e in claims)):
            return []  # from a state of the base replay on, the what-if is the base replay
        if trail is None:
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


class Reach:
    """What :func:`_cannot_matter` reads of a finished base replay, indexed once.

    ``items``: how many claims of the replay name each catalog item (D-DUP-1);
    ``days`` and ``best``: the option checks' days in order and, from each one
    on, the most headroom any check had (``ReplayState.headroom``). Asking about a
    claim then takes a bisection instead of a pass over every claim and check
    (which made ``awaiting`` grow with the square of the claims, issue 17).
    """

    __slots__ = ("best", "days", "items")

    def __init__(self, base: Replay) -> None:
        self.items = Counter(e.item for e in base.entries)
        log = sorted(base.headroom, key=lambda check: check[0])  # already in day order: kept as is
        self.days = [day for day, _ in log]
        best = [h for _, h in log]
        for i in range(len(best) - 2, -1, -1):
            if best[i + 1] > best[i]:
                best[i] = best[i + 1]
        self.best = best

    def room(self, start: date) -> float | None:
        """The most headroom of any check on or after *start*, or ``None`` when no check is."""
        i = bisect_left(self.days, start)
        return self.best[i] if i < len(self.best) else None


def _cannot_matter(base: Replay, claims: list[Claim], reach: Reach | None = None) -> bool:
    """Whether approving *claims* provably changes no recertification of the base replay.

    Approved, the claims add their credits to pools from their arrival on, and
    nothing else: no pool ever holds more than the base replay's credits plus
    theirs. If at every option check from the first arrival on, that sum stays
    below the fewest credits any CE option of the certification needs, no CE
    option is met that was not met before, and the replay is unchanged. An
    item that another claim in the pools' reach also names (D-DUP-1) can
    displace that claim instead of adding to it: then the what-if is run.
    *reach* is :class:`Reach` of *base* (built here when not given).
    """
    if reach is None:
        reach = Reach(base)
    named = Counter(e.item for e in claims)  # claims: distinct claims of the base replay
    if any(reach.items[item] > count for item, count in named.items()):
        return False  # another claim names one of their items
    start = min(e.arrival for e in claims)
    extra = sum(e.activity.credits for e in claims)
    room = reach.room(start)
    return room is None or room + extra < -1e-6
