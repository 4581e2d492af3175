"""Loading records: JSON, TOML, JSON Lines, and every kind of bad input.

Each bad input must give a RecordError whose problem names the field's path
and the offending value, and all problems of a record come out at once.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

import recert
from recert import Activity, ExamPass, Holding, Problem, Record, RecordError
from recert.io.records import iter_records, load_record, record_from_mapping

DATA = Path(__file__).parents[1] / "data"
EXAMPLES = Path(__file__).parents[2] / "examples"


def good() -> dict[str, Any]:
    """The record of the record-format spec."""
    return {
        "candidate": "C-1001",
        "as_of": "2025-03-01",
        "holdings": [
            {"certification": "CCNA", "earned_on": "2022-09-15"},
            {"certification": "CCNP Enterprise", "earned_on": "2022-09-15", "expires_on": "2025-09-15"},
        ],
        "exams": [{"exam": "300-420", "passed_on": "2025-02-14"}],
        "activities": [
            {"id": "c1", "item": "CE-12345", "title": "Designing Cisco Enterprise Networks",
             "category": "training", "credits": 40, "completed_on": "2024-11-01",
             "claimed_on": "2024-11-20", "status": "approved", "decided_on": "2024-11-25"},
        ],
    }


def raised(function: Callable[..., object], *args: Any, **kwargs: Any) -> RecordError:
    with pytest.raises(RecordError) as caught:
        function(*args, **kwargs)
    return caught.value


def problems_of(data: object) -> list[str]:
    with pytest.raises(RecordError) as caught:
        record_from_mapping(data, source="r.json")
    assert caught.value.source == "r.json"
    return [str(p) for p in caught.value.problems]


# --- good input -----------------------------------------------------------------------------


def test_the_spec_record_loads_into_value_objects() -> None:
    record = record_from_mapping(good())
    assert record == Record(
        holdings=(
            Holding("CCNA", date(2022, 9, 15)),
            Holding("CCNP Enterprise", date(2022, 9, 15), expires_on=date(2025, 9, 15)),
        ),
        exams=(ExamPass("300-420", date(2025, 2, 14)),),
        activities=(
            Activity("c1", 40, date(2024, 11, 1), item="CE-12345",
                     title="Designing Cisco Enterprise Networks", category="training",
                     claimed_on=date(2024, 11, 20), status="approved",
                     decided_on=date(2024, 11, 25)),
        ),
        candidate="C-1001",
        as_of=date(2025, 3, 1),
    )


def test_optional_fields_take_their_defaults() -> None:
    record = record_from_mapping({"holdings": [{"certification": "CCNA", "earned_on": "2022-09-15"}],
                                  "activities": [{"id": "a", "credits": 12.5,
                                                  "completed_on": "2024-01-02"}]})
    assert record.as_of is None
    assert record.candidate is None
    assert record.exams == ()
    activity = record.activities[0]
    assert (activity.category, activity.claimed_on, activity.status, activity.credits) == (
        "training", None, None, 12.5)


def test_a_certification_outside_the_catalog_is_accepted_with_its_level() -> None:
    data = good()
    data["holdings"].append({"certification": "CCNA Wireless", "earned_on": "2019-01-01",
                             "level": "associate"})
    data["exams"].append({"exam": "200-355", "passed_on": "2019-01-01", "kind": "associate"})
    record = record_from_mapping(data)
    assert record.holdings[2].level == "associate"
    assert record.exams[1].kind == "associate"


def test_catalog_names_match_without_case_dashes_or_prefix() -> None:
    data = good()
    data["holdings"] = [{"certification": "cisco certified ccnp-enterprise", "earned_on": "2022-09-15"}]
    data["exams"] = [{"exam": "ENSLD", "passed_on": "2025-02-14"}]
    assert record_from_mapping(data).holdings[0].certification == "cisco certified ccnp-enterprise"


def test_the_loaders_are_reexported_by_the_package() -> None:
    assert recert.load_record is load_record
    assert recert.record_from_mapping is record_from_mapping
    assert recert.iter_records is iter_records


# --- one bad input at a time ----------------------------------------------------------------


def _set(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = good()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def _drop(path: tuple[Any, ...]) -> dict[str, Any]:
    data = good()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return data


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(_set(("activities", 0, "credits"), -5),
                     "activities[0].credits: -5 is not positive", id="credits-negative"),
        pytest.param(_set(("activities", 0, "credits"), 0),
                     "activities[0].credits: 0 is not positive", id="credits-zero"),
        pytest.param(_set(("activities", 0, "credits"), "40"),
                     "activities[0].credits: '40' is not a number", id="credits-string"),
        pytest.param(_set(("activities", 0, "credits"), True),
                     "activities[0].credits: true is not a number", id="credits-bool"),  # as JSON writes it
        pytest.param(_set(("activities", 0, "credits"), float("nan")),
                     "activities[0].credits: nan is not a finite number", id="credits-nan"),
        pytest.param(_set(("holdings", 0, "earned_on"), "2025-02-30"),
                     "holdings[0].earned_on: '2025-02-30' is not a date: day is out of range for month",
                     id="date-impossible"),
        pytest.param(_set(("holdings", 0, "earned_on"), "15/09/2022"),
                     "holdings[0].earned_on: '15/09/2022' is not a date (YYYY-MM-DD)",
                     id="date-malformed"),
        pytest.param(_set(("as_of",), "20250301"),
                     "as_of: '20250301' is not a date (YYYY-MM-DD)", id="date-compact-iso"),
        pytest.param(_set(("exams", 0, "passed_on"), 20250214),
                     "exams[0].passed_on: 20250214 is not a date (YYYY-MM-DD)", id="date-number"),
        pytest.param(_set(("holdings", 0, "earnd_on"), "2022-09-15"),
                     "holdings[0].earnd_on: unknown field (value '2022-09-15'); expected one of "
                     + ", ".join(a.name for a in attrs.fields(Holding)), id="unknown-field"),
        pytest.param(_set(("holdings", 0, "first_earned_on"), "2023-01-01"),
                     "holdings[0].first_earned_on: 2023-01-01 is after earned_on 2022-09-15",
                     id="first-earned-after-term-start"),
        pytest.param(_set(("as_off",), "2025-03-01"),
                     "as_off: unknown field (value '2025-03-01'); expected one of "
                     + ", ".join(a.name for a in attrs.fields(Record)), id="unknown-top-field"),
        pytest.param(_drop(("activities", 0, "completed_on")),
                     "activities[0].completed_on: is missing (required)", id="missing-field"),
        pytest.param(_drop(("holdings", 1, "certification")),
                     "holdings[1].certification: is missing (required)", id="missing-certification"),
        pytest.param(_set(("activities", 0, "claimed_on"), "2024-10-31"),
                     "activities[0].claimed_on: 2024-10-31 is before completed_on 2024-11-01",
                     id="claimed-before-completed"),
        pytest.param(_set(("activities", 0, "decided_on"), "2024-11-19"),
                     "activities[0].decided_on: 2024-11-19 is before claimed_on 2024-11-20",
                     id="decided-before-claimed"),
        pytest.param(_set(("activities", 0, "status"), "accepted"),
                     "activities[0].status: 'accepted' is not a status (one of pending, approved, "
                     "rejected, audit)", id="unknown-status"),
        pytest.param(_set(("activities", 0, "status"), "pending"),
                     "activities[0].decided_on: 2024-11-25 is given but status is 'pending', not "
                     "approved or rejected", id="decided-but-pending"),
        pytest.param(_set(("activities", 0, "category"), "webinar"),
                     "activities[0].category: 'webinar' is not a category of cisco-ce (one of "
                     "training, cisco_live, authoring, other)", id="unknown-category"),
        pytest.param(_set(("activities", 0, "id"), 7),
                     "activities[0].id: 7 is not a string", id="id-not-string"),
        pytest.param(_set(("candidate",), ""),
                     "candidate: '' is empty", id="empty-string"),
        pytest.param(_set(("holdings", 1, "expires_on"), "2021-09-15"),
                     "holdings[1].expires_on: 2021-09-15 is before earned_on 2022-09-15",
                     id="expires-before-earned"),
        pytest.param(_set(("holdings", 0, "level"), "journeyman"),
                     "holdings[0].level: 'journeyman' is not a level of cisco-ce (one of csm, entry, "
                     "associate, specialist, professional, expert)", id="unknown-level"),
        pytest.param(_set(("holdings", 0, "level"), "expert"),
                     "holdings[0].level: 'expert' differs from the catalog's level 'associate' of CCNA",
                     id="level-contradicts-catalog"),
        pytest.param(_set(("exams", 0, "kind"), "lab"),
                     "exams[0].kind: 'lab' is not an exam kind of cisco-ce (one of entry, associate, "
                     "core, concentration, expert_written, expert_lab, csm)", id="unknown-kind"),
        pytest.param(_set(("holdings",), {"certification": "CCNA"}),
                     "holdings: {'certification': 'CCNA'} is not a list", id="holdings-not-list"),
        pytest.param(_set(("activities", 0), "c1"),
                     "activities[0]: 'c1' is not an object", id="element-not-object"),
    ],
)
def test_one_bad_input_names_its_path_and_value(data: dict[str, Any], expected: str) -> None:
    assert problems_of(data) == [expected]


def test_a_status_without_a_claim_date_is_an_error() -> None:
    data = _drop(("activities", 0, "claimed_on"))
    assert problems_of(data) == [
        "activities[0].status: 'approved' is given but claimed_on is missing",
        "activities[0].decided_on: 2024-11-25 is given but claimed_on is missing",
    ]


def test_duplicate_activity_ids_name_both_places() -> None:
    data = good()
    data["activities"] += [dict(data["activities"][0], item="CE-2"),
                           dict(data["activities"][0], id="c2"),
                           dict(data["activities"][0], item="CE-3")]
    assert problems_of(data) == [
        "activities[1].id: 'c1' repeats activities[0].id",
        "activities[3].id: 'c1' repeats activities[0].id",
    ]


def test_an_unknown_certification_without_level_suggests_catalog_names() -> None:
    data = _set(("holdings", 1, "certification"), "CCNP Enterprize")
    (message,) = problems_of(data)
    assert message.startswith(
        "holdings[1].certification: 'CCNP Enterprize' is not in the catalog of cisco-ce "
        "(did you mean 'CCNP Enterprise'")
    assert message.endswith("give its level (csm, entry, associate, specialist, professional, "
                            "expert) if it is not a catalog certification")


def test_an_unknown_certification_far_from_every_name_gets_no_suggestion() -> None:
    (message,) = problems_of(_set(("holdings", 0, "certification"), "Zzyzx Qwerty Vbnm"))
    assert "did you mean" not in message
    assert message.startswith("holdings[0].certification: 'Zzyzx Qwerty Vbnm' is not in the catalog")


def test_an_unknown_exam_without_kind_suggests_catalog_exams_and_lists_kinds() -> None:
    (message,) = problems_of(_set(("exams", 0, "exam"), "ENCR"))
    assert message.startswith("exams[0].exam: 'ENCR' is not in the exam catalog of cisco-ce "
                              "(did you mean '350-401 ENCOR'")
    assert message.endswith("give its kind (entry, associate, core, concentration, expert_written, "
                            "expert_lab, csm) if it is not a catalog exam")


@pytest.mark.parametrize(("value", "shown"), [([1, 2], "[1, 2]"), ("a record", "'a record'"), (42, "42"),
                                             (None, "null"), ([None, True, False], "[null, true, false]")])
def test_a_record_that_is_not_an_object(value: object, shown: str) -> None:
    # JSON's null, true and false are quoted as JSON writes them, not as Python does (issue 17).
    assert problems_of(value) == [f"{shown} is not an object"]


# --- every problem at once --------------------------------------------------------------------


def test_all_problems_of_a_record_come_at_once_in_input_order() -> None:
    data = good()
    data["as_of"] = "2025-02-30"
    data["holdings"][0]["level"] = "pro"
    data["activities"] = [
        # Three problems in one activity: a bad amount does not hide the bad dates.
        {"id": "a0", "credits": -5, "completed_on": "2024-11-01", "claimed_on": "2024-10-20",
         "status": "approved", "decided_on": "2024-10-01"},
        {"id": "a0", "credits": 4, "completed_on": "2024-11-01", "claimed_on": "2024-11-31"},
        {"id": "a2", "credits": 8, "completed_on": "2024-11-01", "bogus": [1]},
    ]
    error = raised(record_from_mapping, data, source="r.json")
    assert [str(p) for p in error.problems] == [
        "as_of: '2025-02-30' is not a date: day is out of range for month",
        "holdings[0].level: 'pro' is not a level of cisco-ce (one of csm, entry, associate, "
        "specialist, professional, expert)",
        "activities[0].credits: -5 is not positive",
        "activities[0].claimed_on: 2024-10-20 is before completed_on 2024-11-01",
        "activities[0].decided_on: 2024-10-01 is before claimed_on 2024-10-20",
        "activities[1].claimed_on: '2024-11-31' is not a date: day is out of range for month",
        "activities[2].bogus: unknown field (value [1]); expected one of "
        + ", ".join(a.name for a in attrs.fields(Activity)),
        "activities[1].id: 'a0' repeats activities[0].id",
    ]
    assert str(error).startswith("r.json: 8 problems\n  as_of: '2025-02-30'")
    assert isinstance(error, ValueError)
    assert error.problems[2] == Problem("activities[0].credits", "-5 is not positive")


def test_an_unreadable_claim_date_is_not_reported_as_missing() -> None:
    data = _set(("activities", 0, "claimed_on"), "soon")
    assert problems_of(data) == ["activities[0].claimed_on: 'soon' is not a date (YYYY-MM-DD)"]


# --- files ----------------------------------------------------------------------------------


def test_load_record_reads_json_and_toml_to_the_same_record(tmp_path: Path) -> None:
    toml = tmp_path / "r.toml"
    toml.write_text(
        'candidate = "C-1001"\nas_of = 2025-03-01\n'
        '[[holdings]]\ncertification = "CCNA"\nearned_on = 2022-09-15\n'
        '[[holdings]]\ncertification = "CCNP Enterprise"\nearned_on = "2022-09-15"\n'
        'expires_on = 2025-09-15\n'
        '[[exams]]\nexam = "300-420"\npassed_on = 2025-02-14\n'
        '[[activities]]\nid = "c1"\nitem = "CE-12345"\ntitle = "Designing Cisco Enterprise Networks"\n'
        'category = "training"\ncredits = 40\ncompleted_on = 2024-11-01\nclaimed_on = 2024-11-20\n'
        'status = "approved"\ndecided_on = 2024-11-25\n',
        encoding="utf-8")
    json_file = tmp_path / "r.json"
    json_file.write_text(__import__("json").dumps(good()), encoding="utf-8")
    assert load_record(toml) == load_record(json_file) == record_from_mapping(good())


def test_a_toml_date_time_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text('[[holdings]]\ncertification = "CCNA"\nearned_on = 2022-09-15T08:00:00\n')
    error = raised(load_record, path)
    assert [str(p) for p in error.problems] == [
        "holdings[0].earned_on: 2022-09-15T08:00:00 is a date-time; give a date (YYYY-MM-DD)"]
    assert error.source == str(path)


def test_an_impossible_toml_date_is_a_toml_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text('[[holdings]]\ncertification = "CCNA"\nearned_on = 2025-02-30\n')
    message = str(raised(load_record, path))
    assert message.startswith(f"{path}: not valid TOML: ")
    assert "line 3" in message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("r.json", "{not json", "not valid JSON: Expecting property name enclosed in double quotes: "
                                "line 1 column 2 (char 1)"),
        ("r.yaml", "a: 1", "'.yaml': expected a .json, .toml or .jsonl file"),
        ("r.json", b"\xff\xfe{}", "not UTF-8 text: "),
    ],
)
def test_load_record_reports_a_bad_file(tmp_path: Path, name: str, content: str | bytes,
                                        expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    error = raised(load_record, path)
    assert str(error).startswith(f"{path}: {expected}")


def test_load_record_reports_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.json"
    error = raised(load_record, path)
    assert str(error) == f"{path}: cannot read the file: No such file or directory"


# --- JSON Lines -----------------------------------------------------------------------------


def test_iter_records_yields_an_error_in_place_of_a_bad_line() -> None:
    with open(DATA / "bad-line.jsonl", encoding="utf-8") as lines:
        items = list(iter_records(lines))
    assert [type(item).__name__ for item in items] == ["Record", "RecordError", "RecordError",
                                                       "Record"]
    first, bad_json, bad_record, last = items
    assert isinstance(first, Record)
    assert first.candidate == "J-1"
    assert isinstance(bad_json, RecordError)
    assert bad_json.source == f"{DATA / 'bad-line.jsonl'} line 2"
    assert str(bad_json).startswith(f"{DATA / 'bad-line.jsonl'} line 2: not valid JSON: ")
    assert isinstance(bad_record, RecordError)
    # Line 3 is blank: skipped but counted, so the bad record is on line 4.
    assert bad_record.source == f"{DATA / 'bad-line.jsonl'} line 4"
    assert [str(p) for p in bad_record.problems] == ["activities[0].credits: -5 is not positive"]
    assert isinstance(last, Record)
    assert last.candidate == "J-4"
    assert last.as_of is None


def test_iter_records_takes_plain_lines_and_a_source_name() -> None:
    lines = ['{"holdings": [], "as_of": "2024-01-02"}\n', "[]\n"]
    record, error = iter_records(lines, source="<stdin>")
    assert isinstance(record, Record)
    assert record.as_of == date(2024, 1, 2)
    assert isinstance(error, RecordError)
    assert str(error) == "<stdin> line 2: [] is not an object"


def test_iter_records_names_a_file_object_by_its_name() -> None:
    stream = io.StringIO("{}\n[1]\n")
    stream.name = "people.jsonl"  # type: ignore[misc]
    items = list(iter_records(stream))
    assert isinstance(items[1], RecordError)
    assert items[1].source == "people.jsonl line 2"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")) + sorted(EXAMPLES.glob("*.toml")),
                         ids=lambda p: p.name)
def test_every_example_record_loads(path: Path) -> None:
    record = load_record(path)
    assert record.candidate is not None
    assert record.candidate.startswith("C-")
    assert record.as_of is not None


def test_every_line_of_the_examples_jsonl_loads() -> None:
    with open(EXAMPLES / "records.jsonl", encoding="utf-8") as lines:
        items = list(iter_records(lines))
    assert all(isinstance(item, Record) for item in items), items
    assert [item.candidate for item in items if isinstance(item, Record)] == [
        "C-2002", "C-1001", "C-3003", "C-3003b", "C-4004", "C-5005", "C-6006"]


def test_record_from_mapping_does_not_change_its_input() -> None:
    data = good()
    before = copy.deepcopy(data)
    record_from_mapping(data)
    assert data == before
