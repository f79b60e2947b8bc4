"""Retry Bot API calls on flood control (429) and passing network faults.

PTB's own ``AIORateLimiter`` needs the ``aiolimiter`` package; this is the
"react only if necessary" rate limiter from PTB's docs: call at once, and when
Telegram says "retry after N seconds", wait N seconds and call again. Network
errors get a short backoff too. ``BadRequest`` is a ``NetworkError`` in PTB
but retrying it can't help, so it is passed straight on.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)


def retry_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class RetryingRateLimiter(BaseRateLimiter[None]):
    def __init__(self, max_retries: int = 5, network_backoff: float = 1.0) -> None:
        self.max_retries = max_retries
        self.network_backoff = network_backoff

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        attempt = 0
        while True:
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt >= self.max_retries:
                    raise
                wait = retry_seconds(error)
                log.warning("Telegram asked us to slow down on %s; retrying in %.0f s", endpoint, wait)
            except BadRequest:
                raise
            except NetworkError as error:
                if attempt >= self.max_retries:
                    raise
                wait = self.network_backoff * 2**attempt
                log.warning(
                    "Network trouble on %s (%s); retrying in %.1f s", endpoint, type(error).__name__, wait
                )
            attempt += 1
            await asyncio.sleep(wait)
