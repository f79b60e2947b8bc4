"""The plan as an HL7 FHIR R4B Bundle, built with the ``fhir.resources`` models.

``fhir.resources`` 6.5 ships R4B (4.3.0) as its top-level package, so the
models come from ``fhir.resources.<resource>``; building them validates every
field as we go.

What goes in (see docs/careteam.md for the full mapping):
- a Patient, and a RelatedPerson when a carer answered;
- each goal as a Goal: ``proposed`` while a draft, ``accepted`` once the care
  team accepts or rewords it, ``rejected`` (with ``statusReason``) if not;
  ``description.text`` is the person's own words, ``expressedBy`` who said it;
- a CarePlan (draft proposal) referencing the person's goals; a carer's own
  goals are kept apart, referenced as supporting information only;
- a QuestionnaireResponse with every answer; ``author`` recorded them,
  ``source`` answered them (the Patient, or the RelatedPerson for a carer).
"""

from __future__ import annotations

import uuid
from typing import Any

from fhir.resources.annotation import Annotation
from fhir.resources.bundle import Bundle, BundleEntry
from fhir.resources.careplan import CarePlan
from fhir.resources.codeableconcept import CodeableConcept
from fhir.resources.coding import Coding
from fhir.resources.goal import Goal, GoalTarget
from fhir.resources.humanname import HumanName
from fhir.resources.identifier import Identifier
from fhir.resources.patient import Patient
from fhir.resources.questionnaireresponse import (
    QuestionnaireResponse,
    QuestionnaireResponseItem,
    QuestionnaireResponseItemAnswer,
)
from fhir.resources.reference import Reference
from fhir.resources.relatedperson import RelatedPerson
from fhir.resources.resource import Resource

from careplan.questions import item_text
from careplan.vocab import ACCEPTED, CARER, EDITED, REJECTED

BASE = "https://whatmatters.example/fhir"
DOMAIN_SYSTEM = f"{BASE}/CodeSystem/goal-domain"
PLAN_ID_SYSTEM = f"{BASE}/sid/plan"
GOAL_ID_SYSTEM = f"{BASE}/sid/goal"
PRIORITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/goal-priority"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)

GOAL_NOTES = (("why", "Why it matters"), ("barriers", "What gets in the way"), ("helps", "What would help"))
LIFECYCLE = {ACCEPTED: "accepted", EDITED: "accepted", REJECTED: "rejected"}

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
    if is_carer:
        resources.append(_related_person(ids, plan, patient_ref))
    person_goals = [_goal(ids, g, patient_ref, speaker(g["expressed_by"])) for g in plan["goals"]]
    carer_goals = [
        _goal(ids, g, patient_ref, speaker(g["expressed_by"]), carer_own=True)
        for g in (plan.get("carer_needs") or {}).get("goals", [])
    ]
    resources += person_goals + carer_goals
    resources.append(_care_plan(ids, plan, patient_ref, carer_ref or patient_ref))
    resources.append(_questionnaire_response(ids, plan, patient_ref, carer_ref or patient_ref))
    return Bundle(
        id=ids.id("bundle"),
        type="collection",
        timestamp=plan.get("updated_at") and f"{plan['updated_at']}Z",
        entry=[BundleEntry(fullUrl=f"urn:uuid:{r.id}", resource=r) for r in resources],
    )


def render(plan: dict[str, Any]) -> str:
    return bundle(plan).json(indent=2, ensure_ascii=False) + "\n"


def _patient(ids: _Ids, subject: dict[str, Any]) -> Patient:
    names = []
    if subject.get("name"):
        names.append(HumanName(text=subject["name"]))
    if subject.get("preferred_name"):
        names.append(HumanName(use="usual", text=subject["preferred_name"]))
    return Patient(id=ids.id("patient"), name=names or None)


def _related_person(ids: _Ids, plan: dict[str, Any], patient_ref: Reference) -> RelatedPerson:
    recorder = plan["recorded_by"]
    relationship = recorder.get("relationship")
    return RelatedPerson(
        id=ids.id("carer"),
        patient=patient_ref,
        name=[HumanName(text=recorder["name"])] if recorder.get("name") else None,
        relationship=[CodeableConcept(text=relationship)] if relationship else None,
    )


def _goal(
    ids: _Ids, goal: dict[str, Any], patient_ref: Reference, by: Reference, *, carer_own: bool = False
) -> Goal:
    notes = [Annotation(text=f"Short title (written by the bot): {goal['title'] or '(none)'}")]
    if carer_own:
        notes.append(Annotation(text="This is the carer's own need, not the person's goal."))
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
        target=[GoalTarget(dueDate=goal["target_date"])] if goal.get("target_date") else None,
        note=notes,
    )


def _care_plan(ids: _Ids, plan: dict[str, Any], patient_ref: Reference, author: Reference) -> CarePlan:
    appointment = plan["appointment"]
    about = [appointment.get("with"), appointment.get("date") or appointment.get("when_text")]
    description = "Preparation for an appointment" + (
        f": {', '.join(x for x in about if x)}" if any(about) else ""
    )
    carer_goals = (plan.get("carer_needs") or {}).get("goals", [])
    questions = plan.get("questions")
    name = plan["subject"].get("preferred_name") or plan["subject"].get("name") or "the person"
    return CarePlan(
        id=ids.id("careplan"),
        identifier=[Identifier(system=PLAN_ID_SYSTEM, value=str(plan["plan_id"]))],
        status="draft",
        intent="proposal",
        title=f"What matters to {name}",
        description=description,
        subject=patient_ref,
        created=_instant(plan.get("created_at")),
        author=author,
        goal=[ids.ref("goal", g["id"]) for g in plan["goals"]] or None,
        supportingInfo=[ids.ref("goal", g["id"], "The carer's own need") for g in carer_goals] or None,
        note=[Annotation(text=f"Questions for the care team: {questions}")] if questions else None,
    )


def _questionnaire_response(
    ids: _Ids, plan: dict[str, Any], patient_ref: Reference, recorder: Reference
) -> QuestionnaireResponse:
    carer = plan["recorded_by"]["role"] == CARER
    name = plan["subject"].get("preferred_name") or plan["subject"].get("name")
    items = []
    for answer in plan["answers"]:
        key = answer["question_key"]
        link = f"goal-{answer['goal_id']}.{key}" if answer.get("goal_id") else key
        # FHIR strings can't be empty: an empty or skipped answer is an item with no answer.
        text = None if answer["skipped"] else answer["text"]
        said = [QuestionnaireResponseItemAnswer(valueString=text)] if text else None
        items.append(
            QuestionnaireResponseItem(
                linkId=link,
                # the words the bot asked (the question catalogue reads them from domain.yml)
                text=item_text(key, carer=carer, name=name),
                answer=said,
            )
        )
    return QuestionnaireResponse(
        id=ids.id("answers"),
        status="completed" if plan.get("status") == "completed" else "in-progress",
        subject=patient_ref,
        authored=_instant(plan.get("updated_at")),
        author=recorder,
        source=recorder,
        item=items or None,
    )


def _instant(value: str | None) -> str | None:
    """Our times are naive UTC; FHIR dateTimes with a time need a zone."""
    return f"{value}Z" if value and "T" in value and not value.endswith("Z") else value
