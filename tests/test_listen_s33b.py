"""Session 33 (listen_fix33): corrections and the read-back, from real people."""

from __future__ import annotations

import pytest

from careplan import listen

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("Hello dear, my daughter said I should try this before Ken's appointment", None),
        ("hello, my son told me to fill this in before the clinic", None),
        ("My granddaughter reckons this will help me get ready for Bert's appointment", None),
        ("its for my husband Bert", "wife or partner"),
        ("my husband said his knee hurts", "wife or partner"),
    ],
)
def test_who_sent_the_writer_is_not_who_it_is_for(text: str, relationship: str | None) -> None:
    """s32 tester: "my daughter said I should try this" made Joyce her husband's "parent"."""
    assert listen.hear(text, ["carer_relationship"], carer=True).get("carer_relationship") == relationship
