"""The conversations the benchmark sends: one script per bot.

A script is a list of turns: a message, and optionally a fragment the reply
must contain (a reply without it counts as a wrong reply, reported apart from
transport errors). Another script plugs in with ``python -m bench --turns FILE``.
The texts are invented; nothing here comes from a real person.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from bench.conversations import load_conversation
from launch import ROOT

# A turn: what the person types, and the fragment(s) the bot's reply must contain (or None).
Turn = tuple[str, "str | tuple[str, ...] | None"]

# Rasa's starter bot (``rasa init``): greet, mood, bot challenge, goodbye.
STARTER_TURNS: list[Turn] = [
    ("hello there", "How are you?"),
    ("I am sad", "Did that help you?"),
    ("yes", "carry on"),
    ("are you a bot?", "I am a bot"),
    ("goodbye", "Bye"),
    ("hi", "How are you?"),
]

# Our conversation is the happy path the end-to-end tests play (tests/conversations/,
# read as data): every reply fragment it expects is checked here too.
OUR_CONVERSATION = ROOT / "tests" / "conversations" / "self_happy_path.yml"

# The long conversation (issue 12): the opening, then two interruptions in turn, so
# every turn from the fifth on is the same work and only the conversation's length
# changes. Turn numbers from 1; compare turns of the same message.
LONG_OPENING: list[Turn] = [
    ("hi", "computer program"),
    ("/affirm", "for someone you look after"),
    ("/choose_self", "call you"),
    ("call me Bill", "appointment with"),
]
LONG_CYCLE: list[Turn] = [("what have i said so far", None), ("who will see this?", None)]
LONG_TURNS = 200
LONG_MARKS = (10, 50, 200)


def conversation_turns(path: Path = OUR_CONVERSATION) -> list[Turn]:
    """The turns of a conversation script; every step must be typed (``say``), not a tap."""
    turns: list[Turn] = []
    for number, step in enumerate(load_conversation(path).steps, start=1):
        if step.say is None:
            raise ValueError(f"{path.name} turn {number}: the bench sends text, not button taps")
        turns.append((step.say, step.expect or None))
    return turns


def our_turns() -> list[Turn]:
    return conversation_turns()


def long_turns(total: int = LONG_TURNS) -> list[Turn]:
    cycle = LONG_CYCLE * (total // len(LONG_CYCLE) + 1)
    return [*LONG_OPENING, *cycle][:total]


def _turn(item: Any) -> Turn:
    """A message alone, or a [message, expected fragment] pair."""
    if isinstance(item, str) and item:
        return item, None
    if isinstance(item, (list, tuple)) and len(item) == 2 and isinstance(item[0], str) and item[0]:
        return item[0], (str(item[1]) if item[1] is not None else None)
    raise ValueError(f"not a turn: {item!r}")


def load(path: Path) -> list[Turn]:
    """A turn script from a JSON or YAML list of messages or [message, expected] pairs."""
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    if not isinstance(data, list) or not data:
        raise ValueError(f"{path}: expected a list of turns")
    return [_turn(item) for item in data]
