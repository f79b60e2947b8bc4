"""Session 28 (listen_c), from retired set 11: what made the conversations drift a question
late or early, so that their endings (the read-back, sharing, the details for the record) were
never reached: stepping away typed fast, and a team named with the nurse's name after it."""

from __future__ import annotations

import pytest

from careplan import listen


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
