"""rasa_ext.trackerstore.CachedSQLTrackerStore: trackers kept in memory between turns, on a
real SQLite file, never out of step with the database."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
import scaled_kit  # noqa: F401 - puts the checkout (scale/) on sys.path
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from careplan.rights import erase_tracker
from rasa_ext.trackerstore import CachedSQLTrackerStore

DOMAIN = Domain.from_dict({"slots": {"answer": {"type": "text", "mappings": [{"type": "from_text"}]}}})
SENDER = "someone"


def store(path: Path) -> CachedSQLTrackerStore:
    return CachedSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(path))


def turn(tracker: DialogueStateTracker, text: str) -> None:
    for event in (
        UserUttered(text, {"name": "inform", "confidence": 1.0}),
        SlotSet("answer", text),
        BotUttered(f"you said {text}"),
        ActionExecuted("action_listen"),
    ):
        tracker.update(event)


def talk(tracker_store: CachedSQLTrackerStore, text: str) -> DialogueStateTracker:
    """One turn as Rasa's processor runs it: retrieve (or create), add events, save."""

    async def go() -> DialogueStateTracker:
        tracker = await tracker_store.retrieve(SENDER)
        if tracker is None:
            tracker = DialogueStateTracker(SENDER, DOMAIN.slots)
            tracker.update(ActionExecuted("action_session_start"))
            tracker.update(SessionStarted())
            tracker.update(ActionExecuted("action_listen"))
        turn(tracker, text)
        await tracker_store.save(tracker)
        return tracker

    return asyncio.run(go())


def said(tracker: DialogueStateTracker | None) -> list[str]:
    return [e.text for e in tracker.events if isinstance(e, UserUttered)] if tracker else []


def stored(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (SENDER,))
        return [type_name for type_name, _ in rows]


def fresh_read(path: Path) -> DialogueStateTracker | None:
    """What a restarted Rasa (or another replica) reads from the database."""
    return asyncio.run(store(path).retrieve(SENDER))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "tracker.db"


def test_a_kept_tracker_is_handed_back_and_the_database_has_every_event_once(db: Path) -> None:
    trackers = store(db)
    first = talk(trackers, "my garden")
    second = talk(trackers, "seeing my grandson")
    assert second is first, "the second turn got the tracker kept from the first"
    assert said(second) == ["my garden", "seeing my grandson"]
    assert len(stored(db)) == len(second.events)
    again = fresh_read(db)
    assert again is not None and again is not second
    # Rasa's SQL store reads from the session start on, so the action_session_start
    # before it is left out; what Rasa decides from (the applied events) is the same.
    assert [e.as_dict() for e in again.events] == [e.as_dict() for e in list(second.events)[1:]]
    assert [e.as_dict() for e in again.applied_events()] == [e.as_dict() for e in second.applied_events()]


def test_a_turn_saved_by_another_replica_is_read_from_the_database(db: Path) -> None:
    replica_a, replica_b = store(db), store(db)
    talk(replica_a, "one")
    talk(replica_b, "two")  # replica B reads A's turn from the database
    third = talk(replica_a, "three")  # A's kept tracker lacks "two": it must not be used
    assert said(third) == ["one", "two", "three"]
    assert said(fresh_read(db)) == ["one", "two", "three"]
    assert stored(db).count("user") == 3


def test_an_erased_conversation_is_not_brought_back_from_memory(db: Path) -> None:
    trackers = store(db)
    talk(trackers, "something private")
    assert erase_tracker(SENDER, f"sqlite:///{db}") > 0
    assert asyncio.run(trackers.retrieve(SENDER)) is None
    after = talk(trackers, "hello again")
    assert said(after) == ["hello again"]
    assert "something private" not in db.read_bytes().decode("utf-8", "replace")


def test_erasing_during_a_turn_keeps_the_old_words_out_of_the_next_turn(db: Path) -> None:
    trackers = store(db)
    talk(trackers, "something private")

    async def turn_with_erasure() -> None:
        tracker = await trackers.retrieve(SENDER)
        assert tracker is not None
        erase_tracker(SENDER, f"sqlite:///{db}")  # `careplan delete` while the turn runs
        turn(tracker, "a new answer")
        await trackers.save(tracker)

    asyncio.run(turn_with_erasure())
    nxt = talk(trackers, "and another")
    assert "something private" not in said(nxt)
    assert said(nxt) == ["a new answer", "and another"]


def test_events_added_but_never_saved_are_not_handed_out(db: Path) -> None:
    trackers = store(db)
    talk(trackers, "kept")

    async def failed_turn() -> None:
        tracker = await trackers.retrieve(SENDER)
        assert tracker is not None
        turn(tracker, "lost in a crash")  # the turn fails before Rasa saves it

    asyncio.run(failed_turn())
    assert said(asyncio.run(trackers.retrieve(SENDER))) == ["kept"]


def test_a_tracker_changed_after_it_was_saved_is_read_again(db: Path) -> None:
    trackers = store(db)
    saved = talk(trackers, "kept")
    turn(saved, "added after saving")  # whoever holds it changes it, and never saves
    assert said(asyncio.run(trackers.retrieve(SENDER))) == ["kept"]
