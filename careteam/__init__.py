"""The care-team web app: clinicians read shared plans and act on draft goals.

Thin by design: every rule (only shared plans, never overwrite the person's
words, audit everything) lives in :mod:`careplan.review`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import (
    Flask,
    Response,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from jinja2 import ChoiceLoader, FileSystemLoader

from careplan import db, exports, summary, words
from careplan.exports import html as html_export
from careplan.review import AlreadyDecided, BadInput, NotFound, Review
from careplan.store import Store, StoreUnavailable, UnknownPlan
from careplan.vocab import MAX_ANSWER_CHARS
from careteam import security

F = TypeVar("F", bound=Callable[..., Any])
# Where a login may send you on: the list, a plan, or one of its downloads. Nothing else.
NEXT_ALLOWED = re.compile(r"/(?:plans/[0-9]{1,9}(?:/export/[a-z]{2,10})?)?")
MAX_USERNAME, MAX_PASSWORD, MAX_CODE = 200, 1000, 20


def create_app(database_url: str | None = None, **config: Any) -> Flask:
    url = database_url or db.database_url()
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=security.secret_key(url),
        SESSION_COOKIE_NAME="careteam_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=os.environ.get("CARETEAM_SECURE_COOKIES") == "1",
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    app.config.update(config)
    app.jinja_env.loader = ChoiceLoader(
        [app.jinja_env.loader, FileSystemLoader(html_export.TEMPLATES)]  # type: ignore[list-item]
    )
    app.jinja_env.filters["uk_time"] = lambda moment: summary.human_time(moment.isoformat())
    app.jinja_env.globals["flag_labels"] = summary.FLAG_LABELS
    app.jinja_env.globals["pieces"] = words.pieces
    review = Review(Store(url))
    app.extensions["review"] = review
    security.install(app, review)
    _routes(app, review)
    return app


def login_required(view: F) -> F:
    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if g.user is None:
            return redirect(url_for("login", next=request.path))
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _safe_next(target: str | None) -> str:
    """Only follow one of our own pages after login (a strict allow-list), never another site."""
    if target and NEXT_ALLOWED.fullmatch(target):
        return target
    return url_for("plans")


def _field(name: str, limit: int) -> str:
    """A form field, or 400 if it is too long or holds control characters."""
    value = request.form.get(name, "")
    if len(value) > limit or any(ord(ch) < 32 for ch in value):
        abort(400, "That form had something in it we can't use. Please go back and try again.")
    return value


def _replaces() -> int | None:
    """The decision the clinician saw and agreed to replace, from the form."""
    value = request.form.get("replaces", "")
    if not value:
        return None
    if not value.isdigit() or len(value) > 9:
        abort(400, "That form had something in it we can't use. Please go back and try again.")
    return int(value)


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
            if g.user is not None:
                return redirect(_safe_next(request.args.get("next")))
            return render_template("login.html", next=_safe_next(request.args.get("next")))
        username = _field("username", MAX_USERNAME).strip()
        password = _field("password", MAX_PASSWORD)
        code = _field("code", MAX_CODE)
        next_path = _safe_next(request.form.get("next"))
        result = review.login(username, password, code, client=security.client())
        if result.ok:
            security.start_session(review.start_session(username, security.client()))
            return redirect(next_path)
        error, status = "That username, password or code doesn't match. Please try again.", 401
        if result.wait:
            error = f"Too many tries. Please wait {result.wait} seconds, then try again."
            status = 429
        return render_template("login.html", error=error, next=next_path), status

    @app.post("/logout")
    def logout() -> Response:
        if g.user is not None:
            review.audit(g.user.username, "logout", client=security.client())
        security.end_session(review)
        flash("You have logged out.")
        return redirect(url_for("login"))

    @app.get("/")
    @login_required
    def plans() -> str:
        return render_template("plans.html", rows=review.shared_plans(g.user.username))

    @app.get("/plans/<int:plan_id>")
    @login_required
    def plan(plan_id: int) -> str:
        data = review.plan(g.user.username, plan_id)
        return render_template("plan.html", s=summary.build(data), formats=exports.FORMATS)

    @app.get("/plans/<int:plan_id>/export/<fmt>")
    @login_required
    def export(plan_id: int, fmt: str) -> Response:
        if fmt not in exports.FORMATS:
            abort(404)
        data = review.plan(g.user.username, plan_id, action=f"export_{fmt}")
        extension, media_type = exports.FORMATS[fmt]
        response = Response(exports.render(data, fmt), mimetype=media_type.split(";")[0])
        response.headers["Content-Type"] = media_type
        response.headers["Content-Disposition"] = f'attachment; filename="care-plan-{plan_id}.{extension}"'
        return response

    @app.post("/plans/<int:plan_id>/goals/<int:goal_id>/<action>")
    @login_required
    def decide(plan_id: int, goal_id: int, action: str) -> Any:
        user, replaces = g.user.username, _replaces()
        try:
            if action == "accept":
                review.accept(user, plan_id, goal_id, replaces)
                flash("Goal accepted. They will see this the next time they chat.")
            elif action == "edit":
                review.edit(user, plan_id, goal_id, _field_text("wording"), replaces)
                flash("Your wording is saved beside their words. The goal counts as accepted.")
            elif action == "reject":
                review.reject(user, plan_id, goal_id, _field_text("reason"), replaces)
                flash("Goal not taken forward. They will see your reason.")
            elif action == "actions":
                review.add_action(
                    user, plan_id, goal_id, _field_text("who"), _field_text("what"), _field_text("by_when")
                )
                flash("Action added. They will see it the next time they chat.")
            elif action == "review-date":
                review.set_review_date(user, plan_id, goal_id, _field_text("review_date"))
                flash("Review date saved.")
            else:
                abort(404)
        except AlreadyDecided as taken:
            data = review.plan(user, plan_id, action="view_plan")
            goal = next(g for g in summary.build(data).all_goals if g.id == goal_id)
            return (
                render_template(
                    "confirm.html",
                    s=summary.build(data),
                    goal=goal,
                    previous=summary.decision_view(taken.previous),
                    action=action,
                    form={k: v for k, v in request.form.items() if k in {"wording", "reason"}},
                ),
                409,
            )
        except BadInput as problem:
            flash(str(problem), "error")
        return redirect(url_for("plan", plan_id=plan_id, _anchor=f"goal-{goal_id}"))

    @app.post("/plans/<int:plan_id>/flags/<int:flag_id>/acknowledge")
    @login_required
    def acknowledge(plan_id: int, flag_id: int) -> Response:
        try:
            review.acknowledge_flag(g.user.username, plan_id, flag_id, _field_text("note"))
            flash("Flag acknowledged. Your note is kept with it.")
        except BadInput as problem:
            flash(str(problem), "error")
        return redirect(url_for("plan", plan_id=plan_id, _anchor=f"flag-{flag_id}"))

    @app.post("/plans/<int:plan_id>/reviewed")
    @login_required
    def reviewed(plan_id: int) -> Response:
        try:
            review.mark_reviewed(g.user.username, plan_id)
            flash("Marked as reviewed.")
        except BadInput as problem:
            flash(str(problem), "error")
        return redirect(url_for("plan", plan_id=plan_id))

    @app.errorhandler(NotFound)
    @app.errorhandler(UnknownPlan)  # deleted while we looked
    def not_found(error: Exception) -> tuple[str, int]:
        # A look-up of a plan that isn't there for you: kept, with where it came from.
        actor = g.user.username if g.get("user") else "(not logged in)"
        review.audit(
            actor,
            "denied",
            plan_id=(request.view_args or {}).get("plan_id"),
            detail=f"{request.method} {request.path[:200]}",
            client=security.client(),
        )
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


def _field_text(name: str) -> str:
    """Free text a clinician typed (newlines allowed); too long is for the review rules to refuse."""
    value = request.form.get(name, "")
    if len(value) > 2 * MAX_ANSWER_CHARS:
        abort(400, "That is too long. Please keep it shorter.")
    return value
