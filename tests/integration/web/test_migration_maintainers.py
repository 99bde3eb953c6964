"""The migration that gives municipalities a maintainer upgrades stored plans, on SQLite
and PostgreSQL: a plan is attributed to its last editor's organisation, that organisation
maintains the municipality (the most recent editor's first, the others next in line), and
plans nobody edited stay unclaimed."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from tests.integration.conftest import revision_before
from vve.extensions import db

AFTER = "f2b3c4d5e6f7"
# the revision this migration follows, read from it: the chain may be re-ordered on merging
BEFORE = revision_before(AFTER)
T0 = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def old_app(old_app_at):
    return old_app_at(BEFORE)


def _table(name, *columns):
    return sa.table(name, *(sa.column(c, t) for c, t in columns))


ORGANISATION = _table(
    "organisation", ("id", sa.Integer), ("name", sa.String), ("created_at", sa.DateTime(True))
)
USER = _table(
    "user_account",
    ("id", sa.Integer),
    ("email", sa.String),
    ("name", sa.String),
    ("password_hash", sa.String),
    ("role", sa.String),
    ("active", sa.Boolean),
    ("organisation_id", sa.Integer),
    ("failed_logins", sa.Integer),
    ("must_change_password", sa.Boolean),
    ("created_at", sa.DateTime(True)),
)
PLAN = _table(
    "municipal_plan",
    ("municipality", sa.String),
    ("neighbourhood", sa.String),
    ("status", sa.String),
    ("notes", sa.Text),
    ("source", sa.String),
    ("updated_at", sa.DateTime(True)),
    ("updated_by", sa.String),
)


def _store_old_data():
    db.session.execute(
        ORGANISATION.insert(),
        [
            {"id": 1, "name": "Team Drenthe", "created_at": T0},
            {"id": 2, "name": "Bureau Elders", "created_at": T0},
        ],
    )
    present = {c["name"] for c in sa.inspect(db.engine).get_columns("user_account")}
    db.session.execute(
        USER.insert(),
        [
            {
                key: value
                for key, value in {
                    "id": n,
                    "email": email,
                    "name": "x",
                    "password_hash": "x",
                    "role": "advisor",
                    "active": True,
                    "organisation_id": org,
                    # columns of some schemas only, whichever this one is
                    "failed_logins": 0,
                    "must_change_password": False,
                    "created_at": T0,
                }.items()
                if key in present
            }
            for n, (email, org) in enumerate(
                (("anna@drenthe.nl", 1), ("bart@elders.nl", 2)), start=1
            )
        ],
    )
    hour = dt.timedelta(hours=1)
    db.session.execute(
        PLAN.insert(),
        [
            _plan("Emmen", "Angelslo", "anna@drenthe.nl", T0 + hour),
            _plan("Emmen", "Bargeres", "bart@elders.nl", T0 + 2 * hour),  # the latest change
            _plan("emmen", "Centrum", "anna@drenthe.nl", T0),
            _plan("Ærø", "", "anna@drenthe.nl", T0),
            _plan("ÆRØ", "Noord", "anna@drenthe.nl", T0 + hour),
            _plan("Westerbork", "", "someone.gone@elders.nl", T0),  # account deleted
        ],
    )
    db.session.commit()


def _plan(municipality, neighbourhood, by, at):
    return {
        "municipality": municipality,
        "neighbourhood": neighbourhood,
        "status": "adopted",
        "notes": "",
        "source": "",
        "updated_at": at,
        "updated_by": by,
    }


def _claims():
    return db.session.execute(
        sa.text(
            "SELECT municipality_key, organisation_id, municipality FROM municipality_claim "
            "ORDER BY id"
        )
    ).all()


def _attributed():
    return dict(
        db.session.execute(
            sa.text(
                "SELECT municipality || '/' || neighbourhood, updated_by_organisation_id "
                "FROM municipal_plan"
            )
        ).all()
    )


def test_stored_plans_get_their_maintainers_and_the_seeded_ones_stay_unclaimed(old_app):
    with old_app.app_context():
        _store_old_data()
        upgrade()
        assert [(k, o) for k, o, _n in _claims()] == [
            ("emmen", 2),  # Bureau Elders changed an Emmen plan last: it maintains Emmen
            ("emmen", 1),  # Team Drenthe serves it, next in line
            ("ærø", 1),  # one key for both spellings, in every alphabet
        ]
        attributed = _attributed()
        assert attributed["Emmen/Angelslo"] == 1 and attributed["Emmen/Bargeres"] == 2
        assert attributed["ÆRØ/Noord"] == 1
        assert attributed["Westerbork/"] is None  # its editor's account is gone
        assert attributed["Assen/"] is None  # the pre-loaded, empty Drenthe plans
        editors = db.session.execute(sa.text("SELECT municipal_editor FROM user_account")).all()
        assert [bool(e) for (e,) in editors] == [False, False]


def test_the_app_reads_the_upgraded_data_and_the_downgrade_removes_it(old_app):
    from vve.services import maintainers

    with old_app.app_context():
        _store_old_data()
        upgrade()
        owners = maintainers.maintainers(["Emmen", "ÆRØ", "Assen"])
        assert {k: o.name for k, o in owners.items()} == {
            "emmen": "Bureau Elders",
            "ærø": "Team Drenthe",
        }
        db.session.remove()
        downgrade(revision=BEFORE)
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("municipal_plan")}
        assert "updated_by_organisation_id" not in columns
        assert "municipality_claim" not in sa.inspect(db.engine).get_table_names()
        assert len(_attributed_before()) == 18  # six stored plans and the twelve seeded
        db.session.remove()  # no open transaction: PostgreSQL's ALTER TABLE would wait for it
        upgrade()
        assert len(_claims()) == 3


def _attributed_before():
    return db.session.execute(sa.text("SELECT id FROM municipal_plan")).all()
