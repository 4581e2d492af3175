"""Bad input of every shape gets a typed error naming the field and a shortened value (issue 17).

Deep nesting, long strings, long lists, huge or non-finite numbers, in records
(from JSON, TOML or built in Python) and in policies; and the command line,
which turns a failure of one record into an error line in its place and never
writes raw control characters or fails on a lone surrogate.
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import recert
from recert.cli import evaluate as cli
from recert.cli import main
from recert.core._limits import describe, printable
from recert.exceptions import PolicyError, RecordError
from recert.io.policy_toml import policy_from_bytes as _parse
from recert.io.policy_toml import policy_from_mapping
from recert.io.records import iter_records, load_record, record_from_mapping

POLICY_TOML = (Path(recert.__file__).parent / "io" / "policies" / "cisco-ce.toml").read_bytes()
CCNA = {"certification": "CCNA", "earned_on": "2023-01-10"}


def activity(**fields: Any) -> dict[str, Any]:
    return {"id": "a1", "credits": 8, "completed_on": "2024-01-10", **fields}


def problems(data: object) -> list[str]:
    with pytest.raises(RecordError) as caught:
        record_from_mapping(data)
    return [str(p) for p in caught.value.problems]


# --- describe: the value a message quotes ------------------------------------------------------


def test_describe_cuts_long_strings_and_says_how_long() -> None:
    assert describe("x" * 3000) == "'" + "x" * 59 + "... (3000 characters)"


def test_describe_is_safe_on_any_nesting() -> None:
    deep: list[Any] = []
    for _ in range(100_000):
        deep = [deep]
    assert describe(deep) == "[[[[...]]]]"


def test_describe_shows_the_first_items_of_a_long_array() -> None:
    assert describe(list(range(100))) == "[0, 1, 2, 3, 4, 5, 6, 7, ...]"


def test_describe_does_not_print_an_integer_beyond_python_s_digit_limit() -> None:
    assert describe(10**5000) == "an integer of over 4000 digits"


# --- records: loaders --------------------------------------------------------------------------


def test_credits_above_the_limit_are_refused_with_the_path() -> None:
    assert problems({"activities": [activity(credits=1e308), activity(id="a2", credits=1e308)]}) == [
        "activities[0].credits: 1e+308 is more than 100000 (the most one activity may carry)",
        "activities[1].credits: 1e+308 is more than 100000 (the most one activity may carry)",
    ]


@pytest.mark.parametrize(("credits", "shown"), [(math.inf, "inf"), (math.nan, "nan")])
def test_non_finite_credits_are_refused(credits: float, shown: str) -> None:
    assert problems({"activities": [activity(credits=credits)]}) == [
        f"activities[0].credits: {shown} is not a finite number"
    ]


def test_a_json_number_beyond_a_float_is_infinite_and_refused() -> None:
    record = json.dumps({"activities": [activity()]}).replace('"credits": 8', '"credits": 1e999')
    (only,) = iter_records([record], source="in")
    assert isinstance(only, RecordError)
    assert str(only) == "in line 1: activities[0].credits: inf is not a finite number"


def test_a_long_string_is_refused_with_its_length() -> None:
    assert problems({"holdings": [dict(CCNA, certification="C" * 1001)]}) == [
        "holdings[0].certification: 'CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC... "
        "(1001 characters) is longer than 1000 characters"
    ]


def test_a_long_key_is_refused_before_anything_else_is_read() -> None:
    assert problems({"k" * 3_000_000: 1, "holdings": "not a list"}) == [
        "the key 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk... "
        "(3000000 characters) is longer than 1000 characters"
    ]


def test_deep_nesting_in_a_field_is_refused_with_its_path() -> None:
    deep: Any = "x"
    for _ in range(400):
        deep = [deep]
    assert problems({"holdings": [dict(CCNA, level=deep)]}) == [
        "holdings[0].level" + "[0]" * 13 + ": arrays and objects are nested deeper than 16 levels"
    ]


def test_too_many_activities_are_refused() -> None:
    many = [activity(id=f"a{i}") for i in range(10_001)]
    assert problems({"activities": many}) == ["activities: 10001 entries are more than 10000"]


def test_json_nested_beyond_the_parser_is_a_record_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        load_record(path)
    assert str(caught.value) == (
        f"{path}: not valid JSON: arrays and objects are nested deeper than the parser follows "
        "(recert reads 16 levels)"
    )


def test_toml_nested_beyond_the_parser_is_a_record_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 5_000 + "]" * 5_000 + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match="not valid TOML: arrays and objects are nested deeper"):
        load_record(path)


def test_a_json_lines_line_nested_beyond_the_parser_is_an_error_in_its_place() -> None:
    lines = ["[" * 50_000 + "]" * 50_000, json.dumps({"holdings": [CCNA]})]
    first, second = iter_records(lines, source="in")
    assert isinstance(first, RecordError)
    assert str(first).startswith("in line 1: not valid JSON: arrays and objects are nested deeper")
    assert isinstance(second, recert.Record)


# --- records built in Python -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("credits", "message"),
    [
        (1e308, "credits: 1e+308 is more than 100000 (the most one activity may carry)"),
        (math.inf, "credits: inf is not a finite number"),
        (math.nan, "credits: nan is not a finite number"),
        (10**400, "credits: " + "1" + "0" * 59 + "... (401 digits) is more than 100000 "
                  "(the most one activity may carry)"),
        (0, "credits: 0 is not positive"),
    ],
)
def test_an_activity_built_in_python_refuses_bad_credits_with_a_record_error(
        credits: float, message: str) -> None:
    with pytest.raises(RecordError) as caught:
        recert.Activity("a", credits, date(2024, 1, 1))
    assert str(caught.value) == message


def test_two_activities_at_the_credit_limit_are_evaluated() -> None:
    record = recert.Record(
        holdings=[recert.Holding("CCNA", date(2023, 1, 10))],
        activities=[recert.Activity(f"a{i}", 100_000, date(2024, 1, i + 1), claimed_on=date(2024, 1, i + 1),
                                    status="approved") for i in range(2)],
    )
    result = recert.evaluate(record, as_of=date(2024, 6, 1))
    assert [a.outcome for a in result.activities] == ["counted", "counted"]
    assert result.pool is not None
    assert result.pool.credits == 0


# --- policies ----------------------------------------------------------------------------------


def cisco_with(edit: str, replacement: str) -> bytes:
    text = POLICY_TOML.decode()
    assert text.count(edit) >= 1, edit
    return text.replace(edit, replacement, 1).encode()


def policy_problems(raw: bytes) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        _parse(raw, ".toml", "p.toml")
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("edit", "replacement", "expected"),
    [
        ("[levels.csm]\nrank = 0\nladder = false\ndescription = \"Outside the ladder: the Cisco Customer "
         "Success Manager (renewed only by its own exam)\"\nvalidity = [{ years = 3 }]",
         "[levels.csm]\nrank = 0\nladder = false\nvalidity = [{ years = 100000 }]",
         "levels.csm.validity[0].years: 100000 is more than 100, the most recert reads here"),
        ("earning_window_years = 3           #", "earning_window_years = 1000 #",
         "parameters.earning_window_years: 1000 is more than 100, the most recert reads here"),
        ("suspension_years = 1", "suspension_years = 5000",
         "versions[0].levels.expert.suspension_years: 5000 is more than 100, the most recert reads here"),
        ("claim_window_days = 365            #", "claim_window_days = 99999999 #",
         "parameters.claim_window_days: 99999999 is more than 36525, the most recert reads here"),
        ("requirements = [{ ce_credits = 30 }]", "requirements = [{ ce_credits = inf }]",
         "levels.associate.options[5].requirements[0].ce_credits: inf is more than 100000, "
         "the most recert reads here"),
        ("requirements = [{ ce_credits = 30 }]", "requirements = [{ ce_credits = nan }]",
         "levels.associate.options[5].requirements[0].ce_credits: nan is not a positive number"),
        ('earned_by = [{ exams = [["100-150"]]', 'earned_by = [{ exams = [{ code = "100-150" }]',
         "certifications[53].earned_by[0].exams[0]: {'code': '100-150'} is not an exam code or a "
         "non-empty array of exam codes"),
        ('acronym = "ENCOR"', "acronym = [1, 2]", "exams[3].acronym: [1, 2] is not a string"),
    ],
)
def test_policy_values_out_of_bounds_are_policy_errors(edit: str, replacement: str, expected: str) -> None:
    found = policy_problems(cisco_with(edit, replacement))
    assert expected in found, found


def test_a_policy_nested_beyond_the_parser_is_a_policy_error() -> None:
    with pytest.raises(PolicyError) as caught:
        _parse(b"[" * 50_000 + b"]" * 50_000, ".json", "p.json")
    assert str(caught.value) == (
        "p.json: not valid JSON: arrays and tables are nested deeper than the parser follows "
        "(recert reads 16 levels)"
    )


def test_a_deep_policy_mapping_is_refused_before_it_is_read() -> None:
    deep: Any = 1
    for _ in range(1000):
        deep = {"x": deep}
    with pytest.raises(PolicyError) as caught:
        policy_from_mapping({"rules": deep})
    assert str(caught.value) == "rules" + ".x" * 15 + ": arrays and tables are nested deeper than 16 levels"


def test_a_version_with_versions_of_its_own_is_refused() -> None:
    raw = cisco_with("[[versions]]\n", "[[versions]]\nversions = [{}]\n")
    assert "versions[0].versions: a version cannot have versions of its own" in policy_problems(raw)


# --- the command line --------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def bugged(monkeypatch: pytest.MonkeyPatch) -> None:
    """``evaluate`` fails with an untyped error on the record of candidate "boom"."""
    real = cli.evaluate

    def evaluate(record: recert.Record, **options: Any) -> recert.Evaluation:
        if record.candidate == "boom":
            raise OverflowError("date value out of range")
        return real(record, **options)

    monkeypatch.setattr(cli, "evaluate", evaluate)
    monkeypatch.setattr(cli, "_LINES_PER_CHUNK", 1)


@pytest.mark.usefixtures("bugged")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_unexpected_failure_of_one_record_is_an_error_in_its_place(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, jobs: str) -> None:
    path = tmp_path / "people.jsonl"
    lines = [{"candidate": c, "as_of": "2025-01-01", "holdings": [CCNA]} for c in ("one", "boom", "three")]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    status, out, err = run(capsys, "evaluate", "--format", "json", "--jobs", jobs, path)
    assert (status, err) == (2, "")
    first, second, third = (json.loads(line) for line in out.splitlines())
    assert first["candidate"] == "one"
    assert third["candidate"] == "three"
    assert second == {
        "error": "recert failed on this record (OverflowError: date value out of range); this is a bug "
                 "in recert, please report it with the record",
        "source": f"{path} line 2",
        "problems": [{"path": "", "message": "recert failed on this record (OverflowError: date value "
                                             "out of range); this is a bug in recert, please report it "
                                             "with the record"}],
    }


@pytest.mark.usefixtures("bugged")
def test_an_unexpected_failure_of_a_record_file_is_an_error_in_its_place(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    boom, fine = tmp_path / "boom.json", tmp_path / "fine.json"
    boom.write_text(json.dumps({"candidate": "boom", "as_of": "2025-01-01"}), encoding="utf-8")
    fine.write_text(json.dumps({"candidate": "fine", "as_of": "2025-01-01"}), encoding="utf-8")
    status, out, err = run(capsys, "evaluate", boom, fine)
    assert (status, err) == (2, "")
    assert out.startswith(f"{boom}: error\n  recert failed on this record (OverflowError: ")
    assert f"fine ({fine}): as of 2025-01-01" in out


def test_lone_surrogates_are_escaped_in_json_output(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"candidate": "\\ud800x", "as_of": "2025-01-01"}\n', encoding="utf-8")
    status, out, _ = run(capsys, "evaluate", "--format", "json", path)
    assert status == 0
    assert out.startswith('{"candidate": "\\ud800x", ')
    out.encode("utf-8")  # writable to any UTF-8 stream
    assert json.loads(out)["candidate"] == "\ud800x"


def test_control_characters_and_surrogates_are_escaped_in_the_text_report(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    record = {"candidate": "\ud800 \x1b[31mred\nnext", "as_of": "2025-01-01",
              "activities": [activity(id="a\u202eb\tc")]}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    status, out, _ = run(capsys, "evaluate", path)
    assert status == 0
    assert out.startswith(f"\\ud800 \\x1b[31mred\\nnext ({path}): as of 2025-01-01")
    assert "  a\\u202eb\\tc  8        unclaimed" in out
    assert "\x1b" not in out
    assert "\t" not in out


def test_an_error_on_standard_error_is_one_safe_line(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "a\x1b[2J\nb.toml"  # a file name is echoed as it is
    bad.write_text('[levels.x]\nrank = "\\n"\nvalidity = [{ years = 3 }]\n', encoding="utf-8")
    status, out, err = run(capsys, "evaluate", "--policy", bad, "-")
    assert (status, out) == (2, "")
    assert err == (f"recert: error: {tmp_path}/a\\x1b[2J; b.toml: levels.x.rank: '\\n' is not a whole "
                   "number >= 0\n")


def test_printable_cuts_a_long_line_saying_how_long() -> None:
    assert printable("x" * 5000) == "x" * 1970 + "... (cut: 5000 characters)"
    assert printable("fine") == "fine"


# --- training offerings ------------------------------------------------------------------------


def test_an_offering_line_nested_beyond_the_parser_is_an_error_in_its_place(tmp_path: Path) -> None:
    from recert.io.offering_catalog import read_catalog

    path = tmp_path / "catalog.jsonl"
    path.write_text("[" * 50_000 + "]" * 50_000 + "\n" + json.dumps({"item_id": [[[[[[1]]]]]]}) + "\n",
                    encoding="utf-8")
    first, second = read_catalog(path)
    assert str(first.error) == ("line 1: not valid JSON: arrays and objects are nested deeper than the "
                                "parser follows")
    assert second.error is not None
    assert "item_id: [[[[...]]]] is not a string" in str(second.error)


def test_too_many_exam_passes_are_refused_by_the_loader() -> None:
    # MAX_EXAMS = 500: 500 passes are read, 501 are refused with the list's path and both counts
    passes = [{"exam": "200-301", "passed_on": "2020-01-01"}] * 501
    assert len(record_from_mapping({"exams": passes[:500]}).exams) == 500
    assert problems({"exams": passes}) == ["exams: 501 entries are more than 500"]
