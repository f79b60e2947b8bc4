"""The care team's side in a real practice, in headless Chromium: who the patient is, red flags,
decisions, action plans, and one page. The screenshots in docs/careteam.md are taken here
(docs/img/careteam-*.png) by `make screenshots`; an ordinary run writes them to a temporary
folder, so running the tests never changes tracked files."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from careplan.review import Review
from careplan.store import Store

from careteam_testkit import (
    PASSWORD,
    REPO,
    add_clinician,
    make_plans,
    start_server,
    typical_plan,
)

# `make screenshots` sets this to retake docs/img; otherwise they go to a temporary folder.
RETAKE = bool(os.environ.get("WHAT_MATTERS_SCREENSHOTS"))
SHOTS = REPO / "docs" / "img" if RETAKE else Path(tempfile.gettempdir()) / "what-matters-shots"
LONG_WORD = "https://example.org/a-very-long-link/" + "x" * 400


@pytest.fixture()
def site(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'plans.db'}"
    store = Store(db_url)
    plans = make_plans(store)
    typical = typical_plan(store)
    add_clinician(db_url, "drpatel")
    add_clinician(db_url, "drjones")
    server = start_server(tmp_path, db_url)
    yield server, store, plans, typical
    server.stop()


def logged_in(browser, server, username: str = "drpatel"):
    page = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
    page.goto(server.url + "/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Log in')")
    page.wait_for_selector("h1:has-text('Shared plans')")
    return page


def shot(page, name: str, **options) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"careteam-{name}.png"
    page.screenshot(path=str(path), **options)
    return path


def test_the_list_names_each_patient_and_their_flags(browser, site):
    """Findings 1 and 2: three 'Peggy's and a red count with no kind."""
    from playwright.sync_api import expect

    server, _, plans, typical = site
    page = logged_in(browser, server)
    rows = page.locator("table.plans tbody tr")
    # Plans with a flag nobody has acknowledged first (nearest appointment first among them),
    # then the others: Dad's appointment is sooner, but his plan has no flag.
    expect(rows.nth(0)).to_have_attribute("id", f"plan-{typical}")
    expect(rows.nth(1)).to_have_attribute("id", f"plan-{plans.shared}")
    expect(rows.nth(2)).to_have_attribute("id", f"plan-{plans.carer}")
    peggy = page.locator(f"#plan-{plans.shared}")
    expect(peggy).to_contain_text("Margaret Jones")
    expect(peggy).to_contain_text("Born 12 Mar 1948")
    expect(peggy).to_contain_text("NHS 943 476 5919")
    flag = peggy.locator(".flag-cell")
    expect(flag).to_contain_text("Mental health crisis")
    expect(flag).to_contain_text("(UK time)")
    expect(flag).to_contain_text("(not acknowledged)")
    expect(page.locator(f"#plan-{plans.carer}")).to_contain_text("NHS not given")
    shot(page, "list", full_page=True)


def test_a_flag_is_acknowledged_with_a_note_before_the_plan_counts_as_reviewed(browser, site):
    from playwright.sync_api import expect

    server, store, plans, _ = site
    page = logged_in(browser, server)
    page.goto(f"{server.url}/plans/{plans.shared}")
    banner = page.locator("dl.banner")
    expect(banner).to_contain_text("Margaret Jones")
    expect(banner).to_contain_text("Fri 12 Mar 1948 (age 78)")
    expect(banner).to_contain_text("943 476 5919")
    # "Mark as reviewed" is not offered while a flag is open.
    expect(page.locator("button:has-text('Mark as reviewed')")).to_have_count(0)
    expect(page.locator("nav.tools")).to_contain_text("Acknowledge the safety flag before marking")
    flags = page.locator("section.flags")
    expect(flags).to_contain_text("Not yet acknowledged.")
    shot(flags, "flag-open")
    flags.locator("textarea[name=note]").fill("Rang Margaret; she is safe and has the crisis line number.")
    flags.locator("button:has-text('Acknowledge this flag')").click()
    expect(page.locator(".flash")).to_contain_text("Flag acknowledged")
    expect(flags).to_contain_text("Acknowledged by drpatel")
    expect(flags).to_contain_text("Rang Margaret; she is safe")
    page.click("button:has-text('Mark as reviewed')")
    expect(page.locator(".flash")).to_contain_text("Marked as reviewed")
    shot(page.locator("section.flags"), "flag-acknowledged")
    page.goto(server.url + "/")
    expect(page.locator(f"#plan-{plans.shared} .flag-cell")).to_contain_text("(acknowledged)")
    entries = [e for e in Review(store).audit_log(plans.shared) if e["action"] == "acknowledge_flag"]
    assert [e["actor"] for e in entries] == ["drpatel"]


def test_a_second_clinician_is_shown_the_first_decision_and_asked(browser, site):
    """Finding 5: a second clinician silently overwrote the first one's decision."""
    from playwright.sync_api import expect

    server, store, _, typical = site
    walk = store.goals(typical)[0]["id"]
    first = logged_in(browser, server, "drpatel")
    first.goto(f"{server.url}/plans/{typical}")
    goal = first.locator(f"#goal-{walk}")
    goal.locator('summary:has-text("Don\'t take this goal forward")').click()
    goal.locator("textarea[name=reason]").fill("Let's get the inhaler right first")
    goal.locator('button:has-text("Don\'t take goal 1 forward")').click()
    expect(goal.locator(".status")).to_have_text("Not taken forward")

    second = logged_in(browser, server, "drjones")
    second.goto(f"{server.url}/plans/{typical}")
    goal = second.locator(f"#goal-{walk}")
    goal.locator("summary:has-text('Change the decision on goal 1')").click()
    expect(goal.locator(".previous")).to_contain_text("Not taken forward by drpatel")
    goal.locator("details.change button:has-text('Accept goal 1')").click()
    expect(second.locator("h1")).to_have_text("Someone has already decided on goal 1")
    expect(second.locator("#previous-decision")).to_contain_text("drpatel")
    expect(second.locator("#previous-decision")).to_contain_text("Let's get the inhaler right first")
    shot(second, "replace-decision")
    second.click("button:has-text('Yes, replace their decision')")
    goal = second.locator(f"#goal-{walk}")
    expect(goal.locator(".status")).to_have_text("Accepted")
    expect(goal.locator("dd.history")).to_contain_text("Not taken forward by drpatel")
    history = [d["decided_by"] for d in store.goals(typical)[0]["decisions"]]
    assert history == ["drpatel", "drjones"]


def test_an_action_plan_and_review_date_for_an_accepted_goal(browser, site):
    """Finding 6: no 'who will do what, by when', and no review date."""
    from playwright.sync_api import expect

    server, store, _, typical = site
    walk = store.goals(typical)[0]["id"]
    page = logged_in(browser, server)
    page.goto(f"{server.url}/plans/{typical}")
    goal = page.locator(f"#goal-{walk}")
    expect(goal.locator("details.action-plan")).to_have_count(0)  # not before it is accepted
    goal.locator("button:has-text('Accept goal 1')").click()
    goal = page.locator(f"#goal-{walk}")
    goal.locator("input[name=who]").fill("Pat")
    goal.locator("input[name=what]").fill("practise the walk to the shop twice a week")
    goal.locator("input[name=by_when]").fill("2027-01-15")
    goal.locator("button:has-text('Add action to goal 1')").click()
    goal = page.locator(f"#goal-{walk}")
    goal.locator("input[name=review_date]").fill("2027-02-01")
    goal.locator("button:has-text('Save review date for goal 1')").click()
    goal = page.locator(f"#goal-{walk}")
    expect(goal.locator("ul.plan-actions")).to_contain_text(
        "Pat will practise the walk to the shop twice a week, by Fri 15 Jan 2027"
    )
    expect(goal.locator("dd.review-date")).to_have_text("Mon 1 Feb 2027")
    shot(goal, "action-plan")


def test_a_typical_plan_prints_on_one_a4_page(browser, site, tmp_path):
    """Finding 7: 2-3 screens and 2-4 printed pages; a long word made the page 3,000 px wide."""
    from playwright.sync_api import expect

    server, store, _, typical = site
    store.record_answer(typical, "enjoys", "Crosswords and the radio. " + LONG_WORD)
    store.record_answer(typical, "worries", "Getting out of breath. " * 40)  # 960 characters
    page = logged_in(browser, server)
    page.set_viewport_size({"width": 1000, "height": 900})
    page.goto(f"{server.url}/plans/{typical}")
    # Long words wrap: nothing is wider than the window.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1000
    # Long text shows its start and folds the rest behind "more": every word once.
    worries = page.locator("dl.said dd", has_text="Getting out of breath")
    expect(worries.locator("details.more summary")).to_have_text("… more")
    assert worries.inner_text().count("Getting out of breath") < 40
    worries.locator("details.more summary").click()
    assert worries.inner_text().count("Getting out of breath") == 40
    shot(page, "summary", full_page=True)
    page.reload()  # folded again, as it prints
    page.emulate_media(media="print")
    saved = tmp_path / "print.pdf"
    page.pdf(path=str(saved), format="A4", print_background=True)
    assert len(PdfReader(io.BytesIO(saved.read_bytes())).pages) == 1
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    shot(page, "print", full_page=True)
