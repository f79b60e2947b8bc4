"""Deleting everything from inside the chat, over REST ("delete everything", "forget me"):
asked first, then gone from the care-plan store and Rasa's tracker store, as /delete does
on Telegram. The welcome promises it; the second REST tester found it missing."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa
from test_safety_conversation import SELF_OPENING, open_plan

from faults_kit import WHAT_MATTERS_PROMPT
from stack import Stack

ASK = "delete everything you've told me"
DONE = "I've deleted everything you told me"


@pytest.fixture
def sender() -> str:
    return f"erase-{uuid.uuid4().hex[:10]}"


def tracker_rows(stack: Stack, sender: str, words: str) -> int:
    engine = sa.create_engine(stack.tracker_url)
    try:
        with engine.connect() as conn:
            query = sa.text("SELECT count(*) FROM events WHERE sender_id = :s AND data LIKE :w")
            return conn.execute(query, {"s": sender, "w": f"%{words}%"}).scalar_one()
    finally:
        engine.dispose()


def test_delete_everything_asks_then_erases_the_plan_and_the_chat(stack: Stack, sender: str) -> None:
    open_plan(stack, sender, SELF_OPENING, WHAT_MATTERS_PROMPT)
    stack.texts(sender, "my allotment and my grandson Alfie")
    assert stack.store.latest_plan_id(sender) is not None
    reply = stack.texts(sender, "actually i dont want this. please delete everything")
    assert ASK in reply and "didn't catch" not in reply, reply
    assert stack.store.latest_plan_id(sender) is not None  # nothing gone before the yes
    reply = stack.texts(sender, "yes")
    assert DONE in reply and "?" not in reply.split(DONE)[-1], reply  # no next question
    assert stack.store.latest_plan_id(sender) is None
    assert tracker_rows(stack, sender, "Alfie") == 0
    reply = stack.texts(sender, "hello")  # a fresh start, not the old conversation
    assert "Margaret" not in reply and "computer program" in reply, reply


def test_no_keeps_everything_and_the_question_comes_again(stack: Stack, sender: str) -> None:
    open_plan(stack, sender, SELF_OPENING, WHAT_MATTERS_PROMPT)
    stack.texts(sender, "my allotment")
    assert ASK in stack.texts(sender, "I want you to forget me")
    reply = stack.texts(sender, "no, keep it")
    assert "I haven't deleted anything" in reply, reply
    assert stack.export(sender)["life"]["what_matters"] == "my allotment"


def test_removing_one_goal_is_not_deleting_everything(stack: Stack, sender: str) -> None:
    open_plan(stack, sender, SELF_OPENING, WHAT_MATTERS_PROMPT)
    assert ASK not in stack.texts(sender, "delete the last question")
