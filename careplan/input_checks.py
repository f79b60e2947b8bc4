"""Checks on what people type, before it is used as an answer.

``clean`` makes text safe to store (no control characters), and ``check`` says
whether the bot should reply about the input itself: nothing there, too long,
only emoji, or not in English. Everything else is a normal answer, including
text that looks like HTML, a script or SQL: that is stored exactly as typed
(the store uses bound parameters) and escaped wherever it is shown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from careplan.vocab import MAX_ANSWER_CHARS

EMPTY = "empty"
TOO_LONG = "too_long"
ONLY_EMOJI = "emoji_only"  # the name actions/hook.py uses
NOT_ENGLISH = "not_english"
ISSUE_KINDS = (EMPTY, TOO_LONG, ONLY_EMOJI, NOT_ENGLISH)

# Invisible format characters that can hide or reorder text on screen
# (bidirectional overrides, zero-width spaces, byte-order marks). The zero-width
# joiner U+200D and non-joiner U+200C stay: emoji and some names need them.
_HIDDEN_FORMAT = {
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x200B,
    0x200E,
    0x200F,
    0x2060,
    0xFEFF,
    0x00AD,
}


def _plain(word: str) -> str:
    """Lower case without accents, so "très" and "tres" are the same word."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


# Common short words. Only used to notice a whole message in another
# language; a name or one foreign word in an English sentence never counts.
_ENGLISH = frozenset(
    """a about after all also am an and any are as at back be because been but by can cant could
    day did do does dont for from get go going good had has have he her him his how i if im in into
    is it its just know like little lot me more most much my no not now of off ok on one or our out
    really see she so some than that the their them then there they this to too up us very want was
    we well were what when which who will with would you your yes please thanks thank mum dad"""
    # English as it is spoken and typed: Scots ("ma sister", "wi the wean"), Northern ("owt"),
    # Caribbean ("mi daughter", "di church"); never a sign of another language
    """ ma wi tae oot hoose ah aye ye fur ken wee noo nae dinnae cannae aw maw mam nan owt nowt
    summat yer ur u n mi di dem fi""".split()
)
_OTHER_LANGUAGE_WORDS = (
    # French, Spanish, German, Polish, Italian, Portuguese, Dutch, Welsh, Romanian
    """le la les et je des un une est pas pour avec mon ma mes que qui dans sur vous nous il elle ce suis
    aux du tres voudrais merci bonjour oui
    el los las y yo en es por con mi mis para pero muy se lo estoy quiero del al familia gracias hola
    der die das und ich nicht ist ein eine mit mein meine zu auf fur sie es wir auch sehr mochte den dem
    danke ja
    w z na nie jest sie ze mój moja moje jak ale co tak bardzo chce mam jestem dzien dziekuje tak
    di che per mio mia non sono ho mi ma molto grazie
    os um uma nao com meu minha eu muito obrigado
    het een en ik niet van met mijn voor op zijn maar heel wil
    yr ac yn mae dw rwy fy ei ein chi ti wyt sut da bore diolch gyda ar hefyd eisiau ydw nid dydw hoffi
    mynd gweld
    si sunt eu nu cu pe mea meu foarte vreau"""
)
_OTHER_LANGUAGES = frozenset(_plain(w) for w in _OTHER_LANGUAGE_WORDS.split()) - _ENGLISH
_WORDS = re.compile(r"[^\W\d_]+")
# Markup people paste or type around words (<b>Sam</b>, <del>…</del>): its tag
# names are not words of any language ("del" is Spanish for "of the").
_MARKUP = re.compile(r"</?[a-zA-Z][\w-]*(\s[^<>]*)?/?>")


@dataclass(frozen=True)
class InputIssue:
    """Why a message needs a reply about the input itself."""

    kind: str
    limit: int | None = None  # for TOO_LONG: how many characters are kept


def clean(text: str) -> str:
    """Text safe to store: NFC, no control or hidden format characters.

    Newlines and tabs stay (people write lists); a carriage return becomes a
    newline. Lone surrogates, which cannot be stored as UTF-8, are dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for char in text:
        if char in "\n\t":
            kept.append(char)
            continue
        category = unicodedata.category(char)
        if category in {"Cc", "Cs"} or ord(char) in _HIDDEN_FORMAT:
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _is_latin(char: str) -> bool:
    code = ord(char)
    return (
        code < 0x0250  # Basic Latin to Latin Extended-B
        or 0x1E00 <= code <= 0x1EFF
        or 0x2C60 <= code <= 0x2C7F
        or 0xA720 <= code <= 0xA7FF
        or 0xFF21 <= code <= 0xFF5A  # full-width Latin
    )


def _mostly_other_script(letters: list[str]) -> bool:
    other = sum(1 for c in letters if not _is_latin(c))
    return other > len(letters) / 2


def _clearly_other_language(text: str) -> bool:
    words = [_plain(w) for w in _WORDS.findall(_MARKUP.sub(" ", text))]
    if len(words) < 3:
        return False  # too short to tell: "Zoë", "Dzień dobry"
    english = sum(w in _ENGLISH for w in words)
    other = sum(w in _OTHER_LANGUAGES for w in words)
    return other >= 2 and other > 1.5 * english


def check(text: str | None) -> InputIssue | None:
    """Say what, if anything, is wrong with a message as an answer."""
    cleaned = clean(text or "")
    if not cleaned.strip():
        return InputIssue(EMPTY)
    if len(cleaned) > MAX_ANSWER_CHARS:
        return InputIssue(TOO_LONG, limit=MAX_ANSWER_CHARS)
    letters = [c for c in cleaned if unicodedata.category(c).startswith("L")]
    if not letters and not any(unicodedata.category(c).startswith("N") for c in cleaned):
        return InputIssue(ONLY_EMOJI)
    if letters and (_mostly_other_script(letters) or _clearly_other_language(cleaned)):
        return InputIssue(NOT_ENGLISH)
    return None
