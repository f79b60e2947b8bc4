"""Session 33 (tester_fix33): the tester's missed and wrong flags, as classes.

Each class is checked in wordings other than the tester's line (what a different person would
type), beside the twin that must stay as it is: a card used with the receipts brought back, a
pension cut by the tax office, someone else's partner, chest pain happening now.
"""

from __future__ import annotations

import pytest

from careplan.emergency_talk import not_happening
from careplan.questions import catalogue
from careplan.safety import CHEST_ON_EFFORT, detect, now_cue, now_said
from careplan.vocab import CRISIS, EMERGENCY, SAFEGUARDING, URGENT

pytestmark = pytest.mark.unit
SG = SAFEGUARDING


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a card held by someone else, and nothing to check it by or the money going down, told
        # with praise or as a favour (Margaret: "which is kind of him but i never see the receipts")
        ("my grandson uses my card for my shopping and i never see any change. he says dont fuss", SG),
        ("the lad upstairs borrows my debit card to get my bits, bless him, but i never get a receipt", SG),
        ("she has my bank card for the big shop. lovely girl. my balance keeps going down", SG),
        ("no idea how much she draws out. my savings have gone down and i cant work out where it went", SG),
        # ...not help with the receipts shown, nor a pension cut with no one holding the card
        ("my son takes my card to do my shopping and always brings back the receipts", None),
        ("my pension went down last month because of the tax code", None),
        # a parent's "better off without me", told as the child better off with another parent
        ("honestly the kids would be better off with someone else looking after them", CRISIS),
        ("i think my boys would be better off with a different mum", CRISIS),
        # ...not someone else's relationship
        ("she would be better off with someone else, he treats her badly", None),
        # chest tightness on effort that goes with rest, for weeks: a GP or 111 soon, not 999
        ("my chest goes heavy when i do the hoovering, eases off once i sit down", URGENT),
        (
            "tight chest carrying the shopping up the stairs, goes away when i stop. been like it a month",
            URGENT,
        ),
        # ...but 999 when it is there now, or does not go with rest
        ("my chest is tight right now and it won't go even though im resting", EMERGENCY),
        ("crushing chest pain now, i was digging and it hasnt gone when i stopped", EMERGENCY),
    ],
)
def test_the_tester33_classes(text: str, kind: str | None) -> None:
    flag = detect(text)
    assert (flag.kind if flag else None) == kind


@pytest.mark.parametrize(
    "text",
    [
        "my chest goes heavy when i do the hoovering, eases off once i sit down",
        "i get chest pain walking up hills that goes when i stop",
    ],
)
def test_chest_on_effort_has_its_own_reply(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.label == CHEST_ON_EFFORT


@pytest.mark.parametrize(
    "text",
    [
        "because shes amazing. some nights i think the baby would be better off with someone else as her mum",
        "he is the best thing ever. the baby would be better off with another mum honestly",
    ],
)
def test_the_parent_replaced_is_the_writer(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == CRISIS and flag.check_in and not flag.about_other


@pytest.mark.parametrize(
    ("text", "over"),
    [
        # a worry put right after a 999 reply: the reply misread them (tester33, Elaine)
        ("it is only a worry, its not happening", True),
        ("thats my fear, its not now. im sat down fine", True),
        # ...never "not now" alone, nor a worry about what is going on now
        ("not now", False),
        ("its a worry because its happening now", False),
    ],
)
def test_a_worry_not_now_is_not_happening(text: str, over: bool) -> None:
    assert not_happening(text) == over


def test_a_worry_asked_for_is_read_for_now_words_only() -> None:
    # "another" says new now to the stroke check, but at the worries question it is the worry itself
    assert catalogue()["worries"].asks_a_worry and not catalogue()["what_matters"].asks_a_worry
    worry = "chest stuff and having another stroke"
    assert now_cue(worry) and not now_said(worry)
    assert now_said("having another stroke right now")
