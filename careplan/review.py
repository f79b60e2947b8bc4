"""The care team's side: clinician accounts, shared plans, and acting on goals.

Rules this module keeps, whatever calls it (the web app or the CLI):
- only plans the person chose to share are ever listed or returned; a plan
  that isn't shared looks exactly like one that doesn't exist (:class:`NotFound`);
- the person's words are never changed: a clinician's wording goes in
  ``goal.clinician_text`` beside them, a reason for turning a goal down in
  ``goal.clinician_reason``;
- every view and action is written to the audit log (who, what, when).

Passwords are hashed with scrypt (``hashlib.scrypt``), salted per account.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from careplan.export_data import iso
from careplan.models import AuditEntry, Clinician, Goal, Plan, utcnow
from careplan.store import Store
from careplan.vocab import ACCEPTED, DRAFT, EDITED, MAX_ANSWER_CHARS, REJECTED

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_CHARS = 12
# scrypt cost: n=2**15, r=8 needs 32 MiB per hash (OWASP's suggested minimum).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
AUDIT_ACTIONS = {ACCEPTED: "accept_goal", EDITED: "edit_goal", REJECTED: "reject_goal"}


class NotFound(LookupError):
    """No such plan or goal, or the plan was not shared: the caller shows a 404."""


class BadInput(ValueError):
    """A form value that can't be used (empty, too long). The message is safe to show."""


class UsernameTaken(ValueError):
    pass


# -- passwords ----------------------------------------------------------------
def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return "$".join(["scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)])


def check_password(stored: str, password: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual, base64.b64decode(digest))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r, dklen=32)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


# A hash to check against when the username is unknown, so a wrong username
# takes as long as a wrong password.
_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    locked_until: datetime | None = None

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


@dataclass(frozen=True)
class PlanRow:
    """One line of the shared-plans list."""

    id: int
    name: str
    full_name: str | None
    recorded_by_role: str
    carer_relationship: str | None
    appointment_with: str | None
    appointment_date: date | None
    appointment_when_text: str | None
    shared_at: datetime | None
    reviewed_at: datetime | None
    drafts: int
    goals: int
    flags: int

    @property
    def reviewed(self) -> bool:
        return self.reviewed_at is not None


class Review:
    """The care team's actions on the care-plan database, through the shared Store."""

    def __init__(
        self,
        store: Store,
        *,
        max_failed_logins: int = MAX_FAILED_LOGINS,
        lockout: timedelta = LOCKOUT,
    ) -> None:
        self.store = store
        self.max_failed_logins = max_failed_logins
        self.lockout = lockout

    def _run(self, work: Any) -> Any:
        # The Store's own transaction runner: short transactions, retried when busy.
        return self.store._run(work)

    # -- accounts ---------------------------------------------------------
    def add_clinician(self, username: str, password: str) -> int:
        username = username.strip()
        if not username or len(username) > 200:
            raise BadInput("A username needs 1 to 200 characters.")
        if len(password) < MIN_PASSWORD_CHARS:
            raise BadInput(f"A password needs at least {MIN_PASSWORD_CHARS} characters.")
        password_hash = hash_password(password)

        def work(session: Session) -> int:
            if session.scalar(select(Clinician.id).where(Clinician.username == username)):
                raise UsernameTaken("That username is already taken.")
            clinician = Clinician(username=username, password_hash=password_hash)
            session.add(clinician)
            session.flush()
            _audit(session, "system", "clinician_added", detail=username)
            return clinician.id

        try:
            return self._run(work)
        except IntegrityError as exc:  # two adds racing
            raise UsernameTaken("That username is already taken.") from exc

    def login(self, username: str, password: str, now: datetime | None = None) -> LoginResult:
        """Check a password, counting failures and locking the account after too many."""
        now = now or utcnow()
        username = username.strip()

        def load(session: Session) -> tuple[str, datetime | None] | None:
            row = session.scalars(select(Clinician).where(Clinician.username == username)).first()
            return None if row is None else (row.password_hash, row.locked_until)

        found = self._run(load)
        if found is None:
            check_password(_DUMMY_HASH, password)
            # Not the typed name: people sometimes type a password in the username box.
            self.audit("(unknown user)", "login_failed", detail="unknown username")
            return LoginResult(ok=False)
        password_hash, locked_until = found
        if locked_until is not None and locked_until > now:
            self.audit(username, "login_refused", detail="account locked")
            return LoginResult(ok=False, locked_until=locked_until)
        ok = check_password(password_hash, password)

        def record(session: Session) -> LoginResult:
            row = session.scalars(select(Clinician).where(Clinician.username == username)).one()
            if ok:
                row.failed_logins, row.locked_until = 0, None
                _audit(session, username, "login")
                return LoginResult(ok=True)
            row.failed_logins = (row.failed_logins or 0) + 1
            _audit(session, username, "login_failed", detail=f"failure {row.failed_logins}")
            if row.failed_logins >= self.max_failed_logins:
                row.failed_logins, row.locked_until = 0, now + self.lockout
                _audit(session, username, "account_locked")
                return LoginResult(ok=False, locked_until=row.locked_until)
            return LoginResult(ok=False)

        return self._run(record)

    # -- reading shared plans ------------------------------------------------
    def shared_plans(self, actor: str, today: date | None = None) -> list[PlanRow]:
        """Shared plans, nearest appointment first: upcoming soonest, then past, then undated."""
        today = today or date.today()

        def work(session: Session) -> list[PlanRow]:
            plans = session.scalars(select(Plan).where(Plan.shared.is_(True))).all()
            rows = [_row(p) for p in plans]
            _audit(session, actor, "list_plans", detail=f"{len(rows)} shared plans")
            return rows

        def nearest(row: PlanRow) -> tuple[int, int, int]:
            when = row.appointment_date
            if when is None:
                return (2, 0, row.id)
            gap = (when - today).days
            return (0, gap, row.id) if gap >= 0 else (1, -gap, row.id)

        return sorted(self._run(work), key=nearest)

    def plan(self, actor: str, plan_id: int, action: str = "view_plan") -> dict[str, Any]:
        """The export dictionary of a shared plan, audited as ``action``."""

        def work(session: Session) -> str | None:
            plan = _shared_plan(session, plan_id)
            _audit(session, actor, action, plan_id=plan_id)
            return iso(plan.reviewed_at)

        reviewed_at = self._run(work)
        data = self.store.export(plan_id)
        data.setdefault("reviewed_at", reviewed_at)
        return data

    # -- acting on goals ---------------------------------------------------
    def accept(self, actor: str, plan_id: int, goal_id: int) -> None:
        self._decide(actor, plan_id, goal_id, ACCEPTED)

    def edit(self, actor: str, plan_id: int, goal_id: int, wording: str) -> None:
        self._decide(actor, plan_id, goal_id, EDITED, text=_required(wording, "the new wording"))

    def reject(self, actor: str, plan_id: int, goal_id: int, reason: str) -> None:
        self._decide(actor, plan_id, goal_id, REJECTED, reason=_required(reason, "a reason"))

    def mark_reviewed(self, actor: str, plan_id: int) -> None:
        def work(session: Session) -> None:
            plan = _shared_plan(session, plan_id)
            plan.reviewed_at = utcnow()
            _audit(session, actor, "mark_reviewed", plan_id=plan_id)

        self._run(work)

    def _decide(
        self,
        actor: str,
        plan_id: int,
        goal_id: int,
        status: str,
        *,
        text: str | None = None,
        reason: str | None = None,
    ) -> None:
        def work(session: Session) -> None:
            plan = _shared_plan(session, plan_id)
            goal = session.get(Goal, goal_id)
            if goal is None or goal.plan_id != plan.id:
                raise NotFound(f"goal {goal_id}")
            before = goal.status
            # The person's words (goal.text) are never touched.
            goal.status = status
            goal.clinician_text = text
            goal.clinician_reason = reason
            goal.reviewed_by = actor
            goal.reviewed_at = utcnow()
            session.flush()
            if not any(g.status == DRAFT for g in plan.goals):
                plan.reviewed_at = plan.reviewed_at or utcnow()
            _audit(
                session,
                actor,
                AUDIT_ACTIONS[status],
                plan_id=plan_id,
                goal_id=goal_id,
                detail=f"{before} -> {status}",
            )

        self._run(work)

    # -- the audit log -----------------------------------------------------
    def audit(self, actor: str, action: str, plan_id: int | None = None, detail: str | None = None) -> None:
        self._run(lambda session: _audit(session, actor, action, plan_id=plan_id, detail=detail))

    def audit_log(self, plan_id: int | None = None) -> list[dict[str, Any]]:
        def work(session: Session) -> list[dict[str, Any]]:
            query = select(AuditEntry).order_by(AuditEntry.id)
            if plan_id is not None:
                query = query.where(AuditEntry.plan_id == plan_id)
            return [
                {
                    "actor": e.actor,
                    "action": e.action,
                    "plan_id": e.plan_id,
                    "goal_id": e.goal_id,
                    "detail": e.detail,
                    "at": e.at,
                }
                for e in session.scalars(query)
            ]

        return self._run(work)


def _shared_plan(session: Session, plan_id: int) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None or not plan.shared:
        raise NotFound(f"plan {plan_id}")
    return plan


def _row(plan: Plan) -> PlanRow:
    return PlanRow(
        id=plan.id,
        name=plan.preferred_name or plan.subject_name or "(no name given)",
        full_name=plan.subject_name if plan.preferred_name and plan.subject_name else None,
        recorded_by_role=plan.recorded_by_role,
        carer_relationship=plan.carer_relationship,
        appointment_with=plan.appointment_with,
        appointment_date=plan.appointment_date,
        appointment_when_text=plan.appointment_when_text,
        shared_at=plan.shared_at,
        reviewed_at=plan.reviewed_at,
        drafts=sum(g.status == DRAFT for g in plan.goals),
        goals=len(plan.goals),
        flags=len(plan.flags),
    )


def _required(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise BadInput(f"Please write {what}.")
    if len(value) > MAX_ANSWER_CHARS:
        raise BadInput(f"Please keep {what} under {MAX_ANSWER_CHARS} characters.")
    return value


def _audit(
    session: Session,
    actor: str,
    action: str,
    *,
    plan_id: int | None = None,
    goal_id: int | None = None,
    detail: str | None = None,
) -> None:
    session.add(AuditEntry(actor=actor, action=action, plan_id=plan_id, goal_id=goal_id, detail=detail))
