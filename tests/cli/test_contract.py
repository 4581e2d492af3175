"""The command line's shared contract: --version, both ``python -m`` forms, an example in every --help."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest

from recert.cli import COMMAND_MODULES, build_parser, main


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"recert {version('recert')}\n"


@pytest.mark.parametrize("module", ["recert", "recert.cli"])
def test_python_dash_m_runs_the_command(module: str) -> None:
    run = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("usage: recert")


def test_every_command_shows_an_example_in_its_help() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) == {"evaluate", "offerings", "catalog", "plan", "schema"}
    assert len(COMMAND_MODULES) == len(commands)
    for name, command in commands.items():
        assert "recert " + name in (command.epilog or ""), name
