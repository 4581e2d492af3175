"""``recert evaluate --jobs N``: workers read, evaluate and write chunks of JSON Lines.

The output must be the one of ``--jobs 1`` byte for byte: input order, error
lines in place with their ``FILE line N`` source, each record on its own
``as_of``, a blank line between text reports across chunk boundaries, and
the records read before an unreadable part of a file before its error.
Chunks are made 3 lines long here so that a few lines cross several chunks.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from recert import cisco_policy
from recert.batch import _map_chunks
from recert.cli import evaluate as cli
from recert.cli import main
from recert.cli.evaluate import _chunks_of_lines, _Lines

EXAMPLES = Path(__file__).parents[2] / "examples"

CCNA = {"certification": "CCNA", "earned_on": "2022-09-15"}
LINES = [
    json.dumps({"candidate": "L1", "holdings": [CCNA]}),
    "",                                                      # line 2: blank, skipped but counted
    "{not json",                                             # line 3
    json.dumps({"candidate": "L4", "holdings": [CCNA], "as_of": "2025-03-01"}),
    json.dumps({"candidate": "L5", "holdings": [dict(CCNA, earned_on="2022-02-30")]}),
    "   ",                                                   # line 6: blank
    '{"candidate": "L7", "candidate": "again"}',             # line 7: a repeated key
    json.dumps({"candidate": "L8", "holdings": [CCNA]}),
]


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_LINES_PER_CHUNK", 3)


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def outputs(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """The command's output with --jobs 1, checked equal to --jobs 2's and --jobs 3's."""
    one = run(capsys, *argv, "--jobs", "1")
    assert run(capsys, *argv, "--jobs", "2") == one
    assert run(capsys, *argv, "--jobs", "3") == one
    return one


def test_json_lines_give_the_same_json_with_any_number_of_jobs(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "people.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    status, out, err = outputs(capsys, "evaluate", "--format", "json", "--as-of", "2026-01-01", path)
    assert (status, err) == (2, "")
    results: list[dict[str, Any]] = [json.loads(line) for line in out.splitlines()]
    assert [r.get("candidate") or r["source"] for r in results] == [
        "L1", f"{path} line 3", "L4", f"{path} line 5", f"{path} line 7", "L8"]
    # CCNA 2022-09-15 + 3 years = 2025-09-15: expired on --as-of 2026-01-01, which overrides L4's own
    # 2025-03-01.
    assert [(r["as_of"], r["certifications"][0]["status"]) for r in results if "as_of" in r] == [
        ("2026-01-01", "expired"), ("2026-01-01", "expired"), ("2026-01-01", "expired")]
    assert results[1]["error"].startswith("not valid JSON: Expecting property name")
    assert results[3]["problems"] == [{"path": "holdings[0].earned_on", "message":
                                       "'2022-02-30' is not a date: day is out of range for month"}]
    assert results[4]["error"] == "not valid JSON: the key 'candidate' appears twice in one object"


def test_text_reports_are_separated_by_one_blank_line_across_chunks(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "people.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    status, out, _ = outputs(capsys, "evaluate", "--as-of", "2026-01-01", path)
    assert status == 2
    blocks = out.split("\n\n")
    # Six records, and each report has blank lines of its own: headings only count.
    headings = [line for line in out.splitlines()
                if line.startswith(("L1 ", "L4 ", "L8 ")) or line.endswith(": error")]
    assert headings == [
        f"L1 ({path}): as of 2026-01-01, policy cisco-ce " + headings[0].rsplit(" ", 1)[1],
        f"{path} line 3: error",
        f"L4 ({path}): as of 2026-01-01, policy cisco-ce " + headings[0].rsplit(" ", 1)[1],
        f"{path} line 5: error",
        f"{path} line 7: error",
        f"L8 ({path}): as of 2026-01-01, policy cisco-ce " + headings[0].rsplit(" ", 1)[1],
    ]
    assert not out.startswith("\n")
    assert "\n\n\n" not in out
    assert blocks[-1].endswith("\n")


def test_standard_input_and_files_keep_their_order_and_sources(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(LINES[:4]) + "\n"))
    status, out, err = run(capsys, "evaluate", "--format", "json", "--as-of", "2026-01-01", "--jobs",
                           "2", EXAMPLES / "ccnp-renewed.json", "-", tmp_path / "absent.jsonl",
                           EXAMPLES / "devnet-associate.toml")
    assert (status, err) == (2, "")
    results = [json.loads(line) for line in out.splitlines()]
    assert [r.get("candidate") or r["source"] for r in results] == [
        "C-1001", "L1", "<stdin> line 3", "L4", str(tmp_path / "absent.jsonl"), "C-5005"]
    assert results[4]["error"] == "cannot read the file: No such file or directory"


def test_a_line_that_is_not_utf8_is_an_error_in_its_place(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    good = json.dumps({"candidate": "ok", "holdings": [CCNA]}) + "\n"
    path.write_bytes(good.encode() * 4 + b'{"candidate": "\xff"}\n' + good.encode())
    for jobs in ("1", "2"):
        status, out, _ = outputs(capsys, "evaluate", "--format", "json", "--as-of", "2026-01-01",
                                 "--jobs", jobs, path)
        assert status == 2
        results = [json.loads(line) for line in out.splitlines()]
        # Lines are decoded one by one: the four good lines, line 5's error, then line 6.
        assert [r.get("candidate") or r["source"] for r in results] == [
            "ok", "ok", "ok", "ok", f"{path} line 5", "ok"]
        assert results[4]["error"].startswith("not UTF-8 text: 'utf-8' codec can't decode byte 0xff")


def test_lines_come_in_chunks_numbered_from_one() -> None:
    lines = ["a\n", "b\n", "\n", "c\n", "d\n"]
    assert list(_chunks_of_lines(lines, "<stdin>", "-", 2)) == [
        _Lines("<stdin>", "-", 1, ["a\n", "b\n"]),
        _Lines("<stdin>", "-", 3, ["\n", "c\n"]),
        _Lines("<stdin>", "-", 5, ["d\n"]),
    ]
    assert list(_chunks_of_lines([], "f", "f", 2)) == []


def test_a_read_error_comes_after_the_lines_read_before_it() -> None:
    def failing() -> Any:
        yield "a\n"
        yield "b\n"
        yield "c\n"
        raise OSError(5, "Input/output error")

    chunks = _chunks_of_lines(failing(), "f", "f", 2)
    assert next(chunks) == _Lines("f", "f", 1, ["a\n", "b\n"])
    assert next(chunks) == _Lines("f", "f", 3, ["c\n"])
    with pytest.raises(OSError, match="Input/output error"):
        next(chunks)


def _policy_id_and_chunk(chunk: list[int], policy: Any, tag: str) -> list[tuple[str, str, list[int]]]:
    return [(policy.id, tag, chunk)]


@pytest.mark.parametrize("processes", [1, 2])
def test_chunks_are_read_only_a_few_ahead_of_the_results(processes: int) -> None:
    read: list[int] = []

    def chunks() -> Any:
        for number in range(1000):
            read.append(number)
            yield [number, number]

    results = _map_chunks(_policy_id_and_chunk, chunks(), policy=cisco_policy(),
                          processes=processes, extra=("t",))
    for index in range(10):
        assert next(results) == ("cisco-ce", "t", [index, index])
        # In this process: nothing ahead. In workers: at most 2 chunks per worker in flight.
        assert len(read) <= index + 1 + (0 if processes == 1 else 2 * processes)
    results.close()
    assert len(read) < 20
