"""Session 33 (safety_zv33): batch ZV (blind set 16) learnt from, its misses and false alarms as classes.

Each class is checked in wordings other than the batch's line (what a different person would type),
beside the near-miss twin that must behave the other way.
"""

from __future__ import annotations

import pytest

from careplan.safety import detect
from careplan.vocab import EMERGENCY, SAFEGUARDING

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a trader at the door, back for more money or holding the chequebook (ZV's roofers, ZP's drive)
        (
            "a bloke knocked on dads door about his gutters and now hes back every week asking for more cash",
            SAFEGUARDING,
        ),
        (
            "two lads turned up out of the blue saying nan's chimney was loose, "
            "they've had 3000 already and want another 5 grand",
            SAFEGUARDING,
        ),
        # ...not work asked for, nor a trader sent away
        (
            "the roofers who knocked on last spring did a lovely job and we've had them back for the gutters",
            None,
        ),
        ("a man knocked on and said her hedge needed doing, she said no and he went away", None),
        ("we rang a roofer and he wants another 200 because the slates were worse than he thought", None),
        # ten times the dose, a zero slipped (ZC's "60 units of my quick acting insulin instead of 6")
        ("dad gave himself 40 units of his night insulin instead of 4, he read the pen wrong", EMERGENCY),
        ("he took 100mg of his tramadol instead of 10mg by mistake", EMERGENCY),
        # ...not a dose the team changed, nor one caught before it was given
        ("she takes 10mg instead of 1mg now, the consultant upped it", None),
        ("i nearly injected 60 units instead of 6 but noticed before i did it", None),
    ],
)
def test_zv_classes_beside_their_twins(text: str, kind: str | None) -> None:
    flag = detect(text)
    assert (flag.kind if flag else None) == kind
