"""Session 33 (listen_set16): the slips retired blind set 16's people met, in other people's
words. Each class also has a conversation (tests/conversations/messy_s33d_*.yml)."""

from __future__ import annotations

from datetime import date

import pytest

from careplan import dates, interpret, listen, questions

pytestmark = pytest.mark.unit

FRIDAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("hiya, im Priya, ive got the diabetes nurse on tuesday the 15th, bit nervous tbh", 15),
        ("friday the 11th, bit of a panic tbh", 11),
        ("monday 14th, bit worried about it", 14),
    ],
)
def test_a_weekday_and_its_day_are_a_date_whatever_follows_the_comma(text: str, day: int) -> None:
    """set16_04: "tuesday the 15th, bit nervous" read "15th bit" as a count: the next Tuesday."""
    found = dates.when(text, FRIDAY)
    assert found is not None and found.day.day == day


def test_a_count_of_bits_is_still_no_date() -> None:
    assert dates.when("the 2nd bit", FRIDAY) is None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "oh and it's not the nurse, it's the pharmacist at the surgery, sorry, i'm all behind today",
            "pharmacist",
        ),
        (
            "sorry not the doctor, it's the physio I'm seeing, my head's all over the place this week",
            "physio",
        ),
        (
            "and actually its not with the GP, it should be the practice pharmacist, i was muddled",
            "pharmacist",
        ),
    ],
)
def test_who_put_right_with_no_date_never_moves_the_date(text: str, who: str) -> None:
    """set16_05: "... i'm all behind today" moved the appointment to today."""
    fix = listen.correction(text, FRIDAY)
    assert fix is not None and fix.kind == "clinician" and who in fix.value


def test_a_date_put_right_beside_a_clinician_is_still_the_date() -> None:
    fix = listen.correction("no its not the gp its the 10th not the 9th", FRIDAY)
    assert fix is not None and fix.kind == "date"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("footy, work, my girlfriend", "shoulder, footy injury"),
        ("running, my kids and work", "my knee, running injury"),
        ("gardening, the grandkids, church", "her back, gardening accident"),
    ],
)
def test_a_list_of_what_matters_is_not_the_reason_told_again(text: str, reason: str) -> None:
    """set16_09: "footy, work, my girlfriend" was added to what the appointment is for."""
    assert not listen.retells_reason(text, reason)


@pytest.mark.parametrize(
    "text",
    [
        "how long should it take to come off it?",
        "how long will it take to come off them?",
        "how long does it take to get off it",
    ],
)
def test_a_how_long_question_naming_no_chat_is_not_about_the_chat(text: str) -> None:
    """set16_06: at "Any questions for your care team?" it got "It takes about 10 minutes"."""
    assert not listen.names_the_chat(text)


def test_how_long_this_takes_names_the_chat() -> None:
    assert listen.names_the_chat("how long will this take?")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("why do you need my date of birth?", "date_of_birth"),
        ("what do you need my date of birth for?", "date_of_birth"),
        ("why would you want her NHS number?", "nhs_number"),
        ("why do you need to know that?", None),
    ],
)
def test_a_why_names_the_detail_it_is_about(text: str, key: str | None) -> None:
    """set16_06: "why do you need my date of birth?" at the read-back got why the read-back is shown."""
    assert questions.detail_named(text) == key


@pytest.mark.parametrize(
    "text", ["that'll do for now", "that will do for her, thanks", "ok thatll do i think"]
)
def test_that_will_do_ends_the_goals(text: str) -> None:
    """set16_07: "that'll do for now" at "something else?" got "What would Jean like to be able to do?"."""
    assert listen.no_more_goals(text)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("i've never had one, so yes", True),
        ("not had one before, so go on then", True),
        ("no idea what that is but yes please", True),
        ("she's not up to it, so no", False),
    ],
)
def test_a_yes_or_no_said_last_is_the_answer(text: str, said: bool) -> None:
    """set16_07: "i've never had one, so yes" to the carer's assessment was not caught."""
    assert interpret.yes_no(text) is said


@pytest.mark.parametrize(
    "text",
    [
        "she's sat right here, it was her idea",
        "it was mum's idea, she wanted me to do it",
        "this was his idea",
    ],
)
def test_their_idea_is_agreement(text: str) -> None:
    """set16_07: "it was her idea" at "Does Jean know you're doing this for her?" was not caught."""
    assert interpret.basis(text) == "agreed"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("let sue see it before we go in", True),
        ("let the nurse have a look first", True),
        ("aye, let dr patel read it", True),
        ("let me see it first", None),
        ("don't let them see it", False),
        ("never let them read it", False),
    ],
)
def test_letting_them_see_it_is_a_yes_to_sharing(text: str, said: bool | None) -> None:
    """set16_07: "let sue see it before we go in" to "Would you like to share...?" was not caught;
    "don't let them see it" stays a no (consent is never turned round)."""
    assert listen.share_answer(text) is said


@pytest.mark.parametrize(
    "text", ["thats the main one really", "its the most important one tbh", "that's the only thing really"]
)
def test_the_main_one_said_alone_ends_the_goals(text: str) -> None:
    """set16_02/04 said "no that's the main one"; without the "no" it was written down as a goal."""
    assert listen.no_more_goals(text)
    assert not listen.no_more_goals("thats the main one, but i also want to swim")
