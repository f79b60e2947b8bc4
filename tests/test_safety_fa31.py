"""Session 31 (safety_fa31): false alarms a tester hit, each as a class in other words, with the
real twin that must still flag."""

from __future__ import annotations

import pytest

from careplan.emergency_talk import about_the_note, names_a_safety_note, protest
from careplan.safety import detect
from careplan.vocab import CRISIS, SAFEGUARDING

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "he gets so frustrated, he shouts then cries. his mates stopped coming round",
        "she screams when she's confused and then she's in tears. her friends have drifted off",
        "dad swears and cries when he can't do up his buttons, hardly anyone visits now",
    ],
)
def test_someones_own_outburst_with_their_own_tears_is_no_safeguarding(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(
    "text", ["the carers shout at him and he cries", "he shouts at me and I am scared of him"]
)
def test_shouting_at_someone_still_flags(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == SAFEGUARDING


@pytest.mark.parametrize(
    "text",
    [
        "you flagged me like im abusing my dad",
        "so you think im hurting her??",
        "you made it sound like i neglect my mum",
        "thats not what i said",
    ],
)
def test_being_cast_as_the_abuser_is_a_protest(text: str) -> None:
    assert protest(text, SAFEGUARDING)


@pytest.mark.parametrize("text", ["I think he hurts her", "you made my day"])
def test_a_disclosure_or_thanks_is_no_protest(text: str) -> None:
    assert not protest(text, SAFEGUARDING)


@pytest.mark.parametrize(
    "text",
    [
        "if i died at least id get some sleep lol",
        "if i was dead at least i wouldnt have to do exams haha",
        "at least when im dead i can have a lie in lol",
    ],
)
def test_dying_wished_for_as_a_rest_gets_the_check_in(text: str) -> None:
    flag = detect(text)
    assert flag is not None and flag.kind == CRISIS and flag.check_in


@pytest.mark.parametrize(
    "text",
    [
        "my nan died at least she was not in pain",
        "to still do the garden on my own",
        "doing my shopping by myself",
    ],
)
def test_a_death_told_or_independence_is_no_crisis(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "will they see the bit where i said whats the point? i dont want them sectioning me",
        "is the part where i wrote i cant go on going to my gp?",
        "can the doctor read the thing i typed about ending it",
    ],
)
def test_their_own_words_quoted_in_a_question_name_the_note(text: str) -> None:
    assert names_a_safety_note(text) and about_the_note(text) == "ask"
