"""Secret key, sessions, CSRF tokens and security headers for the care-team app.

The session cookie (signed by Flask) carries only a random token and the CSRF
token. Who is logged in is decided on the server at every request
(:meth:`careplan.review.Review.session_user`), so logging out, disabling an
account or resetting its password ends the session even for a copied cookie.
"""

from __future__ import annotations

import hmac
import os
import secrets
import time
from pathlib import Path

from flask import Flask, Response, abort, g, request, session
from sqlalchemy.engine.url import make_url

from careplan.review import Client, Review

KEY_FILE_NAME = "careteam_secret.key"
CSRF_FIELD = "csrf_token"
SESSION_KEY = "sid"

# No script at all, and nothing inline: styles come from our own files only.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


def secret_key(database_url: str) -> str:
    """``CARETEAM_SECRET_KEY``, or a key made once and kept (0600) next to the database."""
    from_env = os.environ.get("CARETEAM_SECRET_KEY")
    if from_env:
        return from_env
    path = secret_key_path(database_url)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key(path)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secrets.token_urlsafe(48))
    return _read_key(path)


def _read_key(path: Path) -> str:
    # Another process may have just created the file and not yet written it.
    for _ in range(50):
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
        time.sleep(0.1)
    raise RuntimeError(f"{path} is empty: delete it and start again")


def secret_key_path(database_url: str) -> Path:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        folder = Path(url.database).resolve().parent
    else:
        folder = Path.cwd() / "var"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / KEY_FILE_NAME


def csrf_token() -> str:
    """The session's CSRF token, made on first use. Every POST form carries it."""
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_csrf() -> None:
    if request.method not in {"POST", "PUT", "PATCH", "DELETE"}:
        return
    expected = session.get("csrf")
    sent = request.form.get(CSRF_FIELD, "")
    if not expected or not sent or not hmac.compare_digest(expected, sent):
        abort(400, "This form has expired or did not come from this site. Go back, reload and try again.")


def add_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if not request.path.startswith(("/static/", "/assets/")):
        # Plans are health records: never keep a copy in a browser or proxy cache.
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    return response


def client() -> Client:
    """Where this request came from, for the audit log."""
    return Client(request.remote_addr, request.headers.get("User-Agent", "")[:300] or None)


def start_session(token: str) -> None:
    """A fresh cookie (and CSRF token) at every login; it lasts until the browser closes."""
    session.clear()
    session.permanent = False
    session[SESSION_KEY] = token


def end_session(review: Review) -> None:
    review.end_session(session.get(SESSION_KEY))
    session.clear()


def _load_user(review: Review) -> None:
    g.user = review.session_user(session.get(SESSION_KEY))
    if g.user is None and SESSION_KEY in session:
        session.pop(SESSION_KEY)  # ended, expired or idle: forget it


def install(app: Flask, review: Review) -> None:
    app.before_request(lambda: _load_user(review))
    app.before_request(check_csrf)
    app.after_request(add_headers)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["csrf_field"] = CSRF_FIELD
