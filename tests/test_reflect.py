"""Kind reflections: what careplan.reflect notices (tests/data/reflect_lines.tsv),
the line actions.reflections says for it, and the reading age of those lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.reflections import lines, reflect
from careplan.reflect import CATEGORIES, feeling, whose

LINES = [
    (None if label == "-" else label, text)
    for label, text in (
        row.split("|", 1)
        for row in (Path(__file__).parent / "data" / "reflect_lines.tsv").read_text("utf-8").splitlines()
        if row.strip() and not row.startswith("#")
    )
]


def test_the_labelled_lines_cover_every_feeling_and_plenty_of_nothing() -> None:
    assert len(LINES) >= 100
    assert sum(label is None for label, _ in LINES) >= 50
    assert {label for label, _ in LINES} == {*CATEGORIES, None}


@pytest.mark.parametrize(("label", "text"), LINES, ids=[text for _, text in LINES])
def test_feeling_names_what_was_shared(label: str | None, text: str) -> None:
    assert feeling(text) == label


def test_a_shared_fear_gets_one_kind_line_and_it_is_remembered() -> None:
    dispatcher = CollectingDispatcher()
    updates = reflect("I'm scared they'll take my foot off", {"for_whom": "self"}, dispatcher)
    assert len(dispatcher.messages) == 1
    said = dispatcher.messages[0]["text"]
    assert said in {v["text"] for v in lines()["fear"]}
    assert updates == {"last_reflection": said}


def test_ordinary_answers_get_no_reflection() -> None:
    dispatcher = CollectingDispatcher()
    assert reflect("I'd like to walk more", {}, dispatcher) == {}
    assert dispatcher.messages == []


@pytest.mark.parametrize("category", CATEGORIES)
def test_the_same_words_are_never_said_twice_in_a_row(category: str) -> None:
    example = next(text for label, text in LINES if label == category)
    slots: dict[str, str | None] = {"for_whom": "self", "last_reflection": None}
    said = []
    for _ in range(40):
        dispatcher = CollectingDispatcher()
        slots.update(reflect(example, slots, dispatcher))
        said.append(dispatcher.messages[0]["text"])
    assert all(a != b for a, b in zip(said, said[1:], strict=False))
    assert len(set(said)) >= 2


def test_carers_are_affirmed_by_the_name_of_the_person_they_look_after() -> None:
    slots = {"for_whom": "carer", "preferred_name": "Jim"}
    seen = set()
    for _ in range(30):
        dispatcher = CollectingDispatcher()
        slots.update(reflect("I do everything for him, washing, dressing", slots, dispatcher))
        seen.add(dispatcher.messages[0]["text"])
    assert "You do a lot for Jim." in seen
    assert all("{" not in text for text in seen)
    carer_lines = {v["text"].format(preferred_name="Jim") for v in lines()["caring"] if v.get("condition")}
    assert seen <= carer_lines


def test_a_carer_with_no_name_given_never_hears_a_line_with_a_gap() -> None:
    dispatcher = CollectingDispatcher()
    reflect("I'm shattered", {"for_whom": "carer", "preferred_name": None}, dispatcher)
    said = dispatcher.messages[0]["text"]
    assert said in {v["text"] for v in lines()["exhaustion"] if "{" not in v["text"]}


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_feeling_has_three_or_four_plain_lines(category: str) -> None:
    assert 3 <= sum(not v.get("condition") for v in lines()[category]) <= 4


def syllables(word: str) -> int:
    """A rough English syllable count: groups of vowels, less a silent final e."""
    word = re.sub(r"[^a-z]", "", word.lower())
    count = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def reading_age(text: str) -> float:
    """Flesch-Kincaid grade plus 5 (UK reading age)."""
    sentences = max(len(re.findall(r"[.!?]+", text)), 1)
    words = re.findall(r"[A-Za-z'{}_]+", text)
    grade = 0.39 * len(words) / sentences + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
    return grade + 5


def test_the_reading_age_measure_can_tell_hard_from_plain() -> None:
    assert syllables("exhausting") == 3 and syllables("care") == 1 and syllables("little") == 2
    assert reading_age("That sounds really hard.") <= 9
    assert reading_age("Comprehensive multidisciplinary reassessment necessitates consideration.") > 9


@pytest.mark.parametrize(
    "text", [v["text"] for category in CATEGORIES for v in lines()[category]], ids=lambda t: t[:40]
)
def test_every_reflection_has_a_reading_age_of_nine_or_under(text: str) -> None:
    assert reading_age(text.replace("{preferred_name}", "Jim")) <= 9


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("she is petrified they will take her foot off", "them"),
        ("it terrifies her", "them"),
        ("Farida is so worried about the op", "them"),
        ("mum was rushed into hospital last night", "them"),
        ("I'm terrified she'll fall again", "me"),
        ("honestly i am on my knees with it all", "me"),
        ("we buried dad last month", "me"),
    ],
)
def test_whose_feeling_it_is(text: str, who: str) -> None:
    assert whose(text) == who


def test_a_carer_telling_the_persons_fear_hears_it_said_of_them_both() -> None:
    slots = {"for_whom": "carer", "preferred_name": "Farida", "last_reflection": None}
    for _ in range(10):
        dispatcher = CollectingDispatcher()
        slots.update(reflect("she is petrified they will take her foot off", slots, dispatcher))
        said = dispatcher.messages[0]["text"]
        assert "both" in said and "you're worried" not in said
    dispatcher = CollectingDispatcher()
    reflect("I'm shattered, I do everything for her", slots, dispatcher)
    assert "both" not in dispatcher.messages[0]["text"]  # her own tiredness is hers


@pytest.mark.parametrize(
    "text", [v["text"] for variants in lines("_them").values() for v in variants], ids=lambda t: t[:40]
)
def test_lines_about_the_person_have_a_reading_age_of_nine_or_under(text: str) -> None:
    assert reading_age(text.replace("{preferred_name}", "Jim")) <= 9


def test_the_person_typing_in_a_carers_chat_is_spoken_to_as_themselves() -> None:
    slots = {"for_whom": "carer", "speaker": "self", "preferred_name": "Doreen", "last_reflection": None}
    carer_lines = {
        v["text"].format(preferred_name="Doreen") for v in lines()["exhaustion"] if v.get("condition")
    }
    for _ in range(10):
        dispatcher = CollectingDispatcher()
        slots.update(reflect("I'm shattered all the time", slots, dispatcher))
        assert dispatcher.messages[0]["text"] not in carer_lines


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("ma wife Jean passed in the spring. 51 year we were merrit", "loss"),
        ("my partner Steve passed in february", "loss"),
        ("our Sandra passed in may. the house is awful quiet", "loss"),
        ("since my Arthur died I dont go out much", "loss"),
        ("lost ma man in June", "loss"),
        ("I lost the wife two years ago", "loss"),
        ("my wife's been gone two years now", "loss"),
        ("me husband Stan died at christmas", "loss"),
        # the same words with nothing lost
        ("my wife Jean passed her driving test", None),
        ("our Sandra passed me the phone", None),
        ("my husband's gone to the shop", None),
        ("lost ma glasses again", None),
    ],
)
def test_a_loss_said_with_a_name_or_in_dialect(text: str, label: str | None) -> None:
    assert feeling(text) == label


@pytest.mark.parametrize(
    ("answer", "for_whom", "said"),
    [
        ("no one", "self", "lonely"),
        ("nobody really, just me", "self", "lonely"),
        ("not a soul", "self", "lonely"),
        ("no one, just me", "carer", "caring"),
        ("my neighbour Pat", "self", None),
        ("no one, my son sometimes", "self", None),
    ],
)
def test_no_one_to_who_helps_you_gets_a_kind_line(answer: str, for_whom: str, said: str | None) -> None:
    slots = {"for_whom": for_whom, "preferred_name": "Dot"}
    at_support, at_worries = CollectingDispatcher(), CollectingDispatcher()
    reflect(answer, slots, at_support, asked="support")
    reflect(answer, slots, at_worries, asked="worries")
    kind = {line["text"].replace("{preferred_name}", "Dot") for line in lines()[said]} if said else set()
    assert {m["text"] for m in at_support.messages} <= kind
    assert len(at_support.messages) == (1 if said else 0)
    assert not at_worries.messages  # "no one" is only hard to say as who helps


@pytest.mark.parametrize(
    "text",
    [
        "its nowt really, I don't see a soul most days but im used to it",
        "mustn't grumble, the pain is awful some nights but that's life",
        "I lost my wife last year but it's nowt, I'm fine",
        "ah it's nothing, I'm shattered most days but i manage",
    ],
)
def test_a_hard_thing_played_down_still_counts_and_never_gets_im_glad(text: str) -> None:
    dispatcher = CollectingDispatcher()
    reflect(text, {"for_whom": "self"}, dispatcher)
    said = dispatcher.messages[0]["text"]
    assert "even if" in said
    assert "glad" not in said.lower()


def test_a_played_down_line_is_not_said_twice_running() -> None:
    said: list[str] = []
    slots: dict[str, str] = {"for_whom": "self"}
    for _ in range(6):
        dispatcher = CollectingDispatcher()
        slots.update(reflect("mustn't grumble, I'm on my own all day but that's life", slots, dispatcher))
        said.append(dispatcher.messages[0]["text"])
    assert all(a != b for a, b in zip(said, said[1:], strict=False))


def test_no_kind_line_says_im_glad_to_something_hard() -> None:
    for category, variants in lines().items():
        if category not in {"glad", "pride"}:
            assert not any("i'm glad" in v["text"].lower() for v in variants), category


@pytest.mark.parametrize(
    "text",
    [
        "hes knackered and grumpy at the centre, theyve rung me twice. tbh im running on empty too",
        "shes exhausted all the time. and im shattered myself",
        "he's worn out, the nights are long, and to be honest i'm on my knees",
        "honestly, badly. i cry in the car before i go in. im not sleeping",
        "i love her but i cant keep doing this on my own",
    ],
)
def test_a_carers_own_exhaustion_said_after_the_persons_is_the_carers(text: str) -> None:
    """s29 Marcus: "im running on empty too" after "hes knackered" was said of Leon alone."""
    dispatcher = CollectingDispatcher()
    reflect(text, {"for_whom": "carer", "preferred_name": "Leon"}, dispatcher)
    said = dispatcher.messages[0]["text"]
    about_leon = [v["text"].replace("{preferred_name}", "Leon") for v in lines("_them")["exhaustion"]]
    assert said not in about_leon


@pytest.mark.parametrize("text", ["worn out", "shattered tbh", "knackered, running on empty"])
def test_tiredness_at_a_carers_own_question_is_the_carers(text: str) -> None:
    """messy_s33d_04: "worn out" to "How are you coping?" got "That sounds really tiring for Mick."."""
    dispatcher = CollectingDispatcher()
    reflect(text, {"for_whom": "carer", "preferred_name": "Mick"}, dispatcher, asked="carer_coping")
    assert dispatcher.messages[0]["text"] not in {
        v["text"].replace("{preferred_name}", "Mick") for v in lines("_them")["exhaustion"]
    }
