"""Every invariant of recert.testing.invariants on the embedded Cisco policy and on random policies.

The number of examples comes from the Hypothesis profile (``HYPOTHESIS_PROFILE``:
``ci`` in CI, ``dev`` by default, ``thorough`` before a release). Counter-examples
found while writing the invariants are kept as ``@example``s or as regular tests
in ``tests/core/test_properties_examples.py``.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings

from recert import Activity, ExamPass, Holding, Policy, Record, cisco_policy
from recert.testing import invariants
from recert.testing import strategies as rst

CISCO = cisco_policy()

# Shrunk counter-examples of invariants stated too broadly at first (see
# docs/testing.md): each must keep passing.
_RETIRED_SAME_DAY = rst.Case(
    # A holding retired on the day its term starts has no "retired" event;
    # the cascade invariant must read the retirement date from the record.
    Record(holdings=(
        Holding("CyberOps Associate", date(2018, 1, 1), retired_on=date(2018, 1, 1)),
        Holding("CCNA", date(2020, 2, 29)),
    ), exams=(ExamPass("350-401", date(2020, 2, 29)),)),
    date(2020, 2, 29),
)
_LATE_APPROVAL_RECERTIFIES = rst.Case(
    # The claim of 2021-01-03 recertifies CyberOps Associate retroactively on
    # 2021-01-02 (R-CE-3): the cascade check must use what is known on as_of.
    Record(holdings=(Holding("CyberOps Associate", date(2021, 1, 1)),
                     Holding("CCNA", date(2020, 6, 1))), activities=(
        Activity("a0", 30, date(2021, 1, 2), item="item-1", claimed_on=date(2021, 1, 3),
                 status="approved"),
    )),
    date(2023, 2, 28),
)

_SAME_ITEM_TWICE = rst.Case(
    # One item claimed twice in a CCNA term (2022-01-01 to 2025-01-01): a2 is a
    # duplicate_item (R-CE-1, D-DUP-1); an engine counting both breaks no_double_counting.
    Record(holdings=(Holding("CCNA", date(2022, 1, 1)),), activities=(
        Activity("a1", 10, date(2022, 2, 1), item="X", claimed_on=date(2022, 2, 1), status="approved"),
        Activity("a2", 10, date(2022, 3, 1), item="X", claimed_on=date(2022, 3, 1), status="approved"),
    )),
    date(2022, 6, 1),
)

# Shrunk records that caught the hand-made engine mutations (tests/mutations/README.md),
# kept so that every run of the suite tries them.
_CCNA_BY_EXAM_THEN_CE = rst.Case(
    # 200-301 on 2020-02-29 earns the CCNA; 30 credits that day recertify it and use the pool
    # up (R-CE-5): a pool still holding 30 credits breaks no_double_counting.
    Record(exams=(ExamPass("200-301", date(2020, 2, 29)),), activities=(
        Activity("a0", 30, date(2020, 2, 29), item="item-1", claimed_on=date(2020, 2, 29),
                 status="approved"),
    )),
    date(2020, 2, 29),
)
_CLAIM_366_DAYS_LATE = rst.Case(
    # Claimed 2021-03-01, 366 days after completion on 2020-02-29: late (R-CE-2, D-CLAIM-3).
    Record(exams=(ExamPass("200-301", date(2020, 2, 29)),), activities=(
        Activity("a0", 1, date(2020, 2, 29), item="item-1", claimed_on=date(2021, 3, 1)),
    )),
    date(2024, 2, 28),
)
_TWO_ASSOCIATES_ONE_POOL = rst.Case(
    # CCNA and CyberOps Associate earned 2020-02-29; 30 credits on 2021-01-01 recertify one,
    # the other cascades to 2021-01-01 + 3 years = 2024-01-01 (R-CASC-1, D-POOL-4).
    Record(exams=(ExamPass("200-301", date(2020, 2, 29)), ExamPass("200-201", date(2020, 2, 29))),
           activities=(Activity("a0", 30, date(2021, 1, 1), item="item-1",
                                claimed_on=date(2021, 1, 1), status="approved"),)),
    date(2021, 1, 1),
)
_ON_THE_EXPIRATION_DATE = rst.Case(
    # 2020-02-29 + 3 years = 2023-02-28: active through that day (R-VAL-1).
    Record(holdings=(Holding("CCNA", date(2020, 2, 29)),)),
    date(2023, 2, 28),
)


@pytest.mark.parametrize("name", sorted(invariants.ALL))
@given(case=rst.cases(CISCO))
@example(case=_SAME_ITEM_TWICE)
@example(case=_CCNA_BY_EXAM_THEN_CE)
@example(case=_CLAIM_366_DAYS_LATE)
@example(case=_TWO_ASSOCIATES_ONE_POOL)
@example(case=_ON_THE_EXPIRATION_DATE)
@example(case=_RETIRED_SAME_DAY)
@example(case=_LATE_APPROVAL_RECERTIFIES)
def test_invariant_on_the_cisco_policy(name: str, case: rst.Case) -> None:
    invariants.ALL[name](CISCO, case.record, case.as_of)


@given(case=rst.cases(CISCO, given_expirations=False))
def test_local_monotonicity_without_given_expirations(case: rst.Case) -> None:
    # local_monotonicity skips records with given expirations: run it where it applies.
    invariants.local_monotonicity(CISCO, case.record, case.as_of)


@pytest.mark.parametrize("name", sorted(invariants.ALL))
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pair=rst.policy_cases())
def test_invariant_on_random_policies(name: str, pair: tuple[Policy, rst.Case]) -> None:
    policy, case = pair
    invariants.ALL[name](policy, case.record, case.as_of)


test_all_invariants_at_once = invariants.invariant_test(CISCO)


def test_violation_names_the_invariant_and_prints_the_record() -> None:
    record = Record(holdings=(Holding("CCNA", date(2022, 9, 15)),))
    error = invariants.InvariantViolation("causality", "x differs", record, date(2025, 3, 1))
    assert str(error) == (
        "invariant causality broken on as_of=2025-03-01: x differs\n"
        'record: {"holdings": [{"certification": "CCNA", "earned_on": "2022-09-15"}], '
        '"exams": [], "activities": []}'
    )


def test_cut_keeps_what_was_known() -> None:
    record = Record(
        holdings=(Holding("CCNA", date(2022, 9, 15)), Holding("CCNP Enterprise", date(2025, 4, 1))),
        exams=(ExamPass("350-401", date(2025, 3, 2)),),
        activities=(
            Activity("done", 10, date(2024, 1, 1), claimed_on=date(2024, 1, 2), status="approved",
                         decided_on=date(2025, 3, 5)),
            Activity("later", 10, date(2025, 2, 1), claimed_on=date(2025, 3, 2)),
            Activity("future", 10, date(2025, 3, 2)),
        ),
    )
    known = invariants.cut(record, date(2025, 3, 1))
    # CCNP Enterprise starts 2025-04-01 and the pass is 2025-03-02: both after 2025-03-01.
    assert [h.certification for h in known.holdings] == ["CCNA"]
    assert known.exams == ()
    # Decided 2025-03-05 > as_of: pending; claimed 2025-03-02 > as_of: unclaimed; completed later: gone.
    assert [(a.id, a.claim_status) for a in known.activities] == [("done", "pending"), ("later", None)]
