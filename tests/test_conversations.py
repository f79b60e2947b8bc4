"""Every conversation in tests/conversations/ played against the real stack over REST,
then the stored plan checked (bench/conversations.py describes the format)."""

from __future__ import annotations

from typing import Any

import pytest

from bench.conversations import Conversation, all_conversations, play

from stack import Stack

CONVERSATIONS = all_conversations()
# Development conversations the bot doesn't get through yet, and why (last full run,
# 2026-12-04). Not strict: some may pass after later fixes; docs/conversation-quality.md
# keeps the count. A conversation not listed here must pass.
NOT_YET: dict[str, str] = {
    # Blind set 16, retired in session 33: each one's first problem at session 32's end (3737153).
    "set16_02_gary_for_den": '"yes please" (turn 28, after his own needs) gets "What would help?", not the '
    "council's carer support",
    "set16_03_leanne_for_alfie": "Alfie's date of birth (3 April 2019) is not stored",
    "set16_04_priya": '"no not yet" (turn 18) gets "Who helps you?" (its writer expected the end: "saved")',
    "set16_05_maureen": "\"oh and it's not the nurse, it's the pharmacist at the surgery\" changes the "
    "date to today, not who the appointment is with",
    "set16_06_dev": '"why do you need my date of birth?" (at the read-back) is answered with why the '
    "read-back is shown",
    "set16_07_geoff_for_jean": '"get out in the garden on her own" (a goal) at "Does Jean know you\'re '
    'doing this for her?" gets "Sorry, I didn\'t catch that"',
    "set16_09_jordan": '"play 90 mins again" (his goal) gets "What would you like to be able to do?" again',
}


def play_over_rest(stack: Stack, sender: str, conversation: Conversation) -> list[str]:
    def plan() -> dict[str, Any] | None:
        plan_id = stack.store.latest_plan_id(sender)
        return None if plan_id is None else stack.store.export(plan_id)

    return play(lambda message: stack.say(sender, message), conversation, plan)


@pytest.mark.parametrize(
    "conversation",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason=NOT_YET[c.name], strict=False))
        if c.name in NOT_YET
        else c
        for c in CONVERSATIONS
    ],
    ids=[c.name for c in CONVERSATIONS],
)
def test_conversation(stack: Stack, conversation: Conversation) -> None:
    problems = play_over_rest(stack, f"script-{conversation.name}", conversation)
    assert not problems, f"{conversation.title} ({conversation.person}):\n" + "\n".join(problems)
