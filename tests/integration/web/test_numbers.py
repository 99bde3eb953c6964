"""Numbers longer than Python converts (4,300 digits) give the normal Dutch field error,
never a server error or Python's English message (issue 12, Low): in a profile file and
in every number field of the wizard and the plan page."""

from __future__ import annotations

import io

import pytest

from tests.integration.web.conftest import csrf_of
from tests.integration.web.test_money_web import COSTS, a_building
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


@pytest.mark.parametrize("slug, name", NUMBER_FIELDS)
def test_every_number_field_answers_a_huge_number_in_dutch(wizard, slug, name):
    wizard.submit("vve", {"association__name": "VvE Groot"})
    response = wizard.submit(slug, {name: "9" * 5000})
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
