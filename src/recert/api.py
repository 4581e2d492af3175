"""The public entry point: :func:`evaluate` with the embedded Cisco CE policy as its default.

The core (:func:`recert.core.engine.evaluate`) takes the policy as an argument
and reads no file; this layer above it fills in the policy shipped with recert
(:func:`recert.io.policy_toml.cisco_policy`) when none is given.
"""

from __future__ import annotations

from datetime import date

from recert.core import engine
from recert.core.policy import Policy
from recert.core.record import Record
from recert.core.result import Evaluation
from recert.io.policy_toml import cisco_policy

__all__ = ["evaluate"]


def evaluate(record: Record, *, as_of: date | None = None, policy: Policy | None = None) -> Evaluation:
    """Decide what is active, what expires when, what renewed what, and what is missing.

    A pure function: the same record, date and policy give the same result,
    whatever the order of the record's lists; facts dated after *as_of* are
    ignored (D-ASOF-1).

    Args:
        record: The person's holdings, exam passes and CE activities.
        as_of: The evaluation date; defaults to ``record.as_of``.
        policy: The policy; defaults to the embedded Cisco CE policy
            (:func:`recert.cisco_policy`).

    Returns:
        An :class:`~recert.core.result.Evaluation`: each certification's status,
        term and expiration date (inclusive, R-VAL-1); each activity's
        outcome; the CE pool; what is missing for each active ladder
        certification; and the dated events, each with its rule id.

    Raises:
        RecordTypeError: *record* is not a :class:`~recert.core.record.Record` (a dict is
            read by :func:`recert.record_from_mapping`), or *as_of* is not a
            :class:`datetime.date` (a ``datetime`` or text is refused).
        RecordError: No evaluation date; more holdings, exam passes or activities than
            the loaders read (1,000 / 10,000 / 10,000); or names the policy does not know
            (a certification without ``level``, an exam without ``kind``, an
            unknown category or level), every problem with its path.
    """
    return engine.evaluate(record, as_of=as_of, policy=policy if policy is not None else cisco_policy())
