"""The CompTIA renewal map (R-CT-6, D-CT-5): a higher certification earned or renewed on D aligns
the certifications its map names that are active on D to max(their latest end, its new end).

Never shortens, never revives, never touches a lifetime certification (it has no cycle).
"""

from __future__ import annotations

from datetime import date

from recert.core.cycles.counting import CycleRun
from recert.core.cycles.holding import HoldingRun
from recert.core.cycles.model import Program
from recert.core.policy import Certification
from recert.core.record import Holding

__all__ = ["align_map", "earned_alignment"]


def align_map(
    runs: dict[str, HoldingRun],
    earned_ends: dict[str, date],
    certs: list[tuple[Holding, Certification]],
    program: Program,
) -> None:
    """R-CT-6: each earning or renewal of X on D aligns the certifications of X's map active on D.

    All of them in date order (on one day highest first), each to max(the target's latest end,
    X's new end) (``HoldingRun.align``): an earning inside a first cycle not yet renewed was
    already applied before that cycle's activities counted (:func:`earned_alignment`) and changes
    nothing here. A renewal undone by an earlier alignment of X itself aligns nothing; one of a
    cycle an earlier alignment of X stretched passes on the end it gives from there. X's new
    end when earned is its own first end (*earned_ends*), not the one a later alignment gave it.
    """
    if program.cascade != "map":
        return
    moments: list[tuple[date, int, date, str, CycleRun | None]] = []
    for rank, (_, cert) in enumerate(certs):
        run = runs[cert.name]
        if not any(n in runs for n in program.renews.get(cert.name, ())):
            continue
        for i, c in enumerate(run.cycles):
            if i == 0 or c.earned_again:  # earned on its first day (D-FIXED-4)
                own = earned_ends.get(cert.name, c.end) if i == 0 else c.end
                moments.append((c.start, rank, own, cert.name, None))
            if c.renewed_on is not None:
                moments.append((c.renewed_on, rank, run.next_end_of(c), cert.name, c))
    for day, _, end, name, renewed in sorted(moments, key=lambda m: (m[0], m[1], m[2])):
        if renewed is not None:
            if renewed.renewed_on != day or not any(c is renewed for c in runs[name].cycles):
                continue
            end = runs[name].next_end_of(renewed)  # from the end an earlier alignment gave it
        for target in program.renews.get(name, ()):
            if target in runs and runs[target].cycles:
                runs[target].align(day, end, name)


def earned_alignment(
    runs: dict[str, HoldingRun],
    earned_ends: dict[str, date],
    name: str,
    program: Program,
    start: date,
    end: date,
    limit: date | None = None,
) -> tuple[date, list[tuple[date, str, date]]]:
    """R-CT-6 "earned on D": the first cycle [start, end] of *name* runs to the end of every
    higher certification whose map names it and that was earned on a day D of that cycle
    (with *limit*: only on a day D <= *limit*, the cycle's renewal day). The end of a higher
    certification is its own first end (*earned_ends*), before any alignment of its own.

    A certification is earned on its first cycle's first day, by exam passes or as a
    holding starting that day (D-FIXED-4): both give the same answer. Returns the end
    and the (day, certification, new end) of each alignment, in date order.
    """
    aligned: list[tuple[date, str, date]] = []
    if program.cascade != "map":
        return end, aligned
    earnings = sorted(
        (r.cycles[0].start, earned_ends.get(n, r.cycles[0].end), n)
        for n, r in runs.items()
        if r.cycles and name in program.renews.get(n, ())
    )
    for day, higher_end, higher in earnings:
        if start <= day <= end < higher_end and (limit is None or day <= limit):
            end = higher_end
            aligned.append((day, higher, end))
    return end, aligned
