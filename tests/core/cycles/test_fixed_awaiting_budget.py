"""How many what-ifs a record's pending claims need, read from the budget refusal (D-FIXED-7, issue 17).

A record whose pending claims need more what-ifs than the budget allows is refused with a
``RecordError`` that names how many claims need one. Claims proved to change nothing when
approved are not counted, so the number in the message pins which claims are proved so.
Through the public API only (``recert.evaluate``).
"""

from __future__ import annotations

from datetime import date

import pytest
from fixed_helpers import COMPTIA, ISACA, ISC2

import recert
from recert import Activity, Holding, Record


def _claim(
    id_: str, credits: float, day: date, category: str = "group_a", item: str | None = None
) -> Activity:
    return Activity(id_, credits, day, item=item, category=category, claimed_on=day, status="pending")


def _refusal(skipped: list[Activity]) -> str:
    # CISSP from 2022-06-01 (E 2025-06-01, AMF paid through 2028-06-01) and ISSAP, which follows it (so
    # no two claims share a what-if). Approved: a1 89 Group A (item "course-1"), b1 30 Group B (the
    # Group B cap of 30 is full). 70 pending 1-CPE Group A claims each would make 120 CPE and 90 Group A
    # and renew the cycle: each needs a what-if. With the *skipped* claims the record has
    # 2 + 70 + len(skipped) activities; 70 x 132 x 2 holdings = 18,480 > 15,000: refused.
    needed = [_claim(f"p{k}", 1, date(2023, 1, 2)) for k in range(70)]
    record = Record(
        holdings=(
            Holding("CISSP", date(2022, 6, 1), fees_paid_through=date(2028, 6, 1)),
            Holding("ISSAP", date(2023, 1, 1)),
        ),
        activities=(
            Activity(
                "a1", 89, date(2022, 9, 1), item="course-1", claimed_on=date(2022, 9, 1), status="approved"
            ),
            Activity(
                "b1", 30, date(2022, 9, 2), category="group_b", claimed_on=date(2022, 9, 2), status="approved"
            ),
            *needed,
            *skipped,
        ),
    )
    with pytest.raises(recert.RecordError) as caught:
        recert.evaluate(record, as_of=date(2024, 6, 1), policy=ISC2)
    assert [p.path for p in caught.value.problems] == ["activities"]
    return caught.value.problems[0].message


EXPECTED = (
    "70 pending or audited claims each need the record decided again to find what awaits them (R-FC-5), "
    "with 132 activities and exam passes: over the limit of 15,000 (claims x activities and passes x 2 "
    "holdings); decide fewer pending claims at once"
)


def test_claims_over_a_full_cap_need_no_what_if() -> None:
    # 60 pending Group B claims after the cap is full would count 0 when approved (R-FC-6): no what-if.
    skipped = [_claim(f"q{k}", 1, date(2023, 2, 1), category="group_b") for k in range(60)]
    assert _refusal(skipped) == EXPECTED


def test_duplicates_of_a_counted_item_need_no_what_if() -> None:
    # 60 pending claims of the item a1 already counts in the cycle are duplicates (D-DUP-1), rejected
    # before their approval matters: no what-if.
    skipped = [_claim(f"d{k}", 5, date(2023, 2, 1), item="course-1") for k in range(60)]
    assert _refusal(skipped) == EXPECTED


def test_claims_made_after_the_evaluation_date_need_no_what_if() -> None:
    # 60 claims completed and claimed after as_of do not exist yet (D-ASOF-1): no what-if, but they are
    # still facts of the record (132 in all).
    later = [_claim(f"f{k}", 1, date(2024, 7, 1)) for k in range(60)]
    assert _refusal(later) == EXPECTED


def test_claims_after_the_renewal_of_an_open_cycle_need_no_what_if() -> None:
    # CISSP and ISSAP from 2022-06-01 (E 2025-06-01). a1 100 Group A + b1 30 Group B renew the CISSP on
    # 2022-09-02; c1 19 Group A names ISSAP (one short of 20). 70 pending 1-CPE claims naming ISSAP would
    # each renew it (20 named, with its CISSP renewed): 70 what-ifs. 60 pending claims naming nothing come
    # after the CISSP's renewal, in a cycle still open on as_of (no rollover read yet): no what-if.
    # 70 x (3 + 70 + 60 = 133) x 2 = 18,620 > 15,000: refused.
    record = Record(
        holdings=(
            Holding("CISSP", date(2022, 6, 1), fees_paid_through=date(2028, 6, 1)),
            Holding("ISSAP", date(2022, 6, 1)),
        ),
        activities=(
            Activity("a1", 100, date(2022, 9, 1), claimed_on=date(2022, 9, 1), status="approved"),
            Activity(
                "b1", 30, date(2022, 9, 2), category="group_b", claimed_on=date(2022, 9, 2), status="approved"
            ),
            Activity(
                "c1",
                19,
                date(2022, 10, 1),
                claimed_on=date(2022, 10, 1),
                status="approved",
                applies_to=("ISSAP",),
            ),
            *(
                Activity(
                    f"p{k}",
                    1,
                    date(2023, 1, 2),
                    claimed_on=date(2023, 1, 2),
                    status="pending",
                    applies_to=("ISSAP",),
                )
                for k in range(70)
            ),
            *(_claim(f"q{k}", 1, date(2023, 2, 1)) for k in range(60)),
        ),
    )
    with pytest.raises(recert.RecordError) as caught:
        recert.evaluate(record, as_of=date(2024, 6, 1), policy=ISC2)
    assert caught.value.problems[0].message.startswith(
        "70 pending or audited claims each need the record decided again to find what awaits them (R-FC-5), "
        "with 133 activities and exam passes"
    )


def test_claims_too_small_to_renew_a_cycle_need_no_what_if() -> None:
    # CompTIA: Network+ from 2022-01-10, Security+ from 2023-06-01 (its earning aligns Network+ to
    # 2026-06-01, R-CT-6). s1 10 CEUs approved toward Security+ (R-CT-4). 70 pending 1-CEU claims of
    # 2023-01-02, before Security+ existed, count toward the aligned Network+ cycle: each needs a what-if
    # (an aligned cycle's dates are not the replay's). 60 pending 1-CEU claims of 2023-08-01 go to
    # Security+, which even with one more (11 < 50) is not renewed: no what-if.
    # 70 x (1 + 70 + 60 = 131) x 2 = 18,340 > 15,000: refused.
    def claim(id_: str, day: date) -> Activity:
        return Activity(id_, 1, day, claimed_on=day, status="pending")

    record = Record(
        holdings=(Holding("Security+", date(2023, 6, 1)), Holding("Network+", date(2022, 1, 10))),
        activities=(
            Activity("s1", 10, date(2023, 7, 1), claimed_on=date(2023, 7, 1), status="approved"),
            *(claim(f"p{k}", date(2023, 1, 2)) for k in range(70)),
            *(claim(f"q{k}", date(2023, 8, 1)) for k in range(60)),
        ),
    )
    with pytest.raises(recert.RecordError) as caught:
        recert.evaluate(record, as_of=date(2024, 6, 1), policy=COMPTIA)
    assert caught.value.problems[0].message.startswith(
        "70 pending or audited claims each need the record decided again to find what awaits them (R-FC-5), "
        "with 131 activities and exam passes"
    )


def test_claims_that_cannot_mend_a_short_year_need_no_what_if() -> None:
    # ISACA: CISA from 2022-01-01; 2022 has a1 10 hours approved: short of 20 at 2023-01-15, revoked from
    # 2023-01-16 (R-ISACA-4). 120 pending 10-hour claims of 2022 would each make 20 and undo the
    # revocation: a what-if each. 60 pending 1-hour claims of 2022 leave it short (11 < 20) and cannot
    # renew the period: no what-if. 120 x (1 + 120 + 60 = 181) x 1 = 21,720 > 15,000: refused.
    def claim(id_: str, hours: float) -> Activity:
        return Activity(
            id_, hours, date(2022, 11, 1), category="cpe", claimed_on=date(2022, 12, 1), status="pending"
        )

    record = Record(
        holdings=(Holding("CISA", date(2022, 1, 1)),),
        activities=(
            Activity(
                "a1", 10, date(2022, 5, 1), category="cpe", claimed_on=date(2022, 5, 1), status="approved"
            ),
            *(claim(f"p{k}", 10) for k in range(120)),
            *(claim(f"q{k}", 1) for k in range(60)),
        ),
    )
    with pytest.raises(recert.RecordError) as caught:
        recert.evaluate(record, as_of=date(2023, 3, 1), policy=ISACA)
    assert caught.value.problems[0].message.startswith(
        "120 pending or audited claims each need the record decided again to find what awaits them (R-FC-5), "
        "with 181 activities and exam passes: over the limit of 15,000 (claims x activities and passes x 1 holdings)"
    )


def _cissp_alone(activities: list[Activity]) -> Record:
    return Record(
        holdings=(Holding("CISSP", date(2022, 6, 1), fees_paid_through=date(2028, 6, 1)),),
        activities=tuple(activities),
    )


def test_claims_before_a_renewal_by_the_one_credit_option_need_no_what_if() -> None:
    # CISSP alone (E 2025-06-01): a1 100 Group A (2022-09-01) + b1 30 Group B (2023-03-01) renew it on
    # 2023-03-01. 130 pending 1-CPE claims of 2022-10-01, before that day: approved, the cycle would
    # renew earlier, by the same option, on or before its end; fixed cycles do not stack (R-FC-2), so
    # nothing changes (case D). Each needing a what-if would be 130 x 132 > 15,000: the record is
    # decided, nothing is awaited, expires 2028-06-01.
    claims = [_claim(f"p{k}", 1, date(2022, 10, 1)) for k in range(130)]
    record = _cissp_alone(
        [
            Activity("a1", 100, date(2022, 9, 1), claimed_on=date(2022, 9, 1), status="approved"),
            Activity(
                "b1", 30, date(2023, 3, 1), category="group_b", claimed_on=date(2023, 3, 1), status="approved"
            ),
            *claims,
        ]
    )
    status = recert.evaluate(record, as_of=date(2024, 6, 1), policy=ISC2).certifications[0]
    assert (status.recertified_on, status.expires_on, status.awaiting) == (
        date(2023, 3, 1),
        date(2028, 6, 1),
        (),
    )


def test_claims_after_a_renewal_whose_rollover_they_cannot_change_need_no_what_if() -> None:
    # CISSP alone renewed on 2022-09-01 (a1 130 Group A); r1 30 Group A approved on 2025-03-01, in the last
    # six months (2024-12-01, 2025-06-01]. Rollover (R-ISC2-5): min(40, excess 160 - 120 = 40, Group A
    # 160 - 90 = 70, r1 30) = 30 into the cycle from 2025-06-02.
    # 130 pending 1-CPE claims of 2023-01-01 come after the renewal and outside the six months: they
    # cannot roll over themselves nor change what rolls (case B): no what-if; the record is decided.
    claims = [_claim(f"p{k}", 1, date(2023, 1, 1)) for k in range(130)]
    record = _cissp_alone(
        [
            Activity("a1", 130, date(2022, 9, 1), claimed_on=date(2022, 9, 1), status="approved"),
            Activity("r1", 30, date(2025, 3, 1), claimed_on=date(2025, 3, 1), status="approved"),
            *claims,
        ]
    )
    result = recert.evaluate(record, as_of=date(2025, 7, 1), policy=ISC2)
    status = result.certifications[0]
    assert (status.term_started_on, status.expires_on, status.awaiting) == (
        date(2025, 6, 2),
        date(2028, 6, 1),
        (),
    )
    assert result.to_dict()["certifications"][0]["cycle"]["rolled_in"] == 30


def test_claims_that_each_renew_the_cycle_on_their_own_day_share_one_what_if() -> None:
    # CISSP alone (no follower, no renewal map): a1 89 Group A + b1 30 Group B approved = 119 CPE.
    # 150 pending 1-CPE Group A claims of 2023-01-02: each alone makes 120 (90 Group A) and renews the
    # cycle on its own day by the same option; their what-ifs differ in nothing a status reads, so one
    # is run for all (D-FIXED-7). 150 what-ifs would be 150 x 152 > 15,000: the record is decided and
    # the CISSP awaits all 150 (R-FC-5).
    claims = [_claim(f"p{k:03}", 1, date(2023, 1, 2)) for k in range(150)]
    record = _cissp_alone(
        [
            Activity("a1", 89, date(2022, 9, 1), claimed_on=date(2022, 9, 1), status="approved"),
            Activity(
                "b1", 30, date(2022, 9, 2), category="group_b", claimed_on=date(2022, 9, 2), status="approved"
            ),
            *claims,
        ]
    )
    status = recert.evaluate(record, as_of=date(2024, 6, 1), policy=ISC2).certifications[0]
    assert (status.expires_on, len(status.awaiting), status.awaiting[:2]) == (
        date(2025, 6, 1),
        150,
        ("p000", "p001"),
    )


def test_claims_that_each_renew_the_period_by_its_end_share_one_what_if() -> None:
    # ISACA (the window admits no activities): CISA from 2022-01-01, approved 59 hours in 2022, 20 in 2023
    # and 40 on 2024-02-01 = 119 (each year >= 20). 150 pending 1-hour claims of 2022-03-01: with any one,
    # 120 are met on 2024-02-01, by the period's end, by its one credit option: one what-if for all.
    # 150 x 153 > 15,000 otherwise. Decided: CISA awaits all 150, expires 2024-12-31 meanwhile.
    def cpe(id_: str, hours: float, day: date, status: str) -> Activity:
        return Activity(id_, hours, day, category="cpe", claimed_on=day, status=status)  # type: ignore[arg-type]

    record = Record(
        holdings=(Holding("CISA", date(2022, 1, 1), fees_paid_through=date(2026, 1, 1)),),
        activities=(
            cpe("a22", 59, date(2022, 2, 1), "approved"),
            cpe("a23", 20, date(2023, 2, 1), "approved"),
            cpe("a24", 40, date(2024, 2, 1), "approved"),
            *(cpe(f"p{k:03}", 1, date(2022, 3, 1), "pending") for k in range(150)),
        ),
    )
    status = recert.evaluate(record, as_of=date(2024, 6, 1), policy=ISACA).certifications[0]
    assert (status.status, status.expires_on, len(status.awaiting)) == ("active", date(2024, 12, 31), 150)


def test_claims_filling_a_cap_to_the_brim_do_not_share_a_what_if() -> None:
    # CISSP alone: a1 90.5 Group A + b1 29 Group B = 119.5. 150 pending 1-CPE Group B claims of
    # 2023-01-02 would each make 120.5 and renew the cycle, but each fills the Group B cap of 30 to the
    # brim (29 + 1): with a cap that tight, later credits might count differently, so their what-ifs are
    # not proved alike and each needs its own: 150 x 152 x 1 = 22,800 > 15,000: refused.
    record = _cissp_alone(
        [
            Activity("a1", 90.5, date(2022, 9, 1), claimed_on=date(2022, 9, 1), status="approved"),
            Activity(
                "b1", 29, date(2022, 9, 2), category="group_b", claimed_on=date(2022, 9, 2), status="approved"
            ),
            *(_claim(f"q{k:03}", 1, date(2023, 1, 2), category="group_b") for k in range(150)),
        ]
    )
    with pytest.raises(recert.RecordError) as caught:
        recert.evaluate(record, as_of=date(2024, 6, 1), policy=ISC2)
    assert caught.value.problems[0].message.startswith(
        "150 pending or audited claims each need the record decided again"
    )
