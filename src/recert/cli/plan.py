"""``recert plan``: the least to do, and by when, to keep every certification of a record.

Registered into ``recert``'s command line by :func:`register`. For each
record it prints the plan of :func:`recert.plan`: the steps (a date,
CE credits or exams with catalog examples, the certifications each keeps),
the pending claims with what changes if they are approved, and the expired
certifications with the exams that earn them again.

* ``--format text`` (default): lines of at most 100 columns.
* ``--format json``: ``Plan.to_dict()``, pretty-printed for one ``.json``
  or ``.toml`` file, one line per record otherwise.

Exit status: 0; 2 when any record is bad (its error is printed in its
place), for a bad option, or for a fixed-cycle policy (``[lifecycle] cycle =
"fixed"``): the planner knows only rolling cycles, so it prints one line on
standard error instead of advice in the wrong unit and for the wrong cycle.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from recert.cli._contract import EXIT_BAD_INPUT, as_of, one_line, policy_or_default, print_error
from recert.core._limits import printable
from recert.core.policy import Policy
from recert.core.record import Record
from recert.exceptions import RecertError, RecordError
from recert.io.records import iter_records, load_record
from recert.planner import plan
from recert.report.text import render_plan

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the ``plan`` command to ``recert``.

    Args:
        subparsers: The object ``ArgumentParser.add_subparsers()`` returned.
            The parser sets ``handler`` to a function taking the parsed
            arguments and returning the exit status.
    """
    parser = subparsers.add_parser(
        "plan",
        help="the cheapest steps, and their dates, that keep every certification of a record",
        description="Plan what to do, and by when, to keep every active certification: the "
                    "fewest exams, then the fewest CE credits, then the fewest steps, then the "
                    "latest dates (or a cost per exam with --credits-per-exam). Rolling-cycle "
                    "policies only (cisco-ce, or a policy file without fixed cycles); under a "
                    "fixed-cycle program (isc2-cissp, comptia, pmi-pmp, isaca-cisa) recert "
                    "evaluate lists the shortfalls and next steps instead.",
        epilog="examples:\n"
               "  recert plan examples/multi-track-late-claim.json\n"
               "  recert plan my-record.toml --as-of 2025-06-01 --format json\n"
               "  recert plan my-record.json --credits-per-exam 40",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "records", nargs="+", metavar="RECORD",
        help="a record file (.json, .toml), a JSON Lines file (.jsonl), or - for JSON Lines on "
             "standard input")
    parser.add_argument(
        "--as-of", metavar="YYYY-MM-DD",
        help="planning date; overrides the records' own as_of (default: a record's own as_of, else today)")
    parser.add_argument(
        "--policy", metavar="ID|PATH",
        help="an embedded policy id (see recert catalog --list; default: cisco-ce) "
             "or a policy TOML/JSON file")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text",
        help="text: steps for a person (default); json: the plan as JSON")
    parser.add_argument(
        "--credits-per-exam", metavar="N", type=_credits,
        help="compare plans by cost, one exam counting as N CE credits (default: fewest exams first)")
    parser.set_defaults(handler=_plan_command)


def _credits(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"{value} is not a number of credits >= 0")
    return value


def _records(paths: list[str], policy: Policy) -> Iterator[tuple[str, Record | RecertError]]:
    for path in paths:
        if path == "-":
            for item in iter_records(sys.stdin, policy=policy, source="<stdin>"):
                yield "<stdin>", item
        elif Path(path).suffix.lower() == ".jsonl":
            try:
                with open(path, encoding="utf-8") as lines:
                    for item in iter_records(lines, policy=policy, source=path):
                        yield path, item
            except (OSError, UnicodeDecodeError) as error:
                yield path, RecordError(f"cannot read the file: {error}", source=path)
        else:
            try:
                yield path, load_record(path, policy=policy)
            except RecordError as error:
                yield path, error


def _plan_command(args: argparse.Namespace) -> int:
    # As for evaluate: --as-of overrides the records' own as_of; without it a record's own, else today.
    given = as_of(args.as_of) if args.as_of is not None else None
    today = as_of(None)
    policy = policy_or_default(args.policy)
    if policy.program is not None and policy.program.fixed:
        print_error(
            f"recert plan supports only rolling-cycle policies; {policy.id} has fixed cycles: "
            f"see the shortfalls and next steps of recert evaluate --policy {policy.id} RECORD"
        )
        return EXIT_BAD_INPUT
    paths: list[str] = args.records
    pretty = len(paths) == 1 and Path(paths[0]).suffix.lower() in (".json", ".toml")
    bad = False
    first = True
    for source, item in _records(paths, policy):
        result: Any
        if isinstance(item, RecertError):
            result = item
        else:
            try:
                result = plan(item, as_of=given or item.as_of or today, policy=policy,
                              credits_per_exam=args.credits_per_exam)
            except RecertError as error:
                result = error
        if isinstance(result, RecertError):
            bad = True
            where = getattr(result, "source", None) or source
            if args.format == "json":
                sys.stdout.write(_json({"error": one_line(str(result)), "source": where}, None))
            else:
                sys.stdout.write(("" if first else "\n") + printable(f"{where}: error") + "\n"
                                 + "".join(f"  {printable(line)}\n" for line in str(result).splitlines()))
        elif args.format == "json":
            sys.stdout.write(_json(result.to_dict(), 2 if pretty else None))
        else:
            # Ids and names come from the record: controls and lone surrogates are escaped.
            lines = render_plan(result, source)
            sys.stdout.write(("" if first else "\n") + "\n".join(printable(line) for line in lines) + "\n")
        first = False
    return 2 if bad else 0


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json(data: Any, indent: int | None) -> str:
    """One JSON document and a newline; ``\\uXXXX`` escapes when the data hold a lone surrogate (not UTF-8)."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    if _SURROGATE.search(text):
        text = json.dumps(data, ensure_ascii=True, indent=indent)
    return text + "\n"

