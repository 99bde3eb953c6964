"""Database fixtures for every integration test: the app on SQLite and, when reachable,
PostgreSQL (a fresh schema per test), upgraded by the real migrations."""

from __future__ import annotations

import os
import secrets

import pytest
from flask_migrate import upgrade

from vve.extensions import db
from vve.i18n import compile_catalogs
from vve.web import create_app

PG_URL = os.environ.get("VVE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def _postgres_reachable() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=2):
            return True
    except Exception:
        return False


PG_OK = _postgres_reachable()
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not PG_OK, reason="PostgreSQL not reachable on 127.0.0.1:5432"),
    ),
]


@pytest.fixture(scope="session", autouse=True)
def catalogs():
    compile_catalogs()


@pytest.fixture(autouse=True)
def cold_worker():
    """Each test starts as a new worker: no plan or figure kept from another test (whose
    knowledge, clock or engine may have been patched)."""
    from vve.services import plans

    plans.forget_plans()
    plans.forget_timelines()


@pytest.fixture(params=BACKENDS)
def database_uri(request, tmp_path):
    """An empty database on each backend (a fresh PostgreSQL schema), dropped afterwards."""
    schema = None
    if request.param == "sqlite":
        uri = f"sqlite:///{tmp_path / 'test.sqlite3'}"
    else:
        import psycopg

        schema = f"vve_test_{secrets.token_hex(4)}"
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        uri = (
            PG_URL.replace("postgresql://", "postgresql+psycopg://")
            + f"?options=-csearch_path%3D{schema}"
        )
    yield uri
    if schema:
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def make_app(uri: str):
    return create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": uri,
            "SECRET_KEY": "test-" + secrets.token_hex(8),
            "VVE_ENV": "testing",
        }
    )


@pytest.fixture
def app(database_uri):
    app = make_app(database_uri)
    with app.app_context():
        upgrade()  # the real migrations, on both databases
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def old_app_at(database_uri):
    """A factory for a migration test: `old_app_at(revision)` is the app on a database
    upgraded only as far as `revision` (the schema before the migration under test)."""
    apps = []

    def at(revision: str):
        app = make_app(database_uri)
        with app.app_context():
            upgrade(revision=revision)
        apps.append(app)
        return app

    yield at
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def revision_before(after: str) -> str:
    """The revision a migration follows, read from its file (the chain may be re-ordered
    on merging)."""
    import re

    from tests.conftest import ROOT

    path = next((ROOT / "migrations" / "versions").glob(f"{after}_*.py"))
    found = re.search(r"^down_revision = '(\w+)'", path.read_text(encoding="utf-8"), re.M)
    assert found is not None, path
    return found.group(1)
