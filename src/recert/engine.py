"""The replay: :func:`evaluate` (being written)."""

from __future__ import annotations

from datetime import date

from recert.policy import Policy
from recert.record import Record
from recert.result import Evaluation


def evaluate(record: Record, *, as_of: date | None = None, policy: Policy | None = None) -> Evaluation:
    """Evaluate *record* on *as_of* under *policy* (placeholder until the engine lands)."""
    raise NotImplementedError
