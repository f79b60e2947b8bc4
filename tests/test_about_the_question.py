"""Questions about the question just asked, and answers typed as lists (session 27,
listen_literal; set10_09, Lee): careplan.listen's reading of them, careplan.words.listed and
the titles made from a list."""

from __future__ import annotations

import pytest

from careplan import interpret, listen
from careplan.questions import catalogue
from careplan.titles import short_title
from careplan.words import listed


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Do you want one thing or several?", "how_many"),
        ("just one thing or a few?", "how_many"),
        ("one or more?", "how_many"),
        ("Can I give you more than one?", "how_many"),
        ("can i say a few things", "how_many"),
        ("how many things do you want?", "how_many"),
        ("do you want a list?", "how_many"),
        ("how much detail do you want?", "how_much"),
        ("How much should I write?", "how_much"),
        ("short answer or long?", "how_much"),
        ("What counts as mattering? People, or things I do?", "ask_meaning"),
        ("Do you mean a good day now, or before the stroke?", "ask_meaning"),
        ("What do you mean by a good day? Good for my health, or good in general?", "ask_meaning"),
        ("Define 'at the moment'.", "ask_meaning"),
        ("what kind of thing do you want?", "ask_meaning"),
        ("what sort of help do you mean?", "ask_meaning"),
        ("is it about my health or in general?", "ask_meaning"),
        ("as in my health, or generally?", "ask_meaning"),
        ("does it have to be about health?", "ask_meaning"),
        ("good in what way?", "ask_meaning"),
        ("can it be anything?", "ask_meaning"),
        ("that do?", "checking"),
        ("that enough?", "checking"),
    ],
)
def test_questions_about_the_question_are_heard(text: str, intent: str) -> None:
    assert listen.meta(text) == intent
    assert not listen.question_to_bot(text)  # never a question for the care team


@pytest.mark.parametrize(
    "text",
    [
        "I have one or two friends who pop in",
        "my son, one or two neighbours",
        "I want to walk more or swim",
        "how many more questions",  # how many are left: its own reply
        "I'd define a good day as one without pain",
        "what do you mean",  # the question's reason, as before
        "that will do",
        "Is my inhaler still the right one?",
        "is it my heart or my chest?",  # for the care team
        "it has to be about my breathing",
        "can it be about my dog?",  # whether the answer will do: its own reply
    ],
)
def test_not_questions_about_the_question(text: str) -> None:
    assert listen.meta(text) not in listen.ABOUT_THE_QUESTION


def test_an_answer_beside_a_question_about_the_question_is_kept() -> None:
    said = "Define 'at the moment'. If you mean today: the appointment running late."
    assert listen.answer_beside(said) == (
        "Define 'at the moment'.",
        "If you mean today: the appointment running late.",
    )
    said = "What do you mean by at the moment? If you mean this week: another fall."
    assert listen.answer_beside(said) == (
        "What do you mean by at the moment?",
        "If you mean this week: another fall.",
    )


def test_what_a_question_means_comes_from_the_catalogue() -> None:
    assert "these days" in catalogue()["worries"].means_text(None)
    assert "Glyn's" in catalogue()["one_thing"].means_text("Glyn")
    assert catalogue()["consent"].means_text(None) == catalogue()["consent"].why_text(None)  # none of its own


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "Then: 1. Sleep 7 hours a night. 2. Get my ear defenders agreed at work.",
            ["Sleep 7 hours a night", "Get my ear defenders agreed at work"],
        ),
        (
            "In general then. 1. Bus on time. 2. Quiet office. 3. Pasta at 18:00. 4. No phone calls.",
            ["Bus on time", "Quiet office", "Pasta at 18:00", "No phone calls"],
        ),
        ("1) walk the dog 2) see my grandkids", ["walk the dog", "see my grandkids"]),
        ("- lift my grandson up\n- hang the washing out", ["lift my grandson up", "hang the washing out"]),
        ("Two things: • swim • cook for the family", ["swim", "cook for the family"]),
        ("I walk 2. miles", []),
        ("at 10. then home", []),
        ("my knee - and my hip", []),
        ("just the one thing", []),
    ],
)
def test_lists_typed_as_lists(text: str, items: list[str]) -> None:
    assert listed(text) == items


def test_a_numbered_list_of_goals_is_several_goals() -> None:
    said = "Then: 1. Sleep 7 hours a night. 2. Get my ear defenders agreed at work."
    assert listen.several_goals(said) == ["Sleep 7 hours a night", "Get my ear defenders agreed at work"]


@pytest.mark.parametrize(
    "text",
    [
        "Then: 1. Sleep 7 hours a night. 2. Get my ear defenders agreed at work.",
        "1. The neighbour's dog barks at 05:00. 2. I read the news in bed.",
        "- lift my grandson up\n- hang the washing out",
    ],
)
def test_a_list_is_titled_from_its_words(text: str) -> None:
    title = short_title(text)
    assert not title[:1].isdigit() and not title.startswith(("-", "Then")), title
    assert len(title.split()) >= 2


def test_checking_said_short_is_not_an_answer() -> None:
    assert interpret.without_complaint("I can fix most things. that do?") == (
        "I can fix most things.",
        "checking",
    )


def test_a_clause_with_which_is_no_question() -> None:
    """set7_01: "..., and she feels guilty for waking me, which she should not." is why it
    matters, never a question for the care team."""
    said = (
        "Because the broken nights wreck the next day for both of us. She gets so tired she cannot"
        " concentrate on her books, and she feels guilty for waking me, which she should not."
    )
    assert listen.answer_beside(said) is None
    assert not listen.question_to_bot("which she should not.")
    assert listen.question_to_bot("which tablets should he take?")


def test_a_bulleted_list_is_not_said_again() -> None:
    """A bullet's dash is no "I told you": nothing was said to the bot."""
    assert interpret.without_complaint("- my knee\n- the hill up to the shop") == (
        "- my knee\n- the hill up to the shop",
        None,
    )
