"""Operations (issue 12): request logs with a request id, security events in the log,
liveness and readiness, the SQLite file's mode, the Host header, the 413 and 500 pages."""

import io
import json
import logging
import os
import stat
import types

import pytest
from flask_migrate import upgrade

from tests.integration.conftest import PG_OK, PG_URL, make_app
from tests.integration.web.conftest import csrf_of
from tests.integration.web.test_advisors import PASSWORD, login, make_user
from vve import logs
from vve.config import ConfigError, load_config
from vve.database import sqlite_path
from vve.extensions import db


@pytest.fixture
def lines(app):
    """The app's log output (text format) while the test runs; JSON with ``lines.json()``."""
    stream = io.StringIO()
    logs.configure("text", "INFO", stream=stream)

    def read():
        return stream.getvalue()

    def as_json():
        stream.seek(0)
        stream.truncate()
        logs.configure("json", "INFO", stream=stream)

    yield types.SimpleNamespace(read=read, json=as_json)
    logs.configure()


def _request_lines(text):
    return [line for line in text.splitlines() if " vve.request " in line]


# --- request logs ---------------------------------------------------------------------


def test_one_line_per_request_with_its_fields_and_no_query(client, lines):
    client.get("/?zoek=Jansen")
    client.get("/bestaat-niet")
    first, second = _request_lines(lines.read())
    assert "GET / 200" in first and "endpoint=wizard.start" in first and "path=/ " in first
    assert "duration_ms=" in first and "user_kind=anonymous" in first
    assert "request_id=" in first and "Jansen" not in first
    assert "status=404" in second


def test_the_request_id_comes_from_the_proxy_when_it_is_sane(client, lines):
    given = client.get("/", headers={"X-Request-ID": "req-0123456789abcdef"})
    assert given.headers["X-Request-ID"] == "req-0123456789abcdef"
    assert "request_id=req-0123456789abcdef" in lines.read()
    for bad in ("met spatie", "x" * 200, "a\tb", "<script>", ""):
        response = client.get("/", headers={"X-Request-ID": bad})
        made = response.headers["X-Request-ID"]
        assert made != bad and logs.REQUEST_ID.fullmatch(made)
    assert "<script>" not in lines.read() and "met spatie" not in lines.read()


def test_json_lines_carry_the_same_fields(client, lines):
    lines.json()
    client.get("/", headers={"X-Request-ID": "abc123"})
    record = json.loads(lines.read().splitlines()[-1])
    assert record["logger"] == "vve.request" and record["level"] == "INFO"
    assert {k: record[k] for k in ("method", "endpoint", "path", "status", "request_id")} == {
        "method": "GET",
        "endpoint": "wizard.start",
        "path": "/",
        "status": 200,
        "request_id": "abc123",
    }
    assert isinstance(record["duration_ms"], float) and record["time"].endswith("Z")


def test_the_log_format_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("VVE_LOG_FORMAT", "json")
    monkeypatch.setenv("VVE_LOG_LEVEL", "warning")
    config = load_config(str(tmp_path), {"SECRET_KEY": "x"})
    assert (config["LOG_FORMAT"], config["LOG_LEVEL"]) == ("json", "WARNING")
    monkeypatch.delenv("VVE_LOG_FORMAT")
    assert load_config(str(tmp_path), {"SECRET_KEY": "x"})["LOG_FORMAT"] == "text"


def test_security_events_are_logged_with_their_fields_and_no_password(app, client, lines):
    make_user(app, "anna@drenthe.nl")
    advisor = login(client, "anna@drenthe.nl")
    advisor.get("/adviseur/export.csv?zoek=Jansen")
    text = lines.read()
    event = next(
        line
        for line in text.splitlines()
        if " vve.security " in line and "event=csv_exported" in line
    )
    assert "event=csv_exported" in event and "actor_kind=advisor" in event
    assert "user_id=" in event and "request_id=" in event
    assert "user_kind=advisor" in _request_lines(text)[-1]
    for secret in (PASSWORD, "anna@drenthe.nl", "Jansen"):
        assert secret not in text


def test_a_server_error_is_logged_with_its_request_id_and_the_path_cut(app, lines):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: the 500 page, logged

    @app.get("/toegang/<public_id>/<token>/stuk")
    def broken(public_id, token):
        raise RuntimeError("kapot")

    client = app.test_client()
    response = client.get("/toegang/abc/GEHEIM/stuk", headers={"X-Request-ID": "fout-1"})
    assert response.status_code == 500
    text = lines.read()
    assert "GEHEIM" not in text and "RuntimeError: kapot" in text
    error = next(line for line in text.splitlines() if " ERROR " in line)
    assert "request_id=fout-1" in error


def test_a_database_error_in_the_log_shows_no_values(app, lines):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    typed = "".join(("Jan", "sen"))  # as a board's answer would be: not in any source line

    @app.get("/stuk")
    def broken():
        db.session.execute(db.text("SELECT * FROM bestaat_niet WHERE x = :n"), {"n": typed})

    assert app.test_client().get("/stuk").status_code == 500
    text = lines.read()
    assert "bestaat_niet" in text and "Jansen" not in text


def test_migrations_in_the_same_process_keep_the_apps_log_handler(database_uri):
    app = make_app(database_uri)
    handler = logs.configure()
    with app.app_context():
        upgrade()
    assert handler in logging.getLogger().handlers
    assert logging.getLogger("vve.request").isEnabledFor(logging.INFO)
    with app.app_context():
        db.engine.dispose()


def test_ready_checks_the_database(client):
    assert client.get("/health").data == b"ok"
    ready = client.get("/ready")
    assert ready.status_code == 200 and ready.data == b"ok"
    assert "Set-Cookie" not in ready.headers


BAD_DATABASES = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=pytest.mark.skipif(not PG_OK, reason="PostgreSQL not reachable"),
    ),
]


@pytest.mark.parametrize("backend", BAD_DATABASES)
def test_ready_is_503_while_the_database_is_down_and_health_stays_200(backend, tmp_path):
    if backend == "sqlite":
        (tmp_path / "a-file").write_text("x")  # a folder that cannot exist
        uri = f"sqlite:///{tmp_path / 'a-file' / 'db.sqlite3'}"
    else:  # the real server, a port where nothing listens
        uri = PG_URL.replace("postgresql://", "postgresql+psycopg://").replace(":5432", ":1")
    app = make_app(uri)
    client = app.test_client()
    assert client.get("/health").status_code == 200
    ready = client.get("/ready")
    assert ready.status_code == 503 and b"database" in ready.data
    with app.app_context():
        db.engine.dispose()


def test_postgresql_connections_give_up_quickly(tmp_path):
    config = load_config(str(tmp_path), {"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": PG_URL})
    assert config["SQLALCHEMY_ENGINE_OPTIONS"]["connect_args"]["connect_timeout"] <= 10
    assert config["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"]
    assert config["SQLALCHEMY_ENGINE_OPTIONS"]["hide_parameters"]  # no answers in error logs


# --- the SQLite file -------------------------------------------------------------------


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_sqlite_database_is_private_to_its_owner(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    old = os.umask(0o022)
    try:
        instance = tmp_path / "instance"
        config = load_config(str(instance), {"VVE_ENV": "development"})
        assert _mode(instance) == 0o700 and _mode(instance / "secret_key") == 0o600
        app = make_app(config["SQLALCHEMY_DATABASE_URI"])
        with app.app_context():
            upgrade()
            with db.engine.connect():  # open: SQLite keeps its -wal and -shm files
                database = sqlite_path(config["SQLALCHEMY_DATABASE_URI"], str(instance))
                files = {p.name: _mode(p) for p in instance.iterdir()}
            db.engine.dispose()
    finally:
        os.umask(old)
    assert {database.name, database.name + "-wal", database.name + "-shm"} <= set(files)
    assert files == dict.fromkeys(files, 384)


def test_a_world_readable_database_is_tightened_on_start(tmp_path):
    database = tmp_path / "old.sqlite3"
    database.write_bytes(b"")
    database.chmod(0o644)
    make_app(f"sqlite:///{database}")
    assert _mode(database) == 0o600


# --- the Host header --------------------------------------------------------------------


def test_an_unknown_host_is_refused_before_any_link_is_built(app, client):
    page = client.get("/").get_data(as_text=True)
    evil = client.post(
        "/start", data={"csrf_token": csrf_of(page)}, headers={"Host": "evil.example"}
    )
    assert evil.status_code == 400 and evil.data == b"Onbekende host / unknown host\n"
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:5000"}).status_code == 200
    with app.app_context():
        assert db.session.execute(db.text("SELECT count(*) FROM dossier")).scalar_one() == 0


def test_trusted_hosts_come_from_the_environment_and_production_needs_them(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "s" * 64)
    monkeypatch.delenv("VVE_TRUSTED_HOSTS", raising=False)
    assert load_config(str(tmp_path))["TRUSTED_HOSTS"] == ["127.0.0.1", "localhost"]
    with pytest.raises(ConfigError, match="VVE_TRUSTED_HOSTS"):
        load_config(str(tmp_path), {"VVE_ENV": "production"})
    monkeypatch.setenv("VVE_TRUSTED_HOSTS", " warmteplan.example.nl, .gemeente.nl ")
    config = load_config(str(tmp_path), {"VVE_ENV": "production"})
    assert config["TRUSTED_HOSTS"] == ["warmteplan.example.nl", ".gemeente.nl"]


# --- error pages ------------------------------------------------------------------------


def test_the_413_page_is_dutch_in_the_layout_and_offers_the_way_back(app, client):
    page = client.get("/").get_data(as_text=True)
    response = client.post(
        "/importeren",
        data={"csrf_token": csrf_of(page)},
        headers={"Referer": "http://localhost/"},
        environ_overrides={"CONTENT_LENGTH": str(3 * 1024 * 1024)},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "2 MB" in html and "niets opgeslagen" in html and 'class="page-header"' in html
    assert 'href="/"' in html and "Terug naar de vorige pagina" in html
    client.get("/taal/en")
    english = client.post(
        "/importeren", environ_overrides={"CONTENT_LENGTH": str(3 * 1024 * 1024)}
    ).get_data(as_text=True)
    assert "Nothing was saved" in english and "2 MB" in english


def test_the_500_page_needs_no_database_and_names_the_request(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production

    @app.get("/stuk")
    def broken():
        db.session.execute(db.text("SELECT * FROM bestaat_niet"))

    client = app.test_client()
    make_user(app, "anna@drenthe.nl")
    login(client, "anna@drenthe.nl")  # the page must not ask the database who this is
    response = client.get("/stuk", headers={"X-Request-ID": "vraag-42"})
    html = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Er ging iets mis" in html and "vraag-42" in html and 'class="page-header"' in html
    client.get("/taal/en")
    assert "Something went wrong" in client.get("/stuk").get_data(as_text=True)
