"""Hypothesis strategies for recert's value objects: dates, terms, records and whole policies.

Every strategy that draws names (certifications, exams, categories) takes the
policy as a parameter, so the records it builds are consistent with that
policy's catalog and exam kinds. The strategies are written out by hand:
Hypothesis does not read attrs validators, and a record that merely type-checks
(a claim before its completion, two activities with one id) would be rejected
by :class:`~recert.core.record.Record` anyway.

Importing this module registers a strategy for :class:`~recert.core.record.Record`
(records of the embedded Cisco policy), so ``st.from_type(Record)`` works.

Example:
    >>> from hypothesis import given
    >>> from recert import cisco_policy
    >>> from recert.testing import strategies as rst
    >>> @given(rst.cases(cisco_policy()))
    ... def test_something(case):
    ...     ...
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from recert.core.policy import Policy
from recert.core.record import Activity, ClaimStatus, ExamPass, Holding, Record
from recert.io.policy_toml import cisco_policy
from recert.testing import _terms
from recert.testing._policies import policies, policy_mappings

__all__ = [
    "Case",
    "Term",
    "activities",
    "cases",
    "dates",
    "exam_passes",
    "expiration",
    "holdings",
    "policies",
    "policy_cases",
    "policy_mappings",
    "records",
    "terms",
]

#: Default span of generated dates (inclusive): wide enough for two or three
#: terms of three years around today, and containing three 29 Februaries.
MIN_DATE = date(2018, 1, 1)
MAX_DATE = date(2032, 12, 31)

# Dates where calendar arithmetic is easy to get wrong (D-DATE-1): leap days,
# month ends, the first of a year.
_TRICKY = (
    date(2020, 2, 29),
    date(2024, 2, 29),
    date(2028, 2, 29),
    date(2021, 2, 28),
    date(2023, 12, 31),
    date(2025, 1, 1),
)

# CE credit amounts people actually see (training items carry 4 to 64, R-CE-6),
# plus a fraction and amounts that hit the Cisco requirements exactly.
_CREDITS = (1, 2.5, 4, 8, 10, 12.5, 16, 20, 24, 30, 32, 40, 64, 80)

# Approved claims are drawn most often: they are the ones that count.
_CLAIM_STATES = ("unclaimed", "pending", "approved", "approved", "approved", "approved_later",
                 "rejected")


@attrs.frozen
class Term:
    """A term of a certification: its start and expiration date (inclusive, R-VAL-1).

    Attributes:
        certification: The certification's canonical name.
        started_on: First day of the term.
        expires_on: Last day of the term; ``None`` for a lifetime term.
    """

    certification: str
    started_on: date
    expires_on: date | None


@attrs.frozen
class Case:
    """A record and the date it is evaluated on.

    Attributes:
        record: The record (its own ``as_of`` is left empty).
        as_of: The evaluation date.
    """

    record: Record
    as_of: date


def dates(min_value: date = MIN_DATE, max_value: date = MAX_DATE) -> st.SearchStrategy[date]:
    """Dates in ``[min_value, max_value]``, with leap days and month ends drawn often.

    Args:
        min_value: Earliest date.
        max_value: Latest date.

    Returns:
        A strategy of :class:`datetime.date`.
    """
    tricky = [d for d in _TRICKY if min_value <= d <= max_value]
    plain = st.dates(min_value=min_value, max_value=max_value)
    if not tricky:
        return plain
    # One draw in four is a tricky date.
    return st.one_of(plain, plain, plain, st.sampled_from(tricky))


def expiration(policy: Policy, certification: str, start: date) -> date | None:
    """The expiration date of a term of *certification* starting on *start*.

    Uses the certification's own validity, else its level's, the entry in
    force on *start* (R-VAL-1, D-DATE-1: ``2024-02-29`` + 3 years =
    ``2027-02-28``).

    Args:
        policy: The policy.
        certification: A catalog name or alias.
        start: The term's first day.

    Returns:
        The expiration date, or ``None`` for a lifetime term.

    Raises:
        KeyError: The catalog has no such certification.
    """
    cert = policy.certification(certification)
    if cert is None:
        raise KeyError(certification)
    return _terms.expiration(policy, cert.name, cert.level, start)


@st.composite
def terms(
    draw: st.DrawFn,
    policy: Policy,
    certification: str | None = None,
    *,
    min_value: date = MIN_DATE,
    max_value: date = MAX_DATE,
) -> Term:
    """A term of a catalog certification, its length from the policy's validity.

    Args:
        draw: Supplied by Hypothesis.
        policy: The policy whose catalog and validities are used.
        certification: A catalog name; drawn from the catalog when ``None``.
        min_value: Earliest term start.
        max_value: Latest term start.

    Returns:
        A :class:`Term`.
    """
    if certification is None:
        cert = draw(st.sampled_from(policy.certifications))
    else:
        found = policy.certification(certification)
        if found is None:
            raise KeyError(certification)
        cert = found
    start = draw(dates(min_value, max_value))
    return Term(cert.name, start, _terms.expiration(policy, cert.name, cert.level, start))


@st.composite
def holdings(
    draw: st.DrawFn,
    policy: Policy,
    certification: str | None = None,
    *,
    min_value: date = MIN_DATE,
    max_value: date = MAX_DATE,
    given_expiration: bool | None = None,
    retired: bool | None = None,
) -> Holding:
    """A holding of a catalog certification.

    Args:
        draw: Supplied by Hypothesis.
        policy: The policy whose catalog is used.
        certification: A catalog name; drawn when ``None``.
        min_value: Earliest term start (``earned_on``).
        max_value: Latest term start.
        given_expiration: ``True``: always give ``expires_on`` (the
            computed expiration or a later one, a one-off extension);
            ``False``: never; ``None``: sometimes.
        retired: ``True``: always give ``retired_on``; ``False``: never;
            ``None``: rarely.

    Returns:
        A :class:`~recert.core.record.Holding` whose name is the canonical name
        or one of its aliases.
    """
    term = draw(terms(policy, certification, min_value=min_value, max_value=max_value))
    cert = policy.certification(term.certification)
    assert cert is not None
    name = draw(st.sampled_from((cert.name, *cert.aliases)))
    give = draw(st.booleans()) if given_expiration is None else given_expiration
    expires_on = None
    if give and term.expires_on is not None:
        # The computed expiration, or a one-off extension of it.
        extension = draw(st.sampled_from((0, 0, 1, 30, 365)))
        expires_on = term.expires_on + timedelta(days=extension)
    retire = draw(st.integers(0, 9).map(lambda n: n == 0)) if retired is None else retired
    retired_on = None
    if retire:
        retired_on = draw(dates(term.started_on, term.started_on + relativedelta(years=4)))
    fees = None
    if policy.program is not None and policy.program.fixed and draw(st.booleans()):
        # Fixed-cycle programs read fees_paid_through (R-FC-9): sometimes short of the cycle end.
        fees = term.started_on + relativedelta(years=draw(st.integers(0, 7)), days=draw(st.sampled_from((-1, 0, 1))))
    return Holding(name, term.started_on, expires_on=expires_on, retired_on=retired_on, fees_paid_through=fees)


@st.composite
def exam_passes(
    draw: st.DrawFn,
    policy: Policy,
    *,
    min_value: date = MIN_DATE,
    max_value: date = MAX_DATE,
    kinds: Sequence[str] | None = None,
) -> ExamPass:
    """A pass of a catalog exam, named by its code, acronym or "code acronym".

    Args:
        draw: Supplied by Hypothesis.
        policy: The policy whose exam catalog is used.
        min_value: Earliest pass date.
        max_value: Latest pass date.
        kinds: Only exams of these kinds (default: every kind).

    Returns:
        An :class:`~recert.core.record.ExamPass`.
    """
    exams = [e for e in policy.exams if kinds is None or e.kind in kinds]
    exam = draw(st.sampled_from(exams))
    names = [exam.code] + ([exam.acronym, f"{exam.code} {exam.acronym}"] if exam.acronym else [])
    return ExamPass(draw(st.sampled_from(names)), draw(dates(min_value, max_value)))


@st.composite
def activities(
    draw: st.DrawFn,
    policy: Policy,
    activity_id: str = "a1",
    *,
    min_value: date = MIN_DATE,
    max_value: date = MAX_DATE,
    items: Sequence[str] = ("item-1", "item-2", "item-3", "item-4"),
    states: Sequence[str] = _CLAIM_STATES,
) -> Activity:
    """A CE activity with a claim in any state.

    The claim states are ``unclaimed``, ``pending``, ``approved`` (decision
    known on the claim date), ``approved_later`` (an explicit ``decided_on``)
    and ``rejected``. Claims are made from the completion date up to the
    policy's claim window plus 60 days, so some are late (R-CE-2).

    Args:
        draw: Supplied by Hypothesis.
        policy: The policy whose categories and claim window are used.
        activity_id: The activity's id.
        min_value: Earliest completion date.
        max_value: Latest completion date.
        items: Catalog items drawn from; a short list makes repeated items
            (the once-per-term rule, R-CE-1, D-DUP-1) common.
        states: The claim states drawn from.

    Returns:
        An :class:`~recert.core.record.Activity`.
    """
    completed = draw(dates(min_value, max_value))
    credits = draw(st.sampled_from(_CREDITS))
    category = draw(st.sampled_from([c.name for c in policy.categories]))
    item = draw(st.sampled_from(items))
    state = draw(st.sampled_from(states))
    if state == "unclaimed":
        return Activity(activity_id, credits, completed, item=item, category=category)
    window = policy.parameters.claim_window_days
    lag = draw(st.one_of(st.integers(0, window + 60), st.sampled_from((0, window, window + 1))))
    claimed = completed + timedelta(days=lag)
    fixed = policy.program is not None and policy.program.fixed
    applies_to = None
    if fixed and draw(st.integers(0, 3)) == 0:  # programs.md section 6: applies_to, status audit
        names = [c.name for c in policy.certifications]
        applies_to = tuple(draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True)))
    if state == "pending":
        audit: ClaimStatus | None = "audit" if fixed and draw(st.booleans()) else None
        return Activity(activity_id, credits, completed, item=item, category=category,
                        claimed_on=claimed, status=audit, applies_to=applies_to)
    decided = None
    if state == "approved_later" or draw(st.booleans()):
        decided = claimed + timedelta(days=draw(st.integers(0, 120)))
    status: ClaimStatus = "rejected" if state == "rejected" else "approved"
    return Activity(activity_id, credits, completed, item=item, category=category,
                    claimed_on=claimed, status=status, decided_on=decided, applies_to=applies_to)


@st.composite
def records(
    draw: st.DrawFn,
    policy: Policy,
    *,
    min_value: date = MIN_DATE,
    max_value: date = MAX_DATE,
    max_holdings: int = 4,
    max_exams: int = 5,
    max_activities: int = 8,
    given_expirations: bool | None = None,
    retired: bool | None = None,
) -> Record:
    """A whole record consistent with *policy*: catalog names, exam kinds, categories.

    Holdings name distinct certifications; exam passes are distinct
    (exam, date) pairs; activity ids are unique (``a0``, ``a1``, ...). Dates
    cluster in a window of about seven years so that terms, passes and
    activities overlap and recertifications, cascades and resets happen.

    Args:
        draw: Supplied by Hypothesis.
        policy: The policy the record is written for.
        min_value: Earliest date of any fact.
        max_value: Latest date of any fact.
        max_holdings: At most this many holdings.
        max_exams: At most this many exam passes.
        max_activities: At most this many activities.
        given_expirations: Passed to :func:`holdings` (``False``: no
            holding gives ``expires_on``).
        retired: Passed to :func:`holdings`.

    Returns:
        A :class:`~recert.core.record.Record` with ``as_of`` empty.
    """
    lo = draw(dates(min_value, max(min_value, max_value - relativedelta(years=7))))
    hi = min(max_value, lo + relativedelta(years=7))
    names = draw(st.lists(st.sampled_from([c.name for c in policy.certifications]),
                          max_size=max_holdings, unique=True))
    held = [
        draw(holdings(policy, name, min_value=lo, max_value=max(lo, hi - relativedelta(years=2)),
                      given_expiration=given_expirations, retired=retired))
        for name in names
    ]
    passes = draw(st.lists(exam_passes(policy, min_value=lo, max_value=hi),
                           max_size=max_exams if policy.exams else 0,
                           unique_by=lambda p: (_exam_code(policy, p.exam), p.passed_on)))
    count = draw(st.integers(0, max_activities))
    # Half the activities fall in the first three years of a held term, where
    # they can count (and repeat an item, R-CE-1); the rest anywhere.
    spans = [(lo, hi)] + [(h.earned_on, min(hi, h.earned_on + relativedelta(years=3)))
                          for h in held]
    acts = []
    for i in range(count):
        start, end = draw(st.sampled_from(spans)) if draw(st.booleans()) else (lo, hi)
        acts.append(draw(activities(policy, f"a{i}", min_value=start, max_value=max(start, end))))
    return Record(holdings=held, exams=passes, activities=acts)


def _exam_code(policy: Policy, name: str) -> str:
    exam = policy.exam(name)
    return exam.code if exam is not None else name


def _facts_dates(record: Record) -> list[date]:
    out: list[date] = [h.earned_on for h in record.holdings]
    out += [e.passed_on for e in record.exams]
    for a in record.activities:
        out += [d for d in (a.completed_on, a.claimed_on, a.decided_on) if d is not None]
    return out


@st.composite
def cases(draw: st.DrawFn, /, policy: Policy, **record_options: Any) -> Case:
    """A record of *policy* and an evaluation date: near one of its facts, after all of them, or any day.

    Evaluating on a fact's date (or the day before or after it) hits the
    boundaries the rules care about (inclusive expirations, D-TERM-1);
    evaluating after every fact sees every claim decided.

    Args:
        draw: Supplied by Hypothesis.
        policy: The policy the record is written for.
        **record_options: Passed to :func:`records`.

    Returns:
        A :class:`Case`.
    """
    record = draw(records(policy, **record_options))
    around = _facts_dates(record)
    how = draw(st.sampled_from(("near a fact", "after the facts", "any day"))) if around else "any"
    if how == "near a fact":
        base = draw(st.sampled_from(around))
        as_of = base + timedelta(days=draw(st.sampled_from((-1, 0, 1, 365))))
    elif how == "after the facts":
        as_of = max(around) + timedelta(days=draw(st.integers(0, 400)))
    else:
        as_of = draw(dates())
    return Case(record, as_of)


# --- random policies (built in recert.testing._policies) -------------------------------------


@st.composite
def policy_cases(draw: st.DrawFn, /, **record_options: Any) -> tuple[Policy, Case]:
    """A random policy and a case (record, evaluation date) written for it.

    Args:
        draw: Supplied by Hypothesis.
        **record_options: Passed to :func:`records`.

    Returns:
        ``(policy, case)``.
    """
    policy = draw(policies())
    return policy, draw(cases(policy, **record_options))


st.register_type_strategy(Record, st.deferred(lambda: records(cisco_policy())))
