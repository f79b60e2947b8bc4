"""Rasa's own wording, read from domain.yml, for the few things the bot says for Rasa.

The bot answers some messages without Rasa (a changed message with a red flag
in it, the pause after /stop when Rasa says nothing). It uses the words in
domain.yml for those, so the person reads the same thing on every channel and
there is one place to change it.
"""

from __future__ import annotations

from careplan.questions import responses


def text(name: str) -> str:
    """The first text variant of a response in domain.yml (KeyError if there is none)."""
    for variant in responses()[name]:
        if variant.get("text"):
            return str(variant["text"])
    raise KeyError(name)
