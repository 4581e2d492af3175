"""Terms with their texts and boundaries: Emeritus, suspension, held terms, cascades (issue 17).

Killed mutants of the engine's terms: loops over experts where the second one matters, the
days a status changes, and the texts of held terms, cascades and suspensions. Every value is
worked out by hand from spec/cisco-ce-policy.md; the date arithmetic is in the comments.
"""

from __future__ import annotations

import attrs
import pytest

from builders import CCNP_ENT, act, d, events, held, passed, record, run
from recert import Holding, RecordError

CCIE_EI = "CCIE Enterprise Infrastructure"
CCIE_SEC = "CCIE Security"


def _first(holding: Holding, first: str) -> Holding:
    return attrs.evolve(holding, first_earned_on=d(first))


def test_emeritus_granted_to_each_eligible_expert_after_one_that_is_not() -> None:
    # Ordered highest level first, then by name: "Acme Network Expert" (a record-defined expert,
    # not a CCIE/CCDE: never Emeritus) comes first and is skipped; both CCIEs after it are granted.
    # Holdings cascade at their level (D-CASC-2): CCIE Security held 2021-06-01 and CCIE EI held
    # 2021-07-01 align every expert active then to 2021-07-01 + 3 years = 2024-07-01; all expired
    # from 2024-07-02. Grant 2024-08-01: a year from the expiration date is 2025-07-01.
    # CCIE EI first earned 2004-03-01: + 20 years = 2024-03-01 <= 2025-07-01, lifetime.
    # CCIE Security first earned 2010-05-01: + 10 = 2020-05-01 <= 2024-07-01 (granted),
    # + 20 = 2030-05-01 > 2025-07-01: to 2025-07-01 only.
    rec = attrs.evolve(
        record(
            [
                Holding("Acme Network Expert", d("2021-03-01"), level="expert"),
                _first(held(CCIE_SEC, "2021-06-01"), "2010-05-01"),
                _first(held(CCIE_EI, "2021-07-01"), "2004-03-01"),
            ]
        ),
        emeritus_on=d("2024-08-01"),
    )
    ev = run(rec, "2024-08-01")
    assert [(c.certification, c.status, c.expires_on) for c in ev.certifications] == [
        ("Acme Network Expert", "expired", d("2024-07-01")),
        (CCIE_EI, "emeritus", d("2024-07-01")),
        (CCIE_SEC, "emeritus", d("2024-07-01")),
    ]
    assert [(e.on, e.certification, e.detail) for e in events(ev, "emeritus")] == [
        (
            d("2024-08-01"),
            CCIE_EI,
            "CCIE Enterprise Infrastructure is Emeritus from 2024-08-01 for life: 20 years active or "
            "emeritus since 2004-03-01; Emeritus is not active and renews nothing",
        ),
        (
            d("2024-08-01"),
            CCIE_SEC,
            "CCIE Security is Emeritus from 2024-08-01 to 2025-07-01, one year from its expiration date "
            "2024-07-01; Emeritus is not active and renews nothing",
        ),
    ]
    assert ev.certification(CCIE_EI).explanation.startswith(
        "CCIE Enterprise Infrastructure is Emeritus for life"
    )
    assert ev.certification(CCIE_SEC).explanation.startswith("CCIE Security is Emeritus to 2025-07-01")


def test_emeritus_skips_an_expert_expired_more_than_a_year_before() -> None:
    # CCDE held 2020-03-01 expires 2023-03-01 (a year later: 2024-03-01, before the grant).
    # CCIE Security held 2023-06-01 (the CCDE is expired then: no cascade) expires 2026-06-01.
    # Grant 2026-08-01: only the CCIE, to 2027-06-01 (first earned 2012-01-01: 2032 > 2027).
    rec = attrs.evolve(
        record(
            [
                _first(held("CCDE", "2020-03-01"), "2008-01-01"),
                _first(held(CCIE_SEC, "2023-06-01"), "2012-01-01"),
            ]
        ),
        emeritus_on=d("2026-08-01"),
    )
    ev = run(rec, "2026-08-01")
    assert [(c.certification, c.status) for c in ev.certifications] == [
        ("CCDE", "expired"),
        (CCIE_SEC, "emeritus"),
    ]
    (grant,) = events(ev, "emeritus")
    assert grant.certification == CCIE_SEC
    assert "to 2027-06-01, one year from its expiration date 2026-06-01" in grant.detail


def test_emeritus_names_every_expert_held_under_ten_years() -> None:
    # Both expire 2024-07-01 (aligned as above). CCIE EI first earned 2018-01-01 and CCIE
    # Security 2019-01-01: + 10 years = 2028 and 2029, after 2024-07-01: two problems.
    rec = attrs.evolve(
        record(
            [
                _first(held(CCIE_SEC, "2021-06-01"), "2019-01-01"),
                _first(held(CCIE_EI, "2021-07-01"), "2018-01-01"),
            ]
        ),
        emeritus_on=d("2024-08-01"),
    )
    with pytest.raises(RecordError) as caught:
        run(rec, "2024-08-01")
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "emeritus_on",
            "2024-08-01: CCIE Enterprise Infrastructure was held from 2018-01-01 to 2024-07-01, less than "
            "the 10 continuous years Emeritus needs (R-EMER-1)",
        ),
        (
            "emeritus_on",
            "2024-08-01: CCIE Security was held from 2019-01-01 to 2024-07-01, less than the 10 "
            "continuous years Emeritus needs (R-EMER-1)",
        ),
    ]


def test_held_terms_given_lifetime_and_retired_before_or_on_their_start() -> None:
    # CCNA held 2022-06-01 with a given expiration 2025-09-01; CCST Networking held 2024-01-10
    # (earned before 2025-07-15: lifetime); CCNP Enterprise held 2023-01-10 but retired 2022-12-01,
    # before its term (D-RET-2: the term runs as given, 2023-01-10 + 3 years, no cascade); CCNP
    # Security held 2023-02-01 and retired that same day (R-RET-1 from that day, not "before").
    # Retired ones never cascade, so the CCNA keeps 2025-09-01. Days from 2024-06-01: to
    # 2026-01-10 365 + 214 + 9 = 588; to 2026-02-01 588 + 22 = 610; to 2025-09-01 365 + 92 = 457.
    rec = record(
        [
            held("CCNA", "2022-06-01", "2025-09-01"),
            held("CCST Networking", "2024-01-10"),
            held(CCNP_ENT, "2023-01-10", retired_on="2022-12-01"),
            held("CCNP Security", "2023-02-01", retired_on="2023-02-01"),
        ]
    )
    ev = run(rec, "2024-06-01")
    assert [(e.on, e.kind, e.certification, e.rule, e.detail) for e in ev.events] == [
        (
            d("2022-06-01"),
            "held",
            "CCNA",
            "R-VAL-1",
            "CCNA (associate) term given by the record starts on 2022-06-01; expires on 2025-09-01 (given)",
        ),
        (
            d("2023-01-10"),
            "held",
            CCNP_ENT,
            "R-VAL-1",
            "CCNP Enterprise (professional) term given by the record starts on 2023-01-10; expires on 2026-01-10 "
            "(2023-01-10 + 3 years)",
        ),
        (
            d("2023-01-10"),
            "retired",
            CCNP_ENT,
            "D-RET-2",
            "CCNP Enterprise was retired on 2022-12-01, before this term started on 2023-01-10: the term runs as "
            "the record gives it, with no recertification and no cascade (R-RET-1)",
        ),
        (
            d("2023-02-01"),
            "held",
            "CCNP Security",
            "R-VAL-1",
            "CCNP Security (professional) term given by the record starts on 2023-02-01; expires on 2026-02-01 "
            "(2023-02-01 + 3 years)",
        ),
        (
            d("2024-01-10"),
            "held",
            "CCST Networking",
            "R-VAL-1",
            "CCST Networking (entry) term given by the record starts on 2024-01-10; lifetime",
        ),
    ]
    assert [(c.certification, c.expires_on, c.days_left, c.retired) for c in ev.certifications] == [
        (CCNP_ENT, d("2026-01-10"), 588, True),
        ("CCNP Security", d("2026-02-01"), 610, True),
        ("CCNA", d("2025-09-01"), 457, False),
        ("CCST Networking", None, None, False),
    ]
    assert ev.certification("CCNA").explanation == (
        "CCNA is active: held from 2022-06-01 with a given expiration date 2025-09-01; expires on 2025-09-01, "
        "457 days after 2024-06-01"
    )
    assert ev.certification("CCST Networking").explanation == (
        "CCST Networking is active: held from 2024-01-10; no expiration date (lifetime)"
    )
    assert ev.certification("CCNP Security").explanation == (
        "CCNP Security is active: held from 2023-02-01; expires on 2026-02-01, 610 days after 2024-06-01; "
        "retired since 2023-02-01: it can no longer be recertified (R-RET-1)"
    )
    # A retired certification has a deadline and no option (R-RET-1); the CCST needs nothing.
    steps = ev.to_dict()["next"]
    assert steps[:2] == [
        {"certification": CCNP_ENT, "deadline": "2026-01-10", "days_left": 588, "options": []},
        {"certification": "CCNP Security", "deadline": "2026-02-01", "days_left": 610, "options": []},
    ]
    assert [s["certification"] for s in steps] == [CCNP_ENT, "CCNP Security", "CCNA"]


def test_a_held_higher_term_cascades_with_its_text() -> None:
    # D-CASC-2: CCNA held 2022-06-01 (-> 2025-06-01); CCNP Enterprise held 2023-01-10 (-> 2026-01-10)
    # cascades down on 2023-01-10: the CCNA's expiration date moves to 2026-01-10 (later: a
    # recertification, R-CASC-1). 2023-02-01 -> 2026-01-10: 1096 (29 February 2024) - 22 = 1074 days.
    ev = run(record([held("CCNA", "2022-06-01"), held(CCNP_ENT, "2023-01-10")]), "2023-02-01")
    (cascade,) = events(ev, "cascaded")
    assert (cascade.on, cascade.certification, cascade.rule, cascade.detail) == (
        d("2023-01-10"),
        "CCNA",
        "R-CASC-2",
        "CCNA renewed by cascade from CCNP Enterprise on 2023-01-10: expiration date moves from 2025-06-01 to "
        "2026-01-10 (2023-01-10 + 3 years)",
    )
    ccna = ev.certification("CCNA")
    assert (ccna.recertified_on, ccna.recertified_by, ccna.rule) == (
        d("2023-01-10"),
        "cascade from CCNP Enterprise",
        "R-CASC-2",
    )
    assert ccna.explanation == (
        "CCNA is active: recertified on 2023-01-10 by cascade from CCNP Enterprise; expires on 2026-01-10, "
        "1074 days after 2023-02-01"
    )


def test_a_ccie_before_2020_is_suspended_a_year_after_its_two_year_term() -> None:
    # Version before 2020-02-24: CCIE valid 2 years (2017-06-01 -> 2019-06-01), then suspended for
    # one year from 2019-06-02, to 2020-06-01 (R-PRE2020-1).
    ev = run(record([held(CCIE_SEC, "2017-06-01")]), "2019-07-01")
    (suspended,) = events(ev, "suspended")
    assert (suspended.on, suspended.rule, suspended.detail) == (
        d("2019-06-02"),
        "R-PRE2020-1",
        "CCIE Security is suspended from 2019-06-02 to 2020-06-01: its term ended on 2019-06-01; it can still "
        "recertify until then, and is not active",
    )
    ccie = ev.certification(CCIE_SEC)
    assert (ccie.status, ccie.explanation) == (
        "suspended",
        "CCIE Security is suspended: its term ended on 2019-06-01; it can recertify until 2020-06-01, after "
        "which it expires (R-PRE2020-1)",
    )


@pytest.mark.parametrize(
    ("as_of", "status", "rule"),
    [
        # Active through its expiration date 2019-06-01 (R-VAL-1), 0 days left.
        ("2019-06-01", "active", "R-VAL-1"),
        # Suspended from 2019-06-02 through the end of the suspension, 2020-06-01.
        ("2020-06-01", "suspended", "R-PRE2020-1"),
        # Expired from 2020-06-02.
        ("2020-06-02", "expired", "R-DATE-2"),
    ],
)
def test_the_days_a_pre_2020_ccie_changes_status(as_of: str, status: str, rule: str) -> None:
    ev = run(record([held(CCIE_SEC, "2017-06-01")]), as_of)
    ccie = ev.certification(CCIE_SEC)
    assert (ccie.status, ccie.rule) == (status, rule)
    if status == "expired":
        assert [(e.on, e.kind, e.rule, e.detail) for e in events(ev, "expired")] == [
            (
                d("2020-06-02"),
                "expired",
                "R-DATE-2",
                "CCIE Security expired: its suspension ended on 2020-06-01 and no option was met by then",
            )
        ]


@pytest.mark.parametrize(("as_of", "status"), [("2025-06-01", "emeritus"), ("2025-06-02", "expired")])
def test_the_emeritus_year_ends_after_its_last_day(as_of: str, status: str) -> None:
    # CCIE Security held 2021-06-01 (-> 2024-06-01), first earned 2010-05-01, Emeritus granted
    # 2024-08-01 to 2025-06-01 (a year from the expiration date): expired from 2025-06-02.
    holding = attrs.evolve(held(CCIE_SEC, "2021-06-01"), first_earned_on=d("2010-05-01"))
    ev = run(attrs.evolve(record([holding]), emeritus_on=d("2024-08-01")), as_of)
    ccie = ev.certification(CCIE_SEC)
    assert (ccie.status, ccie.rule) == (status, "R-EMER-1")
    ended = [(e.on, e.rule, e.detail) for e in events(ev, "expired") if e.on > d("2024-06-02")]
    assert ended == (
        [(d("2025-06-02"), "R-EMER-1", "the Emeritus year of CCIE Security ended on 2025-06-01")]
        if status == "expired"
        else []
    )


@pytest.mark.parametrize(
    ("exams", "activities", "expires", "recertified_by"),
    [
        # An exam passed on the expiration date counts (D-TERM-1: start < pass <= expiration).
        ([("200-301", "2025-06-01")], [], "2028-06-01", "1 associate exam"),
        # Credits completed and claimed on the expiration date count (start <= completion <= expiration).
        ([], [("a1", "2025-06-01")], "2028-06-01", "30 CE credits"),
        # A day later the CCNA has expired: the pass earns it anew (R-DATE-2), no recertification.
        ([("200-301", "2025-06-02")], [], "2028-06-02", None),
    ],
)
def test_requirements_met_on_the_expiration_date_still_count(
    exams: list[tuple[str, str]], activities: list[tuple[str, str]], expires: str, recertified_by: str | None
) -> None:
    # CCNA held 2022-06-01 -> 2025-06-01.
    rec = record(
        [held("CCNA", "2022-06-01")],
        exams=[passed(code, on) for code, on in exams],
        activities=[act(i, 30, on, item="X") for i, on in activities],
    )
    ccna = run(rec, "2025-07-01").certification("CCNA")
    assert (ccna.status, ccna.expires_on, ccna.recertified_by) == ("active", d(expires), recertified_by)


def test_a_retirement_takes_effect_on_its_date_with_its_text() -> None:
    # R-RET-1: CCNA held 2022-06-01 (-> 2025-06-01) retired 2023-01-01 stays active to its
    # expiration date; a lifetime CCST Networking (held 2022-03-01) retired 2023-02-01 stays as it is.
    rec = record(
        [
            held("CCNA", "2022-06-01", retired_on="2023-01-01"),
            held("CCST Networking", "2022-03-01", retired_on="2023-02-01"),
        ]
    )
    ev = run(rec, "2023-06-01")
    assert [(e.on, e.certification, e.rule, e.detail) for e in events(ev, "retired")] == [
        (
            d("2023-01-01"),
            "CCNA",
            "R-RET-1",
            "CCNA is retired from 2023-01-01: it stays active to its expiration date 2025-06-01 and can no longer be "
            "recertified or cascaded",
        ),
        (
            d("2023-02-01"),
            "CCST Networking",
            "R-RET-1",
            "CCST Networking is retired from 2023-02-01: it stays as it is and can no longer be recertified or "
            "cascaded",
        ),
    ]
