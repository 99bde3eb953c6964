"""The advisors' dashboard at scale (issue 15, goal 4), on PostgreSQL.

    python benchmarks/dashboard.py [--sizes 100,10000,100000] [--repeat 7] [--explain]
                                   [--url postgresql://postgres@127.0.0.1:5432/test]
                                   [--set max_parallel_workers_per_gather=0 ...]

Creates a scratch schema in the database at ``--url`` (dropped at the end, also after an
error or Ctrl-C), runs the real migrations into it, makes one organisation whose advisor
sees every dossier, and grows the table to each size with ``INSERT ... SELECT
generate_series`` (100,000 dossiers and their shares in about a second). At each size it
requests every dashboard view through the app (Flask's test client: the whole request in
this process, so CPU time is the server's) and reports, per view:

- SQL statements per request (``before_cursor_execute``), which must not change with size;
- server CPU and wall time per request, min / median / max over ``--repeat`` requests.

Views: the first page, a municipality, a status and a route filter, sorting by name, a
search by name and by postcode and one that every name matches, the middle page (in the
default order, by name, and of a status), the last page, a page past the end (clamped to the last),
the per-municipality counts (its page, and its chart both kept and drawn anew) and the CSV export. The goal is met
when every view's statements are the same at every size and every page (all but the CSV
export, whose size is the data's) has a median wall time under 100 ms at the largest size.
``--explain`` prints PostgreSQL's plan (EXPLAIN ANALYZE) of each statement of the first
page and the last page at the largest size.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_MS = 100.0
VIEWS = {
    "first page": "/adviseur/",
    "municipality": "/adviseur/?gemeente=Emmen",
    "status": "/adviseur/?status=complete",
    "route": "/adviseur/?route=heat_network",
    "sort by name": "/adviseur/?sort=name&dir=asc",
    "search name": "/adviseur/?zoek=VvE+4242",
    "search postcode": "/adviseur/?zoek=9401",
    "search all": "/adviseur/?zoek=VvE",
    "middle page": "/adviseur/?page={middle}",
    "middle by name": "/adviseur/?page={middle}&sort=name&dir=asc",
    "status, middle": "/adviseur/?status=complete&page={third}",
    "last page": "/adviseur/?page={last}",
    "past the end": "/adviseur/?page=999999",
    "per municipality": "/adviseur/overzicht",
    "chart": "/adviseur/overzicht.png",  # the same numbers again: kept, not drawn
    "chart, drawn": "/adviseur/overzicht.png",  # the chart cache emptied before each
    "CSV export": "/adviseur/export.csv",
}
NOT_A_PAGE = {"CSV export"}  # grows with the data by nature: reported, not held to the goal

MUNICIPALITIES = (
    "Aa en Hunze",
    "Assen",
    "Borger-Odoorn",
    "Coevorden",
    "Emmen",
    "Hoogeveen",
    "Meppel",
    "Midden-Drenthe",
    "Noordenveld",
    "Tynaarlo",
    "Westerveld",
    "De Wolden",
)
STAGES = ("organise", "inventory", "plan_support", "decide", "finance", "execute", "evaluate", "")
ROUTES = ("heat_network", "all_electric", "hybrid", "green_gas", "undecided", "")
STATUSES = ("started", "complete", "downloaded")


def _array(values: tuple[str, ...]) -> str:
    return "ARRAY[" + ",".join(f"'{v}'" for v in values) + "]"


def grow(conn, organisation_id: int, start: int, stop: int) -> None:
    """Dossiers ``start`` to ``stop - 1`` and their shares with the organisation, in SQL."""
    conn.exec_driver_sql(
        f"""
        INSERT INTO dossier (public_id, token_hash, token_in_path, created_at, updated_at,
            version, furthest_step, name, municipality, postcode, rights, heat_route, stage,
            status, decisions_taken)
        SELECT 'bench' || g, repeat('0', 64), false,
            now() - g * interval '1 minute', now() - (g * 7919 % 500000) * interval '1 minute',
            1, g % 9, 'VvE ' || g, ({_array(MUNICIPALITIES)})[1 + g % {len(MUNICIPALITIES)}],
            lpad((9400 + g % 600)::text, 4, '0') || ' ' || chr(65 + g % 26) || chr(65 + g / 26 % 26),
            8 + g % 120, ({_array(ROUTES)})[1 + g % {len(ROUTES)}],
            ({_array(STAGES)})[1 + g % {len(STAGES)}],
            ({_array(STATUSES)})[1 + g % {len(STATUSES)}], g % 4
        FROM generate_series({start}, {stop - 1}) AS g
        """.replace("%", "%%")  # the driver's placeholder sign; here SQL's modulo
    )
    conn.exec_driver_sql(
        f"""
        INSERT INTO share (dossier_id, code_hash, organisation_id, created_at, expires_at,
            redeemed_at)
        SELECT d.id, md5(d.public_id) || md5(d.public_id || 'x'), {organisation_id},
            now(), now(), now()
        FROM dossier d
        WHERE d.public_id IN (SELECT 'bench' || g FROM generate_series({start}, {stop - 1}) g)
        """
    )


def vacuum(engine) -> None:
    """What autovacuum does to a table after a bulk load: statistics and the visibility map
    (without it PostgreSQL cannot answer a count from the index alone)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE dossier")
        conn.exec_driver_sql("VACUUM ANALYZE share")


def measure(client, engine, url: str, repeat: int, fresh: bool = False) -> dict:
    """The request ``repeat`` times; ``fresh``: each time with no chart kept (a first view)."""
    from sqlalchemy import event

    from vve.advisors.chart import forget_charts

    counts, cpu, wall = [], [], []
    for _ in range(repeat):
        if fresh:
            forget_charts()
        statements = []

        def count(*args, statements=statements):
            statements.append(1)

        event.listen(engine, "before_cursor_execute", count)
        c0, w0 = time.process_time(), time.perf_counter()
        response = client.get(url)
        response.get_data()
        c1, w1 = time.process_time(), time.perf_counter()
        event.remove(engine, "before_cursor_execute", count)
        assert response.status_code == 200, (url, response.status_code)
        counts.append(len(statements))
        cpu.append((c1 - c0) * 1000)
        wall.append((w1 - w0) * 1000)
    return {"statements": counts, "cpu": cpu, "wall": wall}


def spread(values: list[float]) -> str:
    return f"{min(values):6.1f} {statistics.median(values):6.1f} {max(values):6.1f}"


def explain(app, client, urls: list[str]) -> None:
    """EXPLAIN ANALYZE of each statement the views send, as PostgreSQL runs it."""
    from sqlalchemy import event

    from vve.extensions import db

    with app.app_context():
        engine = db.engine
    for url in urls:
        seen: list[tuple[str, object]] = []

        def keep(conn, cursor, statement, parameters, context, executemany, seen=seen):
            seen.append((statement, parameters))

        event.listen(engine, "before_cursor_execute", keep)
        client.get(url)
        event.remove(engine, "before_cursor_execute", keep)
        for statement, parameters in seen:
            if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            with engine.connect() as conn:
                cursor = conn.connection.dbapi_connection.cursor()
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
                plan = [row[0] for row in cursor.fetchall()]
            print(f"\n--- {url}\n{statement.strip()[:300]}\n  " + "\n  ".join(plan))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,10000,100000")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a PostgreSQL setting for the app's connections (a server's configuration)",
    )
    parser.add_argument(
        "--url",
        default=os.environ.get("VVE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test"),
    )
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))

    import psycopg

    schema = f"vve_bench_{secrets.token_hex(4)}"
    with psycopg.connect(args.url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        return run(args, sizes, schema)
    finally:
        from vve.extensions import db

        with contextlib.suppress(Exception):  # no app context: nothing pooled to close
            db.engine.dispose()
        with psycopg.connect(args.url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        print(f"\nscratch schema {schema} dropped")


def run(args, sizes: list[int], schema: str) -> int:
    from flask_migrate import upgrade

    from vve.extensions import db
    from vve.i18n import compile_catalogs
    from vve.models import User
    from vve.services import accounts
    from vve.services.dashboard import page_count
    from vve.web import create_app

    compile_catalogs()
    import logging

    logging.disable(logging.INFO)  # a log line per request would be measured too
    settings = "".join(f"%20-c{setting.replace('=', '%3D')}" for setting in args.set)
    uri = args.url.replace("postgresql://", "postgresql+psycopg://") + (
        f"?options=-csearch_path%3D{schema}{settings}"
    )
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": uri,
            "SECRET_KEY": secrets.token_hex(16),
            "VVE_ENV": "testing",
            "WTF_CSRF_ENABLED": False,
        }
    )
    password = "een-lang-wachtwoord-voor-de-meting"
    with app.app_context():
        upgrade()
        accounts.create_user("meting@example.nl", "Meting", password, "Meetteam", "advisor")
        organisation_id = db.session.execute(db.select(User)).scalar_one().organisation_id
        engine = db.engine
    client = app.test_client()
    response = client.post(
        "/adviseur/inloggen", data={"email": "meting@example.nl", "password": password}
    )
    assert response.status_code == 302, response.status_code

    results: dict[int, dict[str, dict]] = {}
    have = 0
    for size in sizes:
        t0 = time.perf_counter()
        with engine.begin() as conn:
            grow(conn, organisation_id, have, size)
        vacuum(engine)
        have = size
        print(f"\n{size:,} dossiers (inserted in {time.perf_counter() - t0:.1f} s)")
        print(f"{'view':18} {'stmts':>5}  {'CPU ms min/med/max':>20}  {'wall ms min/med/max':>20}")
        results[size] = {}
        for name, url in VIEWS.items():
            url = url.format(
                last=page_count(size),
                middle=(page_count(size) + 1) // 2,
                third=(page_count(size // 3) + 1) // 2,  # a status's middle page
            )
            client.get(url)  # warm: templates compiled, plans cached
            m = measure(client, engine, url, args.repeat, fresh=name == "chart, drawn")
            results[size][name] = m
            stmts = sorted(set(m["statements"]))
            print(
                f"{name:18} {'/'.join(map(str, stmts)):>5}  {spread(m['cpu']):>20}  "
                f"{spread(m['wall']):>20}"
            )

    largest = sizes[-1]
    constant = all(
        len({tuple(sorted(set(results[s][name]["statements"]))) for s in sizes}) == 1
        for name in VIEWS
    )
    slowest = max(
        (statistics.median(results[largest][name]["wall"]), name)
        for name in VIEWS
        if name not in NOT_A_PAGE
    )
    print("\nGoal 4 (scale):")
    print(
        f"  statements per view the same at {', '.join(f'{s:,}' for s in sizes)} dossiers: "
        f"{'met' if constant else 'NOT MET'}"
    )
    print(
        f"  every page under {GOAL_MS:.0f} ms server time at {largest:,}: "
        f"{'met' if slowest[0] < GOAL_MS else 'NOT MET'} (slowest median: {slowest[1]}, "
        f"{slowest[0]:.1f} ms wall)"
    )
    csv = results[largest]["CSV export"]
    print(
        f"  CSV export of {largest:,} rows (not a page): median "
        f"{statistics.median(csv['wall']):.0f} ms wall, {statistics.median(csv['cpu']):.0f} ms CPU"
    )
    if args.explain:
        explain(app, client, ["/adviseur/", f"/adviseur/?page={page_count(largest)}"])
    return 0 if constant and slowest[0] < GOAL_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
