"""Loading deploy/gunicorn.conf.py the way gunicorn does, with a chosen environment."""

from __future__ import annotations

from pathlib import Path

import pytest
from gunicorn.app.base import Application

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"
GUNICORN_CONF = DEPLOY / "gunicorn.conf.py"
SETTING_ENV = (
    "VVE_BIND",
    "VVE_WORKERS",
    "VVE_TIMEOUT",
    "VVE_FORWARDED_ALLOW_IPS",
    "VVE_LOG_LEVEL",
    "VVE_LOG_FORMAT",
    "VVE_WORKER_TMP_DIR",
)


class LoadedConfig(Application):
    """Gunicorn's own loader and validators, without a command line or an application."""

    def __init__(self, path: Path):
        self._path = path
        super().__init__()

    def load_config(self):
        self.module = self.load_config_from_file(str(self._path))

    def load(self):  # pragma: no cover - the tests never start a server here
        raise AssertionError("not started")


@pytest.fixture
def load_conf(monkeypatch):
    """``load_conf(VVE_WORKERS="3")``: the config as gunicorn sees it, and the module."""

    def load(**env: str) -> LoadedConfig:
        for name in SETTING_ENV:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return LoadedConfig(GUNICORN_CONF)

    return load


@pytest.fixture(scope="module")
def load_conf_once() -> dict:
    """The config module's names, loaded once (for the functions that read no setting)."""
    return LoadedConfig(GUNICORN_CONF).module
