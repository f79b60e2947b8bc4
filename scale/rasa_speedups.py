"""Make Rasa 3.6's calls to the action server cheaper, without changing what they decide.

Our forms call the action server two or three times per turn, and each call
cost Rasa more than the action itself (profiles in docs/benchmarks.md):

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

Importing this module (once, in the Rasa process) installs both;
:func:`uninstall` puts Rasa's own methods back. Both are idempotent.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import rasa
from jsonschema import validators
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

# Events of this many turns (counted by user messages) go to the action server.
RECENT_TURNS = 3

_ORIGINAL = {
    "_validate_action_result": RemoteAction._validate_action_result,
    "_action_call_format": RemoteAction._action_call_format,
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


def install() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    RemoteAction._action_call_format = _action_call_format  # type: ignore[method-assign]


def uninstall() -> None:
    for name, method in _ORIGINAL.items():
        setattr(RemoteAction, name, method)


install()
