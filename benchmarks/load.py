"""Load: simulated boards through the whole wizard against gunicorn as deployed.

    python benchmarks/load.py [--modes 0,0.5,1] [--boards 32] [--duration 30] [--warmup 5]
                              [--hard-stop 600] [--port 0] [--workers 2] [--postgres URL]

Starts gunicorn with deploy/gunicorn.conf.py (sync workers, the app preloaded in the master
and frozen out of the collector) on 127.0.0.1 with a fresh SQLite database (or a fresh
schema in PostgreSQL with --postgres), then runs each mode in turn against the same
server: ``--boards`` boards that pause a given number of seconds between requests (0:
never; otherwise uniformly 0.5x-1.5x the pause, the time a person reads and types).

A board does what a browser does: the start page with its stylesheet, script and icon
(once per board, as a browser caches them), start, the private link's page, every step
(GET, then POST with answers of its own: each board draws its own VvE name, postcode,
municipality, year, size, building, heating, maintenance plan and goal), the check
page, the plan page with the timeline image, the Word download, and later the plan page
again (the image asked with If-None-Match) and a second download.

Measured, for the window after each mode's warm-up:
  - the workers' CPU time (utime + stime from /proc/<pid>/stat of the worker processes,
    never the load generator's own), per request and per whole wizard;
  - latency per request kind (p50/p95/p99) as the client saw it;
  - completed wizards per second and errors (a 5xx, a refused step, a broken connection);
  - each worker's RSS and PSS (/proc/<pid>/smaps_rollup), sampled every second through
    the whole run, with the number of downloads served so far.
Worker restarts (max_requests) are switched off so memory can be followed over the run.
Then it prints each goal of issue 15 (2: web, 3: memory) as met or NOT met.

The load generator runs on the same machine: its CPU is kept out of the CPU figures
(only the workers' counters are read), but it competes with the workers for the cores,
so latencies in the mode without pauses are an upper bound. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import http.client
import os
import random
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
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.integration.web.conftest import form_values  # noqa: E402  (what a browser posts)

STEPS = ["vve", "gebouw", "installaties", "onderhoud", "stemmen", "gemeente", "ambitie"]
MUNICIPALITIES = {  # Drenthe: municipality -> a postcode range in it
    "Assen": (9401, 9409),
    "Emmen": (7811, 7828),
    "Hoogeveen": (7901, 7909),
    "Meppel": (7941, 7944),
    "Tynaarlo": (9481, 9489),
    "Coevorden": (7741, 7742),
}
TICKS = os.sysconf("SC_CLK_TCK")
GOALS = {"cpu_per_wizard_ms": 100, "p95_pause_0.5": 50, "p95_pause_1": 30, "wizards_per_s": 12}
GOAL_RSS_MB, GOAL_FLAT, GOAL_DOWNLOADS = 120, 0.05, 1000


def answers(rng: random.Random) -> dict[str, dict[str, str]]:
    """One board's own answers: no two boards send the same profile."""
    municipality = rng.choice(sorted(MUNICIPALITIES))
    low, high = MUNICIPALITIES[municipality]
    letters = "".join(rng.choice("ABCDEGHJKLMNPRSTVWXZ") for _ in range(2))
    return {
        "vve": {
            "association__name": f"VvE {rng.choice(['De Linde', 'Het Hof', 'Zuiderpark'])} "
            f"{rng.randint(1, 999)}",
            "association__postcode": f"{rng.randint(low, high)} {letters}",
            "association__municipality": municipality,
            "association__management": rng.choice(["self_managed", "professional"]),
        },
        "gebouw": {
            "building__construction_year": str(rng.randint(1950, 1995)),
            "building__rights__dwellings": str(rng.randint(6, 120)),
            "building__building_type": rng.choice(
                ["gallery_flat", "porch_flat", "apartment_block"]
            ),
        },
        "installaties": {
            "installations__heating": rng.choice(["individual_gas_boilers", "block_heating"])
        },
        "onderhoud": {
            "money__maintenance_plan": "mjop",
            "money__maintenance_plan_year": str(rng.randint(2020, 2026)),
            "money__planned__roof": str(rng.randint(2027, 2040)),
        },
        "stemmen": {
            "voting__model_reglement": "",
            "owners__past_turnout_percent": str(rng.randint(30, 90)),
        },
        "gemeente": {},
        "ambitie": {"ambition__goal": rng.choice(["gas_free", "gas_free_ready", "insulate_first"])},
    }


class Refused(Exception):
    pass


class Board:
    """One simulated board: one keep-alive connection, its own cookie and answers."""

    def __init__(self, port: int, pause: float, run: Run, rng: random.Random) -> None:
        self.port, self.pause, self.run, self.rng = port, pause, run, rng
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie, self.etag, self.has_static = "", "", False
        self.sent = 0
        self.probe = None  # with one board alone: reads the workers' CPU around each request
        self.cpu_by_kind: dict[str, list[float]] = defaultdict(list)

    def request(self, kind, method, path, body=None, headers=None):
        if self.pause:
            time.sleep(self.rng.uniform(0.5, 1.5) * self.pause)
        if self.run.stopped():
            raise Refused("stopped")
        sent = {"Cookie": self.cookie, "Referer": f"http://127.0.0.1:{self.port}/"}
        sent |= headers or {}
        if body is not None:
            body = urlencode(body)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        self.sent += 1
        before = self.probe() if self.probe else None
        try:
            self.conn.request(method, path, body=body, headers=sent)
            response = self.conn.getresponse()
            data = response.read()
            if before is not None:
                self.cpu_by_kind[kind].append(cpu_between(before, self.probe()))
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.run.record(kind, start, time.perf_counter() - start, 599)
            raise
        self.run.record(kind, start, time.perf_counter() - start, response.status)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and value.startswith("session="):
                self.cookie = value.split(";", 1)[0]
        return response, data

    def page(self, kind, path):
        """A page and, the first time, what a browser loads with it (then cached)."""
        response, data = self.request(kind, "GET", path)
        if not self.has_static:
            for asset in re.findall(rb'(?:href|src)="(/static/[^"?]+)', data):
                self.request("static", "GET", asset.decode())
            self.has_static = True
        return response, data

    def timeline(self, public_id, kind):
        tag = {"If-None-Match": self.etag} if self.etag else {}
        response, _ = self.request(kind, "GET", f"/d/{public_id}/tijdlijn.png", None, tag)
        self.etag = response.getheader("ETag") or ""

    def download(self, public_id, again=""):
        """The plan page, its figure and the Word plan; ``again="-again"``: the later visit,
        its kinds named apart (the goal's wizard has one download, the board two)."""
        _, page = self.page(f"plan{again}", f"/d/{public_id}/plan")
        self.timeline(public_id, f"timeline{again}")
        token = _csrf(page)
        response, _ = self.request(
            f"download{again}", "POST", f"/d/{public_id}/plan.docx", {"csrf_token": token}
        )
        _, data = self.request(f"download{again}", "GET", response.getheader("Location"))
        if not data.startswith(b"PK"):
            raise Refused("the download is no Word file")
        self.run.count_download()

    def wizard(self, own: dict[str, dict[str, str]]) -> None:
        self.etag = ""
        _, page = self.page("start-page", "/")
        response, _ = self.request("start", "POST", "/start", {"csrf_token": _csrf(page)})
        location = response.getheader("Location")
        public_id = location.split("/")[-2]
        self.request("link-page", "GET", location)
        for slug in STEPS:
            path = f"/d/{public_id}/stap/{slug}"
            _, page = self.request("step-get", "GET", path)
            text = page.decode()
            read = quick_form_values(text)
            if self.probe is not None and read != form_values(text):  # the one-board phase
                raise Refused(f"step {slug}: quick_form_values misread the form")
            values = {**read, **own[slug], "next": ""}
            response, _ = self.request("step-post", "POST", path, values)
            if response.status != 302:
                raise Refused(f"step {slug}: {response.status}")
        self.request("check", "GET", f"/d/{public_id}/controle")
        self.download(public_id)
        self.download(public_id, "-again")  # later: the page (image revalidated), the plan


_TAG = re.compile(r"<(/?)(input|select|option)\b([^>]*)>")
_ATTR = re.compile(r'([a-zA-Z_:][-\w:.]*)(?:="([^"]*)")?')


def quick_form_values(page: str) -> dict[str, str]:
    """What ``form_values`` (an HTMLParser, as a browser would post) reads from the app's
    pages, with two regular expressions: parsing each step page with html.parser cost the
    load generator more CPU than a step costs the server, CPU the workers then lacked.
    The one-board phase checks both agree on every step page."""
    values: dict[str, str] = {}
    select, first = None, None
    for closing, tag, text in _TAG.findall(page):
        if closing:
            select = None if tag == "select" else select
            continue
        a = {k: html.unescape(v) for k, v in _ATTR.findall(text)}
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "file", "button"):
            if a.get("type") in ("radio", "checkbox"):
                if "checked" in a:
                    values[name] = a.get("value", "y")
            else:
                values[name] = a.get("value", "")
        elif tag == "select" and name:
            select, first = name, None
        elif tag == "option" and select:
            if first is None:
                first = a.get("value", "")
                values.setdefault(select, first)
            if "selected" in a:
                values[select] = a.get("value", "")
    return values


def _csrf(page: bytes) -> str:
    return re.search(rb'name="csrf_token" value="([^"]+)"', page).group(1).decode()


@dataclass
class Run:
    """What one run records; ``window`` is the measured part of the current mode."""

    hard_stop: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    samples: dict = field(default_factory=lambda: defaultdict(list))
    errors: list = field(default_factory=list)
    wizards: int = 0
    downloads: int = 0
    window: tuple[float, float] = (0.0, 0.0)
    stop_at: float = 0.0

    def stopped(self) -> bool:
        now = time.monotonic()
        return now >= self.stop_at or now >= self.hard_stop

    def in_window(self, when: float) -> bool:
        return self.window[0] <= when < self.window[1]

    def record(self, kind, started, seconds, status):
        when = time.monotonic() - (time.perf_counter() - started)
        with self.lock:
            if self.in_window(when):
                self.samples[kind].append(seconds)
                if status >= 500:
                    self.errors.append(f"{kind}: {status}")

    def count_download(self):
        with self.lock:
            self.downloads += 1

    def count_wizard(self):
        with self.lock:
            if self.in_window(time.monotonic()):
                self.wizards += 1


# --- the workers, read from /proc ----------------------------------------------------------
def workers_of(master: int) -> list[int]:
    try:
        text = Path(f"/proc/{master}/task/{master}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def rss_pss_mb(pid: int) -> tuple[float, float]:
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        parts = line.split()
        if parts and parts[0] in ("Rss:", "Pss:"):
            values[parts[0]] = int(parts[1]) / 1024
    return values["Rss:"], values["Pss:"]


class Sampler(threading.Thread):
    """Every second: each worker's CPU, RSS and PSS, and the downloads served so far."""

    def __init__(self, master: int, run: Run) -> None:
        super().__init__(daemon=True)
        self.master, self.state, self.done = master, run, threading.Event()
        self.cpu: dict[int, float] = {}
        self.memory: list[tuple[int, int, float, float]] = []  # downloads, pid, rss, pss

    def read_cpu(self) -> dict[int, float]:
        for pid in workers_of(self.master):
            with contextlib.suppress(OSError):
                self.cpu[pid] = cpu_seconds(pid)
        return dict(self.cpu)

    def run(self) -> None:
        while not self.done.wait(1.0):
            self.read_cpu()
            for pid in workers_of(self.master):
                with contextlib.suppress(OSError, KeyError):
                    self.memory.append((self.state.downloads, pid, *rss_pss_mb(pid)))


def cpu_between(before: dict[int, float], after: dict[int, float]) -> float:
    """Worker CPU spent between two readings (a worker started in between counts whole)."""
    return sum(after[p] - before.get(p, 0.0) for p in after)


# --- the server ----------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, workers: int, env: dict, log: Path) -> subprocess.Popen:
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    env = env | {"VVE_BIND": f"127.0.0.1:{port}", "VVE_WORKERS": str(workers)}
    process = subprocess.Popen(
        [gunicorn, "--config", str(ROOT / "deploy" / "gunicorn.conf.py"), "--max-requests", "0"],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200 and len(workers_of(process.pid)) >= workers:
                return process
        except OSError:
            pass
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"gunicorn did not start:\n{log.read_text()}")


# --- one mode --------------------------------------------------------------------------------
@dataclass
class Result:
    pause: float
    seconds: float
    wizards: int
    requests: int
    cpu: float
    samples: dict
    errors: list

    def step_p95_ms(self) -> float:
        steps = self.samples.get("step-get", []) + self.samples.get("step-post", [])
        return _quantile(steps, 95) * 1000


def _quantile(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100)[q - 1]


def run_mode(port: int, pause: float, args, run: Run, sampler: Sampler, seed: int) -> Result:
    start = time.monotonic()
    run.window = (start + args.warmup, start + args.warmup + args.duration)
    run.stop_at = run.window[1]
    run.samples, run.errors, run.wizards = defaultdict(list), [], 0
    readings: dict[str, dict[int, float]] = {}

    def mark(name: str, at: float) -> None:
        time.sleep(max(0.0, at - time.monotonic()))
        readings[name] = sampler.read_cpu()

    marks = [
        threading.Thread(target=mark, args=("start", run.window[0]), daemon=True),
        threading.Thread(target=mark, args=("end", run.window[1]), daemon=True),
    ]

    def board_loop(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        board = Board(port, pause, run, rng)
        # paced boards start spread over the warm-up, as people do, not all in one second
        time.sleep(rng.uniform(0, args.warmup) if pause else 0)
        while not run.stopped():
            try:
                board.wizard(answers(rng))
                run.count_wizard()
            except Refused as exc:
                if not run.stopped():
                    with run.lock:
                        run.errors.append(str(exc))
            except Exception as exc:  # a broken connection: counted, the board starts over
                if not run.stopped():
                    with run.lock:
                        run.errors.append(f"{type(exc).__name__}: {exc}")

    boards = [
        threading.Thread(target=board_loop, args=(n,), daemon=True) for n in range(args.boards)
    ]
    for t in marks + boards:
        t.start()
    for t in marks:
        t.join(max(0.0, run.hard_stop - time.monotonic()))
    for t in boards:  # a board in a request finishes it (at most the socket timeout)
        t.join(max(0.0, min(60.0, run.hard_stop - time.monotonic())))
    with run.lock:
        samples = {k: list(v) for k, v in run.samples.items()}
        errors, wizards = list(run.errors), run.wizards
    cpu = cpu_between(readings.get("start", {}), readings.get("end", sampler.read_cpu()))
    requests = sum(len(v) for v in samples.values())
    return Result(pause, args.duration, wizards, requests, cpu, samples, errors)


@dataclass
class WizardCpu:
    """Worker CPU per wizard of one board alone: the whole visit (``whole`` ms over
    ``requests``), and the wizard as issue 15's goal counts it (``goal`` ms over
    ``goal_requests``: every step, the check, the plan page with its figure and one
    download; without the later visit's page, figure and second download)."""

    whole: float
    requests: float
    goal: float
    goal_requests: float


def cpu_per_wizard(port: int, wizards: int, run: Run, sampler: Sampler) -> WizardCpu:
    """Worker CPU of whole wizards by one board, one after another (after three unmeasured
    ones, so both workers have loaded what a download needs)."""
    run.window, run.stop_at = (0.0, 0.0), run.hard_stop
    rng = random.Random(99)
    board = Board(port, 0, run, rng)
    for _ in range(3):
        board.wizard(answers(rng))
    before, sent = sampler.read_cpu(), board.sent
    board.probe = sampler.read_cpu
    for _ in range(wizards):
        board.wizard(answers(rng))
    cpu = cpu_between(before, sampler.read_cpu())
    print(f"\none board alone, worker CPU by request kind ({TICKS} Hz ticks, averaged):")
    for kind, values in sorted(board.cpu_by_kind.items()):
        share = sum(values) / cpu if cpu else 0
        print(
            f"  {kind:12} {len(values):5} x {statistics.mean(values) * 1000:6.1f} ms"
            f" = {share:4.0%} of the wizards' CPU"
        )
    later = [v for kind, v in board.cpu_by_kind.items() if kind.endswith("-again")]
    later_cpu, later_requests = sum(map(sum, later)), sum(map(len, later))
    requests = (board.sent - sent) / wizards
    return WizardCpu(
        cpu / wizards * 1000,
        requests,
        (cpu - later_cpu) / wizards * 1000,
        requests - later_requests / wizards,
    )


# --- the report ------------------------------------------------------------------------------
def print_mode(r: Result, boards: int) -> None:
    label = "never pausing" if not r.pause else f"pausing {r.pause:g} s"
    cpu_request = r.cpu / r.requests * 1000 if r.requests else float("nan")
    print(f"\n{boards} boards {label}, {r.seconds:g} s measured:")
    print(
        f"  wizards completed: {r.wizards} = {r.wizards / r.seconds:.2f}/s; requests: "
        f"{r.requests} ({r.requests / r.seconds:.0f}/s); "
        f"errors: {len(r.errors)}"
    )
    print(
        f"  worker CPU: {r.cpu:.2f} s = {cpu_request:.2f} ms per request of this mix "
        f"(busy {r.cpu / r.seconds:.0%} of one core)"
    )
    print(f"  {'request':12} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, values in sorted(r.samples.items()):
        print(
            f"  {kind:12} {len(values):6} {_quantile(values, 50) * 1000:8.1f} "
            f"{_quantile(values, 95) * 1000:8.1f} {_quantile(values, 99) * 1000:8.1f}"
        )
    print(f"  {'step (both)':12} {'':6} {'':8} {r.step_p95_ms():8.1f}")
    for error in sorted(set(r.errors))[:5]:
        print(f"  error: {error}")


def memory_report(sampler: Sampler) -> tuple[bool, str]:
    """Per worker: RSS and PSS at 100 downloads (or the first sample), at 1,000 (the goal's
    range; the last sample if the run ended before) and at the end of the run."""
    by_pid: dict[int, list[tuple[int, float, float]]] = defaultdict(list)
    for downloads, pid, rss, pss in sampler.memory:
        by_pid[pid].append((downloads, rss, pss))
    lines, met = [], bool(by_pid)
    for pid, rows in sorted(by_pid.items()):
        first = next((r for r in rows if r[0] >= 100), rows[0])
        goal = next((r for r in rows if r[0] >= GOAL_DOWNLOADS), rows[-1])
        last, peak = rows[-1], max(r[1] for r in rows)
        growth = (goal[1] - first[1]) / first[1]
        met = met and peak < GOAL_RSS_MB and abs(growth) <= GOAL_FLAT
        lines.append(
            f"  worker {pid}: RSS {first[1]:.1f} MB at {first[0]} downloads -> {goal[1]:.1f} MB "
            f"at {goal[0]} ({growth:+.1%}) -> {last[1]:.1f} MB at the end, {last[0]} downloads "
            f"({(last[1] - first[1]) / first[1]:+.1%}); peak {peak:.1f} MB; "
            f"PSS {first[2]:.1f} -> {goal[2]:.1f} -> {last[2]:.1f} MB"
        )
    return met, "\n".join(lines)


def print_goals(
    results: list[Result], memory_met: bool, downloads: int, per_wizard: WizardCpu
) -> None:
    def verdict(ok: bool | None) -> str:
        return "not measured" if ok is None else ("met" if ok else "NOT met")

    by_pause = {r.pause: r for r in results}
    goal = GOALS["cpu_per_wizard_ms"]
    print("\nGoals (issue 15):")
    print(
        f"  2. worker CPU per whole wizard <= {goal} ms (one board; {per_wizard.goal_requests:.0f}"
        f" requests, one download): {per_wizard.goal:.0f} ms -> "
        f"{verdict(per_wizard.goal <= goal)}"
    )
    print(
        f"     the board's whole visit ({per_wizard.requests:.0f} requests, with the later page "
        f"and second download): {per_wizard.whole:.0f} ms"
    )
    for pause, goal in ((0.5, GOALS["p95_pause_0.5"]), (1.0, GOALS["p95_pause_1"])):
        r = by_pause.get(pause)
        p95 = r.step_p95_ms() if r else None
        print(
            f"  2. step p95 < {goal} ms pausing {pause:g} s: "
            f"{'-' if p95 is None else f'{p95:.1f} ms'} -> "
            f"{verdict(None if p95 is None else p95 < goal)}"
        )
    r = by_pause.get(0.0)
    rate = r.wizards / r.seconds if r else None
    print(
        f"  2. >= {GOALS['wizards_per_s']} wizards/s never pausing: "
        f"{'-' if rate is None else f'{rate:.2f}/s'} -> "
        f"{verdict(None if rate is None else rate >= GOALS['wizards_per_s'])}"
    )
    errors = sum(len(r.errors) for r in results)
    print(f"  2. zero errors: {errors} -> {verdict(errors == 0)}")
    print(
        f"  3. worker RSS < {GOAL_RSS_MB} MB and flat within {GOAL_FLAT:.0%} from 100 to "
        f"{GOAL_DOWNLOADS:,} downloads ({downloads} in the run; growth after that is shown "
        f"above, not judged): {verdict(memory_met if downloads >= 100 else None)}"
    )


# --- main ------------------------------------------------------------------------------------
def serve_and_load(database_url: str, args, tmp: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VVE_")} | {
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_hex(32),
        "VVE_ENV": "production",
        "VVE_TRUSTED_HOSTS": "127.0.0.1,localhost",
        "VVE_LOG_LEVEL": "warning",
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
    port = args.port or free_port()
    log = tmp / "gunicorn.log"
    process = start_gunicorn(port, args.workers, env, log)
    run = Run(hard_stop=time.monotonic() + args.hard_stop)
    sampler = Sampler(process.pid, run)
    sampler.start()
    results = []
    try:
        per_wizard = cpu_per_wizard(port, args.cpu_wizards, run, sampler)
        print(
            f"\none board, {args.cpu_wizards} whole wizards one after another: worker CPU "
            f"{per_wizard.whole:.0f} ms per visit ({per_wizard.requests:.0f} requests, "
            f"{per_wizard.whole / per_wizard.requests:.2f} ms per request); "
            f"{per_wizard.goal:.0f} ms per wizard as the goal counts it "
            f"({per_wizard.goal_requests:.0f} requests, one download)"
        )
        for number, pause in enumerate(args.modes):
            if time.monotonic() >= run.hard_stop:
                print(f"\nhard stop ({args.hard_stop:g} s): modes left out")
                break
            results.append(run_mode(port, pause, args, run, sampler, number))
            print_mode(results[-1], args.boards)
    finally:
        sampler.done.set()
        process.terminate()
        process.wait(timeout=30)
    met, lines = memory_report(sampler)
    print(f"\nworker memory through the run (preloaded app, {args.workers} sync workers):")
    print(lines)
    print_goals(results, met, run.downloads, per_wizard)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modes", default="0,0.5,1", help="pauses in seconds, 0 = never")
    parser.add_argument("--boards", type=int, default=32)
    parser.add_argument("--duration", type=float, default=30, help="measured seconds per mode")
    parser.add_argument("--warmup", type=float, default=5, help="unmeasured seconds per mode")
    parser.add_argument("--hard-stop", type=float, default=600, help="seconds for the whole run")
    parser.add_argument(
        "--cpu-wizards", type=int, default=10, help="wizards for the CPU per wizard"
    )
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--postgres", default="", help="a PostgreSQL URL instead of SQLite")
    args = parser.parse_args()
    args.modes = [float(m) for m in args.modes.split(",") if m.strip()]
    print(
        f"{args.boards} boards, modes {args.modes} (pause s), {args.warmup:g} s warm-up + "
        f"{args.duration:g} s per mode, gunicorn with {args.workers} sync workers, "
        f"{'PostgreSQL' if args.postgres else 'SQLite'}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        if not args.postgres:
            serve_and_load(f"sqlite:///{tmp}/load.sqlite3", args, Path(tmp))
            return 0
        import psycopg

        schema = f"vve_load_{secrets.token_hex(4)}"
        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        try:
            url = args.postgres + f"?options=-csearch_path%3D{schema}"
            serve_and_load(url, args, Path(tmp))
        finally:
            with psycopg.connect(args.postgres, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    return 0


if __name__ == "__main__":
    sys.exit(main())
