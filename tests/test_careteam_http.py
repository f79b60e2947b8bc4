"""The care-team app over real HTTP: `python -m careteam` on a free port, a real SQLite file."""

from __future__ import annotations

import html
import os
import re
import stat
import time

import pyotp
import pytest
import requests

from careplan.models import utcnow
from careplan.review import Review
from careplan.store import Store

from careteam_testkit import (
    PASSWORD,
    SCRIPT_GOAL,
    add_clinician,
    cli,
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
    server = start_server(tmp, db_url, CARETEAM_TRUSTED_PROXY="127.0.0.1")
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
        assert "doesn't match" in html.unescape(response.text)
        assert session.get(server.url + "/", allow_redirects=False, timeout=10).status_code == 302


def _attempts(url: str, username: str, address: str, tries: int) -> list[requests.Response]:
    with requests.Session() as session:
        return [log_in(session, url, username, f"wrong {n}", address=address) for n in range(tries)]


def test_unknown_and_known_users_get_the_same_answer_and_nobody_is_locked_out(app):
    """Finding 4: the lockout message told which usernames exist, and anyone could lock anyone out."""
    server = app[0]
    known = _attempts(server.url, "drlocked", "192.0.2.1", 8)
    unknown = _attempts(server.url, "drnobody", "192.0.2.2", 8)
    for responses in (known, unknown):
        codes = [r.status_code for r in responses]
        # Three free tries; after that each failure doubles the wait, so tries soon have to wait.
        assert codes[:4] == [401] * 4 and codes[-1] == 429 and set(codes) == {401, 429}
    same = re.compile(r'value="[^"]*"|\d+ seconds')
    assert {same.sub("", r.text) for r in known} == {same.sub("", r.text) for r in unknown}
    assert "locked" not in known[-1].text
    wait = int(re.search(r"wait (\d+) seconds", known[-1].text).group(1))
    time.sleep(wait + 0.2)
    with requests.Session() as session:  # the owner, from their own desk: in, no lockout
        assert log_in(session, server.url, "drlocked", PASSWORD, address="198.51.100.1").status_code == 302


def test_one_address_is_slowed_after_many_usernames(app):
    """Finding 4: 20 different usernames from one address were never slowed."""
    server = app[0]
    with requests.Session() as session:
        codes = [
            log_in(session, server.url, f"guess{n}", "x", address="203.0.113.7").status_code
            for n in range(16)
        ]
        other = log_in(session, server.url, "guess99", "x", address="198.51.100.2").status_code
    assert codes[:11] == [401] * 11 and 429 in codes[11:]
    assert other == 401


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
    # Peggy's plan has an unacknowledged crisis flag, so it comes first though her appointment is later.
    assert page.text.index(f"/plans/{plans.shared}") < page.text.index(f"/plans/{plans.carer}")
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


def test_login_only_follows_our_own_pages(app):
    """Finding 4: /%09/evil.example became //evil.example, and a newline gave HTTP 500."""
    server, _, plans, _ = app
    for target, expected in [
        ("https://evil.example/", "/"),
        ("//evil.example", "/"),
        ("/\t/evil.example", "/"),
        ("/%09/evil.example", "/"),
        ("/\\evil.example", "/"),
        ("/plans/1\r\nSet-Cookie: x=1", "/"),
        (f"/plans/{plans.carer}", f"/plans/{plans.carer}"),
        (f"/plans/{plans.carer}/export/pdf", f"/plans/{plans.carer}/export/pdf"),
    ]:
        with requests.Session() as session:
            assert log_in(session, server.url, next_path=target).headers["Location"] == expected
    for query in ("next=/%09/evil.example", "next=%0d%0a/evil", "next=%00"):
        response = requests.get(f"{server.url}/login?{query}", timeout=10)
        assert response.status_code == 200
        assert "evil" not in response.text


def test_bad_form_input_is_400_never_500(app):
    server = app[0]
    with requests.Session() as session:
        token = csrf_from(session.get(server.url + "/login", timeout=10).text)
        for username in ("dr\npatel", "x" * 300, "dr\x00patel"):
            response = session.post(
                server.url + "/login",
                data={"username": username, "password": "x", "csrf_token": token},
                timeout=10,
            )
            assert response.status_code == 400, username


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


def test_a_cookie_replayed_after_logout_opens_nothing(app):
    """Finding 3: the old cookie still opened plans and exports, audited as the clinician."""
    server, store, plans, _ = app
    with requests.Session() as session:
        assert log_in(session, server.url).status_code == 302
        cookie = session.cookies.get("careteam_session")
        token = csrf_from(session.get(server.url + "/", timeout=10).text)
        response = session.post(
            server.url + "/logout", data={"csrf_token": token}, allow_redirects=False, timeout=10
        )
        assert response.status_code == 302
    before = len(Review(store).audit_log(plans.shared))
    replay = {"careteam_session": cookie}
    for path in (f"/plans/{plans.shared}", f"/plans/{plans.shared}/export/json", "/"):
        response = requests.get(server.url + path, cookies=replay, allow_redirects=False, timeout=10)
        assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert len(Review(store).audit_log(plans.shared)) == before


def test_disable_and_reset_password_end_sessions_at_once(app):
    server, _, _, _ = app
    add_clinician(server.db_url, "drtemp")
    with requests.Session() as session:
        assert log_in(session, server.url, "drtemp").status_code == 302
        assert session.get(server.url + "/", allow_redirects=False, timeout=10).status_code == 200
        assert cli(server.db_url, "clinician", "disable", "drtemp").returncode == 0
        assert session.get(server.url + "/", allow_redirects=False, timeout=10).status_code == 302
        assert log_in(session, server.url, "drtemp").status_code == 401
        assert cli(server.db_url, "clinician", "enable", "drtemp").returncode == 0
        assert log_in(session, server.url, "drtemp").status_code == 302
        new = PASSWORD + " 2"
        result = cli(
            server.db_url, "clinician", "reset-password", "drtemp", "--password-stdin", stdin=new + "\n"
        )
        assert result.returncode == 0, result.stderr
        assert session.get(server.url + "/", allow_redirects=False, timeout=10).status_code == 302
        assert log_in(session, server.url, "drtemp", new).status_code == 302
    assert cli(server.db_url, "clinician", "disable", "nobody").returncode == 2


def test_second_factor_when_the_account_has_one(app):
    server = app[0]
    add_clinician(server.db_url, "drtotp")
    result = cli(server.db_url, "clinician", "totp", "drtotp")
    assert result.returncode == 0
    secret = re.search(r"secret=([A-Z2-7]+)", result.stdout).group(1)
    with requests.Session() as session:
        assert log_in(session, server.url, "drtotp").status_code == 401
        assert log_in(session, server.url, "drtotp", code=pyotp.TOTP(secret).now()).status_code == 302


def test_another_teams_plan_is_404_and_the_look_up_is_audited(app, client):
    """Finding 5: every clinician saw every shared plan."""
    server, store, _, _ = app
    north = store.new_plan("tg-north", subject_name="Nora North")
    store.share(north, "north")
    response = client.get(f"{server.url}/plans/{north}", headers={"User-Agent": "probe/1.0"}, timeout=10)
    assert response.status_code == 404 and "Nora" not in response.text
    assert "Nora" not in client.get(server.url + "/", timeout=10).text
    (denied,) = [e for e in Review(store).audit_log(north) if e["action"] == "denied"]
    assert (denied["actor"], denied["address"], denied["user_agent"]) == ("drpatel", "127.0.0.1", "probe/1.0")
    add_clinician(server.db_url, "drnorth", team="north")
    with requests.Session() as session:
        assert log_in(session, server.url, "drnorth").status_code == 302
        assert "Nora North" in session.get(server.url + "/", timeout=10).text


def test_a_second_decision_shows_the_first_and_asks(app, client):
    """Finding 5: a second clinician silently overwrote the first one's decision."""
    server, store, plans, _ = app
    goal = plans.goals[3]
    url = f"{server.url}/plans/{plans.shared}/goals/{goal}"
    token = csrf_from(client.get(f"{server.url}/plans/{plans.shared}", timeout=10).text)
    client.post(f"{url}/reject", data={"csrf_token": token, "reason": "Not now, Peggy"}, timeout=10)
    asked = client.post(f"{url}/accept", data={"csrf_token": token}, timeout=10)
    assert asked.status_code == 409
    text = html.unescape(asked.text)
    assert "Not taken forward" in text and "drpatel" in text and "Not now, Peggy" in text
    assert next(g for g in store.goals(plans.shared) if g["id"] == goal)["status"] == "rejected"
    replaces = re.search(r'name="replaces" value="(\d+)"', asked.text).group(1)
    done = client.post(f"{url}/accept", data={"csrf_token": token, "replaces": replaces}, timeout=10)
    assert done.status_code == 200
    after = next(g for g in store.goals(plans.shared) if g["id"] == goal)
    assert after["status"] == "accepted"
    assert [d["status"] for d in after["decisions"]] == ["rejected", "accepted"]
    bad = client.post(f"{url}/accept", data={"csrf_token": token, "replaces": "x1"}, timeout=10)
    assert bad.status_code == 400


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


def test_the_list_marks_a_flag_the_person_said_was_misunderstood(app, client):
    server, store, plans, _ = app
    flag = store.export(plans.shared)["flags"][0]
    assert "(they said the bot misunderstood)" not in client.get(server.url + "/", timeout=10).text
    store.mark_misunderstood(flag["id"], "I meant I'm fed up, that's all", utcnow())
    page = client.get(server.url + "/", timeout=10).text
    assert "(they said the bot misunderstood)" in page and "(not acknowledged)" in page
