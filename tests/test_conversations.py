"""Every conversation in tests/conversations/ played against the real stack over REST,
then the stored plan checked (bench/conversations.py describes the format)."""

from __future__ import annotations

import pytest

from bench.conversations import Conversation, all_conversations, export_problems

from stack import Stack

CONVERSATIONS = all_conversations()


def play(stack: Stack, sender: str, conversation: Conversation) -> list[str]:
    """Play a conversation; every way the bot's replies or the stored plan went wrong."""
    problems: list[str] = []
    buttons: list[dict] = []
    for number, step in enumerate(conversation.steps, start=1):
        said = stack.say(sender, step.message(buttons))
        buttons = [b for m in said for b in m.get("buttons") or []]
        replies = "\n".join(m.get("text", "") for m in said)
        problems += [
            f"turn {number} ({step.say or f'button {step.press}'!r}): {p}; the bot said {replies!r}"
            for p in step.problems(replies)
        ]
    if conversation.export:
        plan_id = stack.store.latest_plan_id(sender)
        if plan_id is None:
            return [*problems, "no plan was stored"]
        problems += export_problems(stack.store.export(plan_id), conversation.export)
    return problems


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=[c.name for c in CONVERSATIONS])
def test_conversation(stack: Stack, conversation: Conversation) -> None:
    problems = play(stack, f"script-{conversation.name}", conversation)
    assert not problems, f"{conversation.title} ({conversation.person}):\n" + "\n".join(problems)
