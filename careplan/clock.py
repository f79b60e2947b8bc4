"""Today's date, in one place.

"Tomorrow", "a week on Friday" and a date of birth are all counted from today.
``WHAT_MATTERS_TODAY=YYYY-MM-DD`` pins today for the tests (tests/conftest.py),
so a conversation written on one day reads the same on every other day, and
for a demo on a set day. Unset, it is the machine's own date.
"""

from __future__ import annotations

import os
from datetime import date

PINNED = "WHAT_MATTERS_TODAY"


def today() -> date:
    """The pinned day if there is one, else the machine's date."""
    pinned = os.environ.get(PINNED, "").strip()
    return date.fromisoformat(pinned) if pinned else date.today()
