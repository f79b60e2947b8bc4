"""listen_one_thing (session 27): the one thing named in the person's words, and moved later."""

from __future__ import annotations

import pytest

from careplan import listen


@pytest.mark.parametrize(
    ("text", "goal", "new"),
    [
        ("actually change the one thing to the sleep one, if I sleep I can work", "the sleep one", False),
        ("hang on, can the main one be the grandkids one instead?", "the grandkids one", False),
        ("make the money one the priority", "money", False),
        ("actually no, switch the main thing to getting my driving licence back", "getting my driving", True),
        ("actually the main one for her is the eating one", "the eating one", None),
        ("could my priority be getting back to work", "getting back to work", True),
        ("swap the main goal to the garden one please", "the garden one", False),
        ("I'd rather the main one was the walking one", "the walking one", False),
        ("the walking one should come first", "the walking one", False),
        ("no, the one thing should be the sleep one", "the sleep one", False),
        ("on second thoughts the most important is the sleep one", "the sleep one", False),
        ("actually my top priority is getting back to work", "getting back to work", True),
        ("the one thing is the driving really", "the driving", True),
    ],
)
def test_the_one_thing_moved_in_plain_words(text: str, goal: str, new: bool | None) -> None:
    fix = listen.correction(text)
    assert fix is not None and fix.kind == "main_goal"
    assert fix.goal is not None and fix.goal.startswith(goal)
    if new is not None:
        assert (fix.value == "new") is new


@pytest.mark.parametrize(
    "text", ["change number 2 to walk the dog", "change the heating one to keep warm in winter"]
)
def test_a_goal_reworded_is_not_the_one_thing_moved(text: str) -> None:
    fix = listen.correction(text)
    assert fix is not None and fix.kind == "change_goal"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("the libre thing", True),
        ("the pension thing, so I know where I stand before I stop work", True),
        ("The blue badge bit", True),
        ("that thing", False),
        ("the first thing", False),
        ("the dog one", False),
        ("back to work", False),
    ],
)
def test_a_thing_of_their_own_is_not_a_goal_pointed_at(text: str, topic: bool) -> None:
    assert listen.names_a_topic(text) is topic


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("The ventilator, so we can decide before anyone decides for us", True),
        ("my records, so I can see what they have written about me", True),
        ("the PEG tube, so we get a say before anyone else does", True),
        ("show me my plan, so I can check it", False),
        ("who sees this, because I'm worried", False),
        ("the libre thing", False),
    ],
)
def test_a_thing_named_then_why_is_told_not_asked(text: str, told: bool) -> None:
    assert listen.named_with_a_reason(text) is told


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("he's back with the tea so I'll give him the keyboard back now. Over to you love", ""),
        ("she's back now so I'll hand her the tablet back, bye", "bye"),
        ("pulmonary rehab maybe, ok handing it back to dad now, over to you", "pulmonary rehab maybe,"),
        ("passing the phone back to mum", ""),
        # no one hands back
        ("I want to get my hand back to normal", None),
        ("give something back to the community", None),
        ("my daughter, she's back from Spain now", None),
    ],
)
def test_the_phone_handed_back_in_their_own_chat(text: str, rest: str | None) -> None:
    assert listen.handed_back(text) == rest
