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


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass
class Outgoing:
    """One message to send: plain text (not yet escaped) and optional buttons."""

    text: str
    buttons: list[Button] = field(default_factory=list)


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
    the question. An image is sent as its address; other custom payloads are skipped.
    """
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
    return [piece for message in messages for piece in from_rasa(message)]
