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
import math
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pyotp
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from careplan import clock
from careplan.export_data import decision_dict
from careplan.models import (
    DEFAULT_TEAM,
    AuditEntry,
    Clinician,
    ClinicianSession,
    Flag,
    Goal,
    GoalAction,
    GoalDecision,
    LoginThrottle,
    Plan,
    utcnow,
)
from careplan.store import Store
from careplan.vocab import ACCEPTED, DRAFT, EDITED, MAX_ANSWER_CHARS, REJECTED

MIN_PASSWORD_CHARS = 12
# scrypt cost: n=2**15, r=8 needs 32 MiB per hash (OWASP's suggested minimum).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
# Sessions: ended at logout, after 8 hours whatever happens, or after 30 idle minutes.
SESSION_ABSOLUTE = timedelta(hours=8)
SESSION_IDLE = timedelta(minutes=30)
# Guessing is slowed, never stopped: after a few free tries each failure doubles the wait
# before the next try counts, up to a cap. Per account the cap is short, so someone trying
# a colleague's name can delay them by seconds but never lock them out.
ACCOUNT_FREE_TRIES, ACCOUNT_MAX_WAIT = 3, timedelta(seconds=30)
ADDRESS_FREE_TRIES, ADDRESS_MAX_WAIT = 10, timedelta(minutes=5)
# After this long without a failure a count starts again from nothing (see _count_failure).
FORGET_FAILURES = ADDRESS_MAX_WAIT * 4
AUDIT_ACTIONS = {ACCEPTED: "accept_goal", EDITED: "edit_goal", REJECTED: "reject_goal"}


class NotFound(LookupError):
    """No such plan or goal, or the plan was not shared: the caller shows a 404."""


class BadInput(ValueError):
    """A form value that can't be used (empty, too long). The message is safe to show."""


class UsernameTaken(ValueError):
    pass


class NoSuchClinician(LookupError):
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
    """``ok``, or why not in a way that's safe to show: only ``wait`` (seconds) is ever told."""

    ok: bool
    wait: int = 0


@dataclass(frozen=True)
class Client:
    """Where a request came from, for the audit log."""

    address: str | None = None
    user_agent: str | None = None


@dataclass(frozen=True)
class SignedIn:
    """A logged-in clinician, as a live session finds them."""

    username: str
    team: str


@dataclass(frozen=True)
class FlagLine:
    """A red flag as the list shows it: its kind and when, never the words."""

    kind: str
    at: datetime
    acknowledged: bool
    misunderstood: bool = False  # the person said the bot had it wrong ("that's not what I meant")


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
    date_of_birth: date | None
    nhs_number: str | None
    flags: list[FlagLine]

    @property
    def reviewed(self) -> bool:
        return self.reviewed_at is not None

    @property
    def open_flags(self) -> list[FlagLine]:
        return [f for f in self.flags if not f.acknowledged]


class Review:
    """The care team's actions on the care-plan database, through the shared Store."""

    def __init__(
        self,
        store: Store,
        *,
        session_absolute: timedelta = SESSION_ABSOLUTE,
        session_idle: timedelta = SESSION_IDLE,
    ) -> None:
        self.store = store
        self.session_absolute = session_absolute
        self.session_idle = session_idle

    def _run(self, work: Any) -> Any:
        # The Store's own transaction runner: short transactions, retried when busy.
        return self.store._run(work)

    # -- accounts ---------------------------------------------------------
    def add_clinician(self, username: str, password: str, team: str = DEFAULT_TEAM) -> int:
        username = username.strip()
        team = team.strip()
        if not username or len(username) > 200:
            raise BadInput("A username needs 1 to 200 characters.")
        if not team or len(team) > 100:
            raise BadInput("A team name needs 1 to 100 characters.")
        password_hash = hash_password(_new_password(password))

        def work(session: Session) -> int:
            if session.scalar(select(Clinician.id).where(Clinician.username == username)):
                raise UsernameTaken("That username is already taken.")
            clinician = Clinician(
                username=username, password_hash=password_hash, team=team, password_changed_at=utcnow()
            )
            session.add(clinician)
            session.flush()
            _audit(session, "system", "clinician_added", detail=f"{username} (team {team})")
            return clinician.id

        try:
            return self._run(work)
        except IntegrityError as exc:  # two adds racing
            raise UsernameTaken("That username is already taken.") from exc

    def set_disabled(self, username: str, disabled: bool) -> None:
        """Disable (ending every session at once) or enable an account."""

        def work(session: Session) -> None:
            clinician = _clinician(session, username)
            clinician.disabled_at = utcnow() if disabled else None
            if disabled:
                _end_sessions(session, clinician.id)
            _audit(
                session, "system", "clinician_disabled" if disabled else "clinician_enabled", detail=username
            )

        self._run(work)

    def reset_password(self, username: str, password: str) -> None:
        """A new password; every session of the account ends."""
        password_hash = hash_password(_new_password(password))

        def work(session: Session) -> None:
            clinician = _clinician(session, username)
            clinician.password_hash, clinician.password_changed_at = password_hash, utcnow()
            _end_sessions(session, clinician.id)
            _audit(session, "system", "password_reset", detail=username)

        self._run(work)

    def set_totp(self, username: str, secret: str | None) -> None:
        """Turn the second factor on (with a new secret) or off."""

        def work(session: Session) -> None:
            clinician = _clinician(session, username)
            clinician.totp_secret = secret
            _end_sessions(session, clinician.id)
            _audit(session, "system", "totp_on" if secret else "totp_off", detail=username)

        self._run(work)

    def login(
        self,
        username: str,
        password: str,
        code: str = "",
        client: Client = Client(),
        now: datetime | None = None,
    ) -> LoginResult:
        """Check a password (and the TOTP code, if the account has one).

        Unknown, disabled and wrong answers all look the same from outside: the same
        result, a password hash checked every time, and the same throttling by name.
        """
        now = now or utcnow()
        username = username.strip()
        keys = _throttle_keys(username, client)

        def load(session: Session) -> tuple[datetime | None, Clinician | None]:
            waits = [
                t.wait_until
                for t in session.scalars(select(LoginThrottle).where(LoginThrottle.key.in_(keys)))
            ]
            return max(waits, default=None), session.scalars(
                select(Clinician).where(Clinician.username == username)
            ).first()

        wait_until, clinician = self._run(load)
        password_ok = check_password(clinician.password_hash if clinician else _DUMMY_HASH, password)
        if wait_until is not None and wait_until > now:
            self.audit(
                _name_for_log(clinician), "login_refused", detail="too many tries: waiting", client=client
            )
            return LoginResult(ok=False, wait=_seconds(wait_until - now))
        ok = (
            clinician is not None
            and password_ok
            and clinician.disabled_at is None
            and (clinician.totp_secret is None or _totp_ok(clinician.totp_secret, code, now))
        )

        def record(session: Session) -> LoginResult:
            # Addresses and typed names are personal data: drop counts that no longer slow anyone.
            session.execute(
                delete(LoginThrottle).where(LoginThrottle.last_failure_at < now - FORGET_FAILURES)
            )
            if ok:
                session.execute(delete(LoginThrottle).where(LoginThrottle.key == keys[0]))
                _audit(session, username, "login", client=client)
                return LoginResult(ok=True)
            why = "unknown username" if clinician is None else _why_refused(clinician, password_ok)
            _audit(session, _name_for_log(clinician), "login_failed", detail=why, client=client)
            for key, free, cap in zip(
                keys,
                (ACCOUNT_FREE_TRIES, ADDRESS_FREE_TRIES),
                (ACCOUNT_MAX_WAIT, ADDRESS_MAX_WAIT),
                strict=True,
            ):
                _count_failure(session, key, free, cap, now)
            return LoginResult(ok=False)

        return self._run(record)

    # -- sessions -----------------------------------------------------------
    def start_session(self, username: str, client: Client = Client(), now: datetime | None = None) -> str:
        """A new session for a clinician who just logged in. Returns the cookie's token."""
        token = secrets.token_urlsafe(32)
        now = now or utcnow()

        def work(session: Session) -> None:
            clinician = _clinician(session, username)
            # Sessions past their absolute expiry are over whatever happened: forget them.
            session.execute(
                delete(ClinicianSession).where(ClinicianSession.created_at < now - self.session_absolute)
            )
            session.add(
                ClinicianSession(
                    token_hash=_token_hash(token),
                    clinician_id=clinician.id,
                    created_at=now,
                    last_seen_at=now,
                    address=(client.address or "")[:64] or None,
                    user_agent=(client.user_agent or "")[:300] or None,
                )
            )

        self._run(work)
        return token

    def session_user(self, token: str | None, now: datetime | None = None) -> SignedIn | None:
        """Who holds this session, or None if it was never made, ended, expired or idled out."""
        if not token:
            return None
        now = now or utcnow()

        def work(session: Session) -> SignedIn | None:
            row = session.get(ClinicianSession, _token_hash(token))
            if row is None or row.revoked_at is not None:
                return None
            clinician = session.get(Clinician, row.clinician_id)
            expired = (
                now - row.created_at > self.session_absolute or now - row.last_seen_at > self.session_idle
            )
            if clinician is None or clinician.disabled_at is not None or expired:
                row.revoked_at = row.revoked_at or now
                return None
            row.last_seen_at = now
            return SignedIn(clinician.username, clinician.team)

        return self._run(work)

    def end_session(self, token: str | None) -> None:
        if not token:
            return

        def work(session: Session) -> None:
            row = session.get(ClinicianSession, _token_hash(token))
            if row is not None and row.revoked_at is None:
                row.revoked_at = utcnow()

        self._run(work)

    # -- reading shared plans ------------------------------------------------
    def shared_plans(self, actor: str, today: date | None = None) -> list[PlanRow]:
        """The team's shared plans: any with a flag not yet acknowledged first, then the
        nearest appointment: upcoming soonest, then past, then undated."""
        today = today or clock.today()

        def work(session: Session) -> list[PlanRow]:
            # A fixed number of queries however many plans: the plans, their flags, the
            # chats' flags from before a plan existed, and the goals counted in SQL.
            team = _team_of(session, actor)
            listed = select(Plan.id).where(Plan.shared.is_(True), _in_team(team)).scalar_subquery()
            plans = session.scalars(select(Plan).where(Plan.id.in_(listed))).all()
            flags: dict[int, list[Flag]] = {p.id: [] for p in plans}
            for flag in session.scalars(select(Flag).where(Flag.plan_id.in_(listed))):
                flags[flag.plan_id].append(flag)
            loose = select(Plan.id, Flag).join(Flag, Flag.sender == Plan.sender)
            for plan_id, flag in session.execute(loose.where(Plan.id.in_(listed), Flag.plan_id.is_(None))):
                flags[plan_id].append(flag)
            drafts = func.count(Goal.id).filter(Goal.status == DRAFT)
            counted = select(Goal.plan_id, func.count(Goal.id), drafts)
            goals = {
                plan_id: (total, draft)
                for plan_id, total, draft in session.execute(
                    counted.where(Goal.plan_id.in_(listed)).group_by(Goal.plan_id)
                )
            }
            rows = [_row(p, flags[p.id], *goals.get(p.id, (0, 0))) for p in plans]
            _audit(session, actor, "list_plans", detail=f"{len(rows)} shared plans")
            return rows

        def order(row: PlanRow) -> tuple[int, int, int, int]:
            flagged = 0 if row.open_flags else 1
            when = row.appointment_date
            if when is None:
                return (flagged, 2, 0, row.id)
            gap = (when - today).days
            return (flagged, 0, gap, row.id) if gap >= 0 else (flagged, 1, -gap, row.id)

        return sorted(self._run(work), key=order)

    def plan(self, actor: str, plan_id: int, action: str = "view_plan") -> dict[str, Any]:
        """The export dictionary of a plan shared with the actor's team, audited as ``action``."""

        def work(session: Session) -> None:
            _shared_plan(session, plan_id, actor)
            _audit(session, actor, action, plan_id=plan_id)

        self._run(work)
        return self.store.export(plan_id)

    # -- acting on goals ---------------------------------------------------
    def accept(self, actor: str, plan_id: int, goal_id: int, replaces: int | None = None) -> None:
        self._decide(actor, plan_id, goal_id, ACCEPTED, replaces=replaces)

    def edit(self, actor: str, plan_id: int, goal_id: int, wording: str, replaces: int | None = None) -> None:
        self._decide(
            actor, plan_id, goal_id, EDITED, text=_required(wording, "the new wording"), replaces=replaces
        )

    def reject(
        self, actor: str, plan_id: int, goal_id: int, reason: str, replaces: int | None = None
    ) -> None:
        self._decide(
            actor, plan_id, goal_id, REJECTED, reason=_required(reason, "a reason"), replaces=replaces
        )

    def mark_reviewed(self, actor: str, plan_id: int) -> None:
        """Refused while a safety flag is unacknowledged: "reviewed" must never hide one."""

        def work(session: Session) -> None:
            plan = _shared_plan(session, plan_id, actor)
            if any(f.acknowledged_at is None for f in [*plan.flags, *_loose_flags(session, plan)]):
                raise BadInput("Please acknowledge each safety flag first, with a note of what was done.")
            plan.reviewed_at = utcnow()
            _audit(session, actor, "mark_reviewed", plan_id=plan_id)

        self._run(work)

    def acknowledge_flag(self, actor: str, plan_id: int, flag_id: int, note: str) -> None:
        """Record that a clinician has seen a red flag and what was done about it."""
        note = _required(note, "what was done")

        def work(session: Session) -> None:
            plan = _shared_plan(session, plan_id, actor)
            flag = session.get(Flag, flag_id)
            if flag is None or flag not in [*plan.flags, *_loose_flags(session, plan)]:
                raise NotFound(f"flag {flag_id}")
            if flag.acknowledged_at is not None:
                raise BadInput(f"{flag.acknowledged_by} has already acknowledged this flag.")
            flag.acknowledged_by, flag.acknowledged_at, flag.acknowledged_note = actor, utcnow(), note
            _audit(
                session, actor, "acknowledge_flag", plan_id=plan_id, detail=f"flag {flag_id} ({flag.kind})"
            )

        self._run(work)

    def add_action(self, actor: str, plan_id: int, goal_id: int, who: str, what: str, by_when: str) -> None:
        """One step of an accepted goal's action plan: who will do what, by when."""
        who = _required(who, "who will do it")[:200]
        what = _required(what, "what they will do")
        when = _form_date(by_when, "the date it's due by", required=False)

        def work(session: Session) -> None:
            goal = _accepted_goal(session, plan_id, goal_id, actor)
            goal.actions.append(GoalAction(who=who, what=what, by_when=when, added_by=actor))
            _audit(session, actor, "add_action", plan_id=plan_id, goal_id=goal_id)

        self._run(work)

    def set_review_date(self, actor: str, plan_id: int, goal_id: int, review_date: str) -> None:
        when = _form_date(review_date, "a review date")

        def work(session: Session) -> None:
            goal = _accepted_goal(session, plan_id, goal_id, actor)
            goal.review_date = when
            _audit(
                session, actor, "set_review_date", plan_id=plan_id, goal_id=goal_id, detail=when.isoformat()
            )

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
        replaces: int | None = None,
    ) -> None:
        """Decide on a goal. If it was already decided, ``replaces`` must name the decision
        being replaced (the clinician saw it and agreed), else :class:`AlreadyDecided`."""

        def work(session: Session) -> None:
            plan = _shared_plan(session, plan_id, actor)
            goal = session.get(Goal, goal_id)
            if goal is None or goal.plan_id != plan.id:
                raise NotFound(f"goal {goal_id}")
            latest = goal.decisions[-1] if goal.decisions else None
            if latest is not None and latest.id != replaces:
                raise AlreadyDecided(decision_dict(latest))
            before = goal.status
            now = utcnow()
            # The person's words (goal.text) are never touched.
            goal.status = status
            goal.clinician_text = text
            goal.clinician_reason = reason
            goal.reviewed_by = actor
            goal.reviewed_at = now
            goal.decisions.append(
                GoalDecision(
                    status=status, clinician_text=text, reason=reason, decided_by=actor, decided_at=now
                )
            )
            session.flush()
            if not any(g.status == DRAFT for g in plan.goals):
                plan.reviewed_at = plan.reviewed_at or now
            _audit(
                session,
                actor,
                AUDIT_ACTIONS[status],
                plan_id=plan_id,
                goal_id=goal_id,
                detail=f"{before} -> {status}" + (f" (replacing decision {replaces})" if latest else ""),
            )

        self._run(work)

    # -- the audit log -----------------------------------------------------
    def audit(
        self,
        actor: str,
        action: str,
        plan_id: int | None = None,
        detail: str | None = None,
        client: Client = Client(),
    ) -> None:
        self._run(
            lambda session: _audit(session, actor, action, plan_id=plan_id, detail=detail, client=client)
        )

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
                    "address": e.address,
                    "user_agent": e.user_agent,
                    "at": e.at,
                }
                for e in session.scalars(query)
            ]

        return self._run(work)


class AlreadyDecided(Exception):
    """Someone already decided on this goal: show their decision and ask before replacing it."""

    def __init__(self, previous: dict[str, Any]) -> None:
        super().__init__("already decided")
        self.previous = previous


# -- accounts and logins ---------------------------------------------------------
def _new_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_CHARS:
        raise BadInput(f"A password needs at least {MIN_PASSWORD_CHARS} characters.")
    return password


def _clinician(session: Session, username: str) -> Clinician:
    clinician = session.scalars(select(Clinician).where(Clinician.username == username.strip())).first()
    if clinician is None:
        raise NoSuchClinician(f"There is no clinician called '{username}'.")
    return clinician


def _end_sessions(session: Session, clinician_id: int) -> None:
    session.execute(
        update(ClinicianSession)
        .where(ClinicianSession.clinician_id == clinician_id, ClinicianSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _throttle_keys(username: str, client: Client) -> list[str]:
    """The account (by the name typed, known or not) first, then the address."""
    return [f"user:{username.casefold()[:290]}", f"addr:{client.address or 'unknown'}"]


def _count_failure(session: Session, key: str, free: int, cap: timedelta, now: datetime) -> None:
    row = session.get(LoginThrottle, key)
    if row is None:
        row = LoginThrottle(key=key, failures=0, last_failure_at=now, wait_until=now)
        session.add(row)
    elif now - row.last_failure_at > cap * 4:
        row.failures = 0  # quiet for a while: start counting again
    row.failures += 1
    row.last_failure_at = now
    over = row.failures - free
    if over > 0:
        row.wait_until = now + min(timedelta(seconds=2 ** (over - 1)), cap)


def _totp_ok(secret: str, code: str, now: datetime) -> bool:
    code = "".join(ch for ch in code if ch.isdigit())
    moment = now.replace(tzinfo=timezone.utc)
    return len(code) == 6 and pyotp.TOTP(secret).verify(code, for_time=moment, valid_window=1)


def _why_refused(clinician: Clinician, password_ok: bool) -> str:
    if not password_ok:
        return "wrong password"
    if clinician.disabled_at is not None:
        return "account disabled"
    return "wrong or missing second-factor code"


def _name_for_log(clinician: Clinician | None) -> str:
    # Not the typed name: people sometimes type a password in the username box.
    return clinician.username if clinician is not None else "(unknown user)"


def _seconds(gap: timedelta) -> int:
    return max(1, math.ceil(gap.total_seconds()))


# -- teams and plans ------------------------------------------------------------
def _team_of(session: Session, actor: str) -> str | None:
    return session.scalar(select(Clinician.team).where(Clinician.username == actor))


def _in_team(team: str | None) -> Any:
    """Plans shared with this team; plans shared before teams existed belong to the default team."""
    return func.coalesce(Plan.team, DEFAULT_TEAM) == (team or "")


def _shared_plan(session: Session, plan_id: int, actor: str) -> Plan:
    """The plan, if it is shared with the actor's team; anything else looks like no plan at all."""
    plan = session.get(Plan, plan_id)
    team = _team_of(session, actor)
    if plan is None or not plan.shared or team is None or (plan.team or DEFAULT_TEAM) != team:
        raise NotFound(f"plan {plan_id}")
    return plan


def _accepted_goal(session: Session, plan_id: int, goal_id: int, actor: str) -> Goal:
    plan = _shared_plan(session, plan_id, actor)
    goal = session.get(Goal, goal_id)
    if goal is None or goal.plan_id != plan.id:
        raise NotFound(f"goal {goal_id}")
    if goal.status not in {ACCEPTED, EDITED}:
        raise BadInput("Accept the goal first: an action plan is only for goals you are taking forward.")
    return goal


def _loose_flags(session: Session, plan: Plan) -> list[Flag]:
    """Flags raised by the same chat before a plan existed (or after it was restarted)."""
    return list(session.scalars(select(Flag).where(Flag.sender == plan.sender, Flag.plan_id.is_(None))))


def _row(plan: Plan, flags: list[Flag], goals: int, drafts: int) -> PlanRow:
    """A plan's line, given its flags (its own and its chat's loose ones) and goal counts."""
    flags = sorted(flags, key=lambda f: (f.created_at, f.id))
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
        drafts=drafts,
        goals=goals,
        date_of_birth=plan.date_of_birth,
        nhs_number=plan.nhs_number,
        flags=[
            FlagLine(f.kind, f.created_at, f.acknowledged_at is not None, f.misunderstood_at is not None)
            for f in flags
        ],
    )


def _required(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise BadInput(f"Please write {what}.")
    if len(value) > MAX_ANSWER_CHARS:
        raise BadInput(f"Please keep {what} under {MAX_ANSWER_CHARS} characters.")
    return value


def _form_date(value: str, what: str, *, required: bool = True) -> date | None:
    """A date from an ``<input type=date>`` (YYYY-MM-DD)."""
    value = (value or "").strip()
    if not value and not required:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"Please choose {what}.") from None


def _audit(
    session: Session,
    actor: str,
    action: str,
    *,
    plan_id: int | None = None,
    goal_id: int | None = None,
    detail: str | None = None,
    client: Client = Client(),
) -> None:
    session.add(
        AuditEntry(
            actor=actor,
            action=action,
            plan_id=plan_id,
            goal_id=goal_id,
            detail=detail,
            address=(client.address or "")[:64] or None,
            user_agent=(client.user_agent or "")[:300] or None,
        )
    )
