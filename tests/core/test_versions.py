"""Policy versions: the Cisco version in force before 2020-02-24 and terms that span the change.

R-PRE2020-1 (CCIE/CCDE 2 years, one suspended year, renewal from the old
expiration date, CE only for the expert level, 100 credits) and D-VERSION-1
(each decision uses the version in force on its date; a term keeps the
expiration date it got when it started).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from recert import Activity, ExamPass, Holding, Record, cisco_policy, evaluate, load_policy
from recert.exceptions import PolicyError

CCIE_SEC = "CCIE Security"


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_the_embedded_policy_has_the_pre_2020_version() -> None:
    policy = cisco_policy()
    assert [v.version for v in policy.earlier] == ["pre-2020"]
    assert policy.version_on(d("2020-02-23")).version == "pre-2020"
    assert policy.version_on(d("2020-02-24")).version == "2020-02-24"
    old = policy.version_on(d("2019-01-01"))
    assert old.level("expert").validity[0].years == 2
    assert old.level("expert").suspension_years == 1
    assert not old.level("professional").takes_ce
    # R-PRE2020-1, D-PRE2020-1: only the expert level counts a renewal from the old expiration date.
    assert old.parameters.renewal_from == "recertification"
    assert old.level("expert").renewal_from == "expiration"
    assert old.level("associate").renewal_from is None
    assert old.level("professional").renewal_from is None


def test_a_ccie_is_suspended_for_a_year_before_2020() -> None:
    # Held 2017-04-01 under pre-2020: 2017-04-01 + 2 years = 2019-04-01; suspended from
    # 2019-04-02 to 2019-04-01 + 1 year = 2020-04-01; on 2019-10-01 it is suspended.
    record = Record(holdings=[Holding(CCIE_SEC, d("2017-04-01"))])
    ev = evaluate(record, as_of=d("2019-10-01"))
    ccie = ev.certification(CCIE_SEC)
    assert (ccie.status, ccie.expires_on) == ("suspended", d("2019-04-01"))
    assert [(e.on, e.kind, e.version) for e in ev.events] == [
        (d("2017-04-01"), "held", "pre-2020"),
        (d("2019-04-02"), "suspended", "pre-2020"),
    ]
    assert ev.pool is not None
    assert ev.pool.certification == CCIE_SEC
    assert ev.next[0].deadline == d("2020-04-01")
    assert ev.to_dict()["policy"] == {"id": "cisco-ce", "version": "pre-2020", "unit": "CE credits", "versions": ["pre-2020"]}


def test_suspension_ends_in_expiry() -> None:
    # Suspended to 2020-04-01, nothing met: expired from 2020-04-02 (an event of the new version).
    record = Record(holdings=[Holding(CCIE_SEC, d("2017-04-01"))])
    ev = evaluate(record, as_of=d("2020-06-01"))
    assert ev.certification(CCIE_SEC).status == "expired"
    assert (ev.events[-1].on, ev.events[-1].kind, ev.events[-1].version) == (
        d("2020-04-02"),
        "expired",
        "2020-02-24",
    )
    assert ev.to_dict()["policy"]["versions"] == ["pre-2020", "2020-02-24"]


def test_pre_2020_renewal_counts_from_the_old_expiration_date() -> None:
    # Held 2017-05-01 -> 2019-05-01; suspended; lab passed 2019-10-01 (an expert exam, R-PRE2020-1):
    # the new expiration date is 2019-05-01 + 2 years = 2021-05-01, not 2019-10-01 + 2 years.
    record = Record(
        holdings=[Holding(CCIE_SEC, d("2017-05-01"))],
        exams=[ExamPass("CCIE Security lab", d("2019-10-01"))],
    )
    ccie = evaluate(record, as_of=d("2020-06-01")).certification(CCIE_SEC)
    assert (ccie.status, ccie.recertified_on, ccie.expires_on) == ("active", d("2019-10-01"), d("2021-05-01"))
    assert ccie.recertified_by == "1 expert written or lab exam"


def test_a_term_spanning_the_change_renews_under_the_new_rules() -> None:
    # CCIE held 2018-06-01 -> 2018-06-01 + 2 years = 2020-06-01 (the term keeps its date).
    # 64 + 64 credits completed 2020-03-01 and 2020-04-01 (after 2020-02-24): the new "120 CE
    # credits" is met on 2020-04-01 and the new term runs 2020-04-01 + 3 years = 2023-04-01.
    record = Record(
        holdings=[Holding(CCIE_SEC, d("2018-06-01"))],
        activities=[
            Activity("a1", 64, d("2020-03-01"), claimed_on=d("2020-03-02"), status="approved"),
            Activity("a2", 64, d("2020-04-01"), claimed_on=d("2020-04-02"), status="approved"),
        ],
    )
    ccie = evaluate(record, as_of=d("2020-07-01")).certification(CCIE_SEC)
    assert (ccie.recertified_on, ccie.expires_on, ccie.recertified_by) == (
        d("2020-04-01"),
        d("2023-04-01"),
        "120 CE credits",
    )


def test_the_new_options_apply_from_2020_02_24_without_any_fact_that_day() -> None:
    # CCNA held 2018-01-01 -> 2021-01-01 (3 years in both versions). Before 2020-02-24 only exams
    # renewed it (no CE below the expert level); on 2020-06-01 the pool serves it and "30 CE
    # credits" is among its options.
    record = Record(holdings=[Holding("CCNA", d("2018-01-01"))])
    before = evaluate(record, as_of=d("2019-06-01"))
    assert before.pool is None
    assert [o.option for o in before.next[0].options] == ["1 associate or higher exam"]
    after = evaluate(record, as_of=d("2020-06-01"))
    assert after.pool is not None
    assert (after.pool.level, after.pool.credits) == ("associate", 0)
    assert "30 CE credits" in [o.option for o in after.next[0].options]


def test_ce_before_2020_counts_only_for_the_expert_level() -> None:
    # CCNA held 2018-01-01; 30 credits completed 2019-05-01 (pre-2020: the associate level takes
    # no CE) -> rejected; the record holds a ladder certification, so the reason is outside_term.
    record = Record(
        holdings=[Holding("CCNA", d("2018-01-01"))],
        activities=[Activity("a1", 30, d("2019-05-01"), claimed_on=d("2019-05-02"), status="approved")],
    )
    ev = evaluate(record, as_of=d("2019-06-01"))
    assert (ev.activity("a1").outcome, ev.activity("a1").reason) == ("rejected", "outside_term")
    assert ev.certification("CCNA").expires_on == d("2021-01-01")


_DOC = (
    'exam_kinds = ["a"]\n[policy]\nid = "x"\nversion = "2"\neffective_from = 2020-01-01\n'
    "[levels.one]\nrank = 1\nladder = true\nvalidity = [{ years = 3 }]\n"
    '[[versions]]\n[versions.policy]\nversion = "1"\neffective_from = %s\n'
    "[versions.levels.one]\nrank = %d\nladder = true\nvalidity = [{ years = %d }]\n"
)


@pytest.mark.parametrize(
    ("start", "rank", "years", "message"),
    [
        ("2019-01-01", 1, -1, "versions[0].levels.one.validity[0].years: -1 is not a whole number >= 1"),
        (
            "2021-01-01",
            1,
            2,
            "versions[0].policy.effective_from: 2021-01-01 must be given and before "
            "the document's effective_from 2020-01-01",
        ),
        (
            "2019-01-01",
            2,
            2,
            "versions[0].levels: names and ranks {'one': 2} differ from the document's {'one': 1}",
        ),
    ],
)
def test_a_bad_version_is_rejected_with_its_path(
    tmp_path: Path, start: str, rank: int, years: int, message: str
) -> None:
    path = tmp_path / "p.toml"
    path.write_text(_DOC % (start, rank, years), encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    assert message in str(caught.value)
