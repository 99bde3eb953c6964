"""The advisors' forms: share code, municipal registration and plan, CSV import, new
account, house style."""

from __future__ import annotations

from flask_wtf.file import FileField
from wtforms import EmailField, PasswordField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from vve.fields import Between, CleanForm, TolerantIntegerField, choices
from vve.terms import lazy_pairs
from vve.translate import lazy_gettext as _l
from vve.vocabulary import ADVISOR_ROLES, HEAT_ROUTES, PLAN_STATUSES


class CodeForm(CleanForm):
    code = StringField(
        _l("Deelcode van het bestuur"),
        validators=[InputRequired(_l("Vul de deelcode in.")), Length(max=40)],
        description=_l("Twaalf tekens, bijvoorbeeld ABCD-EFGH-JKLM."),
    )


class ClaimForm(CleanForm):
    municipality = StringField(
        _l("Gemeente"),
        validators=[InputRequired(_l("Vul de naam van de gemeente in.")), Length(max=100)],
        description=_l(
            "Uw organisatie bedient deze gemeente. Registreerde nog geen andere organisatie "
            "haar, dan beheert uw organisatie haar warmteplannen en postcodetabel."
        ),
    )


class MunicipalPlanForm(CleanForm):
    municipality = StringField(
        _l("Gemeente"), validators=[InputRequired(_l("Vul de gemeente in.")), Length(max=100)]
    )
    neighbourhood = StringField(
        _l("Wijk of buurt"),
        validators=[Optional(), Length(max=200)],
        description=_l("Leeg: geldt voor de hele gemeente."),
    )
    status = RadioField(
        _l("Status van het wijkuitvoeringsplan"),
        choices=choices(lazy_pairs(PLAN_STATUSES)),
        default="none",
    )
    preferred_route = SelectField(
        _l("Voorkeursroute"),
        choices=choices([("", _l("Geen")), *lazy_pairs(HEAT_ROUTES)]),
        default="",
    )
    expected_year = TolerantIntegerField(
        _l("Verwacht jaar"),
        validators=[Optional(), Between(2000, 2100)],
        kind="year",
    )
    notes = TextAreaField(_l("Toelichting"), validators=[Optional(), Length(max=2000)])
    source = StringField(
        _l("Bron"),
        validators=[Optional(), Length(max=500)],
        description=_l("Bijvoorbeeld het raadsbesluit of de webpagina van de gemeente."),
    )

    def values(self) -> dict[str, object]:
        """The plan as the municipal service takes it."""
        return {
            "municipality": self.municipality.data.strip(),
            "neighbourhood": (self.neighbourhood.data or "").strip(),
            "status": self.status.data,
            "preferred_route": self.preferred_route.data or None,
            "expected_year": self.expected_year.data,
            "notes": self.notes.data or "",
            "source": self.source.data or "",
        }


class UploadForm(CleanForm):
    file = FileField(_l("CSV-bestand"))


class ImportForm(UploadForm):
    """Which table the CSV fills: the postcode areas or the municipal plans."""

    kind = RadioField(
        _l("Wat staat er in het bestand?"),
        default="plans",
        choices=choices([("plans", _l("Warmteplannen")), ("postcodes", _l("Postcodetabel"))]),
    )


class UserForm(CleanForm):
    name = StringField(
        _l("Naam"), validators=[InputRequired(_l("Vul een naam in.")), Length(max=200)]
    )
    email = EmailField(
        _l("E-mailadres"),
        validators=[InputRequired(_l("Vul een e-mailadres in.")), Length(max=254)],
    )
    password = PasswordField(
        _l("Eerste wachtwoord"),
        validators=[InputRequired(_l("Vul een wachtwoord in."))],
        description=_l(
            "Ten minste 12 tekens; geef het de adviseur persoonlijk door. Het werkt een week, "
            "en bij de eerste keer inloggen kiest de adviseur een eigen wachtwoord."
        ),
    )
    role = RadioField(_l("Rol"), choices=choices(lazy_pairs(ADVISOR_ROLES)), default="advisor")
