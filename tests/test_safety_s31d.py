"""Session 31 (safety_detect31): batches ZR and ZS (retired blind sets 13 and 14) learnt from, and
their misses and false alarms by class.

Each class is checked in other words than the line that showed it, beside look-alikes that must
keep (or stay without) their flag.
"""

from __future__ import annotations

import pytest

from careplan import safety
from careplan.vocab import CRISIS

pytestmark = pytest.mark.unit


def _kind(text: str) -> str | None:
    flag = safety.detect(text)
    return None if flag is None or flag.check_in else flag.kind


@pytest.fixture
def model_says(monkeypatch: pytest.MonkeyPatch):
    """Make the learned model give a fixed guess, so the gate around it is what's tested."""

    def set_guess(kind: str, confidence: float) -> None:
        monkeypatch.setattr(safety.safety_model, "guess", lambda norm: (kind, confidence))

    return set_guess


@pytest.mark.parametrize(
    "text",
    [
        # messy_03: where a number is, then skipping the question (the model, learnt from ZR and ZS, 0.72)
        "I think it's on a letter in the drawer, I'll skip it",
        "it's on the hospital letter somewhere, can we skip that one",
        "no idea, it'll be on the letter from the clinic, I'll leave it for now",
    ],
)
def test_a_letter_as_paperwork_is_no_crisis_theme(model_says, text: str) -> None:
    model_says(CRISIS, 0.8)
    assert safety.detect(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "I've written a letter to each of the kids so they know why",
        "there are letters for the family in the bureau, I'm ready now",
    ],
)
def test_letters_left_for_people_are_still_the_crisis_theme(model_says, text: str) -> None:
    model_says(CRISIS, 0.8)
    flag = safety.detect(text)
    assert flag is not None and flag.kind == CRISIS, text
