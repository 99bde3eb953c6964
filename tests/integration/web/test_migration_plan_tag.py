"""The migration that gives a plan snapshot its tag keeps every stored snapshot (plan,
document, author, dates) on SQLite and PostgreSQL; their tag stays empty, and the app
still finds such a snapshot again by its plan."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from tests.conftest import ROOT
from tests.integration.conftest import revision_before
from vve.extensions import db
from vve.models import Dossier, PlanSnapshot
from vve.services import dossiers, plans

AFTER = "b1c2d3e4f5a6"
BEFORE = revision_before(AFTER)
EXAMPLE = (ROOT / "examples" / "emmen-galerijflat.json").read_bytes()
T0 = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
SNAPSHOT = sa.table(
    "plan_snapshot",
    *(
        sa.column(name, kind)
        for name, kind in (
            ("id", sa.Integer),
            ("dossier_id", sa.Integer),
            ("created_at", sa.DateTime(True)),
            ("created_by", sa.String),
            ("engine_version", sa.String),
            ("knowledge_version", sa.String),
            ("plan", sa.JSON),
            ("document", sa.LargeBinary),
        )
    ),
)


@pytest.fixture
def old_app(old_app_at):
    return old_app_at(BEFORE)


def _stored():
    """Every stored snapshot's values; the read's transaction ends, so the migration that
    follows (on its own connection) is not kept waiting for the table's lock."""
    rows = db.session.execute(sa.select(SNAPSHOT).order_by(SNAPSHOT.c.id)).all()
    db.session.rollback()
    return rows


def test_stored_snapshots_keep_every_value_and_get_no_tag(old_app):
    with old_app.app_context():
        upgrade(revision="head")  # a dossier made by today's code, then taken back
        dossier_id = dossiers.import_profile(EXAMPLE, 10).dossier.id
        plan = plans.make_plan(db.session.get(Dossier, dossier_id))
        db.session.commit()
        downgrade(revision=BEFORE)
        db.session.execute(
            SNAPSHOT.insert(),
            [
                {
                    "dossier_id": dossier_id,
                    "created_at": T0,
                    "created_by": "board",
                    "engine_version": "0.9",
                    "knowledge_version": plan["knowledge_version"],
                    "plan": plan,
                    "document": b"PK the document as handed out",
                },
                {
                    "dossier_id": dossier_id,
                    "created_at": T0,
                    "created_by": "advisor:an@team.nl",
                    "engine_version": "0.9",
                    "knowledge_version": "k",
                    "plan": {"knowledge_version": "k", "words": "één ÿ"},
                    "document": None,
                },
            ],
        )
        db.session.commit()
        before = _stored()
        upgrade(revision="head")
        assert _stored() == before
        tags = db.session.execute(sa.text("SELECT plan_tag FROM plan_snapshot")).scalars()
        assert list(tags) == [None, None]


def test_the_app_finds_an_untagged_snapshot_by_its_plan_and_the_downgrade_keeps_it(old_app):
    with old_app.app_context():
        upgrade(revision="head")
        dossier = dossiers.import_profile(EXAMPLE, 10).dossier
        kept = plans.record_download(dossier, None)
        kept.plan_tag = None  # as a snapshot from before the migration
        db.session.commit()
        assert plans.record_download(dossier, None).id == kept.id
        assert db.session.execute(sa.select(sa.func.count(PlanSnapshot.id))).scalar_one() == 1
        before = _stored()
        downgrade(revision=BEFORE)
        assert _stored() == before
        upgrade(revision="head")
        assert _stored() == before
