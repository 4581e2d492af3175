"""Policy parameters, each at each of its values (D-CLAIM-1, D-ANCHOR-1, D-POOL-1, D-POOL-2).

Every expected value is worked out by hand from spec/cisco-ce-policy.md.
"""

from __future__ import annotations

import pytest

from builders import CCNP_ENT, act, d, held, passed, record, run, with_params
from recert import cisco_policy


def test_defaults_of_the_cisco_policy() -> None:
    params = cisco_policy().parameters
    assert params.claim_window_days == 365
    assert params.recertification_anchor == "completion"
    assert params.pooling == "highest_level"
    assert params.carry_over_excess is False


# --------------------------------------------------------------------------- claim_window_days


@pytest.mark.parametrize(
    ("window", "day_90", "day_91", "day_365", "day_366"),
    [
        (365, "counted", "counted", "counted", "rejected"),
        (90, "counted", "rejected", "rejected", "rejected"),
    ],
)
def test_claim_window_days(window: int, day_90: str, day_91: str, day_365: str, day_366: str) -> None:
    # D-CLAIM-1 / D-CLAIM-3: completion 2023-01-10 = day 0. 2023-01-10 + 21 days = 01-31, + 28 = 02-28
    # (49), + 31 = 03-31 (80), + 10 = 2023-04-10 (day 90); 2023-04-11 is day 91. 2023-01-10 + 365 days
    # = 2024-01-10; 2024-01-11 is day 366. CCNA held 2022-06-01 (-> 2025-06-01); 5 credits each,
    # distinct items, so that nothing renews and nothing is a duplicate.
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[
            act("c90", 5, "2023-01-10", "2023-04-10", item="I90"),
            act("c91", 5, "2023-01-10", "2023-04-11", item="I91"),
            act("c365", 5, "2023-01-10", "2024-01-10", item="I365"),
            act("c366", 5, "2023-01-10", "2024-01-11", item="I366"),
        ],
    )
    ev = run(rec, "2024-02-01", with_params(claim_window_days=window))
    got = {a.id: a.outcome for a in ev.activities}
    assert got == {"c90": day_90, "c91": day_91, "c365": day_365, "c366": day_366}
    for activity in ev.activities:
        if activity.outcome == "rejected":
            assert activity.reason == "claim_window_exceeded"
            assert str(window) in activity.explanation


# --------------------------------------------------------------------------- recertification_anchor


@pytest.mark.parametrize(
    ("anchor", "on", "expires"),
    [
        # D-ANCHOR-1 completion: the completion date of a2, 2024-01-20 -> 2027-01-20.
        ("completion", "2024-01-20", "2027-01-20"),
        # D-ANCHOR-1 claim: the date a2 was claimed, 2024-02-01 -> 2027-02-01.
        ("claim", "2024-02-01", "2027-02-01"),
    ],
)
def test_recertification_anchor(anchor: str, on: str, expires: str) -> None:
    # CCNA held 2022-09-15. a1 20 credits completed 2023-05-10 (claimed 2023-05-12), a2 10 credits
    # completed 2024-01-20 (claimed 2024-02-01): a2 brings the pool to 30.
    rec = record(
        [held("CCNA", "2022-09-15")],
        activities=[act("a1", 20, "2023-05-10", "2023-05-12"), act("a2", 10, "2024-01-20", "2024-02-01")],
    )
    ccna = run(rec, "2024-03-01", with_params(recertification_anchor=anchor)).certification("CCNA")
    assert ccna.recertified_by == "30 CE credits"
    assert ccna.recertified_on == d(on)
    assert ccna.expires_on == d(expires)


# --------------------------------------------------------------------------- pooling


@pytest.mark.parametrize(
    ("pooling", "ccna_on", "ccna_expires"),
    [
        # D-POOL-1 highest_level: the 30 credits pool toward the CCNP (30 < 80): nothing renews.
        ("highest_level", None, "2025-01-10"),
        # each_level: the associate level has its own pool: CCNA renewed 2022-06-01 -> 2025-06-01.
        ("each_level", "2022-06-01", "2025-06-01"),
    ],
)
def test_pooling(pooling: str, ccna_on: str | None, ccna_expires: str) -> None:
    # CCNA and CCNP Enterprise held 2022-01-10 (-> 2025-01-10); a1 30 credits completed 2022-06-01.
    rec = record(
        [held("CCNA", "2022-01-10"), held(CCNP_ENT, "2022-01-10")],
        activities=[act("a1", 30, "2022-06-01")],
    )
    ev = run(rec, "2022-07-01", with_params(pooling=pooling))
    ccna = ev.certification("CCNA")
    assert ccna.recertified_on == (None if ccna_on is None else d(ccna_on))
    assert ccna.expires_on == d(ccna_expires)
    # The CCNP needs 80 under either value: 30 is not enough.
    assert ev.certification(CCNP_ENT).expires_on == d("2025-01-10")
    assert ev.activity("a1").outcome == "counted"


# --------------------------------------------------------------------------- carry_over_excess


@pytest.mark.parametrize(
    ("carry", "a1", "ccna_expires", "pool"),
    [
        # D-POOL-2 false: a1 is forfeited at the exam recertification; the pool holds a2 only (10).
        (False, "forfeited", "2025-06-01", 10),
        # true: a1 carries over: 20 + 10 = 30 on 2023-01-01 -> recertified -> 2026-01-01; pool 0.
        (True, "counted", "2026-01-01", 0),
    ],
)
def test_carry_over_excess_at_an_exam_recertification(carry: bool, a1: str, ccna_expires: str, pool: int) -> None:
    # CCNA held 2022-01-10; a1 20 credits completed 2022-03-01; 200-301 on 2022-06-01 recertifies
    # (-> 2025-06-01); a2 10 credits completed 2023-01-01.
    rec = record(
        [held("CCNA", "2022-01-10")],
        [passed("200-301", "2022-06-01")],
        [act("a1", 20, "2022-03-01"), act("a2", 10, "2023-01-01")],
    )
    ev = run(rec, "2023-02-01", with_params(carry_over_excess=carry))
    assert ev.activity("a1").outcome == a1
    assert ev.certification("CCNA").expires_on == d(ccna_expires)
    assert ev.pool is not None
    assert ev.pool.credits == pool


@pytest.mark.parametrize(
    ("carry", "ccna_on", "ccna_expires"),
    [
        # false: the 10 credits beyond 30 are forfeited; a3's 20 leave the pool at 20 < 30.
        (False, "2022-08-01", "2025-08-01"),
        # true: 25 + 15 = 40, 30 used, 10 carried; 10 + 20 = 30 on 2023-01-01 -> 2026-01-01.
        (True, "2023-01-01", "2026-01-01"),
    ],
)
def test_carry_over_excess_at_a_ce_recertification(carry: bool, ccna_on: str, ccna_expires: str) -> None:
    # D-POOL-2: CCNA held 2022-01-10; a1 25 credits on 2022-05-01, a2 15 on 2022-08-01: 40 >= 30,
    # recertified 2022-08-01 with 10 credits beyond the requirement; a3 20 credits on 2023-01-01.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[act("a1", 25, "2022-05-01"), act("a2", 15, "2022-08-01"), act("a3", 20, "2023-01-01")],
    )
    ccna = run(rec, "2023-02-01", with_params(carry_over_excess=carry)).certification("CCNA")
    assert ccna.recertified_on == d(ccna_on)
    assert ccna.expires_on == d(ccna_expires)
