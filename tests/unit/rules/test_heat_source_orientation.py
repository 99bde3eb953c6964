"""Where the heat source is still open, the cover gives an order of magnitude for it from
the prices in costs.toml (advisor's review of Emmen, M2: "€ 13 tot € 14 per maand" stood
beside a heat source called "straks waarschijnlijk de grootste post" with no amount, and
owners anchor on the one figure they read)."""

import datetime as dt

from tests.example_plans import example_plan
from vve.knowledge import load_knowledge
from vve.rules.explain import nl_euro_range
from vve.rules.money.amounts import cents

AS_OF = dt.date(2026, 11, 28)
K = load_knowledge()


def _heat_source():
    return next(i for i in K.money.not_included if i.id == "heat_source")


def test_the_cover_gives_each_heat_pumps_price_per_dwelling():
    cover = " ".join(example_plan("emmen-galerijflat", AS_OF)["money"]["summary"])
    item = _heat_source()
    assert item.orientation and item.orientation_prices
    for label in set(item.orientation_prices.values()):
        prices = [
            K.money.prices[pid].price
            for pid, named in item.orientation_prices.items()
            if named == label
        ]
        low, high = min(cents(p.low) for p in prices), max(cents(p.high) for p in prices)
        assert f"{label} {nl_euro_range(low, high)}" in cover, (label, cover)
    assert "€\u00a06.000 tot €\u00a016.000" in cover  # one's own heat pump, hybrid or all-electric
    assert item.short not in cover  # the orientation stands in its place


def test_no_orientation_where_the_heat_source_is_decided():
    plan = example_plan("assen-warmtenet-blokverwarming", AS_OF)
    assert "heat_source" not in [i["id"] for i in plan["money"]["not_included"]]
    assert _heat_source().orientation.split("{")[0] not in " ".join(plan["money"]["summary"])


def test_the_prices_it_names_are_among_the_plans_sources():
    plan = example_plan("emmen-galerijflat", AS_OF)
    cited = {s["id"] for s in plan["sources"]}
    for price_id in _heat_source().orientation_prices:
        assert set(K.money.prices[price_id].provenance.source) <= cited, price_id


def test_a_plan_without_amounts_yet_still_gives_the_order_of_magnitude():
    """Meppel: no amount per apartment yet; the heat source's order of magnitude stands on
    the cover all the same, and its prices are cited."""
    plan = example_plan("meppel-beschermd-stadsgezicht", AS_OF)
    assert not plan["money"]["estimable"]
    cover = " ".join(plan["money"]["summary"])
    assert "Daar komt nog bij: de nieuwe warmtebron (straks waarschijnlijk" in cover
