"""Engine set-up and migrations.

SQLite in a file is the default (``var/careplan.db`` under the working folder); any
SQLAlchemy URL works through ``DATABASE_URL``.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url
from sqlalchemy.pool import QueuePool

DEFAULT_URL = "sqlite:///var/careplan.db"
MIGRATIONS = Path(__file__).with_name("migrations")


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or DEFAULT_URL


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def never_made(url: str) -> bool:
    """A SQLite file that doesn't exist yet: nothing in it to read or erase (and don't create it)."""
    path = _sqlite_path(url)
    return path is not None and not path.exists()


def forget_old_pages(engine: Engine) -> None:
    """After deleting: SQLite's write-ahead log keeps old copies of changed pages until a
    checkpoint, so copy them home (where secure_delete overwrites them) and empty it."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def private_file(path: Path) -> None:
    """Create the SQLite file readable by its owner only, before SQLite does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def make_engine(url: str | None = None, future: bool = True) -> Engine:
    """``future=False`` is for Rasa's tracker store, which still uses SQLAlchemy's 1.x API."""
    url = url or database_url()
    path = _sqlite_path(url)
    if path is not None:
        private_file(path)
        # Keep connections open (SQLAlchemy 1.4 opens a new one per transaction for a
        # SQLite file): about 9 ms less per stored answer.
        engine = create_engine(
            url, future=future, poolclass=QueuePool, connect_args={"timeout": 2, "check_same_thread": False}
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA secure_delete=ON")  # deleted answers are overwritten, not left on disk
            # Readers don't block the writer, so the care-team app never holds up the chat.
            cursor.execute("PRAGMA journal_mode=WAL")
            # In WAL mode a commit survives the process crashing; NORMAL skips the
            # extra disk flush per commit that only an operating-system crash needs.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=2000")
            cursor.close()

        return engine
    return create_engine(url, future=future, pool_pre_ping=True)


def migrate(url: str | None = None) -> None:
    """Bring the database up to the newest schema (``alembic upgrade head``)."""
    from alembic import command
    from alembic.config import Config

    url = url or database_url()
    path = _sqlite_path(url)
    if path is not None:
        private_file(path)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, "head")
