"""The conversations the benchmark sends: one script per bot.

A script is a list of turns: a message, and optionally a fragment the reply
must contain (a reply without it counts as a wrong reply, reported apart from
transport errors). Another script plugs in with ``python -m bench --turns FILE``.
The texts are invented; nothing here comes from a real person.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import yaml

from launch import ROOT

# A turn: what the person types, and a fragment the bot's reply must contain (or None).
Turn = tuple[str, "str | None"]

# Rasa's starter bot (``rasa init``): greet, mood, bot challenge, goodbye.
STARTER_TURNS: list[Turn] = [
    ("hello there", "How are you?"),
    ("I am sad", "Did that help you?"),
    ("yes", "carry on"),
    ("are you a bot?", "I am a bot"),
    ("goodbye", "Bye"),
    ("hi", "How are you?"),
]

# Our conversation is the lead's end-to-end test script (SELF_TURNS in
# tests/test_conversation_e2e.py, read without importing it), then the end of
# that test's conversation: the one thing, a question, confirm and share.
E2E_TEST = ROOT / "tests" / "test_conversation_e2e.py"
OUR_TAIL: list[Turn] = [
    ("walking the dog", "questions for your care team"),
    ("will I need to see the foot clinic?", "Here is what I have so far"),
    ("/confirm_plan", "share this draft plan"),
    ("/affirm", "shared your draft plan"),
]


def from_e2e_test(path: Path = E2E_TEST, name: str = "SELF_TURNS") -> list[Turn]:
    """The (message, expected reply fragment) pairs assigned to ``name`` in a test module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        if any(isinstance(t, ast.Name) and t.id == name for t in targets) and node.value is not None:
            return [_turn(item) for item in ast.literal_eval(node.value)]
    raise LookupError(f"{name} not found in {path}")


def our_turns() -> list[Turn]:
    return [*from_e2e_test(), *OUR_TAIL]


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
