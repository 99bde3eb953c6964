"""Load: concurrent boards through the whole wizard, under gunicorn with two workers.

    python benchmarks/load.py [--boards 32] [--seconds 30] [--postgres]

Starts gunicorn on 127.0.0.1 (a free port) with a fresh SQLite database (or, with
--postgres, a fresh schema in the local PostgreSQL), then runs concurrent simulated
boards: start, every step (GET then POST), check page, plan page, Word download. Bounded
by --seconds and by --max-wizards. Reports wizards per second, p50/p95/p99 per request
kind, errors, the ratio to a bare /health endpoint in the same gunicorn, and the workers'
memory. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.integration.web.conftest import form_values  # noqa: E402  (what a browser posts)

STEPS = ["vve", "gebouw", "installaties", "onderhoud", "stemmen", "gemeente", "ambitie"]
ANSWERS = {
    "vve": {
        "association__name": "VvE Belasting",
        "association__postcode": "9401 AB",
        "association__municipality": "Assen",
        "association__management": "self_managed",
    },
    "gebouw": {
        "building__construction_year": "1972",
        "building__rights__dwellings": "36",
        "building__building_type": "porch_flat",
    },
    "installaties": {"installations__heating": "individual_gas_boilers"},
    "onderhoud": {
        "money__maintenance_plan": "mjop",
        "money__maintenance_plan_year": "2024",
        "money__planned__roof": "2030",
    },
    "stemmen": {"voting__model_reglement": "", "owners__past_turnout_percent": "60"},
    "gemeente": {},
    "ambitie": {"ambition__goal": "gas_free"},
}


class Board:
    """One simulated board: one keep-alive connection and its own cookie."""

    def __init__(self, port, record):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie, self.record = "", record

    def request(self, kind, method, path, body=None):
        headers = {"Cookie": self.cookie, "Referer": "http://127.0.0.1/"}
        if body is not None:
            body = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        self.record(kind, time.perf_counter() - start, response.status)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and value.startswith("session="):
                self.cookie = value.split(";", 1)[0]
        return response.status, response.getheader("Location"), data

    def wizard(self):
        _, _, page = self.request("start-page", "GET", "/")
        token = re.search(rb'name="csrf_token" value="([^"]+)"', page).group(1).decode()
        _, location, _ = self.request("start", "POST", "/start", {"csrf_token": token})
        public_id = location.split("/")[-2]
        self.request("link-page", "GET", location)
        for slug in STEPS:
            path = f"/d/{public_id}/stap/{slug}"
            _, _, page = self.request("step-get", "GET", path)
            values = {**form_values(page.decode()), **ANSWERS[slug], "next": ""}
            status, _, _ = self.request("step-post", "POST", path, values)
            if status not in (302,):
                raise RuntimeError(f"step {slug}: {status}")
        self.request("check", "GET", f"/d/{public_id}/controle")
        _, _, page = self.request("plan", "GET", f"/d/{public_id}/plan")
        token = re.search(rb'name="csrf_token" value="([^"]+)"', page).group(1).decode()
        # the download button: a POST that keeps the snapshot, then the snapshot itself
        _, location, _ = self.request(
            "download", "POST", f"/d/{public_id}/plan.docx", {"csrf_token": token}
        )
        self.request("download", "GET", location)


THREADS = [1]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port, env):
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    workers = ["--worker-class", "gthread", "--threads", str(THREADS[0])] if THREADS[0] > 1 else []
    process = subprocess.Popen(
        [
            gunicorn,
            "-w",
            "2",
            *workers,
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "wsgi:app",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def worker_memory_mb(process):
    import psutil

    parent = psutil.Process(process.pid)
    return max((c.memory_info().rss for c in parent.children()), default=0) / 2**20


def health_throughput(port, threads, seconds):
    count, stop = [0], time.monotonic() + seconds
    lock = threading.Lock()

    def hammer():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        done = 0
        while time.monotonic() < stop:
            conn.request("GET", "/health")
            conn.getresponse().read()
            done += 1
        with lock:
            count[0] += done

    workers = [threading.Thread(target=hammer) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return count[0] / seconds


def run(database_url, args):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_hex(16),
        "VVE_ENV": "production",
        "VVE_TRUSTED_HOSTS": "127.0.0.1,localhost",
        "VVE_LOG_LEVEL": "WARNING",  # one line per request would drown the report
    }
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [sys.executable, "-c", "from vve.i18n import compile_catalogs; compile_catalogs()"],
        cwd=ROOT,
        check=True,
    )
    port = free_port()
    process = start_gunicorn(port, env)
    samples, errors, finished = defaultdict(list), [0], [0]
    lock = threading.Lock()

    def record(kind, seconds, status):
        with lock:
            samples[kind].append(seconds)
            if status >= 500:
                errors[0] += 1

    stop = time.monotonic() + args.seconds

    def board_loop():
        while time.monotonic() < stop and finished[0] < args.max_wizards:
            try:
                Board(port, record).wizard()
                with lock:
                    finished[0] += 1
            except Exception as exc:  # counted, and the board starts over
                with lock:
                    errors[0] += 1
                print(f"  error: {exc}", file=sys.stderr)

    try:
        started = time.monotonic()
        threads = [threading.Thread(target=board_loop) for _ in range(args.boards)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        memory = worker_memory_mb(process)
        health = health_throughput(port, args.boards, 5)
    finally:
        process.terminate()
        process.wait(timeout=30)
    requests = sum(len(v) for v in samples.values())
    print(
        f"  wizards completed: {finished[0]} in {elapsed:.1f} s = {finished[0] / elapsed:.2f}/s; "
        f"errors: {errors[0]}"
    )
    print(
        f"  requests: {requests / elapsed:.0f}/s; bare /health: {health:.0f}/s; "
        f"ratio {requests / elapsed / health:.2f}"
    )
    print(f"  largest worker: {memory:.0f} MB")
    print(f"  {'request':12} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, values in sorted(samples.items()):
        q = statistics.quantiles(values, n=100) if len(values) > 1 else values * 99
        print(
            f"  {kind:12} {len(values):6} {statistics.median(values) * 1000:8.1f} "
            f"{q[94] * 1000:8.1f} {q[98] * 1000:8.1f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--boards", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--max-wizards", type=int, default=2000)
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="threads per gunicorn worker (gthread); 1 = sync workers",
    )
    parser.add_argument(
        "--postgres",
        default="postgresql://postgres@127.0.0.1:5432/test",
        help="PostgreSQL to use as the second run ('' to skip)",
    )
    args = parser.parse_args()
    THREADS[0] = args.threads
    with tempfile.TemporaryDirectory() as tmp:
        print(
            f"SQLite, {args.boards} concurrent boards, gunicorn with 2 workers x {args.threads} threads:"
        )
        run(f"sqlite:///{tmp}/load.sqlite3", args)
    if args.postgres:
        import psycopg

        schema = f"vve_load_{secrets.token_hex(4)}"
        try:
            with psycopg.connect(args.postgres, autocommit=True) as conn:
                conn.execute(f'CREATE SCHEMA "{schema}"')
        except Exception as exc:
            print(f"PostgreSQL not reachable ({exc}); skipped.")
            return 0
        try:
            print(
                f"PostgreSQL, {args.boards} concurrent boards, gunicorn with 2 workers x {args.threads} threads:"
            )
            run(args.postgres + f"?options=-csearch_path%3D{schema}", args)
        finally:
            with psycopg.connect(args.postgres, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    return 0


if __name__ == "__main__":
    sys.exit(main())
