"""Shared test set-up: the helpers' folder on ``sys.path``, and recert's pytest plugin (Hypothesis profiles) when it is not installed.

An installed recert (``pip install -e .``) loads ``recert.testing.plugin``
through its ``pytest11`` entry point; running from a checkout with
``PYTHONPATH=src`` does not, so the plugin is named here. Naming it in both
ways would register it twice, which pytest refuses.
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

# Tests live in folders by layer (core, io, cli, features, integrations, docs, testing); the
# shared helpers beside this file (oracle.py, builders.py) are imported by module name.
sys.path.insert(0, str(Path(__file__).parent))

_INSTALLED = any(ep.value == "recert.testing.plugin" for ep in entry_points(group="pytest11"))

pytest_plugins = [] if _INSTALLED else ["recert.testing.plugin"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under the mutation run (mutmut sets ``MUTANT_UNDER_TEST``), leave out Hypothesis searches.

    A mutant must be caught by a test of real values, not by a property search
    (docs/testing.md, "Mutation score"); modules that mix both (for instance
    ``tests/programs/test_fixed_awaiting.py``) keep only their hand-worked tests there.
    An ordinary pytest run is not changed.
    """
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    searches = [item for item in items if getattr(getattr(item, "obj", None), "is_hypothesis_test", False)]
    if searches:
        config.hook.pytest_deselected(items=searches)
        items[:] = [item for item in items if item not in searches]
