"""People's data rights: erase one conversation everywhere, and purge old ones.

Rasa keeps its own copy of the conversation (tracker events) in the tracker
store. Erasing a person's data removes those rows too, through plain SQL on the
tracker database (``TRACKER_DB_URL``), so this module needs no Rasa import.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import create_engine, inspect, text

from careplan.store import Store

DEFAULT_TRACKER_URL = "sqlite:///rasa_tracker.db"


def tracker_url() -> str:
    return os.environ.get("TRACKER_DB_URL") or DEFAULT_TRACKER_URL


@dataclass
class Erased:
    plans: int
    tracker_events: int


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


def erase(store: Store, sender: str) -> Erased:
    return Erased(plans=store.delete_sender(sender), tracker_events=erase_tracker(sender))


def purge(store: Store, older_than_days: int) -> list[str]:
    senders = store.purge(older_than_days)
    for sender in senders:
        erase_tracker(sender)
    return senders
