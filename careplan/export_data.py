"""The plan as plain data: the shape ``careplan export --format json`` prints.

Every other export (Markdown, HTML, PDF, FHIR) and the care-team page are
built from this one dictionary, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from careplan import questions
from careplan.models import Flag, Goal, GoalDecision, Plan
from careplan.vocab import BASES, CARER, DOMAINS

# Answers that describe the person's life, in the order a summary shows them,
# and a carer's own answers: from the question catalogue.
LIFE_KEYS = tuple(questions.labels("life", "support", "after"))
CARER_KEYS = tuple(questions.keys(stage="carer"))


def plan_dict(plan: Plan, loose_flags: Iterable[Flag] = ()) -> dict[str, Any]:
    rows = sorted(plan.goals, key=lambda g: (g.priority, g.id))
    person_goals = [_goal(g) for g in rows if not g.for_carer]
    carer_goals = [_goal(g) for g in rows if g.for_carer]
    answers = [
        {
            "question_key": a.question_key,
            "text": a.text,
            "skipped": a.skipped,
            "truncated": a.truncated,
            "goal_id": a.goal_id,
            "expressed_by": a.expressed_by,
            "expressed_by_relationship": a.expressed_by_relationship,
            "created_at": iso(a.created_at),
            "updated_at": iso(a.updated_at),
        }
        for a in plan.answers
        if a.removed_at is None
    ]
    # Answers the person took off: kept, with when, as they may hold words a clinician needs
    # (once each: a goal's words are kept when taken back and again when the goal goes).
    taken_off: dict[tuple[str, str], dict[str, Any]] = {}
    for a in sorted(plan.answers, key=lambda a: (a.removed_at or a.created_at, a.id)):
        if a.removed_at is not None and not a.skipped and a.text:
            taken_off.setdefault(
                (a.question_key, a.text),
                {
                    "question_key": a.question_key,
                    "text": a.text,
                    "expressed_by": a.expressed_by,
                    "removed_at": iso(a.removed_at),
                },
            )
    latest = {a["question_key"]: a for a in answers if a["goal_id"] is None}
    flags = sorted([*plan.flags, *loose_flags], key=lambda f: (f.created_at, f.id))
    is_carer = plan.recorded_by_role == CARER
    return {
        "sender": plan.sender,
        "plan_id": plan.id,
        "status": plan.status,
        "shared": plan.shared,
        "shared_at": iso(plan.shared_at),
        "created_at": iso(plan.created_at),
        "updated_at": iso(plan.updated_at),
        "completed_at": iso(plan.completed_at),
        "reviewed_at": iso(plan.reviewed_at),
        "team": plan.team,
        "recorded_by": {
            "role": plan.recorded_by_role,
            "name": plan.carer_name if is_carer else plan.subject_name,
            "relationship": plan.carer_relationship if is_carer else None,
            "basis": plan.carer_basis if is_carer else None,
            "basis_label": BASES.get(plan.carer_basis or "") if is_carer else None,
            "contact": plan.carer_contact if is_carer else None,
        },
        "subject": {
            "name": plan.subject_name,
            "preferred_name": plan.preferred_name,
            "present": plan.person_present,
            "date_of_birth": iso(plan.date_of_birth),
            "nhs_number": plan.nhs_number,
            "contact": plan.contact,
        },
        "appointment": {
            "with": plan.appointment_with,
            "date": iso(plan.appointment_date),
            "time": plan.appointment_time,
            "when_text": plan.appointment_when_text,
            "reason": plan.appointment_reason,
        },
        "life": {key: _answer_text(latest.get(key)) for key in LIFE_KEYS},
        "one_thing": next((g for g in person_goals if g["one_thing"]), None),
        "questions": _answer_text(latest.get("questions")),
        "goals": person_goals,
        "carer_needs": {
            "answers": {key: _answer_text(latest.get(key)) for key in CARER_KEYS},
            "goals": carer_goals,
        }
        if is_carer
        else None,
        "answers": answers,
        "taken_off": list(taken_off.values()),
        "flags": [flag_dict(f) for f in flags],
    }


def flag_dict(flag: Flag) -> dict[str, Any]:
    return {
        "id": flag.id,
        "kind": flag.kind,
        "message": flag.message,
        "created_at": iso(flag.created_at),
        "acknowledged_by": flag.acknowledged_by,
        "acknowledged_at": iso(flag.acknowledged_at),
        "acknowledged_note": flag.acknowledged_note,
        # Set when the person said the bot misread them ("that's not what I meant").
        "misunderstood": flag.misunderstood,
        # What they told us while the emergency was paused, oldest first.
        "told_after": flag.told_after,
    }


def _goal(goal: Goal) -> dict[str, Any]:
    data = goal_dict(goal)
    data["domain_label"] = DOMAINS.get(goal.domain, goal.domain)
    return data


def _answer_text(answer: dict[str, Any] | None) -> str | None:
    if answer is None or answer["skipped"]:
        return None
    return answer["text"]


def goal_dict(goal: Goal) -> dict[str, Any]:
    return {
        "id": goal.id,
        "title": goal.title,
        "text": goal.text,
        "domain": goal.domain,
        "priority": goal.priority,
        "one_thing": goal.one_thing,
        "status": goal.status,
        "expressed_by": goal.expressed_by,
        "expressed_by_relationship": goal.expressed_by_relationship,
        "why": goal.why,
        "barriers": goal.barriers,
        "helps": goal.helps,
        "target_date": iso(goal.target_date),
        "clinician_text": goal.clinician_text,
        "clinician_reason": goal.clinician_reason,
        "reviewed_by": goal.reviewed_by,
        "reviewed_at": iso(goal.reviewed_at),
        "review_date": iso(goal.review_date),
        "actions": [
            {"who": a.who, "what": a.what, "by_when": iso(a.by_when), "added_by": a.added_by}
            for a in goal.actions
        ],
        "decisions": [decision_dict(d) for d in goal.decisions],
        "created_at": iso(goal.created_at),
        "updated_at": iso(goal.updated_at),
    }


def decision_dict(decision: GoalDecision) -> dict[str, Any]:
    """One clinician decision on a goal; the history keeps every one."""
    return {
        "id": decision.id,
        "status": decision.status,
        "clinician_text": decision.clinician_text,
        "reason": decision.reason,
        "decided_by": decision.decided_by,
        "decided_at": iso(decision.decided_at),
    }


def iso(value: date | datetime | None) -> str | None:
    """A date or time as ISO 8601 text; None stays None."""
    return value.isoformat() if value is not None else None
