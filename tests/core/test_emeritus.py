"""CCIE/CCDE Emeritus (R-EMER-1, spec section 6).

Emeritus is a paid, yearly, non-active status for CCIE/CCDE holders of at least
10 years, granted for one year from the expiration date; it recertifies
nothing; 20 consecutive years active or emeritus give lifetime Emeritus. The
record gives the grant's date (``emeritus_on``) and, on a holding, the date
the certification was first earned (``first_earned_on``). Every expected value
is worked out by hand; the date arithmetic is in the comments.
"""

from __future__ import annotations

import attrs
import pytest

from builders import act, d, events, held, passed, record, run
from recert import Holding, Record, RecordError

CCIE_SEC = "CCIE Security"
CCNP_SEC = "CCNP Security"


def ccie(first: str, earned_on: str = "2021-06-01", name: str = CCIE_SEC) -> Holding:
    """A CCIE whose current term started *earned_on* and that was first earned on *first*."""
    return attrs.evolve(held(name, earned_on), first_earned_on=d(first))


def emeritus(rec: Record, on: str) -> Record:
    return attrs.evolve(rec, emeritus_on=d(on))


# Base case: CCIE Security first earned 2010-05-01, current term 2021-06-01 + 3 years = 2024-06-01,
# expired from 2024-06-02. Held 2010-05-01 to 2024-06-01: 14 years >= 10. Grant on 2024-08-01:
# Emeritus to 2024-06-01 + 1 year = 2025-06-01. 2010-05-01 + 20 years = 2030-05-01 > 2025-06-01:
# not lifetime.
BASE = emeritus(record([ccie("2010-05-01")]), "2024-08-01")


def test_emeritus_is_a_status_of_one_year_from_the_expiration_date() -> None:
    assert run(BASE, "2024-07-31").certification(CCIE_SEC).status == "expired"
    ev = run(BASE, "2024-08-01")
    status = ev.certification(CCIE_SEC)
    assert (status.status, status.rule, status.expires_on) == ("emeritus", "R-EMER-1", d("2024-06-01"))
    assert "to 2025-06-01" in status.explanation
    (grant,) = events(ev, "emeritus", CCIE_SEC)
    assert (grant.on, grant.rule) == (d("2024-08-01"), "R-EMER-1")
    # Through the last day of the year, 2025-06-01; expired from 2025-06-02.
    assert run(BASE, "2025-06-01").certification(CCIE_SEC).status == "emeritus"
    after = run(BASE, "2025-06-02")
    assert after.certification(CCIE_SEC).status == "expired"
    assert [(e.on, e.rule) for e in events(after, "expired", CCIE_SEC)] == [
        (d("2024-06-02"), "R-DATE-2"),
        (d("2025-06-02"), "R-EMER-1"),
    ]


def test_emeritus_is_not_active_and_has_no_next_step() -> None:
    ev = run(BASE, "2024-09-01")
    assert ev.certification(CCIE_SEC).status != "active"
    assert [s.certification for s in ev.next] == []
    assert ev.pool is None


def test_emeritus_granted_on_the_first_and_last_days_of_the_year() -> None:
    # The year after the expiration date 2024-06-01 runs 2024-06-02 to 2025-06-01 (2024-06-01 + 1 year).
    for on in ("2024-06-02", "2025-06-01"):
        status = run(emeritus(BASE, on), "2025-06-01").certification(CCIE_SEC)
        assert status.status == "emeritus"


def test_a_grant_after_the_year_is_an_error_naming_the_field() -> None:
    # 2025-06-02 is more than one year after 2024-06-01.
    with pytest.raises(RecordError) as caught:
        run(emeritus(BASE, "2025-06-02"), "2025-07-01")
    (problem,) = caught.value.problems
    assert problem.path == "emeritus_on"
    assert "2025-06-02" in problem.message
    assert "R-EMER-1" in problem.message


@pytest.mark.parametrize(("first", "granted"), [("2014-06-01", True), ("2014-06-02", False)])
def test_at_least_ten_years_held(first: str, granted: bool) -> None:
    # Expiration 2024-06-01: 2014-06-01 + 10 years = 2024-06-01 (10 years: granted);
    # 2014-06-02 + 10 years = 2024-06-02 > 2024-06-01 (a day short: an error, R-EMER-1).
    rec = emeritus(record([ccie(first)]), "2024-08-01")
    if granted:
        assert run(rec, "2024-08-01").certification(CCIE_SEC).status == "emeritus"
        return
    with pytest.raises(RecordError) as caught:
        run(rec, "2024-08-01")
    (problem,) = caught.value.problems
    assert problem.path == "emeritus_on"
    assert "less than the 10 continuous years" in problem.message


@pytest.mark.parametrize(("first", "lifetime"), [("2005-06-01", True), ("2005-06-02", False)])
def test_lifetime_after_twenty_years_active_or_emeritus(first: str, lifetime: bool) -> None:
    # The Emeritus year ends 2025-06-01. 2005-06-01 + 20 years = 2025-06-01: 20 years active or
    # emeritus by then, lifetime. 2005-06-02 + 20 years = 2025-06-02: a day short, one year only.
    rec = emeritus(record([ccie(first)]), "2024-08-01")
    later = run(rec, "2040-01-01").certification(CCIE_SEC)
    if lifetime:
        assert later.status == "emeritus"
        assert "for life" in later.explanation
    else:
        assert later.status == "expired"
        assert run(rec, "2025-06-01").certification(CCIE_SEC).status == "emeritus"


def test_ccde_takes_emeritus_and_devnet_expert_does_not() -> None:
    # R-EMER-1 is for CCIE and CCDE. Both first earned 2010-05-01, to 2024-06-01.
    ccde = emeritus(record([ccie("2010-05-01", name="CCDE")]), "2024-08-01")
    assert run(ccde, "2024-08-01").certification("CCDE").status == "emeritus"
    devnet = emeritus(record([ccie("2010-05-01", name="DevNet Expert")]), "2024-08-01")
    with pytest.raises(RecordError) as caught:
        run(devnet, "2024-08-01")
    assert [p.path for p in caught.value.problems] == ["emeritus_on"]


def test_emeritus_renews_nothing_below_and_the_pool_goes_to_the_next_active_level() -> None:
    # CCNP Security held 2023-09-01 (to 2026-09-01) beside the CCIE of BASE.
    # The grant on 2024-08-01 renews nothing: the CCNP still ends 2026-09-01.
    # 120 CE credits completed and approved 2024-10-01: the CCIE is not active, so the pool is the
    # professional one (R-CE-4): the CCNP is recertified by "80 CE credits", 2024-10-01 + 3 years =
    # 2027-10-01, and the CCIE stays Emeritus with its old expiration date 2024-06-01.
    rec = emeritus(record([ccie("2010-05-01"), held(CCNP_SEC, "2023-09-01")]), "2024-08-01")
    grant = run(rec, "2024-08-01")
    assert grant.certification(CCNP_SEC).expires_on == d("2026-09-01")
    assert grant.certification(CCNP_SEC).recertified_by is None
    assert events(grant, "cascaded") == []

    with_ce = attrs.evolve(rec, activities=(act("a1", 120, "2024-10-01"),))
    ev = run(with_ce, "2024-11-01")
    ccnp = ev.certification(CCNP_SEC)
    assert (ccnp.expires_on, ccnp.recertified_by) == (d("2027-10-01"), "80 CE credits")
    assert ev.activity("a1").counted_toward == CCNP_SEC
    status = ev.certification(CCIE_SEC)
    assert (status.status, status.expires_on) == ("emeritus", d("2024-06-01"))


def test_a_lab_alone_does_not_bring_an_emeritus_back_but_the_full_rule_does() -> None:
    # R-DATE-2: Emeritus is not active; only the full earning rule (SCOR + lab) earns the CCIE again.
    # Lab alone on 2024-12-01: still Emeritus. SCOR 2024-11-01 + lab 2024-12-01: earned again on
    # 2024-12-01, active to 2024-12-01 + 3 years = 2027-12-01.
    lab_only = attrs.evolve(BASE, exams=(passed("CCIE Security lab", "2024-12-01"),))
    assert run(lab_only, "2025-01-01").certification(CCIE_SEC).status == "emeritus"
    full = attrs.evolve(BASE, exams=(passed("350-701", "2024-11-01"), passed("CCIE Security lab", "2024-12-01")))
    ev = run(full, "2025-01-01")
    status = ev.certification(CCIE_SEC)
    assert (status.status, status.term_started_on, status.expires_on) == ("active", d("2024-12-01"), d("2027-12-01"))
    (earned,) = events(ev, "earned", CCIE_SEC)
    assert earned.on == d("2024-12-01")


def test_emeritus_of_a_ccie_made_only_of_exam_passes() -> None:
    # No holdings; every date after 2020-02-24 (the policy version this file tests).
    # SCOR 2020-03-01 + Security lab 2020-03-10: CCIE Security earned 2020-03-10 (first earned),
    # to 2023-03-10. Each later lab, inside the current term, recertifies it by "1 expert lab exam"
    # (a new pass of the same exam in a later term counts anew, D-EXAM-2):
    # 2023-01-05 -> to 2026-01-05; 2025-12-01 -> to 2028-12-01; 2028-11-01 -> to 2031-11-01.
    # Expired from 2031-11-02. Grant on 2032-01-10: 2020-03-10 + 10 years = 2030-03-10 <= 2031-11-01;
    # Emeritus to 2031-11-01 + 1 year = 2032-11-01 (2020-03-10 + 20 years = 2040-03-10: not lifetime).
    rec = Record(
        exams=[
            passed("350-701", "2020-03-01"),
            passed("CCIE Security lab", "2020-03-10"),
            passed("CCIE Security lab", "2023-01-05"),
            passed("CCIE Security lab", "2025-12-01"),
            passed("CCIE Security lab", "2028-11-01"),
        ],
        emeritus_on=d("2032-01-10"),
    )
    before = run(rec, "2032-01-09").certification(CCIE_SEC)
    assert (before.status, before.term_started_on, before.expires_on, before.recertified_by) == (
        "expired", d("2028-11-01"), d("2031-11-01"), "1 expert lab exam",
    )
    assert run(rec, "2032-01-10").certification(CCIE_SEC).status == "emeritus"
    assert run(rec, "2032-11-01").certification(CCIE_SEC).status == "emeritus"
    assert run(rec, "2032-11-02").certification(CCIE_SEC).status == "expired"


@pytest.mark.parametrize(
    "rec",
    [
        # Exams only. SCOR 2020-03-01 + lab 2020-03-10: earned, to 2023-03-10; expired from 2023-03-11.
        # SCOR 2023-06-01 + lab 2023-07-01: earned again after it expired (R-DATE-2), to 2026-07-01;
        # labs on 2026-05-01 and 2029-03-01 renew it to 2029-05-01 and 2032-03-01. Continuous since
        # 2023-07-01: 2023-07-01 + 10 years = 2033-07-01 > 2032-03-01, so a grant on 2032-06-01 is refused.
        Record(
            exams=[
                passed("350-701", "2020-03-01"),
                passed("CCIE Security lab", "2020-03-10"),
                passed("350-701", "2023-06-01"),
                passed("CCIE Security lab", "2023-07-01"),
                passed("CCIE Security lab", "2026-05-01"),
                passed("CCIE Security lab", "2029-03-01"),
            ],
            emeritus_on=d("2032-06-01"),
        ),
        # Held since 2012-01-01 (first_earned_on), term 2020-06-01 to 2023-06-01, expired from
        # 2023-06-02; earned again on 2024-02-01 (SCOR 2024-01-10 + lab), to 2027-02-01. Continuous
        # since 2024-02-01 (3 years), so a grant on 2027-03-01 is refused.
        Record(
            holdings=[ccie("2012-01-01", "2020-06-01")],
            exams=[passed("350-701", "2024-01-10"), passed("CCIE Security lab", "2024-02-01")],
            emeritus_on=d("2027-03-01"),
        ),
    ],
)
def test_ten_years_must_be_continuous(rec: Record) -> None:
    # R-EMER-1: a certification earned again after it expired starts a new run of continuous years.
    assert rec.emeritus_on is not None
    with pytest.raises(RecordError) as caught:
        run(rec, rec.emeritus_on.isoformat())
    assert [p.path for p in caught.value.problems] == ["emeritus_on"]
