"""Bad input caught by evaluate() itself, for records built in Python (not through the loaders)."""

from __future__ import annotations

from datetime import date

import pytest

from recert import Activity, ExamPass, Holding, Record, RecordError, evaluate
from recert.exceptions import RecordTypeError


def test_text_as_of_is_a_type_error_that_says_what_to_do() -> None:
    with pytest.raises(TypeError, match=r"as_of: '2025-01-01' is not a datetime.date"):
        evaluate(Record(), as_of="2025-01-01")  # type: ignore[arg-type]


def test_missing_as_of_names_the_field() -> None:
    with pytest.raises(RecordError, match=r"^as_of: is missing"):
        evaluate(Record())


def test_an_exam_kind_that_contradicts_the_catalog_is_refused() -> None:
    # 350-401 (ENCOR) is a core exam in the catalog: a record calling it "associate" is a typo.
    record = Record(exams=[ExamPass("350-401", date(2024, 1, 1), kind="associate")])
    with pytest.raises(RecordError) as caught:
        evaluate(record, as_of=date(2025, 1, 1))
    assert str(caught.value) == "exams[0].kind: 'associate' contradicts the catalog: 350-401 is core"


def test_far_future_dates_are_refused_with_their_paths() -> None:
    # 9999-12-01 + 3 years would leave datetime's range: refused, not crashed on; the evaluation
    # date given as an argument is checked like the record's dates (one check for both policies'
    # kinds, core/bounds.py).
    record = Record(holdings=[Holding("CCNA", date(9999, 12, 1))])
    with pytest.raises(RecordError) as caught:
        evaluate(record, as_of=date(9999, 12, 31))
    assert [str(p) for p in caught.value.problems] == [
        "as_of: 9999-12-31 is after the year 9000",
        "holdings[0].earned_on: 9999-12-01 is after the year 9000",
    ]


def test_a_misspelt_certification_gets_distinct_suggestions() -> None:
    record = Record(holdings=[Holding("CCNP Enterprize", date(2024, 1, 1))])
    with pytest.raises(RecordError) as caught:
        evaluate(record, as_of=date(2025, 1, 1))
    message = str(caught.value)
    assert message.startswith("holdings[0].certification: 'CCNP Enterprize' is not in the catalog")
    assert message.count("'CCNP Enterprise'") == 1


def test_every_problem_is_reported_at_once() -> None:
    record = Record(
        holdings=[
            Holding("Nonexistent Cert", date(2024, 1, 1)),
            Holding("CCNA", date(2024, 1, 1), level="galactic"),
        ],
        exams=[ExamPass("999-999", date(2024, 2, 1))],
    )
    with pytest.raises(RecordError) as caught:
        evaluate(record, as_of=date(2025, 1, 1))
    paths = [p.path for p in caught.value.problems]
    assert paths == ["holdings[0].certification", "holdings[1].level", "exams[0].exam"]


def test_value_objects_report_structured_problems() -> None:
    with pytest.raises(RecordError) as caught:
        Activity("a1", 5, date(2024, 3, 1), item="x", claimed_on=date(2024, 2, 1))
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("claimed_on", "2024-02-01 is before completed_on 2024-03-01")]
    assert caught.value.under("activities[2]")[0].path == "activities[2].claimed_on"
    with pytest.raises(TypeError) as wrong:
        Activity("a1", 5, "2024-03-01", item="x")  # type: ignore[arg-type]
    assert isinstance(wrong.value, RecordTypeError)
    assert wrong.value.problems[0].path == "completed_on"


def test_a_typo_reads_the_same_from_the_loader_and_from_the_engine() -> None:
    from recert import cisco_policy, record_from_mapping

    data = {
        "holdings": [{"certification": "CCNP Enterprize", "earned_on": "2024-01-10"}],
        "exams": [{"exam": "ENCR", "passed_on": "2024-01-10"}],
        "activities": [{"id": "a1", "credits": 5, "completed_on": "2024-02-01", "category": "trainning"}],
    }
    with pytest.raises(RecordError) as loaded:
        record_from_mapping(data, policy=cisco_policy())
    record = Record(
        holdings=[Holding("CCNP Enterprize", date(2024, 1, 10))],
        exams=[ExamPass("ENCR", date(2024, 1, 10))],
        activities=[Activity("a1", 5, date(2024, 2, 1), category="trainning")],
    )
    with pytest.raises(RecordError) as evaluated:
        evaluate(record, as_of=date(2025, 1, 1))
    assert loaded.value.problems == evaluated.value.problems
    assert "did you mean 'CCNP Enterprise'" in str(evaluated.value)
