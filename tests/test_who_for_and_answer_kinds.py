"""Who it is for, said with a relationship and a name; openings that say who set the chat up or
which place sent them; and each appointment question keeping its own kind of answer (a day is
never who it is with, a date of birth answers only the date of birth). careplan.listen and
careplan.interpret; session 24, listen_v."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import interpret, listen, pronouns
from careplan.questions import catalogue

from listen_kit import OPENING

TODAY = date(2026, 12, 3)  # a Thursday


@pytest.mark.parametrize(
    ("text", "name", "relationship"),
    [
        ("My dad, Rajesh Sharma", "Rajesh Sharma", "son or daughter"),
        ("mum - brenda", "Brenda", "son or daughter"),
        ("Dad, Frank", "Frank", "son or daughter"),
        ("its for my husband. Derek Pearce", "Derek Pearce", "wife or partner"),
        ("My mother, Edna Price.", "Edna Price", "son or daughter"),
        ("nan. Iris", "Iris", "grandchild"),
        ("my wife Alison", "Alison", "husband or partner"),
    ],
)
def test_who_for_with_a_relationship_and_a_name(text: str, name: str, relationship: str) -> None:
    heard = listen.hear(text, OPENING, asked="for_whom", today=TODAY)
    assert heard["for_whom"] == "carer"
    assert heard["person_name"] == name
    assert heard["carer_relationship"] == relationship


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("My dad, Rajesh Sharma", "Rajesh Sharma"),
        ("my mum - Brenda Hughes", "Brenda Hughes"),
        ("Dad. Frank Ellis", "Frank Ellis"),
        ("its my husband Derek", "Derek"),
        ("My mother, Edna Price.", "Edna Price"),
    ],
)
def test_the_name_question_answered_with_who_they_are_first(text: str, full: str) -> None:
    assert interpret.name(text, full=True) == full
    assert interpret.name(text) == full.split()[0]


@pytest.mark.parametrize(
    "text",
    ["my wife. She has dementia", "my husband", "mum"],
)
def test_no_name_said_is_no_name(text: str) -> None:
    assert listen.their_name(text) is None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Morning! My grandson has put this on the tablet for me. I'm seeing the nurse on Tuesday", "self"),
        ("hello. my granddaughter has put this on for me and I am talking into it", "self"),
        ("my daughter set this up for me", "self"),
        ("my daughter's set it up for me, my husband has the memory clinic on the 9th", "carer"),
        ("my son put it on my phone for me, its for my wife really", "carer"),
        ("my son has set this up on my phone", None),
    ],
)
def test_who_set_the_chat_up_is_not_who_it_is_for(text: str, who: str | None) -> None:
    assert listen.for_whom(text) == who


@pytest.mark.parametrize(
    ("text", "with_"),
    [
        (
            "the surgery asked me to fill this in before I see the asthma nurse on the 14th",
            "the asthma nurse",
        ),
        (
            "I've got COPD and the practice want me to do some care plan thing before my review with "
            "the respiratory nurse.",
            "the respiratory nurse",
        ),
        ("seeing the nurse at the surgery on friday", "the nurse at the surgery"),
        ("my review at the surgery on friday", "the surgery"),
        (
            "ah have to see t'nurse at t'surgery about mi sugar, t'wife sez do this first",
            "the nurse at the surgery",
        ),
        ("ey up, got t'foot clinic on t'22nd", "the foot clinic"),
    ],
)
def test_who_they_see_not_the_place_that_sent_them(text: str, with_: str) -> None:
    assert listen.hear(text, OPENING, today=TODAY)["appointment_with"] == with_


def test_someone_elses_say_so_is_not_the_reason() -> None:
    heard = listen.hear(
        "ah have to see t'nurse about mi sugar, t'wife sez do this first", OPENING, today=TODAY
    )
    assert heard["appointment_reason"] == "mi sugar"


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("wednesday, ten past nine", date(2026, 12, 9), "09:10"),
        ("the 17th. 10.20 in the morning", date(2026, 12, 17), "10:20"),
        ("its on friday 11th at 2pm", date(2026, 12, 11), "14:00"),
        ("quarter to eleven on the twenty first", date(2026, 12, 21), "10:45"),
    ],
)
def test_a_day_alone_is_when(text: str, day: date, time: str) -> None:
    found = listen.only_a_day(text, TODAY)
    assert found is not None and (found.day, found.time) == (day, time)


@pytest.mark.parametrize(
    "text",
    ["Dr Shah on tuesday", "the physio on the 9th", "walking on sundays", "my knee and my hip", "Sundays"],
)
def test_more_than_a_day_is_not_only_a_day(text: str) -> None:
    assert listen.only_a_day(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("12/06/1991", date(1991, 6, 12)),
        ("12 june 1991", date(1991, 6, 12)),
        ("3rd of August 1956", date(1956, 8, 3)),
        ("the ninth of May nineteen forty six", date(1946, 5, 9)),
        ("born 4th march 1952", date(1952, 3, 4)),
    ],
)
def test_a_date_of_birth_alone(text: str, born: date) -> None:
    assert listen.birth_date_alone(text, TODAY) == born


@pytest.mark.parametrize(
    "text",
    ["next tuesday", "the 16th", "my husband died 3rd june 2019 and I miss him", "since 2019", "1952"],
)
def test_not_a_date_of_birth_alone(text: str) -> None:
    assert listen.birth_date_alone(text, TODAY) is None


def test_the_catalogue_says_which_questions_a_day_never_answers() -> None:
    refusing = {q.key for q in catalogue().values() if q.not_a_day}
    # not a good day: "Sundays" is one; a day alone at "What matters most?" is when the appointment is
    assert refusing == {"appointment_with", "appointment_reason", "what_matters", "enjoys", "goal_text"}


@pytest.mark.parametrize(
    ("text", "said"), [("mum - brenda", "she"), ("Dad, Frank", "he"), ("nan. Iris", "she")]
)
def test_a_family_word_before_a_name_says_her_or_him(text: str, said: str) -> None:
    assert pronouns.from_kin([text]) == said
