"""Recertification: the options of every active certification are asked each step; met ones renew.

Rules: R-DATE-1 and D-DATE-2 (new term from the day met), R-OPT-1 (exams inside the
term), R-CE-5 and D-POOL-6 (one reset per check), R-PRE2020-1 (from the old
expiration date, per level: D-PRE2020-1/2), R-CASC-1, R-CASC-2, D-CASC-1 and D-CASC-2
(cascade renewal, held terms included), D-DAY-1.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date
from typing import NamedTuple

from recert.core.engine._base import Qualifying
from recert.core.engine._pool import dup_order
from recert.core.engine._state import (
    ACTIVE,
    SUSPENDED,
    CertState,
    Claim,
)
from recert.core.engine._terms import Terms, validity_text
from recert.core.policy import Validity
from recert.core.requirements import Facts, Option, OptionAssessment, PassFact, format_credits
from recert.core.result_event import Sentence, Uses

_INF = float("inf")


class Cascade(NamedTuple):
    """A certification whose renewal cascades down the ladder once the check's direct renewals are done."""

    source: CertState
    pool_rank: int | None  # the pool's level when the source renewed (D-POOL-1)
    strictly_below: bool  # R-CASC-2: only levels below the source's


def first_option_met(
    options: tuple[Option, ...], ce_only: float, ce: bool, credits: float, passes: tuple[PassFact, ...]
) -> OptionAssessment | None:
    """The first of a level's *options* met on one day's facts, or ``None`` (R-OPT-1, spec section 2).

    The options decision of a check, on plain data compiled once per options tuple
    (``Option.necessary``): each option's cheap necessary condition is tested first and only
    an option that passes it is assessed in full.

    Args:
        options: The level's options in the policy's order (the first met one names the
            recertification).
        ce_only: The fewest CE credits an option without exam requirements needs (infinite when
            every option needs an exam; 0 when an option needs nothing).
        ce: Whether the certification may count CE credits today (R-CE-1, D-POOL-1).
        credits: The CE credits in its pool (ignored when *ce* is false).
        passes: The exam passes inside the term its options may use, in date order.
    """
    if not passes and ce_only and (not ce or credits < ce_only - 1e-9):
        return None  # with no exam pass only an option without exams can be met
    facts: Facts | None = None
    for option in options:
        needs_credits, needs_exams, exams = option.necessary
        if needs_credits and (not ce or credits < needs_credits - 1e-9):
            continue
        if len(passes) < needs_exams:
            continue
        accepted = True  # each exam requirement accepts one of the passes (loops: no generator per test)
        for kinds, codes in exams:
            for p in passes:
                if p.kind in kinds or p.code in codes:
                    break
            else:
                accepted = False
                break
        if not accepted:
            continue
        if facts is None:
            facts = Facts(credits=credits if ce else 0, passes=passes, ce_available=ce)
        verdict = option.assess(facts)
        if verdict.met:
            return verdict
    return None


class Renewal(Terms):
    """Options met, direct recertification and cascade renewal."""

    def _check(self, today: date, sources: list[Cascade] | None = None) -> None:
        """Ask every active certification whether an option is met today (R-DATE-1, D-DAY-1).

        *sources* are certifications earned today whose cascades (R-CASC-2) wait
        until the direct recertifications of the same batch are done, so that
        a direct recertification names its own option.
        """
        pending = list(sources or [])
        # Each step of a day may recertify a certification once (D-DAY-1): a CE option met by the
        # day's activities right after an exam renewed it that day still recertifies it.
        done: set[str] = set()
        while True:
            pool_rank = self._pool_rank()
            cascades: list[Cascade] = pending
            pending = []
            met: list[tuple[CertState, OptionAssessment]] = []
            for cert in self._ordered():
                status = cert.status  # ``cert.renewable`` written out (the innermost loop)
                if (
                    (status is not ACTIVE and status is not SUSPENDED)
                    or cert.retired
                    or cert.expires is None
                    or cert.name in done
                ):
                    continue
                options = cert.options
                if not options:
                    continue
                # The verdict is a pure function of these inputs: unchanged since the last
                # check that found nothing met, nothing can be met now.
                ce = cert.ce_eligible and (self.params.pooling == "each_level" or cert.rank == pool_rank)
                credits = cert.credits() if ce else -1.0
                if ce and self.has_pending_claims and cert.ce_threshold != _INF:
                    self.headroom.append((today, credits - cert.ce_threshold))
                # Only the passes some exam requirement of these options accepts can change the
                # verdict: those seen so far are the first ``seen_count`` of ``qualifying``.
                qualifying: Qualifying = cert.compiled
                seen_count = bisect_left(qualifying.positions, len(self.seen))
                deadline = cert.suspended_until if status is SUSPENDED else cert.expires  # ``cert.deadline``
                key = (seen_count, cert.term_started_on, deadline, len(cert.used_passes), credits, options)
                if cert.unmet == key:
                    continue
                cert.unmet = key
                first = bisect_right(qualifying.dates, cert.term_started_on, hi=seen_count)
                if first == seen_count:  # no exam pass in the term: only options without exams
                    passes: tuple[PassFact, ...] = ()
                else:
                    used = cert.used_passes
                    kept = []  # a loop, not a generator: a check may run thousands of times per record
                    for p in qualifying.passes[first:seen_count]:
                        if (deadline is None or p.passed_on <= deadline) and p not in used:
                            kept.append(p)
                    passes = tuple(kept)
                verdict = first_option_met(options, qualifying.ce_only, ce, credits, passes)
                if verdict is not None:
                    cert.unmet = None  # the memo holds only checks that found nothing met
                    done.add(cert.name)
                    met.append((cert, verdict))
            if met:
                # Every certification that meets an option in this check is recertified directly
                # by its own option, and each pool is reset once (D-POOL-6).
                self._recertify_all(met, today, pool_rank)
                cascades += [Cascade(cert, pool_rank, False) for cert, _ in met]
            if not cascades:
                return
            if len(cascades) > 1:  # (one cascade, the usual case: nothing to sort)
                cascades = sorted(cascades, key=_by_rank)
            for source, rank, below in cascades:
                self._cascade(source, today, rank, strictly_below=below)

    def _recertify_all(
        self, met: list[tuple[CertState, OptionAssessment]], today: date, pool_rank: int | None
    ) -> None:
        """Recertify each certification of *met* directly, then reset each pool once (D-POOL-6, R-CE-5)."""
        resets: dict[str, tuple[list[CertState], dict[int, Claim], dict[int, float]]] = {}
        for cert, verdict in met:
            used, taken = self._recertify(cert, today, verdict)
            if self._resets(cert, pool_rank):
                key = cert.level.name if self.params.pooling == "each_level" else "*"
                certs, group_used, group_taken = resets.setdefault(key, ([], {}, {}))
                certs.append(cert)
                for entry in used:
                    group_used[id(entry)] = entry
                    group_taken[id(entry)] = max(group_taken.get(id(entry), 0.0), taken[id(entry)])
        for certs, group_used, group_taken in resets.values():
            self._reset_pool(certs[0], today, list(group_used.values()), sum(group_taken.values()), certs)
        for cert, _ in met:
            self._refresh(cert, today)

    def _recertify(
        self, cert: CertState, today: date, verdict: OptionAssessment
    ) -> tuple[list[Claim], dict[int, float]]:
        """Direct recertification on *today*: new term from today (R-DATE-1, D-DATE-2).

        The new term counts from the old expiration date instead where the
        level says so (R-PRE2020-1, D-PRE2020-1). A CE option uses the
        activities oldest completion first until its credits are reached,
        and every activity completed on *today* besides (R-CE-5, D-DAY-1).

        Returns:
            The activities used, and the credits taken from each (by ``id``).
        """
        old = cert.expires
        used: list[Claim] = []
        taken: dict[int, float] = {}
        if verdict.credits:
            need = verdict.credits
            for entry in sorted(cert.entries, key=dup_order):  # oldest completions first
                if need <= 1e-9:
                    if entry.completed_on == today and not self.params.carry_over_excess:
                        used.append(entry)  # completed on the recertification day: used by it
                        taken[id(entry)] = 0.0
                    continue
                used.append(entry)
                take = min(entry.credits, need)
                taken[id(entry)] = take
                need -= entry.credits
                if self.params.carry_over_excess:
                    entry.spent += take  # the rest of the last one carries over (D-POOL-2)
        from_expiration = (cert.version_level.renewal_from or self.params.renewal_from) == "expiration"
        if from_expiration and old is not None:
            # counted from the old expiration date (R-PRE2020-1)
            cert.start_term(today, cert.expiration_from(old))
        else:
            cert.start_term(today, cert.expiration_from(today))
        cert.status, cert.suspended_until = ACTIVE, None
        cert.recertified_on = today
        cert.recertified_by = verdict.option.label
        cert.rule = verdict.option.rule
        cert.how = Sentence(_by_text, today, verdict.option.label)
        cert.used_passes.update(verdict.passes)
        self.recert_day[cert.name] = self.direct_on[cert.name] = today
        for entry in used:
            if entry.used_on != today:  # several renewed by the same credits: the first keeps them
                entry.used_by, entry.used_on = cert.name, today
        if self.explain:  # a what-if's events are never read (R-CE-3)
            uses = Uses(tuple(e.activity.id for e in used), tuple(p.key for p in verdict.passes))
            self._event(
                today,
                "recertified",
                cert.name,
                verdict.option.rule,
                Sentence(
                    _recertified_text,
                    cert.validity,
                    cert.name,
                    verdict,
                    len(used),
                    uses.exams,
                    today,
                    cert.expires,
                    old,
                    old if from_expiration else today,
                ),
                uses,
            )
        return used, taken

    def _cascade(
        self,
        source: CertState,
        today: date,
        pool_rank: int | None,
        *,
        strictly_below: bool,
        held: bool = False,
    ) -> None:
        """Renew every active ladder certification at the source's level and below (R-CASC-1, R-CASC-2, D-CASC-1).

        With *held*, the source is a term given by the record that starts
        *today* (D-CASC-2): certifications at its level are renewed under
        R-CASC-1, those below under R-CASC-2. A certification recertified
        directly today is not touched (D-POOL-6, D-PRE2020-2).
        """
        if not source.cascades:
            return
        for cert in self._ordered():
            if (
                cert is source
                or self.direct_on.get(cert.name) == today
                or not cert.active
                or cert.retired
                or not cert.cascades
                or cert.expires is None
                or cert.rank > source.rank
                or (strictly_below and cert.rank == source.rank)
            ):
                continue
            renewed = cert.expiration_from(today)
            if renewed is None or renewed <= cert.expires:
                continue
            rule = "R-CASC-2" if strictly_below or (held and cert.rank < source.rank) else "R-CASC-1"
            old = cert.expires
            cert.start_term(today, renewed)
            cert.recertified_on = today
            cert.recertified_by = f"cascade from {source.name}"
            cert.rule = rule
            cert.how = Sentence(_by_text, today, "cascade from " + source.name)
            if self.explain:  # a what-if's events are never read (R-CE-3)
                self._event(
                    today,
                    "cascaded",
                    cert.name,
                    rule,
                    Sentence(_cascaded_text, cert.validity, cert.name, source.name, today, old, renewed),
                )
            if self._resets(cert, pool_rank) and self.recert_day.get(cert.name) != today:
                self._reset_pool(cert, today, [])
            self.recert_day.setdefault(cert.name, today)
            self._refresh(cert, today)


def _by_rank(cascade: Cascade) -> int:
    """Sort key: cascades from the highest level first (a stable sort keeps the check's order)."""
    return -cascade.source.rank


# The sentences of this module, written when read (explanations as data, issue 14). Each takes
# the values its decision kept (the validity tuple of the term, not the certification's state).


def _by_text(today: date, how: str) -> str:
    return f"recertified on {today} by {how}"


def _recertified_text(
    validity: tuple[Validity, ...],
    name: str,
    verdict: OptionAssessment,
    used: int,
    exams: tuple[str, ...],
    today: date,
    expires: date | None,
    old: date | None,
    start: date,
) -> str:
    facts = []
    if used:
        facts.append(
            f"{format_credits(verdict.credits)} CE credits from {used} activit{'y' if used == 1 else 'ies'}"
        )
    if exams:
        facts.append("exam " + ", ".join(exams))
    return (
        f"{name} met '{verdict.option.label}' on {today} ({'; '.join(facts)}); "
        f"new term {today} to {expires} ({start} + {validity_text(validity, today)}); "
        f"previous expiration date {old}"
    )


def _cascaded_text(
    validity: tuple[Validity, ...], name: str, source: str, today: date, old: date | None, renewed: date
) -> str:
    return (
        f"{name} renewed by cascade from {source} on {today}: expiration date "
        f"moves from {old} to {renewed} ({today} + {validity_text(validity, today)})"
    )
