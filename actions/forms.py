"""Validation actions for the four forms.

Rasa fills the requested slot from the person's text; these actions decide
what the text means, store it at once and work out the next question.

A message is read in this order (``QuestionForm.get_validation_events``):
1. an emergency pause or safety check-in holds the form (actions/safety_turn.py);
2. talk about the conversation ("why do you need that?", "pardon?") is
   answered, and the same question comes again: nothing is stored;
3. a correction ("no wait, it's the 9th", "make the driving one the main
   one") is applied and confirmed, and the open question comes again;
4. otherwise it is the answer to the question asked, and anything else it
   says that answers a question still open is taken too (careplan/listen.py),
   so that question is not asked again.
"""

from __future__ import annotations

import copy
import re
from abc import abstractmethod
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import flow
from actions.answers import Reading, flush, interpret_answer, interrupts, record
from actions.common import entity, is_button, logger, store, sure_intent, text_of
from actions.reflections import reflect
from actions.safety_turn import form_hold
from careplan import dates, identity, interpret, listen
from careplan.questions import catalogue, domain
from careplan.store import StoreUnavailable
from careplan.titles import classify, short_title
from careplan.vocab import ROLES

BOOKKEEPING = (
    "plan_id",
    "current_goal_id",
    "goal_title",
    "pending",
    "history",
    "stage",
    "consented",
    "last_reflection",
    "noted_questions",
)
# The read-back's follow-up questions that pick or reword a goal ("cancel" leaves them).
PICKING = ("goal_to_change", "goal_to_remove", "goal_new_text")
REVIEW_INTENTS = {
    "confirm_plan": "confirm",
    "affirm": "confirm",
    "change_goal": "change",
    "remove_goal": "remove",
    "add_goal": "add",
}
# Questions whose answer may carry a kind line back (not names, dates or choices).
REFLECTED = {q.key for q in catalogue().values() if q.kind == "text"}
# Short facts where, in "Thursday. No I tell a lie, it is Friday.", the last one said wins.
SELF_CORRECTED = {q.key for q in catalogue().values() if q.kind in {"date", "name"}} | {"appointment_with"}
# Where a question is the answer ("what happens if I get ill?" is a worry); anywhere else
# a question is one for the care team, noted for them, and the open question comes again.
QUESTIONS_ARE_ANSWERS = {"questions", "worries", "carer_coping", "follow_up"}
NONE = re.compile(r"^\W*(?:no+|none|nothing|nope|nah|not really|no thanks?|no questions?)\W*$", re.I)
# Replies for talk about the conversation that the NLU missed (see careplan.listen.meta).
META_REPLIES = {"faq_who_sees": "utter_faq_who_sees"}
# "I'll skip it", "no idea", "it's on a letter somewhere": identity details are optional.
NOT_KNOWN = re.compile(
    r"\b(?:skip|don'?t know|dont know|no idea|not sure|can'?t remember|dunno|rather not|prefer not"
    r"|not telling|don'?t want to|no thanks?|not on me|(?:haven'?t|have not|don'?t have) (?:it|got it|one)"
    r"|can'?t find it)\b",
    re.I,
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
        slots = dict(tracker.slots)
        turn = Turn(tracker, dispatcher, slots)
        before = {key: slots.get(key) for key in BOOKKEEPING}
        updates: dict[str, Any] = {}
        flush(tracker, slots)  # answers and flags kept while the database was away, even during a pause
        held = form_hold(tracker)  # an emergency pause or a safety check-in
        if held is not None:
            flushed = slots.get("pending") != before["pending"]
            return [*([SlotSet("pending", slots.get("pending"))] if flushed else []), *held]
        # Only the question just asked is being answered. (When a form starts again
        # after a pause, Rasa offers every filled slot: those are answered already.)
        asked = tracker.get_slot("requested_slot")
        answers = tracker.slots_to_validate()
        if slots.get("undo_pending"):
            # The reply to "Do you want me to take that off?" answers that, not the open question
            # (Rasa has put it in the open question's slot too).
            updates.update({asked: None} if asked in answers else {})
            updates.update(self.confirm_undo(slots["undo_pending"], turn))
        elif asked in answers and asked in type(self).questions(slots):
            if interrupts(asked, tracker):
                # Hand over to the rules for help, stop, go back...: they answer and
                # then bring the person back to this same question.
                return [SlotSet(asked, None), ActionExecutionRejected(self.form_name())]
            updates.update(self.listen(asked, answers[asked], turn))
        if flow.next_question(type(self).questions(slots), slots) is None:
            slots["stage"] = self.stage_when_done(slots)
        updates.update({key: slots.get(key) for key in BOOKKEEPING if slots.get(key) != before[key]})
        return [SlotSet(key, value) for key, value in updates.items()]

    def listen(self, asked: str, value: Any, turn: Turn) -> dict[str, Any]:
        """Read one message: talk about the chat, a correction, or answers. Returns slots to set."""
        text = text_of(turn.tracker)
        corrected: dict[str, Any] | None = None
        if asked in SELF_CORRECTED and (meant := listen.last_said(text)) != text:
            turn, text, value = turn._replace(tracker=_saying(turn.tracker, meant)), meant, meant
        if not is_button(turn.tracker):
            about_chat = listen.meta(text, after_away=_last_said_was(turn.tracker, "utter_away"))
            if about_chat == "go_back":
                stepped = self.step_back(turn, "utter_go_back")
                if stepped is not None:
                    return {asked: None, **stepped}
            elif about_chat == "away":  # "brb": nothing asked until they're back
                turn.dispatcher.utter_message(response="utter_away")
                return {asked: None, **flow.ask_instead(None)}
            elif about_chat == "start_again" and self.form_name() == "care_form":
                return {asked: None, **confirm_first("restart")}
            elif about_chat is not None and about_chat != "start_again":
                self.answer_meta("repeat" if about_chat == "back" else about_chat, asked, turn)
                return {asked: None}
            fix = listen.correction(text) if asked != "appointment_when" else None
            if fix is not None and (fixed := self.correct(fix, asked, turn)) is not None:
                return {asked: None, **fixed}
            if fix is None and asked != "appointment_when" and catalogue()[asked].kind == "text":
                # "sorry I meant thursday. to see if his memory's got worse": fix the date
                # with its own words, and answer the open question with the rest.
                fix, fixing, rest = listen.correction_in_part(text)
                if fix is not None and rest:
                    corrected = self.correct(fix, asked, turn._replace(tracker=_saying(turn.tracker, fixing)))
                    turn, text, value = turn._replace(tracker=_saying(turn.tracker, rest)), rest, rest
            if _question_for_team(asked, text) and sure_intent(turn.tracker) != "out_of_scope":
                return {asked: None, **self.note_question(text, turn)}
        heard = self.hear(asked, text, turn)
        said_before = len(turn.dispatcher.messages)
        updates = {**(corrected or {}), **self.answer(asked, value, turn, heard.pop(asked, None))}
        updates.update(self.take(heard, turn))
        if updates.get(asked) is not None and asked in REFLECTED:
            updates.update(reflect(text, turn.slots, turn.dispatcher))
            if "last_reflection" in updates:  # the kind line first, then what was noted
                turn.dispatcher.messages.insert(said_before, turn.dispatcher.messages.pop())
        return updates

    def answer(self, slot: str, value: Any, turn: Turn, heard: Any = None) -> dict[str, Any]:
        """Read one answer, store it, and say what follows. Returns the slots to set."""
        reading = self.read(slot, value, turn)
        if heard is not None and reading.accepted and not reading.skipped:
            reading = Reading(value=heard, text=heard)  # the part of the message that answers it
        if (
            not reading.accepted
            and catalogue()[slot].kind in {"choice", "yes_no"}
            and not is_button(turn.tracker)
        ):
            # "I'm her granddaughter" to "Does Nani know?": not "didn't catch", but noted
            said_before = len(turn.dispatcher.messages)
            told = self.take(self.hear_anyway(slot, turn), turn, again=True)
            if told:
                if len(turn.dispatcher.messages) == said_before:
                    turn.dispatcher.utter_message(response="utter_noted_that")
                return {slot: None, **told}
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

    # -- listening ---------------------------------------------------------------------
    def hear(self, asked: str, text: str, turn: Turn) -> dict[str, Any]:
        """Answers this message gives to questions still open (the asked one's only with others)."""
        if is_button(turn.tracker):
            return {}
        # Every question this form could still ask (who it's for decides which apply).
        # Rasa has put the raw text in the asked slot: that one is still open too.
        slots = {**turn.slots, asked: None}
        still_open = [q for q in form_slots()[self.form_name()] if slots.get(q) is None]
        heard = listen.hear(text, still_open, asked=asked, carer=_carer(slots))
        if asked == "another_goal" and (goal := listen.content_after_yes(text)):
            heard["goal_text"] = goal
        if set(heard) <= {asked}:
            return {}
        if catalogue()[asked].kind != "text":
            heard.pop(asked, None)
        return heard

    def hear_anyway(self, asked: str, turn: Turn) -> dict[str, Any]:
        """What a message says about who this is for and how they're known, answered or not."""
        intro = [q for q in form_slots()[self.form_name()] if catalogue()[q].stage == "intro" and q != asked]
        return listen.hear(text_of(turn.tracker), intro, asked=asked, carer=_carer(turn.slots))

    def take(self, heard: dict[str, Any], turn: Turn, again: bool = False) -> dict[str, Any]:
        """Store what else a message answered, and say in one line what was taken.

        ``again``: answers already given are told again, and the new words kept."""
        updates: dict[str, Any] = {}
        said: list[str] = []
        for key in [k for k in catalogue() if k in heard]:
            if turn.slots.get(key) is not None and key != "goal_text" and not again:
                continue
            value = heard[key]
            if isinstance(value, dates.When):
                text = dates.said(value.day, value.time)
                said.append(text)
            else:
                text = str(value)
                said.append(_took(key, text, flow.is_carer(turn.slots)))
            reading = Reading(value=text if key not in {"for_whom"} else value, text=text)
            try:
                record(*turn, reading, key)
            except StoreUnavailable:
                logger.warning("care-plan store unavailable while taking an extra answer (slot %s)", key)
            turn.slots[key] = reading.value
            turn.slots["history"] = [*(turn.slots.get("history") or []), key]
            updates[key] = reading.value
            if key == "goal_text" and turn.slots.get("goal_title"):
                turn.dispatcher.utter_message(response="utter_goal_noted", title=turn.slots["goal_title"])
        shown = [s for s in said if s]
        if shown:
            turn.dispatcher.utter_message(response="utter_took", taken=", ".join(shown))
        return updates

    def note_question(self, text: str, turn: Turn) -> dict[str, Any]:
        """A question asked in the middle of another one goes on the questions for the care team."""
        noted = [*(turn.slots.get("noted_questions") or []), text]
        turn.slots["noted_questions"] = noted
        joined = "\n".join(noted)
        record(*turn, Reading(value=joined, text=joined), "questions")
        turn.dispatcher.utter_message(response="utter_question_for_team")
        return {"noted_questions": noted}

    def answer_meta(self, intent: str, asked: str, turn: Turn) -> None:
        """Talk about the chat that the NLU missed: the same reply the rules would give."""
        from actions.moves import ActionInterrupt

        if intent in META_REPLIES:
            turn.dispatcher.utter_message(response=META_REPLIES[intent])
        else:
            ActionInterrupt.reply(intent, asked, turn.tracker, turn.dispatcher)

    def correct(self, fix: listen.Correction, asked: str, turn: Turn) -> dict[str, Any] | None:
        """Apply a correction and confirm it; None if it isn't one this form can apply."""
        tracker, dispatcher, slots = turn
        plan_id = slots.get("plan_id")
        goals = _goals(slots)
        if fix.kind == "date" and plan_id:
            when = _same_month(fix.value, text_of(tracker), slots.get("appointment_when"))
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
            when = dates.when(slots.get("appointment_when") or "")
            said = dates.said(when.day, fix.value) if when else fix.value
            dispatcher.utter_message(response="utter_date_changed", date_text=said)
            return {}
        if fix.kind == "date_unknown":
            dispatcher.utter_message(response="utter_date_fix")
            # At the read-back the date is only asked once the choice says so.
            at_read_back = {"review_choice": "date"} if asked == "review_choice" else {}
            return {"appointment_when": None, **at_read_back}
        if fix.kind == "clinician" and plan_id and asked != "appointment_with":
            store().update_plan(int(plan_id), appointment_with=fix.value)
            dispatcher.utter_message(response="utter_with_changed", who=fix.value)
            return {"appointment_with": fix.value}
        if fix.kind == "main_goal" and goals:
            chosen = listen.match_goal(fix.goal or "", goals)
            if fix.goal == "other" and len(goals) == 2 and slots.get("one_thing"):
                chosen = next(g["id"] for g in goals if str(g["id"]) != str(slots["one_thing"]))
            if chosen is None and slots.get("goal_to_change"):  # "same but make it the main one"
                chosen = int(slots["goal_to_change"])
            if chosen is None:
                dispatcher.utter_message(response="utter_which_goal")
                return {}
            store().set_one_thing(int(plan_id), chosen)
            title = next(g["title"] for g in goals if g["id"] == chosen)
            dispatcher.utter_message(response="utter_one_thing_set", title=title)
            done = {"review_choice": None, "goal_to_change": None} if slots.get("goal_to_change") else {}
            return {"one_thing": str(chosen), **done}
        if fix.kind == "change_goal" and goals:
            chosen = listen.match_goal(fix.goal or "", goals)
            if chosen is None:
                dispatcher.utter_message(response="utter_which_goal")
                return {}
            store().update_goal(
                chosen, text=fix.value, title=short_title(fix.value), domain=classify(fix.value)
            )
            dispatcher.utter_message(response="utter_goal_changed")
            return {}
        if fix.kind in {"undo", "remove"} and asked == "questions" and self.form_name() == "review_form":
            record(*turn, Reading(value=flow.SKIPPED, text="", skipped=True), "questions")
            dispatcher.utter_message(response="utter_questions_removed")
            return {"review_choice": None}
        if fix.kind in {"undo", "remove"}:
            questions = type(self).questions(slots)
            named = _answer_about(fix.goal, slots, questions) if fix.goal else None
            previous = named or flow.previous_answered(slots.get("history"), questions)
            # Asked first: "Do you want me to take off what you said about worries?"
            return None if previous is None else _confirm_taking_off(fix.kind, previous)
        return None

    def confirm_undo(self, pending: dict[str, Any], turn: Turn) -> dict[str, Any]:
        """The answer to "Do you want me to take that off?": yes undoes it, anything else keeps it."""
        key, mode = pending["key"], pending["mode"]
        if key and listen.ONE_BEFORE.search(text_of(turn.tracker)):  # "no, the one before"
            earlier = flow.previous_answered(turn.slots.get("history"), type(self).questions(turn.slots), key)
            if earlier is not None:
                return _confirm_taking_off(mode, earlier)
        if interpret.yes_no(text_of(turn.tracker), sure_intent(turn.tracker)) is not True:
            turn.dispatcher.utter_message(response="utter_kept" if mode != "restart" else "utter_carry_on")
            return {"undo_pending": None}
        if mode == "restart":
            return {"undo_pending": None, **self.start_again(turn)}
        if mode == "undo":  # "that's not what I meant": the question again
            turn.dispatcher.utter_message(response="utter_undone")
            forgotten = flow.forget(turn.slots, key)
            turn.slots.update(forgotten)
            return {"undo_pending": None, **forgotten}
        record(*turn, Reading(value=flow.SKIPPED, text="", skipped=True), key)
        turn.dispatcher.utter_message(response="utter_removed")
        turn.slots[key] = flow.SKIPPED
        return {"undo_pending": None, key: flow.SKIPPED}

    def start_again(self, turn: Turn) -> dict[str, Any]:
        """Clear this plan's answers and ask the first question again (consent stands)."""
        from actions.moves import start_afresh

        cleared = {key: None for key in (*form_slots()[self.form_name()], *BOOKKEEPING)}
        turn.slots.update(cleared)
        turn.slots.update(plan_id=start_afresh(turn.tracker), stage="questions", consented=True)
        turn.dispatcher.utter_message(response="utter_restarted")
        return {**cleared, "plan_id": turn.slots["plan_id"], "history": []}

    def step_back(self, turn: Turn, reply: str) -> dict[str, Any] | None:
        """Ask the last answered question again ("go back", "that's not what I meant")."""
        back = flow.step_back(turn.slots, at_read_back=self.form_name() == "review_form")
        if back is not None:
            turn.dispatcher.utter_message(response=reply)
            turn.slots.update(back)
        return back

    # -- hooks for each form -----------------------------------------------------------
    def read(self, slot: str, value: Any, turn: Turn) -> Reading:
        return interpret_answer(slot, value, turn.tracker)

    def store(self, slot: str, reading: Reading, turn: Turn) -> None:
        if slot == "questions":  # with the ones noted on the way; "no" is none
            reading = _questions(reading, turn.slots.get("noted_questions") or [])
        record(*turn, reading, slot)

    def follow_up(self, slot: str, reading: Reading, turn: Turn) -> dict[str, Any]:
        return {}

    def stage_when_done(self, slots: dict[str, Any]) -> str:
        return slots.get("stage") or "consent"


def confirm_first(mode: str, key: str | None = None, about: str = "") -> dict[str, Any]:
    """Ask yes or no before taking an answer off ("remove", "undo") or starting again
    ("restart"); ``confirm_undo`` reads the reply (action_ask_undo_pending asks)."""
    return {"undo_pending": {"key": key, "mode": mode, "about": about}, **flow.ask_instead("undo_pending")}


def _confirm_taking_off(mode: str, key: str) -> dict[str, Any]:
    return confirm_first(mode, key, catalogue()[key].label.lower())


def _answer_about(words: str, slots: dict[str, Any], questions: list[str]) -> str | None:
    """The latest answer that "the thing about the bus" names (by its words)."""
    wanted = listen.content_words(words)
    for key in reversed([k for k in slots.get("history") or [] if k in questions]):
        if wanted and wanted & listen.content_words(str(slots.get(key) or "")):
            return key
    return None


def _question_for_team(asked: str, text: str) -> bool:
    """A question put in the middle of a question that doesn't ask for one."""
    question = catalogue()[asked]
    return question.kind == "text" and asked not in QUESTIONS_ARE_ANSWERS and listen.question_to_bot(text)


def _questions(reading: Reading, noted: list[str]) -> Reading:
    """The answer to "any questions for the care team?", after the ones noted on the way.
    "No" or "nothing" means none (kept as skipped, so no question shows)."""
    none = reading.skipped or interpret.yes_no(reading.text) is False or bool(NONE.match(reading.text))
    kept = noted if none else [*noted, reading.text]
    if not kept:
        return Reading(value=flow.SKIPPED, text="", skipped=True, replies=reading.replies)
    return Reading(value="\n".join(kept), text="\n".join(kept), replies=reading.replies)


def _last_said_was(tracker: Tracker, response: str) -> bool:
    """Was the bot's last message this response ("utter_away")?"""
    said = next((e for e in reversed(tracker.events) if e.get("event") == "bot"), None)
    return bool(said) and (said.get("metadata") or {}).get("utter_action") == response


def _saying(tracker: Tracker, text: str) -> Tracker:
    """The tracker as if the message had said only ``text`` (what they meant, once corrected)."""
    meant = copy.copy(tracker)
    meant.latest_message = {**(tracker.latest_message or {}), "text": text}
    return meant


def _heard_before(tracker: Tracker, keys: list[str], carer: bool | None) -> dict[str, Any]:
    """Answers given in the last few messages, this one too (the opening, before consent)."""
    typed = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-4:]
    heard: dict[str, Any] = {}
    for message in typed:
        if message and not message.startswith("/"):
            found = listen.hear(message, keys, carer=carer if carer is not None else _carer(heard))
            heard.update({key: value for key, value in found.items() if key not in heard})
    return heard


def _carer(slots: dict[str, Any]) -> bool | None:
    """Whether a carer is answering, once that is known (the slot holds "self" or "carer")."""
    who = slots.get("for_whom")
    return who == "carer" if who in ROLES else None


def _took(key: str, text: str, carer: bool) -> str:
    """How the one-line confirmation names what was taken ("about your tablets")."""
    if key == "appointment_reason":
        return f"about {text if carer else _to_you(text)}"
    if key in {"for_whom", "carer_relationship"}:
        return ""
    if key == "good_day":
        return "what a good day looks like"
    if key == "goal_why":
        return "why it matters"
    if key == "goal_barriers":
        return "what gets in the way"
    if key == "goal_text":
        return ""
    if key == "date_of_birth":
        return f"born {date.fromisoformat(text):%-d %B %Y}"
    return text


def _to_you(text: str) -> str:
    """The person's words said back to them: "my feet" becomes "your feet"."""
    swaps = {"my": "your", "me": "you", "i": "you", "i'm": "you're", "mine": "yours", "myself": "yourself"}
    return re.sub(r"\b(?:my|me|i'm|i|mine|myself)\b", lambda m: swaps[m.group(0).lower()], text, flags=re.I)


def _time_field(time: str | None) -> dict[str, Any]:
    return {"appointment_time": time} if time else {}


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
        return self.take(_heard_before(turn.tracker, form_slots()["care_form"], carer=None), turn)

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
            choice = entity(tracker, "choice")
            chosen = (
                int(choice)
                if choice is not None and str(choice).isdigit() and int(choice) in {g["id"] for g in goals}
                else listen.match_goal(text_of(tracker), goals)
            )
            if chosen is not None:
                title = next(g["title"] for g in goals if g["id"] == chosen)
                return Reading(
                    value=str(chosen), text=f"(chose: {title})" if is_button(tracker) else text_of(tracker)
                )
            if listen.VAGUE.match(text_of(tracker)):
                return Reading(replies=["utter_one_thing_own_words"])
        if slot == "another_goal" and listen.content_after_yes(text_of(tracker)) and not is_button(tracker):
            # "sleeping better" to "something else?" is a yes, and the goal itself
            if interpret.yes_no(text_of(tracker)) is not False:
                return Reading(value="yes", text=text_of(tracker))
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
            when = dates.when(reading.text)
            if when:
                dispatcher.utter_message(
                    response="utter_date_noted", date_text=dates.said(when.day, when.time)
                )
            else:
                dispatcher.utter_message(response="utter_date_unclear")
        elif slot == "goal_text" and not reading.skipped and slots.get("goal_title"):
            dispatcher.utter_message(response="utter_goal_noted", title=slots["goal_title"])
        elif slot == "carer_assessment" and reading.value == "yes":
            dispatcher.utter_message(response="utter_carer_assessment_info")
        elif slot == "for_whom":
            # Now who it's for is known, what was said before ("hi im sheila, its my review") says more.
            still_open = [q for q in flow.care_questions(slots) if slots.get(q) is None]
            return self.take(_heard_before(turn.tracker, still_open, carer=flow.is_carer(slots)), turn)
        elif slot == "another_goal" and reading.value == "yes":
            return {**{s: None for s in flow.GOAL_SLOTS}, "current_goal_id": None, "goal_title": None}
        return {}

    def stage_when_done(self, slots: dict[str, Any]) -> str:
        return "review"


class ValidateReviewForm(QuestionForm):
    questions = staticmethod(flow.review_questions)

    def name(self) -> str:
        return "validate_review_form"

    def listen(self, asked: str, value: Any, turn: Turn) -> dict[str, Any]:
        text = text_of(turn.tracker)
        if is_button(turn.tracker):
            return super().listen(asked, value, turn)
        if asked in PICKING and listen.never_mind(text):  # "cancel", "leave them all"
            turn.dispatcher.utter_message(response="utter_left_as_is")
            return {asked: None, **dict.fromkeys(PICKING), "review_choice": None}
        if (
            asked == "review_choice"
            and listen.correction(text) is None
            and listen.review_choice(text) is None
            and (when := dates.when(text)) is not None
        ):  # "found the letter, its 9th jan at 2": the only date in the plan is the appointment's
            return {asked: None, **(self.correct(listen.Correction("date", when), asked, turn) or {})}
        return super().listen(asked, value, turn)

    def read(self, slot: str, value: Any, turn: Turn) -> Reading:
        tracker, _, slots = turn
        if slot == "review_choice":
            return self.read_choice(turn)
        if slot in {"goal_to_change", "goal_to_remove"}:
            choice = entity(tracker, "choice")
            goals = _goals(slots)
            chosen = (
                int(choice)
                if choice is not None and str(choice).isdigit()
                else listen.match_goal(text_of(tracker), goals)
            )
            known = chosen is not None and chosen in {g["id"] for g in goals}
            return Reading(
                value=str(chosen) if known else None,
                text=text_of(tracker),
                replies=[] if known else ["utter_which_goal"],
            )
        if slot == "questions" and slots.get("review_choice") == "add_question":
            return _questions(interpret_answer(slot, value, tracker), slots.get("noted_questions") or [])
        if slot == "goal_new_text" and listen.correction(text_of(tracker)) is not None:
            return Reading(replies=["utter_goal_words_please"])  # an instruction is not goal text
        if slot in {"full_name", "carer_name"}:
            return _identity_name(slot, value, tracker)
        if slot == "carer_contact" and identity.has_contact(text_of(tracker)):
            return Reading(value=text_of(tracker), text=text_of(tracker))  # "07700 900461 after 6"
        if slot == "nhs_number":
            return _nhs_number(tracker, value)
        if slot == "date_of_birth":
            return _date_of_birth(tracker, value)
        return interpret_answer(slot, value, tracker)

    def read_choice(self, turn: Turn) -> Reading:
        """The read-back, in the person's own words or by button."""
        tracker, dispatcher, slots = turn
        text = text_of(tracker)
        intent = sure_intent(tracker)
        choice = REVIEW_INTENTS.get(intent or "") if is_button(tracker) else None
        review = None if is_button(tracker) else listen.review_choice(text, intent)
        if review is not None:
            choice = review.choice
        if choice in {"change", "remove"} and not _goals(slots):
            return Reading(replies=["utter_no_goals_yet"])
        if choice is None:
            return Reading(replies=["utter_review_what_wrong"])
        if review is not None and review.goal and choice in {"change", "remove"}:
            chosen = listen.match_goal(review.goal, _goals(slots))
            if chosen is not None:
                slots[f"goal_to_{choice}"] = str(chosen)
        if review is not None and review.words and choice == "add":
            slots["goal_text"] = None
            slots["pending_goal"] = review.words
        if review is not None and review.words and choice == "add_question":
            slots["pending_question"] = review.words
        return Reading(value=choice, text=choice)

    def store(self, slot: str, reading: Reading, turn: Turn) -> None:
        if slot in {"review_choice", "goal_to_change"}:
            return
        plan_id = int(turn.slots["plan_id"])
        if slot == "goal_to_remove":
            store().remove_goal(plan_id, int(reading.value))
            return
        if slot == "share_plan":
            from careplan.models import utcnow

            if reading.value == "yes":
                store().share(plan_id)  # with this practice's care team only
                store().update_plan(plan_id, status="completed", completed_at=utcnow())
            else:
                store().update_plan(
                    plan_id, shared=False, shared_at=None, status="completed", completed_at=utcnow()
                )
            return
        record(*turn, reading, slot)

    def follow_up(self, slot: str, reading: Reading, turn: Turn) -> dict[str, Any]:
        _, dispatcher, slots = turn
        done = {
            "review_choice": None,
            "goal_to_change": None,
            "goal_new_text": None,
            "goal_to_remove": None,
        }
        if slot == "review_choice":
            return self.after_choice(reading.value, turn)
        if slot == "goal_new_text":
            dispatcher.utter_message(response="utter_goal_changed")
            return done
        if slot == "goal_to_remove":
            dispatcher.utter_message(response="utter_goal_removed")
            return done
        if slot in {"appointment_when", "questions"}:
            if slot == "appointment_when" and (when := dates.when(reading.text)):
                dispatcher.utter_message(
                    response="utter_date_changed", date_text=dates.said(when.day, when.time)
                )
            return done
        if slot == "goal_text" and not reading.skipped and slots.get("goal_title"):
            dispatcher.utter_message(response="utter_goal_noted", title=slots["goal_title"])
        if slot == "goal_help" or (slot == "goal_text" and reading.skipped):
            return {**done, **{s: None for s in flow.GOAL_SLOTS}, "current_goal_id": None}
        return {}

    def after_choice(self, choice: str, turn: Turn) -> dict[str, Any]:
        """What a read-back choice opens: a new goal starts empty; fixes reopen their question."""
        slots = turn.slots
        if choice == "add":
            opened = {**{s: None for s in flow.GOAL_SLOTS}, "current_goal_id": None, "goal_title": None}
            words = slots.pop("pending_goal", None)
            slots.update(opened)
            if words:
                reading = Reading(value=words, text=words)
                self.store("goal_text", reading, turn)
                slots["goal_text"] = words
                opened["goal_text"] = words
                opened["current_goal_id"] = slots.get("current_goal_id")
                opened["goal_title"] = slots.get("goal_title")
                turn.dispatcher.utter_message(response="utter_goal_noted", title=slots.get("goal_title"))
            return opened
        if choice in {"date", "questions"}:
            key = "appointment_when" if choice == "date" else "questions"
            slots[key] = None
            return {key: None}
        if choice == "add_question":
            existing = [q for q in [slots.get("questions")] if q and q != flow.SKIPPED]
            words = slots.pop("pending_question", None)
            if not words:  # "add a question": ask for it, keeping the ones there
                slots.update(questions=None, noted_questions=existing)
                return {"questions": None, "noted_questions": existing}
            joined = "\n".join([*existing, words])
            record(*turn, Reading(value=joined, text=joined), "questions")
            turn.dispatcher.utter_message(response="utter_question_added")
            slots.update(review_choice=None, questions=joined)
            return {"review_choice": None, "questions": joined}
        if choice == "remove_questions":
            record(*turn, Reading(value=flow.SKIPPED, text="", skipped=True), "questions")
            turn.dispatcher.utter_message(response="utter_questions_removed")
            slots["review_choice"] = None
            return {"review_choice": None}
        if choice == "remove" and slots.get("goal_to_remove"):
            # "remove number 2": the goal was named with the choice, so nothing is left to
            # ask; take it off now and read the plan back, or the form would end the chat.
            reading = Reading(value=slots["goal_to_remove"], text=slots["goal_to_remove"])
            self.store("goal_to_remove", reading, turn)
            return self.follow_up("goal_to_remove", reading, turn)
        return {k: slots[k] for k in ("goal_to_change",) if slots.get(k)}

    def stage_when_done(self, slots: dict[str, Any]) -> str:
        return "done"


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


def _goals(slots: dict[str, Any]) -> list[dict[str, Any]]:
    plan_id = slots.get("plan_id")
    return store().goals(int(plan_id)) if plan_id else []


def _same_month(when: dates.When, said: str, before: str | None) -> dates.When:
    """A day on its own ("it's the 27th") keeps the month already given: 27 January, not
    27 December, for an appointment on 17 January."""
    day = listen.day_of_month_only(said)
    earlier = dates.when(before or "")
    if day is None or earlier is None:
        return when
    try:
        moved = earlier.day.replace(day=day)
    except ValueError:  # the 31st of a shorter month
        return when
    return dates.When(day=moved, time=earlier.time) if moved >= date.today() else when


def _identity_name(slot: str, value: Any, tracker: Tracker) -> Reading:
    """A name for the plan shared with the care team: never a question, a pronoun, or the
    writer's own name given in the same breath as the person's."""
    text = text_of(tracker)
    if identity.asks_whose(text):  # "mine or hers?": say whose, and store nothing
        whose = "utter_own_name_please" if slot == "carer_name" else "utter_their_name_please"
        return Reading(replies=[whose])
    if both := identity.name_and_birth_date(text, date.today()):
        return Reading(value=both[0], text=both[0])  # "Winston Campbell, born 4th July 1948"
    if identity.birth_date(text, date.today()) is not None:
        return Reading()  # "she was born 1 sept 1939": the date is heard; the name is asked again
    words = identity.without_own_name(text) if slot == "full_name" else text
    found = interpret.name(words, full=True)
    if found is not None:
        return Reading(value=found, text=found)
    return interpret_answer(slot, value, tracker)


def _nhs_number(tracker: Tracker, value: Any) -> Reading:
    """Ten digits with a right check digit; "skip" or "I don't know" are fine too."""
    number = identity.nhs_number(text_of(tracker))
    if number is not None:
        return Reading(value=number, text=number)
    if NOT_KNOWN.search(text_of(tracker)):
        return Reading(value=flow.SKIPPED, text=text_of(tracker), skipped=True, replies=["utter_skipped"])
    if identity.looks_like_nhs_number(text_of(tracker)):
        return Reading(replies=["utter_nhs_number_wrong"])  # ten digits that don't add up: a typo
    reading = interpret_answer("nhs_number", value, tracker)
    return reading if reading.skipped or not reading.accepted else Reading(replies=["utter_nhs_number_wrong"])


def _date_of_birth(tracker: Tracker, value: Any) -> Reading:
    born = identity.birth_date(text_of(tracker), date.today())
    if born is not None:
        return Reading(value=born.isoformat(), text=text_of(tracker))
    if NOT_KNOWN.search(text_of(tracker)):
        return Reading(value=flow.SKIPPED, text=text_of(tracker), skipped=True, replies=["utter_skipped"])
    reading = interpret_answer("date_of_birth", value, tracker)
    unclear = Reading(replies=["utter_date_of_birth_unclear"])
    return reading if reading.skipped or not reading.accepted else unclear
