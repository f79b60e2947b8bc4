"""The production profile as one object: PostgreSQL, Redis, action servers, Rasa replicas, nginx.

Used by ``python -m scale`` (kept running until Ctrl-C) and by the two-replica
test (started, exercised, stopped). Every server listens on 127.0.0.1 on a
free port; all state lives under ``base`` (``var/scaled/`` by default).
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from launch import (
    ROOT,
    Service,
    StartError,
    actions_argv,
    free_port,
    quiet_env,
    rasa_argv,
    stop_all,
    venv_tool,
)
from scale.services import Nginx, Postgres, Redis, ensure_installed, secret

ENDPOINTS_TEMPLATE = Path(__file__).with_name("endpoints.yml")
CAREPLAN_DB = "careplan"
TRACKER_DB = "rasa_tracker"


LOCK_MODES = ("atomic", "none")


def render_endpoints(lock_store: str = "atomic") -> str:
    """The endpoints file for one lock-store mode.

    ``atomic``: our :class:`rasa_ext.lockstore.AtomicRedisLockStore` (the default);
    ``none``: no ``lock_store`` section, so every replica falls back to Rasa's
    in-memory lock store, which only serialises turns *within* one process. That
    one exists for the two-replica test, which shows what goes wrong with it.
    """
    if lock_store not in LOCK_MODES:
        raise ValueError(f"lock_store must be one of {LOCK_MODES}")
    text = ENDPOINTS_TEMPLATE.read_text()
    if lock_store == "atomic":
        return text
    kept: list[str] = []
    skipping = False
    for line in text.splitlines():
        if line.startswith("lock_store:"):
            skipping = True
            continue
        if skipping and line and not line.startswith((" ", "#")):
            skipping = False
        if not skipping:
            kept.append(line)
    return "\n".join(kept) + "\n"


def careteam_available() -> bool:
    return (ROOT / "careteam" / "__main__.py").exists()


@dataclass
class ScaledStack:
    """Start with :meth:`start`, stop with :meth:`stop` (or use as a context manager)."""

    model: Path
    base: Path = ROOT / "var" / "scaled"
    replicas: int = 2
    action_servers: int = 2
    lock_store: str = "atomic"  # one of LOCK_MODES
    nginx: bool = True
    careteam: bool = True
    durable: bool = True
    install: bool = True
    services: list[Service] = field(default_factory=list, init=False)
    rasa_ports: list[int] = field(default_factory=list, init=False)
    action_ports: list[int] = field(default_factory=list, init=False)
    lb_ports: dict[str, int] = field(default_factory=dict, init=False)
    postgres: Postgres | None = field(default=None, init=False)
    redis: Redis | None = field(default=None, init=False)
    careteam_port: int | None = field(default=None, init=False)
    timings: dict[str, float] = field(default_factory=dict, init=False)

    # -- addresses ------------------------------------------------------
    @property
    def logs(self) -> Path:
        return self.base / "logs"

    @property
    def rasa_urls(self) -> list[str]:
        """Each replica directly, bypassing the load balancer."""
        return [f"http://127.0.0.1:{port}" for port in self.rasa_ports]

    @property
    def lb_url(self) -> str | None:
        port = self.lb_ports.get("rasa")
        return f"http://127.0.0.1:{port}" if port else None

    @property
    def careteam_url(self) -> str | None:
        port = self.lb_ports.get("careteam") or self.careteam_port
        return f"http://127.0.0.1:{port}" if port else None

    @property
    def database_url(self) -> str:
        if self.postgres is None:
            raise StartError("stack not started")
        return self.postgres.sqlalchemy_url(CAREPLAN_DB)

    def tracker_connect_args(self) -> dict[str, object]:
        """psycopg2 connection arguments for Rasa's tracker database."""
        if self.postgres is None:
            raise StartError("stack not started")
        return self.postgres.connect_args(TRACKER_DB)

    # -- life cycle -----------------------------------------------------
    def __enter__(self) -> ScaledStack:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        try:
            self._start()
        except BaseException:
            self.stop()
            raise

    def _step(self, name: str, started: float) -> None:
        self.timings[name] = round(time.monotonic() - started, 2)

    def _start(self) -> None:
        began = time.monotonic()
        ensure_installed(self.install)
        self.base.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            # PostgreSQL runs as its own user and must be able to walk into base.
            self.base.chmod(0o755)
        self.logs.mkdir(exist_ok=True)

        t = time.monotonic()
        self.postgres = Postgres(self.base / "postgres", free_port(), durable=self.durable)
        self.services.append(self.postgres.start(self.logs))
        self.postgres.create_database(CAREPLAN_DB)
        self.postgres.create_database(TRACKER_DB)
        self._step("postgres_s", t)

        t = time.monotonic()
        from careplan import db

        db.migrate(self.database_url)
        self._step("migrate_s", t)

        t = time.monotonic()
        self.redis = Redis(self.base / "redis", free_port())
        self.services.append(self.redis.start(self.logs))
        self._step("redis_s", t)

        self.action_ports = [free_port() for _ in range(self.action_servers)]
        self.rasa_ports = [free_port() for _ in range(self.replicas)]
        if self.nginx:
            self.lb_ports = {"rasa": free_port(), "actions": free_port()}
        run_careteam = self.careteam and careteam_available()
        if run_careteam:
            self.careteam_port = free_port()
            if self.nginx:
                self.lb_ports["careteam"] = free_port()

        t = time.monotonic()
        if self.nginx:
            upstreams = {
                "rasa": (self.lb_ports["rasa"], self.rasa_ports),
                "actions": (self.lb_ports["actions"], self.action_ports),
            }
            if run_careteam and self.careteam_port:
                upstreams["careteam"] = (self.lb_ports["careteam"], [self.careteam_port])
            self.services.append(Nginx(self.base / "nginx", upstreams).start(self.logs))
        self._step("nginx_s", t)

        t = time.monotonic()
        actions = [self._action_server(i, port) for i, port in enumerate(self.action_ports)]
        replicas = [self._replica(i, port) for i, port in enumerate(self.rasa_ports)]
        self.services.extend(actions + replicas)
        careteam = self._careteam() if run_careteam else None
        if careteam:
            self.services.append(careteam)
        waits = [(s, f"http://127.0.0.1:{p}/health") for s, p in zip(actions, self.action_ports, strict=True)]
        waits += [(s, f"http://127.0.0.1:{p}/") for s, p in zip(replicas, self.rasa_ports, strict=True)]
        with ThreadPoolExecutor(len(waits)) as pool:
            list(pool.map(lambda pair: pair[0].wait_http(pair[1], timeout=300), waits))
        if careteam and self.careteam_port:
            careteam.wait_port(self.careteam_port, timeout=60)
        self._step("apps_s", t)
        self.timings["total_s"] = round(time.monotonic() - began, 2)

    def stop(self) -> None:
        stop_all(self.services)
        self.services.clear()

    def restart_replicas(self, lock_store: str) -> None:
        """Restart only the Rasa replicas, with or without the shared lock store.

        PostgreSQL, Redis and the action servers keep running, so a test can
        compare both set-ups without paying for a second stack.
        """
        render_endpoints(lock_store)  # refuse an unknown mode before stopping anything
        replicas = [s for s in self.services if s.name.startswith("rasa-")]
        stop_all(replicas)
        self.services = [s for s in self.services if s not in replicas]
        self.lock_store = lock_store
        started = [self._replica(i, port) for i, port in enumerate(self.rasa_ports)]
        self.services.extend(started)
        with ThreadPoolExecutor(len(started)) as pool:
            urls = [f"http://127.0.0.1:{port}/" for port in self.rasa_ports]
            list(
                pool.map(
                    lambda pair: pair[0].wait_http(pair[1], timeout=300), zip(started, urls, strict=True)
                )
            )

    def stop_actions(self) -> None:
        """Stop every action server (the replicas then keep messages: channels/rest.py)."""
        servers = [s for s in self.services if s.name.startswith("actions-")]
        stop_all(servers)
        self.services = [s for s in self.services if s not in servers]

    def start_actions(self) -> None:
        servers = [self._action_server(i, port) for i, port in enumerate(self.action_ports)]
        self.services.extend(servers)
        for server, port in zip(servers, self.action_ports, strict=True):
            server.wait_http(f"http://127.0.0.1:{port}/health", timeout=300)
        if "actions" in self.lb_ports:  # and as the replicas reach them, through nginx
            servers[0].wait_http(f"http://127.0.0.1:{self.lb_ports['actions']}/health", timeout=60)

    # -- processes --------------------------------------------------------
    def _action_server(self, index: int, port: int) -> Service:
        env = quiet_env({"DATABASE_URL": self.database_url})
        log = self.logs / f"actions-{index}.log"
        return Service(f"actions-{index}", actions_argv(port), log, env=env).start()

    def _replica(self, index: int, port: int) -> Service:
        if self.postgres is None or self.redis is None:
            raise StartError("databases not started")
        endpoints = self.base / f"endpoints-{self.lock_store}.yml"
        endpoints.write_text(render_endpoints(self.lock_store))
        actions_port = self.lb_ports.get("actions") or self.action_ports[index % len(self.action_ports)]
        env = quiet_env(
            {
                "WM_ACTIONS_URL": f"http://127.0.0.1:{actions_port}/webhook",
                "WM_PG_HOST": "127.0.0.1",
                "WM_PG_PORT": str(self.postgres.port),
                "WM_PG_USER": self.postgres.user,
                "WM_PG_PASSWORD": self.postgres.password,
                "WM_TRACKER_DB": TRACKER_DB,
                "WM_REDIS_HOST": "127.0.0.1",
                "WM_REDIS_PORT": str(self.redis.port),
                "WM_REDIS_PASSWORD": self.redis.password,
                "DATABASE_URL": self.database_url,
                # channels/rest.py (the project's REST channel) checks the action
                # server before each turn and keeps messages while it is down, in a
                # queue all replicas share (careplan/held.py).
                "ACTION_SERVER_URL": f"http://127.0.0.1:{actions_port}",
                "HELD_MESSAGES_URL": self.database_url,
            }
        )
        argv = rasa_argv(port, self.model, endpoints)
        return Service(f"rasa-{index}", argv, self.logs / f"rasa-{index}.log", env=env).start()

    def _careteam(self) -> Service:
        env = quiet_env(
            {
                "DATABASE_URL": self.database_url,
                "CARETEAM_PORT": str(self.careteam_port),
                "CARETEAM_HOST": "127.0.0.1",
                # Kept here, not in the app's working folder (the repo) where it would land otherwise.
                "CARETEAM_SECRET_KEY": secret(self.base / "careteam" / "secret_key"),
            }
        )
        argv = [venv_tool("python"), "-m", "careteam"]
        return Service("careteam", argv, self.logs / "careteam.log", env=env).start()
