"""Session 28 (listen_c), from retired set 11: what made the conversations drift a question
late or early, so that their endings (the read-back, sharing, the details for the record) were
never reached: stepping away typed fast, and a team named with the nurse's name after it."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import dates, listen

TODAY = date(2026, 12, 3)  # a Thursday


@pytest.mark.parametrize(
    "text",
    [
        "gtg job in",
        "argh g2g, boss wants me",
        "sorry gotta go, fare",
        "got2go meeting",
        "hv to go, shift starting",
        "g2g",
    ],
)
def test_stepping_away_typed_fast(text: str) -> None:
    assert listen.meta(text) == "away"


@pytest.mark.parametrize(
    "text",
    ["I have to go to the toilet a lot", "my job", "the school run and my job", "have to go to work"],
)
def test_an_answer_about_going_is_no_stepping_away(text: str) -> None:
    assert listen.meta(text) is None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("the cardiac rehab team at the Northern General, the nurse is called Sue", "cardiac rehab team"),
        ("the heart failure team at the hospital, the nurse is called Pam", "heart failure team"),
        ("the community falls team down the Royal, a physio called Dan", "falls team"),
        ("the memory team", "memory team"),
        ("the respiratory team, Dr Shah", "respiratory team"),
        # a team that is a place: who is the one named
        ("the surgery team, the nurse is called Jo", "the nurse"),
        ("the practice team said to fill this in, Im seeing the nurse", "the nurse"),
    ],
)
def test_a_team_said_with_what_it_does_is_who(text: str, who: str) -> None:
    assert who in (listen.clinician(text, asked=True) or "")


@pytest.mark.parametrize(
    "text",
    [
        "i didnt want to make a big thing of it, its family. can we carry on",
        "look i dont want to make a fuss about it, its family. can we just carry on",
        "sorry, didnt mean to go on. lets crack on",
        "its fine, lets just carry on",
        "anyway, carry on",
        "can we continue please",
        "yeah i dont really want to get him in trouble. can we just carry on",
    ],
)
def test_asking_to_carry_on_answers_nothing(text: str) -> None:
    assert listen.meta(text) == "carry_on"


@pytest.mark.parametrize(
    "text",
    [
        "go on",
        "can we move on please",
        "carry on walking",
        "I want to carry on driving",
        "keep going to the gym",
    ],
)
def test_carrying_on_with_something_is_an_answer(text: str) -> None:
    assert listen.meta(text) != "carry_on"


def test_an_answer_then_carry_on_keeps_the_answer() -> None:
    assert listen.answer_beside("a walker would help. can we carry on") == (
        "can we carry on",
        "a walker would help.",
    )


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Dr Bhatt, she does the learning disability health checks at Riverside", "Dr Bhatt"),
        ("Mr Okoro the knee surgeon, he did my op", "Mr Okoro the knee surgeon"),
        ("the physio, she is lovely", "the physio"),
        ("Dr Ellis, she runs the asthma clinic there", "Dr Ellis"),
    ],
)
def test_who_said_first_with_what_they_do(text: str, who: str) -> None:
    assert listen.only_the_clinician(text) == who


@pytest.mark.parametrize("text", ["the nurse said it was fine", "it's on the letter from the hospital"])
def test_a_clinician_in_passing_is_not_who(text: str) -> None:
    assert listen.only_the_clinician(text) is None


@pytest.mark.parametrize(("text", "day"), [("nxt wed 4.15", 9), ("nxt wed", 9), ("a wk on friday", 11)])
def test_next_and_week_typed_short(text: str, day: int) -> None:
    found = dates.when(text, TODAY)
    assert found is not None and found.day.day == day
