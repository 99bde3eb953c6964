"""The operator's database commands of ``vve`` (docs/deploy.md): migrate, list the deleted
dossiers' tombstones, delete again what a restored backup brought back, and prune the
security log to the operator's retention period.

Kept apart from ``vve.cli`` so that the engine's commands never load Flask or a database
driver; each function takes the parsed arguments and returns the exit status.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from flask_migrate import upgrade

from vve.extensions import db
from vve.services import erasure, retention
from vve.web import OFFLINE, create_app

EXIT_BAD_INPUT = 2


def run(args: argparse.Namespace) -> int:
    app = create_app(OFFLINE)
    with app.app_context():
        try:
            upgrade()  # every command here works on the current schema
            if args.command == "migrate":
                print("vve: database bijgewerkt.", file=sys.stderr)
                return 0
            if args.command == "deleted-dossiers":
                return _list(args.out)
            if args.command == "prune-security-log":
                return _prune(args.older_than, args.dry_run)
            return _purge(args.ids, args.dry_run)
        finally:
            db.session.remove()
            db.engine.dispose()


def _list(out: Path | None) -> int:
    ids = erasure.deleted_public_ids()
    text = "".join(f"{public_id}\n" for public_id in ids)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="ascii")
    print(f"vve: {len(ids)} verwijderde dossier(s).", file=sys.stderr)
    return 0


def _purge(lists: list[Path], dry_run: bool) -> int:
    extra: set[str] = set()
    for path in lists:
        try:
            extra |= erasure.parse_tombstone_list(path.read_text(encoding="utf-8"))
        except OSError as exc:
            print(f"vve: {path} is niet te lezen ({exc.strerror}).", file=sys.stderr)
            return EXIT_BAD_INPUT
        except (UnicodeDecodeError, erasure.TombstoneListError) as exc:
            print(f"vve: {path}: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
    result = erasure.purge_deleted(extra, dry_run=dry_run)
    for public_id in result.deleted:
        print(public_id)
    verb = "zou verwijderen" if dry_run else "opnieuw verwijderd"
    print(
        f"vve: {len(result.deleted)} dossier(s) {verb}; "
        f"{len(result.tombstones_added)} grafsteen/grafstenen uit de lijst(en) "
        f"{'zouden worden' if dry_run else 'zijn'} toegevoegd.",
        file=sys.stderr,
    )
    return 0


def _prune(days: int, dry_run: bool) -> int:
    count = retention.prune_security_log(days, dry_run=dry_run)
    verb = "zou verwijderen" if dry_run else "verwijderd"
    print(
        f"vve: {count} beveiligingsgebeurtenissen ouder dan {days} dagen {verb}; "
        "grafstenen van verwijderde dossiers blijven.",
        file=sys.stderr,
    )
    return 0
