"""Voice-typed messages: punctuation said as words (careplan/dictation.py)."""

from __future__ import annotations

import pytest

from careplan import listen
from careplan.dictation import punctuate


@pytest.mark.parametrize(
    ("said", "written"),
    [
        (
            "i want to walk to the shops on my own full stop my knees are bad comma especially in the cold"
            " full stop",
            "I want to walk to the shops on my own. My knees are bad, especially in the cold.",
        ),
        (
            "i want to walk to the shops on my own full stop new line my knees are bad",
            "I want to walk to the shops on my own. My knees are bad",
        ),
        (
            "my daughter comma sarah comma helps me with shopping full stop",
            "My daughter, sarah, helps me with shopping.",
        ),
        ("who will see this question mark", "Who will see this?"),
        ("get to church new line see my sister", "Get to church. See my sister"),
        ("im tired exclamation mark", "Im tired!"),
        # as some phones write them: with a hyphen, or a mark typed after the words
        ("carry my shopping home full-stop", "Carry my shopping home."),
        ("my hip new-line my knee", "My hip. My knee"),
        ("is it safe question-mark", "Is it safe?"),
        ("gardening, full stop.", "Gardening."),
    ],
)
def test_spoken_punctuation_is_written(said: str, written: str) -> None:
    assert punctuate(said) == written


@pytest.mark.parametrize(
    "text",
    [
        "theres a question mark over my hip",
        "theres a question-mark over my hip",
        "its a full stop for me, no more driving",
        "she was in a coma for a week",
        "i want to walk to the shops",
        "I'm fine thanks",
    ],
)
def test_words_that_are_not_spoken_punctuation_are_left_alone(text: str) -> None:
    assert punctuate(text) == text


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("why do you need that question mark", "ask_why"),
        ("what was the question question mark", "repeat"),
        ("can you say that again question mark", "repeat"),
        ("who will see this question mark", "faq_who_sees"),
    ],
)
def test_a_question_asked_by_voice_is_still_talk_about_the_chat(said: str, intent: str) -> None:
    assert listen.meta(punctuate(said)) == intent
