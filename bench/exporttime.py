"""How long one plan's summary export takes as the database grows.

Fills a throw-away SQLite database in bulk (plans with answers, goals and a
flag, shaped like the ones the bot writes), then times ``Store.export`` for
plans picked across the table, and the clinician summary rendering built on
it; and the care team's list of shared plans at 1,000 shared plans. The text
is synthetic: no real conversation is ever used.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from careplan import db
from careplan.models import Answer, Flag, Goal, Plan
from careplan.review import Review
from careplan.store import Store

LIFE_KEYS = ("what_matters", "good_day", "enjoys", "strengths", "support", "worries", "questions")
DOMAINS = ("mobility", "social", "hobbies", "wellbeing", "home")
REPEATS = 30


def fill(url: str, plans: int, seed: int = 7) -> list[int]:
    """Insert ``plans`` plans (7 answers, 3 goals, every 20th with a flag); return their ids."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    engine = db.make_engine(url)
    now = datetime(2026, 1, 1)
    plan_rows: list[dict[str, Any]] = []
    answer_rows: list[dict[str, Any]] = []
    goal_rows: list[dict[str, Any]] = []
    flag_rows: list[dict[str, Any]] = []
    goal_id = 0
    for plan_id in range(1, plans + 1):
        carer = plan_id % 3 == 0
        when = now + timedelta(minutes=plan_id)
        plan_rows.append(
            {
                "id": plan_id,
                "sender": f"sender-{plan_id:06d}",
                "recorded_by_role": "carer" if carer else "self",
                "carer_name": "Sam" if carer else None,
                "carer_relationship": "daughter" if carer else None,
                "carer_basis": "agreed" if carer else None,
                "subject_name": f"Person {plan_id}",
                "preferred_name": "Pat",
                "appointment_with": "the practice nurse",
                "appointment_date": date(2026, 2, 1) + timedelta(days=plan_id % 60),
                "appointment_reason": "a review of my breathing",
                "status": rng.choice(["in_progress", "completed"]),
                "shared": plan_id % 2 == 0,
                "created_at": when,
                "updated_at": when,
            }
        )
        for key in LIFE_KEYS:
            answer_rows.append(
                {
                    "plan_id": plan_id,
                    "question_key": key,
                    "text": f"synthetic answer to {key} number {rng.randint(1, 10_000)} " * 3,
                    "skipped": False,
                    "truncated": False,
                    "expressed_by": "carer" if carer else "self",
                    "expressed_by_relationship": "daughter" if carer else None,
                    "created_at": when,
                    "updated_at": when,
                }
            )
        for priority in range(1, 4):
            goal_id += 1
            goal_rows.append(
                {
                    "id": goal_id,
                    "plan_id": plan_id,
                    "for_carer": False,
                    "text": f"synthetic goal {priority} for plan {plan_id}, in the person's own words",
                    "title": f"Goal {priority}",
                    "domain": rng.choice(DOMAINS),
                    "priority": priority,
                    "one_thing": priority == 1,
                    "why": "so that I can keep doing things",
                    "status": "draft",
                    "expressed_by": "self",
                    "created_at": when,
                    "updated_at": when,
                }
            )
        if plan_id % 20 == 0:
            flag_rows.append(
                {
                    "plan_id": plan_id,
                    "sender": f"sender-{plan_id:06d}",
                    "kind": "crisis",
                    "message": "synthetic flag",
                    "created_at": when,
                }
            )
    with engine.begin() as conn:
        for table, rows in ((Plan, plan_rows), (Goal, goal_rows), (Answer, answer_rows), (Flag, flag_rows)):
            for start in range(0, len(rows), 5000):
                chunk = rows[start : start + 5000]
                if chunk:
                    conn.execute(insert(table.__table__), chunk)
    engine.dispose()
    return [row["id"] for row in plan_rows]


def _time_ms(work: Callable[[], object], repeats: int = REPEATS) -> dict[str, float]:
    work()  # warm: imports, template compilation, first connection
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {"median_ms": statistics.median(samples), "max_ms": samples[-1]}


def _export_next(store: Store, ids: Iterator[int]) -> dict[str, Any]:
    return store.export(next(ids))


def renderers() -> dict[str, Callable[[dict[str, Any]], object]]:
    """The clinician summary renderings that exist in this checkout."""
    found: dict[str, Callable[[dict[str, Any]], object]] = {}
    try:
        from careplan import summary

        found["summary_build"] = summary.build
    except ImportError:
        return found
    try:
        from careplan.exports import html, markdown

        found["summary_html"] = html.render
        found["summary_markdown"] = markdown.render
    except ImportError:
        pass
    return found


def measure(sizes: tuple[int, ...] = (10, 1_000, 10_000)) -> dict[int, dict[str, float]]:
    """Median milliseconds per operation, by number of plans in the database."""
    results: dict[int, dict[str, float]] = {}
    render = renderers()
    with tempfile.TemporaryDirectory(prefix="wm-bench-export-") as tmp:
        for size in sizes:
            url = f"sqlite:///{Path(tmp) / f'plans-{size}.db'}"
            db.migrate(url)
            started = time.perf_counter()
            ids = fill(url, size)
            fill_s = time.perf_counter() - started
            store = Store(url, migrate=False)
            rng = random.Random(size)  # noqa: S311 - synthetic data, not security
            picks = [rng.choice(ids) for _ in range(REPEATS + 1)]
            cursor = iter(picks * 2)
            row: dict[str, float] = {"fill_s": round(fill_s, 2)}
            row["export_ms"] = _time_ms(partial(_export_next, store, cursor))["median_ms"]
            plan = store.export(ids[len(ids) // 2])
            for name, fn in render.items():
                row[f"{name}_ms"] = _time_ms(partial(fn, plan))["median_ms"]
            store.engine.dispose()
            results[size] = {key: round(value, 3) for key, value in row.items()}
    return results


def measure_team_list(plans: int = 2_000, repeats: int = 2) -> dict[str, float]:
    """The care team's list of shared plans (``Review.shared_plans``, what the app's
    front page shows) with half of ``plans`` shared: 1,000 by default.

    Not 10,000: on 2026-12-02 the list cost about 12 ms per shared plan (6 s at 500),
    so one load at 10,000 would take minutes."""
    with tempfile.TemporaryDirectory(prefix="wm-bench-list-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'plans.db'}"
        db.migrate(url)
        fill(url, plans)
        store = Store(url, migrate=False)
        review = Review(store)
        review.add_clinician("bench-nurse", "a long bench password 1")
        shared = len(review.shared_plans("bench-nurse"))
        timing = _time_ms(partial(review.shared_plans, "bench-nurse"), repeats=repeats)
        store.engine.dispose()
    return {"shared": shared, "list_ms": round(timing["median_ms"], 1)}


if __name__ == "__main__":  # pragma: no cover - manual use
    for size, row in measure().items():
        print(size, row)
    print(measure_team_list())
