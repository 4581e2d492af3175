"""The ``recert`` command line.

``recert evaluate RECORD [RECORD...]`` reads records (``.json``, ``.toml``,
``.jsonl`` files, or ``-`` for JSON Lines on standard input), evaluates each
with :func:`recert.evaluate` and prints a table for a person (``--format
text``, the default) or the JSON result (``--format json``). See
``docs/cli.md``.

Adding a subcommand: write a module with ``register(subparsers) -> None``
that adds its parser and sets ``handler`` (a function taking the parsed
arguments and returning the exit status) with ``set_defaults``, then name the
module in :data:`COMMAND_MODULES`. ``evaluate`` below is registered the same
way. Handlers may raise :class:`~recert.exceptions.RecertError` for bad
input: :func:`main` prints it on one line of standard error and exits 2.

Exit status: 0 when every record was evaluated; 2 when any record was bad,
or for a bad option, an unreadable policy or a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, TypeAlias

from recert.batch import evaluate_many
from recert.engine import evaluate
from recert.exceptions import RecertError, RecordError
from recert.loaders import iter_records, load_record
from recert.policy import Policy
from recert.policy_loader import cisco_policy, load_policy
from recert.record import Record
from recert.requirements import format_credits
from recert.result import Evaluation

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

#: Modules that add subcommands, each exposing ``register(subparsers) -> None``
#: (e.g. ``"recert.offerings_cli"``). Imported when the parser is built.
COMMAND_MODULES: tuple[str, ...] = ("recert.offerings_cli", "recert.catalog_cli")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``recert`` command.

    Args:
        argv: The arguments after the program name; default ``sys.argv[1:]``.

    Returns:
        The exit status: 0 when all went well, 2 for bad input (a bad record,
        option or policy; usage errors exit 2 through argparse).
    """
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except RecertError as error:
        print(f"recert: error: {_one_line(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="recert",
        description="Decide certification status, expiration and recertification from a record "
                    "and a recertification policy (Cisco CE embedded).",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    register(subparsers)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _one_line(message: str) -> str:
    return "; ".join(line.strip() for line in message.splitlines() if line.strip())


# --- recert evaluate ----------------------------------------------------------------------------


def register(subparsers: Subparsers) -> None:
    """Add ``recert evaluate`` to *subparsers*."""
    parser = subparsers.add_parser(
        "evaluate",
        help="evaluate records: status, expiration, what counted, what is missing",
        description="Evaluate each record and print its result. A bad record prints an error in "
                    "its place; the others are still evaluated and the exit status is 2.",
    )
    parser.add_argument(
        "records", nargs="+", metavar="RECORD",
        help="a record file (.json, .toml), a JSON Lines file (.jsonl, one record per line), "
             "or - for JSON Lines on standard input")
    parser.add_argument(
        "--as-of", metavar="YYYY-MM-DD",
        help="evaluation date for records without their own as_of (default: today)")
    parser.add_argument(
        "--policy", metavar="PATH", type=Path,
        help="a policy TOML file (default: the embedded Cisco CE policy)")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text",
        help="text: tables for a person (default); json: the JSON result, one line per record "
             "(pretty-printed when the only RECORD is one .json or .toml file)")
    parser.add_argument(
        "--jobs", metavar="N", type=_positive_int, default=1,
        help="evaluate in N worker processes (recert.evaluate_many): output stays in input "
             "order and memory stays flat; default 1, in this process")
    parser.set_defaults(handler=_evaluate_command)


def _evaluate_command(args: argparse.Namespace) -> int:
    default_as_of = _as_of(args.as_of)
    policy = load_policy(args.policy) if args.policy is not None else cisco_policy()
    paths: list[str] = args.records
    single = len(paths) == 1 and Path(paths[0]).suffix.lower() in (".json", ".toml")
    write = _write_json if args.format == "json" else _write_text
    bad = False
    first = True
    for source, result in _evaluate_all(_read_all(paths, policy, sys.stdin), default_as_of,
                                        policy, args.jobs):
        bad = bad or isinstance(result, RecertError)
        write(sys.stdout, result, source, pretty=single, first=first)
        first = False
    return EXIT_BAD_INPUT if bad else EXIT_OK


def _evaluate_all(pairs: Iterator[tuple[str, Record | RecertError]], default_as_of: date,
                  policy: Policy, jobs: int) -> Iterator[tuple[str, Evaluation | RecertError]]:
    """Each record's result with its source, in order; in *jobs* worker processes when > 1."""
    if jobs <= 1:
        for source, record in pairs:
            yield source, _evaluate_one(record, default_as_of, policy)
        return
    # tee keeps only the records in flight between the two sides: memory stays flat.
    for_sources, for_records = itertools.tee(pairs)
    results = evaluate_many((record for _, record in for_records), as_of=default_as_of,
                            policy=policy, processes=jobs, errors="return")
    yield from zip((source for source, _ in for_sources), results, strict=True)


def _evaluate_one(record: Record | RecertError, default_as_of: date,
                  policy: Policy) -> Evaluation | RecertError:
    """Evaluate on the record's own ``as_of``, else the command's (D-ASOF-1)."""
    if isinstance(record, RecertError):
        return record
    try:
        return evaluate(record, as_of=record.as_of or default_as_of, policy=policy)
    except RecertError as error:  # the engine's own checks of a record
        return error


def _as_of(text: str | None) -> date:
    """The ``--as-of`` date; today when not given (the only clock read in recert)."""
    if text is None:
        return date.today()
    try:
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError as error:
        raise RecertError(f"--as-of: {text!r} is not a date: {error}") from None
    raise RecertError(f"--as-of: {text!r} is not a date (YYYY-MM-DD)")


def _read_all(paths: Iterable[str], policy: Policy,
              stdin: IO[str]) -> Iterator[tuple[str, Record | RecertError]]:
    """Every record of every input, in order, with where it came from."""
    for path in paths:
        if path == "-":
            yield from _with_source(iter_records(stdin, policy=policy, source="<stdin>"), path)
        elif Path(path).suffix.lower() == ".jsonl":
            try:
                with open(path, encoding="utf-8") as lines:
                    yield from _with_source(iter_records(lines, policy=policy, source=path), path)
            except OSError as error:
                yield path, RecordError(f"cannot read the file: {error.strerror}", source=path)
            except UnicodeDecodeError as error:
                yield path, RecordError(f"not UTF-8 text: {error}", source=path)
        else:
            try:
                yield path, load_record(path, policy=policy)
            except RecordError as error:
                yield path, error


def _with_source(items: Iterable[Record | RecordError],
                 name: str) -> Iterator[tuple[str, Record | RecertError]]:
    for item in items:
        yield (item.source or name) if isinstance(item, RecordError) else name, item


# --- output ---------------------------------------------------------------------------------------


def _error_dict(error: RecertError, source: str) -> dict[str, Any]:
    problems = getattr(error, "problems", ())
    message = "; ".join(str(p) for p in problems) if problems else str(error)
    out: dict[str, Any] = {"error": message, "source": getattr(error, "source", None) or source}
    if problems:
        out["problems"] = [{"path": p.path, "message": p.message} for p in problems]
    return out


def _write_json(out: IO[str], item: Evaluation | RecertError, source: str, *,
                pretty: bool, first: bool) -> None:
    data = _error_dict(item, source) if isinstance(item, RecertError) else item.to_dict()
    out.write(json.dumps(data, ensure_ascii=False, indent=2 if pretty else None) + "\n")


def _write_text(out: IO[str], item: Evaluation | RecertError, source: str, *,
                pretty: bool, first: bool) -> None:
    if not first:
        out.write("\n")
    if isinstance(item, RecertError):
        where = getattr(item, "source", None) or source
        problems = getattr(item, "problems", ())
        lines = [str(p) for p in problems] if problems else [str(item)]
        out.write(f"{where}: error\n" + "".join(f"  {line}\n" for line in lines))
        return
    out.write("\n".join(render_text(item, source)) + "\n")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(str(row[i])) for row in (headers, *rows)) for i in range(len(headers))]
    rule = ["-" * width for width in widths]
    lines = []
    for row in (headers, rule, *rows):
        cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def _days(days: int | None, expires_on: date | None, as_of: date) -> str:
    if expires_on is None:
        return "lifetime"
    return str(days if days is not None else (expires_on - as_of).days)


def _labelled(ident: str, text: str) -> str:
    return text if text.startswith(f"{ident}:") else f"{ident}: {text}"


def render_text(result: Evaluation, source: str = "") -> list[str]:
    """The text report of one evaluation, as lines.

    Args:
        result: The evaluation.
        source: Where the record came from, shown in the heading.

    Returns:
        Lines without newlines: the certifications table, the activities
        table (with the reason of every rejection), the CE pool, what is
        missing by when (``next``) and the pending claims that decide a
        status (``awaiting``, R-CE-3).
    """
    policy = dict(result.policy)
    who = result.candidate or "record"
    where = f" ({source})" if source else ""
    lines = [f"{who}{where}: as of {result.as_of.isoformat()}, policy "
             f"{policy.get('id', '?')} {policy.get('version', '')}".rstrip(), ""]

    lines.append("Certifications")
    rows = []
    for c in result.certifications:
        renewed = (f"{c.recertified_on.isoformat()} by {c.recertified_by}"
                   if c.recertified_on is not None else "-")
        status = c.status + (" (retired)" if c.retired else "")
        rows.append([c.certification, c.level, status,
                     c.expires_on.isoformat() if c.expires_on else "never",
                     _days(c.days_left, c.expires_on, result.as_of), renewed])
    lines += _table(["certification", "level", "status", "expires", "days left", "last renewed"],
                    rows) if rows else ["  (none)"]

    lines += ["", "CE activities"]
    if result.activities:
        lines += _table(
            ["id", "credits", "outcome", "toward", "reason"],
            [[a.id, format_credits(a.credits), a.outcome, a.counted_toward or "-", a.reason or ""]
             for a in result.activities])
        notes = [a for a in result.activities if a.outcome in ("rejected", "forfeited", "pending")]
        lines += [f"  {_labelled(a.id, a.explanation)} ({a.rule})" for a in notes]
    else:
        lines.append("  (none)")

    pool = result.pool
    lines += ["", "CE pool: " + (
        f"{format_credits(pool.credits)} credits toward {pool.level} ({pool.certification}), "
        f"term started {pool.term_started_on.isoformat()}" if pool else
        "none (no CE-eligible certification is active)")]

    lines += ["", "What is missing, by when"]
    if not result.next:
        lines.append("  nothing: no active certification to renew")
    days = {c.certification: _days(c.days_left, c.expires_on, result.as_of)
            for c in result.certifications}
    for step in result.next:
        deadline = (f"by {step.deadline.isoformat()} ({days.get(step.certification, '?')} days left)"
                    if step.deadline else "no deadline")
        lines.append(f"  {step.certification}: {deadline}, needs one of:")
        for gap in step.options:
            served = (f" (through the pool of {gap.served_by})"
                      if gap.served_by and gap.served_by not in gap.missing else "")
            # Nothing done yet toward an option: its missing part reads as the option itself.
            todo = gap.missing if gap.missing.startswith(gap.option) else (
                f"{gap.option}: missing {gap.missing or 'nothing'}")
            lines.append(f"    - {todo}{served}")

    waiting = [c for c in result.certifications if c.awaiting]
    if waiting:
        lines += ["", "Waiting for a decision (R-CE-3)"]
        for c in waiting:
            claims = ", ".join(c.awaiting)
            if c.status == "expired":
                expired = f"expired after {c.expires_on.isoformat()}" if c.expires_on else "expired"
                lines.append(f"  {c.certification}: {expired} unless pending claim(s) {claims} "
                             "are approved")
            else:
                lines.append(f"  {c.certification}: its expiration moves if pending claim(s) "
                             f"{claims} are approved")
    return lines


if __name__ == "__main__":
    sys.exit(main())


def _positive_int(text: str) -> int:
    """argparse type for --jobs: a whole number >= 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not at least 1")
    return value
