"""Session 28 (safety_w): the 111 tier and safeguarding told sideways, by class.

Each class that batch ZM (careplan/safety_sets/safety_dev_zm.yml, written cold from categories) and
batch ZL (retired blind set 11) showed missing is checked here in other words than theirs, beside
look-alikes that must stay quiet: help asked for, a known allergy, a pattern watched for, the past
and over, sorted the same day, a question, a soap's storyline.
"""

from __future__ import annotations

import pytest

from careplan import safety
from careplan.vocab import SAFEGUARDING, URGENT

pytestmark = pytest.mark.unit


def _kind(text: str) -> str | None:
    flag = safety.detect(text)
    return None if flag is None or flag.check_in else flag.kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a dose given again by someone who didn't know, or doubled by mistake
        ("my brother gave mum her insulin at tea time and then I gave it her again, I didn't know", URGENT),
        ("I think I've taken my warfarin twice today by accident", URGENT),
        ("the night carer gave dad a second dose of his morphine not knowing the day carer had", URGENT),
        ("she takes double on a Sunday, the anticoagulation clinic set it up", None),
        ("I doubled up on my vitamin D by mistake, the pharmacist said it's harmless", None),
        # the wrong strength given out and taken
        ("the chemist gave her 40mg tablets instead of 10 and she's had two of them", URGENT),
        (
            "they dispensed the wrong strength of his blood pressure pills and "
            "he's been taking them all week",
            URGENT,
        ),
        ("the pharmacy gave me the wrong strength but I noticed before I took any", None),
        # a regular medicine not had for days, the supply let them down
        ("dad hasn't had his heart pills for three days because the prescription never came", URGENT),
        ("i've been without my tablets for a few days now, the chemist keeps saying next week", URGENT),
        ("my prescription is due on Friday, I've got enough till then", None),
        # a wound, cut or tube site infected
        ("the scar from his knee op is hot and swollen and there's pus coming out", URGENT),
        ("mums stoma site is red raw and weeping and getting worse", URGENT),
        ("the graze on her knee is red and oozing yellow stuff since yesterday", URGENT),
        ("my wound was red and sore after the op in March but it healed nicely", None),
        ("the nurse says the wound is healing well and it's not red any more", None),
        # a water infection
        ("his wee is cloudy and stinks and he keeps going to the toilet all night", URGENT),
        ("there's blood in her wee and it burns when she goes", URGENT),
        ("how do I know if a water infection is serious?", None),
        ("I get a bit of burning when I pee sometimes if I don't drink enough, it goes with water", None),
        ("dad gets muddled when he has a water infection, so we keep an eye out for that", None),
        # thirst, weeing and weight lost: diabetes signs
        ("I'm thirsty all the time, peeing loads and I've lost half a stone without trying", URGENT),
        ("she's drinking loads, up to the toilet all night and her clothes are falling off her", URGENT),
        # a new rash since a new medicine
        ("he's come up in hives since he started the amoxicillin yesterday", URGENT),
        ("a red itchy rash all over her back since the new tablets", URGENT),
        ("I'm allergic to penicillin, it brings me out in hives, it's on my records", None),
        ("the rash from the antibiotics has gone now", None),
        # sick while on a medicine that matters
        ("mum's on prednisolone and she's been throwing up since last night", URGENT),
        ("he's had diarrhoea all day and he takes lithium", URGENT),
        # new confusion in an older person
        ("nan keeps getting lost in her own flat since Monday, she's usually so with it", URGENT),
        ("since this morning he doesn't know what year it is, he's normally on the ball", URGENT),
        ("she's always been a bit confused in the evenings, the memory clinic knows", None),
        # not drinking, a sign of dehydration
        ("he's barely touched a cup of tea in two days and his wee is dark", URGENT),
        # new pain getting worse over days
        ("her shoulder has been aching more every day since Tuesday and she can't lift her arm now", URGENT),
        ("my knee pain gets worse when it rains, same as always", None),
        # money and medicines sorted the same day; a fall laughed off
        ("I ran out of my inhaler but the pharmacy gave me an emergency supply, all good", None),
        ("missed my epilepsy tablets this morning but took them as soon as I remembered, no harm done", None),
        (
            "the grandkids laughed their heads off when I fell on the ice, I was fine, just a bruised bum",
            None,
        ),
        ("she fell this morning and her wrist is swollen, she was fine before", URGENT),
        ("the baby has a runny nose but she's feeding well and no temperature", None),
    ],
    ids=lambda value: value[:50] if isinstance(value, str) else str(value),
)
def test_the_111_tier_in_new_words(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # carers or staff who leave someone unwashed, wet, in the same clothes, without aids
        ("the agency carers haven't given him a wash for over a week, they just sign the book", SAFEGUARDING),
        ("every time we visit the home she's in the same nightie and smells of urine", SAFEGUARDING),
        ("staff keep leaving dad without his teeth and his glasses all day", SAFEGUARDING),
        ("the carers are lovely, they have a laugh with her and she's always clean", None),
        ("she won't let the carers wash her, she prefers to do it herself", None),
        # not allowed one's own money; receipts shown to him
        ("my husband won't let me have my own bank card and I have to show him every receipt", SAFEGUARDING),
        (
            "she's not allowed her own pension, her son gives her twenty quid and "
            "she has to hand him the change",
            SAFEGUARDING,
        ),
        ("I have to ask my daughter for my own money every time I want to buy something", SAFEGUARDING),
        ("my appointee pays my bills and I get my money every week, I asked for it", None),
        # made to sign
        ("he was pushed into signing his house over to his nephew, he didn't want to", SAFEGUARDING),
        ("she made me sign a form for a loan and wouldn't let me read it", SAFEGUARDING),
        ("I signed the consent forms for my op, they explained everything", None),
        # money held while they go without
        (
            "our Darren has mam's card and she's not seen a penny of her pension, the cupboards are bare",
            SAFEGUARDING,
        ),
        ("my son has my card and does my shopping, he brings the receipts and the fridge is full", None),
        # someone who has taken charge, statements unseen, angry if asked
        (
            "her boyfriend has taken control of her finances and gets nasty if she asks about the bank",
            SAFEGUARDING,
        ),
        ("my niece took over my bills and I've never seen a statement since", SAFEGUARDING),
        ("my son has power of attorney and he's brilliant, he pays my bills and tells me everything", None),
        # scams: fees and cheques to "you have won"
        (
            "dad keeps paying fees to release a prize he thinks he's won, he sent another cheque today",
            SAFEGUARDING,
        ),
        (
            "my aunt posts cheques to clairvoyants and prize draws every week, she's got no money left",
            SAFEGUARDING,
        ),
        ("I got a letter saying I'd won the lottery, I binned it", None),
        ("my mum get conned? no way, she hangs up on them all", None),
        # self-neglect
        ("he's not bothered washing or eating since the funeral and the flat's a pigsty", SAFEGUARDING),
        ("mum's hoarding so bad she can't get to the toilet and she sends the nurses away", SAFEGUARDING),
        ("she's in the same clothes for weeks and won't open her post", SAFEGUARDING),
        ("the house is a bit of a mess, I'll be honest, but I get by fine", None),
        ("I havent washed my hair this week, the hairdresser comes friday", None),
        # help asked for; a soap's storyline
        ("my grandson checks my emails for scams, I asked him to", None),
        ("Emmerdale is doing a coercive control storyline, very well done", None),
    ],
    ids=lambda value: value[:50] if isinstance(value, str) else str(value),
)
def test_safeguarding_told_sideways_in_new_words(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "what happens to all this when ive finished",
        "where does all this go when I'm done",
        "what will happen to my answers once we've finished",
    ],
)
def test_a_question_about_the_chat_once_it_is_over_is_no_crisis(text: str) -> None:
    """messy_66: once the model learnt ZM it heard "when ive finished" as the crisis theme."""
    assert safety.detect(text) is None
    assert safety.detect("i cant do this any more, ive finished with it all") is not None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # kept from visitors: callers told they're asleep, nobody sees them; visits stopped
        (
            "her son tells everyone she's too tired for visitors, none of us have seen her for weeks",
            SAFEGUARDING,
        ),
        ("nobody's been able to speak to dad for months, his wife always says he's resting", SAFEGUARDING),
        ("the home says we can't visit anymore since we complained about her weight", SAFEGUARDING),
        ("she's too tired for visitors today, come Sunday instead", None),
        # going without because of them: heating, food, a bed; made to stay or sleep somewhere
        ("the heating's kept off all day because her lodger says it costs too much, she's 91", SAFEGUARDING),
        ("he goes to bed hungry most nights, his stepson eats his meals on wheels", SAFEGUARDING),
        ("my stepdad makes me stay in my room when his mates come round", SAFEGUARDING),
        ("her grandson sold her bed and she's been sleeping in the chair", SAFEGUARDING),
        ("I keep the heating off in the day to save money, I wear a cardigan", None),
        ("the nurse told her to stay in bed for a couple of days after the procedure", None),
        # a card or phone kept till they behave
        ("he's got my phone and says I can't have it back till I say sorry", SAFEGUARDING),
        ("she only gives mum her purse if she does as she's told", SAFEGUARDING),
        # payday visits, then upset and skint
        (
            "every pension day her nephew takes her to the post office "
            "and she comes back in tears with nothing left",
            SAFEGUARDING,
        ),
        ("my son takes me to the post office on pension day and we have a coffee after", None),
        # bruises explained away
        ("there's finger marks on her upper arms and the carer says she bruises easily", SAFEGUARDING),
        ("she's got bruises on her shins from the wheelchair footplates, the OT is sorting it", None),
    ],
    ids=lambda value: value[:50] if isinstance(value, str) else str(value),
)
def test_isolation_deprivation_and_explained_away(text: str, kind: str | None) -> None:
    assert _kind(text) == kind
