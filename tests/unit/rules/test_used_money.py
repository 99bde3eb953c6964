"""The plan's sources, assumptions and oldest price level list only the inputs a figure
uses: a plan without amounts for the measures cites no reference dwelling, no gas use
and no loan rate."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from vve.rules.serialize_used import REFERENCE_ORIGINS, money_source_ids, used_money

PLANS = {path.stem: example_plan(path.stem, AS_OF) for path in EXAMPLES}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_inputs_no_amount_uses_are_left_out(name):
    money = PLANS[name]["money"]
    used = used_money(money)
    priced = [line for line in money["measures"] if line["investment"] is not None]
    if not priced:
        assert used["quantities"]["reference_dwelling"]["provenance"] is None
        assert used["quantities"]["items"] == []
    if not any(line["saving"]["euros"] or line["saving"]["m3"] for line in money["measures"]):
        assert used["gas_use"]["provenance"] is None
        assert used["gas_price"]["provenance"] is None
    if money["loan"]["below_minimum"]:
        assert used["loan"]["rates"] == [] and used["loan"]["history"] == []
    else:
        assert used["loan"] == money["loan"]


def test_the_plan_without_amounts_cites_no_reference_dwelling_or_loan_rate():
    plan = PLANS["tynaarlo-weinig-bekend"]
    cited = {s["id"] for s in plan["sources"]}
    assert "rvo-voorbeeldwoningen" not in cited
    assert "energiebespaarlening-rente-2020" not in cited
    assert "cbs-energierekening" not in cited


@settings(max_examples=25, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=20)))
def test_the_reference_dwelling_is_cited_only_while_a_priced_measure_uses_it(unpriced):
    """Take the amounts away from any measures of Emmen's plan: the reference dwelling
    stays cited exactly while a measure with an amount rests on its areas."""
    money = PLANS["emmen-galerijflat"]["money"]
    measures = [
        {**line, "investment": None} if index in unpriced else line
        for index, line in enumerate(money["measures"])
    ]
    changed = {**money, "measures": measures}
    uses = any(
        line["quantity"] and line["quantity"]["origin"] in REFERENCE_ORIGINS
        for line in measures
        if line["investment"] is not None
    )
    assert ("rvo-voorbeeldwoningen" in set(money_source_ids(changed))) == uses
