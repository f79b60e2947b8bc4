"""Reminders before the appointment and the follow-up after it, end to end with a clock we move.

The real bot (``bot.app.build``, polling the Bot API stand-in over HTTP, with
its real SQLite queue file and a real care-plan database) runs in a thread of
this process, so the test can hand it a clock and move time on. Rasa is the
scripted stand-in: the dialogue isn't what is tested here.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from bot.app import ALLOWED_UPDATES, build
from bot.config import load
from bot.reminders import UK, Reminders, due_time
from careplan.store import Store

from botapi_standin import BotApiStandIn, Call, RasaStandIn, wait_until

APPOINTMENT = date(2026, 12, 10)
_chat_ids = itertools.count(9101)


class Clock:
    """A clock the test moves on. Starts on 2 December 2026 at noon UK time."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 2, 12, 0, tzinfo=UK).astimezone(timezone.utc)
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self.now

    def set(self, moment: datetime) -> None:
        with self._lock:
            self.now = moment.astimezone(timezone.utc)


def closing(sender: str, message: str) -> list[dict[str, Any]]:
    if message == "/greet":
        return [{"text": "Welcome back! Your plan is saved. Here it is again."}]
    return [{"text": "Thank you. I've shared your draft plan with your care team."}]


class InProcessBot:
    """``bot.app.build`` run in its own thread and event loop, as ``python -m bot`` runs it."""

    def __init__(self, env: dict[str, str], clock: Clock) -> None:
        self.settings = load(env)
        self.clock = clock
        self.loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def start(self) -> InProcessBot:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(timeout=30)
        return self

    async def _start(self) -> None:
        self.app = build(self.settings, clock=self.clock)  # in the bot's thread, which owns its SQLite file
        await self.app.initialize()
        if self.app.post_init:
            await self.app.post_init(self.app)
        await self.app.start()
        assert self.app.updater is not None
        await self.app.updater.start_polling(allowed_updates=ALLOWED_UPDATES, poll_interval=0.05)

    def tick(self) -> None:
        """The clock moved: let the reminder loop look again."""
        reminders: Reminders = self.app.bot_data["reminders"]
        self.loop.call_soon_threadsafe(reminders.wake)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._stop_app(), self.loop).result(timeout=30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)

    async def _stop_app(self) -> None:
        assert self.app.updater is not None
        await self.app.updater.stop()
        await self.app.stop()
        if self.app.post_stop:
            await self.app.post_stop(self.app)
        await self.app.shutdown()
        if self.app.post_shutdown:
            await self.app.post_shutdown(self.app)


@pytest.fixture
def botapi() -> Iterator[BotApiStandIn]:
    api = BotApiStandIn().start()
    yield api
    api.stop()


@pytest.fixture
def rasa() -> Iterator[RasaStandIn]:
    server = RasaStandIn(closing).start()
    yield server
    server.stop()


@pytest.fixture
def env(
    botapi: BotApiStandIn, rasa: RasaStandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    database = f"sqlite:///{tmp_path / 'careplan.db'}"
    monkeypatch.setenv("DATABASE_URL", database)  # the bot's Plans opens the store from the environment
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    return {
        "TELEGRAM_BOT_TOKEN": "123456:TEST-token",
        "TELEGRAM_BASE_URL": botapi.base_url,
        "RASA_URL": rasa.url,
        "BOT_QUEUE_PATH": str(tmp_path / "queue.db"),
        "BOT_RETRY_SECONDS": "0.5",
        "BOT_JOIN_SECONDS": "0.2",
        "DATABASE_URL": database,
    }


def finished_plan(env: dict[str, str], sender: str) -> tuple[Store, int]:
    store = Store(env["DATABASE_URL"])
    plan_id = store.new_plan(
        sender,
        recorded_by_role="self",
        preferred_name="Sam",
        appointment_with="Dr Patel at the surgery",
        appointment_date=APPOINTMENT,
        appointment_reason="my knees",
    )
    goal = store.add_goal(
        plan_id, "Walk to the shop & back three times a week", "Walk to the shop", "mobility"
    )
    store.set_one_thing(plan_id, goal)
    store.record_answer(plan_id, "questions", "Can I have a better walking stick?")
    store.update_plan(plan_id, status="completed", completed_at=datetime.now(timezone.utc), shared=True)
    return store, plan_id


class Chat:
    def __init__(self, botapi: BotApiStandIn, chat: int) -> None:
        self.botapi, self.chat = botapi, chat
        self.done: list[tuple[int, str]] = []  # (bot messages seen by then, what the person did)

    def say(self, text: str) -> None:
        self.done.append((len(self.said()), f"Person: {text}"))
        self.botapi.send_text(self.chat, text)

    def note(self, text: str) -> None:
        self.done.append((len(self.said()), f"({text})"))

    def said(self) -> list[Call]:
        return self.botapi.sent(self.chat)

    def wait_for(self, fragment: str) -> Call:
        return wait_until(
            lambda: next((c for c in self.said() if fragment in c.visible_text), None), what=repr(fragment)
        )

    def press(self, message: Call, title: str) -> None:
        button = next(b for b in message.buttons if b["text"] == title)
        self.done.append((len(self.said()), f"Person taps [{title}]"))
        self.botapi.press(self.chat, self.botapi.message_id_of(message), button["callback_data"])

    def transcript(self) -> str:
        """The chat as the person saw it (for docs/telegram.md)."""
        lines = []
        done = list(self.done)
        for index, call in enumerate(self.said()):
            while done and done[0][0] <= index:
                lines.append(done.pop(0)[1])
            buttons = "".join(f" [{b['text']}]" for b in call.buttons)
            lines.append(f"Bot: {call.visible_text}{buttons}".replace("\n", "\n     "))
        lines += [what for _, what in done]
        return "\n".join(lines)


def test_reminder_the_day_before_survives_a_restart_and_follow_up_after(botapi, rasa, env) -> None:
    clock = Clock()
    chat = Chat(botapi, next(_chat_ids))
    store, plan_id = finished_plan(env, str(chat.chat))
    bot = InProcessBot(env, clock).start()
    try:
        chat.note("Wednesday 2 December, noon: the person finishes their plan")
        chat.say("yes, share it")
        offer = chat.wait_for(texts.REMIND_ASK)
        assert [b["text"] for b in offer.buttons] == [texts.REMIND_YES, texts.REMIND_NO]
        chat.press(offer, texts.REMIND_YES)
        chat.wait_for("I'll send you a reminder on Wednesday 9 December")
    finally:
        bot.stop()

    store.update_plan(plan_id, reviewed_at=datetime(2026, 12, 5, 9, tzinfo=timezone.utc))
    clock.set(datetime(2026, 12, 9, 9, 59, tzinfo=UK))
    bot = InProcessBot(env, clock).start()  # a restart: the reminder is in the queue file
    try:
        before = len(chat.said())
        bot.tick()
        with pytest.raises(AssertionError):
            wait_until(lambda: len(chat.said()) > before, timeout=2, what="nothing before 10:00")
        clock.set(datetime(2026, 12, 9, 10, 0, tzinfo=UK))
        chat.note("the bot was restarted; Wednesday 9 December, 10:00 UK time")
        bot.tick()
        card = chat.wait_for("A reminder: your appointment is tomorrow")
        assert due_time(APPOINTMENT) == datetime(2026, 12, 9, 10, 0, tzinfo=UK)
        assert "Thursday 10 December, with Dr Patel at the surgery" in card.visible_text
        assert "Walk to the shop & back three times a week" in card.visible_text
        assert "Can I have a better walking stick?" in card.visible_text
        assert texts.CARD_REVIEWED in card.visible_text
        chat.press(card, texts.SEE_PLAN)
        chat.wait_for("Your draft plan")
        bot.tick()
        assert sum("A reminder:" in c.visible_text for c in chat.said()) == 1, "sent once"

        clock.set(datetime(2026, 12, 11, 9, 0, tzinfo=UK))
        chat.note("Friday 11 December: the person comes back")
        chat.say("/start")
        ask = chat.wait_for("How did your appointment on Thursday 10 December go?")
        assert [b["text"] for b in ask.buttons] == [texts.NOTHING_CHANGED]
        chat.say("It went well. A physio will visit on Monday.")
        chat.wait_for(texts.FOLLOW_UP_THANKS)
    finally:
        bot.stop()
    answers = {a["question_key"]: a["text"] for a in store.export(plan_id)["answers"]}
    assert answers["follow_up"] == "It went well. A physio will visit on Monday."
    assert rasa.messages_from(str(chat.chat)) == ["yes, share it", "/greet"], "the follow-up isn't an answer"
    print(f"\n--- transcript ---\n{chat.transcript()}\n--- end ---")  # for docs/telegram.md


def test_reminders_can_be_turned_off_and_delete_removes_them(botapi, rasa, env) -> None:
    clock = Clock()
    chat = Chat(botapi, next(_chat_ids))
    finished_plan(env, str(chat.chat))
    bot = InProcessBot(env, clock).start()
    try:
        botapi.send_text(chat.chat, "/reminders")
        offer = chat.wait_for(texts.REMIND_ASK)
        chat.press(offer, texts.REMIND_YES)
        chat.wait_for("I'll send you a reminder")
        botapi.send_text(chat.chat, "/reminders")
        on = chat.wait_for("Your reminder is on")
        chat.press(on, texts.REMIND_TURN_OFF)
        chat.wait_for(texts.REMIND_OFF)
        clock.set(datetime(2026, 12, 9, 10, 30, tzinfo=UK))
        bot.tick()
        with pytest.raises(AssertionError):
            wait_until(lambda: any("A reminder:" in c.visible_text for c in chat.said()), timeout=2)

        clock.set(datetime(2026, 12, 3, 12, 0, tzinfo=UK))
        botapi.send_text(chat.chat, "/reminders")
        again = [
            c
            for c in wait_until(
                lambda: [c for c in chat.said() if c.visible_text == texts.REMIND_ASK and c.buttons][1:]
            )
        ]
        chat.press(again[-1], texts.REMIND_YES)
        wait_until(lambda: len([c for c in chat.said() if "I'll send you a reminder" in c.visible_text]) == 2)
        botapi.send_text(chat.chat, "/delete")
        ask = chat.wait_for("Do you want to delete everything?")
        chat.press(ask, texts.DELETE_YES)
        chat.wait_for("Everything I had stored about you is deleted")
        clock.set(datetime(2026, 12, 9, 10, 30, tzinfo=UK))
        bot.tick()
        with pytest.raises(AssertionError):
            wait_until(lambda: any("A reminder:" in c.visible_text for c in chat.said()), timeout=2)
    finally:
        bot.stop()
    import sqlite3

    with sqlite3.connect(env["BOT_QUEUE_PATH"]) as db:
        assert db.execute("SELECT COUNT(*) FROM reminders").fetchone()[0] == 0


def test_the_follow_up_waits_for_the_next_message_only(botapi, rasa, env) -> None:
    """Asked how it went, the person goes on with /start instead: that next answer goes to Rasa."""
    clock = Clock()
    clock.set(datetime(2026, 12, 14, 9, 0, tzinfo=UK))
    chat = Chat(botapi, next(_chat_ids))
    store, plan_id = finished_plan(env, str(chat.chat))
    bot = InProcessBot(env, clock).start()
    try:
        chat.say("hello again")
        ask = chat.wait_for("How did your appointment on Thursday 10 December go?")
        chat.say("/start")
        chat.wait_for("Welcome back! Your plan is saved.")
        chat.say("Sam")
        wait_until(lambda: rasa.messages_from(str(chat.chat))[-1:] == ["Sam"], what="Sam to reach Rasa")
        chat.press(ask, texts.NOTHING_CHANGED)  # an old button: a toast, nothing recorded
        time.sleep(1)
    finally:
        bot.stop()
    assert "follow_up" not in {a["question_key"] for a in store.export(plan_id)["answers"]}
    assert sum("How did your appointment" in c.visible_text for c in chat.said()) == 1, "asked once"


def test_no_offer_once_10_the_day_before_has_passed(botapi, rasa, env) -> None:
    clock = Clock()
    chat = Chat(botapi, next(_chat_ids))
    store, plan_id = finished_plan(env, str(chat.chat))
    clock.set(datetime(2026, 12, 9, 11, 0, tzinfo=UK))  # after 10:00 the day before: too late
    bot = InProcessBot(env, clock).start()
    try:
        botapi.send_text(chat.chat, "yes, share it")
        chat.wait_for("I've shared your draft plan")
        botapi.send_text(chat.chat, "/reminders")
        chat.wait_for(texts.NO_REMINDER_NEEDED)
        assert not any(texts.REMIND_ASK in c.visible_text for c in chat.said())
    finally:
        bot.stop()
    assert store.export(plan_id)["status"] == "completed"
    assert timedelta(0) < APPOINTMENT - clock().date()
