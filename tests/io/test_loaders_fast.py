"""The loaders' fast path accepts exactly what the detailed path accepts, and builds the same record.

``record_from_mapping`` first tries a fast path that only handles input without
any problem and gives up otherwise; the detailed path then reports every
problem. So the fast path must never accept what the detailed path refuses,
and when both accept, the records must be equal. Every malformed input of
tests/io/test_loaders.py goes through both, then every field of a few records
with a list of odd values put in its place, dropped, or joined by an unknown
key.
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

import pytest
import test_loaders

from generated import generate
from recert import Record, RecordError
from recert.io.policy_toml import cisco_policy
from recert.io.records import _detailed_record, _fast_record, _json, record_from_mapping

generate_records, to_mapping, typical_record = (generate.generate_records, generate.to_mapping,
                                                generate.typical_record)
POLICY = cisco_policy()


def both(data: object) -> Record | None:
    """Run *data* through both paths; check they agree; the record, or None when refused."""
    fast = _fast_record(copy.deepcopy(data), POLICY)
    refused: RecordError | None = None
    try:
        detailed = _detailed_record(copy.deepcopy(data), POLICY, "r.json")
    except RecordError as error:
        refused = error
    if refused is not None:
        assert fast is None, f"the fast path accepted what the detailed one refuses: {refused}"
        # And the public function gives the detailed path's error, word for word.
        with pytest.raises(RecordError) as caught:
            record_from_mapping(copy.deepcopy(data), source="r.json")
        assert caught.value.problems == refused.problems
        assert str(caught.value) == str(refused)
        return None
    if fast is not None:
        assert fast == detailed
    return detailed


# --- the malformed inputs of tests/io/test_loaders.py ---------------------------------------------


def _one_bad_input_cases() -> list[Any]:
    marks = test_loaders.test_one_bad_input_names_its_path_and_value.pytestmark  # type: ignore[attr-defined]
    (cases,) = [m.args[1] for m in marks if m.name == "parametrize"]
    return [pytest.param(case.values[0], id=case.id) for case in cases]


@pytest.mark.parametrize("data", _one_bad_input_cases())
def test_every_bad_input_of_the_loader_tests_is_refused_by_both_paths(data: dict[str, Any]) -> None:
    assert both(data) is None


def _other_bad_inputs() -> list[object]:
    good, set_, drop = test_loaders.good, test_loaders._set, test_loaders._drop
    duplicates = good()
    duplicates["activities"] += [dict(duplicates["activities"][0], item="CE-2"),
                                 dict(duplicates["activities"][0], id="c2"),
                                 dict(duplicates["activities"][0], item="CE-3")]
    many = good()
    many["as_of"] = "2025-02-30"
    many["holdings"][0]["level"] = "pro"
    many["activities"] = [
        {"id": "a0", "credits": -5, "completed_on": "2024-11-01", "claimed_on": "2024-10-20",
         "status": "approved", "decided_on": "2024-10-01"},
        {"id": "a0", "credits": 4, "completed_on": "2024-11-01", "claimed_on": "2024-11-31"},
        {"id": "a2", "credits": 8, "completed_on": "2024-11-01", "bogus": [1]},
    ]
    return [
        drop(("activities", 0, "claimed_on")),
        duplicates,
        set_(("holdings", 1, "certification"), "CCNP Enterprize"),
        set_(("holdings", 0, "certification"), "Zzyzx Qwerty Vbnm"),
        set_(("exams", 0, "exam"), "ENCR"),
        [1, 2], "a record", 42, None,
        many,
        set_(("activities", 0, "claimed_on"), "soon"),
        {"holdings": [{"certification": "CCNA", "earned_on": datetime(2022, 9, 15, 8)}]},
    ]


@pytest.mark.parametrize("data", _other_bad_inputs())
def test_the_other_bad_inputs_of_the_loader_tests_are_refused_by_both_paths(data: object) -> None:
    assert both(data) is None


def test_the_good_record_takes_the_fast_path() -> None:
    data = test_loaders.good()
    record = _fast_record(data, POLICY)
    assert record is not None
    assert record == _detailed_record(data, POLICY, None)


# --- every field, every odd value ----------------------------------------------------------------

ODD_VALUES: list[object] = [
    None, "", "  ", "x", "CCNA", "associate", "training", "approved", "pending",
    "2025-02-30", "2025-1-01", "20250101", "2025-01-01T00:00", "\uff12\uff10\uff12\uff15-01-01",
    " 2025-01-01", "2023-01-01", "2030-01-01", "1999-01-01",
    0, -1, 1.5, 40, True, False, float("nan"), float("inf"), -float("inf"),
    [], {}, [1], date(2024, 1, 1), datetime(2024, 1, 1, 8, 0),
]


def _records() -> list[dict[str, Any]]:
    typical = to_mapping(typical_record())
    typical["as_of"] = "2026-06-01"
    return [test_loaders.good(), typical, *(to_mapping(r) for r in generate_records(2, seed=11))]


def _mutations(data: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for key in ["candidate", "as_of", "emeritus_on", "holdings", "exams", "activities"]:
        for value in ODD_VALUES:
            out.append({**data, key: value})
    out.append({**data, "bogus": 1})
    for key in list(data):
        out.append({k: v for k, v in data.items() if k != key})
    for key in ("holdings", "exams", "activities"):
        for index, element in enumerate(data.get(key, [])):
            fields = sorted({*element, "expires_on", "retired_on", "level", "first_earned_on",
                             "kind", "item", "title", "category", "claimed_on", "status",
                             "decided_on", "bogus"})
            for field in fields:
                for value in ODD_VALUES:
                    changed = copy.deepcopy(data)
                    changed[key][index] = {**element, field: value}
                    out.append(changed)
                if field in element:
                    changed = copy.deepcopy(data)
                    changed[key][index] = {k: v for k, v in element.items() if k != field}
                    out.append(changed)
            for other in ODD_VALUES:
                changed = copy.deepcopy(data)
                changed[key][index] = other
                out.append(changed)
            changed = copy.deepcopy(data)
            changed[key].append(copy.deepcopy(element))  # a repeated activity id, among others
            out.append(changed)
    return out


@pytest.mark.parametrize("index", range(len(_records())))
def test_odd_values_anywhere_get_the_same_answer_from_both_paths(index: int) -> None:
    data = _records()[index]
    assert both(data) is not None
    accepted = refused = 0
    for changed in _mutations(data):
        if both(changed) is None:
            refused += 1
        else:
            accepted += 1
    assert accepted > 0
    assert refused > 0


def test_a_mapping_that_is_not_a_dict_takes_the_detailed_path() -> None:
    data = test_loaders.good()
    proxied = MappingProxyType({**data, "holdings": [MappingProxyType(h) for h in data["holdings"]]})
    assert _fast_record(proxied, POLICY) is None
    assert record_from_mapping(proxied) == record_from_mapping(data)


def test_generated_records_all_take_the_fast_path() -> None:
    for record in generate_records(200, seed=5):
        data = json.loads(json.dumps(to_mapping(record)))
        assert _fast_record(data, POLICY) == record


# --- JSON: repeated keys -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": 1, "a": 2}', "the key 'a' appears twice in one object"),
        ('{"h": [{"x": 1, "y": 2, "x": 1}]}', "the key 'x' appears twice in one object"),
        ('{"a": 1, "b": 2, "b": 3, "a": 4}', "the key 'b' appears twice in one object"),
    ],
)
def test_a_repeated_key_is_named(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="appears twice") as caught:
        _json(text)
    assert str(caught.value) == message


def test_json_without_repeated_keys_parses_as_plain_json() -> None:
    text = json.dumps(to_mapping(typical_record()))
    assert _json(text) == json.loads(text)
