"""Start everything `make run` needs, in the foreground; Ctrl-C stops it all.

- the action server on 5055 (custom actions: they store every answer),
- the Rasa server on 5005 with the REST channel (POST /webhooks/rest/webhook),
- the care-team web app on 8000,
- the Telegram bot, when TELEGRAM_BOT_TOKEN is set.
Ports come from ACTIONS_PORT, RASA_PORT and CARETEAM_PORT.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from careplan.db import private_file

from train import ROOT, trained_model

BIN = Path(sys.executable).parent


def _up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback only
            return True
    except OSError:
        return False


def _wait(url: str, name: str, process: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while not _up(url):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"{name} did not start; see the messages above.")
        time.sleep(0.5)


def services(env: dict[str, str]) -> list[tuple[str, list[str], str | None]]:
    rasa_port, actions_port = env["RASA_PORT"], env["ACTIONS_PORT"]
    found = [
        (
            "action server",
            [str(BIN / "python"), "-m", "actions", "--port", actions_port],
            f"http://127.0.0.1:{actions_port}/health",
        ),
        (
            "Rasa",
            [
                str(BIN / "rasa"),
                "run",
                "--enable-api",
                "--port",
                rasa_port,
                "--endpoints",
                "endpoints.yml",
                "--credentials",
                "credentials.yml",
                "--model",
                str(trained_model()),
            ],
            f"http://127.0.0.1:{rasa_port}/status",
        ),
        (
            "care-team app",
            [str(BIN / "python"), "-m", "careteam"],
            f"http://127.0.0.1:{env['CARETEAM_PORT']}/login",
        ),
    ]
    if env.get("TELEGRAM_BOT_TOKEN"):
        found.append(("Telegram bot", [str(BIN / "python"), "-m", "bot"], None))
    return found


def start(env: dict[str, str] | None = None) -> list[subprocess.Popen]:
    env = {**os.environ, **(env or {})}
    env.setdefault("RASA_PORT", "5005")
    env.setdefault("ACTIONS_PORT", "5055")
    env.setdefault("CARETEAM_PORT", "8000")
    env.setdefault("RASA_URL", f"http://127.0.0.1:{env['RASA_PORT']}")
    env.setdefault("ACTION_SERVER_URL", f"http://127.0.0.1:{env['ACTIONS_PORT']}")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    # Rasa's tracker store holds the conversation: owner-only, like the care-plan file.
    for name in ("rasa_tracker.db", "careplan.db", "held_messages.db"):
        private_file(ROOT / name)
    running: list[subprocess.Popen] = []
    for name, command, health in services(env):
        print(f"Starting the {name}…", flush=True)
        process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 - our own commands
        running.append(process)
        if health:
            _wait(health, name, process)
    if not env.get("TELEGRAM_BOT_TOKEN"):
        print("TELEGRAM_BOT_TOKEN is not set, so the Telegram bot is not running (see docs/telegram.md).")
    return running


def stop(running: list[subprocess.Popen]) -> None:
    for process in reversed(running):
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
    for process in reversed(running):
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def main() -> None:
    running: list[subprocess.Popen] = []
    try:
        running = start()
        port = os.environ.get("RASA_PORT", "5005")
        print(
            "\nWhat Matters is running.\n"
            f"  Chat in the terminal:  make chat\n"
            f"  Chat over REST:        curl -s localhost:{port}/webhooks/rest/webhook "
            '-d \'{"sender": "me", "message": "hi"}\'\n'
            f"  Care-team app:         http://127.0.0.1:{os.environ.get('CARETEAM_PORT', '8000')}/\n"
            "Press Ctrl-C to stop.",
            flush=True,
        )
        while all(p.poll() is None for p in running):
            time.sleep(1)
        print("A service stopped; stopping the rest.")
    except KeyboardInterrupt:
        print("\nStopping…")
    finally:
        stop(running)


if __name__ == "__main__":
    main()
