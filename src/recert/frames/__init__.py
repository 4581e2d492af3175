"""A table adapter: records as three pandas tables in, results as two tables out.

Records arrive as three tables keyed by a candidate id, one row per fact:

- **holdings**: ``candidate``, ``certification``, ``earned_on``, and optionally
  ``expires_on``, ``retired_on``, ``level``;
- **exams**: ``candidate``, ``exam``, ``passed_on``, and optionally ``kind``;
- **activities**: ``candidate``, ``id``, ``credits``, ``completed_on``, and
  optionally ``item``, ``title``, ``category``, ``claimed_on``, ``status``,
  ``decided_on``.

The field names and meanings are those of the record format; one candidate's
rows make one :class:`~recert.Record`. Dates may be ``datetime.date``, pandas
timestamps or ISO strings; a missing value is ``None``, ``NaN`` or ``NaT``.

Results leave as two tables: one row per certification
(:data:`CERTIFICATION_COLUMNS`) and one row per activity
(:data:`ACTIVITY_RESULT_COLUMNS`), each starting with ``candidate``; dates are
``datetime.date`` objects, ``credits`` a float, ``days_left`` a nullable
integer, ``awaiting`` the ids of awaited claims joined by ``", "``.

Every function here is pure per group of candidate rows: given all the rows
of some candidates, it returns exactly their result rows, whatever else is in
other partitions. That is what lets :mod:`recert.dask` and Spark's
``mapInPandas`` run the same functions unchanged on partitions of a large
table. For them there is also a *long* layout: one table holding the rows of
all three input tables with a ``table`` column (``holding``, ``exam``,
``activity``; see :func:`combine`), and one output table with a ``table``
column (``certification``, ``activity``; see :func:`split_results`).

pandas is an optional dependency (``pip install recert[pandas]``); it is
imported when this module is.
"""
from __future__ import annotations

from recert.frames._evaluate import (
    combine,
    evaluate_batches,
    evaluate_combined,
    evaluate_frames,
    result_frames,
    rows,
    split_results,
    tables_from_records,
    to_long,
)
from recert.frames._tables import (
    ACTIVITY_COLUMNS,
    ACTIVITY_RESULT_COLUMNS,
    CERTIFICATION_COLUMNS,
    EXAM_COLUMNS,
    HOLDING_COLUMNS,
    INPUT_COLUMNS,
    LONG_COLUMNS,
    LONG_RESULT_COLUMNS,
    RESULT_SPARK_SCHEMA,
    records_from_frames,
)

__all__ = [
    "ACTIVITY_COLUMNS",
    "ACTIVITY_RESULT_COLUMNS",
    "CERTIFICATION_COLUMNS",
    "EXAM_COLUMNS",
    "HOLDING_COLUMNS",
    "INPUT_COLUMNS",
    "LONG_COLUMNS",
    "LONG_RESULT_COLUMNS",
    "RESULT_SPARK_SCHEMA",
    "combine",
    "evaluate_batches",
    "evaluate_combined",
    "evaluate_frames",
    "records_from_frames",
    "result_frames",
    "rows",
    "split_results",
    "tables_from_records",
    "to_long",
]
