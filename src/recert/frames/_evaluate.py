"""Evaluating tables: results as tables, long and combined forms, batches."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from recert.batch import evaluate_many
from recert.core.policy import Policy
from recert.core.record import Record
from recert.core.result import Evaluation
from recert.exceptions import Problem, RecordError

if TYPE_CHECKING:
    import pandas as pd

from recert.frames._tables import (
    _DTYPES,
    ACTIVITY_COLUMNS,
    ACTIVITY_RESULT_COLUMNS,
    CERTIFICATION_COLUMNS,
    EXAM_COLUMNS,
    HOLDING_COLUMNS,
    INPUT_COLUMNS,
    LONG_COLUMNS,
    LONG_RESULT_COLUMNS,
    _missing,
    _pd,
    records_from_frames,
)


def _certification_rows(evaluation: Evaluation) -> Iterator[dict[str, Any]]:
    for status in evaluation.certifications:
        yield {
            "candidate": evaluation.candidate,
            "certification": status.certification,
            "level": status.level,
            "status": status.status,
            "term_started_on": status.term_started_on,
            "expires_on": status.expires_on,
            "days_left": status.days_left,
            "recertified_on": status.recertified_on,
            "recertified_by": status.recertified_by,
            "retired": status.retired,
            "awaiting": ", ".join(status.awaiting),
            "rule": status.rule,
            "explanation": status.explanation,
        }


def _activity_rows(evaluation: Evaluation) -> Iterator[dict[str, Any]]:
    for outcome in evaluation.activities:
        yield {
            "candidate": evaluation.candidate,
            "id": outcome.id,
            "outcome": outcome.outcome,
            "credits": outcome.credits,
            "counted_toward": outcome.counted_toward,
            "reason": outcome.reason,
            "rule": outcome.rule,
            "explanation": outcome.explanation,
        }


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """A frame with fixed dtypes whatever the rows: object columns, bar :data:`_DTYPES`."""
    pd = _pd()
    data = {
        name: pd.array([row.get(name) for row in rows], dtype=_DTYPES.get(name, object))
        for name in columns
    }
    return pd.DataFrame(data, columns=list(columns))


def result_frames(evaluations: Iterable[Evaluation]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two result tables for these evaluations.

    Args:
        evaluations: Evaluations (e.g. from :func:`recert.evaluate_many`).

    Returns:
        ``(certifications, activities)``: rows in :data:`CERTIFICATION_COLUMNS`
        and :data:`ACTIVITY_RESULT_COLUMNS`, in evaluation order.
    """
    certifications: list[dict[str, Any]] = []
    activities: list[dict[str, Any]] = []
    for evaluation in evaluations:
        certifications.extend(_certification_rows(evaluation))
        activities.extend(_activity_rows(evaluation))
    return _frame(certifications, CERTIFICATION_COLUMNS), _frame(activities, ACTIVITY_RESULT_COLUMNS)


def evaluate_frames(
    holdings: pd.DataFrame,
    exams: pd.DataFrame | None = None,
    activities: pd.DataFrame | None = None,
    *,
    as_of: date,
    policy: Policy | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Evaluate every candidate of the three input tables on *as_of*.

    Args:
        holdings: Holdings table (:data:`HOLDING_COLUMNS`).
        exams: Exams table (:data:`EXAM_COLUMNS`), or ``None``.
        activities: Activities table (:data:`ACTIVITY_COLUMNS`), or ``None``.
        as_of: The evaluation date.
        policy: The policy (default: the embedded Cisco CE policy).

    Returns:
        ``(certifications, activities)`` result tables, candidates in sorted order.

    Raises:
        RecordError: A row or a record cannot be read or evaluated (every bad
            row is listed).
    """
    records = records_from_frames(holdings, exams, activities)
    return result_frames(evaluate_many(records, as_of=as_of, policy=policy))


def combine(
    holdings: pd.DataFrame,
    exams: pd.DataFrame | None = None,
    activities: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The long layout: the rows of the three tables in one, with a ``table`` column.

    Args:
        holdings: Holdings table.
        exams: Exams table, or ``None``.
        activities: Activities table, or ``None``.

    Returns:
        A frame with :data:`LONG_COLUMNS` (``table`` is ``holding``, ``exam`` or
        ``activity``; ``order`` numbers the rows of each table from 0, so that
        each record keeps its rows' order; columns a table lacks are missing
        values), every column of object dtype but ``credits`` (float) and
        ``order`` (int64).
    """
    pd = _pd()
    parts = [to_long(frame, kind) for frame, kind in
             ((holdings, "holding"), (exams, "exam"), (activities, "activity"))
             if frame is not None]  # fmt: skip
    return pd.concat(parts, ignore_index=True)


def to_long(frame: pd.DataFrame, kind: str, first: int = 0) -> pd.DataFrame:
    """One input table in the long layout (:data:`LONG_COLUMNS`), ``table`` set to *kind*.

    Args:
        frame: A holdings, exams or activities table.
        kind: ``holding``, ``exam`` or ``activity``.
        first: The ``order`` of the first row; the rows get ``first``,
            ``first + 1``, ... (a partition's number times ``2**32`` in
            :mod:`recert.dask`), so that a record keeps its rows' input order
            after a shuffle.

    Returns:
        The rows with every long column (missing ones filled with ``None``).
    """
    pd = _pd()
    size = len(frame)
    data: dict[str, Any] = {}
    for name in LONG_COLUMNS:
        if name == "table":
            data[name] = pd.array([kind] * size, dtype=object)
        elif name == "order":
            data[name] = pd.array(range(first, first + size), dtype="int64")
        elif name == "credits":  # a value that is not a number becomes missing
            data[name] = (pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype="float64")
                          if name in frame.columns else pd.array([math.nan] * size, dtype="float64"))
        elif name in frame.columns:
            data[name] = frame[name].to_numpy(dtype=object)
        else:
            data[name] = pd.array([None] * size, dtype=object)
    return pd.DataFrame(data, columns=list(LONG_COLUMNS), index=frame.index)


def _split_input(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    kinds = frame["table"]
    return {kind: frame[kinds == kind] for kind in ("holding", "exam", "activity")}


def evaluate_combined(
    frame: pd.DataFrame, *, as_of: date, policy: Policy | None = None
) -> pd.DataFrame:
    """Evaluate the candidates of a long-layout frame; pure per group of candidate rows.

    Every candidate's rows must all be in *frame* (as after a shuffle or a
    group-by on ``candidate``); then the result rows of those candidates are
    exactly what :func:`evaluate_frames` gives for them. Rows are taken in
    ``order`` (whatever order a shuffle left them in), since a record's
    activities are reported in input order.

    Args:
        frame: Rows in the long layout (:func:`combine`).
        as_of: The evaluation date.
        policy: The policy (default: the embedded Cisco CE policy).

    Returns:
        Rows in :data:`LONG_RESULT_COLUMNS`: for each candidate (sorted), its
        certification rows (``table`` = ``certification``) and activity rows
        (``table`` = ``activity``).

    Raises:
        RecordError: A row or a record cannot be read or evaluated.
    """
    if "order" in frame.columns:
        frame = frame.sort_values("order", kind="stable")
    parts = _split_input(frame)
    records = records_from_frames(
        _as_table(parts["holding"], "holding"), _as_table(parts["exam"], "exam"),
        _as_table(parts["activity"], "activity"),
    )  # fmt: skip
    rows: list[dict[str, Any]] = []
    for evaluation in evaluate_many(records, as_of=as_of, policy=policy):
        for row in _certification_rows(evaluation):
            row["table"] = "certification"
            rows.append(row)
        for row in _activity_rows(evaluation):
            row["table"] = "activity"
            rows.append(row)
    return _frame(rows, LONG_RESULT_COLUMNS)




def _as_table(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    return frame[list(INPUT_COLUMNS[kind])]


def split_results(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two result tables from the long output layout.

    Args:
        frame: Rows in :data:`LONG_RESULT_COLUMNS`.

    Returns:
        ``(certifications, activities)`` with the columns of :func:`result_frames`.
    """
    kinds = frame["table"]
    certifications = frame.loc[kinds == "certification", list(CERTIFICATION_COLUMNS)]
    activities = frame.loc[kinds == "activity", list(ACTIVITY_RESULT_COLUMNS)]
    return certifications.reset_index(drop=True), activities.reset_index(drop=True)


def evaluate_batches(
    batches: Iterable[pd.DataFrame], *, as_of: date, policy: Policy | None = None
) -> Iterator[pd.DataFrame]:
    """Evaluate a stream of long-layout batches whose candidates are contiguous.

    The shape Spark's ``mapInPandas`` calls: an iterator of pandas frames in,
    an iterator out. A candidate's rows may run over several batches, but
    must be contiguous (``repartition("candidate")`` then
    ``sortWithinPartitions("candidate")``); a candidate seen again after
    other candidates is an error rather than a silently split record.

    Args:
        batches: Frames in the long layout (:func:`combine`).
        as_of: The evaluation date.
        policy: The policy (default: the embedded Cisco CE policy).

    Yields:
        Frames in :data:`LONG_RESULT_COLUMNS`, one per batch with complete candidates.

    Raises:
        RecordError: Rows cannot be read or evaluated, or a candidate's rows
            are not contiguous.
    """
    pandas = _pd()
    carried: pd.DataFrame | None = None
    done: set[str] = set()
    for batch in batches:
        if len(batch) == 0:
            continue
        frame = batch if carried is None else pandas.concat([carried, batch], ignore_index=True)
        candidates = frame["candidate"]
        last = candidates.iloc[-1]
        ready = frame[candidates != last]
        carried = frame[candidates == last]
        if len(ready):
            yield _evaluate_once(ready, done, as_of, policy)
    if carried is not None and len(carried):
        yield _evaluate_once(carried, done, as_of, policy)


def _evaluate_once(frame: pd.DataFrame, done: set[str], as_of: date,
                   policy: Policy | None) -> pd.DataFrame:
    candidates = set(frame["candidate"])
    again = sorted(candidates & done)
    if again:
        raise RecordError([Problem(f"candidate {c}", "rows are not contiguous in the batches")
                           for c in again])
    done |= candidates
    return evaluate_combined(frame, as_of=as_of, policy=policy)


def rows(frame: pd.DataFrame) -> list[Mapping[str, Any]]:
    """The rows of a result frame as dicts with missing values as ``None`` (for comparisons).

    Args:
        frame: A result frame.

    Returns:
        One dict per row; ``NaN``, ``NaT`` and ``pd.NA`` become ``None``,
        numpy scalars become Python values.
    """
    out: list[Mapping[str, Any]] = []
    for record in frame.to_dict("records"):
        out.append({key: None if _missing(value) else _plain(value)
                    for key, value in record.items()})
    return out


def _plain(value: object) -> object:
    item = getattr(value, "item", None)
    return item() if callable(item) and not isinstance(value, date) else value


def tables_from_records(
    records: Iterable[Record],
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The three input tables for these records (the inverse of :func:`records_from_frames`).

    Args:
        records: Records with a ``candidate`` id each.

    Returns:
        ``(holdings, exams, activities)`` with every column of
        :data:`HOLDING_COLUMNS`, :data:`EXAM_COLUMNS` and
        :data:`ACTIVITY_COLUMNS`; dates as ``datetime.date``.

    Raises:
        RecordError: A record has no candidate id.
    """
    held: list[dict[str, Any]] = []
    passed: list[dict[str, Any]] = []
    done: list[dict[str, Any]] = []
    missing = []
    for index, record in enumerate(records):
        if record.candidate is None:
            missing.append(Problem(f"records[{index}].candidate", "is missing"))
            continue
        for target, values in ((held, record.holdings), (passed, record.exams),
                               (done, record.activities)):
            target.extend({"candidate": record.candidate, **attrs.asdict(v, recurse=False)}
                          for v in values)
    if missing:
        raise RecordError(missing)
    return (_frame(held, HOLDING_COLUMNS), _frame(passed, EXAM_COLUMNS),
            _frame(done, ACTIVITY_COLUMNS))
