"""The forms' shared turn: how one message in a form is read.

Rasa fills the requested slot from the person's text; ``QuestionForm`` decides
what the text means, stores it at once and works out the next question. Each form
is its own module: ``consent_form``, ``care_form`` (the main conversation),
``review_form`` (the read-back and sharing) and ``person_form`` (a carer choosing
whose plan); ``extras`` hears what else a message answers, ``corrections`` puts
things right, and ``identity_details`` reads the details shared with the care team.

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
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import flow
from actions.answers import (
    ASIDE_REPLIES,
    ASKED_BESIDE_AN_ANSWER,
    GOAL_FIELD,
    HOW_THINGS_ARE,
    Reading,
    flush,
    interpret_answer,
    interrupts,
    record,
    word_put_right_in,
)
from actions.common import (
    is_button,
    last_bot_text,
    last_said_was,
    logger,
    plan_goals,
    previous_message,
    readback_goals,
    said_last_turn,
    stepped_away,
    store,
    sure_intent,
    text_of,
)
from actions.corrections import (
    ERASED,
    FULL_NAMES,
    MOVABLE,
    Corrections,
    added_to,
    confirm_first,
    date_so_far,
    keep_taken_off,
)
from actions.extras import SAID_BACK, Extras, keep_carers_name, said_back, typed
from actions.moves import ActionInterrupt, ActionShowSummary
from actions.reflections import reflect
from actions.safety_turn import STATE as SAFETY_STATE
from actions.safety_turn import ask_nothing, form_hold, replied_to_signpost, stopped_this_turn
from actions.turn import BOOKKEEPING, Turn, form_slots
from careplan import dates, identity, interpret, listen, pronouns
from careplan.emergency_talk import signpost_reply
from careplan.kept import answered_again
from careplan.questions import catalogue
from careplan.reflect import LOSS
from careplan.store import StoreUnavailable
from careplan.titles import classify, short_title
from careplan.vocab import CARER, SELF
from careplan.words import listed

# The opening questions (who it's for, their names, who the carer is, the appointment), where a
# message answering another of them is kept for that one and the question asked comes again.
OPENING_STAGES = {"intro", "appointment"}
# Who the carer is to the person, and whether the person is with them: told out of turn in words
# that answer no other opening question ("I'm his son by the way" at who the appointment is with).
WHO_IS_WHO = {"for_whom", "carer_relationship", "person_present"}
# Questions whose answer may carry a kind line back (not names, dates or choices).
REFLECTED = {q.key for q in catalogue().values() if q.kind == "text"}
# Names, where only a loss told in passing carries one ("Grace is fine. My husband ... passed").
NAMES = {q.key for q in catalogue().values() if q.kind == "name"}
# Answered in the person's own words, where a correction inside the answer keeps what was meant
# ("something else?" is answered "Yes - X. Actually make that Y" too).
IN_OWN_WORDS = REFLECTED | {"another_goal"}
# Short facts where, in "Thursday. No I tell a lie, it is Friday.", the last one said wins.
SELF_CORRECTED = {q.key for q in catalogue().values() if q.kind in {"date", "name"}} | {"appointment_with"}
# Questions about the person's life and goals, where a carer may say what they need themselves.
# (Not "what gets in the way?": "I need to work full time" is in the way, not a need of the carer's.)
ABOUT_THE_PERSON = {q.key for q in catalogue().values() if q.stage == "life"} | {"goal_text"}
# Where a question is the answer ("what happens if I get ill?" is a worry); anywhere else
# a question is one for the care team, noted for them, and the open question comes again.
QUESTIONS_ARE_ANSWERS = {"questions", "worries", "carer_coping", "follow_up"}
# "What would help?", where a question may be the answer: "Could the council add a sound?"
HELP_ASKED = {"goal_help", "carer_help"}
# What the date question hears put right (a date said there is its answer): who it is with, a name
_PUT_RIGHT_AT_THE_DATE = {"clinician", "name", "full_name"}
# A goal's own questions, where "and also I'd like to..." says another goal.
GOAL_DETAILS = {"goal_why", "goal_barriers", "goal_help"}
# Every question about a goal, where "no more goals" or "remove number 3" is an instruction.
GOAL_QUESTIONS = {"goal_text", *GOAL_DETAILS}
# The read-back's follow-up questions that pick or reword a goal ("cancel" leaves them).
PICKING = ("goal_to_change", "goal_to_remove", "goal_new_text")
# Where an instruction about a goal is the answer itself: the read-back's choice and its follow-ups.
INSTRUCTED_THERE = {"review_choice", *PICKING}
# Answers in their own words that, asked again, are kept or added to, never lost (careplan.kept).
ANSWERED_AGAIN = {
    q.key for q in catalogue().values() if q.store == "answer" and q.stage in {"life", "support", "carer"}
} | GOAL_DETAILS
# Where a wish told early may be: "what I said before" at the goal question points back at it.
LIFE_ANSWERS = ("good_day", "what_matters", "enjoys")
# Replies for talk about the conversation that the NLU missed (see careplan.listen.meta).
# A pause, and what is said before nothing is asked until they're back (actions/common.stepped_away)
PAUSES = {"away": "utter_away", "upset": "utter_take_your_time"}
META_REPLIES = {
    "faq_who_sees": "utter_faq_who_sees",
    "faq_phone": "utter_faq_phone",
    "faq_flag_note": "utter_faq_flag_note",
    "chat_complaint": "utter_chat_complaint",
    "checking": "utter_that_will_do",
}


class QuestionForm(Corrections, Extras, FormValidationAction):
    """Shared validation: read, store, and say what follows from each answer."""

    questions: Callable[[dict[str, Any]], list[str]]

    @abstractmethod
    def name(self) -> str:
        """Abstract, so the SDK registers only the real forms (consent_form.py, care_form.py...)."""

    def domain_slots(self, domain: DomainDict) -> list[str]:
        return form_slots()[self.form_name()]

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        return type(self).questions(tracker.slots)

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> EventType | None:
        """The form's own next question, always. (The SDK leaves it to Rasa when the questions
        are all of the form's slots, as in a carer's chat; Rasa then kept "aside" as the open
        question after "brb", so the answer they came back with fitted no question.)
        Except after "I want to stop for now" ended an emergency pause (safety_turn.form_hold):
        no question is open until they come back."""
        if stopped_this_turn(tracker):
            return None
        questions = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        missing = (key for key in questions if tracker.slots.get(key) is None)
        return SlotSet("requested_slot", next(missing, None))

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        slots = dict(tracker.slots)
        turn = Turn(tracker, dispatcher, slots)
        before = {key: slots.get(key) for key in BOOKKEEPING}
        updates: dict[str, Any] = {}
        flush(tracker, slots)  # answers and flags kept while the database was away, even during a pause
        held = form_hold(tracker)  # an emergency pause, or the message after a pause or check-in
        if held is not None:
            flushed = slots.get("pending") != before["pending"]
            return [*([SlotSet("pending", slots.get("pending"))] if flushed else []), *held]
        # A check-in this message raised is the question now: the answer is kept, and
        # what the form would say and ask next waits for the check-in's answer.
        quiet = ask_nothing(tracker)
        # Only the question just asked is being answered. (When a form starts again
        # after a pause, Rasa offers every filled slot: those are answered already.)
        asked = tracker.get_slot("requested_slot")
        answers = tracker.slots_to_validate()
        if slots.get("undo_pending"):
            # The reply to "Do you want me to take that off?" answers that, not the open question
            # (Rasa has put it in the open question's slot too).
            updates.update({asked: None} if asked in answers else {})
            pending = slots["undo_pending"]
            reply = self.split_goals if pending.get("mode") == "split" else self.confirm_undo
            updates.update(reply(pending, turn))
        elif quiet and asked in HOW_THINGS_ARE and asked in answers:
            # "what's the point of any of it without her" at "Is anything worrying you?": the words
            # that raised the check-in are the answer, never talk about the chat
            updates.update(self.take_answer(asked, answers[asked], turn))
        elif asked in answers and asked in type(self).questions(slots):
            if interrupts(asked, tracker):
                # Hand over to the rules for help, stop, go back...: they answer and
                # then bring the person back to this same question.
                return [SlotSet(asked, None), ActionExecutionRejected(self.form_name())]
            value = answers[asked]
            respelt, rest = self.respell(asked, turn)
            if respelt and not listen.says_something(rest):
                updates.update({asked: None, **respelt})  # the name put right, and the same question
            else:
                if respelt:  # "... Z-B-I-G-N-I-E-W. But we call him Zbyszek": the rest answers it
                    turn, value = turn._replace(tracker=saying(tracker, rest)), rest
                updates.update({**respelt, **self.listen(asked, value, turn)})
        if slots.pop(ERASED, False):  # all deleted: no question, and Rasa forgets the chat too
            return [SlotSet("requested_slot", SAFETY_STATE), FollowupAction("action_restart")]
        updates.update(_pronouns(tracker, {**slots, **updates}, asked))
        updates.update(_young_carer(tracker, {**slots, **updates}))
        if flow.next_question(type(self).questions(slots), slots) is None:
            slots["stage"] = self.stage_when_done(slots)
        updates.update({key: slots.get(key) for key in BOOKKEEPING if slots.get(key) != before[key]})
        if quiet:
            dispatcher.messages.clear()
        return [*quiet, *(SlotSet(key, value) for key, value in updates.items())]

    def listen(self, asked: str, value: Any, turn: Turn) -> dict[str, Any]:
        """Read one message: talk about the chat, a correction, or answers. Returns slots to set."""
        text = text_of(turn.tracker)
        corrected: dict[str, Any] | None = None
        if not is_button(turn.tracker) and (plain := listen.without_sign_off(text)) != text:
            # "about my knee x", "My thyroid results. Regards, Margaret": the answer without the sign-off
            turn, text, value = turn._replace(tracker=saying(turn.tracker, plain)), plain, plain
        if asked in SELF_CORRECTED and (meant := listen.last_said(text)) != text:
            turn, text, value = turn._replace(tracker=saying(turn.tracker, meant)), meant, meant
        elif asked in IN_OWN_WORDS and (meant := listen.corrected_answer(text)) != text:
            # "X. Actually make that Y, ha": Y, without the laugh
            turn, text, value = turn._replace(tracker=saying(turn.tracker, meant)), meant, meant
        replied = not is_button(turn.tracker) and replied_to_signpost(turn.tracker)
        if replied and (rest := signpost_reply(text)):
            # "thanks, ill ring them tomorrow. carers in the day would help": the answer, without the
            # reply to the signpost (heard in actions/safety_turn.py)
            turn, text, value = turn._replace(tracker=saying(turn.tracker, rest)), rest, rest
        rest = interpret.reaching_back(text)
        if rest is not None and (meant := _reached_back(asked, rest, turn)):
            # "same as before" for the second goal, "what i said before, play football...": what was
            # told, and any new words with it
            turn, text, value = turn._replace(tracker=saying(turn.tracker, meant)), meant, meant
        if stepped_away(turn.tracker) and (rest := listen.after_coming_back(text)) != text:
            # "back sorry. family mostly": the answer they came back with
            turn, text, value = turn._replace(tracker=saying(turn.tracker, rest)), rest, rest
        if (rest := listen.after_losing_the_thread(text)) and rest != text:
            # "what was I saying. oh. a good day is...": the answer, once they found the thread
            turn, text, value = turn._replace(tracker=saying(turn.tracker, rest)), rest, rest
        if not is_button(turn.tracker) and (
            answer := listen.after_echoed_question(text, last_bot_text(turn.tracker))
        ):
            # "Why does that matter? Because she's had everything else taken off her": the question
            # said back, then answered
            turn, text, value = turn._replace(tracker=saying(turn.tracker, answer)), answer, answer
        if asked == "another_goal" and not is_button(turn.tracker) and listen.help_idea(text):
            # "jo says maybe a buddy from the gateway club" at "something else?": what would help
            # the goal just told (the answer before), never a goal; the same question again
            joined = added_to(turn.slots.get("goal_help"), text)
            record(*turn, Reading(value=joined, text=joined), "goal_help")
            turn.dispatcher.utter_message(response="utter_added_to_before")
            return {asked: None, "goal_help": joined}
        if asked in GOAL_DETAILS and not is_button(turn.tracker) and _the_goal_again(text, turn.slots):
            # "get back to bouldering once a week" at "Why does that matter?": the goal said again,
            # one question behind; noticed, and the question asked again
            turn.dispatcher.utter_message(response="utter_goal_said_again")
            return {asked: None}
        names = self.names(turn)
        if asked not in FULL_NAMES | {"preferred_name"} and not is_button(turn.tracker) and names:
            if listen.name_told_again(text, names):  # "bill. like i said" at a later question
                turn.dispatcher.utter_message(response="utter_sorry_told_me")
                return {asked: None}
            called = listen.name_put_right(text, names)  # "aisha i said lol" when "Ash" was kept
            if called and (fixed := self.correct(listen.Correction("name", called), asked, turn)) is not None:
                return {asked: None, **fixed}
        earlier = previous_message(turn.tracker)
        if earlier and last_said_was(turn.tracker, "utter_answer_or_question"):
            # The reply to "Did you mean that as your answer?": yes answers with what they said
            # before; no keeps it as a question for the care team.
            as_answer = interpret.yes_no(text, sure_intent(turn.tracker))
            if as_answer is False:
                return {asked: None, **self.note_question(earlier, turn)}
            if as_answer is True:  # "can I say my caravan?" "yes": "my caravan"
                meant = listen.answer_in_question(earlier)
                return self.take_answer(asked, meant, turn._replace(tracker=saying(turn.tracker, meant)))
        if (born := self.birth_date_said(asked, text, turn)) is not None:
            return born
        if flow.is_carer(turn.slots) and not is_button(turn.tracker):
            keep_carers_name(turn, [text])  # "I'm his son Tomasz", at any question
            typing, rest = self.who_is_typing(text, turn)
            if typing and len(rest.split()) < 2:
                return {asked: None}  # "this is mum now": the same question, for her
            if typing:
                turn, text, value = turn._replace(tracker=saying(turn.tracker, rest)), rest, rest
            # "ye. me getting some sleep lol" to "Is there something else Sarah would like to work
            # on?": the words after the yes are what is told (s34 tester: kept as Sarah's goal)
            told = listen.content_after_yes(text) if asked == "another_goal" else text
            if (
                (asked in ABOUT_THE_PERSON or asked == "another_goal")
                and told
                and not turn.slots.get("speaker")
                and listen.carers_own_need(told, self.names(turn))
            ):
                # "honestly I just need a night off": the carer's own need, kept as theirs
                record(*turn, Reading(value=told, text=told), "carer_help")
                turn.dispatcher.utter_message(response="utter_carer_need_noted")
                return {asked: None}
        elif not is_button(turn.tracker) and (rest := listen.handed_back(text)) is not None:
            # "he's back with the tea so I'll give him the keyboard back now. Over to you love":
            # the person is typing again; the same question, unless more was said
            turn.dispatcher.utter_message(response="utter_carer_typing")
            if len(rest.split()) < 2:
                return {asked: None}
            turn, text, value = turn._replace(tracker=saying(turn.tracker, rest)), rest, rest
        if asked == "goal_text" and not is_button(turn.tracker) and (goal := listen.goal_introduced(text)):
            # "raj again, tea's made. second one is sleeping through ...": the goal, never the tea
            turn, text, value = turn._replace(tracker=saying(turn.tracker, goal)), goal, goal
        if not is_button(turn.tracker) and (taken := self.take_back_mid_chat(asked, text, turn)) is not None:
            return {asked: None, **taken}
        if (left := self.leave_goals(asked, text, turn)) is not None:
            # "nothing else. show me the plan", "remove that. NO MORE GOALS": done, never a goal
            return {asked: None, **left}
        instructed_here = asked not in INSTRUCTED_THERE and not is_button(turn.tracker)
        if instructed_here and (told := listen.instruction(text)):
            # "remove number 2" at what they're good at, "change number 1" at who helps: done (asked
            # first), then the same question; never that question's answer
            return {asked: None, **self.instructed(told, turn)}
        if instructed_here and (part := _part_wrong(asked, text)):
            # "that's not the right clinic", "the appointment bit is wrong": that part asked again
            # (which part asked first), never kept as this answer, nor as who it is with
            if (fixed := self.correct(part, asked, turn)) is not None:
                return {asked: None, **fixed}
        if not is_button(turn.tracker) and (ours := listen.our_word(text, asked)) is not None:
            # "What is a carer's assessment? Will it cost us anything?": the chat's own word, in
            # plain words, then the same question (a medical word is the care team's to explain)
            turn.dispatcher.utter_message(response=f"utter_word_{ours}")
            return {asked: None}
        if (
            not is_button(turn.tracker)
            and (riding := self.chat_question_after(asked, text, turn)) is not None
        ):
            # "yes ok. does her GP get to see this tho?": the question answered, and the yes taken
            turn, text, value = turn._replace(tracker=saying(turn.tracker, riding)), riding, riding
        own_word = not is_button(turn.tracker) and asked != "questions"
        if own_word and listen.question_word_asked(text, last_bot_text(turn.tracker)):
            # "what does focus mean" at "If the appointment could focus on just one thing...", "what
            # is a local group" at "Who helps you?": what the question means, and the question again
            self.answer_meta("ask_meaning", asked, turn)
            return {asked: None}
        if own_word and (whose := listen.whose_words_asked(text)) is not None:
            # "whats a local group" at what she enjoys, "what do you mean by support" at a good day:
            # the words of another of the chat's questions, said plainly, and this question again
            ActionInterrupt.reply("ask_meaning", whose, turn.tracker, turn.dispatcher)
            return {asked: None}
        if own_word and (word := listen.word_asked(text)):
            # "what does titrate mean?": not an answer; the care team can explain it, if they like
            return {asked: None, **confirm_first("team_question", about=word, said=text)}
        question = catalogue()[asked]
        if not is_button(turn.tracker) and question.kind == "text" and not question.medical:
            if listen.asks_for_judgement(text):
                # "could you tell me whether the numbness looks serious? it started in the summer" at
                # a good day: the care team's to judge, so noted for them, and the same question again
                return {asked: None, **self.note_question(text, turn)}
        if not is_button(turn.tracker) and (beside := self.answered_beside(asked, text, turn)) is not None:
            # "why do you need that, its my daughter anyway": the why said, and the answer kept
            turn, text, value = turn._replace(tracker=saying(turn.tracker, beside)), beside, beside
        if not is_button(turn.tracker) and listen.meant_for_before(text) and (moved := self.move_back(turn)):
            return {asked: None, **moved}  # "sorry that was meant for the last question"
        if not is_button(turn.tracker):
            about_chat = listen.meta(text, after_away=stepped_away(turn.tracker))
            if about_chat == "answer_or_question" and not _wants_a_statement(asked):
                about_chat = None  # where a question is the answer, or a name or a choice is asked
            if about_chat == "answer_or_question" and interpret.without_complaint(text)[1] == "checking":
                about_chat = None  # "my breathing. did I put that right?": the answer, and a kind word
            if about_chat == "faq_how_long" and asked == "questions" and not listen.names_the_chat(text):
                about_chat = None  # "how long should it take to come off it?": for the care team
            if about_chat == "carry_on" and catalogue()[asked].kind != "text":
                about_chat = None  # "carry on" at "Are you happy to go on?": a yes
            if about_chat == "answer_or_question":
                turn.dispatcher.utter_message(response="utter_answer_or_question")
                return {asked: None, **flow.ask_instead(None)}
            if about_chat == "asked_already":  # "u already asked that??": sorry, and what they told is used
                return {asked: None, **self.told_before(asked, turn)}
            if about_chat == "go_back":
                stepped = self.step_back(turn, "utter_go_back")
                if stepped is not None:
                    return {asked: None, **stepped}
            elif about_chat in PAUSES:  # "brb", "I'm a bit upset now": nothing asked until they're back
                turn.dispatcher.utter_message(response=PAUSES[about_chat])
                return {asked: None, **flow.ask_instead(None)}
            elif about_chat == "erase":  # "delete everything": asked first
                return {asked: None, **confirm_first("erase")}
            elif about_chat == "start_again" and self.form_name() == "care_form":
                return {asked: None, **confirm_first("restart")}
            elif about_chat == "back":  # "hi", "where were we?": welcome back, and the same question
                turn.dispatcher.utter_message(response="utter_welcome_back")
                return {asked: None}
            elif about_chat == "carry_on":  # "its family. can we carry on": no answer; the same question
                turn.dispatcher.utter_message(response="utter_carry_on")
                return {asked: None}
            elif about_chat is not None and about_chat != "start_again":
                self.answer_meta(about_chat, asked, turn)
                both = about_chat != "repeat" and catalogue()[asked].kind == "yes_no"
                # "yes please, and a copy in big letters" answers too; "who sees it if I share?" only asks
                # ("ok but does my dad read it? or my boss?" only asks: "ok" is heard, not yes)
                first = re.split(r"[,.;:!?]|\b(?:and|but)\b", text, maxsplit=1)[0]
                asks_first = listen.asks_something(first) or listen.only_ok(first)
                if both and not asks_first and self.read(asked, value, turn).accepted:
                    return self.take_answer(asked, value, turn)  # "yes please, and a copy in big letters"
                return {asked: None}
            # the names known, not the words Rasa has put in the name asked for now
            known = self.names(turn) if asked not in NAMES else []
            said_who = listen.only_who_its_for(text, known) if asked != "for_whom" else None
            if said_who is not None and said_who == turn.slots.get("for_whom"):
                # "oh its just for me", after the bot took that from "I'm Doreen": thanks, the same question
                turn.dispatcher.utter_message(response="utter_noted_that")
                return {asked: None}
            if _wants_a_statement(asked) and (leaving := listen.left_out(text)) is not None:
                # "..., please dont put that bit in, ...": that part is not kept, the rest is
                kept = leaving[0]
                turn.dispatcher.utter_message(response="utter_left_out" if kept else "utter_not_written")
                if not kept:
                    return {asked: None}
                turn, text, value = turn._replace(tracker=saying(turn.tracker, kept)), kept, kept
            if (elsewhere := self.fits_elsewhere(asked, text, turn)) is not None:
                return {asked: None, **elsewhere}
            if asked in QUESTIONS_ARE_ANSWERS and listen.asks_who_sees(text):
                # "who sees this? will meena read what i wrote? i dont want her upset...": answered
                # now (s34 tester: only kept for the care team), and kept as they said it
                self.answer_meta("faq_who_sees", asked, turn)
            in_words = asked != "appointment_when" and catalogue()[asked].kind == "text"
            # "sorry I meant thursday. to see if his memory's got worse", "no, the date is Wednesday
            # the 9th at 11.30. its for my diabetic review": the date put right with its own words,
            # and the open question answered with the rest
            in_part, fixing, rest = listen.correction_in_part(text) if in_words else (None, "", text)
            answered_too = in_part is not None and listen.says_something(rest)
            fix = listen.correction(text, after=date_so_far(turn.slots)) if not answered_too else None
            if asked == "appointment_when" and fix is not None and fix.kind not in _PUT_RIGHT_AT_THE_DATE:
                fix = None  # "next friday, not this one" is the date answered
            if asked == "appointment_when" and fix is None and (time := _time_alone(text)):
                fix = listen.Correction("time", time)  # "it should be at 11:30": the time, the day again
            if fix is None and asked == "questions" and (instead := self.one_thing_put_right(text, turn)):
                # "no i said hearing aid not knees", just after the one thing was said back
                fix = listen.Correction("main_goal", "new", goal=instead)
            if fix is not None and (fixed := self.correct(fix, asked, turn)) is not None:
                return {asked: None, **fixed}
            if in_part is not None and answered_too:
                corrected = self.correct(in_part, asked, turn._replace(tracker=saying(turn.tracker, fixing)))
                turn, text, value = turn._replace(tracker=saying(turn.tracker, rest)), rest, rest
            able = listen.asks_when_able(text) if asked == "one_thing" else None
            if able and not _names_a_goal_of(text, turn):
                # "when can i run" when asked for the one thing: being able to run is the one thing,
                # and the question is noted for the care team too
                noted = self.note_question(text, turn)
                return {
                    **noted,
                    **self.take_answer(asked, able, turn._replace(tracker=saying(turn.tracker, able))),
                }
            answer, aside = interpret.without_complaint(text)
            if (
                _question_for_team(asked, answer if aside == "checking" else text)  # "..., is that ok?"
                and sure_intent(turn.tracker) != "out_of_scope"
                and aside != "told"  # "u already asked that?? films"
                and not (asked in HELP_ASKED and listen.suggests_help(text))  # "Could the council...?"
            ):
                return {asked: None, **self.note_question(text, turn)}
            if asked == "one_thing" and listen.question_to_bot(text) and not _names_a_goal_of(text, turn):
                # "is there a better inhaler i can try?" when asked for the one thing: a question for
                # the care team, noted for them, and the one thing asked again
                return {asked: None, **self.note_question(text, turn)}
            also = listen.another_goal(text) if asked in GOAL_DETAILS else None
            if also and self.goals_for_later([also[1]], turn):
                # "..., and also I'd like to get back in the pool": a goal for later, not this answer
                turn.dispatcher.utter_message(response="utter_goal_for_later", title=short_title(also[1]))
                if not also[0]:
                    return {asked: None}
                turn, text, value = turn._replace(tracker=saying(turn.tracker, also[0])), also[0], also[0]
            if asked == "goal_text" and len(parts := listen.several_goals(text)) > 1:
                return {asked: None, **confirm_first("split", asked, parts=parts, said=text)}
            goal = listen.goal_in_reply(text) if asked == "another_goal" else None
            if goal and ((parts := listed(goal)) or len(parts := listen.several_goals(goal)) > 2):
                # "Yes: 1. get up the stairs 2. go to my book club again", "yes i want to walk the dog
                # again, get back to church and sleep through the night": a yes, and the goals offered
                # as separate goals, as at the goal question (the list was kept as one goal). Two
                # parts are one goal and its purpose as often as two goals ("yeah sort my feet out,
                # want to walk to the allotment again", set3_02): kept as one, as before.
                said_yes = self.take_answer(asked, "yes", turn._replace(tracker=saying(turn.tracker, "yes")))
                return {**said_yes, **confirm_first("split", "goal_text", parts=parts, said=goal)}
        return {**(corrected or {}), **self.take_answer(asked, value, turn)}

    def leave_goals(self, asked: str, text: str, turn: Turn) -> dict[str, Any] | None:
        """What someone says at a goal question to get out of it (s30 tester): a goal taken off
        ("remove that", "remove number 3"), the goals ended ("no more goals", "we're finished", a
        "no" or "nothing else" where another goal is asked), the plan shown, or sharing asked for;
        each done, in that order. None when the message is not made of such instructions (then it
        is an answer), or is only "take that off" after why it matters (the answer before it is
        taken back, as at any question)."""
        if asked not in GOAL_QUESTIONS or is_button(turn.tracker):
            return None
        asking_goal = asked == "goal_text" and bool(plan_goals(turn.slots))
        left = listen.leaving_goals(text, asking_goal=asking_goal)
        if left is None or (left.remove == "that" and not left.end and asked != "goal_why"):
            return None
        updates: dict[str, Any] = {}
        if left.remove is not None:
            updates.update(self.goal_said_off(left.remove, turn))
            turn.slots.update(updates)
        if left.end or left.share:
            updates.update(self.goals_ended(turn, share=left.share))
        if left.show and "review_choice" not in updates:  # (back at the read-back, it shows the plan)
            ActionShowSummary().run(turn.dispatcher, turn.tracker, {})
        turn.slots.update(updates)
        return updates

    def goal_said_off(self, said: str, turn: Turn) -> dict[str, Any]:
        """The goal named ("that": the one being asked about; "number 3", "the one that says
        nothing else": as the plan numbers and words them) taken off the plan."""
        current = turn.slots.get("current_goal_id")
        if said == "that":  # (with no goal being asked about, "that" names none)
            goal_id = int(current) if current else None
        else:
            goal_id = listen.match_goal(said, readback_goals(turn.slots), said_about=False)
        if goal_id is None:
            turn.dispatcher.utter_message(response="utter_which_goal")
            return {}
        return self.goal_taken_off(goal_id, turn, told_now=True)

    @staticmethod
    def goal_taken_off(goal_id: int, turn: Turn, *, told_now: bool) -> dict[str, Any]:
        """A goal taken off the plan, and said so; the goal being told now (``told_now``: just
        written down wrongly) is asked for again."""
        current = turn.slots.get("current_goal_id")
        store().remove_goal(int(turn.slots["plan_id"]), goal_id)
        if str(goal_id) != str(current) or not told_now:
            turn.dispatcher.utter_message(response="utter_goal_removed")
            return {"one_thing": None} if str(turn.slots.get("one_thing")) == str(goal_id) else {}
        turn.dispatcher.utter_message(response="utter_not_a_goal")
        return {**dict.fromkeys(flow.GOAL_SLOTS), "current_goal_id": None, "goal_title": None}

    def goals_ended(self, turn: Turn, *, share: bool) -> dict[str, Any]:
        """No more goals in the main conversation: the goal being asked about keeps what was told,
        and the questions after the goals come next (sharing is chosen at the end)."""
        turn.dispatcher.utter_message(response="utter_share_at_the_end" if share else "utter_no_more_goals")
        if not turn.slots.get("current_goal_id"):
            return {"goal_text": flow.SKIPPED, "another_goal": "no"}
        open_details = {key: flow.SKIPPED for key in GOAL_DETAILS if turn.slots.get(key) is None}
        return {**open_details, "another_goal": "no"}

    def fits_elsewhere(self, asked: str, text: str, turn: Turn) -> dict[str, Any] | None:
        """An answer that plainly belongs to another question than the one asked: kept where it
        fits, and the question asked comes again, so one slip never moves every later answer a
        question on. None when it is an answer to the question asked.
        - only a day or a time ("wednesday, ten past nine", "monday comming") where the catalogue
          says no day answers (``not_a_day``): when the appointment is;
        - a day said first, in the answer just after the date was noted but not worked out;
        - only who it is with ("Dr Okafor at the Lime Tree surgery") at "When is it?", or with
          their role ("her MS nurse, Jo") where a name is asked;
        - what the appointment is for told again at "What matters most?", the question after it ("My blood
          pressure's been up and down and they want to check the new tablets"): added to it."""
        if catalogue()[asked].not_a_day and (day := listen.only_a_day(text)) is not None:
            return self.take({"appointment_when": day}, turn, again=True)
        if _date_unread(turn.slots) and (day := listen.day_said_first(text)) is not None:
            # "tuesday 8th at 10 past 11, my mum's coming with me" just after the date was noted but
            # not worked out: the date, said a question late, and the question asked comes again
            return self.take({"appointment_when": day}, turn, again=True)
        who = listen.only_the_clinician(text) if asked == "appointment_when" else None
        if asked in {"person_name", "preferred_name"} and not is_button(turn.tracker):
            who = listen.clinician_named(text)  # "her MS nurse, Jo" where her name is asked
        if who and not dates.when(text):
            return self.take({"appointment_with": who}, turn, again=True)
        last = flow.previous_answered(turn.slots.get("history"), type(self).questions(turn.slots))
        if {asked, last} <= MOVABLE and (added := listen.added_to_before(text)) is not None:
            # "and my mum, she matters loads too, forgot to say that before" at a good day: added to
            # what matters, and the good day asked again
            joined = added_to(turn.slots.get(last), added)
            record(*turn, Reading(value=joined, text=joined), last)
            turn.dispatcher.utter_message(response="utter_added_to_before")
            return {asked: None, last: joined}
        answered = turn.slots.get("history") or []
        fixed = {key: words for key, words in listen.life_answers_put_right(text).items() if key in answered}
        if fixed and asked not in fixed:
            # "he said the garden but my good day is really getting to the temple" at what she
            # enjoys: a good day put right, and the question asked comes again
            return {asked: None, **self.put_life_answers_right(fixed, turn)}
        if (swapped := self.word_put_right(text, answered, turn)) is not None:
            return {asked: None, **swapped}
        told = turn.slots.get("appointment_reason")
        if (
            asked == "what_matters"
            and told != flow.SKIPPED
            and not said_last_turn(turn.tracker, "utter_reason_added")  # asked again: never a loop
            and listen.retells_reason(text, told)
        ):
            turn.dispatcher.utter_message(response="utter_reason_added")
            return self.take({"appointment_reason": f"{told}. {text}"}, turn, again=True, quiet=True)
        return None

    @staticmethod
    def word_put_right(text: str, answered: list[str], turn: Turn) -> dict[str, Any] | None:
        """ "I said my knee but it's my hip really" a question or two on: the word put right in the
        answer that has it (one of the last three in their own words), said back, and the
        question asked comes again. None when no answer has it."""
        if is_button(turn.tracker):
            return None

        def keep(key: str, words: str) -> dict[str, Any]:
            record(*turn, Reading(value=words, text=words), key)
            return {key: words}

        recent = [key for key in list(dict.fromkeys(reversed(answered)))[:3] if key in REFLECTED]
        said = [(key, turn.slots.get(key)) for key in recent if turn.slots.get(key) != flow.SKIPPED]
        return word_put_right_in(text, turn.dispatcher, said, keep)

    @staticmethod
    def put_life_answers_right(fixed: dict[str, str], turn: Turn) -> dict[str, Any]:
        """Answers about their life put right, each keyed by its question: the words it had kept
        as taken off, the new ones kept, and each change said. Returns the slots changed."""
        for key, words in fixed.items():
            keep_taken_off(turn, key)
            record(*turn, Reading(value=words, text=words), key)
            turn.dispatcher.utter_message(response="utter_life_answer_changed", label=catalogue()[key].label)
        turn.slots.update(fixed)
        return fixed

    @staticmethod
    def one_thing_put_right(text: str, turn: Turn) -> str | None:
        """The goal named in "no, I said X" or "actually no, make it X" said straight after the
        one thing was said back; None otherwise ("no, I've no questions" is an answer)."""
        if is_button(turn.tracker) or (turn.slots.get("history") or [])[-1:] != ["one_thing"]:
            return None
        return listen.one_thing_instead(text)

    def birth_date_said(self, asked: str, text: str, turn: Turn) -> dict[str, Any] | None:
        """A date of birth said where something else was asked ("12/06/1991" at the read-back,
        "3rd of August 1956" at "What would help?"): it answers only the date of birth, asked
        later and only if the plan is shared, so nothing is kept and the question comes again.
        Once it is given, the date put right at a later question ("oh sorry, I've put the wrong
        year. 1959, not 1960" at the NHS number) is changed, said back, and the question asked
        again. None for any other message."""
        question = catalogue().get(asked)
        if is_button(turn.tracker) or question is None:
            return None
        if question.stage == "identity":
            return self.birth_date_put_right(asked, text, turn)
        if listen.birth_date_alone(text) is None:
            return None
        turn.dispatcher.utter_message(response="utter_birth_date_not_now")
        return {asked: None}

    def birth_date_put_right(self, asked: str, text: str, turn: Turn) -> dict[str, Any] | None:
        """The date of birth given before, put right at a later question: kept, and said back."""
        given = turn.slots.get("date_of_birth")
        if asked == "date_of_birth" or not given or given == flow.SKIPPED:
            return None
        fixed = listen.birth_date_put_right(text, date.fromisoformat(given))
        if fixed is None:
            return None
        said = f"{fixed:%-d %B %Y}"
        record(*turn, Reading(value=fixed.isoformat(), text=said), "date_of_birth")
        turn.dispatcher.utter_message(response="utter_date_of_birth_changed", date_text=said)
        return {asked: None, "date_of_birth": fixed.isoformat()}

    def take_back_mid_chat(self, asked: str, text: str, turn: Turn) -> dict[str, Any] | None:
        """What was just noted, taken back in the middle of another question (tester_d C8):
        "oops ignore that last bit ... take that question off" takes off the question for
        the care team just noted; "no!! that's not a goal. delete it" takes off the goal
        just written down, and asks for the goal again. None for any other message."""
        goal_id = turn.slots.get("current_goal_id")
        if asked in GOAL_DETAILS and goal_id and listen.not_a_goal(text):
            store().remove_goal(int(turn.slots["plan_id"]), int(goal_id))
            turn.dispatcher.utter_message(response="utter_not_a_goal")
            cleared = {**dict.fromkeys(flow.GOAL_SLOTS), "current_goal_id": None, "goal_title": None}
            turn.slots.update(cleared)
            return cleared
        lines = team_question_lines(turn.slots)
        just_noted = said_last_turn(turn.tracker, "utter_question_for_team", "utter_question_added")
        if asked == "review_choice" or not lines:
            return None
        # (read in the words as typed: "that is not a question" is taken out of the text read)
        misread = just_noted and listen.not_for_the_team(
            (turn.tracker.latest_message or {}).get("text") or text
        )
        if not (listen.takes_a_question_off(text) or (just_noted and listen.taken_back(text)) or misread):
            return None
        keep_taken_off(turn, "questions")
        kept = "\n".join(lines[:-1])
        record(
            *turn,
            Reading(value=kept, text=kept) if kept else Reading(flow.SKIPPED, "", skipped=True),
            "questions",
        )
        turn.dispatcher.utter_message(
            response="utter_question_misread" if misread else "utter_question_taken_back"
        )
        asked_yet = turn.slots.get("questions") is not None
        taken = (
            {"questions": kept or flow.SKIPPED, "noted_questions": []}
            if asked_yet
            else {"noted_questions": lines[:-1]}
        )
        turn.slots.update(taken)
        if not misread or asked == "questions":
            return taken
        if listen.asked_the_bot(text) or listen.question_word_asked(lines[-1], last_bot_text(turn.tracker)):
            # "what is a local group" noted, then "That was not a question for my care team. It was a
            # question for you.": what the question means, and the question again
            self.answer_meta("ask_meaning", asked, turn)
            return taken
        # "the wheelchair thing wasnt a question, it was what would help": those words are the answer
        return {
            **taken,
            **self.take_answer(asked, lines[-1], turn._replace(tracker=saying(turn.tracker, lines[-1]))),
        }

    def chat_question_after(self, asked: str, text: str, turn: Turn) -> str | None:
        """An answer with a question about the chat after it ("PHYSIO. how long is this going
        to take?"): the question is answered and the answer returned, to be taken. None when
        the message isn't made that way, or what comes first doesn't answer the question."""
        split = listen.chat_question_after(text)
        if split is None:
            return None
        answer, question = split
        if catalogue()[asked].kind == "yes_no" and listen.only_ok(answer):
            return None  # "ok. does my mum see it?": asked before agreeing, so no yes (answered below)
        if catalogue()[asked].kind in {"yes_no", "choice", "name"}:
            fits = self.read(asked, answer, turn._replace(tracker=saying(turn.tracker, answer))).accepted
        else:
            fits = listen.says_something(answer)
        if not fits:
            return None
        self.answer_meta(
            listen.meta(question) or "repeat", asked, turn._replace(tracker=saying(turn.tracker, question))
        )
        return answer

    def told_before(self, asked: str, turn: Turn) -> dict[str, Any]:
        """ "u already asked that??": sorry, and the answer to the question before is used for
        this one too, so it isn't asked again. Only between questions answered in words; with
        nothing to use, sorry, and the question again."""
        questions = type(self).questions(turn.slots)
        earlier = questions[: questions.index(asked)] if asked in questions else []
        words = next(
            (
                said
                for key in reversed(earlier)
                if catalogue()[key].kind == "text"
                and isinstance(said := turn.slots.get(key), str)
                and said != flow.SKIPPED
            ),
            None,
        )
        if catalogue()[asked].kind != "text" or words is None:
            turn.dispatcher.utter_message(response="utter_sorry_asked_again")
            return {}
        turn.dispatcher.utter_message(response="utter_sorry_use_told", words=words)
        return self.take_answer(asked, words, turn._replace(tracker=saying(turn.tracker, words)))

    def answered_beside(self, asked: str, text: str, turn: Turn) -> str | None:
        """A message that asks the bot something and answers the open question too ("what's
        the point of asking that, a good day is one where I'm not in agony"; "will I need a
        stick? my knees are shot"): the question is answered, or noted for the care team,
        and the answer is returned to be taken. None for any other message."""
        split = listen.answer_beside(text) if catalogue()[asked].kind == "text" else None
        if split is None or listen.correction(split[0]) is not None:
            return None  # "..., can that be the main one": a change to the plan, made as one
        asking, answer = split
        intent = listen.meta(asking) or sure_intent(turn.tracker)
        if intent == "carry_on":  # "a walker would help. can we carry on": the answer, without it
            return answer
        if intent == "ask_why" and asked != "appointment_reason" and listen.only_about_the_illness(answer):
            return None  # "Why do you need that? I am going about my heart.": only the why, no answer
        if intent in ASKED_BESIDE_AN_ANSWER:
            self.answer_meta(intent, asked, turn._replace(tracker=saying(turn.tracker, asking)))
        elif (
            intent not in {*flow.INTERRUPTIONS, *flow.MOVES, *META_REPLIES}
            and _question_for_team(asked, asking)
            and not (asked in HELP_ASKED and listen.suggests_help(asking))  # "would a rail help? ..."
        ):
            self.note_question(asking, turn)
        else:
            return None
        return answer

    def take_answer(self, asked: str, value: Any, turn: Turn) -> dict[str, Any]:
        """The message as the answer to ``asked``, with what else it answers and a kind line."""
        text = text_of(turn.tracker)
        heard = self.hear(asked, text, turn)
        said_before = len(turn.dispatcher.messages)
        picked = heard.pop(asked, None)
        updates = self.answer(asked, value, turn, picked)
        # "GP. Dr Okonjo. about my back": who, as picked out, said back with what else was taken
        kept = picked is not None and asked in SAID_BACK and updates.get(asked) == picked
        told = said_back(asked, picked, flow.is_carer(turn.slots)) if kept else ""
        updates.update(self.take(heard, turn, told=told))
        if updates.get(asked) is not None and (asked in REFLECTED or asked in NAMES):
            only = {LOSS} if asked in NAMES else None
            updates.update(reflect(text, turn.slots, turn.dispatcher, asked, only))
            if "last_reflection" in updates:  # the kind line first, then what was noted
                turn.dispatcher.messages.insert(said_before, turn.dispatcher.messages.pop())
        return updates

    @staticmethod
    def names(turn: Turn) -> list[str]:
        """Each word of the person's names ("Doreen", "Walsh")."""
        names = [turn.slots.get("person_name"), turn.slots.get("preferred_name")]
        return [word for name in names if name for word in str(name).split()]

    def who_is_typing(self, text: str, turn: Turn) -> tuple[bool, str]:
        """The person takes the phone in a carer's chat ("this is mum now"), or hands it back:
        what they type from now on is recorded as theirs. Returns whether that changed, and
        the rest of the message. The plan stays the carer's: only who said each answer changes."""
        typing, rest = listen.speaker_change(text, self.names(turn), turn.slots.get("speaker"))
        if typing is None:
            return False, text
        turn.slots["speaker"] = SELF if typing == SELF else None
        name = turn.slots.get("preferred_name") or "there"
        turn.dispatcher.utter_message(
            response="utter_person_typing" if typing == SELF else "utter_carer_typing", preferred_name=name
        )
        return True, rest

    def split_goals(self, pending: dict[str, Any], turn: Turn) -> dict[str, Any]:
        """The reply to "Shall I keep them as three separate goals?": yes makes a goal of each
        part, in the person's words, and asks about the first; anything else keeps one goal.
        A reply that goes on to the goal ("my garden was my husband's pride and joy...") answers
        what comes next about it (why it matters), so it isn't lost or asked for again."""
        parts, said = pending["parts"], pending["said"]
        reply = text_of(turn.tracker)
        said_how = None if is_button(turn.tracker) else listen.keeps_apart(reply)
        choice = interpret.yes_no(reply, sure_intent(turn.tracker)) if said_how is None else said_how
        apart = choice is True
        first = parts[0] if apart else said
        updates = self.take_answer("goal_text", first, turn._replace(tracker=saying(turn.tracker, first)))
        if choice is None and not is_button(turn.tracker) and listen.goes_on_past_the_split(reply):
            turn.slots.update(updates)
            following = flow.next_question(type(self).questions(turn.slots), turn.slots)
            if following in GOAL_DETAILS:
                updates.update(self.listen(following, reply, turn))
        if apart and self.goals_for_later(parts[1:], turn):
            *others, last = [f'"{short_title(part)}"' for part in parts[1:]]
            titles = f"{', '.join(others)} and {last}" if others else last
            turn.dispatcher.utter_message(
                response="utter_goals_split", titles=titles, title=turn.slots.get("goal_title")
            )
        return {"undo_pending": None, **updates, "goals_waiting": turn.slots.get("goals_waiting")}

    @staticmethod
    def goals_for_later(parts: list[str], turn: Turn) -> bool:
        """Store each part as a goal of its own, to be asked about after the one open now
        (``goals_waiting``). False if they could not be stored (nothing is kept waiting)."""
        plan_id = turn.slots.get("plan_id")
        if not plan_id:
            return False
        waiting = list(turn.slots.get("goals_waiting") or [])
        try:
            for part in parts:
                title = short_title(part)
                goal_id = store().add_goal(
                    int(plan_id), part, title, classify(part), expressed_by=turn.slots.get("speaker")
                )
                waiting.append({"id": goal_id, "title": title, "text": part})
        except StoreUnavailable:
            logger.warning("care-plan store unavailable; goals said together kept as one")
            return False
        turn.slots["goals_waiting"] = waiting
        return True

    @staticmethod
    def next_goal_waiting(turn: Turn) -> dict[str, Any] | None:
        """Once one goal's questions are done, the next of the goals said together, if any:
        its why, what gets in the way and what would help are asked in turn, as for the first.
        Returns the slots that open it (None when none is waiting)."""
        waiting = list(turn.slots.get("goals_waiting") or [])
        if not waiting:
            return None
        goal, *rest = waiting
        turn.dispatcher.utter_message(response="utter_next_goal", title=goal["title"])
        opened = {s: None for s in flow.GOAL_SLOTS}
        opened.update(goal_text=goal["text"], current_goal_id=goal["id"], goal_title=goal["title"])
        opened["goals_waiting"] = rest or None
        opened["history"] = [*(turn.slots.get("history") or []), "goal_text"]
        turn.slots.update(opened)
        return opened

    def answer(self, slot: str, value: Any, turn: Turn, heard: Any = None) -> dict[str, Any]:
        """Read one answer, store it, and say what follows. Returns the slots to set."""
        reading = self.read(slot, value, turn)
        if heard is not None and reading.accepted and not reading.skipped:
            # the part of the message that answers it ("heart failure clinic like I said": and the sorry)
            reading = Reading(value=heard, text=heard, replies=reading.replies)
        if not is_button(turn.tracker) and (told := self.told_out_of_turn(slot, reading, turn)) is not None:
            return {slot: None, **told}
        if not is_button(turn.tracker) and _not_its_answer(slot, reading, turn):
            # never at a yes or no question: "He's asleep in his chair, bless him" at "Is Ken with you
            # now?" is about that question (s32 tester: kept as what matters most to Ken)
            kept = self.keep_as_what_matters(turn) if catalogue()[slot].kind != "yes_no" else {}
            if kept:  # "my kids, and getting out more" at "Who is your appointment with?"
                return {slot: None, **kept}
            if slot == "appointment_with" and listen.names_no_one(text_of(turn.tracker)):
                turn.dispatcher.utter_message(response="utter_tell_me_more")  # "me. just me": never who
                return {slot: None}
        for reply in reading.replies:
            turn.dispatcher.utter_message(response=reply)
        if f"utter_{slot}_go_on" in reading.replies:  # "What is worrying you?": asked, so not asked again
            return {slot: None, **flow.ask_instead(None)}
        if not reading.accepted:
            return {slot: None}
        reading = kept_with_before(slot, reading, turn)
        turn.slots[slot] = reading.value
        self.store(slot, reading, turn)
        turn.slots["history"] = [*(turn.slots.get("history") or []), slot]
        follow = self.follow_up(slot, reading, turn)
        turn.slots.update(follow)
        return {slot: reading.value, **follow}

    def told_out_of_turn(self, slot: str, reading: Reading, turn: Turn) -> dict[str, Any] | None:
        """At an opening question, a message that answers another of them and not this one: kept
        for that one (even if answered before), said back, and the question asked comes again.
        "I'm her granddaughter" to "Does Nani know?" or to "What does she like to be called?",
        "no shes having a lie down upstairs" to her name, "I'm his son by the way" to "Who is
        the appointment with?". A name that is the doctor's, said with who the appointment is
        with ("neurology at the queens, dr osei, ..."), is never the person's. None when the
        message answers the question asked (or answers nothing else)."""
        question = catalogue()[slot]
        if question.stage not in OPENING_STAGES:
            return None
        applies = type(self).questions(turn.slots)  # "my daughter Karen set this up": not a carer's chat
        found = {key: value for key, value in self.hear_anyway(slot, turn).items() if key in applies}
        text = text_of(turn.tracker)
        if question.kind == "name" and not listen.names_a_service(found.get("appointment_with") or ""):
            found.pop("appointment_with", None)  # "Dr Anil Patel", "my daughter Karen": a name
        if reading.accepted and not reading.skipped:
            if question.kind == "name":
                if not listen.within(str(reading.value), found.get("appointment_with")):
                    return None
            elif question.kind != "text" or not set(found) <= WHO_IS_WHO or listen.answers(slot, text):
                return None
        elif reading.accepted:
            return None
        if not found:
            return None
        turn.slots[slot] = None  # Rasa put the words in the question asked: they don't answer it
        # What was answered stays ("me, her sister yaa, ..." never makes it "for me"; "my wife Megan"
        # in the person's own words never changes who the carer is), but for the carer saying who
        # they are themselves ("im her husband", after "its for my wife").
        kept = {
            key: value
            for key, value in found.items()
            if not turn.slots.get(key) or (key == "carer_relationship" and listen.says_who_they_are(text))
        }
        said_before = len(turn.dispatcher.messages)
        told = self.take(kept, turn, again=True)
        if len(turn.dispatcher.messages) == said_before:
            turn.dispatcher.utter_message(response="utter_noted_that")
        return told

    def keep_as_what_matters(self, turn: Turn) -> dict[str, Any]:
        """Words of the person's life said a step ahead, where they answer nothing asked yet
        (a name, a choice, who the appointment is with): kept, and said back, as what matters
        most, while that is still to ask. Returns the slots set (none when it isn't kept)."""
        text = text_of(turn.tracker)
        if (
            turn.slots.get("what_matters") is not None
            or "what_matters" not in type(self).questions(turn.slots)
            or not listen.tells_what_matters(text)
        ):
            return {}
        record(*turn, Reading(value=text, text=text), "what_matters")
        turn.slots["what_matters"] = text
        turn.slots["history"] = [*(turn.slots.get("history") or []), "what_matters"]
        # at "What does Edith like to be called?" the name slot holds these words, not a name yet
        named = turn.slots.get("requested_slot") != "preferred_name" and turn.slots.get("preferred_name")
        given = named or interpret.first_name(turn.slots.get("person_name") or "you")
        name = given if flow.is_carer(turn.slots) else None
        turn.dispatcher.utter_message(response="utter_kept_as_what_matters", preferred_name=name or "you")
        return {"what_matters": text}

    def note_question(self, text: str, turn: Turn, said: str = "utter_question_for_team") -> dict[str, Any]:
        """A question asked in the middle of another one goes on the questions for the care team.
        Once "any questions?" has been answered, it is added to them, never in their place."""
        slots = turn.slots
        turn.dispatcher.utter_message(response=said)
        if slots.get("questions") is None:  # not asked yet: noted, to go before that answer
            noted = [*(slots.get("noted_questions") or []), text]
            slots["noted_questions"] = noted
            joined = "\n".join(noted)
            record(*turn, Reading(value=joined, text=joined), "questions")
            return {"noted_questions": noted}
        joined = "\n".join([*team_question_lines(slots), text])
        record(*turn, Reading(value=joined, text=joined), "questions")
        slots.update(questions=joined, noted_questions=[])
        return {"questions": joined, "noted_questions": []}

    def answer_meta(self, intent: str, asked: str, turn: Turn) -> None:
        """Talk about the chat that the NLU missed: the same reply the rules would give."""
        if intent in META_REPLIES and intent not in {"faq_who_sees", "faq_phone"}:  # who sees it: to fit
            turn.dispatcher.utter_message(response=META_REPLIES[intent])
        else:
            ActionInterrupt.reply(intent, asked, turn.tracker, turn.dispatcher)

    # -- hooks for each form -----------------------------------------------------------
    def read(self, slot: str, value: Any, turn: Turn) -> Reading:
        return interpret_answer(slot, value, turn.tracker)

    def store(self, slot: str, reading: Reading, turn: Turn) -> None:
        if slot == "questions":  # with the ones noted on the way; "no" is none
            reading = team_questions(reading, turn.slots.get("noted_questions") or [])
        record(*turn, reading, slot)

    def follow_up(self, slot: str, reading: Reading, turn: Turn) -> dict[str, Any]:
        return {}

    def stage_when_done(self, slots: dict[str, Any]) -> str:
        return slots.get("stage") or "consent"


# The first questions about the person, where "she" or "him" in an answer is said of them
ABOUT_WHO = {
    "for_whom",
    "person_name",
    "preferred_name",
    "carer_relationship",
    "carer_basis",
    "person_present",
}


def _pronouns(tracker: Tracker, slots: dict[str, Any], asked: str | None) -> dict[str, Any]:
    """In a carer's chat, "her" or "him" for the person once the carer's words say which
    (careplan/pronouns.py): the slots {them} and {their} in the questions. Once set, kept."""
    if slots.get("for_whom") != CARER or slots.get("them") not in {None, "them"}:
        return {}
    found = pronouns.from_kin(typed(tracker))
    if found is None and asked in ABOUT_WHO and not is_button(tracker):
        found = pronouns.from_words(text_of(tracker))
    return dict(pronouns.SLOTS[found]) if found else {}


def _young_carer(tracker: Tracker, slots: dict[str, Any]) -> dict[str, Any]:
    """A carer who says they are under 18 ("im 14 lol") is a young carer: the questions about
    their own needs speak of school and friends, and of a young carer's assessment."""
    if slots.get("for_whom") != CARER or slots.get("young_carer"):
        return {}
    ages = [age for said in typed(tracker) if (age := identity.own_age(said)) is not None]
    return {"young_carer": True} if ages and ages[-1] < 18 else {}


def _time_alone(text: str) -> str | None:
    """The time in a short message with a time and no day ("it should be at 11:30", "its half
    10"), as "HH:MM"; None otherwise."""
    return dates.time_of(text) if len(text.split()) <= 8 and dates.when(text) is None else None


def _date_unread(slots: dict[str, Any]) -> bool:
    """Was the last answer kept the appointment's date, noted but not worked out ("with dr osei at
    fairfield surgery" at "When is it?")?"""
    said = slots.get("appointment_when")
    return (
        (slots.get("history") or [])[-1:] == ["appointment_when"]
        and isinstance(said, str)
        and said != flow.SKIPPED
        and dates.when(said) is None
    )


def _not_its_answer(slot: str, reading: Reading, turn: Turn) -> bool:
    """A message that doesn't answer the question asked: no name at a name question, no
    choice at a choice, and at "Who is your appointment with?" no one named."""
    kind = catalogue()[slot].kind
    if kind in {"name", "choice", "yes_no"}:
        return not reading.accepted
    return slot == "appointment_with" and not listen.clinician(text_of(turn.tracker), asked=True)


def kept_with_before(slot: str, reading: Reading, turn: Turn) -> Reading:
    """A question answered before and asked again ("go back", "like I said"): the earlier
    words are kept when said again, added to with "also ...", and a different answer that
    takes their place is said back (careplan.kept). Other questions: the reading as it is."""
    plan_id, goal_id = turn.slots.get("plan_id"), turn.slots.get("current_goal_id")
    if slot not in ANSWERED_AGAIN or reading.skipped or not plan_id or (slot in GOAL_FIELD and not goal_id):
        return reading
    try:
        before = store().answer_text(int(plan_id), slot, int(goal_id) if slot in GOAL_FIELD else None)
    except StoreUnavailable:
        return reading
    if not before or before == reading.text:
        return reading
    again = answered_again(before, reading.text)
    if again.how == "added":
        turn.dispatcher.utter_message(response="utter_answer_added")
    elif again.how == "replaced":
        turn.dispatcher.utter_message(response="utter_answer_replaced", words=again.words)
    return Reading(value=again.words, text=again.words, replies=reading.replies)


def team_question_lines(slots: dict[str, Any]) -> list[str]:
    """The questions for the care team as they stand, one a line: those noted on the way,
    then the answer to "any questions?" ("no" is none)."""
    lines = [*(slots.get("noted_questions") or []), *str(slots.get("questions") or "").split("\n")]
    return list(dict.fromkeys(line for line in lines if line.strip() and line != flow.SKIPPED))


def _said_before(asked: str, slots: dict[str, Any]) -> str | None:
    """What was said to this goal question (why, what's in the way, what would help) for the
    goal before the one being asked about; None for any other question, or if nothing was."""
    field = GOAL_FIELD.get(asked)
    if field in {None, "text"}:
        return None
    goals = sorted(plan_goals(slots), key=lambda goal: goal["id"])
    earlier = [g[field] for g in goals if str(g["id"]) != str(slots.get("current_goal_id")) and g.get(field)]
    return earlier[-1] if earlier else None


def _reached_back(asked: str, rest: str, turn: Turn) -> str | None:
    """What "same as before" or "what I said before, ..." means here, with ``rest`` the new words
    said with it: for a goal's detail, what was said for the goal before, and the new words;
    elsewhere the new words; for a goal with none, the wish told at an earlier question
    ("a good day is when I can walk the dog round the park, that's all I want"). None when
    nothing was told to point at (then "I told you that" is heard as it is today). Said crossly
    with new words ("i just said, shes his best mate"), the new words are the answer."""
    # "i just said, shes his best mate": said crossly, the words with it are the whole answer
    crossly = interpret.without_complaint(text_of(turn.tracker))[1] == "told"
    if not (rest and crossly) and (before := _said_before(asked, turn.slots)):
        turn.dispatcher.utter_message(response="utter_same_as_before", words=before)
        return f"{before}. {rest}" if rest else before
    if rest:
        turn.dispatcher.utter_message(response=ASIDE_REPLIES["told"])
        return rest
    if asked == "goal_text":  # "the walking one I said": the one told about walking, or the first wish
        told = [str(turn.slots.get(key) or "") for key in LIFE_ANSWERS]
        named = listen.told_before_named(text_of(turn.tracker), told)
        return named or next(filter(None, map(listen.wish_in, told)), None)
    return None


def _the_goal_again(text: str, slots: dict[str, Any]) -> bool:
    """Is this the words of the goal being asked about, said again ("get back to bouldering once a
    week" after that goal was written down), with nothing new? A longer story in the goal's words
    ("he's in with us every night, none of us are sleeping" after "sleep in his own bed all night")
    is why it matters."""
    goal = next((g for g in plan_goals(slots) if str(g["id"]) == str(slots.get("current_goal_id"))), None)
    words = (goal or {}).get("text") or ""
    said = listen.content_words(text)
    no_longer = len(text.split()) <= len(words.split()) + 2
    return goal is not None and len(said) > 1 and no_longer and said <= listen.content_words(words)


def _names_a_goal_of(text: str, turn: Turn) -> bool:
    """Does the message name one of the plan's goals by its own words (not by what was said about it)?"""
    return listen.match_goal(text, plan_goals(turn.slots), said_about=False) is not None


def _part_wrong(asked: str, text: str) -> listen.Correction | None:
    """A part of the appointment said to be wrong: at "When is it?" any part (the date too:
    "not the date!! the name of the clinic"), elsewhere any but a date or time put right in
    the same words ("the appointment's wrong, it's the 9th" is the date, read as a correction)."""
    if asked == "appointment_when":
        return listen.appointment_part_wrong(text)
    fix = listen.correction(text)
    return fix if fix is not None and fix.kind == "appointment" else None


def _wants_a_statement(asked: str) -> bool:
    """Does this question ask for words of their own that a question can't be?"""
    return catalogue()[asked].kind == "text" and asked not in QUESTIONS_ARE_ANSWERS


def _question_for_team(asked: str, text: str) -> bool:
    """A question put in the middle of a question that doesn't ask for one."""
    return _wants_a_statement(asked) and (listen.question_to_bot(text) or listen.asks_for_advice(text))


def team_questions(reading: Reading, noted: list[str]) -> Reading:
    """The answer to "any questions for the care team?", after the ones noted on the way.
    "No" or "nothing" means none (kept as skipped, so no question shows)."""
    none = reading.skipped or interpret.yes_no(reading.text) is False or interpret.means_none(reading.text)
    kept = noted if none else [*noted, reading.text]
    if not kept:
        return Reading(value=flow.SKIPPED, text="", skipped=True, replies=reading.replies)
    return Reading(value="\n".join(kept), text="\n".join(kept), replies=reading.replies)


def saying(tracker: Tracker, text: str) -> Tracker:
    """The tracker as if the message had said only ``text`` (what they meant, once corrected)."""
    meant = copy.copy(tracker)
    meant.latest_message = {**(tracker.latest_message or {}), "text": text}
    return meant
