"""Build the PTB Application and run it, by long polling (default) or webhook."""

from __future__ import annotations

import asyncio
import logging
import secrets
import signal
from urllib.parse import urlparse

from aiohttp import web
from telegram import BotCommand, Update
from telegram.ext import Application

from bot import texts
from bot.config import Settings
from bot.handlers import BotHandlers
from bot.localstate import LocalState
from bot.plans import Plans
from bot.rasa_client import RasaClient
from bot.relay import Relay, cancel_and_wait
from bot.reminders import Clock, Reminders, system_clock
from bot.retry import PacedRateLimiter

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105  # nosec B105 - a header name, not a secret


# The only update types the bot has handlers for; Telegram sends nothing else.
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]


async def retry_forever(relay: Relay, every: float) -> None:
    """Keep trying what waits for Rasa or Telegram, so it goes through once they are back.

    ``retry_due`` only starts the chats' workers, it never waits for them, so
    one stuck chat can't stop this loop.
    """
    while True:
        await asyncio.sleep(every)
        try:
            relay.retry_due()
        except Exception:  # keep the loop alive whatever one pass hits
            log.exception("Retry pass failed")


def build(settings: Settings, clock: Clock = system_clock) -> Application:
    """The bot. ``clock`` is for the reminders (tests pass one they can move on)."""
    builder = (
        Application.builder()
        .token(settings.token)
        .rate_limiter(PacedRateLimiter())
        .concurrent_updates(32)
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
    )
    if settings.base_url and settings.base_file_url:
        builder = builder.base_url(settings.base_url).base_file_url(settings.base_file_url)
    if settings.use_webhook:
        builder = builder.updater(None)
    app = builder.build()
    plans = Plans()

    async def documents(chat_id: int, kind: str) -> tuple[str, bytes] | None:
        return await asyncio.to_thread(plans.document, str(chat_id), kind)

    relay = Relay(
        app.bot,
        RasaClient(settings.rasa_url, settings.rasa_timeout),
        LocalState(settings.queue_path),
        join_seconds=settings.join_seconds,
        retry_seconds=settings.retry_seconds,
        documents=documents,
    )
    reminders = Reminders(relay, plans, clock=clock)
    relay.after_turn = reminders.after_turn
    BotHandlers(relay, plans, reminders).register(app)
    app.bot_data["reminders"] = reminders
    app.bot_data["relay"] = relay
    app.bot_data["settings"] = settings
    return app


async def _post_init(app: Application) -> None:
    await app.bot.set_my_commands([BotCommand(name, about) for name, about in texts.COMMANDS])
    relay: Relay = app.bot_data["relay"]
    settings: Settings = app.bot_data["settings"]
    app.bot_data["retry_task"] = asyncio.create_task(retry_forever(relay, settings.retry_seconds))
    app.bot_data["reminder_task"] = asyncio.create_task(app.bot_data["reminders"].run())
    relay.retry_due()  # what waited through a restart goes now
    log.info("Bot ready; talking to Rasa at %s", settings.rasa_url)


async def _post_stop(app: Application) -> None:
    """Stop within a few seconds whatever Rasa is doing: every wait here is bounded."""
    relay: Relay = app.bot_data["relay"]
    await cancel_and_wait([app.bot_data.pop("retry_task"), app.bot_data.pop("reminder_task")])
    await relay.stop()


async def _post_shutdown(app: Application) -> None:
    relay: Relay = app.bot_data["relay"]
    await relay.rasa.close()
    relay.state.close()


def run(settings: Settings) -> None:
    app = build(settings)
    if settings.use_webhook:
        asyncio.run(_serve_webhook(app, settings))
    else:
        app.run_polling(allowed_updates=ALLOWED_UPDATES)


async def _serve_webhook(app: Application, settings: Settings) -> None:
    """Webhook mode with a small aiohttp server (PTB's built-in one needs tornado).

    Telegram POSTs each update to TELEGRAM_WEBHOOK_URL; a proxy in front
    terminates HTTPS and forwards to TELEGRAM_WEBHOOK_LISTEN:TELEGRAM_WEBHOOK_PORT.
    """
    if not settings.webhook_url:
        raise ValueError("webhook mode needs TELEGRAM_WEBHOOK_URL")
    secret = settings.webhook_secret or secrets.token_urlsafe(32)
    path = urlparse(settings.webhook_url).path or "/"

    async def receive(request: web.Request) -> web.Response:
        if not secrets.compare_digest(request.headers.get(SECRET_HEADER, ""), secret):
            return web.Response(status=403)
        try:
            update = Update.de_json(await request.json(), app.bot)
        except ValueError:
            return web.Response(status=400)
        await app.update_queue.put(update)
        return web.Response()

    server = web.Application()
    server.router.add_post(path, receive)
    runner = web.AppRunner(server, access_log=None)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with app:
        if app.post_init:
            await app.post_init(app)
        await app.start()
        await runner.setup()
        await web.TCPSite(runner, settings.webhook_listen, settings.webhook_port).start()
        await app.bot.set_webhook(
            url=settings.webhook_url, secret_token=secret, allowed_updates=ALLOWED_UPDATES
        )
        log.info("Webhook mode: listening on %s:%d", settings.webhook_listen, settings.webhook_port)
        await stop.wait()
        await runner.cleanup()
        await app.stop()
        if app.post_stop:
            await app.post_stop(app)
    if app.post_shutdown:
        await app.post_shutdown(app)
