"""Read vendors' offering catalogs (CSV, JSON Lines, JSON arrays) into :class:`Offering` values.

Shell code: it opens files. CSV and JSON Lines are streamed row by row (memory
stays flat at any size); a JSON array is read whole. A malformed row becomes
an :class:`Entry` carrying an :class:`~recert.exceptions.OfferingError` with
its line number, and reading goes on. Header problems (unknown or missing
columns) stop the catalog: a typo in a column name must not silently change
an answer.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from recert.core._limits import describe
from recert.core.offering import EDITIONS, FORMATS, Offering
from recert.exceptions import OfferingError, Problem

__all__ = ["COLUMNS", "REQUIRED", "Entry", "offering_from_mapping", "read_catalog"]

#: Columns that every row must give.
REQUIRED: tuple[str, ...] = ("item_id", "title", "provider", "authorized_partner", "format",
                             "ce_credits")
#: Every documented column, in the order of the example catalog.
COLUMNS: tuple[str, ...] = (
    "item_id", "title", "provider", "authorized_partner", "format", "labs", "edition",
    "duration_hours", "ce_credits", "learning_credits", "track", "starts_on", "ends_on",
    "ce_catalog_id",
)
_COLUMN_SET = frozenset(COLUMNS)
_REQUIRED_SET = frozenset(REQUIRED)

_FORMAT_ALIASES = {
    "ilt": "instructor_led",
    "vilt": "virtual_instructor_led",
    "virtual_ilt": "virtual_instructor_led",
    "elearning": "e_learning",
    "cisco_live_session": "cisco_live",
    "authoring": "exam_authoring",
    "exam_item_authoring": "exam_authoring",
}
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}


def _key(text: str) -> str:
    return "_".join(text.strip().casefold().replace("-", " ").split())


class _BadValueError(ValueError):
    """A value that does not parse; the message names the value."""


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    raise _BadValueError(f"{describe(value)} is not a string")


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().casefold()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise _BadValueError(f"{describe(value)} is not true or false")


def _amount(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        number: float = value
    elif isinstance(value, str):
        try:
            number = float(value) if any(c in value for c in ".eE") else int(value)
        except ValueError:
            raise _BadValueError(f"{describe(value)} is not a number") from None
    else:
        raise _BadValueError(f"{describe(value)} is not a number")
    if number != number or number < 0:  # NaN or negative
        raise _BadValueError(f"{describe(value)} is not a number >= 0")
    return number


def _hours(value: Any) -> float:
    number = _amount(value)
    if number == 0:
        raise _BadValueError(f"{describe(value)} is not positive")
    return number


def _day(value: Any) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _BadValueError(f"{describe(value)} is not a date (YYYY-MM-DD)")


def _format(value: Any) -> str:
    key = _key(_text(value))
    key = _FORMAT_ALIASES.get(key, key)
    if key not in FORMATS:
        raise _BadValueError(f"{describe(value)} is not a format ({', '.join(FORMATS)})")
    return key


def _edition(value: Any) -> str:
    key = _key(_text(value))
    if key not in EDITIONS:
        raise _BadValueError(f"{describe(value)} is not an edition ({', '.join(EDITIONS)})")
    return key


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "item_id": _text, "title": _text, "provider": _text, "authorized_partner": _flag,
    "format": _format, "labs": _flag, "edition": _edition, "duration_hours": _hours,
    "ce_credits": _amount, "learning_credits": _amount, "track": _text, "starts_on": _day,
    "ends_on": _day, "ce_catalog_id": _text,
}


def offering_from_mapping(row: Mapping[str, Any], *, source: str | None = None) -> Offering:
    """Build an :class:`Offering` from one catalog row.

    Values may be strings (CSV) or JSON values; an empty string or ``null``
    is an absent value. Booleans read ``true``/``false``/``yes``/``no``/``1``/``0``;
    formats read ``instructor-led``, ``virtual instructor-led``,
    ``e-learning``, ``learning path``, ``cisco live``, ``exam authoring``,
    ``other`` (case, dashes and spaces do not matter); editions ``full``,
    ``lite``, ``no labs``.

    Args:
        row: Column name to value.
        source: Where the row is (``"line 7"``), for the error.

    Returns:
        The offering.

    Raises:
        OfferingError: Listing every problem with its column and value
            (unknown column, missing required column, unparsable value).
    """
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for column, raw in row.items():
        parse = _PARSERS.get(column)
        if parse is None:
            problems.append(Problem(column, "unknown column"))
            continue
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        try:
            values[column] = parse(raw)
        except _BadValueError as error:
            problems.append(Problem(column, str(error)))
    if problems or not values.keys() >= _REQUIRED_SET:
        failed = {p.path for p in problems}
        problems += [Problem(column, "is missing") for column in REQUIRED
                     if column not in values and column not in failed]
    if problems:
        raise OfferingError(problems, source=source)
    try:
        return Offering(**values)
    except (TypeError, ValueError) as error:  # invariants of the value object
        raise OfferingError(str(error), source=source) from None


@attrs.frozen
class Entry:
    """One row of a catalog: an offering, or the error that made the row unreadable.

    Attributes:
        source: Where the row is: ``"line 7"`` (CSV, JSON Lines) or ``"[3]"``
            (index in a JSON array).
        line: The line number (1 = first line of the file), or ``None`` in a JSON array.
        item_id: The row's item id, when it has a readable one.
        offering: The offering; ``None`` when the row is malformed.
        error: The problems of a malformed row.
    """

    source: str
    line: int | None
    item_id: str | None
    offering: Offering | None = None
    error: OfferingError | None = None


def _entry(row: Mapping[str, Any], source: str, line: int | None) -> Entry:
    raw_id = row.get("item_id")
    item_id = raw_id.strip() or None if isinstance(raw_id, str) else None
    try:
        return Entry(source, line, item_id, offering_from_mapping(row, source=source))
    except OfferingError as error:
        return Entry(source, line, item_id, error=error)


def catalog_kind(path: Path) -> str:
    """``csv``, ``jsonl`` or ``json`` from the file's suffix.

    Raises:
        OfferingError: Another suffix.
    """
    suffix = path.suffix.casefold()
    kinds = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}
    if suffix not in kinds:
        raise OfferingError(f"cannot tell the catalog's format from {suffix or 'no suffix'!r} "
                            "(expected .csv, .jsonl or .json)", source=str(path))
    return kinds[suffix]


def read_catalog(path: str | Path, kind: str | None = None) -> Iterator[Entry]:
    """Open a catalog and read it row by row.

    The file is opened at once (so an unreadable file fails here); the rows
    are read as the iterator is consumed.

    Args:
        path: The file.
        kind: ``csv``, ``jsonl`` or ``json``; default from the suffix.

    Returns:
        An iterator of one :class:`Entry` per row, in file order (blank
        lines skipped). While iterating it raises :class:`OfferingError`
        when the catalog as a whole is rejected: a CSV header with unknown,
        repeated or missing columns, or a JSON file that is not an array.

    Raises:
        OfferingError: The file cannot be opened, or its format cannot be
            told from its suffix.
    """
    path = Path(path)
    kind = kind or catalog_kind(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise OfferingError(f"cannot read: {error.strerror}", source=str(path)) from None
    return _rows(handle, kind, str(path))


def _rows(handle: Any, kind: str, name: str) -> Iterator[Entry]:
    with handle:
        if kind == "csv":
            yield from _csv_rows(handle, name)
        elif kind == "jsonl":
            yield from _jsonl_rows(handle)
        else:
            yield from _json_rows(handle, name)


def _csv_rows(handle: Any, name: str) -> Iterator[Entry]:
    reader = csv.reader(handle)
    try:
        header = [column.strip() for column in next(reader)]
    except StopIteration:
        raise OfferingError("is empty: expected a header line", source=name) from None
    except csv.Error as error:
        raise OfferingError(f"line 1: {error}", source=name) from None
    problems = [Problem(f"header.{c}", f"unknown column (expected {', '.join(COLUMNS)})")
                for c in header if c not in _COLUMN_SET]
    problems += [Problem(f"header.{c}", "repeated column")
                 for c in sorted({c for c in header if header.count(c) > 1})]
    problems += [Problem(f"header.{c}", "required column is missing")
                 for c in REQUIRED if c not in header]
    if problems:
        raise OfferingError(problems, source=name)
    width = len(header)
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Entry(f"line {line}", line, None, error=OfferingError(str(error),
                                                                        source=f"line {line}"))
            continue
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue
        if len(cells) != width:
            item = cells[0].strip() or None if header[0] == "item_id" else None
            message = f"{len(cells)} fields, but the header has {width}"
            yield Entry(f"line {line}", line, item, error=OfferingError(message,
                                                                        source=f"line {line}"))
            continue
        yield _entry(dict(zip(header, cells, strict=True)), f"line {line}", line)


_TOO_DEEP = "not valid JSON: arrays and objects are nested deeper than the parser follows"


def _jsonl_rows(handle: Any) -> Iterator[Entry]:
    for number, text in enumerate(handle, start=1):
        if not text.strip():
            continue
        source = f"line {number}"
        try:
            row = json.loads(text)
        except ValueError as error:
            yield Entry(source, number, None, error=OfferingError(f"not valid JSON: {error}",
                                                                  source=source))
            continue
        except RecursionError:
            yield Entry(source, number, None, error=OfferingError(_TOO_DEEP, source=source))
            continue
        if not isinstance(row, dict):
            yield Entry(source, number, None, error=OfferingError(
                f"{type(row).__name__} is not a JSON object", source=source))
            continue
        yield _entry(row, source, number)


def _json_rows(handle: Any, name: str) -> Iterator[Entry]:
    try:
        rows = json.load(handle)
    except ValueError as error:
        raise OfferingError(f"not valid JSON: {error}", source=name) from None
    except RecursionError:
        raise OfferingError(_TOO_DEEP, source=name) from None
    if not isinstance(rows, list):
        raise OfferingError(f"{type(rows).__name__} is not a JSON array of offerings", source=name)
    for index, row in enumerate(rows):
        source = f"[{index}]"
        if not isinstance(row, dict):
            yield Entry(source, None, None, error=OfferingError(
                f"{type(row).__name__} is not a JSON object", source=source))
            continue
        yield _entry(row, source, None)
