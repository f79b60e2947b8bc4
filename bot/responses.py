"""Rasa's own wording, read from domain.yml, for the few things the bot says for Rasa.

The bot answers some messages without Rasa (a changed message with a red flag
in it, the pause after /stop when Rasa says nothing). It uses the words in
domain.yml for those, so the person reads the same thing on every channel and
there is one place to change it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DOMAIN = Path(__file__).resolve().parents[1] / "domain.yml"


@cache
def _responses() -> dict[str, list[dict[str, object]]]:
    with DOMAIN.open(encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle).get("responses") or {})


def text(name: str) -> str:
    """The first text variant of a response in domain.yml (KeyError if there is none)."""
    for variant in _responses()[name]:
        if variant.get("text"):
            return str(variant["text"])
    raise KeyError(name)
