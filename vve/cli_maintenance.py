"""The operator's database commands' arguments (``vve migrate`` and the others that
vve.maintenance runs; docs/deploy.md). Only argparse here: ``vve.cli`` builds its parser
without loading Flask or a database driver."""

from __future__ import annotations

import argparse
from pathlib import Path

MAINTENANCE_COMMANDS = ("migrate", "deleted-dossiers", "purge-deleted", "prune-security-log")


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is geen aantal dagen; schrijf bijvoorbeeld 365")
    return value


def add_maintenance_commands(sub: argparse._SubParsersAction) -> None:
    """The operator's database commands (run by vve.maintenance; docs/deploy.md)."""
    sub.add_parser(
        "migrate",
        help="Werk de database bij tot de nieuwste versie (eenmaal per release, vóór de start).",
    )
    listing = sub.add_parser(
        "deleted-dossiers",
        help="Schrijf de publieke id's van alle verwijderde dossiers (grafstenen), één per regel.",
    )
    listing.add_argument("--out", type=Path, help="Bestand (standaard: stdout).")
    purge = sub.add_parser(
        "purge-deleted",
        help="Verwijder na het terugzetten van een back-up opnieuw elk dossier met een grafsteen.",
    )
    purge.add_argument(
        "--ids",
        type=Path,
        action="append",
        default=[],
        help="Lijst van 'vve deleted-dossiers' uit de vervangen database (mag vaker).",
    )
    purge.add_argument(
        "--dry-run", action="store_true", help="Laat alleen zien wat er zou gebeuren."
    )
    prune = sub.add_parser(
        "prune-security-log",
        help="Verwijder beveiligingsgebeurtenissen ouder dan de bewaartermijn (grafstenen blijven).",
    )
    prune.add_argument(
        "--older-than",
        type=_days,
        required=True,
        metavar="DAGEN",
        help="De bewaartermijn in dagen, uit het logbeleid van de gemeente of organisatie.",
    )
    prune.add_argument(
        "--dry-run", action="store_true", help="Laat alleen zien wat er zou gebeuren."
    )
