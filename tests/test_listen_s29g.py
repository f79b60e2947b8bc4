"""Session 29 (listen_g), from the development conversations that drifted a question out of
step (set8_03, set9_03): one answer taken for the wrong question, then every later answer a
question late or early."""

from __future__ import annotations

import pytest

from careplan import listen


@pytest.mark.parametrize(
    "text",
    [
        "he built that house with mum. she died 8 years ago and he says he'll only leave it in a box",
        "we've had that plot thirty two years, it's the one place I feel like myself",
        "he can't leave it alone, that shed is where he goes when it all gets too much",
        "both of them get her out of the house, she'd be lost otherwise",
    ],
)
def test_why_said_at_the_split_goes_on_past_it(text: str) -> None:
    assert listen.goes_on_past_the_split(text)


@pytest.mark.parametrize(
    "text",
    ["both please", "as one pls", "keep them as two", "leave it", "leave it as it is", "the same goal pls"],
)
def test_the_choice_said_in_words_is_about_the_split(text: str) -> None:
    assert not listen.goes_on_past_the_split(text)


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        ("he can't leave it alone, that shed is where he goes", None),
        ("leave it", False),
        ("just leave them together", False),
        ("split them up love", True),
    ],
)
def test_leave_it_is_the_choice_only_when_it_says_so(text: str, apart: bool | None) -> None:
    assert listen.keeps_apart(text) is apart


@pytest.mark.parametrize(
    "text",
    [
        "go to the temple on sundays again, she's stopped because she gets confused in the crowd",
        "get back to my bowls club, I gave up last year because my balance went",
        "swim at the leisure centre again, he hasn't been since march cos of his shoulder",
        "go to bingo, i cant go because of my legs",
    ],
)
def test_why_they_stopped_is_not_why_it_matters(text: str) -> None:
    assert "goal_why" not in listen.goal_parts(text)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("walk the dog again because I miss it", "I miss it"),
        ("get back to church, because I miss my friends", "I miss my friends"),
    ],
)
def test_a_reason_with_the_goal_is_still_why(text: str, why: str) -> None:
    assert listen.goal_parts(text)["goal_why"] == why


@pytest.mark.parametrize(
    "text",
    [
        "someone to tell me what to do about the money thing without starting a family war",
        "a nurse who can tell me how to lift him without hurting my back",
        "somebody who could tell me which exercises are safe for me",
        "somebody who could advise us what to do about the stairs",
    ],
)
def test_someone_wished_for_to_tell_them_is_no_advice_asked(text: str) -> None:
    assert not listen.asks_for_advice(text)


@pytest.mark.parametrize("text", ["tell me what to take for it", "can you tell me what to take"])
def test_advice_asked_of_the_bot_still_is(text: str) -> None:
    assert listen.asks_for_advice(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Please change the second goal. It should say: swim 20 lengths without stopping at each end.",
            "swim 20 lengths without stopping at each end",
        ),
        ("Can you change goal 1. It needs to say: walk to the park and back.", "walk to the park and back"),
        (
            "change the walking one please, it should read walk to the post office without my stick",
            "walk to the post office without my stick",
        ),
        ("change the second goal to say swim 20 lengths", "swim 20 lengths"),
        ("change number 2 to swim 20 lengths", "swim 20 lengths"),
    ],
)
def test_a_goal_named_then_its_new_words(text: str, words: str) -> None:
    found = listen.correction(text)
    assert found is not None and (found.kind, found.value) == ("change_goal", words)


def test_a_goal_named_as_wrong_without_new_words_is_no_change_yet() -> None:
    assert listen.correction("change the first one, its wrong") is None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("I have an appointment with the fizzy oh I mean the physio about my shoulder", "the physio"),
        ("hi, Ive got the diabetic nurse, no sorry I mean the podiatrist, about my feet", "the podiatrist"),
        (
            "his appointment with the cardio oh I mean the heart failure nurse about his tablets",
            "the heart failure nurse",
        ),
    ],
)
def test_a_word_put_right_as_it_is_said(text: str, who: str) -> None:
    assert listen.hear(text, ["appointment_with"])["appointment_with"] == who


@pytest.mark.parametrize(
    "text",
    [
        "maybe a sheet with pictures in big print",
        "a sheet of the exercises with pictures, in big print",
        "the instructions in bigger writing so I can follow them",
    ],
)
def test_another_thing_in_big_print_is_no_copy_asked(text: str) -> None:
    assert listen.meta(text) is None and listen.chat_question_after(text) is None
    assert listen.answer_beside(text) is None  # the comma form: "in big print" asked beside nothing


@pytest.mark.parametrize(
    "text",
    [
        "the instructions, in bigger writing",
        "a list of his tablets, in big letters please",
        "a leaflet. in big print",
    ],
)
def test_another_thing_then_in_big_print_is_asked_beside_nothing(text: str) -> None:
    assert listen.answer_beside(text) is None and listen.chat_question_after(text) is None


@pytest.mark.parametrize("text", ["can I have it in big print", "in big letters please"])
def test_the_plan_in_big_print_is_still_a_copy_asked(text: str) -> None:
    assert listen.meta(text) == "ask_copy"
