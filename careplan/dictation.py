"""Messages typed by voice: punctuation said as words ("full stop", "comma", "new line",
"question mark"), no capitals, one long run-on sentence.

``punctuate`` puts the marks in, starts each sentence with a capital and writes "i" as
"I", so what is stored, quoted and made into a title reads as the person meant it, and
"why do you need that question mark" is read as the question it is. A message with no
punctuation said as words is returned as it was: most people type.
"""

from __future__ import annotations

import re

# Punctuation said as words, and the mark each means. "a full stop to it", "there's a question
# mark over my hip" and "in a coma" are words, not marks: a mark is never said after "a" or "the",
# and "question mark" never with what it hangs over.
_SPOKEN = {
    "full stop": ".",
    "fullstop": ".",
    "comma": ",",
    "question mark": "?",
    "exclamation mark": "!",
    "exclamation point": "!",
    "new line": ".",
    "newline": ".",
    "next line": ".",
    "new paragraph": ".",
    "colon": ":",
    "semicolon": ";",
    "semi colon": ";",
}
_NOT_A_MARK = r"(?<!\ba )(?<!\bthe )(?<!\ban )"
_MARK = re.compile(
    _NOT_A_MARK
    + r"\b(?P<said>"
    + "|".join(re.escape(words).replace(r"\ ", r"[\s-]+") for words in sorted(_SPOKEN, key=len, reverse=True))
    + r")\b(?P<after>\s*[.,?!]?)",
    re.I,
)
_SENTENCE_END = re.compile(r"\s*(?:$|(?=\b(?:full[\s-]*stop|new[\s-]*line|next line|new paragraph)\b))", re.I)
# "question mark" followed by more words is a mark too ("... my own home question mark no that is
# not a question ..."), unless the words say what it hangs over: "a question mark over my hip"
_ABOUT_IT = re.compile(r"\s*(?:over|about|on|against|hanging|beside|next to|after|in front)\b", re.I)


def dictated(text: str) -> bool:
    """Does the message say its punctuation as words?"""
    return any(_is_mark(found, text) for found in _MARK.finditer(text))


def _is_mark(found: re.Match[str], text: str) -> bool:
    if re.sub(r"[\s-]+", " ", found.group("said").lower()) != "question mark":
        return True
    return bool(_SENTENCE_END.match(text, found.end())) or not _ABOUT_IT.match(text, found.end())


def punctuate(text: str) -> str:
    """The message with its spoken punctuation written as marks, and capitals where they go."""
    if not dictated(text):
        return text

    def mark(found: re.Match[str]) -> str:
        if not _is_mark(found, text):
            return found.group(0)
        return _SPOKEN[re.sub(r"[\s-]+", " ", found.group("said").lower())] + " "

    marked = _MARK.sub(mark, text)
    marked = re.sub(r"\s+([.,?!:;])", r"\1", marked)  # no space before a mark
    marked = re.sub(r",\s*(?=[.?!])", "", marked)  # "gardening, full stop.": the stop, not the comma
    marked = re.sub(r"([.?!:;,])(?:\s*[.,])+", r"\1", marked)  # "full stop new line": one mark
    marked = re.sub(r"^[\s.,?!:;]+", "", marked)  # "new line my knees": a mark before any words is none
    marked = re.sub(r"\bi\b", "I", marked)
    marked = re.sub(r"(^|[.?!]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), marked.strip())
    return re.sub(r"\s{2,}", " ", marked).strip()
