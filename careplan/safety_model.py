"""A small learned second opinion for the red-flag detector.

The patterns in ``safety_patterns.yml`` are the floor: they decide whenever
they match. They generalise slowly, though, and people say red flags in ways
nobody wrote down ("it's like an elephant sat on his chest", "a man on the
phone said my bank was in trouble and I gave him my pin"). This model reads
word and letter n-grams, so it also hears wording near what it learnt from,
typos included.

It learns from the labelled lines the patterns were developed on (the NLU's
examples, every other NLU intent as everyday talk, and the labelled safety
development sets) when first asked, in about a second, the same way every
time (no randomness, nothing downloaded). ``careplan.safety`` trusts it only
when it is very sure, on short messages that no pattern matched, and never
on a line that is negated, past, figurative or a worry.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from careplan.vocab import CRISIS, EMERGENCY, SAFEGUARDING

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
# NLU intents that are red flags; every other intent's examples are everyday talk.
_INTENT_KINDS = {
    "red_flag_emergency": EMERGENCY,
    "red_flag_crisis": CRISIS,
    "red_flag_safeguarding": SAFEGUARDING,
}
NONE = "none"
# Labelled development sets (``messages: [{kind, text}]``). "urgent" (NHS 111)
# lines are left out: they are neither red flags nor everyday talk.
LABELLED_SETS = ("careplan/safety_sets/safety_holdout.yml", "careplan/safety_sets/safety_dev_*.yml")


def training_examples(
    root: Path = ROOT, sets: tuple[str, ...] = LABELLED_SETS
) -> tuple[list[str], list[str]]:
    """(texts, kinds) from the NLU data and the labelled safety sets."""
    texts: list[str] = []
    kinds: list[str] = []
    for path in sorted((root / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []) or []:
            if "intent" not in block:
                continue
            kind = _INTENT_KINDS.get(block["intent"], NONE)
            for line in str(block.get("examples", "")).splitlines():
                if line.strip().startswith("- "):
                    texts.append(line.strip()[2:])
                    kinds.append(kind)
    for pattern in sets:
        for path in sorted(root.glob(pattern)):
            for message in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]:
                if message["kind"] in {*_INTENT_KINDS.values(), NONE}:
                    texts.append(message["text"])
                    kinds.append(message["kind"])
    return texts, kinds


def build(texts: list[str], kinds: list[str]) -> Any:
    """Word 1-2 grams and letter 2-5 grams, then a logistic regression.

    Classes are weighted by how rare they are (there are ten everyday lines
    for every red flag). ``newton-cg`` has no random start, so the same data
    always gives the same model.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    features = make_union(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
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
    """

    def __init__(self, model: Any) -> None:
        import numpy as np

        union, regression = model.steps[0][1], model.steps[-1][1]
        self.classes: list[str] = [str(c) for c in regression.classes_]
        self.intercept = regression.intercept_
        self.parts = []
        offset = 0
        for _, vectoriser in union.transformer_list:
            vocabulary: dict[str, int] = vectoriser.vocabulary_
            self.parts.append((vectoriser.build_analyzer(), vocabulary, vectoriser.idf_, offset))
            offset += len(vocabulary)
        self.weights = np.ascontiguousarray(regression.coef_.T)  # one row of class weights per feature
        self._np = np

    def proba(self, text: str) -> Any:
        np = self._np
        logits = self.intercept.copy()
        for analyse, vocabulary, idf, offset in self.parts:
            counts: dict[int, int] = {}
            for gram in analyse(text):
                if (index := vocabulary.get(gram)) is not None:
                    counts[index] = counts.get(index, 0) + 1
            if not counts:
                continue
            indexes = np.fromiter(counts, dtype=np.intp, count=len(counts))
            values = (1 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) * idf[indexes]
            logits += values @ self.weights[indexes + offset] / np.sqrt(values @ values)
        exp = np.exp(logits - logits.max())
        return exp / exp.sum()


@lru_cache(maxsize=1)
def _scorer() -> Scorer | None:
    """The model, learnt once; None (logged once) if it can't be, so no message pays for a retry."""
    try:
        return Scorer(build(*training_examples()))
    except Exception:  # the patterns are the floor: detection carries on without the model
        logger.exception("the safety model could not be built; red flags come from the patterns alone")
        return None


def guess(norm: str) -> tuple[str, float]:
    """The most likely kind ("none" for everyday talk) of a normalised message, and how sure."""
    scorer = _scorer()
    if scorer is None:
        return NONE, 0.0
    probabilities = scorer.proba(norm)
    best = int(probabilities.argmax())
    return scorer.classes[best], float(probabilities[best])


def warm() -> None:
    """Learn now, so the first person doesn't wait for it."""
    _scorer()
