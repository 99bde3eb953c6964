"""Private-link tokens move out of URL paths, and the rate limit counts per kind with a
keyed hash of the address.

- ``dossier.token_in_path``: every token handed out so far travelled in a URL path (and so
  may be in access logs); it is marked, and replaced at its next use.
- ``access_failure.kind``: link guesses and login failures are counted apart. The stored
  rows held unsalted SHA-256 hashes of addresses (reversible by enumerating IPv4); they
  are short-lived counters (ten minutes), so they are deleted rather than converted.

Revision ID: d6e7f8a9b0c1
Revises: f2b3c4d5e6f7
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa

revision = 'd6e7f8a9b0c1'
down_revision = 'f2b3c4d5e6f7'
branch_labels = None
depends_on = None


# No batch mode (which on SQLite copies the table, drops the old one and renames the copy):
# with foreign keys on, dropping the old dossier table deletes every row that references
# it (snapshots, audit entries, shares). SQLite adds and drops plain columns in place.


def upgrade():
    op.add_column('dossier', sa.Column('token_in_path', sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
    op.execute(sa.text("UPDATE dossier SET token_in_path = :yes").bindparams(yes=True))

    op.execute("DELETE FROM access_failure")
    op.drop_index('ix_access_failure_client_at', table_name='access_failure')
    op.add_column('access_failure', sa.Column('kind', sa.String(length=16), nullable=False,
                                              server_default='link'))
    op.create_index('ix_access_failure_kind_client_at', 'access_failure',
                    ['kind', 'client', 'at'], unique=False)


def downgrade():
    op.execute("DELETE FROM access_failure")
    op.drop_index('ix_access_failure_kind_client_at', table_name='access_failure')
    op.drop_column('access_failure', 'kind')
    op.create_index('ix_access_failure_client_at', 'access_failure', ['client', 'at'],
                    unique=False)
    op.drop_column('dossier', 'token_in_path')
