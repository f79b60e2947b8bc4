"""listen_d (session 28): the one thing matched only to a goal its words name well."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import identity, listen

KNEES = {
    "id": 1,
    "title": "Dig without me knees giving out",
    "text": "dig without me knees giving out",
    "why": "its all ive got since the wife passed",
    "barriers": "knees. and this hearing aid whistles like a kettle",
    "helps": "one that works. and someone to look at me knees proper",
}
GIG = {
    "id": 2,
    "title": "Go to a gig w/o having a panic attack",
    "text": "go to a gig w/o having a panic attack",
    "why": "cos all my mates go",
    "barriers": "crowds n heat",
    "helps": "someone to talk to",
}


@pytest.mark.parametrize(
    ("text", "goal", "fit"),
    [
        ("get the hearing aid sorted", KNEES, "about"),
        ("sort me hearing aid out", KNEES, "about"),
        ("talk to someone", GIG, "about"),
        ("the knees", KNEES, "well"),
        ("me knees on the stairs", KNEES, "loosely"),
        ("the one about the wife", KNEES, "well"),
        ("the first one", KNEES, "well"),
        ("getting to gigs", GIG, "well"),
        ("the gig one", GIG, "well"),
        ("the panic attacks on the bus tbh thats the main thing", GIG, "loosely"),
        ("panic attacks at work", GIG, "loosely"),
        ("the crowds", GIG, "about"),  # only what gets in the way of it: a one thing of its own (s29i)
        ("digging and my hearing", KNEES, "well"),
    ],
)
def test_how_well_the_words_name_the_goal(text: str, goal: dict, fit: str) -> None:
    assert listen.goal_named(text, goal) == fit


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("the panic attacks on the bus tbh thats the main thing", "the panic attacks on the bus"),
        ("my eyes, that's the most important one", "my eyes"),
        ("the garden is the main thing", "the garden"),
        ("the garden", "the garden"),
    ],
)
def test_the_one_thing_without_saying_it_is_the_main_thing(text: str, words: str) -> None:
    assert listen.without_said_main(text) == words


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("no", ""),
        ("no thanks", ""),
        ("no, the bus ones", "the bus ones"),
        ("nope i mean my hearing aid", "my hearing aid"),
        ("not that one, the panic on the bus", "the panic on the bus"),
        ("the bus ones", ""),
    ],
)
def test_what_a_no_says_instead(text: str, rest: str) -> None:
    assert listen.after_a_no(text) == rest


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("no i said hearing aid not knees", "hearing aid"),
        ("actually no, make it the dog walking, if my back is better the sleep will follow", "dog walking"),
        ("sorry I meant the garden one", "garden one"),
        ("no, I dont have any questions", None),
        ("no i mean i have no questions", None),
        ("no thanks", None),
        ("no", None),
    ],
)
def test_the_one_thing_put_right_just_after(text: str, words: str | None) -> None:
    assert listen.one_thing_instead(text) == words


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("I want the dog walking to be my one thing, not the sleep", "the dog walking"),
        ("i would like the garden to be the main thing", "the garden"),
        ("I want the sleep one to be my main goal", "the sleep one"),
    ],
)
def test_wanting_a_goal_to_be_the_one_thing(text: str, goal: str) -> None:
    fix = listen.correction(text)
    assert fix is not None and fix.kind == "main_goal" and fix.goal == goal


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        ("two separate ones please", True),
        ("split them up love", True),
        ("as 2 goals pls", True),
        ("no, separate please", True),
        ("together is fine, its all one thing really", False),
        ("no keep it as one", False),
        ("no need to split it", False),
        ("yes", None),
        ("no", None),
    ],
)
def test_keeping_goals_apart_said_in_words(text: str, apart: bool | None) -> None:
    assert listen.keeps_apart(text) is apart


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("that's it for goals", True),
        ("thats all the goals i can think of", True),
        ("im done with goals now ta", True),
        ("I think thats everything for now", True),
        ("thats all my mum said", False),
        ("that is it, but walking too", False),
    ],
)
def test_no_more_goals_said_in_words(text: str, done: bool) -> None:
    assert listen.no_more_goals(text) is done


@pytest.mark.parametrize(
    ("text", "born"),
    [("4 6 48", date(1948, 6, 4)), ("12 3 41", date(1941, 3, 12)), ("4 6", None), ("07700 900 123", None)],
)
def test_a_date_of_birth_written_the_short_way(text: str, born: date | None) -> None:
    assert identity.birth_date(text, date(2026, 12, 3)) == born


NEEDLE = {"id": 3, "title": "Thread a needle again", "text": "thread a needle again"}


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("just the needle one for now", True),
        ("only the needle goal thanks", True),
        ("actually just the needle one", True),
        ("the needle one", False),
        ("just walk the dog", False),
    ],
)
def test_only_the_goal_told_at_the_goal_question(text: str, only: bool) -> None:
    assert listen.only_that_goal(text, [NEEDLE]) is only


@pytest.mark.parametrize(
    ("text", "why", "barriers"),
    [
        ("thread a needle again. sounds daft but it would mean the world to her", "mean the world", None),
        ("get back on my bike, silly I know but it means everything to me", "means everything", None),
        ("dance at the wedding. too much to ask but it would make me so happy", "so happy", None),
        ("dig the garden again but it makes my back hurt", None, "back hurt"),
        ("get to church but it would mean a taxi", None, "a taxi"),
    ],
)
def test_a_but_that_is_why(text: str, why: str | None, barriers: str | None) -> None:
    parts = listen.goal_parts(text)
    assert (why in parts.get("goal_why", "")) if why else "goal_why" not in parts
    assert (barriers in parts.get("goal_barriers", "")) if barriers else "goal_barriers" not in parts
    if why:
        assert parts["goal_text"] == text  # the goal quoted in full
