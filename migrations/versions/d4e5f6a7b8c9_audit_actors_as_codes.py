"""Audit actors and snapshot authors stored as codes ('board', 'advisor:<e-mail>') instead
of Dutch words, so each reader sees them in his own language.

Revision ID: d4e5f6a7b8c9
Revises: b7e1c2d3a4f5
Create Date: 2026-11-26
"""
from alembic import op

revision = 'd4e5f6a7b8c9'
down_revision = 'b7e1c2d3a4f5'
branch_labels = None
depends_on = None

# (table, column) pairs that name who did something; frozen with this revision.
COLUMNS = (("audit_event", "actor"), ("plan_snapshot", "created_by"))


def _rename(old_board: str, new_board: str, old_prefix: str, new_prefix: str) -> None:
    for table, column in COLUMNS:
        op.execute(f"UPDATE {table} SET {column} = '{new_board}' WHERE {column} = '{old_board}'")
        op.execute(f"UPDATE {table} SET {column} = '{new_prefix}' || "
                   f"substr({column}, {len(old_prefix) + 1}) "
                   f"WHERE {column} LIKE '{old_prefix}%'")


def upgrade():
    _rename("bestuur", "board", "adviseur:", "advisor:")


def downgrade():
    _rename("board", "bestuur", "advisor:", "adviseur:")
