"""Loader messages are written for the person who wrote the file (issue 17).

Keys are quoted and escaped like values (a raw escape sequence or newline in a message
would act on the terminal; a lone surrogate cannot even be encoded), long keys are cut
to the 80 characters a message shows, JSON's literals are quoted as JSON writes them,
an over-long number is said to be too long (not how to change Python's limit), and a
date after the year 9000 is refused by the loader, so that its error names the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recert import RecordError, load_record, record_from_mapping

FIELDS = "holdings, exams, activities, candidate, as_of, emeritus_on"
CCNA = {"certification": "CCNA", "earned_on": "2023-01-10"}


def message(path: Path) -> str:
    with pytest.raises(RecordError) as caught:
        load_record(path)
    text = str(caught.value)
    text.encode("utf-8")  # any message can be written as UTF-8
    return text


def write_json(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_key_with_an_escape_sequence_and_a_newline_is_escaped(tmp_path: Path) -> None:
    path = write_json(tmp_path, {"\x1b[31m\nkey": 1})
    assert message(path) == f"{path}: '\\x1b[31m\\nkey': unknown field (value 1); expected one of {FIELDS}"


def test_a_key_that_is_a_lone_surrogate_is_escaped(tmp_path: Path) -> None:
    path = write_json(tmp_path, {"\ud800": 1})
    assert message(path) == f"{path}: '\\ud800': unknown field (value 1); expected one of {FIELDS}"


def test_a_long_key_is_cut_to_the_80_characters_a_message_shows(tmp_path: Path) -> None:
    path = write_json(tmp_path, {"holdings": [dict(CCNA, **{"k" * 904: 1})]})
    # describe(): 80 characters shown = the quote, 59 k, then "..." and the key's length.
    assert message(path) == (
        f"{path}: holdings[0].'{'k' * 59}... (904 characters): unknown field (value 1); expected one "
        "of certification, earned_on, expires_on, retired_on, level, first_earned_on, fees_paid_through")


def test_a_plain_key_is_shown_bare(tmp_path: Path) -> None:
    path = write_json(tmp_path, {"holdings": [dict(CCNA, levle="associate")]})
    assert message(path).startswith(f"{path}: holdings[0].levle: unknown field (value 'associate')")


def test_json_null_is_called_null() -> None:
    with pytest.raises(RecordError) as caught:
        record_from_mapping({"holdings": [None], "activities": [
            {"id": "a", "credits": None, "completed_on": "2024-01-01"}]})
    assert str(caught.value) == ("2 problems\n  holdings[0]: null is not an object\n"
                                 "  activities[0].credits: null is not a number")


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_a_number_of_5000_digits_is_too_long(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"r{suffix}"
    digits = "9" * 5000
    path.write_text(f'{{"activities": [{{"id": "a", "credits": {digits}}}]}}' if suffix == ".json"
                    else f'[[activities]]\nid = "a"\ncredits = {digits}\n', encoding="utf-8")
    kind = "JSON" if suffix == ".json" else "TOML"
    # Python reads at most 4300 digits of an integer (sys.int_info.default_max_str_digits).
    assert message(path) == f"{path}: not valid {kind}: a number of 5000 digits is too long (at most 4300 digits)"


def test_a_date_after_the_year_9000_is_refused_by_the_loader_naming_the_file(tmp_path: Path) -> None:
    path = write_json(tmp_path, {"as_of": "9999-12-31", "holdings": [dict(CCNA, earned_on="9000-12-31"),
                                                                      dict(CCNA, earned_on="9001-01-01")]})
    assert message(path) == (f"{path}: 2 problems\n  as_of: 9999-12-31 is after the year 9000\n"
                             "  holdings[1].earned_on: 9001-01-01 is after the year 9000")


def test_the_last_day_of_the_year_9000_is_read() -> None:
    record = record_from_mapping({"holdings": [dict(CCNA, earned_on="9000-12-31")]})
    assert record.holdings[0].earned_on.isoformat() == "9000-12-31"
