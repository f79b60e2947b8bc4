"""listen_f (session 29): an appointment's time after its date is not a year of birth, a name
to use said with a reason, a date put right, a goal with a measure, a medical question."""

from datetime import date

import pytest

from careplan import identity, interpret, listen

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    "text",
    [
        "12th January, 09:40.",
        "Monday 11th January, 10.20",
        "21st January, 09:40",
        "the 3rd of February 10am",
        "14 March 11 o'clock",
    ],
)
def test_a_time_after_the_date_is_no_year_of_birth(text: str) -> None:
    assert identity.birth_date(text, TODAY) is None
    assert listen.birth_date_alone(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("12th January 48", date(1948, 1, 12)),
        ("12/03/48.", date(1948, 3, 12)),
        ("3rd of March, 1952", date(1952, 3, 3)),
    ],
)
def test_a_two_digit_year_is_still_a_year(text: str, born: date) -> None:
    assert identity.birth_date(text, TODAY) == born


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("Mrs Doyle to the postman, but Agnes to you", "Agnes"),
        ("Mr Okafor to the doctors, Tunde to you", "Tunde"),
        ("Mrs Hughes at the surgery but Gwen to you love", "Gwen"),
        ("Call me Babs, everyone does, Barbara's for the tax man", "Babs"),
        ("Peggy to my friends, Margaret on letters", "Peggy"),
        ("Elizabeth for the bank, Betty for everyone else", "Betty"),
        ("Mrs Doyle", "Mrs Doyle"),
    ],
)
def test_the_name_to_use_beside_the_formal_one(text: str, called: str) -> None:
    assert interpret.name(text, own=True) == called


@pytest.mark.parametrize(
    ("text", "formal"),
    [
        ("Call me Babs, everyone does, Barbara's for the tax man", "Barbara"),
        ("Margaret on letters, but Peggy to my friends", "Margaret"),
        ("Dev. Not Dave.", None),  # a name put right is no fuller name
    ],
)
def test_the_formal_name(text: str, formal: str | None) -> None:
    assert interpret.formal_name(text) == formal


def test_the_name_put_right_with_a_reason_at_a_later_question() -> None:
    assert listen.name_said_again("Actually call me Babs, everyone does, Barbara's for the tax man") == "Babs"
    assert listen.name_said_again("The nurse can call me later, after two") is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("No. I said the 21st, not the 12th.", 21),
        ("sorry not the 11th, the 18th", 18),
        ("no I said the twenty-first", 21),
        ("its the 27th", 27),
        ("the first few times", None),
        ("on the 3rd of May", None),
    ],
)
def test_the_day_put_right(text: str, day: int | None) -> None:
    assert listen.day_of_month_only(text) == day


def test_a_whole_date_after_the_day_put_right_is_the_date_not_an_answer() -> None:
    said = "No. I said the 21st, not the 12th. 21st January, 09:40."
    found, _, rest = listen.correction_in_part(said, TODAY)
    assert found is None
    assert rest.startswith("No.")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Can you tell me if this lump is normal? There's a small one under my arm", True),
        ("could you say whether the rash looks serious", True),
        ("should I be worried about the numbness in my toes?", True),
        ("Is the numbness something to worry about, could it be serious", True),
        ("do I need to worry about my blood pressure", True),
        ("I'm worried it's serious", False),
        ("I hope it is nothing serious", False),
        ("they will tell me if it is serious", False),
        ("the lump is normal they said", False),
    ],
)
def test_a_question_for_a_medical_judgement(text: str, asks: bool) -> None:
    assert listen.asks_for_judgement(text) is asks


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("I am going about my heart.", True),
        ("its only my knee im going about", True),
        ("I'm just here for my eyes", True),
        ("its my daughter anyway", False),
        ("I am going to the allotment", False),
    ],
)
def test_only_about_the_illness(text: str, only: bool) -> None:
    assert listen.only_about_the_illness(text) is only


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("abena, or bena at home", "Abena"),
        ("Margaret, or Peg at home", "Margaret"),
        ("Kathleen or Kath at home", "Kathleen"),
        ("He says put Mr Hughes. Only the minister calls him Gwilym", "Mr Hughes"),
        ("Put Mrs Evans. Only her sister calls her Nia", "Mrs Evans"),
        ("she says put Mrs Begum, only family call her Rukhsana", "Mrs Begum"),
        ("Robert, or Bob to his mates", "Bob"),
    ],
)
def test_the_name_to_use_when_another_is_only_for_home_or_family(text: str, called: str) -> None:
    assert interpret.name(text) == called


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        (
            "Can I change the main thing please. I want the appointment to be about the lump under my arm,"
            " the swimming can wait",
            "the lump under my arm",
        ),
        ("can we change the one thing, I would like it to be about my breathing", "my breathing"),
    ],
)
def test_the_one_thing_changed_in_plain_words(text: str, goal: str) -> None:
    assert listen.correction(text) == listen.Correction("main_goal", "new", goal=goal)


def test_what_the_appointment_is_about_alone_changes_nothing() -> None:
    assert listen.correction("I want the appointment to be about my knee") is None
