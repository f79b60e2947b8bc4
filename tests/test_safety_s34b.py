"""Session 34 (safety_harms34): safety harms real people hit, as classes, in other wordings.

The detector's cases are in tests/test_safety_detection.py (test_session_34_harms) and the child
reply in tests/test_safety_turn.py; these are the small turn decisions beside them.
"""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import safety_turn
from actions.answers import MOVE_WORDS
from careplan.safety import CHEST_ON_EFFORT, age_of_them, detect, fears_another

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "feared"),
    [
        ("chest pain. and getting another stroke", True),
        ("my heart, and a second heart attack", True),
        ("having another stroke right now i think", False),  # now: the 999 reply
        ("crushing chest pain and having another stroke", False),  # told as felt (messy_s33f_06)
        ("chest pain", False),
    ],
)
def test_a_fear_of_it_coming_again(text: str, feared: bool) -> None:
    assert fears_another(text) is feared


def _at(slot: str, text: str) -> list[str]:
    latest = {"text": text, "intent": {"name": "inform", "confidence": 1.0}, "entities": []}
    events = [{"event": "user", "text": text}]
    tracker = Tracker("t", {"requested_slot": slot}, latest, events, False, None, {}, "")
    dispatcher = CollectingDispatcher()
    safety_turn.handle(dispatcher, tracker, text, button=False)
    return [m["response"] for m in dispatcher.messages]


def test_a_fear_listed_at_the_worries_question_is_the_worry() -> None:
    # "chest pains. and having another stroke" got 999 from the chest rule at the worries question
    assert _at("worries", "chest pains. and a second stroke") == []
    # ...the same words said at another question, or happening now, are the 999 reply
    assert _at("what_matters", "chest pains. and a second stroke")[0].startswith("utter_red_flag_emergency")
    assert _at("worries", "chest pain right now and having another stroke")[0].startswith("utter_red_flag")


@pytest.mark.parametrize(
    ("text", "stop"),
    [("dont stop. carry on", False), ("no don't stop, keep going", False), ("can we stop now", True)],
)
def test_dont_stop_does_not_ask_to_stop(text: str, stop: bool) -> None:
    assert bool(MOVE_WORDS["stop"].search(text)) is stop


def test_a_chest_sign_lived_with_beside_a_stroke_sign_keeps_its_own_words() -> None:
    # tester33's Elaine: "hand weak. and chest gets tight when i dig" got only the stroke check
    lived_with = (
        "left hand weak. chest hurts whenever i do the hoovering",
        "arm gone weak. chest tight when i dig",
    )
    for text in lived_with:
        flag = detect(text)
        assert flag is not None and flag.label == "stroke" and flag.beside == CHEST_ON_EFFORT, flag
    flag = detect("arm gone weak and chest pain now")
    assert flag is not None and flag.beside == ""


@pytest.mark.parametrize(
    ("text", "age"),
    [("her mum. shes only 7", 7), ("he is fifteen", 15), ("she's 91", 91), ("he's 2 stone lighter", None)],
)
def test_the_age_said_of_them(text: str, age: int | None) -> None:
    assert age_of_them(text) == age


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a daughter writing for her mum Joan: "he" is someone else, never Joan
        ("he keeps saying he'd rather die than go into a home", "the person you're telling me about"),
        ("he says he can't go on like this", "the person you're telling me about"),
        ("she keeps saying she'd rather die than go into a home", "Joan"),
        ("my husband says he can't go on like this", "your husband"),
    ],
)
def test_the_check_in_names_the_right_person(text: str, who: str) -> None:
    slots = {"for_whom": "carer", "preferred_name": "Joan", "them": "her"}
    tracker = Tracker("t", slots, {"text": text}, [], False, None, {}, "")
    flag = detect(text)
    assert flag is not None and flag.kind == "crisis"
    assert safety_turn.who_it_is(text, flag, tracker) == ("other", who)
