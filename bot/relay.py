"""Carry messages between a Telegram chat and Rasa, in order, without losing any.

Every message for Rasa is first written to the local queue (``LocalState``),
then the chat's queue is worked through in order under a per-chat lock. A
message leaves the queue only once Rasa has answered it. If Rasa is down, the
person is told kindly and the message waits; ``retry_due`` (run every few
seconds) and the chat's next message both try again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError

from bot import texts
from bot.localstate import LocalState
from bot.rasa_client import RasaClient, RasaUnavailable
from bot.render import Outgoing, from_rasa_all, split_text, to_html

log = logging.getLogger(__name__)

BUTTON_PREFIX = "k"
TYPING_EVERY_SECONDS = 4.0


def button_data(keyboard_id: int, index: int) -> str:
    return f"{BUTTON_PREFIX}:{keyboard_id}:{index}"


def parse_button_data(data: str) -> tuple[int, int] | None:
    prefix, _, rest = data.partition(":")
    keyboard, _, index = rest.partition(":")
    if prefix != BUTTON_PREFIX or not keyboard.isdigit() or not index.isdigit():
        return None
    return int(keyboard), int(index)


@asynccontextmanager
async def typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Show "typing…" in the chat until the block ends (Telegram clears it after ~5 s)."""

    async def keep_typing() -> None:
        while True:
            with suppress(TelegramError):
                await bot.send_chat_action(chat_id=chat_id, action=ChatAction.TYPING)
            await asyncio.sleep(TYPING_EVERY_SECONDS)

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task


class Relay:
    def __init__(self, bot: Bot, rasa: RasaClient, state: LocalState, *, max_empty_replies: int = 10) -> None:
        self.bot = bot
        self.rasa = rasa
        self.state = state
        self.max_empty_replies = max_empty_replies
        self._locks: dict[int, asyncio.Lock] = {}

    def lock(self, chat_id: int) -> asyncio.Lock:
        return self._locks.setdefault(chat_id, asyncio.Lock())

    # -- towards Rasa -----------------------------------------------------
    async def submit(self, chat_id: int, text: str, *, reply_optional: bool = False) -> bool:
        """Queue a message for Rasa, then deliver everything waiting for this chat."""
        self.state.add(chat_id, text, reply_optional=reply_optional)
        return await self.flush(chat_id, tell_trouble=True)

    def enqueue(self, chat_id: int, text: str) -> None:
        """Queue a message now (keeping its place in line); ``flush`` delivers it."""
        self.state.add(chat_id, text)

    async def flush(self, chat_id: int, *, tell_trouble: bool) -> bool:
        """Deliver this chat's waiting messages in order. False if some still wait."""
        async with self.lock(chat_id):
            told_back = False
            while (item := self.state.first(chat_id)) is not None:
                await self.close_keyboards(chat_id)
                try:
                    async with typing(self.bot, chat_id):
                        replies = await self.rasa.send(str(chat_id), item.text)
                except RasaUnavailable as error:
                    log.warning("Rasa unavailable (%s); chat's message kept to retry", error)
                    return await self._wait(item.id, chat_id, tell_trouble)
                if not replies and not item.reply_optional:
                    if item.empty_replies + 1 < self.max_empty_replies:
                        log.warning("Rasa gave no reply; chat's message kept to retry")
                        return await self._wait(item.id, chat_id, tell_trouble, empty_reply=True)
                    log.error("Rasa gave no reply %d times; telling the person", self.max_empty_replies)
                    self.state.done(item.id)
                    await self.send_text(chat_id, texts.NO_ANSWER)
                    continue
                self.state.done(item.id)
                if item.attempts and not told_back:
                    told_back = True
                    await self.send_text(chat_id, texts.BACK)
                if replies:
                    await self.send_replies(chat_id, replies)
                else:
                    await self.send_text(chat_id, texts.PAUSED)
            return True

    async def _wait(
        self, item_id: int, chat_id: int, tell_trouble: bool, *, empty_reply: bool = False
    ) -> bool:
        self.state.failed(item_id, empty_reply=empty_reply)
        if tell_trouble:
            await self.send_text(chat_id, texts.TROUBLE)
        return False

    async def retry_due(self) -> None:
        """One pass of the background retry over every chat with a message due."""
        for chat_id in self.state.chats_due():
            if self.lock(chat_id).locked():
                continue
            try:
                await self.flush(chat_id, tell_trouble=False)
            except TelegramError as error:
                log.error("Could not send a queued reply to Telegram (%s)", type(error).__name__)

    # -- towards Telegram -------------------------------------------------
    async def send_replies(self, chat_id: int, replies: list[dict[str, Any]]) -> None:
        for outgoing in from_rasa_all(replies):
            await self.send(chat_id, outgoing)

    async def send_text(self, chat_id: int, text: str) -> None:
        for piece in split_text(text):
            await self.send(chat_id, Outgoing(text=piece))

    async def send(self, chat_id: int, outgoing: Outgoing) -> Message:
        keyboard_id = None
        markup = None
        if outgoing.buttons:
            keyboard_id = self.state.new_keyboard(chat_id, [(b.title, b.payload) for b in outgoing.buttons])
            markup = InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton(b.title, callback_data=button_data(keyboard_id, i))]
                    for i, b in enumerate(outgoing.buttons)
                ]
            )
        message = await self.bot.send_message(
            chat_id=chat_id, text=to_html(outgoing.text), parse_mode=ParseMode.HTML, reply_markup=markup
        )
        if keyboard_id is not None:
            self.state.keyboard_sent(keyboard_id, message.message_id)
        return message

    async def close_keyboards(self, chat_id: int) -> None:
        """Take the buttons off earlier questions so they can't be pressed out of turn."""
        for message_id in self.state.retire_keyboards(chat_id):
            with suppress(TelegramError):
                await self.bot.edit_message_reply_markup(
                    chat_id=chat_id, message_id=message_id, reply_markup=None
                )
