"""The voting-rules step's page: how many rows its lists show (one empty row beyond those
in use, more after "toevoegen"), errors that say their row, the owner groups' rights
against the building's, and what the page's script (static/votes.js) needs to fill the
rules in when another model is chosen."""

from __future__ import annotations

from collections.abc import Sequence

from flask import url_for

from vve import vocabulary
from vve.knowledge import load_knowledge
from vve.terms import label
from vve.translate import gettext as _

from .presenters import rule_text
from .votes import KINDS, building_rights, model_defaults, rule_of, shown_model

# button -> (list, query parameter, the new row's first input)
ROW_BUTTONS = {
    "more_owners": ("owners", "groepen", "kind"),
    "more_weights": ("weights", "regels", "label"),
}


# --- rows ------------------------------------------------------------------------------


def wanted_rows(args) -> dict[str, int]:
    """The rows a page asked for after "toevoegen" (``?groepen=3``, ``?regels=2``)."""
    wanted = {}
    for name, param, _first in ROW_BUTTONS.values():
        text = args.get(param, "")
        wanted[name] = int(text) if text.isdecimal() and len(text) < 6 else 0
    return wanted


def add_rows(form, wanted: dict[str, int] | None = None) -> None:
    """One empty row beyond the rows in use, and at least the rows asked for, within each
    list's maximum."""
    for name in ("owners", "weights"):
        if name not in form:
            continue
        rows = form[name]
        used = sum(1 for entry in rows if _has_content(entry.form))
        least = (wanted or {}).get(name, 0)
        while len(rows) < rows.max_entries and (len(rows) <= used or len(rows) < least):
            rows.append_entry()


def _has_content(row) -> bool:
    return any(
        field.errors or field.data not in (None, "", False)
        for field in row
        if field.type != "CSRFTokenField"
    )


def pressed(formdata) -> str | None:
    return next((button for button in ROW_BUTTONS if button in formdata), None)


def more_rows_target(formdata, form, public_id: str, slug: str) -> str | None:
    """After "Eigenaarsgroep toevoegen" or "Regel toevoegen": this page again with one row
    more than was posted, landing on the new row's first input; None for other buttons."""
    button = pressed(formdata)
    if button is None:
        return None
    name, param, first = ROW_BUTTONS[button]
    rows = min(len(form[name]) + 1, form[name].max_entries)
    return url_for(
        "wizard.step",
        public_id=public_id,
        slug=slug,
        **{param: rows},
        _anchor=f"{name}-{rows - 1}-{first}",
    )


def more_rows_info(formdata) -> str | None:
    button = pressed(formdata)
    if button == "more_owners":
        return _("Opgeslagen. Er staat een lege eigenaarsgroep klaar.")
    if button == "more_weights":
        return _("Opgeslagen. Er staat een lege regel in de stemmentabel klaar.")
    return None


# --- errors that say their row ------------------------------------------------------


def row_title(name: str, number: int) -> str:
    if name == "owners":
        return _("Eigenaarsgroep %(n)s", n=number)
    return _("Stemmentabel, regel %(n)s", n=number)


def name_rows(form) -> None:
    """Each error of a row says its row and field ("Eigenaarsgroep 2, Rechten: …"), next
    to the field and in the summary, also when read on its own."""
    for name in ("owners", "weights"):
        if name not in form:
            continue
        for number, entry in enumerate(form[name], start=1):
            for sub in entry.form:
                if not isinstance(sub.errors, list) or not sub.errors:
                    continue
                title = f"{row_title(name, number)}, {sub.label.text}"
                sub.errors = [
                    text if str(text).startswith(title + ":") else f"{title}: {text}"
                    for text in sub.errors
                ]


def error_field(form, path: str):
    """The input an engine error at ``owners.groups.1.rights`` or ``voting.weights.0.x``
    is about, or None. The index counts stored rows, which skip the empty ones."""
    for prefix, name, used in (
        ("owners.groups.", "owners", lambda row: bool(row.kind.data)),
        ("voting.weights.", "weights", lambda row: bool(row.rights.data)),
    ):
        if not path.startswith(prefix) or name not in form:
            continue
        index, _sep, column = path[len(prefix) :].partition(".")
        rows = [entry.form for entry in form[name] if used(entry.form)]
        if not index.isdigit() or int(index) >= len(rows):
            return None
        row = rows[int(index)]
        column = column.split(".")[0]
        return row[column] if column in row else next(iter(row))
    return None


# --- the groups' rights against the building's --------------------------------------


def rights_gap(rights: Sequence[int | None], building: int | None) -> int | None:
    """The building's rights minus the groups' (negative: the groups have more); None
    when there is nothing to compare: no groups, a group without its number of rights,
    or the building's number unknown."""
    if building is None or not rights or any(r is None for r in rights):
        return None
    return building - sum(r for r in rights if r is not None)


def rights_warning(form, profile: dict | None) -> str | None:
    """Groups with fewer rights than the building: what the plan does with the rest."""
    if "owners" not in form:
        return None
    rights = [row.form.rights.data for row in form.owners if row.form.kind.data]
    building = building_rights(profile)
    gap = rights_gap(rights, building)
    if gap is None or gap <= 0 or building is None:
        return None
    return _(
        "De groepen hebben samen %(groups)s van de %(building)s rechten; de overige "
        "%(rest)s horen bij geen enkele groep. Het plan telt ze als stemmen van de andere "
        "eigenaars wanneer het bekijkt wie een besluit kan tegenhouden. Weet u wie ze "
        "hebben? Voeg dan een groep toe.",
        groups=building - gap,
        building=building,
        rest=gap,
    )


# --- the rules and the script ---------------------------------------------------------


def rule_differs(form, kind: str) -> bool:
    """A rule on the page that is not the model's: the board's own (its fields open)."""
    return rule_of(form[kind].form) != model_defaults(shown_model(form))[kind]


def script_data() -> dict:
    """Every model's rules (from the same code the server fills them with) and the words
    static/votes.js needs, in the reader's language; "" is "weet ik niet"."""
    models = {}
    for code in ("", *vocabulary.MODEL_REGLEMENTS):
        rules = model_defaults(code or None)
        name = label(vocabulary.MODEL_REGLEMENTS, code) if code else ""
        models[code] = {
            "rules": rules,
            "words": {kind: rule_text(rules[kind]) for kind in KINDS},
            "announce": _("De stemregels zijn nu ingevuld volgens %(model)s.", model=name)
            if code
            else _(
                "De stemregels zijn nu ingevuld zoals het plan ze aanneemt zolang het "
                "modelreglement onbekend is."
            ),
        }
    return {
        "models": models,
        "changed": _("aangepast; zie hieronder"),
        "kept": _("Uw eigen regels en wat u hier zelf hebt gewijzigd, zijn niet overschreven."),
    }


def page(form, profile: dict | None) -> dict:
    """What the step's template shows besides the form."""
    return {
        "script": script_data(),
        "differs": {kind: rule_differs(form, kind) for kind in KINDS},
        "words": {kind: rule_text(rule_of(form[kind].form)) for kind in KINDS},
        "rights_warning": rights_warning(form, profile),
        # the rules shown are a model's only when a model of the knowledge is chosen
        "model_known": form["voting__model_reglement"].data in load_knowledge().models,
    }
