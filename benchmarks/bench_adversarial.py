"""CPU time per record for adversarial inputs (issue 17): what a hostile or careless caller sends.

Each shape is a JSON text of about 100 KB (or less, as the issue found it), read
with :func:`recert.record_from_mapping` and, when the loader accepts it, decided
with :func:`recert.evaluate`. The figure is the process CPU time of reading plus
deciding one record (``time.process_time``; best of ``--repeats``), and what
happened: ``decided`` or ``refused`` with the error's first words. Not a timed
test: the target is "under 1 s on this machine" for every record under 100 KB.

Shapes:

- ``encor-daily``: ENCOR (350-401) passed every day for years, never a
  concentration: every day asks whether the passes earn CCNP Enterprise, CCIE
  Enterprise Infrastructure, CCIE Enterprise Wireless, ... (the earning search).
- ``encor-and-lab-daily``: ENCOR and a CCIE lab on alternate days, so that every
  earning rule can be filled in many ways.
- ``pending-claims``: 100 pending CE claims of 80 credits and 400 exam days (CCNA's
  200-301, or ENCOR) (the what-ifs of R-CE-3, one replay per pending claim).
- ``cisco ...``: the what-ifs of ``awaiting`` under the Cisco policy (R-CE-3), counted in units
  as they run (``CE_WHATIF_WORK``): career-sized records (9 or 12 holdings, 20 or 40 pending
  claims), claims that each would renew at the work limit and one over, up to 800 pending
  claims, every Cisco certification held (62) with up to 300 exam days.
- ``plan: ...``: ``recert plan`` (the record decided, then once per pending claim approved,
  ``PLAN_WORK``), on the same kinds of records.
- ``deep-nesting``: 50,000 nested arrays in a JSON text, and a record field holding
  a 400-deep list.
- ``huge-numbers``: credits of ``1e308`` twice, ``1e999`` (infinite), a 4,000-digit
  integer.
- ``long-strings``: a 95 KB key, and 90 activities with 1,000-character ids and items.
- ``fixed ...`` (issue 17 item 2 for ``isc2-cissp``, ``comptia``, ``pmi-pmp``,
  ``isaca-cisa``; ``awaiting`` asks what approving each pending claim would change,
  D-FIXED-7): ``pending N``: N pending claims of 0.5 credits every other day from
  2020-01-10 (as_of 2023-06-01); ``audit after renewal``: a renewed cycle, then 600
  claims in audit; ``each would renew``: approved credits one short of the
  renewal, then 600 pending claims of 1 credit that each complete it, decided inside
  the cycle and after its end; ``many activities``: 520 approved and 100 pending;
  ``holdings``: every certification of the policy held (ISC2 concentrations named by
  ``applies_to``, the CompTIA stack), 400 pending claims, and as many as the
  what-if budget lets through (``WHATIF_BUDGET``: what-ifs x facts x holdings);
  ``rollover window``: claims that each would renew, in the last months of the
  cycle (their what-ifs cannot be shared), as many as the budget lets through.

    python benchmarks/bench_adversarial.py [--days N] [--repeats N] [--only SHAPE]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from recert import RecertError, cisco_policy, evaluate, plan, record_from_mapping
from recert.core.policy import Policy
from recert.io.embedded import resolve_policy
from recert.io.records import _json

try:
    from recert.core.cycles.whatif import WHATIF_BUDGET
except ImportError:  # a checkout from before the budget (issue 17): measure it with the same shapes
    WHATIF_BUDGET = 15_000
try:
    from recert.core._limits import MAX_EXAMS
except ImportError:  # a checkout from before the limits: measure it with the same shapes
    MAX_EXAMS = 300

AS_OF = date(2026, 6, 1)
CCNA = {"certification": "CCNA", "earned_on": "2019-03-01"}


def _days(start: date, count: int, step: int = 1) -> list[str]:
    return [(start + timedelta(days=i * step)).isoformat() for i in range(count)]


def encor_daily(days: int) -> str:
    exams = [{"exam": "350-401", "passed_on": d} for d in _days(date(2019, 1, 1), days)]
    return json.dumps({"candidate": "encor-daily", "as_of": AS_OF.isoformat(), "holdings": [CCNA],
                       "exams": exams})


def encor_and_lab_daily(days: int) -> str:
    exams = [{"exam": "350-401" if i % 2 else "CCIE Enterprise Infrastructure lab", "passed_on": d}
             for i, d in enumerate(_days(date(2019, 1, 1), days))]
    return json.dumps({"candidate": "encor-lab", "as_of": AS_OF.isoformat(), "exams": exams})


def pending_claims(claims: int = 100, exam_days: int = 400, exam: str = "200-301") -> str:
    holdings = [{"certification": "CCNP Enterprise", "earned_on": "2019-06-01"}, CCNA]
    exams = [{"exam": exam, "passed_on": d} for d in _days(date(2019, 7, 1), exam_days, 5)]
    activities = [
        {"id": f"p{i}", "credits": 80, "completed_on": d, "claimed_on": d}
        for i, d in enumerate(_days(date(2019, 7, 2), claims, 19))
    ]
    return json.dumps({"candidate": "pending", "as_of": AS_OF.isoformat(), "holdings": holdings,
                       "exams": exams, "activities": activities})


def cisco_pending(holdings: int = 2, exam_days: int = 0, count: int = 100, step: int = 2, credits: float = 80) -> str:
    """*count* pending claims of *credits* every *step* days from 2019-07-02 (each would renew), the first
    *holdings* certifications of the Cisco policy held from 2019-06-01, ENCOR passed every 3 days."""
    names = [c.name for c in cisco_policy().certifications][:holdings]
    held = [{"certification": n, "earned_on": "2019-06-01"} for n in names]
    exams = [{"exam": "350-401", "passed_on": d} for d in _days(date(2019, 7, 1), exam_days, 3)]
    activities = [
        {"id": f"p{i}", "credits": credits, "completed_on": d, "claimed_on": d}
        for i, d in enumerate(_days(date(2019, 7, 2), count, step))
    ]
    return json.dumps({"candidate": "pending", "as_of": AS_OF.isoformat(), "holdings": held,
                       "exams": exams, "activities": activities})


def each_renews(count: int) -> str:
    """CCNA from 2024-01-10, *count* pending claims of 30 CE credits on consecutive days from 2024-02-01,
    as_of 2025-06-01: each alone would renew CCNA (the what-ifs' work is 9.5 x count x (count + 1) units:
    204 is the most decided, tests/core/test_whatif_work.py)."""
    activities = [{"id": f"p{i:03}", "credits": 30, "completed_on": d, "claimed_on": d}
                  for i, d in enumerate(_days(date(2024, 2, 1), count))]
    return json.dumps({"as_of": "2025-06-01", "holdings": [{"certification": "CCNA", "earned_on": "2024-01-10"}],
                       "activities": activities})


def one_credit_each(count: int) -> str:
    """As :func:`each_renews` with claims of 1 CE credit: a plan's decisions count count x (10 count + 9)
    units (109 is the most planned)."""
    return each_renews(count).replace('"credits": 30', '"credits": 1')


def pooled(approved: int = 900, pending: int = 1, repeat_items: bool = False) -> str:
    """CCNA from 2023-01-01, *approved* claims of 0.01 CE credits one a day from 2023-01-03 (a pool that
    grows every day), *pending* claims of 1 credit (0.01 with *repeat_items*, each naming the item of an
    approved one: D-DUP-1 keeps their what-ifs) arriving 2023-01-02 (the states kept for early stops)."""
    acts: list[dict[str, Any]] = [
        {"id": f"a{i}", "credits": 0.01, "completed_on": d, "claimed_on": d, "status": "approved"}
        for i, d in enumerate(_days(date(2023, 1, 3), approved))
    ]
    for k in range(pending):
        claim = {"id": f"p{k}", "credits": 0.01 if repeat_items else 1, "completed_on": "2023-01-02",
                 "claimed_on": "2023-01-02"}
        if repeat_items:
            claim["item"] = f"a{k * 7 % approved}"
        acts.append(claim)
    return json.dumps({"as_of": "2025-12-15", "holdings": [{"certification": "CCNA", "earned_on": "2023-01-01"}],
                       "activities": acts})


REAL_NAMES = ["CCNA", "CCNP Enterprise", "CCNP Security", "CCIE Enterprise Infrastructure", "CCNP Data Center",
              "CCNP Collaboration", "CCNP Service Provider", "CyberOps Associate", "DevNet Associate",
              "CCNP Data Center", "DevNet Professional", "CCNP Collaboration"]


def real_sized(pending: int = 20, approved: int = 63, holdings: int = 9, exams: int = 0) -> str:
    """A career-sized record: *holdings* held since 2019 to 2022, an activity every 29 days from 2019-02-01
    (8 to 40 CE credits, claimed 3 days later), the last *pending* of them pending."""
    names = list(dict.fromkeys(REAL_NAMES))[:holdings]
    names += [c.name for c in cisco_policy().certifications if c.name not in names][: holdings - len(names)]
    held = [{"certification": n, "earned_on": f"{2019 + i % 4}-{1 + i % 9:02}-15"} for i, n in enumerate(names)]
    start = date(2019, 2, 1)
    acts = []
    for i in range(approved + pending):
        d = start + timedelta(days=29 * i)
        acts.append({"id": f"a{i}", "credits": (8, 16, 24, 40)[i % 4], "completed_on": d.isoformat(),
                     "claimed_on": (d + timedelta(days=3)).isoformat(),
                     "status": "approved" if i < approved else "pending"})
    passes = [{"exam": "350-401", "passed_on": (start + timedelta(days=97 * i)).isoformat()} for i in range(exams)]
    return json.dumps({"candidate": "real", "as_of": AS_OF.isoformat(), "holdings": held, "activities": acts,
                       "exams": passes})


def cisco_pending_over(claims: int = 1200) -> str:
    """The trial's c_pend1200: 1,200 pending claims of 80 credits every other day, CCNP and CCNA."""
    held = [{"certification": "CCNP Enterprise", "earned_on": "2019-06-01"}, CCNA]
    activities = [
        {"id": f"p{i}", "credits": 80, "completed_on": d, "claimed_on": d}
        for i, d in enumerate(_days(date(2019, 7, 2), claims, 2))
    ]
    return json.dumps({"as_of": AS_OF.isoformat(), "holdings": held, "activities": activities})


def all_holdings_exams(exam_days: int = MAX_EXAMS, policy: str = "cisco-ce", exam: str = "350-401") -> str:
    """Every certification of the policy held, and an exam passed every day (at most MAX_EXAMS)."""
    names = [c.name for c in resolve_policy(policy).certifications]
    held = [{"certification": n, "earned_on": "2019-06-01", "fees_paid_through": "2030-01-01"} for n in names]
    exams = [{"exam": exam, "passed_on": d} for d in _days(date(2019, 7, 1), exam_days)]
    return json.dumps({"candidate": "exams", "as_of": AS_OF.isoformat(), "holdings": held, "exams": exams})


def millennia() -> str:
    """The trial's c_ccna_pending_millennia: a holding from the year 1 (beyond the span of 100 years)."""
    acts = [{"id": f"a{i}", "credits": 1, "completed_on": f"{1 + i:04d}-02-01", "claimed_on": f"{1 + i:04d}-02-01"}
            for i in range(1000)]
    return json.dumps({"as_of": "1950-06-01", "holdings": [{"certification": "CCNA", "earned_on": "0001-01-10"}],
                       "activities": acts})


def deep_array() -> str:
    return "[" * 50_000 + "]" * 50_000


def deep_field() -> str:
    deep: Any = "CCNA"
    for _ in range(400):
        deep = [deep]
    return json.dumps({"as_of": AS_OF.isoformat(), "holdings": [{"certification": deep,
                                                                  "earned_on": "2020-01-01"}]})


def huge_credits() -> str:
    activities = [{"id": f"a{i}", "credits": 1e308, "completed_on": "2024-01-02", "claimed_on": "2024-01-02",
                   "status": "approved"} for i in range(2)]
    return json.dumps({"as_of": AS_OF.isoformat(), "holdings": [CCNA], "activities": activities})


def infinite_credits() -> str:
    return huge_credits().replace("1e+308", "1e999")


def long_integer() -> str:
    return huge_credits().replace("1e+308", "9" * 4000)


def long_key() -> str:
    return json.dumps({"k" * 95_000: 1, "as_of": AS_OF.isoformat()})


def long_ids() -> str:
    activities = [{"id": f"{i:04d}" + "i" * 996, "item": "x" * 1000, "credits": 1,
                   "completed_on": "2024-01-02", "claimed_on": "2024-01-03"} for i in range(45)]
    return json.dumps({"as_of": AS_OF.isoformat(), "holdings": [CCNA], "activities": activities})


# --- fixed-cycle policies (issue 17 item 2) ---------------------------------------------------------

# policy id -> (holding, the category of the pending claims, approved credits one short of renewing:
# (category, credits[, day]))
FIXED: dict[str, tuple[str, str, list[tuple[Any, ...]]]] = {
    "isc2-cissp": ("CISSP", "group_a", [("group_a", 89), ("group_b", 30)]),
    "comptia": ("CompTIA Security+", "training", [("training", 49)]),
    "pmi-pmp": (
        "PMP",
        "education_business_acumen",
        [("education_ways_of_working", 8), ("education_power_skills", 8), ("education_business_acumen", 18),
         ("giving_back_other", 25)],
    ),
    # 120 hours and 20 in each calendar year (R-ISACA-2): 59 in 2020, 20 in 2021, 40 in 2022
    "isaca-cisa": ("CISA", "cpe", [("cpe", 59), ("cpe", 20, "2021-02-01"), ("cpe", 40, "2022-02-01")]),
}


def _fixed(policy: str, activities: list[dict[str, Any]], as_of: str = "2023-06-01",
           holdings: list[dict[str, Any]] | None = None) -> str:
    holding = {"certification": FIXED[policy][0], "earned_on": "2020-01-01", "fees_paid_through": "2030-01-01"}
    return json.dumps({"candidate": f"fixed-{policy}", "as_of": as_of, "holdings": holdings or [holding],
                       "activities": activities})


def _claims(policy: str, count: int, start: date, step: int, credits: float, status: str = "pending",
            prefix: str = "p", applies_to: list[str] | None = None) -> list[dict[str, Any]]:
    out = []
    for i, d in enumerate(_days(start, count, step)):
        a: dict[str, Any] = {"id": f"{prefix}{i}", "credits": credits, "completed_on": d, "claimed_on": d,
                             "status": status, "category": FIXED[policy][1]}
        if applies_to:
            a["applies_to"] = applies_to[i % len(applies_to)]
        out.append(a)
    return out


def _short_by_one(policy: str, day: str = "2020-02-01") -> list[dict[str, Any]]:
    return [{"id": f"s{i}", "credits": c, "completed_on": on[0] if on else day, "claimed_on": on[0] if on else day,
             "status": "approved", "category": cat} for i, (cat, c, *on) in enumerate(FIXED[policy][2])]


def fixed_pending(policy: str, count: int) -> str:
    return _fixed(policy, _claims(policy, count, date(2020, 1, 10), 2, 0.5))


def fixed_audit_after_renewal(policy: str) -> str:
    renewed = [*_short_by_one(policy), {"id": "r", "credits": 5, "completed_on": "2020-02-02",
                                        "claimed_on": "2020-02-02", "status": "approved",
                                        "category": FIXED[policy][1]}]
    return _fixed(policy, renewed + _claims(policy, 600, date(2020, 3, 1), 1, 1, status="audit"))


def fixed_each_would_renew(policy: str, as_of: str, start: date = date(2020, 3, 1), count: int = 600) -> str:
    return _fixed(policy, _short_by_one(policy) + _claims(policy, count, start, 1, 1), as_of)


def _at_limit(policy: str, holdings: int) -> int:
    """The most pending claims whose what-ifs the budget lets through with *holdings* holdings."""
    facts = len(FIXED[policy][2])
    count = 1
    while (count + 1) * (count + 1 + facts) * holdings <= WHATIF_BUDGET:
        count += 1
    return count


def fixed_many_activities(policy: str) -> str:
    approved = _claims(policy, 520, date(2020, 1, 2), 1, 0.01, status="approved", prefix="a")
    return _fixed(policy, approved + _claims(policy, 100, date(2020, 1, 3), 9, 0.5))


def fixed_holdings(policy: str, count: int = 400) -> str:
    names = [c.name for c in resolve_policy(policy).certifications]
    holdings = [{"certification": n, "earned_on": "2020-01-01", "fees_paid_through": "2030-01-01"} for n in names]
    follows = [[n] for n in names if n.startswith("CISSP-")] or None
    return _fixed(policy, _short_by_one(policy) + _claims(policy, count, date(2020, 3, 1), 2, 1, applies_to=follows),
                  holdings=holdings)


_EXAM = {"isc2-cissp": "CISSP", "comptia": "SY0-701", "pmi-pmp": "PMP", "isaca-cisa": "CISA"}


def fixed_chain(policy: str) -> str:
    """Cycles renewed every 3 years over the 100 years allowed (trial 3's chains), then pending claims
    in the last cycle, as many as the what-if budget lets through."""
    renewed: list[dict[str, Any]] = []
    for k, start in enumerate(range(1927, 2023, 3)):
        for i, (cat, credits, *_) in enumerate(FIXED[policy][2]):
            day = f"{start}-02-01"
            renewed.append({"id": f"r{k}_{i}", "credits": credits + 1, "completed_on": day, "claimed_on": day,
                            "status": "approved", "category": cat})
    count = 1
    while (count + 1) * (count + 1 + len(renewed)) <= WHATIF_BUDGET:
        count += 1
    holding = {"certification": FIXED[policy][0], "earned_on": "1926-01-01", "fees_paid_through": "2100-01-01"}
    return json.dumps({"candidate": f"chain-{policy}", "as_of": "2025-06-01", "holdings": [holding],
                       "activities": renewed + _claims(policy, count, date(2024, 2, 1), 1, 1)})


def fixed_shapes() -> list[tuple[str, str, Callable[[], str]]]:
    shapes: list[tuple[str, str, Callable[[], str]]] = []
    for p in FIXED:
        shapes += [
            (f"fixed {p}: pending 100", p, lambda p=p: fixed_pending(p, 100)),  # type: ignore[misc]
            (f"fixed {p}: pending 200", p, lambda p=p: fixed_pending(p, 200)),  # type: ignore[misc]
            (f"fixed {p}: pending 600", p, lambda p=p: fixed_pending(p, 600)),  # type: ignore[misc]
            (f"fixed {p}: audit 600 after renewal", p, lambda p=p: fixed_audit_after_renewal(p)),  # type: ignore[misc]
            (f"fixed {p}: each would renew, in cycle", p,
             lambda p=p: fixed_each_would_renew(p, "2022-06-01")),  # type: ignore[misc]
            (f"fixed {p}: each would renew, after end", p,
             lambda p=p: fixed_each_would_renew(p, "2023-06-01")),  # type: ignore[misc]
            (f"fixed {p}: many activities", p, lambda p=p: fixed_many_activities(p)),  # type: ignore[misc]
            (f"fixed {p}: all holdings, 400 pending", p, lambda p=p: fixed_holdings(p)),  # type: ignore[misc]
            (f"fixed {p}: all holdings, at the what-if limit", p,
             lambda p=p: fixed_holdings(p, _at_limit(p, len(resolve_policy(p).certifications)))),  # type: ignore[misc]
            (f"fixed {p}: all holdings, 300 exam days (MAX_EXAMS)", p,
             lambda p=p: all_holdings_exams(MAX_EXAMS, p, _EXAM[p])),  # type: ignore[misc]
            (f"fixed {p}: 33 cycles in 100 years, at the limit", p, lambda p=p: fixed_chain(p)),  # type: ignore[misc]
            (f"fixed {p}: each would renew, rollover window", p,
             lambda p=p: fixed_each_would_renew(p, "2023-06-01", date(2022, 7, 2), _at_limit(p, 1))),  # type: ignore[misc]
        ]
    return shapes


def decide(text: str, policy: Policy | None = None) -> str:
    """Read and decide one record: ``decided`` or ``refused: ...``."""
    try:
        record = record_from_mapping(_json(text), policy=policy or cisco_policy())
        result = evaluate(record, as_of=record.as_of or AS_OF, policy=policy or cisco_policy())
    except (RecertError, ValueError) as error:  # ValueError: _json's "not valid JSON"
        return _refused(error)
    return f"decided ({len(result.activities)} activities, {len(result.events)} events)"


def make_plan(text: str) -> str:
    """Read, decide and plan one record (``recert plan``): ``planned`` or ``refused: ...``."""
    try:
        record = record_from_mapping(_json(text), policy=cisco_policy())
        result = plan(record, as_of=record.as_of or AS_OF, policy=cisco_policy())
    except (RecertError, ValueError) as error:
        return _refused(error)
    return f"planned ({len(result.pending)} pending claims)"


def _refused(error: Exception) -> str:
    first = str(error).splitlines()[0]
    return "refused: " + (first[:70] + "..." if len(first) > 70 else first)


def cpu(function: Callable[[], str], repeats: int) -> tuple[float, str]:
    best = float("inf")
    outcome = ""
    for _ in range(repeats):
        start = time.process_time()
        outcome = function()
        best = min(best, time.process_time() - start)
    return best, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=1970,
                        help="days of ENCOR passes (default 1970: about 95 KB of JSON; the ENCOR-and-lab "
                             "shape takes 0.72 as many, for the same size)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", help="run only the shapes whose name contains this")
    args = parser.parse_args()
    cisco_policy()  # read once, outside the figures
    shapes: list[tuple[str, Callable[[], str]]] = [
        ("encor-daily", lambda: encor_daily(args.days)),
        ("encor-and-lab-daily", lambda: encor_and_lab_daily(args.days * 72 // 100)),
        ("pending-claims (100 claims, 400 CCNA exam days)", pending_claims),
        ("pending-claims (100 claims, 400 ENCOR exam days)", lambda: pending_claims(exam="350-401")),
        ("cisco real-sized: 9 holdings, 63 + 20 pending", real_sized),
        ("cisco real-sized: 12 holdings, 60 + 40 pending", lambda: real_sized(40, 60, 12)),
        ("cisco 204 claims that each renew (work limit)", lambda: each_renews(204)),
        ("cisco 205 claims that each renew (over)", lambda: each_renews(205)),
        ("cisco 150 pending, 2 holdings (trial c_pend150)", lambda: cisco_pending(2, 0, 150)),
        ("cisco 300 pending, 2 holdings, 300 exam days", lambda: cisco_pending(2, 300, 300, 7)),
        ("cisco 50 pending, 8 holdings, 300 exam days", lambda: cisco_pending(8, 300, 50, 5)),
        ("cisco 50 pending, 20 holdings, 100 exam days", lambda: cisco_pending(20, 100, 50, 9)),
        ("cisco 800 pending, 3 holdings", lambda: cisco_pending(3, 0, 800, 3)),
        ("cisco 40 pending, 62 holdings", lambda: cisco_pending(62, 0, 40)),
        ("cisco 100 pending, 62 holdings", lambda: cisco_pending(62, 0, 100)),
        ("cisco 1 pending, 62 holdings, 300 exam days", lambda: cisco_pending(62, 300, 1)),
        ("cisco 2 pending, 62 holdings, 240 exam days", lambda: cisco_pending(62, 240, 2)),
        ("cisco 3 pending, 62 holdings, 300 exam days", lambda: cisco_pending(62, 300, 3)),
        ("cisco 1 pending, 880 small claims pooled", lambda: pooled(880)),
        ("cisco 5 pending repeating items, 800 pooled", lambda: pooled(800, 5, True)),
        ("cisco 30 pending repeating items, 850 pooled", lambda: pooled(850, 30, True)),
        ("cisco 1,200 pending claims (trial c_pend1200)", cisco_pending_over),
        ("cisco all holdings, 300 ENCOR days (MAX_EXAMS)", all_holdings_exams),
        ("cisco all holdings, 2,000 ENCOR days", lambda: all_holdings_exams(2000)),
        ("cisco 1,000 activities over millennia", millennia),
        ("deep-nesting: 50,000 nested arrays", deep_array),
        ("deep-nesting: a 400-deep list in a field", deep_field),
        ("huge-numbers: 1e308 credits twice", huge_credits),
        ("huge-numbers: 1e999 credits", infinite_credits),
        ("huge-numbers: a 4,000-digit integer", long_integer),
        ("long-strings: a 95 KB key", long_key),
        ("long-strings: 45 activities, 1,000-character ids", long_ids),
    ]
    # recert plan: the record decided, then decided again once per pending claim approved.
    plans: list[tuple[str, Callable[[], str]]] = [
        ("plan: real-sized, 9 holdings, 63 + 20 pending", real_sized),
        ("plan: real-sized, 9 holdings, 20 pending, 7 exams", lambda: real_sized(exams=7)),
        ("plan: real-sized, 12 holdings, 60 + 40 pending", lambda: real_sized(40, 60, 12)),
        ("plan: 25 pending, 62 holdings", lambda: cisco_pending(62, 0, 25)),
        ("plan: 50 pending, 8 holdings, 300 exam days", lambda: cisco_pending(8, 300, 50, 5)),
        ("plan: 50 pending, 2 holdings, 300 exam days", lambda: cisco_pending(2, 300, 50, 7)),
        ("plan: 109 claims of 1 credit (work limit)", lambda: one_credit_each(109)),
        ("plan: 110 claims of 1 credit (over)", lambda: one_credit_each(110)),
        ("plan: 1 pending, 62 holdings, 300 exam days", lambda: cisco_pending(62, 300, 1)),
        ("plan: 100 pending, 2 holdings, 300 CCNA exam days", lambda: pending_claims(100, 300)),
    ]
    print(f"{'shape':50} {'KB':>6} {'CPU s':>8}  outcome")
    every = [(name, "cisco-ce", make) for name, make in shapes] + fixed_shapes()
    for name, policy_id, make in every:
        if args.only and args.only not in name:
            continue
        text = make()
        policy = resolve_policy(policy_id)
        seconds, outcome = cpu(lambda text=text, policy=policy: decide(text, policy), args.repeats)  # type: ignore[misc]
        print(f"{name:50} {len(text.encode()) / 1000:6.1f} {seconds:8.3f}  {outcome}")
    for name, make in plans:
        if args.only and args.only not in name:
            continue
        text = make()
        seconds, outcome = cpu(lambda text=text: make_plan(text), args.repeats)  # type: ignore[misc]
        print(f"{name:50} {len(text.encode()) / 1000:6.1f} {seconds:8.3f}  {outcome}")


if __name__ == "__main__":
    main()
