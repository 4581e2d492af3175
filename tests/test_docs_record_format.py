"""docs/record-format.md documents every field of the record and of the result.

A field added to a record value object or to a result's ``to_dict()`` without
a row in the page's tables fails here, so the page cannot drift from the code.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, get_args

import attrs
import pytest

import recert
from recert import Activity, ExamPass, Holding, Record
from recert.result import EventKind, Outcome, Reason, Status

PAGE = (Path(__file__).resolve().parents[1] / "docs" / "record-format.md").read_text(encoding="utf-8")


def _documented(field: str) -> bool:
    return f"| `{field}` |" in PAGE


@pytest.mark.parametrize("cls", [Record, Holding, ExamPass, Activity])
def test_every_record_field_has_a_row(cls: type[Any]) -> None:
    missing = [f.name for f in attrs.fields(cls) if not _documented(f.name)]
    assert missing == []


def _rich_result() -> dict[str, Any]:
    # A CCNA below a CCNP: the CCNA's CE option is served by the professional pool
    # (served_by); an exam pass gives a recertification event with `uses`.
    record = Record(
        candidate="C-1",
        holdings=[Holding("CCNA", earned_on=date(2022, 9, 15)),
                  Holding("CCNP Enterprise", earned_on=date(2022, 9, 15))],
        exams=[ExamPass("300-420", passed_on=date(2025, 2, 14))],
        activities=[Activity("c1", credits=40, completed_on=date(2024, 11, 1),
                             claimed_on=date(2024, 11, 20), status="approved")],
    )
    return recert.evaluate(record, as_of=date(2025, 3, 1)).to_dict()


def _section(heading: str) -> str:
    """The page's text from *heading* to the next heading of any level."""
    start = PAGE.index(f"\n{heading}\n")
    end = PAGE.find("\n#", start + len(heading) + 2)
    return PAGE[start:] if end < 0 else PAGE[start:end]


def _keys(data: dict[str, Any]) -> set[str]:
    keys = set(data) - {"policy"}
    keys |= {k for c in data["certifications"] for k in c}
    keys |= {k for a in data["activities"] for k in a}
    keys |= set(data["pool"])
    for step in data["next"]:
        keys |= set(step)
    for event in data["events"]:
        keys |= set(event)
    return keys


def test_every_result_field_has_a_row() -> None:
    data = _rich_result()
    keys = _keys(data)
    # sanity: the conditional keys really occur in this result
    assert {"version", "days_left"} <= keys
    missing = sorted(k for k in keys if not _documented(k))
    assert missing == []
    for key in data["policy"]:
        assert f"`{key}`" in PAGE


def test_every_option_gap_field_has_a_row_in_its_section() -> None:
    data = _rich_result()
    options = [o for step in data["next"] for o in step["options"]]
    keys = {k for o in options for k in o}
    exam_keys = {k for o in options for e in o["exams_missing"] for k in e}
    # sanity: the conditional and nested keys really occur in this result
    assert {"served_by", "credits_missing", "exams_missing", "deadline"} <= keys
    assert {"count", "kinds"} <= exam_keys
    section = _section("#### `next[].options[]`")
    assert sorted(k for k in keys | exam_keys if f"| `{k}` |" not in section) == []


@pytest.mark.parametrize(
    "value", [*get_args(Outcome), *get_args(Reason), *get_args(EventKind), *get_args(Status)]
)
def test_every_enumerated_value_is_named(value: str) -> None:
    assert f"`{value}`" in PAGE
