"""Session 30 (listen_exit), the s30 tester's read-backs: what matters is never cut mid-phrase
(Pauline's "...getting through each day without…" left out what mattered), and "show my plan"
shows every answer, so people can check what they said (Tariq's strengths, who helps and
worries; Pauline's "Please don't text")."""

from __future__ import annotations

import pytest

from careplan import readback
from careplan.store import Store

PAULINE = (
    "Oh goodness. Well. My husband Dennis died in July, we were married 52 years, and I suppose what "
    "matters is getting through each day without falling apart. Church lunch club on Tuesdays, and "
    "keeping the garden nice the way he liked it."
)
TARIQ = (
    "getting back to cooking for the family, she ran the kitchen for 40 years. and going to the mosque "
    "on fridays, she hasnt been since. also the OT still hasnt come to do the rails in the bathroom, "
    "weve been chasing for 2 weeks, nobody calls back"
)


@pytest.fixture()
def store(tmp_path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'plans.db'}")


def _plan(store: Store, what_matters: str, **answers: str) -> dict:
    plan = store.new_plan("s30x", subject_name="Pauline Harcourt", preferred_name="Pauline")
    for key, text in {"what_matters": what_matters, **answers}.items():
        store.record_answer(plan, key, text)
    store.add_goal(plan, "kneel in the garden", "Kneel in the garden", "mobility", why="for Dennis")
    return store.export(plan)


@pytest.mark.parametrize("said", [PAULINE, TARIQ, ("a long sentence about my family " * 8).strip()])
def test_what_matters_is_shown_whole(store: Store, said: str) -> None:
    assert f"What matters most: “{said}”" in readback.plan_text(_plan(store, said))


def test_a_very_long_answer_ends_at_a_sentence_end(store: Store) -> None:
    said = " ".join([PAULINE, TARIQ, PAULINE])
    line = next(x for x in readback.plan_text(_plan(store, said)).splitlines() if "What matters" in x)
    assert line.endswith(". …”") and len(line) < len(said)


def test_everything_shows_each_answer_and_the_contact_wish(store: Store) -> None:
    plan = _plan(
        store,
        PAULINE,
        strengths="stubborn in a good way",
        support="my sister Aisha on weekends",
        worries="that it happens again",
    )
    store.update_plan(plan["plan_id"], contact="01723 550 218 mornings. Please don't text")
    text = readback.plan_text(store.export(plan["plan_id"]), everything=True)
    for said in ("stubborn in a good way", "my sister Aisha", "that it happens again", "for Dennis"):
        assert said in text
    assert "How to contact you: “01723 550 218 mornings. Please don't text”" in text
