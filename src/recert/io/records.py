"""Read records from JSON, TOML and JSON Lines into :class:`~recert.core.record.Record`.

This is the shell between files and the pure core. A record is structured
with cattrs (a converter that forbids unknown keys and parses dates), one
list element at a time, so that one bad activity does not hide the problems
of the others. Then the loader checks what only the whole record and the
policy can tell: dates in the wrong order, repeated activity ids, names the
catalog lacks. Every problem found is reported at once in one
:class:`~recert.exceptions.RecordError`, each with its path and the value::

    activities[3].credits: -5 is not positive
    holdings[0].certification: 'CCNP Enterprize' is not in the catalog of cisco-ce
        (did you mean 'CCNP Enterprise'?); give its level if it is not a catalog certification

Dates are ``YYYY-MM-DD``: a JSON string, or in TOML either a string or a
TOML date (``earned_on = 2022-09-15``). Messages quote a string value as it
was written (``'2025-02-30'``) and print a TOML date bare (``2025-02-30``
cannot be a TOML date: the TOML parser refuses it and the error names the
line). A TOML date-time is refused: recert works in whole days (D-DATE-1).
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ForbiddenExtraKeysError

from recert.core._limits import (
    LAST_YEAR,
    MAX_ACTIVITIES,
    MAX_CREDITS,
    MAX_DEPTH,
    MAX_EXAMS,
    MAX_HOLDINGS,
    MAX_TEXT,
    long_texts,
    too_deep,
)
from recert.core.policy import Policy
from recert.core.record import CLAIM_STATUSES, Activity, ClaimStatus, ExamPass, Holding, Record
from recert.exceptions import Problem, RecordError
from recert.io._record_checks import _CHECKS, _UNREADABLE, _describe, _fill_category, _join, too_many_digits
from recert.io.policy_toml import cisco_policy

__all__ = ["iter_records", "load_record", "record_from_mapping"]

_T = TypeVar("_T")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LISTS = {"holdings": Holding, "exams": ExamPass, "activities": Activity}
_MOST = {"holdings": MAX_HOLDINGS, "exams": MAX_EXAMS, "activities": MAX_ACTIVITIES}


# --- structuring: shapes, types and single values -------------------------------------------


def _draft(cls: type[Any], *, leave_out: Iterable[str] = ()) -> type[Any]:
    """A validator-free twin of the attrs class *cls* (same fields, types and defaults).

    cattrs structures into the twin, so every field-level problem of one
    element is collected before the record's own validators, which stop at
    the first problem, ever run. The field list stays defined once, in
    :mod:`recert.core.record`.
    """
    attrs.resolve_types(cls)
    skip = set(leave_out)
    these = {
        a.name: attrs.field(type=a.type, default=a.default)
        for a in attrs.fields(cls)
        if a.init and a.name not in skip
    }
    return attrs.make_class(f"{cls.__name__}Draft", these, frozen=True)


def _structure_date(value: object, _: object) -> date:
    if isinstance(value, datetime):
        raise ValueError(f"{value.isoformat()} is a date-time; give a date (YYYY-MM-DD)")
    if isinstance(value, date):
        day = value
    elif isinstance(value, str) and _ISO_DATE.fullmatch(value):  # JSON's dates, and TOML's as strings
        try:
            day = date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(f"{value!r} is not a date: {error}") from None
    else:
        raise ValueError(f"{_describe(value)} is not a date (YYYY-MM-DD)")
    if day.year > LAST_YEAR:  # Input limits (record-format.md): refused here first, so the error names the file
        raise ValueError(f"{day.isoformat()} is after the year {LAST_YEAR}")
    return day


def _structure_str(value: object, _: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{_describe(value)} is not a string")
    if len(value) > MAX_TEXT:
        raise ValueError(f"{_describe(value)} is longer than {MAX_TEXT} characters")
    if not value.strip():
        raise ValueError(f"{_describe(value)} is empty")
    return value


def _structure_credits(value: object, _: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{_describe(value)} is not a number")
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an integer beyond any float
        raise ValueError(f"{_describe(value)} is too large") from None
    if not finite:
        raise ValueError(f"{value!r} is not a finite number")
    if value <= 0:
        raise ValueError(f"{value!r} is not positive")
    if value > MAX_CREDITS:
        raise ValueError(f"{_describe(value)} is more than {MAX_CREDITS} (the most one activity may carry)")
    return value


def _structure_status(value: object, _: object) -> str:
    if value not in CLAIM_STATUSES:
        raise ValueError(f"{_describe(value)} is not a status (one of {', '.join(CLAIM_STATUSES)})")
    return str(value)


def _structure_names(value: object, _: object) -> tuple[str, ...]:
    """``applies_to``: an array of names (a lone string is not read as its letters)."""
    if not isinstance(value, list | tuple):
        raise ValueError(f"{_describe(value)} is not an array of certification names")
    for i, item in enumerate(value):
        try:
            _structure_str(item, str)
        except ValueError as error:
            raise _ElementError(i, str(error)) from None
    return tuple(value)


class _ElementError(ValueError):
    """A problem of element *index* of an array field (``applies_to[0]``)."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index


def _converter(*, detailed: bool = True) -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    converter.register_structure_hook(date, _structure_date)
    converter.register_structure_hook(str, _structure_str)
    # ``credits`` is the only number of a record: every float is a credit amount.
    converter.register_structure_hook(float, _structure_credits)
    converter.register_structure_hook_func(lambda t: t == ClaimStatus, _structure_status)
    converter.register_structure_hook_func(lambda t: t == tuple[str, ...], _structure_names)
    return converter


_CONVERTER = _converter()
_DRAFTS: dict[type[Any], type[Any]] = {cls: _draft(cls) for cls in _LISTS.values()}
_TOP_DRAFT = _draft(Record, leave_out=_LISTS)
_TOP_FIELDS = (*_LISTS, *(a.name for a in attrs.fields(_TOP_DRAFT)))


def _from_cattrs(error: BaseException, path: str, data: Mapping[str, Any],
                 fields: Iterable[str]) -> list[Problem]:
    """Turn a cattrs error tree into problems with paths and values."""
    if isinstance(error, BaseExceptionGroup):
        out: list[Problem] = []
        for sub in error.exceptions:
            out.extend(_from_cattrs(sub, path, data, fields))
        return out
    notes = [n for n in getattr(error, "__notes__", ()) if isinstance(n, AttributeValidationNote)]
    here = _join(path, notes[0].name) if notes else path
    if isinstance(error, ForbiddenExtraKeysError):
        expected = ", ".join(fields)
        return [
            Problem(_join(path, key), f"unknown field (value {_describe(data[key])}); "
                                      f"expected one of {expected}")
            for key in sorted(error.extra_fields)
        ]
    if isinstance(error, KeyError):
        return [Problem(here, "is missing (required)")]
    if isinstance(error, _ElementError):
        here = f"{here}[{error.index}]"
    return [Problem(here, str(error))]


def _structure(data: Mapping[str, Any], draft: type[Any], path: str,
               problems: list[Problem], fields: Iterable[str] | None = None) -> Any:
    try:
        return _CONVERTER.structure(data, draft)
    except Exception as error:  # cattrs raises a tree of builtin errors
        names = list(fields) if fields is not None else [a.name for a in attrs.fields(draft)]
        problems.extend(_from_cattrs(error, path, data, names))
        return None


# --- checks that need several fields, the whole record or the policy ------------------------


def _partial(data: Mapping[str, Any], draft: type[Any]) -> SimpleNamespace:
    """The fields of *data* that structure on their own.

    A field that is absent takes its default (``None`` when required); one
    that is present but unreadable is :data:`_UNREADABLE`, so that the checks
    can tell "no claim date" from "a claim date that is not a date".
    """
    values: dict[str, Any] = {}
    for field in attrs.fields(draft):
        values[field.name] = None if field.default is attrs.NOTHING else field.default
        if field.name in data:
            try:
                values[field.name] = _CONVERTER.structure(data[field.name], field.type)
            except Exception:  # reported already by the whole-object pass
                values[field.name] = _UNREADABLE
    return SimpleNamespace(**values)


def _elements(data: Mapping[str, Any], key: str, cls: type[_T], policy: Policy,
              problems: list[Problem]) -> list[_T]:
    raw = data.get(key, [])
    if not isinstance(raw, list):
        problems.append(Problem(key, f"{_describe(raw)} is not a list"))
        return []
    out: list[_T] = []
    for index, element in enumerate(raw):
        path = _join(key, index)
        if not isinstance(element, Mapping):
            problems.append(Problem(path, f"{_describe(element)} is not an object"))
            continue
        draft = _structure(element, _DRAFTS[cls], path, problems)
        # The checks across fields run on what could be read, so that a bad
        # credit amount does not hide a claim dated before the completion.
        found = _CHECKS[cls](draft or _partial(element, _DRAFTS[cls]), path, policy)
        problems.extend(found)
        if draft is None or found:
            continue
        try:
            out.append(cls(**attrs.asdict(draft, recurse=False)))
        except RecordError as error:  # a record validator the checks above missed
            problems.extend(error.under(path))
        except (TypeError, ValueError) as error:
            problems.append(Problem(path, str(error)))
    return out


def _duplicate_ids(data: Mapping[str, Any]) -> list[Problem]:
    raw = data.get("activities")
    if not isinstance(raw, list):
        return []
    seen: dict[str, int] = {}
    out: list[Problem] = []
    for index, element in enumerate(raw):
        ident = element.get("id") if isinstance(element, Mapping) else None
        if not isinstance(ident, str):
            continue
        if ident in seen:
            out.append(Problem(f"activities[{index}].id",
                               f"{_describe(ident)} repeats activities[{seen[ident]}].id"))
        else:
            seen[ident] = index
    return out


# --- the fast path: input with no problem ---------------------------------------------------
#
# Most input has no problem, and for it the detailed path above does much more than needed
# (cattrs with detailed validation into drafts, then the record's classes). The fast path lets
# cattrs structure the record's own classes directly, with the same hooks and without detailed
# validation, then runs the same checks. At the first problem of any kind (an exception, or a
# check that finds something) it gives up and the detailed path starts over, so a record with
# problems gets exactly the detailed path's errors. tests/io/test_loaders_fast.py runs the
# malformed inputs through both paths.


_FAST = _converter(detailed=False)


def _fast_record(data: object, policy: Policy) -> Record | None:
    """The record of *data* when it has no problem at all, else ``None`` (then the detailed path runs)."""
    if type(data) is not dict or any(
        type(data.get(key, [])) is not list or len(data.get(key, [])) > _MOST[key] for key in _LISTS
    ):
        return None
    try:
        record = _FAST.structure(data, Record)
    except Exception:  # any problem at all: the detailed path finds and words it
        return None
    for key, cls in _LISTS.items():
        check = _CHECKS[cls]
        if any(check(item, key, policy) for item in getattr(record, key)):
            return None
    return record


# --- public API --------------------------------------------------------------------------------


def record_from_mapping(data: object, *, policy: Policy | None = None,
                        source: str | None = None) -> Record:
    """Build a :class:`~recert.core.record.Record` from parsed JSON or TOML.

    The mapping has the shape of the record format (``docs/record-format.md``):
    ``holdings``, ``exams``, ``activities`` lists and the optional top-level
    ``candidate``, ``as_of`` and ``emeritus_on``. Dates are ISO strings or
    :class:`datetime.date` objects.

    Args:
        data: The parsed document (anything: a non-object is reported).
        policy: The policy whose catalog names, levels, exam kinds and
            categories the record must use; default the embedded Cisco policy.
        source: Where the data came from (a file name, ``"FILE line 3"``),
            carried by the error.

    Returns:
        The record.

    Raises:
        RecordError: Listing every problem, each with its path and value:
            the record is not an object, unknown fields, a missing required
            field, malformed or impossible dates (``2025-02-30``), credits
            that are not a positive number, an unknown claim status, a status
            or decision without a claim date, a claim before the completion or
            a decision before the claim, repeated activity ids, an unknown
            certification without ``level`` (with the closest catalog names),
            an unknown exam without ``kind``, a ``level``, exam ``kind`` or
            activity ``category`` the policy lacks.
    """
    policy = policy or cisco_policy()
    data, missing = _fill_category(data, policy)
    if missing:  # the format's own default would name a category the policy lacks: say what is missing
        try:
            _detailed_record(data, policy, source)
        except RecordError as e:
            missing += [p for p in e.problems if p.path not in {m.path for m in missing}]
        raise RecordError(missing, source=source)
    record = _fast_record(data, policy)
    if record is not None:
        return record
    return _detailed_record(data, policy, source)


def _detailed_record(data: object, policy: Policy, source: str | None) -> Record:
    """:func:`record_from_mapping` the slow way: every problem found, each with its path and value."""
    if not isinstance(data, Mapping):
        raise RecordError([Problem("", f"{_describe(data)} is not an object")], source=source)
    beyond = _beyond_limits(data)
    if beyond:  # nothing else is read: the checks below assume input of a sane size
        raise RecordError(beyond, source=source)
    problems: list[Problem] = []
    top = _structure({k: v for k, v in data.items() if k not in _LISTS}, _TOP_DRAFT, "", problems,
                     fields=_TOP_FIELDS)
    holdings = _elements(data, "holdings", Holding, policy, problems)
    exams = _elements(data, "exams", ExamPass, policy, problems)
    activities = _elements(data, "activities", Activity, policy, problems)
    problems.extend(_duplicate_ids(data))
    if problems or top is None:
        raise RecordError(problems, source=source)
    return Record(tuple(holdings), tuple(exams), tuple(activities), **attrs.asdict(top, recurse=False))


def _beyond_limits(data: Mapping[str, Any]) -> list[Problem]:
    """What in *data* is beyond recert's input limits: nesting, long strings, long lists."""
    out: list[Problem] = []
    deep = too_deep(data)
    if deep is not None:
        out.append(Problem(deep, f"arrays and objects are nested deeper than {MAX_DEPTH} levels"))
    for path, text, is_key in long_texts(data):
        what = "the key " if is_key else ""
        out.append(Problem(path, f"{what}{_describe(text)} is longer than {MAX_TEXT} characters"))
        if len(out) >= 100:
            break
    for key, most in _MOST.items():
        raw = data.get(key)
        if isinstance(raw, list) and len(raw) > most:
            out.append(Problem(key, f"{len(raw)} entries are more than {most}"))
    return out


def _decode(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8-sig")  # a byte order mark (Windows Notepad) is read and dropped
    except UnicodeDecodeError as error:
        raise RecordError(f"not UTF-8 text: {error}", source=source) from None


def load_record(path: str | Path, *, policy: Policy | None = None) -> Record:
    """Read one record from a ``.json`` or ``.toml`` file.

    Args:
        path: The file; its suffix says the format.
        policy: As for :func:`record_from_mapping`; default the embedded Cisco policy.

    Returns:
        The record.

    Raises:
        RecordError: The file cannot be read, has another suffix, is not
            valid JSON or TOML, or the record has problems (all listed, see
            :func:`record_from_mapping`); ``source`` is the path.
    """
    path = Path(path)
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".toml"):
        raise RecordError(f"{_describe(suffix) if suffix else 'no suffix'}: expected a .json, .toml or .jsonl file",
                          source=source)
    try:
        text = _decode(path.read_bytes(), source)
    except OSError as error:
        raise RecordError(f"cannot read the file: {error.strerror}", source=source) from None
    try:
        data = _json(text) if suffix == ".json" else _toml(text)
    except ValueError as error:  # json.JSONDecodeError and tomllib.TOMLDecodeError
        kind = "JSON" if suffix == ".json" else "TOML"
        raise RecordError(f"not valid {kind}: {error}", source=source) from None
    return record_from_mapping(data, policy=policy, source=source)


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            # A repeated key would silently keep the last value (a typo must not change an answer).
            raise ValueError(f"the key {_describe(key)} appears twice in one object")
        seen[key] = value
    return seen


def _json(text: str) -> Any:
    """Parse JSON, refusing an empty text and an object with a repeated key."""
    if not text.strip():
        raise ValueError("the input is empty")
    try:
        return json.loads(text, object_pairs_hook=_no_repeated_keys)
    except RecursionError:
        raise ValueError(_TOO_DEEP) from None
    except ValueError as error:
        raise too_many_digits(error) from None


_TOO_DEEP = f"arrays and objects are nested deeper than the parser follows (recert reads {MAX_DEPTH} levels)"


def _toml(text: str) -> Any:
    """Parse TOML, a nesting too deep for the parser being a ``ValueError`` like any other."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise ValueError(_TOO_DEEP) from None
    except ValueError as error:
        raise too_many_digits(error) from None


def iter_records(lines_or_file: Iterable[str], *, policy: Policy | None = None,
                 source: str | None = None) -> Iterator[Record | RecordError]:
    """Read JSON Lines: one record per line, each a JSON object.

    A bad line does not stop the others: it yields a :class:`RecordError`
    (not raised) in its place, with ``source`` ``"FILE line N"`` (lines count
    from 1). Blank lines are skipped but counted. Each record may carry its
    own ``as_of``.

    Args:
        lines_or_file: Lines of text, e.g. an open text file or ``sys.stdin``.
        policy: As for :func:`record_from_mapping`; default the embedded Cisco policy.
        source: The name used in errors; default the file object's ``name``,
            else ``"<input>"``.

    Yields:
        Per non-blank line, in order, either the :class:`~recert.core.record.Record`
        or the :class:`~recert.exceptions.RecordError` that describes it.
    """
    policy = policy or cisco_policy()
    name = source if source is not None else str(getattr(lines_or_file, "name", "<input>"))
    for number, line in enumerate(lines_or_file, start=1):
        if line.strip():
            yield _read_line(line, f"{name} line {number}", policy)


def _read_line(line: str, where: str, policy: Policy) -> Record | RecordError:
    """The record of one non-blank JSON Lines line, or the error that describes it (source *where*).

    Shared by :func:`iter_records` and the command line's worker processes
    (``recert evaluate --jobs N``), which read lines with their numbers.
    """
    try:
        data = _json(line.strip())
    except ValueError as error:
        return RecordError(f"not valid JSON: {error}", source=where)
    try:
        return record_from_mapping(data, policy=policy, source=where)
    except RecordError as error:
        return error
