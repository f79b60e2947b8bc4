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
        # a name put right with "not" is no fuller name (listen_f, session 29: "Dev. Not Dave." kept
        # Dave as his full name)
        ("its katherine, not kathy", "Katherine", None),
        ("Dev. Not Dave.", "Dev", None),
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


# --- session 25 (listen_names): names, nicknames and slips said in new ways -------------------
@pytest.mark.parametrize(
    ("text", "called", "full"),
    [
        # a name put right in the same message: the last one said wins
        ("Im Geofff. sorry Geoff. hands are shakky today", "Geoff", "Geoff"),
        ("Jon - John with an h", "John", "John"),
        ("its Sarah, sorry, Sara without the h", "Sara", "Sara"),
        ("Mohammed.. oops Mohammad", "Mohammad", "Mohammad"),
        ("Bety i mean Betty", "Betty", "Betty"),
        # a name someone else used for them is not theirs to use now
        (
            "Mrs Okafor. Well, Grace is fine. My husband always called me Gracie but he passed in October.",
            "Grace",
            "Mrs Okafor",
        ),
        ("Pat. My dad used to call me Patsy", "Pat", "Pat"),
        ("Margaret, my late husband called me Meg", "Margaret", "Margaret"),
        # a name they hate, and "X, but it's Y"
        ("Daniel Jones, but it's Danny, he hates Daniel", "Danny", "Daniel Jones"),
        ("Rebecca but she hates Rebecca, Becky please", "Becky", "Rebecca"),
        ("Aloysius Brennan. he can't stand Aloysius, call him Louis", "Louis", "Aloysius Brennan"),
        ("Kwabena Mensah but it's Kobby to everyone", "Kobby", "Kwabena Mensah"),
        # everyone says it; only one person says the other
        ("Michael Turner. Everybody say Mick, only his mother say Michael", "Mick", "Michael Turner"),
        ("Oluwaseun Adeyemi, but everyone says Seun", "Seun", "Oluwaseun Adeyemi"),
        ("Tomasz Nowak, but nobody's called him Tomasz since 1970, he's Tom", "Tom", "Tomasz Nowak"),
        ("Christopher. Only my nan calls me Chris", "Christopher", "Christopher"),
    ],
)
def test_the_name_to_use_said_a_new_way(text: str, called: str, full: str) -> None:
    assert interpret.name(text) == called
    assert interpret.name(text, full=True) == full


@pytest.mark.parametrize(
    "text",
    [
        "pottering in the garden then a cuppa with her neighbour Sue",
        "his carer Bev comes in the mornings and they do the crossword",
        "she likes a natter with her friend Mags over the fence",
        "Honestly I don't mind",
        "I dont mind really",
    ],
)
def test_no_name_from_another_person_or_no_name(text: str) -> None:
    assert interpret.name(text) is None


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("my son lee, hes got dementia", "Lee"),
        ("my wife Ama, shes the one with the appointment", "Ama"),
        ("Rajesh Sharma, my dad", "Rajesh Sharma"),
    ],
)
def test_a_full_name_is_only_the_name(text: str, full: str) -> None:
    assert interpret.name(text, full=True) == full


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hello my daughterr set thiss up for me. Im Geofff. sorry Geoff. hands are shakky today", "Geoff"),
        ("hi I'm Jon - John with an h, its about my knee", "John"),
    ],
)
def test_a_slip_put_right_in_the_opening(text: str, name: str) -> None:
    assert listen.own_name(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rajesh Sharma, my dad", "Rajesh Sharma"),
        ("Winifred Ojo, my mum", "Winifred Ojo"),
    ],
)
def test_the_name_first_then_who_they_are(text: str, name: str) -> None:
    assert listen.their_name(text) == name


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("Siobhan's grand", "Siobhan"),
        ("oh sorry, Edie", "Edie"),
        ("Mr Adeyemi. Well, Tunde is fine. My wife used to call me Tee but she passed last year.", "Tunde"),
        ("Pauline. my late husband called me Polly, he died in the spring", "Pauline"),
    ],
)
def test_the_name_chosen_wherever_it_is_said(text: str, called: str) -> None:
    assert interpret.name(text) == called


@pytest.mark.parametrize(
    ("text", "nickname"),
    [
        ("Daniel Jones, but it's Danny, he hates Daniel", "Danny"),
        ("Alexander Petrov, but it's Sasha, he hates Alexander", "Sasha"),
        ("Wojciech Kowalski, but nobody's called him Wojciech since school, he's Wojtek", "Wojtek"),
        ("Michael Turner. Everybody say Mick, only his mother say Michael", "Mick"),
        ("Ayesha Khan but she's Ash", "Ash"),
    ],
)
def test_the_name_to_use_heard_with_the_full_name(text: str, nickname: str) -> None:
    assert listen.goes_by(text) == nickname


@pytest.mark.parametrize(
    ("text", "who", "named", "kin"),
    [
        ("Hello, I'm Bev, mum to Danny who is 30 and has a learning disability.", "carer", "Danny", "mum"),
        ("hi im jo, carer for Mrs Lewis, she has the memory clinic", "carer", "Mrs Lewis", "carer"),
        ("Siobhan Murphy, my mum", "carer", "Siobhan Murphy", "son or daughter"),
    ],
)
def test_the_writers_own_name_is_never_the_persons(text: str, who: str, named: str, kin: str) -> None:
    heard = listen.hear(text, ["for_whom", "person_name", "preferred_name", "carer_relationship"])
    assert heard == {"for_whom": who, "person_name": named, "carer_relationship": kin}


# "mum to Danny": one pattern (interpret.KIN_TO_NAMED) read by both callers. The carer's
# relationship needs no "I'm" before it; the person's name is heard only after "I'm ..." or a comma.
@pytest.mark.parametrize(
    ("text", "kin", "named"),
    [
        ("I'm Bev, mum to Danny", "mum", "Danny"),
        ("im jo, carer for Mrs Lewis", "carer", "Mrs Lewis"),
        ("I am the carer for Mr. O'Neil", "carer", "Mr. O'Neil"),
        ("I'm Sue, friend of Mr Patel", "friend", "Mr Patel"),
        ("I'm Ann, daughter of Peter Smith", "daughter", "Peter Smith"),
        ("Im Kath, her niece to Sheila", "niece", "Sheila"),
        ("im his son to Dev", "son", "Dev"),
        ("wife of Jim", "wife", None),
        ("husband of Mary-Jane", "husband", None),
        ("carer for Mrs Lewis", "carer", None),
        ("nani to Iris", "grandmother", None),
        ("mum to JIM", "mum", None),
        ("mother of two", "mother", None),
        ("I'm his wife of 40 years", "wife", None),
        ("sister to Pat, I'm Di", "sister", None),
    ],
)
def test_who_the_writer_is_to_someone_named(text: str, kin: str, named: str | None) -> None:
    assert interpret.relationship(text) == kin
    assert listen.their_name(text) == named
    assert (listen.for_whom(text) == "carer") == bool(named)


def test_a_step_parent_to_someone_named_is_their_relationship() -> None:
    heard = listen.hear("Im Tom, stepdad to Kai", ["for_whom", "person_name", "carer_relationship"])
    assert heard == {"for_whom": "carer", "person_name": "Kai", "carer_relationship": "stepdad"}


def test_no_preference_and_a_first_name() -> None:
    for said in ("Honestly I don't mind", "whatever you like", "not bothered", "up to you really"):
        assert interpret.NO_PREFERENCE.search(said)
    assert not interpret.NO_PREFERENCE.search("Mindy")
    assert interpret.first_name("Harold Price") == "Harold"
    assert interpret.first_name("Mrs Okafor") == "Mrs Okafor"


@pytest.mark.parametrize(
    "text",
    [
        "1. my kids (Anya 4, Dev 18 months) 2. keeping my job 3. not ending up like my dad with his feet",
        "my grandkids, Poppy and Alfie, and my allotment",
        "our grandchildren Leo & Mia and the caravan",
    ],
)
def test_people_named_in_a_list_are_not_the_writer(text: str) -> None:
    assert interpret.name(text, own=True) is None
    assert interpret.formal_name(text) is None


def test_a_name_refused_with_not_ends_its_clause() -> None:
    assert interpret.without_names_not_used("its katherine, not kathy")[1] == {"kathy"}
    assert interpret.without_names_not_used("Tom. not Thomas please")[1] == {"thomas"}
    assert interpret.without_names_not_used("3. not ending up like my dad with his feet")[1] == set()


def test_a_titled_name_refused_with_not() -> None:
    assert interpret.name("Maureen please, not Mrs Dawson") == "Maureen"
    assert interpret.name("Call me Tunde, not Mr Adeyemi") == "Tunde"
