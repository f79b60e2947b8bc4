"""Session 31 (listen_flow14b): set 14's listening slips, in other people's words.

Each class has a conversation (tests/conversations/messy_s31b_*.yml) that failed first."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import dates, interpret, listen

pytestmark = pytest.mark.unit

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("22/12/26 10am", date(2026, 12, 22)),
        ("4.1.27, 3pm", date(2027, 1, 4)),
        ("18/12/26", date(2026, 12, 18)),
    ],
)
def test_a_date_still_to_come_is_no_date_of_birth(text: str, day: date) -> None:
    """set14_07: "22/12/26 10am" at when got "That looks like a date of birth"."""
    assert listen.birth_date_alone(text, TODAY) is None
    found = dates.when(text, TODAY)
    assert found is not None and found.day == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("tuesday 5th january after christmas at 11", date(2027, 1, 5)),
        ("monday the 11th of january, just after new year. half ten", date(2027, 1, 11)),
        ("after christmas, the 5th of january", date(2027, 1, 5)),
    ],
)
def test_an_exact_day_with_rough_words_beside_it(text: str, day: date) -> None:
    """set14_10: "after christmas" beside the exact day made the whole date rough."""
    found = dates.when(text, TODAY)
    assert found is not None and found.day == day


@pytest.mark.parametrize("text", ["after christmas sometime", "mid january, the 12th", "early january"])
def test_rough_words_alone_are_still_no_date(text: str) -> None:
    assert dates.when(text, TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "Kaz here, it's in her folder in the office, can we skip it",
        "no idea where that is, can we skip it",
        "dont have one on me. lets skip that",
        "can I skip this one?",
    ],
)
def test_asking_to_skip_passes_on_the_question(text: str) -> None:
    """set14_10: "..., can we skip it" got the how-long answer and "not an NHS number"."""
    assert interpret.skips(text)
    assert listen.meta(text) is None
    assert not listen.question_to_bot(text) and not listen.asks_for_advice(text)


@pytest.mark.parametrize("text", ["pass my driving test", "my bus pass", "can i skip a dose?"])
def test_skip_inside_an_answer_or_a_question_is_no_skip(text: str) -> None:
    assert not interpret.skips(text)


@pytest.mark.parametrize(
    ("text", "called", "full"),
    [
        ("mohammed. mo", "Mo", "Mohammed"),
        ("Thomas. Tom", "Tom", "Thomas"),
        ("Katherine - Kath", "Kath", "Katherine"),
    ],
)
def test_a_name_then_the_short_of_it(text: str, called: str, full: str) -> None:
    """set14_09: "mohammed. mo" was called Mohammed."""
    assert interpret.name(text) == called
    assert interpret.name(text, full=True) == full


@pytest.mark.parametrize(
    "text", ["got a fare", "customer waiting sorry", "got another pickup", "job just come in"]
)
def test_called_to_work_is_stepping_away(text: str) -> None:
    """set14_09: "got a fare" was kept as what gets in the way, and "back" as what would help."""
    assert listen.meta(text) == "away"


@pytest.mark.parametrize("text", ["my job", "got a job at tesco", "job", "the customers"])
def test_work_told_is_no_stepping_away(text: str) -> None:
    assert listen.meta(text) != "away"


@pytest.mark.parametrize(
    "text",
    [
        "To walk to church on a Sunday by myself. It is only ten minutes, but my son-in-law drives me",
        "GET TO MASS ON A SUNDAY. ITS ONLY ROUND THE CORNER BUT I HAVE TO STOP THREE TIMES FOR MY BREATH",
        "see my sister in Leeds. its only an hour on the train, but I'm wiped out for days after",
        "Get to the Tuesday club on my own. It's just up the road but my daughter has been taking me",
    ],
)
def test_a_but_after_how_small_the_goal_is_leaves_what_gets_in_the_way_to_ask(text: str) -> None:
    """set13_01, set13_03: what gets in the way was taken from the goal and never asked."""
    assert "goal_barriers" not in listen.goal_parts(text)


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        (
            "Actually, change my one thing. The bowls is what I really want to talk about, the driving "
            "can wait",
            "The bowls",
        ),
        (
            "can we change the main thing? kneeling for the weeding is what I most want to work on",
            "kneeling for the weeding",
        ),
        ("switch my priority please, id rather talk about the walking, the tablets can wait", "the walking"),
    ],
)
def test_the_one_thing_changed_then_named(text: str, goal: str) -> None:
    """set13_07: "Which goal would you like to change?", and the next answer written over a goal."""
    fix = listen.correction(text)
    assert fix is not None and fix.kind == "main_goal" and fix.goal == goal
