"""careplan.kept: a question answered again keeps, adds to or (said back) replaces what
was said before; words are never lost without a word. Pure functions, no servers."""

from __future__ import annotations

import pytest

from careplan import kept


@pytest.mark.parametrize(
    ("before", "now"),
    [
        ("the garden! and telly quizzes, she shouts the answers at the chase", "the garden"),
        ("my wife Jean and the lads at the bowls club", "jean"),
        ("Falls on the stairs, and getting lost in town", "falling on the stairs"),
        ("crosswords, the radio and his pigeons", "his pigeons"),
    ],
)
def test_saying_part_of_it_again_keeps_the_fuller_answer(before: str, now: str) -> None:
    again = kept.answered_again(before, now)
    assert (again.how, again.words) == ("same", before)


@pytest.mark.parametrize(
    ("before", "now"),
    [
        ("my neighbour", "also my son on sundays"),
        ("money", "and the rent going up"),
        ("the garden", "oh and the bingo as well"),
        ("falls", "plus the cat, who feeds her if im in hospital"),
        ("my daughter", "the church lot too"),
    ],
)
def test_an_answer_that_adds_is_kept_with_the_one_before(before: str, now: str) -> None:
    again = kept.answered_again(before, now)
    assert again.how == "added"
    assert before in again.words and now in again.words


def test_a_fuller_answer_takes_the_place_of_a_shorter_one_quietly() -> None:
    again = kept.answered_again("the garden", "the garden and her telly quizzes")
    assert (again.how, again.words) == ("fuller", "the garden and her telly quizzes")


@pytest.mark.parametrize(
    ("before", "now"),
    [("crosswords", "actually its more the football on the radio"), ("my back", "getting out of breath")],
)
def test_a_different_answer_takes_the_place_and_is_said_back(before: str, now: str) -> None:
    again = kept.answered_again(before, now)
    assert (again.how, again.words) == ("replaced", now)


def test_the_same_words_are_the_same_answer() -> None:
    assert kept.answered_again("My Garden", "my garden").how == "same"
