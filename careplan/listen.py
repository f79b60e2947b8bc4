"""Listening: what one message says, for every question still open.

People don't answer one question at a time. "This is for my husband Jim, he's
got the heart clinic on the 14th about his tablets" answers five questions;
"a good day is when I get to the allotment" inside "what matters" answers the
next one too. :func:`hear` finds those answers, so the bot can thank the
person, say in one line what it took, and not ask again.

:func:`meta` spots talk about the conversation itself ("why do you need
that?", "pardon?", "who sees this?", "can I print it?"), and :func:`correction`
spots a correction ("no wait, it's Wednesday the 9th", "make the driving one
the main one"), so neither is ever stored as an answer.

Pure functions over the text, with spaCy for names and noun phrases; no Rasa.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from careplan import clock, dates, identity, interpret, yamlfile
from careplan.nlp import parse
from careplan.questions import catalogue, wording
from careplan.titles import classify
from careplan.vocab import CARER, SELF
from careplan.words import listed

# --- who it is for -------------------------------------------------------------------------
_KIN = interpret.KIN
# Said like a name, without "my": "it's for mum", "doing this for Abba", "this is for nonna".
_KIN_AS_NAME = (
    r"mum|mam|mom|mummy|mammy|dad|daddy|nan|nana|nanna|nanny|gran|granny|grandma|grandad|grandpa|"
    r"abba|abbu|ammi|ammu|amma|baba|papa|mama|tata|nani|dadi|nonna|nonno|babcia|dziadek|oma|opa|"
    r"yiayia|pappou|nain|taid|mamgu"
)
# A child of theirs, said as a child ("my little boy", "our youngest", "my wee lass"): who it is for.
_CHILD_SAID = r"(?:little|wee|baby|teenage|youngest|eldest|oldest|middle)"
_CHILD = (
    rf"(?:{_CHILD_SAID}\s+)?(?:boy|girl|lad|laddie|lass|lassie|bairn|kid|child)"
    rf"|{_CHILD_SAID}\s+(?:one|un)|youngest|eldest|oldest"
)
# "my Abba (father)", "my tata (dad)": the word said again in English.
_GLOSS = re.compile(rf"\b((?:my|our)\s+(?:{_KIN}))\s*\(\s*(?:{_KIN})\s*\)", re.I)


# A word put right as it is said: "the fizzy oh I mean the physio", "a Tuesday, sorry I mean a
# Wednesday": what comes after "I mean" stands in for the words before it from "the", "a" or "my".
_SAID_AGAIN = re.compile(
    r"\b(?:the|a|an|my|his|her|their)\s+(?:[\w'-]+\s+){0,2}?[\w'-]+[\s,]*"
    r"(?:(?:oh|sorry|no|er+m?|um+)[\s,]+){0,2}i\s+mean(?:t)?[\s,]+(?=(?:the|a|an|my|his|her|their)\b)",
    re.I,
)


def _unglossed(text: str) -> str:
    """The message without a family word's English gloss ("my Abba (father) Karim" is "my Abba
    Karim") or a word it puts right ("the fizzy oh I mean the physio" is "the physio")."""
    return _SAID_AGAIN.sub("", _GLOSS.sub(r"\1", text))


# "I'm Bev, mum to Danny", "im jo, carer for Mrs Lewis": who the writer is, to the person named.
_KIN_TO_NAME = rf"(?:\bi'?m|\bim|\bi\s+am|,)\s+(?:(?:his|her|their|the)\s+)?{interpret.KIN_TO_NAMED}"
_FOR_SOMEONE = re.compile(
    rf"\b(?:for|about|on behalf of|writing for|doing this for|helping)\s+(?:my|our)\s+(?:{_KIN})\b"
    rf"|\b(?:for|on behalf of|helping)\s+(?:{_KIN_AS_NAME})\b"
    rf"|\bi\s+(?:look after|care for|am (?:a|the|his|her) carer|'?m (?:a|the|his|her) carer)"
    rf"|\b(?:my|our)\s+(?:{_KIN})(?:\s+[A-Z][a-z]+)?(?:,)?(?:\s+(?:has|have"
    rf"|'s got|has got|is seeing|is going|needs|sees|"
    rf"is due|'s due|goes|'s seeing|'s going)"
    # "my mum's got the eye clinic", "my dads seeing": an appointment, not "my husband's got dementia"
    rf"|(?:'s|s) (?:seeing|due|got (?:an? |the |his |her |their )?(?:\w+ ){{0,2}}"
    rf"(?:appointment|appt|clinic|review|check|check-?up|nurse|doctor|gp|consultant|hospital|scan|test)))\b"
    rf"|^\W*(?:it'?s |its )?(?:for )?(?:my|our)\s+(?:{_KIN})\b"
    rf"|^\W*(?:it'?s |its )?(?:for|about)\s+(?:my|our)\s+(?:{_CHILD})\b"
    rf"|\bsomeone (?:i|else)\b|\bnot for me\b|\b(?:this|it) for (?:him|her|them)\b"
    rf"|\b(?:her|his) name(?:'s| is)\b|\bwe (?:all )?call (?:her|him)\b"
    # "Siobhan Murphy, my mum": the name first, then who she is
    rf"|^\W*(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)*\s*,\s*(?:my|our)\s+(?:{_KIN})\W*$"
    # "I'm Jackie, mum to Liam", "I am his carer": who the writer is to them
    rf"|{_KIN_TO_NAME}",
    re.IGNORECASE,
)
# Only what says so plainly: "I'm seeing the nurse" in an opening could be a
# carer going with someone, so the question is still asked (answers._for_whom
# reads the answer to the question itself more freely).
_FOR_ME = re.compile(
    r"\b(?:for me|for myself|its? me\b|it'?s mine|just me|me myself|my own appointment)\b",
    re.IGNORECASE,
)


# "my grandson has put this on the tablet for me", "my daughter set it up", "My granddaughter Jade
# has put this on my phone for me": who set the chat up, never who it is for (the "for me" after it
# still says so).
_SET_UP_BY = re.compile(
    rf"\b(?:my|our)\s+(?:{_KIN})(?:\s+(?-i:[A-Z])[a-z'-]+)?(?:'?s)?\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:set|put|got|downloaded|installed|sorted|found)\s+(?:this|it)\b(?:\s+up)?"
    r"(?:\s+(?:on|onto)(?:\s+(?:the|my|a)\s+\w+)?)?(?P<for_me>\s+for\s+me\b)?",
    re.IGNORECASE,
)
# What someone in the family does who only sent the writer here: "my daughter said I should try
# this", "my son told me to fill this in", "my granddaughter reckons this will help me"
_SENT_BY = {"say", "tell", "suggest", "recommend", "advise", "think", "reckon", "want", "ask", "show", "send"}


def without_who_sent(text: str) -> str:
    """The message without the family member who sent the writer here, the subject of "said",
    "told" or "reckons" with the writer and this chat in what they said ("my daughter said I
    should try this"): they are not who the plan is for (s32 tester: Joyce's "my daughter said
    I should try this before Ken's appointment" made her Ken's "parent"). "my husband said his
    knee hurts" keeps him: the writer and the chat are not in it."""
    if not _KIN_WORD.search(text):
        return text
    doc = parse(text)
    for token in doc:
        if not (
            token.dep_ == "nsubj"
            and token.head.lemma_ in _SENT_BY
            and _KIN_WORD.fullmatch(token.text)
            and any(child.lower_ in {"my", "our"} for child in token.children)
        ):
            continue
        said = [t.lower_ for t in token.head.subtree if t.i not in range(token.left_edge.i, token.i + 1)]
        if {"i", "me"} & set(said) and {"this", "it", "app"} & set(said):
            return f"{doc[: token.left_edge.i].text_with_ws} {doc[token.i + 1 :].text}"
    return text


# "me, Priya, physio thurs", "Me. Frank.": "me" said first, alone, is who it's for
_ME_FIRST = re.compile(r"(?:^|[.!?]\s+)\W*me\s*[,.;:!-]", re.IGNORECASE)


def for_whom(text: str) -> str | None:
    """ "self" or "carer" when the message says who the plan is for. "It's for me, but I
    look after my husband too" is for her: a plain "for me" said first wins."""
    set_up = _SET_UP_BY.search(text := _unglossed(text))
    text = _SET_UP_BY.sub(" ", text)
    someone, me = _FOR_SOMEONE.search(text), _FOR_ME.search(text) or _ME_FIRST.search(text)
    if someone and me and me.start() < someone.start() and not re.search(r"\bnot for me\b", text, re.I):
        return SELF
    if someone or (not me and _KIN_THEN_NAME.match(text)):  # "mum - brenda": who, and her name
        return CARER
    if me or (set_up and set_up.group("for_me")):  # "my grandson put this on for me", and no one else
        return SELF
    return None


_WHO_FILLER = re.compile(
    r"\b(?:it'?s|its|it is|this is|this'?s|it|this|just|only|all|sorry|oh|yes|yeah|yep|ok|okay|the|plan"
    r"|me)\b",  # "me. just me"
    re.I,
)


def only_who_its_for(text: str, names: Iterable[str] = ()) -> str | None:
    """ "self" or "carer" when that is all the message says ("oh its just for me", "it's for my
    mum"): the answer to "is this for you?" given late, not an answer to the question open now.
    A name already known may come with it ("it's for me, Sean's fine")."""
    who, text = for_whom(text), _unglossed(text)
    said = (_FOR_ME if who == SELF else _FOR_SOMEONE).search(text) if who else None
    if said is None:
        return None
    rest = _WHO_FILLER.sub("", text[: said.start()] + text[said.end() :])
    if known := "|".join(re.escape(name) for name in names if name):
        rest = re.sub(
            rf"\b(?:call me\s+)?(?:{known})(?:['’]s|\s+is)?(?:\s+(?:fine|ok|okay|please))?\b",
            "",
            rest,
            flags=re.I,
        )
    return who if not re.sub(r"\W+", "", rest) else None


# --- names -------------------------------------------------------------------------------
_NOT_A_NAME = {
    "fine",
    "ok",
    "okay",
    "good",
    "not",
    "just",
    "here",
    "back",
    "sure",
    "happy",
    "so",
    "very",
    "really",
    "worried",
    "seeing",
    "going",
    "doing",
    "having",
    "getting",
    "trying",
    "writing",
    "looking",
    "tired",
    "sorry",
    "afraid",
    "the",
    "a",
    "his",
    "her",
    "their",
    "my",
    "in",
    "on",
    "at",
    "with",
    "for",
    "due",
    "well",
    "also",
    "still",
    "now",
    "retired",
    "widowed",
    "married",
    "single",
    "diabetic",
    "struggling",
    "caring",
    "able",
    "unable",
    "new",
    "old",
    "about",
    "into",
    "off",
    "out",
    "up",
    "this",
    "that",
    # what people call the bot: "for me dear", "its for me love"
    *("dear love luv pet duck hun hon darling sweetheart petal chuck mate flower babe bab").split(),
    # said with "me": "me obviously", "me lol", "for me definitely"
    *("obviously obvs ofc definitely certainly naturally surely honestly actually lol haha innit").split(),
    *("please thanks ta yes yeah yep though tho again too").split(),
}
_MY_NAME = re.compile(
    r"\b(?:my name(?:'s| is)|call me|i'?m called|i am called|name'?s|known as|i go by)\s+([A-Za-z][\w'-]*)",
    re.IGNORECASE,
)
_I_AM = re.compile(
    r"(?:^|[,.!]\s*|\b(?:[Hh]i|[Hh]ello|[Hh]iya"
    r"|[Mm]orning)[,!]?\s+)(?:[Ii]'?m|[Ii] am|[Ii]t'?s|[Tt]his is)\s+"
    r"([A-Z][\w'-]*)|(?:^|\b(?:[Hh]i|[Hh]ello|[Hh]iya|[Hh]ey|[Mm]orning)[,!]?\s+)([A-Z][a-z'-]+) here\b"
)
# A name as the last word of a short message is a name even in lower case:
# "im mo", "for me. im mo", "Me. Frank."
_SHORT_I_AM = re.compile(
    r"^\W*(?:(?:it'?s )?(?:for )?(?:me|myself)\W+(?:(?:i'?m|i am|im|it'?s)\s+)?|(?:i'?m|i am|im|name'?s)\s+)"
    r"([a-z][\w'-]*)\W*$",
    re.I,
)
# "hi im sheila, its my review...": a lower-case name right after a greeting, before a comma.
_HI_IM = re.compile(
    r"^\W*(?:hi|hello|hiya|morning|hey)\W+(?:i'?m|im|i am)\s+([a-z][\w'-]*)(?=\s*[,.!;]|\s*$)", re.I
)
# A title is part of the name it comes before: "called Mr Chen", "my neighbour mr jones".
_TITLED = "mrs|mr|ms|miss|dr|auntie|aunty|uncle"
# How old they are, said between who they are and their name: "my dad, hes 79, Frank", "my nan -
# she's 91 - Edie", "my mum (82) Joan".
_AGED = (
    r"(?:(?i:s?he['’]?s|s?hes|s?he\s+is|aged|age|who['’]?s|who\s+is)\s+)?\(?\d{2,3}\)?"
    r"(?:\s*(?i:yrs?|years?)(?:\s+(?i:old))?)?\s*[,:;-]*\s*"
)
_THEIR_NAME = re.compile(
    rf"\b(?i:my|our)\s+(?i:{_KIN})\s*[,:;-]?\s+(?:{_AGED})?([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
    rf"|\b([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?),\s+(?:my|our)\s+(?i:{_KIN})\b"
    r"|\b(?:he|she|they)(?:'s| is| are) called\s+([A-Z][a-z'-]+)"
    r"|\b(?:his|her|their) name(?:'s| is)\s+([A-Za-z][a-z'-]+)"
    # said without "is", in second-language English: "his name Chen Wei"
    r"|\b(?:his|her|their) name\s*[:,-]?\s+([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
    # with a title, in any case: "my neighbour mr jones"
    rf"|\b(?:my|our)\s+(?i:{_KIN})\s*,?\s+((?i:{_TITLED})\.?\s+[A-Za-z][a-z'-]+)",
)


def _titled(word: str, after: str) -> str:
    """``word``, with the name after it when it is a title: "Mr" and " Chen, ..." are "Mr Chen"."""
    following = re.match(r"\.?\s+([A-Za-z][\w'-]*)", after)
    if re.fullmatch(rf"(?:{_TITLED})\.?", word, re.I) and following:
        return f"{word.rstrip('.').title()} {following.group(1).title()}"
    return word


def _a_name(word: str | None) -> str | None:
    if not word or word.lower() in _NOT_A_NAME or len(word) < 2:
        return None
    return word[0].upper() + word[1:]


# Dictated, without capitals or stops: "im gwen im using the voice thing", "this is gwen
# speaking": the word after "I'm" or "this is", where a new clause starts after it.
_SAID_ALOUD = re.compile(
    r"^\W*(?:(?:hi|hello|hiya|morning|good morning)\W+)?(?:this is|it'?s|i'?m|im|i am)\s+([a-z][\w'-]*)"
    r"(?=\s+(?:speaking|here|i'?m|im|i|and|its|it'?s|it is)\b)",
    re.I,
)


def own_name(text: str, *, loose: bool = True) -> str | None:
    """The person's name from "I'm Mo", "my name's Pat", "call me Peg" (and, ``loose``,
    "hi im sheila, ...", which a carer could say too: it doesn't tell who the plan is for)."""
    text = interpret.without_slips(text)  # "Im Geofff. sorry Geoff": Geoff
    for pattern in (_MY_NAME, _I_AM, _HI_IM) if loose else (_MY_NAME, _I_AM):
        match = pattern.search(text)
        if match and (found := _a_name(next(g for g in match.groups() if g))):
            return found
    short = _SHORT_I_AM.match(text)
    alone = short is not None and short.group(0).strip(" .!").lower() in {"me", "myself", "for me"}
    if short and not alone and len(text.split()) <= 5 and short.group(1).lower() not in _STATES:
        return _a_name(short.group(1)) if interpret.name(short.group(1)) else None
    if after_me := _ME_THEN.search(text):
        return _name_in_place(text, after_me)
    if loose and (aloud := _SAID_ALOUD.match(text)):
        return _said_aloud(text, aloud)
    return None


# The writer saying who they are in a carer's chat: "hello, I am Tomasz, I do this for my
# father", "I'm his son Tomasz", "Jas here", "my name's Priya"; a letter's close: "Thanks, Jas",
# "Yours, W. Ashworth". Never "this is Joan" or "it's Joan": that is who the plan is for.
_CARER_SAYS_WHO = re.compile(
    r"\b(?:(?i:my name(?:'s| is))|(?i:i'?m|im|i am|i'?m called)"
    r"(?:\s+(?i:his|her|their)\s+[a-z-]+(?:\s+in\s+law)?)?,?)\s+([A-Z][\w'-]*)"
    r"|^\W*(?:(?i:hi|hello|hiya|hey)\W+)?([A-Z][a-z'-]+) here\b"
    r"|(?i:yours(?: sincerely| faithfully| truly)?|regards|many thanks|thanks|thank you|cheers|love from)"
    r",?\s+((?:[A-Z]\.\s*)?[A-Z][\w'-]*)(?:\s+x+)?\W*$"
)


# Where or what someone is from, said as "I am Polish": never a name.
_NOT_WHO = set(
    "british english welsh scottish irish polish indian pakistani bangladeshi nigerian ghanaian somali"
    " jamaican chinese italian portuguese spanish romanian lithuanian ukrainian turkish kurdish greek"
    " german french muslim hindu sikh jewish catholic".split()
)


def carers_own_name(text: str, names: Iterable[str] = ()) -> str | None:
    """The carer's own name, said in passing ("hello, I am Tomasz, I do this for my father",
    "I'm his son Tomasz", "Thanks, Jas"); never a name of the person they write for, nor who
    they are to them ("I'm her granddaughter")."""
    match = _CARER_SAYS_WHO.search(text)
    found = next((g for g in match.groups() if g), None) if match else None
    theirs = {word.lower() for name in names for word in name.split()}
    last = found.split()[-1] if found else ""  # "W. Ashworth": the surname is the name
    if not last or last.lower() in theirs | _NOT_WHO or _KIN_WORDS.match(last) or re.search(r"['’]s$", last):
        return None  # "I'm Sarah's daughter": whose, not who
    return _a_name(found) if interpret.name(last) else None


# How people are, said after "I'm" in lower case: never names ("im knackered im ...").
_STATES = {
    *("alone stuck blind deaf ill unwell poorly sick scared lonely ready busy home there done").split(),
    *("disabled housebound bedbound deaf lame skint broke shy nervous anxious glad pleased").split(),
}
_NOT_NAME_TAGS = {"VBG", "VBN", "VBD", "VB", "RB", "IN", "UH", "PRP", "PRP$", "DT", "CC", "MD", "CD", "WP"}


def _said_aloud(text: str, match: re.Match[str]) -> str | None:
    """A lower-case name dictated after "I'm" ("im gwen im using..."): the tagger reads
    "gwen" as an adjective, so a name is what is not a doing word, a state or a small word."""
    word = match.group(1).lower()
    token = next((t for t in parse(text) if t.idx == match.start(1)), None)
    if (
        token is None
        or token.tag_ in _NOT_NAME_TAGS
        or word in _STATES
        or (word.endswith("ed") and len(word) > 4)
    ):
        return None
    return _a_name(word) if interpret.name(word.title()) else None


# "for me. ravi. asthma check at the surgery", "its for me im will, knee clinic tues", "helo its for
# me im Shaz", "...on my lunch. me, Priya, physio": a lone word, straight after saying it's for
# them (at the start, after a hello or "ok", or after a full stop), is their name...
_ME_THEN = re.compile(
    r"(?:^|[.!?]\s+)\W*(?:(?:hi|hello|helo|hiya|hey|morning|ok|okay|right|so|well)\W+)*"
    r"(?:it'?s\s+|its\s+)?(?:for\s+|just\s+)?(?:me|myself)\b\s*"
    # "for me obviously love. Doreen.", "its me lol, im jas", "myself of course - Frank Ellis"
    r"(?:(?:obviously|obvs|of course|ofc|love|luv|dear|duck|pet|hun|lol|haha|thanks|please|really)\b\s*)*"
    r"(?:[.,;:!-]+\s*(?:(?:i'?m|im|i am|name'?s|it'?s)\s+)?|(?:i'?m|im|i am)\s+)"
    # "for me, Sean's fine": Sean
    r"([a-z][\w-]*(?:['’](?!s\b)[\w-]+)*)(?:\s+[A-Z][\w'-]*)?"
    r"(?=\s*[.,;:!-]|\s*$|['’]s\s+(?:fine|ok|okay|good|grand)\b)",
    re.I,
)
# ...when the parse reads it as a noun (or a modal: "will"), not "tired", "fine" or "knees".
_NAME_TAGS = {"NN", "NNP", "MD"}


def _name_in_place(text: str, match: re.Match[str]) -> str | None:
    token = next((t for t in parse(text) if t.idx == match.start(1)), None)
    word = match.group(1)
    if token is None or token.tag_ not in _NAME_TAGS or not interpret.name(word.title()):
        return None
    return _a_name(word)


# "my brother lee, he's got...": a name typed in lower case, known by what follows it.
_THEIR_NAME_LOWER = re.compile(
    rf"\b(?:my|our)\s+(?:{_KIN})\s+([a-z][a-z'-]+)(?=\s*(?:[,.!;]|$|\s(?:who|she|he|hes|shes|has|is|'s)\b))",
    re.I,
)


# The whole message is who they are and their name, in any case: "mum - brenda", "its for my
# husband. Derek Pearce", "Dad, Frank".
_KIN_THEN_NAME = re.compile(
    rf"^\W*(?:(?:it'?s|its|it is)\s+)?(?:for\s+)?(?:(?:my|our)\s+)?(?:{_KIN}|{_KIN_AS_NAME})\s*[,.:;-]+\s*"
    r"([a-z][a-z'-]+(?:\s+[a-z][a-z'-]+)?)\W*$",
    re.I,
)
_MUM_TO = re.compile(_KIN_TO_NAME, re.I)
_KIN_WORD = re.compile(rf"\b(?:{_KIN}|{_KIN_AS_NAME})\b", re.I)
_OBJECTS = {"dobj", "pobj"}


def their_name(text: str) -> str | None:
    """The cared-for person's name from "my husband Jim", "Jim, my husband", "she's called Peg"."""
    match = _THEIR_NAME.search(text)
    if (
        match
        and (match.group(4) or match.group(5))
        and _CLINICIANS & set(re.findall(r"\w+", text[: match.start()].lower())[-3:])
    ):
        return None  # "the memory nurse, his name is Tomasz": the nurse's name
    if match and match.group(2) and next(t for t in parse(text) if t.idx >= match.start(2)).dep_ in _OBJECTS:
        return None  # "he have Parkinson, my son says...": what he has, not who
    match = match or _THEIR_NAME_LOWER.search(text) or _KIN_THEN_NAME.match(text) or _MUM_TO.search(text)
    if match:
        found = match.groupdict().get("named") or next(g for g in match.groups() if g)
        found = _titled(found, text[match.end() :]) if " " not in found else found.title()
        return _a_name(found) if interpret.name(found) else None
    return None


_SOMEONE_ELSES = re.compile(r"^(?:call(?:s|ed)? (?:her|him|them)|goes by)\b", re.I)


def goes_by(text: str, *, theirs: bool = True) -> str | None:
    """A nickname: "everyone calls her Peggy", "known as Bill", "Kenneth, Ken to us" (never one
    they are not called: "naebody calls me Thomas").
    Not ``theirs`` (it's the writer's own plan): never what someone calls him or her."""
    if put := interpret.put_down(text):  # "she likes being called ammi but put nasreen"
        return put
    said, (text, refused) = text, interpret.without_names_not_used(interpret.with_honorifics(text))
    match = interpret.CALLED.search(text)
    if match and not theirs and _SOMEONE_ELSES.match(match.group(0)):
        return None
    # Without "call", only a capitalised name: "swimming or walking for my family" names no one.
    nickname = interpret.NICKNAME.search(text)
    match = match or (nickname if nickname and nickname.group(1)[0].isupper() else None)
    match = match or interpret.BUT_ITS.search(text)  # "Daniel Jones, but it's Danny"
    if match:
        return _a_name(interpret.said_apart(_titled(match.group(1), text[match.end(1) :])))
    # "Wojciech Kowalski, but nobody's called him Wojciech since school, he's Wojtek": the name
    # refused is said first ("Tam. naebody calls me Thomas" names no nickname)
    # refused is said first ("Tam. naebody calls me Thomas" names no nickname); said after it,
    # a nickname refused leaves the name what they are called ("Kathleen Murray. nobody calls her
    # Kath", "Robert Hall - not Bob"), unless the writer's own ("nobody calls me ...")
    left = interpret.name(text) if refused else None
    if (
        left
        and left.lower() not in refused
        and (
            min(map(_word_at(said), refused)) < _word_at(said)(left)
            or (theirs and not _ABOUT_ME.search(said))
        )
    ):
        return _a_name(left)
    return None


_ABOUT_ME = re.compile(r"\b(?:calls?|called|call)\s+me\b", re.I)


def _word_at(text: str) -> Callable[[str], int]:
    """Where a whole word is first said ("Tom" in "Tomasz ..., he's Tom" is at the end), or -1."""

    def at(word: str) -> int:
        found = re.search(rf"\b{re.escape(word)}\b", text, re.I)
        return found.start() if found else -1

    return at


# --- who is typing ----------------------------------------------------------------------------
# In a carer's chat, the person takes the phone: "this is mum now", "Doreen here", "Karen's
# given me the phone", "my daughter's set this up for me"; and hands it back: "its karen again",
# "back to me", "me again". Each clause is one of these or part of the answer.
_NOW_TYPING = re.compile(
    r"^\W*(?:(?:hello|hi|hiya)\W+)?(?:(?:this is|it'?s|its|i'?m|im|i am)\s+)?(?P<who>[a-z]+)"
    r"\s+(?:here|now|typing|speaking|on now|on here)\b",
    re.I,
)
_GIVEN_THE_PHONE = re.compile(
    r"\b(?:given|passed|handed|gave|give|pass|hand)\s+me\s+the\s+(?:phone|tablet|ipad|laptop|computer|mobile)\b"
    r"|\b(?:set|put)\s+(?:this|it)\s+up\s+for\s+me\b"
    rf"|\bmy\s+(?:{_KIN})(?:'s|\s+has|\s+is)?\s+(?:set|put|setting|putting)\s+(?:this|it)\s+up\b",
    re.I,
)
_BACK_TO_ME = re.compile(
    r"^\W*(?:(?:it'?s|its|this is)\s+)?(?P<who>[a-z]+)\s+(?:again|back)\b|\bback to me\b"
    r"|\b(?:she|he|they)(?:'s|'ve| has| have)?\s+(?:given|handed|passed|gave)\s+(?:me\s+)?(?:it|the phone)"
    r"\s+back\b",
    re.I,
)
_KIN_WORDS = re.compile(rf"^(?:{_KIN})$", re.I)
# In the person's own chat, someone who typed for them hands back: "he's back with the tea so I'll
# give him the keyboard back now", "over to you love", "handing back to Dad now".
_DEVICE = r"(?:phone|keyboard|tablet|ipad|laptop|computer|mobile)"
_HANDS_BACK = re.compile(
    r"\b(?:give|giving|gave|hand|handing|handed|pass|passing|passed)\s+"
    rf"(?:(?:him|her|them|you)\s+(?:(?:the|this|his|her|their)\s+{_DEVICE}\s+)?"
    rf"|(?:the|this|his|her|their)\s+{_DEVICE}\s+|it\s+)back\b"
    r"|\b(?:handing|passing|giving)\s+(?:it\s+)?back\s+to\b|\bover to (?:you|him|her)\b",
    re.I,
)


# A carer typing the person's own words for them: "That's him, I'm just typing lol", "these are
# mum's words, I'm only the typist", "she's telling me what to put": "I" is the person from then on.
_RELAYING = re.compile(
    r"(?:\b(?:that'?s|thats|that was|those are|these are|it'?s|its)\s+(?:all\s+)?"
    r"(?:him|her|them|(?:his|her|their|[a-z]+'s)\s+(?:own\s+)?(?:words|answers?))\b[^.!?]*?"
    r"\b(?:i'?m|im|i am)\s+(?:just|only)\s+(?:typing|writing|the typist)"
    r"|\b(?:i'?m|im|i am)\s+(?:just|only)\s+(?:typing|writing)\s+(?:down\s+)?what\s+(?:he|she|they)\s+"
    r"(?:says?|tells?\s+me)"
    r"|\b(?:he|she|they)(?:'s|s|\s+is|'re|\s+are)\s+telling\s+me\s+what\s+to\s+(?:put|type|write|say)\b"
    r"|\b(?:his|her|their)\s+words,?\s+not\s+mine\b)"
    r"(?:\s+(?:it|this|for (?:him|her|them)))?(?:\W+(?:lol|lmao|haha|x+)\b)*",
    re.I,
)


def speaker_change(text: str, names: Iterable[str], speaking: str | None) -> tuple[str | None, str]:
    """In a carer's chat: who types from now on ("self" for the person, "carer" for the carer,
    None when no one said), and what the message says besides."""
    known = {n.lower() for n in names if n}
    changed: str | None = None
    rest: list[str] = []
    if relaying := _RELAYING.search(text):  # "That's him, I'm just typing lol": their words, typed
        changed, text = SELF, f"{text[: relaying.start()]} {text[relaying.end() :]}"
    for clause in (c for c in re.split(r"(?<=[.!?;,])\s+", text) if c.strip()):
        now = _NOW_TYPING.match(clause)
        back = _BACK_TO_ME.search(clause) if speaking == SELF else None
        who = (now or back).group("who") if (now or back) and (now or back).group("who") else None
        if now and (who.lower() in known or _KIN_WORDS.match(who)):
            changed = SELF
        elif _GIVEN_THE_PHONE.search(clause):
            changed = SELF
        elif back and (who is None or (who.lower() not in known and who.lower() not in {"i", "we", "they"})):
            changed = CARER
        elif not re.fullmatch(r"\W*(?:hello|hi|hiya|hey)\W*", clause, re.I):
            rest.append(clause)
    return changed, " ".join(rest).strip()


def handed_back(text: str) -> str | None:
    """In the person's own chat: what the message says besides someone handing the phone back to
    them ("Over to you love" says nothing else: ""), or None when no one hands back."""
    clauses = [c for c in re.split(r"(?<=[.!?;,])\s+", text) if c.strip()]
    rest = [c for c in clauses if not _HANDS_BACK.search(c)]
    return None if len(rest) == len(clauses) else " ".join(rest).strip()


# A carer's own need, said at a question about the person: "honestly I just need a night off".
# Not "I'd like to take him to the seaside" or "I want us to go away": those are about the person.
_MY_OWN_NEED = re.compile(
    r"^\W*(?:(?:honestly|tbh|to be honest|truthfully|well|and|but|really|if i'?m honest)\W+)*"
    # "me. i need some help for me too", "me getting some sleep", "something for me for once" (s34 tester)
    r"(?:me\W+(?=i\b|getting\b|having\b|to\s+(?:get|have)\b)|something\s+for\s+me\b)?"
    r"(?:i(?:'d| would)?\s+(?:just\s+|really\s+|badly\s+|desperately\s+|so\s+)?"
    r"(?:need|want|could do with|love|like|wish i (?:had|could have))\b"
    r"|(?:getting|having|to\s+get|to\s+have)\s+(?:some|more|a|any)\b"
    r"|(?<=for me)\b)",
    re.I,
)
_SOMEONE_ELSE = re.compile(
    rf"\b(?:he|she|him|her|his|hers|they|them|their|we|us|our|together|{_KIN})\b", re.I
)


def carers_own_need(text: str, names: Iterable[str]) -> bool:
    """Is a carer telling their own need ("I could do with a break"), not the person's?"""
    if not _MY_OWN_NEED.search(text) or _SOMEONE_ELSE.search(text):
        return False
    return not any(re.search(rf"\b{re.escape(name)}\b", text, re.I) for name in names if name)


# --- the appointment ------------------------------------------------------------------------
_WHO_WORDS: dict[str, list[str]] = yamlfile.load(
    Path(__file__).with_name("clinicians.yml").read_text("utf-8")
)
# Clinicians who are who the appointment is with when named alone (not "team", "worker"...)
_NAMED_ALONE = set(_WHO_WORDS["named_alone"])
_PLACES = set(_WHO_WORDS["places"])
_CLINICIANS = _NAMED_ALONE | set(_WHO_WORDS["with_words"]) | _PLACES
_LOOSE_PLACES = set(_WHO_WORDS["loose_places"])
_TITLES = set(_WHO_WORDS["titles"])
_APPOINTMENT_WORDS = {"appointment", "appt"}
_DAY_WORD = (
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|tomorrow|tmrw|tmw|tomoz|today"
    r"|\d{1,2}(?:st|nd|rd|th)"
)
_APPOINTMENT_CUE = re.compile(
    r"\b(?:see|seeing|sees|saw|with|got|have|has|appointment|appt|visit|going to|booked|review at|at the)\b"
    # "GP on the 10th", "physio thurs 10th": who, and straight after it when
    rf"|\b(?:{'|'.join(sorted(_CLINICIANS))})\s+(?:on\s+)?(?:the\s+)?(?:next\s+|this\s+)?(?:{_DAY_WORD})\b",
    re.I,
)
_REASON = re.compile(
    r"\b(?:about|regarding|re:|(?:in|with) regards? to|wrt"
    r"|(?:re|concerning)(?=\s+(?:my|his|her|their|the|a|an)\b)"
    r"|to (?:talk|chat) about|to discuss|to sort out|to check on|to look at|"
    r"to go over|to review|to see about|to see(?=\s+(?:if|whether|how)\b)"
    r"|for(?=\s+(?:my|his|her|their|a|an|the)\s+(?!(?:" + _KIN + r")\b))"
    # in second-language English: "for check his heart"
    r"|for(?=\s+check(?:ing)?\s+(?:on\s+)?(?:my|his|her|their|the)\b))\s+(.+)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(
    r"\s*(?:[.;!?]|,\s*(?:and|but|so|i|i'?m|im|i am|i'?ve|he|she|they|we|he'?s|she'?s|they'?re)\b"
    # ", the wife sez do this first": someone else's words start
    r"|,\s*(?:the|my|our|me)\s+\w+\s+(?:says|sez|said|told|wants|thinks|reckons)\b"
    r"|\b(?:on|next|this|tomorrow"
    r"|at\s+\d|in\s+(?:a|two|\d))\b(?=[^.]*\d|\s+\w+day)"
    r"|\b(?:it'?s|its|it is|this is)\s+for\s+(?:me|my|him|her|them|us)\b|$)",
    re.IGNORECASE,
)


# "with" typed short, as in a text: "w dr patel", "wiv the nurse", "appt w/ the physio"
_WHO_FIRST = "|".join(map(re.escape, sorted(_TITLES)))
_WITH_SHORT = re.compile(
    rf"(?:^|(?<=\s))(?:w|wiv|wid|wif)/?\s+(?=(?:the|a|an|my|his|her|their|{_WHO_FIRST})\b)",
    re.I,
)


def clinician(text: str, *, asked: bool = False) -> str | None:
    """Who the appointment is with: "the heart clinic", "Dr Patel", "the diabetes nurse", with
    the name and the place said with it ("the practice pharmacist, Mrs Kaur", "Dr Okonjo (GP)").

    Unless the question asked is who it's with, the message must say it's an
    appointment ("seeing", "with", "got the..."), so "the nurse was lovely" isn't taken.
    """
    text = _WITH_SHORT.sub("with ", _mended(text))
    if not asked and not _APPOINTMENT_CUE.search(text):
        return None
    doc = parse(text)
    found = _who_in(doc, asked)
    return _with_their_name(doc, _with_the_place(text, found)) if found else _someone_from(text, asked)


# A place said just after who, the way people say it: "the pre-op nurse up Bronglais", "physio
# down the Royal", "Dr Shah over at Park Lane", "the podiatrist in Llanelli": a name in capitals,
# or a word that names a hospital ("down the royal", "up at the general").
_PLACE_AFTER = re.compile(
    r"\s*,?\s+(?:(?:up|down|over|out|round)(?:\s+(?:at|in|to))?|at|in)\s+"
    r"(?P<place>(?:the\s+)?(?:(?-i:[A-Z][\w'’&-]+)(?:\s+(?-i:[A-Z][\w'’&-]+)){0,3}"
    rf"|(?:[a-z'-]+\s+)?(?:{'|'.join(_WHO_WORDS['hospital_words'])})\b))",
    re.I,
)


def _with_the_place(text: str, found: str) -> str:
    """Who, with the place said just after it in the message ("the pre-op nurse up Bronglais");
    who as found when no place follows, or when what follows is a day ("the nurse in March")."""
    at = text.lower().find(found.lower())
    place = _PLACE_AFTER.match(text, at + len(found)) if at >= 0 else None
    if place is None or dates.when(place["place"]) or place["place"].lower() in dates.MONTHS:
        return found
    return found + text[at + len(found) : place.end()]


# Someone from a place that is not a clinic, by who they are and where from, then maybe their
# name: "the lady at the council, Jan", "a lady from social services called Bev", "the man
# from the hospice - Keith". The place is a word or three, never what the visit is about.
_SOMEONE_FROM = re.compile(
    r"\b(?:the|a|this|that|some|my)\s+(?:(?:nice|young|old|older)\s+)?"
    r"(?:lady|woman|man|gentleman|chap|fella|fellow|bloke|girl|guy|lad|person|someone|somebody)"
    r"\s+(?:at|from)\s+(?P<place>(?:the\s+)?[a-z'-]+(?:\s+(?!(?:about|for|on|next|this|to|re|regarding|at"
    r"|in|tomorrow|called|named|who|and|with|coming|is|was)\b)[a-z'-]+){0,2})"
    r"(?:(?:\s*[,-]\s*|\s+(?:called|named)\s+)(?P<name>(?-i:[A-Z][a-z'-]+))\b)?",
    re.I,
)
# What says they are coming to see them: "seeing", "a visit from", "with"
_SEEN_BY = re.compile(r"\b(?:see|seeing|with|visit(?:ing)?(?: from)?|coming|meeting)\s*$", re.I)


def _someone_from(text: str, asked: bool) -> str | None:
    """Who the appointment is with, when it is someone from a place ("the lady at the council,
    Jan"): at the question itself, or said as who they are seeing."""
    found = _SOMEONE_FROM.search(text)
    if found is None or not (asked or _SEEN_BY.search(text[: found.start()])):
        return None
    who = text[found.start() : found.end("place")]
    name = _a_name(found.group("name"))
    if name and not dates.when(name):  # "the lady at the council, Monday": when, not who
        return f"{who}, {name}"
    return who


def _who_in(doc: Doc, asked: bool) -> str | None:
    """The words of a message that say who the appointment is with (see ``clinician``)."""
    chunks = list(doc.noun_chunks)
    # Who sent them ("my GP told me to do this"), a place named in passing and "the doctor" when
    # someone is named more nearly ("Jamie says the doctor. It's his health check with the GP") come last.
    for n, chunk in sorted(
        enumerate(chunks),
        key=lambda at: (_sent_them(at[1].root), _only_a_place(at[1]), _just_the_doctor(at[1])),
    ):
        words = {_role_word(t) for t in chunk}
        # "My GP surgery gave me a leaflet. ... bear with me": the cue is in another sentence
        if not (
            words & _CLINICIANS or _a_loose_place(chunk, asked) or _titled_and_seen(chunk, asked)
        ) or not (asked or _APPOINTMENT_CUE.search(chunk.sent.text)):
            continue
        if not asked and _sent_them(chunk.root):
            continue  # "the nurse at the hospital said to fill this in": who sent them, not who they see
        start, end = chunk.start, chunk.end
        if words & _APPOINTMENT_WORDS:
            # "a GP appointment with Dr Patel": who it's with, and the kind; "a hospital
            # appointment with the heart consultant": who; "hospital appointment": the kind.
            kind = " ".join(_tidy(t) for t in chunk if t.lower_ not in _APPOINTMENT_WORDS | {"a", "an"})
            with_next = n + 1 < len(chunks) and chunks[n + 1].start == end + 1 and doc[end].lower_ == "with"
            if with_next and chunks[n + 1][0].lower_.strip(".") in _TITLES:
                return f"{chunks[n + 1].text} ({kind})"
            if with_next and {t.lower_.strip(".") for t in chunks[n + 1]} & _CLINICIANS:
                continue
            return kind
        # "I'm Sam, GP on the 10th": the parse joins the name to who; who is after the comma
        start = max([start, *(t.i + 1 for t in chunk if t.text == ",")])
        # "Dr Patel" is a chunk of its own after "Dr": keep them together.
        if chunk.start > 0 and doc[chunk.start - 1].lower_.strip(".") in {"dr", "doctor", "nurse"}:
            start -= 1
        # "Mr Hughes the knee surgeon", "Mrs Abara, at the Oak Lane practice": the name said just before
        joined = next((start - k for k in (2, 1) if k <= start and _joining(doc[start - k : start])), start)
        if n and chunks[n - 1].end == joined and chunks[n - 1][0].lower_.strip(".") in _TITLES:
            start = chunks[n - 1].start
        elif chunk.root.dep_ == "appos" and chunk.root.head.pos_ == "PROPN" and chunk.root.head.i < start:
            start = min(start, chunk.root.head.left_edge.i)  # "Mr Okoro the surgeon": one phrase to the parse
        if (
            start == chunk.start
            and start > chunk.sent.start
            and (chunk.sent.start == start - 1 or (doc[start - 1] == chunk.root.head and _which_team(chunk)))
            and chunk[0].pos_ not in {"DET", "PRON"}
            and _describes(doc[start - 1], loose=True)
        ):
            start -= 1  # "diabetes clinic", "the falls team": the parse took "falls" for a verb
        end = _and_what_follows(chunks[n + 1 :], end)
        while end > start and _says_when(doc[end - 1]):
            end -= 1  # "the nurse tmrw": who, without when
        found = "".join(_tidy(t) + t.whitespace_ for t in doc[start:end]).strip(" ,.")
        found = re.sub(r"^(?:a|an)\s+", "", found)  # "a doctors appt": the doctor
        if (
            {_role_word(t) for t in doc[start:end]} & _CLINICIANS
            or _a_loose_place(chunk, asked)
            or _titled_and_seen(chunk, asked)
        ):
            return found
        break  # "me, respiratory nurse tomorrow morning, copd review": the parse ran it all together
    match = re.search(r"\b(?:dr\.?|doctor)\s+[A-Z][a-z]+", doc.text, re.I)
    if match:
        return match.group(0)
    # "diabetic foot clinic on the 22nd", "physio tomoz at 3": the parse found no noun phrase
    for token in doc:
        if _role_word(token) in _CLINICIANS and (asked or _APPOINTMENT_CUE.search(token.sent.text)):
            if not asked and _sent_them(token):
                continue
            if (
                _role_word(token) in _NAMED_ALONE
                or token.i > token.sent.start
                and _describes(doc[token.i - 1])
            ):
                return _with_its_words(token)
    # "neurologist next month sumtime": no noun phrase parsed, but the word is plain
    named = [t.text for t in doc if t.lower_ in _NAMED_ALONE] if asked else []
    return named[0] if named else None


def _and_what_follows(after: list[Span], end: int) -> int:
    """Where who ends, with the name, the place or the kind said just after: "Dr Okafor at the Lime
    Tree surgery", "the practice pharmacist, Mr Desai", "the nurse of the heart rehab, cardiac
    rehab, at the hospital", "Nurse Bell (the diabetes one) at the health centre", "the GP is Dr
    Pryce", "at the orthopaedic clinic in St Luke's"."""
    for chunk in after:
        doc = chunk.doc
        aside = [t.text for t in doc[end : end + 8]]
        if aside[:1] == ["("] and ")" in aside:
            end += aside.index(")") + 1  # an aside in brackets
        if chunk.start < end:
            continue
        gap = [t.lower_ for t in doc[end : chunk.start]]
        titled = chunk[0].lower_.strip(".") in _TITLES
        if (
            not (
                gap in (["at"], [",", "at"], ["of"])
                or (gap in ([","], ["-"], [",", "-"], []) and (titled or chunk.root.dep_ == "appos"))
                or (gap == ["in"] and chunk.root.pos_ == "PROPN" and chunk.root.lower_ not in dates.MONTHS)
                or (gap in (["is"], ["'s"]) and titled)
            )
            or chunk[0].pos_ == "PRON"
        ):  # ", its his annual review"
            break
        end = chunk.end + (chunk.end < len(doc) and doc[chunk.end].lower_ in {"'s", "’s"})  # "St James's"
    return end


def _role_word(token: Token) -> str:
    """A word as the vocabulary has it: "doctors" and "doctor's" are "doctor", "Dr." is "dr"
    (but "hospitals" is no hospital of theirs)."""
    word = re.sub(r"['’]s$", "", token.lower_.strip("."))
    return word[:-1] if word.endswith("s") and word[:-1] in _CLINICIANS - _PLACES else word


def _tidy(token: Token) -> str:
    """A clinician's word without the plural or the 's ("a doctors appt": "doctor")."""
    word = _role_word(token)
    return word if word in _CLINICIANS and word != token.lower_ else token.text


def _joining(words: Span) -> list[str]:
    """The words that join a name to who just after it ("at", ", at", ","), or none."""
    said = [t.lower_ for t in words]
    return said if said in (["at"], [",", "at"], [","], ["-"], [",", "-"]) else []


def _titled_and_seen(chunk: Span, asked: bool) -> bool:
    """ "Mr Patel", "Mrs Abara" at the question itself, or after "see" or "with"."""
    seen = chunk.start > 0 and chunk.doc[chunk.start - 1].lower_ in _SEEING
    return chunk[0].lower_.strip(".") in _TITLES and len(chunk) > 1 and (asked or seen)


def _a_loose_place(chunk: Span, asked: bool) -> bool:
    """ "the neuro place", "the health centre" said first, at the question itself."""
    words = {t.lower_ for t in chunk}
    return asked and bool(words & _LOOSE_PLACES) and chunk.start == chunk.sent.start and len(words) > 1


# Who sends them, not who they see: "the nurse said to fill this in", "the surgery has suggested I..."
_SENDING = {"say", "tell", "suggest", "ask", "send", "want", "give", "recommend", "refer", "advise", "write"}


def _just_the_doctor(chunk: Span) -> bool:
    """Is this chunk only "the doctor" ("a doc", "his doctor"), naming no one more nearly?"""
    return {t.lower_ for t in chunk if t.pos_ not in {"DET", "PRON"}} <= {"doctor", "doc", "doctors"}


def _sent_them(token: Token) -> bool:
    """Is this (or what it hangs from: "the nurse at the hospital") who said to do the chat?"""
    return any(t.dep_ == "nsubj" and t.head.lemma_.lower() in _SENDING for t in [token, *token.ancestors])


# One slip in a clinician's word ("physioo", "podiatrsit", "consultent"), in words this long.
_MENDABLE = sorted(w for w in _CLINICIANS | _LOOSE_PLACES if len(w) >= 6)
_LONG_WORD = re.compile(r"\b[a-z]{6,}\b", re.I)


def _mended(text: str) -> str:
    def mend(match: re.Match[str]) -> str:
        word = match.group(0).lower()
        if word in _MENDABLE:
            return match.group(0)
        near = difflib.get_close_matches(word, _MENDABLE, n=1, cutoff=0.88)
        if not near or _an_ending(word, near[0]):
            return match.group(0)
        return near[0]

    return _LONG_WORD.sub(mend, text)


def _an_ending(word: str, other: str) -> bool:
    """ "hospitals", "orthopaedic": one word is the other with an ending (no slip), unless the
    ending only says the last letter again ("physioo")."""
    short, long = sorted((word, other), key=len)
    return long.startswith(short) and long[len(short) :] != short[-1] * (len(long) - len(short))


# A name said for who it is with: "Dr Okonjo", "mrs kaur"; "her name's Chloe", "he's called Tariq".
# (after a word that is a role too, "nurse", "doctor", "sister", only a name with a capital)
_TITLED_NAME = re.compile(
    r"\b(?:(?i:dr|mr|mrs|ms|miss|prof)\.?\s+(?i:[a-z][a-z'’-]+)|(?i:sister|nurse|doctor)\s+[A-Z][a-z'’-]+)"
)
_TOLD_NAME = re.compile(
    r"\W*(?:and\s+)?(?:(?:her|his|their)\s+names?(?:['’]s|\s+is)?|(?:she|he)(?:['’]s|\s+is)\s+called)"
    r"\s+([a-z][a-z'’-]+)",
    re.I,
)


def _with_their_name(doc: Doc, found: str) -> str:
    """Who, with the name said apart from it: "GP. Dr Okonjo." is "Dr Okonjo (GP)"; "the social
    prescriber at the health centre, her name's Chloe" keeps Chloe (said straight after who: in
    "seeing the nurse, my mum's name is Ann" Ann is not the nurse). A titled name counts only in
    a few words of its own, so "the nurse, because Dr Jones is off" is the nurse."""
    for sent in doc.sents:
        titled = _TITLED_NAME.search(sent.text)
        # the name's own words never count as a verb: "my gp dr hussain" parses "dr" as one
        named = (
            range(sent.start_char + titled.start(), sent.start_char + titled.end()) if titled else range(0)
        )
        alone = titled and not any(t.pos_ in {"VERB", "AUX"} and t.idx not in named for t in sent)
        if alone and titled.group(0).split()[-1].lower() in STOP_WORDS | _CLINICIANS | _APPOINTMENT_WORDS:
            alone = False  # "dr appt", "mr is"
        if alone and titled.group(0).lower() not in found.lower():
            name = titled.group(0).strip(" .")
            bare = len(found.split()) <= 3 and " at " not in found  # "GP. Dr Okonjo": Dr Okonjo (GP)
            return f"{name} ({found})" if bare else f"{found}, {name}"
    for chunk in doc.noun_chunks:  # "the GP who visits the home, Dr Okafor"
        if chunk.root.dep_ == "appos" and _TITLED_NAME.match(chunk.text) and chunk.root.head.text in found:
            return found if chunk.text in found else f"{found}, {chunk.text}"
    at = doc.text.find(found)
    told = _TOLD_NAME.match(doc.text, at + len(found)) if at >= 0 else None
    name = told and told.group(1)
    if name and name.lower() not in found.lower() and name.lower() not in STOP_WORDS and _a_name(name):
        return f"{found}, {name}"
    return found


_SEEING = {"see", "seeing", "sees", "saw", "with", "visit", "visiting"}


def _only_a_place(chunk: Span) -> bool:
    """A place named in passing ("the surgery asked me to...", "the practice want me to..."),
    not after "see" or "with": who the appointment is with only when no one else is named. A
    team said with what it does is who ("the cardiac rehab team at the Northern General, the
    nurse is called Sue"); "the surgery team" is a place."""
    named = {t.lower_.strip(".") for t in chunk} & _CLINICIANS
    seen = chunk.start and chunk.doc[chunk.start - 1].lower_ in _SEEING
    return named <= _PLACES and not _which_team(chunk) and not seen


def _which_team(chunk: Span) -> bool:
    """A team said with what it does ("the cardiac rehab team", "the falls team", where the parse
    may take "falls" for a verb): who, not a place ("the surgery team")."""
    team = next((t for t in chunk if t.lower_ == "team"), None)
    if team is None or team.i == chunk.sent.start:
        return False
    before = chunk.doc[team.i - 1]
    return before.lower_ not in _PLACES | _OWNER and (
        _describes(before) or (before == team.head and _describes(before, loose=True))
    )


# Words that say when, not who: "the nurse tmrw", "physio tomoz at 3"
_WHEN_WORD = re.compile(rf"^(?:{_DAY_WORD}|tomorow|morning|afternoon|evening|next|week|at|on)$", re.I)
# Words before a clinician that say which one: "the diabetic foot clinic", "my asthma nurse"
_WHICH_WORDS = {"ADJ", "NOUN", "PROPN"}
_OWNER = {"the", "a", "an", "my", "his", "her", "their", "our"}


def _says_when(token: Token) -> bool:
    return bool(_WHEN_WORD.match(token.text)) or token.like_num or dates.when(token.text) is not None


def _describes(token: Token, *, loose: bool = False) -> bool:
    """Does this word, just before a clinician, say which one ("foot" in "foot clinic")? ``loose``:
    the message's first word, which the parse may take for a verb ("diabetes clinic", "falls
    clinic"), unless it is one ("got physio", "see GP")."""
    if loose and token.pos_ == "VERB":
        return token.lemma_.lower() not in _DOING and token.lower_ not in _SEEING and not _says_when(token)
    return token.pos_ in _WHICH_WORDS and not _says_when(token) and token.lower_ not in _APPOINTMENT_WORDS


_DOING = {"have", "get", "be", "do", "need", "want", "book", "go", "attend", "see", "visit", "make", "take"}


def _with_its_words(token: Token) -> str:
    """A clinician with the words before it that say which: "the diabetic foot clinic"."""
    doc, start = token.doc, token.i
    while start > token.sent.start and _describes(doc[start - 1]) and not doc[start - 1].is_punct:
        start -= 1
    if start > token.sent.start and doc[start - 1].lower_ in _OWNER:
        start -= 1
    return doc[start : token.i + 1].text


# Who a statement is about, said first: "He knows, he's sat next to me" names no one to see.
_PERSONAL = {"i", "he", "she", "they", "we"}


def names_no_one(text: str) -> bool:
    """At "Who is your appointment with?", words that name no one: a yes, "me. just me", a
    statement about someone ("He knows, he's sat next to me..."), a list of other things ("kids in
    bed by 7, sugars in range, 5 a side with the lads"); never "Mrs Jones", "the Lime Tree" or
    "the lady who does my bloods"."""
    if clinician(text, asked=True):
        return False
    told = next((t for t in parse(text)[:3] if t.dep_ == "nsubj"), None)
    listed = len([part for part in re.split(r"[,;]", text) if part.strip()]) >= 3
    return not content_words(text) or (told is not None and told.lower_ in _PERSONAL) or listed


# A role said with "the", "her", "his" ("her MS nurse", "the physio", "his diabetes nurse")
_A_ROLE = re.compile(
    rf"\b(?:the|his|her|their|my|our|a)\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(sorted(_NAMED_ALONE))})\b", re.I
)


def clinician_named(text: str) -> str | None:
    """Who the appointment is with, told with their role where a name is asked ("her MS nurse,
    Jo", "the physio, Mark"): never the person's name. A title alone ("Dr Patel") may be theirs."""
    who = only_the_clinician(text)
    return who if who and _A_ROLE.search(who) else None


# What is said of who, just after them: "Dr Bhatt, she does the learning disability checks",
# "Mr Patel, who does the knee ops at the Royal"
_ABOUT_THEM = re.compile(
    r"^\W*(?:(?:she|he|they)(?:'s|'re|'ll| is| are| does| do| did| runs| works| sees| will| has| have)"
    r"|(?:who|that)\s+(?:does|do|did|runs|works|sees|takes|is|was))\b",
    re.I,
)


# Owning a slip, said as "oops" is: "my bad", "silly me", "whoops", "daft me". A correction's
# first words, like "sorry", wherever those are read.
# (never "my bad knee": "my bad" ends there, or a new thought starts)
_OOPS = (
    r"(?:oops|whoops|oopsie|silly me|silly old me|daft me|stupid me|d'?oh"
    r"|my bad(?=\W*$|\s*[,.;:!-]|\s+(?:i|it|its|it'?s|that|thats|sorry|ignore|wrong|no|lol)\b))"
)


# A sorry or a sigh said first, on its own ("sorry she's screaming.", "ugh the dog. ", "soz, "):
# what follows is what they meant to say.
_SORRY_FIRST = re.compile(
    rf"^\W*(?:sorry|soz|sry|{_OOPS}|ugh+|argh+|omg|apologies)\b(?:[^.;!?]*[.;!?]+|\W*(?:love|dear|pet|hun)?\W+)\s*",
    re.I,
)


def without_sorry_first(text: str) -> str:
    """The message without a sorry or a sigh said first ("sorry she's screaming. with dr osei at
    fairfield surgery": "with dr osei at fairfield surgery"); the message when nothing follows it."""
    rest = _SORRY_FIRST.sub("", text, count=1)
    return rest if says_something(rest) else text


def only_the_clinician(text: str) -> str | None:
    """Who the appointment is with, when that is nearly all the message says ("Dr Okafor at the
    Lime Tree surgery", after a sorry: "sorry she's screaming. with dr osei at fairfield surgery"),
    or said first with what they do ("Dr Bhatt, she does the learning disability health checks at
    Riverside"), not a clinician named in passing ("it's on the letter from the hospital")."""
    text = without_sorry_first(text)
    head, rest = re.match(r"^\W*([^,.;!?]*)(.*)$", text, re.S).groups()
    first = clinician(head, asked=True) if _ABOUT_THEM.match(rest) else None
    if first and len(first.split()) >= 0.6 * len(head.split()):
        return first  # "Mr Desai the eye surgeon, he did her other eye"
    who = clinician(text, asked=True)
    return who if who and len(who.split()) >= 0.6 * len(text.split()) else None


# "its my diabetes review with the nurse", "for me. asthma check at the surgery": the kind of
# appointment names what it's for.
_CHECK_UP = re.compile(
    r"(?:\b(?:it'?s|its|for|got|has|have|having|before|ahead of|at|to)\s+(?:my|his|her|their|a|an|the)\s+"
    r"|(?:^|[.,;!?])\s*(?:(?:my|his|her|their|a|an|the)\s+)?)"
    r"((?:(?!(?:it'?s|its|for|got|has|have|having|before|at|to|my|his|her|their|a|an|the"
    r"|they|we|you|i|he|she)\b)[a-z-]+\s+){0,3}?"
    r"(?:check[- ]?up|review|check"
    r"|scan|test|tests|results|assessment|injection|jab|bloods|blood test|follow[- ]up|health check|mot))\b",
    re.I,
)


# What a check-up follows: "follow up after the fall they said", "review since my op".
_AFTER = re.compile(r"\s+(?:after|since|following|of|on)\s+(?:my|his|her|their|the|a|an)\s+[^.;!?,]+", re.I)
_THEY_SAID = re.compile(r"\s+(?:they|she|he|the \w+)\s+(?:said|say|says|reckon|reckons|think|thinks)$", re.I)


def _what_after(rest: str) -> str:
    after = _AFTER.match(rest)
    return _THEY_SAID.sub("", after.group(0).rstrip()) if after else ""


_NOT_A_REASON = {"me", "myself", "it", "that", "this"}  # "gave me a leaflet about this"


# What they do at an appointment ("they do my bloods", "the nurse changes his dressings"), said
# back as what it is for: "doing your bloods".
_DONE_THERE = {
    "check": "checking",
    "review": "reviewing",
    "do": "doing",
    "change": "changing",
    "test": "testing",
    "scan": "scanning",
    "weigh": "weighing",
    "dress": "dressing",
    "examine": "examining",
    "measure": "measuring",
    "sort": "sorting out",
    "look": "looking at",
}


def _done_there(text: str) -> str | None:
    """What a message says they do at the appointment: "they check my feet" gives "checking my feet"."""
    for verb in parse(text):
        subject = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.lemma_.lower() not in _DONE_THERE or not subject or subject[0].lower_ in {"i", "we"}:
            continue
        if verb.tag_ == "VBD":  # "he did my hip in the summer": what was done before, not what it's for
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if verb.lemma_.lower() == "look":
            objects = [o for p in verb.children if p.lower_ == "at" for o in p.children if o.dep_ == "pobj"]
        # whose: "my feet", "his meds" ("they check everything twice" says nothing it is for)
        objects = [o for o in objects if any(c.dep_ == "poss" for c in o.children)]
        if objects:
            said = verb.doc[objects[0].left_edge.i : objects[0].right_edge.i + 1].text
            return f"{_DONE_THERE[verb.lemma_.lower()]} {said}"
    return None


def reason(text: str) -> str | None:
    """What the appointment is for: "about his tablets", "for my review", "they do my bloods"."""
    match = _REASON.search(text)
    if not match:
        check_up = _CHECK_UP.search(text)
        return check_up.group(1) + _what_after(text[check_up.end() :]) if check_up else _done_there(text)
    said = match.group(1)
    cut = _CLAUSE_END.search(said)
    said = said[: cut.start()] if cut else said
    said = re.sub(r"^if\b", "whether", said.strip(" ,."), flags=re.I)  # "to see if they'll operate"
    return said if len(said.split()) >= 1 and said.lower() not in _NOT_A_REASON else None


# --- life, goals --------------------------------------------------------------------------
_GOOD_DAY = re.compile(
    r"[^.!?\n]*\b(?:good day|good days|best days?|a great day|on a good day)\b[^.!?\n]*", re.I
)
# A reason said with the goal. Not "so I can...": that is part of the goal itself
# ("get my sugars right so I can keep gardening"), and why it matters is still asked.
_BECAUSE = re.compile(r"\s*,?\s*\b(?:because|cos|coz|cause|as it)\b\s*", re.I)
# Having stopped, just before a reason: "she's stopped", "I gave up last year", "he hasn't been
# since march". What follows says what got in the way, not why the goal matters.
_STOPPED = re.compile(
    r"\b(?:stopped|given (?:it )?up|gave (?:it )?up|packed (?:it|that) in|quit|no longer"
    r"|(?:has|have|had)(?:n'?t| not) (?:been|gone)|can'?t|cannot|won'?t"
    r"|(?:could|does|do|did|would)(?:n'?t| not))"
    r"(?:\s+[\w']+){0,3}\s*$",
    re.I,
)
# ("only" joins only after a stop: "..., only my knees won't let me", not "she's only been twice")
# "..., but this is about her", "but anyway": about the answer itself, never what is in the way.
_ABOUT_THE_ANSWER = re.compile(
    r"(?:this|that|it)(?:'s|’s|\s+is|\s+was)\s+(?:(?:all|really|only)\s+)?(?:about|for)\s+(?:her|him|them|me|you)\b"
    r"|anyway\b|never mind\b|that'?s (?:by the by|another story|beside the point)",
    re.I,
)
# After "but", what the goal would mean to them: why it matters ("it would mean the world to her",
# "it means everything to me", "it would make me so happy", "I'd love it")
_WHAT_IT_MEANS = re.compile(
    r"^(?:(?:it|that|this|which)\s*(?:'d|would|will|'ll|does|do|really|just|honestly|truly|\s)*"
    r"(?:(?:mean|means)\s+(?:so much|a lot|the world|everything|a great deal|loads|such a lot|the earth)"
    r"|(?:matter|matters)\s+(?:so much|a lot|to (?:me|her|him|us|them))"
    r"|(?:make|makes)\s+(?:me|her|him|us|them)\s+(?:so\s+|really\s+|very\s+)?(?:happy|proud|feel))\b"
    r"|(?:i|she|he|we|they)\s*(?:'d|d|would)\s+(?:really\s+)?(?:love|treasure)\s+(?:it|that)\b"
    r"|(?:it'?s|its|it is|that'?s|thats)\s+(?:so\s+|really\s+|very\s+)?"
    r"(?:important|precious|special|everything)"
    r"\s+to\s+(?:me|her|him|us|them)\b)",
    re.I,
)
_BUT = re.compile(
    r"\s*,?\s*\b(?:but|the (?:trouble|problem|thing) is|what stops (?:me|him|her) is)\b\s*"
    r"|\s*[,;:-]\s*only\b\s*",
    re.I,
)


def good_day(text: str) -> str | None:
    match = _GOOD_DAY.search(text)
    return match.group(0).strip(" ,") if match else None


# What matters, told by name before it is asked ("What matters most is being able to look after
# my grandson", "the most important thing for him is his garden"): the words after it, to the stop.
_WHAT_MATTERS = re.compile(
    r"\b(?:what matters(?: (?:the )?most)?|what(?:'s| is) (?:most )?important|the (?:most )?important thing"
    r"|the thing that matters(?: (?:the )?most)?)"
    r"(?:\s+(?:to|for)\s+(?:me|him|her|them|us|[A-Z][a-z]+))?(?:\s+(?:now|really|these days))?"
    r"\s*(?:is|are|=|:|-)\s+(?P<said>[^.!?\n]*[a-z][^.!?\n]*)",
    re.I,
)


def what_matters_said(text: str) -> str | None:
    """What matters most, when the message says it by name; None when it doesn't, or says
    too little to keep."""
    match = _WHAT_MATTERS.search(text)
    said = match["said"].strip(" ,") if match and text[match.end() : match.end() + 1] != "?" else ""
    return said if len(said.split()) >= 2 else None


# After "but", how long it has been ("but she hasnt done it since september", "but I haven't
# been in years"): part of the goal's story, not what gets in the way.
_HOW_LONG = re.compile(
    r"^(?:(?:i|he|she|they|we|mum|dad|mam)\s+)?(?:ha(?:s|ve)n'?t|has not|have not|not)\b[^.!?]{0,40}?"
    r"\b(?:since|in (?:ages|years|months|weeks|a while|a long time|donkeys)|for (?:ages|years|months"
    r"|weeks|a while|a long time|donkeys))\b",
    re.I,
)


# Words about the choice offered by "Shall I keep them as two separate goals?". Counting words
# ("one", "two", "both", "same") are about it only in a short reply ("both", "as one pls"):
# "we've had that plot thirty two years, it's the one place I feel like myself" says why.
# "leave it" is the choice only as all it says or with "as ...": not "he can't leave it alone".
_LEAVE_IT = r"leave (?:it|them)(?=\s*(?:$|[.,;!?]|as\b|like\b|be\b|together\b))"
_ABOUT_SPLITTING = re.compile(
    rf"\b(?:together|separate(?:ly)?|apart|split|goals?|as it is|as is|{_LEAVE_IT})",
    re.I,
)
_COUNTING = re.compile(r"\b(?:one|same|both|two|three)\b", re.I)


# Kept together, said in words: "together is fine", "keep it as one", "no need to split it"
_TOGETHER = re.compile(
    r"\b(?:together|as (?:the )?one|(?:just |the )?one goal|(?:the )?same goal|combined?|all one"
    rf"|not (?:separate|split)|(?:don'?t|no need to|do not) split|as it is|as is|{_LEAVE_IT})\b",
    re.I,
)
# Kept apart, said in words: "two separate ones please", "split them up love", "as 2 goals pls"
_APART = re.compile(
    r"\b(?:separate(?:ly)?|apart|split|(?:two|2|three|3|four|4|different) (?:goals|ones|things|different)"
    r"|each (?:on its own|one on its own|separately))\b",
    re.I,
)


def keeps_apart(text: str) -> bool | None:
    """The reply to "Shall I keep them as two separate goals?" said in words: True to keep them
    apart ("two separate ones please"), False to keep one goal ("together is fine"), None when
    the words say neither (a yes or no, read as one)."""
    if _TOGETHER.search(text):
        return False
    return True if _APART.search(text) else None


def goes_on_past_the_split(text: str) -> bool:
    """A reply to "Shall I keep them as two separate goals?" that says nothing of the choice and
    goes on about the goal ("my garden was my husband's pride and joy"): an answer to what comes next."""
    words = len(text.split())
    return (
        says_something(text)
        and words >= 3
        and not _ABOUT_SPLITTING.search(text)
        and not (words <= 6 and _COUNTING.search(text))
    )


# Before "but", how small the goal is ("it is only ten minutes, but ...", "its only round the
# corner but ..."): the "but" says what is hard about so small a thing, told with the goal. It may
# be what gets in the way or not ("my son-in-law has been driving me"), so that is still asked.
_ONLY_SMALL = re.compile(
    r"\b(?:it'?s|its|it is|it was|that'?s|thats|that is)\s+(?:really\s+)?(?:only|just)\b[^.;!?]*$",
    re.I,
)


def goal_parts(text: str) -> dict[str, str]:
    """A goal told with its reason or what's in the way: "walk the dog, but my knees..."."""
    parts: dict[str, str] = {}
    rest = text
    but = _BUT.search(rest)
    if but and (_HOW_LONG.match(rest[but.end() :]) or _ABOUT_THE_ANSWER.match(rest[but.end() :])):
        but = None
    if but and _ONLY_SMALL.search(rest[: but.start()]):
        but = None  # "To walk to church on a Sunday. It is only ten minutes, but my son-in-law drives me"
    if but and len(rest[: but.start()].split()) >= 3 and _WHAT_IT_MEANS.match(rest[but.end() :]):
        # "thread a needle again. sounds daft but it would mean the world to her": why, and the
        # goal in full, so it is never quoted as only "sounds daft"
        parts["goal_why"] = rest[but.end() :].strip(" .,")
        parts["goal_text"] = rest.strip(" .,")
        return {k: v for k, v in parts.items() if len(v.split()) >= 2}
    if but and len(rest[: but.start()].split()) >= 3:
        parts["goal_barriers"] = rest[but.end() :].strip(" .,")
        rest = rest[: but.start()]
    because = _BECAUSE.search(rest)
    if because and _STOPPED.search(rest[: because.start()]):
        because = None  # "..., she's stopped because she gets confused in the crowd": not why
    if because and len(rest[: because.start()].split()) >= 3:
        parts["goal_why"] = rest[because.end() :].strip(" .,")
        rest = rest[: because.start()]
    if parts:
        parts["goal_text"] = rest.strip(" .,")
    return {k: v for k, v in parts.items() if len(v.split()) >= 2}


_AND = {"and", "&", "n", "plus"}
# What a verb needs around it to be a goal of its own: "see my grandkids", "get back to choir";
# "get up and down the stairs" has only "up", so it stays one goal.
# Verbs inside another part of the sentence (after "instead of", "when", "who") are not goals.
_INSIDE = {"prep", "pcomp", "pobj", "advcl", "relcl", "acl", "csubj"}
_COMPLEMENT = {"dobj", "prep", "advmod", "xcomp", "acomp", "ccomp", "attr", "npadvmod", "oprd"}


def several_goals(text: str) -> list[str]:
    """The goals in "I want to walk the dog again and get back to choir, and sleep through
    the night" (or "id like to get back to the allotment, sleep thru the night and see the
    grandkids more"), each in the person's own words; empty when it is one goal. A list typed
    as one ("1. ... 2. ...", bullets) is its items; otherwise the list as the parse joins it,
    or as its commas and "and"s split it when the parse lost a part."""
    if items := listed(text):
        return items
    by_parse, by_list = _goals_by_parse(text), _goals_by_list(text)
    return by_list if by_list and len(by_list) >= len(by_parse) else by_parse


# The wish in front of a list of goals, and what joins its parts.
_WISH_FRAME = re.compile(
    r"^\W*(?:(?:and|so|well|erm|um|oh|also)\W+)*(?:(?:i|we|he|she)\s*(?:'d|d|would|wud|will)?|id)?\s*"
    r"(?:really\s+)?(?:like|love|want|wanna|hope|wish)\s+(?:to\s+)?(?:be able to\s+)?",
    re.I,
)
_LIST_JOIN = re.compile(r"(\s*,\s*(?:and\s+)?(?:also\s+)?|\s+(?:and|plus|as well as)\s+(?:also\s+)?)", re.I)
# "three things really:", "my goals are:" in front of a list
_LEAD_IN = re.compile(
    r"^\W*(?:(?:two|three|four|a few|some|a couple of|couple of) things(?: really| mainly)?"
    r"|(?:my )?goals? (?:are|is))\s*[:,-]\s*",
    re.I,
)
# Words that tie what follows to the goal before it (a way, a reason, a time): not a list.
_TIED = re.compile(
    r"\b(?:instead of|rather than|without|when|whenever|while|because|cos|so|if|unless|until|but|or)\b", re.I
)
_LEAD = re.compile(r"^(?:to|also|and)\s+|^(?:be able to)\s+", re.I)


def _goals_by_list(text: str) -> list[str]:
    """Goals in a list, each part starting with a verb ("get back to the allotment, sleep thru
    the night and see the grandkids more"); two only when they are about different things.
    A part that doesn't start with a verb ("..., she stopped going cos she got lost") stays
    with the goal before it, and so does all that an "and" adds after a way, a reason or a
    time ("feel settled instead of getting upset and trying to go home" is one goal)."""
    rest = _LEAD_IN.sub("", text.strip(" .!"))
    frame = _WISH_FRAME.match(rest)
    rest = rest[frame.end() :] if frame else rest
    pieces = _LIST_JOIN.split(rest)  # part, joiner, part, joiner, part...
    parts = [_LEAD.sub("", pieces[0].strip()).strip()]
    for joiner, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        part = _LEAD.sub("", piece.strip()).strip()
        tied = "," not in joiner and _TIED.search(parts[-1])
        if tied or len(part.split()) < 2 or parse(part)[0].pos_ not in {"VERB", "AUX"}:
            parts[-1] = f"{parts[-1]}{joiner.rstrip()} {piece.strip()}"
        else:
            parts.append(part)
    if len(parts) < 2 or len(parts[0].split()) < 2 or parse(parts[0])[0].pos_ not in {"VERB", "AUX"}:
        return []
    domains = {classify(part, default="") for part in parts}
    if len(parts) == 2 and (len(domains) < 2 or "" in domains):
        return []
    return parts


# Another goal said inside an answer about this one: "i dont want to rely on him and also id
# like to get back in the pool", "more physio, oh and also i want to be able to kneel".
_ALSO_A_GOAL = re.compile(
    r"(?:^|[,.;!]\s*|\s+)(?:oh,?\s+)?(?:(?:and\s+)?also,?\s+(?:i\s*'?\s*d|id|i would|i)"
    r"|and\s+(?:i\s*'?\s*d|id|i would|i)\s+also)\s+(?:really\s+)?(?:like|love|want|wanna)\s+"
    r"(?:to\s+)?(?:be able to\s+)?(?P<goal>.+)$",
    re.I,
)


# "Also to walk to church again instead of getting a lift.": a sentence of its own.
_ALSO_TO = re.compile(
    r"(?:^|[.;!]\s+)\W*(?:(?:and|oh)\W+)?also,?\s+to\s+(?:be able to\s+)?(?P<goal>.+)$", re.I
)


def another_goal(text: str) -> tuple[str, str] | None:
    """(the answer, the other goal) when an answer about one goal says another
    ("..., and also I'd like to ...", "Also to walk to church again. Did I put that right?");
    None when it doesn't."""
    answer, aside = interpret.without_complaint(text)
    text = answer if aside == "checking" else text
    found = _ALSO_A_GOAL.search(text) or _ALSO_TO.search(text)
    if not found or len((goal := found.group("goal").strip(" .!,")).split()) < 2:
        return None
    return text[: found.start()].strip(" ,.;!"), goal


def _goals_by_parse(text: str) -> list[str]:
    """Read from the parse: verbs joined by "and" (or a list's commas), each with words of its
    own. Two such verbs are two goals only when each is about something the domains name,
    and not the same thing: "go to the shop and buy a paper" is one outing, "get my sugars
    down and lose a bit of weight" one health goal, "walk to the shops and back" one verb."""
    doc = parse(text)
    for head in doc:
        if head.pos_ not in {"VERB", "AUX"} or head.dep_ == "conj":
            continue
        if any(t.dep_ in _INSIDE for t in (head, *head.ancestors)):
            continue  # "feel settled instead of getting upset and trying to go home": one goal
        chain, verb = [head], head
        while joined := [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]:
            verb = joined[0]
            links = {c.lower_ for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i}
            if links - _AND:  # "but", "or", "so": not a list of goals
                break
            if any(c.dep_ == "mark" for c in verb.children):
                break  # "..., so he can see his pigeons": why, not another goal (the parser may join it)
            if any(c.dep_ == "neg" for c in verb.children):
                break  # "by himself, not need me drive him": the same goal, said back to front
            chain.append(verb)
        if len(chain) < 2 or not all({c.dep_ for c in v.children} & _COMPLEMENT for v in chain):
            continue
        parts = [_own_words(doc, verb, chain) for verb in chain]
        if any(len(part.split()) < 2 for part in parts):
            return []
        domains = {classify(part, default="") for part in parts}
        if len(parts) == 2 and (len(domains) < 2 or "" in domains):
            return []
        return parts
    return []


def _own_words(doc: Doc, verb: Token, chain: list[Token]) -> str:
    """One verb's words in a list of goals: its subtree without the next verb's (which holds
    the rest of the list), the "and" and the commas between them, and a leading "to"."""
    after = chain[chain.index(verb) + 1 :]
    others = {t.i for t in after[0].subtree} if after else set()
    kept = [t for t in verb.subtree if t.i not in others and not (t.dep_ == "cc" and t.head in chain)]
    if verb is chain[0]:  # a leading "to" goes; "I would like to ..." stays whole, as they said it
        kept = [t for t in kept if t.i >= verb.i or t.lower_ != "to"]
    while kept and (kept[-1].is_punct or kept[-1].dep_ == "cc"):
        kept.pop()
    if not kept:
        return ""
    return doc[kept[0].i : kept[-1].i + 1].text.strip(" ,")


_YES_WORDS, _NO_WORDS = interpret.YES_WORDS, interpret.NO_WORDS
# A yes with more said after it: "yeh the garden", "ok, walking again"
_YES_THEN = re.compile(
    rf"^\W*(?:(?:oh|ah|well|erm+|um+|mm+|hmm+)\W+)*"
    rf"(?:(?:{_YES_WORDS}|ok|okay|sure|please|definitely|actually|i suppose(?: so)?|i guess(?: so)?"
    r"|i think so|why not|go on(?: then)?(?=\s*[,.!-]|\s*$))\b(?:\s+please)?[\s,.!:-]*)+(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_JUST_MORE = re.compile(
    r"^(?:please|there is|there's one|another( one)?|one more|add (another|one)|i do|i would"
    # "yes, please note it", "yes put one down": asked to note a goal not yet said (set8_05)
    r"|(?:please )?(?:note|add|put|write|jot|take|make) (?:it|that|this|one|another(?: one)?)"
    r"(?: down| in| on| a note| please)*)\W*$",
    re.I,
)


_THATS_ALL = re.compile(
    r"\b(?:that'?s (?:it|all|everything|enough)|nothing (?:else|more)|no more|all done|that will do|"
    r"that'?ll do|i'?m done|finished|not really|i don'?t think so|can'?t think)\b",
    re.I,
)


def thats_all(text: str) -> bool:
    """Nothing more to say ("no that's it", "nothing else"): not a verdict on what was asked."""
    return bool(_THATS_ALL.search(text))


# "that is all correct", "thats right", "looks good": a verdict on what was said, not more of it
_VERDICT = re.compile(
    r"^\W*(?:(?:that|it|this|everything|all)(?:'?s| is| was)?\s+(?:all\s+)?"
    r"(?:correct|right|fine|good|ok|okay|lovely|spot on|perfect|great)"
    r"|(?:looks|sounds|seems) (?:good|right|fine|ok|okay|great|lovely)|correct|all good)\b",
    re.I,
)
# "one more - sleeping better", "another one: the garden": the way into the goal, not the goal
# "Yes, there is one more. She wants to...", "just one more - the stairs": sentence and all
_ONE_MORE = re.compile(
    r"^(?:(?:there'?s|there is|i'?ve got|i have(?: got)?|just)\s+)?"
    r"(?:one more(?: thing)?|another(?: one| thing)?|one(?: other)?(?: thing)?|something(?: else)?)"
    r"\s*(?:[-:,.;!]+\s*|$)",
    re.I,
)
_THINKING = re.compile(r"^\W*(?:(?:oh|ah|well|erm+|um+|mm+|hmm+)\W+)+", re.I)
# One word that is a goal ("swimming", "gardening."), not a word of chat or hedging
_GOAL_WORD_TAGS = {"NOUN", "VERB", "PROPN"}
_NOT_GOAL_WORDS = {
    *("thank", "thanks", "ta", "cheers", "pardon", "sorry", "hello", "hi", "bye", "what", "help", "next"),
    *("later", "none"),
}
# What follows a no that still says something: "no but I'd like to...", "no. well actually is there..."
_NO_BUT = re.compile(
    rf"^\W*(?:{_NO_WORDS}|not really|no thanks?|no thank you)\b[\s,.;:!-]*"
    r"(?:(?:but|although|though|well|actually|oh|then again|mind you|except)\b[\s,.;:!-]*)+(.*)$",
    re.I | re.DOTALL,
)
# A wish: what a goal says ("I'd like to...", "it would be nice to...")
_WISH = re.compile(
    r"\b(?:like to|love to|want(?:ed)? to|wanna|hope to|hoping to|be able to|get back to|would be nice"
    r"|i'?d like|i would like|id like|i want|my goal)\b",
    re.I,
)


def content_after_yes(text: str) -> str | None:
    """The goal in "yes, I'd like to get back to swimming" or "sleeping better";
    None for a bare yes, a no, "I think that's all", or a verdict ("yes that is all correct")."""
    match = _YES_THEN.match(text.strip())
    rest = _ONE_MORE.sub("", (match.group(1) if match else text).strip())
    if not rest or _JUST_MORE.match(rest) or _THATS_ALL.search(rest) or rest.endswith("?"):
        return None
    unhedged = _THINKING.sub("", rest)
    if interpret.dont_know(unhedged) or interpret.means_none(unhedged) or interpret.skips(unhedged):
        return None
    if _VERDICT.match(rest):
        return None
    if not match and (said := interpret.yes_no(rest)) is not None and not (said and _WISH.search(rest)):
        return None  # a no, or a yes with no wish in it ("i suppose id like to..." has one)
    return rest if len(rest.split()) > 1 or _a_goal_word(rest) else None


# Words that change between a question and the same question said back ("Why does that matter to
# Brenda?" - "Why does it matter?").
_ECHO_FREE = {*"it that this she he her him his my me i you your to for".split()}


def after_echoed_question(text: str, question: str) -> str | None:
    """The answer after the bot's question said back to it: "Why does that matter? Because she's
    had everything else taken off her" at "Why does that matter to Brenda?" gives "Because
    she's...", "What gets in the way? The stairs, mainly." the stairs. None when the message
    doesn't start with the question asked, or nothing follows it."""
    echo = re.match(r"^\W*([^?]{2,60}?)\s*\?+\s*(.+)$", text.strip(), re.S)
    if echo is None or not (says_something(echo.group(2)) or len(echo.group(2).split()) > 2):
        return None
    said = set(re.findall(r"[a-z']+", echo.group(1).lower())) - _ECHO_FREE
    asked = set(re.findall(r"[a-z']+", question.lower()))
    if said <= asked and (len(said) > 1 or said == {"why"}):
        return echo.group(2).strip()
    return None


def wish_in(text: str) -> str | None:
    """The sentence of an answer that tells a wish ("I just want to be able to pick my daughter up
    again"), from the wish on; None when none does ("that's all I want" alone is no wish)."""
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        if all_i_want := _ALL_I_WANT.search(sentence):  # "..., that's all I want": what came before
            return _A_GOOD_DAY_IS.sub("", sentence[: all_i_want.start()]).strip(" .!;,") or None
        found = _WISH.search(sentence)
        if found and len(content_words(sentence[found.end() :])) > 1:
            return sentence[found.start() :].strip(" .!;,")
    return None


# "the walking one I said", "the garden thing I mentioned": something told before, named by a word of it
_THE_ONE_SAID = re.compile(
    r"^\W*(?:the|that)\s+((?:[\w'-]+\s+){1,3}?)(?:one|thing|bit)\s+i\s+(?:just\s+|already\s+)?"
    r"(?:said|mentioned|told you)\b",
    re.I,
)


def told_before_named(text: str, told: Iterable[str]) -> str | None:
    """What was told before that "the walking one I said" names: an earlier answer from its
    first sentence with that word in it, from its wish if it tells one ("a good day is when I
    can walk to the park with the dog" gives "walk to the park with the dog"); None when the
    message names nothing so, or nothing told has the word."""
    named = _THE_ONE_SAID.match(text)
    wanted = _word_forms(named[1]) if named else set()
    for answer in told if wanted else ():
        sentences = re.split(r"(?<=[.!?;])\s+", answer)
        for index, sentence in enumerate(sentences):
            if wanted & _word_forms(sentence):
                rest = " ".join(sentences[index:])
                return wish_in(rest) or _A_GOOD_DAY_IS.sub("", rest).strip(" .!;,") or None
    return None


_ALL_I_WANT = re.compile(
    r"[\s,;-]*\b(?:that'?s|thats|that is)?\s*all (?:i|he|she|we) (?:want|ask|need)\b", re.I
)
_A_GOOD_DAY_IS = re.compile(
    r"^\W*(?:(?:tbh|honestly|well|oh)\W+)?(?:a good day(?: is| would be)?\s+)?(?:just\s+)?"
    r"(?:when|where|if)?\s*(?:(?:i|he|she|we)\s+(?:can|could|am able to)\s+)?",
    re.I,
)


def tells_a_wish(text: str) -> bool:
    """Does the message say what they want to do ("I should like to walk to chapel...", "walk the
    dog again without my ulcer oozing", "to get back to bowls")? A wish said in words, or a
    message that starts with a doing word, as goals are told."""
    if _WISH.search(text):
        return True
    words = [t for t in parse(re.sub(r"^\W*(?:to\s+)?", "", text)) if t.is_alpha]
    return bool(words) and words[0].tag_ == "VB"


def _a_goal_word(word: str) -> bool:
    """ "swimming" or "gardening." alone is a goal; "maybe" or "thanks" is not."""
    token = parse(word.strip(" .!"))[0]
    return token.pos_ in _GOAL_WORD_TAGS and token.lower_ not in _NOT_GOAL_WORDS and token.is_alpha


def after_the_no(text: str) -> str | None:
    """What a no goes on to say: "no but I'd like to ask about my tablets" gives "I'd like to
    ask about my tablets". None for a plain no ("no thanks", "no that's it")."""
    match = _NO_BUT.match(text.strip())
    rest = match.group(1).strip() if match else ""
    if len(rest.split()) < 2 or _THATS_ALL.search(rest) or _VERDICT.match(rest):
        return None
    return rest


# "no thats the main one. actually yes - writing": a no taken back, and a yes from there on
_NO_THEN_YES = re.compile(
    rf"^\W*(?:{_NO_WORDS})\b.*?[.,;!-]\s*(?:(?:actually|wait|oh|hang on|come to think of it)\W+)+"
    rf"(?=(?:{_YES_WORDS})\b)",
    re.I,
)


def goal_in_reply(text: str) -> str | None:
    """The goal told in the answer to "Is there something else you'd like to work on?":
    "yes, I'd like to...", "sleeping better", "no but I'd like to get back to bowls", or "no
    thats the main one. actually yes - writing. I want to sign my own cards"), without a check
    after it ("Also to walk to church again. Did I put that right?")."""
    if no_more_goals(text):  # "thats the main one really": no more goals, never one of them
        return None
    answer, aside = interpret.without_complaint(text)
    text = answer if aside == "checking" else text
    if changed := _NO_THEN_YES.match(text):
        return content_after_yes(text[changed.end() :])
    after_no = after_the_no(text)
    return content_after_yes(text) or (after_no if after_no and _WISH.search(after_no) else None)


def ends_the_list(text: str) -> bool:
    """A yes that means "that's all" ("Yes that's right, that is all", "yes thats everything")."""
    match = _YES_THEN.match(text.strip())
    rest = match.group(1).strip() if match else ""
    return bool(match) and bool(rest) and bool(_THATS_ALL.search(rest) or _VERDICT.match(rest))


# The goals ended in words: "that's it for goals", "thats all the goals i can think of", "im done
# with goals now ta"
_NO_MORE_GOALS = re.compile(
    r"^\W*(?:(?:ok|okay|right|so|well|i think|think)\W+)*(?:(?:that'?s|thats|that is|i'?m|im|i am|we'?re|all)"
    # "that'll do for now", "that will do for her", "thats the main one really"
    r"\s+(?:it|all|everything|enough|done|finished)|(?:that'?ll|thatll|that will|that'?d|that would)\s+do"
    r"|(?:that'?s|thats|that is|it'?s|its|it is)\s+(?:the\s+)?(?:main|most important|only|big)"
    r" (?:one|goal|thing))\b(?:\s+(?:with|for|of))?(?:\s+(?:the\s+)?(?:goals?|them|now|her|him))*"
    r"(?:[\s,]+(?:i can think of|for now|now|thanks?|ta|thank you|cheers|love|really|i think|tbh"
    r"|to be honest))*\W*$",
    re.I,
)


def no_more_goals(text: str) -> bool:
    """ "that's it for goals", "thats all the goals i can think of": no more goals, said in words."""
    return bool(_NO_MORE_GOALS.match(text.strip()))


# --- leaving the goals ---------------------------------------------------------------------------
# What a tired person says at a goal question to get out of it (s30 tester, Tariq): "nothing else.
# show me the plan", "omg. remove that. NO MORE GOALS", "we're finished. i want to share it with the
# stroke team". An instruction is never goal text.
_GOALS_ENDED = re.compile(
    r"^\W*(?:(?:ok|okay|right|so|well|honestly|please|pls|just)\W+)*(?:"
    r"no more goals?(?: (?:please|thanks?|now|for now|for (?:me|him|her|them)))*"
    r"|(?:that'?s|thats|that is|i'?m|im|i am|we'?re|were|we are)\s+(?:all\s+)?(?:done|finished)"
    r"(?:\s+(?:now|here|with (?:the )?goals?|with (?:it|this|that)|adding goals?))*"
    r"|(?:stop|enough)(?:\s+(?:adding|asking)(?:\s+(?:me|for))?)?(?:\s+(?:goals?|more goals?))"
    r"|(?:i|we) (?:don'?t|do not|dont) (?:want|need) (?:any )?(?:more|another|other) goals?"
    r"|(?:can|could) (?:we|i) (?:just )?(?:move|go|get) on(?: now| please)*|(?:let'?s|lets) (?:just )?move on"
    r")\W*$",
    re.I,
)
_SEE_THE_PLAN = re.compile(
    r"^\W*(?:(?:ok|okay|now|then|just|please|pls|can|could|will|would|you|u|i|me|let|go back to|back to)\W+)*"
    r"(?:show|see|view|read|look at|give|send)\b(?:\s+(?:me|us|it|again|back))*"
    r"\s+(?:the|my|our|his|her|their|whole|full|draft)?\s*(?:whole\s+|full\s+)?(?:plan|summary|lot)"
    r"(?:\s+(?:now|please|pls|again|so far|then))*\W*$",
    re.I,
)
_SHARE_THE_PLAN = re.compile(
    r"^\W*(?:(?:ok|okay|now|so|and|just|please|pls|i|we|want|wanna|would like|'d like|like|to|can|could"
    r"|you|u|ready)\W+)*(?:share|send|pass on)\s+(?:it|this|the plan|my plan|her plan|his plan|the lot)\b"
    r"[^.!?]*$",
    re.I,
)
# Asking to see the plan inside more words: "show me the plan one more time, does it say about..."
_ASKS_TO_SEE = re.compile(
    r"\b(?:show|see|view|read|look at|check)\b(?:\s+(?:me|us|it|again|over))*"
    r"\s+(?:the|my|our|his|her|their|that)\s+(?:whole\s+|full\s+|draft\s+)?(?:plan|summary|answers)\b",
    re.I,
)


def asks_to_see_plan(text: str) -> bool:
    """Does the message ask to see the plan, alone or with more ("show me the plan one more time,
    does it say about this morning", "can I see everything you have on me")?"""
    return bool(_ASKS_TO_SEE.search(text)) or meta(text) == "see_summary"


# "remove that", "take it off", "delete this one": the goal just written down
_THAT_ONE = re.compile(
    r"^\W*(?:(?:please|pls|can you|could you|just)\W+)*(?:remove|delete|take|get rid of|scrap|bin|drop)"
    r"\s+(?:(?:that|it|this)(?:\s+(?:one|goal|off|out))*)\W*$",
    re.I,
)
# A goal named to take off: "remove number 3", "delete the goal that says nothing else", "remove
# that" (never "can you delete what i just put": the last answer, taken back as at any question)
_GOAL_OFF = re.compile(r"\bnumber\s*\d+|\b\d+\b|\bgoal\b|\bone\b|^\W*\w+\s+(?:that|it|this)\W*$", re.I)
_FILLER_ONLY = re.compile(
    r"^\W*(?:omg|ffs|ugh+|argh+|oh|ok|okay|right|please|pls|lol|sorry|god|jeez|honestly|stop|no+)?\W*$", re.I
)


@dataclass(frozen=True)
class LeavingGoals:
    """A message at a goal question that says to stop, not a goal or an answer: what it asks."""

    end: bool = False  # no more goals
    remove: str | None = None  # a goal taken off: "that" (the one just written) or how it was named
    show: bool = False  # show the plan
    share: bool = False  # share it with the care team


def leaving_goals(text: str, *, asking_goal: bool) -> LeavingGoals | None:
    """The instructions in a message said at a goal question, when every part of it is one:
    "nothing else. show me the plan", "omg. remove that. NO MORE GOALS", "remove number 3",
    "we're finished. i want to share it with the stroke team". A bare "no", "nothing else" or
    "that's all" ends the goals only where a goal is asked (``asking_goal``); at why it matters,
    what gets in the way or what would help it answers that question. None for anything else."""
    found: dict[str, Any] = {}
    for part in (p.strip() for p in re.split(r"[.!?;\n]+|,\s*(?:and\s+)?|\s+and\s+(?:then\s+)?", text)):
        if _FILLER_ONLY.match(part) and not (asking_goal and re.match(r"^\W*no+\W*$", part, re.I)):
            found.setdefault("filler", True)
        elif (
            _GOALS_ENDED.match(part)
            or (no_more_goals(part) and re.search(r"\bgoals?\b", part, re.I))
            or (
                asking_goal
                and (no_more_goals(part) or interpret.means_none(part) or interpret.yes_no(part) is False)
            )
        ):
            found["end"] = True
        elif _SEE_THE_PLAN.match(part):
            found["show"] = True
        elif _SHARE_THE_PLAN.match(part) and not _IF_SHARED.search(part):
            found["share"] = True
        elif (choice := review_choice(part)) and choice.choice == "remove" and _GOAL_OFF.search(part):
            found["remove"] = "that" if _THAT_ONE.match(part) else choice.goal or part
        else:
            return None
    found.pop("filler", None)
    return LeavingGoals(**found) if found else None


# "ask about my tablets", "I'd like to ask whether...": a question for the care team told as a wish
_ASK_ABOUT = re.compile(
    r"\b(?:ask|asking|find out|know)\b\s+(?:about|if|whether|why|how|what|when|them)\b", re.I
)


# Only a yes itself, not "okay" or "actually": "OKAY. WILL I NEED OXYGEN?" keeps its words as typed
_PLAIN_YES_THEN = re.compile(rf"^\W*(?:{_YES_WORDS})\b(?:\s+please)?[\s,.!:-]*(.*)$", re.I | re.DOTALL)


def team_question_in_reply(text: str) -> str | None:
    """The question in a yes or a no to "Do you have any questions for your care team?":
    "Yes. Could the nurse check my ankles" gives "Could the nurse check my ankles"; "no but id
    like to ask about my water tablets" gives "id like to ask about my water tablets". None
    when there is no question in it, or it is not a yes or no with more after it."""
    after_no = after_the_no(text)
    if after_no and (asks_something(after_no) or _ASK_ABOUT.search(after_no) or after_no.endswith("?")):
        return after_no
    match = _PLAIN_YES_THEN.match(text.strip())
    rest = match.group(1).strip(" -,.:") if match else ""
    if len(rest.split()) < 2 or _VERDICT.match(rest) or _THATS_ALL.search(rest):
        return None
    return rest


# Things printed other than the plan: "maybe a sheet with pictures in big print" is what would help.
_PRINTED_THING = (
    r"\b(?:sheets?|leaflets?|letters?|lists?|cards?|booklets?|instructions|timetables?|labels?|forms?"
    r"|menus?)\b"
)

# Things read in everyday life, whose print is theirs: "the large print books", "the print on the post"
_READ_THINGS = (
    r"\b(?:books?|newspapers?|magazines?|bibles?|hymn\s*books?|post|bills?|packets?|subtitles|signs?)\b"
)

# --- meta-talk and corrections ------------------------------------------------------------------
# The chat, named as people name it when they ask who gets it.
_THE_CHAT = (
    r"(?:this|(?:any|all) of (?:this|it|that)|all this|my answers|my business"
    r"|what i (?:say|put|write|tell you)|(?:this|the) (?:chat|plan|stuff))"
)
_IT = rf"(?:it|{_THE_CHAT})"  # where "it" can only be the chat: "will the council see it"
# Where a question starts: "...and someone to talk to who gets it" is no question.
_ASKED = r"(?:^|[.!?,;:]\s*)\W*(?:(?:and|but|so|ok|also|sorry|just wondering)\W+)*"
# Who it goes to: "to the council", "to social services", never "going to take long".
_TO_SOMEONE = (
    r"(?:to|with|at)\s+(?:the|my|a|an|any|anyone|anybody|someone|somebody|social|council|dwp|police|gp"
    r"|doctors?|nurses?|hospital|government|nhs|work|them)\b"
)
# A partner, a child or "he" at home reading it gets the honest phone answer (faq_phone) instead.
_AT_HOME = (
    r"(?:i|we|you|u|he|she|they|someone|somebody|anyone|anybody|people"
    r"|my (?:partner|husband|wife|boyfriend|girlfriend|ex|son|daughter|family|mum|dad|kids))\b"
)
# Someone at the surgery or clinic the bot may be taken for.
_STAFF = (
    r"nurse|doctor|dr|gp|receptionist|surgery|practice|physio|physiotherapist|consultant|pharmacist"
    r"|health visitor|social worker|clinic|hospital|secretary"
)
# Why they go back, said after it: "can I go back? I forgot to put my jigsaws", "go back one, i
# missed out my grandson", "... I would like to add my knitting".
_GO_BACK_WHY = (
    r"(?:(?:oh|sorry|only|just|cos|because)\W+)*"
    r"(?:i(?:'ve| have)?\s+(?:just\s+|completely\s+)?"
    r"(?:forgot|forgotten|missed|left|meant to|didn'?t (?:put|say|add|mention)"
    r"|(?:want|wanted|need|needed|would like|'d like) to (?:add|put|say|change|mention)"
    r"|should have (?:put|said|added)|made a mistake|got (?:it|that) wrong)"
    r"|(?:there'?s|theres) (?:something|one more thing|a thing) i (?:forgot|missed|left out))\b.*$"
)
# Asking about the question just asked: how many things, how much to say, what it means.
ABOUT_THE_QUESTION = {"how_many", "how_much", "ask_meaning"}
# Words of fondness said to the bot ("SAY AGAIN LOVE", "pardon pet", "thanks duck")
_FOND = r"(?:love|dear|pet|hun|duck|mate|darling|sweetheart|lovey|chuck)"
# Asking for the question again ("say again", "what did you say", "I didn't catch that")
_SAY_AGAIN = (
    r"(?:pardon(?: me)?|come again|say (?:that |it |the question )?again|what was the question"
    r"|what(?:'s| is| was) the question|repeat (?:that|the question|it)"
    r"|(?:can|could|would) you (?:repeat|say) (?:that|it)(?: again)?|sorry what|what did you (?:say|ask)"
    r"|i missed (?:that|the question)"
    r"|i (?:didn'?t|didnt|did not|couldn'?t|couldnt|could not|can'?t|cant) (?:hear|catch|read)"
    r" (?:that|you|it|the question))"
)
META_PATTERNS: dict[str, re.Pattern[str]] = {
    "help": re.compile(r"^\W*(?:help|hlep|help me|i need help|help please|what do i do)\W*$", re.I),
    # Asking about the question just asked (Lee, set10_09): how many things it wants, how much to
    # say, or what it means. Answered from the catalogue, then the question again; never kept.
    "how_many": re.compile(
        # "do you want one thing or several?", "just one thing or a few?", "one or more?"
        r"\b(?:just |only )?(?:one|1|a single)(?: thing| goal| answer| item| example)?"
        r" or (?:several|more|lots|many|a few|a list|multiple|more than one|loads|a couple)\b(?=[^.!]*\?)"
        # "can I give you more than one?", "can I say a few things?", "is it ok to list several?"
        r"|\b(?:can|could|may|shall|should) (?:i|we) (?:say|give|put|name|list|have|pick|choose|write|do"
        r"|mention|add|tell you)(?: you)? (?:more than (?:one|1)|several|a few|two|three|lots|a list|multiple"
        r"|as many|more)\b"
        r"|\bhow many (?:things|goals|answers|items|examples)? ?"
        r"(?:do you want|should i|can i|do i|are you after)\b"
        r"|\b(?:do|would) (?:you|u) (?:want|need|like) (?:just )?(?:one|a list|several|more than one|a few"
        r"|multiple)(?: thing| goal| answer)?(?: or\b|\s*\?|$)"
        r"|\b(?:only|just) (?:the )?one(?: thing| goal)?\s*\?",
        re.I,
    ),
    "how_much": re.compile(
        # "how much detail do you want?", "how much should I write?", "short answer or long?"
        r"\bhow much (?:detail|information|info|do you want(?: me)? to (?:say|write|know)"
        r"|should i (?:say|write|put|tell)"
        r"|do (?:i|you) (?:need|have|want)(?: me)? to (?:say|write|put|tell|know))\b"
        r"|\bhow (?:long|detailed|short|much) (?:should|does|do|can|must|would)"
        r" (?:it|my answers?|the answers?)"
        r"(?: be| need to be| have to be)\b"
        r"|\b(?:short|brief|quick|one[- ]word|few words)(?: answers?| version)? or (?:a )?(?:long|longer"
        r"|detailed|full|more)\b"
        r"|\b(?:do|would) (?:you|u) (?:want|need|like) (?:a lot of |lots of |much |more |the )?"
        r"(?:detail|details|the long version|the whole story|chapter and verse)\s*\?",
        re.I,
    ),
    "ask_meaning": re.compile(
        # "define 'at the moment'", "what counts as mattering?", "do you mean now, or before the
        # stroke?", "what do you mean by a good day? good for my health, or in general?"
        r"(?:^|[.!?]\s+)\W*define\b"
        r"|\bwhat (?:counts|would count|do you count|does it count) as\b"
        r"|\bdo (?:you|u) mean\b[^.!?]{0,60}\bor\b"
        r"|\bwhat do (?:you|u) mean\b[^.!?]{0,10}\bby\b"
        r"|\bin what (?:sense|way)\b|^\W*(?:good |bad |help )?in what way\W*$"
        # "what sort of help do you mean?", "is it about my health or in general?", "as in my
        # health, or generally?", "does it have to be about health?", "can it be anything?"
        r"|\bwhat (?:kind|sort|type) of \w+ do (?:you|u) mean\b"
        r"|\b(?:is (?:it|this|that)|are (?:you|u) asking|as in) (?:about |for )?[^.!?]{1,30} or "
        r"(?:in general|generally|general|overall|everything|life|in life|anything)\b"
        r"|\b(?:does|do|has|must) (?:it|this|that|they|the answer) (?:have to|need to|has to|got to)? ?be"
        r" (?:about|to do with|medical|health)\b"
        r"|^\W*(?:can|could) (?:it|they|that) be (?:anything|about anything)\W*$"
        r"|\bwhat (?:kind|sort|type) of (?:thing|things|answer|stuff)"
        r" (?:do (?:you|u) (?:want|mean)|are (?:you|u) after|should i (?:say|put|write))\b",
        re.I,
    ),
    "checking": interpret.CHECKING,  # "is that enough?", "did you get the date change?"
    "faq_real_person": re.compile(
        r"\b(?:speak|talk|chat) (?:to|with) (?:a |an |a real |an actual )?"
        r"(?:human|person|real person|someone real)\b"
        r"|\bare (?:you|u) (?:a |an )?(?:real|human|robot|bot|chatbot|computer|person|ai|machine)\b"
        # "am I talking to a robot?", "is this a real person?"
        r"|\b(?:talking|speaking|chatting|typing) (?:to|with) (?:a |an )?(?:real |actual )?"
        r"(?:person|human|robot|bot|computer|machine|ai)\b"
        r"|\bis (?:this|it) (?:a |an )?(?:real person|human|robot|bot|chatbot|computer|machine)\b"
        # someone from the surgery: "are you the nurse by the way?", "is this the doctor I'm talking
        # to?", "am I talking to the receptionist?" (set8_04)
        rf"|\bare (?:you|u) (?:the|a|an|my) (?:{_STAFF})\b"
        rf"|\b(?:talking|speaking|chatting|typing) (?:to|with) (?:the|a|an|my) (?:{_STAFF})\b"
        rf"|\bis (?:this|that|it) (?:the|a|an|my) (?:{_STAFF})"
        r"(?= i'?m (?:talking|speaking|chatting)|\s*\?|\s*$)",
        re.I,
    ),
    # "is this just a box ticking exercise?", "another tick box thing for the hospital"
    "faq_box_ticking": re.compile(
        r"(?:\b(?:is|isn'?t|are) (?:this|it|all this|these|you)\b|\bthis(?:'s| is)\b)[^.!?]{0,30}"
        r"(?:\bbox[- ]?tick|\btick[- ]?box|\btick(?:ing)? (?:the |some )?boxes|\b(?:paper|form)[- ]?filling)",
        re.I,
    ),
    # "can I stop and come back later?", "can I finish this another day?", "do I have to do it all now?"
    "faq_come_back": re.compile(
        r"\b(?:can|could|may|is it ok(?:ay)? (?:if|to)) (?:i|we|u)\s+"
        r"(?:(?:stop|finish|pause)(?= and\b| here\b| now\b| for now\b| this\b| it\b| off\b|\s*[,.!?]|$)"
        r"|finish (?:this|it|the rest)|carry on|continue|come back|do (?:the rest|this|it|more)"
        r"|pick (?:this |it )?up|leave (?:it|this)|save (?:it|this)|have a (?:break|rest))\b"
        r"[^.!?]{0,40}\b(?:later|another (?:day|time)|other day|tomorrow|tonight|next (?:time|week)"
        r"|some other time|come back|back to (?:it|this))\b"
        r"|\bdo (?:i|we) (?:have|need) to (?:do|finish|answer) (?:it|this|them|everything|all)"
        r"(?: all)?(?: of (?:it|them))? (?:now|today|in one go|at once|all at once|in one sitting)\b",
        re.I,
    ),
    # "are we nearly done?", "how many more questions?", "how many qs left lol", "is there much more
    # of this?": how many questions are left, and the same question again
    "faq_questions_left": re.compile(
        r"\b(?:are|r) (?:we|you|u) (?:nearly|almost|near|close to)"
        r" (?:done|finished|there|the end|at the end)\b"
        r"|\b(?:is it|am i|nearly|almost) (?:nearly |almost )?(?:done|finished|over|the end)\s*(?:yet\s*)?\?"
        r"|\bhow many (?:more )?(?:questions?|q'?s|more|to go|left)\b"
        r"|\b(?:much|many|lot) (?:more )?(?:of (?:this|these|them)|questions?|q'?s)? ?(?:left|to go)\b"
        r"|\b(?:is there|are there|got) (?:much|many|a lot|lots) (?:more|left)\b",
        re.I,
    ),
    # "u already asked that??", "you've asked me that already": sorry, and what they said is used
    "asked_already": re.compile(
        r"^\W*(?:(?:but|erm|um|er|oh|ugh|hang on|wait)\W+)*(?:"
        r"(?:you|u|ya)(?:'?ve| have)? (?:already |just |literally )?asked (?:me )?(?:that|this|it)"
        r"(?: (?:one|question))?(?: (?:already|before|twice|earlier))?\b"
        r"|\b(?:you|u|ya)(?:'?ve| have)? (?:already|just) asked\b"
        r"|\b(?:you|u|ya)(?:'re| are) asking (?:me )?(?:the )?same (?:thing|question)\b"
        r"|(?:that'?s|thats|this is|it'?s) (?:the )?same question|same question (?:again|twice))"
        r"(?:\W+(?:mate|love|dear|again|already|lol|ffs|before|earlier))*\W*$",
        re.I,
    ),
    "repeat": re.compile(
        # (a "sorry love" or "eh pet" first: "SAY AGAIN LOVE", "sorry dear, what did you say")
        rf"^\W*(?:(?:sorry|eh|oh|what)\W*(?:{_FOND}\W+)?)?{_SAY_AGAIN}"
        # ...and nothing more: "sorry what I meant was the nurse" and "I missed that appointment" are answers
        rf"(?:\W+(?:me|that|it|again|please|sorry|then|there|{_FOND}|{_SAY_AGAIN}))*\W*$"
        rf"|^\W*(?:what|eh|huh|sorry|pardon|{_OOPS})\W*$",
        re.I,
    ),
    "go_back": re.compile(
        rf"^\W*(?:(?:sorry|{_OOPS}|oh|wait|hang on|um+|er+m?)\W+)*"  # "sorry can we go back"
        r"(?:(?:can we |could we |can i |could i |can you |let'?s |please )?go back"
        r"(?: (?:one|a step|a question|a bit)"
        r"| to (?:the )?(?:last|previous|other|one before)(?: question| one| bit)?)?"
        r"(?: please)?|undo)"  # not a bare "back": "What is it for?" "back" means a bad back
        rf"(?:\W*$|\s*[?.!,;-]+\s*{_GO_BACK_WHY})",
        re.I,
    ),
    "start_again": re.compile(
        r"^\W*(?:(?:can|could|shall) (?:we|i) |let'?s |i (?:want|wanna|would like|'?d like) to |please )?"
        r"(?:start (?:again|over|afresh|from (?:the )?(?:beginning|scratch|the start))|begin again|restart)"
        r"(?: please)?\W*$",
        re.I,
    ),
    # The note a red flag left ("does the GP see the bit where you gave me the Samaritans number?"):
    # before faq_who_sees, so the answer says what the note is and how to mark it a mistake.
    "faq_flag_note": re.compile(
        r"\b(?:see|sees|know|knows|read|reads|find out|be told|get told|look at)\b[^.!?]{0,30}"
        r"\b(?:samaritans|(?:the|those|that) (?:help ?)?(?:numbers?|lines?) you (?:gave|sent)"
        r"|(?:that|the) note (?:you|on)|(?:that|the) flag|the bit (?:where|about) you (?:gave|said|told)"
        r"|what you (?:wrote|noted|put) about)",
        re.I,
    ),
    "faq_who_sees": re.compile(
        # "who" that asks, not "my neighbour who reads my letters"; who sees the plan, not "who will see me"
        r"(?:^|[.!?,;:]\s*|\b(?:and|but|so|me|know|wondering|ask|asking|curious|share|send)\s+)"
        r"who(?:'?s| is)?(?: else| exactly| actually| then)?"
        r" (?:will |can |could |would |gets to |is going to |going to )?"
        r"(?:see|sees|read|reads|look at|looks at)\b(?!\s+(?:me|him|her|us|them|my (?:mum|dad|husband|wife)))"
        r"|\bis (?:it|this|that) (?:private|privte|confidential|secure|safe)\b"
        r"(?!\s+(?:to|for|with|if|when|on))"
        r"|\bwho (?:has|gets) (?:access|my data)\b"
        # where the chat goes, and who else gets it: "is this going to the council?", "does any
        # of this go to the police", "will social services see this?", "who else gets this?"
        rf"|{_ASKED}(?:is|will|does|would|could|can)\s+{_THE_CHAT}\s+(?:be\s+)?"
        r"(?:go(?:ing)?|get(?:ting)? (?:sent|passed|back)|sent|passed(?: on)?|shared|end up)"
        rf"\s+(?:on\s+|back\s+)?{_TO_SOMEONE}"
        rf"|{_ASKED}(?:will|can|could|does|do|would|might)\s+(?!{_AT_HOME})(?:\w+\s+){{1,3}}?"
        rf"(?:see|read|get|get to see|know about|find out about|have access to|get hold of)\s+{_IT}\b"
        rf"|{_ASKED}who(?: else)? (?:gets|will get|can get|has|sees) {_IT}\b"
        # a worry about it: "I don't want the council knowing my business", "I'd rather the
        # neighbours didn't find out about any of this"
        r"|\b(?:don'?t|dont|do not|wouldn'?t|would not)\s+want\s+(?:\w+\s+){1,4}?(?:to\s+)?"
        r"(?:see|seeing|read|reading|know|knowing|find(?:ing)? out|get(?:ting)? hold of|hear(?:ing)?)"
        rf"\s+(?:about\s+)?{_IT}\b"
        r"|\brather\s+(?:\w+\s+){1,4}?(?:didn'?t|did not|don'?t|never)\s+(?:see|read|know|find out)"
        rf"\s+(?:about\s+)?{_THE_CHAT}\b",
        re.I,
    ),
    # After who sees it: "why are you asking all this, who's going to read it?" wants the privacy answer.
    "ask_why": re.compile(
        # "why do you need that"; typed fast or in a second language, "y u need my number", "why you want it"
        r"\b(?:why|y) (?:(?:do|d'?|would|does) )?(?:you|u|it|ya) (?:need|want|ask)"
        r"|\bwhy (?:are|r) (?:you|u) asking|"
        r"\b(?:what'?s|whats|wats|wots|what is) (?:that|this|it|all this) (?:for|4)\b"
        r"|\bwhat (?:is|was) (?:this|that|it) (?:for|4)\b|\bwhy (?:is|does) (?:that"
        r"|this|it) (?:matter|relevant|important|needed)|"
        r"\bwhy ask(?:ing)? (?:me )?(?:that|this)\b"
        r"|\b(?:what|wat|wot) (?:do )?(?:you|u) (?:need|want) (?:that|it|this|my \w+) (?:for|4)\b"
        r"|\bwhy (?:do|d'?) (?:you|u) need 2 know\b"
        # "what business is that of yours", "whats it to you", "who wants to know": the reason, kindly
        r"|\bwhat(?:'?s| is)? (?:business|concern) (?:is )?(?:it|that|this) (?:of|to) (?:yours|you|u)\b"
        r"|\b(?:none of|not) (?:your|ur) (?:business|concern)\b|\bmind (?:your|ur) own\b"
        r"|\bwhat'?s (?:it|that) to (?:you|u)\b"
        r"|^\W*(?:and\s+)?who wants to know\b"
        # "whats the point of asking that, ive told every nurse the same thing": the reason, and it again
        r"|\b(?:what'?s|whats|what is) the (?:point|use) (?:of|in) (?:asking|this question|that question)\b"
        # "what do you mean?", "is there a right answer?": the question's reason, then it again
        r"|\bwhat do (?:you|u) mean\b"
        r"|\b(?:not sure|don'?t know|dunno) what (?:you|u) (?:want|mean|are asking)"
        r"|\bis there a right answer\b|^\W*like what(?: sort of| kind of)?(?: thing| things)?\W*$"
        # doubting the question is asked at all: "I don't see what that has to do with my knee",
        # "what's a good day got to do with anything?" (never "I don't see the point of anything")
        r"|\bwhat(?:'?s|s| has| does| is)? (?:that|this|it|(?:a|my|the) \w+(?: \w+)?) (?:got )?to do with\b"
        r"|\b(?:don'?t|dont|do not|can'?t|cant|cannot) see (?:what|how) (?:that|this|it|\w+ \w+)"
        r"(?:'?s| has| is| does)? (?:got )?(?:anything )?to do with\b"
        r"|\b(?:don'?t|dont|do not|can'?t|cant|cannot) see why (?:you|u) (?:need|want|ask)"
        r"|^\W*(?:but\W+)?(?:it|that|this)(?:'?s|s| is| has)(?: got)? (?:nothing|not \w+) to do with\b"
        # a bare "why?", "how come", "what for?", "whys that then": the question's reason
        r"|^\W*(?:(?:but|and|ok|so)\s+)?(?:why(?:'?s| is)?(?: that)?|how come|what for)(?:\s+then)?\W*$",
        re.I,
    ),
    # Someone at home reading the chat ("can he see this if he picks up my phone?"): for someone
    # who may not be safe at home this is a safety question; it gets its own honest answer.
    "faq_phone": re.compile(
        r"\b(?:if|when|what if) (?:he|she|they|someone|somebody|anyone|anybody|my \w+) (?:\w+ )?"
        r"(?:picks? up|looks? (?:at|through)|checks?|goes? through|gets? hold of|reads?|uses?|borrows?"
        r"|takes?) (?:my|me|the) (?:phone|mobile|tablet|ipad|laptop|messages|texts)\b"
        r"|\b(?:can|could|will|would|might|does|do) (?:he|she|someone|somebody|anyone|anybody|people"
        r"|my (?:partner|husband|wife|boyfriend|girlfriend|ex|son|daughter|family|mum|dad|kids))"
        r"(?: else)? (?:\w+ )?(?:see|read|find|look at|be able to (?:see|read)) "
        r"(?:this|it|the chat|these messages|what i)\b",
        re.I,
    ),
    # Everything gone: "delete everything", "wipe my data", "forget me", "delete this whole chat",
    # "I'd rather you deleted it all".
    # Not one answer or goal ("delete number 2", "remove the last question"): the read-back does those.
    "erase": re.compile(
        r"\b(?:(?:delete|erase|wipe|clear|remove|destroy|scrap|bin)(?:d|ed|ped|ned)?|get rid of)\b\s+"
        r"(?:(?:it|this|them)\s+)?(?:(?:all|everything)\b|(?:all\s+)?(?:of\s+)?(?:my|the|this|our)\s+"
        r"(?:whole\s+|entire\s+)?(?:data|details|information|info|answers|records?|chat|conversation"
        r"|messages|plan|account|history)\b)"
        r"|\bforget (?:about )?(?:me|(?:about )?everything|all (?:of )?(?:it|this|that|about me)"
        r"|(?:what|everything) i (?:said|told you))\b",
        re.I,
    ),
    "ask_copy": re.compile(
        r"\b(?:can|could|may) i print\b|\b(?:can|could|may) i (?:have|get"
        r"|download)\b.{0,30}\b(?:copy|print|paper|pdf|bigger|big letters|"
        # a copy of the plan, not "a copy of my blood results" (a question for the care team)
        r"large print|it out)\b(?!\s+of\s+(?!(?:it|this|that|my plan|the plan|my answers|what)\b))"
        r"|\b(?:a )?(?:paper|printed|large print|big print) (?:copy|version)\b|"
        r"\bprint (?:it|this|my plan) (?:out|off)?\b"
        # not the print of another thing: "maybe a sheet with pictures in big print"
        rf"|^(?:(?!{_PRINTED_THING}).)*?(?:\bin big(?:ger)? (?:letters|writing|print)\b"
        # the chat's writing too small to read: "I can't read it, it's too small", "the writing
        # is tiny", "can you make the writing bigger", "show me my plan, BIG please" (s31 tester)
        r"|\b(?:can'?t|cant|cannot|can not|struggl\w+ to|hard to) (?:read|see) (?:it|this|that|the (?:writing"
        r"|words|text|screen))\b[^.!?]{0,25}\b(?:small|tiny)\b"
        r"|\b(?:writing|words|text|font)(?:'s| is| are)? (?:too |so |very |really |a bit )*(?:small|tiny)\b"
        r"|\bmake (?:the |it |this |your )?(?:(?:writing|words|text|font|print)\s+)?(?:a bit |any )?"
        r"(?:bigger|larger)\b|\bbigger (?:writing|words|text|font)\b"
        r"|\b(?:show|see|send|give)\b[^.!?]{0,20}\bplan\b[^.!?]{0,10}\b(?:big|bigger|large|larger)\b)",
        re.I,
    ),
    # "can I see everything you have on me", "that's not everything... where is all that"
    "see_summary": re.compile(
        r"\b(?:see|show|read|view|look at|check)\b.{0,20}\b(?:everything|all (?:of )?(?:it|that|this))\b"
        r"|\bwhere(?:'s| is| has| have| did)? (?:all (?:of )?(?:that|this|it|the rest)|everything|the rest)\b"
        r"|\bwhat (?:you|u)(?:'ve| have)? (?:have|got|hold|know|saved|kept|stored) (?:on|about) me\b"
        r"|\b(?:that'?s|thats|this is|it'?s) not (?:everything|all)\b",
        re.I,
    ),
}


# Words of a friendly sign-off, as a text to family ends: "ok lovely x", "will do, ta", "bye then love"
_SIGN_OFF_WORDS = set(
    "ok okay k kk lovely thanks thank thankyou thx ty you cheers ta bye byee bye-bye goodbye then will do"
    " great brilliant perfect cool nice love x xx xxx too and same to night goodnight nite see ya later take"
    " care god bless fab lush ace grand alright sound wonderful much very so lots speak soon talk again all"
    " best that's thats good done".split()
)


# What ends a message as it ends a text or a letter, never part of the answer: kisses ("x",
# "xx"), thanks ("thanks love", "ta", "cheers x"), a letter's close ("Regards, Margaret",
# "Kind regards, M. Hale", "Many thanks") and emoji.
_EMOJI = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]"
_TRAILING_SIGN_OFF = re.compile(
    rf"(?:\s*{_EMOJI}+"
    r"|[\s,.;!-]+(?:x{1,4}|xo|xox|xoxo)"
    r"|[\s,.;!-]+(?:many |kind |best |warm |warmest )?(?:thanks|thank you|(?-i:ta)|cheers|regards|wishes)"
    r"(?: (?:love|dear|pet|hun|duck|mate|darling|very much|so much|again|a lot|lots))*"
    r"(?:,?\s+(?-i:[A-Z][\w'-]*\.?)(?:\s+(?-i:[A-Z][\w'-]*))?)?"
    r"|[,.;!?-]\s*(?:yours(?: (?:sincerely|faithfully|truly|ever))?|love from|love)"
    r"(?:,?\s+(?-i:[A-Z][\w'-]*\.?)(?:\s+(?-i:[A-Z][\w'-]*\.?)){0,2})"
    r")\W*$",
    re.I,
)


# How a letter opens: "Dear Sir,", "Dear Dr Patel,", "Dear Sir/Madam:", "To whom it may concern,".
_LETTER_OPENING = re.compile(
    r"^\s*(?:dear\s+(?:sir\s*(?:or|/)\s*madam|[A-Za-z][\w'.-]*(?:\s+[A-Za-z][\w'.-]*){0,2})"
    r"|to\s+whom\s+it\s+may\s+concern)\s*(?:[,:;!\n]|\s-)\s*",
    re.I,
)


def without_sign_off(text: str) -> str:
    """The message without a letter's opening, and without the kisses, thanks, letter close and
    emoji it ends with ("about my knee x" is "about my knee"; "Dear Sir, My thyroid results.
    Regards, Margaret" is "My thyroid results."). The text as it is when nothing is left but the
    sign-off ("thanks love x")."""
    kept = _LETTER_OPENING.sub("", text.strip())
    kept = re.sub(rf"\s*{_EMOJI}+\s*(?=\S)", " ", kept)  # "the grandkids 😊 is that ok?"
    while (found := _TRAILING_SIGN_OFF.search(kept)) and found.start() > 0:
        asked = found.group(0).lstrip().startswith("?")  # "may I bathe? Yours, Margaret": still asks
        kept = kept[: found.start()].rstrip(" ,;-") + ("?" if asked else "")
    return kept if says_something(kept) else text


# Only thanks, said to the bot between questions: "thanks love", "ta", "cheers x", "thank you
# very much". A thank-you, not an answer, and not a goodbye while a question is open ("ok ta" is a yes).
_THANKS_ONLY = re.compile(
    r"^\W*(?:(?:oh|aw+|ah)\W+)?(?:many |big )?"
    r"(?:thanks?|thank (?:you|u|ye)|thankyou|thanx|thnx|thx|ty|cheers|ta|much appreciated)"
    rf"(?:\W+(?:{_FOND}|very much|so much|a lot|lots|again|x+|for that|for asking|for this))*\W*$",
    re.I,
)


def only_thanks(text: str) -> bool:
    """Is the message a thank-you and nothing more ("thanks love", "ta", "cheers x")?"""
    return bool(_THANKS_ONLY.match(text))


def signs_off(text: str) -> bool:
    """Is the message only a friendly sign-off ("ok lovely x", "will do", "bye then")?"""
    words = re.findall(r"[a-z'-]+", text.lower())
    return 0 < len(words) <= 8 and set(words) <= _SIGN_OFF_WORDS


# What leaving or thanking begins with, said when the chat has ended: "gtg bus", "I'd better go,
# my taxi is here", "ta ra for now", "thanks a million", "Thank you, that was much easier than I
# expected", "much appreciated". Whatever follows is why they go or what they thank it for.
_LEAVING_OR_THANKS = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|right|well|anyway|oh|sorry|ah)\W+)*(?:"
    r"gtg|g2g|got(?:ta| to) (?:go|dash|run|fly|get off)"
    r"|(?:i'?d |i had |we'?d )?better (?:go|be off|get off|get going|dash)"
    r"|must (?:go|dash|fly|run)|(?:i'?m|im|i am) off|(?:need|have) to (?:go|dash|run|get off)|time to go"
    r"|ta[- ]?ra|bye|goodbye|night|that'?s me(?: done)?"
    r"|(?:many |big )?thanks?|thank (?:you|u)|thx|ty|cheers|(?-i:ta)|much appreciated|appreciate it"
    r")\b",
    re.I,
)


_ASKS_OR_CHANGES = re.compile(
    r"\b(?:but|actually|can|could|would|will|how|what|when|where|why|change|wrong|add|remove|delete|date"
    r"|goal)\b",
    re.I,
)


def says_goodbye(text: str) -> bool:
    """Is the message a goodbye or a thank-you, once the chat has ended: a friendly sign-off
    ("ok lovely x"), leaving ("gtg bus", "I'd better go, my taxi is here") or thanks of any
    length ("thanks a million")? Never when it asks or puts something right ("thanks, but the
    date is wrong", "thanks, can I see my plan?")."""
    if signs_off(text):
        return True
    if not _LEAVING_OR_THANKS.match(text) or "?" in text or len(text.split()) > 25:
        return False
    return not _ASKS_OR_CHANGES.search(text) and correction(text) is None and meta(text) in {None, "away"}


# Stepping away for a moment ("brb", "hang on the door", "gotta go, work call", "sorry hang on
# baby's crying brb"), and coming back ("sorry im back it was a parcel"). A message of parts:
# the words of stepping away, what called them away, and "sorry", "ugh" around them.
# Words only someone stepping away says:
_STEP_AWAY = (
    r"(?:brb|be right back|gtg|g2g|(?:back|bk) in (?:a |an )?(?:sec|second|min(?:ute)?|mo|bit|tick|jiffy|\d+)"
    r"(?: ?(?:mins?|minutes?|secs?|seconds?))?"
    r"|(?:one|1|just a|give me a|gimme a|wait a) (?:sec|second|secs|moment|min|minute|mo|tick)"
    r"|(?:(?:give me|gimme|just) )?(?:\d+|two|five|ten|a couple of|a few) ?(?:mins?|minutes?|secs?|seconds?)"
    r"|(?:hang|hold) on(?: a (?:sec|second|moment|minute|min|mo|tick))?|bear with me"
    r"|(?:just )?wait(?: (?:up|there|please|for me))?"  # said alone: "wait", "just wait"
    r"|(?:got(?:ta| to)|have to|need to|i'?ve got to|i have to|must) (?:go|dash|run|pop out|nip out)"
    r"|gtg|g2g|got ?2 ?go|(?:hv|hafta|have) (?:to|2) go"  # "gtg job in", "g2g, boss wants me"
    # called to work between answers: "got a fare", "customer in", "job just come in"
    r"|(?:(?:i'?ve |i have |just )?got (?:a|another|one) |(?:a|another) )(?:fare|customer|pick ?up)"
    r"|(?:(?:a|another) )?(?:fare|customer|job|pick ?up) (?:in|waiting|(?:just )?(?:come|came) in)"
    r"|(?:there'?s |there is )?(?:someone|somebody)(?:'?s| is)? at the (?:front |back )?door"
    r"|(?:the )?(?:door|phone)(?:bell)?(?:'?s| is)? (?:going|ringing|gone|went)|(?:the )?door ?bell)"
)
_HOUSEHOLD = r"kids?|twins|children|grandkids?|boys?|girls?|carer|lodger|cleaner"
# What calls someone away: a thing that makes a noise ("the baby's crying"), or someone at home
# who did something ("my son came in"; not "my son", an answer said again).
_CALLED_BY = (
    r"(?:(?:the|my|our|a|an)\s+)?"
    r"(?:(?:dog|dogs|cat|door|doorbell|phone|mobile|kettle|postman|postie|delivery|parcel|baby|toddler"
    r"|alarm|oven|tv|telly)(?:'?s)?(?:\s+[\w']+){0,5}"
    rf"|(?:{_KIN}|{_HOUSEHOLD})"
    r"(?:'s|\s+(?:is|are|r|was|were|came|come|wants?|wanted|needs?|needed|calling|called|rang|shouting|here"
    r"|just))\b(?:\s+[\w']+){0,5})"
)
# Someone at home calling them away, said with "he" or "she" beside the words of stepping away
# ("brb he's waking up", "hang on she's at the door"); never on its own ("he's in pain").
_HE_CALLS = (
    r"(?:he|she|they|we)(?:'s|'re|\s+(?:is|are|r))\s+(?:just\s+)?(?:waking|awake|up|calling|shouting|crying"
    r"|screaming|fighting|at the door|here|back|home|asking for me|ringing|playing up|kicking off)\b"
    r"(?:\s+[\w']+){0,4}"
    r"|(?:he|she|they)\s+(?:needs?|wants?)\s+(?:me|help|the loo|the toilet|changing|feeding)\b"
    r"(?:\s+[\w']+){0,4}"
)
# What they go to, said after the words of stepping away ("gotta go, work call", "brb loo"),
# or who it was, coming back ("that was my mum")
_ERRAND = (
    r"(?:(?:the|my|a|our|an)\s+)?(?:work|call|nurse|toilet|loo|boss|customer|someone|somebody"
    r"|job|fare|pick ?up|drop|delivery|meeting|shift|school run"
    # a student's day: "brb lecture", "gtg class", "back after my seminar"
    r"|lecture|class|seminar|lesson|tutorial|lab|practical|exam"
    rf"|{_KIN}|{_HOUSEHOLD})(?:\s+\w+){{0,4}}"
)
_AWAY_FILLER = r"(?:sorry|soz|oh|oops|ugh|omg|argh|excuse me|ok(?:ay)?|right|lol|x+)"
_AWAY_PART = rf"(?:{_STEP_AWAY}|{_CALLED_BY}|{_HE_CALLS}|{_ERRAND}|{_AWAY_FILLER})"
_AWAY = re.compile(rf"^\W*{_AWAY_PART}(?:\W+{_AWAY_PART})*\W*$", re.I)
_STEPS_AWAY = re.compile(rf"(?:^|\W){_STEP_AWAY}(?:\W|$)", re.I)
# Words that say nothing but "I'm stepping away", whatever follows them ("hang on" and "two
# minutes" may start an answer: "hang on, my knee is the worst of it", "two minutes walk away")
_SURELY_AWAY = (
    r"(?:brb|be right back|gtg|g2g"
    r"|(?:back|bk) in (?:a |an )?(?:sec|second|min(?:ute)?|mo|bit|tick|jiffy|\d+)\w*"
    r"|(?:one|1|just a|give me a|gimme a|wait a) (?:sec|second|secs|moment|min|minute|mo|tick)"
    r"|(?:hang|hold) on a (?:sec|second|moment|minute|min|mo|tick)|bear with me)"
)
# Who called them away, by name or as "the dog": "brb, Biscuit is being sick on the carpet",
# "1 min kai is shouting me", "one sec, Monty's got hold of my slipper". Said beside those words
# only: "Biscuit is being sick" alone may be an answer.
_SOMEONE_CALLS = (
    r"(?:(?:the|my|our)\s+)?[a-z]+(?:'s|\s+(?:is|was|has|wants?|needs?|just|keeps|woke|fell|came|rang|got))\b"
    r"(?:\s+[\w']+){0,7}"
)
_AWAY_NAMED = re.compile(
    rf"^\W*(?:{_AWAY_FILLER}\W+)*{_SURELY_AWAY}\W+(?:{_AWAY_FILLER}\W+)*{_SOMEONE_CALLS}\W*$"
    rf"|^\W*(?:{_AWAY_FILLER}\W+)*{_SOMEONE_CALLS}\W+{_SURELY_AWAY}\W*$",
    re.I,
)
# "sorry the dog", "oops my son came in": called away, without saying so
_DISTRACTED = re.compile(rf"^\W*(?:sorry|soz|oops|ugh|excuse me)\W+{_CALLED_BY}\W*$", re.I)
# What kept them, said coming back: "he needed help to the loo", "she wanted juice"
_WHAT_KEPT_THEM = (
    rf"(?:he|she|they|it|(?:my|the|our) (?:{_KIN}|{_HOUSEHOLD}|dog|cat|baby|postman|postie|nurse|carer))\s+"
    r"(?:needed|wanted|was|were|woke|had|got|fell|came|went|just)\b(?:\s+[\w']+){0,6}"
)
# An errand they had to do, said coming back: "had to answer the door", "had 2 sort kai out"
_ERRAND_DONE = (
    r"(?:i\s+)?(?:just\s+)?(?:had|needed) (?:to|2)\s+(?:go (?:and|to|n)\s+)?"
    r"(?:answer|get|take|see to|sort|let|feed|change|check on|deal with|pop|nip|put|pick up|grab"
    r"|go to the (?:door|loo|toilet))\b(?:\s+[\w']+){0,6}"
)
_WHERE_WERE_WE = r"(?:where|wer|whr|were)\s+(?:were|was|are|r)\s+(?:we|i)|where did we get to"
_BACK_PART = (
    r"(?:(?:i'?m|im|i am) back(?: now| again)?|(?:back|bk) now|back again|back|bk|sorry about that"
    rf"|sorry for (?:the wait|that|keeping you)|{_WHERE_WERE_WE}|{_WHAT_KEPT_THEM}|{_ERRAND_DONE}"
    r"|i'?m here now|here now"
    # ready again after a teary pause: "ok I'm alright now", "I'm ready now"
    r"|(?:i'?m|im|i am) (?:alright|all right|ok(?:ay)?|fine|better|ready)(?: again)? now"
    r"|(?:i'?m |im )?ready now"
    # and go on: "right, i'm alright now, go on", "ok im ok now, carry on"
    r"|(?:(?:you can|we can|let'?s|please)\s+)?(?:go on|carry on|crack on|keep going|fire away|ask away)"
    r"(?: then| now| please)?"
    # how long it felt: "that was the longest hour of my life"
    r"|(?:that|it)\s+(?:was|felt\s+like)\s+(?:the|a|an|so|such\s+an?)\s+(?:longest|slowest|dullest|worst|most\s+boring"
    r"|long|boring|dull)\b(?:\s+[\w']+){0,5}"
    r"|what was (?:the|that) question(?: again)?|ok(?:ay)?|right|sorry|soz|hi|hello|hiya"
    # who or what it was: "it was a parcel", "that was just my mum"
    rf"|(?:(?:it|that)(?:'s| was| is)(?: just| only)?|just|only) (?:{_CALLED_BY}|{_ERRAND}))"
)
# "ok back. where were we", "back now sorry. what was the question": one or more of these,
# with at least one that only someone coming back says (a bare "back" may be a bad back).
_BACK = re.compile(rf"^\W*{_BACK_PART}(?:\W+{_BACK_PART})*\W*$", re.I)
_BACK_SURE = re.compile(
    r"\b(?:i'?m back|im back|i am back|(?:back|bk) now|back again|back,? sorry|sorry about that|sorry for"
    rf"|{_WHERE_WERE_WE}|here now)\b|^\W*(?:ok(?:ay)?|soz|sorry)\W+(?:back|bk)\b",
    re.I,
)

# Coming back with what kept them, without a word before of going: "sorry had to answer the door",
# "soz had 2 sort kai out", "sorry, just had to let the cat out. carry on", "apologies for the
# delay". An errand, said with sorry: "sorry, I had to give up driving" is an answer.
_SORRY = r"(?:sorry|soz|sry|apologies|oops)(?:\W+(?:love|dear|pet|hun|mate))?"
_BACK_AFTER_ERRAND = re.compile(
    rf"^\W*(?:(?:ok(?:ay)?|right|back|i'?m back)\W+)?{_SORRY}\W+(?:{_ERRAND_DONE}"
    r"|(?:about|for) the (?:wait|delay|interruption|gap|break)(?:\W+[\w']+){0,2})"
    rf"(?:\W+(?:{_BACK_PART}|carry on|go on|anyway|let'?s (?:carry|go) on))*\W*$",
    re.I,
)
# Coming back said last, after what kept them: "sorry about that, all cleaned up. where were we?"
_WHERE_NOW = re.compile(
    rf"(?:^|[.!?,;:]\s*)(?:{_WHERE_WERE_WE})"
    r"(?:\s+(?:up to|again|then|now))?\W*$",
    re.I,
)
# A question about the chat, then why they ask it: "how much longer is this? Biscuit wants his tea"
_CHAT_THEN_ASIDE = re.compile(
    rf"^([^?]{{3,80}}\?+)\s*(?:{_AWAY_FILLER}\W+)*(?:{_CALLED_BY}|{_HE_CALLS}|{_SOMEONE_CALLS})\W*$", re.I
)

_BACK_THEN = re.compile(rf"^\W*({_BACK_PART}(?:\W+{_BACK_PART})*)(\s*[.,!;:]+\s*|\s+)(?=\w)", re.I)


def after_coming_back(text: str) -> str:
    """The answer someone came back with: "back sorry. family mostly" is "family mostly".

    The words of coming back go only when they end with a stop or say plainly that they are
    back ("im back my allotment"): "back pain stops me" and "right knee" are answers."""
    found = None if _BACK.match(text) else _BACK_THEN.match(text)  # "im back it was a parcel": no answer
    if not found or not (found.group(2).strip() or _BACK_SURE.search(found.group(1))):
        return text
    return text[found.end() :]


# "no that is not a question", "that wasn't a question, I just worry": what went before it is
# said, not asked, whatever its question mark (a dictated "question mark" too)
_NOT_A_QUESTION = re.compile(
    r"(\?+)?\s*(?:(?:no|sorry|oh|oops)\W+)*\b(?:that|it|this|thats|its|that'?s|it'?s)"
    r"(?:\s+(?:is|was|were))?(?:\s+not|n'?t)\s+(?:a|meant as a|really a)\s+question\b[\s.,;:!-]*",
    re.I,
)


# Said just after a question was noted for the care team: it was not one for them ("That was not
# a question for my care team", "i was asking YOU", "it wasnt a question it was what would help")
_NOT_FOR_THE_TEAM = re.compile(
    r"\b(?:not|n'?t|never)\s+(?:a\s+question\s+|meant\s+)?for\s+(?:my|the|your)\s+"
    r"(?:care\s+team|team|doctors?|gp|nurses?|clinic)\b"
    r"|\b(?:wasn'?t|was not|isn'?t|is not|not)\s+(?:a\s+|really\s+a\s+)?question\b"
    # "what question? i was telling you", "i wasnt asking anything, thats what matters" (s34 tester)
    r"|^\W*what\s+question\b|\bi\s+(?:was|am|'?m)\s+(?:just\s+|only\s+)?(?:telling|answering)\s+(?:you|u)\b"
    r"|\bi\s+(?:wasn'?t|was\s+not|am\s+not|'?m\s+not)\s+(?:even\s+)?asking\b",
    re.I,
)
# The question was for the bot: "It was a question for you", "i was asking you", "i meant you"
_ASKED_THE_BOT = re.compile(
    r"\b(?:(?:it|that|this)\s+(?:was|is)\s+(?:a\s+question\s+)?(?:for|to)|i\s+(?:was\s+)?ask(?:ed|ing)|i\s+meant)"
    r"\s+(?:you|u)\b",
    re.I,
)


def not_for_the_team(text: str) -> bool:
    """Does the message say the question just noted for the care team was not one for them?"""
    return bool(_NOT_FOR_THE_TEAM.search(text) or _ASKED_THE_BOT.search(text))


def asked_the_bot(text: str) -> bool:
    """Does the message say a question was put to the bot ("It was a question for you")?"""
    return bool(_ASKED_THE_BOT.search(text))


def says_not_a_question(text: str) -> bool:
    """Does the message say it is not a question ("no that is not a question")?"""
    return bool(_NOT_A_QUESTION.search(text))


def without_not_a_question(text: str) -> str:
    """The message with "that is not a question" taken out and the question mark before it
    made a full stop: "That I'll end up in a home? No that is not a question I just worry
    about it" is "That I'll end up in a home. I just worry about it"."""
    return _NOT_A_QUESTION.sub(lambda found: ". " if found.group(1) else " ", text).strip(" ,")


# Losing the thread and finding it: "what was I saying. oh. a good day is...", "where was I?
# oh yes...", "sorry ive lost my thread". Said to themselves, never a question to the bot.
_LOST_THREAD = re.compile(
    r"^\W*(?:(?:now|so|right|sorry|oh|um+|erm*|anyway|hang on)\W+)*"
    r"(?:what (?:was|were) (?:i|we) (?:saying|on about|going to say|gonna say|talking about|about to say)"
    r"|where (?:was i|were we)(?: up to)?|i forget what i was (?:saying|going to say)"
    r"|(?:i'?ve |ive |i have )?lost (?:my|the) (?:thread|train of thought))"
    r"(?=\W|$)\W*(?:(?:oh|ah|aye|yes|yeah|yep|right|i remember|that'?s it|got it)(?=\W|$)\W*)*",
    re.IGNORECASE,
)


def after_losing_the_thread(text: str) -> str:
    """What someone said once they found the thread again: "what was I saying. oh. a good
    day is..." is "a good day is..." (empty when that is all they said)."""
    found = _LOST_THREAD.match(text)
    return text[found.end() :] if found else text


# A question put to the bot: "how long would I be in for if they do the hip", "will I have
# to stop driving?". Asked back to front ("will I", "is it") or with a question word and a verb.
_ASKED_BACK_TO_FRONT = re.compile(
    r"^\W*(?:(?:and|but|so|oh|also|sorry|just wondering|i wonder|quick question)\W+)*"
    r"(?:(?:will|would|can|could|should|shall|is|are|am|was|were|may|might)"
    r"\s+(?:i|you|u|they|he|she|it|we|my|his|her|the|this|that|there|anyone|someone)"
    # "do the school run", "have a bath": said like that, "do" and "have" are the goal itself
    r"|(?:do|does|did|have|has|must)\s+(?:i|you|u|they|he|she|it|we|there|anyone|someone))\b",
    re.I,
)
_QUESTION_WORD = re.compile(
    r"^\W*(?:(?:and|but|so|oh|also|sorry|just wondering|quick question)\W+)*"
    r"(?:how (?:long|much|many|often|soon|do|does|did|will|would|can|could|should|is|are|bad|serious)"
    r"|what (?:happens|will|would|should|can|could|do|does|did|is|are|if|about|causes|kind|sort)"
    r"|why (?:do|does|did|is|are|would|will|can|should|has|have|am)"
    r"|when (?:will|would|do|does|can|should|is|are)"
    r"|where (?:do|does|can|should|is|are|will)"
    r"|who (?:will|would|do|should|can|is)|is it (?:normal|safe|ok|okay|bad|serious)"
    # "which one?", never a clause that goes on about what was said: "..., which she should not."
    r"|which(?!\s+(?:i|you|u|he|she|it|we|they|was|were|means|meant|made|makes|has|had|is why)\b))\b",
    re.I,
)


_REQUEST = re.compile(
    r"^\W*(?:what'?s|whats|who|where|when|how|can you|could you|will you|would you|tell me|play|order|book"
    r"|sing|show me|is there|are there)\b",
    re.I,
)


def asks_something(text: str) -> bool:
    """A question or a request ("what's the weather like", "tell me a joke"), not a statement:
    "remembering train times lol" answers "what is he good at?", whatever else it resembles."""
    return question_to_bot(text) or text.strip().endswith("?") or bool(_REQUEST.match(text))


# "dunno, ", "not sure. ", "um ": said before an answer they aren't sure of
_UNSURE_LEAD = re.compile(
    r"^\W*(?:(?:i\s+)?(?:dunno|idk|don'?t know|dont no|not sure|no idea|um+|er+m?|hmm+|well)\b\W*)+", re.I
)
_FINITE = {"VBZ", "VBP", "VBD", "MD"}
_RUN_TOGETHER = re.compile(r"^\W*(?:its|im|ive|youre|theyre|thats|shes|hes)\b", re.I)  # "its normal to...?"
_HEDGE = re.compile(
    r"^\W*(?:maybe|perhaps|possibly|probably|i think|i guess|i suppose|might be|could be|not sure"
    r"|a|an|some|more)\b",
    re.I,
)


# What would help, put as a question: "Could the council add a sound to the crossing?", "would a
# volunteer help?", "what about a stairlift?", "can I have a talking meter?". Not the bot asked
# ("could you..."), nor whether something is so ("would it help if I stopped the tablets?").
_SUGGESTED = re.compile(
    r"^\W*(?:(?:and|but|so|oh|or)\W+)*"
    r"(?:(?:could|would|can|might)\s+(?!(?:you|u|it|this|that|there)\b)\w+"
    r"|(?:what|how) about|is there (?:a|an)|maybe|perhaps)\b",
    re.IGNORECASE,
)


def suggests_help(text: str) -> bool:
    """Is this something that might help, put as a question (an answer to "What would help?")?"""
    return bool(_SUGGESTED.search(text))


# A word (up to four) someone asks the meaning of, quoted or not
_WORDS = r"(?P<term>\b[a-z][\w'-]*(?: [a-z][\w'-]*){0,3}?)"
_TERM = r"['\"‘“]?" + _WORDS + r"['\"’”]?"
_WORD_ASKED = (
    # "what does titrate mean", "what does 'pacing' actually mean?", "what mean titrate?"
    re.compile(
        r"\bwhat (?:does|do|did) (?:the word |it mean (?:when|if) (?:they|you|it) says? )?"
        + _TERM
        + r" (?:actually |exactly |really |even )?mean\b",
        re.I,
    ),
    re.compile(r"\bwhat means? (?:the word )?" + _TERM + r"\s*(?:\?|$)", re.I),
    # "what's orthostatic hypotension?", "what is a carer's assessment exactly?"
    re.compile(r"\bwhat(?:'s|s| is| are) (?:a |an )?" + _TERM + r"(?: exactly| anyway)?\s*\?", re.I),
    # "'occupational therapy' - what exactly is that?"
    re.compile(
        r"['\"‘“]" + _WORDS + r"['\"’”]\s*[-–—,:]?\s*what (?:exactly )?(?:is|are|does) (?:that|it|this)\b",
        re.I,
    ),
)
# Not a word to explain: pointing words, and the chat's own words (its reply explains those)
_NOT_A_TERM = re.compile(
    r"^(?:it|that|this|the|these|those|my|your|his|her|their|our|you|u|i|he|she|they|we|wrong|up|going"
    r"|happening|next|there|here|best|point|matter|what|why|how|when|where|who)\b"
    r"|\b(?:matters?|good day|goals?|plan|chat|questions?|care team)\b",
    re.I,
)


def word_asked(text: str) -> str | None:
    """The word or words someone asks the meaning of ("what does titrate mean?", "what's
    orthostatic hypotension?"), if the message asks that; None for other questions."""
    for pattern in _WORD_ASKED:
        for found in pattern.finditer(text[:300]):
            term = found.group("term").strip(" '\"‘’“”")
            if not _NOT_A_TERM.search(term):
                return term
    return None


# Asking what the question's own words mean, beside _WORD_ASKED: "what is a local group" (no
# question mark), "what do you mean by support", "what counts as a good day"
_OWN_WORDS_ASKED = (
    re.compile(
        r"^\W*(?:(?:sorry|um+|er+m?|ok|and|but|so|wait)\W+)*what(?:'s|s| is| are) (?:a |an |the )?"
        + _TERM
        + r"(?: exactly| anyway| then)?\W*$",
        re.I,
    ),
    re.compile(r"\bwhat do (?:you|u) mean by (?:a |an |the )?" + _TERM + r"\W*$", re.I),
    re.compile(
        r"\bwhat (?:counts|would count|do (?:you|u) count|does it count) as (?:a |an )?" + _TERM + r"\W*$",
        re.I,
    ),
)


def question_word_asked(text: str, question: str) -> bool:
    """Does the message ask what the question's own words mean ("what does focus mean", "what is
    a local group" at "Who helps you? ... neighbours or local groups", "what counts as a good
    day")? The words match in any form ("group" is "groups"). Never one for the care team."""
    for pattern in (*_WORD_ASKED, *_OWN_WORDS_ASKED):
        for found in pattern.finditer(text[:300]):
            said = content_words(found.group("term"))
            if said and said <= content_words(question):  # parsed only when a word is asked about
                return True
    return False


@lru_cache(maxsize=1)
def _questions_words() -> dict[str, set[str]]:
    """Each question that has a meaning to give, with the words it is asked with and named by
    (its label): "Who helps you? ... local groups" and "Support" are the support question's."""
    return {
        key: content_words(" ".join(filter(None, (q.label, wording(key), wording(key, carer=True)))))
        for key, q in catalogue().items()
        if q.means
    }


def whose_words_asked(text: str) -> str | None:
    """The question, of any the chat asks, whose own words the message asks the meaning of
    ("whats a local group" at "What does she enjoy?" is the support question's, "what counts as
    a good day" the good day one's), or None. Said back as that question's meaning, never kept."""
    terms = [
        said
        for pattern in (*_WORD_ASKED, *_OWN_WORDS_ASKED)
        for found in pattern.finditer(text[:300])
        if (said := content_words(found.group("term")))
    ]
    return next((key for key, own in _questions_words().items() if any(t <= own for t in terms)), None)


# The chat's own words, which it can say in plain words itself ("what is a carer's assessment?");
# a medical word is the care team's to explain. Each has its reply, utter_word_<key>.
_OUR_WORDS = {
    "carers_assessment": r"carers?'?s?'? ?assess?ments?|carer assess?ments?",
    "power_of_attorney": r"(?:lasting )?power of att?orn[ea]y|lpa",
    "best_interests": r"best interests?",
    "nhs_number": r"nhs (?:number|no)",
}
_ABOUT_A_WORD = r"\bwhat(?:'?s| is| are| does| do)\b[^.!?]{{0,20}}\b(?:{0})\b|\b(?:{0})\b[^.!?]{{0,25}}\bmean"
# The chat's everyday words ("what does draft plan mean", "whats a goal?", "what do you mean by
# share"), asked only as what the word means: "what's the plan for my knee?" or "what happens if
# I share it" is another question. Each has its reply, utter_word_<key>, in one plain line.
_OUR_EVERYDAY_WORDS = {
    "draft": r"draft(?: (?:care )?plan)?",
    "care_team": r"care team",
    "plan": r"(?:care )?plan",
    "share": r"shar(?:e|ed|ing)(?: (?:it|the plan|my plan))?",
    "goal": r"goals?",
    "read_back": r"read[- ]?back",
}
_THE = r"(?:the word |a |an |the |this |that |your )*['\"‘“]?"
_MEANS = (
    r"\bwhat (?:does|do|did) " + _THE + r"(?:{0})['\"’”]? (?:actually |exactly |really |even )?mean\b"
    r"|\bwhat(?:'?s| is| are| do (?:you|u) mean by) "
    + _THE
    + r"(?:{0})['\"’”]?(?: exactly| then| anyway)?\s*(?:\?|$)"
)
# "Will it cost us anything?", "is it free?": what the word costs, asked where it is offered
_COST = re.compile(
    r"\b(?:will|does|would|do|is|are) (?:it|that|this|one|they|there)\b[^.!?]{0,15}"
    r"\b(?:cost|costs|free|charge|pay|fee)\b|\bhow much\b|\bdo (?:i|we) (?:have to |need to )?pay\b"
    r"|\bcosts? (?:money|anything|much)\b",
    re.I,
)
# "what is this assessment?" where the carer's assessment is offered
_THE_ASSESSMENT = re.compile(r"\bwhat(?:'?s| is)\s+(?:this|that|the|an?)\s+assess?ment\b", re.I)


# "whats that?", "what's one of them when it's at home": about the word in the question just asked
_WHATS_THAT = re.compile(
    r"^\W*(?:(?:sorry|um+|er+m?|oh|and|but|ok)\W+)*"
    r"(?:what'?s|whats|wats|what is|what does|what do (?:you|u) mean by)"
    r"\s+(?:that|this|it|one|one of (?:them|those)|an? (?:carer'?s )?assessment)"
    r"(?:\s+(?:then|mean|exactly|when it'?s at home|please))*\W*$",
    re.I,
)
# The question whose own words name one of the chat's words
_WORD_IN_QUESTION = {"carer_assessment": "carers_assessment", "nhs_number": "nhs_number"}


def our_word(text: str, asked: str | None = None) -> str | None:
    """Which of the chat's own words the message asks about ("What is a carer's assessment?
    Will it cost us anything?" is "carers_assessment"), or None. At the carer's assessment
    question, asking what it costs, or a bare "whats that?", is asking about it too."""
    for key, word in _OUR_WORDS.items():
        if re.search(_ABOUT_A_WORD.format(word), text, re.I):
            return key
    for key, word in _OUR_EVERYDAY_WORDS.items():
        if re.search(_MEANS.format(word), text, re.I):
            return key
    if asked == "carer_assessment" and (_COST.search(text) or _THE_ASSESSMENT.search(text)):
        return "carers_assessment"
    if asked in _WORD_IN_QUESTION and _WHATS_THAT.match(text):
        return _WORD_IN_QUESTION[asked]
    return None


def says_something(text: str) -> bool:
    """Does the text say something of its own ("PHYSIO", "my garden"), not only "ok" or "right"?"""
    return bool(_own_lemmas(text) - _JUST_YES_NO)


_JUST_YES_NO = {*_YES_WORDS.split("|"), "ya", *_NO_WORDS.replace("+", "").split("|")} | set(
    "ok okay alright right sure fine hmm um erm er ah oh eh huh"
    " wait hang hold on sorry oops well so anyway quick question".split()
)


# Telling, with a question mark: "Did I tell you Biscuit once followed me half way there?",
# "would you believe he's 14?", "guess what?". Chat, never a question for the care team.
_TELLING = re.compile(
    r"^\W*(?:(?:oh|and|but|so|ha+|lol|well)\W+)*(?:did i (?:ever )?(?:tell|mention)"
    r"|have i (?:ever )?(?:told|mentioned)|had i (?:told|said)|(?:would|can|could) (?:you|u) believe"
    r"|guess what|(?:do )?(?:you|u) know what"
    r"|isn'?t (?:he|she|it|that|they) (?:lovely|funny|sweet|daft|gorgeous|a (?:card|character|love|one)))\b",
    re.I,
)


def tells_a_story(text: str) -> bool:
    """Is the question only telling something ("did I tell you he once followed me there?")?"""
    return bool(_TELLING.match(text))


# A statement with "it" left out, as in second-language English: "is his life, fishing", "was my
# whole world, the garden". Without a question mark anywhere, and a comma within two words.
_SUBJECT_DROPPED = re.compile(
    r"^\W*(?:is|was)\s+(?:his|her|my|their|our|the|this|that)\s+(?:\w+\s+)?\w+\s*,[^?]*$", re.I
)


# Thinking aloud before an answer, a question to oneself: "well Lord where do I start.", "oh where
# do i even begin,", "how do I put it...", "what can I say." (s34 tester: Doreen's whole answer
# was noted as a question for the care team, and "What matters most?" asked three times).
_THINKING_ALOUD = re.compile(
    r"^\W*(?:(?:well|oh|ooh|ah|lord|gosh|god|goodness|blimey|crikey|hmm+|um+|erm*|now|so|honestly)\W+)*"
    r"(?:where\s+(?:do|shall|can|should|would)\s+(?:i|we|you|one)\s+(?:even\s+)?(?:start|begin)"
    r"|where\s+to\s+(?:start|begin)"
    r"|how\s+(?:do|shall|can|should)\s+i\s+(?:put|say|explain|describe)\s+(?:it|this|that)"
    r"|what\s+can\s+i\s+(?:say|tell\s+you))"
    r"(?:\s+(?:really|honestly|lol|haha|with\s+(?:it|this|that)(?:\s+all)?))?\s*(?:[.,;:!?\u2026-]+\s*|$)",
    re.I,
)


def without_thinking_aloud(text: str) -> str:
    """The message without a question to oneself before the answer: "where do I start. my
    church, my family" is "my church, my family"."""
    return _THINKING_ALOUD.sub("", text, count=1)


def question_to_bot(text: str) -> bool:
    """Is the message a question (to the bot, or for the care team) rather than an answer?

    Talk about the chat itself ("why do you need that?") is :func:`meta`'s, not this."""
    said = without_thinking_aloud(text).strip()
    if len(said.split()) < 3 or meta(said) is not None or interpret.skips(said):
        return False  # "can I skip this one?" passes on the question
    first = re.split(r"(?<=[.!?])\s+", said)[0]
    if tells_a_story(first) or interpret.only_told(first):
        return False  # "i literally just told you?? feel like myself": a complaint, never a question
    if _SUBJECT_DROPPED.match(said):
        return False  # "is his life, fishing, 50 years he do this": "it" left out, not a question
    if _ASKED_BACK_TO_FRONT.search(first) or _QUESTION_WORD.search(first):
        return True
    # "maybe a different inhaler?", "dunno, a bench halfway?", "dust mites?": an answer said
    # unsure, not a question (a question without a question word has a verb: "you think I should?")
    first = _UNSURE_LEAD.sub("", _SAYS_LEAD.sub("", first))
    if _HEDGED_END.search(first):
        return False  # "mum says a wheelchair for the mosque maybe?": a help said unsure (s32 tester)
    return first.endswith("?") and not _HEDGE.match(first) and _has_finite_verb(first)


# When they can do something again, asked ("when can i run", "will I ever be able to drive
# again?", "how soon can she get back to the pool"): a question, and what they want to do.
_WHEN_ABLE = re.compile(
    r"^\W*(?:(?:so|and|but|erm|um|ok)\W+)?(?:when|how soon|how long (?:till|until|before)|will|do you think)"
    r"\s+(?:(?:can|could|will|would)\s+)?(?:i|he|she|we|they|mum|dad)\s+(?:ever\s+)?"
    r"(?:(?:be able to|can|could|get to)\s+)?(?P<doing>[a-z][^?!.]*?)\W*$",
    re.I,
)
# Verbs of being told or given, not of doing: "when can I get my results", "when will I hear"
_NOT_DOING = {"get", "have", "hear", "know", "find", "see", "ask", "take", "stop", "start", "need", "be"}


def asks_when_able(text: str) -> str | None:
    """What someone asks when they can do again ("run" from "when can i run", "drive again"
    from "will I be able to drive again?"), or None when the message asks no such thing
    ("when will I get my results?" asks of being told, not of doing)."""
    found = _WHEN_ABLE.match(text.strip())
    if found is None:
        return None
    doing = found["doing"]
    first = parse(f"I can {doing}")[2]  # tagged as said after "I can": "kneel" alone is no verb
    back = re.match(r"get back\b", doing, re.I) is not None  # "get back to the gym" is doing
    if first.pos_ != "VERB":
        return None
    return doing if back or first.lemma_.lower() not in _NOT_DOING else None


# Whose words an answer gives: "mum says ...", "my son reckons ...", "she said ..."
_SAYS_LEAD = re.compile(
    # "jo says", "the social worker reckons"
    r"^\W*(?:(?:my|our|his|her|their|the)\s+)?\w+(?:\s+\w+)?\s+(?:says|said|reckons|thinks|thought|suggested)\b\W*",
    re.I,
)
# ", might be good", "would help": a word on the idea, after it
_WORTH_A_TRY = re.compile(
    r"\s+(?:would|might|could|may|will)\s+(?:help|be\s+(?:good|nice|an idea|worth a (?:try|go)|a help))\W*$",
    re.I,
)


def help_idea(text: str) -> bool:
    """An idea of what would help, put forward by someone else where another goal is asked ("jo
    says maybe a buddy from the gateway club", "the nurse reckons a befriender might be good", "my
    sister suggested a lift from church"): a thing or someone, with no doing in it ("jo says he
    could join a club" or "...maybe swimming" is a goal)."""
    lead = _SAYS_LEAD.match(text)
    if lead is None:
        return False
    idea = _WORTH_A_TRY.sub("", _UNSURE_LEAD.sub("", text[lead.end() :]))
    idea = re.sub(r"^\W*(?:that\s+)?(?:maybe|perhaps|possibly|probably)\b\W*", "", idea, flags=re.I)
    roots = [t for t in parse(idea) if t.dep_ == "ROOT"]
    return len(roots) == 1 and roots[0].pos_ in {"NOUN", "PRON"} and roots[0].tag_ != "VBG"


# An answer said unsure, to the end: "..., maybe?", "... or something?", "... i guess?"
_HEDGED_END = re.compile(
    r"\b(?:maybe|perhaps|possibly|probably|or something|or anything|i guess|i suppose|i think)\W*\?\W*$", re.I
)


def _has_finite_verb(text: str) -> bool:
    """Does the text have a verb that makes a clause ("it hurts", "you think"), not just a
    thing named ("a bench halfway", "the cold getting to me")?"""
    return bool(_RUN_TOGETHER.match(text)) or any(t.tag_ in _FINITE for t in parse(text))


# Asking what to do about a medicine or a treatment: "should I stop taking them?", "what dose
# should I take", "is it ok to drink on these", "tell me what to take for it".
_ADVICE = re.compile(
    r"\b(?:should|shall|can|could|do|must|ought)\s+(?:i|he|she|we|they|mum|dad)\s+(?:\w+\s+)?"
    r"(?:take|stop|start|keep|cut|up|double|skip|miss|halve|change|come off|drink|eat|have|use|try|be)\b"
    r"|\b(?:what|which|how much|how many)\s+(?:\w+\s+){0,2}(?:should|shall|do|can)\s+(?:i|he|she|we|they)\b"
    r"|\bis it (?:ok|okay|safe|alright|all right|fine|bad|normal)\b"
    r"|\b(?:tell|advise) (?:me|us) (?:what|how|if|whether|which)\b"
    r"|\bwhat do you (?:think|recommend|suggest)\b",
    re.I,
)


# Someone wished for who would tell them: "someone to tell me what to do about the money thing",
# "a nurse who can tell me how to lift him": what would help, not advice asked of the bot.
_SOMEONE_TO_TELL = re.compile(
    r"\b(?:someone|somebody|anyone|anybody|people|a person|(?:a|an|the)\s+\w+)\s+"
    r"(?:to|who(?:'ll|'d|\s+(?:can|could|will|would|might))|that\s+(?:can|could|will|would))\s+"
    r"(?:tell|advise|show|explain to)\s+(?:me|us|him|her|them)\b",
    re.I,
)


def asks_for_advice(text: str) -> bool:
    """A real request for medical advice, not a statement that mentions tablets or a doctor:
    "should I stop taking them?" asks; "the doctor put me on new tablets and they make me
    dizzy" tells (it is an answer: what gets in the way, a worry), and so does someone wished
    for who would tell them ("someone to tell me what to do about the money thing")."""
    if interpret.skips(text):
        return False  # "can I skip this one?" passes on the question, it is no skipped dose
    text = without_thinking_aloud(text)  # "where do I start. my church...": no "do I start [a tablet]"
    said = _SOMEONE_TO_TELL.sub(" ", text)
    return bool(_ADVICE.search(said)) or (question_to_bot(text) and not text.strip().endswith("."))


# Asking for a judgement only a clinician can make: "can you tell me if this lump is normal?",
# "should I be worried about the numbness?", "is the lump something to worry about", "could it be
# serious". Never a worry told ("I'm worried it's serious") or a hope ("I hope it's nothing").
_JUDGED = (
    r"(?:normal|serious|cancer(?:ous)?|dangerous|malignant|benign|a\s+bad\s+sign"
    r"|(?:something|anything)\s+(?:to\s+)?(?:worry|be\s+worried|be\s+concerned)\s+about)\b"
)
_THIS = r"(?:this|that|it|these|those|the|my|his|her|their|there)\b"
_JUDGEMENT = re.compile(
    r"(?:^|[.?!,;]\s*|\b(?:and|or|but|so|tell me|wondering|know)\s+)(?:if\s+|whether\s+)?"
    rf"(?:is|are|could|might|would|can)\s+{_THIS}(?:\s+[\w'’]+){{0,7}}?\s+(?:be\s+(?:a\s+sign\s+of\s+)?)?{_JUDGED}"
    rf"|\b(?:(?:you|u)\s+(?:\w+\s+)?(?:tell\s+me|say|check|know)|wonder(?:ing)?|(?:want|like)\s+to\s+know)"
    rf"\s+(?:if|whether)\s+{_THIS}(?:\s+[\w'’]+){{0,5}}?"
    rf"\s+(?:is|are|looks?|seems?|could\s+be|might\s+be)\s+{_JUDGED}"
    r"|\b(?:should|shall|do|must)\s+(?:i|we|he|she|they)\s+(?:need\s+to\s+)?(?:be\s+)?"
    r"(?:worr(?:y|ied)|concerned|panic)\b",
    re.I,
)


def asks_for_judgement(text: str) -> bool:
    """Does the message ask the bot to judge something only the care team can ("is this lump
    normal?", "should I be worried about ...")? Whatever the NLU made of it."""
    return bool(_JUDGEMENT.search(text))


# Why ask about life, when the appointment is about an illness: "I am going about my heart",
# "its only my knee im going about", "I'm just here for my eyes". Beside "why do you need that?",
# it explains the why; it does not answer what matters.
_ONLY_ABOUT_THE_ILLNESS = re.compile(
    r"^\W*(?:but\s+|well\s+)?(?:i'?m|i\s+am|im|it'?s|its|it\s+is|this\s+is|we'?re|we\s+are|s?he'?s|s?he\s+is)"
    r"\s+(?:only\s+|just\s+)?(?:(?:going|here|seeing\s+\w+|there)\s+)?(?:about|for|with)\s+"
    r"(?:my|his|her|their|the|a)\s+[\w'’]+(?:\s+[\w'’]+)?\W*$"
    r"|^\W*(?:it'?s|its|it\s+is)\s+(?:only|just)\s+(?:my|his|her|the)\s+[\w'’]+"
    r"(?:\s+(?:i'?m|im|i\s+am|s?he'?s|we'?re)\s+(?:going|here|seeing\s+\w+)\s+(?:about|for))?\W*$",
    re.I,
)


def only_about_the_illness(text: str) -> bool:
    """Does ``text`` say the appointment is only about an illness ("I am going about my heart")?"""
    return bool(_ONLY_ABOUT_THE_ILLNESS.match(text))


# Words that talk about the chat, the plan or its data. A message without any of them is about
# the person's life ("see to read my own post"), whatever the NLU thought it resembled.
_ABOUT_THE_CHAT = re.compile(
    r"\b(?:you|u|ya|this|that|these|it|data|info|information|answers?|plan|chat|details|records?|notes?"
    r"|questions?|private|privte|privacy|confidential|secure|copy|print|paper|pdf|help|mean|again|why"
    r"|human|person|robot|bot|computer|share|shared|sharing|pardon|repeat|what|who|how|undo|back|start)\b",
    re.I,
)


def plainly_an_answer(text: str) -> bool:
    """A statement about the person's life, not about the chat: never talk about the chat,
    even when the NLU thought it resembled some ("seeing the nurse more often")."""
    said = text.strip()
    return (
        len(said.split()) >= 3
        and not _ABOUT_THE_CHAT.search(said)
        and meta(said) is None
        and not asks_something(said)
    )


# What comes before a "why" that gives a reason: a "be" ("it's why", "which is why"; typed
# without the apostrophe, "its why" and "thats why": "that" and "s"), or "the reason why"
_REASON_BEFORE = {"its", "s", "reason"}


def why_as_a_reason(text: str) -> bool:
    """ "why" said as the reason for something, never asked: "that's behind us, but it's why ah
    keep ma appointments", "which is why I worry", "the reason why I go". Each "why" follows a
    "be" or the word "reason", and nothing in the message asks."""
    whys = [t for t in parse(text) if t.lower_ == "why"]
    return (
        bool(whys)
        and not asks_something(text)
        and all(t.i > 0 and (t.nbor(-1).lemma_ == "be" or t.nbor(-1).lower_ in _REASON_BEFORE) for t in whys)
    )


# Asking to carry on, maybe after playing down what they just said: "i didnt want to make a big
# thing of it, its family. can we carry on", "sorry, didnt mean to go on. lets crack on". Never
# "go on" (a yes) or "move on" (a skip).
_PLAYED_DOWN = (
    r"(?:look|well|ok(?:ay)?|anyway|sorry(?: about that)?|soz|right|honestly|yeah|yes)"
    r"|(?:i )?(?:did(?:n'?t|nt| not)|don'?t|dont|do not) (?:really )?(?:want|mean) to"
    r" (?:make a (?:big )?(?:thing|fuss|deal)(?: (?:of|about|out of) (?:it|this|that))?"
    r"|go on(?: about it)?|moan|upset (?:anyone|you)|get (?:him|her|them|anyone|anybody) (?:in|into) trouble)"
    r"|(?:it'?s|its) (?:just )?(?:family|nothing|fine|ok(?:ay)?|complicated)|never ?mind(?: (?:that|me))?"
    r"|forget (?:i said (?:that|it|anything)|that|it)|don'?t worry(?: about (?:it|that|me))?|ignore me"
    r"|it (?:doesn'?t|does not) matter|i'?m (?:fine|ok(?:ay)?)"
)
_CARRY_ON = re.compile(
    rf"^\W*(?:(?:{_PLAYED_DOWN})\W+)*"
    r"(?:(?:can|could|shall) we (?:just )?|we can (?:just )?|let'?s (?:just )?|please (?:just )?|just )?"
    r"(?:carry on|crack on|get on|continue|keep going)"
    r"(?: (?:please|now|then|with (?:it|this|the questions)))?\W*$",
    re.I,
)


def asks_to_carry_on(text: str) -> bool:
    """Is the message only asking to carry on ("its family. can we carry on", "lets crack on")?"""
    return bool(_CARRY_ON.match(text))


_ONLY_PLAYED_DOWN = re.compile(rf"^\W*(?:(?:{_PLAYED_DOWN})\W*)+$", re.I)


def plays_down(text: str) -> bool:
    """Is the message only playing down what was said ("i didnt want to make a big thing of it",
    "its family", "never mind")?"""
    return bool(_ONLY_PLAYED_DOWN.match(text))


# A teary pause: "sorry, I'm a bit upset now", "this is making me emotional", "I'm getting teary,
# give me a minute", "oh. sorry pet, that's set me off. give us a minute". Said of now, alone: "I
# get upset when I can't go out" is an answer. Made of feelings said now, with sorry, a pet name or
# a minute asked for around them.
_FEELING_NOW = r"(?:upset|teary|tearful|emotional|choked(?: up)?|weepy|welled up|filling up)"
_TEARY = (
    r"(?:i'?m|im|i am|i'?ve|ive|i feel|feeling|getting|got|gone)\s+"
    r"(?:(?:a bit|a little|so|really|all|quite|very|getting|feeling|gone|got)\s+)*"
    rf"{_FEELING_NOW}(?:\s+(?:now|again|here|sorry))*"
    r"|(?:this|it|that)(?:'s| is| has)? (?:making|made|got|getting|set|setting) me (?:a bit |all )?"
    rf"(?:{_FEELING_NOW}|cry(?:ing)?|off(?: (?:again|crying))?)"
    r"|i'?m (?:crying|in tears)(?: now| again| here)?|i'?ve (?:set myself off|started crying)"
    r"|(?:i )?need a (?:minute|moment|sec)"
)
_AROUND_TEARS = (
    r"(?:sorry|oh(?: dear)?|ugh|i'?m sorry|hang on|bear with me"
    r"|(?:give|gimme) (?:me|us) a (?:minute|moment|sec(?:ond)?|mo)|i need a (?:minute|moment))"
    r"(?: (?:pet|love|hun|dear|duck|darling))?"
)
_UPSET = re.compile(
    rf"^\W*(?:(?:{_AROUND_TEARS}|{_TEARY})\W+)*(?:{_TEARY})(?:\W+(?:{_AROUND_TEARS}|{_TEARY}))*\W*$", re.I
)


def meta(text: str, *, after_away: bool = False) -> str | None:
    """Talk about the conversation itself, named as the intent it would be.

    ``away`` is stepping away for a moment, ``upset`` a teary pause; ``back`` is coming back (after
    ``away``, a bare "back", "ok" or "it was a parcel" is coming back too). The rest are the
    patterns above, then :func:`about_the_chat`."""
    if len(text.split()) > 20 or interpret.skips(text):  # "can we skip it?" passes; it asks nothing
        return None
    if (_AWAY.match(text) and _STEPS_AWAY.search(text)) or _DISTRACTED.match(text) or _AWAY_NAMED.match(text):
        return "away"
    if _UPSET.match(text):
        return "upset"
    bare = re.fullmatch(r"\W*(?:back|ok(?:ay)?|here|right)\W*", text, re.I)
    if (_BACK.match(text) and (_BACK_SURE.search(text) or after_away)) or (after_away and bare):
        return "back"
    if (_WHERE_NOW.search(text) and len(text.split()) <= 16) or _BACK_AFTER_ERRAND.match(text):
        return "back"  # "Sorry about that, all cleaned up. Where were we?": what kept them, and back
    if asks_to_carry_on(text):
        return "carry_on"
    chat = _CHAT_THEN_ASIDE.match(text)
    if chat and (asked := meta(chat.group(1))) not in {None, "away", "back"}:
        return asked  # "How much longer is this? Biscuit wants his tea.": the question about the chat
    if not after_losing_the_thread(text):  # "now what was I going to say": the question again
        return "repeat"
    text = after_losing_the_thread(text)  # "what was I saying. oh. ...": what they say after
    found = next((intent for intent, pattern in META_PATTERNS.items() if pattern.search(text)), None)
    if found == "faq_who_sees" and taken_back(text):  # "take that off, I don't want the doctor seeing it"
        return None
    return found or about_the_chat(text)


# --- talk TO the bot about the chat --------------------------------------------------------------
# A message is about the chat when it is a question (or a complaint) and every word that
# carries meaning belongs to talk about the chat: the chat itself (this, these questions,
# you), who reads it, how long it takes, what happens after. "how long does this take" is
# all chat words; "how long does it take to heal" has "heal", so it is a question for the
# care team. Each word names the reply it needs, the first topic below that has one winning.
_CHAT_TOPICS: dict[str, set[str]] = {
    "faq_real_person": {"real", "human", "robot", "bot", "computer", "machine", "program", "ai"},
    "faq_who_sees": {
        *("see read look send share show pass doctor gp dr nurse consultant team surgery hospital").split(),
        *("practice receptionist staff people private confidential secure").split(),
    },
    "faq_what_next": {"happen", "next", "after", "afterwards", "then"},
    "faq_data": {"record", "save", "store", "keep", "data", "information", "info", "detail", "delete"},
    "faq_care_plan": {"care", "plan", "point", "purpose"},
    "chat_complaint": {
        *("daft stupid silly pointless rubbish useless boring annoying confusing ridiculous").split(),
        *("waste lot ages forever endless tedious nonsense palaver listen clever").split(),
    },
    "faq_how_long": {
        *("long take minute min finish nearly left leave skip answer fill end last").split(),
        *("question questions").split(),
    },
}
_CHAT_TOPIC = {word: topic for topic, words in _CHAT_TOPICS.items() for word in words}
# Words that say nothing of their own in talk about the chat.
_CHAT_FILLER = {
    *("be do have get go come back later again now still yet bit thing stuff way ok okay").split(),
    *("really actually blimey god gosh honestly oh well just say put write type know want").split(),
    *("bother suppose need sure sorry wonder tell ask mean chat conversation form survey").split(),
    *("questionnaire app many much tho though anyway").split(),
    *("s ve ll d m re").split(),  # what is left of "what's", "I've" typed without the apostrophe
}
# The chat named: "this", "these", "you", "the questions", "anyone reading".
_CHAT_NAMED = re.compile(
    r"\b(?:this|these|you|u|ya|we|all|it|anyone|anybody|someone|somebody|questions?|chat|conversation|form"
    r"|survey|questionnaire|app|bot|robot|care plan)\b",
    re.I,
)


def names_the_chat(text: str) -> bool:
    """Does a message name the chat itself ("this", "these questions", "you"), not only "it"
    ("how long should it take to come off it?" asks about a treatment)?"""
    return any(found.group(0).lower() != "it" for found in _CHAT_NAMED.finditer(text))


_ASKS = re.compile(
    r"^\W*(?:(?:and|but|so|oh|also|sorry|blimey|erm|um|ok|right|just wondering|quick question)\W+)*"
    r"(?:how|what|whats|wats|what'?s|who|whos|who'?s|where|when|why|which|is|isn'?t|are|am|was|were|will|would"
    r"|can|could|do|does|did|have|has|must|should|shall|may|might|any)\b|\?\s*$",
    re.I,
)
# Asking for a question to come off the plan, not asking about the questions.
_QUESTION_OFF = re.compile(
    r"\b(?:remove|delete|get rid of|drop|scrap|cross off)\b.{0,20}?"
    r"\b(?:my|the|that|this|those|these)\s+questions?\b"
    r"|\btake\s+(?:off|out)\s+(?:my|the|that|this|those|these)\s+questions?\b"
    r"|\btake\s+(?:my|the|that|this|those|these)\s+questions?\s+(?:off|out)\b",
    re.I,
)
_WHO_ARE_YOU = re.compile(r"\bwho (?:are|r) (?:you|u)\b|\bis (?:any|some)(?:one|body) (?:there|real)\b", re.I)
_WHERE_DOES_IT_GO = re.compile(
    r"\bwhere (?:does|will|do) (?:this|it|all this|my answers) go\b|\bdo with (?:this|it|all)\b", re.I
)
# Asking about the answer itself: "can I say my caravan?", "does walking count?".
_SAYING = {"say", "put", "write", "count", "mention", "talk", "type", "answer", "include"}


# The asking around an answer: "can I say my caravan?", "is it ok if I put the dog",
# "does gardening count?", "would my garden do?".
_ASKING_FRAME = re.compile(
    r"^\W*(?:(?:can|could|may|should|shall) i|is it (?:ok|okay|alright|all right|fine)(?: if i| to)?"
    r"|am i allowed to|do(?:es)?|would|will)\s+"
    r"(?:(?:just )?(?:say|put|write|mention|talk about|put down|include)\s+)?(?P<answer>.+?)"
    r"(?:\s+(?:count|do|be (?:ok|okay|alright|all right|fine)|work))?\s*\?*\s*$",
    re.I,
)


def answer_in_question(text: str) -> str:
    """The answer asked about in "can I say my caravan?": "my caravan" (the text itself when
    it isn't asked that way)."""
    found = _ASKING_FRAME.match(text)
    return found.group("answer").strip(" ,.") if found and found.group("answer").strip(" ,.") else text


def tells_of_life(text: str) -> bool:
    """A statement saying two or more things of the person's life besides the words of talk
    about the chat: "that it all goes wrong again next winter when the snow comes" is a
    worry, though "it", "again" and "happen" would make a question about what comes next."""
    if asks_something(text):
        return False
    lemmas = {t.lemma_.lower() for t in parse(text) if t.is_alpha}
    return len(lemmas - STOP_WORDS - _CHAT_FILLER - _CHAT_TOPIC.keys()) >= 2


# A thing named, then why: "my records, so I can see what they have written about me"
_THEN_WHY = re.compile(r"^(?P<thing>[^,.;:!?]+?)\s*[,-]+\s*(?:so|because|cos|coz|as|since)\s+\w", re.I)


def named_with_a_reason(text: str) -> bool:
    """A thing named, then the reason for it ("The ventilator, so we can decide before anyone
    decides for us", "my records, so I can see what they have written about me"): an answer
    that tells something, never a request, whatever its words about seeing or deciding."""
    said = _THEN_WHY.match(text.strip())
    if said is None or asks_something(text):
        return False
    pos = {t.pos_ for t in parse(said["thing"])}
    return not pos & {"VERB", "AUX"} and bool(pos & {"NOUN", "PROPN"})


# Where one part of a message ends and the next begins: after , . ; : ! or ?
_PARTS = re.compile(r"(?<=[,.;:!?])\s+")


# Questions about the chat that may ride on a short answer ("yes ok. does her GP get to see
# this tho?", "PHYSIO. how long is this going to take?"): each has its own reply, and the
# answer before it is still the answer.
CHAT_QUESTIONS = {
    "faq_who_sees",
    "faq_phone",
    "faq_how_long",
    "faq_questions_left",
    "faq_real_person",
    "faq_box_ticking",
    "faq_come_back",
    "faq_what_next",
    "faq_data",
}
_LEFT_OVER = re.compile(r"^\W*(?:(?:i|i'?ve|i have) (?:said|told you)|like i said|as i said)?\W*$", re.I)


def chat_question_after(text: str) -> tuple[str, str] | None:
    """An answer, then a question about the chat: ("yes ok.", "does her GP get to see this
    tho?"); ("PHYSIO.", "how long is this going to take?") from "PHYSIO. I said. how long is
    this going to take?". None when the message is not made that way."""
    parts = _PARTS.split(text.strip())
    if len(parts) < 2 or len(text.split()) > 40:
        return None
    question = parts[-1]
    if meta(question) not in CHAT_QUESTIONS:
        return None
    kept = [part for part in parts[:-1] if not _LEFT_OVER.match(part)]
    answer = " ".join(kept).strip(" ,;:")
    if not answer or meta(answer) is not None:
        return None
    if _print_of_another_thing(question, answer):
        return None  # "a sheet of the exercises with pictures. in big print": the sheet's print
    return answer, question


def _print_of_another_thing(question: str, answer: str) -> bool:
    """ "in big print" said after a printed thing other than the plan ("a sheet of the exercises
    with pictures, in big print"): how that thing is wanted, never a copy of the plan asked."""
    return meta(question) == "ask_copy" and re.search(_PRINTED_THING, answer, re.I) is not None


# Only heard, never agreed: "ok", "sure, but", "right so" before a question ("ok but does my dad
# read it?") say they are listening, not yes.
_ONLY_OK = re.compile(
    r"^\W*(?:ok(?:ay)?|k+|sure|right|alright|fine|hmm+|um+|erm+|well)(?:[\s,.!]+(?:but|so|then))?\W*$", re.I
)


# Print told of as the print of a thing of their own life: "even the large print books at the
# library", "the print on my letters", "the hymn books in big print" (s34 tester: Joan's answer
# to "What matters most?" was taken as asking for the plan in large print, and lost).
_PRINT_OF_A_THING = re.compile(
    rf"\b(?:large|big|small|tiny)\s+print\s+(?:{_PRINTED_THING}|{_READ_THINGS})"
    rf"|\bprint\s+(?:on|of|in)\s+(?:the\s+|my\s+|his\s+|her\s+)?(?:\w+\s+)?(?:{_PRINTED_THING}|{_READ_THINGS})"
    rf"|(?:{_PRINTED_THING}|{_READ_THINGS})\s+(?:in|with)\s+(?:large|big|bigger)\s+print\b",
    re.I,
)


def tells_of_print(text: str) -> bool:
    """Is print told of as the print of another thing, with nothing asked ("now I cant see the
    print, even the large print books at the library")? Never a copy of the plan asked."""
    return _PRINT_OF_A_THING.search(text) is not None and not asks_something(text)


def only_ok(text: str) -> bool:
    """Is this only a word of listening ("ok", "sure, but"), no yes of its own?"""
    return _ONLY_OK.match(text) is not None


# Asked in an opening, these get their answer after the hello (which says the rest already).
_OPENING_QUESTIONS = {"faq_who_sees", "faq_phone", "faq_box_ticking", "faq_come_back", "faq_data"}


def chat_question_in_opening(text: str) -> str | None:
    """A question about the chat asked in a first message ("... Is this another box ticking
    exercise?"), named as its reply, or None."""
    found = (meta(part) for part in reversed(_PARTS.split(text.strip())))
    return next((intent for intent in found if intent in _OPENING_QUESTIONS), None)


# Who someone is, said after their name and a comma, without a question mark: "Marcia, who is very
# good to me.", "Tia who is four", "the vicar, who visits on Tuesdays"
_SAYS_WHO_THEY_ARE = re.compile(r"^\W*(?:who|which|whose)\b[^?]*$", re.I)


def answer_beside(text: str) -> tuple[str, str] | None:
    """A question put to the bot and an answer in one message, first or last: "why do you
    need that, its my daughter anyway" is ("why do you need that,", "its my daughter
    anyway"). None when the message is only one of them, or what is left is more talk about
    the chat ("who sees this? my daughter uses the same doctors")."""
    parts = _PARTS.split(text.strip())
    if len(parts) < 2 or len(text.split()) > 40:
        return None
    if meta(text) == "faq_who_sees":  # beside "is this going to the dwp?", its reason: never an answer
        return None
    for asking, rest in ((parts[:1], parts[1:]), (parts[-1:], parts[:-1])):
        question, answer = " ".join(asking), " ".join(rest).strip(" ,;:")
        if _print_of_another_thing(question, answer):
            return None  # "the instructions, in bigger writing": what would help, asked nothing
        if rest[-1].endswith(",") and _SAYS_WHO_THEY_ARE.match(question):
            continue  # "And my daughter Marcia, who is very good to me.": who she is, not a question
        if _asks(question) and not any(_asks(part) for part in rest) and _an_answer(answer, question):
            return question, answer
    return None


def _asks(part: str) -> bool:
    return meta(part) is not None or (asks_something(part) and not tells_a_story(part))


def _an_answer(text: str, question: str) -> bool:
    """Words of the person's life beside ``question``: two words or more, one with a meaning
    of its own ("its my daughter anyway", not "just wondering"), and not more about what was
    asked ("who sees this?" "my daughter uses the same doctors")."""
    own = _own_lemmas(text)
    asked_about = {_CHAT_TOPIC[t.lemma_.lower()] for t in parse(question) if t.lemma_.lower() in _CHAT_TOPIC}
    # "can you make the letters bigger, I can't read it": why they ask, about the thing asked for
    of_the_request = any(t.lower_ in _POINTERS and t.dep_ in _OBJECTS for t in parse(text))
    return (
        len(text.split()) >= 2
        and bool(own)
        and not of_the_request
        and (not own & _NOT_BESIDE or _IF_YOU_MEAN.match(text) is not None)
        and not any(_CHAT_TOPIC.get(w) in asked_about for w in own)
    )


_POINTERS = {"it", "this", "that", "them"}
# An answer said for one meaning of the question asked about: "Define 'at the moment'. If you
# mean today: the appointment running late." (never the appointment itself, said as a reason)
_IF_YOU_MEAN = re.compile(r"^\W*if (?:you|u) mean\b", re.I)
# Said beside a question to the bot, these words give its reason, not an answer: the
# appointment itself ("why do you need that. its a chest appointment"), or eyesight beside a
# copy asked for ("in big print for her? her eyes arent great").
_NOT_BESIDE = (
    _CLINICIANS
    | _APPOINTMENT_WORDS
    | {"eye", "eyes", "see", "read", "sight", "glasses", "blind", "print", "letter", "writing", "screen"}
)


def _own_lemmas(text: str) -> set[str]:
    return {t.lemma_.lower() for t in parse(text) if t.is_alpha} - STOP_WORDS - _CHAT_FILLER


# Who or where an appointment is with, said without a clinician's word: never what matters.
_SERVICE_WORDS = {
    *("service review place people centre center unit ward department lady man woman bloods").split(),
    *("check scan test appointment appt clinic team").split(),
}
_NOT_LIFE_VERBS = {"do", "be", "have", "see", "book", "visit", "call", "ring"}


def tells_what_matters(text: str) -> bool:
    """Words of someone's life said where another question was asked: a statement with a
    verb of its own ("my kids, and getting out of the house more", "my dad hits the roof"),
    never who or where an appointment is ("Mrs Jones", "the lady who does my bloods", "the
    eye place in town", "my diabetes review")."""
    if not tells_of_life(text) or clinician(text, asked=True):
        return False
    if interpret.yes_no(re.split(r"[,.;!?]", text, maxsplit=1)[0]) is not None:
        return False  # "yes he knows, he's sat here with me": the answer to a question before
    doc = parse(text)
    words = {t.lower_.strip(".") for t in doc}
    if words & _TITLES or {t.lemma_.lower() for t in doc} & _SERVICE_WORDS:
        return False
    return any(t.pos_ == "VERB" and t.lemma_.lower() not in _NOT_LIFE_VERBS for t in doc)


@lru_cache(maxsize=32)  # asked of the same words twice a turn (the form, then question_to_bot)
def about_the_chat(text: str) -> str | None:
    """A question or complaint put to the bot about the chat, named as the reply it needs
    (an FAQ, "faq_how_long" or "chat_complaint"); "answer_or_question" when a question
    asks about answering ("can I say my caravan?") and could be either; None otherwise."""
    if taken_back(text):  # "can you delete what I just put": a correction, not a question about data
        return None
    if (said := interpret.without_complaint(text))[1] == "told":
        text = said[0]  # "did i not just say?? walking the dog": said crossly, then the answer
    if _QUESTION_OFF.search(text) or _WORDS_OFF.search(text):  # "take my question off": the read-back asked
        return None
    asks = bool(_ASKS.search(text))
    lemmas = [t.lemma_.lower() for t in parse(text) if t.is_alpha]
    content = [w for w in lemmas if w not in STOP_WORDS and w not in _CHAT_FILLER]
    topics = [_CHAT_TOPIC[w] for w in lemmas if w in _CHAT_TOPIC]
    named = _CHAT_NAMED.search(text) or len(lemmas) <= 3  # "nearly done?"
    if named and all(w in _CHAT_TOPIC for w in content):
        if _WHO_ARE_YOU.search(text):
            return "faq_real_person"
        if _WHERE_DOES_IT_GO.search(text):
            return "faq_who_sees"
        if "chat_complaint" in topics or (asks and topics):
            return min(topics, key=list(_CHAT_TOPICS).index)
        return None
    if asks and set(lemmas) & _SAYING and re.search(r"\b(?:i|we|count)\b", text, re.I):
        return "answer_or_question"
    return None


# "Will you pray for me?", "please pray with me", "God bless you": asked of the bot, not "on hard
# days I pray" or "the sisters at church pray for me" (tester s28: asked three times, never answered).
_PRAYER = re.compile(
    r"\b(?:will|would|can|could|do|please|pls|won'?t)\s+(?:you|u)\s+(?:please\s+)?"
    r"(?:pray|say a (?:little )?prayer)\b"
    r"|(?:^|[.!?,]\s*)\W*(?:please|pls|oh)?[\s,]*pray (?:for|with) (?:me|us|my|our)\b"
    r"|\b(?:keep|remember) (?:me|us|my \w+) in your prayers\b"
    r"|\b(?:god|the lord|jesus|allah) (?:bless|keep|be with) (?:you|u)\b|\bgod bless\W*$"
    r"|(?:^|[.!?,]\s*)\W*bless you\b",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def asks_for_prayer(text: str) -> str | None:
    """What the message says besides asking the bot to pray ("" when that is all), or None when it
    asks no such thing. "Cooking, singing. Will you pray for me?" leaves "Cooking, singing."."""
    if not _PRAYER.search(text):
        return None
    rest = (m.group().strip() for m in _SENTENCE.finditer(text) if not _PRAYER.search(m.group()))
    return " ".join(rest).strip()


_CORRECTION_CUE = re.compile(
    # (after a sigh or an "oh": "ugh sorry, kids fighting, it's...", "oh hang on its the day before")
    r"^\W*(?:(?:oh|ah|ugh+|argh+|erm|um+|hmm+|god|omg|right|ok)\W+)*"
    rf"(?:{_NO_WORDS}|och|sorry|actually|wait|{_OOPS}|hang on"
    r"|hold on|my mistake|my bad|i meant|i mean|correction|err?m?)\b|"
    r"\b(?:not the|i meant|i mean|ah mean|wrong|wrang|mistake|should (?:be|have been|say)"
    r"|didn'?t change|still not right|my bad"
    # the writer or the bot mixed up, not the person in a story ("he's more muddled at night")
    r"|(?:i|i'?m|im|i am|i'?ve|i have|i got|i get|you|you'?ve|you'?re|your|ur|u)\s+(?:\w+\s+){0,3}"
    r"(?:mixed|muddled)\b|muddled (?:it|that|them)"
    # "ah'm talkin rubbish", "im chattin nonsense", "what am i on about": said wrong, in any dialect
    r"|(?:talk|chatt?)(?:ing|in'?)?\s+(?:rubbish|nonsense|daft|pish|mince|crap|shite|bollocks)"
    r"|what am i (?:on about|saying))\b",
    re.I,
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
# One day for another, put right without a "sorry" or a "no": "its thursday not wednesday", "the
# 10th not the 9th" (s31 tester: kept as what the appointment is for, and the date left as it was)
_DAY_OR_DATE = rf"(?:{_WEEKDAY}|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th))"
_DAY_FOR_DAY = re.compile(
    r"(?:^|[,.;!?]\s*)\W*(?:(?:oh|and|also|but)\W+)*"
    r"(?:(?:it'?s|its|it is|it was|(?:the\s+)?(?:appointment|appt)(?:'s|\s+is)?)\s+)?"
    rf"(?:on\s+)?{_DAY_OR_DATE}\s*,?\s+not\s+(?:on\s+)?(?:a\s+)?{_DAY_OR_DATE}\b",
    re.I,
)
# "it's Thursday 10th, not Friday", "it's the 10th": a message about when, not an answer
# Where someone is today ("no she's at the day centre today", "no hes at school today", "nah
# im at work till 6 today"): said of a person, never of the appointment's day.
_WHERE_TODAY = re.compile(
    r"\b(?:she|he|they|i|we)(?:'s|'re|'m|s|m|\s+is|\s+are|\s+am)?\s+(?:still\s+|just\s+)?"
    r"(?:at|in|out|with|away|round|over|asleep|off)\b[^.!?]*"
    r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b",
    re.I,
)
_ABOUT_THE_DATE = re.compile(
    r"\b(?:appointment|date|day|it'?s on|it'?s the)\b"
    rf"|\b(?:it'?s|its|it is)\s+(?:on\s+)?(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?|{_WEEKDAY})\b"
    # "it's a week on Monday", "its next tues", "it's tomorrow": a day counted from now
    rf"|\b(?:it'?s|its|it is)\s+(?:in\s+)?(?:a\s+(?:week|fortnight)|next|this\s+{_WEEKDAY}|tomorrow)\b"
    rf"|\bnot\s+(?:this\s+|that\s+|on\s+)?{_WEEKDAY}\b"
    # "sorry I mean the 10th not the 9th. I have looked at the letter"
    r"|\bnot\s+the\s+\d{1,2}(?:st|nd|rd|th)?\b"
    # counted from the date told: "a week later than that", "the monday after", "the day before"
    rf"|\b(?:a|the|one|two|three)\s+(?:days?|weeks?|fortnight)\s+(?:later|after|before|earlier)\b"
    rf"|\bthe\s+{_WEEKDAY}\s+(?:after|before)\b",
    re.I,
)
# "the date's wrong", "the appointment bit is wrong", "appointments wrong": the date to put right
_DATE_WRONG = re.compile(
    r"\b(?:date|day|appointment|appt)(?:\s+(?:bit|part|details?|date|day))?(?:'s| is| was|s)?"
    r" (?:wrong|not right|incorrect)|wrong (?:date|day)\b",
    re.I,
)
_WHOSE = r"(?:the|my|our|his|her|their)"
_MAIN_ONE = re.compile(
    # "make the driving one the main one", "make the money one the priority", "... my top priority"
    rf"\b(?:make|put|have)\s+(?:the\s+)?(.+?)\s+(?:one\s+)?(?:{_WHOSE}\s+)?(?:main|first|top|most important"
    r"|priority|number one)\b|"
    rf"\b(.+?)\s+(?:one\s+)?is (?:{_WHOSE} )?(?:main|more important|most important|(?:top )?priority)\b|"
    # "add a goal about sleeping, that's the most important one" (not "no, that's the main thing": all)
    r"\b(?:the\s+)?(that|it|this)'s (?:the )?(?:main|most important|priority|top) (?:one|goal)\b|"
    # "scrap that, the main thing is whether i need an MRI"
    # "actually the main one for her is the eating one"
    r"\b(?:the\s+)?(?:main|most important|biggest|real) (?:thing|one|worry)"
    r"(?: (?:for (?:the )?\w+|really|now))?"
    r"\s+(?:is|'s|would be|will be)\s+(?!(?:that|this|it)(?:\s+one)?\W*$)(.+)$|"
    # "can that be the main one", "I think the walking one should be the main one"
    r"(?:\b(?:can|could|should|would|will|let|may)\s+(?:the\s+)?(.+?)"
    r"|\b(.+?)\s+(?:should|must|has to|needs to))\s+(?:one\s+)?be\s+(?:the\s+)?"
    r"(?:(?:main|most important|top)\s+(?:one|goal|thing)|(?:top\s+)?priority)\b|"
    # "that ones more important than the weight one", "the dog one matters most to her"
    r"\b(.+?)\s+(?:(?:one'?s|ones|one\s+is)\s+(?:the\s+)?(?:more|most)\s+important"
    r"|one\s+(?:matters|means)\s+(?:the\s+)?(?:more|most))\b",
    re.I,
)
# The one thing moved, named as the one thing: "change the one thing to the sleep one", "switch
# the main thing to getting my licence back", "can the main one be the grandkids one instead?"
_THE_ONE_THING = (
    rf"(?:{_WHOSE}\s+)?(?:one thing|main (?:thing|one|goal)|(?:top )?priority|most important(?: one| goal)?)"
    r"(?:\s+for\s+(?:the\s+)?\w+)?"
)
_MOVE_MAIN = re.compile(
    rf"\b(?:change|switch|swap|move|put|set|turn)\s+{_THE_ONE_THING}\s+(?:over\s+)?(?:to|for|as|onto)\s*:?\s+"
    r"(?P<words>.+)$"
    rf"|\b(?:can|could|should|would|will|may)\s+{_THE_ONE_THING}\s+be\s+(?P<words2>.+)$"
    # "no, the one thing should be the sleep one", "my top priority is the garden", "I'd rather the
    # main one was the walking one"
    rf"|\b{_THE_ONE_THING}\s+(?:is|'s|(?:should|would|will|must|has to|needs to)\s+be)\s+(?P<words3>.+)$"
    rf"|\brather\s+{_THE_ONE_THING}\s+(?:was|were)\s+(?P<words4>.+)$"
    # "the walking one should come first"
    r"|\b(?P<words5>(?:the|that|this|my|her|his|their)\s+[\w' -]+?\s+(?:one|goal))"
    r"\s+(?:should|must|has to|needs to)\s+(?:come|go|be)\s+first\b"
    # "I want the dog walking to be my one thing, not the sleep"
    rf"|\b(?:want|like|need|prefer)\s+(?P<words6>.+?)\s+to\s+be\s+(?:the\s+)?{_THE_ONE_THING}\b"
    # "Can I change the main thing please. I want the appointment to be about the lump under my arm"
    rf"|\b(?:change|switch|swap|move)\s+{_THE_ONE_THING}(?:\s+(?:please|pls))?\W+"
    r"(?:(?:i'?d|i\s+would)\s+(?:like|rather|prefer)|i\s+want|make)\s+(?:the\s+appointment|it)\s+(?:to\s+)?(?:be\s+)?"
    r"(?:about|focus\s+on|on)\s+(?P<words7>.+)$"
    # "Actually, change my one thing. The bowls is what I really want to talk about", "switch my
    # priority, I'd rather talk about the stairs": the one thing asked to change, then what it is
    rf"|\b(?:change|switch|swap|move)\s+{_THE_ONE_THING}(?:\s+(?:please|pls))?\W+(?:(?:so|now|well)\W+)?"
    r"(?:(?P<words8>[^.!?;]+?)\s+(?:is|are|'s)\s+what\s+(?:i|we|she|he)\s+(?:really\s+|most\s+|actually\s+)*"
    r"(?:want|wants|need|needs|would like|'d like)\s+to\s+(?:talk about|focus on|work on|sort out)\b"
    r"|(?:i'?d|i\s+would)\s+(?:much\s+)?rather\s+(?:talk about|focus on|work on)\s+(?P<words9>.+)$)",
    re.I,
)
# what is put off for now: "the swimming can wait"
_CAN_WAIT = re.compile(r"[,;.]?\s*(?:and\s+)?(?:the|my|that)\s+[\w' -]+?\s+can\s+wait\W*$", re.I)
# Words that point at a goal without naming it: "make that the main one" (the goal just added)
POINTER = re.compile(r"^\W*(?:that|it|this|the new|the last)(?:\s+(?:one|goal))?\W*$", re.I)


def _first_said(words: str) -> str:
    """The one thing named, without what it is not or what comes after: "my water tablet not
    the roses, and where have my questions gone" is "my water tablet"."""
    said = re.split(r"(?<=[.!?;])\s+|,\s*(?:and|but)\b", words.strip())[0]
    return re.sub(r",?\s+not\s+(?:the|that|my|his|her)\s+[^,.;!?]+$", "", said).strip(" .,!?;")


def _main_words(main: re.Match[str]) -> str:
    """The goal a main-one correction names, in its words: the clause nearest "is the main
    thing" ("no i mean im back. the gardening club is the main thing" is "the gardening
    club"), or the sentence after "the main thing is"."""
    if main.group(4):
        return _first_said(main.group(4))
    named = next((main.group(n) for n in (1, 2, 3, 5, 6, 7) if main.group(n)), "")
    words = re.split(r"[.,;:!?]\s*", named.strip())[-1]
    return re.sub(
        r"^(?:(?:actually|no|so|and|but|ok|i think|i mean|sorry)\b\s*)+", "", words, flags=re.I
    ).strip()


# "change number 2 to: walk to the shop", "change the heating one to keep warm", "number 2
# should be: be safe on the stairs", "the last one should say ...": which goal, and its new words.
_WHICH_GOAL = (
    r"(?:goal\s+|number\s*)?\d+|(?:the\s+)?(?:first|second|third|fourth|fifth|last)(?:\s+(?:one|goal))?"
    r"|the\s+[\w' -]+?\s+(?:one|goal)|goal"
)
_CHANGE_GOAL = re.compile(
    r"\b(?:change|reword|alter)\s+(?!(?:the\s+|my\s+)?(?:date|day|time|appointment|questions?|name)\b)"
    r"(?:the\s+|my\s+)?(?P<which>(?:goal|number)\s*\w+|[\w' -]+?)"
    r"(?:\s+(?:goal|one))?\s+(?:to say|to read|so it says|so it reads|into|to)\s*:?\s+(?P<words>.+)$"
    rf"|(?:^|[,.;]\s*)(?P<which2>{_WHICH_GOAL})\s+(?:(?:is|'s) (?:(?:all )?wrong|not right|rubbish|no good"
    r"|incorrect|not it|not what i said),?\s+(?:it\s+)?)?"
    r"(?:should|must|needs? to)\s+(?:be|say|read)"
    r"\s*:?\s*(?P<words2>.+)$"
    # "swap the first goal for walking the dog", "put walking the dog instead of the first one"
    rf"|\b(?:swap|replace)\s+(?P<which3>{_WHICH_GOAL})\s+(?:for|with)\s*:?\s+(?P<words3>.+)$"
    rf"|\bput\s+(?P<words4>.+?)\s+instead\s+of\s+(?P<which4>{_WHICH_GOAL})\W*$"
    # "Please change the second goal. It should say: swim 20 lengths ...", "change goal 1, it
    # needs to read ..."
    rf"|\b(?:change|reword|alter)\s+(?:the\s+|my\s+)?(?P<which5>{_WHICH_GOAL})(?:\s+please)?[\s.,;:!-]+"
    r"(?:(?:it|that|this|the words?)\s+)?(?:should|must|needs? to|ought to)\s+(?:be|say|read)"
    r"\s*:?\s*(?P<words5>.+)$",
    re.I,
)
# Manners after the new words: "change the first one to walking the dog please"
_MANNERS = re.compile(r"[\s,]+(?:please|pls|plz|thanks|thank you|ta|cheers)\W*$", re.I)
# Taking back the last thing said, in any words. Two kinds: it was wrong or misread ("that's
# not what I meant", "no that's wrong", "it came out wrong", "you've got the wrong end of the
# stick", "scrap that": answer again), or it should go ("take that off", "delete that", "leave
# that out": remove it). The short forms count at the start of a message (or as all of it)
# only, so "roses, scratch that, tulips" or "it's wrong they cut the bus" is an answer.
_LAST_THING = (
    r"(?:that|it|this|what i (?:just |have |'?ve )?(?:said|wrote|written|put|typed|sent|answered)"
    r"|(?:my|the|that) (?:last )?(?:bit|answer|one|thing|part|message|reply)|my last|the last|all that)"
)
_OPENER = rf"^\W*(?:(?:{_NO_WORDS}|oh|{_OOPS}|sorry|wait|actually|hmm+|er+m?|um+|ok|please|god|dear)\b\W*)*"
# Said anywhere in a message, these can only mean the bot misread the last one.
_MISREAD = re.compile(
    r"\b(?:not what i (?:meant|mean|wanted|said|was (?:trying|going) to say|wanted to say)"
    r"|i (?:didn'?t|did not|never|don'?t|dont|do not) mean (?:that|it|to (?:say|put|write|send) that)"
    r"|(?:that|it) (?:came|come|comes) out wrong|i (?:got|put|typed|wrote|said|answered) (?:that|it) wrong"
    r"|i (?:put|typed|wrote|said|answered|pressed) the wrong (?:thing|answer|one|question|bit)"
    r"|i misread|i answered the wrong|(?:that|it) was (?:meant )?for (?:the|a|another|a different)"
    r" (?:next |other |different )?question"
    r"|you(?:'ve| have)? (?:misunderstood|got (?:it|that|me) wrong|misread)|misunderstood me"
    r"|wrong end of the stick|(?:i was|i'?m|im|only|just)(?: only| just)? (?:joking|kidding)\b"
    r"|(?:it was|just|only) a (?:joke|figure of speech|saying)|not (?:like that|literally)"
    r"|(?:it'?s|it is) just a saying|i meant (?:it )?(?:figuratively|as a joke)"
    r"|forget i (?:said|wrote|put|typed) (?:that|it|anything)"
    r"|i (?:shouldn'?t|should not) have (?:said|put|written)"
    r"|(?:i )?take (?:that|it) back)\b",
    re.I,
)
# At the start of a message (or as all of it) only: "no that's wrong", "scrap that", "undo".
_WRONG = re.compile(
    _OPENER + r"(?:"
    r"(?:that'?s|thats|that is|that was|it'?s|its|it is|it was|this is|no) (?:not right|wrong|incorrect"
    r"|a mistake|all wrong|rubbish|not true|not it)"
    r"(?=\W*$|\W*[,.;!-]|\s+(?:sorry|i|it|please|pls|plz|so|can|could|take|delete|remove)\b)"
    r"|wrong (?:answer|thing|question|one)\b|my mistake|i made a mistake"
    rf"|(?:(?:please|can you|could you|just|let'?s)\s+)*(?:undo|unsend|scrap|scratch|cancel|ignore|disregard"
    rf"|forget)\s+{_LAST_THING}\b|ignore me|undo\W*$"
    r")",
    re.I,
)
_REMOVE_IT = re.compile(
    _OPENER + r"(?:(?:please|can you|could you|will you|would you|just|i want to|i'?d like to|let'?s)\s+)*(?:"
    rf"(?:take|cross|rub|strike) (?:(?:off|out) {_LAST_THING}|{_LAST_THING} (?:off|out|away))\b"
    rf"|(?:get rid of|remove|delete|wipe|erase)\s+{_LAST_THING}\b"
    rf"|(?:don'?t|do not|dont) (?:put|write|keep|save|include|use|record|count) {_LAST_THING}"
    rf"|leave {_LAST_THING} (?:out|off)"
    r")",
    re.I,
)
# "take off the thing about the bus": which answer, by its words.
_ABOUT = re.compile(
    r"\b(?:take|get rid of|remove|delete|scrap|drop|wipe|rub out)\s+(?:off\s+)?"
    r"(?:the|that|what i (?:said|put|wrote|typed|told you)|what i'?ve (?:said|put|written))\s+"
    r"(?:bit|thing|part|answer)?\s*(?:about|on)\s+(?P<about>[\w' ]+?)(?:\s+off)?\W*$",
    re.I,
)


# "that's not a goal", "that isn't a goal!! delete it": the goal just written down was not one
_NOT_A_GOAL = re.compile(
    r"(?:\b(?:that'?s|thats|that is|it'?s|its|it is|that was|it was)\s+(?:not|n'?t|never)"
    r"|\b(?:that|it|this)\s+(?:isn'?t|is not|wasn'?t|was not))"
    r"\s+(?:a|my|his|her|their)\s+goal(?=\s*(?:[.!?,;]|$))"
    rf"|^\W*(?:(?:no+|{_OOPS}|sorry|please|pls)\W+)*"
    r"(?:delete|remove|take off|get rid of|scrap|bin)\s+(?:that|this|the)\s+goal\b"
    # said wrong, or never said, and taken off: "that ones wrong, i didnt say that. take it off",
    # "i never said that, get rid of it" (s34 tester: kept as the reason it matters)
    r"|\b(?:(?:that|this|it)(?:\s+one|\s+goal|\s+ones)?(?:'?s|s|\s+is|\s+was)\s+wrong(?=\s*(?:[.,;:!-]|$|and\b))"
    r"|i\s+(?:didn'?t|didnt|did\s+not|never)\s+(?:say|said|mean|meant)\s+(?:that|this|it)(?:\s+one)?"
    r"(?=\s*(?:[.,;:!-]|$|and\b)))"
    r"[^?]*\b(?:take\s+(?:it|that|this)(?:\s+one)?\s+(?:off|away)\b"
    r"|(?:get\s+rid\s+of|remove|delete|scrap|bin)\s+(?:it|that|this)(?:\s+one)?)\b",
    re.I,
)


def not_a_goal(text: str) -> bool:
    """Does the message say the goal just written down is not a goal at all?"""
    return bool(_NOT_A_GOAL.search(text))


def takes_a_question_off(text: str) -> bool:
    """Does the message ask for a question for the care team to be taken off ("take that
    question off", "delete my question")?"""
    return bool(_QUESTION_OFF.search(text))


# The answer just given was meant for the question before it: "sorry that was meant for the last
# question", "oops, that should have gone in the previous one", "I was still answering the one before"
_BEFORE_IT = (
    r"(?:the\s+|my\s+)?(?:(?:last|previous|earlier)\s+(?:question|one|box|bit)"
    r"|(?:question|one)\s+before(?:\s+that)?)"
)
_MEANT_BEFORE = re.compile(
    rf"^\W*(?:(?:sorry|{_OOPS}|oh|ah|no|actually|wait)\W+)*(?:"
    r"(?:that|this|that answer|my (?:last )?answer|what i (?:just )?(?:said|wrote|put)|it)"
    r"(?:'s|\s+(?:was|is|were))?"
    r"\s+(?:(?:meant|supposed)\s+(?:to\s+(?:be|go)\s+)?|should\s+(?:have|of|'ve)\s+(?:gone|been)\s+|belongs?\s+)?"
    r"(?:for|in|to|under|with|as)\s+(?:the\s+answer\s+(?:to|for)\s+)?"
    rf"{_BEFORE_IT}"
    rf"|i\s+was\s+(?:still\s+)?answering\s+{_BEFORE_IT}"
    r")\W*(?:sorry\W*)?$",
    re.I,
)


def meant_for_before(text: str) -> bool:
    """Does the message say the answer just given was meant for the question before it?"""
    return bool(_MEANT_BEFORE.match(text.strip()))


def taken_back(text: str) -> str | None:
    """ "undo" when the person says the last thing they said was wrong or misread, "remove"
    when they want it gone; None otherwise. The one place these wordings are read: the
    forms (via :func:`correction`) and the safety turn (a flag misread) both ask here."""
    if _MISREAD.search(text) or _WRONG.search(text):
        return "undo"
    if _REMOVE_IT.search(text):
        return "remove"
    return None


# Inside a longer message, "please dont put that bit in", "leave that out", "that's off the
# record": the part just before is not to be kept.
_LEAVE_OUT = re.compile(
    r"\b(?:please\s+|pls\s+|but\s+)?(?:(?:don'?t|dont|do not)\s+"
    r"(?:put|write|include|record|save|keep|mention)\s+(?:that|this|the last)(?:\s+(?:bit|part|down))?"
    r"(?:\s+(?:in|on|down|on there|in there|anywhere))?"
    r"|(?:leave|keep|take)\s+(?:that|this)(?:\s+(?:bit|part))?\s+(?:out|off)"
    r"|(?:that'?s|thats|that is|this is)\s+(?:off the record|between (?:us|you and me))|off the record)\b"
    r"(?:\s*(?:please|pls|thanks|ta|though))?"
    # said as an aside, not "keep that out of the way", "don't put that in the bin"
    r"(?=\s*(?:[,.;:!?-]|$|(?:but|and|so|i|im|i'm|my)\b))",
    re.I,
)


def left_out(text: str) -> tuple[str, str] | None:
    """(what to keep, what to leave out) when a message says part of it is not to be kept:
    "my son drinks too much, please dont put that bit in, mostly I worry about my hip" keeps
    "mostly I worry about my hip". "dont put this in but ..." leaves out what follows. None
    when nothing is said to be left out, or when that is all the message says (then it is
    about the answer before: :func:`taken_back`)."""
    found = _LEAVE_OUT.search(text)
    if not found:
        return None
    before, after = text[: found.start()].strip(" ,;:-"), text[found.end() :].strip(" ,.;:!-")
    if len(before.split()) < 2:
        if len(after.split()) < 2:
            return None
        return "", re.sub(r"^(?:but|and|so)\s+", "", after, flags=re.I)
    *earlier, dropped = [p.strip() for p in re.split(r"(?<=[.!?;])\s+", before) if p.strip()]
    kept = " ".join([*earlier, re.sub(r"^(?:but|and|so)\s+", "", after, flags=re.I)]).strip()
    return kept, dropped.strip(" ,.;")


# "delete what I said about him": the answers that speak of him (or her).
_PRONOUN_PEOPLE = {
    "him": r"\b(?:he|him|his|himself|husband|hubby|son|dad|father|brother|grandson|grandad|boyfriend)\b",
    "her": r"\b(?:she|her|hers|herself|wife|daughter|mum|mam|mother|sister|granddaughter|nan|gran)\b",
    "them": r"\b(?:they|them|their|themselves)\b",
}


def speaks_of(about: str, answer: str) -> bool:
    """Does the answer speak of what "the thing about ..." names: by its words, or, for "him",
    "her" or "them", of a man, a woman or people ("my son drinks too much" is about him)?"""
    pronoun = _PRONOUN_PEOPLE.get(about.strip().lower())
    if pronoun:
        return bool(re.search(pronoun, answer, re.I))
    wanted = content_words(about)
    return bool(wanted and wanted & content_words(answer))


# "no, the one before": the answer before the one just named
ONE_BEFORE = re.compile(
    r"\b(?:the one before(?: that)?|before that|the (?:one|answer|question) before|earlier one)\b", re.I
)


# A correction inside one message: "Thursday. No I tell a lie, it is Friday.", "the 9th,
# sorry I mean the 10th", "Jim - no, James". What follows the last marker is what they meant.
_SELF_CORRECTION = re.compile(
    r"(?:^|[,.;:!?]|\s-+|\s)\s*(?:"
    r"no+,?\s+(?:i tell a lie|sorry|wait|i mean t?|i meant|hang on|actually)\b"
    rf"|(?:sorry|{_OOPS}|sorry,? no),?\s+(?:i mean|i meant|my mistake)\b"
    r"|i tell a lie|or rather|scratch that|i mean|i meant|correction|my mistake"
    r"|(?<=[,.;:!?-])\s*(?:no+|nope|sorry|wait|actually)\b"
    r")[\s,.:;!-]*",
    re.I,
)


# The date it was, told as moved: "The first letter said the 9th but they moved it, ...", "it was
# the 9th but its been changed to the 16th", "the old one was monday but they've put it back"
_MOVED_FROM = re.compile(
    r"(?:^|(?<=[.;!?]))[^.;!?]*?\b(?:said|was|were|had)\b[^.;!?]*?\bbut\s+"
    r"(?:they'?ve|they have|they|it'?s been|its been|it has been|it got)\s+"
    r"(?:moved|changed|rearranged|put back|brought forward|pushed back)\b(?:\s+it\b)?",
    re.I,
)


def last_said(text: str) -> str:
    """What a message says once its own corrections are applied: the part after the
    last "no, ...", "sorry I mean ...", "I tell a lie, ...". The text itself when it
    doesn't correct itself, or when the correction comes first ("no wait, the 9th"
    corrects an earlier answer, not this message). The date a moved appointment was
    ("The first letter said the 9th but they moved it, the 16th is right") is never meant."""
    moved = next((m for m in _MOVED_FROM.finditer(text) if dates.when(m.group(0)) is not None), None)
    if moved is not None and dates.when(unmoved := text[: moved.start()] + text[moved.end() :]) is not None:
        text = re.sub(r"^[\s,;]+|(?<=[.;!?])\s*[,;]\s*|\s+(?=[,.;!?])", " ", unmoved).strip()
        text = re.sub(r"\s{2,}", " ", text)
    cut = None
    for marker in _SELF_CORRECTION.finditer(text):
        before = text[: marker.start()].strip(" ,.;:!?-")
        after = text[marker.end() :].strip(" ,.;:!?-")
        if before and after:
            cut = marker.end()
    meant = text if cut is None else text[cut:].strip(" ,.;:!?-")
    earlier = dates.when(text[:cut]) if cut is not None else None
    if earlier is not None and (counted := dates.counted_from(meant, earlier.day)):
        # "friday 11th. no sorry, the week after": counted from the day said first
        return dates.said(counted.day, counted.time or earlier.time)
    if cut is not None and dates.when(meant) is None and dates.time_of(meant):
        # "Wednesday the 9th at 11. sorry, 11.30": the day said first, at the time put right
        if (day := dates.when(text[:cut])) is not None:
            return f"{dates.said(day.day)} at {meant}"
    # "Tuesday is the dentist. It is Thursday. Next Thursday.": of sentences naming different
    # days, the last one is meant, never one that says what another day is ("friday was the
    # school play"); a sentence with only a time ("10.20 in the morning") names no day
    sentences = [s for s in re.split(r"(?<=[.!?;])\s+", meant) if s.strip()]
    days = [(i, found.day) for i, s in enumerate(sentences) if (found := dates.when(s)) is not None]
    if len({day for _, day in days}) > 1:
        other = {i for i, _ in days if _DAY_IS_SOMETHING.match(sentences[i])}
        start = max((i for i, _ in days if i not in other), default=days[-1][0])
        kept = [s for i, s in enumerate(sentences) if i >= start and i not in other]
        return " ".join(kept or sentences[start:]).strip(" ,.;:!?-")
    return meant


# A sentence saying what a day is, not that it is the one meant: "Tuesday is the dentist",
# "the 14th is bingo", "friday was the school play".
_DAY_IS_SOMETHING = re.compile(
    rf"^\W*(?:(?:the|next|this|on)\s+)*(?:{_WEEKDAY}|\d{{1,2}}(?:st|nd|rd|th)?)(?:'s|\s+is|\s+was)\b", re.I
)


# A correction inside a free-text answer: "X. Actually make that Y", "X - scratch that, Y",
# "X, no sorry I mean Y". Stricter than the markers for a date or a name: in a sentence of
# someone's life "I mean" and "actually" mostly explain or add ("Gardening. Actually swimming too").
_ANSWER_CORRECTED = re.compile(
    # after a stop, a comma or a dash: "X. Actually make that Y", "X, no wait, Y", "X - forget that, Y"
    r"(?:[,.;:!?]|\s-+)\s*(?:"
    r"(?:no,?\s+)?(?:actually,?\s+)?(?:make (?:that|it)|change (?:that|it) to)"
    r"|(?:no,?\s+)?(?:forget|ignore) that"
    r"|no+,?\s+(?:sorry,?\s+)?(?:wait|actually|hang on)"
    r")\b[\s,.:;!-]*"
    # anywhere: words that only ever correct ("to drive again strike that to get the bus")
    r"|(?:^|[,.;:!?]|\s-+|\s)\s*(?:"
    r"(?:no,?\s+)?(?:scratch|scrap|strike) that|no+,?\s+(?:sorry,?\s+)?(?:i mean|i meant|i tell a lie)"
    rf"|(?:sorry|{_OOPS}),?\s+(?:no,?\s+)?(?:i mean|i meant)|i tell a lie|or rather|let me rephrase(?: that)?"
    r")\b[\s,.:;!-]*",
    re.I,
)
_YES_LEAD = re.compile(rf"^\W*(?:{_YES_WORDS}|ok(?:ay)?)\b[\s,.:;!-]*", re.I)
# Laughter and sign-off typed after an answer: "... she can come if she wants ha", "cake lol".
_LAUGHTER = re.compile(r"(?:[\s,.!]+\b(?:ha(?:ha)+|ha|he(?:he)+|lol+|lmao|haha\w*|x+)\b)+[\s.!]*$", re.I)


def corrected_answer(text: str) -> str:
    """A free-text answer as meant: what follows its last correction ("X. Actually make that
    Y" is Y, after any "yes" it began with), without laughter typed at its end. The text as
    it is when it doesn't correct itself, or only begins with the correction (that corrects
    an earlier answer: "no wait, let me think")."""
    said = text
    cut = None
    for marker in _ANSWER_CORRECTED.finditer(text):
        before = re.sub(_OPENER, "", text[: marker.start()], flags=re.I).strip(" ,.;:!?-")
        if before and text[marker.end() :].strip(" ,.;:!?-"):  # "actually no, make it ..." corrects
            cut = marker.end()  # an earlier answer, not this one
    if cut is not None:
        lead = _YES_LEAD.match(text)
        said = (lead.group().rstrip(" ,") + " " if lead else "") + text[cut:].strip(" ,;:!-")
    return _LAUGHTER.sub("", said).strip() or text


# "actually no, make it the other one" (of two goals, the one not chosen)
_OTHER_ONE = re.compile(r"\b(?:make it |i meant |no,? )?the other (?:one|goal)\b", re.I)
_X_NOT_Y = re.compile(r"^(.+?)\s*,?\s+not\s+(?:with\s+)?(.+)$", re.I)
# The other way round: "no its not my doctor its the nurse", "not the gp - it's with the physio",
# "silly me, I said the doctor but its the nurse"
_NOT_Y_X = re.compile(
    rf"^\W*(?:(?:no|oh|sorry|wait|and|also|actually|hang on|hold on|{_OOPS}|my mistake)\W+)*"
    r"(?:(?:it'?s\s+|its\s+|it\s+is\s+)?not|i\s+(?:said|put|wrote|typed))\s+(?:with\s+)?(?P<y>.+?)\s*[,.;:!-]*\s+"
    r"(?:it'?s|its|it\s+is|but|(?:it\s+)?should\s+be)\s+(?P<x>.+)$",
    re.I,
)


# What begins "who it is with" put right: "no, it's", "it should be", "it's actually", "should be",
# after a slip owned ("silly me, its the nurse", "my mistake, it's the physio")
_PUT_RIGHT_LEAD = re.compile(
    rf"^\W*(?:(?:no|oh|sorry|and|{_OOPS}|my mistake)\W+)*"
    r"(?:(?:it|that|the appointment|who)(?:'s|s| is|\s+should\s+be|\s+(?:was\s+)?meant\s+to\s+be)"
    r"|should\s+be|actually)?\s*(?:actually\s+|really\s+)?",
    re.I,
)


# "with" or "to see" before who it is: "no its with karen the nurse"
_WITH_LEAD = re.compile(r"^(?:with|to see)\s+", re.I)


def _not_that_one(text: str) -> str | None:
    """Who the appointment is with, from "its with the practice nurse not the doctor", "It's
    Mr Okoro, not just the surgeon", "should be Sister Maguire, not the falls clinic", "no its with
    karen the nurse. not jo", or the other way round ("no its not my doctor its the nurse"): the
    one put right is a clinician or a name, and who it is with is a clinician (a title and a name
    will do)."""
    found = _NOT_Y_X.search(text.strip(" .!")) or _X_NOT_Y.search(text.strip(" .!"))
    if found is None:
        return None
    said, wrong = (found["x"], found["y"]) if found.re is _NOT_Y_X else (found[1], found[2])
    said = _PUT_RIGHT_LEAD.sub("", said)
    # the wrong one a clinician, or only a name when the right one is who "it's with" ("no its with
    # karen the nurse. not jo", session 34)
    named = _WITH_LEAD.match(said) and interpret.name(wrong.strip(" .!,")) is not None
    if not (set(re.findall(r"[a-z]+", wrong.lower())) & (_CLINICIANS | _LOOSE_PLACES) or named):
        return None
    said = _WITH_LEAD.sub("", said).strip(" .!,")
    words = set(re.findall(r"[a-z]+", said.lower()))
    titled = re.match(rf"(?:{'|'.join(sorted(_TITLES))})\.?\s+[A-Z]", said, re.I)
    who = clinician(said, asked=True) if words & _CLINICIANS or titled else None
    # "karen the nurse" typed small: her name with who she is
    first = said[: -len(who)].strip(" ,") if who and said.lower().endswith(who.lower()) else ""
    return said if first and " " not in first and interpret.name(first) else who


@dataclass(frozen=True)
class Correction:
    """What a correction asks for: a new date, a goal made the main one, new goal words, or undo."""

    kind: str  # date, date_unknown, time, clinician, name, full_name, main_goal, change_goal, undo, remove,
    # appointment (a part of it wrong)
    value: Any = None  # for main_goal, "new" when the words may be a goal not yet on the plan; for
    # appointment, the part's question (None: which part is asked)
    goal: str | None = None  # how the goal was named: "second", "2", "the driving"
    own: bool = False  # full_name: the writer's own ("my legal name"), not the person's ("her")


_CHANGES_MIND = re.compile(
    r"\b(?:actually|scrap (?:that|it)|scratch that|changed my mind|instead|on second thoughts?|rather"
    r"|change|switch|swap|move)\b",
    re.I,
)


def changes_mind(text: str) -> bool:
    """Does the message say they have changed their mind ("actually", "scrap that")?"""
    return bool(_CHANGES_MIND.search(text))


# The goal named first, then "change it to ...": "the dog one's not right, change it to: ..."
# Words that name a goal in an instruction ("number 2", "the second", "the dog one", "the goal")
_A_GOAL_NAMED = re.compile(r"\d|\b(?:one|goal|aim|number|first|second|third|fourth|fifth|last)\b", re.I)
_NAMED_BEFORE = re.compile(rf"^\W*(?:(?:no|oh|and|sorry|actually)\W+)*({_WHICH_GOAL})(?:'s|\s+is)?\b", re.I)


def _moved_to(text: str) -> Correction | None:
    """The one thing moved by naming it ("change the one thing to the sleep one, if I sleep I can
    work"): the goal it is moved to, in the sentence's words. Words that end "... one" point at a
    goal told; any others may be one not told yet ("switch the main thing to getting my licence back")."""
    moved = _MOVE_MAIN.search(text)
    if moved is None:
        return None
    words = next(moved[f"words{n}"] for n in ("", *"23456789") if moved[f"words{n}"])
    said = _first_said(_CAN_WAIT.sub("", words.strip()))
    said = _MANNERS.sub("", re.sub(r"\s+(?:instead|really|now)\W*$", "", said.strip(" .!?;"), flags=re.I))
    said = said.strip(" .!?;")
    pointing = re.search(r"\b(?:one|goal)\b(?!\s+thing)", said, re.I)
    return Correction("main_goal", None if pointing else "new", goal=said)


_THE_GOAL = re.compile(r"^\W*(?:(?:the|his|her|their|my|our)(?:\s+(?:goal|aim))?|goal|aim)\W*$", re.I)


def the_goal(which: str) -> bool:
    """Whether a change names the goal without saying which ("change the goal to say ...",
    "change his goal so it says ..."): with only one goal of the person's, it is that one."""
    return bool(_THE_GOAL.match(which))


def correction(text: str, today: date | None = None, after: date | None = None) -> Correction | None:
    """What a message puts right, if anything. ``after`` is the appointment's date so far, which
    "the monday after" or "not this one, the next" count from."""
    if (moved := _moved_to(text)) is not None:
        return moved
    change = _CHANGE_GOAL.search(text)
    n = next((n for n in ("", "2", "3", "4", "5") if change and change[f"words{n}"]), "")
    # "change how I get to the shops" at a goal question names no goal: it is the goal
    which = change[f"which{n}"].strip() if change else ""
    if change and (
        which.lower() in _POINTERS or _A_GOAL_NAMED.search(f"{which} {text[: change.start(f'words{n}')]}")
    ):
        words = change[f"words{n}"]
        named = _NAMED_BEFORE.match(text) if which.lower() in _POINTERS else None
        # "the swimming one's not right, change it to: ...": "it" is the one named before
        said = _MANNERS.sub("", words).strip(" .")
        return Correction("change_goal", said, named.group(1) if named else which)
    main = _MAIN_ONE.search(text)
    if main:
        # "the gardening club is the main thing" may name a goal not yet said; "make the
        # driving one the main one" only points at one
        pointing = (
            main.group(5)
            or main.group(6)
            or main.group(7)
            or re.search(r"\b(?:one|goal)\s+(?:is|'s|the)\b", main.group(0), re.I)
        )
        return Correction("main_goal", None if pointing else "new", goal=_main_words(main))
    # "the clinic is wrong": who it is with asked again; "the appointment bit is wrong": which part
    part = appointment_part_wrong(text)
    if part is not None and part.value in {None, "appointment_with", "appointment_reason"}:
        if part.value is not None or not dates.when(text, today, after):
            return part
    if _DATE_WRONG.search(text):
        found = dates.when(text, today, after)
        return Correction("date", found) if found else Correction("date_unknown")
    # "it's not the nurse, it's the pharmacist, sorry, i'm all behind today": who put right, told
    # with no date, never moves the date
    if (who := _not_that_one(text)) is not None:
        return Correction("clinician", who)
    # "no wait, it's Wednesday the 9th" is a correction; "no, Christmas with my
    # family" in answer to what matters is not: a long answer with a date is an answer.
    for span, cued_before in _spans(text):
        about_the_date = _ABOUT_THE_DATE.search(span)
        cued = _CORRECTION_CUE.search(span) or (about_the_date and (cued_before or _DAY_FOR_DAY.search(span)))
        if _WHERE_TODAY.search(span) and not re.search(r"\b(?:appointment|appt|date)\b", span, re.I):
            continue  # "no she's at the day centre today": where someone is, never the date
        if (
            cued
            and (len(span.split()) <= 8 or about_the_date)
            and (found := dates.when(last_said(span), today, after))
        ):
            return Correction("date", found)
    if (said := _time_put_right(text)) is not None:
        return Correction("time", said)
    if _NO_TIME.search(text):
        return Correction("time", None)
    if part is not None:  # "the time is wrong"
        return part
    if _OTHER_ONE.search(text) and _CORRECTION_CUE.search(text):
        return Correction("main_goal", goal="other")
    if (called := name_said_again(text)) is not None:
        return Correction("name", called)
    if full := _FULL_NAME_AGAIN.search(text):
        whose = full.group("whose") or full.group("whose2")
        return Correction("full_name", full.group("full") or full.group("full2"), own=whose.lower() == "my")
    if about := _ABOUT.search(text):
        return Correction("remove", goal=about.group("about"))
    if kind := taken_back(text):
        # "ignore me i was thinking of the dentist, it's a fortnight on Tuesday": the date
        # said after taking the last one back is the date
        found = _date_after_taking_back(text, today, after)
        return Correction("date", found) if found else Correction(kind)
    return None


def _spans(text: str) -> list[tuple[str, bool]]:
    """The parts of a message a date or time put right is read in, each with whether a
    correction cue ("sorry", "no", "I meant") came in a sentence before it: a short message
    whole; a longer one sentence by sentence, so a day or time in a story is not read with a
    "sorry" or "I'm muddled" said in another sentence ("I'm muddled all day. on monday i was
    still awake at 4am"; s32 tester: "he's more muddled. ... I found him on the landing floor
    at 3am" made the appointment 3am)."""
    if len(text.split()) <= 8:
        return [(text, False)]
    spans: list[tuple[str, bool]] = []
    cued = False
    for sentence in (s for s in re.split(r"(?<=[.!?;])\s+", text) if s.strip()):
        if spans and _only_a_date(sentence):  # "I said the 21st, not the 12th. 21st January, 09:40.": one
            spans[-1] = (f"{spans[-1][0]} {sentence}", spans[-1][1])
        else:
            spans.append((sentence, cued))
        cued = cued or bool(_CORRECTION_CUE.search(sentence))
    return spans


def _time_put_right(text: str) -> str | None:
    """The appointment's time ("HH:MM") a message puts right: moved ("they've changed it to
    2.40"), or said with a correction ("sorry its at 10.30", "Sorry, my mistake. It is at 10.30.")."""
    for span, cued_before in _spans(text):
        timed = appointment_times(span)  # "its 11.15 not 8am. 8 is when the carers come": 11.15
        clock = _CLOCK.search(timed)
        short = len(span.split()) <= 8
        # "at" alone only in a short sentence: "at 3am" in a story is not the appointment's time
        about_the_time = _ABOUT_THE_TIME.search(timed) or (short and " at " in f" {timed} ")
        cued = _CORRECTION_CUE.search(span) or (cued_before and short)
        if clock and ((cued and about_the_time) or _TIME_MOVED.search(span)):
            # read as dates reads a time: without am or pm, 1 to 6 is the afternoon ("it's 2.30")
            said = dates.time_of(timed[clock.start() :]) or dates.time_of(timed)
            if said:
                return said
        # "Pardon? The appointment is at quarter past ten not 3am.": the time in that clause
        at = _APPOINTMENT_AT.search(timed)
        if at and (said := dates.time_of(_NEXT_CLAUSE.split(timed[at.end() - 2 :])[0])):
            return said
    return None


_ABOUT_THE_TIME = re.compile(
    r"\b(?:appointment|appt|time"
    r"|(?:it'?s|its|it is|it was|(?:should|to) be|make it|meant|mean|said|says)\s+(?:\w+\s+)?at)\b",
    re.I,
)
# Where the clause with the appointment's time ends: "at 3 but i found him at 2am" is "at 3"
_NEXT_CLAUSE = re.compile(r"[,;]|\s+(?:but|and|because|cos|though|when)\s+", re.I)
# A sentence that says when the appointment is: "the appointment is at quarter past ten"
_APPOINTMENT_AT = re.compile(
    r"\b(?:appointment|appt)(?:'s|s| is| was)\s+(?:actually\s+|really\s+)?at\b", re.I
)


def _date_after_taking_back(text: str, today: date | None, after: date | None) -> dates.When | None:
    """The date said after words that take the last answer back ("scratch that its a week on
    thursday at 10", "oh forget that, wrong letter. its wednesday 16th"): about the date, or
    only a date; None when nothing after them says one."""
    said = _MISREAD.search(text) or _WRONG.search(text) or _REMOVE_IT.search(text)
    rest = text[said.end() :] if said else ""
    if not (_ABOUT_THE_DATE.search(rest) or _only_a_date(rest)):
        return None
    return dates.when(rest, today, after)


# "My name's Bernard, not Oh!", "Please call me Irene, dear.", "can you call me Bob not Robert": a
# sentence that starts by saying what to call them ("the nurse can call me later" doesn't).
_NAME_AGAIN = re.compile(
    r"(?:^|[.!?]\s+)\W*"
    r"(?:(?:no|oh|and|please|pls|actually|sorry|it'?s|(?:can|could|would|will) (?:you|u))[\s,]+)*"
    r"(?:my name(?:'s| is)|call me|i'?m called|i am called)\s+([A-Za-z][\w'-]*)",
    re.I,
)


def name_said_again(text: str) -> str | None:
    """The name in a short sentence that says what to call the person, said after the name
    question: a fix of the name, never an answer to the question asked."""
    match = _NAME_AGAIN.search(text)
    if match is None:
        return None
    # "Actually call me Babs, everyone does, Barbara's for the tax man": the clause that says it
    sentence = re.split(r"(?<=[.!?,;])\s+", text[match.start() :].strip())[0]
    found = _a_name(match.group(1))
    return found if found and len(sentence.split()) <= 8 and interpret.name(found) else None


def _name_said_crossly(text: str) -> str | None:
    """The name in a message that is only a name and a word about having said it ("bill. like i
    said", "aisha i said lol"), else None."""
    answer, aside = interpret.without_complaint(text)
    return interpret.name(answer) if aside == "told" else None


def _name_words(names: Iterable[str]) -> set[str]:
    return {word.lower() for name in names for word in name.split()}


def name_told_again(text: str, names: Iterable[str]) -> bool:
    """ "bill. like i said", "i told you. shirley": a name already given, said again with a word
    about having said it, at a later question: never that question's answer."""
    said = _name_said_crossly(text)
    return bool(said) and said.lower() in _name_words(names)


def name_put_right(text: str, names: Iterable[str]) -> str | None:
    """ "aisha i said lol" after "Ash" was kept (misheard, or cut short): a name said again with a
    word about having said it, at a later question, near a name kept but not it: the name as it
    should be. None for the name kept ("bill. like i said") or one unlike any kept."""
    said = _name_said_crossly(text)
    kept = _name_words(names)
    if not said or said.lower() in kept:
        return None
    near = difflib.get_close_matches(said.lower(), kept, n=1, cutoff=0.6)
    return said if near or any(said.lower().startswith(word) for word in kept) else None


# "Samuel Reid, that's my legal name now", "her full name is Kamala Devi Shah": a full name put
# right, at any later question.
_NAME_KIND = r"(?:legal|full|real|proper|actual|official|whole)\s+name"
_FULL_NAME_AGAIN = re.compile(
    r"(?-i:(?P<full>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){1,3}))\s*[,.-]?\s*(?:that'?s|thats|that\s+is|is)\s+"
    rf"(?P<whose>my|her|his|their)\s+{_NAME_KIND}"
    rf"|\b(?P<whose2>my|her|his|their)\s+{_NAME_KIND}(?:'s|\s+is)\s+(?:now\s+)?"
    r"(?-i:(?P<full2>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){1,3}))",
    re.I,
)
# Where a message turns to correcting an earlier answer: a new sentence, or "wait no", "sorry I meant".
_TURN = re.compile(
    r"(?<=[.!?;])\s+|\s+(?=\b(?:wait,? no|no,? wait|i meant|oh,? and)\b)"
    # a question after a comma or "and": "its the 18th not the 11th, and will they check my bloods?"
    r"|(?:,|\s+(?=(?:and|also|plus)\s))\s*(?=(?:(?:and|also|plus)\s+)?(?:can|could|will|would|should|do|does"
    r"|is|are|what|when|how|why|who)\b[^.!]*\?)",
    re.I,
)
_CUE_ALONE = re.compile(rf"^\W*(?:sorry|no|wait|{_OOPS}|actually|oh)\W*$", re.I)
# "21st", "twenty-first"
_DAY_SAID = r"\d{1,2}(?:st|nd|rd|th)|" + "|".join(
    sorted((word.replace(" ", r"[\s-]") for word in dates.ORDINALS), key=len, reverse=True)
)
# the day it is not: "not the 12th", "instead of the 12th"
_NOT_THAT_DAY = re.compile(rf"[,;]?\s*\b(?:not|instead of)\s+(?:the\s+)?(?:{_DAY_SAID})\b[,;]?", re.I)
_DAY_ONLY = re.compile(
    rf"^\W*(?:(?:no|sorry|wait|actually|{_OOPS}|i meant|i mean|i said|i did say)\W+)*"
    r"(?:(?:it'?s|its|on|date'?s wrong,? it'?s)\s+)?(?:the\s+)?"
    rf"({_DAY_SAID})\b\W*(?:sorry)?\W*$",
    re.I,
)


def correction_in_part(text: str, today: date | None = None) -> tuple[Correction | None, str, str]:
    """A date correction tucked into an answer ("sorry I meant thursday. to see if his
    memory's got worse"): the correction, the words that made it, and the rest (the answer)."""
    parts: list[str] = []
    for part in (p for p in _TURN.split(text) if p and p.strip()):
        if parts and _CUE_ALONE.match(parts[-1]):  # "sorry" + "I meant thursday"
            part = f"{parts.pop()} {part}"
        parts.append(part)
    # "..., it's wednesday 16th, 11.30. definitely this time": vouching for the date is no answer
    parts = [p for p in parts if not _only_vouches(p)]
    if len(parts) < 2:
        return None, "", text
    for index, part in enumerate(parts):
        found = correction(part, today)
        if found is not None and found.kind in {"date", "time"}:
            rest = " ".join(p.strip() for i, p in enumerate(parts) if i != index)
            if _only_a_date(rest):  # "No. I said the 21st, not the 12th. 21st January, 09:40.": all the date
                return None, "", text
            return (
                found,
                part.strip(),
                re.sub(r"^(?:and|also|plus)\s+", "", rest.strip(" ,.;—–-"), flags=re.I),
            )
    return None, "", text


# Words that only vouch for what was just said: "definitely this time", "honest", "I've checked
# the letter this time", "100% sure now lol".
_VOUCHING = set(
    "definitely def defo deffo honest honestly promise i swear for real sure this time now really "
    "properly checked double just the letter it its that thats is right one correct lol haha x "
    "100 percent ive i've have looked at on says it's that's".split()
)


def _only_vouches(text: str) -> bool:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return bool(words) and set(words) <= _VOUCHING and bool(set(words) - STOP_WORDS)


def day_of_month_only(text: str) -> int | None:
    """The day in a correction that names only the day ("it's the 27th", "No. I said the 21st,
    not the 12th", "I said twenty-first"), which keeps the month already given; None when a
    month, weekday or other words are in it."""
    found = _DAY_ONLY.match(_NOT_THAT_DAY.sub(" ", text))
    return dates.day_number(re.sub(r"[\s-]+", " ", found.group(1).lower())) if found else None


# "take off the 1am, we don't have a time yet", "there isn't a time": the time taken away
_NO_TIME = re.compile(
    r"\b(?:take|get rid of|remove|delete|drop|scrap)\s+(?:off\s+)?the\s+"
    r"(?:time|\d{1,2}(?:[.:]\d{2})?\s*[ap]m)\b"
    r"|\b(?:we|i|she|he|they)\s+(?:don'?t|do not|dont)\s+(?:have|know)\s+(?:a|the)\s+time(?:\s+yet)?\b"
    r"|\bthere(?:'s| is)(?:n'?t| not| no)\s+(?:a\s+)?time\b|\bno time (?:yet|given|set)\b",
    re.I,
)
# A time said as the one now, in a message of its own: "just checked the letter again, it's actually
# 11:50, they've moved it", "they've changed it to 2.40"
_TIME_MOVED = re.compile(
    r"\b(?:it'?s|its|it is)\s+actually\s+(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?\b"
    r"|\b(?:they'?ve|they have|they)\s+(?:moved|changed|put)\s+(?:it|the (?:time|appointment))"
    r"\s+(?:to|till|until)\s+\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?\b"
    # one time for another: "the appointment is 10.30 not 10", "its 11.15 not 8am" (s31 tester)
    r"|\b(?:appointment|appt|time|it'?s|its|it is)\b[^.!?\d]{0,20}\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?"
    r"\s+not\s+(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?\b",
    re.I,
)
# "9.40", "10:15", "2pm": the first time in a correction ("it's 9.40 not 8.40").
_CLOCK = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm)?\b(?=\s|$|[,.!])(?<![0-9]{3})", re.I)


# --- choosing a goal by how it was named ----------------------------------------------------
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "number one": 1,
    "second": 2,
    "2nd": 2,
    "number two": 2,
    "third": 3,
    "3rd": 3,
    "number three": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "last": -1,
}


def _ordinal_said(word: str, lowered: str) -> bool:
    """Is ``word`` ("first", "the last", "2nd") said as which goal: at the start, after "the",
    "number" or "that", or before "one"? Never "ask about the ankles first", "like I said last
    time", "mon 3rd"."""
    return bool(
        re.search(rf"(?:^\W*|\b(?:the|number|that|my|his|her|their)\s+){word}\b(?!\s+(?:time|week))", lowered)
        or re.search(rf"\b{word}\s+(?:one|goal|thing|option)\b", lowered)
    )


_STOP = {
    "the",
    "one",
    "a",
    "an",
    "my",
    "his",
    "her",
    "their",
    "goal",
    "thing",
    "main",
    "about",
    "that",
    "this",
    "make",
    "i",
    "to",
    "and",
    "of",
    "it",
    "is",
    "be",
    "able",
    "want",
    "like",
    "would",
    "get",
    "go",
    *"yes yeah yep ye please ok okay definitely probably say said mean meant mention mentioned".split(),
    # how frankly it is said, not what: "honestly i want to kill myself" answers no question (s33)
    *"honestly honest tbh truthfully frankly literally".split(),
}


def content_words(text: str) -> set[str]:
    """The words that carry meaning, as lemmas ("the buses" and "a bus" share "bus")."""
    return {t.lemma_.lower() for t in parse(text) if t.is_alpha and t.lower_ not in _STOP and not t.is_stop}


# Words that sound the same, which autocorrect and voice typing swap: "the weight one" is the
# goal typed as "lose some wait"
_SOUNDS_LIKE = {"wait": "weight", "waste": "waist", "week": "weak", "heel": "heal"}


def _word_forms(text: str) -> set[str]:
    """Each meaning word as said and as its lemma, stemmed: "the wedding one" finds "my
    sister's wedding" (lemma "wed" there); "hba1c" counts, though it isn't all letters.
    Words that sound alike count as one ("wait" and "weight")."""
    return {
        _stem(_SOUNDS_LIKE.get(form, form))
        for t in parse(text)
        if (
            t.is_alpha
            or (t.is_ascii and any(c.isalpha() for c in t.text) and any(c.isdigit() for c in t.text))
        )
        and t.lower_ not in _STOP
        and t.lemma_.lower() not in _STOP  # "wants", "goals": no meaning word in any form
        and not t.is_stop
        for form in (t.lemma_.lower(), t.lower_)
    }


def _stem(word: str) -> str:
    """Enough of a word to match its other forms: "cooking" and "cook", "walks" and "walk",
    "running" and "run" (the doubled last letter of "running", "shopping" goes too)."""
    if len(word) <= 4:
        return word
    stem = re.sub(r"(?:ing|ed|es|s)$", "", word)
    return re.sub(r"([bdgmnprt])\1$", r"\1", stem) if re.search(r"(?:ing|ed)$", word) else stem


def match_goal(text: str, goals: list[dict[str, Any]], *, said_about: bool = True) -> int | None:
    """A goal's id from "2", "the second one", "the last", its words ("the evenings one",
    words from its title first, then its text, then why it matters), or "that one" when
    there is only one goal. Without ``said_about`` only the goal's own words count: a goal
    is taken off only when the message names it, never for a word in why it matters."""
    if not goals:
        return None
    lowered = text.lower()
    number = re.search(r"\b(\d+)\b", lowered)
    index = (
        int(number.group(1))
        if number
        else next((n for word, n in _ORDINALS.items() if _ordinal_said(word, lowered)), None)
    )
    if index is not None and (index == -1 or 1 <= index <= len(goals)):
        return goals[index - 1]["id"] if index > 0 else goals[-1]["id"]
    named = _NAMED_GOAL.match(text)
    if named and named.group(0).strip() != text.strip():
        # "the tablets one, she's too sleepy": the goal by its name, then by the whole message
        found = match_goal(named.group(0), goals, said_about=said_about)
        if found is not None:
            return found
    wanted = _word_forms(text)
    if not wanted:
        return goals[0]["id"] if len(goals) == 1 and _POINTING.search(text) else None

    def overlap(*fields: str | None) -> int:
        return len(wanted & _word_forms(" ".join(f for f in fields if f)))

    # the title counts most, then the goal's words, then what was said about it
    scores = [
        (
            3 * overlap(g["title"])
            + 2 * overlap(g["text"])
            + (overlap(g.get("why"), g.get("barriers"), g.get("helps")) if said_about else 0),
            g["id"],
        )
        for g in goals
    ]
    best = max(scores)
    if best[0] == 0 and said_about and (named or points_at_goal(text)):
        # "the job one" for "getting back to work part time": the only goal of that kind
        # ("the stairs", named as no goal is, is no swimming goal for being about moving)
        kind = classify(named.group(0) if named else text)
        same = [g["id"] for g in goals if g.get("domain") == kind and kind != "other"]
        return same[0] if len(same) == 1 else None
    if best[0] == 0 or [s for s, _ in scores].count(best[0]) > 1:
        return None
    return best[1]


# "the one about the kids", "the goal for her hip": a goal pointed at by what was said about it
_ONE_ABOUT = re.compile(r"\b(?:one|goal)\s+(?:about|for|with|where|when|that)\b", re.I)


def goal_named(text: str, goal: dict[str, Any]) -> str:
    """How well the words a one thing was told in name ``goal`` (the one ``match_goal`` found):
    "well" by its number, as "the ... one", or by what it is for ("the walking", "the stairs");
    "loosely" only by what the goal is to be without ("the panic attacks on the bus" for "go to
    a gig without a panic attack"): asked first; "about" when the words are only in what was
    said about it ("get the hearing aid sorted" or "the water tablet", when they were what gets
    in the way of the knees goal): words that name no goal, so a new one in their words."""
    lowered = text.lower()
    if re.search(r"\b\d+\b", lowered) or any(_ordinal_said(w, lowered) for w in _ORDINALS):
        return "well"
    if _NAMED_GOAL.match(text) or _ONE_ABOUT.search(text):
        return "well"
    words = f"{goal['title']} {goal['text']}"
    aim, *without = _WITHOUT.split(words, maxsplit=1)
    said = _word_forms(text)
    if said & _word_forms(aim):
        return "well"
    about = _word_forms(" ".join(goal.get(f) or "" for f in ("why", "barriers", "helps")))
    if said & _word_forms(" ".join(without)):
        # "the falling" names "walk to the shop without falling"; "the panic attacks on the bus"
        # says more than "a gig without a panic attack": asked first
        known = _word_forms(words) | about | _HEDGES
        return (
            "loosely"
            if any(not _word_forms(w) <= known for w in re.findall(r"[a-z]{3,}", lowered))
            else "well"
        )
    if said & about and not _inside_a_word_of(said, _word_forms(aim)):
        # "the water tablet", "the meds and the hallucinations": words only in what was said
        # about a goal name none of the goals, so they are a one thing of their own
        return "about"
    return "well"


def _inside_a_word_of(said: set[str], own: set[str]) -> bool:
    """Is a word said part of one of the goal's own words, or one of them part of it ("the
    stairs" for "get upstairs", "the football" for "kick a ball about")?"""
    return any(
        min(len(a), len(b)) >= 4 and (a in b or b in a)
        for a in said
        for b in own
        if a.isalpha() and b.isalpha()
    )


def goal_named_well(text: str, goals: list[dict[str, Any]]) -> int | None:
    """The goal the words of a one thing name well ("the walking one", "the sleep"); None when
    they name none, or one only loosely or by what was said about it (``goal_named``)."""
    found = match_goal(text, goals)
    goal = next((g for g in goals if g["id"] == found), None)
    return found if goal and goal_named(text, goal) == "well" else None


# Words that say how sure, how much or which, not what: "the bus ones tbh", "mostly"
_HEDGES = set("tbh honestly really mostly probably definitely obviously mainly main thing one".split())
# "without", "w/o", "with no": what a goal is to be without
_WITHOUT = re.compile(r"\s(?:without|w/o|with no|without having)\s", re.I)


_SAID_MAIN = re.compile(
    r"[\s,.;:!-]*(?:(?:tbh|to be honest|honestly|really|mostly)\W*)?(?:(?:that|it|this)\s*(?:'?s|is)|is)"
    r"\s+(?:the\s+|my\s+)?(?:main|most important|biggest|big)\s+(?:thing|one|worry)\W*$",
    re.I,
)


_NOT_THAT = re.compile(
    r"^\W*(?:(?:no+|nope|nah|not really|not (?:that|it|quite)(?: one)?|wrong one|neither|thanks?|thank you)"
    r"\b[\s,.;:!-]*)+"
    r"(?:(?:i mean|i meant|it'?s|its|it is|but)\b[\s,.;:!-]*)*",
    re.I,
)


def after_a_no(text: str) -> str:
    """What a no to "Do you mean ...?" says instead ("no, the bus ones" gives "the bus ones");
    "" for a no alone."""
    rest = _NOT_THAT.sub("", text, count=1).strip(" ,.;:!-")
    return rest if rest != text.strip(" ,.;:!-") and content_words(rest) else ""


# "no i said hearing aid not knees", "actually no, make it the dog walking, if my back is better
# ...", "sorry I meant the garden one": the one thing just said back, put right
_ONE_THING_INSTEAD = re.compile(
    rf"^\W*(?:(?:no+|nope|nah|sorry|actually|oh|wait|hang on|hmm|{_OOPS}|erm)\b[\s,.;:!-]*)+"
    r"(?:not\s+(?:the\s+|that\s+|my\s+)?[^,.;!?]+?[\s,.;:!-]+)?"  # "no not the roses i said ..."
    r"(?:i\s+said|i\s+meant|i\s+mean|i\s+wanted|i\s+want|make\s+(?:it|that)|change\s+it\s+to|put"
    r"|it\s+should\s+be|should\s+be|its|it'?s|it\s+is)\s+(?P<words>[^,.;!?]+?)"
    r"(?:\s*,?\s+not\s+(?:the\s+)?[^,.;!?]+)?\s*(?:[,.;!?].*)?$",
    re.I,
)


# A reason given after the one thing named: "driving. which gets the money sorted anyway", "the
# walking one, because then I see my friends" (s34 tester: the money goal was chosen, for its word)
_THEN_A_REASON = re.compile(
    r"^(?P<named>[^.,;:!?]+?)\s*[.,;:!-]+\s*(?:which|because|cos|coz|cause|as|since|so|that\s+way)\b.*$",
    re.I | re.S,
)


def one_thing_said(text: str) -> str:
    """The one thing a message settles on: "the panic attacks i think. no wait, sleep. no, panic"
    is "panic"; a goal called "the X one" earlier in it keeps that name ("the allotment one. no
    actually the pub one. no, allotment. final answer" is "the allotment one"); a reason after
    it is not what is chosen ("driving. which gets the money sorted anyway" is "driving")."""
    last = last_said(text)
    if (reasoned := _THEN_A_REASON.match(last)) is not None:
        last = reasoned["named"]
    first = re.match(r"\W*(?:the\s+)?([a-z]+)", last, re.I) if last != text else None
    if first and re.search(rf"\bthe\s+{re.escape(first[1])}\s+(?:one|goal)\b", text, re.I):
        return f"the {first[1]} one"
    return last


def one_thing_instead(text: str) -> str | None:
    """The goal named in putting right the one thing just said back ("no i said hearing aid not
    knees" gives "hearing aid"); None for anything else ("no, I don't have any questions")."""
    found = _ONE_THING_INSTEAD.match(text.strip())
    if found is None:
        return None
    words = re.sub(r"^(?:the|my|her|his|their)\s+", "", found["words"].strip(), flags=re.I)
    words = re.sub(r"\s+(?:one|goal)\s+(?:the\s+)?(?:main|first|top)(?:\s+(?:one|thing))?$", " one", words)
    if not content_words(words) or interpret.means_none(words) or re.search(r"\bquestions?\b", words, re.I):
        return None
    return words


def without_said_main(text: str) -> str:
    """The words of a one thing without "... thats the main thing" after them."""
    return _SAID_MAIN.sub("", text).strip(" ,.;") or text


# "that one", "this one", "yes it", "the one I said": pointing at a goal without naming it
_POINTING = re.compile(r"\b(?:that|this|it|one|same|main|mentioned|said)\b", re.I)
# Words that say which goal, not what a new goal is ("the one I mean", "pick that")
_CHOOSING_VERBS = {
    "mean",
    "say",
    "pick",
    "choose",
    "want",
    "like",
    "think",
    "go",
    "do",
    "be",
    "have",
    "mention",
}


# "the work one", "the tablets one, she's too sleepy", "that walking goal because...": a goal
# named by a few of its words, with or without a reason after
_NAMED_GOAL = re.compile(
    r"^\W*(?:(?:the|that|this|my|her|his|their)\s+)?(?:[\w'-]+\s+){1,4}?(?:one|goal|thing|bit)\b"
    r"(?=\W*$|\s*[,.;:!(-]|\s+(?:because|cos|coz|cause|as|since|so|for|really|please|i think)\b)",
    re.I,
)


# "both", "all of them", "either": more than one goal, none named
_SEVERAL_GOALS = re.compile(
    r"^\W*(?:both|either|all of them|all of those|all three|the lot|they'?re all|all)"
    r"(?:\s+(?:of them|of those|really|equally|the same|important|tbh|i think|i suppose))*\W*$",
    re.I,
)


_ONLY_THAT = re.compile(r"^\W*(?:(?:actually|no|so|ok|okay|well)\W+)*(?:just|only)\s+", re.I)


def only_that_goal(text: str, goals: list[dict[str, Any]]) -> bool:
    """ "just the needle one for now", "only the walking goal thanks" where a goal is asked for:
    the goals told already are all there is, not a new goal."""
    rest = _ONLY_THAT.sub("", text, count=1)
    if rest == text:
        return False
    rest = re.sub(r"(?:\W+(?:for now|thanks?|thank you|ta|please|cheers|love))+\W*$", "", rest, flags=re.I)
    return points_at_goal(rest) and match_goal(rest, goals) is not None


def points_at_goal(text: str) -> bool:
    """Is this a goal named as "the ... one" ("the outside one", "that walking goal"), or
    several at once ("both of them")?"""
    return bool(
        _NAMED_GOAL.match(text)
        or re.search(r"\b(?:one|goal|thing|bit)\W*$", text.strip(), re.I)
        or _SEVERAL_GOALS.match(text)
    )


def names_a_topic(text: str) -> bool:
    """Something of their own named as a thing ("the libre thing", "the pension thing, so I know
    where I stand"), not one of the goals pointed at ("the dog one", "that walking goal")."""
    named = _NAMED_GOAL.match(text)
    if named is None or not re.search(r"\b(?:thing|bit)\W*$", named.group(0), re.I):
        return False
    return bool(content_words(re.sub(r"\b(?:thing|bit)\W*$", "", named.group(0), flags=re.I)))


def names_a_goal(text: str) -> bool:
    """Is this a goal named in passing ("the staying at home one", "the football", "the dog
    one, she loves him") rather than a new goal in the person's words ("keep warm this winter")?
    A new goal says what they want to do; a name ends in "one" or is a few words with no doing word."""
    if points_at_goal(text):
        return True
    doing = [t for t in parse(text) if t.pos_ == "VERB" and t.lemma_.lower() not in _CHOOSING_VERBS]
    return not doing and len(content_words(text)) <= 3


# --- an answer given late ---------------------------------------------------------------------
# "I skipped what matters earlier. it's my wife, my job and Charlton", "forgot to say about a good
# day - a day out fishing": a question about their life named, and its answer after it.
_LATE_ANSWER = re.compile(
    r"\b(?:skipped|missed|forgot|forgotten|left out|didn'?t (?:answer|say|put|do))\s+"
    r"(?:(?:to\s+)?(?:say|put)\s+)?"
    r"(?:(?:about|the)\s+)?(?:(?:bit|question|one)\s+(?:about|on)\s+)?"
    r"(?P<which>what matters(?:\s+most)?|(?:a\s+|my\s+)?good day|what i enjoy(?:\s+doing)?)\b"
    r"[^.:;!,-]*(?:[.:;!,-]+)\s*(?:(?:it'?s|its|it is|that'?s|that is|=)\s+)?(?P<answer>\w.*)$",
    re.I,
)
_LATE_KEYS = {"matters": "what_matters", "good": "good_day", "enjoy": "enjoys"}


def late_answer(text: str) -> tuple[str, str] | None:
    """(the question's key, the answer) when a message gives the answer to a question about their
    life it names as skipped or forgotten ("I skipped what matters earlier. it's my wife..."); None
    otherwise."""
    found = _LATE_ANSWER.search(text)
    if not found or len(found.group("answer").split()) < 2:
        return None
    key = next(key for word, key in _LATE_KEYS.items() if word in found.group("which").lower())
    return key, found.group("answer").strip(" .")


# --- something left out of the answer before ---------------------------------------------------
# "and my mum, she matters loads too, forgot to say that before", "oh and the dog, forgot to mention
# him earlier", "i forgot to say, my sister helps too": words for the answer just given, not this one.
_FORGOT_TO_SAY = re.compile(
    r"(?:^|[,.;:!-]\s*)(?:oh\W+)?(?:i\s+)?(?:forgot|forgotten|meant|should have|should'?ve|didn'?t)\s+"
    r"(?:to\s+)?"
    r"(?:say|put|mention|add|tell you)(?:\s+(?:that|it|this|her|him|them|about (?:her|him|them|that)))?"
    r"(?:\s+(?:before|earlier|last time|just now|on the last one))?\W*(?=$|[,:;-])",
    re.I,
)


def added_to_before(text: str) -> str | None:
    """The words a message adds to the answer before, when it says they were forgotten there
    ("and my mum, she matters loads too, forgot to say that before": "my mum, she matters loads
    too"); None when it says nothing of forgetting, or nothing besides."""
    found = _FORGOT_TO_SAY.search(text)
    if found is None:
        return None
    rest = f"{text[: found.start()]} {text[found.end() :]}"
    words = re.sub(r"^\W*(?:(?:oh|and|also|plus)\W+)*", "", rest.strip(" ,.;:!-"), flags=re.I)
    return words if says_something(words) else None


# --- an answer about their life put right at the read-back -------------------------------------
# "What matters most is wrong, it should be family, grandchildren, dim sum Sunday", "you still
# havent changed what matters most. it should say my cat bonnie..." (s30 tester: a weekday in it
# changed the appointment's date; "Okay. What would you like to change?" and the plan unchanged);
# "Support is wrong. It should say my mum and Priya" (s32 tester: the only goal was changed). What
# each answer is called is the catalogue's ``called``.
_CALLED = {name: q.key for q in catalogue().values() for name in q.called}
_NAMES = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in sorted(_CALLED, key=len, reverse=True))
_LIFE_NAMED = re.compile(rf"\b(?:{_NAMES})\b", re.I)
# Said as a fix: "... is wrong", "actually", "he said the garden but ...", "..., not the football"
_NOT_THE = re.compile(r"[,;]\s*not (?:the|my|just|her|his|their)\b", re.I)
_PUT_RIGHT = re.compile(
    rf"\b(?:wrong|not right|incorrect|never said|change|changed|correct|fix|should|actually"
    rf"|(?:he|she|they|you|i) (?:said|put|wrote))\b|{_NOT_THE.pattern}",
    re.I,
)
_NEW_WORDS = re.compile(
    rf"(?:\b(?:it|that|this|(?:a\s+|the\s+|my\s+)?(?:{_NAMES}))\s+"
    r"(?:should|shd|must|needs? to)\s+(?:be|say|read)"
    rf"|\b(?:a\s+|the\s+|my\s+)?(?:{_NAMES})\s+(?:is|are|=|to)(?:\s+(?:really|actually))?"
    r"|\b(?:change|make)\s+(?:it|that)\s+(?:to|into|say))"
    # never "is wrong", "is not right": what is said of it, not what it should say
    r"\s*:?\s*['\"‘“]?(?!\s|(?:wrong|not|incorrect|rubbish|right|fine|ok|okay|good|correct|spot on|perfect"
    r"|great|lovely|nice|rare|hard)\b)(?P<words>[^.!?\"’”]+)",
    re.I,
)


def life_answers_put_right(text: str) -> dict[str, str]:
    """The new words for an answer about their life (what matters, a good day, who helps...),
    each keyed by its question, when a message says one is wrong and gives what it should say:
    at the read-back, or at a later question ("he said the garden but my good day is really
    getting to the temple on a sunday"). "the good day is the bus stop one" points at a goal,
    and is left out. Empty otherwise."""
    if not _LIFE_NAMED.search(text) or not _PUT_RIGHT.search(text):
        return {}
    fixed: dict[str, str] = {}
    for found in _NEW_WORDS.finditer(text):
        words = found.group("words").strip(" ,;:-")
        named = [m.group(0).lower() for m in _LIFE_NAMED.finditer(text[: found.start("words")])]
        # the fix said around the new words, with "really", or as ", not the football" after them:
        # "my worry is they will change my tablets" puts nothing right
        fixing = (
            _PUT_RIGHT.search(f"{text[: found.start('words')]} {text[found.end('words') :]}")
            or re.search(r"\breally\b", text[: found.start("words")], re.I)
            or _NOT_THE.search(words)
        )
        # "..., the garden is nice but that's the one": the first part names no goal, so it is the words
        if named and fixing and len(words) >= 3 and not points_at_goal(re.split(r"[,;]", words)[0]):
            fixed[_CALLED[re.sub(r"\s+", " ", named[-1])]] = words
    return fixed


# --- a word in the last answer put right ------------------------------------------------------
# "I said my knee but it's my hip really", "oops I put knee but I meant hip"
_SAID_BUT = re.compile(
    rf"^\W*(?:(?:no|oh|sorry|wait|actually|{_OOPS}|my mistake)\W+)*i\s+(?:said|put|wrote|typed)\s+(?P<y>.+?)"
    r"\s*,?\s+(?:but|when)\s+(?:it'?s|its|it\s+is|i\s+meant|i\s+mean|(?:it\s+)?should\s+(?:be|say))\s+(?P<x>.+)$",
    re.I,
)
_REALLY = re.compile(r"\s+(?:really|actually|instead|obviously|sorry|lol)\b\W*$|\W+$", re.I)
_DETERMINER = re.compile(r"^(?:the|my|his|her|their|a|an)\s+", re.I)


def word_put_right(text: str, said: str) -> tuple[str, str, str] | None:
    """A word or two of the last answer put right ("I said my knee but it's my hip really", "not
    my knee, my hip", "its my hip not my knee"): the words taken out, the words put in, and the
    answer as it now reads. None when the message puts nothing in ``said`` right, puts the
    appointment right ("its the nurse not the doctor"), or is long."""
    if not said or len(text.split()) > 14 or correction(text) is not None:
        return None
    bare = text.strip(" .!")
    found = _SAID_BUT.match(text.strip()) or _NOT_Y_X.search(bare) or _X_NOT_Y.search(bare)
    if found is None:
        return None
    x, y = (found["x"], found["y"]) if found.re is not _X_NOT_Y else (found[1], found[2])
    x = _WITH_LEAD.sub("", _REALLY.sub("", _PUT_RIGHT_LEAD.sub("", x)).strip(" ,.;:!-"))
    y = _REALLY.sub("", _PUT_RIGHT_LEAD.sub("", y)).strip(" ,.;:!-")
    if len(x.split()) > 5 or len(y.split()) > 5 or not content_words(x) or not content_words(y):
        return None
    for old, new in ((y, x), (_DETERMINER.sub("", y), _DETERMINER.sub("", x))):
        place = re.search(rf"\b{re.escape(old)}\b", said, re.I)
        if place and old and not re.search(rf"\b{re.escape(new)}\b", said, re.I):
            return old, new, f"{said[: place.start()]}{new}{said[place.end() :]}"
    return None


# --- whether the person is with the carer now ------------------------------------------------
# "she's sat beside me", "he is here with me now", "she is sitting right here": with them now.
_WITH_ME = r"(?:(?:right\s+)?here|(?:next\s+to|beside|by|with|alongside)\s+me|in\s+the\s+room)"
# "is", "she's", "hes" (typed without the apostrophe), "they're"
_BE = r"\b(?:is|are|am|was)|'s|’s|'re|’re|\b(?:he|she)s|\btheyre"
_HERE_NOW = re.compile(
    rf"(?:{_BE})\s+(?:(?:sat|sitting|stood|standing|right|just|also|all)\s+)*"
    rf"{_WITH_ME}(?!\s+(?:(?:most|every|some|on|at|for|when|if)\b|in\s+(?:the\b|(?-i:[A-Z]))))"
    r"|\b(?:sat|sitting|stood|standing)\s+(?:(?:right\s+)?(?:next\s+to|beside|with|by)\s+me|(?:right\s+)?here)\b"
    r"|\bwatching\s+me\s+(?:type|typing|do\s+this)\b|\breading\s+over\s+my\s+shoulder\b",
    re.I,
)
# "she's at the day centre today", "he isn't here", "not with me right now", "shes having a lie
# down upstairs", "he's having a nap": not with them.
# (not "was": "she was upstairs when she fell")
_IS_NOW = r"\b(?:is|are)|'s|’s|'re|’re|\b(?:he|she)s|\btheyre"
_RESTING = r"(?:having|taking|gone\s+(?:up\s+)?for)\s+(?:a\s+)?(?:lie[\s-]?down|nap|rest|sleep|snooze|kip)"
_NOT_HERE = re.compile(
    rf"(?:(?:{_BE})\s*(?:n['’]?t|not)|\bisnt|\barent)\s+(?:(?:sat|sitting|right)\s+)*{_WITH_ME}"
    rf"|(?:{_IS_NOW})\s+(?:{_RESTING}|(?:napping|resting|sleeping|dozing)\b(?!\s+(?:badly|well|poorly|better|worse|"
    r"more|less|a\s+lot|all|through|in\s+the\s+day|during))|(?:up|down)stairs\b)"
    rf"|(?:{_BE})\s+(?:out\b(?!\s+of)|asleep|in\s+bed|at\s+(?:work|school|college|the\s+day\s+cent(?:re|er)"
    r"|(?:his|her|their)\s+(?:day\s+cent(?:re|er)|club|work)))"
    # "no, he's in Leeds": where they are, by name
    r"|\b(?:he|she|they)(?:'s|’s|s|\s+is|'re|’re|\s+are)\s+(?:up\s+|down\s+|over\s+)?in\s+(?-i:[A-Z])",
    re.I,
)


# Somewhere else, told sideways: "he's pottering in the greenhouse", "she's at church with my
# sister", "Ron's out in the garden" (never "in pain", "in a wheelchair": no place; never "it's at
# the hospital": the person is who is somewhere)
_ELSEWHERE = re.compile(
    r"(?:\b(?:he|she|they|(?!(?:it|this|that|there|here|what|which|who)\b)(?-i:[A-Z])[a-z]+)(?:'s|’s|'re|’re|\s+is|\s+are)|\b(?:he|she)s|\btheyre)"
    r"\s+(?:still\s+|just\s+)?(?:[a-z]+ing\s+)?(?:out\s+|off\s+)?(?:in|at|down|up)\s+"
    r"(?:(?:the|his|her|their)\s+(?!(?:same\s+)?room\b|chair\s+(?:next\s+to|beside)\b)[a-z]+"
    r"|church|chapel|mosque|temple|synagogue|work|school|college|hospital)\b",
    re.I,
)


def with_them(text: str) -> bool | None:
    """Whether a carer's words say the person is with them now ("yes she knows, she's sat
    beside me", "he is here with me now"): True, False ("she's at the day centre today",
    "he isn't here", "he's pottering in the greenhouse"), or None when they don't say."""
    if _NOT_HERE.search(text):
        return False
    if _HERE_NOW.search(text):
        return True
    return False if _ELSEWHERE.search(text) else None


# --- an opening question answered, or another one -------------------------------------------
# Who a carer is to the person, in a word other than family: "his carer", "her support worker".
_CARER_ROLE = re.compile(
    r"\b(?:carer|support\s+worker|key\s?worker|personal\s+assistant|next\s+door)\b", re.I
)


def answers(asked: str, text: str) -> bool:
    """Whether a message has words that answer an opening question asked in words: who the carer
    is to them ("husband", "her support worker"), someone named for who the appointment is with, a
    day for when; any words answer the others. ("I'm his son by the way" names no one to see.)"""
    if asked == "carer_relationship":
        return bool(_KIN_WORD.search(text) or _CARER_ROLE.search(text))
    if asked == "appointment_with":
        return clinician(text, asked=True) is not None
    if asked == "appointment_when":
        return dates.when(text) is not None
    return True


def within(name: str, said: str | None) -> bool:
    """Whether a name is part of what was said for another question, with more words ("Dr Osei"
    in "neurology at the queens, dr osei"; not "Mr Hughes" in "Mr Hughes")."""
    words = set(re.findall(r"[a-z]+", (said or "").lower()))
    return set(re.findall(r"[a-z]+", name.lower())) < words


_TITLED_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_TITLES))})\.?\s+[A-Za-z][\w'-]*", re.I)


def names_a_service(who: str) -> bool:
    """Whether who the appointment is with names a role, a clinic or a place, besides a person
    ("memory clinic at st james, dr ahmed", "Sister Bethan Morgan, the Parkinson's nurse"), not a
    name alone ("Dr Anil Patel", "Mrs Mavis Entwistle", "Karen"), which may be the person's own."""
    words = set(re.findall(r"[a-z]+", _TITLED_WORD.sub(" ", who).lower()))
    return bool(words & (_CLINICIANS | _LOOSE_PLACES))


_SAYS_WHO = re.compile(rf"\b(?:i'?m|im|i am)\s+(?:her|his|their)\s+(?:{_KIN})\b", re.I)


def says_who_they_are(text: str) -> bool:
    """Whether a carer says who they are to the person, of themselves ("im her husband", "I'm his
    grandson, Rhys"), not in passing ("my wife Megan sang alto", in his own words)."""
    return bool(_SAYS_WHO.search(text))


# --- everything a message answers ------------------------------------------------------------
def hear(
    text: str,
    open_keys: Iterable[str],
    *,
    asked: str | None = None,
    carer: bool | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Answers this message gives to the open questions (``asked`` is the one just asked).

    Only what the message says clearly: a wrong guess here would skip a
    question, so when in doubt the question is asked as usual.
    """
    keys = set(open_keys)
    head, items = numbered_items(text)
    if items and asked in _BEFORE_THE_APPOINTMENT:
        return _hear_items(head, items, keys, asked=asked, carer=carer, today=today)
    heard: dict[str, Any] = {}
    text = _T_FOR_THE.sub("the ", _unglossed(text))
    if "for_whom" in keys and (who := for_whom(text)):
        heard["for_whom"] = who
        carer = who == CARER
    elif "for_whom" in keys and carer is None and own_name(text, loose=False) and not _WITH_KIN.search(text):
        heard["for_whom"], carer = SELF, False  # "I'm Mo" answers "is this for you?"
    if carer:
        if "person_name" in keys and (name := their_name(text)):
            heard["person_name"] = name
        kin = without_who_sent(_SET_UP_BY.sub(" ", text)) if "carer_relationship" in keys else ""
        if kin and _RELATIONSHIP.search(kin):
            heard["carer_relationship"] = interpret.relationship(kin)
        elif "carer_relationship" in keys and _KIN_THEN_NAME.match(text):  # "mum - brenda": my mum
            heard["carer_relationship"] = interpret.relationship(f"my {_KIN_WORD.search(text).group(0)}")
        if "preferred_name" in keys and (nickname := goes_by(text)):
            heard["preferred_name"] = nickname
        if "person_present" in keys and (here := with_them(text)) is not None:
            heard["person_present"] = "yes" if here else "no"
    elif carer is False and "preferred_name" in keys:
        nickname, name = goes_by(text, theirs=False), own_name(text)
        if nickname or name:
            heard["preferred_name"] = nickname or name
        if nickname and name and nickname != name and "full_name" in keys:
            heard["full_name"] = name  # "I'm Margaret, but everyone calls me Peggy"
    # "Mrs Hughes at the surgery but Gwen to you": a name not used is no one to see
    seen = interpret.without_names_not_used(text)[0] if asked in {"person_name", "preferred_name"} else text
    if "appointment_with" in keys and (
        who_with := _not_that_one(seen)  # "no its not my doctor its the nurse": the nurse
        or clinician(without_what_happened(seen), asked=asked == "appointment_with")
        # at the opening, a message that is only who it's with ("Liver clinic.", "Physio."): said
        # ahead of the question, clipped, with no "seeing" (set10_07)
        or (asked is None and only_the_clinician(text))
    ):
        heard["appointment_with"] = who_with
    if "appointment_when" in keys and (when := appointment_date(text, asked, today)):
        heard["appointment_when"] = when
    # what it is for, said with who it is with or when ("the physioo at the neuro place. its about
    # my walkingg", at "Who is your appointment with?")
    if "appointment_reason" in keys and (
        heard.get("appointment_with") or heard.get("appointment_when") or asked in _APPOINTMENT_ASKED
    ):
        found = reason(text)
        if found and not _same_words(text, found, heard.get("appointment_with")):
            heard["appointment_reason"] = found
    if asked not in LIFE and "what_matters" in keys and (matters := what_matters_said(text)):
        heard["what_matters"] = matters  # in an opening: "..., what matters most is ..."
    if asked in LIFE and "good_day" in keys and (day := good_day(text)):
        heard["good_day"] = day
    if asked in LIFE and "goal_text" in keys and (goal := goal_said_outright(text)):
        heard["goal_text"] = goal  # "The cooking, as I said. What I would really like is to be able to..."
    if asked == "goal_text":
        heard.update(goal_parts(text))
    if asked in _DETAILS and identity.has_contact(text):
        # "landline 01632 960112" at the date of birth: how to reach them, asked for next
        heard["carer_contact" if carer else "contact"] = text
    if asked == "full_name" and (born := identity.birth_date(text, today or clock.today())):
        heard["date_of_birth"] = born.isoformat()  # "she was born 1 march 1940": no name in it
        if both := identity.name_and_birth_date(text, today or clock.today()):
            heard["full_name"] = both[0]
    return {key: value for key, value in heard.items() if key in keys}


# "this is Carol. I'm doing this with my dad, he's here on speakerphone": a name, but maybe not who
# the plan is for, so "Is this for you?" is still asked.
_WITH_KIN = re.compile(
    rf"\b(?:with|beside|next\s+to)\s+(?:my|our)\s+(?:{_KIN})\b|\bon\s+(?:the\s+)?speaker", re.I
)


# "1) its for me 2) Ravi 3) diabetes nurse": a list numbered from one, each number after a
# space or at the start ("age 4" or "after 4" has no bracket or stop after it).
_ITEM_MARK = re.compile(r"(?:^|(?<=\s))\(?(\d{1,2})[).:-]\s+")


def numbered_items(text: str) -> tuple[str, list[str]]:
    """A message written as a numbered list ("hi quick one. 1) its for me 2) Ravi 3) diabetes
    nurse"): what comes before the list, and each item. No items unless numbered 1, 2, 3... ."""
    marks = list(_ITEM_MARK.finditer(text))
    if len(marks) < 2 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return text, []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [text[m.end() : end].strip(" ,;.") for m, end in zip(marks, ends, strict=True)]
    return text[: marks[0].start()], [item for item in items if item]


def _hear_items(
    head: str, items: list[str], keys: set[str], *, asked: str | None, carer: bool | None, today: date | None
) -> dict[str, Any]:
    """An opening as a numbered list, each item one answer: read as a whole message is read, and
    an item that says only a name, who it is with or what it is for is taken for that. A leftover
    item is what the appointment is for only in a list that says who it is with or when."""
    heard = hear(head, keys, asked=asked, carer=carer, today=today)
    for item in items:
        carer = heard["for_whom"] == CARER if "for_whom" in heard else carer
        open_now = keys - heard.keys()
        if found := hear(item, open_now, asked=asked, carer=carer, today=today):
            heard.update(found)
        elif "appointment_with" in open_now and (who := only_the_clinician(item)):
            heard["appointment_with"] = who
        elif len(item.split()) <= 2 and item[:1].isupper() and (name := interpret.name(item)):
            name_key = "person_name" if carer else "preferred_name"
            heard.update({name_key: name} if name_key in open_now else {})
        elif "appointment_reason" in open_now and heard.keys() & {"appointment_with", "appointment_when"}:
            heard["appointment_reason"] = reason(item) or item
    return heard


# Yorkshire and Lancashire "t'" for "the": "see t'nurse at t'surgery".
_T_FOR_THE = re.compile(r"\bt['’](?=[a-z])", re.I)


def _same_words(text: str, one: str, other: str | None) -> bool:
    """Whether two things heard in a message are read from the same words: "stroke consultant
    follow up" is who the appointment is with and what kind it is, not yet what it's for."""
    at, other_at = text.find(one), text.find(other) if other else -1
    return at >= 0 and other_at >= 0 and at < other_at + len(other) and other_at < at + len(one)


LIFE = {"what_matters", "good_day", "enjoys"}
# A goal told in so many words: "What I would really like is to be able to stand at the stove...",
# "what she'd love most is to get back to the choir", "what I want more than anything is to drive"
_GOAL_OUTRIGHT = re.compile(
    r"\bwhat (?:i|he|she|we)(?:\s+would|'d|d)?\s+(?:(?:really|most|just)\s+)*(?:like|love|want)"
    r"(?:\s+(?:most|more than anything))?\s+(?:is|would be)\s+to\s+(?:be able to\s+)?",
    re.I,
)


# A goal introduced as the next one: "second one is sleeping through", "ok the next goal would
# be getting back on my bike", "right, the other thing is: swim again". What came before it in
# the message ("raj again, tea's made.") is not the goal.
_GOAL_INTRODUCED = re.compile(
    r"(?:^|[.!?;,]\s*|\b(?:ok|okay|right|so|and|then)\s+)(?:the\s+|my\s+|her\s+|his\s+|their\s+|our\s+)?"
    r"(?:second|next|other|another|third|fourth|last|new)\s+(?:one|goal|thing|wish)"
    r"(?:'s|’s|\s+(?:is|would be|will be|=)|\s*:)\s*:?\s*(?P<goal>\w.*)$",
    re.I,
)


def goal_introduced(text: str) -> str | None:
    """The goal in "tea's made. second one is sleeping through without the spasms waking her":
    what follows the words that bring it in as the next one; None when no goal is brought in
    that way, or too little follows."""
    found = _GOAL_INTRODUCED.search(text)
    goal = found.group("goal").strip(" .!") if found else ""
    return goal if len(goal.split()) > 1 else None


def goal_said_outright(text: str) -> str | None:
    """A goal told in so many words in an answer about their life ("The cooking, as I said. What I
    would really like is to be able to stand at the stove long enough to cook Sunday dinner"): the
    goal's words, to the end of its sentence; None when no sentence tells one."""
    found = _GOAL_OUTRIGHT.search(text)
    if found is None:
        return None
    goal = re.split(r"(?<=[.!?;])\s", text[found.end() :], maxsplit=1)[0].strip(" .!;,")
    return goal if len(goal.split()) > 1 and says_something(goal) else None


_APPOINTMENT_ASKED = {"appointment_with", "appointment_when"}
# The details asked before the contact, where one may be given early.
_DETAILS = {"carer_name", "full_name", "date_of_birth", "nhs_number"}
# Questions asked before or about the appointment: a date said there is the appointment's.
_BEFORE_THE_APPOINTMENT = {None, "consent", "appointment_with", "appointment_reason"} | {
    q.key for q in catalogue().values() if q.stage == "intro"
}
# A date in a wish or in an event of their life is not the appointment's: "walking the dog by
# Christmas", "my granddaughter's wedding on the 20th", "a good day is Tuesday when she visits".
_NOT_THE_APPOINTMENT = re.compile(
    r"\b(?:want|wants|wanted|wanna|like to|love to|hope|hoping|wish|be able to|aim|aiming|goal"
    r"|good day|wedding|birthday|christening|holiday|party|anniversary|graduation|cruise|funeral"
    r"|visits|comes|come round|pops in|by (?:christmas|easter|new year|the (?:summer|spring)))\b",
    re.I,
)
# What has happened, where a day or a place is not the appointment's: "home from the Royal on
# saturday after my fall", "he was discharged on the 28th", "had my op on monday".
_HAPPENED = re.compile(
    r"\b(?:home from|(?:came|got|come|sent|let) (?:home|out)|discharged|ago|last (?:week|month|night|\w+day)"
    r"|had (?:my|his|her|a|an|the)|fell|collapsed|died|passed away|was (?:in|admitted|taken)|were in)\b",
    re.I,
)


def _parts(text: str) -> list[tuple[str, str]]:
    """Each part of a message (its sentences, clauses and "and"/"but"/"so" parts) with what ended it,
    so sentences stay sentences ("Tuesday is the dentist. It is Thursday.")."""
    pieces = re.split(r"((?<!\d)\.|\.(?!\d)|[;!?]+|,|\s+(?=(?:and|but|so)\b))", text)
    ends = [*pieces[1::2], ""]
    return [(part, (end or "").strip() or ",") for part, end in zip(pieces[::2], ends, strict=True)]


# A carer saying who they are to the person: "I'm his support worker at the supported living
# house", "I am Jamie's key worker": their own role, never who the appointment is with.
_WHO_I_AM = re.compile(r"^\W*(?:i'?m|im|i am|i work as)\s+(?:his|her|their|\w+['’]s)\s", re.I)


def without_what_happened(text: str) -> str:
    """The message without its parts that tell what has happened ("me. Stan. home from the Royal on
    saturday after my fall" is "me. Stan."), a day or a place there is not the appointment's, nor
    the parts where a carer says who they are ("I'm his support worker at the house")."""
    return " ".join(
        f"{part.strip()}{end}"
        for part, end in _parts(text)
        if part.strip() and not _HAPPENED.search(part) and not _WHO_I_AM.search(part)
    )


# Later in the chat, a date is the appointment's only when the message says it is.
_THE_APPOINTMENT = re.compile(
    r"\b(?:appointment|appt|apt|clinic|review|check-?up|booked|rebooked|moved)\b", re.I
)


# "her hands r bad today", "he's too tired tonight": how someone is now, not when the appointment is
_NOW = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)
_GOING = re.compile(r"\b(?:seeing|see|going|go|booked|due|coming|come in)\b", re.I)


def _how_they_are_now(part: str) -> bool:
    """Does this part of a message say "today" of how someone is, with nothing of a visit?"""
    said = set(re.findall(r"[a-z]+", part.lower()))
    visit = _THE_APPOINTMENT.search(part) or _GOING.search(part) or said & _CLINICIANS or dates.time_of(part)
    return bool(_NOW.search(part)) and not visit and not _only_a_date(part)


def appointment_date(text: str, asked: str | None = None, today: date | None = None) -> dates.When | None:
    """The appointment's date in a message that was not asked for it ("seeing the nurse next
    Tuesday"), and not a date said in a wish, an event of their life, a habit or a greeting."""
    kept = " ".join(
        f"{part.strip()}{end}"
        for part, end in _parts(without_what_happened(text))
        if part.strip() and not _NOT_THE_APPOINTMENT.search(part) and not _how_they_are_now(part)
    ).strip(" ,")
    if not kept or (asked not in _BEFORE_THE_APPOINTMENT and not _THE_APPOINTMENT.search(kept)):
        return None
    # "Monday. no sorry, Tuesday" is Tuesday; "Monday at ten past ten, sorry typing fast" is Monday
    return dates.when(last_said(kept), today) or dates.when(kept, today)


# The words a day, a time or a date is said in, and what may be said around one and still be
# only that: "on wednesday, ten past nine", "its the 17th", "born 3rd of August 1956".
_DATE_WORDS = {
    *dates.WEEKDAYS,
    *dates.MONTHS,
    *dates.TYPOS,
    *(word for said in [*dates.NUMBERS, *dates.ORDINALS] for word in said.split()),  # "twenty first"
    *(day[:n] for day in dates.WEEKDAYS for n in (3, 4, 5)),  # "wed", "weds", "tues", "thurs"
    *(month[:3] for month in dates.MONTHS),
    *"past to quarter half tomorrow today next week morning afternoon evening am pm o clock".split(),
    *"on at the its it s is for in of and born was were i he she dob d b date birth".split(),
    *"please thanks ok okay um er erm this month year coming".split(),  # "the 21st of this month"
}
_NUMBERED = re.compile(r"\d+(?:st|nd|rd|th|am|pm)?\b")


def _only_a_date(text: str) -> bool:
    """Whether the message says nothing but a day, a time or a date."""
    return set(re.findall(r"[a-z]+", _NUMBERED.sub(" ", text.lower()))) <= _DATE_WORDS


def only_a_day(text: str, today: date | None = None) -> dates.When | None:
    """The day (and time) when that is all the message says ("wednesday, ten past nine", "the 17th.
    10.20 in the morning"): when the appointment is, never who it is with or what it is for."""
    found = dates.when(text, today)
    return found if found is not None and _only_a_date(text) else None


def day_said_first(text: str, today: date | None = None) -> dates.When | None:
    """The day (and time) said first, in parts of its own, with more after it ("tuesday 8th at 10
    past 11, my mum's coming with me", "Weds 16th, 2.30. found the letter"); None when the
    message doesn't start with a date."""
    parts = re.split(r"[,;]|\.(?!\d)", text)
    first = next((n for n in range(len(parts), 0, -1) if _only_a_date(",".join(parts[:n]))), 0)
    said = ",".join(parts[:first])
    return dates.when(said, today) if re.search(r"[a-z0-9]", said, re.I) else None


# What the care team want is what the appointment is for, not a wish: "they want to check"; so is
# what anyone wants to talk about there: "Jamie wants to talk about his teeth hurting as well",
# "she'd like to ask about her tablets", "I want to bring up my knee".
_THEY_WANT = re.compile(
    r"\b(?:they|the (?:doctor|nurse|gp|hospital|clinic))\s+(?:want|wants|would like|'d like)\b"
    r"|\b(?:wants?|would like|'d like|wanted|hoping|hopes?)\s+to\s+(?:(?:talk|ask|chat|speak)\s+about"
    r"|discuss|mention|bring up|raise|get (?:\w+\s+){0,2}(?:looked at|checked))\b",
    re.I,
)


def retells_reason(text: str, reason_told: str | None) -> bool:
    """What the appointment is for, told again at a question about their life ("My blood
    pressure's been up and down and they want to check the new tablets", after "about my blood
    pressure"; "my annual review. they'll listen to my chest"): the words of the reason told, or
    what is done there, and no wish ("my knee, I want to walk again" is what matters)."""
    if not reason_told or _NOT_THE_APPOINTMENT.search(_THEY_WANT.sub(" ", text)):
        return False
    if _CHECK_UP.search(text) or _done_there(text):
        return True
    # "footy, work, my girlfriend" after "shoulder, footy injury": a list of what matters
    items = [i for i in re.split(r"\s*(?:[,&+]|\band\b)\s*", re.split(r"[.;!?]", text)[0]) if i.strip()]
    if len(items) >= 3 and all(len(item.split()) <= 4 for item in items):
        return False
    # the words told, said first, as a thing ("my frozen shoulder, I cannot lift..."), not in
    # something done ("Staying in my own home" after "help at home"), nor after something else
    # ("family. my heart is not so good" is family)
    first = re.split(r"[.,;!?]", text, maxsplit=1)[0]
    opening = next((t for t in parse(first) if not t.is_punct), None)
    if opening is None or opening.pos_ not in {"DET", "PRON", "NOUN", "PROPN", "ADJ"}:
        return False
    # what it was for, said first (after "to see how my memory is doing. my wife says...", "my wife
    # Pat" is not it), and never a word for family or one as short as "n" ("meds n shes")
    told = _word_forms(re.split(r"[.;!?]", reason_told, maxsplit=1)[0])
    # a person named in both ("my Jim. he died in august" after "me nerves and me sleep since Jim
    # died") is someone in their life, never the appointment
    named = _word_forms(" ".join(interpret.people(first)))
    shared = _word_forms(first) & told - _life_forms() - named
    return any(len(word) > 2 and not _KIN_WORD.fullmatch(word) for word in shared)


@lru_cache(maxsize=1)
def _life_forms() -> set[str]:
    """Words of a life, never of an appointment: said in both the reason and an answer to what
    matters ("My family. My grandson Arjun." after "most important for me is my family"), they
    are what matters (tester s29: Parveen was asked what matters four times; set13_04: "my baby girl
    Amira" after a check "for me and the baby")."""
    return _word_forms("family families faith god church chapel mosque gurdwara temple friends baby babies")


def birth_date_alone(text: str, today: date | None = None) -> date | None:
    """A date of birth said alone ("12/06/1991", "3rd of August 1956", "the ninth of May nineteen
    forty six"): a whole date in a year gone by. It answers the date of birth and nothing else.
    A date that reads as one still to come ("22/12/26 10am", its year in two digits) is an
    appointment's, never a birthday a century ago (set14_07)."""
    today = today or clock.today()
    born = identity.birth_date(text, today)
    if born is None or born.year >= today.year - 1:
        return None
    ahead = dates.when(text, today)
    if ahead is not None and ahead.day >= today and ahead.day.year - born.year == 100:
        return None  # the day a century on is still to come: its year was said in two digits
    return born if _only_a_date(identity.years_in_digits(text)) else None


# Parts of a date of birth said alone: a year ("1959"), a day ("the 3rd", "third") or a month.
_BIRTH_PART = re.compile(
    r"(?<![\d/.-])(?P<year>(?:18|19|20)\d\d)(?![\d/.-])|(?<![\d/.:-])'?(?P<short>3[2-9]|[4-9]\d)(?![\d/.:-])"
    rf"|(?<![\d/.-])(?P<day>\d{{1,2}})(?:st|nd|rd|th)\b|\bthe\s+(?P<the>\d{{1,2}})\b(?![/.:-]\d)"
    rf"|\b(?P<day_words>{'|'.join(sorted(dates.ORDINALS, key=len, reverse=True))})\b"
    rf"|\b(?P<month>{'|'.join(sorted(dates.MONTHS, key=len, reverse=True))})\b\.?",
    re.I,
)
# What it isn't, said beside what it is: "1959, not 1960", "the 3rd not the 4th", "not july"
_IT_WAS_NOT = re.compile(r"\bnot\s+(?:the\s+|in\s+|on\s+)?", re.I)
_IT_WAS_NOT_END = re.compile(r"[,.;!?]|\bbut\b")
# Said about the date of birth: "my birthday", "born", "wrong year", "dob"
_ABOUT_BIRTH = re.compile(r"\b(?:born|birth|birthday|b-?day|dob|d\.o\.b|year)\b", re.I)


def _birth_parts(text: str, today: date) -> dict[str, int]:
    """The year, month and day said in ``text`` ("the 3rd", "1959", "59", "september")."""
    parts: dict[str, int] = {}
    for found in _BIRTH_PART.finditer(text):
        if found["year"]:
            parts.setdefault("year", int(found["year"]))
        elif found["short"]:  # "should be 59": the latest such year gone by
            year = today.year // 100 * 100 + int(found["short"])
            parts.setdefault("year", year if year <= today.year else year - 100)
        elif found["month"]:
            parts.setdefault("month", dates.MONTHS[found["month"].lower()])
        else:
            day = found["day"] or found["the"] or found["day_words"]
            parts.setdefault("day", dates.day_number(day.lower()))
    return parts


def birth_date_put_right(text: str, born: date, today: date | None = None) -> date | None:
    """A date of birth given before, put right at a later question ("oh sorry, I've put the
    wrong year. 1959, not 1960", "sorry my birthday is the 3rd not the 4th", "silly me, born
    in june not july", "sorry i meant 30/9/59"): ``born`` with the parts said changed. None for
    anything else: a phone number, the appointment's day put right, the same date again."""
    today = today or clock.today()
    said = identity.years_in_digits(text)
    if re.search(r"\b(?:appointment|appt|clinic|see(?:ing)?|visit)\b", said, re.I):
        return None
    # what it isn't is said after "not", up to the next stop: the date as it was
    wrong: dict[str, int] = {}
    kept = said
    for found in reversed(list(_IT_WAS_NOT.finditer(said))):
        stop = end.start() if (end := _IT_WAS_NOT_END.search(said, found.end())) else len(said)
        wrong |= _birth_parts(said[found.end() : stop], today)
        kept = kept[: found.start()] + " " + kept[stop:]
    if (whole := identity.birth_date(kept, today)) is not None:
        parts = {"year": whole.year, "month": whole.month, "day": whole.day}
    else:
        parts = _birth_parts(kept, today)
    was = {"year": born.year, "month": born.month, "day": born.day}
    # about the birth date: a whole one, said to be, or what it isn't is what was given
    about = whole or _ABOUT_BIRTH.search(said) or (wrong and all(was[k] == v for k, v in wrong.items()))
    cued = wrong or _CORRECTION_CUE.search(said) or re.search(r"\bactually\b", said, re.I)
    if not parts or not about or not cued:
        return None
    try:
        fixed = born.replace(**parts)
    except ValueError:
        return None  # "the 31st" of a month without one
    too_old = today.year - fixed.year > identity.OLDEST_AGE
    return fixed if fixed != born and fixed <= today and not too_old else None


# "my nan", "our dad", "I'm her granddaughter"
_RELATIONSHIP = re.compile(
    rf"\b(?:my|our)\s+(?:{_KIN})\b|\b(?:for|on behalf of|helping)\s+(?:{_KIN_AS_NAME})\b"
    rf"|\b(?:i'?m|im|i am)\s+(?:her|his|their)\s+(?:{_KIN})\b|{_KIN_TO_NAME}",
    re.I,
)

# --- the read-back in plain words -------------------------------------------------------------
# "Something else" is a way into an answer, not the answer itself.
VAGUE = re.compile(r"^\W*(something else|another thing|other|none of (them|those)|neither)\W*$", re.I)


@dataclass(frozen=True)
class ReviewChoice:
    """What someone wants at the read-back: confirm, change, remove, add, or fix the date or questions."""

    choice: str
    goal: str | None = None  # how they named a goal ("number 2", "the walking one")
    words: str | None = None  # a new goal's words ("add one about swimming")


_ADD = re.compile(
    r"\b(?:add|another|one more|new goal)\b(?:\s+(?:one|goal"
    r"|a goal|another))?(?:\s+(?:about|for|to))?\s*(.*)$",
    re.I,
)
_REMOVE = re.compile(
    r"\b(?:remove|delete|take (?:off|out)|get rid of|drop|scrap|cross off|ditch"
    r"|bin(?= it| that| this| them| number| the| \d))\b(.*)$"
    r"|\btake\b(.+?)\b(?:off|out)\b",
    re.I,
)
# "change number 2", "the goal wants to say Sheila's roses", "number 1 needs to read ..."
_CHANGE = re.compile(
    r"\b(?:change|edit|alter|reword|fix|update|wrong"
    r"|(?:should|must|wants? to|needs? to|has to|ought to) (?:say|read))\b(.*)$",
    re.I,
)
_QUESTIONS = re.compile(r"\bquestions?\b", re.I)
_DATE = re.compile(r"\b(?:date|day|when|appointment)\b", re.I)
# "a question about the rehab" is kept whole; "another question: will I need a scan?" as the question.
_A_QUESTION = re.compile(
    r"(?:a |another |one more |my )?questions?\b(?:\s+(?:asking|to ask))?[\s:,-]*(.*)$", re.I
)
# "cancel", "leave them all, I pressed the wrong thing": a read-back choice taken back.
_NEVER_MIND = re.compile(
    r"\b(?:cancel|neither|none|never\s?mind|forget (?:it|that)"
    r"|leave (?:it|them|them all|it as it is|them as they are)"
    r"|pressed the wrong|wrong button|changed my mind|keep (?:it|them)(?: all)?"
    r"|don'?t (?:remove|change) (?:it|them|anything))\b",
    re.I,
)


def never_mind(text: str) -> bool:
    """Has the person taken back a read-back choice ("cancel", "leave them all")?"""
    return bool(_NEVER_MIND.search(text))


# --- consent to share: never inverted -----------------------------------------------------------
# Taking sharing back, in words: "stop sharing", "unshare it", "I don't want them to see it".
_WITHDRAW = re.compile(
    r"\b(?:un-?share|stop(?:ped)? (?:sharing|them seeing)|withdraw|take (?:it|that|my plan) back"
    r"|no longer|hide (?:it|my plan)|keep it (?:to|for) (?:me|myself|us|her|him)|changed my mind"
    r"|(?:don'?t|do not|didn'?t|never|not|rather not|prefer not to)\s+(?:want\s+(?:\w+\s+){0,3}?to\s+)?"
    r"(?:share|shared|sharing|see|seeing|send|sent|show|read)"
    # consent taken that was never given: "wait i didnt say yes", "I never agreed to that" (s34 tester)
    r"|(?:didn'?t|didnt|did not|never)\s+(?:say|said)\s+yes|(?:didn'?t|didnt|did not|never)\s+agreed?)\b",
    re.I,
)
_SHARE_WORDS = re.compile(
    r"\b(?:share|shared|sharing|send|sent|pass (?:it )?on|show|(?:can|could|to) see"
    # "let sue see it before we go in", "let the nurse have a look" (not "let me see it")
    r"|let\s+(?!(?:me|us|myself)\b)(?:[\w']+\s+){1,3}(?:see|have a look|read|look at))\b",
    re.I,
)
_YES_INSIDE = re.compile(rf"\b(?:{_YES_WORDS}|ok|okay|sure|of course|please do|go on|go ahead)\b", re.I)
_NO_INSIDE = re.compile(
    rf"\b(?:{_NO_WORDS}|rather not|prefer not|best not|not really|(?:don'?t|do not|never) let)\b", re.I
)
# Showing it to them themselves, not sharing it: "I'll show them myself", "I'll take it in with
# me", "I'll print it and bring it", "I'll show the nurse on my phone". A no to sharing.
_SHOWN_BY_ME = re.compile(
    r"\b(?:show|take|bring|give|hand|read)\b[^.!?]{0,30}\b(?:myself|meself|in person"
    r"|on my (?:phone|tablet|ipad)|with me|when i (?:go|see))\b"
    r"|\b(?:i'?ll|ill|i will|i'?d rather|id rather)\s+(?:print|take|bring)\s+(?:it|this)\b",
    re.I,
)


# Asked for another way, at the question of sharing: "can you send it by post", "please send any
# letters to my daughter", "could you email it to me". The chat can't post, email or send it to
# family: what it can do is said, and the question asked again; never a yes (s31 tester).
_ANOTHER_WAY = re.compile(
    r"\b(?:by|in the|through the|via)\s+(?:post|mail|letter|e-?mail|text|fax)\b"
    r"|\b(?:post|e-?mail|fax|mail)\s+(?:it|this|them|me|a copy|my plan|any)\b"
    r"|\b(?:any|all|the|my|your)\s+letters\b"
    rf"|\bsend\b[^.!?]{{0,30}}\bto\s+(?:me|myself|(?:my|our|his|her)\s+(?:{interpret.KIN}|friend|neighbour|carer))\b",
    re.I,
)


def asks_another_way(text: str) -> bool:
    """At the question of sharing, does the message ask for the plan another way (by post, by
    email, to family) than to the care team?"""
    return bool(_ANOTHER_WAY.search(text))


def withdraws_sharing(text: str) -> bool:
    """Does the message ask, in words, for the plan to stop being shared (or not be shared)?"""
    return bool(_WITHDRAW.search(text))


def share_answer(text: str, intent: str | None = None) -> bool | None:
    """Yes or no to sharing the plan, read for consent: "mum says yes share it" or "I said
    yes dear, share it" is a yes; "keep it to me" or "don't send it" is a no; anything else
    is None, to be asked again. The words come before the NLU's guess, and a no is never
    read into a yes: consent must never be turned round."""
    if withdraws_sharing(text) or _SHOWN_BY_ME.search(text):
        return False
    if asks_who_sees(text) or asks_another_way(text):  # "if i share who sees it?", "can you post it?"
        return None
    said = interpret.yes_no(text)
    if said is not None:
        return said
    yes, no = _YES_INSIDE.search(text), _NO_INSIDE.search(text)
    if bool(yes) != bool(no):
        return bool(yes)
    if intent in {"affirm", "deny"} and not (yes or no):
        return intent == "affirm"
    if _SHARE_WORDS.search(text) and not no:
        return True  # "share it with the nurse"
    return None


def says_share(text: str) -> bool:
    """A yes that names sharing ("yes, send it to the stroke team"), not just "yes"."""
    return bool(_SHARE_WORDS.search(text)) and share_answer(text) is True


# Sharing only thought about, in a question: "if i share who exactly sees it?", "If I say yes,
# who will read it?" (tester s29: taken as a yes, and his plan was shared).
_IF_SHARED = re.compile(
    r"\b(?:if|when|once)\s+(?:i|we|u|you)\s+(?:do\s+)?"
    r"(?:share|shared|send|say yes|agree|click yes|press yes)\b",
    re.I,
)


# Whether someone would see it, asked anywhere in the message: "if i share it does meena see it",
# "i asked if meena will see it", "will her sister read what i wrote"; and sharing asked about
# with who is left out: "will you share it with dr okonjo only? not with meena?" (s34 tester: taken
# as a yes, and his plan went on to be shared).
_WOULD_SEE_IT = re.compile(
    r"\b(?:(?:does|do|will|would|can|could|might)\s+(?!(?:i|we|you|u)\b)(?:[\w']+\s+){1,3}?"
    r"|(?:if|whether)\s+(?!(?:i|we|you|u)\b)(?:[\w']+\s+){1,3}?(?:will\s+|would\s+|can\s+|could\s+)?)"
    r"(?:see|sees|read|reads|get to see|look at|have access to)\s+"
    r"(?:it|this|that|my plan|the plan|what i (?:wrote|write|put|said|say|typed))\b"
    r"|\b(?:will|would|do|does|can|could)\s+(?:you|u|it|this)\s+(?:\w+\s+)?(?:share|send|go|pass)\b"
    r"(?=[^.!?]*\b(?:only|just|not|no one|nobody)\b)[^.!?]*\?",
    re.I,
)


def asks_who_sees(text: str) -> bool:
    """Does the message ask who would see the plan, anywhere in it ("ok yeah thats right.
    last time, if i share who exactly sees it?")?"""
    asked = "?" in text or bool(re.search(r"\bwho\b", text, re.I))
    return (
        bool(META_PATTERNS["faq_who_sees"].search(text))
        or (asked and bool(_IF_SHARED.search(text)))
        or bool(_WOULD_SEE_IT.search(text))
    )


# Who they ask about, when it is someone the plan never goes to (tester s29: "can my mum see it"
# got the domestic abuse helpline, "people ... work at the surgery reception" and "dont want it
# sold to google" the stock reply). A partner, an ex or "he" keeps the honest phone answer
# with its helpline (faq_phone).
_ASKED_ABOUT = {
    "family": re.compile(
        r"\b(?:my|our|his|her)\s+(?:mum|mam|mom|mother|dad|father|parents?|family|kids|children|son"
        r"|daughter|sister|brother|nan|nana|gran|grandma|grandad|auntie|aunt|uncle|cousin|flat ?mates?"
        r"|house ?mates?)\b",
        re.I,
    ),
    "staff": re.compile(
        r"\b(?:reception(?:ists?)?|front desk|admin staff|office staff|the (?:surgery|practice) staff"
        r"|staff at the (?:surgery|practice)|people (?:who )?work(?:ing)? at the (?:surgery|practice))\b",
        re.I,
    ),
    "others": re.compile(
        r"\b(?:sold|sell|selling|google|facebook|meta|amazon|advertis\w*|marketing|compan(?:y|ies)|firms?"
        r"|insurance|insurers?|third part(?:y|ies)|my work|my job|my boss|employer|the uni|my uni|university"
        r"|college|my school|the dwp|dwp|benefits people|the police|the government|the home office)\b",
        re.I,
    ),
}


def who_is_asked_about(text: str, names: Iterable[str] = ()) -> tuple[str, ...]:
    """Who a question about who sees the plan names, when the plan never goes to them, in the
    order said ("does my mum see it? and my work?" is family, then others): "family", "staff"
    (the surgery's reception) or "others" (companies, work, college); none for anyone else, and
    for a partner or an ex (the phone answer, with its helpline). ``names``: the people the chat
    is about, by name; one of them as who might read it ("I don't want Ken reading about the
    bruises") is someone at home too."""
    if _PARTNER.search(text):
        return ()
    named = {who: found.start() for who, pattern in _ASKED_ABOUT.items() if (found := pattern.search(text))}
    if "family" not in named and (reader := _named_reader(text, names)) is not None:
        named["family"] = reader
    return tuple(sorted(named, key=named.__getitem__))


_READING = {"see", "read", "know", "find", "look"}


def _named_reader(text: str, names: Iterable[str]) -> int | None:
    """Where one of ``names`` is said as who might see or read it ("can Jean see this?", "I
    don't want Dot to know", "will Frank be able to read it"), or None."""
    known = {n.split()[0].lower() for n in names if n and n.split()}
    for token in parse(text):
        if token.dep_ != "nsubj" or token.lower_ not in known:
            continue
        if any(w.lemma_ in _READING and w.pos_ == "VERB" for w in token.head.subtree):
            return token.idx
    return None


_PARTNER = re.compile(
    r"\b(?:partner|husband|hubby|wife|boyfriend|girlfriend|fiance|fiancee|ex|other half)\b", re.I
)


# Stopping the sharing steps, not one detail: "skip. i dont want to share it. keep it to me",
# "I've changed my mind, don't send it"; never "I'd rather not share my phone number".
_A_DETAIL = re.compile(
    r"\b(?:share|send|give|tell|say)\w*\s+(?:you\s+)?(?:my|his|her|their|that|those|the)\s+"
    r"(?:nhs|number|name|date|birthday|phone|mobile|email|address|details?|contact)",
    re.I,
)


def stops_sharing(text: str) -> bool:
    """Said at the details asked for sharing: a no to sharing the plan itself."""
    return (withdraws_sharing(text) or bool(_SHOWN_BY_ME.search(text))) and not _A_DETAIL.search(text)


# Whether it was shared: "so did you share it or not??", "did they see it already??", "Did you
# send it to the nurse?", "has it been sent?". The answer comes from the store, never a guess.
_SHARED_YET = re.compile(
    r"\b(?:did|have|has|had)\s+"
    r"(?:you|u|ya|they|she|he|it|my plan|the plan|the (?:nurse|doctor|gp|team|care team))"
    r"\s+(?:already\s+|actually\s+|just\s+|even\s+)?"
    r"(?:share|shared|send|sent|pass(?:ed)? on|see|seen|read|been (?:shared|sent|seen))"
    r"(?:\s+(?:it|my plan|the plan|this|that|my answers))?(?:\s+(?:already|yet|or not|to|with)\b|\W*$|\s*\?)"
    r"|\bis (?:it|my plan|the plan) (?:already\s+)?(?:shared|sent|gone)\b",
    re.I,
)


def asks_if_shared(text: str) -> bool:
    """Does the message ask whether the plan has been shared (or seen) yet?"""
    return bool(_SHARED_YET.search(text))


_GOAL_NAMED = re.compile(
    r"(?:number\s*\d+|\b\d+\b|first|second|third|fourth|fifth|last|\b(?:the|my|his|her|our) [\w' ]+? one\b"
    r"|\bone (?:about|for|on) [\w' ]+)",
    re.I,
)


_HOW_MANY = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_WHICH = re.compile(
    r"\b(?:the )?(?P<first>first|1st) (?P<many>two|three|four|five|six|\d)\b"
    r"|\b(?P<one>first|second|third|fourth|fifth|last|middle|\d)(?:st|nd|rd|th)?\b",
    re.I,
)


def which_ones(text: str, count: int) -> list[int]:
    """The positions (0-based) named in "take off the first two", "number 1 and 3" or
    "the last question", among ``count`` items; empty when none is named."""
    picked: set[int] = set()
    for found in _WHICH.finditer(text):
        if found.group("many"):
            many = found.group("many").lower()
            picked.update(range(_HOW_MANY.get(many) or int(many)))
        elif found.group("one").lower() == "middle":
            picked.update({count // 2} if count % 2 else set())  # of an even number: none is
        else:
            position = _ORDINALS.get(found.group("one").lower()) or int(found.group("one"))
            picked.add(position - 1 if position > 0 else count - 1)  # "last" is -1
    return sorted(i for i in picked if 0 <= i < count)


# A piece of an item quoted to name it: "take off 'like medically?' too" (not the ' of "it's")
_QUOTED = re.compile(r"(?:^|(?<=[\s(:]))['\"‘“](.{3,}?)['\"’”](?=[\s,.!?;:)]|$)")
# The words of a removal itself, which name nothing ("remove the question that begins ...")
_REMOVAL_WORDS = {
    *"remove delete take drop scrap cross bin ditch rid question begin start say read".split(),
    *"too also please plan off thing part same".split(),
}


def named_by_words(text: str, items: list[str]) -> list[int]:
    """The position (0-based) of the one item the message names by its words: a quoted piece
    ("take off 'like medically?' too") or the words of it ("remove the question about the
    flu jab"); empty when no item, or more than one, fits as well."""
    quoted = _QUOTED.search(text)
    wanted = {_stem(w) for w in content_words(quoted.group(1) if quoted else text) - _REMOVAL_WORDS}
    scores = [len(wanted & {_stem(w) for w in content_words(item)}) for item in items]
    best = max(scores, default=0)
    return [scores.index(best)] if best and scores.count(best) == 1 else []


# "take the word yes off the front of my question": a word struck from an item, not the item.
# Or a quoted piece of it, however long: "take the 'Oh and silly me' off my questions" (s31 tester).
_WORDS_OFF = re.compile(
    r"\b(?:take|get|cut|remove|delete|drop)\s+(?:rid of\s+)?"
    r"(?:the\s+(?:word|words|bit)\s+|the\s+(?=['\"‘“]))?"
    r"(?:['\"‘“](?P<quoted>[^'\"’”]{1,60})['\"’”]"
    r"|['\"‘“]?(?P<words>[\w'-]+(?:\s+[\w'-]+){0,2}?)['\"’”]?)\s+(?:off|out of|out|from)\s+"
    r"(?:the\s+(?:front|start|beginning|end)\s+of\s+)?(?:my|the|that|this|his|her|their|our)\b",
    re.I,
)
_NOT_WORDS = re.compile(r"^(?:it|them|that|this|those|all|everything|one|number\s*\d+|\d+)$", re.I)


def words_off(text: str, items: list[str]) -> tuple[int, str] | None:
    """The one item a message strikes some words from, and what is left of it: "take the
    word yes off the front of my question" -> (0, "Why did it take so long?"). None when
    the words name no single item, or are the whole item (that is removing it)."""
    found = _WORDS_OFF.search(text)
    if (
        not found
        or _NOT_WORDS.match(words := (found.group("quoted") or found.group("words")).strip("'\"‘’“” "))
        or which_ones(words, len(items))
    ):
        return None
    piece = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)[\s.,!:;-]*", re.I)
    holding = [i for i, item in enumerate(items) if piece.search(item)]
    if len(holding) > 1:  # "off my first question": the one named of those holding the words
        holding = [i for i in holding if i in which_ones(text[found.end() :], len(items))]
    if len(holding) != 1:
        return None
    left = piece.sub("", items[holding[0]], count=1).strip(" ,.;:-")
    return (holding[0], left[:1].upper() + left[1:]) if left else None


# "put them back", "bring my questions back", "undo that": the last removal taken back.
_PUT_BACK = re.compile(
    r"\b(?:put|bring|get|add)\s+(?:it|them|that|those|(?:my|the|his|her)\s+\w+(?:\s+\w+)?)\s+back\b"
    r"|\b(?:undo|restore)\b",
    re.I,
)


def puts_back(text: str) -> bool:
    """Does a read-back message ask for what was just taken off to be put back?"""
    return bool(_PUT_BACK.search(text))


# "Put the goal back", "put my goal back how it was", "undo the change to number 1"
_GOAL_WORD = re.compile(r"\b(?:goals?|aims?|number\s*\d|(?:first|second|third|last)\s+one)\b", re.I)


def puts_goal_back(text: str) -> bool:
    """Does a read-back message ask for a goal's words to be put back as they were ("No. You
    changed my goal. That was meant to be support. Put the goal back."), not its questions?"""
    found = _PUT_BACK.search(text)
    return bool(found) and bool(_GOAL_WORD.search(found.group(0)) or _GOAL_WORD.search(text))


_ALL_OF_THEM = re.compile(r"\b(?:all|every|both|them|questions)\b", re.I)


def all_questions(text: str) -> bool:
    """Does a removal name every question ("remove the questions", "take them all off"),
    not one of them ("remove the question")?"""
    return bool(_ALL_OF_THEM.search(text))


def review_choice(text: str, intent: str | None = None) -> ReviewChoice | None:
    """The read-back answer, from "yep looks good", "nah", "change number 2", "the date is wrong"..."""
    lowered = text.lower()
    if _DATE.search(lowered) and re.search(r"\b(?:wrong|not right|change|incorrect|moved)\b", lowered):
        return ReviewChoice("date")
    if _QUESTIONS.search(lowered):
        if _REMOVE.search(lowered):
            return ReviewChoice("remove_questions")
        if _CHANGE.search(lowered) or re.search(r"\b(?:wrong|not right)\b", lowered):
            return ReviewChoice("questions")
    added = _ADD.search(text)
    if added and not _REMOVE.search(text):
        words = added.group(1).strip(" .:;,-")
        if asking := _A_QUESTION.match(words):  # "add a question about the rehab": not a goal
            rest = asking.group(1).strip(" .")
            kept = words if re.match(r"(?:about|on|for)\b", rest, re.I) else rest
            return ReviewChoice("add_question", words=kept or None)
        return ReviewChoice("add", words=words if len(words.split()) >= 2 else None)
    for kind, pattern in (("remove", _REMOVE), ("change", _CHANGE)):
        found = pattern.search(text)
        if found:
            # "remove number 2", or the goal named first: "number 1's rubbish, bin it"
            named = _GOAL_NAMED.search(next((g for g in found.groups() if g), "")) or _GOAL_NAMED.search(
                text[: found.start()]
            )
            return ReviewChoice(kind, goal=named.group(0) if named else None)
    if _JUST_SEND.match(text):
        return ReviewChoice("confirm")
    if _LATER.search(text):
        return ReviewChoice("later")
    answer = interpret.yes_no(text, intent if intent in {"affirm", "deny"} else None)
    if answer is None:  # "It will have to do. Yes.": the last word on it
        answer = interpret.yes_no(re.split(r"(?<=[.!?])\s+", text.strip())[-1])
    if answer is True or intent == "confirm_plan" or (answer is None and _LOOKS_RIGHT.search(text)):
        return ReviewChoice("confirm")
    return None


# "ugh whatever just send it", "fine, share it": a yes, said tired of the read-back
_JUST_SEND = re.compile(
    r"^\W*(?:(?:ugh|oh|ok|okay|fine|whatever|yeah|yes|just|go on|alright|right|its fine|it'?s fine)\W+)*"
    r"(?:whatever|(?:just\s+)?(?:send|share)\s+(?:it|that|them|the plan|the lot)"
    r"(?:\s+(?:off|on|over|then|now|please|already))*)\W*$",
    re.I,
)
# "not yet, I want to think about it", "stop for now": the read-back ends kindly, nothing changed
_LATER = re.compile(
    r"^\W*(?:not yet|stop|pause|later|maybe later|not now|let me think"
    r"|i(?:'d| would)? (?:want|like|need) to think"
    r"|i'?ll (?:think|come back|finish)|leave it (?:there|for now)|that'?s enough for now)\b",
    re.I,
)
# "the goals are right", "it all looks fine to me": a yes without a yes-word (never with a "but")
_LOOKS_RIGHT = re.compile(
    r"^(?!.*\b(?:not|n'?t|wrong|but|except|apart)\b).*\b(?:is|are|looks?|all|it'?s|that'?s)\s+(?:all\s+)?"
    r"(?:right|correct|good|fine|ok|okay|spot on|perfect|grand)\b",
    re.I,
)
# Where one read-back message holds several instructions: a new sentence, or "and"/"then"
# before another instruction ("get rid of 1. change number 2 to ... and add one about ...").
_NEXT_INSTRUCTION = re.compile(
    r"(?<=[.!?;])\s+(?:and\s+|then\s+)*"
    # "remove number 1, add one about jars": a comma before a plain instruction
    r"|,\s+(?=(?:please\s+)?(?:add (?:one|a|another)|remove|delete|change (?:number|the|it))\b)"
    # "add a goal about sleeping, that's the most important one"
    r"|,\s+(?=(?:that'?s|thats|that is|it'?s|its) (?:the )?(?:main|most important|priority|top)\b)"
    r"|,?\s+(?:and|then)\s+(?:then\s+|also\s+)?(?=(?:please\s+)?"
    r"(?:add|remove|delete|take|get rid|change|make|put|number\s*\d|drop|scrap|cross|bin"
    r"|the \w+ (?:one|question)|the (?:time|date)|(?:you )?(?:haven'?t|have not|didn'?t) put)\b)",
    re.I,
)


# The appointment's time named at the read-back: "the time is half ten", "you haven't put the time"
_THE_TIME = re.compile(r"\b(?:the|its|it'?s) time\b|\btime (?:is|was|should|it'?s|its)\b", re.I)


# Who the appointment is with, said again at the read-back: "change who the appointment is
# with to Sister Dawes", "the appointment should just say the podiatrist", "the appointment
# says ... change it to just pain clinic", "Appointment wrong words. Only Audiology hospital".
_APPOINTMENT_NAMED = re.compile(r"\bappointment\b|\bwho (?:it'?s|it is|i'?m seeing|i see)\b", re.I)
_NEW_WORDING = re.compile(
    r"(?:\b(?:change|make|put|correct)\s+(?:it|that|this|who\b[^.!?]*?|the appointment\b[^.!?]*?)"
    r"\s+(?:to|as|into)"
    r"|\bshould\s+(?:just\s+|only\s+)?(?:say|read|be)|^\W*(?=only\b))"
    r"\s*(?:just\s+|only\s+)?(?:say\s+)?['\"‘“]?(?P<who>[^.!?\"’”]+)",
    re.I,
)
_WHEN_NAMED = re.compile(r"\b(?:time|date|day|when)\b", re.I)
# What names a goal or a question, not the appointment: "number 1 should say ... in 6 months".
_OTHER_TARGET = re.compile(r"\b(?:goals?|number\s*\d+|questions?)\b", re.I)


# Who it is with, said plainly: "the appointment is with the orthopaedic clinic", "who its
# with is the shoulder clinic", "it's with the neurologist"
_WITH_NOW = re.compile(
    r"(?:\bthe appointment(?:'s|\s+is|\s+should be|\s+was)?"
    rf"|^\W*(?:(?:{_NO_WORDS}|oh|sorry|actually|dear|love|well)\W+)*(?:it'?s|its|it is|it should be))"
    r"\s+(?:actually\s+|really\s+|meant to be\s+)?with\s+(?P<who>[^.!?]+)"
    r"|\bwho (?:it'?s|its|it is|i'?m seeing|i see)(?:\s+with)?\s+(?:is|should be|should say)"
    r"\s+(?P<who2>[^.!?]+)",
    re.I,
)


def appointment_with_said(text: str) -> str | None:
    """Who the appointment is with, as a read-back message rewords it; None when it names
    no new wording for the appointment (or the wording is a date or a time)."""
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()) if _APPOINTMENT_NAMED.search(text) else []:
        found = _NEW_WORDING.search(sentence)
        who = found["who"].strip(" ,'\"") if found else ""
        rest = sentence[found.start("who") :] if found else ""
        if who and not (
            _OTHER_TARGET.search(who)
            or _WHEN_NAMED.search(sentence)
            or dates.when(rest)
            or dates.time_of(rest)
        ):
            return who
    plainly = _WITH_NOW.search(text)
    return clinician(plainly["who"] or plainly["who2"], asked=True) if plainly else None


def names_other_target(text: str) -> bool:
    """Does a read-back message name a goal or a question ("number 1 should say ... in 6
    months")? Then a date in it is that goal's, never the appointment's."""
    return bool(_OTHER_TARGET.search(text))


# Times that are not the appointment's: the wrong one named ("not 8am", "not at 2"), and
# someone's routine ("8 is when the carers come", "carers come in at 8 and 5", "his tablets
# are at 9 and 1", "i pick the kids up at 3") (tester s29: the carers' 8am became the appointment).
_A_TIME = r"\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock)?"
_NOT_THESE_TIMES = re.compile(
    rf"\b(?:not|isn'?t|wasn'?t|instead of)\s+(?:at\s+)?{_A_TIME}(?!\s*(?:th|st|nd|rd)\b)"
    rf"|\b{_A_TIME}\s+(?:is|'s|was|are)\s+(?:when|what time)\b[^.!?;]*"
    rf"|\b{_A_TIME}\s+(?:ones?|tablets?|pills?|meds|doses?|injections?|visits?|calls?|carers?|bus|run)\b"
    r"|\b(?:carers?|home ?help|district nurses?|meals on wheels|tablets|pills|meds|medication|insulin"
    r"|injections?|breakfast|lunch|dinner|tea ?time|bed ?time|the (?:bus|taxi|school run)|kids|school"
    r"|work|shift)\b[^.!?;]{0,30}?\b(?:at|by|around|about)\s+"
    rf"{_A_TIME}(?:\s*(?:,|and|&|or|then)\s*{_A_TIME})*",
    re.I,
)


def appointment_times(text: str) -> str:
    """The message without the times it says are not the appointment's ("its 11.15 not 8am. 8
    is when the carers come" is "its 11.15 ."), so only the appointment's time is read."""
    return _NOT_THESE_TIMES.sub(" ", text)


# "and the time is 3": an hour alone, after "the time is"
_BARE_HOUR = re.compile(r"\btime (?:is|was|should be|'?s)\s+(?:at\s+)?(\d{1,2})\W*$", re.I)


def time_said(text: str) -> str | None:
    """The appointment's time ("HH:MM") a read-back message gives: "and the time is half
    ten", "add the time, it's 10:30", "the time is 3" (read as dates reads "at 3")."""
    if not _THE_TIME.search(text):
        return None
    text = appointment_times(text)
    bare = _BARE_HOUR.search(text)
    return dates.time_of(text) or (dates.time_of(f"at {bare[1]}") if bare else None)


def instructions(text: str) -> list[str]:
    """The instructions in one read-back message, in the order said; the message itself
    when it holds fewer than two (a part that instructs nothing, like "no.", is left out)."""
    found: list[str] = []
    for part in (p.strip(" ,;") for p in _NEXT_INSTRUCTION.split(text) if p and p.strip(" ,.;")):
        if found and _ITS_WORDS.match(part):  # "change goal 1. It needs to say: ...": one instruction
            found[-1] = f"{found[-1]} {part}"
        elif (
            correction(part) is not None
            or time_said(part)
            or (review_choice(part) or ReviewChoice("confirm")).choice not in {"confirm", "later"}
        ):
            found.append(part)
    return found if len(found) > 1 else [text]


# What the goal named just before should say: "It needs to say: walk to the park", "that should read ..."
_ITS_WORDS = re.compile(
    r"^\W*(?:it|that|this)\s+(?:should|must|wants? to|needs? to|has to|ought to)\s+(?:say|read|be)\b", re.I
)


# --- instructions said at any question --------------------------------------------------------
# "remove number 2", "change number 1", "take that one off" at "What are you good at?": what the
# read-back understands, understood at every question, and never kept as that question's answer.
_GOAL_HEADS = {"number", "goal", "one", "aim"}
_WANTING = {"want", "like", "need", "wanna", "would"}
_NOT_YOU = {"i", "we", "he", "she", "they", "it", "that", "this"}


@dataclass(frozen=True)
class Instruction:
    """An instruction about a goal, said at a question: "remove" or "change" (``words`` None
    when what it should say is still to be asked), with the goal as it was named."""

    kind: str
    goal: str
    words: str | None = None


def _told_to(verb: Token) -> bool:
    """Is ``verb`` said as an instruction: "remove ...", "can you remove ...", "can we change ...",
    "i want to change ...", never a statement about someone ("she takes that one off")?"""
    if verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() in _WANTING:
        verb = verb.head
        return not any(c.dep_ == "nsubj" and c.lower_ not in {"i", "we"} for c in verb.children)
    asking = any(c.dep_ == "aux" and c.lower_ in {"can", "could", "may", "shall"} for c in verb.children)
    return verb.dep_ == "ROOT" and not any(  # "can we change number 1" asks; "we change it" tells
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _NOT_YOU and not (asking and c.lower_ in {"i", "we"})
        for c in verb.children
    )


def _goal_object(doc: Doc) -> Span | None:
    """The goal an instruction names as its object: "number 2", "that one", "the second goal",
    "the swimming one" (never "one of my shifts", or a thing that is no goal: "my socks")."""
    for token in doc:
        heads = token.lower_ in _GOAL_HEADS or token.like_num or token.lower_ in _ORDINALS
        if (
            token.dep_ not in _OBJECTS | {"nsubjpass"}
            or not heads
            or any(c.lower_ == "of" for c in token.children)
        ):
            continue
        verb = next((t for t in [token, *token.ancestors] if t.dep_ in {"ROOT", "xcomp", "ccomp"}), None)
        if verb is not None and _told_to(verb):
            return doc[token.left_edge.i : token.right_edge.i + 1]
    return None


# Text speak spelt out for the parse: "can u delete number 3 pls" parses as "can you delete ... please"
_SPELT_OUT = {"u": "you", "pls": "please", "plz": "please"}
_TEXT_SPEAK = re.compile(r"\b(?:u|pls|plz)\b", re.I)
# The new words after the goal named: "to say ...", ". it should say ...", "to: ..."
_ITS_NEW_WORDS = re.compile(
    r"^\W*(?:(?:so\s+)?(?:it|that|this)\s+)?"
    r"(?:to\s+(?:say|read)|says|reads|(?:should|must|needs? to|has to)\s+(?:say|read|be)|to)"
    r"\s*:?\s*(?P<words>\S.*)$",
    re.I | re.DOTALL,
)


def instruction(text: str) -> Instruction | None:
    """A goal taken off or changed, said at a question: "remove number 2", "can u delete the
    swimming one", "change number 1", "i want to change the goal. it should say walking to the
    shop". None for an answer that only uses such words ("I want to change how I get to the
    shops", "number 2 bus is my lifeline", "drop one of my shifts")."""
    first, _, rest = text.strip().partition(". ") if len(_PARTS.split(text.strip())) > 1 else (text, "", "")
    choice = review_choice(first)
    if choice is None or choice.choice not in {"remove", "change"}:
        return None
    first = _TEXT_SPEAK.sub(lambda found: _SPELT_OUT[found[0].lower()], first)
    named = _goal_object(parse(re.split(r"[,;:]", first, maxsplit=1)[0]))  # the instruction's own clause
    if named is None or len(first[: named.end_char].split()) > 10:  # (the new words may be long)
        return None
    after = f"{first[named.end_char :]} {rest}".strip(" ,.")
    found = _ITS_NEW_WORDS.match(after) if choice.choice == "change" else None
    words = _MANNERS.sub("", found["words"]).strip(" .'\"") if found else None
    return Instruction(choice.choice, named.text, words or None)


# --- which part of the appointment is wrong ---------------------------------------------------
# The appointment's parts, by the words that name them: who it is with (the catalogue's clinicians
# and places), the date, the time, and what it is for.
APPOINTMENT_PARTS = ("appointment_with", "appointment_when", "appointment_time", "appointment_reason")
_PART_WORDS = {
    "appointment_with": {"who", "person", "name", *_CLINICIANS, *_LOOSE_PLACES},
    "appointment_when": {"date", "day", "when", "month"},
    "appointment_time": {"time"},
    "appointment_reason": {"reason", "for", "why"},
}
# The last word of what is said to be wrong, when it is a part: "the appointment bit", "who it's with"
_A_PART_SAID = {"appointment", "appt", "bit", "part", "details", "with", *set().union(*_PART_WORDS.values())}
_SAID_WRONG = r"(?:wrong|not right|incorrect|not correct)\b(?!\s+(?:about|with|to|for|of)\b)"
# "the appointment bit is wrong", "appointments wrong", "that's not the right clinic", "wrong date"
_PART_WRONG = re.compile(
    r"(?P<said>[\w'’ ]{1,40}?)\s*(?:'s|’s|\s+is|\s+was|\s+are|\s+were|(?<=t)s)\s+"
    rf"(?:all\s+|totally\s+|completely\s+|a\s+bit\s+)?{_SAID_WRONG}"
    r"|(?:\b(?:the|a) wrong|\bnot the (?:right|correct)|^\W*wrong)\s+(?P<said2>[\w'’]+(?:\s+[\w'’]+){0,3})",
    re.I,
)
# "not the date!! the name of the clinic": one part said not to be it, another named
_NOT_THAT_PART = re.compile(
    r"\bnot\s+(?:the\s+)?(?P<part>date|day|time|clinic|name|reason|doctor|nurse)\b", re.I
)


def _parts_named(words: str) -> set[str]:
    said = set(re.findall(r"[a-z]+", words.lower()))
    return {part for part, named in _PART_WORDS.items() if said & named}


def appointment_part_wrong(text: str) -> Correction | None:
    """A part of the appointment said to be wrong, at any question: "the clinic is wrong" or
    "that's not the right clinic" (who it is with), "the time is wrong", "what it's for is
    wrong", or "not the date!! the name of the clinic" (who it is with, not the date); the part
    as its question's key, or None as the value when no part is named ("the appointment bit is
    wrong": which part is asked). None when nothing of the appointment is said to be wrong ("the
    doctor was wrong about my knee", "my name is wrong")."""
    for sentence in re.split(r"(?<=[.!?;])\s+", text.strip()):
        if len(sentence.split()) > 12:
            continue
        found = _PART_WRONG.search(sentence)
        said = (found["said"] or found["said2"]) if found else ""
        if found and found["said"] and said.split()[-1].lower() not in _A_PART_SAID:
            continue  # "the nurse got my tablets wrong": the tablets, not the appointment
        mine = re.search(r"\bmy name\b", said, re.I)  # "my name is wrong": theirs, not the clinic's
        named = _parts_named(said) - ({"appointment_with"} if mine else set())
        if found and (named or re.search(r"\b(?:appointment|appt)s?\b", said, re.I)):
            return Correction("appointment", named.pop() if len(named) == 1 else None)
    negated = _parts_named(" ".join(m["part"] for m in _NOT_THAT_PART.finditer(text)))
    instead = _parts_named(_NOT_THAT_PART.sub(" ", text)) - negated
    if negated and len(instead) == 1 and len(text.split()) <= 12:
        return Correction("appointment", instead.pop())
    return None


def appointment_part(text: str) -> str | None:
    """The part of the appointment a reply names ("who it's with", "the date", "the clinic"),
    as its question's key; None when it names none, or more than one."""
    named = _parts_named(text)
    return named.pop() if len(named) == 1 else None
