"""Whether a carer's person is a he or a she, from how the carer speaks of them.

"Thank you for doing this for her. What is her name?" once a daughter has said "my mum";
"for them" only while nobody knows. The person's kin word ("for my husband", "my mum's
got the memory clinic") or the carer's own ("I'm his daughter") says it; a name never does.
At the first questions about the person, "she" or "him" said of them says it too
("Doreen but everyone calls her Dot").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from careplan.interpret import FAMILY_WORDS

_SHE = set(
    "mum mam mom mother mummy mammy wife daughter sister nan nana nanna gran granny grandma grandmother"
    " aunt auntie aunty niece girlfriend missus stepmum stepdaughter goddaughter girl lass lassie".split()
)
_HE = set(
    "dad father daddy husband hubby son brother grandad granddad grandpa grandfather uncle nephew"
    " boyfriend stepdad stepson godson fella boy lad laddie".split()
)
_KIN = "|".join(sorted(_SHE | _HE | set(FAMILY_WORDS), key=len, reverse=True))
# The person named by their kin word: "for my mum", "it's my husband", "my dad's got the clinic"
_THEIR_KIN = re.compile(
    rf"\b(?:for|is|it'?s|its|about|helping|help|with|look after|looking after|care for|caring for)\s+"
    rf"(?:my|our|me|ma)\s+(?:(?:old|little|wee|baby|big|elderly|poor|youngest|eldest)\s+)?"
    rf"({_KIN})(?:-in-law| in law)?\b"
    rf"|^\W*(?:(?:hi|hello|hiya|morning|evening)\W+)?(?:my|our)\s+({_KIN})\b"
    rf"|^\W*({_KIN})\s*[,.:;-]+\s*\w",  # "mum - brenda", "Dad, Frank": who, then the name
    re.I,
)
# The carer named by theirs, of the person: "I'm his daughter", "I am her husband"
_THEIR_CARER = re.compile(r"\b(?:i'?m|im|i am)\s+(his|her)\s+\w+", re.I)
_SHE_WORDS = re.compile(r"\b(?:she|she'?s|shes|her|hers|herself)\b", re.I)
_HE_WORDS = re.compile(r"\b(?:he|he'?s|hes|him|his|himself)\b", re.I)

# Slot values for each: what the domain's {them} and {their} say
SLOTS = {"she": {"them": "her", "their": "her"}, "he": {"them": "him", "their": "his"}}


def _of_kin(word: str) -> str | None:
    kin = FAMILY_WORDS.get(word.lower(), word.lower())
    return "she" if kin in _SHE else "he" if kin in _HE else None


def from_kin(texts: Iterable[str]) -> str | None:
    """ "she" or "he" from the first message that names the person by kin, or the carer
    as theirs; None when none does (a friend, a partner, a neighbour)."""
    for text in texts:
        for found in _THEIR_KIN.finditer(text):
            if said := _of_kin(next(kin for kin in found.groups() if kin)):
                return said
        if carer := _THEIR_CARER.search(text):
            return "she" if carer.group(1).lower() == "her" else "he"
    return None


def from_words(text: str) -> str | None:
    """ "she" or "he" when the message speaks of someone as only one of them."""
    she, he = bool(_SHE_WORDS.search(text)), bool(_HE_WORDS.search(text))
    return "she" if she and not he else "he" if he and not she else None
