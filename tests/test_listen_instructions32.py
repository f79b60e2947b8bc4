"""Session 32 (listen_instructions32): an instruction said at any question is never that
question's answer: a goal taken off or changed ("remove number 2", "change number 1"), or a part
of the appointment said to be wrong ("the clinic is wrong", "the appointment bit is wrong").
Ordinary answers that only use such words stay answers. Pure functions, no servers."""

from __future__ import annotations

import pytest

from careplan import listen


@pytest.mark.parametrize(
    ("text", "kind", "goal", "words"),
    [
        ("remove number 2", "remove", "number 2", None),
        ("can u delete number 1 pls", "remove", "number 1", None),
        ("Could you take the second one off please dear", "remove", "the second one", None),
        ("take that one off", "remove", "that one", None),
        ("get rid of the last goal", "remove", "the last goal", None),
        ("can I remove number 3", "remove", "number 3", None),
        ("change number 1", "change", "number 1", None),
        ("I'd like to change the first one", "change", "the first one", None),
        (
            "i want to change the goal. it should say walking to the shop",
            "change",
            "the goal",
            "walking to the shop",
        ),
        (
            "Sorry I need to change that goal, it needs to say swim once a week",
            "change",
            "that goal",
            "swim once a week",
        ),
        (
            "can we change number 1, it should say get dad to the club",
            "change",
            "number 1",
            "get dad to the club",
        ),
        ("change number 2 to: walk the dog pls", "change", "number 2", "walk the dog"),
    ],
)
def test_an_instruction_about_a_goal(text: str, kind: str, goal: str, words: str | None) -> None:
    assert listen.instruction(text) == listen.Instruction(kind, goal, words)


@pytest.mark.parametrize(
    "text",
    [
        "I want to change how I get to the shops",
        "number 2 bus is my lifeline",
        "drop one of my shifts",
        "she takes that one off when she gets in",
        "I need to take one day off a week",
        "I want to drop a dress size",
        "change my diet to more veg",
        "I'd like to change my job",
    ],
)
def test_an_answer_with_such_words_is_no_instruction(text: str) -> None:
    assert listen.instruction(text) is None
    fix = listen.correction(text)
    assert fix is None or fix.kind != "change_goal"


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("the appointment bit is wrong", None),
        ("the appointment details are wrong", None),
        ("appointments wrong", None),
        ("the clinic is wrong", "appointment_with"),
        ("that's not the right clinic", "appointment_with"),
        ("you've got the wrong hospital", "appointment_with"),
        ("who it's with is wrong", "appointment_with"),
        ("not the date!! the name of the clinic", "appointment_with"),
        ("no not the date, it's the doctor that's wrong", "appointment_with"),
        ("the time is wrong", "appointment_time"),
        ("what its for is wrong", "appointment_reason"),
        ("the date is wrong", "appointment_when"),
    ],
)
def test_a_part_of_the_appointment_wrong(text: str, part: str | None) -> None:
    assert listen.appointment_part_wrong(text) == listen.Correction("appointment", part)


@pytest.mark.parametrize(
    "text",
    [
        "the doctor was wrong about my knee",
        "my name is wrong",
        "the nurse got my tablets wrong",
        "my appointment with the nurse went wrong last time",
        "my memory is not right",
    ],
)
def test_nothing_of_the_appointment_wrong(text: str) -> None:
    assert listen.appointment_part_wrong(text) is None


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("who it's with", "appointment_with"),
        ("the clinic", "appointment_with"),
        ("the date", "appointment_when"),
        ("the time", "appointment_time"),
        ("what it's for", "appointment_reason"),
        ("all of it", None),
    ],
)
def test_which_part_is_named(text: str, part: str | None) -> None:
    assert listen.appointment_part(text) == part


def test_the_date_said_with_the_appointment_wrong_is_the_date() -> None:
    fix = listen.correction("the appointment is wrong its the 9th")
    assert fix is not None and fix.kind == "date"
