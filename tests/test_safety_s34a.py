"""Session 34 (safety_zw34): batch ZW (blind set 17) learnt from, its false alarms and misses as classes.

Each class is checked in wordings other than the batch's line (what a different person would type),
beside the near twin that must behave the other way.
"""

from __future__ import annotations

import pytest

from careplan.safety import detect
from careplan.vocab import EMERGENCY, SAFEGUARDING, URGENT

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
    ],
)
def test_zw_false_alarms_by_class_beside_their_twins(text: str, kind: str | None) -> None:
    assert _said(text) == kind
