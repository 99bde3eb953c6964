"""The owners hear the costs per apartment in phase 'Draagvlak en uitwerking', before the
contractors' quotes of the next phase: those figures are estimates from the energy advice,
and the notice of the deciding ALV carries the costs the quotes give (advisor's review of
Assen and Tynaarlo, M4: the evening on 'de kosten per appartement' came before the
quotes were asked)."""

import pytest

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan, plan_action


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_costs_shared_before_the_quotes_are_estimates(path):
    plan = example_plan(path.stem, AS_OF)
    quotes = plan_action(plan, "quotes")
    assert quotes is not None
    for action_id in ("info_evening", "cost_per_owner"):
        action = plan_action(plan, action_id)
        if action is None or action["start"] >= quotes["start"]:
            continue
        assert "schat" in action["what"], action["what"]
        assert "uit het energieadvies" in action["what"], action["what"]
    notice = plan_action(plan, "send_notice")
    assert notice is not None and notice["start"] > quotes["start"]
    assert "kosten per appartement uit de offertes" in notice["what"]
    support = next(s for s in plan["stages"] if s["id"] == "plan_support")
    assert "geschatte kosten per appartement" in support["goal"]
