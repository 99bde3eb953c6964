"""Input an advisor posted after his login had ended, kept until he logs in again.

Revision ID: b8c9d0e1f2a3
Revises: e9f0a1b2c3d4
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa

revision = 'b8c9d0e1f2a3'
down_revision = 'e9f0a1b2c3d4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'kept_input',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('path', sa.String(length=500), nullable=False),
        sa.Column('fields', sa.JSON(), nullable=False),
        sa.Column('kept_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('token_hash'),
    )
    with op.batch_alter_table('kept_input', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kept_input_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_kept_input_kept_at'), ['kept_at'], unique=False)


def downgrade():
    with op.batch_alter_table('kept_input', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kept_input_kept_at'))
        batch_op.drop_index(batch_op.f('ix_kept_input_user_id'))
    op.drop_table('kept_input')
