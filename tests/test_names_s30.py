"""The name to use, told the way people tell it (session 30, retired set 13): capitals as ordinary
words, "X but Y", "Y will do", "only the wife calls me X", a name used at home beside the one for
the doctors, "X, or Dad", a surname put right by spelling it out, and "brb lecture" as stepping away."""

from __future__ import annotations

import pytest

from careplan import interpret, listen


@pytest.mark.parametrize(
    ("text", "called"),
    [
        # capitals are ordinary words; the name chosen last wins over the proper one
        ("NOREEN. MRS GALLAGHER IF YOU WANT TO BE PROPER BUT NOREEN WILL DO", "Noreen"),
        ("BRIAN. MR COLLINS IF YOU WANT BUT BRIAN IS FINE", "Brian"),
        ("MARGARET, BUT PEGGY WILL DO", "Peggy"),
        ("mrs patel if you want to be formal, but asha will do", "Asha"),
        ("NOREEN", "Noreen"),
        # "X but Y": the one after "but"
        ("eleanor but ellie pls", "Ellie"),
        ("katherine but kate please", "Kate"),
        ("Robert but rob", "Rob"),
        ("Sandra but mum", "Sandra"),
        # one person's name for them, with "the" or "missus"
        ("Terry. Only the wife calls me Terence, and only when I'm in trouble", "Terry"),
        ("Jim. Only my missus calls me James and that's when I'm in bother", "Jim"),
        ("Ted. Only the missus calls me Edward, when I've messed up", "Ted"),
        # a name used at home beside the one for the doctors
        ("At home we say Mama, but for doctors she is Krystyna", "Krystyna"),
        ("We call him Dziadek at home but for the hospital he is Jozef", "Jozef"),
        ("At home she's Nana, but to the doctors she's Margaret", "Margaret"),
        ("At home we call her Nanna", "Nanna"),
        # a family word is the name only when no other name is said with it
        ('Dad says "just Ken, or Dad". Ken\'s probably best for you!', "Ken"),
        ("Mum says just Pat, or Mum. Pat is probably best", "Pat"),
        ("Grandad, or Stan. Stan's best", "Stan"),
        ("Mama or Krystyna", "Krystyna"),
        ("Dad or Ken", "Ken"),
        ("Nanna. we all call her that", "Nanna"),
        # what they like to be called, after the surname is spelt
        ("He's very particular about it and so am I. He likes to be called Jamie.", "Jamie"),
        ("he likes to be called jamie", "Jamie"),
        ("They like to be called Sam", "Sam"),
        # two names and a comma: the second ("Evans, Gwyneth" as forms write it, or a nickname)
        ("Evans, Gwyneth", "Gwyneth"),
        ("jones, mary.", "Mary"),
        ("Robert, Bob", "Bob"),
        ("Erm, Maureen", "Maureen"),
        ("Brenda, mum", "Brenda"),
    ],
)
def test_the_name_to_use(text: str, called: str) -> None:
    assert interpret.name(text) == called


@pytest.mark.parametrize("text", ["fine but tired", "ok but busy", "brb", "brb lecture"])
def test_no_name(text: str) -> None:
    assert interpret.name(text) is None or listen.meta(text) == "away"


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Evans, Gwyneth", "Gwyneth Evans"),
        ("smith, john", "John Smith"),
        ("Evans, Gwyneth Mary", "Gwyneth Mary Evans"),
    ],
)
def test_a_whole_name_said_surname_first(text: str, whole: str) -> None:
    assert interpret.name(text, full=True) == whole
    assert interpret.formal_name(text) is None  # at the name to use, which is the surname is not said


@pytest.mark.parametrize(
    ("text", "formal"),
    [
        ("eleanor but ellie pls", "Eleanor"),
        ("Mama or Krystyna", None),
        ("Grandad, or Stan. Stan's best", None),
    ],
)
def test_the_fuller_name_is_never_a_family_word(text: str, formal: str | None) -> None:
    assert interpret.formal_name(text) == formal


@pytest.mark.parametrize(
    ("text", "told", "fixes", "rest"),
    [
        (
            "Sorry, before we go on: it's McAulay, M-c-A-u-l-a-y, capital A, not Mcaulay. He's very "
            "particular about it and so am I. He likes to be called Jamie.",
            "Jamie Mcaulay",
            {"Mcaulay": "McAulay"},
            "He's very particular about it and so am I. He likes to be called Jamie.",
        ),
        ("its McDonald, M-c-D-o-n-a-l-d, big D", "Ian Mcdonald", {"Mcdonald": "McDonald"}, ""),
        (
            "DeSouza, D-e-S-o-u-z-a, capital S in the middle. She likes to be called Mel",
            "Melanie Desouza",
            {"Desouza": "DeSouza"},
            "She likes to be called Mel",
        ),
        # the same letters in capitals put nothing right
        ("its Siobhan, capital S, S-I-O-B-H-A-N", "siobhan", {}, "its Siobhan, capital S, S-I-O-B-H-A-N"),
    ],
)
def test_a_surname_put_right_by_its_capitals(text: str, told: str, fixes: dict[str, str], rest: str) -> None:
    assert interpret.respelt(text, [told]) == (fixes, rest)


@pytest.mark.parametrize("text", ["brb lecture", "gtg class", "brb seminar starting", "brb, lecture"])
def test_a_student_steps_away(text: str) -> None:
    assert listen.meta(text) == "away"


@pytest.mark.parametrize(
    "text",
    ["back!! sorry that was the longest hour of my life 😂", "ok back, that was such a boring meeting"],
)
def test_back_with_how_long_it_felt(text: str) -> None:
    assert listen.meta(text, after_away=True) == "back"


@pytest.mark.parametrize(
    "text",
    [
        "Hello, this is Carol. I'm doing this with my dad, he's here on speakerphone",
        "Hi, this is Mo, my mum is on speaker with me",
    ],
)
def test_a_name_said_with_someone_beside_them_is_not_yet_who_it_is_for(text: str) -> None:
    assert "for_whom" not in listen.hear(text, ["for_whom", "preferred_name", "person_name"])


@pytest.mark.parametrize(
    ("text", "called"),
    [
        # the name asked for the care team wins over the family's name (tester, s30: Mei, Tariq)
        ("Wong Kwok Leung. We call him Ba. For doctor please say Mr Wong", "Mr Wong"),
        ("Chan Siu Ming. We call her Ma. For the doctors please say Mrs Chan", "Mrs Chan"),
        ("me or her? im tariq, shes Nasreen, she likes being called ammi but put nasreen", "Nasreen"),
        ("she likes being called nani but put Zainab", "Zainab"),
    ],
)
def test_the_name_for_the_care_team_heard_with_the_name(text: str, called: str) -> None:
    assert listen.hear(text, ["preferred_name"], asked="person_name", carer=True) == {
        "preferred_name": called
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [("its for me. im shirley", "Shirley"), ("for me. im mavis", "Mavis"), ("its for me. im tired", None)],
)
def test_for_me_then_a_name(text: str, name: str | None) -> None:
    heard = listen.hear(text, ["for_whom", "preferred_name"], asked="for_whom")
    assert heard.get("for_whom") == "self" and heard.get("preferred_name") == name


@pytest.mark.parametrize(
    ("text", "again"),
    [
        ("bill. like i said", True),
        ("i told you. shirley", True),
        ("BILL. I TOLD YOU", True),
        ("doreen. i told you", True),
        # an answer with the words of having said it is still an answer
        ("like i said, the eye clinic", False),
        ("Jo like i said, the physio", False),
        ("the allotment i said", False),
    ],
)
def test_a_name_told_again_at_a_later_question(text: str, again: bool) -> None:
    assert listen.name_told_again(text, ["Bill", "Shirley", "Jo", "Doreen Walsh"]) is again
