"""The lock store on a real Redis, without Rasa: why the profile uses its own subclass.

Several "replicas" (threads, each with its own Redis connection, as separate
processes would have) ask for the same conversation's lock at the same
moment. Rasa's stock RedisLockStore can give two of them the same ticket, so
both run; AtomicRedisLockStore gives every one its own ticket and lets one at
a time in.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator

import pytest
import redis
from rasa.core.lock_store import LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from scaled_kit import private_folder, require

from launch import free_port
from rasa_ext.lockstore import AtomicRedisLockStore
from scale.services import Redis

WORKERS = 8


@pytest.fixture(scope="module")
def redis_server() -> Iterator[Redis]:
    require("redis-server")
    with private_folder("wm-redis-test-") as folder:
        server = Redis(folder, free_port())
        service = server.start(folder / "logs")
        try:
            yield server
        finally:
            service.stop()


def atomic(server: Redis) -> AtomicRedisLockStore:
    config = EndpointConfig(url="127.0.0.1", port=server.port, password=server.password, db=2)
    return AtomicRedisLockStore(endpoint_config=config)


def stock(server: Redis) -> RedisLockStore:
    return RedisLockStore(host="127.0.0.1", port=server.port, password=server.password, db=3)


def all_at_once(work: Callable[[int], object], workers: int = WORKERS) -> list[object]:
    """Run ``work(i)`` in ``workers`` threads released together by a barrier."""
    gate = threading.Barrier(workers)
    results: list[object] = [None] * workers

    def run(index: int) -> None:
        gate.wait()
        results[index] = work(index)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def duplicate_rounds(make: Callable[[], RedisLockStore], rounds: int = 30) -> int:
    """How many rounds handed the same ticket number to two callers."""
    stores = [make() for _ in range(WORKERS)]
    bad = 0
    for round_no in range(rounds):
        conversation = f"race-{round_no}-{time.monotonic_ns()}"
        tickets = all_at_once(lambda i, c=conversation: stores[i].issue_ticket(c))
        if len(set(tickets)) != len(tickets):
            bad += 1
    return bad


def test_atomic_lock_store_never_issues_a_ticket_twice(redis_server: Redis) -> None:
    assert duplicate_rounds(lambda: atomic(redis_server)) == 0


def test_rasa_stock_redis_lock_store_issues_duplicate_tickets(redis_server: Redis) -> None:
    """Read, change in Python, write back: simultaneous callers overwrite each other."""
    assert duplicate_rounds(lambda: stock(redis_server)) > 0


def overlaps(make: Callable[[], RedisLockStore], turns: int = 4) -> tuple[int, int]:
    """Workers each run ``turns`` short critical sections on one conversation.

    Returns (the most workers inside at once beyond the one allowed, how many
    sections completed rather than being refused with LockError).
    """
    conversation = f"turns-{time.monotonic_ns()}"
    inside = 0
    worst = 0
    done = 0
    guard = threading.Lock()

    def worker(index: int) -> None:
        nonlocal inside, worst, done
        store = make()

        async def turn() -> None:
            nonlocal inside, worst, done
            async with store.lock(conversation):
                with guard:
                    inside += 1
                    worst = max(worst, inside)
                await asyncio.sleep(0.02)
                with guard:
                    inside -= 1
                    done += 1

        async def all_turns() -> None:
            for _ in range(turns):
                try:
                    await turn()
                except LockError:
                    pass  # refused: counted by its absence from ``done``

        asyncio.run(all_turns())

    all_at_once(worker)
    return worst - 1, done


def test_atomic_lock_store_lets_one_turn_in_at_a_time(redis_server: Redis) -> None:
    concurrent, done = overlaps(lambda: atomic(redis_server))
    assert done == WORKERS * 4
    assert concurrent == 0
    keys = redis.Redis(port=redis_server.port, password=redis_server.password, db=2).keys("*turns-*")
    assert keys == [], "the last turn out deletes the lock"


def test_rasa_stock_redis_lock_store_lets_turns_overlap_or_refuses_them(redis_server: Redis) -> None:
    """What that means for turns: several inside at once, and some refused outright."""
    concurrent, done = overlaps(lambda: stock(redis_server), turns=1)
    assert concurrent > 0 or done < WORKERS
