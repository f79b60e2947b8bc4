"""``python -m bot``: start the Telegram bot (settings from the environment)."""

from __future__ import annotations

import logging
import sys

from telegram.error import InvalidToken, NetworkError

from bot import app, config


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        settings = config.load()
    except config.ConfigError as error:
        print(f"Can't start the Telegram bot: {error}", file=sys.stderr)
        return 2
    try:
        app.run(settings)
    except InvalidToken:
        print("Telegram did not accept TELEGRAM_BOT_TOKEN. Check it with @BotFather.", file=sys.stderr)
        return 2
    except NetworkError as error:
        print(f"Can't reach the Telegram Bot API ({type(error).__name__}).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
