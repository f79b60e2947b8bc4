"""People's data rights: erase one conversation everywhere, and purge old ones.

Rasa keeps its own copy of the conversation (tracker events) in the tracker
store. Erasing a person's data removes those rows too, through plain SQL on the
tracker database (``TRACKER_DB_URL``), so this module needs no Rasa import.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine

from careplan.db import forget_old_pages, never_made
from careplan.held import HeldMessages, held_url
from careplan.models import utcnow
from careplan.store import Store

DEFAULT_TRACKER_URL = "sqlite:///var/rasa_tracker.db"


def tracker_url() -> str:
    return os.environ.get("TRACKER_DB_URL") or DEFAULT_TRACKER_URL


@dataclass
class Erased:
    plans: int
    tracker_events: int
    held_messages: int = 0


def _tracker(url: str | None = None) -> Engine | None:
    """Rasa's tracker database, or None if it was never created (don't create it)."""
    url = url or tracker_url()
    if never_made(url):
        return None
    engine = create_engine(url, future=True)
    if not inspect(engine).has_table("events"):
        engine.dispose()
        return None
    return engine


def erase_tracker(sender: str, url: str | None = None) -> int:
    engine = _tracker(url)
    if engine is None:
        return 0
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "sqlite":
                conn.execute(text("PRAGMA secure_delete=ON"))  # overwrite the deleted text on disk
            removed = conn.execute(text("DELETE FROM events WHERE sender_id = :sender"), {"sender": sender})
        forget_old_pages(engine)  # Rasa's tracker store writes ahead to a log (rasa_ext/trackerstore.py)
        return removed.rowcount or 0
    finally:
        engine.dispose()


def tracker_senders(idle_before: float | None = None, url: str | None = None) -> set[str]:
    """Senders in Rasa's tracker store; with a cutoff, only those quiet since before it."""
    engine = _tracker(url)
    if engine is None:
        return set()
    query = "SELECT sender_id FROM events GROUP BY sender_id"
    if idle_before is not None:
        query += " HAVING max(timestamp) < :cutoff"
    try:
        with engine.connect() as conn:
            return {row[0] for row in conn.execute(text(query), {"cutoff": idle_before})}
    finally:
        engine.dispose()


def erase_held(sender: str, url: str | None = None) -> int:
    """Messages the REST channel kept while the action server was down (careplan/held.py)."""
    url = url or held_url()
    return 0 if never_made(url) else HeldMessages(url).erase(sender)


def erase(store: Store, sender: str) -> Erased:
    return Erased(
        plans=store.delete_sender(sender),
        tracker_events=erase_tracker(sender),
        held_messages=erase_held(sender),
    )


def purge(store: Store, older_than_days: int) -> list[str]:
    """Erase every conversation quiet for that long in both stores, plan or no plan."""
    cutoff = utcnow() - timedelta(days=older_than_days)
    with_plans, idle_plans = store.senders_idle_since(datetime.max), set(store.senders_idle_since(cutoff))
    in_tracker = tracker_senders()
    idle_tracker = tracker_senders(idle_before=cutoff.replace(tzinfo=timezone.utc).timestamp())
    queue = None if never_made(held_url()) else HeldMessages(held_url())
    in_queue = queue.senders() if queue else set()
    idle_queue = queue.senders(kept_before=cutoff) if queue else set()

    def quiet(sender: str) -> bool:
        plans_quiet = sender in idle_plans or sender not in with_plans
        queue_quiet = sender in idle_queue or sender not in in_queue
        return plans_quiet and queue_quiet and (sender in idle_tracker or sender not in in_tracker)

    senders = sorted(filter(quiet, set(with_plans) | in_tracker | in_queue))
    for sender in senders:
        erase(store, sender)
    return senders
