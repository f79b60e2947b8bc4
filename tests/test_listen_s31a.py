"""Session 31 (listen_flow14a): slips in retired blind set 14, in other people's words.

Each class has a conversation (tests/conversations/messy_s31a_*.yml) that failed first."""

from __future__ import annotations

import pytest

from careplan import interpret, listen, safety

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "ma brother Tam died o the same thing in 2015. it wis caught late. that's behind us, but it's why ah"
        " keep ma appointments",
        "my dad had a stroke at 60, which is why I get my pressure checked",
        "mum went the same way. thats why i worry about it",
        "the reason why I go is my wife",
    ],
)
def test_why_told_as_a_reason_asks_nothing(text: str) -> None:
    """set14_06: "..., but it's why ah keep ma appointments" at the worries got why the question is asked."""
    assert listen.why_as_a_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        "why do you need this",
        "why? its private",
        "why does it matter",
        "is that why you ask",
        "so that's why?",
    ],
)
def test_why_asked_is_still_asked(text: str) -> None:
    assert not listen.why_as_a_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        "nearly. the goal wants to say Sheila's roses, not just the roses. they're hers",
        "almost, it needs to say my grandson's bike, not just a bike",
        "the goal has to say Mam's garden really",
    ],
)
def test_a_goal_that_should_say_more_is_a_change(text: str) -> None:
    """set14_04: "the goal wants to say Sheila's roses, not just the roses" got "What would you like
    to change?", and the new words were never asked for."""
    choice = listen.review_choice(text)
    assert choice is not None and choice.choice == "change"


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        (
            "raj is making tea. he said the garden but my good day is really getting to the temple on a"
            " sunday and seeing everyone, the garden is nice but that's the one",
            "good_day",
            "getting to the temple on a sunday and seeing everyone, the garden is nice but that's the one",
        ),
        (
            "she put the shops but actually a good day is when the grandkids come round",
            "good_day",
            "when the grandkids come round",
        ),
        (
            "what matters most is really my faith, he wrote football",
            "what_matters",
            "my faith, he wrote football",
        ),
    ],
)
def test_a_life_answer_put_right_later(text: str, key: str, words: str) -> None:
    """set14_02: Meena putting her good day right at the next question was kept as what she enjoys."""
    assert listen.life_answers_put_right(text) == {key: words}


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        (
            "raj again, tea's made. second one is sleeping through without the spasms waking her",
            "sleeping through without the spasms waking her",
        ),
        ("ok the next goal would be getting back on my bike", "getting back on my bike"),
        ("right, the other thing is: swim again", "swim again"),
    ],
)
def test_a_goal_brought_in_as_the_next_one(text: str, goal: str) -> None:
    """set14_02: "raj again, tea's made. second one is ..." was kept as a goal called "Tea's made"."""
    assert listen.goal_introduced(text) == goal


@pytest.mark.parametrize(
    "text", ["walk the dog", "the other one is fine", "I want another one like the first"]
)
def test_a_goal_not_brought_in_that_way(text: str) -> None:
    assert listen.goal_introduced(text) is None


@pytest.mark.parametrize(
    ("text", "told", "fixes"),
    [
        (
            "sorry, in England we write Artem, A R T E M. please Artem",
            "Artyom Kovalenko",
            {"Artyom": "Artem"},
        ),
        ("sorry, we spell it Yousef here, Y O U S E F", "Yusuf Rahman", {"Yusuf": "Yousef"}),
        ("here at school they write Alexey. A-L-E-X-E-Y", "Aleksei Morozov", {"Aleksei": "Alexey"}),
    ],
)
def test_a_name_spelt_out_puts_it_right_however_unlike(text: str, told: str, fixes: dict[str, str]) -> None:
    """set14_03: "Artem, A R T E M" was too unlike "Artyom" to put it right: "Artemplease" was kept."""
    assert interpret.respelt(text, [told])[0] == fixes


def test_a_name_said_not_spelt_must_be_closer() -> None:
    assert interpret.respelt("sorry typo, we call him Bob", ["Robert Smith"])[0] == {}


@pytest.mark.parametrize(
    ("text", "added"),
    [
        ("and my mum, she matters loads too, forgot to say that before", "my mum, she matters loads too"),
        ("oh and the dog, forgot to mention him earlier", "the dog"),
        ("i forgot to say, my sister helps too", "my sister helps too"),
    ],
)
def test_words_forgotten_before(text: str, added: str) -> None:
    """set14_05: "and my mum, ... forgot to say that before" at a good day was kept as her good day."""
    assert listen.added_to_before(text) == added


@pytest.mark.parametrize("text", ["I forgot", "i forgot my tablets today", "she forgot to say goodbye"])
def test_forgetting_that_adds_nothing(text: str) -> None:
    assert listen.added_to_before(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my gp dr hussain", "dr hussain"),
        ("with my gp dr obi", "dr obi"),
        ("my gp dr singh at the surgery", "dr singh"),
    ],
)
def test_the_doctors_name_after_the_gp_is_kept(text: str, name: str) -> None:
    """set14_05: "my gp dr hussain" was kept as "my gp" (the parse reads "dr" as a verb)."""
    assert name in (listen.clinician(text, asked=True) or "")


@pytest.mark.parametrize(
    "text",
    [
        "cold air and running. also when we came first to England he was in hospital 3 days because he"
        " could not breathe, this was 2022, now is better",
        "cold air. my son was rushed in because he couldnt breathe, that was back in 2019",
        "his sister was in ICU as she could not breathe, it happened 2021, she's ok now. it could happen to"
        " him",
    ],
)
def test_could_not_breathe_told_as_over_and_dated(text: str) -> None:
    """set14_03: a stay in hospital in 2022 "because he could not breathe" got "Call 999 now"."""
    assert safety.detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "he could not breathe",
        "he went blue because he could not breathe",
        "he could not breathe, that was an hour ago",
        "he was admitted because he could not breathe and now he is struggling again",
    ],
)
def test_could_not_breathe_now_is_still_999(text: str) -> None:
    flag = safety.detect(text)
    assert flag is not None and flag.kind == "emergency"
