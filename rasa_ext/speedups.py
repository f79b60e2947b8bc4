"""Make each turn cheaper for Rasa 3.6: its calls to the action server, and its replays.

Our forms call the action server two or three times per turn, and each call
cost Rasa more than the action itself (profiles in docs/benchmarks.md). None
of this changes what Rasa decides; item 2 changes what an action sees.

1. **Checking the reply.** Rasa validates every reply with
   ``jsonschema.validate(result, schema)``, which first checks the *schema
   itself* against the JSON Schema 2020-12 meta-schema, every time (about
   25 ms). The schema then says each event must match exactly one of 21 event
   kinds (``oneOf``), so every event is tried against all 21. The kinds differ
   by their ``event`` constant, so an event is valid exactly when it matches the
   shared part and the one kind its ``event`` names. We check that, with
   validators built once; a reply that fails is checked again the stock way,
   so the error raised is Rasa's own, word for word.
2. **Sending the tracker.** Rasa sends every event of the conversation with
   every call: 100 kB of JSON by the end of ours, growing each turn. We send
   the events of the last :data:`RECENT_TURNS` turns; slots, the latest
   message and the active form are sent in full as before (the form's fields
   as they are: Rasa deep-copies them first, for a body written out at once
   and dropped). Our actions read
   events only to compare this message with the one before
   (actions/hook.py), and the SDK's forms only the slots set since the last
   message. With the selective domain (endpoints.yml), the domain goes only to
   actions domain.yml marks ``send_domain``: Rasa sends it to every form's
   ``validate_`` action as well, 64 kB (mostly the bot's words) that the
   action server read and never used (the forms take their slots from
   careplan: actions/forms.py ``domain_slots``), in almost every other call.
3. **Connecting.** Rasa opens a new HTTP client session, so a new connection,
   for every call. We keep one session per endpoint (here, the action server),
   whose idle connections are dropped after :data:`KEEPALIVE_SECONDS`, well
   before Sanic drops them at 5 s, so a request doesn't go out on a connection
   the server is just closing for being idle.
4. **Replaying the conversation.** Rasa works out the tracker's "applied
   events" (the events with undone and repeated form steps taken out) from
   the first event, several times per turn. It is a fold over the events, so
   we keep where the last fold on the same tracker stopped and go on from
   there; whenever the events before that point changed, or a form appears
   that wasn't there before (the fold depends on the forms seen), it starts
   from the first event as Rasa does.
5. **The states of every turn.** Before each prediction (two or three per
   message, each asking twice: by text and by intent) ``RulePolicy`` asks for
   the "state" of the conversation before every action so far, and Rasa
   rebuilds them all by replaying the applied events from the first one: the
   cost of a turn grew with the conversation (4x from turn 10 to turn 200).
   ``RulePolicy`` only ever checks a rule as far back as the rule is long, so
   it is given the last states only, as many as its longest rule: the rules
   that apply are the same. (When none applies, the key Rasa logs and compares
   with its rules-not-in-stories names those last turns only.) To make them,
   :func:`last_states` keeps on the tracker a replay stopped at the
   ``action_listen`` before the last user message, with the last states
   before it, and replays only what came after. Whenever those earlier applied
   events changed (a form's undo reaching further back, a rewind, a restart),
   or a message they saw is marked afresh (to be read by its text or its
   intent), it replays from the first event as Rasa does.
6. **Copying the tracker.** Before each action Rasa copies the tracker by
   replaying all of its events into a new one, and each step of a form builds
   another from the events since the last restart (``FormAction``'s
   temporary tracker). A tracker's state is what its events made it (Rasa's
   own premise: that is how a tracker store rebuilds it), so we copy that state
   instead: the slots, the latest message and action, the active form and
   the rest, with the same events, and the same fields left blank as Rasa's
   new tracker has them.

7. **Counting this message's actions.** Before each prediction Rasa copies and
   reverses every event of the conversation to count the actions since the
   last message (``is_action_limit_reached``); we walk back from the end.
8. **Matching the rules.** Before each prediction ``RulePolicy`` checks all of
   its rules against each of the last states. Which rules fit depends only on
   those states, and a form brings the same ones back turn after turn, so the
   answer is kept for each run of states (:data:`KEPT_RULE_MATCHES` at most).
9. **Running the graph.** Rasa runs its NLU pipeline, and its policies, as a
   graph through dask's scheduler (``DaskGraphRunner.run``), twice or more a
   message: dask orders the tasks, walks every argument for keys and keeps
   its own state, and Rasa works out the part of the graph the targets need
   afresh each time. Both graphs are chains here, so each node is called in
   turn, as dask's one-thread scheduler would call it, and each node only
   once; the part of the graph a set of targets needs is kept.
10. **Writing the action call.** aiohttp writes a request's JSON with the
   standard library's ``json.dumps``; the kept session (item 3) writes it with
   ujson (:func:`_dumps`), which gives the same values when read back, at
   about half the cost. Whatever ujson refuses (NaN, an unknown object) is
   written by ``json.dumps`` as before, or refused by it as before.
11. **Collecting garbage.** The loaded model, spaCy and the libraries are
   millions of objects that live as long as the server, and every full
   collection of Python's cyclic garbage collector walks all of them again.
   When the model has loaded (``load_agent_on_start``), they are collected
   once and then frozen (``gc.freeze``), so later collections walk only what
   turns make. Nothing that is still garbage is kept: it is collected first.

:func:`install` (called by ``python -m rasa_ext``, see rasa_ext/__init__.py)
puts them all in place; :func:`uninstall` puts Rasa's own methods back. Both
are idempotent, and importing this module changes nothing. What each replaces,
and how to check it on a new Rasa: docs/upgrading-rasa.md.
"""

from __future__ import annotations

import asyncio
import copy
import gc
import itertools
import json
import logging
import operator
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

import aiohttp
import rasa
import rasa.core.run
import ujson
from jsonschema import validators
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from rasa.core.actions.action import ActionExtractSlots, RemoteAction
from rasa.core.actions.forms import FormAction
from rasa.core.channels.channel import OutputChannel
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.core.featurizers.tracker_featurizers import MaxHistoryTrackerFeaturizer
from rasa.core.nlg import NaturalLanguageGenerator
from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy
from rasa.core.processor import MessageProcessor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.runner.dask import logger as graph_logger
from rasa.shared.constants import DEFAULT_SENDER_ID, DOCS_BASE_URL
from rasa.shared.core.constants import (
    ACTION_LISTEN_NAME,
    ACTION_SESSION_START_NAME,
    ACTION_SHOULD_SEND_DOMAIN,
    ACTION_VALIDATE_SLOT_MAPPINGS,
    ACTIVE_LOOP,
    FOLLOWUP_ACTION,
    REQUESTED_SLOT,
)
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    DefinePrevUserUtteredFeaturization,
    EntitiesAdded,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from rasa_ext import require_pinned_rasa

# Events of this many turns (counted by user messages) go to the action server.
RECENT_TURNS = 3
# Idle connections to the action server are kept this long (Sanic closes them at 5 s).
KEEPALIVE_SECONDS = 2.0
# RulePolicy's rules that fit a run of states are kept for this many runs (per lookup).
KEPT_RULE_MATCHES = 4096

_ORIGINAL = {
    (RemoteAction, "_validate_action_result"): RemoteAction._validate_action_result,
    (RemoteAction, "_action_call_format"): RemoteAction._action_call_format,
    (EndpointConfig, "session"): EndpointConfig.session,
    (DialogueStateTracker, "applied_events"): DialogueStateTracker.applied_events,
    (RulePolicy, "_prediction_states"): RulePolicy._prediction_states,
    (DialogueStateTracker, "copy"): DialogueStateTracker.copy,
    (FormAction, "_temporary_tracker"): FormAction._temporary_tracker,
    (ActionExtractSlots, "_execute_validation_action"): ActionExtractSlots._execute_validation_action,
    (DialogueStateTracker, "idx_after_latest_restart"): DialogueStateTracker.idx_after_latest_restart,
    (MessageProcessor, "is_action_limit_reached"): MessageProcessor.is_action_limit_reached,
    (RulePolicy, "_get_possible_keys"): RulePolicy._get_possible_keys,
    (DaskGraphRunner, "run"): DaskGraphRunner.run,
    (rasa.core.run, "load_agent_on_start"): rasa.core.run.load_agent_on_start,
}


def _validator(schema: dict[str, Any]) -> Validator:
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@lru_cache(maxsize=1)
def action_result_validator() -> Validator:
    """The validator ``jsonschema.validate`` would build for Rasa's schema, checked once."""
    return _validator(RemoteAction.action_response_format_spec())


@lru_cache(maxsize=1)
def split_validators() -> tuple[Validator, dict[str, Validator]]:
    """Rasa's schema with the events left out, and one validator per kind of event."""
    schema = RemoteAction.action_response_format_spec()
    events = schema["properties"]["events"]
    shared = {key: value for key, value in events["items"].items() if key != "oneOf"}
    per_kind: dict[str, Validator] = {}
    for kind in events["items"]["oneOf"]:
        name = kind["properties"]["event"]["const"]
        if name in per_kind:  # two kinds with one name: only the stock check is exact
            raise ValueError(f"event kind {name!r} appears twice in Rasa's schema")
        per_kind[name] = _validator({**shared, "allOf": [kind]})
    rest = {**schema, "properties": {**schema["properties"], "events": {**events, "items": {}}}}
    return _validator(rest), per_kind


def _valid(result: Any) -> bool:
    rest, per_kind = split_validators()
    if not rest.is_valid(result):
        return False
    events = result.get("events") if isinstance(result, dict) else None
    if not isinstance(events, list):
        return True  # `rest` already checked that events, if present, is an array
    for event in events:
        kind = event.get("event") if isinstance(event, dict) else None
        check = per_kind.get(kind) if isinstance(kind, str) else None
        if check is None or not check.is_valid(event):
            return False
    return True


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    if _valid(result):
        return True
    # The error jsonschema.validate picks, with the words Rasa adds.
    error = best_match(action_result_validator().iter_errors(result))
    if error is None:
        return True  # only if the split check were stricter than Rasa's
    error.message += (
        f". Failed to validate Action server response from API, "
        f"make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


def recent_events(events: list[Event], turns: int = RECENT_TURNS) -> list[Event]:
    """The events from the ``turns``-th last user message on (all of them if fewer)."""
    seen = 0
    for index in range(len(events) - 1, -1, -1):
        if isinstance(events[index], UserUttered):
            seen += 1
            if seen == turns:
                return events[index:]
    return events


def call_state(tracker: DialogueStateTracker) -> dict[str, Any]:
    """``tracker.current_state()`` with the recent events, for a body written out at once: the
    active form's fields as they are, not deep-copied by ``dataclasses.asdict`` (item 2)."""
    active_loop = tracker.active_loop
    loop = {f.name: getattr(active_loop, f.name) for f in fields(active_loop)} if active_loop else {}
    return {
        "sender_id": tracker.sender_id,
        "slots": tracker.current_slot_values(),
        "latest_message": tracker._latest_message_data(),
        "latest_event_time": tracker.events[-1].timestamp if tracker.events else None,
        FOLLOWUP_ACTION: tracker.followup_action,
        "paused": tracker.is_paused(),
        "events": [event.as_dict() for event in recent_events(list(tracker.events))],
        "latest_input_channel": tracker.get_latest_input_channel(),
        ACTIVE_LOOP: loop,
        "latest_action": tracker.latest_action,
        "latest_action_name": tracker.latest_action_name,
    }


def _action_call_format(self: RemoteAction, tracker: DialogueStateTracker, domain: Domain) -> dict[str, Any]:
    """Rasa's request body, with only the recent events."""
    state = call_state(tracker)
    result = {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": state,
        "version": rasa.__version__,
    }
    if not self._is_selective_domain_enabled() or _marked_send_domain(domain, self.name()):
        result["domain"] = domain.as_dict()
    return result


def _marked_send_domain(domain: Domain, name: str) -> bool:
    """Does domain.yml mark this action ``send_domain``? Rasa's selective domain also sends the
    whole domain to every ``validate_`` action unmarked; ours never read it."""
    if not domain.does_custom_action_explicitly_need_domain(name):
        return False
    if not name.startswith("validate_"):
        return True
    return any(
        isinstance(action, dict) and (action.get(name) or {}).get(ACTION_SHOULD_SEND_DOMAIN)
        for action in domain.as_dict().get("actions", [])
    )


def _dumps(value: Any) -> str:
    """``json.dumps(value)`` as ujson writes it (the same values when read back)."""
    try:
        return ujson.dumps(value)
    except (TypeError, ValueError, OverflowError):
        return json.dumps(value)


class _KeptSession:
    """``async with`` hands out the endpoint's session and leaves it open."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(self, *_: object) -> None:
        return None


def _session(self: EndpointConfig) -> _KeptSession:
    """Rasa's session for this endpoint (same headers, auth and timeout), made once per event loop."""
    loop = asyncio.get_running_loop()
    kept_loop, kept = self.__dict__.get("_kept_session", (None, None))
    if kept is None or kept.closed or kept_loop is not loop:
        auth = (
            aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
            if self.basic_auth
            else None
        )
        kept = aiohttp.ClientSession(
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS),
            json_serialize=_dumps,
        )
        self.__dict__["_kept_session"] = (loop, kept)
    return _KeptSession(kept)


@dataclass
class _Fold:
    """Where the last applied-events fold over one tracker's events stopped."""

    events: Any  # the tracker's deque, so a replaced one is noticed
    count: int
    last: Event | None
    loop_names: frozenset[str]
    applied: list[Event]


def _fold(
    tracker: DialogueStateTracker, events: Iterable[Event], loop_names: frozenset[str], applied: list[Event]
) -> None:
    """The body of Rasa's ``DialogueStateTracker.applied_events``, continuing ``applied``."""
    for event in events:
        if isinstance(event, (Restarted, SessionStarted)):
            applied.clear()
        elif isinstance(event, ActionReverted):
            tracker._undo_till_previous(ActionExecuted, applied)
        elif isinstance(event, UserUtteranceReverted):
            tracker._undo_till_previous(UserUttered, applied)
            tracker._undo_till_previous(ActionExecuted, applied)
        elif (
            isinstance(event, ActionExecuted)
            and event.action_name in loop_names
            and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)
        ):
            tracker._undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)


def _loop_names(events: Iterable[Event]) -> frozenset[str]:
    return frozenset(e.name for e in events if isinstance(e, ActiveLoop) and e.name)


def _applied_events(self: DialogueStateTracker) -> list[Event]:
    events = self.events
    count = len(events)
    last = self.__dict__.get("_applied_fold")
    if (
        last is not None
        and last.events is events
        and last.count <= count
        and (last.count == 0 or events[last.count - 1] is last.last)
    ):
        todo = list(itertools.islice(events, last.count, None))
        names = last.loop_names | _loop_names(todo)
        applied = list(last.applied)
        if names != last.loop_names:  # the fold depends on the forms seen: start again
            todo, applied = list(events), []
    else:
        todo, names, applied = list(events), _loop_names(events), []
    _fold(self, todo, names, applied)
    self.__dict__["_applied_fold"] = _Fold(events, count, events[-1] if count else None, names, applied)
    return list(applied)


def _copied(slot: Slot) -> Slot:
    """``copy.copy(slot)``, without its generic machinery (slots are plain objects)."""
    twin = slot.__class__.__new__(slot.__class__)
    twin.__dict__.update(slot.__dict__)
    return twin


def _clone(tracker: DialogueStateTracker) -> DialogueStateTracker:
    """A copy of a replaying tracker, to go on with apart (no replay: its state is copied)."""
    twin = copy.copy(tracker)
    for kept in ("_applied_fold", "_kept_states", "_kept_restart"):
        twin.__dict__.pop(kept, None)
    twin.events = tracker._create_events(list(tracker.events))
    _know_restart(twin, _idx_after_latest_restart(tracker))  # the same events: no search again
    twin.slots = type(tracker.slots)((name, _copied(slot)) for name, slot in tracker.slots.items())
    twin.active_loop = copy.copy(tracker.active_loop)
    twin.latest_action = dict(tracker.latest_action) if tracker.latest_action is not None else None
    return twin


@dataclass
class _States:
    """The last ``size`` states of a tracker up to ``len(prefix)`` of its applied events,
    and the replay there."""

    domain: Domain
    size: int
    events: Any  # the tracker's deque, so a replaced one is noticed
    count: int
    last: Event | None
    prefix: list[Event]
    replay: DialogueStateTracker  # Rasa's replaying tracker after ``prefix``
    states: list[State]  # the state before each of the last ActionExecuted of ``prefix``


def _kept_states(tracker: DialogueStateTracker, domain: Domain, size: int) -> _States | None:
    kept: _States | None = tracker.__dict__.get("_kept_states")
    events = tracker.events
    if (
        kept is None
        or kept.domain is not domain
        or kept.size < size
        or kept.events is not events
        or kept.count > len(events)
        or (kept.count and events[kept.count - 1] is not kept.last)
    ):
        return None
    return kept


def _marks_an_earlier_message(events: Iterable[Event]) -> bool:
    """True if an event that changes the latest user message in place (how it is to be read,
    its entities) comes before any new message, so it changes one the kept states saw."""
    for event in events:
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, (DefinePrevUserUtteredFeaturization, EntitiesAdded)):
            return True
    return False


def last_states(tracker: DialogueStateTracker, domain: Domain, size: int) -> list[State]:
    """The last ``size`` of Rasa's ``tracker.past_states(domain)`` (the loop of
    ``Domain.states_for_tracker_history`` without ``ignore_rule_only_turns``), replaying only
    what came after the replay kept on the tracker."""
    applied = tracker.applied_events()
    kept = _kept_states(tracker, domain, size)
    if (
        kept is not None
        and len(applied) >= len(kept.prefix)
        and all(map(operator.is_, applied, kept.prefix))
        and not _marks_an_earlier_message(itertools.islice(applied, len(kept.prefix), None))
    ):
        start, replay, states = len(kept.prefix), _clone(kept.replay), list(kept.states)
    else:
        start, replay, states = 0, tracker.init_copy(), []
    # Keep the replay at the last action_listen before the last user message: the states
    # before it see only earlier messages, and what follows it may still be undone.
    users = [i for i in range(start, len(applied)) if isinstance(applied[i], UserUttered)]
    listens = [
        i
        for i in range(start, users[-1] if users else start)
        if isinstance(applied[i], ActionExecuted) and applied[i].action_name == ACTION_LISTEN_NAME
    ]
    stop = listens[-1] if listens else None
    checkpoint: tuple[DialogueStateTracker, list[State]] | None = None
    for index in range(start, len(applied)):
        if index == stop:
            checkpoint = (_clone(replay), states[-size:])
        event = applied[index]
        if isinstance(event, ActionExecuted):
            states.append(domain._clean_state(domain.get_active_state(replay)))
        replay.update(event)
    states.append(domain._clean_state(domain.get_active_state(replay)))
    if checkpoint is not None:
        assert stop is not None
        at, before = checkpoint
        prefix = applied[:stop]
    elif kept is not None and start:
        prefix, at, before = kept.prefix, kept.replay, kept.states
    else:
        prefix, at, before = [], tracker.init_copy(), []
    events = tracker.events
    tracker.__dict__["_kept_states"] = _States(
        domain, size, events, len(events), events[-1] if events else None, prefix, at, before
    )
    return states[-size:]


def _rule_window(policy: RulePolicy) -> int:
    """How many states back the longest of the policy's rules looks."""
    lookups = (policy.lookup.get(RULES, {}), policy.lookup.get(RULES_FOR_LOOP_UNHAPPY_PATH, {}))
    found = policy.__dict__.get("_rule_window")
    if found is None or found[0] is not lookups[0] or found[1] is not lookups[1]:
        sizes = (len(policy._rule_key_to_state(key)) for lookup in lookups for key in lookup)
        longest = max(sizes, default=0)
        found = (lookups[0], lookups[1], longest)
        policy.__dict__["_rule_window"] = found
    return found[2]


def _prediction_states(
    self: RulePolicy,
    tracker: DialogueStateTracker,
    domain: Domain,
    use_text_for_last_user_input: bool = False,
    rule_only_data: dict[str, Any] | None = None,
) -> list[State]:
    """Rasa's ``Policy._prediction_states`` for ``RulePolicy``: the last states only, as many as
    its longest rule (``RulePolicy._get_possible_keys`` never looks further back)."""
    featurizer = self.featurizer
    window = _rule_window(self)
    if type(featurizer) is not MaxHistoryTrackerFeaturizer or featurizer.max_history or not window:
        return _ORIGINAL[(RulePolicy, "_prediction_states")](
            self, tracker, domain, use_text_for_last_user_input, rule_only_data
        )
    # What MaxHistoryTrackerFeaturizer.prediction_states does with RulePolicy's settings
    # (rule turns kept, action_unlikely_intent kept, no max_history), on the last states.
    # (rule_only_data is only read with ignore_rule_only_turns, which RulePolicy doesn't set.)
    states = last_states(tracker, domain, window)
    featurizer._choose_last_user_input([states], use_text_for_last_user_input)
    return states


def _get_possible_keys(self: RulePolicy, lookup: dict[str, str], states: list[State]) -> set[str]:
    """Rasa's ``RulePolicy._get_possible_keys`` (every rule key checked against every state),
    remembered: the keys that fit depend only on the lookup and the states, and the same
    states come back turn after turn (a form asking its questions)."""
    try:
        frozen = tuple(DialogueStateTracker.freeze_current_state(state) for state in states)
    except TypeError:  # a state holding something unhashable: work it out as Rasa does
        return _ORIGINAL[(RulePolicy, "_get_possible_keys")](self, lookup, states)
    kept = self.__dict__.setdefault("_kept_rule_matches", {})
    owner, matches = kept.get(id(lookup), (None, {}))
    if owner is not lookup:
        matches = {}
        kept[id(lookup)] = (lookup, matches)
    found = matches.get(frozen)
    if found is None:
        if len(matches) >= KEPT_RULE_MATCHES:
            matches.clear()
        found = matches[frozen] = _ORIGINAL[(RulePolicy, "_get_possible_keys")](self, lookup, states)
    return set(found)


def _copy(self: DialogueStateTracker) -> DialogueStateTracker:
    """Rasa's ``DialogueStateTracker.copy`` (a replay of every event into ``init_copy()``),
    by copying the state the events made."""
    twin = _clone(self)
    twin.sender_id = self.sender_id or DEFAULT_SENDER_ID
    twin.sender_source = twin.model_id = twin.assistant_id = None  # init_copy leaves them unset
    return twin


def _rebuilt(tracker: DialogueStateTracker, more: list[Event], domain: Domain) -> DialogueStateTracker:
    """``DialogueStateTracker.from_events(tracker.sender_id, tracker.events_after_latest_restart()
    + more, slots=domain.slots)``, with the state after the events since the restart copied
    from ``tracker`` instead of replayed. After a restart Rasa's replay is used: the
    restart leaves a follow-up action behind that a replay of what follows it doesn't have."""
    if tracker.idx_after_latest_restart():
        return DialogueStateTracker.from_events(
            tracker.sender_id, tracker.events_after_latest_restart() + more, slots=domain.slots
        )
    twin = _clone(tracker)  # with no restart, the events since the latest restart are all of them
    if twin._max_event_history is not None:  # Rasa's new tracker keeps every event
        twin._max_event_history = None
        twin.events = twin._create_events(list(tracker.events))
        _know_restart(twin, 0)
    twin.sender_source = twin.model_id = twin.assistant_id = None
    twin.is_rule_tracker = False
    twin.slots = {}
    for template in domain.slots:
        slot = _copied(template)
        slot.reset()
        had = tracker.slots.get(slot.name) if isinstance(tracker.slots, dict) else None
        if had is not None and had.has_been_set:
            slot._value, slot._has_been_set = had._value, True
        twin.slots[slot.name] = slot
    for event in more:
        twin.update(event)
    return twin


def _form_temporary_tracker(
    self: FormAction, current_tracker: DialogueStateTracker, additional_events: list[Event], domain: Domain
) -> DialogueStateTracker:
    """Rasa's ``FormAction._temporary_tracker``, without the replay."""
    requested = SlotSet(REQUESTED_SLOT, self.get_slot_to_fill(current_tracker))
    return _rebuilt(current_tracker, [requested, ActionExecuted(self.name()), *additional_events], domain)


async def _execute_validation_action(
    self: ActionExtractSlots,
    extraction_events: list[Event],
    output_channel: OutputChannel,
    nlg: NaturalLanguageGenerator,
    tracker: DialogueStateTracker,
    domain: Domain,
) -> list[Event]:
    """Rasa's ``ActionExtractSlots._execute_validation_action`` (its body), without the replay."""
    slot_events = [event for event in extraction_events if isinstance(event, SlotSet)]
    if ACTION_VALIDATE_SLOT_MAPPINGS not in domain.user_actions:
        return list(slot_events)
    validate_events = await self._run_custom_action(
        ACTION_VALIDATE_SLOT_MAPPINGS,
        output_channel,
        nlg,
        _rebuilt(tracker, list(slot_events), domain),
        domain,
    )
    validated = [event.key for event in validate_events if isinstance(event, SlotSet)]
    # Rasa: a candidate the custom action says nothing about is taken as valid.
    return validate_events + [event for event in slot_events if event.key not in validated]


@dataclass
class _Restart:
    events: Any  # the tracker's deque, so a replaced one is noticed
    count: int
    last: Event | None
    index: int


def _idx_after_latest_restart(self: DialogueStateTracker) -> int:
    """Rasa's ``DialogueStateTracker.idx_after_latest_restart``, looking only at events new
    since the last call on the same tracker."""
    events = self.events
    count = len(events)
    kept: _Restart | None = self.__dict__.get("_kept_restart")
    if (
        kept is not None
        and kept.events is events
        and kept.count <= count
        and (kept.count == 0 or events[kept.count - 1] is kept.last)
    ):
        start, index = kept.count, kept.index
    else:
        start, index = 0, 0
    # Backwards through the new events only, by iterator: a deque's middle is slow to index.
    for offset, event in enumerate(itertools.islice(reversed(events), count - start)):
        if isinstance(event, Restarted):
            index = count - offset
            break
    _know_restart(self, index)
    return index


def _know_restart(tracker: DialogueStateTracker, index: int) -> None:
    """Remember that ``tracker``'s events, as they are now, start after a restart at ``index``."""
    events = tracker.events
    tracker.__dict__["_kept_restart"] = _Restart(events, len(events), events[-1] if events else None, index)


def _is_action_limit_reached(
    self: MessageProcessor, tracker: DialogueStateTracker, should_predict_another_action: bool
) -> bool:
    """Rasa's ``MessageProcessor.is_action_limit_reached``, walking back from the last event
    instead of copying and reversing them all (two or three times a message)."""
    predicted = 0
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted):
            if event.action_name in (ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME):
                break
            predicted += 1
    return predicted >= self.max_number_of_predictions and should_predict_another_action


def _needs(runner: DaskGraphRunner, targets: list[str]) -> dict[str, tuple[str, ...]]:
    """Each node the targets need, with the nodes (or inputs) it takes, in Rasa's order; kept."""
    kept = runner.__dict__.setdefault("_kept_needs", {})
    key = (id(runner._graph_schema), tuple(targets))
    found = kept.get(key)
    if found is None or found[0] is not runner._graph_schema:
        schema = runner._graph_schema.minimal_graph_schema(targets)
        nodes = {name: tuple(node.needs.values()) for name, node in schema.nodes.items()}
        found = kept[key] = (runner._graph_schema, nodes)
    return found[1]


def _run_graph(
    self: DaskGraphRunner, inputs: dict[str, Any] | None = None, targets: list[str] | None = None
) -> dict[str, Any]:
    """Rasa's ``DaskGraphRunner.run``: what ``dask.get`` works out, by calling each node the
    targets need once, after the nodes it takes (as dask does, a name that is neither a node
    nor an input is handed over as it is)."""
    run_targets = targets if targets else self._graph_schema.target_names
    nodes = _needs(self, run_targets)
    graph: dict[str, Any] = dict.fromkeys(nodes)
    self._add_inputs_to_graph(inputs, graph)  # Rasa's check that no input is named as a node
    given = {name: graph[name] for name in inputs or {}}
    if graph_logger.isEnabledFor(logging.DEBUG):
        graph_logger.debug(
            f"Running graph with inputs: {inputs}, targets: {targets} and {self._execution_context}."
        )
    done: dict[str, Any] = {}

    def value(key: str) -> Any:
        if key in done:
            return done[key]
        if key in given:
            result = given[key]
        elif key in nodes:
            result = self._instantiated_nodes[key](*(value(need) for need in nodes[key]))
        else:
            return key
        done[key] = result
        return result

    try:
        return dict(value(target) for target in run_targets)
    except RuntimeError as e:
        raise GraphRunError("Error running runner.") from e


async def _load_agent_on_start(
    model_path: str, endpoints: Any, remote_storage: str | None, app: Any, loop: asyncio.AbstractEventLoop
) -> Any:
    """Rasa's start-up listener (Sanic calls it with the app and the loop), then what it
    loaded collected and frozen (item 11)."""
    load = _ORIGINAL[(rasa.core.run, "load_agent_on_start")]
    agent = await load(model_path, endpoints, remote_storage, app, loop)
    gc.collect()
    gc.freeze()
    return agent


def install() -> None:
    require_pinned_rasa()
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    RemoteAction._action_call_format = _action_call_format  # type: ignore[method-assign]
    EndpointConfig.session = _session  # type: ignore[method-assign]
    DialogueStateTracker.applied_events = _applied_events  # type: ignore[method-assign]
    RulePolicy._prediction_states = _prediction_states  # type: ignore[method-assign]
    DialogueStateTracker.copy = _copy  # type: ignore[method-assign]
    FormAction._temporary_tracker = _form_temporary_tracker  # type: ignore[method-assign]
    ActionExtractSlots._execute_validation_action = _execute_validation_action  # type: ignore[method-assign]
    DialogueStateTracker.idx_after_latest_restart = _idx_after_latest_restart  # type: ignore[method-assign]
    MessageProcessor.is_action_limit_reached = _is_action_limit_reached  # type: ignore[method-assign]
    RulePolicy._get_possible_keys = _get_possible_keys  # type: ignore[method-assign]
    DaskGraphRunner.run = _run_graph  # type: ignore[method-assign]
    rasa.core.run.load_agent_on_start = _load_agent_on_start  # type: ignore[assignment]


def uninstall() -> None:
    for (owner, name), method in _ORIGINAL.items():
        setattr(owner, name, method)
