"""The two bots under test: ours and Rasa's starter bot, trained and served the same way.

Both are trained with the project venv's ``rasa`` into a temporary folder with
a private Rasa cache (``RASA_CACHE_DIRECTORY``), so training times are cold
and nothing lands in the working tree or ~/.cache. Both are served with
``rasa run --enable-api`` on a free loopback port.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from launch import RASA, ROOT, Service, StartError, free_port, quiet_env, venv_tool
from rasa_ext import STOCK_ENV


@dataclass
class Trained:
    model: Path
    seconds: float
    peak_rss_kb: int
    log: Path


def _timed(argv: list[str], cwd: Path, env: dict[str, str], log: Path, timeout: float) -> tuple[float, int]:
    """Run a command to completion; return (wall seconds, its peak RSS in kB from wait4)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(  # noqa: S603 - argv built here
            argv, cwd=str(cwd), env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                proc.wait()
                raise StartError(f"{argv[1]} took longer than {timeout:.0f}s; log {log}")
            time.sleep(0.2)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
    if proc.returncode != 0:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-20:])
        raise StartError(f"{' '.join(argv[:3])} failed ({proc.returncode}); log {log}:\n{tail}")
    return seconds, int(usage.ru_maxrss)


def only_model(folder: Path) -> Path:
    models = sorted(folder.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise StartError(f"no model in {folder}")
    return models[-1]


def train_starter(tmp: Path, timeout: float = 1200) -> Trained:
    """``rasa init --no-prompt`` (which scaffolds and trains) into ``tmp/starter``."""
    folder = tmp / "starter"
    folder.mkdir(parents=True, exist_ok=True)
    env = quiet_env({"RASA_CACHE_DIRECTORY": str(tmp / "starter-cache")})
    log = tmp / "logs" / "train-starter.log"
    argv = [venv_tool("rasa"), "init", "--no-prompt", "--init-dir", str(folder)]
    seconds, peak = _timed(argv, folder, env, log, timeout)
    return Trained(only_model(folder / "models"), seconds, peak, log)


def train_ours(tmp: Path, timeout: float = 2400) -> Trained:
    """A cold ``rasa train`` of this project into ``tmp/ours-models`` (bypasses every cache)."""
    out = tmp / "ours-models"
    env = quiet_env({"RASA_CACHE_DIRECTORY": str(tmp / "ours-cache")})
    log = tmp / "logs" / "train-ours.log"
    argv = [
        venv_tool("rasa"),
        "train",
        "--domain",
        "domain.yml",
        "--config",
        "config.yml",
        "--data",
        "data",
        "--out",
        str(out),
        "--fixed-model-name",
        "what-matters-bench",
    ]
    seconds, peak = _timed(argv, ROOT, env, log, timeout)
    return Trained(only_model(out), seconds, peak, log)


def our_endpoints(tmp: Path, actions_port: int) -> Path:
    """The project's endpoints.yml with the action endpoint pointed at the bench's action server.

    Any SQLite tracker store is moved into ``tmp`` so the bench never writes into
    the working tree; other settings are kept so the bench measures what runs.
    """
    source = ROOT / "endpoints.yml"
    config = (yaml.safe_load(source.read_text()) if source.exists() else None) or {}
    config["action_endpoint"] = {
        **config["action_endpoint"],
        "url": f"http://127.0.0.1:{actions_port}/webhook",
    }
    tracker = config.get("tracker_store") or {}
    if tracker.get("type") and tracker.get("dialect", "sqlite") == "sqlite":
        tracker["db"] = str(tmp / "bench-tracker.db")
    for key in ("event_broker",):
        config.pop(key, None)  # no broker is running during the bench
    path = tmp / "ours-endpoints.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


@dataclass
class Served:
    """A running bot: its Rasa server, and action server if it has one."""

    name: str
    url: str
    rasa: Service
    actions: Service | None = None
    startup_s: dict[str, float] = field(default_factory=dict)

    @property
    def services(self) -> list[Service]:
        return [s for s in (self.actions, self.rasa) if s is not None]

    def memory(self) -> dict[str, dict[str, int]]:
        return {s.name: s.memory_kb() for s in self.services}

    def stop(self) -> None:
        for service in reversed(self.services):
            service.stop()


def _rasa_argv(
    port: int, model: Path, endpoints: Path, credentials: Path, rasa: list[str] | None = None
) -> list[str]:
    """Each bot with its own channel credentials; both are driven over the REST channel."""
    argv = [*(rasa or [venv_tool("rasa")]), "run", "--enable-api", "--port", str(port)]
    argv += ["--interface", "127.0.0.1"]
    return argv + ["--model", str(model), "--endpoints", str(endpoints), "--credentials", str(credentials)]


def serve_starter(tmp: Path, model: Path) -> Served:
    folder = tmp / "starter"
    port = free_port()
    rasa = Service(
        "starter-rasa",
        _rasa_argv(port, model, folder / "endpoints.yml", folder / "credentials.yml"),
        tmp / "logs" / "starter-rasa.log",
        cwd=folder,
    ).start()
    served = Served("starter", f"http://127.0.0.1:{port}", rasa)
    served.startup_s["starter-rasa"] = rasa.wait_http(served.url + "/", timeout=300)
    return served


def serve_ours(tmp: Path, model: Path, database_url: str | None = None, stock_rasa: bool = False) -> Served:
    """Our action server (on a private SQLite care-plan DB unless told otherwise) and Rasa.

    Rasa starts as the production profile starts it (``python -m rasa_ext``,
    with our patches), or as shipped if ``stock_rasa`` (rasa_ext/__init__.py).
    """
    database_url = database_url or f"sqlite:///{tmp / 'bench-careplan.db'}"
    actions_port, port = free_port(), free_port()
    actions = Service(
        "ours-actions",
        [venv_tool("python"), "-m", "actions", "--port", str(actions_port)],
        tmp / "logs" / "ours-actions.log",
        env=quiet_env({"DATABASE_URL": database_url}),
    ).start()
    rasa = Service(
        "ours-rasa",
        _rasa_argv(
            port,
            model,
            our_endpoints(tmp, actions_port),
            ROOT / "credentials.yml",
            rasa=RASA,
        ),
        tmp / "logs" / "ours-rasa.log",
        env=quiet_env(
            {
                "DATABASE_URL": database_url,
                # channels/rest.py checks the action server before each turn and keeps
                # messages here while it is down.
                "ACTION_SERVER_URL": f"http://127.0.0.1:{actions_port}",
                "HELD_MESSAGES_PATH": str(tmp / "held-messages.db"),
                STOCK_ENV: "1" if stock_rasa else "0",
            }
        ),
    ).start()
    served = Served("ours", f"http://127.0.0.1:{port}", rasa, actions)
    try:
        served.startup_s["ours-actions"] = actions.wait_http(
            f"http://127.0.0.1:{actions_port}/health", timeout=300
        )
        served.startup_s["ours-rasa"] = rasa.wait_http(served.url + "/", timeout=300)
    except BaseException:
        served.stop()
        raise
    return served
