"""Claims and the CE pool: which claims count, in which term's pool, and what a recertification uses up.

Rules: R-CE-1, R-CE-2 (claim window, claims after expiration), R-CE-4 and D-POOL-1
(one pool, at the highest level), R-CE-5 and D-POOL-2/4/5/7 (resets, carry-over,
forfeits), R-CE-6 (ineligible categories), D-DUP-1 (once per term), D-CLAIM-2/3.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from recert.core.engine._base import ReplayState
from recert.core.engine._state import (
    ActivityVerdict,
    CertState,
    Claim,
)
from recert.core.requirements import format_credits
from recert.core.result_event import Sentence


class Pool(ReplayState):
    """Claims arrive in the pools of the terms that contain them; recertifications use them up."""

    def _claimed_entries(self) -> Iterable[Claim]:
        """Activities whose claim is known on ``as_of`` and not already decided against (R-CE-1, R-CE-2)."""
        window = self.params.claim_window_days
        for index, activity in enumerate(self.facts.activities):
            claimed = activity.claimed_on
            if activity.completed_on > self.as_of or claimed is None or claimed > self.as_of:
                when = "completed after" if activity.completed_on > self.as_of else "not claimed by"
                self.outcomes[index] = ActivityVerdict(
                    "unclaimed",
                    None,
                    "D-ASOF-1" if claimed else "D-CLAIM-3",
                    f"{when} {self.as_of}: no claim to decide",
                    None,
                )
                continue
            status = activity.claim_status
            decided = activity.decided_on or claimed
            if status != "pending" and decided > self.as_of:
                status = "pending"
            if status == "rejected":
                self.outcomes[index] = ActivityVerdict(
                    "rejected",
                    "rejected_by_program",
                    "R-CE-1",
                    f"the program rejected the claim made on {claimed}",
                    None,
                )
                continue
            category = self.policy.category(activity.category)
            if category is not None and not category.eligible:
                self.outcomes[index] = ActivityVerdict(
                    "rejected",
                    "ineligible_category",
                    "R-CE-6",
                    f"category {activity.category!r} earns no CE credits in this policy",
                    None,
                )
                continue
            late = (claimed - activity.completed_on).days
            if late > window:
                self.outcomes[index] = ActivityVerdict(
                    "rejected",
                    "claim_window_exceeded",
                    "R-CE-2",
                    f"claimed on {claimed}, {late} days after completion on {activity.completed_on}; "
                    f"the claim window is {window} days (day 0 = completion, D-CLAIM-3)"
                    + (
                        " (a prediction: the claim is still pending, D-OUTCOME-1)"
                        if status == "pending"
                        else ""
                    ),
                    None,
                )
                continue
            arrival = claimed if self.params.recertification_anchor == "claim" else activity.completed_on
            entry = Claim(activity, index, arrival, approved=status == "approved")
            self.entries.append(entry)
            yield entry

    def _claimed_after_past_terms(self, entry: Claim) -> bool:
        """Under the claim anchor: whether every earlier term containing the completion had expired
        before the claim, a later term being current (R-CE-2, D-ANCHOR-1, D-REASON-1); sets the reason.

        A term that a renewal replaced before its expiration date does not make the claim late: the
        activity then lies outside every term it could count toward (``outside_term``).
        """
        completed, claimed = entry.completed_on, entry.claimed_on
        names: list[str] = []
        last: date | None = None
        for c in self._ordered():
            if not c.ce_eligible or c.retired:
                continue
            for start, expires in c.past_terms:
                if start <= completed and (expires is None or completed <= expires):
                    if expires is None or claimed <= expires:
                        return False
                    if c.name not in names:
                        names.append(c.name)
                    last = expires if last is None else max(last, expires)
        if last is None:
            return False
        entry.reason, entry.rule = "claimed_after_expiration", "R-CE-2"
        entry.note = (
            f"claimed on {claimed}, after {last}, the expiration date of every term it could count "
            f"toward ({', '.join(names)}); a later term does not contain its completion on {completed}"
        )
        return True

    def _arrive(self, today: date, entry: Claim) -> None:
        """An activity's credits arrive: find what it counts toward (R-CE-1, R-CE-2, D-CLAIM-2, D-DUP-1)."""
        completed = entry.completed_on
        claimed = entry.claimed_on
        holders = []  # a loop with ``c.contains`` written out: once per claim and certification
        for c in self._ordered():
            if (
                c.active
                and c.ce_eligible
                and not c.retired
                and c.term_started_on <= completed
                and (c.expires is None or completed <= c.expires)
            ):
                holders.append(c)
        entry.targets = tuple(c.name for c in holders)
        if not holders:
            ended = [c for c in self._ordered() if c.ce_eligible and not c.retired and c.contains(completed)]
            if ended:  # under the claim anchor: its certification expired before the claim (R-CE-2)
                last = max(c.expires for c in ended if c.expires is not None)
                entry.reason, entry.rule = "claimed_after_expiration", "R-CE-2"
                entry.note = (
                    f"claimed on {claimed}, after {last}, the expiration date of every certification "
                    f"it could count toward ({', '.join(c.name for c in ended)})"
                )
                return
            if claimed != completed and self._claimed_after_past_terms(entry):
                return
            # Which of the two reasons is decided at the end, on the whole record (D-REASON-1).
            entry.reason, entry.rule = "outside_term", "R-CE-1"
            return
        in_time = [c for c in holders if c.expires is None or claimed <= c.expires]
        if in_time:
            entry.targets = tuple(c.name for c in in_time)  # what it can still count toward (D-CLAIM-2)
        if not in_time:
            last = max(c.expires for c in holders if c.expires is not None)
            entry.reason, entry.rule = "claimed_after_expiration", "R-CE-2"
            entry.note = (
                f"claimed on {claimed}, after {last}, the expiration date of every certification "
                f"it could count toward ({', '.join(c.name for c in holders)})"
            )
            return
        # Once per term (D-DUP-1): the term is that of the certification the claim counts toward, the
        # highest level it can reach; lower terms that hold the item already do not list it again.
        free: list[CertState] = []
        holder: Claim | None = None
        top = in_time[0].rank  # highest level first (see _ordered)
        item = entry.item
        for cert in in_time:
            twin = None  # the claim of the same item already in this pool (a loop: no generator)
            for e in cert.entries:
                if e.item == item:
                    twin = e
                    break
            if twin is not None and entry.approved and dup_order(entry) < dup_order(twin):
                # Claims can arrive out of completion order (anchor = claim): the earliest
                # completion keeps the item (D-DUP-1).
                self._displace(twin, entry)
                twin = None
            if twin is None:
                free.append(cert)
            elif holder is None and cert.rank == top:
                holder = twin
        if not free or all(c.rank != top for c in free):
            assert holder is not None
            _mark_duplicate(entry, holder)
            return
        entry.targets = tuple(c.name for c in free)
        if not entry.approved:
            return
        for cert in free:
            cert.entries.append(entry)
            entry.listed_in.append(cert.name)
        self.open.append(entry)

    def _displace(self, loser: Claim, winner: Claim) -> None:
        """Take an item back from a later completion that arrived first (D-DUP-1)."""
        _mark_duplicate(loser, winner)
        for cert in self.certs.values():
            cert.entries = [e for e in cert.entries if e is not loser]
        self.open = [e for e in self.open if e is not loser]
        loser.listed_in.clear()

    def _reset_pool(
        self,
        cert: CertState,
        today: date,
        used: list[Claim],
        spent: float = 0,
        renewed: list[CertState] | None = None,
    ) -> None:
        """Use up the pool at a recertification of its level (R-CE-5, D-POOL-2, D-POOL-5).

        *renewed* lists every certification recertified directly in the same
        check (D-POOL-6); the pool is reset once for all of them.
        """
        key = cert.level.name if self.params.pooling == "each_level" else "*"
        carry = self.params.carry_over_excess
        forfeited: list[Claim] = []
        used_ids = {id(e) for e in used}
        # The pool: what counts toward a certification at this level (D-POOL-4), not credits
        # left toward a certification that expired unused, which stay counted toward it (D-POOL-5).
        pool: dict[int, Claim] = {id(e): e for e in used}
        for other in self.certs.values():
            if other.renewable and other.ce_eligible and other.rank == cert.rank:
                pool.update((id(e), e) for e in other.entries)
        for entry in sorted(pool.values(), key=Claim.sort_key):
            if key in entry.consumed:
                continue
            if id(entry) in used_ids and carry and entry.credits > 1e-9:
                entry.carried = cert.level.name  # the excess of the last activity used stays (D-POOL-2)
            elif id(entry) in used_ids:
                entry.consumed.add(key)
            elif carry:
                entry.carried = cert.level.name
            else:
                entry.consumed.add(key)
                if entry.used_by is None and entry.forfeited_by is None:
                    entry.forfeited_by, entry.forfeited_on = cert.name, today
                forfeited.append(entry)
        self.open = [e for e in self.open if "*" not in e.consumed]
        for other in self.certs.values():
            if key == "*" or other.level.name == key:
                other.entries = [e for e in other.entries if key not in e.consumed]
        # Without carry-over, the excess of the last activity used is forfeited too (D-POOL-2).
        in_pool = sum(e.activity.credits for e in pool.values())
        total = sum(e.credits for e in forfeited) if carry else in_pool - spent
        if not used and not forfeited:
            return  # an empty pool: nothing to say
        if self.explain:  # a what-if's events are never read (R-CE-3)
            self._event(
                today,
                "pool_reset",
                cert.name,
                "R-CE-5",
                Sentence(
                    _reset_text,
                    cert.level.name,
                    tuple(c.name for c in renewed or [cert]),
                    today,
                    spent,
                    total,
                    carry,
                ),
            )

    def _refresh(self, cert: CertState, today: date | None = None) -> None:
        """Rebuild a certification's pool list after its term moved (D-POOL-4, D-CLAIM-2).

        Credits of its previous term that now lie in no current term of any
        certification can never count again (R-CE-1, R-CE-5: they do not move
        to another level): they are forfeited by this renewal on *today*.
        """
        key = cert.level.name if self.params.pooling == "each_level" else "*"
        before = cert.entries
        items: set[str] = set()
        entries: list[Claim] = []
        for entry in self.open:  # in Claim.sort_key order: arrivals are taken in that order
            if key in entry.consumed or entry.item in items:
                continue
            # Carried credits stay in their level's pool; they never move up (R-CE-5).
            in_term = entry.carried == cert.level.name or cert.contains(entry.completed_on)
            if in_term and (cert.expires is None or entry.claimed_on <= cert.expires):
                entries.append(entry)
                items.add(entry.item)
                if cert.name not in entry.listed_in:
                    entry.listed_in.append(cert.name)
        cert.entries = entries
        if today is not None:
            self._strand(cert, today, [e for e in before if e not in entries], key)

    def _strand(self, cert: CertState, today: date, dropped: list[Claim], key: str) -> None:
        """Forfeit credits a renewal left outside every current term that can still use them (R-CE-5, D-POOL-2)."""
        if not dropped:
            return
        # A retired certification keeps its term but can never use credits again (R-RET-1).
        elsewhere = {
            id(e)
            for other in self.certs.values()
            if other.renewable and not other.retired
            for e in other.entries
        }
        lost = [e for e in dropped if id(e) not in elsewhere and key not in e.consumed and e.used_by is None]
        if not lost:
            return
        for entry in lost:
            entry.consumed.add(key)
            if entry.forfeited_by is None:
                entry.forfeited_by, entry.forfeited_on = cert.name, today
        self.open = [e for e in self.open if "*" not in e.consumed]
        self._event(
            today,
            "pool_reset",
            cert.name,
            "R-CE-5",
            f"{cert.name} renewed on {today}: {format_credits(sum(e.credits for e in lost))} CE credits "
            f"of its previous term ({', '.join(e.activity.id for e in lost)}) lie in no current term "
            f"and can count toward no other level: forfeited",
        )


def dup_order(entry: Claim) -> tuple[date, date, str]:
    """D-DUP-1's order: earliest completion, then earlier claim, then lower id."""
    return (entry.completed_on, entry.claimed_on, entry.activity.id)


def _mark_duplicate(entry: Claim, holder: Claim) -> None:
    entry.reason, entry.rule = "duplicate_item", "D-DUP-1"
    entry.note = (
        f"item {entry.activity.item_key!r} already counts in this term through "
        f"activity {holder.activity.id!r} completed on {holder.completed_on}"
    )


def _reset_text(
    level: str, names: tuple[str, ...], today: date, spent: float, total: float, carry: bool
) -> str:
    """The sentence of a pool reset, written when read (explanations as data, issue 14)."""
    return (
        f"the {level} pool is used up by the recertification of {' and '.join(names)} on {today}: "
        f"{format_credits(spent)} CE credits used, "
        + (f"{format_credits(total)} forfeited" if not carry else "the rest carried over (D-POOL-2)")
    )
