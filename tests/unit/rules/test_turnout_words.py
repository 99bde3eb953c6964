"""The words for the turnout the plan expects follow its basis (advisor's review,
2026-11-27): while no meeting is recorded the number is the board's own estimate and the
plan says so, never "de gebruikelijke opkomst" as if it were fact; once a meeting's
attendance is recorded, the texts name that meeting."""

import datetime as dt
import json

import pytest

from tests.unit.rules.test_progress import START, _raw, plan_of, record
from tests.unit.rules.test_recorded_turnout import NAME, _first_meeting_at
from vve.rules.explain import nl_date
from vve.rules.outcomes import next_meeting

ASSEN = "assen-warmtenet-blokverwarming"  # 24 votes; later ALVs that need proxies
ESTIMATED = "de opkomst die het bestuur schat"


def _risk(plan: dict, rid: str) -> str:
    return next(r["text"] for r in plan["risks"] if r["id"] == rid)


def _actions(plan: dict) -> dict[str, str]:
    return {a["id"]: a["what"] for s in plan["stages"] for a in s["actions"]}


@pytest.fixture(scope="module")
def estimated() -> dict:
    raw = _raw(NAME)
    raw["owners"]["past_turnout_percent"] = 30  # 12 of 40 votes
    return plan_of(raw, START)


@pytest.fixture(scope="module")
def recorded() -> dict:
    return _first_meeting_at(16)[1]


def test_no_text_calls_an_expected_turnout_usual(estimated, recorded):
    for plan in (estimated, recorded):
        assert "gebruikelijke opkomst" not in json.dumps(plan, ensure_ascii=False)


def test_the_quorum_risk_names_the_estimate_as_the_boards(estimated):
    assert _risk(estimated, "low_turnout").startswith(
        "Volgens de schatting van het bestuur was op recente vergaderingen 30% van de "
        "stemmen aanwezig"
    )
    svve = _risk(estimated, "svve_measures_not_reached")
    # a point of a list: the short form
    assert "bij de schatting van het bestuur (12 stemmen) geen quorum" in svve


def test_the_quorum_risk_names_the_recorded_meeting(recorded):
    svve = _risk(recorded, "svve_measures_not_reached")
    assert "bij de opkomst van 5\u00a0april\u00a02027 (16 stemmen) geen quorum" in svve
    said = json.dumps(recorded, ensure_ascii=False)
    assert ESTIMATED not in said and "de schatting van het bestuur (" not in said


def _assen(present: int | None) -> tuple[dict, dt.date | None]:
    """Assen's plan, with its first ALV recorded (``present`` of 24 votes) unless None."""
    raw = _raw(ASSEN)
    plan = plan_of(raw, START)
    if present is None:
        return plan, None
    first = next_meeting(plan)
    day = dt.date.fromisoformat(first["date"])
    raw = record(raw, plan, day, dict.fromkeys(first["decisions"], (present, present, 0, 0)))
    return plan_of(raw, day + dt.timedelta(days=1)), day


def test_the_later_proxies_step_follows_the_basis():
    estimated, _ = _assen(None)
    recorded, day = _assen(12)
    assert day is not None
    named_meeting = f"de opkomst van de ALV van {nl_date(day)}"
    for plan, named in ((estimated, ESTIMATED), (recorded, named_meeting)):
        proxies = [w for i, w in _actions(plan).items() if i.startswith("later_proxies:")]
        assert proxies
        assert all(f"bij {named} wordt het quorum" in w for w in proxies)
