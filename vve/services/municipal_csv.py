"""CSV imports of municipal plans and postcode areas: all or nothing.

Every row is checked first (its values, and that the importing organisation maintains its
municipality: ``vve.services.maintainers``); one bad row refuses the file with a Dutch
list of the rows at fault. Then every row is written, the dossiers of each municipality
involved are refreshed once, both trails are written, and everything is committed once:
the work is a few statements per file, not per row."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

from flask import current_app

from vve.extensions import db
from vve.models import MunicipalPlan, PostcodeArea, User
from vve.profile.model import clean_text
from vve.vocabulary import HEAT_ROUTES, PLAN_STATUSES

from . import maintainers
from .areas import normal_postcode
from .concurrency import retried
from .maintainers import municipality_key
from .municipal import apply_change, area_key, assign, changed_by, mark_changed

MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_CSV_ROWS = 20000
MAX_CSV_ERRORS = 20
MAX_MUNICIPALITY = 100
MAX_NEIGHBOURHOOD = 200
IN_CHUNK = 500  # values in one IN list: well below SQLite's and PostgreSQL's limits


class CsvError(ValueError):
    """An import refused as a whole; ``errors`` are Dutch lines for the admin."""

    def __init__(self, errors: list[str]):
        shown = errors[:MAX_CSV_ERRORS]
        if len(errors) > MAX_CSV_ERRORS:
            shown.append(f"En nog {len(errors) - MAX_CSV_ERRORS} regels met een fout.")
        self.errors = shown
        super().__init__("; ".join(shown))


def upload_limit() -> int:
    """The largest file read: ``MAX_CSV_BYTES``, or the request limit when that is lower
    (a larger request never reaches the view). The view reads one byte more, so a file
    over the limit is refused whole, never cut off and its first part imported."""
    request_limit = current_app.config.get("MAX_CONTENT_LENGTH") or MAX_CSV_BYTES
    return min(MAX_CSV_BYTES, request_limit)


def _rows(data: bytes, required: Iterable[str]) -> list[dict[str, str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvError(["Het bestand is geen UTF-8-tekst."]) from None
    text = str(clean_text(text))  # no NUL or other characters the database refuses
    sample = text[:2048]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter, restval="")
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise CsvError([f"Kolom ontbreekt: {', '.join(missing)}."])
    rows: list[dict[str, str]] = []
    for row in reader:
        if len(rows) >= MAX_CSV_ROWS:
            raise CsvError([f"Hoogstens {MAX_CSV_ROWS} regels per bestand."])
        rows.append({key: (value or "").strip() for key, value in row.items() if key})
    return rows


def _names_ok(municipality: str, neighbourhood: str) -> bool:
    return 0 < len(municipality) <= MAX_MUNICIPALITY and len(neighbourhood) <= MAX_NEIGHBOURHOOD


def _not_yours(number: int, name: str) -> str:
    return f"Regel {number}: uw organisatie beheert de gemeente {name} niet."


# --- plans ---------------------------------------------------------------------------


@retried
def import_municipal_plans(data: bytes, user: User) -> int:
    """One plan per row (a municipality and neighbourhood once per file), written like an
    edit; all rows are checked before any is written."""
    maintainers.require_editor(user)
    rows = _rows(data, ("gemeente", "wijk", "status", "route", "jaar", "toelichting", "bron"))
    values = _checked_plans(rows, user)
    existing = {
        area_key(p.municipality, p.neighbourhood): p
        for p in db.session.execute(db.select(MunicipalPlan)).scalars()
    }
    changed: set[tuple[str, str]] = set()
    new: list[dict[str, Any]] = []
    for value in values:
        key = area_key(value["municipality"], value["neighbourhood"])
        plan = existing.get(key)
        if plan is None:  # inserted together below: one statement, not one per row
            new.append({**value, **changed_by(user)})
            changed.add(key)
        elif assign(plan, value, user):
            mark_changed(plan, user)
            changed.add(key)
    if new:
        db.session.execute(db.insert(MunicipalPlan), new)
    names = sorted(
        {
            v["municipality"]
            for v in values
            if area_key(v["municipality"], v["neighbourhood"]) in changed
        }
    )
    if changed:
        db.session.flush()
        apply_change(
            user,
            "municipal_plans_imported",
            names=names,
            changed_areas=changed,
            subject=", ".join(names),
            detail={
                "rows": len(values),
                "plans_changed": len(changed),
                "municipalities": len(names),
            },
        )
        db.session.commit()
    return len(values)


def _checked_plans(rows: list[dict[str, str]], user: User) -> list[dict[str, Any]]:
    errors: list[str] = []
    values: list[dict[str, Any]] = []
    seen: dict[tuple[str, str], int] = {}
    refused = {
        municipality_key(n)
        for n in maintainers.not_maintained(user, [r["gemeente"] for r in rows if r["gemeente"]])
    }
    for number, row in enumerate(rows, start=2):
        value = _plan_values(row)
        if value is None:
            errors.append(
                f"Regel {number}: gemeente, status ({'/'.join(PLAN_STATUSES)}), "
                f"route of jaar ongeldig."
            )
            continue
        key = area_key(value["municipality"], value["neighbourhood"])
        if key[0] in refused:
            errors.append(_not_yours(number, value["municipality"]))
        elif key in seen:
            errors.append(f"Regel {number}: dezelfde gemeente en wijk als regel {seen[key]}.")
        seen.setdefault(key, number)
        values.append(value)
    if errors:
        raise CsvError(errors)
    return values


def _plan_values(row: dict[str, str]) -> dict[str, Any] | None:
    status, route, year = row["status"], row["route"], row["jaar"]
    if (
        not _names_ok(row["gemeente"], row["wijk"])
        or status not in PLAN_STATUSES
        or (route and route not in HEAT_ROUTES)
        or (year and not re.fullmatch(r"20\d\d", year))
    ):
        return None
    return {
        "municipality": row["gemeente"],
        "neighbourhood": row["wijk"],
        "status": status,
        "preferred_route": route or None,
        "expected_year": int(year) if year else None,
        "notes": row["toelichting"][:2000],
        "source": row["bron"][:500],
    }


# --- postcodes -------------------------------------------------------------------------


@retried
def import_postcodes(data: bytes, user: User) -> int:
    """Postcode (or 4-digit area) to municipality and neighbourhood; all or nothing. A
    postcode that points into another municipality now needs that one maintained too."""
    maintainers.require_editor(user)
    rows = _rows(data, ("postcode", "gemeente", "wijk"))
    areas = _checked_postcodes(rows)
    stored = _stored_areas(list(areas))
    _check_maintained(areas, stored, user)
    names: set[str] = set()
    for code, (_number, municipality, neighbourhood) in areas.items():
        area = stored.get(code)
        if area is None:
            db.session.add(
                PostcodeArea(postcode=code, municipality=municipality, neighbourhood=neighbourhood)
            )
        elif (area.municipality, area.neighbourhood) != (municipality, neighbourhood):
            names.add(area.municipality)
            area.municipality, area.neighbourhood = municipality, neighbourhood
        else:
            continue
        names.add(municipality)
    if names:
        db.session.flush()
        apply_change(
            user,
            "postcodes_imported",
            names=names,
            changed_areas=set(),
            subject=", ".join(sorted(names)),
            detail={
                "rows": len(areas),
                "municipalities": len({municipality_key(n) for n in names}),
            },
        )
        db.session.commit()
    return len(areas)


def _checked_postcodes(rows: list[dict[str, str]]) -> dict[str, tuple[int, str, str]]:
    """Postcode -> (line number, municipality, neighbourhood); CsvError for bad rows."""
    errors: list[str] = []
    areas: dict[str, tuple[int, str, str]] = {}
    for number, row in enumerate(rows, start=2):
        code = normal_postcode(row["postcode"])
        if not re.fullmatch(r"[1-9]\d{3}( [A-Z]{2})?", code) or not _names_ok(
            row["gemeente"], row["wijk"]
        ):
            errors.append(f"Regel {number}: postcode of gemeente ongeldig.")
        elif code in areas:
            errors.append(f"Regel {number}: postcode {code} staat al op regel {areas[code][0]}.")
        else:
            areas[code] = (number, row["gemeente"], row["wijk"])
    if errors:
        raise CsvError(errors)
    return areas


def _stored_areas(codes: list[str]) -> dict[str, PostcodeArea]:
    stored: dict[str, PostcodeArea] = {}
    for start in range(0, len(codes), IN_CHUNK):
        chunk = codes[start : start + IN_CHUNK]
        stored.update(
            (a.postcode, a)
            for a in db.session.execute(
                db.select(PostcodeArea).where(PostcodeArea.postcode.in_(chunk))
            ).scalars()
        )
    return stored


def _check_maintained(
    areas: dict[str, tuple[int, str, str]], stored: dict[str, PostcodeArea], user: User
) -> None:
    """Every row's municipality, and the one its postcode points into now, maintained."""
    names = [m for _n, m, _w in areas.values()] + [a.municipality for a in stored.values()]
    refused = {municipality_key(n) for n in maintainers.not_maintained(user, names)}
    errors = []
    for code, (number, municipality, _neighbourhood) in areas.items():
        old = stored.get(code)
        if municipality_key(municipality) in refused:
            errors.append(_not_yours(number, municipality))
        elif old is not None and municipality_key(old.municipality) in refused:
            errors.append(
                f"Regel {number}: postcode {code} hoort bij de gemeente {old.municipality}, "
                f"die uw organisatie niet beheert."
            )
    if errors:
        raise CsvError(errors)
