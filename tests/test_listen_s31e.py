"""Session 31 (listen_words31): small things real people say, in the words they use.

Each class has a conversation (tests/conversations/messy_s31e_*.yml) that failed first."""

from __future__ import annotations

import pytest

from careplan import interpret, listen

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "I don't see what that has to do with my knee",
        "what's a good day got to do with my chest?",
        "it's got nothing to do with my hip",
        "I can't see what that has to do with a hip",
        "why do you want to know, I can't see why you need it",
    ],
)
def test_a_doubt_about_the_question_asks_why(text: str) -> None:
    """s31e_01: the doubt said beside a why was kept as the answer."""
    assert listen.meta(text) == "ask_why"


@pytest.mark.parametrize(
    "text",
    [
        "why do you need to know what a good day is, I don't see what that has to do with my knee",
        "why are you asking about good days, it's got nothing to do with my hip",
    ],
)
def test_a_why_with_a_doubt_has_no_answer_beside_it(text: str) -> None:
    assert listen.answer_beside(text) is None


@pytest.mark.parametrize(
    "text", ["some days I don't see the point of anything", "I can't see the point any more", "the stairs"]
)
def test_no_point_in_anything_is_never_a_why(text: str) -> None:
    """s19a: hopelessness said at a question is heard by the safety checks, never answered as a why."""
    assert listen.meta(text) != "ask_why"


def test_an_answer_beside_a_why_is_still_an_answer() -> None:
    assert listen.answer_beside("why do you need that, its my daughter anyway") is not None
    assert listen.meta("the stairs, it's nothing to do with my hip") is None  # an answer, said with a doubt


@pytest.mark.parametrize(
    "text",
    [
        "is that a good enough reason?",
        "is that reason enough?",
        "is that a good reason?",
        "is it good enough?",
    ],
)
def test_is_that_a_good_enough_reason_is_checking(text: str) -> None:
    assert listen.meta(text) == "checking"
    assert interpret.CHECKING.search(text)


@pytest.mark.parametrize(
    "text", ["thanks love", "ta", "cheers duck", "thank you so much x", "Thank you very much"]
)
def test_only_thanks(text: str) -> None:
    """s31e_02: "thanks love" got "Could you tell me a little more?", and "ta" was kept as a goal."""
    assert listen.only_thanks(text)


@pytest.mark.parametrize(
    "text", ["no thanks", "yes thanks", "ok ta", "thanks, the nurse", "taking the dog out", "tai chi"]
)
def test_thanks_with_more_is_not_only_thanks(text: str) -> None:
    assert not listen.only_thanks(text)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("w dr patel", "dr patel"),
        ("wiv the practice nurse", "the practice nurse"),
        ("appt w mr jones", "mr jones"),
    ],
)
def test_with_typed_short(text: str, who: str) -> None:
    """s31e_02/03: "w dr patel" was kept as who it's with, "w" and all."""
    assert listen.clinician(text, asked=True) == who


@pytest.mark.parametrize("text", ["my bad", "Silly me", "whoops", "daft me!"])
def test_a_slip_alone_is_not_an_answer(text: str) -> None:
    """s31e_03: "my bad" and "Silly me" were kept as goals."""
    assert listen.meta(text) == "repeat"


@pytest.mark.parametrize(
    "text",
    ["silly me, its thursday not wednesday", "daft me, it's thursday not wednesday", "my bad, thursday"],
)
def test_a_slip_first_puts_the_date_right(text: str) -> None:
    fix = listen.correction(text)
    assert fix is not None and fix.kind == "date" and fix.value.day.strftime("%A") == "Thursday"


@pytest.mark.parametrize("text", ["whoops ignore that", "silly me ignore that", "oops ignore that"])
def test_a_slip_then_ignore_that_takes_it_back(text: str) -> None:
    fix = listen.correction(text)
    assert fix is not None and fix.kind == "undo"


@pytest.mark.parametrize("text", ["my bad knee", "my bad back stops me", "my bad hip, it aches"])
def test_a_bad_knee_is_no_slip(text: str) -> None:
    assert listen.meta(text) is None and listen.correction(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I can't read it, it's too small",
        "the words are too small, I can barely see them",
        "can you make the writing bigger",
        "could you make it larger please",
        "show me my plan, BIG please",
        "let me see the plan big please",
    ],
)
def test_writing_too_small_asks_for_large_print(text: str) -> None:
    """s31e_04: "I can't read it, it's too small" was kept as what matters most."""
    assert listen.meta(text) == "ask_copy"


@pytest.mark.parametrize(
    "text",
    [
        "the bathroom, its too small",
        "the writing on the leaflets is too small",
        "bigger letters from the hospital",
    ],
)
def test_other_things_too_small_are_answers(text: str) -> None:
    assert listen.meta(text) != "ask_copy"


@pytest.mark.parametrize(
    "text",
    [
        "can you send it by post",
        "please send any letters to my daughter",
        "could you email it to me instead",
        "can the letters go to my son please",
    ],
)
def test_another_way_is_never_a_yes_to_sharing(text: str) -> None:
    """s31e_05: "can you send it by post" was taken as a yes, and the plan shared."""
    assert listen.asks_another_way(text)
    assert listen.share_answer(text) is None


@pytest.mark.parametrize(
    "text", ["yes send it to my GP", "yes share it with the nurse", "no but who sees it?"]
)
def test_sharing_with_the_care_team_is_no_other_way(text: str) -> None:
    assert not listen.asks_another_way(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm a bit upset now",
        "sorry, this is making me teary",
        "I'm getting emotional, give me a minute",
        "im crying sorry",
    ],
)
def test_a_teary_pause(text: str) -> None:
    """s31e_06: "I'm a bit upset now" was kept as what would help, and the next question asked."""
    assert listen.meta(text) == "upset"


@pytest.mark.parametrize("text", ["I get upset when I can't go out", "my wife is upset", "upset"])
def test_upset_in_an_answer_is_no_pause(text: str) -> None:
    assert listen.meta(text) != "upset"


@pytest.mark.parametrize("text", ["ok I'm alright now", "I'm ready now", "ok"])
def test_ready_again_after_a_pause(text: str) -> None:
    assert listen.meta(text, after_away=True) == "back"


@pytest.mark.parametrize(
    ("text", "time", "kept"),
    [
        ("a good day is when I'm up by 9 — oh and the appointment is 10.30 not 10", "10:30", "up by 9"),
        ("a walk with the dog - oh and the appointment is 2.30 not 2", "14:30", "a walk with the dog"),
        ("fishing. and they rang, it's 3.15 not 2.30", "15:15", "fishing"),
    ],
)
def test_a_time_put_right_inside_an_answer(text: str, time: str, kept: str) -> None:
    """s31e_07: the time stayed as it was."""
    fix, _, rest = listen.correction_in_part(text)
    assert fix is not None and fix.kind == "time" and fix.value == time
    assert kept in rest and "not" not in rest


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("its thursday not wednesday, and is it at the main hospital?", "Thursday"),
        ("it is friday not thursday. will it be at the royal?", "Friday"),
        ("oh its monday not friday, is that at the main building?", "Monday"),
    ],
)
def test_a_day_for_a_day_is_a_date_correction(text: str, weekday: str) -> None:
    """s31e_09: "its thursday not wednesday, and ..." was kept as what the appointment is for."""
    fix = listen.correction(text)
    assert fix is not None and fix.kind == "date" and fix.value.day.strftime("%A") == weekday


def test_a_day_in_an_answer_is_no_date_correction() -> None:
    assert listen.correction("I go swimming on monday not tuesday") is None


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("take the 'Oh and silly me' off my questions", "Can he still drive?"),
        ('take "oh and silly me" off the question', "Can he still drive?"),
        ("can you take ‘oh and silly me’ off my question please", "Can he still drive?"),
    ],
)
def test_quoted_words_off_a_question(text: str, left: str) -> None:
    """s31e_08: "take the 'Oh and silly me' off my questions" got "Sorry, I know it's a lot"."""
    assert listen.words_off(text, ["Oh and silly me, can he still drive?", "will he need a scan?"]) == (
        0,
        left,
    )
    assert listen.meta(text) is None
