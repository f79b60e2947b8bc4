"""People's data rights: erase one conversation everywhere, and purge old ones.

Rasa keeps its own copy of the conversation (tracker events) in the tracker
store. Erasing a person's data removes those rows too, through plain SQL on the
tracker database (``TRACKER_DB_URL``), so this module needs no Rasa import.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from careplan.store import Store

DEFAULT_TRACKER_URL = "sqlite:///rasa_tracker.db"
DEFAULT_HELD_PATH = "held_messages.db"


def tracker_url() -> str:
    return os.environ.get("TRACKER_DB_URL") or DEFAULT_TRACKER_URL


@dataclass
class Erased:
    plans: int
    tracker_events: int
    held_messages: int = 0


def erase_tracker(sender: str, url: str | None = None) -> int:
    engine = create_engine(url or tracker_url(), future=True)
    try:
        if not inspect(engine).has_table("events"):
            return 0
        with engine.begin() as conn:
            result = conn.execute(text("DELETE FROM events WHERE sender_id = :sender"), {"sender": sender})
            return result.rowcount or 0
    finally:
        engine.dispose()


def erase_held(sender: str, path: str | None = None) -> int:
    """Messages the REST channel kept while the action server was down (channels/rest.py)."""
    held = Path(path or os.environ.get("HELD_MESSAGES_PATH") or DEFAULT_HELD_PATH)
    if not held.exists():
        return 0
    with closing(sqlite3.connect(held, timeout=10)) as db, db:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'held'").fetchone():
            return 0
        return db.execute("DELETE FROM held WHERE sender = ?", (sender,)).rowcount


def erase(store: Store, sender: str) -> Erased:
    return Erased(
        plans=store.delete_sender(sender),
        tracker_events=erase_tracker(sender),
        held_messages=erase_held(sender),
    )


def purge(store: Store, older_than_days: int) -> list[str]:
    senders = store.purge(older_than_days)
    for sender in senders:
        erase_tracker(sender)
        erase_held(sender)
    return senders
