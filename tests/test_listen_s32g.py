"""Session 32 (listen_tester32): what the tester's five people hit, in other people's words.

Each class has a conversation (tests/conversations/messy_s32g_*.yml) that failed first."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import dates, listen

pytestmark = pytest.mark.unit

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Well he's exhausted in the day and more muddled. Last week he got up in the night and I found him on"
        " the landing floor at 3am, he couldn't get up. I got him up in the end.",
        "talking to someone maybe. not the 6 week wait talking therapies thing again",
        "talking to someone, not the 6 week wait thing again",
        "im muddled all day if i dont sleep. on monday i was still awake at 4am and then i missed my stop",
        "my knees ache in bed. sorry, its the 8 steps up to the flat that do them in",
        "a bit of physio maybe. not the 12 week waiting list again though",
        "its wrong really, she should be asleep but shes wandering the house at 3am",
        "he gets mixed up at 3am and thinks it's morning",
    ],
)
def test_a_number_in_a_story_moves_no_appointment(text: str) -> None:
    """Joyce's 3am and Chris's "6 week wait" became the appointment's time and date."""
    found = listen.correction(text, TODAY)
    assert found is None or found.kind not in {"date", "time"}
    in_part = listen.correction_in_part(text, TODAY)[0]
    assert in_part is None or in_part.kind not in {"date", "time"}


@pytest.mark.parametrize(
    ("text", "time"),
    [
        (
            "Pardon? The appointment is at quarter past ten not 3am. I was telling you about him falling.",
            "10:15",
        ),
        ("the appointment is at 3 but i found him at 2am", "15:00"),
        ("Sorry, my mistake. It is at 10.30.", "10:30"),
        ("no sorry, I got it wrong, the letter says at 10.40 in the morning", "10:40"),
        ("ah no it was at 11 I think, not 10, I was looking at the wrong letter", "11:00"),
        ("sorry I meant at 2", "14:00"),
    ],
)
def test_the_appointment_time_put_right_still_is(text: str, time: str) -> None:
    assert listen.correction(text, TODAY) == listen.Correction("time", time)


@pytest.mark.parametrize("text", ["the 6 week wait", "the 10 mins walk", "the 8 steps", "the 3 tablets"])
def test_a_count_is_not_a_day_of_the_month(text: str) -> None:
    assert dates.when(text, TODAY) is None


@pytest.mark.parametrize(("text", "day"), [("the 6th", 6), ("on the 6 at 10", 6), ("friday 11th", 11)])
def test_a_day_of_the_month_still_is(text: str, day: int) -> None:
    found = dates.when(text, TODAY)
    assert found is not None and found.day.day == day
