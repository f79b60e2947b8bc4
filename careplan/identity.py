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
# a two-digit year is never the hour of a time after the date ("12th January, 09:40", "10am")
_YEAR = r"(\d{4}|'?\d{2}(?!\s*(?:[:.]\d{2}|[ap]\.?m\b|o'?clock)))"
# "12/03/1948", "3.4.1950", "12-3-48": UK order, day first.
_NUMERIC = re.compile(rf"(?<!\d)(\d{{1,2}})\s*[/.\-]\s*(\d{{1,2}})\s*[/.\-]\s*{_YEAR}(?!\d)")
# "14 9 1958": spaces only, so the year has all four digits (not a phone or an NHS number)
_SPACED = re.compile(r"(?<!\d\s)\b(\d{1,2})\s+(\d{1,2})\s+(\d{4})(?!\d)")
# "4 6 48" as the whole message: a date of birth written the short way (never part of a number)
_SPACED_ALONE = re.compile(r"^\W*(\d{1,2})\s+(\d{1,2})\s+(\d{2})\W*$")
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


# Digits said as words, as voice typing writes them: "nine four three", "oh one", "double four"
_DIGIT_WORDS = {
    **{w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine".split())},
    "oh": "0",
    "o": "0",
    "nought": "0",
}
_SAID_DIGIT = "|".join(_DIGIT_WORDS)
_SAID_DIGITS = re.compile(
    rf"\b(?:(?:double|treble|triple)\s+)?(?:{_SAID_DIGIT})\b"
    rf"(?:[\s,.-]+(?:(?:double|treble|triple)\s+)?(?:{_SAID_DIGIT})\b)+",
    re.I,
)


def digits_said(text: str) -> str:
    """``text`` with runs of digits said as words written as digits ("nine four three four
    seven six five nine one nine" is "9434765919"; "double four" is "44"). A digit word on
    its own ("one more thing") is left as it is."""

    def written(run: re.Match[str]) -> str:
        digits = ""
        for times, word in re.findall(rf"(?:(double|treble|triple)\s+)?({_SAID_DIGIT})\b", run.group(), re.I):
            digits += _DIGIT_WORDS[word.lower()] * {"double": 2, "treble": 3, "triple": 3}.get(
                times.lower(), 1
            )
        return digits

    return _SAID_DIGITS.sub(written, text or "")


def nhs_number(text: str) -> str | None:
    """The first valid 10-digit NHS number in ``text`` (its digits written or said), as bare
    digits, or None."""
    for match in _NHS_CANDIDATE.finditer(digits_said(text)):
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


# Years said in words, as voice dictation writes them: "nineteen thirty eight", "nineteen
# oh five", "nineteen hundred and forty", "two thousand and ten"; after a month, "forty one".
_UNIT = "one two three four five six seven eight nine".split()
_TEEN = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_VALUE = (
    {w: n for n, w in enumerate(_UNIT, 1)}
    | {w: n for n, w in enumerate(_TEEN, 10)}
    | {w: n for n, w in zip(range(20, 100, 10), _TENS, strict=True)}
)
_GAP = r"[\s-]+"
_TWO_DIGITS = (
    rf"(?:(?:{'|'.join(_TENS)})(?:{_GAP}(?:{'|'.join(_UNIT)}))?|{'|'.join(_TEEN)}"
    rf"|(?:oh|o|nought|zero){_GAP}(?:{'|'.join(_UNIT)}))"
)
_YEAR_IN_WORDS = re.compile(
    rf"\b(?P<century>eighteen|nineteen){_GAP}(?:hundred(?:{_GAP}and)?{_GAP})?(?P<rest>{_TWO_DIGITS})\b"
    rf"|\b(?P<hundred>eighteen|nineteen){_GAP}hundred\b"
    rf"|\btwo{_GAP}thousand(?:{_GAP}and)?(?:{_GAP}(?P<since>{_TWO_DIGITS}|{'|'.join(_UNIT)}))?\b",
    re.IGNORECASE,
)
# "sixth of january forty one": two digits in words after a month (and its day) are its year.
_SHORT_YEAR_IN_WORDS = re.compile(
    rf"(\b(?:{_MONTH})\b\.?(?:\s*(?:the\s+)?{_DAY})?,?\s*(?:in\s+)?)({_TWO_DIGITS})\b(?!{_GAP}(?:{_DAY_WORDS}))",
    re.IGNORECASE,
)


def _words_value(words: str) -> int:
    """ "thirty eight" is 38, "oh five" is 5."""
    return sum(_NUMBER_VALUE.get(word, 0) for word in re.split(_GAP, words.lower()))


def _year_said(match: re.Match[str]) -> str:
    if match["century"]:
        return str(_NUMBER_VALUE[match["century"].lower()] * 100 + _words_value(match["rest"]))
    if match["hundred"]:
        return str(_NUMBER_VALUE[match["hundred"].lower()] * 100)
    return str(2000 + (_words_value(match["since"]) if match["since"] else 0))


def years_in_digits(text: str) -> str:
    """``text`` with its years said in words written as digits."""
    text = _YEAR_IN_WORDS.sub(_year_said, text)
    return _SHORT_YEAR_IN_WORDS.sub(lambda m: m[1] + f"{_words_value(m[len(m.groups())]):02d}", text)


def birth_date(text: str, today: date) -> date | None:
    """A date of birth in ``text`` (UK order, day first), or None.

    Dates in the future, impossible dates (30 February) and ages over 120 are
    refused. A two-digit year is the latest one not in the future ("48" is 1948).
    Years may be said in words ("nineteen thirty eight").
    """
    text = years_in_digits(text or "")
    found: tuple[str, str, str] | None = None
    if match := _ISO.search(text):
        found = (match[3], match[2], match[1])
    elif match := _NUMERIC.search(text) or _SPACED.search(text) or _SPACED_ALONE.match(text):
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


# "born in 41", "1941", "the second of August": a year alone, or a day and month without one.
_YEAR_ALONE = re.compile(r"^\W*(?:(?:born|in|it was|was)\s+)*(?:19|20|')?\d{2}\W*$", re.IGNORECASE)
_SOME_OF_A_DATE = re.compile(rf"\b{_DAY}\s*(?:of\s+)?({_MONTH})\b|\b({_MONTH})\b", re.IGNORECASE)


def part_of_a_birth_date(text: str, today: date) -> bool:
    """Part of a date of birth without the rest: a year alone ("born in 41"), or a day and
    month without the year; never a whole date, an age, an appointment's date or anything else."""
    said = years_in_digits(text or "")
    if birth_date(said, today) is not None or age_given(said) is not None or an_appointment_date(said, today):
        return False
    return bool(_YEAR_ALONE.match(said) or _SOME_OF_A_DATE.search(said))


def an_appointment_date(text: str, today: date) -> bool:
    """A date said as an appointment's is, never as a birthday: from today on, with a weekday or a
    time of day ("monday 14 december 10am", "tues 15 dec at 2pm")."""
    when = dates.when(text, today)
    weekday = any(word in dates.WEEKDAYS for word in re.findall(r"[a-z]+", text.lower()))
    return when is not None and when.day >= today and (weekday or when.time is not None)


_BORN_IN = re.compile(r"^\W*(?:(?:born|in|it was|was|on|the year)\s+)*", re.IGNORECASE)


def birth_date_in_parts(first: str, then: str, today: date) -> date | None:
    """A date of birth said in two messages, a year and then its day and month ("born in 41",
    "the 6th of January"), or the other way round; None when the two don't make one."""
    first, then = (_BORN_IN.sub("", years_in_digits(part)).strip(" .,") for part in (first, then))
    return birth_date(f"{then} {first}", today) or birth_date(f"{first} {then}", today)


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


def age_from(born: str | None, today: date) -> int | None:
    """The age today of someone born on ``born`` (an ISO date, as a plan keeps it), or None when
    no date is kept (nothing, or the question skipped)."""
    try:
        return _age(date.fromisoformat(born), today) if born else None
    except ValueError:
        return None


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
    return bool(_NHS_CANDIDATE.search(digits_said(text)))


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
_AND_ME = re.compile(r"[.,;]?\s*\b(?:and\s+)?(?:i'?m|i am|my name(?:'s| is))\b.*$", re.I | re.S)


def asks_whose(text: str) -> bool:
    """Is the person asking whose name (or details) the question means?"""
    return bool(_WHOSE.search(text or ""))


def not_a_name(words: str) -> bool:
    return bool(_NOT_A_NAME.match(words.strip(" ,.")))


def without_own_name(text: str) -> str:
    """``text`` without a trailing "and I'm Harold" (the writer's own name)."""
    return _AND_ME.sub("", text).strip() or text
