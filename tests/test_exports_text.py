"""Markdown and HTML exports, from the library and through the real `careplan export` CLI."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from careplan import readback, summary
from careplan.exports import html, markdown
from careplan.models import utcnow
from careplan.review import Review
from careplan.store import Store

from careteam_testkit import (
    REASON,
    REPO,
    SCRIPT_GOAL,
    WORDING,
    decide_three,
    ensure_clinician,
    make_plans,
    typical_plan,
)


@pytest.fixture()
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path / 'plans.db'}")


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_html_escapes_user_text_and_has_no_script(store):
    plans = make_plans(store)
    page = html.render(store.export(plans.shared))
    parsed = Tags()
    parsed.feed(page)
    assert "script" not in parsed.tags
    assert SCRIPT_GOAL in "".join(parsed.text)  # shown as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Hobbies and leisure" in page
    assert "Safety flags" in page


def test_markdown_escapes_formatting(store):
    plan = store.new_plan("tg-8", subject_name="Bo")
    store.add_goal(
        plan, "# not a heading [link](http://evil.example) <b>bold</b> *stars*", "odd goal", "other"
    )
    text = markdown.render(store.export(plan))
    assert "\\# not a heading \\[link\\](http://evil.example) \\<b\\>bold\\</b\\> \\*stars\\*" in text
    assert "### 1. odd goal" in text


def test_markdown_keeps_the_carer_apart(store):
    plans = make_plans(store)
    text = markdown.render(store.export(plans.carer))
    about, own = text.split("## The carer's own needs")
    assert "What the carer told us about Dad" in about
    assert "His jigsaw puzzles and the radio" in about
    assert "A break one afternoon a week" in own
    assert "I am tired all the time" in own
    assert "A break one afternoon a week" not in about
    assert "Sarah, daughter (carer)" in text
    assert "Lasting power of attorney" in text


def test_summary_model_has_provenance_and_priorities(store):
    plans = make_plans(store)
    s = summary.build(store.export(plans.shared))
    assert s.name == "Peggy" and s.full_name == "Margaret Jones"
    assert s.one_thing is not None and s.one_thing.title == "work on my allotment again"
    assert [g.number for g in s.priorities] == [1, 2, 3]
    assert s.goals[0].text == "Work on my allotment again by the spring"  # verbatim
    assert s.goals[0].by == "Peggy"
    assert {said.label for said in s.own_words} >= {"What matters most", "A good day", "Worries"}
    assert s.carer_view == [] and not s.is_carer
    assert s.flags[0].kind == "crisis" and s.flags[0].at.endswith(("(UK time)", "(UTC)"))
    assert s.drafts_left == 4


def test_readback_shows_the_care_teams_outcomes(store):
    """Closing the loop: the person's next read-back shows what the care team decided."""
    plans = make_plans(store)
    decide_three(store, plans)
    text = readback.plan_text(store.export(plans.shared))
    assert "Your care team agreed this goal." in text
    assert f"Your care team agreed this goal and wrote it as: “{WORDING}”" in text
    assert f"They said: “{REASON}”" in text
    assert f"In your words: “{SCRIPT_GOAL}”" in text  # their own words are still there
    assert text.splitlines()[0] == "Your draft plan, Peggy"  # it names them (set8_09)


@pytest.mark.slow  # a subprocess, a deliberate wait, or a whole data set: not in make test-fast
@pytest.mark.parametrize("fmt", ["markdown", "html", "fhir", "json"])
def test_cli_prints_each_format(store, fmt):
    make_plans(store)
    done = subprocess.run(
        [sys.executable, "-m", "careplan.cli", "export", "--sender", "tg-3003", "--format", fmt],
        env={**os.environ, "DATABASE_URL": store.url},
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Dad to get out to the bowls club" in done.stdout
    if fmt in ("fhir", "json"):
        assert json.loads(done.stdout)


def test_times_are_shown_in_uk_time():
    assert summary.human_time("2026-07-01T12:30:00") == "Wed 1 Jul 2026, 13:30 (UK time)"  # BST
    assert summary.human_time("2026-12-01T12:30:00") == "Tue 1 Dec 2026, 12:30 (UK time)"
    assert summary.human_time(None) is None


def _acted_on(store):
    """The typical plan after the care team's review: decisions, an action plan, a review date."""
    plan = typical_plan(store)
    review = ensure_clinician(Review(store))
    walk, sister, low = [g["id"] for g in store.goals(plan)]
    review.accept("drpatel", plan, walk)
    review.edit("drpatel", plan, sister, "Take the 42 bus to Jean's on Sundays")
    review.reject("drpatel", plan, low, "Let's talk about this at the appointment first")
    review.add_action("drpatel", plan, walk, "Pat", "practise the walk twice a week", "2027-01-15")
    review.add_action("drpatel", plan, walk, "Practice nurse", "check the inhaler technique", "")
    review.set_review_date("drpatel", plan, walk, "2027-02-01")
    return plan, review


def test_the_person_sees_their_action_plan_and_review_date(store):
    """Finding 6: who will do what, by when, and a review date, in the read-back and every export."""
    plan, _ = _acted_on(store)
    data = store.export(plan)
    text = readback.plan_text(data)
    assert "To do: Pat will practise the walk twice a week by Friday 15 January 2027." in text
    assert "To do: Practice nurse will check the inhaler technique." in text
    assert "Your care team will check this with you on Monday 1 February 2027." in text
    md = markdown.render(data)
    assert "- **Action:** Pat will practise the walk twice a week, by Fri 15 Jan 2027" in md
    assert "- **Review date:** Mon 1 Feb 2027" in md
    assert "Practice nurse" in html.render(data) and "Mon 1 Feb 2027" in html.render(data)
    assert json.loads(json.dumps(data))["goals"][0]["actions"][0]["who"] == "Pat"


def test_markdown_says_who_reviewed_each_goal_and_is_marked_confidential(store):
    """Finding 7: the Markdown didn't say who reviewed each goal."""
    plan, _ = _acted_on(store)
    md = markdown.render(store.export(plan))
    assert md.count("- **Reviewed by:** drpatel,") == 3
    assert "Confidential: contains personal health information" in md
    assert "**Name:** Patricia Anne Hughes · **Born:** Wed 4 Jul 1951 (age " in md
    assert "**NHS number:** 401 023 2137" in md


def test_the_one_things_words_are_shown_once(store):
    """Finding 7: the one thing's full text was printed twice."""
    plan, _ = _acted_on(store)
    data = store.export(plan)
    words = "Walk to the corner shop and back without stopping"
    assert markdown.render(data).count(words) == 1
    assert html.render(data).count(words) == 1


def test_cut_text_is_marked_in_every_format(store):
    """Finding 7: text cut at 4,000 characters was not marked as cut."""
    plan = store.new_plan("tg-long", subject_name="Len")
    assert store.record_answer(plan, "what_matters", "I like to talk. " * 400)  # 6,400 characters
    store.add_goal(plan, "Tell you everything " * 300, "tell you everything", "other")
    data = store.export(plan)
    assert markdown.render(data).count("Cut here") == 2
    assert html.render(data).count("Cut here") == 2


@pytest.mark.slow  # a subprocess, a deliberate wait, or a whole data set: not in make test-fast
@pytest.mark.parametrize("fmt", ["json", "markdown", "html", "pdf", "fhir"])
def test_output_works_for_every_format_and_the_file_is_private(store, tmp_path, fmt):
    """Finding 9: --output was ignored for json, and files were world-readable."""
    make_plans(store)
    target = tmp_path / f"plan.{fmt}"
    target.write_text("old and readable")
    target.chmod(0o644)
    done = subprocess.run(
        [sys.executable, "-m", "careplan.cli", "export", "--sender", "tg-3003", "--format", fmt],
        env={**os.environ, "DATABASE_URL": store.url},
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    written = subprocess.run(
        [*done.args, "--output", str(target)],
        env={**os.environ, "DATABASE_URL": store.url},
        cwd=REPO,
        capture_output=True,
        check=False,
    )
    assert written.returncode == 0, written.stderr
    assert written.stdout == b""
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    body = target.read_bytes()
    assert body.startswith(b"%PDF") if fmt == "pdf" else body.decode("utf-8") == done.stdout


def test_a_flag_the_person_said_was_misunderstood_says_so(store):
    """The safety helper's "that's not what I meant" mark is shown with the flag, never hiding it."""
    plans = make_plans(store)
    flag = store.export(plans.shared)["flags"][0]["id"]
    assert store.mark_misunderstood(flag, "I meant the plants in my garden are dying", utcnow())
    data = store.export(plans.shared)
    for text in (html.render(data), markdown.render(data)):
        assert "Later they said the bot misunderstood" in text
        assert "I meant the plants in my garden are dying" in text
        assert "Sometimes I feel there is no point" in text  # the flag itself stays


def test_the_read_back_says_the_time_of_the_appointment() -> None:
    """The time was stored but the read-back showed the day only, so a wrong time couldn't be seen."""
    plan = {
        "subject": {"preferred_name": "Sam"},
        "recorded_by": {"role": "self"},
        "appointment": {"with": "Dr Patel", "date": "2026-12-09", "time": "10:40", "when_text": "wed"},
        "goals": [],
        "shared": False,
    }
    line = next(x for x in readback.plan_text(plan).splitlines() if x.startswith("Appointment:"))
    assert line.startswith("Appointment: Dr Patel, Wednesday 9 December") and line.endswith(", at 10:40am")
    no_time = {**plan, "appointment": {**plan["appointment"], "time": None}}
    line = next(x for x in readback.plan_text(no_time).splitlines() if x.startswith("Appointment:"))
    assert " at " not in line


def test_words_taken_off_and_news_told_during_an_emergency_are_shown_to_the_care_team(store):
    """Hazard H22: an answer the person took off stays on the summary, marked with when; what
    they told us while an emergency was paused is shown with its flag."""
    plans = make_plans(store)
    store.record_answer(plans.shared, "worries", "sometimes I think about taking all his tablets")
    assert store.take_off_answer(plans.shared, "worries")
    flag = store.export(plans.shared)["flags"][0]["id"]
    assert store.add_flag_news(flag, "the ambulance took her in, they think it was a TIA", utcnow())
    data = store.export(plans.shared)
    for text in (html.render(data), markdown.render(data)):
        assert "Taken off during the chat" in text
        assert "sometimes I think about taking all his tablets" in text
        assert "Told afterwards" in text
        assert "they think it was a TIA" in text


def test_a_persons_own_contact_is_on_the_summary_and_a_carers_is_theirs(store):
    plans = make_plans(store)
    store.update_plan(plans.shared, contact="landline 01632 960 447, afternoons")
    store.update_plan(plans.carer, carer_contact="07700 900461 after 6")
    peggy = summary.build(store.export(plans.shared))
    assert ("How to contact them", "landline 01632 960 447, afternoons") in peggy.facts
    assert "landline 01632 960 447" in html.render(store.export(plans.shared))
    assert "landline 01632 960 447" in markdown.render(store.export(plans.shared))
    dad = summary.build(store.export(plans.carer))
    assert ("Carer's contact", "07700 900461 after 6") in dad.facts
    assert "How to contact them" not in dict(dad.facts)
