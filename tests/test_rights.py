"""Data rights, for real: a real conversation through the real Rasa server and
action server fills both stores, then the real ``careplan`` command erases it.

Both stores are SQLite files made by the running stack: the care-plan
database (``DATABASE_URL``) and Rasa's tracker store (``TRACKER_DB_URL``).
They are read here with plain ``sqlite3``, not through our own code, so the
tests see exactly what is left on disk.
"""

from __future__ import annotations

import itertools
import json
import signal
import sqlite3
import stat
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import plain_sqlite
import pytest
import yaml

from careplan import db as careplan_db
from careplan import held

import serve
from faults_kit import db_path, rows_mentioning, start_plan, tracker_events
from stack import Stack

BIN = Path(sys.executable).parent


# ---------------------------------------------------------------- helpers


def _file_bytes(db: Path) -> bytes:
    """The database file and any journal or WAL file next to it."""
    data = b""
    for suffix in ("", "-wal", "-journal"):
        part = db.with_name(db.name + suffix)
        if part.exists():
            data += part.read_bytes()
    return data


def _talk(stack: Stack, sender: str, name: str, marker: str) -> None:
    """Start a plan and answer the first questions, one of them a red flag."""
    start_plan(stack, sender, name)
    stack.say(sender, f"my garden and {marker}")
    assert "999" in stack.texts(sender, "I've got chest pain right now")


def _age(stack: Stack, sender: str, days: int) -> None:
    """Make a conversation look idle for `days` days in both stores."""
    with sqlite3.connect(db_path(stack.database_url)) as conn:
        conn.execute(
            "UPDATE plans SET updated_at = datetime('now', ?) WHERE sender = ?", (f"-{days} days", sender)
        )
        conn.execute(
            "UPDATE flags SET created_at = datetime('now', ?) WHERE sender = ?", (f"-{days} days", sender)
        )
    with sqlite3.connect(db_path(stack.tracker_url)) as conn:
        conn.execute(
            "UPDATE events SET timestamp = timestamp - ? WHERE sender_id = ?", (days * 86400, sender)
        )


# Real, rare first names (the NLU rightly asks again for a "name" with digits in it).
_NAMES = itertools.cycle(
    ["Wilhelmina", "Araminta", "Perpetua", "Ottoline", "Seraphina", "Eulalia", "Clementine"]
)


@pytest.fixture
def people() -> Iterator[tuple[str, str, str]]:
    """A fresh sender id, a name and a marker phrase nobody else uses."""
    tag = uuid.uuid4().hex[:8]
    yield f"rights-{tag}", next(_NAMES), f"marker-{tag}"


# ---------------------------------------------------------------- export


def test_export_gives_the_person_everything_stored(stack: Stack, people: tuple[str, str, str]) -> None:
    sender, name, marker = people
    _talk(stack, sender, name, marker)
    done = stack.careplan("export", "--sender", sender)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["sender"] == sender
    assert data["subject"]["preferred_name"] == name
    assert data["life"]["what_matters"] == f"my garden and {marker}"
    flags = [(f["kind"], f["message"]) for f in data["flags"]]
    assert flags == [("emergency", "I've got chest pain right now")]


# ---------------------------------------------------------------- delete


def test_delete_leaves_nothing_in_either_store(stack: Stack, people: tuple[str, str, str]) -> None:
    sender, name, marker = people
    other = f"rights-other-{uuid.uuid4().hex[:8]}"
    _talk(stack, sender, name, marker)
    _talk(stack, other, "Bartholomew", "someone else's garden")

    care_db, tracker_db = db_path(stack.database_url), db_path(stack.tracker_url)
    before = stack.export(sender)
    assert before["life"]["what_matters"] == f"my garden and {marker}"
    assert [f["kind"] for f in before["flags"]] == ["emergency"]
    assert rows_mentioning(care_db, [marker]) and rows_mentioning(tracker_db, [marker])

    done = stack.careplan("delete", "--sender", sender)
    assert done.returncode == 0, done.stderr
    assert "Deleted 1 plan(s)" in done.stdout

    assert rows_mentioning(care_db, [sender, marker, name]) == []
    assert rows_mentioning(tracker_db, [sender, marker, name]) == []
    assert tracker_events(stack, sender) == 0
    # Rasa itself no longer has the conversation
    events = stack.tracker(sender)["events"]
    assert marker not in str(events) and name not in str(events)
    # and the other person's data is untouched
    assert stack.export(other)["life"]["what_matters"] == "my garden and someone else's garden"
    assert tracker_events(stack, other) > 0


def test_after_delete_the_person_starts_afresh(stack: Stack, people: tuple[str, str, str]) -> None:
    sender, name, marker = people
    _talk(stack, sender, name, marker)
    assert stack.careplan("delete", "--sender", sender).returncode == 0
    reply = stack.texts(sender, "hello")
    assert "happy to go on" in reply  # asked for consent again: nothing remembered
    assert name not in reply
    assert stack.store.plans_for_sender(sender) == []


def test_deleted_text_is_not_left_in_the_database_files(stack: Stack, people: tuple[str, str, str]) -> None:
    sender, name, marker = people
    _talk(stack, sender, name, marker)
    dbs = (db_path(stack.database_url), db_path(stack.tracker_url))
    assert all(marker.encode() in _file_bytes(db) for db in dbs)  # so the check below means something
    # Erase with SQLite's secure delete off until the product turns it on (plain_sqlite.py):
    # this machine's SQLite has it on by default, which would hide a missing PRAGMA.
    env = plain_sqlite.env_for_subprocess(stack.folder / "plain_sqlite", stack.env)
    done = subprocess.run(  # noqa: S603
        [str(BIN / "careplan"), "delete", "--sender", sender],
        cwd=stack.folder,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    for db in dbs:
        assert marker.encode() not in _file_bytes(db), f"{db.name}: deleted text still readable in the file"


def test_delete_for_unknown_sender_is_harmless(stack: Stack) -> None:
    done = stack.careplan("delete", "--sender", "nobody-by-this-name")
    assert done.returncode == 0
    assert "Deleted 0 plan(s), 0 conversation event(s)" in done.stdout


def test_delete_also_erases_messages_held_while_actions_were_down(
    make_stack: Callable[[], Stack], people: tuple[str, str, str]
) -> None:
    sender, name, marker = people
    stack = make_stack().start()
    start_plan(stack, sender, name)
    stack.stop_actions(signal.SIGKILL)
    assert "kept" in stack.texts(sender, f"my garden and {marker}")
    held = Path(stack.env["HELD_MESSAGES_PATH"])
    assert rows_mentioning(held, [marker])  # kept on disk, as the channel promises (careplan/held.py)

    assert stack.careplan("delete", "--sender", sender).returncode == 0
    assert rows_mentioning(db_path(stack.database_url), [sender]) == []
    assert rows_mentioning(held, [sender, marker]) == []


# ---------------------------------------------------------------- purge


def test_purge_removes_idle_conversations_only(stack: Stack, people: tuple[str, str, str]) -> None:
    sender, name, marker = people
    idle, active = sender, f"rights-active-{uuid.uuid4().hex[:8]}"
    _talk(stack, idle, name, marker)
    _talk(stack, active, "Ermintrude", "active-marker")
    _age(stack, idle, days=45)

    done = stack.careplan("purge", "--older-than", "30")
    assert done.returncode == 0, done.stderr
    assert "Purged" in done.stdout

    assert stack.store.plans_for_sender(idle) == []
    assert tracker_events(stack, idle) == 0
    assert rows_mentioning(db_path(stack.database_url), [idle, marker]) == []
    assert stack.export(active)["life"]["what_matters"] == "my garden and active-marker"
    assert tracker_events(stack, active) > 0


def test_purge_also_removes_conversations_without_a_plan(stack: Stack, people: tuple[str, str, str]) -> None:
    sender, _, _ = people
    assert "happy to go on" in stack.texts(sender, "hello")
    assert "116 123" in stack.texts(sender, "I want to end my life")  # a flag with no plan yet
    # The crisis reply asks no question of its own (session 22): the consent question comes back
    # when they say to carry on, and then they say no.
    assert "happy to go on" in stack.texts(sender, "ok, carry on")
    assert "haven't saved" in stack.texts(sender, "/deny")
    assert stack.store.plans_for_sender(sender) == []
    assert tracker_events(stack, sender) > 0
    _age(stack, sender, days=45)

    assert stack.careplan("purge", "--older-than", "30").returncode == 0
    assert tracker_events(stack, sender) == 0
    assert rows_mentioning(db_path(stack.database_url), [sender]) == []


# ---------------------------------------------------------------- files and logs


def test_new_care_plan_database_is_private(tmp_path: Path) -> None:
    db = tmp_path / "fresh" / "careplan.db"
    env = {"DATABASE_URL": f"sqlite:///{db}", "TRACKER_DB_URL": f"sqlite:///{tmp_path / 'tracker.db'}"}
    done = subprocess.run(  # noqa: S603
        [str(BIN / "careplan"), "purge", "--older-than", "30"],
        cwd=tmp_path,
        env={"PATH": str(BIN), **env},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_running_stack_care_plan_database_is_private(stack: Stack, people: tuple[str, str, str]) -> None:
    sender, name, marker = people
    _talk(stack, sender, name, marker)
    assert stat.S_IMODE(db_path(stack.database_url).stat().st_mode) == 0o600


def test_rasa_makes_its_tracker_database_private(
    make_stack: Callable[[], Stack], people: tuple[str, str, str]
) -> None:
    """The harness makes the tracker file owner-only before Rasa starts (tests/stack.py);
    here it is removed first, so the file checked is the one the product made."""
    sender, name, marker = people
    stack = make_stack()
    tracker = db_path(stack.tracker_url)
    tracker.unlink()
    stack.start()
    _talk(stack, sender, name, marker)
    assert rows_mentioning(tracker, [marker])  # this is the file Rasa keeps the conversation in
    assert stat.S_IMODE(tracker.stat().st_mode) == 0o600


def test_serve_makes_every_store_private_before_starting_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """scripts/serve.py (``make run``) creates the SQLite files owner-only before any
    service starts; stock Rasa would otherwise create its tracker file world-readable."""
    tracker = yaml.safe_load((serve.ROOT / "endpoints.yml").read_text())["tracker_store"]["db"]
    monkeypatch.setattr(serve, "ROOT", tmp_path)
    monkeypatch.setattr(serve, "services", lambda env: [])
    assert serve.start({}) == []
    for name in (tracker, careplan_db.DEFAULT_URL.removeprefix("sqlite:///"), held.DEFAULT_PATH):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name


def test_logs_hold_no_names_or_messages(stack: Stack, people: tuple[str, str, str]) -> None:
    sender, name, marker = people
    _talk(stack, sender, name, marker)
    for log in ("rasa.log", "actions.log"):
        text = (stack.folder / log).read_text(encoding="utf-8", errors="replace")
        assert name not in text, log
        assert marker not in text, log
        assert "chest pain" not in text, log
