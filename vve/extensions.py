"""Flask extensions, created unbound and attached in create_app.

Flask-Migrate (and with it Alembic, about 10 MB and 30 ms per process) is not imported
here: a web worker never migrates. ``attach_migrate`` gives the app a stand-in for the
extension and a ``db`` command group that import Flask-Migrate the first time a database
command (``flask db ...``, ``vve migrate``) needs it."""

from __future__ import annotations

from typing import Any

import click
from flask import Flask
from flask_babel import Babel
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
csrf = CSRFProtect()
babel = Babel()


def attach_migrate(app: Flask, directory: str) -> None:
    """Register the migrations for the CLI without importing Flask-Migrate."""
    app.extensions["migrate"] = _LazyMigrate(app, directory)
    app.cli.add_command(_LazyDbGroup(app, directory, name="db"))


def _migrate_config(app: Flask, directory: str) -> Any:
    """Flask-Migrate's own configuration of the app, made on first use."""
    current = app.extensions.get("migrate")
    if isinstance(current, _LazyMigrate):
        from flask_migrate import Migrate

        Migrate(app, db, directory=directory)  # replaces the stand-in and the db group
    return app.extensions["migrate"]


class _LazyMigrate:
    """``app.extensions["migrate"]`` until a migration command reads it."""

    def __init__(self, app: Flask, directory: str) -> None:
        self._app, self._directory = app, directory

    def __getattr__(self, name: str) -> Any:
        return getattr(_migrate_config(self._app, self._directory), name)


class _LazyDbGroup(click.Group):
    """``flask db``: Flask-Migrate's command group, imported when one of its commands runs."""

    def __init__(self, app: Flask, directory: str, **kwargs: Any) -> None:
        super().__init__(help="Perform database migrations (Flask-Migrate).", **kwargs)
        self._app, self._directory = app, directory

    def _real(self) -> click.Group:
        _migrate_config(self._app, self._directory)
        from flask_migrate.cli import db as group

        return group

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """Run as Flask-Migrate's group itself: its options, callback and commands."""
        return self._real().make_context(info_name, args, parent=parent, **extra)
