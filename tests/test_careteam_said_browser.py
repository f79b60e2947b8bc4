"""What was said, as the care team reads it, in real headless Chromium and in the PDF.

An answer added to later ("the garden! and telly quizzes", then "also the bingo on a
friday") reads as separate items, in order, each in the person's own words: never run
together on one line inside one pair of quotes. A button press is "(chose: ...)", never
words in quotes, since nobody typed them (issue 12, tester_d's findings).
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from careplan import clock
from careplan.models import utcnow
from careplan.store import Store

from careteam_testkit import PASSWORD, add_clinician, start_server

ENJOYS = ("the garden! and telly quizzes, she shouts the answers", "also the bingo on a friday")
QUESTIONS = ("Could her tablet times be changed?", "Is LSVT available locally?")
HELPS = ("a key safe", "and someone popping in at teatime")


@pytest.fixture()
def site(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'plans.db'}"
    store = Store(db_url)
    plan = store.new_plan(
        "tg-4004",
        recorded_by_role="carer",
        carer_name="Lorraine",
        carer_relationship="daughter",
        carer_basis="lpa",
        person_present=False,
        subject_name="Doreen Walsh",
        preferred_name="Dot",
        appointment_with="the memory clinic",
        appointment_date=clock.today() + timedelta(days=5),
        status="completed",
        shared=True,
        shared_at=utcnow(),
    )
    store.record_answer(plan, "enjoys", "\n".join(ENJOYS), expressed_by="carer")
    store.record_answer(plan, "questions", "\n".join(QUESTIONS), expressed_by="carer")
    goal = store.add_goal(
        plan,
        "keep living at home with biscuit",
        "Keep living at home with biscuit",
        "home",
        expressed_by="carer",
    )
    store.update_goal(goal, helps="\n".join(HELPS))
    store.record_answer(plan, "carer_assessment", "(chose: Yes please)", expressed_by="carer")
    store.add_goal(plan, "(chose: Yes please)", "Have a carer's assessment", "caring", for_carer=True)
    add_clinician(db_url, "drpatel")
    server = start_server(tmp_path, db_url)
    yield server, plan
    server.stop()


def test_added_answers_read_as_separate_items_and_a_button_is_never_quoted(browser, site, tmp_path):
    from playwright.sync_api import expect

    server, plan = site
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{server.url}/plans/{plan}")
    page.fill("#username", "drpatel")
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Log in')")
    expect(page.locator("h1")).to_have_text("What matters to Dot")

    for said in (ENJOYS, QUESTIONS, HELPS):
        items = page.locator("ol.added", has_text=said[0]).locator("li")
        expect(items).to_have_count(2)
        expect(items.nth(0).locator("q")).to_have_text(said[0])
        expect(items.nth(1).locator("q")).to_have_text(said[1])
        expect(items.nth(1)).to_contain_text("added later")
    # Nothing runs two answers together inside one pair of quotes.
    for q in page.locator("q").all():
        assert "\n" not in q.inner_text().strip()
    # The button is shown as the choice it was, twice (the answer and the carer's goal), unquoted.
    expect(page.locator("q", has_text="chose")).to_have_count(0)
    expect(page.locator(".chose", has_text="(chose: Yes please)")).to_have_count(2)

    with page.expect_download() as download_info:
        page.click("nav.tools a:has-text('PDF')")
    saved = tmp_path / "summary.pdf"
    download_info.value.save_as(saved)
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(saved.read_bytes())).pages).split()
    )
    for first, later in (ENJOYS, QUESTIONS, HELPS):
        assert f"1. “{first}”" in text
        assert f"2. “{later}” (added later)" in text
    assert "“(chose:" not in text and "(chose: Yes please)" in text
    context.close()
