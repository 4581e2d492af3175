"""recert's pytest plugin: its Hypothesis profiles are there when ``--hypothesis-profile`` names them.

Hypothesis' own plugin loads the profile named on the command line while pytest
configures; recert's plugin must have registered ``ci``, ``dev`` and
``thorough`` before that (it once did not, and ``--hypothesis-profile=thorough``
stopped pytest with "Profile 'thorough' is not registered").
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from recert.testing.plugin import PROFILES

PROBE = """
from hypothesis import settings

def test_profile():
    print("max_examples", settings.default.max_examples)
"""


@pytest.mark.parametrize("name", ["ci", "dev", "thorough"])
def test_profile_named_on_the_command_line_is_loaded(name: str, tmp_path: Path) -> None:
    (tmp_path / "test_probe.py").write_text(PROBE)
    args = [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", f"--hypothesis-profile={name}"]
    if "recert.testing.plugin" not in _entry_points():
        args += ["-p", "recert.testing.plugin"]
    done = subprocess.run([*args, "test_probe.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"max_examples {PROFILES[name]['max_examples']}" in done.stdout


def _entry_points() -> set[str]:
    from importlib.metadata import entry_points

    return {ep.value for ep in entry_points(group="pytest11")}
