"""Reading short answers: yes or no, names, relationships, a carer's basis.

Pure functions over the person's text (and the NLU intent where there is
one), so the same rules apply on every channel and are easy to test.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from difflib import SequenceMatcher

from spacy.lang.en.stop_words import STOP_WORDS

from careplan.nlp import parse, people

# Yes as people type it ("yeh", "yh", "aye"): every reading of a yes starts from these. Not "ya",
# which is as often "you" ("see ya", "ya know"): only where the yes stands at a message's or a
# clause's start.
YES_WORDS = r"yes|yeah|yea|yep|yup|ye|yeh|yh|aye"
# No as people type it ("noo", "nah"): every reading of a no starts from these. Each is also a
# word of an answer ("No drink", "no family nearby"), so a no only ALONE (below).
NO_WORDS = r"no+|nope|nah|naw|nar"
# Yes and no in other words: clipped and military ("Roger.", "Wilco", "Neg."), regional ("gan on
# then", "nae bother"), polite and old ("no problem", "I don't mind", "I'll pass"). Words of an
# answer too ("Roger helps me", "negative thoughts", "no problems with the stairs", "pass my test"),
# so they count only with nothing of their own after them (ALONE).
OTHER_YES = (
    r"roger|affirmative|affirm|wilco|copy(?: that)?|ten[- ]four|10-4|righto|right-?oh?|aye aye"
    r"|will do|sure thing|okey[- ]?dokey|okie[- ]?dokie|gan on|crack on|carry on|fire away|proceed"
    r"|no problem|not a problem|no probs|no bother|nae bother|no worries|happy days|ok ta|okay ta"
    r"|(?:i )?(?:don'?t|do not) mind(?: at all)?"
)
OTHER_NO = r"neg|negative|negatory|nae|no can do|not today|not for me|i'?ll pass|i will pass|i'?d pass"
# What may follow a yes or a no and leave it one: the end, a stop, or a word that is no answer of its
# own ("no thanks", "Roger that", "no I don't", "nah mate"); "No drink" is an answer, not a no.
_ENDS = (
    r"that|then|thanks?|thank you|ta|cheers|please|sorry|mate|love|dear|pet|sir|ma'?am|thx|ty|lol|x+"
    r"|now|over|out|i|i'?m|im|i'?d|id|i'?ll|ill|we|we'?re|she|he|they|it|it'?s|its|this|there"
    r"|that'?s|thats|you|u|ur|your|you'?re|youre|yer|not|never|don'?t|dont|can'?t|cant|won'?t|wont|rather|way|chance|need|really"
    r"|just|but|honestly|actually|sadly|ok|okay|fine|go|lets|let'?s|happy|yes|no|sure|definitely"
    r"|certainly|absolutely|my|our|all|good|great|at all|only|idea|one|else|nothing|none|nobody|me|him|her"
    r"|them|us|she'?s|shes|he'?s|hes|they'?re|theyre|i'?ve|ive|we'?ve|weve|there'?s|theres|is|was|am|are"
    r"|do|does|did|have|has|had|will|would|can|could|isn'?t|isnt|wasn'?t|wasnt|didn'?t|didnt|doesn'?t"
    r"|doesnt|haven'?t|havent|hasn'?t|hasnt|aren'?t|arent|ain'?t|aint"
)
ALONE = rf"(?=\W*$|\s*[,.;:!?&+-]|\s+(?:{_ENDS})\b)"

# A word said before the yes or no: "Well, yes", "oh yes go on", "erm no thanks". "oh" only
# before a yes: "oh no" is more often dismay than an answer.
_FILLER = r"(?:(?:well|um+|erm+|uh+|hmm+|ah+)\W+)?"
# A yes said grudgingly ("it'll do", "go on then", "if I must", "fair enough"): still a yes.
# Those that may follow a no and take it back ("no. go on then"), never "no, that'll do" or "no,
# it's fine" (a no thanks).
_GIVING_IN = (
    r"(?:go on|ok|okay|alright|all right|fine|right) then|(?:i )?suppose so|i guess so"
    r"|if (?:i|you|we) (?:must|have to)|(?:fine|ok|okay),? whatever|whatever then"
)
GIVE_IN = rf"{_GIVING_IN}|go on|(?:it|that|this)(?:'?ll| will)(?: have to)? do|fair enough"
# The last word on it, given in after a no ("no. go on then, share it", "well i said no but the
# wife says i have to. go on then", "no go on then"): a yes.
_GAVE_IN = re.compile(
    rf"(?:^|[.,;!?]\s*|\b(?:no+|nah|but|and|so)\s+)(?:oh\W+|well\W+)?(?:{_GIVING_IN})"
    r"(?:\W+(?:(?:share|send) (?:it|that|them|the plan)|then|please|mate|love|dear|whatever|x+))*\W*$",
    re.I,
)
# Said first, as they begin with a no: "no problem", "I don't mind" are a yes.
_YES_FIRST = re.compile(rf"^\W*{_FILLER}(?:{OTHER_YES}){ALONE}", re.I)
_YES = re.compile(
    rf"^\W*(?:oh\W+)?{_FILLER}"
    rf"({YES_WORDS}|ya|y|ok|okay|sure|please|yes please|of course|definitely|"
    r"very well|certainly|by all means|indeed|(?:that'?s )?grand|"
    r"go ahead|alright|all right|fine|happy to|i am|she is|he is|they are|correct|right|absolutely|"
    r"i suppose|suppose so|i guess|guess so|why not|might as well|may as well|"
    r"i think so|think so|i believe so|i reckon so|reckon so|"
    r"let'?s (?:do it|go|start|begin)|go for it|sounds good|"
    r"that'?s (?:fine|ok|okay|alright|all right|right|lovely|great|good)|looks (?:good|right|fine)|"
    rf"{GIVE_IN}|lovely|perfect|spot on|great|good|yas|ys)\b",
    re.IGNORECASE,
)
_NO = re.compile(
    rf"^\W*{_FILLER}"
    rf"(?:(?:{NO_WORDS}|na|n|never|{OTHER_NO}){ALONE}"
    r"|(?:don'?t|do not)(?:\W*$|\s+(?:want|wanna|think|fancy|bother|feel|need|like|agree|consent|wish"
    r"|share|send|save|keep|store|write|go|really))"
    r"|not really|no thanks|not (?:right |just )?now|not yet|not rn|maybe later|later|"
    r"i'?d rather not|rather not|i'?d prefer not|prefer not|best not|"
    r"she'?s not|he'?s not|they'?re not|not at the moment|no she|no he)\b",
    re.IGNORECASE,
)


# "idk", "dunno", "not sure tbh": the whole message says they don't know (yet).
_DONT_KNOW = re.compile(
    r"^\W*(?:i\s+)?(?:idk|dunno|don'?t know|dont no|no idea|not sure|unsure|no clue|not a clue"
    r"|haven'?t (?:a|got a) clue|can'?t remember|cant remember|not decided"
    # handed back: "u tell me", "search me", "how should i know" (s32 tester: kept as the answer)
    r"|(?:you|u|ya) tell me|search me|who knows|how (?:should|would|do) i know)"
    r"(?:\s+(?:yet|really|tbh|to be honest|sorry|mate|love|dear|either))*\W*$",
    re.I,
)


def dont_know(text: str) -> bool:
    """Is the whole message "I don't know" in some form?"""
    return bool(_DONT_KNOW.match(text or ""))


# Words of being unsure, and the question's own words said back ("not sure what would help"):
# what is left when these are taken away is the answer said unsure ("dont know. stick maybe").
_UNSURE = re.compile(
    r"\b(?:idk|dunno|don'?t know|dont no|do not know|no idea|not sure|unsure|no clue|not a clue"
    r"|can'?t (?:say|think)|maybe|perhaps|possibly|probably|i think|i guess|i suppose|might be|could be"
    r"|or something|whatever)\b",
    re.I,
)
_ECHO = {
    *("help helps helped way moment know sure think idea clue honestly tbh really mate love dear").split(),
    *("sorry yet thing things stuff lol hmm um er erm ok okay well question answer guess say").split(),
}


def unsure_with_an_answer(text: str) -> bool:
    """Unsure, but with an answer in it: "dont know. stick maybe", "not sure, a perching
    stool?" (never "I don't know what would help" or "no idea really")."""
    if not _UNSURE.search(text or ""):
        return False
    rest = re.findall(r"[a-z][a-z']+", _UNSURE.sub(" ", text).lower())
    return any(word not in STOP_WORDS and word not in _ECHO for word in rest)


# "pass", "I'll pass on that one", "skip this one please", "can we skip it?": the whole message
# passes on the question ("pass my driving test" is an answer).
_SKIP = re.compile(
    r"^\W*(?:(?:i'?ll|i will|i'?d|(?:can|could|may|shall) (?:i|we)|let'?s|we'?ll|just|i)\s+)?(?:just\s+)?"
    r"(?:pass|skip)(?:\s+(?:on\s+)?(?:it|that|this|(?:that|this) one"
    r"|the question))?(?:\s+(?:thanks?|ta|please|cheers|sorry|mate|love|lol|for now))*\W*$",
    re.I,
)
# The last part of a message: after , . ; ! or ?
_LAST_PART = re.compile(r"(?<=[,.;!?])\s+")


def skips(text: str) -> bool:
    """Does the message pass on the question, however the NLU read it? The whole message, or
    its last part after why ("it's in her folder in the office, can we skip it")."""
    return bool(_SKIP.match(text or "") or _SKIP.match(_LAST_PART.split((text or "").strip())[-1]))


# "nothing im good", "no that's all for now", "nothing else for him", "none thanks": the
# whole message says there is nothing (more) to add. Every word must be one of these, and
# one of them must say "none" ("I'm good" alone is an answer to "how are you coping?").
_NONE_HEADS = {
    "no",
    "nope",
    "nah",
    "naw",
    "nar",
    "none",
    "nothing",
    "nowt",
    "not really",
    "that's all",
    "that's it",
    "that's everything",
}
_NONE_WORDS = _NONE_HEADS | {
    *"that's thats that it is else more for now at the moment really thanks thank you ta cheers".split(),
    *"i'm im i am i'll i'd good fine ok okay alright right we're we are done think so just honestly".split(),
    *"him her me them us he's she's they're he she they mum dad any questions question things thing".split(),
    *"lol tbh sorry dear love mate pet x xx today this time that'll do there's can't cant of to add".split(),
}


def means_none(text: str) -> bool:
    """Does the whole message say there is nothing (more): no goal, no help, no question?
    "I told you, no." is a no: what is said to the bot about being asked again doesn't count."""
    text = without_complaint(text or "")[0]
    lowered = re.sub(r"\bthat'?s\b|\bthat is\b", "that's", text.lower().replace("\u2019", "'"))
    lowered = re.sub(r"\bthat's (?:(?:yer|your|ur|the) lot|about (?:it|all)|aw)\b", "that's all", lowered)
    words = re.findall(r"not really|that's (?:all|it|everything)\b|[a-z']+", lowered)
    words = [re.sub(r"^no+$", "no", w.strip("'")) for w in words]
    return bool(words) and any(w in _NONE_HEADS for w in words) and all(w in _NONE_WORDS for w in words)


# "same as before", "SAME AS THE LAST ONE", "ditto": the answer given to this question before.
_SAME_AS_BEFORE = re.compile(
    r"^\W*(?:(?:oh|er+m?|um+|well|it'?s|its|that'?s|thats|just)\W+)?"
    r"(?:(?:the |much the |pretty much the )?same(?: (?:thing|answer|reason|again|really))?"
    r"(?: (?:as|like) (?:before|last time|above|earlier|i said(?: before)?"
    r"|(?:for )?the (?:last|other|first|previous) (?:one|goal)))?"
    r"|ditto|as (?:before|above)|like (?:before|the (?:last|other) one))"
    r"(?:\W+(?:really|again|too|as well|i suppose|i guess|mate|love|dear))?\W*$",
    re.I,
)


def same_as_before(text: str) -> bool:
    """Does the whole message say the answer is the one given before ("SAME AS BEFORE")?"""
    return bool(_SAME_AS_BEFORE.match(text))


# "what i said before, play football without going low", "like I said - the stairs", "same as
# before, the physio and the school": pointing back at what was told, then (maybe) more words.
_REACH_BACK = re.compile(
    r"^\W*(?:(?:oh|er+m?|um+|well|it'?s|its|that'?s|thats|just|yeah|yes|ok|please)\W+){0,2}"
    r"(?:what i (?:just |already )?(?:said|sed|put|wrote|told you|mentioned)"
    # "like I say", "Same as I say" (s30 tester, Mei): the present tense, as people say it too
    r"|(?:like|as) i (?:just |already )?(?:said|sed|say|put|wrote|told you|mentioned)"
    # "i literally just said, go to my seminars again", "told u. walking football"
    r"|i(?:'ve| have)? (?:(?:just|already|literally) )*(?:said|told (?:you|u|ya))(?: (?:that|this))?"
    r"|told (?:you|u|ya)(?: (?:that|this))?"
    # "the food one I said before. To know which ...", "the bookies thing i said, getting out ..."
    r"|the (?:\w+ ){1,3}(?:one|thing|bit) i (?:just |already )?(?:said|mentioned|told you(?: about)?)"
    r"|(?:the |much the )?same(?: thing)? as (?:before|earlier|last time|i said|i say|what i said|what i say"
    r"|for the (?:last|other|first) (?:one|goal))"
    r"|as (?:before|above))"
    r"(?:\s+(?:really|again|too))?"
    # a word for when, or a stop after it: never "what i said was wrong", "like I said to my wife"
    r"(?:(?: (?:before|earlier|already|above|just now|at the start))\b|\s*(?:[,.:;!-]|$))"
    r"(?:\s*(?:really|again|too|i suppose|i guess)\b)?(?P<rest>.*)$",
    re.I | re.S,
)


def reaching_back(text: str) -> str | None:
    """The new words in a message that points back at what was told before ("what i said
    before, play football without going low" gives "play football without going low"), or ""
    when it only points back ("SAME AS BEFORE", "what I said before"); None when it doesn't."""
    if same_as_before(text):
        return ""
    found = _REACH_BACK.match(text.strip())
    if found is None:
        return None
    rest = found.group("rest").strip(" \t\n,.:;!-")
    # "as I said before he's my best mate": the words after it, unless they are "...I said" again
    return without_complaint(rest)[0] if rest else ""


# "I told you", "like I said", "whats next": said to the bot, not part of the answer.
_I_SAID = (
    r"(?:i(?:'ve| have)? (?:(?:just|already|literally|only) )*(?:told|said|sed|asked)(?: (?:you|u|ya))?"
    r"(?: (?:that|this))?(?: (?:already|before|earlier|too|again|twice|three times))?"
    r"|(?:like|as) i (?:(?:just|already|literally) )*(?:said|sed|told you|mentioned)"
    r"(?: (?:already|before|earlier|twice|three times))?|i s(?:ai|e)d"
    # asked crossly: "did i not just say??", "didnt i already tell you", "have i not said that"
    r"|(?:did|have)(?:n'?t)? i (?:not )?(?:(?:just|already|literally) )*(?:say|said|sed|tell|told)"
    r"(?: (?:you|u|ya))?(?: (?:that|this))?(?: (?:already|before|earlier))?(?=\s*(?:[?!.,;:]|$))"
    r"|(?:you|u|ya)(?:'?ve| have)? (?:already |just )?asked (?:me )?(?:that|this)(?: already| before)?"
    r"|already said)(?:,? (?:dear|love|mate|pet|lol|haha|ha|x+))?"
)
_COMPLAINT = rf"(?:{_I_SAID}|told (?:you|u|ya)(?: (?:already|that))?|obviously|what'?s next|next question)"
_COMPLAINT_CLAUSE = re.compile(rf"^\W*{_COMPLAINT}\W*$", re.I)
# At the start anything above; at the end only "...I said", or ", told you" after a comma.
_COMPLAINT_EDGE = re.compile(
    rf"^\W*{_COMPLAINT}\b[\s,.:;!-]*|[\s,.;!-]*\b{_I_SAID}\W*$|\s*[,.;!-]\s*told you\W*$", re.I
)


# Asking the bot whether the answer will do, or whether it heard: "is that enough?", "will
# that do?", "did you get the date change?". Talk about the chat, answered, never an answer.
CHECKING = re.compile(
    r"^\W*(?:(?:and|so|oh|ok|okay|sorry)\W+)?"
    r"(?:(?:is|was|will|would|does|did|has)\s+(?:that|this|all that)\s+(?:be\s+)?"
    r"(?:enough|ok|okay|alright|all right|fine|do|done|any good|make sense|work(?:ed)?|go through"
    r"|what you (?:want|wanted|need|needed|meant|mean|asked for)|the sort of thing)"
    r"|(?:i )?hope (?:that|this|it)(?:'?s| is)? (?:enough|ok|okay|alright|all right|fine)"
    r"|do (?:you|u) (?:want|need) (?:more|any more|anything else)"
    r"|(?:did|have|has) (?:you|u) (?:got|get|heard?|caught|catch|saved?|changed?|put|written|wrote|noted?)"
    r"(?: (?:that|this|it|all (?:of )?that|(?:the|my) (?:date|time|day|name|change|correction|bit|list|answer"
    r"|message|last (?:bit|one|part))(?: change| bit)?))?(?: down| in)?"
    r"|(?:enough|more)\?"
    # asking if the answer is the right kind ("Is that the right kind of thing to put?", "is that
    # the sort of goal you mean?", "did I put that right?", "is that ok to say?", "am I doing this
    # right?"): reassurance, never a question for the care team (set8_09)
    r"|(?:is|was|would|will) (?:that|this|it) (?:be )?(?:the )?"
    r"(?:right|correct|ok|okay|alright|all right|fine"
    r"|too (?:much|long|many)|(?:sort|kind|type) of (?:thing|answer|goal|stuff)|what you'?re after)"
    r"(?: (?:sort|kind|type) of (?:thing|answer|goal|stuff))?"
    r"(?: (?:to (?:put|say|write|mention|include|put down)"
    r"|you (?:mean|meant|want|wanted|need|needed|are after|'re after|were after|had in mind)))?"
    r"|(?:did|have|am|was) i (?:put|do|did|done|doing|say|said|answer|answered|answering|write|written"
    r"|get|got|getting|fill|filled|filling)(?: (?:that|this|it|in|that in|this in|it in|them))?"
    r" (?:right|correctly|properly|ok|okay|alright|the right way)"
    r"|(?:does|will|would) (?:that|this|it) count"
    # a reason, a goal or an answer good enough: "is that a good enough reason?", "is that
    # reason enough?", "would that do as a reason?" (s31 tester, an older woman)
    r"|(?:is|was|would|will) (?:that|this|it) (?:be )?(?:a )?(?:good|real|proper|valid|ok|okay|decent|big)?"
    r" ?enough(?: of an?)? ?(?:reason|answer|goal|thing)?\s*\?"
    r"|(?:is|was) (?:that|this|it) (?:a )?(?:good|real|proper|valid|ok|okay|decent|big)? ?"
    r"(?:reason|answer) enough"
    r"|(?:is|was) (?:that|this|it) (?:a )?(?:good|real|proper|valid|decent) (?:reason|answer)\s*\?"
    # said short, asking: "that do?", "that enough?", "this ok?", "that'll do?" (set9_07)
    r"|(?:that|this)(?:'ll| will)? (?:do|be enough|enough|be ok|ok|okay|alright|all right)\s*\?"
    r"|(?:i )?hope (?:that'?s|that is|this is|it'?s|it is)"
    r" (?:right|what you (?:want|wanted|need|mean|meant)))"
    r"(?:\s+(?:then|now|for you|dear|love|mate|pet|by the way|even))?\W*$",
    re.I,
)
# A protest at the bot itself: "are you even listening", "you're useless", "for god's sake".
_PROTEST = re.compile(
    r"^\W*(?:(?:and|oh|honestly|seriously)\W+)?"
    r"(?:(?:are|do|can) (?:you|u) (?:even |actually |not )?(?:listening|listen|reading|read|hear(?:ing)?)"
    r"(?: (?:to )?(?:this|me|it|what i (?:say|said|wrote|write)))?"
    r"|(?:you'?re|you are|ur|what a|this is|this thing is) (?:so |bloody |really |just )?"
    r"(?:useless|hopeless|stupid|rubbish|pointless|ridiculous|a joke|an idiot|thick|a waste of time)"
    r"|(?:for )?(?:god'?s?|heaven'?s?|pete'?s|crying out loud)(?: sake)?|give me strength"
    r"|(?:stupid|useless|bloody) (?:robot|bot|thing|machine|computer))(?: (?:you|are you|is it))?\W*$",
    re.I,
)


_ASIDES = {"told": _COMPLAINT_CLAUSE, "protest": _PROTEST, "checking": CHECKING}
# Where asking if it will do may start, typed with no stop before it.
_CHECKING_TAIL = re.compile(
    r"^(.*\w)[,;-]?\s+((?:is|was|would|will|does|did|have|am) (?:that|this|it|i)\b.*)$", re.I
)


def _aside(clause: str) -> str | None:
    """What a whole clause said to the bot instead of answering (a kind of ``_ASIDES``), if so."""
    return next((kind for kind, pattern in _ASIDES.items() if pattern.match(clause)), None)


def only_told(clause: str) -> bool:
    """Is the clause only "I told you" said to the bot ("i literally just told you??"), not a question?"""
    return _aside(clause) == "told"


def without_complaint(text: str) -> tuple[str, str | None]:
    """The answer without what was said to the bot rather than answered: "I JUST TOLD YOU.
    THE FREEZING" is "THE FREEZING", "patient. is that enough?" is "patient". The second
    item says what was left out, for the reply: "told" (asked again), "protest" (at the
    bot) or "checking" (whether it will do), the first of those said; None when nothing was."""
    clauses = re.split(r"(?<=[.;!?])\s+", text.strip())
    if (tail := _CHECKING_TAIL.match(clauses[-1])) and CHECKING.match(tail.group(2)):
        clauses[-1:] = tail.groups()  # "my husband and the grandkids is that ok?": no stop before it
    asides = [kind for c in clauses if (kind := _aside(c))]
    kept = [c for c in clauses if _aside(c) is None]
    answer = _COMPLAINT_EDGE.sub("", " ".join(kept)).strip(" ,;-")
    if not answer or len(answer) < 2 or answer == text.strip(" \t\n,;-"):  # "- my knee\n- the hill": a list
        return text, None
    return answer, min(asides, key=list(_ASIDES).index) if asides else "told"  # "the foot clinic, I said"


# A yes or a no that is only that, in a clause of its own ("... above! yes")
_CLEAR = re.compile(
    rf"^\W*(?:({YES_WORDS}|ya|(?:{OTHER_YES}){ALONE})|(?:{NO_WORDS}|{OTHER_NO}){ALONE})\b", re.I
)
# "No. Yes, I would like one then.": the first word taken back by what follows
_CHANGED = re.compile(r"\b(?:would like|'d like|want|please|then|actually|i do|i don'?t|after all)\b", re.I)


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"(?<=[.;!?])\s+", text.strip()) if c.strip(" .!?;")]


def _clear(clause: str) -> bool | None:
    found = _CLEAR.match(clause)
    return None if found is None else bool(found.group(1))


def _changed_mind(text: str) -> bool | None:
    """ "No. Yes, I would like one then.": a bare yes or no, then the other, said in full."""
    clauses = _clauses(text)
    if len(clauses) < 2 or not re.fullmatch(r"\W*\w+\W*", clauses[0]):
        return None
    first, last = _clear(clauses[0]), _clear(clauses[-1])
    if first is None or last is None or first == last or not _CHANGED.search(clauses[-1]):
        return None
    return last


# A yes or no said last, as what the words before it lead to: "i've never had one, so yes", "no
# idea what that is but yes please", "she's not up to it, so no"
_SO_THEN = re.compile(
    r"\b(?:so|but)\W+(?:(?P<yes>yes|yeah|yep|yh|ok|okay|go on)|no|nope|nah)\b"
    r"(?:\W+(?:please|pls|thanks?|thank you|then|ta))*\W*$",
    re.I,
)


def yes_no(text: str, intent: str | None = None) -> bool | None:
    """True for yes, False for no, None when it is neither. A yes or no in its own clause
    counts when the message doesn't start with one ("I just told you. Yes please note that I
    would like one"); "No. Yes, I would like one then." and "no. go on then" are a yes."""
    if (changed := _changed_mind(text)) is not None:
        return changed
    if concluded := _SO_THEN.search(text):
        return bool(concluded["yes"])
    if _GAVE_IN.search(text):
        return True
    if intent == "affirm":
        return True
    if intent == "deny":
        return False
    found = _yes_no_words(text)
    if found is None:
        answer = without_complaint(text)[0]
        found = next((said for clause in _clauses(answer) if (said := _clear(clause)) is not None), None)
    return found


def _yes_no_words(text: str) -> bool | None:
    if _YES_FIRST.search(text):
        return True
    if _NO.search(text):
        return False
    if _YES.search(text):
        return True
    if means_none(text):  # "nothing else, I'm fine thanks"
        return False
    return None


# "already had one in the summer", "we did one of those back in april": what is offered
# ("would you like one?") they have had, so a no, not a reply to ask again.
_HAD_ONE = re.compile(
    r"\balready (?:had|got|have|done|did|been)\b"
    r"|\b(?:had|did|done|got)\s+(?:one|it|that|mine|ours|(?:an?|my|our|the) assessment)"
    r"(?:\s+of (?:those|them|these))?\s+(?:done|already|last|in|back|before|earlier|recently|at|over|this"
    r"|a few|years?|months?|ages|a while|ago)\b"
    r"|\b(?:been|was|were) assessed\b",
    re.IGNORECASE,
)
_NOT_HAD = re.compile(r"\b(?:never|not|haven'?t|hasn'?t|didn'?t|havent|hasnt|didnt)\b", re.IGNORECASE)


def had_one(text: str) -> bool:
    """They have had what is offered already ("had one last year"), not "never had one". Only
    a "not" said of the having counts: "we had one but it didn't help" had one."""
    found = _HAD_ONE.search(text)
    if found is None:
        return False
    clause = re.split(r"[.;,!?]|\bbut\b", text[: found.start()])[-1] + found.group(0)
    return not _NOT_HAD.search(clause)


# What they had came to nothing: "Nothing came of it", "it didn't help", "never heard back".
_NOTHING_CAME = {"nothing", "nowt", "never", "nobody", "none"}
_NO_USE = {"useless", "pointless", "waste", "rubbish", "hopeless"}


def came_to_nothing(text: str) -> bool:
    """What was offered, had before, came to nothing: a "no" said after the having, in the
    parse ("Nothing came of it", "it didn't help", "waste of time") -- a need still, not a yes."""
    found = _HAD_ONE.search(text)
    if found is None or not had_one(text):
        return False
    after = [t for t in parse(text) if t.idx >= found.end()]
    return any(t.dep_ == "neg" or t.lower_ in _NOTHING_CAME or t.lemma_ in _NO_USE for t in after)


def bare_yes(text: str) -> bool:
    """A yes with nothing else in it ("go on then", "yeah why not", "yes please"): no thing
    named, so nothing of theirs to keep as their words."""
    if yes_no(text) is not True or len(text.split()) > 6:
        return False
    return not any(t.pos_ in {"NOUN", "PROPN", "NUM"} for t in parse(text))


BASIS_WORDS = (
    ("lpa", r"attorney|\blpa\b|\bpoa\b|legal"),
    (
        "best_interests",
        # can't take part or decide, not "he can't manage the tablet himself"
        r"best interest|(?:can'?t|can ?not|unable to|not able to|isn'?t able to|wouldn'?t)\s+(?:\w+\s+){0,2}?"
        r"(?:understand|decide|take part|take it in|follow|consent|communicate|grasp|remember|answer|say)"
        r"|too (ill|poorly|unwell|confused)|no capacity|capacity|lost (?:her|his|their) mind",
    ),
    ("not_sure", r"not sure|unsure|don'?t know|dunno|no idea|maybe"),
    (
        "agreed",
        r"\b(?:yes|ye|yeah|yep|yh)\b|agree|know|asked me|happy|fine|okay|ok\b|consent|wants me|\bidea\b"
        r"|said (?:i|we) (?:could|can|should)",
    ),
)


# A lasting power of attorney for money only ("only the money one not health", "the property and
# finance one"): no authority for health and welfare, so never stored as that (tester33, Tom).
_HEALTH_DENIED = re.compile(
    r"\b(?:not|no|isn'?t|without|never)\b[^.!?,]{0,15}\b(?:health|welfare)\b", re.IGNORECASE
)
_HEALTH = re.compile(r"\b(?:health|welfare)\b", re.IGNORECASE)
_MONEY = re.compile(r"\b(?:money|financ\w*|property|bank\w*|bills)\b", re.IGNORECASE)


def _money_only(text: str) -> bool:
    """Is the power of attorney named the one for money only?"""
    return bool(_HEALTH_DENIED.search(text) or (_MONEY.search(text) and not _HEALTH.search(text)))


def basis(text: str, choice: str | None = None) -> str | None:
    """The basis on which a carer speaks for someone, from a button or their words."""
    if choice in {"agreed", "lpa", "best_interests", "not_sure"}:
        return choice
    lowered = text.lower()
    for key, pattern in BASIS_WORDS:
        if re.search(pattern, lowered) and not (key == "lpa" and _money_only(lowered)):
            return key
    return None


# "she's my mum" names the person; a carer's relationship is the other way round.
_INVERSE = {
    "mum": "son or daughter",
    "mother": "son or daughter",
    "mam": "son or daughter",
    "mom": "son or daughter",
    "dad": "son or daughter",
    "father": "son or daughter",
    "husband": "wife or partner",
    "wife": "husband or partner",
    "partner": "partner",
    "son": "parent",
    "daughter": "parent",
    "brother": "brother or sister",
    "sister": "brother or sister",
    "nan": "grandchild",
    "nana": "grandchild",
    "gran": "grandchild",
    "granny": "grandchild",
    "grandma": "grandchild",
    "grandmother": "grandchild",
    "grandad": "grandchild",
    "grandpa": "grandchild",
    "grandfather": "grandchild",
    "friend": "friend",
    "neighbour": "neighbour",
    "aunt": "niece or nephew",
    "auntie": "niece or nephew",
    "uncle": "niece or nephew",
}
_ROLES = (
    "daughter",
    "son",
    "wife",
    "husband",
    "partner",
    "friend",
    "neighbour",
    "sister",
    "brother",
    "mum",
    "mother",
    "dad",
    "father",
    "granddaughter",
    "grandson",
    "grandchild",
    "niece",
    "nephew",
    "daughter-in-law",
    "son-in-law",
    "carer",
    "paid carer",
    "support worker",
    "key worker",
    "personal assistant",
    "cousin",
    "aunt",
    "uncle",
)


# Family words from other languages and from home, each read as the English word it means:
# "my Abba", "for nonna", "our Ammi", "me mam's other half".
FAMILY_WORDS = {
    **dict.fromkeys(
        "abba abbu abbaji baba bapu bapuji papa pitaji tata tato appa daddy pops babbo da".split(), "father"
    ),
    **dict.fromkeys(
        "ammi ammu amma ammiji ammaji mataji maa mama mamma mammy mummy mamusia ma".split(), "mother"
    ),
    **dict.fromkeys(
        "nani nanima dadi dadima babcia nonna yiayia abuela oma nain mamgu nanna nanny".split(), "grandmother"
    ),
    **dict.fromkeys("nanu dadu dadaji dziadek nonno pappou abuelo opa taid tadcu".split(), "grandfather"),
    "nana ji": "grandfather",
    **dict.fromkeys("bhai bhaiya".split(), "brother"),
    **dict.fromkeys("didi apa baji".split(), "sister"),
    **dict.fromkeys("chacha mamu".split(), "uncle"),
    **dict.fromkeys("chachi khala masi mausi phupho".split(), "aunt"),
    "missus": "wife",
    "hubby": "husband",
    **dict.fromkeys(("other half", "better half", "fella"), "partner"),
}


# Who the person is to the writer, said before their name: "my husband Derek", "My dad, Rajesh
# Sharma", "mum - Brenda", "its for my nan. Iris" (a family word alone only with a stop after it).
_KIN_FIRST = re.compile(
    r"^(?:(?:it'?s|its|it is|for)\s+)*(?:(?:my|our)\s+(?!name\b)[\w-]+(?:[\s-]in[\s-]law)?\s*[,.:;-]*"
    rf"|(?:{'|'.join(sorted({*_INVERSE, *FAMILY_WORDS}, key=len, reverse=True))})\s*[,.:;-]+)\s+",
    re.IGNORECASE,
)


# Who someone is to the writer, said after "my": "my mum", "my step-dad", "my nani".
KIN = (
    r"mum|mam|mom|mother|dad|father|husband|hubby|wife|partner|son|daughter|brother|sister|nan|nana|gran|"
    r"granny|grandma|grandmother|grandad|grandpa|grandfather|friend|neighbour|aunt|auntie|uncle|nani|nanna|"
    r"nanny|dadi|nana ji|grandson|granddaughter|stepmum|stepdad|step-mum|step-dad|"
    r"mother[- ]in[- ]law|father[- ]in[- ]law|fiance|fiancee|cousin|niece|nephew|"
    + "|".join(sorted(FAMILY_WORDS, key=len, reverse=True))
)
# "mum to Danny", "wife of Jim", "carer for Mrs Lewis": who they are (kin) to someone named (named;
# never "mum of two"). Case-insensitive but for the capitals of the name.
KIN_TO_NAMED = (
    rf"\b(?P<kin>{KIN}|carer)\s+(?:to|of|for)\s+"
    r"(?P<named>(?:(?i:mrs|mr|ms|miss)\.?\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)"
)


def relationship(text: str) -> str:
    """How the carer is related to the person, in a word or two."""
    if named := re.search(KIN_TO_NAMED, text, re.I):
        return FAMILY_WORDS.get(kin := named["kin"].lower(), kin)
    lowered = text.lower().strip()
    roles = "|".join(re.escape(role) for role in sorted(_ROLES, key=len, reverse=True))
    # "I'm his support worker at the house": support worker; "I'm her daughter-in-law"
    direct = re.search(
        rf"\b(?:i'?m|i am|im)\s+(?:his|her|their|the)\s+([\w-]+\s+in\s+law|{roles}\b|[\w-]+)", lowered
    )
    if direct:
        return direct.group(1)
    if kin_to := re.search(rf"\b({_WHO_TO_ME})\s+(?:to|of)\s+(?:mrs|mr|ms|miss|[a-z])", lowered):
        return FAMILY_WORDS.get(kin_to.group(1), kin_to.group(1))  # "I'm Bev, mum to Danny"
    family = "|".join(sorted(FAMILY_WORDS, key=len, reverse=True))
    for possessive in re.finditer(rf"\b(?:for\s+(?:my\s+|our\s+)?|my\s+|our\s+)({family}|[\w-]+)\b", lowered):
        kin = FAMILY_WORDS.get(possessive.group(1), possessive.group(1))
        if kin in _INVERSE:
            return _INVERSE[kin]
    for role in sorted(_ROLES, key=len, reverse=True):
        if re.search(rf"\b{re.escape(role)}\b", lowered):
            return role
    return text.strip()[:60]


# "call me Bob", "everyone calls him Den", "she likes to be called Pat", "I go by Mags"; never
# a word after "a" or "the" ("used to call me a terrier"), nor a name for some moments only
# ("I call her Al when she is cross with me").
CALLED = re.compile(
    r"\b(?:call(?:s|ed)? (?:me|her|him|them)|known as|goes by|go by"
    # "I should prefer to be addressed as Mrs Ashworth", "address me as Dr Okoye", "prefers Bill"
    r"|(?:prefers?|rather)\s+(?:to\s+)?(?:be\s+)?(?:called|addressed\s+as|known\s+as|go\s+by)"
    r"|(?:be\s+)?addressed\s+as|address\s+(?:me|her|him|them)\s+as|prefers?|to be called"
    r"|every(?:one|body)\s+says?|(?:all|people|they)\s+say)"
    r"\s+(?!(?:a|an|the|my|his|her|their|that|this|it)\b)([A-Za-z][\w'’\u00a0-]*)"
    r"(?![\w'’\u00a0-])(?!\s+(?:when|whenever|if)\b)",
    re.IGNORECASE,
)
# "Gwendoline, or Gwen to most people", "Robert but Bob to his mates", "Elizabeth. Betty to
# everyone": the second name is what people call them (a bare "Pauline or Polly" is a choice,
# and the first one wins). After a full stop, only "to": "Fine. Dancing with my friends" isn't.
NICKNAME = re.compile(
    r"^\s*[A-Za-z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*"
    r"(?:\s*,\s*|\s*\.\s*(?=\w+\s+to\b)|\s+-+\s*|\s*\(\s*|\s+(?=or\b|but\b))(?:(?:or|but)\s+)?(?:it'?s\s+|its\s+)?(?:just\s+)?"
    r"([A-Za-z][\w'’-]*)\s+(?:to|for|with|among|by)\s+(?:me|us|most|everyone|everybody|people|all|anyone"
    r"|(?:my|his|her|their|the|our)?\s*(?:friends|mates|pals|family|kids|grandchildren|grandkids))\b",
    re.IGNORECASE,
)
# "Daniel Jones, but it's Danny", "Ayesha but she's Ash": the name said after "but it's" is the one
# to use.
BUT_ITS = re.compile(
    r"^\W*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*[,.]?\s+but\s+(?:it'?s|its|(?:s?he)(?:'?s|\s+is)|i'?m|im)\s+"
    r"([A-Z][\w'’-]*)"
)
# "Dennis but everyone calls him Den", "Patricia Hughes, she likes to be called Pat": the
# name said first is the full one.
_FORMAL_FIRST = re.compile(
    r"^\s*([A-Za-z][\w'’\u00a0-]*(?:\s+[A-Z][\w'’\u00a0-]*)*)\s*(?:,|\.\s|\(|\s-+|\s+(?:but|or|and)\b)"
)
_NAME_IS = re.compile(
    r"\b(?:name is|name'?s|i'?m|it'?s|i am|she'?s|he'?s|this is)\s+([A-Za-z][\w'’\u00a0-]*)", re.I
)
# One person, whose name for them is theirs: "only his mother say Michael", "my husband always
# called me Gracie" (what everyone calls them is the one to use).
_ONE_PERSON = (
    # "only the wife calls me Terence", "only my missus calls me James"
    r"(?:my|his|her|their|our|the)\s+(?:late\s+|old\s+)?"
    r"(?:husband|wife|partner|mum|mam|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandad|grandpa"
    r"|grandmother|grandfather|brother|sister|aunt|auntie|uncle|boss|ex|missus|missis|hubby|other\s+half)"
)
# "My husband always called me Gracie but he passed", "my dad used to call me Patsy": a pet name
# from one person, gone with the clause that says so; never the name to use, nor the full name.
_PET_NAME = re.compile(
    rf"(?<!only )(?<!just )\b{_ONE_PERSON}\s+(?:(?:always|still|once|would|used\s+to)\s+)*"
    r"(?:call(?:s|ed)?|says?|said)\s+(?:me|her|him|them)\s+(?!(?:a|an|the|that|it|this)\b)[A-Za-z][\w'’-]*(?:(?!\b(?:but|so|though)\b)[^.,;!?])*",
    re.I,
)
# "Tariq, only i call him abbu lol", "Lisa, tho i call her mum obvs", "Lee. i call him our kid": what
# the writer alone calls them, or a family word ("mum", "nan", "abba", "our kid"), is never their
# name ("I call her Peggy" may be: everyone may).
_WRITERS_WORD = re.compile(
    r"(?:\b(?:tho|though|but|and|although)\s+)?\b(?P<only>(?:only|just)\s+)?(?:i|me)\s+"
    r"(?:(?:just|only|ever|always|normally|usually|still|mostly|tend\s+to|used\s+to)\s+)*"
    r"call(?:s|ed)?\s+(?:her|him|them)\s+(?P<word>[A-Za-z][\w'’-]*)"
    r"(?:(?!\b(?:but|so|though)\b)[^.,;!?])*",
    re.I,
)
# "Sandra but to me shes just mum", "Derek, he's dad to me": who they are to the writer.
_TO_ME = re.compile(
    r"(?:\b(?:tho|though|but|and)\s+)?\b(?P<first>to\s+me\s*,?\s*)?(?:s?he['’]?s|s?hes|s?he\s+is|they['’]?re)\s+"
    r"(?:just\s+|only\s+|always\s+)*(?P<word>[A-Za-z][\w'’-]*)(?(first)|\s+to\s+me\b)[^.,;!?]*",
    re.I,
)
_OURS = set("our ma me my old mummy daddy nanna grandpa gramps granda bro sis".split())


def without_pet_names(text: str) -> str:
    """``text`` without a pet name one person uses ("my husband always called me Gracie") and
    without what the writer calls them ("only i call him abbu", "i call her mum obvs", "to me
    shes just mum")."""

    def writers(match: re.Match[str]) -> str:
        word = match["word"].lower().split(_JOIN)[0]  # "i call her nani ji": nani
        only = match.groupdict().get("only")
        return " " if only or word in _OURS or word in _INVERSE or word in FAMILY_WORDS else match[0]

    kept = _AT_HOME.sub("", _TO_ME.sub(writers, _WRITERS_WORD.sub(writers, _PET_NAME.sub(" ", text))))
    away = _HOME_NAME.sub(" ", kept)  # only when another name is left: "At home we call her Nanna" is Nanna
    return away if re.search(r"(?<![\w'’])(?!(?i:but|for|to|the|she|he|is)\b)[A-Z][a-z]", away) else kept


# A name used only at home, said beside the name: "abena, or bena at home", "Margaret, or Peg at
# home": the bot is not at home, so the first is the name to use ("kenneth, Ken to the family" is
# Ken: the carer writing is family).
_AT_HOME = re.compile(
    r"\s*(?:,\s*(?:or\s+|but\s+)?|\s+or\s+)(?:just\s+)?[A-Za-z][\w'’-]*\s+at\s+home\b",
    re.I,
)


# The name a family uses at home, said beside the name for everyone else: "At home we say Mama, but
# for doctors she is Krystyna", "we call him Dziadek at home but for the hospital he is Jozef", "at
# home she's Nana, to the doctors she's Margaret". The care team is not at home.
_HOME_NAME = re.compile(
    r"\b(?:at\s+home|in\s+the\s+house)\s*,?\s*(?:(?:we|they|the\s+kids|every(?:one|body))\s+(?:all\s+)?"
    r"(?:just\s+)?(?:say|call\s+(?:her|him|them))|s?he['’]?s|s?hes|s?he\s+is|they['’]?re)\s+[A-Za-z][\w'’-]*"
    r"|\b(?:we|they|the\s+kids|every(?:one|body))\s+(?:all\s+)?(?:just\s+)?(?:say|call\s+(?:her|him|them))\s+"
    r"[A-Za-z][\w'’-]*\s+(?:at\s+home|in\s+the\s+house)\b",
    re.I,
)


# "naebody calls me Thomas except the hospital", "only the doctors call me James", "please
# don't call me Pat", "not Katherine", "Margaret on paper": a name they are NOT called. Who
# "only" calls them so must be formal: "only my friends call me Mo" is what to call her.
_FORMAL_CALLERS = (
    r"(?:the\s+)?(?:doctors?|docs|hospital|nurses?|nhs|gp|surgery|bank|council|dentist|forms?|letters?"
    rf"|paperwork|government|police|teachers?|my\s+(?:mum|mother|mam|maw|ma)|{_ONE_PERSON}"
    # "only the minister calls him Gwilym", "only family call her Rukhsana"
    r"|minister|vicar|priest|imam|chapel|church|(?:his\s+|her\s+|their\s+|my\s+|our\s+)?family|relatives)"
)
# The rest of a clause, up to a stop or a "but" ("naebody calls me Thomas but Tam is grand")
_TO_CLAUSE_END = r"(?:(?!\b(?:but|so|though)\b)[^.,;!?])*"
_NOT_CALLED = re.compile(
    r"(?:\b(?:no\s?(?:one|body)(?:'s)?|no-one|nae\s?b[oa]dy|never|(?:please\s+)?(?:don'?t|dont|do\s+not|dinnae)"
    rf"|(?:only|just)\s+{_FORMAL_CALLERS})\s+"
    r"(?:(?:has|have|had|ever|will|would)\s+){0,2}(?:calls?|called|uses?|used|says?)\b\s*"
    r"(?:(?:me|her|him|them)\b\s*)?"
    r"|\b(?:hates?|can'?t\s+stand|cannot\s+stand|(?:doesn'?t|don'?t|does\s+not|do\s+not)\s+like|dislikes?)"
    r"\s+(?:being\s+called\s+)?"
    # "its katherine, not kathy", never "3. not ending up like my dad": the name ends the clause
    r"|(?:^|(?<=[.,;!]))\s*(?:but\s+)?(?:not|never)\s+"
    r"(?=(?:(?:mrs|mr|ms|miss|dr)\.?\s+)?[A-Za-z][\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?"
    r"\s*(?:[.,;!?)]|$|\s+(?:please|thanks|thank\s+you|thx|ta)\b)))"
    rf"([A-Za-z][\w'’-]*){_TO_CLAUSE_END}",
    re.IGNORECASE,
)
# Who uses the formal name: "Mrs Doyle to the postman", "Barbara's for the tax man", "Elizabeth
# at the bank"; never "Agnes to you" or "Peggy to my friends".
_OFFICIALS = (
    r"(?:the\s+)?(?:post\s?man|postie|post|tax\s?man|taxman|tax\s+office|bank|council|dwp|benefits"
    r"|government|officials?|strangers|solicitor|vicar|insurance|electoral\s+roll|doctors|doctor'?s|hospital"
    r"|nurses|surgery|receptionists?)"
)
_DOCUMENTS = r"(?:(?:my|the|his|her|their)\s+)?(?:letters|forms|records|passport|notes|paperwork|post|bills)"
_ON_PAPER = re.compile(
    r"\b((?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?[A-Z](?:[\w-]|['’](?!s\b))*)(?:'s|’s|\s+is)?\s+(?:only\s+|just\s+)?"
    rf"(?:on\s+(?:paper|{_DOCUMENTS})|officially|for\s+(?:the\s+)?(?:forms|records|paperwork|hospital|doctors)"
    rf"|(?:to|for|at|with|on)\s+{_OFFICIALS})\b{_TO_CLAUSE_END}"
)
# ...and the papers said first: "on his records he's Royston Bennett. But he's Roy" (set14_08)
_ON_PAPER_FIRST = re.compile(
    rf"(?i:\b(?:on\s+(?:paper|{_DOCUMENTS})|officially|for\s+(?:the\s+)?(?:forms|records|paperwork))\s*,?\s+"
    r"(?:(?:he|she|they)(?:'s|’s|\s+is|\s+are)|(?:his|her|their)\s+name(?:'s|’s|\s+is)|it(?:'s|’s|\s+is))\s+)"
    r"((?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?[A-Z](?:[\w-]|['’](?!s\b))*)(?:\s+[A-Z][\w'’-]*)*"
)
_THAT = {"that", "it", "this"}
# "Amma, thats what we all call her", "Taff - thats what everyone calls me at work", "Nanna. we
# all call her that": the name said first is the one they go by, even a family word. Never when
# the clause refuses it ("Margaret, nobody calls her that").
_CALLED_SO = re.compile(
    r"^\W*([A-Za-z][\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)\s*(?:[,.;:!]+|\s-+|-+)\s*"
    r"(?![^.,;]*?\b(?:no\s?(?:one|body)|nobody|no-one|never|don'?t|dont|doesn'?t|only|not|hates?)\b)"
    r"(?:(?:that'?s|thats|that\s+is|it'?s|its|it\s+is|which\s+is)\s+what\s+(?:[\w'’-]+\s+){1,4}?"
    r"(?:call(?:s|ed)?|use[sd]?)\s+(?:her|him|them|me)\b"
    r"|(?:[\w'’-]+\s+){1,4}?call(?:s|ed)?\s+(?:her|him|them|me)\s+that\b)",
    re.IGNORECASE,
)
# "Maureen. Mo to my friends, so Mo", "Susan. Sue is fine": the last clause chooses the name.
_CHOSEN_LAST = re.compile(
    r"(?:[.,;!]|\s-+)\s*(?:(so|just|but)\s+)?([A-Za-z][\w'’-]*)"
    r"(\s+(?:is|would be|will)\s+(?:fine|grand|good|great|ok|okay|best|lovely|do)|'s\s+fine|\s+please)?\W*$",
    re.IGNORECASE,
)
_TITLES = {"mrs", "mr", "ms", "miss", "dr", "mx"}
# "Gwen Hughes speaking", "Harold here": how a name is said on the phone or dictated.
_ON_THE_PHONE = re.compile(r"(?<=\w)\s+(?:speaking|here)\W*$", re.I)
# Keep "Mrs Jones" together by joining a title to the next word.
_TITLE = re.compile(r"\b(?:mrs|mr|ms|miss|dr|auntie|aunty|uncle|nana|grandma|grandad)\.?\s+[A-Za-z]+", re.I)
_NOT_NAMES = {"fine", "ok", "okay", "good", "not", "just", "her", "his", "my", "the", "a", "sure", "happy"}
# Words said at the end of a clipped answer, never names: "for me like", "me pet", "myself ta"
_NOT_NAMES |= {"like", "pet", "mate", "ta", "duck", "hun", "luv", "love"}
# An answer that starts like this is a sentence, not a name: "he agreed", "yes
# she's next to me", "no she's at work".
_NOT_A_NAME_START = {
    *("he she they him her them his yes no not nope yeah it its it's i we at in on with the a an").split(),
    *("that this there he's she's they're i'm i’m im i'd i've i'll").split(),
}
# Words people type at "what should I call you?" that are not names: a day, or who the
# appointment is with (answering the next question early). A month is a name ("June", "April
# Jones", "its may") unless it is said as a date (``_MONTH_AS_DATE``).
_NEVER_NAMES = {
    *(day.lower() for day in calendar.day_name),
    *("hi hello hiya hey morning evening afternoon thanks".split()),
    # who someone is, not what they're called ("wife" to "what should I call you?")
    *("wife husband mum dad mother father son daughter partner carer brother sister".split()),
    *("grandson granddaughter grandchild grandkid nephew niece cousin neighbour friend".split()),
    *("stepson stepdaughter grandmother grandfather".split()),
    "tomorrow",
    "today",
    "nurse",
    "doctor",
    "gp",
    "clinic",
    "physio",
    "consultant",
    "hospital",
    "surgery",
}


_MONTH = "|".join(month for month in calendar.month_name if month)
# A month said as a date ("the 5th of June", "June 12th", "in May", "next April") or "may" as a
# verb ("May I ask why?"): never a name.
_MONTH_AS_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})|(?:{_MONTH})\s+\d{{1,4}}(?:st|nd|rd|th)?\b"
    rf"|(?:in|next|this|last|since|until|till|by|early|late|mid|end\s+of|start\s+of)\s+(?:{_MONTH})"
    r"|may(?=\s+(?:i|we|you|he|she|they|it|be|have|not|need|want)\b))\b",
    re.I,
)
# Words that are never names, but "may" ("its may"): a month, so a name where a name is asked.
_SMALL_WORDS = STOP_WORDS - {"may"}


# "Just Alison. She has never been one for nicknames...", "Eileen. Just Eileen", "only Pat
# please": the name to use, said first and made plain; whatever follows only explains it.
_JUST = re.compile(
    r"^\W*(?:([A-Za-z][\w'’-]*)\s*[.,;!-]+\s*)?(?:just|only|simply|plain)\s+([A-Za-z][\w'’-]*)"
    r"(?:\s+(?:please|thanks|thank you|ta|dear|love|luv|is fine|will do))?\s*(?:[.!,;]|$)",
    re.I,
)
# "lads call me wazza but put wayne", "write Karen", "put me down as Barry", "use Mohammed pls":
# the name they ask to be written wins over what other people call them.
_PUT_DOWN = re.compile(
    r"(?:^|[.,;!-]|\b(?:but|so|says?|said)\b)\s*(?:(?:but|so|just|please|pls|can\s+you|could\s+you)\s+)*"
    r"(?:put|write|use|go\s+with|stick\s+(?:with|to)"
    # "For doctor please say Mr Wong", "to the care team, call her Mrs Begum": the name for them
    r"|(?:for|to|with)\s+(?:the\s+)?(?:doctors?|nurses?|hospital|care\s+team|team|clinic|gp)\s*,?\s*"
    r"(?:(?:please|pls|just)\s+)*(?:say|call\s+(?:her|him|them|me)|put|write|use))"
    r"\s+(?:(?:me|her|him|them)\s+(?:down\s+)?as\s+|down\s+)?"
    # "He says put Mr Hughes. Only the minister calls him Gwilym": a title with its name
    r"((?:(?:mrs|mr|ms|miss|dr)\.?\s+)?[A-Za-z][\w'’-]*)(?:\s+(?:on\s+(?:it|the\s+form|there|that)|down|though"
    r"|tho|please|pls|thanks|ta|for\s+(?:this|now|the\s+form)|instead|here))*(?:\W*$|\s*[.;!]\s+)",
    re.I,
)


# "Margaret, or Peggy, ... so Margaret is fine", "Robert or Bob. Bob will do": of the names said,
# the one they settle on, said last.
_SETTLED_ON = re.compile(
    r"(?:^|[.,;!…-]|\b(?:but|so|and)\b)\s*(?:(?:so|but|just|and)\s+)*([A-Za-z][\w'’-]*)\s+"
    r"(?:is|'s|will|would\s+be|would)\s+(?:do|fine|ok|okay|good|alright|all\s+right|best)"
    r"(?:\s+(?:really|thanks|thank\s+you|ta|though|tho|for\s+me|now|then|by\s+me|honestly|dear|love))*\W*$",
    re.I,
)


def put_down(text: str) -> str | None:
    """The name they ask to be written ("but put nasreen", "For doctor please say Mr Wong"), or
    settle on ("Margaret, or Peggy ... so Margaret is fine"), if any."""
    put = _PUT_DOWN.search(text)
    if put and put.group(1).lower() not in _SMALL_WORDS | _NOT_NAMES and (found := _a_name(put.group(1))):
        return found
    settled = _SETTLED_ON.search(text)
    if settled is None or settled.group(1).lower() in _SMALL_WORDS | _NOT_NAMES:
        return None
    said = settled.group(1)
    named_before = re.search(rf"\b{re.escape(said)}\b", text[: settled.start(1)], re.I)
    return _a_name(said) if said[0].isupper() or named_before else None


# Someone else, named after who they are to the writer: "my daughter Karen set this up",
# "my sister Jean is 74", "our lad Tom": never the writer's own name.
_WHO_TO_ME = "|".join(
    sorted(
        {
            *"wife husband mum mam mom dad mother father son daughter partner carer brother sister".split(),
            *"grandson granddaughter nephew niece cousin neighbour friend lad lass girl boy".split(),
            *"nan gran granny grandma grandad grandmother grandfather aunt auntie uncle".split(),
            *FAMILY_WORDS,
        },
        key=len,
        reverse=True,
    )
)
_SOMEONE_ELSE_NAMED = re.compile(
    # never who they are called: "everyone calls her Auntie Pat"
    r"(?<!call )(?<!calls )(?<!called )"
    rf"\b(?:my|our|me|(?P<theirs>his|her|their))\s+(?:late\s+|little\s+|big\s+|eldest\s+|youngest\s+)?(?:{_WHO_TO_ME})(?:'s)?\s*,?\s+"
    r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?",
    re.I,
)


# Several people named after who they are: "my kids (Anya 4, Dev 18 months)", "my grandkids,
# Poppy and Alfie": never the writer's name.
_OTHERS_NAMED = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:grand)?(?:kids|children|sons|daughters|boys|girls|twins|friends"
    r"|neighbours|grandsons|granddaughters|grandchildren|grandkids)\b\s*[,(:-]?\s*"
    r"(?:(?-i:[A-Z])[\w'’-]*(?:\s+\d+\s*(?:months?|years?|yrs?|weeks?)?)?\s*(?:,|&|\band\b)?\s*)+\)?",
    re.I,
)
# Nothing before it but "its" or "for": "its my husband Derek" starts with who he is too.
_AT_THE_START = re.compile(r"\W*(?:(?:it'?s|its|it is|for)\W+)*", re.I)
# A name spelt out so it is not misheard: "Niamh, spelt N-I-A-M-H", "siobhan (thats S I O B H A N)".
_SPELT_OUT = re.compile(
    r"[\s,;:(-]*(?:\b(?:spelt|spelled|spelling|that'?s|thats|its|it'?s)\s+)?"
    r"\b[A-Za-z](?:[\s.-]+[A-Za-z]\b){2,}\.?\s*\)?"
    # "capital A", "small c", "with a capital M": which letters are capitals
    r"|[\s,;:(-]*\b(?:with\s+an?\s+)?(?:capital|big|small|lower\s*-?\s*case|upper\s*-?\s*case)\s+[A-Za-z]\b",
)


# A name put right in the same message: "Im Geofff. sorry Geoff", "Mohammed.. oops Mohammad",
# "Jon - John with an h". The second is the first typed again (it starts the same and is
# mostly the same letters), so "Sue, sorry, Susan" is put right and "Pat sorry to bother you" isn't.
_SLIP = re.compile(
    r"\b([A-Za-z][\w'’-]*)(?:\s*[.,;:!-]*\s*\b(?:sorry|soz|oops|whoops|i\s+mean|i\s+meant|typo)\b[\s.,;:!-]*"
    r"|\s+-+\s+(?=[A-Za-z][\w'’-]*\s+with))([A-Za-z][\w'’-]*)"
    r"(?:\s+with(?:out)?\s+(?:an?|one|two|double|no|the)\s+[a-z]\b)?",
    re.I,
)


def without_slips(text: str) -> str:
    """``text`` with each name typed wrong and put right said once, as put right."""

    def put_right(match: re.Match[str]) -> str:
        wrong, right = match.group(1), match.group(2)
        alike = SequenceMatcher(None, wrong.lower(), right.lower()).ratio() >= 0.6
        if wrong.lower() == right.lower() or not alike or wrong[0].lower() != right[0].lower():
            return match.group(0)
        return right

    return _SLIP.sub(put_right, text)


# A name spelt out letter by letter: "Z-B-I-G-N-I-E-W", "S I O B H A N", "n.i.a.m.h".
_LETTERS = re.compile(r"(?<![\w'’])[A-Za-z](?:(?:\s*[.-]\s*|\s+)[A-Za-z](?![\w'’])){2,}")
# What says a name was typed wrong: "sorry I type wrong", "typo", "I spelt it wrong", "I meant".
_TYPED_WRONG = re.compile(
    r"\b(?:typo|(?:typed?|spel(?:t|led))\s+(?:(?:it|that|his|her|their|my|the)\s+)?(?:name\s+)?wrong(?:ly)?"
    r"|mistyped|misspel+t|misspelled|wrong\s+spelling|spelling\s+mistake|i\s+meant?)\b",
    re.I,
)

# A sentence about the spelling, with the name put right: "welsh spelling", "with an h".
_ABOUT_SPELLING = re.compile(
    r"\b(?:spel(?:t|led|ling|l)|typo|typed?)\b|\bwith(?:out)?\s+(?:an?|one|two|double)\s+[a-z]\b", re.I
)


def respelt(text: str, names: list[str]) -> tuple[dict[str, str], str]:
    """Each word of a name told before that this message puts right, wrong word to right: spelt
    out ("Is Zbigniew, Z-B-I-G-N-I-E-W"), or said again after "sorry I type wrong". Only a word
    like the one told (the same first letter, mostly the same letters), never another name
    ("sorry, typo, we call him Zbyszek"). And what is left of the message: the sentences that
    do not put it right ("But we call him Zbyszek")."""
    known = {word for told in names for word in re.findall(r"[A-Za-z][\w'’-]*", told) if len(word) > 2}
    spelt = [re.sub(r"[^A-Za-z]", "", m.group(0)) for m in _LETTERS.finditer(text)]
    said = re.findall(r"[A-Za-z][\w'’-]*", text) if _TYPED_WRONG.search(text) else []
    # "I mean Mary may come": not May; "sorry typo, John's": whose, not a name put right
    said = [word for word in said if word.lower() not in STOP_WORDS and not re.search(r"['’]s$", word)]
    fixes: dict[str, str] = {}
    for word in [*spelt, *said]:
        for told in known:
            # spelt out letter by letter, a name is only ever being put right: "Artem, A R T E M" for
            # "Artyom" is alike enough; said again, it must be closer
            alike = SequenceMatcher(None, word.lower(), told.lower()).ratio() >= (
                0.6 if word in spelt else 0.75
            )
            # spelt out, its capitals count too: "McAulay, M-c-A-u-l-a-y, capital A" puts "Mcaulay" right
            mixed = word in spelt and not (word.isupper() or word.islower())
            changed = word != told if mixed else word.lower() != told.lower()
            if alike and changed and word[0].lower() == told[0].lower():
                fixes[told] = word if word[0].isupper() and not word.isupper() else word.title()
    if not fixes:
        return {}, text
    right = {word.lower() for word in fixes.values()}
    sentences = re.split(r"(?<=[.!?;])\s+", text)
    rest = [
        s
        for s in sentences
        if not (
            _TYPED_WRONG.search(s)
            or _ABOUT_SPELLING.search(s)
            or _LETTERS.search(s)
            or right & {w.lower() for w in re.findall(r"\w+", s)}
        )
    ]
    return fixes, " ".join(rest).strip()


# "Well, Grace is fine", "Sue will do", "Siobhan's grand": the name chosen, wherever it is said.
_IS_FINE = re.compile(
    r"(?:^|[.,;!]|\bbut\b)\s*(?:(?:well|so|just|oh)\W+)*([A-Za-z][\w'’-]*)"
    r"(?:\s+(?:is|would be|will)|['’]s)\s+(?:(?:probably|prob|definitely|really)\s+)?"
    r"(?:fine|grand|good|great|ok|okay|best|lovely|do)\b",
    re.I,
)
# "elsie please. my grandson set this up on the tablet for me", "its jean. my son showed me how",
# "doris thank you, my daughter is typing": a name said first, alone or with a kind word, then chat.
_NAME_FIRST = re.compile(
    r"^\W*((?:(?:it'?s|it\s+is|just|only)\s+)?[A-Za-z][\w'’-]*)"
    r"(?:(?:\s+(?:please|pls|plz|thanks|thank\s+you|ta|dear|love|luv|x+))+(?:\s*[.!;,]?\s+\w|\W*$)|\s*[.!;]+\s+\w)",
    re.I,
)
# "eleanor but ellie pls", "Katherine but Kate please", "robert but rob": two names, the one to use
# after "but" (never a family word: "Sandra but mum" is Sandra).
_BUT_THEN = re.compile(
    r"^\W*([A-Za-z][\w'’-]*)(?:\s+[A-Za-z][\w'’-]*)?\s*[,.]?\s+but\s+(?:just\s+|call\s+(?:me|her|him|them)\s+)?"
    r"([A-Za-z][\w'’-]*)(?:\s+(?:pls|please|plz|thanks|thx|ta|x+))*\W*$",
    re.I,
)
# "Evans, Gwyneth", "Robert, Bob": two names and a comma, nothing else. The second is the one they go
# by (the first name, as forms write it, or a nickname); said whole, the surname comes last.
_COMMA_PAIR = re.compile(r"^\W*([A-Za-z][\w'’-]*)\s*,\s*([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)?)\W*$")
# "mohammed. mo", "Thomas - Tom": a name, then the short of it they go by (the same first letter,
# fewer letters). The short name is the one to use; the first is the full one.
_THEN_SHORT = re.compile(r"^\W*([A-Za-z][\w'’-]*)\s*[.,;:-]+\s*([A-Za-z][\w'’-]*)\W*$")
# A message typed all in capitals ("NOREEN. MRS GALLAGHER IF YOU WANT TO BE PROPER BUT NOREEN WILL
# DO"): read as the same words without capitals; a name alone ("JR") stays as typed.
_SHOUTED = re.compile(r"^[^a-z]*[A-Z][^a-z]*$")
# "I don't mind", "whatever you like", "not bothered": no name chosen.
NO_PREFERENCE = re.compile(
    r"^\W*(?:(?:honestly|really|oh|well|erm|um)\W+)*(?:i\s+)?(?:don'?t|dont|do\s+not)\s+mind\b"
    r"|^\W*(?:(?:honestly|oh|well)\W+)*(?:whatever|anything)(?:\s+(?:you\s+like|you\s+want|is\s+fine|will\s+do))?\W*$"
    r"|^\W*(?:i'?m\s+|im\s+)?not\s+(?:bothered|fussed)\b|^\W*up\s+to\s+you\b",
    re.I,
)


# Respect said after a name, part of it: "Bibi ji", "Ravi bhai", "Pat auntie", "Singh sahib".
_HONORIFICS = "ji jee jii sahib saheb sahab saab bhai bhaiya didi baji apa aunty auntie uncle khala".split()
_HONOURED = re.compile(rf"(?<=[A-Za-z])\s+((?i:{'|'.join(_HONORIFICS)}))(?![\w'’-])")
# What joins a name to its honorific while the name is read: a word character, so every pattern
# takes "Bibi ji" as one word; said back as a space.
_JOIN = "_"


def with_honorifics(text: str) -> str:
    """``text`` with each name joined to the honorific said after it ("Bibi ji": "Bibi_ji")."""

    def joined(match: re.Match[str]) -> str:
        word = re.findall(r"[\w'’-]+", text[: match.start()])[-1]
        return match.group(0) if word.lower() in STOP_WORDS else _JOIN + match.group(1)

    return _HONOURED.sub(joined, text)


def said_apart(value: str) -> str:
    """A name read with ``with_honorifics``, as said: "Bibi_ji" is "Bibi ji"."""
    return value.replace(_JOIN, " ")


def name(text: str, *, full: bool = False, own: bool = False) -> str | None:
    """A name from "call me Peg", "Margaret", "my name's John Smith"; None if there isn't one.
    ``own``: the writer's own name is asked, so "my daughter Karen" names someone else. A family
    word ("Mama", "Dad") is the name only when no other name is said with it."""
    if _SHOUTED.match(text) and len(re.findall(r"[A-Z]{2,}", text)) >= 3:
        text = text.lower()
    found = _name(text, full=full, own=own)
    if found and not full and found.lower() in _FAMILY_NAMES:
        other = _name(re.sub(rf"\b{re.escape(found)}\b", " ", text, flags=re.I), full=full, own=own)
        return other if other and other.lower() not in _FAMILY_NAMES else found
    if found and found.lower() == text.strip(" .,!?").lower() and not looks_like_a_name(found):
        return None  # "wait", "help", "sorry" said alone: a word, not what anyone is called
    return found


# Where only a name fits: "I spoke to Pat yesterday." reads Pat as a name (a proper noun, or a
# person spaCy's entity recogniser finds); "I spoke to Wait yesterday." reads "Wait" as a word.
# A name it doesn't read as one ("Dolly") is taken when it is said again (actions/answers.py).
_NAME_SLOT = "I spoke to {} yesterday."


def looks_like_a_name(word: str) -> bool:
    """Does a word said alone read as a name where a name belongs?"""
    if " " in word.strip():
        return True
    said = word.strip()[:1].upper() + word.strip()[1:]
    told = _NAME_SLOT.format(said)
    return said in people(told) or any(t.text == said and t.pos_ == "PROPN" for t in parse(told))


_FAMILY_NAMES = {*FAMILY_WORDS, *_INVERSE}


def _name(text: str, *, full: bool, own: bool) -> str | None:
    """``name``, whatever the name is."""
    if NO_PREFERENCE.search(text):
        return None
    text = with_honorifics(text)  # "we all call her Bibi ji": Bibi ji, the respect kept
    so_called = None if full else _CALLED_SO.match(text)
    if so_called and so_called.group(1).split()[0].lower() not in _SMALL_WORDS | _NOT_A_NAME_START:
        if found := _a_name(so_called.group(1)):
            return found  # "Amma, thats what we all call her": a family name is the name they go by
    text = _without_fillers(without_slips(without_pet_names(text)))
    text = re.sub(r"\s+", " ", _MONTH_AS_DATE.sub(" ", text)).strip()  # "June" is a name, "in June" a date
    text = _COMPLAINT_EDGE.sub("", text).strip(" ,;-") or text  # "shaz i sed": said again
    text = _ON_THE_PHONE.sub("", text) or text  # "Gwen Hughes speaking", as dictated
    text = _SPELT_OUT.sub("", text).strip() or text
    pair = _COMMA_PAIR.match(text)
    plain = _SMALL_WORDS | _NOT_A_NAME_START | _NOT_NAMES | _FAMILY_NAMES | _TITLES | _NEVER_NAMES
    if pair and not {w.lower() for w in " ".join(pair.groups()).split()} & plain:
        if found := _a_name(f"{pair.group(2)} {pair.group(1)}" if full else pair.group(2).split()[0]):
            return found
    short = _THEN_SHORT.match(text)
    if short and not {w.lower() for w in short.groups()} & plain:
        whole, called = short.groups()
        if called[0].lower() == whole[0].lower() and 1 < len(called) < len(whole):
            return _a_name(whole if full else called)
    just = _JUST.match(text)
    if just and (just.group(1) is None or just.group(1).lower() == just.group(2).lower()):
        if just.group(2).lower() not in _SMALL_WORDS | _NOT_NAMES:
            return _a_name(just.group(2))
    if not full and (found := put_down(text)):
        return found
    rather = _BUT_THEN.match(text) if not full else None
    if rather and not {w.lower() for w in rather.groups()} & (_SMALL_WORDS | _NOT_NAMES | _FAMILY_NAMES):
        if found := _a_name(rather.group(2)):
            return found
    text = _OTHERS_NAMED.sub(" ", text).strip() or text
    # someone else named after who they are; for a carer, not at the start ("my mum, Joan")
    text = (
        _SOMEONE_ELSE_NAMED.sub(
            lambda m: (
                m.group(0)
                if not own and not m.group("theirs") and _AT_THE_START.fullmatch(text[: m.start()])
                else " "
            ),
            text,
        ).strip()
        or text
    )
    if not full:  # "Tam. naebody calls me Thomas": Thomas is still his full name
        text, refused = without_names_not_used(text)
        fine = _IS_FINE.search(text)  # "Mrs Okafor. Well, Grace is fine. ..."
        chosen = (
            fine.group(1) if fine and fine.group(1).lower() not in _SMALL_WORDS | _NOT_A_NAME_START else ""
        )
        if found := _a_name(chosen):
            return found
        # "mags. its margaret really but nobody uses that": the name is in what is left of it
        clauses = [c for c in re.split(r"\s*(?:[.,;!]+|\bbut\b)\s*", text) if c] if refused else []
        if found := next(filter(None, map(name, clauses)), None):
            return found
    said = text
    if not text:
        return None
    chosen = _CHOSEN_LAST.search(text) if not full else None
    if chosen and (chosen.group(1) or chosen.group(3)) and (found := _a_name(chosen.group(2))):
        if chosen.group(2).lower() not in _SMALL_WORDS | _NOT_A_NAME_START | _NOT_NAMES:
            return found
    either = re.fullmatch(r"\s*([A-Za-z][\w'-]*)\s+or\s+([A-Za-z][\w'-]*)\W*", text)
    if either:  # "Pauline or Polly": the first they gave that is a name ("Mum or Edna": Edna)
        return _a_name(either.group(1)) or _a_name(either.group(2))
    text = _TITLE.sub(lambda m: m.group(0).replace(" ", "\u00a0"), text.strip().strip(".!"))
    nicknamed = CALLED.search(text) or NICKNAME.search(text)
    formal = _FORMAL_FIRST.match(text)
    if formal and formal.group(1).split()[0].lower() in _SMALL_WORDS | _NOT_A_NAME_START:
        formal = None  # "Yes, call me Bob"
    if full and formal and name(said) and (whole := _a_name(formal.group(1))):
        return whole  # "Daniel Jones, but it's Danny": the name said first is the full one
    if nicknamed and full and formal:
        text = formal.group(1)  # the full name; the nickname is the preferred name's
    elif nicknamed and not full and (nickname := _a_name(nicknamed.group(1))):
        return nickname
    text = _KIN_FIRST.sub("", text) or text  # "My dad, Rajesh Sharma", "mum - Brenda"
    for pattern in (_NAME_IS, CALLED) if full else (CALLED, _NAME_IS):
        match = pattern.search(text)
        # "she's next to me": after "she's" or "I'm", only a capitalised word is a name
        weak = match is not None and pattern is _NAME_IS and "name" not in match.group(0).lower()
        weak = weak and len(said.split()) > 3  # "im mo" is short enough to be a name
        if match and ((weak and match.group(1)[0].islower()) or match.group(1).lower() in _SMALL_WORDS):
            match = None
        if match and match.group(1).lower() not in _NOT_NAMES:
            found = match.group(1)
            if full:  # "her name is Zubeida Begum but...": the surname too
                rest = re.match(r"(?:\s+[A-Z][\w'-]*)+", text[match.end(1) :])
                found += rest.group(0) if rest else ""
            return _a_name(found.replace("\u00a0", " "))
    # a name never runs past a comma: "my son lee, hes got..." is Lee
    words = (re.split(r"[,;:!?]|\.\s", text)[0] if full else text).split(" ")
    lowered = [w.lower().strip(",.") for w in words]
    sentence = lowered[0] in _NOT_A_NAME_START or any(
        w.islower() and w in _SMALL_WORDS | _NOT_NAMES for w in words
    )
    if (
        0 < len(words) <= (4 if full else 2)
        and not sentence
        and all(re.fullmatch(r"[A-Za-zÀ-ÿ'’.,\u00a0_-]+", w) for w in words)
    ):
        return _a_name(" ".join(words if full else words[:1]).strip(","))
    first = _NAME_FIRST.match(text) if not full else None
    if first and not skips(first.group(1)) and (found := name(first.group(1), own=own)):
        return found  # the chat after it names no one they are called ("skip please" names no one)
    named = people(text)
    # then "Mr Campbell is fine, or Winston": runs of capitalised words. The first that is a name;
    # one with its title first ("he is my father in law Mr Chen": Mr Chen, not Chen).
    runs = re.findall(r"(?:^|\s)((?:[A-Z][\w'\u00a0-]*)(?:\s+[A-Z][\w'-]*)*)", text)
    titled = [run for run in runs if "\u00a0" in run.split(" ")[0]]
    places = {word.lower() for word in _PLACE.findall(text)}  # "no, he's in Leeds": where, not who
    for found in [*titled, *named, *runs]:
        words = found.split(" ")
        if words[0].lower() in _SMALL_WORDS | _NOT_A_NAME_START | places:
            continue
        named = _a_name(found if full else words[0])
        if named:
            return named.replace("\u00a0", " ")
    return None


# A capitalised word said as where someone is or lives: "he's in Leeds", "lives up in Hull".
_PLACE = re.compile(r"\b(?:in|from|near|at)\s+(?:(?:the|up|down|over)\s+)?([A-Z][\w'’-]*)")


# Interjections a message may start with ("Oh no, it's the one after", "Erm, Maureen"): a
# closed class, never names. spaCy's INTJ tag is no help here: it tags "Zoë" and "Reg please" so.
_FILLERS = re.compile(
    r"^(?:\W*\b(?:o+h+|a+h+|u+m+|e+r+m*|u+h+|h+m+|well|aw+|eh|ooh|wow|hey|sorry|soz|oops|whoops)\b)+\W*",
    re.I,
)


def formal_name(text: str) -> str | None:
    """The fuller name said beside the one to use, kept as the person's name: "Kenneth" in
    "ken. its kenneth but nobody calls me that", "Robert" in "Robert, but everyone calls me
    Bob", "Mary Smith" in "Mary Smith"; None when only one name is given."""
    if _COMMA_PAIR.match(text):  # "Robert, Bob" or "Evans, Gwyneth": which is the surname is not said
        return None
    called = name(text)
    _, refused = without_names_not_used(without_pet_names(text))
    refused -= _SMALL_WORDS | _NOT_NAMES  # "Never one for nicknames": "one" is no name
    # "Dev. Not Dave.": a name put right, never a fuller one
    refused = {w for w in refused if not re.search(rf"\b(?:not|never)\s+{re.escape(w)}\b", text, re.I)}
    if refused:
        words = (re.sub(r"['’]s$", "", w) for w in re.findall(r"[A-Za-z][\w'’-]*", text))
        found = next((w for w in words if w.lower() in refused), None)
        return _a_name(found) if found else None
    whole = name(text, full=True)
    put = _PUT_DOWN.search(text)  # "everyone calls me Bazza but put Barry on it": Barry, never Bazza
    if put and whole and not whole.lower().startswith(put.group(1).lower()):
        return None
    if whole and called and whole.lower() not in {called.lower(), *_FAMILY_NAMES}:  # never "Mama"
        return whole
    return None


def without_names_not_used(text: str) -> tuple[str, set[str]]:
    """``text`` without what says a name is not used ("naebody calls me Thomas", "Margaret
    on paper", "nobody uses that"), and without those names; and the names, in lower case."""
    refused: set[str] = set()

    def drop(said: str) -> Callable[[re.Match[str]], str]:
        def dropped(match: re.Match[str]) -> str:
            word = match.group(1)
            if word.lower() in _THAT:  # "no one calls me that": the name said just before it
                before = re.findall(r"[A-Za-z][\w'’-]*", said[: match.start()])
                before = [w for w in before if w.lower() not in _SMALL_WORDS | _NOT_A_NAME_START]
                named = [w for w in before if w[0].isupper()] or before
                word = named[-1] if named else ""
            refused.add(word.lower())
            return " "

        return dropped

    text = without_pet_names(text)
    kept = _NOT_CALLED.sub(drop(text), text)
    kept = _ON_PAPER.sub(drop(kept), kept)
    kept = _ON_PAPER_FIRST.sub(drop(kept), kept)
    refused.discard("")
    if refused:
        # the surname goes with it: "Tomasz Nowak, but nobody's called him Tomasz"
        names = "|".join(map(re.escape, refused))
        kept = re.sub(rf"\b(?i:{names})\b(?:\s+[A-Z][\w'’-]*)*", " ", kept)
        kept = re.sub(r"\s+", " ", re.sub(r"(?:\s*[.,;!])+", lambda m: m.group(0).strip()[-1:] + " ", kept))
    return kept.strip(" ,.;!?-"), refused


def first_name(whole: str) -> str:
    """The name to use from a full name: "Harold" from "Harold Price"; a title keeps its
    surname ("Mrs Okafor")."""
    words = whole.split()
    return whole if words[0].lower().strip(".") in _TITLES else words[0]


def _without_fillers(text: str) -> str:
    """``text`` without the interjections it starts with: what is left may hold a name;
    nothing left means there is none."""
    return _FILLERS.sub("", text).strip(" ,.!?-")


def _a_name(value: str) -> str | None:
    """Tidied, unless it is a day, a greeting, who the appointment is with, who the person
    is to the writer, or a title alone ("Mrs")."""
    words = set(re.findall(r"[a-z]+", value.lower()))
    if not words or words & _NEVER_NAMES or words <= _TITLES or len(value.strip(" .,!?'’")) < 2:
        return None
    return tidy_name(value)


def tidy_name(value: str) -> str:
    """The name in its usual case: "hannah" and "HANNAH" are Hannah (typed in capitals when
    cross, or with caps lock on); "McDonald" and initials ("JR") stay as typed."""
    value = value.replace("\u00a0", " ")
    value = value.strip(" .,!?'’\"")
    if not any(c.isupper() for c in value):
        value = value.title()
    else:
        value = " ".join(w.title() if w.isupper() and len(w) > 2 else w for w in value.split(" "))
    # "bibi ji" is Bibi ji: the honorific keeps its small letter
    return re.sub(rf"{_JOIN}(\w+)", lambda m: said_apart(_JOIN + m.group(1).lower()), value)
