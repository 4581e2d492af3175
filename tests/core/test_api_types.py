"""The Python API refuses wrong types with a typed error naming the argument or field (issue 17).

A caller who passes a dict, ``None``, a text or ``datetime`` date, ``None`` for a list, or an
integer id gets a :class:`recert.RecordTypeError` (a :class:`TypeError` and a
:class:`recert.RecordError`) with the path and the value, never an ``AttributeError`` from
deep inside the engine; and a record built in Python is held to the loaders' count limits.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

import recert
from recert import Activity, ExamPass, Holding, Record, RecordError, RecordTypeError
from recert.io.embedded import resolve_policy

CCNA = Holding("CCNA", earned_on=date(2023, 1, 10))
DAY = date(2025, 1, 1)


def refusal(call: Any, error: type[RecordError] = RecordTypeError) -> str:
    with pytest.raises(error) as caught:
        call()
    return str(caught.value)


@pytest.mark.parametrize("policy", ["cisco-ce", "comptia"])
@pytest.mark.parametrize(("record", "expected"), [
    (None, "record: None is not a recert.Record (recert.record_from_mapping reads a dict)"),
    ({"holdings": []}, "record: {'holdings': []} is not a recert.Record (recert.record_from_mapping reads a dict)"),
])
def test_a_record_that_is_not_a_record(record: object, expected: str, policy: str) -> None:
    assert refusal(lambda: recert.evaluate(record, as_of=DAY, policy=resolve_policy(policy))) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("policy", ["cisco-ce", "isc2-cissp"])
@pytest.mark.parametrize(("as_of", "expected"), [
    ("2025-01-01", "as_of: '2025-01-01' is not a datetime.date (date.fromisoformat reads text)"),
    (datetime(2025, 1, 1, 9, 30), "as_of: datetime.datetime(2025, 1, 1, 9, 30) is not a datetime.date"),
    (20250101, "as_of: 20250101 is not a datetime.date"),
])
def test_an_evaluation_date_that_is_not_a_date(as_of: object, expected: str, policy: str) -> None:
    record = Record(holdings=[CCNA])
    message = refusal(lambda: recert.evaluate(record, as_of=as_of, policy=resolve_policy(policy)))  # type: ignore[arg-type]
    assert message == expected


def test_the_type_error_is_still_a_type_error() -> None:
    with pytest.raises(TypeError):
        recert.evaluate(Record(holdings=[CCNA]), as_of="2025-01-01")  # type: ignore[arg-type]


@pytest.mark.parametrize(("build", "expected"), [
    (lambda: Record(holdings=None), "holdings: None is not a list of recert.Holding"),
    (lambda: Record(exams="350-401"), "exams: '350-401' is not a list of recert.ExamPass"),
    (lambda: Record(activities={"a": 1}), "activities: {'a': 1} is not a list of recert.Activity"),
    (lambda: Record(holdings=[CCNA, "CCNP"]), "holdings[1]: 'CCNP' is not a recert.Holding"),
    (lambda: Record(candidate=7), "candidate: 7 is not a string or None"),
    (lambda: Activity(None, 5, DAY), "id: None is not a string"),
    (lambda: Activity(5, 5, DAY), "id: 5 is not a string"),
    (lambda: Activity("a", 5, DAY, category=None), "category: None is not a string"),
    (lambda: Activity("a", 5, DAY, applies_to="CCNA"), "applies_to: 'CCNA' is not a tuple of strings or None"),
    (lambda: Holding(None, earned_on=DAY), "certification: None is not a string"),
    (lambda: Holding("X", earned_on=DAY, level=3), "level: 3 is not a string or None"),
    (lambda: ExamPass(350401, DAY), "exam: 350401 is not a string"),
])
def test_value_objects_refuse_wrong_types(build: Any, expected: str) -> None:
    assert refusal(build) == expected


def test_a_list_field_takes_any_iterable_of_its_class() -> None:
    record = Record(holdings=(h for h in [CCNA]))
    assert record.holdings == (CCNA,)


@pytest.mark.parametrize("policy", ["cisco-ce", "pmi-pmp"])
def test_a_record_built_in_python_has_the_loaders_count_limits(policy: str) -> None:
    # 10,001 activities: one more than MAX_ACTIVITIES (10,000), as load_record refuses them.
    activities = [Activity(f"a{i}", 1, date(2024, 1, 1)) for i in range(10_001)]
    record = Record(holdings=[CCNA], activities=activities)
    message = refusal(lambda: recert.evaluate(record, as_of=DAY, policy=resolve_policy(policy)), RecordError)
    assert message == "activities: 10001 entries are more than 10000"


def test_counts_under_the_limits_are_evaluated() -> None:
    exams = [ExamPass("200-301", date(2024, 1, 1))] * 3  # well under 10,000; holdings 1 of 1,000
    result = recert.evaluate(Record(holdings=[CCNA], exams=exams), as_of=DAY)
    # CCNA earned 2023-01-10; its exam passed 2024-01-01 recertifies it (R-DATE-1): 2024-01-01 + 3 years
    # = 2027-01-01.
    assert result.certifications[0].expires_on == date(2027, 1, 1)
