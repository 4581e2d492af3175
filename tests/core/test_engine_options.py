"""Spec section 2: the ways to recertify each level (R-OPT-1, D-EXAM-1, R-OPT-2, D-EXAM-2).

Every expected value is worked out by hand from spec/cisco-ce-policy.md.
"""

from __future__ import annotations

import pytest

from builders import CCIE_EI, CCNP_ENT, SPEC_ENCOR, act, d, events, held, passed, record, run

# --------------------------------------------------------------------------- the table, exam only


@pytest.mark.parametrize(
    ("exam", "label"),
    [
        ("200-301", "1 associate exam"),
        ("300-410", "1 concentration exam"),
        ("350-401", "1 core exam"),
        ("400-007", "1 expert written exam"),
        ("CCIE Security lab", "1 expert lab exam"),
    ],
)
def test_associate_exam_options(exam: str, label: str) -> None:
    # Section 2, associate: 1 assoc, 1 conc, 1 core, 1 xwritten or 1 xlab.
    # CCNA held 2022-01-10; exam on 2023-06-01 -> 2023-06-01 + 3 years = 2026-06-01.
    rec = record([held("CCNA", "2022-01-10")], [passed(exam, "2023-06-01")])
    ev = run(rec, "2023-07-01")
    ccna = ev.certification("CCNA")
    assert ccna.recertified_on == d("2023-06-01")
    assert ccna.expires_on == d("2026-06-01")
    assert ccna.recertified_by == label
    (event,) = events(ev, "recertified", "CCNA")
    # A lab has no numeric code: its id is its name (section 7).
    assert event.uses.exams == (f"{exam} on 2023-06-01",)


@pytest.mark.parametrize("exam", ["100-150", "820-605"])
def test_entry_and_csm_exams_never_recertify_a_ladder_certification(exam: str) -> None:
    # Section 2: entry-level exams never recertify a ladder certification; the CSM exam is outside.
    rec = record([held("CCNA", "2022-01-10")], [passed(exam, "2023-06-01")])
    ccna = run(rec, "2023-07-01").certification("CCNA")
    assert ccna.recertified_on is None
    assert ccna.expires_on == d("2025-01-10")


@pytest.mark.parametrize(
    ("exam", "label"),
    [
        ("300-410", "1 concentration exam"),
        ("350-401", "1 core exam"),
        ("400-007", "1 expert written exam"),
        ("CCDE practical", "1 expert lab exam"),
    ],
)
def test_specialist_exam_options(exam: str, label: str) -> None:
    # Section 2, specialist: 1 conc, 1 core, 1 xwritten or 1 xlab (reconstructed).
    # Specialist held 2022-01-10; exam 2023-06-01 -> 2026-06-01.
    rec = record([held(SPEC_ENCOR, "2022-01-10")], [passed(exam, "2023-06-01")])
    spec = run(rec, "2023-07-01").certification(SPEC_ENCOR)
    assert spec.recertified_by == label
    assert spec.expires_on == d("2026-06-01")


def test_an_associate_exam_does_not_recertify_a_specialist() -> None:
    # Section 2: the specialist row has no associate-exam option. 2022-01-10 + 3 = 2025-01-10.
    rec = record([held(SPEC_ENCOR, "2022-01-10")], [passed("200-301", "2023-06-01")])
    spec = run(rec, "2023-07-01").certification(SPEC_ENCOR)
    assert spec.recertified_on is None
    assert spec.expires_on == d("2025-01-10")


@pytest.mark.parametrize(
    ("exams", "label", "on"),
    [
        ([("350-401", "2023-06-01")], "1 core exam", "2023-06-01"),
        ([("300-410", "2023-02-01"), ("300-420", "2023-06-01")], "2 concentration exams", "2023-06-01"),
        ([("400-007", "2023-06-01")], "1 expert written exam", "2023-06-01"),
        ([("CCIE Data Center lab", "2023-06-01")], "1 expert lab exam", "2023-06-01"),
    ],
)
def test_professional_exam_options(exams: list[tuple[str, str]], label: str, on: str) -> None:
    # Section 2, professional: 1 core, 2 conc, 1 xwritten or 1 xlab. CCNP held 2022-01-10.
    # The option is met on the last pass, 2023-06-01 -> 2026-06-01.
    rec = record([held(CCNP_ENT, "2022-01-10")], [passed(e, o) for e, o in exams])
    ccnp = run(rec, "2023-07-01").certification(CCNP_ENT)
    assert ccnp.recertified_by == label
    assert ccnp.recertified_on == d(on)
    assert ccnp.expires_on == d("2026-06-01")


def test_one_concentration_alone_does_not_recertify_a_professional() -> None:
    # Professional needs 2 conc; one conc (300-410 on 2023-02-01) is not enough: 2022-01-10 + 3 = 2025-01-10.
    rec = record([held(CCNP_ENT, "2022-01-10")], [passed("300-410", "2023-02-01")])
    ccnp = run(rec, "2023-07-01").certification(CCNP_ENT)
    assert ccnp.recertified_on is None
    assert ccnp.expires_on == d("2025-01-10")


def test_professional_40_ce_plus_one_professional_exam() -> None:
    # Section 2: 40 CE + 1 prof. CCNP held 2022-01-10; a1 40 credits completed 2022-05-01;
    # 300-410 (a prof exam) on 2022-09-01 completes the option -> 2022-09-01 + 3 = 2025-09-01.
    rec = record(
        [held(CCNP_ENT, "2022-01-10")],
        [passed("300-410", "2022-09-01")],
        [act("a1", 40, "2022-05-01")],
    )
    ev = run(rec, "2022-10-01")
    ccnp = ev.certification(CCNP_ENT)
    assert ccnp.recertified_by == "40 CE credits + 1 professional exam"
    assert ccnp.recertified_on == d("2022-09-01")
    assert ccnp.expires_on == d("2025-09-01")
    assert ev.activity("a1").outcome == "counted"
    (event,) = events(ev, "recertified", CCNP_ENT)
    assert event.uses.activities == ("a1",)
    assert event.uses.exams == ("300-410 on 2022-09-01",)


def test_professional_80_ce_credits() -> None:
    # Section 2: 80 CE. CCNP held 2022-01-10; 50 + 30 credits, the second completed 2023-03-03
    # -> 2023-03-03 + 3 = 2026-03-03. 79 credits would not do (see the next assertion).
    rec = record(
        [held(CCNP_ENT, "2022-01-10")],
        activities=[act("a1", 50, "2022-05-01"), act("a2", 30, "2023-03-03")],
    )
    ccnp = run(rec, "2023-04-01").certification(CCNP_ENT)
    assert ccnp.recertified_by == "80 CE credits"
    assert ccnp.expires_on == d("2026-03-03")

    short = record(
        [held(CCNP_ENT, "2022-01-10")],
        activities=[act("a1", 50, "2022-05-01"), act("a2", 29, "2023-03-03")],
    )
    assert run(short, "2023-04-01").certification(CCNP_ENT).recertified_on is None


@pytest.mark.parametrize(
    ("exams", "credits", "label"),
    [
        ([("350-401", "2023-02-01"), ("300-410", "2023-06-01")], 0, "1 core exam + 1 concentration exam"),
        (
            [("300-410", "2023-02-01"), ("300-420", "2023-03-01"), ("300-430", "2023-06-01")],
            0,
            "3 concentration exams",
        ),
        ([("CCIE Enterprise Infrastructure lab", "2023-06-01")], 0, "1 expert lab exam"),
        ([("400-007", "2023-06-01")], 0, "1 expert written exam"),
        ([("350-401", "2023-06-01")], 40, "40 CE credits + 1 core exam"),
        ([("300-410", "2023-02-01"), ("300-420", "2023-06-01")], 40, "40 CE credits + 2 professional exams"),
        ([("300-410", "2023-06-01")], 80, "80 CE credits + 1 professional exam"),
        ([], 120, "120 CE credits"),
    ],
)
def test_expert_options(exams: list[tuple[str, str]], credits: int, label: str) -> None:
    # Section 2, expert: every option. CCIE EI held 2022-01-10. CE credits (if any) completed
    # 2022-10-01 and, for 120 CE only, a last activity completes on 2023-06-01. Each option is
    # met on 2023-06-01 -> 2023-06-01 + 3 years = 2026-06-01.
    activities = []
    if credits == 120:
        activities = [act("a1", 100, "2022-10-01"), act("a2", 20, "2023-06-01")]
    elif credits:
        activities = [act("a1", credits, "2022-10-01")]
    rec = record([held(CCIE_EI, "2022-01-10")], [passed(e, o) for e, o in exams], activities)
    ccie = run(rec, "2023-07-01").certification(CCIE_EI)
    assert ccie.recertified_by == label
    assert ccie.recertified_on == d("2023-06-01")
    assert ccie.expires_on == d("2026-06-01")


def test_expert_needs_more_than_one_core_exam_alone() -> None:
    # Expert has no "1 core exam" option: CCIE EI held 2022-01-10 stays 2025-01-10.
    rec = record([held(CCIE_EI, "2022-01-10")], [passed("350-401", "2023-06-01")])
    ccie = run(rec, "2023-07-01").certification(CCIE_EI)
    assert ccie.recertified_on is None
    assert ccie.expires_on == d("2025-01-10")


# --------------------------------------------------------------------------- R-OPT-1, D-EXAM-1


def test_exam_before_the_term_started_does_not_count() -> None:
    # R-OPT-1: CCNA term starts 2022-09-15; 200-301 passed 2022-09-01 is before it.
    rec = record([held("CCNA", "2022-09-15")], [passed("200-301", "2022-09-01")])
    ccna = run(rec, "2023-01-01").certification("CCNA")
    assert ccna.recertified_on is None
    assert ccna.expires_on == d("2025-09-15")


def test_the_earning_exam_does_not_count_toward_the_next_recertification() -> None:
    # D-EXAM-1 (through holdings): CCNA earned 2022-09-15 by 200-301 passed 2022-09-15; that pass is
    # not after the term start (D-TERM-1), so it does not recertify: expiration stays 2025-09-15.
    rec = record([held("CCNA", "2022-09-15")], [passed("200-301", "2022-09-15")])
    ccna = run(rec, "2023-01-01").certification("CCNA")
    assert ccna.recertified_on is None
    assert ccna.expires_on == d("2025-09-15")


def test_exam_the_day_after_the_term_started_counts() -> None:
    # R-OPT-1: 2022-09-16 is after the term start 2022-09-15 -> 2022-09-16 + 3 = 2025-09-16.
    rec = record([held("CCNA", "2022-09-15")], [passed("200-301", "2022-09-16")])
    assert run(rec, "2023-01-01").certification("CCNA").expires_on == d("2025-09-16")


# --------------------------------------------------------------------------- R-OPT-2


def test_one_exam_earns_a_specialist_and_recertifies_a_ccna() -> None:
    # R-OPT-2 (the recertifying part): 350-401 passed 2024-05-01 earned the Enterprise Core Specialist
    # (held from 2024-05-01) and, as "1 core exam", recertifies the CCNA held since 2022-09-15:
    # 2024-05-01 + 3 = 2027-05-01 for both. The earning pass does not recertify the Specialist (D-EXAM-1).
    rec = record(
        [held("CCNA", "2022-09-15"), held(SPEC_ENCOR, "2024-05-01")],
        [passed("350-401", "2024-05-01")],
    )
    ev = run(rec, "2024-06-01")
    ccna = ev.certification("CCNA")
    assert ccna.recertified_on == d("2024-05-01")
    assert ccna.expires_on == d("2027-05-01")
    spec = ev.certification(SPEC_ENCOR)
    assert spec.expires_on == d("2027-05-01")
    assert spec.recertified_on is None


# --------------------------------------------------------------------------- D-EXAM-2


def test_the_same_exam_twice_in_one_term_counts_once_toward_two_concentrations() -> None:
    # D-EXAM-2: CCNP held 2023-01-10 (expires 2026-01-10). 300-410 on 2023-06-01 and 300-410 again on
    # 2024-02-01: one code, so "2 concentration exams" is not met.
    rec = record(
        [held(CCNP_ENT, "2023-01-10")],
        [passed("300-410", "2023-06-01"), passed("300-410", "2024-02-01")],
    )
    ccnp = run(rec, "2024-03-01").certification(CCNP_ENT)
    assert ccnp.recertified_on is None
    assert ccnp.expires_on == d("2026-01-10")


def test_the_same_exam_twice_in_one_term_counts_once_toward_three_concentrations() -> None:
    # D-EXAM-2 at the expert level: CCIE EI held 2023-01-10; 300-410, 300-420, 300-410 again:
    # two distinct codes, "3 concentration exams" not met; expiration stays 2026-01-10.
    rec = record(
        [held(CCIE_EI, "2023-01-10")],
        [passed("300-410", "2023-03-01"), passed("300-420", "2023-06-01"), passed("300-410", "2024-02-01")],
    )
    ccie = run(rec, "2024-03-01").certification(CCIE_EI)
    assert ccie.recertified_on is None
    assert ccie.expires_on == d("2026-01-10")


def test_a_pass_counts_once_per_certification_but_serves_others() -> None:
    # D-EXAM-2: CCNP Enterprise and CCNA held 2022-01-10 (both expire 2025-01-10).
    # 300-410 on 2023-05-01 recertifies the CCNA ("1 concentration exam") -> 2026-05-01; for the CCNP
    # it is one of two concentrations. 300-420 on 2023-09-01 completes "2 concentration exams" for the
    # CCNP with that same pass -> 2026-09-01; the CCNA is renewed that day too -> 2026-09-01.
    rec = record(
        [held(CCNP_ENT, "2022-01-10"), held("CCNA", "2022-01-10")],
        [passed("300-410", "2023-05-01"), passed("300-420", "2023-09-01")],
    )
    mid = run(rec, "2023-06-01")
    assert mid.certification("CCNA").expires_on == d("2026-05-01")
    assert mid.certification(CCNP_ENT).expires_on == d("2025-01-10")

    ev = run(rec, "2023-10-01")
    ccnp = ev.certification(CCNP_ENT)
    assert ccnp.recertified_by == "2 concentration exams"
    assert ccnp.expires_on == d("2026-09-01")
    assert ev.certification("CCNA").expires_on == d("2026-09-01")
    assert ev.certification("CCNA").recertified_on == d("2023-09-01")


def test_a_used_pass_does_not_recertify_the_same_certification_again() -> None:
    # D-EXAM-2: 200-301 on 2023-06-01 recertifies the CCNA once (-> 2026-06-01); it never counts
    # again, so with nothing else the CCNA expires after 2026-06-01.
    rec = record([held("CCNA", "2022-01-10")], [passed("200-301", "2023-06-01")])
    ev = run(rec, "2026-06-02")
    ccna = ev.certification("CCNA")
    assert ccna.status == "expired"
    assert ccna.expires_on == d("2026-06-01")
    assert len(events(ev, "recertified", "CCNA")) == 1


def test_the_same_exam_in_a_later_term_counts_anew() -> None:
    # D-EXAM-2: CCNA held 2020-03-01. 200-301 on 2022-06-01 -> 2025-06-01; 200-301 again on
    # 2025-01-15 (inside the new term) -> 2028-01-15.
    rec = record(
        [held("CCNA", "2020-03-01")],
        [passed("200-301", "2022-06-01"), passed("200-301", "2025-01-15")],
    )
    ev = run(rec, "2025-02-01")
    ccna = ev.certification("CCNA")
    assert ccna.recertified_on == d("2025-01-15")
    assert ccna.expires_on == d("2028-01-15")
    assert [e.on for e in events(ev, "recertified", "CCNA")] == [d("2022-06-01"), d("2025-01-15")]
