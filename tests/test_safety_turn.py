"""The small decisions in actions/safety_turn.py, without a server: how a check-in
answer, "I'm OK now" and "that's not what I meant" are read."""

from __future__ import annotations

import pytest

from actions import safety_turn
from careplan.safety import load_rules

from faults_kit import _responses


@pytest.mark.parametrize(
    ("answer", "reading"),
    [
        ("I just mean it's hard to cope", "coping"),
        ("no, I'm just so tired", "coping"),
        ("the first one", "coping"),
        ("I wouldn't hurt myself, I'm just fed up", "coping"),
        ("I think I might hurt myself", "risk"),
        ("both really", "risk"),
        ("I don't know", "risk"),  # unclear counts as risk
        ("yes", "risk"),
    ],
)
def test_check_in_answers(answer: str, reading: str) -> None:
    assert safety_turn.check_in_answer(answer) == reading


@pytest.mark.parametrize(
    ("text", "over"),
    [
        ("I'm ok now, they checked me over", True),
        ("we're fine, false alarm", True),
        ("can we carry on", True),
        ("ok my partner is ringing 999 now", False),
        ("the ambulance is coming", False),
        ("ok", False),
        ("she's not ok", False),
    ],
)
def test_when_an_emergency_pause_ends(text: str, over: bool) -> None:
    ends = bool(safety_turn._RESUME.search(text)) and not safety_turn._STILL_GOING.search(text)
    assert ends is over


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("that's not what I meant", True),
        ("I didn't mean it like that", True),
        ("you've got the wrong end of the stick", True),
        ("I was only joking", True),
        ("my garden and my grandchildren", False),
    ],
)
def test_that_is_not_what_i_meant(text: str, meant: bool) -> None:
    assert safety_turn.misread(text) is meant


@pytest.mark.parametrize(
    ("kind", "label", "about", "response"),
    [
        ("emergency", "stroke", None, "utter_red_flag_emergency_stroke"),
        ("emergency", "", None, "utter_red_flag_emergency"),
        ("crisis", "", "other", "utter_red_flag_crisis_other"),
        ("crisis", "", "self", "utter_red_flag_crisis"),
        ("safeguarding", "", "other", "utter_red_flag_safeguarding"),
        ("urgent", "", "self", "utter_red_flag_urgent"),
        ("urgent", "", None, "utter_red_flag_urgent"),
        ("urgent", "", "other", "utter_red_flag_urgent_other"),
    ],
)
def test_each_flag_has_its_response(kind: str, label: str, about: str | None, response: str) -> None:
    assert safety_turn.response_for(kind, label, about) == response
    assert response in _responses()


def test_every_emergency_label_has_a_999_only_response() -> None:

    rules, _ = load_rules()
    for label in {r.label for r in rules if r.label}:
        [text] = _responses()[f"utter_red_flag_emergency_{label}"]
        assert "Call 999 now" in text and "111" not in text, label


def test_urgent_responses_point_to_111_and_never_999() -> None:
    """Urgent is not an emergency: 111 (online or by phone), no 999, no pause."""
    for name in ("utter_red_flag_urgent", "utter_red_flag_urgent_other"):
        [text] = _responses()[name]
        assert "111.nhs.uk" in text and "call 111" in text, name
        assert "999" not in text, name
