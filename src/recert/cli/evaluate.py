"""``recert evaluate RECORD...``: evaluate records and print their results.

Reads records (``.json``, ``.toml``, ``.jsonl`` files, or ``-`` for JSON Lines
on standard input), evaluates each with :func:`recert.evaluate` and prints a
table for a person (``--format text``, the default), the JSON result
(``--format json``) or one HTML page (``--format html``). See ``docs/cli.md``.

Exit status: 0 when every record was evaluated; 2 when any record was bad
(its error is printed in its place), or for a bad option or an unreadable
policy.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any, NamedTuple, TypeAlias

from recert.api import evaluate
from recert.batch import _map_chunks
from recert.cli._contract import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    Subparsers,
    as_of,
    policy_or_default,
    positive_int,
)
from recert.core._limits import printable
from recert.core.policy import Policy
from recert.core.record import Record
from recert.core.result import Evaluation
from recert.exceptions import RecertError, RecordError
from recert.io.records import _read_line, load_record
from recert.planner import Plan, plan
from recert.report.html import page_foot, page_head, render_html_error, render_html_section
from recert.report.text import render_text

__all__ = ["register"]


# --- recert evaluate ----------------------------------------------------------------------------


def register(subparsers: Subparsers) -> None:
    """Add ``recert evaluate`` to *subparsers*."""
    parser = subparsers.add_parser(
        "evaluate",
        help="evaluate records: status, expiration, what counted, what is missing",
        description="Evaluate each record and print its result. A bad record prints an error in "
                    "its place; the others are still evaluated and the exit status is 2.",
        epilog="examples:\n"
               "  recert evaluate examples/multi-track-late-claim.json\n"
               "  recert evaluate my-record.toml --as-of 2025-06-01 --format json\n"
               "  recert evaluate records.jsonl --jobs 2 --format json > results.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "records", nargs="+", metavar="RECORD",
        help="a record file (.json, .toml), a JSON Lines file (.jsonl, one record per line), "
             "or - for JSON Lines on standard input")
    parser.add_argument(
        "--as-of", metavar="YYYY-MM-DD",
        help="evaluation date; overrides the records' own as_of (default: a record's own as_of, else today)")
    parser.add_argument(
        "--policy", metavar="ID|PATH",
        help="an embedded policy id (see recert catalog --list; default: cisco-ce) "
             "or a policy TOML/JSON file")
    parser.add_argument(
        "--format", choices=("text", "json", "html"), default="text",
        help="text: tables for a person (default); json: the JSON result, one line per record "
             "(pretty-printed when the only RECORD is one .json or .toml file); html: one "
             "self-contained page with a timeline per certification")
    parser.add_argument(
        "--jobs", metavar="N", type=positive_int, default=1,
        help="evaluate in N worker processes, each reading, evaluating and writing chunks of "
             "JSON Lines: output stays in input order and memory stays flat; default 1, in this "
             "process")
    parser.set_defaults(handler=_evaluate_command)


def _evaluate_command(args: argparse.Namespace) -> int:
    # --as-of overrides the records' own as_of; without it a record's own, else today.
    dates = (as_of(args.as_of) if args.as_of is not None else None, as_of(None))
    policy = policy_or_default(args.policy)
    paths: list[str] = args.records
    single = len(paths) == 1 and Path(paths[0]).suffix.lower() in (".json", ".toml")
    # One line at a time in this process keeps the output as prompt as the input; worker
    # processes get chunks of lines, so that reading, evaluating and writing all happen there.
    per_chunk = 1 if args.jobs <= 1 else _LINES_PER_CHUNK
    bad = False
    wrote = False
    stdin: IO[str] | IO[bytes] = getattr(sys.stdin, "buffer", sys.stdin)
    if args.format == "html":
        sys.stdout.write(page_head())
    for text, count, failed in _map_chunks(_run_chunk, _tasks(paths, stdin, per_chunk),
                                           policy=policy, processes=args.jobs,
                                           extra=(dates, args.format, single)):
        if not count:
            continue
        if wrote and args.format == "text":
            sys.stdout.write("\n")  # between two records' reports, as _write_text does
        sys.stdout.write(text)
        wrote = True
        bad = bad or failed
    if args.format == "html":
        sys.stdout.write(page_foot())
    return EXIT_BAD_INPUT if bad else EXIT_OK


#: JSON Lines lines per chunk a worker process reads, evaluates and writes (``--jobs N > 1``):
#: large enough that the hops between processes cost little per record, small enough to keep
#: memory flat (at most two chunks per worker are in flight).
_LINES_PER_CHUNK = 256


class _Lines(NamedTuple):
    """Lines of a JSON Lines input: *first* is the number of the first (lines count from 1).

    Lines read from a file are bytes, decoded line by line where they are read
    as records, so that a line that is not UTF-8 is an error in its place.
    """

    name: str  # as errors name the input: "<stdin>" for -
    path: str  # as the command line gave it
    first: int
    lines: list[str | bytes]


class _File(NamedTuple):
    """A ``.json`` or ``.toml`` record file (or a file of another suffix, which is an error)."""

    path: str


class _Failed(NamedTuple):
    """An input that could not be read."""

    path: str
    error: RecertError


_Task: TypeAlias = "_Lines | _File | _Failed"


def _tasks(paths: Iterable[str], stdin: IO[str] | IO[bytes], per_chunk: int) -> Iterator[_Task]:
    """The inputs in order: JSON Lines in chunks of *per_chunk* lines, record files by path."""
    for path in paths:
        if path == "-":
            yield from _chunks_of_lines(stdin, "<stdin>", path, per_chunk)
        elif Path(path).suffix.lower() == ".jsonl":
            try:
                with open(path, "rb") as lines:
                    yield from _chunks_of_lines(lines, path, path, per_chunk)
            except OSError as error:
                yield _Failed(path, RecordError(f"cannot read the file: {error.strerror}", source=path))
        else:
            yield _File(path)


def _chunks_of_lines(
    lines: Iterable[str] | Iterable[bytes], name: str, path: str, size: int
) -> Iterator[_Lines]:
    """The lines in chunks; the lines read before a read error still come first, then the error."""
    chunk: list[Any] = []
    number = 0
    failure: OSError | None = None
    try:
        for number, line in enumerate(lines, start=1):
            chunk.append(line)
            if len(chunk) >= size:
                yield _Lines(name, path, number - len(chunk) + 1, chunk)
                chunk = []
    except OSError as error:
        failure = error
    if chunk:
        yield _Lines(name, path, number - len(chunk) + 1, chunk)
    if failure is not None:
        raise failure


def _read_task(task: _Task, policy: Policy) -> Iterator[tuple[str, Record | RecertError, str]]:
    """The records of one task (or their errors), each with its source and where exactly it came from.

    The source is what a report is headed with (the file); where exactly is what an
    error is headed with (``FILE line N`` for JSON Lines).
    """
    if isinstance(task, _Lines):
        for offset, line in enumerate(task.lines):
            if not line.strip():
                continue
            where = f"{task.name} line {task.first + offset}"
            item: Record | RecordError
            try:
                text = line.decode("utf-8-sig") if isinstance(line, bytes) else line.removeprefix("\ufeff")
            except UnicodeDecodeError as error:
                item = RecordError(f"not UTF-8 text: {error}", source=where)
            else:
                try:
                    item = _read_line(text, where, policy)
                except Exception as error:  # a bug: this record fails, the others go on
                    item = _unexpected(error, where)
            yield (item.source or task.path) if isinstance(item, RecordError) else task.path, item, where
    elif isinstance(task, _File):
        try:
            yield task.path, load_record(task.path, policy=policy), task.path
        except RecordError as error:
            yield task.path, error, task.path
        except Exception as error:  # a bug: this record fails, the others go on
            yield task.path, _unexpected(error, task.path), task.path
    else:
        yield task.path, task.error, task.path


def _run_chunk(task: _Task, policy: Policy, dates: tuple[date | None, date], form: str,
               pretty: bool) -> list[tuple[str, int, bool]]:
    """Read, evaluate and write one task (in a worker process with ``--jobs N > 1``).

    Returns:
        One ``(output, records, any_bad)``: the output of the task's records
        as the command prints it (text reports separated by a blank line),
        how many records it holds, and whether any of them is an error.
    """
    out = io.StringIO()
    count = 0
    bad = False
    for source, record, where in _read_task(task, policy):
        result = _evaluate_one(record, dates, policy, where)
        bad = bad or isinstance(result, RecertError)
        one = io.StringIO()
        try:
            _write_result(one, result, record, source, form, policy, pretty=pretty, first=count == 0)
        except Exception as error:  # a bug in writing one result: it fails, the others go on
            one = io.StringIO()
            _write_result(one, _unexpected(error, where), record, source, form, policy,
                          pretty=pretty, first=count == 0)
            bad = True
        out.write(one.getvalue())
        count += 1
    return [(out.getvalue(), count, bad)]


def _write_result(out: IO[str], result: Evaluation | RecertError, record: Record | RecertError,
                  source: str, form: str, policy: Policy, *, pretty: bool, first: bool) -> None:
    """Write one record's result (or error) in *form*: json, text or html."""
    if form == "json":
        _write_json(out, result, source, pretty=pretty, first=first)
    elif isinstance(result, RecertError) or isinstance(record, RecertError):
        _write_text(out, result, source, pretty=pretty, first=first, html=form == "html")
    else:
        # The person's report says what to do next: the record's plan on the same date.
        # The planner knows rolling cycles only: a fixed-cycle report lists each option's gap instead.
        fixed = policy is not None and policy.program is not None and policy.program.fixed
        try:
            steps = None if fixed else plan(record, as_of=result.as_of, policy=policy, evaluation=result)
        except RecordError:  # over the plan's budget (docs/record-format.md): the result without a plan
            steps = None
        if form == "html":  # ids and names come from the record: a lone surrogate is escaped
            out.write(_no_surrogates(render_html_section(result, source, steps, record)))
        else:
            _write_text(out, result, source, pretty=pretty, first=first, steps=steps)


def _unexpected(error: Exception, where: str) -> RecordError:
    """A record that made recert fail in a way it did not foresee (a bug), as an error in its place."""
    return RecordError(
        f"recert failed on this record ({type(error).__name__}: {error}); this is a bug in recert, "
        "please report it with the record",
        source=where,
    )


def _evaluate_one(record: Record | RecertError, dates: tuple[date | None, date],
                  policy: Policy, where: str) -> Evaluation | RecertError:
    """Evaluate on ``--as-of`` when given, else the record's own ``as_of``, else today.

    *dates* is (the ``--as-of`` date or ``None``, today); *where* names the record in an
    unexpected failure.
    """
    if isinstance(record, RecertError):
        return record
    given, today = dates
    try:
        return evaluate(record, as_of=given or record.as_of or today, policy=policy)
    except RecertError as error:  # the engine's own checks of a record
        return error
    except Exception as error:  # a bug: this record fails, the others go on
        return _unexpected(error, where)


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
    text = (_PRETTY if pretty else _COMPACT).encode(data)
    if _SURROGATE.search(text):  # not UTF-8: write \uXXXX escapes instead of failing
        text = json.dumps(data, ensure_ascii=True, indent=2 if pretty else None)
    out.write(text + "\n")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    """*text* with each lone surrogate (valid in JSON, not UTF-8) written as its ``\\uXXXX`` escape."""
    if _SURROGATE.search(text):
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


# What json.dumps(data, ensure_ascii=False, indent=2 if pretty else None) writes, made once. The
# data are fresh trees of dicts and lists (to_dict, _error_dict), never circular: not checking
# saves about a sixth of the encoding time.
_COMPACT = json.JSONEncoder(ensure_ascii=False, check_circular=False)
_PRETTY = json.JSONEncoder(ensure_ascii=False, indent=2, check_circular=False)


def _write_text(out: IO[str], item: Evaluation | RecertError, source: str, *,
                pretty: bool, first: bool, steps: Plan | None = None, html: bool = False) -> None:
    if not first and not html:
        out.write("\n")
    if isinstance(item, RecertError):
        where = getattr(item, "source", None) or source
        problems = getattr(item, "problems", ())
        lines = [str(p) for p in problems] if problems else [str(item)]
        if html:
            out.write(_no_surrogates(render_html_error(where, lines)))
            return
        out.write(printable(f"{where}: error") + "\n"
                  + "".join(f"  {printable(line)}\n" for line in lines))
        return
    # Every line is made safe as a whole: ids, names and notes come from the record.
    out.write("\n".join(printable(line) for line in render_text(item, source, steps)) + "\n")
