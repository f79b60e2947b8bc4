"""Session 28 (safety_y): talk about the safety note after a flag, and false alarms in ordinary chat.

The tester (s28) asked "did u take the note off tho" (kept as a question for the GP), "is the note
still on my plan yes or no" (the numbers again), said "take it off" just after a crisis reply
(asked which goal to remove), explained "I don't mean that, I'm worn out" (the numbers again), and
got red flags for embarrassment said big, a privacy choice, and talk of diet and tingling feet.
"""

from __future__ import annotations

import pytest

from actions import safety_turn
from careplan.emergency_talk import about_the_note
from careplan.listen import asks_for_prayer
from careplan.safety import detect
from careplan.store import Store
from careplan.vocab import CRISIS

from faults_kit import _responses


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # the tester's words
        ("did u take the note off tho", "remove"),
        ("n the note about me wanting to die is that gone? i dont want my gp thinking im suicidal", "remove"),
        ("im fine!! just tell me if the note is still on my plan yes or no", "ask"),
        ("Please take that note away.", "remove"),
        ("is the note gone?", "remove"),
        ("are those notes about danger still there? I do not want the nurse to read that.", "remove"),
        ("and the note you put about me. I'm just tired. take it off", "remove"),
        # other ways to say it
        ("can you delete the safety note please", "remove"),
        ("get rid of that flag", "remove"),
        ("what does the note say?", "ask"),
        ("will my gp see that note", "ask"),
        ("is there still a note about me on there?", "ask"),
        ("what you wrote about me, is that going to the GP?", "ask"),
        # not the bot's note
        ("my notes from the hospital say I had a stroke", None),
        ("the notes say I had a stroke", None),
        ("I keep a note of my sugars", None),
        ("the nurse made a note of it", None),
        ("my garden and my grandchildren", None),
    ],
)
def test_the_note_asked_about_or_wanted_gone(text: str, reading: str | None) -> None:
    assert about_the_note(text) == reading


@pytest.mark.parametrize(
    "text",
    [
        "no no I don't mean that. I'm not going to do anything daft. I mean I'm worn out.",
        "i dont mean it like that, im just exhausted",
        "I didn't mean that, I'm knackered that's all",
    ],
)
def test_i_dont_mean_that_is_a_misreading(text: str) -> None:
    assert safety_turn.misread(text)
    assert safety_turn._WORN_OUT.search(text)


def test_the_store_says_which_notes_are_marked(tmp_path) -> None:
    from datetime import datetime

    store = Store(f"sqlite:///{tmp_path / 'plans.db'}")
    plan = store.new_plan("s1")
    assert store.flag_notes("s1") == []
    first = store.add_flag("s1", CRISIS, "some days i want to die", plan_id=plan)
    second = store.add_flag("s1", "safeguarding", "the food", plan_id=plan)
    store.add_flag("s2", CRISIS, "someone else's", plan_id=None)
    store.mark_misunderstood(first, "not like that", datetime(2026, 12, 3, 22, 0))
    assert store.flag_notes("s1") == [(first, True), (second, False)]


def test_every_note_reply_exists_and_is_honest() -> None:
    responses = _responses()
    for name in (
        "utter_note_marked",
        "utter_note_still_there",
        "utter_safety_misunderstood_note",
        "utter_safety_protest_note",
        "utter_safety_misunderstood_tired",
        "utter_faith_request",
    ):
        assert name in responses, name
    for name in ("utter_note_marked", "utter_note_still_there", "utter_safety_misunderstood_note"):
        unshared = responses[name][-1]
        assert "still there" in unshared or "can't delete" in unshared
        assert "share your plan" in unshared  # never says the care team sees what it may not


@pytest.mark.parametrize(
    "text",
    [
        # embarrassment said big, with a laugh or a cringe and a moment
        "tbh work is killing me, panic attacks on the bus most mornings, i literally want to die when it"
        " happens in front of ppl lol",
        "i literally want to die every time my stomach rumbles in a quiet meeting, so embarrassing",
        "honestly wanted to die of shame when i fell over in the canteen",
        "when i have a panic attack on the train i just want to die lol",
        "every time i stutter on the phone i want to die 😂",
        # keeping the plan private is a choice, not a secret kept out of despair
        "no I'll keep it to myself for now, I'll show her on my phone",
        "no thanks I'd rather keep it private for now and show the doctor myself",
        "nah keep it to myself ta, I'll print it off",
        # diet and symptoms, with nobody doing anything to anyone
        "To be honest, the food. Our food is rice and yam and plantain, and the leaflets they give me only"
        " talk about porridge and salad. Also my feet have been tingling and I get tired standing.",
        "the diet sheets are no use to me, we eat chapati and dal, and my legs ache when I stand to cook",
        "my eyes are blurry some mornings and the food they tell me to eat isn't what we cook at home",
    ],
)
def test_ordinary_chat_is_no_red_flag(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i literally want to die, i've got the pills here",
        "i want to die when i wake up every morning",
        "when i have a panic attack on the train i just want to die lol, i've got the pills here",
        "I'll keep it to myself, nobody would care if I wasn't here anyway",
    ],
)
def test_look_alikes_still_flag(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == CRISIS


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Will you pray for me? My sugars have been very high and I am worried.", False),
        ("my blood pressure has been sky high all week and I feel dreadful", False),
        ("my husband's sugars have been very high all week and he is worried", True),
    ],
)
def test_the_urgent_line_is_about_whoever_it_happens_to(text: str, other: bool) -> None:
    flag = detect(text)
    if flag is not None:
        assert bool(flag.about_other) is other


@pytest.mark.parametrize(
    ("text", "besides"),
    [
        ("Please pray for me", ""),
        ("will you pray with me", ""),
        ("God bless you", ""),
        ("thank you, God bless", ""),
        ("Singing. Will you pray for me? My sugars are high.", "Singing. My sugars are high."),
        ("I am confused now. Can you pray for me or not?", "I am confused now."),
        ("On hard days I pray, I read my Psalms", None),
        ("the sisters at church pray for me", None),
        ("I pray for my son every night", None),
    ],
)
def test_a_prayer_asked_of_the_bot(text: str, besides: str | None) -> None:
    assert asks_for_prayer(text) == besides
