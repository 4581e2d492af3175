"""Rule ids the engine cites whatever the policy, with generic wording.

A policy file that does not define one of these gets this entry (source tag
``recert``), so every rule id in a result exists in the policy's rules. The
Cisco policy defines them all with Cisco's sources.
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
}
