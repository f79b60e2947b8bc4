"""tester_d's classes C1/C7, C8, C9 and C10 (session 23, listen_s): instructions told apart
from answers, read-back edits done as said, things taken back mid-chat, stepping away, and
a change of mind about the one thing. Pure functions, no servers."""

from __future__ import annotations

import pytest

from actions.review_form import _questions_asked
from careplan import interpret, listen


@pytest.mark.parametrize(
    "text",
    [
        "brb he's waking up",
        "hang on he's waking up",
        "hang on she's at the door again, the nurse",
        "omg hang on kids r fighting",
        "1 sec the dogs barking his head off",
        "sorry brb she needs the loo",
    ],
)
def test_stepping_away_with_the_reason_said(text: str) -> None:
    assert listen.meta(text) == "away"


@pytest.mark.parametrize(
    "text",
    [
        "sorry about that, he needed help to the loo. where were we?",
        "soz back, she wanted juice. wer was we",
        "ok back now, sorry",
        "back now, my son was at the door",
    ],
)
def test_coming_back_with_what_kept_them(text: str) -> None:
    assert listen.meta(text) == "back"


@pytest.mark.parametrize(
    "text",
    [
        "sorry, he's in agony most nights",
        "he's waking up at night a lot",
        "she needs help with her tablets",
        "sorry hes poorly",
        "back pain",
        "he needed help to the loo most nights",
    ],
)
def test_what_a_person_is_like_is_never_stepping_away(text: str) -> None:
    assert listen.meta(text) not in {"away", "back"}


@pytest.mark.parametrize(
    "text", ["nah that's yer lot", "nah that's about it", "that's your lot", "that's the lot for now thanks"]
)
def test_the_end_of_a_list_in_their_own_words_is_none(text: str) -> None:
    assert interpret.means_none(text)


@pytest.mark.parametrize("text", ["the lot of them", "a lot about it", "that's the lot at the allotment"])
def test_a_lot_in_an_answer_is_not_none(text: str) -> None:
    assert not interpret.means_none(text)


@pytest.mark.parametrize(
    "text, answer",
    [("like I just said, the wife", "the wife"), ("as I already said, my daughter", "my daughter")],
)
def test_like_i_just_said_is_not_part_of_the_answer(text: str, answer: str) -> None:
    assert interpret.without_complaint(text)[0] == answer


@pytest.mark.parametrize(
    "text, time",
    [
        ("the time is wrong too, it's 2.30", "14:30"),
        ("sorry the appointment is at 3", "15:00"),
        ("no its at 9.40 not 8.40", "09:40"),
        ("no the time is 11pm", "23:00"),
        ("take off the 1am, we dont have a time yet", None),
        ("the time is wrong, there isn't a time", None),
    ],
)
def test_an_appointment_time_without_am_or_pm_is_in_the_day(text: str, time: str | None) -> None:
    assert listen.correction(text) == listen.Correction("time", time)


@pytest.mark.parametrize(
    "text, which, words",
    [
        ("number 1 is rubbish, it should say get to Whitby with me", "number 1", "get to Whitby with me"),
        (
            "the second one is all wrong, it should be swim twice a week",
            "the second one",
            "swim twice a week",
        ),
    ],
)
def test_a_goal_called_wrong_and_reworded(text: str, which: str, words: str) -> None:
    assert listen.correction(text) == listen.Correction("change_goal", words, which)


@pytest.mark.parametrize(
    "text, steps, pointer",
    [
        ("add one about sleeping through the night and make that the main one", 2, "that"),
        ("add a goal about sleeping on my back, that's the most important one", 2, "that"),
        ("add a goal: get a date for my hip operation, and make it the main one", 2, "it"),
    ],
)
def test_make_that_the_main_one_points_at_the_goal_being_added(text: str, steps: int, pointer: str) -> None:
    parts = listen.instructions(text)
    assert len(parts) == steps
    fix = listen.correction(parts[-1])
    assert fix is not None and fix.kind == "main_goal" and fix.goal == pointer
    assert listen.POINTER.match(fix.goal)
    assert listen.review_choice(parts[0]).words.startswith(("sleeping", "get a date"))


@pytest.mark.parametrize(
    "text, words",
    [
        (
            "actually no, scrap that, the main thing is whether i need an MRI. thats all",
            "whether i need an MRI",
        ),
        (
            "no i mean im back from the phone. the gardening club is the main thing actually",
            "the gardening club",
        ),
        ("the op date is the most important", "the op date"),
    ],
)
def test_the_main_thing_named_in_words(text: str, words: str) -> None:
    assert listen.correction(text) == listen.Correction("main_goal", "new", goal=words)


def test_the_main_one_pointed_at_is_never_a_new_goal() -> None:
    fix = listen.correction("make the driving one the main one")
    assert fix == listen.Correction("main_goal", None, goal="driving")


@pytest.mark.parametrize(
    "text, points",
    [
        ("the outside one", True),
        ("that walking goal", True),
        ("both of them really", True),
        ("back to work", False),
        ("they're all important", True),
        ("all the things I used to do", False),
    ],
)
def test_a_goal_pointed_at_or_said_in_words(text: str, points: bool) -> None:
    assert listen.points_at_goal(text) is points


@pytest.mark.parametrize(
    "text, who",
    [
        ("Gary is me you numpty, the appointment is with the orthopaedic clinic", "the orthopaedic clinic"),
        ("who its with is the shoulder clinic", "the shoulder clinic"),
        ("its with the neurologist in january", "the neurologist"),
        ("the appointment should just say the podiatrist", "the podiatrist"),
    ],
)
def test_who_the_appointment_is_with_put_right_in_plain_words(text: str, who: str) -> None:
    assert listen.appointment_with_said(text) == who


def test_a_person_is_never_who_the_appointment_is_with() -> None:
    assert listen.appointment_with_said("the appointment is with my wife") is None


@pytest.mark.parametrize("text", ["ugh whatever just send it", "fine, just send it", "just send it off"])
def test_a_tired_yes_at_the_read_back_confirms_and_shares(text: str) -> None:
    assert listen.review_choice(text) == listen.ReviewChoice("confirm")
    assert listen.says_share(text)


def test_dont_send_it_is_never_a_yes() -> None:
    assert listen.review_choice("dont send it") is None
    assert not listen.says_share("dont send it")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("that was a mistake pls take it off", "undo"),
        ("thats wrong can you delete it", "undo"),
        ("it was a mistake so take it off", "undo"),
    ],
)
def test_a_mistake_said_with_what_to_do_about_it_is_taken_back(text: str, kind: str) -> None:
    assert listen.taken_back(text) == kind


@pytest.mark.parametrize(
    "text, not_a_goal",
    [
        ("no!! that's not a goal. delete it", True),
        ("that isnt a goal", True),
        ("remove that goal", True),
        ("it's not a goal as such, more a wish", False),
        ("my goal is not a big one", False),
    ],
)
def test_not_a_goal(text: str, not_a_goal: bool) -> None:
    assert listen.not_a_goal(text) is not_a_goal


@pytest.mark.parametrize(
    "text",
    [
        "oops ignore that last bit, that was me copying the wrong thing. take that question off",
        "delete my question",
    ],
)
def test_a_question_for_the_care_team_taken_off_mid_chat(text: str) -> None:
    assert listen.takes_a_question_off(text)


def test_a_question_of_two_sentences_is_one_question() -> None:
    asked = _questions_asked({"questions": "wat? why has it taken 18 months. who do i complain to"})
    assert asked == ["wat? why has it taken 18 months. who do i complain to"]


def test_two_real_questions_on_one_line_are_two() -> None:
    asked = _questions_asked({"questions": "should I check my feet? can I still have a glass of wine?"})
    assert asked == ["should I check my feet?", "can I still have a glass of wine?"]


def test_thats_the_main_thing_at_something_else_is_not_a_choice() -> None:
    assert listen.correction("No I think that's the main thing") is None


@pytest.mark.parametrize(("text", "time"), [("and the time is 3", "15:00"), ("the time is 10", "10:00")])
def test_an_hour_alone_at_the_read_back_is_the_appointments_time(text: str, time: str) -> None:
    assert listen.time_said(text) == time


def test_who_its_with_said_after_a_kind_word() -> None:
    assert listen.appointment_with_said("no dear it's with doctor Patel at the surgery") == (
        "doctor Patel at the surgery"
    )
