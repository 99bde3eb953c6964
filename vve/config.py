"""Configuration from the environment; nothing is read at import time."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from . import resources


class ConfigError(RuntimeError):
    """The app refuses to start with an unsafe or incomplete configuration."""


def load_config(instance_path: str, overrides: dict | None = None) -> dict:
    """Settings for create_app: environment first, then explicit overrides (tests)."""
    env = (overrides or {}).get("VVE_ENV") or os.environ.get("VVE_ENV", "development")
    config: dict[str, Any] = {
        "VVE_ENV": env,
        "SQLALCHEMY_DATABASE_URI": _database_url(instance_path),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env == "production",
        "PERMANENT_SESSION_LIFETIME": 60 * 60 * 24 * 90,
        # A board member looking up the deed must not lose the step (flask-wtf #258).
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        # Fields in one form post (multipart by Werkzeug, urlencoded by request_limits):
        # about twice the largest wizard step with every table full (~900 inputs;
        # tests/integration/web/test_limits.py checks), so no page comes near it.
        "MAX_FORM_PARTS": 2000,
        "BABEL_DEFAULT_LOCALE": "nl",
        "BABEL_TRANSLATION_DIRECTORIES": str(resources.TRANSLATIONS),
        "LANGUAGES": ("nl", "en"),
        "PROXY_FIX": os.environ.get("VVE_PROXY_FIX") == "1",
        # earlier keys, newest first: cookies and second-factor secrets made with them still work
        "SECRET_KEY_FALLBACKS": [
            key for key in os.environ.get("SECRET_KEY_FALLBACKS", "").split(",") if key.strip()
        ],
        "LOG_FORMAT": "json" if os.environ.get("VVE_LOG_FORMAT", "").lower() == "json" else "text",
        "LOG_LEVEL": os.environ.get("VVE_LOG_LEVEL", "INFO").upper(),
    }
    config.update(overrides or {})
    config["SQLALCHEMY_ENGINE_OPTIONS"] = _engine_options(
        config["SQLALCHEMY_DATABASE_URI"], config.get("SQLALCHEMY_ENGINE_OPTIONS")
    )
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or _development_secret(
            env, instance_path
        )
    if "TRUSTED_HOSTS" not in config:
        config["TRUSTED_HOSTS"] = _trusted_hosts(env)
    return config


DEVELOPMENT_HOSTS = ("127.0.0.1", "localhost")  # werkzeug cannot match IPv6 literals
CONNECT_TIMEOUT_SECONDS = 5


def _trusted_hosts(env: str) -> list[str]:
    """The host names the app answers to (``VVE_TRUSTED_HOSTS``, comma-separated; a leading
    dot also allows subdomains). The private link shown after starting is built from the
    Host header, so a request naming another host is refused. Production must name them."""
    hosts = [h.strip() for h in os.environ.get("VVE_TRUSTED_HOSTS", "").split(",") if h.strip()]
    if hosts:
        return hosts
    if env == "production":
        raise ConfigError(
            "VVE_TRUSTED_HOSTS ontbreekt: zet de host-namen van de site, "
            "bijvoorbeeld VVE_TRUSTED_HOSTS=warmteplan.example.nl."
        )
    return list(DEVELOPMENT_HOSTS)


def _engine_options(uri: str, given: dict | None) -> dict:
    """Dead connections are replaced before use; PostgreSQL gives up connecting after a
    few seconds instead of hanging a worker (and the readiness check); a database error
    in the log shows the SQL but not its values (answers, names, e-mail addresses)."""
    options: dict = {"pool_pre_ping": True, "hide_parameters": True, **(given or {})}
    if uri.startswith("postgresql"):
        options["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT_SECONDS}
        options["connect_args"].update((given or {}).get("connect_args", {}))
    return options


def _database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        # private: the folder holds the database and the development secret
        Path(instance_path).mkdir(mode=0o700, parents=True, exist_ok=True)
        return f"sqlite:///{Path(instance_path) / 'vve.sqlite3'}"
    # Heroku-style URLs name the old driver; SQLAlchemy 2 with psycopg 3 wants this one.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _development_secret(env: str, instance_path: str) -> str:
    if env == "production":
        raise ConfigError(
            "SECRET_KEY ontbreekt: zet de omgevingsvariabele SECRET_KEY "
            "(bijvoorbeeld: python -c 'import secrets; print(secrets.token_hex(32))')."
        )
    # Development: a random key kept in the instance folder, so sessions survive restarts.
    path = Path(instance_path) / "secret_key"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(secrets.token_hex(32))
    return path.read_text(encoding="utf-8").strip()
