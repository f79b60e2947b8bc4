"""How a carer's person is spoken of (careplan/pronouns.py): "her" or "him" once the carer's
words say which, "them" while nobody knows; and names said in their usual case."""

from __future__ import annotations

import pytest

from careplan import interpret, pronouns, readback


@pytest.mark.parametrize(
    ("said", "found"),
    [
        (["its for my husband"], "he"),
        (["hiya, doing this for my mum"], "she"),
        (["It is for my wife, I am her husband."], "she"),
        (["hello it is for my father"], "he"),
        (["its for my nani"], "she"),
        (["my dad's got the heart clinic on the 14th"], "he"),
        (["hi", "I'm her daughter, Lorraine"], "she"),
        (["its for my mother in law"], "she"),
        (["for my partner"], None),
        (["for my friend Sue"], None),
        (["for a neighbour, Mr Okonkwo"], None),
    ],
)
def test_the_person_is_a_he_or_she_from_their_kin(said: list[str], found: str | None) -> None:
    assert pronouns.from_kin(said) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Doreen but everyone calls her Dot", "she"),
        ("Yes, he asked me to do it", "he"),
        ("Jean Hartley", None),
        ("she said he could come too", None),
    ],
)
def test_she_or_he_said_of_the_person(text: str, found: str | None) -> None:
    assert pronouns.from_words(text) == found


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("HANNAH", "Hannah"),
        ("DAVID ATKINS", "David Atkins"),
        ("mary-jane o'neill", "Mary-Jane O'Neill"),
        ("O'NEILL", "O'Neill"),
        ("JR", "JR"),
        ("McDonald", "McDonald"),
    ],
)
def test_a_name_is_said_in_its_usual_case(typed: str, said: str) -> None:
    assert interpret.name(typed, full=True) == said


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("my GP", "your GP"),
        ("the practice nurse", "the practice nurse"),
        ("my own doctor", "your own doctor"),
        # "ME" that names a condition is never the person (tester s31: "the you/CFS clinic")
        ("the ME/CFS clinic", "the ME/CFS clinic"),
        ("my cfs/me nurse", "your cfs/me nurse"),
        ("the ME clinic with my GP", "the ME clinic with your GP"),
        ("MY GP WITH ME", "your GP WITH you"),
    ],
)
def test_the_persons_words_are_said_back_to_them(typed: str, said: str) -> None:
    assert readback.to_you(typed) == said
