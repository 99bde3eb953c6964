"""The plan of a dossier is made once per input (answers, municipal plan, day, knowledge,
engine) and kept by the worker: the plan page, its figure and the download reuse it, and
what a caller does with its copy never reaches the next one."""

from tests.conftest import EXAMPLES

from .conftest import csrf_of, import_example


def _import(client, name: str) -> str:
    return import_example(client, next(e for e in EXAMPLES if name in e.name))


def _count_plans(monkeypatch) -> list[int]:
    from vve.services import plans

    made: list[int] = []
    real = plans.build_plan
    monkeypatch.setattr(plans, "build_plan", lambda *a: made.append(1) or real(*a))
    plans.forget_plans()
    plans.forget_timelines()
    return made


def test_the_page_its_figure_and_the_download_make_the_plan_once(client, monkeypatch):
    made = _count_plans(monkeypatch)
    public_id = _import(client, "emmen")
    made.clear()
    page = client.get(f"/d/{public_id}/plan")
    assert page.status_code == 200 and made == [1]
    assert client.get(f"/d/{public_id}/plan").status_code == 200
    assert client.get(f"/d/{public_id}/tijdlijn.png").status_code == 200
    posted = client.post(
        f"/d/{public_id}/plan.docx", data={"csrf_token": csrf_of(page.get_data(as_text=True))}
    )
    assert posted.status_code == 303
    assert client.get(posted.headers["Location"]).data.startswith(b"PK")
    assert made == [1]  # kept: neither the page again, the figure nor the Word plan made it


def test_a_kept_plan_equals_a_new_one_and_a_changed_copy_stays_the_callers(
    app, client, monkeypatch
):
    from vve.services import clock, dossiers, plans

    _count_plans(monkeypatch)
    public_id = _import(client, "assen-zes")
    with app.app_context():
        dossier = dossiers.find_dossier(public_id)
        first = plans.make_plan(dossier)
        first["measures"].clear()  # a caller changing its copy
        first["association"]["name"] = "elders"
        kept = plans.make_plan(dossier)
        fresh = plans.make_plan(dossier, clock.today())  # a day given: made anew
    assert kept == fresh and kept["measures"] and kept["association"]["name"] != "elders"


def test_changed_answers_make_a_new_plan(wizard, monkeypatch):
    made = _count_plans(monkeypatch)
    answers = {
        "association__name": "VvE Het Plein",
        "association__postcode": "9401 AB",
        "association__municipality": "Assen",
        "association__management": "self_managed",
    }
    assert wizard.submit("vve", answers).status_code == 302
    made.clear()
    first = wizard.client.get(f"/d/{wizard.public_id}/plan").get_data(as_text=True)
    assert "VvE Het Plein" in first and made == [1]
    changed = answers | {"association__name": "VvE De Hoek"}
    assert wizard.submit("vve", changed).status_code == 302
    again = wizard.client.get(f"/d/{wizard.public_id}/plan").get_data(as_text=True)
    assert "VvE De Hoek" in again and len(made) == 2


def test_the_plan_cache_is_bounded_in_count_and_bytes():
    from vve.services import plans

    plans.forget_plans()
    for n in range(plans.PLAN_CACHE_SIZE + 10):
        plans._PLANS.get(str(n), lambda: b"plan")
    assert len(plans._PLANS) == plans.PLAN_CACHE_SIZE
    big = b"x" * (plans.PLAN_CACHE_BYTES // 4 + 1)
    for n in range(8):
        plans._PLANS.get(f"big{n}", lambda: big)
    assert sum(map(len, plans._PLANS.values())) <= plans.PLAN_CACHE_BYTES
    plans.forget_plans()


# --- the plan page's parts drawn from the plan alone ----------------------------------------
import re  # noqa: E402

_TOKEN = re.compile(r'name="csrf_token" value="[^"]*"')


def _page(client, public_id: str, query: str = "") -> str:
    html = client.get(f"/d/{public_id}/plan{query}").get_data(as_text=True)
    return _TOKEN.sub("", html)


def test_the_plan_page_is_the_same_with_its_parts_kept_or_drawn(client):
    from vve.services import plans

    public_id = _import(client, "emmen")
    for language in ("nl", "en"):
        client.get(f"/taal/{language}")
        plans.forget_plans()
        drawn = _page(client, public_id)
        kept = _page(client, public_id)
        assert kept == drawn and ("Tijdlijn" if language == "nl" else "Timeline") in kept
        plans.forget_plans()
        asked = _page(client, public_id, "?present=40&yes=30&no=5&blank=5")
        assert ("Uitkomst per besluit" if language == "nl" else "Outcome per decision") in asked
        assert _page(client, public_id, "?present=40&yes=30&no=5&blank=5") == asked


def test_two_dossiers_with_the_same_answers_each_link_to_their_own(client):
    first = _import(client, "tynaarlo")
    second = _import(client, "tynaarlo")
    for mine, other in ((first, second), (second, first)):
        html = _page(client, mine)
        assert f"/d/{mine}/tijdlijn.png" in html and f"/d/{mine}/vergaderingen" in html
        assert other not in html


def test_the_parts_follow_the_language_of_the_request(client):
    public_id = _import(client, "assen-zes")
    client.get("/taal/nl")
    dutch = _page(client, public_id)
    client.get("/taal/en")
    english = _page(client, public_id)
    assert "Het plan in fasen" in dutch and "The plan in phases" not in dutch
    assert "The plan in phases" in english and "Het plan in fasen" not in english
