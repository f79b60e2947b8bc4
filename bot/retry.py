"""Pacing and retries for Bot API calls.

PTB's ``AIORateLimiter`` (with ``aiolimiter``) keeps within Telegram's limits
(30 messages a second overall, 20 a minute in a group) and, on "429 Too Many
Requests", waits the time Telegram asks and tries again. On top of that, a
passing network fault gets a short backoff and a couple more tries. The
backoff is short on purpose: a reply that still can't be sent stays in the
bot's outbox and goes when Telegram is back (``bot/relay.py``), so nothing
waits here for long. ``BadRequest`` is a ``NetworkError`` in PTB but retrying
it can't help, so it is passed straight on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)


class PacedRateLimiter(AIORateLimiter):
    def __init__(self, max_retries: int = 5, network_retries: int = 2, network_backoff: float = 1.0) -> None:
        super().__init__(max_retries=max_retries)
        self.network_retries = network_retries
        self.network_backoff = network_backoff

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        attempt = 0
        while True:
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except BadRequest:
                raise
            except NetworkError as error:
                if attempt >= self.network_retries or endpoint == "getUpdates":
                    raise  # polling has its own retry, with a clean log line (handlers.error)
                wait = self.network_backoff * 2**attempt
                log.warning(
                    "Network trouble on %s (%s); retrying in %.1f s", endpoint, type(error).__name__, wait
                )
            attempt += 1
            await asyncio.sleep(wait)
