"""The second owners' evening presents "de geschatte kosten per appartement uit het
energieadvies": the estimate is made before that evening, not in the six weeks after it
(advisor's review of Emmen and Meppel, S8: evening January 2028, estimate January to
March)."""

import datetime as dt

import pytest

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan, plan_action

AS_OF = dt.date(2026, 11, 28)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_estimate_is_ready_for_the_evening_that_presents_it(path):
    plan = example_plan(path.stem, AS_OF)
    evening, estimate = plan_action(plan, "info_evening"), plan_action(plan, "cost_per_owner")
    if evening is None or estimate is None:
        pytest.skip("no second evening (a small VvE talks with each owner)")
    assert estimate["end"] <= evening["start"], (estimate, evening)
