"""Deleted stays deleted after a backup is restored: every dossier with a `dossier_deleted`
tombstone (here, or in the list kept from the replaced database) is deleted again, with
everything that hangs from it, and the tombstones end up in the restored database."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from vve.extensions import db
from vve.models import AuditEvent, Dossier, PlanSnapshot, SecurityEvent, Share, SharedPlan
from vve.services import audit, dossiers, erasure, plans, sharing

PUBLIC_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


def _full_dossier(name: str) -> Dossier:
    """A dossier with answers, an audit trail, a share code, a plan snapshot and the plan
    and figure shared by the workers."""
    dossier = dossiers.start_dossier().dossier
    dossiers.save_step(dossier, {"association.name": name}, 1, dossier.version)
    sharing.create_share_code(dossier)
    plans.record_snapshot(dossier, {"knowledge_version": "test"}, "board", b"docx")
    db.session.commit()
    plans.timeline(dossier).figure()  # the plan and its figure, shared
    return dossier


def _rows_of(dossier_id: int) -> dict[str, int]:
    counts = {}
    for model in (AuditEvent, PlanSnapshot, Share, SharedPlan):
        counts[model.__tablename__] = db.session.execute(
            db.select(db.func.count()).select_from(model).where(model.dossier_id == dossier_id)
        ).scalar_one()
    return counts


def _tombstones() -> list[tuple[str, str]]:
    return sorted(
        (e.subject, e.actor)
        for e in db.session.execute(
            db.select(SecurityEvent).where(SecurityEvent.action == "dossier_deleted")
        ).scalars()
    )


def test_a_dossier_on_the_list_from_the_replaced_database_is_deleted_again_with_its_rows(ctx):
    revived, kept = _full_dossier("VvE Terug"), _full_dossier("VvE Blijft")
    revived_id, public_id = revived.id, revived.public_id
    kept_rows = _rows_of(kept.id)
    assert all(kept_rows.values()) and _rows_of(revived_id) == kept_rows
    # "never-here" was created and deleted after the backup: only its tombstone comes back
    result = erasure.purge_deleted({public_id, "never-here"})
    assert result.deleted == [public_id]
    assert result.tombstones_added == sorted([public_id, "never-here"])
    db.session.expire_all()
    assert dossiers.find_dossier(public_id) is None
    assert _rows_of(revived_id) == {
        "audit_event": 0,
        "plan_snapshot": 0,
        "share": 0,
        "shared_plan": 0,
    }
    assert dossiers.find_dossier(kept.public_id) is not None
    assert _rows_of(kept.id) == kept_rows
    assert _tombstones() == sorted([(public_id, "system"), ("never-here", "system")])
    assert erasure.deleted_public_ids() == sorted([public_id, "never-here"])


def test_a_tombstone_in_this_database_is_enough(ctx):
    """A partial restore (the dossier tables from a backup, the log from today)."""
    dossier = _full_dossier("VvE Half")
    audit.security_event("dossier_deleted", actor=audit.BOARD, subject=dossier.public_id)
    db.session.commit()
    assert erasure.purge_deleted().deleted == [dossier.public_id]
    db.session.expire_all()
    assert db.session.execute(db.select(db.func.count()).select_from(Dossier)).scalar_one() == 0


def test_purging_twice_deletes_and_adds_nothing_the_second_time(ctx):
    dossier = _full_dossier("VvE Twee")
    erasure.purge_deleted({dossier.public_id})
    before = _tombstones()
    assert erasure.purge_deleted({dossier.public_id}) == erasure.PurgeResult([], [])
    assert _tombstones() == before


def test_a_dry_run_reports_and_changes_nothing(ctx):
    dossier = _full_dossier("VvE Proef")
    result = erasure.purge_deleted({dossier.public_id}, dry_run=True)
    assert result.deleted == [dossier.public_id]
    db.session.expire_all()
    assert dossiers.find_dossier(dossier.public_id) is not None
    assert _tombstones() == []


def test_many_tombstones_are_queried_in_chunks(ctx):
    wanted = [_full_dossier(f"VvE {n}").public_id for n in range(3)]
    filler = {f"gone-{n}" for n in range(erasure._CHUNK * 2)}
    result = erasure.purge_deleted(filler | set(wanted))
    assert result.deleted == sorted(wanted)
    assert len(erasure.deleted_public_ids()) == len(filler) + 3


@given(
    st.sets(st.text(PUBLIC_ID_ALPHABET, min_size=1, max_size=32), max_size=20),
    st.sampled_from(["", "  ", "\t", " # een opmerking"]),
)
def test_a_tombstone_list_reads_back_as_written(ids, decoration):
    text = "# van de oude database\n\n" + "".join(f"{i}{decoration}\n" for i in ids)
    assert erasure.parse_tombstone_list(text) == ids


@given(st.text(min_size=1, max_size=40).filter(lambda s: "#" not in s and s.splitlines() == [s]))
def test_a_line_that_is_no_public_id_is_refused_with_its_number(line):
    value = line.strip()
    if not value or all(c in PUBLIC_ID_ALPHABET for c in value) and len(value) <= 32:
        return  # a valid id or a blank line: read, not refused
    with pytest.raises(erasure.TombstoneListError, match="regel 2"):
        erasure.parse_tombstone_list(f"goed-id\n{line}\n")


def test_the_sql_in_the_deployment_guide_does_the_same(ctx):
    """docs/deploy.md gives SQL for operators without the `vve` command: it must work too."""
    guide = (Path(__file__).parents[3] / "docs" / "deploy.md").read_text(encoding="utf-8")
    block = guide.split("<!-- purge-sql -->", 1)[1].split("<!-- /purge-sql -->", 1)[0]
    sql = block.strip().removeprefix("```sql").removesuffix("```").strip().rstrip(";")
    revived, kept = _full_dossier("VvE Terug"), _full_dossier("VvE Blijft")
    revived_id = revived.id
    audit.security_event("dossier_deleted", actor=audit.BOARD, subject=revived.public_id)
    db.session.commit()
    db.session.execute(text(sql))
    db.session.commit()
    db.session.expire_all()
    assert [d.public_id for d in db.session.execute(db.select(Dossier)).scalars()] == [
        kept.public_id
    ]
    assert _rows_of(revived_id) == {
        "audit_event": 0,
        "plan_snapshot": 0,
        "share": 0,
        "shared_plan": 0,
    }
