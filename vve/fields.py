"""Form pieces every blueprint uses: fields that read what a Dutch board types (amounts,
whole numbers, breukdelen, interest rates; each keeps the typed text when it cannot read
it, so nothing is lost), choices, and a form base that cleans typed text."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import TextInput

from vve.profile.model import clean_text

INT_MESSAGE = _l("Vul een geheel getal in, zonder punten of komma's.")
RANGE_MESSAGE = _l("Vul een getal van %(min)s tot en met %(max)s in.")
SHARE_FORMAT_MESSAGE = _l("Vul een breukdeel in als breuk, bijvoorbeeld 87/10000.")
SHARE_ZERO_MESSAGE = _l("Het getal onder de breukstreep mag geen 0 zijn.")
SHARE_RANGE_MESSAGE = _l("Een breukdeel is groter dan 0 en ten hoogste 1, bijvoorbeeld 87/10000.")
RATE_FORMAT_MESSAGE = _l("Vul de rente in procenten in, bijvoorbeeld 3,69.")
RATE_RANGE_MESSAGE = _l("Vul een rente van 0 tot en met 20 procent in.")
RATE_PLACES_MESSAGE = _l("Gebruik hoogstens drie cijfers achter de komma.")


def choices(pairs) -> list[SelectChoice]:
    """Choices as WTForms wants them; values become text (a term of 20 years is "20")."""
    return [SelectChoice(str(value), label) for value, label in pairs]


class CleanForm(FlaskForm):
    """A FlaskForm whose text fields drop characters no database or document can hold."""

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


class EuroField(StringField):
    """Whole euros as a Dutch board types them: 125.000, € 125.000 or 125000,00."""

    data: Any

    _CLEAN = re.compile(r"^(\d{1,3}(\.\d{3})+|\d+)(,00?)?$")

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        self.raw = self.data
        text = (self.data or "").replace("€", "").replace(" ", "").strip()
        if not text:
            self.data = None
            return
        if not self._CLEAN.match(text):
            self.data = None
            raise ValueError(str(_l("Vul een bedrag in hele euro's in, bijvoorbeeld 125.000.")))
        digits = text.split(",")[0].replace(".", "")
        if len(digits.lstrip("0")) > 12:  # Python converts at most 4,300 digits
            self.data = None
            raise ValueError(str(_l("Dit bedrag is te groot.")))
        self.data = int(digits)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        if isinstance(self.data, int):
            return f"{self.data:,}".replace(",", ".")
        return self.data or ""


class TolerantIntegerField(IntegerField):
    """A text input: type="number" would drop "1970-1975" silently in the browser."""

    widget = TextInput()

    def process_formdata(self, valuelist):
        if valuelist and valuelist[0].strip() == "":
            self.data = None
            return
        if valuelist and len(valuelist[0].strip().lstrip("+-")) > 12:
            # a range check on a 400-digit number overflows inside WTForms
            self.data = None
            raise ValueError(str(_l("Dit getal is te groot.")))
        try:
            super().process_formdata([v.strip() for v in valuelist])
        except ValueError:
            raise ValueError(str(INT_MESSAGE)) from None


_SHARE = re.compile(r"^\s*(\d{1,6})\s*/\s*(\d{1,6})\s*$")


def parse_share(text: str) -> Fraction:
    """A breukdeel as the deed writes it: "87/10000" (spaces allowed), more than 0 and at
    most 1. Raises ValueError with a Dutch message."""
    match = _SHARE.match(text or "")
    if not match:
        raise ValueError(str(SHARE_FORMAT_MESSAGE))
    numerator, denominator = int(match.group(1)), int(match.group(2))
    if denominator == 0:
        raise ValueError(str(SHARE_ZERO_MESSAGE))
    share = Fraction(numerator, denominator)
    if not 0 < share <= 1:
        raise ValueError(str(SHARE_RANGE_MESSAGE))
    return share


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
        parse_share(text)
        numerator, denominator = (part.strip() for part in text.split("/"))
        self.data = f"{int(numerator)}/{int(denominator)}"

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
