"""Turn what people type about an appointment ("friday 11th", "a week on
Tuesday", "the 14th at half ten") into a calendar date and, when one is given,
a time. Counted from today, UK order (day before month), always forwards.

Hand-written because it beat ``dateparser`` on our corpus of UK phrasings
(docs/dates.md has the numbers) and takes well under a millisecond.

Vague answers give None so the bot asks again instead of guessing: "soon",
"after christmas sometime", "next week", "end of the month".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from careplan import clock


@dataclass(frozen=True)
class When:
    """A day, and the time ("HH:MM", 24-hour) when one was said."""

    day: date
    time: str | None = None


WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3})
WEEKDAYS.update({"fri": 4, "sat": 5, "sun": 6})
# Short forms that are also ordinary words ("we sat and waited"): only a date
# with a modifier ("on sat", "next sun"), a day number ("sat 12th"), or alone
# at the start or end of the message ("mon 3pm").
_AMBIGUOUS_DAYS = ("sat", "sun", "wed", "mon")
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
# Misspellings seen in real typing, mapped to the word meant.
TYPOS = {
    "nxt": "next",  # "nxt wed 4.15" (set11_06)
    "wk": "week",
    "wensday": "wednesday",
    "wendsday": "wednesday",
    "wednsday": "wednesday",
    "wedensday": "wednesday",
    "wenesday": "wednesday",
    "wednesay": "wednesday",
    "thrusday": "thursday",
    "thursay": "thursday",
    "thirsday": "thursday",
    "thurday": "thursday",
    "tuseday": "tuesday",
    "teusday": "tuesday",
    "tusday": "tuesday",
    "tueday": "tuesday",
    "satuday": "saturday",
    "saturdy": "saturday",
    "munday": "monday",
    "moday": "monday",
    "firday": "friday",
    "fridy": "friday",
    "frday": "friday",
    "tomorow": "tomorrow",
    "tommorow": "tomorrow",
    "tommorrow": "tomorrow",
    "tmrw": "tomorrow",
    "tmw": "tomorrow",
    "tomoz": "tomorrow",
    "nex": "next",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "2morra": "tomorrow",
    "tomora": "tomorrow",
    "morra": "tomorrow",  # Scots and Northern: "the morra"
    "febuary": "february",
    "feburary": "february",
    "janurary": "january",
    "januray": "january",
    "decmber": "december",
    "decemeber": "december",
    "novmber": "november",
    "septmber": "september",
    "agust": "august",
    "fortnite": "fortnight",
    "xmas": "christmas",
    "chrismas": "christmas",
    "christmass": "christmas",
}
_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
NUMBERS = {word: n for n, word in enumerate(_NUMBER_WORDS, start=1)} | {"a": 1}
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
ORDINALS = {word: n for n, word in enumerate(_ORDINAL_WORDS, start=1)}
ORDINALS.update({f"twenty {word}": 20 + n for word, n in list(ORDINALS.items())[:9]})
ORDINALS.update({"thirtieth": 30, "thirty first": 31})

_DAY = r"(\d{1,2}(?:st|nd|rd|th)?|" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")\b"
# A day of the month on its own: "the 14th", "on the 9th", "friday 11th", "the fourteenth".
# Ordinal words only when nothing follows them ("the first few times" is not a date),
# and never a number that counts things ("the 2nd goal", "the 6 week wait", "the 10 mins walk").
_COUNTED = (
    r"(?! (?:one|goal|question|thing|time|floor|bit|point|answer|option|choice|item|few"
    r"|day|week|month|year|hour|hr|min|minute|mile|yard|step|stair|pound|quid|stone|kilo|tablet|pill)s?\b)"
)
_DAY_OF_MONTH = re.compile(
    # after a weekday, never a count: "tuesday the 15th, bit nervous" (its comma is gone by now)
    rf"\b(?:{'|'.join(sorted(WEEKDAYS, key=len, reverse=True))}) (?:the (\d{{1,2}}(?:st|nd|rd|th)?)"
    r"|(\d{1,2}(?:st|nd|rd|th)))\b|"
    rf"\b(?:the|on) (\d{{1,2}}(?:st|nd|rd|th)?)\b{_COUNTED}|\b(\d{{1,2}}(?:st|nd|rd|th))\b{_COUNTED}"
    # (with what is left once the time is read: "the twenty third at ten past two")
    r"|\bthe (" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")(?:\s+(?:at|about|around))*\s*$"
)
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = r"(" + _MONTH_WORDS + r")\b\.?"
_WEEKDAY = r"(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b"
_HOUR = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
_COUNT = r"(\d+|a|" + "|".join(_NUMBER_WORDS) + r")"

# Words that make whatever date follows them a rough time, not a date.
_VAGUE = re.compile(
    r"\bor so\b|\bin the new year\b|"
    r"\b(?:after|before|around|sometime|some time|early|late|mid|end of|beginning of|start of|until|till)"
    r" (?:the )?(?:christmas|new year|easter|next week|next month|this month|month|week|"
    + _MONTH_WORDS
    + r")\b"
)
# A day told exactly, its month with it ("5th january", "january the 5th", "5/1"): words
# like "after christmas" beside it say when that is, and make it no rougher.
_EXACT_DAY = re.compile(rf"\b{_DAY} (?:of )?{_MONTH}|\b{_MONTH} (?:the )?{_DAY}|\b\d{{1,2}}[/.-]\d{{1,2}}\b")
_HOLIDAYS = {
    r"christmas eve": (12, 24),
    r"boxing day": (12, 26),
    r"new year'?s? eve": (12, 31),
    r"new year'?s? day": (1, 1),
    r"christmas(?: day)?": (12, 25),
}


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(year: str, today: date) -> int:
    """ "26" is 2026; "59" (a birth year) is 1959."""
    if len(year) != 2:
        return int(year)
    return 2000 + int(year) if int(year) <= today.year % 100 + 10 else 1900 + int(year)


def day_number(word: str) -> int:
    """The day of the month in "3", "3rd" or "third"."""
    return ORDINALS[word] if word in ORDINALS else int(re.sub(r"\D", "", word))


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


def _this_year_or_next(month: int, day: int, today: date) -> date | None:
    """A date without a year means the next time it comes round."""
    candidate = _safe(today.year, month, day)
    if candidate is not None and candidate < today:
        candidate = _safe(today.year + 1, month, day)
    return candidate


# A weekday and a day of the month that do not meet within about six weeks ("thursday the 9th" in a
# December whose 9th is a Wednesday meets only in September 2027): one of them was mis-said, and an
# appointment that far off is never the likely reading, so the day of the month wins (tester33, Tom).
DAYS_TO_MEET = 45


def _next_day_number(day: int, today: date, weekday: int | None = None) -> date | None:
    """The next date (from today) with this day of the month, and on ``weekday`` if given."""
    base = today.replace(day=1)
    for months in range(0, 3):
        first = _add_months(base, months)
        candidate = _safe(first.year, first.month, day)
        if candidate is None or candidate < today:
            continue
        if weekday is None or (candidate.weekday() == weekday and (candidate - today).days <= DAYS_TO_MEET):
            return candidate
    return None


def _normalise(text: str) -> str:
    t = text.lower().replace("’", "'")
    t = re.sub(r"[a-z0-9']+", lambda m: TYPOS.get(m.group(0), m.group(0)), t)
    t = re.sub(r"\bthe (?:tomorrow|morrow)\b", "tomorrow", t)  # "the morra", "the morrow"
    t = re.sub(r"\b(twenty|thirty)-(?=[a-z])", r"\1 ", t)  # "twenty-second", as dictation writes it
    t = re.sub(r"[,;!?()]", " ", t).replace("@", " at ")
    return " " + re.sub(r"\s+", " ", t).strip() + " "


# ---- times ----------------------------------------------------------------

_MINUTES = {"quarter past": 15, "half past": 30, "quarter to": -15, "half": 30}
_MINUTE_WORDS = {"five": 5, "ten": 10, "twenty": 20, "twenty five": 25}
_TIME_PATTERNS = (
    # 10:30, 10.30am, 2pm, 2 pm, 10am
    re.compile(r"\b(\d{1,2})(?::(\d{2})| ?\. ?(\d{2}) ?(?=[ap]\.?m\b))? ?([ap])\.?m\b\.?"),
    re.compile(r"\b(\d{1,2}):(\d{2})\b"),
    # "at 10.30"; "11.20" can't be a date, so it's a time
    re.compile(r"\bat (?:about |around )?(\d{1,2})\.(\d{2})\b"),
    re.compile(r"(?<![\d./-])\b([01]?\d|2[0-3])\.(1[3-9]|[2-5]\d)\b(?![./-]\d)"),
)
_SPOKEN = re.compile(
    r"\b(?:(quarter past|half past|quarter to|half|(?:\d{1,2}|ten|twenty|twenty five|five)"
    r"(?: minutes)? (?:past|to)) )" + _HOUR + r"\b"
)
_AT_HOUR = re.compile(
    r"\bat (?:about |around )?" + _HOUR + r"(?: ?o'? ?clock)?\b(?! ?(?:(?:st|nd|rd|th)\b|/|\.\d|-\d))"
)
# "10 o'clock", "9 in the morning", "3 in the afternoon"
# (never the month of a date: "15/1 in the morning")
_OCLOCK = re.compile(r"(?<![/.\-])\b" + _HOUR + r"(?: ?o'? ?clock\b| in the (?=morning|afternoon|evening))")
# "at ten thirty", "it's two forty five": an hour and its minutes, both in words
_HOUR_AND_MINUTES = re.compile(
    r"\b(?:at|is|its|it's|about|around) "
    + _HOUR
    + r" (fifteen|thirty|forty five|forty-five|o five|twenty|ten)\b"
)
_NOON = re.compile(r"\b(?:midday|mid day|noon|12 noon)\b")


def _hour_word(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


def _guess_pm(hour: int, text: str) -> int:
    """Appointments without am/pm: 1 to 6 are afternoon, 7 to 11 morning."""
    if hour >= 12 or hour == 0:
        return hour
    if re.search(r"\b(afternoon|evening|tonight|pm)\b", text):
        return hour + 12
    if re.search(r"\bmorning\b", text):
        return hour
    return hour + 12 if hour <= 6 else hour


def _time(t: str) -> tuple[str | None, str]:
    """The time said in ``t`` ("HH:MM") and the text with it taken out."""
    hour_said = _TIME_PATTERNS[0].search(t)
    if hour_said:
        hour, minute = int(hour_said.group(1)), int(hour_said.group(2) or hour_said.group(3) or 0)
        hour = hour % 12 + (12 if hour_said.group(4) == "p" else 0)
        return _hhmm(hour, minute), t[: hour_said.start()] + " " + t[hour_said.end() :]
    for pattern in _TIME_PATTERNS[1:]:
        hour_said = pattern.search(t)
        if hour_said:
            hour, minute = _guess_pm(int(hour_said.group(1)), t), int(hour_said.group(2))
            return _hhmm(hour, minute), t[: hour_said.start()] + " " + t[hour_said.end() :]
    spoken = _SPOKEN.search(t)
    if spoken:
        words, hour = spoken.group(1), _guess_pm(_hour_word(spoken.group(2)), t)
        if words in _MINUTES:
            minute = _MINUTES[words]
        else:
            amount, direction = re.match(r"(.+?)(?: minutes)? (past|to)$", words).groups()  # type: ignore[union-attr]
            value = int(amount) if amount.isdigit() else _MINUTE_WORDS[amount]
            minute = value if direction == "past" else -value
        if minute < 0:
            hour, minute = (hour - 1) % 24, 60 + minute
        return _hhmm(hour, minute), t[: spoken.start()] + " " + t[spoken.end() :]
    spoken = _HOUR_AND_MINUTES.search(t)
    if spoken:
        words = spoken.group(2).replace("-", " ")
        minute = {"fifteen": 15, "thirty": 30, "forty five": 45, "o five": 5}.get(words) or _MINUTE_WORDS[
            words
        ]
        hour = _guess_pm(_hour_word(spoken.group(1)), t)
        return _hhmm(hour, minute), t[: spoken.start()] + " " + t[spoken.end() :]
    noon = _NOON.search(t)
    if noon:
        return "12:00", t[: noon.start()] + " " + t[noon.end() :]
    for pattern in (_AT_HOUR, _OCLOCK):
        hour_match = pattern.search(t)
        if hour_match:
            hour = _guess_pm(_hour_word(hour_match.group(1)), t)
            return _hhmm(hour, 0), t[: hour_match.start()] + " " + t[hour_match.end() :]
    return None, t


def _hhmm(hour: int, minute: int) -> str | None:
    return f"{hour:02d}:{minute:02d}" if 0 <= hour < 24 and 0 <= minute < 60 else None


# ---- days -----------------------------------------------------------------


def _weekday_in(t: str) -> re.Match[str] | None:
    """The first weekday named in ``t``, skipping short forms used as ordinary words."""
    for match in re.finditer(r"\b" + _WEEKDAY, t):
        before, after = t[: match.start()], t[match.end() :]
        if re.search(r"\b(a|every|each|most|some)\s*$", before):
            continue  # "bingo on a thursday" is a habit, not a date
        if match.group(1) not in _AMBIGUOUS_DAYS:
            return match
        if re.search(r"\b(next|this|on|coming)\s*$", before) or re.match(r" (the )?\d", after):
            return match
        if not before.strip() and not after.strip():
            return match
    return None


def _weekday_date(t: str, match: re.Match[str], today: date) -> date:
    """The date of a named weekday with its modifiers: next, this coming, week, the one after."""
    target = WEEKDAYS[match.group(1)]
    before, after = t[: match.start()], t[match.end() :]
    coming = today + timedelta(days=(target - today.weekday()) % 7 or 7)
    if re.search(r"\bnext (week )?$", before) or re.match(r" next week\b", after):
        # "next Thursday": the Thursday of next week (weeks start on Monday)
        coming = today + timedelta(days=7 - today.weekday() + target)
    extra = 0
    weeks = re.search(rf"\b{_COUNT} (week|fortnight)s? (on |from )?$", before)
    if weeks:
        extra = _count(weeks.group(1)) * (7 if weeks.group(2) == "week" else 14)
    elif re.match(r" (week|fortnight)\b", after):
        extra = 7 if after.startswith(" week") else 14
    elif re.search(r"\b(one|the \w+) after\b|\bafter next\b|\b(following|next) one\b", t):
        extra = 7
    return coming + timedelta(days=extra)


def _day(t: str, today: date) -> date | None:
    if _VAGUE.search(t):
        # "tuesday 5th january after christmas": the day, told exactly beside the rough words
        t = _VAGUE.sub(" ", t)
        if not _EXACT_DAY.search(t):
            return None
    if re.search(r"\bend of (?:the )?month\b", t):
        return None
    if re.search(r"\bday after tomorrow\b", t):
        return today + timedelta(days=2)
    match = re.search(r"\b(?:a|one) (week|fortnight) (today|tomorrow)\b", t)
    if match:
        return today + timedelta(
            days=(7 if match.group(1) == "week" else 14) + (match.group(2) == "tomorrow")
        )
    if re.search(r"\b(in|within) a fortnight\b|\bfortnight (today|from (now|today))\b", t):
        return today + timedelta(days=14)
    match = re.search(
        rf"\b(?:in )?{_COUNT} (day|week|month|fortnight)s?(?:'? time| from (?:now|today))?\b", t
    )
    if match and (
        match.group(0).startswith("in ") or " time" in match.group(0) or " from " in match.group(0)
    ):
        count, unit = _count(match.group(1)), match.group(2)
        if unit == "month":
            return _add_months(today, count)
        return today + timedelta(days=count * {"day": 1, "week": 7, "fortnight": 14}[unit])
    if re.search(r"\btomorrow\b", t):
        # "not tomorrow, the day after"
        return today + timedelta(days=2 if re.search(r"\bthe day after\b", t) else 1)
    if re.search(r"\b(today|this morning|this afternoon|this evening|tonight)\b", t):
        return today

    # 8/12, 8.12.26, 14-3-2027
    match = re.search(r"\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?\b", t)
    if match:
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        if year:
            return _safe(_full_year(year, today), month, day)
        return _this_year_or_next(month, day, today)

    for words, (month, day) in _HOLIDAYS.items():
        if re.search(rf"\b{words}\b", t):
            return _this_year_or_next(month, day, today)

    # the 3rd of next month / the 3rd of this month
    match = re.search(rf"\b{_DAY} (?:of )?(next|this) month\b", t)
    if match:
        base = _add_months(today.replace(day=1), 1 if match.group(2) == "next" else 0)
        return _safe(base.year, base.month, day_number(match.group(1)))

    # 3rd of March (2027), 3 March
    match = re.search(rf"\b{_DAY} (?:of )?{_MONTH}(?: (\d{{4}}))?", t)
    if match:
        day, month = day_number(match.group(1)), MONTHS[match.group(2)]
        if match.group(3):
            return _safe(int(match.group(3)), month, day)
        return _this_year_or_next(month, day, today)

    # March 3rd (2027)
    match = re.search(rf"\b{_MONTH} (?:the )?{_DAY}(?: (\d{{4}}))?", t)
    if match:
        month, day = MONTHS[match.group(1)], day_number(match.group(2))
        if match.group(3):
            return _safe(int(match.group(3)), month, day)
        return _this_year_or_next(month, day, today)

    weekday = _weekday_in(t)
    # a day of the month: "the 14th", "friday 11th", "on the 9th", "wednesday the 9th"
    match = _DAY_OF_MONTH.search(t)
    if match:
        day = day_number(next(group for group in match.groups() if group))
        target = WEEKDAYS[weekday.group(1)] if weekday else None
        return _next_day_number(day, today, target) or _next_day_number(day, today)

    if weekday:
        return _weekday_date(t, weekday, today)
    return None


# "not the 8th", "it isn't Tuesday the 8th", "wasnt the 14th": what the date is not, up to
# the next clause ("..., it's Wednesday the 9th", "... but monday 14th", "... sorry tuesday").
_NOT_THIS = re.compile(
    r"\b(?:not|(?:is|was)n'?t)\s+(?:on\s+)?.+?"
    r"(?=\s*[,.;!?]|\s+(?:it'?s|its|it is|but|sorry|i mean|i meant|they)\b|\s*$)",
    re.IGNORECASE,
)


# A day or a time said in passing, not about the appointment: a habit ("I'm up at 7 most days",
# "she comes on saturdays") or a greeting ("how are you keeping tonight?"). The part of the
# message that says it is not read for the date.
_IN_PASSING = re.compile(
    r"\b(?:most|every|each)\s+(?:days?|mornings?|nights?|evenings?|weeks?|weekends?)\b"
    r"|\b(?:usually|normally|always|generally|tend to)\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b"
    r"|\b(?:i'?m|im|i am|i get|get|getting|i wake|wake|waking|i go to|go to|going to|in) (?:up|bed)\b"
    r"|\bhow (?:are|r|is) (?:you|u|ya|things|everyone)\b|\bhow'?s (?:you|your|things|life|it going)\b"
    r"|\b(?:you|u) (?:alright|ok|okay|well|keeping)\b|\bhope (?:you|u|you'?re|ur|all)\b|\bkeeping well\b",
    re.I,
)
_PART = re.compile(r"[.;!?]+|,|\s+(?=(?:and|but|so|then)\b)", re.I)


def _not_in_passing(text: str) -> str:
    """The message without the parts that say a day or time in passing (see _IN_PASSING)."""
    if not _IN_PASSING.search(text):
        return text
    return ", ".join(part for part in _PART.split(text) if part.strip() and not _IN_PASSING.search(part))


# A day counted from another day ("the monday after", "the week after", "a week later", "the
# day before", "not this one, the next"): from the date being put right, or else the day the
# message says it is not ("not friday, the monday after").
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
_SHIFT = re.compile(
    rf"\b(?:the\s+(?P<unit>day|week|fortnight)|(?P<count>{_COUNT})\s+(?P<units>day|week|fortnight)s?)\s+"
    r"(?P<way>after|later|before|earlier)\b(?!\s+(?:next|tomorrow|today|christmas|new year|easter)\b)"
    r"|\bthe\s+following\s+(?P<unit2>week)\b"
)
_WEEKDAY_FROM = re.compile(rf"\b{_WEEKDAY}\s+(?P<way>after|before)\b(?!\s+next\b)|\bthe following {_WEEKDAY}")
_NEXT_ONE = re.compile(
    r"\b(?:the\s+)?(?:next|following)\s+one\b|\bthe one after\b(?!\s+next\b)|\bthe next\s*$"
)


def _from(t: str, anchor: date) -> date | None:
    """The day ``t`` counts from ``anchor``, or None when it counts from nothing."""
    shift = _SHIFT.search(t)
    named = _WEEKDAY_FROM.search(t)
    if named and not re.search(r"\b(?:this|next|coming)\s+" + _WEEKDAY, t):
        target = WEEKDAYS[named.group(1) or named.group(3)]
        if named["way"] == "before":
            return anchor - timedelta(days=(anchor.weekday() - target) % 7 or 7)
        return anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)
    if shift:
        weekday = _weekday_in(t)
        if weekday and (shift["unit"] or shift["units"] or shift["unit2"]) == "week":
            # "the week after, on the tuesday": that day of the week after
            monday = anchor - timedelta(days=anchor.weekday())
            return monday + timedelta(days=_shift_days(shift) + WEEKDAYS[weekday.group(1)])
        return anchor + timedelta(days=_shift_days(shift))
    if _NEXT_ONE.search(t) and _weekday_in(t) is None:
        return anchor + timedelta(days=7)  # "not this one, the next": the same day a week on
    return None


def _shift_days(shift: re.Match[str]) -> int:
    unit = shift["unit"] or shift["units"] or shift["unit2"]
    days = _UNIT_DAYS[unit] * (_count(shift["count"]) if shift["count"] else 1)
    return -days if shift["way"] in {"before", "earlier"} else days


def _counted(text: str, today: date, after: date | None) -> When | None:
    """The day (and time) ``text`` counts from ``after``, or from the day it says it is not;
    None when it counts from neither."""
    not_this = _NOT_THIS.search(text)
    anchor = after or (_day(_time(_normalise(not_this.group(0)))[1], today) if not_this else None)
    if anchor is None:
        return None
    for words in dict.fromkeys([_NOT_THIS.sub(" ", text), text]):
        time, rest = _time(_normalise(words))
        day = _from(rest, anchor)
        if day is not None:
            return When(day, time) if day >= today else None
    return None


@lru_cache(maxsize=512)
def _when(text: str, today: date, after: date | None = None) -> When | None:
    text = _not_in_passing(text)
    if found := _counted(text, today, after):
        return found
    # "not this Friday, the one after" needs the Friday: the words without what the date
    # is not are read first, and the whole message when they name no day.
    for words in dict.fromkeys([_NOT_THIS.sub(" ", text), text]):
        time, rest = _time(_normalise(words))
        if day := _day(rest, today):
            return When(day, time)
    return None


def when(text: str, today: date | None = None, after: date | None = None) -> When | None:
    """The day (and time, if one was said) the text means, or None if there isn't one we can be
    sure of. ``after`` is the date being put right, which "the monday after" counts from."""
    return _when(text[:300], today or clock.today(), after)


def counted_from(text: str, day: date, today: date | None = None) -> When | None:
    """The day (and time) the text means when it counts from ``day``, the date being put right
    ("the monday after", "the week after", "a day earlier", "not this one, the next"); None
    when it names a day of its own."""
    return _counted(_not_in_passing(text[:300]), today or clock.today(), day)


def time_of(text: str) -> str | None:
    """The time of day said in the text ("10:30", "half ten", "ten thirty") as "HH:MM", if any."""
    return _time(_normalise(text[:300]))[0]


def resolve(text: str, today: date | None = None) -> date | None:
    """Return the date the text means, or None if there isn't one we can be sure of."""
    found = when(text, today)
    return found.day if found else None


def said(day: date, time: str | None = None, today: date | None = None) -> str:
    """The date as a confirmation says it: "Monday 14 December, at 10:30am"."""
    words = f"{day:%A} {day.day} {day:%B}"
    if day.year != (today or clock.today()).year:
        words += f" {day.year}"
    if time:
        hour, minute = (int(part) for part in time.split(":"))
        if (hour, minute) == (12, 0):
            hour_said = "midday"
        else:
            hour_said = (
                f"{(hour - 1) % 12 + 1}"
                + (f":{minute:02d}" if minute else "")
                + ("pm" if hour >= 12 else "am")
            )
        words += f", at {hour_said}"
    return words
