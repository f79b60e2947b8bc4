"""The first question: may we write down what they tell us? Nothing is stored before a yes."""

from __future__ import annotations

from typing import Any

from actions.answers import Reading
from actions.common import store, text_of
from actions.extras import carer_known, heard_before, heard_now, keep_carers_name, say_heard, typed
from actions.forms import QuestionForm
from actions.turn import Turn, form_slots
from careplan import listen
from careplan.store import StoreUnavailable

# Corrections of what an opening told (the day, the time, who with, a name), made at the consent question.
OPENING_FIXES = {"date", "time", "clinician", "name"}


class ValidateConsentForm(QuestionForm):
    questions = staticmethod(lambda slots: ["consent"])

    def name(self) -> str:
        return "validate_consent_form"

    def hear(self, asked: str, text: str, turn: Turn) -> dict[str, Any]:
        """Nothing is taken before the person agrees."""
        return {}

    def read(self, slot: str, value: Any, turn: Turn) -> Reading:
        """Not yes or no, but what the questions ask ("it's for my wife Pam, she's seeing the
        falls nurse"): said back, not "didn't catch", and the consent question comes again."""
        text, keys = text_of(turn.tracker), form_slots()["care_form"]
        fix = listen.correction(text)
        if fix is not None and fix.kind in OPENING_FIXES and listen.hear(text, keys):
            # "no wait its wednesday not tuesday": what they told, put right, and not a no
            # ("no not today" tells nothing, and is one)
            if say_heard(heard_before(turn.tracker, keys, carer=None), turn.dispatcher):
                return Reading()
        reading = super().read(slot, value, turn)
        if reading.accepted or not say_heard(heard_now(turn.tracker), turn.dispatcher):
            return reading
        return Reading()

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
        """Once they agree, what they said before agreeing is kept too ("hi, I see the nurse
        soon"): it was said back then, so only what this message adds is said now."""
        if reading.value != "yes":
            return {}
        keys = form_slots()["care_form"]
        taken = self.take(heard_before(turn.tracker, keys, carer=None, latest=False), turn, quiet=True)
        now = listen.hear(text_of(turn.tracker), keys, carer=carer_known(turn.slots))
        taken = {**taken, **self.take(now, turn)}
        keep_carers_name(turn, typed(turn.tracker))  # "hello, I am Tomasz, I do this for my father"
        return taken

    def stage_when_done(self, slots: dict[str, Any]) -> str:
        return "questions" if slots.get("consent") == "yes" else "declined"
