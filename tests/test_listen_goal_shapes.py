"""Session 28 (listen_b): what set 11 lost before its goals. Pure functions, no servers.

A goal passed on in the person's own words is titled without "X says:"; what matters said by
name in an opening is heard; who the appointment is with, with who they are after it, is only
who; "gtg" steps away; "nxt wed" is a date."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import dates, listen
from careplan.titles import short_title

TODAY = date(2026, 12, 3)  # a Thursday
OPEN = [
    "for_whom",
    "preferred_name",
    "appointment_with",
    "appointment_when",
    "appointment_reason",
    "what_matters",
]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Connor says: go to Prenton Park with my mates on a Saturday, without mum",
            "Go to Prenton Park with my mates on a Saturday, without mum",
        ),
        ("Dad says: walk Bess round the park on my own again", "Walk Bess round the park on my own again"),
        ("In his words - carry his own shopping in from the car", "Carry his own shopping in from the car"),
        ("To get over to Oban to see my sister Catriona once a month.", "Get over to Oban to see my sister"),
        ("Lift Alfie into his car seat.", "Lift Alfie into his car seat"),
    ],
)
def test_a_goal_in_their_own_words_is_titled_without_who_said_it(text: str, title: str) -> None:
    assert short_title(text).startswith(title)


@pytest.mark.parametrize(
    ("text", "matters"),
    [
        (
            "I'm seeing Dr Whitfield on Friday about my knees. What matters most is being able to look "
            "after my grandson Alfie two days a week, and keep swimming.",
            "being able to look after my grandson Alfie two days a week, and keep swimming",
        ),
        (
            "hiya its for me, Sandra. seeing the physio next tuesday about my shoulder. the most important "
            "thing to me is getting back to my pottery class",
            "getting back to my pottery class",
        ),
        ("he's seeing the memory clinic. What matters to him is his allotment.", "his allotment"),
        ("seeing the nurse friday. what matters is that a question?", None),
        ("seeing the nurse friday", None),
    ],
)
def test_what_matters_said_by_name_in_an_opening(text: str, matters: str | None) -> None:
    assert listen.hear(text, OPEN, today=TODAY).get("what_matters") == matters


def test_what_matters_is_not_taken_from_the_life_questions_themselves() -> None:
    said = "what matters most is my garden"
    assert "what_matters" not in listen.hear(said, [*OPEN, "good_day"], asked="good_day", today=TODAY)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Dr Bhatt, she does the learning disability health checks at Riverside", "Dr Bhatt"),
        ("Dr Okoro, he's the new one at Park Lane", "Dr Okoro"),
        ("Mr Patel, who does the knee ops at the Royal", "Mr Patel"),
        ("the nurse was lovely, she does my feet", None),
        ("it's on the letter from the hospital, she said", None),
    ],
)
def test_who_then_who_they_are_is_only_who(text: str, who: str | None) -> None:
    assert listen.only_the_clinician(text) == who


@pytest.mark.parametrize(
    "text", ["gtg job in", "gtg", "sorry gtg, fare just got in", "g2g customer in", "gtg school run"]
)
def test_got_to_go_in_text_speak_is_stepping_away(text: str) -> None:
    assert listen.meta(text) == "away"


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("nxt wed 4.15", date(2026, 12, 9), "16:15"),
        ("nex tuesday", date(2026, 12, 8), None),
        ("nxt fri 10am", date(2026, 12, 11), "10:00"),
    ],
)
def test_next_in_text_speak(text: str, day: date, time: str | None) -> None:
    assert dates.when(text, today=TODAY) == dates.When(day, time)
