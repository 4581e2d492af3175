"""Entry level and the Customer Success Manager: CCST, CCT, CSM (spec sections 1, 4 and 7; R-ENTRY-1).

Certifications earned from exam passes here (tests/core/test_engine_terms.py covers
held CCSTs). Every expected value is worked out by hand from
spec/cisco-ce-policy.md; the date arithmetic is in the comments.
"""

from __future__ import annotations

import pytest

from builders import CCNP_ENT, act, d, events, held, passed, record, run

CCST_NET = "CCST Networking"
CSM = "Customer Success Manager"
ENTRY_OPTION = "1 CCST, associate, professional or expert exam"
CSM_OPTION = "820-605 CSM exam passed again"

# --------------------------------------------------------------------------- CCST validity by date


def test_ccst_earned_by_exam_before_2025_07_15_is_lifetime() -> None:
    # Section 1: 100-150 passed 2025-07-14, the day before 2025-07-15: a lifetime term.
    rec = record(exams=[passed("100-150", "2025-07-14")])
    ccst = run(rec, "2060-01-01").certification(CCST_NET)
    assert (ccst.level, ccst.status, ccst.term_started_on) == ("entry", "active", d("2025-07-14"))
    assert (ccst.expires_on, ccst.days_left) == (None, None)


def test_ccst_earned_by_exam_on_2025_07_15_is_five_years() -> None:
    # Section 1: 100-150 passed 2025-07-15 (on the date): 2025-07-15 + 5 years = 2030-07-15,
    # active through that day, expired from 2030-07-16 (R-VAL-1).
    rec = record(exams=[passed("100-150", "2025-07-15")])
    assert run(rec, "2030-07-15").certification(CCST_NET).expires_on == d("2030-07-15")
    assert run(rec, "2030-07-15").certification(CCST_NET).status == "active"
    assert run(rec, "2030-07-16").certification(CCST_NET).status == "expired"


def test_a_lifetime_ccst_is_not_turned_into_a_five_year_term_by_later_exams() -> None:
    # 100-150 on 2025-07-14 (lifetime); 200-301 on 2026-01-01 earns a CCNA and leaves the CCST alone:
    # a lifetime CCST needs nothing (R-ENTRY-1).
    rec = record(exams=[passed("100-150", "2025-07-14"), passed("200-301", "2026-01-01")])
    ev = run(rec, "2026-02-01")
    ccst = ev.certification(CCST_NET)
    assert (ccst.expires_on, ccst.term_started_on, ccst.recertified_by) == (None, d("2025-07-14"), None)
    assert ev.certification("CCNA").expires_on == d("2029-01-01")


# --------------------------------------------------------------------------- CCST renewal (R-ENTRY-1)


@pytest.mark.parametrize(
    "exam",
    [
        "100-160",  # another CCST
        "100-150",  # its own CCST exam again
        "200-301",  # associate
        "350-401",  # professional core
        "300-410",  # professional concentration
        "400-007",  # expert written
        "CCIE Security lab",  # expert lab
    ],
)
def test_five_year_ccst_is_renewed_by_a_ccst_associate_professional_or_expert_exam(exam: str) -> None:
    # CCST earned by 100-150 on 2025-09-01: to 2025-09-01 + 5 years = 2030-09-01.
    # An exam of those kinds on 2028-02-01 (inside the term) renews it: 2028-02-01 + 5 years = 2033-02-01.
    rec = record(exams=[passed("100-150", "2025-09-01"), passed(exam, "2028-02-01")])
    ccst = run(rec, "2028-03-01").certification(CCST_NET)
    assert (ccst.term_started_on, ccst.expires_on) == (d("2028-02-01"), d("2033-02-01"))
    assert (ccst.recertified_on, ccst.recertified_by, ccst.rule) == (d("2028-02-01"), ENTRY_OPTION, "R-ENTRY-1")


def test_a_ccst_exam_also_earns_its_own_ccst() -> None:
    # 100-160 on 2028-02-01 renews CCST Networking and earns CCST Cybersecurity (on/after 2025-07-15:
    # 2028-02-01 + 5 years = 2033-02-01).
    rec = record(exams=[passed("100-150", "2025-09-01"), passed("100-160", "2028-02-01")])
    cyber = run(rec, "2028-03-01").certification("CCST Cybersecurity")
    assert (cyber.term_started_on, cyber.expires_on, cyber.recertified_by) == (d("2028-02-01"), d("2033-02-01"), None)


def test_five_year_ccst_is_not_renewed_by_the_csm_exam() -> None:
    # R-ENTRY-1 names CCST, associate, professional and expert exams; 820-605 is none of them.
    rec = record(exams=[passed("100-150", "2025-09-01"), passed("820-605", "2028-02-01")])
    ev = run(rec, "2028-03-01")
    assert ev.certification(CCST_NET).expires_on == d("2030-09-01")
    assert ev.certification(CSM).expires_on == d("2031-02-01")  # 2028-02-01 + 3 years


def test_five_year_ccst_is_renewed_by_nothing_after_it_expired() -> None:
    # CCST to 2030-09-01; 200-301 on 2030-09-02 is after the expiration date (R-DATE-2): the CCST
    # stays expired and a CCNA is earned (2030-09-02 + 3 years = 2033-09-02).
    # 100-150 on 2031-01-10 earns the CCST again: 2031-01-10 + 5 years = 2036-01-10.
    rec = record(exams=[passed("100-150", "2025-09-01"), passed("200-301", "2030-09-02")])
    ev = run(rec, "2030-10-01")
    ccst = ev.certification(CCST_NET)
    assert (ccst.status, ccst.expires_on) == ("expired", d("2030-09-01"))
    assert ev.certification("CCNA").expires_on == d("2033-09-02")
    again = record(exams=[*rec.exams, passed("100-150", "2031-01-10")])
    ccst = run(again, "2031-02-01").certification(CCST_NET)
    assert (ccst.status, ccst.term_started_on, ccst.expires_on) == ("active", d("2031-01-10"), d("2036-01-10"))


def test_five_year_ccst_takes_no_ce_and_no_cascade() -> None:
    # CCST earned 2025-09-01 (to 2030-09-01); CCNP Enterprise held 2025-10-01 (to 2028-10-01).
    # 80 CE credits completed and approved 2027-03-01 recertify the CCNP (2027-03-01 + 3 years =
    # 2030-03-01). R-ENTRY-1 / D-CASC-1: the CCST takes neither the credits nor the cascade (a
    # cascade would have given 2027-03-01 + 5 years = 2032-03-01).
    rec = record(
        [held(CCNP_ENT, "2025-10-01")],
        [passed("100-150", "2025-09-01")],
        [act("a1", 80, "2027-03-01")],
    )
    ev = run(rec, "2027-04-01")
    assert ev.certification(CCNP_ENT).recertified_by == "80 CE credits"
    ccst = ev.certification(CCST_NET)
    assert (ccst.expires_on, ccst.recertified_on, ccst.recertified_by) == (d("2030-09-01"), None, None)
    assert events(ev, "cascaded", CCST_NET) == []
    # The next steps list ladder certifications only: not the CCST.
    assert [s.certification for s in ev.next] == [CCNP_ENT]


def test_a_ccst_alone_makes_ce_claims_rejected() -> None:
    # Section 5: CE does not apply to CCST; with no CE-eligible certification held a claim is rejected.
    rec = record(exams=[passed("100-150", "2025-09-01")], activities=[act("a1", 20, "2026-01-10")])
    outcome = run(rec, "2026-02-01").activity("a1")
    assert (outcome.outcome, outcome.reason) == ("rejected", "no_ce_eligible_certification")


# --------------------------------------------------------------------------- CCT


def test_cct_is_renewed_by_no_exam_no_ce_and_no_cascade() -> None:
    # Section 1 / R-ENTRY-1: CCT held 2023-05-01, valid 3 years (reconstructed): to 2026-05-01.
    # 200-301 on 2024-01-01 earns a CCNA (to 2027-01-01) but renews no CCT (no options published);
    # 30 CE credits on 2025-01-10 recertify the CCNA (to 2028-01-10) and cascade nowhere near the CCT.
    rec = record(
        [held("CCT", "2023-05-01")],
        [passed("200-301", "2024-01-01"), passed("100-150", "2025-09-01")],
        [act("a1", 30, "2025-01-10")],
    )
    ev = run(rec, "2026-05-01")
    cct = ev.certification("CCT Data Center")
    assert (cct.status, cct.expires_on, cct.recertified_by) == ("active", d("2026-05-01"), None)
    assert ev.certification("CCNA").recertified_by == "30 CE credits"
    assert ev.certification("CCNA").expires_on == d("2028-01-10")
    assert run(rec, "2026-05-02").certification("CCT Data Center").status == "expired"


# --------------------------------------------------------------------------- Customer Success Manager


def test_csm_is_renewed_by_its_own_exam_passed_again_each_term() -> None:
    # 820-605 on 2023-06-01 earns the CSM: to 2026-06-01.
    # 820-605 on 2024-06-01 (inside the term) renews it: 2024-06-01 + 3 years = 2027-06-01.
    # 820-605 on 2025-06-01, a new pass in the new term, renews it again (D-EXAM-2): to 2028-06-01.
    rec = record(
        exams=[passed("820-605", "2023-06-01"), passed("820-605", "2024-06-01"), passed("820-605", "2025-06-01")]
    )
    first = run(rec, "2024-06-01").certification(CSM)
    assert (first.level, first.expires_on, first.recertified_by) == ("csm", d("2027-06-01"), CSM_OPTION)
    csm = run(rec, "2025-07-01").certification(CSM)
    assert (csm.term_started_on, csm.expires_on) == (d("2025-06-01"), d("2028-06-01"))
    assert (csm.recertified_on, csm.recertified_by, csm.rule) == (d("2025-06-01"), CSM_OPTION, "R-OPT-1")


def test_csm_is_renewed_by_no_other_exam_no_ce_and_no_cascade() -> None:
    # CSM earned 2023-06-01 (to 2026-06-01). Associate, core, concentration (earning a CCNP on
    # 2024-03-01, R-CASC-2), expert lab (recertifying the CCNP on 2024-04-01) and CCST passes, and
    # 80 CE credits recertifying the CCNP on 2024-09-01 (R-CASC-1), all leave it: it expires
    # 2026-06-01, expired from 2026-06-02.
    rec = record(
        exams=[
            passed("820-605", "2023-06-01"),
            passed("200-301", "2024-01-01"),
            passed("350-401", "2024-02-01"),
            passed("300-410", "2024-03-01"),
            passed("CCIE Security lab", "2024-04-01"),  # earns nothing alone (no SCOR)
            passed("100-150", "2024-05-01"),
        ],
        activities=[act("a1", 80, "2024-09-01")],
    )
    ev = run(rec, "2026-06-01")
    csm = ev.certification(CSM)
    assert (csm.status, csm.term_started_on, csm.expires_on, csm.recertified_by) == (
        "active", d("2023-06-01"), d("2026-06-01"), None,
    )
    assert ev.certification(CCNP_ENT).recertified_by == "80 CE credits"
    assert events(ev, "cascaded", CSM) == []
    assert run(rec, "2026-06-02").certification(CSM).status == "expired"


def test_csm_is_earned_again_after_it_expired() -> None:
    # CSM earned 2023-06-01, expired from 2026-06-02; 820-605 on 2026-08-01 earns it again
    # (R-DATE-2: the full path, one exam here): 2026-08-01 + 3 years = 2029-08-01.
    rec = record(exams=[passed("820-605", "2023-06-01"), passed("820-605", "2026-08-01")])
    csm = run(rec, "2026-09-01").certification(CSM)
    assert (csm.status, csm.term_started_on, csm.expires_on, csm.recertified_by) == (
        "active", d("2026-08-01"), d("2029-08-01"), None,
    )


def test_csm_takes_no_ce() -> None:
    # Section 5: CE does not apply to the CSM.
    rec = record(exams=[passed("820-605", "2023-06-01")], activities=[act("a1", 40, "2024-01-10")])
    outcome = run(rec, "2024-02-01").activity("a1")
    assert (outcome.outcome, outcome.reason) == ("rejected", "no_ce_eligible_certification")
