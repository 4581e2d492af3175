"""recert.frames: three tables in, two out; the long layout; batches as Spark's mapInPandas sends them."""

from __future__ import annotations

import shutil
from datetime import date
from typing import Any

import pytest

pd = pytest.importorskip("pandas")

from generated import AS_OF, generate  # noqa: E402
from recert import RecordError  # noqa: E402
from recert import frames as rf  # noqa: E402
from recert.batch import evaluate_many  # noqa: E402


def by_candidate(rows: list[Any]) -> list[Any]:
    """Rows ordered by candidate; within a candidate, the order they came in."""
    return sorted(rows, key=lambda row: row["candidate"])


@pytest.fixture(scope="module")
def generated() -> dict[str, Any]:
    records = list(generate.generate_records(150, seed=3))
    certifications, activities = rf.result_frames(evaluate_many(records, as_of=AS_OF))
    return {"records": records, "tables": rf.tables_from_records(records),
            "certifications": rf.rows(certifications), "activities": rf.rows(activities)}


def test_tables_give_the_same_rows_as_evaluate_many(generated: dict[str, Any]) -> None:
    certifications, activities = rf.evaluate_frames(*generated["tables"], as_of=AS_OF)

    assert rf.rows(certifications) == generated["certifications"]
    assert rf.rows(activities) == generated["activities"]
    assert list(certifications.columns) == list(rf.CERTIFICATION_COLUMNS)
    assert list(activities.columns) == list(rf.ACTIVITY_RESULT_COLUMNS)


def test_hand_worked_rows() -> None:
    holdings = pd.DataFrame({
        "candidate": ["C-1", "C-2"],
        "certification": ["CCNA", "ccnp-enterprise"],
        "earned_on": [pd.Timestamp("2022-09-15"), "2022-01-10"],  # a timestamp, an ISO string
    })
    activities = pd.DataFrame({
        "candidate": ["C-2"], "id": ["x1"], "credits": [40], "completed_on": ["2023-05-02"],
        "claimed_on": ["2024-05-02"], "status": ["approved"],
    })

    certifications, outcomes = rf.evaluate_frames(holdings, None, activities, as_of=date(2025, 3, 1))
    rows = rf.rows(certifications)

    # CCNA: 2022-09-15 + 3 years = 2025-09-15; from 2025-03-01 that is 198 days away.
    assert rows[0] == rows[0] | {"candidate": "C-1", "certification": "CCNA", "status": "active",
                                 "expires_on": date(2025, 9, 15), "days_left": 198,
                                 "recertified_by": None, "awaiting": ""}
    # CCNP Enterprise: 2022-01-10 + 3 years = 2025-01-10, before 2025-03-01: expired.
    assert rows[1] == rows[1] | {"candidate": "C-2", "certification": "CCNP Enterprise",
                                 "status": "expired", "expires_on": date(2025, 1, 10)}
    # x1 was claimed 2024-05-02, 366 days after completion on 2023-05-02 (2024 is a leap
    # year): one day beyond the 365-day claim window (R-CE-2, D-CLAIM-3).
    (x1,) = rf.rows(outcomes)
    assert x1 == x1 | {"candidate": "C-2", "id": "x1", "outcome": "rejected", "credits": 40,
                       "reason": "claim_window_exceeded", "rule": "R-CE-2"}


def test_every_bad_row_is_reported_with_its_table_row_and_column() -> None:
    holdings = pd.DataFrame({"candidate": ["C-1", "C-1"], "certification": ["CCNA", None],
                             "earned_on": ["2025-02-30", "2022-01-10"]})
    activities = pd.DataFrame({"candidate": ["C-1"], "id": ["a"], "credits": [-5],
                               "completed_on": ["2024-01-01"]})
    exams = pd.DataFrame({"candidate": ["C-1"], "exam": ["200-301"]})

    with pytest.raises(RecordError) as caught:
        rf.records_from_frames(holdings, exams, activities)

    assert [str(p) for p in caught.value.problems] == [
        "holdings[0].earned_on: '2025-02-30' is not a date",
        "holdings[1].certification: is missing",
        "exams: column 'passed_on' is missing",
        "activities[0].credits: -5 is not positive",
    ]


def test_long_layout_is_pure_per_group(generated: dict[str, Any]) -> None:
    long = rf.combine(*generated["tables"])
    assert list(long.columns) == list(rf.LONG_COLUMNS)
    # Two halves of the candidates, rows shuffled: each half gives exactly its own rows.
    candidates = sorted(set(long["candidate"]))
    halves = [long[long["candidate"].isin(candidates[:70])],
              long[long["candidate"].isin(candidates[70:])]]
    results = [rf.evaluate_combined(half.sample(frac=1, random_state=4), as_of=AS_OF)
               for half in halves]

    certifications, activities = rf.split_results(pd.concat(results, ignore_index=True))

    assert by_candidate(rf.rows(certifications)) == generated["certifications"]
    assert by_candidate(rf.rows(activities)) == generated["activities"]


def test_batches_as_map_in_pandas_sends_them(generated: dict[str, Any]) -> None:
    long = rf.combine(*generated["tables"]).sort_values("candidate", kind="stable")
    # Batches of 37 rows split many candidates across two batches.
    batches = [long.iloc[start:start + 37] for start in range(0, len(long), 37)]

    out = pd.concat(list(rf.evaluate_batches(iter(batches), as_of=AS_OF)), ignore_index=True)
    certifications, activities = rf.split_results(out)

    assert rf.rows(certifications) == generated["certifications"]
    assert rf.rows(activities) == generated["activities"]


def test_batches_with_a_candidate_split_apart_are_an_error(generated: dict[str, Any]) -> None:
    long = rf.combine(*generated["tables"])
    first = long[long["candidate"] == "C0000000"]
    other = long[long["candidate"] == "C0000001"]

    with pytest.raises(RecordError, match="candidate C0000000: rows are not contiguous"):
        list(rf.evaluate_batches([first.iloc[:1], other, first.iloc[1:]], as_of=AS_OF))


def test_spark_schema_names_every_long_result_column() -> None:
    names = [field.split()[0] for field in rf.RESULT_SPARK_SCHEMA.split(", ")]
    assert names == list(rf.LONG_RESULT_COLUMNS)
    assert "term_started_on date" in rf.RESULT_SPARK_SCHEMA
    assert "days_left bigint" in rf.RESULT_SPARK_SCHEMA


@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java")
def test_spark_map_in_pandas_recipe(generated: dict[str, Any]) -> None:
    """The docs' Spark recipe (docs/batch.md), when pyspark and Java are installed."""
    pytest.importorskip("pyspark")
    from functools import partial

    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.driver.host", "127.0.0.1").getOrCreate())
    try:
        long = spark.createDataFrame(rf.combine(*generated["tables"]).astype(object)
                                     .where(lambda f: f.notna(), None))
        out = (long.repartition("candidate").sortWithinPartitions("candidate", "order")
               .mapInPandas(partial(rf.evaluate_batches, as_of=AS_OF), rf.RESULT_SPARK_SCHEMA)
               .toPandas())
    finally:
        spark.stop()
    certifications, activities = rf.split_results(out)
    assert by_candidate(rf.rows(certifications)) == generated["certifications"]
    assert by_candidate(rf.rows(activities)) == generated["activities"]
