"""Session 32 (listen_flow15a): set 15's listening slips, in other people's words.

Each class has a conversation (tests/conversations/messy_s32a_*.yml) that failed first."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import interpret, listen

pytestmark = pytest.mark.unit

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("elsie please. my grandson set this up on the tablet for me", "Elsie"),
        ("its jean. my son showed me how to use this phone", "Jean"),
        ("doris thank you, my daughter put this on the ipad for me", "Doris"),
        ("bert please my son is typing for me", "Bert"),
        ("elsie please", "Elsie"),
        # what says no name, said first, is still none
        ("hello. my grandson set this up", None),
        ("skip please. i dont like giving it", None),
        ("not today. my son is typing for me", None),
    ],
)
def test_a_name_said_first_then_chat(text: str, called: str | None) -> None:
    """set15_01: "elsie please. my grandson set this up ..." got the name question again."""
    assert interpret.name(text, own=True) == called


@pytest.mark.parametrize(
    ("text", "born", "fixed"),
    [
        ("oh sorry, I've put the wrong year. 1959, not 1960", date(1960, 9, 30), date(1959, 9, 30)),
        ("sorry my birthday is the 3rd not the 4th", date(1948, 3, 4), date(1948, 3, 3)),
        ("its the third of march not the fourth", date(1948, 3, 4), date(1948, 3, 3)),
        ("oops wrong year for dad, should be 38 not 39", date(1939, 8, 2), date(1938, 8, 2)),
        ("i got my year wrong, its 1959", date(1960, 9, 30), date(1959, 9, 30)),
        ("silly me, born in june not july", date(1950, 7, 1), date(1950, 6, 1)),
        ("sorry i meant 30/9/59", date(1960, 9, 30), date(1959, 9, 30)),
        # no date of birth put right: a phone number, an NHS number, the appointment, the same date
        ("07700 900321", date(1960, 9, 30), None),
        ("943 476 5919", date(1960, 9, 30), None),
        ("sorry the appointment is the 10th not the 9th", date(1960, 9, 9), None),
        ("30 September 1960", date(1960, 9, 30), None),
        ("I don't have it to hand", date(1960, 9, 30), None),
        ("sorry, it's 07700 900321 not 900123", date(1960, 9, 30), None),
    ],
)
def test_a_date_of_birth_put_right_later(text: str, born: date, fixed: date | None) -> None:
    """set15_07: "oh sorry, I've put the wrong year. 1959, not 1960" at the NHS number got
    "that doesn't look like an NHS number"."""
    assert listen.birth_date_put_right(text, born, TODAY) == fixed


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("silly me, its the nurse not the doctor", "the nurse"),
        ("my mistake, it's the physio not the consultant", "the physio"),
        ("silly me, it's not the doctor it's the nurse", "the nurse"),
        ("oops, I said the GP but it should be the practice nurse", "the practice nurse"),
        ("no its not my doctor its the nurse", "the nurse"),
        ("whoops, not the surgeon, it's the specialist nurse", "the specialist nurse"),
        ("I typed the doctor but it should be the podiatrist", "the podiatrist"),
    ],
)
def test_who_it_is_with_put_right_with_a_slip_owned(text: str, who: str) -> None:
    """ "silly me, its the nurse not the doctor" was kept as who it is with: "its the nurse"."""
    fix = listen.correction(text, TODAY)
    assert fix is not None and (fix.kind, fix.value) == ("clinician", who)


@pytest.mark.parametrize(
    "text",
    ["I said my knee but it's my hip really", "i said no but my son says i should"],
)
def test_what_was_said_put_right_about_no_clinician(text: str) -> None:
    fix = listen.correction(text, TODAY)
    assert fix is None or fix.kind != "clinician"
