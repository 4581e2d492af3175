"""Order-free results under the fixed-cycle policies: shuffling every list changes no byte (issue 17).

As ``tests/core/test_order_free.py`` for Cisco: the whole JSON result is compared byte for byte,
explanations included; only ``activities`` follows the record's order by contract (record
format: "in input order"), so it is compared sorted by id. ``awaiting`` and the sentence "unless
pending claims ... are approved" list claims by activity id, as the Cisco engine does (it runs
its single-claim what-ifs in id order). One test function per policy, each with its own
``@given`` (its own example database key); the number of examples comes from the active profile.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import recert
from recert.core.policy import Policy
from recert.core.record import Activity, Holding, Record
from recert.testing.strategies import Case, cases

POLICIES = Path(recert.__file__).parent / "io" / "policies"
ISC2 = recert.load_policy(POLICIES / "isc2-cissp.toml")
COMPTIA = recert.load_policy(POLICIES / "comptia.toml")
PMI = recert.load_policy(POLICIES / "pmi-pmp.toml")
ISACA = recert.load_policy(POLICIES / "isaca-cisa.toml")


def canonical(record: Record, as_of: date, policy: Policy) -> str:
    try:
        data: dict[str, Any] = recert.evaluate(record, as_of=as_of, policy=policy).to_dict()
    except recert.RecertError as error:  # a refused record is refused whatever the order
        return "error: " + "\n".join(sorted(str(error).splitlines()))
    data["activities"] = sorted(data["activities"], key=lambda a: a["id"])
    return json.dumps(data, ensure_ascii=False)


def shuffled(record: Record, rng: random.Random) -> Record:
    def mix(items: tuple[Any, ...]) -> tuple[Any, ...]:
        out = list(items)
        rng.shuffle(out)
        return tuple(out)

    return attrs.evolve(record, holdings=mix(record.holdings), exams=mix(record.exams),
                        activities=mix(record.activities))


@st.composite
def with_claims(draw: st.DrawFn, policy: Policy) -> Case:
    """A drawn case plus 2 to 5 pending or audited claims, large enough that several are awaited.

    The drawn records alone seldom have two claims awaited by one certification; these claims,
    completed early in a held term and with ids in no particular order, often each meet the
    requirement alone, so that ``awaiting`` lists several.
    """
    case = draw(cases(policy))
    if not case.record.holdings:
        return case
    names = draw(st.lists(st.text("abcxyz019", min_size=1, max_size=3), min_size=2, max_size=5, unique=True))
    taken = {a.id for a in case.record.activities}
    extra = []
    for name in names:
        if "p" + name in taken:
            continue
        held = draw(st.sampled_from(case.record.holdings))
        done = held.earned_on + timedelta(days=draw(st.integers(0, 500)))
        extra.append(Activity("p" + name, draw(st.sampled_from((20, 40, 60, 120))), done,
                              category=draw(st.sampled_from([c.name for c in policy.categories])),
                              claimed_on=done + timedelta(days=1), status=draw(st.sampled_from(("pending", "audit")))))
    record = attrs.evolve(case.record, activities=(*case.record.activities, *extra))
    return Case(record, max(case.as_of, max(a.claimed_on for a in extra if a.claimed_on) if extra else case.as_of))


def _same(policy: Policy, case: Case, rng: random.Random) -> None:
    assert canonical(shuffled(case.record, rng), case.as_of, policy) == canonical(case.record, case.as_of, policy)


@given(case=with_claims(ISC2), rng=st.randoms(use_true_random=False))
def test_shuffling_changes_no_byte_isc2_cissp(case: Case, rng: random.Random) -> None:
    _same(ISC2, case, rng)


@given(case=with_claims(COMPTIA), rng=st.randoms(use_true_random=False))
def test_shuffling_changes_no_byte_comptia(case: Case, rng: random.Random) -> None:
    _same(COMPTIA, case, rng)


@given(case=with_claims(PMI), rng=st.randoms(use_true_random=False))
def test_shuffling_changes_no_byte_pmi_pmp(case: Case, rng: random.Random) -> None:
    _same(PMI, case, rng)


@given(case=with_claims(ISACA), rng=st.randoms(use_true_random=False))
def test_shuffling_changes_no_byte_isaca_cisa(case: Case, rng: random.Random) -> None:
    _same(ISACA, case, rng)


def test_awaiting_lists_claims_by_id_whatever_their_order() -> None:
    # Security+ earned 2019-01-02: cycle 2019-01-02 + 3 years = 2022-01-02, 50 CEU needed (R-CT-2).
    # Two audited claims of 50 training CEU completed 2020-12-01, inside the cycle: either one
    # approved alone brings 50 of 50, so each is awaited; listed by id, "a" before "b".
    claims = [Activity(i, 50, date(2020, 12, 1), claimed_on=date(2020, 12, 2), status="audit") for i in "ba"]
    for order in (claims, claims[::-1]):
        record = Record(holdings=[Holding("CompTIA Security+", date(2019, 1, 2))], activities=order)
        (status,) = recert.evaluate(record, as_of=date(2022, 4, 15), policy=COMPTIA).certifications
        assert (status.status, status.expires_on, status.awaiting) == ("expired", date(2022, 1, 2), ("a", "b"))
        assert status.explanation.endswith("; unless pending claims a, b are approved (R-FC-5)")
