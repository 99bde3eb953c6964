"""The plan and its timeline figures shared by the workers (shared_plan), one row per
dossier: a cache, so the upgrade stores nothing and the downgrade loses nothing of a
board's work.

Revision ID: c2d3e4f5a6b7
Revises: b1c2d3e4f5a6
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa

revision = 'c2d3e4f5a6b7'
down_revision = 'b1c2d3e4f5a6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'shared_plan',
        sa.Column('dossier_id', sa.Integer(), nullable=False),
        sa.Column('tag', sa.String(length=32), nullable=False),
        sa.Column('plan', sa.LargeBinary(), nullable=False),
        sa.Column('wide_png', sa.LargeBinary(), nullable=True),
        sa.Column('narrow_png', sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('dossier_id'),
    )


def downgrade():
    op.drop_table('shared_plan')
