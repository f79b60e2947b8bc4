"""Session 31 (safety_detect31): batches ZR and ZS (retired blind sets 13 and 14) learnt from, and
their misses and false alarms by class.

Each class is checked in other words than the line that showed it, beside look-alikes that must
keep (or stay without) their flag.
"""

from __future__ import annotations

import pytest
from test_safety_s30ac import _kind

from careplan import safety
from careplan.vocab import CRISIS, EMERGENCY, SAFEGUARDING, URGENT

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        # messy_03: where a number is, then skipping the question (the model, learnt from ZR and ZS, 0.72)
        "I think it's on a letter in the drawer, I'll skip it",
        "it's on the hospital letter somewhere, can we skip that one",
        "no idea, it'll be on the letter from the clinic, I'll leave it for now",
        # the model learnt from ZR and ZS heard a crisis in eating less (test_session_21_rules)
        "I've been cutting back on bread and cake",
        "trying to cut down on crisps and chocolate since the diabetes nurse",
        "we've cut out sugar in our tea, both of us",
        # messy_s31d_04: "I keep going" at "what helps you on hard days?" got the check-in (model, 0.77)
        "I keep going",
        "I just carry on, you have to",
        "she keeps going, she's a tough old bird",
    ],
)
def test_everyday_words_the_model_heard_are_no_crisis_theme(model_says, text: str) -> None:
    model_says(CRISIS, 0.85)
    assert safety.detect(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "I've written a letter to each of the kids so they know why",
        "there are letters for the family in the bureau, I'm ready now",
        # "I can't keep going", not keeping going: still the theme
        "I can't keep going like this",
        "I don't think I can carry on much longer",
    ],
)
def test_their_twins_are_still_the_crisis_theme(model_says, text: str) -> None:
    model_says(CRISIS, 0.95)
    flag = safety.detect(text)
    assert flag is not None and flag.kind == CRISIS, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a passive wish in old words: "do away with myself", "could do myself in"
        ("i just want to do away with myself", CRISIS),
        ("honestly I could do myself in some days", CRISIS),
        ("some nights I think about doing away with meself", CRISIS),
        # ...but worn out by a job is not
        ("i'll do myself in lifting that wardrobe", None),
        ("he did himself in with all that overtime", None),
        # an idiom of a treat or a busy spell (ZS: "drown myself in tea and biscuits")
        ("i'm going to drown myself in tea and biscuits this afternoon", None),
        ("I've been drowning myself in work since she went", None),
        ("going to bury myself in box sets all weekend", None),
        ("I'm going to drown myself in the river tonight", CRISIS),
        # pinching oneself at good news (ZS); pinching to hurt still counts
        ("i keep pinching myself that i've got the new hip, walking to the shop again", None),
        ("I have to pinch myself to check it's real, a grandad at last", None),
        ("I pinch myself till I bruise when I'm upset", CRISIS),
        # going on ABOUT something (ZS: "I dont want to go on about it")
        ("Dennis here, I dont want to go on about it, but I'm fed up of the shakes", None),
        ("I don't want to go on and on but my knees are bad", None),
        ("not wanting to go on about it but the pain keeps me up", None),
        ("I don't want to go on any more", CRISIS),
        # thoughts told as years ago and over (ZR): the gerund read by the verb its noun hangs from
        (
            "I had thoughts of ending my life after my son died, but that was years ago and I'm in a much "
            "better place now",
            None,
        ),
        ("I had thoughts of killing myself when my marriage ended, but that was a long time ago", None),
        ("I was thinking of ending it all last night", CRISIS),
        ("I've had thoughts of ending my life this week", CRISIS),
        # a health worker's job (set13_10: "I deal with sepsis and overdoses every shift")
        (
            "I'm a nurse, I deal with sepsis and overdoses every shift, it's my own joints I want to "
            "talk about",
            None,
        ),
        (
            "I'm a paramedic so I see strokes, fits and heart attacks all week, it's my back I want to sort",
            None,
        ),
        ("I work as a carer by trade, we deal with falls and overdoses, but my own hips are the thing", None),
        # an animal bleeding, and no person hurt (ZS)
        ("the cat brought in a bird and it was bleeding everywhere on the carpet, grim", None),
        ("the dog caught a rabbit and there was blood everywhere in the kitchen", None),
        ("the dog bit him and his hand is bleeding everywhere", EMERGENCY),
        ("my hand is bleeding everywhere, the dog bit me", EMERGENCY),
        # feeling as if hit by a bus (ZS)
        ("i feel like i've been hit by a bus after the chemo but it wears off by wednesday", None),
        ("she looks like she's been run over by a truck after her night shifts", None),
        ("I feel awful, I've been hit by a car on my bike", EMERGENCY),
        # a shock at a price said big (ZS)
        ("i nearly passed out when i saw the bill for the boiler", None),
        ("we almost collapsed when we heard the price of the new roof", None),
        ("he's passed out on the kitchen floor and I can't wake him", EMERGENCY),
        # the dentist's numbness wearing off (ZR)
        ("my face went numb at the dentist, took ages to wear off ha", None),
        ("my lip was drooping after the dental injection, wore off by teatime", None),
        ("her face went numb on one side and her arm is weak", EMERGENCY),
        # checked at A&E and a cause found (ZR)
        (
            "I was in A&E last Saturday with chest pain, they did all the tests and it was my "
            "gallbladder, I'm on the list for it",
            None,
        ),
        ("had chest pain on Monday, they did all the tests and it was a pulled muscle", None),
        # gasping from a dream, always done it (ZS): lived with, neither 999 nor 111
        ("she wakes up gasping sometimes from a dream, then goes back off, always done it", None),
        ("he wakes up gasping now and then from nightmares, he's had it since he was a boy", None),
        ("she woke up gasping and she still can't get her breath", EMERGENCY),
        # set13_10: a practice nurse's work, with no "I'm a nurse" in the sentence
        (
            "Because if I can't do the clinical side I'll have to go part-time or leave, and we can't afford "
            "that. And I love it. I deal with sepsis and overdoses every shift, it's my own joints I can't "
            "manage!",
            None,
        ),
        (
            "I see strokes and cardiac arrests most shifts on the unit, my own heart is fine, it's my hands",
            None,
        ),
        ("we treat overdoses and sepsis at work all the time, I'm used to it, but my knees are shot", None),
        # ...but her own people's signs, told beside it, still count
        (
            "I deal with sepsis every shift and I think my mum has it now, she's burning up and confused",
            EMERGENCY,
        ),
        # abuse told as a parent's past, and the writer's own is kind (ZS)
        ("my mum was in an abusive marriage, it's why I'm careful, but my own husband is kind", None),
        ("dad grew up in an abusive home, that's why he's so gentle with us", None),
        ("I left an abusive relationship at 30 and my second husband is lovely", None),
        ("mum's in an abusive marriage and she won't leave", SAFEGUARDING),
        ("my sister was in an abusive relationship and he still turns up at her door", SAFEGUARDING),
        # a phone limited by an app, or put away at the table, agreed (ZR, and "an app that locks my phone")
        ("my son put an app on that locks my phone at 10pm so I sleep", None),
        ("I've got an app that locks my phone at night, I asked for it", None),
        ("my son takes my phone off me at dinner, says I'm addicted to Candy Crush, he's right", None),
        ("my daughter takes my phone off me at tea, fair enough, I'm always on it", None),
        ("he put an app on that locks my phone so I can't ring anyone", SAFEGUARDING),
        ("he takes my phone so I can't ring my family", SAFEGUARDING),
        # children at play, enjoyed (ZS)
        ("the kids climb all over him and he loves it, even when they kick him in the shins", None),
        ("the grandkids pile on him on the sofa, he loves it even when they kick him", None),
        ("the grandkids kick her and she cries", SAFEGUARDING),
        # a scam over and dealt with (ZS)
        (
            "we were scammed last year out of £300, police were involved, we're more careful now and "
            "the bank's got a block on",
            None,
        ),
        ("mum got scammed out of £2000 in the spring but the bank refunded her and she's wiser now", None),
        (
            "dad was scammed out of his savings and the police were involved but they're still ringing him",
            SAFEGUARDING,
        ),
        # the one who did it sent away (ZS)
        (
            "the last carer was rough with her but they sacked her and the new ones are lovely, that "
            "was in the spring",
            None,
        ),
        ("one of the carers shouted at dad but the agency got rid of him and the new lady is lovely", None),
        ("the carer is rough with her and they won't sack her", SAFEGUARDING),
        # set13_06: someone else handles the card, and the money is gone, told across sentences
        (
            "Our neighbour Mr Kowalczyk, he is very kind, he helps her, every week he takes her card to the "
            "machine for the cash because she cannot remember the number. But now in her account is nothing "
            "left and she does not know where is it.",
            SAFEGUARDING,
        ),
        (
            "the lad from church uses dad's card to get his cash out every Friday. Now dad's account is "
            "empty.",
            SAFEGUARDING,
        ),
        (
            "a friend from the club has got her pin. She's got nothing left in her account by the middle "
            "of the month and can't say where the money goes",
            SAFEGUARDING,
        ),
        # ...but her own arrangements, agreed and shown, stay quiet
        ("my son takes my card to the machine every week and brings me the receipt, it's all there", None),
        ("my daughter uses my card for the shopping, I asked her to, and my money's fine", None),
        (
            "my husband does the banking and I've no idea what we've got in the account, I leave it to him",
            None,
        ),
        # ZS's misses. Stroke signs beside an arm that won't go above the head; a stiff shoulder still isn't
        (
            "just now the room went sideways and I can't lift me right arm above me head, words keep coming "
            "out jumbled",
            EMERGENCY,
        ),
        ("all of a sudden she can't lift her arm over her head and her face has dropped", EMERGENCY),
        ("I can't lift my arm above my head since the fall, the physio's on it", None),
        ("my shoulder's stiff, can't get my arm over my head to brush my hair", None),
        # fits with no coming round in between: 999 even "on and off"; fits lived with are not
        ("he's been fitting on and off for half an hour, doesn't come round in between", EMERGENCY),
        ("she's had three fits this morning and isn't waking up in between", EMERGENCY),
        ("he has fits on and off, the neuro team know, he comes round quickly", None),
        # someone else's strong medicine drunk or swallowed, by anyone
        ("our Jayden's drank a load of his nan's methadone", EMERGENCY),
        ("my lad's swallowed a handful of his dad's oxycodone", EMERGENCY),
        ("she's drunk half a bottle of her gran's oramorph", EMERGENCY),
        ("I take my own morphine as prescribed", None),
        # bleeding told by what it soaks through
        (
            "the wound on my leg is leaking loads, cant stop it, pressing with a tea towel and it's soaked "
            "through",
            EMERGENCY,
        ),
        ("I've been pressing a towel on his head for ten minutes and it's still coming through", EMERGENCY),
        ("I pressed a tea towel on the cut and it stopped", None),
        # harm told as past, while still living with the one who did it
        ("my husband strangled me last month and i'm still living with him", SAFEGUARDING),
        ("he hit me at christmas and he's still in the house with us", SAFEGUARDING),
        ("she beat me in the summer and I still live with her", SAFEGUARDING),
        ("my first husband beat me but I left him years ago", None),
        ("he beats me at chess every time", None),
        # "he's ok mostly": the person most of the time, not the harm over
        ("hes ok mostly just when hes had a drink he pushes me about a bit", SAFEGUARDING),
        ("she's fine most of the time but when she's tired she slaps me", SAFEGUARDING),
        ("he's fine now, the physio said", None),
        # someone at a height who won't come down; a cat or a roofer is not
        ("My daughter is on the roof of the flats and she won't come down.", CRISIS),
        ("my son's up on the bridge and he won't come off it", CRISIS),
        ("the cat is on the roof and won't come down", None),
        # found with a ligature, and the wish still there
        ("mam found me with a ligature last week and i still want to", CRISIS),
        ("my partner caught me with a noose in the shed on sunday and I still think about it", CRISIS),
        ("I tried to hang myself years ago but I'm well now", None),
        # left alone all day out of reach of the loo, while someone is meant to be caring
        (
            "ever since the stroke dad's been left on his own all day in his chair, can't reach the loo or a "
            "drink, my brother's meant to be looking after him",
            SAFEGUARDING,
        ),
        (
            "mum's left in her chair all day and can't get to the toilet, my sister's supposed to be caring "
            "for her",
            SAFEGUARDING,
        ),
        ("since his stroke he needs help to the loo and we take turns", None),
        # the 111 tier: a testicle swollen or sore, chemo and not eating or drinking, swelling and weight
        ("my testicle's swollen and sore since yesterday", URGENT),
        ("his scrotum is red and swollen since this morning", URGENT),
        ("how do I do a testicle self check", None),
        ("thrush in his mouth so bad he wont eat or drink, he's on the chemo", URGENT),
        ("mum's on chemo and her mouth's so sore she can't drink anything", URGENT),
        ("the chemo went well and she's eating again", None),
        ("mum's not eating much since the chemo", None),
        (
            "Roy's legs have swelled up more than usual over the last 2 days and he's put on 3 kilos, the "
            "nurse said to tell someone if that happened",
            URGENT,
        ),
        (
            "his ankles are bigger than usual and he's up 2 kilos this week, the heart nurse said to ring if "
            "that happens",
            URGENT,
        ),
        ("the doctor said it's fine, the swelling is from the heat", None),
        # ZR's misses. "me hearing aids" ("me" for "my"), hidden to cut someone off
        (
            "Himself has been at me again, says I'm a waste of space, and he hides me hearing aids so I "
            "can't use the phone",
            SAFEGUARDING,
        ),
        ("she hides me glasses so I can't read my post", SAFEGUARDING),
        # snoring and not waking, with a pill bottle missing or empty, is 999; a nap is not
        ("mum isnt waking up and shes making a snoring noise and i cant find her pill bottle", EMERGENCY),
        (
            "dad won't wake up, he's snoring really loud and there's an empty packet of his tablets by the "
            "bed",
            EMERGENCY,
        ),
        ("he's snoring his head off in the chair, he's had a long day", None),
        # battered for money, the fall the cover story; beaten at darts is not
        (
            "wor lass's son's been battering her for money, she's black and blue and says she fell",
            SAFEGUARDING,
        ),
        (
            "her grandson's been battering her for her pension and she says she walked into a door",
            SAFEGUARDING,
        ),
        ("he batters me at darts every Friday", None),
        # a small child's age said plainly, and somebody's tablets eaten
        (
            "he's 3 and he's got into my mum's bag and eaten a load of her warfarin, i dont know how many",
            EMERGENCY,
        ),
        ("she's 2 and she's eaten some of my iron tablets off the side", EMERGENCY),
    ],
)
def test_zr_and_zs_classes_in_other_words(text: str, kind: str | None) -> None:
    """Flagged at once (a check-in counts as none), or not at all."""
    assert _kind(text) == kind, text
