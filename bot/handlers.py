"""What the bot does with each kind of Telegram update. Thin: the work is in Relay and Plans."""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress

from sqlalchemy.exc import SQLAlchemyError
from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot import texts
from bot.plans import Plans
from bot.relay import Relay, parse_button_data
from bot.render import TELEGRAM_LIMIT, telegram_length, to_html
from careplan.store import StoreUnavailable

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
DATA_ERRORS = (StoreUnavailable, SQLAlchemyError, OSError)
DELETE_YES, DELETE_NO = "del:yes", "del:no"
GREET_PAYLOAD, STOP_PAYLOAD = "/greet", "/stop"
MYDATA_FILENAME = "what-matters-my-data.json"

# Only private chats: what people tell the bot is private. A group gets a note saying so.
NEW_MESSAGE = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE


def _chat_id(update: Update) -> int:
    chat = update.effective_chat
    if chat is None:
        raise ValueError("update without a chat")
    return chat.id


async def _close(query: CallbackQuery, note: str | None = None) -> None:
    """Answer a button press and take the buttons away. Best effort: the press is handled anyway."""
    with suppress(TelegramError):
        await query.answer(note)
    with suppress(TelegramError):
        await query.edit_message_reply_markup(reply_markup=None)


class BotHandlers:
    def __init__(self, relay: Relay, plans: Plans) -> None:
        self.relay = relay
        self.plans = plans

    def register(self, app: Application) -> None:
        commands = {
            "start": self.start,
            "help": self.help,
            "stop": self.stop,
            "summary": self.summary,
            "mydata": self.mydata,
            "delete": self.delete,
        }
        private = filters.ChatType.PRIVATE
        app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & private, self.edited))
        app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & ~private, self.not_private))
        for name, callback in commands.items():
            app.add_handler(CommandHandler(name, callback, filters=NEW_MESSAGE))
        app.add_handler(MessageHandler(NEW_MESSAGE & filters.COMMAND, self.unknown_command))
        app.add_handler(MessageHandler(NEW_MESSAGE & filters.TEXT, self.text))
        app.add_handler(MessageHandler(NEW_MESSAGE, self.not_text))
        app.add_handler(CallbackQueryHandler(self.delete_answer, pattern=f"^({DELETE_YES}|{DELETE_NO})$"))
        app.add_handler(CallbackQueryHandler(self.button))
        app.add_error_handler(self.error)

    # -- the conversation (through Rasa) ----------------------------------
    async def start(self, update: Update, context: Context) -> None:
        await self.relay.submit(_chat_id(update), GREET_PAYLOAD)

    async def stop(self, update: Update, context: Context) -> None:
        await self.relay.submit(_chat_id(update), STOP_PAYLOAD, reply_optional=True)

    async def text(self, update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None or not message.text:
            return
        await self.relay.submit(_chat_id(update), message.text)

    async def button(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        parsed = parse_button_data(query.data or "")
        chat_id = query.message.chat.id if query.message else None
        pressed = self.relay.state.press(chat_id, *parsed) if parsed and chat_id is not None else None
        if pressed is None or chat_id is None:
            await _close(query, texts.OLD_BUTTON_SHORT)
            if chat_id is not None:
                await self.relay.send_text(chat_id, texts.OLD_BUTTON)
            return
        self.relay.enqueue(chat_id, pressed.payload)
        with suppress(TelegramError):  # e.g. "query is too old": the press still counts
            await query.answer()
        await self._show_choice(query.message, pressed.title)
        await self.relay.flush(chat_id, tell_trouble=True)

    @staticmethod
    async def _show_choice(message: object, title: str) -> None:
        """Replace the buttons with the choice made, so the chat reads as a record."""
        if not isinstance(message, Message):
            return
        chosen = texts.CHOSE.format(title=title)
        with suppress(TelegramError):
            if message.text and telegram_length(f"{message.text}\n\n{chosen}") <= TELEGRAM_LIMIT:
                await message.edit_text(
                    f"{to_html(message.text)}\n\n<i>{to_html(chosen)}</i>",
                    parse_mode=ParseMode.HTML,
                    reply_markup=None,
                )
            else:
                await message.edit_reply_markup(reply_markup=None)

    # -- things the bot answers itself ------------------------------------
    async def help(self, update: Update, context: Context) -> None:
        await self.relay.send_text(_chat_id(update), texts.HELP)

    async def summary(self, update: Update, context: Context) -> None:
        chat_id = _chat_id(update)
        summaries = await asyncio.to_thread(self.plans.summaries, str(chat_id))
        for text in summaries or [texts.NO_PLAN]:
            await self.relay.send_text(chat_id, text)

    async def mydata(self, update: Update, context: Context) -> None:
        chat_id = _chat_id(update)
        data = await asyncio.to_thread(self.plans.export_json, str(chat_id))
        if data is None:
            await self.relay.send_text(chat_id, texts.NO_DATA)
            return
        await context.bot.send_document(
            chat_id=chat_id,
            document=InputFile(data, filename=MYDATA_FILENAME),
            caption=texts.MYDATA_CAPTION,
        )

    async def delete(self, update: Update, context: Context) -> None:
        markup = InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(texts.DELETE_YES, callback_data=DELETE_YES)],
                [InlineKeyboardButton(texts.DELETE_NO, callback_data=DELETE_NO)],
            ]
        )
        await context.bot.send_message(
            chat_id=_chat_id(update),
            text=to_html(texts.DELETE_ASK),
            parse_mode=ParseMode.HTML,
            reply_markup=markup,
        )

    async def delete_answer(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None or query.message is None:
            return
        chat_id = query.message.chat.id
        await _close(query)
        if query.data != DELETE_YES:
            await self.relay.send_text(chat_id, texts.KEPT)
            return
        async with self.relay.lock(chat_id):
            erased = await asyncio.to_thread(self.plans.erase, str(chat_id))
            self.relay.state.forget(chat_id)
        log.info("Erased a chat's data: %d plan(s), %d tracker event(s)", erased.plans, erased.tracker_events)
        await self.relay.send_text(chat_id, texts.DELETED)

    async def edited(self, update: Update, context: Context) -> None:
        await self.relay.send_text(_chat_id(update), texts.EDITED)

    async def not_text(self, update: Update, context: Context) -> None:
        await self.relay.send_text(_chat_id(update), texts.ONLY_TEXT)

    async def unknown_command(self, update: Update, context: Context) -> None:
        await self.relay.send_text(_chat_id(update), texts.UNKNOWN_COMMAND)

    async def not_private(self, update: Update, context: Context) -> None:
        await self.relay.send_text(_chat_id(update), texts.PRIVATE_ONLY)

    async def error(self, update: object, context: Context) -> None:
        """Log the fault (never the message) and tell the person, so nothing fails silently.

        A care-plan database fault (in /summary, /mydata or /delete) gets its own
        message: nothing was lost, the plan just can't be reached right now.
        """
        error = context.error
        store_down = isinstance(error, DATA_ERRORS)
        log.error("Error while handling an update: %s", type(error).__name__, exc_info=not store_down)
        if isinstance(update, Update) and update.effective_chat is not None:
            with suppress(TelegramError):
                reply = texts.STORE_DOWN if store_down else texts.WENT_WRONG
                await self.relay.send_text(update.effective_chat.id, reply)
