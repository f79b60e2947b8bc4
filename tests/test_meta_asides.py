"""Session 25 (listen_meta): questions to the bot beside an answer, sign-offs, and an emergency
pause that ends when the person answers the questions again."""

from __future__ import annotations

import pytest

from careplan import interpret, listen
from careplan.emergency_talk import moved_on


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("My blood pressure. Is that the right kind of thing to put?", "My blood pressure."),
        (
            "I would like to sleep through the night again. Is that the sort of goal you mean?",
            "I would like to sleep through the night again.",
        ),
        ("Also to walk to church again. Did I put that right?", "Also to walk to church again."),
        (
            "My tablets. I forget them when I am upset. Is that ok to say?",
            "My tablets. I forget them when I am upset.",
        ),
        ("my wife Jean and the pigeons. does that count?", "my wife Jean and the pigeons."),
        ("gardening. am i doing this right?", "gardening."),
        ("the hip clinic. have I filled it in right?", "the hip clinic."),
        ("my husband and the grandkids is that ok?", "my husband and the grandkids"),
    ],
)
def test_asking_if_the_answer_is_the_right_kind_is_no_part_of_it(text: str, answer: str) -> None:
    assert interpret.without_complaint(text) == (answer, "checking")


@pytest.mark.parametrize(
    "text", ["is it ok to drive after the injection?", "is that right that I need a scan?", "does it hurt?"]
)
def test_a_real_question_is_not_checking(text: str) -> None:
    assert interpret.without_complaint(text)[1] is None


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("are you the nurse by the way?", "faq_real_person"),
        ("is this the doctor I'm talking to?", "faq_real_person"),
        ("am I talking to the receptionist", "faq_real_person"),
        ("are we nearly done? im on my lunch break", "faq_questions_left"),
        ("how many more questions is there", "faq_questions_left"),
        ("is there much more of this?", "faq_questions_left"),
    ],
)
def test_questions_to_the_bot(text: str, meant: str) -> None:
    assert listen.meta(text) == meant


@pytest.mark.parametrize(
    "text", ["the nurse is lovely", "is the nurse there on Fridays?", "how many tablets should I take"]
)
def test_not_questions_about_the_bot(text: str) -> None:
    assert listen.meta(text) not in {"faq_real_person", "faq_questions_left"}


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("about my knee x", "about my knee"),
        ("Pam xx", "Pam"),
        ("my grandchildren xx 😊", "my grandchildren"),
        ("a walk by the sea thanks love", "a walk by the sea"),
        ("My thyroid results. Regards, Margaret", "My thyroid results"),
        ("Margaret. Kind regards, M. Hale", "Margaret"),
        ("Tuesday the 15th. Many thanks, Margaret", "Tuesday the 15th"),
        ("my diabetes check cheers x", "my diabetes check"),
        ("monday ta", "monday"),
        ("I would love to see my sister Ellen", "I would love to see my sister Ellen"),
        ("no thanks", "no thanks"),
    ],
)
def test_sign_offs_are_no_part_of_the_answer(text: str, plain: str) -> None:
    assert listen.without_sign_off(text) == plain


@pytest.mark.parametrize(
    "text",
    [
        "yes, please note it",
        "yes put one down",
    ],
)
def test_asked_to_note_a_goal_not_yet_said(text: str) -> None:
    assert listen.content_after_yes(text) is None


@pytest.mark.parametrize("text", ["I think so", "think so", "i reckon so"])
def test_a_yes_said_unsure_is_a_yes(text: str) -> None:
    assert interpret.yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Maybe talking to someone. The pastor has offered. My daughter says there is a bereavement group.",
        "Getting out on the green with the lads on a Sunday morning, then a pint.",
        "Pip pulls on the lead when she sees a cat, and the kerbs in our road are very high.",
    ],
)
def test_an_answer_with_nothing_of_the_emergency_ends_the_pause(text: str) -> None:
    assert moved_on(text)


@pytest.mark.parametrize(
    "text",
    [
        "ok my partner is ringing 999 now",
        "the ambulance is coming",
        "she is trying to get up should i let her",
        "he has gone very pale and is not making sense",
        "his lips have gone a funny colour",
        "we are sat waiting on the stairs for them",
        "the door is open for them now",
        "what do I tell them when they answer",
        "my husband is doing back slaps",
        "we're keeping her warm with a blanket on the sofa",
        "my daughter is with her and holding her hand",
        "thank you",
    ],
)
def test_news_of_the_emergency_keeps_the_pause(text: str) -> None:
    assert not moved_on(text)
