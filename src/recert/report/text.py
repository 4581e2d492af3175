"""The text report of ``recert evaluate`` and ``recert plan``: what a person reads and acts on.

Every line fits :data:`WIDTH` columns: table cells and sentences wrap, long
certification names too. The report of an evaluation ends with *what to do
next*: one line per certification (the step that keeps it and by when, why
it expired and how to earn it again, or why nothing can be done), the
pending claims with what changes if they are approved and the day to act
without them (R-CE-3), and each option's gap, the options toward which
nothing counts yet folded into one line.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date, timedelta

from recert.core._limits import printable
from recert.core.requirements import format_credits
from recert.core.result import ActivityOutcome, CertificationStatus, Evaluation, NextStep, Shortfall
from recert.planner import PendingClaim, Plan, Regain, Step

__all__ = ["WIDTH", "render_plan", "render_text"]

#: The widest line the text reports print.
WIDTH = 100


def _wrap(text: str, indent: str = "  ", hang: str = "    ") -> list[str]:
    """*text* wrapped to :data:`WIDTH`, the first line after *indent*, the others after *hang*.

    Text from the record (ids, names) is escaped first (:func:`recert.core._limits.printable`), so that
    a tab or a newline in it cannot break the layout.
    """
    return textwrap.wrap(printable(text), WIDTH, initial_indent=indent, subsequent_indent=hang,
                         break_on_hyphens=False, break_long_words=True) or [indent.rstrip()]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, wrap: Sequence[int] = (),
          indent: str = "  ") -> list[str]:
    """A plain-text table no wider than :data:`WIDTH`; the columns in *wrap* wrap to fit.

    Args:
        headers: Column headings.
        rows: Cells as text.
        wrap: Indexes of the columns that may wrap, in the order they give
            up width (each first to 24 columns, then to 12).
        indent: Text before every line.

    Returns:
        The lines: headings, a rule of dashes, then each row (a wrapped row
        takes several lines).
    """
    rows = [[printable(str(cell)) for cell in row] for row in rows]  # record text escaped first
    widths = [max(len(str(row[i])) for row in (headers, *rows)) for i in range(len(headers))]
    gap = 2

    def total() -> int:
        return len(indent) + sum(widths) + gap * (len(widths) - 1)

    # The columns in *wrap* give up width in their order, first down to 24 columns each, then to 12.
    for floor in (24, 12):
        for i in wrap:
            while total() > WIDTH and widths[i] > floor:
                widths[i] -= 1
    lines = []
    for row in (headers, ["-" * w for w in widths], *rows):
        cells = [textwrap.wrap(str(c), w, break_on_hyphens=False) or [""] if i in wrap else [str(c)]
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        for depth in range(max(len(c) for c in cells)):
            parts = [(c[depth] if depth < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)]
            lines.append((indent + (" " * gap).join(parts)).rstrip())
    return lines


def _days(days: int | None, expires_on: date | None, as_of: date) -> str:
    if expires_on is None:
        return "lifetime"
    return str(days if days is not None else (expires_on - as_of).days)


def _labelled(ident: str, text: str) -> str:
    return text if text.startswith(f"{ident}:") else f"{ident}: {text}"


def render_text(result: Evaluation, source: str = "", plan: Plan | None = None) -> list[str]:
    """The text report of one evaluation, as lines of at most :data:`WIDTH` columns.

    Args:
        result: The evaluation.
        source: Where the record came from, shown in the heading.
        plan: The record's plan on the same date (:func:`recert.plan`);
            without it the report says what each option lacks but not which
            step keeps which certification.

    Returns:
        Lines without newlines: the certifications table, the activities
        table (with the reason of every rejection), the CE pool, what to
        do next (one line per certification), the pending claims (R-CE-3)
        and each option's gap, by deadline (R-DATE-2).
    """
    policy = dict(result.policy)
    who = result.candidate or "record"
    where = f" ({source})" if source else ""
    lines = [f"{who}{where}: as of {result.as_of.isoformat()}, policy "
             f"{policy.get('id', '?')} {policy.get('version', '')}".rstrip(), ""]

    lines.append("Certifications")
    rows = []
    # Days left count to the real deadline: a suspended certification's is the end of its
    # suspended year (R-PRE2020-1), which next[] carries.
    deadlines = {step.certification: step for step in result.next}
    for c in result.certifications:
        renewed = (f"{c.recertified_on.isoformat()} by {c.recertified_by}"
                   if c.recertified_on is not None else "-")
        status = c.status + (" (retired)" if c.retired else "")
        days = _days(c.days_left, c.expires_on, result.as_of)
        step = deadlines.get(c.certification)
        if c.status == "suspended" and step is not None and step.deadline is not None:
            days = f"{step.days_left} (to {step.deadline.isoformat()})"
        rows.append([c.certification, c.level, status,
                     c.expires_on.isoformat() if c.expires_on else "never", days, renewed])
    lines += table(["certification", "level", "status", "expires", "days left", "last renewed"],
                   rows, wrap=(5, 0)) if rows else ["  (none)"]

    # Fixed-cycle results name their unit and shortfalls (programs.md section 7); a rolling-cycle
    # result (cisco-ce) keeps its CE credit wording.
    unit = policy.get("unit") if any(c.fixed_cycle for c in result.certifications) else None
    lines += ["", f"Activities ({unit})" if unit else "CE activities"]
    if result.activities:
        lines += table(
            ["id", unit or "credits", "outcome", "toward", "reason"],
            [[a.id, format_credits(a.credits), _outcome_text(a), a.counted_toward or "-", a.reason or ""]
             for a in result.activities], wrap=(3, 0))
        notes = [a for a in result.activities if a.outcome in ("rejected", "forfeited", "pending")]
        for a in notes:
            lines += _wrap(f"{_labelled(a.id, a.explanation)} ({a.rule})")
    else:
        lines.append("  (none)")

    pool = result.pool
    if unit:
        lines += ["", "Shortfalls"]
        short = [(c.certification, s) for c in result.certifications for s in c.shortfalls]
        lines += [line for name, s in short for line in _wrap(f"{name}: {_shortfall_text(s, unit)} ({s.rule})")]
        if not short:
            lines.append("  none")
    else:
        lines += ["", *_wrap("CE pool: " + (
            f"{format_credits(pool.credits)} credits toward {pool.level} ({pool.certification}), "
            f"term started {pool.term_started_on.isoformat()}" if pool else
            "none (no CE-eligible certification is active)"), indent="", hang="  ")]

    lines += ["", "What to do next"]
    lines += _next_lines(result, plan)
    if plan is not None and plan.pending:
        lines += ["", "Pending claims (R-CE-3)"]
        for pending in plan.pending:
            lines += _wrap(_pending_text(pending, result.as_of, result.certifications))
    elif plan is None:
        waiting = [c for c in result.certifications if c.awaiting]
        if waiting:
            lines += ["", "Pending claims (R-CE-3)"]
            for c in waiting:
                lines += _wrap(f"{c.certification}: {c.explanation}")
    if result.next:
        lines += ["", "Options, by deadline (R-DATE-2)"]
        for step in result.next:
            lines += _option_lines(step)
    return lines


# --------------------------------------------------------------------------- what to do next


def _outcome_text(a: ActivityOutcome) -> str:
    """The outcome cell: under a fixed-cycle policy, what a cap or the credit step left counted."""
    cycle = a.cycle
    if cycle is None or a.outcome != "counted" or cycle.counted_credits >= a.credits:
        return a.outcome
    after = {"annual_cap": "the yearly cap", None: "rounding"}.get(cycle.capped, "the cap")
    return f"counted ({format_credits(cycle.counted_credits)} after {after})"


def _shortfall_text(s: Shortfall, unit: str) -> str:
    """One shortfall in words: ``missing 5 CPE in group_a (85 of 90)``, ``fees paid through 2024-04-10, not 2025-04-10``."""
    if s.kind == "fees":
        paid = s.counted.isoformat() if isinstance(s.counted, date) else "not stated"
        needed = s.needed.isoformat() if isinstance(s.needed, date) else s.needed
        return f"fees paid through {paid}, needed through {needed}"
    if isinstance(s.needed, date) or isinstance(s.counted, date):
        return f"{s.kind} {s.name}"
    have = s.counted or 0
    where = f" in {s.name}" if s.name else ""
    return (f"missing {format_credits(s.needed - have)} {unit}{where} "
            f"({format_credits(have)} of {format_credits(s.needed)})")


def _by(day: date, as_of: date) -> str:
    left = (day - as_of).days
    return f"by {day.isoformat()} ({left} day{'' if left == 1 else 's'} left)"


def _next_lines(result: Evaluation, plan: Plan | None) -> list[str]:
    if plan is None:
        if not result.next:
            return ["  nothing: no active certification to renew"]
        return [line for step in result.next for line in _wrap(_step_text(step, result))]
    lines: list[str] = []
    direct = {s.certification: s for s in plan.steps}
    covering = {name: s for s in plan.steps for name in s.renews}
    remarks = {r.certification: r for r in plan.remarks}
    regain = {r.certification: r for r in plan.regain}
    for status in result.certifications:
        name = status.certification
        if name in direct:
            text = f"{name}: {_by(direct[name].by, result.as_of)}: {_direct(direct[name])}"
        elif name in covering:
            step = covering[name]
            how = "cascade, R-CASC-1" if name in step.cascade else "the same exam, R-OPT-2"
            text = (f"{name}: {_by(step.by, result.as_of)}: nothing of its own; the {step.certification} "
                    f"step keeps it ({how})")
        elif name in regain:
            text = f"{name}: {_expired(status, regain[name], plan)}"
        elif name in remarks:
            text = remarks[name].explanation
            text = text if text.startswith(name) else f"{name}: {text}"
        else:
            continue
        lines += _wrap(text)
    return lines or ["  nothing: no certification to renew"]


def _step_text(step: NextStep, result: Evaluation) -> str:
    """One certification's line; a fixed cycle renewed early has nothing due now (D-FIXED-9)."""
    by = _by(step.deadline, result.as_of) if step.deadline else "no deadline"
    status = next((c for c in result.certifications if c.certification == step.certification), None)
    cycle = status.cycle if status is not None else None
    end = status.expires_on if status is not None else None
    if status is None or cycle is None or status.recertified_on is None or end is None or end <= cycle.ends_on:
        return f"{step.certification}: {by}: meet one of the options below"
    return (f"{step.certification}: renewed on {status.recertified_on.isoformat()} through "
            f"{end.isoformat()}; nothing due now; for the next cycle "
            f"({(cycle.ends_on + timedelta(days=1)).isoformat()} to {end.isoformat()}), {by}: "
            "meet one of the options below")


def _direct(step: Step) -> str:
    text = step.todo
    others = [n for n in step.renews if n != step.certification]
    if others:
        text += f"; this also keeps {', '.join(others)}"
    return text


def _expired(status: CertificationStatus, regain: Regain, plan: Plan) -> str:
    after = f"expired after {status.expires_on}" if status.expires_on else "expired"
    waiting = [p for p in plan.pending if any(c.certification == status.certification for c in p.changes)]
    unless = tail = ""
    if waiting:
        change = next(c for p in waiting for c in p.changes if c.certification == status.certification)
        ids = ", ".join(p.activity for p in waiting)
        unless = (f" unless {ids} {'are' if len(waiting) > 1 else 'is'} approved (then "
                  f"{change.status_if_approved} to {change.expires_if_approved}, R-CE-3)")
    elif status.awaiting:  # no claim alone changes it, several together would (R-CE-3)
        ids = ", ".join(status.awaiting)
        who = f"{ids} are" if len(status.awaiting) == 2 else f"enough of {ids} are"
        tail = f"; unless {who} approved together, which would change this (R-CE-3)"
    if status.retired:
        return f"{after}{unless}: retired, no new ones are issued (R-RET-1){tail}"
    if not regain.paths:
        return (f"{after}{unless}: no option was met by then (R-DATE-2); the catalog names no exams "
                f"that earn it{tail}")
    ways = " or ".join(p.label for p in regain.paths)
    return f"{after}{unless}: no option was met by then (R-DATE-2); to earn it again, pass {ways}{tail}"


def _pending_text(
    pending: PendingClaim, as_of: date, certifications: Sequence[CertificationStatus] = ()
) -> str:
    toward = f" toward {pending.toward}" if pending.toward else ""
    text = f"{pending.activity} ({format_credits(pending.credits)} CE credits{toward}"
    text += f", claimed on {pending.claimed_on})" if pending.claimed_on else ")"
    if pending.changes:
        parts = []
        for c in pending.changes:
            if c.status != c.status_if_approved:
                parts.append(f"{c.certification} is {c.status_if_approved} to {c.expires_if_approved}")
            else:
                parts.append(f"{c.certification} expires on {c.expires_if_approved} instead of {c.expires_on}")
        text += ": if approved, " + "; ".join(parts)
    else:
        text += ": if approved alone, no expiration date changes"
        # A claim may matter only with others (R-CE-3): the result's `awaiting` names them.
        together = [c for c in certifications if pending.activity in c.awaiting and len(c.awaiting) > 1]
        if together:
            others = sorted({a for c in together for a in c.awaiting} - {pending.activity})
            with_ = others[0] if len(others) == 1 else "one or more of " + ", ".join(others)
            text += (f"; approved together with {with_}, it {'would' if len(others) == 1 else 'could'} change "
                     f"{', '.join(c.certification for c in together)} (R-CE-3)")
    if pending.steps_if_approved:
        first = pending.steps_if_approved[0]
        text += f"; the next step is then {first.todo} {_by(first.by, as_of)}"
    if pending.decide_by is not None:
        text += (f". If it is still pending on {pending.decide_by}, act without it: a later approval "
                 "still counts from the completion date, but a rejection would leave no time")
    elif any(c.status == "expired" for c in pending.changes):
        text += (". An approval counts whenever it comes, dated by the completion (the claim was "
                 "made before the expiration date); if it is rejected, earn the certification again")
    return text


def _option_lines(step: NextStep) -> list[str]:
    deadline = (f"deadline {step.deadline.isoformat()}, {step.days_left} days left"
                if step.deadline is not None else "no deadline")
    lines = _wrap(f"{step.certification} ({deadline})")
    started = [g for g in step.options if g.served_by is None and not g.missing.startswith(g.option)]
    untouched = [g for g in step.options if g.served_by is None and g.missing.startswith(g.option)]
    served = [g for g in step.options if g.served_by is not None]
    for gap in started:
        lines += _wrap(f"- {gap.option}: missing {gap.missing or 'nothing'}", "    ", "      ")
    if untouched:
        lines += _wrap("- nothing counted yet: " + "; ".join(g.option for g in untouched), "    ", "      ")
    for gap in served:
        lines += _wrap(f"- {gap.option}: only through the pool of {gap.served_by} (D-POOL-1)", "    ", "      ")
    if not step.options:
        lines += _wrap("- no option: it cannot be renewed", "    ", "      ")
    return lines


# --------------------------------------------------------------------------- recert plan


def render_plan(plan: Plan, source: str = "") -> list[str]:
    """The text of ``recert plan``: the steps, the pending claims, the expired certifications.

    Args:
        plan: The plan.
        source: Where the record came from, shown in the heading.

    Returns:
        Lines of at most :data:`WIDTH` columns.
    """
    who = plan.candidate or "record"
    where = f" ({source})" if source else ""
    cost = (f"{plan.exams} exam{'' if plan.exams == 1 else 's'}, "
            f"{format_credits(plan.credits)} CE credits in all")
    lines = [*_wrap(f"{who}{where}: plan as of {plan.as_of.isoformat()}: {cost}", "", "  "), ""]
    lines.append("Steps")
    if not plan.steps:
        lines.append("  none: no active certification to renew")
    for number, step in enumerate(plan.steps, start=1):
        lines += _wrap(f"{number}. {_by(step.by, plan.as_of)}: {step.todo}", "  ", "     ")
        lines += _wrap(f"renews {', '.join(step.renews)}", "     ", "     ")
        lines += _wrap(f"how: {step.explanation} [{', '.join(step.rules)}]", "     ", "     ")
    if plan.pending:
        lines += ["", "Pending claims (R-CE-3)"]
        for pending in plan.pending:
            lines += _wrap(_pending_text(pending, plan.as_of))
    if plan.regain:
        lines += ["", "Expired"]
        for regain in plan.regain:
            lines += _wrap(regain.explanation)
    if plan.remarks:
        lines += ["", "Nothing to do"]
        for remark in plan.remarks:
            lines += _wrap(remark.explanation)
    return lines
