"""Earning on a day that also recertifies a held level (kills ``continue`` -> ``break`` mutants, issue 17)."""

from __future__ import annotations

from builders import CCNP_ENT, held, passed, record, run

SPEC_CORE = "Cisco Certified Specialist – Enterprise Core"
SPEC_ENARSI = "Cisco Certified Specialist – Enterprise Advanced Infrastructure Implementation"


def test_one_day_recertifies_the_held_level_and_earns_both_specialists() -> None:
    # CCNP Enterprise held 2023-01-01 (-> 2026-01-01). On 2024-03-01 the candidate passes 350-401
    # (ENCOR, core) and 300-410 (ENARSI, concentration): CCNP Enterprise is held, so the earning
    # search skips it and goes on to the other certifications those passes complete: both
    # specialists are earned that day (term 2024-03-01 + 3 years), and CCNP Enterprise is
    # recertified by an option the same day (new term 2024-03-01 to 2027-03-01).
    rec = record(
        [held(CCNP_ENT, "2023-01-01")],
        exams=[passed("350-401", "2024-03-01"), passed("300-410", "2024-03-01")],
    )
    ev = run(rec, "2024-04-01")
    kinds = sorted((e["on"], e["kind"], e["certification"]) for e in ev.to_dict()["events"])
    assert kinds == [
        ("2023-01-01", "held", CCNP_ENT),
        ("2024-03-01", "earned", SPEC_ENARSI),
        ("2024-03-01", "earned", SPEC_CORE),
        ("2024-03-01", "recertified", CCNP_ENT),
    ]
    for name in (SPEC_CORE, SPEC_ENARSI):
        spec = ev.certification(name)
        assert (spec.status, str(spec.term_started_on), str(spec.expires_on)) == (
            "active",
            "2024-03-01",
            "2027-03-01",
        )
    ccnp = ev.certification(CCNP_ENT)
    assert (str(ccnp.recertified_on), str(ccnp.expires_on)) == ("2024-03-01", "2027-03-01")
