"""Start the real Rasa server and the real action server for tests.

Each Stack has its own free ports and its own SQLite files (care plans and
Rasa's tracker store), so tests can stop, kill and restart either process
without touching anyone else's. Processes are started by the project's one
launcher (launch/), as ``make run`` starts them; ``WHAT_MATTERS_STOCK_RASA=1``
runs the same tests on Rasa as shipped (rasa_ext/__init__.py).
"""

from __future__ import annotations

import json
import signal
import subprocess
import urllib.request
from pathlib import Path
from typing import Any

import yaml

from careplan.db import private_file
from careplan.store import Store
from launch import ROOT, Service, actions_argv, free_port, quiet_env, rasa_argv, venv_tool


def http(method: str, url: str, body: Any = None, timeout: float = 60) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback only
        raw = response.read()
        return json.loads(raw) if raw else None


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
        self.env = quiet_env(
            {
                "DATABASE_URL": self.database_url,
                "TRACKER_DB_URL": self.tracker_url,
                "ACTION_SERVER_URL": self.actions_url,
                "HELD_MESSAGES_PATH": str(folder / "held.db"),
            }
        )
        self.rasa: Service | None = None
        self.actions: Service | None = None
        self._store: Store | None = None

    # -- processes ------------------------------------------------------------------
    def start_actions(self) -> None:
        self.actions = Service(
            "action server", actions_argv(self.actions_port), self.folder / "actions.log", env=self.env
        ).start()
        self.actions.wait_http(f"{self.actions_url}/health", timeout=120)

    def start_rasa(self) -> None:
        argv = rasa_argv(self.rasa_port, self.model, self.endpoints, self.credentials)
        self.rasa = Service("Rasa", argv, self.folder / "rasa.log", env=self.env).start()
        self.rasa.wait_http(f"{self.rasa_url}/status", timeout=180)

    def start(self) -> Stack:
        self.start_actions()
        self.start_rasa()
        return self

    def stop_rasa(self, sig: int = signal.SIGTERM) -> None:
        if self.rasa is not None:
            self.rasa.stop(timeout=20, sig=sig)

    def stop_actions(self, sig: int = signal.SIGTERM) -> None:
        if self.actions is not None:
            self.actions.stop(timeout=20, sig=sig)

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
            [venv_tool("careplan"), *args], cwd=self.folder, env=self.env, capture_output=True, text=True
        )
