"""Which pending claims share one what-if, read from the budget refusal or from a record decided in time (D-FIXED-7).

A record whose pending claims need more what-ifs than ``WHATIF_BUDGET`` (15,000 what-ifs x facts
x holdings) allows is refused with a ``RecordError`` that states how many claims need one; claims
whose what-ifs are proved alike (tests/programs/DESIGN.md D-FIXED-7: the same certification renewed
on each claim's own day by the same option, or by the cycle's end) count once. So 150 pending
claims in a record of about 150 facts are decided when they share one what-if and refused when
each needs its own: the outcome shows how far the proof reached. Here the proof is read where the
credits are not exact sums (amounts that are not multiples of 1/1024: the proof keeps a margin of
1e-6), where fees or exams decide an option, and where the cycle is renewed by its end.
Through the public API only (``recert.evaluate``).
"""

from __future__ import annotations

from datetime import date

import pytest
from fixed_helpers import COMPTIA, ISC2

import recert
from recert import Activity, Holding, Record


def _approved(id_: str, credits: float, day: date, category: str = "group_a") -> Activity:
    return Activity(id_, credits, day, category=category, claimed_on=day, status="approved")


def _pending(count: int, credits: float, day: date, category: str = "group_a") -> list[Activity]:
    return [
        Activity(f"p{k:03}", credits, day, category=category, claimed_on=day, status="pending")
        for k in range(count)
    ]


def _cissp(activities: list[Activity], fees: date = date(2028, 6, 1)) -> Record:
    # CISSP from 2022-06-01: cycle 2022-06-01 .. E = 2025-06-01 (3 years, R-FC-1), no follower.
    return Record(
        holdings=(Holding("CISSP", date(2022, 6, 1), fees_paid_through=fees),),
        activities=tuple(activities),
    )


def _security_plus(activities: list[Activity]) -> Record:
    # CompTIA Security+ alone from 2023-06-01: cycle to E = 2026-06-01; renewed by 50 CEUs (R-CT-2),
    # fees not checked (no fees_paid_through); no other holding, so no renewal map joins it (R-CT-6).
    return Record(holdings=(Holding("Security+", date(2023, 6, 1)),), activities=tuple(activities))


def _refused(record: Record, policy: recert.Policy, as_of: date) -> str:
    with pytest.raises(recert.RecordError) as caught:
        recert.evaluate(record, as_of=as_of, policy=policy)
    assert [p.path for p in caught.value.problems] == ["activities"]
    return caught.value.problems[0].message


def _awaited(record: Record, policy: recert.Policy, as_of: date) -> tuple[str, date | None, int, str]:
    status = recert.evaluate(record, as_of=as_of, policy=policy).certifications[0]
    return (status.status, status.expires_on, len(status.awaiting), status.awaiting[0])


NEEDED_150 = "150 pending or audited claims each need the record decided again to find what awaits them (D-FIXED-7)"


def test_claims_renewing_on_their_day_share_a_what_if_when_the_sums_are_not_exact() -> None:
    # a1 89.3 Group A + b1 30 Group B = 119.3 (89.3 is not a multiple of 1/1024: sums are compared
    # with the margin). Each of 150 pending 1-CPE Group A claims of 2023-01-02 makes 120.3 CPE and
    # 90.3 Group A on its own day, 0.3 clear of 120 and 90: the cycle renews that day by its one option
    # (R-ISC2-2, AMF paid through 2028-06-01), so all 150 share one what-if. Without sharing:
    # 150 x 152 facts x 1 holding = 22,800 > 15,000. Decided: E stays 2025-06-01 until one is
    # approved (then 2028-06-01), so the CISSP awaits all 150 (R-FC-5).
    record = _cissp(
        [
            _approved("a1", 89.3, date(2022, 9, 1)),
            _approved("b1", 30, date(2022, 9, 2), "group_b"),
            *_pending(150, 1, date(2023, 1, 2)),
        ]
    )
    assert _awaited(record, ISC2, date(2024, 6, 1)) == ("active", date(2025, 6, 1), 150, "p000")


def test_claims_renewing_by_less_than_the_margin_do_not_share_a_what_if() -> None:
    # a1 89.0000005 Group A + b1 30 Group B: each claim of 1 CPE makes 120.0000005 CPE, met (>= 120)
    # but by less than the proof's margin of 1e-6, which float sums in another order could undo:
    # not proved alike, each claim needs its own what-if: 150 x 152 x 1 = 22,800 > 15,000: refused.
    record = _cissp(
        [
            _approved("a1", 89.0000005, date(2022, 9, 1)),
            _approved("b1", 30, date(2022, 9, 2), "group_b"),
            *_pending(150, 1, date(2023, 1, 2)),
        ]
    )
    assert _refused(record, ISC2, date(2024, 6, 1)).startswith(NEEDED_150)


def test_claims_of_a_holding_whose_fees_fall_short_do_not_share_a_what_if() -> None:
    # As the first test with 89 Group A, but the AMF is paid through 2024-06-01 only, before E
    # 2025-06-01 (R-ISC2-7): the option is short of its fees on the claims' day, so no claim is proved
    # to renew on its own day, nor is any proved without effect (that proof reads credits only):
    # 150 x 152 x 1 = 22,800 > 15,000: refused.
    record = _cissp(
        [
            _approved("a1", 89, date(2022, 9, 1)),
            _approved("b1", 30, date(2022, 9, 2), "group_b"),
            *_pending(150, 1, date(2023, 1, 2)),
        ],
        fees=date(2024, 6, 1),
    )
    assert _refused(record, ISC2, date(2024, 6, 1)).startswith(NEEDED_150)


def test_claims_renewing_after_their_day_under_a_window_that_admits_activities_do_not_share() -> None:
    # a1 89.3 Group A (2022-09-01), b1 30 Group B approved on 2023-03-01. A 1-CPE claim of 2023-01-02
    # makes 90.3 on its day (short of 120), 120.3 from 2023-03-01: it renews the cycle later than its
    # day. ISC2's window admits activities completed after E (R-ISC2-4), so the cycle's totals at E are
    # not its final ones and the "by its end" proof does not apply: 150 x 152 > 15,000: refused.
    record = _cissp(
        [
            _approved("a1", 89.3, date(2022, 9, 1)),
            _approved("b1", 30, date(2023, 3, 1), "group_b"),
            *_pending(150, 1, date(2023, 1, 2)),
        ]
    )
    assert _refused(record, ISC2, date(2024, 6, 1)).startswith(NEEDED_150)


def test_claims_renewing_by_ceus_after_the_exam_options_share_a_what_if() -> None:
    # Security+: s1 49 CEUs (2023-07-01). The CertMaster CE and the exam options come first and lack
    # their passes; each 1-CEU claim of 2024-01-02 makes 50 and renews by the CEU option (the third)
    # on its own day: 150 share one what-if (150 x 151 > 15,000 otherwise). E 2026-06-01 until then.
    record = _security_plus(
        [_approved("s1", 49, date(2023, 7, 1), "training"), *_pending(150, 1, date(2024, 1, 2), "training")]
    )
    assert _awaited(record, COMPTIA, date(2024, 6, 1)) == ("active", date(2026, 6, 1), 150, "p000")


def test_claims_renewing_by_ceus_after_the_exam_options_share_a_what_if_when_the_sums_are_not_exact() -> None:
    # As above with s1 49.3 CEUs: 50.3 on the claims' day, 0.3 clear of 50 (the exam options are
    # short of passes, not of credits: no margin to mind there): one what-if for the 150.
    record = _security_plus(
        [_approved("s1", 49.3, date(2023, 7, 1), "training"), *_pending(150, 1, date(2024, 1, 2), "training")]
    )
    assert _awaited(record, COMPTIA, date(2024, 6, 1)) == ("active", date(2026, 6, 1), 150, "p000")


def test_claims_renewing_by_the_cycle_end_share_a_what_if_when_the_window_admits_no_activities() -> None:
    # Security+: s1 40.3 (2023-07-01) and s2 9.5 (2024-03-01) approved = 49.8. A 1-CEU claim of
    # 2024-01-02 makes 41.3 on its day (short) and 50.8 from 2024-03-01, before E 2026-06-01; CompTIA's
    # window admits no activities after E (R-CT-7), so these totals are final: every such what-if
    # renews by the one CEU option by the cycle's end and moves no date (R-FC-2): one what-if for 150.
    record = _security_plus(
        [
            _approved("s1", 40.3, date(2023, 7, 1), "training"),
            _approved("s2", 9.5, date(2024, 3, 1), "training"),
            *_pending(150, 1, date(2024, 1, 2), "training"),
        ]
    )
    assert _awaited(record, COMPTIA, date(2024, 6, 1)) == ("active", date(2026, 6, 1), 150, "p000")
