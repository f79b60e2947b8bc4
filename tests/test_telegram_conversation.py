"""The conversation on Telegram, end to end: the real bot (``python -m bot``)
talks to the Bot API stand-in on one side and the real Rasa and action
servers (``tests/stack.py``) on the other.

The person plays the same conversation scripts as the REST tests and the
benchmark (``tests/conversations/*.yml``, read by ``bench/conversations.py``):
typed words go to the bot as Telegram messages, and a button is tapped on the
bot's last message (a callback query), as a person would. The checks are the
scripts' own (what the replies must and must not say, what the stored plan
holds), plus what only Telegram has: HTML characters, long messages split, a
429 met on the way, keyboards closed once used, reminders, /summary, /mydata
and /delete.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from bench.conversations import CONVERSATIONS, Conversation, Step, load_conversation, play
from bot.handlers import DELETE_PREFIX
from bot.relay import parse_button_data

from botapi_standin import BotApiStandIn, BotProcess, Call, wait_until
from stack import Stack

# The scripts played on Telegram: the two happy paths (everything in turn, with buttons),
# and messy ones where people type instead of tapping, ask why, correct themselves, or
# have an emergency mid-conversation. The rest are played over REST (test_conversations.py).
PLAYED = [
    "self_happy_path",
    "carer_happy_path",
    "messy_01_pat_all_at_once",  # typed "yes ok", "no", "yes" where there are buttons
    "messy_08_why_do_you_need",  # "why do you need to know that?" three times
    "messy_15_no_wait_wednesday_9th",  # corrects the date mid-form
    "messy_37_stroke_now",  # a red flag: 999, the form waits until she is back
]
BOT_COMMANDS = {"/start", "/help", "/stop", "/summary", "/mydata", "/delete", "/reminders"}
# Nothing more from the bot for this long, with nothing of the chat's left in its queue:
# the turn is over. (The "You chose" edit and the reminder offer come just after a reply.)
QUIET_SECONDS = 0.3

TRICKY = "My garden <b>roses</b> & *tea* with_friends, 2 < 3"
GOAL = "walk to the <shop> & back *3* times_a_week."
MORE = " I used to walk there every morning with my dog, and I want to do that again."
LONG_GOAL = (GOAL + MORE * 50)[:3990]


def chat_id() -> int:
    return random.randint(10**9, 2 * 10**9)  # noqa: S311 - a test id, not a secret


def script(name: str) -> Conversation:
    return load_conversation(CONVERSATIONS / f"{name}.yml")


class Person:
    """Someone on Telegram, as ``play()`` needs them: ``say(message)`` returns what
    they saw, as ``{"text", "buttons"}`` dicts like Rasa's REST channel.

    A message that a button on the bot's last message sends (a script's ``press: 2``,
    or a payload such as ``/affirm``) is a tap on that button; anything else is typed.
    The payloads behind the buttons are read from the bot's own file (a person sees
    only the titles), so a script's ``/affirm`` taps the button that sends it, and
    fails if no button does: on Telegram nobody can type it.
    """

    def __init__(self, botapi: BotApiStandIn, chat: int, queue: Path) -> None:
        self.botapi = botapi
        self.chat = chat
        self.queue = queue
        self.seen: set[int] = set()  # id() of the bot's calls already shown to the person
        self.keyboard: Call | None = None  # the bot's last message, if it had buttons

    def say(self, message: str) -> list[dict[str, Any]]:
        button = self._button_sending(message)
        if button is not None and self.keyboard is not None:
            self.botapi.press(self.chat, self.botapi.message_id_of(self.keyboard), button)
        elif message.startswith("/") and message.split()[0] not in BOT_COMMANDS:
            said = [self._seen_as(c)["text"][-200:] for c in self._shown() if id(c) in self.seen][-3:]
            raise AssertionError(f"no button on the bot's last message sends {message!r}; it said {said!r}")
        else:
            self.botapi.send_text(self.chat, message)
        return self.turn()

    def press(self, title_part: str) -> list[dict[str, Any]]:
        """Tap the button of the bot's last message whose title holds ``title_part``."""
        assert self.keyboard is not None, "the bot's last message has no buttons"
        data = next(
            b["callback_data"] for b in self.keyboard.buttons if title_part.lower() in b["text"].lower()
        )
        self.botapi.press(self.chat, self.botapi.message_id_of(self.keyboard), data)
        return self.turn()

    def turn(self, until: str | None = None) -> list[dict[str, Any]]:
        """What the bot shows next, once it has answered (and, with ``until``, said that)."""

        def over() -> list[Call] | None:
            new = [c for c in self._shown() if id(c) not in self.seen]
            sent = [c for c in new if c.method != "editMessageText"]
            if not sent or self._queued() or time.monotonic() - max(c.answered for c in new) < QUIET_SECONDS:
                return None
            if until is not None and not any(until in self._seen_as(c)["text"] for c in new):
                return None
            return new

        new = wait_until(over, what=f"the bot's reply in chat {self.chat}")
        self.seen.update(id(c) for c in new)
        # Edits change messages higher up; new messages come at the bottom, the last question last.
        new.sort(key=lambda c: c.method != "editMessageText")
        messages = [self._seen_as(c) for c in new]
        keyboards = [c for c in new if c.method == "sendMessage"]
        self.keyboard = keyboards[-1] if keyboards and keyboards[-1].buttons else None
        return messages

    # -- what the person sees ---------------------------------------------------------------
    def _shown(self) -> list[Call]:
        return [
            c
            for c in self.botapi.calls(chat_id=self.chat)
            if c.method in {"sendMessage", "sendDocument", "editMessageText"}
        ]

    def _seen_as(self, call: Call) -> dict[str, Any]:
        if call.method == "sendDocument":
            return {"text": f"[{call.files['document'][0]}] {call.visible_text}".strip()}
        if call.method == "editMessageText":  # only what the edit added ("You chose: ...")
            edited = int(call.params["message_id"])
            sent = next(c for c in self.botapi.sent(self.chat) if self.botapi.message_id_of(c) == edited)
            return {"text": call.visible_text.removeprefix(sent.visible_text).strip()}
        buttons = [{"title": b["text"], "payload": self._payload(b["callback_data"])} for b in call.buttons]
        return {"text": call.visible_text, "buttons": buttons}

    def _payload(self, data: str) -> str:
        """What the button sends: Rasa's payload from the bot's file, or (for the bot's own
        buttons, such as /delete's) the button's data itself."""
        parsed = parse_button_data(data)
        if parsed is None:
            return data
        with closing(sqlite3.connect(self.queue, timeout=10)) as db:
            row = db.execute("SELECT buttons FROM keyboards WHERE id = ?", (parsed[0],)).fetchone()
        return json.loads(row[0])[parsed[1]][1] if row else data

    def _button_sending(self, message: str) -> str | None:
        if self.keyboard is None:
            return None
        return next(
            (
                b["callback_data"]
                for b in self.keyboard.buttons
                if self._payload(b["callback_data"]) == message
            ),
            None,
        )

    def _queued(self) -> bool:
        """Whether the bot still holds something of this chat: a message for Rasa, or a reply."""
        with closing(sqlite3.connect(self.queue, timeout=10)) as db:
            return any(
                db.execute(f"SELECT 1 FROM {table} WHERE chat_id = ? LIMIT 1", (self.chat,)).fetchone()  # noqa: S608
                for table in ("pending", "outbox")
            )


def play_on_telegram(
    botapi: BotApiStandIn, stack: Stack, queue: Path, conversation: Conversation
) -> tuple[Person, list[str]]:
    chat = chat_id()
    person = Person(botapi, chat, queue)
    problems = play(person.say, conversation, lambda: stack.export(str(chat)))
    return person, problems


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
        # The person waits for each reply, so there is never a quick second message to join.
        "BOT_JOIN_SECONDS": "0.2",
    }


@pytest.fixture(scope="module")
def queue(botapi: BotApiStandIn, stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real bot, running for the module; yields the path of its queue file."""
    folder = tmp_path_factory.mktemp("telegram_e2e")
    process = BotProcess(bot_env(botapi, stack, folder), folder / "bot.log").start()
    wait_until(lambda: botapi.calls("getUpdates"), what="the bot to start polling")
    yield folder / "queue.db"
    process.stop()
    log = process.log()
    assert "Bartholomew" not in log and "roses" not in log, "the bot logged what a person wrote"


def tracker_events(stack: Stack, sender: str) -> int:
    path = stack.tracker_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


@pytest.mark.parametrize("name", PLAYED)
def test_a_conversation_script_on_telegram(
    name: str, queue: Path, botapi: BotApiStandIn, stack: Stack
) -> None:
    conversation = script(name)
    person, problems = play_on_telegram(botapi, stack, queue, conversation)
    assert not problems, f"{conversation.title} ({conversation.person}):\n" + "\n".join(problems)
    # Every keyboard shown was closed once used or passed, except the last message's.
    open_keyboards = [
        m
        for m in botapi.sent(person.chat)[:-1]
        if m.buttons and "reply_markup" in botapi.message(botapi.message_id_of(m))
    ]
    assert open_keyboards == []


def with_answers(conversation: Conversation, answers: dict[str, str]) -> Conversation:
    """The conversation with some typed answers changed (by the words they replace)."""
    steps = tuple(
        Step(say=answers.get(s.say or "", s.say), press=s.press, expect=s.expect, avoid=s.avoid)
        for s in conversation.steps
    )
    return Conversation(conversation.name, conversation.title, conversation.person, steps)


def test_html_characters_and_a_long_goal_on_telegram(
    queue: Path, botapi: BotApiStandIn, stack: Stack
) -> None:
    """Bill's conversation with HTML and Markdown characters, a goal too long for one
    read-back message, an appointment a week or so away (so a reminder is offered),
    and one reply that meets Telegram's flood control (429) on the way."""
    conversation = with_answers(
        script("self_happy_path"),
        {
            "tomorrow": "next Tuesday",
            "my family and my allotment": TRICKY,
            "walk the dog to the park and back": LONG_GOAL,
        },
    )
    read_back = next(n for n, s in enumerate(conversation.steps) if "Here is what I have so far" in s.expect)
    person, problems = play_on_telegram(botapi, stack, queue, conversation.first(read_back))
    assert not problems, "\n".join(problems)
    chat, sender = person.chat, str(person.chat)
    before_read_back = len(botapi.sent(chat))

    botapi.fail_next("sendMessage", times=1, retry_after=1)  # the read-back meets a flood-controlled Telegram
    rest = Conversation(conversation.name, "the rest", "", conversation.steps[read_back:])
    problems = play(person.say, rest, lambda: None)
    assert not problems, "\n".join(problems)
    assert [c for c in botapi.calls("sendMessage", chat, ok=False) if c.status == 429], "a 429 was met"

    plan = stack.export(sender)
    assert plan["status"] == "completed" and plan["shared"] is True
    assert plan["life"]["what_matters"] == TRICKY, "HTML and Markdown characters reach Rasa intact"
    assert LONG_GOAL in [g["text"] for g in plan["goals"]]

    # The read-back was longer than one Telegram message: split, nothing lost, buttons at the end.
    read_back_messages = botapi.sent(chat)[before_read_back:]
    read_back_messages = read_back_messages[
        : next(n for n, m in enumerate(read_back_messages) if m.buttons) + 1
    ]
    assert len(read_back_messages) >= 2, "the read-back came in several messages"
    assert all(len(m.visible_text) <= 4096 for m in read_back_messages)
    shown = "\n".join(m.visible_text for m in read_back_messages)
    assert GOAL in shown
    assert botapi.calls("answerCallbackQuery") and botapi.calls("sendChatAction", chat)

    # The plan has an appointment date ("next Tuesday"), so the bot offers a reminder the day
    # before: once the conversation is over, not between a question and its answer.
    # It comes after Rasa's turn, perhaps a moment after the turn looked over.
    if person.keyboard is None:
        person.turn(until="reminder the day before")
    *_, goodbye, offer = botapi.sent(chat)
    assert "shared your draft plan" in goodbye.visible_text
    assert offer is person.keyboard and "reminder the day before" in offer.visible_text
    assert sum("reminder the day before" in m.visible_text for m in botapi.sent(chat)) == 1
    person.press("yes, remind me")
    assert any("I'll send you a reminder on" in m.visible_text for m in botapi.sent(chat))


def test_summary_mydata_and_delete_with_the_real_stack(
    queue: Path, botapi: BotApiStandIn, stack: Stack
) -> None:
    person = Person(botapi, chat_id(), queue)
    chat, sender = person.chat, str(person.chat)
    start = script("self_happy_path").first(7)  # up to "what matters most to you?"
    assert not play(person.say, start, lambda: None)
    person.say(f"{TRICKY} and my neighbour Bartholomew")
    person.say("a walk")
    # /stop pauses; /start picks up at the same question.
    person.say("/stop")
    resumed = person.say("/start")
    assert "enjoy" in resumed[-1]["text"], "back at the same question"
    person.say("crosswords")
    person.say(LONG_GOAL)
    assert stack.export(sender)["goals"], "the goal is stored as soon as it is given"

    summary = person.say("/summary")
    shown = "\n".join(m["text"] for m in summary)
    assert all(len(m["text"]) <= 4096 for m in summary)
    assert "Your draft plan" in shown and GOAL in shown and "Shared with your care team" in shown

    assert person.say("/mydata")[0]["text"].startswith("[what-matters-my-data.json]")
    [document] = botapi.calls("sendDocument", chat)
    data = json.loads(document.files["document"][1])
    assert [plan["sender"] for plan in data] == [sender]
    assert data[0]["life"]["what_matters"] == f"{TRICKY} and my neighbour Bartholomew"
    assert data[0]["goals"][0]["text"] == LONG_GOAL

    assert tracker_events(stack, sender) > 0
    person.say("/delete")
    assert person.keyboard is not None, "it asks first, with buttons"
    assert stack.store.plans_for_sender(sender), "nothing is deleted before the person confirms"
    assert person.keyboard.buttons[0]["callback_data"].startswith(DELETE_PREFIX)
    person.press("yes")
    assert "deleted" in botapi.sent(chat)[-1].visible_text
    exported = stack.careplan("export", "--sender", sender)
    assert exported.returncode != 0 and "No care plan found" in exported.stderr
    assert tracker_events(stack, sender) == 0, "Rasa's copy of the conversation is erased too"

    fresh = person.say("/start")
    assert fresh[-1]["buttons"], "after deleting, /start begins again"


def test_rasa_stopped_mid_conversation_loses_nothing(make_stack, tmp_path: Path) -> None:
    """Rasa goes away after a question; the answer waits in the bot's queue until Rasa is back."""
    stack = make_stack().start()
    botapi = BotApiStandIn().start()
    process = BotProcess(bot_env(botapi, stack, tmp_path), tmp_path / "bot.log").start()
    person = Person(botapi, chat_id(), tmp_path / "queue.db")
    chat, sender = person.chat, str(person.chat)
    try:
        assert not play(person.say, script("self_happy_path").first(3), lambda: None)  # "call you?"

        stack.stop_rasa()
        botapi.send_text(chat, "Sam")
        wait_until(
            lambda: any("I'm having trouble" in m.visible_text for m in botapi.sent(chat)), what="trouble"
        )
        assert stack.export(sender)["subject"]["preferred_name"] is None, "not stored yet: Rasa is away"

        stack.start_rasa()
        back = person.turn(until="appointment with")
        texts = [m["text"] for m in back]
        assert any(t.startswith("Thanks for waiting") for t in texts)
        assert "appointment with" in texts[-1], "the conversation moved on"
        assert stack.export(sender)["subject"]["preferred_name"] == "Sam"
        with sqlite3.connect(tmp_path / "queue.db") as db:
            assert db.execute("SELECT COUNT(*) FROM pending").fetchone()[0] == 0
    finally:
        assert process.stop() == 0
        botapi.stop()
        stack.stop()


def test_add_a_goal_at_the_read_back_asks_for_the_goal(
    queue: Path, botapi: BotApiStandIn, stack: Stack
) -> None:
    """[Add a goal] at the read-back asks for the new goal, then whether to share (issue 15, finding 4)."""
    conversation = script("self_happy_path")
    read_back = next(n for n, s in enumerate(conversation.steps) if "Here is what I have so far" in s.expect)
    person, problems = play_on_telegram(botapi, stack, queue, conversation.first(read_back + 1))
    assert not problems, "\n".join(problems)
    goals_before = len(stack.export(str(person.chat))["goals"])
    asked = person.press("add a goal")
    assert "like to be able to do" in asked[-1]["text"], "it asks for the new goal"
    new_goal = Conversation(
        "new_goal",
        "A third goal at the read-back",
        "Bill",
        (
            Step(say="sleep through the night", expect=("Why does that matter",)),
            Step(say="I'm tired all day", expect=("gets in the way",)),
            Step(say="my back", expect=("What would help",)),
            Step(say="a better mattress", expect=("Here is what I have so far",)),
        ),
    )
    problems = play(person.say, new_goal, lambda: None)
    assert not problems, "\n".join(problems)
    assert len(stack.export(str(person.chat))["goals"]) == goals_before + 1
    turn = person.press("that's right")
    assert any("share" in b["title"].lower() for b in turn[-1]["buttons"]), "it asks whether to share"
