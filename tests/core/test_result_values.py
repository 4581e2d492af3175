"""Whole results worked out by hand, read in full and after a trip through pickle (issue 17).

The mutation run found the result's own code (``Evaluation.__reduce__`` and its rebuild, used
when results cross process boundaries: ``evaluate_many``, ``recert evaluate --jobs``) and the
what-if replays of pending claims (R-CE-3) reached by no test of ``tests/core``. Rules of
spec/cisco-ce-policy.md: R-VAL-1, R-CE-3, R-CE-4, R-CE-5, R-CASC-1, R-DATE-2.
"""

from __future__ import annotations

import json
import pickle
from datetime import date

from builders import CCIE_SEC, CCNP_ENT, SPEC_ENCOR, act, held, passed, record, run
from recert import Holding, Record, evaluate


def _ccie_pending() -> Record:
    # CCIE Security held 2021-05-20, expires 2021-05-20 + 3 years = 2024-05-20. Approved: 64
    # (2023-04-12) + 40 (2023-11-07) = 104 < 120. Pending: 24 completed 2024-05-02, claimed
    # 2024-05-10 (<= 2024-05-20): 104 + 24 = 128 >= 120 if approved.
    return record(
        [held(CCIE_SEC, "2021-05-20")],
        activities=[
            act("sise", 64, "2023-04-12", "2023-04-18", decided_on="2023-04-25", item="SISE"),
            act("sncf", 40, "2023-11-07", "2023-11-10", decided_on="2023-11-16", item="SNCF"),
            act("svpn", 24, "2024-05-02", "2024-05-10", status="pending", item="SVPN"),
        ],
    )


def test_expired_unless_a_pending_claim_is_approved_in_full() -> None:
    ev = run(_ccie_pending(), "2024-06-15")
    out = ev.to_dict()
    # 2024-05-20 -> 2024-06-15: 11 days to 2024-05-31, then 15: -26 days left.
    assert out["certifications"] == [
        {
            "certification": CCIE_SEC,
            "level": "expert",
            "status": "expired",
            "term_started_on": "2021-05-20",
            "expires_on": "2024-05-20",
            "days_left": -26,
            "recertified_on": None,
            "recertified_by": None,
            "retired": False,
            "awaiting": ["svpn"],
            "rule": "R-CE-3",
            "explanation": (
                "CCIE Security expired: its term ended on 2024-05-20 and no option was met by then; "
                "only its full earning path earns it again (R-DATE-2); unless pending claim svpn is "
                "approved, which would change this (R-CE-3)"
            ),
            "cycle": None,  # a rolling-cycle policy has terms, not cycles (programs.md section 7)
        }
    ]
    assert [(a["id"], a["outcome"], a["counted_toward"], a["rule"]) for a in out["activities"]] == [
        ("sise", "counted", CCIE_SEC, "R-CE-4"),
        ("sncf", "counted", CCIE_SEC, "R-CE-4"),
        ("svpn", "pending", CCIE_SEC, "R-CE-3"),
    ]
    assert out["activities"][2]["explanation"] == (
        "svpn: pending: claimed on 2024-05-10, not decided by 2024-06-15; if approved it counts "
        "from its completion on 2024-05-02 toward CCIE Security"
    )
    assert out["activities"][0]["explanation"] == (
        "sise: counted: 64 CE credits completed on 2023-04-12 count in the pool toward CCIE Security"
    )
    assert (out["pool"], out["next"]) == (None, [])
    # Expired from the day after the expiration date (R-VAL-1): 2024-05-21.
    assert [(e["on"], e["kind"], e["rule"]) for e in out["events"]] == [
        ("2021-05-20", "held", "R-VAL-1"),
        ("2024-05-21", "expired", "R-DATE-2"),
    ]
    assert out["events"][0]["detail"] == (
        "CCIE Security (expert) term given by the record starts on 2021-05-20; expires on "
        "2024-05-20 (2021-05-20 + 3 years)"
    )
    assert out["events"][1]["detail"] == (
        "CCIE Security expired: its term ended on 2024-05-20 (active through that day) and no "
        "option was met by then"
    )


def test_two_pending_claims_are_both_named_and_a_third_is_not_needed() -> None:
    # CCNA held 2022-06-01, expires 2025-06-01. Approved 10 (2025-01-10). Pending: p1 10
    # (2025-02-10), p2 10 (2025-03-10), both claimed the same day, before 2025-06-01: 10 + 10 +
    # 10 = 30 only with both approved, so both are named. p3 is claimed 2025-07-01, after the
    # expiration date: rejected as a prediction (D-OUTCOME-1), never awaited.
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[
            act("a1", 10, "2025-01-10", item="X1"),
            act("p1", 10, "2025-02-10", status="pending", item="X2"),
            act("p2", 10, "2025-03-10", status="pending", item="X3"),
            act("p3", 10, "2025-05-10", "2025-07-01", status="pending", item="X4"),
        ],
    )
    ev = run(rec, "2025-08-01")
    ccna = ev.certification("CCNA")
    # 2025-06-01 -> 2025-08-01: 30 + 31 = 61 days after.
    assert (ccna.status, ccna.days_left, ccna.awaiting) == ("expired", -61, ("p1", "p2"))
    assert ccna.explanation.endswith(
        "; unless pending claims p1, p2 are approved, which would change this (R-CE-3)"
    )
    p3 = ev.activity("p3")
    assert (p3.outcome, p3.reason) == ("rejected", "claimed_after_expiration")
    assert p3.explanation.endswith(" (a prediction: the claim is still pending, D-OUTCOME-1)")


def test_a_pending_claim_not_needed_is_not_awaited() -> None:
    # CCNA held 2022-06-01 (-> 2025-06-01); a1 30 approved on 2024-01-10 recertifies it that
    # day (new term to 2027-01-10). p1 (pending, 2024-03-01) goes into the new pool: nothing
    # waits on it, and on 2024-06-01 CCNA is active, 2024-06-01 -> 2027-01-10 = 953 days
    # (2024-06-01 -> 2027-06-01 is 365 + 365 + 365 = 1095, minus 142 days from 2027-01-10).
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[
            act("a1", 30, "2024-01-10", item="X1"),
            act("p1", 10, "2024-03-01", status="pending", item="X2"),
        ],
    )
    ev = run(rec, "2024-06-01")
    ccna = ev.certification("CCNA")
    assert (ccna.status, ccna.expires_on, ccna.days_left, ccna.awaiting) == (
        "active",
        date(2027, 1, 10),
        953,
        (),
    )
    assert ev.activity("p1").explanation == (
        "p1: pending: claimed on 2024-03-01, not decided by 2024-06-01; if approved it counts "
        "from its completion on 2024-03-01 toward CCNA"
    )


def test_results_come_back_whole_from_pickle() -> None:
    # Results cross process boundaries pickled: every field must come back, pool, next steps
    # with their exam gaps, events with and without uses, candidate and policy versions.
    rich = record(
        [held(CCNP_ENT, "2023-01-15"), held("CCNA", "2022-03-01")],
        exams=[passed("350-401", "2024-02-01")],
        activities=[act("a1", 16, "2024-03-01", item="X1"), act("p1", 8, "2024-04-01", status="pending")],
    )
    evaluations = [
        run(_ccie_pending(), "2024-06-15"),
        run(rich, "2024-06-01"),
        # CCNA held 2018-05-01 (version before 2020-02-24) seen on 2021-06-01: two versions.
        evaluate(
            Record(holdings=[Holding("CCNA", date(2018, 5, 1))], candidate="C-1"), as_of=date(2021, 6, 1)
        ),
    ]
    rich_ev = evaluations[1]
    # The ENCOR pass of 2024-02-01 (inside the CCNP term 2023-01-15 .. 2026-01-15) recertifies
    # the CCNP Enterprise on its own (1 core): new term to 2027-02-01, cascaded to the CCNA and
    # earning the Enterprise Core specialist.
    assert rich_ev.certification(CCNP_ENT).expires_on == date(2027, 2, 1)
    assert rich_ev.certification(SPEC_ENCOR).expires_on == date(2027, 2, 1)
    assert rich_ev.pool is not None
    assert rich_ev.next
    assert any(e.uses is not None for e in rich_ev.events)
    assert len(evaluations[2].versions) == 2
    assert evaluations[2].candidate == "C-1"
    for ev in evaluations:
        copy = pickle.loads(pickle.dumps(ev))
        assert copy == ev
        assert copy.to_dict() == ev.to_dict()


def test_fractional_credits_in_the_result_are_rounded_to_six_decimals() -> None:
    # CCNA held 2022-06-01 (-> 2025-06-01). 12.5 + 0.1234567 = 12.6234567 in the pool, shown
    # as 12.623457 (six decimals); 30 - 12.6234567 = 17.3765433 missing, 17.376543 as a number
    # and "17.3765" in the text (six significant digits). 2024-06-01 -> 2025-06-01: 365 days.
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[act("a1", 12.5, "2024-01-10", item="X1"), act("a2", 0.1234567, "2024-01-11", item="X2")],
    )
    out = run(rec, "2024-06-01").to_dict()
    assert out["pool"] == {
        "level": "associate",
        "credits": 12.623457,
        "term_started_on": "2022-06-01",
        "certification": "CCNA",
    }
    assert [a["credits"] for a in out["activities"]] == [12.5, 0.1234567]
    assert out["activities"][1]["explanation"] == (
        "a2: counted: 0.123457 CE credits completed on 2024-01-11 count in the pool toward CCNA"
    )
    (step,) = out["next"]
    assert (step["certification"], step["deadline"], step["days_left"]) == ("CCNA", "2025-06-01", 365)
    ce = step["options"][-1]
    assert ce == {
        "option": "30 CE credits",
        "missing": "17.3765 CE credits",
        "credits_missing": 17.376543,
        "exams_missing": [],
        "deadline": "2025-06-01",
    }
    # An exam option misses one exam of its kind and no credits.
    assert step["options"][0] == {
        "option": "1 associate exam",
        "missing": "1 associate exam",
        "credits_missing": 0,
        "exams_missing": [{"count": 1, "kinds": ["associate"], "codes": [], "label": "1 associate exam"}],
        "deadline": "2025-06-01",
    }


def test_whole_credits_are_written_as_whole_numbers() -> None:
    # 12.5 + 7.5 = 20.0 credits in the pool: written "20", not "20.0"; 30 - 20 = 10 missing.
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[act("a1", 12.5, "2024-01-10", item="X1"), act("a2", 7.5, "2024-01-11", item="X2")],
    )
    out = run(rec, "2024-06-01").to_dict()
    assert json.dumps(out["pool"]["credits"]) == "20"
    assert json.dumps(out["next"][0]["options"][-1]["credits_missing"]) == "10"


def test_a_recertified_certification_in_full() -> None:
    # CCNA held 2022-06-01; 30 credits completed 2024-05-02 recertify it that day (D-ANCHOR-1):
    # new term to 2027-05-02. 2024-06-01 -> 2027-05-02: 1095 days to 2027-06-01 (no 29 February
    # between) minus 30 = 1065 days.
    rec = record([held("CCNA", "2022-06-01")], activities=[act("a3", 30, "2024-05-02", item="X3")])
    (ccna,) = run(rec, "2024-06-01").to_dict()["certifications"]
    assert ccna == {
        "certification": "CCNA",
        "level": "associate",
        "status": "active",
        "term_started_on": "2024-05-02",
        "expires_on": "2027-05-02",
        "days_left": 1065,
        "recertified_on": "2024-05-02",
        "recertified_by": "30 CE credits",
        "retired": False,
        "awaiting": [],
        "rule": "R-CE-4",
        "explanation": (
            "CCNA is active: recertified on 2024-05-02 by 30 CE credits; expires on 2027-05-02, "
            "1065 days after 2024-06-01"
        ),
        "cycle": None,
    }


def test_a_pending_earlier_completion_of_a_counted_item_is_awaited() -> None:
    # CCNA held 2022-06-01 (-> 2025-06-01). Approved: b1 (item Y) 15 and a1 (item X) 10: 25 < 30,
    # expired from 2025-06-02. p1 (item X, 20, completed 2025-01-10, claimed 2025-02-01) is
    # pending: approved, it is the earliest completion of X and takes the item from a1 (D-DUP-1):
    # 20 + 15 = 35 >= 30, so CCNA would have recertified: awaited (R-CE-3).
    rec = record(
        [held("CCNA", "2022-06-01")],
        activities=[
            act("p1", 20, "2025-01-10", "2025-02-01", status="pending", item="X"),
            act("b1", 15, "2025-02-15", item="Y"),
            act("a1", 10, "2025-03-01", item="X"),
        ],
    )
    ccna = run(rec, "2025-07-01").certification("CCNA")
    assert (ccna.status, ccna.awaiting) == ("expired", ("p1",))
