"""The loader of the fixed-cycle keys (``tests/programs/DESIGN.md`` sections 1 and 4).

Every new key read right from a small policy, and every bad value of it a
:class:`~recert.exceptions.PolicyError` naming the field path and the value.
A policy without the new keys keeps ``program`` ``None`` (evaluated as before).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from recert import policy_from_mapping
from recert.core.cycles.model import CreditMinimum, ExamCount, FeesPaid, Span
from recert.exceptions import PolicyError

RULES = {
    rid: {"title": rid, "text": rid}
    for rid in (
        "R-A",
        "R-B",
        "R-FC-2",
        "R-FC-3",
        "R-FC-5",
        "R-FC-6",
        "R-FC-8",
        "R-FC-9",
        "R-FC-10",
        "R-OPT-1",
    )
}


def fixed() -> dict[str, Any]:
    """A small fixed-cycle policy using every new key once."""
    return {
        "exam_kinds": ["main"],
        "policy": {"id": "demo", "unit": "PDU"},
        "parameters": {
            "claim_window_days": False,
            "default_category": "a",
            "credit_step": 0.5,
            "cascade": "map",
        },
        "lifecycle": {
            "cycle": "fixed",
            "window": {
                "days": 30,
                "allows": ["reporting"],
                "status": "suspended",
                "then": "revoked",
                "rule": "R-A",
            },
            "reporting": {"deadline": "window", "rule": "R-FC-5"},
            "rollover": {"max": 10, "within": {"months": 6}, "categories": ["a"], "rule": "R-B"},
        },
        "groups": {"g": {"description": "a group"}},
        "categories": {"a": {"group": "g"}, "b": {}},
        "levels": {
            "low": {
                "rank": 1,
                "ladder": True,
                "validity": [{"years": 3}],
                "options": [{"rule": "R-OPT-1", "requirements": [{"ce_credits": 5}]}],
            },
            "top": {
                "rank": 2,
                "ladder": True,
                "validity": [{"years": 3}],
                "caps": [
                    {"categories": ["b"], "max": 4, "per": "year", "rule": "R-FC-6"},
                    {"groups": ["g"], "max": 20},
                ],
                "options": [
                    {
                        "label": "credits",
                        "rule": "R-OPT-1",
                        "requirements": [
                            {"ce_credits": 30, "rule": "R-A"},
                            {"ce_credits": 10, "categories": ["a"], "rule": "R-A"},
                            {"ce_credits": 12, "groups": ["g"]},
                            {"ce_credits": 5, "per": "year", "on_miss": "revoke"},
                            {"ce_credits": 8, "per": "year", "advisory": True},
                            {"fees": True, "rule": "R-FC-9"},
                        ],
                    },
                    {
                        "label": "exam",
                        "rule": "R-OPT-1",
                        "restarts": True,
                        "requirements": [{"exams": 1, "codes": ["X1"]}],
                    },
                ],
            },
        },
        "exams": [{"code": "X1", "kind": "main"}],
        "certifications": [
            {
                "name": "Top",
                "level": "top",
                "renews": ["Low"],
                "renews_rule": "R-A",
                "earned_by": [{"exams": ["X1"]}],
            },
            {"name": "Low", "level": "low"},
            {"name": "Side", "level": "low", "follows": "Top", "share_credits": True},
        ],
        "rules": RULES,
    }


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        policy_from_mapping(data)
    return [str(p) for p in caught.value.problems]


def test_every_new_key_is_read() -> None:
    policy = policy_from_mapping(fixed())
    program = policy.program
    assert program is not None
    assert policy.unit == "PDU"
    assert program.fixed
    assert program.default_category == "a"
    assert program.credit_step == 0.5
    assert program.claim_window is False
    assert program.cascade == "map"
    assert program.groups == {"a": "g"}
    window = program.lifecycle.window
    assert window is not None
    assert window.length == Span(days=30)
    assert window.allows == frozenset({"reporting"})
    assert window.then == "revoked"
    assert program.lifecycle.deadline_kind == "window"
    rollover = program.lifecycle.rollover
    assert rollover is not None
    assert (rollover.max, rollover.within, rollover.categories) == (10, Span(months=6), ("a",))
    caps = program.caps_of("Top", "top")
    assert [(c.categories, c.groups, c.max, c.per) for c in caps] == [
        (("b",), (), 4, "year"),
        ((), ("g",), 20, "cycle"),
    ]
    credit, exam = program.options_of("Top", "top")
    assert credit.requirements == (
        CreditMinimum(30, rule="R-A"),
        CreditMinimum(10, categories=("a",), rule="R-A"),
        CreditMinimum(12, groups=("g",)),
        CreditMinimum(5, per_year=True, on_miss="revoke"),
        CreditMinimum(8, per_year=True, advisory=True),
        FeesPaid("R-FC-9"),
    )
    assert [r.kind for r in credit.requirements if isinstance(r, CreditMinimum)] == [
        "total",
        "category_min",
        "group_min",
        "year_min",
        "year_min",
    ]
    assert exam.restarts
    assert exam.requirements == (ExamCount(1, (), ("X1",)),)
    assert program.renews == {"Top": ("Low",)}
    assert program.follows["Side"].leader == "Top"
    assert program.follows["Side"].share_credits


def test_a_policy_without_the_new_keys_has_no_program() -> None:
    data = fixed()
    for key in ("lifecycle", "groups"):
        del data[key]
    data["policy"] = {"id": "plain"}
    data["parameters"] = {}
    data["categories"] = {"a": {}, "b": {}}
    data["levels"]["top"] = {
        "rank": 2,
        "ladder": True,
        "validity": [{"years": 3}],
        "options": [{"rule": "R-OPT-1", "requirements": [{"ce_credits": 30}]}],
    }
    data["certifications"] = [{"name": "Top", "level": "top"}, {"name": "Low", "level": "low"}]
    policy = policy_from_mapping(data)
    assert policy.program is None
    assert policy.unit == "CE credits"


def test_the_embedded_cisco_policy_has_no_program() -> None:
    from recert import cisco_policy

    assert cisco_policy().program is None
    assert cisco_policy().unit == "CE credits"


BAD: list[tuple[str, Any, str]] = [
    # (where, value, the path and words the problem must name)
    ("parameters.default_category", "zzz", "parameters.default_category: 'zzz' is not a category"),
    ("parameters.credit_step", 0, "parameters.credit_step: 0 is not a positive number"),
    ("parameters.credit_step", "x", "parameters.credit_step: 'x' is not a positive number"),
    ("parameters.cascade", "tree", "parameters.cascade: 'tree' is not 'ladder' or 'map'"),
    ("parameters.claim_window_days", True, "parameters.claim_window_days: True is not a whole number"),
    ("policy.unit", 3, "policy.unit: 3 is not a non-empty string"),
    ("lifecycle.cycle", "spiral", "lifecycle.cycle: 'spiral' is not one of 'rolling', 'fixed'"),
    ("lifecycle.calendar", "lunar", "lifecycle.calendar: 'lunar' is not one of"),
    ("lifecycle.cycle_rule", "R-NONE", "lifecycle.cycle_rule: 'R-NONE' is not a rule id of [rules]"),
    ("lifecycle.colour", "red", "lifecycle.colour: unknown field"),
    ("lifecycle.window.days", -3, "lifecycle.window.days: -3 is not a whole number >= 1"),
    ("lifecycle.window.years", 2, "lifecycle.window: gives days and years of days, years, until"),
    ("lifecycle.window.allows", ["sleeping"], "lifecycle.window.allows[0]: 'sleeping' is not one of"),
    ("lifecycle.window.then", "gone", "lifecycle.window.then: 'gone' is not one of 'expired', 'revoked'"),
    ("lifecycle.window.status", "paused", "lifecycle.window.status: 'paused' is not one of"),
    ("lifecycle.window.rule", "R-NONE", "lifecycle.window.rule: 'R-NONE' is not a rule id"),
    ("lifecycle.reporting.deadline", "never", "lifecycle.reporting.deadline: 'never' is not one of"),
    (
        "lifecycle.reporting.yearly_by",
        "13-01",
        "lifecycle.reporting.yearly_by: '13-01' is not a day of the year",
    ),
    (
        "lifecycle.reporting.yearly_by",
        "02-29",
        "lifecycle.reporting.yearly_by: '02-29' is not a day of the year",
    ),
    ("lifecycle.rollover.max", -1, "lifecycle.rollover.max: -1 is not a positive number"),
    ("lifecycle.rollover.within", {"weeks": 2}, "lifecycle.rollover.within.weeks: unknown field"),
    (
        "lifecycle.rollover.categories",
        ["nope"],
        "lifecycle.rollover.categories[0]: 'nope' is not in [categories]",
    ),
    ("categories.a.group", "nope", "categories.a.group: 'nope' is not a group of [groups]"),
    (
        "levels.top.caps",
        [{"categories": ["b"], "max": 0}],
        "levels.top.caps[0].max: 0 is not a positive number",
    ),
    ("levels.top.caps", [{"max": 3}], "levels.top.caps[0]: names categories or groups: give exactly one"),
    (
        "levels.top.caps",
        [{"groups": ["x"], "max": 3}],
        "levels.top.caps[0].groups[0]: 'x' is not in [groups]",
    ),
    ("levels.top.caps", [{"categories": ["a"], "max": 3, "per": "week"}], "levels.top.caps[0].per: 'week'"),
    ("levels.top.renewal_from", "expiration", "levels.top.renewal_from: 'expiration' stacks terms"),
]


def _put(data: dict[str, Any], where: str, value: Any) -> None:
    *parents, last = where.split(".")
    node = data
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = value


@pytest.mark.parametrize(("where", "value", "message"), BAD, ids=[f"{w}={v!r}" for w, v, _ in BAD])
def test_a_bad_value_is_a_problem_with_its_path(where: str, value: Any, message: str) -> None:
    data = copy.deepcopy(fixed())
    if where == "lifecycle.window.years":
        data["lifecycle"]["window"]["years"] = value
    else:
        _put(data, where, value)
    found = problems(data)
    assert any(message in p for p in found), found


REQUIREMENT_BAD: list[tuple[dict[str, Any], str]] = [
    ({"ce_credits": 5, "per": "month"}, "requirements[0].per: 'month' is not 'year'"),
    ({"ce_credits": 5, "per": "year", "on_miss": "warn"}, "requirements[0].on_miss: 'warn' is not 'revoke'"),
    ({"ce_credits": 5, "advisory": True}, "requirements[0]: advisory and on_miss are for a per-year minimum"),
    ({"ce_credits": 5, "categories": ["zz"]}, "requirements[0].categories[0]: 'zz' is not in [categories]"),
    ({"ce_credits": 5, "groups": ["zz"]}, "requirements[0].groups[0]: 'zz' is not in [groups]"),
    ({"ce_credits": 5, "categories": ["a"], "groups": ["g"]}, "requirements[0]: names categories and groups"),
    ({"ce_credits": 5, "named": "yes"}, "requirements[0].named: 'yes' is not true or false"),
    ({"ce_credits": 5, "rule": "R-NONE"}, "requirements[0].rule: 'R-NONE' is not a rule id"),
    ({"fees": False}, "requirements[0].fees: False is not true"),
    ({"fees": True, "extra": 1}, "requirements[0].extra: unknown field"),
]


@pytest.mark.parametrize(("requirement", "message"), REQUIREMENT_BAD, ids=[m for _, m in REQUIREMENT_BAD])
def test_a_bad_requirement_is_a_problem_with_its_path(requirement: dict[str, Any], message: str) -> None:
    data = fixed()
    data["levels"]["top"]["options"][0]["requirements"] = [requirement, {"ce_credits": 1}]
    found = problems(data)
    assert any(message in p and p.startswith("levels.top.options[0].") for p in found), found


def test_new_requirement_kinds_need_a_fixed_cycle() -> None:
    data = fixed()
    del data["lifecycle"]
    found = problems(data)
    assert any(
        "levels.top.options[0].requirements[1]: categories need [lifecycle] cycle = 'fixed'" in p
        for p in found
    ), found
    assert any("levels.top.options[1].restarts: is for fixed cycles" in p for p in found), found


def test_renews_and_follows_name_other_certifications() -> None:
    data = fixed()
    data["certifications"][0]["renews"] = ["Nowhere", "Top"]
    data["certifications"][2]["follows"] = "Ghost"
    data["certifications"][1]["share_credits"] = True
    found = problems(data)
    assert "certifications[0].renews[0]: 'Nowhere' is not another certification's name" in found
    assert "certifications[0].renews[1]: 'Top' is not another certification's name" in found
    assert "certifications[2].follows: 'Ghost' is not another certification's name" in found
    assert "certifications[1].share_credits: is given without follows" in found


def test_a_rolling_lifecycle_takes_no_window() -> None:
    data = fixed()
    data["lifecycle"]["cycle"] = "rolling"
    found = problems(data)
    assert any(p.startswith("lifecycle.cycle: 'rolling' takes no window") for p in found), found
