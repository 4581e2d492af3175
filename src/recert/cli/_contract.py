"""The contract every ``recert`` command keeps: exit codes, errors, dates, policies and tables.

* Exit codes: :data:`EXIT_OK` (0) when all went well; :data:`EXIT_FINDINGS` (1)
  when the command ran and found something wrong (an offering with an error,
  a malformed catalog row) or its output was closed early; :data:`EXIT_BAD_INPUT`
  (2) for bad input: a bad record, option, policy or file, and usage errors
  (argparse exits 2 itself).
* Errors: a handler raises :class:`~recert.exceptions.RecertError` for bad
  input; :func:`recert.cli.main` prints it with :func:`print_error` (one line
  of standard error, made printable) and exits 2.
* The clock: :func:`as_of` is the only place recert reads today's date.
* Tables: :func:`cells` pads columns to fixed widths (the offerings and catalog
  tables).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO, TypeAlias

from recert.core._limits import printable
from recert.core.policy import Policy
from recert.exceptions import RecertError
from recert.io.embedded import resolve_policy

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_OUTPUT_CLOSED",
    "Subparsers",
    "as_of",
    "cells",
    "one_line",
    "policy_or_default",
    "positive_int",
    "print_error",
]

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_OUTPUT_CLOSED = 1
EXIT_BAD_INPUT = 2

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def one_line(message: str) -> str:
    """A possibly multi-line message on one line, its lines joined by ``"; "``."""
    return "; ".join(line.strip() for line in message.splitlines() if line.strip())


def print_error(error: RecertError | str, *, prefix: str = "recert: error: ", file: IO[str] | None = None) -> None:
    """Print *error* on one printable line of standard error (or *file*)."""
    print(printable(f"{prefix}{one_line(str(error))}"), file=file or sys.stderr)


def as_of(text: str | None) -> date:
    """The ``--as-of`` date; today when not given (the only clock read in recert).

    Raises:
        RecertError: *text* is not a ``YYYY-MM-DD`` date.
    """
    if text is None:
        return date.today()
    try:
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError as error:
        raise RecertError(f"--as-of: {text!r} is not a date: {error}") from None
    raise RecertError(f"--as-of: {text!r} is not a date (YYYY-MM-DD)")


def policy_or_default(path: Path | str | None) -> Policy:
    """The policy of ``--policy ID|PATH`` (an embedded id or a file), else the embedded Cisco CE policy.

    Raises:
        PolicyError: See :func:`recert.io.embedded.resolve_policy`.
    """
    return resolve_policy(path)


def positive_int(text: str) -> int:
    """argparse type for a count such as ``--jobs``: a whole number >= 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return value


def cells(values: Sequence[str], widths: Sequence[int]) -> str:
    """One table row: each value left-aligned in its column's width, the last ones as they are."""
    padded = [v.ljust(w) for v, w in zip(values, widths, strict=False)]
    return " ".join([*padded, *values[len(widths):]]).rstrip()
