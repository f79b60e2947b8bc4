"""What each step of reading a message in a form is handed, and the forms' slots."""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from careplan.questions import domain

# Slots the forms keep for themselves (not answers): set again whenever a turn changes them.
BOOKKEEPING = (
    "plan_id",
    "current_goal_id",
    "goal_title",
    "goals_waiting",
    "pending",
    "history",
    "stage",
    "consented",
    "last_reflection",
    "noted_questions",
    "speaker",
)


@cache
def form_slots() -> dict[str, list[str]]:
    """Each form's slots as domain.yml lists them.

    The action server reads them here, so Rasa needn't send its whole domain
    (24 kB) with every call: endpoints.yml enables Rasa's selective domain.
    """
    return {name: list(form["required_slots"]) for name, form in domain()["forms"].items()}


class Turn(NamedTuple):
    """What every step of reading an answer needs."""

    tracker: Tracker
    dispatcher: CollectingDispatcher
    slots: dict[str, Any]
