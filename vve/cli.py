"""The ``vve`` command: check a profile, write a plan, publish the schema.

Bad input (missing file, invalid JSON, schema errors, a refused template) exits
with status 2 and Dutch messages with field paths, never a traceback; a PDF that
cannot be made (no LibreOffice) exits with 3 after the Word file is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from vve import __version__, cli_meeting, resources
from vve.cli_maintenance import MAINTENANCE_COMMANDS, add_maintenance_commands
from vve.cli_outcome import add_outcome_command, run_outcome
from vve.knowledge import load_knowledge
from vve.profile import Profile, ProfileError, json_schema, load_profile
from vve.rules import build_plan
from vve.rules.checks import check_plan
from vve.rules.serialize import plan_to_dict, plan_to_json

EXIT_BAD_INPUT = 2
EXIT_INCONSISTENT = 4  # the plan broke an invariant (development; production warns)


# argparse writes its own errors in English; these are the ones a user meets.
_ARGPARSE_DUTCH = (
    (re.compile(r"the following arguments are required: (.*)"), r"deze argumenten ontbreken: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"onbekende argumenten: \1"),
    (
        re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"),
        r"argument \1: ongeldige keuze \2 (kies uit \3)",
    ),
    (re.compile(r"argument (\S+): expected one argument"), r"argument \1: verwacht een waarde"),
    (re.compile(r"argument (\S+): invalid int value: (.*)"), r"argument \1: geen geheel getal: \2"),
)


def _dutch(message: str) -> str:
    for pattern, replacement in _ARGPARSE_DUTCH:
        message = pattern.sub(replacement, message)
    return message


class _DutchParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_BAD_INPUT,
            f"vve: fout in de opdracht: {_dutch(message)}\nGebruik 'vve --help' voor uitleg.\n",
        )


def _date(text: str) -> dt.date:
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2027-03-01"
        ) from None
    if not 2000 <= value.year <= 2090:
        raise argparse.ArgumentTypeError(f"{text!r}: kies een datum tussen 2000 en 2090")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _DutchParser(prog="vve", description="VvE Warmteplan: plan van aanpak aardgasvrij.")
    parser.add_argument("--version", action="version", version=f"vve {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_DutchParser)

    check = sub.add_parser("check", help="Controleer een profiel (JSON).")
    check.add_argument("profile", type=Path)

    plan = sub.add_parser("plan", help="Maak het plan van aanpak voor een profiel.")
    plan.add_argument("profile", type=Path)
    plan.add_argument(
        "--json",
        dest="json_out",
        type=Path,
        help="Schrijf het plan als JSON naar dit bestand (standaard: stdout).",
    )
    plan.add_argument(
        "--as-of",
        type=_date,
        default=None,
        help="Datum waarop het plan wordt gemaakt (standaard: vandaag).",
    )
    plan.add_argument(
        "--announced-rule-from",
        type=_date,
        default=None,
        help="Beheerder: de aangekondigde regel voor verduurzamingsbesluiten "
        "geldt vanaf deze datum.",
    )
    plan.add_argument("--docx", type=Path, help="Schrijf het plan als Word-document.")
    plan.add_argument(
        "--template",
        type=Path,
        help="Huisstijl (.docx) waarvan stijlen, kop- en voettekst worden gebruikt.",
    )
    plan.add_argument("--pdf", type=Path, help="Schrijf ook een PDF (via LibreOffice).")
    plan.add_argument(
        "--author", default="VvE Warmteplan", help="'Opgesteld door' op het voorblad."
    )
    plan.add_argument("--doc-version", default="1", help="Versie op het voorblad.")

    cli_meeting.add_parser(sub, _date)

    schema = sub.add_parser("schema", help="Schrijf het JSON Schema van het profiel.")
    schema.add_argument("--out", type=Path, help="Bestand (standaard: stdout).")

    serve = sub.add_parser("serve", help="Start de webwizard op http://127.0.0.1:5000.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=5000)

    _account_commands(sub)
    add_outcome_command(sub, _date)

    add_maintenance_commands(sub)

    examples = sub.add_parser("examples", help="Maak de plannen van alle voorbeeldprofielen.")
    examples.add_argument("--out", type=Path, default=Path("build/plans"))
    examples.add_argument("--as-of", type=_date, default=None)
    return parser


def _account_commands(sub) -> None:
    user = sub.add_parser("create-user", help="Maak een account voor een adviseur of beheerder.")
    user.add_argument("--email", required=True)
    user.add_argument("--name", required=True)
    user.add_argument("--organisation", required=True)
    user.add_argument("--role", choices=["advisor", "admin"], default="advisor")
    reset = sub.add_parser(
        "reset-second-factor",
        help="Zet de tweede factor van een account uit (telefoon kwijt, enige beheerder).",
    )
    reset.add_argument("--email", required=True)


class InputError(Exception):
    """A file that cannot be read; the message is Dutch and shown as is."""


def _read_profile(path: Path) -> Profile:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"bestand {path} bestaat niet.") from None
    except IsADirectoryError:
        raise InputError(f"{path} is een map, geen bestand.") from None
    except UnicodeDecodeError:
        raise InputError(f"bestand {path} is geen UTF-8-tekst.") from None
    except OSError as exc:
        raise InputError(f"bestand {path} is niet te lezen ({exc.strerror}).") from None
    return load_profile(text)


def _report(path: Path, exc: Exception) -> int:
    if isinstance(exc, InputError):
        print(f"vve: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    assert isinstance(exc, ProfileError)
    print(f"vve: {path} is geen geldig profiel ({len(exc.errors)} fout(en)):", file=sys.stderr)
    for error in exc.errors:
        print(f"  - {error}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        _write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", args.out)
        return 0
    if args.command == "examples":
        return _examples(args.out, args.as_of or dt.date.today())
    if args.command == "serve":
        return _serve(args.host, args.port)
    if args.command == "create-user":
        return _create_user(args)
    if args.command in MAINTENANCE_COMMANDS:
        from vve.maintenance import run

        return run(args)
    if args.command == "reset-second-factor":
        return _reset_second_factor(args.email)
    try:
        profile = _read_profile(args.profile)
    except (InputError, ProfileError) as exc:
        return _report(args.profile, exc)
    if args.command == "check":
        print(f"{args.profile}: geldig profiel voor {profile.association.name}.")
        return 0
    if args.command == "outcome":
        return run_outcome(profile, args)
    knowledge = load_knowledge()
    if getattr(args, "announced_rule_from", None):
        knowledge = knowledge.with_announced_rule(args.announced_rule_from)
    plan = plan_to_dict(build_plan(profile, args.as_of or dt.date.today(), knowledge))
    violations = check_plan(plan, knowledge)
    if violations:
        # a plan that contradicts itself must never reach an owners' meeting unnoticed
        print(
            "vve: interne controle van het plan mislukt; meld dit aan de ontwikkelaars:",
            file=sys.stderr,
        )
        for violation in violations:
            print(f"  - {violation}", file=sys.stderr)
        if os.environ.get("VVE_ENV", "development") != "production":
            return EXIT_INCONSISTENT
    if args.command == "meeting":
        return cli_meeting.write_pack(plan, args)
    try:
        if args.json_out or not (args.docx or args.pdf):
            _write(json.dumps(plan, ensure_ascii=False, indent=2) + "\n", args.json_out)
        if args.docx or args.pdf:
            return _documents(plan, args)
    except OSError as exc:
        print(
            f"vve: kan het bestand niet schrijven ({exc.strerror}: {exc.filename}).",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    return 0


def _documents(plan: dict, args: argparse.Namespace) -> int:
    """Word (and PDF) output; imported here so `vve check` needs no document libraries."""
    from vve.document import DocumentMeta, TemplateError, write_plan_docx
    from vve.document.pdf import PdfError, docx_to_pdf

    template = None
    if args.template:
        try:
            template = args.template.read_bytes()
        except OSError as exc:
            print(
                f"vve: huisstijl {args.template} is niet te lezen ({exc.strerror}).",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
    try:
        docx = write_plan_docx(plan, DocumentMeta(args.author, args.doc_version), template)
    except TemplateError as exc:
        print(f"vve: huisstijl {args.template}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.docx:
        args.docx.parent.mkdir(parents=True, exist_ok=True)
        args.docx.write_bytes(docx)
        print(f"{args.docx}: Word-document geschreven.", file=sys.stderr)
    if args.pdf:
        try:
            pdf, toc = docx_to_pdf(docx)
        except PdfError as exc:
            print(f"vve: geen PDF gemaakt. {exc}", file=sys.stderr)
            return 3
        args.pdf.parent.mkdir(parents=True, exist_ok=True)
        args.pdf.write_bytes(pdf)
        note = "" if toc else " (inhoudsopgave niet bijgewerkt: LibreOffice' Python ontbreekt)"
        print(f"{args.pdf}: PDF geschreven{note}.", file=sys.stderr)
    return 0


def _serve(host: str, port: int) -> int:
    """The README's run command: catalogs compiled, database upgraded, wizard served.

    Imported here so the engine commands never load Flask.
    """
    from flask_migrate import upgrade

    from vve.i18n import compile_catalogs
    from vve.web import create_app

    compile_catalogs()
    app = create_app()
    with app.app_context():
        upgrade()
    print(f"VvE Warmteplan: http://{host}:{port}/ (stop met Ctrl+C)", file=sys.stderr)
    app.run(host=host, port=port, debug=False, threaded=True)
    return 0


def _create_user(args: argparse.Namespace) -> int:
    """The first admin (and later accounts): password from VVE_PASSWORD or asked twice."""
    import getpass
    import os

    from flask_migrate import upgrade

    from vve.services.accounts import AccountError, create_user
    from vve.web import OFFLINE, create_app

    password = os.environ.get("VVE_PASSWORD")
    if password is None:
        password = getpass.getpass("Wachtwoord: ")
        if getpass.getpass("Nog een keer: ") != password:
            print("vve: de wachtwoorden zijn niet gelijk.", file=sys.stderr)
            return EXIT_BAD_INPUT
    app = create_app(OFFLINE)
    with app.app_context():
        upgrade()
        try:
            user = create_user(args.email, args.name, password, args.organisation, args.role)
        except AccountError as exc:
            print(f"vve: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        print(f"Account gemaakt: {user.email} ({user.role}, {user.organisation.name}).")
    return 0


def _reset_second_factor(email: str) -> int:
    """The operator's recovery for an organisation whose only admin lost his phone: the
    second factor goes (audited as the system), and he enrols again at his next login."""
    from flask_migrate import upgrade

    from vve.services import accounts, second_factor
    from vve.web import OFFLINE, create_app

    app = create_app(OFFLINE)
    with app.app_context():
        upgrade()
        user = accounts.user_by_email(email)
        if user is None:
            print(f"vve: geen account met het e-mailadres {email}.", file=sys.stderr)
            return EXIT_BAD_INPUT
        second_factor.reset(None, user.id)
        print(f"Tweede factor uitgezet voor {user.email}; alle sessies zijn beëindigd.")
    return 0


def _examples(out: Path, as_of: dt.date) -> int:
    """Every example's plan as JSON in one go: what the engine makes of the six fictional VvEs."""
    status = 0
    for path in sorted(resources.EXAMPLES.glob("*.json")):
        try:
            profile = _read_profile(path)
        except (InputError, ProfileError) as exc:
            status = _report(path, exc)
            continue
        target = out / f"{path.stem}.plan.json"
        _write(plan_to_json(build_plan(profile, as_of)), target)
        print(f"{target}: plan voor {profile.association.name}")
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
