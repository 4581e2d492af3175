"""Explanations kept as data (issue 14): an event's sentence is written when read, with the same text.

The replay keeps the frequent events' sentences (recertified, cascaded, pool reset) as a
template and its values (``Sentence``); ``Event.detail`` formats them on first reading. An
event compares, hashes and writes its JSON shape the same whether its sentence was given as text
or as data, and whether it was read before or not. Rules: R-CE-5, R-CASC-1, R-VAL-1.
"""

from __future__ import annotations

import pickle
from datetime import date

from builders import CCNP_ENT, act, held, record, run
from recert.core.result import Event, Uses
from recert.core.result_event import Sentence


def _reset(level: str, spent: int, on: date) -> str:
    return f"the {level} pool is used up on {on}: {spent} CE credits used"


def test_a_sentence_is_written_once_with_the_text_of_its_template() -> None:
    calls: list[tuple[object, ...]] = []

    def template(level: str, spent: int, on: date) -> str:
        calls.append((level, spent, on))
        return _reset(level, spent, on)

    sentence = Sentence(template, "professional", 80, date(2024, 3, 1))
    assert calls == []  # nothing written yet
    assert str(sentence) == "the professional pool is used up on 2024-03-01: 80 CE credits used"
    assert f"({sentence})" == "(the professional pool is used up on 2024-03-01: 80 CE credits used)"
    assert calls == [("professional", 80, date(2024, 3, 1))]  # written once, kept


def test_an_event_is_the_same_whether_its_sentence_is_text_or_data() -> None:
    on = date(2024, 3, 1)
    text = Event(on, "pool_reset", CCNP_ENT, "R-CE-5", _reset("professional", 80, on), Uses(), "v1")
    data = Event(on, "pool_reset", CCNP_ENT, "R-CE-5", Sentence(_reset, "professional", 80, on), Uses(), "v1")
    assert data == text
    assert hash(data) == hash(text)
    assert data.detail == "the professional pool is used up on 2024-03-01: 80 CE credits used"
    assert data.to_dict() == text.to_dict()
    other = Event(
        on, "pool_reset", CCNP_ENT, "R-CE-5", Sentence(_reset, "professional", 79, on), Uses(), "v1"
    )
    assert other != text  # 79 credits, not 80: the sentences differ
    assert pickle.loads(pickle.dumps(data)) == text


def test_the_replay_s_sentences_read_as_text() -> None:
    # CCNA earned 2021-03-01 (3 years: expires 2024-03-01); 30 credits completed 2023-05-10, claimed
    # 2023-05-12, approved. Credits count from completion (D-ANCHOR-1): 30 >= 30 on 2023-05-10, CCNA
    # recertified that day, new term 2023-05-10 + 3 years = 2026-05-10, previous expiration
    # 2024-03-01; the associate pool is reset: 30 used, 30 - 30 = 0 forfeited (R-CE-5).
    ev = run(
        record([held("CCNA", "2021-03-01")], activities=[act("a", 30, "2023-05-10", "2023-05-12")]),
        "2024-06-01",
    )
    got = [(e.on, e.kind, e.detail) for e in ev.events if e.kind != "held"]
    assert got == [
        (
            date(2023, 5, 10),
            "recertified",
            "CCNA met '30 CE credits' on 2023-05-10 (30 CE credits from 1 activity); new term 2023-05-10 "
            "to 2026-05-10 (2023-05-10 + 3 years); previous expiration date 2024-03-01",
        ),
        (
            date(2023, 5, 10),
            "pool_reset",
            "the associate pool is used up by the recertification of CCNA on 2023-05-10: 30 CE credits "
            "used, 0 forfeited",
        ),
    ]
    assert all(type(e.detail) is str for e in ev.events)


def test_a_sentence_formats_with_a_spec_and_shows_its_text_in_repr() -> None:
    from recert.core.result_event import text_of

    on = date(2024, 3, 1)
    sentence = Sentence(_reset, "associate", 30, on)
    text = "the associate pool is used up on 2024-03-01: 30 CE credits used"  # 63 characters
    assert f"{sentence:>65}" == "  " + text  # a format spec applies to the written text
    assert f"{sentence:.14}" == "the associate "
    assert repr(sentence) == repr(text)
    assert text_of(sentence) == text
    assert text_of(text) is text  # a str is given back as it is
