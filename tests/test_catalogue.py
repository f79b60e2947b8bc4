"""The question catalogue (careplan/questions.yml) and every place that must agree with it.

A new question is a catalogue entry plus its wording in domain.yml. These tests
name whatever is missing, so nothing is forgotten silently: a slot, the form's
list, the question's words, a column to store it in, a place in the exports.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actions import flow
from careplan import questions
from careplan.models import Goal, Plan

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
CATALOGUE = questions.catalogue()


def _rules(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "rules" / name).read_text(encoding="utf-8"))["rules"]


@pytest.mark.parametrize("key", list(CATALOGUE))
def test_each_question_has_a_slot_a_form_and_words(key: str) -> None:
    question = CATALOGUE[key]
    assert question.why.strip(), f"questions.yml: {key!r} needs a 'why' line"
    if not question.forms:
        return  # asked outside Rasa (the Telegram bot's "how did it go?")
    slot = DOMAIN["slots"].get(key)
    assert slot is not None, f"domain.yml: add a slot {key!r}"
    conditions = [c for m in slot["mappings"] for c in m.get("conditions", [])]
    for form in question.forms:
        assert {"active_loop": form, "requested_slot": key} in conditions, (
            f"domain.yml: slot {key!r} needs a from_text mapping for {form} asking {key}"
        )
        assert key in DOMAIN["forms"][form]["required_slots"], (
            f"domain.yml: add {key!r} to {form}'s required_slots"
        )
    asks = f"utter_ask_{key}" in DOMAIN["responses"] or f"action_ask_{key}" in DOMAIN["actions"]
    assert asks, f"domain.yml: add the question's words, utter_ask_{key}"
    assert question.why.strip(), f"questions.yml: {key!r} needs a 'why' line"


def test_every_form_slot_is_in_the_catalogue() -> None:
    for form, spec in DOMAIN["forms"].items():
        for slot in spec["required_slots"]:
            assert slot in CATALOGUE, f"{form} asks {slot!r}, which questions.yml doesn't list"
            assert form in CATALOGUE[slot].forms, f"questions.yml doesn't put {slot!r} in {form}"


def test_carer_wording_names_the_person() -> None:
    """Questions about the person have a carer's variant ("What matters most to Peggy?")."""
    about_the_person = ("life", "goal", "support")
    for key, question in CATALOGUE.items():
        if question.stage in about_the_person and question.who == "all":
            for_carer = questions.wording(key, carer=True) or ""
            if "you" in (questions.wording(key) or "").lower().split():
                assert "{preferred_name}" in for_carer, f"domain.yml: utter_ask_{key} needs a carer's variant"


def test_stored_answers_have_a_column() -> None:
    columns = {"plan": set(Plan.__table__.columns.keys()), "goal": set(Goal.__table__.columns.keys())}
    for key, question in CATALOGUE.items():
        if question.store in columns:
            assert question.field in columns[question.store], (
                f"questions.yml: {key!r} is stored in {question.store}.{question.field}, which has no column"
            )


def test_every_stored_answer_reaches_the_summary_and_exports() -> None:
    from careplan.export_data import CARER_KEYS, LIFE_KEYS
    from careplan.summary import ABOUT_LABELS, CARER_LABELS

    shown = set(LIFE_KEYS) | set(CARER_KEYS) | {"questions"}
    labelled = set(ABOUT_LABELS) | set(CARER_LABELS) | {"questions"}
    for key, question in CATALOGUE.items():
        if question.store == "answer":
            assert key in shown, f"{key!r} is stored but no export shows it"
            assert key in labelled, f"{key!r} is stored but the summary has no label for it"


def test_export_item_text_is_what_the_bot_asks() -> None:
    assert questions.item_text("carer_assessment", carer=True).startswith(
        "Carers can ask their local council"
    )
    assert questions.item_text("what_matters", carer=True, name="Peggy").endswith(
        "What matters most to Peggy?"
    )
    assert questions.item_text("worries") == "Is anything worrying you at the moment?"


def test_flow_follows_the_catalogue_order() -> None:
    order = list(CATALOGUE)
    for slots in ({}, {"for_whom": "carer"}):
        asked = flow.care_questions(slots)
        assert asked == sorted(asked, key=order.index)
    assert flow.care_questions({"for_whom": "carer"})[-3:] == [
        "carer_coping",
        "carer_help",
        "carer_assessment",
    ]
    assert "carer_coping" not in flow.care_questions({"for_whom": "self"})


def test_adding_a_goal_at_the_read_back_asks_for_it() -> None:
    assert flow.review_questions({"review_choice": "add"})[1:] == flow.GOAL


def test_interruptions_come_from_one_list() -> None:
    from make_rules import rules_text

    assert (ROOT / "data" / "rules" / "interruptions.yml").read_text(encoding="utf-8") == rules_text(), (
        "data/rules/interruptions.yml is out of date: run scripts/make_rules.py"
    )
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    guard = next(c for c in config["pipeline"] if c["name"].endswith("InterruptionGuard"))
    assert set(guard["intents"]) == set(flow.INTERRUPTIONS) | set(flow.MOVES)
    outside = next(
        r for r in _rules("outside_forms.yml") if r["rule"] == "a question or request between questions"
    )
    assert [step["intent"] for step in outside["steps"][0]["or"]] == list(flow.INTERRUPTIONS)
    assert set(flow.INTERRUPTIONS) | set(flow.MOVES) <= set(DOMAIN["intents"])


def test_button_payloads_survive_rasa_filling_in_slots() -> None:
    """Rasa fills ``{name}`` in a response from the slots, button payloads too: a payload's
    own braces must be doubled, or Rasa logs an error (with the slots) for every button."""
    from rasa.core.nlg.interpolator import interpolate_text
    from structlog.testing import capture_logs

    buttons = [
        (key.removeprefix("utter_ask_"), button)
        for key, variants in questions.responses().items()
        for variant in variants
        for button in variant.get("buttons") or []
    ]
    assert any("{" in b["payload"] for _, b in buttons)
    for key, button in buttons:
        with capture_logs() as logged:
            sent = interpolate_text(button["payload"], {})
        assert not logged, button
        assert sent == questions.sent_payload(button["payload"]), button
        assert "{0[" not in sent and sent.count("{") == sent.count("}") <= 1, button
        if key in questions.catalogue():  # "(chose: ...)" in the exports finds its words
            assert questions.button_title(key, sent) == button["title"]
