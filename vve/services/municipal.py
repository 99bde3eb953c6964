"""Municipal heat plans (wijkuitvoeringsplannen): editing, CSV imports, and the dossiers
whose plans follow them."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, func, or_

from vve.extensions import db
from vve.models import MunicipalPlan, PostcodeArea, User
from vve.profile.model import clean_text
from vve.vocabulary import HEAT_ROUTES, PLAN_STATUSES

from .areas import normal_postcode
from .summaries import refresh_municipality

MAX_CSV_ROWS = 20000
MAX_CSV_ERRORS = 20


class MunicipalConflict(ValueError):
    """Another plan already covers this municipality and neighbourhood; Dutch message."""


class CsvError(ValueError):
    """An import refused as a whole; ``errors`` are Dutch lines for the admin."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


def municipal_plans() -> list[MunicipalPlan]:
    return list(
        db.session.execute(
            db.select(MunicipalPlan).order_by(
                MunicipalPlan.municipality, MunicipalPlan.neighbourhood
            )
        ).scalars()
    )


def municipal_plan(plan_id: int) -> MunicipalPlan | None:
    return db.session.get(MunicipalPlan, plan_id)


def save_municipal_plan(
    values: dict[str, Any], user: User, plan_id: int | None = None
) -> MunicipalPlan:
    """Create or change a plan, then refresh the dossiers of the municipalities involved."""
    plan = db.session.get(MunicipalPlan, plan_id) if plan_id else None
    same_area = _plan_for_area(values["municipality"], values["neighbourhood"])
    old_municipality = plan.municipality if plan is not None else None
    if plan is None and same_area is not None:
        plan = same_area  # the existing plan keeps its spelling of the name
    elif plan is None:
        plan = MunicipalPlan(
            municipality=values["municipality"], neighbourhood=values["neighbourhood"]
        )
        db.session.add(plan)
    elif same_area is not None and same_area.id != plan.id:
        raise MunicipalConflict("Voor deze gemeente en wijk bestaat al een plan; wijzig dat plan.")
    else:  # an explicit edit of this plan may correct its names
        plan.municipality, plan.neighbourhood = values["municipality"], values["neighbourhood"]
    for key in ("status", "preferred_route", "expected_year", "notes", "source"):
        setattr(plan, key, values.get(key))
    plan.notes = plan.notes or ""
    plan.source = plan.source or ""
    plan.updated_by = user.email
    db.session.commit()
    for name in {plan.municipality, old_municipality or plan.municipality}:
        refresh_municipality(name)
    return plan


def _plan_for_area(municipality: str, neighbourhood: str) -> MunicipalPlan | None:
    # SQLite's lower() folds ASCII only: the exact names are matched too, or a name with
    # "Ø" would miss its own plan and break the unique constraint.
    return (
        db.session.execute(
            db.select(MunicipalPlan)
            .where(
                or_(
                    and_(
                        func.lower(MunicipalPlan.municipality) == municipality.lower(),
                        func.lower(MunicipalPlan.neighbourhood) == neighbourhood.lower(),
                    ),
                    and_(
                        MunicipalPlan.municipality == municipality,
                        MunicipalPlan.neighbourhood == neighbourhood,
                    ),
                )
            )
            .order_by(MunicipalPlan.id)
        )
        .scalars()
        .first()
    )


def _rows(data: bytes, required: Iterable[str]) -> list[dict[str, str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvError(["Het bestand is geen UTF-8-tekst."]) from None
    text = str(clean_text(text))  # no NUL or other characters the database refuses
    sample = text[:2048]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise CsvError([f"Kolom ontbreekt: {', '.join(missing)}."])
    rows = list(reader)
    if len(rows) > MAX_CSV_ROWS:
        raise CsvError([f"Hoogstens {MAX_CSV_ROWS} regels per bestand."])
    return rows


def import_postcodes(data: bytes) -> int:
    """Postcode (or 4-digit area) to municipality and neighbourhood; all or nothing."""
    rows = _rows(data, ("postcode", "gemeente", "wijk"))
    errors, areas = [], {}
    for number, row in enumerate(rows, start=2):
        code = normal_postcode(row["postcode"])
        if not re.fullmatch(r"[1-9]\d{3}( [A-Z]{2})?", code) or not row["gemeente"].strip():
            errors.append(f"Regel {number}: postcode of gemeente ongeldig.")
            continue
        areas[code] = (row["gemeente"].strip(), row["wijk"].strip())
    if errors:
        raise CsvError(errors[:MAX_CSV_ERRORS])
    for code, (municipality, neighbourhood) in areas.items():
        db.session.merge(
            PostcodeArea(postcode=code, municipality=municipality, neighbourhood=neighbourhood)
        )
    db.session.commit()
    return len(areas)


def import_municipal_plans(data: bytes, user: User) -> int:
    """One plan per row, saved like an edit; all rows are checked before any is saved."""
    rows = _rows(data, ("gemeente", "wijk", "status", "route", "jaar", "toelichting", "bron"))
    errors, values = [], []
    for number, row in enumerate(rows, start=2):
        value = _plan_values(row)
        if value is None:
            errors.append(
                f"Regel {number}: gemeente, status ({'/'.join(PLAN_STATUSES)}), "
                f"route of jaar ongeldig."
            )
        else:
            values.append(value)
    if errors:
        raise CsvError(errors[:MAX_CSV_ERRORS])
    for value in values:
        save_municipal_plan(value, user)
    return len(values)


def _plan_values(row: dict[str, str]) -> dict[str, Any] | None:
    status, route, year = row["status"].strip(), row["route"].strip(), row["jaar"].strip()
    if (
        not row["gemeente"].strip()
        or status not in PLAN_STATUSES
        or (route and route not in HEAT_ROUTES)
        or (year and not re.fullmatch(r"20\d\d", year))
    ):
        return None
    return {
        "municipality": row["gemeente"].strip(),
        "neighbourhood": row["wijk"].strip(),
        "status": status,
        "preferred_route": route or None,
        "expected_year": int(year) if year else None,
        "notes": row["toelichting"].strip()[:2000],
        "source": row["bron"].strip()[:500],
    }
