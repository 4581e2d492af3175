"""Coverage-guided fuzzing of the JSON Lines path under atheris (not run in CI).

Each input is bytes, read as a JSON Lines line the way ``recert evaluate`` reads
one (UTF-8, then :func:`recert.iter_records`); a record is then evaluated and
written in both output formats. Anything but a result or a
:class:`recert.RecertError` (an untyped exception), or a result whose activities
do not each have one outcome, is a crash atheris reports with the input.

The corpus starts from the example records (``examples/*.json`` and the lines of
``examples/records.jsonl``), written to ``--corpus`` (default
``/tmp/recert-atheris-corpus``) when the directory is empty.

    pip install atheris
    python tests/fuzz/atheris_json.py -max_total_time=300 [other libFuzzer options]
"""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

try:
    import atheris
except ImportError:  # pragma: no cover - depends on the machine
    print("atheris is not installed (pip install atheris; it needs a Linux or macOS wheel or clang): "
          "nothing fuzzed", file=sys.stderr)
    sys.exit(0)

with atheris.instrument_imports():
    import recert
    from recert import RecertError, cisco_policy, evaluate, iter_records
    from recert.cli.evaluate import _write_json, _write_text

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2025, 3, 1)
POLICY = cisco_policy()
OUTCOMES = {"counted", "forfeited", "pending", "rejected", "unclaimed"}


def seeds() -> list[bytes]:
    out = [p.read_bytes().replace(b"\n", b" ") for p in sorted((ROOT / "examples").glob("*.json"))]
    out += [line for line in (ROOT / "examples" / "records.jsonl").read_bytes().splitlines() if line.strip()]
    return out


def one_input(data: bytes) -> None:
    try:
        line = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # the command line reports it as "not UTF-8 text"
    for item in iter_records([line], policy=POLICY, source="in"):
        if isinstance(item, RecertError):
            _write_text(io.StringIO(), item, "in", pretty=False, first=True)
            continue
        try:
            result = evaluate(item, as_of=item.as_of or AS_OF, policy=POLICY)
        except RecertError:
            continue
        assert sorted(a.id for a in result.activities) == sorted(a.id for a in item.activities)
        assert all(a.outcome in OUTCOMES for a in result.activities)
        for write in (_write_json, _write_text):
            out = io.StringIO()
            write(out, result, "in", pretty=False, first=True)
            out.getvalue().encode("utf-8")
            if write is _write_json:
                json.loads(out.getvalue())


def main() -> None:
    corpus = Path("/tmp/recert-atheris-corpus")
    args = [a for a in sys.argv if not a.startswith("--corpus=")]
    for a in sys.argv:
        if a.startswith("--corpus="):
            corpus = Path(a.split("=", 1)[1])
    corpus.mkdir(parents=True, exist_ok=True)
    if not any(corpus.iterdir()):
        for i, seed in enumerate(seeds()):
            (corpus / f"seed-{i}").write_bytes(seed)
    print(f"recert {recert.__name__}: fuzzing the JSON Lines path, corpus {corpus}", file=sys.stderr)
    atheris.Setup([*args, str(corpus)], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
