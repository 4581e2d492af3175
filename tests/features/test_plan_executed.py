"""A plan carried out keeps what it says: on records the other tests never saw.

For each step the test adds to the record what the step asks for, on the step's ``by`` date:
an approved activity of the step's credits (completed and claimed that day), and passes of
distinct example exams. Evaluated on the day after the latest original deadline, every
certification the plan renews is still active (R-DATE-1, R-CASC-1, R-OPT-2).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recert import Activity, ExamPass, Record, cisco_policy, evaluate, load_record
from recert.planner import Plan, plan
from recert.testing import strategies as rst

EXAMPLES = Path(__file__).parents[2] / "examples"
POLICY = cisco_policy()


def carried_out(record: Record, p: Plan) -> Record:
    activities = list(record.activities)
    exams = list(record.exams)
    for number, step in enumerate(p.steps):
        if step.credits:
            activities.append(Activity(f"plan-{number}", step.credits, step.by, item=f"plan item {number}",
                                       claimed_on=step.by, status="approved"))
        for need in step.exams:
            assert len(need.examples) >= need.count
            exams += [ExamPass(code, step.by) for code in need.examples[:need.count]]
    return attrs.evolve(record, activities=tuple(activities), exams=tuple(exams))


def check_plan_keeps_its_promises(record: Record, as_of: date) -> Plan:
    before = evaluate(record, as_of=as_of, policy=POLICY)
    p = plan(record, as_of=as_of, policy=POLICY)
    if not p.steps:
        return p
    deadlines = {n.certification: n.deadline for n in before.next}
    renewed = {name for step in p.steps for name in step.renews}
    for step in p.steps:
        assert as_of <= step.by
        for name in step.renews:
            limit = deadlines.get(name) or before.certification(name).expires_on
            assert limit is not None
            assert step.by <= limit, (name, step)
    day = max(deadlines.get(n) or before.certification(n).expires_on or as_of for n in renewed)
    after = evaluate(carried_out(record, p), as_of=day + timedelta(days=1), policy=POLICY)
    for name in renewed:
        status = after.certification(name)
        assert status.status == "active", (name, status.explanation, p.steps)
    return p


def test_every_example_plan_keeps_its_promises() -> None:
    for path in sorted(EXAMPLES.glob("*.json")) + sorted(EXAMPLES.glob("*.toml")):
        record = load_record(path)
        assert record.as_of is not None
        check_plan_keeps_its_promises(record, record.as_of)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=rst.records(POLICY, given_expirations=False, retired=False), offset=st.integers(0, 1200))
def test_random_plans_keep_their_promises(record: Record, offset: int) -> None:
    # Planned on or after the record's last fact: a fact dated later would be one the plan
    # could not know (D-ASOF-1).
    facts = [h.earned_on for h in record.holdings] + [e.passed_on for e in record.exams]
    facts += [d for a in record.activities for d in (a.completed_on, a.claimed_on, a.decided_on) if d]
    check_plan_keeps_its_promises(record, max(facts, default=date(2022, 1, 1)) + timedelta(days=offset))
