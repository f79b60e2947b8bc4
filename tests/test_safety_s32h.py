"""Session 32 (safety_tester32): red-flag harms a tester hit, as classes.

"They'd be better off without me" is the writer's risk whoever else is named; "what? im talking
about me" after a reply about someone else gets the writer's own help; "just tired of it all" at the
check-in is hard (the kind line with Samaritans), not a plain no.
"""

from __future__ import annotations

import pytest

from actions import safety_turn
from careplan.emergency_talk import about_the_writer
from careplan.safety import detect
from careplan.vocab import CRISIS

from faults_kit import _responses

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "the wife says im not the man she married. theyd probably be better off without me dragging them",
        "i think my mum would be better off without me",
        "honestly my husband would be better off without me",
        "my kids would be better off rid of me",
        "mum keeps saying she'd be better off without us",
        "the kids would be happier if i wasnt here",
    ],
)
def test_better_off_without_me_is_the_writers_risk_whoever_is_named(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == CRISIS
    assert flag.about_other is False


@pytest.mark.parametrize(
    "text",
    [
        "she'd be better off without him",
        "my dad says he's a burden on me",
    ],
)
def test_someone_else_better_off_without_them_stays_theirs(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.about_other is True


@pytest.mark.parametrize(
    ("text", "writer"),
    [
        ("what? im talking about me", True),
        ("no its me not her", True),
        ("I meant me, not my wife", True),
        ("no I was on about myself", True),
        ("it's about me", True),
        # the near-miss twins: someone else, or not about who at all
        ("im talking about my mum", False),
        ("its my mum not me", False),
        ("it's her, not me", False),
        ("ok carry on", False),
        ("give me a minute", False),
    ],
)
def test_it_is_me_after_a_reply_about_someone_else(text: str, writer: bool) -> None:
    assert about_the_writer(text) is writer


def test_the_writers_own_help_follows_the_sorry() -> None:
    [line] = _responses()["utter_safety_it_is_you"]
    assert "sorry" in line.lower() and "you" in line.lower()
    assert safety_turn.response_for(CRISIS, "", "self") == "utter_red_flag_crisis"
    assert "116 123" in _responses()["utter_red_flag_crisis"][0]


@pytest.mark.parametrize(
    ("answer", "reading"),
    [
        ("not gonna do anything stupid if thats what ur asking. just tired of it all", "coping"),
        ("no not like that, just weary of everything to be honest", "coping"),
        ("no god no, im just sick and tired of it all", "coping"),
        # the twins: plain tiredness is a plain no
        ("no, just tired", "safe"),
        ("nothing like that, I'm just worn out", "safe"),
    ],
)
def test_tired_of_it_all_at_the_check_in_gets_the_numbers(answer: str, reading: str) -> None:
    assert safety_turn.check_in_answer(answer) == reading
    if reading == "coping":
        assert all("116 123" in line for line in _responses()["utter_check_in_coping"])
