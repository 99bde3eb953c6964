"""Advisors' use cases: accounts, sharing with consent, dashboard queries, municipal plans.

Like vve.operations, the only place (for its area) that commits.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import secrets
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import and_, func, or_, update
from werkzeug.security import check_password_hash, generate_password_hash

from vve.extensions import db
from vve.profile.model import clean_text
from vve.models import (AuditEvent, Dossier, MunicipalPlan, Organisation, PlanSnapshot,
                        PostcodeArea, Share, User)

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
SHARE_CODE_DAYS = 14
MIN_PASSWORD = 12
PAGE_SIZE = 25
ROUTES = ("heat_network", "all_electric", "hybrid", "green_gas", "undecided")
PLAN_STATUSES = ("none", "in_preparation", "adopted")
SORTABLE = {"name": Dossier.name, "municipality": Dossier.municipality,
            "rights": Dossier.rights, "progress": Dossier.furthest_step,
            "stage": Dossier.stage, "route": Dossier.heat_route, "changed": Dossier.updated_at}
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


class AccountError(ValueError):
    """Dutch message for the person at the keyboard."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite returns naive datetimes; treat them as the UTC they were stored in."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


# --- accounts ------------------------------------------------------------------------

def create_user(email: str, name: str, password: str, organisation: str,
                role: str = "advisor") -> User:
    email = email.strip().lower()
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise AccountError("Vul een geldig e-mailadres in.")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Een wachtwoord heeft ten minste {MIN_PASSWORD} tekens.")
    if role not in ("advisor", "admin"):
        raise AccountError("Rol moet 'advisor' of 'admin' zijn.")
    if db.session.execute(db.select(User).where(User.email == email)).scalar_one_or_none():
        raise AccountError("Er is al een account met dit e-mailadres.")
    org = db.session.execute(db.select(Organisation).where(
        Organisation.name == organisation.strip())).scalar_one_or_none()
    if org is None:
        org = Organisation(name=organisation.strip())
        db.session.add(org)
    user = User(email=email, name=name.strip() or email, role=role, organisation=org,
                password_hash=generate_password_hash(password))
    db.session.add(user)
    db.session.commit()
    return user


_DUMMY_HASH = generate_password_hash("no user has this password")


def authenticate(email: str, password: str) -> User:
    """The user, or AccountError. Locks an account for a while after repeated failures."""
    user = db.session.execute(db.select(User).where(
        User.email == email.strip().lower())).scalar_one_or_none()
    refused = AccountError("E-mailadres of wachtwoord klopt niet, of het account is na te veel "
                           "pogingen een kwartier geblokkeerd.")
    if user is None or not user.active:
        check_password_hash(_DUMMY_HASH, password)  # same work: no hint which emails exist
        raise refused
    locked = _aware(user.locked_until)
    correct = check_password_hash(user.password_hash, password)  # always the same work
    if locked and locked > _now():
        raise refused
    if not correct:
        # one atomic UPDATE: parallel attempts cannot all read the same old count
        count = db.session.execute(
            update(User).where(User.id == user.id)
            .values(failed_logins=User.failed_logins + 1).returning(User.failed_logins)
        ).scalar_one()
        if count >= MAX_FAILED_LOGINS:
            db.session.execute(update(User).where(User.id == user.id).values(
                locked_until=_now() + dt.timedelta(minutes=LOCK_MINUTES), failed_logins=0))
        db.session.commit()
        raise refused
    user.failed_logins = 0
    user.locked_until = None
    db.session.commit()
    return user


def users_of(organisation_id: int) -> list[User]:
    return list(db.session.execute(db.select(User).where(
        User.organisation_id == organisation_id).order_by(User.name)).scalars())


def set_active(admin: User, user_id: int, active: bool) -> None:
    user = db.session.get(User, user_id)
    if user is None or user.organisation_id != admin.organisation_id or user.id == admin.id:
        raise AccountError("Deze gebruiker kunt u niet wijzigen.")
    user.active = active
    db.session.commit()


# --- sharing with consent ------------------------------------------------------------

def _code_hash(code: str) -> str:
    normal = re.sub(r"[^A-Z0-9]", "", code.upper())
    return hashlib.sha256(normal.encode("ascii")).hexdigest()


def create_share_code(dossier: Dossier) -> str:
    """A code the board gives to its advisors; shown once, stored as a hash."""
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    db.session.add(Share(dossier=dossier, code_hash=_code_hash(raw),
                         expires_at=_now() + dt.timedelta(days=SHARE_CODE_DAYS)))
    audit(dossier, "bestuur", "share_created")
    db.session.commit()
    return "-".join(raw[i:i + 4] for i in range(0, 12, 4))


def redeem_share(user: User, code: str) -> Dossier:
    share = db.session.execute(db.select(Share).where(
        Share.code_hash == _code_hash(code))).scalar_one_or_none()
    if share is None or share.revoked_at or share.redeemed_at or \
            _aware(share.expires_at) < _now():
        raise AccountError("Deze deelcode is onbekend, al gebruikt, ingetrokken of verlopen.")
    share.organisation_id = user.organisation_id
    share.redeemed_at = _now()
    audit(share.dossier, actor_of(user), "share_redeemed",
          {"organisation": user.organisation.name})
    db.session.commit()
    return share.dossier


def share_for_new_dossier(user: User, dossier: Dossier) -> None:
    """An advisor starts a dossier for a board: shared with the advisor's organisation."""
    db.session.add(Share(dossier=dossier, code_hash=_code_hash(secrets.token_hex(16)),
                         organisation_id=user.organisation_id, redeemed_at=_now(),
                         expires_at=_now()))
    audit(dossier, actor_of(user), "started_for_board")
    db.session.commit()


def shares_of(dossier: Dossier) -> list[Share]:
    return list(db.session.execute(db.select(Share).where(
        Share.dossier_id == dossier.id).order_by(Share.created_at)).scalars())


def revoke_share(dossier: Dossier, share_id: int) -> None:
    share = db.session.get(Share, share_id)
    if share is None or share.dossier_id != dossier.id:
        raise AccountError("Deze deling bestaat niet.")
    share.revoked_at = _now()
    audit(dossier, "bestuur", "share_revoked",
          {"organisation": share.organisation.name if share.organisation else None})
    db.session.commit()


def template_for_board(dossier: Dossier) -> tuple[bytes, str] | None:
    """A board's own download uses the house style of the organisation it shares with,
    when exactly one such organisation has one."""
    organisations = {s.organisation for s in shares_of(dossier)
                     if s.organisation is not None and s.revoked_at is None
                     and s.organisation.template}
    if len(organisations) != 1:
        return None
    org = organisations.pop()
    return org.template, org.template_name or "huisstijl.docx"


def organisation_can_see(organisation_id: int, dossier_id: int) -> bool:
    return db.session.execute(db.select(Share.id).where(
        Share.dossier_id == dossier_id, Share.organisation_id == organisation_id,
        Share.revoked_at.is_(None)).limit(1)).first() is not None


# --- audit -----------------------------------------------------------------------------

def actor_of(user: User | None) -> str:
    return f"adviseur:{user.email}" if user else "bestuur"


def audit(dossier: Dossier, actor: str, action: str, detail: dict | None = None) -> None:
    """Added to the session; the caller's commit stores it with the change itself."""
    db.session.add(AuditEvent(dossier_id=dossier.id, actor=actor, action=action, detail=detail))


def audit_log(dossier: Dossier) -> list[AuditEvent]:
    return list(db.session.execute(db.select(AuditEvent).where(
        AuditEvent.dossier_id == dossier.id).order_by(AuditEvent.at.desc(),
                                                      AuditEvent.id.desc())).scalars())


# --- the dashboard -----------------------------------------------------------------------

@dataclass(frozen=True)
class DashboardQuery:
    municipality: str = ""
    status: str = ""
    route: str = ""
    search: str = ""
    sort: str = "changed"
    descending: bool = True
    page: int = 1


def _visible(organisation_id: int):
    shared = db.select(Share.dossier_id).where(Share.organisation_id == organisation_id,
                                               Share.revoked_at.is_(None))
    return db.select(Dossier).where(Dossier.id.in_(shared))


def _order(query: DashboardQuery):
    column = SORTABLE.get(query.sort, Dossier.updated_at)
    return column.desc() if query.descending else column.asc()


def _filtered(organisation_id: int, query: DashboardQuery):
    statement = _visible(organisation_id)
    if query.municipality:
        statement = statement.where(Dossier.municipality == query.municipality)
    if query.status:
        statement = statement.where(Dossier.status == query.status)
    if query.route:
        statement = statement.where(Dossier.heat_route == query.route)
    if query.search:
        term = query.search.strip()
        postcode = re.sub(r"\s", "", term).upper()
        statement = statement.where(or_(
            Dossier.name.ilike(f"%{term}%"),
            func.replace(Dossier.postcode, " ", "").like(f"{postcode}%")))
    return statement


def dashboard(organisation_id: int, query: DashboardQuery) -> tuple[list[Dossier], int]:
    """One page of the organisation's dossiers and the total; a fixed number of queries."""
    statement = _filtered(organisation_id, query)
    total = db.session.execute(db.select(func.count()).select_from(
        statement.subquery())).scalar_one()
    rows = db.session.execute(statement.order_by(_order(query), Dossier.id).limit(PAGE_SIZE).offset(
        (max(query.page, 1) - 1) * PAGE_SIZE)).scalars()
    return list(rows), total


def municipalities_of(organisation_id: int) -> list[str]:
    visible = _visible(organisation_id).subquery()
    return [m for (m,) in db.session.execute(db.select(visible.c.municipality).distinct()
                                             .order_by(visible.c.municipality)) if m]


def municipality_summary(organisation_id: int) -> list[dict]:
    """Per municipality: VvEs, apartment rights, and counts by stage and by route."""
    visible = _visible(organisation_id).subquery()
    totals = db.session.execute(db.select(
        visible.c.municipality, func.count(), func.coalesce(func.sum(visible.c.rights), 0))
        .group_by(visible.c.municipality).order_by(visible.c.municipality)).all()
    stages = db.session.execute(db.select(visible.c.municipality, visible.c.stage, func.count())
                                .group_by(visible.c.municipality, visible.c.stage)).all()
    routes = db.session.execute(db.select(visible.c.municipality, visible.c.heat_route,
                                          func.count())
                                .group_by(visible.c.municipality, visible.c.heat_route)).all()
    summary = {m: {"municipality": m, "vves": n, "rights": int(r), "stages": {}, "routes": {}}
               for m, n, r in totals}
    for m, stage, n in stages:
        summary[m]["stages"][stage or ""] = n
    for m, route, n in routes:
        summary[m]["routes"][route or ""] = n
    return list(summary.values())


_FORMULA = re.compile(r"^[=+\-@\t\r]")


def _cell(value) -> str:
    """No spreadsheet formula injection from a VvE's name."""
    text = "" if value is None else str(value)
    return "'" + text if _FORMULA.match(text) else text


def dashboard_csv(organisation_id: int, query: DashboardQuery, headers: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(headers)
    statement = _filtered(organisation_id, query).order_by(_order(query), Dossier.id)
    for d in db.session.execute(statement.execution_options(yield_per=500)).scalars():
        writer.writerow([_cell(v) for v in (d.name, d.municipality, d.postcode, d.rights,
                                             d.furthest_step, d.stage, d.heat_route,
                                             d.status, d.updated_at.date().isoformat())])
    return "\ufeff" + out.getvalue()  # BOM: Excel opens UTF-8 correctly


# --- municipal heat plans ---------------------------------------------------------------

def municipal_plans() -> list[MunicipalPlan]:
    return list(db.session.execute(db.select(MunicipalPlan).order_by(
        MunicipalPlan.municipality, MunicipalPlan.neighbourhood)).scalars())


def save_municipal_plan(values: dict, user: User, plan_id: int | None = None) -> MunicipalPlan:
    plan = db.session.get(MunicipalPlan, plan_id) if plan_id else None
    # SQLite's lower() folds ASCII only: the exact names are matched too, or a name with
    # "Ø" would miss its own plan and break the unique constraint.
    same_area = db.session.execute(db.select(MunicipalPlan).where(or_(
        and_(func.lower(MunicipalPlan.municipality) == values["municipality"].lower(),
             func.lower(MunicipalPlan.neighbourhood) == values["neighbourhood"].lower()),
        and_(MunicipalPlan.municipality == values["municipality"],
             MunicipalPlan.neighbourhood == values["neighbourhood"])))
        .order_by(MunicipalPlan.id)).scalars().first()
    old_municipality = plan.municipality if plan is not None else None
    if plan is None and same_area is not None:
        plan = same_area  # the existing plan keeps its spelling of the name
    elif plan is None:
        plan = MunicipalPlan(municipality=values["municipality"],
                             neighbourhood=values["neighbourhood"])
        db.session.add(plan)
    elif same_area is not None and same_area.id != plan.id:
        raise AccountError("Voor deze gemeente en wijk bestaat al een plan; wijzig dat plan.")
    else:  # an explicit edit of this plan may correct its names
        plan.municipality, plan.neighbourhood = values["municipality"], values["neighbourhood"]
    for key in ("status", "preferred_route", "expected_year", "notes", "source"):
        setattr(plan, key, values.get(key))
    plan.notes = plan.notes or ""
    plan.source = plan.source or ""
    plan.updated_by = user.email
    db.session.commit()
    from vve.operations import refresh_summaries
    for name in {plan.municipality, old_municipality} - {None}:
        refresh_summaries(name)
    return plan


def normal_postcode(text: str) -> str:
    compact = re.sub(r"\s", "", text or "").upper()
    return f"{compact[:4]} {compact[4:]}" if len(compact) == 6 else compact


def municipal_plan_for(postcode: str | None, municipality: str | None,
                       neighbourhood: str | None = None) -> MunicipalPlan | None:
    """The neighbourhood's plan (by postcode, then 4-digit area, then the board's own
    answer), else the municipality's own."""
    area = None
    if postcode:
        full = normal_postcode(postcode)
        area = db.session.get(PostcodeArea, full) or db.session.get(PostcodeArea, full[:4])
    candidates = []
    if area:
        candidates += [(area.municipality, area.neighbourhood), (area.municipality, "")]
    if municipality and neighbourhood:
        candidates.append((municipality, neighbourhood))
    if municipality:
        candidates.append((municipality, ""))
    for name, area_name in candidates:
        plan = db.session.execute(db.select(MunicipalPlan).where(
            func.lower(MunicipalPlan.municipality) == name.lower(),
            func.lower(MunicipalPlan.neighbourhood) == area_name.lower())
            .order_by(MunicipalPlan.id)).scalars().first()
        if plan and plan.status != "none" and plan.preferred_route:
            return plan
    return None


class CsvError(ValueError):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


MAX_CSV_ROWS = 20000


def _rows(data: bytes, required: Iterable[str]) -> list[dict]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvError(["Het bestand is geen UTF-8-tekst."]) from None
    text = clean_text(text)  # no NUL or other characters the database refuses
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
    rows = _rows(data, ("postcode", "gemeente", "wijk"))
    errors, areas = [], {}
    for number, row in enumerate(rows, start=2):
        code = normal_postcode(row["postcode"])
        if not re.fullmatch(r"[1-9]\d{3}( [A-Z]{2})?", code) or not row["gemeente"].strip():
            errors.append(f"Regel {number}: postcode of gemeente ongeldig.")
            continue
        areas[code] = (row["gemeente"].strip(), row["wijk"].strip())
    if errors:
        raise CsvError(errors[:20])
    for code, (municipality, neighbourhood) in areas.items():
        db.session.merge(PostcodeArea(postcode=code, municipality=municipality,
                                      neighbourhood=neighbourhood))
    db.session.commit()
    return len(areas)


def import_municipal_plans(data: bytes, user: User) -> int:
    rows = _rows(data, ("gemeente", "wijk", "status", "route", "jaar", "toelichting", "bron"))
    errors, values = [], []
    for number, row in enumerate(rows, start=2):
        status, route, year = row["status"].strip(), row["route"].strip(), row["jaar"].strip()
        if not row["gemeente"].strip() or status not in PLAN_STATUSES or \
                (route and route not in ROUTES) or (year and not re.fullmatch(r"20\d\d", year)):
            errors.append(f"Regel {number}: gemeente, status ({'/'.join(PLAN_STATUSES)}), "
                          f"route of jaar ongeldig.")
            continue
        values.append({"municipality": row["gemeente"].strip(), "neighbourhood": row["wijk"].strip(),
                       "status": status, "preferred_route": route or None,
                       "expected_year": int(year) if year else None,
                       "notes": row["toelichting"].strip()[:2000],
                       "source": row["bron"].strip()[:500]})
    if errors:
        raise CsvError(errors[:20])
    for value in values:
        save_municipal_plan(value, user)
    return len(values)


# --- house style ------------------------------------------------------------------------

def set_template(organisation: Organisation, data: bytes, filename: str) -> None:
    from vve.document.template import load_template  # validates; raises TemplateError

    load_template(data, filename)
    organisation.template = data
    organisation.template_name = filename[:200]
    db.session.commit()


def snapshot(dossier: Dossier, snapshot_id: int) -> PlanSnapshot | None:
    found = db.session.get(PlanSnapshot, snapshot_id)
    return found if found is not None and found.dossier_id == dossier.id else None
