"""How to find out an unknown answer (rules/unknowns.py): the hint uses what the profile
already knows, such as the year of the VvE's MJOP."""

import pytest

from tests.conftest import AS_OF
from tests.example_plans import built_example


def hints(name):
    plan = built_example(name, AS_OF)
    return [a.what for a in plan.find_out if a.id.startswith("find_out:money.planned")]


@pytest.mark.parametrize(
    ("name", "year"), [("emmen-galerijflat", 2023), ("assen-warmtenet-blokverwarming", 2022)]
)
def test_a_known_mjop_is_named_with_its_year(name, year):
    found = hints(name)
    assert found
    for what in found:
        assert what.startswith(f"Zoek in het MJOP van {year} ")
        assert "als de VvE er een heeft" not in what


def test_without_a_known_mjop_the_hint_stays_general():
    found = hints("tynaarlo-weinig-bekend")
    assert found and all("als de VvE er een heeft" in what for what in found)
