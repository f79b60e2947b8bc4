"""How people talk around a red flag once it has been answered (read by actions/safety_turn.py).

The detector (careplan/safety.py) finds a red flag in one message. These read
the messages that follow it, which are about that flag rather than new ones:

- ``played_down``: "honestly it's just indigestion, can we carry on", "it's gone
  off now": an emergency waved away before anyone has checked. The NHS says to
  call 999 for stroke signs even if they go away, and chest pain that stops
  still needs checking, so this is not the same as "I'm OK now".
- ``driven_in``: "my son is driving me to A&E": a car instead of an ambulance.
- ``back_on``: "the pain is worse now and he's calling an ambulance", "the
  ambulance is here": the emergency again, after the chat had carried on.
- ``help_called_now``: "the ambulance is on its way for my husband", with no red
  flag said before: an emergency told by the help it called.
- ``protest``: "nobody's hurting me", "why did u say that??", "it's been like
  that for months, the nurse knows": the reply misread them.
- ``asks_in_writing``: "can I write to someone? my English": help without a call.
- ``names_means``: "I have the tablets saved": a way to hurt themselves, at hand.
- ``moved_on``: "Maybe talking to someone. The pastor has offered.": an answer to the
  form again, with nothing of the emergency in it; the pause is over.
- ``not_happening``: "no im not having one now!! i was describing what happens": during an
  emergency pause, the bot misread talk about it; the pause ends with a sorry (session 29).
- ``about_the_note``: "did u take the note off tho", "is the note still on my plan?",
  "please take that note away": the note the bot made for the care team, asked about or
  wanted gone, at any point after it was made (session 28). Never an answer.
- ``note_said_wrong``: "that note was a mistake", "the note is wrong": the note said to misread
  them, as much as "that's not what I meant" (session 31).
- ``signpost_reply``: "Thank you. I did not think like this. I will phone the council. We can
  continue": the reply to a safeguarding, 111 or crisis signpost, never an answer; what else the
  message says is (session 32).
- ``about_the_writer``: "what? im talking about me", "no its me not her": a reply about someone
  else put right, the writer is the one at risk (session 32).
- ``new_since_stroke``: the answer to "Is this new today?", asked of a weak arm or slurred speech
  after a stroke was told: "no its from strok last yr. not new" is old, "yes it only started this
  morning" is new (session 34).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from careplan.interpret import yes_no
from careplan.listen import asks_to_carry_on, content_words, only_thanks, plays_down, says_something
from careplan.nlp import parse
from careplan.safety import names_past_stroke, now_cue
from careplan.vocab import CRISIS, URGENT

# The signs have gone or eased, or are put down to something harmless.
_GONE = re.compile(
    r"\b(?:gone off|gone away|gone now|went away|worn off|wore off|eased(?: off| up)?|settled(?: down)?"
    r"|back to normal|passed now|(?:it'?s|its|it has|it) (?:passed|stopped|cleared|gone)"
    r"|(?:fine|better|ok|okay|alright) now|not (?:ill|poorly|unwell|bad|sick) (?:now|any ?more))\b",
    re.I,
)
_DISMISSED = re.compile(
    r"\b(?:indigestion|heartburn|reflux|(?:trapped )?wind|gaviscon|rennies?|a pulled muscle|just tired"
    r"|probably nothing|it'?s nothing|(?:was |is )?nothing serious|not (?:that|so) bad"
    r"|(?:a|any|make a|making a) fuss|always (?:gets?|happens)"
    r"|(?:get|gets|had) (?:it|this|these) (?:all the time|before)"
    # "it's nowt", "nothing to worry about": waved away in dialect or plain words (session 23)
    r"|nowt|(?:it'?s|its|it is|it was|'?tis) (?:just )?nothing|nothing to (?:worry|fuss) about)\b",
    re.I,
)
# Someone qualified has looked ("they checked me over", "111 said it's fine"), or it was nothing
# ("false alarm"): then it is over.
_CHECKED = re.compile(
    r"\bfalse alarm\b"
    r"|\b(?:paramedics?|ambulance|crew|doctors?|gp|111|nurse|hospital|a ?& ?e|they|the call handler)"
    r"(?:'ve| have| has)? (?:been|come|checked|seen|said|say|says|think|thinks|told|reckon)\b"
    r"|\bbeen (?:checked|seen)\b|\bchecked (?:me|him|her|us|them) over\b",
    re.I,
)
# A family car to hospital, not an ambulance. (The crew "taking her in" is help arriving.)
_DRIVEN = re.compile(
    r"\b(?:driv(?:e|es|ing)|drove|run(?:ning)?|giv(?:e|es|ing) (?:me|him|her|us) a lift)\b"
    r"[^.!?]{0,25}\b(?:a ?& ?e|a and e|hospital|casualty|the hospital)\b"
    r"|\b(?:my|our|his|her) (?:\w+ ){0,2}(?:is|'s|are|'re|will|'ll) (?:tak(?:e|ing)) (?:me|him|her|us|them)"
    r" (?:to|into|in to|down to) (?:the )?(?:a ?& ?e|a and e|hospital|casualty)\b"
    r"|\bin the car\b|\b(?:we'?ll|we will|we'?re|we are|i'?ll|i will) (?:go|head|get) (?:to|down to|over to)"
    r" (?:the )?(?:a ?& ?e|a and e|hospital|casualty)\b",
    re.I,
)
# Help called, coming or here, said after the chat carried on.
_HELP_CALLED = re.compile(
    r"\b(?:ambulance|paramedics?|(?:the )?crew|999)\b[^.!?]{0,30}"
    r"\b(?:coming|on (?:its|their|the) way|here|arrived|outside|with (?:me|him|her|us))\b"
    r"|\b(?:calling|ringing|phoning|called|rang|phoned|ring|call)(?: for)? (?:an |the )?"
    r"(?:ambulance|999|paramedics)\b",
    re.I,
)
# Help called, coming or here NOW, said with no red flag before it ("the ambulance is on its way
# for my husband", "the paramedics are here", "I've just rung 999"): stricter than _HELP_CALLED,
# which is read only after an emergency was signposted in the chat.
_HELP_NOW = re.compile(
    r"\b(?:ambulance|paramedics?|(?:the )?crew|first responders?)(?:'s|'re| is| are| has| have)? "
    r"(?:just |now )?(?:on (?:its|their|the) way|coming|here|arrived|outside|at the door|pulling up"
    r"|with (?:me|him|her|us|them))\b"
    r"|\b(?:i'?ve|i have|we'?ve|we have|(?:he|she|they)'?ve|(?:he|she) has|(?:he|she)'?s) (?:just )?"
    r"(?:called|rung|rang|phoned) (?:for )?(?:an |the )?(?:ambulance|999|paramedics)\b"
    r"|\b(?:i'?m|im|i am|we'?re|we are|(?:he|she)'?s|(?:he|she) is|they'?re|they are|(?:my|our|his|her) \w+"
    r"(?:'s| is)) (?:now )?(?:calling|ringing|phoning) (?:for )?(?:an |the )?(?:ambulance|999)\b"
    r"|\bwaiting for (?:an |the )?(?:ambulance|paramedics|crew)\b",
    re.I,
)
# ...but not an ambulance talked about: a question, a what-if, something over, a job.
_HELP_NOT_NOW = re.compile(
    r"\?|\b(?:if|should|shall|would|could|in case|next time|last (?:year|month|week|time)|ago|used to"
    r"|once|when (?:he|she|i|we|they|mum|dad) (?:fell|had|was|were))\b",
    re.I,
)
# Worse, or back, now: "the pain is worse now", "it's come back, worse".
_WORSE_NOW = re.compile(
    r"\b(?:pain|it|chest|breathing|symptoms?|headache|speech|words|arm|face|bleeding)"
    r"(?:'s| is| has| are|s)? (?:got |getting |gone |much |even |a lot |so much )?worse\b"
    r"(?! (?:in|when|over|at night|these|since|if|than it was (?:last|a)))"
    r"|\b(?:pain|it|its|it'?s)(?:'s| has| is)? ?(?:come |came |coming )?back\b"
    r"[^.!?]{0,20}?\b(?:worse|now|again)\b"
    r"|\bback (?:and )?worse\b|\bworse again\b",
    re.I,
)
# After a reply that misread them: a denial of what it said, or a question about why it said it.
# "Nobody hurts her": harm by others denied, a protest only against a safeguarding reply.
_NOBODY_HARMS = (
    r"\b(?:no ?one|no-one|nobody|nobodys|nobody'?s)(?:'s| is| has| was| ever)? (?:\w+ ){0,2}?"
    r"(?:hurt\w*|hit\w*|harm\w*|abus\w*|scar\w*|bully\w*|tak\w* (?:my|her|his|our) money)\b"
)
_REPLY_DENIED = re.compile(
    r"\b(?:i'?m|im|i am|she'?s|shes|he'?s|hes|we'?re|we are|they'?re) not (?:being )?"
    r"(?:hurt|abused|harmed|in danger|at risk|suicidal|scared of (?:her|him|them))\b"
    r"|\bwhy (?:did|do|would|are|have) (?:you|u|ya) (?:\w+ ){0,2}"
    r"(?:say|said|saying|think|thinking|ask|asking)\b"
    r"|\bwhere did (?:you|u) get that\b|\bwhat (?:are|r) (?:you|u) on about\b"
    r"|\b(?:i )?(?:never|didn'?t|didnt|did not) (?:say|said|mean)"
    r" (?:that|any ?one|anything (?:about|like))\b"
    # the writer cast as the one doing harm (tester s31, Dev: "you flagged me like im abusing my dad")
    r"|\b(?:you|u)(?:'ve| have)? (?:\w+ )?(?:flagged|reported|marked|made out|making out"
    r"|made it (?:sound|look)|make it (?:sound|look)|think|thought|treat\w*)\b[^.!?]{0,25}?"
    r"\b(?:i'?m|im|i am|i was|i'?d|id|we'?re|we are|i)\b (?:\w+ )?"
    r"(?:abus\w*|hurt\w*|harm\w*|neglect\w*|hit\w*|hitting|dangerous|a danger)\b"
    r"|\b(?:that'?s|thats|that is|that was|it'?s|its) not what i (?:said|meant|wrote|typed|was saying)\b",
    re.I,
)
_DENIAL = re.compile(_NOBODY_HARMS + "|" + _REPLY_DENIED.pattern, re.I)
# After a 111 reply: the problem is old and already looked after, the very reason for the appointment.
_LONG_STANDING = re.compile(
    r"\b(?:for|since) (?:months|years|ages|(?:a few|a couple of|some|many|\w+) (?:months|years))\b"
    r"|\b(?:been|had it|had this) (?:like (?:that|this) )?(?:for )?(?:months|years|ages)\b"
    r"|\bnot (?:new|a new thing)\b|\b(?:weeks|months|years|ages) now\b",
    re.I,
)
# ...or the same as it always is (tester s31, Margaret: "its just my hands being stiff like always,
# nothing new", "same as usual, no worse", "nothing's changed, it's always like this in winter").
_AS_ALWAYS = re.compile(
    r"\b(?:like|as|same as) (?:always|usual|normal|ever)\b"
    r"|\bnothing(?:'?s| has)? (?:new|different|changed)\b|\bnot (?:any )?(?:different|worse)\b"
    r"|\bno (?:different|worse)(?: than (?:usual|normal|ever|always))?\b"
    r"|\b(?:it'?s|its|they'?re|theyre|it is|they are) always (?:like (?:this|that)|been like)",
    re.I,
)
# ...unless something has changed after all ("like always but worse today").
_CHANGED = re.compile(r"\b(?:worse|sudden\w*|spread\w*|started|new|today|tonight|now)\b", re.I)
_LOOKED_AFTER = re.compile(
    r"\b(?:nurse|doctor|gp|team|clinic|they)s? (?:is |are )?(?:already )?(?:knows?|dress\w*|treat\w*|sees?"
    r"|seeing|look\w* after|on (?:it|the case)|dealing with it)\b"
    r"|\bthat'?s what (?:the|my) (?:appointment|appt)(?:'s| is)? for\b"
    r"|\balready (?:being )?(?:treated|seen|sorted)\b",
    re.I,
)
# A sentence and its closing marks (the safety turn reads protests sentence by sentence too).
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def sentence_spans(text: str, said: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` that ``said`` finds starts and ends."""
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if said.search(m.group())]


_IN_WRITING = re.compile(
    r"\b(?:write|writing|text|texting|email|e-mail|message|chat online|online chat|type)\b"
    r"[^.!?]{0,30}\b(?:someone|somebody|any ?one|them|to|instead|number)\b"
    r"|\b(?:can|could) (?:i|we) (?:write|text|email|message|type)\b"
    r"|\b(?:someone|somebody|any ?one|number|way|where) (?:i|we) (?:can|could) (?:write|text|email|message)\b"
    r"|\b(?:don'?t|dont|do not|can'?t|cant|cannot) (?:want to |wanna )?(?:talk|speak|call|ring|phone)\b"
    r"|\b(?:not|no) (?:on )?(?:the |a )?phone\b|\btalk to phone\b",
    re.I,
)
_MEANS = re.compile(
    r"\b(?:tablets?|pills?|paracetamol|co-?codamol|sleeping tablets|medication|meds|insulin"
    r"|rope|knife|knives|blades?|razors?|gun)\b",
    re.I,
)
_HOARDED = re.compile(
    r"\b(?:sav(?:ed|ing)|hoard\w*|stockpil\w*|collect\w*|keep|kept|keeping|stash\w*|put by"
    r"|got|have|has|hidden|hiding)\b",
    re.I,
)


# Words of an emergency still going on, or of the body now: any of these keeps the pause.
_EMERGENCY_NOW = re.compile(
    r"\b(?:ambulance|paramedics?|crew|999|nine nine nine|111|a ?& ?e|a and e|casualty|hospital|call handler"
    r"|operator|emergency|breath\w*|conscious|unconscious|collaps\w*|chest|stroke|heart|bleed\w*|blood"
    r"|fit|fitting|seizure|pain|hurts?|agony|scared|frightened|terrified|panic\w*|help (?:is|'s)|get help"
    r"|need help|still|right now|just now|again|worse|better|pale|grey|gray|blue|sweat\w*|clammy|faint\w*"
    r"|dizzy|sick|vomit\w*|drowsy|confused|not making sense|awake|respond\w*|moving|speak\w*|slurr\w*"
    r"|face|arms?|numb|weak|floor|fallen|fell|lying|waiting|ringing|calling|phoning|rang|called|coming"
    r"|on (?:its|their|the) way|door|now|gone|lips|eyes|mouth|colou?r|floppy|cold|shak\w*|shiver\w*"
    r"|ok|okay|fine|alright|safe|he'?s|she'?s|he is|she is|they'?re"
    # first aid being done: "my husband is doing back slaps" (set3_03)
    r"|slaps?|cpr|compressions|chok\w*|recovery position|aspirin|gtn|spray|inhaler|epi-?pen|pulse"
    r"|lie (?:her|him|me) down|sit (?:her|him|me) up)\b"
    # happening as they type ("he is doing...", "we're keeping her warm", "she's with him"): news
    r"|\b(?:is|are|am|'s|'re|'m|im)\s+(?:\w+ly\s+)?(?:\w+ing|with (?:her|him|me|us|them))\b",
    re.I,
)
# A question put in the pause ("should I let her get up"): read per sentence.
_ASKING = re.compile(
    r"\?|\b(?:should|shall|can|do) (?:i|we)\b"
    r"|^\W*(?:what|how|why|when|where|is|will|would|could|does|has|have)\b",
    re.I,
)
# A statement long enough to be an answer to the form's question, not a word said in passing.
ANSWER_WORDS = 5


def moved_on(text: str) -> bool:
    """During an emergency pause: is this an answer to the form again, with nothing of the
    emergency in it ("Maybe talking to someone. The pastor has offered. My daughter says there
    is a bereavement group at the hospice.")? Then the pause is over and the message is the
    answer (set8_09: a false alarm held eleven answers). Any word of the emergency, of how
    someone is now, or of help ("still", "ambulance", "he's", "pale", "ok"), a question only, or
    a few words keeps the pause."""
    if _EMERGENCY_NOW.search(text):
        return False
    told = [m.group() for m in SENTENCE.finditer(text) if not _ASKING.search(m.group())]
    return len(" ".join(told).split()) >= ANSWER_WORDS


def played_down(text: str) -> bool:
    """Is an emergency waved away ("just indigestion", "it's gone off") before anyone qualified looked?"""
    if checked(text):
        return False
    return bool(_GONE.search(text) or _DISMISSED.search(text))


# During an emergency pause: nothing is happening now, the bot misread talk about it ("no im not
# having one now!! im sat on my bed. i was describing what happens in seminars", "no it's not
# happening", tester s29). Not a sign waved away ("he's not having a stroke, he's just tired"):
# that is ``played_down``, and keeps the pause.
_NOT_HAPPENING = re.compile(
    r"\b(?:i'?m|im|i am|she'?s|shes|she is|he'?s|hes|he is|they'?re|they are|we'?re|we are"
    r"|no one'?s|nobody'?s)"
    r" not (?:having|getting|in the middle of) (?:one|anything like that"
    r"|an? (?:heart attack|stroke|fit|seizure|attack|emergency|overdose|reaction|panic attack))"
    r"(?: (?:now|right now|at the moment|today|here))?\b"
    r"|\b(?:it'?s|its|it is|that'?s|thats|that is) not (?:happening|going on)\b"
    r"|\bnothing(?:'?s| is) (?:happening|going on)\b"
    r"|\b(?:i|i'?m|im|i am|i was|we were) (?:just )?(?:describing|explaining|telling you (?:about|what|how)"
    r"|talking about what|saying what) "
    # a thing lived with for years, told as what gets in the way (tester s32, Bill with COPD: "im not dying
    # you daft thing. its only on the hill. been like it years")
    r"|\b(?:i'?m|im|i am|she'?s|shes|she is|he'?s|hes|he is|we'?re|we are|they'?re) not dying\b"
    r"|\b(?:it'?s|its|it is) only (?:when|on|up|if|going|walking|climbing|doing) "
    r"|\b(?:been|had it|had this|it'?s been|its been) like (?:it|this|that) (?:for )?(?:years|ages|months)\b"
    # a worry, not an event (tester33, Elaine after "having anothr strok" got 999: "im ok. its worry
    # not now", "it's only a worry, not happening", "that's my fear, it's not now")
    r"|\b(?:it'?s|its|it is|that'?s|thats|that is|just|only)(?: only| just)?(?: a| my)?"
    r" (?:worry|worries|fear)\b"
    r"[^.!?]{0,20}\bnot (?:now|happening|today|right now)\b",
    re.I,
)


def not_happening(text: str) -> bool:
    """ "I'm not having one now", "it's not happening", "I was describing what happens": the bot
    misread talk about an emergency as one now (a sign waved away is ``played_down`` instead)."""
    return bool(_NOT_HAPPENING.search(text)) and not played_down(text)


def checked(text: str) -> bool:
    """Has someone qualified looked ("they checked me over", "111 said it's fine")?"""
    return bool(_CHECKED.search(text))


def driven_in(text: str) -> bool:
    """Are they going to hospital by car ("my son is driving me to A&E now")?"""
    return bool(_DRIVEN.search(text))


def back_on(text: str) -> bool:
    """After an emergency, is it happening again: worse now, or help called, coming or here?"""
    return bool(_WORSE_NOW.search(text) or _HELP_CALLED.search(text) or driven_in(text))


def help_called_now(text: str) -> bool:
    """With no red flag before: is help called, coming or here now ("the ambulance is on its way for
    my husband", "the paramedics are here")? Then the chat pauses as for an emergency."""
    return bool(_HELP_NOW.search(text)) and not _HELP_NOT_NOW.search(text)


def new_since_stroke(text: str) -> bool | None:
    """The answer to "Is this new today?" (a stroke sign told after a stroke): True when it is new
    ("yes it only started this morning", "came on sudden"), False when it is not ("no its from strok
    last yr. not new", "been like that for months"), None when it answers neither (then it is the
    answer to the question asked with it). Old words with new ones ("since the stroke but worse
    today") are new: 999 is the safe side."""
    rest = _LONG_STANDING.sub("", text)  # "not new", "months now": neither new nor now
    if now_cue(rest) or _CHANGED.search(rest):
        return True
    if _LONG_STANDING.search(text) or _AS_ALWAYS.search(text) or names_past_stroke(text):
        return False
    return yes_no(text)


def protest_spans(text: str, kind: str | None, flagged: str = "") -> list[tuple[int, int]]:
    """Where this message protests that the last red-flag reply misread them (empty if it doesn't).
    ``kind`` is that flag's kind, ``flagged`` the words that raised it: after a 111 reply, "it's been
    like that for months, the nurse knows" or "should i call them? my ankles are always like this,
    nothing new" is a protest too (the whole message), when it is about the thing flagged. A denial
    is read per sentence, so a new red flag said beside it ("nobody hits me. but he takes my
    pension") can be told apart."""
    if _all_of_it(text, kind, flagged):
        return [(0, len(text))]
    # "nobody hurts her" protests a safeguarding reply, not a crisis or 111 one
    return sentence_spans(text, _REPLY_DENIED if kind in {CRISIS, URGENT} else _DENIAL)


def _all_of_it(text: str, kind: str | None, flagged: str) -> bool:
    """After a 111 reply, the thing flagged said to be old and looked after, or nothing new: the whole
    message protests ("do i need to ring someone? ... like always, nothing new")."""
    if kind != URGENT or not same_thing(text, flagged):
        return False
    if _LONG_STANDING.search(text) and _LOOKED_AFTER.search(text):
        return True
    return bool(_AS_ALWAYS.search(text)) and not _CHANGED.search(_AS_ALWAYS.sub(" ", text))


def protest(text: str, kind: str | None, flagged: str = "") -> bool:
    """Is this a protest that the last red-flag reply misread them?"""
    return bool(protest_spans(text, kind, flagged))


def protest_besides(text: str, kind: str | None, flagged: str = "") -> bool:
    """Does the message say something besides its protest ("nobody hurts her, the carers are lovely",
    "nobody's hurting him. he goes to the day centre on fridays")? Read clause by clause."""
    if _all_of_it(text, kind, flagged):
        return False
    spans = protest_spans(text, kind, flagged)
    kept: list[str] = []
    for sentence in SENTENCE.finditer(text):
        if sentence.group().rstrip().endswith("?"):
            continue  # "wat?", "why did u say that??": asked, not an answer beside the protest
        if not any(a <= sentence.start() and sentence.end() <= b for a, b in spans):
            kept.append(sentence.group())
        else:
            pieces = _PIECE_END.split(sentence.group())
            kept += [piece for piece in pieces if not (_DENIAL.search(piece) or _EXPLAINED.match(piece))]
    return says_something(" ".join(kept))  # "wait what?? nobody is hurting him" says nothing besides


# What the flagged words were, said with the denial: "nobodys hurting me its the ms", "it's just the
# dementia", "she doesn't mean it" (messy_s22j_06). Part of the protest, not an answer beside it.
_EXPLAINED = re.compile(
    r"^\W*(?:(?:it'?s|its|it is|it was|that'?s|thats|that is|that was|this is)\b"
    r"|(?:she|he|they|mum|dad)\s+(?:doesn'?t|does not|didn'?t|did not|don'?t|do not|never)\s+mean)",
    re.I,
)


def same_thing(text: str, flagged: str) -> bool:
    """Is ``text`` about the thing ``flagged`` named? Each thing it makes the subject of a clause ("my
    hands", "the ulcer") must be named there too; "it" and "that" point at it. (An ulcer flagged, then
    "its just my hands being stiff like always" is about the hands, not the ulcer: tester s31.)"""
    said = _LOOKED_AFTER.sub(" ", text)  # "the nurse knows" says who looks after it, not what it is
    told = {t.lemma_.lower() for t in parse(said) if t.dep_ in _SUBJECT and t.pos_ in _THING}
    told -= STOP_WORDS  # "nothing's changed" names no thing
    named = {t.lemma_.lower() for t in parse(flagged) if t.pos_ in _THING}
    return not told or bool(told & named)


_SUBJECT = {"nsubj", "nsubjpass"}
_THING = {"NOUN", "PROPN"}
# Asked whether they must act on the 111 reply: "do i need to ring someone?", "should i call them then?"
_ACT_ASKED = re.compile(
    r"\b(?:do|should|shall|must|have|need) (?:i|we)(?: (?:really|still|actually))?"
    r"(?: (?:need to|have to|got to|go and))? (?:ring|call|phone|contact|see|go to|get)\b",
    re.I,
)


def asks_whether_to_act(text: str) -> bool:
    """ "Do i need to ring someone?", "should i call them then?": asked whether to act on a reply."""
    return bool(_ACT_ASKED.search(text))


def asks_in_writing(text: str) -> bool:
    """Do they ask for help without a phone call ("can I write to someone?", "is there a number to text")?"""
    return bool(_IN_WRITING.search(text))


def names_means(text: str) -> bool:
    """Does a crisis message say a way to hurt themselves is at hand ("I have the tablets saved")?"""
    return bool(_MEANS.search(text) and _HOARDED.search(text))


# session 29: the note named by what it was about ("is that safeguarding thing on there?", "will
# they see the safeguarding bit if i share?", "that 999 stuff"): a safety note, even where none was made
_SAFETY_NAMED = (
    r"(?:that|this|the|your|ur|those|these)\s+(?:safeguarding|safety|abuse|999|emergency|crisis|samaritans"
    r"|suicide|suicidal|danger|at\s+risk|risk|heart\s+attack|social\s+services)\s+"
    r"(?:thing|things|bit|bits|stuff|part|message|note|notes|flag|flags|warning|business|comment)"
    r"|the\s+bit\s+about\s+(?:me|him|her|them|my\s+\w+)\s+being\s+(?:at\s+risk|hurt|in\s+danger|suicidal|harmed)"
    # session 31: their own words quoted back ("will they see the bit where i said whats the point?")
    r"|the\s+(?:bit|part|thing)\s+(?:(?:where|when|that)\s+)?i\s+(?:said|wrote|typed|put|mentioned)"
)
# The note the bot made, named: "the note", "that note", "those notes about danger", "the safety
# note", "the note you put about me", "what you wrote about me". Not "my notes", "the hospital
# notes" or "the notes say I had a stroke": the plural needs a pointing word or says whose.
_THE_NOTE = re.compile(
    r"\b(?:(?:that|this|those|these|your|ur|yr|ya)\s+(?:safety\s+|red\s+|little\s+|warning\s+)?"
    r"(?:note|notes|flag|flags|warning)"
    r"|(?:the|a)\s+(?:safety\s+|red\s+|little\s+|warning\s+)?(?:note|flag|warning)(?!\s*(?:pad|book|paper)\b)"
    r"|(?:the|a)\s+(?:safety\s+|red\s+|little\s+|warning\s+)?(?:notes|flags)\s+(?:about|on|you|u)\b"
    r"|(?:the\s+)?(?:safety|red)\s+(?:note|notes|flag|flags)"
    r"|what\s+(?:you|u)(?:'ve|\s+have)?\s+(?:put|wrote|written|noted|made|said)\s+(?:down\s+)?about\s+"
    r"(?:me|him|her|them|my\s+\w+)"
    r"|" + _SAFETY_NAMED + r")\b",
    re.I,
)
# ...wanted gone, or said to be wrong: "take it off", "is that gone?", "I don't want my GP thinking
# I'm suicidal", "that's wrong".
_NOTE_GONE = re.compile(
    r"\b(?:take|took|taken|taking|tk)\b[^.!?]{0,30}\b(?:off|out|away|down)\b"
    r"|\b(?:remov\w*|delet\w*|get rid|rid of|wipe\w*|eras\w*|scrap|cancel\w*|gone|go away|disappear\w*"
    # "i dont want them sectioning me" fears what happens next: a question, not the note wanted gone
    r"|(?:don'?t|do not|dont) want"
    r"(?! (?:them|him|her|anyone|any ?one|the \w+) (?:to )?(?:section|think|worry|panic)\w*)"
    r"|not happy|wrong|mistake|not (?:true|right|suicidal|at risk|in danger))\b",
    re.I,
)
# ...or asked about: "is it still there?", "what does it say?", "will my GP see it?"
_NOTE_ASKED = re.compile(
    r"\?|\b(?:is|are|was|did|does|do|has|have|will|would|can|could)\b[^.!?]{0,40}\b(?:still|there|on|say|see|read"
    r"|know|show)\b|\b(?:still there|still on|tell me if|what (?:does|did) (?:it|the note) say)\b",
    re.I,
)


def about_the_note(text: str) -> str | None:
    """ "remove" when the message wants the bot's note gone (or says it is wrong), "ask" when it
    only asks about it ("is the note still on my plan?"); None when it names no such note.
    Read from the first sentence that names the note on ("I'm fine. Did you take the note off?",
    "the note you put about me. I'm just tired. take it off")."""
    spans = note_spans(text)
    if not spans:
        return None
    said = text[spans[0][0] :]
    if _NOTE_GONE.search(said):
        return "remove"
    return "ask" if _NOTE_ASKED.search(said) else None


_SAFETY_NOTE = re.compile(r"\b(?:" + _SAFETY_NAMED + r")\b", re.I)


def names_a_safety_note(text: str) -> bool:
    """ "Is that safeguarding thing on there?": a safety note named by what it was about."""
    return bool(_SAFETY_NOTE.search(text))


# The note said to be wrong, not only wanted gone: "that note was a mistake", "the note is wrong",
# "that flag isn't right". A misreading, said of the note (issue 13 point 3).
_SAID_WRONG = re.compile(
    r"\b(?:mistake|mistaken|wrong|misunderstood|misread|in error"
    r"|(?:isn'?t|is not|wasn'?t|was not|not) (?:true|right|correct|what i (?:meant|said)))\b",
    re.I,
)


def note_said_wrong(text: str) -> bool:
    """ "That note was a mistake", "the note you made is wrong": the bot's note said to misread them."""
    spans = note_spans(text)
    return bool(spans) and bool(_SAID_WRONG.search(text[spans[0][0] :]))


def note_spans(text: str) -> list[tuple[int, int]]:
    """The sentences that name the bot's note."""
    return sentence_spans(text, _THE_NOTE)


# The reply to a signpost (safeguarding, 111 or crisis), piece by piece: thanks for it, what they
# will do ("I will phone the council", "ill give 111 a ring later"), a second thought ("I did not
# think like this"), not wanting trouble ("i dont really want to get him in trouble"), a plain ok
# ("yeah", "fair enough"); asking to carry on and playing it down ("its family") are
# ``listen.asks_to_carry_on`` and ``listen.plays_down`` (set7_04, set13_06, set11_08, messy_s28c_05).
_LEAD = (
    r"^\W*(?:(?:yeah|yes|yep|aye|ok(?:ay)?|oh|ah|right|well|honestly|and|but|so|alright|sure|hmm|tbh|ngl)"
    r"\W+)*"
)
_TAIL = r"(?:\s+[\w'&-]+){0,6}\W*$"
_WE_WILL = (
    r"(?:i|we)\s*(?:'ll|ll|'d|d|\s+will|\s+shall|\s+might|\s+may|\s+could|\s+can|\s+should|\s+must"
    r"|\s+need to|\s+have to|\s+(?:am|are)\s+going to|'m going to|m going to|'re going to|\s+gonna)"
    r"(?:\s+(?:probably|definitely|maybe|try (?:and|to)|have to|then|just|do|get))*\s+"
)
_ACT = (
    r"(?:phone|ring|call|contact|speak (?:to|with)|talk (?:to|with)|tell|report|email|e-mail|text|message"
    r"|get in touch|give (?:[\w&']+ ){1,3}(?:a )?(?:ring|call|bell)|look (?:into|it up|that up)|check"
    r"|think about|have a think|sleep on it|do (?:that|it|this)|try (?:that|them|it)|ask (?:them|for help)"
    r"|get (?:it|him|her|that|this|them) (?:checked|looked at|seen)"
    r"|see (?:the|my|her|his|a) (?:gp|doctor|nurse))"
)
_UNWILLING = (
    r"(?:i|we)\s*(?:do not|don'?t|dont|did not|didn'?t|didnt)\s+(?:really\s+)?(?:want|wanna|like)\s+"
    r"(?:to\s+)?"
    r"(?:get (?:[\w']+ ){1,2}(?:in|into) trouble|make (?:a |any )?(?:fuss|big deal|thing of it|scene)"
    r"|cause (?:trouble|problems|a fuss|a scene)|report |involve |bother |ring |call |phone "
    r"|(?:social services|the council|the police|anyone|any ?one|them)"
    r" (?:involved|getting involved|to know|round))"
)
_SECOND_THOUGHT = (
    r"(?:i |we )?(?:did not|didn'?t|didnt|never|had not|hadn'?t|hadnt|have not|haven'?t|havent)\s+"
    r"(?:really\s+)?(?:think|thought|see|seen|look(?:ed)?)\b(?: (?:of|about|at))?(?: (?:it|this|that))?"
    r"(?: (?:like (?:this|that)|that way|this way))?"
)
_JUST_HEARD = (
    r"(?:(?:maybe |perhaps )?(?:you'?re|your|you are) (?:right|probably right)|that makes sense"
    r"|(?:that'?s |thats )?(?:good|useful|helpful) to know|that helps|i see|i know|i understand|fair enough"
    r"|will do|noted|got it|ok(?:ay)?|yeah|yes|right|sure|alright|true"
    r"|(?:i'?d|i would) rather not(?: (?:talk about|go into|say|think about) (?:it|that))?"
    r"|not (?:yet|right now|for now)"
    r"|maybe (?:later|another time|one day)|(?:i'?m|im|i am) not sure(?: (?:about that|yet))?"
    r"|thank(?:s| you| u) (?:so much |very much )?for (?:the |your |that )?(?:numbers?|help|advice|info\w*"
    r"|telling me|explaining|letting me know|that|this))"
)
_SIGNPOST_REPLY = re.compile(
    rf"(?:(?:{_WE_WILL}{_ACT}|{_UNWILLING}){_TAIL}|(?:{_SECOND_THOUGHT}|{_JUST_HEARD})\W*$)", re.I
)
_LED = re.compile(_LEAD, re.I)
# The pieces of a sentence: "ok thanks, i'll ring them on monday but a cleaner would help most".
_PIECE_END = re.compile(r"\s*[,;:]+\s*|\s+but\s+", re.I)


def _a_reply(piece: str) -> bool:
    said = piece[_LED.match(piece).end() :]  # "ok thank you", "yeah i dont really want to..."
    return any(heard(said) for heard in (_SIGNPOST_REPLY.match, only_thanks, asks_to_carry_on, plays_down))


def signpost_reply(text: str) -> str | None:
    """After a safeguarding, 111 or crisis signpost: None when nothing in the message replies to it;
    otherwise what the message says besides the reply ("" when it is only the reply: "yeah i dont
    really want to get him in trouble. can we just carry on"), to be kept as the answer."""
    kept: list[str] = []
    replied = False
    for sentence in (m.group().strip() for m in SENTENCE.finditer(text)):
        pieces = [sentence] if _a_reply(sentence) else _PIECE_END.split(sentence)
        said = [piece for piece in pieces if piece and not _a_reply(piece)]
        replied = replied or len(said) < len(pieces)
        kept.append(", ".join(said) if len(said) < len(pieces) else sentence)
    if not replied:
        return None
    rest = " ".join(part for part in kept if part).strip()
    return rest if content_words(rest) else ""


# After a reply about someone else: the writer says it is them ("what? im talking about me", "no its
# me not her", "I meant myself, not my wife"). Never "I'm talking about my mum", "it's her, not me".
_THE_WRITER = r"(?:me|myself|my ?self|meself)\b(?! (?:and|&) )"
_ABOUT_THE_WRITER = re.compile(
    r"\b(?:talking|on|going on|writing|asking) about "
    + _THE_WRITER
    + r"|\b(?:i|i'?m|im|i am|i was) (?:on )?(?:meant|mean|meaning|means) "
    + _THE_WRITER
    + r"|\b(?:it'?s|its|it is|it was|that'?s|thats|that was|that is|this is|it'?s about|its about"
    r"|(?:it'?s|its|it is|it was) (?:all )?about) (?:me|myself)\b(?!,? (?:too|as well|and))"
    r"|\b(?:me|myself),? not (?:her|him|them|my \w+|\w+)\b"
    r"|\bnot (?:her|him|them|my \w+),? (?:it'?s |its |it is )?(?:me|myself)\b"
    r"|\bi'?m the one\b|\bim the one\b",
    re.I,
)


def about_the_writer(text: str) -> bool:
    """After a red-flag reply about someone else: does the writer say it is about them?"""
    return bool(_ABOUT_THE_WRITER.search(text))
