"""Session 33 (lead): found when the session's branches were stacked. Learning batch ZV made the
model check in about a wish to die on a carer's "her drinkin n her depression. she wants to stop,
she said it herself" (set12_08): wanting to stop a habit that is named, and "herself" said for
emphasis, are not the crisis theme. The same words about life itself still are."""

from __future__ import annotations

import pytest

from careplan.safety import detect
from careplan.vocab import CRISIS

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "her drinkin n her depression. she wants to stop, she said it herself",
        "my dad drinks every night and he's trying to stop, he told me himself",
        "mum says she wants to stop drinking, she asked for help herself",
        "i smoke too much and i want to quit",
    ],
)
def test_wanting_to_stop_a_named_habit_is_a_goal(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i drink to forget and i want it all to stop",
        "i drink too much and i want to stop everything",
        "she drinks and says she wants to end it all",
        "he said he wants to hurt himself",
    ],
)
def test_the_theme_said_beside_a_habit_still_counts(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == CRISIS
