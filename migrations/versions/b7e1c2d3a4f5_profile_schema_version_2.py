"""profile schema version 2: the money inputs

Upgrades every stored dossier's profile from schema version 1 to 2 with the frozen step
``vve.profile.upgrade.v1_to_v2`` (it only adds fields, all "weet ik niet"). Plan snapshots
are left as they were: they are the plans as handed out.

Downgrade returns profiles to version 1 only where no version-2 answer was given; where
one was, it refuses rather than lose a board's answer.

Revision ID: b7e1c2d3a4f5
Revises: caea5cdebc9e
Create Date: 2026-11-26

"""
from alembic import op
import sqlalchemy as sa

from vve.profile.upgrade import v1_to_v2

# revision identifiers, used by Alembic.
revision = 'b7e1c2d3a4f5'
down_revision = 'caea5cdebc9e'
branch_labels = None
depends_on = None

BATCH = 500
dossier = sa.table("dossier", sa.column("id", sa.Integer), sa.column("profile", sa.JSON),
                   sa.column("version", sa.Integer))

# what version 2 added, with its "weet ik niet" value (kept here, frozen, for the downgrade)
V2_FIELDS = {
    "building": {"floor_area_per_dwelling": None, "roof_area": None, "facade_area": None,
                 "window_area": None, "volume": None},
    "installations": {"gas_use_m3": None, "gas_use_per_dwelling_m3": None},
    "money": {"cost_share_method": None, "cost_shares": [], "reserve_commitments": [],
              "reserve_for_plan": None, "advice_cost": None, "figures": {},
              "loan_quote": {"rate_percent": None, "term_years": None, "amount": None}},
}


def _rows():
    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(sa.select(dossier.c.id, dossier.c.profile, dossier.c.version)
                            .where(dossier.c.id > last).order_by(dossier.c.id)
                            .limit(BATCH)).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].id


def _rewrite(change) -> None:
    """Apply ``change(profile) -> new profile or None`` to every stored profile, in batches.
    The optimistic-locking version is bumped, so a form opened before the migration is
    refused instead of overwriting the upgraded profile."""
    bind = op.get_bind()
    for row in _rows():
        new = change(row.profile) if isinstance(row.profile, dict) else None
        if new is not None:
            bind.execute(dossier.update().where(dossier.c.id == row.id)
                         .values(profile=new, version=row.version + 1))


def upgrade():
    _rewrite(lambda p: v1_to_v2(p) if p.get("schema_version", 1) == 1 else None)


def _v2_to_v1(profile: dict) -> dict | None:
    if profile.get("schema_version") != 2:
        return None
    old = {key: (dict(value) if isinstance(value, dict) else value)
           for key, value in profile.items()}
    for section, fields in V2_FIELDS.items():
        part = old.get(section) or {}
        for key, empty in fields.items():
            if part.get(key, empty) != empty:
                raise RuntimeError(
                    f"Downgrade refused: a dossier has an answer for {section}.{key}, which "
                    f"schema version 1 cannot hold. Export it first.")
            part.pop(key, None)
    old["schema_version"] = 1
    return old


def downgrade():
    for row in _rows():   # check every dossier before changing any (SQLite has no DDL rollback)
        if isinstance(row.profile, dict):
            _v2_to_v1(row.profile)
    _rewrite(_v2_to_v1)
