"""Rasa's CountVectorsFeaturizer, counting each message's words once, not twice.

Rasa's featurizer counts a message twice: token by token (sequence features,
for models that read a message in order, such as DIET) and as one sentence.
The only reader here is the logistic regression, which takes the sentence
features alone (LogisticRegressionClassifier._create_X), so the token-by-token
counts were worked out for every message and thrown away. This featurizer
makes the sentence features only, the same ones, in training and in use: the
classifier learns and predicts from the same matrix as before.
"""

from __future__ import annotations

import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=True)
class SentenceCountVectorsFeaturizer(CountVectorsFeaturizer):
    def _create_features(
        self, attribute: str, all_tokens: list[list[str]]
    ) -> tuple[list[scipy.sparse.spmatrix | None], list[scipy.sparse.spmatrix | None]]:
        """Rasa's ``_create_features`` without the sequence features (None: not added)."""
        vectorizer = self.vectorizers.get(attribute)
        if not vectorizer:
            return [None], [None]
        sentences: list[scipy.sparse.spmatrix | None] = []
        for tokens in all_tokens:
            if not tokens or attribute not in DENSE_FEATURIZABLE_ATTRIBUTES:
                sentences.append(None)
                continue
            sentence = vectorizer.transform([" ".join(tokens)])
            sentence.sort_indices()
            sentences.append(sentence.tocoo())
        return [None] * len(all_tokens), sentences
