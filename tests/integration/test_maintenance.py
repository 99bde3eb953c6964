"""The operator's database commands as docs/deploy.md runs them: `vve migrate`,
`vve deleted-dossiers` and `vve purge-deleted`, on SQLite and PostgreSQL, and a real SQLite
backup restored over a database in which a board had deleted its dossier since."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from tests.integration.conftest import make_app
from vve.cli import main
from vve.extensions import db
from vve.models import SecurityEvent
from vve.services import audit, dossiers


@pytest.fixture
def use_database(monkeypatch):
    """Point the `vve` command at a database, as the environment of a server does."""

    def point(uri: str) -> None:
        monkeypatch.setenv("DATABASE_URL", uri)
        monkeypatch.setenv("SECRET_KEY", "maintenance-test")
        monkeypatch.setenv("VVE_ENV", "production")
        monkeypatch.setenv("VVE_TRUSTED_HOSTS", "warmteplan.example.nl")

    return point


def _start(uri: str, *names: str) -> list[str]:
    app = make_app(uri)
    with app.app_context():
        ids = []
        for name in names:
            dossier = dossiers.start_dossier().dossier
            dossiers.save_step(dossier, {"association.name": name}, 1, dossier.version)
            ids.append(dossier.public_id)
        db.session.remove()
        db.engine.dispose()
    return ids


def _delete_as_the_board_does(uri: str, public_id: str) -> None:
    """The deletion with its tombstone (the board's delete writes the same event)."""
    app = make_app(uri)
    with app.app_context():
        audit.security_event("dossier_deleted", actor=audit.BOARD, subject=public_id)
        dossiers.delete_dossier(dossiers.find_dossier(public_id))
        db.session.remove()
        db.engine.dispose()


def _existing(uri: str, ids: list[str]) -> list[str]:
    app = make_app(uri)
    with app.app_context():
        found = [i for i in ids if dossiers.find_dossier(i) is not None]
        db.session.remove()
        db.engine.dispose()
    return found


def test_migrate_makes_an_empty_database_current(database_uri, use_database, capsys):
    use_database(database_uri)
    assert main(["migrate"]) == 0
    assert "database bijgewerkt" in capsys.readouterr().err
    assert main(["deleted-dossiers"]) == 0  # the schema is there: the list is empty
    assert capsys.readouterr().out == ""


def test_purge_deleted_takes_lists_and_reports_in_dutch(
    app, database_uri, use_database, tmp_path, capsys
):
    back, kept = _start(database_uri, "VvE Terug", "VvE Blijft")
    listing = tmp_path / "grafstenen.txt"
    listing.write_text(f"# uit de vervangen database\n{back}\n", encoding="utf-8")
    use_database(database_uri)

    assert main(["purge-deleted", "--ids", str(listing), "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert captured.out.split() == [back] and "zou verwijderen" in captured.err
    assert _existing(database_uri, [back, kept]) == [back, kept]

    assert main(["purge-deleted", "--ids", str(listing)]) == 0
    assert capsys.readouterr().out.split() == [back]
    assert _existing(database_uri, [back, kept]) == [kept]
    assert main(["deleted-dossiers"]) == 0
    assert capsys.readouterr().out.split() == [back]


def test_a_bad_list_exits_2_and_deletes_nothing(app, database_uri, use_database, tmp_path, capsys):
    (public_id,) = _start(database_uri, "VvE Veilig")
    listing = tmp_path / "lijst.txt"
    listing.write_text(f"{public_id}\nDROP TABLE dossier;\n", encoding="utf-8")
    use_database(database_uri)
    assert main(["purge-deleted", "--ids", str(listing)]) == 2
    assert "regel 2" in capsys.readouterr().err
    assert main(["purge-deleted", "--ids", str(tmp_path / "weg.txt")]) == 2
    assert "niet te lezen" in capsys.readouterr().err
    assert _existing(database_uri, [public_id]) == [public_id]


def test_a_restored_sqlite_backup_does_not_bring_a_deleted_dossier_back(
    tmp_path, use_database, capsys
):
    live_uri = f"sqlite:///{tmp_path / 'live.sqlite3'}"
    use_database(live_uri)
    assert main(["migrate"]) == 0
    deleted, kept = _start(live_uri, "VvE Weg", "VvE Blijft")
    # the nightly backup, as docs/deploy.md makes it (sqlite3's online backup)
    with (
        sqlite3.connect(tmp_path / "live.sqlite3") as source,
        sqlite3.connect(tmp_path / "backup.sqlite3") as target,
    ):
        source.backup(target)
    _delete_as_the_board_does(live_uri, deleted)
    # before the restore: the tombstones of the database that is about to be replaced
    tombstones = tmp_path / "grafstenen.txt"
    assert main(["deleted-dossiers", "--out", str(tombstones)]) == 0
    assert tombstones.read_text(encoding="ascii").split() == [deleted]

    restored_uri = f"sqlite:///{tmp_path / 'backup.sqlite3'}"
    assert _existing(restored_uri, [deleted, kept]) == [deleted, kept]  # it came back
    use_database(restored_uri)
    capsys.readouterr()
    assert main(["purge-deleted", "--ids", str(tombstones)]) == 0
    assert capsys.readouterr().out.split() == [deleted]
    assert _existing(restored_uri, [deleted, kept]) == [kept]
    assert main(["deleted-dossiers"]) == 0  # the restored database now knows it too
    assert capsys.readouterr().out.split() == [deleted]


def test_the_operators_commands_need_no_host_names(database_uri, use_database, monkeypatch):
    """A migration or a purge serves no request: production's host names (which the web
    app must have) are not asked of the operator's shell."""
    use_database(database_uri)
    monkeypatch.delenv("VVE_TRUSTED_HOSTS")
    assert main(["migrate"]) == 0
    assert main(["deleted-dossiers"]) == 0


def _security_events(uri: str, events: list[tuple[str, int]]) -> None:
    """Security events (action, days ago), written as the app writes them."""
    app = make_app(uri)
    now = dt.datetime.now(dt.UTC)
    with app.app_context():
        for action, days in events:
            event = audit.security_event(action, actor=audit.SYSTEM, subject=f"{action}-{days}")
            event.at = now - dt.timedelta(days=days)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def _security_log(uri: str) -> list[tuple[str, str, dict | None]]:
    app = make_app(uri)
    with app.app_context():
        rows = db.session.execute(
            db.select(SecurityEvent.action, SecurityEvent.subject, SecurityEvent.detail).order_by(
                SecurityEvent.id
            )
        ).all()
        db.session.remove()
        db.engine.dispose()
    return [tuple(row) for row in rows]


def test_prune_security_log_deletes_what_is_older_and_keeps_every_tombstone(
    app, database_uri, use_database, capsys
):
    """The operator's retention period (the municipality's policy, never the app's own
    figure): older events go, tombstones stay (a restored backup needs them, docs/deploy.md),
    and the pruning is itself a security event."""
    _security_events(
        database_uri,
        [("login", 400), ("dossier_deleted", 400), ("login_failed", 366), ("login", 364)],
    )
    use_database(database_uri)

    assert main(["prune-security-log", "--older-than", "365", "--dry-run"]) == 0
    assert "2 beveiligingsgebeurtenissen ouder dan 365 dagen zou" in capsys.readouterr().err
    assert len(_security_log(database_uri)) == 4

    assert main(["prune-security-log", "--older-than", "365"]) == 0
    assert "2 beveiligingsgebeurtenissen ouder dan 365 dagen verwijderd" in capsys.readouterr().err
    assert _security_log(database_uri) == [
        ("dossier_deleted", "dossier_deleted-400", None),
        ("login", "login-364", None),
        ("security_log_pruned", "", {"older_than_days": 365, "deleted": 2}),
    ]
    assert main(["prune-security-log", "--older-than", "365"]) == 0  # again: nothing more
    assert "0 beveiligingsgebeurtenissen" in capsys.readouterr().err
    assert [row[0] for row in _security_log(database_uri)][:2] == ["dossier_deleted", "login"]


@pytest.mark.parametrize("days", ["0", "-5", "een jaar"])
def test_prune_security_log_needs_a_whole_number_of_days(days, database_uri, use_database, capsys):
    use_database(database_uri)
    with pytest.raises(SystemExit) as stopped:
        main(["prune-security-log", "--older-than", days])
    assert stopped.value.code == 2
    assert "--older-than" in capsys.readouterr().err
