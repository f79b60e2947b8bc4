"""The care-plan store against a real SQLite file."""

from __future__ import annotations

import os
import stat

import pytest

from careplan.store import Store, StoreUnavailable, UnknownPlan


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


def test_an_answer_taken_off_is_kept_for_the_care_team_marked_with_when(store: Store) -> None:
    """ "That's not what I meant, take that off" may be said of the only words that held a risk
    the safety check missed: they stop being the answer, but are never destroyed (hazard H22)."""
    plan = store.new_plan("s1")
    risky = "his tablets are still in the cupboard and some nights I think about taking the lot"
    store.record_answer(plan, "worries", risky)
    assert store.take_off_answer(plan, "worries")
    assert store.export(plan)["life"]["worries"] is None  # no longer their answer
    store.record_answer(plan, "worries", "money, mostly")
    data = store.export(plan)
    assert data["life"]["worries"] == "money, mostly"  # the new answer is a new record
    assert [(t["question_key"], t["text"]) for t in data["taken_off"]] == [("worries", risky)]
    assert data["taken_off"][0]["removed_at"].startswith("20")
    assert not store.take_off_answer(plan, "good_day")  # nothing there to take off


def test_a_goal_removed_keeps_its_words_and_answers_as_taken_off(store: Store) -> None:
    plan = store.new_plan("s1")
    goal = store.add_goal(
        plan, "sort out the pills so I stop thinking about them", "Sort out the pills", "health"
    )
    store.record_answer(plan, "goal_why", "some days I'd rather not wake up", goal_id=goal)
    assert store.remove_goal(plan, goal)
    data = store.export(plan)
    assert data["goals"] == []
    assert [t["text"] for t in data["taken_off"]] == [
        "sort out the pills so I stop thinking about them",
        "some days I'd rather not wake up",
    ]


def test_what_is_told_during_an_emergency_is_added_to_its_flag_with_the_time(store: Store) -> None:
    from careplan.models import utcnow

    plan = store.new_plan("s1")
    flag = store.add_flag("s1", "emergency", "his face has dropped and he can't lift his arm", plan_id=plan)
    assert store.add_flag_news(flag, "the paramedics came, they think it was a TIA", utcnow())
    assert store.add_flag_news(flag, "they've taken him in", utcnow())
    told = store.export(plan)["flags"][0]["told_after"]
    assert [t["words"] for t in told] == [
        "the paramedics came, they think it was a TIA",
        "they've taken him in",
    ]
    assert all(t["at"].startswith("20") for t in told)
    assert not store.add_flag_news(99999, "x", utcnow())


def test_the_newest_flag_of_a_kind_is_found_for_news_told_later(store: Store) -> None:
    plan = store.new_plan("s1")
    assert store.last_flag_id("s1", "emergency") is None
    first = store.add_flag("s1", "emergency", "crushing pain in my chest", plan_id=plan)
    store.add_flag("s1", "crisis", "I want to end it", plan_id=plan)
    store.add_flag("s2", "emergency", "her face has dropped", plan_id=None)
    assert store.last_flag_id("s1", "emergency") == first
    again = store.add_flag("s1", "emergency", "the pain's back, worse", plan_id=plan)
    assert store.last_flag_id("s1", "emergency") == again


OLD = "2020-01-01 00:00:00.000000"


def _times(store: Store, plan: int) -> tuple[str, list[str]]:
    """The plan's updated_at and its answers' (oldest answer first), as stored."""
    with store.engine.connect() as conn:
        plan_time = conn.exec_driver_sql("SELECT updated_at FROM plans WHERE id = ?", (plan,)).scalar_one()
        answers = conn.exec_driver_sql(
            "SELECT updated_at FROM answers WHERE plan_id = ? ORDER BY id", (plan,)
        ).scalars()
        return str(plan_time), [str(t) for t in answers]


def _age(store: Store, plan: int) -> None:
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE plans SET updated_at = ? WHERE id = ?", (OLD, plan))
        conn.exec_driver_sql("UPDATE answers SET updated_at = ? WHERE plan_id = ?", (OLD, plan))


def test_an_answer_said_again_the_same_keeps_its_time_and_the_plan_is_touched(store: Store) -> None:
    """Retention counts from the plan's last change (careplan/rights.py); an answer's own
    time moves only when its words, or who said them, change."""
    plan = store.new_plan("s1", recorded_by_role="carer", carer_relationship="daughter")
    store.record_answer(plan, "what_matters", "my garden")
    store.record_answer(plan, "worries", "the stairs", goal_id=None, expressed_by="self")
    _age(store, plan)
    store.record_answer(plan, "what_matters", "my garden")
    plan_time, answers = _times(store, plan)
    assert plan_time != OLD and answers == [OLD, OLD]
    _age(store, plan)
    store.record_answer(plan, "worries", "the stairs")  # now said by the carer, not the person
    assert _times(store, plan)[1][0] == OLD and _times(store, plan)[1][1] != OLD
    _age(store, plan)
    store.record_answer(plan, "what_matters", "the stairs", skipped=True)
    assert _times(store, plan)[1] == [_times(store, plan)[1][0], OLD] and _times(store, plan)[1][0] != OLD
    exported = {a["question_key"]: a for a in store.export(plan)["answers"]}
    assert exported["worries"]["expressed_by"] == "carer"
    assert exported["worries"]["expressed_by_relationship"] == "daughter"
    assert exported["what_matters"]["skipped"] is True


def test_a_plan_said_again_the_same_keeps_its_time(store: Store) -> None:
    plan = store.new_plan("s1", subject_name="Edna")
    _age(store, plan)
    store.update_plan(plan, subject_name="Edna")
    assert _times(store, plan)[0] == OLD
    with pytest.raises(TypeError):
        store.update_plan(plan, subject_name="Edna May", not_a_field="refused")
    assert _times(store, plan)[0] == OLD
    store.update_plan(plan, subject_name="Edna May")
    assert _times(store, plan)[0] != OLD
    assert store.export(plan)["subject"]["name"] == "Edna May"


def test_writing_to_a_plan_that_is_not_there_is_refused(store: Store) -> None:
    with pytest.raises(UnknownPlan):
        store.record_answer(404, "what_matters", "my garden")
    with pytest.raises(UnknownPlan):
        store.update_plan(404, subject_name="Edna")
