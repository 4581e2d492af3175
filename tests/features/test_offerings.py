"""Offerings: each check of validate_offering, the [offerings] rules, what a completion does."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from recert import Holding, PolicyError, Record, cisco_policy, policy_from_mapping
from recert.exceptions import OfferingError
from recert.offerings import (
    CreditRange,
    Finding,
    Offering,
    OfferingRules,
    completion_effect,
    completion_what_if,
    offering_rules_from_mapping,
    validate_offering,
)

# A clean five-day classroom course: 64 credits for 5 x 8 = 40 hours = 1.6 per hour.
ENCOR = Offering(
    item_id="NW-ENCOR-ILT",
    title="Implementing and Operating Cisco Enterprise Network Core Technologies",
    provider="Northwind Network Academy",
    authorized_partner=True,
    format="instructor_led",
    ce_credits=64,
    labs=True,
    duration_hours=40,
    learning_credits=40,
    track="Enterprise",
    starts_on=date(2025, 3, 10),
    ends_on=date(2025, 3, 14),
    ce_catalog_id="CE-EX-1001",
)


def checks(offering: Offering, **kwargs: object) -> list[tuple[str, str, str, str]]:
    report = validate_offering(offering, **kwargs)  # type: ignore[arg-type]
    return [(f.severity, f.check, f.rule, f.field) for f in report.findings]


def test_a_clean_offering_has_no_findings() -> None:
    report = validate_offering(ENCOR)
    assert report.findings == ()
    assert report.ok
    assert report.to_dict() == {"item_id": "NW-ENCOR-ILT", "ok": True, "findings": []}


def test_no_catalog_id_is_an_error() -> None:
    report = validate_offering(attrs.evolve(ENCOR, ce_catalog_id=None))
    assert report.findings == (Finding(
        "error", "catalog_id", "R-CE-6", "ce_catalog_id",
        "has no CE catalog id: an item outside Cisco's CE item catalog earns no CE credits"),)
    assert not report.ok


def test_an_unauthorized_provider_is_an_error() -> None:
    offering = attrs.evolve(ENCOR, provider="QuickCert Bootcamps", authorized_partner=False)
    report = validate_offering(offering)
    assert [(f.severity, f.check, f.rule, f.field) for f in report.findings] == [
        ("error", "authorized_provider", "R-CE-6", "authorized_partner")]
    assert "'QuickCert Bootcamps' is not Cisco or an authorized partner" in report.findings[0].message


def test_e_learning_without_labs_earns_nothing() -> None:
    offering = attrs.evolve(ENCOR, format="e_learning", labs=False, duration_hours=None)
    report = validate_offering(offering)
    assert report.findings == (Finding(
        "error", "labs", "R-CE-6", "labs",
        "e-learning without labs earns no CE credits, but 64 are stated"),)


@pytest.mark.parametrize(("edition", "shown"), [("lite", "'lite'"), ("no_labs", "'no labs'")])
def test_a_lite_or_no_labs_edition_earns_nothing_even_with_labs(edition: str, shown: str) -> None:
    offering = attrs.evolve(ENCOR, format="e_learning", labs=True, edition=edition,
                            duration_hours=None, ce_credits=30)
    report = validate_offering(offering)
    assert report.findings == (Finding(
        "error", "labs", "R-CE-6", "edition",
        f"a {shown} edition earns no CE credits, but 30 are stated"),)


def test_instructor_led_training_without_labs_is_eligible() -> None:
    # R-CE-6 asks labs of e-learning only; classroom training earns credits without them.
    assert validate_offering(attrs.evolve(ENCOR, labs=False)).findings == ()


def test_an_offering_stating_zero_credits_for_a_lite_edition_is_only_informative() -> None:
    # It states what it earns (nothing): no error, no range check (0 is outside 4-64 otherwise).
    offering = attrs.evolve(ENCOR, format="e_learning", edition="lite", ce_credits=0,
                            ce_catalog_id=None, duration_hours=None)
    assert checks(offering) == [("info", "catalog_id", "R-CE-6", "ce_catalog_id"),
                                ("info", "labs", "R-CE-6", "edition")]
    assert validate_offering(offering).ok


@pytest.mark.parametrize(("credits", "found"), [
    (3.5, True),   # below 4
    (4, False),    # the published minimum, inclusive
    (64, False),   # the published maximum, inclusive
    (65, True),    # CACI's "40-65" top value is above Cisco's 64
])
def test_training_credits_outside_4_to_64_are_an_error(credits: float, found: bool) -> None:
    # Long enough (100 hours) that the credit rate never fires: 65 / 100 = 0.65 per hour.
    offering = attrs.evolve(ENCOR, ce_credits=credits, duration_hours=100)
    expected = [("error", "credit_range", "R-CE-6", "ce_credits")] if found else []
    assert checks(offering) == expected


def test_credit_range_message_names_the_values() -> None:
    report = validate_offering(attrs.evolve(ENCOR, ce_credits=2, duration_hours=4))
    assert report.findings[0].message == "2 CE credits is outside 4 to 64, the range for training"


def test_other_formats_have_no_credit_range_by_default() -> None:
    live = attrs.evolve(ENCOR, format="cisco_live", ce_credits=100, duration_hours=None)
    authoring = attrs.evolve(ENCOR, format="exam_authoring", ce_credits=0.5, duration_hours=None)
    assert checks(live) == []
    assert checks(authoring) == []


def test_credits_per_hour_above_1_6_is_a_warning() -> None:
    # 48 credits / 24 hours (three days) = 2 per hour > 64 / 40 = 1.6.
    report = validate_offering(attrs.evolve(ENCOR, ce_credits=48, duration_hours=24))
    assert report.findings == (Finding(
        "warning", "credits_per_hour", "D-OFFER-1", "ce_credits",
        "48 CE credits for 24 hours is 2 per hour, above 1.6 per hour"),)
    assert report.ok  # a warning is not an error


def test_credits_per_hour_at_exactly_1_6_passes_and_without_duration_is_not_asked() -> None:
    assert checks(attrs.evolve(ENCOR, ce_credits=32, duration_hours=20)) == []  # 32/20 = 1.6
    assert checks(attrs.evolve(ENCOR, ce_credits=33, duration_hours=20)) == [
        ("warning", "credits_per_hour", "D-OFFER-1", "ce_credits")]  # 33/20 = 1.65
    assert checks(attrs.evolve(ENCOR, ce_credits=64, duration_hours=None)) == []


def test_the_credit_rate_is_not_asked_of_cisco_live_sessions() -> None:
    # 3 credits for a 1-hour session is 3 per hour, but the rate applies to training only.
    live = attrs.evolve(ENCOR, format="cisco_live", ce_credits=3, duration_hours=1)
    assert checks(live) == []


def test_ce_credits_equal_to_the_learning_credits_price_is_a_warning() -> None:
    report = validate_offering(attrs.evolve(ENCOR, ce_credits=36, learning_credits=36))
    assert report.findings == (Finding(
        "warning", "learning_credits", "R-CE-7", "ce_credits",
        "36 CE credits equals the price of 36 Cisco Learning Credits: Learning Credits are "
        "money, not CE credits"),)
    assert checks(attrs.evolve(ENCOR, ce_credits=36, learning_credits=35)) == []


def test_end_before_start_is_an_error() -> None:
    offering = attrs.evolve(ENCOR, starts_on=date(2025, 9, 19), ends_on=date(2025, 9, 15))
    assert validate_offering(offering).findings == (Finding(
        "error", "dates", "D-OFFER-2", "ends_on", "2025-09-15 is before starts_on 2025-09-19"),)
    one_day = attrs.evolve(ENCOR, starts_on=date(2025, 9, 19), ends_on=date(2025, 9, 19))
    assert checks(one_day) == []


def test_several_findings_come_in_the_order_of_the_checks() -> None:
    # 80 credits for 40 hours: above 64 (error) and 2 per hour > 1.6 (warning).
    offering = attrs.evolve(ENCOR, ce_credits=80, ce_catalog_id=None)
    assert checks(offering) == [
        ("error", "catalog_id", "R-CE-6", "ce_catalog_id"),
        ("error", "credit_range", "R-CE-6", "ce_credits"),
        ("warning", "credits_per_hour", "D-OFFER-1", "ce_credits"),
    ]


def test_a_category_the_policy_marks_ineligible_is_an_error() -> None:
    data = {
        "policy": {"id": "guild"},
        "levels": {"associate": {"rank": 1, "ladder": True, "validity": [{"years": 3}],
                                 "options": [{"requirements": [{"ce_credits": 30}]}]}},
        "categories": {"training": {}, "cisco_live": {"eligible": False}},
        "rules": {"R-OPT-1": {"title": "t"}},
    }
    policy = policy_from_mapping(data)
    live = attrs.evolve(ENCOR, format="cisco_live", ce_credits=2, duration_hours=None)
    report = validate_offering(live, policy)
    assert [(f.severity, f.check, f.field) for f in report.findings] == [
        ("error", "category", "format")]
    assert report.findings[0].message == (
        "category 'cisco_live' of a Cisco Live session is not eligible in policy 'guild'")
    # Cisco's policy marks all four categories eligible.
    assert validate_offering(live, cisco_policy()).findings == ()


# --- rules as policy data ----------------------------------------------------------------------


def test_defaults_are_cisco_s() -> None:
    rules = OfferingRules()
    assert rules.credit_ranges == (CreditRange("training", 4, 64),)
    assert rules.max_credits_per_hour == 1.6
    assert rules.severity("credits_per_hour") == "warning"
    assert rules.severity("catalog_id") == "error"
    assert offering_rules_from_mapping({}) == rules


def test_a_vendor_can_tighten_the_rules() -> None:
    rules = offering_rules_from_mapping({
        "max_credits_per_hour": 1.0,
        "credit_range": {"training": {"min": 4, "max": 64}, "e_learning": {"min": 4, "max": 40}},
        "severity": {"credits_per_hour": "error", "learning_credits": "off"},
    })
    assert rules.max_credits_per_hour == 1.0
    assert rules.severity("credits_per_hour") == "error"
    # 48 / 40 hours = 1.2 per hour > 1.0: now an error; LC = CE no longer reported.
    offering = attrs.evolve(ENCOR, ce_credits=40, learning_credits=40, duration_hours=32)
    assert checks(offering, rules=rules) == [
        ("error", "credits_per_hour", "D-OFFER-1", "ce_credits")]
    # A format's range wins over its category's: 48 is fine for training, not for e-learning.
    elearning = attrs.evolve(ENCOR, format="e_learning", ce_credits=48, duration_hours=None)
    assert checks(elearning) == []
    assert checks(elearning, rules=rules) == [("error", "credit_range", "R-CE-6", "ce_credits")]
    assert validate_offering(elearning, rules=rules).findings[0].message == (
        "48 CE credits is outside 4 to 40, the range for e_learning")


def test_the_credit_rate_can_be_switched_off() -> None:
    rules = offering_rules_from_mapping({"max_credits_per_hour": False})
    assert rules.max_credits_per_hour is None
    assert checks(attrs.evolve(ENCOR, ce_credits=64, duration_hours=8), rules=rules) == []


def test_bad_rules_report_every_problem_with_its_path() -> None:
    with pytest.raises(PolicyError) as caught:
        offering_rules_from_mapping({
            "max_credit_per_hour": 2,
            "max_credits_per_hour": -1,
            "credit_range": {"webinar": {"min": 4, "max": 64}, "training": {"min": 70, "max": 64}},
            "severity": {"labs": "fatal", "typo": "error"},
            "ineligible_editions": ["lite", "demo"],
        }, path="offerings")
    assert [str(p) for p in caught.value.problems] == [
        "offerings.max_credit_per_hour: unknown field (expected one of credit_range, "
        "ineligible_editions, labs_required_formats, max_credits_per_hour, per_hour_categories, "
        "severity)",
        "offerings.credit_range.webinar: 'webinar' is not a format or a category (instructor_led, "
        "virtual_instructor_led, e_learning, learning_path, cisco_live, exam_authoring, other, "
        "training, authoring)",
        "offerings.credit_range.training: min 70 is above max 64",
        "offerings.max_credits_per_hour: -1 is not a positive number or false",
        "offerings.ineligible_editions[1]: 'demo' is not one of full, lite, no_labs",
        "offerings.severity.labs: 'fatal' is not error, warning, info or off",
        "offerings.severity.typo: 'typo' is not a check (catalog_id, authorized_provider, "
        "category, labs, credit_range, credits_per_hour, learning_credits, dates)",
    ]


# --- the value object -------------------------------------------------------------------------


def test_offering_fields_are_validated() -> None:
    with pytest.raises(ValueError, match="format: 'webinar' is not one of"):
        attrs.evolve(ENCOR, format="webinar")
    with pytest.raises(ValueError, match="ce_credits: -1 is negative"):
        attrs.evolve(ENCOR, ce_credits=-1)
    with pytest.raises(ValueError, match="duration_hours: 0 is not positive"):
        attrs.evolve(ENCOR, duration_hours=0)


@pytest.mark.parametrize(("fmt", "category"), [
    ("instructor_led", "training"), ("virtual_instructor_led", "training"),
    ("e_learning", "training"), ("learning_path", "training"), ("cisco_live", "cisco_live"),
    ("exam_authoring", "authoring"), ("other", "other"),
])
def test_each_format_maps_to_a_record_category(fmt: str, category: str) -> None:
    assert attrs.evolve(ENCOR, format=fmt).category == category


def test_a_completion_becomes_an_activity() -> None:
    activity = ENCOR.to_activity("a1", date(2025, 3, 14), claimed_on=date(2025, 3, 20),
                                 status="approved")
    assert (activity.id, activity.credits, activity.item, activity.category) == (
        "a1", 64, "CE-EX-1001", "training")
    assert activity.completed_on == date(2025, 3, 14)
    assert activity.claimed_on == date(2025, 3, 20)
    # Without a CE catalog id the vendor's item id names the item.
    assert attrs.evolve(ENCOR, ce_catalog_id=None).to_activity("a", date(2025, 3, 14)).item == (
        "NW-ENCOR-ILT")
    with pytest.raises(OfferingError, match="ce_credits"):
        attrs.evolve(ENCOR, ce_credits=0).to_activity("a", date(2025, 3, 14))


# --- what a completion does -------------------------------------------------------------------


def test_a_40_credit_course_renews_a_specialist_and_is_half_a_professional() -> None:
    enarsi = attrs.evolve(ENCOR, item_id="NW-ENARSI-ILT", ce_credits=40)
    effect = completion_effect(enarsi, date(2025, 3, 14))
    # Cisco CE-only options: associate 30, specialist 40, professional 80, expert 120.
    assert [(s.level, s.required, s.renews) for s in effect.levels] == [
        ("associate", 30, True), ("specialist", 40, True),
        ("professional", 80, False), ("expert", 120, False)]
    assert [s.share for s in effect.levels] == [1.0, 1.0, 0.5, pytest.approx(1 / 3)]
    assert effect.renews == ("associate", "specialist")
    # D-CLAIM-3: day 0 = completion; 2025-03-14 + 365 days = 2026-03-14.
    assert effect.claim_deadline == date(2026, 3, 14)
    assert effect.to_dict()["levels"][3] == {
        "level": "expert", "required": 120, "share": 0.3333, "renews": False}


def test_the_claim_deadline_follows_the_policy_s_window() -> None:
    cisco = cisco_policy()
    short = attrs.evolve(cisco, parameters=attrs.evolve(cisco.parameters, claim_window_days=90))
    # 2024-12-15 + 90 days = 2025-03-15 (16 days left in December, 31 in January,
    # 28 in February: 75, then 15 into March).
    assert completion_effect(ENCOR, date(2024, 12, 15), short).claim_deadline == date(2025, 3, 15)
    # 2024-12-15 + 365 days = 2025-12-15 (2025 is no leap year).
    assert completion_effect(ENCOR, date(2024, 12, 15)).claim_deadline == date(2025, 12, 15)


def test_an_offering_that_earns_nothing_covers_nothing() -> None:
    lite = attrs.evolve(ENCOR, format="e_learning", edition="lite", duration_hours=None)
    effect = completion_effect(lite, date(2025, 3, 14))
    assert effect.credits == 0
    assert [s.share for s in effect.levels] == [0, 0, 0, 0]
    assert effect.renews == ()


def test_what_if_a_specialist_completes_a_40_credit_course() -> None:
    # A Specialist and a CCNA, both from 2022-09-15 (expire 2025-09-15). The specialist
    # is the pool's level (R-CE-4); 40 approved credits completed on 2025-03-14 meet its
    # CE-only option that day: new term 2025-03-14 + 3 years = 2028-03-14 (R-DATE-1),
    # and the CCNA cascades to 2028-03-14 too (R-CASC-1).
    record = Record(holdings=(
        Holding("Cisco Certified Specialist - Enterprise Core", date(2022, 9, 15)),
        Holding("CCNA", date(2022, 9, 15)),
    ))
    enarsi = attrs.evolve(ENCOR, item_id="NW-ENARSI-ILT", ce_credits=40,
                          ce_catalog_id="CE-EX-1002")
    what = completion_what_if(record, enarsi, date(2025, 3, 14), as_of=date(2025, 4, 1))
    assert what.activity.id == "offering:NW-ENARSI-ILT"
    assert what.activity.claimed_on == date(2025, 3, 14)
    before = {c.certification: c.expires_on for c in what.before.certifications}
    after = {c.certification: (c.expires_on, c.recertified_by) for c in what.after.certifications}
    assert before == {"Cisco Certified Specialist – Enterprise Core": date(2025, 9, 15),
                      "CCNA": date(2025, 9, 15)}
    assert after == {
        "Cisco Certified Specialist – Enterprise Core": (date(2028, 3, 14), "40 CE credits"),
        "CCNA": (date(2028, 3, 14), "cascade from Cisco Certified Specialist – Enterprise Core"),
    }
    assert what.after.activity("offering:NW-ENARSI-ILT").outcome == "counted"


def test_what_if_a_ccnp_completes_half_its_requirement() -> None:
    # A CCNP Enterprise from 2022-09-15 pools toward 80 credits: 40 leave it at 40 in the pool,
    # still expiring on 2025-09-15.
    record = Record(holdings=(Holding("CCNP Enterprise", date(2022, 9, 15)),))
    enarsi = attrs.evolve(ENCOR, ce_credits=40)
    what = completion_what_if(record, enarsi, date(2025, 3, 14), as_of=date(2025, 4, 1),
                              activity_id="c1")
    assert what.before.pool is not None
    assert what.before.pool.credits == 0
    assert what.after.pool is not None
    assert what.after.pool.credits == 40
    assert what.after.certification("CCNP Enterprise").expires_on == date(2025, 9, 15)
    assert what.after.activity("c1").outcome == "counted"
