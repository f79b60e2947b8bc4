"""``python -m bot``: start the Telegram bot (settings from the environment)."""

from __future__ import annotations

import logging
import sys

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
    app.run(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
