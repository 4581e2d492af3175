"""The errors recert raises.

One base, :class:`RecertError`; below it one class per kind of input. Every
error that validates input carries *all* the problems found, each with the
path of the field (``activities[3].credits``) and the offending value, so a
caller can fix a file in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs


@attrs.frozen
class Problem:
    """One thing wrong with an input.

    Attributes:
        path: Where it is, e.g. ``activities[3].credits``; ``""`` for the whole input.
        message: What is wrong, naming the value, e.g. ``-5 is not positive``.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class RecertError(Exception):
    """Base class of every error recert raises on purpose."""


class _ProblemsError(RecertError, ValueError):
    """An input with one or more problems; ``str()`` lists them all, one per line."""

    kind = "input"

    def __init__(self, problems: Iterable[Problem] | str, *, source: str | None = None) -> None:
        if isinstance(problems, str):
            problems = [Problem("", problems)]
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._render())

    def under(self, path: str) -> list[Problem]:
        """The problems with their paths rooted at *path* (``credits`` under ``activities[3]``)."""
        return [Problem(f"{path}.{p.path}" if p.path else path, p.message) for p in self.problems]

    def _render(self) -> str:
        lines = [str(p) for p in self.problems]
        head = f"{self.source}: " if self.source else ""
        if len(lines) == 1:
            return head + lines[0]
        return head + f"{len(lines)} problems\n" + "\n".join(f"  {line}" for line in lines)


class RecordError(_ProblemsError):
    """A record (holdings, exams, activities) that cannot be evaluated as given.

    Example message: ``activities[3].credits: -5 is not positive``.
    """

    kind = "record"


class RecordTypeError(RecordError, TypeError):
    """A value object field given a value of the wrong type (a ``datetime`` where a ``date`` goes).

    A :class:`TypeError` as well, as Python raises for a wrong type.
    """


class PolicyError(_ProblemsError):
    """A policy file or policy value object that is inconsistent.

    Example message: ``levels.associate.options[0].requirements[1].kinds: 'lab' is not an exam kind``.
    """

    kind = "policy"


class OfferingError(_ProblemsError):
    """A training offering (a vendor's course row) that cannot be read."""

    kind = "offering"


__all__ = ["OfferingError", "PolicyError", "Problem", "RecertError", "RecordError", "RecordTypeError"]
