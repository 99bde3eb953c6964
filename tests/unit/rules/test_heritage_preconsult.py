"""A building with heritage status whose plan changes its outside: the board consults
the municipality while the energy advice is made, so that the advice and the quotes rest
on a solution that can get the permit (risks.toml heritage: "overleg vroeg met de
gemeente"; advisor's review of Meppel, M5: the permit came only after the votes)."""

import datetime as dt
import json

from tests.conftest import ROOT
from tests.example_plans import example_plan
from vve.profile import parse_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

AS_OF = dt.date(2026, 11, 28)
STEP = "heritage_preconsult"


def _where(plan: dict, aid: str) -> tuple[str, dict] | None:
    return next(
        ((s["id"], a) for s in plan["stages"] for a in s["actions"] if a["id"] == aid), None
    )


def test_meppel_consults_the_municipality_before_the_quotes():
    plan = example_plan("meppel-beschermd-stadsgezicht", AS_OF)
    stage, step = _where(plan, STEP)
    assert stage == "inventory"
    _, advice = _where(plan, "energy_advice")
    assert step["start"] <= advice["end"]
    _, quotes = _where(plan, "quotes")
    _, permit = _where(plan, "heritage_permit")
    assert step["end"] <= quotes["start"] <= permit["start"]


def test_no_consultation_without_heritage_status():
    data = json.loads((ROOT / "examples" / "meppel-beschermd-stadsgezicht.json").read_text())
    data["building"]["heritage"] = "none"
    plan = plan_to_dict(build_plan(parse_profile(data), AS_OF))
    assert _where(plan, STEP) is None
    assert _where(example_plan("emmen-galerijflat", AS_OF), STEP) is None
