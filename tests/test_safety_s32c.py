"""Session 32 (safety_detect32): batch ZT's misses and false alarms, as classes.

Each class is checked in wordings other than the batch's line (what a different person would type),
beside the near-miss twin that must stay quiet: an agreed arrangement, a past event that is over,
an idiom, a child's punishment, a chosen bedtime.
"""

from __future__ import annotations

import pytest

from careplan.safety import detect
from careplan.vocab import CRISIS, EMERGENCY, SAFEGUARDING, URGENT

pytestmark = pytest.mark.unit


def _kind(text: str) -> str | None:
    flag = detect(text)
    return flag.kind if flag else None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # shouting, and someone else in tears (the testers' "my husband shouts and I cry")
        ("my husband shouts and I cry", SAFEGUARDING),
        ("he shouts all the time and i just cry", SAFEGUARDING),
        ("my son yells and i end up in tears", SAFEGUARDING),
        # ...not their own tears, a baby, nor the writer's own shouting
        ("he gets so frustrated, he shouts then cries", None),
        ("the baby screams and I cry with her, it's the tiredness", None),
        ("I shout at the telly and then I cry at the adverts lol", None),
    ],
)
def test_shouting_and_another_in_tears(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a clinician who saw it or knows does not silence harm by a person
        ("the nurse saw the bruises where he hit me", SAFEGUARDING),
        ("he hits me, the nurse knows", SAFEGUARDING),
        ("my son hits me and the doctor has seen the marks", SAFEGUARDING),
        ("he hit her hard across the face", SAFEGUARDING),
        # ...what a treatment did, or a clinician's explanation, does
        ("the physio pushes him hard, he says it hurts but its working", None),
        ("the injection hurt her a bit", None),
        ("she bruises easily, the doctor says it's her tablets", None),
        ("the nurse held him down for his blood test", None),
    ],
)
def test_a_clinician_in_the_sentence(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # held down for care, made to sit wet as a punishment, put to bed to suit a rota
        ("they hold her down to wash her and she screams", SAFEGUARDING),
        ("the carer pins him down to change him and he sobs", SAFEGUARDING),
        ("he makes her stay in her wet pad as a punishment", SAFEGUARDING),
        ("if mum drops food they take her frame away to punish her", SAFEGUARDING),
        ("the home gets dad up at 5am to fit the staff rota, he hates it", SAFEGUARDING),
        (
            "they get nan into bed at half six because it suits them, she's always in tears about it",
            SAFEGUARDING,
        ),
        # ...a child's punishment, an illness felt as one, a bedtime chosen
        ("we took his xbox off him as a punishment for swearing", None),
        ("she feels the cancer is a punishment", None),
        ("mum goes to bed at 7 as it suits her, she likes an early night", None),
        ("the carers come at 8 because it suits their round, which is fine by us", None),
    ],
)
def test_care_done_roughly_or_as_a_punishment(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # visits missed and the person left without
        ("the care agency didn't turn up again, dad had no lunch and sat in his chair all day", SAFEGUARDING),
        ("nobody came to put mum to bed last night, she was in the chair till morning", SAFEGUARDING),
        ("carers missed her tea call twice this week so she went without her tablets", SAFEGUARDING),
        # ...late with the care given, called off by the person, or over and sorted
        ("the carer was late today but she rang ahead and mum had her lunch", None),
        ("the carer didn't come today because mum cancelled, she was at the hospital", None),
        (
            "the carers missed a visit last month in the snow, the agency rang and my neighbour did her tea",
            None,
        ),
    ],
)
def test_visits_missed_and_left_without(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a home threatened to keep someone quiet, any way round
        ("he says i'll be put in a home if i tell", SAFEGUARDING),
        ("she keeps telling mum if she complains they'll stick her in a home", SAFEGUARDING),
        ("my nephew warned me if I ever say anything he'll have me put in a care home", SAFEGUARDING),
        # ...a fear of a home with nobody threatening it
        ("mum worries if she tells the doctor about her falls they'll put her in a home", None),
        ("the social worker said I might need a care home if I can't manage the stairs", None),
    ],
)
def test_a_home_threatened_if_they_tell(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # self-neglect: the cold home beside not eating or no tablets
        ("dad won't put the heating on and he's stopped eating, the flat's freezing", SAFEGUARDING),
        ("mum's not washing and her house is like a fridge, she says she's fine", SAFEGUARDING),
        # ...the heating saved on, a boiler waiting for the engineer
        ("i havent had the heating on all winter to save money but im eating fine", None),
        ("the house is freezing because the boiler broke, the engineer comes tomorrow", None),
    ],
)
def test_a_cold_home_and_not_eating(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "check_in"),
    [
        # a danger to themselves, not trusting themselves: the check-in
        ("I'm a danger to myself at the moment", True),
        ("i dont trust myself not to take the lot tonight", True),
        ("honestly what's the point anymore", True),
        ("whats the point anymore", True),
        # ...the cake tin, the snow, and a question about a word
        ("I don't trust myself to drive in the snow", None),
        ("I don't trust myself around chocolate", None),
        ("i'm a danger to myself in the kitchen haha", None),
        ("what's the point of a blood test", None),
    ],
)
def test_a_danger_to_myself_gets_the_check_in(text: str, check_in: bool | None) -> None:
    flag = detect(text)
    if check_in is None:
        assert flag is None
    else:
        assert flag is not None and flag.kind == CRISIS and flag.check_in


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a nosebleed that won't stop, gone pale or faint: 999
        ("dad's nosebleed won't stop, it's been half an hour, he's gone grey and feels faint", EMERGENCY),
        ("grandad's nose has been pouring for ages and he's gone really pale, he's on warfarin", EMERGENCY),
        # ...one that keeps coming back on thinners is 111; one that comes with the heat, nothing now
        ("my nose keeps bleeding today, I'm on apixaban", URGENT),
        ("her nose bleeds when she's dizzy from the heat", None),
        ("she had a nosebleed earlier and felt a bit dizzy but it stopped after ten minutes", None),
    ],
)
def test_a_nosebleed_with_shock(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # nearly fainted, and why: over
        ("i nearly fainted in the queue, it was so hot and i'd had no breakfast", None),
        ("she nearly blacked out in church, it was stuffy and she hadn't eaten", None),
        # ...a loss that has hit someone hard
        ("losing her job has hit him hard", None),
        ("dad's diagnosis hit us all hard", None),
        # ...but nearly fainting beside a sign now still counts
        ("i nearly fainted in the heat and my chest is tight", EMERGENCY),
        ("he nearly collapsed at the bus stop and he's still grey and sweaty", EMERGENCY),
    ],
)
def test_zt_false_alarms_as_classes(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # off their food and unsteady, new: 111 today
        (
            "dad's hardly touched his food for three days and he's unsteady on his legs, not like him at all",
            URGENT,
        ),
        ("she's barely eating since sunday and she's shaky on her feet, it's not like her", URGENT),
        # ...always so, or a small appetite all along
        ("she's always been a bit wobbly on her feet since her hip op", None),
        ("she barely eats breakfast, never has", None),
    ],
)
def test_off_food_and_unsteady_is_111(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


def test_new_muddle_beside_an_infection_a_nurse_found_is_not_settled() -> None:
    """'the nurse said she had a water infection' is an infection found, not an all clear: new muddle
    beside it is flagged (the sepsis rule reads infection and confusion together as 999)."""
    flag = detect("grandad's been confused since yesterday, the GP said on monday he had a chest infection")
    assert flag is not None and flag.kind in {EMERGENCY, URGENT}
    over = "mum had a water infection in the spring, the GP said it was one and the antibiotics cleared it"
    assert detect(over) is None


# ------------------------------------------------- batch ZU (session 32): safeguarding told sideways


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # put down with words around the insult, mocked, told to shut up, screamed at close up
        ("her son tells her she's a stupid useless old woman every morning", SAFEGUARDING),
        ("the carers laugh at dad's stammer when they think I can't hear", SAFEGUARDING),
        ("my partner tells me to shut up in front of everyone and I just go red", SAFEGUARDING),
        ("he yells in her face till she's shaking", SAFEGUARDING),
        # ...said of oneself, a tease between equals, a joke
        ("dad calls himself a useless old fool when he forgets his keys", None),
        ("we all take the mick out of each other at home, it's how we are", None),
    ],
)
def test_put_down_told_sideways(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # control of where they go, who they ring, who they see, and what they buy
        ("she hid dad's car keys so he couldn't go and see his brother", SAFEGUARDING),
        ("mum's not allowed to text us any more, he checks", SAFEGUARDING),
        ("her husband won't let the nurse talk to her unless he's there", SAFEGUARDING),
        ("I've got to ask her before I can buy anything, even a paper, or she goes mad", SAFEGUARDING),
        ("he looks at his wife first before he answers any question, it's odd", SAFEGUARDING),
        # ...a doctor's no-driving rule, help asked for, a budget agreed
        ("the GP said he mustn't drive after the stroke so I've taken his car keys", None),
        ("I ask my wife before I buy anything big, we agreed that when I retired", None),
    ],
)
def test_control_told_sideways(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a threat for not obeying, for complaining, for leaving; care stopped unless paid
        ("she says she'll put me out on the street if I don't do what I'm told", SAFEGUARDING),
        ("the warden said if mum carries on complaining she'll be asked to leave", SAFEGUARDING),
        ("he showed me the hammer and said it's for me if I try to leave", SAFEGUARDING),
        ("the cleaner says she'll stop coming unless I lend her money", SAFEGUARDING),
        # ...a tease, a welcome for complaints, a hammer for DIY
        ("the warden told mum if she has a complaint to ring the office any time", None),
        ("he keeps a hammer by the door, it's for the fence panels", None),
    ],
)
def test_threats_told_sideways(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # pushed out of a chair, flinching, money moved into someone's business, a secret with pictures
        ("he tipped her out of her wheelchair because she was slow", SAFEGUARDING),
        ("he shoved mum off her chair when she wouldn't stop talking", SAFEGUARDING),
        ("dad flinches whenever his carer comes near him", SAFEGUARDING),
        ("her boyfriend talked her into selling the car and the money went into his debts", SAFEGUARDING),
        ("a man online keeps asking my 14 year old for photos and says it's their secret", SAFEGUARDING),
        # ...pushed in a wheelchair, flinching at the dog, a sale agreed, a secret surprise
        ("my son pushes me in my wheelchair to the pub on a friday", None),
        ("she flinches when the dog barks, she was bitten as a child", None),
        ("we're keeping the party a secret from mum, it's a surprise", None),
    ],
)
def test_harm_told_sideways(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # care not given, a sedative given on the quiet, food left and not eaten, a home gone cold and dark
        ("the carers never came on sunday and nan didn't get her tablets all day", SAFEGUARDING),
        (
            "they give her a tablet to keep her quiet so she doesn't wake the others, it isn't prescribed",
            SAFEGUARDING,
        ),
        ("his tray gets left on the table and he can't reach it, it's taken back uneaten", SAFEGUARDING),
        ("he's been living on bread, the gas has been cut off and he won't let anyone in", SAFEGUARDING),
        ("some men have been sleeping at my brother's flat and he's scared to go home", SAFEGUARDING),
        # ...a visit cancelled, a sleeping tablet prescribed, a boiler waiting
        ("the carers didn't come on sunday because we took nan out for lunch", None),
        ("the gas was cut off for an hour while they fixed the main, it's back on", None),
    ],
)
def test_neglect_and_exploitation_told_sideways(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        # the learned model's false alarms, as classes: money paid back or counted out, care told warmly
        "my son borrowed £50 off mum and paid her back on friday",
        "the carer takes mum's purse to the shop and mum counts the change out herself",
        "the staff let him stay up for the football and bring him a cuppa",
        "the night carer is so gentle with mum, she sings to her while she turns her",
        "I'm scared of going home by myself after the hospital, my daughter's stopping over",
    ],
)
def test_zu_twins_stay_quiet(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # money held, or pictures sent, and kept secret from the family
        ("the lodger has got mum's bank card and she's not to tell her son", SAFEGUARDING),
        ("the new carer keeps borrowing cash off dad and says it's their little secret", SAFEGUARDING),
        # ...a PIN kept private, news kept for now, a surprise
        (
            "my daughter has my bank card for shopping, I asked her to, and I'm not to tell anyone my pin",
            None,
        ),
        ("she mustn't tell anyone about her diagnosis yet, she wants to tell the kids herself", None),
        ("we're keeping the party a secret from mum, it's a surprise", None),
    ],
)
def test_money_or_pictures_kept_secret(text: str, kind: str | None) -> None:
    assert _kind(text) == kind
