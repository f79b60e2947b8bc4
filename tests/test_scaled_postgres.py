"""Care plans on PostgreSQL: the Alembic migrations, the Store, the care team's review
and the data-rights erase, all against a real PostgreSQL server on loopback.

The rest of the suite runs on SQLite; this is what ``DATABASE_URL=postgresql+psycopg2://...``
(the production profile) relies on.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import psycopg2
import pytest
from scaled_kit import private_folder, require
from sqlalchemy import inspect

from careplan import db
from careplan.held import HeldMessages
from careplan.models import utcnow
from careplan.review import Review, UsernameTaken
from careplan.rights import erase_held, erase_tracker, purge
from careplan.store import Store
from launch import free_port
from scale.services import Postgres


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    require("postgresql")
    with private_folder("wm-pg-test-") as base:
        server = Postgres(base / "pg", free_port(), durable=False)
        service = server.start(base / "logs")
        try:
            yield server
        finally:
            service.stop()


@pytest.fixture
def store(postgres: Postgres, request: pytest.FixtureRequest) -> Store:
    name = "plans_" + request.node.name.removeprefix("test_")[:40].lower()
    postgres.create_database(name)
    return Store(postgres.sqlalchemy_url(name))


def test_migrations_build_every_table_and_run_twice(postgres: Postgres) -> None:
    postgres.create_database("migrated")
    url = postgres.sqlalchemy_url("migrated")
    db.migrate(url)
    db.migrate(url)  # already at head: nothing to do, no error
    tables = set(inspect(db.make_engine(url)).get_table_names())
    assert {"plans", "answers", "goals", "flags", "clinicians", "audit_log", "alembic_version"} <= tables


def test_store_round_trip_keeps_words_order_and_attribution(store: Store) -> None:
    plan = store.new_plan("pg-person", subject_name="Peggy")
    store.record_answer(plan, "what_matters", "my garden '; DROP TABLE plans; --")
    store.record_answer(plan, "what_matters", "my grandchildren – and the café ☕")
    first = store.add_goal(plan, "walk to the shop", "Walk to the shop", "mobility")
    second = store.add_goal(plan, "see my friends", "See my friends", "social")
    third = store.add_goal(plan, "knit again", "Knit again", "hobbies")
    assert store.set_one_thing(plan, third)
    assert store.remove_goal(plan, first)
    store.update_goal(second, why="x" * 10_000)
    store.add_flag("pg-person", "crisis", "synthetic flag", plan_id=plan)

    data = store.export(plan)
    assert [(a["question_key"], a["text"]) for a in data["answers"]] == [
        ("what_matters", "my grandchildren – and the café ☕")
    ]
    assert [(g["text"], g["priority"], g["one_thing"]) for g in data["goals"]] == [
        ("knit again", 1, True),
        ("see my friends", 2, False),
    ]
    assert len(data["goals"][1]["why"]) == 4000
    assert data["flags"][0]["kind"] == "crisis"
    assert store.latest_plan_id("pg-person") == plan


def test_delete_and_purge_remove_only_what_they_should(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    keep = store.new_plan("pg-keep")
    gone = store.new_plan("pg-gone")
    store.record_answer(gone, "worries", "synthetic")
    store.add_goal(gone, "a goal", "A goal", "other")
    assert store.delete_sender("pg-gone") == 1
    assert not store.plan_exists(gone) and store.plan_exists(keep)
    store.update_plan(keep, status="completed")
    assert store.senders_idle_since(utcnow() + timedelta(days=1)) == ["pg-keep"]
    monkeypatch.setenv("TRACKER_DB_URL", store.url)  # no tracker table there: plans and held messages
    monkeypatch.setenv("HELD_MESSAGES_URL", store.url)
    assert purge(store, 0) == ["pg-keep"]
    assert store.plans_for_sender("pg-keep") == []


def test_care_team_review_works_on_postgres(store: Store) -> None:
    review = Review(store)
    review.add_clinician("nurse.pg", "a long enough passphrase")
    with pytest.raises(UsernameTaken):
        review.add_clinician("nurse.pg", "another long passphrase")
    assert review.login("nurse.pg", "a long enough passphrase").ok
    assert not review.login("nurse.pg", "wrong").ok
    plan = store.new_plan("pg-shared", subject_name="Bill")
    goal = store.add_goal(plan, "walk the dog", "Walk the dog", "mobility")
    store.update_plan(plan, shared=True, shared_at=utcnow())
    assert [row.id for row in review.shared_plans("nurse.pg")] == [plan]
    review.edit("nurse.pg", plan, goal, "walk the dog to the park")
    decided = store.goals(plan)[0]
    assert decided["status"] == "edited" and decided["clinician_text"] == "walk the dog to the park"
    assert any(entry["action"] for entry in review.audit_log(plan))


def test_erasing_a_person_removes_their_tracker_rows_in_postgres(postgres: Postgres) -> None:
    postgres.create_database("tracker_rights")
    conn = psycopg2.connect(**postgres.connect_args("tracker_rights"))
    try:
        with conn, conn.cursor() as cur:
            cur.execute("CREATE TABLE events (id serial PRIMARY KEY, sender_id varchar(255), data text)")
            cur.executemany(
                "INSERT INTO events (sender_id, data) VALUES (%s, %s)",
                [("pg-erase", "{}"), ("pg-erase", "{}"), ("pg-other", "{}")],
            )
        assert erase_tracker("pg-erase", postgres.sqlalchemy_url("tracker_rights")) == 2
        with conn.cursor() as cur:
            cur.execute("SELECT sender_id FROM events")
            assert cur.fetchall() == [("pg-other",)]
    finally:
        conn.close()


def test_replicas_share_one_queue_of_held_messages_in_postgres(postgres: Postgres) -> None:
    postgres.create_database("held_queue")
    url = postgres.sqlalchemy_url("held_queue")
    replica_a, replica_b = HeldMessages(url), HeldMessages(url)
    replica_a.add("pg-held", "kept by replica A", {"n": 1})
    replica_b.add("pg-held", "kept by replica B", None)
    replica_a.add("pg-other", "someone else's", None)
    assert replica_b.take("pg-held") == [("kept by replica A", {"n": 1}), ("kept by replica B", None)]
    assert replica_a.take("pg-held") == []
    assert erase_held("pg-other", url) == 1
    assert replica_b.senders() == set()
