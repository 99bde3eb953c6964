"""A plan snapshot keeps the tag of the inputs its plan was made from
(``vve/services/plans.py`` ``_inputs``), so that a second download of unchanged answers
is recognised without making the plan again or reading the stored one (issue 15).

Snapshots already stored keep every value; their tag stays NULL, since the inputs of
that day (the date, the municipal plan then) cannot be recovered: the service compares
those by their plan, as before.

Revision ID: b1c2d3e4f5a6
Revises: f5a6b7c8d9e0
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa

revision = 'b1c2d3e4f5a6'
down_revision = 'f5a6b7c8d9e0'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('plan_snapshot') as batch:
        batch.add_column(sa.Column('plan_tag', sa.String(length=32), nullable=True))


def downgrade():
    with op.batch_alter_table('plan_snapshot') as batch:
        batch.drop_column('plan_tag')
