"""The appointment told in an opening, however it is typed: who it is with, when (with the
time) and what it is for are heard, and nothing else is taken for them (careplan.listen)."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import dates, listen

from listen_kit import OPENING

TODAY = date(2026, 12, 2)  # a Wednesday


def hear(text: str) -> dict:
    heard = listen.hear(text, OPENING, today=TODAY)
    when = heard.pop("appointment_when", None)
    return {**heard, "day": when and when.day, "time": when and when.time}


@pytest.mark.parametrize(
    ("text", "with_", "day", "time", "reason"),
    [
        (
            "hiya its for me, kayleigh, got my asthma review with the nurse tmrw at 10 past 9. sorry rushing",
            "the nurse",
            date(2026, 12, 3),
            "09:10",
            "asthma review",
        ),
        (
            "its for me, gary. diabetic foot clinic on the 22nd, same as every 3 months, they check my feet",
            "diabetic foot clinic",
            date(2026, 12, 22),
            None,
            "checking my feet",
        ),
        (
            "its for my husband Ray, physio tomoz at 3 for his knee",
            "physio",
            date(2026, 12, 3),
            "15:00",
            "his knee",
        ),
        (
            "Hi I'm Sue. Got the GP on Monday at ten past ten, sorry typing fast",
            "the GP",
            date(2026, 12, 7),
            "10:10",
            None,
        ),
        (
            "its for me, Dennis. the warfarin clinic on tues, they do my bloods",
            "the warfarin clinic",
            date(2026, 12, 8),
            None,
            "doing my bloods",
        ),
        (
            "its for my dad Len, hes got the stroke clinic fri at 2, they review his meds",
            "the stroke clinic",
            date(2026, 12, 4),
            "14:00",
            "reviewing his meds",
        ),
        (
            "for me. asthma nurse tmrw 9.30 for my review",
            "asthma nurse",
            date(2026, 12, 3),
            "09:30",
            "my review",
        ),
        (
            "me, respiratory nurse tomorrow morning, copd review",
            "respiratory nurse",
            date(2026, 12, 3),
            None,
            "copd review",
        ),
        (
            "me, wound clinic monday, they change my dressings",
            "wound clinic",
            date(2026, 12, 7),
            None,
            "changing my dressings",
        ),
    ],
)
def test_who_when_and_what_for_are_heard_in_an_opening(
    text: str, with_: str, day: date, time: str | None, reason: str | None
) -> None:
    heard = hear(text)
    assert (heard.get("appointment_with"), heard["day"], heard["time"]) == (with_, day, time)
    assert heard.get("appointment_reason") == reason


def test_a_correction_of_the_day_still_wins() -> None:
    assert listen.appointment_date("the GP on Monday. no sorry, Tuesday", today=TODAY) == dates.When(
        date(2026, 12, 8), None
    )


@pytest.mark.parametrize(
    "text",
    ["they check everything twice", "I do my own bloods at home", "I check my feet every night"],
)
def test_what_they_do_is_a_reason_only_when_someone_does_it_to_them(text: str) -> None:
    assert listen.reason(text) is None


@pytest.mark.parametrize("text", ["the nurse was lovely tmrw", "I walk to the shop at 3 then the park"])
def test_no_clinician_without_an_appointment(text: str) -> None:
    assert listen.clinician(text) is None


def test_an_hour_followed_by_a_word_starting_th_keeps_the_hour() -> None:
    assert dates.when("fri at 2 then the bus home", TODAY) == dates.When(date(2026, 12, 4), "14:00")
