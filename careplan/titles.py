"""A short goal title pulled from the person's own sentence, and its domain.

"I'd really love to work on my allotment again" becomes "Work on my allotment
again". The person's words are always kept in full beside the title; the title
only makes the summary scannable.
"""

from __future__ import annotations

import re

from careplan.nlp import load_spacy

MAX_TITLE_CHARS = 60
# Verbs whose complement is the goal itself: "I want to <goal>".
_WANTING = {"want", "like", "love", "wish", "hope", "try", "able", "need", "manage", "start", "get", "go"}
_PREAMBLE = re.compile(
    r"^\s*(?:(?:i|we|he|she|they|mum|dad)(?:'d| would| really| just| so| 'd)*\s+"
    r"(?:like|love|want|wish|hope|need)\s+(?:to\s+)?(?:be\s+able\s+to\s+)?|"
    r"(?:(?:i|he|she|they|we|mum|dad)\s+wish(?:es)?\s+)?(?:i|he|she|they|we)\s+(?:could|can|would)\s+(?:be\s+able\s+to\s+)?|"
    r"(?:to\s+)?be\s+able\s+to\s+|to\s+)",
    re.IGNORECASE,
)

DOMAIN_WORDS: dict[str, tuple[str, ...]] = {
    "mobility": (
        "walk",
        "stair",
        "exercise",
        "swim",
        "bike",
        "cycle",
        "leg",
        "knee",
        "hip",
        "balance",
        "move",
        "gym",
        "step",
        "stand",
        "run",
        "physio",
        "mobility",
        "wheelchair",
        "fall",
    ),
    "hobbies": (
        "allotment",
        "garden",
        "paint",
        "knit",
        "read",
        "fish",
        "golf",
        "music",
        "sing",
        "choir",
        "bowl",
        "crossword",
        "bake",
        "holiday",
        "seaside",
        "travel",
        "football",
        "sport",
        "hobby",
        "dance",
        "craft",
        "puzzle",
        "bingo",
        "cinema",
        "theatre",
    ),
    "social": (
        "friend",
        "club",
        "church",
        "group",
        "community",
        "pub",
        "social",
        "lonely",
        "neighbour",
        "mosque",
        "temple",
        "gurdwara",
        "cafe",
        "out and about",
    ),
    "family": (
        "grandchild",
        "grandkid",
        "grandson",
        "granddaughter",
        "family",
        "daughter",
        "son",
        "wife",
        "husband",
        "partner",
        "wedding",
        "children",
        "kids",
        "sister",
        "brother",
        "grandad",
        "nan",
    ),
    "conditions": (
        "diabetes",
        "sugar",
        "blood pressure",
        "pain",
        "breath",
        "copd",
        "heart",
        "weight",
        "diet",
        "condition",
        "symptom",
        "asthma",
        "memory",
        "dementia",
        "arthritis",
        "cancer",
    ),
    "medicines": ("tablet", "medication", "medicine", "pill", "inhaler", "insulin", "prescription", "dose"),
    "wellbeing": (
        "anxious",
        "anxiety",
        "worry",
        "mood",
        "depress",
        "happy",
        "confiden",
        "stress",
        "calm",
        "sad",
        "low",
        "feel myself",
        "feel like myself",
    ),
    "home": (
        "home",
        "shopping",
        "shop",
        "cook",
        "wash",
        "dress",
        "bath",
        "shower",
        "independen",
        "clean",
        "drive",
        "driving",
        "bus",
        "house",
        "myself",
    ),
    "work": ("work", "job", "volunteer", "course", "learn", "study", "college", "career", "retire"),
    "money": ("money", "bill", "benefit", "housing", "rent", "debt", "afford", "pension"),
    "caring": ("break", "respite", "carer", "caring", "sleep", "rest", "time for me", "time to myself"),
    "end_of_life": ("die at home", "dying", "funeral", "end of life", "last wishes", "hospice", "my will"),
}


def classify(text: str, *, default: str = "other") -> str:
    """Pick the goal domain whose words appear most in the text."""
    lowered = text.lower()
    scores = {
        domain: sum(1 for word in words if re.search(r"\b" + re.escape(word), lowered))
        for domain, words in DOMAIN_WORDS.items()
    }
    best = max(scores, key=lambda d: scores[d])
    return best if scores[best] else default


def _clip(title: str) -> str:
    title = title.strip(" .,!?;:-\"'“”")
    if len(title) > MAX_TITLE_CHARS:
        title = title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"
    return title[:1].upper() + title[1:] if title else title


def short_title(text: str) -> str:
    """A few words that name the goal, taken from the person's sentence."""
    doc = load_spacy()(text.strip()[:500])
    sentence = next(iter(doc.sents), None)
    if sentence is None:
        return _clip(text)
    for token in sentence:
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in _WANTING and token.pos_ in {"VERB", "AUX"}:
            return _clip(_strip_preamble(doc[token.i : sentence.end].text))
    return _clip(_strip_preamble(sentence.text))


def _strip_preamble(text: str) -> str:
    """Drop "I'd like to", "I wish I could", "be able to"... (they can stack)."""
    for _ in range(3):
        stripped = _PREAMBLE.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return text
