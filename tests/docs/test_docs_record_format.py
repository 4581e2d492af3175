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
from recert.core.result import EventKind, Outcome, Reason, Status

PAGE = (Path(__file__).resolve().parents[2] / "docs" / "record-format.md").read_text(encoding="utf-8")


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


def _plans() -> list[dict[str, Any]]:
    from recert.planner import plan

    def h(name: str, on: str, **kw: Any) -> Holding:
        return Holding(name, earned_on=date.fromisoformat(on), **kw)

    expired_pending = Record(  # expired unless a pending claim is approved: changes, regain paths
        holdings=[h("CCIE Security", "2021-05-20")],
        activities=[Activity("s1", credits=104, completed_on=date(2023, 4, 12), claimed_on=date(2023, 4, 18),
                             status="approved"),
                    Activity("s2", credits=24, completed_on=date(2024, 5, 2), claimed_on=date(2024, 5, 10))])
    exam_step = Record(holdings=[h("DevNet Associate", "2022-05-18")])  # an exam step with examples
    retired = Record(holdings=[h("CCNA", "2023-06-01", retired_on=date(2025, 1, 1))])  # a remark
    return [plan(expired_pending, as_of=date(2024, 6, 15)).to_dict(),
            plan(exam_step, as_of=date(2025, 3, 1), credits_per_exam=1).to_dict(),
            plan(retired, as_of=date(2025, 3, 1)).to_dict()]


def test_every_plan_field_has_a_row_in_its_section() -> None:
    plans = _plans()
    top = {k for p in plans for k in p}
    steps = [s for p in plans for s in p["steps"]] + [
        s for p in plans for c in p["pending"] for s in c["steps_if_approved"]]
    pending = [c for p in plans for c in p["pending"]]
    regain = [r for p in plans for r in p["regain"]]
    remarks = [r for p in plans for r in p["remarks"]]
    # sanity: every part occurs
    assert steps
    assert pending
    assert regain
    assert remarks
    assert any(s["exams"] for s in steps)
    assert any(c["changes"] for c in pending)
    assert any(r["paths"] for r in regain)
    shared = {"rule", "rules", "explanation"}  # named once, below the tables
    sections = {
        "### Top level": top,
        "#### `steps[]`": {k for s in steps for k in s} - shared,
        "#### `pending[]`": {k for c in pending for k in c} - shared,
        "#### `regain[]`": {k for r in regain for k in r} - shared,
    }
    plan_page = PAGE[PAGE.index("## Plan (output of `recert plan`)"):]
    for heading, keys in sections.items():
        start = plan_page.index(f"\n{heading}\n")
        end = plan_page.find("\n#", start + len(heading) + 2)
        section = plan_page[start:end]
        assert sorted(k for k in keys if f"| `{k}` |" not in section) == [], heading
    # Fields named inside a row's text: exams, changes, paths, remarks.
    inner = ({k for s in steps for e in s["exams"] for k in e}
             | {k for c in pending for ch in c["changes"] for k in ch}
             | {k for r in regain for path in r["paths"] for k in path}
             | {k for r in remarks for k in r})
    assert sorted(k for k in inner if f"`{k}`" not in plan_page) == []
    for key in shared:
        assert f"`{key}`" in plan_page
