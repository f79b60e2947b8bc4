"""careplan.input_checks: what counts as a problem with the input itself."""

from __future__ import annotations

import pytest

from careplan.input_checks import (
    EMPTY,
    NOT_ENGLISH,
    ONLY_EMOJI,
    TOO_LONG,
    InputIssue,
    check,
    clean,
)
from careplan.store import Store
from careplan.vocab import MAX_ANSWER_CHARS


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n", "\x00\x01\x7f", "\u202e\u200b", None])
def test_empty(text: str | None) -> None:
    assert check(text) == InputIssue(EMPTY)


def test_too_long_says_how_much_is_kept() -> None:
    assert check("a" * MAX_ANSWER_CHARS) is None
    issue = check("a" * (MAX_ANSWER_CHARS + 1))
    assert issue == InputIssue(TOO_LONG, limit=MAX_ANSWER_CHARS)
    assert check("I like walking. " * 1250).kind == TOO_LONG  # 20,000 characters


@pytest.mark.parametrize("text", ["👍", "🙂🙂🙂", "❤️", "👩\u200d👩\u200d👧", "???", "!!! ...", "★ ☆ ✓"])
def test_only_emoji_or_symbols(text: str) -> None:
    assert check(text) == InputIssue(ONLY_EMOJI)


@pytest.mark.parametrize(
    "text",
    [
        "我想和我的孙子一起散步",
        "Моя семья очень важна для меня",
        "أريد أن أمشي إلى الحديقة",
        "मैं अपने परिवार से मिलना चाहता हूँ",
        "Chciałbym znowu chodzić na spacery z psem",
        "Je voudrais voir mes petits-enfants plus souvent",
        "Mi familia es lo más importante para mí",
        "Ich möchte wieder in meinem Garten arbeiten",
        "Bore da! Dw i'n hoffi mynd am dro gyda'r ci",
    ],
)
def test_other_languages_and_scripts(text: str) -> None:
    assert check(text) == InputIssue(NOT_ENGLISH)


@pytest.mark.parametrize(
    "text",
    [
        "Zoë",
        "Siân",
        "Dzień dobry",  # too short to tell; could be a greeting in an English chat
        "Gwen ap Rhys",
        "I go to the café with Zoë and José on Fridays",
        "My friend Wojciech Szczęsny from Łódź visits on Sundays",
        "Siobhán Ní Bhriain is my sister and she helps me a lot",
        "I love my family ❤️ and my grandson's name is 李伟",
        "la la la I want to sing in the choir again",
        "ok 👍",
        "5",
        "<script>alert('hi')</script> I like walking",
        "Robert'); DROP TABLE goals;--",
        "' OR 1=1 --",
        "- walking\n- gardening\n\t- roses",
        # English in dialect (set9_06): words shared with other languages ("ma", "mi", "di")
        "ma daughter Leanne, ma sister Senga, the neighbours",
        "ma maw an ma da, an the lassies fae the bingo",
        "mi daughter Marcia, mi son, an di church sistren dem",
    ],
)
def test_everyday_answers_are_fine(text: str) -> None:
    assert check(text) is None


def test_clean_strips_control_and_hidden_characters_but_keeps_layout() -> None:
    assert clean("a\x00b\x07c") == "abc"
    assert clean("line one\r\nline two\rthree") == "line one\nline two\nthree"
    assert clean("tab\there") == "tab\there"
    assert clean("evil\u202etxt.exe") == "eviltxt.exe"  # right-to-left override
    assert clean("zero\u200bwidth\ufeff") == "zerowidth"
    assert clean("lone \ud800 surrogate") == "lone  surrogate"
    family = "👩\u200d👩\u200d👧"
    assert clean(family) == family  # the joiner that builds the emoji stays
    assert clean("Zoe\u0308") == "Zoë"  # one form of ë, so searches and exports agree


def test_markup_and_sql_are_stored_verbatim(tmp_path) -> None:
    """Not issues: the real store keeps them exactly, and the tables survive."""
    store = Store(f"sqlite:///{tmp_path / 'care.db'}")
    plan = store.new_plan("sender-1")
    tricky = ["<script>alert(1)</script>", "Robert'); DROP TABLE answers;--", "' OR '1'='1"]
    for number, text in enumerate(tricky):
        assert check(text) is None
        store.record_answer(plan, f"q{number}", clean(text))
    answers = {a["question_key"]: a["text"] for a in store.export(plan)["answers"]}
    assert [answers[f"q{n}"] for n in range(len(tricky))] == tricky


def test_cleaned_control_characters_can_be_stored(tmp_path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'care.db'}")
    plan = store.new_plan("sender-2")
    store.record_answer(plan, "q", clean("walk\x00ing \ud800the dog"))
    [answer] = store.export(plan)["answers"]
    assert answer["text"] == "walking the dog"
