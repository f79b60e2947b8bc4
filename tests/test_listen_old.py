"""Session 26 (listen_old): what sets 7 and 8 still missed. Pure functions, no servers."""

from __future__ import annotations

import pytest

from careplan import listen

CARER_OPEN = ["person_name", "preferred_name", "carer_relationship", "carer_basis", "person_present"]


@pytest.mark.parametrize(
    ("text", "here"),
    [
        ("He knows, he's sat next to me eating a Twix, he said tell them about the bus", True),
        ("Yes he know, he is here next to me but he don't like the phone", True),
        ("She knows and she has agreed, she is sitting right here with her tea watching me type", True),
        ("yes she knows, she's sat beside me with a cuppa telling me what to put", True),
        ("Yes he does, he is here with me now, he nod his head", True),
        ("yes hes here", True),
        ("she's in the room with us", True),
        ("she knows yeah, she asked me to do it, but she's at the day centre today", False),
        ("hes not here right now", False),
        ("shes not with me, she's asleep", False),
        ("he knows", None),
        ("she lives with me", None),
        ("she is with me most days", None),
        ("she is cross with me", None),
        ("Dad's here in Leeds and I'm in London", None),
        ("she is out of hospital now", None),
    ],
)
def test_with_them(text: str, here: bool | None) -> None:
    assert listen.with_them(text) is here


def test_heard_only_from_a_carer_while_open() -> None:
    said = "yes she knows, she's sat beside me"
    assert listen.hear(said, CARER_OPEN, asked="carer_basis", carer=True) == {"person_present": "yes"}
    assert listen.hear(said, CARER_OPEN[:-1], asked="carer_basis", carer=True) == {}
    assert "person_present" not in listen.hear("I'm sat here with my tea", CARER_OPEN, carer=False)
