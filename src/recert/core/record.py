"""Record value objects: one person's holdings, exam passes and CE activities.

Records are plain, immutable data. Field names follow the record format of
the spec (``docs/record-format.md``). Validators check what a single field or
a single object can check (credits are positive, a claim is not made before
completion); the loaders in :mod:`recert.io.records` check the rest (names
against the catalog) and report every problem with its path.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Literal, TypeVar

import attrs

from recert.core._limits import MAX_CREDITS, describe
from recert.exceptions import Problem, RecordError, RecordTypeError

__all__ = ["Activity", "ClaimStatus", "ExamPass", "Holding", "Record"]

_T = TypeVar("_T")

ClaimStatus = Literal["pending", "approved", "rejected", "audit"]
CLAIM_STATUSES: tuple[str, ...] = ("pending", "approved", "rejected", "audit")


def _positive(_: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    """Credits are a finite positive number of at most ``MAX_CREDITS`` (sums of them stay finite)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RecordError([Problem(attribute.name, f"{describe(value)} is not a number")])
    if isinstance(value, int) and value > MAX_CREDITS:  # also one too large for a float
        raise RecordError([Problem(attribute.name,
                                   f"{describe(value)} is more than {MAX_CREDITS} (the most one "
                                   "activity may carry)")])
    if not math.isfinite(value):
        raise RecordError([Problem(attribute.name, f"{describe(value)} is not a finite number")])
    if not value > 0:
        raise RecordError([Problem(attribute.name, f"{describe(value)} is not positive")])
    if value > MAX_CREDITS:
        raise RecordError([Problem(attribute.name,
                                   f"{describe(value)} is more than {MAX_CREDITS} (the most one "
                                   "activity may carry)")])


def _problem(path: str, message: str) -> RecordError:
    """The error of one field of a value object: its path inside the object, and what is wrong."""
    return RecordError([Problem(path, message)])


def _a_date(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, date) or type(value) is not date):
        raise RecordTypeError([Problem(attribute.name, f"{value!r} is not a datetime.date")])


def _a_text(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """A name or an id is a ``str`` (an integer id would never match the loader's string ids)."""
    if not isinstance(value, str):
        raise RecordTypeError([Problem(attribute.name, f"{describe(value)} is not a string")])


def _text_or_none(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise RecordTypeError([Problem(attribute.name, f"{describe(value)} is not a string or None")])


def _names_or_none(_: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """``applies_to``: ``None`` or a tuple of names (a lone string would be read as its letters)."""
    if value is not None and not (isinstance(value, tuple) and all(isinstance(v, str) for v in value)):
        raise RecordTypeError([Problem(attribute.name, f"{describe(value)} is not a tuple of strings or None")])


@attrs.frozen
class Holding:
    """A certification the person holds, as their tracking system shows it.

    Attributes:
        certification: A catalog name or alias (``"CCNP Enterprise"``).
        earned_on: Start of the current term (first earned or last recertified).
        expires_on: The term's expiration as of its start, if the record
            knows it (default: start + the level's validity). Later
            recertifications and cascades still move it.
        retired_on: The date this holding's certification retires, if the
            record says so (overrides the catalog's date, R-RET-1).
        level: Required for a certification the catalog lacks.
        first_earned_on: When the certification was first earned, if the
            record knows (for Emeritus's 10 and 20 years, R-EMER-1);
            default ``earned_on``.
        fees_paid_through: The last day the program's maintenance or
            renewal fees cover for this holding (programs.md R-FC-9);
            ``None``: the record is silent and fees are not checked.
    """

    certification: str = attrs.field(validator=_a_text)
    earned_on: date = attrs.field(validator=_a_date)
    expires_on: date | None = attrs.field(default=None, validator=_a_date)
    retired_on: date | None = attrs.field(default=None, validator=_a_date)
    level: str | None = attrs.field(default=None, validator=_text_or_none)
    first_earned_on: date | None = attrs.field(default=None, validator=_a_date)
    fees_paid_through: date | None = attrs.field(default=None, validator=_a_date)

    def __attrs_post_init__(self) -> None:
        if self.expires_on is not None and self.expires_on < self.earned_on:
            raise _problem("expires_on", f"{self.expires_on.isoformat()} is before earned_on {self.earned_on.isoformat()}"
            )


@attrs.frozen
class ExamPass:
    """One exam passed on one date.

    Attributes:
        exam: A catalog exam id, acronym or "id acronym" (``"350-401"``).
        passed_on: The date of the pass.
        kind: Required for an exam the catalog lacks.
    """

    exam: str = attrs.field(validator=_a_text)
    passed_on: date = attrs.field(validator=_a_date)
    kind: str | None = attrs.field(default=None, validator=_text_or_none)


@attrs.frozen
class Activity:
    """A CE activity and its claim.

    Attributes:
        id: Unique in the record.
        credits: CE credits the activity is worth (> 0; fractions allowed).
        completed_on: The date the activity was completed.
        item: The CE catalog item (same item = same course for the
            once-per-term rule); defaults to ``title``, then ``id``.
        title: The activity's title.
        category: One of the policy's categories (Cisco: ``training``,
            ``cisco_live``, ``authoring``, ``other``).
        claimed_on: When the claim was submitted; ``None`` = not claimed.
        status: The program's decision: ``pending``, ``approved`` or
            ``rejected``; ``pending`` once claimed unless given. ``audit``
            (selected for audit) behaves as ``pending`` (programs.md R-FC-5).
        decided_on: When the decision was made; ``None`` = known on the
            claim date.
        applies_to: Names or aliases of the certifications the activity is
            relevant to (ISC2 concentrations, programs.md R-ISC2-8);
            ``None``: every certification it can count toward.
    """

    id: str = attrs.field(validator=_a_text)
    credits: float = attrs.field(validator=_positive)
    completed_on: date = attrs.field(validator=_a_date)
    item: str | None = attrs.field(default=None, validator=_text_or_none)
    title: str | None = attrs.field(default=None, validator=_text_or_none)
    category: str = attrs.field(default="training", validator=_a_text)
    claimed_on: date | None = attrs.field(default=None, validator=_a_date)
    status: ClaimStatus | None = None
    decided_on: date | None = attrs.field(default=None, validator=_a_date)
    applies_to: tuple[str, ...] | None = attrs.field(default=None, validator=_names_or_none)

    def __attrs_post_init__(self) -> None:
        if self.status is not None and self.status not in CLAIM_STATUSES:
            raise _problem("status", f"{self.status!r} is not one of pending, approved, rejected, audit")
        if self.claimed_on is None:
            if self.status is not None:
                raise _problem("status", f"{self.status!r} is given but claimed_on is missing")
            if self.decided_on is not None:
                raise _problem("decided_on", "given but claimed_on is missing")
            return
        if self.claimed_on < self.completed_on:
            raise _problem("claimed_on", f"{self.claimed_on.isoformat()} is before completed_on "
                f"{self.completed_on.isoformat()}"
            )
        if self.decided_on is not None:
            if self.decided_on < self.claimed_on:
                raise _problem("decided_on", f"{self.decided_on.isoformat()} is before claimed_on "
                    f"{self.claimed_on.isoformat()}"
                )
            if self.status in (None, "pending", "audit"):
                raise _problem("decided_on", "given but status is not approved or rejected")

    @property
    def item_key(self) -> str:
        """The catalog item the once-per-term rule compares (``item``, else ``title``, else ``id``)."""
        return self.item or self.title or self.id

    @property
    def claim_status(self) -> ClaimStatus | None:
        """The status, ``pending`` once claimed when none is given; ``None`` when unclaimed."""
        if self.claimed_on is None:
            return None
        return self.status or "pending"


def _items(items: object, field: str, cls: type[_T]) -> tuple[_T, ...]:
    """The elements of a list field as a tuple, each checked to be a *cls*.

    Raises:
        RecordTypeError: *items* is not a list (or another iterable, not a string or a
            mapping), or an element is not a *cls*; the path names the field or element.
    """
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise RecordTypeError([Problem(field, f"{describe(items)} is not a list of recert.{cls.__name__}")])
    out = tuple(items)
    for index, item in enumerate(out):
        if not isinstance(item, cls):
            raise RecordTypeError([Problem(f"{field}[{index}]", f"{describe(item)} is not a recert.{cls.__name__}")])
    return out


def _holdings(items: Iterable[Holding]) -> tuple[Holding, ...]:
    return _items(items, "holdings", Holding)


def _exams(items: Iterable[ExamPass]) -> tuple[ExamPass, ...]:
    return _items(items, "exams", ExamPass)


def _activities(items: Iterable[Activity]) -> tuple[Activity, ...]:
    return _items(items, "activities", Activity)


@attrs.frozen
class Record:
    """One person's certification history.

    Attributes:
        holdings: Certifications held, each with its current term.
        exams: Exam passes.
        activities: CE activities with their claims; ids are unique.
        candidate: Optional id, echoed in the result.
        as_of: Optional date of evaluation carried by the record.
        emeritus_on: Date a CCIE/CCDE Emeritus grant starts, if any (R-EMER-1).
    """

    holdings: tuple[Holding, ...] = attrs.field(default=(), converter=_holdings)
    exams: tuple[ExamPass, ...] = attrs.field(default=(), converter=_exams)
    activities: tuple[Activity, ...] = attrs.field(default=(), converter=_activities)
    candidate: str | None = attrs.field(default=None, validator=_text_or_none)
    as_of: date | None = attrs.field(default=None, validator=_a_date)
    emeritus_on: date | None = attrs.field(default=None, validator=_a_date)

    def __attrs_post_init__(self) -> None:
        seen: dict[str, int] = {}
        for index, activity in enumerate(self.activities):
            if activity.id in seen:
                raise _problem(
                    f"activities[{index}].id", f"{activity.id!r} repeats activities[{seen[activity.id]}].id"
                )
            seen[activity.id] = index
