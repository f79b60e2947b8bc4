"""The care team's list of shared plans at scale: a fixed number of queries however many
plans are shared (it was three per plan: 14 s for 1,000 in the benchmark), and each
line still shows the plan's own flags, its chat's flags from before the plan existed,
and its goals counted."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from careplan.review import Review
from careplan.store import Store
from careplan.vocab import ACCEPTED

NURSE, PASSWORD = "nurse-kim", "a long test password 1"


def review_of(tmp_path) -> tuple[Store, Review]:
    store = Store(f"sqlite:///{tmp_path / 'plans.db'}")
    review = Review(store)
    review.add_clinician(NURSE, PASSWORD)
    return store, review


@contextmanager
def counted(store: Store) -> Iterator[list[str]]:
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)


def test_each_line_has_its_flags_and_goals(tmp_path) -> None:
    store, review = review_of(tmp_path)
    first = store.new_plan("tg-1", subject_name="Peggy")
    second = store.new_plan("tg-1", subject_name="Peggy")  # the same chat, started again
    other = store.new_plan("tg-2", subject_name="Winston")
    hidden = store.new_plan("tg-3", subject_name="Not shared")
    elsewhere = store.new_plan("tg-4", subject_name="Another practice")
    for plan in (first, second, other):
        store.share(plan)
    store.share(elsewhere, team="north")
    store.add_flag("tg-1", "crisis", "a message", plan_id=first)
    store.add_flag("tg-1", "urgent", "said before any plan")  # the chat's, not a plan's
    store.add_flag("tg-3", "crisis", "a message", plan_id=hidden)
    store.add_flag("tg-4", "crisis", "a message", plan_id=elsewhere)
    goals = [store.add_goal(other, f"goal {n}", f"Goal {n}", "social") for n in range(3)]
    store.update_goal(goals[0], status=ACCEPTED)
    store.add_goal(first, "walk to the shop", "Walk to the shop", "mobility")

    rows = {row.id: row for row in review.shared_plans(NURSE)}

    assert set(rows) == {first, second, other}
    assert sorted(f.kind for f in rows[first].flags) == ["crisis", "urgent"]
    assert [f.kind for f in rows[second].flags] == ["urgent"]
    assert rows[other].flags == []
    assert (rows[other].goals, rows[other].drafts) == (3, 2)
    assert (rows[first].goals, rows[first].drafts) == (1, 1)
    assert (rows[second].goals, rows[second].drafts) == (0, 0)


def test_the_same_queries_for_a_few_plans_or_many(tmp_path) -> None:
    store, review = review_of(tmp_path)

    def add(count: int) -> None:
        for n in range(count):
            plan = store.new_plan(f"tg-{n}-{count}", subject_name=f"Person {n}")
            store.add_goal(plan, "a goal", "A goal", "social")
            store.add_flag(f"tg-{n}-{count}", "urgent", "a message", plan_id=plan)
            store.add_flag(f"tg-{n}-{count}", "urgent", "before the plan")
            store.share(plan)

    add(3)
    with counted(store) as few:
        assert len(review.shared_plans(NURSE)) == 3
    add(40)
    with counted(store) as many:
        rows = review.shared_plans(NURSE)
    assert len(rows) == 43 and all(len(row.flags) == 2 and row.goals == 1 for row in rows)
    assert len(many) == len(few) <= 8
