"""Session 30 (listen_flow13), from retired blind set 13 (set13_03, 04, 10): one answer taken
for the wrong question, so every later answer lands a question early or late."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import dates, listen

THURSDAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("sorry she's screaming. with dr osei at fairfield surgery", "osei"),
        ("ugh the dog is barking. it's Dr Mensah at the Elms practice", "Mensah"),
        ("soz baby woke up. the midwife, Gemma, at the health centre", "midwife"),
        ("sorry love, Dr Banerjee at the Royal", "Banerjee"),
    ],
)
def test_who_with_after_a_sorry_is_who_with(text: str, who: str) -> None:
    assert who in (listen.only_the_clinician(text) or "")


@pytest.mark.parametrize(
    "text", ["sorry, next tuesday", "sorry the baby. dont know when it is yet", "sorry I dont know"]
)
def test_a_sorry_with_no_one_named_names_no_one(text: str) -> None:
    assert listen.only_the_clinician(text) is None


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("tuesday 8th at 10 past 11, my mum's coming with me", 8, "11:10"),
        ("Weds 16th, 2.30. found the letter", 16, "14:30"),
        ("its on the 16th at 2.30, on the fridge", 16, "14:30"),
        ("Friday, 18th December, 10:30. and its about my knee", 18, "10:30"),
    ],
)
def test_a_day_said_first_is_read(text: str, day: int, time: str) -> None:
    found = listen.day_said_first(text, THURSDAY)
    assert found is not None and (found.day.day, found.time) == (day, time)


@pytest.mark.parametrize("text", ["my knee, the 16th", "for my knee", "my 6 week check. stitches and that"])
def test_no_day_said_first(text: str) -> None:
    assert listen.day_said_first(text, THURSDAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "SAY AGAIN LOVE",
        "SAY THAT AGAIN PET",
        "WHAT DID YOU SAY DEAR",
        "SORRY LOVE WHAT DID YOU SAY, CAN YOU SAY IT AGAIN",
        "COME AGAIN LOVE",
        "eh pet, what was the question",
        "I DIDNT HEAR THAT DEAR",
        "sorry duck, i didnt catch that",
    ],
)
def test_asking_again_with_a_fond_word(text: str) -> None:
    assert listen.meta(text) == "repeat"


@pytest.mark.parametrize(
    "text",
    ["say again what you want", "Dear me, my knees", "I cant hear the phone", "I missed that appointment"],
)
def test_answers_that_sound_like_asking_again(text: str) -> None:
    assert listen.meta(text) != "repeat"


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Just checked the letter again, it's actually 11:50, they've moved it. Sorry!", "11:50"),
        ("they've changed it to 2.40, the hospital rang", "14:40"),
        ("oh and its actually 9.15 not 9", "09:15"),
    ],
)
def test_the_time_moved_in_passing(text: str, time: str) -> None:
    fix = listen.correction(text, THURSDAY, after=dates.when("Friday 18th December", THURSDAY).day)
    assert fix is not None and (fix.kind, fix.value) == ("time", time)


@pytest.mark.parametrize(
    "text", ["it's actually quite hard to get there at 9", "I want to be at work by 9, it is actually my job"]
)
def test_a_time_in_an_answer_is_no_fix(text: str) -> None:
    assert listen.correction(text, THURSDAY) is None


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "my baby girl Amira obviously. and my mum, shes been staying with us since the birth x",
            "6 week check for me and the baby. stitches and contraception and that",
        ),
        ("the baby, and getting some sleep", "the baby's weight and my stitches"),
    ],
)
def test_the_baby_at_what_matters_is_no_reason_told_again(text: str, told: str) -> None:
    assert not listen.retells_reason(text, told)


def test_the_babys_check_told_again_is_the_reason() -> None:
    assert listen.retells_reason("the baby's 8 week check as well", "my 6 week check")


@pytest.mark.parametrize(
    "text",
    [
        "My granddaughter Jade has put this on my phone for me as I have the foot clinic",
        "my son Dev set this up for me, its my eye clinic next week",
        "My daughter Karen has put this on the ipad for me. I see the nurse on Friday",
    ],
)
def test_someone_named_who_set_it_up_is_not_who_it_is_for(text: str) -> None:
    assert listen.for_whom(text) == "self"


def test_set_up_by_someone_named_for_someone_else() -> None:
    assert listen.for_whom("my daughter Karen set this up, its for my husband Jim") == "carer"


@pytest.mark.parametrize(
    "text",
    [
        "Sunday service at Mount Zion, and my grandchildren. And my daughter Marcia, who is very good to me.",
        "my son Dave, who lives in Leeds. and the dog",
        "church and the vicar, who visits on Tuesdays",
    ],
)
def test_who_someone_is_after_their_name_is_no_question(text: str) -> None:
    assert listen.answer_beside(text) is None


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        (
            "The cooking, as I said. What I would really like is to be able to stand at the stove long "
            "enough to cook Sunday dinner for the family again.",
            "stand at the stove long enough to cook Sunday dinner for the family again",
        ),
        ("what she'd love most is to get back to the choir", "get back to the choir"),
        ("my garden. what i really want is to be able to kneel down to weed", "kneel down to weed"),
    ],
)
def test_a_goal_said_outright(text: str, goal: str) -> None:
    assert listen.goal_said_outright(text) == goal


@pytest.mark.parametrize("text", ["what I would like is a cup of tea", "what I like is telly", "the cooking"])
def test_no_goal_said_outright(text: str) -> None:
    assert listen.goal_said_outright(text) is None


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        (
            "Wednesday 16th December at 2.15pm. The first letter said the 9th but they moved it, "
            "the 16th is right.",
            16,
            "14:15",
        ),
        ("it was the 9th but its been changed to the 16th at 10", 16, "10:00"),
        ("the old letter said monday but they moved it to friday at 2", 4, "14:00"),
    ],
)
def test_the_date_it_was_before_it_moved_is_not_meant(text: str, day: int, time: str) -> None:
    found = dates.when(listen.last_said(text), THURSDAY)
    assert found is not None and (found.day.day, found.time) == (day, time)


def test_something_else_moved_keeps_the_message() -> None:
    text = "friday. my son was going to drive me but they moved his shift"
    assert listen.last_said(text) == text


def test_really_and_a_number_in_an_answer_is_no_time() -> None:
    assert listen.correction("a good day is when im up, its really 9 before i get going", THURSDAY) is None
