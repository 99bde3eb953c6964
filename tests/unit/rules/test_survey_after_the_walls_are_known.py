"""Where every measure that calls for the ecological survey still rests on an unknown
answer (a cavity or roof whose insulation nobody knows), the survey waits for that answer:
Tynaarlo's ecologist started in March 2027 while the advisor checked the cavity in March
and April, and a 1983 cavity is often filled already (advisor's review of Tynaarlo, S7)."""

import datetime as dt

from tests.example_plans import example_plan, plan_action

AS_OF = dt.date(2026, 11, 28)
WAITS = "Zodra vaststaat dat"


def test_tynaarlo_surveys_only_once_the_insulation_is_known_to_be_needed():
    survey = plan_action(example_plan("tynaarlo-weinig-bekend", AS_OF), "ecological_survey")
    assert survey is not None and survey["what"].startswith(WAITS)
    assert "vleermuizen" in survey["what"]


def test_a_plan_with_a_known_need_surveys_as_planned():
    for stem in ("emmen-galerijflat", "meppel-beschermd-stadsgezicht"):
        survey = plan_action(example_plan(stem, AS_OF), "ecological_survey")
        assert survey is not None and not survey["what"].startswith(WAITS), stem


def test_tynaarlos_survey_starts_once_the_advisor_has_looked():
    """Worded to wait, it was still dated from 15 March 2027, the day the advisor began
    looking at cavity, roof and facade (re-review of Tynaarlo, MUST)."""
    plan = example_plan("tynaarlo-weinig-bekend", AS_OF)
    survey = plan_action(plan, "ecological_survey")
    looks = [
        plan_action(plan, f"find_out:building.{field}")
        for field in ("cavity_wall", "roof_insulation", "facade_insulation")
    ]
    assert all(looks)
    assert survey["start"] >= max(a["end"] for a in looks)
