"""Start everything `make run` needs, in the foreground; Ctrl-C stops it all.

- the action server on 5055 (custom actions: they store every answer),
- the Rasa server on 5005 with the REST channel (POST /webhooks/rest/webhook),
  started through ``python -m rasa_ext`` (our patches; WHAT_MATTERS_STOCK_RASA=1
  for Rasa as shipped),
- the care-team web app on 8000,
- the Telegram bot, when TELEGRAM_BOT_TOKEN is set.
Ports come from ACTIONS_PORT, RASA_PORT and CARETEAM_PORT. State (the SQLite
files, the care-team key, the bot's queue) lives in var/.
"""

from __future__ import annotations

import os
import signal
import time

from careplan import db, held, rights
from careplan.db import private_file
from launch import Service, StartError, actions_argv, quiet_env, rasa_argv, stop_all, venv_tool

from train import ROOT, trained_model

# The default SQLite files (relative to ROOT), made owner-only before anything starts:
# stock Rasa would create its tracker file world-readable.
STATE_FILES = (
    rights.DEFAULT_TRACKER_URL.removeprefix("sqlite:///"),
    db.DEFAULT_URL.removeprefix("sqlite:///"),
    held.DEFAULT_PATH,
)


def services(env: dict[str, str]) -> list[tuple[Service, str | None]]:
    """Each service, not yet started, with the URL that answers once it is ready.

    They print to this terminal and share its process group, so Ctrl-C reaches them all.
    """

    def here(name: str, argv: list[str]) -> Service:
        return Service(name, argv, None, cwd=ROOT, env=env, own_group=False)

    rasa_port, actions_port = env["RASA_PORT"], env["ACTIONS_PORT"]
    rasa = rasa_argv(
        int(rasa_port), trained_model(), ROOT / "endpoints.yml", ROOT / "credentials.yml", interface=None
    )
    found: list[tuple[Service, str | None]] = [
        (here("action server", actions_argv(int(actions_port))), f"http://127.0.0.1:{actions_port}/health"),
        (here("Rasa", rasa), f"http://127.0.0.1:{rasa_port}/status"),
        (
            here("care-team app", [venv_tool("python"), "-m", "careteam"]),
            f"http://127.0.0.1:{env['CARETEAM_PORT']}/login",
        ),
    ]
    if env.get("TELEGRAM_BOT_TOKEN"):
        found.append((here("Telegram bot", [venv_tool("python"), "-m", "bot"]), None))
    return found


def start(env: dict[str, str] | None = None) -> list[Service]:
    env = quiet_env(env)
    env.setdefault("RASA_PORT", "5005")
    env.setdefault("ACTIONS_PORT", "5055")
    env.setdefault("CARETEAM_PORT", "8000")
    env.setdefault("RASA_URL", f"http://127.0.0.1:{env['RASA_PORT']}")
    env.setdefault("ACTION_SERVER_URL", f"http://127.0.0.1:{env['ACTIONS_PORT']}")
    for name in STATE_FILES:
        private_file(ROOT / name)
    running: list[Service] = []
    try:
        for service, health in services(env):
            print(f"Starting the {service.name}…", flush=True)
            running.append(service.start())
            if health:
                service.wait_http(health)
    except StartError as exc:
        stop_all(running)
        raise SystemExit(f"{exc}\nIt did not start; see the messages above.") from None
    except BaseException:  # Ctrl-C while starting: stop what did start
        stop_all(running)
        raise
    if not env.get("TELEGRAM_BOT_TOKEN"):
        print("TELEGRAM_BOT_TOKEN is not set, so the Telegram bot is not running (see docs/telegram.md).")
    return running


def _interrupted(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    # Stopped as by Ctrl-C when told to stop or when the terminal goes away.
    signal.signal(signal.SIGTERM, _interrupted)
    signal.signal(signal.SIGHUP, _interrupted)
    running: list[Service] = []
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
        while all(service.alive() for service in running):
            time.sleep(1)
        print("A service stopped; stopping the rest.")
    except KeyboardInterrupt:
        print("\nStopping…")
    finally:
        stop_all(running)


if __name__ == "__main__":
    main()
