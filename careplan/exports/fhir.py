"""The plan as an HL7 FHIR R4B Bundle, built with the ``fhir.resources`` models.

``fhir.resources`` 6.5 ships R4B (4.3.0) as its top-level package, so the
models come from ``fhir.resources.<resource>``; building them validates every
field as we go.

What goes in (docs/careteam.md has the full mapping and the codes used):
- a Patient with the NHS number (``https://fhir.nhs.uk/Id/nhs-number``), date
  of birth, full name (official) and the name they like (usual);
- each of the person's goals as a Goal: ``proposed`` while a draft,
  ``accepted`` once the care team accepts or rewords it, ``rejected`` (with
  ``statusReason``) if not; ``description.text`` is the person's own words;
- a Provenance for every clinician decision (who, when, what, why) and every
  acknowledged red flag;
- a Flag for each red flag, with the person's words;
- a CarePlan: ``draft``/``proposal`` until reviewed, then ``active``/``plan``
  with the action plan as ``activity`` entries, a period up to the last review
  date, and its contributors;
- a Questionnaire generated from the question catalogue, and the person's
  answers as a QuestionnaireResponse to it, one nested group per goal;
- when a carer answered: a RelatedPerson, and the carer's own needs in a
  QuestionnaireResponse whose subject is the carer, tagged as not for the
  patient's record. They are never Goals, which would land on the patient's record.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from typing import Any

from fhir.resources.annotation import Annotation
from fhir.resources.bundle import Bundle, BundleEntry
from fhir.resources.careplan import CarePlan, CarePlanActivity, CarePlanActivityDetail
from fhir.resources.codeableconcept import CodeableConcept
from fhir.resources.coding import Coding
from fhir.resources.contactpoint import ContactPoint
from fhir.resources.flag import Flag
from fhir.resources.goal import Goal, GoalTarget
from fhir.resources.humanname import HumanName
from fhir.resources.identifier import Identifier
from fhir.resources.meta import Meta
from fhir.resources.patient import Patient
from fhir.resources.period import Period
from fhir.resources.provenance import Provenance, ProvenanceAgent
from fhir.resources.questionnaire import Questionnaire, QuestionnaireItem
from fhir.resources.questionnaireresponse import (
    QuestionnaireResponse,
    QuestionnaireResponseItem,
    QuestionnaireResponseItemAnswer,
)
from fhir.resources.reference import Reference
from fhir.resources.relatedperson import RelatedPerson
from fhir.resources.resource import Resource

from careplan import questions
from careplan.summary import FLAG_LABELS, STATUS_LABELS
from careplan.vocab import ACCEPTED, CARER, EDITED, REJECTED

BASE = "https://whatmatters.example/fhir"
DOMAIN_SYSTEM = f"{BASE}/CodeSystem/goal-domain"
TAG_SYSTEM = f"{BASE}/CodeSystem/record-tag"
PLAN_ID_SYSTEM = f"{BASE}/sid/plan"
GOAL_ID_SYSTEM = f"{BASE}/sid/goal"
QUESTIONNAIRE_URL = f"{BASE}/Questionnaire/what-matters"
NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
SNOMED = "http://snomed.info/sct"
ROLE_CODES = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
PRIORITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/goal-priority"
FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"
PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)

GOAL_NOTES = (("why", "Why it matters"), ("barriers", "What gets in the way"), ("helps", "What would help"))
LIFECYCLE = {ACCEPTED: "accepted", EDITED: "accepted", REJECTED: "rejected"}
# A goal's answers, nested in one group per goal; the goal's columns they are kept in.
GOAL_ITEMS = {"goal_text": "text", "goal_why": "why", "goal_barriers": "barriers", "goal_help": "helps"}
CARER_STAGES = {"carer"}
CARER_KEYS = {"carer_name", "carer_contact"}
# How a carer is related: SNOMED CT (person) concepts and HL7 v3 RoleCode, for the words people use.
# SNOMED CT 133932002 |Caregiver (person)| marks every carer. Words not listed keep their text only.
RELATIONSHIPS: dict[str, tuple[str, str, str]] = {
    # word: (SNOMED CT code, display, v3 RoleCode)
    "mother": ("72705000", "Mother", "MTH"),
    "mum": ("72705000", "Mother", "MTH"),
    "father": ("66839005", "Father", "FTH"),
    "dad": ("66839005", "Father", "FTH"),
    "daughter": ("66089001", "Daughter", "DAU"),
    "son": ("65616008", "Son", "SON"),
    "wife": ("127850001", "Wife", "WIFE"),
    "husband": ("127849001", "Husband", "HUSB"),
    "sister": ("27733009", "Sister", "SIS"),
    "brother": ("70924004", "Brother", "BRO"),
    "friend": ("113163005", "Friend", "FRND"),
}
CAREGIVER = Coding(system=SNOMED, code="133932002", display="Caregiver")


class _Ids:
    """Stable urn:uuid ids, so the same plan always exports the same ids."""

    def __init__(self, plan: dict[str, Any]) -> None:
        self.seed = f"{plan['sender']}/{plan['plan_id']}"

    def id(self, kind: str, key: object = "") -> str:
        return str(uuid.uuid5(_NAMESPACE, f"{self.seed}/{kind}/{key}"))

    def ref(self, kind: str, key: object = "", display: str | None = None) -> Reference:
        return Reference(reference=f"urn:uuid:{self.id(kind, key)}", display=display)


def bundle(plan: dict[str, Any]) -> Bundle:
    ids = _Ids(plan)
    is_carer = plan["recorded_by"]["role"] == CARER
    subject = plan["subject"]
    name = subject.get("preferred_name") or subject.get("name")
    patient_ref = ids.ref("patient", display=name)
    carer_ref = ids.ref("carer", display=plan["recorded_by"].get("name")) if is_carer else None

    def speaker(expressed_by: str | None) -> Reference:
        return carer_ref if expressed_by == CARER and carer_ref else patient_ref

    resources: list[Resource] = [_patient(ids, subject)]
    if carer_ref is not None:
        resources.append(_related_person(ids, plan, patient_ref))
    goals = plan["goals"]
    resources += [_goal(ids, g, patient_ref, speaker(g["expressed_by"])) for g in goals]
    resources += [_provenance_of_decision(ids, g, d) for g in goals for d in g.get("decisions") or []]
    resources += [_flag(ids, f, patient_ref) for f in plan["flags"]]
    resources += [_provenance_of_acknowledgement(ids, f) for f in plan["flags"] if f.get("acknowledged_at")]
    resources.append(_care_plan(ids, plan, patient_ref, carer_ref or patient_ref))
    resources.append(questionnaire())
    resources.append(_questionnaire_response(ids, plan, patient_ref, carer_ref or patient_ref))
    if carer_ref is not None:
        resources.append(_carer_needs(ids, plan, carer_ref))
    return Bundle(
        id=ids.id("bundle"),
        type="collection",
        timestamp=_instant(latest_time(plan)),
        entry=[BundleEntry(fullUrl=f"urn:uuid:{r.id}", resource=r) for r in resources],
    )


def render(plan: dict[str, Any]) -> str:
    return bundle(plan).json(indent=2, ensure_ascii=False) + "\n"


def latest_time(plan: dict[str, Any]) -> str | None:
    """The newest time recorded anywhere in the plan: the Bundle is a snapshot as of then,
    never earlier than a decision it holds, and the same plan always gives the same time."""
    times = [value for key, value in _walk(plan) if key.endswith("_at") and isinstance(value, str)]
    return max(times, default=None)


def _walk(value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key, inner
            yield from _walk(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _walk(inner)


# -- people ----------------------------------------------------------------------
def _patient(ids: _Ids, subject: dict[str, Any]) -> Patient:
    names = []
    if subject.get("name"):
        names.append(HumanName(use="official", text=subject["name"]))
    if subject.get("preferred_name"):
        names.append(HumanName(use="usual", text=subject["preferred_name"]))
    number = subject.get("nhs_number")
    return Patient(
        id=ids.id("patient"),
        identifier=[Identifier(system=NHS_NUMBER_SYSTEM, value=number)] if number else None,
        name=names or None,
        birthDate=subject.get("date_of_birth"),
        telecom=_telecom(subject.get("contact")),
    )


def _telecom(contact: str | None) -> list[ContactPoint] | None:
    """How to reach someone, as they said it."""
    return [ContactPoint(system=_contact_system(contact), value=contact)] if contact else None


def _related_person(ids: _Ids, plan: dict[str, Any], patient_ref: Reference) -> RelatedPerson:
    recorder = plan["recorded_by"]
    relationship = (recorder.get("relationship") or "").strip()
    known = RELATIONSHIPS.get(relationship.casefold())
    codings = [CAREGIVER]
    if known:
        codings = [
            Coding(system=SNOMED, code=known[0], display=known[1]),
            Coding(system=ROLE_CODES, code=known[2]),
            CAREGIVER,
        ]
    return RelatedPerson(
        id=ids.id("carer"),
        patient=patient_ref,
        name=[HumanName(text=recorder["name"])] if recorder.get("name") else None,
        relationship=[CodeableConcept(coding=codings, text=relationship or "Carer")],
        telecom=_telecom(recorder.get("contact")),
    )


def _contact_system(contact: str) -> str:
    """A phone number is mostly digits; anything else ("text me after 6") stays as said."""
    digits = sum(ch.isdigit() for ch in contact)
    return "phone" if digits >= 10 and digits >= len(contact.replace(" ", "")) - 2 else "other"


# -- goals, decisions and flags --------------------------------------------------------
def _goal(ids: _Ids, goal: dict[str, Any], patient_ref: Reference, by: Reference) -> Goal:
    notes = [Annotation(text=f"Short title (written by the bot): {goal['title'] or '(none)'}")]
    for key, label in GOAL_NOTES:
        if goal.get(key):
            notes.append(Annotation(text=f"{label}: {goal[key]}", authorReference=by))
    if goal.get("clinician_text"):
        notes.append(
            Annotation(
                text=f"Care team's wording: {goal['clinician_text']}",
                authorString=goal.get("reviewed_by") or "care team",
                time=_instant(goal.get("reviewed_at")),
            )
        )
    priority = "high-priority" if goal.get("one_thing") else "medium-priority"
    domain = goal.get("domain") or "other"
    domain_label = goal.get("domain_label") or domain
    rejected = goal.get("status") == REJECTED
    targets = [GoalTarget(dueDate=goal["target_date"])] if goal.get("target_date") else []
    return Goal(
        id=ids.id("goal", goal["id"]),
        identifier=[Identifier(system=GOAL_ID_SYSTEM, value=str(goal["id"]))],
        lifecycleStatus=LIFECYCLE.get(goal.get("status") or "", "proposed"),
        statusReason=(goal.get("clinician_reason") or "Not taken forward") if rejected else None,
        statusDate=(goal.get("reviewed_at") or "")[:10] or None,
        description=CodeableConcept(text=goal["text"] or goal["title"] or "(no words given)"),
        subject=patient_ref,
        expressedBy=by,
        priority=CodeableConcept(
            coding=[Coding(system=PRIORITY_SYSTEM, code=priority, display=priority.replace("-", " ").title())]
        ),
        category=[
            CodeableConcept(
                coding=[Coding(system=DOMAIN_SYSTEM, code=domain, display=domain_label)],
                text=domain_label,
            )
        ],
        target=targets or None,
        note=notes,
    )


def _provenance_of_decision(ids: _Ids, goal: dict[str, Any], decision: dict[str, Any]) -> Provenance:
    """Who decided on a goal, when, what and why: one for every decision, replaced ones too."""
    what = STATUS_LABELS.get(decision["status"], decision["status"])
    if decision.get("clinician_text"):
        what += f": {decision['clinician_text']}"
    return Provenance(
        id=ids.id("decision", decision["id"]),
        target=[ids.ref("goal", goal["id"])],
        recorded=_instant(decision["decided_at"]),
        activity=CodeableConcept(text=what),
        agent=[_clinician_agent(decision["decided_by"])],
        reason=[CodeableConcept(text=decision["reason"])] if decision.get("reason") else None,
    )


def _flag(ids: _Ids, flag: dict[str, Any], patient_ref: Reference) -> Flag:
    kind = flag.get("kind") or "flag"
    words = f"{FLAG_LABELS.get(kind, kind)}. They wrote: “{flag['message']}”"
    misunderstood = flag.get("misunderstood")
    if misunderstood:
        words += f" Later they said the bot misunderstood: “{misunderstood.get('words', '')}”"
    for told in flag.get("told_after") or []:
        words += f" Told afterwards ({told['at']}): “{told['words']}”"
    return Flag(
        id=ids.id("flag", flag["id"]),
        status="active",
        category=[CodeableConcept(coding=[Coding(system=FLAG_CATEGORY, code="safety", display="Safety")])],
        code=CodeableConcept(coding=[Coding(system=f"{BASE}/CodeSystem/red-flag", code=kind)], text=words),
        subject=patient_ref,
        period=Period(start=_instant(flag.get("created_at"))),
        author=Reference(display="What Matters chatbot (raised in the conversation)"),
    )


def _provenance_of_acknowledgement(ids: _Ids, flag: dict[str, Any]) -> Provenance:
    return Provenance(
        id=ids.id("acknowledged", flag["id"]),
        target=[ids.ref("flag", flag["id"])],
        recorded=_instant(flag["acknowledged_at"]),
        activity=CodeableConcept(text="Flag acknowledged"),
        agent=[_clinician_agent(flag["acknowledged_by"])],
        reason=[CodeableConcept(text=f"What was done: {flag['acknowledged_note']}")],
    )


def _clinician_agent(username: str) -> ProvenanceAgent:
    return ProvenanceAgent(
        type=CodeableConcept(coding=[Coding(system=PARTICIPANT_TYPE, code="author", display="Author")]),
        who=Reference(display=f"{username} (care team)"),
    )


# -- the care plan ------------------------------------------------------------------
def _care_plan(ids: _Ids, plan: dict[str, Any], patient_ref: Reference, author: Reference) -> CarePlan:
    appointment = plan["appointment"]
    about = [appointment.get("with"), appointment.get("date") or appointment.get("when_text")]
    description = "Preparation for an appointment" + (
        f": {', '.join(x for x in about if x)}" if any(about) else ""
    )
    questions_text = plan.get("questions")
    name = plan["subject"].get("preferred_name") or plan["subject"].get("name") or "the person"
    goals = plan["goals"]
    reviewed = bool(plan.get("reviewed_at"))
    clinicians = sorted({d["decided_by"] for g in goals for d in g.get("decisions") or []})
    review_dates = [g["review_date"] for g in goals if g.get("review_date")]
    activities = [
        CarePlanActivity(
            detail=CarePlanActivityDetail(
                kind="Task",
                status="not-started",
                description=action["what"],
                performer=[Reference(display=action["who"])],
                scheduledString=f"By {action['by_when']}" if action.get("by_when") else None,
                goal=[ids.ref("goal", goal["id"])],
            )
        )
        for goal in goals
        if goal.get("status") in {ACCEPTED, EDITED}
        for action in goal.get("actions") or []
    ]
    return CarePlan(
        id=ids.id("careplan"),
        identifier=[Identifier(system=PLAN_ID_SYSTEM, value=str(plan["plan_id"]))],
        status="active" if reviewed else "draft",
        intent="plan" if reviewed else "proposal",
        title=f"What matters to {name}",
        description=description,
        subject=patient_ref,
        period=Period(start=_instant(plan.get("reviewed_at")), end=max(review_dates)) if reviewed else None,
        created=_instant(plan.get("created_at")),
        author=author,
        contributor=[author, *(Reference(display=f"{c} (care team)") for c in clinicians)],
        goal=[ids.ref("goal", g["id"]) for g in goals] or None,
        activity=(activities or None) if reviewed else None,
        note=[Annotation(text=f"Questions for the care team: {questions_text}")] if questions_text else None,
    )


# -- questions and answers -------------------------------------------------------------
def questionnaire() -> Questionnaire:
    """Every question the bot can ask that has an answer to keep, from the question
    catalogue, with a repeating group for each goal's questions."""
    top, in_goal = [], []
    for question in questions.catalogue().values():
        if question.store == "none":
            continue
        item = QuestionnaireItem(
            linkId=question.key,
            prefix=question.label,
            text=questions.item_text(question.key, carer=question.who == CARER),
            type="text" if question.kind == "text" else "string",
        )
        (in_goal if question.key in GOAL_ITEMS else top).append(item)
    goal_group = QuestionnaireItem(linkId="goal", text="A goal", type="group", repeats=True, item=in_goal)
    return Questionnaire(
        id=str(uuid.uuid5(_NAMESPACE, f"questionnaire/{questionnaire_version()}")),
        url=QUESTIONNAIRE_URL,
        version=questionnaire_version(),
        name="WhatMatters",
        title="What matters to you: preparing for a care appointment",
        status="active",
        subjectType=["Patient"],
        item=[*top, goal_group],
    )


def questionnaire_version() -> str:
    """Changes whenever a question is added, removed, renamed or reworded."""
    catalogue = questions.catalogue().values()
    text = "\n".join(f"{q.key}|{q.label}|{questions.item_text(q.key)}" for q in catalogue)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _questionnaire_response(
    ids: _Ids, plan: dict[str, Any], patient_ref: Reference, recorder: Reference
) -> QuestionnaireResponse:
    """The answers about the person: top-level questions, then one group per goal."""
    latest = {a["question_key"]: a for a in plan["answers"] if a.get("goal_id") is None}
    items = []
    for question in questions.catalogue().values():
        key = question.key
        if key in GOAL_ITEMS or question.stage in CARER_STAGES or key in CARER_KEYS or key not in latest:
            continue
        answer = latest[key]
        items.append(_item(key, None if answer["skipped"] else answer["text"]))
    for goal in plan["goals"]:
        nested = [_item(key, goal.get(column)) for key, column in GOAL_ITEMS.items()]
        items.append(QuestionnaireResponseItem(linkId="goal", text=goal["title"] or None, item=nested))
    return _response(plan, items, resource_id=ids.id("answers"), subject=patient_ref, author=recorder)


def _carer_needs(ids: _Ids, plan: dict[str, Any], carer_ref: Reference) -> QuestionnaireResponse:
    """The carer's own answers about themselves: the carer is the subject, not the patient."""
    latest = {a["question_key"]: a for a in plan["answers"] if a.get("goal_id") is None}
    items = [
        _item(key, None if latest[key]["skipped"] else latest[key]["text"])
        for key in questions.catalogue()
        if (questions.question(key).stage in CARER_STAGES or key in CARER_KEYS) and key in latest
    ]
    own_needs = Coding(
        system=TAG_SYSTEM,
        code="carer-own-needs",
        display="The carer's own needs: about the carer, not for the patient's record",
    )
    return _response(
        plan,
        items,
        resource_id=ids.id("carer-needs"),
        subject=carer_ref,
        author=carer_ref,
        meta=Meta(tag=[own_needs]),
    )


def _response(
    plan: dict[str, Any],
    items: list[QuestionnaireResponseItem],
    *,
    resource_id: str,
    subject: Reference,
    author: Reference,
    meta: Meta | None = None,
) -> QuestionnaireResponse:
    """Answers to this version of the questions, about ``subject``, given by ``author``."""
    return QuestionnaireResponse(
        id=resource_id,
        meta=meta,
        questionnaire=f"{QUESTIONNAIRE_URL}|{questionnaire_version()}",
        status="completed" if plan.get("status") == "completed" else "in-progress",
        subject=subject,
        authored=_instant(plan.get("updated_at")),
        author=author,
        source=author,
        item=items or None,
    )


def _item(key: str, text: str | None) -> QuestionnaireResponseItem:
    # FHIR strings can't be empty: an empty or skipped answer is an item with no answer.
    return QuestionnaireResponseItem(
        linkId=key,
        text=questions.question(key).label,
        answer=[QuestionnaireResponseItemAnswer(valueString=text)] if text else None,
    )


def _instant(value: str | None) -> str | None:
    """Our times are naive UTC; FHIR dateTimes with a time need a zone."""
    return f"{value}Z" if value and "T" in value and not value.endswith("Z") else value
