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
