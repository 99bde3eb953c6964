"""A step save fills the dashboard's columns without making the whole plan, and they are
exactly what the whole plan gives: for every example, with and without a municipal plan
for its municipality (which then decides the route), and the municipal plan it reports is
the plan's ``municipal_plan``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vve.models import Dossier
from vve.profile import load_profile
from vve.services import accounts, maintainers, municipal, plans, summaries

EXAMPLES = sorted((Path(__file__).parents[3] / "examples").glob("*.json"))
COLUMNS = ("name", "municipality", "postcode", "rights", "heat_route", "stage", "decisions_taken")


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


def _columns(dossier: Dossier) -> dict:
    return {c: getattr(dossier, c) for c in COLUMNS} | {"status": dossier.status}


def _both(profile, steps):
    cheap, whole = Dossier(furthest_step=5), Dossier(furthest_step=5)
    cheap.status = whole.status = "started"
    reported = summaries.summarise(cheap, profile, steps)
    plan = summaries.summarise_with_plan(whole, profile, steps)
    return _columns(cheap), _columns(whole), reported, plan


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("route", [None, "heat_network", "all_electric"])
def test_the_columns_are_the_whole_plans(ctx, path, route, monkeypatch):
    profile = load_profile(path.read_text(encoding="utf-8"))
    if route is not None:
        admin = accounts.create_user("a@team.nl", "a", "een lang genoeg wachtwoord", "T", "admin")
        maintainers.claim_municipality(admin, profile.association.municipality)
        municipal.save_municipal_plan(
            {
                "municipality": profile.association.municipality,
                "neighbourhood": "",
                "status": "adopted",
                "preferred_route": route,
                "expected_year": 2030,
            },
            admin,
        )
    made = []
    monkeypatch.setattr(
        plans, "build_plan", lambda *a, real=plans.build_plan: made.append(1) or real(*a)
    )
    cheap, whole, reported, plan = _both(profile, 5)
    assert cheap == whole
    assert reported == plan["municipal_plan"]
    assert len(made) == 1  # only summarise_with_plan made a whole plan
    if route is not None:
        assert cheap["heat_route"] == route == plan["heat_route"]["id"]


def test_a_step_save_makes_no_whole_plan(ctx, monkeypatch):
    from vve.services import dossiers

    made = []
    monkeypatch.setattr(plans, "build_plan", lambda *a: made.append(1))
    data = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    new = dossiers.import_profile(json.dumps(data).encode("utf-8"), furthest_step=3)
    assert made == [] and new.dossier.heat_route and new.dossier.stage
    dossiers.save_step(
        new.dossier,
        {"association.municipality": "Emmen"},
        1,
        new.dossier.version,
        total_steps=10,
    )
    assert made == [] and new.dossier.municipality == "Emmen"
    assert new.dossier.status == "started"
