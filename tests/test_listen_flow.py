"""Session 25 (listen_flow): openings as numbered lists, days put right inside a message, and
answers that fit another question than the one asked. Pure functions, no servers."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import listen

from listen_kit import OPENING

TODAY = date(2026, 12, 2)  # a Wednesday


def hear(text: str) -> dict:
    heard = listen.hear(text, OPENING, asked=None, today=TODAY)
    return {k: (v.day if isinstance(v, listen.dates.When) else v) for k, v in heard.items()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "hi quick one, on my lunch. 1) its for me 2) Ravi 3) diabetes nurse 4) friday 5) my sugars "
            "are all over the place since I started nights",
            {
                "for_whom": "self",
                "preferred_name": "Ravi",
                "appointment_with": "diabetes nurse",
                "appointment_when": date(2026, 12, 4),
                "appointment_reason": "my sugars are all over the place since I started nights",
            },
        ),
        (
            "1. for my mum 2. Edna 3. memory clinic 4. 12th jan 5. to see if the tablets are working",
            {
                "for_whom": "carer",
                "carer_relationship": "son or daughter",
                "person_name": "Edna",
                "appointment_with": "memory clinic",
                "appointment_when": date(2027, 1, 12),
                "appointment_reason": "whether the tablets are working",
            },
        ),
        (
            "Morning! 1) me, Tom 2) the physio at the Royal 3) next wednesday 4) my back after the op",
            {
                "for_whom": "self",
                "preferred_name": "Tom",
                "appointment_with": "the physio at the Royal",
                "appointment_when": date(2026, 12, 9),
                "appointment_reason": "my back after the op",
            },
        ),
    ],
)
def test_an_opening_as_a_numbered_list_is_read_item_by_item(text: str, expected: dict) -> None:
    assert hear(text) == expected


def test_a_list_that_is_not_numbered_from_one_is_not_a_list() -> None:
    assert listen.numbered_items("my kids (Anya 4, Dev 18 months)") == ("my kids (Anya 4, Dev 18 months)", [])
    assert listen.numbered_items("2) the nurse 3) friday")[1] == []


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("next Tuesday. No, sorry, Tuesday is the dentist. It is Thursday. Next Thursday.", "Next Thursday"),
        ("no sorry its monday. friday was the school play", "no sorry its monday"),
        ("the 14th. oh no thats wrong, the 14th is bingo. its the 15th", "its the 15th"),
        ("the 17th. 10.20 in the morning", "the 17th. 10.20 in the morning"),  # a time names no day
        ("Monday. no sorry, Tuesday", "Tuesday"),
    ],
)
def test_of_days_said_the_one_meant_wins(text: str, meant: str) -> None:
    assert listen.last_said(text) == meant


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("hello my daughterr set thiss up for me. Im Geofff. sorry Geoff. hands are shakky today", None),
        ("bit wobbly today, seeing Dr Lee on friday", date(2026, 12, 4)),
        ("hi im seeing the nurse today", TODAY),
        ("my appointment is today", TODAY),
    ],
)
def test_today_is_the_appointment_only_when_it_says_so(text: str, day: date | None) -> None:
    found = listen.appointment_date(text, today=TODAY)
    assert (found.day if found else None) == day


@pytest.mark.parametrize(
    ("text", "told", "retold"),
    [
        (
            "My blood pressure's been up and down and they want to check the new tablets",
            "my blood pressure",
            True,
        ),
        ("my annual review. they'll listen to my chest and send me home", "review", True),
        ("my frozen shoulder, I cannot lift my arm to do my hair", "my shoulder", True),
        ("his memory is getting worse, they want to see if the tablets help", "his memory", True),
        ("my knee, I want to walk the dog again", "my knee", False),
        ("family. my heart is not so good but family first", "my heart", False),
        ("my grandchildren, I would do anything for them", "my diabetes", False),
        ("being able to work, my back stops me", "my back", False),
    ],
)
def test_what_the_appointment_is_for_told_again(text: str, told: str, retold: bool) -> None:
    assert listen.retells_reason(text, told) is retold


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        (
            "no thats the main one. actually yes - writing. I want to sign my own cards",
            "writing. I want to sign my own cards",
        ),
        ("no. oh wait yes, I want to get back on my bike", "I want to get back on my bike"),
        ("no thats all. actually yes, one more: swimming", "swimming"),
        ("nope, thats it", None),
        ("no, actually yes", None),
    ],
)
def test_a_no_taken_back_at_something_else(text: str, goal: str | None) -> None:
    assert listen.goal_in_reply(text) == goal


@pytest.mark.parametrize(
    ("text", "who"), [("me. just me", "self"), ("its for me", "self"), ("me and my wife Jean", None)]
)
def test_who_it_is_for_told_again(text: str, who: str | None) -> None:
    assert listen.only_who_its_for(text) == who


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("the twenty third at ten past two", date(2026, 12, 23), "14:10"),
        ("on the fourteenth at half ten", date(2026, 12, 14), "10:30"),
        ("the twenty third at 2pm", date(2026, 12, 23), "14:00"),
    ],
)
def test_a_day_in_ordinal_words_with_a_time_after_it(text: str, day: date, time: str) -> None:
    assert listen.dates.when(text, TODAY) == listen.dates.When(day, time)


def test_the_first_few_times_is_still_no_date() -> None:
    assert listen.dates.when("the first few times at 2pm", TODAY) is None


@pytest.mark.parametrize(
    ("text", "who", "kin"),
    [
        ("Hello, I'm Bev, mum to Danny who is 30 and has a learning disability.", "carer", "mum"),
        ("Jim here, husband of Mary, she has the memory clinic", "carer", "husband"),
        ("hi im Sal, mum of two, seeing the GP", "self", None),
    ],
)
def test_who_they_are_to_someone_named(text: str, who: str, kin: str | None) -> None:
    heard = hear(text)
    assert (heard["for_whom"], heard.get("carer_relationship")) == (who, kin)


@pytest.mark.parametrize(
    ("text", "time"),
    [("Wednesday the 9th at 11. sorry, 11.30", "11:30"), ("tuesday at 10. no wait, half 10", "10:30")],
)
def test_the_time_put_right_keeps_the_day_said_first(text: str, time: str) -> None:
    found = listen.dates.when(listen.last_said(text))
    assert found is not None and found.time == time


def test_a_life_said_in_the_reason_s_words_is_not_the_reason_again() -> None:
    assert not listen.retells_reason("Staying in my own home", "Help at home")
    assert not listen.retells_reason("me n my brother tbh, and her dog", "her meds n shes always tired")
    assert not listen.retells_reason("my wife Pat. and the garden", "how my memory is. my wife says I forget")


def test_a_day_of_this_month_said_alone() -> None:
    found = listen.only_a_day("the twenty first of this month at quarter to eleven", TODAY)
    assert found == listen.dates.When(date(2026, 12, 21), "10:45")
