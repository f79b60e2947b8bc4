"""Keep answers from being mistaken for interruptions.

Inside a question, a message classed as an interruption (help, stop, go back,
start again...) is not stored as the answer. A wrong guess there costs the
person their answer, while a wrong guess the other way only stores a note they
can change. So an interruption has to be a confident guess, and a long message
has to be a very confident one; otherwise it counts as an answer (``inform``).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class InterruptionGuard(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "intents": [],
            "answer_intent": "inform",
            "threshold": 0.6,
            "long_message_words": 7,
            "long_message_threshold": 0.85,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        self.intents = set(config["intents"])
        self.answer_intent = config["answer_intent"]
        self.threshold = config["threshold"]
        self.long_words = config["long_message_words"]
        self.long_threshold = config["long_message_threshold"]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InterruptionGuard:
        return cls(config)

    def is_answer(self, text: str, intent: str, confidence: float) -> bool:
        if intent not in self.intents or text.startswith("/"):
            return False
        if confidence < self.threshold:
            return True
        return len(text.split()) > self.long_words and confidence < self.long_threshold

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            name, confidence = intent.get(INTENT_NAME_KEY), intent.get(PREDICTED_CONFIDENCE_KEY, 0.0)
            if name and self.is_answer(message.get(TEXT) or "", name, confidence):
                message.set(
                    INTENT,
                    {INTENT_NAME_KEY: self.answer_intent, PREDICTED_CONFIDENCE_KEY: confidence},
                    add_to_output=True,
                )
        return messages
