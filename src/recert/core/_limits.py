"""The bounds recert puts on its input, and how values are quoted back in messages.

Every number here is documented in ``docs/record-format.md`` ("Input limits"). The
bounds are far above any real record or policy; they exist so that a hostile or
broken input gets a :class:`~recert.exceptions.RecertError` naming the field, in
bounded time, instead of an arithmetic overflow, a recursion error or minutes of CPU.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date, time
from typing import Any

#: Deepest nesting of arrays and objects in a record document (a record needs 3).
MAX_DEPTH = 16
#: Longest string (a value or an object key) in a record, in characters.
MAX_TEXT = 1_000
#: Longest string (a value or a table key) in a policy, in characters.
MAX_POLICY_TEXT = 10_000
#: Most holdings in one record.
MAX_HOLDINGS = 1_000
#: Most exam passes in one record (a career needs well under 100; 2,000 passes, each earning
#: again under every one of 62 holdings, took 2.2 s under the Cisco policy, issue 17).
MAX_EXAMS = 300
#: Most CE activities in one record.
MAX_ACTIVITIES = 10_000
#: Most years between a record's earliest date and the evaluation date (a career lasts well under
#: 80 years; a policy's validity is at most MAX_YEARS). Dates after the evaluation date are ignored.
MAX_SPAN_YEARS = 100
#: The latest year a record's date may be in (room for terms, cycles and windows to be added
#: without leaving ``datetime.date``'s range, which ends in 9999).
LAST_YEAR = 9000
#: Under a fixed-cycle policy, the earliest year a record's date may be in (room for cycle years,
#: windows and rollovers to be counted back).
FIRST_YEAR_FIXED = 1000
#: Under a ladder (Cisco) policy: the most work, in units, that the what-ifs filling ``awaiting``
#: (R-CE-3) may do, counted as they run (no clock: counts only, so the answer is the same on any
#: machine). A what-if replays the record from the day its claim arrives: each day it replays
#: costs ``WORK_PER_DAY`` units, plus one per certification of the replay, plus
#: ``WORK_PER_PASS`` per certification for each exam pass of that day; each copy of a replay
#: (one per day a pending claim arrives, one per what-if) costs ``WORK_PER_COPY`` units per
#: claim, certification and day left to replay. Calibrated on the costliest shapes measured
#: (about 1.0 to 1.3 microseconds per unit for what-ifs of 0.5 s and more: 62 holdings and 240
#: exam passes; 800 pending claims in 3 holdings; 1,200 claims on one day): 400,000 units are
#: about 0.5 s on top of the record's own replay. A real record (9 holdings, 83 activities, 20
#: pending claims) needs about 11,000. Lowered from 400,000 after a trial: with every Cisco
#: certification held, 300 exam passes and 560 activities (0.37 s for the record's own replay), a
#: unit cost 1.55 microseconds and two pending claims (355,000 units) took 1.09 s in all; at
#: 250,000 a second trial still saw refusals after 1.01 to 1.10 s of CPU on the loaded machine
#: (that record's own replay, not counted, takes 0.5 to 0.9 s): 150,000.
CE_WHATIF_WORK = 150_000
#: Units of a replayed day of a what-if (see ``CE_WHATIF_WORK``), besides one per certification.
WORK_PER_DAY = 6
#: Units of one exam pass of a replayed day, per certification of the replay (the earning search).
WORK_PER_PASS = 16
#: Units per claim, certification and day left to replay in a copy of a replay.
WORK_PER_COPY = 2
#: Units per claim and certification of a state a what-if compares with the record's own
#: replay's to stop early (``engine._whatif.Trail``; about 0.5 microseconds each, measured).
WORK_PER_STATE = 1
#: Most claims and certifications the record's own replay keeps in all, in the states what-ifs
#: compare theirs with to stop early (R-CE-3): beyond, later days are not kept and a what-if
#: reaching them runs to its end (the same answer, counted as its work). A pool of 900 small
#: approved claims, one a day, and one pending claim held 405,000 (0.9 s, issue 17). Lowered from
#: 50,000 after a trial: with every Cisco certification held, keeping them took 0.3 to 0.4 s
#: (about 7 microseconds an item), not counted as work; refusals took 1.0 to 1.1 s, now 0.64 to 0.71.
TRAIL_ITEMS = 10_000
#: ``recert plan`` decides the record again once per pending claim, with that claim approved
#: (without the what-ifs of ``awaiting``, which a plan does not read): at most this many units
#: of work for all of them, counted as ``CE_WHATIF_WORK`` counts, plus ``WORK_PER_RESULT`` per
#: activity and event of each decision (its result). Under a fixed-cycle policy (which
#: ``recert plan`` refuses; :func:`recert.plan` accepts) the count formula ``PLAN_BUDGET`` is kept.
PLAN_WORK = 120_000
#: Units of each activity and event of a plan's what-if decision (its outcome and explanation).
WORK_PER_RESULT = 3
#: ``recert.plan()`` under a fixed-cycle policy: at most this many (pending claims squared x
#: (activities + exam passes) x holdings).
PLAN_BUDGET = 25_000
#: Most CE credits of one activity, and of one ``ce_credits`` requirement of a policy.
MAX_CREDITS = 100_000
#: Most years of a policy's ``validity``, ``earning_window_years`` and ``suspension_years``.
MAX_YEARS = 100
#: Longest claim window of a policy, in days (100 years).
MAX_CLAIM_WINDOW_DAYS = 36_525
#: Largest other whole number of a policy (ranks, exam counts).
MAX_WHOLE = 1_000_000
#: Characters of a value a message quotes (longer ones are cut, saying how long they are).
SHOWN = 80

_CONTAINER_ITEMS = 8  # items of an array or object a message shows before "..."
_SHOWN_DEPTH = 3  # levels of nesting a message shows before "..."


def describe(value: object, *, limit: int = SHOWN) -> str:
    """A value as a message quotes it: strings quoted; dates as in TOML; at most *limit* characters.

    Safe on any input: nesting, size and lone surrogates do not matter (control
    characters and surrogates are escaped as ``repr`` does).
    """
    text = _shown(value, _SHOWN_DEPTH)
    if len(text) <= limit:
        return text
    if isinstance(value, str):
        size = f"{len(value)} characters"
    elif isinstance(value, int) and not isinstance(value, bool):
        size = f"{len(text) - (value < 0)} digits"
    else:
        size = "cut"
    return f"{text[: limit - 20]}... ({size})"


def _shown(value: object, depth: int) -> str:
    if isinstance(value, date | time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, str):
        return repr(value[: SHOWN * 2]) if len(value) > SHOWN * 2 else repr(value)
    if isinstance(value, Mapping | list | tuple):
        if depth == 0:
            return "{...}" if isinstance(value, Mapping) else "[...]"
        items = value.items() if isinstance(value, Mapping) else value
        parts = []
        for count, item in enumerate(items):
            if count == _CONTAINER_ITEMS:
                parts.append("...")
                break
            if isinstance(value, Mapping):
                key, inner = item
                parts.append(f"{_shown(key, 0)}: {_shown(inner, depth - 1)}")
            else:
                parts.append(_shown(item, depth - 1))
        inside = ", ".join(parts)
        return "{" + inside + "}" if isinstance(value, Mapping) else "[" + inside + "]"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**4000:
        return "an integer of over 4000 digits"  # beyond what int.__repr__ writes by default
    return repr(value)


def too_deep(data: object, limit: int = MAX_DEPTH) -> str | None:
    """The path of the first array or object nested deeper than *limit*, or ``None``.

    Iterative: any depth is safe.
    """
    stack: list[tuple[object, str, int]] = [(data, "", 1)]
    while stack:
        value, path, depth = stack.pop()
        if not isinstance(value, Mapping | list):
            continue
        if depth > limit:
            return path
        for key, inner in _children(value):
            if isinstance(inner, Mapping | list):
                stack.append((inner, _join(path, key), depth + 1))
    return None


def long_texts(data: object, limit: int = MAX_TEXT) -> Iterator[tuple[str, str, bool]]:
    """``(path, text, is_key)`` of every string (value or key) longer than *limit* characters.

    Looks no deeper than ``MAX_DEPTH`` levels (:func:`too_deep` reports what is deeper).
    """
    stack: list[tuple[object, str, int]] = [(data, "", 1)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            if len(value) > limit:
                yield path, value, False
            continue
        if not isinstance(value, Mapping | list) or depth > MAX_DEPTH:
            continue
        for key, inner in _children(value):
            if isinstance(key, str) and len(key) > limit:
                yield path, key, True
                continue
            stack.append((inner, _join(path, key), depth + 1))


def _children(value: Mapping[Any, Any] | list[Any]) -> Iterator[tuple[str | int, Any]]:
    if isinstance(value, Mapping):
        yield from value.items()
    else:
        yield from enumerate(value)


def field_path(path: str, key: str | int) -> str:
    """*path* and then *key*: ``[3]`` for an index, ``.name`` for a key.

    A key that is empty, longer than ``SHOWN`` characters, or holds controls or lone
    surrogates is quoted, escaped and cut as :func:`describe` shows a value.
    """
    if isinstance(key, int):
        return f"{path}[{key}]"
    if not key or len(key) > SHOWN or _UNSAFE.search(key):
        key = describe(key)
    return f"{path}.{key}" if path else key


_join = field_path


# --- echoed text -------------------------------------------------------------------------------

#: Longest line recert's command line writes in a text report or on standard error.
MAX_LINE = 2_000

# C0 and C1 controls, DEL, lone surrogates, and the bidirectional overrides that can make
# text read differently from what it is.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return (
        repr(char)[1:-1]
        if char not in "\u200e\u200f" and not "\u202a" <= char <= "\u2069"
        else f"\\u{ord(char):04x}"
    )


def printable(text: str, *, limit: int = MAX_LINE) -> str:
    """*text* safe to print on a terminal: controls and surrogates escaped, cut to *limit* characters."""
    if _UNSAFE.search(text):
        text = _UNSAFE.sub(_escape, text)
    if len(text) > limit:
        text = f"{text[: limit - 30]}... (cut: {len(text)} characters)"
    return text
