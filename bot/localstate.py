"""The bot's own small SQLite file.

It holds what must survive a restart:

* messages waiting to reach Rasa (kept in order, per chat, until Rasa has
  taken them), so nothing a person sends is lost while Rasa is down;
* Rasa's replies waiting to reach Telegram (the outbox), so nothing Rasa says
  is lost while Telegram is away;
* the button sets still open, so a press maps back to its Rasa payload
  (Telegram's ``callback_data`` is limited to 64 bytes). A set is removed when
  one of its buttons is pressed or the conversation moves on, so it works once;
* the last question asked (``/help`` asks it again), the open "delete
  everything?" question, the ids of the chat's messages (``/delete`` removes
  them from Telegram), and reminders and follow-ups (``bot/reminders.py``).

The file is created readable by its owner only: waiting messages are what
people wrote. Rows leave as soon as they are delivered, and ``/delete`` clears
a chat's rows.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careplan.db import private_file

SCHEMA = """
CREATE TABLE IF NOT EXISTS pending (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id INTEGER NOT NULL,
    text TEXT NOT NULL,
    reply_optional INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    empty_replies INTEGER NOT NULL DEFAULT 0,
    next_try REAL NOT NULL DEFAULT 0,
    created REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS pending_chat ON pending (chat_id, id);
CREATE TABLE IF NOT EXISTS keyboards (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id INTEGER NOT NULL,
    buttons TEXT NOT NULL,
    message_id INTEGER
);
CREATE INDEX IF NOT EXISTS keyboards_chat ON keyboards (chat_id);
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id INTEGER NOT NULL,
    message TEXT NOT NULL,
    next_try REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS outbox_chat ON outbox (chat_id, id);
CREATE TABLE IF NOT EXISTS last_question (chat_id INTEGER PRIMARY KEY, message TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE TABLE IF NOT EXISTS reminders (
    chat_id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    due_at REAL NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (chat_id, plan_id)
);
CREATE TABLE IF NOT EXISTS follow_ups (
    chat_id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (chat_id, plan_id)
);
CREATE TABLE IF NOT EXISTS delete_offers (
    chat_id INTEGER PRIMARY KEY,
    token TEXT NOT NULL,
    plan_id INTEGER,
    offered_at REAL NOT NULL
);
"""
# Files made before a column existed get it added.
ADDED_COLUMNS = {"pending": {"created": "REAL NOT NULL DEFAULT 0"}}

MAX_BACKOFF_SECONDS = 30.0


@dataclass(frozen=True)
class Pending:
    id: int
    chat_id: int
    text: str
    reply_optional: bool
    attempts: int
    empty_replies: int
    created: float = 0.0

    @property
    def joinable(self) -> bool:
        """Typed words never tried yet: a quick follow-up may be joined to them."""
        return not self.attempts and not self.reply_optional and not self.text.startswith("/")


@dataclass(frozen=True)
class Pressed:
    title: str
    payload: str


class LocalState:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        private_file(self.path)
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=10)
        self._db.executescript(SCHEMA)
        for table, columns in ADDED_COLUMNS.items():
            have = {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
            for name, kind in columns.items():
                if name not in have:
                    self._db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")

    def close(self) -> None:
        self._db.close()

    # -- messages waiting for Rasa ----------------------------------------
    def add(self, chat_id: int, text: str, *, reply_optional: bool = False, now: float | None = None) -> int:
        cursor = self._db.execute(
            "INSERT INTO pending (chat_id, text, reply_optional, created) VALUES (?, ?, ?, ?)",
            (chat_id, text, int(reply_optional), time.time() if now is None else now),
        )
        return int(cursor.lastrowid or 0)

    def first(self, chat_id: int) -> Pending | None:
        items = self.queued(chat_id, limit=1)
        return items[0] if items else None

    def queued(self, chat_id: int, limit: int = 50) -> list[Pending]:
        """This chat's waiting messages, oldest first."""
        rows = self._db.execute(
            "SELECT id, chat_id, text, reply_optional, attempts, empty_replies, created FROM pending "
            "WHERE chat_id = ? ORDER BY id LIMIT ?",
            (chat_id, limit),
        ).fetchall()
        return [Pending(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6]) for r in rows]

    def failed(self, item_id: int, *, empty_reply: bool = False) -> None:
        """Count a failed try and wait longer before the next background retry.

        ``empty_reply``: Rasa answered, but with nothing (as when the action
        server is down). Those are counted apart, so the caller can stop after a few.
        """
        row = self._db.execute("SELECT attempts FROM pending WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            return
        attempts = row[0] + 1
        delay = min(MAX_BACKOFF_SECONDS, 2.0 ** min(attempts, 10))
        self._db.execute(
            "UPDATE pending SET attempts = ?, empty_replies = empty_replies + ?, next_try = ? WHERE id = ?",
            (attempts, int(empty_reply), time.time() + delay, item_id),
        )

    def done(self, item_id: int) -> None:
        self._db.execute("DELETE FROM pending WHERE id = ?", (item_id,))

    def answered(self, chat_id: int, item_ids: list[int], replies: list[dict[str, Any]]) -> None:
        """Rasa has answered: the messages leave the queue and the replies enter the outbox, at once."""
        with self._transaction():
            self._db.executemany("DELETE FROM pending WHERE id = ?", [(i,) for i in item_ids])
            self._outbox_add(chat_id, replies)

    def chats_due(self, now: float | None = None) -> list[int]:
        """Chats whose oldest waiting message, or an undelivered reply, may be retried now."""
        now = time.time() if now is None else now
        rows = self._db.execute(
            "SELECT p.chat_id FROM pending p WHERE p.id = "
            "(SELECT MIN(id) FROM pending q WHERE q.chat_id = p.chat_id) AND p.next_try <= ? "
            "UNION SELECT chat_id FROM outbox WHERE next_try <= ?",
            (now, now),
        ).fetchall()
        return sorted({row[0] for row in rows})

    # -- replies waiting for Telegram --------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _outbox_add(self, chat_id: int, messages: list[dict[str, Any]]) -> None:
        self._db.executemany(
            "INSERT INTO outbox (chat_id, message) VALUES (?, ?)",
            [(chat_id, json.dumps(m)) for m in messages],
        )

    def outbox_add(self, chat_id: int, messages: list[dict[str, Any]]) -> None:
        self._outbox_add(chat_id, messages)

    def outbox(self, chat_id: int) -> list[tuple[int, dict[str, Any]]]:
        rows = self._db.execute(
            "SELECT id, message FROM outbox WHERE chat_id = ? ORDER BY id", (chat_id,)
        ).fetchall()
        return [(row[0], json.loads(row[1])) for row in rows]

    def outbox_done(self, row_id: int) -> None:
        self._db.execute("DELETE FROM outbox WHERE id = ?", (row_id,))

    def outbox_later(self, chat_id: int, delay: float) -> None:
        self._db.execute("UPDATE outbox SET next_try = ? WHERE chat_id = ?", (time.time() + delay, chat_id))

    # -- the last question, asked again by /help -------------------------
    def set_last_question(self, chat_id: int, message: dict[str, Any]) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO last_question (chat_id, message) VALUES (?, ?)",
            (chat_id, json.dumps(message)),
        )

    def last_question(self, chat_id: int) -> dict[str, Any] | None:
        row = self._db.execute("SELECT message FROM last_question WHERE chat_id = ?", (chat_id,)).fetchone()
        return json.loads(row[0]) if row else None

    # -- the chat's message ids, for /delete ---------------------------------
    def remember_message(self, chat_id: int, message_id: int, at: float | None = None) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO messages (chat_id, message_id, at) VALUES (?, ?, ?)",
            (chat_id, message_id, time.time() if at is None else at),
        )

    def messages_since(self, chat_id: int, since: float) -> tuple[list[int], int]:
        """Ids of this chat's messages sent after ``since``, and how many older ones there are."""
        rows = self._db.execute(
            "SELECT message_id, at FROM messages WHERE chat_id = ? ORDER BY message_id", (chat_id,)
        ).fetchall()
        return [r[0] for r in rows if r[1] > since], sum(1 for r in rows if r[1] <= since)

    # -- the "delete everything?" question ---------------------------------
    def offer_delete(self, chat_id: int, plan_id: int | None, now: float | None = None) -> str:
        """Remember a new delete question; its buttons carry the returned token. Older ones expire."""
        token = secrets.token_hex(4)
        self._db.execute(
            "INSERT OR REPLACE INTO delete_offers (chat_id, token, plan_id, offered_at) VALUES (?, ?, ?, ?)",
            (chat_id, token, plan_id, time.time() if now is None else now),
        )
        return token

    def take_delete_offer(self, chat_id: int, token: str) -> tuple[int | None, float] | None:
        """Use the chat's open delete question once: (plan id, time offered), or None if it isn't open."""
        cursor = self._db.execute(
            "DELETE FROM delete_offers WHERE chat_id = ? AND token = ? RETURNING plan_id, offered_at",
            (chat_id, token),
        )
        row = cursor.fetchone()
        cursor.close()
        return (row[0], row[1]) if row else None

    def waiting(self, chat_id: int) -> int:
        return int(
            self._db.execute("SELECT COUNT(*) FROM pending WHERE chat_id = ?", (chat_id,)).fetchone()[0]
        )

    # -- button sets ------------------------------------------------------
    def new_keyboard(self, chat_id: int, buttons: list[tuple[str, str]]) -> int:
        cursor = self._db.execute(
            "INSERT INTO keyboards (chat_id, buttons) VALUES (?, ?)", (chat_id, json.dumps(buttons))
        )
        return int(cursor.lastrowid or 0)

    def keyboard_sent(self, keyboard_id: int, message_id: int) -> None:
        self._db.execute("UPDATE keyboards SET message_id = ? WHERE id = ?", (message_id, keyboard_id))

    def press(self, chat_id: int, keyboard_id: int, index: int) -> Pressed | None:
        """Use a button once. None if the set is unknown, spent, or not this chat's."""
        cursor = self._db.execute(
            "DELETE FROM keyboards WHERE id = ? AND chat_id = ? RETURNING buttons",
            (keyboard_id, chat_id),
        )
        row = cursor.fetchone()
        cursor.close()
        if row is None:
            return None
        buttons = json.loads(row[0])
        if not 0 <= index < len(buttons):
            return None
        title, payload = buttons[index]
        return Pressed(title=title, payload=payload)

    def retire_keyboards(self, chat_id: int) -> list[int]:
        """The conversation moved on: close every open set; return their message ids."""
        cursor = self._db.execute("DELETE FROM keyboards WHERE chat_id = ? RETURNING message_id", (chat_id,))
        rows = cursor.fetchall()
        cursor.close()
        return [row[0] for row in rows if row[0] is not None]

    # -- reminders and follow-ups (bot/reminders.py) -----------------------
    # A reminder's state: asked (offered, no answer yet), on, off, sent, missed, gone, failed.
    def reminder(self, chat_id: int, plan_id: int) -> tuple[float, str] | None:
        row = self._db.execute(
            "SELECT due_at, state FROM reminders WHERE chat_id = ? AND plan_id = ?", (chat_id, plan_id)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def set_reminder(self, chat_id: int, plan_id: int, due_at: float, state: str) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO reminders (chat_id, plan_id, due_at, state) VALUES (?, ?, ?, ?)",
            (chat_id, plan_id, due_at, state),
        )

    def set_reminder_state(self, chat_id: int, plan_id: int, state: str) -> None:
        self._db.execute(
            "UPDATE reminders SET state = ? WHERE chat_id = ? AND plan_id = ?", (state, chat_id, plan_id)
        )

    def reminders_due(self, now: float) -> list[tuple[int, int]]:
        rows = self._db.execute(
            "SELECT chat_id, plan_id FROM reminders WHERE state = 'on' AND due_at <= ? ORDER BY due_at",
            (now,),
        ).fetchall()
        return [(row[0], row[1]) for row in rows]

    def next_reminder(self) -> float | None:
        row = self._db.execute("SELECT MIN(due_at) FROM reminders WHERE state = 'on'").fetchone()
        return row[0] if row else None

    def ask_follow_up(self, chat_id: int, plan_id: int) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO follow_ups (chat_id, plan_id, state) VALUES (?, ?, 'asked')",
            (chat_id, plan_id),
        )

    def follow_up_asked(self, chat_id: int, plan_id: int) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM follow_ups WHERE chat_id = ? AND plan_id = ?", (chat_id, plan_id)
        ).fetchone()
        return row is not None

    def follow_up_waiting(self, chat_id: int) -> int | None:
        row = self._db.execute(
            "SELECT plan_id FROM follow_ups WHERE chat_id = ? AND state = 'asked' ORDER BY plan_id DESC",
            (chat_id,),
        ).fetchone()
        return row[0] if row else None

    def follow_up_done(self, chat_id: int, plan_id: int) -> None:
        self._db.execute(
            "UPDATE follow_ups SET state = 'done' WHERE chat_id = ? AND plan_id = ?", (chat_id, plan_id)
        )

    # -- erasure ----------------------------------------------------------
    def forget(self, chat_id: int) -> None:
        tables = ("pending", "keyboards", "outbox", "last_question", "messages", "delete_offers")
        for table in (*tables, "reminders", "follow_ups"):
            self._db.execute(f"DELETE FROM {table} WHERE chat_id = ?", (chat_id,))  # noqa: S608  # nosec B608 - table names from the fixed list above
