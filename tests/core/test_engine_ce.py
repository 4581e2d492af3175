"""Spec section 5: CE credits, pooling, reset, eligibility, duplicates.

Rules R-CE-1, R-CE-4, D-POOL-1, R-CE-5, D-POOL-2, R-CE-6, D-POOL-3, D-POOL-4,
D-POOL-5, D-DUP-1. Every expected value is worked out by hand from
spec/cisco-ce-policy.md.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files

import attrs
import pytest

from builders import (
    CCNP_ENT,
    CCNP_SEC,
    SPEC_ENCOR,
    act,
    d,
    events,
    gap,
    held,
    passed,
    record,
    run,
    with_params,
)
from recert import cisco_policy, policy_from_mapping

# --------------------------------------------------------------------------- R-CE-1


def test_only_approved_claims_count() -> None:
    # R-CE-1: CCNA held 2022-01-10. a1 30 credits pending, a2 30 credits rejected by the program:
    # nothing recertifies; expiration stays 2025-01-10.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[
            act("a1", 30, "2022-05-01", status=None),
            act("a2", 30, "2022-06-01", status="rejected"),
        ],
    )
    ev = run(rec, "2022-07-01")
    assert ev.certification("CCNA").expires_on == d("2025-01-10")
    assert ev.activity("a1").outcome == "pending"
    assert ev.activity("a2").outcome == "rejected"
    assert ev.activity("a2").reason == "rejected_by_program"


def test_activity_completed_before_the_term_is_outside_term() -> None:
    # R-CE-1: CCNA term starts 2023-01-10; a1 completed 2022-12-01 lies before it. The record holds a
    # non-retired ladder certification, so the reason is outside_term (D-REASON-1).
    rec = record([held("CCNA", "2023-01-10")], activities=[act("a1", 30, "2022-12-01", "2022-12-05")])
    ev = run(rec, "2023-02-01")
    assert ev.activity("a1").outcome == "rejected"
    assert ev.activity("a1").reason == "outside_term"
    assert ev.certification("CCNA").recertified_on is None


def test_the_same_item_counts_once_per_term() -> None:
    # R-CE-1 / D-DUP-1: CCNA held 2022-01-10. a1 item CE-1 20 credits completed 2023-03-01 counts;
    # a2 item CE-1 20 credits completed 2023-05-01 is a duplicate: pool 20, no recertification.
    # a3 (another item) 10 credits completed 2023-08-01: 20 + 10 = 30 -> 2023-08-01 + 3 = 2026-08-01.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[
            act("a1", 20, "2023-03-01", item="CE-1"),
            act("a2", 20, "2023-05-01", item="CE-1"),
            act("a3", 10, "2023-08-01", item="CE-2"),
        ],
    )
    mid = run(rec, "2023-06-01")
    assert mid.activity("a2").reason == "duplicate_item"
    assert mid.pool is not None
    assert mid.pool.credits == 20
    assert mid.certification("CCNA").recertified_on is None

    ev = run(rec, "2023-09-01")
    assert ev.certification("CCNA").recertified_on == d("2023-08-01")
    assert ev.certification("CCNA").expires_on == d("2026-08-01")
    assert ev.activity("a2").outcome == "rejected"


def test_item_defaults_to_title_for_the_once_per_term_rule() -> None:
    # Record format: item defaults to title. Two activities titled "ENCOR prep" are one item.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[
            act("a1", 20, "2023-03-01", title="ENCOR prep"),
            act("a2", 20, "2023-05-01", title="ENCOR prep"),
        ],
    )
    ev = run(rec, "2023-06-01")
    assert ev.activity("a1").outcome == "counted"
    assert ev.activity("a2").reason == "duplicate_item"


# --------------------------------------------------------------------------- R-CE-4, D-POOL-1


def test_credits_pool_toward_the_highest_level_only() -> None:
    # R-CE-4 / D-POOL-1: CCNA and CCNP held 2022-01-10. 30 credits completed 2022-06-01 go to the
    # professional pool (30 < 80): the CCNA is not renewed separately.
    rec = record(
        [held("CCNA", "2022-01-10"), held(CCNP_ENT, "2022-01-10")],
        activities=[act("a1", 30, "2022-06-01")],
    )
    ev = run(rec, "2022-07-01")
    assert ev.certification("CCNA").recertified_on is None
    assert ev.certification("CCNA").expires_on == d("2025-01-10")
    assert ev.pool is not None
    assert ev.pool.level == "professional"
    assert ev.pool.credits == 30
    assert ev.pool.certification == CCNP_ENT
    assert ev.pool.term_started_on == d("2022-01-10")
    a1 = ev.activity("a1")
    assert a1.outcome == "counted"
    assert a1.counted_toward == CCNP_ENT
    # The CCNA's CE option is served through the professional pool (record format, `next`).
    assert gap(ev, "CCNA", "30 CE credits").served_by == CCNP_ENT
    # 80 - 30 = 50 credits missing for the CCNP's CE-only option.
    assert gap(ev, CCNP_ENT, "80 CE credits").missing == "50 CE credits"


def test_pool_reaching_the_top_requirement_recertifies_it_and_cascades() -> None:
    # R-CE-4: same record plus a2 50 credits completed 2022-10-01: 30 + 50 = 80 -> CCNP recertified
    # 2022-10-01 -> 2025-10-01; the CCNA (2025-01-10) cascades to 2025-10-01.
    rec = record(
        [held("CCNA", "2022-01-10"), held(CCNP_ENT, "2022-01-10")],
        activities=[act("a1", 30, "2022-06-01"), act("a2", 50, "2022-10-01")],
    )
    ev = run(rec, "2022-11-01")
    assert ev.certification(CCNP_ENT).recertified_by == "80 CE credits"
    assert ev.certification(CCNP_ENT).expires_on == d("2025-10-01")
    assert ev.certification("CCNA").expires_on == d("2025-10-01")
    assert ev.certification("CCNA").recertified_by == f"cascade from {CCNP_ENT}"


def test_a_specialist_above_a_ccna_raises_the_pool_to_40() -> None:
    # R-CE-4 literal reading: CCNA held 2022-01-10, Enterprise Core Specialist held 2023-01-15.
    # 30 credits completed 2023-06-01 pool toward the Specialist (40 needed): nothing recertifies
    # by CE. The CCNA moved only when the Specialist's held term started (D-CASC-2):
    # 2023-01-15 + 3 years = 2026-01-15.
    rec = record(
        [held("CCNA", "2022-01-10"), held(SPEC_ENCOR, "2023-01-15")],
        activities=[act("a1", 30, "2023-06-01")],
    )
    ev = run(rec, "2023-07-01")
    assert ev.certification("CCNA").recertified_on == d("2023-01-15")
    assert ev.certification("CCNA").recertified_by == f"cascade from {SPEC_ENCOR}"
    assert ev.certification("CCNA").expires_on == d("2026-01-15")
    assert ev.pool is not None
    assert ev.pool.level == "specialist"
    assert ev.pool.credits == 30
    assert ev.activity("a1").counted_toward == SPEC_ENCOR


def test_retired_certifications_are_skipped_when_choosing_the_pool_level() -> None:
    # R-CE-4: CCDP (professional, retired 2020-02-24) held 2019-05-01 (-> 2022-05-01); CCNA held
    # 2020-06-01. 30 credits completed 2021-01-10 pool at associate level: CCNA recertified
    # 2021-01-10 -> 2024-01-10 by "30 CE credits".
    rec = record(
        [held("CCDP", "2019-05-01"), held("CCNA", "2020-06-01")],
        activities=[act("a1", 30, "2021-01-10")],
    )
    ev = run(rec, "2021-02-01")
    ccna = ev.certification("CCNA")
    assert ccna.recertified_by == "30 CE credits"
    assert ccna.expires_on == d("2024-01-10")
    assert ev.activity("a1").counted_toward == "CCNA"
    assert ev.certification("CCDP").expires_on == d("2022-05-01")


def test_pool_retargets_the_next_level_when_the_highest_expires() -> None:
    # R-CE-4 / D-POOL-3: CCNP held 2020-06-01 (-> 2023-06-01), CCNA held 2021-09-01 (-> 2024-09-01).
    # a1 35 credits completed 2022-02-01 (inside both terms) sit in the professional pool (35 < 80).
    # The CCNP expires after 2023-06-01; on 2023-06-02 the CCNA holds 35 >= 30 unused credits
    # completed in its own term: recertified 2023-06-02 -> 2026-06-02.
    rec = record(
        [held(CCNP_ENT, "2020-06-01"), held("CCNA", "2021-09-01")],
        activities=[act("a1", 35, "2022-02-01", "2022-02-10")],
    )
    before = run(rec, "2023-06-01")
    assert before.certification("CCNA").recertified_on is None
    assert before.activity("a1").counted_toward == CCNP_ENT

    ev = run(rec, "2023-07-01")
    assert ev.certification(CCNP_ENT).status == "expired"
    ccna = ev.certification("CCNA")
    assert ccna.recertified_on == d("2023-06-02")
    assert ccna.expires_on == d("2026-06-02")
    assert ccna.recertified_by == "30 CE credits"
    assert ev.activity("a1").outcome == "counted"
    assert ev.activity("a1").counted_toward == "CCNA"


def test_retargeted_pool_counts_only_credits_inside_the_lower_term() -> None:
    # R-CE-4: CCNP held 2020-06-01 (-> 2023-06-01), CCNA held 2021-09-01 (-> 2024-09-01).
    # a1 20 credits completed 2021-03-01 (inside the CCNP term only) and a2 20 credits completed
    # 2022-02-01 (inside both). After the CCNP expires, the CCNA counts only a2: 20 < 30, no renewal.
    # a3 10 credits completed 2023-08-01: 20 + 10 = 30 -> recertified 2023-08-01 -> 2026-08-01.
    rec = record(
        [held(CCNP_ENT, "2020-06-01"), held("CCNA", "2021-09-01")],
        activities=[act("a1", 20, "2021-03-01"), act("a2", 20, "2022-02-01"), act("a3", 10, "2023-08-01")],
    )
    mid = run(rec, "2023-07-01")
    assert mid.certification("CCNA").recertified_on is None
    assert mid.pool is not None
    assert mid.pool.level == "associate"
    assert mid.pool.credits == 20

    ev = run(rec, "2023-09-01")
    ccna = ev.certification("CCNA")
    assert ccna.recertified_on == d("2023-08-01")
    assert ccna.expires_on == d("2026-08-01")
    assert ev.activity("a2").counted_toward == "CCNA"
    assert ev.activity("a3").counted_toward == "CCNA"


def test_credits_outside_the_retargeted_term_stay_counted_toward_the_expired_certification() -> None:
    # D-POOL-5: same record as above. a1 (completed 2021-03-01, before the CCNA term of 2021-09-01)
    # was never in the CCNA's pool; its certification (CCNP) expired unused, so a1 stays counted
    # toward the CCNP; the CCNA's reset on 2023-08-01 cannot forfeit it (credits never move to
    # another level, R-CE-5).
    rec = record(
        [held(CCNP_ENT, "2020-06-01"), held("CCNA", "2021-09-01")],
        activities=[act("a1", 20, "2021-03-01"), act("a2", 20, "2022-02-01"), act("a3", 10, "2023-08-01")],
    )
    ev = run(rec, "2023-09-01")
    assert ev.activity("a1").outcome == "counted"
    assert ev.activity("a1").counted_toward == CCNP_ENT


# --------------------------------------------------------------------------- R-CE-5, D-POOL-2, D-POOL-5


def test_ce_recertification_uses_up_the_pool() -> None:
    # R-CE-5 / D-POOL-2: CCNA held 2022-01-10. a1 25 credits completed 2022-05-01, a2 15 credits
    # completed 2022-08-01: 40 >= 30 on 2022-08-01 -> 2025-08-01. The 10 excess credits are
    # forfeited: a3 5 credits completed 2023-01-01 leaves a pool of 5, not 15.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[act("a1", 25, "2022-05-01"), act("a2", 15, "2022-08-01"), act("a3", 5, "2023-01-01")],
    )
    ev = run(rec, "2023-02-01")
    assert ev.certification("CCNA").recertified_on == d("2022-08-01")
    assert ev.pool is not None
    assert ev.pool.credits == 5
    assert ev.pool.term_started_on == d("2022-08-01")
    assert ev.activity("a1").outcome == "counted"
    assert ev.activity("a2").counted_toward == "CCNA"
    assert [e.on for e in events(ev, "pool_reset")] == [d("2022-08-01")]


def test_exam_recertification_forfeits_the_pool() -> None:
    # R-CE-5 / D-POOL-5: CCNA held 2022-01-10; a1 20 credits completed 2022-03-01 sit in the pool.
    # 200-301 on 2022-06-01 recertifies by exam alone (-> 2025-06-01): a1 is forfeited, pool 0.
    rec = record(
        [held("CCNA", "2022-01-10")],
        [passed("200-301", "2022-06-01")],
        [act("a1", 20, "2022-03-01")],
    )
    ev = run(rec, "2022-07-01")
    assert ev.certification("CCNA").recertified_by == "1 associate exam"
    assert ev.activity("a1").outcome == "forfeited"
    assert ev.pool is not None
    assert ev.pool.credits == 0


def test_exam_only_option_is_tried_before_ce_plus_exam() -> None:
    # D-POOL-5: CCNP held 2022-01-10; a1 40 credits completed 2022-05-01. On 2022-09-01 the core exam
    # 350-401 meets both "1 core exam" and "40 CE credits + 1 professional exam"; exam-only comes
    # first in the table, so the CCNP renews by "1 core exam" (-> 2025-09-01) and a1 is forfeited.
    rec = record(
        [held(CCNP_ENT, "2022-01-10")],
        [passed("350-401", "2022-09-01")],
        [act("a1", 40, "2022-05-01")],
    )
    ev = run(rec, "2022-10-01")
    ccnp = ev.certification(CCNP_ENT)
    assert ccnp.recertified_by == "1 core exam"
    assert ccnp.expires_on == d("2025-09-01")
    assert ev.activity("a1").outcome == "forfeited"
    assert ev.activity("a1").counted_toward == CCNP_ENT


def test_credits_of_a_certification_that_expired_unused_stay_counted() -> None:
    # D-POOL-5: CCNA held 2019-06-01 (-> 2022-06-01); a1 10 credits completed 2021-01-01.
    # The CCNA expires unused after 2022-06-01; a1 stays counted toward it.
    rec = record([held("CCNA", "2019-06-01")], activities=[act("a1", 10, "2021-01-01")])
    ev = run(rec, "2022-07-01")
    assert ev.certification("CCNA").status == "expired"
    assert ev.activity("a1").outcome == "counted"
    assert ev.activity("a1").counted_toward == "CCNA"
    assert ev.pool is None


# --------------------------------------------------------------------------- R-CE-6


@pytest.mark.parametrize("category", ["training", "cisco_live", "authoring", "other"])
def test_every_category_is_eligible_in_the_cisco_policy(category: str) -> None:
    # R-CE-6: all four categories earn credits. CCNA held 2022-01-10; 30 credits on 2022-05-01
    # -> 2022-05-01 + 3 = 2025-05-01.
    rec = record([held("CCNA", "2022-01-10")], activities=[act("a1", 30, "2022-05-01", category=category)])
    ev = run(rec, "2022-06-01")
    assert ev.activity("a1").outcome == "counted"
    assert ev.certification("CCNA").expires_on == d("2025-05-01")


def test_a_policy_may_mark_a_category_ineligible_via_the_mapping() -> None:
    # R-CE-6: the embedded TOML with cisco_live marked ineligible -> ineligible_category.
    data = tomllib.loads(files("recert.io.policies").joinpath("cisco-ce.toml").read_text("utf-8"))
    data["categories"]["cisco_live"]["eligible"] = False
    policy = policy_from_mapping(data)
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[act("a1", 30, "2022-05-01", category="cisco_live"), act("a2", 10, "2022-05-02")],
    )
    ev = run(rec, "2022-06-01", policy)
    assert ev.activity("a1").outcome == "rejected"
    assert ev.activity("a1").reason == "ineligible_category"
    assert ev.activity("a2").outcome == "counted"
    assert ev.certification("CCNA").recertified_on is None


def test_a_policy_may_mark_a_category_ineligible_via_evolve() -> None:
    # R-CE-6 with attrs.evolve on cisco_policy(): authoring made ineligible.
    base = cisco_policy()
    categories = tuple(
        attrs.evolve(c, eligible=False) if c.name == "authoring" else c for c in base.categories
    )
    policy = attrs.evolve(base, categories=categories)
    rec = record([held("CCNA", "2022-01-10")], activities=[act("a1", 30, "2022-05-01", category="authoring")])
    ev = run(rec, "2022-06-01", policy)
    assert ev.activity("a1").reason == "ineligible_category"
    assert ev.certification("CCNA").expires_on == d("2025-01-10")


# --------------------------------------------------------------------------- D-POOL-4


def test_several_certifications_at_the_pool_level_count_their_own_terms() -> None:
    # D-POOL-4: CCNP Enterprise held 2021-01-10 with a given expiration 2025-06-01 (an extension),
    # CCNP Security held 2022-01-10 (-> 2025-01-10): its cascade (D-CASC-2) would give Enterprise
    # 2025-01-10, not later than 2025-06-01, so Enterprise keeps its term. a1 50 credits completed
    # 2021-06-01 (Enterprise term only), a2 20 credits completed 2022-03-01 (both): Enterprise 70,
    # Security 20; the pool reports the largest, 70.
    rec = record(
        [held(CCNP_ENT, "2021-01-10", "2025-06-01"), held(CCNP_SEC, "2022-01-10")],
        activities=[act("a1", 50, "2021-06-01"), act("a2", 20, "2022-03-01"), act("a3", 10, "2022-05-01")],
    )
    mid = run(rec, "2022-04-01")
    assert mid.pool is not None
    assert mid.pool.credits == 70
    assert mid.pool.certification == CCNP_ENT
    assert mid.pool.term_started_on == d("2021-01-10")

    # a3 10 credits completed 2022-05-01: Enterprise 80 -> recertified 2022-05-01 -> 2025-05-01
    # (earlier than the given 2025-06-01: a direct recertification sets it, D-DATE-2);
    # Security cascades from 2025-01-10 to 2025-05-01; the recertification resets the pool.
    ev = run(rec, "2022-06-01")
    assert ev.certification(CCNP_ENT).expires_on == d("2025-05-01")
    assert ev.certification(CCNP_SEC).expires_on == d("2025-05-01")
    assert ev.pool is not None
    assert ev.pool.credits == 0


def test_recertifying_one_certification_at_the_pool_level_resets_it_for_the_other() -> None:
    # D-POOL-4: CCNP Enterprise held 2021-01-10 with a given expiration 2025-06-01 (so the Security
    # term's cascade to 2025-01-10 does not move it, D-CASC-2), CCNP Security held 2022-01-10 with a
    # given expiration 2026-01-01. a1 70 credits completed 2021-06-01 (Enterprise term only), a2 15
    # credits completed 2022-03-01 (both terms): Enterprise 85 >= 80 -> recertified 2022-03-01 ->
    # 2025-03-01. Security is not cascaded (2025-03-01 < 2026-01-01) but the pool is reset for it too.
    # a3 20 credits completed 2022-06-01 (both): each has 20; without the reset Security would have 35.
    rec = record(
        [held(CCNP_ENT, "2021-01-10", "2025-06-01"), held(CCNP_SEC, "2022-01-10", "2026-01-01")],
        activities=[act("a1", 70, "2021-06-01"), act("a2", 15, "2022-03-01"), act("a3", 20, "2022-06-01")],
    )
    ev = run(rec, "2022-07-01")
    assert ev.certification(CCNP_ENT).expires_on == d("2025-03-01")
    sec = ev.certification(CCNP_SEC)
    assert sec.expires_on == d("2026-01-01")
    assert sec.recertified_on is None
    assert ev.pool is not None
    assert ev.pool.credits == 20
    assert ev.activity("a2").counted_toward == CCNP_ENT


# --------------------------------------------------------------------------- D-DUP-1


def test_a_rejected_claim_does_not_occupy_its_item() -> None:
    # D-DUP-1: a1 item X rejected by the program; a2 item X approved later in the term counts.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[
            act("a1", 20, "2022-03-01", status="rejected", item="X"),
            act("a2", 20, "2022-05-01", item="X"),
        ],
    )
    ev = run(rec, "2022-06-01")
    assert ev.activity("a1").reason == "rejected_by_program"
    assert ev.activity("a2").outcome == "counted"


def test_the_earliest_completion_of_an_item_wins() -> None:
    # D-DUP-1: a1 item X completed 2022-05-01 claimed 2022-05-02; a2 item X completed 2022-03-01
    # claimed 2022-06-01. a2 is the earliest completion: it counts, a1 is the duplicate.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[
            act("a1", 20, "2022-05-01", "2022-05-02", item="X"),
            act("a2", 20, "2022-03-01", "2022-06-01", item="X"),
        ],
    )
    ev = run(rec, "2022-07-01")
    assert ev.activity("a2").outcome == "counted"
    assert ev.activity("a1").reason == "duplicate_item"


def test_the_earliest_completion_wins_also_when_recertifications_anchor_on_the_claim() -> None:
    # D-DUP-1 is fixed semantics, whatever the anchor (D-ANCHOR-1 = claim): a2 (completed 2022-03-01,
    # claimed 2022-06-01) is the earliest completion of item X and counts; a1 (completed 2022-05-01,
    # claimed 2022-05-02) is the duplicate, although its claim came first.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[
            act("a1", 20, "2022-05-01", "2022-05-02", item="X"),
            act("a2", 20, "2022-03-01", "2022-06-01", item="X"),
        ],
    )
    ev = run(rec, "2022-07-01", with_params(recertification_anchor="claim"))
    assert ev.activity("a2").outcome == "counted"
    assert ev.activity("a1").reason == "duplicate_item"


def test_same_day_completions_of_an_item_earlier_claim_then_lower_id() -> None:
    # D-DUP-1: both completed 2022-03-01. Earlier claim wins: a2 claimed 2022-03-05 before a1 2022-03-10.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[
            act("a1", 20, "2022-03-01", "2022-03-10", item="X"),
            act("a2", 20, "2022-03-01", "2022-03-05", item="X"),
        ],
    )
    ev = run(rec, "2022-04-01")
    assert ev.activity("a2").outcome == "counted"
    assert ev.activity("a1").reason == "duplicate_item"
    # Same claim date: the lower id wins (b1 < b2), whatever the input order.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[
            act("b2", 20, "2022-03-01", "2022-03-05", item="X"),
            act("b1", 20, "2022-03-01", "2022-03-05", item="X"),
        ],
    )
    ev = run(rec, "2022-04-01")
    assert ev.activity("b1").outcome == "counted"
    assert ev.activity("b2").reason == "duplicate_item"


def test_an_item_is_free_again_after_a_reset() -> None:
    # D-DUP-1: CCNA held 2022-01-10. a1 item X 30 credits completed 2022-03-01 recertifies it
    # (-> 2025-03-01) and resets the pool. a2 item X 30 credits completed 2023-04-01 counts in the
    # new term: recertified 2023-04-01 -> 2026-04-01.
    rec = record(
        [held("CCNA", "2022-01-10")],
        activities=[act("a1", 30, "2022-03-01", item="X"), act("a2", 30, "2023-04-01", item="X")],
    )
    ev = run(rec, "2023-05-01")
    assert ev.activity("a2").outcome == "counted"
    assert ev.certification("CCNA").recertified_on == d("2023-04-01")
    assert ev.certification("CCNA").expires_on == d("2026-04-01")


def test_credits_left_only_in_a_retired_certifications_term_are_forfeited() -> None:
    # R-RET-1 + R-CE-5: CCNA and CCNP Data Center held from 2020-03-01 (both to 2023-03-01);
    # a1 10 credits completed 2020-03-01 count toward both. CCNP Data Center retires on
    # 2020-03-02; the same day 200-301 renews CCNA (new term 2020-03-02 to 2023-03-02), whose
    # new term does not contain 2020-03-01. a1 now lies only in the retired certification's
    # term, which can never be recertified: it is forfeited by CCNA's renewal on 2020-03-02.
    rec = record(
        [held("CCNA", "2020-03-01"), held("CCNP Data Center", "2020-03-01", retired_on="2020-03-02")],
        [passed("200-301", "2020-03-02")],
        [act("a1", 10, "2020-03-01")],
    )
    ev = run(rec, "2020-06-01")
    assert ev.certification("CCNA").expires_on == d("2023-03-02")
    assert ev.certification("CCNP Data Center").retired
    assert ev.activity("a1").outcome == "forfeited"
    assert ev.activity("a1").counted_toward == "CCNA"
    assert [e.on for e in events(ev, "pool_reset")] == [d("2020-03-02")]
