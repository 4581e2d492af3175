"""Rule ids the engine cites whatever the policy, with generic wording.

A policy file that does not define one of these gets this entry (source tag
``recert``), so every rule id in a result exists in the policy's rules. The
Cisco policy defines them all with Cisco's sources. A policy with a fixed cycle gets
:data:`FIXED_CYCLE_RULES` the same way (the embedded programs define them with their sources).
"""

from __future__ import annotations

BUILTIN_RULES: dict[str, tuple[str, str]] = {
    "R-VAL-1": (
        "Term and inclusive expiration",
        "A term runs from its start for the level's validity; "
        "the holder is active on the expiration date and expired from the next day.",
    ),
    "R-OPT-1": (
        "Options",
        "An exam counts toward the next recertification only if passed inside the current term.",
    ),
    "R-OPT-2": (
        "Earning",
        "A set of exam passes completing an earning rule earns the certification on the last pass.",
    ),
    "R-DATE-2": (
        "Deadline",
        "Requirements must be met on or before the expiration date; after it the certification is expired.",
    ),
    "R-CASC-1": (
        "Cascade renewal",
        "A recertification at a level renews every active ladder certification at "
        "that level and below; a cascade never shortens a term.",
    ),
    "R-CASC-2": (
        "Advancing cascades",
        "Earning a certification cascades to every active ladder certification below its level.",
    ),
    "R-CE-1": (
        "Approved, in term, once per term",
        "Only approved claims count, completed inside a current term "
        "of a CE-eligible certification, each catalog item once per term.",
    ),
    "R-CE-2": (
        "Claim window",
        "A claim must be made within the claim window after completion and on or before "
        "the expiration date of a certification it can count toward.",
    ),
    "R-CE-3": (
        "Pending at expiration",
        "A claim pending at the expiration date and approved later counts, dated by the completion date.",
    ),
    "R-CE-4": ("Pooling", "Credits accumulate in one pool toward the highest active CE-eligible level."),
    "R-CE-5": ("Pool reset", "A recertification of the pool's level uses the pool up."),
    "R-CE-6": ("Eligible activities", "An activity of a category the policy marks ineligible earns nothing."),
    "R-RET-1": (
        "Retired certifications",
        "A retired certification stays active to its expiration date and cannot be recertified or cascaded.",
    ),
    "R-EMER-1": ("Emeritus", "A yearly, non-active status after expiration that renews nothing."),
    "D-EXAM-2": (
        "A pass counts once per certification",
        "A pass that counted toward a certification never counts for it again.",
    ),
    "D-DUP-1": (
        "Duplicate items",
        "The earliest completion of an item in a term counts; later ones are duplicates.",
    ),
    "D-CLAIM-3": ("Unclaimed activities", "An activity never claimed is unclaimed."),
    "D-ASOF-1": ("Facts after the evaluation date", "Facts dated after as_of do not exist yet."),
    "D-RET-2": (
        "Retired before the record",
        "A holding of a certification retired before its term starts is shown as retired from its start.",
    ),
}

#: Rule ids the fixed-cycle evaluator cites (as defaults of a policy's rule keys, or always),
#: added like :data:`BUILTIN_RULES` to a policy with a fixed cycle that does not define them.
FIXED_CYCLE_RULES: dict[str, tuple[str, str]] = {
    "R-FC-1": (
        "Cycle",
        "A cycle runs from its start through its end date; the holder is active on the end day.",
    ),
    "R-FC-2": (
        "Cycles that do not stack",
        "The cycle after one ending E starts the next day; renewing early moves neither date.",
    ),
    "R-FC-3": (
        "Renewal",
        "A cycle renews on the first day all of its requirements hold, at the latest when its window closes.",
    ),
    "R-FC-4": (
        "Which cycle an activity counts toward",
        "An activity counts toward the cycle containing its completion date (or, in the window, the "
        "ended cycle while it is not renewed); never split, never in two cycles.",
    ),
    "R-FC-5": (
        "Reporting deadline",
        "A claim counts only when made by the reporting deadline of the cycle or year it counts toward.",
    ),
    "R-FC-6": ("Caps", "Caps are filled in completion order; the activity crossing a cap counts in part."),
    "R-FC-7": ("Cycle years", "Cycle years are counted back from the cycle's end date."),
    "R-FC-8": (
        "Statuses",
        "Active through the end date; suspended inside the window when not renewed; expired after it.",
    ),
    "R-FC-9": ("Fees", "Where fees are checked, renewing a cycle needs fees paid through its end date."),
    "R-FC-10": (
        "Rollover",
        "Where allowed, credits beyond a renewed cycle's needs count again in the next one.",
    ),
    "D-FC-5": (
        "Which reason wins",
        "When several reasons reject an activity, the program's order of reasons decides which one is given.",
    ),
}
