"""The timeline figure: row labels that fit and windows of years drawn as bars."""

import datetime as dt
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


def _example_timeline():
    from tests.conftest import AS_OF, EXAMPLES
    from tests.example_plans import example_plan

    return example_plan(EXAMPLES[0].stem, AS_OF)["timeline"]


def test_a_worker_measures_a_label_once_and_keeps_one_font_per_size():
    """The widths are kept per font and text: with a new font object per figure the kept
    widths never matched again and each kept one held its figure's font in memory."""
    from vve.document import timeline

    assert timeline._font(20) is timeline._font(20)
    steps = _example_timeline()
    timeline.layout(steps)
    misses = timeline._width.cache_info().misses
    timeline.layout(steps)
    assert timeline._width.cache_info().misses == misses


def _with_pillows_own_text(draw, drawn, font):
    for text in drawn.texts:
        draw.text(text.at, text.text, fill="#1a1a1a", font=font, anchor=text.anchor)


def test_kept_text_masks_draw_the_figure_pillow_draws_byte_for_byte(monkeypatch):
    """The labels' masks are kept (a worker draws the same labels and years figure after
    figure); the figure must be the one Pillow's own ``text`` draws, in both variants and
    for every example, also when each mask is made anew."""
    from tests.conftest import AS_OF, EXAMPLES
    from tests.example_plans import example_plan
    from vve.document import timeline

    for path in EXAMPLES:
        steps = example_plan(path.stem, AS_OF)["timeline"]
        for variant in (timeline.WIDE, timeline.NARROW):
            timeline._glyphs.cache_clear()
            fresh = timeline.draw_timeline_png(steps, variant)
            kept = timeline.draw_timeline_png(steps, variant)
            with monkeypatch.context() as m:
                m.setattr(timeline, "_draw_texts", _with_pillows_own_text)
                pillow = timeline.draw_timeline_png(steps, variant)
            assert fresh == kept == pillow, (path.stem, variant)


def test_an_annual_alv_whose_day_follows_is_one_mark_in_its_year():
    """Not a bar from 1 January to 31 December: the day is the VvE's own (C8)."""
    stage = {"id": "stage:organise", "kind": "stage", "label": "Organiseren"}
    timeline = [
        {**stage, "start": "2027-01-01", "end": "2027-04-01", "day_follows": False},
        {
            "id": "later:x:2030",
            "kind": "meeting",
            "label": "Jaarlijkse ALV: besluit",
            "start": "2030-01-01",
            "end": "2030-12-31",
            "day_follows": True,
        },
    ]
    image = Image.open(io.BytesIO(timeline_png(timeline))).convert("RGB")
    drawn = layout(timeline)
    row = round(drawn.rows[1].centre)
    orange = [x for x in range(image.width) if image.getpixel((x, row)) == (0xD5, 0x5E, 0x00)]
    year = drawn.x(dt.date(2030, 12, 31)) - drawn.x(dt.date(2030, 1, 1))
    assert orange and max(orange) - min(orange) < year / 3  # a mark, not the year's bar
    middle = drawn.x(dt.date(2030, 7, 2))
    assert min(orange) < middle < max(orange)  # in the middle of its year
