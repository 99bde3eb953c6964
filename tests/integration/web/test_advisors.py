"""Advisors: accounts, sharing with consent, the dashboard, municipal plans, house style."""

import datetime as dt
import io
import re
import time

import pyotp
import pytest
from docx import Document
from sqlalchemy import event

from tests.integration.web.conftest import csrf_of, download_plan, form_values, open_link
from vve.extensions import db
from vve.models import AuditEvent, Dossier, PlanSnapshot, Share, User
from vve.services import accounts, dashboard, maintainers, municipal, throttle

PASSWORD = "een-lang-wachtwoord"


def make_user(app, email, organisation="Adviesteam Drenthe", role="advisor"):
    with app.app_context():
        return accounts.create_user(email, email.split("@")[0], PASSWORD, organisation, role).id


def login(client, email, password=PASSWORD):
    """Log in as a person would, with the second factor where the account needs one: an
    admin enrols at the first login (the secret read from the page), later logins type a
    code from the app (computed here from that secret). A client already logged in as
    ``email`` stays as it is."""
    account = client.get("/adviseur/account/")
    if account.status_code == 200 and f"<dd>{email}</dd>" in account.get_data(as_text=True):
        return client
    page = client.get("/adviseur/inloggen").get_data(as_text=True)
    response = client.post(
        "/adviseur/inloggen",
        data={"csrf_token": csrf_of(page), "email": email, "password": password},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    if "/adviseur/inloggen/code" in response.headers["Location"]:
        response = type_code(client, email)
    if response.headers["Location"].endswith("/adviseur/account/tweede-factor"):
        response = enrol(client, email)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return client


def _secrets(client) -> dict:
    return client.application.extensions.setdefault("test_totp_secrets", {})


def enrol(client, email):
    """Turn the second factor on from its page, as with an authenticator app."""
    page = client.get("/adviseur/account/tweede-factor").get_data(as_text=True)
    secret = re.search(r'id="secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    _secrets(client)[email] = secret
    form = {**form_values(page), "code": pyotp.TOTP(secret).now()}
    return client.post("/adviseur/account/tweede-factor", data=form)


def next_code(client, email) -> str:
    """A code the server has not seen yet: this time step's, or the next one's (within the
    drift it accepts) when this step's code was used already."""
    totp = pyotp.TOTP(_secrets(client)[email])
    with client.application.app_context():
        last = accounts.user_by_email(email).totp_last_step
    step = max(totp.timecode(int(time.time())), (last or 0) + 1)
    return totp.generate_otp(step)


def type_code(client, email):
    page = client.get("/adviseur/inloggen/code").get_data(as_text=True)
    return client.post(
        "/adviseur/inloggen/code",
        data={"csrf_token": csrf_of(page), "code": next_code(client, email)},
    )


def share_with(wizard, advisor_client):
    page = wizard.client.get(f"/d/{wizard.public_id}/delen").get_data(as_text=True)
    created = wizard.client.post(
        f"/d/{wizard.public_id}/delen", data={"csrf_token": csrf_of(page)}
    ).get_data(as_text=True)
    code = re.search(r'class="code">([A-Z0-9-]+)<', created).group(1)
    page = advisor_client.get("/adviseur/dossier-toevoegen").get_data(as_text=True)
    response = advisor_client.post(
        "/adviseur/dossier-toevoegen", data={"csrf_token": csrf_of(page), "code": code}
    )
    assert response.status_code == 302
    return code


@pytest.fixture
def shared(app, wizard):
    """A board's dossier shared with 'Adviesteam Drenthe'; advisors of two organisations."""
    wizard.submit(
        "vve",
        {
            "association__name": "VvE De Linde",
            "association__postcode": "9401 AB",
            "association__municipality": "Assen",
        },
    )
    wizard.submit("gebouw", {"building__rights__dwellings": "24"})
    make_user(app, "anna@drenthe.nl")
    make_user(app, "bart@elders.nl", organisation="Bureau Elders")
    make_user(app, "admin@drenthe.nl", role="admin")
    make_user(app, "admin@elders.nl", organisation="Bureau Elders", role="admin")
    advisor = login(app.test_client(), "anna@drenthe.nl")
    share_with(wizard, advisor)
    return wizard


def test_login_is_throttled_and_unknown_accounts_are_not_revealed(app, client):
    make_user(app, "anna@drenthe.nl")
    page = client.get("/adviseur/inloggen").get_data(as_text=True)
    for _ in range(throttle.ACCOUNT_ADDRESS_LIMIT):
        bad = client.post(
            "/adviseur/inloggen",
            data={"csrf_token": csrf_of(page), "email": "anna@drenthe.nl", "password": "fout"},
        )
        assert bad.status_code == 400 and "klopt niet" in bad.get_data(as_text=True)
    locked = client.post(
        "/adviseur/inloggen",
        data={"csrf_token": csrf_of(page), "email": "anna@drenthe.nl", "password": PASSWORD},
    )
    unknown = client.post(
        "/adviseur/inloggen",
        data={"csrf_token": csrf_of(page), "email": "nobody@x.nl", "password": "fout"},
    )
    # locked, wrong and unknown read the same: no list of existing accounts
    assert locked.status_code == unknown.status_code == 400
    message = re.search(
        r'form-error" id="password-error">\s*<p><span class="visually-hidden">Fout: </span>([^<]+)',
        locked.get_data(as_text=True),
    ).group(1)
    assert message in unknown.get_data(as_text=True) and "geblokkeerd" in message


def test_passwords_are_hashed_with_a_current_algorithm(app):
    make_user(app, "anna@drenthe.nl")
    with app.app_context():
        user = db.session.execute(db.select(User)).scalar_one()
        assert PASSWORD not in user.password_hash
        assert user.password_hash.startswith(("scrypt:", "pbkdf2:sha256:"))


def test_advisor_sessions_expire(app):
    make_user(app, "anna@drenthe.nl")
    client = login(app.test_client(), "anna@drenthe.nl")
    assert client.get("/adviseur/").status_code == 200
    with client.session_transaction() as session:
        session["login_at"] = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=9)).isoformat()
    assert client.get("/adviseur/").status_code == 302


def test_share_code_is_single_use_and_revocable(app, shared):
    advisor = login(app.test_client(), "anna@drenthe.nl")
    assert advisor.get(f"/d/{shared.public_id}/plan").status_code == 200
    with app.app_context():
        share = db.session.execute(
            db.select(Share).where(Share.redeemed_at.is_not(None))
        ).scalar_one()
        share_id = share.id
    page = shared.client.get(f"/d/{shared.public_id}/delen").get_data(as_text=True)
    shared.client.post(
        f"/d/{shared.public_id}/delen/{share_id}/intrekken", data={"csrf_token": csrf_of(page)}
    )
    assert advisor.get(f"/d/{shared.public_id}/plan").status_code == 404


# --- the access-control matrix --------------------------------------------------------


def _clients(app, shared):
    anonymous = app.test_client()
    wrong_token = app.test_client()
    link = f"http://localhost/toegang/{shared.public_id}#{'x' * 43}"
    assert open_link(wrong_token, link).status_code == 404
    return {
        "anonymous": anonymous,
        "board": shared.client,
        "board-wrong-token": wrong_token,
        "advisor-sharing": login(app.test_client(), "anna@drenthe.nl"),
        "advisor-other": login(app.test_client(), "bart@elders.nl"),
        "admin-sharing": login(app.test_client(), "admin@drenthe.nl"),
        "admin-other": login(app.test_client(), "admin@elders.nl"),
    }


BOARD_ONLY = {"board.share", "board.revoke", "board.delete"}
ADMIN_ONLY = {
    "advisor.users",
    "advisor.user_active",
    "advisor.user_municipal_editor",
    "advisor.house_style",
    "advisor.municipality_claim",
    "advisor.municipality_release",
    "admin.reset_password",
    "admin.reset_second_factor",
    "admin.security_log",
}
# Only the maintaining organisation's admins and municipal editors; nobody maintains the
# pre-loaded plan 1 in this test, so every advisor and admin is refused its edit page.
MUNICIPAL_EDITORS_ONLY = {"advisor.municipal_edit", "advisor.municipal_import"}


def _expected(who, endpoint, dossier_route):
    if dossier_route:
        if endpoint.startswith("access."):
            # the page that asks for the code (the same for every id) or a refused code
            return {200, 400, 404}
        if endpoint in BOARD_ONLY:
            return {200, 302, 400, 404} if who == "board" else {404}  # 404: no such share
        if who in ("board", "advisor-sharing", "admin-sharing"):
            return {200, 302, 303, 400, 404}  # 404 only for a missing snapshot id
        return {404}
    if endpoint.startswith(("advisor.", "account.", "admin.")):
        if who in ("anonymous", "board", "board-wrong-token"):
            return {302}  # to the login page
        if endpoint in ADMIN_ONLY and not who.startswith("admin"):
            return {403}
        if endpoint in MUNICIPAL_EDITORS_ONLY:
            return {200, 400, 403} if who.startswith("admin") else {403}
        return {200, 302, 400, 404}
    return None


def test_access_control_matrix(app, shared):
    clients = _clients(app, shared)
    fill = {
        "public_id": shared.public_id,
        "slug": "vve",
        "token": "x" * 43,
        "action": "blokkeren",
        "state": "aan",
        "claim_id": 999999,
        "share_id": 999999,
        "snapshot_id": 999999,
        "result_id": 999999,
        "number": 1,
        "user_id": 999999,
        "plan_id": 1,
        "code": "en",
    }
    checked = 0
    for rule in app.url_map.iter_rules():
        if rule.endpoint in ("static", "board.delete"):
            continue
        url = rule.build({a: fill[a] for a in rule.arguments})[1]
        for who, client in clients.items():
            expected = _expected(who, rule.endpoint, "public_id" in rule.arguments)
            if expected is None:
                continue
            token = csrf_of(client.get("/").get_data(as_text=True))
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                response = client.open(url, method=method, data={"csrf_token": token})
                assert response.status_code in expected, (who, method, url, response.status_code)
                if response.status_code == 200 and who not in (
                    "board",
                    "advisor-sharing",
                    "admin-sharing",
                ):
                    assert b"VvE De Linde" not in response.data, (who, url)
                checked += 1
    assert checked > 150


def test_only_the_board_deletes_and_deletion_is_real(app, shared):
    advisor = login(app.test_client(), "anna@drenthe.nl")
    token = csrf_of(advisor.get("/").get_data(as_text=True))
    assert (
        advisor.post(
            f"/d/{shared.public_id}/verwijderen", data={"csrf_token": token, "confirm": "y"}
        ).status_code
        == 404
    )
    page = shared.client.get(f"/d/{shared.public_id}/verwijderen").get_data(as_text=True)
    unconfirmed = shared.client.post(
        f"/d/{shared.public_id}/verwijderen", data={"csrf_token": csrf_of(page)}
    )
    assert unconfirmed.status_code == 400
    download_plan(shared.client, shared.public_id)  # a snapshot to delete too
    done = shared.client.post(
        f"/d/{shared.public_id}/verwijderen", data={"csrf_token": csrf_of(page), "confirm": "y"}
    )
    assert done.status_code == 302
    with app.app_context():
        for model in (Dossier, PlanSnapshot, Share, AuditEvent):
            assert (
                db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one() == 0
            )


# --- history and audit ----------------------------------------------------------------


def test_snapshots_download_exactly_as_they_were(app, shared):
    first = download_plan(shared.client, shared.public_id).data
    shared.submit("vve", {"association__name": "VvE De Linde (nieuw)"})
    with app.app_context():
        snapshot = db.session.execute(db.select(PlanSnapshot)).scalar_one()
        assert snapshot.created_by == "board"
        snapshot_id = snapshot.id
    again = shared.client.get(f"/d/{shared.public_id}/plannen/{snapshot_id}.docx").data
    assert again == first
    history = shared.client.get(f"/d/{shared.public_id}/geschiedenis").get_data(as_text=True)
    assert "Naam van de VvE" in history and "Plan gedownload" in history


def test_the_audit_log_names_the_advisor(app, shared):
    advisor = login(app.test_client(), "anna@drenthe.nl")
    page = advisor.get(f"/d/{shared.public_id}/stap/gebouw").get_data(as_text=True)
    data = form_values(page)
    data.update({"building__storeys": "5", "next": ""})
    assert advisor.post(f"/d/{shared.public_id}/stap/gebouw", data=data).status_code == 302
    with app.app_context():
        actors = [e.actor for e in db.session.execute(db.select(AuditEvent)).scalars()]
    assert "advisor:anna@drenthe.nl" in actors and "board" in actors


# --- dashboard ------------------------------------------------------------------------


def test_dashboard_filters_search_sort_and_csv(app, shared):
    advisor = login(app.test_client(), "anna@drenthe.nl")
    page = advisor.get("/adviseur/?gemeente=Assen&zoek=9401").get_data(as_text=True)
    assert "VvE De Linde" in page
    assert "VvE De Linde" not in advisor.get("/adviseur/?gemeente=Emmen").get_data(as_text=True)
    assert "VvE De Linde" in advisor.get("/adviseur/?sort=rights&dir=asc").get_data(as_text=True)
    csv_text = advisor.get("/adviseur/export.csv").get_data(as_text=True)
    assert (
        csv_text.startswith('\ufeff"naam";"gemeente"')
        and '"VvE De Linde";"Assen";"9401 AB";24;' in csv_text
    )
    other = login(app.test_client(), "bart@elders.nl")
    assert "VvE De Linde" not in other.get("/adviseur/").get_data(as_text=True)
    assert "VvE De Linde" not in other.get("/adviseur/export.csv").get_data(as_text=True)
    summary = advisor.get("/adviseur/overzicht").get_data(as_text=True)
    assert "Assen" in summary and advisor.get("/adviseur/overzicht.png").data.startswith(b"\x89PNG")


def test_csv_cells_cannot_start_a_formula(app):
    assert (
        dashboard.csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
        and dashboard.csv_cell("VvE") == "VvE"
    )


def seed_dossiers(app, org_id, count, municipalities=("Assen", "Emmen", "Meppel")):
    """``count`` more dossiers shared with the organisation, inserted in bulk."""
    with app.app_context():
        start = db.session.execute(db.select(db.func.count()).select_from(Dossier)).scalar_one()
        now = dt.datetime.now(dt.UTC)
        db.session.execute(
            db.insert(Dossier),
            [
                {
                    "public_id": f"seed{start + i}",
                    "token_hash": "0" * 64,
                    "version": 1,
                    "furthest_step": i % 8,
                    "name": f"VvE {start + i}",
                    "municipality": municipalities[i % len(municipalities)],
                    "postcode": "9401 AB",
                    "rights": 10 + i % 40,
                    "heat_route": "hybrid",
                    "stage": "organise",
                    "status": "started",
                    "created_at": now,
                    "updated_at": now - dt.timedelta(minutes=(start + i) * 7 % 61),
                }
                for i in range(count)
            ],
        )
        ids = (
            db.session.execute(db.select(Dossier.id).where(Dossier.public_id.like("seed%")))
            .scalars()
            .all()
        )
        known = set(db.session.execute(db.select(Share.dossier_id)).scalars())
        db.session.execute(
            db.insert(Share),
            [
                {
                    "dossier_id": d,
                    "code_hash": f"{d:064d}",
                    "organisation_id": org_id,
                    "created_at": now,
                    "expires_at": now,
                    "redeemed_at": now,
                }
                for d in ids
                if d not in known
            ],
        )
        db.session.commit()


def test_dashboard_queries_do_not_grow_with_the_number_of_dossiers(app):
    make_user(app, "anna@drenthe.nl")
    client = login(app.test_client(), "anna@drenthe.nl")
    with app.app_context():
        org_id = db.session.execute(db.select(User)).scalar_one().organisation_id

    def seed(count):
        seed_dossiers(app, org_id, count)

    def statements(url):
        with app.app_context():
            counter = []
            listener = lambda *a: counter.append(1)  # noqa: E731
            event.listen(db.engine, "before_cursor_execute", listener)
            try:
                assert client.get(url).status_code == 200
            finally:
                event.remove(db.engine, "before_cursor_execute", listener)
            return len(counter)

    urls = (
        "/adviseur/",
        "/adviseur/?page=3&sort=name",
        "/adviseur/overzicht",
        "/adviseur/export.csv",
        "/adviseur/?zoek=9401&gemeente=Assen",
        "/adviseur/?page=4",  # the last page of 100, a middle one of 10,000
        "/adviseur/?page=99999",  # past the end: the last page
        "/adviseur/overzicht.png",
    )
    seed(100)
    small = [statements(u) for u in urls]
    seed(9900)
    large = [statements(u) for u in urls]
    assert large == small and max(large) <= 8
    page = client.get("/adviseur/?gemeente=Assen").get_data(as_text=True)
    assert "3334 dossiers" in page or "3.334 dossiers" in page


@pytest.mark.parametrize("descending", [True, False])
def test_dossiers_that_sort_alike_follow_their_ids_in_the_same_direction(app, descending):
    """Among dossiers of one municipality, sorted by municipality, the id decides in the
    order's own direction (the order of an index on municipality and id, read either way),
    on the page and in the CSV alike."""
    make_user(app, "anna@drenthe.nl")
    with app.app_context():
        org_id = db.session.execute(db.select(User)).scalar_one().organisation_id
    seed_dossiers(app, org_id, 6, municipalities=("Assen", "Emmen"))
    with app.app_context():
        query = dashboard.DashboardQuery(sort="municipality", descending=descending)
        rows, _ = dashboard.dashboard(org_id, query)
        assert [d.municipality for d in rows] == sorted(
            (d.municipality for d in rows), reverse=descending
        )
        for place in ("Assen", "Emmen"):
            ids = [d.id for d in rows if d.municipality == place]
            assert ids == sorted(ids, reverse=descending)
        text, _ = dashboard.dashboard_csv(org_id, query)
        assert [line.split(";")[0].strip('"') for line in text.splitlines()[1:]] == [
            d.name for d in rows
        ]


SEARCHED = {
    "VvE De Linde": "9401 AB",
    "VvE Élan": "7811 CD",
    "Vve het Anker": "9402 AB",
    "Stichting Zonnedauw": "1234 XY",
}


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("linde", {"VvE De Linde"}),
        ("LINDE", {"VvE De Linde"}),
        ("de li", {"VvE De Linde"}),
        ("vve", {"VvE De Linde", "VvE Élan", "Vve het Anker"}),
        ("Élan", {"VvE Élan"}),
        ("lan", {"VvE Élan"}),
        ("elan", set()),  # accents as typed
        ("9401ab", {"VvE De Linde"}),
        (" 940", {"VvE De Linde", "Vve het Anker"}),
        ("2 AB", set()),  # a postcode from its start
        ("zonne", {"Stichting Zonnedauw"}),
        ("dauw 1", set()),
        ("%", set()),  # typed, not a wildcard
        ("v_e", set()),
        ("94_1", set()),
        ("\\", set()),
    ],
)
def test_a_search_finds_the_same_dossiers_on_both_databases(app, term, found):
    """A name by any part of it, ASCII letters in any case and other letters as typed
    (on PostgreSQL through a trigram index, on SQLite by reading every row), a postcode
    by its start without spaces: the same dossiers on SQLite and PostgreSQL."""
    make_user(app, "anna@drenthe.nl")
    with app.app_context():
        org_id = db.session.execute(db.select(User)).scalar_one().organisation_id
    seed_dossiers(app, org_id, len(SEARCHED))
    with app.app_context():
        dossiers = db.session.execute(db.select(Dossier).order_by(Dossier.id)).scalars()
        for dossier, (name, postcode) in zip(dossiers, SEARCHED.items(), strict=True):
            dossier.name, dossier.postcode = name, postcode
        db.session.commit()
        rows, total = dashboard.dashboard(org_id, dashboard.DashboardQuery(search=term))
        assert {d.name for d in rows} == found and total == len(found)


@pytest.mark.parametrize("sort", ["changed", "name", "municipality"])
@pytest.mark.parametrize("descending", [True, False])
def test_every_page_has_its_rows_and_a_page_past_the_end_is_the_last(app, sort, descending):
    """Pages in the back half are read from the other end (a short OFFSET at 100,000
    dossiers); each must hold exactly the rows of the full ordering, and a page number
    past the end (an old link, a typed URL) shows the last page."""
    make_user(app, "anna@drenthe.nl")
    with app.app_context():
        org_id = db.session.execute(db.select(User)).scalar_one().organisation_id
    seed_dossiers(app, org_id, 80)
    with app.app_context():
        other = db.session.execute(db.select(Share).order_by(Share.id)).scalars().first()
        again = Share(  # a second consent for the same dossier: still one row
            dossier_id=other.dossier_id,
            code_hash="1" * 64,
            organisation_id=org_id,
            expires_at=dt.datetime.now(dt.UTC),
        )
        revoked = db.session.execute(db.select(Share).order_by(Share.id.desc())).scalars().first()
        revoked.revoked_at = dt.datetime.now(dt.UTC)
        db.session.add(again)
        db.session.commit()
        base = dashboard.DashboardQuery(sort=sort, descending=descending)
        everything, count = dashboard.dashboard(
            org_id, base.__class__(**{**base.__dict__, "page": 1})
        )
        text, rows = dashboard.dashboard_csv(org_id, base)
        assert count == rows == 79
        names = [line.split(";")[0].strip('"') for line in text.splitlines()[1:]]
        pages = dashboard.page_count(count)
        for number in (*range(1, pages + 1), pages + 1, 99999):
            query = dashboard.DashboardQuery(sort=sort, descending=descending, page=number)
            got, total = dashboard.dashboard(org_id, query)
            shown = min(number, pages)
            expected = names[(shown - 1) * dashboard.PAGE_SIZE : shown * dashboard.PAGE_SIZE]
            assert [d.name for d in got] == expected and total == count


def test_a_page_number_past_the_end_shows_the_last_page(app):
    make_user(app, "anna@drenthe.nl")
    client = login(app.test_client(), "anna@drenthe.nl")
    with app.app_context():
        org_id = db.session.execute(db.select(User)).scalar_one().organisation_id
    seed_dossiers(app, org_id, 30)
    for page in ("7", "99999", "9" * 40):
        text = client.get(f"/adviseur/?page={page}").get_data(as_text=True)
        assert "Pagina 2 van 2" in text and "Volgende" not in text
    for page in ("²", "-1", "0", "x"):
        assert "Pagina 1 van 2" in client.get(f"/adviseur/?page={page}").get_data(as_text=True)


# --- municipal plans and house style ----------------------------------------------------


def claim(client, municipality):
    token = csrf_of(client.get("/adviseur/gemeenten").get_data(as_text=True))
    response = client.post(
        "/adviseur/gemeenten/registreren", data={"csrf_token": token, "municipality": municipality}
    )
    assert response.status_code == 302


def test_a_municipal_plan_goes_into_the_plan_and_the_plan_says_so(app, shared):
    advisor = login(app.test_client(), "admin@drenthe.nl")
    claim(advisor, "Assen")
    page = advisor.get("/adviseur/gemeenten/importeren").get_data(as_text=True)
    postcodes = b"postcode;gemeente;wijk\n9401;Assen;Centrum\n"
    response = advisor.post(
        "/adviseur/gemeenten/importeren",
        data={
            "csrf_token": csrf_of(page),
            "kind": "postcodes",
            "file": (io.BytesIO(postcodes), "postcodes.csv"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    page = advisor.get("/adviseur/gemeenten/nieuw").get_data(as_text=True)
    advisor.post(
        "/adviseur/gemeenten/nieuw",
        data={
            "csrf_token": csrf_of(page),
            "municipality": "Assen",
            "neighbourhood": "Centrum",
            "status": "adopted",
            "preferred_route": "heat_network",
            "expected_year": "2031",
            "source": "Raadsbesluit Assen 2025",
        },
    )
    html = shared.client.get(f"/d/{shared.public_id}/plan").get_data(as_text=True)
    assert "warmteplan van de gemeente Assen, Centrum" in html and "Raadsbesluit Assen 2025" in html
    document = Document(io.BytesIO(download_plan(advisor, shared.public_id).data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert (
        "Warmtenet" in text and "wijkuitvoeringsplan van de gemeente Assen (wijk Centrum)" in text
    )


def test_drenthe_municipalities_are_preloaded(app):
    with app.app_context():
        names = {p.municipality for p in municipal.municipal_plans()}
    assert {"Emmen", "Assen", "Tynaarlo", "Westerveld"} <= names and len(names) >= 12


def test_a_bad_csv_is_refused_with_line_numbers(app):
    make_user(app, "admin@drenthe.nl", role="admin")
    advisor = login(app.test_client(), "admin@drenthe.nl")
    page = advisor.get("/adviseur/gemeenten/importeren").get_data(as_text=True)
    bad = b"gemeente;wijk;status;route;jaar;toelichting;bron\nAssen;Noord;bijna;x;1999;;\n"
    response = advisor.post(
        "/adviseur/gemeenten/importeren",
        data={"csrf_token": csrf_of(page), "kind": "plans", "file": (io.BytesIO(bad), "plans.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400 and "Regel 2" in response.get_data(as_text=True)


def _house_style() -> bytes:
    doc = Document()
    doc.styles["Heading 1"].font.name = "Georgia"
    doc.sections[0].header.paragraphs[0].text = "Adviesteam Drenthe"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_the_house_style_is_used_for_every_advisor_download(app, shared):
    admin = login(app.test_client(), "admin@drenthe.nl")
    page = admin.get("/adviseur/beheer/huisstijl").get_data(as_text=True)
    response = admin.post(
        "/adviseur/beheer/huisstijl",
        data={"csrf_token": csrf_of(page), "file": (io.BytesIO(_house_style()), "huisstijl.docx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    advisor = login(app.test_client(), "anna@drenthe.nl")
    document = Document(io.BytesIO(download_plan(advisor, shared.public_id).data))
    assert document.styles["Heading 1"].font.name == "Georgia"
    assert document.sections[-1].header.paragraphs[0].text == "Adviesteam Drenthe"


def test_a_zip_bomb_or_macro_template_is_refused(app):
    import zipfile

    make_user(app, "admin@drenthe.nl", role="admin")
    admin = login(app.test_client(), "admin@drenthe.nl")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/big.xml", b"0" * (70 * 1024 * 1024))
    from tests.house_styles import hostile_house_style

    for name, data, message in [
        ("bom.docx", bomb.getvalue(), "pakt uit"),
        ("macro.docx", hostile_house_style("vba_project"), "Dit document bevat macro"),
    ]:
        page = admin.get("/adviseur/beheer/huisstijl").get_data(as_text=True)
        response = admin.post(
            "/adviseur/beheer/huisstijl",
            data={"csrf_token": csrf_of(page), "file": (io.BytesIO(data), name)},
            content_type="multipart/form-data",
        )
        assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_an_advisor_starts_a_dossier_for_a_board(app):
    make_user(app, "anna@drenthe.nl")
    advisor = login(app.test_client(), "anna@drenthe.nl")
    token = csrf_of(advisor.get("/adviseur/").get_data(as_text=True))
    response = advisor.post("/adviseur/dossier-starten", data={"csrf_token": token})
    created = advisor.get(response.headers["Location"]).get_data(as_text=True)
    link = re.search(r'readonly value="([^"]+)"', created).group(1)
    assert "/toegang/" in link and "#" in link  # the code travels in the fragment
    board = app.test_client()
    assert open_link(board, link).status_code == 302  # the board's own link works


def test_create_user_command(tmp_path, monkeypatch):
    from vve.cli import main

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("VVE_PASSWORD", PASSWORD)
    monkeypatch.setenv("SECRET_KEY", "cli-secret")
    assert (
        main(
            [
                "create-user",
                "--email",
                "Eerste@Drenthe.nl",
                "--name",
                "Eerste",
                "--organisation",
                "Adviesteam Drenthe",
                "--role",
                "admin",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "create-user",
                "--email",
                "eerste@drenthe.nl",
                "--name",
                "Dubbel",
                "--organisation",
                "Adviesteam Drenthe",
            ]
        )
        == 2
    )


def test_replacing_the_link_locks_out_an_advisor_who_started_the_dossier(app):
    make_user(app, "anna@drenthe.nl")
    advisor = login(app.test_client(), "anna@drenthe.nl")
    response = advisor.post(
        "/adviseur/dossier-starten",
        data={"csrf_token": csrf_of(advisor.get("/adviseur/").get_data(as_text=True))},
    )
    created = advisor.get(response.headers["Location"]).get_data(as_text=True)
    link = re.search(r'readonly value="([^"]+)"', created).group(1)
    public_id = link.split("/toegang/", 1)[1].split("#")[0]
    board = app.test_client()
    open_link(board, link)
    open_link(advisor, link)  # the advisor also opens the board's link
    # the board takes over: revokes the share and replaces its link
    page = board.get(f"/d/{public_id}/delen").get_data(as_text=True)
    with app.app_context():
        share_id = db.session.execute(db.select(Share.id)).scalar_one()
    board.post(f"/d/{public_id}/delen/{share_id}/intrekken", data={"csrf_token": csrf_of(page)})
    renewed = board.post(f"/d/{public_id}/nieuwe-link", data={"csrf_token": csrf_of(page)})
    new_link = re.search(
        r'readonly value="([^"]+)"', board.get(renewed.headers["Location"]).get_data(as_text=True)
    ).group(1)
    assert new_link != link and "#" in new_link
    assert advisor.get(f"/d/{public_id}/plan").status_code in (302, 404)
    assert advisor.get(f"/d/{public_id}/delen").status_code == 404
    assert open_link(advisor, link).status_code == 404  # the old link is dead
    assert open_link(app.test_client(), new_link).status_code == 302
    assert board.get(f"/d/{public_id}/delen").status_code == 200


def test_downloading_twice_keeps_one_snapshot(app, shared):
    first = download_plan(shared.client, shared.public_id).data
    second = download_plan(shared.client, shared.public_id).data
    assert first == second
    with app.app_context():
        assert (
            db.session.execute(db.select(db.func.count()).select_from(PlanSnapshot)).scalar_one()
            == 1
        )


def test_the_board_download_uses_the_sharing_organisations_house_style(app, shared):
    admin = login(app.test_client(), "admin@drenthe.nl")
    page = admin.get("/adviseur/beheer/huisstijl").get_data(as_text=True)
    admin.post(
        "/adviseur/beheer/huisstijl",
        data={"csrf_token": csrf_of(page), "file": (io.BytesIO(_house_style()), "huisstijl.docx")},
        content_type="multipart/form-data",
    )
    document = Document(io.BytesIO(download_plan(shared.client, shared.public_id).data))
    assert document.styles["Heading 1"].font.name == "Georgia"


def test_the_municipal_plan_keeps_the_boards_year_and_names_match_in_any_case(app, shared):
    shared.submit(
        "gemeente", {"municipal__expected_year": "2035", "municipal__neighbourhood_plan": "yes"}
    )
    advisor = login(app.test_client(), "admin@drenthe.nl")
    claim(advisor, "Assen")
    for name in ("Assen", "ASSEN"):  # a second spelling must not break the lookup
        page = advisor.get("/adviseur/gemeenten/nieuw").get_data(as_text=True)
        advisor.post(
            "/adviseur/gemeenten/nieuw",
            data={
                "csrf_token": csrf_of(page),
                "municipality": name,
                "neighbourhood": "",
                "status": "in_preparation",
                "preferred_route": "heat_network",
            },
        )
    with app.app_context():
        from vve.models import MunicipalPlan

        assert (
            db.session.execute(
                db.select(db.func.count())
                .select_from(MunicipalPlan)
                .where(db.func.lower(MunicipalPlan.municipality) == "assen")
            ).scalar_one()
            == 1
        )
        dossier = db.session.execute(db.select(Dossier)).scalar_one()
        assert dossier.heat_route == "heat_network"  # the dashboard followed the change
    html = shared.client.get(f"/d/{shared.public_id}/plan").get_data(as_text=True)
    assert "warmteplan van de gemeente Assen" in html
    plan = download_plan(shared.client, shared.public_id)
    text = "\n".join(p.text for p in Document(io.BytesIO(plan.data)).paragraphs)
    assert "2035" in text  # the board's own year stays: the plan in preparation has none


def test_saving_a_municipal_plan_twice_with_a_non_ascii_name_updates_it(app):
    """SQLite's lower() folds ASCII only; found by the fuzz test as a unique-key error."""
    user_id = make_user(app, "admin@drenthe.nl", role="admin")
    with app.app_context():
        from vve.models import MunicipalPlan

        user = db.session.get(User, user_id)
        maintainers.claim_municipality(user, "østerbro")
        for status in ("in_preparation", "adopted"):
            municipal.save_municipal_plan(
                {
                    "municipality": "ØSTERBRO",
                    "neighbourhood": "Ærø",
                    "status": status,
                    "preferred_route": "heat_network",
                },
                user,
            )
        plans = (
            db.session.execute(
                db.select(MunicipalPlan).where(MunicipalPlan.municipality == "ØSTERBRO")
            )
            .scalars()
            .all()
        )
        assert [p.status for p in plans] == ["adopted"]


def test_import_fills_the_dashboard_columns(app, client):
    import json as _json

    from tests.conftest import EXAMPLES

    page = client.get("/").get_data(as_text=True)
    client.post(
        "/importeren",
        data={
            "csrf_token": csrf_of(page),
            "profile": (io.BytesIO(EXAMPLES[2].read_bytes()), "emmen.json"),
        },
        content_type="multipart/form-data",
    )
    with app.app_context():
        dossier = db.session.execute(db.select(Dossier)).scalar_one()
        name = _json.loads(EXAMPLES[2].read_text("utf-8"))["association"]["name"]
        assert dossier.name == name and dossier.rights == 48 and dossier.status == "complete"


def test_logout_forgets_the_board_links_too(app, shared):
    login(shared.client, "anna@drenthe.nl")
    token = csrf_of(shared.client.get("/").get_data(as_text=True))
    shared.client.post("/adviseur/uitloggen", data={"csrf_token": token})
    assert shared.client.get(f"/d/{shared.public_id}/plan").status_code == 404
