"""Starting, watching and stopping the project's processes: the one launcher.

Used by ``make run`` (scripts/serve.py), the tests' stack (tests/stack.py),
the scaled profile (``python -m scale``) and the benchmark (``python -m
bench``), so all of them start Rasa, action servers and databases the same
way. Rasa is always started through ``python -m rasa_ext`` (:func:`rasa_argv`),
which checks its version and applies our patches (or not: rasa_ext/__init__.py).

A process writes to its own log file, or, without one, to our terminal.
Nothing here logs what people typed.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"


def venv_tool(name: str) -> str:
    """The project venv's copy of a console script (``rasa``, ``python``)."""
    path = VENV_BIN / name
    return str(path) if path.exists() else name


# The ``rasa`` command, checked and patched (WHAT_MATTERS_STOCK_RASA=1: as shipped).
RASA = [venv_tool("python"), "-m", "rasa_ext"]


def rasa_argv(
    port: int,
    model: Path,
    endpoints: Path,
    credentials: Path = ROOT / "credentials.yml",
    interface: str | None = "127.0.0.1",
) -> list[str]:
    """``rasa run`` with the HTTP API, through ``python -m rasa_ext``."""
    argv = [*RASA, "run", "--enable-api", "--port", str(port)]
    if interface:
        argv += ["--interface", interface]
    return argv + ["--endpoints", str(endpoints), "--credentials", str(credentials), "--model", str(model)]


def actions_argv(port: int) -> list[str]:
    """The action server: rasa_sdk without importing Rasa or TensorFlow (actions/__main__.py)."""
    return [venv_tool("python"), "-m", "actions", "--port", str(port)]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class StartError(RuntimeError):
    """A process died or did not become ready in time."""


def quiet_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment for child processes: no telemetry, no colour, no TF chatter."""
    env = dict(os.environ)
    env.update(
        {
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "PYTHONUNBUFFERED": "1",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "LOG_LEVEL": "INFO",
        }
    )
    if extra:
        env.update(extra)
    return env


@dataclass
class Service:
    """One child process with its own log file and process group."""

    name: str
    argv: Sequence[str]
    log_path: Path | None  # None: our own terminal
    cwd: Path = ROOT
    env: Mapping[str, str] | None = None
    stop_signal: int = signal.SIGTERM
    user: str | None = None  # run as this OS user (we may be root; PostgreSQL refuses root)
    # Its own process group, stopped as a whole. False: ours, so a Ctrl-C in our
    # terminal reaches it too, as `make run` wants.
    own_group: bool = True
    proc: subprocess.Popen[bytes] | None = field(default=None, init=False)
    started_at: float = field(default=0.0, init=False)
    ready_after_s: float | None = field(default=None, init=False)

    def start(self) -> Service:
        log = None
        if self.log_path is not None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            # Readable by its owner only, like the databases: a log is not the place for
            # people's words, but a library's warning might still quote one.
            fd = os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            os.chmod(self.log_path, 0o600)
            log = os.fdopen(fd, "ab")  # handed to the child, closed below
        self.started_at = time.monotonic()
        self.proc = subprocess.Popen(  # noqa: S603 - argv is built by this package, never from input
            list(self.argv),
            cwd=str(self.cwd),
            env=dict(self.env) if self.env is not None else quiet_env(),
            stdout=log,
            stderr=subprocess.STDOUT if log else None,
            stdin=subprocess.DEVNULL,
            start_new_session=self.own_group,
            user=self.user,
            group=self.user,
            extra_groups=[] if self.user else None,
        )
        if log:
            log.close()
        return self

    @property
    def pid(self) -> int:
        if self.proc is None:
            raise StartError(f"{self.name} was never started")
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_tail(self, lines: int = 30) -> str:
        if self.log_path is None:
            return "(see the messages above)"
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def _wait(self, ready: Callable[[], bool], what: str, timeout: float, pause: float = 0.25) -> float:
        """Poll ``ready`` until it is true; return seconds since start. Fails fast if we died."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise StartError(f"{self.name} exited early; log {self.log_path}:\n{self.log_tail()}")
            if ready():
                self.ready_after_s = time.monotonic() - self.started_at
                return self.ready_after_s
            time.sleep(pause)
        raise StartError(
            f"{self.name} not {what} after {timeout:.0f}s; log {self.log_path}:\n{self.log_tail()}"
        )

    def wait_http(self, url: str, timeout: float = 180.0) -> float:
        """Wait until ``url`` answers 2xx; return seconds since start."""
        return self._wait(lambda: answers(url), f"answering {url}", timeout)

    def wait_port(self, port: int, timeout: float = 60.0) -> float:
        """Wait until something accepts TCP connections on loopback ``port``."""

        def ready() -> bool:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return True
            except OSError:
                return False

        return self._wait(ready, f"listening on {port}", timeout, pause=0.2)

    def memory_kb(self) -> dict[str, int]:
        """Peak (VmHWM) and current (VmRSS) resident memory of the process and its children."""
        if not self.alive():
            return {"peak_kb": 0, "rss_kb": 0}
        peak = rss = 0
        for pid in process_tree(self.pid):
            status = read_status(pid)
            peak += status.get("VmHWM", 0)
            rss += status.get("VmRSS", 0)
        return {"peak_kb": peak, "rss_kb": rss}

    def cpu_s(self) -> float:
        """CPU seconds (user + system) used so far by the process and its children.

        Unlike wall time, this hardly moves with other people's load on a shared machine."""
        if not self.alive():
            return 0.0
        return sum(cpu_seconds(pid) for pid in process_tree(self.pid))

    def _signal(self, sig: int) -> None:
        if self.proc is None:
            return
        if self.own_group:
            os.killpg(self.proc.pid, sig)
        else:
            self.proc.send_signal(sig)

    def stop(self, timeout: float = 15.0, sig: int | None = None) -> None:
        """Stop it (its whole process group if it has one): ``sig`` (else its stop signal), then SIGKILL."""
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            self._signal(self.stop_signal if sig is None else sig)
        except ProcessLookupError:
            return
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                self._signal(signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(timeout=5)


def read_status(pid: int) -> dict[str, int]:
    """The ``kB`` figures of /proc/<pid>/status (VmHWM, VmRSS, ...); empty if gone."""
    values: dict[str, int] = {}
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return values
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        parts = rest.split()
        if len(parts) == 2 and parts[1] == "kB" and parts[0].isdigit():
            values[key] = int(parts[0])
    return values


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process from /proc/<pid>/stat; 0 if gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    # The command name (field 2) may hold spaces: count fields after its closing bracket.
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, found through /proc/<pid>/task/*/children."""
    found = [pid]
    index = 0
    while index < len(found):
        current = found[index]
        index += 1
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                found.extend(int(child) for child in children.read_text().split())
            except OSError:
                continue
    return found


def answers(url: str) -> bool:
    """Does ``url`` answer 2xx now (within two seconds)?"""
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 - loopback URL we built
            return 200 <= resp.status < 300
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def stop_all(services: Sequence[Service]) -> None:
    """Stop services in reverse start order, carrying on past failures."""
    for service in reversed(services):
        try:
            service.stop()
        except Exception as exc:  # keep stopping the others
            print(f"could not stop {service.name}: {exc}", file=sys.stderr)
