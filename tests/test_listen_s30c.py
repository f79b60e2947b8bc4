"""Session 30 (listen_carry): small listening harms, in the words people use.

Each class has a conversation (tests/conversations/messy_s30c_*.yml) that failed first."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import identity, listen
from careplan.titles import short_title

pytestmark = pytest.mark.unit

_LIDO = {
    "id": 1,
    "title": "Swim at the lido again",
    "text": "swim at the lido again",
    "domain": "mobility",
    "why": "it's my thing",
    "barriers": "my arm is tight",
    "helps": "physio",
}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("I suppose the main thing is probably the stairs really", "The stairs"),
        ("I guess the main thing would be the stairs tbh", "The stairs"),
        ("the main thing is probably my breathing to be honest", "My breathing"),
        ("I reckon the most important thing is getting to the shops really", "Getting to the shops"),
    ],
)
def test_a_hedged_one_thing_is_named_without_its_hedges(text: str, title: str) -> None:
    """s30c_01: the goal was called "I suppose the main thing is probably the stairs"."""
    fix = listen.correction(text)
    assert fix is not None and fix.kind == "main_goal"
    assert short_title(fix.goal or "") == title


@pytest.mark.parametrize("text", ["I think mostly the stairs, really", "mainly my sleep I suppose"])
def test_a_hedged_one_thing_in_words_gets_a_plain_title(text: str) -> None:
    assert not short_title(text).lower().startswith(("i ", "mostly", "mainly"))


@pytest.mark.parametrize("text", ["the stairs", "probably the stairs", "my breathing"])
def test_words_that_name_no_goal_are_no_goal_of_the_same_kind(text: str) -> None:
    """ "the stairs" is about moving, as swimming is, but names no swimming goal."""
    assert listen.match_goal(text, [_LIDO]) is None


def test_a_goal_named_as_the_x_one_is_still_the_only_one_of_its_kind() -> None:
    assert listen.match_goal("the walking one", [_LIDO]) == 1


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("does my mum see it? and my work?", ("family", "others")),
        ("does my work find out about it? and my mum?", ("others", "family")),
        ("do my kids see this? or the reception staff?", ("family", "staff")),
    ],
)
def test_who_sees_it_asked_about_several_is_each_answered(text: str, who: tuple[str, ...]) -> None:
    """s30c_02: "does my mum see it?" was no question about who sees it, and only one was answered."""
    assert listen.meta(text) in {"faq_who_sees", "faq_phone"}
    assert listen.who_is_asked_about(text) == who


@pytest.mark.parametrize("text", ["ok", "ok but", "sure, but", "right so", "okay."])
def test_ok_before_a_question_is_heard_not_agreed(text: str) -> None:
    assert listen.only_ok(text)


@pytest.mark.parametrize("text", ["yes ok", "ok yes", "ok go on", "yeah"])
def test_a_yes_with_ok_is_still_a_yes(text: str) -> None:
    assert not listen.only_ok(text)


@pytest.mark.parametrize(
    ("text", "fixing", "asked"),
    [
        ("no the 21st. also can I ask about my tablets?", "no the 21st.", "can I ask about my tablets?"),
        (
            "sorry its the 18th not the 11th, and will they check my bloods?",
            "sorry its the 18th not the 11th",
            "will they check my bloods?",
        ),
        (
            "its the 18th not the 11th, can I ask about my tablets?",
            "its the 18th not the 11th",
            "can I ask about my tablets?",
        ),
        ("no its the 21st and can they look at my feet?", "no its the 21st", "can they look at my feet?"),
    ],
)
def test_a_question_said_with_the_date_put_right_is_kept_apart(text: str, fixing: str, asked: str) -> None:
    """s30c_03/04: the question was lost (and the 18th read as 18 December, the month gone)."""
    found, words, rest = listen.correction_in_part(text)
    assert found is not None and found.kind == "date"
    assert (words, rest) == (fixing, asked)
    assert listen.day_of_month_only(words) is not None


_TOLD = [
    "I want to get the bus to see my sister on a Sunday",
    "my grandkids. I just want to be able to pick them up again",
    "a good day is when I can walk to the park with the dog",
    "crosswords. and I'd love to get my garden back in shape",
]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("the walking one I said", "walk to the park with the dog"),
        ("the garden thing I mentioned", "get my garden back in shape"),
        ("that bus one i told you", "I want to get the bus to see my sister on a Sunday"),
        ("the grandkids bit I said", "pick them up again"),
    ],
)
def test_the_one_i_said_fetches_what_was_told_about_it(text: str, words: str) -> None:
    """s30c_05/06: the first wish told was taken, or a goal called "The walking one"."""
    found = listen.told_before_named(text, _TOLD)
    assert found is not None and words.lower() in found.lower()


@pytest.mark.parametrize("text", ["the walking one", "what I said before", "the swimming one I said"])
def test_nothing_named_or_nothing_told_fetches_nothing(text: str) -> None:
    assert listen.told_before_named(text, _TOLD) is None


@pytest.mark.parametrize(
    "text", ["monday 14 december 10am", "tues 15 dec at 2pm", "14th December, 10.30", "friday the 18th at 9"]
)
def test_an_appointments_date_is_never_part_of_a_birth_date(text: str) -> None:
    """s30c_07: "monday 14 december 10am" at the date of birth was kept as its day and month."""
    today = date(2026, 12, 3)
    assert identity.an_appointment_date(text, today)
    assert not identity.part_of_a_birth_date(text, today)


@pytest.mark.parametrize("text", ["14 december", "the 14th of December", "14/12/1950", "born in 41"])
def test_a_birthday_is_no_appointment(text: str) -> None:
    assert not identity.an_appointment_date(text, date(2026, 12, 3))
