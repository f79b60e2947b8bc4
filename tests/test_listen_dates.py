"""Session 27 (listen_dates): a date put right counted from the date it replaces ("the monday
after", "the week after", "not this one, the next"), a date given after taking the last one back
("ignore me ..., it's a fortnight on Tuesday"), and a correction begun with a sigh. Who the
appointment is with keeps the place said after it: tests/test_listen.py."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import dates, listen

TODAY = date(2026, 12, 3)  # a Thursday


@pytest.mark.parametrize(
    ("text", "before", "day", "time"),
    [
        ("no wait its not friday its the monday after, 10.30", date(2026, 12, 4), date(2026, 12, 7), "10:30"),
        ("sorry its the week after, at 2 still", date(2026, 12, 9), date(2026, 12, 16), "14:00"),
        ("oh hang on its the day before. 11am", date(2026, 12, 15), date(2026, 12, 14), "11:00"),
        ("no not that one the next one, 9.15", date(2026, 12, 10), date(2026, 12, 17), "09:15"),
        ("wait sorry its actually a week later than that", date(2026, 12, 17), date(2026, 12, 24), None),
        ("no its the tuesday before", date(2026, 12, 17), date(2026, 12, 15), None),
        ("sorry, the thursday after", date(2026, 12, 8), date(2026, 12, 10), None),
        # a day of its own wins over the date put right
        ("no its the 18th", date(2026, 12, 9), date(2026, 12, 18), None),
    ],
)
def test_a_date_put_right_counts_from_the_one_it_replaces(
    text: str, before: date, day: date, time: str | None
) -> None:
    fix = listen.correction(text, TODAY, after=before)
    assert fix is not None and fix.kind == "date"
    assert fix.value == dates.When(day, time)


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("ignore me i was thinking of the dentist, it's a fortnight on Tuesday", date(2026, 12, 22), None),
        ("scratch that its a week on thursday at 10", date(2026, 12, 17), "10:00"),
        ("oh forget that, wrong letter. its wednesday 16th at 11.30", date(2026, 12, 16), "11:30"),
        ("ignore that, monday 14th at 3", date(2026, 12, 14), "15:00"),
        (
            "ugh sorry, kids fighting, it's wednesday 16th, 11.30. definitely this time",
            date(2026, 12, 16),
            "11:30",
        ),
    ],
)
def test_a_date_given_after_taking_the_last_one_back(text: str, day: date, time: str | None) -> None:
    fix = listen.correction(text, TODAY)
    assert fix is not None and fix.kind == "date"
    assert fix.value == dates.When(day, time)


@pytest.mark.parametrize(
    "text",
    [
        "scrap that, my goal is to walk by christmas",
        "forget that",
        "ignore me",
        "no thats wrong, she has the nurse on monday too",
    ],
)
def test_taking_back_without_a_new_date_is_still_an_undo(text: str) -> None:
    fix = listen.correction(text, TODAY, after=date(2026, 12, 4))
    assert fix is not None and fix.kind == "undo"


@pytest.mark.parametrize(
    ("text", "before", "day", "time"),
    [
        (
            "no wait its not friday its the monday after, 10.30",
            "Friday 4 December",
            date(2026, 12, 7),
            "10:30",
        ),
        # the time of the date put right stays when no new one is said
        ("its the week after", "Wednesday 9 December, at 2pm", date(2026, 12, 16), "14:00"),
        ("a day earlier", "Wednesday 9 December, at 2pm", date(2026, 12, 8), "14:00"),
    ],
)
def test_counted_from_the_date_said_back(text: str, before: str, day: date, time: str | None) -> None:
    earlier = dates.when(before, TODAY)
    assert earlier is not None
    found = dates.counted_from(text, earlier.day, TODAY)
    assert found is not None and found.day == day
    assert (found.time or earlier.time) == time


@pytest.mark.parametrize("text", ["its the 18th", "next tuesday", "friday at 10", "my knee"])
def test_a_day_of_its_own_counts_from_nothing(text: str) -> None:
    assert dates.counted_from(text, date(2026, 12, 9), TODAY) is None


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("ugh sorry, kids fighting, it's wednesday 16th, 11.30. definitely this time", None),
        ("sorry its the 10th. honest, I've checked the letter", None),
        ("sorry I meant thursday. to see if his memory's got worse", "to see if his memory's got worse"),
    ],
)
def test_vouching_for_the_date_is_no_answer(text: str, rest: str | None) -> None:
    found, _, left = listen.correction_in_part(text, TODAY)
    assert (left if found else None) == rest


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("friday 11th, no sorry the week after, 2pm", date(2026, 12, 18), "14:00"),
        ("tues 8th at 10. no wait the day before", date(2026, 12, 7), "10:00"),
        ("Thursday 10th. No, the one after", date(2026, 12, 17), None),
        ("friday 11th no sorry the monday after", date(2026, 12, 14), None),
        # a day of its own after the marker is still that day
        ("Monday. no sorry, Tuesday", date(2026, 12, 8), None),
    ],
)
def test_a_day_put_right_in_the_same_message_counts_from_the_first(
    text: str, day: date, time: str | None
) -> None:
    assert dates.when(listen.last_said(text), TODAY) == dates.When(day, time)
