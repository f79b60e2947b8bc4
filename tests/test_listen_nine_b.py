"""Session 26 (listen_nine_b), from retired set 9: the name asked to be written, a date put
right in dialect, "the morra", a time "in the morning", "why do you need that" typed fast,
and going back to add to an earlier answer."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import dates, interpret, listen

TODAY = date(2026, 12, 3)  # a Thursday


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("wayne. lads call me wazza but put wayne", "Wayne"),
        ("everyone at the depot calls me bazza, put barry on it tho", "Barry"),
        ("Karolina. At work they say Karo, it is easier for them. Please write Karolina", "Karolina"),
        ("stephen. the lads at five a side call me stevo, just use stephen", "Stephen"),
        ("dee. the girls call me dee-dee, put me down as dee", "Dee"),
        # an instruction that names no one is no name
        ("Bob, I use a stick", "Bob"),
        ("Mo, just put that", "Mo"),
        # of the names said, the one settled on (tester s31: Margaret was called Peggy)
        ("Margaret, or Peggy, Ron always called me Peggy but hes gone… so Margaret is fine", "Margaret"),
        ("Robert, or Bob, the lads at work said Bob but I've retired now so Robert is fine", "Robert"),
        ("my name is Susan, everyone calls me Sue but Susan is fine", "Susan"),
        ("patricia or pat. pat will do", "Pat"),
    ],
)
def test_the_name_asked_to_be_written_wins(text: str, called: str) -> None:
    assert interpret.name(text) == called
    assert listen.goes_by(text, theirs=False) in {None, called}


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("please call me Margaret not Peggy", "Margaret"),
        ("actually can you call me Bob not Robert, everyone does really", "Bob"),
        ("could you call me Peggy please", "Peggy"),
        ("the nurse can call me later", None),
        ("can you call me back tomorrow", None),
    ],
)
def test_the_name_to_use_put_right_later(text: str, called: str | None) -> None:
    assert listen.name_said_again(text) == called


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("naw wait ah'm talkin rubbish, it's a week on Monday, ten o'clock", date(2026, 12, 14), "10:00"),
        ("nah hang on im chattin rubbish its next tues at 2", date(2026, 12, 8), "14:00"),
        ("och naw, ah got that wrang, it's the 22nd at half 2", date(2026, 12, 22), "14:30"),
        ("sorry I am mixed up, it is a week on Thursday, 9 in the morning", date(2026, 12, 17), "09:00"),
        ("oops what am i on about, it's the 22nd at 11", date(2026, 12, 22), "11:00"),
    ],
)
def test_a_date_put_right_in_any_words(text: str, day: date, time: str) -> None:
    fix = listen.correction(text, TODAY)
    assert fix is not None and fix.kind == "date"
    assert fix.value == dates.When(day, time)


@pytest.mark.parametrize(
    "text",
    ["ma grandweans, an gettin oot the hoose on a Sunday", "My garden and a good day is Monday"],
)
def test_an_answer_with_a_day_is_no_correction(text: str) -> None:
    assert listen.correction(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("the morra", date(2026, 12, 4), None),
        ("its the morra at 10", date(2026, 12, 4), "10:00"),
        ("2morra", date(2026, 12, 4), None),
        ("monday 3 in the afternoon", date(2026, 12, 7), "15:00"),
        # the month of a date is never the hour: "1 in the morning" is inside "15/1"
        ("15/1 in the morning, 10 o'clock", date(2027, 1, 15), "10:00"),
        ("3/2 in the afternoon at 2", date(2027, 2, 3), "14:00"),
    ],
)
def test_dialect_days_and_times(text: str, day: date, time: str | None) -> None:
    assert dates.when(text, TODAY) == dates.When(day, time)


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("y u need my number", "ask_why"),
        ("why you want my phone number?", "ask_why"),
        ("wat u need that 4", "ask_why"),
        ("Oh, can I go back? I forgot to put my jigsaws.", "go_back"),
        ("wait go back one, i missed out my grandson", "go_back"),
        ("Could I go back to the last question please? I would like to add my knitting.", "go_back"),
        ("sorry can i go back, theres something i forgot", "go_back"),
        ("go back? my back hurts", None),
        ("can we go back to how it was before", None),
    ],
)
def test_talk_about_the_chat_typed_fast_or_with_a_reason(text: str, meant: str | None) -> None:
    assert listen.meta(text) == meant


@pytest.mark.parametrize(
    "text", ["naw", "naw that's aw", "naw thats it", "nar", "naw, keep it tae masel fur noo"]
)
def test_naw_and_nar_are_no(text: str) -> None:
    assert interpret.yes_no(text) is False


@pytest.mark.parametrize(
    ("text", "none"), [("naw that's aw", True), ("naw", True), ("nar hes asleep", False)]
)
def test_naw_says_there_is_nothing_more(text: str, none: bool) -> None:
    assert interpret.means_none(text) is none
