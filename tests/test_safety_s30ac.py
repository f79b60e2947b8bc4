"""Session 30 (safety_ac): false alarms and misses of batch ZR (retired blind set 13), by class.

Each class is checked in other words than the line that showed it, beside look-alikes that must
keep (or stay without) their flag.
"""

from __future__ import annotations

import pytest

from careplan import safety
from careplan.vocab import SAFEGUARDING

pytestmark = pytest.mark.unit


def _kind(text: str) -> str | None:
    flag = safety.detect(text)
    return None if flag is None or flag.check_in else flag.kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a carer asking for a break, a sitter or a group is what would help, never safeguarding
        # (set5_07: "a night off now and then. and a carers group where I'm not the only man")
        ("a night off now and then. and a carers group where I'm not the only man", None),
        (
            "A break. Even one night a week where someone else is on. And someone to talk to who gets it.",
            None,
        ),
        ("some respite, a sitter for a few hours so I can get to the shops on my own", None),
        ("a weekend away without worrying, and somebody to talk to who's been through it", None),
        ("an afternoon to myself once a week, maybe a support group for carers of men with dementia", None),
        # ...but a break asked for from harm is still harm
        ("I need a break from him, he hits me when he's had a drink", SAFEGUARDING),
        ("a night off from her screaming at me and helping herself to my pension", SAFEGUARDING),
    ],
)
def test_a_carers_wish_for_a_break_is_no_disclosure(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        # what matters to someone, told by a carer, with no word of harm, money or control (set6_02)
        "Her garden and her church. And her tea made properly, in a cup and saucer, not a mug! She still "
        "knows all the hymns even when she doesn't know what day it is.",
        "Her cats and her soaps. And her coffee strong, not that instant muck! She still sings along to the "
        "radio even on bad days when she doesn't know me.",
        "His allotment and his pigeons. He still knows every bird by name even when he forgets who I am.",
    ],
)
def test_what_matters_to_them_is_no_disclosure(text: str) -> None:
    assert _kind(text) is None


def test_speaking_freely_only_while_someone_is_away() -> None:
    """...but speaking freely only while someone is away is control, with no word of harm (batch ZC)."""
    text = "can the appointment be on a Wednesday, that's when Kev is at work and I can say what I want"
    assert _kind(text) == SAFEGUARDING
