"""Reading who someone is from what they typed: an NHS number and a date of birth.

Pure functions, so the chat and the tests call them the same way. Both return
``None`` rather than guess: a wrong NHS number or birth date could put a plan on
someone else's record, which is worse than having none.
"""

from __future__ import annotations

import re
from datetime import date

from careplan import dates

OLDEST_AGE = 120

# Ten digits, grouped any way with spaces or dashes ("943 476 5919", "943-476-5919").
_NHS_CANDIDATE = re.compile(r"(?<![\d])\d(?:[ \-]?\d){9}(?![\d])")

_MONTH = "|".join(sorted(dates.MONTHS, key=len, reverse=True))
# "3", "3rd", "third", "twenty third", "twenty-third"
_DAY_WORDS = "|".join(sorted((w.replace(" ", r"[\s-]") for w in dates.ORDINALS), key=len, reverse=True))
_DAY = rf"(\d{{1,2}}(?!\d)(?:st|nd|rd|th)?|{_DAY_WORDS})"
_YEAR = r"(\d{4}|'?\d{2})"
# "12/03/1948", "3.4.1950", "12-3-48": UK order, day first.
_NUMERIC = re.compile(rf"(?<!\d)(\d{{1,2}})\s*[/.\-]\s*(\d{{1,2}})\s*[/.\-]\s*{_YEAR}(?!\d)")
# "14 9 1958": spaces only, so the year has all four digits (not a phone or an NHS number)
_SPACED = re.compile(r"(?<!\d\s)\b(\d{1,2})\s+(\d{1,2})\s+(\d{4})(?!\d)")
# "1948-03-12"
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# "12 March 1948", "12th of march 48", "the third of March, 1948"
_DAY_MONTH = re.compile(
    rf"(?<!\d)\b{_DAY}\s*(?:of\s+)?({_MONTH})\b\.?,?\s*(?:in\s+)?{_YEAR}(?!\d)", re.IGNORECASE
)
# "March 12th, 1948", "march the third 48"
_MONTH_DAY = re.compile(
    rf"\b({_MONTH})\b\.?\s*(?:the\s+)?{_DAY}\b,?\s*(?:in\s+)?{_YEAR}(?!\d)", re.IGNORECASE
)
# "born in 1948 on the 3rd of March", "1948, 3rd March"
_YEAR_FIRST = re.compile(
    rf"(?<!\d)(\d{{4}})\b\D{{0,20}}?\b{_DAY}\s*(?:of\s+)?({_MONTH})\b"
    rf"|(?<!\d)(\d{{4}})\b\D{{0,20}}?\b({_MONTH})\s*(?:the\s+)?{_DAY}\b",
    re.IGNORECASE,
)
# "I'm 78", "she's 91", "78 years old", "aged 78": an age, not a date.
_AGE = re.compile(
    r"^\W*(?:(?:i'?m|im|i am|she'?s|he'?s|she is|he is|they'?re|aged?)\s+)?(\d{2,3})"
    r"(?:\s*(?:years?|yrs?)(?:\s*old)?)?(?:\s+(?:now|this year|next \w+|in \w+))?\W*$",
    re.IGNORECASE,
)


def nhs_number_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check digit (NHS Data Dictionary)."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def nhs_number(text: str) -> str | None:
    """The first valid 10-digit NHS number in ``text``, as bare digits, or None."""
    for match in _NHS_CANDIDATE.finditer(text or ""):
        digits = re.sub(r"\D", "", match.group())
        if nhs_number_valid(digits):
            return digits
    return None


# A year on its own ("1941", "born in 1941"): the day and month are still to ask.
_YEAR_ONLY = re.compile(r"^\W*(?:(?:i was |i were )?born )?(?:in )?((?:18|19|20)\d\d)\W*$", re.I)


def birth_year(text: str, today: date) -> int | None:
    """The year, when a date of birth is given as a year alone ("1941"); None otherwise."""
    found = _YEAR_ONLY.match(text or "")
    year = int(found[1]) if found else None
    return year if year is not None and today.year - OLDEST_AGE <= year <= today.year else None


def birth_date(text: str, today: date) -> date | None:
    """A date of birth in ``text`` (UK order, day first), or None.

    Dates in the future, impossible dates (30 February) and ages over 120 are
    refused. A two-digit year is the latest one not in the future ("48" is 1948).
    """
    text = text or ""
    found: tuple[str, str, str] | None = None
    if match := _ISO.search(text):
        found = (match[3], match[2], match[1])
    elif match := _NUMERIC.search(text) or _SPACED.search(text):
        found = (match[1], match[2], match[3])
    elif match := _DAY_MONTH.search(text):
        found = (match[1], match[2], match[3])
    elif match := _MONTH_DAY.search(text):
        found = (match[2], match[1], match[3])
    elif match := _YEAR_FIRST.search(text):
        found = (match[2], match[3], match[1]) if match[1] else (match[6], match[5], match[4])
    if found is None:
        return None
    day_text, month_text, year_text = found
    day = dates.day_number(re.sub(r"[\s-]+", " ", day_text.lower()))
    month = int(month_text) if month_text.isdigit() else dates.MONTHS[month_text.lower().rstrip(".")]
    year_text = year_text.lstrip("'")
    try:
        born = _with_century(day, month, year_text, today)
    except ValueError:
        return None
    if born > today or _age(born, today) > OLDEST_AGE:
        return None
    return born


# The writer's own age said in passing: "im 14 lol", "I am 15 years old", "i'm in year 9"
_OWN_AGE = re.compile(
    r"\b(?:i'?m|im|i am)\s+(?:only\s+|just\s+)?(\d{1,2})(?:\s*(?:years?|yrs?|y/?o)(?:\s*old)?)?"
    r"(?!\s*(?:stone|st|kg|kilos?|lbs?|pounds|weeks?|months?|days?|mins?|minutes?|hours?|%|miles?|th|st|nd|rd|foot|feet|ft|inch\w*|cm|times?))\b"
    r"|\b(?:i'?m|im|i am)\s+in\s+year\s+(\d{1,2})\b",
    re.I,
)


def own_age(text: str) -> int | None:
    """The age the writer gives of themselves in passing ("im 14 lol"); a school year is read
    as the age in it ("in year 9" is 14). None when no age is given."""
    found = _OWN_AGE.search(text or "")
    if found is None:
        return None
    return int(found[1]) if found[1] else int(found[2]) + 5


def age_given(text: str) -> int | None:
    """An age given where a date of birth was asked ("I'm 78", "she's 91 next month"), or None."""
    match = _AGE.match(text or "")
    return int(match[1]) if match and 0 < int(match[1]) <= OLDEST_AGE else None


def _with_century(day: int, month: int, year_text: str, today: date) -> date:
    if len(year_text) == 4:
        return date(int(year_text), month, day)
    short = int(year_text)
    this_century = date(today.year // 100 * 100 + short, month, day)
    if this_century <= today:
        return this_century
    return date(this_century.year - 100, month, day)


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


# "Winston Campbell, born 4th July 1948": the name is what comes before the date.
_BEFORE_BIRTH = re.compile(r"\s*(?:[,;.]|\b(?:born|dob|d\.o\.b\.?|date of birth)\b|\d).*$", re.I | re.S)


def name_and_birth_date(text: str, today: date) -> tuple[str, date] | None:
    """A full name and a date of birth given together, or None when no birth date is in ``text``."""
    born = birth_date(text, today)
    if born is None:
        return None
    name = _BEFORE_BIRTH.sub("", text).strip(" ,.-")
    return (name, born) if name and not not_a_name(name) else None


# A UK phone number (07700 900461, +44 1632 960555, 01632-960123) or an email address.
_PHONE = re.compile(r"(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0)\d(?:[\s-]?\d){8,9}(?!\d)")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


def has_contact(text: str) -> bool:
    """Does ``text`` hold a way to reach someone (a UK phone number or an email address)?"""
    return bool(_PHONE.search(text or "") or _EMAIL.search(text or ""))


def looks_like_nhs_number(text: str) -> bool:
    """Ten digits, right or wrong: a mistyped NHS number, not something else."""
    return bool(_NHS_CANDIDATE.search(text or ""))


# "mine or hers?", "is that my name or his you want", "whose name?": which person is meant.
_WHOSE = re.compile(
    r"\b(?:mine|my name|me)\b.{0,20}\bor\b.{0,20}\b(?:hers?|his|him|theirs?|them|mum'?s|dad'?s)\b"
    r"|\b(?:hers?|his|him|theirs?)\b.{0,20}\bor\b.{0,20}\b(?:mine|my name|me)\b|\bwhose\b",
    re.I,
)
# "she was born...", "I'm", "her": words about a person, never their name.
_NOT_A_NAME = re.compile(
    r"^(?:i|i'?m|i am|me|my|he|she|they|his|her|their|it)(?:\s+(?:was|is|were|'s))?$", re.I
)
# "Bridget Anne Cole. And I'm Harold Cole.": the person's name comes before the writer's own.
_AND_ME = re.compile(r"[.,;]?\s*(?:and\s+)?(?:i'?m|i am|my name(?:'s| is))\b.*$", re.I | re.S)


def asks_whose(text: str) -> bool:
    """Is the person asking whose name (or details) the question means?"""
    return bool(_WHOSE.search(text or ""))


def not_a_name(words: str) -> bool:
    return bool(_NOT_A_NAME.match(words.strip(" ,.")))


def without_own_name(text: str) -> str:
    """``text`` without a trailing "and I'm Harold" (the writer's own name)."""
    return _AND_ME.sub("", text).strip() or text
