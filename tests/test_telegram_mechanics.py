"""The bot's own mechanics, end to end over HTTP: the real ``python -m bot``
against the Bot API stand-in and a scripted stand-in for Rasa.

The real conversation (real Rasa and action server) is covered in
test_telegram_conversation.py; here Rasa is scripted so that failures,
long replies and odd payloads can be produced on demand.
"""

from __future__ import annotations

import itertools
import json
import socket
import sqlite3
import stat
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot import responses
from careplan.store import Store

from botapi_standin import REJECTED_TOKEN, BotApiStandIn, BotProcess, RasaStandIn, wait_until

LONG_GOAL = "Walk to the shop and back three times a week, without my stick, by the spring"
LONG_PAYLOAD = '/choose_role{"role": "carer", "note": "a payload much longer than Telegram allows"}'
SECRET_WORDS = "my neighbour Bartholomew"
_chat_ids = itertools.count(7001)


class Script:
    """What the Rasa stand-in answers. ``down`` holds senders for whom it fails."""

    def __init__(self) -> None:
        self.down: dict[str, int] = {}
        self.empty: dict[str, int] = {}

    def __call__(self, sender: str, message: str) -> list[dict[str, Any]] | int:
        if sender in self.down:
            return self.down[sender]
        if self.empty.get(sender, 0) > 0:
            self.empty[sender] -= 1
            return []
        if message == "/greet":
            return [
                {
                    "text": "Hello! Who is this plan for?",
                    "buttons": [
                        {"title": "Me", "payload": "/choose_role"},
                        {"title": "Someone I care for", "payload": LONG_PAYLOAD},
                    ],
                }
            ]
        if message == "/stop":
            return []
        if message == "five texts please":  # like the greeting: several texts, then a question
            parts: list[dict[str, Any]] = [{"text": f"Part {n}."} for n in range(1, 5)]
            return [*parts, {"text": "Part 5?", "buttons": [{"title": "Go on", "payload": "/affirm"}]}]
        if message == "long goals please":
            return [
                {
                    "text": f"Which one? {LONG_GOAL}",
                    "buttons": [{"title": LONG_GOAL, "payload": "/choose_goal"}],
                }
            ]
        if message.startswith("long"):
            line = " ".join(["This is a line of a long read-back, with some words in it."] * 3)
            return [{"text": "\n".join(f"{n}. {line}" for n in range(60))}]
        return [{"text": f"You said: {message}"}]


@pytest.fixture(scope="module")
def script() -> Script:
    return Script()


@pytest.fixture(scope="module")
def botapi() -> Iterator[BotApiStandIn]:
    api = BotApiStandIn().start()
    yield api
    api.stop()


@pytest.fixture(scope="module")
def rasa(script: Script) -> Iterator[RasaStandIn]:
    server = RasaStandIn(script).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("telegram_mechanics")


def bot_env(botapi: BotApiStandIn, rasa_url: str, files: Path) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": "123456:TEST-token",
        "TELEGRAM_BASE_URL": botapi.base_url,
        "RASA_URL": rasa_url,
        "BOT_QUEUE_PATH": str(files / "queue.db"),
        "BOT_RETRY_SECONDS": "0.5",
        "BOT_JOIN_SECONDS": "0.3",
        "DATABASE_URL": f"sqlite:///{files / 'careplan.db'}",
        "TRACKER_DB_URL": f"sqlite:///{files / 'tracker.db'}",
    }


@pytest.fixture(scope="module")
def bot(botapi: BotApiStandIn, rasa: RasaStandIn, files: Path) -> Iterator[BotProcess]:
    process = BotProcess(bot_env(botapi, rasa.url, files), files / "bot.log").start()
    wait_until(lambda: botapi.calls("getUpdates"), what="the bot to start polling")
    yield process
    process.stop()
    assert SECRET_WORDS not in process.log(), "the bot logged what a person wrote"
    assert "TEST-token" not in process.log(), "the bot logged its token"


@pytest.fixture
def own_botapi() -> Iterator[BotApiStandIn]:
    """A Bot API of its own, for tests that run their own bot beside the module's one."""
    api = BotApiStandIn().start()
    yield api
    api.stop()


@pytest.fixture
def chat() -> int:
    return next(_chat_ids)


def texts_to(botapi: BotApiStandIn, chat: int) -> list[str]:
    return [call.visible_text for call in botapi.sent(chat)]


def answer_to(botapi: BotApiStandIn, query_id: str) -> Any:
    """The bot's answerCallbackQuery for one button press, if it has answered yet."""
    answers = botapi.calls("answerCallbackQuery")
    return next((c for c in answers if c.params.get("callback_query_id") == query_id), None)


def wait_for_text(botapi: BotApiStandIn, chat: int, fragment: str) -> list[str]:
    return wait_until(
        lambda: any(fragment in t for t in texts_to(botapi, chat)) and texts_to(botapi, chat),
        what=f"a message containing {fragment!r}",
    )


def test_start_registers_commands_and_uses_the_token(bot: BotProcess, botapi: BotApiStandIn) -> None:
    commands = {c["command"] for c in botapi.calls("setMyCommands")[0].params["commands"]}
    assert commands == {"start", "help", "stop", "summary", "mydata", "reminders", "delete"}
    assert botapi.tokens == {"123456:TEST-token"}
    polled = botapi.calls("getUpdates")[-1].params.get("allowed_updates")
    assert sorted(polled) == ["callback_query", "edited_message", "message"], "only what the bot handles"
    assert botapi.calls("deleteWebhook"), "polling mode clears any webhook first"


def test_buttons_become_a_keyboard_that_works_once(bot, botapi: BotApiStandIn, rasa, chat) -> None:
    botapi.send_text(chat, "/start")
    [question] = botapi.wait_for_messages(chat, 1)
    assert rasa.messages_from(str(chat)) == ["/greet"]
    assert "Who is this plan for?" in question.visible_text
    titles = [b["text"] for b in question.buttons]
    assert titles == ["Me", "Someone I care for"]
    assert botapi.calls("sendChatAction", chat), "a typing indicator is shown while Rasa works"

    message_id = botapi.message_id_of(question)
    carer = question.buttons[1]["callback_data"]
    botapi.press(chat, message_id, carer)
    wait_for_text(botapi, chat, f"You said: {LONG_PAYLOAD}")
    assert rasa.messages_from(str(chat)) == ["/greet", LONG_PAYLOAD]
    assert botapi.calls("answerCallbackQuery")
    shown = botapi.message(message_id)
    assert "reply_markup" not in shown, "the keyboard is removed after a press"
    assert "You chose: Someone I care for" in shown["text"]

    before = len(botapi.sent(chat))
    query = botapi.press(chat, message_id, question.buttons[0]["callback_data"])
    toast = wait_until(lambda: answer_to(botapi, query), what="the toast for a spent button")
    assert "from earlier" in toast.params["text"]
    assert rasa.messages_from(str(chat)) == ["/greet", LONG_PAYLOAD], "a spent button reaches Rasa only once"
    assert len(botapi.sent(chat)) == before, "a toast alone: no message in the chat"


def test_typing_moves_the_conversation_on_and_closes_old_buttons(bot, botapi, rasa, chat) -> None:
    botapi.send_text(chat, "/start")
    [question] = botapi.wait_for_messages(chat, 1)
    botapi.send_text(chat, "it is for me")
    wait_for_text(botapi, chat, "You said: it is for me")
    assert "reply_markup" not in botapi.message(botapi.message_id_of(question))


def test_html_and_markdown_characters_arrive_intact(bot, botapi, rasa, chat) -> None:
    tricky = "I <b>love</b> *gardening* & my_dog, 5 < 6 > 4 &amp; [link](x) `code`"
    botapi.send_text(chat, tricky)
    wait_for_text(botapi, chat, "You said:")
    assert rasa.messages_from(str(chat)) == [tricky]
    assert texts_to(botapi, chat) == [f"You said: {tricky}"]


def test_a_long_reply_is_split_at_line_breaks(bot, botapi, rasa, chat) -> None:
    botapi.send_text(chat, "long please")
    expected = rasa.script(str(chat), "long please")
    assert isinstance(expected, list)
    full = expected[0]["text"]
    wait_until(lambda: "59. " in "".join(texts_to(botapi, chat)), what="the end of the long reply")
    pieces = texts_to(botapi, chat)
    assert len(pieces) >= 3
    assert all(len(p) <= 4096 for p in pieces)
    assert "\n".join(pieces) == full, "split at line breaks, nothing lost or repeated"


def test_a_429_on_send_message_still_delivers(bot, botapi, rasa, chat) -> None:
    botapi.fail_next("sendMessage", times=1, retry_after=1)
    botapi.send_text(chat, "hello after flood")
    wait_for_text(botapi, chat, "You said: hello after flood")
    refused = [c for c in botapi.calls("sendMessage", chat, ok=False) if c.status == 429]
    assert len(refused) == 1
    assert texts_to(botapi, chat) == ["You said: hello after flood"]


def test_a_network_fault_on_send_message_is_retried(bot, botapi, rasa, chat) -> None:
    botapi.fail_next("sendMessage", times=2, retry_after=None)
    botapi.send_text(chat, "hello through a bad gateway")
    wait_for_text(botapi, chat, "You said: hello through a bad gateway")
    assert [c.status for c in botapi.calls("sendMessage", chat, ok=False)] == [502, 502, 200]
    assert texts_to(botapi, chat) == ["You said: hello through a bad gateway"]


def test_rasa_down_keeps_messages_and_delivers_them_in_order(bot, botapi, rasa, script, chat) -> None:
    sender = str(chat)
    script.down[sender] = 503
    botapi.send_text(chat, f"first, about {SECRET_WORDS}")
    wait_for_text(botapi, chat, "I'm having trouble right now")
    botapi.send_text(chat, "second")
    wait_until(lambda: len(texts_to(botapi, chat)) >= 2, what="a second trouble message")
    assert rasa.messages_from(sender) == []
    del script.down[sender]
    wait_for_text(botapi, chat, "You said: second")
    assert rasa.messages_from(sender) == [f"first, about {SECRET_WORDS}", "second"]
    after = texts_to(botapi, chat)[2:]
    assert after[0].startswith("Thanks for waiting")
    assert after[1:] == [f"You said: first, about {SECRET_WORDS}", "You said: second"]


def test_an_empty_rasa_reply_is_retried(bot, botapi, rasa, script, chat) -> None:
    script.empty[str(chat)] = 1
    botapi.send_text(chat, "are you there")
    wait_for_text(botapi, chat, "You said: are you there")
    assert texts_to(botapi, chat)[0].startswith("I'm having trouble")


def test_stop_pauses_even_when_rasa_says_nothing(bot, botapi, rasa, chat) -> None:
    botapi.send_text(chat, "/stop")
    wait_for_text(botapi, chat, "Everything you've told me is saved")
    assert rasa.messages_from(str(chat)) == ["/stop"]
    assert texts_to(botapi, chat) == [responses.text("utter_pause")], "Rasa's words, so both say 'say hi'"


def test_help_stickers_edits_and_unknown_commands_get_kind_replies(bot, botapi, rasa, chat) -> None:
    botapi.send_text(chat, "/help")
    wait_for_text(botapi, chat, "computer program, not a person")
    botapi.send_sticker(chat)
    wait_for_text(botapi, chat, "I can only read text")
    botapi.edit_text(chat, 1, "changed my mind")
    wait_for_text(botapi, chat, "I saw you changed a message")
    botapi.send_text(chat, "/frobnicate")
    wait_for_text(botapi, chat, "I don't know that command")
    botapi.send_text(-chat, "hello group", chat_type="group")
    wait_for_text(botapi, -chat, "I only talk in private chats")
    assert rasa.messages_from(str(chat)) == [] and rasa.messages_from(str(-chat)) == []


def _seed_plan(files: Path, sender: str) -> int:
    store = Store(f"sqlite:///{files / 'careplan.db'}")
    plan_id = store.new_plan(sender, recorded_by_role="self", preferred_name="Sam")
    store.record_answer(plan_id, "what_matters", "Walking my dog <Rex> & seeing friends")
    store.add_goal(plan_id, "Walk to the park & back", "Walk to the park", "mobility")
    return plan_id


def test_summary_mydata_and_delete(bot, botapi, files, chat) -> None:
    sender = str(chat)
    botapi.send_text(chat, "/summary")
    wait_for_text(botapi, chat, "You don't have a draft plan yet")
    _seed_plan(files, sender)

    botapi.send_text(chat, "/summary")
    texts = wait_for_text(botapi, chat, "Walk to the park & back")
    assert "Your draft plan" in texts[-1]

    botapi.send_text(chat, "/mydata")
    [document] = wait_until(lambda: botapi.calls("sendDocument", chat), what="the data file")
    filename, content = document.files["document"]
    assert filename.endswith(".json")
    data = json.loads(content)
    assert data[0]["sender"] == sender
    assert data[0]["goals"][0]["text"] == "Walk to the park & back"

    botapi.send_text(chat, "/delete")
    ask = wait_until(lambda: [c for c in botapi.sent(chat) if c.buttons], what="the delete question")[-1]
    assert Store(f"sqlite:///{files / 'careplan.db'}").plans_for_sender(sender), "nothing is deleted yet"
    yes = next(b for b in ask.buttons if b["text"].startswith("Yes"))
    botapi.press(chat, botapi.message_id_of(ask), yes["callback_data"])
    done = wait_for_text(botapi, chat, "Everything I had stored about you is deleted")[-1]
    assert Store(f"sqlite:///{files / 'careplan.db'}").export_sender(sender) == []
    shown = [botapi.message_id_of(c) for c in botapi.sent(chat)[:-1]]
    assert shown and not any(botapi.exists(m) for m in shown), "the bot's messages are gone from the chat"
    assert botapi.deleted > set(shown), "and so are the person's own (/summary, /mydata, /delete)"
    assert "I've also deleted our messages in this chat" in done
    assert "more than 2 days old" not in done, "nothing was too old to delete"

    botapi.send_text(chat, "/mydata")
    wait_for_text(botapi, chat, "I don't have anything stored about you")


def test_delete_can_be_cancelled(bot, botapi, files, chat) -> None:
    _seed_plan(files, str(chat))
    botapi.send_text(chat, "/delete")
    ask = wait_until(lambda: [c for c in botapi.sent(chat) if c.buttons], what="the delete question")[-1]
    no = next(b for b in ask.buttons if b["text"].startswith("No"))
    botapi.press(chat, botapi.message_id_of(ask), no["callback_data"])
    wait_for_text(botapi, chat, "nothing was deleted")
    assert Store(f"sqlite:///{files / 'careplan.db'}").plans_for_sender(str(chat))


def test_the_queue_file_is_private(bot, files) -> None:
    mode = stat.S_IMODE((files / "queue.db").stat().st_mode)
    assert mode == 0o600


def test_a_queued_message_survives_a_bot_restart(own_botapi, tmp_path) -> None:
    """Rasa is down, the bot is restarted, Rasa comes back: the message still arrives."""
    botapi = own_botapi
    chat = next(_chat_ids)
    script = Script()
    script.down[str(chat)] = 502
    rasa = RasaStandIn(script).start()
    env = bot_env(botapi, rasa.url, tmp_path)
    first = BotProcess(env, tmp_path / "bot1.log").start()
    try:
        botapi.send_text(chat, "please keep this")
        wait_for_text(botapi, chat, "I'm having trouble")
    finally:
        assert first.stop() == 0
    with sqlite3.connect(tmp_path / "queue.db") as db:
        assert db.execute("SELECT COUNT(*) FROM pending").fetchone()[0] == 1
    del script.down[str(chat)]
    second = BotProcess(env, tmp_path / "bot2.log").start()
    try:
        wait_for_text(botapi, chat, "You said: please keep this")
        assert rasa.messages_from(str(chat)) == ["please keep this"]
    finally:
        second.stop()
        rasa.stop()


def test_webhook_mode(own_botapi, tmp_path) -> None:
    """With TELEGRAM_WEBHOOK_URL set, updates arrive by POST (with the secret) instead of polling."""
    botapi = own_botapi
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    chat = next(_chat_ids)
    rasa = RasaStandIn(Script()).start()
    env = bot_env(botapi, rasa.url, tmp_path)
    env |= {
        "TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
        "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1",
        "TELEGRAM_WEBHOOK_PORT": str(port),
        "TELEGRAM_WEBHOOK_SECRET": "s3cret-value",
    }
    before = len(botapi.calls("setWebhook"))
    process = BotProcess(env, tmp_path / "bot.log").start()
    try:
        wait_until(lambda: len(botapi.calls("setWebhook")) > before, what="setWebhook")
        hook = botapi.calls("setWebhook")[-1].params
        assert hook["url"] == f"http://127.0.0.1:{port}/hook"
        assert hook["secret_token"] == "s3cret-value"
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": chat, "type": "private"},
                "from": {"id": chat, "is_bot": False, "first_name": "T"},
                "text": "hello by webhook",
            },
        }

        def post(secret: str) -> int:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/hook",
                data=json.dumps(update).encode(),
                headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret},
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return response.status
            except urllib.error.HTTPError as error:
                return error.code

        assert post("wrong") == 403
        assert post("s3cret-value") == 200
        wait_for_text(botapi, chat, "You said: hello by webhook")
    finally:
        assert process.stop() == 0
        rasa.stop()


def test_without_a_token_it_says_what_to_do(tmp_path) -> None:
    process = BotProcess({"TELEGRAM_BOT_TOKEN": ""}, tmp_path / "bot.log").start()
    wait_until(lambda: not process.running, what="the bot to exit")
    assert process.stop() == 2
    assert "TELEGRAM_BOT_TOKEN is not set" in process.log()


def test_summary_when_the_care_plan_database_is_away(own_botapi, tmp_path) -> None:
    botapi = own_botapi
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database folder should be")
    env = bot_env(botapi, "http://127.0.0.1:9", tmp_path)
    env["DATABASE_URL"] = f"sqlite:///{blocker / 'careplan.db'}"
    process = BotProcess(env, tmp_path / "bot.log").start()
    chat = next(_chat_ids)
    try:
        botapi.send_text(chat, "/summary")
        wait_for_text(botapi, chat, "I can't reach your plan right now")
        botapi.send_text(chat, "/help")
        wait_for_text(botapi, chat, "computer program")
    finally:
        assert process.stop() == 0


def test_a_token_telegram_rejects_is_reported_plainly(own_botapi, tmp_path) -> None:
    env = bot_env(own_botapi, "http://127.0.0.1:9", tmp_path) | {"TELEGRAM_BOT_TOKEN": REJECTED_TOKEN}
    process = BotProcess(env, tmp_path / "bot.log").start()
    wait_until(lambda: not process.running, what="the bot to exit")
    assert process.stop() == 2
    last_line = process.log().rstrip().splitlines()[-1]
    assert last_line == "Telegram did not accept TELEGRAM_BOT_TOKEN. Check it with @BotFather."


# -- issue 15 ------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_rasa_refusing_connections_doesnt_jam_the_chat(own_botapi, tmp_path) -> None:
    """Connection refused: kind word, the retry loop keeps going, and it all arrives once Rasa is up."""
    botapi = own_botapi
    port = free_port()  # nothing listens here yet: connection refused
    chat = next(_chat_ids)
    process = BotProcess(bot_env(botapi, f"http://127.0.0.1:{port}", tmp_path), tmp_path / "bot.log").start()
    rasa = None
    try:
        botapi.send_text(chat, "hello while Rasa is away")
        wait_for_text(botapi, chat, "I'm having trouble")
        time.sleep(3)  # several passes of the retry loop against a refused connection
        rasa = RasaStandIn(Script(), port=port).start()
        wait_for_text(botapi, chat, "You said: hello while Rasa is away")
        botapi.send_text(chat, "and now")
        wait_for_text(botapi, chat, "You said: and now")
    finally:
        started = time.monotonic()
        assert process.stop(timeout=10) == 0, "SIGTERM ends the bot cleanly"
        assert time.monotonic() - started < 10
        if rasa is not None:
            rasa.stop()


@pytest.mark.parametrize("rasa_state", ["refused", "slow", "down"])
def test_shutdown_is_quick_whatever_rasa_is_doing(own_botapi, tmp_path, rasa_state) -> None:
    botapi = own_botapi
    chat = next(_chat_ids)
    script = Script()
    script.down[str(chat)] = 503
    rasa = None if rasa_state == "refused" else RasaStandIn(script).start()
    if rasa is not None and rasa_state == "slow":
        script.down.clear()
        rasa.delay = 60.0
    url = rasa.url if rasa is not None else f"http://127.0.0.1:{free_port()}"
    process = BotProcess(bot_env(botapi, url, tmp_path), tmp_path / "bot.log").start()
    try:
        wait_until(lambda: botapi.calls("getUpdates"), what="the bot to start polling")
        botapi.send_text(chat, "are you there")
        wait_until(lambda: botapi.calls("sendChatAction", chat), what="the bot to be waiting for Rasa")
    finally:
        started = time.monotonic()
        code = process.stop(timeout=10)
        took = time.monotonic() - started
        if rasa is not None:
            rasa.stop()
    assert code == 0 and took < 10, f"stopped with {code} after {took:.1f} s"
    with sqlite3.connect(tmp_path / "queue.db") as db:
        assert db.execute("SELECT COUNT(*) FROM pending").fetchone()[0] == 1, "the message is kept"


def test_a_quick_second_message_joins_the_first(own_botapi, tmp_path) -> None:
    """Sent back to back, the two halves are one answer: Rasa gets both, nothing is lost."""
    botapi = own_botapi
    chat = next(_chat_ids)
    rasa = RasaStandIn(Script()).start()
    env = bot_env(botapi, rasa.url, tmp_path) | {"BOT_JOIN_SECONDS": "1.5"}
    process = BotProcess(env, tmp_path / "bot.log").start()
    try:
        wait_until(lambda: botapi.calls("getUpdates"), what="the bot to start polling")
        botapi.send_text(chat, "A commode upstairs")
        botapi.send_text(chat, "and advice on when to take my water tablet")
        wait_for_text(botapi, chat, "You said:")
        time.sleep(2)  # room for a wrong second turn to show up
        joined = "A commode upstairs\nand advice on when to take my water tablet"
        assert rasa.messages_from(str(chat)) == [joined]
        assert texts_to(botapi, chat) == [f"You said: {joined}"]
    finally:
        process.stop()
        rasa.stop()


def test_a_long_telegram_outage_loses_no_reply(bot, botapi, rasa, chat) -> None:
    """Telegram fails every send for longer than the retries inside one call: the reply waits, then goes."""
    botapi.fail_next("sendMessage", times=8, retry_after=None)
    botapi.send_text(chat, "my answer during the outage")
    wait_for_text(botapi, chat, "You said: my answer during the outage")
    assert rasa.messages_from(str(chat)) == ["my answer during the outage"], "Rasa got it once"
    assert texts_to(botapi, chat) == ["You said: my answer during the outage"], "no 'went wrong'"


def test_polling_network_errors_are_logged_cleanly(bot, botapi) -> None:
    botapi.fail_next("getUpdates", times=2, retry_after=None)
    wait_until(lambda: "Can't reach Telegram to fetch messages" in bot.log(), what="the log line")
    assert "NoneType: None" not in bot.log()


def test_captions_count_as_text_and_voice_gets_a_kind_reply(bot, botapi, rasa, chat) -> None:
    botapi.send_photo(chat, caption="crushing chest pain right now")
    wait_for_text(botapi, chat, "You said: crushing chest pain right now")
    assert rasa.messages_from(str(chat)) == ["crushing chest pain right now"], "Rasa runs its checks on it"
    botapi.send_photo(chat)
    wait_for_text(botapi, chat, "I can only read text")
    botapi.send_voice(chat)
    wait_for_text(botapi, chat, "I can't listen to voice notes")
    assert rasa.messages_from(str(chat)) == ["crushing chest pain right now"]


def test_an_edit_with_a_red_flag_gets_help_and_is_recorded(bot, botapi, rasa, files, chat) -> None:
    plan_id = _seed_plan(files, str(chat))
    botapi.edit_text(chat, 1, "I have taken all my tablets at once")
    said = wait_for_text(botapi, chat, "call 999")
    assert responses.text("utter_red_flag_emergency") in said
    assert responses.text("utter_red_flag_crisis") in said
    flags = Store(f"sqlite:///{files / 'careplan.db'}").export(plan_id)["flags"]
    assert {f["kind"] for f in flags} == {"emergency", "crisis"}
    assert rasa.messages_from(str(chat)) == [], "never stored as a new answer"


def test_a_five_text_greeting_is_one_message(bot, botapi, rasa, chat) -> None:
    botapi.send_text(chat, "five texts please")
    [message] = botapi.wait_for_messages(chat, 1)
    time.sleep(1)
    assert len(botapi.sent(chat)) == 1
    assert message.visible_text.count("Part") == 5 and [b["text"] for b in message.buttons] == ["Go on"]


def test_help_asks_the_pending_question_again(bot, botapi, rasa, chat) -> None:
    botapi.send_text(chat, "/start")
    [question] = botapi.wait_for_messages(chat, 1)
    botapi.send_text(chat, "/help")
    texts = wait_for_text(botapi, chat, "Back to where we were")
    assert "computer program, not a person" in texts[1]
    again = botapi.sent(chat)[-1]
    assert "Who is this plan for?" in again.visible_text
    assert [b["text"] for b in again.buttons] == ["Me", "Someone I care for"]
    assert "reply_markup" not in botapi.message(botapi.message_id_of(question)), "one live set of buttons"
    botapi.press(chat, botapi.message_id_of(again), again.buttons[0]["callback_data"])
    wait_for_text(botapi, chat, "You said: /choose_role")


def test_long_goal_buttons_are_shortened_on_the_button_only(bot, botapi, rasa, chat) -> None:
    botapi.send_text(chat, "long goals please")
    [question] = botapi.wait_for_messages(chat, 1)
    label = question.buttons[0]["text"]
    assert len(label) <= 40 and label.endswith("…")
    botapi.press(chat, botapi.message_id_of(question), question.buttons[0]["callback_data"])
    wait_for_text(botapi, chat, "You said: /choose_goal")
    assert f"You chose: {LONG_GOAL}" in botapi.message(botapi.message_id_of(question))["text"]


def test_an_old_delete_button_has_expired(bot, botapi, files, chat) -> None:
    """A "Yes, delete everything" from before a new plan was started deletes nothing."""
    sender = str(chat)
    store = Store(f"sqlite:///{files / 'careplan.db'}")
    botapi.send_text(chat, "/delete")
    ask = wait_until(lambda: [c for c in botapi.sent(chat) if c.buttons], what="the delete question")[-1]
    _seed_plan(files, sender)  # a new plan, started after the question was asked
    yes = next(b for b in ask.buttons if b["text"].startswith("Yes"))
    query = botapi.press(chat, botapi.message_id_of(ask), yes["callback_data"])
    toast = wait_until(lambda: answer_to(botapi, query), what="the toast")
    assert "expired" in toast.params["text"]
    assert store.plans_for_sender(sender), "the new plan is kept"

    botapi.send_text(chat, "/delete")
    botapi.send_text(chat, "/delete")
    first, second = wait_until(
        lambda: len(asks := [c for c in botapi.sent(chat) if c.buttons]) >= 3 and asks[1:], what="two asks"
    )
    older_yes = next(b for b in first.buttons if b["text"].startswith("Yes"))
    query = botapi.press(chat, botapi.message_id_of(first), older_yes["callback_data"])
    wait_until(lambda: answer_to(botapi, query), what="the toast")
    assert store.plans_for_sender(sender), "only the newest question counts"
    assert not any("deleted" in t for t in texts_to(botapi, chat))
