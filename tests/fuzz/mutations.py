"""Structural mutations of records and policies, and the property every mutant must keep.

Used by ``tests/test_fuzz.py`` (through Hypothesis, bounded by the profile) and by
``tests/fuzz/campaign.py`` (a long offline run). A mutant starts from a real input
(a record of ``examples/`` or of a program (``shapes.py``), or an embedded policy) and takes a few
mutations, each at a random place of the tree: drop, duplicate, retype, an extreme
date, a huge or non-finite number, deep nesting, odd unicode, a long string, a
renamed key, a shuffled list. The property (:func:`check_record_text`,
:func:`check_policy_tree`): recert gives a result or a typed error
(:class:`recert.RecertError`), never another exception, and in a result every
activity has exactly one outcome.
"""

from __future__ import annotations

import copy
import io
import json
import math
import random
import time
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import recert
from recert import RecertError, cisco_policy, evaluate, policy_from_mapping, record_from_mapping
from recert.cli.evaluate import _write_json, _write_text
from recert.io.policy_toml import policy_from_bytes as _parse
from recert.io.records import _json, _read_line

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
POLICY_TOML = Path(recert.__file__).parent / "io" / "policies" / "cisco-ce.toml"
AS_OF = date(2025, 3, 1)
OUTCOMES = {"counted", "forfeited", "pending", "rejected", "unclaimed"}


def example_records() -> list[Any]:
    """Every example record as parsed JSON or TOML (dates of the TOML one are ``date`` objects)."""
    out: list[Any] = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    out += [tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.toml"))]
    lines = (EXAMPLES / "records.jsonl").read_text(encoding="utf-8").splitlines()
    out += [json.loads(line) for line in lines if line.strip()]
    return out


def policy_tree() -> dict[str, Any]:
    """The embedded Cisco policy as parsed TOML."""
    return tomllib.loads(POLICY_TOML.read_text(encoding="utf-8"))


# --- values a mutation puts in ---------------------------------------------------------------

EXTREME_DATES = [
    "0001-01-01", "9999-12-31", "9000-12-31", "9001-01-01", "8999-02-28", "1900-01-01", "1969-12-31",
    "2024-02-29", "2023-02-29", "2025-13-01", "2025-00-10", "2025-1-1", "20250101", "2025-01-01T00:00:00",
    "", " 2025-01-01", "２０２５-01-01",
]
NUMBERS: list[Any] = [
    0, -0.0, -1, 1, 0.5, 5e-324, 1e-300, 1e308, -1e308, 1.7976931348623157e308, math.inf, -math.inf, math.nan,
    2**31, 2**63, 2**64 + 1, 10**30, 10**400, -(10**400), 100_000, 100_001, 99_999.999999, 36_525, 36_526, 100,
    101, 1_000_001, True, False,
]
TEXTS = [
    "\ud800", "a\udfffb", "\x00", "\x1b[31mred\x1b[0m", "line\nnext", "\r\n", "\u202eevil", "\ufeff", "é",
    "e\u0301", "💥", "𝔠𝔠𝔫𝔞", "CCNA\x00", "ccna", " CCNA ", "CCNP  Enterprise", "x" * 999, "x" * 1001,
    "y" * 20_000, "null", "[]", "{}", "0", "nan", "pending", "approved", "rejected", "associate", "expert",
    "training", "core", "350-401", "CCIE Enterprise Infrastructure lab", "R-CE-4", "1993-01-01",
]
KEYS = ["extra", "", "id", "credits", "as_of", "CANDIDATE", "holdings ", "\ud800", "k" * 1001, "versions",
        "exams", "validity", "lifetime", "years", "options", "earned_by", "ce_credits",
        # the fixed-cycle keys of records and policies (issue 15)
        "fees_paid_through", "applies_to", "status", "decided_on", "lifecycle", "cycle", "calendar", "window",
        "reporting", "rollover", "caps", "groups", "default_category", "credit_step", "cascade", "renews",
        "follows", "share_credits", "named", "per", "advisory", "on_miss", "fees", "restarts", "unit", "until"]


def deep(value: Any, depth: int, kind: str) -> Any:
    for _ in range(depth):
        value = [value] if kind == "list" else {"k": value}
    return value


def random_value(rng: random.Random, *, dates_as_objects: bool = False) -> Any:
    """A value of any type, often an awkward one."""
    pick = rng.random()
    if pick < 0.2:
        text = rng.choice(EXTREME_DATES)
        if dates_as_objects and rng.random() < 0.5:
            return rng.choice([date(1, 1, 1), date(9999, 12, 31), date(9000, 12, 31), date(2024, 2, 29)])
        return text
    if pick < 0.45:
        return rng.choice(NUMBERS)
    if pick < 0.7:
        return rng.choice(TEXTS)
    if pick < 0.8:
        return rng.choice([None, [], {}, [1, "a"], {"a": 1}, [[]], [None]])
    if pick < 0.9:
        return deep(rng.choice([1, "x", None, []]), rng.choice([2, 5, 17, 30, 400, 1200]),
                    rng.choice(["list", "dict"]))
    return rng.choice([rng.randint(-(10**6), 10**6), rng.uniform(-1e6, 1e6), "".join(
        chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(0, 12)))])


# --- mutations of a tree -------------------------------------------------------------------------


def _places(tree: Any) -> list[tuple[Any, Any]]:
    """Every ``(container, key or index)`` of the tree (iteratively: trees may be deep)."""
    out: list[tuple[Any, Any]] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                out.append((node, key))
                if len(out) < 50_000:
                    stack.append(value)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                out.append((node, index))
                if len(out) < 50_000:
                    stack.append(value)
    return out


def _containers(tree: Any) -> list[Any]:
    out = [tree]
    for container, key in _places(tree):
        if isinstance(container[key], dict | list):
            out.append(container[key])
    return out


def mutate(tree: Any, rng: random.Random, *, dates_as_objects: bool = False) -> Any:
    """One mutation at a random place of *tree* (changed in place; the new root is returned)."""
    places = _places(tree)
    kind = rng.choice(["drop", "duplicate", "retype", "retype", "date", "number", "text", "nest", "rename",
                       "add", "shuffle", "copy", "root"])
    if kind == "root" or not places:
        return random_value(rng, dates_as_objects=dates_as_objects) if rng.random() < 0.3 else tree
    container, key = rng.choice(places)
    value = container[key]
    if kind == "drop":
        del container[key]
    elif kind == "duplicate":
        if isinstance(container, list):
            container.insert(key, _copy(value))
        else:
            container[key] = [value, _copy(value)]
    elif kind == "retype":
        container[key] = random_value(rng, dates_as_objects=dates_as_objects)
    elif kind == "date":
        container[key] = rng.choice(EXTREME_DATES)
        if dates_as_objects and rng.random() < 0.5:
            container[key] = rng.choice([date(1, 1, 1), date(9999, 12, 31), date(8999, 12, 31)])
    elif kind == "number":
        container[key] = rng.choice(NUMBERS)
    elif kind == "text":
        container[key] = rng.choice(TEXTS)
    elif kind == "nest":
        container[key] = deep(value, rng.choice([1, 2, 16, 17, 100, 1100]), rng.choice(["list", "dict"]))
    elif kind == "rename" and isinstance(container, dict):
        container[rng.choice(KEYS)] = container.pop(key)
    elif kind == "add":
        target = rng.choice(_containers(tree))
        if isinstance(target, dict):
            target[rng.choice(KEYS)] = random_value(rng, dates_as_objects=dates_as_objects)
        else:
            target.append(random_value(rng, dates_as_objects=dates_as_objects))
    elif kind == "shuffle" and isinstance(value, list):
        rng.shuffle(value)
    elif kind == "copy":
        other_container, other_key = rng.choice(places)
        other = other_container[other_key]
        container[key] = _copy(other) if _small(other) else other
    return tree


def _small(value: Any) -> bool:
    try:
        return not isinstance(value, dict | list) or len(json.dumps(value, default=str)) < 5_000
    except (ValueError, RecursionError):  # deep, or circular
        return False


def _copy(value: Any) -> Any:
    try:
        return copy.deepcopy(value)
    except RecursionError:
        return value


def mutant(base: Any, rng: random.Random, *, most: int = 4, dates_as_objects: bool = False) -> Any:
    tree = copy.deepcopy(base)
    for _ in range(rng.choice([1, 1, 2, 3, most])):
        tree = mutate(tree, rng, dates_as_objects=dates_as_objects)
    return tree


def to_json(tree: Any, rng: random.Random) -> str:
    """The tree as JSON text (NaN and Infinity as Python writes them), sometimes damaged as text."""
    try:
        text = json.dumps(tree, default=str)
    except (ValueError, RecursionError):  # too deep for the encoder, or circular: as deep text
        text = "[" * 2000 + "]" * 2000
    if rng.random() < 0.1 and text:
        cut = rng.randrange(len(text))
        text = rng.choice([text[:cut], text[:cut] + rng.choice(TEXTS) + text[cut:], text + text])
    return text


# --- the property ----------------------------------------------------------------------------------


class UntypedError(AssertionError):
    """recert raised an exception that is not a RecertError (or broke the one-outcome rule)."""


def _guard(step: str, function: Callable[[], Any]) -> Any:
    try:
        return function()
    except RecertError:
        raise
    except Exception as error:
        raise UntypedError(f"{step}: {type(error).__name__}: {str(error)[:300]}") from error


#: An input whose reading and deciding take more CPU time than this is "slow" (issue 17: 1 s).
SLOW_SECONDS = 1.0


def _size(data: Any) -> int:
    """Characters of *data* as JSON (dates as text); a tree too deep to write counts as 0."""
    if isinstance(data, str):
        return len(data)
    try:
        return len(json.dumps(data, default=str))
    except (ValueError, RecursionError):
        return 0


def _pending(data: Any) -> int:
    """Activities of a record tree whose status is pending or audit (or missing): the what-if count."""
    acts = data.get("activities") if isinstance(data, dict) else None
    if not isinstance(acts, list):
        return 0
    return sum(1 for a in acts if isinstance(a, dict) and a.get("status", "pending") in ("pending", "audit"))


def check_record(data: Any, policy: recert.Policy | None = None,
                 slow: list[dict[str, Any]] | None = None) -> str:
    """Read and decide *data* (parsed JSON or TOML); write the result both ways.

    Args:
        data: The record tree.
        policy: The policy (default: the embedded Cisco one).
        slow: When given, a record that takes more than :data:`SLOW_SECONDS` of CPU time
            is appended to it (``seconds``, ``size`` in characters of JSON, ``pending``
            claims, ``fixed``: whether the policy has fixed cycles, ``outcome``).

    Returns:
        ``"result"`` or ``"error"`` (a typed one).

    Raises:
        UntypedError: Anything else, or a result whose activities do not each have one outcome.
    """
    policy = policy or cisco_policy()
    started = time.process_time()
    outcome = _check_record(data, policy)
    seconds = time.process_time() - started
    if slow is not None and seconds > SLOW_SECONDS:
        slow.append({"seconds": round(seconds, 2), "size": _size(data), "pending": _pending(data),
                     "fixed": bool(policy.program is not None and policy.program.fixed), "policy": policy.id,
                     "outcome": outcome})
    return outcome


def _check_record(data: Any, policy: recert.Policy) -> str:
    try:
        record = _guard("load", lambda: record_from_mapping(data, policy=policy))
        result = _guard("evaluate", lambda: evaluate(record, as_of=record.as_of or AS_OF, policy=policy))
    except RecertError as error:
        problem = error
    else:
        problem = None
    if problem is not None:
        _guard("error output", lambda: _write_text(io.StringIO(), problem, "in", pretty=False, first=True))
        return "error"
    ids = [a.id for a in record.activities]
    if sorted(a.id for a in result.activities) != sorted(ids):
        raise UntypedError(f"activities {ids} got outcomes for {[a.id for a in result.activities]}")
    for outcome in result.activities:
        if outcome.outcome not in OUTCOMES:
            raise UntypedError(f"activity {outcome.id!r} has outcome {outcome.outcome!r}")
    for write in (_write_json, _write_text):
        out = io.StringIO()
        _guard(f"{write.__name__}", lambda w=write, o=out: w(o, result, "in", pretty=False, first=True))
        _guard("output as UTF-8", lambda o=out: o.getvalue().encode("utf-8"))
    return "result"


def check_record_text(text: str, policy: recert.Policy | None = None,
                      slow: list[dict[str, Any]] | None = None) -> str:
    """:func:`check_record` from JSON text, as a JSON Lines line is read (``_read_line``)."""
    policy = policy or cisco_policy()
    started = time.process_time()
    read = _guard("read line", lambda: _read_line(text, "in", policy))
    if isinstance(read, RecertError):
        seconds = time.process_time() - started
        if slow is not None and seconds > SLOW_SECONDS:
            slow.append({"seconds": round(seconds, 2), "size": len(text), "pending": 0, "fixed": False,
                         "policy": policy.id, "outcome": "error (read line)"})
        return "error"
    return check_record(_json(text), policy, slow)


def check_policy_tree(tree: Any, records: list[Any], slow: list[dict[str, Any]] | None = None) -> str:
    """Build a policy from *tree*; when it is one, read and decide *records* under it."""
    try:
        policy = _guard("policy", lambda: policy_from_mapping(tree))
    except RecertError:
        return "error"
    for data in records:
        check_record(data, policy, slow)
    return "result"


def check_policy_text(raw: bytes, records: list[Any], slow: list[dict[str, Any]] | None = None,
                      suffix: str = ".json") -> str:
    """:func:`check_policy_tree` from the bytes of a policy file (``.json`` or ``.toml``), as ``load_policy`` reads them."""
    try:
        policy = _guard("policy file", lambda: _parse(raw, suffix, "p" + suffix))
    except RecertError:
        return "error"
    for data in records:
        check_record(data, policy, slow)
    return "result"
