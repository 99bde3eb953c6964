"""the meetings: profile schema version 3 (register and results), decisions taken per dossier

Upgrades every stored dossier's profile from schema version 2 to 3 with the frozen step
``vve.profile.upgrade.v2_to_v3`` (an empty apartment register, no results: nothing changes
for a board) and adds the dashboard's column ``decisions_taken`` (0 until a result is
recorded, which is true of every stored dossier). Plan snapshots stay as handed out.

Downgrade returns profiles to version 2 only where no apartment and no result was recorded;
otherwise it refuses rather than lose what a meeting decided.

Revision ID: c7d8e9f0a1b2
Revises: d6e7f8a9b0c1
Create Date: 2026-11-26

"""
from alembic import op
import sqlalchemy as sa

from vve.profile.upgrade import v2_to_v3

# revision identifiers, used by Alembic.
revision = 'c7d8e9f0a1b2'
down_revision = 'd6e7f8a9b0c1'
branch_labels = None
depends_on = None

BATCH = 500
dossier = sa.table("dossier", sa.column("id", sa.Integer), sa.column("profile", sa.JSON),
                   sa.column("version", sa.Integer))


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
    """Apply ``change(profile) -> new profile or None`` to every stored profile, in batches,
    bumping the optimistic-locking version so a form opened before is merged, not lost."""
    bind = op.get_bind()
    for row in _rows():
        new = change(row.profile) if isinstance(row.profile, dict) else None
        if new is not None:
            bind.execute(dossier.update().where(dossier.c.id == row.id)
                         .values(profile=new, version=row.version + 1))


def upgrade():
    with op.batch_alter_table("dossier") as batch:
        batch.add_column(sa.Column("decisions_taken", sa.Integer(), nullable=False,
                                   server_default="0"))
    _rewrite(lambda p: v2_to_v3(p) if p.get("schema_version") == 2 else None)


def _v3_to_v2(profile: dict) -> dict | None:
    if profile.get("schema_version") != 3:
        return None
    for key in ("apartments", "results"):
        if profile.get(key):
            raise RuntimeError(
                f"Downgrade refused: a dossier has {key}, which schema version 2 cannot "
                f"hold. Export it first.")
    old = {k: v for k, v in profile.items() if k not in ("apartments", "results")}
    old["schema_version"] = 2
    return old


def downgrade():
    for row in _rows():   # check every dossier before changing any (SQLite has no DDL rollback)
        if isinstance(row.profile, dict):
            _v3_to_v2(row.profile)
    _rewrite(_v3_to_v2)
    with op.batch_alter_table("dossier") as batch:
        batch.drop_column("decisions_taken")
