"""Random policies for property tests: small ladders, exam kinds and parameters (:func:`recert.testing.strategies.policies`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from recert.core.policy import Policy
from recert.io.policy_toml import cisco_policy, policy_from_mapping

_LEVEL_NAMES = ("bronze", "silver", "gold", "platinum")


@st.composite
def _option(draw: st.DrawFn, kinds: Sequence[str], ce: bool) -> dict[str, Any]:
    requirements: list[dict[str, Any]] = []
    shape = draw(st.sampled_from(("ce", "exams", "both") if ce else ("exams",)))
    if shape in ("ce", "both"):
        requirements.append({"ce_credits": draw(st.sampled_from((10, 20, 30, 40, 60, 80, 120)))})
    if shape in ("exams", "both"):
        chosen = draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=2, unique=True))
        requirements.append({"exams": draw(st.integers(1, 2)), "kinds": chosen})
    return {"rule": "R-OPT-1", "requirements": requirements}


@st.composite
def policy_mappings(draw: st.DrawFn) -> dict[str, Any]:
    """A small policy as the mapping a policy TOML file parses to.

    Two to four levels (at least one on the ladder), one to three exam kinds
    with one or two exams each, one or two certifications per level earned
    by one or two exams, options of CE credits, exams or both, and random
    parameters (claim window, anchor, pooling, carry-over). The rule list is
    the embedded policy's, so every rule id the engine cites exists.

    Args:
        draw: Supplied by Hypothesis.

    Returns:
        A mapping for :func:`recert.policy_from_mapping`.
    """
    kinds = ["k" + str(i) for i in range(draw(st.integers(1, 3)))]
    exams = [
        {"code": f"{kind.upper()}-{j}", "kind": kind}
        for kind in kinds
        for j in range(draw(st.integers(1, 2)))
    ]
    codes = [e["code"] for e in exams]
    n_levels = draw(st.integers(2, 4))
    ladder = draw(st.lists(st.booleans(), min_size=n_levels, max_size=n_levels))
    ladder[-1] = True
    levels: dict[str, Any] = {}
    certifications: list[dict[str, Any]] = []
    for rank, name in enumerate(_LEVEL_NAMES[:n_levels]):
        on_ladder = ladder[rank]
        if on_ladder:
            validity = [{"years": draw(st.integers(1, 5))}]
        else:
            validity = [draw(st.sampled_from(({"years": 2}, {"years": 3}, {"lifetime": True})))]
        options = draw(st.lists(_option(kinds, on_ladder), min_size=1, max_size=3))
        levels[name] = {"rank": rank, "ladder": on_ladder, "validity": validity, "options": options}
        for j in range(draw(st.integers(1, 2))):
            slots = draw(st.lists(st.sampled_from(codes), min_size=1, max_size=2, unique=True))
            certifications.append({
                "name": f"{name.title()} {j}",
                "level": name,
                "earned_by": [{"exams": [[code] for code in slots]}],
            })
    categories: dict[str, Any] = {"training": {}}
    if draw(st.booleans()):
        categories["gifts"] = {"eligible": False}
    parameters = {
        "claim_window_days": draw(st.sampled_from((0, 30, 90, 365))),
        "recertification_anchor": draw(st.sampled_from(("completion", "claim"))),
        "pooling": draw(st.sampled_from(("highest_level", "each_level"))),
        "carry_over_excess": draw(st.booleans()),
        "earning_window_years": draw(st.integers(1, 3)),
    }
    cisco = cisco_policy()
    rules = {
        rid: {"title": rule.title, "text": rule.text} for rid, rule in cisco.rules.items()
    }
    return {
        "policy": {"id": "random", "version": "1"},
        "exam_kinds": kinds,
        "parameters": parameters,
        "categories": categories,
        "rules": rules,
        "levels": levels,
        "exams": exams,
        "certifications": certifications,
    }


def policies() -> st.SearchStrategy[Policy]:
    """Small random policies, built through the same loader as a policy file.

    See :func:`policy_mappings` for what varies.

    Returns:
        A strategy of :class:`~recert.core.policy.Policy`.
    """
    return policy_mappings().map(lambda data: policy_from_mapping(data, source="random policy"))
