"""A step's page: its form as stored, and rendering it (shared by the step view and the
saving of a step)."""

from __future__ import annotations

from flask import render_template, request, url_for

from vve.profile.conditions import applies
from vve.security import has_grant
from vve.services import areas, concurrency, plans
from vve.translate import gettext as _

from . import municipality, register_checks, tables, votes_page
from .forms import FORMS, UNKNOWN_LABEL, answer_paths, form_data, reveal_values
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


RETURN_FIELD = "terug"  # the query parameter and hidden field of a change from the check page


def return_target(current) -> str | None:
    """The answer a change from the check page started at (``?terug=<name>`` on the link,
    a hidden field on the page after it): only the name of one of this step's answers,
    so the return is always to the check page and never elsewhere."""
    name = request.values.get(RETURN_FIELD, "")
    names = [q.name for q in current.questions] + [t.name for t in current.tables]
    if current.slug == VOTES_STEP:
        names += ["owners", "ordinary"]
    return name if name in names else None


def check_url(dossier, name: str) -> str:
    """The check page at one answer's row."""
    return url_for("wizard.check", public_id=dossier.public_id, _anchor="antwoord-" + name)


def conditions(dossier, current) -> tuple[set[str], dict[str, dict]]:
    """The questions not asked (an answer on an earlier step rules them out) and those
    revealed by a radio on this page: name -> the radio's name, its values under which the
    question applies, and a hint for a page without script."""
    skipped, reveals = set(), {}
    for q in (*current.questions, *current.tables):
        values = reveal_values(current, q)
        if values is None:
            if not applies(dossier.profile, q.path):
                skipped.add(q.name)
            continue
        controlling = next(c for c in current.questions if c.path == q.condition.when)
        reveals[q.name] = {
            "when": controlling.name,
            "values": values,
            "hint": _condition_hint(controlling, q.condition.values),
        }
    return skipped, reveals


def _condition_hint(controlling, values) -> str:
    """When to fill in a revealed question, in the fewest words: the answers it is for,
    or, when those are most of them, the answers it is not for."""
    if controlling.kind == "bool":  # a yes/no radio: its answers are True and False
        labels = {True: _("Ja"), False: _("Nee"), None: UNKNOWN_LABEL}
    else:
        labels = {**dict(controlling.choices), None: UNKNOWN_LABEL}
    excluded = [v for v in labels if v not in values]
    chosen = excluded if len(excluded) < len(values) else list(values)
    words = [f"'{labels[v]}'" for v in chosen]
    answers = (
        _("%(first)s of %(last)s", first=", ".join(words[:-1]), last=words[-1])
        if len(words) > 1
        else words[0]
    )
    if chosen is excluded:
        return _(
            "Niet nodig als u %(answers)s koos bij '%(question)s'.",
            answers=answers,
            question=controlling.label,
        )
    return _(
        "Alleen invullen als u %(answers)s koos bij '%(question)s'.",
        answers=answers,
        question=controlling.label,
    )


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
        returning=return_target(current),
        conditions=conditions(dossier, current),
    )
