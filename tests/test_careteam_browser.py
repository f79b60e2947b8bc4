"""A clinician's whole visit, in real headless Chromium (Debian's package) driven by Playwright.

Needs /usr/bin/chromium: `apt-get install -y chromium`. Without it the test
fails and says so, rather than skipping.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from careplan import readback
from careplan.store import Store

from careteam_testkit import PASSWORD, SCRIPT_GOAL, add_clinician, make_plans, start_server


@pytest.fixture()
def site(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'plans.db'}"
    store = Store(db_url)
    plans = make_plans(store)
    add_clinician(db_url, "drpatel")
    server = start_server(tmp_path, db_url)
    yield server, store, plans
    server.stop()


def test_clinician_reviews_a_shared_plan(browser, site, tmp_path):
    from playwright.sync_api import expect

    server, store, plans = site
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    console_errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))

    # Log in.
    page.goto(server.url + "/")
    expect(page).to_have_url(f"{server.url}/login?next=/")
    page.fill("#username", "drpatel")
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Log in')")

    # Only shared plans: Peggy's unacknowledged flag puts her first, then the nearest appointment.
    expect(page.locator("h1")).to_have_text("Shared plans")
    rows = page.locator("table.plans tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Peggy")
    expect(rows.nth(1)).to_contain_text("Dad")
    expect(page.locator("tr.unreviewed")).to_have_count(2)
    expect(page.get_by_text("Unshared Person")).to_have_count(0)

    # Open the summary.
    page.click("a:has-text('Margaret Jones')")
    expect(page.locator("h1")).to_have_text("What matters to Peggy")
    expect(page.locator(".flags")).to_contain_text("Sometimes I feel there is no point")
    one_thing, script_goal, sleep, _lunch = (page.locator(f"#goal-{g}") for g in plans.goals)
    # The <script> goal shows as text and runs nothing.
    expect(script_goal.locator("div.words q")).to_have_text(SCRIPT_GOAL)
    expect(script_goal.locator("div.words q")).to_be_visible()

    # Accept one.
    one_thing.locator("button:has-text('Accept goal 1')").click()
    expect(page.locator(".flash")).to_contain_text("Goal accepted")
    expect(one_thing.locator(".status")).to_have_text("Accepted")

    # Edit one: the clinician's wording sits beside the person's words.
    script_goal.locator("summary:has-text('Accept with your own wording')").click()
    script_goal.locator("textarea[name=wording]").fill("Walk to the corner shop twice a week")
    script_goal.locator("button:has-text('Save wording for goal 2')").click()
    expect(script_goal.locator(".status")).to_have_text("Accepted with new wording")
    expect(script_goal.locator("dd.clinician")).to_contain_text("Walk to the corner shop twice a week")
    expect(script_goal.locator("div.words q")).to_have_text(SCRIPT_GOAL)

    # Reject one, with a reason.
    sleep.locator('summary:has-text("Don\'t take this goal forward")').click()
    sleep.locator("textarea[name=reason]").fill("Let's sort out the pain first")
    sleep.locator('button:has-text("Don\'t take goal 3 forward")').click()
    expect(sleep.locator(".status")).to_have_text("Not taken forward")
    expect(sleep.locator("dd.clinician")).to_contain_text("Let's sort out the pain first")

    # Download the PDF from the summary page.
    with page.expect_download() as download_info:
        page.click("nav.tools a:has-text('PDF')")
    download = download_info.value
    saved = tmp_path / "summary.pdf"
    download.save_as(saved)
    reader = PdfReader(io.BytesIO(saved.read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for words in (
        "Work on my allotment again by the spring",
        SCRIPT_GOAL,
        "Walk to the corner shop twice a week",
    ):
        assert words in text

    # Log out: the plans are out of reach again.
    page.click("button:has-text('Log out')")
    expect(page.locator(".flash")).to_contain_text("You have logged out")
    page.goto(f"{server.url}/plans/{plans.shared}")
    expect(page).to_have_url(f"{server.url}/login?next=/plans/{plans.shared}")

    assert dialogs == []
    assert console_errors == []
    context.close()

    # The person's next read-back shows what the care team decided.
    said = readback.plan_text(store.export(plans.shared))
    assert "Your care team agreed this goal." in said
    assert "wrote it as: “Walk to the corner shop twice a week”" in said
    assert "They said: “Let's sort out the pain first”" in said
