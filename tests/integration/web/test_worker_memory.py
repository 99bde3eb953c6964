"""A web worker stays small: a Word document's reference cycles (python-docx's, holding
lxml trees) are collected when it is written, without a full collection per download
(vve/document/garbage.py), and a worker imports neither
Flask-Migrate nor Alembic (while ``flask db`` and ``vve migrate`` keep working), nor the
libraries only an advisor's password or second factor needs."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

from tests.conftest import EXAMPLES, ROOT

from .conftest import download_plan, import_example


def _docx_objects() -> int:
    return sum(
        1 for o in gc.get_objects() if str(getattr(type(o), "__module__", "")).startswith("docx.")
    )


def test_a_download_leaves_no_document_behind_without_a_full_collection(client, monkeypatch):
    download_plan(client, import_example(client, EXAMPLES[0]))  # the template, kept
    public_id = import_example(client, EXAMPLES[1])
    client.get(f"/d/{public_id}/plan")
    gc.collect()
    kept = _docx_objects()
    collected = []
    real = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *a: collected.append(a) or real(*a))
    response = download_plan(client, public_id)
    assert response.data.startswith(b"PK")
    assert _docx_objects() == kept, "the document's objects outlived it"
    assert all(a and a[0] < 2 for a in collected), f"a full collection: {collected}"
    collected.clear()
    again = download_plan(client, public_id)  # unchanged: the snapshot handed out again
    assert again.data == response.data
    assert collected == [], "a collection though no document was written"


def _worker_modules(extra_env: dict[str, str], code: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VVE_")}
    env |= {"PYTHONPATH": str(ROOT)} | extra_env
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


# Loaded only where they are used, not by every worker: the migration tooling (``flask
# db``), the password estimator's dictionaries (12 MB: where an advisor chooses a password)
# and the second factor's cryptography and QR codes (7 MB: an advisor's login).
NOT_IN_A_WORKER = ("alembic", "flask_migrate", "zxcvbn", "cryptography", "segno")


def test_a_production_worker_imports_no_migration_tooling_nor_advisor_only_libraries(tmp_path):
    code = (
        "import sys, wsgi\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {NOT_IN_A_WORKER!r}))"
    )
    production = {
        "VVE_ENV": "production",
        "SECRET_KEY": "x" * 64,
        "VVE_TRUSTED_HOSTS": "warmteplan.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'w.sqlite3'}",
    }
    assert _worker_modules(production, code).strip() == "[]"


def test_flask_db_still_migrates(tmp_path):
    flask = ROOT / ".venv" / "bin" / "flask"
    flask = flask if flask.exists() else "flask"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VVE_")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    for args in (["upgrade"], ["current"]):
        done = subprocess.run(
            [str(flask), "--app", "wsgi", "db", *args],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
    assert "(head)" in done.stdout + done.stderr
