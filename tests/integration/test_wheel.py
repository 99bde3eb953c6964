"""The built wheel works on its own: `pip install .` as docs/deploy.md says, then the app.

Slow on purpose (marked ``wheel``; about a minute with a warm pip cache, several on the
first run): it builds the wheel from a copy of the source tree without compiled catalogs (as
a clean clone has), installs it with its dependencies into a fresh venv under ``tmp_path``,
and runs the installed ``vve`` with the working directory outside the checkout. The venv is
made from the base interpreter without ``--system-site-packages``, so the checkout's editable
``vve`` cannot be imported there: templates, static files, catalogs and migrations must come
from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.wheel

# What .gitignore keeps out of a clean clone, and .mo files, which the build must compile.
_NOT_IN_A_CLONE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "instance",
    "artifacts",
    "*.egg-info",
    "__pycache__",
    "*.pyc",
    "*.mo",
    ".hypothesis",
    ".pytest_cache",
)


def _run(args, cwd, env=None, timeout=900):
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, args))} exited {result.returncode}\n"
        f"stdout:\n{result.stdout[-4000:]}\nstderr:\n{result.stderr[-4000:]}"
    )
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built by pip (with build isolation, as `pip install .` does)."""
    work = tmp_path_factory.mktemp("wheel-build")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_IN_A_CLONE)
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "dist", source],
        cwd=work,
    )
    (built,) = (work / "dist").glob("vve_warmteplan-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv outside the checkout, installed as the deployment does it: the
    dependencies from the hashed lock file, then the wheel alone; `pip check` proves that
    the lock held everything the wheel needs."""
    home = tmp_path_factory.mktemp("wheel-venv")
    base = getattr(sys, "_base_executable", sys.executable)
    _run([base, "-m", "venv", home / "venv"], cwd=home)
    pip = [home / "venv" / "bin" / "python", "-m", "pip"]
    lock = ROOT / "requirements" / "deploy.txt"
    _run([*pip, "install", "-q", "--require-hashes", "--only-binary=:all:", "-r", lock], cwd=home)
    _run([*pip, "install", "-q", "--no-deps", wheel], cwd=home)
    _run([*pip, "check"], cwd=home)
    return home / "venv"


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """A user's environment: own database, no checkout on the path, no PYTHONPATH."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "DATABASE_URL", "VVE_ENV", "SECRET_KEY")
    }
    clean.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'vve.sqlite3'}",
        SECRET_KEY="wheel-test-secret",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return clean


def test_the_wheel_holds_templates_static_files_catalogs_migrations_and_data(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for expected in (
        "vve/_resources/templates/base.html",
        "vve/_resources/templates/wizard/step.html",
        "vve/_resources/static/app.css",
        "vve/_resources/translations/en/LC_MESSAGES/messages.mo",
        "vve/_resources/translations/nl/LC_MESSAGES/messages.mo",
        "vve/_resources/migrations/alembic.ini",
        "vve/_resources/migrations/env.py",
        "vve/_resources/migrations/script.py.mako",
        "vve/_resources/examples/emmen-galerijflat.json",
        "vve/knowledge/data/municipalities.toml",
    ):
        assert expected in names, expected
    versions = {n for n in names if n.startswith("vve/_resources/migrations/versions/")}
    assert {Path(n).name for n in versions} == {
        p.name for p in (ROOT / "migrations" / "versions").glob("*.py")
    }
    assert not [n for n in names if n.startswith(("tests/", "wsgi", "templates/"))]


def test_the_installed_package_is_the_wheel_not_the_checkout(venv, tmp_path, env):
    where = _run(
        [venv / "bin" / "python", "-c", "import vve; print(vve.__file__)"], cwd=tmp_path, env=env
    ).stdout.strip()
    assert Path(where).is_relative_to(venv), where


def test_create_user_upgrades_the_database_and_makes_the_admin(venv, tmp_path, env):
    result = _run(
        [
            venv / "bin" / "vve",
            "create-user",
            "--email",
            "beheer@example.nl",
            "--name",
            "Beheer",
            "--organisation",
            "Adviesteam Drenthe",
            "--role",
            "admin",
        ],
        cwd=tmp_path,
        env={**env, "VVE_PASSWORD": "een lang wachtwoord"},
    )
    assert "Account gemaakt: beheer@example.nl (admin, Adviesteam Drenthe)." in result.stdout


_BOARD = r"""
import json, re
from flask_migrate import upgrade
from vve.web import create_app

app = create_app()
with app.app_context():
    upgrade()
client = app.test_client()
out = {}
home = client.get("/")
out["home"] = [home.status_code, home.get_data(as_text=True)]
csrf = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
token = csrf.search(out["home"][1]).group(1)
started = client.post("/start", data={"csrf_token": token})
public_id = started.headers["Location"].split("/")[2]
step = client.get(f"/d/{public_id}/stap/vve")
page = step.get_data(as_text=True)
out["step"] = [step.status_code, page]
token = csrf.search(page).group(1)
version = re.search(r'id="version" name="version" type="hidden" value="(\d*)"', page).group(1)
saved = client.post(f"/d/{public_id}/stap/vve", data={
    "csrf_token": token, "version": version, "next": "",
    "association__name": "VvE De Linde", "association__postcode": "7811ab",
    "association__management": "self_managed"})
out["saved"] = [saved.status_code, saved.headers.get("Location", "")]
client.get("/taal/en")
out["english"] = client.get("/").get_data(as_text=True)
out["css"] = client.get("/static/app.css").status_code
print(json.dumps(out))
"""


def test_the_home_page_and_the_first_wizard_step_are_served(venv, tmp_path, env):
    out = json.loads(_run([venv / "bin" / "python", "-c", _BOARD], cwd=tmp_path, env=env).stdout)
    status, html = out["home"]
    assert status == 200 and "Plan van aanpak aardgasvrij voor uw VvE" in html
    status, html = out["step"]
    assert status == 200 and 'name="association__name"' in html
    assert out["saved"][0] == 302 and out["saved"][1].endswith("/stap/gebouw")
    # the compiled English catalog came with the wheel
    assert "Action plan for going natural-gas-free" in out["english"]
    assert out["css"] == 200


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve_and_get_home(command, port, cwd, env) -> str:
    """Start a server, GET / once it answers (within 60 s), stop it; the page's HTML."""
    log = cwd / "server.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [str(a) for a in command], cwd=cwd, env=env, stdout=output, stderr=output
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as reply:
                    assert reply.status == 200, log.read_text()
                    return reply.read().decode("utf-8")
            except OSError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, f"no answer within 60 s\n{log.read_text()}"
                time.sleep(0.3)
    finally:
        # gunicorn stops gracefully within its graceful_timeout (30 s, deploy/gunicorn.conf.py);
        # on a busy machine a worker still starting can take longer than a few seconds
        server.terminate()
        try:
            server.wait(timeout=35)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_vve_serve_answers_on_a_free_port(venv, tmp_path, env):
    port = _free_port()
    html = _serve_and_get_home([venv / "bin" / "vve", "serve", "--port", port], port, tmp_path, env)
    assert "Begin met het plan" in html


def test_the_deployment_guide_commands_work(venv, tmp_path, env):
    """docs/deploy.md: `vve migrate`, then gunicorn with deploy/gunicorn.conf.py."""
    port = _free_port()
    production = {
        **env,
        "VVE_ENV": "production",
        "VVE_BIND": f"127.0.0.1:{port}",
        "VVE_TRUSTED_HOSTS": "127.0.0.1",
    }
    _run([venv / "bin" / "vve", "migrate"], cwd=tmp_path, env=production)
    config = ROOT / "deploy" / "gunicorn.conf.py"
    html = _serve_and_get_home(
        [venv / "bin" / "gunicorn", "--config", config], port, tmp_path, production
    )
    assert "Begin met het plan" in html
    # with DATABASE_URL and SECRET_KEY set nothing is kept in the instance folder, so a
    # read-only install need not be able to create <venv>/var/vve-instance
    assert not (venv / "var").exists()
