"""Goals heard where they are told (issue 12, session 24): at the goal question a goal with
how long it has been after it keeps that in the goal, and at "Is there something else you'd
like to work on?" a reply that tells the goal is a yes and the goal, however it starts."""

from __future__ import annotations

import pytest

from careplan import listen
from careplan.titles import SAID_BACK_CHARS, short_title


@pytest.mark.parametrize(
    "text",
    [
        "she wants to be able to walk jayden to school again, its only 15 mins "
        "but she hasnt done it since september",
        "he wants to take bruno out on his own again but he hasnt since march",
        "I'd like to go back to the Tuesday club but I haven't been in years",
        "get back on my bike but not since before covid",
    ],
)
def test_how_long_it_has_been_is_part_of_the_goal_not_what_gets_in_the_way(text: str) -> None:
    assert "goal_barriers" not in listen.goal_parts(text)


@pytest.mark.parametrize(
    ("text", "barriers"),
    [
        (
            "walk to the shops again but my hip hasnt been right since the fall",
            "my hip hasnt been right since the fall",
        ),
        ("go to church on sundays but she can't manage the steps", "she can't manage the steps"),
    ],
)
def test_what_stops_them_after_but_is_still_what_gets_in_the_way(text: str, barriers: str) -> None:
    assert listen.goal_parts(text).get("goal_barriers") == barriers


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        (
            "Yes, there is one more. "
            "She wants to get back to church on Sunday mornings, she misses the people",
            "She wants to get back to church on Sunday mornings, she misses the people",
        ),
        (
            "There's one more thing. Id like to go on holiday with my daughter",
            "Id like to go on holiday with my daughter",
        ),
        (
            "Yes, there is something else. I'd like to stop being so breathless on the stairs.",
            "I'd like to stop being so breathless on the stairs.",
        ),
        ("one more thing - getting back to my choir", "getting back to my choir"),
        ("just one more - the stairs", "the stairs"),
        (
            "Oh yes. He would like to be able to get in and out of the bath.",
            "He would like to be able to get in and out of the bath.",
        ),
        ("i suppose id like to lose a bit of weight", "id like to lose a bit of weight"),
        (
            "erm yeah go on, she'd love to do her own shopping again",
            "she'd love to do her own shopping again",
        ),
        ("lose weight", "lose weight"),
        ("swimming", "swimming"),
        ("Gardening.", "Gardening."),
        (
            "Also he want to understand his medicines. Too many tablets, he don't know what is for what.",
            "Also he want to understand his medicines. Too many tablets, he don't know what is for what.",
        ),
        ("and maybe getting my garden back", "and maybe getting my garden back"),
    ],
)
def test_something_else_answered_with_the_goal(text: str, goal: str) -> None:
    assert listen.goal_in_reply(text) == goal


@pytest.mark.parametrize(
    "text",
    [
        "Yes, there is one more.",
        "yes, one more",
        "I think so",
        "not sure",
        "hmm not sure",
        "maybe",
        "i dunno",
        "not right now",
        "no ta",
        "nah ur alright",
        "that's the lot",
        "Yes",
        "no",
        "skip",
        "pass",
        "next",
        "hmm pass on that one",
    ],
)
def test_a_yes_or_no_without_a_goal_is_not_a_goal(text: str) -> None:
    assert listen.goal_in_reply(text) is None


@pytest.mark.parametrize(
    ("said", "title"),
    [
        (
            "Also he want to understand his medicines. Too many tablets, he don't know what is for what.",
            "Understand his medicines",
        ),
        ("and maybe getting my garden back", "Getting my garden back"),
        ("mm maybe sleeping better", "Sleeping better"),
        ("she want to go to the mosque on friday", "Go to the mosque on Friday"),
        ("plus i want to get my eyes tested", "Get my eyes tested"),
    ],
)
def test_a_title_never_starts_with_the_words_that_led_into_it(said: str, title: str) -> None:
    assert short_title(said) == title


@pytest.mark.parametrize(
    "text",
    [
        "He want to walk to the community centre for mahjong by himself, not need me drive him",
        "to get dressed by myself and not need the carers in the morning",
        "she wants to go to the shops on her own, not have to wait for me",
    ],
)
def test_a_goal_with_what_it_would_end_after_it_is_one_goal(text: str) -> None:
    assert listen.several_goals(text) == []


@pytest.mark.parametrize(
    ("said", "point"),
    [
        (
            "To walk through doorways without freezing, so he can get into the greenhouse on his own",
            "greenhouse",
        ),
        (
            "I would like to be able to walk to the bus stop without stopping every few yards, "
            "so I can get to my knitting group",
            "knitting group",
        ),
    ],
)
def test_the_goal_said_back_keeps_its_point_where_the_title_is_cut(said: str, point: str) -> None:
    assert point not in short_title(said) and short_title(said).endswith("…")
    assert point in short_title(said, SAID_BACK_CHARS)


@pytest.mark.parametrize(
    ("text", "question", "ours"),
    [
        ("what does focus mean", "If the appointment could focus on just one thing, what would it be?", True),
        ("what does services mean", "What would help? It could be people, groups, or services.", True),
        ("whats pacing?", "What would help? It could be people, groups, or services.", False),
    ],
)
def test_a_word_asked_about_may_be_the_questions_own(text: str, question: str, ours: bool) -> None:
    assert listen.word_asked(text) is not None
    assert listen.question_word_asked(text, question) is ours
