"""recert's pytest plugin: Hypothesis profiles and a fixture for policy authors.

Registered through the ``pytest11`` entry point, so installing recert is
enough. It imports nothing heavy at import time and does nothing when
Hypothesis is not installed.

Profiles (chosen by the ``HYPOTHESIS_PROFILE`` environment variable, unless
``--hypothesis-profile`` is given; default ``dev``):

- ``ci``: 60 examples per test, no deadline, derandomized (the same examples
  on every run), so CI is bounded and reproducible.
- ``dev``: 100 examples, no deadline.
- ``thorough``: 2000 examples, no deadline, for a run before a release or
  after changing a policy.

Fixtures:

- ``recert_policy``: the embedded Cisco policy; override it in your
  ``conftest.py`` to return your own (``recert.load_policy("my.toml")``).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from recert.core.policy import Policy

#: Profile name -> Hypothesis settings (keyword arguments of ``settings``).
PROFILES: dict[str, dict[str, Any]] = {
    "ci": {"max_examples": 60, "deadline": None, "derandomize": True, "print_blob": True},
    "dev": {"max_examples": 100, "deadline": None},
    "thorough": {"max_examples": 2000, "deadline": None},
}
ENV = "HYPOTHESIS_PROFILE"


def register_profiles() -> bool:
    """Register the ``ci``, ``dev`` and ``thorough`` profiles with Hypothesis.

    Returns:
        False when Hypothesis is not installed (nothing registered).
    """
    try:
        from hypothesis import HealthCheck, settings
    except ImportError:
        return False
    for name, options in PROFILES.items():
        settings.register_profile(
            name, suppress_health_check=[HealthCheck.too_slow], **options
        )
    return True


@pytest.hookimpl(tryfirst=True)  # before Hypothesis' own plugin loads --hypothesis-profile
def pytest_configure(config: pytest.Config) -> None:
    """Register the profiles and load the one ``HYPOTHESIS_PROFILE`` names (default ``dev``).

    Raises:
        pytest.UsageError: ``HYPOTHESIS_PROFILE`` names no registered profile
            (a typo would otherwise run another profile without a word).
    """
    if not register_profiles():
        return
    from hypothesis import settings
    from hypothesis.errors import InvalidArgument

    if config.getoption("hypothesis_profile", default=None):
        return  # Hypothesis' own command-line option wins.
    name = os.environ.get(ENV) or "dev"
    try:
        settings.load_profile(name)
    except InvalidArgument:
        raise pytest.UsageError(
            f"{ENV}={name!r} is not a Hypothesis profile (recert registers {', '.join(PROFILES)})"
        ) from None


def pytest_report_header(config: pytest.Config) -> str | None:
    """Say which Hypothesis profile recert's plugin chose."""
    name = config.getoption("hypothesis_profile", default=None) or os.environ.get(ENV) or "dev"
    return f"recert: hypothesis profile {name!r} ({ENV})"


@pytest.fixture(scope="session")
def recert_policy() -> Policy:
    """The policy the invariant tests run on: the embedded Cisco policy unless overridden."""
    from recert.io.policy_toml import cisco_policy

    return cisco_policy()
