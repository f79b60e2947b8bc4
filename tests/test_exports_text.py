"""Markdown and HTML exports, from the library and through the real `careplan export` CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from careplan import readback, summary
from careplan.exports import html, markdown
from careplan.store import Store

from careteam_testkit import REASON, REPO, SCRIPT_GOAL, WORDING, decide_three, make_plans


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
