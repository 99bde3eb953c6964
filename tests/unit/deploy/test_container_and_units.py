"""The container image, its entrypoint, the systemd units and the nginx example keep the
promises of docs/deploy.md: non-root, no implicit migrations, hardening, the same request
size limit as the app, and no private-link token in the proxy's access log."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from vve.config import load_config

from .conftest import DEPLOY

ROOT = DEPLOY.parent


def _final_stage() -> list[str]:
    lines = (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines()
    last_from = max(i for i, line in enumerate(lines) if line.startswith("FROM "))
    return lines[last_from:]


def test_the_image_runs_as_a_fixed_non_root_uid_with_a_health_check():
    final = "\n".join(_final_stage())
    (user,) = re.findall(r"^USER (\d+):(\d+)$", final, re.MULTILINE)
    assert int(user[0]) >= 1000 and int(user[1]) >= 1000
    assert re.search(r"^HEALTHCHECK .*\n?.*vve-healthcheck", final, re.MULTILINE)
    assert 'ENTRYPOINT ["/usr/local/bin/vve-entrypoint"]' in final
    assert 'CMD ["serve"]' in final
    assert "COPY deploy/gunicorn.conf.py /etc/vve/gunicorn.conf.py" in final


def test_the_final_stage_installs_nothing_and_the_build_stage_only_hashed_wheels():
    final = "\n".join(_final_stage())
    assert not re.search(r"pip install|apt-get|apk add|gcc|build-essential", final)
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for install in re.findall(r"pip install[^\n]*-r [^\n]*", dockerfile):
        assert "--require-hashes" in install and "--only-binary=:all:" in install
    script = (DEPLOY / "install-venv.sh").read_text(encoding="utf-8")
    for install in re.findall(r"pip\" install[^\n]*(?:\n[^\n]*)?", script):
        assert "--require-hashes" in install or "--no-deps" in install, install


def test_nothing_secret_or_local_goes_into_the_build_context():
    ignored = set((ROOT / ".dockerignore").read_text(encoding="utf-8").split())
    assert {".git", ".venv", "instance", "*.env", ".env*", "tests"} <= ignored


@pytest.fixture
def entrypoint(tmp_path):
    """The entrypoint with gunicorn and vve replaced by programs that print their call."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for program in ("gunicorn", "vve"):
        stub = bin_dir / program
        stub.write_text(f'#!/bin/sh\necho "{program} $* umask=$(umask)"\n', encoding="utf-8")
        stub.chmod(0o755)

    def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        environment = {"PATH": f"{bin_dir}:/usr/bin:/bin", **env}
        return subprocess.run(
            ["sh", str(DEPLOY / "docker-entrypoint.sh"), *args],
            env=environment,
            capture_output=True,
            text=True,
            timeout=30,
        )

    return run


def test_the_entrypoint_serves_by_default_and_migrates_only_when_asked(entrypoint):
    db = {"DATABASE_URL": "sqlite:////var/lib/vve/vve.sqlite3"}
    assert entrypoint(**db).stdout == "gunicorn --config /etc/vve/gunicorn.conf.py umask=0077\n"
    assert entrypoint("--workers", "3", **db).stdout.startswith(
        "gunicorn --config /etc/vve/gunicorn.conf.py --workers 3"
    )
    assert entrypoint("migrate", **db).stdout == "vve migrate umask=0077\n"
    assert entrypoint("vve", "purge-deleted", "--dry-run", **db).stdout.startswith(
        "vve purge-deleted --dry-run"
    )


@pytest.mark.parametrize("command", [(), ("serve",), ("migrate",)])
def test_the_entrypoint_refuses_to_start_without_a_database_or_a_secret_key(entrypoint, command):
    result = entrypoint(*command, VVE_ENV="production", SECRET_KEY="k")
    assert result.returncode == 78 and result.stdout == ""
    assert "DATABASE_URL ontbreekt" in result.stderr
    result = entrypoint(*command, VVE_ENV="production", DATABASE_URL="sqlite:////x.sqlite3")
    assert result.returncode == 78 and result.stdout == ""
    assert "SECRET_KEY ontbreekt" in result.stderr


def _unit(name: str) -> dict[str, list[str]]:
    settings: dict[str, list[str]] = {}
    for line in (DEPLOY / name).read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            settings.setdefault(key.strip(), []).append(value.strip())
    return settings


@pytest.mark.parametrize("name", ["vve-warmteplan.service", "vve-warmteplan-migrate.service"])
def test_both_units_run_as_their_own_user_with_the_hardening(name):
    unit = _unit(name)
    assert unit["User"] == ["vve"] and unit["EnvironmentFile"] == ["/etc/vve/vve.env"]
    assert unit["ProtectSystem"] == ["strict"] and unit["ReadWritePaths"] == ["/var/lib/vve"]
    for flag in ("PrivateTmp", "NoNewPrivileges", "ProtectHome", "PrivateDevices"):
        assert unit[flag] == ["yes"], flag
    assert unit["CapabilityBoundingSet"] == [""]


def test_the_app_unit_restarts_on_failure_and_never_migrates():
    unit = _unit("vve-warmteplan.service")
    assert unit["ExecStart"] == ["/opt/vve/bin/gunicorn --config /etc/vve/gunicorn.conf.py"]
    assert unit["Restart"] == ["on-failure"]
    assert not any("migrate" in v or "upgrade" in v for v in unit.get("ExecStartPre", []))
    migrate = _unit("vve-warmteplan-migrate.service")
    assert migrate["Type"] == ["oneshot"] and migrate["ExecStart"] == ["/opt/vve/bin/vve migrate"]


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
@pytest.mark.parametrize("name", ["vve-warmteplan.service", "vve-warmteplan-migrate.service"])
def test_systemd_knows_every_directive(name):
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(DEPLOY / name)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SYSTEMD_LOG_COLOR": "0"},
    )
    complaints = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and "is not executable" not in line
    ]
    assert not complaints


def _nginx() -> str:
    return (DEPLOY / "nginx-vve.conf").read_text(encoding="utf-8")


def test_the_proxy_refuses_bodies_the_app_would_refuse(tmp_path):
    (size,) = re.findall(r"client_max_body_size (\d+)([km]?);", _nginx())
    factor = {"": 1, "k": 1024, "m": 1024 * 1024}[size[1]]
    assert int(size[0]) * factor == load_config(str(tmp_path))["MAX_CONTENT_LENGTH"]


def test_the_proxy_logs_only_the_redacted_uri_and_sets_the_forwarding_headers():
    conf = _nginx()
    (log_format,) = re.findall(r"log_format vve (.*?);", conf, re.DOTALL)
    assert "$vve_loggable_uri" in log_format and "$vve_loggable_referer" in log_format
    assert not re.search(r"\$(request|request_uri|uri|http_referer|args)\b", log_format)
    assert re.findall(r"access_log (\S+) (\w+);", conf) and all(
        fmt == "vve" for _path, fmt in re.findall(r"access_log (\S+) (\w+);", conf)
    )
    for header in (
        "X-Request-ID $request_id",
        "X-Forwarded-For $remote_addr",
        "X-Forwarded-Proto $scheme",
        "X-Forwarded-Host $host",
    ):
        assert f"proxy_set_header {header};" in conf, header


def test_the_health_check_asks_the_loopback_for_a_wildcard_address():
    import importlib.util

    spec = importlib.util.spec_from_file_location("vve_healthcheck", DEPLOY / "healthcheck.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.health_url("0.0.0.0:8000") == "http://127.0.0.1:8000/health"
    assert module.health_url("[::]:8000,unix:/x") == "http://[::1]:8000/health"
    assert module.health_url("10.1.2.3:9000") == "http://10.1.2.3:9000/health"
