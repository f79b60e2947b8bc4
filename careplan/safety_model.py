"""A small learned second opinion for the red-flag detector.

The patterns in ``safety_patterns.yml`` are the floor: they decide whenever
they match. They generalise slowly, though, and people say red flags in ways
nobody wrote down ("it's like an elephant sat on his chest", "a man on the
phone said my bank was in trouble and I gave him my pin"). This model reads
word and letter n-grams, so it also hears wording near what it learnt from,
typos included, and the concepts a message names (``safety_concepts.yml``: a
relative and money, a means and an ending), so a word it never saw carries
what its neighbours taught it.

It learns from the labelled lines the patterns were developed on (the NLU's
examples, every other NLU intent as everyday talk, and the labelled safety
development sets), the same way every time (no randomness, nothing
downloaded). Learning takes a few seconds, so ``make train`` learns it once
and keeps its numbers in ``models/`` under a hash of what it learnt from (as
the Rasa model is kept): the action server then starts by reading them, and
learns (and keeps) it only when the data or this file changed.
``careplan.safety`` trusts it only when it is very sure, on short messages
that no pattern matched, and never on a line that is negated, past,
figurative or a worry.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from careplan import yamlfile
from careplan.vocab import CRISIS, EMERGENCY, SAFEGUARDING, URGENT

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
# NLU intents that are red flags; every other intent's examples are everyday talk.
_INTENT_KINDS = {
    "red_flag_emergency": EMERGENCY,
    "red_flag_crisis": CRISIS,
    "red_flag_safeguarding": SAFEGUARDING,
}
NONE = "none"
# Labelled development sets (``messages: [{kind, text}]``). The red-flag model leaves their "urgent"
# (NHS 111) lines out: they are neither red flags nor everyday talk. Since session 29 a second
# model learns them against everyday talk (the red flags left out of it): the 111 tier was the
# patterns' alone, and they missed one new line in four (batches ZM, ZP cold; blind set 12). One
# model for both split its sure emergencies between 999 and 111 (scripts/safety_lobo.py: five
# emergencies lost over batches Z, ZB and ZC).
RED_FLAG_KINDS = frozenset(_INTENT_KINDS.values())
URGENT_KINDS = frozenset({URGENT})
LABELLED_SETS = ("careplan/safety_sets/safety_holdout.yml", "careplan/safety_sets/safety_dev_*.yml")
# ...but not batch N (session 24): hard negatives written to test the gates around the model
# (media, carers' money, helpers listed), which the gates now handle; learnt, they pulled one
# held-out safeguarding disclosure under the model's bar (blind set 2). Unlearnt, N stays a
# cold measure of the model's gates. Batches ZR (blind set 13) and ZS (blind set 14) are learnt
# since session 31: learnt in session 30, ZR flagged three development conversations' everyday
# lines (a carer asking for a break, a shed "when it all gets too much"), which the gates now
# keep quiet; learnt, both together heard a crisis only in "I think it's on a letter in the
# drawer, I'll skip it" (a letter as paperwork: see careplan/safety.py, _CRISIS_THEME).
# Batch ZT (blind set 15, retired in session 32) is learnt since session 32 (safety_detect32): learnt,
# it raised no new false alarm on any batch or development conversation. Batch ZU (safeguarding told
# sideways and its twins, session 32) is learnt since session 33: 80/80, false alarms 0/80 (left out,
# 79/80 and 2/80, scripts/safety_lobo.py); no other batch's figures fell below its floor.
# Batch ZV (blind set 16, retired in session 33) is learnt since session 33 (safety_zv33): learnt, it
# raised no new false alarm on any batch or on any typed line of the development conversations; the
# model stopped hearing one ZP and one ZC line, which rules now hear by class (a doorstep trader back
# for more, a tenfold dose).
# Batch ZW (blind set 17, retired in session 34) is learnt since session 34 (safety_zw34): learnt, it
# raised no new flag on any line of any batch or on any typed line of the development conversations
# (it stopped one: set12_08's "her mates all drink, n when she's sad she drinks more", safeguarding).
# Batch ZX (emergencies told the way people tell them, session 34, safety_999_34) is not learnt: learnt,
# it changed nothing on ZX (70/70, urgent 39/40, false alarms 0/90, all by the rules) nor on any typed
# line of the development conversations, and the model stopped hearing one ZW 111 line ("shingles rash
# has come up round my eye and on my forehead"). Unlearnt, it measures the emergency rules alone.
NOT_LEARNT = frozenset({"safety_dev_n.yml", "safety_dev_zx.yml"})
# Where the learnt numbers are kept, next to the Rasa model (git-ignored).
KEPT_DIR = ROOT / "models"
# Words people use for the same thing (people, money, means, signs): the model reads which of
# these a message names, so what it learnt from one word carries over to its neighbours.
CONCEPTS_FILE = Path(__file__).with_name("safety_concepts.yml")


def training_files(root: Path = ROOT, sets: tuple[str, ...] = LABELLED_SETS) -> tuple[list[Path], list[Path]]:
    """The NLU data files, and the labelled safety sets, the model learns from."""
    labelled = [p for g in sets for p in sorted(root.glob(g)) if p.name not in NOT_LEARNT]
    return sorted((root / "data" / "nlu").glob("*.yml")), labelled


def fingerprint(
    root: Path = ROOT, sets: tuple[str, ...] = LABELLED_SETS, learnt: frozenset[str] = RED_FLAG_KINDS
) -> str:
    """A hash of everything the learnt numbers depend on: the training files, this
    module (the features and the regression), the concepts, the kinds learnt and scikit-learn's version."""
    digest = hashlib.sha256(f"scikit-learn {version('scikit-learn')}\n{sorted(learnt)}\n".encode())
    nlu, labelled = training_files(root, sets)
    for path in (Path(__file__), CONCEPTS_FILE, *nlu, *labelled):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def training_examples(
    root: Path = ROOT, sets: tuple[str, ...] = LABELLED_SETS, learnt: frozenset[str] = RED_FLAG_KINDS
) -> tuple[list[str], list[str]]:
    """(texts, kinds) from the NLU data and the labelled safety sets: the ``learnt`` kinds, and
    everyday talk; a line of any other kind is left out."""
    texts: list[str] = []
    kinds: list[str] = []
    nlu, labelled = training_files(root, sets)
    for path in nlu:
        for block in yamlfile.load(path.read_text(encoding="utf-8")).get("nlu", []) or []:
            if "intent" not in block:
                continue
            kind = _INTENT_KINDS.get(block["intent"], NONE)
            if kind not in learnt | {NONE}:
                continue
            for line in str(block.get("examples", "")).splitlines():
                if line.strip().startswith("- "):
                    texts.append(line.strip()[2:])
                    kinds.append(kind)
    for path in labelled:
        for message in yamlfile.load(path.read_text(encoding="utf-8"))["messages"]:
            if message["kind"] in learnt | {NONE}:
                texts.append(message["text"])
                kinds.append(message["kind"])
    return texts, kinds


WORD_NGRAMS = (1, 2)
LETTER_NGRAMS = (2, 5)
_WORD = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


def word_grams(text: str) -> list[str]:
    """Words of two letters or more, lower-cased, and runs of them: what scikit-learn's
    word analyser gives (the scorer reads messages without importing scikit-learn, a
    second and a half of the action server's start-up)."""
    words = _WORD.findall(text.lower())
    low, high = WORD_NGRAMS
    return [" ".join(words[i : i + n]) for n in range(low, high + 1) for i in range(len(words) - n + 1)]


def letter_grams(text: str) -> list[str]:
    """Runs of letters inside each word with a space either side, as scikit-learn's
    ``char_wb`` analyser gives them: a word shorter than a run counts once, whole."""
    grams = []
    low, high = LETTER_NGRAMS
    for word in text.lower().split():
        padded = f" {word} "
        for n in range(low, high + 1):
            grams.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
            if len(padded) <= n:
                break
    return grams


_CONCEPT_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")


@lru_cache(maxsize=1)
def _concept_index() -> dict[str, tuple[str, ...]]:
    """Each word of ``safety_concepts.yml`` -> the concepts it names."""
    index: dict[str, list[str]] = {}
    for concept, words in yamlfile.load(CONCEPTS_FILE.read_text(encoding="utf-8"))["concepts"].items():
        for word in words:
            index.setdefault(str(word), []).append(concept)
    return {word: tuple(concepts) for word, concepts in index.items()}


def concept_grams(text: str) -> list[str]:
    """The concepts a message names, each alone and each pair in the order said, the next or
    the one after ("kin money" in "my nephew has my card"): other words are left out, so the
    pairs reach across them."""
    index = _concept_index()
    said = [index[word] for word in _CONCEPT_WORD.findall(text.lower()) if word in index]
    grams = [concept for concepts in said for concept in concepts]
    for i, first in enumerate(said):
        grams.extend(f"{a} {b}" for second in said[i + 1 : i + 3] for a in first for b in second)
    return grams


ANALYSERS = (word_grams, letter_grams, concept_grams)
# How much each feature set counts (each is of unit length first). Concepts are coarse: at full
# weight they made the model surer of everything, false alarms too (scripts/safety_lobo.py).
WEIGHTS = (1.0, 1.0, 0.5)


def _vectorisers() -> list[Any]:
    """Word and letter n-grams and concepts, tf-idf weighted (each read as ``ANALYSERS`` read)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return [
        TfidfVectorizer(ngram_range=WORD_NGRAMS, sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=LETTER_NGRAMS, sublinear_tf=True, min_df=2),
        TfidfVectorizer(analyzer=concept_grams, sublinear_tf=True, min_df=2),
    ]


def build(texts: list[str], kinds: list[str]) -> Any:
    """Word 1-2 grams, letter 2-5 grams and concepts (``_vectorisers``, weighted by ``WEIGHTS``),
    then a logistic regression.

    Classes are weighted by how rare they are (there are ten everyday lines
    for every red flag). ``newton-cg`` has no random start, so the same data
    always gives the same model.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, make_pipeline

    names = [f"part{n}" for n in range(len(ANALYSERS))]
    features = FeatureUnion(
        list(zip(names, _vectorisers(), strict=True)),
        transformer_weights=dict(zip(names, WEIGHTS, strict=True)),
    )
    model = make_pipeline(
        features, LogisticRegression(C=10, class_weight="balanced", solver="newton-cg", max_iter=1000)
    )
    return model.fit(texts, kinds)


class Scorer:
    """The fitted model's sums, without scikit-learn's per-call overhead.

    ``predict_proba`` costs about a millisecond a message, mostly checks and
    sparse-matrix set-up; this is the same arithmetic (tf-idf with sublinear
    counts and unit length per feature set, then a softmax over the classes'
    sums) in a tenth of that, which matters because it runs on most messages.
    It is made from the fitted model, or from the numbers ``save`` kept.
    """

    def __init__(
        self, classes: list[str], intercept: Any, weights: Any, terms: list[Any], idfs: list[Any]
    ) -> None:
        """``terms``: each feature set's n-grams in column order; ``idfs`` alike;
        ``weights``: one row of class weights per column, the feature sets one after another."""
        import numpy as np

        self.classes = [str(c) for c in classes]
        self.intercept = np.asarray(intercept, dtype=float)
        self.weights = np.ascontiguousarray(weights, dtype=float)
        if len(self.classes) == 2 and self.weights.shape[1] == 1:
            # two classes (the 111 model): one column, the second class's log-odds, as a softmax over two
            self.intercept = np.concatenate([-self.intercept / 2, self.intercept / 2])
            self.weights = np.ascontiguousarray(np.hstack([-self.weights / 2, self.weights / 2]))
        self.parts = []
        offset = 0
        for analyse, weight, grams, idf in zip(ANALYSERS, WEIGHTS, terms, idfs, strict=True):
            vocabulary = {str(gram): index for index, gram in enumerate(grams)}
            self.parts.append((analyse, weight, vocabulary, np.asarray(idf, dtype=float), offset))
            offset += len(vocabulary)
        self._np = np

    @classmethod
    def from_model(cls, model: Any) -> Scorer:
        union, regression = model.steps[0][1], model.steps[-1][1]
        terms = []
        for _, vectoriser in union.transformer_list:
            grams = [""] * len(vectoriser.vocabulary_)
            for gram, index in vectoriser.vocabulary_.items():
                grams[index] = gram
            terms.append(grams)
        idfs = [vectoriser.idf_ for _, vectoriser in union.transformer_list]
        return cls(list(regression.classes_), regression.intercept_, regression.coef_.T, terms, idfs)

    def save(self, path: Path) -> None:
        """Keep the numbers (plain arrays, no pickle), written whole or not at all."""
        np = self._np
        arrays: dict[str, Any] = {
            "classes": np.array(self.classes),
            "intercept": self.intercept,
            "weights": self.weights,
        }
        for number, (_, _, vocabulary, idf, _) in enumerate(self.parts):
            arrays[f"terms{number}"] = np.array(list(vocabulary))  # dicts keep the column order
            arrays[f"idf{number}"] = idf
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        with partial.open("wb") as handle:
            np.savez(handle, **arrays)
        partial.replace(path)

    @classmethod
    def load(cls, path: Path) -> Scorer:
        import numpy as np

        with np.load(path, allow_pickle=False) as kept:
            parts = range(sum(name.startswith("terms") for name in kept.files))
            return cls(
                list(kept["classes"]), kept["intercept"], kept["weights"],
                [list(kept[f"terms{n}"]) for n in parts], [kept[f"idf{n}"] for n in parts],
            )  # fmt: skip

    def proba(self, text: str) -> Any:
        np = self._np
        logits = self.intercept.copy()
        for analyse, weight, vocabulary, idf, offset in self.parts:
            counts: dict[int, int] = {}
            for gram in analyse(text):
                if (index := vocabulary.get(gram)) is not None:
                    counts[index] = counts.get(index, 0) + 1
            if not counts:
                continue
            indexes = np.fromiter(counts, dtype=np.intp, count=len(counts))
            values = (1 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) * idf[indexes]
            logits += weight * (values @ self.weights[indexes + offset]) / np.sqrt(values @ values)
        exp = np.exp(logits - logits.max())
        return exp / exp.sum()


def kept_path(
    folder: Path = KEPT_DIR,
    root: Path = ROOT,
    sets: tuple[str, ...] = LABELLED_SETS,
    learnt: frozenset[str] = RED_FLAG_KINDS,
) -> Path:
    """Where the model's numbers for the current data and code are kept (the 111 model's beside)."""
    name = "safety-model" if learnt == RED_FLAG_KINDS else "safety-" + "-".join(sorted(learnt)) + "-model"
    return folder / f"{name}-{fingerprint(root, sets, learnt)}.npz"


def kept(
    folder: Path = KEPT_DIR,
    root: Path = ROOT,
    sets: tuple[str, ...] = LABELLED_SETS,
    learnt: frozenset[str] = RED_FLAG_KINDS,
) -> Scorer:
    """The model's numbers as kept for the current data and code; learnt and kept first if
    they aren't there (a folder that can't be written to only means learning next time too)."""
    path = kept_path(folder, root, sets, learnt)
    if path.is_file():
        return Scorer.load(path)
    scorer = Scorer.from_model(build(*training_examples(root, sets, learnt)))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        scorer.save(path)
    except OSError:
        logger.warning(
            "the safety model could not be kept in %s; it will be learnt again at the next start", folder
        )
    return scorer


@lru_cache(maxsize=1)
def _scorer() -> Scorer | None:
    """The model, learnt or read once; None (logged once) if it can't be, so no message pays for a retry."""
    try:
        return kept()
    except Exception:  # the patterns are the floor: detection carries on without the model
        logger.exception("the safety model could not be built; red flags come from the patterns alone")
        return None


@lru_cache(maxsize=1)
def _urgent_scorer() -> Scorer | None:
    """The 111 model (the 111 tier against everyday talk), as ``_scorer``."""
    try:
        return kept(learnt=URGENT_KINDS)
    except Exception:  # the patterns are the floor
        logger.exception("the 111 model could not be built; the 111 tier comes from the patterns alone")
        return None


def guess(norm: str) -> tuple[str, float]:
    """The most likely kind ("none" for everyday talk) of a normalised message, and how sure."""
    scorer = _scorer()
    if scorer is None:
        return NONE, 0.0
    probabilities = scorer.proba(norm)
    best = int(probabilities.argmax())
    return scorer.classes[best], float(probabilities[best])


def urgent(norm: str) -> float:
    """How sure the 111 model is that a normalised message needs seeing today (0 without it)."""
    scorer = _urgent_scorer()
    if scorer is None:
        return 0.0
    return float(scorer.proba(norm)[scorer.classes.index(URGENT)])


def warm() -> None:
    """Learn (or read) both now, so the first person doesn't wait for them."""
    _scorer()
    _urgent_scorer()
