"""Spec sections 1 and 3: validity, inclusive expiration, calendar years, entry level, dates of a recertification.

Every expected value is worked out by hand from spec/cisco-ce-policy.md; the
date arithmetic is in the comments.
"""

from __future__ import annotations

import pytest

from builders import CCIE_SEC, CCNP_ENT, SPEC_ENCOR, act, d, events, held, passed, record, run

# --------------------------------------------------------------------------- R-VAL-1


def test_term_is_active_on_its_expiration_date_and_expired_the_next_day() -> None:
    # R-VAL-1: CCNA (associate, 3 years) earned 2022-09-15.
    # 2022-09-15 + 3 years = 2025-09-15: active on that day, expired from 2025-09-16.
    rec = record([held("CCNA", "2022-09-15")])
    on_last_day = run(rec, "2025-09-15").certification("CCNA")
    assert on_last_day.status == "active"
    assert on_last_day.expires_on == d("2025-09-15")
    assert on_last_day.term_started_on == d("2022-09-15")
    assert on_last_day.days_left == 0
    assert on_last_day.recertified_on is None
    assert on_last_day.recertified_by is None

    day_after = run(rec, "2025-09-16")
    ccna = day_after.certification("CCNA")
    assert ccna.status == "expired"
    assert ccna.expires_on == d("2025-09-15")
    assert ccna.days_left == -1
    # The expired event is dated the first day the certification is expired.
    assert [e.on for e in events(day_after, "expired", "CCNA")] == [d("2025-09-16")]


@pytest.mark.parametrize(
    ("certification", "level"),
    [
        ("CCNA", "associate"),
        (SPEC_ENCOR, "specialist"),
        (CCNP_ENT, "professional"),
        (CCIE_SEC, "expert"),
    ],
)
def test_every_ladder_level_is_valid_three_years(certification: str, level: str) -> None:
    # R-VAL-1 / section 1 table: 2021-04-30 + 3 years = 2024-04-30 for every ladder level.
    rec = record([held(certification, "2021-04-30")])
    status = run(rec, "2024-04-30").certification(certification)
    assert status.level == level
    assert status.status == "active"
    assert status.expires_on == d("2024-04-30")
    assert run(rec, "2024-05-01").certification(certification).status == "expired"


def test_a_given_expiration_date_is_the_end_of_the_term() -> None:
    # Record gives expires_on 2026-01-31 for a term started 2022-09-15 (a one-off extension).
    rec = record([held(CCNP_ENT, "2022-09-15", "2026-01-31")])
    assert run(rec, "2026-01-31").certification(CCNP_ENT).status == "active"
    late = run(rec, "2026-02-01").certification(CCNP_ENT)
    assert late.status == "expired"
    assert late.expires_on == d("2026-01-31")


def test_alias_names_the_catalog_certification() -> None:
    # "Cisco Certified Network Associate" is an alias of CCNA; 2023-01-01 + 3 years = 2026-01-01.
    ev = run(record([held("Cisco Certified Network Associate", "2023-01-01")]), "2024-01-01")
    assert ev.certification("CCNA").expires_on == d("2026-01-01")


# --------------------------------------------------------------------------- D-DATE-1


def test_leap_day_plus_three_years_is_february_28() -> None:
    # D-DATE-1: 2024-02-29 + 3 years = 2027-02-28 (relativedelta).
    rec = record([held("CCNA", "2024-02-29")])
    assert run(rec, "2027-02-28").certification("CCNA").expires_on == d("2027-02-28")
    assert run(rec, "2027-02-28").certification("CCNA").status == "active"
    assert run(rec, "2027-03-01").certification("CCNA").status == "expired"


def test_recertification_on_a_leap_day_ends_on_february_28() -> None:
    # D-DATE-1 with R-DATE-1: CCNA held 2023-01-10; 200-301 passed 2024-02-29 -> new term
    # 2024-02-29 + 3 years = 2027-02-28.
    rec = record([held("CCNA", "2023-01-10")], [passed("200-301", "2024-02-29")])
    ccna = run(rec, "2024-03-01").certification("CCNA")
    assert ccna.recertified_on == d("2024-02-29")
    assert ccna.expires_on == d("2027-02-28")


# --------------------------------------------------------------------------- R-ENTRY-1


def test_ccst_earned_before_2025_07_15_is_lifetime() -> None:
    # R-ENTRY-1 / section 1: CCST earned 2025-07-14 (before 2025-07-15): lifetime.
    ev = run(record([held("CCST Networking", "2025-07-14")]), "2060-01-01")
    ccst = ev.certification("CCST Networking")
    assert ccst.level == "entry"
    assert ccst.status == "active"
    assert ccst.expires_on is None


def test_lifetime_ccst_needs_nothing_and_is_not_moved_by_an_exam() -> None:
    # A lifetime CCST needs nothing: a later CCST exam leaves it lifetime (no 5-year term).
    rec = record([held("CCST Networking", "2024-01-01")], [passed("100-160", "2026-03-01")])
    ccst = run(rec, "2026-06-01").certification("CCST Networking")
    assert ccst.status == "active"
    assert ccst.expires_on is None


def test_ccst_earned_on_2025_07_15_has_a_five_year_term() -> None:
    # 2025-07-15 + 5 years = 2030-07-15: active that day, expired 2030-07-16.
    rec = record([held("CCST Networking", "2025-07-15")])
    assert run(rec, "2030-07-15").certification("CCST Networking").expires_on == d("2030-07-15")
    assert run(rec, "2030-07-15").certification("CCST Networking").status == "active"
    assert run(rec, "2030-07-16").certification("CCST Networking").status == "expired"


@pytest.mark.parametrize("exam", ["100-160", "200-301", "350-401", "300-410", "400-007", "CCIE Security lab"])
def test_five_year_ccst_is_renewed_by_a_ccst_associate_professional_or_expert_exam(exam: str) -> None:
    # R-ENTRY-1: CCST Networking held 2025-08-01 (2025-08-01 + 5 years = 2030-08-01).
    # An exam passed 2028-05-10 inside the term renews it: 2028-05-10 + 5 years = 2033-05-10.
    rec = record([held("CCST Networking", "2025-08-01")], [passed(exam, "2028-05-10")])
    ccst = run(rec, "2028-06-01").certification("CCST Networking")
    assert ccst.status == "active"
    assert ccst.recertified_on == d("2028-05-10")
    assert ccst.term_started_on == d("2028-05-10")
    assert ccst.expires_on == d("2033-05-10")
    assert ccst.recertified_by == "1 CCST, associate, professional or expert exam"


def test_five_year_ccst_is_not_renewed_by_the_csm_exam() -> None:
    # R-ENTRY-1 lists CCST, associate, professional and expert exams only; 820-605 is a CSM exam.
    rec = record([held("CCST Networking", "2025-08-01")], [passed("820-605", "2028-05-10")])
    ccst = run(rec, "2028-06-01").certification("CCST Networking")
    assert ccst.expires_on == d("2030-08-01")
    assert ccst.recertified_on is None


def test_five_year_ccst_is_never_renewed_by_ce_or_by_cascade() -> None:
    # R-ENTRY-1: CCST Networking held 2025-08-01 (expires 2030-08-01) beside CCNA held 2025-09-01.
    # 30 approved CE credits completed 2026-05-01 recertify the CCNA (2026-05-01 + 3 = 2029-05-01);
    # the CCST takes neither the CE credits nor a cascade (2026-05-01 + 5 = 2031-05-01 would be later).
    rec = record(
        [held("CCST Networking", "2025-08-01"), held("CCNA", "2025-09-01")],
        activities=[act("a1", 30, "2026-05-01")],
    )
    ev = run(rec, "2026-06-01")
    assert ev.certification("CCNA").expires_on == d("2029-05-01")
    ccst = ev.certification("CCST Networking")
    assert ccst.expires_on == d("2030-08-01")
    assert ccst.recertified_on is None
    assert ev.activity("a1").counted_toward == "CCNA"


def test_ccst_alone_takes_no_ce() -> None:
    # Section 5: CE does not apply to CCST; with no CE-eligible certification held a claim is rejected.
    rec = record([held("CCST Networking", "2025-08-01")], activities=[act("a1", 30, "2026-05-01")])
    ev = run(rec, "2026-06-01")
    assert ev.activity("a1").outcome == "rejected"
    assert ev.activity("a1").reason == "no_ce_eligible_certification"
    assert ev.certification("CCST Networking").expires_on == d("2030-08-01")


def test_cct_is_valid_three_years_and_then_expires() -> None:
    # Section 1: CCT valid 3 years (reconstructed). 2021-03-01 + 3 years = 2024-03-01.
    rec = record([held("CCT", "2021-03-01")])
    assert run(rec, "2024-03-01").certification("CCT Data Center").status == "active"
    cct = run(rec, "2024-03-02").certification("CCT Data Center")
    assert cct.status == "expired"
    assert cct.expires_on == d("2024-03-01")


def test_cct_takes_no_ce_and_no_cascade() -> None:
    # R-ENTRY-1: CCT held 2022-03-01 (expires 2025-03-01), CCNA held 2022-06-01.
    # CCNA recertified by 200-301 on 2023-06-01 -> 2026-06-01; the CCT stays 2025-03-01.
    # A CE activity counts toward the CCNA, never the CCT.
    rec = record(
        [held("CCT", "2022-03-01"), held("CCNA", "2022-06-01")],
        [passed("200-301", "2023-06-01")],
        [act("a1", 10, "2024-01-10")],
    )
    ev = run(rec, "2024-02-01")
    assert ev.certification("CCNA").expires_on == d("2026-06-01")
    cct = ev.certification("CCT Data Center")
    assert cct.expires_on == d("2025-03-01")
    assert cct.recertified_on is None
    assert ev.activity("a1").counted_toward == "CCNA"


def test_csm_is_renewed_only_by_its_own_exam() -> None:
    # Section 1: Customer Success Manager held 2021-01-01 (3 years -> 2024-01-01).
    # 820-605 passed again 2023-06-01 -> 2023-06-01 + 3 years = 2026-06-01.
    rec = record([held("Customer Success Manager", "2021-01-01")], [passed("820-605", "2023-06-01")])
    csm = run(rec, "2023-07-01").certification("Customer Success Manager")
    assert csm.recertified_on == d("2023-06-01")
    assert csm.expires_on == d("2026-06-01")


def test_csm_is_not_renewed_by_another_exam_ce_or_cascade() -> None:
    # CSM held 2021-01-01 (expires 2024-01-01); CCNA held 2021-02-01 recertified by 200-301 on
    # 2023-06-01 (-> 2026-06-01): no cascade to the CSM; its term stays.
    rec = record(
        [held("Customer Success Manager", "2021-01-01"), held("CCNA", "2021-02-01")],
        [passed("200-301", "2023-06-01")],
    )
    ev = run(rec, "2023-07-01")
    assert ev.certification("CCNA").expires_on == d("2026-06-01")
    csm = ev.certification("Customer Success Manager")
    assert csm.expires_on == d("2024-01-01")
    assert csm.recertified_on is None


# --------------------------------------------------------------------------- R-DATE-1, D-DATE-2


def test_recertification_starts_the_new_term_on_the_day_requirements_are_met() -> None:
    # R-DATE-1: CCNA held 2022-09-15 (expires 2025-09-15); 200-301 passed 2023-03-01:
    # new term 2023-03-01 + 3 years = 2026-03-01, not 2025-09-15 + 3 = 2028-09-15.
    rec = record([held("CCNA", "2022-09-15")], [passed("200-301", "2023-03-01")])
    ccna = run(rec, "2023-04-01").certification("CCNA")
    assert ccna.recertified_on == d("2023-03-01")
    assert ccna.term_started_on == d("2023-03-01")
    assert ccna.expires_on == d("2026-03-01")
    assert ccna.recertified_by == "1 associate exam"


def test_ce_recertification_is_dated_by_the_completion_that_meets_the_requirement() -> None:
    # R-DATE-1 / D-ANCHOR-1 (completion): CCNA held 2022-09-15. a1 20 credits completed 2023-05-10,
    # a2 10 credits completed 2024-01-20 (claimed 2024-02-01): 20 + 10 = 30 on 2024-01-20.
    # New term 2024-01-20 + 3 years = 2027-01-20.
    rec = record(
        [held("CCNA", "2022-09-15")],
        activities=[act("a1", 20, "2023-05-10", "2023-05-12"), act("a2", 10, "2024-01-20", "2024-02-01")],
    )
    ev = run(rec, "2024-03-01")
    ccna = ev.certification("CCNA")
    assert ccna.recertified_on == d("2024-01-20")
    assert ccna.expires_on == d("2027-01-20")
    assert ccna.recertified_by == "30 CE credits"
    assert ev.activity("a1").outcome == "counted"
    assert ev.activity("a2").outcome == "counted"
    assert ev.activity("a1").counted_toward == "CCNA"
    (event,) = events(ev, "recertified", "CCNA")
    assert event.on == d("2024-01-20")
    assert set(event.uses.activities) == {"a1", "a2"}


def test_direct_recertification_pulls_a_later_given_expiration_forward() -> None:
    # D-DATE-2: CCNA held 2022-09-15 with a given expiration 2027-01-01; 200-301 on 2023-03-01
    # sets 2023-03-01 + 3 years = 2026-03-01, earlier than the given 2027-01-01.
    rec = record([held("CCNA", "2022-09-15", "2027-01-01")], [passed("200-301", "2023-03-01")])
    ccna = run(rec, "2023-04-01").certification("CCNA")
    assert ccna.expires_on == d("2026-03-01")
    assert ccna.recertified_on == d("2023-03-01")


# --------------------------------------------------------------------------- R-DATE-2


def test_requirements_met_after_expiration_do_not_recertify() -> None:
    # R-DATE-2: CCNP Enterprise held 2020-01-10 -> expires 2023-01-10. The core exam 350-401
    # passed 2023-01-11, one day late, does not recertify it; no grace period.
    rec = record([held(CCNP_ENT, "2020-01-10")], [passed("350-401", "2023-01-11")])
    ccnp = run(rec, "2023-06-01").certification(CCNP_ENT)
    assert ccnp.status == "expired"
    assert ccnp.expires_on == d("2023-01-10")
    assert ccnp.recertified_on is None


def test_exam_on_the_expiration_date_is_in_time() -> None:
    # R-DATE-2 / D-TERM-1: CCNA held 2022-09-15 (expires 2025-09-15); 200-301 on 2025-09-15
    # is on or before the expiration date: new term 2025-09-15 + 3 = 2028-09-15.
    rec = record([held("CCNA", "2022-09-15")], [passed("200-301", "2025-09-15")])
    ccna = run(rec, "2025-10-01").certification("CCNA")
    assert ccna.status == "active"
    assert ccna.expires_on == d("2028-09-15")


def test_ce_credits_completed_after_expiration_do_not_revive() -> None:
    # R-DATE-2: CCNA held 2020-01-10 (expires 2023-01-10); 30 credits completed 2023-01-11: the
    # certification stays expired and the activity lies outside any term.
    rec = record([held("CCNA", "2020-01-10")], activities=[act("a1", 30, "2023-01-11")])
    ev = run(rec, "2023-02-01")
    assert ev.certification("CCNA").status == "expired"
    assert ev.activity("a1").outcome == "rejected"
    assert ev.activity("a1").reason == "outside_term"


def test_after_expiration_the_full_exam_path_earns_the_certification_again() -> None:
    # R-DATE-2: CCNA held 2020-01-10 expired after 2023-01-10. 200-301 (the CCNA's own earning exam,
    # section 7) passed 2023-02-01 earns it again: a new term 2023-02-01 + 3 years = 2026-02-01.
    rec = record([held("CCNA", "2020-01-10")], [passed("200-301", "2023-02-01")])
    assert run(rec, "2023-01-31").certification("CCNA").status == "expired"
    ev = run(rec, "2023-03-01")
    ccna = ev.certification("CCNA")
    assert ccna.status == "active"
    assert ccna.term_started_on == d("2023-02-01")
    assert ccna.expires_on == d("2026-02-01")
    assert [e.on for e in events(ev, "earned", "CCNA")] == [d("2023-02-01")]


def test_every_cct_track_is_entry_level_with_three_years() -> None:
    # Section 1 (revised): CCT Data Center, CCT Collaboration, CCT Routing and Switching; "CCT" alone is
    # CCT Data Center. Each held 2023-01-15: 2023-01-15 + 3 years = 2026-01-15, no CE, no cascade.
    rec = record([held("CCT", "2023-01-15"), held("CCT Collaboration", "2023-01-15"),
                  held("cct routing and switching", "2023-01-15")])
    ev = run(rec, "2024-01-01")
    assert {c.certification: (c.level, c.expires_on) for c in ev.certifications} == {
        "CCT Data Center": ("entry", d("2026-01-15")),
        "CCT Collaboration": ("entry", d("2026-01-15")),
        "CCT Routing and Switching": ("entry", d("2026-01-15")),
    }
    assert ev.next == ()
