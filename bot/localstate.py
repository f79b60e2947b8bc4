"""The bot's own small SQLite file.

It holds two things that must survive a restart:

* messages waiting to reach Rasa (kept in order, per chat, until Rasa has
  taken them), so nothing a person sends is lost while Rasa is down;
* the button sets still open, so a press maps back to its Rasa payload
  (Telegram's ``callback_data`` is limited to 64 bytes). A set is removed when
  one of its buttons is pressed or the conversation moves on, so it works once.

The file is created readable by its owner only: waiting messages are what
people wrote. Rows leave as soon as they are delivered, and ``/delete`` clears
a chat's rows.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS pending (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id INTEGER NOT NULL,
    text TEXT NOT NULL,
    reply_optional INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    empty_replies INTEGER NOT NULL DEFAULT 0,
    next_try REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS pending_chat ON pending (chat_id, id);
CREATE TABLE IF NOT EXISTS keyboards (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id INTEGER NOT NULL,
    buttons TEXT NOT NULL,
    message_id INTEGER
);
CREATE INDEX IF NOT EXISTS keyboards_chat ON keyboards (chat_id);
"""

MAX_BACKOFF_SECONDS = 30.0


@dataclass(frozen=True)
class Pending:
    id: int
    chat_id: int
    text: str
    reply_optional: bool
    attempts: int
    empty_replies: int


@dataclass(frozen=True)
class Pressed:
    title: str
    payload: str


def _private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


class LocalState:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        _private_file(self.path)
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=10)
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    # -- messages waiting for Rasa ----------------------------------------
    def add(self, chat_id: int, text: str, *, reply_optional: bool = False) -> int:
        cursor = self._db.execute(
            "INSERT INTO pending (chat_id, text, reply_optional) VALUES (?, ?, ?)",
            (chat_id, text, int(reply_optional)),
        )
        return int(cursor.lastrowid or 0)

    def first(self, chat_id: int) -> Pending | None:
        row = self._db.execute(
            "SELECT id, chat_id, text, reply_optional, attempts, empty_replies FROM pending "
            "WHERE chat_id = ? ORDER BY id LIMIT 1",
            (chat_id,),
        ).fetchone()
        return Pending(row[0], row[1], row[2], bool(row[3]), row[4], row[5]) if row else None

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

    def chats_due(self, now: float | None = None) -> list[int]:
        """Chats whose oldest waiting message may be retried now."""
        now = time.time() if now is None else now
        rows = self._db.execute(
            "SELECT p.chat_id FROM pending p WHERE p.id = "
            "(SELECT MIN(id) FROM pending q WHERE q.chat_id = p.chat_id) AND p.next_try <= ? "
            "ORDER BY p.id",
            (now,),
        ).fetchall()
        return [row[0] for row in rows]

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

    # -- erasure ----------------------------------------------------------
    def forget(self, chat_id: int) -> None:
        self._db.execute("DELETE FROM pending WHERE chat_id = ?", (chat_id,))
        self._db.execute("DELETE FROM keyboards WHERE chat_id = ?", (chat_id,))
