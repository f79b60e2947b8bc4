"""Names told the way carers and families say them (session 27, set10_02 and set10_04): what the
writer calls them, a nickname refused, an age with the name, months and word-names as names,
and a clinician named with their role where a name is asked."""

from __future__ import annotations

import pytest

from careplan import interpret, listen


@pytest.mark.parametrize(
    ("text", "called"),
    [
        # what the writer calls them is never their name
        ("Tariq, only i call him abbu lol", "Tariq"),
        ("Lisa, tho i call her mum obvs lol", "Lisa"),
        ("Dennis, but i just call him dad haha", "Dennis"),
        ("Margaret. only i call her nanna obvs lol", "Margaret"),
        ("yusuf tho i call him abba x", "Yusuf"),
        ("Lee. i call him our kid", "Lee"),
        ("Irene, i always call her mam though", "Irene"),
        ("Maureen. i only ever call her mam", "Maureen"),
        ("Sandra but to me shes just mum", "Sandra"),
        ("Derek, hes dad to me", "Derek"),
        ("Sandra, shes Sandy to me", "Sandy"),
        # a name the writer uses that everyone may use, and the family's name for them, stay
        ("Margaret, I call her Peggy", "Peggy"),
        ("Nanna. we all call her that", "Nanna"),
        ("Papa, thats what all the grandkids call him", "Papa"),
        # months and word-names where a name is asked
        ("June", "June"),
        ("april", "April"),
        ("its may", "May"),
        ("May", "May"),
        ("Hope", "Hope"),
        ("Grace", "Grace"),
        ("Joan. nobody calls her Joanie", "Joan"),
        ("shes 82, Joan,", "Joan"),
    ],
)
def test_the_name_to_use(text: str, called: str) -> None:
    assert interpret.name(text) == called


@pytest.mark.parametrize(
    "text", ["May I ask why you need that?", "june 5th", "in June", "the 3rd of May", "next april"]
)
def test_a_month_said_as_a_date_or_may_as_a_verb_is_no_name(text: str) -> None:
    assert interpret.name(text) is None


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("April Jones", "April Jones"),
        ("June Cole", "June Cole"),
        ("Lisa, tho i call her mum obvs lol", "Lisa"),
    ],
)
def test_the_full_name(text: str, whole: str) -> None:
    assert interpret.name(text, full=True) == whole


@pytest.mark.parametrize(
    ("text", "formal"),
    [
        ("everyone calls me Bazza but put Barry on it", None),
        ("everyone calls me Gazza but put Gary on it", None),
        ("Barry Jones. lads call me Baz but put Barry", "Barry Jones"),
        ("robert, but everyone calls me bob", "Robert"),
    ],
)
def test_the_name_asked_to_be_written_is_never_the_nickname(text: str, formal: str | None) -> None:
    assert interpret.formal_name(text) == formal


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("Joan. nobody calls her Joanie", "Joan"),
        ("Kathleen Murray. nobody calls her Kath", "Kathleen"),
        ("Robert Hall - not Bob, he cant stand that", "Robert"),
        ("Patricia Doyle, never Pat", "Patricia"),
        ("Tam. naebody calls me Thomas", None),  # "me": the writer's own name
    ],
)
def test_a_nickname_refused_leaves_the_name_they_go_by(text: str, called: str | None) -> None:
    assert listen.goes_by(text) == called


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("hi its for my dad, hes 79, Frank. heart clinic on thursday", "Frank"),
        ("hello, this is for my nan - she's 91 - Edie, the falls clinic on the 12th", "Edie"),
        ("its for my mum, shes 82, Joan, she has the memory clinic", "Joan"),
        ("my mum (82) Joan has the eye clinic", "Joan"),
        ("my husband, aged 80, Derek Pearce", "Derek Pearce"),
        ("my dad 79 has the heart clinic", None),
    ],
)
def test_a_name_told_with_an_age(text: str, named: str | None) -> None:
    assert listen.their_name(text) == named


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("her MS nurse, Jo", "her MS nurse, Jo"),
        ("his diabetes nurse, Bev", "his diabetes nurse, Bev"),
        ("the physio, Mark", "the physio, Mark"),
        ("Jo the MS nurse", "Jo the MS nurse"),
        ("Dr Patel", None),  # a title alone may be their own name
        ("Mrs Okafor", None),
        ("Colin Ward", None),
    ],
)
def test_a_clinician_with_a_role_where_a_name_is_asked(text: str, who: str | None) -> None:
    assert listen.clinician_named(text) == who
