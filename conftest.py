"""Run the code examples of the documentation as tests (Sybil).

Every fenced ``python`` block in ``docs/*.md`` and ``README.md`` is executed;
blocks that contain ``>>>`` prompts are checked as doctests, so a printed
value that no longer matches the code fails the test suite. The blocks of one
page share a namespace, in page order. Shell commands are written in
``console`` or ``sh`` blocks, which are not executed.

Examples run from the repository root, so paths such as
``examples/policies/dataguild.toml`` read as they do for a reader of the docs.
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.parsers.markdown import ClearNamespaceParser, PythonCodeBlockParser, SkipParser

ROOT = Path(__file__).parent


@pytest.fixture
def _docs_at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(
            doctest_optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
        ),
        SkipParser(),
        ClearNamespaceParser(),
    ],
    patterns=["*.md"],
    fixtures=["_docs_at_root"],
).pytest()
