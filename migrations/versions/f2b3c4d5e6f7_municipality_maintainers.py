"""Who maintains which municipality: organisations register the municipalities they serve
(the first registered maintains it), admins may name municipal editors, and a municipal
plan remembers the organisation that changed it last.

Stored data: a plan last changed by an advisor is attributed to that advisor's
organisation, and that organisation becomes the municipality's maintainer; where advisors
of several organisations changed plans of one municipality, the organisation of the most
recent change maintains it and the others serve it, next in line. Plans nobody changed
(the pre-loaded, empty Drenthe plans) stay unclaimed: readable, changed by no one until an
admin registers the municipality. Postcode areas need no data of their own: they are
maintained by whoever maintains the municipality they point into.

Revision ID: f2b3c4d5e6f7
Revises: a3b4c5d6e7f8
Create Date: 2026-11-27
"""
import datetime as dt

from alembic import op
import sqlalchemy as sa

revision = 'f2b3c4d5e6f7'
down_revision = 'a3b4c5d6e7f8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'municipality_claim',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('municipality_key', sa.String(length=100), nullable=False),
        sa.Column('municipality', sa.String(length=100), nullable=False),
        sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('claimed_by', sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('organisation_id', 'municipality_key'),
    )
    with op.batch_alter_table('municipality_claim', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_municipality_claim_organisation_id'),
                              ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_municipality_claim_municipality_key'),
                              ['municipality_key'], unique=False)
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('municipal_editor', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table('municipal_plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('updated_by_organisation_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_municipal_plan_updated_by_organisation_id_organisation',
                                    'organisation', ['updated_by_organisation_id'], ['id'],
                                    ondelete='SET NULL')
    _attribute_stored_plans()


def _attribute_stored_plans():
    """Each plan to its last editor's organisation; each municipality to the organisation
    of its most recent change, the other editing organisations after it (by their own
    latest change). Keys are made in Python, as the app makes them (SQLite's lower()
    folds ASCII only)."""
    conn = op.get_bind()
    organisation_of = {
        email.strip().lower(): org
        for email, org in conn.execute(sa.text('SELECT email, organisation_id FROM user_account'))
    }
    plans = conn.execute(sa.text(
        'SELECT id, municipality, updated_by, updated_at FROM municipal_plan ORDER BY id'
    )).all()
    latest: dict[str, dict[int, tuple]] = {}  # key -> organisation -> (latest change, name)
    for plan_id, municipality, updated_by, updated_at in plans:
        org = organisation_of.get((updated_by or '').strip().lower())
        if org is None:
            continue
        conn.execute(
            sa.text('UPDATE municipal_plan SET updated_by_organisation_id = :o WHERE id = :i'),
            {'o': org, 'i': plan_id},
        )
        key = municipality.strip().lower()
        when = _sortable(updated_at)
        seen = latest.setdefault(key, {}).get(org)
        if seen is None or when > seen[0]:
            latest[key][org] = (when, plan_id, municipality.strip())
    claims = sa.table(
        'municipality_claim',
        sa.column('organisation_id', sa.Integer),
        sa.column('municipality_key', sa.String),
        sa.column('municipality', sa.String),
        sa.column('claimed_at', sa.DateTime(timezone=True)),
        sa.column('claimed_by', sa.String),
    )
    now = dt.datetime.now(dt.UTC)
    for key in sorted(latest):
        # most recent change first: inserted first, it has the lowest id and maintains
        ordered = sorted(latest[key].items(), key=lambda item: item[1][:2], reverse=True)
        for org, (_when, _plan_id, name) in ordered:
            conn.execute(claims.insert().values(
                organisation_id=org, municipality_key=key[:100], municipality=name[:100],
                claimed_at=now, claimed_by='system',
            ))


def _sortable(value) -> str:
    """SQLite hands back text, PostgreSQL a datetime; both sort as ISO text."""
    if value is None:
        return ''
    return value.isoformat() if isinstance(value, dt.datetime) else str(value)


def downgrade():
    with op.batch_alter_table('municipal_plan', schema=None) as batch_op:
        batch_op.drop_constraint('fk_municipal_plan_updated_by_organisation_id_organisation',
                                 type_='foreignkey')
        batch_op.drop_column('updated_by_organisation_id')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('municipal_editor')
    with op.batch_alter_table('municipality_claim', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_municipality_claim_municipality_key'))
        batch_op.drop_index(batch_op.f('ix_municipality_claim_organisation_id'))
    op.drop_table('municipality_claim')
