"""What else a message answers: every message is read for every question still open
(careplan/listen.py), and what it answers is stored and said back in one line, so that
question is not asked again.

``Extras`` is mixed into ``actions.forms.QuestionForm``; it uses the form's
``form_name()``. A form that takes nothing extra (consent, choosing a person)
overrides ``hear``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import flow
from actions.answers import Reading, record
from actions.common import is_button, logger, store, text_of
from actions.turn import Turn, form_slots
from careplan import dates, listen
from careplan.questions import catalogue
from careplan.readback import to_you
from careplan.store import StoreUnavailable
from careplan.vocab import CARER, ROLES

# Answers picked out of the person's words (who the appointment is with, from "GP. Dr Okonjo.
# about my back"): said back when taken, with anything else taken, so a wrong pick is seen.
SAID_BACK = {"appointment_with"}


class Extras:
    """Hearing and taking the answers a message gives besides the one asked for."""

    form_name: Callable[[], str]

    def hear(self, asked: str, text: str, turn: Turn) -> dict[str, Any]:
        """Answers this message gives to questions still open (the asked one's only with others)."""
        if is_button(turn.tracker):
            return {}
        # Every question this form could still ask (who it's for decides which apply).
        # Rasa has put the raw text in the asked slot: that one is still open too.
        slots = {**turn.slots, asked: None}
        still_open = [q for q in form_slots()[self.form_name()] if slots.get(q) is None]
        heard = listen.hear(text, still_open, asked=asked, carer=carer_known(slots))
        if asked == "another_goal" and (goal := listen.goal_in_reply(text)):
            heard["goal_text"] = goal
            heard.update(listen.goal_parts(goal))  # "yes, church again, because I miss my friends"
        if set(heard) <= {asked} and asked not in SAID_BACK:
            return {}
        if catalogue()[asked].kind != "text":
            heard.pop(asked, None)
        return heard

    def hear_anyway(self, asked: str, turn: Turn) -> dict[str, Any]:
        """What a message says about who this is for, how they're known and the appointment,
        answered or not ("neurologist next month sumtime" at "Does Kerry know?")."""
        # The appointment only while it is still to ask: "I'd like to manage it in 3 months"
        # at the read-back is a goal's time, never a new date.
        keys = [
            q
            for q in form_slots()[self.form_name()]
            if q != asked
            # a name already given stays: "my neighbour Sue pops in" names someone else
            and not (catalogue()[q].kind == "name" and turn.slots.get(q) is not None)
            and (
                catalogue()[q].stage == "intro"
                or (catalogue()[q].stage == "appointment" and turn.slots.get(q) is None)
            )
        ]
        text = text_of(turn.tracker)
        heard = listen.hear(text, keys, asked=asked, carer=carer_known(turn.slots))
        if "appointment_with" in keys:
            # no "seeing" needed: a clinician named where no choice was made is who it's with
            heard.setdefault("appointment_with", listen.clinician(text, asked=True))
        return {key: value for key, value in heard.items() if value is not None}

    def take(
        self, heard: dict[str, Any], turn: Turn, again: bool = False, quiet: bool = False, told: str = ""
    ) -> dict[str, Any]:
        """Store what else a message answered, and say in one line what was taken.

        ``again``: answers already given are told again, and the new words kept.
        ``quiet``: nothing said (it was said back before they agreed to go on).
        ``told``: the answer to the question asked, said first on that line (``SAID_BACK``)."""
        updates: dict[str, Any] = {}
        said: list[str] = [told]
        for key in [k for k in catalogue() if k in heard]:
            if turn.slots.get(key) is not None and key != "goal_text" and not again:
                continue
            value = heard[key]
            text = dates.said(value.day, value.time) if isinstance(value, dates.When) else str(value)
            said.append(said_back(key, value, flow.is_carer(turn.slots)))
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
        if shown and not quiet:
            turn.dispatcher.utter_message(response="utter_took", taken=", ".join(shown))
        name = turn.slots.get("preferred_name")
        if "person_present" in updates and name and not quiet:  # "she's sat beside me": as when asked
            turn.dispatcher.utter_message(response="utter_nice_to_meet", preferred_name=name)
        return updates


def typed(tracker: Tracker) -> list[str]:
    """Every message the person has typed (or sent by a button), in order."""
    return [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]


def keep_carers_name(turn: Turn, messages: list[str]) -> None:
    """The carer's own name, said in passing ("hello, I am Tomasz, I do this for my father",
    "Thanks, Jas"): kept at once as who wrote the plan, so it is never lost if they don't share.
    (When they share, their name is asked for the record, and the answer wins.)"""
    plan_id, slots = turn.slots.get("plan_id"), turn.slots
    if not plan_id or not flow.is_carer(slots) or slots.get("carer_name") is not None:
        return
    names = [str(slots[key]) for key in ("person_name", "preferred_name") if slots.get(key)]
    found = next(filter(None, (listen.carers_own_name(m, names) for m in reversed(messages))), None)
    if found:
        try:
            store().update_plan(int(plan_id), carer_name=found)
        except StoreUnavailable:
            logger.warning("care-plan store unavailable while keeping the carer's name")


def heard_now(tracker: Tracker) -> dict[str, Any]:
    """What this typed message answers of all the questions, before anything is known."""
    return {} if is_button(tracker) else listen.hear(text_of(tracker), form_slots()["care_form"])


def say_heard(heard: dict[str, Any], dispatcher: CollectingDispatcher) -> bool:
    """Before they agree to go on: "You've told me: Sian, the MS nurse, Tuesday 8 December."
    (Kept, without saying it again, once they agree: consent_form.) Whether there was any."""
    line = heard_line(heard, carer=heard.get("for_whom") == CARER)
    if line:
        dispatcher.utter_message(response="utter_heard_before", heard=line)
    return bool(line)


def heard_before(
    tracker: Tracker, keys: list[str], carer: bool | None, latest: bool = True
) -> dict[str, Any]:
    """Answers given in the last few messages, this one too unless not ``latest`` (the
    opening, before consent)."""
    last = typed(tracker)[-4:]
    heard: dict[str, Any] = {}
    for message in last if latest else last[:-1]:
        if message and not message.startswith("/"):
            found = listen.hear(message, keys, carer=carer if carer is not None else carer_known(heard))
            if listen.correction(message) is None:
                found = {key: value for key, value in found.items() if key not in heard}
            heard.update(found)  # "no wait its wednesday not tuesday": the later word wins
    return heard


def carer_known(slots: dict[str, Any]) -> bool | None:
    """Whether a carer is answering, once that is known (the slot holds "self" or "carer")."""
    who = slots.get("for_whom")
    return who == "carer" if who in ROLES else None


def said_back(key: str, value: Any, carer: bool) -> str:
    """How a one-line confirmation names what was taken ("about your tablets", "Friday 11
    December"); empty for what needs no saying back (who it's for)."""
    if isinstance(value, dates.When):
        return dates.said(value.day, value.time)
    return _took(key, str(value), carer)


def heard_line(heard: dict[str, Any], carer: bool) -> str:
    """Everything heard, in catalogue order, as one line: "Sian, the MS nurse, Tuesday 8 December";
    a name with what they're called is one item: "Kenneth Hughes, known as Ken"."""
    person, called = heard.get("person_name"), heard.get("preferred_name")
    if person and called and called != person:
        heard = {**heard, "person_name": f"{person}, known as {called}"}
        del heard["preferred_name"]
    return ", ".join(s for key in catalogue() if key in heard and (s := said_back(key, heard[key], carer)))


def _took(key: str, text: str, carer: bool) -> str:
    """How the one-line confirmation names what was taken ("about your tablets")."""
    if key == "appointment_reason":
        return f"about {text if carer else to_you(text)}"
    if key == "appointment_with":
        return text if carer else to_you(text)  # "my GP" said back as "your GP"
    if key in {"for_whom", "carer_relationship", "person_present"}:
        return ""
    if key == "what_matters":
        return "what matters most"
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
