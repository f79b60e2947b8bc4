"""Faults and bad input, caused for real against the real Rasa + action server.

Processes are killed and restarted, the SQLite file is locked by another
process, messages arrive at the same time, and odd input goes in over the REST
channel. Each test checks the reply the person sees and what is in the
database afterwards.

Every check is a plain assert: the gaps issue 6 found are fixed, and a check
that xfails would hide their return (issue 16).
"""

from __future__ import annotations

import signal
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from careplan.vocab import MAX_ANSWER_CHARS

from faults_kit import (
    WHAT_MATTERS_PROMPT,
    DatabaseLock,
    answer_texts,
    db_path,
    life,
    said,
    start_plan,
)
from stack import Stack

GOOD_DAY_PROMPT = "What does a good day look like"
ENJOY_PROMPT = "What do you enjoy doing?"


@pytest.fixture
def sender() -> str:
    return f"faults-{uuid.uuid4().hex[:10]}"


def carries_on(stack: Stack, sender: str) -> None:
    """After a fault during "what matters": the good-day answer is taken, the next
    question follows, and both answers are stored."""
    reply = stack.texts(sender, "a sunny day with the grandchildren")
    assert ENJOY_PROMPT in reply, reply  # the next question: it carried on where it left off
    assert life(stack, sender)["what_matters"] == "my family and my allotment"
    assert life(stack, sender)["good_day"] == "a sunny day with the grandchildren"


# ------------------------------------------------------------ process faults


def test_action_server_killed_then_restarted(make_stack: Callable[[], Stack], sender: str) -> None:
    stack = make_stack().start()
    start_plan(stack, sender)
    stack.stop_actions(signal.SIGKILL)

    while_down = stack.texts(sender, "my family and my allotment")
    assert "trouble" in while_down.lower() and "kept" in while_down, while_down
    assert life(stack, sender)["what_matters"] is None

    stack.start_actions()
    back = stack.texts(sender, "hello again")
    assert GOOD_DAY_PROMPT in back, back  # the kept answer went in, and the next question follows
    assert life(stack, sender)["what_matters"] == "my family and my allotment"
    stack.texts(sender, "a sunny day with the grandchildren")
    assert life(stack, sender)["good_day"] == "a sunny day with the grandchildren"
    assert answer_texts(stack, sender).count("my family and my allotment") == 1


def test_red_flag_just_after_the_action_server_returns(make_stack: Callable[[], Stack], sender: str) -> None:
    stack = make_stack().start()
    start_plan(stack, sender)
    stack.stop_actions(signal.SIGKILL)
    stack.texts(sender, "my family and my allotment")
    stack.start_actions()

    reply = stack.texts(sender, "I want to end my life")
    assert life(stack, sender)["what_matters"] == "my family and my allotment"
    assert "116 123" in reply, reply  # the new message is not dropped
    assert [f["kind"] for f in stack.export(sender)["flags"]] == ["crisis"]


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["stopped", "killed"])
def test_rasa_restarted_mid_conversation_resumes(
    make_stack: Callable[[], Stack], sender: str, how: signal.Signals
) -> None:
    stack = make_stack().start()
    start_plan(stack, sender)
    assert GOOD_DAY_PROMPT in stack.texts(sender, "my family and my allotment")

    stack.stop_rasa(how)
    stack.start_rasa()

    carries_on(stack, sender)


# ------------------------------------------------------------ database faults


def test_database_locked_briefly_just_waits(stack: Stack, sender: str) -> None:
    start_plan(stack, sender)
    lock = DatabaseLock(db_path(stack.database_url), seconds=3)
    reply = stack.texts(sender, "my family and my allotment")
    lock.release()
    assert GOOD_DAY_PROMPT in reply, reply
    assert life(stack, sender)["what_matters"] == "my family and my allotment"


def test_database_locked_for_long_keeps_the_answer(stack: Stack, sender: str) -> None:
    """Locked for longer than the store retries: a plain message, then nothing lost."""
    start_plan(stack, sender)
    lock = DatabaseLock(db_path(stack.database_url), seconds=25)
    reply = stack.texts(sender, "my family and my allotment")
    assert lock.still_held(), "the lock must outlast the answer for this test to mean anything"
    assert said(reply, "utter_saved_later"), reply
    assert GOOD_DAY_PROMPT in reply, reply  # and the conversation goes on
    lock.release()

    carries_on(stack, sender)


def test_red_flag_while_database_locked_is_still_signposted_and_kept(stack: Stack, sender: str) -> None:
    start_plan(stack, sender)
    lock = DatabaseLock(db_path(stack.database_url), seconds=25)
    reply = stack.texts(sender, "I've got chest pain right now")
    assert "999" in reply  # help comes first, database or not
    lock.release()
    stack.texts(sender, "my family and my allotment")
    assert [f["kind"] for f in stack.export(sender)["flags"]] == ["emergency"]


# ------------------------------------------------------------ concurrency


def test_concurrent_messages_in_one_conversation(stack: Stack, sender: str) -> None:
    start_plan(stack, sender)
    answers = ["my family and my allotment", "a sunny day with the grandchildren", "baking and crosswords"]
    with ThreadPoolExecutor(len(answers)) as pool:
        list(pool.map(lambda text: stack.say(sender, text), answers))

    stored = answer_texts(stack, sender)
    for text in answers:
        assert stored.count(text) == 1, (text, stored)
    filled = life(stack, sender)
    assert sorted(v for v in (filled["what_matters"], filled["good_day"], filled["enjoys"]) if v) == sorted(
        answers
    )


def test_same_message_fifteen_times_quickly(stack: Stack, sender: str) -> None:
    start_plan(stack, sender)
    text = "my family and my allotment, mostly"
    with ThreadPoolExecutor(5) as pool:
        replies = list(pool.map(lambda _: stack.texts(sender, text), range(15)))
    assert all(r.strip() for r in replies), "every message gets a reply"
    assert answer_texts(stack, sender).count(text) == 1
    assert life(stack, sender)["what_matters"] == text
    assert any(said(r, "utter_repeated") for r in replies)
    # and the conversation is still on track
    assert ENJOY_PROMPT in stack.texts(sender, "a sunny day with the grandchildren")


# ------------------------------------------------------------ bad input over REST


@pytest.mark.parametrize("text", ["", "   ", "\n\t"], ids=["empty", "spaces", "newline-tab"])
def test_empty_message(stack: Stack, sender: str, text: str) -> None:
    """Rasa's classifier fails on an empty message, so the REST channel answers it.
    Checked 2026-12-02 (issue 16, finding 1): with that guard taken out of
    channels/rest.py, all three cases fail with "something went wrong on my side"."""
    start_plan(stack, sender)
    reply = stack.texts(sender, text)
    assert life(stack, sender)["what_matters"] is None
    assert said(reply, "utter_empty_message"), reply
    stack.texts(sender, "my family")
    assert life(stack, sender)["what_matters"] == "my family"


def test_twenty_thousand_characters(stack: Stack, sender: str) -> None:
    start_plan(stack, sender)
    text = ("I love my garden and my family. " * 700)[:20_000]
    reply = stack.texts(sender, text)
    assert said(reply, "utter_too_long"), reply
    assert GOOD_DAY_PROMPT in reply
    [answer] = [a for a in stack.export(sender)["answers"] if a["question_key"] == "what_matters"]
    assert answer["text"] == text[:MAX_ANSWER_CHARS]
    assert answer["truncated"] is True


def test_only_emoji(stack: Stack, sender: str) -> None:
    start_plan(stack, sender)
    reply = stack.texts(sender, "🙂🌻❤️")
    assert said(reply, "utter_only_emoji"), reply
    assert life(stack, sender)["what_matters"] is None
    stack.texts(sender, "my family")
    assert life(stack, sender)["what_matters"] == "my family"


@pytest.mark.parametrize(
    "text",
    ["我想和我的孙子一起散步", "Моя семья очень важна для меня", "Mi familia es lo más importante para mí"],
    ids=["chinese", "russian", "spanish"],
)
def test_other_languages_are_kept_and_we_go_on(stack: Stack, sender: str, text: str) -> None:
    start_plan(stack, sender)
    reply = stack.texts(sender, text)
    assert said(reply, "utter_english_only"), reply
    assert GOOD_DAY_PROMPT in reply
    assert life(stack, sender)["what_matters"] == text


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('hi')</script> my garden",
        "<b>bold</b> & <i>family</i>",
        "Robert'); DROP TABLE answers;-- my garden",
        "my garden' OR '1'='1",
    ],
    ids=["script", "html", "sql-drop", "sql-or"],
)
def test_markup_and_sql_are_stored_verbatim(stack: Stack, sender: str, text: str) -> None:
    start_plan(stack, sender)
    reply = stack.texts(sender, text)
    assert GOOD_DAY_PROMPT in reply, reply
    assert life(stack, sender)["what_matters"] == text
    stack.texts(sender, "a sunny day")  # the tables are all still there and working
    assert life(stack, sender)["good_day"] == "a sunny day"


def test_control_characters(stack: Stack, sender: str) -> None:
    start_plan(stack, sender)
    reply = stack.texts(sender, "my fam\x00ily\x07 and \x1b[31mgarden")
    assert GOOD_DAY_PROMPT in reply, reply
    stored = life(stack, sender)["what_matters"]
    assert stored is not None and "family" in stored.replace("\x00", "")
    assert stored == "my family and [31mgarden", repr(stored)


def test_stale_and_unknown_button_payloads(stack: Stack, sender: str) -> None:
    start_plan(stack, sender)
    before = stack.export(sender)
    stale = ['/change_goal{"goal_id":"99999"}', '/remove_goal{"goal_id":"99999"}', "/affirm", "/no_such"]
    for payload in stale:
        reply = stack.texts(sender, payload)
        assert reply.strip(), f"no reply to {payload}"
        assert "Traceback" not in reply and "error" not in reply.lower()
    after = stack.export(sender)
    assert after["goals"] == before["goals"] == []
    assert after["life"] == before["life"]
    # the question still waits for its answer
    stack.texts(sender, "my family")
    assert life(stack, sender)["what_matters"] == "my family"


def test_question_in_the_middle_of_a_form(stack: Stack, sender: str) -> None:
    start_plan(stack, sender)
    reply = stack.texts(sender, "who will see my answers?")
    assert said(reply, "utter_faq_who_sees"), reply
    assert WHAT_MATTERS_PROMPT in reply or "matters" in reply  # back to the same question
    assert life(stack, sender)["what_matters"] is None
    assert GOOD_DAY_PROMPT in stack.texts(sender, "my family and my allotment")
    assert life(stack, sender)["what_matters"] == "my family and my allotment"


@pytest.mark.parametrize(
    ("message", "must_say", "must_not_say", "then"),
    [
        # 999 only, and the chat waits: no 111 "as if it might not be serious", no form question
        ("my dad has collapsed and won't wake up", ["999 now", "I'll wait here"], ["111", "?"], None),
        # no form question in the crisis reply (session 22): the next one comes when they say so
        (
            "I want to end my life",
            ["999", "111", "option 2", "116 123", "85258", "carry on"],
            [],
            "ok, carry on",
        ),
        ("my son hits me", ["999", "safeguarding", "carry on"], [], None),
    ],
    ids=["emergency", "crisis", "safeguarding"],
)
def test_each_red_flag_gets_its_uk_signposting(
    stack: Stack, sender: str, message: str, must_say: list[str], must_not_say: list[str], then: str | None
) -> None:
    start_plan(stack, sender)
    reply = stack.texts(sender, message)
    for words in must_say:
        assert words in reply, (words, reply)
    for words in must_not_say:
        assert words not in reply, (words, reply)
    assert "computer program" in reply
    if then is not None:
        assert not reply.rstrip().endswith("?"), reply
        reply = stack.texts(sender, then)
    if not must_not_say:
        assert reply.rstrip().endswith("?"), reply  # and a question follows: not blocked


def test_red_flag_inside_a_form_does_not_block(stack: Stack, sender: str) -> None:
    start_plan(stack, sender)
    reply = stack.texts(sender, "my husband hits me")
    assert said(reply, "utter_red_flag_safeguarding"), reply
    assert "carry on" in reply
    stack.texts(sender, "my family and my allotment")
    export = stack.export(sender)
    assert [f["kind"] for f in export["flags"]] == ["safeguarding"]
    assert "my family and my allotment" in answer_texts(stack, sender)
