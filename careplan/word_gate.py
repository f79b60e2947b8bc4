"""A quick, exact test that a word-start regex cannot match a text, before running it.

The safety rules run about a thousand regexes on every message, and most find nothing. Most
of them open with words ("took|taken|swallowed ...", "tablets?|pills? ..."), and a match starts
at the start of a word. So before a regex runs, it is enough to ask whether any word in the text
begins with one of the words a match could open with: a set lookup instead of a scan.

:func:`opening_words` reads a compiled pattern's syntax tree (the standard library's own regex
parser) and returns the words a match must open with, or None when it can't say (a pattern
opening with ``\\w+``, ``[a-z]`` or a dot: those always run). It is exact by construction: every
match starts with one of the strings it works out, so a text with none of them can't match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

try:  # the parser's home from Python 3.11 on
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_parse  # type: ignore[no-redef]

_WORD = re.compile(r"[^\W_]+")
# Don't spell out every string a pattern could open with past this many: stop there instead.
_MAX_OPENINGS = 400


def opening_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The word starts a match of ``pattern`` must open with (lower case), or None if unknown.

    A match is taken to start at the start of a word, or at an apostrophe inside one ("'ve
    had"): :class:`careplan.safety.WordPattern` makes sure of that.
    """
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError, ValueError):
        return None
    starts = _starts(list(tree))
    if starts is None:
        return None
    words = set()
    for start in starts:
        found = _WORD.match(start.lstrip("'\" -"))
        if found is None or found.start() != 0:
            return None  # a match may open with something other than a word
        words.add(found.group(0).lower())
    return frozenset(words)


def _starts(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Strings every match of this sequence of regex items begins with (None: can't say).
    Each string is the literal text a match opens with, as far as it can be known."""
    prefixes = {""}
    for index, (op, arg) in enumerate(items):
        if op is sre_parse.LITERAL:
            prefixes = {p + chr(arg) for p in prefixes}
            continue
        if op in (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            continue  # takes up no text
        first, nullable = _first(op, arg)
        if first is None:
            return _known(prefixes)
        openings = {p + f for p in prefixes for f in first}
        if nullable:  # the item may match nothing: a match may open with what follows it
            rest = _starts(items[index + 1 :])
            if rest is None:
                return _known(prefixes)
            openings |= {p + r for p in prefixes for r in rest}
        return openings if len(openings) <= _MAX_OPENINGS else _known(prefixes)
    return prefixes


def _known(prefixes: set[str]) -> set[str] | None:
    """What is known of the openings so far, if it is anything at all."""
    return None if "" in prefixes else prefixes


def _first(op: Any, arg: Any) -> tuple[set[str] | None, bool]:
    """The openings of one item, and whether it can match nothing at all."""
    if op is sre_parse.SUBPATTERN:
        inner = list(arg[-1])
        return _starts(inner), _nullable(inner)
    if op is sre_parse.BRANCH:
        found: set[str] = set()
        nullable = False
        for branch in arg[1]:
            starts = _starts(list(branch))
            if starts is None:
                return None, False
            found |= starts
            nullable = nullable or _nullable(list(branch))
        return found, nullable
    if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) or str(op) == "POSSESSIVE_REPEAT":
        low, _high, inner = arg
        starts = _starts(list(inner))
        return starts, low == 0 or _nullable(list(inner))
    return None, False


def _nullable(items: list[tuple[Any, Any]]) -> bool:
    """Can this sequence match the empty string? (Erring towards yes is safe: it only means
    more openings are counted, never fewer.)"""
    for op, arg in items:
        if op in (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            continue
        if op is sre_parse.SUBPATTERN and _nullable(list(arg[-1])):
            continue
        if op is sre_parse.BRANCH and any(_nullable(list(b)) for b in arg[1]):
            continue
        if (op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) or str(op) == "POSSESSIVE_REPEAT") and (
            arg[0] == 0 or _nullable(list(arg[2]))
        ):
            continue
        return False
    return True


def all_openings(openings: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """The openings of several patterns together (None if any of them can't say)."""
    together: set[str] = set()
    for words in openings:
        if words is None:
            return None
        together |= words
    return frozenset(together)


@lru_cache(maxsize=8)
def word_starts(text: str) -> frozenset[str]:
    """Every start of every word in ``text``, lower case ("took" gives "t", "to", "too", "took")."""
    return frozenset(word[:end] for word in _WORD.findall(text.lower()) for end in range(1, len(word) + 1))
