"""Names as people really give them (issue 12, session 24): a name with an explanation, a
name inside another answer, words that are not names, and a full name beside the one to use."""

from __future__ import annotations

import pytest

from careplan import interpret, listen


@pytest.mark.parametrize(
    ("text", "called", "formal"),
    [
        # the name to use, said first and made plain; what follows only explains it
        (
            "Just Alison. Never one for nicknames, though I call her Al when she is cross with me.",
            "Alison",
            None,
        ),
        ("Eileen. Just Eileen", "Eileen", None),
        ("Eileen, just Eileen", "Eileen", None),
        ("just Pat. Patricia is only for the doctors", "Pat", "Patricia"),
        ("only Mo please", "Mo", None),
        ("Just Tom. He never liked Thomas, though the kids call him Grumps when he's cross.", "Tom", None),
        # a name refused, in lower case: the nearest name before "that" is the refused one
        ("ken. its kenneth but nobody calls me that bar t'taxman", "Ken", "Kenneth"),
        ("mags. its margaret really but nobody uses that", "Mags", "Margaret"),
        ("its katherine, not kathy", "Katherine", "Kathy"),
        # the full name first, the one to use after
        ("robert, but everyone calls me bob", "Bob", "Robert"),
        ("Elizabeth (Betty to my friends).", "Betty", "Elizabeth"),
        ("Margaret (Peggy to my friends)", "Peggy", "Margaret"),
        # a name used only at times is not the one to use
        ("Tom, though the grandkids call him Grumps when hes in a mood", "Tom", None),
        # a full name: the first name to use, the whole as the name
        ("Mary Smith", "Mary", "Mary Smith"),
        ("its Siobhan Fitzgerald-Smythe, S-I-O-B-H-A-N", "Siobhan", "Siobhan Fitzgerald-Smythe"),
        ("Harry here", "Harry", None),
        ("My name is Mrs Okafor but you can call me Grace", "Grace", "Mrs Okafor"),
        ("siobhan (thats S I O B H A N)", "Siobhan", None),
        ("its tony", "Tony", None),
    ],
)
def test_a_name_with_an_explanation(text: str, called: str, formal: str | None) -> None:
    assert interpret.name(text) == called
    assert interpret.formal_name(text) == formal


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("her names sarah but everyone calls her sal", "Sarah"),
        ("her names bernadette but everyone calls her bernie", "Bernadette"),
        ("Elizabeth (Betty to my friends).", "Elizabeth"),
        ("Eileen. Just Eileen", "Eileen"),
        ("Mrs Okafor", "Mrs Okafor"),
        ("its Siobhan Fitzgerald-Smythe, S-I-O-B-H-A-N", "Siobhan Fitzgerald-Smythe"),
        ("my mum, Joan Smith", "Joan Smith"),
        # spelt out so it is not misheard: the letters are not the name
        ("Niamh, spelt N-I-A-M-H", "Niamh"),
        ("siobhan (thats S I O B H A N)", "Siobhan"),
        ("Its Niamh - N I A M H", "Niamh"),
        # "my name is" is not "my mum": the title and surname stay
        ("My name is Mrs Okafor but you can call me Grace", "Mrs Okafor"),
        ("my husband Jim", "Jim"),
    ],
)
def test_the_name_asked_for_a_carer_is_the_full_one(text: str, full: str) -> None:
    assert interpret.name(text, full=True) == full


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("its for me obviously. Maureen.", "Maureen"),
        ("for me obviously love. Doreen.", "Doreen"),
        ("myself of course - Frank Ellis", "Frank"),
        ("its me lol, im jas", "Jas"),
        ("for me, I'm Pat", "Pat"),
    ],
)
def test_a_name_said_with_who_it_is_for_is_heard(text: str, name: str) -> None:
    assert listen.hear(text, ["for_whom", "preferred_name"]) == {"for_whom": "self", "preferred_name": name}


@pytest.mark.parametrize(
    "text",
    [
        "I am determined. my late husband used to call me a terrier",
        "my daughter Karen set this up for me, I'm hopeless with these things",
        "because its the only time I see anyone apart from the kids. and my sister Jean is 74",
        "my son Gary does my shopping",
        "only me",
        "A",
    ],
)
def test_no_name_from_words_that_are_not_the_writers_name(text: str) -> None:
    assert interpret.name(text, own=True) is None


def test_a_letter_or_an_article_is_never_a_nickname() -> None:
    assert listen.goes_by("my late husband used to call me a terrier", theirs=False) is None
    assert listen.goes_by("I call her Al when she is cross with me") is None
    assert listen.goes_by("everyone calls her Peggy") == "Peggy"
