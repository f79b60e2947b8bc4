"""Session 29 (safety_z): the 111 tier and safeguarding told sideways, by class.

Batch ZP (careplan/safety_sets/safety_dev_zp.yml, written cold from categories) and batch ZO
(retired blind set 12) missed lines that shared a shape rather than words. Each class built for
them is checked here in other words than theirs, beside look-alikes that must stay quiet.
"""

from __future__ import annotations

import pytest

from careplan import safety, safety_model
from careplan.vocab import SAFEGUARDING, URGENT

pytestmark = pytest.mark.unit


def _kind(text: str) -> str | None:
    flag = safety.detect(text)
    return None if flag is None or flag.check_in else flag.kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a young person (13 to 17) who says their age and that home isn't safe
        (
            "I'm 14 and I sleep at my nans most nights because it's not safe when my mum's boyfriend is in",
            SAFEGUARDING,
        ),
        ("im 16 and theres never any food in, mum spends it all on drink", SAFEGUARDING),
        ("our lad is 15 and he's scared to go home when his dad's been drinking", SAFEGUARDING),
        (
            "I'm 13, I put my chest of drawers... no, a chair against my door at night because of my stepdad",
            SAFEGUARDING,
        ),
        ("I'm 16 and my mum's boyfriend is sound, he helps me with my driving lessons", None),
        ("I'm 15 and I'm staying at my mate's tonight because we've got a sleepover", None),
        # a phone taken or a caller turned away so the person can't reach anyone
        ("my son took the phone off mum so she can't ring any of us", SAFEGUARDING),
        ("her boyfriend has hidden her mobile so she can't text her sister", SAFEGUARDING),
        ("his wife answers his phone and says he's asleep, every single time, for weeks now", SAFEGUARDING),
        ("my son took my phone to fix the screen so I can't ring anyone till Friday", None),
        ("my daughter answers mum's phone when she's in the bath, she passes it over after", None),
        # a grip or squeeze that hurts, given when the person displeases
        ("my nephew squeezes my hand till it hurts if I argue with him", SAFEGUARDING),
        ("she grips his arm hard when he says the wrong thing at the shops", SAFEGUARDING),
        ("he twists my wrist till it hurts when I don't do what he says", SAFEGUARDING),
        ("my grandson squeezes my hand when we cross the road, bless him", None),
        ("the physio grips my arm hard when I'm getting up so I don't fall", None),
    ],
)
def test_safeguarding_told_sideways_by_class(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # one dose time's tablets taken or given at another as well
        ("I accidentally took my evening tablets in the morning as well as the morning ones", URGENT),
        ("the carer gave dad his night meds at teatime and then the night carer gave them too", URGENT),
        ("she had her bedtime tablets with breakfast as well, she got the boxes muddled", URGENT),
        ("she has her evening tablets at teatime now, the GP moved them", None),
        ("I take my morning tablets with breakfast and my evening ones at tea", None),
    ],
)
def test_a_dose_time_taken_at_another_as_well(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


def test_the_model_learns_the_111_tier_as_a_class_of_its_own() -> None:
    """Left out until session 29, the model knew nothing of the 111 tier: now its urgent lines
    are a class, so the model can hear one the rules miss, beside the rules."""
    texts, kinds = safety_model.training_examples(learnt=safety_model.URGENT_KINDS)
    assert kinds.count(URGENT) > 500 and set(kinds) == {URGENT, "none"}
    assert URGENT not in safety_model.training_examples()[1]  # the red-flag model's own
    assert safety.MODEL_MIN_CONFIDENCE[URGENT] >= 0.85


@pytest.mark.parametrize(
    "text",
    [
        # lived with, a question about a word, or treated: the model's 111 guess is not trusted
        "my ankles always swell in the hot weather, the GP knows",
        "what does it mean when wee is cloudy, just asking for a quiz",
        "she had a water infection and the antibiotics cleared it up",
        # already in hand: a supply on its way, a professional seeing them soon
        "my inhalers are ordered and ready on Friday, I've got one left till then",
        "his water tablets are being delivered tomorrow, he's enough to last till then",
    ],
)
def test_the_models_111_guess_is_checked_as_the_rules_are(text: str) -> None:
    assert _kind(text) is None
