"""What every action needs: the shared store and a few facts about the message."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker

from careplan.dictation import punctuate
from careplan.input_checks import clean
from careplan.listen import without_not_a_question
from careplan.store import Store

logger = logging.getLogger(__name__)

# NLU confidence above which an intent is trusted to mean "this is not an answer".
SURE = 0.75


@lru_cache(maxsize=1)
def store() -> Store:
    """One store per action-server process; migrations run on first use."""
    return Store()


def text_of(tracker: Tracker) -> str:
    """The person's message, without control characters (kept out of the record), with
    punctuation said as words by voice typing ("full stop", "question mark") written as marks,
    and without "that is not a question" (what it says of the words before is heeded)."""
    return _readable((tracker.latest_message or {}).get("text") or "")


@lru_cache(maxsize=16)
def _readable(text: str) -> str:
    """:func:`text_of` for the words themselves: worked out once however often a turn asks."""
    return without_not_a_question(punctuate(clean(text)))


def intent_of(tracker: Tracker) -> tuple[str | None, float]:
    intent = (tracker.latest_message or {}).get("intent") or {}
    return intent.get("name"), float(intent.get("confidence") or 0.0)


def entity(tracker: Tracker, name: str) -> Any:
    return next(tracker.get_latest_entity_values(name), None)


def sure_intent(tracker: Tracker) -> str | None:
    """The intent, if NLU is sure of it (button payloads always are)."""
    name, confidence = intent_of(tracker)
    return name if confidence >= SURE else None


def is_button(tracker: Tracker) -> bool:
    return text_of(tracker).startswith("/")


def previous_message(tracker: Tracker) -> str | None:
    """What the person said before this message."""
    said = (event.get("text") for event in reversed(tracker.events) if event.get("event") == "user")
    next(said, None)  # this message
    return next(said, None)


def last_said_was(tracker: Tracker, *responses: str) -> bool:
    """Was the bot's last message one of these responses ("utter_away")?"""
    said = next((e for e in reversed(tracker.events) if e.get("event") == "bot"), None)
    return bool(said) and (said.get("metadata") or {}).get("utter_action") in responses


def times_said(tracker: Tracker, response: str) -> int:
    """How many times the bot has said this response in the conversation ("utter_ask_preferred_name")."""
    return sum(
        1
        for e in tracker.events
        if e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action") == response
    )


def last_bot_text(tracker: Tracker) -> str:
    """The words of the bot's last message (the question open now, usually)."""
    said = next((e for e in reversed(tracker.events) if e.get("event") == "bot"), None)
    return (said or {}).get("text") or ""


def said_last_turn(tracker: Tracker, *responses: str) -> bool:
    """Did the bot say one of these responses in answer to the message before this one?"""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users > 1:
                return False
        elif event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") in responses:
            return True
    return False


# A pause long enough that a "hi" after it is someone coming back, not a hello mid-chat
_A_WHILE = 20 * 60  # seconds


def stepped_away(tracker: Tracker) -> bool:
    """Was the person away before this message: "brb" just answered, "can I stop and come back
    later?" answered last turn, or a long pause since their message before?"""
    if last_said_was(tracker, "utter_away", "utter_take_your_time") or said_last_turn(
        tracker, "utter_faq_come_back"
    ):
        return True
    times = [e.get("timestamp") for e in reversed(tracker.events) if e.get("event") == "user"][:2]
    return len(times) == 2 and None not in times and times[0] - times[1] >= _A_WHILE


def plan_goals(slots: dict[str, Any]) -> list[dict[str, Any]]:
    """The goals of this conversation's plan, in order (none before the plan exists)."""
    plan_id = slots.get("plan_id")
    return store().goals(int(plan_id)) if plan_id else []


def readback_goals(slots: dict[str, Any]) -> list[dict[str, Any]]:
    """The goals as the read-back numbers them: the person's, then a carer's own ("What would
    help you, as a carer"), so "change number 3" or "take off the respite one" finds either."""
    plan_id = slots.get("plan_id")
    return [*plan_goals(slots), *store().goals(int(plan_id), for_carer=True)] if plan_id else []


def pressed_goal(tracker: Tracker, goals: list[dict[str, Any]]) -> int | None:
    """The goal a goal button picks. A button sends the number on its label ("2. Walk to the
    shop" sends choice 2), so pressing it and typing "2" always pick the same goal (s30 tester:
    buttons labelled 1 and 2 sent 3 and 4). None without a button's choice, or a number off the list."""
    choice = str(entity(tracker, "choice") or "")
    if not choice.isdigit() or not 1 <= int(choice) <= len(goals):
        return None
    return goals[int(choice) - 1]["id"]
