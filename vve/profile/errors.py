"""Turn pydantic's validation errors into Dutch messages with a field path.

The wizard shows these next to the field, the CLI prints them; both need the
path (``building.construction_year``) and a sentence that says what is expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails


@dataclass(frozen=True)
class FieldError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '(profiel)'}: {self.message}"


class ProfileError(ValueError):
    """Raised for any invalid profile; ``errors`` holds every problem found."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Codes raised by our own validators (ValueError("code:arg:arg")).
_CUSTOM = {
    "share_format": "Vul een breuk in, bijvoorbeeld 2/3.",
    "share_zero_denominator": "De noemer van de breuk mag geen 0 zijn.",
    "share_range": "Een aandeel ligt tussen 0 en 1 (bijvoorbeeld 1/2 of 2/3).",
    "share_positive": "Een breukdeel is groter dan 0, bijvoorbeeld 87/10000.",
    "postcode_format": "Vul een postcode in als 1234 AB.",
    "quorum_unreachable": (
        "Een quorum van meer dan alle stemmen wordt nooit gehaald; "
        "bedoelt u ten minste alle stemmen (at_least)?"
    ),
    "apartment_number_twice": "Appartement {0} staat twee keer in het register.",
    "result_more_votes_than_present": (
        "Er zijn meer stemmen voor, tegen en blanco dan er aanwezig of vertegenwoordigd waren."
    ),
    "result_more_present_than_total": "Er waren meer stemmen aanwezig dan de VvE heeft.",
    "result_correction_without_reason": "Geef de reden van de correctie.",
    "total_votes_zero": (
        "De VvE heeft zo in totaal 0 stemmen; controleer het aantal "
        "appartementsrechten en de stemmentabel."
    ),
}

# Which field a cross-field code belongs to, so the wizard can put it next to it.
_CUSTOM_PATH = {
    "total_votes_zero": "building.rights.dwellings",
    "apartment_number_twice": "apartments",
}


def _expected_choices(ctx: dict[str, Any]) -> str:
    expected = str(ctx.get("expected", ""))
    return expected.replace(" or ", ", ").replace("'", "")


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        code, *args = str(ctx.get("error", "")).split(":")
        template = _CUSTOM.get(code)
        return template.format(*args) if template else "Deze waarde is ongeldig."
    if kind == "missing":
        return "Dit veld is verplicht."
    if kind == "extra_forbidden":
        return "Onbekend veld; controleer de spelling of laat het weg."
    if kind == "int_parsing_size":
        return "Dit getal heeft te veel cijfers."
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return "Vul een geheel getal in, zonder punten of komma's."
    if kind in {"decimal_parsing", "decimal_type", "finite_number"}:
        return "Vul een getal in, bijvoorbeeld 3.69."
    if kind in {"decimal_max_places", "decimal_max_digits", "decimal_whole_digits"}:
        return "Gebruik hoogstens drie cijfers achter de komma."
    bound = str(ctx.get("ge", ctx.get("le", "")))
    if kind in {"greater_than_equal", "less_than_equal"} and _ISO_DATE.match(bound):
        return "Vul een datum tussen 2000 en 2090 in."
    if kind == "greater_than_equal":
        return f"Vul een getal van minstens {ctx.get('ge')} in."
    if kind == "less_than_equal":
        return f"Vul een getal van hoogstens {ctx.get('le')} in."
    if kind in {"string_type", "string_sub_type"}:
        return "Vul tekst in."
    if kind == "string_too_short" or (
        kind == "too_short" and ctx.get("min_length") == 1 and ctx.get("field_type") == "Value"
    ):
        return "Dit veld mag niet leeg zijn."
    if kind == "string_too_long":
        return f"Gebruik hoogstens {ctx.get('max_length')} tekens."
    if kind == "literal_error":
        return f"Kies een van deze waarden: {_expected_choices(ctx)} (of null voor 'weet ik niet')."
    if kind in {"bool_parsing", "bool_type"}:
        return "Vul ja (true) of nee (false) in, of null voor 'weet ik niet'."
    if kind.startswith("date"):
        return "Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2027-03-01."
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return "Hier hoort een groep velden (een JSON-object)."
    if kind == "list_type":
        return "Hier hoort een lijst."
    if kind == "too_long" and ctx.get("field_type") == "Value":
        return f"Gebruik hoogstens {ctx.get('max_length')} tekens."
    if kind == "too_long":
        return f"Deze lijst mag hoogstens {ctx.get('max_length')} regels hebben."
    if kind == "json_invalid":
        return f"Dit is geen geldige JSON ({ctx.get('error', 'onleesbaar')})."
    return "Deze waarde is ongeldig."


def _path(error: ErrorDetails) -> str:
    loc = [str(part) for part in error["loc"]]
    # pydantic adds the literal/annotation name to union members; keep field names only.
    loc = [part for part in loc if not part.startswith(("function-", "literal[", "lax-", "json-"))]
    if error["type"] == "value_error" and not loc:
        code = str((error.get("ctx") or {}).get("error", "")).split(":")[0]
        return _CUSTOM_PATH.get(code, "")
    return ".".join(loc)


def dutch_errors(exc: ValidationError) -> list[FieldError]:
    """One Dutch FieldError per problem, de-duplicated, in pydantic's order."""
    seen: dict[tuple[str, str], FieldError] = {}
    for error in exc.errors(include_url=False):
        # An Optional field reports its null branch too; drop that noise.
        if error["type"] == "none_required":
            continue
        fe = FieldError(_path(error), _message(error))
        seen.setdefault((fe.path, fe.message), fe)
    return list(seen.values())
