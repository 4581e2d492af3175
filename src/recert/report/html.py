"""The HTML report of ``recert evaluate --format html``: one self-contained page with timelines.

The page needs no network and no JavaScript: styles are inline, and each
certification gets an inline SVG timeline on one date axis shared by the
record: its terms (earned, renewed directly, renewed by cascade), the exam
passes that served it, the CE activities counted toward it from completion
to claim with their outcome, the CE pool, the evaluation date, its deadline
and the plan's step. Every mark has a ``<title>`` (shown on hover) with the
rule id and the sentence that decided it. Text is at least 13 SVG units
high on a 1200-unit-wide drawing, shown 1:1 on a 1280-pixel-wide window,
and the print style asks for landscape pages.

:func:`timeline_svg` draws one certification; :func:`render_html_section`
one record; :func:`page_head` and :func:`page_foot` wrap sections into a
page (:func:`render_html_page` does all three for one record).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

import attrs

from recert.core.record import Activity, Record
from recert.core.result import ActivityOutcome, CertificationStatus, Evaluation, Event
from recert.planner import Plan
from recert.report._fixed import fixed_terms, pending_of, steps_of
from recert.report.text import render_text

__all__ = [
    "page_foot",
    "page_head",
    "render_html_error",
    "render_html_page",
    "render_html_section",
    "timeline_svg",
    "timelines_svg",
]

#: The drawing's width in SVG units, and its left and right margins.
WIDTH = 1200
LEFT = 16
RIGHT = WIDTH - 16
FONT = 13  # SVG units: 13 px at 1:1, the smallest text of the drawing

_OUTCOME_COLOUR = {
    "counted": "#1a7f37",
    "pending": "#b26b00",
    "rejected": "#c62828",
    "forfeited": "#6e6e6e",
    "unclaimed": "#6e6e6e",
}
_STATUS_COLOUR = {
    "active": "#2f6fb3", "expired": "#9e9e9e", "suspended": "#d08a00", "emeritus": "#7b5ea7", "revoked": "#9e9e9e",
}

_STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #1d1d1d; margin: 24px; max-width: 1232px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 6px; }
h3 { font-size: 16px; margin: 18px 0 2px; }
p.meta, p.status { margin: 2px 0; color: #444; }
ul.todo { margin: 6px 0 0; padding-left: 22px; } ul.todo li { margin: 3px 0; }
svg { display: block; width: 100%; max-width: 1200px; height: auto; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
section.cert { break-inside: avoid; page-break-inside: avoid; }
details { margin-top: 20px; } pre { font-size: 13px; overflow-x: auto; background: #f6f6f6; padding: 8px; }
.error { color: #c62828; }
@media print { body { margin: 0; max-width: none; } @page { size: A4 landscape; margin: 12mm; }
               details { display: none; } }
"""


def page_head(title: str = "recert report") -> str:
    """The start of the page: doctype, ``<head>`` with the inline style, the legend."""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
            f"{_legend()}\n")


def page_foot() -> str:
    """The end of the page."""
    return "</body>\n</html>\n"


def render_html_error(where: str, lines: Sequence[str]) -> str:
    """A record that could not be evaluated, in its place on the page."""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f'<section class="record"><h1 class="error">{escape(where)}: error</h1><ul>{items}</ul></section>\n'


def render_html_page(result: Evaluation, plan: Plan | None, record: Record, source: str = "") -> str:
    """One whole page for one record: :func:`page_head`, the section, :func:`page_foot`."""
    who = result.candidate or "record"
    return (page_head(f"recert: {who} as of {result.as_of}")
            + render_html_section(result, source, plan, record) + page_foot())


def render_html_section(result: Evaluation, source: str, plan: Plan | None, record: Record) -> str:
    """One record's report: heading, what to do next, a timeline per certification, the text report.

    Args:
        result: The record's evaluation.
        source: Where the record came from.
        plan: Its plan on the same date; ``None`` for a fixed-cycle policy (the planner knows
            rolling cycles only): "what to do next" then lists the result's own next steps.
        record: The record (for activity and exam dates).

    Returns:
        An HTML ``<section>``.
    """
    policy = dict(result.policy)
    who = escape(result.candidate or "record")
    where = f" ({escape(source)})" if source else ""
    text = render_text(result, source, plan)
    todo_start = text.index("What to do next") + 1
    todo_end = next((i for i in range(todo_start, len(text)) if not text[i].strip()), len(text))
    todo = _unwrap(text[todo_start:todo_end])
    axis = _Axis.for_record(result, plan, record)
    parts = [
        '<section class="record">',
        f"<h1>{who}{where}</h1>",
        f'<p class="meta">As of {result.as_of}, policy {escape(policy.get("id", "?"))} '
        f'{escape(policy.get("version", ""))}</p>',
        "<h2>What to do next</h2>",
        '<ul class="todo">' + "".join(f"<li>{escape(line)}</li>" for line in todo) + "</ul>",
        "<h2>Timelines</h2>",
    ]
    for status in result.certifications:
        parts.append('<section class="cert">')
        parts.append(f"<h3>{escape(status.certification)}</h3>")
        parts.append(f'<p class="status">{escape(status.explanation)}</p>')
        parts.append(timeline_svg(result, plan, record, status.certification, axis=axis))
        parts.append("</section>")
    others = _other_activities(result, record)
    if others:
        parts.append('<section class="cert"><h3>Activities toward no certification</h3>')
        parts.append(_others_svg(others, result, axis))
        parts.append("</section>")
    parts.append("<details><summary>The full text report</summary><pre>"
                 + escape("\n".join(text)) + "</pre></details>")
    parts.append("</section>\n")
    return "\n".join(parts)


def _unwrap(lines: Sequence[str]) -> list[str]:
    """Join a text report's wrapped lines (continuations are indented deeper) back into items."""
    items: list[str] = []
    for line in lines:
        if line.startswith("    ") and items:
            items[-1] += " " + line.strip()
        else:
            items.append(line.strip())
    return items


# --------------------------------------------------------------------------- the axis


@attrs.frozen
class _Axis:
    start: date
    end: date

    @classmethod
    def for_record(cls, result: Evaluation, plan: Plan | None, record: Record) -> _Axis:
        days: list[date] = [result.as_of]
        days += [e.on for e in result.events]
        for c in result.certifications:
            days.append(c.term_started_on)
            if c.expires_on is not None:
                days.append(c.expires_on)
        days += [n.deadline for n in result.next if n.deadline is not None]
        days += [s.by for s in steps_of(plan)]
        days += [c.expires_if_approved for p in pending_of(plan) for c in p.changes if c.expires_if_approved]
        days += [c.grace_ends_on for c in result.certifications if c.grace_ends_on is not None]
        days += [e.passed_on for e in record.exams if e.passed_on <= result.as_of]
        for a in record.activities:
            days += [d for d in (a.completed_on, a.claimed_on) if d is not None and d <= result.as_of]
        start, end = min(days), max(days)
        pad = max(timedelta(days=45), (end - start) / 25)
        return cls(start - pad, end + pad)

    def x(self, day: date) -> float:
        span = (self.end - self.start).days or 1
        return round(LEFT + (RIGHT - LEFT) * (day - self.start).days / span, 1)

    def years(self) -> list[date]:
        return [date(y, 1, 1) for y in range(self.start.year + 1, self.end.year + 1)]


# --------------------------------------------------------------------------- one timeline


def _title(text: str) -> str:
    return f"<title>{escape(text)}</title>"


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = FONT, colour: str = "#1d1d1d",
          weight: str = "normal") -> str:
    return (f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" fill="{colour}" '
            f'font-weight="{weight}">{escape(text)}</text>')


def _anchor_for(x: float) -> str:
    """Labels near the right edge grow leftwards so that they stay inside the drawing."""
    return "end" if x > WIDTH - 220 else "start"


def _terms(events: Sequence[Event], status: CertificationStatus) -> list[tuple[date, date, Event | None]]:
    """The certification's terms as (start, end, the event that started it), oldest first."""
    if status.fixed_cycle and status.cycle is not None:
        return fixed_terms(events, status)
    starts = [e for e in events if e.kind in ("held", "earned", "recertified", "cascaded")]
    ends = [e.on for e in events if e.kind == "expired"]
    terms: list[tuple[date, date, Event | None]] = []
    for i, event in enumerate(starts):
        following = starts[i + 1].on if i + 1 < len(starts) else None
        expired = [d - timedelta(days=1) for d in ends if d > event.on and (following is None or d <= following)]
        if expired:
            end = expired[0]
        elif following is not None:
            end = following
        else:
            end = status.expires_on or status.term_started_on
        terms.append((event.on, end, event))
    if not terms:
        terms.append((status.term_started_on, status.expires_on or status.term_started_on, None))
    return terms


def timeline_svg(result: Evaluation, plan: Plan | None, record: Record, name: str, *, axis: object = None) -> str:
    """The SVG timeline of one certification of a record.

    Args:
        result: The record's evaluation.
        plan: Its plan on the same date.
        record: The record.
        name: The certification's canonical name.
        axis: The shared date axis (internal); default: the record's.

    Returns:
        An inline ``<svg>`` element, 1200 units wide.

    Raises:
        KeyError: The evaluation has no such certification.
    """
    status = result.certification(name)
    ax = axis if isinstance(axis, _Axis) else _Axis.for_record(result, plan, record)
    events = [e for e in result.events if e.certification == name]
    outcomes = {a.id: a for a in result.activities}
    mine = [a for a in record.activities if outcomes[a.id].counted_toward == name
            or name in getattr(outcomes[a.id].cycle, "counted_toward_all", ())]
    unit = _unit(result)
    lanes = 2 if len(mine) > 1 else 1
    bar_y, act_y = 46, 96
    height = act_y + (26 * lanes if mine else 0) + 34
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
           f'role="img" aria-label="{escape(name)} timeline">', _title(f"{name}: {status.explanation}")]
    out += _grid(ax, height)
    # Terms.
    colour = _STATUS_COLOUR.get(status.status, "#2f6fb3")
    terms = _terms(events, status)
    for index, (start, end, event) in enumerate(terms):
        last = index == len(terms) - 1
        fill = colour if last else "#8fb3da"
        if last and status.status in ("expired", "revoked"):
            fill = "#bdbdbd"
        x1, x2 = ax.x(start), max(ax.x(end), ax.x(start) + 3)
        detail = event.detail if event is not None else status.explanation
        rule = event.rule if event is not None else status.rule
        out.append(f'<g><rect x="{x1}" y="{bar_y}" width="{round(x2 - x1, 1)}" height="20" rx="3" fill="{fill}" '
                   f'stroke="#ffffff" stroke-width="1"/>{_title(f"term {start} to {end} ({rule}): {detail}")}</g>')
        if x2 - x1 > 190:
            ink = "#ffffff" if fill == colour and fill != "#bdbdbd" else "#1d1d1d"
            out.append(_text(x1 + 6, bar_y + 15, f"{start} to {end}", colour=ink))
        if event is not None:
            out.append(_start_mark(ax.x(start), bar_y, event))
    if status.status == "suspended" and status.expires_on is not None:
        deadline = status.grace_ends_on or next((n.deadline for n in result.next if n.certification == name), None)
        if deadline is not None:
            x1, x2 = ax.x(status.expires_on), ax.x(deadline)
            out.append(f'<g><rect x="{x1}" y="{bar_y}" width="{round(x2 - x1, 1)}" height="20" fill="#f3d9a4" '
                       f'stroke="#d08a00" stroke-dasharray="4 3"/>{_title(status.explanation)}</g>')
    for event in events:
        if event.kind in ("expired", "suspended", "retired", "emeritus", "revoked"):
            out.append(_end_mark(ax.x(event.on), bar_y, event))
        elif status.fixed_cycle and event.kind in ("recertified", "aligned"):  # not a term start (R-FC-2)
            out.append(_start_mark(ax.x(event.on), bar_y, event))
        elif event.kind == "pool_reset":
            x = ax.x(event.on)
            out.append(f'<g><line x1="{x}" y1="{bar_y + 22}" x2="{x}" y2="{bar_y + 32}" stroke="#1a7f37" '
                       f'stroke-width="3"/>{_title(f"pool reset on {event.on} ({event.rule}): {event.detail}")}</g>')
    # What a pending claim would change (R-CE-3).
    for pending in pending_of(plan):
        for change in pending.changes:
            if change.certification != name or change.expires_if_approved is None:
                continue
            x1 = ax.x(min(result.as_of, change.expires_on or result.as_of))
            x2 = ax.x(change.expires_if_approved)
            label = f"if {pending.activity} is approved: {change.status_if_approved} to {change.expires_if_approved}"
            out.append(f'<g><rect x="{x1}" y="{bar_y}" width="{max(round(x2 - x1, 1), 2)}" height="20" rx="3" '
                       f'fill="none" stroke="#b26b00" stroke-width="2" stroke-dasharray="6 4"/>'
                       f"{_title(pending.explanation + ' (R-CE-3)')}</g>")
            out.append(_text(x2 - 6, bar_y - 6, label, anchor="end", colour="#b26b00"))
    # Exam passes that served it.
    for event in events:
        for key in (event.uses.exams if event.uses else ()):
            code, _, on = key.rpartition(" on ")
            x = ax.x(date.fromisoformat(on))
            out.append(f'<g><path d="M{x} {bar_y - 16} l6 6 l-6 6 l-6 -6 z" fill="#5b3fa0"/>'
                       f"{_title(f'exam {code} passed on {on}: used when {name} was {event.kind} (R-OPT-1)')}</g>")
    # The pool.
    pool = result.pool
    if pool is not None and pool.certification == name:
        x1, x2 = ax.x(pool.term_started_on), ax.x(result.as_of)
        label = f"pool: {_credits(pool.credits)} CE credits ({pool.level})"
        out.append(f'<g><rect x="{x1}" y="{bar_y + 24}" width="{max(round(x2 - x1, 1), 2)}" height="6" '
                   f'fill="#1a7f37" opacity="0.55"/>{_title(f"{label} since {pool.term_started_on} (R-CE-4)")}</g>')
        out.append(_text(x2 + 6 if _anchor_for(x2) == "start" else x1 - 6, bar_y + 32, label,
                         anchor="start" if _anchor_for(x2) == "start" else "end", colour="#1a7f37"))
    # Activities, from completion to claim.
    for index, activity in enumerate(sorted(mine, key=lambda a: a.completed_on)):
        out.append(_activity(ax, act_y + 26 * (index % lanes), activity, outcomes[activity.id], result.as_of, unit))
    # Deadline, the plan's step, today.
    nxt = next((n for n in result.next if n.certification == name), None)
    if nxt is not None and nxt.deadline is not None:
        x = ax.x(nxt.deadline)
        tip = f"deadline {nxt.deadline}: every option must be met on or before it (R-DATE-2)"
        out.append(f'<g><line x1="{x}" y1="18" x2="{x}" y2="{height - 26}" stroke="#c62828" stroke-width="2" '
                   f'stroke-dasharray="6 4"/>{_title(tip)}</g>')
        out.append(_text(x - 6 if _anchor_for(x) == "end" else x + 6, 14, f"deadline {nxt.deadline}",
                         anchor=_anchor_for(x), colour="#c62828", weight="600"))
    for number, step in enumerate(steps_of(plan), start=1):
        if name in step.renews:
            x = ax.x(step.by)
            how = "direct" if step.certification == name else (
                "by cascade" if name in step.cascade else "by the same exam")
            label = f"step {number}: {step.todo}"
            rules = ", ".join(step.rules)
            tip = f"{label} by {step.by}, {how}: {step.explanation} ({rules})"
            out.append(f'<g><path d="M{x} {bar_y + 20} l-7 12 h14 z" fill="#1d1d1d"/>{_title(tip)}</g>')
            out.append(_text(x - 10 if _anchor_for(x) == "end" else x + 10, bar_y + 44, label,
                             anchor=_anchor_for(x), weight="600"))
    x = ax.x(result.as_of)
    out.append(f'<g><line x1="{x}" y1="18" x2="{x}" y2="{height - 26}" stroke="#1d1d1d" stroke-width="2"/>'
               f"{_title(f'as of {result.as_of}: the evaluation date')}</g>")
    out.append(_text(x - 6 if _anchor_for(x) == "end" else x + 6, 30, f"as of {result.as_of}",
                     anchor=_anchor_for(x)))
    out.append("</svg>")
    return "\n".join(out)


def _credits(value: float) -> str:
    rounded = round(value, 6)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:g}"


def _grid(ax: _Axis, height: int) -> list[str]:
    out = [f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>']
    for year in ax.years():
        x = ax.x(year)
        out.append(f'<line x1="{x}" y1="18" x2="{x}" y2="{height - 22}" stroke="#e3e3e3"/>')
        out.append(_text(x, height - 6, str(year.year), anchor="middle", colour="#555555"))
    out.append(f'<line x1="{LEFT}" y1="{height - 22}" x2="{RIGHT}" y2="{height - 22}" stroke="#9e9e9e"/>')
    return out


def _start_mark(x: float, y: int, event: Event) -> str:
    shapes = {
        "held": f'<rect x="{x - 5}" y="{y + 5}" width="10" height="10" fill="#ffffff" stroke="#1d1d1d"/>',
        "earned": f'<circle cx="{x}" cy="{y + 10}" r="6" fill="#ffffff" stroke="#1d1d1d" stroke-width="2"/>',
        "recertified": f'<path d="M{x - 6} {y + 16} l6 -12 l6 12 z" fill="#ffffff" stroke="#1d1d1d" '
                       f'stroke-width="2"/>',
        "cascaded": f'<path d="M{x - 6} {y + 16} l6 -12 l6 12 z" fill="#8fb3da" stroke="#1d1d1d" '
                    f'stroke-dasharray="2 2"/>',
    }
    shapes["aligned"] = shapes["cascaded"]  # R-CT-6, a fixed-cycle renewal map
    return f"<g>{shapes[event.kind]}{_title(f'{event.kind} on {event.on} ({event.rule}): {event.detail}')}</g>"


def _end_mark(x: float, y: int, event: Event) -> str:
    return (f'<g><line x1="{x}" y1="{y - 4}" x2="{x}" y2="{y + 24}" stroke="#c62828" stroke-width="3"/>'
            f"{_title(f'{event.kind} on {event.on} ({event.rule}): {event.detail}')}</g>")


def _unit(result: Evaluation) -> str:
    """The credit unit written next to activities: the fixed-cycle program's, else "cr" (CE credits)."""
    fixed = any(c.fixed_cycle for c in result.certifications)
    return str(dict(result.policy).get("unit", "cr")) if fixed else "cr"


def _activity(ax: _Axis, y: int, activity: Activity, outcome: ActivityOutcome, as_of: date, unit: str = "cr") -> str:
    colour = _OUTCOME_COLOUR.get(outcome.outcome, "#6e6e6e")
    x1 = ax.x(activity.completed_on)
    claimed = activity.claimed_on if activity.claimed_on is not None and activity.claimed_on <= as_of else None
    parts = []
    if claimed is not None:
        x2 = ax.x(claimed)
        parts.append(f'<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{colour}" stroke-width="2"/>')
        parts.append(f'<line x1="{x2}" y1="{y - 6}" x2="{x2}" y2="{y + 6}" stroke="{colour}" stroke-width="2"/>')
    else:
        x2 = x1
    hollow = outcome.outcome in ("unclaimed", "pending")
    parts.append(f'<circle cx="{x1}" cy="{y}" r="6" fill="{"#ffffff" if hollow else colour}" '
                 f'stroke="{colour}" stroke-width="2"/>')
    label = f"{activity.id} {_credits(activity.credits)} {unit} {outcome.outcome}"
    if outcome.cycle is not None and outcome.cycle.capped and outcome.outcome == "counted":  # R-FC-6
        label += f" ({_credits(outcome.cycle.counted_credits)} after the cap)"
    anchor = _anchor_for(x2)
    parts.append(_text(x2 + 10 if anchor == "start" else x1 - 10, y + 5, label, anchor=anchor, colour=colour))
    when = f"completed {activity.completed_on}" + (f", claimed {claimed}" if claimed else ", not claimed")
    return f"<g>{''.join(parts)}{_title(f'{when}; {outcome.explanation} ({outcome.rule})')}</g>"


def _other_activities(result: Evaluation, record: Record) -> list[tuple[Activity, ActivityOutcome]]:
    outcomes = {a.id: a for a in result.activities}
    return [(a, outcomes[a.id]) for a in record.activities if outcomes[a.id].counted_toward is None]


def _others_svg(items: Sequence[tuple[Activity, ActivityOutcome]], result: Evaluation, ax: _Axis) -> str:
    lanes = min(len(items), 3)
    height = 30 + 26 * lanes + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-label="activities toward no certification">']
    out += _grid(ax, height)
    for index, (activity, outcome) in enumerate(sorted(items, key=lambda p: p[0].completed_on)):
        out.append(_activity(ax, 34 + 26 * (index % lanes), activity, outcome, result.as_of,
                             _unit(result)))
    x = ax.x(result.as_of)
    out.append(f'<line x1="{x}" y1="18" x2="{x}" y2="{height - 26}" stroke="#1d1d1d" stroke-width="2"/>')
    out.append("</svg>")
    return "\n".join(out)


def _legend() -> str:
    items = [
        ('<rect x="0" y="-7" width="34" height="14" rx="3" fill="#2f6fb3"/>', "current term"),
        ('<rect x="0" y="-7" width="34" height="14" rx="3" fill="#8fb3da"/>', "earlier term"),
        ('<rect x="12" y="-5" width="10" height="10" fill="#fff" stroke="#1d1d1d"/>', "held (record)"),
        ('<circle cx="17" cy="0" r="6" fill="#fff" stroke="#1d1d1d" stroke-width="2"/>', "earned"),
        ('<path d="M11 6 l6 -12 l6 12 z" fill="#fff" stroke="#1d1d1d" stroke-width="2"/>', "renewed"),
        ('<path d="M11 6 l6 -12 l6 12 z" fill="#8fb3da" stroke="#1d1d1d" stroke-dasharray="2 2"/>', "cascade"),
        ('<path d="M17 -7 l6 6 l-6 6 l-6 -6 z" fill="#5b3fa0"/>', "exam pass"),
        ('<circle cx="17" cy="0" r="6" fill="#1a7f37"/>', "CE counted"),
        ('<circle cx="17" cy="0" r="6" fill="#fff" stroke="#b26b00" stroke-width="2"/>', "pending"),
        ('<circle cx="17" cy="0" r="6" fill="#c62828"/>', "rejected"),
        ('<line x1="17" y1="-9" x2="17" y2="9" stroke="#c62828" stroke-width="2" stroke-dasharray="4 3"/>',
         "deadline"),
        ('<path d="M17 -6 l-7 12 h14 z" fill="#1d1d1d"/>', "plan step"),
    ]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} 56" role="img" aria-label="legend">']
    for index, (shape, label) in enumerate(items):
        x = 8 + (index % 6) * 198
        y = 16 + (index // 6) * 26
        out.append(f'<g transform="translate({x} {y})">{shape}{_text(42, 5, label)}</g>')
    out.append("</svg>")
    return "\n".join(out)


def timelines_svg(result: Evaluation, plan: Plan | None, record: Record) -> str:
    """Every certification's timeline stacked in one standalone SVG, each under its name.

    The drawing the documentation shows (``docs/img/timelines.svg``); the
    HTML report draws the same timelines one by one.

    Args:
        result: The record's evaluation.
        plan: Its plan on the same date.
        record: The record.

    Returns:
        An ``<svg>`` document, 1200 units wide.
    """
    axis = _Axis.for_record(result, plan, record)
    parts: list[str] = []
    y = 0
    for status in result.certifications:
        inner = timeline_svg(result, plan, record, status.certification, axis=axis)
        height = int(inner.split('viewBox="0 0 1200 ', 1)[1].split('"', 1)[0])
        parts.append(_text(LEFT, y + 20, f"{status.certification}: {status.status}, expires "
                           f"{status.expires_on or 'never'}", size=15, weight="600"))
        parts.append(inner.replace("<svg ", f'<svg x="0" y="{y + 28}" width="{WIDTH}" height="{height}" ', 1))
        y += 28 + height + 8
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {y}" width="{WIDTH}" '
            f'height="{y}" font-family="sans-serif">\n'
            f'<rect x="0" y="0" width="{WIDTH}" height="{y}" fill="#ffffff"/>\n' + "\n".join(parts) + "\n</svg>\n")
