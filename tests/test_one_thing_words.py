"""The one thing chosen in the person's words (careplan.listen.match_goal): a word in another
form than the goal's ("the running" for "run a 5k") finds it, even beside a goal of the same kind."""

from __future__ import annotations

import pytest

from careplan import listen
from careplan.titles import short_title


def goals(*texts: str) -> list[dict]:
    return [{"id": n, "title": short_title(text), "text": text} for n, text in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("the running", 1),
        ("running with my daughter", 1),
        ("the swimming one", 2),
        ("the shopping", 3),
        ("jogging", None),
    ],
)
def test_a_goal_is_found_by_its_words_in_another_form(text: str, chosen: int | None) -> None:
    plan = goals(
        "run a 5k with my daughter in the spring", "swim at the leisure centre again", "go shop on my own"
    )
    assert listen.match_goal(text, plan) == chosen
