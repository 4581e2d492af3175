"""Inputs of all five embedded policies for the fuzzers, and the mutations of their new keys.

``mutations.py`` mutates any tree blindly; this module adds what it cannot know: the
base records of every program (``examples/``, ``examples/programs/`` and the cases of
``tests/programs/cases/``, each with the policy it belongs to), and mutations aimed at
the fixed-cycle fields of a record (``holdings[].fees_paid_through``,
``activities[].applies_to``, claim status ``audit``, the policy's own categories and
groups, many pending claims) and of a policy (``[lifecycle]`` cycle, calendar, window,
reporting and rollover; caps, groups, ``default_category``, ``credit_step``, ``cascade``
and ``renews``, ``follows``/``share_credits``, ``named`` and per-year requirements,
fees, ``restarts``), plus line-level damage of a policy's TOML text.
"""

from __future__ import annotations

import json
import random
import tomllib
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import recert

try:  # in the suite (tests/ on the path) and in campaign.py (tests/fuzz on the path)
    from fuzz.mutations import EXTREME_DATES, NUMBERS, TEXTS, deep, example_records, random_value
except ImportError:
    from mutations import EXTREME_DATES, NUMBERS, TEXTS, deep, example_records, random_value  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[2]
POLICIES = Path(recert.__file__).parent / "io" / "policies"
CASES = ROOT / "tests" / "programs" / "cases"
POLICY_IDS = ("cisco-ce", "isc2-cissp", "comptia", "pmi-pmp", "isaca-cisa")
FIXED_IDS = POLICY_IDS[1:]


@cache
def policy_text(policy_id: str) -> str:
    """The TOML text of embedded policy *policy_id*."""
    return (POLICIES / f"{policy_id}.toml").read_text(encoding="utf-8")


def policy_trees() -> dict[str, dict[str, Any]]:
    """Every embedded policy as parsed TOML, by id."""
    return {pid: tomllib.loads(policy_text(pid)) for pid in POLICY_IDS}


def bases() -> list[tuple[str, Any]]:
    """``(policy id, record tree)`` of every example and program case (a case's ``as_of`` put in its record)."""
    out: list[tuple[str, Any]] = [("cisco-ce", tree) for tree in example_records()]
    for path in sorted((ROOT / "examples" / "programs").glob("*.json")):
        out.append((path.stem, json.loads(path.read_text(encoding="utf-8"))))
    for path in sorted(CASES.glob("*/*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        record = dict(case["record"])
        record.setdefault("as_of", case["as_of"])
        out.append((path.parent.name, record))
    return out


def _names(tree: dict[str, Any]) -> dict[str, list[Any]]:
    """Names a policy tree defines: certifications (and aliases), categories, groups, exam codes (any shape)."""

    def listed(key: str) -> list[Any]:
        value = tree.get(key)
        return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []

    def table(key: str) -> list[str]:
        value = tree.get(key)
        return [k for k in value if isinstance(k, str)] if isinstance(value, dict) else []

    certs = listed("certifications")
    aliases = [c.get("aliases") for c in certs]
    names = [c.get("name") for c in certs] + [a for al in aliases if isinstance(al, list) for a in al]
    return {
        "certification": [n for n in names if isinstance(n, str)] or ["CCNA"],
        "category": table("categories") or ["x"],
        "group": table("groups") or ["g"],
        "exam": [e.get("code") for e in listed("exams") if isinstance(e.get("code"), str)] or ["CISSP"],
        "level": table("levels") or ["cissp"],
    }


def _a_date(rng: random.Random, *, objects: bool = False) -> Any:
    """A date near the cases' years, at a cycle edge, or an awkward one."""
    pick = rng.random()
    if pick < 0.55:
        day = date(2014, 1, 1) + timedelta(days=rng.randrange(16 * 365))
    elif pick < 0.8:
        day = rng.choice(
            [
                date(2024, 2, 29),
                date(2025, 12, 31),
                date(2026, 1, 15),
                date(2026, 1, 16),
                date(2026, 5, 15),
                date(2026, 8, 13),
                date(2027, 2, 28),
                date(9999, 12, 31),
                date(1, 1, 1),
                date(2011, 1, 1),
                date(2010, 12, 31),
            ]
        )
    else:
        return rng.choice(EXTREME_DATES)
    return day if objects else day.isoformat()


# --- record mutations of the new fields ----------------------------------------------------------


def _items(tree: Any, key: str) -> list[dict[str, Any]]:
    if not isinstance(tree, dict) or not isinstance(tree.get(key), list):
        return []
    return [item for item in tree[key] if isinstance(item, dict)]


def mutate_valid(tree: Any, rng: random.Random, policy_tree: dict[str, Any]) -> Any:
    """One change that keeps a record valid under its policy (so the engine, not the loader, decides it)."""
    if not isinstance(tree, dict):
        return tree
    names = _names(policy_tree)
    holdings, activities = _items(tree, "holdings"), _items(tree, "activities")

    def day() -> str:
        return (date(2015, 1, 1) + timedelta(days=rng.randrange(12 * 365))).isoformat()

    kind = rng.choice(
        ["fees", "applies_to", "status", "category", "credits", "when", "flood", "holding", "exam"]
    )
    if kind == "fees" and holdings:
        rng.choice(holdings)["fees_paid_through"] = day()
    elif kind == "applies_to" and activities:
        rng.choice(activities)["applies_to"] = rng.sample(
            names["certification"], rng.randint(1, min(3, len(names["certification"])))
        )
    elif kind == "status" and activities:
        activity = rng.choice(activities)
        activity["status"] = rng.choice(["audit", "pending", "approved", "rejected"])
        if activity["status"] in ("approved", "rejected") and rng.random() < 0.5:
            activity["decided_on"] = day()
        else:
            activity.pop("decided_on", None)
    elif kind == "category" and activities:
        rng.choice(activities)["category"] = rng.choice(names["category"])
    elif kind == "credits" and activities:
        rng.choice(activities)["credits"] = rng.choice(
            [0.25, 0.5, 1, 2.75, 10, 19.75, 20, 30, 40, 60, 90, 120]
        )
    elif kind == "when" and activities:
        activity = rng.choice(activities)
        activity["completed_on"] = day()
        activity["claimed_on"] = (
            max(activity["completed_on"], day()) if rng.random() < 0.5 else activity["completed_on"]
        )
    elif kind == "flood" and activities:
        _flood(tree, activities, rng)
    elif kind == "holding":
        holding: dict[str, Any] = {"certification": rng.choice(names["certification"]), "earned_on": day()}
        if rng.random() < 0.6:
            holding["fees_paid_through"] = day()
        tree.setdefault("holdings", []).append(holding) if isinstance(
            tree.get("holdings", []), list
        ) else None
    elif kind == "exam" and isinstance(tree.get("exams", []), list):
        tree.setdefault("exams", []).append({"exam": rng.choice(names["exam"]), "passed_on": day()})
    return tree


def mutate_fields(
    tree: Any, rng: random.Random, policy_tree: dict[str, Any], *, objects: bool = False
) -> Any:
    """One mutation of a record field the fixed-cycle policies read (in place; the tree is returned)."""
    if not isinstance(tree, dict):
        return tree
    names = _names(policy_tree)
    holdings, activities = _items(tree, "holdings"), _items(tree, "activities")
    kind = rng.choice(
        [
            "fees",
            "fees",
            "applies_to",
            "applies_to",
            "audit",
            "category",
            "credits",
            "when",
            "flood",
            "holdings",
            "exams",
            "decided",
        ]
    )
    if kind == "fees" and holdings:
        holding = rng.choice(holdings)
        holding["fees_paid_through"] = (
            _a_date(rng, objects=objects)
            if rng.random() < 0.7
            else random_value(rng, dates_as_objects=objects)
        )
    elif kind == "applies_to" and activities:
        cert = rng.choice(names["certification"])
        rng.choice(activities)["applies_to"] = rng.choice(
            [
                [cert],
                [cert, cert],
                [cert.lower()],
                [cert + " "],
                ["CISSP-ISSXP"],
                [],
                cert,
                [1],
                [None],
                [[cert]],
                {"CISSP": True},
                [rng.choice(TEXTS)],
                names["certification"] * rng.choice([1, 40]),
                deep([cert], rng.choice([2, 20, 1200]), "list"),
                random_value(rng, dates_as_objects=objects),
            ]
        )
    elif kind == "audit" and activities:
        rng.choice(activities)["status"] = rng.choice(
            ["audit", "audit", "Audit", "audited", "AUDIT ", "in_audit"]
        )
    elif kind == "category" and activities:
        rng.choice(activities)["category"] = rng.choice(
            names["category"] + names["group"] + names["level"] + ["", "group_c", "GROUP_A", None, 3]
        )
    elif kind == "credits" and activities:
        rng.choice(activities)["credits"] = rng.choice(
            [
                0.25,
                0.1,
                0.2499999,
                1e-09,
                1e-300,
                19.99,
                20,
                40,
                90,
                120,
                119.75,
                3.0000001,
                99999.75,
                100000,
                *NUMBERS[:12],
            ]
        )
    elif kind == "when" and activities:
        activity = rng.choice(activities)
        key = rng.choice(["completed_on", "claimed_on", "decided_on"])
        activity[key] = _a_date(rng, objects=objects)
    elif kind == "flood" and activities:
        _flood(tree, activities, rng)
    elif kind == "holdings":
        tree["holdings"] = [
            {
                "certification": rng.choice(names["certification"]),
                "earned_on": _a_date(rng),
                **({"fees_paid_through": _a_date(rng)} if rng.random() < 0.5 else {}),
                **({"expires_on": _a_date(rng)} if rng.random() < 0.2 else {}),
            }
            for _ in range(rng.choice([1, 2, 3, 8, 40]))
        ]
    elif kind == "exams":
        exams = tree.setdefault("exams", []) if isinstance(tree.get("exams", []), list) else []
        for _ in range(rng.choice([1, 2, 5, 100])):
            exams.append({"exam": rng.choice(names["exam"]), "passed_on": _a_date(rng)})
    elif kind == "decided" and activities:
        activity = rng.choice(activities)
        activity["status"] = rng.choice(["approved", "rejected", "pending", "audit"])
        activity["decided_on"] = _a_date(rng, objects=objects)
    return tree


def _flood(tree: dict[str, Any], activities: list[dict[str, Any]], rng: random.Random) -> None:
    """Many copies of one activity with distinct ids: pending, in audit or approved, on many days."""
    model = rng.choice(activities)
    status = rng.choice(["pending", "audit", "approved", "mixed"])
    start = date(2023, 1, 1) + timedelta(days=rng.randrange(3 * 365))
    count = rng.choice([10, 50, 150, 300])
    out = []
    for i in range(count):
        clone = dict(model)  # shallow: the model's values may be nested too deep to copy
        clone["id"] = f"flood-{i}"
        day = start + timedelta(days=rng.randrange(1100))
        clone["completed_on"] = day.isoformat()
        clone["claimed_on"] = (day + timedelta(days=rng.randrange(30))).isoformat()
        clone["status"] = rng.choice(["pending", "audit", "approved"]) if status == "mixed" else status
        clone.pop("decided_on", None)
        clone["credits"] = rng.choice([0.25, 1, 5, 20])
        out.append(clone)
    tree["activities"] = activities + out


# --- policy mutations of the new keys ------------------------------------------------------------


def _bad(rng: random.Random) -> Any:
    return random_value(rng, dates_as_objects=True)


def _pick(rng: random.Random, good: list[Any]) -> Any:
    """A value from *good* (the key's real values and near misses) or any awkward value."""
    return rng.choice(good) if rng.random() < 0.75 else _bad(rng)


def _table(tree: dict[str, Any], *path: str) -> dict[str, Any]:
    node = tree
    for key in path:
        if not isinstance(node.get(key), dict):
            node[key] = {}
        node = node[key]
    return node


def mutate_policy_keys(tree: Any, rng: random.Random) -> Any:
    """One new-key mutation of a policy tree (in place; the tree is returned)."""
    if not isinstance(tree, dict):
        return tree
    names = _names(tree)
    numbers = [0, -1, 0.5, 1, 3, 40, 90, 1e308, float("inf"), float("nan"), 10**30, 100_001, True, "3"]
    spans = [
        {"months": 6},
        {"years": 1},
        {"days": 90},
        {"months": 0},
        {"months": -1},
        {"years": 10**9},
        {"months": 6, "years": 1},
        {},
        {"weeks": 2},
        {"months": float("nan")},
        {"years": 100},
        {"years": 101},
        {"months": 1200},
        {"months": 1201},
        {"days": 36_600},
        {"years": 3000},
        {"years": 100, "months": 1200, "days": 36_600},
    ]
    cat, grp, cert, level = (rng.choice(names[k]) for k in ("category", "group", "certification", "level"))
    where = rng.choice(
        [
            "lifecycle",
            "window",
            "reporting",
            "rollover",
            "parameters",
            "caps",
            "requirement",
            "option",
            "certification",
            "groups",
            "unit",
            "level_lifecycle",
            "versions",
        ]
    )
    if where == "lifecycle":
        key = rng.choice(
            ["cycle", "calendar", "cycle_rule", "calendar_rule", "audit_rule", "window", "bogus"]
        )
        _table(tree, "lifecycle")[key] = _pick(
            rng,
            ["fixed", "rolling", "FIXED", "", "calendar_year", "anniversary", "R-FC-404", "R-FC-2", {}, []],
        )
    elif where == "window":
        window = _table(tree, "lifecycle", "window")
        key = rng.choice(["days", "years", "until", "allows", "status", "then", "rule", "parameter"])
        window[key] = _pick(
            rng,
            [
                *numbers,
                "01-15",
                "02-29",
                "02-30",
                "13-01",
                "1-15",
                "00-00",
                "12-31",
                ["completing"],
                ["reporting", "paying"],
                ["flying"],
                [],
                "suspended",
                "revoked",
                "expired",
                "active",
                "R-FC-8",
            ],
        )
    elif where == "reporting":
        key = rng.choice(["deadline", "yearly_by", "rule"])
        _table(tree, "lifecycle", "reporting")[key] = _pick(
            rng, ["window", "yearly", "cycle_end", "cycle", "01-15", "02-29", "12-32", "R-FC-5", ""]
        )
    elif where == "rollover":
        key = rng.choice(["max", "within", "within", "categories", "rule", "parameter"])
        rollover = _table(tree, "lifecycle", "rollover")
        rollover.setdefault("within", {"months": 6})
        rollover[key] = _pick(rng, numbers + spans + [[cat], [grp], ["nowhere"], [], "group_a"])
    elif where == "parameters":
        key = rng.choice(
            [
                "default_category",
                "credit_step",
                "cascade",
                "claim_window_days",
                "pooling",
                "renewal_from",
            ]
        )
        _table(tree, "parameters")[key] = _pick(
            rng,
            [
                cat,
                grp,
                "nowhere",
                0.25,
                0,
                -0.25,
                1e-300,
                0.3,
                1e308,
                float("nan"),
                "map",
                "ladder",
                False,
                True,
                0,
                365,
                "each_level",
                "highest_level",
                "expiration",
            ],
        )
    elif where == "caps":
        caps = _table(tree, "levels", level).setdefault("caps", [])
        cap = {
            rng.choice(["categories", "groups"]): rng.choice([[cat], [grp], ["nowhere"], [], cat]),
            "max": rng.choice(numbers),
            "per": _pick(rng, ["cycle", "year", "month", None]),
        }
        if isinstance(caps, list):
            caps.append(cap if rng.random() < 0.8 else _bad(rng))
        else:
            _table(tree, "levels", level)["caps"] = cap
    elif where in ("requirement", "option"):
        options = _table(tree, "levels", level).get("options")
        if isinstance(options, list) and options and isinstance(options[0], dict):
            option = rng.choice([o for o in options if isinstance(o, dict)])
            if where == "option":
                option[rng.choice(["restarts", "rule", "label"])] = _pick(rng, [True, False, "yes", 1, ""])
            elif isinstance(option.get("requirements"), list):
                option["requirements"].append(
                    rng.choice(
                        [
                            {
                                "ce_credits": rng.choice(numbers),
                                "per": _pick(rng, ["year", "cycle", "day"]),
                                rng.choice(["advisory", "on_miss"]): _pick(
                                    rng, [True, False, "revoke", "expire"]
                                ),
                            },
                            {
                                "ce_credits": rng.choice(numbers),
                                "categories": [cat],
                                "named": _pick(rng, [True, False]),
                            },
                            {"ce_credits": rng.choice(numbers), "groups": _pick(rng, [[grp], [cat], []])},
                            {"fees": _pick(rng, [True, False, "yes"])},
                            {"fees": True, "ce_credits": 1},
                            {"named": True},
                            _bad(rng),
                        ]
                    )
                )
    elif where == "certification":
        certs = _items(tree, "certifications")
        if certs:
            key = rng.choice(["follows", "share_credits", "renews", "renews_rule", "caps", "lifecycle"])
            rng.choice(certs)[key] = _pick(
                rng,
                [
                    cert,
                    "nowhere",
                    [cert],
                    [cert, cert],
                    True,
                    False,
                    [],
                    {"cycle": "fixed"},
                    [{"categories": [cat], "max": 1}],
                ],
            )
    elif where == "groups":
        if rng.random() < 0.5:
            _table(tree, "categories", cat)["group"] = _pick(rng, [grp, "nowhere", cat, ""])
        else:
            _table(tree, "groups")[rng.choice([grp, cat, "new"])] = _pick(rng, [{}, {"description": "x"}])
    elif where == "unit":
        _table(tree, "policy")["unit"] = _pick(rng, ["CPE", "", "CE credits", "x" * 20_000, "\ud800", 3])
    elif where == "level_lifecycle":
        _table(tree, "levels", level)["lifecycle"] = _pick(
            rng,
            [
                {"cycle": "fixed"},
                {"cycle": "rolling"},
                {"window": {"days": 30}},
                {"calendar": "calendar_year"},
            ],
        )
    else:
        versions = tree.setdefault("versions", [])
        if isinstance(versions, list):
            head = tree.get("policy") if isinstance(tree.get("policy"), dict) else {}
            versions.append(
                {
                    "policy": {**head, "version": "fuzz", "effective_from": _a_date(rng, objects=True)},
                    "lifecycle": _pick(rng, [{"cycle": "fixed"}, {"window": {"days": 1}}, {}]),
                }
            )
        elif rng.random() < 0.5:
            tree["versions"] = _bad(rng)
    return tree


# --- the TOML text, damaged line by line --------------------------------------------------------

TOML_VALUES = [
    "inf",
    "-inf",
    "nan",
    "1e400",
    "-0",
    "0",
    "9223372036854775808",
    "1_000_000",
    "0.25",
    "true",
    "[]",
    "{}",
    '""',
    '"\\u0000"',
    '"\\u202e"',
    '"' + "x" * 20_000 + '"',
    "9999-12-31",
    "0001-01-01",
    "2024-02-29",
    "[" * 40 + "]" * 40,
    "[" * 1100 + "]" * 1100,
    "{a=" * 60 + "1" + "}" * 60,
    '"fixed"',
    '"rolling"',
    '"calendar_year"',
    '"01-15"',
    '"02-30"',
    '["completing"]',
    '"revoked"',
    '"map"',
    "{ months = 6 }",
]


def toml_mutant(text: str, rng: random.Random) -> bytes:
    """*text* with a few lines dropped, repeated, moved or given another value, as bytes."""
    lines = text.splitlines()
    for _ in range(rng.choice([1, 1, 2, 3, 6])):
        if not lines:
            break
        i = rng.randrange(len(lines))
        kind = rng.choice(["drop", "repeat", "move", "value", "value", "value", "insert", "bytes"])
        if kind == "drop":
            del lines[i]
        elif kind == "repeat":
            lines.insert(i, lines[i])
        elif kind == "move":
            lines.insert(rng.randrange(len(lines)), lines.pop(i))
        elif kind == "value" and "=" in lines[i]:
            lines[i] = lines[i].split("=", 1)[0] + "= " + rng.choice(TOML_VALUES)
        elif kind == "insert":
            key = rng.choice(
                [
                    "cycle",
                    "calendar",
                    "days",
                    "years",
                    "until",
                    "max",
                    "credit_step",
                    "unit",
                    "follows",
                    "renews",
                    "per",
                    "named",
                    "fees",
                    "restarts",
                    "default_category",
                ]
            )
            lines.insert(i, f"{key} = {rng.choice(TOML_VALUES)}")
        elif kind == "bytes":
            cut = rng.randrange(len(lines[i]) + 1)
            lines[i] = (
                lines[i][:cut] + rng.choice(["\x00", "\ufeff", "'", '"', "[", "é", "\\"]) + lines[i][cut:]
            )
    raw = "\n".join(lines).encode("utf-8", "surrogatepass")
    return raw if rng.random() < 0.95 else raw[: rng.randrange(len(raw) + 1)] + b"\xff"
