"""listen_nine_a (session 26): set 9's first five conversations, as classes."""

from __future__ import annotations

import pytest

from careplan import interpret, listen


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("Amma, thats what we all call her", "Amma"),
        ("Papa, thats what all the grandkids call him", "Papa"),
        ("Nanna. we all call her that, even the neighbours", "Nanna"),
        ("Taff - thats what everyone calls me at work", "Taff"),
        ("Margaret, nobody calls her that", None),
        ("Kathleen, only the doctors call her that", None),
    ],
)
def test_a_name_said_as_what_everyone_calls_them(text: str, called: str | None) -> None:
    assert interpret.name(text) == called


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("what i said before, play football without going low", "play football without going low"),
        ("What I said before. My independence", "My independence"),
        (
            "same as before, the physio and the school working together",
            "the physio and the school working together",
        ),
        ("what i said before", ""),
        ("SAME AS BEFORE", ""),
        ("same as before really, the rehab thing", "the rehab thing"),
        ("what i said was wrong", None),
        ("like I said to my wife, its the stairs", None),
        ("my garden", None),
    ],
)
def test_reaching_back_gives_the_new_words(text: str, rest: str | None) -> None:
    assert interpret.reaching_back(text) == rest


@pytest.mark.parametrize(
    ("text", "wish"),
    [
        ("I just want to be able to pick my daughter up again without my back going", "want to be able"),
        (
            "a good day is when I can walk the dog round the park, that's all I want",
            "walk the dog round the park",
        ),
        ("my grandkids and my dog", None),
    ],
)
def test_the_wish_told_in_an_earlier_answer(text: str, wish: str | None) -> None:
    found = listen.wish_in(text)
    assert (found is None) if wish is None else (found is not None and found.startswith(wish))


@pytest.mark.parametrize(
    ("text", "question", "answer"),
    [
        (
            "Why does that matter? Because she's had everything taken off her",
            "Why does that matter to Brenda?",
            "Because",
        ),
        ("What gets in the way? The stairs, mainly.", "What gets in the way at the moment?", "The stairs"),
        ("is that normal? the swelling", "What gets in the way at the moment?", None),
        ("why do you need that? its my daughter", "Who are you to them?", None),
    ],
)
def test_the_question_said_back_then_answered(text: str, question: str, answer: str | None) -> None:
    found = listen.after_echoed_question(text, question)
    assert (found is None) if answer is None else (found is not None and found.startswith(answer))


@pytest.mark.parametrize(
    ("text", "wish"),
    [
        ("walk the dog again without my foot ulcer oozing through my sock", True),
        ("Dear Sir, I should like to walk to chapel without my leg weeping through the bandage.", True),
        ("it smells and its oozing", False),
        ("I feel shivery tonight", False),
    ],
)
def test_a_goal_told_with_a_sign_in_it_is_a_wish(text: str, wish: bool) -> None:
    assert listen.tells_a_wish(text) is wish


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Dear Sir, Margaret Ann Hughes. Yours, Margaret Hughes", "Margaret Ann Hughes"),
        ("Dear Sir or Madam, Albert will suffice. Regards, Albert Finch", "Albert will suffice"),
        ("Dear Doctor, the memory clinic. Yours, Winnie", "the memory clinic"),
        ("Dear Sir, may I bathe? Yours, Margaret Hughes", "may I bathe?"),
        ("To whom it may concern, my hip", "my hip"),
        ("my dear husband, Bob", "my dear husband, Bob"),
        ("to the shops, and back", "to the shops, and back"),
    ],
)
def test_a_letters_opening_and_close_are_not_the_answer(text: str, plain: str) -> None:
    assert listen.without_sign_off(text) == plain


@pytest.mark.parametrize(
    ("text", "full", "own"),
    [
        ("sorry, habit from forms. Samuel Reid, that's my legal name now", "Samuel Reid", True),
        ("oh her full name is Bernadette Mary Kelly, sorry", "Bernadette Mary Kelly", False),
        ("my real name is a secret", None, False),
        ("That is my full name", None, False),
    ],
)
def test_a_full_name_put_right_later(text: str, full: str | None, own: bool) -> None:
    fix = listen.correction(text)
    if full is None:
        assert fix is None or fix.kind != "full_name"
    else:
        assert fix is not None and (fix.kind, fix.value, fix.own) == ("full_name", full, own)
