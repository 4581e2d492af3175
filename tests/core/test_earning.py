"""Earning certifications from exam passes (spec section 7, R-OPT-2, R-CASC-2, D-EXAM-1, D-EXAM-2).

Every expected value is worked out by hand from spec/cisco-ce-policy.md; the
date arithmetic is in the comments. Semantics chosen by the lead where the
spec is silent (docs/earning.md): earning comes first in a day's exam batch;
a certification earned today cascades (R-CASC-2) after the batch's direct
recertifications; passes count toward earning while pass + 3 years >= the day
the set completes; an active certification earned again is recertified with
``recertified_by`` "earned again: ...".
"""

from __future__ import annotations

from typing import Any

import pytest

from builders import CCIE_EI, CCNP_ENT, SPEC_ENARSI, SPEC_ENCOR, act, d, events, held, passed, record, run
from recert import Evaluation, Policy, policy_from_mapping

CCIE_EW = "CCIE Enterprise Wireless"
SPEC_ENSLD = "Cisco Certified Specialist – Enterprise Design"


def names(ev: Evaluation) -> set[str]:
    return {c.certification for c in ev.certifications}


# --------------------------------------------------------------------------- one exam earns alone


@pytest.mark.parametrize(
    ("exam", "certification", "level"),
    [
        ("200-301", "CCNA", "associate"),
        ("200-201", "CyberOps Associate", "associate"),
        ("200-901", "DevNet Associate", "associate"),
        ("350-401", SPEC_ENCOR, "specialist"),
        ("350-501", "Cisco Certified Specialist – Service Provider Core", "specialist"),
        ("350-601", "Cisco Certified Specialist – Data Center Core", "specialist"),
        ("350-701", "Cisco Certified Specialist – Security Core", "specialist"),
        ("350-801", "Cisco Certified Specialist – Collaboration Core", "specialist"),
        ("350-201", "Cisco Certified Specialist – CyberOps Core", "specialist"),
        ("350-901", "Cisco Certified DevNet Specialist – Core", "specialist"),
        ("300-410", SPEC_ENARSI, "specialist"),
        ("300-715", "Cisco Certified Specialist – Security Identity Management Implementation", "specialist"),
        ("300-920", "Cisco Certified DevNet Specialist – Webex", "specialist"),
        ("820-605", "Customer Success Manager", "csm"),
    ],
)
def test_one_exam_earns_its_certification(exam: str, certification: str, level: str) -> None:
    # Spec section 7, "earns alone": a pass on 2023-03-14 starts a term 2023-03-14 + 3 years = 2026-03-14.
    ev = run(record(exams=[passed(exam, "2023-03-14")]), "2023-06-01")
    assert names(ev) == {certification}
    cert = ev.certification(certification)
    assert cert.level == level
    assert cert.status == "active"
    assert cert.term_started_on == d("2023-03-14")
    assert cert.expires_on == d("2026-03-14")
    assert cert.recertified_on is None
    assert cert.recertified_by is None
    (earned,) = events(ev, "earned", certification)
    assert (earned.on, earned.rule) == (d("2023-03-14"), "R-OPT-2")


def test_an_exam_named_by_its_acronym_earns_too() -> None:
    # Section 7: "ENCOR" and "350-401 ENCOR" find 350-401. 2024-01-31 + 3 years = 2027-01-31.
    for name in ("ENCOR", "350-401 ENCOR"):
        ev = run(record(exams=[passed(name, "2024-01-31")]), "2024-02-01")
        assert ev.certification(SPEC_ENCOR).expires_on == d("2027-01-31")


# --------------------------------------------------------------------------- each track's CCNP


@pytest.mark.parametrize(
    ("core", "concentration", "certification", "core_specialist", "conc_specialist"),
    [
        ("350-401", "300-420", CCNP_ENT, SPEC_ENCOR, SPEC_ENSLD),
        ("350-701", "300-730", "CCNP Security",
         "Cisco Certified Specialist – Security Core",
         "Cisco Certified Specialist – Network Security VPN Implementation"),
        ("350-601", "300-620", "CCNP Data Center",
         "Cisco Certified Specialist – Data Center Core",
         "Cisco Certified Specialist – Data Center ACI Implementation"),
        ("350-501", "300-515", "CCNP Service Provider",
         "Cisco Certified Specialist – Service Provider Core",
         "Cisco Certified Specialist – Service Provider VPN Services Implementation"),
        ("350-801", "300-815", "CCNP Collaboration",
         "Cisco Certified Specialist – Collaboration Core",
         "Cisco Certified Specialist – Collaboration Call Control & Mobility Implementation"),
        ("350-201", "300-215", "CyberOps Professional",
         "Cisco Certified Specialist – CyberOps Core",
         "Cisco Certified Specialist – CyberOps Forensic Analysis and Incident Response"),
        ("350-901", "300-635", "DevNet Professional",
         "Cisco Certified DevNet Specialist – Core",
         "Cisco Certified DevNet Specialist – Data Center Automation and Programmability"),
    ],
)
def test_each_track_professional_is_core_plus_one_concentration(
    core: str, concentration: str, certification: str, core_specialist: str, conc_specialist: str
) -> None:
    # Section 7: core on 2022-05-10 earns the core Specialist (2022-05-10 + 3 years = 2025-05-10).
    # The concentration on 2023-11-20 completes the set: the professional is earned on the date of
    # the last pass, 2023-11-20 + 3 years = 2026-11-20 (2022-05-10 + 3 years = 2025-05-10 >= 2023-11-20).
    # The same pass earns the concentration Specialist (R-OPT-2) and recertifies the core Specialist
    # by its "1 concentration exam" option (passed inside its term, R-OPT-1): 2023-11-20 to 2026-11-20.
    rec = record(exams=[passed(core, "2022-05-10"), passed(concentration, "2023-11-20")])
    before = run(rec, "2023-11-19")
    assert names(before) == {core_specialist}
    assert before.certification(core_specialist).expires_on == d("2025-05-10")

    ev = run(rec, "2023-11-20")
    assert names(ev) == {certification, core_specialist, conc_specialist}
    professional = ev.certification(certification)
    assert professional.level == "professional"
    assert (professional.term_started_on, professional.expires_on) == (d("2023-11-20"), d("2026-11-20"))
    assert professional.recertified_by is None
    conc = ev.certification(conc_specialist)
    assert (conc.term_started_on, conc.expires_on) == (d("2023-11-20"), d("2026-11-20"))
    spec = ev.certification(core_specialist)
    assert spec.expires_on == d("2026-11-20")
    assert (spec.recertified_on, spec.recertified_by) == (d("2023-11-20"), "1 concentration exam")


def test_the_concentration_may_come_first() -> None:
    # Concentration 300-410 on 2021-02-01, core 350-401 on 2023-09-30: the set is complete on
    # 2023-09-30 (2021-02-01 + 3 years = 2024-02-01 >= 2023-09-30), so the CCNP term is
    # 2023-09-30 + 3 years = 2026-09-30.
    rec = record(exams=[passed("300-410", "2021-02-01"), passed("350-401", "2023-09-30")])
    ccnp = run(rec, "2024-01-01").certification(CCNP_ENT)
    assert (ccnp.term_started_on, ccnp.expires_on) == (d("2023-09-30"), d("2026-09-30"))
    (earned,) = events(run(rec, "2024-01-01"), "earned", CCNP_ENT)
    # The passes in the order of the rule's slots: core, then concentration.
    assert earned.uses.exams == ("350-401 on 2023-09-30", "300-410 on 2021-02-01")


def test_a_pass_counts_toward_earning_for_three_years_to_the_day() -> None:
    # Core 2021-03-01 + 3 years = 2024-03-01: a concentration on 2024-03-01 completes the CCNP
    # (2024-03-01 >= 2024-03-01), one on 2024-03-02 does not (the core no longer counts).
    on_time = record(exams=[passed("350-401", "2021-03-01"), passed("300-410", "2024-03-01")])
    ccnp = run(on_time, "2024-03-01").certification(CCNP_ENT)
    assert ccnp.expires_on == d("2027-03-01")
    late = record(exams=[passed("350-401", "2021-03-01"), passed("300-410", "2024-03-02")])
    ev = run(late, "2024-03-02")
    assert CCNP_ENT not in names(ev)
    # The lone concentration still earns its own Specialist: 2024-03-02 + 3 years = 2027-03-02.
    assert ev.certification(SPEC_ENARSI).expires_on == d("2027-03-02")


def test_a_concentration_of_another_track_does_not_complete_a_ccnp() -> None:
    # ENCOR (Enterprise core) + SVPN (Security concentration): neither CCNP's rule is filled.
    rec = record(exams=[passed("350-401", "2023-01-10"), passed("300-730", "2023-02-10")])
    assert not {CCNP_ENT, "CCNP Security"} & names(run(rec, "2023-03-01"))


def test_enauto_counts_for_ccnp_enterprise_and_devnet_professional() -> None:
    # 300-435 ENAUTO is an Enterprise and a DevNet concentration (section 7): with ENCOR (2022-06-01)
    # and DEVCOR (2022-07-01) both professionals are earned on 2022-08-15, + 3 years = 2025-08-15.
    rec = record(
        exams=[passed("350-401", "2022-06-01"), passed("350-901", "2022-07-01"), passed("300-435", "2022-08-15")]
    )
    ev = run(rec, "2022-09-01")
    for name in (CCNP_ENT, "DevNet Professional"):
        assert ev.certification(name).term_started_on == d("2022-08-15")
        assert ev.certification(name).expires_on == d("2025-08-15")


# --------------------------------------------------------------------------- each track's CCIE


@pytest.mark.parametrize(
    ("written", "lab", "certification"),
    [
        ("350-401", "CCIE Enterprise Infrastructure lab", CCIE_EI),
        ("350-401", "CCIE Enterprise Wireless lab", CCIE_EW),
        ("350-701", "CCIE Security lab", "CCIE Security"),
        ("350-601", "CCIE Data Center lab", "CCIE Data Center"),
        ("350-501", "CCIE Service Provider lab", "CCIE Service Provider"),
        ("350-801", "CCIE Collaboration lab", "CCIE Collaboration"),
        ("400-007", "CCDE practical", "CCDE"),
        ("350-901", "DevNet Expert lab", "DevNet Expert"),
    ],
)
def test_each_expert_is_its_written_plus_its_lab(written: str, lab: str, certification: str) -> None:
    # Section 7: written/core on 2022-10-03, lab on 2024-04-18 (2022-10-03 + 3 years = 2025-10-03
    # >= 2024-04-18): earned 2024-04-18, + 3 years = 2027-04-18.
    rec = record(exams=[passed(written, "2022-10-03"), passed(lab, "2024-04-18")])
    assert certification not in names(run(rec, "2024-04-17"))
    expert = run(rec, "2024-04-18").certification(certification)
    assert expert.level == "expert"
    assert (expert.status, expert.term_started_on, expert.expires_on) == (
        "active", d("2024-04-18"), d("2027-04-18"),
    )


def test_a_lab_alone_earns_nothing() -> None:
    # Section 7: a lab earns no certification alone (the core is missing).
    ev = run(record(exams=[passed("CCIE Security lab", "2024-04-18")]), "2024-05-01")
    assert ev.certifications == ()


def test_both_enterprise_ccies_take_the_same_encor_pass() -> None:
    # Section 7 and D-EXAM-2: one ENCOR pass (2023-01-10) may serve two certifications.
    # 2023-01-10: ENCOR earns the Specialist – Enterprise Core (to 2026-01-10).
    # 2023-06-01: EI lab + ENCOR earn CCIE EI (2023-06-01 + 3 years = 2026-06-01); the lab
    #   recertifies the Specialist by "1 expert lab exam" (to 2026-06-01).
    # 2024-02-01: EW lab + the same ENCOR (2023-01-10 + 3 years = 2026-01-10 >= 2024-02-01) earn
    #   CCIE EW (to 2027-02-01). The EW lab, passed inside CCIE EI's term, recertifies it by
    #   "1 expert lab exam" (to 2027-02-01), and the Specialist likewise.
    rec = record(
        exams=[
            passed("350-401", "2023-01-10"),
            passed("CCIE Enterprise Infrastructure lab", "2023-06-01"),
            passed("CCIE Enterprise Wireless lab", "2024-02-01"),
        ]
    )
    mid = run(rec, "2023-06-01")
    assert mid.certification(CCIE_EI).expires_on == d("2026-06-01")
    assert CCIE_EW not in names(mid)

    ev = run(rec, "2024-03-01")
    assert names(ev) == {CCIE_EI, CCIE_EW, SPEC_ENCOR}
    ew = ev.certification(CCIE_EW)
    assert (ew.term_started_on, ew.expires_on, ew.recertified_by) == (d("2024-02-01"), d("2027-02-01"), None)
    (earned,) = events(ev, "earned", CCIE_EW)
    assert earned.uses.exams == ("350-401 on 2023-01-10", "CCIE Enterprise Wireless lab on 2024-02-01")
    ei = ev.certification(CCIE_EI)
    assert (ei.expires_on, ei.recertified_on, ei.recertified_by) == (
        d("2027-02-01"), d("2024-02-01"), "1 expert lab exam",
    )
    spec = ev.certification(SPEC_ENCOR)
    assert (spec.expires_on, spec.recertified_by) == (d("2027-02-01"), "1 expert lab exam")


# --------------------------------------------------------------------------- R-OPT-2, R-CASC-2


def test_ccna_holder_passing_encor_earns_the_specialist_and_recertifies_the_ccna_by_its_option() -> None:
    # R-OPT-2: CCNA held 2023-01-10 (to 2026-01-10); ENCOR on 2024-03-05 earns the Specialist –
    # Enterprise Core (2024-03-05 + 3 years = 2027-03-05) and, passed inside the CCNA's term,
    # recertifies it by "1 core exam": 2024-03-05 to 2027-03-05 (R-DATE-1), not by cascade.
    rec = record([held("CCNA", "2023-01-10")], [passed("350-401", "2024-03-05")])
    ev = run(rec, "2024-06-01")
    ccna = ev.certification("CCNA")
    assert (ccna.term_started_on, ccna.expires_on) == (d("2024-03-05"), d("2027-03-05"))
    assert (ccna.recertified_on, ccna.recertified_by, ccna.rule) == (d("2024-03-05"), "1 core exam", "R-OPT-1")
    assert ev.certification(SPEC_ENCOR).expires_on == d("2027-03-05")
    assert events(ev, "cascaded") == []


def test_earning_a_higher_certification_cascades_to_a_lower_one_no_option_renewed() -> None:
    # R-CASC-2: the CCNA's record term starts 2024-03-05 with a given expiration date 2025-01-01.
    # ENCOR passed the same day is not inside that term (D-TERM-1: start < pass), so no option
    # renews the CCNA; earning the Specialist (specialist > associate) cascades to it:
    # 2024-03-05 + 3 years = 2027-03-05 > 2025-01-01, so the CCNA is recertified by cascade.
    rec = record([held("CCNA", "2024-03-05", "2025-01-01")], [passed("350-401", "2024-03-05")])
    ev = run(rec, "2024-06-01")
    ccna = ev.certification("CCNA")
    assert (ccna.term_started_on, ccna.expires_on) == (d("2024-03-05"), d("2027-03-05"))
    assert ccna.recertified_by == f"cascade from {SPEC_ENCOR}"
    assert ccna.rule == "R-CASC-2"


def test_earning_does_not_cascade_to_the_same_level() -> None:
    # R-CASC-2 reaches levels strictly below. Specialist – Enterprise Design held from 2023-04-01 with
    # a given expiration date 2024-12-31. ENCOR on 2023-04-01, the term's first day, is not inside
    # that term (D-TERM-1), and earns the Specialist – Enterprise Core (to 2026-04-01), a specialist
    # too: no cascade, so the held term still ends 2024-12-31 (a cascade would give 2026-04-01).
    rec = record([held(SPEC_ENSLD, "2023-04-01", "2024-12-31")], [passed("350-401", "2023-04-01")])
    ev = run(rec, "2023-05-01")
    spec = ev.certification(SPEC_ENSLD)
    assert (spec.expires_on, spec.recertified_by) == (d("2024-12-31"), None)
    assert ev.certification(SPEC_ENCOR).expires_on == d("2026-04-01")
    assert events(ev, "cascaded") == []


def test_the_earning_passes_never_renew_what_they_earned() -> None:
    # D-EXAM-1: ENCOR 2023-01-10 + ENARSI 2023-02-01 earn the CCNP (2023-02-01 to 2026-02-01).
    # ENSLD on 2024-05-01 is one concentration: the CCNP needs "2 concentration exams" and ENARSI,
    # which earned it, does not count; nor does the old ENCOR re-earn it with ENSLD (D-EXAM-2).
    # ENWLSD on 2024-08-01 is the second concentration inside the term: recertified by
    # "2 concentration exams" on 2024-08-01, + 3 years = 2027-08-01.
    rec = record(
        exams=[
            passed("350-401", "2023-01-10"),
            passed("300-410", "2023-02-01"),
            passed("300-420", "2024-05-01"),
            passed("300-425", "2024-08-01"),
        ]
    )
    mid = run(rec, "2024-07-31").certification(CCNP_ENT)
    assert (mid.term_started_on, mid.expires_on, mid.recertified_by) == (d("2023-02-01"), d("2026-02-01"), None)
    after = run(rec, "2024-08-01").certification(CCNP_ENT)
    assert (after.expires_on, after.recertified_on, after.recertified_by) == (
        d("2027-08-01"), d("2024-08-01"), "2 concentration exams",
    )


# --------------------------------------------------------------------------- expired, earned again


def test_an_expired_certification_needs_its_full_rule_again() -> None:
    # R-DATE-2: CCNP held 2020-03-01, expires 2023-03-01, expired from 2023-03-02.
    # ENARSI on 2023-06-01 alone earns its Specialist but not the CCNP.
    # ENCOR on 2023-09-01 completes the rule (2023-06-01 + 3 years = 2026-06-01 >= 2023-09-01):
    # the CCNP is earned again, 2023-09-01 + 3 years = 2026-09-01.
    rec = record(
        [held(CCNP_ENT, "2020-03-01")], [passed("300-410", "2023-06-01"), passed("350-401", "2023-09-01")]
    )
    mid = run(rec, "2023-08-31").certification(CCNP_ENT)
    assert (mid.status, mid.expires_on) == ("expired", d("2023-03-01"))
    ev = run(rec, "2023-09-01")
    ccnp = ev.certification(CCNP_ENT)
    assert (ccnp.status, ccnp.term_started_on, ccnp.expires_on) == ("active", d("2023-09-01"), d("2026-09-01"))
    (earned,) = events(ev, "earned", CCNP_ENT)
    assert "again after it expired" in earned.detail


def test_an_expired_ccna_is_earned_again_by_200_301() -> None:
    # CCNA held 2020-05-01 to 2023-05-01; 200-301 on 2024-01-15 earns it again: to 2027-01-15.
    rec = record([held("CCNA", "2020-05-01")], [passed("200-301", "2024-01-15")])
    ccna = run(rec, "2024-02-01").certification("CCNA")
    assert (ccna.status, ccna.term_started_on, ccna.expires_on) == ("active", d("2024-01-15"), d("2027-01-15"))


# --------------------------------------------------------------------------- holding + exams


def test_a_holding_and_the_same_certification_from_exams_are_one() -> None:
    # ENCOR 2023-01-10 + ENARSI 2023-02-20 earn the CCNP on 2023-02-20 (to 2026-02-20); the record's
    # holding starts its term on 2023-03-01 and wins from that date: 2023-03-01 + 3 years = 2026-03-01.
    rec = record(
        [held(CCNP_ENT, "2023-03-01")], [passed("350-401", "2023-01-10"), passed("300-410", "2023-02-20")]
    )
    before = run(rec, "2023-02-28").certification(CCNP_ENT)
    assert before.expires_on == d("2026-02-20")
    ev = run(rec, "2023-03-01")
    assert [c.certification for c in ev.certifications].count(CCNP_ENT) == 1
    ccnp = ev.certification(CCNP_ENT)
    assert (ccnp.term_started_on, ccnp.expires_on) == (d("2023-03-01"), d("2026-03-01"))


def test_passes_of_the_holdings_first_day_earned_it_and_do_not_renew_it() -> None:
    # CCNP held from 2023-03-01; its earning passes ENCOR 2023-01-10 and ENARSI 2023-03-01 are in the
    # record. ENARSI on the term's first day earned that term (D-EXAM-1), so ENSLD on 2024-01-10 is
    # only one concentration: the term stays 2023-03-01 to 2026-03-01 (D-EXAM-2).
    rec = record(
        [held(CCNP_ENT, "2023-03-01")],
        [passed("350-401", "2023-01-10"), passed("300-410", "2023-03-01"), passed("300-420", "2024-01-10")],
    )
    ccnp = run(rec, "2024-02-01").certification(CCNP_ENT)
    assert (ccnp.term_started_on, ccnp.expires_on, ccnp.recertified_by) == (d("2023-03-01"), d("2026-03-01"), None)


# --------------------------------------------------------------------------- exams and CE claims only


def test_a_record_of_exam_passes_and_ce_claims_only() -> None:
    # No holdings. Hand-worked timeline:
    # 2021-04-01 200-301: CCNA earned, to 2024-04-01.
    # 2023-10-01 30 CE credits (claimed and approved that day), pool = associate: CCNA recertified by
    #   "30 CE credits", 2023-10-01 + 3 years = 2026-10-01.
    # 2024-06-01 ENCOR: Specialist – Enterprise Core earned, to 2027-06-01; CCNA recertified by
    #   "1 core exam" (2024-06-01 is inside its term), to 2027-06-01.
    # 2025-02-10 ENARSI: CCNP Enterprise earned (2024-06-01 + 3 years >= 2025-02-10), to 2028-02-10;
    #   Specialist ENARSI earned, to 2028-02-10; Specialist core and CCNA recertified by
    #   "1 concentration exam", to 2028-02-10.
    # 2026-01-05 40 CE credits and 2026-09-01 40 CE credits: the pool is the professional one
    #   (R-CE-4); 80 credits on 2026-09-01 recertify the CCNP by "80 CE credits", 2026-09-01 +
    #   3 years = 2029-09-01, and cascade (R-CASC-1) to both Specialists and the CCNA: to 2029-09-01.
    rec = record(
        exams=[passed("200-301", "2021-04-01"), passed("350-401", "2024-06-01"), passed("300-410", "2025-02-10")],
        activities=[
            act("a1", 30, "2023-10-01"),
            act("a2", 40, "2026-01-05", item="course-1"),
            act("a3", 40, "2026-09-01", item="course-2"),
        ],
    )
    early = run(rec, "2023-10-01").certification("CCNA")
    assert (early.expires_on, early.recertified_by) == (d("2026-10-01"), "30 CE credits")
    assert run(rec, "2024-06-01").certification("CCNA").recertified_by == "1 core exam"

    mid = run(rec, "2025-02-10")
    assert names(mid) == {"CCNA", SPEC_ENCOR, SPEC_ENARSI, CCNP_ENT}
    assert {c.certification: c.expires_on for c in mid.certifications} == {
        CCNP_ENT: d("2028-02-10"), SPEC_ENCOR: d("2028-02-10"), SPEC_ENARSI: d("2028-02-10"), "CCNA": d("2028-02-10"),
    }
    assert mid.certification("CCNA").recertified_by == "1 concentration exam"

    ev = run(rec, "2026-10-01")
    ccnp = ev.certification(CCNP_ENT)
    assert (ccnp.term_started_on, ccnp.expires_on, ccnp.recertified_by) == (
        d("2026-09-01"), d("2029-09-01"), "80 CE credits",
    )
    for lower in ("CCNA", SPEC_ENCOR, SPEC_ENARSI):
        status = ev.certification(lower)
        assert (status.expires_on, status.recertified_on, status.recertified_by, status.rule) == (
            d("2029-09-01"), d("2026-09-01"), f"cascade from {CCNP_ENT}", "R-CASC-1",
        )
    assert ev.activity("a1").outcome == "counted"
    assert ev.activity("a1").counted_toward == "CCNA"
    assert [(ev.activity(a).outcome, ev.activity(a).counted_toward) for a in ("a2", "a3")] == [
        ("counted", CCNP_ENT), ("counted", CCNP_ENT),
    ]


# --------------------------------------------------------------------------- earned again (own policy)


def _policy(**member: Any) -> Policy:
    """A two-level policy whose certifications renew by CE only, so earning again shows (D-EXAM-2)."""
    return policy_from_mapping(
        {
            "exam_kinds": ["x"],
            "policy": {"id": "guild", "version": "1"},
            "rules": {"G-CE": {"title": "CE"}},
            "levels": {
                "member": {
                    "rank": 1, "ladder": True, "validity": [{"years": 3}],
                    "options": [{"label": "10 CE credits", "rule": "G-CE", "requirements": [{"ce_credits": 10}]}],
                },
                "fellow": {
                    "rank": 2, "ladder": True, "validity": [{"years": 3}],
                    "options": [{"label": "20 CE credits", "rule": "G-CE", "requirements": [{"ce_credits": 20}]}],
                },
            },
            "exams": [{"code": "A", "kind": "x"}, {"code": "B", "kind": "x"}, {"code": "F", "kind": "x"}],
            "certifications": [
                {"name": "Member", "level": "member",
                 "earned_by": [{"exams": [["A"], ["B"]], "label": "A + B"}], **member},
                {"name": "Fellow", "level": "fellow", "earned_by": [{"exams": [["F"]], "label": "F"}]},
            ],
        }
    )


def test_earning_an_active_certification_again_recertifies_it_with_new_passes_only() -> None:
    # A 2020-01-10 + B 2020-02-01: Member earned 2020-02-01, + 3 years = 2023-02-01.
    # B again 2021-05-01: the old A already counted for the Member (D-EXAM-2): nothing.
    # A again 2021-08-01: new A + new B, both inside the term and unused: earned again on 2021-08-01,
    # a recertification: 2021-08-01 + 3 years = 2024-08-01.
    policy = _policy()
    rec = record(
        exams=[passed("A", "2020-01-10"), passed("B", "2020-02-01"), passed("B", "2021-05-01"),
               passed("A", "2021-08-01")]
    )
    mid = run(rec, "2021-07-31", policy).certification("Member")
    assert (mid.expires_on, mid.recertified_by) == (d("2023-02-01"), None)
    member = run(rec, "2021-08-01", policy).certification("Member")
    assert (member.term_started_on, member.expires_on) == (d("2021-08-01"), d("2024-08-01"))
    assert (member.recertified_on, member.recertified_by, member.rule) == (
        d("2021-08-01"), "earned again: A + B", "D-EXAM-2",
    )


def test_earning_again_uses_only_passes_inside_the_current_term() -> None:
    # A 2020-01-10 + B 2020-02-01: Member earned 2020-02-01. A spare B on 2020-03-01 is unused.
    # 10 CE credits on 2021-01-05 recertify the Member: term 2021-01-05 to 2024-01-05.
    # A on 2021-08-01 + the spare B: B 2020-03-01 is before the current term's start (R-OPT-1),
    # though within 3 years of 2021-08-01, so the Member is not earned again.
    policy = _policy()
    spare_before = record(
        exams=[passed("A", "2020-01-10"), passed("B", "2020-02-01"), passed("B", "2020-03-01"),
               passed("A", "2021-08-01")],
        activities=[act("c1", 10, "2021-01-05")],
    )
    member = run(spare_before, "2021-09-01", policy).certification("Member")
    assert (member.term_started_on, member.expires_on, member.recertified_by) == (
        d("2021-01-05"), d("2024-01-05"), "10 CE credits",
    )
    # The spare B on 2021-03-01 instead (inside the term): earned again on 2021-08-01, to 2024-08-01.
    spare_inside = record(
        exams=[passed("A", "2020-01-10"), passed("B", "2020-02-01"), passed("B", "2021-03-01"),
               passed("A", "2021-08-01")],
        activities=[act("c1", 10, "2021-01-05")],
    )
    member = run(spare_inside, "2021-09-01", policy).certification("Member")
    assert (member.term_started_on, member.expires_on, member.recertified_by) == (
        d("2021-08-01"), d("2024-08-01"), "earned again: A + B",
    )


def test_earning_cascades_strictly_down_in_a_policy_without_exam_options() -> None:
    # R-CASC-2: Member held 2021-01-01 (to 2024-01-01); F on 2022-06-15 earns the Fellow (a higher
    # level), which cascades to the Member: 2022-06-15 + 3 years = 2025-06-15.
    policy = _policy()
    rec = record([held("Member", "2021-01-01")], [passed("F", "2022-06-15")])
    ev = run(rec, "2022-07-01", policy)
    assert ev.certification("Fellow").expires_on == d("2025-06-15")
    member = ev.certification("Member")
    assert (member.term_started_on, member.expires_on) == (d("2022-06-15"), d("2025-06-15"))
    assert (member.recertified_by, member.rule) == ("cascade from Fellow", "R-CASC-2")
