"""Messages kept while the action server was away, per conversation, in order.

The REST channel (channels/rest.py) keeps a message here when it can't reach
the action server, and hands the kept ones to Rasa, oldest first, once it can.
``careplan delete`` and ``purge`` erase them (careplan/rights.py).

By default the queue is a SQLite file (``HELD_MESSAGES_PATH``, else
``var/held_messages.db``). Several Rasa replicas must share one queue, or a message
held by one replica would wait for that person's next message to reach the same
replica: ``HELD_MESSAGES_URL`` takes any SQLAlchemy URL (the scaled profile
uses its PostgreSQL care-plan database).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from careplan.db import forget_old_pages, make_engine
from careplan.models import utcnow

DEFAULT_PATH = "var/held_messages.db"

metadata = MetaData()
held = Table(
    "held",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sender", String(255), index=True),
    Column("text", Text),
    Column("meta", Text),
    Column("created_at", DateTime),
)


def held_url() -> str:
    return (
        os.environ.get("HELD_MESSAGES_URL")
        or f"sqlite:///{os.environ.get('HELD_MESSAGES_PATH') or DEFAULT_PATH}"
    )


class HeldMessages:
    def __init__(self, url: str | None = None) -> None:
        self.engine: Engine = make_engine(url or held_url())
        # Replicas starting together race to make the table: the loser finds it made.
        self._ensure(lambda: metadata.create_all(self.engine), self._has_table)
        if not self._has_created_at():  # a queue from before purge could age it
            self._ensure(self._add_created_at, self._has_created_at)

    def _ensure(self, make: Callable[[], None], done: Callable[[], bool]) -> None:
        try:
            make()
        except (IntegrityError, ProgrammingError, OperationalError):
            if not done():
                raise

    def _has_table(self) -> bool:
        return inspect(self.engine).has_table("held")

    def _has_created_at(self) -> bool:
        return "created_at" in {c["name"] for c in inspect(self.engine).get_columns("held")}

    def _add_created_at(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(text("ALTER TABLE held ADD COLUMN created_at TIMESTAMP"))

    def add(self, sender: str, message: str, meta: Any) -> None:
        row = {"sender": sender, "text": message, "meta": json.dumps(meta), "created_at": utcnow()}
        with self.engine.begin() as conn:
            conn.execute(held.insert(), row)

    def take(self, sender: str) -> list[tuple[str, Any]]:
        """The sender's kept messages, oldest first, removed from the queue."""
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(held.c.id, held.c.text, held.c.meta).where(held.c.sender == sender).order_by(held.c.id)
            ).all()
            if rows:  # most turns find none: no write
                # Only these: another replica may have kept a newer one meanwhile.
                conn.execute(delete(held).where(held.c.id.in_([row.id for row in rows])))
        return [(row.text, json.loads(row.meta)) for row in rows]

    def erase(self, sender: str) -> int:
        with self.engine.begin() as conn:
            removed = conn.execute(delete(held).where(held.c.sender == sender)).rowcount or 0
        forget_old_pages(self.engine)
        return removed

    def senders(self, kept_before: datetime | None = None) -> set[str]:
        """Senders with kept messages; with a cutoff, only those whose newest is older."""
        query = select(held.c.sender).group_by(held.c.sender)
        if kept_before is not None:
            newest = func.max(held.c.created_at)
            query = query.having(newest.is_(None) | (newest < kept_before))
        with self.engine.connect() as conn:
            return set(conn.execute(query).scalars())
