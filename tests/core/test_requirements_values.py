"""Requirements decided on hand-worked facts (kills mutants of ``requirements.py``, issue 17).

Every expected value is worked out by hand in a comment; the mutation run of
``scripts/mutation.py`` found these lines unchecked by exact values.
"""

from __future__ import annotations

from datetime import date

from recert.core.requirements import (
    Assessment,
    CECredits,
    Exams,
    Facts,
    Option,
    PassFact,
    format_credits,
)

CORE = PassFact("350-401", "core", date(2025, 2, 14))
CONC = PassFact("300-410", "concentration", date(2025, 3, 1))
CONC_AGAIN = PassFact("300-410", "concentration", date(2025, 6, 1))  # same code: counts once
CONC_2 = PassFact("300-415", "concentration", date(2025, 7, 1))


def test_format_credits_as_a_person_writes_them() -> None:
    assert format_credits(40) == "40"
    assert format_credits(40.0) == "40"
    assert format_credits(12.5) == "12.5"
    # 0.1 + 0.2 = 0.30000000000000004: rounded to 6 places, printed without float noise.
    assert format_credits(0.1 + 0.2) == "0.3"
    assert format_credits(0) == "0"


def test_ce_credits_not_available_is_the_whole_amount_missing() -> None:
    verdict = CECredits(80).assess(Facts(credits=100, ce_available=False), frozenset())
    assert verdict == Assessment(False, "80 CE credits", short=80)


def test_ce_credits_met_exactly_and_within_float_noise() -> None:
    # 80 credits needed, 80 available: met, uses exactly 80.
    assert CECredits(80).assess(Facts(credits=80), frozenset()) == Assessment(True, credits=80)
    # 79.9999999999 is 80 within the 1e-9 tolerance.
    assert CECredits(80).assess(Facts(credits=80 - 1e-10), frozenset()).met is True


def test_ce_credits_short_names_the_missing_amount() -> None:
    # 80 needed - 67.5 available = 12.5 missing.
    verdict = CECredits(80).assess(Facts(credits=67.5), frozenset())
    assert verdict == Assessment(False, "12.5 CE credits", short=12.5)
    # 79.5 is half a credit short: not met (the tolerance is 1e-9, not a whole credit).
    assert CECredits(80).assess(Facts(credits=79.5), frozenset()) == Assessment(
        False, "0.5 CE credits", short=0.5
    )


def test_exams_labels_singular_and_plural() -> None:
    exams = Exams(2, kinds=("concentration",))
    assert exams.label == "2 concentration exams"
    assert exams.label_for(1) == "1 concentration exam"
    assert exams.label_for(0) == "0 concentration exams"
    assert Exams(1, codes=("350-401", "350-701")).label == "1 350-401/350-701 exam"
    assert Exams(1, kinds=("entry_level",)).label == "1 entry level exam"
    assert Exams(3, kinds=("core",), noun="professional").label == "3 professional exams"


def test_exams_count_distinct_codes_and_skip_taken_passes() -> None:
    exams = Exams(2, kinds=("concentration",))
    # Two passes of 300-410 count once: 1 of 2, 1 missing.
    verdict = exams.assess(Facts(passes=(CORE, CONC, CONC_AGAIN)), frozenset())
    assert verdict == Assessment(False, "1 concentration exam", short=1)
    # A third, distinct code meets it, using the first pass of each code.
    verdict = exams.assess(Facts(passes=(CORE, CONC, CONC_AGAIN, CONC_2)), frozenset())
    assert verdict == Assessment(True, passes=(CONC, CONC_2))
    # The first 300-410 pass taken by another requirement: the later one is used instead.
    verdict = exams.assess(Facts(passes=(CONC, CONC_AGAIN, CONC_2)), frozenset({CONC}))
    assert verdict == Assessment(True, passes=(CONC_AGAIN, CONC_2))
    # Nothing qualifies: both missing.
    verdict = exams.assess(Facts(passes=(CORE,)), frozenset())
    assert verdict == Assessment(False, "2 concentration exams", short=2)


def test_option_shares_passes_most_specific_first_and_reports_in_written_order() -> None:
    any_exam = Exams(1, kinds=("core", "concentration"))
    conc = Exams(1, kinds=("concentration",))
    option = Option("40 CE credits + 2 exams", (CECredits(40), any_exam, conc))
    assert option.credits_needed == 40
    assert option.uses_ce is True
    # 40 credits + CORE + CONC: the concentration requirement (more specific) takes CONC first,
    # the core-or-concentration one takes CORE.
    verdict = option.assess(Facts(credits=50, passes=(CORE, CONC)))
    assert verdict.met is True
    assert verdict.credits == 40
    assert verdict.passes == (CORE, CONC)
    assert verdict.missing == ()
    # 30 credits, only CONC: 10 credits and 1 core/concentration exam missing, in written order.
    verdict = option.assess(Facts(credits=30, passes=(CONC,)))
    assert verdict.met is False
    assert verdict.missing == ("10 CE credits", "1 core/concentration exam")
    assert verdict.short == ((CECredits(40), 10), (any_exam, 1))
    assert verdict.credits == 0
    assert verdict.passes == (CONC,)


def test_single_requirement_option_verdicts() -> None:
    option = Option("80 CE credits", (CECredits(80),))
    met = option.assess(Facts(credits=90))
    assert (met.met, met.missing, met.credits, met.passes, met.short) == (True, (), 80, (), ())
    unmet = option.assess(Facts(credits=50))
    # 80 - 50 = 30 missing.
    assert (unmet.met, unmet.missing, unmet.credits) == (False, ("30 CE credits",), 0)
    assert unmet.short == ((CECredits(80), 30),)
    assert unmet.option is option
    assert unmet.passes == ()


def test_may_be_met_is_a_necessary_condition_on_credits_and_passes() -> None:
    option = Option(
        "40 CE credits + 1 concentration exam", (CECredits(40), Exams(1, kinds=("concentration",)))
    )
    assert option.may_be_met(Facts(credits=40, passes=(CONC,))) is True
    assert option.may_be_met(Facts(credits=40 - 1e-10, passes=(CONC,))) is True
    assert option.may_be_met(Facts(credits=39, passes=(CONC,))) is False
    assert option.may_be_met(Facts(credits=40, passes=(CONC,), ce_available=False)) is False
    assert option.may_be_met(Facts(credits=40, passes=())) is False
    assert option.may_be_met(Facts(credits=40, passes=(CORE,))) is False
    exams_only = Option("2 core exams", (Exams(2, kinds=("core",)),))
    assert exams_only.credits_needed == 0
    assert exams_only.uses_ce is False
    assert exams_only.may_be_met(Facts(credits=0, passes=(CORE,), ce_available=False)) is False
    assert exams_only.may_be_met(Facts(passes=(CORE, CONC))) is True
