"""Red-flag detection: emergencies, mental health crises and safeguarding.

``detect`` runs on every message, so it is built to be cheap for everyday
talk: one-letter typos of key words are mended first ("colapsed"), the
reviewed regular expressions in ``safety_patterns.yml`` run next (sentences,
concepts such as "chest" near a pain word, and sign rules that need several
groups in one message), and spaCy only parses a message when a pattern has
matched. Besides the three red-flag kinds, rules of kind ``urgent`` find what
needs NHS 111 today; a 999 emergency in the same message makes it redundant.
Each match must then survive four checks in its sentence:

1. the rule's own ``unless`` / ``only_when`` / ``requires`` patterns (figurative
   speech, accidents: "killed myself laughing", "cut myself chopping onions");
2. negation, from spaCy's dependency parse plus the words right before the
   match ("no chest pain", "I don't want to hurt myself");
3. time: clearly past and over ("last year", "used to", "cleared up"), unless
   something says it is happening now ("again", "this morning");
4. for emergencies only, a worry or a question rather than an event
   ("I'm scared of having another stroke", "I worry I'll fall and hit my
   head", "what are the signs of a stroke", "collapsing on my own one day").

If no pattern matched at all, a crisis or safeguarding intent from the NLU
with high confidence on a short message is trusted, unless the message carries
a negation, past, figurative or worry-about-the-future cue. Failing that, a
small learned model (``careplan.safety_model``: word and letter n-grams, and
concepts) that is sure enough is trusted. Those cues (but an idiom, which always silences
it), or a main verb the parse says is negated, raise how sure it must be
rather than silence it: "I can't breathe properly" and "she won't let me see
my friends" are red flags with a negated verb. A crisis it hears gets the
check-in. A pattern match that the checks rejected is never overridden by the
NLU, nor by the model for the same kind: the checks exist because both are
easily fooled by "I'm dying to see the grandkids".

The result never carries the message text, so it is safe to log.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from careplan import safety_model, word_gate, yamlfile
from careplan.vocab import CRISIS, EMERGENCY, FLAG_KINDS, SAFEGUARDING, URGENT

PATTERNS_FILE = Path(__file__).with_name("safety_patterns.yml")
# Every kind a rule may raise, most urgent first. URGENT (NHS 111) is not a red
# flag and ranks last; a 999 emergency makes it redundant.
RULE_KINDS = (*FLAG_KINDS, URGENT)
# Chest pain that comes with effort and settles with rest (the heart rules' label): its own 111
# reply, "chest_on_effort" (session 33, tester33).
CHEST_ON_EFFORT_OF = "heart_attack"
CHEST_ON_EFFORT = "chest_on_effort"

# NLU intents (declared in domain.yml) and the kind each one raises.
INTENT_KINDS: dict[str, str] = {
    "red_flag_emergency": EMERGENCY,
    "red_flag_crisis": CRISIS,
    "red_flag_safeguarding": SAFEGUARDING,
}
# Kinds the NLU may raise on its own. Emergencies are concrete symptoms the
# pattern list names well, and on the holdout the NLU's emergency guesses were
# all false alarms ("my husband has COPD and gets out of breath easily", 0.96).
# Crisis and abuse are often said indirectly, where a second opinion helps.
NLU_KINDS = {CRISIS, SAFEGUARDING}
# Below this the NLU's guess alone does not raise a flag.
NLU_MIN_CONFIDENCE = 0.85
# The NLU learnt from one-sentence examples; on long text its confidence means
# little (20,000 characters of garden talk came back as safeguarding, 0.9+).
# Longer messages rely on the patterns alone, and the learned model reads them
# a sentence at a time (it too learnt from lines this long at most).
NLU_MAX_CHARS = 300

# The learned model (careplan/safety_model.py) raises a flag on its own only
# this sure, on a message no pattern matched. An emergency pauses the
# conversation, so its bar is higher; a crisis only the model hears gets the
# check-in, which flags nothing until the person answers, so its bar is lower.
# Chosen leaving one batch out (scripts/safety_lobo.py: each batch measured on
# a model that never learnt from it): below these, its guesses were mostly
# false alarms ("dad has a pacemaker fitted and feels much better", 0.85
# emergency). Figures in docs/safety-and-privacy.md. The emergency bar went
# from 0.9 to 0.92 in session 29: learnt from batch ZO, the model paused two
# development conversations at 0.90-0.92 ("is my chest getting worse", a
# question; "my eyes the middle of my sight has gone", told at the eye clinic),
# and no line of any batch needed less than 0.92.
# The 111 tier (session 29) sends people to 111 today, not 999: it pauses nothing.
MODEL_MIN_CONFIDENCE = {EMERGENCY: 0.92, CRISIS: 0.7, SAFEGUARDING: 0.85, URGENT: 0.85}
# A past, resolved or hypothetical cue, a worry, or a negated main verb makes
# the model's guess less likely to be right, not wrong ("I can't breathe
# properly", "nobody would notice if I was gone", "I'm frightened of my
# husband" are red flags), so such a line needs this much. Leaving one batch
# out, vetoing them had turned away about one red flag the model heard in
# four, to save one false alarm. A negated safeguarding guess is nearly always
# the person saying it isn't happening ("I've never been hit or hurt by
# anyone", 0.98). A figurative cue (an idiom) still silences it.
MODEL_MIN_CONFIDENCE_CUED = {EMERGENCY: 0.97, CRISIS: 0.9, SAFEGUARDING: 0.9, URGENT: 0.97}
MODEL_MIN_CONFIDENCE_NEGATED = {EMERGENCY: 0.97, CRISIS: 0.9, SAFEGUARDING: 0.99, URGENT: 0.97}
# ...and only on a sentence: a word or two ("my chest") says what, not what is happening.
MODEL_MIN_WORDS = 3
_HEDGES = {"think", "guess", "suppose", "reckon", "mean"}
# In a long message the risk is often one sentence among news of the garden: the
# model reads each sentence (the first this many, each cut to NLU_MAX_CHARS; a
# sentence costs it about 0.1 ms), and the surest few it heard a red flag in are
# checked, as a short message would be.
MODEL_MAX_SENTENCES = 60
MODEL_SENTENCES_CHECKED = 3
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")

# How many words before a match are checked for "no", "not", "never"...
NEGATION_WINDOW = 3
# spaCy only sees the text near a match (long messages stay fast): windows of
# this size, on a fixed grid so that nearby matches share one parse.
WINDOW_CHARS = 1200
# Once a kind is found we stop checking that kind; and at most this many
# matches per kind are checked, so a message repeating "he hits me" 1,500
# times costs a few parses, not 1,500.
MAX_CHECKS_PER_KIND = 12
# Typos are mended only in words this long: shorter words are too close to
# other words ("fit"/"hit", "pill"/"kill").
FUZZY_MIN_LETTERS = 6

_CLAUSE_BREAK = re.compile(
    r"[,;:()\n]|\s-\s|\b(?:but|although|though|however|whereas|and|because|so|except|apart from)\b"
)
_WORD = re.compile(r"[a-z0-9']+|n't")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"'})
# Verbs whose negation does not negate what follows ("can't stop thinking about it").
_PSEUDO_NEGATED_VERBS = {"stop", "help", "shake", "wait"}
# Dependency labels that start a new clause: negation does not cross them.
# "without", "nor" negate what they govern, not the verb they hang from.
_NOT_AS_CHILD = {"without", "nor", "neither"}
_CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "conj", "parataxis", "pcomp", "acl", "csubj", "mark"}


@dataclass(frozen=True)
class RedFlag:
    """What was found. ``kind`` is the one to act on first; ``also`` lists the others.

    ``check_in`` means the words are ambiguous ("I can't go on like this"): ask
    what the person means before signposting a crisis. ``label`` names an
    emergency in the NHS's terms ("stroke"). ``about_other`` is True when the
    parse says the message is about someone else ("she says she'd rather
    die"), False when about the writer, None when it can't tell. ``span`` is
    where the words that raised it are in the message (offsets only: the flag
    never carries the text, so it is safe to log). ``keep`` means a check-in is
    noted for the care team whatever the answer ("I skip my insulin to lose weight").
    """

    kind: str
    rule: str
    also: tuple[str, ...] = ()
    check_in: bool = False
    keep: bool = False
    label: str = ""
    about_other: bool | None = None
    span: tuple[int, int] = (0, 0)
    # the 111 label of a sign lived with, told beside the emergency ("hand weak. and chest gets
    # tight when i dig": the chest's own GP-soon words if the weak hand is no new stroke)
    beside: str = ""

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.kind, *self.also)


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    patterns: tuple[WordPattern, ...]
    unless: tuple[WordPattern, ...] = ()
    # anywhere in the message, not only the match's sentence: the signs known and checked ("i know
    # its just panic not an actual heart thing, the gp checked"); void when the cue ``unlike_usual``
    # says this time differs ("chest pain now, not like my panic")
    unless_in_message: tuple[WordPattern, ...] = ()
    # the rest of the concept: without it the words are not this red flag YET, and say nothing
    # against the learned model ("takes all my money" without "never see a penny")
    requires: tuple[WordPattern, ...] = ()
    # a precision guard: without it the words mean something else ("cut myself chopping
    # onions" is not self-harm), and the model stays quiet for the rule's kind too
    only_when: tuple[WordPattern, ...] = ()
    also: tuple[str, ...] = ()
    # ``also`` is not raised when one of these matches: an overdose "by mistake" is no crisis
    also_unless: tuple[WordPattern, ...] = ()
    negation_is_meaning: bool = False
    check_in: bool = False
    keep: bool = False
    label: str = ""
    shared_sign: bool = False
    # a treatment begun does not settle it ("muddled, on antibiotics for a chest infection" is
    # delirium to see today): the ``on_treatment`` cue is no end for this rule
    treatment_is_no_end: bool = False
    # A concept rule: groups of patterns (a symptom, a time, a person...) of
    # which at least ``min_signs`` must each match somewhere in the message.
    signs: tuple[tuple[WordPattern, ...], ...] = ()
    min_signs: int = 0
    # the sign whose words are the event, read for time and negation (else the first in the message)
    anchor: int | None = None
    # the words a match of any pattern or sign opens with: a message with none of them is
    # skipped (None: the rule is always read)
    openings: frozenset[str] | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        signs = tuple(itertools.chain.from_iterable(self.signs))
        always = bool(self.signs) and self.min_signs == 0  # no sign needed: never skipped
        openings = None if always else word_gate.all_openings(p.openings for p in (*self.patterns, *signs))
        object.__setattr__(self, "openings", openings)


@dataclass(frozen=True)
class Cues:
    negation_words: frozenset[str]
    pseudo_negation: WordPattern
    denial: WordPattern
    past: WordPattern
    resolved: WordPattern
    seen_by_a_clinician: WordPattern
    present: WordPattern
    ongoing: WordPattern
    hypothetical: WordPattern
    future: WordPattern
    figurative: WordPattern
    habitual: WordPattern
    on_effort: WordPattern
    longstanding: WordPattern
    general_question: WordPattern
    on_screen: WordPattern
    lived_with: WordPattern
    protective: WordPattern
    helping: WordPattern
    withheld: WordPattern
    now: WordPattern
    worry: WordPattern
    mention: WordPattern
    bereavement: WordPattern
    unlike_usual: WordPattern
    chat: WordPattern
    advice: WordPattern
    media: WordPattern
    media_verbs: WordPattern
    likeness: WordPattern
    word_question: WordPattern
    available: WordPattern
    agreed_money: WordPattern
    told_warmly: WordPattern
    fear_of_care: WordPattern
    promise: WordPattern
    if_now: WordPattern
    everyday_life: WordPattern
    worn_out: WordPattern
    asked_said_no: WordPattern
    banter: WordPattern
    dated: WordPattern
    at_work: WordPattern
    work_dealt_with: WordPattern
    respite: WordPattern
    plan_made: WordPattern
    mortality: WordPattern
    arranged: WordPattern
    since_an_event: WordPattern
    on_treatment: WordPattern
    days_ago: WordPattern
    overnight: WordPattern
    fear_of: WordPattern


@dataclass
class _Candidate:
    rule: Rule
    start: int
    end: int
    counts: bool = field(default=False)
    # turned away only because what the rule ``requires`` was missing: not evidence against
    incomplete: bool = False
    about_other: bool | None = None
    habitual: bool = False


# ---------------------------------------------------------------- loading


def _spaces_to_whitespace(pattern: str) -> str:
    """A literal space matches any whitespace run (or none before an apostrophe),
    except inside [...] classes."""
    out: list[str] = []
    in_class = escaped = False
    for i, char in enumerate(pattern):
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "[":
            in_class = True
            out.append(char)
        elif char == "]":
            in_class = False
            out.append(char)
        elif char == " " and not in_class:
            quantified = pattern[i + 1 : i + 2] in {"*", "?", "+", "{"}
            # "life (?:'s|is) not": no space is needed before an apostrophe ("life's")
            out.append(r"\s" if quantified else r"(?:\s+|(?='))")
        else:
            out.append(char)
    return "".join(out)


def _expand(pattern: str, macros: dict[str, str]) -> str:
    # later macros may use earlier ones ({EXTRADOSE} names {PILLS}): the last defined goes first
    for name, body in reversed(macros.items()):
        pattern = pattern.replace("{" + name + "}", body)
    if re.search(r"\{[A-Z]+\}", pattern):
        raise ValueError(f"unknown macro in safety pattern: {pattern}")
    return _spaces_to_whitespace(pattern)


class WordPattern:
    """A compiled pattern that matches only from the start of a word.

    The same as a leading ``(?<!\\w)``, but checked after each match: a regex
    that starts with a lookbehind can't use ``re``'s fast scan for its first
    letters, which made every pattern 10 to 50 times slower, and all of them
    run on every message. ``search`` and ``finditer`` work as ``re``'s do.
    """

    __slots__ = ("openings", "regex")

    def __init__(self, body: str) -> None:
        self.regex = re.compile(r"(?:" + body + r")(?![\w])")
        # the words a match opens with: a text without any of them is not scanned at all
        self.openings = word_gate.opening_words(self.regex)

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.openings is not None and self.openings.isdisjoint(word_gate.word_starts(text)):
            return
        pos = 0
        while (match := self.regex.search(text, pos)) is not None:
            start = match.start()
            # "'s choking" begins inside "he's": a pattern may start at the apostrophe
            if start and (text[start - 1].isalnum() or text[start - 1] == "_") and text[start] != "'":
                pos = start + 1  # inside a word: try again from the next letter
                continue
            yield match
            pos = max(match.end(), start + 1)

    def search(self, text: str) -> re.Match[str] | None:
        # Most patterns find nothing in most messages: say so without starting the walk, and
        # mostly without scanning (no word in the text opens a match).
        if self.openings is not None and self.openings.isdisjoint(word_gate.word_starts(text)):
            return None
        if self.regex.search(text) is None:
            return None
        return next(self.finditer(text), None)


def _compile(patterns: Iterable[str], macros: dict[str, str]) -> tuple[WordPattern, ...]:
    return tuple(WordPattern(_expand(p, macros)) for p in patterns)


def _compile_any(patterns: Iterable[str], macros: dict[str, str]) -> WordPattern:
    return WordPattern("|".join(f"(?:{_expand(p, macros)})" for p in patterns))


@lru_cache(maxsize=4)
def load_rules(path: Path = PATTERNS_FILE) -> tuple[tuple[Rule, ...], Cues]:
    """Read and compile the reviewed pattern file once."""
    raw: dict[str, Any] = yamlfile.load(path.read_text(encoding="utf-8"))
    macros: dict[str, str] = raw.get("macros", {})
    cue_spec = raw["cues"]
    # every cue but the negation words is a list of patterns, compiled into one
    cues = Cues(
        negation_words=frozenset(cue_spec["negation_words"]),
        **{
            f.name: _compile_any(cue_spec[f.name], macros) for f in fields(Cues) if f.name != "negation_words"
        },
    )
    rules = []
    for spec in raw["rules"]:
        kind = spec["kind"]
        also = tuple(spec.get("also", ()))
        if kind not in RULE_KINDS or any(k not in RULE_KINDS for k in also):
            raise ValueError(f"safety rule {spec['name']!r} has an unknown kind")
        signs = tuple(_compile(group, macros) for group in spec.get("signs", {}).values())
        rules.append(
            Rule(
                name=spec["name"],
                kind=kind,
                patterns=_compile(spec.get("patterns", ()), macros),
                signs=signs,
                min_signs=int(spec.get("min_signs", len(signs))),
                anchor=list(spec["signs"]).index(spec["anchor"]) if "anchor" in spec else None,
                unless=_compile(spec.get("unless", ()), macros),
                unless_in_message=_compile(spec.get("unless_in_message", ()), macros),
                requires=_compile(spec.get("requires", ()), macros),
                only_when=_compile(spec.get("only_when", ()), macros),
                also=also,
                also_unless=_compile(spec.get("also_unless", ()), macros),
                negation_is_meaning=bool(spec.get("negation_is_meaning", False)),
                check_in=bool(spec.get("check_in", False)),
                keep=bool(spec.get("keep", False)),
                label=str(spec.get("label", "")),
                shared_sign=bool(spec.get("shared_sign", False)),
                treatment_is_no_end=bool(spec.get("treatment_is_no_end", False)),
            )
        )
    return tuple(rules), cues


@lru_cache(maxsize=4)
def _fuzzy_index(path: Path = PATTERNS_FILE) -> dict[str, frozenset[str]]:
    """Key words (and each with one letter dropped) -> the key words they can be.

    Two words are within one edit (a letter missing, added, changed or two
    swapped) when they share a form with at most one letter dropped.
    """
    raw: dict[str, Any] = yamlfile.load(path.read_text(encoding="utf-8"))
    index: dict[str, set[str]] = {}
    for word in raw.get("fuzzy_words", ()):
        for form in {word, *_deletions(word)}:
            index.setdefault(form, set()).add(word)
    return {form: frozenset(words) for form, words in index.items()}


@lru_cache(maxsize=4)
def _real_words(path: Path = PATTERNS_FILE) -> frozenset[str]:
    """English words spaCy's small vocabulary lacks, one letter from a key word: never mended."""
    raw: dict[str, Any] = yamlfile.load(path.read_text(encoding="utf-8"))
    return frozenset(raw.get("real_words", ()))


@lru_cache(maxsize=4)
def _model_labels(path: Path = PATTERNS_FILE) -> dict[str, WordPattern]:
    """Each emergency label's signs, to name the reply to an emergency the learned model heard."""
    raw: dict[str, Any] = yamlfile.load(path.read_text(encoding="utf-8"))
    macros: dict[str, str] = raw.get("macros", {})
    return {label: _compile_any(patterns, macros) for label, patterns in raw.get("model_labels", {}).items()}


def _model_label(norm: str) -> str:
    """The one emergency whose signs the message names ("wife cnt brth n lips goin blu": breathing),
    or "" when it names none or more than one: better unnamed than named wrong."""
    named = [label for label, signs in _model_labels().items() if signs.search(norm)]
    return named[0] if len(named) == 1 else ""


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _is_english(word: str) -> bool:
    """A word spaCy's English vocabulary knows ("cooking" is not a typo of "choking")."""
    from careplan.nlp import load_spacy

    return word in load_spacy().vocab.strings


_LONG_WORD = re.compile(rf"[a-z]{{{FUZZY_MIN_LETTERS},}}")


def spell_fix(norm: str) -> tuple[str, list[tuple[int, int]]]:
    """Mend one-letter typos of the key words ("colapsed", "droping", "unconcious").

    Only words of ``FUZZY_MIN_LETTERS`` or more letters that are not English
    words themselves, and only when exactly one key word is that close.
    Returns the mended text and, for each change, (offset in the mended text,
    length change so far), so offsets can be mapped back.
    """
    index = _fuzzy_index()
    out: list[str] = []
    shifts: list[tuple[int, int]] = []
    last = shift = 0
    for match in _LONG_WORD.finditer(norm):
        word = match.group()
        if word in index and word in index[word]:
            continue  # a key word, spelt right
        near: set[str] = set()
        for form in (word, *_deletions(word)):
            near |= index.get(form, frozenset())
        near = {w for w in near if abs(len(w) - len(word)) <= 1 and _one_edit(word, w)}
        # a key word with an ending ("goodbyes") is not a typo of it
        if len(near) != 1 or word.startswith(next(iter(near))) or word in _real_words() or _is_english(word):
            continue
        fixed = near.pop()
        out += [norm[last : match.start()], fixed]
        last = match.end()
        end_in_fixed = match.start() + shift + len(fixed)
        shift += len(fixed) - len(word)
        shifts.append((end_in_fixed, shift))
    if not shifts:
        return norm, []
    out.append(norm[last:])
    return "".join(out), shifts


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance of at most one, or two neighbouring letters swapped."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) != 2:
            return len(diff) == 1
        i, j = diff
        return j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _unshift(offset: int, shifts: list[tuple[int, int]]) -> int:
    """An offset in the mended text, mapped back to the message as typed."""
    moved = 0
    for end, shift in shifts:
        if offset >= end:
            moved = shift
    return offset - moved


# ---------------------------------------------------------------- helpers


def normalise(text: str) -> str:
    """Lower-case with straight quotes, keeping every character at its index."""
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_QUOTES)


def _clause_bounds(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of a sentence as (start, end) offsets, the match never split."""
    bounds: list[tuple[int, int]] = []
    last = 0
    for brk in _CLAUSE_BREAK.finditer(sentence):
        if start <= brk.start() < end:
            continue  # inside the match itself ("fell and hit her head")
        bounds.append((last, brk.start()))
        last = brk.end()
    bounds.append((last, len(sentence)))
    return bounds


def _is_negation_word(word: str, cues: Cues) -> bool:
    return word in cues.negation_words or word.endswith("n't") or word in {
        "dont", "cant", "wont", "didnt", "doesnt", "isnt", "havent", "hasnt", "wasnt",
        "couldnt", "wouldnt", "aint", "shouldnt", "nope",
    }  # fmt: skip


def _lexically_negated(before: str, cues: Cues) -> bool:
    """A negation word among the last few words before the match."""
    if cues.pseudo_negation.search(before):
        return False
    words = _WORD.findall(before)[-NEGATION_WINDOW:]
    return any(_is_negation_word(w, cues) for w in words)


def _dependency_negated(span: Any, cues: Cues) -> bool:
    """Walk up spaCy's parse from the match to its verb, looking for a negation."""
    inside = {t.i for t in span}
    token = span.root
    for _ in range(8):
        if token.i not in inside and (token.lower_ == "without" or token.lower_ in cues.negation_words):
            return True
        for child in token.children:
            if child.i in inside or child.i > span.start or child.lower_ in _NOT_AS_CHILD:
                continue
            if child.dep_ == "intj":  # "oh no, he's collapsed": not a negation
                continue
            if child.dep_ == "neg" or child.lower_ in cues.negation_words:
                if token.lemma_.lower() in _PSEUDO_NEGATED_VERBS:
                    continue
                return True
        is_verb = token.pos_ in {"VERB", "AUX"}
        if is_verb and token.dep_ == "acl" and _nobody(token.head, cues):
            return True  # "there's no one at home hurting me": nobody does it (session 29)
        if token.head is token or token.dep_ in _CLAUSE_DEPS or (is_verb and token.dep_ != "xcomp"):
            return False
        token = token.head
    return False


def _nobody(token: Any, cues: Cues) -> bool:
    """ "nobody", "no one", "not anyone": the one who does it is no one."""
    if token.lower_ in {"nobody", "noone", "no-one"}:
        return True
    return token.lower_ in {"one", "body", "anyone", "anybody"} and any(
        c.dep_ in {"det", "neg"} and c.lower_ in cues.negation_words for c in token.children
    )


_FIRST_PERSON = {"i", "me", "we", "us", "myself", "i'm", "im"}
_OWN = {"my", "our", "mine"}
# "my face is drooping": the writer's own body, so about the writer
_BODY = {"face", "speech", "chest", "arm", "lip", "mouth", "head", "leg", "side", "hand", "throat"}
# ...and what is measured or felt of it: "my sugars have been very high" is the writer's (tester s28:
# "the person you're telling me about" said to a woman about her own sugars)
_BODY |= {"sugar", "reading", "level", "pressure", "temperature", "foot", "feet", "eye", "knee", "back"}
_BODY |= {"heart", "skin", "stomach", "tummy", "wound", "ulcer", "breathing", "blood", "bp", "pain"}
_NOT_A_PERSON = {"it", "this", "that", "there", "which", "what", "who"}
# "what's the point", "my life isn't worth living": a thing, not a person, so it says who only through
# its owner ("my life" is the writer's, "his life" someone else's); with none, look further up (session 28,
# set11_09: "some days I wonder what's the point" was answered as about someone else)
_THINGS = {"point", "use", "life", "mind", "thought", "world", "future", "day", "night", "time", "heart"}
# "everyone would get on better if I wasn't about": nobody in particular, so the subject
# that says who it is about is further on (session 21's note, batch T)
_ANYONE = {
    "everyone", "everybody", "anyone", "anybody", "nobody", "noone", "no-one", "people", "one", "someone",
}  # fmt: skip


def _about_other(span: Any) -> bool | None:
    """Who the match is about, from the subject of its clause (and the clauses above).

    "my face is drooping" -> the writer; "she says she'd rather die" and "Mum's
    face has dropped" -> someone else. "it" and "there" look further up.
    """
    gone = _the_one_gone(span)
    if gone is not None:
        return gone
    if _writer_just_before(span):
        return False
    token = span.root
    for _ in range(8):
        for subject in _subjects(token, span):
            word = subject.lower_
            if word in _FIRST_PERSON:
                return False
            if word in _NOT_A_PERSON or word in _ANYONE or (word == "they" and _all_of_them(subject)):
                continue
            if _LOST.match(subject.doc[subject.i + 1 : subject.i + 4].text):
                continue  # "what's the point now he's gone": the one lost, not the one at risk
            owners = {c.lower_ for c in subject.children if c.dep_ == "poss"}
            lemma = subject.lemma_.lower()
            if lemma in _THINGS and not owners:
                continue
            if owners & _OWN:
                return lemma not in _BODY and lemma not in _THINGS
            return True
        if token.head is token:
            break
        token = token.head
    # no subject found: "my face drooping", "can't breathe"
    owners = {t.lower_ for t in span.sent if t.dep_ == "poss"}
    return False if owners & _OWN and not owners - _OWN else None


# "i'm", "i'd", "i've" typed without the apostrophe: spaCy splits "im" into "i" + "m" and often
# misreads the "i" ("my partner says im suicidal" read "i" as punctuation, so the partner was the
# one at risk: tester s33). Such an "i" is the writer as subject all the same.
_CONTRACTED = {"m", "d", "ve", "ll"}
# The one lost, right after the subject: "now he's gone", "since she died", "he passed last year"
_LOST = re.compile(r"(?:'?s |has |had |is |was )?(?:gone|died|passed|dead|left us)\b")


def _writer_just_before(span: Any) -> bool:
    """ "I" right before the match, past its verb's helpers ("says im suicidal", "reckons ive been
    self harming"): the writer, however the parse hung the words."""
    before = span.doc[span.sent.start : span.start]
    for token in reversed(before):
        if token.lower_ in _CONTRACTED or token.pos_ in {"AUX", "ADV", "PART"} or token.lower_ == "been":
            continue
        return token.lower_ == "i"
    return False


def _subjects(token: Any, span: Any) -> list[Any]:
    """The subjects of ``token``'s clause, the one nearest the match first (a misread parse may
    give a clause two)."""
    found = [
        c
        for c in token.children
        if c.dep_ in {"nsubj", "nsubjpass"}
        or (c.lower_ == "i" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in _CONTRACTED)
    ]
    return sorted(found, key=lambda c: min(abs(c.i - span.start), abs(c.i - span.end)))


# The one who would be missed ("they'd be better off without me", "she'd be rid of me", "the kids
# would be happier if I wasn't here"): whoever the subject is, the writer is the one at risk (tester
# s32: "i think my mum would be better off without me" got "It sounds like your mum may be at
# risk"). "She'd be better off without him", "he says we'd be better off without him" are his
# (tester s33: the "we" made it the writer's), but not "what's the point without him" (grief);
# "if she wasn't here" stays someone else's.
_WITHOUT = {"without", "rid"}
_SOMEONE_ELSE = {"him", "her", "them"}
# ...or would be better off with someone else in their place ("the baby would be better off with
# someone else as her mum": the writer is the one replaced, tester33)
_INSTEAD = {"else", "another", "different"}


def _the_one_gone(span: Any) -> bool | None:
    """Is the one others would be without, in the words that matched, someone else (True) or the
    writer (False)? None when no one is."""
    objects = _FIRST_PERSON - {"i", "i'm", "im"}
    for t in span:
        without = any(a.lower_ in _WITHOUT for a in t.ancestors)
        if without and t.lower_ in objects:
            return False
        if t.dep_ == "nsubj" and t.lower_ in _FIRST_PERSON and "if" in {c.lower_ for c in t.head.children}:
            return False
        if t.lower_ in _INSTEAD and any(a.lower_ == "with" for a in t.ancestors):
            return False  # the writer is the one replaced
        if without and t.dep_ == "pobj" and t.lower_ in _SOMEONE_ELSE and _better_off(t):
            return True
    return None


def _better_off(token: Any) -> bool:
    """Others said to be better, happier or easier off without ``token``'s person: not "what's the
    point of it all without him", where he is the one lost (messy_s32b_03)."""
    return any(
        t.tag_ in {"JJR", "RBR"} or t.lower_ == "off" for t in token.sent[: token.i - token.sent.start]
    )


def _all_of_them(subject: Any) -> bool:
    """ "they'd all manage": everyone around, not one person."""
    return any(t.lower_ == "all" for t in (*subject.children, *subject.head.children))


# ---------------------------------------------------------------- checks


def _counts(cand: _Candidate, norm: str, doc: Any, offset: int, cues: Cues) -> bool:
    """Does this pattern match survive the context checks?"""
    span = doc.char_span(cand.start - offset, cand.end - offset, alignment_mode="expand")
    if span is None:  # pragma: no cover - expand mode always returns a span for in-range offsets
        return True
    sent = span.sent
    s_start, s_end = sent.start_char + offset, sent.end_char + offset
    sentence = norm[s_start:s_end]
    m_start, m_end = cand.start - s_start, cand.end - s_start

    # spaCy sometimes starts a new sentence at "and" or "but" with no full stop: what a rule
    # requires may sit there ("he takes my pension every week | and I never see a penny")
    # ...and after a trailing "..." the thought goes on: "i just want it all to be over... the
    # building work next door i mean" (session 28)
    trailing = sentence.rstrip().endswith(("...", "\u2026"))
    run_on = sent.end < len(doc) and (trailing or not sentence.rstrip().endswith((".", "!", "?")))
    nxt_sent = doc[sent.end].sent if run_on else None
    context = sentence
    if nxt_sent is not None:
        context += " " + norm[nxt_sent.start_char + offset : nxt_sent.end_char + offset]
    # ...and what a rule is only about may sit in the run-on sentence before the match: "my
    # vision's gone double suddenly | and it's the worst headache I've ever had"
    prev_sent = doc[sent.start - 1].sent if sent.start else None
    about = context
    if prev_sent is not None and not prev_sent.text.rstrip().endswith((".", "!", "?")):
        about = norm[prev_sent.start_char + offset : prev_sent.end_char + offset] + " " + context
    if cand.rule.only_when and not any(p.search(about) for p in cand.rule.only_when):
        return False  # the words mean something else: evidence against, as ``unless`` is
    # ...and a match that runs on into it is read with it: "someone rang saying they were from
    # the bank | and I put the phone down and rang the number on my card"
    own_sentences = context if cand.end > s_end or trailing else sentence
    if any(p.search(own_sentences) for p in cand.rule.unless):
        return False
    if any(p.search(norm) for p in cand.rule.unless_in_message) and not cues.unlike_usual.search(norm):
        return False
    if cand.rule.kind == CRISIS and cues.asked_said_no.search(context):
        return False  # asked about it and answered no: "the doctor asked if I ever ... and I said no"
    if cand.rule.kind == SAFEGUARDING and _banter(context, cues):
        return False  # a family joke: "nan threatens to batter me with her handbag if i'm late"
    if cand.rule.requires and not any(p.search(context) for p in cand.rule.requires):
        cand.incomplete = True
        return False

    clauses = _clause_bounds(sentence, m_start, m_end)
    here = next(i for i, (a, b) in enumerate(clauses) if a <= m_start <= b)
    c_start, c_end = clauses[here]
    before = sentence[c_start:m_start]
    after = sentence[m_end:c_end]
    negated = (
        _lexically_negated(before, cues)
        or _dependency_negated(span, cues)
        or bool(cues.denial.search(before))  # "I don't have any thoughts of harming myself"
    )
    if negated and not cand.rule.negation_is_meaning:
        return False

    # Past and resolved: the match's own clause, plus the next for "..., but it's gone now".
    nxt = clauses[here + 1] if here + 1 < len(clauses) else (c_end, c_end)
    own = before + " " + after
    if cand.rule.kind == SAFEGUARDING:
        # harm by a person "since my stroke" began then and goes on; it is no past
        own = cues.since_an_event.regex.sub(" ", own)
    following = sentence[nxt[0] : nxt[1]]
    if here + 1 == len(clauses) and nxt_sent is not None:
        # the same run-on sentence: "my first husband beat me | but I left him thirty years ago"
        following = _first_clause(norm[nxt_sent.start_char + offset : nxt_sent.end_char + offset])
    # "still" counts in the match's own clause only: "she took her own life
    # years ago and I still think of her" is grief, not a crisis now
    if cand.rule.label == "overdose":
        # tablets harm hours later: "took a whole packet ... he says he's fine now" is not over
        own, following = _FEELS_FINE.sub(" ", own), _FEELS_FINE.sub(" ", following)
    told_past = _past_tense(span)
    # an emergency told in the past tense and dated days ago, or yesterday, is no 999 now by that date
    # alone ("dad choked on his dinner last week", "choked yesterday but he's fine now": session 34);
    # never tablets, which harm hours later ("took 30 paracetamol last night, feel ok now")
    lately = (
        cand.rule.kind == EMERGENCY
        and cand.rule.label != "overdose"
        and told_past
        and not cues.now.search(_over_now(cues.resolved.regex.pattern).sub(" ", sentence))
    )
    days_ago = lately and bool(cues.days_ago.search(sentence))
    overnight = lately and bool(cues.overnight.search(sentence))
    if days_ago or overnight:
        own, following = _when_said(own, cues), _when_said(following, cues)
    now = cues.present.search(own) or cues.ongoing.search(own) or cues.present.search(following)
    # A time in the next clause dates the match only if its own verb is in the past:
    # "he beat me but I left him thirty years ago", not "he beats me, we married in 1990".
    dated_by_next = cues.past.search(following) and _past_tense(span)
    # Told in the past tense and checked since, anywhere in the sentence: "had a bit of chest pain
    # last week, the GP sent me for an ECG and it was normal" (batch W).
    settled = _FEELS_FINE.sub(" ", sentence) if cand.rule.label == "overdose" else sentence
    treated = not cand.rule.treatment_is_no_end
    checked_since = _settled(settled, cues, cand.rule.kind, treated=treated) and told_past
    # Told in the past tense and dated, or treated and life gone on, anywhere in the sentence:
    # "had a heart attack in July, two stents, back at work part time now" (set11_09), "I took
    # too many pills once at university, that's in my notes, it was decades ago" (session 28).
    # Not for safeguarding: what was done then may still harm now ("borrowed my car in March and
    # now he's sold it").
    dated = cand.rule.kind != SAFEGUARDING and told_past and _dated_anywhere(settled, cues)
    if not now and (
        cues.past.search(own)
        or _settled(own, cues, cand.rule.kind, treated=treated)
        or _settled(following, cues, cand.rule.kind, treated=treated)
        or dated_by_next
        or checked_since
        or dated
        or days_ago
    ):
        return False

    # a run-on sentence before the match's: "i used to be a paramedic | so i've seen plenty of overdoses"
    lead = about[: len(about) - len(context)]
    if _not_a_disclosure(cand, span, sentence, (c_start, c_end, m_start, m_end), cues, lead):
        return False

    # up to the match's end: "frightened of having a heart attack" (the cue ends inside it);
    # a time to come anywhere in it: "a heart attack on my own one day"
    what_if = cues.hypothetical.search(sentence[:m_end]) and not cues.if_now.search(sentence)
    feared = cues.fear_of.search(sentence[:m_start].rstrip()) and not cues.now.search(sentence)
    worry = what_if or cues.future.search(sentence) or feared
    # For what needs a professional (999 or 111), a worry, a sign lived with for years, a
    # question about a word ("what is sepsis exactly?", "is shingles catching?") or a scene on
    # screen is no event now.
    seen_to = cand.rule.kind in {EMERGENCY, URGENT}
    if seen_to and (worry or not _seen_to_now(sentence, cues, urgent=cand.rule.kind == URGENT)):
        return False
    # "when it's crowded my chest gets tight", "she can't breathe lying down, every night":
    # a pattern someone lives with needs a doctor soon (111), not 999 now.
    # ...but a stroke sign is lived with only by words in its own clause: "her face has dropped and
    # she gets chest pain when she walks up hills" is a stroke now, whatever the chest does
    habit_in = sentence[c_start:c_end] if cand.rule.label == "stroke" else sentence
    lived_with = (
        cues.habitual.search(habit_in) or _in_a_when_clause(span) or _on_effort(cand.rule, norm, cues)
    ) and not cues.now.search(sentence)
    cand.habitual = cand.rule.kind == EMERGENCY and bool(lived_with or overnight)
    cand.about_other = _about_other(span)
    return True


def _on_effort(rule: Rule, norm: str, cues: Cues) -> bool:
    """Chest pain or tightness that comes with effort and settles with rest, anywhere in the message
    ("chest gets tight when i dig. goes when i rest. had it few weeks": tester33, Elaine): a GP or
    111 soon, not 999 now."""
    return rule.label == CHEST_ON_EFFORT_OF and bool(cues.on_effort.search(norm))


def _settled(text: str, cues: Cues, kind: str = "", *, treated: bool = True) -> bool:
    """Over, treated or checked ("it all settled", "on antibiotics", "the GP has checked"). A
    clinician who has seen it or knows settles a sign, never harm done by a person ("he hits me,
    the nurse knows"); a treatment begun only when ``treated`` (a rule's ``treatment_is_no_end``)."""
    return bool(
        cues.resolved.search(text)
        or (treated and cues.on_treatment.search(text))
        or (kind != SAFEGUARDING and cues.seen_by_a_clinician.search(text))
    )


def _when_said(text: str, cues: Cues) -> str:
    """The text without the days that date it ("last week", "yesterday"), which the ``present`` cue
    would read as now: what is left says whether it goes on now."""
    return cues.overnight.regex.sub(" ", cues.days_ago.regex.sub(" ", text))


@lru_cache(maxsize=2)
def _over_now(resolved: str) -> re.Pattern[str]:
    """What says it is over, with a "now" after it ("he's fine now"): that "now" says no more."""
    return re.compile(rf"(?:{resolved})(?:\s+now\b)?")


def _in_a_when_clause(span: Any) -> bool:
    """Is the sign said as the time something happens ("when I can't get my breath", "I get scared
    when I can't get my breath")? Its verb has "when" or "whenever" of its own: a pattern lived
    with, not something happening now. Not "I woke up and when I stood I couldn't get my breath"
    ("when" is the standing's), nor "he can't get his breath when he lies down" (the lying down's:
    the ``habitual`` cue reads that one)."""
    tops = [t for t in span if t.dep_ == "ROOT" or not span.start <= t.head.i < span.end]
    verbs = {t if t.pos_ in {"VERB", "AUX"} else t.head for t in tops}
    verbs |= {t.head for t in verbs if t.dep_ in {"xcomp", "ccomp"} and t.head.pos_ in {"VERB", "AUX"}}
    # "when she's struggling to breathe like this" is now: a pattern is said in the simple present
    verbs = {v for v in verbs if v.tag_ != "VBG"}
    when = ({"when", "whenever"}, {"advmod", "mark"})
    return any(c.lower_ in when[0] and c.dep_ in when[1] for v in verbs for c in v.children)


# Feeling fine, said of oneself or by the person: no sign that an overdose is over.
_FEELS_FINE = re.compile(
    r"\b(?:(?:i'?m|i am|she'?s|he'?s|she is|he is|they'?re|we'?re|says?|said|seems?|feels?|looks?) )?"
    r"(?:absolutely |perfectly |totally |completely )?(?:fine|ok|okay|alright|all right|good|well)(?: now)?\b"
)


def _seen_to_now(sentence: str, cues: Cues, urgent: bool = True) -> bool:
    """Something for a professional (999, or 111 when ``urgent``) happening now: not a sign lived
    with for years, a question about a word ("what is sepsis exactly?"), a scene on screen, nor,
    for 111, a thing lived with ("my ankles always swell in hot weather": for the appointment)."""
    if _longstanding(sentence, cues) or cues.general_question.search(sentence):
        return False
    if cues.on_screen.search(sentence):
        return False
    return not (urgent and cues.lived_with.search(sentence) and not cues.now.search(sentence))


def _dated_anywhere(sentence: str, cues: Cues) -> bool:
    """A time or a treatment that dates the sentence's events as over, and nothing in it said as now:
    "since my stroke" dates nothing ("my son's had my bank card since my stroke" goes on)."""
    if cues.present.search(sentence):
        return False
    return bool(cues.dated.search(sentence)) or any(
        not m.group().startswith("since") for m in cues.past.finditer(sentence)
    )


def _longstanding(sentence: str, cues: Cues) -> bool:
    """A sign lived with for years and no different ("slurry for years with the Parkinson's",
    "not breathing any worse than usual"): not new, so neither 999 nor 111, unless something
    else in the sentence says it has changed now ("worse" outside "no worse than usual")."""
    if not cues.longstanding.search(sentence):
        return False
    return not cues.now.search(cues.longstanding.regex.sub(" ", sentence))


def _first_clause(sentence: str) -> str:
    """The first clause with words in it ("but I left him years ago" -> " I left him years ago")."""
    return next((sentence[a:b] for a, b in _clause_bounds(sentence, -1, -1) if sentence[a:b].strip()), "")


def _up_to_verb(span: Any, steps: int | None = None) -> Any:
    """The verb the match hangs from: up the parse from the match's root to the first verb,
    stopping at the sentence's root, or after ``steps`` steps up; the token where it stops."""
    token = span.root
    for _ in itertools.count() if steps is None else range(steps):
        if token.pos_ in {"VERB", "AUX"} or token.head is token:
            break
        token = token.head
    return token


def _past_tense(span: Any) -> bool:
    """Is the verb the match hangs from in the past tense ("beat", "hit", "was hit", "was choking")?
    A gerund under a noun is read by the verb the noun hangs from: "I had thoughts of ending my
    life" is told in the past ("had"), as "ending" alone does not say (session 31)."""
    token = _up_to_verb(span, 3)
    if (
        token.tag_ == "VBG"
        and token.dep_ in {"pcomp", "acl"}
        and not any(c.dep_ == "aux" for c in token.children)
    ):
        token = _up_to_verb(token.doc[token.head.i : token.head.i + 1], 3)
    auxes = [c.tag_ for c in token.children if c.dep_ in {"aux", "auxpass"}]
    if token.pos_ in {"VERB", "AUX"} and token.tag_ == "VBG":
        return "VBD" in auxes  # the past continuous: "I was choking on a crisp earlier"
    if _could_then(token):
        return True
    return token.pos_ in {"VERB", "AUX"} and token.tag_ in {"VBD", "VBN"} and not {"VBZ", "VBP"} & set(auxes)


def _could_then(token: Any) -> bool:
    """ "could" told of a time gone by: the clause hangs from a verb in the past tense ("he was in
    hospital 3 days because he could not breathe", "he was rushed in because he couldnt breathe").
    "I could not breathe" on its own says nothing of when, and stays as it is."""
    could = any(c.dep_ == "aux" and c.lower_ == "could" for c in token.children)
    if not could or token.dep_ not in {"advcl", "ccomp"} or token.head is token:
        return False
    return _past_tense(token.doc[token.head.i : token.head.i + 1])


def _banter(text: str, cues: Cues) -> bool:
    """A family joke ("grandad says he'll lock us in the shed if we beat him at cards"), with no
    fear named: not a threat to report (session 27)."""
    return bool(cues.banter.search(text)) and not cues.worry.search(text)


def _cued_away(norm: str, cues: Cues) -> bool:
    """A past, resolved, figurative or hypothetical cue, a worry, or the media, anywhere in a short message.

    A guess from the NLU or the model has no span to check in context, so the
    whole message is read: these cues make a guess untrustworthy.
    """
    if cues.past.search(norm) or _settled(norm, cues) or cues.figurative.search(norm):
        return True
    if cues.mention.search(norm):
        return True  # the telly, a book, a talk: "on Emmerdale someone's been stealing from their gran"
    # A worry about what might happen ("I'm terrified they'll take my foot off")
    # is what the worries question asks for, not a red flag; nor is a fear said in
    # the person's own words ("I worry it's something bad"). Fear of a person,
    # and fear of hurting yourself, are the patterns' job, which read the subject.
    return bool(cues.hypothetical.search(norm) or cues.worry.search(norm))


# Someone else's death by their own hand, told as something that happened.
_A_DEATH = re.compile(
    r"(?:kill\w*|took|taken|ended|hanged|hung|drowned|gassed|poisoned|shot) (?:him|her|them)sel(?:f|ves)"
    r"|(?:took|taken|ended) (?:his|her|their) (?:own )?life"
)
_NOT_DONE = re.compile(
    r"\b(?:nearly|almost|tried|try|trying|attempted|threaten\w*|going to|gonna|wants?|will|'ll)\b"
)


def _not_a_disclosure(
    cand: _Candidate, span: Any, sentence: str, where: tuple[int, int, int, int], cues: Cues, lead: str
) -> bool:
    """Words about the words ("why did you say that about someone hurting me?"), a question
    about what a word means ("what counts as financial abuse?"), a programme's story ("someone
    took an overdose in EastEnders"), or a death that has happened ("my son took his own life",
    "suicide loss"): not a red flag now. ``where`` is (clause start, clause end, match start,
    match end) in the sentence; ``lead`` is the run-on sentence before it, where the writer may
    name their job ("i used to be a paramedic | so i've seen plenty of overdoses")."""
    c_start, c_end, m_start, m_end = where
    before = sentence[c_start:m_start]
    if cues.mention.search(before) or cues.at_work.search(lead + sentence[:m_start]):
        return True
    # a question about the word, or a list of what the writer's work deals with, around the match
    if any(
        q.start() <= m_start and q.end() >= m_end
        for cue in (cues.word_question, cues.work_dealt_with)
        for q in cue.finditer(sentence)
    ):
        return True
    if _the_media_s(sentence[:c_end], sentence[c_start:c_end], span, cues):
        return True
    if cand.rule.kind != CRISIS:
        return False
    return bool(cues.bereavement.search(sentence)) or _a_death_told(span, before, cues)


# The writer's own people, or the writer as the one it happens to: a clause with these is theirs.
_OWN_PEOPLE = re.compile(r"\b(?:me|my|mine|myself|us|our|ours)\b")
# Watching, reading, listening: the writer as audience, not as the one it happens to.
_MEDIA_VERBS = {"watch", "read", "listen", "hear", "see", "talk", "binge", "follow"}


def _the_media_s(upto: str, clause: str, span: Any, cues: Cues) -> bool:
    """A story from a programme, a book, the paper or a leaflet, told in the match's clause or
    the sentence up to it, about nobody of the writer's ("a man in the crime series I'm
    watching strangled his wife", "I was reading about sepsis in the paper") and tied to
    nothing of theirs ("that storyline is just like me, he checks my phone" is theirs; "I
    thought about ending it after that documentary" is the writer's own)."""
    if not cues.media.search(upto) or cues.likeness.search(upto):
        return False
    if _OWN_PEOPLE.search(cues.media_verbs.regex.sub(" ", clause)):
        return False
    return _about_other(span) is not False or _head_verb(span) in _MEDIA_VERBS


def _head_verb(span: Any) -> str:
    """The lemma of the verb the match hangs from ("reading about sepsis" -> "read")."""
    return _up_to_verb(span, 6).lemma_.lower()


def _a_death_told(span: Any, before: str, cues: Cues) -> bool:
    """ "He took his own life", "she has killed herself": someone else, and done (past
    or perfect tense), so a bereavement to acknowledge, not a risk to signpost."""
    if not _A_DEATH.search(span.text.lower()) or _NOT_DONE.search(before) or _about_other(span) is not True:
        return False
    token = _up_to_verb(span)
    perfect = any(c.lemma_ == "have" for c in token.children if c.dep_ == "aux")
    return token.tag_ == "VBD" or (token.tag_ == "VBN" and perfect)


def names_past_stroke(text: str) -> bool:
    """ "She had a stroke in August", "since his stroke": a stroke told as over, not happening now."""
    norm = normalise(text)
    return bool(_PAST_STROKE.search(norm)) and not _NEW_NOW.search(norm)


def now_said(text: str) -> bool:
    """The words say now ("right now", "today", "this morning"): the `now` cue alone."""
    return bool(load_rules()[1].now.search(normalise(text)))


def now_cue(text: str) -> bool:
    """Something says it is happening now or came on suddenly ("just now", "suddenly", "worse")."""
    return now_said(text) or bool(_NEW_NOW.search(normalise(text)))


def fears_another(text: str) -> bool:
    """ "And having another stroke", "scared of another heart attack": what may come again, said as a
    fear, with nothing saying it is happening now (session 34: "chest pains. and having another
    stroke" at the worries question got 999). A sign told as felt ("crushing chest pain and having
    another stroke") is no list of fears: still the 999 reply."""
    norm = normalise(text)
    return bool(_ANOTHER.search(norm)) and not _FELT.search(norm) and not now_said(text)


# A sign told as felt, not named as a fear: "crushing", "severe", "agony".
_FELT = re.compile(r"\b(?:crushing|severe|terrible|awful|agony|agonising|excruciating|squeezing|worst)\b")


_ANOTHER = re.compile(
    r"\b(?:(?:having|getting|have|get|had) (?:another|a second|a further)|(?:another|a second|a further) "
    r"(?:bad |big |small |mini[- ]?)?(?:stroke|strok|heart attack|tia|fall|fit|seizure|bleed|clot|one))\b"
)
_PAST_STROKE = re.compile(
    r"\b(?:had|'s had|has had|suffered|after|since|from|following) (?:a |an |the |her |his |my |their )?"
    r"(?:small |mini |big |minor |major |massive |bad )?stroke?\b"
    r"|\bstroke? (?:in|last|back in|earlier|(?:a |\d+ |a few |two |three )?(?:weeks?|months?|years?) ago)\b"
)  # ("strok": "revew one yr after strok", tester33)
# ("may" as maybe, not the month: "since her stroke in May", session 34)
_NEW_NOW = re.compile(r"\b(?:sudden\w*|just|think|might|(?<!\bin )may|could|again|another)\b")


def _nlu_guess(norm: str, intent: str | None, confidence: float, cues: Cues) -> RedFlag | None:
    kind = INTENT_KINDS.get(intent or "")
    if kind not in NLU_KINDS or confidence < NLU_MIN_CONFIDENCE or len(norm) > NLU_MAX_CHARS:
        return None
    words = _WORD.findall(norm)
    if any(_is_negation_word(w, cues) for w in words) and not cues.pseudo_negation.search(norm):
        return None
    if _cued_away(norm, cues):
        return None
    # "you're all mixed up, the goal is...": about the chat; "my son told me to try this": advice
    # passed on. Both have the shape of a disclosure: trusted only if the model hears harm too.
    if (cues.chat.search(norm) or cues.advice.search(norm)) and safety_model.guess(norm)[0] != kind:
        return None
    if not _THEMES[kind].search(cues.everyday_life.regex.sub(" ", norm)):
        # "my daughter said I should try this": the shape of a disclosure, not its theme; "I have
        # lived on my own since Bill died and I want to keep doing things for myself" (set7_06):
        # a death told as the background of everyday life, and independence, not the theme
        return None
    return RedFlag(kind=kind, rule=f"nlu:{intent}")


# A negation word in these roles does not negate the verb it hangs from: "no" as an
# interjection ("no, he hits me"), "nobody" as the subject ("nobody feeds her").
_NOT_NEGATING_DEPS = {"intj", "nsubj", "nsubjpass"}


def _root_negated(sent: Any, cues: Cues) -> bool:
    """Is the main verb of a sentence negated ("I'm not suicidal", "I don't want to hurt myself")?

    Only the root: "he wishes he'd never wake up" and "I won't need anything
    after Friday" carry a negation lower down that is part of the risk. Nor a
    negative subject: "nobody comes to change me" says who fails to act, which
    is what neglect is.
    """
    root = sent.root
    if root.lemma_.lower() in _PSEUDO_NEGATED_VERBS:
        return False
    return any(
        c.dep_ == "neg" or (c.dep_ not in _NOT_NEGATING_DEPS and c.lower_ in cues.negation_words)
        for c in root.children
    )


def _first_about(doc: Any) -> bool | None:
    """Who a whole message is about: the innermost clause whose subject says ("my dad keeps saying
    he's a burden": he; "my brother found the tablets I'd saved up": the writer)."""
    gone = _the_one_gone(doc[:])
    if gone is not None:
        return gone
    heads = {t.head.i for t in doc if t.dep_ in {"nsubj", "nsubjpass"} or t.lower_ == "i"}
    innermost = sorted(sorted(heads), key=lambda i: -len(list(doc[i].ancestors)))
    return next((about for i in innermost if (about := _about_other(doc[i : i + 1])) is not None), None)


# Keeping going said as what someone does, the answer to "what helps you on hard days?" ("I keep
# going", "I just carry on"): a strength, as "I don't give up" is (session 31: messy_s31d_04, a
# check-in on main); "I can't keep going" carries a negation and stays the theme.
_KEEPS_GOING = re.compile(
    r"\b(?:i|we|she|he|they|mum|dad)(?: (?:just|still|always|somehow|simply))?"
    r" (?:keeps?|kept|carry|carries|carried) (?:on )?(?:going|on)\b"
)
# Feeling like oneself again, a hope for getting better ("he wants to feel like himself", given as
# a why, got the check-in from the model: tester s33): not the theme "himself" stands for in
# "do himself in".
_ONESELF_AGAIN = re.compile(
    r"\b(?:feel\w*|be|being|get\w* back to|back to)(?: (?:more )?like)?"
    r" (?:(?:my|his|her|your|their|our) old )?(?:(?:my|him|her|your|them|our)sel(?:f|ves)|self)\b(?: again)?"
)
# Wanting to stop or cut down drink, smoking, gambling or drugs, with the habit named in the message
# ("her drinkin n her depression. she wants to stop, she said it herself", set12_08: the model,
# once it learnt batch ZV, checked in about a wish to die): a goal, not the theme. "i want it all
# to stop" and "stop everything" are not this.
_HABIT = re.compile(
    r"\b(?:drink\w*|booze\w*|alcohol\w*|wine|beer|lager|vodka|cider|smok\w*|cigs?|cigarettes?|vap\w*"
    r"|gambl\w*|betting|weed|cannabis|drugs?|coke|crack|spice)\b"
)
_STOPPING_THE_HABIT = re.compile(
    r"\b(?:wants?|wanted|wanting|trying|tried|try|going|wanna|gonna|needs?|decided|determined|ready)"
    r" (?:to )?(?:stop|quit|give up|cut down|cut back|come off|get off)\b"
    r"(?=\s*(?:$|[,.;!?]|(?:it|that|the \w+|her \w+|his \w+|my \w+|drink\w*|smok\w*|gambl\w*)\b))"
)
# "she said it herself", "he asked for it himself": the self of emphasis, not of harm
_SAID_ITSELF = re.compile(
    r"\b(?:said|says|say|told (?:me|us|them)|asked(?: for it)?|chose|choose|decided) (?:it |that |so )?"
    r"(?:my|him|her|them|your|our)sel(?:f|ves)\b"
)
# "cutting back on bread and cake", "cut out sugar": eating less, not cutting oneself (session 31: the
# model learnt from batches ZR and ZS heard a crisis in it)
_NOT_CUTTING_BACK = r"(?! (?:back|down|out)\b)"
# A crisis the model hears must still be about ending, harm, hopelessness or leaving: it
# learnt the shape of such lines too ("honestly I just want..."), and a tired carer's "I just
# need a night off" has that shape without the theme.
_CRISIS_THEME = re.compile(
    r"\b(?:die|died|dying|dead|death|kill\w*|suicid\w*|end (?:it|things|my life|this|everything)"
    r"|hurt (?:my ?self|me)|harm\w*|pills?|tablets|overdose|rope|bridge|jump|train|cut(?:ting)?"
    + _NOT_CUTTING_BACK
    + r"|(?:not|no longer|wasn'?t|weren'?t) (?:be )?(?:here|around)|gone|goodbye|good ?bye"
    # letters left for people, not paperwork: "it's on a letter in the drawer, I'll skip it"
    r"|letters? (?:for|to)|(?:written|wrote|writing|left|leaving|last) (?:\w+ ){0,2}letters?"
    r"|better off|burden|(?:no|the|what'?s the) point|give up|giving up|go on|carry on|keep going(?! to\b)"
    r"|cope|any ?more|never wake|not wake|wake up|disappear|vanish|hopeless|worthless|useless"
    r"|hate (?:my ?self|me)|nothing (?:left|to live)|(?:want|wanna|worth) (?:to )?liv\w*|life|alive"
    r"|sleep forever|tonight|dark\w*|despair\w*"
    r"|plan(?:s|ned)?|sorted|affairs|will|without me|off (?:their|your|his|her|everyone'?s) hands"
    r"|bother(?:ed)? with|won'?t have to|free of|rid of)\b",
    re.IGNORECASE,
)


# A crisis only the model hears gets the check-in, not the script, so it may take the theme
# more widely: every form of a word ("ending things", "hurting myself", "burning my arms"),
# the means ("insulin", "walk into the sea") and the signs ("on purpose", "stockpiling"). Leaving
# one batch out, _CRISIS_THEME alone turned away one crisis the model heard in three.
_CRISIS_THEME_WIDER = re.compile(
    r"\b(?:dies|kms|end|ends|ending|ended|over|finish\w*|stop|stopped|stopping|hurt\w*|cut\w*"
    + _NOT_CUTTING_BACK
    + r"|burn\w*"
    r"|bleed\w*|scratch\w*|bang\w*|punch\w*|hang|hanged|hanging|drown\w*|overdos\w*|od|tablet"
    r"|paracetamol|insulin|morphine|oramorph|jump\w*|sea|lorr\w+|wall|tree|(?:my|him|her|your|it)self"
    r"|(?:them|our)selves|(?:not|no longer|wasn'?t|weren'?t) (?:be )?about|be around|join|bother\w*|miss"
    r"|notice|much (?:more|longer)|enough|(?:not|never) waking|way (?:out|forward)|future|living|safe"
    # joining someone who has died: "I just want to be with my Bill now", "nothing keeping me here"
    r"|be with|keep(?:s|ing)? me here|go to (?:him|her|them)"
    r"|hoard\w*|stockpil\w*|on purpose|deliberately|planning"
    # the means, where a plan is said without a word of harm ("how easy it would be to step off")
    r"|platform|railway|tracks|river|canal|cliff|ledge|engine running|exhaust|(?:shot)?gun|rifle|knife"
    r"|razor|blades?|noose|step(?:ping)? (?:off|out|in front)|walk(?:ing)? (?:into|out into))\b",
    re.IGNORECASE,
)

# Harm done to someone, by its kinds (physical, emotional, controlling, financial, sexual,
# neglect) and their everyday words. The NLU learnt safeguarding from lines shaped "my <family>
# <verb>s me", and heard it at 0.94 in "Hello dear, my daughter said I should try this" (set4_10):
# its guess alone needs one of these words, as a crisis it hears needs _CRISIS_THEME.
_HARM_DONE_WORDS = (
    r"\b(?:hurt\w*|harm\w*|hit|hits|hitting|slap\w*|punch\w*|kick\w*|push\w*|shov\w*|beat\w*|bruis\w*"
    r"|smack\w*|thump\w*|grab\w*|pinch\w*|(?:shak\w*|shook) (?:me|her|him)|strangl\w*|chok\w*|throttl\w*"
    r"|rough\w*|flinch\w*|violen\w*|cruel\w*|nasty|vicious|horrible to|bull(?:y|ies|ied|ying)"
    r"|abus\w*|neglect\w*"
    r"|mistreat\w*|threat\w*|shout\w*|scream\w*|yell\w*|swear\w*|names|belittl\w*|humiliat\w*|mock\w*"
    r"|puts? (?:me|her|him) down|control\w*|lock\w*|keeps? (?:me|her|him|them) (?:in|from|away)|isolat\w*"
    r"|trapped|forc\w*|pressur\w*|made (?:me|her|him) sign|st(?:ole|olen|eal\w*)|scam\w*|fraud\w*"
    r"|touch\w*|sexual\w*|rap(?:e|ed)|indecent\w*|wet|soiled|dirty|filthy|starv\w*|hungry|fed(?! up)"
    r"|sores?|ignor\w*|unsafe|danger\w*|lash\w* out|too hard"
)
# ...and money, which is a harm word only with something else: help with money is everyday.
_MONEY = (
    r"|money|pension|bank|cards?|savings|cash|pin (?:number|code)|account|benefits|(?:my|her|his|their) will"
)
_HARM_DONE = re.compile(_HARM_DONE_WORDS + r")\b", re.IGNORECASE)
# Talk of diet advice and what people eat (the learned model only): "the leaflets they give me only
# talk about porridge and salad", "the food they tell me to eat isn't what we cook at home".
_DIET_TALK = re.compile(
    r"\b(?:diet\w*|leaflets?|dietitian|dietician|porridge|salad|carbs|carbohydrates?|portion sizes?"
    r"|(?:our|my) (?:food|meals?)|(?:we|i) (?:eat|cook)"
    r"|(?:told|tell|tells|give|gives|gave) (?:me|us) to eat)\b",
    re.IGNORECASE,
)
# Kept in (hospital, or at home) until a professional has seen them (the learned model only, session 29):
# "they won't let her go home till the physio has seen her" is a care decision, not control.
_WAIT_FOR_A_PROFESSIONAL = re.compile(
    r"\b(?:till|until|before|til) (?:the |a |her |his |my |their )?"
    r"(?:physio\w*|doctors?|dr|consultants?|ot|ots|occupational therapists?|nurses?|social workers?|team"
    r"|surgeons?|gp|specialists?|ward|hospital)"
    r"\b[^.!?]{0,30}\b(?:seen|sees|see|checked|checks|check|assessed|assesses|signs?|signed|says|said|clears?"
    r"|cleared|okays?|ok'?d|happy)\b",
    re.IGNORECASE,
)
# A yes-no question or a question mark; and the eyes (the learned model only, session 29).
_QUESTION = re.compile(r"^\W*(?:is|are|will|would|should|shall|does|do|did|has|have|am)\s|\?")
_SIGHT = re.compile(r"\b(?:sight|eyesight|vision|eyes?)\b")
_HARM_THEME = re.compile(_HARM_DONE_WORDS + _MONEY + r")\b", re.IGNORECASE)
# Seeing things that aren't there (the learned model only): a symptom, often of Parkinson's, its
# medicines, dementia or an infection, never harm by someone. "hes started seeing things at night,
# people in the bedroom. it scares him" (tester s29) got the safeguarding reply, "No one should hurt
# them". Fear is part of it; only harm besides fear ("hits him", "takes her money") still counts.
_SEEING_THINGS = re.compile(
    r"\b(?:hallucinat\w*|imagin\w* (?:things|people|someone)"
    r"|(?:seeing|sees|saw|see|seen) (?:things|people|faces|figures|shadows|children|kids|animals|bugs|insects"
    r"|spiders|men|strangers|someone|little \w+)"
    r"|(?:things|people|someone|men|children|kids|animals|faces) (?:\w+ ){0,3}(?:who|that|which)? ?"
    r"(?:aren'?t|are not|isn'?t|is not|wasn'?t|weren'?t) (?:really |actually )?there"
    r"|(?:thinks|says|swears|convinced) (?:there'?s|there are|there is|there were)"
    r" (?:people|men|someone|children|kids|a man|a woman|strangers))",
    re.IGNORECASE,
)
# Someone's own outburst, of frustration or distress (the learned model only): "he gets so
# frustrated, he shouts then cries. his mates stopped coming round" (tester s31, Dev about his dad
# after a stroke) got "It sounds like Harbans may be at risk". Shouting at no one, said with the same
# person's tears or frustration, is how they feel, not someone hurting them. Shouting at someone
# ("he shouts at me"), or one person shouting and another crying, still counts.
_OUTBURST = re.compile(r"shout\w*|scream\w*|yell\w*|swear\w*|rant\w*|rag(?:e|es|ing)", re.IGNORECASE)
_OUTBURST_AT = re.compile(
    r"\b(?:shout|scream|yell|swear|rant)\w* (?:\w+ )?(?:at|to|on) (?:me|him|her|them|us|you|my|his|their|our"
    r"|[a-z]+'s)\b",
    re.IGNORECASE,
)
_DISTRESS = re.compile(
    r"frustrat\w*|cr(?:y|ies|ied|ying)|tears|tearful|sob\w*|upset|confused|agitated|angry|temper|wound",
    re.IGNORECASE,
)
_FEAR_WORDS = re.compile(r"scar\w*|frighten\w*|terrif\w*", re.IGNORECASE)
_THEMES = {CRISIS: _CRISIS_THEME, SAFEGUARDING: _HARM_THEME}

# An emergency the learned model hears must name a sign of one: a body sign, a means or an
# event (breathing, blood, a fit, a fall, the floor, not waking, tablets swallowed, a face or
# an arm, grey or clammy). Its word pairs heard one in grief (set8_09: "The bed feels too big
# now. I wake at 3 and think about him. And my legs get restless.", 0.94): a body at night,
# nothing happening to it. Every emergency the model alone caught in the development sets
# names one of these. "wake" alone is sleep; not waking is the sign.
_EMERGENCY_THEME = re.compile(
    r"\b(?:breath\w*|chest|pain\w*|agony|hurts?|blood\w*|bleed\w*|sick|vomit\w*|throw\w* up|swallow\w*"
    r"|pills?|tablets?|patch(?:es)?|overdos\w*|fentanyl|morphine|oxycodone|co-?codamol|paracetamol"
    r"|insulin|units|sugars?|hypo\w*|drowsy|sleepy|nodding off|(?:hard|can'?t|won'?t|wont|not|couldn'?t"
    r"|hasn'?t|didn'?t|unable) (?:to )?(?:wake|woken)|woken|(?:half|barely|not|hardly) awake|(?:un)?conscious"
    r"|(?:un)?responsive|colou?r|star(?:e|es|ed|ing)"
    r"|answer\w*|not with it|(?:make|making) (?:any )?sense|faint\w*|collaps\w*|slump\w*|floor|fall|fell"
    r"|fallen|stairs|lying|crash\w*|skin|burn\w*|scald\w*|kettle|blister\w*|grey|gray|pale|white"
    r"|clammy|sweat\w*|blue|dusky|purple|fit|fits|fitting|seizure\w*|shak\w*|jerk\w*|convuls\w*"
    r"|stung|sting|tongue|lips?|throat|face|arm|jaw|hand|speech|words|talk\w*|speak\w*|vision|sight"
    r"|eyes?|pupils?|head|neck|headaches?|confused|stuck|chok\w*|cough\w*|pulse|cpr|pregnant"
    r"|heart(?:burn|beat| attack| rate| racing| pounding| pills| tablets)?(?! ?(?:broke|break|ache|sick))"
    r"|tummy|stomach|belly|testicles?|spots|rash|fever|temperature|burning up|swell\w*|swollen|lumps"
    r"|bulging|alarm|carbon monoxide|fumes|bleach|poison\w*|(?:can'?t|not|won'?t) move|bit(?:ten)?|bite"
    r"|tingl\w*|numb|weak|broken|panting|gasp\w*|wheez\w*|999|ambulance)\b",
    re.IGNORECASE,
)


def _only_help(norm: str, cues: Cues) -> bool:
    """People and the help they give, and nothing else a safeguarding guess could rest on: no
    harm or fear, no "not / nobody / won't", nothing of theirs kept or taken (set6_04). A time
    someone is not about ("my partner when he's not on lates", set6_03) is no refusal."""
    norm = cues.available.regex.sub(" ", norm)
    return bool(
        cues.helping.search(norm)
        and not (_HARM_THEME.search(norm) or cues.worry.search(norm) or cues.withheld.search(norm))
        and not _has_negation(norm, cues)
    )


def _break_wished_for(norm: str, cues: Cues) -> bool:
    """A carer's wish for a break, a sitter or a group ("a night off now and then. and a carers
    group where I'm not the only man", set5_07), with no harm, money or control named: "a break
    from him, he hits me" still counts."""
    return bool(cues.respite.search(norm)) and not (_HARM_THEME.search(norm) or cues.withheld.search(norm))


def _has_negation(norm: str, cues: Cues) -> bool:
    return any(_is_negation_word(word, cues) for word in _WORD.findall(norm))


def _everyday_care(norm: str, cues: Cues) -> bool:
    """What the learned model hears as safeguarding in a carer's everyday words (session 24):
    money held for someone at their asking or paid back ("mum gave me her PIN so I can get her
    pension out when she's poorly"), or care told warmly ("they're gentle and talk to him the whole
    time", session 32), with no harm, no "not" and nothing kept from them; or a fear
    of going into a home or a hospital and the promise it asks for ("she's terrified of going
    into a home. she makes me promise every night", set4_09), with no harm named."""
    if cues.agreed_money.search(norm):
        return not (_HARM_DONE.search(norm) or cues.withheld.search(norm) or _has_negation(norm, cues))
    if cues.told_warmly.search(norm):  # ...never beside money: "lovely week really ... my son does my money"
        return not (_HARM_THEME.search(norm) or cues.withheld.search(norm) or _has_negation(norm, cues))
    return bool(cues.fear_of_care.search(norm)) and not _HARM_DONE.search(cues.promise.regex.sub(" ", norm))


def _the_media_only(norm: str, kind: str, cues: Cues) -> bool:
    """A programme's or the paper's story, and nothing of the kind's theme outside the clauses
    that tell it ("on corrie someone got pushed down the stairs, my mum watches it religiously"):
    the learned model heard the story. Tied to the writer's life ("just like me") it counts."""
    if not cues.media.search(norm) or cues.likeness.search(norm):
        return False
    theme = _THEMES[kind]
    clauses = (norm[a:b] for a, b in _clause_bounds(norm, -1, -1))
    return not any(theme.search(clause) for clause in clauses if not cues.media.search(clause))


def _model_guess_in_parts(norm: str, text: str, cues: Cues, shifts: list[tuple[int, int]]) -> RedFlag | None:
    """The learned model on a short message whole; on a long one, sentence by sentence:
    the sentences it is surest are red flags are checked (``_model_guess``) in turn."""
    if len(norm) <= NLU_MAX_CHARS:
        return _model_guess(norm, text, cues, (_unshift(0, shifts), _unshift(len(norm), shifts)))
    heard = []
    for found in itertools.islice(_SENTENCE.finditer(norm), MODEL_MAX_SENTENCES):
        start, end = found.start(), min(found.end(), found.start() + NLU_MAX_CHARS)
        kind, confidence = _guess(norm[start:end])
        if confidence >= MODEL_MIN_CONFIDENCE.get(kind, 2.0):
            heard.append((confidence, start, end))
    for _, start, end in sorted(heard, reverse=True)[:MODEL_SENTENCES_CHECKED]:
        span = (_unshift(start, shifts), _unshift(end, shifts))
        if flag := _model_guess(norm[start:end], text[start:end], cues, span):
            return flag
    return None


def _subject(token: Any) -> str:
    """Who does what ``token`` says: the subject of its nearest verb up the parse ("" if none)."""
    for head in (token, *token.ancestors):
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject.lower_
    return ""


def _own_outburst(norm: str, doc: Any) -> bool:
    """Is every word of harm someone's own shouting, at no one, with their own tears or frustration
    ("he gets so frustrated, he shouts then cries", "dad swears and cries when he can't do his buttons")?"""
    harm = list(_HARM_THEME.finditer(norm))
    if not harm or not all(_OUTBURST.fullmatch(m.group()) for m in harm) or _OUTBURST_AT.search(norm):
        return False
    shouters = {_subject(t) for t in doc if _OUTBURST.fullmatch(t.lower_)}
    upset = {_subject(t) for t in doc if _DISTRESS.fullmatch(t.lower_)}
    return bool(shouters) and "" not in shouters and shouters <= upset


def _harm_besides_fear(norm: str) -> bool:
    """A word of harm done other than being frightened ("it scares him" is what seeing things does)."""
    return any(not _FEAR_WORDS.fullmatch(m.group()) for m in _HARM_DONE.finditer(norm))


def _illness_feared(norm: str, cues: Cues) -> bool:
    """A worry that an illness's sign may come ("i'm scared he'll have a hypo in the night and i
    won't hear him", batch ZX), with no word of harm, money or control: the learned model heard a
    carer's fear as safeguarding (session 34)."""
    return bool(
        cues.worry.search(norm)
        and cues.hypothetical.search(norm)
        and _EMERGENCY_THEME.search(norm)
        and not (_HARM_THEME.search(norm) or cues.withheld.search(norm))
    )


def _guess(norm: str) -> tuple[str, float]:
    """The red-flag model's guess where it is sure enough to be trusted; else the 111 model's."""
    kind, confidence = safety_model.guess(norm)
    if confidence >= MODEL_MIN_CONFIDENCE.get(kind, 2.0):
        return kind, confidence
    return URGENT, safety_model.urgent(norm)


def _model_guess(norm: str, text: str, cues: Cues, span: tuple[int, int]) -> RedFlag | None:
    """The learned model's guess, trusted when sure enough, and surer still when something discounts it.

    A crisis it hears gets the check-in, not the full signposting: no pattern
    matched, so the words are indirect ("everyone would manage fine once I'm
    off their hands"), and the person's answer decides, as issue 13 asks for
    ambiguous lines. ``span`` is where the words it read are in the message as
    typed: the check-in quotes them.
    """
    kind, confidence = _guess(norm)
    if confidence < MODEL_MIN_CONFIDENCE.get(kind, 2.0):
        return None
    if cues.figurative.search(norm):
        return None  # an idiom ("I'm dying to see the grandkids"), however sure it is
    if _cued_away(norm, cues) and confidence < MODEL_MIN_CONFIDENCE_CUED[kind]:
        return None
    if kind in {EMERGENCY, URGENT} and _settled(norm, cues, kind):
        return None  # "it was treated and it's gone": over, however sure it is that it was one
    if (
        kind == EMERGENCY
        and confidence < MODEL_MIN_CONFIDENCE_CUED[kind]
        and (_QUESTION.search(norm) or (_SIGHT.search(norm) and not now_cue(norm)))
    ):
        # "is my chest getting worse", "my eyes the middle of my sight has gone" (an eye clinic's
        # patient): a question, or sight lost with no onset said, needs a surer model (session 29)
        return None
    if kind == URGENT and (not _seen_to_now(norm, cues) or cues.arranged.search(norm)):
        # "my ankles always swell in hot weather": for the appointment, as for the patterns; "my
        # tablets are ordered and ready tomorrow": already in hand
        return None
    if kind == SAFEGUARDING and cues.protective.search(norm):
        return None  # "he grabbed me when I slipped": a hand that kept someone safe
    if kind == SAFEGUARDING and _banter(norm, cues):
        return None  # "my wife says she'll kill me if I eat another biscuit": a family joke
    if kind == SAFEGUARDING and _only_help(norm, cues):
        return None  # "my son rings every night, next door's lad cuts the hedge": who helps
    if (
        kind == SAFEGUARDING
        and confidence < MODEL_MIN_CONFIDENCE_CUED[kind]
        and not (_HARM_THEME.search(norm) or cues.withheld.search(norm))
    ):
        # "her tea made properly, not a mug! She still knows all the hymns even when she doesn't
        # know what day it is" (set6_02, 0.861): no word of harm, money or control, so surer still
        return None
    if kind == SAFEGUARDING and _break_wished_for(norm, cues):
        return None  # "a night off now and then. and a carers group": help wished for (set5_07)
    if kind == SAFEGUARDING and cues.worn_out.search(norm) and not _HARM_DONE.search(norm):
        return None  # "getting changed wipes her out": tired, not harmed
    if kind == SAFEGUARDING and _everyday_care(norm, cues):
        return None  # "I do his shopping and he gives me the money back": a carer's day
    if kind == SAFEGUARDING and _illness_feared(norm, cues):
        return None  # "i'm scared he'll have a hypo in the night and i won't hear him": no one harms him
    if kind == SAFEGUARDING and _SEEING_THINGS.search(norm) and not _harm_besides_fear(norm):
        return None  # "hes started seeing things at night, people in the bedroom": a symptom, not harm
    if kind == SAFEGUARDING and _DIET_TALK.search(norm) and not _HARM_DONE.search(norm):
        # "the food. our food is rice and yam, and the leaflets they give me only talk about porridge"
        # (tester s28): what the diet advice says, and how she eats; nobody harms anyone
        return None
    if kind == SAFEGUARDING and _WAIT_FOR_A_PROFESSIONAL.search(norm) and not _HARM_DONE.search(norm):
        return None  # "they won't let her go home till the physio has seen her": a care decision
    if kind in _THEMES and _the_media_only(norm, kind, cues):
        return None  # "on corrie someone got pushed down the stairs": the programme's story
    from careplan.nlp import parse

    doc = parse(text)
    # "my chest", "breathing": a topic (the answer to "what health condition?"), not something
    # happening; the model learnt that such words go with red flags, so it needs a verb
    # (a hedge is not a verb of its own: "me and the kids I think", an answer to "who helps?")
    verbs = [t for t in doc if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() not in _HEDGES]
    if len(doc) < MODEL_MIN_WORDS or not verbs:
        return None
    if kind == SAFEGUARDING and _own_outburst(norm, doc):
        return None  # "he gets so frustrated, he shouts then cries": how he feels, no one hurting him
    if confidence < MODEL_MIN_CONFIDENCE_NEGATED[kind] and any(
        _root_negated(sent, cues) for sent in doc.sents
    ):
        return None
    themed = cues.everyday_life.regex.sub(" ", norm)  # "I have gone there all my life": not the theme
    if kind in {EMERGENCY, URGENT} and not _EMERGENCY_THEME.search(themed):
        return None  # "I wake at 3 and think about him. And my legs get restless": grief, no sign
    if kind == EMERGENCY and cues.habitual.search(norm) and not cues.now.search(norm):
        kind = URGENT  # lived with, not happening now: 111, not 999 (as for the patterns)
    if kind == CRISIS and not _has_negation(norm, cues):
        themed = _KEEPS_GOING.sub(" ", themed)  # "I just keep going": a strength, not the theme
    if kind == CRISIS:
        themed = _ONESELF_AGAIN.sub(" ", themed)  # "he wants to feel like himself again": a hope
        themed = _SAID_ITSELF.sub(" ", themed)  # "she said it herself": emphasis
    if kind == CRISIS and _HABIT.search(norm):
        themed = _STOPPING_THE_HABIT.sub(" ", themed)  # "she wants to stop" (the drinking): a goal
    if kind == CRISIS and not cues.plan_made.search(norm):
        # "And I won't be around forever", "who'll look after her when I'm gone": mortality said
        # plainly is a worry about the future; the theme must be said besides it
        themed = cues.mortality.regex.sub(" ", themed)
    if kind == CRISIS and not (_CRISIS_THEME.search(themed) or _CRISIS_THEME_WIDER.search(themed)):
        return None  # "honestly I just want a good night's sleep": the wording, not the theme
    return RedFlag(
        kind=kind,
        rule="model",
        label=_model_label(norm) if kind == EMERGENCY else "",
        check_in=kind == CRISIS,
        about_other=_first_about(doc),
        span=span,
    )


# A question about keeping someone safe, put to the bot: it deserves a kind, honest answer
# now, not "a good question for your care team" days away (tester A round 3, P3, P7, P10).
# Safeguarding: how to raise a concern. Health: whether something is safe to do, or whether
# to call for help: no medical advice, but who to ask today.
_ASKING = re.compile(
    r"\?|^\W*(?:so\W+|and\W+|but\W+|ok\W+)*(?:is|isn'?t|should|shall|can|could|do|does|would|who|where|how|what)\b",
    re.IGNORECASE,
)
# Someone who can't use a voice phone (Deaf, hard of hearing, no speech): "Me can't speak phone".
_NO_VOICE = (
    r"(?:can'?t|cannot|can not|cant|unable to|not able to) (?:speak|talk|use)"
    r"(?: (?:on|to|down|over))?(?: (?:the|a|my))? ?(?:phone|telephone|mobile)?"
    r"|\b(?:deaf|bsl|hard of hearing|no voice|lost my voice|speech (?:has )?gone|textphone)\b"
)
_NO_VOICE_PHONE = re.compile(
    rf"\b(?:can'?t|cannot|can not|cant|unable to|not able to) (?:speak|talk)"
    rf"(?: (?:on|to|down|over))?(?: (?:the|a|my))? (?:phone|telephone|mobile)\b"
    rf"|(?=.*\b(?:999|111|ambulance|emergency|call|ring|phone)\b)(?=.*(?:{_NO_VOICE}))",
    re.IGNORECASE | re.DOTALL,
)
_SAFETY_QUESTIONS = {
    # how to reach 999 without speaking: emergencySMS, Relay UK, 999 BSL (tester C round 4, P15)
    "no_voice": _NO_VOICE_PHONE,
    SAFEGUARDING: re.compile(
        r"\bsafeguard\w*"
        r"|\b(?:report|reporting) (?:it|this|that|them|him|her|the home|the carers?|the staff|abuse)\b"
        r"|\b(?:who|where) (?:do|should|can|would) (?:i|we) (?:report|tell|complain|go)\b"
        r"|\b(?:is|isn'?t) (?:this|that|it) (?:abuse|neglect)\b",
        re.IGNORECASE,
    ),
    "health": re.compile(
        r"\b(?:is it|is that|would it be|it'?s not|are you sure it'?s) (?:\w+ )?(?:safe|unsafe|dangerous)"
        r" (?:to|for (?:me|him|her|them|mum|dad) to)\b"
        r"(?! (?:say|tell|share|type|write|talk|put|answer|use|send)\b)"  # "is it safe to say...": privacy
        r"|\bshould (?:i|he|she|we|they|mum|dad) (?:still |even )?(?:be )?(?:driv\w*|drive)\b"
        r"|\b(?:should|shall|do|must) (?:i|we) (?:call|ring|phone|get)"
        r" (?:111|999|an ambulance|the doctor|the gp|someone)\b",
        re.IGNORECASE,
    ),
}


def no_voice_phone(text: str) -> bool:
    """ "I can't speak on the phone", "I'm deaf, how do I call 999?": a voice call won't do."""
    return bool(_NO_VOICE_PHONE.search(text))


def safety_question(text: str) -> str | None:
    """ "safeguarding" for "is that safeguarding? who do I report it to?", "health" for "is it
    safe to keep driving while I'm dizzy?" or "should I call 111 now?"; None otherwise."""
    if not _ASKING.search(text):
        return None
    return next((kind for kind, pattern in _SAFETY_QUESTIONS.items() if pattern.search(text)), None)


def _candidates(norm: str, rules: Iterable[Rule]) -> list[_Candidate]:
    found = []
    starts = word_gate.word_starts(norm)
    for rule in rules:
        if rule.openings is not None and rule.openings.isdisjoint(starts):
            continue  # no word here opens any of its patterns
        for pattern in rule.patterns:
            if pattern.search(norm) is not None:
                found.extend(_Candidate(rule, m.start(), m.end()) for m in pattern.finditer(norm))
        if rule.signs:
            matches = [_first(group, norm) for group in rule.signs]
            firsts = [m for m in matches if m is not None]
            if len(firsts) >= rule.min_signs:
                at = matches[rule.anchor] if rule.anchor is not None else None
                first = at or min(firsts, key=lambda m: m.start())
                found.append(_Candidate(rule, first.start(), first.end()))
    return found


def _any(patterns: tuple[WordPattern, ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _first(patterns: tuple[WordPattern, ...], text: str) -> re.Match[str] | None:
    matches = [m for p in patterns if (m := p.search(text)) is not None]
    return min(matches, key=lambda m: m.start()) if matches else None


def _parse_near(text: str, start: int, end: int) -> tuple[Any, int]:
    """spaCy doc for the text around a match, and the offset of that text.

    A short message's window is the whole message: the same parse (cached per
    text) that the other readers of the message use.
    """
    from careplan.nlp import parse

    step = WINDOW_CHARS // 2
    lo = max(0, (start // step) * step - step // 2)
    hi = min(len(text), max(lo + WINDOW_CHARS, end + step // 2))
    return parse(text[lo:hi]), lo


def _chest_lived_with(candidates: list[_Candidate], text: str, norm: str, cues: Cues) -> str:
    """CHEST_ON_EFFORT when a chest sign beside another emergency is one lived with ("hand weak. and
    chest gets tight when i dig", tester33's Elaine): its own 111 words are said if the other is no
    new emergency. Read here, as the loop stops at the first emergency that counts."""
    for cand in candidates:
        if cand.rule.label != CHEST_ON_EFFORT_OF or cand.rule.kind != EMERGENCY:
            continue
        if not cand.counts:
            doc, offset = _parse_near(text, cand.start, cand.end)
            cand.counts = _counts(cand, norm, doc, offset, cues)
        if cand.counts and cand.habitual:
            return CHEST_ON_EFFORT
    return ""


def _with_a_plan(flag: RedFlag | None, norm: str, cues: Cues) -> RedFlag | None:
    """A crisis check-in said beside a plan, a means, a time or a farewell ("tonight's the night",
    "I've got it all planned", "letters for the kids", "the rope in the garage", "this is the last
    message I'll send"): no question to ask, the crisis reply at once (session 29, batch ZQ)."""
    if flag is None or not flag.check_in or flag.kind != CRISIS or not cues.plan_made.search(norm):
        return flag
    return replace(flag, check_in=False)


def detect(text: str, intent: str | None = None, confidence: float = 0.0) -> RedFlag | None:
    """Return the red flag in a message, or None for everyday talk.

    ``intent`` and ``confidence`` are the NLU's top intent for the message, if
    known. The pattern list decides first; the NLU, then the learned model
    (``careplan.safety_model``), only add flags when no pattern matched at all.
    """
    if not text or not text.strip():
        return None
    rules, cues = load_rules()
    norm, shifts = spell_fix(normalise(text))
    if shifts:  # the parse reads the mended words too; offsets are mapped back at the end
        text = norm
    candidates = _candidates(norm, rules)
    checked: Counter[str] = Counter()
    found: set[str] = set()
    for cand in candidates:
        # a check-in doesn't stop the clear rules, nor a shared sign the rules that name a cause
        kind = cand.rule.kind + ("?" if cand.rule.check_in else "") + ("~" if cand.rule.shared_sign else "")
        if kind in found or checked[kind] >= MAX_CHECKS_PER_KIND:
            continue
        checked[kind] += 1
        doc, offset = _parse_near(text, cand.start, cand.end)
        cand.counts = _counts(cand, norm, doc, offset, cues)
        if cand.counts and not cand.habitual:
            # (a sign lived with does not stop the rest: "chest hurts whenever i do the hoovering"
            # must not hide "left hand weak", session 34)
            found.add(kind)
    counted = [c for c in candidates if c.counts]
    clear = [c for c in counted if not c.rule.check_in]
    if not counted:
        # A match the checks turned away (an idiom, an accident, the past) silences the NLU, and
        # the model for that kind only: "he's burnt his arm on the cooker, the skin's come away"
        # is no self-harm, but the model may still hear the burn. A match missing only what its
        # rule requires says nothing against the model ("takes all my money and gives me a fiver").
        guess = None if candidates else _nlu_guess(norm, intent, confidence, cues)
        guess = guess or _model_guess_in_parts(norm, text, cues, shifts)
        turned_away = {c.rule.kind for c in candidates if not c.incomplete}
        return _with_a_plan(guess, norm, cues) if guess is None or guess.kind not in turned_away else None
    if not clear:
        # only ambiguous words ("I can't go on like this"): ask before signposting
        first = counted[0]
        # ...unless a plan is said beside the words (not in them: "saying her goodbyes" alone asks)
        beside = norm[: first.start] + " " * (first.end - first.start) + norm[first.end :]
        return _with_a_plan(RedFlag(
            kind=first.rule.kind, rule=first.rule.name, check_in=True, keep=first.rule.keep,
            about_other=first.about_other, span=(_unshift(first.start, shifts), _unshift(first.end, shifts)),
        ), beside, cues)  # fmt: skip

    hits = [c.rule for c in clear]
    kinds = {r.kind for r in hits} | {k for r in hits if not _any(r.also_unless, norm) for k in r.also}
    if EMERGENCY in kinds:
        kinds.discard(URGENT)  # 999 now: 111 would only muddle it
    if EMERGENCY in kinds and all(c.habitual for c in clear if c.rule.kind == EMERGENCY):
        kinds = (kinds - {EMERGENCY}) | {URGENT}  # lived with, not happening now: 111, not 999
    ordered = [k for k in RULE_KINDS if k in kinds]
    primary = ordered[0]
    of_primary = [c for c in clear if c.rule.kind == primary] or clear
    of_primary = [c for c in of_primary if not c.habitual] or of_primary  # the one happening now names it
    cand = next((c for c in of_primary if not c.rule.shared_sign), of_primary[0])
    # an emergency's label names its 999 reply: lived with, it is said in the 111 words
    label = cand.rule.label if cand.rule.kind == primary else ""
    if primary == URGENT and cand.rule.kind == EMERGENCY and _on_effort(cand.rule, norm, cues):
        label = CHEST_ON_EFFORT  # its own 111 words: the GP soon, and 999 if it comes at rest
    return RedFlag(
        kind=primary, rule=cand.rule.name, also=tuple(ordered[1:]), label=label,
        about_other=cand.about_other, span=(_unshift(cand.start, shifts), _unshift(cand.end, shifts)),
        beside=_chest_lived_with(candidates, text, norm, cues) if primary == EMERGENCY else "",
    )  # fmt: skip


# ------------------------------------------------------------ a child at risk

# The age at which the adult safeguarding team, not children's social care, is the one to call.
ADULT_AGE = 18
_AGE_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17,
}  # fmt: skip
_NUMBER = r"(\d{1,2}|" + "|".join(_AGE_WORDS) + r")"
# Words that only ever name a child: "the baby", "my little one", "her toddler".
_A_CHILD = re.compile(
    r"\b(?:bab(?:y|ies)|toddlers?|little (?:ones?|boy|girl|lad|lass|man)|infants?|newborn|kid|"
    r"school ?(?:boy|girl)|(?:at|in) (?:nursery|primary school|secondary school|year \d{1,2})|teenage \w+)\b"
)
# An age said beside a person: "my son is 7", "my daughter (6)", "aged 6", "my 7 year old", "a 15-year-old".
_AN_AGE = re.compile(
    rf"\b(?:son|daughter|grandson|granddaughter|boy|girl|lad|lass|nephew|niece|stepson|stepdaughter|"
    rf"brother|sister|child|kid|grandchild)\b[^.!?]{{0,12}}?"
    rf"(?:\(|,|\bis\b|'s\b|\baged?\b|\bwho'?s\b|\bwho is\b)"
    rf"\s*{_NUMBER}\b(?!\s*(?:stone|st|kg|kilos?|lbs?|pounds|mins?|minutes?|hours?|times?|%|am|pm|o'?clock))"
    rf"|\b{_NUMBER}[- ]?(?:years?|yrs?|y/?o)(?:[- ]?olds?)?\b|\baged? {_NUMBER}\b"
)


def _ages_said(norm: str) -> list[int]:
    return [
        int(said) if said.isdigit() else _AGE_WORDS[said]
        for match in _AN_AGE.finditer(norm)
        for said in match.groups()
        if said
    ]


# The age of the person written about, said of them: "she's 7", "he is only 15", "aged 6".
_AGE_OF_THEM = re.compile(
    rf"\b(?:(?:she'?s|he'?s|she is|he is|shes|hes)(?: only| just)?|aged?) {_NUMBER}"
    rf"(?:[- ]?(?:years?|yrs?)(?:[- ]?old)?)?\b(?!\s*(?:stone|st|kg|kilos?|lbs?|pounds|mins?|minutes?|hours?|"
    rf"weeks?|months?|days?|times?|%|am|pm|o'?clock|feet|foot|ft|inch\w*|cm|in (?:the|a|her|his)))"
)


def age_of_them(text: str) -> int | None:
    """The age said of the person written about ("she's 7", "he is only 15"), or None."""
    found = _AGE_OF_THEM.search(normalise(text))
    if found is None:
        return None
    return int(found[1]) if found[1].isdigit() else _AGE_WORDS[found[1]]


def names_a_child(text: str) -> bool:
    """Does the message name a child: a word only a child is ("the baby", "my little one"), or a
    person with an age under 18 beside them ("my son is 7", "my 15 year old")?"""
    norm = normalise(text)
    return bool(_A_CHILD.search(norm)) or any(age < ADULT_AGE for age in _ages_said(norm))


def child_at_risk(text: str, about: str | None, *, subject_age: int | None, writer_age: int | None) -> bool:
    """Is the one at risk in a safeguarding message a child, so the help is children's social care,
    the NSPCC and Childline, not the adult safeguarding team (session 34)? ``about`` is who the
    message is about ("self": the writer, "other", or None); ``subject_age`` the age of the person the
    plan is for when someone else writes it, ``writer_age`` the writer's own ("im 15")."""
    if about == "self":
        return writer_age is not None and writer_age < ADULT_AGE
    if names_a_child(text):
        return True
    return subject_age is not None and subject_age < ADULT_AGE
