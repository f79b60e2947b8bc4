"""Session 34 (listen_fix34): listening slips real people hit, each checked in other people's
words. Each class also has a conversation (tests/conversations/messy_s34d_*.yml)."""

from __future__ import annotations

import pytest

from actions.forms import _time_alone
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


@pytest.mark.parametrize(
    ("text", "names", "called"),
    [
        ("aisha i said lol", ["Ash"], "Aisha"),
        ("Katherine, I said", ["Kath"], "Katherine"),
        ("told you its Rob", ["Bob"], "Rob"),
        ("Steph. like i said", ["Steph"], None),  # the name kept, said again
        ("told you. Margaret", ["Ash"], None),  # nothing like the name kept
        ("my kids i said", ["Ash"], None),
    ],
)
def test_name_put_right_at_a_later_question(text: str, names: list[str], called: str | None) -> None:
    assert listen.name_put_right(text, names) == called


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("no its with karen the nurse. not jo", "karen the nurse"),
        ("sorry its with sam the diabetes nurse, not bev", "sam the diabetes nurse"),
        ("its with the practice nurse not the doctor", "the practice nurse"),
    ],
)
def test_who_it_is_with_put_right_over_a_name(text: str, who: str) -> None:
    assert listen.correction(text) == listen.Correction("clinician", who)


def test_a_name_put_right_elsewhere_is_no_appointment() -> None:
    assert listen.correction("its my sister sam not bev") is None


@pytest.mark.parametrize(
    ("text", "idea"),
    [
        ("jo says maybe a buddy from the gateway club", True),
        ("the social worker reckons a befriender might be good", True),
        ("my sister suggested a lift from church", True),
        ("the physio said a walking frame would help", True),
        ("jo says he could join a club", False),  # a doing: a goal
        ("jo says maybe swimming", False),
        ("walk to the shop", False),
    ],
)
def test_an_idea_of_what_would_help_at_something_else(text: str, idea: bool) -> None:
    assert listen.help_idea(text) is idea


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("it should be at 11:30", "11:30"),
        ("its at 2:20", "14:20"),
        ("should be 10.15am", "10:15"),
        ("tuesday at 11:30", None),  # a day too: the date answered
        ("my back", None),
    ],
)
def test_a_time_alone_where_the_day_is_asked(text: str, time: str | None) -> None:
    assert _time_alone(text) == time
