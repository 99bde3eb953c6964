"""``vve meeting``: the meeting pack of one planned meeting as Word files in a folder.

Bad input (an unknown meeting number, a refused house style, a folder that cannot be
written) exits with status 2 and a Dutch message; the paths written go to stdout, one a
line, in the order a secretary uses them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

EXIT_BAD_INPUT = 2


def add_parser(sub: argparse._SubParsersAction, date: Callable[[str], object]) -> None:
    meeting = sub.add_parser(
        "meeting",
        help="Schrijf de vergaderstukken (oproeping, agenda, toelichting, volmacht, "
        "presentielijst, notulen) van een vergadering uit het plan.",
    )
    meeting.add_argument("profile", type=Path)
    meeting.add_argument(
        "--meeting",
        dest="number",
        type=int,
        required=True,
        help="Het nummer van de vergadering in het plan (1 = de eerste).",
    )
    meeting.add_argument("--out", type=Path, required=True, help="Map voor de Word-bestanden.")
    meeting.add_argument(
        "--as-of", type=date, default=None, help="Datum van het plan (standaard: vandaag)."
    )
    meeting.add_argument("--place", help="Plaats en adres van de vergadering.")
    meeting.add_argument("--time", help="Aanvangstijd, bijvoorbeeld 19.30 uur.")
    meeting.add_argument("--chair", help="Naam van de voorzitter.")
    meeting.add_argument("--contact", help="Waar eigenaars terechtkunnen met vragen.")
    meeting.add_argument("--template", type=Path, help="Huisstijl (.docx).")
    meeting.add_argument("--author", default="VvE Warmteplan", help="Opgesteld door.")


def write_pack(plan: dict, args: argparse.Namespace) -> int:
    """Imported by the CLI only for this command, so `vve check` needs no Word library."""
    from vve.document import DocumentMeta
    from vve.document.meeting import (
        MeetingDetails,
        TemplateError,
        UnknownMeeting,
        write_meeting_pack,
    )

    template = None
    try:
        if args.template:
            template = args.template.read_bytes()
        files = write_meeting_pack(
            plan,
            args.number,
            MeetingDetails(args.place, args.time, args.chair, args.contact),
            template,
            DocumentMeta(args.author),
        )
        args.out.mkdir(parents=True, exist_ok=True)
        for name, data in files:
            (args.out / name).write_bytes(data)
            print(args.out / name)
    except UnknownMeeting as exc:
        print(f"vve: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except TemplateError as exc:
        print(f"vve: huisstijl {args.template}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(
            f"vve: kan niet schrijven of lezen ({exc.strerror}: {exc.filename}).",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    return 0
