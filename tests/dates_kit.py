"""The date corpus (tests/data/dates_corpus.tsv) and the three readers measured on it.

``python tests/dates_kit.py`` prints the accuracy of each reader and the misses,
for docs/dates.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from careplan.dates import When, when

CORPUS = Path(__file__).parent / "data" / "dates_corpus.tsv"
HELD_OUT = Path(__file__).parent / "data" / "dates_heldout.tsv"
TODAYS = {"A": date(2026, 12, 2), "B": date(2026, 12, 28)}


class Case(NamedTuple):
    today: date
    text: str
    expected: When | None
    after: date | None = None  # the date being put right ("A>2026-12-04" in the corpus)


def load_corpus(path: Path = CORPUS) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        tag, text, expected = line.split("|")
        tag, _, after = tag.partition(">")
        meant = None
        if expected != "-":
            day, _, clock = expected.partition(" ")
            meant = When(date.fromisoformat(day), clock or None)
        cases.append(Case(TODAYS[tag], text, meant, date.fromisoformat(after) if after else None))
    return cases


def with_dateparser(text: str, today: date, after: date | None = None) -> When | None:
    """dateparser 1.2.0 as its docs suggest for UK text: whole text first, then search_dates inside it
    (it has no date being put right to count from, so ``after`` is not used)."""
    import dateparser
    from dateparser.search import search_dates

    base = datetime(today.year, today.month, today.day)
    settings = {"PREFER_DATES_FROM": "future", "DATE_ORDER": "DMY", "RELATIVE_BASE": base}
    found = dateparser.parse(text, languages=["en"], settings=settings)
    if found is None:
        hits = search_dates(text, languages=["en"], settings=settings)
        found = hits[0][1] if hits else None
    if found is None:
        return None
    clock = None if (found.hour, found.minute) == (0, 0) else f"{found.hour:02d}:{found.minute:02d}"
    return When(found.date(), clock)


def combined(text: str, today: date, after: date | None = None) -> When | None:
    """The hand-written reader, and dateparser only when it finds nothing."""
    return when(text, today, after) or with_dateparser(text, today)


READERS: dict[str, Callable[[str, date, date | None], When | None]] = {
    "careplan.dates (hand-written)": when,
    "dateparser 1.2.0": with_dateparser,
    "hand-written, then dateparser": combined,
}


def measure(path: Path) -> None:
    cases = load_corpus(path)
    for name, reader in READERS.items():
        misses, started = [], time.perf_counter()
        for case in cases:
            got = reader(case.text, case.today, case.after)
            if got != case.expected:
                misses.append((case, got))
        per_call = (time.perf_counter() - started) / len(cases) * 1000
        right = len(cases) - len(misses)
        print(f"## {name}: {right}/{len(cases)} right ({right / len(cases):.0%}), {per_call:.2f} ms a call")
        for case, got in misses:
            print(f"- `{case.text}` ({case.today:%a %d %b}): expected {case.expected}, got {got}")
        print()


if __name__ == "__main__":
    for path in (CORPUS, HELD_OUT):
        print(f"# {path.name}\n")
        measure(path)
