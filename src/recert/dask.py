"""Evaluate records held in Dask DataFrames: the table adapter, grouped by candidate.

:func:`evaluate` takes the three input tables of :mod:`recert.frames` as Dask
DataFrames (e.g. from ``dd.read_parquet``), brings every candidate's rows into
one partition (a shuffle on ``candidate``), runs
:func:`recert.frames.evaluate_combined` on each partition, and returns the two
result tables as lazy Dask DataFrames. The same code runs on the synchronous
scheduler, a ``LocalCluster`` or a real cluster: the scheduler is whatever
Dask is configured to use when the results are computed.

Dask is an optional dependency (``pip install recert[dask]``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

# Absolute imports: inside recert/dask.py, "dask" is the real Dask package
# (Python 3 has no implicit relative imports).
try:
    import dask.dataframe as dd
    import pandas as pd
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError(
        "recert.dask needs Dask and pandas: pip install 'recert[dask]'"
    ) from error

from recert import frames
from recert.core.policy import Policy

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["evaluate"]

_KINDS = ("holding", "exam", "activity")


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series([], dtype="float64" if name == "credits" else object)
                         for name in columns})


def _as_dask(frame: Any, npartitions: int) -> dd.DataFrame:
    if isinstance(frame, dd.DataFrame):
        return frame
    if isinstance(frame, pd.DataFrame):
        return dd.from_pandas(frame, npartitions=npartitions)
    raise TypeError(f"{type(frame).__name__} is not a Dask or pandas DataFrame")


def _to_long(frame: pd.DataFrame, kind: str, partition_info: dict[str, Any] | None = None
             ) -> pd.DataFrame:
    # Rows are numbered partition number * 2**32 + position: the input order,
    # which the shuffle does not keep and a record's activities report.
    number = partition_info["number"] if partition_info else 0
    return frames.to_long(frame, kind, first=number << 32)


def _long(frame: Any, kind: str, npartitions: int) -> dd.DataFrame:
    columns = frames.INPUT_COLUMNS[kind]
    meta = frames.to_long(_empty(columns), kind)
    return _as_dask(frame, npartitions).map_partitions(_to_long, kind, meta=meta)


def _certifications(frame: pd.DataFrame) -> pd.DataFrame:
    return frames.split_results(frame)[0]


def _activities(frame: pd.DataFrame) -> pd.DataFrame:
    return frames.split_results(frame)[1]


def evaluate(
    holdings: Any,
    exams: Any = None,
    activities: Any = None,
    *,
    as_of: date,
    policy: Policy | None = None,
    npartitions: int | None = None,
) -> tuple[dd.DataFrame, dd.DataFrame]:
    """Evaluate every candidate of three Dask DataFrames, grouped by candidate.

    Args:
        holdings: Holdings table (columns :data:`recert.frames.HOLDING_COLUMNS`),
            a Dask or pandas DataFrame.
        exams: Exams table (:data:`recert.frames.EXAM_COLUMNS`), or ``None``.
        activities: Activities table (:data:`recert.frames.ACTIVITY_COLUMNS`), or ``None``.
        as_of: The evaluation date.
        policy: The policy (default: the embedded Cisco CE policy); it travels
            with the task graph.
        npartitions: Partitions after the shuffle on ``candidate`` (default:
            the largest input's partition count).

    Returns:
        ``(certifications, activities)``: lazy Dask DataFrames with the columns
        of :func:`recert.frames.result_frames`. They share the shuffle and
        the evaluation: compute them together (``dask.compute(c, a)``) to
        evaluate once. Row order across candidates is not defined; within a
        candidate, activities keep the order the shuffle delivers them in.

    Raises:
        TypeError: An input is neither a Dask nor a pandas DataFrame.
        recert.RecordError: When computed, if a row or record is bad (every
            bad row of the partition is listed).
    """
    given = [(frame, kind) for frame, kind in zip((holdings, exams, activities), _KINDS,
                                                  strict=True) if frame is not None]
    counts = [f.npartitions for f, _ in given if isinstance(f, dd.DataFrame)]
    parts = npartitions or max(counts, default=1)
    long = dd.concat([_long(frame, kind, parts) for frame, kind in given])
    grouped = long.shuffle(on="candidate", npartitions=parts)
    meta = frames.evaluate_combined(_long_empty(), as_of=as_of, policy=policy)
    results = grouped.map_partitions(frames.evaluate_combined, as_of=as_of, policy=policy,
                                     meta=meta)
    certifications = results.map_partitions(_certifications, meta=_certifications(meta))
    activity_rows = results.map_partitions(_activities, meta=_activities(meta))
    return certifications, activity_rows


def _long_empty() -> pd.DataFrame:
    return frames.to_long(_empty(frames.HOLDING_COLUMNS), "holding")
