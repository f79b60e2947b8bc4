"""Which question comes next. Plain data and functions, no Rasa imports."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SKIPPED = "(skipped)"

SELF_INTRO = ["for_whom", "preferred_name"]
CARER_INTRO = [
    "for_whom",
    "person_name",
    "preferred_name",
    "carer_relationship",
    "carer_basis",
    "person_present",
]
APPOINTMENT = ["appointment_with", "appointment_when", "appointment_reason"]
LIFE = ["what_matters", "good_day", "enjoys"]
GOAL = ["goal_text", "goal_why", "goal_barriers", "goal_help"]
SUPPORT = ["strengths", "support", "worries"]
FOCUS = ["one_thing", "questions"]
CARER_NEEDS = ["carer_coping", "carer_help", "carer_assessment"]

# Every slot that holds an answer to a question, in the order they are asked.
ANSWER_SLOTS = [
    *CARER_INTRO,
    *APPOINTMENT,
    *LIFE,
    *GOAL,
    "another_goal",
    *SUPPORT,
    *FOCUS,
    *CARER_NEEDS,
]
GOAL_SLOTS = GOAL + ["another_goal"]

# Messages with these intents interrupt a question instead of answering it,
# when NLU is sure and the text isn't a plausible answer (see answers.interrupts).
# Skip and "I don't know" are answers: they are recorded as skipped.
INTERRUPTIONS = {
    "help",
    "faq_who_sees",
    "faq_care_plan",
    "faq_real_person",
    "faq_data",
    "faq_what_next",
    "stop",
    "start_again",
    "go_back",
    "see_summary",
    "switch_person",
    "withdraw_sharing",
}

# What kind of answer each question wants.
YES_NO = {"consent", "person_present", "another_goal", "carer_assessment", "share_plan"}
# Questions where "no" or "nothing" is a real answer.
NONE_IS_AN_ANSWER = {
    "goal_barriers",
    "goal_help",
    "worries",
    "questions",
    "carer_help",
    "support",
    "carer_coping",
}
# Questions where a question to the care team or a medical worry belongs.
MEDICAL_WELCOME = {"questions", "worries", "goal_barriers", "goal_help", "appointment_reason", "carer_coping"}


def is_carer(slots: Mapping[str, Any]) -> bool:
    return slots.get("for_whom") == "carer"


def goal_part(slots: Mapping[str, Any]) -> list[str]:
    if slots.get("goal_text") == SKIPPED:
        return ["goal_text", "another_goal"]
    return [*GOAL, "another_goal"]


def care_questions(slots: Mapping[str, Any]) -> list[str]:
    """The questions of the main conversation, as they apply to this person."""
    carer = is_carer(slots)
    return [
        *(CARER_INTRO if carer else SELF_INTRO),
        *APPOINTMENT,
        *LIFE,
        *goal_part(slots),
        *SUPPORT,
        *FOCUS,
        *(CARER_NEEDS if carer else []),
    ]


def review_questions(slots: Mapping[str, Any]) -> list[str]:
    """The read-back: a choice, then what that choice needs."""
    choice = slots.get("review_choice")
    if choice == "change":
        return ["review_choice", "goal_to_change", "goal_new_text"]
    if choice == "remove":
        return ["review_choice", "goal_to_remove"]
    if choice == "add":
        return ["review_choice", *GOAL]
    if choice == "confirm":
        return ["review_choice", "share_plan"]
    return ["review_choice"]


def next_question(questions: list[str], slots: Mapping[str, Any]) -> str | None:
    return next((q for q in questions if slots.get(q) is None), None)


def previous_answered(history: list[str] | None, questions: list[str]) -> str | None:
    """The last question answered that is still part of this conversation."""
    for slot in reversed(history or []):
        if slot in questions:
            return slot
    return None
