"""Turn what people say about a date ("next Thursday", "the 3rd of next month")
into a calendar date, counted from today. UK order: day before month.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "couple of": 2}

_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAY = r"(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b"


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


def _future(candidate: date | None, today: date, *, years: bool) -> date | None:
    """A date without a year means the next time it comes round."""
    if candidate is not None and candidate < today and years:
        return _safe(candidate.year + 1, candidate.month, candidate.day)
    return candidate


def resolve(text: str, today: date | None = None) -> date | None:
    """Return the date the text means, or None if there isn't one we can be sure of."""
    today = today or date.today()
    t = " " + re.sub(r"\s+", " ", text.lower()) + " "

    if re.search(r"\bday after tomorrow\b", t):
        return today + timedelta(days=2)
    if re.search(r"\b(tomorrow|tmrw|tomorow)\b", t):
        return today + timedelta(days=1)
    if re.search(r"\b(today|this morning|this afternoon|tonight)\b", t):
        return today

    match = re.search(r"\bin (\d+|a|one|two|three|four|five|six|a couple of) (day|week|month)s?\b", t)
    if match:
        count = int(match.group(1)) if match.group(1).isdigit() else NUMBER_WORDS[match.group(1)]
        unit = match.group(2)
        if unit == "day":
            return today + timedelta(days=count)
        if unit == "week":
            return today + timedelta(weeks=count)
        return _add_months(today, count)

    # 14/03, 14/03/2027, 14-3-27
    match = re.search(r"\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?\b", t)
    if match:
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        if year:
            full = int(year) + (2000 if len(year) == 2 else 0)
            return _safe(full, month, day)
        return _future(_safe(today.year, month, day), today, years=True)

    # the 3rd of next month / the 3rd of this month
    match = re.search(rf"\b{_DAY} (?:of )?(next|this) month\b", t)
    if match:
        base = _add_months(today.replace(day=1), 1 if match.group(2) == "next" else 0)
        return _safe(base.year, base.month, int(match.group(1)))

    # 3rd of March (2027) / 3 March
    match = re.search(rf"\b{_DAY} (?:of )?{_MONTH}(?: (\d{{4}}))?", t)
    if match:
        day, month = int(match.group(1)), MONTHS[match.group(2)]
        if match.group(3):
            return _safe(int(match.group(3)), month, day)
        return _future(_safe(today.year, month, day), today, years=True)

    # March 3rd (2027)
    match = re.search(rf"\b{_MONTH} (?:the )?{_DAY}\b(?:,? (\d{{4}}))?", t)
    if match:
        month, day = MONTHS[match.group(1)], int(match.group(2))
        if match.group(3):
            return _safe(int(match.group(3)), month, day)
        return _future(_safe(today.year, month, day), today, years=True)

    # next Thursday / this Friday / on Monday / Thursday week
    match = re.search(rf"\b(next|this|on|coming)? ?{_WEEKDAY}( week)?", t)
    if match:
        target = WEEKDAYS[match.group(2)]
        ahead = (target - today.weekday()) % 7
        if match.group(1) == "next":
            # "next Thursday": the Thursday of next week (weeks start on Monday)
            return today + timedelta(days=7 - today.weekday() + target)
        ahead = ahead or 7
        candidate = today + timedelta(days=ahead)
        return candidate + timedelta(days=7) if match.group(3) else candidate

    if re.search(r"\bnext week\b", t):
        return today + timedelta(days=7 - today.weekday())
    if re.search(r"\bnext month\b", t):
        return _add_months(today.replace(day=1), 1)

    # "the 3rd" alone: the next 3rd of a month
    match = re.search(rf"\bthe {_DAY}\b", t)
    if match:
        day = int(match.group(1))
        candidate = _safe(today.year, today.month, day)
        if candidate is None or candidate < today:
            base = _add_months(today.replace(day=1), 1)
            candidate = _safe(base.year, base.month, day)
        return candidate
    return None
