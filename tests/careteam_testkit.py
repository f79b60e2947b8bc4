"""Shared helpers for the care-team and export tests: real plans in a real SQLite file,
and the real care-team app started as a subprocess on a free port."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import requests

from careplan import clock
from careplan.models import utcnow
from careplan.review import Review, UsernameTaken
from careplan.store import Store
from launch import free_port

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SCRIPT_GOAL = "<script>alert(1)</script> walk to the shop"
PASSWORD = "correct horse battery staple"
NHS_NUMBER = "9434765919"


@dataclass
class Plans:
    shared: int
    unshared: int
    carer: int
    goals: list[int]  # the shared self plan's goals, in priority order
    carer_goals: list[int]  # the carer plan's person goals
    carer_own: int  # the carer's own need


def make_plans(store: Store) -> Plans:
    """A shared self plan, an unshared plan, and a shared carer plan."""
    today = clock.today()
    shared = store.new_plan(
        "tg-1001",
        subject_name="Margaret Jones",
        preferred_name="Peggy",
        appointment_with="Dr Patel at the GP surgery",
        appointment_date=today + timedelta(days=9),
        appointment_when_text="a week on Tuesday",
        appointment_reason="my knees and my sugar",
        date_of_birth=date(1948, 3, 12),
        nhs_number=NHS_NUMBER,
        status="completed",
        shared=True,
        shared_at=utcnow(),
    )
    store.record_answer(shared, "what_matters", "Seeing my grandchildren 👵 and getting out to the garden")
    store.record_answer(shared, "good_day", "Up early, coffee, a walk in the park and a chat with Jean")
    store.record_answer(shared, "strengths", "I am stubborn and I never give up")
    store.record_answer(shared, "worries", "Falling when nobody is about")
    store.record_answer(shared, "questions", "Can I have physio for my knees?")
    store.record_answer(shared, "support", "", skipped=True)
    goals = [
        store.add_goal(
            shared,
            "Work on my allotment again by the spring",
            "work on my allotment again",
            "hobbies",
            why="It keeps me sane",
            barriers="My knees hurt when I kneel",
            helps="A kneeler and a raised bed",
        ),
        store.add_goal(shared, SCRIPT_GOAL, "walk to the shop", "mobility", barriers="The hill"),
        store.add_goal(shared, "Sleep through the night without pain", "sleep without pain", "health"),
        store.add_goal(shared, "Go to the Tuesday lunch club Ωμέγα", "go to lunch club", "social"),
    ]
    store.record_answer(shared, "goal_why", "It keeps me sane", goal_id=goals[0])
    store.set_one_thing(shared, goals[0])
    store.add_flag("tg-1001", "crisis", "Sometimes I feel there is no point", plan_id=shared)

    unshared = store.new_plan(
        "tg-2002",
        subject_name="Unshared Person",
        appointment_date=today + timedelta(days=1),
        status="completed",
    )
    store.add_goal(unshared, "A secret goal nobody should see", "secret goal", "other")

    carer = store.new_plan(
        "tg-3003",
        recorded_by_role="carer",
        carer_name="Sarah",
        carer_relationship="daughter",
        carer_basis="lpa",
        person_present=False,
        subject_name="Arthur Smith",
        preferred_name="Dad",
        appointment_with="the memory clinic",
        appointment_date=today + timedelta(days=3),
        status="in_progress",
        shared=True,
        shared_at=utcnow(),
    )
    store.record_answer(carer, "what_matters", "His jigsaw puzzles and the radio")
    store.record_answer(carer, "carer_coping", "I am tired all the time")
    carer_goals = [store.add_goal(carer, "Dad to get out to the bowls club", "get to bowls club", "social")]
    carer_own = store.add_goal(
        carer, "A break one afternoon a week", "a weekly break", "caring", for_carer=True
    )
    in_order = [g["id"] for g in store.goals(shared)]  # the one thing first
    return Plans(shared, unshared, carer, in_order, carer_goals, carer_own)


WORDING = "Walk to the corner shop twice a week"
REASON = "Let's sort out the pain first"


def ensure_clinician(review: Review, username: str = "drpatel", team: str = "default") -> Review:
    """A clinician in a team: decisions are made by someone in the plan's team."""
    try:
        review.add_clinician(username, PASSWORD, team=team)
    except UsernameTaken:
        pass
    return review


def decide_three(store: Store, plans: Plans) -> Review:
    """Accept the first goal, reword the second, turn down the third; leave the fourth a draft."""
    review = Review(store)
    ensure_clinician(review)
    one_thing, script_goal, sleep, _lunch = plans.goals
    review.accept("drpatel", plans.shared, one_thing)
    review.edit("drpatel", plans.shared, script_goal, f"  {WORDING}  ")
    review.reject("drpatel", plans.shared, sleep, REASON)
    return review


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    db_url: str
    log: Path

    def stop(self) -> str:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_server(tmp_path: Path, db_url: str, **env: str) -> Server:
    """``python -m careteam`` on a free port, waiting until it answers."""
    port = free_port()
    log = tmp_path / "careteam.log"
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("CARETEAM_")}
    environment = {
        **inherited,
        "DATABASE_URL": db_url,
        "CARETEAM_PORT": str(port),
        "PYTHONPATH": str(REPO),
        **env,
    }
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603
            [PYTHON, "-m", "careteam"], cwd=tmp_path, env=environment, stdout=out, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the care-team app exited:\n" + log.read_text())
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return Server(url, process, db_url, log)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the care-team app did not start:\n" + log.read_text())


def csrf_from(html: str) -> str:
    """The CSRF token from a page's first form."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def cli(db_url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """``careplan ...`` through the real command line, as an admin would."""
    return subprocess.run(  # noqa: S603
        [PYTHON, "-m", "careplan.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": db_url},
        cwd=REPO,
        check=False,
    )


def add_clinician(
    db_url: str, username: str = "drpatel", password: str = PASSWORD, team: str = "default"
) -> None:
    """Through the real CLI, as an admin would."""
    result = cli(
        db_url, "clinician", "add", username, "--team", team, "--password-stdin", stdin=password + "\n"
    )
    assert result.returncode == 0, result.stderr


def log_in(
    client: requests.Session,
    url: str,
    username: str = "drpatel",
    password: str = PASSWORD,
    next_path: str = "",
    code: str = "",
    address: str | None = None,
) -> requests.Response:
    """Log in through the form. ``address``: the client address a trusted proxy would pass on
    (the app under test trusts 127.0.0.1 as its proxy), so per-address limits see distinct clients."""
    page = client.get(f"{url}/login")
    return client.post(
        f"{url}/login",
        data={
            "username": username,
            "password": password,
            "code": code,
            "csrf_token": csrf_from(page.text),
            "next": next_path,
        },
        headers={"X-Forwarded-For": address} if address else None,
        allow_redirects=False,
    )


def typical_plan(store: Store) -> int:
    """A typical shared plan: full identity, 3 goals with their whys, 1 red flag, the usual answers."""
    plan = store.new_plan(
        "tg-typical",
        subject_name="Patricia Anne Hughes",
        preferred_name="Pat",
        date_of_birth=date(1951, 7, 4),
        nhs_number="4010232137",
        appointment_with="Dr Okafor, Riverside Surgery",
        appointment_date=clock.today() + timedelta(days=6),
        appointment_time="10:40",
        appointment_when_text="next Tuesday at twenty to eleven",
        appointment_reason="My breathing and feeling low since the winter",
        status="completed",
    )
    store.share(plan)
    answers = {
        "what_matters": "Being able to look after myself and my cat, and seeing my sister on Sundays.",
        "good_day": "I sleep well, I get to the shop and back without stopping, and my sister rings.",
        "enjoys": "Crosswords, the radio, and feeding the birds in the garden.",
        "strengths": "I am organised and I don't give up easily.",
        "support": "My sister Jean, and my neighbour who drives me to appointments.",
        "worries": "Getting so out of breath that I can't get home from the shop.",
        "questions": "Could a different inhaler help? Is there a group for people with COPD near me?",
    }
    for key, text in answers.items():
        store.record_answer(plan, key, text)
    goals = [
        ("Walk to the corner shop and back without stopping", "walk to the shop", "mobility"),
        ("Get to my sister's on Sundays on the bus", "visit my sister", "family"),
        ("Feel less low in the evenings", "feel less low", "wellbeing"),
    ]
    ids = [
        store.add_goal(
            plan,
            text,
            title,
            domain,
            why="So I can keep living in my own home",
            barriers="I get out of breath on the hill",
            helps="A walking stick with a seat",
        )
        for text, title, domain in goals
    ]
    store.set_one_thing(plan, ids[0])
    store.add_flag("tg-typical", "crisis", "Some nights I feel there is no point going on", plan_id=plan)
    return plan
