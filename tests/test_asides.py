"""Asides (session 24, listen_x): stepping away with any reason, coming back after saying what
happened, a question about the chat with why it is asked, telling a story with a question mark,
"that is not a question", dictated question marks mid-message, "whats that?" about the chat's
own word, and "change it to" after naming the goal. Each class with twins that must not change."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker

from actions.common import stepped_away
from careplan import listen
from careplan.dictation import punctuate

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "said",
    [
        "brb, Biscuit is being sick on the carpet",
        "brb jayden wants his tea",
        "1 min kai is shouting me",
        "one sec, Monty's got hold of my slipper",
        "hang on a sec, the baby is crying",
        "sorry brb my husband needs the loo",
        "Nana's at the door, back in 5",
    ],
)
def test_stepping_away_with_any_reason(said: str) -> None:
    assert listen.meta(said) == "away"


@pytest.mark.parametrize(
    "said",
    [
        "hang on, my knee is the worst of it",
        "Biscuit is being sick a lot, that's my worry",
        "two minutes walk from my house",
        "my garden and my cat",
    ],
)
def test_an_answer_is_not_stepping_away(said: str) -> None:
    assert listen.meta(said) != "away"


@pytest.mark.parametrize(
    "said",
    [
        "Sorry about that, all cleaned up. Where were we?",
        "Sorry about that, he's let go of it now, daft dog. Where were we?",
        "right that's him sorted, where was we",
        "ok kettle's on. where did we get to?",
    ],
)
def test_coming_back_with_what_happened(said: str) -> None:
    assert listen.meta(said) == "back"


def test_hello_after_stepping_away_is_coming_back() -> None:
    assert listen.meta("hiya", after_away=True) == "back"
    assert listen.meta("hi", after_away=True) == "back"


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("How much longer is this? Biscuit wants his tea.", "faq_how_long"),
        ("How much longer is this? Monty wants his walk.", "faq_how_long"),
        ("is this nearly done? the dog needs a walk", "faq_questions_left"),  # how many are left (s25)
    ],
)
def test_a_question_about_the_chat_with_its_reason(said: str, intent: str) -> None:
    assert listen.meta(said) == intent


def test_a_question_for_the_care_team_with_a_reason_is_not_about_the_chat() -> None:
    assert listen.meta("will I need a scan? my daughter wants to know") is None
    assert listen.meta("how long will my knee take? the dog needs walks") is None


@pytest.mark.parametrize(
    "said",
    [
        "Did I tell you Biscuit once followed me half way there?",
        "did i ever tell you monty pulled me up that hill once?",
        "Would you believe he's 14 now?",
        "guess what? I walked to the post box yesterday",
        "isn't he lovely?",
    ],
)
def test_telling_a_story_is_not_a_question(said: str) -> None:
    assert not listen.question_to_bot(said)


def test_a_story_beside_an_answer_is_not_a_question_beside_it() -> None:
    said = "Because that's where all my friends are. Did I tell you Biscuit once followed me half way there?"
    assert listen.answer_beside(said) is None


@pytest.mark.parametrize(
    "said", ["Will my knees get worse?", "did the scan show anything?", "Can I have physio for my knees?"]
)
def test_real_questions_are_still_questions(said: str) -> None:
    assert listen.question_to_bot(said)


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        (
            "that I will end up in a home question mark no that is not a question I just worry about it",
            "That I will end up in a home. I just worry about it",
        ),
        ("falling again? thats not a question, it just scares me", "falling again. it just scares me"),
        ("losing my sight? no sorry it wasn't meant as a question", "losing my sight."),
    ],
)
def test_not_a_question_is_heeded(said: str, meant: str) -> None:
    assert listen.says_not_a_question(said)
    assert listen.without_not_a_question(punctuate(said)) == meant


def test_the_question_itself_stays() -> None:
    assert (
        listen.without_not_a_question("what is it? that is the question")
        == "what is it? that is the question"
    )


@pytest.mark.parametrize(
    ("said", "written"),
    [
        (
            "will my knees get worse question mark can I have a scan question mark",
            "Will my knees get worse? Can I have a scan?",
        ),
        ("how long will it take question mark should I use ice", "How long will it take? Should I use ice"),
        ("theres a question mark over my hip", "theres a question mark over my hip"),
        ("there is a big question mark about my job", "there is a big question mark about my job"),
    ],
)
def test_a_dictated_question_mark_mid_message(said: str, written: str) -> None:
    assert punctuate(said) == written


@pytest.mark.parametrize(
    "said", ["whats that", "what is that?", "whats one of them when its at home", "what does that mean"]
)
def test_whats_that_at_the_assessment_question(said: str) -> None:
    assert listen.our_word(said, "carer_assessment") == "carers_assessment"
    assert listen.our_word(said, "goal_why") is None


@pytest.mark.parametrize(
    ("said", "goal"),
    [
        ("the dog one's not right, change it to: walk the dog to the park and back every day", "the dog one"),
        ("the swimming one's not right, change it to: swim once a week to start with", "the swimming one"),
        ("number 2 is wrong, change it to: get to church", "number 2"),
    ],
)
def test_change_it_to_after_naming_the_goal(said: str, goal: str) -> None:
    fix = listen.correction(said)
    assert fix is not None and fix.kind == "change_goal" and fix.goal == goal


def test_change_it_to_alone_points_at_it() -> None:
    fix = listen.correction("change it to walk the dog daily")
    assert fix is not None and fix.goal == "it"


@pytest.mark.parametrize(
    "said",
    [
        "no. keep it to me, I'll show them myself",
        "I'll show them myself",
        "id rather show her myself",
        "ill take it in with me",
        "i will print it and bring it",
        "I'll show the nurse on my phone",
        "best not",
    ],
)
def test_showing_it_themselves_is_a_no_to_sharing(said: str) -> None:
    assert listen.share_answer(said) is False


@pytest.mark.parametrize(
    "said",
    [
        "yes share it",
        "yes send it to them please",
        "yes please, the nurse can see it",
        "send it to the nurse",
    ],
)
def test_a_yes_to_sharing_stays_a_yes(said: str) -> None:
    assert listen.share_answer(said) is True


@pytest.mark.parametrize(
    "said",
    [
        "sorry had to answer the door, it was the carer",
        "sorry love, had to see to the cat. where were we",
        "apologies for the delay, the nurse came. carry on",
        "soz had 2 sort kai out",
        "sorry, had to take a call",
        "ok im back now, had to sort the washing",
    ],
)
def test_coming_back_with_the_errand_they_had_to_do(said: str) -> None:
    assert listen.meta(said) == "back"


@pytest.mark.parametrize(
    "said",
    [
        "sorry, I had to give up driving",
        "sorry I had to stop work, that gets in the way",
        "I had to answer the door to carers every day",
        "sorry for the delay in getting seen, it has been months",
    ],
)
def test_what_they_had_to_give_up_is_an_answer(said: str) -> None:
    assert listen.meta(said) is None


def _events(*said: tuple[str, str | None, float]) -> Tracker:
    """A tracker whose events are (who, utter_action or text, timestamp)."""
    events = [
        {"event": "user", "text": what, "timestamp": at}
        if who == "user"
        else {"event": "bot", "metadata": {"utter_action": what}, "timestamp": at}
        for who, what, at in said
    ]
    return Tracker("unit-asides", {}, {"text": "hi"}, events, False, None, {}, "action_listen")


def test_away_before_after_brb_a_come_back_answer_or_a_long_pause() -> None:
    assert stepped_away(_events(("user", "brb", 0.0), ("bot", "utter_away", 1.0), ("user", "hi", 60.0)))
    assert stepped_away(
        _events(
            ("user", "can I come back later?", 0.0),
            ("bot", "utter_faq_come_back", 1.0),
            ("bot", "utter_ask_review_choice", 1.0),
            ("user", "hi", 30.0),
        )
    )
    assert stepped_away(
        _events(("user", "my garden", 0.0), ("bot", "utter_ask_good_day", 1.0), ("user", "hi", 3600.0))
    )


def test_not_away_mid_chat() -> None:
    assert not stepped_away(
        _events(("user", "my garden", 0.0), ("bot", "utter_ask_good_day", 1.0), ("user", "hi", 30.0))
    )
