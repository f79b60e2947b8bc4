"""listen_h (session 29): sharing means what the person said (tester s29, Owen and Parveen)."""

from __future__ import annotations

import pytest

from careplan import listen


@pytest.mark.parametrize(
    "said",
    [
        "ok yeah thats right. last time, if i share who exactly sees it?",
        "Yes it is right. If I say yes, who will read it?",
        "Who will see it exactly? Only the diabetes nurse?",
        "yeah fine, but if i send it who gets it",
        "thats all correct. when i share it, who reads it?",
    ],
)
def test_a_question_about_who_sees_it_is_never_a_yes_to_sharing(said: str) -> None:
    assert listen.share_answer(said) is None
    assert not listen.says_share(said)


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        ("yes share it", True),
        ("Yes that's all right, share it with the nurse please", True),
        ("OK, yes please share it", True),
        ("no. keep it to me", False),
        ("Then no for now please, I will show the nurse on my phone myself.", False),
    ],
)
def test_plain_answers_to_sharing_are_still_heard(said: str, answer: bool) -> None:
    assert listen.share_answer(said) is answer


@pytest.mark.parametrize(
    "said",
    [
        "skip. i dont want to share it. keep it to me",
        "No wait, I have changed my mind. Please do not send it.",
        "actually no dont share it",
        "hang on, i'd rather not share it after all",
        "no i'll take it in myself",
    ],
)
def test_a_no_at_the_details_stops_sharing(said: str) -> None:
    assert listen.stops_sharing(said)


@pytest.mark.parametrize(
    "said",
    ["skip", "no", "I'd rather not share my phone number", "i dont want to give my nhs number", "dont know"],
)
def test_skipping_one_detail_is_not_stopping(said: str) -> None:
    assert not listen.stops_sharing(said)


@pytest.mark.parametrize(
    "said",
    [
        "so did you share it or not??",
        "Did you send it to the nurse?",
        "did they see it already??",
        "has it been sent?",
        "is my plan shared",
        "have you shared it yet",
    ],
)
def test_asking_whether_it_was_shared(said: str) -> None:
    assert listen.asks_if_shared(said)


@pytest.mark.parametrize(
    "said",
    ["did you get that", "have you seen the doctor", "she has read my letters", "did you see the match"],
)
def test_other_did_you_questions_are_not_about_sharing(said: str) -> None:
    assert not listen.asks_if_shared(said)


@pytest.mark.parametrize(
    ("said", "time"),
    [
        ("no the time is wrong, its 11.15 not 8am. 8 is when the carers come", "11:15"),
        ("oh no the time is wrong, its 10.30 not 2pm. 2 is when i pick the kids up", "10:30"),
        ("no wait, the appointment is 9.40 not 8.40", "09:40"),
        ("no its at 3 not 2", "15:00"),
        ("sorry the time is 4pm", "16:00"),
    ],
)
def test_a_time_put_right_keeps_the_new_time(said: str, time: str) -> None:
    fix = listen.correction(said)
    assert fix is not None and fix.kind == "time" and fix.value == time


@pytest.mark.parametrize(
    "said",
    [
        "no im on the train to work, hes at home, carers come in at 8 and 5",
        "no hes at work. his tablets are at 9 and 1 and he forgets the 1 oclock ones",
        "no she gets her insulin at 8 and 6",
        "no, 7 is when he has his breakfast",
    ],
)
def test_someone_elses_routine_is_never_the_appointment_time(said: str) -> None:
    assert listen.correction(said) is None


PARVEEN_REASON = (
    "Most important for me is my family, my husband and my two daughters and my grandson Arjun who is"
    " three years old. I want to be healthy to see him grow up."
)


@pytest.mark.parametrize(
    "said",
    [
        "My family. My grandson Arjun. The gurdwara. Sorry if my English is not clear.",
        "family",
        "my family and my faith",
    ],
)
def test_what_matters_said_short_is_what_matters_though_the_reason_named_it(said: str) -> None:
    assert not listen.retells_reason(said, PARVEEN_REASON)


def test_the_reason_told_again_is_still_heard() -> None:
    assert listen.retells_reason("my frozen shoulder, I cannot lift the kettle", "my frozen shoulder")


@pytest.mark.parametrize(
    ("said", "who"),
    [
        ("me. but you didnt answer, can my mum see it", "family"),
        ("will my dad be able to read this?", "family"),
        ("ok but does my mum see it? she's on the same gp", "family"),
        (
            "I do not want the people at the gurdwara to know, some of them work at the surgery reception.",
            "staff",
        ),
        ("can the receptionists read it if i say yes?", "staff"),
        ("who reads this. dont want it sold to google", "others"),
        ("will the uni find out about this?", "others"),
        ("is this going to be sold to advertisers?", "others"),
        ("can my husband see it", None),
        ("will he see this if he picks up my phone", None),
        ("who sees this", None),
    ],
)
def test_who_a_question_about_who_sees_it_names(said: str, who: str | None) -> None:
    assert listen.who_is_asked_about(said) == ((who,) if who else ())
