"""A building from before 1946 has no RVO reference dwelling of its own period; the plan
used the 1965–1974 portiek dwelling's glass (44.3 % of its facade). RVO gives stacked
dwellings before 1946 a window share of 29.3 % (COSTS.md §2, read via code): the plan takes
that share of the reference dwelling's gross facade as the glass, says how, and that it is
extra uncertain (the advisor's review, S5). The share is in costs.toml
(quantities.window_share)."""

from decimal import Decimal
from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import AS_OF, make_profile
from tests.example_plans import example_plan
from vve.knowledge import load_knowledge
from vve.labels import QUANTITY_ORIGIN
from vve.rules.money.quantities import building_quantities
from vve.rules.serialize_used import money_source_ids

TYPES = [None, "porch_flat", "gallery_flat", "apartment_block", "converted_house", "mixed"]


@cache
def _money():
    return load_knowledge().money


def _plan(stem: str) -> dict:
    return example_plan(stem, AS_OF)


def test_the_share_is_rvos_with_its_source_and_certainty():
    share = _money().window_share
    assert share.share == Decimal("0.293")
    assert share.door_share == Decimal("0.161")  # the same row of the same source
    assert share.until == 1945
    assert share.provenance.certainty == "onzeker"
    assert share.provenance.source == ("rvo-voorbeeldwoningen-aandeel",)
    assert "rvo-voorbeeldwoningen-aandeel" in load_knowledge().sources


@given(st.integers(1850, 2025), st.sampled_from(TYPES), st.integers(2, 40))
def test_glass_before_1946_is_the_share_of_the_reference_facade(year, kind, dwellings):
    profile = make_profile(
        building={
            "construction_year": year,
            "building_type": kind,
            "rights": {"dwellings": dwellings},
        }
    )
    quantities = building_quantities(profile, _money())
    windows = quantities.get("windows")
    ref = quantities.reference
    if year <= _money().window_share.until:
        assert windows.origin == "reference_window_share"
        assert windows.value == ref.facade_gross * _money().window_share.share * dwellings
    else:
        assert windows.origin != "reference_window_share"
        assert windows.value == ref.windows * dwellings


@given(st.integers(1850, 2025), st.sampled_from(TYPES), st.integers(2, 40))
def test_before_1946_glass_doors_and_closed_facade_make_up_the_gross_facade(year, kind, dwellings):
    """The closed facade follows from the same shares (RVO's door share beside the window
    share): windows + doors + closed facade = the reference dwelling's gross facade. Later
    buildings keep the reference dwelling's own closed facade."""
    profile = make_profile(
        building={
            "construction_year": year,
            "building_type": kind,
            "rights": {"dwellings": dwellings},
        }
    )
    quantities = building_quantities(profile, _money())
    share, ref = _money().window_share, quantities.reference
    closed = quantities.get("closed_facade")
    if year <= share.until:
        doors = ref.facade_gross * share.door_share * dwellings
        gross = ref.facade_gross * dwellings
        assert quantities.get("windows").value + doors + closed.value == gross
        assert closed.origin == "reference_window_share"
    else:
        assert closed.value == ref.closed_facade * dwellings
        assert closed.origin != "reference_window_share"


def test_an_entered_facade_area_is_kept_before_1946():
    profile = make_profile(
        building={"construction_year": 1928, "rights": {"dwellings": 12}, "facade_area": 300}
    )
    closed = building_quantities(profile, _money()).get("closed_facade")
    assert (closed.value, closed.origin) == (Decimal(300), "entered")


def test_an_entered_glass_area_is_kept():
    profile = make_profile(
        building={"construction_year": 1928, "rights": {"dwellings": 12}, "window_area": 100}
    )
    windows = building_quantities(profile, _money()).get("windows")
    assert (windows.value, windows.origin) == (Decimal(100), "entered")


def test_the_1936_plan_says_how_its_glass_is_estimated_and_cites_the_share():
    plan = _plan("assen-zes-woningen")
    notes = " ".join(plan["money"]["notes"]).replace("\N{NO-BREAK SPACE}", " ")
    assert "29,3 % van de bruto gevel van die woning (38,73 m²)" in notes
    assert "vóór 1946" in notes
    assert "extra onzeker" in notes
    glass = next(q for q in plan["money"]["quantities"]["items"] if q["kind"] == "windows")
    assert glass["origin"] == "reference_window_share"
    assert glass["value"] == str(Decimal("38.73") * Decimal("0.293") * 6)
    closed = next(q for q in plan["money"]["quantities"]["items"] if q["kind"] == "closed_facade")
    assert closed["origin"] == "reference_window_share"
    assert (
        Decimal(closed["value"]) == Decimal("38.73") * (1 - Decimal("0.293") - Decimal("0.161")) * 6
    )


def test_the_1936_plan_states_the_derivation_of_the_facade_once():
    plan = _plan("assen-zes-woningen")
    notes = " ".join(plan["money"]["notes"]).replace("\N{NO-BREAK SPACE}", " ")
    assert notes.count("16,1 %") == 1
    assert notes.count("54,6 %") == 1
    assert notes.count("vóór 1946") == 1
    assert "rvo-voorbeeldwoningen-aandeel" in set(money_source_ids(plan["money"]))


def test_a_later_building_says_nothing_of_the_share():
    plan = _plan("emmen-galerijflat")
    notes = " ".join(plan["money"]["notes"])
    assert "vóór 1946" not in notes
    assert "rvo-voorbeeldwoningen-aandeel" not in set(money_source_ids(plan["money"]))


def test_the_plan_words_the_origin():
    assert "extra onzeker" in QUANTITY_ORIGIN["reference_window_share"]
