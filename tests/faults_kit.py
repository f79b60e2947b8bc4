"""Helpers shared by tests/test_rights.py and tests/test_faults.py.

They talk to a real stack (tests/stack.py) and read its SQLite files with
plain ``sqlite3``, so the tests see exactly what is on disk.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import yaml

from stack import ROOT, Stack

# Answers that take a new plan to "What matters most to you?".
OPENING = ["hello", "/affirm", "/choose_self", "{name}", "my GP", "next Tuesday", "my knees"]
WHAT_MATTERS_PROMPT = "What matters most to you?"


def db_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


@lru_cache(maxsize=1)
def _responses() -> dict[str, list[str]]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return {
        name: [v["text"] for v in variants if "text" in v] for name, variants in domain["responses"].items()
    }


def said(reply: str, response: str) -> bool:
    """Did the bot's reply include (a variant of) this domain response?"""
    texts = _responses()[response]
    return any(t.split("{")[0].strip()[:60] in reply for t in texts)


def start_plan(stack: Stack, sender: str, name: str = "Margaret") -> str:
    """Consent and the opening questions; returns the last reply (asks what matters)."""
    reply = ""
    for message in OPENING:
        reply = stack.texts(sender, message.format(name=name))
    assert WHAT_MATTERS_PROMPT in reply, reply
    return reply


def life(stack: Stack, sender: str) -> dict[str, str | None]:
    return stack.export(sender)["life"]


def answer_texts(stack: Stack, sender: str) -> list[str]:
    return [a["text"] for a in stack.export(sender)["answers"]]


def rows_mentioning(db: Path, needles: list[str]) -> list[tuple[str, tuple]]:
    """Every row, in every table, with a value containing one of the needles."""
    found = []
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 - names from sqlite_master
                if any(isinstance(v, str) and any(n in v for n in needles) for v in row):
                    found.append((table, row))
    return found


def tracker_events(stack: Stack, sender: str) -> int:
    with sqlite3.connect(db_path(stack.tracker_url)) as conn:
        return conn.execute("SELECT count(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


class DatabaseLock:
    """Another process holding the care-plan SQLite file with BEGIN EXCLUSIVE."""

    SCRIPT = (
        "import sqlite3, sys, time\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('BEGIN EXCLUSIVE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(float(sys.argv[2]))\n"
        "conn.execute('COMMIT')\n"
    )

    def __init__(self, db: Path, seconds: float) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", self.SCRIPT, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        """Wait for the lock to end by itself (it commits nothing)."""
        self.process.wait(timeout=120)
        assert self.process.returncode == 0

    def still_held(self) -> bool:
        return self.process.poll() is None
