"""The whole conversation over Rasa's REST channel, against the real servers,
checked against the rows in the real care-plan database."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bench.conversations import CONVERSATIONS, load_conversation
from careplan import clock

from stack import Stack

# The happy path is a conversation script (tests/conversations/self_happy_path.yml),
# played whole by tests/test_conversations.py; these tests use its first turns.
HAPPY_PATH = load_conversation(CONVERSATIONS / "self_happy_path.yml")
SELF_TURNS = [(step.say or "", step.expect[0]) for step in HAPPY_PATH.steps]


PRESS = "press button "


def talk(stack: Stack, sender: str, turns: list[tuple[str, str]]) -> None:
    """Send each message and check the reply. "press button N" sends the payload
    of the Nth button the bot offered last, as a tap would."""
    buttons: list[dict] = []
    for message, expected in turns:
        if message.startswith(PRESS):
            message = buttons[int(message.removeprefix(PRESS)) - 1]["payload"]
        said = stack.say(sender, message)
        buttons = [b for m in said for b in m.get("buttons") or []]
        replies = "\n".join(m.get("text", "") for m in said)
        assert expected.lower() in replies.lower(), (
            f"after {message!r} expected {expected!r}, got {replies!r}"
        )


def answers_by_key(plan: dict) -> dict[str, dict]:
    return {(a["question_key"], a["goal_id"]): a for a in plan["answers"]}


def test_each_answer_is_stored_the_moment_it_is_given(stack: Stack) -> None:
    sender = "e2e-self"
    talk(stack, sender, SELF_TURNS[:11])
    # Stored the moment it is given: the first goal is in the database already.
    early = stack.export(sender)
    assert [g["text"] for g in early["goals"]] == ["I want to work on my allotment again"]
    assert early["life"]["what_matters"] == "my family and my allotment"
    assert early["appointment"]["date"] == (clock.today() + timedelta(days=1)).isoformat()
    assert {g["expressed_by"] for g in early["goals"]} == {"self"}


def test_questions_help_skip_and_go_back_keep_the_place(stack: Stack) -> None:
    sender = "e2e-moves"
    talk(stack, sender, SELF_TURNS[:7])
    # A question mid-form is answered, then the same question comes again.
    replies = stack.texts(sender, "who will see my answers?")
    assert "care team" in replies and "What matters most to you" in replies
    replies = stack.texts(sender, "are you a real person?")
    assert "computer program" in replies and "What matters most to you" in replies
    replies = stack.texts(sender, "help")
    assert "skip" in replies and "What matters most to you" in replies
    # Skip: stored as skipped, and the next question comes.
    assert "good day" in stack.texts(sender, "skip")
    # Go back: the previous question again, and the new answer replaces the old.
    assert "What matters most to you" in stack.texts(sender, "go back")
    assert "good day" in stack.texts(sender, "my grandchildren")
    plan = stack.export(sender)
    stored = answers_by_key(plan)
    assert stored[("what_matters", None)]["text"] == "my grandchildren"
    assert stored[("what_matters", None)]["skipped"] is False
    assert not any(a["question_key"] == "help" for a in plan["answers"])


def test_stop_and_come_back_later_resumes_at_the_same_question(stack: Stack) -> None:
    sender = "e2e-pause"
    talk(stack, sender, SELF_TURNS[:8])
    assert "saved" in stack.texts(sender, "I need to stop now")
    replies = stack.texts(sender, "hello")
    assert "Welcome back" in replies and "good day" in replies
    assert "enjoy" in stack.texts(sender, "pottering in the shed")
    assert stack.export(sender)["life"]["good_day"] == "pottering in the shed"


def test_start_again_clears_the_answers_after_a_yes(stack: Stack) -> None:
    sender = "e2e-again"
    talk(stack, sender, SELF_TURNS[:9])
    assert "start again from the beginning" in stack.texts(sender, "can we start again")
    assert "carry on" in stack.texts(sender, "/deny").lower()
    assert stack.export(sender)["life"]["what_matters"] == "my family and my allotment"
    stack.texts(sender, "start over please")
    replies = stack.texts(sender, "/affirm")
    assert "start again" in replies and "for you, or for someone you look after" in replies
    plan = stack.export(sender)
    assert plan["answers"] == [] and plan["goals"] == []


def test_saying_no_to_consent_stores_nothing(stack: Stack) -> None:
    sender = "e2e-no"
    stack.texts(sender, "hi")
    assert "haven't saved anything" in stack.texts(sender, "/deny")
    assert stack.store.plans_for_sender(sender) == []
    assert "happy to go on" in stack.texts(sender, "hi again")


def test_careplan_export_prints_the_plan_and_rejects_unknown_senders(stack: Stack) -> None:
    sender = "e2e-export"
    talk(stack, sender, SELF_TURNS[:12])
    result = stack.careplan("export", "--sender", sender, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["sender"] == sender
    assert data["recorded_by"]["role"] == "self"
    assert data["goals"][0]["text"] == "I want to work on my allotment again"
    assert set(data["goals"][0]) >= {
        "id",
        "title",
        "text",
        "domain",
        "priority",
        "status",
        "expressed_by",
        "created_at",
    }
    assert {a["question_key"] for a in data["answers"]} >= {"what_matters", "goal_text", "goal_why"}
    assert all(a["created_at"] for a in data["answers"])
    assert "flags" in data and "appointment" in data and "subject" in data

    missing = stack.careplan("export", "--sender", "nobody-at-all")
    assert missing.returncode != 0
    assert "No care plan found" in missing.stderr


@pytest.mark.parametrize("payload", ['/inform{"choice":"99999"}', "/nonsense_intent"])
def test_stale_or_unknown_buttons_get_a_kind_reply(stack: Stack, payload: str) -> None:
    sender = f"e2e-button-{abs(hash(payload))}"
    talk(stack, sender, SELF_TURNS[:7])
    replies = stack.texts(sender, payload)
    assert replies.strip(), "a reply is always sent"
    assert "What matters most to you" in replies


def test_off_topic_and_unclear_messages_after_the_plan_get_a_kind_way_back(stack: Stack) -> None:
    sender = "e2e-after"
    talk(stack, sender, SELF_TURNS[:3])
    assert "saved" in stack.texts(sender, "I have to go now")
    assert "can't help with that" in stack.texts(sender, "who won the football last night?")
    replies = stack.texts(sender, "zzzz qqq")
    assert "didn't quite follow" in replies and "call you" in replies
