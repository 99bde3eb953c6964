"""Numbers longer than Python converts (4,300 digits) give the normal Dutch field error,
never a server error or Python's English message (issue 12, Low): in a profile file and
in every number field of the wizard and the plan page."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.integration.web.conftest import csrf_of
from tests.integration.web.fuzzing import FUZZ
from tests.integration.web.test_money_web import COSTS, a_building, stored
from vve.wizard.steps import STEPS

HUGE = "9" * 200_000
NUMBER_KINDS = ("int", "year", "percent", "euro")


def test_a_200000_digit_number_in_a_profile_file_is_a_dutch_field_error(client):
    page = client.get("/").get_data(as_text=True)
    body = '{"association": {"name": "VvE Groot"}, "building": {"construction_year": HUGE_NUMBER}}'
    body = body.replace("HUGE_NUMBER", HUGE)
    response = client.post(
        "/importeren",
        data={"csrf_token": csrf_of(page), "profile": (io.BytesIO(body.encode()), "p.json")},
        content_type="multipart/form-data",
    )
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "building.construction_year: Dit getal heeft meer dan 30 cijfers." in text


NUMBER_FIELDS = [
    (step.slug, name)
    for step in STEPS
    for name in [q.name for q in step.questions if q.kind in NUMBER_KINDS]
    + [
        f"{t.name}-0-{c.key}"
        for t in step.tables
        if not t.keys
        for c in t.columns
        if c.kind in NUMBER_KINDS
    ]
]


# a question asked only after another answer (vve/profile/conditions.py): that answer too
ASKED_AFTER = {
    "money__maintenance_plan_year": {"money__maintenance_plan": "mjop"},
    "money__cost_shares-0-apartments": {"money__cost_share_method": "table"},
}


@pytest.mark.parametrize("slug, name", NUMBER_FIELDS)
def test_every_number_field_answers_a_huge_number_in_dutch(wizard, slug, name):
    wizard.submit("vve", {"association__name": "VvE Groot"})
    response = wizard.submit(slug, {name: "9" * 5000, **ASKED_AFTER.get(name, {})})
    text = response.get_data(as_text=True)
    assert response.status_code == 400, (slug, name)
    assert "Dit getal is te groot." in text or "Dit bedrag is te groot." in text
    assert "Exceeds the limit" not in text and "integer string conversion" not in text


def test_the_plan_page_shrugs_off_huge_numbers(wizard):
    a_building(wizard)
    wizard.submit("kosten", COSTS)  # so the page has apartment classes to choose from
    assert "Uw deel" in wizard.client.get(f"/d/{wizard.public_id}/plan?appartement=0").get_data(
        as_text=True
    )
    for query in (
        f"appartement={'9' * 5000}",
        f"present={HUGE[:5000]}",
        f"breukdeel={HUGE[:5000]}/1",
    ):
        response = wizard.client.get(f"/d/{wizard.public_id}/plan?{query}")
        assert response.status_code == 200, query


# --- issue 14: one parser, one error per field, Dutch grouping in messages -------------


def _summary_links(html: str) -> list[str]:
    start = html.index('class="error-summary"')
    return re.findall(r'<a href="#([^"]+)"', html[start : html.index("</ul>", start)])


def test_five_bad_numbers_give_five_errors_not_ten(wizard):
    wizard.submit("vve", {"association__name": "VvE Emmen"})
    typed = {
        "building__construction_year": "1975a",
        "building__rights__dwellings": "36x",
        "building__storeys": "vier",
        "building__roof_area": "1,5",
        "building__volume": "1.5",
    }
    response = wizard.submit("gebouw", typed)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert sorted(_summary_links(html)) == sorted(typed)
    assert "tot en met" not in html  # a number that cannot be read has no range to miss
    assert "Vul een jaartal in, bijvoorbeeld 1975." in html
    assert "Vul een geheel getal in, bijvoorbeeld 36 of 1.000." in html


def test_range_messages_group_thousands_the_dutch_way_but_not_years(wizard):
    wizard.submit("vve", {"association__name": "VvE Emmen"})
    response = wizard.submit(
        "gebouw", {"building__rights__dwellings": "200000", "building__construction_year": "1400"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Vul een getal van 0 tot en met 100.000 in." in html
    assert "Vul een jaartal van 1500 tot en met 2100 in." in html
    assert len(_summary_links(html)) == 2


@pytest.mark.parametrize(
    "slug, name, typed, path, number",
    [
        (
            "gebouw",
            "building__rights__dwellings",
            "1 000",
            ("building", "rights", "dwellings"),
            1000,
        ),
        (
            "gebouw",
            "building__rights__dwellings",
            "1.000",
            ("building", "rights", "dwellings"),
            1000,
        ),
        ("gebouw", "building__volume", "12\u00a0500", ("building", "volume"), 12500),
        ("stemmen", "owners__past_turnout_percent", "60%", ("owners", "past_turnout_percent"), 60),
        ("stemmen", "owners__past_turnout_percent", "60 %", ("owners", "past_turnout_percent"), 60),
        (
            "onderhoud",
            "money__reserve_fund_balance",
            "€ 36.000",
            ("money", "reserve_fund_balance"),
            36000,
        ),
        (
            "onderhoud",
            "money__reserve_fund_balance",
            "36 000",
            ("money", "reserve_fund_balance"),
            36000,
        ),
        (
            "onderhoud",
            "money__reserve_fund_balance",
            "€ 36.000,-",
            ("money", "reserve_fund_balance"),
            36000,
        ),
        (
            "onderhoud",
            "money__maintenance_plan_year",
            "2 024",
            ("money", "maintenance_plan_year"),
            2024,
        ),
    ],
)
def test_what_a_dutch_board_types_is_saved(app, wizard, slug, name, typed, path, number):
    wizard.submit("vve", {"association__name": "VvE Emmen"})
    response = wizard.submit(slug, {name: typed, **ASKED_AFTER.get(name, {})})
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]
    value = stored(app, wizard.public_id).profile
    for key in path:
        value = value[key]
    assert value == number


@pytest.mark.parametrize(
    "slug, name, typed, message",
    [
        (
            "gebouw",
            "building__rights__dwellings",
            "1,5",
            "Vul een geheel getal in, bijvoorbeeld 36 of 1.000.",
        ),
        (
            "gebouw",
            "building__rights__dwellings",
            "1.5",
            "Vul een geheel getal in, bijvoorbeeld 36 of 1.000.",
        ),
        (
            "stemmen",
            "owners__past_turnout_percent",
            "60,5%",
            "Vul een percentage in als geheel getal, bijvoorbeeld 60 of 60%.",
        ),
        (
            "onderhoud",
            "money__reserve_fund_balance",
            "36.000,50",
            "Vul een bedrag in hele euro's in, bijvoorbeeld 125.000 of € 125.000.",
        ),
    ],
)
def test_the_ambiguous_is_refused_once_and_kept(wizard, slug, name, typed, message):
    wizard.submit("vve", {"association__name": "VvE Emmen"})
    response = wizard.submit(slug, {name: typed})
    html = unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert message in html and f'value="{typed}"' in html
    assert _summary_links(response.get_data(as_text=True)) == [name]


def test_the_votes_table_and_the_calculator_read_spaces_too(app, wizard):
    wizard.submit("vve", {"association__name": "VvE Emmen"})
    response = wizard.submit(
        "stemmen", {"owners-0-kind": "owner_occupiers", "owners-0-rights": "1 000"}
    )
    assert response.status_code == 302, unescape(response.get_data(as_text=True))[-3000:]
    assert stored(app, wizard.public_id).profile["owners"]["groups"][0]["rights"] == 1000


TYPED = st.one_of(
    st.text(max_size=12),
    st.text(alphabet="0123456789 .,-€%a\u00a0", max_size=12),
)


@FUZZ
@given(data=st.data())
def test_any_text_in_the_building_numbers_gives_at_most_one_error_per_field(wizard, data):
    wizard.submit("vve", {"association__name": "VvE Emmen"})
    names = [q.name for q in STEPS[1].questions if q.kind in NUMBER_KINDS]
    typed = {name: data.draw(TYPED, label=name) for name in names}
    response = wizard.submit("gebouw", typed)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        links = _summary_links(response.get_data(as_text=True))
        assert len(links) == len(set(links))


def test_the_home_page_says_how_to_leave_a_number_unknown(app, client, wizard):
    """The page promised a 'Weet ik niet' choice that number fields do not have: it says
    what is true, and an emptied number is saved as unknown."""
    home = unescape(client.get("/").get_data(as_text=True))
    assert "Kies 'Weet ik niet' bij een keuzevraag en laat een getal leeg." in home
    wizard.submit("vve", {"association__name": "VvE Emmen"})
    assert wizard.submit("gebouw", {"building__storeys": "4"}).status_code == 302
    assert wizard.submit("gebouw", {"building__storeys": " "}).status_code == 302
    assert stored(app, wizard.public_id).profile["building"]["storeys"] is None


def test_the_vote_calculator_reads_grouped_counts_and_groups_its_own(wizard):
    wizard.submit("vve", {"association__name": "VvE Groot"})
    wizard.submit("gebouw", {"building__rights__dwellings": "1 048"})
    wizard.submit(
        "stemmen",
        {
            "voting__model_reglement": "1992",
            "defaults_for": "1992",
            "ordinary-quorum": "1/2",
            "ordinary-majority": "1/2",
            "ordinary-comparison": "more_than",
            "qualified-quorum": "2/3",
            "qualified-majority": "2/3",
            "qualified-comparison": "at_least",
        },
    )
    plan = f"/d/{wizard.public_id}/plan"
    too_many = wizard.client.get(plan, query_string={"present": "1 100"})
    assert "Er zijn maar 1.048 stemmen in de VvE." in too_many.get_data(as_text=True)
    counted = wizard.client.get(
        plan, query_string={"present": "1 000", "yes": "1.000", "no": "0", "blank": "0"}
    )
    text = counted.get_data(as_text=True)
    assert "Aangenomen" in text and "error-summary" not in text


def test_a_boiler_year_in_the_future_is_refused_in_dutch(wizard, monkeypatch):
    import datetime as dt

    from vve.services import clock

    monkeypatch.setattr(clock, "today", lambda: dt.date(2027, 3, 1))
    wizard.submit("vve", {"association__name": "VvE Ketels"})
    response = wizard.submit("installaties", {"installations__boilers_installed_year": "2031"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Dit jaar ligt nog in de toekomst (het is nu 2027)" in page
    assert 'value="2031"' in page
    response = wizard.submit("installaties", {"installations__boilers_installed_year": "2027"})
    assert response.status_code in (302, 303)
