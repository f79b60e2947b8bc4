"""Moving around the conversation: hello, help, go back, stop, start again,
resume, see the plan, switch person, and the close. Also the custom "ask"
actions that add buttons built from the person's own goals.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import flow
from actions.common import (
    intent_of,
    is_button,
    last_said_was,
    logger,
    plan_goals,
    readback_goals,
    stepped_away,
    store,
    text_of,
)
from actions.extras import heard_now, say_heard
from actions.safety_turn import waiting
from careplan import listen
from careplan.models import utcnow
from careplan.questions import catalogue, detail_named
from careplan.readback import plan_text
from careplan.store import StoreUnavailable
from careplan.vocab import CARER

STAGE_FORM = {
    "consent": "consent_form",
    "declined": "consent_form",
    "questions": "care_form",
    "review": "review_form",
    "done": "review_form",
}


class SimpleAction(Action, ABC):
    """An action whose name is given as a class attribute."""

    action_name = ""

    def name(self) -> str:
        return self.action_name

    @abstractmethod
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Abstract, so the SDK registers only the real actions below."""


def count_word(number: int) -> str:
    """ "three" for 3: how a small count is said."""
    return {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}.get(number, str(number))


def _plan_text(tracker: Tracker, *, everything: bool = False) -> str | None:
    plan_id = tracker.get_slot("plan_id")
    if not plan_id:
        return None
    try:
        return plan_text(store().export(int(plan_id)), everything=everything)
    except (StoreUnavailable, LookupError):
        return None


def _goal_buttons(goals: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [
        {"title": f"{n}. {goal['title']}", "payload": f'/inform{{"choice":"{n}"}}'}
        for n, goal in enumerate(goals, start=1)
    ]


def said_this_turn(tracker: Tracker) -> bool:
    """Has anything been said since the person's latest message (the hook's signpost, say)?"""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot":
            return True
    return False


# The hello's first line, named or not (actions/moves.ActionStart)
INTRODUCTIONS = ("utter_intro", "utter_intro_named")


def introduced(tracker: Tracker) -> bool:
    """Has the bot said hello yet, with who it is (a computer program) and what the chat is for?"""
    return any(
        e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action") in INTRODUCTIONS
        for e in tracker.events
    )


def erase_asked(tracker: Tracker) -> list[EventType] | None:
    """ "Delete everything" with no question open (after "Take care.", say): asked first, and
    the rules in data/rules/outside_forms.yml send the yes or no to action_erase. In a form
    the form asks (actions/forms.py); this is the same request everywhere else."""
    if is_button(tracker) or listen.meta(text_of(tracker)) != "erase":
        return None
    return [FollowupAction("utter_ask_erase")]


class ActionStart(SimpleAction):
    """Hello: introduce the bot the first time, welcome back after that."""

    action_name = "action_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        stage = tracker.get_slot("stage") or "consent"
        if stage in {"consent", "declined"}:
            # "hello my name is Sian, I'm seeing the MS nurse on the 8th": heard, and said
            # back before they agree (nothing is kept until they do).
            heard = heard_now(tracker)
            name = heard.get("preferred_name") if heard.get("for_whom") != CARER else None
            dispatcher.utter_message(response=INTRODUCTIONS[1] if name else INTRODUCTIONS[0], name=name)
            dispatcher.utter_message(response="utter_purpose")
            say_heard(heard, dispatcher)
            if question := listen.chat_question_in_opening(text_of(tracker)):
                # "... Is this another box ticking exercise?": answered before "happy to go on?"
                ActionInterrupt.reply(question, None, tracker, dispatcher)
            return [SlotSet("stage", "consent")]
        dispatcher.utter_message(
            response="utter_welcome_back_done" if stage == "done" else "utter_welcome_back"
        )
        return []


# The bot's last words when the chat has ended: a reply to these may only be signing off too
SIGNED_OFF = ("utter_close_ways", "utter_goodbye", "utter_thanks")


class ActionResume(SimpleAction):
    """Carry on where the person left off (also the fallback outside a form)."""

    action_name = "action_resume"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if waiting(tracker):
            return []  # an emergency pause or a safety check-in: the hook has answered
        if (erase := erase_asked(tracker)) is not None:
            return erase
        stage = tracker.get_slot("stage") or "consent"
        intent, _ = intent_of(tracker)
        if stage in {"consent", "declined"}:
            return ActionStart().run(dispatcher, tracker, domain) + [FollowupAction("consent_form")]
        if stage == "done" and last_said_was(tracker, *SIGNED_OFF) and listen.says_goodbye(text_of(tracker)):
            # "ok lovely x", "gtg bus", "thanks a million" after "Take care.": a goodbye back,
            # not the plan opened again
            dispatcher.utter_message(response="utter_goodbye")
            return []
        if stage == "done" and listen.asks_if_shared(text_of(tracker)):  # "did you send it to the nurse?"
            say_if_shared(tracker, dispatcher)
            return []
        if stage == "done" and listen.asks_to_see_plan(text_of(tracker)):
            # "show me the plan one more time": the plan, with every answer, and nothing asked
            return ActionShowSummary().run(dispatcher, tracker, domain)
        if intent not in {"deny", "greet"} and not said_this_turn(tracker):
            dispatcher.utter_message(response="utter_reprompt")
        if stage != "done":
            dispatcher.utter_message(response="utter_welcome_back")
            return [FollowupAction(STAGE_FORM[stage])]
        plan_id = tracker.get_slot("plan_id")
        if plan_id and is_shared(int(plan_id)):
            # never "Is this right?" again on a plan already shared (s30 tester)
            dispatcher.utter_message(response="utter_plan_kept_shared")
            return []
        if stepped_away(tracker):  # only someone who was away is welcomed back
            dispatcher.utter_message(response="utter_welcome_back_done")
        return [FollowupAction(STAGE_FORM[stage])]


class ActionReply(SimpleAction):
    """Thanks, goodbye, off-topic, medical or a red flag with no question open.

    Before the person has agreed to go on, whatever they open with is a hello:
    people say "hi, I see the nurse soon", not just "hi".
    """

    action_name = "action_reply"
    REPLIES = {
        "thanks": "utter_thanks",
        "goodbye": "utter_goodbye",
        "out_of_scope": "utter_out_of_scope",
        "medical_advice": "utter_medical_advice",
    }

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        intent, _ = intent_of(tracker)
        if (tracker.get_slot("stage") or "consent") in {"consent", "declined"}:
            return ActionResume().run(dispatcher, tracker, domain)
        if (erase := erase_asked(tracker)) is not None:
            return erase
        if intent in self.REPLIES:
            dispatcher.utter_message(response=self.REPLIES[intent])
        elif not said_this_turn(tracker):
            # A red flag the classifier saw and the safety check did not ("my son says I
            # shouldn't put things on the internet"): a message like any other, never silence.
            return ActionResume().run(dispatcher, tracker, domain)
        return []


class ActionInterrupt(SimpleAction):
    """Answer a question or request, then the form asks its question again."""

    action_name = "action_interrupt"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        intent, _ = intent_of(tracker)
        asked = tracker.get_slot("requested_slot") if tracker.active_loop_name else None
        if asked is None and (erase := erase_asked(tracker)) is not None:
            return erase  # "delete everything", read by the NLU as a question about data
        opening = (tracker.get_slot("stage") or "consent") in {"consent", "declined"}
        if asked is None and opening and not introduced(tracker):
            # "Hello, my granddaughter told me to do this...": the NLU hears who sees it. A first
            # message is a hello; a question about the chat in it is answered after the hello.
            return ActionResume().run(dispatcher, tracker, domain)
        return self.reply(intent, asked, tracker, dispatcher)

    @staticmethod
    def reply(
        intent: str | None, asked: str | None, tracker: Tracker, dispatcher: CollectingDispatcher
    ) -> list[EventType]:
        """The reply to an interruption while ``asked`` is the open question (if any)."""
        if listen.asks_if_shared(text_of(tracker)):  # "so did you share it or not??"
            say_if_shared(tracker, dispatcher)
            return []
        if intent == "repeat" and listen.meta(text_of(tracker)) == "faq_questions_left":
            intent = "faq_questions_left"  # "how many more q's??": heard as "say that again"
        if intent == "repeat":
            if asked is None:
                dispatcher.utter_message(response="utter_help")
            return []  # the form asks its question again, word for word
        about = listen.meta(text_of(tracker)) if intent in {"ask_why", "see_summary"} else None
        if about in {"faq_who_sees", *listen.ABOUT_THE_QUESTION} and (
            intent == "ask_why" or about == "faq_who_sees"
        ):
            # "why are you asking all this, who's going to read it?": who sees it; "what do you mean
            # by a good day?": what the question means; "can the receptionists read it?" is no "show me"
            intent = about
        if intent in {"how_many", "how_much"}:
            # "do you want one thing or several?", "how much detail do you want?": about the
            # question, never an answer; then the question again
            dispatcher.utter_message(response=f"utter_{intent}")
            return []
        if intent in {"ask_why", "ask_meaning"}:
            # why the question is asked, or what it means ("define 'at the moment'"), from the catalogue;
            # "why do you need my date of birth?" at another question: why that detail is asked
            named = detail_named(text_of(tracker)) if intent == "ask_why" else None
            asked = named or asked
            if asked in catalogue():
                name = tracker.get_slot("preferred_name") if flow.is_carer(tracker.slots) else None
                if intent == "ask_why":
                    dispatcher.utter_message(response="utter_why", why=catalogue()[asked].why_text(name))
                else:
                    dispatcher.utter_message(
                        response="utter_question_means", means=catalogue()[asked].means_text(name)
                    )
            else:
                dispatcher.utter_message(response="utter_faq_care_plan")
            return []
        if intent == "ask_copy":
            return ActionSendCopy().run(dispatcher, tracker, {})
        if intent == "see_summary":
            return ActionShowSummary().run(dispatcher, tracker, {})
        if intent == "withdraw_sharing":
            return ActionWithdrawSharing().run(dispatcher, tracker, {})
        if (
            intent in {"faq_how_long", "faq_questions_left"}
            and listen.meta(text_of(tracker)) == "faq_questions_left"
        ):
            # "are we nearly done? im on my lunch break": how many questions are left
            left = flow.questions_left(tracker.slots)
            if left:
                dispatcher.utter_message(response="utter_faq_questions_left", left=_questions(left))
            else:
                dispatcher.utter_message(response="utter_faq_questions_left_none")
            return []
        # "can my mum see it", "the people on reception", "dont want it sold to google": about them
        names = [tracker.get_slot(slot) or "" for slot in ("preferred_name", "person_name")]
        asked_about = intent in {"faq_who_sees", "faq_phone"}
        who = listen.who_is_asked_about(text_of(tracker), names) if asked_about else ()
        for each in who:  # "does my mum see it? and my work?": both answered
            dispatcher.utter_message(response=f"utter_faq_{each}_sees")
        if not who and intent == "faq_who_sees" and listen.meta(text_of(tracker)) == "faq_phone":
            intent = "faq_phone"  # "will he see this if he goes through my phone?": its own answer
        if (who or intent == "faq_who_sees") and asked in {"review_choice", "share_plan"}:
            who_sees_if_shared(tracker, dispatcher)  # "Only the diabetes nurse?", before sharing
            return []
        if who:
            return []
        faq = intent and intent.startswith("faq_")
        dispatcher.utter_message(response=f"utter_{intent}" if faq else "utter_help")
        return []


def _questions(count: int) -> str:
    """ "1 question", "5 questions"."""
    return f"{count} question" + ("" if count == 1 else "s")


class ActionShowSummary(SimpleAction):
    action_name = "action_show_summary"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text = _plan_text(tracker, everything=True)  # every answer, so they can check what they said
        if text:
            dispatcher.utter_message(text=text)
        else:
            dispatcher.utter_message(response="utter_nothing_to_show")
        return []


class ActionSendCopy(SimpleAction):
    """The plan as a large-print PDF. Channels that can send files (Telegram) act
    on the custom payload; the text says what it is either way."""

    action_name = "action_send_copy"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not tracker.get_slot("plan_id"):
            dispatcher.utter_message(response="utter_nothing_to_show")
            return []
        dispatcher.utter_message(response="utter_copy")
        dispatcher.utter_message(json_message={"document": "plan_pdf", "large_print": True})
        return []


class ActionWithdrawSharing(SimpleAction):
    action_name = "action_withdraw_sharing"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not is_button(tracker) and not listen.withdraws_sharing(text_of(tracker)):
            # the NLU heard "share", the words don't say stop: ask, never withdraw on a guess
            dispatcher.utter_message(response="utter_sharing_check")
            return []
        if tracker.get_slot("requested_slot") in flow.identity_questions(tracker.slots):
            # "skip. i dont want to share it. keep it to me" at the details: the steps stop
            return [SlotSet(key, value) for key, value in stop_sharing(tracker, dispatcher).items()]
        plan_id = tracker.get_slot("plan_id")
        if not plan_id or not is_shared(int(plan_id)):
            # never shared: never "can no longer see", as if they had seen it
            dispatcher.utter_message(response="utter_shared_status_no")
            return []
        store().update_plan(int(plan_id), shared=False, shared_at=None)
        dispatcher.utter_message(response="utter_sharing_withdrawn")
        return []


def is_shared(plan_id: int) -> bool:
    """Is the plan shared with the care team now, as the store holds it?"""
    return bool(store().export(plan_id)["shared"])


def finish_unshared(plan_id: int) -> None:
    """The plan finished and not shared: a no at the share question, or said later."""
    store().update_plan(plan_id, shared=False, shared_at=None, status="completed", completed_at=utcnow())


def stop_sharing(tracker: Tracker, dispatcher: CollectingDispatcher) -> dict[str, Any]:
    """A no said while the details for sharing are asked: the plan is not shared, that is said
    plainly, and no more details are asked (the slots to set)."""
    plan_id = tracker.get_slot("plan_id")
    if plan_id:
        finish_unshared(int(plan_id))
    dispatcher.utter_message(response="utter_sharing_stopped")
    return {"share_plan": "no"}


def say_if_shared(tracker: Tracker, dispatcher: CollectingDispatcher) -> None:
    """ "so did you share it or not??": the truth, from the store."""
    plan_id = tracker.get_slot("plan_id")
    shared = bool(plan_id) and is_shared(int(plan_id))
    dispatcher.utter_message(response="utter_shared_status_yes" if shared else "utter_shared_status_no")


def who_sees_if_shared(tracker: Tracker, dispatcher: CollectingDispatcher) -> None:
    """Who reads the plan if they say yes: the care team named for the appointment."""
    plan_id = tracker.get_slot("plan_id")
    team = store().export(int(plan_id))["appointment"]["with"] if plan_id else None
    dispatcher.utter_message(response="utter_who_sees_if_shared", team=team or "your care team")


class ActionGoBack(SimpleAction):
    """Ask the last answered question again."""

    action_name = "action_go_back"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        back = flow.step_back(tracker.slots, at_read_back=tracker.active_loop_name == "review_form")
        dispatcher.utter_message(response="utter_go_back" if back is not None else "utter_cant_go_back")
        return [SlotSet(key, value) for key, value in (back or {}).items()]


class ActionStartAgain(SimpleAction):
    """Clear this plan's answers and begin the questions again (consent stands)."""

    action_name = "action_start_again"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        new_plan = start_afresh(tracker)
        dispatcher.utter_message(response="utter_restarted")
        return [
            AllSlotsReset(),
            SlotSet("stage", "questions"),
            SlotSet("consented", True),
            SlotSet("plan_id", new_plan),
        ]


def start_afresh(tracker: Tracker) -> int | None:
    """Delete this conversation's plan and start an empty one (None if the database is away)."""
    plan_id = tracker.get_slot("plan_id")
    try:
        if plan_id:
            store().delete_plan(int(plan_id))
        return store().new_plan(tracker.sender_id)
    except StoreUnavailable:
        logger.warning("care-plan store unavailable while starting again")
        return None


class ActionNoConsent(SimpleAction):
    action_name = "action_no_consent"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_no_consent")
        return [SlotSet("consent", None), SlotSet("stage", "consent")]


class ActionClose(SimpleAction):
    action_name = "action_close"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        shared = tracker.get_slot("share_plan") == "yes"
        dispatcher.utter_message(response="utter_close_shared" if shared else "utter_close_not_shared")
        dispatcher.utter_message(response="utter_close_ways")
        # Ready for a later read-back: the choice and the sharing question are asked afresh.
        return [SlotSet("review_choice", None), SlotSet("share_plan", None)]


class ActionSwitchPerson(SimpleAction):
    """Carers: move to another person's plan, or start one for someone new."""

    action_name = "action_switch_person"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        choice = tracker.get_slot("plan_choice")
        reset: list[EventType] = [AllSlotsReset(), SlotSet("consented", True)]
        if choice == "new" or not choice:
            plan_id = store().new_plan(tracker.sender_id, recorded_by_role="carer")
            dispatcher.utter_message(response="utter_new_person")
            return [
                *reset,
                SlotSet("plan_id", plan_id),
                SlotSet("stage", "questions"),
                SlotSet("for_whom", "carer"),
                FollowupAction("care_form"),
            ]
        slots = restore_slots(int(choice))
        dispatcher.utter_message(response="utter_switched_person", preferred_name=slots.get("preferred_name"))
        return [
            *reset,
            *[SlotSet(k, v) for k, v in slots.items()],
            FollowupAction(STAGE_FORM[slots["stage"]]),
        ]


def restore_slots(plan_id: int) -> dict[str, Any]:
    """Rebuild a plan's conversation slots from what is stored, so it can go on."""
    plan = store().export(plan_id)
    slots: dict[str, Any] = {"plan_id": plan_id}
    for answer in plan["answers"]:
        key = answer["question_key"]
        if key in flow.ANSWER_SLOTS and answer["goal_id"] is None and key not in flow.GOAL_SLOTS:
            slots[key] = flow.SKIPPED if answer["skipped"] else answer["text"]
    # Answers that the plan holds in a cleaned-up form come from the plan itself.
    recorded_by, subject = plan["recorded_by"], plan["subject"]
    slots["for_whom"] = recorded_by["role"]
    slots["person_name"] = subject["name"] or slots.get("person_name")
    slots["preferred_name"] = subject["preferred_name"] or slots.get("preferred_name")
    slots["carer_relationship"] = recorded_by["relationship"] or slots.get("carer_relationship")
    slots["carer_basis"] = recorded_by["basis"] or slots.get("carer_basis")
    if subject["present"] is not None:
        slots["person_present"] = "yes" if subject["present"] else "no"
    if plan["goals"]:
        slots.update(
            {
                "goal_text": plan["goals"][-1]["text"],
                "goal_why": "-",
                "goal_barriers": "-",
                "goal_help": "-",
                "another_goal": "no",
            }
        )
    if plan["one_thing"]:
        slots["one_thing"] = str(plan["one_thing"]["id"])
    done = flow.next_question(flow.care_questions(slots), slots) is None
    slots["stage"] = ("done" if plan["status"] == "completed" else "review") if done else "questions"
    return slots


# --- "ask" actions that build buttons from the plan ---------------------------------------
class AskWithGoalButtons(SimpleAction, ABC):
    """Ask a question with one button per goal in the plan."""

    # The read-back's change and remove offer a carer's own goals too, numbered as it shows them.
    every_goal = False

    @property
    @abstractmethod
    def response(self) -> str:
        """The question, from domain.yml."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        slots = tracker.current_slot_values()
        goals = readback_goals(slots) if self.every_goal else plan_goals(slots)
        dispatcher.utter_message(response=self.response, buttons=_goal_buttons(goals))
        return []


class ActionAskOneThing(AskWithGoalButtons):
    action_name = "action_ask_one_thing"
    response = "utter_ask_one_thing"


class ActionAskGoalToChange(AskWithGoalButtons):
    action_name = "action_ask_goal_to_change"
    response = "utter_ask_goal_to_change"
    every_goal = True


class ActionAskGoalToRemove(AskWithGoalButtons):
    action_name = "action_ask_goal_to_remove"
    response = "utter_ask_goal_to_remove"
    every_goal = True


class ActionAskUndoPending(SimpleAction):
    """Before taking an answer off: "Do you want me to take off what you said about worries?"
    (or starting again, or keeping several goals said at once apart)."""

    action_name = "action_ask_undo_pending"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        pending = tracker.get_slot("undo_pending") or {}
        if pending.get("mode") == "restart":
            dispatcher.utter_message(response="utter_ask_restart")
        elif pending.get("mode") == "erase":
            dispatcher.utter_message(response="utter_ask_erase")
        elif pending.get("mode") == "split":  # several goals in one message
            parts = pending.get("parts") or []
            goals = "\n".join(f"- {part}" for part in parts)
            count = count_word(len(parts))
            dispatcher.utter_message(response="utter_ask_split_goals", count=count, goals=goals)
        elif pending.get("mode") == "team_question":  # "what does titrate mean?"
            dispatcher.utter_message(response="utter_offer_word_question", word=pending.get("about", ""))
        elif pending.get("mode") == "remove_goal":  # the last goal, or one named by its words
            only = pending.get("only", True)
            asked = "utter_confirm_remove_goal" if only else "utter_confirm_remove_named_goal"
            dispatcher.utter_message(response=asked, title=pending.get("about", ""))
        elif pending.get("mode") == "appointment_part":  # "the appointment bit is wrong"
            dispatcher.utter_message(response="utter_ask_appointment_part")
        elif pending.get("mode") == "reword":  # "change number 1"
            dispatcher.utter_message(response="utter_ask_goal_new_words", title=pending.get("about", ""))
        elif pending.get("mode") == "reword_which":  # "change the goal", with several
            dispatcher.utter_message(
                response="utter_ask_which_goal_to_change", goals=pending.get("about", "")
            )
        elif pending.get("mode") == "pick":
            dispatcher.utter_message(response="utter_confirm_goal", title=pending.get("about", ""))
        else:
            dispatcher.utter_message(response="utter_confirm_undo", about=pending.get("about", "that"))
        return []


class ActionAskReviewChoice(SimpleAction):
    action_name = "action_ask_review_choice"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(
            response="utter_ask_review_choice", plan_text=_plan_text(tracker) or "Nothing saved yet."
        )
        return []


class ActionAskPlanChoice(SimpleAction):
    action_name = "action_ask_plan_choice"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        buttons = [
            {
                "title": p["preferred_name"] or p["subject_name"] or "Me",
                "payload": f'/inform{{"choice":"{p["id"]}"}}',
            }
            for p in store().plans_for_sender(tracker.sender_id)
        ]
        buttons.append({"title": "Someone new", "payload": '/inform{"choice":"new"}'})
        dispatcher.utter_message(response="utter_ask_plan_choice", buttons=buttons)
        return []
