"""Engine behaviour found by the property tests, kept as regular tests with hand-worked values.

Each test states the spec's answer. An engine bug found this way is reported to the lead and
kept here as an ``xfail(strict=True)`` test until fixed (the pending ``counted_toward`` one
below was fixed in the engine and un-marked).
"""

from __future__ import annotations

from datetime import date

import attrs

from recert import Activity, ExamPass, Holding, Record, cisco_policy, evaluate
from recert.testing import invariants

CISCO = cisco_policy()


def test_pending_claim_would_count_toward_the_certification_still_active() -> None:
    record = Record(
        holdings=(
            # 2024-02-29 + 3 years = 2027-02-28: expired on the claim date 2027-03-01. (A
            # specialist: a held associate term starting later would cascade to an associate one,
            # D-CASC-2, but never to a higher level.)
            Holding("Specialist - Enterprise Core", date(2024, 2, 29)),
            # 2025-01-01 + 3 years = 2028-01-01: active on 2027-03-01, term contains 2026-06-17.
            Holding("DevNet Associate", date(2025, 1, 1)),
        ),
        activities=(Activity("a0", 1, date(2026, 6, 17), claimed_on=date(2027, 3, 1)),),
    )
    outcome = evaluate(record, as_of=date(2027, 3, 1), policy=CISCO).activity("a0")
    assert outcome.outcome == "pending"
    assert outcome.counted_toward == "DevNet Associate"


def test_a_late_approval_recertifies_retroactively_and_cascades() -> None:
    # Found while stating the cascade invariant: the claim of 2021-01-03 (approved, known on
    # the claim date) recertifies CyberOps Associate on the completion date 2021-01-02 (R-CE-3,
    # D-ANCHOR-1): 2021-01-02 + 3 years = 2024-01-02.
    record = Record(
        holdings=(Holding("CyberOps Associate", date(2021, 1, 1)),),
        activities=(Activity("a0", 30, date(2021, 1, 2), claimed_on=date(2021, 1, 3),
                             status="approved"),),
    )
    evaluation = evaluate(record, as_of=date(2023, 2, 28), policy=CISCO)
    status = evaluation.certification("CyberOps Associate")
    assert (status.recertified_on, status.expires_on) == (date(2021, 1, 2), date(2024, 1, 2))
    # Evaluated on 2021-01-02 the claim is not yet made: the term is the held one,
    # 2021-01-01 + 3 years = 2024-01-01.
    before = evaluate(record, as_of=date(2021, 1, 2), policy=CISCO)
    assert before.certification("CyberOps Associate").expires_on == date(2024, 1, 1)
    invariants.check_all(CISCO, record, date(2023, 2, 28))


def test_one_item_twice_in_a_term_counts_once() -> None:
    # CCNA 2022-01-01 to 2025-01-01; item X completed 2022-02-01 (a1) and 2022-03-01 (a2):
    # the earliest completion keeps the item, a2 is a duplicate (R-CE-1, D-DUP-1).
    record = Record(
        holdings=(Holding("CCNA", date(2022, 1, 1)),),
        activities=(
            Activity("a1", 10, date(2022, 2, 1), item="X", claimed_on=date(2022, 2, 1), status="approved"),
            Activity("a2", 10, date(2022, 3, 1), item="X", claimed_on=date(2022, 3, 1), status="approved"),
        ),
    )
    evaluation = evaluate(record, as_of=date(2022, 6, 1), policy=CISCO)
    assert [(a.id, a.outcome, a.reason) for a in evaluation.activities] == [
        ("a1", "counted", None),
        ("a2", "rejected", "duplicate_item"),
    ]
    assert evaluation.pool is not None
    assert evaluation.pool.credits == 10


def test_local_monotonicity_on_a_pre_2020_renewal() -> None:
    # Found by the dev profile. CyberOps Associate held 2018-01-01 (-> 2021-01-01); 200-301 on
    # 2018-01-02 recertifies it under the pre-2020 version, counted from the passing date below
    # expert (D-PRE2020-1): 2018-01-02 + 3 years = 2021-01-02. A pass added on 2020-02-28 (new
    # version) recertifies it that day: 2020-02-28 + 3 years = 2023-02-28.
    record = Record(
        holdings=(Holding("CyberOps Associate", date(2018, 1, 1)),),
        exams=(ExamPass("200-301", date(2018, 1, 2)),),
    )
    before = evaluate(record, as_of=date(2020, 2, 28), policy=CISCO).certification("CyberOps Associate")
    assert before.expires_on == date(2021, 1, 2)
    added = attrs.evolve(record, exams=(*record.exams, ExamPass("200-301", date(2020, 2, 28))))
    after = evaluate(added, as_of=date(2020, 2, 28), policy=CISCO).certification("CyberOps Associate")
    assert (after.recertified_on, after.expires_on) == (date(2020, 2, 28), date(2023, 2, 28))
    invariants.local_monotonicity(CISCO, record, date(2020, 2, 28))
