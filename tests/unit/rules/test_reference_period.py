"""The RVO reference dwelling follows the building's construction year: a dwelling of the
building's period where the knowledge has one; where it has none (a pre-war building), the
plan says so and marks the surfaces as from another period, never silently a later one."""

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import AS_OF, ROOT, make_profile
from tests.example_plans import example_plan
from vve.knowledge import load_knowledge
from vve.rules.money.quantities import building_quantities, reference_for

TYPES = [None, "porch_flat", "gallery_flat", "apartment_block", "converted_house", "mixed"]


@cache
def _money():
    return load_knowledge().money


def _within(year: int, years: tuple[int, int]) -> bool:
    return years[0] <= year <= years[1]


@given(st.integers(1850, 2025), st.sampled_from(TYPES))
def test_the_reference_is_of_the_buildings_period_where_one_is(year, kind):
    money = _money()
    profile = make_profile(building={"construction_year": year, "building_type": kind})
    ref, matches_type, matches_period = reference_for(profile, money)
    of_period = [r for r in money.references.values() if _within(year, r.years)]
    assert matches_period == _within(year, ref.years)
    assert matches_type == (kind in ref.building_types)
    typed = [r for r in money.references.values() if kind in r.building_types]
    exact = [r for r in of_period if r in typed]
    if exact:
        assert ref in exact
    elif typed:  # a dwelling of this type, of the period nearest to the year
        assert ref in typed
        assert _gap(year, ref.years) == min(_gap(year, r.years) for r in typed) > 0
    elif of_period:  # no dwelling of this type: the period decides
        assert ref in of_period
    else:  # none of this period: the nearest, not an arbitrary later one
        assert _gap(year, ref.years) == min(_gap(year, r.years) for r in money.references.values())
    if not of_period:
        assert matches_period is False


def _gap(year: int, years: tuple[int, int]) -> int:
    return max(years[0] - year, year - years[1], 0)


@given(st.integers(1850, 1964), st.sampled_from(TYPES), st.integers(2, 40))
def test_an_older_building_says_its_surfaces_are_from_another_period(year, kind, dwellings):
    profile = make_profile(
        building={
            "construction_year": year,
            "building_type": kind,
            "rights": {"dwellings": dwellings},
        }
    )
    quantities = building_quantities(profile, _money())
    assert quantities.reference_matches_period is False
    # just outside the period (1963, 1964): test_reference_near_period.py; before 1946
    # the facade follows RVO's window and door shares (test_window_share.py)
    assert quantities.get("closed_facade").origin in (
        ("reference_window_share",)
        if year <= _money().window_share.until
        else ("reference_other_period", "reference_near_period")
    )


def test_the_1936_example_says_there_is_no_reference_of_its_period():
    plan = example_plan("assen-zes-woningen", AS_OF)
    notes = " ".join(plan["money"]["notes"]).replace("\N{NO-BREAK SPACE}", " ")
    assert "gebouw uit 1936" in notes
    assert "extra onzeker" in notes
    assert "geen RVO-referentiewoning uit die bouwperiode" in notes
    facade = next(q for q in plan["money"]["quantities"]["items"] if q["kind"] == "closed_facade")
    assert facade["origin"] == "reference_window_share"  # before 1946: test_window_share.py


def test_the_middle_dwelling_direction_is_said_only_of_a_matching_reference():
    """ "eerder te laag dan te hoog" holds for a middle dwelling of the building's own type
    and period; another type or period can err either way (a 1936 building's glass share
    is smaller than a 1970 dwelling's), so the plan says no direction then."""
    for path in sorted((ROOT / "examples").glob("*.json")):
        plan = example_plan(path.stem, AS_OF)
        notes = " ".join(plan["money"]["notes"]).replace("\N{NO-BREAK SPACE}", " ")
        if "RVO-referentiewoning" not in notes:
            continue
        q = plan["money"]["quantities"]["reference_dwelling"]
        matches = q.get("matches_period") is not False and "een ander gebouwtype" not in notes
        assert ("eerder te laag dan te hoog" in notes) == matches, path.stem
