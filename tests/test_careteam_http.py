"""The care-team app over real HTTP: `python -m careteam` on a free port, a real SQLite file."""

from __future__ import annotations

import html
import os
import stat

import pytest
import requests

from careplan.review import Review
from careplan.store import Store

from careteam_testkit import (
    PASSWORD,
    SCRIPT_GOAL,
    add_clinician,
    csrf_from,
    log_in,
    make_plans,
    start_server,
)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("careteam")
    db_url = f"sqlite:///{tmp / 'plans.db'}"
    store = Store(db_url)
    plans = make_plans(store)
    add_clinician(db_url, "drpatel")
    add_clinician(db_url, "drlocked")
    server = start_server(tmp, db_url)
    yield server, store, plans, tmp
    log = server.stop()
    # Logs never carry what people told the bot.
    for words in ("Work on my allotment", "alert(1)", "Margaret", "Peggy", "no point"):
        assert words not in log


@pytest.fixture()
def client(app):
    server = app[0]
    with requests.Session() as session:
        assert log_in(session, server.url).status_code == 302
        yield session


def test_not_logged_in_goes_to_login(app):
    server, _, plans, _ = app
    for path in ("/", f"/plans/{plans.shared}", f"/plans/{plans.shared}/export/pdf"):
        response = requests.get(server.url + path, allow_redirects=False, timeout=10)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login?next=")
    assert "Margaret" not in requests.get(server.url + "/", timeout=10).text


def test_wrong_password_is_refused(app):
    server = app[0]
    with requests.Session() as session:
        response = log_in(session, server.url, "drpatel", "not the password")
        assert response.status_code == 401
        assert "don't match" in html.unescape(response.text)
        assert session.get(server.url + "/", allow_redirects=False, timeout=10).status_code == 302


def test_lockout_after_repeated_failures(app):
    server = app[0]
    with requests.Session() as session:
        codes = [log_in(session, server.url, "drlocked", f"wrong {n}").status_code for n in range(5)]
        assert codes == [401, 401, 401, 401, 429]
        right = log_in(session, server.url, "drlocked", PASSWORD)
        assert right.status_code == 429
        assert "locked" in right.text
        assert session.get(server.url + "/", allow_redirects=False, timeout=10).status_code == 302


def test_login_shows_only_shared_plans_with_cookies_and_headers(app):
    server, _, plans, _ = app
    with requests.Session() as session:
        response = log_in(session, server.url)
        cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
        page = session.get(server.url + "/", timeout=10)
    assert page.status_code == 200
    assert f'href="/plans/{plans.shared}"' in page.text
    assert f'href="/plans/{plans.carer}"' in page.text
    assert f'href="/plans/{plans.unshared}"' not in page.text
    assert "Unshared Person" not in page.text
    assert page.text.index(f"/plans/{plans.carer}") < page.text.index(f"/plans/{plans.shared}")
    assert "Not yet reviewed" in page.text
    headers = page.headers
    assert "script-src" not in headers["Content-Security-Policy"]
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == "no-store"


def test_withdrawn_sharing_hides_the_plan(app, client):
    server, store, _, _ = app
    plan = store.new_plan("tg-withdraw", subject_name="Wendy", shared=True)
    assert client.get(f"{server.url}/plans/{plan}", timeout=10).status_code == 200
    store.update_plan(plan, shared=False)
    assert client.get(f"{server.url}/plans/{plan}", timeout=10).status_code == 404
    assert "Wendy" not in client.get(server.url + "/", timeout=10).text


def test_login_only_follows_local_next_paths(app):
    server, _, plans, _ = app
    for target, expected in [
        ("https://evil.example/", "/"),
        ("//evil.example", "/"),
        (f"/plans/{plans.carer}", f"/plans/{plans.carer}"),
    ]:
        with requests.Session() as session:
            assert log_in(session, server.url, next_path=target).headers["Location"] == expected


def test_plan_that_was_not_shared_is_404(app, client):
    server, _, plans, _ = app
    for path in (f"/plans/{plans.unshared}", f"/plans/{plans.unshared}/export/json"):
        response = client.get(server.url + path, timeout=10)
        assert response.status_code == 404
        assert "secret goal" not in response.text.lower()


def test_unknown_ids_are_404(app, client):
    server, _, plans, _ = app
    assert client.get(f"{server.url}/plans/99999", timeout=10).status_code == 404
    assert client.get(f"{server.url}/plans/{plans.shared}/export/docx", timeout=10).status_code == 404
    token = csrf_from(client.get(f"{server.url}/plans/{plans.shared}", timeout=10).text)
    missing_goal = client.post(
        f"{server.url}/plans/{plans.shared}/goals/99999/accept", data={"csrf_token": token}, timeout=10
    )
    assert missing_goal.status_code == 404
    other_plans_goal = client.post(
        f"{server.url}/plans/{plans.shared}/goals/{plans.carer_goals[0]}/accept",
        data={"csrf_token": token},
        timeout=10,
    )
    assert other_plans_goal.status_code == 404


def test_forged_post_without_csrf_is_400_and_changes_nothing(app, client):
    server, store, plans, _ = app
    goal = plans.goals[3]
    url = f"{server.url}/plans/{plans.shared}/goals/{goal}/reject"
    assert client.post(url, data={"reason": "forged"}, timeout=10).status_code == 400
    assert client.post(url, data={"reason": "forged", "csrf_token": "guess"}, timeout=10).status_code == 400
    # A token from someone else's session is no good either.
    with requests.Session() as other:
        other_token = csrf_from(other.get(server.url + "/login", timeout=10).text)
    assert client.post(url, data={"reason": "x", "csrf_token": other_token}, timeout=10).status_code == 400
    after = next(g for g in store.goals(plans.shared) if g["id"] == goal)
    assert after["status"] == "draft" and after["clinician_reason"] is None


def test_summary_escapes_script_and_every_export_downloads(app, client):
    server, _, plans, _ = app
    page = client.get(f"{server.url}/plans/{plans.shared}", timeout=10)
    assert page.status_code == 200
    assert "<script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    for fmt, kind in [
        ("json", "application/json"),
        ("markdown", "text/markdown"),
        ("html", "text/html"),
        ("pdf", "application/pdf"),
        ("fhir", "application/fhir+json"),
    ]:
        response = client.get(f"{server.url}/plans/{plans.shared}/export/{fmt}", timeout=30)
        assert response.status_code == 200, fmt
        assert response.headers["Content-Type"].startswith(kind)
        assert response.headers["Content-Disposition"].startswith("attachment;")
        assert response.headers["Cache-Control"] == "no-store"
        if fmt != "pdf":
            assert "Work on my allotment again by the spring" in response.text
    assert (
        SCRIPT_GOAL
        in client.get(f"{server.url}/plans/{plans.shared}/export/json", timeout=10).json()["goals"][1]["text"]
    )


def test_views_are_audited_with_the_clinician(app, client):
    server, store, plans, _ = app
    client.get(f"{server.url}/plans/{plans.carer}", timeout=10)
    client.get(f"{server.url}/plans/{plans.carer}/export/fhir", timeout=10)
    entries = [(e["actor"], e["action"]) for e in Review(store).audit_log(plans.carer)]
    assert ("drpatel", "view_plan") in entries
    assert ("drpatel", "export_fhir") in entries


def test_logout_ends_the_session(app, client):
    server = app[0]
    token = csrf_from(client.get(server.url + "/", timeout=10).text)
    response = client.post(
        server.url + "/logout", data={"csrf_token": token}, allow_redirects=False, timeout=10
    )
    assert response.status_code == 302
    assert client.get(server.url + "/", allow_redirects=False, timeout=10).status_code == 302


def test_secret_key_file_is_private(app):
    tmp = app[3]
    key = tmp / "careteam_secret.key"
    assert key.exists()
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert len(key.read_text().strip()) >= 40


def test_secure_cookies_and_secret_key_from_the_environment(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'plans.db'}"
    Store(db_url)
    add_clinician(db_url, "drpatel")
    server = start_server(
        tmp_path, db_url, CARETEAM_SECURE_COOKIES="1", CARETEAM_SECRET_KEY="a-test-key-" + "x" * 40
    )
    try:
        response = requests.get(server.url + "/login", timeout=10)
        assert response.status_code == 200
        assert "Secure" in response.headers["Set-Cookie"]
        # Over plain HTTP the browser won't send a Secure cookie back, so the form's token can't match.
        refused = requests.post(
            server.url + "/login",
            data={"username": "drpatel", "password": PASSWORD, "csrf_token": csrf_from(response.text)},
            timeout=10,
        )
        assert refused.status_code == 400
        assert not (tmp_path / "careteam_secret.key").exists()
    finally:
        server.stop()


def test_mark_as_reviewed_shows_on_the_list(app, client):
    server, store, _, _ = app
    plan = store.new_plan("tg-review", subject_name="Rita", shared=True)
    page = client.get(f"{server.url}/plans/{plan}", timeout=10)
    assert "Mark as reviewed" in page.text
    done = client.post(
        f"{server.url}/plans/{plan}/reviewed", data={"csrf_token": csrf_from(page.text)}, timeout=10
    )
    assert done.status_code == 200 and "Marked as reviewed" in done.text
    assert "Mark as reviewed" not in done.text
    listing = client.get(server.url + "/", timeout=10).text
    row = listing[listing.index(f'id="plan-{plan}"') :].split("</tr>")[0]
    assert "Reviewed" in row and "Not yet reviewed" not in row
