"""Shared set-up of the fixed-cycle value tests: the embedded policies and short record builders.

Everything goes through the public API (``recert.load_policy``, ``recert.policy_from_mapping``,
``recert.record_from_mapping``, ``recert.evaluate`` and ``Evaluation.to_dict``).
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import recert

POLICIES = Path(recert.__file__).parent / "io" / "policies"
ISC2 = recert.load_policy(POLICIES / "isc2-cissp.toml")
PMI = recert.load_policy(POLICIES / "pmi-pmp.toml")
ISACA = recert.load_policy(POLICIES / "isaca-cisa.toml")
COMPTIA = recert.load_policy(POLICIES / "comptia.toml")


def policy_data(program: str) -> dict[str, Any]:
    """The parsed TOML of an embedded policy, to be changed by a test and loaded again."""
    with (POLICIES / f"{program}.toml").open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return data


def act(
    id: str,
    credits: float,
    done: str,
    claimed: str | None = None,
    status: str | None = "approved",
    **extra: Any,
) -> dict[str, Any]:
    """An activity as a record gives it; ``claimed=None``: never claimed."""
    out: dict[str, Any] = {"id": id, "credits": credits, "completed_on": done}
    if claimed is not None:
        out["claimed_on"] = claimed
        if status is not None:
            out["status"] = status
    out.update(extra)
    return out


def run(policy: recert.Policy, data: dict[str, Any], as_of: date) -> dict[str, Any]:
    """The JSON result of *data* under *policy* on *as_of*."""
    record = recert.record_from_mapping(data, policy=policy)
    result: dict[str, Any] = recert.evaluate(record, as_of=as_of, policy=policy).to_dict()
    return result


def outcome(
    id: str,
    outcome: str,
    credits: float,
    rule: str,
    text: str,
    *,
    toward: str | None = None,
    reason: str | None = None,
    counted: float = 0,
    capped: str | None = None,
    rolled: float = 0,
    cycle_end: str | None = None,
    toward_all: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The expected JSON of one activity (result format plus programs.md section 7)."""
    return {
        "id": id,
        "outcome": outcome,
        "credits": credits,
        "counted_toward": toward,
        "reason": reason,
        "rule": rule,
        "explanation": text,
        "counted_credits": counted,
        "capped": capped,
        "rolled_over": rolled,
        "cycle_ends_on": cycle_end,
        "counted_toward_all": list(toward_all),
    }


def event(on: str, kind: str, cert: str, rule: str, detail: str, uses: Any = None) -> dict[str, Any]:
    """The expected JSON of one event."""
    return {"on": on, "kind": kind, "certification": cert, "rule": rule, "uses": uses, "detail": detail}


def activity(result: dict[str, Any], id: str) -> dict[str, Any]:
    """The outcome of activity *id*."""
    return next(a for a in result["activities"] if a["id"] == id)


def cert(result: dict[str, Any], name: str) -> dict[str, Any]:
    """The status of certification *name*."""
    return next(c for c in result["certifications"] if c["certification"] == name)
