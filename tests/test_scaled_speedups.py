"""rasa_ext.speedups: action replies are judged exactly as Rasa judges them, and the
request body is Rasa's own with only the recent events."""

from __future__ import annotations

import asyncio
import copy
import random
import time
from collections.abc import Iterator

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import ActionExtractSlots, RemoteAction
from rasa.core.actions.forms import FormAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    DefinePrevUserUtteredFeaturization,
    EntitiesAdded,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
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


# -- the states before each action, replayed on from where the last call stopped --------
STATE_DOMAIN = Domain.from_dict(
    {
        "intents": ["inform", "greet", "help"],
        "entities": ["name"],
        "slots": {
            "what_matters": {"type": "text", "mappings": [{"type": "from_text"}]},
            "for_whom": {
                "type": "categorical",
                "values": ["self", "other"],
                "mappings": [{"type": "custom"}],
            },
            "shared": {"type": "bool", "mappings": [{"type": "custom"}]},
        },
        "actions": ["action_interrupt"],
        "forms": {"care_form": {"required_slots": ["what_matters"]}},
    }
)
STATE_EVENT_KINDS = [
    *((lambda kind=kind: [kind()]) for kind in EVENT_KINDS),
    # Rasa marks a message to be read by its text or its intent right after it, and only there
    lambda: [
        UserUttered("hi there", {"name": "greet", "confidence": 0.9}),
        DefinePrevUserUtteredFeaturization(True),
    ],
    lambda: [
        UserUttered("an answer", {"name": "inform", "confidence": 1.0}),
        DefinePrevUserUtteredFeaturization(False),
    ],
    lambda: [UserUttered("I'm Jo", {"name": "inform"}), EntitiesAdded([{"entity": "name", "value": "Jo"}])],
    # after a rewind Rasa predicts again with action_listen the latest action: it marks the
    # message that is now the latest
    lambda: [UserUtteranceReverted(), DefinePrevUserUtteredFeaturization(False)],
    lambda: [SlotSet("for_whom", "other")],
    lambda: [SlotSet("shared", True)],
    lambda: [SlotSet("what_matters", None)],
]


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("size", [2, 7, 10_000])
def test_the_last_states_are_rasas_after_every_event(seed: int, size: int) -> None:
    """Random conversations with forms, undos, rewinds and restarts, played on two trackers
    (Rasa marks events in place, so each has its own): after each new event the last states
    equal the last of those stock Rasa works out from the first event."""
    chooser = random.Random(seed)
    weights = [10, 8, 6, 6, 8, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 3, 3, 2, 2, 2, 2, 1]
    ours = DialogueStateTracker("someone", STATE_DOMAIN.slots)
    theirs = DialogueStateTracker("someone", STATE_DOMAIN.slots)
    for _ in range(120):
        kind = chooser.choices(STATE_EVENT_KINDS, weights)[0]
        for tracker in (ours, theirs):
            for event in kind():
                tracker.update(event)
        if chooser.random() < 0.4:
            continue
        got = rasa_speedups.last_states(ours, STATE_DOMAIN, size)
        rasa_speedups.uninstall()
        try:
            expected = theirs.past_states(STATE_DOMAIN)[-size:]
        finally:
            rasa_speedups.install()
        assert got == expected


def test_the_last_states_go_on_from_the_kept_replay() -> None:
    """A long conversation replays only its last turn, and keeps only the states asked for."""
    tracker = conversation(40)
    rasa_speedups.last_states(tracker, STATE_DOMAIN, 5)
    kept = tracker.__dict__["_kept_states"]
    assert len(kept.prefix) > 100  # the replay stopped near the end, not at the start
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("one more", {"name": "inform", "confidence": 1.0}))
    states = rasa_speedups.last_states(tracker, STATE_DOMAIN, 5)
    assert tracker.__dict__["_kept_states"].prefix[: len(kept.prefix)] == kept.prefix
    assert len(tracker.__dict__["_kept_states"].states) <= 5
    assert states[-1]["prev_action"] == {"action_name": "action_listen"}
    assert [s["user"]["text"] for s in states[-3:-1]] == ["message 38", "message 39"]
    assert len(states) == 5


# -- copies of the tracker: its state copied, not replayed ------------------------------
def tracker_state(tracker: DialogueStateTracker) -> dict[str, object]:
    """Everything a tracker holds, as comparable values."""
    return {
        "state": tracker.current_state(EventVerbosity.ALL),
        "slots": {name: (slot.value, slot.has_been_set) for name, slot in tracker.slots.items()},
        "latest_action": tracker.latest_action,
        # Rasa's blank "no bot message yet" is made afresh, with the time, at each reset
        "latest_bot": {**tracker.latest_bot_utterance.as_dict(), "timestamp": None}
        if tracker.latest_bot_utterance and tracker.latest_bot_utterance.text is None
        else tracker.latest_bot_utterance.as_dict(),
        "followup": tracker.followup_action,
        "loop": tracker.active_loop,
        "fields": (tracker.sender_source, tracker.model_id, tracker.assistant_id, tracker.is_rule_tracker),
        "max_events": tracker._max_event_history,
    }


def two_trackers(seed: int, events: int) -> tuple[DialogueStateTracker, DialogueStateTracker]:
    """The same random conversation on two trackers, each with its own events."""
    chooser = random.Random(seed)
    weights = [10, 8, 6, 6, 8, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 3, 3, 2, 2, 2, 2, 1]
    pair = []
    for _ in range(2):
        tracker = DialogueStateTracker("someone", STATE_DOMAIN.slots, sender_source="rest")
        tracker.model_id, tracker.assistant_id = "model-1", "what-matters"
        pair.append(tracker)
    for _ in range(events):
        for event in chooser.choices(STATE_EVENT_KINDS, weights)[0]():
            pair[1].update(copy.deepcopy(event))  # the same event, with its timestamp
            pair[0].update(event)
    return pair[0], pair[1]


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("events", [3, 40, 120])
def test_a_copy_is_rasas_replayed_copy(seed: int, events: int) -> None:
    ours, theirs = two_trackers(seed, events)
    copied = ours.copy()
    rasa_speedups.uninstall()
    try:
        expected = theirs.copy()
    finally:
        rasa_speedups.install()
    assert tracker_state(copied) == tracker_state(expected)
    copied.update(SlotSet("what_matters", "changed on the copy"))
    assert ours.get_slot("what_matters") != "changed on the copy"
    assert len(ours.events) == len(copied.events) - 1


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("events", [3, 40, 120])
def test_a_forms_temporary_tracker_is_rasas(seed: int, events: int, monkeypatch: pytest.MonkeyPatch) -> None:
    ours, theirs = two_trackers(seed, events)
    monkeypatch.setattr(time, "time", lambda: 1_800_000_000.0)  # the two events the form adds
    form = FormAction("care_form", None)
    extra = [SlotSet("for_whom", "self"), SlotSet("what_matters", "the garden")]
    made = form._temporary_tracker(ours, extra, STATE_DOMAIN)
    rasa_speedups.uninstall()
    try:
        expected = form._temporary_tracker(theirs, copy.deepcopy(extra), STATE_DOMAIN)
    finally:
        rasa_speedups.install()
    assert tracker_state(made) == tracker_state(expected)
    assert [e.as_dict() for e in made.events] == [e.as_dict() for e in expected.events]


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("events", [3, 40, 120])
def test_the_slot_validation_sees_rasas_tracker(
    seed: int, events: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``action_validate_slot_mappings`` is sent the tracker Rasa would build, and its answer
    is combined with the candidates as Rasa does."""
    domain = Domain.from_dict({**STATE_DOMAIN.as_dict(), "actions": ["action_validate_slot_mappings"]})
    seen: list[DialogueStateTracker] = []

    async def validator(
        self: object, name: str, output: object, nlg: object, tracker, domain: Domain
    ) -> list:
        seen.append(tracker)
        return [SlotSet("what_matters", None, timestamp=1.0)]  # one candidate rejected, one kept

    monkeypatch.setattr(ActionExtractSlots, "_run_custom_action", validator)
    ours, theirs = two_trackers(seed, events)
    found = [SlotSet("what_matters", "the garden"), SlotSet("for_whom", "other"), BotUttered("not a slot")]
    action = ActionExtractSlots(None)
    got = asyncio.run(action._execute_validation_action(found, None, None, ours, domain))
    rasa_speedups.uninstall()
    try:
        expected = asyncio.run(
            action._execute_validation_action(copy.deepcopy(found), None, None, theirs, domain)
        )
    finally:
        rasa_speedups.install()
    assert [e.as_dict() for e in got] == [e.as_dict() for e in expected]
    assert tracker_state(seen[0]) == tracker_state(seen[1])


@pytest.mark.parametrize("seed", range(10))
def test_the_latest_restart_is_found_as_rasa_finds_it(seed: int) -> None:
    chooser = random.Random(seed)
    tracker = DialogueStateTracker("someone", [])
    for _ in range(200):
        tracker.update(chooser.choices(EVENT_KINDS, [8, 8, 8, 6, 8, 3, 2, 2, 2, 2, 1, 1, 1, 2, 1])[0]())
        if chooser.random() < 0.5:
            continue
        got = tracker.idx_after_latest_restart()
        rasa_speedups.uninstall()
        try:
            assert got == tracker.idx_after_latest_restart()
        finally:
            rasa_speedups.install()


@pytest.mark.parametrize("seed", range(10))
def test_the_action_limit_is_judged_as_rasa_judges_it(seed: int) -> None:
    from rasa.core.processor import MessageProcessor

    chooser = random.Random(seed)
    processor = MessageProcessor.__new__(MessageProcessor)  # the method reads one setting only
    processor.max_number_of_predictions = 3
    tracker = DialogueStateTracker("someone", [])
    kinds = [*EVENT_KINDS, lambda: ActionExecuted("action_session_start")]
    for _ in range(200):
        tracker.update(chooser.choices(kinds, [8, 8, 8, 6, 8, 3, 2, 2, 2, 2, 1, 1, 1, 2, 1, 1])[0]())
        for more in (True, False):
            got = rasa_speedups._is_action_limit_reached(processor, tracker, more)
            assert got == rasa_speedups._ORIGINAL[(MessageProcessor, "is_action_limit_reached")](
                processor, tracker, more
            )
