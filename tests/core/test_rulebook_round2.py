"""The revised rule book (issue 12): holdings cascade, the pre-2020 anchor per level, and the corner cases.

Every expected value is worked out by hand from spec/cisco-ce-policy.md, the date arithmetic in a
comment: D-CASC-2, R-PRE2020-1 with D-PRE2020-1/2, D-RET-2, D-POOL-6, R-CE-5 with D-DAY-1,
D-DUP-1, D-POOL-7, the catalog of section 1 and 7, and the record format's ``as_of`` precedence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builders import (
    CCIE_EI,
    CCIE_SEC,
    CCNP_ENT,
    CCNP_SEC,
    SPEC_ENCOR,
    act,
    d,
    events,
    held,
    passed,
    record,
    run,
)
from recert import RecordError, cisco_policy, load_record
from recert.cli import main

# --------------------------------------------------------------------------- D-CASC-2


def test_a_held_term_cascades_to_a_ccna_typed_with_its_first_dates() -> None:
    # D-CASC-2 (the rule book's example): CCNA 2023-03-01 to 2026-03-01; CCNP Security earned
    # 2024-10-10 is an earning on that day and cascades below it (R-CASC-2): 2024-10-10 + 3 years =
    # 2027-10-10, later than 2026-03-01.
    rec = record([held("CCNA", "2023-03-01", "2026-03-01"), held(CCNP_SEC, "2024-10-10")])
    ev = run(rec, "2024-11-01")
    ccna = ev.certification("CCNA")
    assert (ccna.status, ccna.expires_on, ccna.term_started_on) == ("active", d("2027-10-10"), d("2024-10-10"))
    assert (ccna.recertified_on, ccna.recertified_by, ccna.rule) == (
        d("2024-10-10"), f"cascade from {CCNP_SEC}", "R-CASC-2")
    (cascade,) = events(ev, "cascaded", "CCNA")
    assert cascade.on == d("2024-10-10")


def test_the_issue_s_new_user_ccna_under_a_ccnp_security() -> None:
    # Issue 12: a CCNA typed with its first dates (2023-02-01 -> 2026-02-01) under a CCNP Security
    # earned 2024-01-20: active to 2024-01-20 + 3 years = 2027-01-20, evaluated on 2026-12-07.
    rec = record([held("CCNA", "2023-02-01"), held(CCNP_SEC, "2024-01-20")])
    ccna = run(rec, "2026-12-07").certification("CCNA")
    assert (ccna.status, ccna.expires_on) == ("active", d("2027-01-20"))


def test_a_held_term_never_shortens_and_then_is_no_recertification() -> None:
    # D-CASC-2 with R-CASC-1: CCNA held 2024-05-01 (-> 2027-05-01); CCNP Enterprise held 2023-01-10:
    # on 2023-01-10 the CCNA's term has not started; nothing moves. And a CCNA held 2022-06-01 with a
    # given expiration 2026-12-31 under a CCNP held 2023-01-10: 2023-01-10 + 3 = 2026-01-10 is earlier
    # than 2026-12-31, so its term and recertified_on stay.
    later = run(record([held(CCNP_ENT, "2023-01-10"), held("CCNA", "2024-05-01")]), "2024-06-01")
    assert later.certification("CCNA").expires_on == d("2027-05-01")
    assert later.certification("CCNA").recertified_on is None
    given = run(record([held(CCNP_ENT, "2023-01-10"), held("CCNA", "2022-06-01", "2026-12-31")]), "2024-06-01")
    assert given.certification("CCNA").expires_on == d("2026-12-31")
    assert given.certification("CCNA").term_started_on == d("2022-06-01")
    assert events(given, "cascaded") == []


def test_same_day_held_terms_do_not_depend_on_the_order_of_holdings() -> None:
    # D-DAY-1: terms given by the record that start on one day start highest level first, then by name.
    # CCNA 2022-01-01 (-> 2025-01-01); CCNP Enterprise and CCNP Security both held 2023-05-01: the
    # CCNA is renewed by the cascade of CCNP Enterprise (the first by name): 2023-05-01 + 3 = 2026-05-01.
    holdings = [held("CCNA", "2022-01-01"), held(CCNP_SEC, "2023-05-01"), held(CCNP_ENT, "2023-05-01")]
    one = run(record(holdings), "2023-06-01")
    other = run(record(list(reversed(holdings))), "2023-06-01")
    assert one.to_dict() == other.to_dict()
    assert one.certification("CCNA").recertified_by == f"cascade from {CCNP_ENT}"
    assert one.certification("CCNA").expires_on == d("2026-05-01")


# --------------------------------------------------------------------------- R-PRE2020-1, D-PRE2020-1/2


def test_a_pre_2020_ccna_renewed_by_an_exam_runs_three_years_from_the_pass() -> None:
    # D-PRE2020-1 (field reports): a CCNA renewed by an exam on 2009-01-16 ran to 2009-01-16 + 3 years
    # = 2012-01-16, not from its old expiration date 2010-05-01.
    rec = record([held("CCNA", "2007-05-01")], [passed("200-301", "2009-01-16")])
    ccna = run(rec, "2009-06-01").certification("CCNA")
    assert (ccna.recertified_on, ccna.expires_on) == (d("2009-01-16"), d("2012-01-16"))
    assert ccna.rule == "R-PRE2020-1"


def test_a_pre_2020_ccnp_renewed_by_an_exam_runs_three_years_from_the_pass() -> None:
    # D-PRE2020-1: CCNP Enterprise held 2014-03-01 (-> 2017-03-01); a concentration exam on 2016-08-15
    # renews it: 2016-08-15 + 3 years = 2019-08-15.
    rec = record([held(CCNP_ENT, "2014-03-01")], [passed("300-410", "2016-08-15")])
    ccnp = run(rec, "2017-01-01").certification(CCNP_ENT)
    assert (ccnp.recertified_on, ccnp.expires_on) == (d("2016-08-15"), d("2019-08-15"))


def test_a_pre_2020_ccie_renews_from_its_old_expiration_date_and_cascades_from_the_pass() -> None:
    # R-PRE2020-1: CCIE EI held 2015-04-01, valid 2 years -> 2017-04-01. The CCDE written on
    # 2016-11-20 renews it from the old date: 2017-04-01 + 2 years = 2019-04-01. D-PRE2020-2: the
    # CCNP Enterprise below (held 2015-06-01 -> 2018-06-01) is renewed directly by the same
    # professional-or-expert exam, from the pass: 2016-11-20 + 3 years = 2019-11-20.
    rec = record([held(CCIE_EI, "2015-04-01"), held(CCNP_ENT, "2015-06-01")], [passed("400-007", "2016-11-20")])
    ev = run(rec, "2017-01-01")
    assert ev.certification(CCIE_EI).expires_on == d("2019-04-01")
    assert ev.certification(CCNP_ENT).expires_on == d("2019-11-20")


def test_two_pre_2020_ccies_renewed_by_one_exam_each_renew_from_their_own_date() -> None:
    # D-PRE2020-2: CCIE Security held 2014-09-01 with a given expiration 2016-09-01; CCIE EI held
    # 2014-09-01 with a given (extended) expiration 2017-01-15. The CCIE Security term starting the
    # same day would cascade to EI 2014-09-01 + 2 = 2016-09-01, earlier than 2017-01-15: no move.
    # One CCDE written on 2016-06-10 renews both directly, each from its own old date:
    # Security 2016-09-01 + 2 = 2018-09-01; EI 2017-01-15 + 2 = 2019-01-15.
    rec = record(
        [held(CCIE_SEC, "2014-09-01", "2016-09-01"), held(CCIE_EI, "2014-09-01", "2017-01-15")],
        [passed("400-007", "2016-06-10")],
    )
    ev = run(rec, "2016-07-01")
    sec, ei = ev.certification(CCIE_SEC), ev.certification(CCIE_EI)
    assert (sec.expires_on, sec.recertified_by) == (d("2018-09-01"), "1 expert written or lab exam")
    assert (ei.expires_on, ei.recertified_by) == (d("2019-01-15"), "1 expert written or lab exam")
    assert sec.recertified_on == ei.recertified_on == d("2016-06-10")


def test_two_pre_2020_ccies_renewed_by_one_set_of_credits_each_renew_from_their_own_date() -> None:
    # D-PRE2020-2 with CE (100 credits, expert only before 2020): the same two CCIEs; 60 credits on
    # 2015-10-01 and 40 on 2016-02-01 reach 100 in both terms on 2016-02-01: each renewed directly
    # (D-POOL-6): Security 2016-09-01 + 2 = 2018-09-01; EI 2017-01-15 + 2 = 2019-01-15; one reset.
    rec = record(
        [held(CCIE_SEC, "2014-09-01", "2016-09-01"), held(CCIE_EI, "2014-09-01", "2017-01-15")],
        activities=[act("c1", 60, "2015-10-01"), act("c2", 40, "2016-02-01")],
    )
    ev = run(rec, "2016-03-01")
    assert ev.certification(CCIE_SEC).expires_on == d("2018-09-01")
    assert ev.certification(CCIE_EI).expires_on == d("2019-01-15")
    assert {ev.certification(n).recertified_by for n in (CCIE_SEC, CCIE_EI)} == {"100 CE credits"}
    assert len(events(ev, "pool_reset")) == 1
    assert [(a.outcome, a.counted_toward) for a in ev.activities] == [("counted", CCIE_EI)] * 2


def test_the_anchor_is_a_level_setting_in_the_policy_format() -> None:
    # The pre-2020 version: the version's parameter says "recertification", the expert level
    # "expiration" (R-PRE2020-1); every other level follows the parameter (D-PRE2020-1).
    old = cisco_policy().version_on(d("2019-12-31"))
    assert old.parameters.renewal_from == "recertification"
    assert {lvl.name: lvl.renewal_from for lvl in old.levels} == {
        "csm": None, "entry": None, "associate": None, "specialist": None, "professional": None,
        "expert": "expiration",
    }


# --------------------------------------------------------------------------- D-RET-2


def test_a_retired_track_renewed_after_its_retirement_is_accepted(tmp_path: Path) -> None:
    # D-RET-2: CCNA held 2022-05-01 with retired_on 2021-01-01: accepted; the term runs as given
    # (2022-05-01 + 3 = 2025-05-01), retired from its start: not recertified by 200-301 on
    # 2023-02-01, and no cascade.
    path = tmp_path / "retired.json"
    path.write_text(json.dumps({
        "holdings": [{"certification": "CCNA", "earned_on": "2022-05-01", "retired_on": "2021-01-01"}],
        "exams": [{"exam": "200-301", "passed_on": "2023-02-01"}],
    }), encoding="utf-8")
    ev = run(load_record(path), "2024-06-01")
    ccna = ev.certification("CCNA")
    assert (ccna.status, ccna.retired, ccna.expires_on, ccna.recertified_on) == (
        "active", True, d("2025-05-01"), None)
    (retired,) = events(ev, "retired", "CCNA")
    assert (retired.on, retired.rule) == (d("2022-05-01"), "D-RET-2")


# --------------------------------------------------------------------------- D-POOL-6


@pytest.mark.parametrize("names", [(CCNP_ENT, CCNP_SEC), (CCNP_SEC, CCNP_ENT)])
def test_same_day_recertifications_at_the_pool_level_are_each_direct(names: tuple[str, str]) -> None:
    # D-POOL-6: two CCNPs held 2022-01-01 (-> 2025-01-01). b3 8 (2023-01-01), b1 40 (2023-02-01) and
    # b2 40 (2023-03-01) reach 88 >= 80 in both terms on 2023-03-01: each is recertified directly by
    # "80 CE credits": 2023-03-01 + 3 = 2026-03-01; the pool is reset once: 80 used, 8 forfeited.
    rec = record(
        [held(names[0], "2022-01-01"), held(names[1], "2022-01-01")],
        activities=[act("b1", 40, "2023-02-01"), act("b2", 40, "2023-03-01"), act("b3", 8, "2023-01-01")],
    )
    ev = run(rec, "2023-06-01")
    for name in names:
        status = ev.certification(name)
        assert (status.recertified_by, status.expires_on) == ("80 CE credits", d("2026-03-01")), name
    (reset,) = events(ev, "pool_reset")
    assert "80 CE credits used, 8 forfeited" in reset.detail
    assert ev.pool is not None
    assert ev.pool.credits == 0


def test_same_day_recertifications_do_not_depend_on_names() -> None:
    # D-POOL-6: renaming (CCNP Enterprise <-> CCNP Security) gives the same dates for each position.
    def dates(first: str, second: str) -> list[tuple[str, object, object]]:
        rec = record(
            [held(first, "2021-05-01"), held(second, "2021-05-01")],
            activities=[act("a1", 50, "2022-01-10"), act("a2", 30, "2022-07-01")],
        )
        ev = run(rec, "2022-08-01")
        return [(c.recertified_by, c.recertified_on, c.expires_on) for c in
                (ev.certification(first), ev.certification(second))]

    # 50 + 30 = 80 on 2022-07-01: 2022-07-01 + 3 = 2025-07-01 for both, both by "80 CE credits".
    assert dates(CCNP_ENT, CCNP_SEC) == dates(CCNP_SEC, CCNP_ENT) == [
        ("80 CE credits", d("2022-07-01"), d("2025-07-01"))] * 2


# --------------------------------------------------------------------------- R-CE-5, D-DAY-1


def test_activities_completed_on_the_recertification_day_are_all_used() -> None:
    # R-CE-5, D-DAY-1 (the issue's example): Specialist held 2022-01-01; 40 and 10 credits both
    # completed and approved 2023-05-01: 50 >= 40 recertifies it on 2023-05-01 (+ 3 = 2026-05-01),
    # and both activities are used by it: counted (the 10 excess credits are forfeited).
    rec = record(
        [held(SPEC_ENCOR, "2022-01-01")],
        activities=[act("a40", 40, "2023-05-01"), act("a10", 10, "2023-05-01")],
    )
    ev = run(rec, "2023-06-01")
    assert ev.certification(SPEC_ENCOR).expires_on == d("2026-05-01")
    assert [(a.id, a.outcome, a.counted_toward) for a in ev.activities] == [
        ("a40", "counted", SPEC_ENCOR), ("a10", "counted", SPEC_ENCOR)]
    (recert,) = events(ev, "recertified", SPEC_ENCOR)
    assert recert.uses is not None
    assert set(recert.uses.activities) == {"a40", "a10"}
    (reset,) = events(ev, "pool_reset")
    assert "40 CE credits used, 10 forfeited" in reset.detail


def test_same_day_activities_after_the_oldest_first_ones_are_used_too() -> None:
    # R-CE-5: o1 30 (2022-06-01), then t1 20 and t2 15 both completed 2023-05-01: 30 + 20 = 50 >= 40
    # on 2023-05-01 (oldest first: o1, then t1 by id); t2, completed on that day, is used as well:
    # every activity counted; 2023-05-01 + 3 years = 2026-05-01; 40 used, 65 - 40 = 25 forfeited.
    rec = record(
        [held(SPEC_ENCOR, "2022-01-01")],
        activities=[act("o1", 30, "2022-06-01"), act("t2", 15, "2023-05-01"), act("t1", 20, "2023-05-01")],
    )
    ev = run(rec, "2023-06-01")
    assert ev.certification(SPEC_ENCOR).expires_on == d("2026-05-01")
    assert [(a.id, a.outcome) for a in ev.activities] == [("o1", "counted"), ("t2", "counted"), ("t1", "counted")]
    (reset,) = events(ev, "pool_reset")
    assert "40 CE credits used, 25 forfeited" in reset.detail


# --------------------------------------------------------------------------- D-DUP-1


def test_a_duplicate_item_is_judged_in_the_term_it_counts_toward() -> None:
    # D-DUP-1 (the issue's example): CCNA earned 2021-03-01 with an extension to 2024-09-01; CCNP
    # Security earned 2021-08-01 (its cascade, 2024-08-01, is earlier than 2024-09-01: no move). CE-1
    # completed 2021-06-01 counts toward the CCNA (no CCNP yet); CE-1 again on 2022-06-01 counts
    # toward the CCNP: the CCNP's term (from 2021-08-01) does not hold CE-1 yet.
    rec = record(
        [held("CCNA", "2021-03-01", "2024-09-01"), held(CCNP_SEC, "2021-08-01")],
        activities=[act("x1", 8, "2021-06-01", item="CE-1"), act("x2", 8, "2022-06-01", item="CE-1")],
    )
    ev = run(rec, "2022-07-01")
    assert [(a.id, a.outcome, a.reason, a.counted_toward) for a in ev.activities] == [
        ("x1", "counted", None, "CCNA"), ("x2", "counted", None, CCNP_SEC)]
    assert ev.pool is not None
    assert (ev.pool.level, ev.pool.credits) == ("professional", 8)


def test_a_duplicate_in_the_pool_s_term_is_still_a_duplicate() -> None:
    # D-DUP-1: CCNP Security held 2021-08-01; CE-1 on 2022-01-10 and again on 2022-06-01, same term.
    rec = record(
        [held(CCNP_SEC, "2021-08-01")],
        activities=[act("x1", 8, "2022-01-10", item="CE-1"), act("x2", 8, "2022-06-01", item="CE-1")],
    )
    ev = run(rec, "2022-07-01")
    assert ev.activity("x2").reason == "duplicate_item"


# --------------------------------------------------------------------------- D-POOL-7


def test_a_held_term_restarting_an_exam_earned_term_forfeits_its_credits() -> None:
    # D-POOL-7: CCNA earned by 200-301 on 2021-01-10 (-> 2024-01-10); a1 10 credits completed
    # 2021-06-01 count in that term. The record's holding starts a term on 2022-03-01: a1 lies in no
    # current term: forfeited, not counted, with the renewal in its explanation.
    rec = record([held("CCNA", "2022-03-01")], [passed("200-301", "2021-01-10")], [act("a1", 10, "2021-06-01")])
    ev = run(rec, "2022-07-01")
    a1 = ev.activity("a1")
    assert (a1.outcome, a1.counted_toward) == ("forfeited", "CCNA")
    assert "2022-03-01" in a1.explanation
    assert ev.certification("CCNA").term_started_on == d("2022-03-01")


# --------------------------------------------------------------------------- catalog


@pytest.mark.parametrize("name", ["CCDE written", "CCDE", "400-007", "400-007 CCDE", "ccde-written"])
def test_the_ccde_written_exam_is_found_by_every_name(name: str) -> None:
    # Section 7: 400-007 CCDE written, also "CCDE written", "CCDE", "400-007". An expert written exam
    # renews a CCNA (R-OPT-1): held 2022-01-10, passed 2023-03-03: 2023-03-03 + 3 = 2026-03-03.
    rec = record([held("CCNA", "2022-01-10")], [passed(name, "2023-03-03")])
    ev = run(rec, "2023-04-01")
    assert ev.certification("CCNA").expires_on == d("2026-03-03")
    assert ev.certification("CCNA").recertified_by == "1 expert written exam"


def test_an_unknown_exam_is_still_refused() -> None:
    with pytest.raises(RecordError, match=r"exams\[0\]\.exam: 'CCDE writen' is not in the exam catalog"):
        run(record([held("CCNA", "2022-01-10")], [passed("CCDE writen", "2023-03-03")]), "2023-04-01")


# --------------------------------------------------------------------------- as_of precedence


def test_the_command_line_as_of_overrides_the_record_s(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # record-format: --as-of overrides the record's own as_of. CCNA held 2022-09-15 -> 2025-09-15:
    # active on the record's 2025-03-01, expired on --as-of 2026-12-07 (448 days after 2025-09-15:
    # 2025-09-15 -> 2026-09-15 is 365 days, -> 2026-12-07 is 83 more).
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"as_of": "2025-03-01",
                                "holdings": [{"certification": "CCNA", "earned_on": "2022-09-15"}]}))
    assert main(["evaluate", str(path), "--as-of", "2026-12-07", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["as_of"] == "2026-12-07"
    assert result["certifications"][0]["status"] == "expired"
    assert result["certifications"][0]["days_left"] == -448
    assert main(["evaluate", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("as of 2025-03-01, policy cisco-ce 2020-02-24")


def test_an_activity_on_the_day_a_term_starts_goes_into_the_new_pool() -> None:
    # D-DAY-1: the CCNP's term starts 2023-05-01 (holdings before activities); a1 of that day is in
    # its pool, whose reset by the CCNP's own start would otherwise have forfeited it.
    rec = record([held("CCNA", "2021-01-01"), held(CCNP_ENT, "2023-05-01")], activities=[act("a1", 30, "2023-05-01")])
    ev = run(rec, "2023-06-01")
    assert (ev.activity("a1").outcome, ev.activity("a1").counted_toward) == ("counted", CCNP_ENT)
