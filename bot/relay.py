"""Carry messages between a Telegram chat and Rasa, in order, without losing any.

Every message for Rasa is first written to the local queue (``LocalState``);
the handler then returns at once. Each chat has one worker task that takes the
chat's queue to Rasa one turn at a time, in order. A message leaves the queue
only once Rasa has answered it, and in the same transaction Rasa's replies
enter the outbox; a reply leaves the outbox only once Telegram has it. So
neither Rasa being down nor Telegram being away loses anything: the
background retry (``retry_due``, every few seconds) and the chat's next
message both start the worker again.

A quick follow-up ("A commode upstairs" + "and advice on my water tablet")
is joined to the message before it if it arrives within ``join_seconds`` and
the first hasn't gone to Rasa yet, so the two are one answer.

No task ever waits on a cancelled task without a time limit: python-telegram-bot
sometimes finishes a request normally when it is cancelled mid-call, instead
of raising ``CancelledError`` (issue 15), so every wait for a cancelled task
is bounded and loops also check a flag.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager, suppress
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

from bot import texts
from bot.localstate import LocalState, Pending
from bot.rasa_client import RasaClient, RasaUnavailable
from bot.render import Outgoing, from_rasa_all, split_text, to_html

log = logging.getLogger(__name__)

BUTTON_PREFIX = "k"
TYPING_EVERY_SECONDS = 4.0
CANCEL_WAIT_SECONDS = 1.0  # the longest we wait for a cancelled helper task to end
JOIN_LIMIT = 3  # a run of quick messages is held at most this many join windows
AfterTurn = Callable[[int], Awaitable[list[Outgoing]]]
# (chat, kind) -> (file name, bytes) of a document to send, or None if there is no plan.
Documents = Callable[[int, str], Awaitable["tuple[str, bytes] | None"]]


def button_data(keyboard_id: int, index: int) -> str:
    return f"{BUTTON_PREFIX}:{keyboard_id}:{index}"


def parse_button_data(data: str) -> tuple[int, int] | None:
    prefix, _, rest = data.partition(":")
    keyboard, _, index = rest.partition(":")
    if prefix != BUTTON_PREFIX or not keyboard.isdigit() or not index.isdigit():
        return None
    return int(keyboard), int(index)


async def cancel_and_wait(tasks: Iterable[asyncio.Task[Any]], timeout: float = CANCEL_WAIT_SECONDS) -> int:
    """Cancel tasks and wait for them, but never longer than ``timeout``. Returns how many still run."""
    running = [task for task in tasks if not task.done()]
    for task in running:
        task.cancel()
    if not running:
        return 0
    _, pending = await asyncio.wait(running, timeout=timeout)
    return len(pending)


@asynccontextmanager
async def typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Show "typing…" in the chat until the block ends (Telegram clears it after ~5 s)."""
    stop = asyncio.Event()

    async def keep_typing() -> None:
        while not stop.is_set():  # the flag ends the loop even if a cancel is swallowed
            with suppress(TelegramError):
                await bot.send_chat_action(chat_id=chat_id, action=ChatAction.TYPING)
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), TYPING_EVERY_SECONDS)

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        stop.set()
        await cancel_and_wait([task])


class Relay:
    def __init__(
        self,
        bot: Bot,
        rasa: RasaClient,
        state: LocalState,
        *,
        join_seconds: float = 1.5,
        retry_seconds: float = 5.0,
        max_empty_replies: int = 10,
        documents: Documents | None = None,
    ) -> None:
        self.bot = bot
        self.documents = documents  # makes the person's plan as a file, for a copy they asked for
        self.rasa = rasa
        self.state = state
        self.join_seconds = join_seconds
        self.retry_seconds = retry_seconds
        self.max_empty_replies = max_empty_replies
        self.after_turn: AfterTurn | None = None  # more to say once Rasa's turn is delivered
        self._locks: dict[int, asyncio.Lock] = {}
        self._workers: dict[int, asyncio.Task[None]] = {}
        self._tell_trouble: set[int] = set()
        self._stopping = False

    def lock(self, chat_id: int) -> asyncio.Lock:
        return self._locks.setdefault(chat_id, asyncio.Lock())

    # -- towards Rasa -----------------------------------------------------
    def submit(self, chat_id: int, text: str, *, reply_optional: bool = False) -> None:
        """Queue a message for Rasa and make sure the chat's worker is on it."""
        self.state.add(chat_id, text, reply_optional=reply_optional)
        self._tell_trouble.add(chat_id)
        self.kick(chat_id)

    def kick(self, chat_id: int) -> None:
        """Start the chat's worker unless it is already running."""
        if self._stopping:
            return
        worker = self._workers.get(chat_id)
        if worker is None or worker.done():
            self._workers[chat_id] = asyncio.create_task(self._work(chat_id))

    def retry_due(self) -> None:
        """Start the worker of every chat with a message or a reply due for another try."""
        for chat_id in self.state.chats_due():
            self.kick(chat_id)

    async def cancel_chat(self, chat_id: int) -> None:
        """Stop the chat's worker (before erasing the chat); bounded, as every wait on a cancel."""
        worker = self._workers.pop(chat_id, None)
        if worker is not None:
            await cancel_and_wait([worker])

    async def stop(self, grace: float = 3.0) -> None:
        """Let workers finish the turn they are on (up to ``grace``), then cancel the rest."""
        self._stopping = True
        running = [w for w in self._workers.values() if not w.done()]
        if running:
            _, left = await asyncio.wait(running, timeout=grace)
            if await cancel_and_wait(left):
                log.warning("Some chat workers did not stop in time; their messages stay queued")

    async def _work(self, chat_id: int) -> None:
        try:
            async with self.lock(chat_id):
                await self._work_through(chat_id)
        except Exception:  # one chat's fault must not stop the others; the queue keeps its messages
            log.exception("A chat's worker failed; its messages stay queued")
        finally:
            self._tell_trouble.discard(chat_id)
            if self._workers.get(chat_id) is asyncio.current_task():
                del self._workers[chat_id]

    async def _work_through(self, chat_id: int) -> None:
        told_back = False
        while not self._stopping:
            if not await self.deliver(chat_id):
                return
            queued = self.state.queued(chat_id)
            if not queued:
                return
            batch, wait = self._batch(queued)
            if wait > 0:
                await asyncio.sleep(wait)
                continue
            await self.close_keyboards(chat_id)
            text = "\n".join(item.text for item in batch)
            try:
                async with typing(self.bot, chat_id):
                    replies = await self.rasa.send(str(chat_id), text)
            except RasaUnavailable as error:
                log.warning("Rasa unavailable (%s); chat's message kept to retry", error)
                await self._wait(chat_id, batch[0])
                return
            head = batch[0]
            if not replies and not head.reply_optional:
                if head.empty_replies + 1 < self.max_empty_replies:
                    log.warning("Rasa gave no reply; chat's message kept to retry")
                    await self._wait(chat_id, head, empty_reply=True)
                    return
                log.error("Rasa gave no reply %d times; telling the person", self.max_empty_replies)
            out: list[Outgoing] = []
            if any(item.attempts for item in batch) and not told_back:
                told_back = True
                out.append(Outgoing(texts.BACK))
            if replies:
                out.extend(from_rasa_all(replies))
            else:
                out.append(Outgoing(texts.PAUSED if head.reply_optional else texts.NO_ANSWER))
            self.state.answered(chat_id, [item.id for item in batch], [o.to_dict() for o in out])
            # Never between Rasa's question and its answer (the identity questions come after
            # the plan is completed): a reminder offer there would be closed by the typed answer.
            if self.after_turn is not None and not out[-1].asks and await self.deliver(chat_id):
                self.state.outbox_add(chat_id, [o.to_dict() for o in await self.after_turn(chat_id)])

    def _batch(self, queued: list[Pending]) -> tuple[list[Pending], float]:
        """The messages to send as one, and how long to wait first for a quick follow-up."""
        batch = [queued[0]]
        if not queued[0].joinable or self.join_seconds <= 0:
            return batch, 0.0
        for item in queued[1:]:
            if not item.joinable or item.created - batch[-1].created > self.join_seconds:
                break
            batch.append(item)
        now = time.time()
        until = min(batch[-1].created + self.join_seconds, batch[0].created + JOIN_LIMIT * self.join_seconds)
        return batch, max(0.0, until - now)

    async def _wait(self, chat_id: int, item: Pending, *, empty_reply: bool = False) -> None:
        self.state.failed(item.id, empty_reply=empty_reply)
        if chat_id in self._tell_trouble:  # once per new message, not at every background retry
            self._tell_trouble.discard(chat_id)
            self.state.outbox_add(chat_id, [Outgoing(texts.TROUBLE).to_dict()])
            await self.deliver(chat_id)

    # -- towards Telegram -------------------------------------------------
    async def deliver(self, chat_id: int) -> bool:
        """Send the chat's outbox in order. False if Telegram is away (the rest waits for a retry)."""
        for row_id, data in self.state.outbox(chat_id):
            outgoing = Outgoing.from_dict(data)
            try:
                await self.send(chat_id, outgoing)
            except (BadRequest, Forbidden) as error:  # retrying can't help (e.g. the person blocked us)
                log.error("Telegram refused a reply (%s); dropped", type(error).__name__)
            except TelegramError as error:
                log.warning("Telegram unreachable (%s); reply kept to send later", type(error).__name__)
                self.state.outbox_later(chat_id, self.retry_seconds)
                return False
            else:
                if outgoing.asks:
                    self.state.set_last_question(chat_id, data)
            self.state.outbox_done(row_id)
        return True

    def say(self, chat_id: int, messages: list[Outgoing]) -> None:
        """Queue the bot's own messages behind any undelivered replies; the chat's worker sends them."""
        self.state.outbox_add(chat_id, [m.to_dict() for m in messages])
        self.kick(chat_id)

    async def send_text(self, chat_id: int, text: str) -> None:
        for piece in split_text(text):
            await self.send(chat_id, Outgoing(text=piece))

    async def send(self, chat_id: int, outgoing: Outgoing) -> Message | None:
        if outgoing.document:
            made = await self.documents(chat_id, outgoing.document) if self.documents else None
            if made is None:
                return None
            filename, data = made
            document = InputFile(data, filename=filename)
            message = await self.bot.send_document(chat_id=chat_id, document=document)
            self.state.remember_message(chat_id, message.message_id)
            return message
        keyboard_id = None
        markup = None
        if outgoing.buttons:
            keyboard_id = self.state.new_keyboard(chat_id, [(b.title, b.payload) for b in outgoing.buttons])
            markup = InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton(b.label, callback_data=button_data(keyboard_id, i))]
                    for i, b in enumerate(outgoing.buttons)
                ]
            )
        message = await self.bot.send_message(
            chat_id=chat_id, text=to_html(outgoing.text), parse_mode=ParseMode.HTML, reply_markup=markup
        )
        self.state.remember_message(chat_id, message.message_id)
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
