"""The plan and its figures made by one worker are read by the others (the shared_plan
table, one row per dossier under the plan's tag) instead of being made again; a row of
older answers is never used, and it is erased with its dossier."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from vve.extensions import db
from vve.models import SharedPlan
from vve.services import dossiers, plans, shared_plans

EXAMPLE = (Path(__file__).parents[3] / "examples" / "emmen-galerijflat.json").read_bytes()


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


def _dossier():
    dossier = dossiers.import_profile(EXAMPLE, 10).dossier
    db.session.commit()
    return dossier


def _another_worker(monkeypatch) -> list[int]:
    """This worker's own caches emptied; counts the plans it makes from then on."""
    plans.forget_plans()
    plans.forget_timelines()
    made = []
    real = plans._plan

    def counted(*args):
        made.append(1)
        return real(*args)

    monkeypatch.setattr(plans, "_plan", counted)
    return made


def test_another_worker_reads_the_plan_instead_of_making_it(ctx, monkeypatch):
    dossier = _dossier()
    first = plans.make_plan(dossier)
    made = _another_worker(monkeypatch)
    assert plans.make_plan(dossier) == first
    assert made == []
    assert json.loads(json.dumps(first)) == first  # stored as JSON: read back the same


def test_a_row_of_older_answers_is_not_used(ctx, monkeypatch):
    dossier = _dossier()
    plans.make_plan(dossier)
    dossiers.save_step(dossier, {"association.name": "VvE Andere Naam"}, 1, dossier.version)
    made = _another_worker(monkeypatch)
    plan = plans.make_plan(dossier)
    assert made == [1] and plan["association"]["name"] == "VvE Andere Naam"
    rows = db.session.execute(sa.select(SharedPlan)).scalars().all()
    assert len(rows) == 1 and rows[0].tag == plans.kept_plan(dossier).tag  # replaced


def test_another_worker_reads_the_figure_instead_of_drawing_it(ctx, monkeypatch):
    dossier = _dossier()
    wide = plans.timeline(dossier).figure()
    narrow = plans.timeline(dossier, narrow=True).figure()
    _another_worker(monkeypatch)
    monkeypatch.setattr(plans, "timeline_png", lambda *a: pytest.fail("drawn again"))
    assert plans.timeline(dossier).figure() == wide
    assert plans.timeline(dossier, narrow=True).figure() == narrow
    assert wide.png != narrow.png


def test_a_figure_of_older_answers_is_drawn_again(ctx, monkeypatch):
    dossier = _dossier()
    old = plans.timeline(dossier).figure()
    dossiers.save_step(dossier, {"association.name": "VvE Andere Naam"}, 1, dossier.version)
    _another_worker(monkeypatch)
    new = plans.timeline(dossier).figure()
    assert new.etag != old.etag
    assert shared_plans.read(dossier.id, plans.kept_plan(dossier).tag, "wide_png") == new.png


def test_the_row_is_erased_with_its_dossier(ctx):
    dossier = _dossier()
    plans.timeline(dossier).figure()
    dossier_id = dossier.id
    dossiers.delete_dossier(dossier)
    count = sa.select(sa.func.count()).select_from(SharedPlan)
    assert db.session.execute(count.where(SharedPlan.dossier_id == dossier_id)).scalar_one() == 0


def test_a_failed_write_only_costs_the_next_worker_the_plan(ctx, monkeypatch):
    """The table is a cache: a write that fails (a locked or read-only database) leaves
    the page working; the plan is made where it is not found."""
    dossier = _dossier()

    def refuse(*args, **kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(shared_plans, "_upsert", refuse)
    plan = plans.make_plan(dossier)
    made = _another_worker(monkeypatch)
    assert plans.make_plan(dossier) == plan and made == [1]
