"""Session 32 (listen_flow15a): set 15's listening slips, in other people's words.

Each class has a conversation (tests/conversations/messy_s32a_*.yml) that failed first."""

from __future__ import annotations

import pytest

from careplan import interpret

pytestmark = pytest.mark.unit


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
