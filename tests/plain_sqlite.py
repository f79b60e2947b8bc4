"""Make SQLite act like a build without ``SQLITE_SECURE_DELETE``.

Debian's SQLite is compiled with secure delete on by default, so on this
machine deleted text is overwritten whether or not the product asks for it, and
a test of "nothing left in the file" would pass with the product's
``PRAGMA secure_delete=ON`` removed. With this applied, every new connection
starts with it off, as on most other builds, so only the product's own PRAGMA
can overwrite deleted rows.

In this process: ``monkeypatch.setattr`` the two names with ``insecure(...)``.
In a subprocess: ``env_for_subprocess(folder)`` writes a ``sitecustomize`` that applies it.
"""

from __future__ import annotations

import sqlite3
import sqlite3.dbapi2
from collections.abc import Callable
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent


def insecure(connect: Callable[..., sqlite3.Connection]) -> Callable[..., sqlite3.Connection]:
    def connect_without_secure_delete(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        conn.execute("PRAGMA secure_delete=OFF")
        return conn

    return connect_without_secure_delete


def apply() -> None:
    """For the whole process (used by the ``sitecustomize`` below)."""
    sqlite3.dbapi2.connect = insecure(sqlite3.dbapi2.connect)
    sqlite3.connect = sqlite3.dbapi2.connect


def env_for_subprocess(folder: Path, env: dict[str, str]) -> dict[str, str]:
    """``env`` for a Python subprocess whose SQLite starts with secure delete off."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text("import plain_sqlite\nplain_sqlite.apply()\n")
    return {**env, "PYTHONPATH": f"{folder}:{TESTS}"}
