"""The advisors' dashboard at 100,000 dossiers: an index per sortable or filtered column
that ends in the id, in place of the column's own (a page deep in the list is found by
walking the index alone; a filter's dossiers come in id order, merged with the live
consents' index to count them), and on PostgreSQL three more the models do not name
(``vve.models.POSTGRESQL_ONLY_INDEXES``):

- ``ix_dossier_name_trgm``: a search by name, ``ILIKE '%...%'``, read from a trigram index
  (pg_trgm, from PostgreSQL's contrib) instead of every row. Made only where the server
  has the extension and we may create it; without it the search still works, reading
  every row as before. The extension stays on a downgrade (other schemas may use it).
- ``ix_dossier_postcode_compact``: the postcode search, the postcode without spaces by
  its first characters (``text_pattern_ops``: a prefix ``LIKE`` in any collation).
- ``ix_dossier_summary``: the per-municipality summary's columns beside the id, so the
  summary is read from two indexes in id order (this one and the live consents').

benchmarks/README.md, "Dashboard at scale", has the numbers.

Revision ID: f5a6b7c8d9e0
Revises: a9b8c7d6e5f4
Create Date: 2026-11-26
"""
import logging

from alembic import op
import sqlalchemy as sa

revision = 'f5a6b7c8d9e0'
down_revision = 'a9b8c7d6e5f4'
branch_labels = None
depends_on = None

log = logging.getLogger('alembic.runtime.migration')

INDEXED = ('name', 'municipality', 'heat_route', 'stage', 'status', 'updated_at')  # had (column)
WITH_ID = (*INDEXED, 'rights', 'furthest_step', 'decisions_taken')
POSTCODE = (
    "CREATE INDEX ix_dossier_postcode_compact ON dossier "
    "((replace(postcode, ' ', '')) text_pattern_ops)"
)
SUMMARY = (
    'CREATE INDEX ix_dossier_summary ON dossier (id) '
    'INCLUDE (municipality, stage, heat_route, rights, decisions_taken)'
)
POSTGRESQL_ONLY = ('ix_dossier_name_trgm', 'ix_dossier_postcode_compact', 'ix_dossier_summary')


def upgrade():
    for column in INDEXED:
        op.drop_index(f'ix_dossier_{column}', table_name='dossier')
    for column in WITH_ID:
        op.create_index(f'ix_dossier_{column}_id', 'dossier', [column, 'id'])
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    op.execute(POSTCODE)
    op.execute(SUMMARY)
    schema = trigram_schema(bind)
    if schema is None:
        log.warning('pg_trgm is not available: a search by name reads every dossier')
        return
    op.execute(f'CREATE INDEX ix_dossier_name_trgm ON dossier USING gin (name {schema}.gin_trgm_ops)')


def trigram_schema(bind):
    """The schema of pg_trgm's operator classes, the extension created if the server has
    it (in ``public`` when there is one, so that dropping an application's schema does
    not take it along), or None when it cannot be had."""
    find = "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'"
    found = bind.exec_driver_sql(find).scalar()
    if found is not None:
        return found
    available = "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    if bind.exec_driver_sql(available).scalar() is None:
        return None
    public = bind.exec_driver_sql("SELECT 1 FROM pg_namespace WHERE nspname = 'public'").scalar()
    try:
        with bind.begin_nested():  # a refusal (no privilege) rolls back to here only
            bind.exec_driver_sql('CREATE EXTENSION pg_trgm' + (' SCHEMA public' if public else ''))
    except sa.exc.DBAPIError as exc:
        log.warning('CREATE EXTENSION pg_trgm refused: %s', exc.orig)
        return None
    return bind.exec_driver_sql(find).scalar()


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        for name in POSTGRESQL_ONLY:
            op.execute(f'DROP INDEX IF EXISTS {name}')
    for column in WITH_ID:
        op.drop_index(f'ix_dossier_{column}_id', table_name='dossier')
    for column in INDEXED:
        op.create_index(f'ix_dossier_{column}', 'dossier', [column])
