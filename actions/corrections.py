"""Putting things right: a correction said in any question ("no wait, it's the 9th",
"make the driving one the main one"), taking an answer off or starting again (asked
first, yes or no), and going back a question.

``Corrections`` is mixed into ``actions.forms.QuestionForm``; it uses the form's
``questions`` and ``form_name()``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import flow
from actions.answers import GOAL_FIELD, Reading, record, reword_goal
from actions.common import logger, plan_goals, readback_goals, store, sure_intent, text_of
from actions.moves import SimpleAction, start_afresh
from actions.turn import BOOKKEEPING, Turn, form_slots
from careplan import clock, dates, interpret, listen, rights
from careplan.questions import catalogue, labels
from careplan.store import StoreUnavailable
from careplan.titles import SAID_BACK_CHARS, classify, short_title
from careplan.vocab import CARER

# Answers about their life, in words, that may be moved to the question before ("that was meant
# for the last question"); a goal's answers stay with their goal.
MOVABLE = set(labels("life", "support"))
# Where the main thing is being chosen or looked over: words there that name no goal are a new one.
CHOOSING_THE_MAIN_ONE = {"one_thing", "questions", "review_choice"}
# Each name asked, and where the plan keeps it.
NAME_FIELDS = {
    "person_name": "subject_name",
    "full_name": "subject_name",
    "preferred_name": "preferred_name",
    "carer_name": "carer_name",
}
# The names asked in full, where a name put right is the answer.
FULL_NAMES = {"person_name", "full_name", "carer_name"}


# A question about "Do you mean ...?" itself, not one for the care team: "is that the one about
# the park?", "which one is that?", "does that mean my walking goal?"
_ABOUT_THE_CHOICE = re.compile(
    r"\b(?:that|this|which|the \w+) one\b|\bgoals?\b|^\W*(?:is|was|does|did)\s+(?:that|this|it)\b", re.I
)


def added_to(earlier: Any, words: str) -> str:
    """An answer with more words after it ("my kids. my mum, she matters loads too"): the words
    alone where there was no answer, or it was skipped."""
    return words if earlier in (None, flow.SKIPPED) else f"{str(earlier).rstrip(' .')}. {words}"


class Corrections:
    """Corrections, undo, start again and step back, for a ``QuestionForm``."""

    questions: Callable[[dict[str, Any]], list[str]]
    form_name: Callable[[], str]
    note_question: Callable[..., dict[str, Any]]
    goal_taken_off: Callable[..., dict[str, Any]]

    def correct(self, fix: listen.Correction, asked: str, turn: Turn) -> dict[str, Any] | None:
        """Apply a correction and confirm it; None if it isn't one this form can apply."""
        tracker, dispatcher, slots = turn
        plan_id = slots.get("plan_id")
        goals = plan_goals(slots)
        if fix.kind == "date" and plan_id:
            when = _put_right(fix.value, text_of(tracker), slots.get("appointment_when"))
            store().update_plan(
                int(plan_id),
                appointment_date=when.day,
                appointment_when_text=text_of(tracker),
                **_time_field(when.time),
            )
            dispatcher.utter_message(response="utter_date_changed", date_text=dates.said(when.day, when.time))
            # The slot keeps the date as said back ("Tuesday 19 January"): "sorry I meant the
            # 19th" alone would read as another month later on.
            return {"appointment_when": dates.said(when.day, when.time)}
        if fix.kind == "time" and plan_id:
            store().update_plan(int(plan_id), appointment_time=fix.value)
            if fix.value is None:  # "take off the 1am, we don't have a time yet"
                dispatcher.utter_message(response="utter_time_removed")
                return {}
            when = dates.when(slots.get("appointment_when") or "")
            if when is None:  # "it should be at 11:30" with no day yet: the time kept, the day asked
                dispatcher.utter_message(response="utter_time_noted", time=fix.value)
                return {}
            dispatcher.utter_message(response="utter_date_changed", date_text=dates.said(when.day, fix.value))
            return {}
        if fix.kind == "date_unknown":
            dispatcher.utter_message(response="utter_fix_appointment_when")
            # At the read-back the date is only asked once the choice says so.
            at_read_back = {"review_choice": "date"} if asked == "review_choice" else {}
            return {"appointment_when": None, **at_read_back}
        if fix.kind == "clinician" and plan_id and asked != "appointment_with":
            store().update_plan(int(plan_id), appointment_with=fix.value)
            dispatcher.utter_message(response="utter_with_changed", who=fix.value)
            return {"appointment_with": fix.value}
        if fix.kind == "name" and plan_id and slots.get("for_whom") != CARER:
            if asked in {"person_name", "preferred_name"} or not slots.get("preferred_name"):
                return None  # "call me Peg" before or at the name question is the answer
            fields = {"preferred_name": fix.value}
            if slots.get("person_name") in {None, slots.get("preferred_name")}:
                fields["subject_name"] = fix.value  # the wrong name was the only one
            store().update_plan(int(plan_id), **fields)
            dispatcher.utter_message(response="utter_nice_to_meet", preferred_name=fix.value)
            return {"preferred_name": fix.value}
        if fix.kind == "full_name" and plan_id and asked not in {"full_name", "carer_name"}:
            # "sorry, habit from forms. Samuel Reid, that's my legal name now" after the full name
            slot = "carer_name" if fix.own and slots.get("for_whom") == CARER else "full_name"
            if slots.get(slot) is None:
                return None
            field = "subject_name" if slot == "full_name" else "carer_name"
            store().update_plan(int(plan_id), **{field: fix.value})
            dispatcher.utter_message(response="utter_full_name_changed", full_name=fix.value)
            return {slot: fix.value}
        pointing = fix.kind == "main_goal" and listen.POINTER.match(fix.goal or "")
        said_no = interpret.yes_no(text_of(tracker)) is False or listen.no_more_goals(text_of(tracker))
        if pointing and asked == "another_goal" and said_no:
            return None  # "no that's the main one" to "something else?": a no (the one thing comes later)
        if fix.kind == "main_goal" and goals:
            chosen = listen.match_goal(fix.goal or "", goals)
            named = next((g for g in goals if g["id"] == chosen), None)
            if named and fix.value == "new" and listen.goal_named(fix.goal or "", named) == "about":
                chosen = None  # "the main thing is me hearing aid", said only about the knees goal
            if fix.goal == "other" and len(goals) == 2 and slots.get("one_thing"):
                chosen = next(g["id"] for g in goals if str(g["id"]) != str(slots["one_thing"]))
            if chosen is None and slots.get("goal_to_change"):  # "same but make it the main one"
                chosen = int(slots["goal_to_change"])
            # "make that the main one": the goal just added at the read-back, or the one being told
            telling = asked in GOAL_FIELD or asked in {"another_goal", "review_choice"}
            just_added = slots.get("current_goal_id") if telling else None
            if listen.POINTER.match(fix.goal or "") and just_added in {g["id"] for g in goals}:
                chosen = just_added  # "add one about sleeping and make that the main one": the new one
            if chosen is None and fix.value == "new" and not listen.POINTER.match(fix.goal or ""):
                if asked in CHOOSING_THE_MAIN_ONE or listen.changes_mind(text_of(tracker)):
                    return self.new_one_thing(fix.goal or "", turn, own=text_of(tracker))
                return None  # "my family is the most important" at the worries: an answer
            if chosen is None:
                dispatcher.utter_message(response="utter_which_goal")
                return {}
            store().set_one_thing(int(plan_id), chosen)
            title = next(g["title"] for g in goals if g["id"] == chosen)
            dispatcher.utter_message(response="utter_one_thing_set", title=title)
            done = {"review_choice": None, "goal_to_change": None} if slots.get("goal_to_change") else {}
            return {"one_thing": str(chosen), **done}
        if fix.kind == "change_goal" and (every_goal := readback_goals(slots)):
            chosen = listen.match_goal(fix.goal or "", every_goal)
            theirs = plan_goals(slots)
            if chosen is None and len(theirs) == 1 and listen.the_goal(fix.goal or ""):
                chosen = theirs[0]["id"]  # "change the goal to say ...": their one goal (not a carer's need)
            if chosen is None:
                dispatcher.utter_message(response="utter_which_goal")
                return {}
            reword_goal(int(plan_id), chosen, fix.value)
            dispatcher.utter_message(response="utter_goal_changed")
            return {}
        if fix.kind == "appointment":  # "the clinic is wrong", "the appointment bit is wrong"
            if "appointment_with" not in type(self).questions(slots):
                return None  # (at the read-back, its own choice reads it)
            if fix.value is None:
                return confirm_first("appointment_part")
            return self.appointment_again(fix.value, turn)
        if fix.kind in {"undo", "remove"} and asked == "questions" and self.form_name() == "review_form":
            keep_taken_off(turn, "questions")
            record(*turn, Reading(value=flow.SKIPPED, text="", skipped=True), "questions")
            dispatcher.utter_message(response="utter_questions_removed")
            return {"review_choice": None}
        if fix.kind in {"undo", "remove"}:
            questions = type(self).questions(slots)
            named = _answer_about(fix.goal, slots, questions) if fix.goal else None
            previous = named or flow.previous_answered(slots.get("history"), questions)
            current = next((g for g in goals if str(g["id"]) == str(slots.get("current_goal_id"))), None)
            if previous == "goal_text" and current is not None:
                # "oops ignore that" just after a goal was written: that goal, by its words
                only = len(readback_goals(slots)) == 1
                return confirm_first("remove_goal", str(current["id"]), current["title"], only=only)
            if previous is not None and catalogue()[previous].store == "none":
                # "oops ignore that" after a yes to another goal: nothing of it was written down
                dispatcher.utter_message(response="utter_not_written")
                return {}
            # Asked first: "Do you want me to take off what you said about worries?"
            return None if previous is None else _confirm_taking_off(fix.kind, previous)
        return None

    @staticmethod
    def respell(asked: str, turn: Turn) -> tuple[dict[str, Any], str]:
        """A name told before, put right ("sorry I type wrong. Is Zbigniew, Z-B-I-G-N-I-E-W"):
        put right wherever it is kept, and said once. Returns the name slots changed, and the
        rest of the message ("But we call him Zbyszek"), which may answer the question asked."""
        slots, text = turn.slots, text_of(turn.tracker)
        if asked in FULL_NAMES:  # "Siobhan Kelly, sorry I spelt it wrong before": the answer itself
            return {}, text
        told = {slot: str(slots[slot]) for slot in NAME_FIELDS if slot != asked and slots.get(slot)}
        plan_id = slots.get("plan_id")
        fixes, rest = interpret.respelt(text, list(told.values())) if told and plan_id else ({}, text)
        if not fixes:
            return {}, text

        def put_right(name: str) -> str:
            return re.sub(r"[A-Za-z][\w'’-]*", lambda m: fixes.get(m.group(0), m.group(0)), name)

        updates = {slot: put_right(name) for slot, name in told.items() if put_right(name) != name}
        subject = store().export(int(plan_id))["subject"]
        fields = {NAME_FIELDS[slot]: name for slot, name in updates.items()}
        for field, name in (("subject_name", subject["name"]), ("preferred_name", subject["preferred_name"])):
            if name and field not in fields and put_right(name) != name:
                fields[field] = put_right(name)
        store().update_plan(int(plan_id), **fields)
        said = fields.get("subject_name") or fields.get("preferred_name") or fields.get("carer_name")
        turn.dispatcher.utter_message(response="utter_full_name_changed", full_name=said)
        turn.slots.update(updates)
        return updates, rest

    def confirm_undo(self, pending: dict[str, Any], turn: Turn) -> dict[str, Any]:
        """The answer to "Do you want me to take that off?": yes undoes it, anything else keeps it."""
        key, mode = pending["key"], pending["mode"]
        if mode == "pick":  # "Do you mean 'Walk Bonnie round the reservoir'?" for the one thing
            picked = self.pick_one_thing(key, pending["about"], turn, pending.get("said", ""))
            return {"undo_pending": None, **picked}
        if mode == "team_question":  # "Shall I add it to your questions for them?"
            if interpret.yes_no(text_of(turn.tracker), sure_intent(turn.tracker)) is not True:
                turn.dispatcher.utter_message(response="utter_not_added")
                return {"undo_pending": None}
            return {"undo_pending": None, **self.note_question(pending["said"], turn, "utter_question_added")}
        if mode == "appointment_part":  # "Which part is wrong?"
            part = listen.appointment_part(text_of(turn.tracker))
            if part is None:
                turn.dispatcher.utter_message(response="utter_kept")
                return {"undo_pending": None}
            return {"undo_pending": None, **self.appointment_again(part, turn)}
        if mode in {"reword", "reword_which"}:  # "What should "Swim again" say instead?", "Which goal?"
            said = text_of(turn.tracker)
            if listen.never_mind(said) or interpret.yes_no(said, sure_intent(turn.tracker)) is False:
                turn.dispatcher.utter_message(response="utter_left_as_is")
                return {"undo_pending": None}
            goals = readback_goals(turn.slots)
            named = listen.match_goal(said, goals, said_about=False)
            if named is not None and (
                mode == "reword_which" or (listen.points_at_goal(said) and str(named) != key)
            ):
                # "the walking one", "number 1": which goal, never its new words
                return confirm_first(
                    "reword", str(named), next(g["title"] for g in goals if g["id"] == named)
                )
            if mode == "reword_which":
                turn.dispatcher.utter_message(response="utter_which_goal")
                return {"undo_pending": None}
            return {"undo_pending": None, **self.reworded(int(key), said, turn)}
        if mode == "remove_goal":  # "Shall I take off "Swim again"?"
            if interpret.yes_no(text_of(turn.tracker), sure_intent(turn.tracker)) is not True:
                turn.dispatcher.utter_message(response="utter_left_as_is")
                return {"undo_pending": None}
            told_now = any(turn.slots.get(k) is None for k in flow.GOAL)  # a goal's questions still open
            return {"undo_pending": None, **self.goal_taken_off(int(key), turn, told_now=told_now)}
        if key and listen.ONE_BEFORE.search(text_of(turn.tracker)):  # "no, the one before"
            earlier = flow.previous_answered(turn.slots.get("history"), type(self).questions(turn.slots), key)
            if earlier is not None:
                return _confirm_taking_off(mode, earlier)
        if interpret.yes_no(text_of(turn.tracker), sure_intent(turn.tracker)) is not True:
            kept = {"restart": "utter_carry_on", "erase": "utter_nothing_deleted"}.get(mode, "utter_kept")
            turn.dispatcher.utter_message(response=kept)
            return {"undo_pending": None}
        if mode == "restart":
            return {"undo_pending": None, **self.start_again(turn)}
        if mode == "erase":
            return {"undo_pending": None, **erase_everything(turn)}
        keep_taken_off(turn, key)
        if mode == "undo":  # "that's not what I meant": the question again
            turn.dispatcher.utter_message(response="utter_undone")
            forgotten = flow.forget(turn.slots, key)
            turn.slots.update(forgotten)
            return {"undo_pending": None, **forgotten}
        record(*turn, Reading(value=flow.SKIPPED, text="", skipped=True), key)
        turn.dispatcher.utter_message(response="utter_removed")
        turn.slots[key] = flow.SKIPPED
        return {"undo_pending": None, key: flow.SKIPPED}

    @staticmethod
    def appointment_again(part: str, turn: Turn) -> dict[str, Any]:
        """A part of the appointment put right: a sorry that names it, and its question asked
        again (the time is asked with the date, as "When is it?" asks both)."""
        turn.dispatcher.utter_message(response=f"utter_fix_{part}")
        forgotten = flow.forget(turn.slots, "appointment_when" if part == "appointment_time" else part)
        turn.slots.update(forgotten)
        return forgotten

    def instructed(self, told: listen.Instruction, turn: Turn) -> dict[str, Any]:
        """A goal taken off or changed at any question ("remove number 2", "change number 1"):
        asked first ("Shall I take off ...?", "What should ... say instead?"), or changed at once
        when the new words were said; never kept as the open question's answer."""
        goals = readback_goals(turn.slots)
        goal_id = listen.match_goal(told.goal, goals, said_about=False)
        if goal_id is None and (listen.POINTER.match(told.goal) or listen.the_goal(told.goal)):
            # "take that one off", "change the goal": the goal being told, else the one just told
            current = turn.slots.get("current_goal_id")
            goal_id = int(current) if current else (goals[-1]["id"] if goals else None)
        if goal_id is None:
            turn.dispatcher.utter_message(response="utter_which_goal")
            return {}
        if told.kind != "remove" and listen.the_goal(told.goal) and len(goals) > 1 and told.words is None:
            # "change the goal" with several goals: which one is asked, never the one being told taken
            listing = "\n".join(f"{n}. {g['title']}" for n, g in enumerate(goals, start=1))
            return confirm_first("reword_which", None, listing)
        title = next(g["title"] for g in goals if g["id"] == goal_id)
        if told.kind == "remove":
            return confirm_first("remove_goal", str(goal_id), title, only=len(goals) == 1)
        if told.words is None:
            return confirm_first("reword", str(goal_id), title)
        return self.reworded(goal_id, told.words, turn)

    @staticmethod
    def reworded(goal_id: int, words: str, turn: Turn) -> dict[str, Any]:
        """A goal said in new words, and said so."""
        reword_goal(int(turn.slots["plan_id"]), goal_id, words)
        turn.dispatcher.utter_message(response="utter_goal_changed")
        if str(turn.slots.get("current_goal_id")) == str(goal_id):
            return {"goal_title": short_title(words)}
        return {}

    def pick_one_thing(self, goal_id: str, title: str, turn: Turn, said: str = "") -> dict[str, Any]:
        """Yes makes the goal asked about the one thing. A no to "Do you mean ...?" asked of
        words with more in them than the goal ("the panic attacks on the bus") keeps those words
        (or the words with the no) as a new goal. A question for the care team instead ("can they
        use the numbing cream for his bloods?") is noted for them, and the one thing asked again;
        anything else asks in their own words."""
        reply = text_of(turn.tracker)
        answer = interpret.yes_no(reply, sure_intent(turn.tracker))
        if answer is None and listen.question_to_bot(reply) and not _ABOUT_THE_CHOICE.search(reply):
            return {"one_thing": None, **self.note_question(reply, turn)}
        if answer is not True:
            rest, goals = listen.after_a_no(reply), plan_goals(turn.slots)
            other = listen.goal_named_well(rest, goals) if rest else None
            if other is not None:  # "no, the first one"
                goal_id, title = str(other), next(g["title"] for g in goals if g["id"] == other)
            elif (
                said
                and answer is False
                and (instead := listen.without_said_main(rest) or listen.without_said_main(said))
            ):
                return self.new_one_thing(instead, turn)
            else:
                turn.dispatcher.utter_message(response="utter_one_thing_own_words")
                return {"one_thing": None}
        record(*turn, Reading(value=goal_id, text=f"(chose: {title})"), "one_thing")
        turn.dispatcher.utter_message(response="utter_one_thing_set", title=title)
        turn.slots["one_thing"] = goal_id
        turn.slots["history"] = [*(turn.slots.get("history") or []), "one_thing"]
        return {"one_thing": goal_id}

    @staticmethod
    def new_one_thing(words: str, turn: Turn, own: str = "") -> dict[str, Any]:
        """The one thing said in words that name none of the goals ("back to work", "the main
        thing is whether I need an MRI"): a new goal in those words, made the one thing and
        said back, never mapped to a goal they didn't name (tester_d C10). Named and said back
        without its hedges ("I suppose the main thing is probably the stairs really" is "The
        stairs"); ``own``, the whole message, kept as their words when it says more."""
        plan_id = int(turn.slots["plan_id"])
        text = own if words.lower() in own.lower() else words
        goal_id = store().add_goal(
            plan_id, text, short_title(words), classify(words), expressed_by=turn.slots.get("speaker")
        )
        record(*turn, Reading(value=str(goal_id), text=text), "one_thing")
        turn.dispatcher.utter_message(
            response="utter_new_one_thing", words=short_title(words, SAID_BACK_CHARS)
        )
        turn.slots["one_thing"] = str(goal_id)
        turn.slots["history"] = [*(turn.slots.get("history") or []), "one_thing"]
        return {"one_thing": str(goal_id)}

    def start_again(self, turn: Turn) -> dict[str, Any]:
        """Clear this plan's answers and ask the first question again (consent stands)."""
        cleared = {key: None for key in (*form_slots()[self.form_name()], *BOOKKEEPING)}
        turn.slots.update(cleared)
        turn.slots.update(plan_id=start_afresh(turn.tracker), stage="questions", consented=True)
        turn.dispatcher.utter_message(response="utter_restarted")
        return {**cleared, "plan_id": turn.slots["plan_id"], "history": []}

    def move_back(self, turn: Turn) -> dict[str, Any] | None:
        """ "sorry that was meant for the last question": the answer just given is added to the
        one before it, and its own question asked again. Only between questions answered in
        words about their life (a goal's answers stay with their goal): elsewhere, None."""
        questions = type(self).questions(turn.slots)
        history = turn.slots.get("history")
        last = flow.previous_answered(history, questions)
        before = flow.previous_answered(history, questions, last) if last else None
        moved = turn.slots.get(last) if last else None
        if (
            before is None
            or not {last, before} <= MOVABLE
            or not isinstance(moved, str)
            or moved == flow.SKIPPED
        ):
            return None
        joined = added_to(turn.slots.get(before), str(moved))
        record(*turn, Reading(value=joined, text=joined), before)
        record(*turn, Reading(value=flow.SKIPPED, text="", skipped=True), last)
        turn.dispatcher.utter_message(response="utter_answer_moved")
        forgotten = {**flow.forget(turn.slots, last), before: joined}
        turn.slots.update(forgotten)
        return forgotten

    def step_back(self, turn: Turn, reply: str) -> dict[str, Any] | None:
        """Ask the last answered question again ("go back", "that's not what I meant")."""
        back = flow.step_back(turn.slots, at_read_back=self.form_name() == "review_form")
        if back is not None:
            turn.dispatcher.utter_message(response=reply)
            turn.slots.update(back)
        return back


def keep_taken_off(turn: Turn, key: str) -> None:
    """Mark the answer being taken off as taken off, keeping its words for the care team:
    "that's not what I meant" may be said of the only words that held a risk the safety
    check missed (hazard H22 in docs/safety-and-privacy.md)."""
    plan_id, goal_id = turn.slots.get("plan_id"), turn.slots.get("current_goal_id")
    if not plan_id:
        return
    try:
        store().take_off_answer(int(plan_id), key, int(goal_id) if key in GOAL_FIELD and goal_id else None)
    except StoreUnavailable:
        logger.warning("care-plan store unavailable; an answer taken off was not marked")


# Set in a turn's slots when everything was erased: the form then asks nothing and Rasa restarts.
ERASED = "__erased__"


def erase_everything(turn: Turn) -> dict[str, Any]:
    """Delete all this chat holds, in the care-plan store and Rasa's tracker store (as the
    Telegram /delete and ``careplan delete`` do), then start afresh (see QuestionForm)."""
    try:
        rights.erase(store(), turn.tracker.sender_id)
    except StoreUnavailable:
        logger.warning("care-plan store unavailable; nothing erased")
        turn.dispatcher.utter_message(response="utter_erase_failed")
        return {}
    logger.info("Erased a chat's data at the person's request")
    turn.dispatcher.utter_message(response="utter_erased")
    turn.slots[ERASED] = True
    return {}


class ActionErase(SimpleAction):
    """The yes or no to "Do you want me to delete everything?" asked with no form open
    (actions.moves.erase_asked): yes deletes it all, anything else keeps it."""

    action_name = "action_erase"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if interpret.yes_no(text_of(tracker), sure_intent(tracker)) is not True:
            dispatcher.utter_message(response="utter_nothing_deleted")
            return []
        turn = Turn(tracker, dispatcher, dict(tracker.slots))
        erase_everything(turn)
        return [FollowupAction("action_restart")] if turn.slots.get(ERASED) else []


def confirm_first(mode: str, key: str | None = None, about: str = "", **more: Any) -> dict[str, Any]:
    """Ask yes or no before taking an answer off ("remove", "undo"), starting again ("restart")
    or keeping several goals apart ("split", with the ``parts`` and what was ``said``);
    ``confirm_undo`` or ``split_goals`` reads the reply (action_ask_undo_pending asks)."""
    pending = {"key": key, "mode": mode, "about": about, **more}
    return {"undo_pending": pending, **flow.ask_instead("undo_pending")}


def _confirm_taking_off(mode: str, key: str) -> dict[str, Any]:
    return confirm_first(mode, key, catalogue()[key].label.lower())


def _answer_about(words: str, slots: dict[str, Any], questions: list[str]) -> str | None:
    """The latest answer that "the thing about the bus" names (by its words)."""
    for key in reversed([k for k in slots.get("history") or [] if k in questions]):
        if listen.speaks_of(words, str(slots.get(key) or "")):
            return key
    return None


def date_so_far(slots: dict[str, Any]) -> date | None:
    """The appointment's date as told so far: what "the monday after" counts from."""
    found = dates.when(slots.get("appointment_when") or "")
    return found.day if found else None


def _put_right(when: dates.When, said: str, before: str | None) -> dates.When:
    """The date put right, read against the one it replaces: counted from it ("the monday
    after", "the week after", "not this one, the next"), at its time unless a new one is said;
    a day on its own ("it's the 27th") keeps the month already given: 27 January, not
    27 December, for an appointment on 17 January."""
    earlier = dates.when(before or "")
    if earlier is None:
        return when
    if counted := dates.counted_from(listen.last_said(said), earlier.day):
        return counted if counted.time else dates.When(counted.day, earlier.time)
    day = listen.day_of_month_only(said)
    if day is None:
        return when
    try:
        moved = earlier.day.replace(day=day)
    except ValueError:  # the 31st of a shorter month
        return when
    return dates.When(day=moved, time=earlier.time) if moved >= clock.today() else when


def _time_field(time: str | None) -> dict[str, Any]:
    return {"appointment_time": time} if time else {}
