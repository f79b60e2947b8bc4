"""Two Rasa replicas sharing one PostgreSQL tracker store and one Redis lock store.

The turns of one conversation go alternately to replica A and replica B, with
bursts of answers sent to both at the same moment. With the lock store the
tracker keeps every event, each turn whole and in order, and the care plan
keeps every answer exactly once. Then the same bursts run with no shared lock
store: turns of the same conversation run at once on both
replicas and the tracker loses events. That is the lock store's job made
visible. (Rasa's stock Redis lock store races in a far smaller window; its
test is on the tickets themselves, in test_scaled_lockstore.py.)

Needs PostgreSQL, Redis and nginx from Debian (.ci/run installs them) and the
trained model (the ``trained_model`` fixture).
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import psycopg2
import pytest
import redis
from scaled_kit import private_folder, require

from careplan.store import Store
from scale.stack import ScaledStack

from test_conversation_e2e import SELF_TURNS

# SELF_TURNS[:7] ends on "What matters most to you?"; the next three answers
# (what matters, a good day, what they enjoy) are free text and go as one burst.
PREFIX, LIFE_BURST = SELF_TURNS[:7], [text for text, _ in SELF_TURNS[7:10]]
LIFE_KEYS = {"what_matters", "good_day", "enjoys"}
# Messages that are safe at any point (help and FAQs), for the repeated bursts.
ANYTIME = ["help", "who will see my answers?", "are you a real person?"] * 2


@pytest.fixture(scope="module")
def scaled(trained_model: Path) -> Iterator[ScaledStack]:
    require("postgresql", "redis-server", "nginx")
    with private_folder("wm-scaled-test-") as base:
        stack = ScaledStack(model=trained_model, base=base, careteam=False, durable=False, install=False)
        stack.start()
        try:
            yield stack
        finally:
            stack.stop()


# -- talking to the replicas --------------------------------------------------------
async def _say(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> list[dict[str, Any]]:
    async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}) as resp:
        assert resp.status == 200, f"{url} answered {resp.status}"
        return await resp.json()


def say(url: str, sender: str, text: str) -> str:
    async def go() -> list[dict[str, Any]]:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
            return await _say(session, url, sender, text)

    return "\n".join(str(m.get("text", "")) for m in asyncio.run(go()))


def burst(urls: list[str], sender: str, texts: list[str]) -> list[list[dict[str, Any]]]:
    """Send every text at the same moment, alternating between the replicas."""

    async def go() -> list[list[dict[str, Any]]]:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
            return await asyncio.gather(
                *(_say(session, urls[i % len(urls)], sender, text) for i, text in enumerate(texts))
            )

    return asyncio.run(go())


def talk_alternately(stack: ScaledStack, sender: str, turns: list[tuple[str, str | None]]) -> None:
    for index, (text, expected) in enumerate(turns):
        url = stack.rasa_urls[index % 2]
        reply = say(url, sender, text)
        if expected is not None:
            assert expected.lower() in reply.lower(), f"turn {index} on replica {index % 2}: {reply!r}"


def tracker(url: str, sender: str) -> dict[str, Any]:
    async def go() -> dict[str, Any]:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{url}/conversations/{sender}/tracker") as resp:
                assert resp.status == 200
                return await resp.json()

    return asyncio.run(go())


# -- what a whole, ordered tracker looks like ---------------------------------------
def problems(events: list[dict[str, Any]], sent: list[str]) -> list[str]:
    """Everything wrong with a tracker that was sent ``sent`` (in any order within bursts).

    A turn starts with the user's message right after ``action_listen`` and runs
    to the next ``action_listen``; with a working lock each turn is whole and
    turns never interleave.
    """
    found: list[str] = []
    users = [e.get("text") for e in events if e["event"] == "user"]
    missing = Counter(sent) - Counter(users)
    extra = Counter(users) - Counter(sent)
    if missing:
        found.append(f"user messages missing from the tracker: {sorted(missing.elements())}")
    if extra:
        found.append(f"user messages stored more than once: {sorted(extra.elements())}")
    listens = [i for i, e in enumerate(events) if e["event"] == "action" and e.get("name") == "action_listen"]
    for start, end in zip(listens, [*listens[1:], len(events)], strict=True):
        turn = events[start + 1 : end]
        if not turn:
            continue
        kinds = [e["event"] for e in turn]
        if kinds[0] != "user":
            found.append(f"a turn without its user message, from event {start + 1}: {kinds[:4]}")
        elif kinds.count("user") > 1:
            found.append(f"two user messages in one turn, from event {start + 1}")
    # UserUttered is stamped inside the lock, so under a working lock time only moves forward.
    stamps = [e.get("timestamp") or 0 for e in events]
    if any(later < earlier for earlier, later in zip(stamps, stamps[1:], strict=False)):
        found.append("turns of the conversation ran at the same time (event timestamps go backwards)")
    return found


def plan_of(stack: ScaledStack, sender: str) -> dict[str, Any]:
    store = Store(stack.database_url, migrate=False)
    plan_id = store.latest_plan_id(sender)
    assert plan_id is not None, f"no plan stored for {sender}"
    return store.export(plan_id)


# -- the tests ------------------------------------------------------------------------
def test_profile_runs_on_postgres_and_redis_behind_nginx(scaled: ScaledStack) -> None:
    """A conversation through the load balancer lands in PostgreSQL, and Redis holds no stale lock."""
    assert scaled.lb_url is not None
    sender = "scaled-lb"
    for text, expected in SELF_TURNS[:3]:
        assert (expected or "").lower() in say(scaled.lb_url, sender, text).lower()
    events = tracker(scaled.rasa_urls[0], sender)["events"]
    conn = psycopg2.connect(**scaled.tracker_connect_args())
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM events WHERE sender_id = %s", (sender,))
            (rows,) = cur.fetchone()
    finally:
        conn.close()
    assert rows == len(events) > 0
    assert scaled.redis is not None
    red = redis.Redis(port=scaled.redis.port, password=scaled.redis.password, db=1)
    assert not [k for k in red.keys("*") if sender.encode() in k], "every turn released its lock"
    plan = plan_of(scaled, sender)
    assert plan["recorded_by"]["role"] == "self"


def test_alternating_replicas_and_bursts_keep_every_event_and_answer_once(scaled: ScaledStack) -> None:
    sender = "scaled-locked"
    urls = scaled.rasa_urls
    talk_alternately(scaled, sender, PREFIX)
    before = tracker(urls[1], sender)
    assert before["slots"].get("requested_slot") == "what_matters", "the prefix should end on what matters"

    replies = burst(urls, sender, LIFE_BURST)
    assert all(replies), "every message in the burst got a reply"
    # Then more bursts of questions the bot answers at any point, both replicas at once.
    burst(urls, sender, ANYTIME)
    burst(urls, sender, ANYTIME[:4])

    sent = [t for t, _ in PREFIX] + LIFE_BURST + ANYTIME + ANYTIME[:4]
    seen_a, seen_b = tracker(urls[0], sender), tracker(urls[1], sender)
    assert seen_a["events"] == seen_b["events"], "both replicas read the same tracker"
    events = seen_a["events"]
    assert problems(events, sent) == []
    users = [e["text"] for e in events if e["event"] == "user"]
    assert users[: len(PREFIX)] == [t for t, _ in PREFIX], "alternating turns kept their order"
    assert sorted(users[len(PREFIX) : len(PREFIX) + 3]) == sorted(LIFE_BURST)

    plan = plan_of(scaled, sender)
    keys = Counter((a["question_key"], a["goal_id"]) for a in plan["answers"])
    assert [k for k, n in keys.items() if n > 1] == [], "no question answered twice"
    stored = Counter(a["text"] for a in plan["answers"])
    assert {text: stored[text] for text in LIFE_BURST} == dict.fromkeys(LIFE_BURST, 1)
    life = {a["question_key"] for a in plan["answers"] if a["text"] in LIFE_BURST}
    assert life == LIFE_KEYS, "the three answers filled the three questions, one each"
    assert tracker(urls[0], sender)["slots"].get("requested_slot") == "goal_text"


def _race(scaled: ScaledStack, sender_prefix: str, attempts: int) -> tuple[list[str], list[str]]:
    """The same conversation and bursts; returns (tracker problems, care-plan problems)."""
    urls = scaled.rasa_urls
    found: list[str] = []
    plan_found: list[str] = []
    for attempt in range(attempts):
        sender = f"{sender_prefix}-{attempt}"
        talk_alternately(scaled, sender, PREFIX)
        burst(urls, sender, LIFE_BURST)
        burst(urls, sender, ANYTIME)
        sent = [t for t, _ in PREFIX] + LIFE_BURST + ANYTIME
        found = problems(tracker(urls[0], sender)["events"], sent)
        answers = Counter(a["text"] for a in plan_of(scaled, sender)["answers"])
        plan_found = [f"{text!r} stored {answers[text]} times" for text in LIFE_BURST if answers[text] != 1]
        if found:
            break
    return found, plan_found


def test_without_a_shared_lock_store_bursts_corrupt_the_conversation(scaled: ScaledStack) -> None:
    """Each replica's in-memory lock only orders its own turns, so bursts sent to both run at once.

    Rasa's stock RedisLockStore races too, but only in a window of a few
    microseconds, too rarely for a whole conversation to show it every time;
    tests/test_scaled_lockstore.py shows it where it happens, on the tickets.
    """
    scaled.restart_replicas("none")
    try:
        found, plan_found = _race(scaled, "scaled-none", attempts=8)
    finally:
        scaled.restart_replicas("atomic")
    print("no shared lock store:", found, plan_found)
    assert found, "simultaneous turns of one conversation on two replicas should corrupt its tracker"


def test_a_message_kept_by_one_replica_is_replayed_by_the_other(scaled: ScaledStack) -> None:
    """The action servers go down; replica 0 keeps an answer. They come back; the
    person's next message reaches replica 1, which hands the kept answer over first."""
    sender = "scaled-held"
    talk_alternately(scaled, sender, PREFIX)  # ends on "What matters most to you?"
    first, second = LIFE_BURST[0], LIFE_BURST[1]
    scaled.stop_actions()
    try:
        assert "kept this message" in say(scaled.rasa_urls[0], sender, first)
    finally:
        scaled.start_actions()
    say(scaled.rasa_urls[1], sender, second)
    life = {a["question_key"]: a["text"] for a in plan_of(scaled, sender)["answers"]}
    assert life.get("what_matters") == first, "the kept answer was stored, on its own question"
    assert life.get("good_day") == second, "and the new message answered the next one"
