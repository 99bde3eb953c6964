"""Web fixtures: the app on SQLite and, when reachable, PostgreSQL; a wizard actions helper."""

from __future__ import annotations

import os
import re
import secrets
from html.parser import HTMLParser

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
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG_OK, reason="PostgreSQL not reachable on 127.0.0.1:5432"))]


@pytest.fixture(scope="session", autouse=True)
def catalogs():
    compile_catalogs()


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
        uri = (PG_URL.replace("postgresql://", "postgresql+psycopg://")
               + f"?options=-csearch_path%3D{schema}")
    yield uri
    if schema:
        import psycopg
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def make_app(uri: str):
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": uri,
                       "SECRET_KEY": "test-" + secrets.token_hex(8), "VVE_ENV": "testing"})


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
def client(app):
    return app.test_client()


_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')
_VERSION = re.compile(r'id="version" name="version" type="hidden" value="(\d*)"')


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1) or match.group(2)


class _FormValues(HTMLParser):
    """What a browser would post for the page's form as it stands."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}
        self._select = None
        self._first_option = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "file", "button"):
            if a.get("type") in ("radio", "checkbox"):
                if "checked" in a:
                    self.values[name] = a.get("value", "y")
            else:
                self.values[name] = a.get("value", "")
        elif tag == "select" and name:
            self._select, self._first_option = name, None
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = a.get("value", "")
                self.values.setdefault(self._select, self._first_option)
            if "selected" in a:
                self.values[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def form_values(html: str) -> dict[str, str]:
    parser = _FormValues()
    parser.feed(html)
    return parser.values


class Wizard:
    """Drive the wizard as a board member would: start, answer steps, read pages."""

    def __init__(self, client):
        self.client = client
        self.public_id = None
        self.link = None

    def start(self):
        page = self.client.get("/").get_data(as_text=True)
        response = self.client.post("/start", data={"csrf_token": csrf_of(page)})
        assert response.status_code == 302
        created = self.client.get(response.headers["Location"]).get_data(as_text=True)
        self.link = re.search(r'id="private-link" type="text" readonly value="([^"]+)"',
                              created).group(1)
        self.public_id = response.headers["Location"].split("/")[2]
        return self

    def url(self, slug):
        return f"/d/{self.public_id}/stap/{slug}"

    def submit(self, slug, data=None, button="next", follow=False):
        page = self.client.get(self.url(slug)).get_data(as_text=True)
        form = form_values(page)
        form[button] = ""
        form.update(data or {})
        return self.client.post(self.url(slug), data=form, follow_redirects=follow)


@pytest.fixture
def wizard(client):
    return Wizard(client).start()
