"""The Low items of issue 12 and the audit of exports and advisors' reads: NUL bytes, CSV
quoting, downloads as a POST, the keyed rate limit per kind, the migration."""

import csv
import datetime as dt
import hashlib
import io
import secrets

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.integration.conftest import make_app
from tests.integration.web.conftest import csrf_of, download_plan
from tests.integration.web.test_advisors import login, make_user
from vve import ratelimit
from vve.extensions import db
from vve.models import AccessFailure, AuditEvent, PlanSnapshot, SecurityEvent
from vve.services import dashboard

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _events(app, action=None):
    with app.app_context():
        query = db.select(SecurityEvent).order_by(SecurityEvent.id)
        if action:
            query = query.where(SecurityEvent.action == action)
        return db.session.execute(query).scalars().all()


@pytest.fixture
def advisor(app, shared):
    return login(app.test_client(), "anna@drenthe.nl")


@pytest.fixture
def shared(app, wizard):
    from tests.integration.web.test_advisors import share_with

    wizard.submit(
        "vve",
        {
            "association__name": "VvE De Linde",
            "association__postcode": "9401 AB",
            "association__municipality": "Assen",
        },
    )
    make_user(app, "anna@drenthe.nl")
    share_with(wizard, login(app.test_client(), "anna@drenthe.nl"))
    return wizard


# --- NUL bytes --------------------------------------------------------------------------


def test_a_nul_in_a_dashboard_filter_is_refused_not_a_server_error(app, advisor):
    for args in ("gemeente=%00", "zoek=a%00b", "status=%00&route=x", "%00=1"):
        response = advisor.get(f"/adviseur/?{args}")
        assert response.status_code == 400, args
        assert "niets opgeslagen" in response.get_data(as_text=True)
    assert advisor.get("/adviseur/export.csv?zoek=%00").status_code == 400


def test_the_dashboard_query_drops_nul_for_any_caller(app, shared):
    query = dashboard.DashboardQuery(municipality="\x00Assen", search="Lin\x00de")
    assert (query.municipality, query.search) == ("Assen", "Linde")
    with app.app_context():
        organisation_id = db.session.execute(db.text("SELECT id FROM organisation")).scalar_one()
        rows, total = dashboard.dashboard(organisation_id, query)
    assert total == 1 and rows[0].name == "VvE De Linde"


QUERY_VALUES = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["\x00", "a\x00", "9" * 400, "-1", "%", "_", "\\", "'", "😀"]),
)


@settings(
    max_examples=10,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_get_route_survives_hostile_query_strings(app, shared, data):
    client = login(shared.client, "anna@drenthe.nl")
    fill = {
        "public_id": shared.public_id,
        "slug": "vve",
        "token": "x",
        "snapshot_id": 1,
        "result_id": 1,
        "number": 1,
        "plan_id": 1,
        "code": "nl",
        "filename": "app.css",
        "share_id": 1,
        "user_id": 1,
        "action": "x",
    }
    names = [
        "gemeente",
        "status",
        "route",
        "zoek",
        "sort",
        "dir",
        "page",
        "present",
        "yes",
        "appartement",
        "breukdeel",
        "next",
        "x",
    ]
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        url = rule.build({a: fill.get(a, 1) for a in rule.arguments})[1]
        args = data.draw(
            st.dictionaries(st.sampled_from(names), QUERY_VALUES, max_size=4), label=url
        )
        response = client.get(url, query_string=args)
        assert response.status_code < 500, (url, args)


# --- CSV --------------------------------------------------------------------------------


def _cell_starts(text: str, delimiter: str) -> list[str]:
    """What follows every place where some spreadsheet could start a cell when it reads
    the file with ``delimiter``: the start, after a delimiter or a line end, quotes skipped
    (whether a quote opens a quoted field depends on the parser's state: assume the worst).
    """
    body = text.lstrip("\ufeff")
    starts = [0] + [i + 1 for i, c in enumerate(body) if c in (delimiter, "\r", "\n")]
    return [body[i:].lstrip('"')[:8] for i in starts]


NAMES = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.sampled_from([",", ";", "\t", '"', "=", "+", "-", "@", "2+5", " ", "\n", "x"]),
        max_size=12,
    ).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(NAMES, NAMES, st.integers(0, 500)), max_size=4))
def test_no_cell_starts_a_formula_whatever_the_separator(rows):
    text = dashboard.csv_text(
        [
            (name, place, "9401 AB", rights, 3, "organise", "", "started", "2026-01-01")
            for name, place, rights in rows
        ]
    )
    for delimiter in (";", ",", "\t"):
        for cell in _cell_starts(text, delimiter):
            assert not cell.startswith(FORMULA_START), (delimiter, cell)
    # and with its own separator every value comes back (defused), numbers as numbers
    parsed = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=";"))
    for (name, place, rights), row in zip(rows, parsed[1:], strict=True):
        assert row[:4] == [
            dashboard.csv_cell(name),
            dashboard.csv_cell(place),
            "9401 AB",
            str(rights),
        ]
        assert row[0].replace("'", "") == name.replace("'", "")


def test_the_name_from_the_report_stays_in_its_cell(app, advisor, shared):
    shared.submit("vve", {"association__name": ",=2+5,"})
    text = advisor.get("/adviseur/export.csv").get_data(as_text=True)
    assert '",\'=2+5,"' in text
    assert not any(cell.startswith("=") for cell in _cell_starts(text, ","))


# --- audit: exports and advisors' reads --------------------------------------------------


def test_a_csv_export_is_in_the_security_log_with_codes_only(app, advisor):
    advisor.get("/adviseur/export.csv?gemeente=Assen&zoek=Linde&status=started")
    (event,) = _events(app, "csv_exported")
    assert event.actor == "advisor:anna@drenthe.nl" and event.organisation_id is not None
    assert event.detail == {
        "rows": 1,
        "filters": {
            "municipality": "Assen",
            "status": "started",
            "route": "",
            "search": True,
            "sort": "changed",
            "descending": True,
        },
    }
    assert "Linde" not in str(event.detail)
    advisor.get("/adviseur/export.csv?gemeente=Emmen")
    assert _events(app, "csv_exported")[-1].detail["rows"] == 0


def test_an_advisors_reads_are_logged_once_per_request_and_the_boards_are_not(app, advisor, shared):
    shared.client.get(f"/d/{shared.public_id}/plan")
    shared.client.get(f"/d/{shared.public_id}/stap/vve")
    assert _events(app, "dossier_read") == []
    advisor.get(f"/d/{shared.public_id}/plan")
    advisor.get(f"/d/{shared.public_id}/stap/gebouw")
    advisor.get(f"/d/{shared.public_id}/controle")
    advisor.get(f"/d/{shared.public_id}/bestaat-niet")  # a 404: nothing was read
    download = download_plan(advisor, shared.public_id)  # plan page, POST, download
    assert download.status_code == 200
    reads = _events(app, "dossier_read")
    assert [e.detail for e in reads] == [
        {"page": "plan"},
        {"page": "step", "step": "gebouw"},
        {"page": "answers"},
        {"page": "plan"},
        {"page": "download"},
    ]
    assert {e.subject for e in reads} == {shared.public_id}
    assert {e.actor for e in reads} == {"advisor:anna@drenthe.nl"}


# --- the download is a POST ----------------------------------------------------------------


def _counts(app):
    with app.app_context():
        return tuple(
            db.session.execute(sa.select(sa.func.count()).select_from(model)).scalar_one()
            for model in (PlanSnapshot, AuditEvent)
        )


def test_no_get_changes_a_dossier_or_its_trail(app, advisor, shared):
    before = _counts(app)
    fill = {
        "public_id": shared.public_id,
        "slug": "vve",
        "token": "x" * 43,
        "snapshot_id": 1,
        "result_id": 1,
        "number": 1,
        "plan_id": 1,
        "code": "nl",
        "filename": "app.css",
        "share_id": 1,
        "user_id": 1,
        "action": "blokkeren",
    }
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and "public_id" in rule.arguments:
            url = rule.build({a: fill[a] for a in rule.arguments})[1]
            for client in (shared.client, advisor):
                assert client.get(url).status_code < 500, url
    assert _counts(app) == before


def test_downloading_records_with_a_post_and_hands_out_the_stored_snapshot(app, shared):
    assert shared.client.get(f"/d/{shared.public_id}/plan.docx").status_code == 302
    page = shared.client.get(f"/d/{shared.public_id}/plan").get_data(as_text=True)
    assert f'action="/d/{shared.public_id}/plan.docx"' in page
    posted = shared.client.post(
        f"/d/{shared.public_id}/plan.docx", data={"csrf_token": csrf_of(page)}
    )
    with app.app_context():
        snapshot = db.session.execute(db.select(PlanSnapshot)).scalar_one()
        stored = snapshot.document  # read on demand (deferred): the history lists none
    assert posted.status_code == 303
    assert posted.headers["Location"] == f"/d/{shared.public_id}/plannen/{snapshot.id}.docx"
    document = shared.client.get(posted.headers["Location"])
    assert document.data == stored and stored.startswith(b"PK")
    assert 'filename="plan-van-aanpak-vve-de-linde-' in document.headers["Content-Disposition"]


def test_the_dashboard_download_is_a_form(app, advisor, shared):
    page = advisor.get("/adviseur/").get_data(as_text=True)
    assert f'method="post" action="/d/{shared.public_id}/plan.docx"' in page
    assert f'href="/d/{shared.public_id}/plan.docx"' not in page


# --- the rate limit -----------------------------------------------------------------------


def test_addresses_are_stored_as_a_keyed_hash_that_enumeration_cannot_reverse(app):
    with app.test_request_context(environ_base={"REMOTE_ADDR": "192.0.2.7"}):
        ratelimit.record_failure("link")
        stored = db.session.execute(db.select(AccessFailure.client)).scalar_one()
        assert stored != hashlib.sha256(b"192.0.2.7").hexdigest() and "192.0.2" not in stored
        assert stored == ratelimit.client_key("192.0.2.7")
        app.config["SECRET_KEY"] = "another"
        assert ratelimit.client_key("192.0.2.7") != stored


def test_ipv6_counts_per_network(app):
    with app.test_request_context():
        for _ in range(ratelimit.LIMITS["link"]):
            ratelimit.record_failure("link", address="2001:db8:1:2::1")
        assert ratelimit.blocked("link", address="2001:db8:1:2:ffff::9")  # the same /64
        assert not ratelimit.blocked("link", address="2001:db8:1:3::1")
        assert not ratelimit.blocked("link", address="192.0.2.1")
        assert [e.action for e in db.session.execute(db.select(SecurityEvent)).scalars()] == [
            "link_guess_throttled"
        ]


# --- the migration --------------------------------------------------------------------------


def _count(table: str) -> int:
    return db.session.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_the_migration_marks_old_codes_and_drops_unkeyed_counters(database_uri):
    """Every stored code travelled in a URL path: marked for replacement. Nothing that
    refers to a dossier is lost by this or any later migration, up or down (on SQLite a
    batch migration copies a table and drops the old one: with foreign keys on, that
    deletes every row referring to it, ON DELETE CASCADE)."""
    app = make_app(database_uri)
    with app.app_context():
        upgrade(revision="e1a2b3c4d5e6")
        now = dt.datetime.now(dt.UTC)
        dossier_id = db.session.execute(
            sa.text(
                "INSERT INTO dossier (public_id, token_hash, created_at, updated_at, version, "
                "furthest_step, name, municipality, postcode, heat_route, stage, status) "
                "VALUES (:p, :h, :t, :t, 1, 0, '', '', '', '', '', 'started') RETURNING id"
            ),
            {"p": secrets.token_urlsafe(9), "h": "0" * 64, "t": now},
        ).scalar_one()
        db.session.execute(
            sa.text(
                "INSERT INTO audit_event (dossier_id, at, actor, action) "
                "VALUES (:d, :t, 'board', 'answers_changed')"
            ),
            {"d": dossier_id, "t": now},
        )
        db.session.execute(
            sa.text(
                "INSERT INTO plan_snapshot (dossier_id, created_at, created_by, engine_version, "
                "knowledge_version, plan) VALUES (:d, :t, 'board', '1', 'k', :p)"
            ).bindparams(sa.bindparam("p", type_=sa.JSON)),
            {"d": dossier_id, "t": now, "p": {}},
        )
        db.session.execute(
            sa.text("INSERT INTO access_failure (client, at) VALUES (:c, :t)"),
            {"c": hashlib.sha256(b"192.0.2.7").hexdigest(), "t": now},
        )
        db.session.commit()
        upgrade()
        assert db.session.execute(sa.text("SELECT token_in_path FROM dossier")).scalar_one()
        assert _count("access_failure") == 0
        assert (_count("dossier"), _count("audit_event"), _count("plan_snapshot")) == (1, 1, 1)
        db.session.rollback()  # no open transaction may hold a lock the downgrade needs
        downgrade(revision="e1a2b3c4d5e6")
        assert (_count("dossier"), _count("audit_event"), _count("plan_snapshot")) == (1, 1, 1)
        db.session.rollback()
        upgrade()
        db.session.remove()
        db.engine.dispose()
