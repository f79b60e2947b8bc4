"""Rasa's SQL tracker store, with each conversation's tracker kept in memory between turns.

Rasa 3.6's ``SQLTrackerStore`` reads every event of the conversation from the
database and rebuilds the tracker at the start of every turn, then counts the
stored events again to know which ones to add. For our long, form-driven
conversations that was about a third of Rasa's CPU time per turn (see
docs/benchmarks.md).

This subclass keeps the tracker it saved, with a *marker*: the number of the
conversation's rows in the database and the highest row id. The next
``retrieve`` asks the database for the marker only (one indexed query) and
hands back the kept tracker if it still matches. Anything else that touched
the conversation's rows makes the marker differ, and the tracker is read from
the database as before:

- another replica saving a turn of the same conversation (the production
  profile shares one PostgreSQL tracker store between replicas);
- ``careplan delete`` or ``careplan purge`` erasing the conversation.

A kept tracker is handed out once (``retrieve`` removes it from the cache) and
only comes back by being saved, so a turn that fails half-way never leaves
unsaved events behind for the next turn; neither does a tracker changed after
it was saved, because its length then no longer matches.

On SQLite the store also keeps its connections open and uses write-ahead
logging (as the care-plan database does, see careplan/db.py), instead of a new
connection per query. Configured in ``endpoints.yml``::

    tracker_store:
      type: rasa_ext.trackerstore.CachedSQLTrackerStore
      dialect: sqlite        # or postgresql, with the usual SQL settings
      db: var/rasa_tracker.db
      cache_size: 500        # optional: trackers kept, least recently used dropped
"""

from __future__ import annotations

import itertools
import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker

from careplan.db import make_engine
from rasa_ext import require_pinned_rasa

DEFAULT_CACHE_SIZE = 500

# (rows, highest id) of one conversation's events
Marker = tuple[int, int | None]
MARKER = sa.text("SELECT count(id), max(id) FROM events WHERE sender_id = :sender")


@dataclass
class Kept:
    tracker: DialogueStateTracker
    stored: int  # how many of tracker.events are in the database
    marker: Marker
    sessions: int  # how many SessionStarted events those are


class CachedSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, cache_size: int | str = DEFAULT_CACHE_SIZE, **kwargs: Any) -> None:
        require_pinned_rasa()
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            self.engine.dispose()
            self.engine = make_engine(str(self.engine.url), future=False)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self.cache_size = int(cache_size)
        self._kept: OrderedDict[str, Kept] = OrderedDict()  # saved, waiting for the next turn
        self._lent: dict[str, Kept] = {}  # handed out by retrieve, not saved yet

    def _marker(self, conn: sa.engine.Connection, sender_id: str) -> Marker:
        rows, highest = conn.execute(MARKER, {"sender": sender_id}).one()
        return int(rows), highest

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        kept = self._kept.pop(sender_id, None)
        self._lent.pop(sender_id, None)
        with self.engine.connect() as conn:
            marker = self._marker(conn, sender_id)
        if kept is not None and kept.marker == marker and len(kept.tracker.events) == kept.stored:
            self._lent[sender_id] = kept
            return kept.tracker
        tracker = await super().retrieve(sender_id)
        if tracker is not None:
            self._lent[sender_id] = Kept(tracker, len(tracker.events), marker, _sessions(tracker.events))
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        sender_id = tracker.sender_id
        lent = self._lent.pop(sender_id, None)
        self._kept.pop(sender_id, None)
        known = lent is not None and lent.tracker is tracker and len(tracker.events) >= lent.stored
        await self.stream_events(tracker)
        if known:
            start = lent.stored
        else:
            with self.session_scope() as session:
                start = len(tracker.events) - sum(1 for _ in self._additional_events(session, tracker))
        new_events = list(itertools.islice(tracker.events, start, None))
        rows = [self._row(sender_id, event) for event in new_events]
        with self.engine.begin() as conn:
            if rows:
                conn.execute(self.SQLEvent.__table__.insert(), rows)
            # Read inside this transaction: with the lock store holding the conversation,
            # no other process adds to it, so the marker covers exactly this tracker.
            marker = self._marker(conn, sender_id)
        # Rows erased during the turn: the database no longer holds what this tracker does.
        erased = known and marker[0] != lent.marker[0] + len(rows)
        # The database gives back the latest session only; a tracker holding two would
        # differ from it. Either way, the next turn reads the conversation from the database.
        # (Counted over the new events only when the rest are the ones counted before.)
        sessions = lent.sessions + _sessions(new_events) if known else _sessions(tracker.events)
        if self.cache_size > 0 and sessions <= 1 and not erased:
            self._kept[sender_id] = Kept(tracker, len(tracker.events), marker, sessions)
            while len(self._kept) > self.cache_size:
                self._kept.popitem(last=False)

    @staticmethod
    def _row(sender_id: str, event: Any) -> dict[str, Any]:
        """An event as Rasa's SQLTrackerStore.save stores it."""
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }


def _sessions(events: Any) -> int:
    return sum(isinstance(event, SessionStarted) for event in events)
