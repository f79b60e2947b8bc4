"""Session 34 (safety_zw34): batch ZW (blind set 17) learnt from, its false alarms and misses as classes.

Each class is checked in wordings other than the batch's line (what a different person would type),
beside the near twin that must behave the other way.
"""

from __future__ import annotations

import pytest

from careplan.safety import detect
from careplan.vocab import CRISIS, EMERGENCY, SAFEGUARDING, URGENT

pytestmark = pytest.mark.unit
# a crisis check-in ("do you mean you're finding it hard to cope, or that you might hurt yourself?")
CHECK_IN = "check-in"


def _said(text: str) -> str | None:
    flag = detect(text)
    return CHECK_IN if flag and flag.check_in else flag.kind if flag else None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # neglect by the old agency or home, a new one praised (ZW: "the old care agency were awful ...
        # we changed to a new one in june and they're great")
        (
            "the last carers used to leave dad in a wet pad all night, we switched to a different agency"
            " and they're lovely",
            None,
        ),
        (
            "previous home left mum in her chair all day, we moved her to another home in the spring"
            " and it's brilliant",
            None,
        ),
        # ...the new one no better, or doing it now: still neglect
        (
            "the old agency left her for hours and we changed to a new one but they're just as bad",
            SAFEGUARDING,
        ),
        ("we changed to a new agency and they leave her in her chair all day", SAFEGUARDING),
        # a device fault the nurse has put right (ZW: "the catheter bag was leaking at the tap, the district
        # nurse came and fixed it this morning")
        ("his catheter stopped draining on sunday but the nurse came out and changed it, all fine now", None),
        ("mum's catheter was blocked yesterday, the district nurses unblocked it in the afternoon", None),
        ("dad's catheter is blocked and nothing is coming out", URGENT),
        # a stroke sign denied inside its own words (ZW: "her speech isn't slurred, she's always talked slow")
        ("his words aren't jumbled, he's just quiet since the ms", None),
        ("dad's speech is not slurred at all, he's always mumbled", None),
        ("his speech has gone slurred and his face is drooping", EMERGENCY),
        # chest pains with nerves, checked again and again (ZW: "ECG always normal")
        ("my chest goes tight when i panic, the heart tests always come back normal", None),
        ("i get chest pains when im stressed, ecgs always fine", None),
        ("i've got chest pain now and my arm hurts", EMERGENCY),
        # medicines kept in order for someone, and thanked for (ZW: "my daughter controls my tablets, she
        # fills the dosette box every sunday, i'd be lost without her")
        ("my son controls all my meds now, he does the blister packs, couldn't manage without him", None),
        (
            "my husband controls my insulin since my eyes went, he reminds me every meal, thank god for him",
            None,
        ),
        ("my daughter controls my tablets and won't give me my painkillers when I ask", SAFEGUARDING),
        # a child's phone taken at bedtime so they sleep (ZW: "takes my phone off me at 9 on school nights")
        ("dad takes my phone off me at bedtime so i'm not on it all night, harsh but fair", None),
        ("mam keeps my phone downstairs on school nights so i get some sleep", None),
        ("my boyfriend takes my phone so i can't ring my friends", SAFEGUARDING),
        # a child's temperature brought down, feeding or drinking as usual (ZW: "the baby's got a
        # temperature of 38 but she's feeding fine and the calpol brought it down")
        ("my toddler has a fever but he's drinking fine and the nurofen got it down", None),
        (
            "the little one had a temperature of 38.5 but the calpol brought it down and she's feeding well",
            None,
        ),
        # ...never under three months, nor beside a sign of being unwell
        (
            "my 6 week old baby has a temperature of 38 but she's feeding fine and the calpol brought it"
            " down",
            URGENT,
        ),
        ("the baby's got a temperature, the calpol brought it down but she's not feeding", URGENT),
        # ...nor for "the baby" whose age is not said: under three months is red whatever else (the lead,
        # session 34: ZW's own line stays a false alarm on purpose)
        ("the baby's got a temperature of 38 but she's feeding fine and the calpol brought it down", URGENT),
        ("baby has a temp, calpol got it down and she's feeding ok", URGENT),
        ("my 7 month old baby had a temperature but the calpol brought it down and she's feeding fine", None),
    ],
)
def test_zw_false_alarms_by_class_beside_their_twins(text: str, kind: str | None) -> None:
    assert _said(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # one leg far bigger than the other, the calf sore or the person laid up (ZW: "ankle is twice the
        # size of the other one and her calf is tender, she's been in bed for a fortnight")
        (
            "his left calf is much bigger than the other one and it's sore, he's hardly moved since the op",
            URGENT,
        ),
        (
            "my right leg's gone twice the size of my other leg and the calf aches,"
            " been stuck in bed with covid",
            URGENT,
        ),
        ("her ankle's always been bigger than the other since she broke it years ago", None),
        # a bug for days and no wee (ZW: "diarrhoea for 4 days now and she hasn't weed since this morning")
        ("mum's had the runs since monday and she's not passed any water today", URGENT),
        ("he's been sick for three days and hardly had a wee since yesterday", URGENT),
        ("she had diarrhoea for 4 days last month, all fine now", None),
        # death wished rather than living on with the pain, the means thought through (ZW: "i'd rather be
        # dead than keep living with this pain, and i've thought about how"): the crisis reply at once
        ("honestly i'd sooner die than carry on with this pain every day, i've looked up ways", CRISIS),
        ("she says she'd rather be dead than live another year like this", CHECK_IN),
        ("i'd rather die than use a stick", None),
        ("i can't go on like this with the noise next door", None),
        # "done with everything" with the "I'm" left out (ZW: "i'm done. just done with everything")
        ("i'm tired. so done with it all", CHECK_IN),
        ("cant sleep, cant eat. just done with everything.", CHECK_IN),
        ("just done with the ironing.", None),
        # self-harm told with how it is lived with, in another sentence (ZW: "i cut myself last night. not
        # deep, dont need a doctor, its just how i cope")
        ("my daughter cut herself on saturday. she says it's how she copes with school", CRISIS),
        ("i burned myself with a lighter last week. nobody knows, i hide it under long sleeves", CRISIS),
        ("she cut herself on a tin last night, not deep, dont need a doctor", None),
        ("i cut myself chopping onions, not deep, dont need stitches", None),
        # someone who keeps coming into the home and takes (ZW: "the man upstairs keeps coming in my flat and
        # taking my food and money")
        (
            "the lad next door keeps coming round to my house and eating my food, says we're mates",
            SAFEGUARDING,
        ),
        (
            "a woman from the pub is always turning up at mum's flat and taking her pension,"
            " mum says she's a friend",
            SAFEGUARDING,
        ),
        ("my grandson keeps coming round to my house and helps himself to biscuits, bless him", None),
        # papers held and made to work unpaid (ZW: "my husband family take my passport and say I must work in
        # their shop with no money")
        ("my in-laws have got my passport and i have to work in their takeaway for nothing", SAFEGUARDING),
        (
            "the family she lives with hold her papers, she cooks and cleans for them all day"
            " and never gets any pay",
            SAFEGUARDING,
        ),
        ("my husband keeps our passports in the safe at home", None),
        ("the travel agent has my passport for the visa and i can't go out much with my knee", None),
        # a carer who hurt the person once and fears doing worse (ZW: "i slapped him once when he bit me. i'm
        # frightened i'll do worse")
        (
            "i'm her carer and i pushed her last week when she wouldn't stop shouting,"
            " i'm scared i'll do it again",
            SAFEGUARDING,
        ),
        (
            "i grabbed mum's arm too hard yesterday and left marks. i'm worried what i might do next time",
            SAFEGUARDING,
        ),
        ("i grabbed him when he slipped, i'm scared i'll drop him one day", None),
        # nobody turns someone in bed (ZW: "nobody turns her, the sore on her heel is down to the bone")
        ("the carers never turn dad in bed and now he's got a pressure sore on his bottom", SAFEGUARDING),
        ("they don't reposition him at the home, he's been lying on the same side for days", SAFEGUARDING),
        ("the nurses turn her every two hours, she's very well looked after", None),
        ("i can't turn him on my own, the carers help me", None),
    ],
)
def test_zw_misses_by_class_beside_their_twins(text: str, kind: str | None) -> None:
    assert _said(text) == kind


def test_the_carer_and_fear_rule_reads_the_fear_not_the_old_harm() -> None:
    """The harm is past ("once"); the rule is read at the fear, which is now."""
    flag = detect(
        "i look after my dad and i shoved him once when he spat at me. i'm terrified i'll really hurt him"
    )
    assert flag is not None and flag.kind == SAFEGUARDING


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # more wordings of the same classes, found by writing more twins (part 3)
        ("her speech is fine, no slurring, she's always spoken slowly", None),
        ("his words were never slurred, he just talks quietly", None),
        ("i get chest pains with anxiety, ecg normal every time, had loads of tests", None),
        (
            "chest gets tight when i'm anxious, the doctors have checked my heart loads of times, all fine",
            None,
        ),
        ("the heart tests were normal but this chest pain is different, it's going down my arm", EMERGENCY),
        ("she's so done with it all, she keeps saying it", CHECK_IN),
        ("he's so done with the garden this year, it's too much", None),
    ],
)
def test_zw_classes_in_more_wordings(text: str, kind: str | None) -> None:
    assert _said(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "can't go on like this" or "end of my tether" with the pain: the check-in, as for an illness (the
        # pain sat beside the noise and the traffic as an everyday nuisance, found beside ZW's "rather be
        # dead than keep living with this pain")
        ("I can't go on like this with the pain in my hip", CHECK_IN),
        ("I'm at the end of my tether with the pain, nothing the GP gives me works", CHECK_IN),
        ("she can't go on like this with the pain in her back, she says", CHECK_IN),
        # ...a nuisance still is one
        ("can't go on like this with the noise next door", None),
        ("at the end of my tether with the printer", None),
        ("the pain is bad but i can't go on holiday with it", None),
    ],
)
def test_cant_go_on_with_the_pain_gets_the_check_in(text: str, kind: str | None) -> None:
    assert _said(text) == kind
