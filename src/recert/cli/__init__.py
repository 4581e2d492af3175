"""The ``recert`` command line: one module per command, one shared contract.

``recert COMMAND ...`` runs :func:`main`, which builds the parser from the
modules of :data:`COMMAND_MODULES` (``evaluate``, ``offerings``, ``catalog``,
``plan``, ``schema``; one module each under :mod:`recert.cli`), runs the
command's handler and keeps the contract of :mod:`recert.cli._contract`: exit
status 0 when all went well, 1 for findings (or output closed early), 2 for
bad input; bad input is printed on one line of standard error. See
``docs/cli.md``.

Adding a command: write a module with ``register(subparsers) -> None`` that
adds its parser (with an example in its epilog) and sets ``handler`` (a
function taking the parsed arguments and returning the exit status) with
``set_defaults``, then name the module in :data:`COMMAND_MODULES`. Handlers
may raise :class:`~recert.exceptions.RecertError` for bad input.

``python -m recert`` and ``python -m recert.cli`` are the same command.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.metadata
import os
import sys
from collections.abc import Callable, Sequence

from recert.cli._contract import EXIT_BAD_INPUT, EXIT_OUTPUT_CLOSED, print_error
from recert.exceptions import RecertError

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

#: Modules that add commands, each exposing ``register(subparsers) -> None``.
#: Imported when the parser is built, in this order.
COMMAND_MODULES: tuple[str, ...] = (
    "recert.cli.evaluate",
    "recert.cli.offerings",
    "recert.cli.catalog",
    "recert.cli.plan",
    "recert.cli.schema",
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``recert`` command.

    Args:
        argv: The arguments after the program name; default ``sys.argv[1:]``.

    Returns:
        The exit status: 0 when all went well, 2 for bad input (a bad record,
        option or policy; usage errors exit 2 through argparse), 1 for
        findings or when the output was closed before everything was written.
    """
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except RecertError as error:
        print_error(error)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # Whoever read the output is gone (`recert evaluate ... | head`): stop without a
        # traceback, and send what is still buffered nowhere instead of failing again at exit.
        with contextlib.suppress(OSError, ValueError):  # ValueError: no real file behind sys.stdout
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OUTPUT_CLOSED


def _version() -> str:
    try:
        return importlib.metadata.version("recert")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command of :data:`COMMAND_MODULES` registered."""
    parser = argparse.ArgumentParser(
        prog="recert",
        description="Decide certification status, expiration and recertification from a record "
                    "and a recertification policy (Cisco CE embedded).",
        epilog="examples:\n"
               "  recert evaluate my-record.json                 what is active, what is missing\n"
               "  recert evaluate my-record.json --format html > report.html   timelines\n"
               "  recert plan my-record.json --as-of 2025-06-01  the cheapest steps, by date\n"
               "  recert catalog                                 certifications and exam ids\n"
               "run 'recert COMMAND --help' for a command's options",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"recert {_version()}",
                        help="print recert's version and exit")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser
