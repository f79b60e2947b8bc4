"""rasa_ext.speedups: action replies are judged exactly as Rasa judges them, and the
request body is Rasa's own with only the recent events."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from rasa_ext import speedups as rasa_speedups

GOOD = {
    "events": [
        {"event": "slot", "name": "what_matters", "value": "my garden", "timestamp": None},
        {"event": "active_loop", "name": "care_form"},
        {"event": "action_execution_rejected", "name": "care_form"},
        {"event": "user", "text": "hi", "parse_data": {"intent": {"name": "greet", "confidence": 0.9}}},
        {"event": "followup", "name": "action_resume", "metadata": {}},
    ],
    "responses": [{"text": "What does a good day look like for you?", "buttons": []}],
}
BAD_REPLIES = [
    {"events": [{"event": "slot", "value": "no name"}]},  # a slot event needs a name
    {"events": [{"name": "no event type"}]},
    {"events": [{"event": "no_such_kind"}]},
    {"events": [{"event": 7}]},
    {"events": ["not an event"]},
    {"events": [{"event": "slot", "name": "x", "value": 1, "timestamp": "yesterday"}]},
    {"events": [{"event": "user", "parse_data": "not an object"}]},
    {"events": [{"event": "entities", "entities": [{"value": "no entity name"}]}]},
    {"events": "not a list"},
    {"events": [], "responses": "not a list"},
    "not an object",
]


@pytest.fixture(autouse=True, scope="module")
def installed() -> Iterator[None]:
    """The speed-ups in place for these tests (``python -m rasa_ext`` installs them in Rasa)."""
    rasa_speedups.install()
    yield
    rasa_speedups.uninstall()


@pytest.fixture
def action() -> RemoteAction:
    return RemoteAction("validate_care_form", EndpointConfig("http://127.0.0.1:9/webhook"))


def verdict(action: RemoteAction, reply: object) -> str:
    try:
        action._validate_action_result(reply)
        return "valid"
    except ValidationError as exc:
        return exc.message


def stock(action: RemoteAction, reply: object) -> str:
    rasa_speedups.uninstall()
    try:
        return verdict(action, reply)
    finally:
        rasa_speedups.install()


@pytest.mark.parametrize("reply", [GOOD, *BAD_REPLIES])
def test_same_verdict_and_message_as_rasa(action: RemoteAction, reply: object) -> None:
    expected = stock(action, reply)
    assert verdict(action, reply) == expected
    assert (expected == "valid") == (reply is GOOD)


def test_every_kind_of_event_is_judged_as_rasa_judges_it(action: RemoteAction) -> None:
    """Each kind in Rasa's schema, with a plausible body and with a wrong type in it."""
    kinds = RemoteAction.action_response_format_spec()["properties"]["events"]["items"]["oneOf"]
    for kind in kinds:
        name = kind["properties"]["event"]["const"]
        event = {"event": name, "timestamp": 1.0, "name": "x", "value": 1, "entities": []}
        for reply in ({"events": [event]}, {"events": [{**event, "timestamp": "x", "name": 5}]}):
            assert verdict(action, reply) == stock(action, reply), (name, reply)


def test_the_validators_are_built_once(action: RemoteAction) -> None:
    rasa_speedups.split_validators.cache_clear()
    for _ in range(3):
        action._validate_action_result(GOOD)
    info = rasa_speedups.split_validators.cache_info()
    assert (info.misses, info.hits) == (1, 2)


def conversation(turns: int) -> DialogueStateTracker:
    domain = Domain.from_dict(
        {"slots": {"what_matters": {"type": "text", "mappings": [{"type": "from_text"}]}}}
    )
    tracker = DialogueStateTracker("someone", domain.slots)
    for turn in range(turns):
        tracker.update(ActionExecuted("action_listen"))
        tracker.update(UserUttered(f"message {turn}", {"name": "inform", "confidence": 1.0}))
        tracker.update(SlotSet("what_matters", f"answer {turn}"))
        tracker.update(BotUttered(f"reply {turn}"))
    return tracker


@pytest.mark.parametrize("turns", [1, 3, 12])
def test_the_request_is_rasas_with_the_last_three_turns_of_events(action: RemoteAction, turns: int) -> None:
    tracker = conversation(turns)
    domain = Domain.empty()
    rasa_speedups.uninstall()
    try:
        expected = copy.deepcopy(action._action_call_format(tracker, domain))
    finally:
        rasa_speedups.install()
    body = action._action_call_format(tracker, domain)
    events = body["tracker"].pop("events")
    all_events = expected["tracker"].pop("events")
    assert body == expected  # slots, latest message, active form, domain: all as Rasa sends them
    users = [e["text"] for e in events if e["event"] == "user"]
    assert users == [f"message {t}" for t in range(max(0, turns - 3), turns)]
    assert events == all_events[len(all_events) - len(events) :]
    assert events[-1] == {**all_events[-1]}  # up to this very moment


# -- applied events, folded on from where the last call stopped -------------------------
EVENT_KINDS = [
    lambda: ActionExecuted("action_listen"),
    lambda: UserUttered("an answer", {"name": "inform", "confidence": 1.0}),
    lambda: SlotSet("what_matters", "my garden"),
    lambda: BotUttered("a question"),
    lambda: ActionExecuted("care_form"),
    lambda: ActiveLoop("care_form"),
    lambda: ActiveLoop(None),
    lambda: ActionExecutionRejected("care_form"),
    lambda: ActionExecuted("action_interrupt"),
    lambda: ActionExecuted("consent_form"),
    lambda: ActiveLoop("consent_form"),
    lambda: UserUtteranceReverted(),
    lambda: ActionReverted(),
    lambda: Restarted(),
    lambda: SessionStarted(),
]


@pytest.mark.parametrize("seed", range(40))
def test_applied_events_are_rasas_after_every_event(seed: int) -> None:
    """Random conversations with forms, rejections, undos and restarts: after each new
    event the folded-on result equals Rasa's fold from the first event."""
    chooser = random.Random(seed)
    weights = [8, 8, 8, 6, 8, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1]
    tracker = DialogueStateTracker("someone", [])
    for _ in range(150):
        tracker.update(chooser.choices(EVENT_KINDS, weights)[0]())
        if chooser.random() < 0.5:  # Rasa asks at unpredictable moments
            continue
        got = [e.as_dict() for e in tracker.applied_events()]
        rasa_speedups.uninstall()
        try:
            expected = [e.as_dict() for e in tracker.applied_events()]
        finally:
            rasa_speedups.install()
        assert got == expected


def test_a_tracker_whose_events_were_replaced_is_folded_from_the_start() -> None:
    tracker = conversation(4)
    before = tracker.applied_events()
    tracker.events.clear()
    for event in before[:3]:
        tracker.events.append(event)
    assert tracker.applied_events() == before[:3]
