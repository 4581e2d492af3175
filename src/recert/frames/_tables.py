"""The tables: their columns, their cells as record values, and records from them."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from recert.core.record import Activity, ExamPass, Holding, Record
from recert.exceptions import Problem, RecordError

if TYPE_CHECKING:
    import pandas as pd


#: Columns of the holdings table; the first three are required.
HOLDING_COLUMNS = ("candidate", "certification", "earned_on", "expires_on", "retired_on", "level")
#: Columns of the exams table; the first three are required.
EXAM_COLUMNS = ("candidate", "exam", "passed_on", "kind")
#: Columns of the activities table; the first four are required.
ACTIVITY_COLUMNS = (
    "candidate", "id", "credits", "completed_on",
    "item", "title", "category", "claimed_on", "status", "decided_on",
)  # fmt: skip
#: The input tables' columns by the ``table`` value of the long layout.
INPUT_COLUMNS = {"holding": HOLDING_COLUMNS, "exam": EXAM_COLUMNS, "activity": ACTIVITY_COLUMNS}
_REQUIRED = {"holding": 3, "exam": 3, "activity": 4}
_DATES = {
    "earned_on", "expires_on", "retired_on", "passed_on", "completed_on", "claimed_on", "decided_on"
}  # fmt: skip

#: Columns of the certification results: one row per certification of each record.
CERTIFICATION_COLUMNS = (
    "candidate", "certification", "level", "status", "term_started_on", "expires_on",
    "days_left", "recertified_on", "recertified_by", "retired", "awaiting", "rule", "explanation",
)  # fmt: skip
#: Columns of the activity results: one row per activity of each record, in input order.
ACTIVITY_RESULT_COLUMNS = (
    "candidate", "id", "outcome", "credits", "counted_toward", "reason", "rule", "explanation",
)  # fmt: skip

#: The long input layout (:func:`combine`): ``table`` says which table a row comes from.
LONG_COLUMNS = ("candidate", "table", "order", *dict.fromkeys(
    HOLDING_COLUMNS[1:] + EXAM_COLUMNS[1:] + ACTIVITY_COLUMNS[1:]
))  # fmt: skip
#: The long output layout (:func:`evaluate_combined`): ``table`` is ``certification`` or ``activity``.
LONG_RESULT_COLUMNS = ("candidate", "table", *dict.fromkeys(
    CERTIFICATION_COLUMNS[1:] + ACTIVITY_RESULT_COLUMNS[1:]
))  # fmt: skip

_DTYPES = {"credits": "float64", "days_left": "Int64", "retired": "boolean"}
_DATE_RESULTS = {"term_started_on", "expires_on", "recertified_on"}

#: The long output layout as a Spark DDL schema, for ``mapInPandas``.
RESULT_SPARK_SCHEMA = ", ".join(
    f"{name} "
    + (
        "double" if name == "credits"
        else "bigint" if name == "days_left"
        else "boolean" if name == "retired"
        else "date" if name in _DATE_RESULTS
        else "string"
    )
    for name in LONG_RESULT_COLUMNS
)  # fmt: skip


def _pd() -> Any:
    import pandas

    return pandas


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or _is_na(value)


def _is_na(value: object) -> bool:
    pd = _pd()
    return value is pd.NaT or value is pd.NA


def _date(value: object) -> date:
    if isinstance(value, datetime):  # pandas.Timestamp is a datetime
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value)
    if hasattr(value, "astype"):  # numpy.datetime64
        return _pd().Timestamp(value).date()  # type: ignore[no-any-return]
    raise TypeError(f"{value!r} is not a date")


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(f"{value!r} is not text")


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:
            return float(value)  # type: ignore[arg-type]  # numpy numbers
        except (TypeError, ValueError):
            raise TypeError(f"{value!r} is not a number") from None
    return value


_CONVERT: dict[str, Callable[[object], Any]] = dict.fromkeys(_DATES, _date)
_CONVERT["credits"] = _number


def _rows(frame: pd.DataFrame, columns: Sequence[str], required: int, table: str,
          problems: list[Problem]) -> Iterator[tuple[object, str, dict[str, Any]]]:
    """(index label, candidate, fields) per row; conversion problems go to *problems*."""
    for name in columns[:required]:
        if name not in frame.columns:
            problems.append(Problem(f"{table}", f"column {name!r} is missing"))
    if any(name not in frame.columns for name in columns[:required]):
        return
    present = [name for name in columns if name in frame.columns]
    labels = frame.index.tolist()
    for label, values in zip(labels, frame[present].itertuples(index=False, name=None),
                             strict=True):
        fields: dict[str, Any] = {}
        bad = False
        for name, value in zip(present, values, strict=True):
            if _missing(value):
                if present.index(name) < required:
                    problems.append(Problem(f"{table}[{label}].{name}", "is missing"))
                    bad = True
                continue
            convert = _CONVERT.get(name, _text)
            try:
                fields[name] = convert(value)
            except (TypeError, ValueError) as error:
                message = str(error) if isinstance(error, TypeError) else f"{value!r} is not a date"
                problems.append(Problem(f"{table}[{label}].{name}", message))
                bad = True
        if not bad:
            yield label, fields.pop("candidate"), fields


def _build(kind: type[Any], fields: dict[str, Any], path: str, problems: list[Problem]) -> Any:
    try:
        return kind(**fields)
    except RecordError as error:  # the value object's own checks, each with its field's path
        problems.extend(error.under(path))
    except (TypeError, ValueError) as error:
        problems.append(Problem(path, str(error)))
    return None


def records_from_frames(
    holdings: pd.DataFrame, exams: pd.DataFrame | None = None,
    activities: pd.DataFrame | None = None,
) -> list[Record]:  # fmt: skip
    """One :class:`~recert.Record` per candidate, from the three input tables.

    Args:
        holdings: Holdings table (:data:`HOLDING_COLUMNS`).
        exams: Exams table (:data:`EXAM_COLUMNS`), or ``None`` for none.
        activities: Activities table (:data:`ACTIVITY_COLUMNS`), or ``None``.

    Returns:
        The records, sorted by candidate id; a candidate with rows in any
        table has a record. Each record keeps its rows in table order.

    Raises:
        RecordError: Listing every bad row at once, each with its table,
            index label and column (``activities[12].credits: -5 is not positive``).
    """
    problems: list[Problem] = []
    by_candidate: dict[str, tuple[list[Holding], list[ExamPass], list[Activity]]] = {}
    tables = (
        ("holdings", "holding", holdings, HOLDING_COLUMNS, Holding, 0),
        ("exams", "exam", exams, EXAM_COLUMNS, ExamPass, 1),
        ("activities", "activity", activities, ACTIVITY_COLUMNS, Activity, 2),
    )
    for table, kind, frame, columns, value_type, slot in tables:
        if frame is None:
            continue
        for label, candidate, fields in _rows(frame, columns, _REQUIRED[kind], table, problems):
            value = _build(value_type, fields, f"{table}[{label}]", problems)
            if value is not None:
                by_candidate.setdefault(candidate, ([], [], []))[slot].append(value)
    records = []
    for candidate in sorted(by_candidate):
        held, passed, done = by_candidate[candidate]
        try:
            records.append(Record(holdings=held, exams=passed, activities=done,
                                  candidate=candidate))
        except ValueError as error:
            problems.append(Problem(f"candidate {candidate}", str(error)))
    if problems:
        raise RecordError(problems)
    return records
