"""Session 32 (safety_talk32): what happens after a red flag, as classes.

The reply to a safeguarding, 111 or crisis signpost ("Thank you. I will phone the council. We can
continue", set13_06; "yeah i dont really want to get him in trouble. can we just carry on", set7_04)
is heard with a short kind line and is never an answer; what else the message says is.
"""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import safety_turn
from careplan.emergency_talk import asks_whether_to_act, protest, protest_besides, signpost_reply
from careplan.vocab import CRISIS, SAFEGUARDING, URGENT

from faults_kit import _responses

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # only the reply: thanks, what they will do, not wanting trouble, carrying on
        ("yeah i dont really want to get him in trouble. can we just carry on", ""),
        ("Thank you. I did not think like this. I will phone the council. We can continue", ""),
        ("ok thank you, i might ring them next week. can we keep going", ""),
        ("thanks, ill ring 111 after this. lets carry on", ""),
        ("I know, thank you. I'd rather not talk about it. can we carry on", ""),
        ("I don't want to make a fuss. Let's just carry on", ""),
        ("i never thought of it like that. we'll give the council a ring on monday", ""),
        ("i didnt want to make a big thing of it, its family. can we carry on", ""),  # set11_08
        ("look i dont want to make a fuss about it, its family. can we just carry on", ""),
        # the reply and an answer beside it: the answer
        ("Thanks for that, I'll speak to my brother about it. Someone to sit with her on Tuesdays would"
         " help", "Someone to sit with her on Tuesdays would help"),
        ("ok we will get her seen today, thank you. her tablets in a dosette box would help",
         "her tablets in a dosette box would help"),
        ("cheers. i'll speak to the safeguarding team on monday but honestly a cleaner would help most",
         "honestly a cleaner would help most"),
        # answers, with no reply to the signpost in them
        ("Carers in the day, when I am at work. And somebody from the bank to check her account.", None),
        ("I will walk to the shop again", None),
        ("a lift to bingo from the community bus", None),
    ],
)  # fmt: skip
def test_the_reply_to_a_signpost_is_told_from_an_answer(text: str, rest: str | None) -> None:
    assert signpost_reply(text) == rest


def _after_a_flag(kind: str, text: str, asked: str = "goal_help") -> tuple[list[str], list]:
    slots = {"red_flag": kind, safety_turn.LAST_FLAGS: [3], "requested_slot": asked}
    latest = {"text": text, "intent": {"name": "inform", "confidence": 1.0}, "entities": []}
    tracker = Tracker("t", slots, latest, [], False, None, {}, "")
    dispatcher = CollectingDispatcher()
    events = safety_turn.handle(dispatcher, tracker, text, button=False)
    return [m["response"] for m in dispatcher.messages], events


@pytest.mark.parametrize("kind", [SAFEGUARDING, URGENT, CRISIS])
def test_after_each_kind_of_signpost_the_reply_gets_a_kind_line_and_the_question_again(kind: str) -> None:
    said, events = _after_a_flag(kind, "ok thank you, i'll think about it. can we carry on")
    assert said == [f"utter_signpost_heard_{kind}"]
    assert SlotSet(safety_turn.STATE, safety_turn.HOLD) in events
    assert SlotSet("red_flag", None) in events


def test_a_reply_with_an_answer_beside_it_leaves_the_answer_to_the_form() -> None:
    said, events = _after_a_flag(SAFEGUARDING, "thanks, ill ring them tomorrow. carers in the day would help")
    assert said == ["utter_signpost_heard_safeguarding"]
    assert SlotSet(safety_turn.STATE, safety_turn.HOLD) not in events


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("ok thank you", "another_goal"),  # a yes/no question open: the form reads it
        ("a lift to bingo from the community bus", "goal_help"),  # an answer, no reply in it
    ],
)
def test_no_kind_line_where_the_message_is_no_reply_to_the_signpost(text: str, asked: str) -> None:
    said, _ = _after_a_flag(SAFEGUARDING, text, asked)
    assert not any(s.startswith("utter_signpost_heard") for s in said)


def test_the_kind_lines_are_plain_and_put_no_pressure() -> None:
    responses = _responses()
    assert "no pressure" in responses["utter_signpost_heard_safeguarding"][0]
    assert "today" in responses["utter_signpost_heard_urgent"][0]
    assert "any time" in responses["utter_signpost_heard_crisis"][0]


ULCER = "my pigeons. and my leg ulcer is weeping and it smells, gets me down"
ANKLES = "my ankles are more swollen every day and I'm more breathless"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("should i call them then? its the same as usual, no worse", ULCER),
        ("do i need to ring anyone? the ulcer's been like that for ages, nothing new", ULCER),
        ("should i ring 111 then? my ankles are always like this in winter, nothing new", ANKLES),
        ("nothings changed, its always like this in winter", ANKLES),
        # as before: long-standing and looked after ("the nurse knows" names who, not what)
        ("it's been like that for months, the nurse knows", ULCER),
    ],
)
def test_the_flagged_thing_said_to_be_nothing_new_after_a_111_reply_is_a_protest(
    text: str, flagged: str
) -> None:
    assert protest(text, URGENT, flagged)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # something else said to be as always: the ulcer still needs checking (tester s31, Margaret)
        ("do i need to ring someone? its just my hands being stiff like always, nothing new", ULCER),
        ("should i call them? my knees are the same as usual", ULCER),
        # something changed, or only a question
        ("its like always but worse today", ULCER),
        ("should i ring someone?", ULCER),
    ],
)
def test_nothing_new_about_something_else_or_a_change_is_no_protest(text: str, flagged: str) -> None:
    assert not protest(text, URGENT, flagged)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("do i need to ring someone?", True),
        ("should i call them then?", True),
        ("Should we get her seen?", True),
        ("why did you say that??", False),  # a protest's question: no "no, not if nothing has changed"
        ("I rang 111 last week", False),
    ],
)
def test_asked_whether_to_act(text: str, asked: bool) -> None:
    assert asks_whether_to_act(text) is asked


def test_asked_whether_to_act_about_something_else_after_a_111_reply_is_yes_for_the_flagged_thing() -> None:
    said, events = _after_a_flag(
        URGENT, "do i need to ring someone? its just my hands being stiff like always"
    )
    assert said == ["utter_urgent_still_check"]
    assert SlotSet(safety_turn.STATE, safety_turn.HOLD) in events
    assert "111" in _responses()["utter_urgent_still_check"][0]


@pytest.mark.parametrize(
    ("text", "kind", "besides"),
    [
        ("nobody hurts her, the carers are lovely", SAFEGUARDING, True),
        ("no one is hurting her. her carers are lovely and she loves the day centre", SAFEGUARDING, True),
        ("nobody hurts me, my wife and the lads at the club look after me", None, True),
        # the denial alone, asked about, or explained: nothing besides (messy_s22j_06, messy_s31g_02)
        (
            "wat? why did u say that about someone hurting me?? nobodys hurting me its the ms",
            SAFEGUARDING,
            False,
        ),
        ("wait what?? nobody is hurting him", SAFEGUARDING, False),
        ("nobody is hurting him, its just the dementia", SAFEGUARDING, False),
    ],
)
def test_a_denial_with_an_answer_beside_it(text: str, kind: str | None, besides: bool) -> None:
    assert protest_besides(text, kind) is besides


def test_nobody_hurts_me_is_no_protest_about_a_crisis_reply() -> None:
    assert protest("nobody hurts me", SAFEGUARDING) and not protest("nobody hurts me", CRISIS)
