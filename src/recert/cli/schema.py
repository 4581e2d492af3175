"""``recert schema record|result``: print the JSON Schema (2020-12) of a record or of a result.

Registered into ``recert``'s command line by :func:`register`. The schemas are
the data contract for systems that do not run Python (``docs/record-format.md``):
``record`` what ``recert evaluate`` reads from JSON, ``result`` each line that
``recert evaluate --format json`` writes (an evaluation, or the error in its place).

Exit status: 0.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from recert.io.schemas import SCHEMAS, schema_text

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the ``schema`` command to ``recert``.

    Args:
        subparsers: The object ``ArgumentParser.add_subparsers()`` returned.
    """
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of a record or of a result",
        description="Print the JSON Schema (draft 2020-12) of a record (what recert evaluate reads) "
                    "or of a result (each line recert evaluate --format json writes).",
        epilog="examples:\n"
               "  recert schema record > record.schema.json\n"
               "  recert schema result",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("name", choices=SCHEMAS, help="record or result")
    parser.set_defaults(handler=_schema_command)


def _schema_command(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text(args.name))
    return 0
