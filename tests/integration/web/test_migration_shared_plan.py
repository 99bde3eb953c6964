"""The migration that adds the workers' shared plan (a cache) keeps every stored dossier
and snapshot on SQLite and PostgreSQL, both ways."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from tests.conftest import ROOT
from tests.integration.conftest import revision_before
from vve.extensions import db
from vve.services import dossiers, plans

AFTER = "c2d3e4f5a6b7"
BEFORE = revision_before(AFTER)
EXAMPLE = (ROOT / "examples" / "emmen-galerijflat.json").read_bytes()


@pytest.fixture
def old_app(old_app_at):
    return old_app_at(BEFORE)


def _stored():
    """Every dossier's and snapshot's values; the read's transaction ends, so the migration
    that follows (on its own connection) is not kept waiting for the table's lock."""
    rows = [
        db.session.execute(sa.text(f"SELECT * FROM {table} ORDER BY id")).all()
        for table in ("dossier", "plan_snapshot")
    ]
    db.session.rollback()
    return rows


def test_dossiers_and_snapshots_survive_both_ways(old_app):
    with old_app.app_context():
        upgrade(revision="head")
        dossier = dossiers.import_profile(EXAMPLE, 10).dossier
        plans.record_download(dossier, None)
        db.session.commit()
        downgrade(revision=BEFORE)
        before = _stored()
        assert before[0] and before[1]
        upgrade(revision="head")
        assert _stored() == before
        assert sa.inspect(db.engine).has_table("shared_plan")
        dossier = dossiers.find_dossier(dossier.public_id)
        plans.forget_plans()  # a new worker after the upgrade
        plan = plans.make_plan(dossier)  # made, and shared
        shared = db.session.execute(sa.text("SELECT count(*) FROM shared_plan")).scalar_one()
        db.session.rollback()  # no lock left for the downgrade's DROP TABLE to wait for
        assert shared == 1
        downgrade(revision=BEFORE)
        assert _stored() == before
        assert not sa.inspect(db.engine).has_table("shared_plan")
        assert plan["association"]["name"]
