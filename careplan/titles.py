"""A short goal title pulled from the person's own sentence, and its domain.

"I'd really love to work on my allotment again" becomes "Work on my allotment
again". The person's words are always kept in full beside the title; the title
only makes the summary scannable, so it must keep the goal's meaning:

- filler and complaints in front go ("well", "as I said", "I just told you,",
  "hmm, let me think", "for goodness sake");
- the wish goes ("I'd like to", "she wants to", "I wish I could"), wherever it
  starts, so "the evenings are long, I'd like someone to talk to" is
  "Someone to talk to";
- a trailing remark with its own subject goes ("see my son more, he lives in
  Australia" is "See my son more"), and so do words that only say how sure or
  polite someone is ("the talking, definitely" is "The talking");
- not knowing and complaints in front go too ("idk.", "god knows.", "what's the point.",
  "three things really:"), and so does chat after it ("would be a start lol", "x");
- a wish inside a question is not the wish ("whether I need an MRI scan" keeps "whether");
- misspellings that are no other word are mended, days and months get capitals ("Loose 2
  stone befor my daugters weding in june" is "Lose 2 stone before my daughter's wedding in
  June"); the person's own words, shown beside the title, stay as typed;
- a title longer than 72 characters is cut where a clause or phrase starts,
  never in the middle of one, with "…" to show there is more.

The domain comes from the words in the message, read as spaCy lemmas, so
"feet" counts as "foot". Words in the goal itself count for more than words in
the rest of the message. Health words in the goal itself count double, so "breathe
when I walk up the stairs" is a health goal, but "go to the allotment without my chest
playing up" is not. Sleep is health, unless it is lost to someone else's nights (a
carer's). One spaCy pass, without the parser or NER, serves both the title and the domain.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Token

from careplan.nlp import load_spacy
from careplan.words import listed

MAX_TITLE_CHARS = 72
# The goal said back in the chat ("I've written that down as a goal: ...") may be longer than
# the summary's title, so its point is heard: "..., so he can get into the greenhouse".
SAID_BACK_CHARS = 130

_SUBJECT = r"(?:i|we|he|she|they|you|mum|dad|mam|my (?:mum|dad|mother|father|wife|husband|partner)|[a-z]+)"
_FILLER = re.compile(
    r"\s*(?:(?:(?:idk|dunno|(?:i )?don'?t know|no idea)(?: really)?|"
    r"well|so|ok(?:ay)?|right|um+|erm+|er|uh|oh|mm+|yes|yeah|yep|aye|no|basically|honestly|"
    # what joins it to the goal before: "also he want to...", "and maybe getting my garden back"
    r"also|and|plus|"
    r"to be honest|tbh|anyway|i mean|i think|i suppose|i guess|i reckon|"
    r"maybe|perhaps|possibly|probably|mostly|mainly|"
    r"not sure(?: really)?|"
    r"(?:look|right|see)(?=,)|"
    r"(?:like|as) i(?:'ve| have)? (?:already |just )?(?:said|told you|mentioned|keep saying)"
    r"(?: (?:in|at) (?:my |the )?(?:first |last |other |earlier )?(?:message|start|beginning|answer)"
    r"| before| earlier| already)?|"
    # a word of affection before a comma: "Dear, ...", "yes love, ..."
    r"(?:dear|love|pet|hun|duck|darling|sweetheart|mate)(?=\s*[,.!])|"
    r"i(?:'ve| have)? (?:just |already )?(?:told you|said(?: that)?)(?: already| before)?|"
    # thinking aloud, and complaints about being asked: never the start of a title
    r"hmm+|oh|gosh|goodness|good question|let me think|let'?s see|fine|ugh+|sigh|"
    r"god knows|who knows|where do i (?:even )?start|"
    r"what'?s the point|whats the point|quick one|"
    r"(?:two|three|four|a few|some|a couple of|couple of) things(?: really| mainly)?(?=\s*:)|"
    r"for (?:goodness|heaven'?s|pete'?s) sake|how many times(?: do i have to say(?: it)?)?|"
    r"why do you keep asking(?: me)?(?: that| this)?|i keep saying|"
    # their own words passed on: "Connor says: go to Prenton Park...", "in her words - ..."
    r"[a-z]+\s+(?:says|said|told me)(?=\s*[:-])|in (?:his|her|their) (?:own )?words(?=\s*[:,-])"
    r")\b[\s,.!:;?-]*)+",
    re.IGNORECASE,
)
_ADVERBS = r"(?:\s+(?:really|just|so|still|also|only|actually|truly|dearly|very much|quite|much))*"
_ASKED = r"(?<!whether )(?<!if )(?<!what )(?<!how )(?<!when )(?<!where )"
_WISH = re.compile(
    rf"{_ASKED}\b(?:(?:i|we|they|you)(?:'d| would| should)?|(?:he|she|[a-z]+)(?:'d| would| should)){_ADVERBS}"
    r"\s+(?:like|love|want|wish|hope|need)\b(?:\s+to\b)?"
    rf"|{_ASKED}\b(?:he|she|[a-z]+){_ADVERBS}\s+(?:wants|wishes|hopes|needs)\b(?!\s+(?:me|us)\b)(?:\s+to\b)?"
    rf"|{_ASKED}\b(?:he|she){_ADVERBS}\s+want\s+to\b"  # English as a second language: "he want to"
    r"|\b(?:it'?d|it would|that'?d|that would) be (?:nice|good|great|lovely|brilliant|wonderful)\b"
    r"(?:\s+to\b)?"
    r"|\bwould be (?:nice|good|great|lovely|brilliant|wonderful) to\b"
    r"|\b(?:i'?m|i am|he'?s|she'?s|we'?re) (?:hoping|trying|aiming|wanting|planning) to\b"
    r"|\b(?:my|his|her|our|the) (?:goal|aim|hope|wish|plan) is (?:to\b)?",
    re.IGNORECASE,
)
# "I wish I could", "I'd like to be able to": more wish straight after the first
_MORE_WISH = re.compile(
    r"(?:(?:it\s+)?if\s+)?(?:just\s+)?(?:(?:i|we|he|she|they)\s+(?:could|can)\b|be able to\b|to\b)\s*"
    r"|(?:for )?(?:him|her|them) to\b\s*|for (?:mum|mam|dad|my \w+) to\b\s*"
    r"|(?:(?:really|just)\s+)*(?:(?:want|would like|would love|need|like|love)\s+to|wanna|gonna)\b\s*",
    re.IGNORECASE,
)
_FEELING_START = re.compile(
    r"(?:i'?m|i am|he'?s|she'?s|they'?re)\s+(?=worried|scared|frightened|anxious)", re.I
)
# A remark after a comma or "but" that has its own subject is context, not goal; so is one
# dictation left without a comma ("knit again my hands are too stiff now"), unless a word
# ties it to the goal ("walk to the shop when my legs are better", "understand why my kidneys
# are getting worse").
_NOT_AFTER_A_LINK = "".join(
    rf"(?<!\b{w})"
    for w in (
        *("and", "or", "but", "so", "when", "if", "as", "until", "because", "cos", "while", "since", "that"),
        *("why", "how", "what", "whether", "where", "till"),
    )
)
_REMARK = re.compile(
    r"(?:,|\s-|\bbut\b|\bbecause\b|\bcos\b|(?<!long )(?<!soon )(?<!much )(?<!far )(?<!well )\bas\b)"
    r"\s+(?:i|i'm|im|i've|he|he's|she|she's|it|it's|its|they|they're|we|[a-z]+ and (?:me|i)|"
    r"(?:mum|dad|mam|nan|grandad) (?:is|was|has|keeps|gets)|"
    r"(?:my|his|her|their) \w+ (?:is|are|was|were|has|have))\b.*$"
    rf"|{_NOT_AFTER_A_LINK}\s+(?:my|his|her|their) \w+ (?:is|are|was|were)"
    r" (?:too|so|very|really|not|getting)\b.*$",
    re.IGNORECASE,
)
# After the goal, words that only say how sure or polite someone is: "the talking, definitely",
# "more time with my wife to be honest". Anything after them ("..., definitely, as long as
# my hip lets me") is a condition, not the goal.
_TRAILING = re.compile(
    r"(?:\s*,\s*|\s+)(?:(?:definitely|really|please|i suppose|i guess|i think|to be honest|tbh|"
    r"maybe|perhaps|possibly|"
    r"for sure|if possible|ideally|mainly|that'?s (?:all|it)(?: really)?|if i can|if that'?s ok(?:ay)?|"
    r"(?:that |it )?would be (?:a (?:good )?start|nice|good|great|lovely|ideal|brilliant)|for starters|"
    r"lol+|haha+|ha|x+)\b"
    r"[\s,.!]*)+(?:$|(?<=,)\s*(?:as long as|so long as|if|as|but|though)\b.*$|(?<=, ).*$)",
    re.IGNORECASE,
)
_TYPOS = {"wud": "would", "wld": "would", "u": "you", "id": "I'd", "im": "I'm"}
# Misspellings that are no other word, mended in the title (their words stay as typed).
_MENDS = {
    "befor": "before", "b4": "before", "weding": "wedding", "daugter": "daughter", "daugters": "daughters",
    "geting": "getting", "breth": "breath", "bak": "back", "thru": "through", "nite": "night",
    "diabetis": "diabetes", "excercise": "exercise", "alot": "a lot", "ive": "I've", "dont": "don't",
    "cant": "can't", "nites": "nights", "didnt": "didn't", "doesnt": "doesn't", "shes": "she's",
    "hes": "he's",
    "grandaughter": "granddaughter", "grandaughters": "granddaughters", "freinds": "friends",
    "freind": "friend", "tabelts": "tablets", "hospitl": "hospital", "appointmnet": "appointment",
}  # fmt: skip
_MEND = re.compile(rf"\b(?:{'|'.join(_MENDS)})\b", re.I)
# "loose 2 stone" is "lose"; "my daughters wedding" is her wedding; "a good nights sleep"
_LOSE = re.compile(
    r"\bloose(?= (?:\d+\s*(?:stone|st|kg|kilos?|lbs?|pounds)|(?:a bit of |some )?weight)\b)", re.I
)
_WHOSE = re.compile(
    r"\b(daughter|son|grandson|granddaughter|sister|brother|wife|husband|mum|dad|niece|nephew|friend)s"
    r"(?= (?:wedding|birthday|graduation|christening|funeral|house|grave|party|school|new baby)\b)",
    re.I,
)
# Names of days and feasts, always capitals; months, and their short forms, where plainly dates
# ("in june", "by feb"): "march" and "may" are words too.
_DAYS = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|christmas|xmas|easter|new year)\b", re.I
)
_MONTHS = re.compile(
    r"(?<=\b(?:in|by) )(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
    r"|\b(?:january|february|april|june|july|august|september|october|november|december)\b",
    re.I,
)
# Words that start a new clause: the best places to cut a long title.
_CLAUSE_WORDS = {
    "and", "or", "but", "so", "because", "cos", "without", "when", "if", "as", "until", "before", "after",
    "while", "though", "although", "which", "who", "where",
}  # fmt: skip
# Words a cut title must not end on.
_DANGLING = {
    "and", "or", "but", "so", "to", "the", "a", "an", "with", "of", "for", "in", "on", "at", "my", "his",
    "her", "their", "our", "your", "from", "into", "by", "about", "without", "be", "can", "i", "is",
}  # fmt: skip


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("’", "'")).strip()[:500]
    text = re.sub(r"\b(?:wud|wld|u|id|im)\b", lambda m: _TYPOS[m.group(0).lower()], text, flags=re.I)
    text = re.sub(r"\bb (?=able\b)", "be ", text, flags=re.I)
    text = _MEND.sub(lambda m: _MENDS[m.group(0).lower()], text)
    text = _WHOSE.sub(r"\1's", _LOSE.sub("lose", text))
    text = re.sub(r"\b(night|day)s (?=sleep|rest|work)", r"\1's ", text, flags=re.I)
    # a small word typed twice ("swim at the the lido"): only words never doubled on purpose
    text = re.sub(r"\b(the|a|an|to|my|of|in|on|at|for|with|and|is|it)\s+\1\b", r"\1", text, flags=re.I)
    # "i want 2 walk", but "lose 2 stone" keeps its number
    return re.sub(
        r"\b(want|wants|like|love|need|able|going|got|have|try|hoping|wish|back|get|go) 2\b",
        r"\1 to",
        text,
        flags=re.I,
    )


class _Goal(NamedTuple):
    """Where the goal sits in the tidied message: one spaCy parse serves title and domain."""

    doc: Doc
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]

    def tokens(self, end: int | None = None) -> list[Token]:
        stop = self.end if end is None else end
        return [t for t in self.doc if self.start <= t.idx < stop]


_FESTIVALS = {"christmas", "xmas", "easter", "diwali", "eid", "hanukkah"}
_CALENDAR = {name.lower() for name in (*calendar.day_name, *calendar.month_name) if name} | _FESTIVALS
_STRIP = " .,!?;:-\"'“”"


# What the wish is for, said as a word pointing back: "..., he wants that sorted", "..., she
# wants it looked at", "..., I want them checked".
_POINTS_BACK = re.compile(r"\s*(?:it|that|this|them|those)\b", re.I)


@lru_cache(maxsize=128)
def _goal(text: str) -> _Goal:
    """Find the goal: drop filler, the wish and a trailing remark, keeping character offsets."""
    tidied = _tidy(text)
    sentences = [(m.start(), m.end()) for m in re.finditer(r"\S.*?(?:[.!?]+(?=\s|$)|$)", tidied)]
    # The goal is in the first sentence with words in it, or in the first that says a wish:
    # "Claire again, mum's gone to put the kettle on. I'd like her to be safe at home".
    said = []
    for s_start, s_end in sentences:
        skip = _FILLER.match(tidied, s_start, s_end)
        if tidied[skip.end() if skip else s_start : s_end].strip(_STRIP):
            said.append((skip.end() if skip else s_start, s_end))
    wished = [(s, e) for s, e in said if _WISH.search(tidied, s, e)]
    start, end = (wished or said or [(0, len(tidied))])[0]
    wish = _WISH.search(tidied, start, end)
    before = tidied.rfind(",", start, wish.start()) if wish and _POINTS_BACK.match(tidied, wish.end()) else -1
    if before > start:
        end = before  # "his teeth hurting, he wants that sorted": the teeth, never "That sorted"
    elif wish:
        start = wish.end()
    for pattern in (_FILLER, _MORE_WISH, _MORE_WISH, _FILLER, _FEELING_START):
        while start < end and tidied[start] == " ":
            start += 1
        found = pattern.match(tidied, start, end)
        start = found.end() if found else start
    remark = _REMARK.search(tidied, start, end)
    end = remark.start() if remark else end
    trailing = _TRAILING.search(tidied, start, end)
    end = trailing.start() if trailing and trailing.start() > start else end
    while start < end and tidied[start] in _STRIP:
        start += 1
    while end > start and tidied[end - 1] in _STRIP:
        end -= 1
    if start == end:
        start, end = 0, len(tidied.rstrip(_STRIP))
    # tags and lemmas are all we need: skipping the parser and NER halves the time
    return _Goal(load_spacy()(tidied, disable=["parser", "ner"]), start, end)


def goal_words(text: str) -> str:
    """The goal itself, without filler, the wish or a trailing remark (not yet shortened)."""
    return _goal(text).text


def _cut(goal: _Goal, chars: int) -> str:
    """Shorten at the last clause start that fits, else the last phrase start, else a word."""
    tokens = goal.tokens()
    limit = goal.start + chars - 1
    inner = tokens[1:]
    clause_starts = [t.idx for t in inner if t.lower_ in _CLAUSE_WORDS or t.nbor(-1).is_punct]
    phrase_starts = [t.idx for t in inner if t.pos_ in {"ADP", "CCONJ", "SCONJ"}]
    word_starts = [t.idx for t in inner]
    cut = goal.doc.text[goal.start : limit]
    for starts in (clause_starts, phrase_starts, word_starts):
        fitting = [i for i in starts if goal.start + 15 <= i <= limit]
        if fitting:
            cut = goal.doc.text[goal.start : max(fitting)]
            break
    words = cut.rstrip(" ,;:-").split(" ")
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(" ,;:-") + "…"


def short_title(text: str, chars: int = MAX_TITLE_CHARS) -> str:
    """A few words that name the goal, taken from the person's sentence (at most ``chars``);
    from a list's items, never its numbers or bullets ("1. X 2. Y" is named from "X, Y")."""
    goal = _goal(", ".join(items) if (items := listed(text)) else text)
    title = _cut(goal, chars) if len(goal.text) > chars else goal.text
    return _capitals(title[:1].upper() + title[1:])


def _capitals(title: str) -> str:
    """The capitals a title wants where they are sure: "I", days, feasts, months, TV."""
    title = re.sub(r"\bi\b", "I", title)
    title = re.sub(r"\btv\b", "TV", title)
    title = _DAYS.sub(lambda m: m.group(0).title() if m.group(0).lower() != "xmas" else "Xmas", title)
    return _MONTHS.sub(lambda m: m.group(0).title(), title)


# Single words match a token or its lemma; "word*" matches the start of one;
# words with a space match as a phrase.
DOMAIN_WORDS: dict[str, tuple[str, ...]] = {
    "end_of_life": (
        "die at home", "dying", "funeral", "end of life", "last wishes", "hospice", "my will",
        "happens at the end", "when i die", "resuscitat*", "dnr", "dnacpr", "when the time comes",
        "want at the end", "wishes at the end",
    ),
    "medicines": (
        "tablet", "medication", "medicine", "pill", "painkiller*", "inhaler", "insulin", "prescription",
        "dose", "meds", "injection", "patch", "blister pack", "dosette", "statin*", "morphine", "oramorph",
        "warfarin", "metformin", "antibiotic*", "steroid*", "eye drops", "jab", "jabs",
    ),
    "health": (
        "foot", "feet", "toe", "sugar", "blood", "pressure", "bp", "breath*", "breathe", "pain*", "ache*",
        "weight", "memory", "forget*", "diabet*", "heart", "chest", "lung*", "copd", "asthma", "dementia",
        "alzheimer*", "arthritis", "cancer", "stroke", "parkinson*", "epilep*", "kidney*", "eye", "sight",
        "hearing", "deaf", "bladder", "incontinen*", "continence", "wound", "ulcer", "skin", "cough*",
        "dizz*", "health*", "condition", "symptom*", "illness", "cholesterol", "infection*", "swell*",
        "kg", "kilo*", "lbs",
        "swollen", "hurt*", "sore", "fatigue", "angina", "hospital", "tia", "seizure*", "wheez*", "hot flush",
        "flushes", "menopaus*", "alcohol", "drinking", "the drink", "smok*", "cigarette*", "stone", "loo",
        "toilet", "hypo", "hypos", "hba1c", "glucose", "out of breath", "fits", "migraine*", "headache*",
        "sleep", "slept", "scan", "mri", "x-ray", "xray", "test", "tests", "result", "results", "operation",
        "op", "surgery", "cataract*", "tired", "tiredness", "exhausted", "my back", "bad back", "water",
        "fluids", "bloods", "diagnos*", "lump*", "cramp*", "hands", "fingers", "grip",
    ),
    "caring": (
        "break", "respite", "carer", "caring", "rest", "time for me", "time to myself", "sitter",
        "sitting service", "taken ill", "if i am ill", "if i'm ill", "back-up plan", "emergency plan",
    ),
    "money": (
        "money", "bill", "benefit*", "housing", "rent", "debt*", "afford*", "pension*", "universal credit",
    ),
    "work": (
        "work", "working", "full time", "part time", "shift", "shifts", "job", "volunteer*", "course",
        "learn*", "study", "college", "career", "retire*", "teach*", "office", "colleague*",
        "light duties", "phased return", "fit note", "sick note", "sick pay", "employ*", "wage*", "earn*",
        "food bank", "charity", "help out",
    ),
    "hobbies": (
        "allotment", "garden*", "paint*", "knit*", "read", "reading", "fish*", "golf", "music", "sing*",
        "choir", "bowl*", "crossword*", "bake", "baking", "holiday*", "seaside", "beach", "travel*",
        "football", "sport*", "hobby", "hobbies", "danc*", "craft*", "puzzle*", "bingo", "cinema", "theatre",
        "game", "games", "5 a side", "five a side", "piano", "guitar", "potter*", "shed", "diy", "woodwork*",
        "art", "arts", "class", "classes", "canal", "river", "rods", "pigeon*", "netball", "footy", "match",
        "veg", "vegetables", "sew", "sewing", "film", "films", "darts", "snooker", "quiz*",
    ),
    "family": (
        "grandchild*", "grandkid*", "grandson*", "granddaughter*", "grandad", "grandma", "grandpa", "nan",
        "nana", "family", "daughter*", "son", "sons", "wife", "husband", "partner", "wedding", "aisle",
        "children", "kid", "kids", "sister*", "brother*", "little ones", "niece*", "nephew*", "girls", "boys",
        "school run", "school pick", "from school", "ashes", "grave",
    ),
    "mobility": (
        "walk*", "stair*", "exercise*", "bike", "cycl*", "leg", "knee*", "hip", "balance", "move", "moving",
        "gym", "step*", "stand*", "run", "running", "physio*", "mobility", "wheelchair", "fall*", "fell",
        "stick", "frame", "swim*", "ride", "riding", "work out", "keep fit", "fitter", "upstairs",
        "downstairs",
    ),
    "social": (
        "friend*", "mate*", "club", "church", "group", "community", "pub", "social*", "lonel*", "neighbour*",
        "mosque", "temple", "gurdwara", "synagogue", "cafe", "out and about", "company", "evening*",
        "talk to", "talking", "meet people", "get out of the house", "day centre", "lunch club", "visitor*",
        "alone", "on my own", "out of the flat", "out of this flat", "stuck in", "pint", "lads", "memorial",
        "remembrance", "legion",
        "tea dance", "community centre", "coffee morning", "get out more", "go out more", "getting out",
    ),
    "home": (
        "home", "shopping", "shop", "cook*", "meal*", "wash*", "dress*", "bath", "bathe", "shower",
        "independen*", "clean*", "drive", "driving", "bus", "house", "flat", "housework", "laundry", "jar",
        "jars", "bottle", "bottles", "tins", "kitchen", "loft", "attic", "bedroom", "garage", "lunch",
        "dinner", "breakfast", "train", "taxi",
    ),
    "wellbeing": (
        "anxious", "anxiety", "worry", "worried", "worrying", "mood", "depress*", "happy", "happier",
        "confiden*", "stress*", "calm*", "sad", "low", "like myself", "myself again", "down in the dumps",
        "panic*", "nervous", "cheer*", "motivat*", "hair", "nails", "pamper*", "settled", "upset", "agitat*",
        "distress*", "content", "barber*", "hairdresser*", "cry", "crying", "tears", "tearful", "burden",
        "feel normal", "normal again",
    ),
}  # fmt: skip
# Health words and medicines outweigh what they happen to mention ("breathe when
# I walk up the stairs" is about breathing), in the goal itself: in "go to the allotment
# without my chest playing up" the chest is in the way and the allotment is the goal, and in
# "..., its making my chest worse" the chest is a remark. End of life outweighs anywhere
# ("stay at home when the time comes").
_WEIGHT = {"health": 2, "medicines": 2, "end_of_life": 2}
_WEIGHT_EVERYWHERE = {"end_of_life"}
# Words that start a clause that says how, when or why: what follows is not the goal itself.
_SUBORDINATE = _CLAUSE_WORDS - {"and", "or"}
# Ties go to the first domain here, the more specific one.
_ORDER = tuple(DOMAIN_WORDS)


_PHRASES = {domain: [w for w in words if " " in w] for domain, words in DOMAIN_WORDS.items()}
_WORDS = {
    domain: {w for w in words if " " not in w and not w.endswith("*")}
    for domain, words in DOMAIN_WORDS.items()
}
_STEMS = {domain: tuple(w[:-1] for w in words if w.endswith("*")) for domain, words in DOMAIN_WORDS.items()}
# Sleep lost to someone else's nights is a carer's own need: "get some sleep myself, she's up
# 3 or 4 times a night", "to get some sleep, he's up all night", "he keeps me up".
_CARERS_NIGHTS = re.compile(
    r"\bsleep\b.*\b(?:he|she|they|mum|dad|mam)(?:'s| is| are|'re)? up\b|\b(?:wakes?|keeps?) me up\b", re.I
)
# "work on my allotment" and "work out" aren't about work; "to work on his own" is.
_NOT_WORK = re.compile(r" (?:out\b|on (?!(?:my|his|her|their|your) own\b))")


# Names that are words too: "Bill's ashes" is not a bill, "Grace" not grace.
_NAMES_THAT_ARE_WORDS = {"bill", "will", "grace", "hope", "joy", "faith", "dawn", "rose", "mark", "pat"}


def _forms(token: Token) -> set[str]:
    if token.lower_ == "work" and _NOT_WORK.match(token.doc.text, token.idx + 4):
        return set()
    if token.i and token.text[:1].isupper() and token.lower_ in _NAMES_THAT_ARE_WORDS:
        return set()
    return {token.lower_, token.lemma_.lower()}


def _score(tokens: list[Token], scores: dict[str, float], first: dict[str, int], weighted: range) -> None:
    """Add each domain's hits (a word counts once however many entries it fits, a phrase once),
    and note where in the text each domain is first mentioned. Hits inside ``weighted`` (the
    goal itself) count with their domain's weight."""
    forms = [_forms(t) for t in tokens]
    lowered = " ".join(t.lower_ for t in tokens).replace("of course", "")
    for domain in DOMAIN_WORDS:
        words, stems = _WORDS[domain], _STEMS[domain]
        places = [
            t.idx
            for t, f in zip(tokens, forms, strict=True)
            if f & words or any(w.startswith(stems) for w in f)
        ]
        phrases = [m for p in _PHRASES[domain] if (m := re.search(rf"\b{re.escape(p)}\b", lowered))]
        places += [tokens[0].idx + m.start() for m in phrases]
        weight = _WEIGHT.get(domain, 1)
        everywhere = domain in _WEIGHT_EVERYWHERE
        scores[domain] += sum(weight if everywhere or place in weighted else 1 for place in places)
        if places:
            first[domain] = min(first.get(domain, places[0]), *places)


def classify(text: str, *, default: str = "other") -> str:
    """Pick the goal's domain from its words: the goal's first clause counts three
    times, the rest of the goal twice, the rest of the message once. A tie goes to
    the domain the goal mentions first ("play with my grandson in the garden")."""
    goal = _goal(text)
    scores = dict.fromkeys(_ORDER, 0.0)
    first: dict[str, int] = {}
    first_clause = next(
        (t.idx for t in goal.tokens()[1:] if t.lower_ in _CLAUSE_WORDS or t.nbor(-1).is_punct), goal.end
    )
    if _CARERS_NIGHTS.search(goal.doc.text):
        return "caring"
    main = next((t.idx for t in goal.tokens()[1:] if t.lower_ in _SUBORDINATE), goal.end)
    for tokens in (list(goal.doc), goal.tokens(), goal.tokens(first_clause)):
        if tokens:
            _score(tokens, scores, first, range(goal.start, main))
    best = min(_ORDER, key=lambda d: (-scores[d], first.get(d, len(goal.doc.text))))
    if scores[best]:
        return best
    # nothing else to go on, but someone is named: "play on the floor with Freddie"
    if any(t.pos_ == "PROPN" and t.i and t.lower_ not in _CALENDAR for t in goal.doc):
        return "family"
    return default
