"""Embed recert in an application: who needs what, by when.

Reads the records of ``examples/records.jsonl``, evaluates each one with the
embedded Cisco CE policy and prints, per person, each active certification's
deadline and what is still missing (CE credits, or an exam), plus the claims whose decision would change a status.

Run from the repository root::

    python examples/embed.py [RECORDS.jsonl] [--as-of YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import recert


def _todo(step: recert.NextStep) -> str:
    """What to do for one certification: its CE-only option if it has one, else its first option."""
    ce_only = [gap for gap in step.options if gap.option.endswith("CE credits") and "+" not in gap.option]
    exam = next((gap for gap in step.options if "CE credits" not in gap.option), None)
    alternative = f", or {exam.missing.replace(', ', ' and ')}" if exam else ""
    if ce_only and ce_only[0].served_by:
        # Credits go to the highest level's pool; this one renews with it by cascade (R-CASC-1).
        return f"renews with {ce_only[0].served_by}{alternative}"
    if ce_only:
        return f"{ce_only[0].missing}{alternative}"
    return step.options[0].missing if step.options else "nothing"


def report(evaluation: recert.Evaluation) -> list[str]:
    """A few lines for one person: what is missing for each active certification."""
    who = evaluation.candidate or "(no candidate id)"
    lines = [f"{who}, as of {evaluation.as_of.isoformat()}:"]
    for step in evaluation.next:
        days = evaluation.certification(step.certification).days_left
        lines.append(f"  {step.certification}: by {step.deadline} ({days} days): {_todo(step)}")
    for status in evaluation.certifications:
        if status.status == "expired":
            pending = f" unless claim(s) {', '.join(status.awaiting)} are approved" if status.awaiting else ""
            lines.append(f"  {status.certification}: expired after {status.expires_on}{pending}")
    if len(lines) == 1:
        lines.append("  nothing to renew")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", nargs="?", default=Path(__file__).with_name("records.jsonl"))
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2025, 3, 1))
    args = parser.parse_args()
    policy = recert.cisco_policy()
    bad = 0
    with open(args.records, encoding="utf-8") as lines:
        for item in recert.iter_records(lines, policy=policy):
            if isinstance(item, recert.RecordError):
                print(f"skipped: {item}", file=sys.stderr)
                bad += 1
                continue
            evaluation = recert.evaluate(item, as_of=item.as_of or args.as_of, policy=policy)
            print("\n".join(report(evaluation)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
