"""The PDF export: it opens, holds the goals' text, and copes with any script."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader

from careplan.exports import pdf
from careplan.store import Store

from careteam_testkit import REPO, make_plans

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
