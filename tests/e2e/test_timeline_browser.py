"""The plan page's timeline in a real browser: the narrow figure on a phone, the wide one at
1280 px, and either shown with text of at least 12 CSS px."""

import pytest

from tests.e2e.conftest import SCREENSHOTS, shoot
from tests.e2e.test_meetings import import_profile
from vve.document.timeline import NARROW, WIDE


@pytest.mark.parametrize(
    ("width", "variant", "source"),
    [
        (1280, WIDE, "/tijdlijn.png"),
        (375, NARROW, "/tijdlijn-smal.png"),
        (320, NARROW, "/tijdlijn-smal.png"),
    ],
)
def test_the_timeline_text_is_legible_at_each_width(page, server, tmp_path, width, variant, source):
    dossier = import_profile(page, server, tmp_path)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(dossier + "/plan")
    image = page.locator("img.timeline")
    image.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('img.timeline').complete")
    shown = image.evaluate("i => ({src: i.currentSrc, width: i.getBoundingClientRect().width})")
    assert shown["src"].endswith(source)
    assert shown["width"] <= variant.width + 2  # never blown up past its CSS size (+ border)
    assert variant.font * shown["width"] / variant.width >= 12
    page.locator("details:has(.timeline-list) summary").click()
    target = SCREENSHOTS / str(width) / "plan-timeline-figure.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    image.screenshot(path=str(target))
    if width == 1280:
        shoot(page, "plan-timeline")
