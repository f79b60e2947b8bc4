"""The clinician's one-page summary, as a model every output is drawn from.

It is built from the export dictionary (:func:`careplan.export_data.plan_dict`),
so the care-team page, the HTML, Markdown and PDF exports all show the same
thing in the same order. Each piece of text says who said it and whether it is
verbatim (the person's or carer's own words) or the bot's short title, so a
clinician never mistakes a paraphrase, or a carer's words, for the person's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from careplan import clock, identity, questions
from careplan.vocab import ACCEPTED, CARER, DRAFT, EDITED, MAX_ANSWER_CHARS, REJECTED

TOP_PRIORITIES = 3

# The questions about the person's life, and a carer's own, in the order the
# summary shows them, labelled as the question catalogue says.
ABOUT_LABELS: dict[str, str] = questions.labels("life", "support", "after")
CARER_LABELS: dict[str, str] = {key: questions.question(key).label for key in questions.keys(stage="carer")}
STATUS_LABELS: dict[str, str] = {
    DRAFT: "Draft: not yet reviewed",
    ACCEPTED: "Accepted",
    EDITED: "Accepted with new wording",
    REJECTED: "Not taken forward",
}
FLAG_LABELS: dict[str, str] = {
    "emergency": "Emergency: told to call 999",
    "crisis": "Mental health crisis: told about NHS 111 option 2 and Samaritans",
    "safeguarding": "Safeguarding: someone may be in danger",
    "urgent": "Urgent: may need NHS 111",
}


@dataclass(frozen=True)
class Said:
    """One answer, exactly as typed, with who said it."""

    label: str
    text: str
    by: str  # a name, e.g. "Peggy" or "Sarah, daughter (carer)"
    role: str  # self or carer
    cut: bool = False  # longer than we keep: the rest was not stored


@dataclass(frozen=True)
class DecisionView:
    """One clinician decision on a goal, as the history shows it."""

    id: int
    status: str
    status_label: str
    by: str
    at: str
    clinician_text: str | None
    reason: str | None


@dataclass(frozen=True)
class ActionView:
    who: str
    what: str
    by_when: str | None


@dataclass(frozen=True)
class GoalView:
    id: int
    number: int
    title: str  # the bot's short title: not verbatim
    text: str  # the person's (or carer's) own words
    by: str
    domain: str
    domain_label: str
    one_thing: bool
    for_carer: bool
    why: str | None
    barriers: str | None
    helps: str | None
    target_date: str | None
    status: str
    status_label: str
    clinician_text: str | None
    clinician_reason: str | None
    reviewed_by: str | None
    reviewed_at: str | None
    review_date: str | None
    actions: list[ActionView]
    decisions: list[DecisionView]

    @property
    def cut(self) -> bool:
        """The person's words were longer than we keep: the end is missing."""
        return len(self.text) >= MAX_ANSWER_CHARS

    @property
    def latest_decision(self) -> DecisionView | None:
        return self.decisions[-1] if self.decisions else None

    @property
    def taken_forward(self) -> bool:
        return self.status in {ACCEPTED, EDITED}

    @property
    def label(self) -> str:
        """How buttons and headings name it: "goal 2", or "carer's need 1"."""
        return f"carer's need {self.number}" if self.for_carer else f"goal {self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == DRAFT

    @property
    def details(self) -> list[tuple[str, str]]:
        """Why / barriers / what would help, leaving out what wasn't answered."""
        rows = [("Why it matters", self.why), ("What gets in the way", self.barriers)]
        rows.append(("What would help", self.helps))
        return [(label, value) for label, value in rows if value]


@dataclass(frozen=True)
class FlagView:
    id: int | None
    kind: str
    label: str
    message: str
    at: str
    acknowledged_by: str | None
    acknowledged_at: str | None
    acknowledged_note: str | None
    # Set when the person said the bot misread them: their words ("words") and when ("at").
    misunderstood: dict[str, str] | None
    # What they told us while the emergency was paused: (when, their words), oldest first.
    told_after: list[tuple[str, str]]

    @property
    def open(self) -> bool:
        return self.acknowledged_at is None


@dataclass(frozen=True)
class Summary:
    plan_id: int
    name: str
    full_name: str | None
    preferred_name: str | None
    date_of_birth: str | None
    age: int | None
    nhs_number: str | None
    carer_contact: str | None
    contact: str | None  # the person's own, when they write for themselves
    recorded_by: str
    is_carer: bool
    carer_basis: str | None
    person_present: str | None
    appointment_with: str | None
    appointment_when: str | None
    appointment_date: str | None
    appointment_reason: str | None
    plan_status: str
    shared_at: str | None
    reviewed_at: str | None
    one_thing: GoalView | None
    priorities: list[GoalView]
    goals: list[GoalView]
    own_words: list[Said]  # what matters, a good day, strengths, worries: said by the person
    carer_view: list[Said]  # the same questions, answered by a carer about the person
    questions: Said | None
    carer_needs: list[Said]  # the carer's own needs: about the carer, not the person
    carer_goals: list[GoalView]
    flags: list[FlagView]
    taken_off: list[Said]  # answers the person took off in the chat, kept with when (hazard H22)

    @property
    def drafts_left(self) -> int:
        return sum(g.is_draft for g in self.all_goals)

    @property
    def all_goals(self) -> list[GoalView]:
        return [*self.goals, *self.carer_goals]

    @property
    def open_flags(self) -> list[FlagView]:
        return [f for f in self.flags if f.open]

    @property
    def banner(self) -> list[tuple[str, str]]:
        """Who this is, to match the right record: full name, date of birth, NHS number."""
        born = f"{self.date_of_birth} (age {self.age})" if self.date_of_birth else "Not given"
        return [
            ("Name", self.full_name or self.name),
            ("Born", born),
            ("NHS number", self.nhs_number or "Not given"),
        ]

    @property
    def facts(self) -> list[tuple[str, str]]:
        """The header lines: who, who answered, the appointment, the plan's state."""
        appointment = ", ".join(x for x in (self.appointment_with, self.appointment_when) if x)
        rows = [
            ("Likes to be called", self.preferred_name),
            ("Recorded by", self.recorded_by),
            ("Carer's contact", self.carer_contact),
            ("How to contact them", self.contact),
            ("Basis for speaking for them", self.carer_basis),
            ("Person there during the chat", self.person_present),
            ("Appointment", appointment or "Not given"),
            ("What for (their words)", self.appointment_reason),
            ("Plan", self.plan_status),
            ("Shared with the care team", self.shared_at),
            ("Reviewed", self.reviewed_at),
        ]
        return [(label, value) for label, value in rows if value]

    @property
    def sections(self) -> list[tuple[str, list[Said]]]:
        """The "about the person" sections in reading order; a carer's view is kept apart."""
        if not self.is_carer:
            return [("What matters, in their own words", self.own_words), *self._taken_off]
        sections = [(f"In {self.name}'s own words", self.own_words)] if self.own_words else []
        return [*sections, (f"What the carer told us about {self.name}", self.carer_view), *self._taken_off]

    @property
    def _taken_off(self) -> list[tuple[str, list[Said]]]:
        return (
            [("Taken off during the chat (kept in case it matters)", self.taken_off)]
            if self.taken_off
            else []
        )


def build(plan: dict[str, Any], today: date | None = None) -> Summary:
    """Turn one export dictionary into the summary a clinician reads."""
    today = today or clock.today()
    subject = plan.get("subject") or {}
    recorder = plan.get("recorded_by") or {}
    appointment = plan.get("appointment") or {}
    is_carer = recorder.get("role") == CARER
    name = subject.get("preferred_name") or subject.get("name") or "the person"
    speakers = _Speakers(name, recorder)

    latest = {a["question_key"]: a for a in plan.get("answers", []) if a.get("goal_id") is None}
    about = _said(latest, ABOUT_LABELS, speakers)
    questions = _said(latest, {"questions": "Their questions"}, speakers)
    carer_needs = _said(latest, CARER_LABELS, speakers) if is_carer else []

    goals = [_goal(g, n, speakers) for n, g in enumerate(plan.get("goals", []), start=1)]
    carer_goals = [
        _goal(g, n, speakers, for_carer=True)
        for n, g in enumerate(((plan.get("carer_needs") or {}).get("goals") or []), start=1)
    ]
    return Summary(
        plan_id=plan["plan_id"],
        name=name,
        full_name=subject.get("name"),
        preferred_name=subject.get("preferred_name"),
        date_of_birth=human_date(subject.get("date_of_birth")),
        age=identity.age_from(subject.get("date_of_birth"), today),
        nhs_number=nhs_display(subject.get("nhs_number")),
        carer_contact=recorder.get("contact") if is_carer else None,
        contact=None if is_carer else subject.get("contact"),
        recorded_by=speakers.recorder_line(),
        is_carer=is_carer,
        carer_basis=recorder.get("basis_label") if is_carer else None,
        person_present=_yes_no(subject.get("present")) if is_carer else None,
        appointment_with=appointment.get("with"),
        appointment_when=_when(appointment),
        appointment_date=appointment.get("date"),
        appointment_reason=appointment.get("reason"),
        plan_status="Finished and confirmed" if plan.get("status") == "completed" else "Not finished yet",
        shared_at=human_time(plan.get("shared_at")),
        reviewed_at=human_time(plan.get("reviewed_at")),
        one_thing=next((g for g in goals if g.one_thing), None),
        priorities=goals[:TOP_PRIORITIES],
        goals=goals,
        own_words=[s for s in about if s.role != CARER],
        carer_view=[s for s in about if s.role == CARER],
        questions=questions[0] if questions else None,
        carer_needs=carer_needs,
        carer_goals=carer_goals,
        flags=[_flag(f) for f in plan.get("flags", [])],
        taken_off=[_taken_off(a, speakers) for a in plan.get("taken_off", [])],
    )


class _Speakers:
    """Names the people who speak in a plan, the same way everywhere."""

    def __init__(self, name: str, recorder: dict[str, Any]) -> None:
        self.name = name
        self.person = name
        relationship = recorder.get("relationship")
        carer = recorder.get("name") or "Carer"
        self.carer = f"{carer}, {relationship} (carer)" if relationship else f"{carer} (carer)"
        self.role = recorder.get("role")

    def who(self, expressed_by: str | None) -> str:
        return self.carer if expressed_by == CARER else self.person

    def recorder_line(self) -> str:
        if self.role == CARER:
            return f"{self.carer}, on {self.name}'s behalf"
        return f"{self.name}, for themselves"


def _said(latest: dict[str, dict[str, Any]], labels: dict[str, str], speakers: _Speakers) -> list[Said]:
    out = []
    for key, label in labels.items():
        answer = latest.get(key)
        if answer and not answer.get("skipped") and answer.get("text"):
            role = answer.get("expressed_by") or "self"
            out.append(Said(label, answer["text"], speakers.who(role), role, bool(answer.get("truncated"))))
    return out


def _goal(goal: dict[str, Any], number: int, speakers: _Speakers, *, for_carer: bool = False) -> GoalView:
    status = goal.get("status") or DRAFT
    return GoalView(
        id=goal["id"],
        number=number,
        title=goal["title"],
        text=goal["text"],
        by=speakers.who(goal.get("expressed_by")),
        domain=goal.get("domain") or "other",
        domain_label=goal.get("domain_label") or goal.get("domain") or "Other",
        one_thing=bool(goal.get("one_thing")),
        for_carer=for_carer,
        why=goal.get("why"),
        barriers=goal.get("barriers"),
        helps=goal.get("helps"),
        target_date=human_date(goal.get("target_date")),
        status=status,
        status_label=STATUS_LABELS.get(status, status),
        clinician_text=goal.get("clinician_text"),
        clinician_reason=goal.get("clinician_reason"),
        reviewed_by=goal.get("reviewed_by"),
        reviewed_at=human_time(goal.get("reviewed_at")),
        review_date=human_date(goal.get("review_date")),
        actions=[
            ActionView(a["who"], a["what"], human_date(a.get("by_when"))) for a in goal.get("actions") or []
        ],
        decisions=[decision_view(d) for d in goal.get("decisions") or []],
    )


def decision_view(decision: dict[str, Any]) -> DecisionView:
    status = decision["status"]
    return DecisionView(
        id=decision["id"],
        status=status,
        status_label=STATUS_LABELS.get(status, status),
        by=decision["decided_by"],
        at=human_time(decision.get("decided_at")) or "",
        clinician_text=decision.get("clinician_text"),
        reason=decision.get("reason"),
    )


def _flag(flag: dict[str, Any]) -> FlagView:
    kind = flag.get("kind") or "flag"
    label = FLAG_LABELS.get(kind, kind)
    return FlagView(
        id=flag.get("id"),
        kind=kind,
        label=label,
        message=flag.get("message") or "",
        at=human_time(flag.get("created_at")) or "",
        acknowledged_by=flag.get("acknowledged_by"),
        acknowledged_at=human_time(flag.get("acknowledged_at")),
        acknowledged_note=flag.get("acknowledged_note"),
        misunderstood=flag.get("misunderstood") or None,
        told_after=[(human_time(t["at"]) or "", t["words"]) for t in flag.get("told_after") or []],
    )


def _taken_off(answer: dict[str, Any], speakers: _Speakers) -> Said:
    """ "What matters, taken off Wed 2 Dec 2026, 16:05 (UK time)", with the words as typed."""
    asked = questions.catalogue().get(answer["question_key"])
    label = f"{asked.label if asked else 'An answer'}, taken off {human_time(answer['removed_at'])}"
    role = answer.get("expressed_by") or "self"
    return Said(label, answer["text"], speakers.who(role), role)


def nhs_display(number: str | None) -> str | None:
    """``9434765919`` -> ``943 476 5919``, the way it is printed on NHS letters."""
    if not number:
        return None
    return f"{number[:3]} {number[3:6]} {number[6:]}"


def _when(appointment: dict[str, Any]) -> str | None:
    when = human_date(appointment.get("date"))
    if when and appointment.get("time"):
        when = f"{when} at {appointment['time']}"
    said = appointment.get("when_text")
    if when and said and said.casefold() != when.casefold():
        return f"{when} (they said “{said}”)"
    return when or said


def _yes_no(value: bool | None) -> str:
    return {True: "Yes", False: "No"}.get(value, "Not known")  # type: ignore[arg-type]


def human_date(value: str | None) -> str | None:
    """``2026-12-03`` -> ``Thu 3 Dec 2026``."""
    if not value:
        return None
    day = date.fromisoformat(value[:10])
    return f"{day:%a} {day.day} {day:%b %Y}"


def human_time(value: str | None) -> str | None:
    """A naive UTC ISO time -> UK time, ``Thu 3 Dec 2026, 14:05 (UK time)``.

    Falls back to UTC, said as such, on a machine without the time-zone database.
    """
    if not value:
        return None
    moment = datetime.fromisoformat(value).replace(tzinfo=timezone.utc)
    try:
        local, zone = moment.astimezone(ZoneInfo("Europe/London")), "UK time"
    except ZoneInfoNotFoundError:
        local, zone = moment, "UTC"
    return f"{human_date(local.date().isoformat())}, {local:%H:%M} ({zone})"
