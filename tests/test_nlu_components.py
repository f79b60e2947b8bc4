"""Our NLU components that stand in for Rasa's: the same numbers, got more cheaply.

The classifier's input matrix (components/partly_balanced_lr.py) and the sentence-only
word counts (components/sentence_counts.py) are checked against Rasa's own, entry by entry.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.partly_balanced_lr import sentence_rows
from components.sentence_counts import SentenceCountVectorsFeaturizer

RNG = np.random.default_rng(22)


def _message(sparse_widths: tuple[int, ...], dense_widths: tuple[int, ...]) -> Message:
    message = Message(data={TEXT: "my knees are bad"})
    for n, width in enumerate(sparse_widths):
        counts = scipy.sparse.random(1, width, density=0.05, random_state=n, format="csr", dtype=np.float64)
        counts.data = np.ceil(counts.data * 3)
        sentence = scipy.sparse.coo_matrix(counts.astype(np.int64))
        message.add_features(Features(sentence, FEATURE_TYPE_SENTENCE, TEXT, f"counts{n}"))
        sequence = scipy.sparse.coo_matrix(np.ones((3, width), dtype=np.int64))
        message.add_features(Features(sequence, FEATURE_TYPE_SEQUENCE, TEXT, f"counts{n}"))
    for n, width in enumerate(dense_widths):
        vector = RNG.normal(size=(1, width)).astype(np.float32)
        vector[0, ::4] = 0.0
        message.add_features(Features(vector, FEATURE_TYPE_SENTENCE, TEXT, f"vectors{n}"))
    return message


def _same(a: scipy.sparse.csr_matrix, b: scipy.sparse.csr_matrix) -> bool:
    """The same shape, type and entries in the same order: the same sums to the last bit."""
    return (
        a.shape == b.shape
        and a.dtype == b.dtype
        and np.array_equal(a.indptr, b.indptr)
        and np.array_equal(a.indices, b.indices)
        and np.array_equal(a.data, b.data)
    )


@pytest.mark.parametrize(
    ("sparse", "dense"),
    [((40, 60), ()), ((40, 60), (16,)), ((), (16, 8)), ((50,), (16,))],
    ids=["word and letter counts", "counts and vectors", "vectors only", "one of each"],
)
def test_the_classifier_input_is_rasas_entry_for_entry(
    sparse: tuple[int, ...], dense: tuple[int, ...]
) -> None:
    messages = [_message(sparse, dense) for _ in range(5)]
    rasas = LogisticRegressionClassifier._create_X(None, messages)  # type: ignore[arg-type]
    ours = sentence_rows(messages)
    assert ours is not None and _same(ours, rasas)
    assert _same(sentence_rows(messages[:1]), LogisticRegressionClassifier._create_X(None, messages[:1]))  # type: ignore[arg-type]


def test_a_message_without_sentence_features_is_left_to_rasa() -> None:
    assert sentence_rows([_message((40,), ()), Message(data={TEXT: "hi"})]) is None
    assert sentence_rows([_message((40,), ()), _message((41,), ())]) is None, "rows of different widths"


def _trained(cls: type[CountVectorsFeaturizer], tmp_path: Path, config: dict) -> CountVectorsFeaturizer:
    featurizer = cls.create(
        {**cls.get_default_config(), **config},
        LocalModelStorage(tmp_path),
        Resource(cls.__name__),
        ExecutionContext(GraphSchema({}), cls.__name__),
    )
    return featurizer


@pytest.mark.parametrize(
    "config", [{"max_ngram": 2}, {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4}]
)
def test_sentence_counts_are_rasas_without_the_token_by_token_counts(tmp_path: Path, config: dict) -> None:
    lines = [
        "my knees are bad",
        "I want to walk the dog again",
        "help",
        "whos going to see this",
        "gardening",
    ]
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())

    def data() -> TrainingData:
        messages = [Message(data={TEXT: line, "intent": "inform"}) for line in lines]
        training = TrainingData(messages)
        tokenizer.process_training_data(training)
        return training

    rasas, ours = (
        _trained(cls, tmp_path, config) for cls in (CountVectorsFeaturizer, SentenceCountVectorsFeaturizer)
    )
    rasa_data, our_data = data(), data()
    for featurizer, training in ((rasas, rasa_data), (ours, our_data)):
        featurizer.train(training)
        featurizer.process_training_data(training)
    new = [Message(data={TEXT: text}) for text in ("my dog is bad", "zzz unseen words")]
    tokenizer.process(new)
    rasa_new = [Message(data=dict(m.data)) for m in new]
    rasas.process(rasa_new)
    ours.process(new)
    for rasa_message, our_message in [
        *zip(rasa_data.training_examples, our_data.training_examples, strict=True),
        *zip(rasa_new, new, strict=True),
    ]:
        assert our_message.get_sparse_features(TEXT)[0] is None, "no token-by-token counts"
        assert rasa_message.get_sparse_features(TEXT)[0] is not None
        theirs, mine = rasa_message.get_sparse_features(TEXT)[1], our_message.get_sparse_features(TEXT)[1]
        assert _same(scipy.sparse.csr_matrix(mine.features), scipy.sparse.csr_matrix(theirs.features))


def test_the_loaded_classifier_gives_the_same_probabilities_column_major(tmp_path: Path) -> None:
    """The loaded coefficients are kept column-major (no copy of their transpose a prediction),
    and every probability is what the trained classifier gives, to the last bit."""
    from components.partly_balanced_lr import PartlyBalancedLogisticRegressionClassifier as Classifier

    lines = {
        "inform": ["my knees are bad", "I want to walk the dog again", "gardening", "seeing my grandson"],
        "help": ["help", "what do i do", "im stuck", "can you help me"],
        "stop": ["stop", "i want to stop now", "no more", "leave it there"],
    }
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    training = TrainingData(
        [Message(data={TEXT: line, "intent": intent}) for intent, group in lines.items() for line in group]
    )
    tokenizer.process_training_data(training)
    featurizer = _trained(
        CountVectorsFeaturizer, tmp_path, {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4}
    )
    featurizer.train(training)
    featurizer.process_training_data(training)
    storage, resource = LocalModelStorage(tmp_path), Resource("classifier")
    context = ExecutionContext(GraphSchema({}), "classifier")
    config = Classifier.get_default_config()
    trained = Classifier.create(config, storage, resource, context)
    trained.train(training)
    trained.persist()
    loaded = Classifier.load(config, storage, resource, context)
    rasas = LogisticRegressionClassifier.load(config, storage, resource, context)
    assert loaded.clf.coef_.T.flags["C_CONTIGUOUS"] and not rasas.clf.coef_.T.flags["C_CONTIGUOUS"]
    assert np.array_equal(loaded.clf.coef_, rasas.clf.coef_)
    new = [Message(data={TEXT: text}) for text in ("my dog is bad", "hlep me", "stop it", "zzz unseen")]
    tokenizer.process(new)
    featurizer.process(new)
    rows = sentence_rows(new)
    assert np.array_equal(loaded.clf.predict_proba(rows), rasas.clf.predict_proba(rows))
    assert np.array_equal(loaded.clf.predict_proba(rows), trained.clf.predict_proba(rows))
