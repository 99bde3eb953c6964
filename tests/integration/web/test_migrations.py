"""Stored dossiers survive schema changes: the profile migrations (version 1 → 2 → 3), on
SQLite and PostgreSQL, keep every stored answer."""

import datetime as dt
import json
import secrets

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from tests.conftest import ROOT
from tests.integration.conftest import make_app
from vve.extensions import db
from vve.profile import parse_profile
from vve.profile.upgrade import v1_to_v2, v2_to_v3

V1 = sorted((ROOT / "tests" / "fixtures" / "profile-v1").glob("*.json"))
BEFORE = "caea5cdebc9e"  # the last revision that stored version-1 profiles


@pytest.fixture
def old_app(old_app_at):
    return old_app_at(BEFORE)


def _store(profile: dict | None, furthest_step: int = 8) -> int:
    table = sa.table(
        "dossier",
        *(
            sa.column(c)
            for c in (
                "public_id",
                "token_hash",
                "created_at",
                "updated_at",
                "version",
                "furthest_step",
                "name",
                "municipality",
                "postcode",
                "heat_route",
                "stage",
                "status",
            )
        ),
        sa.column("profile", sa.JSON),
        sa.column("id", sa.Integer),
    )
    now = dt.datetime.now(dt.UTC)
    result = db.session.execute(
        table.insert()
        .values(
            public_id=secrets.token_urlsafe(9),
            token_hash="0" * 64,
            created_at=now,
            updated_at=now,
            version=1,
            furthest_step=furthest_step,
            name="x",
            municipality="",
            postcode="",
            heat_route="",
            stage="",
            status="started",
            profile=profile,
        )
        .returning(table.c.id)
    )
    dossier_id = result.scalar_one()
    db.session.commit()
    return dossier_id


def _profiles() -> dict[int, tuple[dict | None, int]]:
    rows = db.session.execute(sa.text("SELECT id, profile, version FROM dossier")).all()
    # end the read's transaction: on PostgreSQL it would hold a lock that a migration's
    # ALTER TABLE on another connection waits for
    db.session.rollback()
    return {
        row.id: (
            json.loads(row.profile) if isinstance(row.profile, str) else row.profile,
            row.version,
        )
        for row in rows
    }


def test_version_1_dossiers_are_upgraded_with_every_answer_kept(old_app):
    with old_app.app_context():
        stored = {_store(json.loads(p.read_text(encoding="utf-8"))): p.stem for p in V1}
        empty = _store(None)  # a dossier started but never saved
        upgrade()
        after = _profiles()
        for dossier_id, name in stored.items():
            original = json.loads(
                (ROOT / "tests" / "fixtures" / "profile-v1" / f"{name}.json").read_text(
                    encoding="utf-8"
                )
            )
            profile, version = after[dossier_id]
            assert profile == v2_to_v3(v1_to_v2(original)), name
            assert profile["schema_version"] == 3
            assert version == 3  # each upgrade bumps it: a form opened before is merged
            assert parse_profile(profile).model_dump(mode="json") == profile
        assert after[empty] == (None, 1)


def test_the_downgrade_restores_version_1_and_refuses_to_drop_new_answers(old_app):
    with old_app.app_context():
        original = json.loads(V1[0].read_text(encoding="utf-8"))
        plain = _store(original)
        upgrade()
        downgrade(revision=BEFORE)
        assert _profiles()[plain][0] == original
        upgrade()
        profile = _profiles()[plain][0]
        profile["money"]["advice_cost"] = 14_000
        db.session.execute(
            sa.text("UPDATE dossier SET profile = :p WHERE id = :i").bindparams(
                sa.bindparam("p", type_=sa.JSON)
            ),
            {"p": profile, "i": plain},
        )
        db.session.commit()
        with pytest.raises(SystemExit):  # flask-migrate reports the refusal and exits
            downgrade(revision=BEFORE)
        db.session.rollback()
        assert _profiles()[plain][0]["money"]["advice_cost"] == 14_000


def _who() -> tuple[list[str], list[str]]:
    actors = [
        r[0] for r in db.session.execute(sa.text("SELECT actor FROM audit_event ORDER BY id")).all()
    ]
    authors = [
        r[0]
        for r in db.session.execute(
            sa.text("SELECT created_by FROM plan_snapshot ORDER BY id")
        ).all()
    ]
    db.session.rollback()  # the read ends: a migration after it may alter plan_snapshot
    return actors, authors


def test_audit_actors_become_codes_and_back(old_app):
    """Before: Dutch words ('bestuur', 'adviseur:<e-mail>'); after: codes the pages
    render in the reader's language. Nothing else in the rows changes."""
    with old_app.app_context():
        upgrade(revision="b7e1c2d3a4f5")
        dossier_id = _store(None)
        now = dt.datetime.now(dt.UTC)
        for actor in ("bestuur", "adviseur:an@team.nl", "adviseur:adviseur:x@y.nl"):
            db.session.execute(
                sa.text(
                    "INSERT INTO audit_event (dossier_id, at, actor, action) "
                    "VALUES (:d, :at, :a, 'answers_changed')"
                ),
                {"d": dossier_id, "at": now, "a": actor},
            )
        for author in ("bestuur", "adviseur:an@team.nl"):
            db.session.execute(
                sa.text(
                    "INSERT INTO plan_snapshot (dossier_id, created_at, created_by, engine_version, "
                    "knowledge_version, plan) VALUES (:d, :at, :a, '1', 'k', :p)"
                ).bindparams(sa.bindparam("p", type_=sa.JSON)),
                {"d": dossier_id, "at": now, "a": author, "p": {}},
            )
        db.session.commit()
        upgrade()
        assert _who() == (
            ["board", "advisor:an@team.nl", "advisor:adviseur:x@y.nl"],
            ["board", "advisor:an@team.nl"],
        )
        downgrade(revision="b7e1c2d3a4f5")
        assert _who() == (
            ["bestuur", "adviseur:an@team.nl", "adviseur:adviseur:x@y.nl"],
            ["bestuur", "adviseur:an@team.nl"],
        )


V3 = "c7d8e9f0a1b2"  # the register and the results


def _result() -> dict:
    return {
        "id": 1,
        "decision": "committee",
        "meeting_date": "2027-03-04",
        "total": 24,
        "present": 20,
        "yes": 15,
        "no": 3,
        "blank": 2,
        "outcome": "passed",
        "rule": "ordinary_quorum_half",
        "quorum_needed": 12,
        "yes_needed": 10,
        "recorded_at": "2027-03-05T09:00:00+00:00",
        "recorded_by": "board",
    }


def test_version_3_adds_the_register_and_refuses_a_downgrade_that_would_drop_a_result(old_app):
    with old_app.app_context():
        upgrade(revision="d6e7f8a9b0c1")  # the last revision of version-2 profiles
        original = v1_to_v2(json.loads(V1[0].read_text(encoding="utf-8")))
        plain = _store(original)
        upgrade(revision=V3)
        profile, _ = _profiles()[plain]
        assert profile == v2_to_v3(original)
        taken = db.session.execute(sa.text("SELECT decisions_taken FROM dossier")).scalars().all()
        db.session.rollback()
        assert taken == [0]
        downgrade(revision="d6e7f8a9b0c1")
        assert _profiles()[plain][0] == original
        upgrade(revision=V3)
        profile = _profiles()[plain][0]
        profile["results"] = [_result()]
        db.session.execute(
            sa.text("UPDATE dossier SET profile = :p WHERE id = :i").bindparams(
                sa.bindparam("p", type_=sa.JSON)
            ),
            {"p": profile, "i": plain},
        )
        db.session.commit()
        assert parse_profile(profile).results[0].passed
        with pytest.raises(SystemExit):
            downgrade(revision="d6e7f8a9b0c1")
        db.session.rollback()
        assert _profiles()[plain][0]["results"] == [_result()]


def _furthest() -> dict[int, int]:
    rows = db.session.execute(sa.text("SELECT id, furthest_step FROM dossier")).all()
    db.session.rollback()
    return {row.id: row.furthest_step for row in rows}


def test_the_register_step_moves_each_dossiers_later_steps_up_one_and_back(old_app):
    """The register comes sixth: a dossier resumes where it was, a finished one stays
    finished; the downgrade returns every number (the register's own to "stemmen")."""
    with old_app.app_context():
        upgrade(revision=V3)
        ids = {step: _store(None, furthest_step=step) for step in range(9)}
        upgrade()
        assert _furthest() == {ids[s]: s if s < 6 else s + 1 for s in range(9)}
        downgrade(revision=V3)
        assert _furthest() == {ids[s]: s for s in range(9)}


def test_the_live_shares_index_comes_and_goes_with_its_migration(database_uri):
    """The dashboard counts an organisation's dossiers from its live consents alone: a
    partial index on (organisation, dossier) where not revoked (benchmarks/dashboard.py)."""
    app = make_app(database_uri)

    def live_index():
        found = [
            index
            for index in sa.inspect(db.engine).get_indexes("share")
            if index["name"] == "ix_share_live_organisation_dossier"
        ]
        return found[0] if found else None

    with app.app_context():
        upgrade()
        index = live_index()
        assert index is not None
        assert index["column_names"] == ["organisation_id", "dossier_id"]
        downgrade(revision="b8c9d0e1f2a3")
        db.session.remove()
        assert live_index() is None
        upgrade()
        assert live_index() is not None
        db.session.remove()
        db.engine.dispose()


WITH_ID = (
    "name",
    "municipality",
    "heat_route",
    "stage",
    "status",
    "updated_at",
    "rights",
    "furthest_step",
    "decisions_taken",
)


def _dossier_indexes() -> set[str]:
    if db.engine.dialect.name == "postgresql":  # expression and trigram indexes too
        query = "SELECT indexname FROM pg_indexes WHERE tablename = 'dossier' AND schemaname = current_schema()"
        with db.engine.connect() as conn:
            return set(conn.exec_driver_sql(query).scalars())
    return {index["name"] for index in sa.inspect(db.engine).get_indexes("dossier")}


def _trigrams_available() -> bool:
    with db.engine.connect() as conn:
        return (
            conn.exec_driver_sql(
                "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
            ).scalar()
            is not None
        )


def test_the_dashboard_indexes_come_and_go_with_their_migration(database_uri):
    """A page deep in the list walks an index ending in the id, on both databases; on
    PostgreSQL a search by name reads a trigram index (where the server has pg_trgm),
    the postcode search and the summary indexes of their own (benchmarks/dashboard.py)."""
    from vve.models import POSTGRESQL_ONLY_INDEXES

    app = make_app(database_uri)
    sorted_by = {f"ix_dossier_{column}_id" for column in WITH_ID}
    single = {f"ix_dossier_{column}" for column in WITH_ID[:6]}
    with app.app_context():
        upgrade()
        found = _dossier_indexes()
        assert sorted_by <= found and not single & found
        if db.engine.dialect.name == "postgresql":
            expected = set(POSTGRESQL_ONLY_INDEXES)
            if not _trigrams_available():
                expected.discard("ix_dossier_name_trgm")
            assert expected <= found
        else:
            assert not POSTGRESQL_ONLY_INDEXES & found
        downgrade(revision="a9b8c7d6e5f4")
        db.session.remove()
        found = _dossier_indexes()
        assert single <= found and not (sorted_by | POSTGRESQL_ONLY_INDEXES) & found
        upgrade()
        assert sorted_by <= _dossier_indexes()
        db.session.remove()
        db.engine.dispose()


class _NoExtensions:
    """A PostgreSQL connection whose server has no pg_trgm to offer."""

    def exec_driver_sql(self, statement):
        return self

    def scalar(self):
        return None


def test_without_pg_trgm_the_migration_makes_no_trigram_index():
    import importlib.util

    path = ROOT / "migrations" / "versions" / "f5a6b7c8d9e0_dashboard_indexes_at_scale.py"
    spec = importlib.util.spec_from_file_location("dashboard_indexes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.trigram_schema(_NoExtensions()) is None
