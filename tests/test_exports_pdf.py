"""The PDF export: it opens, holds the goals' text, and copes with any script."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from datetime import datetime

import pytest
from pypdf import PdfReader

from careplan.exports import pdf
from careplan.review import Review
from careplan.store import Store

from careteam_testkit import REPO, ensure_clinician, make_plans, typical_plan

EMOJI_GOAL = "Dance at my granddaughter's wedding 💃 祝你好运 Ωμέγα"


@pytest.fixture()
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path / 'plans.db'}")


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_has_the_goals_flags_and_carer_sections(store):
    plans = make_plans(store)
    text = flat(text_of(pdf.render(store.export(plans.shared))))
    for words in (
        "What matters to Peggy",
        "Work on my allotment again by the spring",
        "<script>alert(1)</script> walk to the shop",
        "Sleep through the night without pain",
        "Safety flags",
        "Sometimes I feel there is no point",
        "Can I have physio for my knees?",
    ):
        assert words in text
    carer_text = flat(text_of(pdf.render(store.export(plans.carer))))
    assert "What the carer told us about Dad" in carer_text
    assert "The carer's own needs" in carer_text
    assert "A break one afternoon a week" in carer_text
    assert "Lasting power of attorney for health and welfare" in carer_text


def test_unicode_font_keeps_other_scripts(store):
    if pdf.find_font() is None:
        pytest.fail("DejaVu Sans is missing: apt-get install fonts-dejavu-core")
    plan = store.new_plan("tg-5", subject_name="Zoë")
    store.add_goal(plan, EMOJI_GOAL, "dance at the wedding", "family")
    text = text_of(pdf.render(store.export(plan)))
    assert "Ωμέγα" in text
    assert "Zoë" in text


def test_core_font_fallback_still_makes_a_pdf(store):
    plan = store.new_plan("tg-6", subject_name="Zoë")
    store.add_goal(plan, EMOJI_GOAL, "dance at the wedding", "family")
    data = pdf.render(store.export(plan), font=None)
    text = text_of(data)
    assert "Dance at my granddaughter's wedding" in text
    assert "Zoë" in text  # Latin-1 survives
    assert "Ωμέγα" not in text  # replaced, not crashed


def test_missing_glyphs_never_reach_the_logs(store, caplog):
    """fpdf2 logs missing glyphs by name; we replace them first so nobody's words are logged."""
    plan = store.new_plan("tg-7", subject_name="Kim")
    store.add_goal(plan, "Call my sister 祝你好运 every week", "call my sister", "family")
    with caplog.at_level(logging.DEBUG):
        data = pdf.render(store.export(plan))
    assert data.startswith(b"%PDF")
    assert "祝" not in caplog.text
    assert "Call my sister" not in caplog.text


@pytest.mark.slow  # a subprocess, a deliberate wait, or a whole data set: not in make test-fast
def test_cli_writes_pdf_and_needs_output(store, tmp_path):
    plans = make_plans(store)
    env = {**os.environ, "DATABASE_URL": store.url}
    out = tmp_path / "plan.pdf"
    cmd = [sys.executable, "-m", "careplan.cli", "export", "--sender", "tg-1001", "--format", "pdf"]
    done = subprocess.run([*cmd, "--output", str(out)], env=env, cwd=REPO, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Go to the Tuesday lunch club" in text_of(out.read_bytes())
    refused = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True, check=False)
    assert refused.returncode == 2
    assert "--output" in refused.stderr
    assert plans.shared


def test_long_plans_run_onto_more_pages(store):
    plan = store.new_plan("tg-11", subject_name="Long")
    for n in range(25):
        store.add_goal(plan, f"Goal number {n} " + "with a lot to say " * 30, f"goal {n}", "other")
    reader = PdfReader(io.BytesIO(pdf.render(store.export(plan))))
    assert len(reader.pages) > 2
    text = flat("\n".join(page.extract_text() for page in reader.pages))
    assert "Goal number 0 with" in text and "Goal number 24 with" in text
    assert f"page {len(reader.pages)}/{len(reader.pages)}" in text


def test_a_typical_plan_is_one_page_with_date_confidentiality_and_reviewers(store):
    """Finding 7: 2-4 pages, no generated date, no confidentiality footer, no reviewer."""
    plan = typical_plan(store)
    review = ensure_clinician(Review(store))
    for goal in store.goals(plan):
        review.accept("drpatel", plan, goal["id"])
    review.add_action("drpatel", plan, store.goals(plan)[0]["id"], "Pat", "practise the walk", "2027-01-15")
    reader = PdfReader(io.BytesIO(pdf.render(store.export(plan), now=datetime(2026, 12, 2, 9, 30))))
    assert len(reader.pages) == 1
    text = flat(reader.pages[0].extract_text())
    assert "Generated Wed 2 Dec 2026, 09:30 (UK time)" in text
    assert "Confidential: contains personal health information" in text
    assert text.count("Reviewed by: drpatel") == 3
    assert "Name: Patricia Anne Hughes" in text and "NHS number: 401 023 2137" in text
    assert text.count("Walk to the corner shop and back without stopping") == 1
    assert "Some nights I feel there is no point going on" in text


def test_long_words_wrap_and_cut_text_is_marked(store):
    plan = store.new_plan("tg-long", subject_name="Len")
    store.record_answer(plan, "what_matters", "I like to talk. " * 400)
    store.add_goal(plan, "https://example.org/" + "a" * 600, "a long link", "other")
    reader = PdfReader(io.BytesIO(pdf.render(store.export(plan))))
    text = flat("\n".join(page.extract_text() for page in reader.pages))
    assert text.count("Cut here") == 1  # the answer; the 620-character link was kept whole
    widths = [float(page.mediabox.width) for page in reader.pages]
    assert widths == [pytest.approx(595.3, abs=1)] * len(widths)  # A4, however long the word
    assert "aaaa" in text


def test_words_that_look_like_formatting_print_as_typed(store):
    plan = store.new_plan("tg-marks", subject_name="Max")
    store.record_answer(plan, "what_matters", "My **bold** idea -- and __this__ ~~too~~ C:\\temp")
    text = flat(text_of(pdf.render(store.export(plan))))
    assert "“My **bold** idea -- and __this__ ~~too~~ C:\\temp”" in text
