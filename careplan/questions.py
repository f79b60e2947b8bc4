"""The question catalogue (questions.yml), as typed data.

Everything that needs to know about a question asks here: which comes next
(actions/flow.py), where its answer is stored (actions/answers.py), how
summaries and exports label it, and why we ask it. The words the bot says
live in domain.yml (``utter_ask_<key>``); :func:`wording` reads them from
there, so an export's item text is always the question the bot really asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from careplan import yamlfile

CATALOGUE = Path(__file__).with_name("questions.yml")
# The Rasa domain, where the questions' words live.
DOMAIN = Path(__file__).resolve().parent.parent / "domain.yml"

STAGES = (
    "consent",
    "intro",
    "appointment",
    "life",
    "goal",
    "support",
    "focus",
    "carer",
    "review",
    "identity",
    "person",
    "after",
)
KINDS = ("text", "yes_no", "choice", "date", "name")
STORES = ("plan", "goal", "answer", "carer_goal", "none")
WHO = ("all", "self", "carer")
# Which forms ask a stage's questions; every other stage is in care_form. Goals
# are asked again at the read-back, to add one.
FORMS_OF_STAGE = {
    "consent": ("consent_form",),
    "goal": ("care_form", "review_form"),
    "review": ("review_form",),
    "identity": ("review_form",),
    "person": ("person_form",),
    "after": (),  # asked by the Telegram bot when the person comes back (bot/reminders.py)
}


@dataclass(frozen=True)
class Question:
    key: str
    stage: str
    kind: str
    store: str
    label: str
    why: str
    means: str = ""
    who: str = "all"
    field: str | None = None
    none_ok: bool = False
    unsure_ok: bool = True
    medical: bool = False
    go_on: bool = False
    # the answer is a worry by the question's own words: an emergency only the learned model hears
    # in it, with nothing saying now, is a worry ("having anothr strok"), not 999 (tester33)
    asks_a_worry: bool = False
    not_a_day: bool = False
    asked_in: tuple[str, ...] = ()
    called: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return self.asked_in or FORMS_OF_STAGE.get(self.stage, ("care_form",))

    def asked_of(self, carer: bool) -> bool:
        return self.who == "all" or self.who == ("carer" if carer else "self")

    def why_text(self, name: str | None) -> str:
        """The reason for asking, about the person (or "you")."""
        return _about(self.why, name)

    def means_text(self, name: str | None) -> str:
        """What the question means, about the person (or "you"); its reason where it says none."""
        return _about(self.means or self.why, name)


def _about(text: str, name: str | None) -> str:
    """``text`` with {name} as the person's name, or "you" (and "your") when they answer for themselves."""
    return text.replace("{name}'s", f"{name}'s" if name else "your").replace("{name}", name or "you")


def _check(entry: dict[str, Any]) -> Question:
    listed = {field: tuple(entry.get(field) or ()) for field in ("asked_in", "called")}
    question = Question(**{**entry, **listed})
    for value, allowed in (
        (question.stage, STAGES),
        (question.kind, KINDS),
        (question.store, STORES),
        (question.who, WHO),
    ):
        if value not in allowed:
            raise ValueError(f"question {question.key!r}: {value!r} is not one of {allowed}")
    if question.store in {"plan", "goal"} and not question.field:
        raise ValueError(f"question {question.key!r} is stored in a {question.store} column: name its field")
    return question


@cache
def catalogue() -> dict[str, Question]:
    """Every question, in the order the conversation asks them."""
    with CATALOGUE.open(encoding="utf-8") as handle:
        entries = yamlfile.load(handle)["questions"]
    questions = [_check(entry) for entry in entries]
    keys = [q.key for q in questions]
    if len(set(keys)) != len(keys):
        raise ValueError("questions.yml lists a key twice")
    return {q.key: q for q in questions}


def question(key: str) -> Question:
    return catalogue()[key]


def keys(*, stage: str | None = None, store: str | None = None, form: str | None = None) -> list[str]:
    """Question keys in asking order, optionally only one stage, store or form."""
    return [
        q.key
        for q in catalogue().values()
        if (stage is None or q.stage == stage)
        and (store is None or q.store == store)
        and (form is None or form in q.forms)
    ]


def labels(*stages: str, store: str = "answer") -> dict[str, str]:
    """Summary labels of the answers stored as plain text in these stages, in order."""
    return {q.key: q.label for q in catalogue().values() if q.stage in stages and q.store == store}


def detail_named(text: str) -> str | None:
    """The detail about them a message names by its label ("why do you need my date of birth?",
    "what's the NHS number for"): its key, or None."""
    lowered = text.lower()
    return next(
        (q.key for q in catalogue().values() if q.stage == "identity" and q.label.lower() in lowered), None
    )


def fields(store: str) -> dict[str, str]:
    """Question key -> column, for answers stored in a plan or goal column."""
    return {q.key: q.field for q in catalogue().values() if q.store == store and q.field}


@cache
def domain() -> dict[str, Any]:
    """domain.yml, read once per process by everything outside Rasa that needs it."""
    with DOMAIN.open(encoding="utf-8") as handle:
        return yamlfile.load(handle)


def responses() -> dict[str, Any]:
    """domain.yml's responses: the one place the bot's words are read.

    The questions' words, the kind lines and the bot's own replies all come from here.
    """
    return domain().get("responses") or {}


def wording(key: str, *, carer: bool = False) -> str | None:
    """The words the bot asks a question with (domain.yml's ``utter_ask_<key>``).

    The carer's variant when there is one and ``carer`` is set, otherwise the
    one without a condition. Names stay as ``{preferred_name}`` placeholders.
    """
    variants = responses().get(f"utter_ask_{key}") or []
    plain = [v["text"] for v in variants if not v.get("condition")]
    # a carer's variant is conditioned on who it's for (not a young carer's, say)
    for_carers = [v["text"] for v in variants if any(c["name"] == "for_whom" for c in v.get("condition", []))]
    if carer and for_carers:
        return for_carers[0]
    return (plain or for_carers or [None])[0]


def button_title(key: str, payload: str) -> str | None:
    """The words on the button that sent ``payload`` when ``key`` was asked."""
    for variant in responses().get(f"utter_ask_{key}") or []:
        for button in variant.get("buttons") or []:
            if sent_payload(button.get("payload") or "") == payload:
                return button.get("title")
    return None


def sent_payload(written: str) -> str:
    """A button's payload as sent: domain.yml doubles its braces, since Rasa fills in
    ``{name}`` in a response from the slots and turns ``{{`` and ``}}`` into braces."""
    return written.replace("{{", "{").replace("}}", "}")


def item_text(key: str, *, carer: bool = False, name: str | None = None) -> str:
    """A question as an export shows it: the bot's words, with the person's name."""
    text = wording(key, carer=carer) or question(key).label
    for placeholder in ("{preferred_name}", "{person_name}"):
        text = text.replace(placeholder, name or "the person")
    return text
