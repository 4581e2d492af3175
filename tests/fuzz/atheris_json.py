"""Coverage-guided fuzzing of the loaders under atheris (not run in CI).

``--target=records`` (the default): each input is bytes, read as a JSON Lines line the
way ``recert evaluate`` reads one (UTF-8, then :func:`recert.iter_records`) under the
embedded policy ``--policy=ID`` (default ``cisco-ce``; ``isc2-cissp``, ``comptia``,
``pmi-pmp``, ``isaca-cisa`` for the fixed-cycle evaluator); a record is then evaluated
and written in both output formats. ``--target=toml`` or ``--target=json``: each input
is a policy file's bytes, read as ``load_policy`` reads a ``.toml`` or ``.json`` file;
when it is a policy, the example records of ``--policy`` are decided under it.
Anything but a result or a :class:`recert.RecertError` (an untyped exception), or a
result whose activities do not each have one outcome, is a crash atheris reports with
the input.

The corpus starts from the example records of the policy (``examples/``, or
``examples/programs/`` and ``tests/programs/cases/``) or from the embedded policy's
text, written to ``--corpus`` (default ``/tmp/recert-atheris-<target>-<policy>``)
when the directory is empty.

    pip install atheris
    python tests/fuzz/atheris_json.py -max_total_time=300 [--target=toml] [--policy=isc2-cissp] [libFuzzer options]
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
    from recert import RecertError, evaluate, iter_records
    from recert.cli.evaluate import _write_json, _write_text
    from recert.io.embedded import load_embedded_policy
    from recert.io.policy_toml import policy_from_bytes

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2025, 3, 1)
OUTCOMES = {"counted", "forfeited", "pending", "rejected", "unclaimed"}
OPTIONS = {"target": "records", "policy": "cisco-ce", "corpus": ""}
for _arg in sys.argv[1:]:
    if _arg.startswith("--") and "=" in _arg and _arg[2:].split("=", 1)[0] in OPTIONS:
        OPTIONS[_arg[2:].split("=", 1)[0]] = _arg.split("=", 1)[1]
POLICY = load_embedded_policy(OPTIONS["policy"])


def record_lines() -> list[bytes]:
    """The example records of ``--policy``, one JSON line each (a program case's ``as_of`` put in)."""
    if OPTIONS["policy"] == "cisco-ce":
        out = [p.read_bytes().replace(b"\n", b" ") for p in sorted((ROOT / "examples").glob("*.json"))]
        out += [line for line in (ROOT / "examples" / "records.jsonl").read_bytes().splitlines() if line.strip()]
        return out
    out = [(ROOT / "examples" / "programs" / f"{OPTIONS['policy']}.json").read_bytes().replace(b"\n", b" ")]
    for path in sorted((ROOT / "tests" / "programs" / "cases" / OPTIONS["policy"]).glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        out.append(json.dumps({**case["record"], "as_of": case["as_of"]}).encode("utf-8"))
    return out


RECORDS = [json.loads(line) for line in record_lines()]


def seeds() -> list[bytes]:
    if OPTIONS["target"] == "records":
        return record_lines()
    text = (Path(recert.__file__).parent / "io" / "policies" / f"{OPTIONS['policy']}.toml").read_bytes()
    if OPTIONS["target"] == "json":
        import tomllib

        return [json.dumps(tomllib.loads(text.decode("utf-8")), default=str).encode("utf-8")]
    return [text]


def one_input(data: bytes) -> None:
    if OPTIONS["target"] != "records":
        try:
            policy = policy_from_bytes(data, "." + OPTIONS["target"], "fuzzed." + OPTIONS["target"])
        except RecertError as error:
            _write_text(io.StringIO(), error, "in", pretty=False, first=True)
            return
        for record in RECORDS:
            decide(json.dumps(record), policy)
        return
    try:
        line = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # the command line reports it as "not UTF-8 text"
    decide(line, POLICY)


def decide(line: str, policy: recert.Policy) -> None:
    """Read *line* as a JSON Lines record under *policy*, decide it and write the result both ways."""
    for item in iter_records([line], policy=policy, source="in"):
        if isinstance(item, RecertError):
            _write_text(io.StringIO(), item, "in", pretty=False, first=True)
            continue
        try:
            result = evaluate(item, as_of=item.as_of or AS_OF, policy=policy)
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
    corpus = Path(OPTIONS["corpus"] or f"/tmp/recert-atheris-{OPTIONS['target']}-{OPTIONS['policy']}")
    args = [a for a in sys.argv if not (a.startswith("--") and a[2:].split("=", 1)[0] in OPTIONS)]
    corpus.mkdir(parents=True, exist_ok=True)
    if not any(corpus.iterdir()):
        for i, seed in enumerate(seeds()):
            (corpus / f"seed-{i}").write_bytes(seed)
    print(f"recert: fuzzing {OPTIONS['target']} under {OPTIONS['policy']}, corpus {corpus}", file=sys.stderr)
    atheris.Setup([*args, str(corpus)], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
