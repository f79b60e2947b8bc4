"""Reading each answer and storing it the moment it is given.

``interpret`` turns a message into a slot value (or asks again), and
``record`` writes it through careplan.store. If the database is away, the
answer stays in the conversation's slots and in ``pending`` and is written on
the next turn, so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    entity,
    is_button,
    last_bot_text,
    last_said_was,
    logger,
    previous_message,
    said_last_turn,
    stepped_away,
    store,
    sure_intent,
    text_of,
    times_said,
)
from actions.flow import (
    INTERRUPTIONS,
    MEDICAL_WELCOME,
    MOVES,
    NONE_IS_AN_ANSWER,
    SKIPPED,
    UNSURE_IS_AN_ANSWER,
    YES_NO,
)
from careplan import dates, interpret, listen, questions
from careplan.store import StoreUnavailable, UnknownPlan
from careplan.titles import SAID_BACK_CHARS, classify, short_title
from careplan.vocab import CARER, SELF

CHAT = {"greet", "thanks", "goodbye"}
# The reply to what was said to the bot inside an answer (careplan.interpret.without_complaint).
ASIDE_REPLIES = {
    "told": "utter_sorry_told_me",
    "protest": "utter_sorry_protest",
    "checking": "utter_that_will_do",
}
# What may be asked in the same message as an answer, and answered with it kept: "why? its my
# wife obviously". (Other talk about the chat said beside words is more of the same talk.)
# Talk about the chat the form answers itself, whatever the NLU made of it (not a "stop").
# "Do you want one thing or several?", "what do you mean by a good day?": about the question,
# answered by the form, whatever the NLU made of it (never "help", never a care-team question).
# "is that a good reason?" checks the answer just given: a kind yes, whatever the NLU made of it.
FORM_ANSWERS = {"faq_come_back", "faq_box_ticking", "asked_already", "checking", *listen.ABOUT_THE_QUESTION}
ASKED_BESIDE_AN_ANSWER = {"ask_why", "ask_copy", "ask_meaning"}  # not "pardon? I was distracted"
# Questions that offer buttons; a button press anywhere else is from an old message.
BUTTON_QUESTIONS = YES_NO | {"for_whom", "carer_basis"}
FILLER = {"affirm", "deny"} | CHAT
# Questions answered in the person's own words that become a goal's words.
OWN_WORDS = {"goal_text", "goal_new_text", "carer_help"}
# Questions that ask how things are: low words that get the check-in there are an answer too
# ("what's the point of any of it without her" at "Is anything worrying you?"), so the check-in
# comes between that answer and the next question, never the same question again.
HOW_THINGS_ARE = {"worries", "carer_coping"}
# Where "nothing more" is a full answer, kept as skipped so no goal or answer shows it
# ("How are you coping?" is asked of a person: "no, I'm fine" there is an answer).
NOTHING_TO_ADD = ({"goal_text"} | NONE_IS_AN_ANSWER) - {"carer_coping"}
# Details for the care team's records are optional: "I'd rather not" at any of them skips it,
# and so does not having it to hand ("I've not got it on me", "can't find it").
DECLINED = re.compile(
    r"\b(?:skip|rather not|prefer not|not telling|don'?t want to|no thanks?|leave it|i'?ll pass"
    r"|pass on (?:that|this)|(?:not|haven'?t|havent|don'?t|dont) (?:got|have) (?:it|that|one)"
    r"|can'?t find (?:it|that|one)|not (?:to hand|on me|with me))\b",
    re.I,
)
# A move (stop, start again...) is asked for in words like these; an answer the NLU
# thought resembled one, without them, is an answer.
MOVE_WORDS = {
    "stop": re.compile(
        # (not "dont stop. carry on" after an emergency pause: session 34)
        r"\b(?<!don't )(?<!dont )(?<!do not )(?<!never )"
        r"(?:stop|pause|break|later|quit|finish|leave it|enough for now|that'?s enough|bye|no more|done"
        r"|(?:have|got|need|gotta|must)(?: to)? (?:go|dash)|come back|another time|tomorrow|end|exit|i'?m off"
        r"|save)\b",
        re.I,
    ),
    "start_again": re.compile(r"\b(?:start|again|over|restart|beginning|scratch|afresh|new)\b", re.I),
    "go_back": re.compile(r"\b(?:back|undo|previous|before|last)\b", re.I),
    "switch_person": re.compile(r"\b(?:switch|someone|other|another|different|change|person)\b", re.I),
}
# Going back in life, not in the chat: "Going back to work too soon, and money if I can't go
# back" is a worry the NLU heard as "go back" (set7_09); "go back to the last question" is not.
BACK_IN_LIFE = re.compile(
    r"\b(?:going|get(?:ting)?|got|went|goes|gone|go|be|being|come|coming|move|moving|drive|driving)"
    r" back (?:to|into|at|on|in|home|out)\b(?! (?:the |that |this |a |my |your )?"
    r"(?:last|previous|questions?|one|start|beginning|bit|answers?|other|earlier|top)\b)",
    re.I,
)
# What chat starts like: "cheering" or "digging all morning" answers the question, whatever
# the NLU thought it resembled; "thanks" or "morning all" doesn't.
CHATTER = re.compile(
    r"^\W*(?:hi+|hello|hiya|hey|morning|evening|afternoon|thanks?|thank you|ta|cheers|bye|goodbye|ok(?:ay)?"
    r"|cool|great|lovely|nice|brill|right|alright|sure|fine|lol|haha|yes|no|yeah|nah)\b",
    re.I,
)


@dataclass
class Reading:
    """What a message means for one question."""

    value: Any = None
    text: str = ""
    skipped: bool = False
    replies: list[str] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return self.value is not None


def said(slot: str, tracker: Tracker) -> str:
    """What the person said, as a record shows it: their words, or the button they chose.

    A button's payload is not words anyone typed, so it is kept as "(chose: Yes please)".
    """
    text = text_of(tracker).strip()
    if not is_button(tracker):
        return text
    return f"(chose: {questions.button_title(slot, text) or text})"


def interrupts(slot: str, tracker: Tracker) -> bool:
    """Is this message a request (help, stop, go back...) rather than an answer?

    Only when NLU is sure, and the text isn't a fair answer to this very
    question: "tomorrow" answers "When is it?", whatever else it resembles.
    """
    intent = sure_intent(tracker)
    if intent not in INTERRUPTIONS and intent not in MOVES:
        return False
    if is_button(tracker):
        return True
    text = text_of(tracker)
    free_text = getattr(questions.catalogue().get(slot), "kind", None) == "text"
    if free_text and intent in ASKED_BESIDE_AN_ANSWER and listen.answer_beside(text) is not None:
        return False  # "why do you need that, its my daughter anyway": the form answers both
    if listen.after_echoed_question(text, last_bot_text(tracker)):
        return False  # "Why does that matter? Because she's had everything else taken off her"
    typed = (tracker.latest_message or {}).get("text") or ""
    if listen.says_not_a_question(typed):
        return False  # "... question mark no that is not a question I just worry about that"
    if said_last_turn(tracker, "utter_question_for_team") and listen.not_for_the_team(typed):
        return False  # "what question? i was telling you. singing...": the noted words were the answer
    about_chat = listen.meta(text)  # read once: three checks below ask it
    if about_chat == "erase":
        return False  # "could you wipe all my details": the form asks first (actions/forms.py)
    if listen.meant_for_before(text):
        return False  # "that was meant for the last question": the form moves it, or goes back
    answer, aside = interpret.without_complaint(text)
    if aside == "told" and listen.says_something(answer):
        return False  # "u already asked that?? films": an answer, with a word about being asked again
    if about_chat in FORM_ANSWERS or listen.our_word(text, slot) or listen.chat_question_after(text):
        return False  # "can I stop and come back later?" asks, it doesn't stop: the form answers it
    fix = listen.correction(text) if intent in INTERRUPTIONS else None
    if fix is not None and fix.kind in {"undo", "remove"}:
        return False  # "delete what i said about him": taken off (asked first), not "what happens to my data"
    if listen.word_asked(text) is not None:
        return False  # "what does titrate mean?": the form offers to ask the care team
    if listen.meta(text, after_away=stepped_away(tracker)) in {"away", "upset", "back", "carry_on"}:
        return False  # "sorry about that, he needed the loo. where were we?": the question again
    if listen.takes_a_question_off(text) or listen.not_a_goal(text):
        return False  # "ignore that last bit, take that question off": the form takes it off
    if slot == "appointment_when" and dates.when(text) is not None:
        return False
    if slot in YES_NO and yes_or_no(slot, text) is not None:
        return False
    if slot == "review_choice" and (listen.review_choice(text) or listen.correction(text)) is not None:
        return False  # "take the last question off" is a read-back choice, not "go back"
    if intent == "withdraw_sharing" and not listen.withdraws_sharing(text):
        return False  # "yes, share it with the stroke team" answers the question: never a withdrawal
    if intent in MOVES and not MOVE_WORDS[intent].search(text):
        return False  # "enough energy to do bedtime stories" doesn't ask to stop
    if intent == "go_back" and free_text and BACK_IN_LIFE.search(text) and about_chat != "go_back":
        return False  # "Going back to work too soon" is the worry, not "go back"
    in_words = free_text or slot == "one_thing"  # the one thing may be told in their own words
    if intent == "ask_why" and in_words and listen.why_as_a_reason(text):
        return False  # "... it's why ah keep ma appointments": a reason told, nothing asked
    if intent == "ask_copy" and in_words and listen.tells_of_print(text):
        return False  # "i cant see the print, even the large print books": her answer, no copy asked
    if intent in INTERRUPTIONS and in_words and listen.plainly_an_answer(text):
        return False  # "see to read my own post" is what she'd like to do, not "who sees this?"
    if intent.startswith("faq_") and in_words and listen.tells_of_life(text):
        return False  # "that it all goes wrong again next winter" is the worry, not "what happens next?"
    if intent in INTERRUPTIONS and slot == "one_thing" and listen.named_with_a_reason(text):
        return False  # "my records, so I can see what they have written about me": not "show my plan"
    # "will I have to stop driving?" is a question for the care team, not "stop"; "what
    # happens if I get ill?" at the worries is the worry, not the FAQ; and "will I need oxygen
    # at home?" when asked for the one thing is noted for the care team (actions/forms.py).
    moves_on = intent in MOVES and not re.search(r"\b(?:we|this|chat|here|now)\b", text, re.I)
    personal = re.search(r"\b(?:i|me|my|he|she|him|her|they|we)\b", text, re.I)
    own_worry = slot in {"worries", "questions", "one_thing"} and personal
    if (moves_on or own_worry) and listen.question_to_bot(text):
        return False
    return True


def interpret_answer(slot: str, value: Any, tracker: Tracker) -> Reading:
    """Decide what the latest message means as an answer to ``slot``."""
    text = text_of(tracker).strip()
    intent = sure_intent(tracker)
    if not text or value is None:
        return Reading()
    if slot == "appointment_when" and dates.when(text) is not None:
        return Reading(value=text, text=text)  # a date is an answer, whatever else the NLU thought
    if listen.only_thanks(text):
        return Reading(replies=["utter_thanks"])  # "thanks love", "ta": you're welcome, and the question
    if intent in CHAT and len(text.split()) <= 4 and interpret.yes_no(text) is None and CHATTER.match(text):
        return Reading(replies=["utter_greet_again" if intent == "greet" else "utter_tell_me_more"])
    if is_button(tracker) and slot not in BUTTON_QUESTIONS:
        return Reading(replies=["utter_stale_button"])
    if getattr(questions.catalogue().get(slot), "stage", None) == "identity" and DECLINED.search(text):
        return Reading(value=SKIPPED, text=text, skipped=True, replies=["utter_skipped"])
    if slot == "preferred_name" and interpret.NO_PREFERENCE.search(text):
        # "Honestly I don't mind": their name as given, or asked once more, kindly
        given = tracker.get_slot("person_name") if tracker.get_slot("for_whom") == CARER else None
        if given:
            return Reading(value=interpret.first_name(given), text=text)
        if not last_said_was(tracker, "utter_name_any_is_fine"):
            return Reading(replies=["utter_name_any_is_fine"])
    # "dont know. stick maybe" is the answer, said unsure: only a bare "don't know" is none
    unsure = (intent == "dont_know" and not interpret.unsure_with_an_answer(text)) or (
        slot in UNSURE_IS_AN_ANSWER and interpret.dont_know(text)
    )
    skip = intent == "skip" or interpret.skips(text)  # "pass", however the NLU read it
    if (skip or unsure) and slot not in {"consent", "review_choice"}:
        reply = "utter_skipped" if skip else "utter_dont_know_ok"
        return Reading(value=_skip_value(slot), text=text, skipped=True, replies=[reply])

    if slot in YES_NO:
        if slot == "carer_assessment" and yes_or_no(slot, text) is not True and interpret.had_one(text):
            if interpret.came_to_nothing(text):  # "we had one years ago. nothing came of it": a need
                return Reading(replies=["utter_had_one_no_help"])
            # "already had one in the summer thanks": a kind no, and their words kept
            return Reading(value="no", text=said(slot, tracker), replies=["utter_had_one_already"])
        if slot == "share_plan" and listen.asks_another_way(text):
            return Reading(replies=["utter_share_another_way"])  # "can you send it by post": what it can do
        answer = yes_or_no(slot, text, intent)
        if answer is None:
            return _not_caught(slot, text, tracker)
        if answer and said_last_turn(tracker, "utter_had_one_no_help"):  # the story is what they said
            story = previous_message(tracker) or ""
            return Reading(value="yes", text=story if interpret.bare_yes(text) else f"{story}\n{text}")
        return Reading(value="yes" if answer else "no", text=said(slot, tracker))
    if slot == "for_whom":
        reading = _for_whom(text, intent)
        return Reading(value=reading.value, text=said(slot, tracker), replies=reading.replies)
    if slot == "carer_basis":
        key = interpret.basis(text, entity(tracker, "choice"))
        return Reading(value=key, text=said(slot, tracker)) if key else _not_caught(slot, text, tracker)

    # "Yes. Could the nurse check my ankles" or "no but id like to ask about my tablets": the
    # question, without the yes or no
    asking = listen.team_question_in_reply(text) if slot == "questions" else None
    if getattr(questions.catalogue().get(slot), "go_on", False) and asking is None:
        # a bare "yes" to "Is anything worrying you?" or "Any questions?" asks what it is, and is
        # never the answer (s32 tester: "Yes." was kept as the worry, and never asked about)
        bare_yes = interpret.yes_no(text) is True and len(text.split()) <= 3
        if bare_yes and not listen.ends_the_list(text) and not interpret.means_none(text):
            return Reading(replies=[f"utter_{slot}_go_on"])
    text = asking or text
    free_text = getattr(questions.catalogue().get(slot), "kind", None) == "text"
    if intent == "out_of_scope" and (not free_text or listen.asks_something(text)):
        return Reading(replies=["utter_out_of_scope"])
    # Only a real request gets the no-advice line: "they make me dizzy" is an answer.
    advice = (intent == "medical_advice" and listen.asks_for_advice(text)) or listen.asks_for_judgement(text)
    if advice and slot not in MEDICAL_WELCOME:
        return Reading(replies=["utter_medical_advice"])
    filler = interpret.yes_no(text) is not None or CHATTER.match(text)
    if intent in FILLER and slot not in NONE_IS_AN_ANSWER and len(text.split()) <= 2 and filler:
        return Reading(replies=["utter_tell_me_more"])

    if slot in NOTHING_TO_ADD and interpret.means_none(text):
        # "nothing else for him", "nothing im good": none, never the words of a goal
        return Reading(value=_skip_value(slot), text=text, skipped=True)
    short = len(text.split()) <= 4
    if slot in OWN_WORDS and short and interpret.yes_no(text) is not None:
        return Reading(replies=["utter_tell_me_more"])  # "yes please" is not a goal
    if slot in {"person_name", "preferred_name"}:
        own = slot == "preferred_name" and tracker.get_slot("for_whom") != CARER
        found = interpret.name(text, full=slot == "person_name", own=own)
        if found is None:
            return _no_name_heard(slot, text, tracker)
        return Reading(value=found, text=text)
    if slot == "carer_relationship":
        return Reading(value=interpret.relationship(text), text=text)
    replies = ["utter_medical_question_noted"] if advice else []
    answer, aside = interpret.without_complaint(text)  # "the foot clinic, I said"
    if aside:
        replies.append(ASIDE_REPLIES[aside])
    return Reading(value=answer, text=answer, replies=replies)


def _no_name_heard(slot: str, text: str, tracker: Tracker) -> Reading:
    """No name in the answer to a name question: asked once more, then never again. A good
    listener moves on: a carer's person by their first name, or no name for now."""
    again = previous_message(tracker) or ""
    if said_last_turn(tracker, "utter_name_not_caught") and again.strip().lower() == text.strip().lower():
        return Reading(value=interpret.tidy_name(text.strip(" .,!?")), text=text)  # "Dolly", then "Dolly"
    if times_said(tracker, f"utter_ask_{slot}") < 2:
        return Reading(replies=["utter_name_not_caught"])
    given = tracker.get_slot("person_name")
    if slot == "preferred_name" and tracker.get_slot("for_whom") == CARER and given and given != SKIPPED:
        return Reading(value=interpret.first_name(given), text=text)
    return Reading(value=SKIPPED, text=text, skipped=True, replies=["utter_name_later"])


def yes_or_no(slot: str, text: str, intent: str | None = None) -> bool | None:
    """A yes/no question's answer. Consent to share is read for consent: a yes with words
    ("she says yes, send it") is a yes, and an unclear reply is asked again. Whether the person
    is with them may be told sideways ("he's dozing in the garden")."""
    if slot == "share_plan":
        return listen.share_answer(text, intent)
    answer = interpret.yes_no(text, intent)
    if answer is None and slot == "person_present":
        return listen.with_them(text)  # "he's dozing in the garden": a no, told sideways
    return answer


# Questions with buttons that a good listener lets go of once asked twice without an answer it
# can read (set16_07: "Does Jean know...?" and the carer's assessment were each asked 9 times).
# Not consent, sharing or another goal: each of those decides what comes next.
LET_GO_AFTER_TWO = {"carer_basis", "person_present", "carer_assessment"}


def _not_caught(slot: str, text: str, tracker: Tracker) -> Reading:
    """An answer to a button question that can't be read: asked again once, then left for now."""
    if slot in LET_GO_AFTER_TWO and times_said(tracker, f"utter_ask_{slot}") >= 2:
        return Reading(value=SKIPPED, text=text, skipped=True, replies=["utter_dont_know_ok"])
    return Reading(replies=["utter_choose_option"])


def _skip_value(slot: str) -> Any:
    return "no" if slot in {"another_goal", "share_plan"} else SKIPPED


def _for_whom(text: str, intent: str | None) -> Reading:
    # The words first: "its for me but i look after my husband too" reads as a carer to the NLU.
    who = listen.for_whom(text)
    if who is not None:
        return Reading(value=who, text=text)
    if intent == "choose_self":
        return Reading(value=SELF, text=text)
    if intent == "choose_carer":
        return Reading(value=CARER, text=text)
    if re.search(r"\b(?:me|myself|mine|i am|i'?m|im)\b", text, re.IGNORECASE):
        return Reading(value=SELF, text=text)
    return Reading(replies=["utter_choose_option"])


# --- storing -----------------------------------------------------------------------------
# Answers kept in a plan or goal column as they are (the question catalogue
# names the column); the others need a word of reading first (_write_to_plan).
READ_FIRST = {
    "preferred_name",
    "person_present",
    "appointment_when",
    "share_plan",
    "goal_text",
    "goal_new_text",
    "one_thing",
    "date_of_birth",
    "nhs_number",
}
PLAN_FIELD = {key: f for key, f in questions.fields("plan").items() if key not in READ_FIRST}
GOAL_FIELD = {key: f for key, f in questions.fields("goal").items() if key not in READ_FIRST}


def new_plan(tracker: Tracker, slots: dict[str, Any]) -> int:
    """Start a plan for this conversation (its plan went missing, or never began)."""
    slots["plan_id"] = store().new_plan(tracker.sender_id, recorded_by_role=slots.get("for_whom") or SELF)
    slots["current_goal_id"] = None
    return slots["plan_id"]


def _write(tracker: Tracker, slots: dict[str, Any], item: dict[str, Any]) -> None:
    """Write one answer; if the plan was deleted meanwhile, into a new plan."""
    if slots.get("plan_id") is None:
        new_plan(tracker, slots)
    try:
        _write_to_plan(tracker, slots, item, int(slots["plan_id"]))
    except UnknownPlan:
        _write_to_plan(tracker, slots, item, new_plan(tracker, slots))


def _write_to_plan(tracker: Tracker, slots: dict[str, Any], item: dict[str, Any], plan_id: int) -> None:
    """Write one answer and whatever it means for the plan and its goals."""
    s = store()
    slot, value, text, skipped = item["slot"], item["value"], item["text"], item["skipped"]
    if slot == "__flag__":  # a red flag raised while the database was away
        s.add_flag(tracker.sender_id, value, text, plan_id=plan_id)
        return
    goal_id = slots.get("current_goal_id")
    if skipped:
        if slot == "preferred_name" and slots.get("for_whom") == CARER:
            s.update_plan(plan_id, preferred_name=slots.get("person_name"))
        # An answer taken off ("take that off", then yes) comes off the plan or the goal too.
        elif slot in PLAN_FIELD and questions.catalogue()[slot].kind == "text":
            s.update_plan(plan_id, **{PLAN_FIELD[slot]: None})
        elif slot in GOAL_FIELD and goal_id and GOAL_FIELD[slot] != "text":
            s.update_goal(int(goal_id), **{GOAL_FIELD[slot]: None})
        elif slot == "appointment_when":  # "don't know yet" once the date was said wrong: no date
            s.update_plan(plan_id, appointment_when_text=None, appointment_date=None, appointment_time=None)
        elif slot == "goal_text" and goal_id:  # taken back, then "nothing else": no goal left
            s.remove_goal(plan_id, int(goal_id))
            slots["current_goal_id"] = goal_id = None
    elif slot in PLAN_FIELD:
        s.update_plan(plan_id, **{PLAN_FIELD[slot]: value})
    elif slot == "preferred_name":
        fields = {"preferred_name": value}
        if slots.get("for_whom") != CARER:  # "ken. its kenneth but...": Kenneth is his name
            fields["subject_name"] = interpret.formal_name(text) or value
        s.update_plan(plan_id, **fields)
    elif slot == "person_present":
        s.update_plan(plan_id, person_present=value == "yes")
    elif slot == "appointment_when":
        # A new day without a time ("a week on Friday, same time") keeps the time already given.
        when = dates.when(text)
        kept = {} if when and not when.time else {"appointment_time": when.time if when else None}
        s.update_plan(
            plan_id, appointment_when_text=text, appointment_date=when.day if when else None, **kept
        )
    elif slot == "date_of_birth":
        s.update_plan(plan_id, date_of_birth=date.fromisoformat(value))
    elif slot == "nhs_number":
        s.update_plan(plan_id, nhs_number=value)
    elif slot in {"goal_text", "goal_new_text"}:
        goal_id = _write_goal(plan_id, slots, slot, text, item.get("speaker"))
    elif slot in GOAL_FIELD and goal_id:
        s.update_goal(int(goal_id), **{GOAL_FIELD[slot]: text})
    elif slot == "one_thing":
        _write_one_thing(plan_id, value, text)
    elif slot == "carer_help":  # "nothing im good" was read as none (skipped) above
        s.add_goal(plan_id, text, short_title(text), "caring", for_carer=True)
    elif slot == "carer_assessment" and value == "yes":
        # "go on then" is a yes, not their words: kept as the button it is ("You chose: Yes please")
        words = f"(chose: {questions.button_title(slot, '/affirm')})" if interpret.bare_yes(text) else text
        s.add_goal(plan_id, words, "Have a carer's assessment", "caring", for_carer=True)
    s.record_answer(
        plan_id,
        slot,
        text,
        goal_id=int(goal_id) if slot in GOAL_FIELD and goal_id else None,
        skipped=skipped,
        expressed_by=item.get("speaker"),
    )


def _write_goal(plan_id: int, slots: dict[str, Any], slot: str, text: str, speaker: str | None) -> int:
    s = store()
    title, domain = short_title(text), classify(text)
    if slot == "goal_new_text":
        goal_id = int(slots["goal_to_change"])
        reword_goal(plan_id, goal_id, text)
        return goal_id
    goal_id = slots.get("current_goal_id")
    if goal_id:  # the person went back and reworded it: the new words are said back
        s.update_goal(int(goal_id), text=text, title=title, domain=domain)
    else:
        goal_id = s.add_goal(plan_id, text, title, domain, expressed_by=speaker)
        slots["current_goal_id"] = goal_id
    slots["goal_title"] = short_title(text, SAID_BACK_CHARS)  # said back with its point
    return int(goal_id)


def reword_goal(plan_id: int, goal_id: int, text: str) -> None:
    """A goal given new words at the read-back. The words it had are kept as taken off, for the
    care team (hazard H22) and for "put the goal back"."""
    s = store()
    before = s.goal_text(plan_id, goal_id)
    if before and before != text:
        s.record_answer(plan_id, "goal_text", before, goal_id=goal_id)
        s.take_off_answer(plan_id, "goal_text", goal_id)
    s.update_goal(goal_id, text=text, title=short_title(text), domain=classify(text))


def _write_one_thing(plan_id: int, value: str, text: str) -> None:
    s = store()
    if str(value).isdigit() and s.set_one_thing(plan_id, int(value)):
        return
    goal_id = s.add_goal(plan_id, text, short_title(text), classify(text))
    s.set_one_thing(plan_id, goal_id)


def record(
    tracker: Tracker, dispatcher: CollectingDispatcher, slots: dict[str, Any], reading: Reading, slot: str
) -> None:
    """Store an answer now; if the database is away, keep it to store later."""
    item = {"slot": slot, "value": reading.value, "text": reading.text, "skipped": reading.skipped}
    if slots.get("speaker"):  # the person typing in a carer's chat: their own words
        item["speaker"] = slots["speaker"]
    # The form flushed kept answers at the start of this turn; if any are still
    # waiting, this one waits behind them, so they are written in order.
    if not slots.get("pending"):
        try:
            _write(tracker, slots, item)
            return
        except StoreUnavailable:
            logger.warning("care-plan store unavailable; answer kept for later (slot %s)", slot)
    slots["pending"] = [*(slots.get("pending") or []), item]
    dispatcher.utter_message(response="utter_saved_later")


def flush(tracker: Tracker, slots: dict[str, Any]) -> bool:
    """Write answers kept while the database was away. True when none are left."""
    pending = list(slots.get("pending") or [])
    while pending:
        try:
            _write(tracker, slots, pending[0])
        except StoreUnavailable:
            slots["pending"] = pending
            return False
        pending.pop(0)
        slots["pending"] = pending
    return True


def word_put_right_in(
    text: str,
    dispatcher: CollectingDispatcher,
    answers: Iterable[tuple[Any, Any]],
    keep: Callable[[Any, str], dict[str, Any]],
) -> dict[str, Any] | None:
    """ "I said my knee but it's my hip really": the word put right in the first of ``answers``
    (each its place and its words) that has it, kept there by ``keep(place, words)`` and said
    back. Returns what ``keep`` gives (the slots changed), or None when no answer has it."""
    for place, said in answers:
        if isinstance(said, str) and (swap := listen.word_put_right(text, said)) is not None:
            old, new, words = swap
            kept = keep(place, words)
            dispatcher.utter_message(response="utter_word_put_right", old=old, new=new)
            return kept
    return None
