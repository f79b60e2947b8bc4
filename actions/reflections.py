"""Say one short, kind line when someone shares something hard or proud.

The forms call ``reflect`` after storing an answer and before the next
question. ``careplan.reflect.feeling`` names what was shared. The words come
from the ``utter_reflect_<feeling>`` responses in domain.yml, filled in here,
so the line goes out in the same message list as the next question. The last
line said is kept in the ``last_reflection`` slot, so the same words are never
said twice in a row.
"""

from __future__ import annotations

import re
import secrets
import string
from collections.abc import Collection, Mapping
from typing import Any, Protocol

from careplan.questions import catalogue, responses
from careplan.reflect import (
    CARING,
    CATEGORIES,
    HARD,
    LONELY,
    PLAYED_DOWN,
    feeling,
    nobody_helps,
    played_down,
    whose,
)
from careplan.vocab import CARER, SELF

_FIRST_PERSON = re.compile(r"\b(?:i|i'?m|im|i'?ve|ive|me|my|myself|we|us|our)\b", re.I)


class Dispatcher(Protocol):
    def utter_message(self, text: str | None = None, **kwargs: Any) -> None: ...


def lines(about: str = "") -> dict[str, list[dict[str, Any]]]:
    """Each feeling's variants as domain.yml lists them; ``about="_them"``: for what the
    person a carer looks after feels (only the feelings that have such lines)."""
    return {
        category: responses()[f"utter_reflect_{category}{about}"]
        for category in (*CATEGORIES, PLAYED_DOWN)
        if f"utter_reflect_{category}{about}" in responses()
    }


def _fits(variant: Mapping[str, Any], slots: Mapping[str, Any]) -> bool:
    return all(slots.get(c["name"]) == c["value"] for c in variant.get("condition", []))


def _filled(text: str, slots: Mapping[str, Any]) -> str | None:
    """The text with its {slot} gaps filled, or None if a gap has no value."""
    names = [name for _, name, _, _ in string.Formatter().parse(text) if name]
    if any(not slots.get(name) for name in names):
        return None
    return text.format(**{name: slots[name] for name in names})


def choose(category: str, slots: Mapping[str, Any], about: str = "") -> str | None:
    """One variant for this person, never the last one said.

    Like Rasa, variants whose condition fits (a carer) come before the plain ones.
    """
    variants = lines(about).get(category) or lines()[category]
    conditional = [v for v in variants if v.get("condition") and _fits(v, slots)]
    plain = [v for v in variants if not v.get("condition")]
    for group in (conditional, plain):
        texts = [t for t in (_filled(v["text"], slots) for v in group) if t]
        fresh = [t for t in texts if t != slots.get("last_reflection")]
        if fresh:
            return secrets.choice(fresh)
    return None


def _own_feeling(text: str) -> str | None:
    """A hard feeling the one typing says is their own, in a sentence of its own ("hes knackered
    and grumpy. tbh im running on empty too"): its kind; None when there is none."""
    for said in re.split(r"(?<=[.;!?])\s+|,\s+(?:tbh|and|but)\s+", text):
        kind = feeling(said)
        if kind in HARD and _FIRST_PERSON.search(said) and whose(said) == "me":
            return kind
    return None


def reflect(
    text: str,
    slots: Mapping[str, Any],
    dispatcher: Dispatcher,
    asked: str = "",
    only: Collection[str] | None = None,
) -> dict[str, Any]:
    """Say a kind line if ``text`` shares something hard or proud; return the slot updates.
    ``only``: just these feelings (a loss told in passing with a name).

    "No one" to "Who helps you?" is hard to say too: lonely for the person, and for a carer,
    all the caring is theirs."""
    if slots.get("speaker") == SELF:  # the person typing in a carer's chat is spoken to as themselves
        slots = {**slots, "for_whom": SELF}
    category = feeling(text)
    own = _own_feeling(text) if slots.get("for_whom") == CARER else None
    if own is not None:  # "hes knackered ... tbh im running on empty too": the carer's own
        category = own
    if only is not None and category not in only:
        return {}
    if category is None and asked == "support" and nobody_helps(text):
        category = CARING if slots.get("for_whom") == CARER else LONELY
    # A carer telling what the person feels hears it said of them: "for you both", not "you".
    # (and "the pain is unbearable", with no "I" or "my" in it, is about the person too; but
    # "worn out" to "How are you coping?", a carer's own question, is the carer's)
    own_question = asked in catalogue() and catalogue()[asked].stage == "carer"
    theirs = own is None and (whose(text) == "them" or not (_FIRST_PERSON.search(text) or own_question))
    about = "_them" if slots.get("for_whom") == CARER and theirs else ""
    if category in HARD and not about and played_down(text):
        category = PLAYED_DOWN  # "its nowt really, I don't see a soul": it still counts, kindly
    said = (choose(category, slots, about) or choose(category, slots)) if category else None
    if said is None:
        return {}
    dispatcher.utter_message(text=said)
    return {"last_reflection": said}
