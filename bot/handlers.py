"""What the bot does with each kind of Telegram update. Thin: the work is in Relay and Plans."""

from __future__ import annotations

import asyncio
import logging
import time
from contextlib import suppress

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import NetworkError, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import responses, texts
from bot.plans import DATA_ERRORS, Plans
from bot.relay import Relay, parse_button_data
from bot.reminders import BOT_PAYLOAD, Reminders
from bot.render import TELEGRAM_LIMIT, Outgoing, telegram_length, to_html

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
DELETE_PREFIX = "del:"
DELETE_OFFER_SECONDS = 10 * 60  # a "delete everything?" question older than this has expired
DELETABLE_SECONDS = 47 * 3600  # the Bot API deletes messages up to 48 hours old; an hour to spare
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
    def __init__(self, relay: Relay, plans: Plans, reminders: Reminders) -> None:
        self.relay = relay
        self.plans = plans
        self.reminders = reminders

    def register(self, app: Application) -> None:
        commands = {
            "start": self.start,
            "help": self.help,
            "stop": self.stop,
            "summary": self.summary,
            "mydata": self.mydata,
            "delete": self.delete,
            "reminders": self.reminders_command,
        }
        private = filters.ChatType.PRIVATE
        app.add_handler(TypeHandler(Update, self.remember), group=-1)
        app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & private, self.edited))
        app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & ~private, self.not_private))
        for name, callback in commands.items():
            app.add_handler(CommandHandler(name, callback, filters=NEW_MESSAGE))
        app.add_handler(MessageHandler(NEW_MESSAGE & filters.COMMAND, self.unknown_command))
        app.add_handler(MessageHandler(NEW_MESSAGE & (filters.TEXT | filters.CAPTION), self.text))
        sound = filters.VOICE | filters.AUDIO | filters.VIDEO_NOTE
        app.add_handler(MessageHandler(NEW_MESSAGE & sound, self.voice))
        app.add_handler(MessageHandler(NEW_MESSAGE, self.not_text))
        app.add_handler(CallbackQueryHandler(self.delete_answer, pattern=f"^{DELETE_PREFIX}"))
        app.add_handler(CallbackQueryHandler(self.button))
        app.add_error_handler(self.error)

    async def remember(self, update: Update, context: Context) -> None:
        """Note the id of each message the person sends, so /delete can remove it from the chat."""
        message = update.message
        if message is not None and message.chat.type == ChatType.PRIVATE:
            self.relay.state.remember_message(message.chat.id, message.message_id)

    # -- the conversation (through Rasa) ----------------------------------
    async def start(self, update: Update, context: Context) -> None:
        self.reminders.skip_follow_up(_chat_id(update))
        self.relay.submit(_chat_id(update), GREET_PAYLOAD)

    async def stop(self, update: Update, context: Context) -> None:
        self.reminders.skip_follow_up(_chat_id(update))
        self.relay.submit(_chat_id(update), STOP_PAYLOAD, reply_optional=True)

    async def text(self, update: Update, context: Context) -> None:
        """Typed words, or a photo's or file's caption: both are what the person said."""
        message = update.effective_message
        words = message.text or message.caption if message is not None else None
        if not words:
            return
        chat_id = _chat_id(update)
        if self.reminders.follow_up_waiting(chat_id) is not None:  # "how did it go?" was asked
            await self.reminders.record_follow_up(chat_id, words)
            return
        self.relay.submit(chat_id, words)

    async def reminders_command(self, update: Update, context: Context) -> None:
        await self.reminders.command(_chat_id(update))

    async def button(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        parsed = parse_button_data(query.data or "")
        chat_id = query.message.chat.id if query.message else None
        pressed = self.relay.state.press(chat_id, *parsed) if parsed and chat_id is not None else None
        if pressed is None or chat_id is None:  # spent or old: a toast is enough, the chat stays as it is
            await _close(query, texts.OLD_BUTTON_SHORT)
            return
        with suppress(TelegramError):  # e.g. "query is too old": the press still counts
            await query.answer()
        if pressed.payload.startswith(BOT_PAYLOAD):  # one of the bot's own (reminders, the plan)
            await self.reminders.press(chat_id, pressed.payload)
        else:
            self.reminders.skip_follow_up(chat_id)
            self.relay.submit(chat_id, pressed.payload)
        await self._show_choice(query.message, pressed.title)

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
        """Say what the bot is, then ask the question we were on again (with fresh buttons)."""
        chat_id = _chat_id(update)
        again = [Outgoing(texts.HELP)]
        question = self.relay.state.last_question(chat_id)
        if question is not None:
            await self.relay.close_keyboards(chat_id)
            asked = Outgoing.from_dict(question)
            again.append(Outgoing(f"{texts.ASK_AGAIN}\n\n{asked.text}", asked.buttons))
        self.relay.say(chat_id, again)

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
        """Ask first. The buttons carry a token for this question and this plan, so they expire."""
        chat_id = _chat_id(update)
        plan_id = await asyncio.to_thread(self.plans.latest_plan_id, str(chat_id))
        token = self.relay.state.offer_delete(chat_id, plan_id)
        markup = InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(texts.DELETE_YES, callback_data=f"{DELETE_PREFIX}yes:{token}")],
                [InlineKeyboardButton(texts.DELETE_NO, callback_data=f"{DELETE_PREFIX}no:{token}")],
            ]
        )
        message = await context.bot.send_message(
            chat_id=chat_id, text=to_html(texts.DELETE_ASK), parse_mode=ParseMode.HTML, reply_markup=markup
        )
        self.relay.state.remember_message(chat_id, message.message_id)

    async def delete_answer(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None or query.message is None:
            return
        chat_id = query.message.chat.id
        answer, _, token = (query.data or "").removeprefix(DELETE_PREFIX).partition(":")
        offer = self.relay.state.take_delete_offer(chat_id, token)
        if offer is None or time.time() - offer[1] > DELETE_OFFER_SECONDS:
            await _close(query, texts.DELETE_EXPIRED)
            return
        if answer != "yes":
            await _close(query)
            await self.relay.send_text(chat_id, texts.KEPT)
            return
        latest = await asyncio.to_thread(self.plans.latest_plan_id, str(chat_id))
        if latest != offer[0]:  # a plan was started (or removed) since the question was asked
            await _close(query, texts.DELETE_EXPIRED)
            return
        await _close(query)
        await self.erase(chat_id)

    async def erase(self, chat_id: int) -> None:
        """Erase everything about the chat, then the chat's messages in Telegram where it allows."""
        async with self.relay.lock(chat_id):
            await self.relay.cancel_chat(chat_id)
            erased = await asyncio.to_thread(self.plans.erase, str(chat_id))
            recent, older = self.relay.state.messages_since(chat_id, time.time() - DELETABLE_SECONDS)
            self.relay.state.forget(chat_id)
        log.info("Erased a chat's data: %d plan(s), %d tracker event(s)", erased.plans, erased.tracker_events)
        removed = await self._delete_messages(chat_id, recent)
        said = [texts.DELETED]
        if removed:
            said.append(texts.CHAT_DELETED)
        if older or len(recent) > removed:
            said.append(texts.CHAT_LEFT.format(count=older + len(recent) - removed))
        said += [texts.MYDATA_LEFT, texts.BEGIN_AGAIN]
        # Sent without remembering its id: after /delete the bot keeps nothing about the chat.
        await self.relay.bot.send_message(
            chat_id=chat_id, text=to_html("\n\n".join(said)), parse_mode=ParseMode.HTML
        )

    async def _delete_messages(self, chat_id: int, message_ids: list[int]) -> int:
        """Delete messages (100 per call, the Bot API's limit); how many went."""
        removed = 0
        for start in range(0, len(message_ids), 100):
            chunk = message_ids[start : start + 100]
            try:
                if await self.relay.bot.delete_messages(chat_id=chat_id, message_ids=chunk):
                    removed += len(chunk)
            except TelegramError as error:
                log.warning("Could not delete a chat's messages (%s)", type(error).__name__)
        return removed

    async def edited(self, update: Update, context: Context) -> None:
        """A changed message isn't a new answer, but a red flag in it gets the same help as anywhere.

        The check is careplan.safety's, the words are Rasa's (domain.yml), and the
        flag is recorded for the care team, as the action server does for new messages.
        """
        chat_id = _chat_id(update)
        message = update.effective_message
        words = (message.text or message.caption or "") if message is not None else ""
        kinds = await asyncio.to_thread(self.plans.red_flags, str(chat_id), words)
        said = [responses.text(f"utter_red_flag_{kind}") for kind in kinds] or [texts.EDITED]
        self.relay.say(chat_id, [Outgoing(text) for text in said])

    async def voice(self, update: Update, context: Context) -> None:
        await self.relay.send_text(_chat_id(update), texts.VOICE)

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
        if update is None and isinstance(error, NetworkError):  # polling: Telegram is away for a moment
            log.warning("Can't reach Telegram to fetch messages (%s); trying again", type(error).__name__)
            return
        store_down = isinstance(error, DATA_ERRORS)
        log.error(
            "Error while handling an update: %s",
            type(error).__name__,
            exc_info=None if store_down or error is None else error,
        )
        if isinstance(update, Update) and update.effective_chat is not None:
            with suppress(TelegramError):
                reply = texts.STORE_DOWN if store_down else texts.WENT_WRONG
                await self.relay.send_text(update.effective_chat.id, reply)
