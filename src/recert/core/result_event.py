"""The replay's dated decisions (events), whose sentences are kept as data and written when read.

:class:`Event` is re-exported by :mod:`recert.core.result`, where it belongs to
the result format; it lives here to keep that module short. A decision keeps
its rule id, a template and the values it was decided with (:class:`Sentence`);
the sentence is formatted the first time it is read (``Event.detail``,
``Event.to_dict``), so a caller that reads only statuses and dates never pays
for it (issue 14, explanations as data). The text is the same either way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Literal

import attrs

EventKind = Literal[
    "held",
    "earned",
    "recertified",
    "cascaded",
    "expired",
    "pool_reset",
    "retired",
    "emeritus",
    "suspended",
    "revoked",
    "rolled_over",
    "aligned",
]


class Sentence:
    """An explanation not written yet: a template (a function returning the text) and its values.

    ``str(sentence)`` (and ``f"{sentence}"``) is ``template(*values)``, worked out once and kept.
    The values must not change after the sentence is made (dates, numbers, strings, tuples).
    """

    __slots__ = ("_text", "template", "values")

    def __init__(self, template: Callable[..., str], *values: Any) -> None:
        self.template = template
        self.values = values
        self._text: str | None = None

    def __str__(self) -> str:
        text = self._text
        if text is None:
            text = self._text = self.template(*self.values)
        return text

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return repr(str(self))


def text_of(value: str | Sentence) -> str:
    """*value* as text: a :class:`Sentence` formatted, a ``str`` as it is."""
    return value if type(value) is str else str(value)


@attrs.frozen
class Uses:
    """What a recertification or earning used.

    Attributes:
        activities: Activity ids.
        exams: Exam passes as ``"<exam id> on <date>"``.
    """

    activities: tuple[str, ...] = ()
    exams: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the spec."""
        return {"activities": list(self.activities), "exams": list(self.exams)}


@attrs.frozen(eq=False)
class Event:
    """One dated decision of the replay.

    Attributes:
        on: Its date.
        kind: ``held``, ``earned``, ``recertified``, ``cascaded``, ``expired``,
            ``pool_reset``, ``retired`` (``emeritus`` where granted).
        certification: The certification concerned (the pool's for ``pool_reset``).
        rule: The rule applied.
        detail: One sentence with the dates and numbers (given as a ``str`` or a
            :class:`Sentence`; always read as a ``str``).
        uses: What a recertification or earning used.
        version: The policy version in force on that date.

    Two events are equal when their fields are, ``detail`` compared as text.
    """

    on: date
    kind: EventKind
    certification: str
    rule: str
    _detail: str | Sentence = attrs.field(alias="detail")
    uses: Uses | None = None
    version: str | None = None

    @property
    def detail(self) -> str:
        """One sentence with the dates and numbers (formatted on first reading)."""
        text = self._detail
        if type(text) is not str:
            text = str(text)
            object.__setattr__(self, "_detail", text)
        return text

    def _key(self) -> tuple[Any, ...]:
        return (self.on, self.kind, self.certification, self.rule, self.detail, self.uses, self.version)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Event)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the spec."""
        out: dict[str, Any] = {
            "on": None if self.on is None else self.on.isoformat(),
            "kind": self.kind,
            "certification": self.certification,
            "rule": self.rule,
            "uses": None if self.uses is None else self.uses.to_dict(),
            "detail": self.detail,
        }
        if self.version is not None:
            out["version"] = self.version
        return out
