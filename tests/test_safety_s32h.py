"""Session 32 (safety_tester32): red-flag harms a tester hit, as classes.

"They'd be better off without me" is the writer's risk whoever else is named; "what? im talking
about me" after a reply about someone else gets the writer's own help; "just tired of it all" at the
check-in is hard (the kind line with Samaritans), not a plain no.
"""

from __future__ import annotations

import pytest

from actions import safety_turn
from careplan.emergency_talk import about_the_writer, not_happening
from careplan.safety import detect
from careplan.vocab import CRISIS, EMERGENCY, SAFEGUARDING, URGENT

from faults_kit import _responses

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "the wife says im not the man she married. theyd probably be better off without me dragging them",
        "i think my mum would be better off without me",
        "honestly my husband would be better off without me",
        "my kids would be better off rid of me",
        "mum keeps saying she'd be better off without us",
        "the kids would be happier if i wasnt here",
    ],
)
def test_better_off_without_me_is_the_writers_risk_whoever_is_named(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == CRISIS
    assert flag.about_other is False


@pytest.mark.parametrize(
    "text",
    [
        "she'd be better off without him",
        "my dad says he's a burden on me",
    ],
)
def test_someone_else_better_off_without_them_stays_theirs(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.about_other is True


@pytest.mark.parametrize(
    ("text", "writer"),
    [
        ("what? im talking about me", True),
        ("no its me not her", True),
        ("I meant me, not my wife", True),
        ("no I was on about myself", True),
        ("it's about me", True),
        # the near-miss twins: someone else, or not about who at all
        ("im talking about my mum", False),
        ("its my mum not me", False),
        ("it's her, not me", False),
        ("ok carry on", False),
        ("give me a minute", False),
    ],
)
def test_it_is_me_after_a_reply_about_someone_else(text: str, writer: bool) -> None:
    assert about_the_writer(text) is writer


def test_the_writers_own_help_follows_the_sorry() -> None:
    [line] = _responses()["utter_safety_it_is_you"]
    assert "sorry" in line.lower() and "you" in line.lower()
    assert safety_turn.response_for(CRISIS, "", "self") == "utter_red_flag_crisis"
    assert "116 123" in _responses()["utter_red_flag_crisis"][0]


@pytest.mark.parametrize(
    ("answer", "reading"),
    [
        ("not gonna do anything stupid if thats what ur asking. just tired of it all", "coping"),
        ("no not like that, just weary of everything to be honest", "coping"),
        ("no god no, im just sick and tired of it all", "coping"),
        # the twins: plain tiredness is a plain no
        ("no, just tired", "safe"),
        ("nothing like that, I'm just worn out", "safe"),
    ],
)
def test_tired_of_it_all_at_the_check_in_gets_the_numbers(answer: str, reading: str) -> None:
    assert safety_turn.check_in_answer(answer) == reading
    if reading == "coping":
        assert all("116 123" in line for line in _responses()["utter_check_in_coping"])


@pytest.mark.parametrize(
    "text",
    [
        "when he's confused he grabs hold of my arm very hard, he doesn't know his own strength."
        " I've got bruises all up my arm but it's not his fault, it's the illness.",
        "when mum gets agitated she digs her nails into my wrists, i've got marks all over. she cant help it",
        "he squeezes my hand so hard it hurts when hes frightened at night. its the dementia not him",
        "The bruises are the worst of it but I don't want Ken getting into trouble, it's not his fault.",
        # a physio named beside it is not the one doing it
        "the physio says dad grabs her arm hard and has bruised me too, it's not his fault",
    ],
)
def test_a_carer_hurt_by_the_illness_gets_the_carers_line(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == SAFEGUARDING and flag.label == safety_turn.CARER_HURT
    response = safety_turn.response_for(flag.kind, flag.label, "self")
    [line] = _responses()[response]
    assert "not your fault" in line and "999" in line


@pytest.mark.parametrize(
    "text",
    [
        "he grabbed me when he slipped on the stairs and I've got a bruise, not his fault",
        "i bruise easily, he held my arm to help me up",
        # treatment meant to be hard (safety_detect32 keeps the abuse rules quiet for it too)
        "the physio pushes me hard, it hurts but it's working",
        "the osteopath pressed my back so hard it hurt",
        "my physio really pushes me, my legs hurt so hard after",
    ],
)
def test_a_grab_to_save_a_fall_is_no_harm(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "same as before, the foot. and her sugars go low sometimes and she gets shaky and sweaty."
        " yesterday she nearly fainted in the kitchen",
        "my dad's sugars keep dropping in the afternoons and on tuesday he felt faint and had to sit down",
        "my sugars go low at night and i feel really faint and have to sit on the stairs",
        "yesterday she nearly fainted in the kitchen, her sugars were low",
    ],
)
def test_hypos_with_a_near_faint_are_111_today(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == URGENT and flag.label == "hypo"
    [line] = _responses()[safety_turn.response_for(URGENT, "hypo", None)]
    assert "111" in line and "today" in line and "Call 999 now" not in line


@pytest.mark.parametrize(
    "text",
    [
        "her sugars go low sometimes and she gets shaky, but a biscuit sorts it",
        "what are the signs of a hypo? in case she faints",
        "i feel faint when i stand up too quick",
    ],
)
def test_a_hypo_put_right_or_asked_about_is_not_111(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Noise. Smells. People touching my tray. Last time I hit my head on the wall until it stopped.",
        "when i have a meltdown i bang my head against the wall",
        "i scratch my arms till it stops, the feeling i mean",
        "when it gets too loud I bang my head on the door till it stops",
    ],
)
def test_hurting_oneself_told_plainly_is_a_crisis(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == CRISIS and flag.about_other is False


def test_a_knock_on_a_cupboard_is_no_self_harm() -> None:
    assert detect("i hit my head on the cupboard door getting the pans out") is None


@pytest.mark.parametrize(
    "text",
    [
        "me chest obviously. cant breathe half way up. and the inhalers are useless",
        "i cant get my breath on the stairs, been like it for years with the copd",
        "he cant breathe on the hill anymore, had it years",
        "my breathing on the stairs, been like it for years",
    ],
)
def test_breathless_part_way_up_for_years_is_no_999(text: str) -> None:
    flag = detect(text)
    assert flag is None or flag.kind != EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "she can't breathe, she's half way up the stairs and gone grey",
        "his inhaler isnt working and he cant talk",
        "i cant breathe and my lips are going blue",
        # breathless where it usually is, then a sign of now (tester s32's left-alone line)
        "i cant breathe on the hill and now my lips are blue",
        "cant breathe on the stairs, lips going blue now",
        "dad cant breathe going up the stairs and his lips have gone blue",
    ],
)
def test_breathless_with_a_sign_of_now_is_still_999(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == EMERGENCY


@pytest.mark.parametrize(
    ("text", "misread"),
    [
        ("im not dying you daft thing. its only on the hill. been like it years", True),
        ("its only when i go up the stairs, its been like this for years", True),
        ("hes not dying, its only when he walks far", True),
        # the twins: worse now, or dying feared, is no protest
        ("its only getting worse", False),
        ("she cant breathe its getting worse", False),
        ("he is dying i think", False),
    ],
)
def test_after_999_lived_with_for_years_is_a_misreading(text: str, misread: bool) -> None:
    assert not_happening(text) is misread


def test_sitting_on_the_stairs_for_breath_is_still_111() -> None:
    flag = detect("whenever she can't catch her breath she has to sit on the stairs")
    assert flag is not None and flag.kind == URGENT
