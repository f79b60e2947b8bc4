"""Rasa's REST channel, made safe for action-server outages.

If the action server is down, Rasa would take the message, fail to run the
actions that store it, and reply with nothing. Instead this channel checks the
action server first. When it is down, the message is kept in a queue
(careplan/held.py) and the person is told plainly; when it is back, the kept messages are
handed to Rasa in order, then the new one (unless it only repeats the last kept
message or asks "hello? are you there?"), so every answer is stored. Empty
messages are answered here too: Rasa's classifier cannot take them.
Same URL as the built-in channel: POST /webhooks/rest/webhook. It also serves
a small browser chat page at GET /webhooks/rest/chat.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import uuid
from collections.abc import Awaitable, Callable
from functools import cache
from pathlib import Path
from typing import Any

import aiohttp
import yaml
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.core.events import ActionExecuted, UserUttered
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, file

from careplan.held import HeldMessages

logger = logging.getLogger(__name__)

Handler = Callable[[UserMessage], Awaitable[None]]
DOMAIN = Path(__file__).resolve().parent.parent / "domain.yml"
# A simple chat page for people without Telegram: GET /webhooks/rest/chat
PAGE_DIR = Path(__file__).parent
# "hello?" after an outage is a nudge, not an answer to the question it didn't see.
NUDGE = re.compile(
    r"^(\W*(hello|hi|hey|hiya|are you (there|back|ok|working)|anyone there|is this working|\?+))+\W*$",
    re.IGNORECASE,
)


@cache
def _domain() -> dict[str, Any]:
    with DOMAIN.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def say(response: str) -> str:
    """A response's words from domain.yml: the channel speaks when Rasa can't."""
    return _domain()["responses"][response][0]["text"]


# A button's payload: "/affirm", '/inform{"choice":"agreed"}'.
PAYLOAD = re.compile(r"^/(\w+)(?:\{.*\})?$", re.DOTALL)


def as_typed(text: str) -> str:
    """Words typed with a "/" in front ("/my neighbour hits his wife") are words, not a
    payload: Rasa would try them as an intent and log the line, the person's words, when
    they don't parse. A payload's shape ("/affirm", an old button's "/choose_x") stays a
    payload: the forms answer a stale or unknown one kindly."""
    if not text.startswith("/") or PAYLOAD.match(text):
        return text
    return text.lstrip("/ ") or text


# Seconds to wait before asking the action server's health again after a connection error; None:
# the last try. About half a second in all before a message is held as "actions down".
HEALTH_RETRY_WAITS: tuple[float | None, ...] = (0.0, 0.15, 0.35, None)


class CareRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def __init__(self) -> None:
        self.actions_url = os.environ.get("ACTION_SERVER_URL", "http://localhost:5055").rstrip("/")
        self.held = HeldMessages()  # HELD_MESSAGES_URL or HELD_MESSAGES_PATH
        self._session: aiohttp.ClientSession | None = None
        self._agent: Any = None  # Rasa's agent, from the first request (for ``ended_on``)

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> CareRestInput:
        return cls()

    async def actions_up(self) -> bool:
        """False only when the action server can't be reached at all.

        A busy action server answers its health check late; that is not an
        outage, so a slow answer counts as up and Rasa goes ahead. A connection
        refused or dropped is tried again, fresh, after a short wait: with 100
        people at once the server's queue of new connections can overflow for
        a moment (2 of 9,300 turns in ``make bench``, session 34).
        """
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
        for wait in HEALTH_RETRY_WAITS:
            try:
                async with self._session.get(f"{self.actions_url}/health") as reply:
                    return reply.status < 500
            except asyncio.TimeoutError:  # includes aiohttp's read timeout: busy, not down
                return True
            except (aiohttp.ClientConnectionError, OSError):
                if wait is None:
                    break
                await self._session.close()  # a pooled connection may have gone stale
                self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
                await asyncio.sleep(wait)
        return False

    async def handle(self, message: UserMessage, on_new_message: Handler) -> None:
        out = message.output_channel
        message.text = as_typed(message.text or "")
        if not message.text.strip():
            # Rasa's classifier can't take an empty message: answer it here.
            await out.send_text_message(message.sender_id, say("utter_empty_message"))
            return
        if not await self.actions_up():
            logger.warning("action server unavailable; message held for later")
            self.held.add(message.sender_id, message.text, message.metadata)
            await out.send_text_message(message.sender_id, say("utter_actions_down"))
            return
        held = self.held.take(message.sender_id)
        if held:
            # Hand over what was kept, in order, then the new message, unless it
            # only repeats the last one or asks whether the bot is back.
            await out.send_text_message(message.sender_id, say("utter_held_replayed"))
            for text, metadata in held:
                kept = UserMessage(text, out, message.sender_id, input_channel=self.name(), metadata=metadata)
                await on_new_message(kept)
            if message.text == held[-1][0] or NUDGE.match(message.text):
                return
        before = len(getattr(out, "messages", ()))
        await on_new_message(message)
        if hasattr(out, "messages") and len(out.messages) == before:
            # Every turn has a reply; none means an action failed on the way, or no rule
            # answered: the intent and actions of the turn say which (names, never words).
            where = await self.ended_on(message.sender_id)
            logger.error("turn failed (error id %s): no reply came back (%s)", uuid.uuid4().hex[:8], where)
            await out.send_text_message(message.sender_id, say("utter_turn_failed"))

    async def ended_on(self, sender: str) -> str:
        """ "intent faq_data; actions action_interrupt, action_listen": what the latest turn was
        read as and which actions ran, to find a turn that ends with no reply."""
        try:
            tracker = await self._agent.tracker_store.retrieve(sender)
            actions: list[str] = []
            for event in reversed(tracker.events):
                if isinstance(event, UserUttered):
                    break
                if isinstance(event, ActionExecuted) and event.action_name:
                    actions.insert(0, event.action_name)
            intent = tracker.latest_message.intent.get("name")
        except Exception as error:  # noqa: BLE001 - the failed turn is still answered and logged
            return f"turn not readable: {type(error).__name__}"
        return f"intent {intent}; actions {', '.join(actions) or 'none'}"

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        async def guarded(message: UserMessage) -> None:
            try:
                await self.handle(message, on_new_message)
            except Exception as error:  # noqa: BLE001 - say so kindly; Rasa's own handler would log the text
                # The error id and kind, never the message text (it is the person's words).
                logger.error("turn failed (error id %s): %s", uuid.uuid4().hex[:8], type(error).__name__)
                await message.output_channel.send_text_message(message.sender_id, say("utter_turn_failed"))

        page = super().blueprint(guarded)

        @page.middleware("request")
        async def remember_agent(request: Request) -> None:
            self._agent = request.app.ctx.agent

        @page.route("/chat", methods=["GET"])
        async def chat_page(request: Request) -> HTTPResponse:
            return await file(PAGE_DIR / "chat.html", mime_type="text/html; charset=utf-8")

        @page.route("/chat.js", methods=["GET"])
        async def chat_script(request: Request) -> HTTPResponse:
            return await file(PAGE_DIR / "chat.js", mime_type="text/javascript; charset=utf-8")

        return page
