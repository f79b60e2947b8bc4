"""Session 32 (listen_tester32): what the tester's five people hit, in other people's words.

Each class has a conversation (tests/conversations/messy_s32g_*.yml) that failed first."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import dates, interpret, listen

pytestmark = pytest.mark.unit

TODAY = date(2026, 12, 3)
WHO_HELPS = "Who helps you? It could be family, friends, neighbours or local groups."


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


def test_a_date_said_again_after_its_correction_is_read_with_it() -> None:
    """messy_s29f_05: the sentence that puts the date right, and the date said whole after it."""
    found = listen.correction(
        "No. I said the 21st, not the 12th. 21st January, 09:40.", TODAY, date(2027, 1, 12)
    )
    assert found == listen.Correction("date", dates.When(date(2027, 1, 21), "09:40"))


@pytest.mark.parametrize("text", ["the 6 week wait", "the 10 mins walk", "the 8 steps", "the 3 tablets"])
def test_a_count_is_not_a_day_of_the_month(text: str) -> None:
    assert dates.when(text, TODAY) is None


@pytest.mark.parametrize(("text", "day"), [("the 6th", 6), ("on the 6 at 10", 6), ("friday 11th", 11)])
def test_a_day_of_the_month_still_is(text: str, day: int) -> None:
    found = dates.when(text, TODAY)
    assert found is not None and found.day.day == day


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("what is a local group", WHO_HELPS),
        ("whats a local group then", WHO_HELPS),
        ("what is a good day then", "What does a good day look like for you?"),
        ("what counts as a good day", "What does a good day look like for you?"),
        ("what do you mean by services", "What would help? It could be people, groups, or services."),
    ],
)
def test_a_question_about_the_questions_own_words(text: str, question: str) -> None:
    """Sam's "what is a local group" was noted as a question for the care team."""
    assert listen.question_word_asked(text, question)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("what is a pip", WHO_HELPS),
        ("what is the best thing for my knee", "What would help? It could be people, groups, or services."),
        ("what is it", "What does a good day look like for you?"),
    ],
)
def test_other_questions_are_not_about_its_words(text: str, question: str) -> None:
    assert not listen.question_word_asked(text, question)


@pytest.mark.parametrize(
    "text",
    [
        "mum says a wheelchair for the mosque maybe? and knowing when the nurse is coming. also an"
        " interpreter at the clinic would help, last time they just talked to me",
        "my daughter reckons a walking frame maybe? and a lift to the clinic would help",
        "a bath seat perhaps? and rails on the stairs",
        "someone to talk to or something?",
    ],
)
def test_a_help_said_unsure_is_no_question(text: str) -> None:
    """Nadia's list of helps with "maybe?" in it was noted as a question for the care team."""
    assert not listen.question_to_bot(text)


@pytest.mark.parametrize(
    "text",
    ["will it get better maybe?", "mum says will she need an operation?", "is it serious do you think?"],
)
def test_a_question_said_unsure_is_still_one(text: str) -> None:
    assert listen.question_to_bot(text)


@pytest.mark.parametrize(
    ("text", "asked_us"),
    [
        ("That was not a question for my care team. It was a question for you.", True),
        ("no i was asking you not the doctor", True),
        ("it wasnt a question it was what would help", False),
        ("that's not for the nurse, its what would help", False),
    ],
)
def test_a_question_noted_for_the_team_put_right(text: str, asked_us: bool) -> None:
    assert listen.not_for_the_team(text)
    assert listen.asked_the_bot(text) is asked_us


@pytest.mark.parametrize("text", ["the nurse is lovely", "my sister and the church lunch club", "not sure"])
def test_other_answers_put_nothing_right(text: str) -> None:
    assert not listen.not_for_the_team(text)


@pytest.mark.parametrize(
    "text",
    ["what business is that of yours", "mind your own business", "whats it to you", "who wants to know"],
)
def test_a_challenge_asks_why(text: str) -> None:
    """Bill's "what business is that of yours" was kept as his good day."""
    assert listen.meta(text) == "ask_why"


@pytest.mark.parametrize("text", ["u tell me", "you tell me", "search me", "how should i know"])
def test_a_question_handed_back_is_not_knowing(text: str) -> None:
    """Bill's "u tell me" was kept as what matters most to him."""
    assert interpret.dont_know(text)


@pytest.mark.parametrize("text", ["my business", "tell me about it", "you tell me what the tablets do"])
def test_other_words_are_neither(text: str) -> None:
    assert listen.meta(text) != "ask_why" and not interpret.dont_know(text)
