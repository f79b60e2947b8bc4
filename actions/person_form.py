"""A carer with more than one plan chooses whose plan this is (or someone new)."""

from __future__ import annotations

from typing import Any

from actions.answers import Reading
from actions.common import entity, store, text_of
from actions.forms import QuestionForm
from actions.turn import Turn


class ValidatePersonForm(QuestionForm):
    questions = staticmethod(lambda slots: ["plan_choice"])

    def name(self) -> str:
        return "validate_person_form"

    def hear(self, asked: str, text: str, turn: Turn) -> dict[str, Any]:
        return {}

    def read(self, slot: str, value: Any, turn: Turn) -> Reading:
        tracker = turn.tracker
        choice = entity(tracker, "choice")
        plans = store().plans_for_sender(tracker.sender_id)
        lowered = text_of(tracker).lower()
        if choice == "new" or any(w in lowered for w in ("new", "someone else", "another")):
            return Reading(value="new", text="someone new")
        if choice is not None and str(choice).isdigit() and any(p["id"] == int(choice) for p in plans):
            return Reading(value=str(choice), text=text_of(tracker))
        for plan in plans:
            names = {(plan["subject_name"] or "").lower(), (plan["preferred_name"] or "").lower()} - {""}
            if any(n in lowered for n in names):
                return Reading(value=str(plan["id"]), text=text_of(tracker))
        return Reading(replies=["utter_choose_option"])

    def store(self, slot: str, reading: Reading, turn: Turn) -> None:
        """Choosing a person is not an answer; action_switch_person acts on it."""
