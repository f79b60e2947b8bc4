"""Session 31 (listen_flow14a): slips in retired blind set 14, in other people's words.

Each class has a conversation (tests/conversations/messy_s31a_*.yml) that failed first."""

from __future__ import annotations

import pytest

from careplan import listen

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "ma brother Tam died o the same thing in 2015. it wis caught late. that's behind us, but it's why ah"
        " keep ma appointments",
        "my dad had a stroke at 60, which is why I get my pressure checked",
        "mum went the same way. thats why i worry about it",
        "the reason why I go is my wife",
    ],
)
def test_why_told_as_a_reason_asks_nothing(text: str) -> None:
    """set14_06: "..., but it's why ah keep ma appointments" at the worries got why the question is asked."""
    assert listen.why_as_a_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        "why do you need this",
        "why? its private",
        "why does it matter",
        "is that why you ask",
        "so that's why?",
    ],
)
def test_why_asked_is_still_asked(text: str) -> None:
    assert not listen.why_as_a_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        "nearly. the goal wants to say Sheila's roses, not just the roses. they're hers",
        "almost, it needs to say my grandson's bike, not just a bike",
        "the goal has to say Mam's garden really",
    ],
)
def test_a_goal_that_should_say_more_is_a_change(text: str) -> None:
    """set14_04: "the goal wants to say Sheila's roses, not just the roses" got "What would you like
    to change?", and the new words were never asked for."""
    choice = listen.review_choice(text)
    assert choice is not None and choice.choice == "change"


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        (
            "raj is making tea. he said the garden but my good day is really getting to the temple on a"
            " sunday and seeing everyone, the garden is nice but that's the one",
            "good_day",
            "getting to the temple on a sunday and seeing everyone, the garden is nice but that's the one",
        ),
        (
            "she put the shops but actually a good day is when the grandkids come round",
            "good_day",
            "when the grandkids come round",
        ),
        (
            "what matters most is really my faith, he wrote football",
            "what_matters",
            "my faith, he wrote football",
        ),
    ],
)
def test_a_life_answer_put_right_later(text: str, key: str, words: str) -> None:
    """set14_02: Meena putting her good day right at the next question was kept as what she enjoys."""
    assert listen.life_answers_put_right(text) == {key: words}


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        (
            "raj again, tea's made. second one is sleeping through without the spasms waking her",
            "sleeping through without the spasms waking her",
        ),
        ("ok the next goal would be getting back on my bike", "getting back on my bike"),
        ("right, the other thing is: swim again", "swim again"),
    ],
)
def test_a_goal_brought_in_as_the_next_one(text: str, goal: str) -> None:
    """set14_02: "raj again, tea's made. second one is ..." was kept as a goal called "Tea's made"."""
    assert listen.goal_introduced(text) == goal


@pytest.mark.parametrize(
    "text", ["walk the dog", "the other one is fine", "I want another one like the first"]
)
def test_a_goal_not_brought_in_that_way(text: str) -> None:
    assert listen.goal_introduced(text) is None
