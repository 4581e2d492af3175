"""Property-test your own recert policy: every invariant of recert.testing on random records.

Run it with pytest (recert's plugin picks the Hypothesis profile from
HYPOTHESIS_PROFILE: ``ci``, ``dev`` (default) or ``thorough``)::

    HYPOTHESIS_PROFILE=ci python -m pytest examples/property_test_my_policy.py

Point POLICY_FILE (or the environment variable RECERT_POLICY) at your own policy file.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given

import recert
from recert.testing import invariants
from recert.testing import strategies as rst

POLICY_FILE = Path(os.environ.get("RECERT_POLICY", Path(__file__).parent / "policies" / "acme-ce.toml"))
POLICY = recert.load_policy(POLICY_FILE)

# One test that runs every invariant on records written for the policy.
test_every_invariant = invariants.invariant_test(POLICY)


# The same by hand, to choose the record shapes: here records with more activities
# and no given expiration dates, and only the invariants about credits.
@given(case=rst.cases(POLICY, max_activities=12, given_expirations=False))
def test_credits_never_count_twice(case: rst.Case) -> None:
    invariants.check_all(POLICY, case.record, case.as_of,
                         only=["no_double_counting", "claim_window", "local_monotonicity"])
