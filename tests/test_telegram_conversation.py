"""The conversation on Telegram, end to end: the real bot (``python -m bot``)
talks to the Bot API stand-in on one side and the real Rasa and action
servers (``tests/stack.py``) on the other.

The dialogue's wording belongs to the Rasa side and may change, so the person
here answers by looking at the latest question (buttons, or a few words in it),
and the checks look at what reached the database and what the person saw.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from botapi_standin import BotApiStandIn, BotProcess, Call, wait_until
from stack import Stack

TRICKY = "My garden <b>roses</b> & *tea* with_friends, 2 < 3"
GOAL = "walk to the <shop> & back *3* times_a_week."
LONG_GOAL = GOAL + " I used to walk there every morning with my dog, and I want to do that again." * 50
ANSWERS = [  # (words in the bot's question, what the person types)
    ("call you", "Sam"),
    ("appointment with", "Dr Patel at the surgery"),
    ("when is it", "next Tuesday"),
    ("appointment for", "my knees"),
    ("matters most", TRICKY),
    ("good day", "a walk and a cup of tea with friends"),
    ("enjoy", "gardening and crosswords"),
    ("like to be able to do", LONG_GOAL[:3990]),
    ("why does that matter", "it keeps me going"),
    ("gets in the way", "my knees"),
    ("what would help", "a better walking stick"),
    ("good at", "I don't give up"),
    ("who helps", "my daughter"),
    ("worrying", "my knees getting worse"),
    ("one thing", "1"),
    ("questions for", "no"),
]
BUTTONS = ["let's start", "for me", "no, that's all", "that's right", "share it"]


def chat_id() -> int:
    return random.randint(10**9, 2 * 10**9)  # noqa: S311 - a test id, not a secret


class Person:
    """Someone on Telegram: sends, presses, and reads the bot's replies turn by turn."""

    def __init__(self, botapi: BotApiStandIn, chat: int) -> None:
        self.botapi = botapi
        self.chat = chat
        self.seen = 0

    def say(self, text: str) -> list[Call]:
        self.botapi.send_text(self.chat, text)
        return self.next_turn()

    def press(self, message: Call, title_part: str, wait: bool = True) -> list[Call]:
        button = next(b for b in message.buttons if title_part.lower() in b["text"].lower())
        self.botapi.press(self.chat, self.botapi.message_id_of(message), button["callback_data"])
        return self.next_turn() if wait else []

    def next_turn(self, until: str | None = None) -> list[Call]:
        """The bot's new messages, once the last one asks something (or contains ``until``)."""

        def done() -> list[Call] | None:
            new = self.botapi.sent(self.chat)[self.seen :]
            if not new:
                return None
            last = new[-1]
            if until is not None:
                return new if any(until in m.visible_text for m in new) else None
            return new if last.buttons or "?" in last.visible_text else None

        new = wait_until(done, what=f"the bot's reply in chat {self.chat}")
        self.seen += len(new)
        return new


def answer_for(question: str) -> str:
    lowered = question.lower()
    return next((reply for words, reply in ANSWERS if words in lowered), "I'm not sure")


def pick_button(message: Call) -> str:
    titles = [b["text"].lower() for b in message.buttons]
    return next((want for want in BUTTONS if any(want in t for t in titles)), titles[0])


@pytest.fixture(scope="module")
def botapi() -> Iterator[BotApiStandIn]:
    api = BotApiStandIn().start()
    yield api
    api.stop()


def bot_env(botapi: BotApiStandIn, stack: Stack, folder: Path) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": "987654:E2E-token",
        "TELEGRAM_BASE_URL": botapi.base_url,
        "RASA_URL": stack.rasa_url,
        "DATABASE_URL": stack.database_url,
        "TRACKER_DB_URL": stack.tracker_url,
        "BOT_QUEUE_PATH": str(folder / "queue.db"),
        "BOT_RETRY_SECONDS": "1",
    }


@pytest.fixture(scope="module")
def bot(
    botapi: BotApiStandIn, stack: Stack, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotProcess]:
    folder = tmp_path_factory.mktemp("telegram_e2e")
    process = BotProcess(bot_env(botapi, stack, folder), folder / "bot.log").start()
    wait_until(lambda: botapi.calls("getUpdates"), what="the bot to start polling")
    yield process
    process.stop()
    log = process.log()
    assert "Bartholomew" not in log and "roses" not in log, "the bot logged what a person wrote"


def tracker_events(stack: Stack, sender: str) -> int:
    path = stack.tracker_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


def test_a_whole_conversation_on_telegram(bot: BotProcess, botapi: BotApiStandIn, stack: Stack) -> None:
    chat = chat_id()
    sender = str(chat)
    person = Person(botapi, chat)
    turn = person.say("/start")
    assert turn[-1].buttons, "the first question comes with buttons"
    readback: list[Call] = []
    pressed = 0
    for _ in range(60):
        last = turn[-1]
        if last.buttons and any(GOAL in m.visible_text for m in turn):
            readback = turn  # the read-back: the goal in the person's words, then a choice
        if not last.buttons:
            turn = person.say(answer_for(last.visible_text))
            continue
        choice = pick_button(last)
        if choice == "share it":
            person.press(last, choice, wait=False)
            break
        if pressed == 1:  # one reply meets a flood-controlled Telegram (429) and still arrives
            botapi.fail_next("sendMessage", times=1, retry_after=1)
        turn = person.press(last, choice)
        pressed += 1
    else:
        pytest.fail("the conversation did not reach the sharing question")
    wait_until(lambda: stack.export(sender)["status"] == "completed", what="the plan to be completed")
    wait_until(lambda: len(botapi.sent(chat)) > person.seen, what="the closing message")
    # The plan has an appointment date ("next Tuesday"), so the bot offers a reminder the day before.
    offer = next(m for m in person.next_turn(until="reminder the day before") if m.buttons)
    person.press(offer, "yes, remind me", wait=False)
    person.next_turn(until="I'll send you a reminder on")

    plan = stack.export(sender)
    assert plan["status"] == "completed" and plan["shared"] is True
    assert plan["subject"]["preferred_name"] == "Sam"
    assert plan["life"]["what_matters"] == TRICKY, "HTML and Markdown characters reach Rasa intact"
    assert plan["goals"][0]["text"] == LONG_GOAL[:3990]
    assert pressed >= 4, "buttons were pressed along the way"
    assert [c for c in botapi.calls("sendMessage", chat, ok=False) if c.status == 429], "a 429 was met"
    assert botapi.calls("answerCallbackQuery") and botapi.calls("sendChatAction", chat)

    # The read-back was longer than one Telegram message: split, nothing lost, buttons at the end.
    assert len(readback) >= 2, "the read-back came in several messages"
    assert all(len(m.visible_text) <= 4096 for m in readback)
    shown = "\n".join(m.visible_text for m in readback)
    assert GOAL in shown
    assert readback[-1].buttons and not any(m.buttons for m in readback[:-1])
    # Every keyboard shown was closed once used or passed.
    open_keyboards = [
        botapi.message(botapi.message_id_of(m))
        for m in botapi.sent(chat)
        if m.buttons and "reply_markup" in botapi.message(botapi.message_id_of(m))
    ]
    assert open_keyboards == []


def test_summary_mydata_and_delete_with_the_real_stack(bot, botapi: BotApiStandIn, stack: Stack) -> None:
    chat = chat_id()
    sender = str(chat)
    person = Person(botapi, chat)
    turn = person.say("/start")
    turn = person.press(turn[-1], pick_button(turn[-1]))
    turn = person.press(turn[-1], "for me")
    person.say("Sam")
    person.say("Dr Patel")
    person.say("next Tuesday")
    person.say("my knees")
    person.say(f"{TRICKY} and my neighbour Bartholomew")
    person.say("a walk")
    # /stop pauses; /start picks up at the same question.
    botapi.send_text(chat, "/stop")
    wait_until(lambda: len(botapi.sent(chat)) > person.seen, what="a reply to /stop")
    assert botapi.calls("sendMessage", chat)[-1].visible_text, "the pause is confirmed"
    resumed = person.say("/start")
    assert answer_for(resumed[-1].visible_text) == "gardening and crosswords", "back at the same question"
    person.say("crosswords")
    person.say(LONG_GOAL[:3990])
    assert stack.export(sender)["goals"], "the goal is stored as soon as it is given"

    botapi.send_text(chat, "/summary")
    summary = person.next_turn(until="Shared with your care team")
    assert all(len(m.visible_text) <= 4096 for m in summary)
    shown = "\n".join(m.visible_text for m in summary)
    assert "Your draft plan" in shown and GOAL in shown

    botapi.send_text(chat, "/mydata")
    [document] = wait_until(lambda: botapi.calls("sendDocument", chat), what="the data file")
    data = json.loads(document.files["document"][1])
    assert [plan["sender"] for plan in data] == [sender]
    assert data[0]["life"]["what_matters"] == f"{TRICKY} and my neighbour Bartholomew"
    assert data[0]["goals"][0]["text"] == LONG_GOAL[:3990]

    assert tracker_events(stack, sender) > 0
    botapi.send_text(chat, "/delete")
    [ask] = person.next_turn()
    assert stack.store.plans_for_sender(sender), "nothing is deleted before the person confirms"
    person.press(ask, "yes", wait=False)
    person.next_turn(until="deleted")
    exported = stack.careplan("export", "--sender", sender)
    assert exported.returncode != 0 and "No care plan found" in exported.stderr
    assert tracker_events(stack, sender) == 0, "Rasa's copy of the conversation is erased too"

    botapi.send_text(chat, "/start")
    fresh = person.next_turn()
    assert fresh[-1].buttons, "after deleting, /start begins again"


def test_rasa_stopped_mid_conversation_loses_nothing(make_stack, tmp_path: Path) -> None:
    """Rasa goes away after a question; the answer waits in the bot's queue until Rasa is back."""
    stack = make_stack().start()
    botapi = BotApiStandIn().start()
    process = BotProcess(bot_env(botapi, stack, tmp_path), tmp_path / "bot.log").start()
    chat = chat_id()
    sender = str(chat)
    person = Person(botapi, chat)
    try:
        turn = person.say("/start")
        turn = person.press(turn[-1], pick_button(turn[-1]))
        turn = person.press(turn[-1], "for me")
        assert answer_for(turn[-1].visible_text) == "Sam", "the bot asks for a name next"

        stack.stop_rasa()
        botapi.send_text(chat, "Sam")
        person.next_turn(until="I'm having trouble")
        assert stack.export(sender)["subject"]["preferred_name"] is None, "not stored yet: Rasa is away"

        stack.start_rasa()
        back = person.next_turn()
        assert back[0].visible_text.startswith("Thanks for waiting")
        assert answer_for(back[-1].visible_text) == "Dr Patel at the surgery", "the conversation moved on"
        assert stack.export(sender)["subject"]["preferred_name"] == "Sam"
        with sqlite3.connect(tmp_path / "queue.db") as db:
            assert db.execute("SELECT COUNT(*) FROM pending").fetchone()[0] == 0
    finally:
        assert process.stop() == 0
        botapi.stop()
        stack.stop()


def test_add_a_goal_at_the_read_back_asks_for_the_goal(bot, botapi: BotApiStandIn, stack: Stack) -> None:
    """[Add a goal] at the read-back asks for the new goal, then whether to share (issue 15, finding 4)."""
    chat = chat_id()
    sender = str(chat)
    person = Person(botapi, chat)
    turn = person.say("/start")
    for _ in range(60):
        last = turn[-1]
        if last.buttons and any("add a goal" in b["text"].lower() for b in last.buttons):
            break
        turn = (
            person.say(answer_for(last.visible_text))
            if not last.buttons
            else person.press(last, pick_button(last))
        )
    else:
        pytest.fail("the conversation did not reach the read-back")
    goals_before = len(stack.export(sender)["goals"])
    asked = person.press(turn[-1], "add a goal")
    assert "like to be able to do" in asked[-1].visible_text.lower(), "it asks for the new goal"
    turn = person.say("sleep through the night")
    for _ in range(10):  # the new goal's own questions, then the read-back again
        last = turn[-1]
        if last.buttons and any("that's right" in b["text"].lower() for b in last.buttons):
            break
        turn = (
            person.say(answer_for(last.visible_text))
            if not last.buttons
            else person.press(last, pick_button(last))
        )
    assert len(stack.export(sender)["goals"]) == goals_before + 1
    turn = person.press(turn[-1], "that's right")
    assert any("share" in b["text"].lower() for b in turn[-1].buttons), "it asks whether to share"
