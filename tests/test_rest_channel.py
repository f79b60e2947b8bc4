"""The REST channel keeps messages while the action server is down, and hands
them over, in order, when it is back: the person is told, nothing is lost."""

from __future__ import annotations

import signal
import stat

from stack import Stack
from test_conversation_e2e import SELF_TURNS, talk


def test_answers_sent_while_the_action_server_is_down_are_kept_and_stored_later(make_stack) -> None:
    stack: Stack = make_stack().start()
    sender = "outage"
    talk(stack, sender, SELF_TURNS[:8])  # next question: a good day

    stack.stop_actions(signal.SIGKILL)
    replies = stack.texts(sender, "a cup of tea in the garden")
    assert "having trouble" in replies and "kept this message" in replies
    assert stack.export(sender)["life"]["good_day"] is None

    stack.start_actions()
    replies = stack.texts(sender, "hello? are you back?")
    assert "Thanks for waiting" in replies
    assert "What do you enjoy" in replies  # the kept answer moved the conversation on
    plan = stack.export(sender)
    assert plan["life"]["good_day"] == "a cup of tea in the garden"
    assert all(a["text"] != "hello? are you back?" for a in plan["answers"])

    # And the conversation simply carries on.
    assert "like to be able to do" in stack.texts(sender, "bowls on a Tuesday")
    assert stack.export(sender)["life"]["enjoys"] == "bowls on a Tuesday"


def test_a_conversation_survives_an_action_server_that_was_never_there(make_stack, tmp_path) -> None:
    """Even without the channel's guard (Rasa's own REST channel), failed actions must
    not leave the conversation stuck: Rasa's circuit breaker would stop it for good."""
    plain = tmp_path / "credentials.yml"
    plain.write_text("rest:\n")
    stack: Stack = make_stack(credentials=plain)
    stack.start_rasa()
    for _ in range(2):
        assert stack.say("never-there", "hi") == []
    stack.start_actions()
    assert "computer program" in stack.texts("never-there", "hi")
    assert "Circuit breaker" not in (stack.folder / "rasa.log").read_text()


def test_words_typed_after_a_slash_are_words_and_buttons_stay_buttons() -> None:
    from channels.rest import as_typed

    assert as_typed("/affirm") == "/affirm"
    assert as_typed('/inform{"choice":"agreed"}') == '/inform{"choice":"agreed"}'
    assert as_typed("/nonsense_intent") == "/nonsense_intent"  # a stale button: answered kindly
    assert as_typed("/my neighbour hits his wife") == "my neighbour hits his wife"
    assert as_typed("my knees / my hips") == "my knees / my hips"


def test_a_message_typed_after_a_slash_is_read_and_not_logged(stack: Stack) -> None:
    """Rasa reads "/..." as an intent and, when it doesn't parse, logs the line: the words."""
    sender = "slash-typed"
    talk(stack, sender, SELF_TURNS[:7])  # next question: what matters
    replies = stack.texts(sender, "/my son Rodney hits me when he has been drinking")
    assert "116 123" in replies or "safeguarding" in replies.lower() or "0808" in replies, replies
    assert [f["kind"] for f in stack.export(sender)["flags"]] == ["safeguarding"]
    log = stack.folder / "rasa.log"
    assert "Rodney" not in log.read_text(errors="replace")
    assert stat.S_IMODE(log.stat().st_mode) == 0o600  # and the log is its owner's only


def test_a_turn_with_no_reply_is_logged_by_its_intent_and_actions_never_its_words(
    tmp_path, monkeypatch
) -> None:
    import asyncio
    from types import SimpleNamespace

    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from channels.rest import CareRestInput

    monkeypatch.setenv("HELD_MESSAGES_PATH", str(tmp_path / "held.db"))
    words = "My nephew reckons the internet isn't safe."
    tracker = DialogueStateTracker.from_events(
        "someone",
        [
            ActionExecuted("action_listen"),
            UserUttered(words, intent={"name": "red_flag_safeguarding", "confidence": 0.6}),
            ActionExecuted("action_validate_slot_mappings"),
            ActionExecuted("action_reply"),
            ActionExecuted("action_listen"),
        ],
    )

    async def retrieve(sender: str) -> DialogueStateTracker:
        return tracker

    channel = CareRestInput()
    channel._agent = SimpleNamespace(tracker_store=SimpleNamespace(retrieve=retrieve))
    where = asyncio.run(channel.ended_on("someone"))
    assert where == (
        "intent red_flag_safeguarding; actions action_validate_slot_mappings, action_reply, action_listen"
    )
    assert "nephew" not in where
    channel._agent = None  # not known yet: still a line, with the error's kind only
    assert asyncio.run(channel.ended_on("someone")) == "turn not readable: AttributeError"
