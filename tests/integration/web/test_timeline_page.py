"""The plan page's timeline: a wide and a narrow figure, and the same data as a list."""

import io
import re

from PIL import Image

from tests.conftest import EXAMPLES

from .conftest import import_example


def test_the_page_offers_a_narrow_figure_for_phones_and_the_wide_one_elsewhere(client):
    public_id = import_example(client, next(e for e in EXAMPLES if "emmen" in e.name))
    html = client.get(f"/d/{public_id}/plan").get_data(as_text=True)
    picture = re.search(r"<picture>.*?</picture>", html, re.S)
    assert picture, "the timeline is a <picture>"
    assert f'media="(max-width: 40em)" srcset="/d/{public_id}/tijdlijn-smal.png 2x"' in picture[0]
    assert f'src="/d/{public_id}/tijdlijn.png"' in picture[0]
    wide = Image.open(io.BytesIO(client.get(f"/d/{public_id}/tijdlijn.png").data))
    narrow = Image.open(io.BytesIO(client.get(f"/d/{public_id}/tijdlijn-smal.png").data))
    assert wide.mode == narrow.mode == "P"
    assert narrow.width < wide.width and narrow.height > wide.height  # stacked: taller


def test_the_page_gives_the_timeline_as_a_list_with_every_item(client):
    """The figure shows a measure as a dot in the row "Maatregel"; the list names it."""
    public_id = import_example(client, next(e for e in EXAMPLES if "emmen" in e.name))
    html = client.get(f"/d/{public_id}/plan").get_data(as_text=True)
    listed = re.search(r'<ul[^>]*class="timeline-list".*?</ul>', html, re.S)
    assert listed, "the timeline as a list"
    items = re.findall(r"<li>", listed[0])
    assert len(items) == 22  # every item of the Emmen plan's timeline
    assert "ALV:</strong> Jaarlijkse ALV: uiterlijk hier de warmtebron kiezen" in listed[0]
    assert "Maatregel:</strong> Spouwmuurisolatie" in listed[0]
    assert "Doel:</strong> Streefjaar aardgasvrij" in listed[0]
    assert "Organiseren: bestuur en duurzaamheidscommissie" in listed[0]  # the full title
    assert 'alt="Tijdlijn van het plan; dezelfde gegevens staan in de lijst' in html


def test_the_figure_is_drawn_once_per_plan_content_and_revalidated_by_etag(client, monkeypatch):
    """Viewing the plan page again draws nothing: the server keeps the figure per input
    (answers, municipal plan, day, knowledge, engine) and the browser gets an ETag to ask
    with (304, no body, and no plan made); changed answers are a new figure with a new tag."""
    from vve.services import plans

    drawn, made = [], []
    real_draw, real_plan = plans.timeline_png, plans.build_plan
    monkeypatch.setattr(plans, "timeline_png", lambda *a: drawn.append(1) or real_draw(*a))
    monkeypatch.setattr(plans, "build_plan", lambda *a: made.append(1) or real_plan(*a))
    plans.forget_timelines()
    public_id = import_example(client, next(e for e in EXAMPLES if "emmen" in e.name))
    first = client.get(f"/d/{public_id}/tijdlijn.png")
    made.clear()
    again = client.get(f"/d/{public_id}/tijdlijn.png")
    assert first.data == again.data and first.data.startswith(b"\x89PNG")
    assert len(drawn) == 1 and made == []  # kept: neither drawn nor planned again
    tag = first.headers["ETag"]
    assert tag and again.headers["ETag"] == tag
    assert first.headers["Cache-Control"] == "private, no-cache"
    asked = client.get(f"/d/{public_id}/tijdlijn.png", headers={"If-None-Match": tag})
    assert asked.status_code == 304 and asked.data == b"" and made == []
    narrow = client.get(f"/d/{public_id}/tijdlijn-smal.png")
    assert narrow.headers["ETag"] != tag and len(drawn) == 2
    other = import_example(client, next(e for e in EXAMPLES if "assen-zes" in e.name))
    assert client.get(f"/d/{other}/tijdlijn.png").headers["ETag"] != tag


def test_changed_answers_give_a_new_figure(wizard):
    answers = {
        "association__name": "VvE Belasting",
        "association__postcode": "9401 AB",
        "association__municipality": "Assen",
        "association__management": "self_managed",
    }
    assert wizard.submit("vve", answers).status_code == 302
    first = wizard.client.get(f"/d/{wizard.public_id}/tijdlijn.png")
    assert first.status_code == 200
    assert wizard.submit("vve", answers | {"association__municipality": "Emmen"}).status_code == 302
    changed = wizard.client.get(
        f"/d/{wizard.public_id}/tijdlijn.png", headers={"If-None-Match": first.headers["ETag"]}
    )
    assert changed.status_code == 200 and changed.headers["ETag"] != first.headers["ETag"]


def test_the_figure_cache_is_bounded():
    from vve.services import plans

    plans.forget_timelines()
    for n in range(plans.TIMELINE_CACHE_SIZE + 50):
        plans.cached_figure(str(n), lambda: b"png")
    assert len(plans._TIMELINES) == plans.TIMELINE_CACHE_SIZE
    assert "0" not in plans._TIMELINES and str(n) in plans._TIMELINES


def test_the_figure_cache_is_bounded_in_bytes():
    from vve.services import plans

    plans.forget_timelines()
    big = b"x" * (plans.TIMELINE_CACHE_BYTES // 10 + 1)
    for n in range(20):
        plans.cached_figure(f"big{n}", lambda: big)
    assert sum(map(len, plans._TIMELINES.values())) <= plans.TIMELINE_CACHE_BYTES
    assert len(plans._TIMELINES) == 9 and "big19" in plans._TIMELINES
    plans.forget_timelines()
