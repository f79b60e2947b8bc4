"""Notice when someone shares something hard, or something they are proud of.

``feeling(text)`` names what was shared, so the bot can say one short, kind
line before its next question ("That sounds really hard. Thank you for telling
me."). It only names a category: it never guesses at a diagnosis, and the words
said back live in domain.yml.

It is deliberately cautious. An ordinary goal ("I'd like to walk more", "I want
to worry less") or an everyday remark gives None. So does a feeling that is
denied ("I'm not worried"): a kind word in the wrong place is worse than none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from careplan.nlp import parse

FEAR, LOSS, EXHAUSTION, HARD_DAY, PRIDE, CARING = "fear", "loss", "exhaustion", "hard_day", "pride", "caring"
SHAME, PAIN, LONELY = "shame", "pain", "lonely"
# Proud OF someone or something they love ("proud of my grandkids"): glad to hear it, not "well done"
GLAD = "glad"
# The order matters: the first category that matches wins. A TIA today that
# frightened someone is first a hard day; a carer's tiredness is exhaustion
# before it is caring; "I'm scared they'll judge me" is shame before fear.
CATEGORIES = (HARD_DAY, LOSS, SHAME, FEAR, EXHAUSTION, PAIN, CARING, LONELY, GLAD, PRIDE)
# Hard things that may be played down ("its nowt really, I don't see a soul"): said kindly
# without agreeing it is nothing, and never "I'm glad" (``played_down``).
HARD = (HARD_DAY, LOSS, SHAME, FEAR, EXHAUSTION, PAIN, CARING, LONELY)
PLAYED_DOWN = "played_down"

_PEOPLE = (
    r"(?:wife|husband|partner|mum|mam|mom|mother|dad|father|son|daughter|brother|sister|"
    r"friend|best friend|grandson|granddaughter|nan|grandad|baby|boy|girl|other half|fella|hubby|missus)"
)
_PETS = r"(?:dog|cat|pet|budgie|horse|pup|puppy|kitten)"
# "my", as it is also typed: "ma wife", "me husband"
_MY = r"(?:my|ma|mah|me)"
# "passed" that is a death: not "passed her test", "passed me the phone"
_PASSED = r"passed(?! (?:her|his|the|a|an|their|its|my|me|us|him|them|with|by|out|over to)\b)"
_HIM = r"(?:him|her|them|mum|dad|my (?:wife|husband|partner|mum|dad|mother|father|son|daughter)|\w+)"

_PATTERNS: dict[str, tuple[str, ...]] = {
    HARD_DAY: (
        r"\b(?:had|having|has had) (?:a|another) "
        r"(?:tia|mini[- ]stroke|stroke|heart attack|fit|seizure|bad fall|fall)\b"
        # a stroke "last year" or "years ago" is history, not a hard day
        r"(?!.*\b(?:last (?:year|month|spring|summer|autumn|winter)|ago|in (?:19|20)\d\d)\b)",
        r"\b(?:tia|mini[- ]stroke|stroke|heart attack) (?:today|this morning|yesterday|last night)\b",
        r"\b(?:bad|awful|terrible|horrible|sad|shocking) news\b|\bnot (?:good|great) news\b",
        r"\b(?:it'?s|it has|cancer'?s|cancer has) spread\b",
        r"\b(?:just|only) (?:been|got|found out)\b.*\b(?:told|diagnosed|results?)\b",
        r"\b(?:been|was|got|just been|been) diagnosed\b",
        r"\b(?:rough|awful|terrible|horrible|bad|hard|tough|difficult|horrendous|rotten|dreadful) "
        r"(?:day|morning|night|week|time)\b",
        # "a long time since I went swimming" is not a hard day; a long day is
        r"\blong (?:day|night|week)\b",
        r"\b(?:today|this morning|this week|tonight)(?:'s| has| was| is)(?: been)? "
        r"(?:awful|terrible|horrible|horrendous|rotten|dreadful|a nightmare|hard|rough|tough)\b",
        r"\b(?:rushed|taken|ended up|was|been) (?:in|into|to) (?:hospital|a&e|a and e)\b",
        r"\b(?:an )?ambulance (?:came|was called|took|today|last night)\b",
        r"\b(?:in shock|shaken up|still shaking|in tears|been crying|can'?t stop crying)\b",
        r"\b(?:fell|collapsed|came off)\b.*\b(?:today|this morning|last night|yesterday)\b",
        # news that time is short: "it's terminal, they've said months", "end of life care"
        r"\b(?:it'?s|its|is|it is|cancer'?s|cancer is) terminal\b|\bend of life (?:care|now)\b|\bpalliative\b"
        r"|\b(?:given|got|has|have) (?:him |her |me |us )?(?:weeks|months|a few months|a year)"
        r" (?:left|to live)\b"
        r"|\bthey'?ve said (?:weeks|months)\b|\bnot long left\b",
    ),
    LOSS: (
        rf"\b(?:lost|losing) (?:{_MY}|our|his|her|the) (?:{_PEOPLE}|man|missus|old man|old lady)\b",
        # with a name: "ma wife Jean passed in the spring", "our Sandra died in May" (not "nearly died")
        rf"\b(?:(?:{_MY}|our|his|her) {_PEOPLE}|our) (?!(?:nearly|almost|never|could|would|might)\b)[a-z]+ "
        rf"(?:{_PASSED}|died)\b",
        rf"\b(?:{_PEOPLE}|he|she)(?:'s| has| had) been gone (?:for )?(?:\w+ )?(?:years?|months?|weeks?)\b",
        rf"\b(?:lost|losing) (?:my|our|his|her)(?: \w+)? {_PETS}\b",
        r"\b(?:passed away|passed on|passed last|gone now|no longer with us|funeral)\b",
        r"\bwidow(?:ed|er)?\b|\bbereave(?:d|ment)\b|\bgrie(?:f|ving)\b",
        rf"\b(?:put|had to put) (?:the|my|our) {_PETS} (?:down|to sleep)\b",
        r"\b(?:gave|given|give|giving) up (?:my )?(?:driving|the car|my car|my licence|my license)\b",
        r"\b(?:lost|losing|took away|taken away|surrendered) (?:my|his|her) (?:licence|license)\b",
        r"\btook (?:my|his|her) (?:licence|license) (?:away|off)\b",
        r"\b(?:can'?t|cannot|not allowed to|stopped|had to stop) driv(?:e|ing) (?:any ?more|now)\b",
        r"\bmiss (?:him|her|them) (?:so much|terribly|every day|a lot)\b",
        # "since Arthur passed", "since Bill went" (names are lower case here)
        rf"\bsince (?:(?:{_MY}|our) )?(?!(?:i|we|you|they)\b)\w+ (?:died|{_PASSED}"
        r"|went(?=\s*(?:[,.;!?]|$|and\b|i\b|it\b|we\b)))",
        rf"\bsince (?:losing|we lost|i lost) (?:my |our )?(?:{_PEOPLE}|\w+)\b",
        rf"\b(?:we|i) lost (?:{_PEOPLE}|(?:my|our) {_PEOPLE}) (?:in|last|to|at|on|this|a few)\b",
        rf"\bburied (?:my|our|his|her) {_PEOPLE}\b",
        # "my sister passed her driving test" is not a loss
        rf"\b(?:(?:my|our) )?{_PEOPLE} (?:passed(?! (?:her|his|the|a|an|their|its|my|me|with|by)\b)|died)\b",
        r"\b(?:he|she) passed (?:at|in|on|last|this|over|peacefully|suddenly|before|just)\b",
        # a loss said as an absence: "I reach for him and he isn't there", "two cups out"
        r"\b(?:he|she)(?: is|'s|s)? ?(?:not|isn'?t|no longer) there\b"
        r"(?!\s+(?:on|at|in|for|when|until|till|today|tonight|this|every|yet)\b)",
        r"\breach (?:out )?for (?:him|her)\b",
        r"\b(?:he|she) (?:was|were) (?:my )?(?:whole )?(?:world|everything|rock|life|soulmate)\b",
        r"\b(?:so |too )?(?:quiet|empty|lonely) (?:without|since) (?:him|her)\b",
        r"\b(?:lay|set|put) (?:out )?two (?:cups|plates|mugs)\b|\btwo (?:cups|plates|mugs) out\b",
        r"\b(?:his|her) (?:voice|face|laugh) (?:is going|is fading|fading)\b"
        r"|\bforget (?:him|her|(?:his|her) (?:voice|face|laugh))\b",
    ),
    SHAME: (
        r"\b(?:ashamed|embarrass\w*|humiliat\w*|mortified|shameful|guilty)\b",
        r"\b(?:judge|judging|judged) (?:me|us)\b|\bthink (?:badly|less|worse) of (?:me|us)\b"
        r"|\blook down on (?:me|us)\b",
        r"\b(?:i'?m|i am|i feel(?: like)?|being|to be) (?:such )?a (?:burden|nuisance)\b",
        r"\b(?:i'?m|i am) (?:being )?(?:silly|daft|stupid|soft|pathetic)\b",
    ),
    FEAR: (
        r"\b(?:worried|worrying|worries|scared|frightened|terrified|afraid|petrified|anxious|nervous|dreading"
        r"|dread|panicking|panic|fear|frightens me|scares me|terrifies me|worry|bricking it|scared stiff)\b",
        r"\b(?:lose|losing) (?:my|his|her) (?:leg|foot|feet|toes?|sight|eyesight|memory|mind|independence)\b",
        r"\bamputat",
        r"\bwhat (?:if|happens if|will happen (?:to|if))\b",
        r"\b(?:end up|ending up|going) in a (?:home|care home|wheelchair)\b",
        r"\bkeeps? me (?:up|awake) at night\b",
    ),
    EXHAUSTION: (
        r"\b(?:shattered|exhausted|knackered|worn out|burnt out|burned out|drained|running on empty"
        r"|on my knees|dead on my feet|zombie|running on fumes|dead beat|cream crackered|wiped out|frazzled"
        r"|done in|dog tired|bone tired)\b",
        r"\bend of (?:my|his|her|our) (?:tether|rope)\b|\bwits'? end\b|\bat breaking point\b",
        r"\b(?:can'?t|cannot|can barely|can hardly) keep (?:my|his|her) eyes open\b",
        r"\b(?:no|not had any|not had a|haven'?t had any|haven'?t had a) "
        r"(?:(?:full|proper|decent|good|whole) )?(?:sleep|rest|break|night'?s sleep)\b",
        r"\b(?:not|haven'?t|hardly|barely) (?:slept|had a break)\b",
        r"\b(?:so|really|very|dead|always|constantly) (?:tired|worn)\b|\btired all the time\b",
        r"\b(?:can'?t|cannot|not|struggling to|barely) cop(?:e|ing)\b|\bdon'?t think i can cope\b",
        # "i cry in the car before i go in", "i cant keep doing this on my own", "im not sleeping"
        r"\bi (?:cry|sob|break down) (?:in the car|in the kitchen|myself to sleep|every (?:day|night)"
        r"|when (?:nobody|no one)|before i go in)\b",
        r"\bcan'?t (?:keep|go on) (?:doing|like) (?:this|it)\b|\b(?:i'?m|im|i am) not sleeping\b",
        r"\bno time (?:for|to myself|to myself)\b|\bnever (?:get|have) (?:a|any) (?:break|time|rest)\b",
        # nights broken by caring: "some nights I'm up 4 or 5 times with her"
        r"\bup (?:\d|two|three|four|five|six)(?: or (?:\d|three|four|five|six|seven))? times"
        r" (?:a night|every night|in the night|with (?:him|her|them)|most nights)\b",
    ),
    PAIN: (
        r"\b(?:in agony|agony|agonising|excruciating|unbearable|crippling|screaming (?:at me|in pain))\b",
        r"\b(?:in|with) (?:so much|such|a lot of|constant|terrible|awful|horrendous|severe|real) pain\b",
        r"\b(?:terrible|awful|constant|horrendous|severe|unbearable|crippling) (?:pain|ache)\b",
        r"\bpain(?: is| has been|'s) (?:awful|terrible|unbearable|horrendous|bad|getting worse|worse)\b",
    ),
    LONELY: (
        r"\b(?:lonely|lonesome|isolated|so alone|all alone)\b",
        r"\b(?:don'?t|do not|never|hardly|rarely) see (?:a soul|anyone|anybody|a living soul|another person)"
        r"\b",
        r"\b(?:nobody|no one|no-one|noone) (?:comes|visits|calls|rings|phones|pops in|bothers)\b"
        r"|\b(?:nobody|no one|no-one) to (?:talk|speak|chat) to\b",
        r"\bon my own (?:all day|most days|all the time|every day|day in day out)\b",
        r"\b(?:just|only) (?:the )?(?:telly|tv|radio|cat|dog) for company\b",
    ),
    CARING: (
        r"\b(?:24/7|24-7|24 7|round the clock|day and night|night and day|all day every day"
        r"|every single day)\b",
        r"\bi (?:do|sort|manage|handle|organise) (?:everything|it all|all of it|all (?:his|her|their|the))\b",
        rf"\bi (?:wash|dress|feed|bathe|bath|shower|change|lift|toilet|turn|cook for|shop for) {_HIM}\b",
        r"\bi(?:'m| am) (?:his|her|their|\w+'s) (?:full[- ]time |only |main )?carer\b",
        r"\bi(?:'ve| have) (?:been )?(?:looking after|caring for) (?:him|her|them|my \w+) for\b",
    ),
    GLAD: (
        rf"\bproud of (?:(?:{_MY}|our|his|her|their|the) (?:lovely |little |wee |great )?"
        r"(?:grand)?(?:kids|children|boys|girls|family|grandchildren|grandkids|son|daughter|sons|daughters"
        r"|garden|allotment|roses|home|house|dogs?|team|lad|lads|lass)"
        r"|(?:him|her|them|'?em))\b",
    ),
    PRIDE: (
        r"\b(?:proud|chuffed|made up|over the moon|well done me|pleased with (?:myself|himself|herself))\b",
        r"\b(?:not|haven'?t|hasn'?t) (?:had|touched) a (?:cigarette|fag|smoke|drink|drop)\b"
        r".*\b(?:for|since|in) (?:\d+|a|two|three|four|six|over a) ",
        r"\b(?:gave|given|packed|stopped|quit) (?:up )?"
        r"(?:smoking|the (?:fags|cigs|cigarettes|booze|drink)|drinking|cigarettes)\b",
        r"\b(?:stopped|quit) (?:smoking|drinking)\b|\boff the (?:fags|cigs|cigarettes|booze|drink)\b",
        r"\blost (?:\d+|a|half a|two|three|four|five|a couple of) ?(?:stone|pounds|lbs?|kilos?|kg)\b",
        r"\bi (?:finally |actually )?(?:managed|did it|made it)\b(?! together| with)",
        r"\bi(?:'ve| have) (?:finally |actually )?(?:managed|done it|made it)\b",
        r"\b(?:walked|went|got|made it|drove|climbed|did|managed)\b.*"
        r"\b(?:on (?:my|his|her|their) own|by (?:myself|himself|herself|themselves)|all the way"
        r"|without (?:my|his|her|a) (?:stick|frame|help|walker)"
        r"|without (?:stopping|a rest|a break))\b",
        r"\b(?:for the first time in|first time in) (?:ages|years|months|a long time|weeks)\b",
        r"\b(?:\d+|a|two|three|six) (?:weeks?|months?|years?) (?:smoke|alcohol|drink|cigarette)[- ]free\b",
    ),
}
_COMPILED = {category: re.compile("|".join(patterns)) for category, patterns in _PATTERNS.items()}

# A denial just before the feeling: "not worried", "never been scared", "no worries".
_NEGATED = re.compile(
    r"\b(?:not|no|never|nothing|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|without|nor|neither)\b"
    r"(?:\s+\w+){0,2}\s*$"
)
# A wish, a goal or a question: "I'd like to worry less", "I want to give up
# smoking", "how do I stop worrying". What follows is a goal, not a feeling.
_WANTING = re.compile(
    r"\b(?:like to|love to|want to|wanna|wants to|wish|hope to|hoping to|able to|trying to|try to|going to"
    r"|need to|help (?:me )?(?:to |with )?|less|stop|how (?:do|can|to)|would|could|if i|when i)\b"
    r"(?:\s+\w+){0,3}\s*$"
)
# Everyday phrases that contain a feeling's words but share nothing hard.
_EVERYDAY = re.compile(
    r"\b(?:no worries|don'?t worry|not to worry|never mind|i'?m afraid (?:i|we|it|that|not|so)"
    r"|what if (?:i|we) (?:skip|miss|change|say)|long time no see|good news|bad weather|tired of waiting"
    r"|(?:give|gives|giving|gave) (?:me|him|her|us) grief|d(?:i|y)ed (?:her|his|my|their|our) hair)\b",
    re.I,
)


# Pride said bitterly, denied or long gone ("proud of nothing these days", "well done me, I got
# lost again", "great, another form, just what I needed"): no "You should be proud".
_NOT_PROUD = re.compile(
    r"\bproud\s*\?|\bproud of (?:nothing|what|nowt)\b"
    r"|\b(?:nothing|not much|nowt|little)(?: much)? to be proud of\b"
    r"|\bused to be (?:proud|chuffed)\b|\bjust what i (?:need|needed|wanted)\b|\balways wanted\b"
    r"|\bwhat a (?:star|genius|hero|legend)\b|\blucky me\b|\boh joy\b|\byeah right\b"
    r"|\b(?:typical|marvellous|fantastic|brilliant|wonderful|perfect|great stuff)\W*$"
    # pride as who someone is, not something done: "he is proud man", "too proud to ask"
    r"|\bproud (?:old )?(?:man|woman|lady|person|soul|bloke|fella|chap|sort|type|guy|gent|gentleman|people)\b"
    r"|\btoo proud\b|\bproud to (?:ask|accept|admit|take|use|let)\b|\b(?:his|her|my|their|your) pride\b"
    r"|\b(?:he|she|they|i|dad|mum)(?:'s| is| was| are|'m| am)(?: a| very| so| quite| really| always| far)*"
    r" proud\b(?! of\b| that\b| when\b| to (?:be|have|see|say)\b)"
    # a mishap told as if it were an achievement
    r"|\b(?:got|get|getting) lost\b|\bfell\b|\bfall(?:ing)? over\b|\bburn(?:t|ed)?\b|\bforgot\b"
    r"|\bcancell?ed\b|\blocked (?:myself )?out\b"
)


def _found(category: str, t: str) -> int | None:
    """Where the first phrase of this category is said (not denied, not wished for)."""
    for match in _COMPILED[category].finditer(t):
        before = t[max(0, match.start() - 60) : match.start()]
        # a clause break ends the reach of a "not" or an "I'd like to"
        before = re.split(r"[.!?;,]| but | and | so ", before)[-1]
        if _NEGATED.search(before):
            continue
        if category in {FEAR, EXHAUSTION, PRIDE, CARING, PAIN, LONELY} and _WANTING.search(before):
            continue
        return match.start()
    return None


# The same feelings in any form the parse can lemmatise ("she frets", "it terrifies her",
# "he gets panicky"), for what the phrases above don't list.
_FEELING_LEMMAS = {
    FEAR: {"worry", "fret", "scare", "frighten", "terrify", "petrify", "panic", "dread", "afraid"}
    | {"anxious", "nervous", "panicky", "jittery", "uneasy", "worried", "scared", "frightened"}
    | {"terrified", "petrified"},
    # crying told, however it is put: "sometimes i sit in the car and cry", "i end up sobbing"
    EXHAUSTION: {"exhaust", "exhausted", "shatter", "shattered", "knacker", "knackered", "drain", "frazzle"}
    | {"cry", "sob", "weep"},
    SHAME: {"ashamed", "embarrass", "embarrassed", "humiliate", "humiliated", "mortify", "mortified"}
    | {"guilty"},
}
# Losing a person: "I lost Jim in March", "we buried dad", "she misses him terribly" (not "my phone died").
_LOSS_VERBS = {"lose", "bury", "mourn", "grieve", "miss", "die"}
_PERSON = re.compile(rf"^(?:{_PEOPLE}|{_PETS}|him|her|them|he|she|they)$")
# A wish or a goal around the feeling: "I want to worry less", "help her stop panicking".
_WISH_LEMMAS = {"want", "like", "love", "hope", "try", "stop", "need", "wish", "help", "learn"}
_ME = {"i", "we", "me", "us", "my", "our", "myself"}


def _a_person(token: Token) -> bool:
    return token.pos_ == "PROPN" or bool(_PERSON.match(token.lower_))


def _wished_or_denied(token: Token) -> bool:
    if any(c.dep_ == "prt" for c in token.children):  # "crying out for a coat of paint"
        return True
    near = [token, token.head]
    if any(child.dep_ == "neg" or child.lower_ == "less" for t in near for child in t.children):
        return True
    return any(a.lemma_ in _WISH_LEMMAS for a in token.ancestors)


def _parsed(doc: Doc) -> tuple[str, Token] | None:
    """A feeling the phrases missed, found by lemma, with the word that says it."""
    for token in doc:
        category = next((c for c, lemmas in _FEELING_LEMMAS.items() if token.lemma_ in lemmas), None)
        if category and not _wished_or_denied(token) and not _names_a_help(token):
            return category, token
        if _gone_since(token):
            return LOSS, token
        dying_to = any(c.dep_ == "xcomp" or c.lower_ == "for" for c in token.children)  # "dying to see"
        a_loss = token.lemma_ in _LOSS_VERBS and token.pos_ == "VERB" and not dying_to
        if a_loss and not _wished_or_denied(token):
            who = [c for c in token.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
            lost = [c for c in who if c.dep_ == "dobj"] if token.lemma_ in {"lose", "bury", "miss"} else who
            if any(_a_person(c) for c in lost) and (token.lemma_ != "miss" or _a_lot(token)):
                return LOSS, token
    return None


# Where someone goes, or how, says it is no death: "since my wife went to hospital", "went back"
_WENT_SOMEWHERE = {"prep", "prt", "advmod", "dobj", "xcomp", "ccomp", "advcl", "acomp", "attr", "agent"}


def _gone_since(token: Token) -> bool:
    """ "shes all i got since the wife went", "since the missus passed": a person gone, said as
    when things changed, going nowhere ("since my wife went to hospital" is not)."""
    if token.lemma_ not in {"go", "pass"} or token.pos_ != "VERB":
        return False
    since = any(c.dep_ == "mark" and c.lower_ == "since" for c in token.children)
    gone = [c for c in token.children if c.dep_ == "nsubj" and c.lower_ not in _ME and _a_person(c)]
    return since and bool(gone) and not any(c.dep_ in _WENT_SOMEWHERE for c in token.children)


def _a_lot(token: Token) -> bool:
    """ "misses him terribly / so much": missing someone, not missing the bus."""
    return any(c.dep_ == "advmod" for c in token.children)


# A loss word that names a kind of help ("a bereavement group", "grief counselling", "the widows'
# club"): a help named, not a loss told.
_LOSS_NOUNS = {"bereavement", "bereave", "bereaved", "grief", "widow", "widower", "widowed"}


def _names_a_help(token: Token) -> bool:
    head = token.head
    return (
        token.lemma_.lower() in _LOSS_NOUNS
        and token.dep_ in {"compound", "amod", "nmod", "poss"}
        and head.pos_ in {"NOUN", "PROPN"}
        and not _a_person(head)
    )


@lru_cache(maxsize=256)
def _feeling(said: str) -> tuple[str, str] | None:
    said = _EVERYDAY.sub(" ", said)
    doc = parse(said)
    for token in (t for t in doc if _names_a_help(t)):  # blanked, the same length: offsets still fit
        said = said[: token.idx] + " " * len(token) + said[token.idx + len(token) :]
    t = said.lower()  # the phrases are lower case; the parse keeps the capitals ("Farida")
    categories = [c for c in CATEGORIES if c not in {PRIDE, GLAD} or not _NOT_PROUD.search(t)]
    found = next(((c, start) for c in categories if (start := _found(c, t)) is not None), None)
    if found is not None:
        category, start = found
        token = next((tok for tok in doc if tok.idx + len(tok) > start), doc[-1])
    elif (parsed := _parsed(doc)) is not None:
        category, token = parsed
    else:
        return None
    return category, _whose(token)


def _whose(token: Token) -> str:
    """ "me" when the feeling is the speaker's own ("I'm terrified she'll fall"), "them" when
    it is someone else's ("she is petrified they'll take her foot off", "it terrifies her")."""
    felt_by = next((c for c in token.children if c.dep_ == "dobj" and _a_person(c)), None)
    if token.lemma_ not in _LOSS_VERBS and felt_by is not None:
        return "them"
    for word in [token, *token.ancestors]:
        subject = next((c for c in word.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.lower_ in _ME:
            return "me"
        if subject is not None and _a_person(subject):
            return "them"
    return "me"


# "No one", "nobody really, just me" to "Who helps you?"
_NOBODY = re.compile(
    r"^\W*(?:(?:no|nah|honestly|well|erm|um)\W+)*"
    r"(?:no ?one|no-one|nobody|no body|not (?:a soul|anyone|anybody)"
    r"|(?:just|only) me(?: and the (?:cat|dog|telly))?)"
    r"(?:\s+(?:really|at all|much|helps?(?: me)?|to be honest|tbh))*(?:\W+(?:just|only) me(?: really)?)?\W*$",
    re.I,
)


def nobody_helps(text: str) -> bool:
    """The answer to "Who helps you?" is no one."""
    return bool(_NOBODY.match(_normal(text)))


# A hard thing played down: "its nowt really", "mustn't grumble", "but I'm used to it"
_PLAYED_DOWN = re.compile(
    r"\b(?:it'?s|its|it is|that'?s|thats) (?:nowt|nothing|no big deal|not a big deal|fine)"
    r"(?: really| much| to worry about)?\b"
    r"|\bmustn'?t grumble\b|\bcan'?t complain\b|\b(?:i'?m|im|i am|you get) used to it\b|\bthat'?s life\b"
    r"|\bbut i (?:manage|cope|get by|get on with it)\b|\bdon'?t (?:want to |like to )?make a fuss\b"
    r"|\bsoldier on\b|\bi'?ll (?:live|survive)\b|\bno point (?:moaning|complaining)\b",
    re.I,
)


def played_down(text: str) -> bool:
    """Is a hard thing said as if it were nothing ("its nowt really, I'm used to it")?"""
    return bool(_PLAYED_DOWN.search(_normal(text)))


def feeling(text: str) -> str | None:
    """What hard or proud thing the text shares: one of CATEGORIES, or None."""
    found = _feeling(_normal(text))
    return found[0] if found else None


def whose(text: str) -> str:
    """Whose the feeling is: "me" (the one typing) or "them" (someone they talk about)."""
    found = _feeling(_normal(text))
    return found[1] if found else "me"


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'"))[:1000]
