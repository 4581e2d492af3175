"""The published data contract: JSON Schemas (2020-12) of the record and the result.

The schemas are data files beside this module (``record.schema.json``,
``result.schema.json``), kept in step with the value objects of
:mod:`recert.core.record` and :mod:`recert.core.result` by ``tests/io/test_schema.py``.
``recert schema record|result`` prints them; ``docs/record-format.md``
describes them for systems that do not run Python.
"""

from __future__ import annotations

import importlib.resources
import json
from typing import Any, Literal

__all__ = ["SCHEMAS", "schema", "schema_text"]

#: The schemas recert publishes.
SCHEMAS: tuple[str, ...] = ("record", "result")


def schema_text(name: Literal["record", "result"]) -> str:
    """The JSON text of the schema called *name*, as shipped.

    Raises:
        ValueError: *name* is not one of :data:`SCHEMAS`.
    """
    if name not in SCHEMAS:
        raise ValueError(f"{name!r} is not a schema (one of {', '.join(SCHEMAS)})")
    return importlib.resources.files(__name__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")


def schema(name: Literal["record", "result"]) -> dict[str, Any]:
    """The schema called *name* (``"record"`` or ``"result"``) as a dict.

    Raises:
        ValueError: *name* is not one of :data:`SCHEMAS`.
    """
    loaded: dict[str, Any] = json.loads(schema_text(name))
    return loaded
