"""Session 27 (safety_v): the 111 tier, safeguarding told sideways, and false alarms, by class.

Each class that batch ZK (careplan/safety_sets/safety_dev_zk.yml, written cold) and batch ZI
(retired blind set 10) showed missing is checked here in other words than theirs, beside
look-alikes that must stay quiet: the past and over, a pattern the GP knows, money help agreed,
a family joke, a complaint about a service, "fine now".
"""

from __future__ import annotations

import pytest

from careplan import safety
from careplan.vocab import EMERGENCY, SAFEGUARDING, URGENT

pytestmark = pytest.mark.unit


def _kind(text: str) -> str | None:
    flag = safety.detect(text)
    return None if flag is None or flag.check_in else flag.kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # going downhill, weaker or more swollen by the day
        ("dad's been going downhill all week, hardly eating and sleeping most of the day", URGENT),
        ("she's getting weaker every day, this morning she couldn't stand up to get dressed", URGENT),
        ("his legs are swelling up more each day and his shoes won't go on now", URGENT),
        (
            "mum's been slowly going downhill for a couple of years "
            "with the dementia, the memory clinic knows",
            None,
        ),
        ("I'm getting stronger every day since the physio started", None),
        ("the garden's gone downhill since I stopped doing it myself", None),
        # not drinking, or nothing staying down
        ("he's barely had a drink in two days and his wee is really dark", URGENT),
        (
            "nan won't drink, she's had a few sips all day and hasn't been to the loo since this morning",
            URGENT,
        ),
        ("I can't keep anything down since friday, not even water", URGENT),
        ("I don't drink enough water, I know I should", None),
        ("she was sick over the christmas holidays for a day, fine since", None),
        # the runs or sickness for days, and faint or dizzy
        ("been sick with the runs for three days and I feel faint when I get up", URGENT),
        ("a whole week of diarrhoea now and she's light headed standing up", URGENT),
        ("had the runs for a day last month after a takeaway, all good since", None),
        # a medicine that must not stop, run out or stopped
        ("my parkinson's tablets have run out and the chemist can't get them till thursday", URGENT),
        ("I've got no clozapine left and I can't get to the clinic till next week", URGENT),
        (
            "his pain patch came off in the bath and we haven't got a spare "
            "till the nurse comes tomorrow, he's in agony",
            URGENT,
        ),
        ("I stopped my sertraline all at once when I ran out and now I'm dizzy and feel awful", URGENT),
        (
            "finished her prednisolone yesterday and the repeat hasn't "
            "been done, she has to take it every day",
            URGENT,
        ),
        ("I've no inhalers left and I'm wheezy and puffing more than usual", URGENT),
        ("I've run out of cotton wool pads again", None),
        ("my steroid tablets are ordered and ready tomorrow, I've two days left", None),
        ("I ran out of my inhaler once years ago and learnt my lesson", None),
        # new confusion, drowsy, seeing things since a new medicine
        ("since last night mum keeps asking where she is and who I am, she was fine on saturday", URGENT),
        ("he's very sleepy and muddled today, he's not right at all", URGENT),
        ("she's started seeing children in the garden since the new patch and it scares her", URGENT),
        ("mum gets muddled about what day it is, she's had dementia for years", None),
        ("I'm a bit muddled about the appointment time, is it ten or half ten?", None),
        # a sore or wound that has turned
        ("his pressure sore has got bigger and gone black in the middle", URGENT),
        ("the stitches in my knee are red and weeping and it's getting more painful", URGENT),
        ("the nurse hasn't been to change the dressing for four days and it's started to smell", URGENT),
        ("my big toe is swollen and there's pus coming out round the nail, it's throbbing", URGENT),
        ("the wound is healing and the nurse is happy with it", None),
        ("my stitches came out on tuesday and it looks good", None),
        # sugars the meter can't read, hypos again and again
        ("my meter just says HI and I'm so thirsty", URGENT),
        ("she's had two hypos today and another last night, she's shaky again", URGENT),
        ("I had a hypo last month after gardening, I keep jelly babies in my pocket now", None),
        # can't pass water, the tummy hard
        ("he hasn't been able to wee since this morning and his tummy is hard and sore", URGENT),
        ("my husband cannot pass urine since morning and the belly is hard", URGENT),
        ("I need to wee a lot at night, the doctor knows", None),
        # fever and shaking, not right for days
        ("me dad's burnin up and shiverin, not been right for two days", URGENT),
        ("I was shivering at the bus stop this morning, it was freezing", None),
        # pain and blood passing water; a lump that won't go back
        ("since this morning it really hurts when I pee and there's blood in it", URGENT),
        ("the lump in my groin is sore and won't pop back in", URGENT),
        ("I've got a hernia that pops in and out, I'm on the list for the op", None),
    ],
)
def test_the_111_tier_in_new_words(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a card or PIN given for one thing, and money gone
        (
            "she told the window cleaner her PIN so he could get her cash and now her account's nearly empty",
            SAFEGUARDING,
        ),
        ("gave my card to the lad upstairs to get my shopping and there's £300 gone", SAFEGUARDING),
        ("I gave my grandson my PIN to get my pension out and he brings me the receipt", None),
        # a relative who handles everything, and the person kept from others or afraid
        (
            "my brother deals with everything for mum now, we can't "
            "phone her any more and she sounds frightened",
            SAFEGUARDING,
        ),
        ("my sister handles everything for dad, she rings us every sunday with his news", None),
        # letters kept, debts the person knows nothing of
        (
            "my son takes all my post and now the bank keeps ringing about debts I know nothing about",
            SAFEGUARDING,
        ),
        ("my daughter reads my post to me because my eyes are bad", None),
        # food: none in for the person, or given as a reward
        ("her son lives with her and eats everything, there's never any food in for her", SAFEGUARDING),
        ("I only get my tea if I've behaved, he says", SAFEGUARDING),
        ("my son does my shopping and fills the fridge for me", None),
        # made to sign and not shown
        ("he got mum to sign papers about her bungalow and he won't let us see them", SAFEGUARDING),
        ("mum signed the papers for the house sale at the solicitor's with me there", None),
        # visits written up and not made, the person going without
        (
            "the carers only stay five minutes but write that they were "
            "here half an hour, and dad's going hungry",
            SAFEGUARDING,
        ),
        ("the carers write in the book at every visit so we can see what's been done", None),
        # a card held since a time past, and going without now (set9_10)
        (
            "our darren's had mams bank card since her fall in the summer n "
            "she's always skint now, no food in wen i go round",
            SAFEGUARDING,
        ),
        ("my son's had my bank card since my stroke and I've not had a penny of my own since", SAFEGUARDING),
        (
            "my son has had my bank card since my stroke, he does my shopping and shows me the statements",
            None,
        ),
        # money held "to look after it", and the bills cut off or living on toast
        (
            "my nephew is looking after mum's money but her gas has been cut off and she's down to toast",
            SAFEGUARDING,
        ),
        ("she collects my pension and gives me ten pounds a week if she remembers", SAFEGUARDING),
        ("the appointee manages my benefits and I get my money every friday", None),
        (
            "my daughter looks after my money and the electric got cut "
            "off because I forgot to send the reading",
            None,
        ),
    ],
)
def test_safeguarding_told_sideways(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a family joke: a threat over a biscuit, a game, being late, with a handbag
        ("my wife says she'll kill me if I have another slice of cake, she's the sugar police", None),
        ("grandad says he'll lock us in the coal shed if we beat him at dominoes again", None),
        (
            "mum threatens to cut me out of the will every time I "
            "forget to ring, she's been saying it for years",
            None,
        ),
        ("nan threatens to batter me with her handbag if i'm late, she's 92 and about four foot ten", None),
        ("auntie says she'll wallop me with her slipper if I don't eat my greens, she's a scream", None),
        # ...a real threat stays
        ("he threatens to hit me if I tell anyone", SAFEGUARDING),
        ("my son threatens me when he's had a drink and I'm scared of him", SAFEGUARDING),
        ("she says she'll lock me in my room if I go out again without asking", SAFEGUARDING),
        # the council, the bins, the services
        ("I rang the council about the bins again, they still haven't come", None),
        ("the bin men never turn up on our road, three weeks now", None),
        ("the carers never turn up and mum's left in bed all day", SAFEGUARDING),
        # a sign in the past, looked into and found
        ("the blood in my poo was back in june, they did a camera and it was piles", None),
        ("the chest pains were in march, they did tests and it was indigestion", None),
        # choking told as over
        ("I was choking on a sweet earlier, it went down the wrong way, I'm fine, had a drink", None),
        ("he's choking on a sweet and can't breathe", EMERGENCY),
        # a chest pain on effort the GP knows and that has been the same for a year
        (
            "I get chest pain walking up hills and it goes when I rest, "
            "the GP knows and it's been the same for a year",
            None,
        ),
        ("I get chest pain walking up hills and it's worse this week, it comes on sooner", EMERGENCY),
        # sickness over and done
        (
            "had a bad stomach bug over the summer, couldn't keep anything down for a day, all good since",
            None,
        ),
    ],
)
def test_false_alarms_by_class(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a message with no subject that starts "can't" is no question about a sign in general
        ("can't keep anything down since tuesday, even the tea comes back", URGENT),
        ("can't wee since this morning and my tummy is swollen and sore", URGENT),
        ("can a cut get infected from a dog lick?", None),
        # the carers' own book is not a book being read
        (
            "the carers leave after ten minutes and sign the book to say they stayed the full hour",
            SAFEGUARDING,
        ),
        ("I'm reading a book about a woman whose carers neglected her", None),
        # the catheter blocked and no wee, the tummy hard: no longer turned away by its own sign
        ("his catheter is blocked and he can't pee, his tummy is swollen and sore", URGENT),
        # someone listening in, and funny about who the person talks to (batch ZC, heard again)
        (
            "ring me on my mobile, my husband listens in on the landline and gets nasty about who I ring",
            SAFEGUARDING,
        ),
        ("my son listens in when I'm on the phone to the bank, to help me with the numbers", None),
    ],
)
def test_parse_and_cue_slips_found_on_the_way(text: str, kind: str | None) -> None:
    assert _kind(text) == kind
