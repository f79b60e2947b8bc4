"""Turn Rasa's messages into Telegram messages.

We send with HTML parse mode, so every piece of text is escaped with
``html.escape``: people type ``<``, ``&``, ``*`` and ``_`` and must see them
exactly as typed. Telegram allows 4096 characters per message (counted after
entities are parsed, in UTF-16 code units), so longer text is split at a line
break, else a space, else anywhere.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

TELEGRAM_LIMIT = 4096
# Phones cut a button's text at about this many characters; longer titles are
# shortened on the button (the whole text is in the message above it).
BUTTON_LABEL_CHARS = 40


@dataclass(frozen=True)
class Button:
    title: str
    payload: str

    @property
    def label(self) -> str:
        return shorten(self.title)


def shorten(title: str, limit: int = BUTTON_LABEL_CHARS) -> str:
    """A button label that fits a phone: cut at the last whole word, with "…"."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:-") + "…"


@dataclass
class Outgoing:
    """One message to send: plain text (not yet escaped) and optional buttons."""

    text: str
    buttons: list[Button] = field(default_factory=list)
    document: str = ""  # "large-print": the person's plan as a PDF, made when it is sent

    @property
    def asks(self) -> bool:
        """Whether it waits for the person's answer: buttons, or a question anywhere in it
        (many questions end with an example: "What is your date of birth? For example, ...")."""
        return bool(self.buttons) or "?" in self.text

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "buttons": [[b.title, b.payload] for b in self.buttons]}
        return {**data, "document": self.document} if self.document else data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Outgoing:
        buttons = [Button(t, p) for t, p in data.get("buttons") or []]
        return cls(text=str(data["text"]), buttons=buttons, document=str(data.get("document") or ""))


def telegram_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut_at(text: str, limit: int) -> int:
    """The largest index i with text[:i] no longer than ``limit`` UTF-16 units."""
    if telegram_length(text) <= limit:
        return len(text)
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def split_text(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split text into pieces that each fit in one Telegram message."""
    pieces: list[str] = []
    rest = text
    while telegram_length(rest) > limit:
        hard = _cut_at(rest, limit)
        window = rest[:hard]
        cut = window.rfind("\n")
        if cut <= 0:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = hard
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    pieces.append(rest)
    return [p for p in pieces if p.strip()]


def to_html(text: str) -> str:
    return html.escape(text, quote=False)


def from_rasa(message: dict[str, Any]) -> list[Outgoing]:
    """One Rasa REST message -> the Telegram messages that carry it.

    Buttons go with the last piece of a split text, so they sit under the end of
    the question. An image is sent as its address; the plan as a document when
    the person asked for a copy (actions/moves.py, ActionSendCopy); other custom
    payloads are skipped.
    """
    custom = message.get("custom")
    if isinstance(custom, dict) and custom.get("document") == "plan_pdf":
        return [Outgoing(text="", document="large-print" if custom.get("large_print") else "pdf")]
    parts: list[str] = []
    if message.get("text"):
        parts.append(str(message["text"]))
    if message.get("image"):
        parts.append(str(message["image"]))
    buttons = [
        Button(title=str(b.get("title") or b.get("payload")), payload=str(b.get("payload") or b.get("title")))
        for b in message.get("buttons") or []
        if isinstance(b, dict) and (b.get("payload") or b.get("title"))
    ]
    pieces = split_text("\n".join(parts))
    if not pieces and buttons:
        pieces = ["Please choose:"]
    if not pieces:
        return []
    out = [Outgoing(text=p) for p in pieces]
    out[-1].buttons = buttons
    return out


def from_rasa_all(messages: list[dict[str, Any]]) -> list[Outgoing]:
    """All of one turn's replies, with runs of plain texts joined into one message.

    Rasa often answers with several short texts in a row (the greeting has
    five); each would be its own notification. A run of texts ends at a message
    with buttons (which takes the run's text above its own) or an image.
    """
    out: list[Outgoing] = []
    run: list[str] = []
    for message in messages:
        text = str(message.get("text") or "")
        if not message.get("image") and not message.get("buttons") and not message.get("custom"):
            if text.strip():
                run.append(text)
            continue
        if run:
            if message.get("image") or message.get("custom"):
                out.extend(from_rasa({"text": "\n\n".join(run)}))
            else:
                message = {**message, "text": "\n\n".join([*run, text] if text else run)}
            run = []
        out.extend(from_rasa(message))
    if run:
        out.extend(from_rasa({"text": "\n\n".join(run)}))
    return out
