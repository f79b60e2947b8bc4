"""Session 30 (listen_exit), from the s30 tester's chat as Tariq, a tired carer stuck adding goals:
at a goal question, an instruction ("no more goals", "show me the plan", "remove number 3", "I
want to share it") is done, never kept as a goal or an answer."""

from __future__ import annotations

import pytest

from careplan import interpret, listen
from careplan.listen import LeavingGoals


@pytest.mark.parametrize(
    ("text", "left"),
    [
        # the tester's own lines
        ("nothing else. show me the plan", LeavingGoals(end=True, show=True)),
        ("omg. remove that. NO MORE GOALS", LeavingGoals(end=True, remove="that")),
        ("no", LeavingGoals(end=True)),
        ("we're finished. i want to share it with the stroke team", LeavingGoals(end=True, share=True)),
        # other ways of saying each
        ("thats all ta. can i see the plan now", LeavingGoals(end=True, show=True)),
        ("no thank you, just show me my plan", LeavingGoals(end=True, show=True)),
        ("delete it. no more goals please", LeavingGoals(end=True, remove="that")),
        ("get rid of that one and no more goals", LeavingGoals(end=True, remove="that")),
        ("nope", LeavingGoals(end=True)),
        ("nothing more for her", LeavingGoals(end=True)),
        ("I'm done. Send it to the nurse please", LeavingGoals(end=True, share=True)),
        ("that's all for goals, can we move on", LeavingGoals(end=True)),
        ("I don't want any more goals", LeavingGoals(end=True)),
    ],
)
def test_instructions_where_a_goal_is_asked(text: str, left: LeavingGoals) -> None:
    assert listen.leaving_goals(text, asking_goal=True) == left


@pytest.mark.parametrize(
    "text",
    [
        "remove number 3",
        "can you remove number 2",
        "delete the goal that says nothing else",
    ],
)
def test_a_goal_named_to_take_off(text: str) -> None:
    left = listen.leaving_goals(text, asking_goal=False)
    assert left is not None and left.remove not in {None, "that"} and not left.end


@pytest.mark.parametrize(
    "text",
    [
        "walk to the mosque on fridays",
        "stop smoking",
        "share the cooking with my sister again",
        "show the grandkids how to make chapatis",
        "no more falls",
        "walk to the shop and back",
        "send cards at christmas",
        "just to be able to get up the stairs",
    ],
)
def test_goals_are_goals(text: str) -> None:
    assert listen.leaving_goals(text, asking_goal=True) is None


@pytest.mark.parametrize("text", ["no", "nothing else", "that's all", "nothing really", "stop"])
def test_at_a_goals_own_questions_a_none_answers_it(text: str) -> None:
    """ "nothing else" at "What would help?" answers that question; only plain words about the
    goals ("no more goals", "we're finished") end them there."""
    assert listen.leaving_goals(text, asking_goal=False) is None


@pytest.mark.parametrize("text", ["NO MORE GOALS", "we're done now", "i'm finished with the goals"])
def test_at_a_goals_own_questions_the_goals_ended_in_words(text: str) -> None:
    assert listen.leaving_goals(text, asking_goal=False) == LeavingGoals(end=True)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Same as I say. Walk to bus stop by himself, no frame", "Walk to bus stop by himself, no frame"),
        ("like I say - the bus stop on his own", "the bus stop on his own"),
        ("same as what i say, get to the shops", "get to the shops"),
        ("as i say", ""),
    ],
)
def test_pointing_back_in_the_present_tense(text: str, rest: str) -> None:
    """Mei's "Same as I say. Walk to bus stop..." became the goal "Same"."""
    assert interpret.reaching_back(text) == rest


@pytest.mark.parametrize("text", ["like I say to my wife, we manage", "walk to the bus stop like I say"])
def test_saying_to_someone_is_not_pointing_back(text: str) -> None:
    assert interpret.reaching_back(text) is None


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # the testers' own lines
        (
            "What matters most is wrong, it should be family, grandchildren, dim sum Sunday.",
            {"what_matters": "family, grandchildren, dim sum Sunday"},
        ),
        (
            "you still havent changed what matters most. it should say my cat bonnie, my grandson lewis",
            {"what_matters": "my cat bonnie, my grandson lewis"},
        ),
        (
            "what matters most is wrong. i never said that. what matters is bonnie and lewis",
            {"what_matters": "bonnie and lewis"},
        ),
        (
            "and what matters most is wrong, it says bill like i said. it should be graham and the band",
            {"what_matters": "graham and the band"},
        ),
        # other ways of saying it
        ("change what matters to my wife and my garden", {"what_matters": "my wife and my garden"}),
        ("the good day bit is wrong, it should say a day out fishing", {"good_day": "a day out fishing"}),
        ("a good day should be church and a roast, not that", {"good_day": "church and a roast, not that"}),
    ],
)
def test_a_life_answer_put_right_at_the_read_back(text: str, fixed: dict[str, str]) -> None:
    assert listen.life_answers_put_right(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "what matters most is right",
        "what matters is fine but the date is wrong",
        "the date is wrong, its sunday",
        "change number 2 to walk the dog",
        "and the good day is the bus stop one",
    ],
)
def test_no_life_answer_put_right(text: str) -> None:
    assert listen.life_answers_put_right(text) == {}
