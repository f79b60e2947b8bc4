"""What a red flag does to the conversation: signpost, pause, check in, undo.

The hook (actions/hook.py) calls ``handle`` on every message. It keeps one
slot, ``safety_state``, that the forms read through ``form_hold``:

- ``paused``: an emergency (999) was named. Nothing is stored and no question
  is asked until the person says they are OK or want to carry on; meanwhile
  each message gets a short, calm acknowledgement.
- ``checkin``: ambiguous words ("I can't go on like this") got a check-in
  ("do you mean you're finding it hard to cope, or that you might hurt
  yourself?"). The next message answers it, not the form's question.
- ``hold``: this message ended a pause or a check-in, or said "that's not
  what I meant": it is not an answer, and the same question is asked again.

A crisis or safeguarding flag does not pause anything: the message is also
kept as the answer to the question it answered, and the conversation goes on.
So does an urgent one (NHS 111: "a fall this morning and her hip hurts more
now"): it points to 111, notes "Urgent: may need NHS 111" for the care team,
and says nothing of 999.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import intent_of, logger, store, text_of
from careplan.listen import content_words, taken_back
from careplan.safety import RedFlag, detect
from careplan.store import StoreUnavailable
from careplan.vocab import CARER, CRISIS, EMERGENCY, URGENT

PAUSED, CHECKIN, HOLD = "paused", "checkin", "hold"
# Slots this module sets (declared in domain.yml's "# --- safety" block).
STATE, WHO, ABOUT = "safety_state", "flag_who", "flag_about"
CHECKIN_TEXT, LAST_FLAGS = "checkin_text", "last_flag_ids"
# The check-in quotes the person's words; longer messages are quoted from the match.
QUOTE_MAX_CHARS = 80

# "I'm OK now", "we're fine", "carry on", "false alarm": the emergency is over
# for now. Not "ok my partner is ringing 999": help is still on its way.
_RESUME = re.compile(
    r"\b(?:(?:i'?m|i am|we'?re|we are|she'?s|she is|he'?s|he is|they'?re|they are|all"
    r"|everything'?s|everyone'?s) (?:ok|okay|fine|alright|all right|safe|better|good|sorted|home)"
    r"|carry on|continue|go on|keep going|let'?s (?:go|start|do this)|false alarm|back now"
    r"|ready (?:now|to (?:go|carry))|it'?s passed|went away"
    r"|(?:paramedics|ambulance|doctor|they) (?:have |has )?(?:been|left|gone|checked)"
    r"|(?:he'?s|she'?s|they'?re|he is|she is|they are) (?:stable|in hospital|being looked after|on the ward)"
    r"|i'?m back|can we (?:finish|carry on|continue|get on|go on)|finish (?:this|it) (?:now|off))\b",
    re.I,
)
_STILL_GOING = re.compile(
    r"\b(?:ringing|calling|phoning|rang|called|coming|on (?:its|their|the) way|waiting"
    r"|not (?:ok|okay|fine|better)|worse)\b",
    re.I,
)
_RISK = re.compile(
    r"\b(?:hurt|harm|kill|die|dying|dead|end (?:it|my life|things)|suicid\w*|not safe|unsafe"
    r"|both|second|latter|the other)\b",
    re.I,
)
_NOT_RISK = re.compile(
    r"\b(?:not|never|no|n't|don'?t|wouldn'?t|won'?t)\b[^.!?]{0,25}\b(?:hurt|harm|kill|die)\b", re.I
)
_COPING = re.compile(
    r"\b(?:cope|coping|hard|tired|exhausted|stress\w*|fed up|worn out|struggl\w*|first|former|overwhelm\w*"
    r"|just|no|nope|frustrat\w*|sick of|had enough|knackered|shattered)\b",
    re.I,
)
_RELATION = re.compile(
    r"\b(?:my|our) (mum|mom|mam|mother|dad|father|husband|wife|partner|son|daughter|nan|gran|grandma|grandad|"
    r"brother|sister|friend|aunt|auntie|uncle)\b|\b(mum|dad|nan|gran)\b",
    re.I,
)


def misread(text: str) -> bool:
    """ "That's not what I meant", "you've got the wrong end of the stick", "scrap that"
    (careplan/listen.py reads these wordings for the forms and for flags alike)."""
    return taken_back(text) == "undo"


def _kept(tracker: Tracker, state: str | None, *events: EventType) -> list[EventType]:
    """Set the state (only when it changes) and any other events."""
    out = list(events)
    if state != tracker.get_slot(STATE):
        out.append(SlotSet(STATE, state))
    return out


def form_hold(tracker: Tracker) -> list[EventType] | None:
    """What the form does instead of reading this message, or None to read it as usual.

    While paused, the message is not stored and no question is asked; after a
    pause or a check-in the same question is asked again. A message that raised
    a check-in is not stored either, unless it says more than the words that
    raised it (then it is the answer too: see ``ask_nothing``).

    How "no question" works in Rasa 3.6 (rasa/core/actions/forms.py,
    ``request_next_slot``): the form asks for the slot named by the FIRST
    ``requested_slot`` event the validation returns, and that slot
    (``safety_state``) has no ``utter_ask_`` response, so nothing is said. The
    SDK then appends the real next slot, which is what the tracker keeps, so
    the form stays on the same question. Rejecting the form instead
    (ActionExecutionRejected) makes Rasa's RulePolicy bring the form straight
    back after the fallback, up to its action limit, which wedges the
    conversation. The ``safety_state`` event also counts as "a slot was
    validated", so Rasa doesn't reject the turn itself.
    """
    state = tracker.get_slot(STATE)
    asked = tracker.get_slot("requested_slot")
    cleared = [SlotSet(asked, None)] if asked and asked != STATE else []
    if state == PAUSED or (state == CHECKIN and not _answers_besides(tracker)):
        return [*cleared, *ask_nothing(tracker)]
    if state == HOLD:
        return [*cleared, SlotSet(STATE, state)]
    return None


def ask_nothing(tracker: Tracker) -> list[EventType]:
    """While paused, or when this very message raised a check-in: the events that
    keep the form from asking its next question (see ``form_hold``). A message that
    raised a check-in is still kept as its answer ("my kids. honestly I can't go on
    like this" answers "what matters"); the check-in's own answer then decides."""
    state = tracker.get_slot(STATE)
    if state not in {PAUSED, CHECKIN}:
        return []
    return [SlotSet(STATE, state), SlotSet("requested_slot", STATE)]


def _answers_besides(tracker: Tracker) -> bool:
    """Does the message that raised the check-in say more than the words that raised it?"""
    text = text_of(tracker)
    flag = detect(text, *intent_of(tracker))
    start, end = flag.span if flag is not None else (0, len(text))
    return bool(content_words(text[:start] + " " + text[end:]))


def waiting(tracker: Tracker) -> bool:
    """Is the conversation waiting on an emergency or a check-in (ask nothing)?"""
    return tracker.get_slot(STATE) in {PAUSED, CHECKIN}


def who_it_is(text: str, flag: RedFlag, tracker: Tracker) -> tuple[str | None, str | None]:
    """(flag_about, flag_who): is the message about the writer or someone else, and who.

    A carer's message with no clear subject ("doesn't want to live any more")
    is read as about the person they look after.
    """
    carer = tracker.get_slot("for_whom") == CARER
    if flag.about_other is False:
        return "self", None
    if flag.about_other is None and not carer:
        return None, None
    relation = _RELATION.search(text)
    name = tracker.get_slot("preferred_name") if carer else None
    if relation is not None and not (name and relation.group(2)):
        return "other", f"your {(relation.group(1) or relation.group(2)).lower()}"
    return "other", name or "the person you're telling me about"


def _quote(text: str, flag: RedFlag) -> str:
    words = text.strip()
    if len(words) <= QUOTE_MAX_CHARS:
        return words.rstrip(".!")
    return text[flag.span[0] : flag.span[1]]


def _record(tracker: Tracker, kinds: tuple[str, ...], text: str) -> tuple[list[int], list[EventType]]:
    """Store one flag per kind; if the store is away, keep them in ``pending`` for the next turn."""
    ids: list[int] = []
    events: list[EventType] = []
    pending = list(tracker.get_slot("pending") or [])
    for kind in kinds:
        try:
            ids.append(store().add_flag(tracker.sender_id, kind, text, plan_id=tracker.get_slot("plan_id")))
        except StoreUnavailable:
            pending.append({"slot": "__flag__", "value": kind, "text": text, "skipped": False})
            logger.warning("care-plan store unavailable; red flag kept for later")
    if len(pending) != len(tracker.get_slot("pending") or []):
        events.append(SlotSet("pending", pending))
    return ids, events


def _signpost(
    dispatcher: CollectingDispatcher, tracker: Tracker, flag: RedFlag, text: str, saved_text: str
) -> list[EventType]:
    """Say the help for every kind found, record each, and pause for an emergency."""
    about, who = who_it_is(text, flag, tracker)
    events: list[EventType] = [SlotSet("red_flag", flag.kind), SlotSet(ABOUT, about), SlotSet(WHO, who)]
    for kind in flag.kinds:  # an overdose is an emergency and a crisis: say and record both
        dispatcher.utter_message(response=response_for(kind, flag.label, about), flag_who=who)
    ids, more = _record(tracker, flag.kinds, saved_text)
    events += more
    events.append(SlotSet(LAST_FLAGS, ids or None))
    return _kept(tracker, PAUSED if EMERGENCY in flag.kinds else None, *events)


def response_for(kind: str, label: str, about: str | None) -> str:
    """The response to send. Chosen here, not by a slot condition in domain.yml:
    Rasa picks a conditional variant from the slots as they were before this
    action, and these are decided in this very action."""
    if kind == EMERGENCY and label:
        return f"utter_red_flag_emergency_{label}"
    if kind in {CRISIS, URGENT} and about == "other":
        return f"utter_red_flag_{kind}_other"
    return f"utter_red_flag_{kind}"


def check_in_answer(text: str) -> str:
    """ "risk" or "coping". Anything unclear counts as risk: signposting that
    wasn't needed is kinder than help that didn't come."""
    if _NOT_RISK.search(text) or (_COPING.search(text) and not _RISK.search(text)):
        return "coping"
    return "risk"


def handle(dispatcher: CollectingDispatcher, tracker: Tracker, text: str, *, button: bool) -> list[EventType]:
    """The safety part of one turn: returns the events to apply."""
    state = tracker.get_slot(STATE)
    if state == HOLD:
        state = None
    last_flags = tracker.get_slot(LAST_FLAGS)

    if not button and last_flags and misread(text):
        try:
            for flag_id in last_flags:
                store().mark_misunderstood(flag_id, text, datetime.now(timezone.utc).replace(tzinfo=None))
        except StoreUnavailable:
            logger.warning("care-plan store unavailable; 'misunderstood' note not saved")
        dispatcher.utter_message(response="utter_safety_misunderstood")
        return _kept(tracker, HOLD, SlotSet(LAST_FLAGS, None), SlotSet("red_flag", None))

    flag = None if button else detect(text, *intent_of(tracker))
    if state == CHECKIN:
        # the answer to the check-in, not to the form's question: it decides
        clear = flag is not None and not flag.check_in
        if not clear and (misread(text) or check_in_answer(text) == "coping"):
            dispatcher.utter_message(response="utter_check_in_coping")
            return _kept(tracker, HOLD, SlotSet(CHECKIN_TEXT, None))
        earlier = tracker.get_slot(CHECKIN_TEXT) or ""
        if flag is None or flag.check_in:
            about_other = tracker.get_slot(ABOUT) == "other" or None
            flag = RedFlag(kind=CRISIS, rule="check_in", about_other=about_other)
        return [
            *_signpost(dispatcher, tracker, flag, earlier, f"{earlier}\n(asked what they meant) {text}"),
            SlotSet(STATE, PAUSED if EMERGENCY in flag.kinds else HOLD), SlotSet(CHECKIN_TEXT, None),
        ]  # fmt: skip

    if flag is not None and flag.check_in and state != PAUSED:
        about, who = who_it_is(text, flag, tracker)
        quote = _quote(text, flag)
        response = "utter_check_in_other" if about == "other" else "utter_check_in"
        dispatcher.utter_message(response=response, checkin_words=quote, flag_who=who)
        return _kept(tracker, CHECKIN, SlotSet(CHECKIN_TEXT, text), SlotSet(ABOUT, about), SlotSet(WHO, who))
    if flag is not None and not flag.check_in:
        return _signpost(dispatcher, tracker, flag, text, text)

    events: list[EventType] = []
    if tracker.get_slot("red_flag"):
        events.append(SlotSet("red_flag", None))
    if state == PAUSED:
        if not button and _RESUME.search(text) and not _STILL_GOING.search(text):
            dispatcher.utter_message(response="utter_emergency_over")
            return _kept(tracker, HOLD, SlotSet(LAST_FLAGS, None), *events)
        dispatcher.utter_message(response="utter_emergency_waiting")
        return _kept(tracker, PAUSED, *events)
    if last_flags:
        events.append(SlotSet(LAST_FLAGS, None))
    return _kept(tracker, state, *events)
