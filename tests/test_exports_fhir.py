"""The FHIR export: a real R4B Bundle that round-trips through fhir.resources validation."""

from __future__ import annotations

import json
from datetime import date

import pytest
from fhir.resources.bundle import Bundle

from careplan.exports import fhir
from careplan.store import Store

from careteam_testkit import REASON, SCRIPT_GOAL, WORDING, decide_three, make_plans


@pytest.fixture()
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path / 'plans.db'}")


def by_type(bundle: Bundle, kind: str) -> list:
    return [e.resource for e in bundle.entry if e.resource.resource_type == kind]


def test_self_plan_round_trips_with_goal_statuses(store):
    plans = make_plans(store)
    decide_three(store, plans)

    text = fhir.render(store.export(plans.shared))
    bundle = Bundle.parse_raw(text)  # validates every resource again

    assert bundle.type == "collection"
    assert all(e.fullUrl.startswith("urn:uuid:") for e in bundle.entry)
    full_urls = {e.fullUrl for e in bundle.entry}
    (patient,) = by_type(bundle, "Patient")
    assert [n.text for n in patient.name] == ["Margaret Jones", "Peggy"]
    assert by_type(bundle, "RelatedPerson") == []

    goals = {g.identifier[0].value: g for g in by_type(bundle, "Goal")}
    assert len(goals) == 4
    first, second, third, fourth = (goals[str(i)] for i in plans.goals)
    assert first.lifecycleStatus == "accepted"
    assert first.priority.coding[0].code == "high-priority"
    assert first.priority.coding[0].system == "http://terminology.hl7.org/CodeSystem/goal-priority"
    assert first.category[0].coding[0].code == "hobbies"
    assert first.category[0].coding[0].system == fhir.DOMAIN_SYSTEM
    assert first.category[0].text == "Hobbies and leisure"
    assert first.description.text == "Work on my allotment again by the spring"
    notes = [n.text for n in first.note]
    assert "Why it matters: It keeps me sane" in notes
    assert "What would help: A kneeler and a raised bed" in notes
    # An edit is accepted, with the clinician's wording as a note and the person's words intact.
    assert second.lifecycleStatus == "accepted"
    assert second.description.text == SCRIPT_GOAL
    assert f"Care team's wording: {WORDING}" in [n.text for n in second.note]
    assert third.lifecycleStatus == "rejected"
    assert third.statusReason == REASON
    assert fourth.lifecycleStatus == "proposed"
    assert fourth.priority.coding[0].code == "medium-priority"
    patient_url = next(e.fullUrl for e in bundle.entry if e.resource.resource_type == "Patient")
    for goal in goals.values():
        assert goal.expressedBy.reference == patient_url
        assert goal.subject.reference == patient_url

    (care_plan,) = by_type(bundle, "CarePlan")
    assert (care_plan.status, care_plan.intent) == ("draft", "proposal")
    assert care_plan.subject.reference == patient_url
    assert [r.reference for r in care_plan.goal] == [
        next(e.fullUrl for e in bundle.entry if e.resource is goals[str(i)]) for i in plans.goals
    ]
    assert {r.reference for r in care_plan.goal} <= full_urls

    (answers,) = by_type(bundle, "QuestionnaireResponse")
    assert answers.status == "completed"
    assert answers.author.reference == patient_url
    assert answers.source.reference == patient_url
    items = {i.linkId: i for i in answers.item}
    assert items["what_matters"].answer[0].valueString.startswith("Seeing my grandchildren")
    assert items["support"].answer is None  # skipped
    assert f"goal-{plans.goals[0]}.why" in items


def test_carer_plan_round_trips_with_related_person(store):
    plans = make_plans(store)
    bundle = Bundle.parse_raw(fhir.render(store.export(plans.carer)))

    (patient,) = by_type(bundle, "Patient")
    (carer,) = by_type(bundle, "RelatedPerson")
    urls = {id(e.resource): e.fullUrl for e in bundle.entry}
    assert carer.relationship[0].text == "daughter"
    assert carer.name[0].text == "Sarah"
    assert carer.patient.reference == urls[id(patient)]

    goals = by_type(bundle, "Goal")
    assert {g.description.text for g in goals} == {
        "Dad to get out to the bowls club",
        "A break one afternoon a week",
    }
    for goal in goals:
        assert goal.expressedBy.reference == urls[id(carer)]
        assert goal.subject.reference == urls[id(patient)]
        assert goal.lifecycleStatus == "proposed"
    (care_plan,) = by_type(bundle, "CarePlan")
    person_goal = next(g for g in goals if g.description.text.startswith("Dad"))
    own_need = next(g for g in goals if g.description.text.startswith("A break"))
    # The carer's own need is kept apart from the person's goals.
    assert [r.reference for r in care_plan.goal] == [urls[id(person_goal)]]
    assert [r.reference for r in care_plan.supportingInfo] == [urls[id(own_need)]]
    assert "This is the carer's own need, not the person's goal." in [n.text for n in own_need.note]

    (answers,) = by_type(bundle, "QuestionnaireResponse")
    assert answers.status == "in-progress"
    assert answers.source.reference == urls[id(carer)]
    assert answers.author.reference == urls[id(carer)]
    assert answers.subject.reference == urls[id(patient)]


def test_ids_are_stable_and_json_is_plain(store):
    plans = make_plans(store)
    first = json.loads(fhir.render(store.export(plans.shared)))
    again = json.loads(fhir.render(store.export(plans.shared)))
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in again["entry"]]
    assert first["resourceType"] == "Bundle"
    assert "Ωμέγα" in json.dumps(first, ensure_ascii=False)


def test_target_date_becomes_goal_target(store):
    plan = store.new_plan("tg-9", subject_name="Ann")
    store.add_goal(plan, "Swim 10 lengths", "swim 10 lengths", "mobility", target_date=date(2027, 3, 1))
    bundle = Bundle.parse_raw(fhir.render(store.export(plan)))
    (goal,) = by_type(bundle, "Goal")
    assert str(goal.target[0].dueDate) == "2027-03-01"


def test_empty_answers_still_validate(store):
    plan = store.new_plan("tg-10", subject_name="Ann", carer_relationship="")
    store.record_answer(plan, "worries", "")
    store.add_goal(plan, "", "", "other", why="")
    bundle = Bundle.parse_raw(fhir.render(store.export(plan)))
    (answers,) = by_type(bundle, "QuestionnaireResponse")
    assert answers.item[0].linkId == "worries" and answers.item[0].answer is None
    (goal,) = by_type(bundle, "Goal")
    assert goal.description.text == "(no words given)"
