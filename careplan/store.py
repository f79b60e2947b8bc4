"""The one way into the care-plan database.

Every write is its own short transaction, so an answer is on disk the moment
``record_answer`` returns. Database faults surface as :class:`StoreUnavailable`
so that callers can tell the person plainly and keep the answer to retry.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, selectinload, sessionmaker
from sqlalchemy.sql import Select

from careplan import db
from careplan.export_data import goal_dict, plan_dict
from careplan.models import DEFAULT_TEAM, Answer, AuditEntry, Flag, Goal, Plan, utcnow
from careplan.vocab import CARER, MAX_ANSWER_CHARS, SELF

T = TypeVar("T")
# The two tables written every turn, by Core statements (see _write_changes), each
# statement built once: building one and working out its cache key cost as much again.
PLANS: Table = Plan.__table__
ANSWERS: Table = Answer.__table__
WORDS = ("text", "skipped", "truncated", "expressed_by", "expressed_by_relationship")
_PLAN_ROW = select(PLANS).where(PLANS.c.id == bindparam("plan"))
_TOUCH_PLAN = update(PLANS).where(PLANS.c.id == bindparam("plan")).values(updated_at=bindparam("now"))
_NEW_ANSWER = insert(ANSWERS)
_CHANGE = {table: update(table).where(table.c.id == bindparam("row")) for table in (PLANS, ANSWERS)}


def _standing(*columns: Any, skipped: bool | None = None) -> dict[bool, Select]:
    """The answer standing for one question (not taken off), with and without a goal."""
    found = {}
    for goal in (False, True):
        where = [
            ANSWERS.c.plan_id == bindparam("plan"),
            ANSWERS.c.question_key == bindparam("key"),
            ANSWERS.c.goal_id == bindparam("goal") if goal else ANSWERS.c.goal_id.is_(None),
            ANSWERS.c.removed_at.is_(None),
        ]
        if skipped is not None:
            where.append(ANSWERS.c.skipped.is_(skipped))
        found[goal] = select(*columns).where(*where)
    return found


_ANSWER_NOW = _standing(ANSWERS.c.id, *(ANSWERS.c[key] for key in WORDS))
_ANSWER_TEXT = _standing(ANSWERS.c.text, skipped=False)

PLAN_FIELDS = {
    "recorded_by_role",
    "carer_name",
    "carer_relationship",
    "carer_basis",
    "person_present",
    "subject_name",
    "preferred_name",
    "appointment_with",
    "appointment_date",
    "appointment_when_text",
    "appointment_reason",
    "date_of_birth",
    "nhs_number",
    "carer_contact",
    "contact",
    "appointment_time",
    "team",
    "status",
    "shared",
    "shared_at",
    "reviewed_at",
    "completed_at",
}
GOAL_FIELDS = {
    "text",
    "title",
    "domain",
    "priority",
    "one_thing",
    "why",
    "barriers",
    "helps",
    "target_date",
    "status",
    "clinician_text",
    "clinician_reason",
    "reviewed_by",
    "reviewed_at",
    "review_date",
}


class StoreUnavailable(RuntimeError):
    """The database could not be reached or was locked for too long."""


class UnknownPlan(LookupError):
    """No plan with that id (or for that sender)."""


def clip(text: str) -> tuple[str, bool]:
    """Cut text to the stored limit; say whether anything was cut."""
    if len(text) <= MAX_ANSWER_CHARS:
        return text, False
    return text[:MAX_ANSWER_CHARS], True


class Store:
    def __init__(self, url: str | None = None, *, migrate: bool = True, retries: int = 3) -> None:
        self.url = url or db.database_url()
        if migrate:
            db.migrate(self.url)
        self.engine = db.make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, future=True)
        self._retries = retries

    # -- plumbing -------------------------------------------------------
    @contextmanager
    def _session(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    def _run(self, work: Callable[[Session], T]) -> T:
        """Run one transaction, retrying briefly if the database is busy or away."""
        delay = 0.2
        for attempt in range(self._retries):
            try:
                with self._session() as session:
                    return work(session)
            except (OperationalError, DBAPIError) as exc:
                if attempt == self._retries - 1:
                    raise StoreUnavailable("the care-plan database is unavailable") from exc
                time.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")

    @staticmethod
    def _plan(session: Session, plan_id: int) -> Plan:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise UnknownPlan(plan_id)
        return plan

    # -- plans ----------------------------------------------------------
    def new_plan(self, sender: str, **fields: Any) -> int:
        def work(session: Session) -> int:
            plan = Plan(sender=sender, **_only(fields, PLAN_FIELDS))
            session.add(plan)
            session.flush()
            return plan.id

        return self._run(work)

    def plan_exists(self, plan_id: int, sender: str | None = None) -> bool:
        def work(session: Session) -> bool:
            plan = session.get(Plan, plan_id)
            return plan is not None and (sender is None or plan.sender == sender)

        return self._run(work)

    def update_plan(self, plan_id: int, **fields: Any) -> None:
        def work(session: Session) -> None:
            current = session.connection().execute(_PLAN_ROW, {"plan": plan_id}).first()
            _write_changes(session, PLANS, _existing(current, plan_id), _only(fields, PLAN_FIELDS))
            if fields.get("carer_relationship"):
                # Answers the carer gave before saying how they are related get it too.
                for table in (Answer, Goal):
                    session.execute(
                        update(table)
                        .where(table.plan_id == plan_id, table.expressed_by == CARER)
                        .values(expressed_by_relationship=fields["carer_relationship"])
                    )

        self._run(work)

    def plans_for_sender(self, sender: str) -> list[dict[str, Any]]:
        def work(session: Session) -> list[dict[str, Any]]:
            plans = session.scalars(
                select(Plan).where(Plan.sender == sender).order_by(Plan.updated_at.desc(), Plan.id.desc())
            )
            return [
                {
                    "id": p.id,
                    "subject_name": p.subject_name,
                    "preferred_name": p.preferred_name,
                    "recorded_by_role": p.recorded_by_role,
                    "status": p.status,
                    "updated_at": p.updated_at,
                }
                for p in plans
            ]

        return self._run(work)

    def latest_plan_id(self, sender: str) -> int | None:
        plans = self.plans_for_sender(sender)
        return plans[0]["id"] if plans else None

    # -- answers --------------------------------------------------------
    def record_answer(
        self,
        plan_id: int,
        question_key: str,
        text: str,
        *,
        goal_id: int | None = None,
        skipped: bool = False,
        expressed_by: str | None = None,
    ) -> bool:
        """Store (or replace) the answer to one question. Returns True if text was cut."""
        stored, truncated = clip(text)

        def work(session: Session) -> bool:
            connection = session.connection()
            plan = connection.execute(_PLAN_ROW, {"plan": plan_id}).first()
            who, relationship = _speaker(_existing(plan, plan_id), expressed_by)
            words = dict(zip(WORDS, (stored, skipped, truncated, who, relationship), strict=True))
            which = {"plan": plan_id, "key": question_key, "goal": goal_id}
            answer = connection.execute(_ANSWER_NOW[goal_id is not None], which).first()
            connection.execute(_TOUCH_PLAN, {"plan": plan_id, "now": utcnow()})
            if answer is None:
                connection.execute(
                    _NEW_ANSWER,
                    {"plan_id": plan_id, "question_key": question_key, "goal_id": goal_id, **words},
                )
            else:
                _write_changes(session, ANSWERS, answer, words)
            return truncated

        return self._run(work)

    def answer_text(self, plan_id: int, question_key: str, goal_id: int | None = None) -> str | None:
        """The words of the answer standing for one question (not taken off, not skipped);
        None when there is none."""

        def work(session: Session) -> str | None:
            which = {"plan": plan_id, "key": question_key, "goal": goal_id}
            return session.connection().execute(_ANSWER_TEXT[goal_id is not None], which).scalar()

        return self._run(work)

    def take_off_answer(self, plan_id: int, question_key: str, goal_id: int | None = None) -> bool:
        """The person took an answer off: it no longer counts as their answer, but its words
        are kept, marked with when, for the care team (hazard H22). False if there was none."""

        def work(session: Session) -> bool:
            answers = session.scalars(
                select(Answer).where(
                    Answer.plan_id == plan_id,
                    Answer.question_key == question_key,
                    Answer.goal_id.is_(None) if goal_id is None else Answer.goal_id == goal_id,
                    Answer.removed_at.is_(None),
                )
            ).all()
            for answer in answers:
                _take_off(session, answer)
            return bool(answers)

        return self._run(work)

    def last_taken_off(self, plan_id: int, question_key: str) -> str | None:
        """The words of the answer to a plan-wide question most recently taken off (not
        skipped), for "put them back"; None when none was."""

        def work(session: Session) -> str | None:
            return session.scalars(
                select(Answer.text)
                .where(
                    Answer.plan_id == plan_id,
                    Answer.question_key == question_key,
                    Answer.goal_id.is_(None),
                    Answer.removed_at.is_not(None),
                    Answer.skipped.is_(False),
                )
                .order_by(Answer.removed_at.desc(), Answer.id.desc())
            ).first()

        return self._run(work)

    def last_goal_words_changed(self, plan_id: int) -> tuple[int, str] | None:
        """The goal whose words were changed last, with the words it had before, for "put the
        goal back"; None when no goal still on the plan was reworded."""

        def work(session: Session) -> tuple[int, str] | None:
            found = session.execute(
                select(Answer.goal_id, Answer.text)
                .join(Goal, Goal.id == Answer.goal_id)
                .where(
                    Answer.plan_id == plan_id,
                    Answer.question_key == "goal_text",
                    Answer.removed_at.is_not(None),
                )
                .order_by(Answer.removed_at.desc(), Answer.id.desc())
            ).first()
            return (int(found[0]), str(found[1])) if found else None

        return self._run(work)

    # -- goals ----------------------------------------------------------
    def add_goal(
        self,
        plan_id: int,
        text: str,
        title: str,
        domain: str,
        *,
        for_carer: bool = False,
        expressed_by: str | None = None,
        **fields: Any,
    ) -> int:
        stored, _ = clip(text)

        def work(session: Session) -> int:
            plan = self._plan(session, plan_id)
            who, relationship = _speaker(plan, expressed_by)
            count = session.scalar(
                select(func.count(Goal.id)).where(Goal.plan_id == plan_id, Goal.for_carer == for_carer)
            )
            goal = Goal(
                plan_id=plan_id,
                text=stored,
                title=title,
                domain=domain,
                for_carer=for_carer,
                priority=(count or 0) + 1,
                expressed_by=who,
                expressed_by_relationship=relationship,
                **_only(fields, GOAL_FIELDS),
            )
            session.add(goal)
            plan.updated_at = utcnow()
            session.flush()
            return goal.id

        return self._run(work)

    def goal_text(self, plan_id: int, goal_id: int) -> str | None:
        """The words of one goal on the plan (None if the plan has no such goal)."""

        def work(session: Session) -> str | None:
            return session.scalar(select(Goal.text).where(Goal.id == goal_id, Goal.plan_id == plan_id))

        return self._run(work)

    def update_goal(self, goal_id: int, **fields: Any) -> None:
        def work(session: Session) -> None:
            goal = session.get(Goal, goal_id)
            if goal is None:
                raise UnknownPlan(f"goal {goal_id}")
            for key, value in _only(fields, GOAL_FIELDS).items():
                if key in {"text", "why", "barriers", "helps"} and isinstance(value, str):
                    value = clip(value)[0]
                setattr(goal, key, value)

        self._run(work)

    def remove_goal(self, plan_id: int, goal_id: int) -> bool:
        def work(session: Session) -> bool:
            goal = session.get(Goal, goal_id)
            if goal is None or goal.plan_id != plan_id:
                return False
            # Its words stay on record as taken off (hazard H22), the goal's own words first.
            words = Answer(
                plan_id=plan_id, question_key="goal_text", text=goal.text, expressed_by=goal.expressed_by
            )
            session.add(words)
            for answer in [words, *session.scalars(select(Answer).where(Answer.goal_id == goal_id))]:
                answer.goal_id = None
                _take_off(session, answer)
            session.delete(goal)
            session.flush()
            _renumber(session, plan_id)
            return True

        return self._run(work)

    def set_one_thing(self, plan_id: int, goal_id: int) -> bool:
        """Make one goal the focus for this appointment: priority 1, others after it."""

        def work(session: Session) -> bool:
            target = session.get(Goal, goal_id)
            if target is None or target.plan_id != plan_id or target.for_carer:
                return False
            for goal in session.scalars(select(Goal).where(Goal.plan_id == plan_id)):
                goal.one_thing = goal.id == goal_id
            session.flush()
            _renumber(session, plan_id)
            return True

        return self._run(work)

    def goals(self, plan_id: int, *, for_carer: bool = False) -> list[dict[str, Any]]:
        def work(session: Session) -> list[dict[str, Any]]:
            rows = session.scalars(
                select(Goal)
                .where(Goal.plan_id == plan_id, Goal.for_carer == for_carer)
                .order_by(Goal.priority, Goal.id)
            )
            return [goal_dict(g) for g in rows]

        return self._run(work)

    # -- flags ----------------------------------------------------------
    def add_flag(self, sender: str, kind: str, message: str, plan_id: int | None = None) -> int:
        stored, _ = clip(message)

        def work(session: Session) -> int:
            flag = Flag(sender=sender, plan_id=plan_id, kind=kind, message=stored)
            session.add(flag)
            session.flush()
            return flag.id

        return self._run(work)

    def last_flag_id(self, sender: str, kind: str) -> int | None:
        """The newest flag of this kind raised in this sender's chat (None if there is none):
        news of an emergency told after the chat carried on is added to it."""

        def work(session: Session) -> int | None:
            query = select(Flag.id).where(Flag.sender == sender, Flag.kind == kind)
            return session.scalars(query.order_by(Flag.id.desc()).limit(1)).first()

        return self._run(work)

    def flag_notes(self, sender: str) -> list[tuple[int, bool]]:
        """This sender's flags, oldest first, each as (id, marked misunderstood): what the bot
        answers when asked "is the note still on my plan?"."""

        def work(session: Session) -> list[tuple[int, bool]]:
            query = select(Flag.id, Flag.misunderstood_at).where(Flag.sender == sender).order_by(Flag.id)
            return [(flag_id, at is not None) for flag_id, at in session.execute(query)]

        return self._run(work)

    # -- reading a whole plan ---------------------------------------------
    def export(self, plan_id: int) -> dict[str, Any]:
        def work(session: Session) -> dict[str, Any]:
            # Everything the export reads, in one query per table rather than per goal.
            plan = session.get(
                Plan,
                plan_id,
                options=[
                    selectinload(Plan.answers),
                    selectinload(Plan.flags),
                    selectinload(Plan.goals).selectinload(Goal.actions),
                    selectinload(Plan.goals).selectinload(Goal.decisions),
                ],
            )
            if plan is None:
                raise UnknownPlan(plan_id)
            loose_flags = session.scalars(
                select(Flag).where(Flag.sender == plan.sender, Flag.plan_id.is_(None))
            ).all()
            return plan_dict(plan, loose_flags)

        return self._run(work)

    def export_sender(self, sender: str) -> list[dict[str, Any]]:
        return [self.export(p["id"]) for p in reversed(self.plans_for_sender(sender))]

    def delete_plan(self, plan_id: int) -> None:
        """Remove one plan's answers and goals (starting again). Its red flags stay on record."""

        def work(session: Session) -> None:
            session.execute(update(Flag).where(Flag.plan_id == plan_id).values(plan_id=None))
            session.execute(delete(Answer).where(Answer.plan_id == plan_id))
            session.execute(delete(Goal).where(Goal.plan_id == plan_id))
            session.execute(delete(Plan).where(Plan.id == plan_id))

        self._run(work)

    # -- data rights ------------------------------------------------------
    def delete_sender(self, sender: str) -> int:
        """Erase every plan, answer, goal and flag for one sender. Returns plans removed."""

        def work(session: Session) -> int:
            plan_ids = session.scalars(select(Plan.id).where(Plan.sender == sender)).all()
            if plan_ids:
                session.execute(delete(Answer).where(Answer.plan_id.in_(plan_ids)))
                session.execute(delete(Goal).where(Goal.plan_id.in_(plan_ids)))
                session.execute(delete(Flag).where(Flag.plan_id.in_(plan_ids)))
                session.execute(delete(AuditEntry).where(AuditEntry.plan_id.in_(plan_ids)))
                session.execute(delete(Plan).where(Plan.id.in_(plan_ids)))
            session.execute(delete(Flag).where(Flag.sender == sender))
            return len(plan_ids)

        removed = self._run(work)
        db.forget_old_pages(self.engine)
        return removed

    def senders_idle_since(self, cutoff: datetime) -> list[str]:
        def work(session: Session) -> list[str]:
            rows = session.execute(
                select(Plan.sender).group_by(Plan.sender).having(func.max(Plan.updated_at) < cutoff)
            )
            return [sender for (sender,) in rows]

        return self._run(work)

    # -- sharing with a care team -----------------------------------------
    def share(self, plan_id: int, team: str | None = None) -> str:
        """Share a finished plan with one care team (a practice); only its clinicians see it.

        ``team`` defaults to this deployment's ``CARETEAM_TEAM`` (or ``default``).
        Returns the team it was shared with.
        """
        team = (team or sharing_team()).strip()

        def work(session: Session) -> None:
            plan = self._plan(session, plan_id)
            plan.shared, plan.shared_at, plan.team = True, utcnow(), team

        self._run(work)
        return team

    def add_flag_news(self, flag_id: int, words: str, at: datetime) -> bool:
        """Add what the person told us after the flag ("the paramedics think it was a TIA"),
        with the time, to the flag's record. Returns False for an unknown flag."""
        stored, _ = clip(words)

        def work(session: Session) -> bool:
            flag = session.get(Flag, flag_id)
            if flag is None:
                return False
            told = [*flag.told_after, {"words": stored, "at": at.isoformat(timespec="seconds")}]
            flag.later_words = json.dumps(told)
            return True

        return self._run(work)

    def mark_misunderstood(self, flag_id: int, words: str, at: datetime) -> bool:
        """Note on a flag that the person said it was a misunderstanding. The flag stays.

        The first note is kept if they say it twice. Returns False for an unknown flag.
        """
        stored, _ = clip(words)

        def work(session: Session) -> bool:
            flag = session.get(Flag, flag_id)
            if flag is None:
                return False
            if flag.misunderstood_at is None:
                flag.misunderstood_words, flag.misunderstood_at = stored, at
            return True

        return self._run(work)


def sharing_team() -> str:
    """The care team this deployment's chat shares plans with (``CARETEAM_TEAM``)."""
    return os.environ.get("CARETEAM_TEAM", "").strip() or DEFAULT_TEAM


def _only(fields: dict[str, Any], allowed: set[str]) -> dict[str, Any]:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    return fields


def _existing(row: Row | None, plan_id: int) -> Row:
    if row is None:
        raise UnknownPlan(plan_id)
    return row


def _write_changes(session: Session, table: Table, row: Row, values: dict[str, Any]) -> None:
    """Set the columns of ``row`` (read with its id and these columns) whose values differ.

    As the ORM's flush would: nothing is written when nothing changed, so a row's
    ``updated_at`` (set on every UPDATE) moves only when it did. Core statements, not
    loaded objects: the ORM's bookkeeping was most of the action server's time a turn.
    """
    changed = {key: value for key, value in values.items() if row._mapping[key] != value}
    if changed:
        session.connection().execute(_CHANGE[table], {"row": row.id, **changed})


def _speaker(plan: Plan | Row, expressed_by: str | None) -> tuple[str, str | None]:
    """Who is speaking: the plan's recorder unless said otherwise."""
    who = expressed_by or plan.recorded_by_role or SELF
    return who, plan.carer_relationship if who == CARER else None


def _take_off(session: Session, answer: Answer) -> None:
    answer.removed_at = utcnow()
    session.flush()


def _renumber(session: Session, plan_id: int) -> None:
    """Priorities run 1..n with the one thing first, then in the order given."""
    for for_carer in (False, True):
        goals = session.scalars(
            select(Goal)
            .where(Goal.plan_id == plan_id, Goal.for_carer == for_carer)
            .order_by(Goal.one_thing.desc(), Goal.priority, Goal.id)
        ).all()
        for number, goal in enumerate(goals, start=1):
            goal.priority = number
