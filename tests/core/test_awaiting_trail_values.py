"""Pending claims whose approval shows only days later, in records long enough for what-ifs to stop early (R-CE-3).

When at least eight days with facts follow a pending claim's arrival, a what-if stops as soon as
it starts a day in the base replay's state (same statuses, dates, pools and claims); here the
states differ for months while the statuses do not, so a what-if must not stop on statuses alone.
Values worked out by hand from spec/cisco-ce-policy.md (R-CE-1 to R-CE-5, R-VAL-1). Through the
public API only (``recert.evaluate``).
"""

from __future__ import annotations

from datetime import date

import recert
from recert import Activity, Holding, Record


def _approved(id_: str, credits: float, day: date) -> Activity:
    return Activity(id_, credits, day, item=id_, claimed_on=day, status="approved")


def _record(pending_credits: float) -> Record:
    # CCNA held from 2022-01-10 (-> 2025-01-10, R-VAL-1; 30 CE credits renew it). p1 pending, completed
    # and claimed 2023-01-05. Then one approved credit on the first of each month February to September
    # 2023 (8 days with facts) and y 12 credits on 2023-10-01: the base pool holds 8 + 12 = 20 < 30.
    monthly = [_approved(f"m{month}", 1, date(2023, month, 1)) for month in range(2, 10)]
    return Record(
        holdings=(Holding("CCNA", date(2022, 1, 10)),),
        activities=(
            Activity("p1", pending_credits, date(2023, 1, 5), item="p1", claimed_on=date(2023, 1, 5)),
            *monthly,
            _approved("y", 12, date(2023, 10, 1)),
        ),
    )


def test_a_claim_whose_credits_renew_months_later_is_awaited() -> None:
    # Approved, p1's 10 credits make the pool 10 + 8 + 12 = 30 on 2023-10-01: CCNA recertified that day,
    # to 2026-10-01 instead of 2025-01-10. From 2023-01-05 to 2023-10-01 the what-if's CCNA has the same
    # status and date as the base's, but not the same pool: CCNA awaits p1.
    ccna = recert.evaluate(_record(10), as_of=date(2024, 1, 1)).certification("CCNA")
    assert (ccna.status, ccna.expires_on, ccna.awaiting) == ("active", date(2025, 1, 10), ("p1",))


def test_a_claim_too_small_to_renew_is_not_awaited() -> None:
    # p1 of 9 credits: 9 + 8 + 12 = 29 < 30 on 2023-10-01 (and no later facts): nothing changes.
    ccna = recert.evaluate(_record(9), as_of=date(2024, 1, 1)).certification("CCNA")
    assert (ccna.status, ccna.expires_on, ccna.awaiting) == ("active", date(2025, 1, 10), ())
