"""What a red flag does to the conversation: signpost, pause, check in, undo.

The hook (actions/hook.py) calls ``handle`` on every message. It keeps one
slot, ``safety_state``, that the forms read through ``form_hold``:

- ``paused``: an emergency (999) was named. Nothing is stored and no question
  is asked until the person says they are OK or want to carry on; meanwhile
  each message gets a short, calm line that fits it (``pause_reply``).
- ``checkin``: ambiguous words ("I can't go on like this") got a check-in
  ("do you mean you're finding it hard to cope, or that you might hurt
  yourself?"). The next message answers it, not the form's question.
- ``hold``: this message ended a pause or a check-in, or said "that's not
  what I meant": it is not an answer, and the same question is asked again.
- ``listening``: a crisis was signposted in full. The message that raised it
  is kept as its answer, but no question follows in the same reply; the next
  message is heard first ("can I write to someone?" gets the ways to write),
  then the questions carry on.

An emergency waved away ("it's just indigestion", "it's gone off now") keeps
the pause with one firm line, never "I'm glad"; said again, the chat carries on
with "if it comes back or gets worse, call 999". After a pause has ended, the
emergency back on ("the pain is worse now", "the ambulance is here") pauses
again and is added to the emergency's flag, never stored as an answer.

Each kind is signposted in full once per conversation (``flags_said``); after
that it gets a short line. Pushback just after a signpost ("please stop saying
that") gets one apology, not the script again.

A crisis or safeguarding flag does not pause anything: the message is also
kept as the answer to the question it answered, and the conversation goes on.
So does an urgent one (NHS 111: "a fall this morning and her hip hurts more
now"): it points to 111, notes "Urgent: may need NHS 111" for the care team,
and says nothing of 999.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timezone

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import HOW_THINGS_ARE, OWN_WORDS
from actions.common import intent_of, logger, plan_goals, previous_message, said_last_turn, store, text_of
from actions.flow import MEDICAL_WELCOME
from careplan import clock, identity, pronouns
from careplan.emergency_talk import (
    SENTENCE,
    about_the_note,
    about_the_writer,
    asks_in_writing,
    asks_whether_to_act,
    back_on,
    checked,
    driven_in,
    help_called_now,
    moved_on,
    names_a_safety_note,
    names_means,
    new_since_stroke,
    not_happening,
    note_said_wrong,
    note_spans,
    played_down,
    protest_besides,
    protest_spans,
    sentence_spans,
    signpost_reply,
)
from careplan.listen import content_words, match_goal, taken_back, tells_a_wish
from careplan.questions import catalogue
from careplan.safety import (
    ADULT_AGE,
    RedFlag,
    age_of_them,
    child_at_risk,
    detect,
    fears_another,
    names_past_stroke,
    no_voice_phone,
    now_cue,
    now_said,
    safety_question,
)
from careplan.store import StoreUnavailable
from careplan.vocab import CARER, CRISIS, EMERGENCY, SAFEGUARDING, URGENT

# The reply to a safeguarding, 111 or crisis signpost ("thank you, I'll ring them"), heard kindly.
SIGNPOST_HEARD = "utter_signpost_heard"
HEARD_AFTER = {SAFEGUARDING, URGENT, CRISIS}
# The questions whose answer is a goal's own words.
GOAL_WORDS = {"goal_text", "goal_new_text"}
PAUSED, CHECKIN, HOLD, STOPPED, LISTENING = "paused", "checkin", "hold", "stopped", "listening"
# Slots this module sets (declared in domain.yml's "# --- safety" block).
STATE, WHO, ABOUT = "safety_state", "flag_who", "flag_about"
CHECKIN_TEXT, LAST_FLAGS, SAID = "checkin_text", "last_flag_ids", "flags_said"
# The check-in quotes the person's words; longer messages are quoted from the match.
QUOTE_MAX_CHARS = 80
# The pause over because the person answers the form again: that message is kept as the answer.
MOVED_ON = "utter_emergency_moved_on"
# In ``flags_said`` while an emergency pause lasts: the emergency was waved away once and the
# firm line said ("Chest pain like this can be a heart attack even if it feels like indigestion").
WAVED_AWAY = "emergency_waved_away"
# Emergencies with their own firm line when waved away (NHS: stroke signs that go away still need
# 999; chest pain that stops still needs checking). Others get the general one.
WAVED_AWAY_LABELS = {"heart_attack", "stroke"}
# A carer hurt by the person they look after (rule carer_hurt_by_the_illness): always the writer.
CARER_HURT = "carer_hurt"
# A child at risk: the safeguarding reply names children's social care, the NSPCC and Childline.
CHILD = "child"
# Ages said in passing (domain.yml's "# --- safety" block): the writer's own, and the person's written about.
OWN_AGE, THEIR_AGE = "own_age_told", "their_age_told"

# "I'm OK now", "we're fine", "carry on", "false alarm": the emergency is over
# for now. Not "ok my partner is ringing 999": help is still on its way.
_RESUME = re.compile(
    r"\b(?:(?:i'?m|i am|we'?re|we are|she'?s|she is|he'?s|he is|they'?re|they are|all"
    r"|everything'?s|everyone'?s) (?:ok|okay|fine|alright|all right|safe|better|good|sorted|home)"
    r"|carry on|continue|go on|keep going|let'?s (?:go|start|do this)|false alarm|back now"
    r"|ready (?:now|to (?:go|carry))|it'?s passed|went away"
    r"|(?:paramedics|ambulance|doctor|they) (?:have |has )?(?:been|left|gone|checked)"
    r"|(?:he'?s|she'?s|they'?re|he is|she is|they are) (?:stable|in hospital|being looked after|on the ward)"
    r"|i'?m back|can we (?:finish|carry on|continue|get on|go on)|finish (?:this|it) (?:now|off)"
    # "I'm not ill now, I just want to finish this", "we want to get on with it"
    r"|(?:want|wants|wanna|like|need) to (?:finish|carry on|continue|get on|keep going"
    r"|get (?:this|it) (?:done|finished)))\b",
    re.I,
)
# A choking that first aid has ended: "it's out ... he's coughing and talking", "she coughed it up
# and she's breathing fine". Over, and right to have acted; 999 if it comes back or breathing or
# swallowing is hard after (NHS choking advice). Said while it is stuck, it is not.
_CHOKING_CLEARED = re.compile(
    r"\b(?:(?:it'?s|its|it is|it'?s come|it came|it has come|came|come|coughed(?: it)?|spat(?: it)?"
    r"|brought(?: it)?|got(?: it)?|popped) (?:out|up)|dislodged|cleared it"
    r"|(?:it|that)(?:'s| has) shifted)\b",
    re.I,
)
_WELL_AGAIN = re.compile(
    r"\b(?:talking|speaking|breathing (?:fine|ok|okay|normally|properly|again)|alright|all right|ok|okay|fine"
    r"|carry on|continue)\b",
    re.I,
)
# ("i havent called 999. i dont need to. im ok" is no call going on: tester s29)
_STILL_GOING = re.compile(
    r"\b(?<!haven't )(?<!havent )(?<!didn't )(?<!didnt )(?<!not )(?<!never )"
    r"(?:ringing|calling|phoning|rang|called|coming|on (?:its|their|the) way|waiting"
    r"|not (?:ok|okay|fine|better)|worse)\b",
    re.I,
)
_RISK = re.compile(
    r"\b(?:hurt|harm|kill|die|dying|dead|end(?:ing)? (?:it|my life|things)|suicid\w*|not safe|unsafe"
    r"|both|second|latter|the other)\b",
    re.I,
)
_NOT_RISK = re.compile(
    r"\b(?:not|never|no|n't|don'?t|wouldn'?t|won'?t)\b[^.!?]{0,25}\b(?:hurt|harm|kill|die)\b"
    # "nay nowt like that, ah'd nivver do owt daft" (set7_05): no, in other words
    r"|\b(?:nowt|nothing|none of that|not) like that\b"
    r"|\b(?:never|nivver|niver|wouldn'?t|would not|wouldnae|'d never|'d nivver) (?:do|dae)"
    r" (?:owt|anything|aught|nothing|nowt) (?:daft|stupid|silly|like that)\b",
    re.I,
)
# "mary'd kill me", "the wife would kill me": someone's telling-off, not a risk
_KILL_ME_IDIOM = re.compile(r"\b(?:\w+'d|\w+ would|\w+'ll|\w+ will) kill me\b", re.I)
_COPING = re.compile(
    r"\b(?:cope|coping|hard|tired|exhausted|stress\w*|fed up|worn out|struggl\w*|first|former|overwhelm\w*"
    r"|no|nope|frustrat\w*|sick of|had enough|knackered|shattered)\b",
    re.I,
)
# A "no" to the check-in with nothing hard in it ("no, just tired", "not like that"): safe, said
# back in one line. With it hard ("no, it's just hard to cope", "I'm just fed up"): the kind line
# with support. ("Tired" alone is not hard: everyone gets tired; "tired of it all" is, tester s32:
# "not gonna do anything stupid... just tired of it all" got only "I'm glad you're safe".)
_HARD = re.compile(
    r"\b(?:cope|coping|hard|struggl\w*|too much|overwhelm\w*|fed up|sick of|had enough|stress\w*"
    r"|(?:tired|weary|worn out) (?:of|with) (?:it all|everything|all (?:this|of it|that)|(?:my |this )?life)"
    r"|frustrat\w*|getting (?:to|on top of) me|first|former)\b",
    re.I,
)
# The check-in's answer, naming the writer or saying yes in any form ("myself", "me", "I might do
# something to myself", "maybe", "the second one"): risk. Without any of these, a reply that answers
# neither question ("I don't know", "can we move on", the garden) gets the kind line with Samaritans.
_NAMES_THE_RISK = re.compile(
    r"\b(?:my ?self|me|yes|yeah|yep|yup|aye|maybe|perhaps|possibly|probably|sometimes|might|could"
    r"|something|anything|thought|thinking|think|want|wanted|mean|meant|do it|second|latter|other|both"
    r"|scared)\b",
    re.I,
)
# "neither, it's a figure of speech, I'm fine": the check-in misread them.
_FINE = re.compile(
    r"\b(?:neither|figure of speech|(?:just )?a saying|an expression|turn of phrase|manner of speaking"
    r"|not literally|(?:only |just )?(?:joking|kidding)"
    r"|(?:i'?m|i am|i'?m honestly|honestly i'?m) (?:fine|ok|okay|alright|all right))\b",
    re.I,
)
# After a crisis or safeguarding reply: the person pushes back ("I'm not going to do
# anything", "please stop saying that", "he's dead, he can't be at risk"). Read per sentence.
_PUSHBACK = re.compile(
    r"\b(?:stop (?:saying|sending|telling|going on|asking|repeating)|(?:don'?t|do not) keep saying"
    r"|(?:not|never) (?:going to|gonna) do (?:anything|something)|not (?:suicidal|at risk|in danger)"
    r"|(?:don'?t|do not) want (?:\w+ ){0,3}(?:thinking|to think|knowing) (?:i'?m|i am)"
    r"|(?:didn'?t|did not|never) say (?:that|i)"
    r"|why (?:are|do|did|have) you (?:keep )?(?:saying|say|said|telling)"
    r"|can'?t be at risk|(?:he'?s|she'?s|they'?re|he is|she is|they are) dead|did you (?:even )?read"
    r"|you(?:'ve| have)? (?:got (?:it|me) wrong|misread|misunderstood))\b",
    re.I,
)
# "I don't mean that. I mean I'm worn out": tiredness, said with the correction.
_WORN_OUT = re.compile(
    r"\b(?:worn out|tired|exhausted|knackered|shattered|run ragged|running on empty|done in|burn(?:t|ed) out"
    r"|(?:can'?t|cannot) keep (?:going|up)|at (?:this|that) pace"
    r"|up (?:all|half|three|four|\w+ times a) night)\b",
    re.I,
)
# "Forget I said that", "ignore that", "don't put that on": words taken back, not misread.
_RETRACT = re.compile(
    r"\b(?:forget|ignore|scrap|delete|unsay|take (?:that|it) back|shouldn'?t have said"
    r"|(?:don'?t|do not) (?:put|write|note|keep|record) (?:that|it))\b",
    re.I,
)
_MISREAD_WORDS = re.compile(
    r"\b(?:meant|mean|misread|misunderstood|wrong end|got (?:it|me|that) wrong)\b", re.I
)
# The emergency already signposted, back now ("it's come on again", "the pain's back, worse").
_AGAIN_NOW = re.compile(
    r"\b(?:again|right now|just now|(?:came|come|comes|coming) (?:on|back)|started|starting|worse"
    r"|(?:it'?s|its|it is|pain'?s|pain is) back|at the moment|happening)\b",
    re.I,
)
# While an emergency pause lasts: help has arrived, or they are on the way to hospital.
_HELP_HERE = re.compile(
    r"\b(?:paramedics?|ambulance|crew|doctor|they)(?:'re| are|'s| is| has| have)? "
    r"(?:here|arrived|just arrived|with (?:her|him|us|me))\b",
    re.I,
)
_TAKEN_IN = re.compile(
    r"\b(?:taken|took|taking) (?:her|him|them|me|mum|dad|\w+) (?:in|to (?:hospital|a ?& ?e|the hospital))"
    r"|\b(?:in|at|to) (?:hospital|a ?& ?e|the hospital|resus)\b|\bin (?:the|an) ambulance\b"
    r"|\b(?:admitted|on the ward|kept (?:her|him|me) in)\b",
    re.I,
)
# News that is not good, for the reply that ends a pause: never "I'm glad" to a stroke.
_BAD_NEWS = re.compile(
    r"\b(?:stroke|heart attack|angina|tia|mini stroke|hospital|a ?& ?e|admitted|ward|resus|intensive care|icu"
    r"|seizure|fit|overdose|broke|broken|fracture\w*|surgery|operation|scan|not good|serious|dead|died"
    r"|ambulance|sepsis|infection)\b",
    re.I,
)
# What the professionals found ("they think it's sepsis"): news of the emergency already
# signposted, not a new one to send to 999 again.
_REPORTED = re.compile(
    r"\b(?:they|doctors?|paramedics?|the crew|nurses?|hospital) (?:think|thinks|thought|said|say|says|reckon"
    r"|reckons|told (?:us|me))\b|\b(?:turned out|diagnosed|it was)\b",
    re.I,
)
# "I want to stop for now", "can we carry on another time": stopping is honoured, never "let's carry on".
_STOP = re.compile(
    r"\b(?:(?:i want|i'?d like|i need|can we|could we|let'?s|we'?ll|i'?ll|i have|i'?ve got) (?:to )?"
    r"(?:stop|leave (?:it|this)|pause|come back|go)\b|stop (?:for now|now|here|there)|another (?:time|day)"
    r"|(?:do|finish|carry on with|continue) (?:this|it|the rest) (?:later|tomorrow)"
    r"|(?:gotta|got to) go|gtg|not now)\b",
    re.I,
)
# "should I ring 999 or 111?": a plain answer, never dodged.
_WHICH_NUMBER = re.compile(
    r"\b(?:999|nine nine nine)\b[^.!?]{0,25}\b(?:111|one one one)\b"
    r"|\b(?:111|one one one)\b[^.!?]{0,25}\b(?:999|nine nine nine)\b",
    re.I,
)
_WHAT_TO_SAY = re.compile(
    r"\bwhat (?:do|should|shall|can|will|would) (?:i|we) (?:tell|say)\b"
    r"|\bwhat (?:to|do i) (?:tell|say to) them\b",
    re.I,
)
_QUESTION = re.compile(
    r"\?|\b(?:should|shall|can|do) (?:i|we)\b|\bwhat (?:do|should|can|shall) (?:i|we)\b"
    r"|^\s*(?:what|how|why|when|where|is|will|would|could|does|has|have)\b",
    re.I,
)
# A wound told in one message and how it looks in the next ("the ulcer on my foot" ... "it
# smells and it's gone red up to the ankle"): the detector reads one message, this reads the two.
# "A sore" is a wound; "sore" alone is how something feels ("my legs weep and they are sore",
# set6_01): a sore is one only after a word that makes it a thing, with no noun after it.
_WOUND = re.compile(
    r"\b(?:ulcers?|wounds?|sores|cuts?|bites?|burns?|stitches|incision|graze[sd]?|blisters?|infect\w*"
    r"|cellulitis|scar|operation site|leg ulcer"
    r"|(?:an?|the|this|that|his|her|my|your|their|pressure|bed|open) sore"
    r"(?= (?:on|in|is|has|was|that|which|under|at|of|behind|between|gone|got|looks|started|keeps|it)\b"
    r"|\s*(?:[.,;:!?)]|$)))\b",
    re.I,
)
_LOOKS_INFECTED = re.compile(
    r"\b(?:smell\w*|stink\w*|pong\w*|whiff\w*|pus|ooz\w*|weep\w*|yellow stuff|green stuff"
    r"|gone (?:red|black|purple|hot)|red (?:up|round|right up|all round|lines?|streaks?)"
    r"|redness (?:is )?spreading"
    r"|spreading|hot to (?:the )?touch|red and (?:hot|swollen|angry)|angry looking)\b",
    re.I,
)
_HEALING = re.compile(
    r"\b(?:heal(?:ing|ed)|better|gone down|cleared|redness has gone|no longer|not (?:red|smelly|weeping))\b",
    re.I,
)
# The body fighting an infection (NHS sepsis signs in lay words): with an infection, 111 now.
_FEVERISH = re.compile(
    r"\b(?:shiver\w*|shaking|shaky|hot and cold|high temp\w*|(?:a|got a) temp\w*|fever\w*|burning up"
    r"|chills|the sweats|clammy|rigou?rs)\b",
    re.I,
)
INFECTION_SEEN = "context:infection"
_RELATION = re.compile(
    r"\b(?:my|our) (mum|mom|mam|mother|dad|father|husband|wife|partner|son|daughter|nan|gran|grandma|grandad|"
    r"brother|sister|friend|aunt|auntie|uncle)\b|\b(mum|dad|nan|gran)\b",
    re.I,
)


def misread(text: str) -> bool:
    """ "That's not what I meant", "you've got the wrong end of the stick", "scrap that"
    (careplan/listen.py reads these wordings for the forms and for flags alike), or the note
    said to be wrong ("that note was a mistake")."""
    return taken_back(text) == "undo" or note_said_wrong(text)


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
    raised it, or the question asks how things are (``HOW_THINGS_ARE``): then it
    is the answer too (see ``ask_nothing``).

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
    if state == LISTENING:
        # the crisis message itself is kept as the answer when it also answers the question: it says
        # more than the words that raised it, or the question asks how things are (``ask_nothing``
        # holds the next question back); "i want to end my life" alone at "What does a good day look
        # like?" is not a good day (tester s33), and the question comes again after listening; what
        # is said while listening, or a crisis told as a goal's words, is never kept
        raised_here = _state_before_this_message(tracker) not in {LISTENING, CHECKIN, PAUSED}
        answers = asked in HOW_THINGS_ARE or _answers_besides(tracker)
        kept = raised_here and asked not in OWN_WORDS and answers
        return None if kept else [*cleared, *ask_nothing(tracker)]
    if state == PAUSED or (
        state == CHECKIN and asked not in HOW_THINGS_ARE and not _answers_besides(tracker)
    ):
        return [*cleared, *ask_nothing(tracker)]
    if state == HOLD or (asked in OWN_WORDS and tracker.get_slot("red_flag") in {CRISIS, SAFEGUARDING}):
        # a disclosure at "what would you like to be able to do?" is kept in its flag, never
        # made a goal's title ("Worried about how some of the staff treat her"): asked again
        return [*cleared, SlotSet(STATE, HOLD)]
    if state == STOPPED:  # "I want to stop for now" ended a pause: no question until they come back
        return [*cleared, SlotSet(STATE, None), SlotSet("requested_slot", STATE)]
    return None


def stopped_this_turn(tracker: Tracker) -> bool:
    """Did this turn's ``form_hold`` stop the form with nothing to ask (its STOPPED branch:
    safety_state cleared, requested_slot on safety_state)? The events since the message say so."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            return event.get("value") == STATE and tracker.slots.get(STATE) is None
    return False


def ask_nothing(tracker: Tracker) -> list[EventType]:
    """While paused, or when this very message raised a check-in: the events that
    keep the form from asking its next question (see ``form_hold``). A message that
    raised a check-in is still kept as its answer ("my kids. honestly I can't go on
    like this" answers "what matters"); the check-in's own answer then decides."""
    state = tracker.get_slot(STATE)
    if state not in {PAUSED, CHECKIN, LISTENING}:
        return []
    return [SlotSet(STATE, state), SlotSet("requested_slot", STATE)]


def _answers_besides(tracker: Tracker) -> bool:
    """Does the message that raised the check-in say more than the words that raised it?
    Never during an emergency pause: "they've taken her in. I can't go on" answers nothing."""
    if _state_before_this_message(tracker) == PAUSED:
        return False
    text = text_of(tracker)
    flag = detect(text, *intent_of(tracker))
    start, end = flag.span if flag is not None else (0, len(text))
    return bool(content_words(text[:start] + " " + text[end:]))


def _state_before_this_message(tracker: Tracker) -> str | None:
    """``safety_state`` as it was when the person sent this message."""
    seen_message = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_message = True
        elif seen_message and event.get("event") == "slot" and event.get("name") == STATE:
            return event.get("value")
    return None


def waiting(tracker: Tracker) -> bool:
    """Is the conversation waiting on an emergency, a check-in or after a crisis (ask nothing)?"""
    return tracker.get_slot(STATE) in {PAUSED, CHECKIN, LISTENING}


def who_it_is(text: str, flag: RedFlag, tracker: Tracker) -> tuple[str | None, str | None]:
    """(flag_about, flag_who): is the message about the writer or someone else, and who.

    A carer's message with no clear subject ("doesn't want to live any more")
    is read as about the person they look after.
    """
    carer = tracker.get_slot("for_whom") == CARER
    writer_hurt = flag.label == CARER_HURT or (flag.kind == SAFEGUARDING and _writer_harmed(text, flag))
    if flag.about_other is False or writer_hurt:
        return "self", None
    if flag.about_other is None and not carer:
        return None, None
    relation = _RELATION.search(text)
    name = tracker.get_slot("preferred_name") if carer else None
    if relation is not None and not (name and relation.group(2)):
        return "other", f"your {(relation.group(1) or relation.group(2)).lower()}"
    # "he says he can't go on like this" from a daughter writing for her mum: someone else, not mum
    said_of = pronouns.from_words(text)
    theirs = {"her": "she", "him": "he"}.get(tracker.get_slot("them") or "")
    if said_of and theirs and said_of != theirs:
        name = None
    return "other", name or "the person you're telling me about"


# The writer as the one harmed, in the words a safeguarding rule matched: "my son keeps MY
# bank card", "he shouts at ME". (The subject of such a message is the one doing the harm, so
# the parse's subject can't say who is at risk.) Not "my mum", nor "nobody can tell me how".
_HARMED_WRITER = re.compile(
    r"\bmy (?!(?:mum|mom|mam|mother|dad|father|wife|husband|partner|nan|gran|grandma|grandad|son|daughter"
    r"|brother|sister|grandson|granddaughter|friend|neighbour|aunt|auntie|uncle|little|baby|kids?|child"
    r"|children|boy|girl|grandkids|grandchildren|\d+)\b)"
    r"|\b(?:i|i'?m|im|myself)\b|(?<!tell )(?<!told )(?<!ask )(?<!asked )\bme\b",
    re.I,
)


def _writer_harmed(text: str, flag: RedFlag) -> bool:
    return bool(_HARMED_WRITER.search(text[flag.span[0] : flag.span[1]]))


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
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    flag: RedFlag,
    text: str,
    saved_text: str,
    *,
    kept: list[int] | None = None,
) -> list[EventType]:
    """Say the help for the flag, record every kind found, and pause for an emergency.

    An emergency is said alone: 999 now, with no crisis or 111 lines to muddle it
    (an overdose is recorded as a crisis too, for the care team). A kind already
    signposted in full in this conversation gets its short line, not the script again.
    ``kept``: flags already recorded for these words (at a check-in that keeps its
    note): the new words are added to them instead of a second note.
    """
    about, who = who_it_is(text, flag, tracker)
    if flag.kind == SAFEGUARDING and _a_child(tracker, text, about):
        flag = replace(flag, label=CHILD)  # children's social care, the NSPCC and Childline
    events: list[EventType] = [SlotSet("red_flag", flag.kind), SlotSet(ABOUT, about), SlotSet(WHO, who)]
    said = list(tracker.get_slot(SAID) or [])
    to_say = (EMERGENCY,) if EMERGENCY in flag.kinds else flag.kinds
    in_full = False
    for kind in to_say:
        key = _said_key(kind, flag.label)
        if key in said and kind != EMERGENCY:
            child = "_child" if kind == SAFEGUARDING and flag.label == CHILD else ""
            dispatcher.utter_message(response=f"utter_red_flag_again_{kind}{child}")
            continue
        dispatcher.utter_message(response=response_for(kind, flag.label, about), flag_who=who)
        said.append(key)
        in_full = True
    listen_first = in_full and CRISIS in flag.kinds and EMERGENCY not in flag.kinds
    if listen_first and names_means(text):  # "I have the tablets saved"
        means = "utter_crisis_means_other" if about == "other" else "utter_crisis_means"
        dispatcher.utter_message(response=means, flag_who=who)
    if in_full:
        noted = "utter_flag_noted_listening" if listen_first else "utter_flag_noted"
        dispatcher.utter_message(response="utter_flag_noted_wait" if EMERGENCY in flag.kinds else noted)
    if kept:
        _add_news(kept, saved_text)
        ids, more = kept, []
    else:
        ids, more = _record(tracker, flag.kinds, saved_text)
    events += more
    events += [SlotSet(LAST_FLAGS, ids or None), SlotSet(SAID, said)]
    after = PAUSED if EMERGENCY in flag.kinds else (LISTENING if listen_first else None)
    return _kept(tracker, after, *events)


def _a_child(tracker: Tracker, text: str, about: str | None) -> bool:
    """Is the one at risk a child (careplan.safety.child_at_risk), by the ages told: the date of
    birth kept is the person's the plan is for; a carer may say their age ("she's 7"), and a
    writer their own in passing ("im 15"), kept in slots as they are said (``ages_told``)."""
    carer = tracker.get_slot("for_whom") == CARER
    kept = identity.age_from(tracker.get_slot("date_of_birth"), clock.today())
    own = identity.own_age(text) or tracker.get_slot(OWN_AGE)
    if carer and tracker.get_slot("young_carer"):
        own = min(own or ADULT_AGE - 1, ADULT_AGE - 1)
    if not carer:
        return child_at_risk(text, about, subject_age=None, writer_age=kept if kept is not None else own)
    told = age_of_them(text) or tracker.get_slot(THEIR_AGE)
    return child_at_risk(text, about, subject_age=kept if kept is not None else told, writer_age=own)


def ages_told(tracker: Tracker, text: str) -> list[EventType]:
    """The writer's own age said in passing ("im 15 btw"), and the age said of the person written
    about ("her mum. shes 7"), kept for a safeguarding reply later (the tracker an action gets holds
    only the last few messages)."""
    events: list[EventType] = []
    for slot, age in ((OWN_AGE, identity.own_age(text)), (THEIR_AGE, age_of_them(text))):
        if age is not None and age != tracker.get_slot(slot):
            events.append(SlotSet(slot, age))
    return events


def _said_before(tracker: Tracker, flag: RedFlag) -> bool:
    return _said_key(flag.kind, flag.label) in (tracker.get_slot(SAID) or [])


def response_for(kind: str, label: str, about: str | None) -> str:
    """The response to send. Chosen here, not by a slot condition in domain.yml:
    Rasa picks a conditional variant from the slots as they were before this
    action, and these are decided in this very action."""
    if kind == EMERGENCY and label:
        return f"utter_red_flag_emergency_{label}"
    if kind == URGENT and label:
        return f"utter_red_flag_urgent_{label}"
    if kind == SAFEGUARDING and label:  # a child at risk, a carer hurt, bruises kept from someone
        return f"utter_red_flag_safeguarding_{label}"
    if kind in {CRISIS, URGENT, SAFEGUARDING} and about == "other":
        return f"utter_red_flag_{kind}_other"
    return f"utter_red_flag_{kind}"


def check_in_answer(text: str) -> str:
    """ "fine", "safe", "coping", "unclear" or "risk". "Neither, it's a figure of speech" says the
    check-in misread them; "no, just tired" is safe; "it's hard to cope" is coping. A reply that
    names the writer or any yes ("myself", "maybe", "I might do something") is risk: signposting
    that wasn't needed is kinder than help that didn't come. One that answers neither question
    ("I don't know", "can we move on", the garden) is "unclear": the Samaritans' number, no flag."""
    if _FINE.search(text) and not _RISK.search(text.replace("neither", "")):
        return "fine"
    rest = _NOT_RISK.sub(" ", _KILL_ME_IDIOM.sub(" ", text))  # what is left once the no is said
    if (_NOT_RISK.search(text) or _COPING.search(text)) and not _RISK.search(rest):
        return "coping" if _HARD.search(text) else "safe"
    if _RISK.search(text) or _NAMES_THE_RISK.search(text.replace("don't know", "")):
        return "risk"
    return "unclear"


def only_protest(text: str, kind: str | None, flagged: str = "") -> bool:
    """Does this message protest the last red-flag reply ("nobodys hurting me"), with no new red
    flag beside the protest ("nobody hits me. but he takes my pension every week" is a new one)?
    ``flagged``: the words that raised the flag (a 111 sign "like always" must be the one flagged)."""
    spans = protest_spans(text, kind, flagged)
    if not spans:
        return False
    flag = detect(text)
    return flag is None or _within(flag.span, spans)


def pushback_spans(text: str) -> list[tuple[int, int]]:
    """The sentences that push back against a safety reply ("please stop saying that")."""
    return sentence_spans(text, _PUSHBACK)


def _within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _said_key(kind: str, label: str) -> str:
    return f"{kind}:{label}" if kind == EMERGENCY or label else kind


def asks_which_number(text: str) -> bool:
    """ "Should I ring 999 or 111?" (not "I rang 111 last week")."""
    asked = _QUESTION.search(text) or re.search(r"\b(?:which|difference|or|vs|versus)\b", text, re.I)
    return bool(_WHICH_NUMBER.search(text)) and bool(asked)


def pause_reply(text: str, label: str = "", *, waved_away: bool = False) -> tuple[str, bool]:
    """While paused: the response for this message, and whether the pause is over.

    "I'm OK now" ends it ("I'm glad" only when nothing in it is bad news); "they've
    taken her in" ends it too, kindly; "I want to stop for now" ends it and the chat
    stops (``_stop`` replies); "999 or 111?", "what do I tell them?", "the paramedics
    are here" and other questions get their own calm line; anything else the usual
    "do what the call handler says". "My son is driving me to A&E" gets 999 rather
    than a car. The emergency waved away before anyone checked ("it's just
    indigestion", "it's gone off") keeps the pause with a firm line for ``label``;
    once it has been (``waved_away``), wanting to carry on ends the pause without "I'm glad".
    """
    if asks_which_number(text):  # "should I ring 999 or 111? he says he's fine": not over
        return "utter_emergency_which_number", False
    if no_voice_phone(text):  # "I can't speak on the phone": how to reach 999 without a voice
        return "utter_emergency_no_voice", False
    if _WHAT_TO_SAY.search(text):
        return "utter_emergency_what_to_say", False
    if driven_in(text):
        return "utter_emergency_driving", False
    still_going = _STILL_GOING.search(text)
    stop = "_stop" if _STOP.search(text) else ""
    if stop and _HELP_HERE.search(text):  # "the ambulance is here, I have to go"
        return "utter_emergency_help_here_stop", True
    taken_in = _TAKEN_IN.search(text)
    if label == "choking" and _CHOKING_CLEARED.search(text) and _WELL_AGAIN.search(text) and not still_going:
        return "utter_emergency_over_choking" + stop, True
    if not (still_going or taken_in or waved_away) and played_down(text):
        if stop:  # "it's just indigestion, I have to go": stopping is honoured, with the firm line
            return "utter_emergency_waved_away_stop", True
        return "utter_emergency_waved_away" + (f"_{label}" if label in WAVED_AWAY_LABELS else ""), False
    if (taken_in or _RESUME.search(text)) and not still_going:
        news = taken_in or _BAD_NEWS.search(text)
        if waved_away and not (news or stop or checked(text)):
            return "utter_emergency_over_waved_away", True
        return ("utter_emergency_over_news" if news else "utter_emergency_over") + stop, True
    if stop and not still_going:
        return "utter_emergency_over_stop", True
    if _HELP_HERE.search(text):
        return "utter_emergency_help_here", False
    if moved_on(text):  # an answer to the form again, nothing of the emergency in it: kept as one
        return MOVED_ON, True
    if _QUESTION.search(text):
        return "utter_emergency_question", False
    return "utter_emergency_waiting", False


def handle(dispatcher: CollectingDispatcher, tracker: Tracker, text: str, *, button: bool) -> list[EventType]:
    """The safety part of one turn: returns the events to apply."""
    state = tracker.get_slot(STATE)
    listening = state == LISTENING
    if state in {HOLD, STOPPED, LISTENING}:
        state = None
    last_flags = tracker.get_slot(LAST_FLAGS)

    if not button and tracker.get_slot(ABOUT) == "other" and about_the_writer(text):
        if state == CHECKIN:
            return _check_in_the_writer(dispatcher, tracker)
        if last_flags:
            return _the_writer_at_risk(dispatcher, tracker, text, last_flags)
    # "no im not having one now!! i was describing what happens": the pause misread them (tester s29)
    said_wrong = not button and last_flags and (misread(text) or (state == PAUSED and not_happening(text)))
    # "take it off", "delete that note" just after a flag reply: the note, never a goal
    take_off = not button and last_flags and "remove" in {taken_back(text), about_the_note(text)}
    kind = tracker.get_slot("red_flag")
    flagged = previous_message(tracker) or ""
    protested = not button and only_protest(text, kind, flagged)
    # "nobody hurts her, the carers are lovely": an answer said beside the denial
    besides = protested and protest_besides(text, kind, flagged)
    if protested and not last_flags and besides:
        protested = False  # a turn or more after the flag: the answer to the question open now
    elif protested and not last_flags and (earlier := _unmarked_or_any(tracker)) is not None:
        # "you flagged me like im abusing my dad" a turn after "nobody is hurting him" (tester s31,
        # Dev): still a protest about the flag, never a new flag nor an answer
        last_flags = earlier
    if said_wrong or (protested and last_flags):
        # "nobody's hurting me", "it's been like that for months, the nurse knows": the reply
        # misread them, as much as "that's not what I meant"; a flag in the denial is no new flag
        _mark_misunderstood(last_flags, text)
        # "forget I said that" takes the words back rather than saying the bot misread them:
        # an honest answer (the note stays, marked, and sharing is their choice), not "I got that wrong"
        retracted = _RETRACT.search(text) and not _MISREAD_WORDS.search(text)
        reply = "utter_safety_taken_back" if retracted else "utter_safety_misunderstood"
        reply = reply if said_wrong else "utter_safety_protest"
        if not retracted and about_the_note(text):
            reply += "_note"  # "...can u take that note off": what happens to the note, said too
        elif reply == "utter_safety_misunderstood" and _WORN_OUT.search(text):
            reply += "_tired"  # "I don't mean that. I mean I'm worn out": a kind word for that too
        elif reply == "utter_safety_protest" and kind == URGENT and asks_whether_to_act(text):
            reply += "_urgent"  # "should i call them then? ... nothing new": no, unless it changes
        answered = reply == "utter_safety_protest" and besides and not listening
        dispatcher.utter_message(response=f"{reply}_kept" if answered else reply)
        # "nobody hurts him, he loves the day centre": sorry, and the answer is kept; else asked again
        return _kept(
            tracker, None if answered else HOLD, SlotSet(LAST_FLAGS, None), SlotSet("red_flag", None)
        )
    if take_off:
        _mark_misunderstood(last_flags, text)
        dispatcher.utter_message(response="utter_safety_taken_back")
        return _kept(tracker, HOLD, SlotSet(LAST_FLAGS, None), SlotSet("red_flag", None))
    if not button and state not in {PAUSED, CHECKIN} and (note := _note_question(dispatcher, tracker, text)):
        return note

    flag = None if button else detect(text, *intent_of(tracker))
    if flag is not None and _a_worry_asked_for(tracker, flag, text):
        flag = None  # "chest thing. and having anothr strok" at "Is anything worrying you?" (tester33)
    pushback = [] if button or not last_flags or state == PAUSED else pushback_spans(text)
    if pushback and (flag is None or _within(flag.span, pushback)):
        # "I'm not going to do anything. Please stop saying that." Say sorry once; the
        # flags stay ready to be marked; a message that is only the pushback is no answer.
        dispatcher.utter_message(response="utter_safety_pushback")
        rest = "".join(
            m.group() for m in SENTENCE.finditer(text) if not _within((m.start(), m.end()), pushback)
        )
        answered = content_words(rest) and not listening
        return _kept(tracker, None if answered else HOLD, SlotSet("red_flag", None))

    if flag is None and not button and state is None and kind == URGENT and asks_whether_to_act(text):
        # "do i need to ring someone? its just my hands being stiff like always" after a 111 reply about
        # an ulcer: yes, for what was flagged; never a question for the care team
        dispatcher.utter_message(response="utter_urgent_still_check")
        return _kept(tracker, HOLD, SlotSet(LAST_FLAGS, None), SlotSet("red_flag", None))
    if flag is None and not button and state is None and not listening and kind in HEARD_AFTER:
        asked = catalogue().get(tracker.get_slot("requested_slot") or "")
        rest = signpost_reply(text) if asked is not None and asked.kind == "text" else None
        if rest is not None:
            # "Thank you. I will phone the council. We can continue", "i dont really want to get him in
            # trouble": heard kindly, never an answer; what else they said is (the form takes it,
            # ``replied_to_signpost``), or the same question again (set7_04, set13_06)
            dispatcher.utter_message(response=f"{SIGNPOST_HEARD}_{kind}")
            cleared = SlotSet(LAST_FLAGS, None), SlotSet("red_flag", None)
            return _kept(tracker, None if rest else HOLD, *cleared)

    if flag is None and not button and state is None and said_last_turn(tracker, "utter_emergency_check_new"):
        # The answer to "Is this new today?" (a weak arm after a stroke), never the form's answer: "no
        # its from strok last yr. not new" thanked and the same question again; "yes it only started
        # this morning" is a stroke now: 999
        new = new_since_stroke(text)
        if new is False:
            dispatcher.utter_message(response="utter_emergency_check_not_new")
            return _kept(tracker, HOLD)
        if new:
            earlier = previous_message(tracker) or ""
            flag = RedFlag(kind=EMERGENCY, rule="stroke_new_today", label="stroke")
            return _signpost(dispatcher, tracker, flag, earlier, f"{earlier}\n(asked if it is new) {text}")

    if state == CHECKIN:
        # the answer to the check-in, not to the form's question: it decides
        clear = flag is not None and not flag.check_in
        reading = "risk" if clear else check_in_answer(text)
        if reading in {"risk", "unclear"} and misread(text):
            reading = "fine"  # "that's not what I meant": the check-in misread them
        if reading != "risk":
            dispatcher.utter_message(response=f"utter_check_in_{reading}")
            # "getting her leg healed so she can walk to the temple": the one thing, told as if it
            # had been asked; the form takes it (set17_02)
            told = reading == "unclear" and _one_thing_told(tracker, text)
            return _kept(tracker, None if told else HOLD, SlotSet(CHECKIN_TEXT, None))
        earlier = tracker.get_slot(CHECKIN_TEXT) or ""
        if flag is None or flag.check_in:
            about_other = tracker.get_slot(ABOUT) == "other" or None
            flag = RedFlag(kind=CRISIS, rule="check_in", about_other=about_other)
        answer = f"{earlier}\n(asked what they meant) {text}"
        signposted = _signpost(dispatcher, tracker, flag, earlier, answer, kept=last_flags)
        listening_now = SlotSet(STATE, LISTENING) in signposted  # a crisis said in full: heard first
        after = PAUSED if EMERGENCY in flag.kinds else (LISTENING if listening_now else HOLD)
        return [*signposted, SlotSet(STATE, after), SlotSet(CHECKIN_TEXT, None)]

    if state == PAUSED and flag is not None and flag.kind == EMERGENCY and is_outcome(text):
        flag = None  # "they've taken her in, they think it's sepsis": news of this emergency, not a new one
    events: list[EventType] = []
    said = list(tracker.get_slot(SAID) or [])
    label, waved_away = emergency_label(tracker) or "", WAVED_AWAY in said
    # While paused, one reading of the message gives the reply (below) and says whether it is
    # news of the emergency: an answer to the questions again (MOVED_ON) is not
    paused = None
    if state == PAUSED and not button and (flag is None or flag.check_in):
        paused = pause_reply(text, label, waved_away=waved_away)
        if paused[0] != MOVED_ON:
            _add_news(last_flags, text)
        if flag is not None and flag.rule == "model" and (paused[1] or played_down(text)):
            flag = None  # "I'm not ill now, I just want to finish this": the chat, not a crisis heard
    if flag is None and state is None and not button and asks_which_number(text):
        dispatcher.utter_message(response="utter_which_number")
        return _kept(tracker, HOLD)
    if flag is not None and flag.check_in:
        if paused and paused[0].startswith("utter_emergency_over"):
            # "they've taken her in. I'm on my own now. I can't go on like this": the
            # emergency is in other hands; how they are comes first now.
            dispatcher.utter_message(response="utter_emergency_over_news")
        about, who = who_it_is(text, flag, tracker)
        quote = _quote(text, flag)
        response = "utter_check_in_other" if about == "other" else "utter_check_in"
        dispatcher.utter_message(response=response, checkin_words=quote, flag_who=who)
        # "I skip my insulin on purpose to lose weight": noted for the care team whatever the
        # answer (and "that's not what I meant" can mark it); other check-ins note only a risk
        kept: list[int] = []
        events = []
        if flag.keep:
            kept, events = _record(tracker, flag.kinds, text)
            dispatcher.utter_message(response="utter_flag_noted_check_in")
        return _kept(
            tracker, CHECKIN, *events, SlotSet(CHECKIN_TEXT, text), SlotSet(ABOUT, about), SlotSet(WHO, who),
            SlotSet(LAST_FLAGS, kept or None),
        )  # fmt: skip
    if flag is not None and flag.kind == EMERGENCY and state != PAUSED and _said_before(tracker, flag):
        if _QUESTION.search(text):
            # "will this overdose have hurt her kidneys?": about the emergency that is over
            dispatcher.utter_message(response="utter_red_flag_again_emergency")
            return _kept(tracker, state)
        if not _AGAIN_NOW.search(text):
            # "the chest pain, and now I'm scared to do anything after today": the same kind of
            # emergency, told once it is over, is a worry about it, kept as the answer; not 999
            # again unless it is back now (tester C round 4, P16: 999 four times for one event)
            dispatcher.utter_message(response="utter_emergency_worry_after")
            return _kept(tracker, state)
    elif flag is not None and flag.label == "stroke" and after_a_stroke(tracker, text, flag.span):
        # "her right hand is weak" from someone who said she had a stroke in August
        dispatcher.utter_message(response="utter_emergency_check_new")
        if flag.beside:  # "hand weak. and chest gets tight when i dig": the chest's own 111 words too
            lived_with = replace(flag, kind=URGENT, label=flag.beside, also=())
            return _signpost(dispatcher, tracker, lived_with, text, text)
        return _kept(tracker, state)
    if state != PAUSED and not button and (flag is None or (flag.kind == URGENT and not flag.label)):
        flag = _infection_told_before(text, tracker) or flag
    if flag is not None:
        events = _signpost(dispatcher, tracker, flag, text, text)
        infection = flag.rule in {"infection_signs", "infection_in_context"}
        if infection and INFECTION_SEEN not in (tracker.get_slot(SAID) or []):
            said = next(e["value"] for e in events if e.get("name") == SAID)
            events.append(SlotSet(SAID, [*said, INFECTION_SEEN]))
        if flag.rule.endswith("_in_context") and not answers_a_medical_question(tracker, text):
            events.append(SlotSet(STATE, HOLD))  # "I feel shivery tonight" answers no question: asked again
        elif listening and CRISIS in flag.kinds and EMERGENCY not in flag.kinds:
            events.append(SlotSet(STATE, LISTENING))  # still no question: what they say is heard first
        return events

    if state is None and not button and emergency_label(tracker) is not None and back_on(text):
        return _emergency_back_on(dispatcher, tracker, text)
    if state is None and not button and emergency_label(tracker) is None and help_called_now(text):
        return _help_called(dispatcher, tracker, text)
    if tracker.get_slot("red_flag"):
        events.append(SlotSet("red_flag", None))
    if listening:
        return _after_crisis(dispatcher, tracker, text, *events, button=button)
    if state is None and not button and (question := safety_question(text)):
        # "is that safeguarding? who do I report it to?", "is it safe to keep driving while I'm
        # dizzy?": answered now, not deferred to the appointment; then the same question again
        # (at "questions for your care team" it is kept as one of them too)
        dispatcher.utter_message(response=f"utter_safety_question_{question}")
        return _kept(tracker, None if tracker.get_slot("requested_slot") == "questions" else HOLD, *events)
    if state == PAUSED:
        response, over = paused or (None, False)
        dispatcher.utter_message(response=response or "utter_emergency_waiting")
        if over:
            # stopping: no question; moved on: this message is the answer; otherwise asked again
            after = (
                STOPPED if response and response.endswith("_stop") else None if response == MOVED_ON else HOLD
            )
            kept_said = [SlotSet(SAID, [k for k in said if k != WAVED_AWAY])] if waved_away else []
            return _kept(tracker, after, SlotSet(LAST_FLAGS, None), *kept_said, *events)
        if response and response.startswith("utter_emergency_waved_away"):
            events.append(SlotSet(SAID, [*said, WAVED_AWAY]))
        return _kept(tracker, PAUSED, *events)
    if last_flags:
        events.append(SlotSet(LAST_FLAGS, None))
    return _kept(tracker, state, *events)


def _one_thing_told(tracker: Tracker, text: str) -> bool:
    """Does a reply to the check-in, at the one thing, name one of the plan's goals by its own words?"""
    if tracker.get_slot("requested_slot") != "one_thing":
        return False
    return match_goal(text, plan_goals(tracker.slots), said_about=False) is not None


def replied_to_signpost(tracker: Tracker) -> bool:
    """Did this message reply to the last signpost (``SIGNPOST_HEARD`` said to it this turn)? Then the
    form keeps only what it says besides (``emergency_talk.signpost_reply``)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and str((event.get("metadata") or {}).get("utter_action")).startswith(
            SIGNPOST_HEARD
        ):
            return True
    return False


def _the_writer_at_risk(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, flag_ids: list[int]
) -> list[EventType]:
    """ "what? im talking about me" just after a reply about someone else (tester s32: "they'd be
    better off without me" got "the person you're telling me about may be at risk", then "Let's
    carry on"): a sorry, the writer's own help, and their words on the note for the care team."""
    kind = tracker.get_slot("red_flag") or CRISIS
    dispatcher.utter_message(response="utter_safety_it_is_you")
    dispatcher.utter_message(response=response_for(kind, "", "self"))
    _add_news(flag_ids, text)
    heard_first = LISTENING if kind == CRISIS else HOLD
    return _kept(tracker, heard_first, SlotSet(ABOUT, "self"), SlotSet(WHO, None))


def _check_in_the_writer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """ "no its me not her" to a check-in about someone else: the same question, about the writer."""
    earlier = tracker.get_slot(CHECKIN_TEXT) or ""
    flag = detect(earlier)
    dispatcher.utter_message(response="utter_safety_it_is_you")
    quote = _quote(earlier, flag) if flag is not None else earlier
    dispatcher.utter_message(response="utter_check_in", checkin_words=quote)
    return _kept(tracker, CHECKIN, SlotSet(ABOUT, "self"), SlotSet(WHO, None))


def _mark_misunderstood(flag_ids: list[int], text: str) -> None:
    """Mark these flags "the person said this was misunderstood", with their words and the time."""
    try:
        for flag_id in flag_ids:
            store().mark_misunderstood(flag_id, text, datetime.now(timezone.utc).replace(tzinfo=None))
    except StoreUnavailable:
        logger.warning("care-plan store unavailable; 'misunderstood' note not saved")


def _unmarked_or_any(tracker: Tracker) -> list[int] | None:
    """This chat's flags not yet marked misunderstood (all of them if every one is); None when it
    has none, or the store can't say."""
    try:
        notes = store().flag_notes(tracker.sender_id)
    except StoreUnavailable:
        logger.warning("care-plan store unavailable; a protest about an earlier flag not read")
        return None
    return [flag_id for flag_id, marked in notes if not marked] or [flag_id for flag_id, _ in notes] or None


def _note_question(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list[EventType] | None:
    """ "Did u take the note off tho", "is the note still on my plan?", "please take that note away",
    at any point after a flag: an honest answer, never an answer to the question (tester s28: one
    was kept as a question for the GP, others got the numbers again, and Kai would not share).

    The note stays (issue 13); wanted gone, it is marked "the person said this was misunderstood"
    with their words, if it is not already. None when the message names no note, the chat has
    none, or a new red flag is said beside the question ("is the note gone? I still want to die")."""
    asked = about_the_note(text)
    if asked is None:
        return None
    flag = detect(text, *intent_of(tracker))
    if flag is not None and not _within(flag.span, [*note_spans(text), *pushback_spans(text)]):
        return None
    try:
        notes = store().flag_notes(tracker.sender_id)
    except StoreUnavailable:
        logger.warning("care-plan store unavailable; a question about the note not answered")
        return None
    if not notes:
        if not names_a_safety_note(text):
            return None
        # "is that safeguarding thing on there?" where none was made: say so, never the numbers
        dispatcher.utter_message(response="utter_note_none")
        return _kept(tracker, HOLD, SlotSet("red_flag", None))
    unmarked = [flag_id for flag_id, marked in notes if not marked]
    if asked == "remove" and unmarked:
        _mark_misunderstood(unmarked, text)
        reply = "utter_safety_misunderstood_note" if note_said_wrong(text) else "utter_safety_taken_back"
    else:
        reply = "utter_note_still_there" if unmarked else "utter_note_marked"
    dispatcher.utter_message(response=reply)
    return _kept(tracker, HOLD, SlotSet(LAST_FLAGS, None), SlotSet("red_flag", None))


def emergency_label(tracker: Tracker) -> str | None:
    """The label of the last emergency signposted in this chat ("stroke"; "" if it had none),
    or None if there was none."""
    keys = [k for k in tracker.get_slot(SAID) or [] if k.startswith(f"{EMERGENCY}:")]
    return keys[-1].split(":", 1)[1] if keys else None


def _emergency_back_on(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list[EventType]:
    """After the chat carried on, the emergency again: "the pain is worse now and he's calling an
    ambulance", "the ambulance is here". It pauses again, and the words go on its flag, never into
    an answer (tester_d P07: an ambulance stored as a goal)."""
    over = _calm_reply(dispatcher, text, otherwise="utter_emergency_worse")
    try:
        flag_id = store().last_flag_id(tracker.sender_id, EMERGENCY)
    except StoreUnavailable:
        logger.warning("care-plan store unavailable; news of an emergency not added to its flag")
        flag_id = None
    ids = [flag_id] if flag_id is not None else None
    _add_news(ids, text)
    return _kept(tracker, STOPPED if over else PAUSED, SlotSet(LAST_FLAGS, None if over else ids))


def _help_called(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> list[EventType]:
    """Help called, coming or here, with no red flag said before ("the ambulance is on its way for
    my husband", "the paramedics are here"): an emergency told by the help it called. The chat
    pauses as for one, the words go into an emergency flag for the care team, never into an answer
    (issue 13: "messages meanwhile ... are never stored as answers")."""
    over = _calm_reply(dispatcher, text, otherwise="utter_emergency_waiting")
    ids, events = _record(tracker, (EMERGENCY,), text)
    said = [*(tracker.get_slot(SAID) or []), _said_key(EMERGENCY, "")]
    return _kept(
        tracker, STOPPED if over else PAUSED, *events, SlotSet("red_flag", EMERGENCY), SlotSet(SAID, said),
        SlotSet(LAST_FLAGS, None if over else ids or None),
    )  # fmt: skip


def _calm_reply(dispatcher: CollectingDispatcher, text: str, *, otherwise: str) -> bool:
    """Help here, or a car to A&E, gets its own calm line, anything else ``otherwise``; True when
    the person is leaving ("the ambulance is here, I have to go")."""
    response, over = pause_reply(text)
    calm = {"utter_emergency_help_here", "utter_emergency_help_here_stop", "utter_emergency_driving"}
    dispatcher.utter_message(response=response if response in calm else otherwise)
    return over


def _after_crisis(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, *events: EventType, button: bool
) -> list[EventType]:
    """The message after a crisis was signposted in full, with no question asked: "can I write to
    someone? my English" gets the ways to reach help in writing (and still no question); anything
    else, the questions carry on (the message is not an answer: no question was open)."""
    if not button and (asks_in_writing(text) or no_voice_phone(text)):
        dispatcher.utter_message(response="utter_crisis_in_writing")
        return _kept(tracker, LISTENING, *events)
    if not button:
        dispatcher.utter_message(response=f"{SIGNPOST_HEARD}_{CRISIS}")
    return _kept(tracker, HOLD, *events, SlotSet(LAST_FLAGS, None))


def _add_news(flag_ids: list[int] | None, text: str) -> None:
    """What is told during an emergency pause ("they've taken him in, they think it was a
    TIA") is added to the emergency's flag with the time, so the care team sees how it ended."""
    if not flag_ids:
        return
    try:
        store().add_flag_news(flag_ids[0], text, datetime.now(timezone.utc).replace(tzinfo=None))
    except StoreUnavailable:
        logger.warning("care-plan store unavailable; news of an emergency not added to its flag")


def is_outcome(text: str) -> bool:
    """During a pause: does the message tell how the emergency went ("they've taken her in,
    they think it's sepsis")? Its illness words name what was signposted, not a new emergency.
    "I'm OK now but he's got chest pain" is not: nobody has taken him in or found anything."""
    _, over = pause_reply(text)
    return over and bool(_TAKEN_IN.search(text) or _REPORTED.search(text))


def answers_a_medical_question(tracker: Tracker, text: str) -> bool:
    """Is a sign told across messages also the answer to the open question? At a question where
    health belongs (``medical`` in the catalogue: what gets in the way, what would help, worries)
    "the ulcer's weeping and smells, so I don't go out" is a barrier too and is kept, as every
    other tier's is (issue 13 item 4); a question back ("is that normal?"), or the same sign at
    "what does a good day look like?", answers nothing and the question is asked again. At the
    goal question, a goal told with the sign in it is the goal."""
    asked = tracker.get_slot("requested_slot")
    if _QUESTION.search(text):
        return False
    # "I should like to walk to chapel without my leg weeping through the bandage" at "What would
    # you like to be able to do?" is the goal, with the sign in it (set9_01)
    return asked in MEDICAL_WELCOME or (asked in GOAL_WORDS and tells_a_wish(text))


def _infection_told_before(text: str, tracker: Tracker) -> RedFlag | None:
    """``infection_in_context`` with what this chat already holds (slots only: no scan)."""
    context = " ".join(str(tracker.get_slot(key) or "") for key in ("appointment_reason", "goal_text"))
    seen = INFECTION_SEEN in (tracker.get_slot(SAID) or [])
    return infection_in_context(text, context, seen_infection=seen)


def infection_in_context(text: str, context: str, *, seen_infection: bool) -> RedFlag | None:
    """An infected wound, or possible sepsis, told across messages: urgent (NHS 111), never 999.

    ``context`` is what the plan already says (the appointment's reason, the goal);
    ``seen_infection`` says an infected wound was signposted earlier in this chat.
    "It smells and it's gone red up to the ankle" with "my foot ulcer" before is an
    infected wound; feeling shivery and hot on top of that could be sepsis.
    """
    if _HEALING.search(text):
        return None
    wound = bool(_WOUND.search(text) or _WOUND.search(context))
    infected = wound and bool(_LOOKS_INFECTED.search(text))
    if _FEVERISH.search(text) and (infected or seen_infection):
        return RedFlag(kind=URGENT, rule="sepsis_in_context", label="sepsis")
    if infected:
        return RedFlag(kind=URGENT, rule="infection_in_context")
    return None


def _a_worry_asked_for(tracker: Tracker, flag: RedFlag, text: str) -> bool:
    """An emergency only the learned model hears, or one beside a fear of it coming again ("chest
    pains. and having another stroke"), said in answer to a question that asks for a worry, with
    nothing saying now: the worry itself, kept as the answer, not a 999 reply (any other pattern
    rule's emergency, or "right now", still is)."""
    asked = catalogue().get(tracker.get_slot("requested_slot") or "")
    worry = asked is not None and asked.asks_a_worry
    feared = flag.rule == "model" or fears_another(text)  # "chest pains. and having another stroke"
    return worry and flag.kind == EMERGENCY and feared and not now_said(text)


def after_a_stroke(tracker: Tracker, text: str, span: tuple[int, int] | None = None) -> bool:
    """Stroke signs from someone who told us of a stroke before, with nothing saying it's new now.

    Read for now in the sentence of the sign (``span``): "dig veg bed again. left hand weak" has
    "again" in the goal, not in the weakness (tester33, Elaine)."""
    told = next((m.group() for m in SENTENCE.finditer(text) if span and m.start() <= span[0] < m.end()), text)
    if now_cue(told):
        return False
    earlier = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][:-1]
    return any(names_past_stroke(t) for t in [*earlier, tracker.get_slot("appointment_reason") or ""])
