"""Configuration from the environment; nothing is read at import time."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from . import resources


class ConfigError(RuntimeError):
    """The app refuses to start with an unsafe or incomplete configuration."""


def load_config(instance_path: str, overrides: dict | None = None) -> dict:
    """Settings for create_app: environment first, then explicit overrides (tests)."""
    env = (overrides or {}).get("VVE_ENV") or os.environ.get("VVE_ENV", "development")
    config = {
        "VVE_ENV": env,
        "SQLALCHEMY_DATABASE_URI": _database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
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
    }
    config.update(overrides or {})
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or _development_secret(
            env, instance_path
        )
    return config


def _database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        Path(instance_path).mkdir(parents=True, exist_ok=True)
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
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(secrets.token_hex(32), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()
