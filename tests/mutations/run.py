"""Mutation check: each hand-made engine bug must make at least one invariant fail.

Usage (from the repository root)::

    python tests/mutations/run.py [--examples N]

For each mutation the script copies ``src/`` to a temporary directory,
applies a small textual patch to the copy (a module of ``recert/core/engine/``;
the working tree is never touched), and runs every invariant of
:mod:`recert.testing.invariants` in a fresh Python process on that copy,
with Hypothesis on the embedded Cisco policy and on random policies. It
prints which invariants caught the mutation and the shrunk counter-example
of the first one. It exits 1 if a mutation goes uncaught or a patch no
longer applies (the engine changed: update the patch), and prints the
unmutated baseline first (every invariant must pass there).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: name -> (what the mutation breaks, [(file, old text, new text), ...])
MUTATIONS: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "no_pool_reset": (
        "R-CE-5: a recertification of the pool's level does not use the pool up",
        [
            (
                "core/engine/_pool.py",
                "        renewed: list[CertState] | None = None,\n    ) -> None:\n",
                "        renewed: list[CertState] | None = None,\n    ) -> None:\n        return\n",
            )
        ],
    ),
    "claim_window_not_checked": (
        "R-CE-2: a claim made after the claim window is not rejected",
        [("core/engine/_pool.py", "if late > window:", "if False:")],
    ),
    "cascade_skipped": (
        "R-CASC-1: a recertification does not renew the levels below",
        [
            (
                "core/engine/_renewal.py",
                "        held: bool = False,\n    ) -> None:\n",
                "        held: bool = False,\n    ) -> None:\n        return\n",
            )
        ],
    ),
    "once_per_term_ignored": (
        "R-CE-1, D-DUP-1: the same catalog item counts twice in one term",
        [
            (
                "core/engine/_pool.py",
                "twin = next((e for e in cert.entries if e.item == entry.item), None)",
                "twin = None",
            )
        ],
    ),
    "expiration_exclusive": (
        "R-VAL-1: a term ends the day before its expiration date instead of on it",
        [
            (
                "core/engine/_timeline.py",
                "days.append(c.expires + ONE_DAY)",
                "days.append(c.expires)",
            ),
            (
                "core/engine/_terms.py",
                "            if cert.active and cert.expires is not None and cert.expires < today:",
                "            if cert.active and cert.expires is not None and cert.expires <= today:",
            ),
            (
                "core/engine/_state.py",
                "(self.expires is None or day <= self.expires)",
                "(self.expires is None or day < self.expires)",
            ),
        ],
    ),
}

# Runs inside the mutated copy: every invariant, Cisco then random policies.
_PROBE = r"""
import json, sys
from hypothesis import HealthCheck, given, settings
from recert import cisco_policy
from recert.testing import invariants, strategies as rst

examples = int(sys.argv[1])
cisco = cisco_policy()
found = {}
options = dict(max_examples=examples, deadline=None, database=None, derandomize=True,
               suppress_health_check=list(HealthCheck), report_multiple_bugs=False)


def tests(check):
    @settings(**options)
    @given(case=rst.cases(cisco))
    def on_cisco(case):
        check(cisco, case.record, case.as_of)

    @settings(**options)
    @given(pair=rst.policy_cases())
    def on_random(pair):
        policy, case = pair
        check(policy, case.record, case.as_of)

    return (("cisco", on_cisco), ("random", on_random))


for name, check in invariants.ALL.items():
    for where, test in tests(check):
        try:
            test()
        except invariants.InvariantViolation as error:
            found[name] = f"{where}: {error}"
            break
print(json.dumps(found))
"""


def _probe(src: Path, examples: int) -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(examples)],
        env={**os.environ, "PYTHONPATH": str(src)},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    result: dict[str, str] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=300, help="Hypothesis examples per invariant")
    parser.add_argument("--only", nargs="*", help="mutation names to run")
    args = parser.parse_args()
    status = 0
    print(f"baseline (unmutated engine), {args.examples} examples per invariant and policy family:")
    baseline = _probe(ROOT / "src", args.examples)
    print("  every invariant holds" if not baseline else f"  BROKEN: {sorted(baseline)}")
    status |= bool(baseline)
    for name, (what, patches) in MUTATIONS.items():
        if args.only and name not in args.only:
            continue
        with tempfile.TemporaryDirectory(prefix=f"recert-mutant-{name}-") as tmp:
            src = Path(tmp) / "src"
            shutil.copytree(ROOT / "src", src)
            for file, old, new in patches:
                path = src / "recert" / file
                text = path.read_text()
                if text.count(old) != 1:
                    print(f"{name}: patch no longer applies to {file}: {old!r}")
                    status = 1
                    break
                path.write_text(text.replace(old, new))
            else:
                caught = _probe(src, args.examples)
                print(f"\n{name} ({what}): caught by {sorted(caught) or 'NOTHING'}")
                if caught:
                    first = caught[min(caught)]
                    print("  " + first.replace("\n", "\n  ")[:1500])
                else:
                    status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
