"""Batch evaluation: many records, in order, in this process or in worker processes.

:func:`evaluate_many` is a map of :func:`recert.evaluate` over records. Records
are independent, so the map may run in worker processes: records travel to the
workers in chunks, results come back in input order, and at most a few chunks
per worker are in flight at any time, so memory stays flat however long the
input is. The policy is sent to each worker once, when the worker starts.

This module is part of the shell (it starts processes); nothing in the core
imports it.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from typing import Any, Literal, TypeVar, overload

from recert.api import evaluate
from recert.core.policy import Policy
from recert.core.record import Record
from recert.core.result import Evaluation
from recert.exceptions import Problem, RecertError, RecordError
from recert.io.policy_toml import cisco_policy

__all__ = ["DEFAULT_CHUNKSIZE", "evaluate_many", "parallel_map"]

T = TypeVar("T")
R = TypeVar("R")

#: Records per chunk sent to a worker: large enough that pickling and
#: inter-process hops cost little per record, small enough to keep memory flat.
DEFAULT_CHUNKSIZE = 256

#: Chunks in flight per worker process: one being evaluated, one queued.
_IN_FLIGHT_PER_WORKER = 2

# The policy a worker process uses, set once by the pool's initializer.
_worker_policy: Policy | None = None


@overload
def evaluate_many(
    records: Iterable[Record | RecertError],
    *,
    as_of: date | None = None,
    policy: Policy | None = None,
    processes: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    errors: Literal["raise"] = "raise",
) -> Iterator[Evaluation]: ...


@overload
def evaluate_many(
    records: Iterable[Record | RecertError],
    *,
    as_of: date | None = None,
    policy: Policy | None = None,
    processes: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    errors: Literal["return"],
) -> Iterator[Evaluation | RecertError]: ...


def evaluate_many(
    records: Iterable[Record | RecertError],
    *,
    as_of: date | None = None,
    policy: Policy | None = None,
    processes: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    errors: Literal["raise", "return"] = "raise",
) -> Iterator[Evaluation] | Iterator[Evaluation | RecertError]:
    """Evaluate every record, lazily, yielding the results in input order.

    Each record is evaluated on its own ``as_of`` when it carries one, else
    on *as_of* (as ``recert evaluate --as-of`` does for JSON Lines input).
    Nothing is evaluated until the iterator is advanced; *records* may be a
    generator of any length.

    Args:
        records: The records to evaluate. An item that is already a
            :class:`~recert.RecertError` (a bad line from
            :func:`recert.iter_records`) stands for a record that could not
            be read: it is raised, or yielded in its place with
            ``errors="return"``.
        as_of: The evaluation date for records without their own ``as_of``.
        policy: The policy (default: the embedded Cisco CE policy). It is
            prepared once per process: sent to each worker when it starts.
        processes: Worker processes to evaluate in. ``None``, ``0`` or ``1``
            evaluates in this process, one record per ``next()``; ``N > 1``
            starts N worker processes, which stop when the iterator is
            exhausted or closed.
        chunksize: Records sent to a worker at a time (with ``processes > 1``).
            At most ``2 * processes`` chunks are in flight, so memory does not
            grow with the input.
        errors: ``"raise"`` (default): the first record that cannot be
            evaluated raises its error and ends the iteration.
            ``"return"``: its :class:`~recert.RecertError` is yielded in its
            place and the iteration goes on.

    Yields:
        One :class:`~recert.Evaluation` per record, in input order (or the
        record's :class:`~recert.RecertError` with ``errors="return"``).

    Raises:
        RecordError: A record has no ``as_of`` and none was given, or the
            record cannot be evaluated (with ``errors="raise"``).
        ValueError: *processes* is negative or *chunksize* is not positive.
    """
    if processes is not None and processes < 0:
        raise ValueError(f"processes: {processes} is negative")
    if chunksize < 1:
        raise ValueError(f"chunksize: {chunksize} is not positive")
    if errors not in ("raise", "return"):
        raise ValueError(f"errors: {errors!r} is not 'raise' or 'return'")
    if processes is None or processes <= 1:
        return _evaluate_here(records, as_of, policy or cisco_policy(), errors)
    return _evaluate_in_workers(records, as_of, policy, processes, chunksize, errors)


def _evaluate_one(record: Record | RecertError, as_of: date | None, policy: Policy) -> Evaluation:
    if isinstance(record, RecertError):  # e.g. a bad line from recert.iter_records
        raise record
    on = record.as_of if record.as_of is not None else as_of
    if on is None:
        raise RecordError(
            [Problem("as_of", "the record has no as_of and no evaluation date was given")],
            source=None if record.candidate is None else f"candidate {record.candidate}",
        )
    return evaluate(record, as_of=on, policy=policy)


def _evaluate_here(
    records: Iterable[Record | RecertError],
    as_of: date | None,
    policy: Policy,
    errors: Literal["raise", "return"],
) -> Iterator[Evaluation | RecertError]:
    for record in records:
        try:
            yield _evaluate_one(record, as_of, policy)
        except RecertError as error:
            if errors == "raise":
                raise
            yield error


def _init_worker(policy: Policy | None) -> None:
    global _worker_policy  # one policy per worker process, set once
    _worker_policy = policy if policy is not None else cisco_policy()


def _evaluate_chunk(
    chunk: list[Record | RecertError], as_of: date | None, errors: Literal["raise", "return"]
) -> list[Evaluation | RecertError]:
    policy = _worker_policy if _worker_policy is not None else cisco_policy()
    out: list[Evaluation | RecertError] = []
    for record in chunk:
        try:
            out.append(_evaluate_one(record, as_of, policy))
        except RecertError as error:
            if errors == "raise":
                raise
            out.append(error)
    return out


def _evaluate_in_workers(
    records: Iterable[Record | RecertError],
    as_of: date | None,
    policy: Policy | None,
    processes: int,
    chunksize: int,
    errors: Literal["raise", "return"],
) -> Iterator[Evaluation | RecertError]:
    yield from parallel_map(
        _evaluate_chunk,
        records,
        processes=processes,
        chunksize=chunksize,
        initializer=_init_worker,
        initargs=(policy,),
        extra=(as_of, errors),
    )


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def parallel_map(
    function: Callable[..., list[R]],
    items: Iterable[T],
    *,
    processes: int,
    chunksize: int = DEFAULT_CHUNKSIZE,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    extra: tuple[object, ...] = (),
) -> Iterator[R]:
    """Map *function* over chunks of *items* in worker processes, in order, with flat memory.

    The building block of :func:`evaluate_many` and of the CLI's ``--jobs``:
    ``function(chunk, *extra)`` runs in a worker for each list of up to
    *chunksize* items and returns one result per item. At most
    ``2 * processes`` chunks are in flight; results are yielded in input
    order as soon as the chunk at the head of the line is done.

    Args:
        function: A module-level (picklable) function ``(list[T], *extra) -> list[R]``.
        items: The inputs, consumed lazily.
        processes: Worker processes (at least 1).
        chunksize: Items per chunk.
        initializer: Run once in each worker when it starts (e.g. to prepare a policy).
        initargs: Arguments of *initializer*, pickled once per worker.
        extra: Further arguments passed with every chunk.

    Yields:
        The results, in input order.

    Raises:
        Exception: Whatever *function* raised for a chunk, when that chunk's
            turn comes; the workers are then shut down.
    """
    window = max(1, processes) * _IN_FLIGHT_PER_WORKER
    with ProcessPoolExecutor(
        max_workers=max(1, processes), initializer=initializer, initargs=initargs
    ) as pool:
        pending: deque[Future[list[R]]] = deque()
        try:
            for chunk in _chunks(items, chunksize):
                pending.append(pool.submit(function, chunk, *extra))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _map_chunks(
    function: Callable[..., list[R]],
    chunks: Iterable[T],
    *,
    policy: Policy,
    processes: int,
    extra: tuple[object, ...] = (),
) -> Iterator[R]:
    """``function(chunk, policy, *extra)`` for each chunk, results in input order, with flat memory.

    For work that needs the policy but not :func:`evaluate_many`'s records in
    and evaluations out, e.g. ``recert evaluate --jobs N``, whose workers read,
    evaluate and write whole chunks of JSON Lines. With ``processes <= 1`` each
    chunk is done in this process when its turn comes; otherwise in
    *processes* worker processes (through :func:`parallel_map`, one chunk at a
    time), each given the policy once, when it starts.

    Args:
        function: A module-level function ``(chunk, policy, *extra) -> list[R]``.
        chunks: The chunks, consumed lazily.
        policy: The policy *function* is given.
        processes: Worker processes; ``<= 1`` for none.
        extra: Further arguments passed with every chunk.

    Yields:
        The results of every chunk, in input order.
    """
    if processes <= 1:
        for chunk in chunks:
            yield from function(chunk, policy, *extra)
        return
    yield from parallel_map(_with_worker_policy, chunks, processes=processes, chunksize=1,
                            initializer=_init_worker, initargs=(policy,), extra=(function, *extra))


def _with_worker_policy(chunks: list[T], function: Callable[..., list[R]], *extra: object) -> list[R]:
    policy = _worker_policy if _worker_policy is not None else cisco_policy()
    return [result for chunk in chunks for result in function(chunk, policy, *extra)]
