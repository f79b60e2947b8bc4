"""Runs on every message, inside forms and out: red flags and odd input.

Rasa calls ``action_validate_slot_mappings`` after every user message, before
any form or rule acts on it, and sends what it says first. That makes it the
one place that sees everything: it signposts help for a red flag and records
the flag for the care team, without blocking the conversation.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from actions.common import intent_of, is_button, logger, store, text_of
from careplan.input_checks import check
from careplan.safety import detect
from careplan.store import StoreUnavailable

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
        if is_button(tracker):
            return []
        text = text_of(tracker)
        events: list[EventType] = []
        requested = tracker.get_slot("requested_slot") if tracker.active_loop_name else None

        flag = detect(text, *intent_of(tracker))
        if flag is not None:
            events.append(SlotSet("red_flag", flag.kind))
            for kind in flag.kinds:  # an overdose is an emergency and a crisis: say and record both
                dispatcher.utter_message(response=f"utter_red_flag_{kind}")
                try:
                    store().add_flag(tracker.sender_id, kind, text, plan_id=tracker.get_slot("plan_id"))
                except StoreUnavailable:
                    kept = {"slot": "__flag__", "value": kind, "text": text, "skipped": False}
                    events.append(SlotSet("pending", [*(tracker.get_slot("pending") or []), kept]))
                    logger.warning("care-plan store unavailable; red flag kept for later")
        elif tracker.get_slot("red_flag"):
            events.append(SlotSet("red_flag", None))

        issue = check(text)
        if issue is not None and issue.kind in REPLY:
            dispatcher.utter_message(response=REPLY[issue.kind])
            if issue.kind in NOT_AN_ANSWER and requested:
                events.append(SlotSet(requested, None))
        elif requested and len(text) >= REPEAT_MIN_CHARS and text == previous_message(tracker):
            dispatcher.utter_message(response="utter_repeated")
            events.append(SlotSet(requested, None))
        return events


def previous_message(tracker: Tracker) -> str | None:
    """What the person said before this message."""
    said = (event.get("text") for event in reversed(tracker.events) if event.get("event") == "user")
    next(said, None)  # this message
    return next(said, None)
