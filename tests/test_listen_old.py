"""Session 26 (listen_old): what sets 7 and 8 still missed. Pure functions, no servers."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import interpret, listen

TODAY = date(2026, 12, 2)  # a Wednesday
OPENING = ["for_whom", "person_name", "preferred_name", "appointment_with", "appointment_when"]
CARER_OPEN = ["person_name", "preferred_name", "carer_relationship", "carer_basis", "person_present"]


@pytest.mark.parametrize(
    ("text", "here"),
    [
        ("He knows, he's sat next to me eating a Twix, he said tell them about the bus", True),
        ("Yes he know, he is here next to me but he don't like the phone", True),
        ("She knows and she has agreed, she is sitting right here with her tea watching me type", True),
        ("yes she knows, she's sat beside me with a cuppa telling me what to put", True),
        ("Yes he does, he is here with me now, he nod his head", True),
        ("yes hes here", True),
        ("she's in the room with us", True),
        ("she knows yeah, she asked me to do it, but she's at the day centre today", False),
        ("hes not here right now", False),
        ("shes not with me, she's asleep", False),
        ("he knows", None),
        ("she lives with me", None),
        ("she is with me most days", None),
        ("she is cross with me", None),
        ("Dad's here in Leeds and I'm in London", None),
        ("she is out of hospital now", None),
    ],
)
def test_with_them(text: str, here: bool | None) -> None:
    assert listen.with_them(text) is here


def test_heard_only_from_a_carer_while_open() -> None:
    said = "yes she knows, she's sat beside me"
    assert listen.hear(said, CARER_OPEN, asked="carer_basis", carer=True) == {"person_present": "yes"}
    assert listen.hear(said, CARER_OPEN[:-1], asked="carer_basis", carer=True) == {}
    assert "person_present" not in listen.hear("I'm sat here with my tea", CARER_OPEN, carer=False)


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("Tomasz Nowak, but nobody's called him Tomasz since 1970, he's Tom", "Tom"),
        ("Robert Hale, nobody's called him Robert since school, he's Rob", "Rob"),
        ("Wojciech Kowalski, but nobody's called him Wojciech since school, he's Wojtek", "Wojtek"),
        ("Tam. naebody calls me Thomas", None),
    ],
)
def test_goes_by_a_name_inside_the_one_refused(text: str, called: str | None) -> None:
    assert listen.goes_by(text) == called


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("no, he's in Leeds, I'm at my desk at work", None),
        ("no, she's in Cornwall, I'm in London", None),
        ("she lives up in Hull", None),
        ("Mags from Leeds", "Mags"),
        ("Mrs Patel at Lime Tree", "Mrs Patel"),
    ],
)
def test_a_place_is_not_a_name(text: str, name: str | None) -> None:
    assert interpret.name(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "me. Stan Whitfield. home from the Royal on saturday after my fall",
        "hi its for me, Doreen. only got home from hospital on monday after my hip op",
        "im doing this for my husband Frank, he was discharged on the 28th after his stroke",
        "she had her op last Tuesday",
    ],
)
def test_what_happened_names_no_appointment(text: str) -> None:
    heard = listen.hear(text, OPENING, today=TODAY)
    assert "appointment_when" not in heard and "appointment_with" not in heard


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("I had a scan on Monday, now seeing the consultant on Friday", date(2026, 12, 4)),
        ("she had her fall last Tuesday and sees the falls team on the 9th", date(2026, 12, 9)),
        ("my review is on Friday since they moved it", date(2026, 12, 4)),
    ],
)
def test_the_appointment_beside_what_happened(text: str, day: date) -> None:
    assert listen.appointment_date(text, today=TODAY).day == day


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        (
            "Also to walk to church again instead of getting a lift. Did I put that right?",
            "Also to walk to church",
        ),
        ("and I'd like to get back down the allotment, is that ok to put?", "get back down the allotment"),
        ("yes. is that ok?", None),
        ("no that is all. is that ok?", None),
    ],
)
def test_goal_at_something_else_with_a_check_after_it(text: str, goal: str | None) -> None:
    found = listen.goal_in_reply(text)
    assert (found is None) if goal is None else (goal in found and "?" not in found)


@pytest.mark.parametrize(
    ("text", "also"),
    [
        (
            "Also to walk to church again instead of getting a lift. Did I put that right?",
            ("", "walk to church"),
        ),
        ("My knee. Also to get to the shops on my own.", ("My knee", "get to the shops")),
        ("it is nice also to see my friends", None),
    ],
)
def test_also_to_is_another_goal(text: str, also: tuple[str, str] | None) -> None:
    found = listen.another_goal(text)
    assert found is None if also is None else (found[0] == also[0] and also[1] in found[1])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Hi, Sean here. I've got my heart failure review with Dr Mensah at the hospital on the 10th",
            "Sean",
        ),
        ("Morning Bill here, seeing the nurse friday", "Bill"),
        ("it's for me, Sean's fine", "Sean"),
        ("for me. o'brien", "O'brien"),
        ("Hi there, quick one", None),
    ],
)
def test_own_name_said_as_here_or_fine(text: str, name: str | None) -> None:
    assert listen.own_name(text, loose=False) == name


def test_who_its_for_said_again_with_the_name_known() -> None:
    assert listen.only_who_its_for("it's for me, Sean's fine", ["Sean"]) == "self"
    assert listen.only_who_its_for("it's for me, Sean's fine") is None
    assert listen.only_who_its_for("for me, Sean's fine, my wife Jo", ["Sean"]) is None


def test_a_check_after_a_comma_is_an_aside() -> None:
    assert interpret.without_complaint("my husband and the grandkids, is that ok?") == (
        "my husband and the grandkids",
        "checking",
    )


@pytest.mark.parametrize(
    ("text", "barrier"),
    [
        (
            "She would like to get through the night. I would quite like that too, but this is about her.",
            None,
        ),
        ("I'd love to get back to the choir on Thursdays, but that's by the by really", None),
        ("walk the dog again, but my knees are bad", "my knees are bad"),
    ],
)
def test_a_but_about_the_answer_is_not_in_the_way(text: str, barrier: str | None) -> None:
    assert listen.goal_parts(text).get("goal_barriers") == barrier


@pytest.mark.parametrize(
    ("text", "late"),
    [
        (
            "not quite - I skipped what matters earlier. it's my wife, my job and Charlton Athletic, "
            "in that order",
            ("what_matters", "my wife, my job and Charlton Athletic, in that order"),
        ),
        (
            "I forgot to say about a good day - a day out fishing with my son",
            ("good_day", "a day out fishing with my son"),
        ),
        ("sorry I missed what I enjoy before: bowls and my crossword", ("enjoys", "bowls and my crossword")),
        ("I skipped what matters", None),
        ("change number 2", None),
    ],
)
def test_an_answer_given_late(text: str, late: tuple[str, str] | None) -> None:
    assert listen.late_answer(text) == late
