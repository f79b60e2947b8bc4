"""careplan.dates on the corpus of UK date phrasings (tests/data/dates_corpus.tsv,
and the held-out set written after the parser), and the words a confirmation uses."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from dates_kit import CORPUS, HELD_OUT, Case, load_corpus

from careplan.dates import When, resolve, said, when

CASES = load_corpus(CORPUS) + load_corpus(HELD_OUT)


def test_the_corpus_is_big_enough_and_has_dateless_answers() -> None:
    assert len(load_corpus(CORPUS)) >= 160
    assert sum(case.expected is None for case in CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[f"{c.today:%d%b}:{c.text}:{c.after or ''}" for c in CASES])
def test_each_phrasing_means_the_date_and_time_people_meant(case: Case) -> None:
    assert when(case.text, case.today, case.after) == case.expected
    if case.after is None:
        assert resolve(case.text, case.today) == (case.expected.day if case.expected else None)


def test_a_when_cannot_be_changed_after_it_is_made() -> None:
    found = when("friday 11th at 2", date(2026, 12, 2))
    assert found == When(date(2026, 12, 11), "14:00")
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.day = date(2026, 12, 12)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("day", "time", "words"),
    [
        (date(2026, 12, 14), None, "Monday 14 December"),
        (date(2026, 12, 14), "10:30", "Monday 14 December, at 10:30am"),
        (date(2026, 12, 14), "14:00", "Monday 14 December, at 2pm"),
        (date(2026, 12, 14), "12:00", "Monday 14 December, at midday"),
        (date(2026, 12, 14), "00:15", "Monday 14 December, at 12:15am"),
        (date(2027, 1, 4), "09:05", "Monday 4 January 2027, at 9:05am"),
    ],
)
def test_said_is_the_plain_english_confirmation(day: date, time: str | None, words: str) -> None:
    assert said(day, time, today=date(2026, 12, 2)) == words


def test_long_text_is_read_only_at_its_start() -> None:
    assert when("blah " * 100 + "friday 11th", date(2026, 12, 2)) is None
