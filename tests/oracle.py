"""An independent, slow, day-by-day implementation of the Cisco CE rules, for differential tests.

This is test code, not shipped. It was written from the rule book
(``spec/cisco-ce-policy.md`` sections 1-6 and 8, as revised for issue 12) and ``spec/record-format.md``
alone, without reading :mod:`recert.core.engine`, in a deliberately different
style: it walks every calendar day from the earliest fact of the record to
the evaluation date and applies the steps of D-DAY-1 on each day. The
recertification options of section 2 are written out here as Python data,
not read from the policy's TOML; only catalog facts (exam kinds, which exams
earn which certification) come from :func:`recert.cisco_policy`.

Scope (what can be decided unambiguously from the spec):

* holdings of ladder certifications of the embedded catalog (associate to
  expert), with or without a given ``expires_on`` and ``retired_on``
  (retired ones: none that the record's exams could earn again; the
  retirement date may precede the term's start, D-RET-2);
* exam passes of the catalog of kinds ``associate``, ``core``,
  ``concentration``, ``expert_written`` and ``expert_lab``; a pass before a
  holding's start may earn the held certification: the holding then
  restarts that term (D-POOL-7);
* activities of any eligible category, unclaimed, pending, approved or
  rejected, with or without ``decided_on``;
* pooling ``highest_level``, no carry-over, 3-year earning window (the
  defaults); any claim window; either recertification anchor;
* terms starting on or after 2020-02-24 (earlier ones follow the older
  policy version).

Not in scope: entry level, CSM, certifications outside the catalog, pooling
``each_level`` and ``carry_over_excess`` (their interplay with resets,
cascades and outcomes is not written down in the spec), Emeritus.

Readings taken where the spec is silent (the lead's decisions are marked
"lead"; the others are this oracle's choices, checked against the engine):

* lead: an activity's credits count on its completion date, even when the
  claim is made or approved later (R-CE-3 generalised);
* lead: a claim counts toward a certification only if claimed on or before
  that certification's expiration date as it stands on the completion date;
* lead: a direct recertification takes precedence over a cascade on the same
  day; passes of the day are judged against the term as it stood when the
  day's exam step began, so a cascade earlier in the step does not hide them;
* certifications are checked one level at a time, highest first; at one
  level every certification meeting an option is planned against the same
  state, all are recertified directly and the pool is reset once, then their
  cascades run (D-POOL-6; at levels below the pool's the same, so no result
  depends on names);
* lead: "k exams" needs k distinct exam codes;
* lead: a CE option takes its credits from the oldest activities (completion
  date, then claim date, then id) until the requirement is reached, plus
  every activity of its view completed on the recertification day (R-CE-5,
  D-DAY-1: literally "completed" that day, also under the claim anchor); every
  other activity in the pool at that reset is forfeited. Activities of the
  day that enter after the recertification (a re-targeting recertification at
  the start of the day, D-POOL-3) go into the new pool (D-DAY-1's order);
* earning (spec section 7) only applies to a certification that is not
  active on the day; the set is complete on the day of its last pass, which
  must be that day; a pass counts toward earning while
  ``passed_on + 3 years >= day``;
* a holding's start cascades (D-CASC-2): all of the day's holdings are put in
  place first, then each one cascades, level then name (R-CASC-1 to active
  ones at its level, R-CASC-2 below, never shorter); its own start is not a
  pool reset (the rule book says it cascades, not that it is a
  recertification of the pool's level); a cascade it makes that renews a term
  at the pool's level does reset the pool (R-CASC-1). Its own term is
  exactly the given one (``recertified_on`` ``None``). A holding starting on
  or after its ``retired_on`` is retired from its start: no cascade (D-RET-2);
* a holding of a certification the replay already holds (earned from exams)
  restarts its term; the old term's unused credits in no current term of an
  active certification are ``forfeited`` (D-POOL-7); passes already used
  for it stay used (D-EXAM-2); an expired old term keeps its credits;
* the pool is reset whenever a certification at the pool's level gets a
  new term, directly or by a cascade; the pool's level is judged after the
  day's earnings (D-DAY-1 puts earning first), so earning a higher
  certification moves the pool up and a same-day renewal of the old level
  does not reset it (D-DAY-1, R-CE-5's "of the pool's level");
* lead: credits that a renewal leaves in no current term of any active
  certification are ``forfeited`` (they can never count again, R-CE-1, and
  never move to another level, R-CE-5), whether or not a reset happened;
* an activity is a duplicate (D-DUP-1) when an activity of the same item is
  still unused in the view of a certification it counts toward: the active
  certifications of the highest level among those it could count toward
  (the pool's level, or the re-targeted level for a late claim, D-CLAIM-2);
  an item held only in a lower certification's term does not block it. A
  view keeps one activity per item (earliest completion), so a lower term
  holding both counts the item once if the pool re-targets to it;
* a retired certification still active at the pool's level shares the pool
  (D-POOL-4): a recertification of another one at that level forfeits its
  unused credits completed before its retirement (the engine's reading; the
  spec only says retired ones are skipped when choosing the pool's level);
* ``no_ce_eligible_certification`` is the reason when no ladder
  certification was held (from the record or earned) at any point of the
  replay up to the evaluation date, ``outside_term`` when one was but none
  was active on the completion date;
* an earned (not renewed) term has ``recertified_on`` ``None``;
* anchor ``claim``: an activity joins the replay on its claim date (the
  engine's reading of D-ANCHOR-1: D is then that date, and events between
  completion and claim come first); it counts toward a certification active
  that day whose term contains its completion date; without one the reason
  is ``claimed_after_expiration`` when every certification active on the
  completion date had expired by the claim date, else ``outside_term``; an
  activity completed earlier than the unused one holding its item takes the
  item over (D-DUP-1: the earliest completion wins) and the other becomes
  the ``duplicate_item``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from recert import Policy, Record, cisco_policy

LADDER_RANK = {"associate": 1, "specialist": 2, "professional": 3, "expert": 4}
VALIDITY = relativedelta(years=3)
EARNING_WINDOW = relativedelta(years=3)

PROF = ("core", "concentration")

# Spec section 2, in the table's order, exam-only first (D-POOL-5).
# An option is (credits, ((count, kinds), ...)).
OPTIONS: dict[str, tuple[tuple[float, tuple[tuple[int, tuple[str, ...]], ...]], ...]] = {
    "associate": (
        (0, ((1, ("associate",)),)),
        (0, ((1, ("concentration",)),)),
        (0, ((1, ("core",)),)),
        (0, ((1, ("expert_written",)),)),
        (0, ((1, ("expert_lab",)),)),
        (30, ()),
    ),
    "specialist": (
        (0, ((1, ("concentration",)),)),
        (0, ((1, ("core",)),)),
        (0, ((1, ("expert_written",)),)),
        (0, ((1, ("expert_lab",)),)),
        (40, ()),
    ),
    "professional": (
        (0, ((1, ("core",)),)),
        (0, ((2, ("concentration",)),)),
        (0, ((1, ("expert_written",)),)),
        (0, ((1, ("expert_lab",)),)),
        (40, ((1, PROF),)),
        (80, ()),
    ),
    "expert": (
        (0, ((1, ("core",)), (1, ("concentration",)))),
        (0, ((3, ("concentration",)),)),
        (0, ((1, ("expert_lab",)),)),
        (0, ((1, ("expert_written",)),)),
        (40, ((1, ("core",)),)),
        (40, ((2, PROF),)),
        (80, ((1, PROF),)),
        (120, ()),
    ),
}


@dataclass(frozen=True)
class Pass:
    code: str
    kind: str
    on: date


@dataclass
class Cert:
    name: str
    level: str
    start: date
    expires: date
    recertified_on: date | None = None
    used: set[Pass] = field(default_factory=set)
    earned_on: date | None = None
    retired_on: date | None = None

    @property
    def rank(self) -> int:
        return LADDER_RANK[self.level]

    def active(self, day: date) -> bool:
        return self.start <= day <= self.expires

    def retired(self, day: date) -> bool:
        """R-RET-1: retirement takes effect on the retirement date."""
        return self.retired_on is not None and day >= self.retired_on


@dataclass
class Act:
    id: str
    item: str
    credits: float
    completed: date
    claimed: date
    approved: bool
    state: str = "new"  # entered (unused, in a view), used, forfeited
    # Anchor "claim": expiration dates of the certifications active on the completion date.
    seen: list[date] = field(default_factory=list)


@dataclass(frozen=True)
class CertResult:
    certification: str
    status: str
    expires_on: date | None
    term_started_on: date
    recertified_on: date | None
    retired: bool


@dataclass(frozen=True)
class ActResult:
    id: str
    outcome: str
    reason: str | None


@dataclass(frozen=True)
class OracleResult:
    certifications: dict[str, CertResult]
    activities: dict[str, ActResult]
    pool: tuple[str, float] | None
    notes: frozenset[str] = frozenset()


class _Replay:
    def __init__(self, record: Record, as_of: date, policy: Policy) -> None:
        self.policy = policy
        params = policy.parameters
        # Scope: only the claim window may differ from the defaults.
        assert (params.pooling, params.carry_over_excess, params.earning_window_years) == (
            "highest_level",
            False,
            3,
        )
        self.anchor = params.recertification_anchor
        self.claim_window = timedelta(days=params.claim_window_days)
        self.as_of = as_of
        self.certs: dict[str, Cert] = {}
        self.ever_held = False
        self.notes: set[str] = set()
        self.exams_today = False  # D-DAY-1: today's passes exist from step 3 on
        self.passes = sorted(
            {self._pass(e.exam, e.passed_on) for e in record.exams if e.passed_on <= as_of},
            key=lambda p: (p.on, p.code),
        )
        self.holdings = [h for h in record.holdings if h.earned_on <= as_of]
        self.outcomes: dict[str, ActResult] = {}
        self.acts: list[Act] = []
        self.by_day: dict[date, list[Act]] = {}
        self.pending_ids: set[str] = set()
        for a in record.activities:
            self._classify_static(a)
        # Earning rules of ladder certifications, from the catalog (spec section 7).
        self.earnable = [
            c
            for c in policy.certifications
            if c.level in LADDER_RANK and c.retired_on is None and c.earned_by
        ]
        self.earnable.sort(key=lambda c: (-LADDER_RANK[c.level], c.name))

    def _pass(self, name: str, on: date) -> Pass:
        exam = self.policy.exam(name)
        assert exam is not None, name
        return Pass(exam.code, exam.kind, on)

    def _classify_static(self, a: object) -> None:
        from recert import Activity

        assert isinstance(a, Activity)
        if a.claimed_on is None or a.claimed_on > self.as_of:
            self.outcomes[a.id] = ActResult(a.id, "unclaimed", None)
            return
        status = a.status or "pending"
        decided = a.decided_on or a.claimed_on
        if decided > self.as_of:
            status = "pending"
        if status == "rejected":
            self.outcomes[a.id] = ActResult(a.id, "rejected", "rejected_by_program")
            return
        if a.claimed_on - a.completed_on > self.claim_window:
            self.outcomes[a.id] = ActResult(a.id, "rejected", "claim_window_exceeded")
            return
        act = Act(a.id, a.item_key, a.credits, a.completed_on, a.claimed_on, status == "approved")
        self.acts.append(act)
        self.by_day.setdefault(act.claimed if self.anchor == "claim" else act.completed, []).append(act)

    # --- the pool -------------------------------------------------------

    def active(self, day: date) -> list[Cert]:
        """Active, not retired certifications, highest level first, then name.

        Retired ones stay active to their expiration date but take no part in the pool,
        options or cascades (R-RET-1, R-CE-4).
        """
        return sorted(
            (c for c in self.certs.values() if c.active(day) and not c.retired(day)),
            key=lambda c: (-c.rank, c.name),
        )

    def pool_rank(self, day: date) -> int:
        return max((c.rank for c in self.active(day)), default=0)

    def view(self, cert: Cert) -> list[Act]:
        """Unused, entered activities completed inside *cert*'s term, claimed by its expiration."""
        out = [
            a
            for a in self.acts
            if a.state == "entered"
            and cert.start <= a.completed <= cert.expires
            and a.claimed <= cert.expires
        ]
        out.sort(key=lambda a: (a.completed, a.claimed, a.id))
        # Once per term (R-CE-1, D-DUP-1): two activities of one item can both be unused in a
        # lower certification's term when the later one counted toward a higher one; in this
        # term the earliest completion wins.
        items: set[str] = set()
        kept: list[Act] = []
        for a in out:
            if a.item not in items:
                items.add(a.item)
                kept.append(a)
        return kept

    def reset(self, day: date, pool_rank: int, used: list[Act]) -> bool:
        """R-CE-5: every activity in the view of an active pool-level certification is used up.

        A retired certification still active at that level counts as one of them (D-POOL-4):
        its unused credits are forfeited with the rest.
        """
        marked = False
        for cert in self.certs.values():
            if cert.rank != pool_rank or not cert.active(day):
                continue
            for a in self.view(cert):
                if cert.retired_on is not None and a.completed >= cert.retired_on:
                    continue  # never counted toward it: it was retired by then
                a.state = "used" if a in used else "forfeited"
                marked = True
        for a in used:
            a.state = "used"
        expired_peers = [c for c in self.certs.values() if c.rank == pool_rank and not c.active(day)]
        for a in self.acts:
            if a.state == "entered" and any(c.start <= a.completed <= c.expires for c in expired_peers):
                # Unused credits of an expired certification at the pool's level survive
                # the reset of another one (D-POOL-4, D-POOL-5).
                self.notes.add("expired_peer_credits_at_reset")
        return marked

    # --- terms ----------------------------------------------------------

    def new_term(self, cert: Cert, day: date, pool_rank: int, *, renewal: bool) -> None:
        if renewal and cert.rank == pool_rank:
            self.reset(day, pool_rank, [])
        old_view = self.view(cert) if renewal else []
        cert.start = day
        cert.expires = day + VALIDITY
        cert.recertified_on = day if renewal else None
        self.strand(day, old_view)

    def strand(self, day: date, old_view: list[Act]) -> bool:
        """Credits a renewal left in no current term of any active certification are forfeited.

        They can never count again (R-CE-1) and never move to another level (R-CE-5); the
        lead's reading (spec silent): ``forfeited``, as at a reset.
        """
        stranded = False
        for a in old_view:
            if a.state == "entered" and not any(a in self.view(c) for c in self.active(day)):
                a.state = "forfeited"
                stranded = True
        return stranded

    def cascade(self, day: date, source: Cert, rank: int, pool_rank: int, *, inclusive: bool) -> bool:
        """R-CASC-1/2: active ladder certifications at (or below) *rank* get a later term, never shorter."""
        moved = False
        for other in self.active(day):
            if other is source:
                continue
            if other.rank > rank or (not inclusive and other.rank == rank):
                continue
            if day + VALIDITY > other.expires:
                self.new_term(other, day, pool_rank, renewal=True)
                moved = True
        return moved

    # --- options --------------------------------------------------------

    def exam_choice(
        self, cert: Cert, start: date, day: date, needs: tuple[tuple[int, tuple[str, ...]], ...]
    ) -> list[Pass] | None:
        """Distinct-code passes inside (start, expires] not used for *cert*, one set per need."""
        taken: list[Pass] = []
        # Most specific need first, as a person would fill them.
        for count, kinds in sorted(needs, key=lambda n: len(n[1])):
            codes: set[str] = set()
            chosen: list[Pass] = []
            for p in self.passes:
                if p.on > day or (p.on == day and not self.exams_today) or not (start < p.on <= cert.expires):
                    continue
                if p in cert.used or p in taken or p.kind not in kinds or p.code in codes:
                    continue
                chosen.append(p)
                codes.add(p.code)
                if len(chosen) == count:
                    break
            if len(chosen) < count:
                return None
            taken += chosen
        return taken

    def _by_claim(self, cert: Cert, credits: float) -> list[Act]:
        """The activities a CE option would use if taken in claim-date order (for notes only)."""
        out: list[Act] = []
        total = 0.0
        for a in sorted(self.view(cert), key=lambda a: (a.claimed, a.completed, a.id)):
            if total >= credits - 1e-9:
                break
            out.append(a)
            total += a.credits
        return out

    def plan(self, cert: Cert, start: date, day: date, pool_rank: int) -> tuple[list[Pass], list[Act]] | None:
        """The first option of *cert*'s level met on *day* (D-POOL-5 order): passes and activities used.

        A CE option uses the oldest completions first until the requirement is met, plus every
        activity of its view completed on *day* itself (R-CE-5, D-DAY-1).
        """
        for credits, needs in OPTIONS[cert.level]:
            if credits and cert.rank != pool_rank:
                continue  # D-POOL-1
            passes = self.exam_choice(cert, start, day, needs)
            if passes is None:
                continue
            used: list[Act] = []
            if credits:
                view = self.view(cert)
                total = 0.0
                for a in view:
                    if total >= credits - 1e-9:
                        break
                    used.append(a)
                    total += a.credits
                if total < credits - 1e-9:
                    continue
                extra = [a for a in view if a.completed == day and a not in used]
                if extra:
                    self.notes.add("ce_uses_all_of_the_day")  # R-CE-5, D-DAY-1
                used += extra
                if self.anchor == "claim" and {a.id for a in used} != {
                    a.id for a in self._by_claim(cert, credits)
                }:
                    self.notes.add("claim_anchor_use_order")
                if cert.start == day != cert.earned_on and any(p.on == day for p in self.passes):
                    # CE met on the day an exam renewed this certification.
                    self.notes.add("ce_met_on_exam_renewal_day")
            return passes, used
        return None

    def check_options(self, day: date, starts: dict[str, date]) -> None:
        """Options of every active certification, one level at a time, highest first.

        Within a level every certification meeting an option is planned against the same
        state, then all are recertified directly, the pool reset once (D-POOL-6): the result
        does not depend on the names. Their cascades come after (R-CASC-1).
        """
        ranks = sorted({c.rank for c in self.active(day)}, reverse=True)
        for rank in ranks:
            pool_rank = self.pool_rank(day)
            plans: list[tuple[Cert, list[Pass], list[Act]]] = []
            for cert in self.active(day):
                if cert.rank != rank:
                    continue
                plan = self.plan(cert, starts.get(cert.name, cert.start), day, pool_rank)
                if plan is not None:
                    plans.append((cert, *plan))
            if not plans:
                continue
            if rank == pool_rank:
                self.reset(day, pool_rank, [a for _, _, used in plans for a in used])
                if len(plans) > 1:
                    self.notes.add("same_day_at_pool_level")  # D-POOL-6
            old_views = [self.view(cert) for cert, _, _ in plans]
            for cert, passes, _ in plans:
                cert.used.update(passes)
                cert.start = day
                cert.expires = day + VALIDITY
                cert.recertified_on = day
            for old_view in old_views:
                self.strand(day, old_view)
            for cert, _, _ in plans:
                self.cascade(day, cert, cert.rank, pool_rank, inclusive=True)

    # --- earning ---------------------------------------------------------

    def try_earn(self, name: str, slots: tuple[tuple[str, ...], ...], day: date) -> list[Pass] | None:
        old = self.certs.get(name)
        used = old.used if old else set()
        chosen: list[Pass] = []
        for slot in slots:
            fits = [
                p
                for p in self.passes
                if p.code in slot and p.on <= day and p.on + EARNING_WINDOW >= day and p not in used
            ]
            if not fits:
                return None
            chosen.append(max(fits, key=lambda p: p.on))
        if not any(p.on == day for p in chosen):
            return None
        return chosen

    def earn(self, day: date) -> None:
        if not any(p.on == day for p in self.passes):
            return
        earned: list[Cert] = []
        for cat in self.earnable:
            old = self.certs.get(cat.name)
            if old is not None and (old.active(day) or old.retired(day)):
                continue  # earning is for a certification not active; no new retired ones
            for rule in cat.earned_by:
                chosen = self.try_earn(cat.name, rule.slots, day)
                if chosen is None:
                    continue
                cert = old or Cert(cat.name, cat.level, day, day + VALIDITY)
                cert.start, cert.expires, cert.recertified_on = day, day + VALIDITY, None
                cert.earned_on = day
                cert.used.update(chosen)
                self.certs[cat.name] = cert
                self.ever_held = True
                earned.append(cert)
                break
        # The pool's level is judged after the day's earnings (D-DAY-1: earning first), so an
        # earning cascade never renews the pool's level and never resets it.
        pool_rank = self.pool_rank(day)
        for cert in earned:
            self.cascade(day, cert, cert.rank, pool_rank, inclusive=False)

    # --- holdings -------------------------------------------------------

    def start_holdings(self, day: date) -> None:
        """Terms the record gives that start today (D-CASC-2, D-RET-2, D-POOL-7).

        All of the day's holdings are in place first, then each one not retired on its start
        cascades (level, then name): R-CASC-1 at its own level, R-CASC-2 below. The holding's
        own start does not reset the pool; a cascade that renews a term at the pool's level
        does (R-CASC-1). A holding of a certification the replay already has restarts its
        term; the old term's credits that no current term contains are forfeited.
        """
        todays: list[tuple[Cert, list[Act]]] = []
        for h in self.holdings:
            if h.earned_on != day:
                continue
            cat = self.policy.certification(h.certification)
            assert cat is not None
            old = self.certs.get(cat.name)
            old_view = self.view(old) if old is not None and old.active(day) else []
            # A given expiration is the term's expiration as of its start.
            cert = old or Cert(cat.name, cat.level, day, day)
            cert.start, cert.expires = day, h.expires_on or day + VALIDITY
            cert.recertified_on = None
            cert.retired_on = h.retired_on or cat.retired_on
            self.certs[cat.name] = cert
            # D-RET-2: a term starting after its retirement date is accepted, retired from its start.
            self.ever_held = self.ever_held or not cert.retired(day)
            todays.append((cert, old_view))
        todays.sort(key=lambda t: (-t[0].rank, t[0].name))
        pool_rank = self.pool_rank(day)
        for cert, _ in todays:
            if cert.retired(day):
                if cert.retired_on is not None and cert.retired_on < day:
                    self.notes.add("holding_starts_after_retirement")  # D-RET-2
                continue  # R-RET-1 from the retirement date: no cascade (D-RET-2)
            if self.cascade(day, cert, cert.rank, pool_rank, inclusive=True):
                self.notes.add("holding_cascades")  # D-CASC-2
        for _, old_view in todays:
            if self.strand(day, old_view):
                self.notes.add("holding_restart_strands")  # D-POOL-7

    # --- activities ------------------------------------------------------

    def enter(self, day: date, a: Act) -> None:
        if self.anchor == "claim":
            self.enter_on_claim(day, a)
            return
        actives = self.active(day)
        if not actives:
            self.outcomes[a.id] = ActResult(a.id, "rejected", "no_target")
            return
        targets = [c for c in actives if a.claimed <= c.expires]
        if not targets:
            self.outcomes[a.id] = ActResult(a.id, "rejected", "claimed_after_expiration")
            return
        top = max(c.rank for c in targets)
        self.note_split_pool_item(a, [c for c in targets if c.rank == top])
        for c in targets:
            # D-DUP-1: the claim counts toward the highest level it can (the pool, R-CE-4); an
            # item held in a lower certification's term outside the pool does not block it.
            if any(x.item == a.item for x in self.view(c)):
                if c.rank != top:
                    self.notes.add("duplicate_only_in_lower_term")  # D-DUP-1
                    continue
                self.outcomes[a.id] = ActResult(a.id, "rejected", "duplicate_item")
                return
        if a.approved:
            a.state = "entered"
        else:
            self.outcomes[a.id] = ActResult(a.id, "pending", None)

    def note_split_pool_item(self, a: Act, top: list[Cert]) -> None:
        """Note a claim whose item is held in the term of one pool-level certification but not in another's.

        Two certifications at the pool's level with terms that started on different days: the
        item may be held (counted) in one term and free in the other. The oracle rejects the
        claim as a duplicate; the engine's reading of D-DUP-1 lets it count toward the term
        where the item is free. The property tests step around this note
        (``KNOWN_READINGS`` in ``test_differential.py``).
        """
        held = [any(x.item == a.item for x in self.view(c)) for c in top]
        if any(held) and not all(held):
            self.notes.add("item_free_in_one_pool_term")

    def enter_on_claim(self, day: date, a: Act) -> None:
        """Anchor ``claim``: the activity joins the replay on its claim date (D-ANCHOR-1).

        It counts toward a certification active that day whose term contains its completion
        date; otherwise the reason is decided by what was active on the completion date.
        """
        targets = [c for c in self.active(day) if c.start <= a.completed]
        if not targets:
            if not a.seen:
                reason = "no_target"
            elif all(a.claimed > expires for expires in a.seen):
                reason = "claimed_after_expiration"
            else:
                reason = "outside_term"
            self.outcomes[a.id] = ActResult(a.id, "rejected", reason)
            return

        def order(x: Act) -> tuple[date, date, str]:
            return (x.completed, x.claimed, x.id)

        top = max(c.rank for c in targets)
        self.note_split_pool_item(a, [c for c in targets if c.rank == top])
        for c in targets:
            if c.rank != top:
                if any(x.item == a.item for x in self.view(c)):
                    self.notes.add("duplicate_only_in_lower_term")
                continue  # D-DUP-1, as in enter()
            for x in self.view(c):
                if x.item != a.item:
                    continue
                if order(x) < order(a) or not a.approved:
                    self.outcomes[a.id] = ActResult(a.id, "rejected", "duplicate_item")
                    return
                # D-DUP-1: the earliest completion wins, even when claimed later.
                x.state = "displaced"
                self.outcomes[x.id] = ActResult(x.id, "rejected", "duplicate_item")
        if a.approved:
            a.state = "entered"
        else:
            self.outcomes[a.id] = ActResult(a.id, "pending", None)

    # --- the day loop ----------------------------------------------------

    def run(self) -> None:
        days = [h.earned_on for h in self.holdings] + [p.on for p in self.passes]
        days += [a.completed for a in self.acts]
        completed_on: dict[date, list[Act]] = {}
        for a in self.acts:
            completed_on.setdefault(a.completed, []).append(a)
        if not days:
            return
        day = min(days)
        while day <= self.as_of:
            self.exams_today = False
            # 1. Terms that ended yesterday are over; the pool may re-target (D-POOL-3).
            self.check_options(day, {})
            # 2. Holdings whose term starts today: an earning or recertification that cascades.
            self.start_holdings(day)
            self.check_options(day, {})
            # 3. Today's passes: earning first, then options (the term as it was this morning).
            if any(p.on == day for p in self.passes):
                starts = {c.name: c.start for c in self.active(day)}
                self.exams_today = True
                self.earn(day)
                self.check_options(day, starts)
            # 4. Today's activities, as one batch.
            self.exams_today = True
            for a in completed_on.get(day, []):
                a.seen = [c.expires for c in self.active(day)]
            batch = sorted(self.by_day.get(day, []), key=lambda a: (a.claimed, a.id))
            for a in batch:
                self.enter(day, a)
            if batch:
                self.check_options(day, {})
            day += timedelta(days=1)

    def result(self) -> OracleResult:
        certs = {
            c.name: CertResult(
                c.name,
                "active" if self.as_of <= c.expires else "expired",
                c.expires,
                c.start,
                c.recertified_on,
                c.retired(self.as_of),
            )
            for c in self.certs.values()
        }
        outcomes = dict(self.outcomes)
        for a in self.acts:
            if a.id in outcomes:
                if outcomes[a.id].reason == "no_target":
                    reason = "outside_term" if self.ever_held else "no_ce_eligible_certification"
                    outcomes[a.id] = ActResult(a.id, "rejected", reason)
                continue
            if a.state == "new":  # completed after as_of cannot happen for a claimed one
                raise AssertionError(a)
            outcomes[a.id] = ActResult(a.id, "forfeited" if a.state == "forfeited" else "counted", None)
        return OracleResult(certs, outcomes, self.pool(), frozenset(self.notes))

    def pool(self) -> tuple[str, float] | None:
        """The pool on the evaluation date: its level and the largest view's credits (D-POOL-4)."""
        rank = self.pool_rank(self.as_of)
        if rank == 0:
            return None
        views = [self.view(c) for c in self.active(self.as_of) if c.rank == rank]
        level = next(name for name, r in LADDER_RANK.items() if r == rank)
        return level, max(round(sum(a.credits for a in v), 6) for v in views)


def oracle_evaluate(record: Record, as_of: date, policy: Policy | None = None) -> OracleResult:
    """Replay *record* day by day up to *as_of* and return what the spec says.

    Args:
        record: A record inside this module's scope (see the module docstring).
        as_of: The evaluation date.
        policy: The catalog to read exam kinds and earning rules from
            (default: the embedded Cisco policy).

    Returns:
        Per certification: status, expiration date, term start,
        ``recertified_on`` and the retired flag; per activity: outcome and
        reason; the pool's level and credits (``None`` without an active
        CE-eligible certification).
    """
    replay = _Replay(record, as_of, policy or cisco_policy())
    replay.run()
    return replay.result()
