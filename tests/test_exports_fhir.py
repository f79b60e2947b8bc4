"""The FHIR export: a real R4B Bundle that round-trips through fhir.resources validation."""

from __future__ import annotations

import json
from datetime import date

import pytest
from fhir.resources.bundle import Bundle

from careplan.exports import fhir
from careplan.store import Store

from careteam_testkit import (
    NHS_NUMBER,
    REASON,
    SCRIPT_GOAL,
    WORDING,
    decide_three,
    ensure_clinician,
    make_plans,
)


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
    # One nested group per goal, in priority order, each holding that goal's own answers.
    groups = [i for i in answers.item if i.linkId == "goal"]
    assert [[n.linkId for n in g.item] for g in groups] == [list(fhir.GOAL_ITEMS)] * 4
    assert [g.item[0].answer[0].valueString for g in groups][:2] == [
        "Work on my allotment again by the spring",
        SCRIPT_GOAL,
    ]
    assert groups[0].item[1].answer[0].valueString == "It keeps me sane"
    assert "another_goal" not in items and "goal_text" not in items


def test_carer_plan_round_trips_with_related_person(store):
    plans = make_plans(store)
    bundle = Bundle.parse_raw(fhir.render(store.export(plans.carer)))

    (patient,) = by_type(bundle, "Patient")
    (carer,) = by_type(bundle, "RelatedPerson")
    urls = {id(e.resource): e.fullUrl for e in bundle.entry}
    assert carer.relationship[0].text == "daughter"
    assert carer.name[0].text == "Sarah"
    assert carer.patient.reference == urls[id(patient)]

    # The carer is coded: daughter (SNOMED CT 66089001, v3 DAU) and caregiver (SNOMED CT 133932002).
    assert [(c.system, c.code) for c in carer.relationship[0].coding] == [
        (fhir.SNOMED, "66089001"),
        (fhir.ROLE_CODES, "DAU"),
        (fhir.SNOMED, "133932002"),
    ]

    # Only the person's goal is a Goal; the carer's own need is not on the patient's record.
    (goal,) = by_type(bundle, "Goal")
    assert goal.description.text == "Dad to get out to the bowls club"
    assert goal.expressedBy.reference == urls[id(carer)]
    assert goal.subject.reference == urls[id(patient)]
    assert goal.lifecycleStatus == "proposed"
    (care_plan,) = by_type(bundle, "CarePlan")
    assert [r.reference for r in care_plan.goal] == [urls[id(goal)]]
    assert care_plan.supportingInfo is None
    assert "A break one afternoon a week" not in care_plan.json()

    answers, carer_needs = by_type(bundle, "QuestionnaireResponse")
    assert answers.status == "in-progress"
    assert answers.source.reference == urls[id(carer)]
    assert answers.author.reference == urls[id(carer)]
    assert answers.subject.reference == urls[id(patient)]
    assert "carer_coping" not in {i.linkId for i in answers.item}
    # The carer's needs: the carer is the subject, and the resource says what it is.
    assert carer_needs.subject.reference == urls[id(carer)]
    assert carer_needs.meta.tag[0].code == "carer-own-needs"
    assert "not for the patient's record" in carer_needs.meta.tag[0].display
    assert [(i.linkId, i.answer[0].valueString) for i in carer_needs.item] == [
        ("carer_coping", "I am tired all the time")
    ]


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


def _link_ids(items) -> set[str]:
    found = set()
    for item in items or []:
        found.add(item.linkId)
        found |= _link_ids(item.item)
    return found


def test_a_reviewed_plan_is_a_record_a_receiving_system_can_use(store):
    """Finding 8, point by point, on one reviewed plan."""
    plans = make_plans(store)
    review = decide_three(store, plans)
    one_thing, script_goal, sleep, _lunch = plans.goals
    ensure_clinician(review, "drjones")
    first = store.goals(plans.shared)[2]["decisions"][0]
    review.accept("drjones", plans.shared, sleep, replaces=first["id"])  # a second decision
    review.add_action("drpatel", plans.shared, one_thing, "Peggy", "buy a kneeler", "2027-01-10")
    review.set_review_date("drpatel", plans.shared, one_thing, "2027-03-01")
    review.set_review_date("drpatel", plans.shared, script_goal, "2027-02-01")
    flag_id = review.plan("drpatel", plans.shared)["flags"][0]["id"]
    review.acknowledge_flag("drpatel", plans.shared, flag_id, "Rang her; she is safe")
    review.mark_reviewed("drpatel", plans.shared)

    data = store.export(plans.shared)
    bundle = Bundle.parse_raw(fhir.render(data))
    urls = {id(e.resource): e.fullUrl for e in bundle.entry}

    (patient,) = by_type(bundle, "Patient")
    assert [(i.system, i.value) for i in patient.identifier] == [
        ("https://fhir.nhs.uk/Id/nhs-number", NHS_NUMBER)
    ]
    assert str(patient.birthDate) == "1948-03-12"
    assert [n.use for n in patient.name] == ["official", "usual"]

    goals = {g.identifier[0].value: g for g in by_type(bundle, "Goal")}
    provenance = by_type(bundle, "Provenance")
    decisions = [p for p in provenance if p.target[0].reference in {urls[id(g)] for g in goals.values()}]
    assert len(decisions) == 4  # accept, edit, reject, and the second decision on the third goal
    sleep_url = urls[id(goals[str(sleep)])]
    on_sleep = [p for p in decisions if p.target[0].reference == sleep_url]
    assert [(p.agent[0].who.display, p.activity.text) for p in on_sleep] == [
        ("drpatel (care team)", "Not taken forward"),
        ("drjones (care team)", "Accepted"),
    ]
    assert on_sleep[0].reason[0].text == REASON

    (flag,) = by_type(bundle, "Flag")
    assert flag.subject.reference == urls[id(patient)]
    assert "Sometimes I feel there is no point" in flag.code.text
    assert flag.category[0].coding[0].code == "safety"
    (acknowledged,) = [p for p in provenance if p.target[0].reference == urls[id(flag)]]
    assert acknowledged.reason[0].text == "What was done: Rang her; she is safe"

    (care_plan,) = by_type(bundle, "CarePlan")
    assert (care_plan.status, care_plan.intent) == ("active", "plan")
    (activity,) = care_plan.activity
    assert activity.detail.description == "buy a kneeler"
    assert activity.detail.performer[0].display == "Peggy"
    assert activity.detail.goal[0].reference == urls[id(goals[str(one_thing)])]
    assert str(care_plan.period.end) == "2027-03-01"
    assert [c.display for c in care_plan.contributor[1:]] == ["drjones (care team)", "drpatel (care team)"]

    (questionnaire,) = by_type(bundle, "Questionnaire")
    (answers,) = by_type(bundle, "QuestionnaireResponse")
    assert answers.questionnaire == f"{questionnaire.url}|{questionnaire.version}"
    assert _link_ids(answers.item) <= _link_ids(questionnaire.item)
    assert next(i for i in questionnaire.item if i.linkId == "goal").repeats

    stamp = bundle.timestamp
    times = [p.recorded for p in provenance] + [answers.authored]
    assert all(t <= stamp for t in times)
    assert stamp.isoformat().startswith(max(v for k, v in fhir._walk(data) if k.endswith("_at") and v)[:19])


def test_every_bundle_parses_as_r4b(store):
    from fhir import resources

    assert resources.__fhir_version__ == "4.3.0"  # R4B
    plans = make_plans(store)
    for plan in (plans.shared, plans.unshared, plans.carer):
        assert Bundle.parse_raw(fhir.render(store.export(plan))).entry
