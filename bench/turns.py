"""The conversations the benchmark sends: one script per bot.

A script is just a list of user messages, so another one plugs in with
``python -m bench --turns FILE`` (a JSON list of strings, or YAML list).
The texts are invented; nothing here comes from a real person.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

# Rasa's starter bot (``rasa init``): greet, mood, bot challenge, goodbye.
STARTER_TURNS: list[str] = [
    "hello there",
    "I am feeling a bit sad today",
    "no, not really",
    "are you a bot?",
    "actually I'm feeling great now",
    "goodbye",
]

# Our conversation, end to end: consent, who it is for, the appointment, what
# matters, a good day, goals, the one thing, read-back and sharing.
OUR_TURNS: list[str] = [
    "hi",
    "yes, that's fine",
    "it's for me",
    "Margaret, but call me Peggy",
    "I'm seeing the practice nurse next Tuesday about my breathing",
    "Being able to get out into my garden and see my grandchildren",
    "A good day is when I can walk to the shops and have a chat with people",
    "I'd like to walk to the end of the road without stopping",
    "I want to get back to my knitting group on Thursdays",
    "no, that's all",
    "walking to the end of the road",
    "yes, that's right",
    "yes, please share it",
    "thank you, bye",
]


def load(path: Path) -> list[str]:
    """A turn script from a JSON or YAML file holding a list of strings."""
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    if not isinstance(data, list) or not all(isinstance(item, str) and item for item in data):
        raise ValueError(f"{path}: expected a list of non-empty strings")
    return data
