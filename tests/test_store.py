"""The care-plan store against a real SQLite file."""

from __future__ import annotations

import os
import stat

import pytest

from careplan.store import Store, StoreUnavailable


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'plans.db'}")


def test_the_database_file_is_readable_by_its_owner_only(tmp_path) -> None:
    Store(f"sqlite:///{tmp_path / 'private.db'}")
    assert stat.S_IMODE(os.stat(tmp_path / "private.db").st_mode) == 0o600


def test_answers_are_replaced_not_duplicated_and_keep_the_exact_words(store: Store) -> None:
    plan = store.new_plan("s1")
    store.record_answer(plan, "what_matters", "my garden <b>and</b> '; DROP TABLE plans; --")
    store.record_answer(plan, "what_matters", "my grandchildren")
    answers = store.export(plan)["answers"]
    assert [(a["question_key"], a["text"]) for a in answers] == [("what_matters", "my grandchildren")]
    store.record_answer(plan, "worries", "<script>alert(1)</script>")
    assert store.export(plan)["life"]["worries"] == "<script>alert(1)</script>"


def test_long_answers_are_cut_at_the_documented_limit(store: Store) -> None:
    plan = store.new_plan("s1")
    assert store.record_answer(plan, "what_matters", "x" * 20_000) is True
    assert len(store.export(plan)["answers"][0]["text"]) == 4000


def test_attribution_self_and_carer(store: Store) -> None:
    own = store.new_plan("person")
    store.add_goal(own, "walk to the shop", "Walk to the shop", "mobility")
    store.record_answer(own, "what_matters", "my dog")
    data = store.export(own)
    assert data["goals"][0]["expressed_by"] == "self"
    assert data["answers"][0]["expressed_by"] == "self"
    assert data["carer_needs"] is None

    carers = store.new_plan("carer", recorded_by_role="carer", subject_name="Peggy", carer_basis="lpa")
    store.record_answer(carers, "person_name", "Peggy")  # before the relationship is known
    store.update_plan(carers, carer_relationship="son")
    store.add_goal(carers, "go to the seaside", "Go to the seaside", "hobbies")
    store.add_goal(carers, "a break", "A break", "caring", for_carer=True)
    store.record_answer(carers, "what_matters", "her cat", expressed_by="self")  # Peggy, speaking herself
    data = store.export(carers)
    assert data["recorded_by"]["role"] == "carer" and data["recorded_by"]["basis"] == "lpa"
    assert [
        (a["question_key"], a["expressed_by"], a["expressed_by_relationship"]) for a in data["answers"]
    ] == [
        ("person_name", "carer", "son"),
        ("what_matters", "self", None),
    ]
    assert [g["text"] for g in data["goals"]] == ["go to the seaside"]
    assert data["goals"][0]["expressed_by_relationship"] == "son"
    assert [g["text"] for g in data["carer_needs"]["goals"]] == ["a break"]


def test_the_one_thing_comes_first_and_priorities_stay_in_order(store: Store) -> None:
    plan = store.new_plan("s1")
    first = store.add_goal(plan, "a", "A", "other")
    second = store.add_goal(plan, "b", "B", "other")
    third = store.add_goal(plan, "c", "C", "other")
    assert store.set_one_thing(plan, third)
    assert [(g["id"], g["priority"]) for g in store.goals(plan)] == [(third, 1), (first, 2), (second, 3)]
    assert store.remove_goal(plan, first)
    assert [(g["id"], g["priority"]) for g in store.goals(plan)] == [(third, 1), (second, 2)]
    assert not store.set_one_thing(plan, 99999)


def test_delete_sender_leaves_nothing_and_other_people_untouched(store: Store) -> None:
    for sender in ("gone", "stays"):
        plan = store.new_plan(sender)
        store.add_goal(plan, "goal", "Goal", "other")
        store.record_answer(plan, "worries", "x")
        store.add_flag(sender, "crisis", "message", plan_id=plan)
    assert store.delete_sender("gone") == 1
    assert store.plans_for_sender("gone") == []
    assert len(store.plans_for_sender("stays")) == 1


@pytest.mark.slow  # a subprocess, a deliberate wait, or a whole data set: not in make test-fast
def test_a_locked_database_is_reported_not_crashed(tmp_path) -> None:
    import sqlite3

    url = f"sqlite:///{tmp_path / 'locked.db'}"
    store = Store(url, retries=2)
    plan = store.new_plan("s1")
    holder = sqlite3.connect(tmp_path / "locked.db", timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store.engine.dispose()
        fast = Store(url, migrate=False, retries=1)
        fast.engine.dispose()
        with pytest.raises(StoreUnavailable):
            fast.record_answer(plan, "what_matters", "kept")
    finally:
        holder.rollback()
        holder.close()
    store.record_answer(plan, "what_matters", "kept")
    assert store.export(plan)["life"]["what_matters"] == "kept"
