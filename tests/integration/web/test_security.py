"""Security: no dossier without its token, CSRF on every POST, headers, cookies, secrets."""

import re

import pytest

from tests.integration.web.conftest import csrf_of, download_plan, open_link
from vve.config import ConfigError, load_config
from vve.extensions import db
from vve.models import Dossier
from vve.services.dossiers import TOKEN_BYTES


def _dossier_rules(app):
    return [r for r in app.url_map.iter_rules() if "public_id" in r.arguments]


def _url(rule, public_id):
    fill = {
        "public_id": public_id,
        "slug": "vve",
        "token": "x" * 43,  # a wrong token
        "action": "blokkeren",
    }
    return rule.build({a: fill.get(a, 1) for a in rule.arguments})[1]


def test_every_dossier_route_needs_the_token(app, wizard):
    rules = _dossier_rules(app)
    assert len(rules) >= 7
    stranger = app.test_client()
    token = csrf_of(stranger.get("/").get_data(as_text=True))  # a valid token of its own
    for rule in rules:
        url = _url(rule, wizard.public_id)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = stranger.open(
                url, method=method, data={"csrf_token": token, "token": "x" * 43}
            )
            if rule.endpoint.startswith("access.") and method == "GET":
                # the page that asks for the code: the same for every id, no dossier on it
                assert response.status_code == 200, url
                assert wizard.public_id not in response.get_data(as_text=True).replace(
                    f"/toegang/{wizard.public_id}", ""
                )
            else:
                assert response.status_code == 404, (method, url)
    # and the board that holds the link gets through
    assert wizard.client.get(f"/d/{wizard.public_id}/stap/vve").status_code == 200


def test_a_wrong_token_is_refused(app, wizard):
    stranger = app.test_client()
    assert (
        open_link(stranger, f"http://localhost/toegang/{wizard.public_id}#{'x' * 43}").status_code
        == 404
    )
    assert stranger.get(f"/d/{wizard.public_id}/stap/vve").status_code == 404


def test_access_to_one_dossier_is_not_access_to_another(app, client, wizard):
    from tests.integration.web.conftest import Wizard

    other = Wizard(app.test_client()).start()
    assert client.get(f"/d/{other.public_id}/stap/vve").status_code == 404


def test_tokens_are_long_random_and_stored_only_as_a_hash(app, wizard):
    token = wizard.token
    assert TOKEN_BYTES * 8 >= 128 and len(token) >= 43
    with app.app_context():
        dossier = db.session.execute(db.select(Dossier)).scalar_one()
        assert token not in (dossier.token_hash, dossier.public_id)
        assert re.fullmatch(r"[0-9a-f]{64}", dossier.token_hash)


def test_every_post_needs_a_csrf_token(app, wizard):
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods:
            continue
        url = _url(rule, wizard.public_id)
        response = wizard.client.post(url, data={"association__name": "zonder token"})
        assert response.status_code == 400, url


def test_an_expired_csrf_token_keeps_what_was_typed(app, wizard):
    response = wizard.client.post(
        f"/d/{wizard.public_id}/stap/vve",
        data={"csrf_token": "verlopen", "association__name": "VvE Typed"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'value="VvE Typed"' in html and "sessie was verlopen" in html
    with app.app_context():
        assert db.session.execute(db.select(Dossier)).scalar_one().profile is None


def test_security_headers_and_cookie_flags(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    cookie = response.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_refuses_to_start_without_a_secret(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config(str(tmp_path), {"VVE_ENV": "production"})
    monkeypatch.setenv("SECRET_KEY", "s" * 64)
    monkeypatch.setenv("VVE_TRUSTED_HOSTS", "warmteplan.example.nl")
    config = load_config(str(tmp_path), {"VVE_ENV": "production"})
    assert config["SECRET_KEY"] == "s" * 64 and config["SESSION_COOKIE_SECURE"]


def test_database_url_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u@h/db")
    assert load_config(str(tmp_path))["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("DATABASE_URL")
    assert load_config(str(tmp_path))["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")


def test_a_stale_form_is_not_saved_over_newer_answers(app, wizard):
    wizard.submit("vve", {"association__name": "Eerste versie"})
    page = wizard.client.get(f"/d/{wizard.public_id}/stap/vve").get_data(as_text=True)
    old_version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    wizard.submit("vve", {"association__name": "Tweede versie"})  # someone else saves
    response = wizard.client.post(
        f"/d/{wizard.public_id}/stap/vve",
        data={
            "csrf_token": csrf_of(page),
            "version": old_version,
            "next": "",
            "association__name": "Derde versie",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 409 and 'value="Derde versie"' in html
    assert "Nu opgeslagen houden:</strong> Tweede versie" in html  # what changed meanwhile
    with app.app_context():
        profile = db.session.execute(db.select(Dossier)).scalar_one().profile
        assert profile["association"]["name"] == "Tweede versie"


def test_the_language_switch_is_no_open_redirect(client):
    for target in (
        "https://example.org/",
        "//example.org/",
        "/\t/example.org",
        "/\n/x",
        "\\example.org",
        "/\\example.org",
    ):
        response = client.get("/taal/en", query_string={"next": target})
        assert response.status_code == 302
        location = response.headers["Location"]
        assert not location.startswith("//") and "example.org" not in location.split("/")[2:3]


def test_posts_over_https_with_a_same_origin_referer_are_accepted(app):
    client = app.test_client()
    page = client.get("/", base_url="https://localhost").get_data(as_text=True)
    response = client.post(
        "/start",
        base_url="https://localhost",
        data={"csrf_token": csrf_of(page)},
        headers={"Referer": "https://localhost/"},
    )
    assert response.status_code == 302
    assert client.get("/", base_url="https://localhost").headers["Referrer-Policy"] == "same-origin"


def test_two_dossiers_started_in_one_browser_each_show_their_own_link(app):
    client = app.test_client()
    first = client.post(
        "/start", data={"csrf_token": csrf_of(client.get("/").get_data(as_text=True))}
    )
    second = client.post(
        "/start", data={"csrf_token": csrf_of(client.get("/").get_data(as_text=True))}
    )
    for response in (first, second):
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        link = re.search(r'readonly value="([^"]+)"', page).group(1)
        assert open_link(app.test_client(), link).status_code == 302


def test_odd_bytes_in_a_dossier_id_are_refused_plainly(client):
    assert client.get("/toegang/%00x/y").status_code == 400
    assert client.get("/d/%00x/plan").status_code == 400
    assert client.get("/d/%FFx/plan").status_code == 404


def test_uploads_are_limited_in_size(app, client):
    page = client.get("/").get_data(as_text=True)
    # announce a body over MAX_CONTENT_LENGTH: refused before anything is read
    response = client.post(
        "/importeren",
        data={"csrf_token": csrf_of(page)},
        environ_overrides={"CONTENT_LENGTH": str(3 * 1024 * 1024)},
    )
    assert response.status_code == 413


def test_guessing_private_links_is_rate_limited(app, wizard):
    from vve.ratelimit import MAX_FAILURES

    guesser = app.test_client()
    wrong = f"http://localhost/toegang/{wizard.public_id}#{'y' * 43}"
    for _ in range(MAX_FAILURES):
        assert open_link(guesser, wrong).status_code == 404
    # even the right link is refused from this address for a while: no guessing on
    assert open_link(guesser, wizard.link).status_code == 429


def test_tokens_are_compared_in_constant_time():
    import inspect

    from vve.services import dossiers

    assert "hmac.compare_digest" in inspect.getsource(dossiers.token_matches)


def test_security_headers_on_every_response(app, wizard):
    fill = {
        "public_id": wizard.public_id,
        "slug": "vve",
        "token": "x" * 43,
        "action": "blokkeren",
        "share_id": 1,
        "snapshot_id": 1,
        "result_id": 1,
        "number": 1,
        "user_id": 1,
        "plan_id": 1,
        "code": "nl",
        "filename": "app.css",
    }
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        response = wizard.client.get(rule.build({a: fill[a] for a in rule.arguments})[1])
        for header in (
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "X-Frame-Options",
            "Referrer-Policy",
        ):
            assert header in response.headers, (rule.rule, header)
        response.close()  # static files are streamed from disk


def test_ids_of_another_dossier_lead_nowhere(app, wizard):
    """IDOR sweep: a board that owns dossier A uses the real share and snapshot ids of B."""
    from tests.integration.web.conftest import Wizard
    from vve.models import PlanSnapshot, Share

    other = Wizard(app.test_client()).start()
    other.submit("vve", {"association__name": "VvE B"})
    download_plan(other.client, other.public_id)
    page = other.client.get(f"/d/{other.public_id}/delen").get_data(as_text=True)
    other.client.post(f"/d/{other.public_id}/delen", data={"csrf_token": csrf_of(page)})
    with app.app_context():
        share_id = db.session.execute(db.select(Share.id)).scalar_one()
        snapshot_id = db.session.execute(db.select(PlanSnapshot.id)).scalar_one()
    wizard.submit("vve", {"association__name": "VvE A"})
    token = csrf_of(wizard.client.get("/").get_data(as_text=True))
    assert wizard.client.get(f"/d/{wizard.public_id}/plannen/{snapshot_id}.docx").status_code == 404
    assert (
        wizard.client.post(
            f"/d/{wizard.public_id}/delen/{share_id}/intrekken", data={"csrf_token": token}
        ).status_code
        == 404
    )
    with app.app_context():
        assert db.session.get(Share, share_id).revoked_at is None
