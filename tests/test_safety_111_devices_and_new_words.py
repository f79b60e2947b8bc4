"""Session 26 (safety_t): the 111 tier and 999 told in new words, by class, and a theme gate on
the learned model's emergencies.

Each class that batch ZH (careplan/safety_sets/safety_dev_zh.yml) and batch ZF showed missing is
checked here in other words than theirs, beside look-alikes that must stay quiet: the same device
cared for as usual, the sign over and treated, a worry about what may come, a question, an idiom.
"""

from __future__ import annotations

import pytest

from careplan import safety
from careplan.vocab import EMERGENCY, URGENT

pytestmark = pytest.mark.unit


def _kind(text: str) -> str | None:
    flag = safety.detect(text)
    return flag.kind if flag else None


@pytest.mark.parametrize(
    "text",
    [
        # grief: a body at night, nothing happening to it (set8_09)
        "The bed feels too big now. I wake at 3 and think about him. And my legs get restless.",
        "since he went I wake at five and the bed is cold on his side",
        "I lie awake most nights going over it all, the house is so quiet",
        "my heart broke when we lost her and I still set two plates out",
        # everyday lines
        "we're going to the garden centre on Saturday if the weather holds",
        "she likes her crossword and a sherry before tea",
    ],
    ids=lambda value: value[:40],
)
def test_the_model_needs_a_sign_to_raise_an_emergency(model_says, text: str) -> None:
    model_says(EMERGENCY, 0.99)
    assert safety.detect(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "he's gone a funny colour and keeps staring at nothing",
        "I can't wake her properly, she keeps drifting off",
        "found him slumped in the chair and he won't answer me",
    ],
    ids=lambda value: value[:40],
)
def test_the_model_still_raises_an_emergency_that_names_a_sign(model_says, text: str) -> None:
    model_says(EMERGENCY, 0.99)
    flag = safety.detect(text)
    assert flag is not None and flag.kind == EMERGENCY, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a pattern that begins at the apostrophe ("'s choking") never matched after "he"
        ("he's choking now", EMERGENCY),
        ("she's choking on a sweet and going red", EMERGENCY),
        ("my son's choking, he can't get it up", EMERGENCY),
        ("I'm choking on all this paperwork", None),
        ("he's choking back the tears at the funeral", None),
    ],
    ids=lambda value: str(value)[:40],
)
def test_choking_told_now(text: str, kind: str | None) -> None:
    assert _kind(text) == kind, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a device stopped, blocked, out, alarming, leaking round its site; a stoma changed
        ("the catheter stopped draining at teatime and he's desperate to go", URGENT),
        ("his urostomy bag hasn't filled since breakfast", URGENT),
        ("her gastrostomy tube fell out when she turned over in bed", URGENT),
        ("the feed pump keeps alarming and we can't get it to run", URGENT),
        ("the skin around her stoma is red raw and bleeding a bit", URGENT),
        ("my colostomy's turned a dusky blue colour this afternoon", URGENT),
        ("his drip pump thing for his feed is bleeping non stop, it says blocked", URGENT),
        ("the chest drain has slipped out and there's fluid on the bed", URGENT),
        ("dad's oxygen concentrator has broken and he's getting puffed", URGENT),
        ("the stoma bag is leaking all round the edge since this morning", URGENT),
        ("the tube for my father feeding is broken, the milk come out", URGENT),
        # routine care, over, a denial, a question
        ("the district nurse changes his catheter every twelve weeks", None),
        ("the stoma nurse showed me how to change the bag, it's no bother", None),
        ("the feeding pump alarm went off but it was just the bag empty, all sorted", None),
        ("his catheter isn't blocked, the nurse flushed it and it's draining fine", None),
        ("her PEG came out last year and they put a new one in", None),
        ("is it normal for a stoma to change colour a bit after a meal?", None),
        ("I keep a spare catheter in the drawer in case it ever blocks", None),
    ],
    ids=lambda value: str(value)[:40],
)
def test_devices_that_stop_or_come_out(text: str, kind: str | None) -> None:
    assert _kind(text) == kind, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # medicines that must not be missed, run out
        ("we're short of her epilepsy meds and the chemist can't get any till Tuesday", URGENT),
        ("only got two of his parkinson's tablets left and the surgery is closed", URGENT),
        ("her fentanyl patches ran out yesterday and she's really sore", URGENT),
        ("dad has none of his water tablets left and his ankles are up", URGENT),
        ("I've got plenty of my heart tablets, the repeat is ordered", None),
        ("what happens if I run out of my epilepsy tablets on holiday?", None),
        # a child's fever the medicine doesn't touch
        ("the baby's temperature is 38.9 and the calpol hasn't touched it", URGENT),
        ("my toddler is hot and floppy today and won't drink", URGENT),
        ("my boy is boiling, 39.5, and the nurofen isn't bringing it down", URGENT),
        ("her temperature came down with calpol and she's playing again", None),
        # dental
        ("my gum's swollen round a back tooth and my face has gone puffy on that side", URGENT),
        ("I had two teeth pulled yesterday and it's still bleeding", URGENT),
        ("my son knocked his adult tooth out playing rugby", URGENT),
        ("my jaw is swollen from a bad tooth and I can hardly open my mouth", URGENT),
        ("I need a filling, the tooth is sensitive", None),
        ("my new dentures rub my gums a bit", None),
    ],
    ids=lambda value: str(value)[:40],
)
def test_medicines_out_children_and_teeth(text: str, kind: str | None) -> None:
    assert _kind(text) == kind, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # eyes, skin
        ("something like a dark curtain has come down over the vision in my left eye", URGENT),
        ("I squirted oven cleaner in my eye by accident and it's stinging", URGENT),
        ("the red on her arm is spreading beyond the line the GP marked", URGENT),
        ("there's a red line going up his arm from the cut on his hand", URGENT),
        ("I've come out in hives since taking the new antibiotics", URGENT),
        ("I come out in a rash if I take penicillin, it's on my records", None),
        ("the rash from the new cream has faded now", None),
        # a change in mental state, new
        ("dad thinks the neighbours are spying on him, this isn't like him at all", URGENT),
        ("she hasn't slept for two nights and is talking non stop, it's not like her", URGENT),
        ("mum didn't know who I was this morning, she's normally all there", URGENT),
        ("he's always been a bit suspicious of the carers", None),
        ("mum's dementia means she doesn't always know who I am, it's been that way for years", None),
        # bleeding today, not 999
        ("there's blood streaked in my phlegm since Sunday", URGENT),
        ("I coughed up a bit of blood this morning with my cough", URGENT),
        ("my poo has been black and sticky since yesterday", URGENT),
        ("her gums keep bleeding and big bruises keep coming up on her legs", URGENT),
        ("my gums bleed when I brush, the hygienist knows", None),
        ("the beetroot turned everything red, gave me a fright", None),
        # tummy swollen and no poo, one leg swollen, weight up fast
        ("he's not had his bowels open for a week and his belly is swollen and hard", URGENT),
        ("my left calf has swollen up and aches since the long coach trip home", URGENT),
        ("she's gained three kilos this week and her legs are swollen again", URGENT),
        ("my legs swell on long flights, I wear the socks", None),
        # a knock to the head, then a headache or sickness
        ("he cracked his head on the car door yesterday and has had a headache since", URGENT),
        ("she bumped her head on the shelf this morning and now she's being sick", EMERGENCY),  # 999 wins
        ("he knocked his head on the door frame, no headache, he's fine", None),
    ],
    ids=lambda value: str(value)[:40],
)
def test_eyes_skin_mind_bleeding_and_knocks(text: str, kind: str | None) -> None:
    assert _kind(text) == kind, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an overdose "fine now" is not over: tablets harm hours later
        ("she swallowed a whole box of her sleeping tablets an hour ago but says she's ok", EMERGENCY),
        ("took all his co-codamol this afternoon, he seems fine", EMERGENCY),
        ("he took a whole packet of paracetamol when he was 17, he's fine now", None),
        # false alarms in everyday words
        ("I laughed so much I couldn't breathe at the panto", None),
        ("we're all choking on the red tape at the council", None),
        ("what temperature should the baby's bath be?", None),
    ],
    ids=lambda value: str(value)[:40],
)
def test_emergencies_and_idioms_said_in_new_ways(text: str, kind: str | None) -> None:
    assert _kind(text) == kind, text
