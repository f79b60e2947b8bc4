"""The care-team web app: clinicians read shared plans and act on draft goals.

Thin by design: every rule (only shared plans, never overwrite the person's
words, audit everything) lives in :mod:`careplan.review`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar

from flask import (
    Flask,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)
from jinja2 import ChoiceLoader, FileSystemLoader

from careplan import db, exports, summary
from careplan.exports import html as html_export
from careplan.review import BadInput, NotFound, Review
from careplan.store import Store, StoreUnavailable, UnknownPlan
from careteam import security

F = TypeVar("F", bound=Callable[..., Any])
SESSION_HOURS = 8


def create_app(database_url: str | None = None, **config: Any) -> Flask:
    url = database_url or db.database_url()
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=security.secret_key(url),
        SESSION_COOKIE_NAME="careteam_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=os.environ.get("CARETEAM_SECURE_COOKIES") == "1",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=SESSION_HOURS),
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    app.config.update(config)
    app.jinja_env.loader = ChoiceLoader(
        [app.jinja_env.loader, FileSystemLoader(html_export.TEMPLATES)]  # type: ignore[list-item]
    )
    security.install(app)
    review = Review(Store(url))
    app.extensions["review"] = review
    _routes(app, review)
    return app


def login_required(view: F) -> F:
    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not session.get("user"):
            return redirect(url_for("login", next=request.path))
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _safe_next(target: str | None) -> str:
    """Only follow a local path after login, never another site."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("plans")


def _routes(app: Flask, review: Review) -> None:
    @app.get("/healthz")
    def healthz() -> Response:
        return Response("ok\n", mimetype="text/plain")

    @app.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status=204)

    @app.get("/assets/summary.css")
    def summary_css() -> Response:
        return send_file(html_export.CSS, mimetype="text/css", max_age=3600)

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        if request.method == "GET":
            if session.get("user"):
                return redirect(_safe_next(request.args.get("next")))
            return render_template("login.html", next=request.args.get("next", ""))
        username = request.form.get("username", "").strip()
        result = review.login(username, request.form.get("password", ""))
        if result.ok:
            session.clear()  # a fresh session (and CSRF token) at every login
            session.permanent = True
            session["user"] = username
            return redirect(_safe_next(request.form.get("next")))
        error, status = "That username and password don't match. Please try again.", 401
        if result.locked:
            minutes = int(review.lockout.total_seconds() // 60)
            error = f"Too many wrong tries. This account is locked. Try again in {minutes} minutes."
            status = 429
        return render_template("login.html", error=error, next=request.form.get("next", "")), status

    @app.post("/logout")
    def logout() -> Response:
        if session.get("user"):
            review.audit(session["user"], "logout")
        session.clear()
        flash("You have logged out.")
        return redirect(url_for("login"))

    @app.get("/")
    @login_required
    def plans() -> str:
        return render_template("plans.html", rows=review.shared_plans(session["user"]))

    @app.get("/plans/<int:plan_id>")
    @login_required
    def plan(plan_id: int) -> str:
        data = review.plan(session["user"], plan_id)
        return render_template("plan.html", s=summary.build(data), formats=exports.FORMATS)

    @app.get("/plans/<int:plan_id>/export/<fmt>")
    @login_required
    def export(plan_id: int, fmt: str) -> Response:
        if fmt not in exports.FORMATS:
            abort(404)
        data = review.plan(session["user"], plan_id, action=f"export_{fmt}")
        extension, media_type = exports.FORMATS[fmt]
        response = Response(exports.render(data, fmt), mimetype=media_type.split(";")[0])
        response.headers["Content-Type"] = media_type
        response.headers["Content-Disposition"] = f'attachment; filename="care-plan-{plan_id}.{extension}"'
        return response

    @app.post("/plans/<int:plan_id>/goals/<int:goal_id>/<action>")
    @login_required
    def decide(plan_id: int, goal_id: int, action: str) -> Response:
        user = session["user"]
        try:
            if action == "accept":
                review.accept(user, plan_id, goal_id)
                flash("Goal accepted. They will see this the next time they chat.")
            elif action == "edit":
                review.edit(user, plan_id, goal_id, request.form.get("wording", ""))
                flash("Your wording is saved beside their words. The goal counts as accepted.")
            elif action == "reject":
                review.reject(user, plan_id, goal_id, request.form.get("reason", ""))
                flash("Goal not taken forward. They will see your reason.")
            else:
                abort(404)
        except BadInput as problem:
            flash(str(problem), "error")
        return redirect(url_for("plan", plan_id=plan_id, _anchor=f"goal-{goal_id}"))

    @app.post("/plans/<int:plan_id>/reviewed")
    @login_required
    def reviewed(plan_id: int) -> Response:
        review.mark_reviewed(session["user"], plan_id)
        flash("Marked as reviewed.")
        return redirect(url_for("plan", plan_id=plan_id))

    @app.errorhandler(NotFound)
    @app.errorhandler(UnknownPlan)  # deleted while we looked
    def not_found(_error: Exception) -> tuple[str, int]:
        return render_template("error.html", code=404, message="There is no shared plan here."), 404

    @app.errorhandler(StoreUnavailable)
    def store_down(_error: Exception) -> tuple[str, int]:
        message = "The care-plan database is busy or unavailable. Please try again in a minute."
        return render_template("error.html", code=503, message=message), 503

    @app.errorhandler(404)
    def page_not_found(_error: Exception) -> tuple[str, int]:
        return render_template("error.html", code=404, message="There is nothing here."), 404

    @app.errorhandler(400)
    def bad_request(error: Any) -> tuple[str, int]:
        return render_template("error.html", code=400, message=error.description), 400
