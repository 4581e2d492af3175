"""The state of one replay, and the helpers every step of a day uses (D-DAY-1, D-POOL-1)."""

from __future__ import annotations

import copy
import types
import typing
from bisect import bisect_right
from collections.abc import Callable, Iterator
from datetime import date
from operator import attrgetter
from typing import Any, ClassVar, NamedTuple, Self

from dateutil.relativedelta import relativedelta

from recert.core.bounds import Work
from recert.core.engine._resolve import ResolvedRecord
from recert.core.engine._state import (
    ACTIVE,
    SUSPENDED,
    ActivityVerdict,
    CertState,
    Claim,
    ExpirationMemo,
    Forkable,
    Memo,
    OwnLog,
    Timeline,
    fork_all,
)
from recert.core.policy import Parameters, Policy
from recert.core.requirements import Facts, Option, PassFact
from recert.core.result_event import Event, EventKind, Sentence, Uses
from recert.exceptions import Problem


class Qualifying(NamedTuple):
    """The passes an options tuple's exam requirements accept (see :meth:`ReplayState._qualifying`)."""

    options: tuple[Option, ...]  # kept so that its ``id`` stays its own
    positions: list[int]  # each pass's index in ``ReplayState.passes``, increasing
    passes: list[PassFact]
    dates: list[date]  # each pass's ``passed_on``, non-decreasing
    #: The fewest CE credits an option without exam requirements needs: with no exam pass in
    #: the term, fewer credits (or none available) meet nothing. Infinite when every option
    #: needs an exam; 0 when an option needs nothing (then nothing can be skipped).
    ce_only: float
    #: The fewest CE credits any option that takes CE credits needs (infinite when none does).
    ce_threshold: float


_Copier = Callable[[Any], Any]
_Forker = Callable[[Any, Memo], Any]


class ReplayState:
    """The state of one replay up to ``as_of``, and the helpers every step uses.

    The steps of a day are added by the classes built on this one, one idea
    each: :class:`~recert.core.engine._pool.Pool` (claims and the CE pool),
    :class:`~recert.core.engine._terms.Terms` (terms start, end, versions),
    :class:`~recert.core.engine._renewal.Renewal` (options met, recertification,
    cascades), :class:`~recert.core.engine._earning.Earning` (exam passes that
    earn) and :class:`~recert.core.engine._timeline.Replay` (the days in order).
    """

    policy: Policy
    current: Policy  # the policy version in force on the day being replayed (D-VERSION-1)
    params: Parameters
    earning_window: relativedelta
    versions_used: set[str]
    facts: ResolvedRecord
    as_of: date
    certs: dict[str, CertState]
    events: list[Event]
    passes: list[PassFact]
    seen: list[PassFact]  # passes whose day's exam step has run (D-DAY-1), in date order
    #: Index in ``seen`` of the first pass still inside the earning window on the day last asked
    #: (the window only moves forward: see ``Earning._earn``).
    window_start: int
    #: ``seen[window_start].passed_on`` + the earning window, once worked out (None: not yet).
    window_edge: date | None
    entries: list[Claim]  # every claim the replay decides (R-CE-1)
    outcomes: dict[int, ActivityVerdict]  # by index in ``record.activities``
    open: list[Claim]  # approved claims not yet used up everywhere
    recert_day: dict[str, date]
    #: The day each certification was last recertified directly (by its own option or earning).
    direct_on: dict[str, date]
    #: (day, CE credits minus the fewest any option needs) at each option check with CE credits:
    #: what a pending claim's credits would have to make up for (see ``_whatif._cannot_matter``).
    headroom: OwnLog
    emeritus_done: bool
    day: date | None
    _order: list[CertState] | None
    problems: list[Problem]
    timeline: Timeline
    has_pending_claims: bool
    #: Whether the frequent events (recertifications, cascades, pool resets) are written: False in
    #: a what-if, whose events nobody reads (R-CE-3); the rare ones are always written.
    explain: bool
    #: The counter each replayed day is charged to (a what-if's, or a plan's decision), or None (the
    #: base replay of a decision: bounded by the record's counts, ``bounds.check_record``).
    work: Work | None
    #: For each options tuple the replay has checked (by ``id``): the passes of ``passes`` that
    #: one of its exam requirements accepts (see :meth:`_qualifying`). Derived from immutable
    #: inputs only, so forks share it.
    qualifying: dict[int, Qualifying]
    #: Expiration dates worked out so far (see ``CertState.dates``): shared by forks too.
    dates: ExpirationMemo
    #: Attributes a fork shares although they are containers: memos of values that follow from
    #: immutable inputs only (the same in every fork).
    _SHARED: ClassVar[frozenset[str]] = frozenset({"qualifying", "dates"})
    #: How :meth:`fork` copies each attribute: read once per class from these annotations.
    _fork_plan: ClassVar[tuple[tuple[str, _Copier, _Forker | None], ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fork_plan = _plan_forks(cls)

    def fork(self) -> Self:
        """An independent copy of the replay as it stands, sharing only immutable parts (R-CE-3's what-ifs).

        What each attribute needs follows from its annotation above (:func:`_plan_forks`):
        containers are copied, forkable objects forked once, the rest is shared.
        """
        memo: Memo = {}
        # Claims first: the pools, the timeline and the open list all refer to them.
        for claim in self.entries:  # a loop, not ``dict.update`` over a generator
            memo[id(claim)] = claim.fork(memo)
        twin = copy.copy(self)
        state = twin.__dict__
        for name, copier, forker in self._fork_plan:
            value = state[name]
            if value is not None:
                state[name] = copier(value) if forker is None else forker(value, memo)
        return twin

    def size(self) -> int:
        """What a copy (:meth:`fork`) copies: claims, certifications and days left to replay (``Work.copy``)."""
        timeline = self.timeline
        return len(self.entries) + len(self.certs) + len(timeline.days) - timeline.position

    def _ordered(self) -> list[CertState]:
        """Certifications highest level first, then by name (the order decisions are taken in)."""
        if self._order is None:
            self._order = sorted(self.certs.values(), key=lambda c: (-c.rank, c.name))
        return self._order

    def _event(
        self,
        on: date,
        kind: EventKind,
        cert: str,
        rule: str,
        detail: str | Sentence,
        uses: Uses | None = None,
    ) -> None:
        self.versions_used.add(self.current.version)
        self.events.append(Event(on, kind, cert, rule, detail, uses, self.current.version))

    def _pool_holders(self) -> Iterator[CertState]:
        """Certifications that can take credits from the pool: renewable, CE-eligible, not retired (R-CE-4).

        Highest level first (see :meth:`_ordered`).
        """
        return (c for c in self._ordered() if c.renewable and c.ce_eligible and not c.retired)

    def _pool_rank(self) -> int | None:
        """Rank of the highest level among the pool's possible holders (R-CE-4, D-POOL-1).

        The test of :meth:`_pool_holders` written out: the replay asks at every check.
        """
        for c in self._order if self._order is not None else self._ordered():
            status = c.status
            if (status is ACTIVE or status is SUSPENDED) and c.ce_eligible and not c.retired:
                return c.rank
        return None

    def _resets(self, cert: CertState, pool_rank: int | None) -> bool:
        """Whether a recertification of *cert* resets its pool (R-CE-5, D-POOL-1)."""
        if not cert.ce_eligible:
            return False
        return self.params.pooling == "each_level" or cert.rank == pool_rank

    def _ever_held_ce(self) -> bool:
        """Whether the record held, at any time up to ``as_of``, a ladder certification not yet retired.

        A certification retired before the activity still counts here: the
        record held it while it was not retired (D-REASON-1).
        """
        return any(
            c.level.ladder and (c.retired_on is None or c.retired_on > c.first_on)
            for c in self.certs.values()
        )

    def _facts_for(self, cert: CertState, today: date, pool_rank: int | None) -> Facts:
        # ``seen`` is in date order: the passes after the term's start are found by bisection.
        seen = self.seen
        after = bisect_right(seen, cert.term_started_on, key=_passed_on)
        passes = tuple(
            p
            for p in seen[after:]
            if p.passed_on <= today
            and (cert.deadline is None or p.passed_on <= cert.deadline)
            and p not in cert.used_passes
        )
        ce = (
            cert.ce_eligible
            and not cert.retired
            and (self.params.pooling == "each_level" or cert.rank == pool_rank)
        )
        return Facts(credits=cert.credits() if ce else 0, passes=passes, ce_available=ce)

    def _qualifying(self, options: tuple[Option, ...]) -> Qualifying:
        """The passes of the record (up to ``as_of``) that an exam requirement of *options* accepts.

        ``seen`` is always a prefix of ``passes`` (days are replayed in date order and each
        day's passes are appended in ``passes``' order), so the passes seen so far that count
        for these options are the first ones of this list whose index in ``passes`` is below
        ``len(seen)``: found by bisection, without looking at the other passes again.
        """
        known = self.qualifying.get(id(options))
        if known is not None:
            return known
        codes: set[str] = set()
        kinds: set[str] = set()
        for option in options if self.passes else ():
            for accepted_kinds, accepted_codes in option.necessary[2]:
                codes.update(accepted_codes)
                kinds.update(accepted_kinds)
        chosen = [(i, p) for i, p in enumerate(self.passes) if p.code in codes or p.kind in kinds]
        made = self.qualifying[id(options)] = Qualifying(
            options,
            [i for i, _ in chosen],
            [p for _, p in chosen],
            [p.passed_on for _, p in chosen],
            min((o.necessary[0] for o in options if not o.necessary[1]), default=float("inf")),
            min((o.credits_needed for o in options if o.uses_ce), default=float("inf")),
        )
        return made

    def state_key(self) -> dict[str, tuple[str, date | None]]:
        """Each certification's status and expiration date: what a what-if compares (R-CE-3)."""
        return {name: (c.status, c.expires) for name, c in self.certs.items()}


def _fork_list(value: Any, memo: Memo) -> Any:
    return fork_all(value, memo)


def _fork_dict(value: Any, memo: Memo) -> Any:
    known = memo.get
    out = {}
    for key, item in value.items():
        twin = known(id(item))
        if twin is None:
            twin = memo[id(item)] = item.fork(memo)
        out[key] = twin
    return out


def _fork_one(value: Any, memo: Memo) -> Any:
    twin = memo.get(id(value))
    if twin is None:
        twin = memo[id(value)] = value.fork(memo)
    return twin


_passed_on = attrgetter("passed_on")


def _plan_forks(cls: type[ReplayState]) -> tuple[tuple[str, _Copier, _Forker | None], ...]:
    """For each attribute that a fork must not share: its name, and how to copy or fork it.

    Read once from the class's annotations: a ``list``, ``dict`` or ``set`` is
    copied (its forkable elements forked), a :class:`Forkable` is forked, and
    anything else (dates, the policy, flags) is immutable and shared.
    """
    plan: list[tuple[str, _Copier, _Forker | None]] = []
    for name, hint in typing.get_type_hints(cls).items():
        if typing.get_origin(hint) is ClassVar or name in cls._SHARED:
            continue
        options = [h for h in typing.get_args(hint) if h is not type(None)] if _is_union(hint) else [hint]
        if len(options) != 1:
            continue
        hint = options[0]
        origin = typing.get_origin(hint) or hint
        args = typing.get_args(hint)
        forkable = bool(args) and isinstance(args[-1], type) and issubclass(args[-1], Forkable)
        if origin is list:
            plan.append((name, list, _fork_list if forkable else None))
        elif origin is dict:
            plan.append((name, dict, _fork_dict if forkable else None))
        elif origin is set:
            plan.append((name, set, None))
        elif isinstance(origin, type) and issubclass(origin, Forkable):
            plan.append((name, list, _fork_one))
    return tuple(plan)


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)
