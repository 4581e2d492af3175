"""Statuses, cycles, shortfalls, events and next steps of fixed-cycle holdings (programs.md R-FC-3, R-FC-8, section 7).

Decision D-FIXED-1 (the rule book is silent): ``shortfalls`` describe the cycle
whose renewal is open. They are empty once that cycle is renewed, and also
while the evaluation date is inside a cycle that a renewal in the record
opened (its requirements are only due at its end); ``next`` still lists what
that cycle lacks.
"""

from __future__ import annotations

from datetime import date

from recert.core.cycle_result import CycleCount, CycleState, CycleYear, Shortfall
from recert.core.cycles.counting import CycleRun
from recert.core.cycles.dates import ONE_DAY, cycle_years
from recert.core.cycles.holding import HoldingRun
from recert.core.cycles.model import Cap, CreditMinimum, ExamCount
from recert.core.cycles.requirements import credit_option, shortfalls
from recert.core.policy import Certification, Policy
from recert.core.record import Holding
from recert.core.requirements import format_credits
from recert.core.result import CertificationStatus, Event, NextStep, OptionGap, Status, Uses

__all__ = ["certification_status", "events_of", "next_steps"]


def new_end(run: HoldingRun, cycle: CycleRun) -> date:
    """The end of the cycle after a renewed *cycle* (R-FC-2; a restarting option: from its day, D-CT-4)."""
    return run.next_end_of(cycle)


def _state(run: HoldingRun, as_of: date) -> tuple[Status, date, str]:
    """(status, expires_on, rule) of a holding with cycles (R-FC-8, R-ISACA-4)."""
    cur = run.cycles[-1]
    window = run.lifecycle.window
    if run.revoked_on is not None and run.revoked_last_day is not None:
        return "revoked", run.revoked_last_day, window.rule if window else run.lifecycle.cycle_rule
    if as_of <= cur.end:
        return "active", new_end(run, cur) if cur.renewed_on else cur.end, run.lifecycle.cycle_rule
    if window is not None and as_of <= window.end(cur.end):
        return window.status, cur.end, window.rule
    return (
        (window.then if window else "expired"),
        cur.end,
        window.rule if window else run.lifecycle.cycle_rule,
    )


def _cycle(run: HoldingRun, cycle: CycleRun, policy: Policy, served_by: str | None) -> CycleState:
    option = credit_option(run.options)
    reqs = [r for r in (option.requirements if option else ()) if isinstance(r, CreditMinimum)]
    total = next((r.credits for r in reqs if r.kind == "total"), reqs[0].credits if reqs else 0.0)

    def minimum(kind: str, name: str) -> float | None:
        for r in reqs:
            names = r.groups if kind == "group" else r.categories
            if not r.per_year and not r.named and names == (name,) and (kind == "group") == bool(r.groups):
                return r.credits
        return None

    def cap(kind: str, name: str) -> float | None:
        caps: tuple[Cap, ...] = run.caps
        for c in caps:
            if c.per == "cycle" and (c.groups if kind == "group" else c.categories) == (name,):
                return c.max
        return None

    cats = tuple(
        (
            c.name,
            CycleCount(
                cycle.categories.get(c.name, 0.0), minimum("category", c.name), cap("category", c.name)
            ),
        )
        for c in policy.categories
    )
    groups = tuple(sorted(set(run.program.groups.values())))
    group_counts = tuple(
        (g, CycleCount(cycle.group_total(run.program, g), minimum("group", g), cap("group", g)))
        for g in groups
    )
    year_min = next((r.credits for r in reqs if r.per_year and not r.advisory), None)
    suggested = next((r.credits for r in reqs if r.per_year and r.advisory), None)
    years = tuple(
        CycleYear(first, last, cycle.by_year[i], year_min, None, suggested)
        for i, (first, last) in enumerate(cycle.years)
    )
    return CycleState(
        cycle.start, cycle.end, total, cycle.counted, cycle.rolled_in, cats, group_counts, years, served_by
    )


def _shortfalls(run: HoldingRun, as_of: date, status: Status) -> tuple[Shortfall, ...]:
    cur = run.cycles[-1]
    if status == "revoked" and run.revoked_by:
        req, year = run.revoked_by[0]
        return (Shortfall(req.rule, "year_min", f"year {year + 1}", req.credits, cur.by_year[year]),)
    opened_by_renewal = len(run.cycles) > 1 and not cur.earned_again and as_of <= cur.end
    option = credit_option(run.options)
    if cur.renewed_on is not None or cur.aligned_on is not None or opened_by_renewal or option is None:
        return ()
    return tuple(
        shortfalls(
            option,
            cur,
            run.program,
            fees_through=run.fees_through,
            passes=run.passes,
            day=as_of,
            name=run.name,
            years_ended_by=as_of,
        )
    )


def certification_status(
    run: HoldingRun, holding: Holding, cert: Certification, policy: Policy, as_of: date
) -> CertificationStatus:
    """The status of one holding as of *as_of* with its cycle, window end and shortfalls."""
    if not run.cycles and run.years and cert.name in run.program.follows:
        # D-FIXED-2: a follower whose leader the record lacks was never active (R-ISC2-8); its
        # "term" is the day before its own date, so that every date of the result stays consistent.
        leader = run.program.follows[cert.name].leader
        never = holding.earned_on - ONE_DAY
        return CertificationStatus(
            cert.name,
            cert.level,
            "expired",
            never,
            never,
            None,
            None,
            False,
            (),
            run.lifecycle.cycle_rule,
            f"{cert.name}: held only with {leader}, which the record does not hold: never active",
            (never - as_of).days,
            fixed_cycle=True,
        )
    if not run.cycles:  # a lifetime holding (Good for Life, R-CT-1): no cycle, no credits
        return CertificationStatus(
            cert.name,
            cert.level,
            "active",
            holding.earned_on,
            None,
            None,
            None,
            False,
            (),
            run.lifecycle.cycle_rule,
            f"{cert.name}: a lifetime certification: no cycle and no credits",
            None,
            fixed_cycle=True,
        )
    status, expires, rule = _state(run, as_of)
    cur = run.cycles[-1]
    moments = [(c.renewed_on, c.renewed_by) for c in run.cycles if c.renewed_on is not None]
    moments += [
        (c.aligned_on, f"aligned with {c.aligned_by}") for c in run.cycles if c.aligned_on is not None
    ]
    last = max(moments, key=lambda m: m[0]) if moments else None
    awaiting: tuple[str, ...] = ()  # filled by the what-ifs of evaluate_fixed (D-FIXED-7)
    window_end = run.window_end(cur.end) if run.lifecycle.window is not None else None
    served_by = cur.aligned_by or (run.leader.name if run.leader is not None else None)
    text = f"{cert.name}: {status} on {as_of}; cycle {cur.start} to {cur.end}"
    if cur.renewed_on is not None:
        text += f", renewed on {cur.renewed_on} ({cur.renewed_by}): expires {expires}"
    elif status == "suspended":
        text += f" not renewed: suspended until {window_end}, the end of the window ({rule})"
    elif status in ("expired", "revoked"):
        text += f" not renewed: {status}, last active day {expires} ({rule})"
    return CertificationStatus(
        cert.name,
        cert.level,
        status,
        cur.start,
        expires,
        last[0] if last else None,
        last[1] if last else None,
        False,
        awaiting,
        rule,
        text,
        (expires - as_of).days,
        fixed_cycle=True,
        cycle=_cycle(run, cur, policy, served_by),
        grace_ends_on=window_end,
        shortfalls=_shortfalls(run, as_of, status),
    )


def events_of(runs: dict[str, HoldingRun], certs: list[Certification], as_of: date) -> tuple[Event, ...]:
    """The dated decisions: held, recertified, rolled over, suspended, expired, revoked."""
    out: list[Event] = []
    for cert in certs:
        run = runs[cert.name]
        if not run.cycles:
            continue
        out.append(
            Event(
                run.cycles[0].start,
                "held",
                cert.name,
                run.lifecycle.cycle_rule,
                f"{cert.name} held: cycle {run.cycles[0].start} to {run.cycles[0].end}",
            )
        )
        for c in run.cycles:
            if c.renewed_on is not None:
                out.append(
                    Event(
                        c.renewed_on,
                        "recertified",
                        cert.name,
                        c.renewed_rule or "R-FC-3",
                        f"{cert.name} renewed on {c.renewed_on} by {c.renewed_by}: cycle ending {c.end} "
                        f"is followed by one ending {new_end(run, c)}",
                        _uses(run, c),
                    )
                )
            if c is not run.cycles[-1] and c.renewed_on is None and c.aligned_on is None:
                out += _lapse_events(
                    run, cert.name, c
                )  # a cycle that lapsed before the certification was earned again
            if c.earned_again:
                out.append(
                    Event(
                        c.start,
                        "earned",
                        cert.name,
                        run.lifecycle.cycle_rule,
                        f"{cert.name} earned again on {c.start} by its exams: cycle {c.start} to {c.end}",
                    )
                )
            for day, by, end in c.alignments:
                out.append(
                    Event(
                        day,
                        "aligned",
                        cert.name,
                        run.program.renews_rules.get(by, run.lifecycle.cycle_rule),
                        f"{cert.name} aligned with {by} on {day}: expires {end}",
                    )
                )
            if c.rolled_in:
                out.append(
                    Event(
                        c.start,
                        "rolled_over",
                        cert.name,
                        run.lifecycle.rollover.rule if run.lifecycle.rollover else "R-FC-10",
                        f"{format_credits(c.rolled_in)} {run.program.unit} roll into the cycle from {c.start}",
                    )
                )
        status, expires, rule = _state(run, as_of)
        if status != "active":
            if status == "suspended" or (
                run.lifecycle.window and run.lifecycle.window.status == "suspended" and run.revoked_on is None
            ):
                out.append(
                    Event(
                        run.cycles[-1].end + ONE_DAY,
                        "suspended",
                        cert.name,
                        rule,
                        f"{cert.name} not renewed by {run.cycles[-1].end}: suspended",
                    )
                )
            if status in ("expired", "revoked"):
                # A short year revokes from the day after its deadline; otherwise the holding lapses the
                # day after its window (expired, or revoked at a period end: R-ISACA-4).
                when = run.revoked_on or run.window_end(run.cycles[-1].end) + ONE_DAY
                out.append(
                    Event(
                        when,
                        "revoked" if status == "revoked" else "expired",
                        cert.name,
                        rule,
                        f"{cert.name} {status} from {when}; last active day {expires}",
                    )
                )
    return tuple(sorted(out, key=lambda e: (e.on, e.certification)))


def next_steps(
    statuses: list[CertificationStatus], runs: dict[str, HoldingRun], policy: Policy, as_of: date
) -> tuple[NextStep, ...]:
    """For each active or suspended holding: its deadline and what its options lack.

    A cycle renewed before its end (as_of still inside it) leaves nothing due now:
    its step is the next cycle's, E + 1 day to E', in full, with that cycle's deadline (D-FIXED-9).
    """
    out: list[NextStep] = []
    for status in statuses:
        run = runs[status.certification]
        if status.status not in ("active", "suspended") or not run.cycles:
            continue
        cur = run.cycles[-1]
        if cur.renewed_on is not None:
            if as_of > cur.end:
                continue
            following = run.next_end_of(cur)
            start = cur.restart or cur.end + ONE_DAY
            cur = CycleRun(start, following, cycle_years(start, following, run.years, run.lifecycle))
        deadline = run.window_end(cur.end) if run.allows("completing") else cur.end
        if deadline < as_of:
            deadline = run.window_end(cur.end)
        gaps = []
        for option in run.options:
            short = shortfalls(
                option,
                cur,
                run.program,
                fees_through=run.fees_through,
                passes=run.passes,
                day=as_of,
                name=run.name,
                earning_codes=run.earning_codes,  # a pass that opened the cycle does not renew it (D-CT-4)
            )
            credits = max(
                (_num(s.needed) - _num(s.counted) for s in short if s.kind == "total"),
                default=0.0,
            )
            words = ", ".join(_words(s, run.program.unit) for s in short) or "nothing"
            gaps.append(OptionGap(option.label, words, None, credits, (), deadline))
        out.append(
            NextStep(
                status.certification,
                deadline,
                tuple(gaps),
                rule=run.lifecycle.cycle_rule,
                days_left=(deadline - as_of).days,
            )
        )
    return tuple(out)


def _lapse_events(run: HoldingRun, name: str, cycle: CycleRun) -> list[Event]:
    """The window and the end of a cycle that lapsed (R-FC-8), or its revocation (R-ISACA-4)."""
    window = run.lifecycle.window
    if cycle.revoked is not None:
        on, last = cycle.revoked
        rule = window.rule if window else run.lifecycle.cycle_rule
        return [Event(on, "revoked", name, rule, f"{name} revoked from {on}; last active day {last}")]
    if window is None:
        return [
            Event(
                cycle.end + ONE_DAY,
                "expired",
                name,
                run.lifecycle.cycle_rule,
                f"{name} not renewed by {cycle.end}: expired",
            )
        ]
    out = []
    if window.status == "suspended":
        out.append(
            Event(
                cycle.end + ONE_DAY,
                "suspended",
                name,
                window.rule,
                f"{name} not renewed by {cycle.end}: suspended until {window.end(cycle.end)}",
            )
        )
    when = window.end(cycle.end) + ONE_DAY
    out.append(
        Event(
            when,
            "revoked" if window.then == "revoked" else "expired",
            name,
            window.rule,
            f"{name} {window.then} from {when}; last active day {cycle.end}",
        )
    )
    return out


def _uses(run: HoldingRun, cycle: CycleRun) -> Uses:
    """What a renewal used: the cycle's counted activities up to its day, and exam passes of the cycle."""
    day = cycle.renewed_on or cycle.end
    activities = tuple(run.ids[i] for i, _, _, done in cycle.members if done <= day)
    option = next((o for o in run.options if o.label == cycle.renewed_by), None)
    codes = {c for o in (option,) if o for r in o.requirements if isinstance(r, ExamCount) for c in r.codes}
    latest: dict[str, date] = {}
    for code, on in run.passes:  # as the exam requirement reads them (D-FIXED-3), the latest of each
        after = cycle.start < on if code in run.earning_codes else cycle.start <= on
        if code in codes and after and on <= day:
            latest[code] = max(on, latest.get(code, on))
    exams = tuple(f"{code} on {on}" for code, on in sorted(latest.items()))
    return Uses(() if codes else activities, exams)


def _num(value: float | date | None) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _words(s: Shortfall, unit: str) -> str:
    if s.kind == "fees":
        return f"fees paid through {s.needed}"
    if s.kind == "exams":
        return f"{s.needed} exam(s) of {s.name}"
    missing = format_credits(_num(s.needed) - _num(s.counted))
    return f"{missing} {unit}" + (f" ({s.name})" if s.name else "")
