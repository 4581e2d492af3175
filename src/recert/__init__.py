"""recert: decide certification status, expiration and recertification from a record and a policy.

The public API is re-exported here; see the documentation for guides.
"""

from recert.api import evaluate
from recert.batch import evaluate_many
from recert.core.policy import Certification, Exam, Level, Parameters, Policy, Rule, Validity
from recert.core.record import Activity, ExamPass, Holding, Record
from recert.core.requirements import CECredits, Exams, Option
from recert.core.result import (
    ActivityOutcome,
    CertificationStatus,
    Evaluation,
    Event,
    ExamGap,
    NextStep,
    OptionGap,
    PoolState,
    Uses,
)
from recert.exceptions import OfferingError, PolicyError, Problem, RecertError, RecordError, RecordTypeError
from recert.io.policy_toml import cisco_policy, load_policy, policy_from_mapping
from recert.io.records import iter_records, load_record, record_from_mapping
from recert.offerings import (
    Offering,
    OfferingRules,
    completion_effect,
    completion_what_if,
    offering_rules_from_mapping,
    validate_offering,
)
from recert.planner import Plan, Step, plan

__all__ = [
    "Activity",
    "ActivityOutcome",
    "CECredits",
    "Certification",
    "CertificationStatus",
    "Evaluation",
    "Event",
    "Exam",
    "ExamGap",
    "ExamPass",
    "Exams",
    "Holding",
    "Level",
    "NextStep",
    "Offering",
    "OfferingError",
    "OfferingRules",
    "Option",
    "OptionGap",
    "Parameters",
    "Plan",
    "Policy",
    "PolicyError",
    "PoolState",
    "Problem",
    "RecertError",
    "Record",
    "RecordError",
    "RecordTypeError",
    "Rule",
    "Step",
    "Uses",
    "Validity",
    "cisco_policy",
    "completion_effect",
    "completion_what_if",
    "evaluate",
    "evaluate_many",
    "iter_records",
    "load_policy",
    "load_record",
    "offering_rules_from_mapping",
    "plan",
    "policy_from_mapping",
    "record_from_mapping",
    "validate_offering",
]
