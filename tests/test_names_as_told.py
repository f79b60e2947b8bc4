"""Names told the way people tell them (session 28, set11_01, 02 and 08): a title with a surname
asked for in formal words, a family word everyone uses kept with its honorific, a name put right
by spelling it out, the carer's own name said in passing; and a statement with "it" left out."""

from __future__ import annotations

import pytest

from careplan import interpret, listen


@pytest.mark.parametrize(
    ("text", "called", "whole"),
    [
        (
            "My name is Winifred Ashworth, but I should prefer to be addressed as Mrs Ashworth, "
            "if you would be so kind.",
            "Mrs Ashworth",
            "Winifred Ashworth",
        ),
        ("It's Rajinder Kaur but I'd prefer to be addressed as Mrs Kaur", "Mrs Kaur", "Rajinder Kaur"),
        ("Dr Anil Patel. I prefer to go by Dr Patel, old habits, I was a GP.", "Dr Patel", "Dr Anil Patel"),
        ("Please address me as Dr Okoye", "Dr Okoye", None),
        ("Edith Marsh. I'd rather be called Mrs Marsh, thank you.", "Mrs Marsh", "Edith Marsh"),
        ("Mr Hughes is fine", "Mr Hughes", None),
    ],
)
def test_a_title_asked_for_in_formal_words(text: str, called: str, whole: str | None) -> None:
    assert interpret.name(text) == called
    assert interpret.formal_name(text) == whole


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("we all call her Bibi ji", "Bibi ji"),
        ("bibi ji", "Bibi ji"),
        ("Bibi ji, thats what we all call her", "Bibi ji"),
        ("everyone calls him Ravi bhai, even the neighbours lol", "Ravi bhai"),
        ("everyone calls him Bhai ji", "Bhai ji"),
        ("Patricia on paper. everyone on our street calls her Auntie Pat", "Auntie Pat"),
        ("Margaret, but all the kids call her Auntie Peggy", "Auntie Peggy"),
        ("all the grandkids call her Nani ji, so Nani ji", "Nani ji"),
        # a word only the writer uses is not her name, honorific or not
        ("i call her ammi ji but thats just me, she likes Shireen", "Shireen"),
        ("Shireen, only I call her ammi ji", "Shireen"),
    ],
)
def test_a_family_word_everyone_uses_keeps_its_honorific(text: str, called: str) -> None:
    assert interpret.name(text) == called


def test_an_honorific_is_heard_in_an_opening() -> None:
    keys = ["for_whom", "preferred_name"]
    assert listen.hear("its for my gran, we all call her Bibi ji", keys) == {
        "for_whom": "carer",
        "preferred_name": "Bibi ji",
    }
    assert "preferred_name" not in listen.hear("for my mum, only I call her ammi ji", keys)


@pytest.mark.parametrize(
    ("text", "told", "fixes", "rest"),
    [
        (
            "sorry I type wrong. Is Zbigniew, Z-B-I-G-N-I-E-W. But we call him Zbyszek",
            ["Zbigneiw Nowak"],
            {"Zbigneiw": "Zbigniew"},
            "But we call him Zbyszek",
        ),
        ("sorry typo, its Siobhan, S-I-O-B-H-A-N", ["Siobahn Kelly"], {"Siobahn": "Siobhan"}, ""),
        ("Siobhan, S I O B H A N", ["Siobahn"], {"Siobahn": "Siobhan"}, ""),
        (
            "oops I spelt her name wrong, its Bronwen not Bronwyn. welsh spelling. she likes Bron",
            ["Bronwyn Jones", "Bron"],
            {"Bronwyn": "Bronwen"},
            "she likes Bron",
        ),
        # another name, or a name said without saying it was typed wrong, puts nothing right
        ("sorry, typo. we call him Zbyszek", ["Zbigniew"], {}, "sorry, typo. we call him Zbyszek"),
        ("sorry, Johnny to his mates", ["John Smith"], {}, "sorry, Johnny to his mates"),
        ("I mean Mary may come too", ["Mary"], {}, "I mean Mary may come too"),
        ("my N H S number is on John's letter", ["John Smith"], {}, "my N H S number is on John's letter"),
        ("typo sorry, Johns not John", ["John Smith"], {"John": "Johns"}, ""),
    ],
)
def test_a_name_put_right_by_spelling(text: str, told: list[str], fixes: dict[str, str], rest: str) -> None:
    assert interpret.respelt(text, told) == (fixes, rest)


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        ("hello, I am Tomasz, I do this for my father", "Tomasz"),
        ("Hi I'm Jas, doing this for my gran", "Jas"),
        ("im his son Tomasz", "Tomasz"),
        ("I am her son, Mark", "Mark"),
        ("Jas here, for my nan", "Jas"),
        ("Hello, I look after my father in law, thanks, Priya x", "Priya"),
        ("Yours, W. Ashworth", "W. Ashworth"),
        # who they are to the person, whose they are, or the person's own name: never the carer's
        ("I'm Sarah's daughter", None),
        ("This is Joan, my mum", None),
        ("I'm her granddaughter", None),
        ("I am Polish, my father is Zbigniew", None),
        ("I'm Joan", None),
        ("I am Mum", None),
    ],
)
def test_the_carers_own_name_said_in_passing(text: str, mine: str | None) -> None:
    assert listen.carers_own_name(text, ["Joan"]) == mine


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # "it" left out, in second-language English: an answer
        ("is his life, fishing, 50 years he do this. Without it he is sad, sitting all day", False),
        ("is my life, the cooking, 30 years I cook for everybody", False),
        ("was my whole world, the garden, now I cannot", False),
        # questions, with or without the question mark
        ("is his hip going to heal", True),
        ("is my walking stick ok, or too short", True),
        ("Is the swelling normal after the op, or should I worry?", True),
    ],
)
def test_a_statement_with_it_left_out_is_no_question(text: str, asks: bool) -> None:
    assert listen.question_to_bot(text) is asks
