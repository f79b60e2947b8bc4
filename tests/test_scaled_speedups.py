"""scale.rasa_speedups checks action replies exactly as Rasa does, only without rebuilding
the validator each time."""

from __future__ import annotations

import pytest
import scaled_kit  # noqa: F401 - puts the checkout (bench/, scale/) on sys.path
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from scale import rasa_speedups

GOOD = {
    "events": [
        {"event": "slot", "name": "what_matters", "value": "my garden", "timestamp": None},
        {"event": "active_loop", "name": "care_form"},
    ],
    "responses": [{"text": "What does a good day look like for you?", "buttons": []}],
}
BAD_REPLIES = [
    {"events": [{"event": "slot", "value": "no name"}]},  # a slot event needs a name
    {"events": [{"name": "no event type"}]},
    {"events": "not a list"},
]


@pytest.fixture
def action() -> RemoteAction:
    return RemoteAction("validate_care_form", EndpointConfig("http://127.0.0.1:9/webhook"))


def verdict(action: RemoteAction, reply: dict) -> str:
    try:
        action._validate_action_result(reply)
        return "valid"
    except ValidationError as exc:
        return exc.message


@pytest.mark.parametrize("reply", [GOOD, *BAD_REPLIES])
def test_same_verdict_and_message_as_rasa(action: RemoteAction, reply: dict) -> None:
    rasa_speedups.uninstall()
    try:
        expected = verdict(action, reply)
    finally:
        rasa_speedups.install()
    assert verdict(action, reply) == expected
    assert (expected == "valid") == (reply is GOOD)


def test_the_validator_is_built_once(action: RemoteAction) -> None:
    rasa_speedups.action_result_validator.cache_clear()
    for _ in range(3):
        action._validate_action_result(GOOD)
    info = rasa_speedups.action_result_validator.cache_info()
    assert (info.misses, info.hits) == (1, 2)
