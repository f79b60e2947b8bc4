"""Start the real Rasa server and the real action server for tests.

Each Stack has its own free ports and its own SQLite files (care plans and
Rasa's tracker store), so tests can stop, kill and restart either process
without touching anyone else's.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import yaml

from careplan.db import private_file
from careplan.store import Store

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http(method: str, url: str, body: Any = None, timeout: float = 60) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback only
        raw = response.read()
        return json.loads(raw) if raw else None


def wait_until(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (OSError, urllib.error.URLError, ValueError):
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{what} did not come up within {timeout:.0f}s")


class Stack:
    def __init__(self, folder: Path, model: Path, credentials: Path = ROOT / "credentials.yml") -> None:
        self.folder = folder
        self.model = model
        self.credentials = credentials
        self.database_url = f"sqlite:///{folder / 'careplan.db'}"
        self.tracker_url = f"sqlite:///{folder / 'tracker.db'}"
        self.rasa_port = free_port()
        self.actions_port = free_port()
        self.rasa_url = f"http://127.0.0.1:{self.rasa_port}"
        self.actions_url = f"http://127.0.0.1:{self.actions_port}"
        # Rasa creates its tracker file world-readable: create it owner-only first.
        private_file(folder / "tracker.db")
        self.endpoints = folder / "endpoints.yml"
        # The project's endpoints.yml, with this stack's action server and tracker file.
        endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text())
        endpoints["action_endpoint"]["url"] = f"{self.actions_url}/webhook"
        endpoints["tracker_store"]["db"] = str(folder / "tracker.db")
        self.endpoints.write_text(yaml.safe_dump(endpoints))
        self.env = {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "TRACKER_DB_URL": self.tracker_url,
            "ACTION_SERVER_URL": self.actions_url,
            "HELD_MESSAGES_PATH": str(folder / "held.db"),
            "PYTHONUNBUFFERED": "1",
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "3",
        }
        self.rasa: subprocess.Popen | None = None
        self.actions: subprocess.Popen | None = None
        self._store: Store | None = None

    # -- processes ------------------------------------------------------------------
    def _spawn(self, args: list[str], log: str) -> subprocess.Popen:
        out = open(self.folder / log, "ab")  # noqa: SIM115 - closed with the process
        return subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603

    def start_actions(self) -> None:
        self.actions = self._spawn(
            [str(BIN / "python"), "-m", "actions", "--port", str(self.actions_port)],
            "actions.log",
        )
        wait_until(
            lambda: http("GET", f"{self.actions_url}/health", timeout=2) is not None, 120, "action server"
        )

    def start_rasa(self) -> None:
        self.rasa = self._spawn(
            [
                str(BIN / "rasa"),
                "run",
                "--enable-api",
                "--port",
                str(self.rasa_port),
                "--endpoints",
                str(self.endpoints),
                "--credentials",
                str(self.credentials),
                "--model",
                str(self.model),
            ],
            "rasa.log",
        )
        wait_until(lambda: http("GET", f"{self.rasa_url}/status", timeout=2).get("model_file"), 180, "Rasa")

    def start(self) -> Stack:
        self.start_actions()
        self.start_rasa()
        return self

    @staticmethod
    def _end(process: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
        if process is None or process.poll() is not None:
            return
        process.send_signal(sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop_rasa(self, sig: int = signal.SIGTERM) -> None:
        self._end(self.rasa, sig)

    def stop_actions(self, sig: int = signal.SIGTERM) -> None:
        self._end(self.actions, sig)

    def stop(self) -> None:
        self.stop_rasa()
        self.stop_actions()

    # -- talking ----------------------------------------------------------------------
    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        """One turn over the REST channel; returns the bot's messages."""
        return http("POST", f"{self.rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": message})

    def texts(self, sender: str, message: str) -> str:
        """One turn; the bot's replies joined into one string, for simple checks."""
        return "\n".join(m.get("text", "") for m in self.say(sender, message))

    def tracker(self, sender: str) -> dict[str, Any]:
        return http("GET", f"{self.rasa_url}/conversations/{sender}/tracker")

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.database_url)
        return self._store

    def export(self, sender: str) -> dict[str, Any]:
        plan_id = self.store.latest_plan_id(sender)
        assert plan_id is not None, f"no plan stored for {sender}"
        return self.store.export(plan_id)

    def careplan(self, *args: str) -> subprocess.CompletedProcess:
        """Run the real ``careplan`` command against this stack's databases."""
        return subprocess.run(  # noqa: S603
            [str(BIN / "careplan"), *args], cwd=self.folder, env=self.env, capture_output=True, text=True
        )
