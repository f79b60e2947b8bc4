"""Settings for the Telegram bot, read from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_RASA_URL = "http://localhost:5005"
DEFAULT_QUEUE_PATH = "var/bot_queue.db"
TELEGRAM_API = "https://api.telegram.org/bot"


class ConfigError(ValueError):
    """A setting is missing or malformed. The message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    token: str
    rasa_url: str = DEFAULT_RASA_URL
    base_url: str | None = None
    base_file_url: str | None = None
    queue_path: str = DEFAULT_QUEUE_PATH
    retry_seconds: float = 5.0
    join_seconds: float = 1.5
    rasa_timeout: float = 30.0
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"  # behind a reverse proxy on the same machine
    webhook_port: int = 8443
    webhook_path: str = "telegram"
    webhook_secret: str | None = None

    @property
    def use_webhook(self) -> bool:
        return bool(self.webhook_url)


def file_url_for(base_url: str) -> str:
    """``http://host:port/bot`` -> ``http://host:port/file/bot`` (the Bot API's file path)."""
    stem, sep, tail = base_url.rstrip("/").rpartition("/")
    if not sep:
        raise ConfigError(f"TELEGRAM_BASE_URL should look like http://127.0.0.1:8081/bot, not {base_url!r}")
    return f"{stem}/file/{tail}"


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from exc
    if value <= 0:
        raise ConfigError(f"{name} must be more than 0")
    return value


def load(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    token = (env.get("TELEGRAM_BOT_TOKEN") or "").strip()
    if not token:
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather on Telegram "
            "and export its token (see docs/telegram.md)."
        )
    base_url = (env.get("TELEGRAM_BASE_URL") or "").strip() or None
    webhook_url = (env.get("TELEGRAM_WEBHOOK_URL") or "").strip() or None
    if webhook_url and not webhook_url.startswith("https://") and base_url is None:
        raise ConfigError("TELEGRAM_WEBHOOK_URL must be an https:// address; Telegram only calls HTTPS.")
    return Settings(
        token=token,
        rasa_url=(env.get("RASA_URL") or DEFAULT_RASA_URL).rstrip("/"),
        base_url=base_url,
        base_file_url=file_url_for(base_url) if base_url else None,
        queue_path=env.get("BOT_QUEUE_PATH") or DEFAULT_QUEUE_PATH,
        retry_seconds=_number(env, "BOT_RETRY_SECONDS", 5.0),
        join_seconds=_number(env, "BOT_JOIN_SECONDS", 1.5),
        rasa_timeout=_number(env, "RASA_TIMEOUT", 30.0),
        webhook_url=webhook_url,
        webhook_listen=env.get("TELEGRAM_WEBHOOK_LISTEN") or "127.0.0.1",
        webhook_port=int(_number(env, "TELEGRAM_WEBHOOK_PORT", 8443)),
        webhook_path=(env.get("TELEGRAM_WEBHOOK_PATH") or "telegram").strip("/"),
        webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET") or None,
    )
