"""The VvE step in a real browser: the municipality offered from the postcode, confirmed by
saving again, with the notice read out with the field."""

from playwright.sync_api import expect

from tests.e2e.conftest import _APP, shoot
from tests.e2e.test_browser import save, start
from vve.extensions import db
from vve.models import PostcodeArea


def test_the_board_confirms_the_municipality_offered_from_the_postcode(page, server):
    with _APP[0].app_context():
        if db.session.get(PostcodeArea, "7811 AB") is None:
            db.session.add(PostcodeArea(postcode="7811 AB", municipality="Emmen", neighbourhood=""))
            db.session.commit()
    start(page, server)
    page.get_by_role("link", name="Naar de eerste vraag").click()
    page.get_by_label("Naam van de VvE").fill("VvE De Postcode")
    page.get_by_label("Postcode").fill("7811 ab")
    save(page)
    field = page.get_by_label("Gemeente", exact=True)
    expect(field).to_have_value("Emmen")
    expect(field).to_have_accessible_description(
        "Volgens de postcodetabel ligt 7811 AB in de gemeente Emmen. Klopt dat? Pas het anders aan."
    )
    shoot(page, "stap-vve-gemeente-uit-postcode")
    save(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Het gebouw")
