"""The plan page's timeline: a wide and a narrow figure, and the same data as a list."""

import io
import re

from PIL import Image

from tests.conftest import EXAMPLES

from .conftest import csrf_of


def _import(client, example) -> str:
    page = client.get("/").get_data(as_text=True)
    created = client.post(
        "/importeren",
        data={"csrf_token": csrf_of(page), "profile": (io.BytesIO(example.read_bytes()), "p.json")},
        content_type="multipart/form-data",
    )
    return created.headers["Location"].split("/")[2]


def test_the_page_offers_a_narrow_figure_for_phones_and_the_wide_one_elsewhere(client):
    public_id = _import(client, next(e for e in EXAMPLES if "emmen" in e.name))
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
    public_id = _import(client, next(e for e in EXAMPLES if "emmen" in e.name))
    html = client.get(f"/d/{public_id}/plan").get_data(as_text=True)
    listed = re.search(r'<ul[^>]*class="timeline-list".*?</ul>', html, re.S)
    assert listed, "the timeline as a list"
    items = re.findall(r"<li>", listed[0])
    assert len(items) == 21  # every item of the Emmen plan's timeline
    assert "Maatregel:</strong> Spouwmuurisolatie" in listed[0]
    assert "Doel:</strong> Streefjaar aardgasvrij" in listed[0]
    assert "Organiseren: bestuur en duurzaamheidscommissie" in listed[0]  # the full title
    assert 'alt="Tijdlijn van het plan; dezelfde gegevens staan in de lijst' in html


def test_the_figure_is_drawn_once_per_plan_content_and_revalidated_by_etag(client, monkeypatch):
    """Viewing the plan page again draws nothing: the server keeps the figure per timeline
    content and the browser gets an ETag to ask with (304, no body); a changed plan is a
    new figure with a new tag."""
    from vve.services import plans

    drawn = []
    real = plans.timeline_png
    monkeypatch.setattr(plans, "timeline_png", lambda *a: drawn.append(1) or real(*a))
    plans.forget_timelines()
    public_id = _import(client, next(e for e in EXAMPLES if "emmen" in e.name))
    first = client.get(f"/d/{public_id}/tijdlijn.png")
    again = client.get(f"/d/{public_id}/tijdlijn.png")
    assert first.data == again.data and first.data.startswith(b"\x89PNG")
    assert len(drawn) == 1
    tag = first.headers["ETag"]
    assert tag and again.headers["ETag"] == tag
    assert "private" in first.headers["Cache-Control"]
    assert "no-store" not in first.headers["Cache-Control"]
    asked = client.get(f"/d/{public_id}/tijdlijn.png", headers={"If-None-Match": tag})
    assert asked.status_code == 304 and asked.data == b""
    narrow = client.get(f"/d/{public_id}/tijdlijn-smal.png")
    assert narrow.headers["ETag"] != tag and len(drawn) == 2
    other = _import(client, next(e for e in EXAMPLES if "assen-zes" in e.name))
    assert client.get(f"/d/{other}/tijdlijn.png").headers["ETag"] != tag


def test_the_figure_cache_is_bounded(monkeypatch):
    from vve.services import plans

    plans.forget_timelines()
    monkeypatch.setattr(plans, "timeline_png", lambda timeline, variant: b"png")
    for year in range(plans.TIMELINE_CACHE_SIZE + 50):
        plans.cached_timeline([{"year": year}], plans.WIDE)
    assert len(plans._TIMELINES) == plans.TIMELINE_CACHE_SIZE
