"""Fuzzing in the suite: mutated records and policies get a result or a typed error (issue 17).

Hypothesis draws a seed; ``tests/fuzz/mutations.py`` mutates an example record
or the embedded Cisco policy from it (drop, duplicate, retype, extreme dates,
huge or non-finite numbers, deep nesting, odd unicode, long strings, renamed
keys). The property: recert returns a result or raises a
:class:`recert.RecertError`, never another exception, and every activity of a
result has exactly one outcome. The ``ci`` profile bounds the examples (1,200
records and 240 policies, about 10 s on two cores); ``thorough`` runs 40,000 and 8,000. The long campaign is
``tests/fuzz/campaign.py``.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.mutations import (
    check_policy_tree,
    check_record,
    check_record_text,
    example_records,
    mutant,
    policy_tree,
    to_json,
)

BASES = example_records()
POLICY = policy_tree()

# Each example runs a whole record (or a whole policy and three records): skip the shrinking
# Hypothesis cannot do on an opaque seed, and say so rather than being surprised by it.
fuzz_settings = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(fuzz_settings, max_examples=settings().max_examples * 20)  # ci 1,200, thorough 40,000
@given(seed=st.integers(0, 2**64 - 1), as_text=st.booleans(), dates_as_objects=st.booleans())
def test_a_mutated_record_gets_a_result_or_a_typed_error(
        seed: int, as_text: bool, dates_as_objects: bool) -> None:
    rng = random.Random(seed)
    tree = mutant(rng.choice(BASES), rng, dates_as_objects=dates_as_objects)
    outcome = check_record_text(to_json(tree, rng)) if as_text else check_record(tree)
    assert outcome in ("result", "error")


@settings(fuzz_settings, max_examples=settings().max_examples * 4)  # ci 240, thorough 8,000
@given(seed=st.integers(0, 2**64 - 1))
def test_a_mutated_policy_gets_a_policy_or_a_typed_error(seed: int) -> None:
    rng = random.Random(seed)
    tree = mutant(POLICY, rng, most=3, dates_as_objects=True)
    assert check_policy_tree(tree, rng.sample(BASES, 2)) in ("result", "error")


@pytest.mark.parametrize("index", range(len(BASES)))
def test_every_example_record_is_a_result_unmutated(index: int) -> None:
    base: Any = BASES[index]
    assert check_record(base) == "result"


def test_the_unmutated_policy_is_a_policy() -> None:
    assert check_policy_tree(POLICY, BASES[:2]) == "result"
