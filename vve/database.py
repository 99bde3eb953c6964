"""The database connection's set-up and checks: SQLite's pragmas and file mode, readiness.

The SQLite file holds every board's answers: it is made readable by its owner only (0600,
its folder 0700 when the app makes it), before SQLite first opens it; a file left
world-readable by an older version is tightened on start. SQLite gives its ``-wal`` and
``-shm`` files the database file's mode.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from flask import Flask
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from .extensions import db

FILE_MODE = 0o600
FOLDER_MODE = 0o700
READY_TIMEOUT_MS = 2000

log = logging.getLogger("vve.health")


def sqlite_path(uri: str, instance_path: str) -> Path | None:
    """The file of an SQLite URL, or None (another database, or in memory). A relative
    path is in the instance folder, as Flask-SQLAlchemy resolves it."""
    url = make_url(uri)
    if not url.drivername.startswith("sqlite") or url.database in (None, "", ":memory:"):
        return None
    if url.database.startswith("file:"):
        return None  # a URI filename: its owner chose how it is opened
    return Path(instance_path) / url.database


def secure_sqlite_file(path: Path) -> None:
    """Create the file (and its folder) private to this user, or make an existing one so.
    Best effort: where it cannot be done, SQLite reports the problem on connecting."""
    try:
        if not path.parent.exists():
            path.parent.mkdir(mode=FOLDER_MODE, parents=True)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
        for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            if file.exists() and file.stat().st_mode & 0o077:
                file.chmod(FILE_MODE)
    except OSError:
        return


def init_app(app: Flask) -> None:
    path = sqlite_path(app.config["SQLALCHEMY_DATABASE_URI"], app.instance_path)
    if path is None:
        return
    secure_sqlite_file(path)
    with app.app_context():

        @event.listens_for(db.engine, "connect")
        def _on_connect(dbapi_connection, _record):  # pragma: no cover - driver callback
            """WAL and a busy timeout: SQLite with several writers (PITFALLS)."""
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()


def database_ready(timeout_ms: int = READY_TIMEOUT_MS) -> bool:
    """Can the database answer a query now? ``SELECT 1``, on PostgreSQL with a short
    statement timeout (the connect timeout is in the engine options, config.py)."""
    try:
        with db.engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text(f"SET LOCAL statement_timeout = {int(timeout_ms)}"))
            connection.execute(text("SELECT 1")).scalar_one()
            connection.rollback()
        return True
    except Exception:  # whatever the failure, the answer is "not ready"; the log says why
        log.warning("database not ready", exc_info=True)
        return False
