"""Which question comes next: the question catalogue, in order. No Rasa imports."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from careplan.questions import catalogue, keys

SKIPPED = "(skipped)"

CARER_INTRO = [q.key for q in catalogue().values() if q.stage == "intro"]
GOAL = [q.key for q in catalogue().values() if q.stage == "goal" and q.store == "goal"]
GOAL_SLOTS = keys(stage="goal")
CARER_NEEDS = keys(stage="carer")
CARE_FORM = keys(form="care_form")
# Every slot that holds an answer to a question of the main conversation, in order.
ANSWER_SLOTS = CARE_FORM

# Messages with these intents interrupt a question instead of answering it,
# when NLU is sure and the text isn't a plausible answer (see answers.interrupts).
# Skip and "I don't know" are answers: they are recorded as skipped. The rules in
# data/rules/interruptions.yml and config.yml's InterruptionGuard are made from
# this list (scripts/make_rules.py; tests/test_catalogue.py checks them).
INTERRUPTIONS = (
    "help",
    "ask_why",
    "repeat",
    "ask_copy",
    "faq_who_sees",
    "faq_care_plan",
    "faq_real_person",
    "faq_data",
    "faq_what_next",
    "see_summary",
    "withdraw_sharing",
)
# Interruptions that leave the question: the rules handle each its own way.
MOVES = ("stop", "start_again", "go_back", "switch_person")

YES_NO = {q.key for q in catalogue().values() if q.kind == "yes_no"}
NONE_IS_AN_ANSWER = {q.key for q in catalogue().values() if q.none_ok}
MEDICAL_WELCOME = {q.key for q in catalogue().values() if q.medical}
UNSURE_IS_AN_ANSWER = {q.key for q in catalogue().values() if q.unsure_ok}


def ask_instead(slot: str | None) -> dict[str, Any]:
    """The slots that make a form ask ``slot``'s question instead of its next one (None: ask
    nothing this turn), for a form's validation to set.

    Rasa 3.6's form asks for the slot named by the first ``requested_slot`` the validation
    returns (rasa/core/actions/forms.py, ``request_next_slot``); "aside" has no question,
    so nothing is said. The SDK then adds the form's real next slot, so the next message
    still answers the open question. The undo confirmation, "brb" and (in
    actions/safety_turn.form_hold) the safety pause all work this way."""
    return {"requested_slot": slot or "aside"}


def is_carer(slots: Mapping[str, Any]) -> bool:
    return slots.get("for_whom") == "carer"


def goal_part(slots: Mapping[str, Any]) -> list[str]:
    if slots.get("goal_text") == SKIPPED:
        return ["goal_text", "another_goal"]
    return GOAL_SLOTS


def care_questions(slots: Mapping[str, Any]) -> list[str]:
    """The questions of the main conversation, as they apply to this person."""
    carer = is_carer(slots)
    asked: list[str] = []
    for key in CARE_FORM:
        question = catalogue()[key]
        if question.stage == "goal":
            if key == GOAL_SLOTS[0]:
                asked.extend(goal_part(slots))
        elif question.asked_of(carer):
            asked.append(key)
    return asked


def identity_questions(slots: Mapping[str, Any]) -> list[str]:
    """Asked once the person chooses to share: so the care team finds the right record."""
    carer = is_carer(slots)
    return [key for key in keys(stage="identity") if catalogue()[key].asked_of(carer)]


def review_questions(slots: Mapping[str, Any]) -> list[str]:
    """The read-back: a choice, then what that choice needs."""
    choice = slots.get("review_choice")
    if choice == "change":
        return ["review_choice", "goal_to_change", "goal_new_text"]
    if choice == "remove":
        return ["review_choice", "goal_to_remove"]
    if choice == "add":
        return ["review_choice", *GOAL]
    if choice == "date":
        return ["review_choice", "appointment_when"]
    if choice in {"questions", "add_question"}:
        return ["review_choice", "questions"]
    if choice == "confirm":
        after = identity_questions(slots) if slots.get("share_plan") == "yes" else []
        return ["review_choice", "share_plan", *after]
    return ["review_choice"]


def questions_left(slots: Mapping[str, Any]) -> int:
    """How many of the main conversation's questions are still to answer (the read-back after)."""
    return sum(1 for key in care_questions(slots) if slots.get(key) is None)


def next_question(questions: list[str], slots: Mapping[str, Any]) -> str | None:
    return next((q for q in questions if slots.get(q) is None), None)


def previous_answered(
    history: list[str] | None, questions: list[str], before: str | None = None
) -> str | None:
    """The last question answered that is still part of this conversation (``before``: the
    one answered before that one, for "no, the one before")."""
    answered = [slot for slot in history or [] if slot in questions]
    if before is not None and before in answered:
        answered = answered[: len(answered) - 1 - answered[::-1].index(before)]
    return answered[-1] if answered else None


def forget(slots: Mapping[str, Any], key: str) -> dict[str, Any]:
    """The slots to clear so ``key``'s question is asked again."""
    history = list(slots.get("history") or [])
    if key in history:
        del history[len(history) - 1 - history[::-1].index(key)]  # its last mention
    return {key: None, "history": history}


def step_back(slots: Mapping[str, Any], at_read_back: bool) -> dict[str, Any] | None:
    """The slots to clear so the last answered question is asked again ("go back").

    At the read-back that is the last question before it. None when there is
    nothing to go back to.
    """
    questions = review_questions(slots) if at_read_back else care_questions(slots)
    previous = previous_answered(slots.get("history"), questions)
    if previous is None:
        return {"review_choice": "questions", "questions": None} if at_read_back else None
    return forget(slots, previous)
