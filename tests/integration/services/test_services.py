"""The service layer called directly, as views call it: each use case commits what it
promises, audits it with codes, and raises its own area's exception."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from vve.extensions import db
from vve.models import AuditEvent, PlanSnapshot
from vve.services import (
    accounts,
    audit,
    dossiers,
    logins,
    maintainers,
    municipal,
    plans,
    sharing,
    throttle,
)

EXAMPLE = json.loads(
    (Path(__file__).parents[3] / "examples" / "emmen-galerijflat.json").read_text(encoding="utf-8")
)


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


def _advisor(email="an@team.nl", organisation="Team Drenthe", role="advisor"):
    return accounts.create_user(email, "An", "a long enough password", organisation, role)


def _events(dossier) -> list[tuple[str, str]]:
    return [(e.actor, e.action) for e in audit.log_of(dossier)]


def test_saving_a_step_merges_audits_and_refuses_a_stale_version(ctx):
    new = dossiers.start_dossier()
    dossier = new.dossier
    dossiers.save_step(dossier, {"association.name": "VvE De Eik"}, 1, dossier.version)
    assert dossier.profile["association"]["name"] == "VvE De Eik" and dossier.name == "VvE De Eik"
    assert _events(dossier) == [("board", "answers_changed"), ("board", "dossier_created")]
    with pytest.raises(dossiers.StaleDossier):
        dossiers.save_step(dossier, {"association.name": "Te laat"}, 1, dossier.version - 1)
    db.session.refresh(dossier)
    assert dossier.profile["association"]["name"] == "VvE De Eik"


def test_a_step_save_writes_the_dossier_once(ctx):
    """The answers and the dashboard's columns they change go to the database in one
    UPDATE at the commit: the municipal plan's lookups for the columns do not flush the
    answers first (a second round trip per save, on PostgreSQL a second network one)."""
    from sqlalchemy import event

    dossier = dossiers.start_dossier().dossier
    statements: list[str] = []

    def seen(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        answers = {"association.name": "VvE De Eik", "association.postcode": "7811 AB"}
        dossiers.save_step(dossier, answers, 1, dossier.version)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    updates = [s for s in statements if s.lstrip().upper().startswith("UPDATE DOSSIER")]
    assert len(updates) == 1, updates
    assert "profile" in updates[0] and "postcode" in updates[0]  # answers and columns
    db.session.expire_all()
    assert dossier.postcode == "7811 AB" and dossier.profile["association"]["name"] == "VvE De Eik"


def test_a_share_code_works_once_and_the_board_can_revoke_it(ctx):
    dossier = dossiers.start_dossier().dossier
    user = _advisor()
    code = sharing.create_share_code(dossier)
    assert sharing.redeem_share(user, code.lower()) is dossier
    assert sharing.organisation_can_see(user.organisation_id, dossier.id)
    with pytest.raises(sharing.ShareError):
        sharing.redeem_share(user, code)
    share = sharing.shares_of(dossier)[0]
    sharing.revoke_share(dossier, share.id)
    assert not sharing.organisation_can_see(user.organisation_id, dossier.id)
    assert [a for _, a in _events(dossier)] == [
        "share_revoked",
        "share_redeemed",
        "share_created",
        "dossier_created",
    ]
    assert ("advisor:an@team.nl", "share_redeemed") in _events(dossier)


def test_logins_are_refused_alike_and_lock(ctx):
    _advisor()
    client = "a" * 64
    with pytest.raises(accounts.LoginRefused) as unknown:
        logins.log_in("nobody@team.nl", "a long enough password", client)
    for _ in range(throttle.ACCOUNT_ADDRESS_LIMIT):
        with pytest.raises(accounts.LoginRefused) as wrong:
            logins.log_in("an@team.nl", "not the password", client)
    assert str(unknown.value) == str(wrong.value)
    with pytest.raises(accounts.LoginRefused):  # locked, even with the right password
        logins.log_in("an@team.nl", "a long enough password", client)
    # ... from that address only: the real user elsewhere is not locked out
    assert logins.log_in("an@team.nl", "a long enough password", "b" * 64).token


def test_a_second_plan_for_the_same_area_is_a_conflict(ctx):
    user = _advisor(role="admin")
    maintainers.claim_municipality(user, "Emmen")
    values = {
        "municipality": "Emmen",
        "neighbourhood": "Angelslo",
        "status": "adopted",
        "preferred_route": "heat_network",
        "expected_year": 2030,
    }
    first = municipal.save_municipal_plan(values, user)
    other = municipal.save_municipal_plan(dict(values, neighbourhood="Bargeres"), user)
    with pytest.raises(municipal.MunicipalConflict):
        municipal.save_municipal_plan(dict(values, neighbourhood="angelslo"), user, other.id)
    assert municipal.municipal_plan(first.id).neighbourhood == "Angelslo"


def test_a_municipal_plan_changes_the_route_of_its_dossiers(ctx):
    new = dossiers.import_profile(json.dumps(EXAMPLE).encode("utf-8"), furthest_step=10)
    before = new.dossier.heat_route
    route = "heat_network" if before != "heat_network" else "all_electric"
    admin = _advisor(role="admin")
    maintainers.claim_municipality(admin, "Emmen")
    municipal.save_municipal_plan(
        {
            "municipality": EXAMPLE["association"]["municipality"],
            "neighbourhood": "",
            "status": "adopted",
            "preferred_route": route,
            "expected_year": 2030,
        },
        admin,
    )
    db.session.refresh(new.dossier)
    assert new.dossier.heat_route == route
    assert plans.make_plan(new.dossier)["municipal_plan"]["preferred_route"] == route


def test_downloading_twice_keeps_one_snapshot_per_author(ctx):
    dossier = dossiers.import_profile(json.dumps(EXAMPLE).encode("utf-8"), 10).dossier
    plan = plans.make_plan(dossier)
    first = plans.record_download(dossier, None)
    again = plans.record_download(dossier, None)
    assert again.id == first.id  # handed out again, not written anew
    user = _advisor()
    plans.record_download(dossier, user)
    authors = [s.created_by for s in db.session.execute(db.select(PlanSnapshot)).scalars()]
    assert authors == ["board", "advisor:an@team.nl"]
    kept = plans.snapshot_download(dossier, first.id)
    assert kept is not None and kept.data == first.document
    name = plans.slug(plan["association"]["name"])
    made = first.created_at.date().isoformat()
    assert kept.filename == f"plan-van-aanpak-{name}-{made}.docx" and len(name) > 3
    assert plans.snapshot_download(dossier, 999) is None
    other = dossiers.import_profile(json.dumps(EXAMPLE).encode("utf-8"), 10).dossier
    db.session.flush()
    assert plans.snapshot_download(other, first.id) is None  # another dossier's
    downloads = db.select(db.func.count()).where(AuditEvent.action == "plan_downloaded")
    assert db.session.execute(downloads).scalar_one() == 2


def test_asking_again_reads_only_the_last_snapshot_and_no_document(ctx):
    """A second download of an unchanged plan compares with the last snapshot alone: it
    reads no stored Word document and no older snapshot's plan (a dossier keeps one
    snapshot per plan handed out, and each document is about 100 kB)."""
    from sqlalchemy import event

    dossier = dossiers.import_profile(json.dumps(EXAMPLE).encode("utf-8"), 10).dossier
    for year in (2027, 2028):  # older snapshots, of other plans
        older = plans.make_plan(dossier) | {"changed": year}
        plans.record_snapshot(dossier, older, "board", document=b"PK older")
    first = plans.record_download(dossier, None)
    db.session.commit()
    db.session.expire_all()
    statements: list[str] = []

    def seen(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        again = plans.record_download(dossier, None)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert again.id == first.id
    read = [s for s in statements if "plan_snapshot" in s]
    fetched = re.compile(r"plan_snapshot\.document(?!\s+IS\s+NOT\s+NULL)")  # its bytes
    assert read and not any(fetched.search(s) for s in read), read
    stored_plan = re.compile(r"plan_snapshot\.plan\b(?!_tag)")  # its ~120 kB of JSON
    assert not any(stored_plan.search(s) for s in read), read  # the tag said: the same plan
    assert all("LIMIT" in s.upper() for s in read if s.lstrip().upper().startswith("SELECT"))


def test_asking_again_on_another_worker_makes_no_plan(ctx, monkeypatch):
    """A second download of unchanged answers is known by the plan's tag alone: a worker
    that has not kept the plan (the first download was served by the other) neither makes
    it again nor reads the stored one."""
    dossier = dossiers.import_profile(json.dumps(EXAMPLE).encode("utf-8"), 10).dossier
    first = plans.record_download(dossier, None)
    db.session.commit()
    assert first.plan_tag and len(first.plan_tag) == 32
    plans.forget_plans()  # the other worker's empty cache
    made = []
    real = plans._plan
    monkeypatch.setattr(plans, "_plan", lambda *a: made.append(a) or real(*a))
    assert plans.record_download(dossier, None).id == first.id
    assert made == []


def test_a_snapshot_without_a_tag_is_compared_by_its_plan(ctx):
    """Snapshots stored before the tag was kept (plan_tag NULL) are still found again by
    comparing the plan itself, and a changed plan makes a new snapshot with its tag."""
    dossier = dossiers.import_profile(json.dumps(EXAMPLE).encode("utf-8"), 10).dossier
    old = plans.record_download(dossier, None)
    old.plan_tag = None
    db.session.commit()
    assert plans.record_download(dossier, None).id == old.id
    changed = json.loads(json.dumps(dossier.profile))
    changed["association"]["name"] = "VvE Anders"
    dossier.profile = changed
    db.session.commit()
    new = plans.record_download(dossier, None)
    assert new.id != old.id and new.plan_tag and new.plan_tag != old.plan_tag


def test_before_the_first_step_nothing_is_recorded(ctx):
    dossier = dossiers.start_dossier().dossier
    assert plans.record_download(dossier, None) is None
    assert db.session.execute(db.select(db.func.count(PlanSnapshot.id))).scalar_one() == 0
