"""A step's page: its form as stored, and rendering it (shared by the step view and the
saving of a step)."""

from __future__ import annotations

from flask import render_template, request

from vve.security import has_grant
from vve.services import areas, concurrency, plans

from . import municipality, register_checks, tables, votes_page
from .forms import FORMS, answer_paths, form_data
from .steps import STEPS, VOTES_STEP
from .votes import prepare

TOTAL_STEPS = len(STEPS) + 1  # the questions plus "check your answers"


# Where a keyed table's rows come from: the measures of the dossier's plan as it stands.
KEY_SOURCES = {
    "measures": lambda dossier: tuple(
        m["id"] for m in (plans.make_plan(dossier) or {"measures": []})["measures"]
    )
}


# What a question's ``suggestions`` names: the words its input's list offers.
SUGGESTIONS = {"municipalities": areas.known_municipalities}


def table_keys(dossier, current) -> dict[str, tuple[str, ...]]:
    return {table.path: KEY_SOURCES[table.keys](dossier) for table in current.tables if table.keys}


def stored_form(dossier, current):
    """The step's form as stored now: its version and the digests of its answers."""
    form = FORMS[current.slug](
        formdata=None, data=form_data(current, dossier.profile, table_keys(dossier, current))
    )
    prepare(form, dossier.profile)
    mark_loaded(form, dossier, current)
    return form


def mark_loaded(form, dossier, current) -> None:
    form.version.data = str(dossier.version)
    form.original.data = concurrency.digests(dossier.profile, answer_paths(current))


def render(dossier, number, current, form, message=None, choices=(), rows=0):
    """The step's page; ``rows``: at least this many rows in its grid table (after "Meer
    rijen"). A grid's errors say their row; its warnings are about the rows on the page."""
    warnings: list[str] = []
    for table in current.tables:
        tables.add_empty_row(form[table.name], table, rows if table.grid else 0)
        if table.grid:
            tables.name_rows(form[table.name], table)
            if not form[table.name].errors:  # the errors first; then what disagrees
                shown = tables.table_value(table, form[table.name], None)
                warnings += register_checks.warnings(dossier.profile, shown)
    suggestions = {q.name: SUGGESTIONS[q.suggestions]() for q in current.questions if q.suggestions}
    votes = None
    if current.slug == VOTES_STEP:
        votes_page.add_rows(form, votes_page.wanted_rows(request.args))
        votes_page.name_rows(form)
        votes = votes_page.page(form, dossier.profile)
    return render_template(
        "wizard/step.html",
        offer=municipality.offer_on_page(current, form),
        suggestions=suggestions,
        dossier=dossier,
        step=current,
        number=number,
        total=TOTAL_STEPS,
        form=form,
        message=message,
        choices=choices,
        steps=STEPS,
        board=has_grant(dossier),
        warnings=warnings,
        votes=votes,
    )
