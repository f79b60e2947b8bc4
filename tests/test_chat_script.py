"""`make chat` (scripts/chat.py) loads: it imported helpers serve.py no longer had, and nothing
noticed until someone typed `make chat`."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def test_the_terminal_chat_loads() -> None:
    sys.path.insert(0, str(SCRIPTS))
    try:
        chat = importlib.import_module("chat")
    finally:
        sys.path.remove(str(SCRIPTS))
    assert callable(chat.main) and callable(chat.say)
