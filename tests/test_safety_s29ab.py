"""Session 29 (safety_ab): the flags the s29 tester hit, as classes.

Becky's dad (Parkinson's) "started seeing things at night, people in the bedroom" got the
safeguarding reply; her "is that safeguarding thing on there? i dont want social services thinking
im hurting him" got the numbers again. Owen's panic attacks, "i know its just panic not an actual
heart thing, the gp checked", got 999, and "im not having one now!!" kept the pause.
"""

from __future__ import annotations

import pytest

from careplan.emergency_talk import about_the_note, names_a_safety_note, not_happening
from careplan.safety import detect
from careplan.vocab import EMERGENCY, SAFEGUARDING

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        # the tester's words
        "going in a home. and that hes started seeing things at night, people in the bedroom. it scares him",
        # other ways to say it
        "she keeps seeing people in the house who aren't there, it frightens her",
        "she's been hallucinating at night, thinks there are men in the lounge",
        "he's been seeing things for a few weeks, it scares him",
        "mum's been seeing children in the garden at night, she gets scared",
    ],
)
def test_seeing_things_is_a_symptom_not_harm(text: str) -> None:
    flag = detect(text)
    assert flag is None or flag.kind != SAFEGUARDING, flag


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # look-alikes that still flag
        ("he's seeing things and he's burning up and shaking", EMERGENCY),
        ("someone comes into his bedroom at night and hits him", SAFEGUARDING),
        ("there are people in her room at night taking her money", SAFEGUARDING),
        ("chest pain now, not like my panic", EMERGENCY),
        (
            "the ecg was fine last month but this is different, my chest is crushing and going down my arm",
            EMERGENCY,
        ),
        (
            "the gp said it was panic but this is different, the pain in my chest is going down my arm",
            EMERGENCY,
        ),
        ("i was checked at a&e and it was anxiety but now my chest is crushing and i'm sweating", EMERGENCY),
        ("i hope its not my heart, my chest is so tight", EMERGENCY),
        ("im scared i might hurt him, im so tired", SAFEGUARDING),
        ("he hits me and i dont want anyone thinking im lying", SAFEGUARDING),
    ],
)
def test_look_alikes_still_flag(text: str, kind: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == kind, flag


@pytest.mark.parametrize(
    "text",
    [
        # the tester's words
        "panic attacks. when the room is full i feel like im going to die, like my chest goes tight and i"
        " have to leave. i know its just panic not an actual heart thing, the gp checked",
        # other ways to say it
        "my chest goes tight when im anxious but the doctor said its panic, not my heart",
        "i get chest pains with my anxiety, ive had ecgs and its not my heart",
        "my chest gets tight and sore in crowds. the hospital did all the tests and it was anxiety",
        # a fear of being misjudged is no disclosure
        "i dont want social services thinking im hurting him",
        "i dont want them thinking i'm hurting her",
        "i dont want my gp thinking im suicidal",
    ],
)
def test_known_and_checked_or_a_fear_of_being_misjudged_is_no_flag(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "ugh. forget it. is that safeguarding thing on there? i dont want social services thinking im"
            " hurting him",
            "remove",
        ),
        ("will they see the safeguarding bit if i share?", "ask"),
        ("is the bit about him being at risk still on there?", "ask"),
        ("that samaritans thing, will my gp see it?", "ask"),
        ("is safeguarding something i should call", None),
        ("the safety of the stairs bothers me", None),
    ],
)
def test_a_note_named_by_what_it_was_about(text: str, reading: str | None) -> None:
    assert about_the_note(text) == reading
    assert names_a_safety_note(text) == (reading is not None)


@pytest.mark.parametrize(
    ("text", "over"),
    [
        ("no im not having one now!! im sat on my bed. i was describing what happens in seminars", True),
        ("no it's not happening", True),
        ("im not having a heart attack, i was explaining what happens when im anxious", True),
        ("nothing's happening, i'm just sat here", True),
        ("she is not having a stroke right now, you misread me", True),
        # a sign waved away, help refused, or still going: the pause stays
        ("he's not having a stroke, he's just tired", False),
        ("it's just indigestion", False),
        ("i'm not having it, call them", False),
        ("i'm not having an ambulance", False),
        ("she's not breathing", False),
        ("it is happening again", False),
    ],
)
def test_not_happening_now_ends_an_emergency_pause(text: str, over: bool) -> None:
    assert not_happening(text) == over


@pytest.mark.parametrize(
    ("text", "response", "over"),
    [
        ("i havent called 999. i dont need to. im ok. can we carry on", "utter_emergency_over", True),
        ("im ok, my husband is calling 999", "utter_emergency_waiting", False),
        ("we're ok, the ambulance is coming", "utter_emergency_waiting", False),
    ],
)
def test_a_call_not_made_is_no_call_going_on(text: str, response: str, over: bool) -> None:
    from actions.safety_turn import pause_reply

    assert pause_reply(text, "heart_attack") == (response, over)
