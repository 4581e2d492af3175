"""The published data contract (issue 17): JSON Schemas of the record and the result.

The schemas live beside the value objects (``src/recert/io/schemas/``). These tests
keep them in step: both are valid draft 2020-12 schemas; every field of the value
objects is in the record schema and every key a result writes is in the result
schema; every example record, every record of ``tests/data``, records the
strategies of :mod:`recert.testing` draw and the benchmark generator's records
validate; so do the results of the examples and the error lines; and any mutated
record the loader accepts validates too (the schema is never stricter than recert).
"""

from __future__ import annotations

import json
import random
import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import recert
from fuzz.mutations import example_records, mutant, to_json
from recert import cisco_policy, evaluate, record_from_mapping
from recert.cli import main
from recert.cli.evaluate import _error_dict
from recert.core.record import Activity, ExamPass, Holding, Record
from recert.core.result import (
    ActivityCycle,
    ActivityOutcome,
    CertificationStatus,
    Event,
    NextStep,
    OptionGap,
    PoolState,
    Uses,
)
from recert.io.records import _json
from recert.io.schemas import SCHEMAS, schema, schema_text
from recert.testing import strategies as rst
from recert.testing.invariants import record_to_dict

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
RECORD = Draft202012Validator(schema("record"))
RESULT = Draft202012Validator(schema("result"))
AS_OF = date(2025, 3, 1)


def errors(validator: Draft202012Validator, data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def iso(value: Any) -> Any:
    """A parsed TOML record with its dates as the ISO strings JSON carries."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [iso(v) for v in value]
    if isinstance(value, dict):
        return {k: iso(v) for k, v in value.items()}
    return value


def json_examples() -> list[tuple[str, Any]]:
    out = [(p.name, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(EXAMPLES.glob("*.json"))]
    out += [(p.name, iso(tomllib.loads(p.read_text(encoding="utf-8")))) for p in sorted(EXAMPLES.glob("*.toml"))]
    for name in ("examples/records.jsonl", *sorted(str(p.relative_to(ROOT)) for p in
                                                    (ROOT / "tests" / "data").glob("*.jsonl"))):
        for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), start=1):
            try:
                data = _json(line)
                record_from_mapping(data)
            except (ValueError, recert.RecertError):
                continue  # a bad line on purpose (tests/data/bad-line.jsonl)
            out.append((f"{name} line {number}", data))
    return out


EXAMPLE_RECORDS = json_examples()


def test_both_schemas_are_valid_2020_12_schemas() -> None:
    for name in SCHEMAS:
        Draft202012Validator.check_schema(schema(name))
        assert schema(name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_record_schema_has_every_field_of_the_value_objects() -> None:
    defs = schema("record")["$defs"]
    for cls, shape in ((Holding, defs["holding"]), (ExamPass, defs["exam"]), (Activity, defs["activity"])):
        fields = [a.name for a in attrs.fields(cls)]
        assert sorted(shape["properties"]) == sorted(fields), cls.__name__
        required = [a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING]
        assert sorted(shape["required"]) == sorted(required), cls.__name__
    assert sorted(schema("record")["properties"]) == sorted(a.name for a in attrs.fields(Record))


def test_the_result_schema_declares_every_key_a_result_writes() -> None:
    defs = schema("result")["$defs"]
    shapes = {CertificationStatus: "certification", ActivityOutcome: "activity", PoolState: "pool",
              NextStep: "next", Event: "event"}
    samples: dict[type, Any] = {
        CertificationStatus: CertificationStatus("C", "associate", "active", AS_OF, None, None, None, False,
                                                 (), "R", "x", 0),
        ActivityOutcome: ActivityOutcome("a", "counted", 1, None, None, "R", "x"),
        PoolState: PoolState("associate", 1, AS_OF, "C"),
        NextStep: NextStep("C", AS_OF, (OptionGap("o", "m", "S"),)),
        Event: Event(AS_OF, "held", "C", "R", "x", Uses(), "v"),
    }
    # Keys only fixed-cycle policies write (programs.md section 7); rolling-cycle results keep their shape.
    # Every certification writes ``cycle`` (null under a rolling-cycle policy such as cisco-ce).
    fixed_only = {"certification": {"grace_ends_on", "shortfalls"},
                  "activity": {"counted_credits", "capped", "rolled_over", "cycle_ends_on", "counted_toward_all"}}
    for cls, name in shapes.items():
        written = samples[cls].to_dict()
        assert sorted(written) == sorted(set(defs[name]["properties"]) - fixed_only.get(name, set())), cls.__name__
        assert set(defs[name]["required"]) <= set(written), cls.__name__
    fixed_cert = attrs.evolve(samples[CertificationStatus], fixed_cycle=True).to_dict()
    assert sorted(fixed_cert) == sorted(defs["certification"]["properties"])
    fixed_activity = attrs.evolve(samples[ActivityOutcome], cycle=ActivityCycle()).to_dict()
    assert sorted(fixed_activity) == sorted(defs["activity"]["properties"])
    gap = defs["next"]["properties"]["options"]["items"]["properties"]
    assert sorted(OptionGap("o", "m", "S").to_dict()) == sorted(gap)


@pytest.mark.parametrize(("name", "data"), EXAMPLE_RECORDS, ids=[name for name, _ in EXAMPLE_RECORDS])
def test_every_example_and_test_record_validates(name: str, data: Any) -> None:
    assert errors(RECORD, data) == []


@pytest.mark.parametrize(("name", "data"), EXAMPLE_RECORDS, ids=[name for name, _ in EXAMPLE_RECORDS])
def test_the_result_of_every_example_validates(name: str, data: Any) -> None:
    record = record_from_mapping(data)
    result = evaluate(record, as_of=record.as_of or AS_OF).to_dict()
    assert errors(RESULT, result) == []
    assert errors(RESULT, json.loads(json.dumps(result))) == []


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(rst.cases(cisco_policy()))
def test_records_the_strategies_draw_validate(case: rst.Case) -> None:
    data = record_to_dict(case.record)
    assert errors(RECORD, data) == []
    assert errors(RESULT, evaluate(case.record, as_of=case.as_of).to_dict()) == []


def test_the_benchmark_generator_s_records_validate() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate_records
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    for record in generate_records(300, seed=17):
        assert errors(RECORD, record_to_dict(record)) == []


def test_error_lines_validate_as_results() -> None:
    error = recert.RecordError([recert.Problem("activities[0].credits", "-5 is not positive")],
                               source="f.jsonl line 3")
    assert errors(RESULT, _error_dict(error, "f.jsonl")) == []


def test_what_the_schema_refuses() -> None:
    bad = {"holdings": [{"certification": "CCNA", "earned_on": "15/09/2022", "colour": "red"}],
           "activities": [{"id": " ", "credits": 0, "completed_on": "2024-01-01", "status": "maybe"}]}
    assert sorted(errors(RECORD, bad)) == [
        "activities/0/credits: 0 is less than or equal to the minimum of 0",
        "activities/0/id: ' ' does not match '\\\\S'",
        "activities/0/status: 'maybe' is not valid under any of the given schemas",
        "holdings/0/earned_on: '15/09/2022' does not match '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'",
        "holdings/0: Additional properties are not allowed ('colour' was unexpected)",
    ]


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=settings().max_examples * 3)
@given(st.integers(0, 2**64 - 1))
def test_a_mutated_record_the_loader_accepts_validates(seed: int) -> None:
    rng = random.Random(seed)
    text = to_json(mutant(rng.choice(example_records()), rng), rng)
    try:
        data = _json(text)
        record_from_mapping(data)
    except (ValueError, RecursionError, recert.RecertError):
        return
    assert errors(RECORD, data) == []


@pytest.mark.parametrize("name", SCHEMAS)
def test_recert_schema_prints_the_schema(capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert main(["schema", name]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (schema_text(name), "")  # type: ignore[arg-type]
    assert json.loads(out)["title"] == f"recert {name}"


def test_recert_schema_refuses_another_name(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["schema", "policy"])
    assert caught.value.code == 2
    assert "invalid choice: 'policy' (choose from 'record', 'result')" in capsys.readouterr().err
