"""The security-event log: logins, accounts, uploads, exports, reads and deletion tombstones,
kept apart from the dossiers so that a deleted dossier leaves a trace without personal data.

Revision ID: e1a2b3c4d5e6
Revises: d4e5f6a7b8c9
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa

revision = 'e1a2b3c4d5e6'
down_revision = 'd4e5f6a7b8c9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'security_event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('actor', sa.String(length=120), nullable=False),
        sa.Column('action', sa.String(length=40), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=True),
        sa.Column('subject', sa.String(length=120), nullable=False),
        sa.Column('detail', sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('security_event', schema=None) as batch_op:
        batch_op.create_index('ix_security_event_at', ['at'], unique=False)
        batch_op.create_index('ix_security_event_action', ['action'], unique=False)
        batch_op.create_index('ix_security_event_organisation_at',
                              ['organisation_id', 'at'], unique=False)


def downgrade():
    with op.batch_alter_table('security_event', schema=None) as batch_op:
        batch_op.drop_index('ix_security_event_organisation_at')
        batch_op.drop_index('ix_security_event_action')
        batch_op.drop_index('ix_security_event_at')
    op.drop_table('security_event')
