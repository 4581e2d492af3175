"""recert.dask: the table adapter on Dask DataFrames, synchronous and on a two-process LocalCluster."""

from __future__ import annotations

import logging
from typing import Any

import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

import recert.dask as rdask  # noqa: E402
from generated import AS_OF, generate  # noqa: E402
from recert import frames as rf  # noqa: E402
from recert.batch import evaluate_many  # noqa: E402


def by_candidate(rows: list[Any]) -> list[Any]:
    """Rows ordered by candidate; within a candidate, the order they came in."""
    return sorted(rows, key=lambda row: row["candidate"])


@pytest.fixture(scope="module")
def generated() -> dict[str, Any]:
    records = list(generate.generate_records(200, seed=8))
    certifications, activities = rf.result_frames(evaluate_many(records, as_of=AS_OF))
    tables = rf.tables_from_records(records)
    return {"dask": [dd.from_pandas(t, npartitions=3) for t in tables],
            "certifications": rf.rows(certifications), "activities": rf.rows(activities)}


def test_recert_dask_uses_the_real_dask_package() -> None:
    assert rdask.dd.__name__ == "dask.dataframe"
    assert rdask.__name__ == "recert.dask"


def test_synchronous_scheduler_gives_the_rows_of_evaluate_many(generated: dict[str, Any]) -> None:
    certifications, activities = rdask.evaluate(*generated["dask"], as_of=AS_OF, npartitions=4)
    assert certifications.npartitions == 4

    with dask.config.set(scheduler="synchronous"):
        got_certifications, got_activities = dask.compute(certifications, activities)

    assert by_candidate(rf.rows(got_certifications)) == generated["certifications"]
    assert by_candidate(rf.rows(got_activities)) == generated["activities"]
    assert list(got_certifications.columns) == list(rf.CERTIFICATION_COLUMNS)


def test_pandas_inputs_are_accepted(generated: dict[str, Any]) -> None:
    holdings = generated["dask"][0].compute()
    certifications, _ = rdask.evaluate(holdings, as_of=AS_OF)
    with dask.config.set(scheduler="synchronous"):
        got = certifications.compute()
    # Without exams and activities, every certification is only held: its term is the record's, or
    # a later held term's cascade (D-CASC-2: R-CASC-1 at its level, R-CASC-2 below).
    assert {row["rule"] for row in rf.rows(got)} <= {"R-VAL-1", "R-DATE-2", "R-CASC-1", "R-CASC-2"}
    assert len(got) == len(holdings)


def test_rejects_other_inputs() -> None:
    with pytest.raises(TypeError, match="list is not a Dask or pandas DataFrame"):
        rdask.evaluate([], as_of=AS_OF)


def test_local_cluster_of_two_processes(generated: dict[str, Any]) -> None:
    distributed = pytest.importorskip("distributed")
    certifications, activities = rdask.evaluate(*generated["dask"], as_of=AS_OF)

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, silence_logs=logging.ERROR,
    ) as cluster, distributed.Client(cluster, timeout="60s") as client:
        futures = client.compute([certifications, activities])
        distributed.wait(futures, timeout=120)  # bounded: raises TimeoutError after 2 minutes
        got_certifications, got_activities = client.gather(futures)

    assert by_candidate(rf.rows(got_certifications)) == generated["certifications"]
    assert by_candidate(rf.rows(got_activities)) == generated["activities"]
