"""Properties every evaluation has: order independence, facts after as_of ignored, every activity
with an outcome, every rule id known to the policy.

The records are small hand-made histories that exercise many rules at once;
their specific values are checked in the other test_engine_*.py files.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from builders import CCIE_EI, CCNP_ENT, SPEC_ENCOR, act, d, held, passed, record, run
from recert import Record, RecordError, cisco_policy

OUTCOMES = {"counted", "pending", "rejected", "forfeited", "unclaimed"}
REASONS = {
    "claim_window_exceeded",
    "claimed_after_expiration",
    "outside_term",
    "duplicate_item",
    "rejected_by_program",
    "no_ce_eligible_certification",
    "ineligible_category",
}

SCENARIOS: dict[str, tuple[Record, str]] = {
    "ladder": (
        record(
            [
                held("CCNA", "2021-06-01"),
                held(SPEC_ENCOR, "2022-02-01"),
                held(CCNP_ENT, "2022-01-10"),
                held("CCST Networking", "2025-08-01"),
            ],
            [passed("300-410", "2022-05-01"), passed("350-401", "2024-09-01"), passed("100-150", "2025-08-01")],
            [
                act("a1", 30, "2022-03-01", item="X"),
                act("a2", 20, "2022-04-01", item="X"),
                act("a3", 30, "2022-06-01", "2022-06-20", "rejected"),
                act("a4", 40, "2023-01-10", "2024-02-14"),
                act("a5", 16, "2023-02-01", None),
                act("a6", 24, "2023-03-01", "2023-03-05", None),
                act("a7", 8, "2024-09-01", category="cisco_live"),
                act("a8", 12, "2025-10-01", "2025-10-02", "approved", "2025-10-20"),
            ],
        ),
        "2025-11-01",
    ),
    "retarget": (
        record(
            [held(CCNP_ENT, "2020-06-01"), held("CCNA", "2021-09-01"), held("CCDA", "2019-06-01")],
            [passed("820-605", "2021-01-01")],
            [
                act("b1", 20, "2021-03-01"),
                act("b2", 20, "2022-02-01"),
                act("b3", 10, "2023-08-01"),
                act("b4", 10, "2023-02-01", "2023-07-01"),
            ],
        ),
        "2023-09-01",
    ),
    "pending_at_expiration": (
        record(
            [held("CCNA", "2020-03-01"), held("Customer Success Manager", "2020-05-01")],
            activities=[
                act("c1", 30, "2023-01-20", "2023-02-20", None),
                act("c2", 10, "2023-02-01", "2023-03-02"),
            ],
        ),
        "2023-04-01",
    ),
    "expert": (
        record(
            [held(CCIE_EI, "2021-01-10"), held("CCIE Security", "2021-03-01"), held("CCNA", "2020-01-01")],
            [passed("300-410", "2022-06-01"), passed("300-420", "2022-09-01"), passed("300-430", "2023-02-01")],
            [act("e1", 100, "2021-02-01"), act("e2", 20, "2021-04-01"), act("e3", 40, "2022-01-01")],
        ),
        "2024-06-01",
    ),
}


def _canonical(result: dict[str, Any]) -> dict[str, Any]:
    """The result with the input-ordered list (activities) and same-day events put in a fixed order."""
    out = dict(result)
    out["activities"] = sorted(result["activities"], key=lambda a: a["id"])
    out["events"] = sorted(json.dumps(e, sort_keys=True) for e in result["events"])
    return out


def _shuffled(rec: Record, seed: int) -> Record:
    rng = random.Random(seed)
    holdings, exams, activities = list(rec.holdings), list(rec.exams), list(rec.activities)
    rng.shuffle(holdings)
    rng.shuffle(exams)
    rng.shuffle(activities)
    return Record(holdings=holdings, exams=exams, activities=activities)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_order_of_the_record_lists_does_not_matter(name: str) -> None:
    rec, as_of = SCENARIOS[name]
    expected = _canonical(run(rec, as_of).to_dict())
    for seed in range(3):
        assert _canonical(run(_shuffled(rec, seed), as_of).to_dict()) == expected, seed


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_activity_appears_in_input_order_with_an_outcome(name: str) -> None:
    rec, as_of = SCENARIOS[name]
    ev = run(rec, as_of)
    assert [a.id for a in ev.activities] == [a.id for a in rec.activities]
    for outcome in ev.activities:
        assert outcome.outcome in OUTCOMES, outcome.id
        if outcome.outcome == "rejected":
            assert outcome.reason in REASONS, outcome.id
        else:
            assert outcome.reason is None, outcome.id
        assert outcome.explanation, outcome.id


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_rule_id_in_the_result_exists_in_the_policy(name: str) -> None:
    rec, as_of = SCENARIOS[name]
    ev = run(rec, as_of)
    rules = cisco_policy().rules
    cited = (
        [c.rule for c in ev.certifications]
        + [a.rule for a in ev.activities]
        + [e.rule for e in ev.events]
        + [s.rule for s in ev.next]
    )
    assert cited
    assert [r for r in cited if r not in rules] == []


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_active_ladder_certification_has_a_next_step(name: str) -> None:
    rec, as_of = SCENARIOS[name]
    ev = run(rec, as_of)
    ladder = {"associate", "specialist", "professional", "expert"}
    expected = [c.certification for c in ev.certifications if c.status == "active" and c.level in ladder]
    assert sorted(s.certification for s in ev.next) == sorted(expected)
    for s in ev.next:
        assert s.deadline == ev.certification(s.certification).expires_on


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_facts_after_as_of_are_ignored(name: str) -> None:
    # D-ASOF-1: adding a holding, exam passes, activities and claims dated after as_of changes
    # nothing but the new activities' own outcome (unclaimed).
    rec, as_of = SCENARIOS[name]
    day = d(as_of)
    later = day.replace(year=day.year + 1)
    future = Record(
        holdings=[*rec.holdings, held("DevNet Associate", later.isoformat())],
        exams=[*rec.exams, passed("200-301", later.isoformat()), passed("350-701", later.isoformat())],
        activities=[
            *rec.activities,
            act("future-completed", 80, later.isoformat()),
            act("future-claim", 80, as_of, later.isoformat()),
        ],
    )
    base = run(rec, as_of).to_dict()
    with_future = run(future, as_of).to_dict()
    for key in ("certifications", "pool", "next", "events"):
        assert with_future[key] == base[key], key
    outcomes = {a["id"]: a for a in with_future["activities"]}
    assert outcomes["future-completed"]["outcome"] == "unclaimed"
    assert outcomes["future-claim"]["outcome"] == "unclaimed"
    assert [a for a in with_future["activities"] if not a["id"].startswith("future")] == base["activities"]


def test_the_result_is_json_serialisable() -> None:
    rec, as_of = SCENARIOS["ladder"]
    result = run(rec, as_of).to_dict()
    assert json.loads(json.dumps(result)) == result
    assert result["as_of"] == as_of
    # The record format's contract: at least these fields (more may be added).
    assert result["policy"]["id"] == "cisco-ce"
    assert result["policy"]["version"] == "2020-02-24"


def test_unknown_names_are_a_record_error_with_their_path() -> None:
    # Style guide: bad input gets a typed error naming the field path and the value.
    rec = record([held("CCNA", "2022-01-10"), held("CCNX", "2022-01-10")], [passed("999-999", "2022-05-01")])
    with pytest.raises(RecordError) as caught:
        run(rec, "2023-01-01")
    text = str(caught.value)
    assert "holdings[1].certification" in text
    assert "'CCNX'" in text
    assert "exams[0].exam" in text
