"""Session 33 (listen_fix33): corrections and the read-back, from real people."""

from __future__ import annotations

import pytest

from careplan import listen

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("Hello dear, my daughter said I should try this before Ken's appointment", None),
        ("hello, my son told me to fill this in before the clinic", None),
        ("My granddaughter reckons this will help me get ready for Bert's appointment", None),
        ("its for my husband Bert", "wife or partner"),
        ("my husband said his knee hurts", "wife or partner"),
    ],
)
def test_who_sent_the_writer_is_not_who_it_is_for(text: str, relationship: str | None) -> None:
    """s32 tester: "my daughter said I should try this" made Joyce her husband's "parent"."""
    assert listen.hear(text, ["carer_relationship"], carer=True).get("carer_relationship") == relationship


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Support is wrong. It should say my mum and Priya.", {"support": "my mum and Priya"}),
        ("who helps me is wrong, it should be my sister", {"support": "my sister"}),
        ("the worries bit is wrong. it should say another stroke", {"worries": "another stroke"}),
        ("What matters most is wrong, it should be my family", {"what_matters": "my family"}),
        ("my worry is they will change my tablets", {}),
        ("I need more support with my knee", {}),
    ],
)
def test_an_answer_about_their_life_put_right(text: str, fixed: dict[str, str]) -> None:
    """s32 tester, Sam: "Support is wrong. It should say my mum and Priya" changed the only goal."""
    assert listen.life_answers_put_right(text) == fixed


@pytest.mark.parametrize(
    ("text", "said", "now"),
    [
        ("I said my knee but it's my hip really", "walk, my knee hurts", "walk, my hip hurts"),
        ("oops I put knee but I meant hip", "walk without my knee hurting", "walk without my hip hurting"),
        ("its my daughter not my sister", "a walk with my sister", "a walk with my daughter"),
        ("its the nurse not the doctor", "see the doctor less", None),
        ("I said no but my son says i should", "no", None),
    ],
)
def test_a_word_in_the_last_answer_put_right(text: str, said: str, now: str | None) -> None:
    swap = listen.word_put_right(text, said)
    assert (swap[2] if swap else None) == now


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("No. You changed my goal. That was meant to be support. Put the goal back.", True),
        ("undo the goal change", True),
        ("put them back", False),
        ("put my questions back", False),
    ],
)
def test_the_goal_put_back(text: str, goal: bool) -> None:
    """s32 tester, Sam: "Put the goal back" got "I've put your questions back"."""
    assert listen.puts_goal_back(text) is goal


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("the appointment time is wrong, it should be at 11", "11:00"),
        ("the appt time is wrong its half 2", "14:30"),
        ("appointment time wrong. should be 11.30", "11:30"),
    ],
)
def test_the_appointment_time_put_right(text: str, time: str) -> None:
    """ "the appointment time is wrong, it should be at 11" got the don't-know-date reply."""
    fix = listen.correction(text)
    assert fix is not None and (fix.kind, fix.value) == ("time", time)


@pytest.mark.parametrize(
    ("text", "here"),
    [
        ("he's dozing in the garden", False),
        ("he's pottering in the greenhouse", False),
        ("she's out at church with my sister", False),
        ("It's at the hospital", None),
        ("her appointment is at the hospital on tuesday", None),
        ("he is in pain", None),
        ("shes in the room", True),
    ],
)
def test_where_they_are_says_if_they_are_here(text: str, here: bool | None) -> None:
    """ "he's dozing in the garden" at "Is Ron with you now?" got "Sorry, I didn't catch that"."""
    assert listen.with_them(text) is here
