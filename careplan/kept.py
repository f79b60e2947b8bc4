"""A question answered again (after "go back", or "like I said"): what is kept.

Words already given are never lost without a word. Saying part of it again keeps the
fuller answer; "also ..." or "... as well" adds to it; an answer that says all of the
one before and more takes its place; anything else takes its place and is said back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careplan.listen import content_words

# "also my son", "and the rent", "oh and the bingo as well", "the church lot too"
_ADDS = re.compile(
    r"^\W*(?:(?:oh|and|but|sorry|ah|er+m?|um+)\W+)*(?:also|and|plus|as well as|another|then there'?s)\b"
    r"|\b(?:as well|too|also)\W*$",
    re.I,
)


@dataclass(frozen=True)
class Again:
    """What to keep: ``words``, and ``how`` they came: "same" (said again: the earlier,
    fuller words kept), "added" (both kept, the earlier first), "fuller" (the new words
    hold all of the earlier ones) or "replaced" (different: the new words, said back)."""

    how: str
    words: str


def answered_again(before: str, now: str) -> Again:
    """What stands when ``now`` answers a question that ``before`` answered already."""
    earlier, later = content_words(before), content_words(now)
    if before.strip().lower() == now.strip().lower() or (later and later <= earlier):
        return Again("same", before)
    if _ADDS.search(now):
        return Again("added", f"{before}\n{now}")
    if earlier and earlier <= later:
        return Again("fuller", now)
    return Again("replaced", now)
