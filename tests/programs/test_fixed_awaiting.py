"""``awaiting`` of fixed-cycle policies with the what-if pruning equals the naive one (D-FIXED-7, issue 17).

The naive reference decides the record again once per pending or audited claim,
with that claim approved, and compares every certification's status and
expiration date (what ``evaluate_fixed`` did before the pruning of
``recert.core.cycles.whatif``). One Hypothesis test per policy (its own example
database key); the number of examples comes from the active profile.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import recert
from recert.core.cycles.evaluate import _claim, _decide, _evaluate, evaluate_fixed
from recert.core.cycles.whatif import share_key, unaffected
from recert.core.policy import Policy
from recert.core.record import Activity, Holding, Record
from recert.core.result import Evaluation
from recert.testing.strategies import Case, cases

POLICIES = Path(recert.__file__).parent / "io" / "policies"
ISC2 = recert.load_policy(POLICIES / "isc2-cissp.toml")
COMPTIA = recert.load_policy(POLICIES / "comptia.toml")
PMI = recert.load_policy(POLICIES / "pmi-pmp.toml")
ISACA = recert.load_policy(POLICIES / "isaca-cisa.toml")


def naive_awaiting(record: Record, as_of: date, policy: Policy) -> dict[str, tuple[str, ...]]:
    """certification -> awaited claim ids: one full what-if per pending claim (the reference)."""
    base = _evaluate(record, as_of, policy)
    out: dict[str, list[str]] = {}
    for i, a in enumerate(record.activities):
        if _claim(a, as_of) != ("claimed", False) or a.completed_on > as_of:
            continue
        approved = attrs.evolve(a, status="approved", decided_on=None)
        other = _evaluate(
            attrs.evolve(record, activities=(*record.activities[:i], approved, *record.activities[i + 1 :])),
            as_of,
            policy,
        )
        for before, after in zip(base.certifications, other.certifications, strict=True):
            if (before.status, before.expires_on) != (after.status, after.expires_on):
                out.setdefault(before.certification, []).append(a.id)
    # Listed by activity id, as the Cisco engine lists its own (the order of the record never shows).
    return {c.certification: tuple(sorted(out.get(c.certification, ()))) for c in base.certifications}


def fast_awaiting(evaluation: Evaluation) -> dict[str, tuple[str, ...]]:
    return {c.certification: c.awaiting for c in evaluation.certifications}


def _same(policy: Policy, case: Case) -> None:
    try:
        fast = evaluate_fixed(case.record, case.as_of, policy)
    except recert.RecertError:
        return  # a record the policy refuses is refused the same way by the naive path
    assert fast_awaiting(fast) == naive_awaiting(case.record, case.as_of, policy)


@given(case=cases(ISC2))
def test_pruned_awaiting_is_the_naive_one_isc2_cissp(case: Case) -> None:
    _same(ISC2, case)


@given(case=cases(COMPTIA))
def test_pruned_awaiting_is_the_naive_one_comptia(case: Case) -> None:
    _same(COMPTIA, case)


@given(case=cases(PMI))
def test_pruned_awaiting_is_the_naive_one_pmi_pmp(case: Case) -> None:
    _same(PMI, case)


@given(case=cases(ISACA))
def test_pruned_awaiting_is_the_naive_one_isaca_cisa(case: Case) -> None:
    _same(ISACA, case)


# ------------------------------------------------------------- hand-worked: which what-ifs are skipped


def _a(id_: str, credits: float, done: str, category: str = "group_a", status: str = "pending") -> Activity:
    day = date.fromisoformat(done)
    return Activity(id_, credits, day, category=category, claimed_on=day, status=status)  # type: ignore[arg-type]


CISSP = Holding("CISSP", date(2022, 6, 1), fees_paid_through=date(2028, 6, 1))


def _skipped(record: Record, as_of: date, policy: Policy) -> dict[str, bool]:
    _, runs = _decide(record, as_of, policy)
    return {a.id: unaffected(runs.values(), i) for i, a in enumerate(record.activities)}


def test_claim_after_the_renewal_without_rollover_into_an_open_cycle_is_skipped() -> None:
    # CISSP cycle 2022-06-01 .. 2025-06-01. 100 A + 30 B approved by 2023-03-01 = 130 CPE (90 A, 120 total):
    # renewed on 2023-03-01. p1 (pending, 2024-01-10) comes after it; as_of 2024-06-01 is inside the
    # cycle, so no successor (and no rollover) exists yet: case B, nothing reads the cycle's counts.
    record = Record(
        holdings=(CISSP,),
        activities=(
            _a("a1", 100, "2022-09-01", status="approved"),
            _a("b1", 30, "2023-03-01", "group_b", status="approved"),
            _a("p1", 10, "2024-01-10"),
        ),
    )
    assert _skipped(record, date(2024, 6, 1), ISC2)["p1"] is True
    result = evaluate_fixed(record, date(2024, 6, 1), ISC2)
    assert result.certifications[0].expires_on == date(2028, 6, 1)  # 2025-06-01 + 3 y
    assert result.certifications[0].awaiting == ()


def test_claim_that_would_renew_is_decided_again_and_awaited() -> None:
    # 80 A + 30 B approved = 110 CPE (80 A): short of 120 and of 90 A. p1 = 10 A pending (2024-01-10) would
    # make 120 (90 A): the cycle would renew, so the bound of case C fails and the what-if is run: the
    # expiration date moves from 2025-06-01 to 2028-06-01, so CISSP awaits p1.
    record = Record(
        holdings=(CISSP,),
        activities=(
            _a("a1", 80, "2022-09-01", status="approved"),
            _a("b1", 30, "2023-03-01", "group_b", status="approved"),
            _a("p1", 10, "2024-01-10"),
        ),
    )
    assert _skipped(record, date(2024, 6, 1), ISC2)["p1"] is False
    result = evaluate_fixed(record, date(2024, 6, 1), ISC2)
    assert result.certifications[0].expires_on == date(2025, 6, 1)
    assert result.certifications[0].awaiting == ("p1",)


def test_claim_too_small_to_renew_is_skipped() -> None:
    # 50 A approved; p1 = 10 A pending: 60 A + 0 B = 60 < 120 even with it (case C): skipped, not awaited.
    record = Record(
        holdings=(CISSP,),
        activities=(_a("a1", 50, "2022-09-01", status="approved"), _a("p1", 10, "2024-01-10")),
    )
    assert _skipped(record, date(2024, 6, 1), ISC2)["p1"] is True
    assert evaluate_fixed(record, date(2024, 6, 1), ISC2).certifications[0].awaiting == ()


def test_group_b_claim_over_a_full_cap_is_skipped() -> None:
    # 30 B approved fill the cycle's Group B cap of 30 (R-ISC2-2) on 2022-08-01; p1 = 20 B pending on
    # 2023-01-01 would count 0: skipped (x = 0), whatever else the cycle holds.
    record = Record(
        holdings=(CISSP,),
        activities=(
            _a("b1", 30, "2022-08-01", "group_b", status="approved"),
            _a("a1", 85, "2022-09-01", status="approved"),
            _a("p1", 20, "2023-01-01", "group_b"),
        ),
    )
    assert _skipped(record, date(2024, 6, 1), ISC2)["p1"] is True
    assert evaluate_fixed(record, date(2024, 6, 1), ISC2).certifications[0].awaiting == ()


def test_isaca_claim_that_mends_a_short_year_is_awaited() -> None:
    # CISA earned 2022-01-01: calendar cycle 2022..2024, 20 CPE hours a year (R-ISACA-2), reported by
    # 01-15 of the next year. 2022: 10 approved + p1 = 10 pending (claimed 2022-12-01). as_of 2023-03-01:
    # 2022 is short at 2023-01-15, revoked from 2023-01-16; approving p1 makes 2022 = 20: not revoked.
    # The revoking year changes side, so the what-if is run, and CISA awaits p1.
    record = Record(
        holdings=(Holding("CISA", date(2022, 1, 1), fees_paid_through=date(2025, 1, 1)),),
        activities=(
            _a("a1", 10, "2022-05-01", "cpe", status="approved"),
            Activity(
                "p1", 10, date(2022, 11, 1), category="cpe", claimed_on=date(2022, 12, 1), status="pending"
            ),
        ),
    )
    assert _skipped(record, date(2023, 3, 1), ISACA)["p1"] is False
    status = evaluate_fixed(record, date(2023, 3, 1), ISACA).certifications[0]
    assert (status.status, status.awaiting) == ("revoked", ("p1",))


def test_a_record_needing_more_what_ifs_than_the_budget_is_refused() -> None:
    # CISSP + ISSAP (a follower: no what-if is shared), 89 A + 30 B approved, then n pending 1-CPE Group A
    # claims, each of which would renew CISSP (90 A, 120 total): none is proved without effect, so each needs
    # a what-if. Budget: what-ifs x facts x holdings <= 15,000. n = 80: 80 x 82 x 2 = 13,120, decided, CISSP
    # awaits all 80; n = 100: 100 x 102 x 2 = 20,400, refused on the path "activities".
    def record(n: int) -> Record:
        claims = tuple(
            Activity(
                f"p{k}",
                1,
                date(2023, 1, 2),
                category="group_a",
                claimed_on=date(2023, 1, 3),
                status="pending",
            )
            for k in range(n)
        )
        return Record(
            holdings=(CISSP, Holding("ISSAP", date(2023, 1, 1))),
            activities=(
                _a("a1", 89, "2022-09-01", status="approved"),
                _a("b1", 30, "2022-09-02", "group_b", status="approved"),
                *claims,
            ),
        )

    decided = evaluate_fixed(record(80), date(2024, 6, 1), ISC2)
    assert len(decided.certifications[0].awaiting) == 80
    with pytest.raises(recert.RecordError) as caught:
        evaluate_fixed(record(100), date(2024, 6, 1), ISC2)
    assert caught.value.problems[0].path == "activities"
    assert "100 pending or audited claims" in str(caught.value)
    assert "15,000" in str(caught.value)


def test_claims_that_renew_by_the_cycle_end_share_one_what_if() -> None:
    # CISA earned 2022-01-01: calendar cycle 2022-01-01 .. 2024-12-31 (R-ISACA-1). Approved: 59 hours in 2022,
    # 20 in 2023, 40 on 2024-02-01 = 119 (each year >= 20). p1, p2 (1 hour each, pending, 2022): with either
    # approved, 120 are met on 2024-02-01, before the end: expires 2027-12-31 instead of 2024-12-31. Both
    # what-ifs renew the same cycle by the same option by its end: one key, one what-if, both awaited.
    def cpe(id_: str, hours: float, day: date, status: str) -> Activity:
        return Activity(id_, hours, day, category="cpe", claimed_on=day, status=status)  # type: ignore[arg-type]

    record = Record(
        holdings=(Holding("CISA", date(2022, 1, 1), fees_paid_through=date(2026, 1, 1)),),
        activities=(
            cpe("a22", 59, date(2022, 2, 1), "approved"),
            cpe("a23", 20, date(2023, 2, 1), "approved"),
            cpe("a24", 40, date(2024, 2, 1), "approved"),
            cpe("p1", 1, date(2022, 3, 1), "pending"),
            cpe("p2", 1, date(2022, 4, 1), "audit"),
        ),
    )
    as_of = date(2024, 6, 1)
    _, runs = _decide(record, as_of, ISACA)
    keys = [share_key(runs.values(), i, as_of) for i in (3, 4)]
    assert keys[0] is not None
    assert keys[0] == keys[1]
    status = evaluate_fixed(record, as_of, ISACA).certifications[0]
    assert (status.status, status.expires_on, status.awaiting) == ("active", date(2024, 12, 31), ("p1", "p2"))
