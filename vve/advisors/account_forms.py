"""The forms of logging in and of one's own account: password, code, second factor."""

from __future__ import annotations

from wtforms import EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length

from vve.fields import CleanForm
from vve.translate import lazy_gettext as _l

# A bound on what a login hashes; a new password is bounded by its policy (128 characters).
MAX_TYPED_PASSWORD = 1024


class LoginForm(CleanForm):
    email = EmailField(
        _l("E-mailadres"), validators=[InputRequired(_l("Vul uw e-mailadres in.")), Length(max=254)]
    )
    password = PasswordField(
        _l("Wachtwoord"),
        validators=[
            InputRequired(_l("Vul uw wachtwoord in.")),
            Length(max=MAX_TYPED_PASSWORD, message=_l("Dit wachtwoord is te lang.")),
        ],
    )


def _code_field(label):
    return StringField(
        label,
        validators=[
            InputRequired(_l("Vul de code uit de app in.")),
            Length(max=20, message=_l("Een code heeft zes cijfers.")),
        ],
        description=_l("Zes cijfers uit uw authenticator-app, bijvoorbeeld 123456."),
    )


class LoginCodeForm(CleanForm):
    code = _code_field(_l("Code uit de app"))


class PasswordChangeForm(CleanForm):
    current = PasswordField(
        _l("Huidig wachtwoord"),
        validators=[
            InputRequired(_l("Vul uw huidige wachtwoord in.")),
            Length(max=MAX_TYPED_PASSWORD, message=_l("Dit wachtwoord is te lang.")),
        ],
        description=_l("Na een herstel door de beheerder: het tijdelijke wachtwoord."),
    )
    new = PasswordField(
        _l("Nieuw wachtwoord"),
        validators=[
            InputRequired(_l("Vul een nieuw wachtwoord in.")),
            Length(max=MAX_TYPED_PASSWORD, message=_l("Dit wachtwoord is te lang.")),
        ],
        description=_l(
            "Ten minste 12 tekens. Een zin of vier losse woorden is sterk en goed te onthouden; "
            "uw naam, 'welkom' of '123456' wordt geweigerd."
        ),
    )
    repeat = PasswordField(
        _l("Nieuw wachtwoord nog een keer"),
        validators=[
            InputRequired(_l("Vul het nieuwe wachtwoord nog een keer in.")),
            EqualTo("new", message=_l("De twee nieuwe wachtwoorden zijn niet gelijk.")),
        ],
    )


class EnrolForm(CleanForm):
    token = HiddenField()
    code = _code_field(_l("Code uit de app"))


class DisableSecondFactorForm(CleanForm):
    password = PasswordField(
        _l("Uw wachtwoord"),
        validators=[
            InputRequired(_l("Vul uw wachtwoord in.")),
            Length(max=MAX_TYPED_PASSWORD, message=_l("Dit wachtwoord is te lang.")),
        ],
    )
