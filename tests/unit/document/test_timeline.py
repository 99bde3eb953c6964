"""The timeline figure: row labels that fit and windows of years drawn as bars."""

import io

from PIL import Image

from vve.document.timeline import _short, layout, timeline_png


def test_a_long_stage_title_is_cut_at_its_colon_not_mid_word():
    assert _short("Organiseren: bestuur en duurzaamheidscommissie") == "Organiseren"
    assert _short("Uitvoeren") == "Uitvoeren"


def test_a_window_of_years_is_drawn_as_a_bar_not_a_dot():
    timeline = [
        {
            "id": "stage:organise",
            "kind": "stage",
            "label": "Organiseren",
            "start": "2027-01-01",
            "end": "2027-04-01",
        },
        {
            "id": "boilers:replacement",
            "kind": "maintenance",
            "label": "Eigen cv-ketels",
            "start": "2023-01-01",
            "end": "2028-12-31",
        },
    ]
    image = Image.open(io.BytesIO(timeline_png(timeline))).convert("RGB")
    row = round(layout(timeline).rows[1].centre)  # the maintenance row
    orange = [x for x in range(image.width) if image.getpixel((x, row)) == (0xE6, 0x9F, 0x00)]
    assert max(orange) - min(orange) > 600  # six of seven years wide, not a marker


def test_the_axis_starts_with_the_plan_not_with_an_earlier_window():
    timeline = [
        {
            "id": "stage:organise",
            "kind": "stage",
            "label": "Organiseren",
            "start": "2027-01-01",
            "end": "2027-04-01",
        },
        {
            "id": "boilers:replacement",
            "kind": "maintenance",
            "label": "Eigen cv-ketels",
            "start": "2021-01-01",
            "end": "2026-12-31",
        },
    ]
    image = Image.open(io.BytesIO(timeline_png(timeline))).convert("RGB")
    row = round(layout(timeline).rows[0].centre)  # the stage row
    blue = [x for x in range(image.width) if image.getpixel((x, row)) == (0x00, 0x72, 0xB2)]
    # one year of axis: the stage's quarter takes a visible share of the width
    assert max(blue) - min(blue) > 150


def test_the_figure_is_drawn_once_per_timeline_content(monkeypatch):
    from vve.document import timeline as module

    module.timeline_png.cache_clear()
    drawn = []
    real = module.draw_timeline_png
    monkeypatch.setattr(module, "draw_timeline_png", lambda t, v: drawn.append(v) or real(t, v))
    timeline = [
        {"kind": "stage", "label": "Fase 1", "start": "2027-01-01", "end": "2027-06-30"},
    ]
    first = module.timeline_png(timeline)
    again = module.timeline_png([dict(item) for item in timeline])  # equal content, new dicts
    assert again == first and len(drawn) == 1
    changed = [dict(timeline[0], label="Fase 2")]
    assert module.timeline_png(changed) != first and len(drawn) == 2
