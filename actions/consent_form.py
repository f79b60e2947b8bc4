"""The first question: may we write down what they tell us? Nothing is stored before a yes."""

from __future__ import annotations

from typing import Any

from actions.answers import Reading
from actions.common import store
from actions.extras import heard_before
from actions.forms import QuestionForm
from actions.turn import Turn, form_slots
from careplan.store import StoreUnavailable


class ValidateConsentForm(QuestionForm):
    questions = staticmethod(lambda slots: ["consent"])

    def name(self) -> str:
        return "validate_consent_form"

    def hear(self, asked: str, text: str, turn: Turn) -> dict[str, Any]:
        """Nothing is taken before the person agrees."""
        return {}

    def store(self, slot: str, reading: Reading, turn: Turn) -> None:
        """Nothing is stored before the person agrees; the plan starts with a yes."""
        if reading.value != "yes":
            return
        try:
            turn.slots["plan_id"] = store().new_plan(turn.tracker.sender_id)
        except StoreUnavailable:
            turn.slots["plan_id"] = None  # created on the first stored answer instead
        turn.slots["consented"] = True

    def follow_up(self, slot: str, reading: Reading, turn: Turn) -> dict[str, Any]:
        """Once they agree, what they said before agreeing is heard too ("hi, I see the nurse soon")."""
        if reading.value != "yes":
            return {}
        return self.take(heard_before(turn.tracker, form_slots()["care_form"], carer=None), turn)

    def stage_when_done(self, slots: dict[str, Any]) -> str:
        return "questions" if slots.get("consent") == "yes" else "declined"
