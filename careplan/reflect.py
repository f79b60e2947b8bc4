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

FEAR, LOSS, EXHAUSTION, HARD_DAY, PRIDE, CARING = "fear", "loss", "exhaustion", "hard_day", "pride", "caring"
# The order matters: the first category that matches wins. A TIA today that
# frightened someone is first a hard day; a carer's tiredness is exhaustion
# before it is caring.
CATEGORIES = (HARD_DAY, LOSS, FEAR, EXHAUSTION, CARING, PRIDE)

_PEOPLE = (
    r"(?:wife|husband|partner|mum|mam|mom|mother|dad|father|son|daughter|brother|sister|"
    r"friend|best friend|grandson|granddaughter|nan|grandad|baby|boy|girl|other half|fella|hubby)"
)
_PETS = r"(?:dog|cat|pet|budgie|horse|pup|puppy|kitten)"
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
    ),
    LOSS: (
        rf"\b(?:lost|losing) (?:my|our|his|her) {_PEOPLE}\b",
        rf"\b(?:lost|losing) (?:my|our|his|her)(?: \w+)? {_PETS}\b",
        r"\b(?:passed away|passed on|passed last|died|has died|gone now|no longer with us|funeral)\b",
        r"\bwidow(?:ed|er)?\b|\bbereave(?:d|ment)\b|\bgrie(?:f|ving)\b",
        rf"\b(?:put|had to put) (?:the|my|our) {_PETS} (?:down|to sleep)\b",
        r"\b(?:gave|given|give|giving) up (?:my )?(?:driving|the car|my car|my licence|my license)\b",
        r"\b(?:lost|losing|took away|taken away|surrendered) (?:my|his|her) (?:licence|license)\b",
        r"\btook (?:my|his|her) (?:licence|license) (?:away|off)\b",
        r"\b(?:can'?t|cannot|not allowed to|stopped|had to stop) driv(?:e|ing) (?:any ?more|now)\b",
        r"\bmiss (?:him|her|them) (?:so much|terribly|every day|a lot)\b",
        # "since Arthur passed", "since Bill went" (names are lower case here)
        r"\bsince (?!(?:i|we|you|they)\b)\w+ (?:died|passed(?! (?:her|his|the|a|an|their|my)\b)"
        r"|went(?=\s*(?:[,.;!?]|$|and\b|i\b|it\b|we\b)))",
        rf"\bsince (?:losing|we lost|i lost) (?:my |our )?(?:{_PEOPLE}|\w+)\b",
        rf"\b(?:we|i) lost (?:{_PEOPLE}|(?:my|our) {_PEOPLE}) (?:in|last|to|at|on|this|a few)\b",
        rf"\bburied (?:my|our|his|her) {_PEOPLE}\b",
        # "my sister passed her driving test" is not a loss
        rf"\b(?:(?:my|our) )?{_PEOPLE} (?:passed(?! (?:her|his|the|a|an|their|its|my|me|with|by)\b)|died)\b",
        r"\b(?:he|she) passed (?:at|in|on|last|this|over|peacefully|suddenly|before|just)\b",
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
        r"\bend of my tether\b|\bwits'? end\b|\bat breaking point\b",
        r"\b(?:no|not had any|not had a|haven'?t had any|haven'?t had a) "
        r"(?:(?:full|proper|decent|good|whole) )?(?:sleep|rest|break|night'?s sleep)\b",
        r"\b(?:not|haven'?t|hardly|barely) (?:slept|had a break)\b",
        r"\b(?:so|really|very|dead|always|constantly) (?:tired|worn)\b|\btired all the time\b",
        r"\b(?:can'?t|cannot|not|struggling to|barely) cop(?:e|ing)\b|\bdon'?t think i can cope\b",
        r"\bno time (?:for|to myself|to myself)\b|\bnever (?:get|have) (?:a|any) (?:break|time|rest)\b",
    ),
    CARING: (
        r"\b(?:24/7|24-7|24 7|round the clock|day and night|night and day|all day every day"
        r"|every single day)\b",
        r"\bi (?:do|sort|manage|handle|organise) (?:everything|it all|all of it|all (?:his|her|their|the))\b",
        rf"\bi (?:wash|dress|feed|bathe|bath|shower|change|lift|toilet|turn|cook for|shop for) {_HIM}\b",
        r"\bi(?:'m| am) (?:his|her|their|\w+'s) (?:full[- ]time |only |main )?carer\b",
        r"\bi(?:'ve| have) (?:been )?(?:looking after|caring for) (?:him|her|them|my \w+) for\b",
    ),
    PRIDE: (
        r"\b(?:proud|chuffed|made up|over the moon|well done me|pleased with (?:myself|himself|herself))\b",
        r"\b(?:not|haven'?t|hasn'?t) (?:had|touched) a (?:cigarette|fag|smoke|drink|drop)\b"
        r".*\b(?:for|since|in) (?:\d+|a|two|three|four|six|over a) ",
        r"\b(?:gave|given|packed|stopped|quit) (?:up )?"
        r"(?:smoking|the (?:fags|cigs|cigarettes|booze|drink)|drinking|cigarettes)\b",
        r"\b(?:stopped|quit) (?:smoking|drinking)\b",
        r"\blost (?:\d+|a|half a|two|three|four|five|a couple of) ?(?:stone|pounds|lbs?|kilos?|kg)\b",
        r"\bi (?:finally |actually )?(?:managed|did it|made it)\b(?! together| with)",
        r"\bi(?:'ve| have) (?:finally |actually )?(?:managed|done it|made it)\b",
        r"\b(?:walked|went|got|made it|drove|climbed|did)\b.*"
        r"\b(?:on my own|by myself|all the way|without (?:my|a) (?:stick|frame|help|walker)"
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
    r"|(?:give|gives|giving|gave) (?:me|him|her|us) grief|d(?:i|y)ed (?:her|his|my|their|our) hair)\b"
)


def _found(category: str, t: str) -> bool:
    for match in _COMPILED[category].finditer(t):
        before = t[max(0, match.start() - 60) : match.start()]
        # a clause break ends the reach of a "not" or an "I'd like to"
        before = re.split(r"[.!?;,]| but | and | so ", before)[-1]
        if _NEGATED.search(before):
            continue
        if category in {FEAR, EXHAUSTION, PRIDE, CARING} and _WANTING.search(before):
            continue
        return True
    return False


@lru_cache(maxsize=256)
def _feeling(t: str) -> str | None:
    t = _EVERYDAY.sub(" ", t)
    return next((category for category in CATEGORIES if _found(category, t)), None)


def feeling(text: str) -> str | None:
    """What hard or proud thing the text shares: one of CATEGORIES, or None."""
    t = re.sub(r"\s+", " ", text.lower().replace("’", "'"))[:1000]
    return _feeling(t)
