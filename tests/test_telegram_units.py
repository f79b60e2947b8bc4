"""Unit tests of the Telegram bot's pure parts: splitting, escaping, buttons, queue, settings."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import stat
import time
from pathlib import Path

import pytest
from telegram import Bot

from bot import config, relay
from bot.localstate import LocalState
from bot.relay import button_data, parse_button_data
from bot.render import (
    BUTTON_LABEL_CHARS,
    TELEGRAM_LIMIT,
    Button,
    Outgoing,
    from_rasa,
    from_rasa_all,
    split_text,
    telegram_length,
    to_html,
)
from careplan.input_checks import check

from botapi_standin import BotApiStandIn, html_to_visible


# -- splitting ------------------------------------------------------------
def test_short_text_is_one_piece() -> None:
    assert split_text("Hello there") == ["Hello there"]


def test_split_prefers_line_breaks() -> None:
    lines = [f"line {n} " + "x" * 90 for n in range(100)]
    text = "\n".join(lines)
    pieces = split_text(text, limit=1000)
    assert len(pieces) > 1
    assert all(telegram_length(p) <= 1000 for p in pieces)
    assert "\n".join(pieces) == text
    assert all(p.startswith("line ") for p in pieces), "each piece starts at a line"


def test_split_falls_back_to_spaces_then_anywhere() -> None:
    words = " ".join(["word"] * 500)
    pieces = split_text(words, limit=100)
    assert all(len(p) <= 100 for p in pieces)
    assert all(p.split(" ") == ["word"] * len(p.split(" ")) for p in pieces), "no word is cut"
    assert " ".join(pieces) == words

    solid = "y" * 250
    assert split_text(solid, limit=100) == ["y" * 100, "y" * 100, "y" * 50]


def test_split_counts_utf16_units_like_telegram() -> None:
    emoji = "\N{SMILING FACE WITH SMILING EYES}" * 3000  # 2 UTF-16 units each
    pieces = split_text(emoji)
    assert all(telegram_length(p) <= TELEGRAM_LIMIT for p in pieces)
    assert "".join(pieces) == emoji
    assert len(pieces) == 2


# -- escaping and buttons ---------------------------------------------------
@pytest.mark.parametrize("text", ["<b>bold</b>", "a & b", "5 < 6 > 4", "*star* _under_", "&amp; stays"])
def test_escaped_text_shows_exactly_as_typed(text: str) -> None:
    assert html_to_visible(to_html(text)) == text


def test_stand_in_rejects_unescaped_html_like_telegram() -> None:
    with pytest.raises(ValueError):
        html_to_visible("5 < 6")
    with pytest.raises(ValueError):
        html_to_visible("a & b")


def test_rasa_buttons_go_under_the_last_piece() -> None:
    message = {
        "text": "\n".join(["A long question line."] * 250),
        "buttons": [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}],
    }
    pieces = from_rasa(message)
    assert len(pieces) == 2
    assert pieces[0].buttons == []
    assert [(b.title, b.payload) for b in pieces[1].buttons] == [("Yes", "/affirm"), ("No", "/deny")]


def test_buttons_without_text_still_get_a_message() -> None:
    [piece] = from_rasa({"buttons": [{"title": "Carry on", "payload": "/affirm"}]})
    assert piece.text and piece.buttons


def test_empty_rasa_message_sends_nothing() -> None:
    assert from_rasa({"recipient_id": "1"}) == []


def test_button_data_round_trip_and_fits_telegram() -> None:
    data = button_data(10**12, 99)
    assert len(data.encode()) <= 64
    assert parse_button_data(data) == (10**12, 99)
    assert parse_button_data("del:yes") is None
    assert parse_button_data("k:x:1") is None


# -- the local queue and button sets ---------------------------------------
def test_queue_keeps_order_per_chat_and_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "queue.db"
    state = LocalState(path)
    state.add(1, "one")
    state.add(2, "other chat")
    state.add(1, "two")
    state.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    state = LocalState(path)
    first = state.first(1)
    assert first is not None and first.text == "one"
    state.done(first.id)
    second = state.first(1)
    assert second is not None and second.text == "two"
    assert state.waiting(1) == 1 and state.waiting(2) == 1


def test_a_failed_message_waits_before_the_next_retry(tmp_path: Path) -> None:
    state = LocalState(tmp_path / "queue.db")
    item_id = state.add(5, "hello")
    assert state.chats_due() == [5]
    state.failed(item_id)
    assert state.chats_due() == []
    assert state.chats_due(now=10**12) == [5]
    item = state.first(5)
    assert item is not None and item.attempts == 1 and item.empty_replies == 0
    state.failed(item_id, empty_reply=True)
    item = state.first(5)
    assert item is not None and item.attempts == 2 and item.empty_replies == 1


def test_a_button_set_works_once_and_only_in_its_chat(tmp_path: Path) -> None:
    state = LocalState(tmp_path / "queue.db")
    keyboard = state.new_keyboard(7, [("Yes", "/affirm"), ("No", "/deny")])
    state.keyboard_sent(keyboard, 55)
    assert state.press(8, keyboard, 0) is None, "another chat can't use it"
    pressed = state.press(7, keyboard, 1)
    assert pressed is not None and pressed.payload == "/deny" and pressed.title == "No"
    assert state.press(7, keyboard, 0) is None, "spent"


def test_retiring_and_forgetting(tmp_path: Path) -> None:
    state = LocalState(tmp_path / "queue.db")
    first = state.new_keyboard(7, [("A", "/a")])
    state.keyboard_sent(first, 11)
    state.new_keyboard(7, [("B", "/b")])  # never sent: no message id
    assert state.retire_keyboards(7) == [11]
    assert state.press(7, first, 0) is None
    state.add(7, "waiting words")
    state.new_keyboard(7, [("C", "/c")])
    state.forget(7)
    assert state.first(7) is None and state.retire_keyboards(7) == []


# -- settings ---------------------------------------------------------------
def test_settings_from_the_environment() -> None:
    settings = config.load(
        {
            "TELEGRAM_BOT_TOKEN": "1:abc",
            "TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot",
            "RASA_URL": "http://rasa:5005/",
            "BOT_QUEUE_PATH": "/data/q.db",
            "BOT_JOIN_SECONDS": "0.8",
        }
    )
    assert settings.join_seconds == 0.8
    assert settings.base_url == "http://127.0.0.1:8081/bot"
    assert settings.base_file_url == "http://127.0.0.1:8081/file/bot"
    assert settings.rasa_url == "http://rasa:5005"
    assert settings.queue_path == "/data/q.db"
    assert not settings.use_webhook


def test_settings_defaults_and_errors() -> None:
    settings = config.load({"TELEGRAM_BOT_TOKEN": "1:abc"})
    assert settings.rasa_url == "http://localhost:5005"
    assert settings.join_seconds == 1.5
    assert settings.base_url is None
    with pytest.raises(config.ConfigError, match="BotFather"):
        config.load({})
    with pytest.raises(config.ConfigError, match="https"):
        config.load({"TELEGRAM_BOT_TOKEN": "1:abc", "TELEGRAM_WEBHOOK_URL": "http://example.org/hook"})
    with pytest.raises(config.ConfigError, match="BOT_RETRY_SECONDS"):
        config.load({"TELEGRAM_BOT_TOKEN": "1:abc", "BOT_RETRY_SECONDS": "soon"})
    hook = config.load({"TELEGRAM_BOT_TOKEN": "1:abc", "TELEGRAM_WEBHOOK_URL": "https://example.org/hook"})
    assert hook.use_webhook


# -- issue 15: the typing indicator never jams a chat -------------------------
class SwallowingBot:
    """A bot whose sendChatAction, like PTB's now and then, returns normally when cancelled mid-call."""

    def __init__(self) -> None:
        self.calls = 0

    async def send_chat_action(self, **_: object) -> bool:
        self.calls += 1
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(0.05)
        return True


def test_typing_ends_even_when_the_bot_swallows_the_cancel() -> None:
    async def main() -> float:
        bot = SwallowingBot()
        started = time.monotonic()
        for _ in range(20):
            async with relay.typing(bot, 1):  # type: ignore[arg-type]
                await asyncio.sleep(0.01)  # the cancel lands while sendChatAction is in flight
        return time.monotonic() - started

    assert asyncio.run(asyncio.wait_for(main(), timeout=30)) < 20 * relay.CANCEL_WAIT_SECONDS


def test_typing_cancelled_during_real_calls_many_times(tmp_path: Path) -> None:
    """The real PTB Bot against the stand-in, each block cancelled mid-request: none may hang."""
    api = BotApiStandIn().start()
    api.delays["sendChatAction"] = 0.02

    async def main() -> int:
        bot = Bot("123:TEST", base_url=api.base_url)
        async with bot:
            for n in range(200):
                async with relay.typing(bot, 5):
                    await asyncio.sleep(0.001 * (n % 30))  # lands at different points of the call
        return len(api.calls("sendChatAction"))

    try:
        assert asyncio.run(asyncio.wait_for(main(), timeout=120)) >= 20, "the calls did reach the API"
    finally:
        api.stop()


# -- issue 15: what people see ------------------------------------------------
def test_a_run_of_texts_is_one_message_with_the_buttons_under_it() -> None:
    greeting = [{"text": f"Line {n}."} for n in range(4)]
    greeting.append({"text": "Shall we start?", "buttons": [{"title": "Yes", "payload": "/affirm"}]})
    [message] = from_rasa_all(greeting)
    assert message.text == "Line 0.\n\nLine 1.\n\nLine 2.\n\nLine 3.\n\nShall we start?"
    assert [b.payload for b in message.buttons] == ["/affirm"]
    image = from_rasa_all([{"text": "Look:"}, {"image": "https://example.org/a.png"}, {"text": "Done."}])
    assert [m.text for m in image] == ["Look:", "https://example.org/a.png", "Done."]


def test_long_button_titles_are_shortened_at_a_word() -> None:
    goal = "Walk to the shop and back three times a week without my stick"
    label = Button(goal, "/choose").label
    assert len(label) <= BUTTON_LABEL_CHARS and label.endswith("…")
    assert goal.startswith(label[:-1]) and not label[:-1].endswith(" ")
    assert Button("Walk to the park", "/x").label == "Walk to the park"


@pytest.mark.parametrize("name", ["<del>Sam</del>", "<b>Sam</b>", "<span class='x'>Mary Jane</span>"])
def test_a_name_in_markup_is_not_taken_for_another_language(name: str) -> None:
    assert check(name) is None
    assert check("le chat est sur la table avec mon ami") is not None, "real French still is"


def test_a_queue_file_from_before_gets_the_new_column(tmp_path: Path) -> None:
    """A queue file made by the previous version keeps its waiting messages."""
    path = tmp_path / "queue.db"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute(
            "CREATE TABLE pending (id INTEGER PRIMARY KEY AUTOINCREMENT, chat_id INTEGER NOT NULL, "
            "text TEXT NOT NULL, reply_optional INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL "
            "DEFAULT 0, empty_replies INTEGER NOT NULL DEFAULT 0, next_try REAL NOT NULL DEFAULT 0)"
        )
        db.execute("INSERT INTO pending (chat_id, text) VALUES (3, 'kept from before')")
        db.commit()
    state = LocalState(path)
    item = state.first(3)
    assert item is not None and item.text == "kept from before" and item.created == 0


def test_replies_wait_in_the_outbox_with_the_answer_taken_at_once(tmp_path: Path) -> None:
    state = LocalState(tmp_path / "queue.db")
    first, second = state.add(4, "one"), state.add(4, "two")
    state.answered(4, [first, second], [{"text": "Thanks", "buttons": []}, {"text": "Next?", "buttons": []}])
    assert state.first(4) is None
    assert [m["text"] for _, m in state.outbox(4)] == ["Thanks", "Next?"]
    assert state.chats_due() == [4]
    state.outbox_later(4, 60)
    assert state.chats_due() == []
    state.forget(4)
    assert state.outbox(4) == []


def test_a_copy_asked_for_in_the_chat_arrives_as_a_large_print_pdf(tmp_path: Path) -> None:
    """Rasa's custom payload for "can I have a copy?" becomes a sendDocument with the plan's PDF."""
    from careplan.exports import large_print
    from careplan.store import Store

    store = Store(f"sqlite:///{tmp_path / 'plans.db'}")
    plan_id = store.new_plan("77", preferred_name="Peggy")
    store.add_goal(plan_id, "get to church on a Sunday", "Get to church on a Sunday", "social")
    [outgoing] = from_rasa_all([{"custom": {"document": "plan_pdf", "large_print": True}}])
    assert outgoing.document == "large-print" and Outgoing.from_dict(outgoing.to_dict()) == outgoing

    api = BotApiStandIn().start()

    async def documents(chat_id: int, kind: str) -> tuple[str, bytes] | None:
        return f"my-plan-{kind}.pdf", large_print.render(store.export(plan_id))

    async def main() -> None:
        bot = Bot("123:TEST", base_url=api.base_url)
        async with bot:
            state = LocalState(tmp_path / "queue.db")
            sender = relay.Relay(bot, None, state, documents=documents)  # type: ignore[arg-type]
            await sender.send(77, outgoing)

    try:
        asyncio.run(asyncio.wait_for(main(), timeout=60))
        [call] = api.calls("sendDocument", chat_id=77)
        filename, data = call.files["document"]
        assert filename == "my-plan-large-print.pdf" and data.startswith(b"%PDF")
    finally:
        api.stop()
