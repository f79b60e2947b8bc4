"""SQLAlchemy tables for care plans. The schema itself is owned by Alembic.

A *plan* is one person's preparation for one appointment. A sender (one
chat) can hold several plans: a carer may prepare for their mum and their dad.
Every answer and goal records who gave it (``expressed_by``) so a carer's words
are never mistaken for the person's.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import declarative_base, relationship


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


Base = declarative_base()

# The care team of a deployment that names none, and of plans shared before teams existed.
DEFAULT_TEAM = "default"


class Plan(Base):
    __tablename__ = "plans"

    id = Column(Integer, primary_key=True)
    sender = Column(String(128), nullable=False, index=True)
    # Who answered: "self", or "carer" on the person's behalf.
    recorded_by_role = Column(String(16), nullable=False, default="self")
    carer_name = Column(String(200))
    carer_relationship = Column(String(200))
    carer_basis = Column(String(32))
    person_present = Column(Boolean)
    subject_name = Column(String(200))
    preferred_name = Column(String(200))
    appointment_with = Column(Text)
    appointment_date = Column(Date)
    appointment_when_text = Column(Text)
    appointment_reason = Column(Text)
    # Identity, asked with consent so the care team can match the right record.
    date_of_birth = Column(Date)
    nhs_number = Column(String(10))  # ten digits, modulus 11 checked (careplan.identity)
    carer_contact = Column(Text)  # the carer's phone, or how they'd like to be contacted
    contact = Column(Text)  # the person's own, when they write for themselves
    appointment_time = Column(String(5))  # "HH:MM", 24-hour, when a time was given
    # The care team (practice) the person shared with: only its clinicians see the plan.
    team = Column(String(100))
    # in_progress -> completed (read back and confirmed)
    status = Column(String(16), nullable=False, default="in_progress")
    shared = Column(Boolean, nullable=False, default=False)
    shared_at = Column(DateTime)
    reviewed_at = Column(DateTime)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)
    completed_at = Column(DateTime)

    answers = relationship(
        "Answer", back_populates="plan", cascade="all, delete-orphan", order_by="Answer.id"
    )
    goals = relationship("Goal", back_populates="plan", cascade="all, delete-orphan", order_by="Goal.id")
    flags = relationship("Flag", back_populates="plan", cascade="all, delete-orphan", order_by="Flag.id")


class Goal(Base):
    __tablename__ = "goals"

    id = Column(Integer, primary_key=True)
    plan_id = Column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False, index=True)
    # True for a carer's own needs: linked to the plan but kept apart from it.
    for_carer = Column(Boolean, nullable=False, default=False)
    text = Column(Text, nullable=False)  # verbatim
    title = Column(String(200), nullable=False)  # the bot's short title
    domain = Column(String(32), nullable=False, default="other")
    priority = Column(Integer, nullable=False, default=99)
    one_thing = Column(Boolean, nullable=False, default=False)
    why = Column(Text)
    barriers = Column(Text)
    helps = Column(Text)
    target_date = Column(Date)
    status = Column(String(16), nullable=False, default="draft")
    expressed_by = Column(String(16), nullable=False, default="self")
    expressed_by_relationship = Column(String(200))
    clinician_text = Column(Text)
    clinician_reason = Column(Text)
    reviewed_by = Column(String(200))
    reviewed_at = Column(DateTime)
    review_date = Column(Date)  # when the care team will look at this goal again with the person
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    plan = relationship("Plan", back_populates="goals")
    actions = relationship(
        "GoalAction", back_populates="goal", cascade="all, delete-orphan", order_by="GoalAction.id"
    )
    decisions = relationship(
        "GoalDecision", back_populates="goal", cascade="all, delete-orphan", order_by="GoalDecision.id"
    )


class GoalAction(Base):
    """One step of an accepted goal's action plan: who will do what, by when."""

    __tablename__ = "goal_actions"

    id = Column(Integer, primary_key=True)
    goal_id = Column(Integer, ForeignKey("goals.id", ondelete="CASCADE"), nullable=False, index=True)
    who = Column(String(200), nullable=False)
    what = Column(Text, nullable=False)
    by_when = Column(Date)
    added_by = Column(String(200), nullable=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)

    goal = relationship("Goal", back_populates="actions")


class GoalDecision(Base):
    """Every clinician decision on a goal, kept: a later one never erases an earlier one."""

    __tablename__ = "goal_decisions"

    id = Column(Integer, primary_key=True)
    goal_id = Column(Integer, ForeignKey("goals.id", ondelete="CASCADE"), nullable=False, index=True)
    status = Column(String(16), nullable=False)
    clinician_text = Column(Text)
    reason = Column(Text)
    decided_by = Column(String(200), nullable=False)
    decided_at = Column(DateTime, nullable=False, default=utcnow)

    goal = relationship("Goal", back_populates="decisions")


class Answer(Base):
    """One answer to one question, verbatim, stored the moment it is given."""

    __tablename__ = "answers"

    id = Column(Integer, primary_key=True)
    plan_id = Column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False, index=True)
    question_key = Column(String(64), nullable=False)
    goal_id = Column(Integer, ForeignKey("goals.id", ondelete="SET NULL"))
    text = Column(Text, nullable=False)
    skipped = Column(Boolean, nullable=False, default=False)
    truncated = Column(Boolean, nullable=False, default=False)
    expressed_by = Column(String(16), nullable=False, default="self")
    expressed_by_relationship = Column(String(200))
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)
    # The person took this answer off ("that's not what I meant", "take that off"). It is
    # kept, not deleted: it may hold words a clinician needs (hazard H22 in
    # docs/safety-and-privacy.md); the summary shows it as taken off, with when.
    removed_at = Column(DateTime)

    plan = relationship("Plan", back_populates="answers")


class Flag(Base):
    """A red flag raised in the chat, shown to the care team."""

    __tablename__ = "flags"

    id = Column(Integer, primary_key=True)
    plan_id = Column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    sender = Column(String(128), nullable=False, index=True)
    kind = Column(String(32), nullable=False)
    message = Column(Text, nullable=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    # A clinician acknowledges a flag with a note of what was done.
    acknowledged_by = Column(String(200))
    acknowledged_at = Column(DateTime)
    acknowledged_note = Column(Text)
    # The person said the bot misread this message ("that's not what I meant"):
    # the flag stays for the care team, with their words and when they said it.
    misunderstood_words = Column(Text)
    misunderstood_at = Column(DateTime)
    # What the person told us while the emergency was paused ("the paramedics think it
    # was a TIA"): a JSON list of {"words", "at"}, oldest first (see ``told_after``).
    later_words = Column(Text)

    plan = relationship("Plan", back_populates="flags")

    @property
    def misunderstood(self) -> dict[str, str] | None:
        if self.misunderstood_at is None:
            return None
        at = self.misunderstood_at.isoformat(timespec="seconds")
        return {"words": self.misunderstood_words or "", "at": at}

    @property
    def told_after(self) -> list[dict[str, str]]:
        return json.loads(self.later_words) if self.later_words else []


class Clinician(Base):
    __tablename__ = "clinicians"

    id = Column(Integer, primary_key=True)
    username = Column(String(200), nullable=False, unique=True)
    password_hash = Column(String(400), nullable=False)
    team = Column(String(100), nullable=False, default=DEFAULT_TEAM, server_default=DEFAULT_TEAM)
    disabled_at = Column(DateTime)  # set: can't log in, and every session is ended
    totp_secret = Column(String(64))  # set: a second factor (TOTP) is asked at login
    password_changed_at = Column(DateTime)
    created_at = Column(DateTime, nullable=False, default=utcnow)


class ClinicianSession(Base):
    """A logged-in browser. The cookie holds a random token; only its SHA-256 is kept here."""

    __tablename__ = "clinician_sessions"

    token_hash = Column(String(64), primary_key=True)
    clinician_id = Column(
        Integer, ForeignKey("clinicians.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at = Column(DateTime, nullable=False, default=utcnow)
    last_seen_at = Column(DateTime, nullable=False, default=utcnow)
    revoked_at = Column(DateTime)
    address = Column(String(64))
    user_agent = Column(String(300))


class LoginThrottle(Base):
    """Failed logins per account name or per address, for a growing delay (never a lockout)."""

    __tablename__ = "login_throttle"

    key = Column(String(300), primary_key=True)  # "user:<name>" or "addr:<address>"
    failures = Column(Integer, nullable=False, default=0)
    last_failure_at = Column(DateTime, nullable=False, default=utcnow)
    wait_until = Column(DateTime, nullable=False, default=utcnow)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    actor = Column(String(200), nullable=False)
    action = Column(String(64), nullable=False)
    plan_id = Column(Integer, index=True)
    goal_id = Column(Integer)
    detail = Column(Text)
    address = Column(String(64))
    user_agent = Column(String(300))
    at = Column(DateTime, nullable=False, default=utcnow)
