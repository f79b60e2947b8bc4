"""The main conversation: who it's for, the appointment, what matters and the goals."""

from __future__ import annotations

from typing import Any

from actions import flow
from actions.answers import ASIDE_REPLIES, Reading, interpret_answer
from actions.common import is_button, plan_goals, pressed_goal, text_of
from actions.corrections import confirm_first
from actions.extras import heard_before
from actions.forms import QuestionForm
from actions.turn import Turn
from careplan import dates, interpret, listen


class ValidateCareForm(QuestionForm):
    questions = staticmethod(flow.care_questions)

    def name(self) -> str:
        return "validate_care_form"

    def read(self, slot: str, value: Any, turn: Turn) -> Reading:
        tracker, _, slots = turn
        if slot == "one_thing":
            goals = plan_goals(slots)
            chosen = pressed_goal(tracker, goals) or listen.goal_named_well(
                listen.one_thing_said(text_of(tracker)), goals
            )
            if chosen is not None:
                title = next(g["title"] for g in goals if g["id"] == chosen)
                return Reading(
                    value=str(chosen), text=f"(chose: {title})" if is_button(tracker) else text_of(tracker)
                )
            if listen.VAGUE.match(text_of(tracker)):
                return Reading(replies=["utter_one_thing_own_words"])
        told = plan_goals(slots) if slot == "goal_text" and not is_button(tracker) else []
        if told and listen.only_that_goal(text_of(tracker), told):
            # "just the needle one for now": the goals told are all, never a goal "Just the needle one"
            return Reading(value=flow.SKIPPED, text=text_of(tracker), skipped=True)
        if slot == "another_goal" and not is_button(tracker):
            # "sleeping better" or "no but I'd like to get back to bowls" to "something else?" is a
            # yes, and the goal itself; "yes that's right, that is all" is the end of the goals
            if listen.goal_in_reply(text_of(tracker)):
                aside = interpret.without_complaint(text_of(tracker))[1]  # "... Did I put that right?"
                replies = [ASIDE_REPLIES["checking"]] if aside == "checking" else []
                return Reading(value="yes", text=text_of(tracker), replies=replies)
            if listen.ends_the_list(text_of(tracker)) or listen.no_more_goals(text_of(tracker)):
                return Reading(value="no", text=text_of(tracker))
        reading = interpret_answer(slot, value, tracker)
        if reading.skipped and slot in {"person_name", "preferred_name"} and flow.is_carer(slots):
            # names fill the questions' wording, so keep something readable
            reading.value = slots.get("person_name") if slot == "preferred_name" else None
            reading.value = reading.value or "the person you care for"
        return reading

    def answer(self, slot: str, value: Any, turn: Turn, heard: Any = None) -> dict[str, Any]:
        if slot == "one_thing" and (asking := self.which_goal(turn)) is not None:
            return asking
        return super().answer(slot, value, turn, heard)

    def which_goal(self, turn: Turn) -> dict[str, Any] | None:
        """ "the dog one" to the one-thing question: a goal pointed at, but not one the words
        find. With one goal: "Do you mean ...?"; with more: which one (the question comes
        again, with a button for each). Words that name no goal ("back to work", "the op
        date", "the libre thing") are a new goal, made the one thing and said back."""
        # "the panic attacks. no wait, sleep. no, panic": what they settle on
        text, goals = listen.one_thing_said(text_of(turn.tracker)), plan_goals(turn.slots)
        if is_button(turn.tracker) or not goals or listen.VAGUE.match(text):
            return None
        found = listen.match_goal(text, goals)
        goal = next((g for g in goals if g["id"] == found), None)
        fit = listen.goal_named(text, goal) if goal else None
        if fit == "well":
            return None
        if goal and fit == "loosely":  # "the panic attacks on the bus" for the gig goal: asked first
            return {"one_thing": None, **confirm_first("pick", str(found), goal["title"], said=text)}
        if not listen.points_at_goal(text) or listen.names_a_topic(text) or fit == "about":
            reading = self.read("one_thing", text, turn)
            if reading.accepted and not reading.skipped and not str(reading.value).isdigit():
                return self.new_one_thing(listen.without_said_main(listen.one_thing_said(reading.text)), turn)
            return None
        if len(goals) > 1:
            turn.dispatcher.utter_message(response="utter_which_goal")
            return {"one_thing": None}
        return {"one_thing": None, **confirm_first("pick", str(goals[0]["id"]), goals[0]["title"])}

    def follow_up(self, slot: str, reading: Reading, turn: Turn) -> dict[str, Any]:
        _, dispatcher, slots = turn
        if slot == "preferred_name" and not reading.skipped and slots.get("for_whom") != "carer":
            dispatcher.utter_message(response="utter_nice_to_meet", preferred_name=reading.value)
        elif slot == "person_present":
            dispatcher.utter_message(
                response="utter_nice_to_meet", preferred_name=slots.get("preferred_name")
            )
        elif slot == "appointment_when" and not reading.skipped:
            when = dates.when(reading.text)
            if when:
                dispatcher.utter_message(
                    response="utter_date_noted", date_text=dates.said(when.day, when.time)
                )
            else:
                dispatcher.utter_message(response="utter_date_unclear")
        elif slot == "goal_text" and not reading.skipped and slots.get("goal_title"):
            dispatcher.utter_message(response="utter_goal_noted", title=slots["goal_title"])
        elif slot == "one_thing" and str(reading.value).isdigit() and not reading.text.startswith("(chose:"):
            # "lose weight", "the shop": chosen in words, so said back, as a button's title is shown
            title = next((g["title"] for g in plan_goals(slots) if str(g["id"]) == reading.value), None)
            if title and not text_of(turn.tracker).strip().isdigit():
                dispatcher.utter_message(response="utter_one_thing_set", title=title)
        elif slot == "carer_assessment" and reading.value == "yes":
            dispatcher.utter_message(response="utter_carer_assessment_info")
        elif slot == "for_whom":
            # Now who it's for is known, what was said before ("hi im sheila, its my review") says more.
            still_open = [q for q in flow.care_questions(slots) if slots.get(q) is None]
            return self.take(heard_before(turn.tracker, still_open, carer=flow.is_carer(slots)), turn)
        elif (
            slot == "goal_text"
            and reading.skipped
            and (interpret.means_none(reading.text) or listen.only_that_goal(reading.text, plan_goals(slots)))
        ):
            return {"another_goal": "no"}  # "nothing else for him": the goals are done
        elif slot == "goal_help" and (opened := self.next_goal_waiting(turn)) is not None:
            return opened
        elif slot == "another_goal" and reading.value == "yes":
            return {**{s: None for s in flow.GOAL_SLOTS}, "current_goal_id": None, "goal_title": None}
        return {}

    def stage_when_done(self, slots: dict[str, Any]) -> str:
        return "review"
