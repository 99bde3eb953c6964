"""The advisors' dashboard: an organisation's shared dossiers, filtered, sorted, paged,
summed per municipality and exported as CSV. Queries only; the one commit is the export's
entry in the security-event log."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, func, literal_column, or_, text
from sqlalchemy.sql.elements import UnaryExpression

from vve.extensions import db
from vve.models import Dossier, Share, User
from vve.vocabulary import STAGES

from . import audit

PAGE_SIZE = 25
SORTABLE = {
    "name": Dossier.name,
    "municipality": Dossier.municipality,
    "rights": Dossier.rights,
    "progress": Dossier.furthest_step,
    "stage": Dossier.stage,
    "decisions": Dossier.decisions_taken,
    "route": Dossier.heat_route,
    "changed": Dossier.updated_at,
}
CSV_HEADERS = (
    "naam",
    "gemeente",
    "postcode",
    "appartementsrechten",
    "stap",
    "fase",
    "besluiten genomen",
    "warmteroute",
    "status",
    "laatst gewijzigd",
)
# Where a spreadsheet may start a cell: the text's start, or after a character that some
# spreadsheet takes for a separator or a line end (a file opened with ',' or tab instead
# of ';'); quotes in between do not help. A formula start there gets an apostrophe.
_FORMULA = re.compile(r"(^|[,;\t\r\n])(?=\"*[=+\-@\t\r])")


@dataclass(frozen=True)
class DashboardQuery:
    municipality: str = ""
    status: str = ""
    route: str = ""
    search: str = ""
    sort: str = "changed"
    descending: bool = True
    page: int = 1

    def __post_init__(self) -> None:
        # PostgreSQL refuses NUL in text; no filter can mean one (the web layer refuses
        # them too, vve/errors.py: this keeps every other caller safe)
        for name in ("municipality", "status", "route", "search"):
            object.__setattr__(self, name, getattr(self, name).replace("\x00", ""))

    def codes(self) -> dict[str, Any]:
        """The filters for the audit log: codes and names of places, never the search text
        (it may be a VvE's name or postcode), only whether there was one."""
        return {
            "municipality": self.municipality,
            "status": self.status,
            "route": self.route,
            "search": bool(self.search.strip()),
            "sort": self.sort,
            "descending": self.descending,
        }


def _visible(organisation_id: int) -> Select[Any]:
    shared = db.select(Share.dossier_id).where(
        Share.organisation_id == organisation_id, Share.revoked_at.is_(None)
    )
    return db.select(Dossier).where(Dossier.id.in_(shared))


def _order(query: DashboardQuery) -> tuple[UnaryExpression[Any], UnaryExpression[Any]]:
    """The column, then the id, both in the query's direction: the order of an index on
    (column, id) read forwards or backwards, so a page deep in the list is found by
    walking that index alone (migration ``f5a6b7c8d9e0``)."""
    column = SORTABLE.get(query.sort, Dossier.updated_at)
    if query.descending:
        return column.desc(), Dossier.id.desc()
    return column.asc(), Dossier.id.asc()


def _filtered(organisation_id: int, query: DashboardQuery) -> Select[Any]:
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
        statement = statement.where(
            or_(
                # what is typed is searched for as typed: "%" and "_" are no wildcards
                # (PostgreSQL still uses its indexes with the ESCAPE clause)
                Dossier.name.ilike(f"%{_literal(term)}%", escape="\\"),
                # the spaces as SQL text, not parameters: PostgreSQL matches the
                # expression to its index (ix_dossier_postcode_compact) when planning
                func.replace(Dossier.postcode, literal_column("' '"), literal_column("''")).like(
                    f"{_literal(postcode)}%", escape="\\"
                ),
            )
        )
    return statement


def _literal(text: str) -> str:
    """``text`` for a LIKE pattern with backslash as its escape: matched as typed."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filters(query: DashboardQuery) -> bool:
    return bool(query.municipality or query.status or query.route or query.search)


def _count(organisation_id: int, query: DashboardQuery, statement: Select[Any]) -> int:
    """How many dossiers the page's filters leave. Without filters the organisation's
    consents alone answer it: the distinct dossiers of its live consents, read in order
    from ``ix_share_live_organisation_dossier`` (12 ms for 100,000 on PostgreSQL, where
    joining the dossiers took 70, and ``count(DISTINCT ...)``, sorting them, 20). With
    filters, the dossiers are asked for in id order: PostgreSQL then merges them with
    that index (a status's 33,000 dossiers from ``ix_dossier_status_id``: 11 ms, where
    hashing the consents took 45; a search every name matches: 65 ms instead of 90)."""
    if not _filters(query):
        live = (
            db.select(Share.dossier_id)
            .where(Share.organisation_id == organisation_id, Share.revoked_at.is_(None))
            .distinct()
        )
        return db.session.execute(db.select(func.count()).select_from(live.subquery())).scalar_one()
    ids = statement.with_only_columns(Dossier.id).order_by(Dossier.id)
    return db.session.execute(db.select(func.count()).select_from(ids.subquery())).scalar_one()


def shown_page(query: DashboardQuery, total: int) -> int:
    """The page a request gets: its number, or the last page for one past the end."""
    return min(max(query.page, 1), page_count(total))


def dashboard(organisation_id: int, query: DashboardQuery) -> tuple[list[Dossier], int]:
    """One page of the organisation's dossiers and the total; a fixed number of queries.
    A page past the end is the last page. A page in the back half is read from the other
    end, in the reverse order, so its OFFSET stays below half the total (the last page of
    100,000 dossiers skips none instead of 99,975)."""
    statement = _filtered(organisation_id, query)
    total = _count(organisation_id, query, statement)
    offset = (shown_page(query, total) - 1) * PAGE_SIZE
    if offset <= total // 2:
        return _page(statement, _order(query), offset, PAGE_SIZE), total
    size = min(PAGE_SIZE, total - offset)
    backwards = _order(replace(query, descending=not query.descending))
    return _page(statement, backwards, total - offset - size, size)[::-1], total


def _page(
    statement: Select[Any], order: Sequence[UnaryExpression[Any]], offset: int, size: int
) -> list[Dossier]:
    """The rows at ``offset`` in ``order``, in one statement: a deferred join. The OFFSET
    skips ids only (read from the sort column's index, which ends in the id), and only
    the page's own rows are read whole: at 100,000 dossiers the middle page skipped
    50,000 whole rows before."""
    ids = statement.with_only_columns(Dossier.id).order_by(*order).offset(offset).limit(size)
    page = ids.subquery()
    rows = db.select(Dossier).join(page, Dossier.id == page.c.id).order_by(*order)
    return list(db.session.execute(rows).scalars())


def page_count(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def municipalities_of(organisation_id: int) -> list[str]:
    """The municipalities of the organisation's dossiers, for the filter. Read as a skip
    scan of the municipality index (one step per municipality in the table, a few hundred
    at most in the Netherlands), each checked for one visible dossier: not a pass over
    every visible dossier (80 ms for 100,000 on PostgreSQL)."""
    found = db.session.execute(
        text(
            """
            WITH RECURSIVE m(name) AS (
                SELECT min(municipality) FROM dossier WHERE municipality > ''
                UNION ALL
                SELECT (SELECT min(municipality) FROM dossier WHERE municipality > m.name)
                FROM m WHERE m.name IS NOT NULL
            )
            SELECT name FROM m
            WHERE name IS NOT NULL AND (
                -- a scalar subquery with LIMIT: one probe per municipality, where EXISTS
                -- would be planned as one join over every visible dossier
                SELECT 1 FROM dossier d JOIN share s ON s.dossier_id = d.id
                WHERE d.municipality = m.name AND s.organisation_id = :organisation
                    AND s.revoked_at IS NULL
                LIMIT 1
            ) IS NOT NULL
            """
        ),
        {"organisation": organisation_id},
    ).scalars()
    return sorted(found)


def municipality_summary(organisation_id: int) -> list[dict[str, Any]]:
    """Per municipality: VvEs, apartment rights, decisions the meetings took, and counts
    by stage (where each dossier really is) and by route. One pass over the visible
    dossiers, grouped by municipality, stage and route and summed up here. The dossiers
    are asked for in id order, so PostgreSQL merges two indexes read alone (the live
    consents' and ``ix_dossier_summary``, migration ``f5a6b7c8d9e0``): 41 ms for 100,000,
    where hashing them took 60."""
    columns = (
        Dossier.municipality,
        Dossier.stage,
        Dossier.heat_route,
        Dossier.rights,
        Dossier.decisions_taken,
    )
    visible = _visible(organisation_id).with_only_columns(*columns).order_by(Dossier.id).subquery()
    groups = db.session.execute(
        db.select(
            visible.c.municipality,
            visible.c.stage,
            visible.c.heat_route,
            func.count(),
            func.coalesce(func.sum(visible.c.rights), 0),
            func.coalesce(func.sum(visible.c.decisions_taken), 0),
        ).group_by(visible.c.municipality, visible.c.stage, visible.c.heat_route)
    ).all()
    summary: dict[str, dict[str, Any]] = {}
    for m, stage, route, n, rights, taken in groups:
        row = summary.setdefault(
            m,
            {
                "municipality": m,
                "vves": 0,
                "rights": 0,
                "decisions_taken": 0,
                "stages": {},
                "routes": {},
            },
        )
        row["vves"] += n
        row["rights"] += int(rights)
        row["decisions_taken"] += int(taken)
        row["stages"][stage or ""] = row["stages"].get(stage or "", 0) + n
        row["routes"][route or ""] = row["routes"].get(route or "", 0) + n
    order = {code: index for index, code in enumerate(STAGES)}
    for row in summary.values():  # the stages in the plan's order, unknown codes last
        row["stages"] = dict(
            sorted(row["stages"].items(), key=lambda item: order.get(item[0], len(order)))
        )
    return [summary[m] for m in sorted(summary)]


def csv_cell(value: object) -> str | int:
    """No spreadsheet formula injection from a VvE's name: wherever a cell could start in
    the text (see ``_FORMULA``) and a formula character follows, an apostrophe goes in
    between. Whole numbers stay numbers (the writer leaves them unquoted)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return _FORMULA.sub(r"\1'", text)


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """CSV for a spreadsheet: ';'-separated, UTF-8 with a BOM, formulas defused. Every text
    field is quoted, and no cell can start a formula even when the file is opened with ','
    or tab as separator (a name such as ``,=2+5,``): quoting alone protects only the first
    field there, since a spreadsheet reads the later quotes as text."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(CSV_HEADERS)
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return "\ufeff" + out.getvalue()  # BOM: Excel opens UTF-8 correctly


def dashboard_csv(organisation_id: int, query: DashboardQuery) -> tuple[str, int]:
    """The organisation's dossiers as CSV, and how many there are."""
    statement = _filtered(organisation_id, query).order_by(*_order(query))
    rows = [
        (
            d.name,
            d.municipality,
            d.postcode,
            d.rights,
            d.furthest_step,
            d.stage,
            d.decisions_taken,
            d.heat_route,
            d.status,
            d.updated_at.date().isoformat(),
        )
        for d in db.session.execute(statement.execution_options(yield_per=500)).scalars()
    ]
    return csv_text(rows), len(rows)


def export_csv(user: User, query: DashboardQuery) -> str:
    """The dashboard as CSV for ``user``'s organisation, recorded in the security-event log
    (how many rows, which filters)."""
    text, rows = dashboard_csv(user.organisation_id, query)
    audit.security_event("csv_exported", user, detail={"rows": rows, "filters": query.codes()})
    db.session.commit()
    return text
