"""Session 34 (safety_999_34): batch ZX's misses and false alarms, as classes.

Each class is checked in wordings other than the batch's line (what a different person would
type), beside the twin that must stay as it is: a floppy baby and a baby's floppy ears, a faint at
the news and a faint on standing now, a first aider's training and a first aider's own husband.
"""

from __future__ import annotations

import pytest

from careplan.safety import _model_label, detect
from careplan.vocab import EMERGENCY, URGENT

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "kind", "label"),
    [
        # a baby or young child floppy, limp, with a weak, high cry, grunting or hardly woken: 999,
        # named for a baby or child (ZX: "shes floppy and wont feed" with a fever got 111)
        ("my grandson is 3 months old, he's gone limp and hes really hot", EMERGENCY, "unwell_child"),
        ("our little lad is 10 months and his crying is weak and high pitched", EMERGENCY, "unwell_child"),
        ("the baby is grunting with every breath and so sleepy", EMERGENCY, "unwell_child"),
        # a sudden worst-ever headache and a hypo not coming up: the reply names them (issue 13)
        ("out of the blue a headache like being kicked in the head, being sick", EMERGENCY, "headache"),
        ("dads sugar is 1.5 and he wont drink anything, hes all confused", EMERGENCY, "hypo"),
        # ankles newly swollen with more breathlessness than usual: 111 today
        ("his feet have swollen up the past few days and hes more breathless than normal", URGENT, ""),
    ],
)
def test_emergencies_named(text: str, kind: str, label: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == kind and flag.label == label, flag


@pytest.mark.parametrize(
    "text",
    [
        # the same words, meaning everyday things (ZX's near twins, in other words)
        "the baby has floppy ears like her dad",
        "i almost fainted when i heard my granddaughter got into university",
        "nearly keeled over when i read the letter from the council, what a cheek",
        "i go to aqua aerobics and climb out panting but happy",
        "after parkrun i'm always puffing like a train, love it",
        "ive rung the council till im blue in the face about a rail for the bath",
        "i've asked them till i'm blue in the face",
        "i used to be a lifeguard so ive seen plenty of people collapse, i stay calm",
        "i trained as a first aider so i've practised on someone unconscious",
        "her lips aren't blue, it's just the cold sore cream",
        "his lips are purple from the blackcurrant lolly",
        "the graze wasn't deep and it stopped bleeding quickly",
        "she fainted in the queue, she was fine after a sit down and some water",
        "she has a hypo every so often, she knows the signs and has a jelly baby",
        "i'm worried she'll have a fit in the bath and i won't hear her",
    ],
)
def test_near_twins_stay_quiet(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # ...and the twins that must stay flags
        "i nearly passed out when i stood up just now and my chest is tight",
        "i was a nurse so ive seen people collapse and now my husband has collapsed and isnt breathing",
        "he's gone blue in the face and he's choking",
        "she came out of the pool gasping and her lips are blue",
        "the cut's not deep but it won't stop bleeding",
        "she passed out and was fine after a few minutes but now she's collapsed again",
        "the baby is floppy and wont wake",
    ],
)
def test_their_twins_still_999(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == EMERGENCY, flag


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # an emergency heard by the model alone names the one emergency its signs say (issue 13;
        # ZX: "wife cnt brth proply n lips goin blu", "hes gone a funny colour and wont answer me")
        ("hubby cant brth n hes goin blu round the lips", "breathing"),
        ("nan's gone a funny colour and she's not answering me", "unconscious"),
        ("my little girl has swallowed a button and she's not making a sound", "choking"),
        ("found him with an empty packet of his sleeping tablets", "overdose"),
        ("the baby's got spots that don't go when i press a glass on them", "sepsis"),
        # ...two emergencies' signs, or none: better unnamed than named wrong
        ("he grabbed his chest and went down on the floor", ""),
        ("she's gone a funny colour", ""),
        ("my blood pressure machine says 190 over 110", ""),
    ],
)
def test_a_model_emergency_named_by_its_one_sign(text: str, label: str) -> None:
    assert _model_label(text) == label
