"""Session 33 (safety_zv33): batch ZV (blind set 16) learnt from, its misses and false alarms as classes.

Each class is checked in wordings other than the batch's line (what a different person would type),
beside the near-miss twin that must behave the other way.
"""

from __future__ import annotations

import pytest

from careplan.safety import detect
from careplan.vocab import CRISIS, EMERGENCY, SAFEGUARDING, URGENT

pytestmark = pytest.mark.unit
# a crisis check-in ("do you mean you're finding it hard to cope, or that you might hurt yourself?")
CHECK_IN = "check-in"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a trader at the door, back for more money or holding the chequebook (ZV's roofers, ZP's drive)
        (
            "a bloke knocked on dads door about his gutters and now hes back every week asking for more cash",
            SAFEGUARDING,
        ),
        (
            "two lads turned up out of the blue saying nan's chimney was loose, "
            "they've had 3000 already and want another 5 grand",
            SAFEGUARDING,
        ),
        # ...not work asked for, nor a trader sent away
        (
            "the roofers who knocked on last spring did a lovely job and we've had them back for the gutters",
            None,
        ),
        ("a man knocked on and said her hedge needed doing, she said no and he went away", None),
        ("we rang a roofer and he wants another 200 because the slates were worse than he thought", None),
        # ten times the dose, a zero slipped (ZC's "60 units of my quick acting insulin instead of 6")
        ("dad gave himself 40 units of his night insulin instead of 4, he read the pen wrong", EMERGENCY),
        ("he took 100mg of his tramadol instead of 10mg by mistake", EMERGENCY),
        # ...not a dose the team changed, nor one caught before it was given
        ("she takes 10mg instead of 1mg now, the consultant upped it", None),
        ("i nearly injected 60 units instead of 6 but noticed before i did it", None),
        # a goodbye to everyone, posted (ZV's "my mate's posting stuff ... saying goodbye to everyone")
        ("my niece put on insta that she's saying bye to everyone and she's sorry", CRISIS),
        ("his story on snapchat says goodbye to all of you, and he's not answering", CRISIS),
        # ...not a leaving do, nor a move abroad
        ("she posted a video saying goodbye to everyone at work, she's retiring on friday", None),
        ("he put a post up saying goodbye to everyone, he's moving abroad next week", None),
        # harm by a person "since my stroke" goes on (ZV's "my wife hits me ... since my stroke")
        ("my husband slaps me when i get muddled since the stroke", SAFEGUARDING),
        ("my son shoves me about ever since my fall, i'm scared of him", SAFEGUARDING),
        # ...a sign lived with since is not
        ("i've had a weak arm since my stroke", None),
        # violence then, ruled by fear now (ZV's "strangled me once last year and now he only has to look")
        ("he choked me last christmas and now i just do whatever he tells me", SAFEGUARDING),
        (
            "my husband beat me badly two years ago, now he only needs to look at me and i freeze",
            SAFEGUARDING,
        ),
        # ...over and safe now
        ("my ex strangled me years ago but i left him and i'm safe now", None),
        # fed only once the household's work is done (ZV's "i dont get my tea unless ive done all there ...")
        ("she's not allowed her dinner till she's done all their ironing", SAFEGUARDING),
        ("they don't feed dad unless he's done the cleaning for them first", SAFEGUARDING),
        # ...a child's homework, one's own physio
        ("the kids don't get pudding unless they've done their homework", None),
        ("i don't get my tea till i've done my physio exercises", None),
        # someone who lets themselves in and takes (ZV's "the man upstairs comes in my flat when he wants")
        (
            "the lad next door lets himself into mum's flat whenever he likes and helps himself to her money,"
            " she calls him her mate",
            SAFEGUARDING,
        ),
        (
            "a woman from the flats comes into dad's home any time she wants and takes his shopping",
            SAFEGUARDING,
        ),
        # ...family helping, a grandson's joke
        ("my daughter comes in my flat when she wants and does my shopping for me", None),
        ("my grandson comes in my house whenever he likes and eats my food lol", None),
        # a will or papers signed while confused, not remembered (ZV's nephew and the will)
        (
            "dad signed his house over to my brother when he had delirium in hospital,"
            " he has no memory of it",
            SAFEGUARDING,
        ),
        (
            "the lodger had nan sign papers for her house while she was muddled with the uti,"
            " she can't remember signing",
            SAFEGUARDING,
        ),
        # ...a will made clearly, a card forgotten
        ("mum changed her will last month with her solicitor, she was clear as anything", None),
        ("mum can't remember signing the birthday card for dad", None),
        # an extra dose said with the count first, any tense (ZV's "my mother she take two times her ...")
        ("my father he take 2 times his heart pills today by mistake", URGENT),
        ("he took twice his insulin dose tonight, he forgot he'd done it", URGENT),
        # ...a dose set up that way, a question
        ("she takes double the dose on Mondays, that's how the GP set it up", None),
        ("do i take two times the dose if i missed one yesterday", None),
        # a new rash since a new medicine, "come out in" (ZV's "i've come out in an itchy rash all over")
        ("she's come out in hives since the new antibiotics", URGENT),
        ("he has come out in a rash all over since starting the amoxicillin", URGENT),
        # ...an allergy known
        ("amoxicillin, it makes me come out in a rash, it's on my notes", None),
        ("penicillin always brings me out in a rash", None),
        # "something to keep her quiet" and the person changed by it (ZV's "like a zombie")
        (
            "the care home keep dosing dad up with something to keep him calm, he's completely out of it",
            SAFEGUARDING,
        ),
        ("the staff give nan tablets to keep her quiet and now she sleeps all day", SAFEGUARDING),
        # ...a sedative for a scan, care at the end of life
        ("the doctor gave her something to keep her calm for the scan, she was a bit dopey after", None),
        ("the hospice give dad something to keep him settled, he sleeps all day now, it's peaceful", None),
        # the ending said as a feeling, or wanting out of all of it (ZV's "honestly i feel like i'm done")
        ("tbh i feel like im done.", CHECK_IN),
        ("mum says she feels like she's just done", CHECK_IN),
        ("some days i just want out of all this", CHECK_IN),
        # ...and rather dead than going on, or than a home
        ("i'd rather die than go on like this", CHECK_IN),
        ("he says he'd rather be dead than go into a home", CHECK_IN),
        # ...not done with a thing, out of the paperwork, nor pride about an aid (ZV's walking frame)
        ("i feel like i'm done with physio now, it's helped", None),
        ("i feel like i'm done for today, can we stop", None),
        ("i want out of all this paperwork", None),
        ("she wants out of all of it, the council, the forms, the lot", None),
        ("she'd sooner die than be seen with a walking stick, proud as anything", None),
        ("mum says she'd rather be dead than wear pads, she won't have them", None),
        # signs denied together (ZV's false alarm "the leg isn't swollen or hot, just achy")
        ("her ankle's not red or hot, it's just a bit puffy from sitting", None),
        ("his calf isn't hot or swollen, it just aches after football", None),
        # ...said together, they still count
        ("her calf is swollen and hot and red since yesterday", URGENT),
        ("mum's shin is red hot and swollen, spreading up her leg", URGENT),
    ],
)
def test_zv_classes_beside_their_twins(text: str, kind: str | None) -> None:
    flag = detect(text)
    assert (CHECK_IN if flag and flag.check_in else flag.kind if flag else None) == kind
