"""Session 32 (listen_flow15b): set 15's listening slips (set15_10 Jamie, set15_04 Gary), in
other people's words.

Each class has a conversation (tests/conversations/messy_s32b_*.yml) that failed first."""

from __future__ import annotations

import pytest

from careplan import interpret, listen, titles

pytestmark = pytest.mark.unit

OPENING = ["carer_relationship", "appointment_with", "appointment_when", "appointment_reason"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I'm his support worker at the supported living house", "support worker"),
        ("I am her key worker at the care home", "key worker"),
        ("im Dev's personal assistant, from the agency", "personal assistant"),
    ],
)
def test_a_carers_own_role_is_who_they_are_not_who_the_appointment_is_with(text: str, role: str) -> None:
    """set15_10: "I'm his support worker at the supported living house" was taken as who the
    appointment is with, so "Who is the appointment with?" was never asked."""
    assert "appointment_with" not in listen.hear(text, OPENING, asked="carer_relationship", carer=True)
    assert interpret.relationship(text) == role


def test_who_it_is_with_said_after_the_carers_role_is_still_heard() -> None:
    heard = listen.hear(
        "I'm his support worker. we're seeing the GP", OPENING, asked="carer_relationship", carer=True
    )
    assert heard["appointment_with"] == "the GP"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Jamie says the doctor. It's his annual learning disability health check with the GP", "the GP"),
        ("the doctor, its her yearly review with the practice nurse", "the practice nurse"),
        ("the doctor i think, the diabetes clinic", "the diabetes clinic"),
        ("the doctor", "the doctor"),
    ],
)
def test_the_doctor_gives_way_to_who_is_named_more_nearly(text: str, who: str) -> None:
    assert listen.clinician(text, asked=True) == who


@pytest.mark.parametrize(
    "text",
    [
        "the annual health check. Jamie wants to talk about his teeth hurting as well",
        "its the health check thing, he wants to get his ears looked at too",
        "the yearly check. she would like to ask about her sleep",
    ],
)
def test_what_they_want_to_talk_about_there_is_what_the_appointment_is_for(text: str) -> None:
    """set15_10: the reason said again at "What matters most?", with what Jamie wants to talk
    about, was kept as what matters (the wish words "wants to" hid it)."""
    assert listen.retells_reason(text, "annual learning disability health check")


def test_a_wish_after_the_reason_is_still_what_matters() -> None:
    assert not listen.retells_reason("my knee, I want to walk again", "my knee")


JAMIE_GOAL = {
    "id": 1,
    "title": "Go to the football on his own with Dean, on the bus",
    "text": "Jamie wants to go to the football on his own with Dean, on the bus",
    "why": "he says 'cos I'm a grown man'. He wants to be more independent",
}


@pytest.mark.parametrize(
    "text",
    [
        "his teeth hurting, he wants that sorted",
        "her hip, she wants it looked at",
        "my chest, I want that checked",
    ],
)
def test_wanting_words_name_no_goal(text: str) -> None:
    """set15_10: "his teeth hurting, he wants that sorted" at the one-thing question made the
    football goal the main thing, found by "wants" in its words."""
    assert listen.match_goal(text, [JAMIE_GOAL]) is None


@pytest.mark.parametrize("text", ["the football", "the bus one", "going to the football with Dean"])
def test_a_goal_is_still_named_by_its_own_words(text: str) -> None:
    assert listen.goal_named_well(text, [JAMIE_GOAL]) == 1


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("his teeth hurting, he wants that sorted", "His teeth hurting"),
        ("her hip, she wants it looked at", "Her hip"),
        ("my chest, I want that checked", "My chest"),
        ("i want to go to the football with Dean", "Go to the football with Dean"),
    ],
)
def test_a_wish_pointing_back_is_titled_by_what_it_points_at(text: str, title: str) -> None:
    """set15_10: "his teeth hurting, he wants that sorted" was titled "That sorted"."""
    assert titles.short_title(text) == title
