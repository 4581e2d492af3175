"""Test helpers for recert and for policies written for it (public API).

- :mod:`recert.testing.strategies`: Hypothesis strategies for dates, terms,
  holdings, exam passes, activities, whole records consistent with a policy,
  and small random policies.
- :mod:`recert.testing.invariants`: named checks every evaluation must pass,
  each ``(policy, record, as_of) -> None``.
- :mod:`recert.testing.plugin`: the pytest plugin (Hypothesis profiles
  ``ci``, ``dev``, ``thorough`` chosen by ``HYPOTHESIS_PROFILE``).

Hypothesis is needed (``pip install "recert[testing]"``); this package itself
imports nothing heavy, so ``import recert.testing`` is cheap.
"""
