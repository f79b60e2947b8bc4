"""Drive simulated conversations through Rasa's REST channel and time every turn.

A conversation is a list of turns (message, expected reply fragment) sent one
after another with a fresh sender id; ``concurrency`` conversations run at once (asyncio + aiohttp,
bounded by a semaphore). Only loopback URLs are accepted: this is a load
generator and must never point anywhere else.

A turn fails (an error) when there is no answer, an empty one, or one that
apologises for a failure: our channel turns every failure into a kind reply, so
counting only transport errors would never see ours fail. Latency and
throughput are over free-text turns (typed words, which go through NLU), so a
bot whose script taps buttons is compared like for like with one that types.
"""

from __future__ import annotations

import asyncio
import math
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlparse

import aiohttp

from bench.turns import Turn

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
WEBHOOK = "/webhooks/rest/webhook"
WRONG_EXAMPLES = 3  # wrong replies kept per level, to show what came instead
# Reply fragments that mean the turn failed: our channel's and actions' apologies
# (domain.yml utter_turn_failed, utter_actions_down, utter_saved_later).
FAILURE_FRAGMENTS = (
    "something went wrong on my side",
    "I'm having trouble right now",
    "I couldn't save that just now",
)


def free_text(message: str) -> bool:
    """Typed words, not a button payload (``/intent``) that skips NLU."""
    return not message.startswith("/")


class NotLoopback(ValueError):
    """The benchmark only ever sends traffic to this machine."""


def check_loopback(url: str) -> None:
    host = urlparse(url).hostname or ""
    if host not in LOOPBACK and not host.startswith("127."):
        raise NotLoopback(f"refusing to send load to {host!r}: loopback only")


@dataclass
class LevelResult:
    """What one concurrency level measured."""

    concurrency: int
    conversations: int
    # One entry per HTTP 200 reply to a free-text turn (failed ones included: they are
    # timed too); button turns are counted in ``payload_turns`` only.
    latencies_ms: list[float] = field(default_factory=list)
    payload_turns: int = 0
    transport_errors: int = 0  # refused, timed out, non-200: the conversation stops there
    wrong_replies: int = 0
    # The first few wrong replies (expected fragment -> what came), to see why.
    wrong_examples: list[str] = field(default_factory=list)
    empty_replies: int = 0
    failure_replies: int = 0  # answered with an apology for a failure
    wall_s: float = 0.0
    error_kinds: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        """Turns that failed: no answer, an empty one (both bots always reply), or an apology."""
        return self.transport_errors + self.empty_replies + self.failure_replies

    @property
    def turns(self) -> int:
        """Every turn sent, free text and buttons."""
        return len(self.latencies_ms) + self.payload_turns + self.transport_errors

    @property
    def free_text_turns(self) -> int:
        return len(self.latencies_ms)

    def percentile(self, p: float) -> float:
        """Nearest-rank percentile of the successful turns' latencies (ms)."""
        if not self.latencies_ms:
            return math.nan
        ordered = sorted(self.latencies_ms)
        rank = max(1, math.ceil(p / 100 * len(ordered)))
        return ordered[rank - 1]

    @property
    def p50(self) -> float:
        return self.percentile(50)

    @property
    def p95(self) -> float:
        return self.percentile(95)

    @property
    def max_ms(self) -> float:
        return max(self.latencies_ms) if self.latencies_ms else math.nan

    @property
    def throughput(self) -> float:
        """Free-text turns answered without failing, per second of wall time (the wall time
        includes any button turns, so a script with buttons is not flattered)."""
        answered = len(self.latencies_ms) - self.empty_replies - self.failure_replies
        return answered / self.wall_s if self.wall_s else 0.0

    def summary(self) -> dict[str, float | int]:
        return {
            "concurrency": self.concurrency,
            "conversations": self.conversations,
            "turns": self.turns,
            "free_text_turns": self.free_text_turns,
            "p50_ms": round(self.p50, 1),
            "p95_ms": round(self.p95, 1),
            "max_ms": round(self.max_ms, 1),
            "turns_per_s": round(self.throughput, 2),
            "errors": self.errors,
            "wrong_replies": self.wrong_replies,
            "empty_replies": self.empty_replies,
            "failure_replies": self.failure_replies,
        }


def reply_text(messages: list[dict]) -> str:
    """The bot's messages (texts and button titles) as one string, for fragment checks."""
    parts = []
    for message in messages:
        parts.append(str(message.get("text") or ""))
        parts.extend(str(b.get("title", "")) for b in message.get("buttons") or [])
    return "\n".join(parts)


@dataclass
class Driver:
    """Sends the turns of many conversations to one Rasa (or load balancer) URL."""

    base_url: str
    turns: Sequence[Turn]
    timeout_s: float = 120.0
    sender_prefix: str = "bench"

    def __post_init__(self) -> None:
        check_loopback(self.base_url)
        if not self.turns:
            raise ValueError("a conversation needs at least one turn")

    async def _conversation(self, session: aiohttp.ClientSession, result: LevelResult) -> None:
        sender = f"{self.sender_prefix}-{uuid.uuid4().hex[:12]}"
        url = self.base_url.rstrip("/") + WEBHOOK
        for text, expected in self.turns:
            started = time.perf_counter()
            try:
                async with session.post(url, json={"sender": sender, "message": text}) as resp:
                    body = await resp.json(content_type=None) if resp.status == 200 else None
                    elapsed = (time.perf_counter() - started) * 1000
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
                self._error(result, type(exc).__name__)
                return  # the rest of this conversation would be meaningless
            if resp.status != 200 or not isinstance(body, list):
                self._error(result, f"http {resp.status}")
                return
            if free_text(text):
                result.latencies_ms.append(elapsed)
            else:
                result.payload_turns += 1
            said = reply_text(body).lower()
            if not body:
                # Both bots answer every turn: silence means the turn was lost.
                result.empty_replies += 1
                result.error_kinds["empty reply"] = result.error_kinds.get("empty reply", 0) + 1
            elif any(fragment.lower() in said for fragment in FAILURE_FRAGMENTS):
                result.failure_replies += 1
                result.error_kinds["apology"] = result.error_kinds.get("apology", 0) + 1
            wanted = (expected,) if isinstance(expected, str) else (expected or ())
            if any(fragment.lower() not in said for fragment in wanted):
                result.wrong_replies += 1
                if len(result.wrong_examples) < WRONG_EXAMPLES:
                    result.wrong_examples.append(f"{expected!r} -> {reply_text(body)[:80]!r}")

    @staticmethod
    def _error(result: LevelResult, kind: str) -> None:
        result.transport_errors += 1
        result.error_kinds[kind] = result.error_kinds.get(kind, 0) + 1

    async def run_level(self, concurrency: int, conversations: int) -> LevelResult:
        """``conversations`` conversations, at most ``concurrency`` at a time."""
        result = LevelResult(concurrency=concurrency, conversations=conversations)
        gate = asyncio.Semaphore(concurrency)
        timeout = aiohttp.ClientTimeout(total=self.timeout_s)
        connector = aiohttp.TCPConnector(limit=concurrency, force_close=False)

        async def one(session: aiohttp.ClientSession) -> None:
            async with gate:
                await self._conversation(session, result)

        async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
            started = time.perf_counter()
            await asyncio.gather(*(one(session) for _ in range(conversations)))
            result.wall_s = time.perf_counter() - started
        return result

    def run(self, concurrency: int, conversations: int) -> LevelResult:
        return asyncio.run(self.run_level(concurrency, conversations))
