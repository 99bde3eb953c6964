"""The voting-rules step ("Eigenaars en stemmen"): its owner-group and vote-table rows, the
rules per kind of decision as the chosen model reglement sets them, and profile <-> form.

The page's own behaviour (rows to show, errors that name their row, the groups' rights
against the building's, the data for static/votes.js) is in ``votes_page``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from wtforms import (
    BooleanField,
    FieldList,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, ValidationError

from vve import vocabulary
from vve.fields import Between, PlainForm, TolerantIntegerField, choices
from vve.knowledge import load_knowledge
from vve.profile.limits import MAX_OWNER_GROUPS, MAX_WEIGHT_ROWS
from vve.profile.model import ApartmentRights
from vve.profile.paths import get_path
from vve.terms import lazy_pairs
from vve.translate import lazy_gettext as _l

KINDS = ("ordinary", "qualified")
OWNER_KINDS = [("", _l("(lege regel)")), *lazy_pairs(vocabulary.OWNER_KINDS)]
SHARES = [
    pair for pair in lazy_pairs(vocabulary.FRACTIONS) if pair[0] in ("1/2", "2/3", "3/4", "4/5")
]
COMPARISONS = lazy_pairs(vocabulary.COMPARISONS)
BASES = lazy_pairs(vocabulary.RULE_BASES)
LENGTH_MESSAGE = _l("Gebruik hoogstens %(max)d tekens.")


class OwnerRow(PlainForm):
    kind = SelectField(_l("Soort eigenaar"), choices=choices(OWNER_KINDS), default="")
    name = StringField(
        _l("Naam (niet verplicht)"),
        validators=[Optional(), Length(max=200, message=LENGTH_MESSAGE)],
    )
    rights = TolerantIntegerField(_l("Rechten"), validators=[Optional(), Between(0, 100000)])
    votes = TolerantIntegerField(_l("Stemmen"), validators=[Optional(), Between(0, 100000000)])
    single_party = BooleanField(_l("Eén eigenaar"))

    def validate_kind(self, field):
        """A row with a name or numbers but no kind would be dropped: say so instead."""
        if not field.data and (
            self.name.data or self.rights.data is not None or self.votes.data is not None
        ):
            raise ValidationError(_l("Kies de soort eigenaar, of maak de regel leeg."))


class WeightRow(PlainForm):
    label = StringField(
        _l("Soort recht"), validators=[Optional(), Length(max=200, message=LENGTH_MESSAGE)]
    )
    rights = TolerantIntegerField(_l("Aantal rechten"), validators=[Optional(), Between(1, 100000)])
    votes_per_right = TolerantIntegerField(
        _l("Stemmen per recht"),
        validators=[Optional(), Between(0, 1000)],
    )

    def validate(self, extra_validators=None) -> bool:
        """A row with a kind of right or votes but no number of rights would be dropped:
        say so instead. (Not an inline validator: an empty number stops those.)"""
        valid = super().validate(extra_validators)
        rights = self.rights
        if (
            rights.data is None
            and not rights.errors
            and ((self.label.data or "").strip() or self.votes_per_right.data is not None)
        ):
            rights.errors = [
                *rights.errors,
                _l("Vul het aantal rechten in, of maak de regel leeg."),
            ]
            return False
        return valid


class RuleRow(PlainForm):
    quorum = SelectField(
        _l("Quorum (deel van alle stemmen)"),
        choices=choices([("", _l("geen quorum")), *SHARES]),
        default="",
    )
    quorum_comparison = RadioField(
        _l("Quorumgrens"), choices=choices(COMPARISONS), default="at_least"
    )
    majority = SelectField(_l("Meerderheid"), choices=choices(SHARES))
    base = SelectField(_l("Geteld over"), choices=choices(BASES), default="cast")
    comparison = RadioField(_l("Grens"), choices=choices(COMPARISONS), default="more_than")


def _validate_owners(form, field) -> None:
    """Groups with more rights than the building has (asked on the step "Het gebouw"):
    one of the two is wrong, and the plan's analysis of who can block a decision would
    rest on it. Fewer is allowed (the rest belong to no group): a warning, not an error."""
    building = getattr(form, "building_rights", None)
    filled = [row.form for row in field if row.form.kind.data]
    known = sum(row.rights.data for row in filled if row.rights.data is not None)
    if building is None or known <= building:
        return
    field.summary_target = next(row.rights.id for row in filled if row.rights.data is not None)
    raise ValidationError(
        _l(
            "De eigenaarsgroepen hebben samen %(groups)s rechten, meer dan de %(building)s "
            "appartementsrechten van het gebouw (stap Het gebouw). Verbeter de aantallen "
            "hier, of het aantal rechten bij Het gebouw.",
            groups=known,
            building=building,
        )
    )


def form_extras() -> dict[str, Any]:
    """The step's fields besides its questions: one row of each list to start with; the
    page adds an empty row beyond those in use, and more on request (votes_page)."""
    return {
        "owners": FieldList(
            FormField(OwnerRow),
            label=_l("Eigenaars"),
            min_entries=1,
            max_entries=MAX_OWNER_GROUPS,
        ),
        "weights": FieldList(
            FormField(WeightRow),
            label=_l("Stemmentabel"),
            min_entries=1,
            max_entries=MAX_WEIGHT_ROWS,
        ),
        "ordinary": FormField(RuleRow, label=_l("Gewone besluiten")),
        "qualified": FormField(RuleRow, label=_l("Besluiten met gekwalificeerde meerderheid")),
        "defaults_for": HiddenField(),
        "validate_owners": _validate_owners,
    }


# --- the rules a model sets ----------------------------------------------------------


def model_defaults(model: str | None) -> dict[str, dict]:
    """Quorum and majority per kind of decision as the chosen model reglement sets them
    (the knowledge data; the page's script gets these same values)."""
    knowledge = load_knowledge()
    spec = knowledge.models[model or "unknown"]
    rules = {
        "ordinary": knowledge.rules[spec.classes["ordinary"].rule],
        "qualified": knowledge.rules["qualified_two_thirds"],
    }
    return {
        kind: {
            "quorum": _frac(r.quorum) if r.quorum else "",
            "quorum_comparison": r.quorum_comparison,
            "majority": _frac(r.majority),
            "base": r.base,
            "comparison": r.comparison,
        }
        for kind, r in rules.items()
    }


def _frac(f: Fraction) -> str:
    return f"{f.numerator}/{f.denominator}"


RULE_KEYS = ("quorum", "quorum_comparison", "majority", "base", "comparison")


def rule_of(row) -> dict:
    return {key: (row[key].data or "") if key == "quorum" else row[key].data for key in RULE_KEYS}


def shown_model(form) -> str | None:
    """The model whose defaults the page was filled with (None: unknown, or not a model)."""
    shown = form.defaults_for.data or None
    return shown if shown in load_knowledge().models else None


def add_stored_shares(form, profile: dict | None) -> None:
    """Shares a board's reglement may have that the lists lack (say 3/5): offered too, so a
    save never replaces the board's own rule with a standard one."""
    if not hasattr(form, "ordinary"):
        return
    overrides = get_path(profile, "voting.overrides") or {}
    for kind in KINDS:
        row = form[kind].form
        for key in ("quorum", "majority"):
            value = (overrides.get(kind) or {}).get(key)
            if value and value not in [c.value for c in row[key].choices]:
                row[key].choices = [*row[key].choices, SelectChoice(value, value)]


def prepare(form, profile: dict | None) -> None:
    """What the form needs from the stored dossier: the board's own shares, and the
    building's number of rights to check the groups' against."""
    if not hasattr(form, "owners"):
        return
    add_stored_shares(form, profile)
    form.building_rights = building_rights(profile)


def building_rights(profile: dict | None) -> int | None:
    """The building's apartment rights (step "Het gebouw"); None while unknown."""
    stored = get_path(profile, "building.rights") or {}
    try:
        return ApartmentRights.model_validate(stored).total()
    except ValueError:  # a stored value the model refuses: nothing to compare with
        return None


# --- profile <-> form ------------------------------------------------------------------


def form_data(profile: dict | None) -> dict[str, Any]:
    groups = get_path(profile, "owners.groups") or []
    data: dict[str, Any] = {
        "owners": [dict(g, kind=g.get("kind") or "") for g in groups],
        "weights": get_path(profile, "voting.weights") or [],
    }
    model = get_path(profile, "voting.model_reglement")
    defaults = model_defaults(model)
    overrides = get_path(profile, "voting.overrides") or {}
    for kind in KINDS:
        chosen = overrides.get(kind)
        data[kind] = (
            {
                **defaults[kind],
                **{k: v for k, v in chosen.items() if v is not None},
                "quorum": chosen.get("quorum") or "",
            }
            if chosen
            else defaults[kind]
        )
    data["defaults_for"] = model or ""
    return data


def profile_values(form, model: str | None) -> dict[str, Any]:
    # row.form: a FormField's own .name and .label shadow the row's fields of that name
    return {
        "owners.groups": [
            {
                "kind": row.form.kind.data,
                "name": (row.form.name.data or "").strip() or None,
                "rights": row.form.rights.data,
                "votes": row.form.votes.data,
                "single_party": bool(row.form.single_party.data),
            }
            for row in form.owners
            if row.form.kind.data
        ],
        "voting.weights": [
            {
                "label": (row.form.label.data or "").strip() or "-",
                "rights": row.form.rights.data,
                "votes_per_right": row.form.votes_per_right.data,
            }
            for row in form.weights
            if row.form.rights.data
        ],
        "voting.overrides": overrides(form, model),
    }


def overrides(form, model: str | None, skip: frozenset = frozenset()) -> dict:
    """Only what differs from the model's defaults is the board's own rule; kinds in
    ``skip`` still show another model's defaults and are refilled instead."""
    defaults = model_defaults(model)
    found = {}
    for kind in KINDS:
        chosen = rule_of(form[kind].form)
        if kind not in skip and chosen != defaults[kind]:
            found[kind] = {**chosen, "quorum": chosen["quorum"] or None}
    return found


def stale_kinds(form) -> frozenset:
    """Rule kinds that still show the defaults of the model the page was shown with, while
    the board chose another model: those are refilled, the others are the board's own.
    (static/votes.js fills them in the browser and says so in ``defaults_for``.)"""
    if not hasattr(form, "defaults_for"):
        return frozenset()
    posted_model = form["voting__model_reglement"].data or ""
    shown_for = form.defaults_for.data or ""
    if shown_for == posted_model or (shown_for and shown_for not in load_knowledge().models):
        return frozenset()
    old = model_defaults(shown_for or None)
    return frozenset(k for k in KINDS if rule_of(form[k].form) == old[k])
