"""careplan.held: the queue of messages kept while the action server is down, on a real
SQLite file, as two Rasa replicas would share it."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import plain_sqlite
import pytest

from careplan.held import HeldMessages
from careplan.models import utcnow


def test_a_message_kept_by_one_replica_is_handed_over_by_the_other_in_order(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'held.db'}"
    replica_a, replica_b = HeldMessages(url), HeldMessages(url)
    replica_a.add("amy", "my garden", {"via": "telegram"})
    replica_b.add("amy", "seeing my grandson", None)
    replica_a.add("bob", "walking", None)
    assert replica_b.take("amy") == [("my garden", {"via": "telegram"}), ("seeing my grandson", None)]
    assert replica_a.take("amy") == [], "handed over once"
    assert replica_a.take("bob") == [("walking", None)]


def test_erasing_leaves_no_trace_in_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # This machine's SQLite overwrites deleted rows by default; start each connection
    # without that, so only the product's own PRAGMA can (tests/plain_sqlite.py).
    monkeypatch.setattr(sqlite3.dbapi2, "connect", plain_sqlite.insecure(sqlite3.dbapi2.connect))
    path = tmp_path / "held.db"
    queue = HeldMessages(f"sqlite:///{path}")
    queue.add("amy", "a very private sentence", None)
    queue.add("bob", "something else", None)
    assert queue.erase("amy") == 1
    assert queue.take("bob") == [("something else", None)]
    assert b"a very private sentence" not in b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert path.stat().st_mode & 0o077 == 0, "readable by its owner only"


def test_senders_can_be_found_by_how_long_their_messages_have_waited(tmp_path: Path) -> None:
    path = tmp_path / "held.db"
    queue = HeldMessages(f"sqlite:///{path}")
    queue.add("old", "from last month", None)
    queue.add("new", "from today", None)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE held SET created_at = ? WHERE sender = 'old'", (utcnow() - timedelta(days=40),))
    assert queue.senders() == {"old", "new"}
    assert queue.senders(kept_before=utcnow() - timedelta(days=30)) == {"old"}


def test_a_queue_file_from_before_ages_is_kept_and_counts_as_old(tmp_path: Path) -> None:
    path = tmp_path / "held.db"
    with sqlite3.connect(path) as db:  # the table as channels/rest.py made it
        db.execute("CREATE TABLE held (id INTEGER PRIMARY KEY, sender TEXT, text TEXT, meta TEXT)")
        db.execute("INSERT INTO held (sender, text, meta) VALUES ('amy', 'kept before the upgrade', 'null')")
    queue = HeldMessages(f"sqlite:///{path}")
    assert queue.senders(kept_before=utcnow()) == {"amy"}
    assert queue.take("amy") == [("kept before the upgrade", None)]
