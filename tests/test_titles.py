"""Goal titles and domains on goals as people and carers type them
(tests/data/goal_titles.tsv)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careplan.titles import MAX_TITLE_CHARS, classify, goal_words, short_title
from careplan.vocab import DOMAINS


def _table(name: str) -> list[tuple[str, ...]]:
    rows = (Path(__file__).parent / "data" / name).read_text("utf-8").splitlines()
    return [tuple(row.split("|")) for row in rows if row.strip() and not row.startswith("#")]


GOALS = _table("goal_titles.tsv")
# Session 23's corpus, written before its fix (tester_d's C18 and variants of each class).
CORPUS = _table("goal_corpus.tsv")
FILLER = re.compile(r"^(i just told you|well|as i said|like i said|honestly|so|um|erm|yes|tbh|ok)\b", re.I)


def test_the_table_is_big_and_covers_every_domain_but_other() -> None:
    assert len(GOALS) >= 60
    assert {domain for _, _, domain in GOALS} == set(DOMAINS) - {"other"}


@pytest.mark.parametrize(("said", "title", "domain"), GOALS, ids=[said[:50] for said, _, _ in GOALS])
def test_a_goal_gets_the_title_and_domain_a_person_would_give_it(said: str, title: str, domain: str) -> None:
    assert short_title(said) == title
    assert classify(said) == domain


@pytest.mark.parametrize("said", [said for said, _, _ in GOALS], ids=[said[:50] for said, _, _ in GOALS])
def test_titles_are_short_start_with_the_goal_and_never_end_mid_phrase(said: str) -> None:
    title = short_title(said)
    assert len(title) <= MAX_TITLE_CHARS
    assert not FILLER.match(title)
    assert title[0].isupper()
    if title.endswith("…"):
        last_word = title.rstrip("…").split()[-1].lower()
        assert last_word not in {"and", "or", "but", "to", "the", "a", "with", "of", "for", "my", "get"}


def test_the_corpus_holds_at_least_80_goals_in_many_domains() -> None:
    assert len(CORPUS) >= 80
    assert len({domain for _, _, domain in CORPUS}) >= 10


@pytest.mark.parametrize(("said", "title", "domain"), CORPUS, ids=[said[:50] for said, _, _ in CORPUS])
def test_a_goal_as_typed_gets_the_title_and_domain_a_clinician_would_want(
    said: str, title: str, domain: str
) -> None:
    assert (short_title(said), classify(said)) == (title, domain)


def test_a_long_goal_is_cut_where_a_phrase_starts_and_says_so() -> None:
    title = short_title(
        "I would like to go swimming again with my friend Jean on a Tuesday morning"
        " at the leisure centre in town"
    )
    assert title == "Go swimming again with my friend Jean on a Tuesday morning…"


def test_the_whole_goal_is_kept_when_it_fits() -> None:
    said = "I'm worried my feet will get worse, and what I can do to stop it"
    assert goal_words(said) == "worried my feet will get worse, and what I can do to stop it"


def test_a_message_with_nothing_but_filler_keeps_its_words() -> None:
    assert short_title("well") == "Well"
    assert classify("well") == "other"
