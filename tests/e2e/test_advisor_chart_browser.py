"""The advisors' per-municipality chart in the browser: the wide drawing at 700 CSS px on
a desktop, the narrow one at 340 CSS px on a phone, so its 15 px text stays 15 px."""

from __future__ import annotations

import datetime as dt

from tests.e2e.conftest import _APP, make_account, shoot
from vve.extensions import db
from vve.models import Dossier, Share, User


def _shared_dossiers(email: str) -> None:
    now = dt.datetime.now(dt.UTC)
    stages = ("organise", "inventory", "plan_support", "decide", "finance", "")
    places = ("Assen", "Súdwest-Fryslân", "'s-Hertogenbosch", "Emmen")
    with _APP[0].app_context():
        user = db.session.execute(db.select(User).where(User.email == email)).scalar_one()
        for i in range(23):
            dossier = Dossier(
                public_id=f"chart{i}",
                token_hash="0" * 64,
                version=1,
                name=f"VvE {i}",
                municipality=places[i % len(places)],
                stage=stages[i % len(stages)],
                heat_route="hybrid",
            )
            db.session.add(dossier)
            db.session.flush()
            db.session.add(
                Share(
                    dossier_id=dossier.id,
                    code_hash=f"{dossier.id:064d}",
                    organisation_id=user.organisation_id,
                    expires_at=now,
                    redeemed_at=now,
                )
            )
        db.session.commit()


def test_the_summary_chart_is_sharp_and_legible_at_each_width(server, browser):
    make_account(server, "kaat@drenthe.nl", "Adviesteam Grafiek", "advisor")
    _shared_dossiers("kaat@drenthe.nl")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(server + "/adviseur/inloggen")
        page.get_by_label("E-mailadres").fill("kaat@drenthe.nl")
        page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
        page.get_by_role("button", name="Inloggen").click()
        page.goto(server + "/adviseur/overzicht")
        chart = page.locator("img.timeline--summary")
        chart.evaluate("img => img.decode()")
        assert chart.evaluate("img => [img.naturalWidth, img.getBoundingClientRect().width]") == [
            1400,
            700,
        ]
        shoot(page, "advisor-summary")
        page.set_viewport_size({"width": 375, "height": 900})
        page.reload()
        chart.evaluate("img => img.decode()")
        source, natural, shown = chart.evaluate(
            "img => [img.currentSrc, img.naturalWidth, img.getBoundingClientRect().width]"
        )
        assert "breedte=smal" in source and natural == 340 and shown == 340  # 680 px at 2x
    finally:
        context.close()
