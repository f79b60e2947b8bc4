"""Session 34 (listen_fix34): listening slips real people hit, each checked in other people's
words. Each class also has a conversation (tests/conversations/messy_s34d_*.yml)."""

from __future__ import annotations

import pytest

from careplan import interpret, listen

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("did i not just say?? walking the dog and a coffee after", "walking the dog and a coffee after"),
        ("didnt i already tell you. my grandson round", "my grandson round"),
        ("have i not said that? my garden", "my garden"),
        ("Didn't I just tell you?! the canal", "the canal"),
    ],
)
def test_asked_crossly_then_the_answer(text: str, answer: str) -> None:
    assert interpret.without_complaint(text) == (answer, "told")
    assert listen.meta(text) is None
    assert not listen.question_to_bot(text)


@pytest.mark.parametrize(
    "text", ["did i tell you about my dog?", "did i say that right?", "have i said enough"]
)
def test_asking_what_was_said_is_not_cross(text: str) -> None:
    assert interpret.without_complaint(text)[1] != "told"
