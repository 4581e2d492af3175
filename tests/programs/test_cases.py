"""Held-out style cases for issue 15's four programs (ISC2 CISSP, CompTIA, PMI PMP, ISACA CISA).

Each ``cases/<program>/*.json`` file is a record with its evaluation date and the result the
rule book (``spec/programs.md``) gives, worked out by hand (its ``arithmetic``). The policy it is
evaluated under is the embedded ``src/recert/io/policies/<program>.toml``, written in the syntax of ``DESIGN.md``.

Two kinds of test:

* well-formedness (must pass now): required keys, ISO dates, rule ids that exist in the matching
  policy, one expected outcome per activity, every rule of a policy cited by one of its cases;
* the engine run: ``recert.load_policy`` +
  ``recert.evaluate``, compared with ``expected`` (only the keys a case states are compared;
  certifications are matched by name, activities by id).
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent
POLICIES = HERE.parents[1] / "src" / "recert" / "io" / "policies"  # the embedded policies
CASES = sorted((HERE / "cases").glob("*/*.json"))
PROGRAMS = ("isc2-cissp", "comptia", "pmi-pmp", "isaca-cisa")
MIN_CASES = 8

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_KEY = re.compile(r"(_on|_through|^as_of)$")


def _policy_data(program: str) -> dict[str, Any]:
    with (POLICIES / f"{program}.toml").open("rb") as handle:
        return tomllib.load(handle)


def _case(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _program(path: Path) -> str:
    return path.parent.name


def _dates(value: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every (path, value) under a key that names a date (``*_on``, ``*_through``, ``as_of``)."""
    out: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else key
            if _DATE_KEY.search(key) and not isinstance(item, dict | list):
                out.append((where, item))
            else:
                out.extend(_dates(item, where))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.extend(_dates(item, f"{path}[{i}]"))
    return out


def _rule_refs(value: Any) -> set[str]:
    """Rule ids a policy names outside ``[rules]`` (``rule``, ``*_rule`` keys)."""
    out: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if (key == "rule" or key.endswith("_rule")) and isinstance(item, str):
                out.add(item)
            else:
                out |= _rule_refs(item)
    elif isinstance(value, list):
        for item in value:
            out |= _rule_refs(item)
    return out


def _ids(paths: list[Path]) -> list[str]:
    return [f"{_program(p)}/{p.stem}" for p in paths]


# ---------------------------------------------------------------- the policies


@pytest.mark.parametrize("program", PROGRAMS)
def test_policy_is_toml_with_its_rules(program: str) -> None:
    data = _policy_data(program)
    assert data["policy"]["id"] == program
    assert data["policy"]["unit"]
    rules = data["rules"]
    for rid, rule in rules.items():
        assert rule.get("title"), rid
        assert rule.get("text"), rid
    named = _rule_refs({k: v for k, v in data.items() if k != "rules"})
    assert named <= set(rules), sorted(named - set(rules))


@pytest.mark.parametrize("program", PROGRAMS)
def test_every_rule_of_a_policy_is_exercised(program: str) -> None:
    cases = [p for p in CASES if _program(p) == program]
    assert len(cases) >= MIN_CASES, f"{program}: {len(cases)} cases"
    cited = {rid for p in cases for rid in _case(p)["rules"]}
    missing = set(_policy_data(program)["rules"]) - cited
    assert not missing, sorted(missing)


def test_cases_are_in_known_programs() -> None:
    assert CASES
    assert {_program(p) for p in CASES} == set(PROGRAMS)


# ---------------------------------------------------------------- well-formed cases


@pytest.mark.parametrize("path", CASES, ids=_ids(CASES))
def test_case_is_well_formed(path: Path) -> None:
    case = _case(path)
    assert set(case) >= {"description", "rules", "as_of", "record", "expected", "arithmetic"}
    assert set(case) <= {"description", "rules", "as_of", "record", "expected", "arithmetic"}
    assert isinstance(case["description"], str)
    assert case["description"]
    assert isinstance(case["arithmetic"], str)
    assert case["arithmetic"]

    rules = case["rules"]
    assert isinstance(rules, list)
    assert rules
    assert len(set(rules)) == len(rules), "a rule id is listed twice"
    known = set(_policy_data(_program(path))["rules"])
    assert set(rules) <= known, sorted(set(rules) - known)

    for where, value in _dates(case):
        assert value is None or (isinstance(value, str) and _ISO.fullmatch(value)), (where, value)
        if value is not None:
            date.fromisoformat(value)

    record = case["record"]
    assert set(record) <= {"candidate", "as_of", "holdings", "exams", "activities"}
    assert record.get("holdings"), "a case needs at least one holding"
    activity_ids = [a["id"] for a in record.get("activities", [])]
    assert len(set(activity_ids)) == len(activity_ids)
    for activity in record.get("activities", []):
        assert activity["credits"] > 0
        if "status" in activity:
            assert "claimed_on" in activity
            assert activity["status"] in ("pending", "approved", "rejected", "audit")

    expected = case["expected"]
    assert expected["certifications"], "a case states at least one certification"
    for cert in expected["certifications"]:
        assert {"certification", "status", "expires_on"} <= set(cert)
        assert cert["status"] in ("active", "suspended", "expired", "revoked")
    stated = [a["id"] for a in expected.get("activities", [])]
    assert stated == activity_ids, "one expected outcome per activity, in record order"
    for activity in expected.get("activities", []):
        assert {"id", "outcome", "reason"} <= set(activity)
        assert activity["outcome"] in ("counted", "pending", "rejected", "unclaimed")
        assert (activity["reason"] is None) == (activity["outcome"] != "rejected")


# ---------------------------------------------------------------- the engine (issue 15)


def _compare(expected: Any, actual: Any, path: str) -> list[str]:
    """Differences between *expected* and the part of *actual* it states."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        out: list[str] = []
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{path}.{key}: missing")
            else:
                out.extend(_compare(value, actual[key], f"{path}.{key}"))
        return out
    if isinstance(expected, list) and expected and all(isinstance(e, dict) for e in expected):
        key = next((k for k in ("certification", "id") if all(k in e for e in expected)), None)
        if key is not None and isinstance(actual, list):
            by_key = {a.get(key): a for a in actual if isinstance(a, dict)}
            out = []
            for item in expected:
                if item[key] not in by_key:
                    out.append(f"{path}[{item[key]}]: missing")
                else:
                    out.extend(_compare(item, by_key[item[key]], f"{path}[{item[key]}]"))
            return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {expected!r}, got {actual!r}"]
        out = []
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            out.extend(_compare(e, a, f"{path}[{i}]"))
        return out
    if expected != actual or isinstance(expected, bool) != isinstance(actual, bool):
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    return []


def test_compare_states_only_what_is_expected() -> None:
    actual = {"a": 1, "xs": [{"id": "k", "n": 2, "m": 3}], "ys": [1, 2]}
    assert _compare({"xs": [{"id": "k", "n": 2}], "ys": [1, 2]}, actual, "") == []
    assert _compare({"xs": [{"id": "k", "n": 3}]}, actual, "") == [".xs[k].n: expected 3, got 2"]
    assert _compare({"b": 1}, actual, "") == [".b: missing"]
    assert _compare({"ys": [2, 1]}, actual, "") != []


@pytest.mark.parametrize("path", CASES, ids=_ids(CASES))
def test_engine_gives_the_expected_result(path: Path) -> None:
    import recert

    case = _case(path)
    policy = recert.load_policy(POLICIES / f"{_program(path)}.toml")
    record = recert.record_from_mapping(case["record"], policy=policy, source=str(path))
    result = recert.evaluate(record, as_of=date.fromisoformat(case["as_of"]), policy=policy)
    differences = _compare(case["expected"], result.to_dict(), "result")
    assert not differences, "\n".join(differences)
