"""Rasa's Redis lock store, with every ticket change made atomic in Redis.

Rasa 3.6's ``RedisLockStore`` keeps one JSON "ticket lock" per conversation
and changes it by GET, change in Python, SET. Two replicas that receive turns
of the same conversation at the same moment both read the same lock, both
write it back, and one ticket is lost: both turns then run at once, and the
SQL tracker store keeps the events of only one of them (it appends "the
events after the number already stored"). The two-replica test shows this
with the stock class.

This subclass makes each read-change-write a Redis optimistic transaction
(WATCH / MULTI / EXEC, retried on conflict), and deletes the lock in the same
transaction that removes the last ticket. It also polls a waiting turn's lock
every 0.05 s instead of every second, so a queued turn starts soon after the
one before it ends.

Configured in ``scale/endpoints.yml``::

    lock_store:
      type: rasa_ext.lockstore.AtomicRedisLockStore
      url: ...            # as for type: redis
      poll_seconds: 0.05  # optional
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from rasa_ext import require_pinned_rasa

T = TypeVar("T")
DEFAULT_POLL_SECONDS = 0.05
MAX_CONFLICT_RETRIES = 1000


class AtomicRedisLockStore(RedisLockStore):
    """A ``RedisLockStore`` whose ticket operations are atomic across processes."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        require_pinned_rasa()
        options = dict(endpoint_config.kwargs) if endpoint_config is not None else {}
        options.update(kwargs)
        self.poll_seconds = float(options.pop("poll_seconds", DEFAULT_POLL_SECONDS))
        options.pop("type", None)
        host = endpoint_config.url if endpoint_config is not None and endpoint_config.url else "localhost"
        super().__init__(host=options.pop("host", host), **options)

    # -- one atomic change of one conversation's lock -------------------
    def _change(
        self, conversation_id: str, change: Callable[[TicketLock | None], tuple[TicketLock | None, T]]
    ) -> T:
        """Apply ``change`` to the stored lock in one WATCH/MULTI/EXEC transaction.

        ``change`` gets the current lock (or None) and returns the lock to store
        (None deletes it) and a result. It may run several times if another
        process changed the lock meanwhile, so it must not have side effects.
        """
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            for _ in range(MAX_CONFLICT_RETRIES):
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    current = TicketLock.from_dict(json.loads(raw)) if raw else None
                    updated, result = change(current)
                    pipe.multi()
                    if updated is None:
                        pipe.delete(key)
                    else:
                        pipe.set(key, updated.dumps())
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue
                finally:
                    pipe.reset()
        raise LockError(f"could not update the lock of a conversation after {MAX_CONFLICT_RETRIES} tries")

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def change(lock: TicketLock | None) -> tuple[TicketLock, int]:
            lock = lock or TicketLock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, change)
        except redis.RedisError as exc:
            raise LockError(f"Error while acquiring lock. Error:\n{exc}") from exc

    def update_lock(self, conversation_id: str) -> None:
        def change(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, change)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self.cleanup(conversation_id, ticket_number)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Remove this ticket; delete the lock only if no other ticket is waiting, atomically."""

        def change(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        self._change(conversation_id, change)

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float | None = None,
    ) -> AsyncGenerator[TicketLock, None]:
        """As Rasa's, but polling every ``poll_seconds`` unless told otherwise."""
        wait = self.poll_seconds if wait_time_in_seconds is None else wait_time_in_seconds
        async with super().lock(conversation_id, lock_lifetime, wait) as acquired:
            yield acquired
