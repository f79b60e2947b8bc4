"""Session 31 (safety_talk31): what a red flag does to the conversation, as classes.

A choking that first aid has ended is over (set14_08); the pause ends on "I just want to finish
this" but never on "the ambulance is coming"; a breathing sign said as the time something happens
("when I can't get my breath") is 111, not 999; mortality said plainly ("And I won't be around
forever", set13_02) is a worry, not a crisis; "that note was a mistake" marks the note; and the
read-back shows the notes and whether each was said to be wrong.
"""

from __future__ import annotations

import pytest

from actions import safety_turn
from careplan import interpret
from careplan.emergency_talk import note_said_wrong
from careplan.readback import plan_text
from careplan.safety import detect
from careplan.vocab import CRISIS, EMERGENCY, SAFEGUARDING, URGENT

from faults_kit import _responses

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "it's out. I did the back slaps like they showed us. He's coughing and talking, he's alright now."
        " We can carry on.",
        "she coughed it up and she's breathing fine now, let's keep going",
        "It came out after the third go. I'm talking fine, carry on",
    ],
)
def test_a_choking_first_aid_ended_is_over_calmly(text: str) -> None:
    assert safety_turn.pause_reply(text, "choking") == ("utter_emergency_over_choking", True)
    [line] = _responses()["utter_emergency_over_choking"]
    assert "999" in line and "swallowing" in line and "right thing" in line


@pytest.mark.parametrize(
    "text",
    ["it's still stuck", "it's out but he's still struggling to breathe", "the ambulance is coming"],
)
def test_a_choking_still_going_keeps_the_pause(text: str) -> None:
    assert safety_turn.pause_reply(text, "choking")[1] is False


@pytest.mark.parametrize(
    ("text", "over"),
    [
        ("the ambulance has been and gone, they said it was angina, can we carry on", True),
        ("all sorted now", True),
        ("I'm OK. I just want to finish this", True),
        ("we want to get on with it now", True),
        ("the ambulance is coming", False),
        ("my partner is ringing 999", False),
    ],
)
def test_the_pause_ends_in_natural_words_and_not_on_the_emergency(text: str, over: bool) -> None:
    assert safety_turn.pause_reply(text, "heart_attack")[1] is over


def test_not_ill_now_before_anyone_checked_is_the_firm_line_once() -> None:
    text = "I'm not ill now, I just want to finish this"
    assert safety_turn.pause_reply(text, "heart_attack") == ("utter_emergency_waved_away_heart_attack", False)
    assert safety_turn.pause_reply(text, "heart_attack", waved_away=True) == (
        "utter_emergency_over_waved_away",
        True,
    )


@pytest.mark.parametrize(
    "text",
    [
        "when I can't get my breath",
        "I get scared when I can't get my breath",
        "whenever she can't catch her breath she has to sit on the stairs",
        "Getting out, when I can't get my breath it frightens me",
    ],
)
def test_a_breathing_sign_said_as_when_it_happens_is_111(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == URGENT and flag.label == ""  # the 111 words, not "breathing"


@pytest.mark.parametrize(
    "text",
    [
        "I can't get my breath",
        "when I can't get my breath right now",
        "hold on roy's choking on his tablet, he can't get his breath, it's stuck",
        "I woke up and when I stood I couldn't get my breath",
    ],
)
def test_a_breathing_sign_now_is_still_999(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == EMERGENCY


def test_short_of_breath_on_effort_is_no_flag() -> None:
    assert detect("when I'm short of breath on the stairs") is None


@pytest.mark.parametrize(
    "text",
    [
        "He's 19. He wants to be like his mates. And I won't be around forever",
        "None of us live forever and she needs to manage on her own",
        "I'm not getting any younger. Who'll look after her when I'm gone?",
        "who'll look after her when I'm gone",
        # the learnt model heard a crisis in these before session 31
        "I'm 74. I'm not going to be around forever",
        "I won't be around forever, you know",
        "Me. I'm not going to be around forever",
        "And I'm not going to be around forever",
    ],
)
def test_mortality_said_plainly_is_a_worry_not_a_crisis(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(
    ("text", "check_in"),
    [
        ("I won't be around much longer, I've made my mind up", False),
        ("I won't be around forever and I've made my mind up", False),
        ("when I'm gone they'll be better off", True),
        ("I won't be around much longer", True),
    ],
)
def test_a_real_crisis_beside_mortality_still_counts(text: str, check_in: bool) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == CRISIS and flag.check_in is check_in


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("that note was a mistake", True),
        ("the note you made is wrong", True),
        ("that flag isn't right, I meant it was like that last winter", True),
        ("that note's wrong, the carers are just rushed", True),
        ("please take that note away", False),
        ("is the note still there?", False),
    ],
)
def test_the_note_said_to_be_wrong(text: str, wrong: bool) -> None:
    assert note_said_wrong(text) is wrong
    assert safety_turn.misread(text) is wrong


def test_the_safe_and_unclear_check_in_lines_are_kind_and_short() -> None:
    responses = _responses()
    assert responses["utter_check_in_safe"][-1] == "Thank you for telling me. I'm glad you're safe."
    [unclear] = responses["utter_check_in_unclear"]
    assert "116 123" in unclear and "999" not in unclear


def _plan(flags: list[dict[str, object]], *, shared: bool = False) -> dict[str, object]:
    return {
        "subject": {"preferred_name": "Roy", "name": "Royston Bennett"},
        "recorded_by": {"role": "carer"},
        "appointment": {},
        "goals": [],
        "flags": flags,
        "shared": shared,
    }


def test_the_read_back_shows_each_note_and_whether_it_was_said_wrong() -> None:
    flags = [
        {"kind": EMERGENCY, "message": "he's choking", "misunderstood": None},
        {"kind": SAFEGUARDING, "message": "staff shout at her", "misunderstood": {"words": "that's wrong"}},
    ]
    text = plan_text(_plan(flags))
    assert "Safety notes (your care team sees if you share your plan):" in text
    assert "You told me about an emergency, and I said to call 999." in text
    assert "You told me someone may not be safe" in text
    assert text.count("You told me I got this wrong") == 1 and "“that's wrong”" in text
    assert "Safety notes (your care team can see):" in plan_text(_plan(flags, shared=True))
    assert "Safety notes" not in plan_text(_plan([]))


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("Sorry, on his records he's Royston Bennett. But he's Roy, always has been.", "Roy"),
        ("Officially she's Margaret Hughes but we all call her Peggy", "Peggy"),
        ("on her forms it's Elizabeth. Betty to everyone", "Betty"),
    ],
)
def test_the_name_on_the_records_said_first_is_not_what_they_are_called(text: str, called: str) -> None:
    assert interpret.name(text) == called
