"""careplan.review against a real SQLite file: accounts, lockout, sharing, decisions, audit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careplan.models import utcnow
from careplan.review import BadInput, NotFound, Review, UsernameTaken, check_password, hash_password
from careplan.store import Store

from careteam_testkit import (
    PASSWORD,
    REASON,
    SCRIPT_GOAL,
    WORDING,
    add_clinician,
    decide_three,
    make_plans,
)


@pytest.fixture()
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path / 'plans.db'}")


def test_password_hash_is_salted_scrypt():
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.startswith("scrypt$") and first != second
    assert PASSWORD not in first
    assert check_password(first, PASSWORD)
    assert not check_password(first, PASSWORD + "!")
    assert not check_password("md5$nonsense", PASSWORD)


def test_clinician_add_through_the_cli(store):
    add_clinician(store.url, "drpatel")
    review = Review(store)
    assert review.login("drpatel", PASSWORD).ok
    with pytest.raises(UsernameTaken):
        review.add_clinician("drpatel", PASSWORD)
    with pytest.raises(BadInput):
        review.add_clinician("drshort", "short")


def test_lockout_after_repeated_failures(store):
    review = Review(store, max_failed_logins=3, lockout=timedelta(minutes=15))
    review.add_clinician("drpatel", PASSWORD)
    now = utcnow()
    assert not review.login("drpatel", "wrong one", now).ok
    assert not review.login("drpatel", "wrong two", now).locked
    third = review.login("drpatel", "wrong three", now)
    assert third.locked and not third.ok
    # Even the right password is refused while locked...
    assert not review.login("drpatel", PASSWORD, now + timedelta(minutes=5)).ok
    # ...and works again once the lock has run out.
    assert review.login("drpatel", PASSWORD, now + timedelta(minutes=16)).ok
    actions = [e["action"] for e in review.audit_log()]
    assert actions.count("login_failed") == 3
    assert "account_locked" in actions and "login_refused" in actions and actions[-1] == "login"


def test_unknown_username_is_not_written_to_the_audit_log(store):
    review = Review(store)
    assert not review.login("my secret password", "x").ok
    assert "my secret password" not in str(review.audit_log())


def test_only_shared_plans_nearest_appointment_first(store):
    plans = make_plans(store)
    past = store.new_plan("tg-4", subject_name="Past", appointment_date=date.today() - timedelta(days=1))
    undated = store.new_plan("tg-5", subject_name="Undated")
    for plan in (past, undated):
        store.update_plan(plan, shared=True, shared_at=utcnow())
    review = Review(store)
    rows = review.shared_plans("drpatel")
    assert [r.id for r in rows] == [plans.carer, plans.shared, past, undated]
    assert plans.unshared not in [r.id for r in rows]
    assert not any(r.reviewed for r in rows)
    with pytest.raises(NotFound):
        review.plan("drpatel", plans.unshared)
    with pytest.raises(NotFound):
        review.plan("drpatel", 9999)
    # Withdrawing consent hides the plan again.
    store.update_plan(plans.carer, shared=False)
    assert plans.carer not in [r.id for r in review.shared_plans("drpatel")]
    with pytest.raises(NotFound):
        review.accept("drpatel", plans.carer, plans.carer_goals[0])


def test_decisions_keep_the_persons_words_and_mark_the_plan_reviewed(store):
    plans = make_plans(store)
    review = decide_three(store, plans)
    one_thing, script_goal, sleep, lunch = plans.goals
    with pytest.raises(BadInput):
        review.reject("drpatel", plans.shared, lunch, "   ")
    with pytest.raises(BadInput):
        review.edit("drpatel", plans.shared, lunch, "")
    with pytest.raises(NotFound):  # a goal from another plan
        review.accept("drpatel", plans.shared, plans.carer_goals[0])
    goals = {g["id"]: g for g in store.goals(plans.shared)}
    assert goals[one_thing]["status"] == "accepted"
    assert goals[script_goal]["status"] == "edited"
    assert goals[script_goal]["text"] == SCRIPT_GOAL
    assert goals[script_goal]["clinician_text"] == WORDING  # trimmed
    assert goals[sleep]["status"] == "rejected" and goals[sleep]["clinician_reason"] == REASON
    assert goals[sleep]["reviewed_by"] == "drpatel"
    assert goals[lunch]["status"] == "draft"
    assert not review.shared_plans("drpatel")[1].reviewed
    review.accept("drpatel", plans.shared, lunch)
    row = next(r for r in review.shared_plans("drpatel") if r.id == plans.shared)
    assert row.reviewed and row.drafts == 0
    # Accepting after an edit clears the old wording, so the read-back can't show stale text.
    review.accept("drpatel", plans.shared, script_goal)
    assert store.goals(plans.shared)[1]["clinician_text"] is None


def test_every_view_and_action_is_audited(store):
    plans = make_plans(store)
    review = Review(store)
    review.shared_plans("drpatel")
    review.plan("drpatel", plans.shared)
    review.plan("drpatel", plans.shared, action="export_pdf")
    review.accept("drpatel", plans.shared, plans.goals[0])
    review.mark_reviewed("drpatel", plans.carer)
    log = review.audit_log()
    assert [(e["actor"], e["action"], e["plan_id"]) for e in log] == [
        ("drpatel", "list_plans", None),
        ("drpatel", "view_plan", plans.shared),
        ("drpatel", "export_pdf", plans.shared),
        ("drpatel", "accept_goal", plans.shared),
        ("drpatel", "mark_reviewed", plans.carer),
    ]
    assert log[3]["goal_id"] == plans.goals[0]
    assert all(e["at"] is not None for e in log)
