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
