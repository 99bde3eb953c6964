"""Shared fixtures: the knowledge, a plan date, and a profile factory."""

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
