"""Session 34 (c, listen_set17): the classes behind retired blind set 17's failures, in other words."""

from __future__ import annotations

import pytest

from careplan import listen


@pytest.mark.parametrize(
    "text", ["how many more q's??", "how many qs left lol", "r we nearly done??", "many qs to go?"]
)
def test_how_many_are_left_in_text_speak(text: str) -> None:
    assert listen.meta(text) == "faq_questions_left"


@pytest.mark.parametrize(
    ("text", "doing"),
    [
        ("when can i run", "run"),
        ("will i be able to drive again?", "drive again"),
        ("how soon can i get back to the gym", "get back to the gym"),
        ("when can she go swimming again", "go swimming again"),
        ("will i ever kneel again", "kneel again"),
    ],
)
def test_when_they_can_do_something_again(text: str, doing: str) -> None:
    assert listen.asks_when_able(text) == doing


@pytest.mark.parametrize(
    "text",
    [
        "when will i get my results",
        "when can i have my operation",
        "will it hurt",
        "is there a better inhaler i can try?",
    ],
)
def test_not_when_they_can_do_something(text: str) -> None:
    assert listen.asks_when_able(text) is None
