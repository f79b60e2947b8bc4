"""Talk to Rasa's REST channel: one message in, the bot's replies out."""

from __future__ import annotations

from typing import Any

import httpx


class RasaUnavailable(RuntimeError):
    """Rasa could not be reached, failed, or answered with something we can't read."""


class RasaClient:
    def __init__(self, base_url: str, timeout: float = 30.0) -> None:
        self._url = f"{base_url.rstrip('/')}/webhooks/rest/webhook"
        self._client = httpx.AsyncClient(timeout=httpx.Timeout(timeout, connect=5.0))

    async def send(self, sender: str, message: str) -> list[dict[str, Any]]:
        """Send one message (text or a ``/intent`` payload); return Rasa's replies in order."""
        try:
            response = await self._client.post(self._url, json={"sender": sender, "message": message})
        except httpx.HTTPError as exc:
            raise RasaUnavailable(f"could not reach Rasa ({type(exc).__name__})") from exc
        if response.status_code != 200:
            raise RasaUnavailable(f"Rasa answered HTTP {response.status_code}")
        try:
            replies = response.json()
        except ValueError as exc:
            raise RasaUnavailable("Rasa's answer was not JSON") from exc
        if not isinstance(replies, list) or not all(isinstance(r, dict) for r in replies):
            raise RasaUnavailable("Rasa's answer was not a list of messages")
        return replies

    async def close(self) -> None:
        await self._client.aclose()
