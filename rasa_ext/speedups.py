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
   message and the active form are sent in full as before. Our actions read
   events only to compare this message with the one before
   (actions/hook.py), and the SDK's forms only the slots set since the last
   message.
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

:func:`install` (called by ``python -m rasa_ext``, see rasa_ext/__init__.py)
puts them all in place; :func:`uninstall` puts Rasa's own methods back. Both
are idempotent, and importing this module changes nothing. What each replaces,
and how to check it on a new Rasa: docs/upgrading-rasa.md.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import aiohttp
import rasa
from jsonschema import validators
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from rasa.core.actions.action import RemoteAction
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.utils.endpoints import EndpointConfig

from rasa_ext import require_pinned_rasa

# Events of this many turns (counted by user messages) go to the action server.
RECENT_TURNS = 3
# Idle connections to the action server are kept this long (Sanic closes them at 5 s).
KEEPALIVE_SECONDS = 2.0

_ORIGINAL = {
    (RemoteAction, "_validate_action_result"): RemoteAction._validate_action_result,
    (RemoteAction, "_action_call_format"): RemoteAction._action_call_format,
    (EndpointConfig, "session"): EndpointConfig.session,
    (DialogueStateTracker, "applied_events"): DialogueStateTracker.applied_events,
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


def _action_call_format(self: RemoteAction, tracker: DialogueStateTracker, domain: Domain) -> dict[str, Any]:
    """Rasa's request body, with only the recent events."""
    state = tracker.current_state(EventVerbosity.NONE)
    state["events"] = [event.as_dict() for event in recent_events(list(tracker.events))]
    result = {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": state,
        "version": rasa.__version__,
    }
    if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(
        self.name()
    ):
        result["domain"] = domain.as_dict()
    return result


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


def install() -> None:
    require_pinned_rasa()
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    RemoteAction._action_call_format = _action_call_format  # type: ignore[method-assign]
    EndpointConfig.session = _session  # type: ignore[method-assign]
    DialogueStateTracker.applied_events = _applied_events  # type: ignore[method-assign]


def uninstall() -> None:
    for (owner, name), method in _ORIGINAL.items():
        setattr(owner, name, method)
