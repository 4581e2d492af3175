"""The invariants of ``recert.testing`` hold for every embedded fixed-cycle policy (issue 15).

One test function per policy, each with its own ``@given``, so Hypothesis keeps
one example database key per policy: a counter-example found for one policy
is never replayed against another. The number of examples comes from the
active profile (``ci``: 60, ``thorough``: 2000).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

import recert
from recert.testing.invariants import check_all
from recert.testing.strategies import Case, cases

POLICIES = Path(recert.__file__).parent / "io" / "policies"

ISC2 = recert.load_policy(POLICIES / "isc2-cissp.toml")
COMPTIA = recert.load_policy(POLICIES / "comptia.toml")
PMI = recert.load_policy(POLICIES / "pmi-pmp.toml")
ISACA = recert.load_policy(POLICIES / "isaca-cisa.toml")


@given(case=cases(ISC2))
def test_invariants_isc2_cissp(case: Case) -> None:
    check_all(ISC2, case.record, case.as_of)


@given(case=cases(COMPTIA))
def test_invariants_comptia(case: Case) -> None:
    check_all(COMPTIA, case.record, case.as_of)


@given(case=cases(PMI))
def test_invariants_pmi_pmp(case: Case) -> None:
    check_all(PMI, case.record, case.as_of)


@given(case=cases(ISACA))
def test_invariants_isaca_cisa(case: Case) -> None:
    check_all(ISACA, case.record, case.as_of)


def test_the_policies_are_fixed_cycle_policies() -> None:
    for policy in (ISC2, COMPTIA, PMI, ISACA):
        assert policy.program is not None
        assert policy.program.fixed
