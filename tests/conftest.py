"""Shared test set-up: the helpers' folder on ``sys.path``, and recert's pytest plugin (Hypothesis profiles) when it is not installed.

An installed recert (``pip install -e .``) loads ``recert.testing.plugin``
through its ``pytest11`` entry point; running from a checkout with
``PYTHONPATH=src`` does not, so the plugin is named here. Naming it in both
ways would register it twice, which pytest refuses.
"""

from __future__ import annotations

import sys
from importlib.metadata import entry_points
from pathlib import Path

# Tests live in folders by layer (core, io, cli, features, integrations, docs, testing); the
# shared helpers beside this file (oracle.py, builders.py) are imported by module name.
sys.path.insert(0, str(Path(__file__).parent))

_INSTALLED = any(ep.value == "recert.testing.plugin" for ep in entry_points(group="pytest11"))

pytest_plugins = [] if _INSTALLED else ["recert.testing.plugin"]
