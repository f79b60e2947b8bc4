"""Session 34 (c, listen_set17): the classes behind retired blind set 17's failures, in other words."""

from __future__ import annotations

import pytest

from careplan import listen, pronouns, safety


@pytest.mark.parametrize(
    "text", ["how many more q's??", "how many qs left lol", "r we nearly done??", "many qs to go?"]
)
def test_how_many_are_left_in_text_speak(text: str) -> None:
    assert listen.meta(text) == "faq_questions_left"


@pytest.mark.parametrize(
    ("text", "doing"),
    [
        ("when can i run", "run"),
        ("will i be able to drive again?", "drive again"),
        ("how soon can i get back to the gym", "get back to the gym"),
        ("when can she go swimming again", "go swimming again"),
        ("will i ever kneel again", "kneel again"),
    ],
)
def test_when_they_can_do_something_again(text: str, doing: str) -> None:
    assert listen.asks_when_able(text) == doing


@pytest.mark.parametrize(
    "text",
    [
        "when will i get my results",
        "when can i have my operation",
        "will it hurt",
        "is there a better inhaler i can try?",
    ],
)
def test_not_when_they_can_do_something(text: str) -> None:
    assert listen.asks_when_able(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "oh. sorry pet, that's set me off. give us a minute, this is making me teary",
        "sorry, ive gone all teary, give me a sec",
        "hang on love, that's set me off again. bear with me",
        "sorry im crying now",
    ],
)
def test_a_teary_pause_in_several_parts(text: str) -> None:
    assert listen.meta(text) == "upset"


@pytest.mark.parametrize(
    "text", ["I get upset when I can't go out", "it sets me off when people ask about him"]
)
def test_upset_told_as_an_answer_is_no_pause(text: str) -> None:
    assert listen.meta(text) != "upset"


@pytest.mark.parametrize(
    "text", ["right, i'm alright now, go on", "ok im ok now, carry on", "right. go on then"]
)
def test_ready_again_after_a_pause(text: str) -> None:
    assert listen.meta(text, after_away=True) == "back"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("my Jim. well, he was. he died in august. and our Karen", "me nerves and me sleep since Jim died"),
        ("Pat. we were married 52 years. and the grandkids", "feeling low since Pat passed"),
    ],
)
def test_someone_named_in_the_reason_is_what_matters(text: str, reason: str) -> None:
    assert not listen.retells_reason(text, reason)


@pytest.mark.parametrize(
    "text",
    [
        "being on me own. some days i cannot see the point without him",
        "i dont see the point without her some days",
        "whats the point without my Bill",
    ],
)
def test_no_point_without_the_one_who_died_gets_the_check_in(text: str) -> None:
    flag = safety.detect(text)
    assert flag is not None and flag.rule == "hard_to_cope_or_at_risk"


@pytest.mark.parametrize(
    "text", ["i cant see the point without my glasses", "we cant go on holiday without him"]
)
def test_no_point_of_a_needle_or_a_trip_is_no_flag(text: str) -> None:
    assert safety.detect(text) is None


@pytest.mark.parametrize(
    "text",
    ["no she's at the day centre today", "no shes at school today", "nah hes round his nans this afternoon"],
)
def test_where_someone_is_today_never_moves_the_date(text: str) -> None:
    assert listen.correction(text) is None


@pytest.mark.parametrize(
    "text", ["no, its today", "no the appointment is today", "no wait, it is today at 3"]
)
def test_the_date_put_right_to_today_still_is(text: str) -> None:
    fix = listen.correction(text)
    assert fix is not None and fix.kind == "date"


@pytest.mark.parametrize(
    ("text", "who"),
    [("its for my little boy", "he"), ("its for my wee lass", "she"), ("for our youngest", None)],
)
def test_a_child_said_as_a_child_is_someone_looked_after(text: str, who: str | None) -> None:
    assert listen.for_whom(text) == "carer"
    assert pronouns.from_kin([text]) == who


def test_a_bare_one_is_no_child() -> None:
    assert listen.for_whom("its for my one") is None
