"""Session 33 (safety_sg33): the red-flag harms real people hit in session 32, as classes.

Each in other wordings beside the twin that must behave the other way: a near-faint with low sugars is
111, not 999; new confusion with an infection already named is 111, not sepsis; whose risk it is when
someone else says or finds it, when someone else would be "better off without him", and when the one
named is the one lost; an older person made to keep the whole household; people listed; feeling like
oneself again.
"""

from __future__ import annotations

import pytest

from careplan.safety import detect
from careplan.vocab import CRISIS, EMERGENCY, SAFEGUARDING, URGENT

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a near-faint with low sugars: the GP or 111 today, not 999 (H126)
        ("my blood sugar keeps dropping and this morning i almost passed out", URGENT),
        ("her sugars have been going low all week and she nearly collapsed in the shower yesterday", URGENT),
        ("been having loads of hypos, nearly keeled over at the bus stop", URGENT),
        # ...with a sign of now: 999
        ("my sugars keep dropping and he almost passed out and now he won't wake up", EMERGENCY),
        ("she's had a hypo and passed out and isn't responding", EMERGENCY),
        ("my sugar dropped and i nearly passed out in the shower and my chest is tight", EMERGENCY),
        # new confusion with an infection already named: 111 today, not sepsis (H128)
        ("nan's gone really muddled since yesterday, the doctor thinks its a water infection", URGENT),
        ("dad's been all confused since the weekend, they think it's a uti", URGENT),
        ("grandad has been really muddled for two days, the gp says its a chest infection", URGENT),
        ("mum has been really confused since monday and she is on antibiotics for a water infection", URGENT),
        # ...with another sepsis sign, or sepsis named: 999
        ("the gp thinks she has sepsis, she's confused and has a water infection", EMERGENCY),
        ("mum's really confused, has a water infection and a rash that won't fade under a glass", EMERGENCY),
        ("mum is confused and has a water infection and a high temperature", EMERGENCY),
        ("dad has a uti and he's confused and shivering", EMERGENCY),
        ("mum is confused and has a water infection and her skin is mottled", EMERGENCY),
        # an older person made to keep the whole household, and harmed by it (H130)
        (
            "she's got mum doing all the cooking and cleaning for the whole family and mum's 86"
            " with a bad hip, she cries",
            SAFEGUARDING,
        ),
        (
            "my sister in law has nan doing all the washing and ironing for her kids and nan is 90"
            " and exhausted",
            SAFEGUARDING,
        ),
        (
            "they've got grandad doing all the school runs and dinners for the whole lot of them and"
            " he can barely walk",
            SAFEGUARDING,
        ),
        # ...told warmly, or the household listed: nothing
        ("mum's 86 and still does all the cooking for the whole family, she loves it", None),
        ("we've got nan doing all the baking for the whole family this christmas, she insists", None),
        ("me and my little brother jayden. and her mum, my nan, who lives in wales", None),
        ("just me and my two sisters. and our gran who lives up the road", None),
        ("me and my husband, and his mum who lives with us", None),
        # ...but people listed beside harm still flag
        ("me and my son. he hits me when he's drunk", SAFEGUARDING),
        ("me and my dad, he takes all my money", SAFEGUARDING),
        # feeling like oneself again is a hope, not a risk; "do himself in" still is
        ("he wants to feel like himself", None),
        ("i just want to be myself again", None),
        ("so she can get back to her old self", None),
        ("he wants to do himself in", CRISIS),
    ],
)
def test_the_kind_of_flag(text: str, kind: str | None) -> None:
    flag = detect(text)
    assert (flag.kind if flag else None) == kind
    if kind == URGENT:
        assert EMERGENCY not in flag.kinds


@pytest.mark.parametrize(
    ("text", "about_other"),
    [
        # someone else saying or finding it: still the writer's risk (H127)
        ("my partner says im suicidal", False),
        ("my mum thinks im suicidal", False),
        ("my sister reckons ive been self harming again", False),
        ("my brother found the tablets id saved up", False),
        ("mum found the razor blades ive been hiding", False),
        # the one others would be without is the one at risk
        ("he says we'd be better off without him", True),
        ("my dad keeps saying we would all be better off without him", True),
        ("she says the family would be happier without her", True),
        ("i think my son is suicidal", True),
        # the one lost is not the one at risk (None: the writer's own chat reads it as theirs)
        ("whats the point of it all now hes gone", None),
        ("i dont see the point any more now my wife has passed", False),
    ],
)
def test_whose_risk(text: str, about_other: bool | None) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == CRISIS
    assert flag.about_other is about_other
