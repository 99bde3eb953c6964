"""Shared fixtures: the knowledge, a plan date, and profile factories."""

import datetime as dt
from pathlib import Path

import pytest

from vve.knowledge import load_knowledge
from vve.profile import Profile, parse_profile

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
AS_OF = dt.date(2026, 11, 24)


@pytest.fixture
def knowledge():
    return load_knowledge()


def make_profile(**sections) -> Profile:
    """A valid profile: ``make_profile(voting={"model_reglement": "1992"})``."""
    data = {"association": {"name": "VvE Testflat"}}
    data.update(sections)
    return parse_profile(data)


def corporation_profile(dwellings: int, *others: dict) -> Profile:
    """A 2006-reglement building in which one housing corporation, "Woonstichting", holds 24
    votes as a single party (the first owner group); ``others`` are the other groups."""
    corporation = {
        "kind": "housing_corporation",
        "name": "Woonstichting",
        "rights": 24,
        "single_party": True,
    }
    return make_profile(
        building={"rights": {"dwellings": dwellings}},
        voting={"model_reglement": "2006"},
        owners={"groups": [corporation, *others]},
    )
