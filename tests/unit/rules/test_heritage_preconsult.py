"""A building with heritage status whose plan changes its outside: the board consults
the municipality while the energy advice is made, so that the advice and the quotes rest
on a solution that can get the permit (risks.toml heritage: "overleg vroeg met de
gemeente"; advisor's review of Meppel, M5: the permit came only after the votes)."""

import datetime as dt
import json

from tests.conftest import ROOT
from tests.example_plans import example_plan, plan_action_stage
from vve.profile import parse_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

AS_OF = dt.date(2026, 11, 28)
STEP = "heritage_preconsult"


def test_meppel_consults_the_municipality_before_the_quotes():
    plan = example_plan("meppel-beschermd-stadsgezicht", AS_OF)
    stage, step = plan_action_stage(plan, STEP)
    assert stage == "inventory"
    _, advice = plan_action_stage(plan, "energy_advice")
    assert step["start"] <= advice["end"]
    _, quotes = plan_action_stage(plan, "quotes")
    _, permit = plan_action_stage(plan, "heritage_permit")
    assert step["end"] <= quotes["start"] <= permit["start"]


def test_no_consultation_without_heritage_status():
    data = json.loads((ROOT / "examples" / "meppel-beschermd-stadsgezicht.json").read_text())
    data["building"]["heritage"] = "none"
    plan = plan_to_dict(build_plan(parse_profile(data), AS_OF))
    assert plan_action_stage(plan, STEP) is None
    assert plan_action_stage(example_plan("emmen-galerijflat", AS_OF), STEP) is None


def test_the_heritage_risk_points_to_the_consultation_and_then_the_permit():
    """The risk says "overleg vroeg met de gemeente" and named only the permit step, in a
    later phase (advisor's second review): it names the consultation's phase first."""
    plan = example_plan("meppel-beschermd-stadsgezicht", AS_OF)
    risk = next(r for r in plan["risks"] if r["id"] == "heritage")
    inventory = next(s for s in plan["stages"] if s["id"] == "inventory")
    consult = risk["text"].index(f"fase '{inventory['title']}'")
    assert "vooroverleg" in risk["text"][:consult].lower()
    assert consult < risk["text"].index("omgevingsvergunning aan te vragen")
