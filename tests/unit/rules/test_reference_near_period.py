"""A construction year just outside the reference dwelling's period (Emmen's 1974 gallery
flat, the RVO gallery dwelling of 1975–1991) is said to be "net buiten de bouwperiode",
not "uit een andere bouwperiode" as for a pre-war building (the advisor's review, C10).
How many years is "just" is our own editorial choice, in costs.toml (quantities.near_period)."""

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import AS_OF, make_profile
from tests.example_plans import example_plan
from vve.knowledge import load_knowledge
from vve.labels import QUANTITY_ORIGIN
from vve.rules.money.quantities import building_quantities

TYPES = [None, "porch_flat", "gallery_flat", "apartment_block", "converted_house", "mixed"]


@cache
def _money():
    return load_knowledge().money


def _plan(stem: str) -> dict:
    return example_plan(stem, AS_OF)


def _notes(plan: dict) -> str:
    return " ".join(plan["money"]["notes"]).replace("\N{NO-BREAK SPACE}", " ")


def _facade(plan: dict) -> dict:
    return next(q for q in plan["money"]["quantities"]["items"] if q["kind"] == "closed_facade")


def _gap(year: int, years: tuple[int, int]) -> int:
    return max(years[0] - year, year - years[1], 0)


def test_the_threshold_is_our_own_choice_in_the_knowledge():
    near = _money().near_period
    assert near.years >= 1
    assert near.provenance.source == ("project-default",)
    assert near.provenance.certainty == "onzeker"
    assert "geen bron" in near.provenance.basis


@given(st.integers(1850, 2025), st.sampled_from(TYPES), st.integers(2, 40))
def test_a_year_just_outside_the_period_is_said_to_be_near(year, kind, dwellings):
    profile = make_profile(
        building={
            "construction_year": year,
            "building_type": kind,
            "rights": {"dwellings": dwellings},
        }
    )
    quantities = building_quantities(profile, _money())
    gap = _gap(year, quantities.reference.years)
    origin = quantities.get("closed_facade").origin
    assert quantities.reference_years_off == gap
    if year <= _money().window_share.until:  # the facade from RVO's shares (test_window_share)
        assert origin == "reference_window_share"
        assert quantities.floor_area.origin == "reference_other_period"
    elif gap == 0:
        assert origin in ("reference", "reference_other_type")
    elif gap <= _money().near_period.years:
        assert origin == "reference_near_period"
    else:
        assert origin == "reference_other_period"


def test_emmen_1974_is_just_outside_the_gallery_dwellings_period():
    plan = _plan("emmen-galerijflat")
    notes = _notes(plan)
    assert "het gebouw van 1974: net buiten die bouwperiode" in notes
    assert "een andere bouwperiode" not in notes
    assert "extra onzeker" in notes
    assert _facade(plan)["origin"] == "reference_near_period"
    assert plan["money"]["quantities"]["reference_dwelling"]["years_off"] == 1


def test_the_1936_example_keeps_another_period():
    plan = _plan("assen-zes-woningen")
    assert "net buiten" not in _notes(plan)
    assert "geen RVO-referentiewoning uit die bouwperiode" in _notes(plan)
    # before 1946 the facade follows RVO's window and door shares (test_window_share)
    assert _facade(plan)["origin"] == "reference_window_share"


def test_the_plan_words_each_origin():
    assert "net buiten" in QUANTITY_ORIGIN["reference_near_period"]
    assert "andere bouwperiode" in QUANTITY_ORIGIN["reference_other_period"]
