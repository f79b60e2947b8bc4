"""Validation actions for the four forms.

Rasa fills the requested slot from the person's text; these actions decide
what the text means (``answers.interpret_answer``), store it at once
(``answers.record``) and work out the next question (``flow``).
"""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import flow
from actions.answers import Reading, flush, interpret_answer, interrupts, record
from actions.common import entity, store, sure_intent, text_of
from actions.safety_turn import form_hold
from careplan.dates import resolve
from careplan.store import StoreUnavailable

DOMAIN = Path(__file__).resolve().parent.parent / "domain.yml"
BOOKKEEPING = ("plan_id", "current_goal_id", "goal_title", "pending", "history", "stage", "consented")
REVIEW_INTENTS = {
    "confirm_plan": "confirm",
    "affirm": "confirm",
    "change_goal": "change",
    "remove_goal": "remove",
    "add_goal": "add",
}
# "Something else" is a way into an answer, not the answer itself.
VAGUE = re.compile(r"^\W*(something else|another thing|other|none of (them|those)|neither)\W*$", re.I)
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "last": -1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
}


def pick_goal(tracker: Tracker, goals: list[dict[str, Any]]) -> int | None:
    """A goal id from a button, a number ("2", "the second one") or its title."""
    choice = entity(tracker, "choice")
    ids = [g["id"] for g in goals]
    if choice is not None and str(choice).isdigit():
        return int(choice) if int(choice) in ids else None
    text = text_of(tracker).lower()
    number = re.search(r"\b(\d+)\b", text)
    index = (
        int(number.group(1))
        if number
        else next((n for word, n in ORDINALS.items() if re.search(rf"\b{word}\b", text)), None)
    )
    if index is not None and goals and -1 <= index <= len(goals) and index != 0:
        return ids[index - 1] if index > 0 else ids[-1]
    for goal in goals:
        if goal["title"].lower() in text or text.strip() in goal["title"].lower():
            return goal["id"]
    return None


@cache
def form_slots() -> dict[str, list[str]]:
    """Each form's slots as domain.yml lists them.

    The action server reads them here, so Rasa needn't send its whole domain
    (24 kB) with every call: endpoints.yml enables Rasa's selective domain.
    """
    with DOMAIN.open(encoding="utf-8") as handle:
        forms = yaml.safe_load(handle)["forms"]
    return {name: list(form["required_slots"]) for name, form in forms.items()}


class Turn(NamedTuple):
    """What every step of reading an answer needs."""

    tracker: Tracker
    dispatcher: CollectingDispatcher
    slots: dict[str, Any]


class QuestionForm(FormValidationAction):
    """Shared validation: read, store, and say what follows from each answer."""

    questions: Callable[[dict[str, Any]], list[str]]

    @abstractmethod
    def name(self) -> str:
        """Abstract, so the SDK registers only the real forms below."""

    def domain_slots(self, domain: DomainDict) -> list[str]:
        return form_slots()[self.form_name()]

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        return type(self).questions(tracker.slots)

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        held = form_hold(tracker)  # an emergency pause or a safety check-in
        if held is not None:
            return held
        slots = dict(tracker.slots)
        turn = Turn(tracker, dispatcher, slots)
        before = {key: slots.get(key) for key in BOOKKEEPING}
        updates: dict[str, Any] = {}
        flush(tracker, slots)
        # Only the question just asked is being answered. (When a form starts again
        # after a pause, Rasa offers every filled slot: those are answered already.)
        asked = tracker.get_slot("requested_slot")
        answers = tracker.slots_to_validate()
        if asked in answers and asked in type(self).questions(slots):
            if interrupts(asked, tracker):
                # Hand over to the rules for help, stop, go back...: they answer and
                # then bring the person back to this same question.
                return [SlotSet(asked, None), ActionExecutionRejected(self.form_name())]
            updates.update(self.answer(asked, answers[asked], turn))
        if flow.next_question(type(self).questions(slots), slots) is None:
            slots["stage"] = self.stage_when_done(slots)
        updates.update({key: slots.get(key) for key in BOOKKEEPING if slots.get(key) != before[key]})
        return [SlotSet(key, value) for key, value in updates.items()]

    def answer(self, slot: str, value: Any, turn: Turn) -> dict[str, Any]:
        """Read one answer, store it, and say what follows. Returns the slots to set."""
        reading = self.read(slot, value, turn)
        for reply in reading.replies:
            turn.dispatcher.utter_message(response=reply)
        if not reading.accepted:
            return {slot: None}
        turn.slots[slot] = reading.value
        self.store(slot, reading, turn)
        turn.slots["history"] = [*(turn.slots.get("history") or []), slot]
        follow = self.follow_up(slot, reading, turn)
        turn.slots.update(follow)
        return {slot: reading.value, **follow}

    # -- hooks for each form -----------------------------------------------------------
    def read(self, slot: str, value: Any, turn: Turn) -> Reading:
        return interpret_answer(slot, value, turn.tracker)

    def store(self, slot: str, reading: Reading, turn: Turn) -> None:
        record(*turn, reading, slot)

    def follow_up(self, slot: str, reading: Reading, turn: Turn) -> dict[str, Any]:
        return {}

    def stage_when_done(self, slots: dict[str, Any]) -> str:
        return slots.get("stage") or "consent"


class ValidateConsentForm(QuestionForm):
    questions = staticmethod(lambda slots: ["consent"])

    def name(self) -> str:
        return "validate_consent_form"

    def store(self, slot: str, reading: Reading, turn: Turn) -> None:
        """Nothing is stored before the person agrees; the plan starts with a yes."""
        if reading.value != "yes":
            return
        try:
            turn.slots["plan_id"] = store().new_plan(turn.tracker.sender_id)
        except StoreUnavailable:
            turn.slots["plan_id"] = None  # created on the first stored answer instead
        turn.slots["consented"] = True

    def stage_when_done(self, slots: dict[str, Any]) -> str:
        return "questions" if slots.get("consent") == "yes" else "declined"


class ValidateCareForm(QuestionForm):
    questions = staticmethod(flow.care_questions)

    def name(self) -> str:
        return "validate_care_form"

    def read(self, slot: str, value: Any, turn: Turn) -> Reading:
        tracker, _, slots = turn
        if slot == "one_thing":
            goals = _goals(slots)
            chosen = pick_goal(tracker, goals) if goals else None
            if chosen is not None:
                title = next(g["title"] for g in goals if g["id"] == chosen)
                return Reading(value=str(chosen), text=title)
            if VAGUE.match(text_of(tracker)):
                return Reading(replies=["utter_one_thing_own_words"])
        reading = interpret_answer(slot, value, tracker)
        if reading.skipped and slot in {"person_name", "preferred_name"} and flow.is_carer(slots):
            # names fill the questions' wording, so keep something readable
            reading.value = slots.get("person_name") if slot == "preferred_name" else None
            reading.value = reading.value or "the person you care for"
        return reading

    def follow_up(self, slot: str, reading: Reading, turn: Turn) -> dict[str, Any]:
        _, dispatcher, slots = turn
        if slot == "preferred_name" and not reading.skipped and slots.get("for_whom") != "carer":
            dispatcher.utter_message(response="utter_nice_to_meet", preferred_name=reading.value)
        elif slot == "person_present":
            dispatcher.utter_message(
                response="utter_nice_to_meet", preferred_name=slots.get("preferred_name")
            )
        elif slot == "appointment_when" and not reading.skipped:
            when = resolve(reading.text)
            if when:
                dispatcher.utter_message(response="utter_date_noted", date_text=_say_date(when))
            else:
                dispatcher.utter_message(response="utter_date_unclear")
        elif slot == "goal_text" and not reading.skipped and slots.get("goal_title"):
            dispatcher.utter_message(response="utter_goal_noted", title=slots["goal_title"])
        elif slot == "carer_assessment" and reading.value == "yes":
            dispatcher.utter_message(response="utter_carer_assessment_info")
        elif slot == "another_goal" and reading.value == "yes":
            return {**{s: None for s in flow.GOAL_SLOTS}, "current_goal_id": None, "goal_title": None}
        return {}

    def stage_when_done(self, slots: dict[str, Any]) -> str:
        return "review"


class ValidateReviewForm(QuestionForm):
    questions = staticmethod(flow.review_questions)

    def name(self) -> str:
        return "validate_review_form"

    def read(self, slot: str, value: Any, turn: Turn) -> Reading:
        tracker, _, slots = turn
        intent = sure_intent(tracker)
        if slot == "review_choice":
            choice = REVIEW_INTENTS.get(intent or "")
            if choice in {"change", "remove"} and not _goals(slots):
                return Reading(replies=["utter_no_goals_yet"])
            return Reading(value=choice, text=choice or "", replies=[] if choice else ["utter_choose_option"])
        if slot in {"goal_to_change", "goal_to_remove"}:
            chosen = pick_goal(tracker, _goals(slots))
            return Reading(
                value=str(chosen) if chosen else None,
                text=text_of(tracker),
                replies=[] if chosen else ["utter_choose_option"],
            )
        return interpret_answer(slot, value, tracker)

    def store(self, slot: str, reading: Reading, turn: Turn) -> None:
        if slot in {"review_choice", "goal_to_change"}:
            return
        plan_id = int(turn.slots["plan_id"])
        if slot == "goal_to_remove":
            store().remove_goal(plan_id, int(reading.value))
            return
        if slot == "share_plan":
            from careplan.models import utcnow

            shared = reading.value == "yes"
            store().update_plan(
                plan_id,
                shared=shared,
                shared_at=utcnow() if shared else None,
                status="completed",
                completed_at=utcnow(),
            )
            return
        record(*turn, reading, slot)

    def follow_up(self, slot: str, reading: Reading, turn: Turn) -> dict[str, Any]:
        _, dispatcher, slots = turn
        done = {"review_choice": None, "goal_to_change": None, "goal_new_text": None, "goal_to_remove": None}
        if slot == "goal_new_text":
            dispatcher.utter_message(response="utter_goal_changed")
            return done
        if slot == "goal_to_remove":
            dispatcher.utter_message(response="utter_goal_removed")
            return done
        if slot == "goal_text" and not reading.skipped and slots.get("goal_title"):
            dispatcher.utter_message(response="utter_goal_noted", title=slots["goal_title"])
        if slot == "goal_help" or (slot == "goal_text" and reading.skipped):
            return {**done, **{s: None for s in flow.GOAL_SLOTS}, "current_goal_id": None}
        return {}

    def stage_when_done(self, slots: dict[str, Any]) -> str:
        return "done"


class ValidatePersonForm(QuestionForm):
    questions = staticmethod(lambda slots: ["plan_choice"])

    def name(self) -> str:
        return "validate_person_form"

    def read(self, slot: str, value: Any, turn: Turn) -> Reading:
        tracker = turn.tracker
        choice = entity(tracker, "choice")
        plans = store().plans_for_sender(tracker.sender_id)
        if choice == "new" or re.search(r"\b(new|someone else|another)\b", text_of(tracker).lower()):
            return Reading(value="new", text="someone new")
        if choice is not None and str(choice).isdigit() and any(p["id"] == int(choice) for p in plans):
            return Reading(value=str(choice), text=text_of(tracker))
        lowered = text_of(tracker).lower()
        for plan in plans:
            names = {(plan["subject_name"] or "").lower(), (plan["preferred_name"] or "").lower()} - {""}
            if any(n in lowered for n in names):
                return Reading(value=str(plan["id"]), text=text_of(tracker))
        return Reading(replies=["utter_choose_option"])

    def store(self, slot: str, reading: Reading, turn: Turn) -> None:
        """Choosing a person is not an answer; action_switch_person acts on it."""


def _goals(slots: dict[str, Any]) -> list[dict[str, Any]]:
    plan_id = slots.get("plan_id")
    return store().goals(int(plan_id)) if plan_id else []


def _say_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"
