"""careplan.review against a real SQLite file: accounts, lockout, sharing, decisions, audit."""

from __future__ import annotations

from datetime import timedelta, timezone

import pyotp
import pytest

from careplan import clock
from careplan.models import utcnow
from careplan.review import (
    AlreadyDecided,
    BadInput,
    Client,
    LoginResult,
    NotFound,
    Review,
    SignedIn,
    UsernameTaken,
    check_password,
    hash_password,
)
from careplan.store import Store

from careteam_testkit import (
    PASSWORD,
    REASON,
    SCRIPT_GOAL,
    WORDING,
    add_clinician,
    decide_three,
    ensure_clinician,
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


@pytest.mark.slow  # a subprocess, a deliberate wait, or a whole data set: not in make test-fast
def test_clinician_add_through_the_cli(store):
    add_clinician(store.url, "drpatel")
    review = Review(store)
    assert review.login("drpatel", PASSWORD).ok
    with pytest.raises(UsernameTaken):
        review.add_clinician("drpatel", PASSWORD)
    with pytest.raises(BadInput):
        review.add_clinician("drshort", "short")


@pytest.mark.slow  # a subprocess, a deliberate wait, or a whole data set: not in make test-fast
def test_guessing_is_slowed_but_never_locks_the_owner_out(store):
    """Finding 4: a growing delay instead of a 15-minute lockout anyone could trigger."""
    review = Review(store)
    review.add_clinician("drpatel", PASSWORD)
    now = utcnow()
    someone = Client("203.0.113.9", "attacker")
    results = [review.login("drpatel", f"wrong {n}", client=someone, now=now) for n in range(4)]
    assert [r.wait for r in results] == [0, 0, 0, 0]
    # The fourth failure set a 1 s wait: within it even the right password waits...
    waiting = review.login("drpatel", PASSWORD, client=Client("198.51.100.1"), now=now)
    assert not waiting.ok and waiting.wait == 1
    # ...and straight after it, the owner gets in. No lockout.
    assert review.login("drpatel", PASSWORD, client=Client("198.51.100.1"), now=now + timedelta(seconds=2)).ok
    # However long someone keeps failing, the account's wait is capped at 30 seconds.
    later = now + timedelta(seconds=3)
    for n in range(30):
        review.login("drpatel", f"wrong {n}", client=Client(f"192.0.2.{n}"), now=later)
    assert 0 < review.login("drpatel", PASSWORD, client=Client("198.51.100.1"), now=later).wait <= 30
    assert review.login(
        "drpatel", PASSWORD, client=Client("198.51.100.1"), now=later + timedelta(seconds=31)
    ).ok


@pytest.mark.slow  # a subprocess, a deliberate wait, or a whole data set: not in make test-fast
def test_unknown_and_known_usernames_get_identical_answers(store):
    review = Review(store)
    review.add_clinician("drpatel", PASSWORD)
    now = utcnow()
    known = [review.login("drpatel", "wrong", client=Client(f"192.0.2.{n}"), now=now) for n in range(6)]
    unknown = [review.login("nobody", "wrong", client=Client(f"192.0.2.{n}"), now=now) for n in range(6)]
    assert known == unknown
    assert known[-1].wait > 0


@pytest.mark.slow  # a subprocess, a deliberate wait, or a whole data set: not in make test-fast
def test_one_address_trying_many_usernames_is_slowed(store):
    review = Review(store)
    now = utcnow()
    results = [review.login(f"user{n}", "wrong", client=Client("203.0.113.9"), now=now) for n in range(20)]
    assert [r.wait for r in results[:11]] == [0] * 11
    assert all(r.wait > 0 for r in results[11:])
    # Another address is not slowed by it.
    assert review.login("user99", "wrong", client=Client("198.51.100.1"), now=now).wait == 0


def test_disabled_account_and_second_factor(store):
    review = Review(store)
    review.add_clinician("drpatel", PASSWORD)
    token = review.start_session("drpatel")
    assert review.session_user(token) == SignedIn("drpatel", "default")
    review.set_disabled("drpatel", True)
    assert review.session_user(token) is None  # ended at once
    assert review.login("drpatel", PASSWORD) == LoginResult(ok=False)
    review.set_disabled("drpatel", False)
    assert review.login("drpatel", PASSWORD).ok
    secret = pyotp.random_base32()
    review.set_totp("drpatel", secret)
    now = utcnow()
    assert not review.login("drpatel", PASSWORD, "", now=now).ok
    assert not review.login(
        "drpatel", PASSWORD, "000000" if pyotp.TOTP(secret).now() != "000000" else "111111"
    ).ok
    code = pyotp.TOTP(secret).at(now.replace(tzinfo=timezone.utc))
    assert review.login("drpatel", PASSWORD, code, now=now + timedelta(seconds=5)).ok
    reasons = [e["detail"] for e in review.audit_log() if e["action"] == "login_failed"]
    assert reasons == [
        "account disabled",
        "wrong or missing second-factor code",
        "wrong or missing second-factor code",
    ]


def test_sessions_end_at_logout_idle_and_absolute_expiry(store):
    review = Review(store, session_absolute=timedelta(hours=8), session_idle=timedelta(minutes=30))
    review.add_clinician("drpatel", PASSWORD)
    start = utcnow()
    ended = review.start_session("drpatel")
    review.end_session(ended)
    assert review.session_user(ended, start) is None
    idle = review.start_session("drpatel")
    assert review.session_user(idle, start + timedelta(minutes=29)) is not None
    assert review.session_user(idle, start + timedelta(minutes=29 + 31)) is None
    busy = review.start_session("drpatel")
    moment = start
    while moment < start + timedelta(hours=7, minutes=50):
        moment += timedelta(minutes=20)
        assert review.session_user(busy, moment) is not None  # using it doesn't extend it...
    assert review.session_user(busy, start + timedelta(hours=8, minutes=1)) is None  # ...past 8 hours
    changed = review.start_session("drpatel")
    review.reset_password("drpatel", PASSWORD + " new")
    assert review.session_user(changed) is None
    assert review.session_user("made-up token") is None


def test_unknown_username_is_not_written_to_the_audit_log(store):
    review = Review(store)
    assert not review.login("my secret password", "x").ok
    assert "my secret password" not in str(review.audit_log())


def test_only_shared_plans_nearest_appointment_first(store):
    plans = make_plans(store)
    past = store.new_plan("tg-4", subject_name="Past", appointment_date=clock.today() - timedelta(days=1))
    undated = store.new_plan("tg-5", subject_name="Undated")
    for plan in (past, undated):
        store.update_plan(plan, shared=True, shared_at=utcnow())
    review = ensure_clinician(Review(store))
    rows = review.shared_plans("drpatel")
    # Peggy's plan has a crisis flag nobody has acknowledged: it comes first.
    assert [r.id for r in rows] == [plans.shared, plans.carer, past, undated]
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
    assert not next(r for r in review.shared_plans("drpatel") if r.id == plans.shared).reviewed
    review.accept("drpatel", plans.shared, lunch)
    row = next(r for r in review.shared_plans("drpatel") if r.id == plans.shared)
    assert row.reviewed and row.drafts == 0
    # Accepting after an edit clears the old wording, so the read-back can't show stale text.
    review.accept("drpatel", plans.shared, script_goal, replaces=goals[script_goal]["decisions"][-1]["id"])
    assert store.goals(plans.shared)[1]["clinician_text"] is None


def test_every_view_and_action_is_audited(store):
    plans = make_plans(store)
    review = ensure_clinician(Review(store))
    review.shared_plans("drpatel")
    review.plan("drpatel", plans.shared)
    review.plan("drpatel", plans.shared, action="export_pdf")
    review.accept("drpatel", plans.shared, plans.goals[0])
    review.mark_reviewed("drpatel", plans.carer)
    log = [e for e in review.audit_log() if e["actor"] == "drpatel"]
    assert [(e["actor"], e["action"], e["plan_id"]) for e in log] == [
        ("drpatel", "list_plans", None),
        ("drpatel", "view_plan", plans.shared),
        ("drpatel", "export_pdf", plans.shared),
        ("drpatel", "accept_goal", plans.shared),
        ("drpatel", "mark_reviewed", plans.carer),
    ]
    assert log[3]["goal_id"] == plans.goals[0]
    assert all(e["at"] is not None for e in log)


def test_only_the_team_it_was_shared_with_sees_a_plan(store):
    """Finding 5: a plan shared with one practice is invisible to another."""
    plans = make_plans(store)
    review = ensure_clinician(Review(store))
    ensure_clinician(review, "drnorth", team="north")
    north_plan = store.new_plan("tg-north", subject_name="Nora North")
    assert store.share(north_plan, "north") == "north"
    assert [r.id for r in review.shared_plans("drnorth")] == [north_plan]
    assert north_plan not in [r.id for r in review.shared_plans("drpatel")]
    for actor, plan in [("drnorth", plans.shared), ("drpatel", north_plan), ("nobody", plans.shared)]:
        with pytest.raises(NotFound):
            review.plan(actor, plan)
    with pytest.raises(NotFound):
        review.accept("drnorth", plans.shared, plans.goals[0])


def test_share_uses_the_deployments_team(store, monkeypatch):
    plan = store.new_plan("tg-x", subject_name="X")
    monkeypatch.setenv("CARETEAM_TEAM", "south")
    assert store.share(plan) == "south"
    assert store.export(plan)["team"] == "south" and store.export(plan)["shared"]


def test_a_second_decision_shows_the_first_and_keeps_the_history(store):
    plans = make_plans(store)
    review = ensure_clinician(Review(store))
    ensure_clinician(review, "drjones")
    goal = plans.goals[2]
    review.reject("drpatel", plans.shared, goal, REASON)
    with pytest.raises(AlreadyDecided) as taken:
        review.accept("drjones", plans.shared, goal)
    first = taken.value.previous
    assert (first["status"], first["decided_by"], first["reason"]) == ("rejected", "drpatel", REASON)
    assert first["decided_at"]
    with pytest.raises(AlreadyDecided):  # replacing a decision that isn't the latest
        review.accept("drjones", plans.shared, goal, replaces=first["id"] + 1000)
    review.accept("drjones", plans.shared, goal, replaces=first["id"])
    history = next(g for g in store.goals(plans.shared) if g["id"] == goal)["decisions"]
    assert [(d["status"], d["decided_by"], d["reason"]) for d in history] == [
        ("rejected", "drpatel", REASON),
        ("accepted", "drjones", None),
    ]


def test_reviewed_never_hides_an_unacknowledged_flag(store):
    """Finding 2: acknowledge each flag with a note (audited) before a plan counts as reviewed."""
    plans = make_plans(store)
    review = ensure_clinician(Review(store))
    with pytest.raises(BadInput):
        review.mark_reviewed("drpatel", plans.shared)
    flag = review.plan("drpatel", plans.shared)["flags"][0]
    with pytest.raises(BadInput):
        review.acknowledge_flag("drpatel", plans.shared, flag["id"], "  ")
    with pytest.raises(NotFound):  # a flag from another plan
        review.acknowledge_flag("drpatel", plans.carer, flag["id"], "Rang her")
    review.acknowledge_flag("drpatel", plans.shared, flag["id"], "Rang her; she is safe")
    flag = review.plan("drpatel", plans.shared)["flags"][0]
    assert (flag["acknowledged_by"], flag["acknowledged_note"]) == ("drpatel", "Rang her; she is safe")
    review.mark_reviewed("drpatel", plans.shared)
    row = next(r for r in review.shared_plans("drpatel") if r.id == plans.shared)
    assert row.reviewed and not row.open_flags and row.flags[0].kind == "crisis"
    assert ("acknowledge_flag", plans.shared) in [(e["action"], e["plan_id"]) for e in review.audit_log()]


def test_action_plan_and_review_date_for_accepted_goals(store):
    """Finding 6: who will do what, by when, and a review date; only for goals taken forward."""
    plans = make_plans(store)
    review = decide_three(store, plans)
    one_thing, script_goal, sleep, lunch = plans.goals
    for goal in (sleep, lunch):  # turned down, and still a draft
        with pytest.raises(BadInput):
            review.add_action("drpatel", plans.shared, goal, "Peggy", "Try it", "")
    review.add_action("drpatel", plans.shared, one_thing, "Peggy", "buy a kneeler", "2027-01-10")
    review.add_action("drpatel", plans.shared, one_thing, "Practice nurse", "refer to physio", "")
    with pytest.raises(BadInput):
        review.set_review_date("drpatel", plans.shared, one_thing, "next week")
    review.set_review_date("drpatel", plans.shared, one_thing, "2027-03-01")
    goal = store.goals(plans.shared)[0]
    assert goal["review_date"] == "2027-03-01"
    assert [(a["who"], a["what"], a["by_when"]) for a in goal["actions"]] == [
        ("Peggy", "buy a kneeler", "2027-01-10"),
        ("Practice nurse", "refer to physio", None),
    ]


def test_old_failure_counts_and_dead_sessions_are_not_kept(store):
    """Typed names and addresses are personal data: kept only while they still slow someone down."""
    from sqlalchemy import select

    from careplan.models import ClinicianSession, LoginThrottle

    review = Review(store)
    review.add_clinician("drpatel", PASSWORD)
    start = utcnow()
    review.login("my password by mistake", "x", client=Client("203.0.113.9"), now=start)
    old = review.start_session("drpatel", now=start)

    def rows(session):
        return (
            sorted(t.key for t in session.scalars(select(LoginThrottle))),
            len(session.scalars(select(ClinicianSession)).all()),
        )

    assert review._run(rows) == (["addr:203.0.113.9", "user:my password by mistake"], 1)
    later = start + timedelta(hours=9)
    review.login("drpatel", PASSWORD, client=Client("198.51.100.1"), now=later)
    review.start_session("drpatel", now=later)
    assert review._run(rows) == ([], 1)
    assert review.session_user(old, later) is None


def test_the_list_says_which_flags_the_person_said_were_misunderstood(store):
    """A flag the person said was a mistake stays for the team to acknowledge, marked as such in the list."""
    plans = make_plans(store)
    review = ensure_clinician(Review(store))
    flag = review.plan("drpatel", plans.shared)["flags"][0]
    row = next(r for r in review.shared_plans("drpatel") if r.id == plans.shared)
    assert not row.flags[0].misunderstood
    store.mark_misunderstood(flag["id"], "no, I meant the pain is a lot", utcnow())
    row = next(r for r in review.shared_plans("drpatel") if r.id == plans.shared)
    assert row.flags[0].misunderstood and row.open_flags  # still to be acknowledged
