"""Every goal button's label agrees with what it does (s30 tester: the main-goal buttons were
labelled "1, 2" and sent choice "3", "4"; the remove list's "3." sent "7"). For each question
with a button per goal, on a plan whose goal ids are not their numbers: each button's number and
title name one goal, and pressing it picks that goal, the same one typing its number picks."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from rasa_sdk import Tracker
from test_actions_unit import plans, run  # noqa: F401 - plans is a fixture

from actions import moves
from actions.care_form import ValidateCareForm
from actions.review_form import ValidateReviewForm
from actions.turn import Turn
from careplan.store import Store


def said(text: str, slots: dict[str, Any], form: str) -> Tracker:
    """A message as Rasa hands it over: a button's payload carries its choice as an entity."""
    payload = re.fullmatch(r"/(\w+)(\{.*\})?", text)
    entities = [
        {"entity": key, "value": value} for key, value in json.loads((payload and payload[2]) or "{}").items()
    ]
    intent = payload[1] if payload else "inform"
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities}
    return Tracker(
        sender_id="buttons",
        slots=slots,
        latest_message=latest,
        events=[{"event": "user", "text": text, "parse_data": latest}],
        paused=False,
        followup_action=None,
        active_loop={"name": form},
        latest_action_name="action_listen",
    )


@pytest.fixture
def plan(plans: Store) -> dict[str, Any]:  # noqa: F811 - the fixture, used
    """Tariq's plan: two goals with a removed one before them, the second made the main thing,
    and a carer's own goal, so no id is the number the read-back shows."""
    plan_id = plans.new_plan("buttons")
    plans.remove_goal(
        plan_id, plans.add_goal(plan_id, "episode this morning", "Episode this morning", "other")
    )
    plans.add_goal(plan_id, "make chapatis again", "Make chapatis again", "daily_living")
    mosque = plans.add_goal(plan_id, "walk to the mosque on fridays", "Walk to the mosque", "mobility")
    plans.add_goal(plan_id, "a break", "A break", "other", for_carer=True)
    plans.set_one_thing(plan_id, mosque)
    return {"plan_id": plan_id, "for_whom": "carer"}


@pytest.mark.parametrize(
    ("ask", "slot", "form"),
    [
        (moves.ActionAskOneThing(), "one_thing", ValidateCareForm),
        (moves.ActionAskGoalToRemove(), "goal_to_remove", ValidateReviewForm),
        (moves.ActionAskGoalToChange(), "goal_to_change", ValidateReviewForm),
    ],
)
def test_each_button_picks_the_goal_its_label_names(
    plans: Store,  # noqa: F811 - the fixture, used
    plan: dict[str, Any],
    ask: moves.AskWithGoalButtons,
    slot: str,
    form: type,
) -> None:
    slots = {**plan, "requested_slot": slot}
    _, dispatcher = run(ask, said("/inform", slots, "care_form"))
    [question] = dispatcher.messages
    buttons = question["buttons"]
    every = [*plans.goals(plan["plan_id"]), *plans.goals(plan["plan_id"], for_carer=True)]
    assert len(buttons) == (3 if slot != "one_thing" else 2)
    for button in buttons:
        number, title = re.fullmatch(r"(\d+)\. (.+)", button["title"]).groups()
        assert re.search(rf'"choice":\s*"{number}"', button["payload"]), "the payload is the label's number"
        validate = form()
        pressed = validate.read(
            slot, button["payload"], Turn(said(button["payload"], slots, form.__name__), dispatcher, slots)
        )
        typed = validate.read(slot, number, Turn(said(number, slots, form.__name__), dispatcher, slots))
        picked = next(g for g in every if str(g["id"]) == str(pressed.value))
        assert picked["title"] == title, f"button {number} picks {picked['title']!r}"
        assert str(typed.value) == str(pressed.value), f"typing {number} picks another goal"
