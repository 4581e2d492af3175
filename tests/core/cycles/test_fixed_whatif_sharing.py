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

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from fixed_helpers import COMPTIA, ISACA, ISC2, PMI, act, policy_data

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


NEEDED_150 = (
    "150 pending or audited claims each need the record decided again to find what awaits them (R-FC-5)"
)


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


def test_claims_renewing_by_the_cycle_end_share_a_what_if_after_the_end_too() -> None:
    # The record above with s1 40 and s2 9.5 (49.5), on 2026-07-01: E 2026-06-01 has passed unrenewed,
    # Security+ is suspended in its 30-day window (2026-06-02 .. 2026-07-01, R-CT-7). CompTIA has no
    # rollover, so after E a claim's what-if still differs only in the renewal day (on or before E):
    # one what-if for the 150, each of which would renew the cycle (R-FC-5).
    record = _security_plus(
        [
            _approved("s1", 40, date(2023, 7, 1), "training"),
            _approved("s2", 9.5, date(2024, 3, 1), "training"),
            *_pending(150, 1, date(2024, 1, 2), "training"),
        ]
    )
    assert _awaited(record, COMPTIA, date(2026, 7, 1)) == ("suspended", date(2026, 6, 1), 150, "p000")


def test_claims_share_a_what_if_when_the_earning_pass_is_on_the_cycle_first_day() -> None:
    # Security+ earned by SY0-701 on 2023-06-01, the cycle's first day. "Passed again" (the restarting
    # option) counts a pass of an earning exam only after the first day (D-CT-4), so it is not met;
    # each 1-CEU claim (49 + 1 = 50) renews by CEUs on its day: one what-if for the 150. (Were the
    # earning pass counted, each claim's what-if would restart the cycle and need its own.)
    record = Record(
        holdings=(Holding("Security+", date(2023, 6, 1)),),
        exams=(recert.ExamPass("SY0-701", date(2023, 6, 1)),),
        activities=(
            _approved("s1", 49, date(2023, 7, 1), "training"),
            *_pending(150, 1, date(2024, 1, 2), "training"),
        ),
    )
    assert _awaited(record, COMPTIA, date(2024, 6, 1)) == ("active", date(2026, 6, 1), 150, "p000")


def test_claims_before_a_renewal_under_a_renewal_map_each_need_a_what_if() -> None:
    # Security+ alone: s1 49 (2023-07-01) and s2 1 (2024-03-01) renew it on 2024-03-01 by CEUs. 150
    # pending 1-CEU claims of 2023-08-01: approved, each renews it on 2023-08-01 instead. The date
    # moves nothing for Security+ itself (R-FC-2), but CompTIA aligns the certifications a renewal
    # renews by its day (R-CT-6), so an earlier renewal is not proved harmless, and the cycle is
    # already renewed (no shared key): 150 x 152 x 1 = 22,800 > 15,000: refused.
    record = _security_plus(
        [
            _approved("s1", 49, date(2023, 7, 1), "training"),
            _approved("s2", 1, date(2024, 3, 1), "training"),
            *_pending(150, 1, date(2023, 8, 1), "training"),
        ]
    )
    assert _refused(record, COMPTIA, date(2024, 6, 1)).startswith(NEEDED_150)


def test_claims_before_a_renewal_that_would_fill_the_cap_to_the_brim_each_need_a_what_if() -> None:
    # a1 89 Group A (2022-09-01); b1 29 Group B, a2 1 and a3 1 Group A on 2023-03-01: 120, renewed that
    # day. 150 pending 1-CPE Group B claims of 2022-10-01, before it: each would count in full then
    # (Group B empty on that day) and bring Group B to 30, the cap (R-ISC2-2), so b1 would count 1
    # less: the renewal is not proved the same (case D needs no cap at its limit): refused.
    record = _cissp(
        [
            _approved("a1", 89, date(2022, 9, 1)),
            _approved("b1", 29, date(2023, 3, 1), "group_b"),
            _approved("a2", 1, date(2023, 3, 1)),
            _approved("a3", 1, date(2023, 3, 1)),
            *_pending(150, 1, date(2022, 10, 1), "group_b"),
        ]
    )
    assert _refused(record, ISC2, date(2024, 6, 1)).startswith(NEEDED_150)


def test_claims_before_a_renewal_made_in_the_window_each_need_a_what_if() -> None:
    # a1 90 Group A (2022-09-01) and b1 30 Group B completed 2025-07-01, after E 2025-06-01, in the
    # 90-day window that admits activities (R-ISC2-4): renewed on 2025-07-01. 150 pending 1-CPE
    # claims of 2023-01-02 would not renew earlier (91 < 120), but the proof that an earlier renewal
    # moves nothing holds only for renewals by E (a renewal after E ends a suspension): refused.
    record = _cissp(
        [
            _approved("a1", 90, date(2022, 9, 1)),
            _approved("b1", 30, date(2025, 7, 1), "group_b"),
            *_pending(150, 1, date(2023, 1, 2)),
        ]
    )
    assert _refused(record, ISC2, date(2025, 8, 1)).startswith(NEEDED_150)


def test_claims_before_a_renewal_made_on_the_cycle_end_need_no_what_if() -> None:
    # As above with b1 completed on E 2025-06-01 itself: renewed on E (120 = 90 A + 30 B), by the one
    # credit option, no follower, no renewal map: a claim before that day renews no later and the
    # renewal on or before E moves no date (R-FC-2; case D): no what-if. Decided on 2025-08-01: the
    # next cycle runs from 2025-06-02 to 2028-06-01; b1 is Group B, which does not roll over (R-ISC2-5).
    record = _cissp(
        [
            _approved("a1", 90, date(2022, 9, 1)),
            _approved("b1", 30, date(2025, 6, 1), "group_b"),
            *_pending(150, 1, date(2023, 1, 2)),
        ]
    )
    status = recert.evaluate(record, as_of=date(2025, 8, 1), policy=ISC2).certifications[0]
    assert (status.recertified_on, status.term_started_on, status.expires_on, status.awaiting) == (
        date(2025, 6, 1),
        date(2025, 6, 2),
        date(2028, 6, 1),
        (),
    )


def _rolled(claims: list[Activity], as_of: date = date(2025, 7, 1)) -> Record:
    # a1 130 Group A renews the CISSP on 2022-09-01; r1 30 Group A approved on 2025-03-01, in the last
    # six months (2024-12-01, 2025-06-01] of the cycle (R-ISC2-5): min(max 40, excess 160 - 120 = 40,
    # Group A excess 160 - 90 = 70, r1 30) = 30 roll into the cycle from 2025-06-02.
    return _cissp([_approved("a1", 130, date(2022, 9, 1)), _approved("r1", 30, date(2025, 3, 1)), *claims])


def _rolled_decided(record: Record) -> tuple[date | None, date | None, tuple[str, ...], object]:
    result = recert.evaluate(record, as_of=date(2025, 7, 1), policy=ISC2)
    status = result.certifications[0]
    return (
        status.term_started_on,
        status.expires_on,
        status.awaiting,
        result.to_dict()["certifications"][0]["cycle"]["rolled_in"],
    )


def test_claims_on_the_day_before_the_rollover_months_need_no_what_if() -> None:
    # 150 pending 1-CPE Group A claims of 2024-12-01: the six months are after 2024-12-01, so they
    # cannot roll over themselves, and the take of r1 was limited by r1 itself (30 < both excesses):
    # more Group A credits roll over the same 30 (case B): no what-if; decided.
    record = _rolled(_pending(150, 1, date(2024, 12, 1)))
    assert _rolled_decided(record) == (date(2025, 6, 2), date(2028, 6, 1), (), 30)


def test_claims_on_the_first_day_of_the_rollover_months_each_need_a_what_if() -> None:
    # Claims of 2024-12-02, inside the six months, could roll over themselves: each needs a what-if:
    # 150 x 152 x 1 = 22,800 > 15,000: refused.
    assert _refused(_rolled(_pending(150, 1, date(2024, 12, 2))), ISC2, date(2025, 7, 1)).startswith(
        NEEDED_150
    )


def test_claims_on_the_cycle_end_each_need_a_what_if() -> None:
    # Claims of E 2025-06-01 itself, the last day of the six months, could roll over: refused.
    assert _refused(_rolled(_pending(150, 1, date(2025, 6, 1))), ISC2, date(2025, 7, 1)).startswith(
        NEEDED_150
    )


def test_group_b_claims_in_the_rollover_months_need_no_what_if() -> None:
    # Claims of 2025-01-02 in Group B: inside the six months, but only Group A rolls over (R-ISC2-5),
    # and the Group B cap is far (0 used): no what-if; decided as the first of these.
    record = _rolled(_pending(150, 1, date(2025, 1, 2), "group_b"))
    assert _rolled_decided(record) == (date(2025, 6, 2), date(2028, 6, 1), (), 30)


def test_claims_adding_to_the_binding_excess_of_a_rollover_each_need_a_what_if() -> None:
    # a1 60 Group A + b1 30 Group B (2022-09) and r1 40 Group A on 2025-03-01 renew the CISSP that day
    # (130 CPE, 100 Group A). Rollover: min(40, excess 130 - 120 = 10, Group A excess 100 - 90 = 10,
    # r1 40) = 10: the excesses bind. A 1-CPE Group A claim of 2023-01-02 raises both to 11, so 11
    # would roll over: not proved the same, each needs a what-if: 150 x 153 x 1 > 15,000: refused.
    record = _cissp(
        [
            _approved("a1", 60, date(2022, 9, 1)),
            _approved("b1", 30, date(2022, 9, 2), "group_b"),
            _approved("r1", 40, date(2025, 3, 1)),
            *_pending(150, 1, date(2023, 1, 2)),
        ]
    )
    assert _refused(record, ISC2, date(2025, 7, 1)).startswith(NEEDED_150)


def test_claims_equal_to_a_rollover_excess_each_need_a_what_if() -> None:
    # a1 90 Group A + b1 30 Group B renew the CISSP on 2022-09-02 (120); r1 10 Group A on 2025-03-01, in
    # the last six months: min(40, excess 130 - 120 = 10, Group A excess 100 - 90 = 10, r1 10) = 10.
    # The excesses equal the take: a minimum within the proof's margin of binding counts as binding,
    # so 150 pending 1-CPE Group A claims of 2023-01-02 (after the renewal) each need a what-if: refused.
    record = _cissp(
        [
            _approved("a1", 90, date(2022, 9, 1)),
            _approved("b1", 30, date(2022, 9, 2), "group_b"),
            _approved("r1", 10, date(2025, 3, 1)),
            *_pending(150, 1, date(2023, 1, 2)),
        ]
    )
    assert _refused(record, ISC2, date(2025, 7, 1)).startswith(NEEDED_150)


def _pmp(claim_category: str, ways: tuple[float, float], credits: float = 1) -> dict[str, object]:
    # PMP from 2021-01-10 (E 2024-01-10): w1 ways[0] ways, p1 15 power, b1 15 business (2021), g1 25
    # giving back (2022-06-01); y1 ways[1] ways on 2023-06-01 brings ways to 10: renewed that day (total
    # 65, Education 40). Rollover year (2023-01-10, 2024-01-10]: y1 rolls min(y1, total excess 5,
    # Education 5, ways excess 2) = 2. 150 pending 1-PDU claims of 2022-01-03 in *claim_category*,
    # before the renewal (case D: they cannot make it earlier, ways is short until y1).
    return {
        "holdings": [{"certification": "PMP", "earned_on": "2021-01-10"}],
        "activities": [
            act("w1", ways[0], "2021-06-01", "2021-06-02", category="education_ways_of_working"),
            act("p1", 15, "2021-07-01", "2021-07-02", category="education_power_skills"),
            act("b1", 15, "2021-08-01", "2021-08-02", category="education_business_acumen"),
            act("g1", 25, "2022-06-01", "2022-06-02", category="giving_back_other"),
            act("y1", ways[1], "2023-06-01", "2023-06-02", category="education_ways_of_working"),
            *(
                act(
                    f"q{k:03}", credits, "2022-01-03", "2022-01-03", status="pending", category=claim_category
                )
                for k in range(150)
            ),
        ],
    }


def test_claims_in_an_area_whose_minimum_does_not_bind_the_rollover_need_no_what_if() -> None:
    # w1 4, y1 6. A power-skills claim raises the total and Education excesses to 6, but y1's take is
    # bound by the ways excess 2, which a power-skills PDU does not change: 2 rolls either way, even
    # though y1 (6) is more than the total excess (5) the claim adds to: no what-if; decided.
    data = _pmp("education_power_skills", (4, 6))
    result = recert.evaluate(recert.record_from_mapping(data, policy=PMI), as_of=date(2024, 3, 1), policy=PMI)
    status = result.certifications[0]
    assert (
        status.expires_on,
        status.awaiting,
        result.to_dict()["certifications"][0]["cycle"]["rolled_in"],
    ) == (
        date(2027, 1, 10),
        (),
        2,
    )


def test_claims_in_the_area_whose_minimum_binds_the_rollover_each_need_a_what_if() -> None:
    # w1 6, y1 4. A ways claim raises the ways excess that binds y1's take to 3 (y1 4 and the total
    # excess 6 are larger): the rollover changes, each claim needs a what-if: 150 x 155 x 1 = 23,250 >
    # 15,000: refused.
    record = recert.record_from_mapping(_pmp("education_ways_of_working", (6, 4)), policy=PMI)
    assert _refused(record, PMI, date(2024, 3, 1)).startswith(NEEDED_150)


def _variant(program: str, level: str, change: Callable[[list[dict[str, Any]]], None]) -> recert.Policy:
    # An embedded policy with the options of one level changed (a policy variant, loaded again).
    data = policy_data(program)
    change(data["levels"][level]["options"])
    return recert.policy_from_mapping(data)


def _by_the_end() -> Record:
    # The record of the "by the cycle end" test: 40.3 + 9.5 approved, 150 claims of 1 CEU on 2024-01-02.
    return _security_plus(
        [
            _approved("s1", 40.3, date(2023, 7, 1), "training"),
            _approved("s2", 9.5, date(2024, 3, 1), "training"),
            *_pending(150, 1, date(2024, 1, 2), "training"),
        ]
    )


def test_claims_renewing_by_the_cycle_end_do_not_share_when_two_options_take_credits() -> None:
    # Security+ with a second credit option, 60 CEUs (a variant): which option a what-if's renewal by
    # the end names is no longer proved (the proof needs one credit option): 150 x 152 > 15,000: refused.
    def more(options: list[dict[str, Any]]) -> None:
        options.append(
            {"label": "60 CEUs", "rule": "R-CT-2", "requirements": [{"ce_credits": 60, "rule": "R-CT-2"}]}
        )

    assert _refused(_by_the_end(), _variant("comptia", "security_plus", more), date(2024, 6, 1)).startswith(
        NEEDED_150
    )


def test_claims_renewing_by_the_cycle_end_do_not_share_when_the_credit_option_restarts_the_cycle() -> None:
    # Security+ whose CEU option restarts the cycle (a variant): a renewal's day then moves the next
    # cycle, so what-ifs renewing on different days are not alike: refused.
    def restart(options: list[dict[str, Any]]) -> None:
        options[-1]["restarts"] = True

    policy = _variant("comptia", "security_plus", restart)
    assert _refused(_by_the_end(), policy, date(2024, 6, 1)).startswith(NEEDED_150)


def test_claims_before_a_renewal_each_need_a_what_if_when_two_options_take_credits() -> None:
    # CISSP with a second credit option, 200 CPE (a variant). a1 100 Group A (2022-09-01) + b1 30 Group B
    # (2023-03-01) renew it on 2023-03-01 by the first; 150 pending 1-CPE claims of 2022-10-01 before
    # that day: the proof that an earlier renewal changes nothing needs one credit option: refused.
    def more(options: list[dict[str, Any]]) -> None:
        options.append(
            {
                "label": "200 CPE",
                "rule": "R-ISC2-2",
                "requirements": [{"ce_credits": 200, "rule": "R-ISC2-2"}],
            }
        )

    record = _cissp(
        [
            _approved("a1", 100, date(2022, 9, 1)),
            _approved("b1", 30, date(2023, 3, 1), "group_b"),
            *_pending(150, 1, date(2022, 10, 1)),
        ]
    )
    assert _refused(record, _variant("isc2-cissp", "cissp", more), date(2024, 6, 1)).startswith(NEEDED_150)


def test_claims_share_a_what_if_when_earlier_options_are_clearly_short_of_credits_or_fees() -> None:
    # CISSP with three options (a variant): 200 CPE; the embedded one (120 CPE, 90 Group A, AMF); 120 CPE
    # without the AMF. AMF paid through 2024-06-01 only, before E 2025-06-01. a1 89.3 Group A + b1 30
    # Group B; each 1-CPE claim of 2023-01-02 makes 120.3: the first option is short by far (no margin
    # to mind), the second only of its fees, the third is met, 0.3 clear: one what-if for the 150.
    def three(options: list[dict[str, Any]]) -> None:
        options.insert(0, {"label": "200 CPE", "rule": "R-ISC2-2", "requirements": [{"ce_credits": 200}]})
        options.append({"label": "120 CPE", "rule": "R-ISC2-2", "requirements": [{"ce_credits": 120}]})

    record = _cissp(
        [
            _approved("a1", 89.3, date(2022, 9, 1)),
            _approved("b1", 30, date(2022, 9, 2), "group_b"),
            *_pending(150, 1, date(2023, 1, 2)),
        ],
        fees=date(2024, 6, 1),
    )
    policy = _variant("isc2-cissp", "cissp", three)
    assert _awaited(record, policy, date(2024, 6, 1)) == ("active", date(2025, 6, 1), 150, "p000")


def test_claims_share_a_what_if_under_yearly_minimums_when_the_sums_are_not_exact() -> None:
    # ISACA without the quarter-hour step (a variant), so 40.3 hours count as 40.3. CISA from 2022-01-01,
    # period 2022-01-01 .. 2024-12-31: a22 40.3 (2022), a23 40 (2023), a24 39 (2024-02-01) = 119.3, every
    # year >= 20. Each 1-hour claim of 2024-03-01 makes 120.3 and 2024 40, all clear of 120 and 20 by more
    # than the margin: the period renews on the claim's day (R-ISACA-2): one what-if for the 150
    # (150 x 153 > 15,000 otherwise); E stays 2024-12-31 until one is approved.
    data = policy_data("isaca-cisa")
    del data["parameters"]["credit_step"]
    policy = recert.policy_from_mapping(data)

    def cpe(id_: str, hours: float, day: date) -> Activity:
        return _approved(id_, hours, day, "cpe")

    record = Record(
        holdings=(Holding("CISA", date(2022, 1, 1)),),
        activities=(
            cpe("a22", 40.3, date(2022, 2, 1)),
            cpe("a23", 40, date(2023, 2, 1)),
            cpe("a24", 39, date(2024, 2, 1)),
            *_pending(150, 1, date(2024, 3, 1), "cpe"),
        ),
    )
    assert _awaited(record, policy, date(2024, 6, 1)) == ("active", date(2024, 12, 31), 150, "p000")


def test_claims_meeting_a_minimum_exactly_with_amounts_in_tenths_do_not_share_a_what_if() -> None:
    # a1 89.2 Group A + b1 30 Group B; each 0.8-CPE claim makes exactly 120 CPE and 90 Group A: met, by
    # less than the margin. 89.2 and 0.8 are not multiples of 1/1024, so their float sums are not exact
    # in every order and the proof keeps its margin: each claim needs its own what-if: refused.
    record = _cissp(
        [
            _approved("a1", 89.2, date(2022, 9, 1)),
            _approved("b1", 30, date(2022, 9, 2), "group_b"),
            *_pending(150, 0.8, date(2023, 1, 2)),
        ]
    )
    assert _refused(record, ISC2, date(2024, 6, 1)).startswith(NEEDED_150)


def test_claims_naming_a_concentration_too_small_to_renew_it_need_no_what_if() -> None:
    # CISSP (AMF through 2028-06-01) and ISSAP, which follows it, from 2022-06-01; c1 10 Group A naming
    # ISSAP approved. 150 pending 1-CPE claims naming ISSAP (2023-01-02) count toward ISSAP (named) and
    # the CISSP (shared credits, D-ISC2-5): each alone leaves ISSAP at 11 of 20 named CPE (R-ISC2-8) and
    # the CISSP at 11 of 120: no what-if (case C; what one claim's proof adds is not kept for the next).
    # Decided: nothing awaited, both expire 2025-06-01.
    record = Record(
        holdings=(
            Holding("CISSP", date(2022, 6, 1), fees_paid_through=date(2028, 6, 1)),
            Holding("ISSAP", date(2022, 6, 1)),
        ),
        activities=(
            Activity(
                "c1",
                10,
                date(2022, 9, 1),
                claimed_on=date(2022, 9, 1),
                status="approved",
                applies_to=("ISSAP",),
            ),
            *(
                Activity(
                    f"p{k:03}",
                    1,
                    date(2023, 1, 2),
                    claimed_on=date(2023, 1, 2),
                    status="pending",
                    applies_to=("ISSAP",),
                )
                for k in range(150)
            ),
        ),
    )
    result = recert.evaluate(record, as_of=date(2024, 6, 1), policy=ISC2)
    assert [(c.certification, c.expires_on, c.awaiting) for c in result.certifications] == [
        ("CISSP", date(2025, 6, 1), ()),
        ("CISSP-ISSAP", date(2025, 6, 1), ()),
    ]


def test_claims_of_a_talent_area_too_small_to_meet_it_need_no_what_if() -> None:
    # PMP from 2021-01-10 (E 2024-01-10): w1 5 ways, p1 15 power, b1 15 business, g1 25 giving back:
    # 60 PDUs, Education 35, but ways 5 of 8 (R-PMI-3). 150 pending 0.5-PDU ways claims (2022-01-03):
    # each alone makes ways 5.5, still short: no what-if (case C, each proof on its own). Decided on
    # 2023-06-01: active, E 2024-01-10, nothing awaited.
    data = {
        "holdings": [{"certification": "PMP", "earned_on": "2021-01-10"}],
        "activities": [
            act("w1", 5, "2021-06-01", "2021-06-02", category="education_ways_of_working"),
            act("p1", 15, "2021-07-01", "2021-07-02", category="education_power_skills"),
            act("b1", 15, "2021-08-01", "2021-08-02", category="education_business_acumen"),
            act("g1", 25, "2022-06-01", "2022-06-02", category="giving_back_other"),
            *(
                act(
                    f"q{k:03}",
                    0.5,
                    "2022-01-03",
                    "2022-01-03",
                    status="pending",
                    category="education_ways_of_working",
                )
                for k in range(150)
            ),
        ],
    }
    result = recert.evaluate(recert.record_from_mapping(data, policy=PMI), as_of=date(2023, 6, 1), policy=PMI)
    status = result.certifications[0]
    assert (status.status, status.expires_on, status.awaiting) == ("active", date(2024, 1, 10), ())


def _pmp_capped(giving_back: list[dict[str, object]], power: float, claim_category: str) -> recert.Record:
    # PMP from 2021-01-10 (E 2024-01-10): w1 4 ways, p1 *power* power skills, b1 15 business (2021), the
    # Giving Back activities *giving_back* (2021-09), y1 6 ways on 2023-06-01 (ways 10: renewed that day).
    # 150 pending 1-PDU claims of 2022-01-03 in *claim_category*, before the renewal.
    data = {
        "holdings": [{"certification": "PMP", "earned_on": "2021-01-10"}],
        "activities": [
            act("w1", 4, "2021-06-01", "2021-06-02", category="education_ways_of_working"),
            act("p1", power, "2021-07-01", "2021-07-02", category="education_power_skills"),
            act("b1", 15, "2021-08-01", "2021-08-02", category="education_business_acumen"),
            *giving_back,
            act("y1", 6, "2023-06-01", "2023-06-02", category="education_ways_of_working"),
            *(
                act(f"q{k:03}", 1, "2022-01-03", "2022-01-03", status="pending", category=claim_category)
                for k in range(150)
            ),
        ],
    }
    return recert.record_from_mapping(data, policy=PMI)


def _pmp_decided(record: recert.Record) -> tuple[date | None, tuple[str, ...], object]:
    result = recert.evaluate(record, as_of=date(2024, 3, 1), policy=PMI)
    status = result.certifications[0]
    return (status.expires_on, status.awaiting, result.to_dict()["certifications"][0]["cycle"]["rolled_in"])


def test_claims_over_a_full_group_cap_need_no_what_if() -> None:
    # g1 25 Giving Back (other): the Giving Back group cap of 25 is full (R-PMI-4). Total 65, Education
    # 40: renewed 2023-06-01, y1 rolls min(6, 5, 5, ways 2) = 2. A Giving Back claim would count 0 (the
    # group's cap, though its own category has none): no what-if; decided.
    gb = [act("g1", 25, "2021-09-01", "2021-09-02", category="giving_back_other")]
    assert _pmp_decided(_pmp_capped(gb, 15, "giving_back_other")) == (date(2027, 1, 10), (), 2)


def test_claims_over_a_full_category_cap_need_no_what_if() -> None:
    # g1 8 Working as a practitioner (its own cap of 8 full, R-PMI-4) and g2 10 other Giving Back (group
    # 18 of 25). p1 22: total 65, Education 47, ways 10 on 2023-06-01: renewed; y1 rolls
    # min(6, 5, 12, 2) = 2. A practitioner claim would count 0 (its category's cap; the group has room):
    # no what-if; decided.
    gb = [
        act("g1", 8, "2021-09-01", "2021-09-02", category="giving_back_practitioner"),
        act("g2", 10, "2021-09-03", "2021-09-04", category="giving_back_other"),
    ]
    assert _pmp_decided(_pmp_capped(gb, 22, "giving_back_practitioner")) == (date(2027, 1, 10), (), 2)


def _at_the_brim(later_activities: int) -> Record:
    # a1 90.5 Group A + b1 29 Group B; 100 pending 1-CPE Group B claims of 2023-01-02, each of which
    # would renew the cycle (120.5) and fill the Group B cap to the brim: a what-if each (see above).
    # Besides, *later_activities* approved activities and two exam passes (ISSAP, ISSEP) dated
    # 2024-07-01, after the evaluation date: not facts of the decision (D-ASOF-1), but counted by the
    # budget, which is read before anything is decided.
    return Record(
        holdings=(Holding("CISSP", date(2022, 6, 1), fees_paid_through=date(2028, 6, 1)),),
        activities=(
            _approved("a1", 90.5, date(2022, 9, 1)),
            _approved("b1", 29, date(2022, 9, 2), "group_b"),
            *_pending(100, 1, date(2023, 1, 2), "group_b"),
            *(_approved(f"l{k:02}", 1, date(2024, 7, 1)) for k in range(later_activities)),
        ),
        exams=(recert.ExamPass("ISSAP", date(2024, 7, 1)), recert.ExamPass("ISSEP", date(2024, 7, 1))),
    )


def test_what_ifs_exactly_at_the_budget_are_run() -> None:
    # 100 what-ifs x (2 + 100 + 46 activities + 2 exam passes = 150 facts) x 1 holding = 15,000: not over
    # the limit: decided; the CISSP awaits all 100 (each would renew it: E 2025-06-01 -> 2028-06-01).
    assert _awaited(_at_the_brim(46), ISC2, date(2024, 6, 1)) == ("active", date(2025, 6, 1), 100, "p000")


def test_what_ifs_one_fact_over_the_budget_are_refused() -> None:
    # One more later activity: 100 x 151 x 1 = 15,100 > 15,000: refused, the exam passes counted too.
    assert _refused(_at_the_brim(47), ISC2, date(2024, 6, 1)) == (
        "100 pending or audited claims each need the record decided again to find what awaits them "
        "(R-FC-5), with 151 activities and exam passes: over the limit of 15,000 (claims x activities "
        "and passes x 1 holdings); decide fewer pending claims at once"
    )


def _renewing_on_their_day(day: date, category: str = "group_a") -> Record:
    # a1 99 Group A + b1 20 Group B (119); 150 pending 1-CPE claims of *day* in *category*: each makes
    # 120 (Group A >= 90, Group B 21 under its cap) and renews the cycle on its own day (R-ISC2-2).
    return _cissp(
        [
            _approved("a1", 99, date(2022, 9, 1)),
            _approved("b1", 20, date(2022, 9, 2), "group_b"),
            *_pending(150, 1, day, category),
        ]
    )


def test_claims_that_could_roll_over_themselves_do_not_share_once_the_cycle_ended() -> None:
    # On 2025-07-01, after E 2025-06-01, a what-if that renews the cycle also rolls credits over
    # (R-ISC2-5): a Group A claim of 2024-12-02, inside the last six months, would roll over itself, so
    # what-ifs differ by claim: 150 x 152 > 15,000: refused.
    assert _refused(_renewing_on_their_day(date(2024, 12, 2)), ISC2, date(2025, 7, 1)).startswith(NEEDED_150)


def test_claims_that_cannot_roll_over_share_a_what_if_once_the_cycle_ended() -> None:
    # Group B claims of 2024-12-02 (Group B does not roll over) and Group A claims of 2024-12-01 (before
    # the six months) renew it alike, with the same category, credits and cycle year: one what-if each
    # group. On 2025-07-01 the CISSP, not renewed by E, is suspended in its 90-day window (R-ISC2-4),
    # E 2025-06-01, and awaits all 150.
    expected = ("suspended", date(2025, 6, 1), 150, "p000")
    assert _awaited(_renewing_on_their_day(date(2024, 12, 2), "group_b"), ISC2, date(2025, 7, 1)) == expected
    assert _awaited(_renewing_on_their_day(date(2024, 12, 1)), ISC2, date(2025, 7, 1)) == expected


def test_claims_in_the_rollover_months_share_a_what_if_until_the_cycle_end() -> None:
    # Evaluated on E 2025-06-01 itself: no rollover is made yet, Group A claims of 2024-12-02 share one
    # what-if; the CISSP is active on E and awaits all 150.
    assert _awaited(_renewing_on_their_day(date(2024, 12, 2)), ISC2, date(2025, 6, 1)) == (
        "active",
        date(2025, 6, 1),
        150,
        "p000",
    )


def test_claims_of_a_certification_another_holding_renews_by_the_map_do_not_share() -> None:
    # CompTIA: Security+ and Network+ from 2023-06-01. s1 49 CEUs toward Security+ (the intent level,
    # R-CT-4); each 1-CEU claim of 2024-01-02 would renew Security+, and with it Network+ by the renewal
    # map (R-CT-6): the what-ifs are not proved alike: 150 x 151 x 2 > 15,000: refused.
    record = Record(
        holdings=(Holding("Security+", date(2023, 6, 1)), Holding("Network+", date(2023, 6, 1))),
        activities=(
            _approved("s1", 49, date(2023, 7, 1), "training"),
            *_pending(150, 1, date(2024, 1, 2), "training"),
        ),
    )
    assert _refused(record, COMPTIA, date(2024, 6, 1)).startswith(NEEDED_150)


def test_claims_of_a_certification_named_in_another_holding_s_map_do_not_share() -> None:
    # CompTIA: Security+ from 2019-01-01 (expired 2022-01-01, never renewed) and Network+ from 2021-06-01
    # (E 2024-06-01). n1 29 CEUs toward Network+ (2021-09-01); 1-CEU claims of 2022-06-01 count toward
    # Network+ (Security+ has expired) and would each renew it; Security+'s map names Network+, so the
    # proof does not treat Network+ as alone: 150 x 151 x 2 > 15,000: refused.
    record = Record(
        holdings=(Holding("Security+", date(2019, 1, 1)), Holding("Network+", date(2021, 6, 1))),
        activities=(
            _approved("n1", 29, date(2021, 9, 1), "training"),
            *_pending(150, 1, date(2022, 6, 1), "training"),
        ),
    )
    assert _refused(record, COMPTIA, date(2023, 6, 1)).startswith(NEEDED_150)


def test_claims_completed_on_the_cycle_end_share_a_what_if() -> None:
    # Group A claims completed on E 2025-06-01 itself still count in the cycle and renew it on E, alike:
    # one what-if; evaluated on E, the CISSP is active and awaits all 150.
    assert _awaited(_renewing_on_their_day(date(2025, 6, 1)), ISC2, date(2025, 6, 1)) == (
        "active",
        date(2025, 6, 1),
        150,
        "p000",
    )


def test_claims_below_the_credit_step_need_no_what_if_even_where_a_minimum_binds() -> None:
    # As the last test with 0.2-PDU ways claims: PDUs count in quarters (R-PMI-7), so each would count
    # 0 and cannot change the binding ways excess: no what-if; decided, 2 rolled over.
    data = _pmp("education_ways_of_working", (6, 4), credits=0.2)
    result = recert.evaluate(recert.record_from_mapping(data, policy=PMI), as_of=date(2024, 3, 1), policy=PMI)
    status = result.certifications[0]
    assert (
        status.expires_on,
        status.awaiting,
        result.to_dict()["certifications"][0]["cycle"]["rolled_in"],
    ) == (
        date(2027, 1, 10),
        (),
        2,
    )


def test_claims_before_a_renewal_that_bring_a_group_cap_to_the_brim_each_need_a_what_if() -> None:
    # g1 24 Giving Back (other; group cap 25, R-PMI-4), renewed on 2023-06-01 with a rollover. A 1-PDU
    # Giving Back claim of 2022-01-03 would count 1 and fill the group's cap: not proved harmless to the
    # credits after it (case D needs no cap at its limit): 150 x 155 > 15,000: refused.
    gb = [act("g1", 24, "2021-09-01", "2021-09-02", category="giving_back_other")]
    assert _refused(_pmp_capped(gb, 15, "giving_back_other"), PMI, date(2024, 3, 1)).startswith(NEEDED_150)


def test_claims_before_a_renewal_that_leave_room_under_a_cap_need_no_what_if() -> None:
    # a1 100 Group A (2022-09-01) and b1 28.5 Group B (2023-03-01) renew the CISSP on 2023-03-01. 150
    # pending 1-CPE Group B claims of 2022-10-01: with one, Group B would be 29.5, under the cap of 30 by
    # more than the margin: the renewal comes no later and nothing else changes (case D): no what-if;
    # decided (next cycle from 2025-06-02 to 2028-06-01).
    record = _cissp(
        [
            _approved("a1", 100, date(2022, 9, 1)),
            _approved("b1", 28.5, date(2023, 3, 1), "group_b"),
            *_pending(150, 1, date(2022, 10, 1), "group_b"),
        ]
    )
    status = recert.evaluate(record, as_of=date(2024, 6, 1), policy=ISC2).certifications[0]
    assert (status.recertified_on, status.expires_on, status.awaiting) == (
        date(2023, 3, 1),
        date(2028, 6, 1),
        (),
    )


def test_claims_on_the_day_of_a_renewal_under_a_renewal_map_each_need_a_what_if() -> None:
    # Security+ alone: s1 49 and s2 1 (2024-03-01) renew it on 2024-03-01. 150 pending 1-CEU claims of
    # 2024-03-01 itself: the renewal map makes the renewal's day matter (R-CT-6), and a claim of that
    # day is not proved to leave it as is: refused.
    record = _security_plus(
        [
            _approved("s1", 49, date(2023, 7, 1), "training"),
            _approved("s2", 1, date(2024, 3, 1), "training"),
            *_pending(150, 1, date(2024, 3, 1), "training"),
        ]
    )
    assert _refused(record, COMPTIA, date(2024, 6, 1)).startswith(NEEDED_150)


def _cisa(hours_2022: float) -> Record:
    # ISACA: CISA from 2022-01-01 (period to 2024-12-31); a22 *hours_2022* in 2022, a23 5 in 2023: 2023
    # is short of 20, revoked from 2024-01-16 (R-ISACA-4). 150 pending 1-hour claims of 2022-06-01.
    return Record(
        holdings=(Holding("CISA", date(2022, 1, 1)),),
        activities=(
            _approved("a22", hours_2022, date(2022, 5, 1), "cpe"),
            _approved("a23", 5, date(2023, 5, 1), "cpe"),
            *_pending(150, 1, date(2022, 6, 1), "cpe"),
        ),
    )


def test_claims_in_a_year_met_by_far_need_no_what_if() -> None:
    # 2022 has 25 hours: a claim keeps it met and cannot renew the period (31 < 120) nor mend 2023:
    # no what-if; decided: revoked, last active day 2024-01-15.
    status = recert.evaluate(_cisa(25), as_of=date(2024, 3, 1), policy=ISACA).certifications[0]
    assert (status.status, status.expires_on, status.awaiting) == ("revoked", date(2024, 1, 15), ())


def test_claims_in_a_year_met_exactly_each_need_a_what_if() -> None:
    # 2022 has exactly 20 hours: met, but within the proof's margin of the minimum, so a claim of 2022
    # is not proved to leave that year's side unchanged: 150 x 152 > 15,000: refused.
    assert _refused(_cisa(20), ISACA, date(2024, 3, 1)).startswith(NEEDED_150)


def test_claims_naming_a_concentration_with_nothing_named_yet_need_no_what_if() -> None:
    # CISSP and ISSAP from 2022-06-01, no activity yet. 150 pending 19.5-CPE claims naming ISSAP: each
    # alone gives ISSAP 19.5 of 20 named CPE and the CISSP 19.5 of 120: neither renews (case C):
    # decided, nothing awaited.
    record = Record(
        holdings=(
            Holding("CISSP", date(2022, 6, 1), fees_paid_through=date(2028, 6, 1)),
            Holding("ISSAP", date(2022, 6, 1)),
        ),
        activities=tuple(
            Activity(
                f"p{k:03}",
                19.5,
                date(2023, 1, 2),
                claimed_on=date(2023, 1, 2),
                status="pending",
                applies_to=("ISSAP",),
            )
            for k in range(150)
        ),
    )
    result = recert.evaluate(record, as_of=date(2024, 6, 1), policy=ISC2)
    assert [(c.certification, c.expires_on, c.awaiting) for c in result.certifications] == [
        ("CISSP", date(2025, 6, 1), ()),
        ("CISSP-ISSAP", date(2025, 6, 1), ()),
    ]
