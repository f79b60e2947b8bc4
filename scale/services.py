"""PostgreSQL, Redis and nginx from Debian's packages, run on loopback in a project folder.

Nothing here touches the system-wide instances: every server gets its own data
folder, its own free port on 127.0.0.1 and its own log file, and stops with the
stack. Passwords are generated once per data folder and kept beside it with
mode 0600, never printed.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from launch import Service, StartError

PACKAGES = {"postgres": "postgresql", "redis-server": "redis-server", "nginx": "nginx"}
NGINX_TEMPLATE = Path(__file__).with_name("nginx.conf.tmpl")


def postgres_bin(tool: str) -> str | None:
    """Path of a PostgreSQL server tool (``initdb``, ``postgres``), newest version first."""
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{tool}"), reverse=True):
        return str(candidate)
    return shutil.which(tool)


def missing_packages() -> list[str]:
    """Debian packages still needed for the profile."""
    missing = []
    if postgres_bin("initdb") is None or postgres_bin("postgres") is None:
        missing.append(PACKAGES["postgres"])
    for tool in ("redis-server", "nginx"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            missing.append(PACKAGES[tool])
    return missing


def ensure_installed(install: bool = True) -> None:
    """Install PostgreSQL, Redis and nginx with apt-get when they are missing.

    Debian's post-install scripts may try to start system-wide services; a
    ``policy-rc.d`` that forbids it is put in place for the duration so the
    only servers running are the ones this profile starts on free ports.
    """
    missing = missing_packages()
    if not missing:
        return
    if not install or os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise StartError(f"missing packages {missing}: run `apt-get install -y {' '.join(missing)}` as root")
    policy = Path("/usr/sbin/policy-rc.d")
    placed = not policy.exists()
    if placed:
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env)  # noqa: S607
        subprocess.run(["apt-get", "install", "-y", "-q", *missing], check=True, env=env)  # noqa: S603,S607
    finally:
        if placed:
            policy.unlink(missing_ok=True)
    if missing_packages():
        raise StartError(f"still missing after apt-get: {missing_packages()}")


def secret(path: Path) -> str:
    """A password kept in ``path`` (0600), made on first use."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(24)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value + "\n")
    return value


@dataclass
class Postgres:
    """One PostgreSQL cluster in ``root``; initdb runs as an unprivileged user when we are root."""

    root: Path
    port: int
    durable: bool = True
    user: str = "whatmatters"
    password: str = field(default="", init=False)
    service: Service | None = field(default=None, init=False)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def os_user(self) -> str | None:
        """Run the server as ``postgres`` when we are root (initdb refuses root)."""
        return "postgres" if os.geteuid() == 0 else None

    def _chown(self, path: Path) -> None:
        if self.os_user:
            entry = pwd.getpwnam(self.os_user)
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def init(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.password = secret(self.root / "password")
        if (self.data / "PG_VERSION").exists():
            return
        initdb = postgres_bin("initdb")
        if initdb is None:
            raise StartError("initdb not found: apt-get install -y postgresql")
        self.data.mkdir(mode=0o700, exist_ok=True)
        self._chown(self.data)
        pwfile = self.root / "pwfile"
        fd = os.open(pwfile, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(self.password + "\n")
        self._chown(pwfile)
        try:
            subprocess.run(  # noqa: S603 - fixed argv
                [
                    initdb,
                    "-D",
                    str(self.data),
                    "-U",
                    self.user,
                    f"--pwfile={pwfile}",
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                ],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                user=self.os_user,
                group=self.os_user,
                extra_groups=[] if self.os_user else None,
                cwd="/",
            )
        except subprocess.CalledProcessError as exc:
            raise StartError(f"initdb failed: {exc.stderr.decode(errors='replace')[-2000:]}") from exc
        finally:
            pwfile.unlink(missing_ok=True)

    def start(self, log_dir: Path) -> Service:
        self.init()
        run = self.root / "run"
        run.mkdir(exist_ok=True)
        self._chown(run)
        settings = {
            "listen_addresses": "127.0.0.1",
            "port": str(self.port),
            "unix_socket_directories": str(run),
            "max_connections": "200",
            # Errors must not echo the rows they were about (people's answers).
            "log_error_verbosity": "terse",
            "log_min_error_statement": "panic",
        }
        if not self.durable:
            # Test clusters only: they are thrown away, so skip the disk flushes.
            settings.update({"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"})
        argv = [postgres_bin("postgres") or "postgres", "-D", str(self.data)]
        for key, value in settings.items():
            argv += ["-c", f"{key}={value}"]
        log = log_dir / "postgres.log"
        log_dir.mkdir(parents=True, exist_ok=True)
        if self.os_user and not log.exists():
            log.touch()
        self.service = Service(
            "postgres",
            argv,
            log,
            cwd=self.root,
            stop_signal=signal.SIGINT,  # "fast" shutdown: do not wait for clients
            user=self.os_user,
        )
        self.service.start()
        self.service.wait_port(self.port, timeout=60)
        self._wait_accepting()
        return self.service

    def _wait_accepting(self) -> None:
        """The port opens a moment before the server accepts logins."""
        import time

        import psycopg2

        deadline = time.monotonic() + 30
        while True:
            try:
                psycopg2.connect(**self.connect_args("postgres")).close()
                return
            except psycopg2.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def connect_args(self, database: str) -> dict[str, object]:
        return {
            "host": "127.0.0.1",
            "port": self.port,
            "user": self.user,
            "password": self.password,
            "dbname": database,
        }

    def create_database(self, name: str) -> None:
        """CREATE DATABASE unless it exists (names come from this package, never from input)."""
        import psycopg2

        if not name.replace("_", "").isalnum():
            raise ValueError(f"bad database name {name!r}")
        conn = psycopg2.connect(**self.connect_args("postgres"))
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
                if cur.fetchone() is None:
                    cur.execute(f'CREATE DATABASE "{name}"')
        finally:
            conn.close()

    def sqlalchemy_url(self, database: str) -> str:
        from sqlalchemy.engine import URL

        return URL.create(
            "postgresql+psycopg2",
            username=self.user,
            password=self.password,
            host="127.0.0.1",
            port=self.port,
            database=database,
        ).render_as_string(hide_password=False)


@dataclass
class Redis:
    """A private Redis on loopback with a password and no persistence (locks only)."""

    root: Path
    port: int
    password: str = field(default="", init=False)
    service: Service | None = field(default=None, init=False)

    def start(self, log_dir: Path) -> Service:
        self.root.mkdir(parents=True, exist_ok=True)
        self.password = secret(self.root / "password")
        conf = self.root / "redis.conf"
        fd = os.open(conf, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(
                "\n".join(
                    [
                        "bind 127.0.0.1",
                        f"port {self.port}",
                        "protected-mode yes",
                        f"requirepass {self.password}",
                        'save ""',
                        "appendonly no",
                        f"dir {self.root}",
                        "daemonize no",
                        'logfile ""',
                        "",
                    ]
                )
            )
        server = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.service = Service("redis", [server, str(conf)], log_dir / "redis.log", cwd=self.root)
        self.service.start()
        self.service.wait_port(self.port, timeout=30)
        return self.service


@dataclass
class Nginx:
    """nginx as a loopback load balancer, rendered from ``nginx.conf.tmpl``.

    ``upstreams`` maps a name to (listen port, backend ports).
    """

    root: Path
    upstreams: dict[str, tuple[int, list[int]]]
    service: Service | None = field(default=None, init=False)

    def render(self) -> str:
        template = NGINX_TEMPLATE.read_text()
        blocks = []
        for name, (listen, backends) in self.upstreams.items():
            # A backend that failed is left out for 1 s, not nginx's default 10 s: once the
            # action servers are back, turns (and the held messages) go through at once.
            servers = "\n".join(
                f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=1s;" for port in backends
            )
            blocks.append(
                f"    upstream {name} {{\n{servers}\n        keepalive 32;\n    }}\n"
                f"    server {{\n"
                f"        listen 127.0.0.1:{listen};\n"
                f"        location / {{\n"
                f"            proxy_pass http://{name};\n"
                f"        }}\n"
                f"    }}\n"
            )
        user = "user nobody nogroup;" if os.geteuid() == 0 else ""
        text = (
            template.replace("@@DIR@@", str(self.root))
            .replace("@@USER@@", user)
            .replace("@@SERVERS@@", "\n".join(blocks))
        )
        if "@@" in text:
            raise ValueError("unfilled placeholder in nginx.conf.tmpl")
        return text

    def start(self, log_dir: Path) -> Service:
        (self.root / "tmp").mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            entry = pwd.getpwnam("nobody")
            os.chown(self.root / "tmp", entry.pw_uid, entry.pw_gid)
        conf = self.root / "nginx.conf"
        conf.write_text(self.render())
        server = shutil.which("nginx") or "/usr/sbin/nginx"
        self.service = Service(
            "nginx",
            [
                server,
                "-e",
                str(log_dir / "nginx-error.log"),
                "-p",
                str(self.root),
                "-c",
                str(conf),
                "-g",
                "daemon off;",
            ],
            log_dir / "nginx.log",
            cwd=self.root,
            stop_signal=signal.SIGQUIT,  # graceful: finish requests in flight
        )
        self.service.start()
        for listen, _ in self.upstreams.values():
            self.service.wait_port(listen, timeout=30)
        return self.service
