"""Spec section 4: cascade renewal (R-CASC-1, D-CASC-1) and retired certifications (R-RET-1).

Every expected value is worked out by hand from spec/cisco-ce-policy.md. CE
credits are used to recertify the top certification, so that lower ones can
only move by cascade (exam options overlap across levels).
"""

from __future__ import annotations

from builders import CCIE_EI, CCIE_SEC, CCNP_ENT, SPEC_ENCOR, act, d, events, held, passed, record, run

# --------------------------------------------------------------------------- R-CASC-1


def test_ce_recertification_cascades_to_every_active_lower_certification_any_track() -> None:
    # R-CASC-1: CCNP Enterprise held 2022-01-10; CCNA held 2021-06-01 (-> 2024-06-01); CyberOps Associate
    # held 2021-09-01 (-> 2024-09-01); Enterprise Core Specialist held 2022-02-01 (-> 2025-02-01).
    # D-CASC-2: held terms cascade when they start: the CyberOps Associate's (2021-09-01) to the CCNA
    # (same level: 2024-09-01); the CCNP's (2022-01-10) to both (2025-01-10); the Specialist's
    # (2022-02-01) to both associates (2025-02-01).
    # 80 credits completed 2023-04-01 recertify the CCNP: 2023-04-01 + 3 = 2026-04-01; every lower one
    # moves to 2026-04-01, later than its own, recertified on 2023-04-01 by cascade.
    rec = record(
        [
            held(CCNP_ENT, "2022-01-10"),
            held("CCNA", "2021-06-01"),
            held("CyberOps Associate", "2021-09-01"),
            held(SPEC_ENCOR, "2022-02-01"),
        ],
        activities=[act("a1", 80, "2023-04-01", "2023-04-05")],
    )
    ev = run(rec, "2023-05-01")
    ccnp = ev.certification(CCNP_ENT)
    assert ccnp.recertified_by == "80 CE credits"
    assert ccnp.expires_on == d("2026-04-01")
    for name in ("CCNA", "CyberOps Associate", SPEC_ENCOR):
        status = ev.certification(name)
        assert status.expires_on == d("2026-04-01"), name
        assert status.recertified_on == d("2023-04-01"), name
        assert status.term_started_on == d("2023-04-01"), name
        assert status.recertified_by == f"cascade from {CCNP_ENT}", name
        held_cascade = {
            "CCNA": [d("2021-09-01"), d("2022-01-10"), d("2022-02-01")],
            "CyberOps Associate": [d("2022-01-10"), d("2022-02-01")],
            SPEC_ENCOR: [],
        }[name]
        assert [e.on for e in events(ev, "cascaded", name)] == [*held_cascade, d("2023-04-01")], name
    assert ev.activity("a1").counted_toward == CCNP_ENT


def test_cascade_never_shortens_a_term_and_is_then_no_recertification() -> None:
    # R-CASC-1: CCNA held 2023-03-01 (-> 2026-03-01); CCNP held 2021-05-01 recertified by 80 CE on
    # 2022-12-01 -> 2025-12-01, earlier than 2026-03-01: the CCNA keeps its term and is not recertified.
    rec = record(
        [held(CCNP_ENT, "2021-05-01"), held("CCNA", "2023-03-01")],
        activities=[act("a1", 50, "2022-06-01"), act("a2", 30, "2022-12-01")],
    )
    ev = run(rec, "2023-06-01")
    assert ev.certification(CCNP_ENT).expires_on == d("2025-12-01")
    ccna = ev.certification("CCNA")
    assert ccna.expires_on == d("2026-03-01")
    assert ccna.term_started_on == d("2023-03-01")
    assert ccna.recertified_on is None
    assert ccna.recertified_by is None
    assert events(ev, "cascaded", "CCNA") == []


def test_a_held_term_cascades_to_the_same_level_and_strands_the_earlier_credits() -> None:
    # D-CASC-2, R-CASC-1 (level L and below), D-POOL-7: CCIE EI held 2021-01-10 (-> 2024-01-10),
    # CCIE Security held 2021-03-01 (-> 2024-03-01). a1 100 credits completed 2021-02-01 is inside the
    # EI term only. The Security term starting 2021-03-01 cascades to EI: 2021-03-01 + 3 = 2024-03-01,
    # later than 2024-01-10, so EI's term now starts 2021-03-01 and a1 lies in no current term:
    # forfeited by that renewal. a2 20 credits completed 2021-04-01 counts in the pool: 20 < 120.
    rec = record(
        [held(CCIE_EI, "2021-01-10"), held(CCIE_SEC, "2021-03-01")],
        activities=[act("a1", 100, "2021-02-01"), act("a2", 20, "2021-04-01")],
    )
    ev = run(rec, "2021-05-01")
    ei = ev.certification(CCIE_EI)
    assert ei.recertified_by == f"cascade from {CCIE_SEC}"
    assert ei.rule == "R-CASC-1"
    assert ei.term_started_on == d("2021-03-01")
    assert ei.expires_on == d("2024-03-01")
    assert ev.certification(CCIE_SEC).expires_on == d("2024-03-01")
    assert ev.activity("a1").outcome == "forfeited"
    assert ev.activity("a1").counted_toward == CCIE_EI
    assert ev.activity("a2").outcome == "counted"
    assert ev.pool is not None
    assert ev.pool.level == "expert"
    assert ev.pool.credits == 20


def test_exam_recertification_cascades_too() -> None:
    # R-CASC-1: CCIE EI held 2022-01-10 recertified by the EI lab on 2023-06-01 -> 2026-06-01.
    # CCNP Enterprise held 2021-02-01 (-> 2024-02-01) would be renewed directly by an expert lab as
    # well; either way it ends 2026-06-01, renewed on 2023-06-01.
    rec = record(
        [held(CCIE_EI, "2022-01-10"), held(CCNP_ENT, "2021-02-01")],
        [passed("CCIE Enterprise Infrastructure lab", "2023-06-01")],
    )
    ev = run(rec, "2023-07-01")
    assert ev.certification(CCIE_EI).expires_on == d("2026-06-01")
    assert ev.certification(CCNP_ENT).expires_on == d("2026-06-01")
    assert ev.certification(CCNP_ENT).recertified_on == d("2023-06-01")


# --------------------------------------------------------------------------- D-CASC-1


def test_cascade_never_revives_an_expired_certification() -> None:
    # D-CASC-1: CCNA held 2017-12-01 expired after 2020-12-01, before the CCNP's held term starts on
    # 2021-01-01 (its cascade, D-CASC-2, finds the CCNA expired). The CCNP recertified by 80 CE on
    # 2022-06-01 -> 2025-06-01; the CCNA stays expired with 2020-12-01.
    rec = record(
        [held(CCNP_ENT, "2021-01-01"), held("CCNA", "2017-12-01")],
        activities=[act("a1", 80, "2022-06-01")],
    )
    ev = run(rec, "2022-07-01")
    assert ev.certification(CCNP_ENT).expires_on == d("2025-06-01")
    ccna = ev.certification("CCNA")
    assert ccna.status == "expired"
    assert ccna.expires_on == d("2020-12-01")
    assert events(ev, "cascaded", "CCNA") == []


def test_cascade_never_touches_entry_level_or_csm() -> None:
    # D-CASC-1: CCNP held 2025-09-01 recertified by 80 CE on 2026-05-01 -> 2029-05-01.
    # CCST Networking held 2025-08-01 (5 years -> 2030-08-01; a cascade would give 2031-05-01),
    # CCT held 2024-01-01 (-> 2027-01-01) and CSM held 2024-01-01 (-> 2027-01-01) do not move.
    rec = record(
        [
            held(CCNP_ENT, "2025-09-01"),
            held("CCST Networking", "2025-08-01"),
            held("CCT", "2024-01-01"),
            held("Customer Success Manager", "2024-01-01"),
        ],
        activities=[act("a1", 80, "2026-05-01")],
    )
    ev = run(rec, "2026-06-01")
    assert ev.certification(CCNP_ENT).expires_on == d("2029-05-01")
    assert ev.certification("CCST Networking").expires_on == d("2030-08-01")
    assert ev.certification("CCT Data Center").expires_on == d("2027-01-01")
    assert ev.certification("Customer Success Manager").expires_on == d("2027-01-01")
    for name in ("CCST Networking", "CCT Data Center", "Customer Success Manager"):
        assert ev.certification(name).recertified_on is None, name


def test_cascade_never_touches_a_retired_certification() -> None:
    # D-CASC-1 / R-RET-1: CCDA (associate) is retired in the catalog from 2020-02-24. Held 2019-06-01
    # (-> 2022-06-01). CCNP held 2020-05-01 recertified by 80 CE on 2021-03-01 -> 2024-03-01; the
    # CCDA keeps 2022-06-01 and is active to that day, expired from 2022-06-02.
    rec = record(
        [held(CCNP_ENT, "2020-05-01"), held("CCDA", "2019-06-01")],
        activities=[act("a1", 80, "2021-03-01")],
    )
    ev = run(rec, "2022-06-01")
    assert ev.certification(CCNP_ENT).expires_on == d("2024-03-01")
    ccda = ev.certification("CCDA")
    assert ccda.retired is True
    assert ccda.status == "active"
    assert ccda.expires_on == d("2022-06-01")
    assert ccda.recertified_on is None
    assert run(rec, "2022-06-02").certification("CCDA").status == "expired"


def test_a_cascade_can_extend_a_given_expiration() -> None:
    # D-CASC-1: CCNA held 2022-01-10 with a given expiration 2025-03-01. CCNP held 2022-01-10
    # recertified by 80 CE on 2022-11-01 -> 2025-11-01, later than 2025-03-01: the CCNA cascades.
    rec = record(
        [held(CCNP_ENT, "2022-01-10"), held("CCNA", "2022-01-10", "2025-03-01")],
        activities=[act("a1", 80, "2022-11-01")],
    )
    ccna = run(rec, "2022-12-01").certification("CCNA")
    assert ccna.expires_on == d("2025-11-01")
    assert ccna.recertified_on == d("2022-11-01")
    assert ccna.recertified_by == f"cascade from {CCNP_ENT}"


# --------------------------------------------------------------------------- R-RET-1


def test_retired_certification_cannot_be_recertified() -> None:
    # R-RET-1: CCDA held 2019-06-01 (retired 2020-02-24, expires 2022-06-01). 200-301 on 2021-01-01
    # would meet "1 associate exam", but a retired certification cannot be recertified.
    rec = record([held("CCDA", "2019-06-01")], [passed("200-301", "2021-01-01")])
    ccda = run(rec, "2021-02-01").certification("CCDA")
    assert ccda.retired is True
    assert ccda.status == "active"
    assert ccda.expires_on == d("2022-06-01")
    assert ccda.recertified_on is None


def test_retirement_takes_effect_on_the_holdings_retired_on_date() -> None:
    # R-RET-1: CCNA held 2022-01-10 (-> 2025-01-10) with retired_on 2023-01-01 in the record.
    # 200-301 on 2022-06-01 (before retirement) recertifies -> 2025-06-01; 200-301 on 2023-06-01
    # (after) does not. Retired is a flag: the CCNA is active to 2025-06-01.
    rec = record(
        [held("CCNA", "2022-01-10", retired_on="2023-01-01")],
        [passed("200-301", "2022-06-01"), passed("200-301", "2023-06-01")],
    )
    before = run(rec, "2022-12-31").certification("CCNA")
    assert before.retired is False
    assert before.expires_on == d("2025-06-01")
    after = run(rec, "2025-06-01").certification("CCNA")
    assert after.retired is True
    assert after.status == "active"
    assert after.expires_on == d("2025-06-01")
    assert after.recertified_on == d("2022-06-01")
    assert run(rec, "2025-06-02").certification("CCNA").status == "expired"
