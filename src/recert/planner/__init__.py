"""The renewal planner: the least a person must do, and by when, to keep every certification.

:func:`plan` evaluates a record (:func:`recert.evaluate`) and reads the
result's structured gaps (``next[].options[]``) against the policy. A
*step* is one option of one certification met by a date (``by``); meeting
it renews that certification directly and, by cascade (R-CASC-1), every
active certification at its level and below whose deadline is not earlier
than ``by``. An exam-only step also renews a certification whose own
exam-only option the same exam meets (R-OPT-2). The planner picks the
cheapest set of steps that keeps every active certification it can renew:

1. fewest exams (or, with ``credits_per_exam``, the fewest credits with
   each exam counted as that many credits, then fewest exams);
2. then fewest CE credits;
3. then fewest steps;
4. then the latest dates: the earliest ``by`` as late as possible.

At most one step may use CE credits: meeting it resets the pool (R-CE-5),
so a second CE step could not count the same credits again. The options
are those of the policy version in force on the planning date; when a later
version starts before a deadline, steps are planned before that version
starts (D-VERSION-1).

Pending claims get a what-if (the record re-evaluated with the claim
approved, R-CE-3), and expired certifications the exams that earn them
again (R-DATE-2, spec section 7). The module is pure: no I/O, no clock.
"""
from __future__ import annotations

from recert.planner._model import Change, EarningPath, ExamNeed, PendingClaim, Plan, Regain, Remark, Step
from recert.planner._search import plan

__all__ = [
    "Change",
    "EarningPath",
    "ExamNeed",
    "PendingClaim",
    "Plan",
    "Regain",
    "Remark",
    "Step",
    "plan",
]
