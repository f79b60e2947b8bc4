"""Runs on every message, inside forms and out: red flags and odd input.

Rasa calls ``action_validate_slot_mappings`` after every user message, before
any form or rule acts on it, and sends what it says first. That makes it the
one place that sees everything: it signposts help for a red flag and records
the flag for the care team, without blocking the conversation
(actions/safety_turn.py: emergency pause, check-in, "that's not what I meant").
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from actions.common import is_button, previous_message, text_of
from actions.safety_turn import ages_told, handle
from careplan.input_checks import check
from careplan.listen import asks_for_prayer

# Input that carries no answer: the question is asked again.
NOT_AN_ANSWER = {"empty", "emoji_only"}
REPLY = {
    "empty": "utter_empty_message",
    "too_long": "utter_too_long",
    "emoji_only": "utter_only_emoji",
    "not_english": "utter_english_only",
}
# The same long message again straight away is a double send, not a new answer.
REPEAT_MIN_CHARS = 15


class ActionValidateSlotMappings(ValidationAction):
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = text_of(tracker)
        events = handle(dispatcher, tracker, text, button=is_button(tracker))
        if is_button(tracker):
            return events
        events += ages_told(tracker, text)
        requested = tracker.get_slot("requested_slot") if tracker.active_loop_name else None

        issue = check(text)
        besides = asks_for_prayer(text)
        if besides is not None:
            # "will you pray for me?": a kind no, once; asked alone, the question again
            dispatcher.utter_message(response="utter_faith_request")
            if requested and not besides:
                events.append(SlotSet(requested, None))
        if issue is not None and issue.kind in REPLY:
            dispatcher.utter_message(response=REPLY[issue.kind])
            if issue.kind in NOT_AN_ANSWER and requested:
                events.append(SlotSet(requested, None))
        elif requested and len(text) >= REPEAT_MIN_CHARS and text == previous_message(tracker):
            dispatcher.utter_message(response="utter_repeated")
            events.append(SlotSet(requested, None))
        return events
