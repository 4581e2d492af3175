"""recert.evaluate_many: results in input order, per-record as_of, worker processes, errors."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from datetime import date

import attrs
import pytest

from generated import AS_OF, generate
from recert import Holding, Record, RecordError, cisco_policy, evaluate
from recert.batch import evaluate_many

CCNA_2022 = Record(holdings=[Holding("CCNA", date(2022, 9, 15))], candidate="ccna")
# A CCNA earned 2022-09-15 expires on 2022-09-15 + 3 years = 2025-09-15 (R-VAL-1).


def counting(records: list[Record], seen: list[int]) -> Iterator[Record]:
    for record in records:
        seen.append(1)
        yield record


def test_results_in_input_order_equal_to_evaluate() -> None:
    records = list(generate.generate_records(120, seed=11))

    results = list(evaluate_many(records, as_of=AS_OF))

    assert [r.candidate for r in results] == [f"C{i:07d}" for i in range(120)]
    assert results == [evaluate(r, as_of=AS_OF) for r in records]


def test_a_record_s_own_as_of_wins_over_the_argument() -> None:
    later = Record(holdings=CCNA_2022.holdings, candidate="later", as_of=date(2025, 9, 16))

    first, second = evaluate_many([CCNA_2022, later], as_of=date(2025, 9, 15))

    # On 2025-09-15, the expiration date itself, the CCNA is still active (R-VAL-1).
    assert first.as_of == date(2025, 9, 15)
    assert first.certification("CCNA").status == "active"
    # The record's own as_of, 2025-09-16, is the day after: expired.
    assert second.as_of == date(2025, 9, 16)
    assert second.certification("CCNA").status == "expired"
    assert second.certification("CCNA").expires_on == date(2025, 9, 15)


def test_is_lazy() -> None:
    seen: list[int] = []
    results = evaluate_many(counting([CCNA_2022] * 5, seen), as_of=AS_OF)
    assert seen == []
    next(results)
    assert len(seen) == 1


def test_worker_processes_give_the_same_results_in_order() -> None:
    records = list(generate.generate_records(90, seed=5))

    in_workers = list(evaluate_many(records, as_of=AS_OF, processes=2, chunksize=7))

    assert in_workers == [evaluate(r, as_of=AS_OF) for r in records]


def test_workers_keep_memory_flat() -> None:
    seen: list[int] = []
    results = evaluate_many(counting([CCNA_2022] * 1000, seen), as_of=AS_OF, processes=2,
                            chunksize=10)
    first = next(results)
    # 2 processes x 2 chunks in flight x 10 records: 40 read before the first result.
    assert len(seen) == 40
    assert first.certification("CCNA").expires_on == date(2025, 9, 15)
    results.close()  # type: ignore[attr-defined]


def test_custom_policy_is_used_in_workers() -> None:
    policy = cisco_policy()
    results = list(evaluate_many([CCNA_2022] * 3, as_of=date(2025, 3, 1), policy=policy,
                                 processes=2, chunksize=1))
    assert [r.certification("CCNA").days_left for r in results] == [198] * 3
    # 2025-03-01 to 2025-09-15: 30 + 30 + 31 + 30 + 31 + 31 + 15 = 198 days.


BAD = Record(holdings=[Holding("CCNZ", date(2022, 9, 15))], candidate="bad")


@pytest.mark.parametrize("processes", [None, 2])
def test_errors_raise_by_default(processes: int | None) -> None:
    with pytest.raises(RecordError, match="CCNZ"):
        list(evaluate_many([CCNA_2022, BAD], as_of=AS_OF, processes=processes))


@pytest.mark.parametrize("processes", [None, 2])
def test_errors_returned_in_place(processes: int | None) -> None:
    results = list(evaluate_many([CCNA_2022, BAD, CCNA_2022], as_of=AS_OF, processes=processes,
                                 errors="return", chunksize=2))

    assert isinstance(results[1], RecordError)
    assert any("CCNZ" in str(p) for p in results[1].problems)
    assert results[0] == results[2] == evaluate(CCNA_2022, as_of=AS_OF)


def test_missing_as_of_is_a_record_error() -> None:
    with pytest.raises(RecordError) as caught:
        list(evaluate_many([CCNA_2022]))
    assert [p.path for p in caught.value.problems] == ["as_of"]


@pytest.mark.parametrize(("options", "message"), [
    ({"processes": -1}, "processes: -1 is negative"),
    ({"chunksize": 0}, "chunksize: 0 is not positive"),
])
def test_bad_arguments(options: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        evaluate_many([CCNA_2022], as_of=AS_OF, **options)  # type: ignore[call-overload]


def test_value_objects_pickle() -> None:
    record = generate.typical_record()
    evaluation = evaluate(record, as_of=AS_OF)
    policy = cisco_policy()

    assert pickle.loads(pickle.dumps(record)) == record
    assert pickle.loads(pickle.dumps(evaluation)) == evaluation
    copy = pickle.loads(pickle.dumps(policy))
    assert copy == policy
    assert copy.certification("ccnp-enterprise") == policy.certification("CCNP Enterprise")


def test_evaluations_of_every_shape_pickle_to_equal_values() -> None:
    # Evaluation pickles as nested plain tuples: every field must come back, including a
    # missing pool, events without uses, several policy versions and a missing candidate.
    records = list(generate.generate_records(200, seed=5))
    evaluations = [evaluate(r, as_of=d, policy=None) for r in records for d in (AS_OF, date(2019, 6, 1))]
    # A CCNA held from 2018-05-01 (pre-2020 version) evaluated on 2021-06-01: both versions used.
    evaluations.append(evaluate(Record(holdings=[Holding("CCNA", date(2018, 5, 1))]), as_of=date(2021, 6, 1)))
    assert any(e.pool is None for e in evaluations)
    assert any(e.pool is not None for e in evaluations)
    assert any(ev.uses is None for e in evaluations for ev in e.events)
    assert any(ev.uses is not None for e in evaluations for ev in e.events)
    assert any(len(e.versions) > 1 for e in evaluations)
    for evaluation in evaluations:
        copy = pickle.loads(pickle.dumps(evaluation))
        assert copy == evaluation
        assert copy.to_dict() == evaluation.to_dict()
    anonymous = attrs.evolve(evaluations[0], candidate=None)
    assert pickle.loads(pickle.dumps(anonymous)) == anonymous
