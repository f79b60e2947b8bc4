"""Session 34 (listen_fix34): the answer to "Is this new today?", asked of a stroke sign after a
stroke was told, is that answer (H172). Conversations: messy_s34d_02 and messy_s34d_03."""

from __future__ import annotations

import pytest

from careplan import emergency_talk, safety

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "new"),
    [
        # the person's own line, then other ways of saying each
        ("no its from strok last yr. not new", False),
        ("nah, been like that since the stroke in may", False),
        ("not new no, months now", False),
        ("same as always", False),
        ("yes it only started this morning", True),
        ("its new, came on at breakfast", True),
        ("been like it since the stroke but worse today", True),  # old and new: 999 is the safe side
        ("so i can get my own paper", None),  # the answer to the question asked with it
    ],
)
def test_is_it_new_after_a_stroke(text: str, new: bool | None) -> None:
    assert emergency_talk.new_since_stroke(text) is new


def test_stroke_in_may_is_a_past_stroke() -> None:
    assert safety.names_past_stroke("review after my stroke in may")
    assert not safety.names_past_stroke("she may have had a stroke")
