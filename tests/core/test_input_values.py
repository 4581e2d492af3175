"""The core's input side with exact values: quoting in messages, offerings, catalog suggestions.

Found by the mutation run (issue 17): the cut lengths of ``describe`` and ``printable``
(documented in docs/record-format.md, "Input limits"), an offering's validation and its
activity (R-CE-6, R-CE-1's catalog item), and the "did you mean" of an unknown name were
reached only by loader tests that read none of the numbers.
"""

from __future__ import annotations

import difflib
from datetime import date

import pytest

from recert import (
    Activity,
    ExamPass,
    Holding,
    Offering,
    OfferingError,
    OfferingRules,
    Record,
    RecordError,
    evaluate,
)
from recert.core._limits import MAX_LINE, SHOWN, describe, long_texts, printable, too_deep

# --- describe: a value as a message quotes it (at most SHOWN = 80 characters) ---------------


def test_a_string_that_fits_is_quoted_whole() -> None:
    # 78 characters + 2 quotes = 80 = SHOWN: not cut.
    assert describe("a" * 78) == "'" + "a" * 78 + "'"


def test_a_long_string_is_cut_and_its_length_given() -> None:
    # 79 characters + 2 quotes = 81 > 80: the first 80 - 20 = 60 characters of the quoted text
    # (the quote and 59 letters), then its length.
    assert describe("a" * 79) == "'" + "a" * 59 + "... (79 characters)"
    # Beyond 2 * SHOWN = 160 characters only the first 160 are quoted at all: with a limit of
    # 1000 the quote of 200 letters holds 160 of them.
    assert describe("b" * 200, limit=1000) == "'" + "b" * 160 + "'"


def test_a_long_integer_is_cut_and_its_digits_counted() -> None:
    # 10**100 has 101 digits; -10**100 has 101 digits and a sign (the sign is no digit).
    assert describe(10**100) == "1" + "0" * 59 + "... (101 digits)"
    assert describe(-(10**100)) == "-1" + "0" * 58 + "... (101 digits)"


def test_a_long_list_is_cut_without_a_size() -> None:
    # Three quoted 50-letter strings: 3 * 52 + 2 separators of 2 + 2 brackets = 162 > 80.
    assert describe(["x" * 50] * 3) == "['" + "x" * 50 + "', '" + "x" * 4 + "... (cut)"


def test_nesting_is_shown_three_levels_deep() -> None:
    assert describe({"a": {"b": {"c": {"d": 1}}}}) == "{'a': {'b': {'c': {...}}}}"
    assert describe([[[[1]]]]) == "[[[[...]]]]"
    # A key is shown at depth 0: a tuple key is "[...]", never its items.
    assert describe({("k", "l"): 1}) == "{[...]: 1}"
    # At most 8 items of a container, then "...".
    assert describe(list(range(10))) == "[0, 1, 2, 3, 4, 5, 6, 7, ...]"


def test_printable_escapes_controls_and_cuts_at_max_line() -> None:
    assert printable("ok\x1b[31m\u202e!") == "ok\\x1b[31m\\u202e!"
    # MAX_LINE = 2000 characters fit; 2001 are cut to 2000 - 30 = 1970, then the length.
    assert printable("x" * MAX_LINE) == "x" * 2000
    assert printable("x" * 2001) == "x" * 1970 + "... (cut: 2001 characters)"
    assert SHOWN == 80


def test_the_paths_of_deep_nesting_and_long_texts() -> None:
    # Depth 1 is the document itself: {"a": [[...]]} is 3 deep at "a[0]".
    assert too_deep({"a": [[1]]}, limit=3) is None
    assert too_deep({"a": [[1]]}, limit=2) == "a[0]"
    doc = {"k": "x" * 11, "y" * 12: 1, "l": ["z" * 5, "w" * 13]}
    assert sorted(long_texts(doc, limit=10)) == [
        ("", "y" * 12, True),
        ("k", "x" * 11, False),
        ("l[1]", "w" * 13, False),
    ]


# --- offerings (R-CE-6) ------------------------------------------------------------------------


def _offering(**changes: object) -> Offering:
    values: dict[str, object] = {
        "item_id": "NW-ENCOR-ILT",
        "title": "Enterprise core, five days",
        "provider": "NetWorks",
        "authorized_partner": True,
        "format": "instructor_led",
        "ce_credits": 64,
    }
    values.update(changes)
    return Offering(**values)  # type: ignore[arg-type]


def test_an_offering_becomes_the_activity_of_its_catalog_item() -> None:
    activity = _offering(ce_catalog_id="ENCOR v1.1").to_activity(
        "a1", date(2024, 3, 1), claimed_on=date(2024, 3, 8), status="approved", decided_on=date(2024, 3, 9)
    )
    assert activity == Activity(
        "a1",
        64,
        date(2024, 3, 1),
        item="ENCOR v1.1",
        title="Enterprise core, five days",
        category="training",
        claimed_on=date(2024, 3, 8),
        status="approved",
        decided_on=date(2024, 3, 9),
    )
    # Without a CE catalog id the vendor's id is the item; half a credit is still credits.
    half = _offering(
        format="cisco_live",
        ce_credits=0.5,
        duration_hours=40,
        starts_on=date(2024, 1, 1),
        ends_on=date(2024, 12, 31),
    ).to_activity("a2", date(2024, 6, 1))
    assert (half.item, half.credits, half.category, half.claimed_on) == (
        "NW-ENCOR-ILT",
        0.5,
        "cisco_live",
        None,
    )


def test_an_offering_of_no_credits_is_no_activity() -> None:
    with pytest.raises(OfferingError) as error:
        _offering(ce_credits=0).to_activity("a1", date(2024, 3, 1))
    assert error.value.source == "NW-ENCOR-ILT"
    assert [(p.path, p.message) for p in error.value.problems] == [
        ("ce_credits", "0: an offering stating no credits cannot become an activity")
    ]


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        (
            {"format": "webinar"},
            ValueError,
            "format: 'webinar' is not one of instructor_led, virtual_instructor_led, "
            "e_learning, learning_path, cisco_live, exam_authoring, other",
        ),
        ({"edition": "gold"}, ValueError, "edition: 'gold' is not one of full, lite, no_labs"),
        ({"ce_credits": -1}, ValueError, "ce_credits: -1 is negative"),
        ({"ce_credits": "8"}, TypeError, "ce_credits: '8' is not a number"),
        ({"ce_credits": True}, TypeError, "ce_credits: True is not a number"),
        ({"duration_hours": 0}, ValueError, "duration_hours: 0 is not positive"),
        ({"duration_hours": -2.5}, ValueError, "duration_hours: -2.5 is negative"),
        ({"learning_credits": -1}, ValueError, "learning_credits: -1 is negative"),
        ({"starts_on": "2024-01-01"}, TypeError, "starts_on: '2024-01-01' is not a datetime.date"),
    ],
)
def test_an_offering_s_bad_field_is_named_with_its_value(
    changes: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as raised:
        _offering(**changes)
    assert str(raised.value) == message


def test_offering_rules_severity_defaults_per_check() -> None:
    rules = OfferingRules(severities=(("labs", "off"),))
    # Listed: its own setting; not listed: the default of CHECKS (D-OFFER-1 warns, R-CE-6 errs).
    assert (rules.severity("labs"), rules.severity("credits_per_hour"), rules.severity("dates")) == (
        "off",
        "warning",
        "error",
    )


# --- "did you mean": close names of the catalog --------------------------------------------------


def _error(record: Record) -> str:
    with pytest.raises(RecordError) as raised:
        evaluate(record, as_of=date(2024, 2, 1))
    return str(raised.value)


def test_an_unknown_certification_suggests_close_catalog_names() -> None:
    # "ccnp" against the catalog (casefolded): ccna and ccdp share 3 of 4 letters, ratio
    # 2 * 3 / 8 = 0.75 >= 0.6; ccie, ccde, ccst share 2 (0.5); equal ratios: the later name
    # in reverse order first (difflib), so 'CCNA' then 'CCDP'.
    assert difflib.SequenceMatcher(None, "ccnp", "ccdp").ratio() == 0.75
    message = _error(Record(holdings=[Holding("CCNP", date(2024, 1, 1))]))
    assert message == (
        "holdings[0].certification: 'CCNP' is not in the catalog of cisco-ce (did you mean 'CCNA' or "
        "'CCDP'?); give its level (csm, entry, associate, specialist, professional, expert) if it is "
        "not a catalog certification"
    )
    # Nothing close: no suggestion at all.
    assert "did you mean" not in _error(Record(holdings=[Holding("Zzzz", date(2024, 1, 1))]))


def test_an_unknown_exam_suggests_at_most_three_exams_by_code_and_acronym() -> None:
    # "350-40" against "350-401" (6 of 6 + 7 letters: 12/13 = 0.92) and the other cores
    # "350-x01" (5 common: 10/13 = 0.77, higher codes first): three shown, each as
    # "code acronym"; 350-701 SCOR, the fourth, is not.
    message = _error(Record(exams=[ExamPass("350-40", date(2024, 1, 1))]))
    assert (
        "(did you mean '350-401 ENCOR' or '350-901 DEVCOR' or '350-801 CLCOR'?); give its kind (" in message
    )


def test_suggestions_name_each_certification_once_by_its_catalog_name() -> None:
    # "specialist - enterprise cor" is closest to the alias spellings "Specialist - Enterprise
    # Core" (27 common of 27 + 28 letters: 54/55 = 0.98) and "Specialist – Enterprise Core"
    # (en dash), then the two spellings of Enterprise Design, then "Specialist - CyberOps Core":
    # of the six closest, three certifications, each once, by its catalog name.
    message = _error(Record(holdings=[Holding("Specialist - Enterprise Cor", date(2024, 1, 1))]))
    assert (
        "(did you mean 'Cisco Certified Specialist – Enterprise Core' or 'Cisco Certified Specialist – "
        "Enterprise Design' or 'Cisco Certified Specialist – CyberOps Core'?)" in message
    )


def test_an_exam_without_acronym_is_suggested_by_its_name_only() -> None:
    # "CCDE practical" has no numeric code and no acronym: suggested as it is written.
    message = _error(Record(exams=[ExamPass("CCDE practica", date(2024, 1, 1))]))
    assert message == (
        "exams[0].exam: 'CCDE practica' is not in the exam catalog of cisco-ce (did you mean 'CCDE "
        "practical'?); give its kind (entry, associate, core, concentration, expert_written, expert_lab, "
        "csm) if it is not a catalog exam"
    )
    assert _error(Record(exams=[ExamPass("Zzzz", date(2024, 1, 1))])) == (
        "exams[0].exam: 'Zzzz' is not in the exam catalog of cisco-ce; give its kind (entry, associate, "
        "core, concentration, expert_written, expert_lab, csm) if it is not a catalog exam"
    )


# --- the record's value objects name the field and the value -------------------------------------

_D = date(2024, 3, 1)


@pytest.mark.parametrize(
    ("build", "path", "message"),
    [
        (lambda: Activity("a", "8", _D), "credits", "'8' is not a number"),
        (lambda: Activity("a", True, _D), "credits", "True is not a number"),
        (lambda: Activity("a", 0, _D), "credits", "0 is not positive"),
        (lambda: Activity("a", float("inf"), _D), "credits", "inf is not a finite number"),
        (
            lambda: Activity("a", 100_001, _D),
            "credits",
            "100001 is more than 100000 (the most one activity may carry)",
        ),
        (
            lambda: Activity("a", 8, _D, claimed_on=_D, status="maybe"),
            "status",
            "'maybe' is not one of pending, approved, rejected, audit",
        ),
        (
            lambda: Activity("a", 8, _D, status="approved"),
            "status",
            "'approved' is given but claimed_on is missing",
        ),
        (lambda: Activity("a", 8, _D, decided_on=_D), "decided_on", "given but claimed_on is missing"),
        (
            lambda: Activity("a", 8, _D, claimed_on=date(2024, 2, 29)),
            "claimed_on",
            "2024-02-29 is before completed_on 2024-03-01",
        ),
        (
            lambda: Activity(
                "a", 8, _D, claimed_on=date(2024, 3, 5), status="approved", decided_on=date(2024, 3, 4)
            ),
            "decided_on",
            "2024-03-04 is before claimed_on 2024-03-05",
        ),
        (
            lambda: Activity("a", 8, _D, claimed_on=_D, status="pending", decided_on=_D),
            "decided_on",
            "given but status is not approved or rejected",
        ),
        (
            lambda: Activity("a", 8, _D, claimed_on=_D, decided_on=_D),
            "decided_on",
            "given but status is not approved or rejected",
        ),
        (
            lambda: Holding("CCNA", _D, expires_on=date(2024, 2, 1)),
            "expires_on",
            "2024-02-01 is before earned_on 2024-03-01",
        ),
    ],
)
def test_a_bad_record_field_names_its_path_and_value(build: object, path: str, message: str) -> None:
    with pytest.raises(RecordError) as raised:
        build()  # type: ignore[operator]
    assert [(p.path, p.message) for p in raised.value.problems] == [(path, message)]


def test_a_term_may_end_the_day_it_starts() -> None:
    # expires_on equal to earned_on is not "before" it: accepted as given.
    assert Holding("CCNA", _D, expires_on=_D).expires_on == _D


def test_a_decided_claim_is_valid_on_its_claim_date() -> None:
    # Decided the day it was claimed: allowed (decided_on >= claimed_on).
    activity = Activity("a", 8, _D, claimed_on=_D, status="rejected", decided_on=_D)
    assert (activity.status, activity.decided_on) == ("rejected", _D)


def test_an_unknown_certification_in_a_result_is_a_key_error_naming_it() -> None:
    ev = evaluate(Record(holdings=[Holding("CCNA", date(2023, 1, 10))]), as_of=date(2023, 7, 1))
    with pytest.raises(KeyError, match="'CCNP Enterprise'"):
        ev.certification("CCNP Enterprise")


def test_an_integer_of_over_4000_digits_is_named_not_written() -> None:
    # 10**4000 has 4001 digits: beyond what a message writes (int's repr stops at 4300 digits).
    # One less, 10**4000 - 1 (4000 nines), is written and cut: 60 characters, then its size.
    assert describe(10**4000) == "an integer of over 4000 digits"
    assert describe(10**4000 - 1) == "9" * 60 + "... (4000 digits)"


def test_every_bad_holding_and_exam_of_a_record_is_named_at_once() -> None:
    # Two holdings with levels the policy lacks, a holding repeating another (names match
    # without regard to case), two exams of kinds the policy lacks: five problems, in order.
    kinds = "one of entry, associate, core, concentration, expert_written, expert_lab, csm"
    levels = "one of csm, entry, associate, specialist, professional, expert"
    rec = Record(
        holdings=[
            Holding("Acme One", date(2023, 1, 1), level="guru"),
            Holding("CCNA", date(2023, 2, 1)),
            Holding("ccna", date(2023, 3, 1)),
            Holding("Acme Two", date(2023, 1, 1), level="wizard"),
        ],
        exams=[
            ExamPass("X-1", date(2023, 4, 1), kind="quiz"),
            ExamPass("X-2", date(2023, 4, 1), kind="test"),
        ],
    )
    with pytest.raises(RecordError) as raised:
        evaluate(rec, as_of=date(2023, 6, 1))
    assert [(p.path, p.message) for p in raised.value.problems] == [
        ("holdings[0].level", f"'guru' is not a level of cisco-ce ({levels})"),
        ("holdings[2].certification", "'ccna' repeats holdings[1] (CCNA)"),
        ("holdings[3].level", f"'wizard' is not a level of cisco-ce ({levels})"),
        ("exams[0].kind", f"'quiz' is not an exam kind of cisco-ce ({kinds})"),
        ("exams[1].kind", f"'test' is not an exam kind of cisco-ce ({kinds})"),
    ]


def test_a_repeated_activity_id_names_the_first_one() -> None:
    # Ids are unique in a record: the third activity repeats the first (index 0), not the second.
    with pytest.raises(RecordError) as raised:
        Record(activities=[Activity("a", 1, _D), Activity("b", 1, _D), Activity("a", 1, date(2024, 3, 2))])
    assert [(p.path, p.message) for p in raised.value.problems] == [
        ("activities[2].id", "'a' repeats activities[0].id")
    ]


def test_a_datetime_is_not_a_date_of_a_record() -> None:
    from datetime import datetime

    # Dates only, no times (D-DATE-1): a datetime (a subclass of date) is refused by name.
    with pytest.raises(RecordError) as raised:
        Activity("a", 1, datetime(2024, 3, 1))  # type: ignore[arg-type]
    assert [(p.path, p.message) for p in raised.value.problems] == [
        ("completed_on", "datetime.datetime(2024, 3, 1, 0, 0) is not a datetime.date")
    ]


def test_an_offering_s_credit_range_is_its_format_s_then_its_category_s() -> None:
    from recert.core.offering import CreditRange

    # R-CE-6: training carries 4 to 64 credits; a range for e-learning (a training format) wins
    # over the category's; cisco_live has none.
    rules = OfferingRules(credit_ranges=(CreditRange("training", 4, 64), CreditRange("e_learning", 1, 16)))
    ranges = [rules.credit_range(_offering(format=f)) for f in ("e_learning", "instructor_led", "cisco_live")]
    assert ranges == [CreditRange("e_learning", 1, 16), CreditRange("training", 4, 64), None]


def test_long_texts_reports_strings_over_the_limit_down_to_max_depth() -> None:
    # Exactly the limit is not "longer": neither a value nor a key of 10 characters is reported.
    assert list(long_texts({"k": "x" * 10, "y" * 10: 1}, limit=10)) == []
    # A number before a string in the walk does not end it.
    assert list(long_texts({"b": "x" * 11, "a": 1}, limit=10)) == [("b", "x" * 11, False)]

    # The document is depth 1; lists down to depth MAX_DEPTH = 16 are looked into, so a string
    # in the 16th nested list is found (path: 15 indexes, then its own), one in the 17th is not.
    def nested(levels: int) -> object:
        value: object = ["z" * 11]
        for _ in range(levels - 1):
            value = [value]
        return value

    assert list(long_texts(nested(16), limit=10)) == [("[0]" * 16, "z" * 11, False)]
    assert list(long_texts(nested(17), limit=10)) == []
