"""The money inputs in the wizard and the money part of the plan page, on SQLite and
PostgreSQL: what is typed reaches the profile, errors say which row, nothing typed is
lost, and the apartment calculator works as a plain GET."""

import re
from fractions import Fraction
from html import unescape

from tests.integration.web.conftest import csrf_of, download_plan, form_values, open_link
from tests.integration.web.test_advisors import login, make_user, share_with
from vve.extensions import db
from vve.models import Dossier
from vve.rules.money import amounts_for_share
from vve.wizard.money_words import money_range
from vve.wizard.presenters import field_words
from vve.wizard.steps import STEPS


def stored(app, public_id):
    with app.app_context():
        return db.session.execute(
            db.select(Dossier).where(Dossier.public_id == public_id)
        ).scalar_one()


def change_stored(app, public_id, **columns):
    with app.app_context():
        dossier = db.session.execute(
            db.select(Dossier).where(Dossier.public_id == public_id)
        ).scalar_one()
        for key, value in columns.items():
            setattr(dossier, key, value)
        db.session.commit()


def text_of(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))))


def a_building(wizard, dwellings="12"):
    """Known enough that most measures can be priced (an amount per apartment means something)."""
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    wizard.submit(
        "gebouw",
        {
            "building__rights__dwellings": dwellings,
            "building__storeys": "4",
            "building__cavity_wall": "empty",
            "building__roof_type": "flat",
            "building__roof_insulation": "none",
            "building__glazing": "double",
            "building__floor_insulation": "none",
        },
    )


COSTS = {
    "money__cost_share_method": "table",
    "money__cost_shares-0-label": "woning type A",
    "money__cost_shares-0-kind": "dwelling",
    "money__cost_shares-0-apartments": "10",
    "money__cost_shares-0-share": "87 / 1000",
    "money__cost_shares-1-label": "winkel",
    "money__cost_shares-1-kind": "commercial",
    "money__cost_shares-1-apartments": "2",
    "money__cost_shares-1-share": "65/1000",
    "money__reserve_for_plan": "€ 20.000",
    "money__advice_cost": "16.500",
    "money__loan_quote__amount": "150.000",
    "money__loan_quote__rate_percent": "3,69%",
    "money__loan_quote__term_years": "20",
}


def test_the_new_step_is_the_last_question_and_counted(wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    assert [s.slug for s in STEPS][-1] == "kosten"
    page = wizard.client.get(wizard.url("kosten")).get_data(as_text=True)
    assert "Stap 9 van 10" in page and "Kosten en financiering" in page
    # the hints say where each figure is found
    for where in ("splitsingsakte", "MJOP", "offerte van de adviseur", "Warmtefonds"):
        assert where in page
    ambitie = wizard.submit("ambitie", {})
    assert ambitie.headers["Location"].endswith("/stap/kosten")


def test_surfaces_and_gas_use_reach_the_profile(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    page = wizard.client.get(wizard.url("gebouw")).get_data(as_text=True)
    assert "BAG-viewer" in page and "energieadvies" in page
    wizard.submit(
        "gebouw",
        {
            "building__floor_area_per_dwelling": "68",
            "building__roof_area": "816",
            "building__facade_area": "620",
            "building__window_area": "480",
            "building__volume": "14000",
        },
    )
    page = wizard.client.get(wizard.url("installaties")).get_data(as_text=True)
    assert "jaarafrekening" in page and "energieleverancier" in page
    wizard.submit(
        "installaties",
        {"installations__gas_use_m3": "46000", "installations__gas_use_per_dwelling_m3": ""},
    )
    profile = stored(app, wizard.public_id).profile
    assert {
        k: profile["building"][k]
        for k in ("floor_area_per_dwelling", "roof_area", "facade_area", "window_area", "volume")
    } == {
        "floor_area_per_dwelling": 68,
        "roof_area": 816,
        "facade_area": 620,
        "window_area": 480,
        "volume": 14000,
    }
    assert profile["installations"]["gas_use_m3"] == 46000
    assert profile["installations"]["gas_use_per_dwelling_m3"] is None


def test_the_money_step_round_trips_into_the_profile(app, wizard):
    a_building(wizard)
    response = wizard.submit("kosten", COSTS)
    assert response.status_code == 302 and response.headers["Location"].endswith("/controle")
    money = stored(app, wizard.public_id).profile["money"]
    assert money["cost_share_method"] == "table"
    assert money["cost_shares"] == [
        {"label": "woning type A", "kind": "dwelling", "apartments": 10, "share": "87/1000"},
        {"label": "winkel", "kind": "commercial", "apartments": 2, "share": "65/1000"},
    ]
    assert money["reserve_for_plan"] == 20000 and money["advice_cost"] == 16500
    assert money["loan_quote"] == {"rate_percent": "3.69", "term_years": 20, "amount": 150000}
    page = wizard.client.get(wizard.url("kosten")).get_data(as_text=True)
    assert 'value="woning type A"' in page and 'value="3,69"' in page
    assert re.search(r'<input checked [^>]*id="money__loan_quote__term_years-2"', page)
    # two rows in use: a third, empty one to add another
    assert 'id="money__cost_shares-2-label"' in page
    assert 'id="money__cost_shares-3-label"' not in page


def test_rates_as_a_board_types_them(app, wizard):
    a_building(wizard)
    for typed in ("3.69", "3,69", "3,69 %", " 3,690% "):
        assert (
            wizard.submit("kosten", {"money__loan_quote__rate_percent": typed}).status_code == 302
        )
        assert (
            stored(app, wizard.public_id).profile["money"]["loan_quote"]["rate_percent"] == "3.69"
        )
    for typed, message in (
        ("25", "0 tot en met 20 procent"),
        ("drie", "bijvoorbeeld 3,69"),
        ("3,6912", "drie cijfers achter de komma"),
    ):
        response = wizard.submit("kosten", {"money__loan_quote__rate_percent": typed})
        assert response.status_code == 400 and message in response.get_data(as_text=True)
        assert f'value="{typed}"' in response.get_data(as_text=True)


def test_row_errors_name_the_row_and_nothing_typed_is_lost(app, wizard):
    a_building(wizard)
    before = stored(app, wizard.public_id).profile
    bad = dict(COSTS)
    bad.update(
        {
            "money__cost_shares-1-share": "veel",
            "money__cost_shares-0-apartments": "",
            "money__loan_quote__rate_percent": "drie",
        }
    )
    response = wizard.submit("kosten", bad)
    html = response.get_data(as_text=True)
    text = text_of(response)
    assert response.status_code == 400
    assert (
        "Breukdelen, regel 2: Breukdeel per appartement: Vul een breukdeel in als "
        "breuk, bijvoorbeeld 87/10000." in text
    )
    assert (
        "Breukdelen, regel 1: Aantal appartementen: Vul dit ook in, of maak de hele "
        "regel leeg." in text
    )
    assert 'href="#money__cost_shares-1-share"' in html
    assert 'href="#money__cost_shares-0-apartments"' in html
    assert 'href="#money__loan_quote__rate_percent"' in html
    # the error sits next to the field, and every typed value is still there
    assert 'id="money__cost_shares-1-share-error"' in html
    for value in (
        "woning type A",
        "87 / 1000",
        "winkel",
        "veel",
        "€ 20.000",
        "16.500",
        "150.000",
        "drie",
    ):
        assert f'value="{value}"' in html, value
    assert '<option selected value="commercial">' in html
    # the valid answers are saved; the table and the rate with errors keep their old value
    assert "Niet bewaard: Breukdelen, Rente in het aanbod (%)." in text
    money, old = stored(app, wizard.public_id).profile["money"], before["money"]
    assert money["cost_shares"] == old["cost_shares"]
    assert money["loan_quote"]["rate_percent"] == old["loan_quote"]["rate_percent"]
    assert money["reserve_for_plan"] == 20000 and money["advice_cost"] == 16500


def test_a_share_outside_zero_to_one_is_refused(wizard):
    a_building(wizard)
    for share, message in (
        ("2/1", "groter dan 0 en ten hoogste 1"),
        ("0/100", "groter dan 0 en ten hoogste 1"),
        ("1/0", "onder de breukstreep"),
    ):
        response = wizard.submit(
            "kosten",
            {
                "money__cost_share_method": "table",
                "money__cost_shares-0-label": "woning",
                "money__cost_shares-0-apartments": "12",
                "money__cost_shares-0-share": share,
            },
        )
        assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_reserve_commitments_from_the_mjop(app, wizard):
    wizard.submit("vve", {"association__name": "VvE X"})
    page = wizard.client.get(wizard.url("onderhoud")).get_data(as_text=True)
    assert 'id="money__reserve_commitments-1-year"' in page  # two empty rows to start
    wizard.submit(
        "onderhoud",
        {
            "money__reserve_commitments-1-year": "2028",
            "money__reserve_commitments-1-amount": "45.000",
            "money__reserve_commitments-1-description": "schilderwerk",
        },
    )
    assert stored(app, wizard.public_id).profile["money"]["reserve_commitments"] == [
        {"year": 2028, "amount": 45000, "description": "schilderwerk"}
    ]
    # a page from before the table existed posts no rows: the stored ones stay
    page = wizard.client.get(wizard.url("onderhoud")).get_data(as_text=True)
    old_page = {
        k: v for k, v in form_values(page).items() if not k.startswith("money__reserve_commitments")
    }
    assert wizard.client.post(wizard.url("onderhoud"), data=old_page).status_code == 302
    assert len(stored(app, wizard.public_id).profile["money"]["reserve_commitments"]) == 1
    bad = wizard.submit("onderhoud", {"money__reserve_commitments-1-amount": "12.000"})
    assert bad.status_code == 400
    assert "Geplande uitgaven uit het reservefonds, regel 2: Jaar: Vul dit ook in" in text_of(bad)


def test_figures_rows_follow_the_plan_and_stored_figures_are_never_dropped(app, wizard):
    a_building(wizard)
    page = wizard.client.get(wizard.url("kosten")).get_data(as_text=True)
    keys = re.findall(r'name="money__figures-\d+-key" type="hidden" value="([a-z_]+)"', page)
    assert keys[:2] == ["hydronic_balancing", "cavity_insulation"]
    assert "collective_heat_pump" not in keys
    profile = stored(app, wizard.public_id).profile
    money = dict(
        profile["money"],
        figures={
            "collective_heat_pump": {
                "origin": "quote",
                "investment": 250000,
                "subsidy": None,
                "yearly_saving": None,
                "quantity": 12,
                "reference": "offerte 2027",
            }
        },
    )
    change_stored(app, wizard.public_id, profile=dict(profile, money=money))
    page = wizard.client.get(wizard.url("kosten")).get_data(as_text=True)
    assert 'value="collective_heat_pump"' in page and 'value="250.000"' in page
    assert "Collectieve warmtepomp" in page
    # a figure for a measure of the plan, entered beside the stored one
    index = keys.index("cavity_insulation")
    wizard.submit(
        "kosten",
        {
            f"money__figures-{index}-origin": "energy_advice",
            f"money__figures-{index}-investment": "18.000",
            f"money__figures-{index}-reference": "Energieadvies maart 2027",
        },
    )
    figures = stored(app, wizard.public_id).profile["money"]["figures"]
    assert figures["collective_heat_pump"]["investment"] == 250000
    assert figures["collective_heat_pump"]["quantity"] == 12  # kept, though not on the form
    assert figures["cavity_insulation"] == {
        "origin": "energy_advice",
        "investment": 18000,
        "subsidy": None,
        "yearly_saving": None,
        "quantity": None,
        "reference": "Energieadvies maart 2027",
    }
    # a post without the row (an old page) keeps it too
    wizard.client.post(
        wizard.url("kosten"),
        data={
            "csrf_token": csrf_of(page),
            "version": str(stored(app, wizard.public_id).version),
            "next": "",
        },
    )
    assert set(stored(app, wizard.public_id).profile["money"]["figures"]) == {
        "collective_heat_pump",
        "cavity_insulation",
    }


def test_the_check_page_shows_the_new_answers_with_change_links(wizard):
    a_building(wizard)
    wizard.submit(
        "gebouw", {"building__rights__dwellings": "12", "building__floor_area_per_dwelling": "68"}
    )
    wizard.submit(
        "onderhoud",
        {
            "money__reserve_commitments-0-year": "2028",
            "money__reserve_commitments-0-amount": "45.000",
        },
    )
    wizard.submit("kosten", COSTS)
    response = wizard.client.get(f"/d/{wizard.public_id}/controle")
    html, text = response.get_data(as_text=True), text_of(response)
    assert "Stap 10 van 10" in text
    assert "68 m²" in text and "Volgens de breukdelen uit de splitsingsakte" in text
    assert (
        "Omschrijving: woning type A, Soort: Woning, Aantal appartementen: 10, "
        "Breukdeel per appartement: 87/1000" in text
    )
    assert "Jaar: 2028, Bedrag: € 45.000" in text
    assert "3,69%" in text and "20 jaar" in text and "€ 150.000" in text
    base = f"/d/{wizard.public_id}/stap/"
    for slug, anchor in (
        ("kosten", "money__cost_shares"),
        ("kosten", "money__loan_quote__rate_percent"),
        ("kosten", "money__figures"),
        ("onderhoud", "money__reserve_commitments"),
        ("gebouw", "building__floor_area_per_dwelling"),
        ("installaties", "installations__gas_use_m3"),
    ):
        # the change link lands on the field and returns to this row afterwards
        assert f"{base}{slug}?terug={anchor}#{anchor}" in html, anchor
        assert f'id="antwoord-{anchor}"' in html, anchor


def test_old_dossiers_resume_at_the_new_step(app, wizard):
    """Dossiers that finished the seven steps before "kosten" existed resume there (their
    seventh step is the eighth since the apartment register came before it)."""
    a_building(wizard)
    change_stored(app, wizard.public_id, furthest_step=8)
    assert open_link(app.test_client(), wizard.link).headers["Location"].endswith("/stap/kosten")
    change_stored(app, wizard.public_id, furthest_step=9)
    assert open_link(app.test_client(), wizard.link).headers["Location"].endswith("/controle")


def test_an_advisor_enters_a_quote_and_the_plan_changes(app, wizard):
    a_building(wizard, dwellings="24")
    make_user(app, "anna@drenthe.nl")
    advisor = login(app.test_client(), "anna@drenthe.nl")
    share_with(wizard, advisor)
    before = advisor.get(f"/d/{wizard.public_id}/plan")
    assert before.status_code == 200
    adviser = type(wizard)(advisor)
    adviser.public_id = wizard.public_id
    page = advisor.get(adviser.url("kosten")).get_data(as_text=True)
    keys = re.findall(r'name="money__figures-\d+-key" type="hidden" value="([a-z_]+)"', page)
    index = keys.index("cavity_insulation")
    response = adviser.submit(
        "kosten",
        {
            f"money__figures-{index}-origin": "quote",
            f"money__figures-{index}-investment": "21.500",
            f"money__figures-{index}-reference": "Offerte Isolatie Noord, 2027",
        },
    )
    assert response.status_code == 302
    after = advisor.get(f"/d/{wizard.public_id}/plan")
    text = text_of(after)
    assert "€ 21.500" in text and "Bron: offerte (Offerte Isolatie Noord, 2027)" in text
    assert "€ 21.500" not in text_of(before)
    history = wizard.client.get(f"/d/{wizard.public_id}/geschiedenis")
    assert "Adviseur (anna@drenthe.nl)" in text_of(history)
    with app.test_request_context():
        assert field_words("money.figures") in text_of(history)
    # and a new version of the plan can be downloaded
    download = download_plan(advisor, wizard.public_id)
    assert download.status_code == 200


# --- the plan page ----------------------------------------------------------------------


def plan_of(app, public_id):
    from vve.services import plans

    with app.app_context():
        return plans.make_plan(stored(app, public_id))


def dutch(app, amount) -> str:
    with app.test_request_context():
        return money_range(amount).replace("\u00a0", " ")


def test_the_plan_page_shows_the_money(app, wizard):
    a_building(wizard)
    response = wizard.client.get(f"/d/{wizard.public_id}/plan")
    html, text = response.get_data(as_text=True), text_of(response)
    money = plan_of(app, wizard.public_id)["money"]
    first = money["summary"][0].replace("\u00a0", " ")
    assert first in text
    assert text.index(first) < text.index("Kosten per maatregel")
    assert "Spouwmuurisolatie" in text and "indicatief (kengetal)" in text
    assert dutch(app, money["vve"]["net_to_pay"]) in text
    for term in money["loan"]["terms"]:
        assert dutch(app, term["monthly"]) in text
    assert 'role="region"' in html and 'aria-labelledby="money-caption"' in html
    assert "Wat betekent dit voor mijn appartement?" in text


def test_the_apartment_calculator_by_class_and_by_typed_share(app, wizard):
    a_building(wizard)
    wizard.submit("kosten", COSTS)
    money = plan_of(app, wizard.public_id)["money"]
    base = f"/d/{wizard.public_id}/plan"
    page = wizard.client.get(base).get_data(as_text=True)
    assert "<fieldset" in page and 'name="appartement"' in page and 'name="breukdeel"' in page
    assert "woning type A: breukdeel 87/1000 (10 appartementen)" in unescape(page)
    by_class = wizard.client.get(base + "?appartement=1")  # plain GET, no CSRF token
    assert by_class.status_code == 200
    expected = amounts_for_share(money, Fraction(65, 1000))
    text = text_of(by_class)
    assert "breukdeel 65/1000" in text  # as the deed writes it, not reduced to 13/200
    assert dutch(app, expected["one_off"]) in text
    for term, monthly in expected["monthly"].items():
        assert dutch(app, monthly) in text, term
    typed = wizard.client.get(base + "?appartement=anders&breukdeel=87+%2F+10000")
    expected = amounts_for_share(money, Fraction(87, 10000))
    assert dutch(app, expected["one_off"]) in text_of(typed)
    assert "breukdeel 87/10000" in text_of(typed)


def test_the_apartment_calculator_explains_bad_input(wizard):
    a_building(wizard)
    base = f"/d/{wizard.public_id}/plan"
    for query, message in (
        ("breukdeel=twee", "als breuk, bijvoorbeeld 87/10000"),
        ("breukdeel=3/2", "groter dan 0 en ten hoogste 1"),
        ("appartement=anders&breukdeel=", "Vul uw breukdeel in"),
        ("appartement=99", "Kies een van de breukdelen"),
    ):
        response = wizard.client.get(f"{base}?{query}")
        html = response.get_data(as_text=True)
        assert response.status_code == 200 and message in html, query
        target = "appartement-0" if query.startswith("appartement=9") else "breukdeel"
        assert 'class="error-summary"' in html and f'href="#{target}"' in html


def test_whole_euros_half_up_and_ranges(app):
    with app.test_request_context():
        assert (
            money_range({"low_cents": 123450, "typical_cents": None, "high_cents": 123549})
            == "€\u00a01.235"
        )
        assert (
            money_range({"low_cents": 120000, "typical_cents": None, "high_cents": 150049})
            == "€\u00a01.200 – €\u00a01.500"
        )
        assert money_range(None) == "onbekend"


def test_every_example_plan_shows_its_money(client):
    """The six examples cover every shape of the money part (table shares, no advice cost,
    other costs, private measures, measures without a price)."""
    import io

    from tests.conftest import EXAMPLES

    for example in EXAMPLES:
        page = client.get("/").get_data(as_text=True)
        created = client.post(
            "/importeren",
            data={
                "csrf_token": csrf_of(page),
                "profile": (io.BytesIO(example.read_bytes()), "p.json"),
            },
            content_type="multipart/form-data",
        )
        public_id = created.headers["Location"].split("/")[2]
        response = client.get(f"/d/{public_id}/plan?appartement=0")
        assert response.status_code == 200, example.name
        text = text_of(response)
        estimable = "nog niet te geven" not in text
        assert "Kosten per maatregel" in text, example.name
        assert ("Uw deel bij breukdeel" in text) == estimable, example.name
        # the fund's course follows the plan's own decisions, and says so
        if example.stem == "assen-warmtenet-blokverwarming":
            assert "collectieve ketel in 2030 is niet afgetrokken" in text
        if example.stem == "assen-zes-woningen":
            assert (
                "Vanaf juni 2027 (de maand na de ALV die erover besluit) rekent het verloop "
                "met de verhoogde reservering"
            ) in text


def test_without_the_number_of_rights_the_calculator_waits(wizard):
    wizard.submit("vve", {"association__name": "VvE Onbekend"})
    text = text_of(wizard.client.get(f"/d/{wizard.public_id}/plan?breukdeel=1/10"))
    assert "zodra het aantal appartementsrechten bekend is" in text


def test_while_most_measures_cannot_be_priced_the_calculator_says_so(wizard):
    wizard.submit("vve", {"association__name": "VvE Weinig Bekend"})
    wizard.submit("gebouw", {"building__rights__dwellings": "18"})  # every state unknown
    page = text_of(wizard.client.get(f"/d/{wizard.public_id}/plan?breukdeel=1/18"))
    assert "Een bedrag per appartement daarvoor is nog niet te geven" in page
    assert "Bereken mijn deel" not in page


def test_the_money_pages_in_english(wizard):
    a_building(wizard)
    wizard.submit("kosten", COSTS)
    wizard.client.get("/taal/en?next=/")
    step = text_of(wizard.client.get(wizard.url("kosten")))
    assert "Costs and financing" in step and "Shares (breukdelen), row 1" not in step
    assert "Interest rate in the offer (%)" in step and 'value="3.69"' in wizard.client.get(
        wizard.url("kosten")
    ).get_data(as_text=True)
    plan = text_of(wizard.client.get(f"/d/{wizard.public_id}/plan?appartement=0"))
    assert "What does this mean for my apartment?" in plan and "Your part with share" in plan
    assert "€ " in plan and "Costs per measure" in plan


def test_a_stale_save_names_the_changed_table_and_keeps_the_typed_rows(app, wizard):
    a_building(wizard)
    page = wizard.client.get(wizard.url("kosten")).get_data(as_text=True)
    old = form_values(page)
    wizard.submit("kosten", COSTS)  # someone else saves first
    old.update(
        {
            "money__cost_share_method": "table",
            "money__cost_shares-0-label": "mijn regel",
            "money__cost_shares-0-share": "1/12",
            "money__cost_shares-0-apartments": "12",
            "next": "",
        }
    )
    response = wizard.client.post(wizard.url("kosten"), data=old)
    text = text_of(response)
    assert response.status_code == 409
    assert "Nu opgeslagen houden: 2 regels: Omschrijving: woning type A" in text
    assert "Mijn invoer houden: 1 regel: Omschrijving: mijn regel" in text
    assert 'value="mijn regel"' in response.get_data(as_text=True)
