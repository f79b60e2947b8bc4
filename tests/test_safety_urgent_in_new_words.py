"""Session 25 (safety_q): the 111 tier and 999 told in new words, by class.

Each class that batch ZD (careplan/safety_sets/safety_dev_zd.yml) showed missing is checked
here in other words than ZD's, beside look-alikes that must stay quiet: the same body part
lived with, over and treated, a worry about what may come, or an everyday use of the word.
"""

from __future__ import annotations

import pytest

from careplan import safety
from careplan.vocab import EMERGENCY, URGENT


def _kind(text: str) -> str | None:
    flag = safety.detect(text)
    return flag.kind if flag else None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # water works: a burning or bloody wee said plainly, in second-language grammar, a bag empty
        ("it feels like passing broken glass when I wee, since yesterday", URGENT),
        ("her wee is pink and she keeps going to the loo", URGENT),
        ("mum says it burns when she passes urine and she has a temperature", URGENT),
        ("his catheter's been dry since breakfast and his tummy is swollen", URGENT),
        ("I wee a lot in the night, it's the water tablets", None),
        # breathing worse over days: a flare, the phlegm changed, more and more breathless
        ("her asthma is playing up today, she's on the blue inhaler every two hours", URGENT),
        ("his COPD's worse this week and the phlegm has gone yellow", URGENT),
        ("since then he's got more and more breathless and coughs all night", URGENT),
        ("he's been sleeping on four pillows since last week to breathe and his feet are puffy", URGENT),
        ("my asthma's always worse in the winter", None),
        ("I've had COPD for years, the stairs puff me out, that's normal for me", None),
        # diabetes out of control, and sick with it
        ("my husband's sugars have been in the thirties since last night", URGENT),
        ("he's type 2 and has had a vomiting bug since Tuesday, his sugars are all over the place", URGENT),
        ("the ketone meter says 2.1 and I feel rough", URGENT),
        ("what if the sugar goes too low when he's asleep", None),
        # pain the medicines no longer hold
        ("the oramorph isn't holding his pain any more, he can't settle", URGENT),
        ("her painkillers wear off too quickly now and she's in agony by teatime", URGENT),
        ("my hip pain is unbearable even with the co-codamol, since yesterday", URGENT),
        ("painkillers don't help my knees much but I've had arthritis for years", None),
        ("he's on patches for the pain and they're working well", None),
        # skin, wounds, a hot lump, the ear
        ("there's a hot painful lump on her back that's getting bigger", URGENT),
        ("I think I've got a tooth abscess, my gum is throbbing", URGENT),
        ("the sore on his heel is oozing and has started to pong", URGENT),
        ("green stuff is coming out of my son's ear and he's crying with it", URGENT),
        ("my daughter's ear is leaking yellow gunk since this morning", URGENT),
        ("the nurse said his ear is full of wax", None),
        ("the burn on my finger from the oven tray is healing nicely", None),
        # new confusion, and seeing things, against what someone lives with
        ("mum's started seeing children in the garden who aren't there, that's new since Sunday", URGENT),
        ("he keeps talking to people who aren't there since yesterday", URGENT),
        ("my mother she is muddled more than before, two days she call me by my sister's name", URGENT),
        ("not herself since Friday, keeps asking what day it is and she's normally on the ball", URGENT),
        ("she sees people who aren't there, it's the Lewy body dementia, she's had it four years", None),
        # a fall, then the hurt
        ("she took a tumble in town this morning and her wrist is killing her", URGENT),
        ("dad went down on the ice earlier and now he can't bear weight on his left leg", URGENT),
        ("my mam she fall on the stairs yesterday, her arm is swollen and she cannot lift it", URGENT),
        ("two weeks ago he have a fall, now he is fine", None),
        # medicines run out, lost, broken or brought back up
        ("I forgot my inhaler at my daughter's and I've got no inhaler left at home", URGENT),
        ("he brought his epilepsy tablets back up this morning", URGENT),
        ("my Parkinson's tablets finished yesterday and the chemist hasn't got any", URGENT),
        ("the chemist says her warfarin prescription hasn't come through and she's run out", URGENT),
        ("I keep my inhaler in my handbag", None),
        ("my pen is broken, can you send the form by post", None),
        # eyes, tummy, children, a nosebleed that won't settle
        ("her eye is swollen shut and red since last night", URGENT),
        ("a splash of bleach went in my eye when I was cleaning, it's stinging", URGENT),
        ("dark blood through his poo this morning and he's pale", URGENT),
        ("runny poo about eight times since yesterday and I feel faint when I stand", URGENT),
        ("my 4 year old has had a temperature for three nights and a cough", URGENT),
        ("the little one pushed a pea into her ear and we can't get it out", URGENT),
        ("nosebleeds on and off all day, she's on warfarin", URGENT),
        ("the baby had a temperature after her jabs yesterday", None),
        ("how high does a baby's temperature have to be before I worry?", None),
        ("how hot is too hot for a baby with a fever?", None),
        ("he had a nosebleed at school last week", None),
    ],
    ids=lambda value: value[:40] if isinstance(value, str) else str(value),
)
def test_session_25_111_classes(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a 999 event over, told in non-standard grammar or with a time that says it is over
        ("he have heart attack in September and now is at home", None),
        ("last year she get stroke but now she walk with stick", None),
        ("he had heart attack two weeks ago, now he is home from hospital", None),
        ("my mother she was in hospital with sepsis two summers ago", None),
        ("he was very confused in hospital last month with a UTI but he's back to himself now", None),
        ("she was choking on her food a lot before the speech therapist came, now it's fine", None),
        # ...but the same words happening now still get 999
        ("he have heart attack now, the pain is in his chest and arm", EMERGENCY),
        ("she get stroke now, her face is drop on one side", EMERGENCY),
        # a fear of what may come is a worry, not a 999 event
        ("He is scared of the chest pain coming in the car far from the hospital. Me too.", None),
        ("I'm frightened of the chest pain starting when I'm driving on my own", None),
        ("she's terrified of another fit happening at the shops", None),
        # ...but fear said beside a sign happening now is not
        ("I'm scared of the chest pain, it's crushing and it's going down my arm", EMERGENCY),
        ("he is scared, the chest pain is coming now and he is sweating", EMERGENCY),
        # an allergy told as known, and a story from social media, are not 999 now
        ("my anaphylaxis was to penicillin, it's on my records and I carry two pens", None),
        ("her anaphylaxis is to wasps, we keep the pens in the car", None),
        ("saw on Facebook that a paracetamol overdose wrecks your liver, is that true? just curious", None),
        ("read online that sepsis can start from a small cut, is that right?", None),
        ("his lips are swelling up, he carries two pens but I can't find them", EMERGENCY),
        # ZC's 999 misses by class: "can't cough it up" is not "coughed it up"; a leg "turned out"
        # after a fall is a broken hip, not "it turned out fine"
        ("she's choking on a sweet and can't cough it up", EMERGENCY),
        ("he's choking on his dinner, he cannot cough it out and he's gone red", EMERGENCY),
        ("she choked on a crisp but coughed it up fine", None),
        ("mum slipped in the bathroom, her hip hurts and her leg is shorter than the other one", EMERGENCY),
        ("dad's fallen in the garden, his foot is all twisted out and he's in agony", EMERGENCY),
        ("it turned out to be indigestion, the chest pain", None),
    ],
    ids=lambda value: value[:40] if isinstance(value, str) else str(value),
)
def test_session_25_past_events_and_fears_are_not_999_now(text: str, kind: str | None) -> None:
    assert _kind(text) == kind
