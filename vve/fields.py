"""Form pieces every blueprint uses: fields that read what a Dutch board types (amounts,
whole numbers, breukdelen, interest rates; each keeps the typed text when it cannot read
it, so nothing is lost), choices, and a form base that cleans typed text.

Every whole number (a count, a year, a percentage, whole euros) is read by one parser,
``parse_whole`` (the rules are ``vve.profile.fields.read_whole``, which the register's
paste uses too): thousands grouped with spaces or dots ("1 000", "1.000"), "€ 36.000,-",
"60 %". Only the ambiguous is refused ("1,5" or "1.5" in a whole number, "1,000"), with
one message per kind of field that says what to type. A field that cannot be read gets
that one message and no other (no range check of a number that is not there)."""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

from babel import numbers, support
from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms import Form, IntegerField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.i18n import messages_path
from wtforms.validators import StopValidation, ValidationError
from wtforms.widgets import TextInput

from vve import translate, widgets
from vve.profile.fields import Unreadable, read_deed_share, read_whole
from vve.profile.model import clean_text
from vve.translate import gettext as _
from vve.translate import lazy_gettext as _l

INT_MESSAGE = _l("Vul een geheel getal in, bijvoorbeeld 36 of 1.000.")
RANGE_MESSAGE = _l("Vul een getal van %(min)s tot en met %(max)s in.")
NUMBER_MESSAGES = {
    "int": INT_MESSAGE,
    "year": _l("Vul een jaartal in, bijvoorbeeld 1975."),
    "percent": _l("Vul een percentage in als geheel getal, bijvoorbeeld 60 of 60%."),
    "euro": _l("Vul een bedrag in hele euro's in, bijvoorbeeld 125.000 of € 125.000."),
}
RANGE_MESSAGES = {
    "int": RANGE_MESSAGE,
    "year": _l("Vul een jaartal van %(min)s tot en met %(max)s in."),
    "percent": _l("Vul een percentage van %(min)s tot en met %(max)s in."),
}
SHARE_FORMAT_MESSAGE = _l("Vul een breukdeel in als breuk, bijvoorbeeld 87/10000.")
SHARE_ZERO_MESSAGE = _l("Het getal onder de breukstreep mag geen 0 zijn.")
SHARE_RANGE_MESSAGE = _l("Een breukdeel is groter dan 0 en ten hoogste 1, bijvoorbeeld 87/10000.")
SHARE_MESSAGES = {
    "share_format": SHARE_FORMAT_MESSAGE,
    "share_zero": SHARE_ZERO_MESSAGE,
    "share_range": SHARE_RANGE_MESSAGE,
}
RATE_FORMAT_MESSAGE = _l("Vul de rente in procenten in, bijvoorbeeld 3,69.")
RATE_RANGE_MESSAGE = _l("Vul een rente van 0 tot en met 20 procent in.")
RATE_PLACES_MESSAGE = _l("Gebruik hoogstens drie cijfers achter de komma.")


def choices(pairs) -> list[SelectChoice]:
    """Choices as WTForms wants them; values become text (a term of 20 years is "20")."""
    return [SelectChoice(str(value), label) for value, label in pairs]


class _WtformsTranslations:
    """WTForms' own messages (a number out of range, a missing CSRF token) in the request's
    language, from catalogues read once per worker: Flask-WTF reads one from disk on every
    request that builds a form."""

    def gettext(self, string: str) -> str:
        return _wtforms_catalogue(str(translate.locale())).ugettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return _wtforms_catalogue(str(translate.locale())).ungettext(singular, plural, n)


@functools.lru_cache(maxsize=8)
def _wtforms_catalogue(locale: str) -> support.NullTranslations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


WTFORMS_TRANSLATIONS = _WtformsTranslations()


class BaseForm(FlaskForm):
    """Every form's base: Flask-WTF's CSRF, WTForms' messages from ``WTFORMS_TRANSLATIONS``."""

    class Meta:
        def get_translations(self, form):
            return WTFORMS_TRANSLATIONS

        def render_field(self, field, render_kw):
            return widgets.render_field(field, render_kw)


class PlainForm(Form):
    """A form without CSRF of its own (a row of a table inside a step's form, a GET form),
    its widgets drawn as BaseForm's."""

    class Meta:
        def render_field(self, field, render_kw):
            return widgets.render_field(field, render_kw)


class CleanForm(BaseForm):
    """A form whose text fields drop characters no database or document can hold."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            filters = list(options.get("filters", ()))
            if unbound_field.field_class.__name__ in (
                "StringField",
                "TextAreaField",
                "EmailField",
                "PasswordField",
            ):
                filters.append(clean_text)
            options["filters"] = filters
            return unbound_field.bind(form=form, **options)


def refusal(reason: str, kind: str = "int", minimum: int = 0, maximum: int = 0) -> str:
    """The field's Dutch message for a number it refuses, by the reason
    ``vve.profile.fields.Unreadable`` gives ("range": outside ``minimum``..``maximum``);
    the register's paste words its refused numbers with it too."""
    if reason == "range":
        return range_message(kind, minimum, maximum)
    if reason == "too_large":
        return _("Dit bedrag is te groot.") if kind == "euro" else _("Dit getal is te groot.")
    if reason == "format":
        return str(NUMBER_MESSAGES[kind])
    return str(SHARE_MESSAGES[reason])


def parse_whole(text: str | None, kind: str = "int") -> int | None:
    """A whole number as a Dutch board types it, for a field of ``kind`` (int, year,
    percent, euro): None when empty, else the number (``read_whole``'s rules); ValueError
    with one Dutch message that says what to type."""
    try:
        return read_whole(text, kind)
    except Unreadable as unreadable:
        raise ValueError(refusal(unreadable.reason, kind)) from None


def number_text(number: int, kind: str = "int") -> str:
    """A number in a message: grouped the locale's way ("100.000"; Dutch outside a
    request, as every message), a year as it is."""
    if kind == "year":
        return str(number)
    return numbers.format_decimal(number, format="#,##0", locale=translate.locale())


def range_message(kind: str, minimum: int, maximum: int) -> str:
    message = RANGE_MESSAGES.get(kind, RANGE_MESSAGE)
    return str(message) % {
        "min": number_text(minimum, kind),
        "max": number_text(maximum, kind),
    }


class Between:
    """A whole number from ``minimum`` up to and including ``maximum``; the message says
    so in the field's own words, numbers grouped. No number (empty, or a text that could
    not be read and has its own message) is not checked."""

    def __init__(self, minimum: int | None, maximum: int | None):
        if minimum is None or maximum is None:
            raise ValueError("a whole-number field needs both ends of its range")
        self.minimum, self.maximum = minimum, maximum

    def __call__(self, _form, field) -> None:
        if field.data is not None and not self.minimum <= field.data <= self.maximum:
            kind = getattr(field, "kind", "int")
            raise ValidationError(range_message(kind, self.minimum, self.maximum))


class EuroField(StringField):
    """Whole euros as a Dutch board types them: 125.000, € 125.000, 36 000 or 125000,00."""

    data: Any
    kind = "euro"

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        self.raw = self.data
        text, self.data = self.data, None
        self.data = parse_whole(text, "euro")

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        if isinstance(self.data, int):
            return f"{self.data:,}".replace(",", ".")
        return self.data or ""


class TolerantIntegerField(IntegerField):
    """A whole number in a text input (type="number" would drop "1970-1975" silently in
    the browser), read by ``parse_whole`` for its ``kind``: int, year or percent. A text
    that cannot be read has one message: the field's other checks do not run."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, kind: str = "int", **kwargs):
        super().__init__(label, validators, **kwargs)
        self.kind = kind

    def process_formdata(self, valuelist):
        self.data = None
        if valuelist:
            self.data = parse_whole(valuelist[0], self.kind)

    def pre_validate(self, form):
        if self.process_errors:
            raise StopValidation()


def share_text(text: str) -> str:
    """The breukdeel as stored: "287/10.000" becomes "287/10000" (not reduced: the deed's
    own numbers are what the board recognises). ValueError as ``parse_share``."""
    numerator, denominator = _share_parts(text)
    return f"{numerator}/{denominator}"


def parse_share(text: str) -> Fraction:
    """A breukdeel as the deed writes it: "87/10000" (spaces and Dutch thousands allowed),
    more than 0 and at most 1. Raises ValueError with a Dutch message."""
    return Fraction(*_share_parts(text))


def _share_parts(text: str) -> tuple[int, int]:
    try:
        parts = read_deed_share(text)
    except Unreadable as unreadable:
        raise ValueError(refusal(unreadable.reason)) from None
    if parts is None:
        raise ValueError(str(SHARE_FORMAT_MESSAGE))
    return parts


class ShareField(StringField):
    """A breukdeel; ``data`` is "87/10000" as typed (without spaces), or None when empty.
    Not reduced here: the deed's own numbers are what the board recognises."""

    data: Any

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        text = (self.data or "").strip()
        if not text:
            self.data = None
            return
        self.data = None
        self.data = share_text(text)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return self.data or ""


_RATE = re.compile(r"^\d{1,3}(\.\d+)?$")


def parse_rate(text: str) -> str:
    """An interest rate in percent as typed ("3,69", "3.69", "3,69%") to the stored
    decimal string "3.69"; ValueError with a Dutch message otherwise."""
    cleaned = text.strip().removesuffix("%").strip().replace(",", ".")
    if not _RATE.match(cleaned):
        raise ValueError(str(RATE_FORMAT_MESSAGE))
    value = Decimal(cleaned)
    if value > 20:
        raise ValueError(str(RATE_RANGE_MESSAGE))
    if "." in cleaned and len(cleaned.split(".")[1].rstrip("0")) > 3:
        raise ValueError(str(RATE_PLACES_MESSAGE))
    return format(value.normalize(), "f")


class RateField(StringField):
    """An interest rate; ``data`` is the decimal string "3.69" or None when empty."""

    data: Any

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        text = (self.data or "").strip()
        self.data = None
        if text:
            self.data = parse_rate(text)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        if not self.data:
            return ""
        return (
            str(self.data).replace(".", ",")
            if str(get_locale() or "nl") == "nl"
            else str(self.data)
        )
