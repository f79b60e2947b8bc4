"""careplan.identity: NHS numbers (modulus 11) and dates of birth from free text."""

from __future__ import annotations

from datetime import date

import pytest

from careplan.identity import (
    age_given,
    birth_date,
    birth_date_in_parts,
    nhs_number,
    nhs_number_valid,
    part_of_a_birth_date,
)

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    "text",
    ["9434765919", "943 476 5919", "my number is 943-476-5919 thanks", "It's 943 4765 919."],
)
def test_a_valid_nhs_number_is_found_in_free_text(text: str) -> None:
    assert nhs_number(text) == "9434765919"


@pytest.mark.parametrize(
    "text",
    [
        "943 476 5918",  # wrong check digit
        "943 476 591",  # nine digits
        "94347659190",  # eleven digits
        "0000000000",  # passes the sum, but never issued
        "I don't know it",
        "",
    ],
)
def test_an_invalid_or_absent_nhs_number_gives_none(text: str) -> None:
    assert nhs_number(text) is None


def test_a_number_whose_check_digit_would_be_ten_is_never_valid() -> None:
    # 1000000010: weights give 10*1 + 2*1 = 12, 12 % 11 = 1, check 10: not a number issued.
    assert not nhs_number_valid("1000000010")
    assert nhs_number_valid("4010232137")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/03/1948", date(1948, 3, 12)),
        ("12 March 1948", date(1948, 3, 12)),
        ("12th of march 48", date(1948, 3, 12)),
        ("3.4.1950", date(1950, 4, 3)),
        ("born on 1st Sept 1939", date(1939, 9, 1)),
        ("March 12th, 1948", date(1948, 3, 12)),
        ("1948-03-12", date(1948, 3, 12)),
        ("05/06/20", date(2020, 6, 5)),  # a child: two-digit year not in the future
        ("05/06/30", date(1930, 6, 5)),
        # in words, as people say them
        ("march the third 48", date(1948, 3, 3)),
        ("third of march 1948", date(1948, 3, 3)),  # not the 19th ("19" of "1948")
        ("the 3/3/48", date(1948, 3, 3)),
        ("born in 1948 on the 3rd of March", date(1948, 3, 3)),
        ("the twenty-third of june, 1950", date(1950, 6, 23)),
        ("4th July '48", date(1948, 7, 4)),
        ("14 9 1958", date(1958, 9, 14)),  # typed with spaces on a phone
        # years said in words (voice dictation, or written as spoken)
        ("the second of August nineteen thirty eight", date(1938, 8, 2)),
        ("second of august nineteen thirty-eight", date(1938, 8, 2)),
        ("August the 2nd, nineteen thirty eight", date(1938, 8, 2)),
        ("2nd Aug 38", date(1938, 8, 2)),
        ("twelfth of june nineteen fifty five", date(1955, 6, 12)),
        ("the first of may nineteen hundred and forty", date(1940, 5, 1)),
        ("the fourth of july nineteen oh nine", date(1909, 7, 4)),
        ("born the 3rd march in nineteen forty four", date(1944, 3, 3)),
        ("twenty first of march two thousand and ten", date(2010, 3, 21)),
        ("sixth of january forty one", date(1941, 1, 6)),
        ("she was born on the 8th October nineteen thirty nine", date(1939, 10, 8)),
        ("march the third forty eight", date(1948, 3, 3)),
        ("may twenty first 1950", date(1950, 5, 21)),  # "twenty" is the day's, not a year
        ("June twenty-second nineteen fifty", date(1950, 6, 22)),
    ],
)
def test_uk_dates_of_birth_are_read_day_first(text: str, expected: date) -> None:
    assert birth_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12/03/2027",  # the future
        "3 January 2027",
        "1/1/1900",  # 126 years old
        "31/02/1950",  # no such day
        "13/13/1950",
        "sometime in the fifties",
        "I'm 78",
        "born in march 1948",  # no day
        "943 476 5919",  # an NHS number
        "07700 900 1958",  # a phone number
        "the second of August",  # no year
        "born in nineteen forty one",  # no day
        "the fourth of july eighteen ninety",  # 136 years old
        "",
    ],
)
def test_impossible_dates_of_birth_give_none(text: str) -> None:
    assert birth_date(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I'm 78", 78),
        ("78", 78),
        ("she's 91 next month", 91),
        ("aged 84", 84),
        ("12/03/1948", None),
        ("", None),
    ],
)
def test_an_age_given_for_a_date_of_birth(text: str, age: int | None) -> None:
    assert age_given(text) == age


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("born in 41", True),
        ("1941", True),
        ("nineteen forty one", True),
        ("the second of August", True),
        ("3rd of march", True),
        ("march 1948", True),
        ("the second of August nineteen thirty eight", False),  # the whole date
        ("I'm 78", False),  # an age
        ("skip", False),
        ("Harold James Bennett", False),
        ("943 476 5919", False),
    ],
)
def test_part_of_a_date_of_birth_is_heard(text: str, part: bool) -> None:
    """A year alone or a day without its year is asked for whole, kindly: never "couldn't read"."""
    assert part_of_a_birth_date(text, TODAY) is part


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("born in 41", "the 6th of January", date(1941, 1, 6)),
        ("nineteen forty one", "sixth of jan", date(1941, 1, 6)),
        ("the second of August", "1938", date(1938, 8, 2)),
        ("the second of August", "nineteen thirty eight", date(1938, 8, 2)),
        ("born in 41", "I don't know", None),
    ],
)
def test_a_date_of_birth_said_in_two_parts(first: str, then: str, expected: date | None) -> None:
    assert birth_date_in_parts(first, then, TODAY) == expected
