"""What someone said, the way every view shows it.

An answer is stored as text. Two things in it are not one run of typed words:
- a button press, stored as "(chose: Yes please)": nobody typed those words, so it is
  never shown in quotes as if they had;
- an answer added to later (careplan.kept: "the garden", then "also the bingo"), stored
  one line each, oldest first: each is its own item, in order, never run together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CHOSE = re.compile(r"^\(chose: (?P<title>.+)\)$")


@dataclass(frozen=True)
class Piece:
    """One thing said: typed words, or the title of the button chosen."""

    text: str
    chosen: bool = False  # a button: "(chose: ...)", not words in quotes
    later: bool = False  # added to an earlier answer, after it

    def plain(self) -> str:
        """As plain text: “their words”, or (chose: the button)."""
        return f"(chose: {self.text})" if self.chosen else f"“{self.text}”"


def pieces(text: str | None) -> list[Piece]:
    """The separate things in one stored answer, in the order they were said."""
    lines = [line.strip() for line in (text or "").split("\n") if line.strip()]
    found = [(line, CHOSE.match(line)) for line in lines]
    return [
        Piece(chose["title"] if chose else line, chosen=bool(chose), later=n > 0)
        for n, (line, chose) in enumerate(found)
    ]


def plain(text: str | None) -> str:
    """A stored answer as one line of plain text, for the chat and the person's copy:
    “the garden”, then later “also the bingo”; a button as (chose: Yes please)."""
    return ", then later ".join(piece.plain() for piece in pieces(text))


# A list typed as a list: "1. X 2. Y", "1) X 2) Y", or bullets ("- X" or "• X" each on its own line).
_NUMBERED = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)](?=\s)")
_BULLETED = re.compile(r"(?:^|\n)[ \t]*[-*•–][ \t]+|[ \t]+•[ \t]+")
_ITEM_EDGE = " \t\n.,;:-–"


def listed(text: str) -> list[str]:
    """The items of a numbered or bulleted list in a message, in order and in the person's words:
    "Then: 1. Sleep 7 hours a night. 2. Get my ear defenders agreed at work." is ["Sleep 7 hours
    a night", "Get my ear defenders agreed at work"]; words before the first item ("Then:") are
    not an item. Numbers count up from 1 ("at 18:00. 2." is not item 18). Empty when the message
    is not a list of two or more items."""
    starts: list[re.Match[str]] = []
    for found in _NUMBERED.finditer(text):
        if int(found.group(1)) == len(starts) + 1:
            starts.append(found)
    if len(starts) < 2:
        starts = list(_BULLETED.finditer(text))
    if len(starts) < 2:
        return []
    ends = [found.start() for found in starts[1:]] + [len(text)]
    items = [text[found.end() : end].strip(_ITEM_EDGE) for found, end in zip(starts, ends, strict=True)]
    items = [item for item in items if item]
    return items if len(items) >= 2 else []
