"""What someone said, as every view shows it (careplan.words): a button is never quoted as
words, and an answer added to later is separate items, in order, in their own words."""

from __future__ import annotations

from careplan import readback
from careplan.exports import markdown
from careplan.words import Piece, pieces, plain


def test_an_answer_added_to_later_is_separate_pieces_in_order() -> None:
    assert pieces("the garden! and telly quizzes\nalso the bingo") == [
        Piece("the garden! and telly quizzes"),
        Piece("also the bingo", later=True),
    ]
    assert plain("the garden\nalso the bingo") == "“the garden”, then later “also the bingo”"


def test_a_button_is_what_was_chosen_never_words_in_quotes() -> None:
    assert pieces("(chose: Yes please)") == [Piece("Yes please", chosen=True)]
    assert plain("(chose: Yes please)") == "(chose: Yes please)"
    # typed words that happen to start with a bracket are still their words
    assert pieces("(not sure) a bench halfway") == [Piece("(not sure) a bench halfway")]


def test_blank_lines_are_not_pieces() -> None:
    assert pieces("\n  \n") == [] and pieces(None) == []


def test_the_read_back_says_a_button_was_chosen_and_keeps_added_answers_apart() -> None:
    goal = {"title": "Have a carer's assessment", "text": "(chose: Yes please)"}
    assert readback.goal_lines(goal, 3)[1] == "   You chose: Yes please"
    typed = {
        "title": "Keep living at home",
        "text": "keep living at home with biscuit",
        "helps": "a key safe\nand a carer",
    }
    assert readback.goal_lines(typed, 1)[1] == "   In your words: “keep living at home with biscuit”"
    assert readback._goal_parts(typed) == ["   What would help: “a key safe”, then later “and a carer”"]


def test_markdown_numbers_added_answers_and_leaves_a_button_unquoted() -> None:
    assert (
        markdown.answer("a key safe\nand a carer")
        == "  \n1\\. “a key safe”  \n2\\. “and a carer” (added later)"
    )
    assert markdown.answer("(chose: Yes please)") == "(chose: Yes please)"
