"""What people say around a red flag once it has been answered (careplan/emergency_talk.py):
played down, driven to A&E, back on, protested, help asked for in writing, means at hand."""

from __future__ import annotations

import pytest

from careplan import emergency_talk
from careplan.vocab import CRISIS, SAFEGUARDING, URGENT


@pytest.mark.parametrize(
    ("text", "waved_away"),
    [
        ("honestly I get indigestion all the time, I've had a gaviscon. can we just carry on", True),
        ("no honestly I'm fine now, it's gone off, let's carry on", True),
        ("he says its just wind and hes fine now he doesnt want a fuss", True),
        ("its eased off now, probably nothing, carry on", True),
        ("thats gone now, mum says shes alright, dont make a fuss", True),
        ("it went away after 5 mins, i feel fine", True),
        ("her speech is back to normal now so lets carry on", True),
        # session 23: waved away in dialect or as "nothing" ("it's nowt" got "I'm glad")
        ("ah it's nowt lad, carry on", True),
        ("its nowt, dont fuss", True),
        ("it's nothing to worry about, let's get on", True),
        # someone qualified has looked: over, not waved away
        ("I'm ok now, they checked me over", False),
        ("the paramedics said it's just indigestion, we can carry on", False),
        ("111 said it's fine, carry on", False),
        ("paramedics have been, I'm ok now. let's carry on", False),
        ("false alarm, we're fine", False),
        ("can we carry on", False),
    ],
)
def test_an_emergency_waved_away_before_anyone_checked(text: str, waved_away: bool) -> None:
    assert emergency_talk.played_down(text) is waved_away


@pytest.mark.parametrize(
    ("text", "by_car"),
    [
        ("my son is driving me to A&E now", True),
        ("my husband's going to drive me to the hospital", True),
        ("we'll take him in the car, its quicker", True),
        ("my daughter is taking me to a and e", True),
        ("the neighbour is giving us a lift to hospital", True),
        ("we'll head to a&e ourselves", True),
        ("they've taken her in, they think it's sepsis", False),
        ("the paramedics are taking him to hospital", False),
        ("I used to drive buses", False),
    ],
)
def test_going_to_hospital_by_car(text: str, by_car: bool) -> None:
    assert emergency_talk.driven_in(text) is by_car


@pytest.mark.parametrize(
    ("text", "again"),
    [
        ("ok actually the pain is worse now and my husband says hes calling an ambulance", True),
        ("the ambulance is here, I have to go", True),
        ("oh god its back worse the crew are on their way again", True),
        ("the pain's come back now", True),
        ("my wife's ringing 999", True),
        ("paramedics are here", True),
        ("my son is driving me to A&E now", True),
        ("her speech is getting worse", True),
        # life answers after the pause, with words near an emergency's
        ("my family and my garden", False),
        ("being able to walk to the shop without getting out of breath", False),
        ("my walking has got worse since the winter", False),
        ("my breathing is worse in the cold", False),
        ("he used to drive an ambulance", False),
        ("I'm worried it will come back", False),
    ],
)
def test_the_emergency_back_on_after_the_chat_carried_on(text: str, again: bool) -> None:
    assert emergency_talk.back_on(text) is again


@pytest.mark.parametrize(
    ("text", "kind", "protested"),
    [
        ("wat? why did u say that about someone hurting me?? nobodys hurting me", SAFEGUARDING, True),
        ("no one is hurting me, what are you on about", SAFEGUARDING, True),
        ("eh? nobody hits her, I said she WANTS to get out more", SAFEGUARDING, True),
        ("why would you think that. im not being abused", SAFEGUARDING, True),
        ("I never said that, I'm not suicidal, I said I'm tired", CRISIS, True),
        ("it's been like that for months, the nurse knows, that's what the appointment's for", URGENT, True),
        ("the nurse dresses it twice a week, its been like this for years", URGENT, True),
        ("had it for ages, the district nurse is already on it", URGENT, True),
        # not protests: more of the same, or an old problem said after another kind of reply
        ("and he takes my money too", SAFEGUARDING, False),
        ("it's been like that for months", URGENT, False),
        ("it's been like that for months, the nurse knows", CRISIS, False),
        ("my garden and my grandchildren", SAFEGUARDING, False),
    ],
)
def test_a_protest_that_the_reply_misread_them(text: str, kind: str, protested: bool) -> None:
    assert emergency_talk.protest(text, kind) is protested


@pytest.mark.parametrize(
    ("text", "in_writing"),
    [
        ("i dont want to talk to phone, my english. can i write to someone?", True),
        ("is there someone i can text, i cant talk shes in the next room", True),
        ("can I email them instead", True),
        ("I can't speak on the phone", True),
        ("is there a number I can text", True),
        ("ok thank you. we continue", False),
        ("my kids and my work", False),
        ("I'll write it down for the nurse", False),
    ],
)
def test_help_asked_for_in_writing(text: str, in_writing: bool) -> None:
    assert emergency_talk.asks_in_writing(text) is in_writing


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("maybe i just end it, i have the tablets saved", True),
        ("she's been hoarding her sleeping tablets", True),
        ("I've been saving up my pills", True),
        ("I keep a knife by the bed", True),
        ("I want to end it all", False),
        ("I don't see the point of anything", False),
    ],
)
def test_a_way_to_hurt_themselves_at_hand(text: str, means: bool) -> None:
    assert emergency_talk.names_means(text) is means


@pytest.mark.parametrize(
    ("text", "now"),
    [
        # session 23: help called, coming or here, with no red flag said before (issue 13)
        ("sorry love the ambulance is on its way for my husband, he's took bad", True),
        ("the paramedics are here", True),
        ("hang on the ambulance has just arrived for mum", True),
        ("i've just rung 999 for my dad", True),
        ("my daughter is ringing 999 now, grandad's not right", True),
        ("we're waiting for an ambulance, she's gone a funny colour", True),
        ("the crew are with him now", True),
        ("ambulance outside, gotta go", True),
        # an ambulance talked about, not coming now
        ("the ambulance came last year when he fell", False),
        ("should I call an ambulance?", False),
        ("if it happens again I'll ring 999", False),
        ("my son is a paramedic", False),
        ("an ambulance went past with its lights on", False),
        ("I used to drive an ambulance", False),
        ("they had to call an ambulance for the man next door once", False),
        ("I'd like the ambulance service to know about my key safe", False),
    ],
)
def test_help_called_now_with_no_flag_before(text: str, now: bool) -> None:
    assert emergency_talk.help_called_now(text) is now
