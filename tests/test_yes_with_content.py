"""A yes/no question answered with the content (careplan.listen): the yes or no is the
choice, and what follows is the answer ("Yes, I'd like to...", "no but I'd like to ask
about..."). A verdict after the yes ("yes that is all correct") is only a yes."""

from __future__ import annotations

import pytest

from careplan import interpret, listen


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        (
            "Yes, I would like to be able to hang my washing out on the line again",
            "I would like to be able to hang my washing out on the line again",
        ),
        ("yeah - walking the dog round the block", "walking the dog round the block"),
        ("yeah, one more - sleeping through the night", "sleeping through the night"),
        ("no but I would like to get back to bowls", "I would like to get back to bowls"),
        (
            "Not really, although it would be nice to get to my grandsons wedding in May",
            "it would be nice to get to my grandsons wedding in May",
        ),
        ("nah. well i want to get my driving licence back", "i want to get my driving licence back"),
        ("Yes that is all correct.", None),
        ("yes thats right", None),
        ("yep looks good", None),
        ("no thats all", None),
        ("no but thanks for asking", None),
        ("nope", None),
    ],
)
def test_the_goal_told_in_reply_to_something_else(text: str, goal: str | None) -> None:
    assert listen.goal_in_reply(text) == goal


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Yes that's right, that is all for now thank you", True),
        ("Yes that is all correct.", True),
        ("yeah thats everything", True),
        ("yes", False),
        ("yes please, a lift to church", False),
        ("no", False),
    ],
)
def test_a_yes_that_means_thats_all(text: str, ends: bool) -> None:
    assert listen.ends_the_list(text) is ends


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "Yes. Could the nurse check my ankles, they swell up by teatime",
            "Could the nurse check my ankles, they swell up by teatime",
        ),
        ("yes - can mum have her flu jab at home?", "can mum have her flu jab at home?"),
        ("no but id like to ask about my water tablets", "id like to ask about my water tablets"),
        ("Nope. Oh actually, can I get a flu jab there?", "can I get a flu jab there?"),
        (
            "no. well actually is there a long covid clinic round here i could be referred to",
            "is there a long covid clinic round here i could be referred to",
        ),
        ("yes", None),
        ("yes please", None),
        ("no thanks", None),
        ("no but thanks for asking", None),
        ("yep looks good", None),
    ],
)
def test_the_question_told_in_a_yes_or_no(text: str, question: str | None) -> None:
    assert listen.team_question_in_reply(text) == question


@pytest.mark.parametrize("text", ["might as well", "may as well", "go on then", "suppose so"])
def test_a_grudging_yes_is_a_yes(text: str) -> None:
    assert interpret.yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "whats the point of asking that, ive told every nurse the same thing for 10 years",
        "what's the point in asking this",
        "what is the point of this question",
    ],
)
def test_what_is_the_point_of_asking_asks_why(text: str) -> None:
    assert listen.meta(text) == "ask_why"


@pytest.mark.parametrize(
    "text", ["no point in asking him, he never listens", "what's the point of going out"]
)
def test_the_point_of_something_else_is_not_about_the_question(text: str) -> None:
    assert listen.meta(text) != "ask_why"


def test_an_okay_before_the_questions_is_kept_as_typed() -> None:
    """Only a yes is taken off: "OKAY." may be a word they want to take off themselves later."""
    assert listen.team_question_in_reply("OKAY. WILL I NEED OXYGEN IN THE SHED?") is None
