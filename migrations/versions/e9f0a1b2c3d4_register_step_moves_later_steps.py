"""the apartment register's step comes sixth: each dossier's furthest step follows

The wizard gains the step "appartementen" after "stemmen" (step 5). The steps after it
(gemeente, ambitie, kosten) move up one, so a dossier's furthest step from 6 on moves up
one too: it resumes where it was, and a finished dossier stays finished (its furthest
step equals the number of steps). Nothing else changes; the profile already holds the
register (schema version 3).

Downgrade moves them back; a dossier whose furthest step was the register itself returns
to "stemmen", the step before it.

Revision ID: e9f0a1b2c3d4
Revises: c7d8e9f0a1b2
Create Date: 2026-11-26

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'e9f0a1b2c3d4'
down_revision = 'c7d8e9f0a1b2'
branch_labels = None
depends_on = None

REGISTER = 6  # the register's step number
dossier = sa.table("dossier", sa.column("furthest_step", sa.Integer))


def upgrade():
    op.execute(dossier.update().where(dossier.c.furthest_step >= REGISTER)
               .values(furthest_step=dossier.c.furthest_step + 1))


def downgrade():
    op.execute(dossier.update().where(dossier.c.furthest_step >= REGISTER)
               .values(furthest_step=dossier.c.furthest_step - 1))
